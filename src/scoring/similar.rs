//! A point earned by a sentence close to the model answer's sentence for it. A candidate who
//! says the same thing in a nearby way (most of that sentence's content words, none of the
//! point's phrases) made the point; the card shows which of their sentences did, and which
//! reference sentence it is close to.
//!
//! Closeness is the share of the reference sentence's content units that the candidate's
//! sentence holds: Chinese character pairs and English words (function words left out, light
//! stemming), with every thesaurus phrase folded into its concept, so 「赔个不是」 and 「道歉」
//! are one unit. Units the prompt already holds do not count: copying the question is not
//! making a point.

use super::lexicon::{is_en_function_word, is_zh_function_char};
use super::matcher::{Hit, Role};
use super::normalize::{Normalized, is_cjk};
use super::rubric::PointSpec;
use crate::bank::Language;

/// A sentence earns a point when it holds at least this share of the reference sentence's
/// units…
const SHARE: f64 = 0.5;
/// …and at least this many of them: a short reference sentence is matched by too much.
const MIN_SHARED: usize = 4;

/// Sorted, distinct content units of a stretch of text.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Units(Vec<u64>);

impl Units {
    /// The units of `text` between normalised bytes `range`, with the phrases of `hits` that
    /// belong to a concept folded into that concept.
    pub fn of(
        text: &Normalized,
        range: (usize, usize),
        hits: &[Hit],
        points: &[PointSpec],
        lang: Language,
    ) -> Units {
        let s = text.as_str();
        let mut out = Vec::new();
        // Concept phrases first; their bytes are then skipped.
        let mut folded: Vec<(usize, usize)> = Vec::new();
        // Hits are in text order: the sentence's are one stretch of them.
        let first = hits.partition_point(|h| h.start < range.0);
        let last = hits.partition_point(|h| h.start < range.1);
        let own = hits.get(first..last).unwrap_or_default();
        for h in own.iter().filter(|h| h.end <= range.1) {
            if let Role::Point { point, phrase } = h.role
                && let Some(concept) = points
                    .get(usize::from(point))
                    .and_then(|p| p.earns.get(usize::from(phrase)))
                    .and_then(|e| e.concept)
            {
                out.push(fnv(concept.as_bytes()) | CONCEPT);
                folded.push((h.start, h.end));
            }
        }
        // Asked in increasing order of `i`, so one pass over the folded spans (in start order)
        // answers every question: a byte is inside when a span that began at or before it
        // reaches past it. Asking each span for each byte made a long sentence quadratic.
        let mut next = 0;
        let mut covered_to = 0;
        let mut inside = |i: usize| {
            while let Some(&(_, b)) = folded.get(next).filter(|(a, _)| *a <= i) {
                covered_to = covered_to.max(b);
                next += 1;
            }
            i < covered_to
        };
        let body = s.get(range.0..range.1).unwrap_or_default();
        match lang {
            Language::Zh => {
                let mut prev: Option<char> = None;
                for (i, c) in body.char_indices() {
                    let content = is_cjk(c) && !is_zh_function_char(c) && !inside(range.0 + i);
                    if let (Some(p), true) = (prev, content) {
                        out.push((u64::from(p) << 32) | u64::from(c));
                    }
                    prev = content.then_some(c);
                }
            }
            Language::En => {
                for (i, w) in words(body) {
                    if !is_en_function_word(w) && !inside(range.0 + i) {
                        out.push(fnv(stem(w).as_bytes()));
                    }
                }
            }
        }
        out.sort_unstable();
        out.dedup();
        Units(out)
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// These units without any of `other`'s.
    pub fn without(mut self, other: &Units) -> Units {
        self.0.retain(|u| other.0.binary_search(u).is_err());
        self
    }

    /// How many of `self`'s units `other` holds.
    fn shared(&self, other: &Units) -> usize {
        let (mut a, mut b) = (self.0.iter().peekable(), other.0.iter().peekable());
        let mut n = 0;
        while let (Some(x), Some(y)) = (a.peek(), b.peek()) {
            match x.cmp(y) {
                std::cmp::Ordering::Less => {
                    a.next();
                }
                std::cmp::Ordering::Greater => {
                    b.next();
                }
                std::cmp::Ordering::Equal => {
                    n += 1;
                    a.next();
                    b.next();
                }
            }
        }
        n
    }

    /// Whether `sentence` is close enough to this reference sentence to make its point.
    pub fn matched_by(&self, sentence: &Units) -> bool {
        let shared = self.shared(sentence);
        shared >= MIN_SHARED && shared as f64 >= SHARE * self.len() as f64
    }
}

const CONCEPT: u64 = 1 << 63;

/// Words of normalised (lower-case) English with their byte offsets.
fn words(s: &str) -> impl Iterator<Item = (usize, &str)> {
    s.split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| !w.is_empty())
        .map(move |w| (w.as_ptr() as usize - s.as_ptr() as usize, w))
}

/// Enough stemming that "replace", "replaced" and "replacing" meet.
fn stem(w: &str) -> &str {
    for suffix in ["ing", "ed", "es", "s", "e"] {
        if let Some(base) = w.strip_suffix(suffix)
            && base.len() >= 3
        {
            return base;
        }
    }
    w
}

/// FNV-1a: a fixed, fast hash (the units are compared, never stored).
pub fn fnv(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h & !CONCEPT
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scoring::normalize::normalize;

    fn units(s: &str, lang: Language) -> Units {
        let n = normalize(s, lang);
        let len = n.as_str().len();
        Units::of(&n, (0, len), &[], &[], lang)
    }

    #[test]
    fn chinese_units_are_content_character_pairs() {
        let u = units("我会核实订单信息", Language::Zh);
        // 核实, 实订, 订单, 单信, 信息 (我, 会 are function characters).
        assert_eq!(u.len(), 5, "{u:?}");
    }

    #[test]
    fn a_sentence_sharing_most_content_is_close_and_a_generic_one_is_not() {
        let reference = units(
            "我会请顾客拍一张包裹外箱的照片，方便我们向快递公司索赔",
            Language::Zh,
        );
        let close = units(
            "麻烦顾客拍下包裹外箱的照片，我们好找快递公司索赔",
            Language::Zh,
        );
        let generic = units("我会好好处理顾客的问题，让顾客满意", Language::Zh);
        assert!(reference.matched_by(&close));
        assert!(!reference.matched_by(&generic));
    }

    #[test]
    fn english_words_meet_across_endings() {
        let reference = units("I would replace the damaged parcel today", Language::En);
        let close = units("we replaced the damaged parcels the same day", Language::En);
        assert!(reference.shared(&close) >= 3, "{reference:?} {close:?}");
    }
}
