//! The tutor core through its public API: sets (inline questions, checksum, plan), bundle
//! checks, grade digests, spreadsheet import.
// Test code: a failed unwrap, expect or panic is the test failing, said where it fails.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::BTreeMap;
use std::path::Path;

use mianba::bank::BankSet;
use mianba::scoring::Rubric;
use mianba::tutor::bundle::{Bundle, BundleAnswer, BundleContent, Flag, verify, verify_integrity};
use mianba::tutor::grading::{Dimension, Grade, GradeError, add_grade};
use mianba::tutor::import::{ImportOptions, import_table};
use mianba::tutor::load_set;

const BANK: &str = r#"schema = 1
[bank]
id = "mine"
title = "Mine"
language = "zh"
[[questions]]
id = "refund"
category = "complaint"
prompt = "客户要求退款，你怎么办？"
  [[questions.points]]
  name = "致歉"
  any = ["抱歉"]
"#;

const SET: &str = r#"schema = 1
[set]
id = "week-2"
title = "第二周"
tutor = "王老师"
due = 2030-01-01T18:00:00+08:00
mode = "exam"
pass_mark = 70
answer_seconds = 90
shuffle = true
seed = 11

[[structures]]
id = "star"
name = "STAR"
sections = [{ name = "情境", cues = ["当时"] }, { name = "结果", cues = ["结果"] }]

[[questions]]
ref = "mine/refund"

[[questions]]
id = "own"
category = "stress"
prompt = "讲一次你被客户误解的经历。"
structure = "star"
  [[questions.points]]
  name = "复盘"
  any = ["总结", "复盘"]

[[questions]]
ref = "complaint/wrong-size"
"#;

/// A folder with the bank `mine` and the set; banks = bundled + `mine`.
fn setup(bank: &str) -> (tempfile::TempDir, BankSet) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("banks")).unwrap();
    std::fs::write(dir.path().join("banks/mine.toml"), bank).unwrap();
    std::fs::write(dir.path().join("set.toml"), SET).unwrap();
    let banks = BankSet::load(&[dir.path().join("banks")], None);
    assert!(banks.problems.is_empty(), "{:?}", banks.problems);
    (dir, banks)
}

#[test]
fn a_set_mixes_refs_and_inline_questions_and_plans_them() {
    let (dir, banks) = setup(BANK);
    let set = load_set(&dir.path().join("set.toml"), &banks).unwrap();
    assert_eq!(set.pass_mark, 70);
    assert_eq!(set.mode.as_str(), "exam");
    assert_eq!(set.due.as_ref().unwrap().unix, 1_893_492_000);
    assert!(set.is_late(1_893_492_001) && !set.is_late(1_893_492_000));
    let ids: Vec<String> = set.questions.iter().map(|q| q.full_id()).collect();
    assert_eq!(
        ids,
        ["mine/refund", "set-week-2/own", "complaint/wrong-size"]
    );

    // The inline question is scored like a bank question, with its inline structure.
    let (bank, q) = set.resolve(&banks, &set.questions[1]).unwrap();
    assert_eq!(bank.structure_of(q).unwrap().name, "STAR");
    let card = Rubric::compile(bank, q).score("当时客户很生气，结果我们一起复盘总结。", None);
    assert!(card.points[0].hit);
    assert_eq!(set.timing(bank, q).answer_seconds, 90);

    // Shuffled by the seed: always the same order, the same questions.
    let plan = set.plan();
    assert_eq!(plan, set.plan());
    assert_eq!(plan.answer_seconds, Some(90));
    let mut planned: Vec<String> = plan.questions.iter().map(|q| q.full_id()).collect();
    planned.sort();
    let mut sorted = ids.clone();
    sorted.sort();
    assert_eq!(planned, sorted);
}

