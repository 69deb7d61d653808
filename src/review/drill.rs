//! The drill: questions already answered come back by spaced repetition (FSRS, via rs-fsrs).
//!
//! Each first attempt at a question is a review of its card, rated from the answer's total
//! (a spoken answer's total comes from its checklist: same scorecard, same rule). `Store`
//! moves the card inside `save_answer` by the rule in `crate::spacing`, so callers do nothing
//! extra. Retries inside a session do not move the card — the feedback was just read.

use chrono::{Local, NaiveTime, TimeZone, Timelike};

use crate::bank::BankSet;
use crate::session::{Plan, QuestionRef};
use crate::spacing::{ScheduleEntry, utc};
pub use crate::spacing::{next_review, rating_for};
use crate::store::{Store, StoreResult, WeakQuestion};

/// The preset name of a drill of due questions (so history can tell drills apart).
pub const DUE_PRESET: &str = "drill";
/// The preset name of a "retry my weakest" drill.
pub const WEAKEST_PRESET: &str = "weakest";

/// Local midnight at the start of the day that contains `now`: where "today" begins for the
/// daily limit. Uses the machine's time zone; a missing midnight (a DST jump) falls back to
/// the earliest time of that day the zone has.
pub fn local_day_start(now: i64) -> i64 {
    let local = utc(now).with_timezone(&Local);
    let midnight = local.date_naive().and_time(NaiveTime::MIN);
    Local.from_local_datetime(&midnight).earliest().map_or(
        now - i64::from(local.time().num_seconds_from_midnight()),
        |t| t.timestamp(),
    )
}

/// A drill ready to run: the plan, and the questions left out because no loaded bank has them
/// any more (say so; they stay in the schedule in case the bank comes back).
#[derive(Debug, Clone, PartialEq)]
pub struct Drill {
    pub plan: Plan,
    /// Full ids of the questions that are no longer in any bank.
    pub gone: Vec<String>,
}

impl Drill {
    pub fn is_empty(&self) -> bool {
        self.plan.questions.is_empty()
    }
}

/// How many review questions are left for today: `limit` (the saved daily limit, or one given
/// for a single listing) less the questions already reviewed since `day_start` (see
/// `local_day_start`).
pub fn remaining_today(store: &Store, limit: usize, day_start: i64) -> StoreResult<usize> {
    Ok(limit.saturating_sub(store.reviewed_since(day_start)?))
}

/// The number for the home screen: questions due at `now`, capped by what is left of today's
/// limit. Counts questions still in `banks` only.
pub fn due_today(store: &Store, banks: &BankSet, now: i64, day_start: i64) -> StoreResult<usize> {
    Ok(due_drill(store, banks, now, day_start)?
        .plan
        .questions
        .len())
}

/// Today's drill: the due questions (most overdue first), at most what is left of the daily
/// limit, as a plan the interview runs like any other (preset `DUE_PRESET`).
pub fn due_drill(store: &Store, banks: &BankSet, now: i64, day_start: i64) -> StoreResult<Drill> {
    let left = remaining_today(store, store.daily_limit()?, day_start)?;
    due_drill_with_cards(store, banks, now, left).map(|(drill, _)| drill)
}

/// The due questions at `now` (most overdue first), at most `left` of them, as a plan and
/// with their cards in the same order.
pub fn due_drill_with_cards(
    store: &Store,
    banks: &BankSet,
    now: i64,
    left: usize,
) -> StoreResult<(Drill, Vec<ScheduleEntry>)> {
    // All of them: questions gone from the banks must not use up the limit.
    let due = store.due(now, usize::MAX)?;
    let (mut drill, kept) = drill_of(due.iter().map(|e| e.question_id.clone()), banks, DUE_PRESET);
    drill.plan.questions.truncate(left);
    let cards = keep(due, &kept, left);
    Ok((drill, cards))
}

/// "Retry my weakest": the `n` questions with the lowest latest total that are still in
/// `banks` (preset `WEAKEST_PRESET`), with the rows they came from, weakest first.
pub fn weakest_drill(
    store: &Store,
    banks: &BankSet,
    n: usize,
) -> StoreResult<(Drill, Vec<WeakQuestion>)> {
    // All of them (one row per question ever answered): gone ones must not shorten it.
    let weak = store.weakest(usize::MAX)?;
    let (mut drill, kept) = drill_of(
        weak.iter().map(|w| w.question_id.clone()),
        banks,
        WEAKEST_PRESET,
    );
    drill.plan.questions.truncate(n);
    let rows = keep(weak, &kept, n);
    Ok((drill, rows))
}

/// The first `n` items whose flag is set.
fn keep<T>(items: Vec<T>, kept: &[bool], n: usize) -> Vec<T> {
    items
        .into_iter()
        .zip(kept)
        .filter_map(|(item, &k)| k.then_some(item))
        .take(n)
        .collect()
}

/// A plan of the questions that `banks` still has, in the given order; the flags say which
/// were kept.
fn drill_of(
    ids: impl Iterator<Item = String>,
    banks: &BankSet,
    preset: &str,
) -> (Drill, Vec<bool>) {
    let mut questions = Vec::new();
    let mut gone = Vec::new();
    let mut kept = Vec::new();
    for id in ids {
        // By id only: counting the due questions must not parse their banks.
        match banks.find_question_id(&id) {
            Some((bank, q)) => {
                questions.push(QuestionRef {
                    bank: bank.id.clone(),
                    question: q.to_string(),
                });
                kept.push(true);
            }
            _ => {
                gone.push(id);
                kept.push(false);
            }
        }
    }
    let mut plan = Plan::fixed(questions);
    plan.preset = Some(preset.to_string());
    (Drill { plan, gone }, kept)
}
