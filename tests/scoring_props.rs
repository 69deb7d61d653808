//! Property tests: no answer makes the scorer panic, scores stay in 0–100, evidence spans stay
//! inside the answer, and the same answer always gets the same card.
// Test code: a failed unwrap, expect or panic is the test failing, said where it fails.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::sync::LazyLock;

use mianba::bank::figure::FolderFigures;
use mianba::bank::load::parse_bank;
use mianba::bank::{Bank, Source};
use mianba::scoring::Rubric;
use proptest::prelude::*;

const BANK: &str = r#"
schema = 1
[bank]
id = "p"
title = "props"
language = "LANG"
[[structures]]
id = "s"
name = "s"
ordered = true
sections = [
  { name = "a", cues = ["首先", "first"] },
  { name = "b", cues = ["其次", "second"] },
  { name = "c", cues = ["最后", "finally"], optional = true },
]
[[questions]]
id = "q"
category = "complaint"
prompt = "客户要求退款，你会怎么办？ The customer wants a refund."
structure = "s"
reference = "首先道歉。其次退款。Sorry, a refund."
  [[questions.points]]
  name = "p1"
  any = ["道歉", "不好意思", "sorry"]
  required = true
  [[questions.points]]
  name = "p2"
  any = ["退款", "refund", "ＡＰＰ"]
  weight = 3
  [[questions.avoid]]
  any = ["不关我的事", "not my fault"]
  penalty = 30
  why = "推卸"
  [[questions.followups]]
  prompt = "然后呢？"
    [[questions.followups.points]]
    name = "f"
    any = ["主管"]
"#;

/// Compiled once: proptest runs hundreds of cases.
static RUBRICS: LazyLock<Vec<Rubric>> = LazyLock::new(compile_rubrics);

fn rubrics() -> &'static [Rubric] {
    &RUBRICS
}

fn compile_rubrics() -> Vec<Rubric> {
    ["zh", "en"]
        .iter()
        .flat_map(|lang| {
            let b: Bank = parse_bank(
                &BANK.replace("LANG", lang),
                "p.toml",
                Source::File("p.toml".into()),
                &FolderFigures::new("."),
            )
            .unwrap();
            let q = b.question("q").unwrap();
            vec![
                Rubric::compile(&b, q),
                Rubric::for_followup(&b, q, &q.followups[0]),
            ]
        })
        .collect()
}

/// Random text biased towards what the scorer cares about: phrases, negations, fillers,
/// punctuation, whitespace, full-width and combining characters.
fn answer() -> impl Strategy<Value = String> {
    let pieces = prop_oneof![
        Just("道歉".to_string()),
        Just("不".to_string()),
        Just("没有".to_string()),
        Just("不好意思".to_string()),
        Just("不关我的事".to_string()),
        Just("退款".to_string()),
        Just("首先".to_string()),
        Just("最后".to_string()),
        Just("sorry".to_string()),
        Just(" not ".to_string()),
        Just("refund".to_string()),
        Just("嗯".to_string()),
        Just("，".to_string()),
        Just("。".to_string()),
        Just("\n".to_string()),
        Just(" ".to_string()),
        Just("ＡＰＰ".to_string()),
        Just("e\u{301}\u{302}".to_string()),
        Just("\u{1100}\u{1161}".to_string()),
        Just("㈱".to_string()),
        any::<char>().prop_map(|c| c.to_string()),
        "\\PC{0,8}",
    ];
    prop::collection::vec(pieces, 0..60).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn scores_stay_in_range_and_spans_inside_the_answer(
        text in answer(),
        seconds in prop::option::of(0u32..10_000),
    ) {
        let len = text.chars().count();
        for r in rubrics() {
            let card = r.score(&text, seconds);
            for s in [card.total, card.content, card.structure, card.delivery] {
                prop_assert!(s <= 100);
            }
            for p in &card.points {
                if let Some([a, b]) = p.at {
                    prop_assert!(a <= b && b <= len, "{:?} in {} chars", p.at, len);
                }
            }
            for a in &card.avoid {
                prop_assert!(a.at[0] <= a.at[1] && a.at[1] <= len);
            }
            for s in &card.sections {
                if let Some(at) = s.at {
                    prop_assert!(at <= len);
                }
            }
            prop_assert_eq!(&card, &r.score(&text, seconds));
        }
    }

    #[test]
    fn arbitrary_unicode_never_panics(text in "\\PC*", ticks in prop::collection::vec(any::<bool>(), 0..8)) {
        for r in rubrics() {
            let card = r.score(&text, None);
            prop_assert!(card.total <= 100);
            let card = r.score_checklist(&ticks, &ticks, Some(30));
            prop_assert!(card.total <= 100);
        }
    }
}