#[test]
fn the_checksum_follows_the_questions_as_resolved() {
    let (dir, banks) = setup(BANK);
    let path = dir.path().join("set.toml");
    let before = load_set(&path, &banks).unwrap().checksum;
    assert_eq!(before.len(), 64);
    assert_eq!(load_set(&path, &banks).unwrap().checksum, before);
    // Editing the referenced bank question changes the set's checksum …
    let (dir2, banks2) = setup(&BANK.replace("你怎么办", "你会怎么办"));
    assert_ne!(
        load_set(&dir2.path().join("set.toml"), &banks2)
            .unwrap()
            .checksum,
        before
    );
    // … and so does the pass mark; a comment does not.
    std::fs::write(&path, SET.replace("pass_mark = 70", "pass_mark = 71")).unwrap();
    assert_ne!(load_set(&path, &banks).unwrap().checksum, before);
    std::fs::write(&path, format!("# note\n{SET}")).unwrap();
    assert_eq!(load_set(&path, &banks).unwrap().checksum, before);
}

#[test]
fn set_problems_are_file_line_column() {
    let (dir, banks) = setup(BANK);
    let path = dir.path().join("bad.toml");
    let text = SET
        .replace(
            "ref = \"mine/refund\"",
            "ref = \"mine/refnud\"\nprompt = \"x\"",
        )
        .replace("structure = \"star\"", "structure = \"stra\"")
        .replace("pass_mark = 70", "pass_mark = 170");
    std::fs::write(&path, text).unwrap();
    let problems: Vec<String> = load_set(&path, &banks)
        .unwrap_err()
        .iter()
        .map(|p| format!("{}:{}: {}", p.line, p.column, p.message))
        .collect();
    assert_eq!(
        problems,
        [
            "8:13: `pass_mark` must be from 0 to 100, found 170",
            "19:7: ref `mine/refnud` names no loaded question; did you mean `mine/refund`?",
            "20:1: `prompt` cannot go with `ref`: a referenced question is used as its bank has it; remove it, or write the question inline without `ref`",
            "26:13: structure `stra` is not defined in this bank; did you mean `star`?",
        ]
    );
}

fn bundle_for(set: &mianba::tutor::Set, banks: &BankSet) -> Bundle {
    let r = &set.questions[0];
    let (bank, q) = set.resolve(banks, r).unwrap();
    let text = "非常抱歉，我马上处理。";
    Bundle::new(BundleContent {
        app_version: env!("CARGO_PKG_VERSION").into(),
        candidate: "张三".into(),
        set_id: set.id.clone(),
        set_title: set.title.clone(),
        set_checksum: set.checksum.clone(),
        session_uid: None,
        started_at: 1,
        submitted_at: 2,
        answers: vec![BundleAnswer {
            question: r.full_id(),
            prompt: q.prompt.clone(),
            answer_text: text.into(),
            seconds_used: 30,
            attempt: 1,
            scorecard: Rubric::compile(bank, q).score(text, Some(30)),
            followups: Vec::new(),
        }],
    })
}

fn full_marks(question: &str, grader: &str) -> Grade {
    let scores: BTreeMap<Dimension, u8> = Dimension::ALL
        .into_iter()
        .map(|d| (d, d.max_points()))
        .collect();
    Grade::new(grader, question, scores, "好", 5)
}

#[test]
fn bundles_are_flagged_when_edited_foreign_or_stale() {
    let (dir, banks) = setup(BANK);
    let set = load_set(&dir.path().join("set.toml"), &banks).unwrap();
    let clean = bundle_for(&set, &banks);
    assert_eq!(verify(&clean, &set), vec![]);

    // Through a file and back: still clean.
    let file = dir.path().join("b.json");
    std::fs::write(&file, clean.to_json()).unwrap();
    let read = mianba::tutor::bundle::read_bundle(&file).unwrap();
    assert_eq!(verify(&read, &set), vec![]);

    // Edited in the file: the answer text changed, the digest kept.
    std::fs::write(&file, clean.to_json().replace("马上处理", "立刻处理")).unwrap();
    let edited = mianba::tutor::bundle::read_bundle(&file).unwrap();
    assert_eq!(verify(&edited, &set), vec![Flag::Edited]);

    let mut other = clean.content.clone();
    other.set_id = "week-9".into();
    assert!(verify(&Bundle::new(other), &set).contains(&Flag::OtherSet {
        expected: "week-2".into(),
        found: "week-9".into()
    }));
    let mut stale = clean.content.clone();
    stale.set_checksum = "0".repeat(64);
    assert_eq!(verify(&Bundle::new(stale), &set), vec![Flag::SetChanged]);
    let mut future = clean.content.clone();
    future.app_version = "99.0.0".into();
    assert_eq!(
        verify_integrity(&Bundle::new(future)),
        vec![Flag::UnknownVersion {
            version: "99.0.0".into()
        }]
    );
}

