//! The spaced-repetition rule (FSRS, via rs-fsrs): a question's card after an answer, rated
//! from the answer's total. Intervals are whole days (rs-fsrs's long-term scheduler): an
//! interview question re-asked minutes later tests short memory, not the skill. A leaf: the
//! store keeps the cards and the drill reads them, both through this one pure rule.

use chrono::{DateTime, Utc};
use rs_fsrs::{Card, FSRS, Parameters, Rating, State};
use serde::{Deserialize, Serialize};

/// One question's card. Times are Unix seconds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ScheduleEntry {
    /// Full id `bank/question`.
    pub question_id: String,
    /// When the question should be asked again.
    pub due: i64,
    pub stability: f64,
    pub difficulty: f64,
    pub elapsed_days: i64,
    pub scheduled_days: i64,
    /// Reviews so far (the first answer is the first).
    pub reps: u32,
    /// Times it was forgotten (rated Again after having been learnt).
    pub lapses: u32,
    /// rs-fsrs state: 0 new, 1 learning, 2 review, 3 relearning.
    pub state: u8,
    pub last_review: i64,
    /// The total of the answer that last moved the card.
    pub last_total: u8,
}

/// The FSRS rating an answer's total earns: below 50 Again, below 70 Hard, below 85 Good,
/// else Easy.
pub fn rating_for(total: u8) -> Rating {
    match total {
        0..50 => Rating::Again,
        50..70 => Rating::Hard,
        70..85 => Rating::Good,
        _ => Rating::Easy,
    }
}

/// The card after an answer scored `total` at `at` (Unix seconds); `prev` is the card before
/// (none for the first answer). Pure: the same inputs always give the same card.
pub fn next_review(
    prev: Option<&ScheduleEntry>,
    question_id: &str,
    total: u8,
    at: i64,
) -> ScheduleEntry {
    // An answer dated before the last review (a clock set back) counts as given then.
    let at = prev.map_or(at, |p| at.max(p.last_review));
    let now = utc(at);
    let card = prev.map_or_else(
        || Card {
            due: now,
            last_review: now,
            ..Card::default()
        },
        to_card,
    );
    let params = Parameters {
        enable_short_term: false,
        enable_fuzz: false,
        ..Parameters::default()
    };
    let next = FSRS::new(params).next(card, now, rating_for(total)).card;
    ScheduleEntry {
        question_id: question_id.to_string(),
        due: next.due.timestamp(),
        stability: next.stability,
        difficulty: next.difficulty,
        elapsed_days: next.elapsed_days,
        scheduled_days: next.scheduled_days,
        reps: u32::try_from(next.reps).unwrap_or(0),
        lapses: u32::try_from(next.lapses).unwrap_or(0),
        state: next.state as u8,
        last_review: at,
        last_total: total,
    }
}

fn to_card(e: &ScheduleEntry) -> Card {
    Card {
        due: utc(e.due),
        stability: e.stability,
        difficulty: e.difficulty,
        elapsed_days: e.elapsed_days,
        scheduled_days: e.scheduled_days,
        reps: i32::try_from(e.reps).unwrap_or(i32::MAX),
        lapses: i32::try_from(e.lapses).unwrap_or(i32::MAX),
        state: match e.state {
            1 => State::Learning,
            2 => State::Review,
            3 => State::Relearning,
            _ => State::New,
        },
        last_review: utc(e.last_review),
    }
}

/// Unix seconds as a UTC time (out of chrono's range: the epoch, never a panic).
pub(crate) fn utc(secs: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(secs, 0).unwrap_or_default()
}
