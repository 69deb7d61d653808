//! Parsing and validating a generated 10,000-question bank (target: ≤ 300 ms in release).
//!
//! Two banks: `lean`, what the target describes (Chinese prompts, five points each, a
//! structure), and `rich`, which adds to every question a model answer, tips and an avoid
//! entry, and a follow-up to every tenth — closer to the bundled banks, about 40 % larger.
//! `toml_whole_file_only` times the toml crate parsing the lean bank as one document, with no
//! walk at all: the loader parses piece by piece instead (see `bank::pieces`), which is
//! why it can be faster than this.
// Benchmark code: a failed unwrap, expect or panic is the benchmark failing, said where it fails.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use mianba::bank::Source;
use mianba::bank::figure::FolderFigures;
use mianba::bank::load::parse_bank;

fn generate(questions: usize, rich: bool) -> String {
    let mut out = String::from(
        r#"schema = 1

[bank]
id = "bench"
title = "投诉与售后（基准测试）"
language = "zh"
description = "生成的大题库，用来测加载速度。"

[defaults]
prep_seconds = 30
answer_seconds = 180
target_chars = [120, 500]
weights = { content = 0.5, structure = 0.3, delivery = 0.2 }

[[structures]]
id = "view-analysis-measures"
name = "表态—分析—对策"
ordered = true
sections = [
  { name = "表明态度", cues = ["我认为", "我觉得", "在我看来"] },
  { name = "分析原因", cues = ["原因", "之所以", "一方面"] },
  { name = "分析危害", cues = ["危害", "后果", "影响"], optional = true },
  { name = "提出对策", cues = ["建议", "对策", "措施", "应当"] },
]
"#,
    );
    let points = [
        ("致歉", r#"["抱歉", "对不起", "不好意思", "致歉"]"#),
        ("核实信息", r#"["核实", "确认订单", "查一下"]"#),
        ("给出方案", r#"["换货", "退款", "补发", "为您安排"]"#),
        ("明确时限", r#"["小时内", "今天", "明天之前"]"#),
        ("跟进回访", r#"["回访", "跟进", "再联系您"]"#),
    ];
    for i in 0..questions {
        out.push_str(&format!(
            r#"
[[questions]]
id = "q-{i}"
category = "complaint"
difficulty = {}
prompt = "第{i}位客户收到商品后发现尺码不合适，情绪比较激动，要求立即换货并赔偿运费。你会如何处理？"
structure = "view-analysis-measures"
"#,
            i % 3 + 1
        ));
        if rich {
            out.push_str(
                "reference = \"\"\"\n非常抱歉给您带来不便。我先核实一下订单和尺码，确认后为您安排换货，运费由我们承担，今天之内给您答复，之后我会再回访。\n\"\"\"\ntips = [\"先致歉，再核实\", \"给出明确的时间\"]\n",
            );
        }
        for (k, (name, any)) in points.iter().enumerate() {
            out.push_str(&format!(
                "\n  [[questions.points]]\n  name = \"{name}\"\n  any = {any}\n  weight = {}\n  required = {}\n",
                k % 2 + 1,
                k == 0
            ));
        }
        if !rich {
            continue;
        }
        out.push_str(
            "\n  [[questions.avoid]]\n  any = [\"不关我的事\", \"你自己的问题\"]\n  penalty = 10\n  why = \"推卸责任\"\n",
        );
        if i % 10 == 0 {
            out.push_str(
                "\n  [[questions.followups]]\n  when_missing = \"致歉\"\n  prompt = \"如果客户仍然不满意，你会怎么办？\"\n    [[questions.followups.points]]\n    name = \"升级\"\n    any = [\"主管\", \"升级\"]\n",
            );
        }
    }
    out
}

fn bank_load(c: &mut Criterion) {
    let figures = FolderFigures::new(".");
    let parse = |text: &str| {
        parse_bank(
            text,
            "bench.toml",
            Source::File("bench.toml".into()),
            &figures,
        )
    };
    let mut group = c.benchmark_group("bank_load");
    group.sample_size(10);
    for (name, rich) in [("lean", false), ("rich", true)] {
        let text = generate(10_000, rich);
        // The generated bank must be valid, or the benchmark would time the error path.
        let bank = parse(&text)
            .unwrap_or_else(|problems| panic!("generated bank is invalid: {:?}", &problems[..1]));
        assert_eq!(bank.questions.len(), 10_000);
        eprintln!("{name} bank: {} bytes", text.len());
        group.bench_function(format!("parse_and_validate_10000_questions_{name}"), |b| {
            b.iter(|| parse(black_box(&text)))
        });
        if !rich {
            group.bench_function("toml_whole_file_only_10000_questions_lean", |b| {
                b.iter(|| {
                    toml::de::DeTable::parse_recoverable(black_box(&text))
                        .1
                        .len()
                })
            });
        }
    }
    group.finish();
}

criterion_group!(benches, bank_load);
criterion_main!(benches);
