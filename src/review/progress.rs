//! Progress over time, computed by pure functions from the rows of two queries
//! (`Store::progress_rows`, `Store::mark_tallies`): a point per session (total, each
//! dimension, time used against the limit), averages per category, the points missed most
//! often and the structure sections most often missing.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::bank::BankSet;
use crate::store::SessionId;
use crate::store::{HistoryFilter, MarkKind, MarkTally, ProgressRow, Store, StoreResult};

/// Everything the progress screen shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Progress {
    /// One point per session with answers, oldest first.
    pub sessions: Vec<SessionPoint>,
    /// Averages per category, by category id.
    pub categories: Vec<CategoryAverage>,
    /// Points not earned, most often missed first (only those missed at least once).
    pub missed_points: Vec<Missed>,
    /// Required structure sections not found, most often missing first.
    pub missing_sections: Vec<Missed>,
}

/// Averages over one set of answers (each question's last attempt in its session).
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct Averages {
    pub answers: usize,
    pub total: f64,
    pub content: f64,
    pub structure: f64,
    pub delivery: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SessionPoint {
    pub session_id: SessionId,
    pub started_at: i64,
    pub scores: Averages,
    /// Seconds used, summed over the answers.
    pub seconds_used: u32,
    /// Mean share of the limit used (1.0 = all of it), over answers whose limit is known.
    pub time_share: Option<f64>,
    /// Answers that took longer than their limit, follow-ups included.
    pub over_limit: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CategoryAverage {
    pub category: String,
    pub scores: Averages,
}

/// One point or section and how often it was left out.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Missed {
    pub name: String,
    /// Answers that were expected to have it.
    pub asked: u32,
    /// Of those, the answers without it.
    pub missed: u32,
    /// `missed / asked`.
    pub rate: f64,
}

/// Reads the rows (two queries) and computes the progress; answer limits come from `banks`.
pub fn load(store: &Store, filter: &HistoryFilter, banks: &BankSet) -> StoreResult<Progress> {
    let rows = store.progress_rows(filter)?;
    let marks = store.mark_tallies(filter)?;
    let mut progress = compute(&rows, &marks, answer_limits(banks));
    count_followups_over(&mut progress, &store.followup_times(filter)?, banks);
    Ok(progress)
}

/// Adds the follow-ups that ran over their own limit to their session's `over_limit`: a
/// follow-up at 73 s against 60 s is an answer over time too.
pub fn count_followups_over(
    progress: &mut Progress,
    followups: &[(SessionId, String, u32, u32)],
    banks: &BankSet,
) {
    for (session, question, index, seconds) in followups {
        let Some((bank, q)) = super::find_saved(banks, question) else {
            continue;
        };
        let Some(f) = usize::try_from(*index)
            .ok()
            .and_then(|i| q.followups.get(i))
        else {
            continue;
        };
        // The limit `Rubric::for_followup` gives it.
        let limit = f
            .answer_seconds
            .unwrap_or_else(|| bank.timing(q).answer_seconds);
        if limit > 0
            && *seconds > limit
            && let Some(point) = progress
                .sessions
                .iter_mut()
                .find(|p| p.session_id == *session)
        {
            point.over_limit += 1;
        }
    }
}

/// The answer limit of a row's question, as it was asked: the preset's fixed time when the
/// session used one, else the question's bank timing; `None` when the question is gone.
pub fn answer_limits(banks: &BankSet) -> impl FnMut(&ProgressRow) -> Option<u32> + '_ {
    let civil = crate::session::civil_service();
    let mut cache: HashMap<String, Option<u32>> = HashMap::new();
    move |row| {
        if row.preset.as_deref() == Some(civil.id) {
            return Some(civil.answer_seconds);
        }
        if let Some(&limit) = cache.get(row.question_id.as_str()) {
            return limit;
        }
        let limit =
            super::find_saved(banks, &row.question_id).map(|(b, q)| b.timing(q).answer_seconds);
        cache.insert(row.question_id.clone(), limit);
        limit
    }
}

