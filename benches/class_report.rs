//! A class report over 1,000 generated result bundles (target: ≤ 1 s in release): every file
//! read, digested and checked against the set, the report aggregated and rendered as markdown.
//! Each bundle answers the set's five questions with real scorecards; every tenth carries three
//! tutors' grades, so the panel rule and the dimension averages run too.
// Benchmark code: a failed unwrap, expect or panic is the benchmark failing, said where it fails.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::BTreeMap;
use std::hint::black_box;
use std::path::{Path, PathBuf};

use criterion::{Criterion, criterion_group, criterion_main};
use mianba::bank::BankSet;
use mianba::scoring::Rubric;
use mianba::tutor::bundle::{Bundle, BundleAnswer, BundleContent};
use mianba::tutor::class::report;
use mianba::tutor::grading::{Dimension, Grade, add_grade};
use mianba::tutor::load_set;
use mianba::tutor::submissions::read_submissions;

const BUNDLES: usize = 1_000;

const SET: &str = r#"schema = 1
[set]
id = "bench"
title = "基准测试"
due = 2099-01-01
[[questions]]
ref = "complaint/wrong-size"
[[questions]]
ref = "complaint/return-request"
[[questions]]
ref = "stress/criticised-in-public"
[[questions]]
ref = "supervisor/new-product-training"
[[questions]]
ref = "self-intro/why-customer-service"
"#;

const ANSWERS: [&str; 3] = [
    "您好，非常抱歉给您带来不便。我先核实一下订单信息，然后为您办理换货，运费由我们承担，请您放心。",
    "我觉得这个问题要分情况处理，首先安抚客户情绪，其次查明原因，最后给出解决方案并跟进回访。",
    "不好意思，这个我也不清楚。",
];

fn generate(dir: &Path) -> PathBuf {
    let set_file = dir.join("set.toml");
    std::fs::write(&set_file, SET).unwrap();
    let banks = BankSet::bundled();
    let set = load_set(&set_file, &banks).unwrap();
    let out = dir.join("bundles");
    std::fs::create_dir_all(&out).unwrap();
    // Score each question once per answer text; bundles pick among the cards.
    let cards: Vec<Vec<_>> = set
        .questions
        .iter()
        .map(|r| {
            let (bank, q) = set.resolve(&banks, r).unwrap();
            let rubric = Rubric::compile(bank, q);
            ANSWERS
                .iter()
                .map(|a| (q.prompt.clone(), rubric.score(a, Some(80))))
                .collect()
        })
        .collect();
    for i in 0..BUNDLES {
        let answers = set
            .questions
            .iter()
            .zip(&cards)
            .enumerate()
            .map(|(j, (r, cs))| {
                let k = (i + j) % ANSWERS.len();
                BundleAnswer {
                    question: r.full_id(),
                    prompt: cs[k].0.clone(),
                    answer_text: ANSWERS[k].to_string(),
                    seconds_used: 80,
                    attempt: 1,
                    scorecard: cs[k].1.clone(),
                    followups: Vec::new(),
                }
            })
            .collect();
        let mut bundle = Bundle::new(BundleContent {
            app_version: env!("CARGO_PKG_VERSION").into(),
            candidate: format!("考生{i:04}"),
            set_id: set.id.clone(),
            set_title: set.title.clone(),
            set_checksum: set.checksum.clone(),
            session_uid: None,
            started_at: 1_700_000_000,
            submitted_at: 1_700_000_000 + i as i64,
            answers,
        });
        if i % 10 == 0 {
            for (g, grader) in ["王老师", "李老师", "赵老师"].iter().enumerate() {
                for r in &set.questions {
                    let scores: BTreeMap<Dimension, u8> = Dimension::ALL
                        .into_iter()
                        .map(|d| (d, d.max_points() - (g as u8 % 3)))
                        .collect();
                    let grade = Grade::new(grader, &r.full_id(), scores, "条理清楚", 1_700_100_000);
                    add_grade(&mut bundle, grade).unwrap();
                }
            }
        }
        std::fs::write(out.join(format!("{i:04}.json")), bundle.to_json()).unwrap();
    }
    set_file
}

fn bench(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let set_file = generate(dir.path());
    let banks = BankSet::bundled();
    let set = load_set(&set_file, &banks).unwrap();
    let folder = vec![dir.path().join("bundles")];
    let mut g = c.benchmark_group("class_report");
    g.sample_size(10);
    g.bench_function("1000_bundles_read_verify_report_markdown", |b| {
        b.iter(|| {
            let (subs, errors) =
                read_submissions(&folder, Some((&set, &banks)), mianba::i18n::Lang::En);
            assert!(errors.is_empty() && subs.len() == BUNDLES);
            let r = report(subs, Some(&set), &banks, None, false);
            black_box(r.to_markdown(mianba::i18n::Lang::En))
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
