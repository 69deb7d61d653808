//! Issue 12, cases 7–11: the numbers of a class report cannot be forged by a candidate and
//! never mix what should stay apart. Scores are rescored from the answer text with the set's
//! rubric (a resealed bundle is caught); out-of-range values are refused; flagged bundles are
//! left out of the numbers unless `--include-flagged`; same-name candidates are kept apart
//! by session; bundles of two sets are never mixed in one table.
// Test code: a failed unwrap, expect or panic is the test failing, said where it fails.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod safe_support;

use std::path::{Path, PathBuf};

use mianba::tutor::bundle::{content_digest, read_bundle};
use mianba::tutor::grading::{Dimension, Grade, add_grade};
use safe_support::{Home, Run, references, sit};
use serde_json::Value;

/// A home with a two-question set and a bundle per (name, answers, store).
fn class(bundles: &[(&str, [&str; 2], &str)]) -> (Home, PathBuf, Vec<PathBuf>) {
    let home = Home::new();
    let set = home.set("w.toml", 3, 2);
    let mut files = Vec::new();
    for (i, (name, answers, store)) in bundles.iter().enumerate() {
        let data = home.path(store);
        sit(&data, &set, answers, 1_700_000_000 + i as i64);
        let out = home.path(&format!("work/{i}.json"));
        home.export(&data, &set, name, &out).ok();
        files.push(out);
    }
    (home, set, files)
}

/// Each (name, answers) sits the set in its own store and exports a bundle; `None` leaves a
/// question unanswered. Returns the bundle files.
fn candidates(home: &Home, set: &Path, sittings: &[(&str, [Option<&str>; 2])]) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for (i, (name, answers)) in sittings.iter().enumerate() {
        let data = home.path(&format!("d{i}"));
        safe_support::sit_some(&data, set, answers, 1_700_000_000);
        let out = home.path(&format!("work/{i}.json"));
        home.export(&data, set, name, &out).ok();
        files.push(out);
    }
    files
}

fn report(home: &Home, set: Option<&Path>, files: &[PathBuf], extra: &[&str]) -> Run {
    let mut cmd = home.cmd();
    cmd.args(["class", "report", "--format", "json"])
        .args(extra);
    if let Some(s) = set {
        cmd.arg("--set").arg(s);
    }
    cmd.args(files);
    safe_support::run_cmd(&mut cmd)
}

fn json(run: &Run) -> Value {
    serde_json::from_str(&run.stdout).unwrap_or_else(|e| panic!("{e}: {}", run.stdout))
}

/// Every total of the bundle set to 100 (after `edit`), the digest recomputed as anyone can;
/// returns the honest totals.
fn forge(file: &Path, edit: impl FnOnce(&mut mianba::tutor::bundle::Bundle)) -> Vec<u64> {
    let mut b = read_bundle(file).unwrap();
    let honest = b
        .content
        .answers
        .iter()
        .map(|a| u64::from(a.scorecard.total))
        .collect();
    edit(&mut b);
    for a in &mut b.content.answers {
        a.scorecard.total = 100;
    }
    b.digest = content_digest(&b.content);
    std::fs::write(file, b.to_json()).unwrap();
    honest
}

/// A report row's per-question scores.
fn scores(row: &Value) -> Vec<u64> {
    row["scores"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s.as_u64().unwrap())
        .collect()
}