#[test]
fn grades_keep_the_bundle_digest_and_carry_their_own() {
    let (dir, banks) = setup(BANK);
    let set = load_set(&dir.path().join("set.toml"), &banks).unwrap();
    let mut b = bundle_for(&set, &banks);
    let q = set.questions[0].full_id();
    add_grade(&mut b, full_marks(&q, "王老师")).unwrap();
    add_grade(&mut b, full_marks(&q, "王老师")).unwrap();
    assert_eq!(b.grades.len(), 1, "one grade per grader and question");
    assert_eq!(b.grades[0].overall, 100);
    assert_eq!(
        verify(&b, &set),
        vec![],
        "grading does not break the digest"
    );

    let mut forged = b.clone();
    forged.grades[0].overall = 10;
    assert_eq!(
        verify_integrity(&forged),
        vec![Flag::GradeEdited {
            grader: "王老师".into(),
            question: q.clone()
        }]
    );
    // A grade copied onto another candidate's bundle does not fit there.
    let mut other = bundle_for(&set, &banks);
    other.content.candidate = "李四".into();
    let mut other = Bundle::new(other.content);
    other.grades.push(b.grades[0].clone());
    assert_eq!(verify_integrity(&other).len(), 1);

    let mut too_high = full_marks(&q, "李老师");
    too_high.scores.insert(Dimension::Motivation, 11);
    assert_eq!(
        add_grade(&mut b, too_high),
        Err(GradeError::TooHigh {
            dimension: "求职动机",
            points: 11,
            max: 10
        })
    );
    assert_eq!(
        add_grade(&mut b, full_marks("mine/none", "李老师")),
        Err(GradeError::NoSuchAnswer("mine/none".into()))
    );
}

#[test]
fn a_spreadsheet_becomes_a_bank_the_loader_accepts() {
    let csv = "id,prompt,category,difficulty,points,reference,tips,avoid,answer_seconds\n\
               ,客户要求退货，你怎么办？,complaint,2,!致歉:抱歉|对不起;核实:核实|查询,您好，非常抱歉，我先核实。,先致歉;再核实,推卸:不关我的事|你自己的问题,120\n\
               late,\"快递延误，客户很着急，你怎么说？\",complaint,,安抚:别着急|理解您,,,,\n";
    let opts = ImportOptions {
        id: "imported".into(),
        title: "导入".into(),
        language: mianba::bank::Language::Zh,
    };
    let out = Path::new("/nonexistent/imported.toml");
    let toml = import_table(csv, "q.csv", b',', out, &opts).unwrap();
    let bank = mianba::bank::load::parse_bank(
        &toml,
        "imported.toml",
        mianba::bank::Source::File(out.into()),
        &mianba::bank::figure::FolderFigures::new("/nonexistent"),
    )
    .unwrap();
    assert_eq!(bank.id, "imported");
    assert_eq!(bank.questions.len(), 2);
    let q = &bank.questions[0];
    assert_eq!(q.id, "q1");
    assert_eq!(q.answer_seconds, Some(120));
    assert_eq!(q.tips, ["先致歉", "再核实"]);
    assert_eq!(q.points[0].name, "致歉");
    assert!(q.points[0].required && !q.points[1].required);
    assert_eq!(q.points[1].any, ["核实", "查询"]);
    assert_eq!(q.avoid[0].why, "推卸");
    assert_eq!(bank.questions[1].id, "late");

    // The bank checker's own findings land on the row: an empty phrase list would be caught
    // first by the importer, a penalty-free check (answer time 0) by the range check.
    let bad = "prompt,category,points,answer_seconds\nq,complaint,a:b,0\n";
    let problems = import_table(bad, "q.csv", b',', out, &opts).unwrap_err();
    assert_eq!(
        problems[0].to_string(),
        "q.csv:2:4: `answer_seconds` must be a whole number from 1 to 3600, found `0`"
    );
}
