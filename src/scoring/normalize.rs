//! Normalisation before matching: Unicode NFKC (full-width → half-width), case folding, and the
//! language's whitespace rule (zh: all whitespace dropped; en: runs collapsed to one space or one
//! newline). Every byte of the normalised text remembers which characters of the original it came
//! from, so evidence spans can be reported as character offsets into the answer *as given*.

use unicode_normalization::char::canonical_combining_class;
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfkc_quick};

use super::matcher::is_word_char;
use crate::bank::Language;

/// The normalised text plus the map back to the original.
#[derive(Debug, Clone, Default)]
pub struct Normalized {
    text: String,
    /// For each char of `text`: its byte offset there, and the original character range it
    /// came from. `u32` keeps the map small even for multi-megabyte answers.
    map: Vec<(u32, u32, u32)>,
    /// Sentences (or lines) holding at least one word.
    sentences: usize,
    /// Characters of the original that are not whitespace.
    orig_chars: usize,
    /// Byte ranges of the units of text: each letter or digit in zh, each word in en
    /// ("o'clock" is one word, the apostrophe of "customers'" is not part of it; contractions
    /// are written out, "don't" → "do not").
    tokens: Vec<(usize, usize)>,
    /// Byte offsets in `text` before which a line break was dropped (zh only: en keeps `\n`).
    /// Clauses end at line breaks even when the text no longer shows them.
    breaks: Vec<usize>,
    /// Byte offsets before which any whitespace was dropped (zh only): "道歉 核实" is two items.
    spaces: Vec<usize>,
    /// Every char of `text` that is not a word character (punctuation, spaces, line breaks)
    /// with its byte offset: sentence and clause boundaries are found here, without decoding
    /// the whole text again.
    marks: Vec<(usize, char)>,
    /// zh: the character of each token (a zh token is one character), so passes over tokens
    /// need not decode the text again. Empty in en.
    token_chars: Vec<char>,
}

impl Normalized {
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The chars of the text that are not word characters, with their byte offsets, in order.
    pub fn marks(&self) -> &[(usize, char)] {
        &self.marks
    }

    /// Appends `c`, which came from the original range `[start, end)`, and returns its byte
    /// offset. Every char but a CJK ideograph (see `Builder::push_cjk`) is added here.
    fn push_char(&mut self, c: char, start: u32, end: u32) -> usize {
        let pos = self.text.len();
        self.map
            .push((u32::try_from(pos).unwrap_or(u32::MAX), start, end));
        self.text.push(c);
        if !is_word_char(c) {
            self.marks.push((pos, c));
        }
        pos
    }

    /// The original range of the normalised char holding byte `pos`.
    fn char_at(&self, pos: usize) -> Option<(u32, u32)> {
        let i = self
            .map
            .partition_point(|&(b, _, _)| b as usize <= pos)
            .checked_sub(1)?;
        self.map.get(i).map(|&(_, s, e)| (s, e))
    }

    /// Half-open original character range of the normalised byte range `[start, end)`.
    pub fn orig_span(&self, start: usize, end: usize) -> [usize; 2] {
        let s = self.orig_offset(start);
        let e = end
            .checked_sub(1)
            .and_then(|last| self.char_at(last))
            .map_or(s, |(_, e)| e as usize);
        [s, e.max(s)]
    }

    /// Original character offset of the normalised byte `pos`.
    pub fn orig_offset(&self, pos: usize) -> usize {
        self.char_at(pos).map_or(0, |(s, _)| s as usize)
    }

    /// The tokens (characters in zh, words in en), as byte ranges of the normalised text.
    pub fn tokens(&self) -> &[(usize, usize)] {
        &self.tokens
    }

    /// zh: the character of token `k`; `None` in en, where a token is a word.
    pub fn token_char(&self, k: usize) -> Option<char> {
        self.token_chars.get(k).copied()
    }

    /// Whether token `k` is a number (all ASCII digits): neutral wherever content is counted.
    /// A zh token is one character, known without slicing the text.
    pub fn token_is_number(&self, k: usize) -> bool {
        match self.token_char(k) {
            Some(c) => c.is_ascii_digit(),
            None => {
                let (s, e) = self.tokens.get(k).copied().unwrap_or_default();
                let tok = self.text.get(s..e).unwrap_or_default();
                tok.bytes().all(|b| b.is_ascii_digit())
            }
        }
    }

