//! History and session detail. The list itself is `Store::history` / `history_page` (with a
//! `HistoryFilter`), the detail `Store::session`; this module adds what needs the banks:
//! re-scoring a saved answer with today's rubric, and its reference answer.

use serde::{Deserialize, Serialize};

use crate::bank::{BankSet, Example, Question};
use crate::scoring::{Rubric, Scorecard};
use crate::session::Mode;
use crate::store::AnswerRecord;

/// A saved answer's card next to the card today's rubric gives it.
// Both variants carry cards; boxing the larger would only add an allocation per re-score.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "status", rename_all = "kebab-case")]
pub enum Rescore {
    /// Scored again: `old` as saved, `new` from the bank as it is now.
    Rescored { old: Scorecard, new: Scorecard },
    /// The question (or this follow-up of it) is no longer in any loaded bank.
    NoLongerInAnyBank { old: Scorecard },
}

impl Rescore {
    pub fn old(&self) -> &Scorecard {
        match self {
            Rescore::Rescored { old, .. } | Rescore::NoLongerInAnyBank { old } => old,
        }
    }

    /// The new card, when the question still exists.
    pub fn new_card(&self) -> Option<&Scorecard> {
        match self {
            Rescore::Rescored { new, .. } => Some(new),
            Rescore::NoLongerInAnyBank { .. } => None,
        }
    }
}

/// Scores `answer` again with the rubric the loaded banks give its question today (a
/// follow-up with its follow-up's rubric). A typed answer is scored from its text, a spoken
/// one from its checklist (the points and sections ticked then, matched by name); both with
/// the seconds the saved card was scored with.
pub fn rescore(banks: &BankSet, answer: &AnswerRecord) -> Rescore {
    let old = answer.scorecard.clone();
    let Some(rubric) = rubric_of(banks, answer) else {
        return Rescore::NoLongerInAnyBank { old };
    };
    let seconds = old.seconds;
    let new = if answer.mode == Mode::Spoken {
        let points: Vec<bool> = rubric
            .points()
            .iter()
            .map(|p| old.points.iter().any(|o| o.hit && o.name == p.name))
            .collect();
        let sections: Vec<bool> = rubric
            .section_names()
            .iter()
            .map(|name| old.sections.iter().any(|o| o.found && o.name == *name))
            .collect();
        rubric.score_checklist(&points, &sections, seconds)
    } else {
        rubric.score(&answer.answer_text, seconds)
    };
    Rescore::Rescored { old, new }
}

/// The question's reference answer as the banks have it today (for a main answer).
pub fn reference<'b>(banks: &'b BankSet, answer: &AnswerRecord) -> Option<&'b str> {
    if answer.followup.is_some() {
        return None;
    }
    question_of(banks, answer)?.reference.as_deref()
}

/// The graded examples of the answered question (or follow-up) as the banks have them today.
pub fn examples<'b>(banks: &'b BankSet, answer: &AnswerRecord) -> &'b [Example] {
    let Some(q) = question_of(banks, answer) else {
        return &[];
    };
    match answer.followup {
        None => &q.examples,
        Some(i) => q.followups.get(i).map_or(&[], |f| f.examples.as_slice()),
    }
}

fn question_of<'b>(banks: &'b BankSet, answer: &AnswerRecord) -> Option<&'b Question> {
    super::find_saved(banks, &answer.question_id).map(|(_, q)| q)
}

fn rubric_of(banks: &BankSet, answer: &AnswerRecord) -> Option<Rubric> {
    let (bank, q) = super::find_saved(banks, &answer.question_id)?;
    match answer.followup {
        None => Some(Rubric::compile(bank, q)),
        Some(i) => q.followups.get(i).map(|f| Rubric::for_followup(bank, q, f)),
    }
}
