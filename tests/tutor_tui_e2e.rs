//! The tutors' issue end to end through the real binary in pseudo-terminals: a tutor makes a
//! set (`set new`), two candidates take it with `practice --set` in a pty, each exports a
//! bundle (`set export`), one tutor grades both in `class grade` in a pty and two more grade
//! copies through the core API, and `class report` shows the panel numbers computed here.
// Test code: a failed unwrap, expect or panic is the test failing, said where it fails.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

// The shared pty harness; this test uses part of it.
#[allow(dead_code)]
#[path = "tui_pty/harness.rs"]
mod harness;

use std::path::Path;

use assert_cmd::Command;
use serde_json::Value;

use harness::{App, test_banks};
use mianba::tutor::bundle::read_bundle;
use mianba::tutor::grading::{Dimension, Grade, add_grade};

const DOWN: &[u8] = b"\x1b[B";
const CTRL_S: &[u8] = b"\x13";

fn mianba(home: &Path) -> Command {
    let mut cmd = Command::cargo_bin("mianba").unwrap();
    cmd.env("XDG_CONFIG_HOME", home.join("config"))
        .env("HOME", home)
        .env_remove("MIANBA_DATA_DIR")
        .args(["--lang", "en", "--banks"])
        .arg(test_banks());
    cmd
}

fn ok(out: &std::process::Output) -> String {
    assert!(
        out.status.success(),
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout.clone()).unwrap()
}

/// A candidate sits the set in a pty: every question (follow-ups included) answered and
/// submitted, on to the summary, then quit.
fn sit(data: &Path, set: &Path, answer: &str) {
    let set = set.to_str().unwrap();
    let mut app = App::start(data, &["--lang", "en", "practice", "--set", set], 100, 30);
    let mut answered = 0;
    loop {
        let screen = app.wait_for("an answer box or the summary", |s| {
            s.contains("Ctrl-S/F2 submit") || s.contains("Session summary")
        });
        if screen.contains("Session summary") {
            break;
        }
        app.type_text(answer);
        app.wait_text(&answer.chars().take(6).collect::<String>());
        app.submit("Enter continue");
        app.send(b"\r");
        app.wait_for("the result to close", |s| !s.contains("Enter continue"));
        answered += 1;
        assert!(answered < 10, "the set never ended");
    }
    app.type_text("q");
    assert!(app.wait_exit().success());
}

/// Each dimension's points typed on its row, top to bottom.
fn type_scores(app: &mut App, points: [u8; 6]) {
    for p in points {
        app.type_text(&p.to_string());
        app.send(DOWN);
    }
}

fn grade(question: &str, grader: &str, points: [u8; 6]) -> Grade {
    let scores = Dimension::ALL.into_iter().zip(points).collect();
    Grade::new(grader, question, scores, "", 1_700_100_000)
}

