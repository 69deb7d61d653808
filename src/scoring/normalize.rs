//! Normalisation before matching: Unicode NFKC (full-width → half-width), case folding, and the
//! language's whitespace rule (zh: all whitespace dropped; en: runs collapsed to one space or one
//! newline). Every byte of the normalised text remembers which characters of the original it came
//! from, so evidence spans can be reported as character offsets into the answer *as given*.

use unicode_normalization::char::canonical_combining_class;
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfkc_quick};

use crate::bank::Language;

/// The normalised text plus the map back to the original.
#[derive(Debug, Clone, Default)]
pub struct Normalized {
    text: String,
    /// For each byte of `text`: the original character range of the char it belongs to.
    /// `u32` keeps the map at 8 bytes per byte even for multi-megabyte answers.
    src_start: Vec<u32>,
    src_end: Vec<u32>,
    /// Byte offsets in `text` before which a line break was dropped (zh only: en keeps `\n`).
    /// Clauses end at line breaks even when the text no longer shows them.
    breaks: Vec<usize>,
    /// Byte offsets before which any whitespace was dropped (zh only): "道歉 核实" is two items.
    spaces: Vec<usize>,
}

impl Normalized {
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// Half-open original character range of the normalised byte range `[start, end)`.
    pub fn orig_span(&self, start: usize, end: usize) -> [usize; 2] {
        let s = self.src_start.get(start).copied().unwrap_or(0) as usize;
        let e = end
            .checked_sub(1)
            .and_then(|last| self.src_end.get(last))
            .copied()
            .map_or(s, |e| e as usize);
        [s, e.max(s)]
    }

    /// Original character offset of the normalised byte `pos`.
    pub fn orig_offset(&self, pos: usize) -> usize {
        self.src_start.get(pos).copied().unwrap_or(0) as usize
    }

    /// Whether any dropped whitespace stood anywhere from normalised byte `from` to `to`.
    pub fn space_within(&self, from: usize, to: usize) -> bool {
        let i = self.spaces.partition_point(|&b| b < from);
        self.spaces.get(i).is_some_and(|&b| b <= to)
    }

    /// Whether a dropped line break stood anywhere from normalised byte `from` to `to`
    /// (inclusive: a break recorded at `p` stood just before the char at `p`).
    pub fn break_within(&self, from: usize, to: usize) -> bool {
        let i = self.breaks.partition_point(|&b| b < from);
        self.breaks.get(i).is_some_and(|&b| b <= to)
    }
}

/// Normalise untrusted text (an answer, a prompt, a reference) and keep the offset map.
pub fn normalize(input: &str, lang: Language) -> Normalized {
    let mut out = Builder {
        lang,
        n: Normalized {
            text: String::with_capacity(input.len()),
            src_start: Vec::with_capacity(input.len()),
            src_end: Vec::with_capacity(input.len()),
            breaks: Vec::new(),
            spaces: Vec::new(),
        },
        pending: None,
    };
    let mut chars = input.chars().peekable();
    let mut idx: u32 = 0;
    let mut segment = String::new();
    while let Some(c) = chars.next() {
        let start = idx;
        idx = idx.saturating_add(1);
        let next_joins = chars.peek().is_some_and(|&n| !is_starter(n));
        if !next_joins && is_stable(c) {
            out.push(c, start, idx);
            continue;
        }
        // A starter and the combining marks after it compose together, so they are
        // normalised as one segment and all map to the segment's original range.
        segment.clear();
        segment.push(c);
        while let Some(&n) = chars.peek() {
            if is_starter(n) {
                break;
            }
            segment.push(n);
            chars.next();
            idx = idx.saturating_add(1);
        }
        for nc in segment.nfkc() {
            out.push(nc, start, idx);
        }
    }
    out.n
}

/// Normalise a bank phrase (or any text matched against answers) without keeping the map.
pub fn normalize_phrase(phrase: &str, lang: Language) -> String {
    let mut s = normalize(phrase, lang).text;
    // A trailing newline/space from the bank's formatting is never part of the phrase.
    while s.ends_with([' ', '\n']) {
        s.pop();
    }
    s
}

/// Characters that NFKC leaves alone and that never compose with a neighbour: the fast path
/// for the bulk of both Chinese and English text.
fn is_stable(c: char) -> bool {
    c.is_ascii()
        || ('\u{4E00}'..='\u{9FFF}').contains(&c)
        || is_nfkc_quick(std::iter::once(c)) == IsNormalized::Yes
            && canonical_combining_class(c) == 0
}