    /// Length of the original in characters, whitespace excluded.
    pub fn orig_chars(&self) -> usize {
        self.orig_chars
    }

    /// Sentences (or lines) that hold at least one word: the text between two of
    /// 。!?.; or line breaks.
    pub fn sentences(&self) -> usize {
        self.sentences
    }

    /// Whether any dropped whitespace stood anywhere from normalised byte `from` to `to`.
    pub fn space_within(&self, from: usize, to: usize) -> bool {
        let i = self.spaces.partition_point(|&b| b < from);
        self.spaces.get(i).is_some_and(|&b| b <= to)
    }

    /// Byte offsets before which zh dropped a line break, ascending.
    pub fn breaks(&self) -> &[usize] {
        &self.breaks
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
            map: Vec::with_capacity(input.len() / 2),
            sentences: 0,
            orig_chars: 0,
            tokens: Vec::with_capacity(input.len() / 2),
            breaks: Vec::new(),
            spaces: Vec::new(),
            // About one mark in ten characters of prose: grown rarely.
            marks: Vec::with_capacity(input.len() / 16),
            token_chars: Vec::with_capacity(if lang == Language::Zh {
                input.len() / 3
            } else {
                0
            }),
        },
        pending: None,
        apostrophe_at: None,
        in_sentence: false,
    };
    let mut chars = input.chars();
    // The next character, without taking it.
    let peek = |chars: &std::str::Chars| chars.clone().next();
    let mut idx: u32 = 0;
    let mut segment = String::new();
    loop {
        // The bulk of a Chinese answer, copied a run at a time.
        if lang == Language::Zh {
            let rest = chars.as_str();
            let (run, tail) = rest.split_at(cjk_run(rest));
            if !run.is_empty() {
                let n = out.push_cjk_run(run, idx);
                idx = idx.saturating_add(n);
                out.n.orig_chars += n as usize;
                chars = tail.chars();
            }
        }
        let Some(c) = chars.next() else {
            break;
        };
        let start = idx;
        idx = idx.saturating_add(1);
        // A CJK ideograph not followed by a combining mark.
        if is_cjk(c) && peek(&chars).is_none_or(is_starter) {
            out.n.orig_chars += 1;
            out.push_cjk(c, start, idx);
            continue;
        }
        if is_judged_char(c) {
            out.n.orig_chars += 1;
        }
        // Full-width ASCII (ＳＯＲＲＹ，１２３): NFKC is a fixed shift, no table needed.
        let c = match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            _ => c,
        };
        let next_joins = peek(&chars).is_some_and(|n| !is_starter(n));
        if !next_joins && is_stable(c) {
            out.push(c, start, idx);
            continue;
        }
        // A starter and the combining marks after it compose together, so they are
        // normalised as one segment and all map to the segment's original range.
        segment.clear();
        segment.push(c);
        while let Some(n) = peek(&chars) {
            if is_starter(n) {
                break;
            }
            segment.push(n);
            chars.next();
            idx = idx.saturating_add(1);
            if !n.is_whitespace() {
                out.n.orig_chars += 1;
            }
        }
        for nc in segment.nfkc() {
            out.push(nc, start, idx);
        }
    }
    out.end_sentence();
    if lang == Language::En {
        expand_contractions(&mut out.n);
    }
    out.n
}

/// The full form of an English contraction, or `None` to keep the word: "isn't" → "is not",
/// "won't" → "will not", "I'm" → "i am", "it's" → "it is". A possessive 's is kept
/// ("customer's"); only the pronouns before which 's means "is" are expanded.
fn full_form(word: &str) -> Option<String> {
    if word == "cannot" {
        return Some("can not".into());
    }
    let (head, tail) = word.split_once('\'')?;
    let full = match tail {
        "t" => {
            let verb = head.strip_suffix('n')?;
            let verb = match verb {
                "wo" => "will",
                "ca" => "can",
                "sha" => "shall",
                "ai" => "is",
                "" => return None,
                v => v,
            };
            format!("{verb} not")
        }
        "re" => format!("{head} are"),
        "m" if head == "i" => "i am".into(),
        "ll" => format!("{head} will"),
        "ve" => format!("{head} have"),
        "d" => format!("{head} would"),
        "s" if head == "let" => "let us".into(),
        "s" if matches!(
            head,
            "it" | "that" | "there" | "here" | "he" | "she" | "what" | "who" | "where" | "how"
        ) =>
        {
            format!("{head} is")
        }
        _ => return None,
    };
    Some(full)
}

