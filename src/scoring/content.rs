//! Content: which points the answer earns and which avoid phrases it uses. A point is earned by
//! its earliest match that is neither negated nor copied from the prompt, and made with
//! substance if it is anywhere (a bare claim earns only until then); the content score is
//! the weighted share of points earned, capped while a required point is missing.

use super::matcher::{Hit, Role};
use super::negation::NegationGuard;
use super::normalize::Normalized;
use super::relevance::Copied;
use super::rubric::{AvoidSpec, PointSpec};
use super::scorecard::{AvoidHit, PointResult, Span};
use super::spans::Ranges;
use super::tone::{refused_quote, reported_speech};
use crate::bank::Language;

/// The most a content score can be while a required point is missing.
pub const REQUIRED_CAP: f64 = 60.0;
/// The share of its weight a point made only as a bare claim earns.
const PARTIAL: f64 = 0.5;
/// Content grows faster than the share of points: a panel hears two or three of six ideas,
/// well made, as an adequate answer, and does not expect every idea of the model answer.
const CURVE: f64 = 0.5;
/// With fewer points (a follow-up asks for two or three) each is a larger part of what was
/// asked: one idea of three is weak, not adequate. The curve straightens by this much for
/// every point below `CURVE_FROM`.
const CURVE_STEP: f64 = 0.125;
const CURVE_FROM: usize = 4;

pub struct Content {
    pub points: Vec<PointResult>,
    pub avoid: Vec<AvoidHit>,
    /// Weighted share of points earned, 0–100, before any cap.
    pub share: f64,
    pub missing_required: Vec<String>,
    /// A built-in hostile phrase in the candidate's own voice (`tone`).
    pub hostile: bool,
}

impl Content {
    /// The content score before zero-credit flags: the share, capped when a required point
    /// is missing.
    pub fn score(&self) -> f64 {
        let fewer = CURVE_FROM.saturating_sub(self.points.len().max(1)) as f64;
        let curve = (CURVE + CURVE_STEP * fewer).min(1.0);
        let curved = 100.0 * (self.share / 100.0).clamp(0.0, 1.0).powf(curve);
        if self.missing_required.is_empty() {
            curved
        } else {
            curved.min(REQUIRED_CAP)
        }
    }

    /// Whether the points earned were mostly claimed without substance: at least two bare,
    /// carrying most of the weight earned.
    pub fn mostly_bare(&self) -> bool {
        let earned = self.points.iter().filter(|p| p.hit);
        let (all, bare, n) = earned.fold((0, 0, 0), |(a, b, n), p| {
            (
                a + p.weight,
                b + if p.partial { p.weight } else { 0 },
                n + usize::from(p.partial),
            )
        });
        n >= 2 && bare * 5 >= all * 3
    }

    /// Point `i` earned by the candidate's `sentence` at `at`, close to the reference sentence
    /// the point's hint held (`similar`).
    pub fn earn_close(&mut self, i: usize, at: Span, sentence: String) {
        if let Some(p) = self.points.get_mut(i) {
            p.hit = true;
            p.matched = Some(sentence);
            p.concept = None;
            p.partial = false;
            p.at = Some(at);
            p.close_to = p.hint.take();
        }
        self.tally();
    }

    /// The share of weight earned and the required points missing, from `points`.
    fn tally(&mut self) {
        let total: u64 = self.points.iter().map(|p| u64::from(p.weight)).sum();
        // A bare claim earns half its point's weight.
        let earned: f64 = self
            .points
            .iter()
            .filter(|p| p.hit)
            .map(|p| f64::from(p.weight) * if p.partial { PARTIAL } else { 1.0 })
            .sum();
        // A question without points has nothing to miss: its content is whatever was said.
        self.share = if total == 0 {
            100.0
        } else {
            100.0 * earned / total as f64
        };
        self.missing_required = self
            .points
            .iter()
            .filter(|p| p.required && !p.hit)
            .map(|p| p.name.clone())
            .collect();
    }

