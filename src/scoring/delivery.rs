//! Delivery: length against the question's `target_chars`, filler words, and pace when the
//! answer's duration is known.

use super::matcher::{Hit, Role};
use super::normalize::Normalized;
use super::scorecard::Flag;
use super::spans::Ranges;
use crate::bank::Language;

/// Above `hi`, the length score falls by this much per 100% over, down to `LONG_FLOOR`:
/// a long answer is still an answer.
const LONG_SLOPE: f64 = 60.0;
const LONG_FLOOR: f64 = 40.0;
/// Fillers per 100 characters that go unnoticed.
const FILLER_ALLOWANCE: f64 = 0.3;
/// Fluency points lost per filler per 100 characters above the allowance.
const FILLER_SLOPE: f64 = 30.0;
/// Characters per minute nobody types or speaks (pasted), and implausibly slow ones.
const ZH_FAST_CPM: u32 = 400;
const ZH_SLOW_CPM: u32 = 15;
const EN_FAST_CPM: u32 = 1000;
const EN_SLOW_CPM: u32 = 40;
/// Pace score for an implausibly fast or slow answer.
const ODD_PACE_SCORE: f64 = 60.0;
/// Spoken mode: an answer shorter than this share of the time limit is thin.
const SPOKEN_MIN_SHARE: f64 = 0.25;

pub struct Delivery {
    pub score: f64,
    pub chars: usize,
    pub fillers: usize,
    /// Distinct fillers in order of first use, for the feedback.
    pub filler_words: Vec<String>,
    pub pace_cpm: Option<u32>,
    pub flags: Vec<Flag>,
}

impl Delivery {
    /// Whether there are more fillers than the allowance for the answer's length.
    pub fn too_many_fillers(&self) -> bool {
        filler_density(self.fillers, self.chars) > FILLER_ALLOWANCE
    }
}

#[derive(Debug, Clone, Copy)]
pub struct Limits {
    pub target_chars: (u32, u32),
    pub answer_seconds: u32,
    pub lang: Language,
}

pub fn evaluate(
    chars: usize,
    text: &Normalized,
    hits: &[Hit],
    seconds: Option<u32>,
    limits: &Limits,
) -> Delivery {
    let mut flags = Vec::new();
    let (length, length_flag) = length_score(chars, limits.target_chars);
    flags.extend(length_flag);

    let exceptions = Ranges::of_hits(hits, |r| r == Role::FillerException);
    let mut fillers = 0;
    let mut filler_words: Vec<String> = Vec::new();
    // Overlapping matches ("然后然后然后" holds two "然后然后") count once per start.
    let mut last_start = None;
    for h in hits.iter().filter(|h| h.role == Role::Filler) {
        if exceptions.contains(h.start, h.end, true) || last_start == Some(h.start) {
            continue;
        }
        last_start = Some(h.start);
        fillers += 1;
        let word = text.as_str().get(h.start..h.end).unwrap_or_default();
        if !filler_words.iter().any(|w| w == word) {
            filler_words.push(word.to_string());
        }
    }
    let fluency = fluency_score(fillers, chars);

    let (score, pace_cpm) = match seconds {
        Some(s) => {
            let (pace, cpm, pace_flag) = pace_score(chars, s, limits);
            flags.extend(pace_flag);
            (0.5 * length + 0.3 * fluency + 0.2 * pace, cpm)
        }
        None => (0.6 * length + 0.4 * fluency, None),
    };
    Delivery {
        score,
        chars,
        fillers,
        filler_words,
        pace_cpm,
        flags,
    }
}

fn length_score(chars: usize, (lo, hi): (u32, u32)) -> (f64, Option<Flag>) {
    let (lo, hi, n) = (f64::from(lo), f64::from(hi.max(lo)), chars as f64);
    if n < lo {
        (100.0 * n / lo, Some(Flag::TooShort))
    } else if n > hi && hi > 0.0 {
        let over = (n - hi) / hi;
        (
            (100.0 - LONG_SLOPE * over).max(LONG_FLOOR),
            Some(Flag::TooLong),
        )
    } else {
        (100.0, None)
    }
}