/// en: contractions are written out, so "isn't the same" matches the phrase "not the same"
/// and "I'm sorry" matches "I am sorry" (phrases are normalised the same way). Each letter of
/// the full form maps back to the whole contracted word.
fn expand_contractions(n: &mut Normalized) {
    if !n.tokens.iter().any(|&(s, e)| {
        n.text
            .get(s..e)
            .is_some_and(|w| w.contains('\'') || w == "cannot")
    }) {
        return;
    }
    let text = std::mem::take(&mut n.text);
    let map = std::mem::take(&mut n.map);
    let tokens = std::mem::take(&mut n.tokens);
    n.marks.clear();
    n.text.reserve(text.len() + 16);
    // Copies the characters of `text[from..to]` with their map entries.
    let copy = |n: &mut Normalized, from: usize, to: usize| {
        let first = map.partition_point(|&(b, _, _)| (b as usize) < from);
        for &(b, s, e) in map.iter().skip(first) {
            if b as usize >= to {
                break;
            }
            if let Some(c) = text.get(b as usize..).and_then(|r| r.chars().next()) {
                n.push_char(c, s, e);
            }
        }
    };
    let mut done = 0;
    for &(ts, te) in &tokens {
        copy(n, done, ts);
        done = te;
        let word = text.get(ts..te).unwrap_or_default();
        let Some(full) = full_form(word) else {
            let at = n.text.len();
            copy(n, ts, te);
            n.tokens.push((at, n.text.len()));
            continue;
        };
        // The original range of the whole word.
        let first = map.partition_point(|&(b, _, _)| (b as usize) < ts);
        let last = map.partition_point(|&(b, _, _)| (b as usize) < te);
        let start = map.get(first).map_or(0, |m| m.1);
        let end = last
            .checked_sub(1)
            .and_then(|i| map.get(i))
            .map_or(start, |m| m.2);
        for (k, part) in full.split(' ').enumerate() {
            if k > 0 {
                n.push_char(' ', start, end);
            }
            let at = n.text.len();
            for c in part.chars() {
                n.push_char(c, start, end);
            }
            n.tokens.push((at, n.text.len()));
        }
    }
    copy(n, done, text.len());
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
        || is_cjk(c)
        // CJK punctuation (、。《》「」…) and curly quotes, without the tone marks 〪–〯.
        || ('\u{3001}'..='\u{3029}').contains(&c)
        || ('\u{2018}'..='\u{201F}').contains(&c)
        || is_nfkc_quick(std::iter::once(c)) == IsNormalized::Yes
            && canonical_combining_class(c) == 0
}

/// A character that starts a new composition segment (Hangul vowel/trailing jamo compose with
/// the syllable before them even though their combining class is 0).
fn is_starter(c: char) -> bool {
    c.is_ascii()
        || is_cjk(c)
        || ('\u{3001}'..='\u{3029}').contains(&c)
        || ('\u{FF01}'..='\u{FF5E}').contains(&c)
        || (canonical_combining_class(c) == 0 && !('\u{1161}'..='\u{11C2}').contains(&c))
}

/// CJK Unified Ideographs: NFKC-stable, caseless, never combining.
pub fn is_cjk(c: char) -> bool {
    ('\u{4E00}'..='\u{9FFF}').contains(&c)
}

/// Byte length of the CJK ideographs at the start of `s` that normalise to themselves: each
/// followed by a starter (checked for the last one; the others are followed by ideographs).
/// Read from the UTF-8 bytes: U+4E00–U+9FFF are the three-byte sequences E4 B8–E9 BF.
fn cjk_run(s: &str) -> usize {
    let bytes = s.as_bytes();
    let mut end = 0;
    while let Some(&[lead, second, _]) = bytes.get(end..end + 3)
        && (0xE4..=0xE9).contains(&lead)
        && (lead != 0xE4 || second >= 0xB8)
    {
        end += 3;
    }
    let next = s.get(end..).and_then(|r| r.chars().next());
    if end > 0 && next.is_some_and(|n| !is_starter(n)) {
        end -= 3;
    }
    end
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
    /// en: byte offset of the last apostrophe, which joins the letters around it.
    apostrophe_at: Option<usize>,
    /// A word was seen since the last sentence end.
    in_sentence: bool,
}

