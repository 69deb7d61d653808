//! Content: which points the answer earns and which avoid phrases it uses. A point is earned by
//! its earliest match that is neither negated nor copied from the prompt; the content score is
//! the weighted share of points earned, capped while a required point is missing.

use super::matcher::{Hit, Role};
use super::negation::NegationGuard;
use super::normalize::Normalized;
use super::relevance::Copied;
use super::rubric::{AvoidSpec, PointSpec};
use super::scorecard::{AvoidHit, PointResult, Span};
use super::spans::Ranges;

/// The most a content score can be while a required point is missing.
pub const REQUIRED_CAP: f64 = 60.0;

pub struct Content {
    pub points: Vec<PointResult>,
    pub avoid: Vec<AvoidHit>,
    /// Weighted share of points earned, 0–100, before any cap.
    pub share: f64,
    pub missing_required: Vec<String>,
}

impl Content {
    /// The content score before zero-credit flags: the share, capped when a required point
    /// is missing.
    pub fn score(&self) -> f64 {
        if self.missing_required.is_empty() {
            self.share
        } else {
            self.share.min(REQUIRED_CAP)
        }
    }

    pub fn penalties(&self) -> u32 {
        self.avoid.iter().map(|a| a.penalty).sum()
    }
}

/// `avoid` holds the bank's entries followed by the language's rude phrases; `bank_avoid` is
/// how many are the bank's.
pub fn evaluate(
    points: &[PointSpec],
    avoid: &[AvoidSpec],
    bank_avoid: usize,
    text: &Normalized,
    hits: &[Hit],
    guard: &NegationGuard,
    copied: &Copied,
) -> Content {
    let ranges = |keep: &dyn Fn(Role) -> bool| {
        Ranges::new(
            hits.iter()
                .filter(|h| keep(h.role))
                .map(|h| (h.start, h.end))
                .collect(),
        )
    };
    let point_ranges = ranges(&|r| matches!(r, Role::Point { .. }));
    let avoid_ranges = ranges(&|r| matches!(r, Role::Avoid { .. }));
    let bank_avoid_ranges =
        ranges(&|r| matches!(r, Role::Avoid { avoid, .. } if usize::from(avoid) < bank_avoid));
    // Hits are ordered by start, so the first valid hit of each point is its earliest.
    let mut point_hit: Vec<Option<(u16, [usize; 2])>> = vec![None; points.len()];
    let mut avoid_hit: Vec<Option<(u16, [usize; 2])>> = vec![None; avoid.len()];
    for h in hits {
        let (slot, phrase, owned_elsewhere) = match h.role {
            Role::Point { point, phrase } => (point_hit.get_mut(usize::from(point)), phrase, None),
            Role::Avoid { avoid, phrase } => (
                avoid_hit.get_mut(usize::from(avoid)),
                phrase,
                Some(usize::from(avoid) >= bank_avoid),
            ),
            _ => continue,
        };
        // Only the first valid hit of each counts: the rest need no checks.
        let Some(slot) = slot.filter(|s| s.is_none()) else {
            continue;
        };
        // A phrase inside one of the other kind belongs to it: 尺码表 inside "你自己没看尺码表"
        // earns nothing, 推卸责任 inside a point "不推卸责任" costs nothing. A rude phrase the
        // bank already lists is the bank's.
        let belongs_elsewhere = match owned_elsewhere {
            None => avoid_ranges.contains(h.start, h.end, true),
            Some(built_in) => {
                point_ranges.contains(h.start, h.end, false)
                    || (built_in && bank_avoid_ranges.overlaps(h.start, h.end))
            }
        };
        if belongs_elsewhere || copied.covers(h.start, h.end) || guard.negates(h.start) {
            continue;
        }
        *slot = Some((phrase, text.orig_span(h.start, h.end)));
    }

    let results = point_results(points, |i| {
        point_hit.get(i).copied().flatten().map(|(p, at)| {
            let phrase = points.get(i).and_then(|s| s.phrases.get(usize::from(p)));
            (phrase.cloned(), Some(at))
        })
    });
    let avoid = avoid
        .iter()
        .zip(&avoid_hit)
        .filter_map(|(spec, hit)| {
            let (phrase, at) = (*hit)?;
            Some(AvoidHit {
                why: spec.why.clone(),
                matched: spec.phrases.get(usize::from(phrase))?.clone(),
                at,
                penalty: spec.penalty,
            })
        })
        .collect();
    summarise(results, avoid)
}

/// Content from a spoken-mode checklist: the points the candidate ticked.
pub fn from_ticks(points: &[PointSpec], ticked: &[bool]) -> Content {
    let results = point_results(points, |i| {
        ticked
            .get(i)
            .copied()
            .unwrap_or(false)
            .then_some((None, None))
    });
    summarise(results, Vec::new())
}

/// One result per point; `earned(i)` gives the matched phrase and span of an earned point.
fn point_results(
    specs: &[PointSpec],
    earned: impl Fn(usize) -> Option<(Option<String>, Option<Span>)>,
) -> Vec<PointResult> {
    specs
        .iter()
        .enumerate()
        .map(|(i, spec)| {
            let hit = earned(i);
            PointResult {
                name: spec.name.clone(),
                hit: hit.is_some(),
                required: spec.required,
                weight: spec.weight,
                hint: if hit.is_some() {
                    None
                } else {
                    spec.hint.clone()
                },
                matched: hit.as_ref().and_then(|(m, _)| m.clone()),
                at: hit.and_then(|(_, at)| at),
            }
        })
        .collect()
}

fn summarise(points: Vec<PointResult>, avoid: Vec<AvoidHit>) -> Content {
    let total: u64 = points.iter().map(|p| u64::from(p.weight)).sum();
    let earned: u64 = points
        .iter()
        .filter(|p| p.hit)
        .map(|p| u64::from(p.weight))
        .sum();
    // A question without points has nothing to miss: its content is whatever was said.
    let share = if total == 0 {
        100.0
    } else {
        100.0 * earned as f64 / total as f64
    };
    let missing_required = points
        .iter()
        .filter(|p| p.required && !p.hit)
        .map(|p| p.name.clone())
        .collect();
    Content {
        points,
        avoid,
        share,
        missing_required,
    }
}
