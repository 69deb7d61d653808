//! Is the answer the candidate's own? Two ways to game a phrase matcher are caught here:
//! restating the prompt (words copied from the question earn nothing, and an answer that is
//! mostly copied earns no content credit) and a bare list of keywords (phrases with no
//! sentence around them: almost every word is a rubric phrase and almost none is grammar).

use std::collections::HashSet;
use std::hash::{BuildHasherDefault, Hasher};
use std::ops::Range;

use super::lexicon::{
    is_en_common_word, is_en_function_word, is_grammar_token, is_zh_function_char,
};
use super::matcher::{Hit, Role};
use super::normalize::{Normalized, is_cjk};
use crate::bank::Language;

/// Shared runs shorter than this are coincidence, not copying: 4 characters in zh (one idiom
/// or two words), 3 words in en. Copying is found by the question's automaton, which holds
/// every such run of the prompt (`prompt_grams`).
const K_ZH: usize = 4;
const K_EN: usize = 3;

/// An answer at least this copied "mostly restates the prompt".
const RESTATE_SHARE: f64 = 0.5;

/// The runs of `k` tokens of the prompt, as text to search answers for (punctuation between
/// the tokens included): each becomes a phrase of the question's automaton.
pub fn prompt_grams(prompt: &Normalized, lang: Language) -> Vec<&str> {
    let k = match lang {
        Language::Zh => K_ZH,
        Language::En => K_EN,
    };
    prompt
        .tokens()
        .windows(k)
        .filter_map(|w| {
            let (&(s, _), &(_, e)) = (w.first()?, w.last()?);
            prompt.as_str().get(s..e)
        })
        .collect()
}

fn token_hash(s: &str) -> u64 {
    // FNV-1a: tiny, deterministic across runs and platforms.
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in s.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// Which parts of the answer were copied from the prompt.
#[derive(Debug)]
pub struct Copied {
    /// Copied byte ranges of the normalised answer, ascending and disjoint.
    runs: Vec<(usize, usize)>,
    pub copied_tokens: usize,
    pub total_tokens: usize,
}

impl Copied {
    /// The answer's runs of the prompt (`Role::PromptGram` hits, ascending by start).
    pub fn find(norm: &Normalized, hits: &[Hit]) -> Self {
        let mut runs: Vec<(usize, usize)> = Vec::new();
        for h in hits.iter().filter(|h| h.role == Role::PromptGram) {
            match runs.last_mut() {
                Some(last) if h.start <= last.1 => last.1 = last.1.max(h.end),
                _ => runs.push((h.start, h.end)),
            }
        }
        let toks = norm.tokens();
        let mut copied = Copied {
            runs,
            copied_tokens: 0,
            total_tokens: toks.len(),
        };
        if !copied.runs.is_empty() {
            copied.copied_tokens = toks.iter().filter(|&&(s, e)| copied.covers(s, e)).count();
        }
        copied
    }

    /// A match counts as copied when every byte of it lies in a copied run.
    pub fn covers(&self, start: usize, end: usize) -> bool {
        let i = self.runs.partition_point(|&(s, _)| s <= start);
        start < end
            && i.checked_sub(1)
                .and_then(|i| self.runs.get(i))
                .is_some_and(|&(_, e)| end <= e)
    }

    pub fn mostly_restates(&self) -> bool {
        self.total_tokens > 0
            && self.copied_tokens as f64 >= RESTATE_SHARE * self.total_tokens as f64
    }
}

/// The question's vocabulary (prompt, reference, tips, point phrases), so that an answer on
/// the topic can be told from one about something else even when it earns no point: a vague
/// answer is worth more than a paragraph about hobbies. Units are character pairs in zh and
/// word stems in en, leaving out pure grammar ("我会", "the").
#[derive(Debug, Clone, Default)]
pub struct Topic {
    units: HashSet<u64, BuildHasherDefault<KeyHasher>>,
}

impl Topic {
    pub fn new<'t>(texts: impl IntoIterator<Item = &'t Normalized>, lang: Language) -> Self {
        let mut units = HashSet::default();
        for t in texts {
            for_each_unit(t, 0..t.tokens().len(), lang, |u| {
                units.insert(u);
                true
            });
        }
        Topic { units }
    }

    /// Units of the tokens `toks` (one sentence's) and how many are on the topic.
    pub fn count(&self, text: &Normalized, toks: Range<usize>, lang: Language) -> (usize, usize) {
        let (mut total, mut topical) = (0, 0);
        for_each_unit(text, toks, lang, |u| {
            total += 1;
            topical += usize::from(self.units.contains(&u));
            true
        });
        (total, topical)
    }
}

