//! Is the answer the candidate's own? Two ways to game a phrase matcher are caught here:
//! restating the prompt (words copied from the question earn nothing, and an answer that is
//! mostly copied earns no content credit) and a bare list of keywords (phrases with no
//! sentence around them: almost every word is a rubric phrase and almost none is grammar).

use super::lexicon::{is_en_function_word, is_zh_function_char};
use super::matcher::{Hit, Role, is_word_char};
use super::normalize::Normalized;
use crate::bank::Language;

/// Shared runs shorter than this are coincidence, not copying: 4 characters in zh (one idiom
/// or two words), 3 words in en.
const K_ZH: usize = 4;
const K_EN: usize = 3;

/// An answer at least this copied "mostly restates the prompt".
const RESTATE_SHARE: f64 = 0.5;

/// The unit of text for copying and density: a character in zh, a word in en.
pub fn tokens(text: &str, lang: Language) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    match lang {
        Language::Zh => {
            for (i, c) in text.char_indices() {
                if is_word_char(c) {
                    out.push((i, i + c.len_utf8()));
                }
            }
        }
        Language::En => {
            let mut start: Option<usize> = None;
            let mut last_end = 0;
            let mut prev_apostrophe = false;
            for (i, c) in text.char_indices() {
                if is_word_char(c) {
                    if start.is_none() {
                        start = Some(i);
                    }
                    last_end = i + c.len_utf8();
                    prev_apostrophe = false;
                } else if c == '\'' && start.is_some() && !prev_apostrophe {
                    // "don't" is one word; a trailing apostrophe is not part of it.
                    prev_apostrophe = true;
                } else if let Some(s) = start.take() {
                    out.push((s, last_end));
                    prev_apostrophe = false;
                }
            }
            if let Some(s) = start {
                out.push((s, last_end));
            }
        }
    }
    out
}

fn k(lang: Language) -> usize {
    match lang {
        Language::Zh => K_ZH,
        Language::En => K_EN,
    }
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

fn gram_hashes<'t>(
    text: &'t str,
    toks: &'t [(usize, usize)],
    k: usize,
) -> impl Iterator<Item = (usize, u64)> + 't {
    let hashes: Vec<u64> = toks
        .iter()
        .map(|&(s, e)| token_hash(text.get(s..e).unwrap_or_default()))
        .collect();
    (0..toks.len().saturating_sub(k - 1)).map(move |i| {
        let h = hashes
            .get(i..i + k)
            .unwrap_or_default()
            .iter()
            .fold(0u64, |acc, &t| {
                acc.rotate_left(17) ^ t.wrapping_mul(0x9e37_79b9_7f4a_7c15)
            });
        (i, h)
    })
}

/// The k-grams of the prompt, compiled once per question.
#[derive(Debug, Clone, Default)]
pub struct PromptGrams {
    grams: Vec<u64>,
}

impl PromptGrams {
    /// `prompt` is the normalised prompt text.
    pub fn new(prompt: &str, lang: Language) -> Self {
        let toks = tokens(prompt, lang);
        let mut grams: Vec<u64> = gram_hashes(prompt, &toks, k(lang))
            .map(|(_, h)| h)
            .collect();
        grams.sort_unstable();
        grams.dedup();
        PromptGrams { grams }
    }

    /// True when the prompt is too short to copy from.
    pub fn is_empty(&self) -> bool {
        self.grams.is_empty()
    }

    fn contains(&self, h: u64) -> bool {
        self.grams.binary_search(&h).is_ok()
    }
}

/// Which bytes of the answer were copied from the prompt.
#[derive(Debug)]
pub struct Copied {
    mask: Vec<bool>,
    pub copied_tokens: usize,
    pub total_tokens: usize,
}

impl Copied {
    pub fn find(text: &str, toks: &[(usize, usize)], grams: &PromptGrams, lang: Language) -> Self {
        let mut mask = Vec::new();
        let mut token_copied = vec![false; toks.len()];
        if !grams.is_empty() {
            mask = vec![false; text.len()];
            let k = k(lang);
            for (i, h) in gram_hashes(text, toks, k) {
                if !grams.contains(h) {
                    continue;
                }
                let (Some(&(s, _)), Some(&(_, e))) = (toks.get(i), toks.get(i + k - 1)) else {
                    continue;
                };
                if let Some(m) = mask.get_mut(s..e) {
                    m.fill(true);
                }
                if let Some(t) = token_copied.get_mut(i..i + k) {
                    t.fill(true);
                }
            }
        }
        Copied {
            mask,
            copied_tokens: token_copied.iter().filter(|&&c| c).count(),
            total_tokens: toks.len(),
        }
    }

    /// A match counts as copied when every byte of it lies in a copied run.
    pub fn covers(&self, start: usize, end: usize) -> bool {
        start < end
            && self
                .mask
                .get(start..end)
                .is_some_and(|m| m.iter().all(|&b| b))
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
    units: Vec<u64>,
}

impl Topic {
    /// `texts` are normalised.
    pub fn new<'t>(texts: impl IntoIterator<Item = &'t str>, lang: Language) -> Self {
        let mut units = Vec::new();
        for t in texts {
            let toks = tokens(t, lang);
            units.extend(topic_units(t, &toks, lang));
        }
        units.sort_unstable();
        units.dedup();
        Topic { units }
    }

    /// Share (0–1) of the answer's units that belong to the topic. Words taken from the
    /// prompt count (naming the subject is on the topic); restating it is caught elsewhere.
    pub fn share(&self, text: &str, toks: &[(usize, usize)], lang: Language) -> f64 {
        let (mut total, mut topical) = (0usize, 0usize);
        for h in topic_units(text, toks, lang) {
            total += 1;
            if self.units.binary_search(&h).is_ok() {
                topical += 1;
            }
        }
        if total == 0 {
            0.0
        } else {
            topical as f64 / total as f64
        }
    }
}

