//! A tutor's grades, once imported with `set import-grades`, are shown to the candidate:
//! `history` marks the graded session (✎, with its legend; `graded` in the JSON) and
//! `report` puts each grade beside the automatic score (Markdown, and `tutor_grades` in the
//! JSON).
// Test code: a failed unwrap, expect or panic is the test failing, said where it fails.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::BTreeMap;

use serde_json::Value;

use mianba::tutor::bundle::read_bundle;
use mianba::tutor::grading::{Dimension, Grade, add_grade};

mod safe_support;
use safe_support::{Home, Run, references, run_cmd};

/// A run in zh (`Home::run` is en).
fn zh(home: &Home, args: &[&str]) -> Run {
    let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin("mianba"));
    cmd.env("MIANBA_DATA_DIR", home.data())
        .env("HOME", home.path("config"))
        .env("XDG_CONFIG_HOME", home.path("config"))
        .args(["--lang", "zh"])
        .args(args);
    run_cmd(&mut cmd)
}

/// A candidate's data folder with one graded sitting of a two-question set (grader 李老师,
/// 20+16+12+12+12+8 = 80 on each answer) and one ungraded practice session after it.
fn graded_home() -> (Home, Vec<String>) {
    let home = Home::new();
    let set = home.set("week1.toml", 3, 2);
    let refs = references(&set);
    let answers: Vec<&str> = refs.iter().map(String::as_str).collect();
    home.sit(&home.data(), &set, &answers, 1_700_000_000);
    let bundle = home.path("work/a.json");
    home.export(&home.data(), &set, "张三", &bundle).ok();
    let mut b = read_bundle(&bundle).unwrap();
    let questions: Vec<String> = b
        .content
        .answers
        .iter()
        .map(|a| a.question.clone())
        .collect();
    for q in &questions {
        let scores: BTreeMap<Dimension, u8> = Dimension::ALL
            .into_iter()
            .zip([20, 16, 12, 12, 12, 8])
            .collect();
        add_grade(
            &mut b,
            Grade::new("李老师", q, scores, "条理清楚", 1_700_100_000),
        )
        .unwrap();
    }
    let graded = home.path("work/a-graded.json");
    std::fs::write(&graded, b.to_json()).unwrap();
    home.run(["set".as_ref(), "import-grades".as_ref(), graded.as_os_str()])
        .ok();
    home.sit(&home.data(), &set, &answers[..1], 1_700_200_000);
    (home, questions)
}

#[test]
fn history_marks_the_graded_session_and_explains_the_mark() {
    let (home, _) = graded_home();
    let run = home.run(["history"]);
    let out = &run.ok().stdout;
    let lines: Vec<&str> = out.lines().collect();
    // Newest first: the later practice is not graded, the set's sitting is.
    assert!(!lines[1].contains('✎'), "{out}");
    assert!(lines[2].contains('✎'), "{out}");
    assert!(out.contains("✎ = graded by a tutor"), "{out}");
    let json: Value = serde_json::from_str(&home.run(["history", "--json"]).ok().stdout).unwrap();
    assert_eq!(json[0]["graded"], false);
    assert_eq!(json[1]["graded"], true);
    // zh too.
    let run = zh(&home, &["history"]);
    assert!(run.ok().stdout.contains("✎ = 老师已评分"), "{}", run.stdout);
}

#[test]
fn report_shows_each_tutors_grade_beside_the_automatic_score() {
    let (home, questions) = graded_home();
    let json: Value =
        serde_json::from_str(&home.run(["report", "1", "--format", "json"]).ok().stdout).unwrap();
    let answers = json["answers"].as_array().unwrap();
    assert_eq!(answers.len(), 2);
    for (a, q) in answers.iter().zip(&questions) {
        assert_eq!(a["question_id"], q.as_str());
        let grades = a["tutor_grades"].as_array().unwrap();
        assert_eq!(grades.len(), 1, "{a}");
        let g = &grades[0];
        assert_eq!(g["grader"], "李老师");
        assert_eq!(g["score"], 80);
        assert_eq!(g["dimensions"]["综合分析"], 20);
        assert_eq!(g["dimensions"]["求职动机"], 8);
        assert_eq!(g["comment"], "条理清楚");
        assert_eq!(g["graded_at"], 1_700_100_000);
        // The automatic scores are still there, beside it.
        assert!(a["total"].is_u64());
    }
    // An ungraded session has the key, empty.
    let json: Value =
        serde_json::from_str(&home.run(["report", "2", "--format", "json"]).ok().stdout).unwrap();
    assert_eq!(json["answers"][0]["tutor_grades"], serde_json::json!([]));

    let md = home.run(["report", "1"]).ok().stdout.clone();
    assert_eq!(
        md.matches("**Tutor's grade · 李老师: 80/100").count(),
        2,
        "{md}"
    );
    assert!(md.contains("analysis 20/25 · expression 16/20"), "{md}");
    assert!(md.contains("Comment: 条理清楚"), "{md}");
    let zh = zh(&home, &["report", "1"]).ok().stdout.clone();
    assert!(zh.contains("**老师评分 · 李老师：80/100"), "{zh}");
    assert!(zh.contains("综合分析 20/25 · 言语表达 16/20"), "{zh}");
    assert!(zh.contains("评语：条理清楚"), "{zh}");
}
