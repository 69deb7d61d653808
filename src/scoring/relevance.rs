//! Is the answer the candidate's own? Two ways to game a phrase matcher are caught here:
//! restating the prompt (words copied from the question earn nothing, and an answer that is
//! mostly copied earns no content credit) and a bare list of keywords (phrases with no
//! sentence around them: almost every word is a rubric phrase and almost none is grammar).

use super::lexicon::{is_en_function_word, is_zh_function_char};
use super::matcher::is_word_char;
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

/// How much of the answer is rubric phrases, and how much grammar lies outside them.
#[derive(Debug, Clone, Copy, Default)]
pub struct Density {
    pub tokens: usize,
    /// Tokens entirely inside a rubric phrase or marker.
    pub covered: usize,
    /// Function words/characters outside any phrase.
    pub function: usize,
}

impl Density {
    /// `phrase_mask`: per byte, whether a rubric phrase or marker covers it.
    pub fn measure(
        text: &str,
        toks: &[(usize, usize)],
        phrase_mask: &[bool],
        lang: Language,
    ) -> Self {
        let mut d = Density {
            tokens: toks.len(),
            ..Density::default()
        };
        for &(s, e) in toks {
            if phrase_mask.get(s..e).is_some_and(|m| m.iter().all(|&b| b)) {
                d.covered += 1;
                continue;
            }
            let tok = text.get(s..e).unwrap_or_default();
            let function = match lang {
                Language::Zh => tok.chars().next().is_some_and(is_zh_function_char),
                Language::En => is_en_function_word(tok),
            };
            if function {
                d.function += 1;
            }
        }
        d
    }

    /// A bare list of keywords: rubric phrases make up most of the text and almost no
    /// grammar holds them together. Real sentences, even terse ones, carry function words.
    pub fn is_keyword_list(&self) -> bool {
        if self.tokens < 2 {
            return false;
        }
        let cov = self.covered as f64 / self.tokens as f64;
        let func = self.function as f64 / self.tokens as f64;
        cov >= 0.75 || (cov >= 0.5 && func < 0.1)
    }
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