/// Progress from the rows of `Store::progress_rows` (grouped by session, each question's last
/// attempt in its session) and mark tallies.
pub fn compute(
    rows: &[ProgressRow],
    marks: &[MarkTally],
    mut limit_of: impl FnMut(&ProgressRow) -> Option<u32>,
) -> Progress {
    let mut sessions: Vec<SessionPoint> = Vec::new();
    let mut sums: Vec<(Sums, f64, usize)> = Vec::new();
    let mut categories: HashMap<&str, Sums> = HashMap::new();
    for row in rows {
        if sessions
            .last()
            .is_none_or(|s| s.session_id != row.session_id)
        {
            sessions.push(SessionPoint {
                session_id: row.session_id,
                started_at: row.started_at,
                scores: Averages::default(),
                seconds_used: 0,
                time_share: None,
                over_limit: 0,
            });
            sums.push((Sums::default(), 0.0, 0));
        }
        let (Some(point), Some((s, share, timed))) = (sessions.last_mut(), sums.last_mut()) else {
            continue;
        };
        s.add(row);
        categories.entry(&row.category).or_default().add(row);
        point.seconds_used = point.seconds_used.saturating_add(row.seconds_used);
        if let Some(limit) = limit_of(row).filter(|&l| l > 0) {
            *share += f64::from(row.seconds_used) / f64::from(limit);
            *timed += 1;
            if row.seconds_used > limit {
                point.over_limit += 1;
            }
        }
    }
    for (point, (s, share, timed)) in sessions.iter_mut().zip(&sums) {
        point.scores = s.averages();
        point.time_share = (*timed > 0).then(|| share / *timed as f64);
    }
    sessions.sort_by_key(|p| (p.started_at, p.session_id));
    let mut categories: Vec<CategoryAverage> = categories
        .into_iter()
        .map(|(c, s)| CategoryAverage {
            category: c.to_string(),
            scores: s.averages(),
        })
        .collect();
    categories.sort_by(|a, b| a.category.cmp(&b.category));
    Progress {
        sessions,
        categories,
        missed_points: most_missed(marks, MarkKind::Point, |m| m.missed),
        // An optional section left out is not missing.
        missing_sections: most_missed(marks, MarkKind::Section, |m| m.missed_required),
    }
}

/// Tallies of one kind with at least one miss, most misses first (then highest rate, name).
fn most_missed(
    marks: &[MarkTally],
    kind: MarkKind,
    missed: impl Fn(&MarkTally) -> u32,
) -> Vec<Missed> {
    let mut out: Vec<Missed> = marks
        .iter()
        .filter(|m| m.kind == kind && missed(m) > 0 && m.asked > 0)
        .map(|m| Missed {
            name: m.name.clone(),
            asked: m.asked,
            missed: missed(m),
            rate: f64::from(missed(m)) / f64::from(m.asked),
        })
        .collect();
    out.sort_by(|a, b| {
        b.missed
            .cmp(&a.missed)
            .then(b.rate.total_cmp(&a.rate))
            .then_with(|| a.name.cmp(&b.name))
    });
    out
}

#[derive(Debug, Default, Clone, Copy)]
struct Sums {
    n: usize,
    total: u64,
    content: u64,
    structure: u64,
    delivery: u64,
}

impl Sums {
    fn add(&mut self, r: &ProgressRow) {
        self.n += 1;
        self.total += u64::from(r.total);
        self.content += u64::from(r.content);
        self.structure += u64::from(r.structure);
        self.delivery += u64::from(r.delivery);
    }

    fn averages(&self) -> Averages {
        let n = self.n.max(1) as f64;
        Averages {
            answers: self.n,
            total: self.total as f64 / n,
            content: self.content as f64 / n,
            structure: self.structure as f64 / n,
            delivery: self.delivery as f64 / n,
        }
    }
}