/// A character that starts a new composition segment (Hangul vowel/trailing jamo compose with
/// the syllable before them even though their combining class is 0).
fn is_starter(c: char) -> bool {
    c.is_ascii()
        || ('\u{4E00}'..='\u{9FFF}').contains(&c)
        || (canonical_combining_class(c) == 0 && !('\u{1161}'..='\u{11C2}').contains(&c))
}

#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Gap {
    Space,
    Newline,
}

struct Builder {
    lang: Language,
    n: Normalized,
    /// en: whitespace seen since the last character, with the original range it covers.
    pending: Option<(Gap, u32, u32)>,
}

impl Builder {
    fn push(&mut self, c: char, start: u32, end: u32) {
        let c = fold_punctuation(c, self.lang);
        if c.is_whitespace() {
            let gap = if is_line_break(c) {
                Gap::Newline
            } else {
                Gap::Space
            };
            match self.lang {
                Language::Zh => {
                    let at = self.n.text.len();
                    if gap == Gap::Newline && self.n.breaks.last() != Some(&at) {
                        self.n.breaks.push(at);
                    }
                    if self.n.spaces.last() != Some(&at) {
                        self.n.spaces.push(at);
                    }
                }
                Language::En => {
                    self.pending = Some(match self.pending {
                        Some((g, s, _)) => (g.max(gap), s, end),
                        None => (gap, start, end),
                    });
                }
            }
            return;
        }
        if let Some((gap, s, e)) = self.pending.take()
            && !self.n.text.is_empty()
        {
            self.emit(if gap == Gap::Newline { '\n' } else { ' ' }, s, e);
        }
        if c.is_ascii() {
            self.emit(c.to_ascii_lowercase(), start, end);
        } else {
            for l in c.to_lowercase() {
                self.emit(l, start, end);
            }
        }
    }

    fn emit(&mut self, c: char, start: u32, end: u32) {
        self.n.text.push(c);
        for _ in 0..c.len_utf8() {
            self.n.src_start.push(start);
            self.n.src_end.push(end);
        }
    }
}

fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}

/// Typographic variants that NFKC keeps apart but a candidate types interchangeably:
/// curly apostrophes, and (en) hyphens, which join words like "follow-up" = "follow up".
fn fold_punctuation(c: char, lang: Language) -> char {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{02BC}' | '\u{00B4}' | '`' => '\'',
        '-' | '\u{2010}' | '\u{2011}' if lang == Language::En => ' ',
        _ => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn slice(orig: &str, span: [usize; 2]) -> String {
        orig.chars().skip(span[0]).take(span[1] - span[0]).collect()
    }

    #[test]
    fn full_width_becomes_half_width_and_lower_case() {
        let n = normalize("ＳＯＲＲＹ，１２３", Language::En);
        assert_eq!(n.as_str(), "sorry,123");
        let n = normalize("退款　１００元", Language::Zh);
        assert_eq!(n.as_str(), "退款100元");
    }

    #[test]
    fn zh_drops_all_whitespace_and_remembers_line_breaks() {
        let n = normalize("我 会\n道 歉", Language::Zh);
        assert_eq!(n.as_str(), "我会道歉");
        let pos = "我会".len();
        assert!(n.break_within(pos, pos));
        assert!(n.break_within(0, pos));
        assert!(!n.break_within(pos + 1, n.as_str().len()));
    }

    #[test]
    fn en_collapses_whitespace_and_keeps_newlines() {
        let n = normalize("  I'm   SORRY \n\n  follow-up ", Language::En);
        assert_eq!(n.as_str(), "i'm sorry\nfollow up");
    }

    #[test]
    fn spans_map_back_to_original_characters() {
        // "ｓｏｒｒｙ" keeps one char per char; "㈱" (NFKC → "(株)") grows; spaces vanish in zh.
        let orig = "㈱ 您好，抱 歉";
        let n = normalize(orig, Language::Zh);
        let text = n.as_str();
        let b = text.find("抱歉").unwrap();
        let span = n.orig_span(b, b + "抱歉".len());
        assert_eq!(slice(orig, span), "抱 歉");
        let b = text.find("株").unwrap();
        assert_eq!(n.orig_span(b, b + "株".len()), [0, 1]);
    }

    #[test]
    fn combining_marks_compose_with_their_base() {
        let orig = "cafe\u{301} ok";
        let n = normalize(orig, Language::En);
        assert_eq!(n.as_str(), "café ok");
        let b = n.as_str().find('é').unwrap();
        assert_eq!(n.orig_span(b, b + 'é'.len_utf8()), [3, 5]);
    }

    #[test]
    fn curly_apostrophes_fold() {
        assert_eq!(normalize_phrase("Don’t", Language::En), "don't");
    }
}