/// Calls `f` with the key of each topic unit of the tokens `toks` of `text` (two adjacent
/// characters, not both grammar, in zh; the stem of a content word in en) until it returns
/// false.
fn for_each_unit(
    text: &Normalized,
    toks: Range<usize>,
    lang: Language,
    mut f: impl FnMut(u64) -> bool,
) {
    let spans = text.tokens();
    match lang {
        Language::Zh => {
            // A zh token is one word character; two tokens that touch are a pair.
            let mut prev: Option<(usize, char, bool)> = None;
            for k in toks {
                let (Some(&(start, end)), Some(c)) = (spans.get(k), text.token_char(k)) else {
                    continue;
                };
                let grammar = is_zh_function_char(c);
                if let Some((prev_end, a, a_grammar)) = prev
                    && prev_end == start
                    && !(a_grammar && grammar)
                    && !f((u64::from(a) << 32) | u64::from(c))
                {
                    return;
                }
                prev = Some((end, c, grammar));
            }
        }
        Language::En => {
            for &(s, e) in spans.get(toks).unwrap_or_default() {
                let w = text.as_str().get(s..e).unwrap_or_default();
                if !is_en_function_word(w) && !is_en_common_word(w) && !f(token_hash(stem(w))) {
                    return;
                }
            }
        }
    }
}

/// Keys are already hashes or packed characters: one multiply spreads them.
#[derive(Default)]
pub struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(u64::from(b));
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
}

/// A light English stem, so "apologising" and "apologise", "refunds" and "refund" meet.
fn stem(w: &str) -> &str {
    let w = w.strip_suffix("'s").unwrap_or(w);
    for suffix in ["ing", "ed", "es", "s", "ly", "e"] {
        if let Some(stem) = w.strip_suffix(suffix)
            && stem.chars().count() >= 3
        {
            return stem;
        }
    }
    w
}

/// A list item longer than this (characters in zh, words in en) is a phrase of its own.
const ZH_ITEM: usize = 8;
const EN_ITEM: usize = 4;

/// A bare list of keywords: most of the answer sits in short segments (the text between two
/// punctuation marks) without a single grammar word, at least half of it rubric phrases, and
/// at least three phrases stand in them. List markers and digits are neutral ("1. 道歉" is as
/// bare as "道歉"); a grammar word is the glue of a sentence ("我会核实订单" is not bare).
pub fn is_keyword_list(norm: &Normalized, hits: &[Hit], lang: Language) -> bool {
    let text = norm.as_str();
    let toks = norm.tokens();
    // Phrases cover at least 30% of a list's content (60% of it in bare segments, half of
    // each); against the whole text, markers and punctuation included, allow 20%. When all
    // phrase matches together are shorter, it is not a list: skip the detailed pass.
    let phrase_bytes: usize = hits
        .iter()
        .filter(|h| {
            matches!(
                h.role,
                Role::Point { .. } | Role::Avoid { .. } | Role::Cue { .. }
            )
        })
        .map(|h| (h.start, h.end))
        .fold((0, (0, 0)), |(sum, last), r| {
            // One phrase with several roles is one phrase.
            if r == last {
                (sum, last)
            } else {
                (sum + r.1 - r.0, r)
            }
        })
        .0;
    if phrase_bytes * 10 < text.len() * 2 {
        return false;
    }
    // English phrases strung together without punctuation ("apologise listen refund follow
    // up"): prose is about half grammar words, such a list has almost none.
    if lang == Language::En && toks.len() >= 6 {
        let glue = toks
            .iter()
            .filter(|&&(s, e)| is_en_function_word(text.get(s..e).unwrap_or_default()))
            .count();
        let punctuated = text
            .chars()
            .any(|c| matches!(c, '.' | ',' | '!' | '?' | ';' | ':' | '\n'));
        if (glue * 10 < toks.len() && phrase_bytes * 10 >= text.len() * 3)
            || (!punctuated && glue * 4 < toks.len() && phrase_bytes * 10 >= text.len() * 6)
        {
            return true;
        }
    }
    let max_item = match lang {
        Language::Zh => ZH_ITEM,
        Language::En => EN_ITEM,
    };
    let is_phrase = |r: Role| {
        matches!(
            r,
            Role::Point { .. } | Role::Avoid { .. } | Role::Cue { .. }
        )
    };
    // One sweep over tokens and hits (both ascending by start): for each token, how far the
    // phrases and markers that start at or before it reach.
    let mut next_hit = 0;
    let (mut phrase_end, mut marker_end) = (0, 0);
    let mut last_phrase_start = None;
    let (mut content, mut bare_content, mut bare_phrases) = (0, 0, 0);
    // Tokens seen that are not content (glue, markers, digits).
    let mut not_content = 0;
    let mut seg = Segment::default();
    // Content outside bare segments beyond 40% of the most content there can be settles it:
    // prose gets here within its first sentences.
    let mut close = |seg: &Segment| {
        content += seg.content;
        not_content += seg.not_content;
        if seg.glue == 0
            && seg.content > 0
            && seg.content <= max_item
            && seg.covered * 2 >= seg.content
        {
            bare_content += seg.content;
            bare_phrases += seg.phrases;
        }
        (content - bare_content) * 5 > (toks.len() - not_content) * 2
    };
    let mut prev_end: Option<usize> = None;
    for (k, &(s, e)) in toks.iter().enumerate() {
        // Touching tokens (every pair of Chinese characters in a row) have no gap to read.
        let split = prev_end.is_some_and(|p| {
            (p < s
                && text
                    .get(p..s)
                    .is_some_and(|gap| gap.chars().any(|c| c != ' ' && c != '\'')))
                || norm.space_within(p, s)
        });
        if split {
            if close(&seg) {
                return false;
            }
            seg = Segment::default();
        }
        prev_end = Some(e);
        while let Some(h) = hits.get(next_hit).filter(|h| h.start <= s) {
            next_hit += 1;
            if is_phrase(h.role) {
                phrase_end = phrase_end.max(h.end);
                // A phrase with several roles is one phrase.
                if last_phrase_start != Some(h.start) {
                    last_phrase_start = Some(h.start);
                    seg.phrases += 1;
                }
            } else if matches!(h.role, Role::Enumeration | Role::Conclusion) {
                marker_end = marker_end.max(h.end);
            }
        }
        let grammar = is_grammar_token(norm, k, lang);
        // A segment that opens with a grammar word is a clause even when a phrase covers it:
        // 「先道歉」 and 「再核实」 (thesaurus phrases) are steps, not list items.
        let opens = seg.content == 0 && seg.glue == 0;
        if phrase_end >= e && !(grammar && opens) {
            seg.content += 1;
            seg.covered += 1;
        } else if marker_end >= e || norm.token_is_number(k) {
            seg.not_content += 1;
        } else if grammar {
            seg.glue += 1;
            seg.not_content += 1;
        } else {
            seg.content += 1;
        }
    }
    if close(&seg) {
        return false;
    }
    content > 0 && bare_content * 5 >= content * 3 && bare_phrases >= 3
}