#[test]
fn a_set_taken_in_the_app_graded_by_three_tutors_reports_the_panel_mean() {
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path();
    let set = home.join("week1.toml");
    ok(&mianba(home)
        .args([
            "set", "new", "--bank", "tui-test", "--count", "2", "--seed", "1",
        ])
        .args([
            "--title",
            "第一周",
            "--tutor",
            "王老师",
            "--pass-mark",
            "60",
            "--out",
        ])
        .arg(&set)
        .output()
        .unwrap());
    // No thinking time: the set's override applies to every question.
    let text = std::fs::read_to_string(&set).unwrap();
    std::fs::write(
        &set,
        text.replace("\n[set]\n", "\n[set]\nprep_seconds = 0\n"),
    )
    .unwrap();
    ok(&mianba(home)
        .args(["set", "validate"])
        .arg(&set)
        .output()
        .unwrap());

    let candidates = [
        (
            "张三",
            "a",
            "您好，非常抱歉给您添麻烦了。我先核实订单，马上为您换货，之后回访跟进。",
        ),
        ("李四", "b", "好的，我看一下。"),
    ];
    for (name, key, answer) in candidates {
        let data = home.join(key);
        std::fs::create_dir_all(&data).unwrap();
        sit(&data, &set, answer);
        ok(&mianba(home)
            .arg("--data-dir")
            .arg(&data)
            .args(["set", "export", "--name", name, "--set"])
            .arg(&set)
            .arg("--out")
            .arg(home.join(format!("{key}.json")))
            .output()
            .unwrap());
    }
    let a = read_bundle(&home.join("a.json")).unwrap();
    let questions: Vec<String> = a
        .content
        .answers
        .iter()
        .map(|x| x.question.clone())
        .collect();
    assert_eq!(questions.len(), 2, "both questions answered in the app");

    // Tutor 1 grades both bundles in the app: on each paper, each dimension typed on its row,
    // 综合分析 20 on the first answer (65), 15 on the second (60).
    let graded = home.join("graded");
    std::fs::create_dir_all(home.join("t1")).unwrap();
    let mut app = App::start_with_env(
        &home.join("t1"),
        &[
            "--lang",
            "en",
            "class",
            "grade",
            home.join("a.json").to_str().unwrap(),
            home.join("b.json").to_str().unwrap(),
            "--grader",
            "T1",
            "--out",
            graded.to_str().unwrap(),
            "--set",
            set.to_str().unwrap(),
        ],
        &[],
        100,
        30,
    );
    for file in 1..=2 {
        app.wait_text(&format!("answer 1/2 · file {file}/2"));
        assert!(!app.screen().contains("FLAGGED"));
        type_scores(&mut app, [20, 12, 9, 9, 9, 6]);
        app.wait_text("Overall 65/100");
        app.send(CTRL_S);
        app.wait_text(&format!("answer 2/2 · file {file}/2"));
        app.wait_text("Overall —/100");
        type_scores(&mut app, [15, 12, 9, 9, 9, 6]);
        app.wait_text("Overall 60/100");
        app.send(CTRL_S);
    }
    app.wait_text("Every answer is graded");
    app.type_text("q");
    assert!(app.wait_exit().success());

    // Tutors 2 and 3 grade copies through the core API.
    let marks = [
        ("T2", [[25, 20, 15, 15, 15, 10], [10, 10, 5, 5, 5, 5]]), // 100, 40
        ("T3", [[10, 10, 5, 5, 5, 5], [20, 16, 12, 12, 12, 8]]),  // 40, 80
    ];
    for key in ["a", "b"] {
        let t1 = read_bundle(&graded.join(format!("{key}.json"))).unwrap();
        let overall: Vec<u8> = t1.grades.iter().map(|g| g.overall).collect();
        assert_eq!(overall, vec![65, 60], "the app recorded what was shown");
        for (grader, m) in marks {
            let mut b = read_bundle(&home.join(format!("{key}.json"))).unwrap();
            for (q, points) in questions.iter().zip(m) {
                add_grade(&mut b, grade(q, grader, points)).unwrap();
            }
            std::fs::write(graded.join(format!("{key}-{grader}.json")), b.to_json()).unwrap();
        }
    }

    let report: Value = serde_json::from_str(&ok(&mianba(home)
        .args(["class", "report", "--format", "json", "--set"])
        .arg(&set)
        .arg(&graded)
        .output()
        .unwrap()))
    .unwrap();
    // Independently: per answer the overalls are {65,100,40} and {60,40,80}; three graders,
    // so the highest and lowest are dropped: 65 and 60. Average 62.5 ≥ 60: pass.
    let panel = |xs: &mut [f64]| {
        xs.sort_by(f64::total_cmp);
        let mid = &xs[1..xs.len() - 1];
        mid.iter().sum::<f64>() / mid.len() as f64
    };
    let q1 = panel(&mut [65.0, 100.0, 40.0]);
    let q2 = panel(&mut [60.0, 40.0, 80.0]);
    let cands = report["candidates"].as_array().unwrap();
    assert_eq!(
        cands.len(),
        2,
        "three copies of each bundle are one submission"
    );
    for (name, key, _) in candidates {
        let c = cands.iter().find(|c| c["name"] == name).unwrap();
        assert_eq!(c["hand"], serde_json::json!([q1, q2]), "{name}");
        assert_eq!(c["average"].as_f64().unwrap(), (q1 + q2) / 2.0);
        assert_eq!(c["passed"], true);
        assert_eq!(c["graders"].as_array().unwrap().len(), 3);
        assert_eq!(c["flags"].as_array().unwrap().len(), 0);
        // 综合分析: {20,25,10} → 20 and {15,10,20} → 15.
        assert_eq!(
            c["dimensions"]["综合分析"].as_f64().unwrap(),
            (20.0 + 15.0) / 2.0
        );
        let bundle = read_bundle(&home.join(format!("{key}.json"))).unwrap();
        let totals: Vec<u8> = bundle
            .content
            .answers
            .iter()
            .map(|x| x.scorecard.total)
            .collect();
        assert_eq!(c["scores"], serde_json::json!(totals));
    }
    assert_eq!(report["passed"], 2);
    assert_eq!(report["class_average"].as_f64().unwrap(), (q1 + q2) / 2.0);
}

#[test]
fn an_unreadable_bundle_in_the_folder_is_listed_and_the_others_are_graded() {
    let home = tempfile::tempdir().unwrap();
    let home = home.path();
    let folder = home.join("bundles");
    std::fs::create_dir_all(&folder).unwrap();
    std::fs::write(
        folder.join("good.json"),
        include_str!("../src/tui/grading/testdata/bundle.json"),
    )
    .unwrap();
    std::fs::write(folder.join("broken.json"), "{ half a bundle").unwrap();
    let mut app = App::start_with_env(
        home,
        &[
            "--lang",
            "en",
            "class",
            "grade",
            folder.to_str().unwrap(),
            "--grader",
            "T1",
        ],
        &[],
        100,
        30,
    );
    let screen = app.wait_text("Skipped 1 file(s) that cannot be graded");
    assert!(screen.contains("broken.json"), "{screen}");
    assert!(screen.contains("file 1/1"), "{screen}");
    type_scores(&mut app, [20, 12, 9, 9, 9, 6]);
    app.send(CTRL_S);
    app.wait_text("Saved:");
    app.type_text("q");
    assert!(app.wait_exit().success());
    let graded = read_bundle(&folder.join("good.json")).unwrap();
    assert_eq!(graded.grades.len(), 1);
    assert_eq!(graded.grades[0].overall, 65);
}
