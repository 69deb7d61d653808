//! The tutor's own automatic scores. A bundle's scorecards are written by the candidate's
//! machine, and the digest that seals them can be recomputed by anyone (it is not a
//! signature), so the numbers a tutor reports come from here instead: every answer's text
//! scored again with the rubric of the tutor's set file, with the set's time limits, exactly
//! as a sitting scores it. The bundle's own scorecard is kept only for comparison: when its
//! total differs and the bundle was scored by this same mianba version, the submission is
//! flagged `score-edited`. Another version's engine may score the same text differently, so
//! there a difference is no sign of editing: the rescored value is used, unflagged.

use std::collections::HashMap;

use super::bundle::{Bundle, Flag};
use super::set::Set;
use crate::bank::BankSet;
use crate::scoring::Rubric;

/// Rescores bundles of one set, each question's rubric compiled once.
pub struct Rescorer<'a> {
    set: &'a Set,
    /// `set.sitting_banks`: the set's time limits written into its questions.
    sitting: BankSet,
    rubrics: HashMap<String, Option<Rubric>>,
}

impl<'a> Rescorer<'a> {
    pub fn new(set: &'a Set, banks: &BankSet) -> Rescorer<'a> {
        Rescorer {
            set,
            sitting: set.sitting_banks(banks),
            rubrics: HashMap::new(),
        }
    }

    /// Rescores each main answer of `bundle` that answers a question of the set. Flags every
    /// answer whose stored total differs; with `replace`, the stored scorecards are swapped
    /// for the rescored ones (in memory, for counting — never to be written back, since the
    /// candidate's digest covers them).
    pub fn rescore(&mut self, bundle: &mut Bundle, replace: bool) -> Vec<Flag> {
        let mut flags = Vec::new();
        // A spoken answer has no text: its score comes from the checklist the candidate
        // ticked, which nothing can recompute (docs/sets.md says so).
        if self.set.mode == crate::session::Mode::Spoken {
            return flags;
        }
        let same_engine = bundle.content.app_version == env!("CARGO_PKG_VERSION");
        for a in &mut bundle.content.answers {
            let (set, sitting) = (self.set, &self.sitting);
            let rubric = self.rubrics.entry(a.question.clone()).or_insert_with(|| {
                let r = set.questions.iter().find(|r| r.full_id() == a.question)?;
                let (bank, q) = set.resolve(sitting, r)?;
                Some(Rubric::compile(bank, q))
            });
            let Some(rubric) = rubric else { continue };
            let card = rubric.score(&a.answer_text, Some(a.seconds_used));
            if same_engine && card.total != a.scorecard.total {
                flags.push(Flag::ScoreEdited {
                    question: crate::text::sanitize_line(&a.question),
                    claimed: a.scorecard.total,
                    rescored: card.total,
                });
            }
            if replace {
                a.scorecard = card;
            }
        }
        flags
    }
}
