//! Ranking: answers graded by hand from best to worst (answers.toml) must get strictly
//! decreasing totals. The rules are general; nothing in the engine knows these answers.
// Test code: a failed unwrap, expect or panic is the test failing, said where it fails.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;

use mianba::bank::load::load_file;
use mianba::scoring::Rubric;

#[derive(serde::Deserialize)]
struct Answers {
    case: Vec<Case>,
}

#[derive(serde::Deserialize)]
struct Case {
    bank: String,
    question: String,
    answers: Vec<String>,
}

#[test]
fn hand_graded_answers_keep_their_order() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/ranking");
    let text = std::fs::read_to_string(dir.join("answers.toml")).unwrap();
    let answers: Answers = toml::from_str(&text).unwrap();
    assert!(answers.case.len() >= 5);
    let mut failures = Vec::new();
    let mut report = String::new();
    for case in &answers.case {
        assert_eq!(case.answers.len(), 4, "{}", case.question);
        let bank =
            load_file(&dir.join(&case.bank)).unwrap_or_else(|p| panic!("{}: {p:?}", case.bank));
        let question = bank.question(&case.question).unwrap();
        let rubric = Rubric::compile(&bank, question);
        let cards: Vec<_> = case.answers.iter().map(|a| rubric.score(a, None)).collect();
        let totals: Vec<u8> = cards.iter().map(|c| c.total).collect();
        report.push_str(&format!("{}: {totals:?}\n", rubric.question_id()));
        for c in &cards {
            let penalties: u32 = c.avoid.iter().map(|a| a.penalty).sum();
            report.push_str(&format!(
                "    total {:3} = content {:3} structure {:3} delivery {:3} penalties {penalties} {:?}\n",
                c.total, c.content, c.structure, c.delivery, c.flags
            ));
        }
        if !totals.windows(2).all(|w| w[0] > w[1]) {
            failures.push(format!("{}: {totals:?}", rubric.question_id()));
        }
    }
    println!("{report}");
    assert!(
        failures.is_empty(),
        "not strictly decreasing:\n{}",
        failures.join("\n")
    );
}