/// The text between two punctuation marks, as the keyword-list test sees it.
#[derive(Debug, Default)]
struct Segment {
    /// Rubric phrases starting in it.
    phrases: usize,
    /// Tokens that carry meaning (inside a rubric phrase or not).
    content: usize,
    /// Content tokens inside a rubric phrase.
    covered: usize,
    /// Grammar words.
    glue: usize,
    /// Tokens that are not content: grammar words, list markers, digits.
    not_content: usize,
}

/// Whether the answer is in the other language from its question: mostly Chinese characters
/// for an English question, or mostly Latin letters for a Chinese one. No phrase of the rubric
/// can be found in it, and the candidate must be told that this, not the content, is why.
/// A few words of the other language (a name, "FAQ", 「客户至上」) do not count.
pub fn in_other_language(answer: &str, lang: Language) -> bool {
    let (cjk, latin) = answer.chars().fold((0usize, 0usize), |(c, l), ch| {
        (
            c + usize::from(is_cjk(ch)),
            l + usize::from(ch.is_ascii_alphabetic()),
        )
    });
    match lang {
        // A Chinese character carries about a word: compare it with letters at two to one.
        Language::En => cjk >= 10 && cjk * 2 > latin,
        Language::Zh => latin >= 20 && latin > cjk * 4,
    }
}

#[cfg(test)]
mod tests {
    use super::super::matcher::MatcherBuilder;
    use super::super::normalize::normalize;
    use super::*;

    #[test]
    fn copied_runs_are_found_and_short_overlaps_are_not() {
        let lang = Language::Zh;
        let prompt = normalize(
            "客户收到商品后发现尺码不合适，要求换货。你会如何处理？",
            lang,
        );
        let mut m = MatcherBuilder::new(lang);
        for g in prompt_grams(&prompt, lang) {
            m.add(g, Role::PromptGram);
        }
        let norm = normalize("客户收到商品后发现尺码不合适，我先道歉再换货。", lang);
        let answer = norm.as_str();
        let c = Copied::find(&norm, &m.build().find(&norm));
        assert_eq!(
            c.copied_tokens,
            "客户收到商品后发现尺码不合适".chars().count()
        );
        let at = answer.find("换货").unwrap();
        assert!(
            !c.covers(at, at + "换货".len()),
            "换货 was written by the candidate"
        );
        assert!(c.covers(0, "客户".len()));
        assert!(c.mostly_restates(), "two thirds of it is the prompt");
    }
}