/// Case 7: every total set to 100 and the digest recomputed (anyone can): the report rescores
/// the answer text, flags `score-edited`, and neither counts nor shows the forged 100.
#[test]
fn case7_a_resealed_bundle_is_rescored_and_flagged() {
    let (home, set, files) = class(&[("王小二", ["好的。", "嗯"], "a")]);
    let honest = forge(&files[0], |_| ());
    assert!(honest.iter().all(|&t| t < 60), "{honest:?}");

    let run = report(&home, Some(&set), &files, &["--include-flagged"]);
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    assert!(run.stderr.contains("score-edited"), "{}", run.stderr);
    let r = json(&run);
    let row = &r["candidates"][0];
    assert_eq!(scores(row), honest);
    assert_eq!(row["passed"], false);
    // Without --include-flagged it is listed, not counted.
    let r = json(&report(&home, Some(&set), &files, &[]));
    assert_eq!(r["candidates"][0]["counted"], false);
    assert_eq!(r["passed"], 0);
    assert_eq!(r["class_average"], Value::Null);

    // The grading screen rescores too: the paper is flagged, and kept as the candidate sent it.
    let banks = mianba::bank::BankSet::bundled();
    let loaded = mianba::tutor::load_set(&set, &banks).unwrap();
    let (papers, _) = mianba::tutor::papers::read(
        &files[..1],
        Some((&loaded, &banks)),
        None,
        mianba::i18n::Lang::En.ui(),
    )
    .unwrap();
    assert!(
        papers[0].flags.iter().any(|f| matches!(
            f,
            mianba::tutor::bundle::Flag::ScoreEdited { claimed: 100, .. }
        )),
        "{:?}",
        papers[0].flags
    );
    assert!(
        papers[0]
            .bundle
            .content
            .answers
            .iter()
            .all(|a| a.scorecard.total == 100)
    );
}

/// Case 8: a score over 100 (sealed with a recomputed digest) is refused, not averaged.
#[test]
fn case8_out_of_range_scores_are_refused() {
    let (home, set, files) = class(&[("甲", ["好的。", "嗯"], "a")]);
    let mut v: Value = serde_json::from_str(&std::fs::read_to_string(&files[0]).unwrap()).unwrap();
    v["content"]["answers"][0]["scorecard"]["total"] = 237.into();
    v["digest"] = mianba::tutor::digest::digest_of(&v["content"]).into();
    std::fs::write(&files[0], v.to_string()).unwrap();
    for set in [None, Some(set.as_path())] {
        let run = report(&home, set, &files, &[]);
        run.refused("total score of 237; scores are 0 to 100");
        assert!(run.stdout.is_empty(), "{}", run.stdout);
    }
}

/// Case 9: a flagged bundle is listed but left out of averages and passes, unless
/// `--include-flagged`.
#[test]
fn case9_flagged_bundles_are_not_counted_unless_asked() {
    let home = Home::new();
    let set = home.set("w.toml", 3, 2);
    let refs = references(&set);
    let files = candidates(
        &home,
        &set,
        &[
            ("甲", [Some(refs[0].as_str()), Some(refs[1].as_str())]),
            ("乙", [Some("好的。"), Some("嗯")]),
        ],
    );
    // 乙 edits an answer without resealing: flagged as edited.
    let text = std::fs::read_to_string(&files[1]).unwrap();
    std::fs::write(&files[1], text.replacen("好的。", "好的！", 1)).unwrap();

    let run = report(&home, Some(&set), &files, &[]);
    assert_eq!(run.code, Some(1));
    assert!(run.stderr.contains("edited after export"), "{}", run.stderr);
    let r = json(&run);
    let row = |r: &Value, name: &str| -> Value {
        r["candidates"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["name"] == name)
            .unwrap()
            .clone()
    };
    let good = row(&r, "甲")["average"].as_f64().unwrap();
    assert_eq!(row(&r, "乙")["counted"], false);
    assert_eq!(r["not_counted"], 1);
    assert_eq!(r["class_average"].as_f64(), Some(good));
    assert_eq!(r["passed"], 1);
    let mut cmd = home.cmd();
    let md = safe_support::run_cmd(
        cmd.args(["class", "report", "--set"])
            .arg(&set)
            .args(&files),
    );
    assert!(md.stdout.contains("not counted"), "{}", md.stdout);

    let all = json(&report(&home, Some(&set), &files, &["--include-flagged"]));
    let poor = row(&all, "乙")["average"].as_f64().unwrap();
    assert_eq!(all["not_counted"], 0);
    assert_eq!(
        all["class_average"].as_f64(),
        Some(f64::midpoint(good, poor))
    );
}

