//! Issue 14, case 4: a set whose questions come from a bank that is not bundled (a tutor's
//! imported sheet) carries the questions themselves (`set new --inline`, the default then),
//! so a candidate without that bank can take it; questions of bundled banks stay references
//! unless `--inline` is asked for.
// Test code: a failed unwrap, expect or panic is the test failing, said where it fails.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod safe_support;

// The shared pty harness; this test uses part of it.
#[allow(dead_code)]
#[path = "tui_pty/harness.rs"]
mod harness;

use safe_support::{Home, Run};

const SHEET: &str = "id,category,prompt,points,reference\n\
wrong-size,complaint,顾客收到的衣服尺码不对，你怎么回应？,!致歉：抱歉｜对不起；核实：核实｜订单,非常抱歉，我马上核实订单。\n\
late-parcel,complaint,快递迟到三天，顾客要求赔偿，你怎么处理？,!致歉：抱歉；补偿：补偿｜优惠券,抱歉让您久等，我为您申请补偿。\n";

/// The tutor's own folder: the sheet imported as bank `week1-bank` in `tutor/`.
fn tutor_bank(home: &Home) -> std::path::PathBuf {
    let dir = home.path("tutor");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("sheet.csv"), SHEET).unwrap();
    let mut cmd = home.cmd();
    cmd.args(["banks", "import"])
        .arg(dir.join("sheet.csv"))
        .args(["--id", "week1-bank"]);
    safe_support::run_cmd(&mut cmd).ok();
    dir
}

fn set_new(home: &Home, banks: Option<&std::path::Path>, extra: &[&str]) -> Run {
    let mut cmd = home.cmd();
    if let Some(dir) = banks {
        cmd.arg("--banks").arg(dir);
    }
    cmd.args(["set", "new", "--count", "2", "--out", "w.toml", "--force"])
        .args(extra);
    safe_support::run_cmd(&mut cmd)
}

#[test]
fn a_set_from_an_imported_bank_is_taken_where_the_bank_is_not_installed() {
    let home = Home::new();
    let banks = tutor_bank(&home);
    set_new(&home, Some(&banks), &["--bank", "week1-bank"]).ok();
    let set = home.path("work/w.toml");
    let text = std::fs::read_to_string(&set).unwrap();
    assert!(!text.contains("ref ="), "{text}");
    assert!(text.contains("顾客收到的衣服尺码不对"), "{text}");

    // The candidate has only the set file: no --banks, an empty data folder.
    let run = home.run(["set", "validate", "w.toml"]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let data = home.path("candidate");
    home.sit(
        &data,
        &set,
        &[
            "非常抱歉，我马上核实您的订单。",
            "抱歉让您久等，我为您申请优惠券补偿。",
        ],
        1_700_000_000,
    );
    let bundle = home.path("work/a.json");
    home.export(&data, &set, "甲", &bundle).ok();
    let mut cmd = home.cmd();
    let report = safe_support::run_cmd(
        cmd.args(["class", "report", "--format", "json", "--set"])
            .arg(&set)
            .arg(&bundle),
    );
    let r: serde_json::Value = serde_json::from_str(&report.ok().stdout).unwrap();
    let scores = &r["candidates"][0]["scores"];
    assert!(
        scores[0].as_u64().unwrap() > 0 && scores[1].as_u64().unwrap() > 0,
        "{r}"
    );

    // And in the app: the inline question is on screen.
    std::fs::create_dir_all(home.path("pty-data")).unwrap();
    let mut app = harness::App::start(
        &home.path("pty-data"),
        &["--lang", "en", "practice", "--set", set.to_str().unwrap()],
        100,
        30,
    );
    let screen = app.wait_text("Question 1 of 2");
    assert!(
        screen.contains("快递迟到三天") || screen.contains("顾客收到的衣服"),
        "{screen}"
    );
    app.ctrl_c();
}

#[test]
fn bundled_questions_stay_references_unless_inline_is_asked() {
    let home = Home::new();
    let by_ref = set_new(&home, None, &["--bank", "complaint"]);
    by_ref.ok();
    let text = std::fs::read_to_string(home.path("work/w.toml")).unwrap();
    assert_eq!(text.matches("ref = ").count(), 2, "{text}");
    set_new(&home, None, &["--bank", "complaint", "--inline"]).ok();
    let text = std::fs::read_to_string(home.path("work/w.toml")).unwrap();
    assert!(!text.contains("ref ="), "{text}");
    assert!(text.contains("[[questions.points]]"), "{text}");
    let run = home.run(["set", "validate", "w.toml"]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
}

/// A question with a figure (a file beside its bank) cannot travel inside the set: asked for
/// with --inline that is an error; as the mere default the set keeps references, and says so.
#[test]
fn a_figure_keeps_references_unless_inline_was_asked() {
    let home = Home::new();
    let banks = std::path::PathBuf::from(harness::test_banks());
    let extra = ["--bank", "tui-test", "--seed", "1"];
    let run = set_new(&home, Some(&banks), &extra);
    run.ok();
    assert!(
        run.stderr.contains("candidates need the same banks"),
        "{}",
        run.stderr
    );
    let text = std::fs::read_to_string(home.path("work/w.toml")).unwrap();
    assert_eq!(text.matches("ref = ").count(), 2, "{text}");
    let run = set_new(&home, Some(&banks), &[&extra[..], &["--inline"]].concat());
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    assert!(run.stderr.contains("has a figure"), "{}", run.stderr);
}

/// The reason a set cannot carry its questions is given in the UI's language (issue 13).
#[test]
fn why_a_set_cannot_carry_its_questions_is_said_in_chinese() {
    let home = Home::new();
    let banks = std::path::PathBuf::from(harness::test_banks());
    let mut cmd = home.cmd_in("zh");
    cmd.arg("--banks").arg(&banks);
    cmd.args(["set", "new", "--count", "2", "--out", "w.toml", "--force"])
        .args(["--bank", "tui-test", "--seed", "1", "--inline"]);
    let run = safe_support::run_cmd(&mut cmd);
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    assert!(
        run.stderr.contains("无法把题目写进作业（`tui-test/"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("带有材料图"), "{}", run.stderr);
    assert!(!run.stderr.contains("has a figure"), "{}", run.stderr);
}