impl Builder {
    fn push(&mut self, c: char, start: u32, end: u32) {
        if is_cjk(c) {
            self.push_cjk(c, start, end);
            return;
        }
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
                        self.end_sentence();
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
        self.flush_gap();
        if c.is_ascii() {
            self.emit(c.to_ascii_lowercase(), start, end);
        } else {
            for l in c.to_lowercase() {
                self.emit(l, start, end);
            }
        }
    }

    /// en: the whitespace before this character becomes one space or newline. Inlined: it
    /// runs before every character and almost never has anything to do.
    #[inline(always)]
    fn flush_gap(&mut self) {
        if let Some((gap, s, e)) = self.pending.take()
            && !self.n.text.is_empty()
        {
            self.emit(if gap == Gap::Newline { '\n' } else { ' ' }, s, e);
        }
    }

    fn end_sentence(&mut self) {
        if self.in_sentence {
            self.n.sentences += 1;
            self.in_sentence = false;
        }
    }

    /// A CJK ideograph: no case, no whitespace, no punctuation, always a word character.
    #[inline(always)]
    fn push_cjk(&mut self, c: char, start: u32, end: u32) {
        self.flush_gap();
        let pos = self.n.text.len();
        self.n
            .map
            .push((u32::try_from(pos).unwrap_or(u32::MAX), start, end));
        self.n.text.push(c);
        self.in_sentence = true;
        self.push_token(c, pos, pos + c.len_utf8());
    }

    /// zh: a run of CJK ideographs (`cjk_run`) starting at original character `first`, as
    /// `push_cjk` would add them one by one. Each list is extended in one tight loop: this is
    /// most of the work of normalising a Chinese answer. Returns how many characters it held.
    fn push_cjk_run(&mut self, run: &str, first: u32) -> u32 {
        let base = self.n.text.len();
        self.n.text.push_str(run);
        let (chars, _) = run.as_bytes().as_chunks::<3>();
        let at = |j: usize| base + 3 * j;
        let nth = |j: usize| first.saturating_add(u32::try_from(j).unwrap_or(u32::MAX));
        self.n.map.extend((0..chars.len()).map(|j| {
            let pos = u32::try_from(at(j)).unwrap_or(u32::MAX);
            (pos, nth(j), nth(j).saturating_add(1))
        }));
        self.n
            .tokens
            .extend((0..chars.len()).map(|j| (at(j), at(j) + 3)));
        // Three-byte UTF-8: 1110xxxx 10xxxxxx 10xxxxxx.
        self.n.token_chars.extend(chars.iter().map(|&[b0, b1, b2]| {
            let code = (u32::from(b0 & 0x0F) << 12) | (u32::from(b1 & 0x3F) << 6);
            char::from_u32(code | u32::from(b2 & 0x3F)).unwrap_or(char::REPLACEMENT_CHARACTER)
        }));
        self.in_sentence = true;
        u32::try_from(chars.len()).unwrap_or(u32::MAX)
    }

    fn emit(&mut self, c: char, start: u32, end: u32) {
        let pos = self.n.push_char(c, start, end);
        if matches!(c, '。' | '!' | '?' | '.' | ';' | '\n') {
            self.end_sentence();
        }
        if is_word_char(c) {
            self.in_sentence = true;
            self.push_token(c, pos, pos + c.len_utf8());
        } else if c == '\'' {
            self.apostrophe_at = Some(pos);
        }
    }