/// Case 10: two candidates of the same name (different sessions) are both listed, told
/// apart by session, and named in a warning.
#[test]
fn case10_same_name_candidates_are_kept_apart_and_named() {
    let (home, set, files) = class(&[
        ("张三", ["好的。", "嗯"], "a"),
        ("张三", ["您好，非常抱歉。", "嗯"], "b"),
    ]);
    let run = report(&home, Some(&set), &files, &[]);
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    assert!(
        run.stderr
            .contains("张三: submissions from different sessions carry this name"),
        "{}",
        run.stderr
    );
    let r = json(&run);
    let rows = r["candidates"].as_array().unwrap();
    assert_eq!(rows.len(), 2, "{r}");
    assert_ne!(rows[0]["session_uid"], rows[1]["session_uid"]);
    assert_eq!(r["same_name"], serde_json::json!(["张三"]));
}

/// Case 11: bundles of two sets without `--set` are refused with a sentence, never mixed;
/// with `--set`, the other set's bundle is flagged and not counted.
#[test]
fn case11_two_sets_are_never_mixed() {
    let home = Home::new();
    let (one, two) = (home.set("one.toml", 3, 2), home.set("two.toml", 5, 2));
    let mut files = Vec::new();
    for (i, set) in [&one, &two].into_iter().enumerate() {
        let data = home.path(&format!("d{i}"));
        sit(&data, set, &["好的。", "嗯"], 1_700_000_000);
        let out = home.path(&format!("work/{i}.json"));
        home.export(&data, set, &format!("考生{i}"), &out).ok();
        files.push(out);
    }
    let run = report(&home, None, &files, &[]);
    run.refused("the bundles answer 2 different sets (`one`, `two`); report one set at a time with --set FILE");
    assert!(run.stdout.is_empty(), "{}", run.stdout);

    let r = json(&report(&home, Some(&one), &files, &[]));
    assert_eq!(r["not_counted"], 1, "{r}");
    let other = r["candidates"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["name"] == "考生1")
        .unwrap();
    assert_eq!(other["counted"], false);
    assert!(
        other["flags"][0]
            .as_str()
            .unwrap()
            .contains("answers set `two`")
    );
}