    pub fn penalties(&self) -> u32 {
        self.avoid.iter().map(|a| a.penalty).sum()
    }
}

/// The answer as the content check reads it: its text and phrase hits, and the judgements
/// made on them elsewhere (negation, copying, bare claims).
pub struct Said<'a> {
    pub text: &'a Normalized,
    pub hits: &'a [Hit],
    pub guard: &'a NegationGuard<'a>,
    pub copied: &'a Copied,
    pub lang: Language,
    /// Whether the phrase starting at a byte stands in a bare claim.
    pub is_bare: &'a dyn Fn(usize) -> bool,
}

/// `avoid` holds the bank's entries followed by the language's rude phrases; `bank_avoid` is
/// how many are the bank's.
pub fn evaluate(
    points: &[PointSpec],
    avoid: &[AvoidSpec],
    bank_avoid: usize,
    said: &Said,
) -> Content {
    let Said {
        text,
        hits,
        guard,
        copied,
        lang,
        is_bare,
    } = *said;
    let point_ranges = Ranges::of_hits(hits, |r| matches!(r, Role::Point { .. }));
    let avoid_ranges = Ranges::of_hits(hits, |r| matches!(r, Role::Avoid { .. }));
    let bank_avoid_ranges = Ranges::of_hits(
        hits,
        |r| matches!(r, Role::Avoid { avoid, .. } if usize::from(avoid) < bank_avoid),
    );
    // Hits are ordered by start, so the first valid hit of each point is its earliest.
    let mut point_hit: Vec<Option<(u16, [usize; 2])>> = vec![None; points.len()];
    let mut bare = vec![false; points.len()];
    let mut hostile_in_bank = false;
    let mut avoid_hit: Vec<Option<(u16, [usize; 2])>> = vec![None; avoid.len()];
    let mut spent: Vec<(usize, usize)> = Vec::new();
    // Where each point was earned, in the normalised text.
    let mut point_at: Vec<Option<(usize, usize)>> = vec![None; points.len()];
    let mut hostile_at: Vec<usize> = Vec::new();
    for h in hits {
        let (slot, phrase, owned_elsewhere, reopen) = match h.role {
            Role::Point { point, phrase } => {
                let p = usize::from(point);
                // A bare claim stands only until the point is made with substance: 「我会道
                // 歉。」 early and a real apology later earns the point in full.
                let reopen = bare.get(p).copied().unwrap_or(false);
                (point_hit.get_mut(p), phrase, None, reopen)
            }
            Role::Avoid { avoid, phrase } => (
                avoid_hit.get_mut(usize::from(avoid)),
                phrase,
                Some(usize::from(avoid) >= bank_avoid),
                false,
            ),
            _ => continue,
        };
        // Only the first valid hit of each counts (the first with substance, for a point):
        // the rest need no checks, except hostile words, which each taint their sentence.
        let Some(slot) = slot.filter(|s| s.is_none() || reopen || owned_elsewhere == Some(true))
        else {
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
        // Someone else's words, or words the candidate quotes as what not to say. Both scan
        // back through the text, so they are asked last.
        let reported = || {
            (owned_elsewhere == Some(true) && reported_speech(text.as_str(), h.start, lang))
                || (owned_elsewhere.is_some() && refused_quote(text.as_str(), h.start, lang))
        };
        // A hostile phrase the bank lists too costs the bank's penalty, and is still hostile.
        let shared_hostile = owned_elsewhere == Some(true)
            && belongs_elsewhere
            && !point_ranges.contains(h.start, h.end, false);
        let negated = guard.negated(h.start, h.end);
        if shared_hostile && !negated && !reported() {
            hostile_in_bank = true;
            hostile_at.push(h.start);
        }
        if belongs_elsewhere || negated || copied.covers(h.start, h.end) || reported() {
            continue;
        }
        if owned_elsewhere == Some(true) {
            hostile_at.push(h.start);
            if slot.is_some() {
                continue;
            }
        }
        // The same words earn one point: 「尺码表」 said once is not three ideas, however many
        // points its concept serves.
        let is_point = matches!(h.role, Role::Point { .. });
        if is_point && spent.iter().any(|&(s, e)| h.start < e && s < h.end) {
            continue;
        }
        if let Role::Point { point, .. } = h.role {
            let p = usize::from(point);
            let now_bare = is_bare(h.start);
            if reopen && now_bare {
                continue;
            }
            // The bare claim this replaces no longer holds its words.
            if let Some(old) = point_at.get(p).copied().flatten() {
                spent.retain(|&sp| sp != old);
            }
            spent.push((h.start, h.end));
            if let Some(b) = bare.get_mut(p) {
                *b = now_bare;
            }
            if let Some(at) = point_at.get_mut(p) {
                *at = Some((h.start, h.end));
            }
        }
        *slot = Some((phrase, text.orig_span(h.start, h.end)));
    }
    // Words said in the same breath as an insult make no point: 「尺码表就在详情页，自己不会
    // 看吗？」 is a rebuke, not sizing advice.
    for (hit, at) in point_hit.iter_mut().zip(&point_at) {
        if at.is_some_and(|(p, _)| {
            hostile_at
                .iter()
                .any(|&h| same_sentence(text.as_str(), p, h))
        }) {
            *hit = None;
        }
    }

    let results = point_results(points, |i| {
        point_hit.get(i).copied().flatten().map(|(p, at)| {
            let earner = points.get(i).and_then(|s| s.earns.get(usize::from(p)));
            Earned {
                phrase: earner.map(|e| e.phrase.clone()),
                concept: earner.and_then(|e| e.concept).map(str::to_string),
                at: Some(at),
                partial: bare.get(i).copied().unwrap_or(false),
            }
        })
    });
    let hostile = hostile_in_bank || avoid_hit.iter().skip(bank_avoid).any(Option::is_some);
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
    let mut content = summarise(results, avoid);
    content.hostile = hostile;
    content
}

/// Whether bytes `a` and `b` of `text` stand in one sentence.
fn same_sentence(text: &str, a: usize, b: usize) -> bool {
    let (lo, hi) = (a.min(b), a.max(b));
    text.get(lo..hi)
        .is_some_and(|between| !between.contains(['。', '.', '!', '?', ';', '\n', '…']))
}

/// Content from a spoken-mode checklist: the points the candidate ticked.
pub fn from_ticks(points: &[PointSpec], ticked: &[bool]) -> Content {
    let results = point_results(points, |i| {
        ticked
            .get(i)
            .copied()
            .unwrap_or(false)
            .then_some(Earned::default())
    });
    summarise(results, Vec::new())
}

/// What earned a point: the phrase, its concept, and where (a ticked point has neither).
#[derive(Debug, Default)]
struct Earned {
    phrase: Option<String>,
    concept: Option<String>,
    at: Option<Span>,
    partial: bool,
}

/// One result per point; `earned(i)` says what earned point `i`, if anything did.
fn point_results(
    specs: &[PointSpec],
    earned: impl Fn(usize) -> Option<Earned>,
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
                matched: hit.as_ref().and_then(|e| e.phrase.clone()),
                concept: hit.as_ref().and_then(|e| e.concept.clone()),
                partial: hit.as_ref().is_some_and(|e| e.partial),
                at: hit.and_then(|e| e.at),
                close_to: None,
            }
        })
        .collect()
}

fn summarise(points: Vec<PointResult>, avoid: Vec<AvoidHit>) -> Content {
    let mut content = Content {
        points,
        avoid,
        share: 0.0,
        missing_required: Vec::new(),
        hostile: false,
    };
    content.tally();
    content
}
