//! Every bundled rubric is proven by graded examples: enough of them, of the right kinds, the
//! excellent one in the candidate's own words, and `banks lint` passing on all of them.
// Test code: a failed unwrap, expect or panic is the test failing, said where it fails.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::HashSet;

use mianba::bank::{BankSet, Example, Language};
use mianba::lint::lint_bank;
use mianba::review::insights::top_words;

fn grades(examples: &[Example]) -> Vec<u8> {
    examples.iter().map(|e| e.grade).collect()
}

#[test]
fn every_question_has_four_kinds_of_example_and_every_follow_up_two() {
    let banks = BankSet::bundled();
    let mut short = Vec::new();
    let mut questions = 0;
    for bank in &banks.banks {
        for q in &bank.questions {
            questions += 1;
            let g = grades(&q.examples);
            let kinds = g.len() >= 4
                && g.contains(&5)
                && (g.contains(&4) || g.contains(&3))
                && g.contains(&2)
                && g.contains(&1);
            if !kinds {
                short.push(format!("{}: grades {g:?}", bank.full_id(q)));
            }
            for (i, f) in q.followups.iter().enumerate() {
                let g = grades(&f.examples);
                if g.len() < 2 || !g.contains(&4) || !g.contains(&2) {
                    short.push(format!(
                        "{} followup {}: grades {g:?}",
                        bank.full_id(q),
                        i + 1
                    ));
                }
            }
        }
    }
    assert!(questions >= 139, "{questions} bundled questions");
    assert!(short.is_empty(), "{}", short.join("\n"));
}

/// The share of an answer's content words that the reference also uses.
fn shared_with(text: &str, reference: &str, lang: Language) -> f64 {
    let words = |t: &str| -> HashSet<String> {
        top_words(t, lang, usize::MAX)
            .into_iter()
            .map(|w| w.word)
            .collect()
    };
    let (mine, theirs) = (words(text), words(reference));
    if mine.is_empty() {
        return 0.0;
    }
    mine.intersection(&theirs).count() as f64 / mine.len() as f64
}

#[test]
fn the_excellent_examples_are_in_words_of_their_own() {
    // "At most about a third of its content words shared with the reference."
    const MOST: f64 = 0.35;
    let banks = BankSet::bundled();
    let mut echoes = Vec::new();
    for bank in &banks.banks {
        for q in &bank.questions {
            let Some(reference) = &q.reference else {
                continue;
            };
            for e in q.examples.iter().filter(|e| e.grade == 5) {
                let share = shared_with(&e.text, reference, bank.language);
                if share > MOST {
                    echoes.push(format!("{}: {share:.2}", bank.full_id(q)));
                }
            }
        }
    }
    assert!(
        echoes.is_empty(),
        "grade-5 examples echoing the reference:\n{}",
        echoes.join("\n")
    );
}

#[test]
fn banks_lint_passes_on_every_bundled_bank() {
    let banks = BankSet::bundled();
    let failures: Vec<String> = banks
        .banks
        .iter()
        .flat_map(|b| lint_bank(b).failures)
        .map(|f| f.to_string())
        .collect();
    assert!(
        failures.is_empty(),
        "{} lint failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
