//! Self-review over the saved sessions: history and session detail with re-scoring,
//! progress over time, insights on one answer, and the spaced-repetition drill.
//!
//! Core code: no terminal, no clock (every "now" is a parameter), rows come from
//! `crate::store` and the computations over them are pure functions.

pub mod drill;
pub mod history;
pub mod insights;
pub mod progress;
pub mod report;

use crate::bank::{Bank, BankSet, Question};

/// An average of totals as shown to the candidate: a whole number, halves rounded up (56.5 is
/// 57) — the same in the summary, the history and the report. (`{:.0}` would round halves to
/// even and show 56.)
pub fn shown_average(average: f64) -> u8 {
    average.round().clamp(0.0, 100.0) as u8
}

/// The question a saved full id (`bank/question`) names in the loaded banks. Never a
/// same-named question of another bank: that would be a different question.
pub(crate) fn find_saved<'b>(
    banks: &'b BankSet,
    full_id: &str,
) -> Option<(&'b Bank, &'b Question)> {
    if !full_id.contains('/') {
        return None;
    }
    banks.find_question(full_id)
}
