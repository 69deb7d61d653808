//! End to end for tutors: a tutor makes a set (`set new`), two candidates answer it (real
//! store and scorer; the pseudo-terminal part belongs to the TUI tests), export bundles
//! (`set export`), three tutors grade copies, `class report` shows the right numbers —
//! computed here independently from the bundle files — and a candidate imports the grades.
// Test code: a failed unwrap, expect or panic is the test failing, said where it fails.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::BTreeMap;
use std::path::Path;

use assert_cmd::Command;
use serde_json::Value;

use mianba::bank::BankSet;
use mianba::store::Store;
use mianba::tutor::bundle::read_bundle;
use mianba::tutor::grading::{Dimension, Grade, add_grade};
use mianba::tutor::load_set;

mod safe_support;
// A candidate's sitting of the set: each answer scored and saved as the app does.
use safe_support::sit_some as sit;

fn mianba(config: &Path) -> Command {
    let mut cmd = Command::cargo_bin("mianba").unwrap();
    cmd.env("XDG_CONFIG_HOME", config)
        .env("HOME", config)
        .env_remove("MIANBA_DATA_DIR")
        .arg("--lang")
        .arg("en");
    cmd
}

fn grade(question: &str, grader: &str, points: [u8; 6], at: i64) -> Grade {
    let scores: BTreeMap<Dimension, u8> = Dimension::ALL.into_iter().zip(points).collect();
    Grade::new(grader, question, scores, &format!("{grader} 的评语"), at)
}