    /// A word character at `[pos, end)`: a token of its own in zh; in en it extends the word
    /// it touches (directly or across one apostrophe: "don't").
    #[inline(always)]
    fn push_token(&mut self, c: char, pos: usize, end: usize) {
        let joins =
            self.lang == Language::En
                && self.n.tokens.last().is_some_and(|t| {
                    t.1 == pos || (self.apostrophe_at == Some(t.1) && pos == t.1 + 1)
                });
        match self.n.tokens.last_mut() {
            Some(t) if joins => t.1 = end,
            _ => self.n.tokens.push((pos, end)),
        }
        if self.lang == Language::Zh {
            self.n.token_chars.push(c);
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

/// Whether a character counts towards an answer's length (`Scorecard::chars`): every
/// character but whitespace.
pub fn is_judged_char(c: char) -> bool {
    !c.is_whitespace()
}

/// An answer's length as the scorecard counts it (the editor's counter shows the same).
pub fn judged_len(text: &str) -> usize {
    text.chars().filter(|c| is_judged_char(*c)).count()
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
        assert_eq!(n.as_str(), "i am sorry\nfollow up");
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
    fn counts_original_characters_without_whitespace() {
        assert_eq!(normalize("我 会\n道歉 ok", Language::Zh).orig_chars(), 6);
        assert_eq!(normalize("e\u{301} x", Language::En).orig_chars(), 3);
    }

    #[test]
    fn tokens_are_characters_in_zh_and_words_in_en() {
        let n = normalize("我会，ok", Language::Zh);
        let t: Vec<&str> = n.tokens().iter().map(|&(s, e)| &n.as_str()[s..e]).collect();
        assert_eq!(t, ["我", "会", "o", "k"]);
        let n = normalize("I don't know, customers' o'clock order ''x", Language::En);
        let t: Vec<&str> = n.tokens().iter().map(|&(s, e)| &n.as_str()[s..e]).collect();
        assert_eq!(
            t,
            [
                "i",
                "do",
                "not",
                "know",
                "customers",
                "o'clock",
                "order",
                "x"
            ]
        );
    }

    #[test]
    fn sentences_end_at_stops_and_line_breaks() {
        assert_eq!(
            normalize("先道歉。再核实！\n然后换货\n\n。", Language::Zh).sentences(),
            3
        );
        assert_eq!(
            normalize("Sorry. I will check\nthe order", Language::En).sentences(),
            3
        );
        assert_eq!(normalize("。。", Language::Zh).sentences(), 0);
    }

    #[test]
    fn marks_are_every_char_that_is_not_a_word_char() {
        for (orig, lang) in [
            (
                "您好，先说声抱歉！\n 1、核实订单；(2)退款…好吗?",
                Language::Zh,
            ),
            (
                "It's fine, I'm sorry: this isn't it.\n\n2) We won't wait!",
                Language::En,
            ),
        ] {
            let n = normalize(orig, lang);
            let expected: Vec<(usize, char)> = n
                .as_str()
                .char_indices()
                .filter(|&(_, c)| !is_word_char(c))
                .collect();
            assert!(!expected.is_empty());
            assert_eq!(n.marks(), expected.as_slice(), "{orig}");
        }
    }

    #[test]
    fn english_contractions_are_written_out() {
        let orig =
            "It's fine, I'm sorry: this isn't the same and we won't wait. The customer's box.";
        let n = normalize(orig, Language::En);
        assert_eq!(
            n.as_str(),
            "it is fine, i am sorry: this is not the same and we will not wait. the customer's box."
        );
        let words: Vec<&str> = n.tokens().iter().map(|&(s, e)| &n.as_str()[s..e]).collect();
        assert!(
            words.contains(&"not") && words.contains(&"customer's"),
            "{words:?}"
        );
        // The written-out words point back at the contraction as typed.
        let at = n.as_str().find("is not").unwrap();
        assert_eq!(slice(orig, n.orig_span(at, at + 6)), "isn't");
        assert_eq!(normalize("I cannot", Language::En).as_str(), "i can not");
        assert_eq!(normalize("don’t", Language::En).as_str(), "do not");
    }

    #[test]
    fn an_ideograph_before_a_combining_mark_keeps_the_mark_s_range() {
        // 实 is taken out of the run of ideographs: it composes with the mark after it.
        let orig = "核实\u{0301}订单。";
        let n = normalize(orig, Language::Zh);
        assert_eq!(n.as_str(), orig);
        let at = |c: &str| n.as_str().find(c).unwrap();
        assert_eq!(n.orig_span(at("实"), at("实") + 3), [1, 3]);
        assert_eq!(n.orig_span(at("订"), at("订") + 3), [3, 4]);
        assert_eq!(n.orig_span(at("核"), at("单") + 3), [0, 5]);
        assert_eq!(n.tokens().len(), 4);
        assert_eq!(n.token_char(3), Some('单'));
        assert_eq!(n.orig_chars(), 6);
    }

    #[test]
    fn curly_apostrophes_fold() {
        assert_eq!(normalize_phrase("O’clock", Language::En), "o'clock");
    }
}
