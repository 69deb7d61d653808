//! The negation guard: "我不会推卸责任" must not be penalised for 推卸责任, and "我没有道歉的
//! 必要" must not earn 道歉. A match is negated when a negation cue stands shortly before it in
//! the same clause, with no new subject or connective in between. The window is deliberately
//! short (4 characters in zh, 3 words in en): "不管怎样我都会道歉" is not a negation.

use super::lexicon::Lexicon;
use super::matcher::{Hit, Role, is_word_char};
use super::normalize::Normalized;
use super::spans::Ranges;
use crate::bank::Language;

const ZH_WINDOW_CHARS: usize = 4;
const EN_WINDOW_WORDS: usize = 3;

pub struct NegationGuard<'a> {
    text: &'a Normalized,
    lang: Language,
    lexicon: &'static Lexicon,
    /// End offsets of the negation cues that really negate, sorted.
    cue_ends: Vec<usize>,
}

impl<'a> NegationGuard<'a> {
    /// `phrases`: the bank phrases found in the text. A negation character inside one of them
    /// ("不好意思", "不满") belongs to that phrase and negates nothing.
    pub fn new(
        text: &'a Normalized,
        lang: Language,
        lexicon: &'static Lexicon,
        hits: &[Hit],
        phrases: &Ranges,
    ) -> Self {
        let exceptions = Ranges::of_hits(hits, |r| r == Role::NegationException);
        let mut cue_ends: Vec<usize> = hits
            .iter()
            .filter(|h| h.role == Role::Negation)
            .filter(|h| !exceptions.contains(h.start, h.end, true))
            .filter(|h| !phrases.contains(h.start, h.end, false))
            .filter(|h| !asks_either_way(text.as_str(), h.start))
            .map(|h| h.end)
            .collect();
        cue_ends.sort_unstable();
        cue_ends.dedup();
        NegationGuard {
            text,
            lang,
            lexicon,
            cue_ends,
        }
    }

    /// Whether the match starting at normalised byte `start` is negated.
    pub fn negates(&self, start: usize) -> bool {
        // Only the nearest cue matters: any earlier one is further away and behind the same gap.
        let i = self.cue_ends.partition_point(|&e| e <= start);
        let Some(&cue_end) = i.checked_sub(1).and_then(|i| self.cue_ends.get(i)) else {
            return false;
        };
        // Cheap bound first, so a far-away cue costs nothing on a megabyte answer.
        let max_gap = match self.lang {
            Language::Zh => ZH_WINDOW_CHARS * 4,
            Language::En => EN_WINDOW_WORDS * 40,
        };
        if start - cue_end > max_gap {
            return false;
        }
        let Some(gap) = self.text.as_str().get(cue_end..start) else {
            return false;
        };
        if gap.chars().any(is_clause_end) || self.text.break_within(cue_end, start) {
            return false;
        }
        match self.lang {
            Language::Zh => {
                gap.chars().count() <= ZH_WINDOW_CHARS
                    && !self.lexicon.scope_breakers.iter().any(|b| gap.contains(b))
            }
            Language::En => {
                let mut words = 0;
                for w in gap.split(|c: char| !is_word_char(c) && c != '\'') {
                    if w.is_empty() {
                        continue;
                    }
                    words += 1;
                    if words > EN_WINDOW_WORDS || self.lexicon.scope_breakers.contains(&w) {
                        return false;
                    }
                }
                true
            }
        }
    }
}

/// What may stand between a phrase and a negation after it: 「转人工我也不转」.
const ZH_AFTER_GLUE: &str = "我也都从来绝决是就还再可";
/// Verbs a negation after a phrase takes back: saying, doing, giving it.
const ZH_AFTER_VERBS: &str = "说做转给提理干退换办答应同意接受";
const ZH_AFTER_WINDOW: usize = 8;

impl NegationGuard<'_> {
    /// Whether the match `[start, end)` is negated on either side within its clause.
    pub fn negated(&self, start: usize, end: usize) -> bool {
        self.negates(start) || self.negated_after(start, end)
    }

    /// Whether the match `[start, end)` is taken back by a negation after it in the same
    /// clause: 「客户要求转人工我也不转」, 「“活该”这种话我从来不说」, "a refund is not an option".
    pub fn negated_after(&self, start: usize, end: usize) -> bool {
        let text = self.text.as_str();
        let Some(rest) = text.get(end..) else {
            return false;
        };
        let clause_len = rest.find(is_clause_end).unwrap_or(rest.len());
        if self.text.break_within(end, end + clause_len) && clause_len > 0 {
            return false;
        }
        let clause = rest.get(..clause_len).unwrap_or_default();
        match self.lang {
            Language::Zh => {
                let first = text.get(start..).and_then(|s| s.chars().next());
                let chars: Vec<char> = clause.chars().take(ZH_AFTER_WINDOW).collect();
                // Skip the demonstrative and the speaker: 「这种话」「这个」 then 「我从来」.
                let Some(neg) = chars.iter().position(|&c| c == '不' || c == '没') else {
                    return false;
                };
                let before: String = chars.get(..neg).unwrap_or_default().iter().collect();
                let glue_only = before
                    .trim_start_matches(['这', '那', '种', '个', '话', '些', '类'])
                    .chars()
                    .all(|c| ZH_AFTER_GLUE.contains(c));
                let mut after = chars.get(neg + 1..).unwrap_or_default().iter().copied();
                let mut next = after.next();
                if next == Some('有') || next == Some('会') {
                    next = after.next().or(next);
                }
                glue_only && next.is_some_and(|n| Some(n) == first || ZH_AFTER_VERBS.contains(n))
            }
            Language::En => {
                let mut words = clause
                    .split(|c: char| !is_word_char(c) && c != '\'')
                    .filter(|w| !w.is_empty());
                match words.next() {
                    // Contractions are written out by normalisation: "isn't" is "is not".
                    Some("never" | "not") => true,
                    Some("is" | "was" | "are") => {
                        matches!(words.next(), Some("not" | "never" | "no"))
                    }
                    _ => false,
                }
            }
        }
    }
}

/// The A-not-A question form (满不满意, 是不是, 有没有, 会不会): the same character on both
/// sides of the negation asks "whether", it does not deny.
fn asks_either_way(text: &str, cue_start: usize) -> bool {
    let before = text.get(..cue_start).and_then(|s| s.chars().next_back());
    let mut rest = text.get(cue_start..).unwrap_or_default().chars();
    let after = rest.nth(1);
    before.is_some_and(|b| b != '不' && b != '没' && Some(b) == after)
}

/// Punctuation that ends a clause (after NFKC, full-width marks are already half-width).
pub fn is_clause_end(c: char) -> bool {
    matches!(
        c,
        ',' | '.' | '!' | '?' | ';' | ':' | '\n' | '。' | '，' | '！' | '？' | '；' | '：' | '…'
    )
}