fn succeeded(out: &std::process::Output) {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn json_of(out: &std::process::Output) -> Value {
    succeeded(out);
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn set_bundles_three_graders_and_the_class_report() {
    let dir = tempfile::tempdir().unwrap();
    let (config, work) = (dir.path().join("config"), dir.path().join("work"));
    std::fs::create_dir_all(&work).unwrap();
    let set_file = work.join("week1.toml");

    // The tutor makes a set of two complaint questions, due far in the future.
    let out = mianba(&config)
        .args([
            "set",
            "new",
            "--bank",
            "complaint",
            "--count",
            "2",
            "--seed",
            "3",
        ])
        .args([
            "--due",
            "2099-12-31",
            "--pass-mark",
            "60",
            "--tutor",
            "王老师",
            "--out",
        ])
        .arg(&set_file)
        .output()
        .unwrap();
    succeeded(&out);
    let out = mianba(&config)
        .args(["set", "validate"])
        .arg(&set_file)
        .output()
        .unwrap();
    succeeded(&out);
    let set = load_set(&set_file, &BankSet::bundled()).unwrap();
    assert_eq!(set.questions.len(), 2);
    let q: Vec<String> = set.questions.iter().map(|r| r.full_id()).collect();
    let banks = BankSet::bundled();
    let reference = |i: usize| {
        let (_, question) = set.resolve(&banks, &set.questions[i]).unwrap();
        question.reference.clone().unwrap()
    };

    // Two candidates: 张三 answers both with the model answers; 李四 only the first, briefly.
    let (a_data, b_data) = (dir.path().join("a"), dir.path().join("b"));
    let (ref0, ref1) = (reference(0), reference(1));
    sit(
        &a_data,
        &set_file,
        &[Some(&ref0), Some(&ref1)],
        1_700_000_000,
    );
    sit(
        &b_data,
        &set_file,
        &[Some("您好，非常抱歉给您添麻烦了，我马上帮您处理。"), None],
        1_700_000_000,
    );
    for (data, name, file) in [(&a_data, "张三", "a.json"), (&b_data, "李四", "b.json")] {
        let out = mianba(&config)
            .arg("--data-dir")
            .arg(data)
            .args(["set", "export", "--name", name, "--set"])
            .arg(&set_file)
            .arg("--out")
            .arg(work.join(file))
            .output()
            .unwrap();
        succeeded(&out);
    }

    // Three tutors grade copies of 张三's bundle; one tutor grades 李四's.
    let graded = dir.path().join("graded");
    std::fs::create_dir_all(&graded).unwrap();
    let a_marks = [
        ("王老师", [[20, 16, 12, 12, 12, 8], [15, 12, 9, 9, 9, 6]]), // 80, 60
        (
            "李老师",
            [[25, 20, 15, 15, 15, 10], [20, 16, 12, 12, 12, 8]],
        ), // 100, 80
        ("赵老师", [[10, 10, 5, 5, 5, 5], [25, 20, 15, 15, 15, 10]]), // 40, 100
    ];
    for (i, (grader, marks)) in a_marks.iter().enumerate() {
        let mut b = read_bundle(&work.join("a.json")).unwrap();
        for (qi, m) in marks.iter().enumerate() {
            add_grade(&mut b, grade(&q[qi], grader, *m, 1_700_100_000 + i as i64)).unwrap();
        }
        std::fs::write(graded.join(format!("a-{i}.json")), b.to_json()).unwrap();
    }
    let mut b = read_bundle(&work.join("b.json")).unwrap();
    add_grade(
        &mut b,
        grade(&q[0], "王老师", [15, 12, 9, 9, 9, 6], 1_700_100_000),
    )
    .unwrap();
    std::fs::write(graded.join("b-0.json"), b.to_json()).unwrap();
    std::fs::copy(work.join("a.json"), graded.join("a-original.json")).unwrap();

    let roster = work.join("roster.txt");
    std::fs::write(&roster, "张三\n李四\n王五\n").unwrap();
    let report = json_of(
        &mianba(&config)
            .args(["class", "report", "--format", "json", "--set"])
            .arg(&set_file)
            .arg("--roster")
            .arg(&roster)
            .arg(&graded)
            .output()
            .unwrap(),
    );

    // Independently: the automatic totals from the bundle files, the panel rule by hand.
    let bundle_json = |f: &str| -> Value {
        serde_json::from_str(&std::fs::read_to_string(work.join(f)).unwrap()).unwrap()
    };
    let total = |b: &Value, i: usize| {
        b["content"]["answers"][i]["scorecard"]["total"]
            .as_u64()
            .unwrap()
    };
    let (a, bj) = (bundle_json("a.json"), bundle_json("b.json"));
    assert_eq!(bj["content"]["answers"].as_array().unwrap().len(), 1);

    let cands = report["candidates"].as_array().unwrap();
    assert_eq!(cands.len(), 2, "four copies of 张三 merge into one row");
    let zs = cands.iter().find(|c| c["name"] == "张三").unwrap();
    let ls = cands.iter().find(|c| c["name"] == "李四").unwrap();
    assert_eq!(
        zs["scores"],
        serde_json::json!([total(&a, 0), total(&a, 1)])
    );
    // Three graders: drop highest and lowest. Q1 {80,100,40} → 80; Q2 {60,80,100} → 80.
    assert_eq!(zs["hand"], serde_json::json!([80.0, 80.0]));
    assert_eq!(zs["average"], 80.0);
    assert_eq!(zs["passed"], true);
    assert_eq!(zs["graders"].as_array().unwrap().len(), 3);
    // 综合分析: Q1 {20,25,10} → 20; Q2 {15,20,25} → 20.
    assert_eq!(zs["dimensions"]["综合分析"], 20.0);
    assert_eq!(zs["dimensions"]["求职动机"], 8.0);
    assert_eq!(zs["flags"].as_array().unwrap().len(), 0);
    // 李四: one grader (60) on Q1, Q2 unanswered (0): average 30, fail.
    assert_eq!(ls["scores"], serde_json::json!([total(&bj, 0), null]));
    assert_eq!(ls["hand"], serde_json::json!([60.0, null]));
    assert_eq!(ls["average"], 30.0);
    assert_eq!(ls["passed"], false);
    assert_eq!(ls["unanswered"], serde_json::json!([q[1]]));
    assert_eq!(report["passed"], 1);
    assert_eq!(report["class_average"], 55.0);
    assert_eq!(report["missing"], serde_json::json!(["王五"]));
    let q1_mean = (total(&a, 0) + total(&bj, 0)) as f64 / 2.0;
    assert_eq!(report["question_averages"][0].as_f64().unwrap(), q1_mean);
    // One rule for averages (issue 14, case 8): 李四's unanswered Q2 counts 0 here too.
    assert_eq!(
        report["question_averages"][1].as_f64().unwrap(),
        total(&a, 1) as f64 / 2.0
    );
    assert_eq!(
        report["question_hand_averages"],
        serde_json::json!([70.0, 40.0])
    );
    // The most missed points are counted from the scorecards.
    let missed_q1: usize = [&a, &bj]
        .iter()
        .map(|b| {
            b["content"]["answers"][0]["scorecard"]["points"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|p| p["hit"] == false)
                .count()
        })
        .sum();
    let reported_q1: u64 = report["missed_points"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["question"] == q[0].as_str())
        .map(|p| p["missed"].as_u64().unwrap())
        .sum();
    assert!(missed_q1 > 0, "李四's short answer misses points");
    assert!(reported_q1 <= missed_q1 as u64 && reported_q1 > 0);

    // The markdown shows the merged cell "auto / panel" and the missing name.
    let md = mianba(&config)
        .args(["class", "report", "--set"])
        .arg(&set_file)
        .arg("--roster")
        .arg(&roster)
        .arg(&graded)
        .output()
        .unwrap();
    let md = String::from_utf8(md.stdout).unwrap();
    assert!(
        md.contains(&format!(
            "| 张三 | {} / 80 | {} / 80 | 80 | pass |",
            total(&a, 0),
            total(&a, 1)
        )),
        "{md}"
    );
    assert!(md.contains("## Missing\n\n王五"), "{md}");

    // The candidate imports one tutor's graded copy; history can read the grades back.
    let out = mianba(&config)
        .arg("--data-dir")
        .arg(&a_data)
        .args(["set", "import-grades"])
        .arg(graded.join("a-1.json"))
        .output()
        .unwrap();
    succeeded(&out);
    let store = Store::open(&a_data).unwrap();
    let session = store.latest_session_of_set(&set.id).unwrap().unwrap();
    let grades = store.grades_for_session(session).unwrap();
    assert_eq!(grades.len(), 2);
    assert!(grades.iter().all(|g| g.grader == "李老师"));
    assert_eq!(
        grades.iter().map(|g| u32::from(g.overall)).sum::<u32>(),
        180
    );
}
