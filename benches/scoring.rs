//! Scoring a 500-character Chinese answer against a 10-point rubric with a structure and avoid
//! phrases (target: ≤ 50 µs in release), and compiling that rubric, measured separately. Also a
//! 1 MB English paste with no sentence end (a hostile input the TUI must not freeze on): it took
//! 6 s when the sentence-similarity pass asked every concept phrase about every byte.
// Benchmark code: a failed unwrap, expect or panic is the benchmark failing, said where it fails.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use mianba::bank::figure::FolderFigures;
use mianba::bank::load::parse_bank;
use mianba::bank::{Bank, Source};
use mianba::scoring::Rubric;

const BANK: &str = r#"
schema = 1
[bank]
id = "bench"
title = "基准"
language = "zh"
[defaults]
target_chars = [200, 600]

[[structures]]
id = "complaint-steps"
name = "倾听—致歉—核实—解决—跟进"
ordered = true
sections = [
  { name = "倾听", cues = ["倾听", "耐心听", "听完", "安抚"] },
  { name = "致歉", cues = ["抱歉", "道歉", "致歉", "对不起", "不好意思"] },
  { name = "核实", cues = ["核实", "查询", "查看", "确认"] },
  { name = "解决", cues = ["方案", "换货", "补发", "退款"] },
  { name = "跟进", cues = ["跟进", "回访", "后续"], optional = true },
]

[[questions]]
id = "wrong-size"
category = "complaint"
prompt = "顾客收到衣服后发现尺码不合适，很不高兴，要求换货。你会怎么处理？"
structure = "complaint-steps"
reference = "我会先耐心倾听，然后道歉，核实订单后办理换货，说明运费，最后跟进回访。"
  [[questions.points]]
  name = "致歉"
  any = ["抱歉", "对不起", "不好意思", "道歉", "添麻烦"]
  weight = 2
  required = true
  [[questions.points]]
  name = "倾听安抚"
  any = ["倾听", "安抚", "理解您", "着急"]
  [[questions.points]]
  name = "推荐码数"
  any = ["身高", "体重", "尺码表", "码数"]
  weight = 2
  [[questions.points]]
  name = "核实订单"
  any = ["核实", "订单号", "查询订单"]
  [[questions.points]]
  name = "查库存"
  any = ["库存", "有货", "售罄", "缺货"]
  [[questions.points]]
  name = "寄回流程"
  any = ["寄回", "地址", "流程", "吊牌"]
  required = true
  [[questions.points]]
  name = "运费说明"
  any = ["运费", "运费险", "邮费"]
  [[questions.points]]
  name = "备选方案"
  any = ["退款", "相近款式", "替代", "其他颜色"]
  [[questions.points]]
  name = "跟进回访"
  any = ["跟进", "回访", "单号", "合身"]
  [[questions.points]]
  name = "总结"
  any = ["总之", "满意", "放心"]
  [[questions.avoid]]
  any = ["你自己没看尺码表", "你自己选错的", "不关我的事"]
  penalty = 12
  why = "把责任推给顾客"
  [[questions.avoid]]
  any = ["没办法", "不能换", "自己想办法"]
  penalty = 10
  why = "拒绝顾客"
"#;

const PARAGRAPH: &str = "您好，先跟您说声抱歉，衣服不合身确实挺影响心情的，我理解您的着急。嗯，麻烦您说一下是偏大还是偏小？我先核实一下订单，再根据您的身高体重对照尺码表帮您推荐合适的码数，也帮您查一下库存。有货的话，我马上给您办理换货：衣服保持吊牌完好寄回到我们的售后地址就行，运费险可以抵扣来回运费。如果这个码已经售罄，我可以推荐相近款式，或者为您办理退款。新衣服寄出后我会把物流单号发给您，到货后我再回访一次，看看这次是否合身。我不会说不关我的事，总之一定让您满意。";

fn bank() -> Bank {
    match parse_bank(
        BANK,
        "bench.toml",
        Source::File("bench.toml".into()),
        &FolderFigures::new("."),
    ) {
        Ok(b) => b,
        Err(p) => panic!("bench bank is invalid: {p:?}"),
    }
}

/// Exactly 500 characters of a realistic answer.
fn answer() -> String {
    PARAGRAPH.chars().cycle().take(500).collect()
}

/// The English ranking bank's first question and a 1 MB answer that is one long sentence full
/// of its phrases.
fn one_sentence_paste(c: &mut Criterion) {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/ranking/banks/bank-en.toml"
    );
    let text = std::fs::read_to_string(path).unwrap();
    let bank = parse_bank(
        &text,
        path,
        Source::File(path.into()),
        &FolderFigures::new("."),
    )
    .unwrap();
    let rubric = Rubric::compile(&bank, &bank.questions[0]);
    let answer = "I am sorry I will check the tracking and send a refund ".repeat(18_200);
    assert!(answer.len() >= 1_000_000);
    let mut group = c.benchmark_group("hostile");
    group.sample_size(10);
    group.bench_function("score_1mb_english_one_sentence", |b| {
        b.iter(|| rubric.score(black_box(&answer), black_box(None)))
    });
    group.finish();
}

fn benches(c: &mut Criterion) {
    let bank = bank();
    let question = &bank.questions[0];
    assert_eq!(question.points.len(), 10);
    let rubric = Rubric::compile(&bank, question);
    let answer = answer();
    assert_eq!(answer.chars().count(), 500);
    c.bench_function("score_500_chars_10_points", |b| {
        b.iter(|| rubric.score(black_box(&answer), black_box(Some(120))))
    });
    c.bench_function("rubric_compile", |b| {
        b.iter(|| Rubric::compile(black_box(&bank), black_box(question)))
    });
}

criterion_group!(scoring, benches, one_sentence_paste);
criterion_main!(scoring);