/// The hash of each topic unit of `text`.
fn topic_units<'t>(
    text: &'t str,
    toks: &'t [(usize, usize)],
    lang: Language,
) -> Box<dyn Iterator<Item = u64> + 't> {
    let get = move |s: usize, e: usize| text.get(s..e).unwrap_or_default();
    match lang {
        Language::Zh => Box::new(toks.windows(2).filter_map(move |w| {
            let (&(s, m), &(m2, e)) = (w.first()?, w.get(1)?);
            let grammar = |a: usize, b: usize| get(a, b).chars().all(is_zh_function_char);
            // Only adjacent characters form a pair, and two grammar characters say nothing.
            (m == m2 && !(grammar(s, m) && grammar(m2, e))).then(|| token_hash(get(s, e)))
        })),
        Language::En => Box::new(toks.iter().filter_map(move |&(s, e)| {
            let w = get(s, e);
            (!is_en_function_word(w)).then(|| token_hash(stem(w)))
        })),
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
pub fn is_keyword_list(
    norm: &Normalized,
    toks: &[(usize, usize)],
    hits: &[Hit],
    lang: Language,
) -> bool {
    let text = norm.as_str();
    let mut phrase = vec![false; text.len()];
    let mut marker = vec![false; text.len()];
    for h in hits {
        let mask = match h.role {
            Role::Point { .. } | Role::Avoid { .. } | Role::Cue { .. } => &mut phrase,
            Role::Enumeration | Role::Conclusion => &mut marker,
            _ => continue,
        };
        if let Some(m) = mask.get_mut(h.start..h.end) {
            m.fill(true);
        }
    }
    let all =
        |mask: &[bool], s: usize, e: usize| mask.get(s..e).is_some_and(|m| m.iter().all(|&b| b));
    let max_item = match lang {
        Language::Zh => ZH_ITEM,
        Language::En => EN_ITEM,
    };
    let mut segments: Vec<Segment> = Vec::new();
    let mut prev_end: Option<usize> = None;
    for (i, &(s, e)) in toks.iter().enumerate() {
        let gap = prev_end.and_then(|p| text.get(p..s)).unwrap_or_default();
        let split = match prev_end {
            None => true,
            Some(p) => gap.chars().any(|c| c != ' ' && c != '\'') || norm.space_within(p, s),
        };
        if split {
            segments.push(Segment {
                first_token: i,
                ..Segment::default()
            });
        }
        prev_end = Some(e);
        let Some(seg) = segments.last_mut() else {
            continue;
        };
        let tok = text.get(s..e).unwrap_or_default();
        if all(&phrase, s, e) {
            seg.content += 1;
            seg.covered += 1;
        } else if all(&marker, s, e) || tok.chars().all(|c| c.is_ascii_digit()) {
            // neutral
        } else if match lang {
            Language::Zh => tok.chars().all(is_zh_function_char),
            Language::En => is_en_function_word(tok),
        } {
            seg.glue += 1;
        } else {
            seg.content += 1;
        }
    }
    let bare = |seg: &Segment| {
        seg.glue == 0
            && seg.content > 0
            && seg.content <= max_item
            && seg.covered * 2 >= seg.content
    };
    let content: usize = segments.iter().map(|s| s.content).sum();
    let bare_content: usize = segments.iter().filter(|s| bare(s)).map(|s| s.content).sum();
    if content == 0 || bare_content * 5 < content * 3 {
        return false;
    }
    // Count the phrases standing in bare segments (each start once).
    let seg_of = |byte: usize| {
        let tok = toks.partition_point(|&(s, _)| s <= byte).saturating_sub(1);
        segments
            .partition_point(|seg| seg.first_token <= tok)
            .saturating_sub(1)
    };
    let mut starts: Vec<usize> = hits
        .iter()
        .filter(|h| {
            matches!(
                h.role,
                Role::Point { .. } | Role::Avoid { .. } | Role::Cue { .. }
            )
        })
        .filter(|h| segments.get(seg_of(h.start)).is_some_and(bare))
        .map(|h| h.start)
        .collect();
    starts.dedup();
    starts.len() >= 3
}

#[derive(Debug, Default)]
struct Segment {
    first_token: usize,
    /// Tokens that carry meaning (inside a rubric phrase or not).
    content: usize,
    /// Content tokens inside a rubric phrase.
    covered: usize,
    /// Grammar words.
    glue: usize,
}

#[cfg(test)]
mod tests {
    use super::super::normalize::normalize_phrase;
    use super::*;

    #[test]
    fn en_tokens_keep_contractions_whole() {
        let t = "i don't know, customers' order";
        let words: Vec<&str> = tokens(t, Language::En)
            .iter()
            .map(|&(s, e)| &t[s..e])
            .collect();
        assert_eq!(words, ["i", "don't", "know", "customers", "order"]);
    }

    #[test]
    fn copied_runs_are_found_and_short_overlaps_are_not() {
        let lang = Language::Zh;
        let prompt = normalize_phrase(
            "客户收到商品后发现尺码不合适，要求换货。你会如何处理？",
            lang,
        );
        let grams = PromptGrams::new(&prompt, lang);
        let answer = normalize_phrase("客户收到商品后发现尺码不合适，我先道歉再换货。", lang);
        let toks = tokens(&answer, lang);
        let c = Copied::find(&answer, &toks, &grams, lang);
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