/// A spoken set's answers have no text (the score comes from the candidate's checklist), so
/// there is nothing to rescore: an honest spoken bundle is not flagged `score-edited`.
#[test]
fn spoken_answers_are_not_rescored() {
    let home = Home::new();
    let set = home.path("work/spoken.toml");
    let mut cmd = home.cmd();
    safe_support::run_cmd(
        cmd.args([
            "set",
            "new",
            "--bank",
            "complaint",
            "--count",
            "1",
            "--mode",
            "spoken",
        ])
        .arg("--out")
        .arg(&set),
    )
    .ok();
    sit(&home.data(), &set, &[""], 1_700_000_000);
    let out = home.path("work/a.json");
    home.export(&home.data(), &set, "丙", &out).ok();
    // As a checklist would score it: text empty, total 70.
    let mut b = read_bundle(&out).unwrap();
    b.content.answers[0].scorecard.total = 70;
    b.digest = content_digest(&b.content);
    std::fs::write(&out, b.to_json()).unwrap();
    let run = report(&home, Some(&set), &[out], &[]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let r = json(&run);
    assert_eq!(r["candidates"][0]["scores"][0], 70);
    assert_eq!(r["candidates"][0]["counted"], true);
}

#[test]
fn a_bundle_scored_by_another_version_is_rescored_without_a_forgery_flag() {
    // Another mianba's engine may score the same text differently: the tutor's rescored value
    // counts, and the candidate is not accused of editing.
    let (home, set, files) = class(&[("王小二", ["好的。", "嗯"], "a")]);
    let honest = forge(&files[0], |b| b.content.app_version = "0.0.1".into());
    let run = report(&home, Some(&set), &files, &[]);
    assert!(!run.stderr.contains("score-edited"), "{}", run.stderr);
    let r = json(&run);
    let row = &r["candidates"][0];
    assert_eq!(row["counted"], true, "{}", run.stderr);
    assert_eq!(scores(row), honest);
}

/// Issue 14, case 8: one rule for averages. A question left unanswered counts 0 in the
/// question's average as in the candidate's, and the report says so in every format.
#[test]
fn issue14_case8_an_unanswered_question_counts_zero_in_every_average() {
    let home = Home::new();
    let set = home.set("w.toml", 3, 2);
    let refs = references(&set);
    let files = candidates(
        &home,
        &set,
        &[
            ("甲", [Some(refs[0].as_str()), Some(refs[1].as_str())]),
            ("乙", [Some(refs[0].as_str()), None]),
        ],
    );
    let r = json(report(&home, Some(&set), &files, &[]).ok());
    let rows = r["candidates"].as_array().unwrap();
    let second: Vec<f64> = rows
        .iter()
        .map(|c| c["scores"][1].as_f64().unwrap_or(0.0))
        .collect();
    assert!(rows.iter().any(|c| c["scores"][1].is_null()), "{r}");
    // By hand: the second question's average over both candidates, 乙's missing answer as 0.
    let expected = (second[0] + second[1]) / 2.0;
    assert_eq!(r["question_averages"][1].as_f64(), Some(expected), "{r}");
    let class: f64 = rows
        .iter()
        .map(|c| c["average"].as_f64().unwrap())
        .sum::<f64>()
        / 2.0;
    let per_question: f64 = r["question_averages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_f64().unwrap())
        .sum::<f64>()
        / 2.0;
    // One rule: the mean of the question averages is the class average.
    assert!(
        (class - per_question).abs() < 1e-9,
        "{class} vs {per_question}"
    );
    assert!(r["averages_rule"].as_str().unwrap().contains("count 0"));
    for format in ["md", "csv"] {
        let mut cmd = home.cmd();
        let out = safe_support::run_cmd(
            cmd.args(["class", "report", "--format", format, "--set"])
                .arg(&set)
                .args(&files),
        );
        assert!(
            out.stdout.contains("unanswered questions count 0"),
            "{}",
            out.stdout
        );
    }
}

/// Issue 14, case 8: a dimension's band comes from its unrounded mean: 19.5 of 综合分析 is
/// 中 (好 starts at 20), not 好 as its rounding (20) would say.
#[test]
fn issue14_case8_dimension_bands_come_from_unrounded_means() {
    let home = Home::new();
    let set = home.set("w.toml", 3, 2);
    let refs = references(&set);
    let data = home.path("d0");
    sit(
        &data,
        &set,
        &[refs[0].as_str(), refs[1].as_str()],
        1_700_000_000,
    );
    let file = home.path("work/0.json");
    home.export(&data, &set, "甲", &file).ok();
    let mut b = read_bundle(&file).unwrap();
    let questions: Vec<String> = b
        .content
        .answers
        .iter()
        .map(|a| a.question.clone())
        .collect();
    for (q, analysis) in questions.iter().zip([20u8, 19]) {
        let scores = Dimension::ALL
            .into_iter()
            .zip([analysis, 16, 12, 12, 12, 8])
            .collect();
        add_grade(&mut b, Grade::new("T1", q, scores, "", 1_700_100_000)).unwrap();
    }
    std::fs::write(&file, b.to_json()).unwrap();
    let mut cmd = home.cmd();
    let md = safe_support::run_cmd(cmd.args(["class", "report", "--set"]).arg(&set).arg(&file));
    // The bands in the report's language (en here: 中 is fair, 好 good).
    assert!(md.stdout.contains(" 19.5 fair |"), "{}", md.stdout);
    assert!(!md.stdout.contains("19.5 good"), "{}", md.stdout);
}