fn filler_density(fillers: usize, chars: usize) -> f64 {
    100.0 * fillers as f64 / chars.max(1) as f64
}

fn fluency_score(fillers: usize, chars: usize) -> f64 {
    let excess = (filler_density(fillers, chars) - FILLER_ALLOWANCE).max(0.0);
    (100.0 - FILLER_SLOPE * excess).max(0.0)
}

/// Over the time limit costs in proportion; implausible speeds are flagged.
fn pace_score(chars: usize, seconds: u32, limits: &Limits) -> (f64, Option<u32>, Option<Flag>) {
    let (fast, slow) = match limits.lang {
        Language::Zh => (ZH_FAST_CPM, ZH_SLOW_CPM),
        Language::En => (EN_FAST_CPM, EN_SLOW_CPM),
    };
    if seconds == 0 {
        return if chars == 0 {
            (100.0, None, None)
        } else {
            (ODD_PACE_SCORE, None, Some(Flag::TooFast))
        };
    }
    let cpm = u32::try_from(chars as u64 * 60 / u64::from(seconds)).unwrap_or(u32::MAX);
    let limit = limits.answer_seconds.max(1);
    if seconds > limit {
        let over = f64::from(seconds - limit) / f64::from(limit);
        return (
            (100.0 - 100.0 * over).max(0.0),
            Some(cpm),
            Some(Flag::OverTime),
        );
    }
    if cpm > fast {
        (ODD_PACE_SCORE, Some(cpm), Some(Flag::TooFast))
    } else if cpm < slow && chars > 0 {
        (ODD_PACE_SCORE, Some(cpm), Some(Flag::TooSlow))
    } else {
        (100.0, Some(cpm), None)
    }
}

/// Spoken mode: delivery from the time used against the limit (unknown time: neutral).
pub fn from_time(seconds: Option<u32>, answer_seconds: u32) -> Delivery {
    let limit = f64::from(answer_seconds.max(1));
    let (score, flags) = match seconds {
        None => (100.0, Vec::new()),
        Some(s) if f64::from(s) > limit => {
            let over = (f64::from(s) - limit) / limit;
            ((100.0 - 100.0 * over).max(0.0), vec![Flag::OverTime])
        }
        Some(s) if f64::from(s) < SPOKEN_MIN_SHARE * limit => (
            100.0 * f64::from(s) / (SPOKEN_MIN_SHARE * limit),
            vec![Flag::TooShort],
        ),
        Some(_) => (100.0, Vec::new()),
    };
    Delivery {
        score,
        chars: 0,
        fillers: 0,
        filler_words: Vec::new(),
        pace_cpm: None,
        flags,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn length_inside_the_band_is_full_marks() {
        assert_eq!(length_score(200, (120, 500)), (100.0, None));
        assert_eq!(length_score(60, (120, 500)), (50.0, Some(Flag::TooShort)));
        let (long, flag) = length_score(1000, (120, 500));
        assert_eq!(flag, Some(Flag::TooLong));
        assert!((LONG_FLOOR..100.0).contains(&long));
    }

    #[test]
    fn fillers_cost_by_density() {
        assert_eq!(fluency_score(0, 300), 100.0);
        assert!(fluency_score(1, 300) > fluency_score(6, 300));
        assert_eq!(fluency_score(50, 100), 0.0);
    }

    #[test]
    fn pace_flags_over_time_and_pasting() {
        let limits = Limits {
            target_chars: (120, 500),
            answer_seconds: 120,
            lang: Language::Zh,
        };
        assert_eq!(pace_score(300, 150, &limits).2, Some(Flag::OverTime));
        assert_eq!(pace_score(300, 5, &limits).2, Some(Flag::TooFast));
        assert_eq!(pace_score(300, 100, &limits), (100.0, Some(180), None));
    }
}
