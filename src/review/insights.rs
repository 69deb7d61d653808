//! Insights on one answer, the way a coach gives them: the talking points covered and missed,
//! the words used most, filler words, enumeration markers.
//!
//! Chinese words come from jieba-rs. Its dictionary takes a moment to load, so it is built on
//! first use (a `OnceLock`), never at start-up. Filler and enumeration words are the scorer's
//! own lists (`crate::scoring::lexicon`); the scorecard's counts stay the reference figures.

use std::collections::HashMap;
use std::sync::OnceLock;

use jieba_rs::Jieba;
use serde::{Deserialize, Serialize};

use crate::bank::Language;
use crate::scoring::{
    Scorecard, Span, is_en_common_word, is_en_function_word, is_zh_function_char, lexicon,
};

/// What the insights panel shows for one answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Insights {
    /// Points earned, in the rubric's order, with the phrase that earned each.
    pub covered: Vec<PointNote>,
    /// Points not earned, required ones first, with the reference sentence that would earn it.
    pub missed: Vec<PointNote>,
    /// The content words used most, most frequent first (stop words, fillers and punctuation
    /// left out).
    pub top_words: Vec<WordCount>,
    /// Each filler word used and how often, most frequent first.
    pub fillers: Vec<WordCount>,
    /// Enumeration markers (首先/其次/最后, first/second/finally …) in the order used.
    pub enumerations: Vec<Marker>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PointNote {
    pub name: String,
    pub required: bool,
    /// The bank phrase that earned it (covered points).
    pub matched: Option<String>,
    pub at: Option<Span>,
    /// The reference sentence that would earn it (missed points, when known).
    pub hint: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WordCount {
    pub word: String,
    pub count: usize,
}

/// A word found at a character offset of the answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Marker {
    pub word: String,
    pub at: usize,
}

/// How many words `insights` lists in `top_words`.
pub const TOP_WORDS: usize = 10;

/// Insights on `text`, scored as `card`, in the language of its bank.
pub fn insights(text: &str, card: &Scorecard, lang: Language) -> Insights {
    let note = |p: &crate::scoring::PointResult| PointNote {
        name: p.name.clone(),
        required: p.required,
        matched: p.matched.clone(),
        at: p.at,
        hint: p.hint.clone(),
    };
    let covered = card.points.iter().filter(|p| p.hit).map(note).collect();
    let mut missed: Vec<PointNote> = card.points.iter().filter(|p| !p.hit).map(note).collect();
    missed.sort_by_key(|p| !p.required);
    let lex = lexicon(lang);
    Insights {
        covered,
        missed,
        top_words: top_words(text, lang, TOP_WORDS),
        fillers: counted(markers(text, lang, lex.fillers, lex.filler_exceptions)),
        enumerations: markers(text, lang, lex.enumerations, lex.enumeration_exceptions),
    }
}

/// The language an answer is written in, when its bank is gone: Chinese if it has any Han
/// character.
pub fn guess_language(text: &str) -> Language {
    if text.chars().any(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c)) {
        Language::Zh
    } else {
        Language::En
    }
}

/// The `n` content words used most, most frequent first (ties: first used first).
pub fn top_words(text: &str, lang: Language, n: usize) -> Vec<WordCount> {
    let fillers = lexicon(lang).fillers;
    let words: Vec<String> = match lang {
        Language::Zh => jieba()
            .cut(text, true)
            .into_iter()
            .map(|t| t.word.trim().to_ascii_lowercase())
            .collect(),
        Language::En => text
            .split(|c: char| !c.is_alphanumeric())
            .map(str::to_ascii_lowercase)
            .collect(),
    };
    let mut counts: HashMap<String, (usize, usize)> = HashMap::new();
    for (i, w) in words.into_iter().enumerate() {
        if is_content_word(&w) && !fillers.contains(&&*w) {
            counts.entry(w).or_insert((0, i)).0 += 1;
        }
    }
    let mut out: Vec<(String, (usize, usize))> = counts.into_iter().collect();
    out.sort_by(|(_, (ca, fa)), (_, (cb, fb))| cb.cmp(ca).then(fa.cmp(fb)));
    out.into_iter()
        .take(n)
        .map(|(word, (count, _))| WordCount { word, count })
        .collect()
}

/// The shared segmenter, loaded on first use.
fn jieba() -> &'static Jieba {
    static JIEBA: OnceLock<Jieba> = OnceLock::new();
    JIEBA.get_or_init(Jieba::new)
}

/// A word worth counting: letters (not punctuation or digits), and not a stop word — an
/// English function or everyday word, a single Chinese character, or Chinese made only of
/// function characters (我们, 可以, 这个, 然后 …).
fn is_content_word(w: &str) -> bool {
    if !w.chars().any(char::is_alphabetic) || w.chars().all(|c| c.is_ascii_digit()) {
        return false;
    }
    if w.is_ascii() {
        return w.len() > 1 && !is_en_function_word(w) && !is_en_common_word(w);
    }
    w.chars().count() > 1 && !w.chars().all(is_zh_function_char)
}

/// Every occurrence of `words` not inside an occurrence of `exceptions` (那个 in 那个时候 is not
/// a filler), as character offsets in order. English matches whole words.
fn markers(text: &str, lang: Language, words: &[&str], exceptions: &[&str]) -> Vec<Marker> {
    // ASCII lowercasing keeps every byte offset where it was.
    let hay = text.to_ascii_lowercase();
    let excepted: Vec<(usize, usize)> = exceptions
        .iter()
        .flat_map(|x| occurrences(&hay, x, lang))
        .collect();
    let mut found: Vec<(usize, &str)> = words
        .iter()
        .flat_map(|w| {
            occurrences(&hay, w, lang)
                .filter(|&(s, e)| !excepted.iter().any(|&(xs, xe)| xs <= s && e <= xe))
                .map(move |(s, _)| (s, *w))
        })
        .collect();
    found.sort_by_key(|&(s, w)| (s, std::cmp::Reverse(w.len())));
    // One marker per place: the longest word starting there (然后然后, not 然后 too).
    found.dedup_by_key(|&mut (s, _)| s);
    found
        .into_iter()
        .map(|(s, w)| Marker {
            word: w.to_string(),
            at: hay.get(..s).map_or(0, |p| p.chars().count()),
        })
        .collect()
}

/// Byte ranges of `word` in `hay`; in English only where it stands as a whole word.
fn occurrences<'a>(
    hay: &'a str,
    word: &'a str,
    lang: Language,
) -> impl Iterator<Item = (usize, usize)> + 'a {
    let edge = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric());
    hay.match_indices(word)
        .map(|(s, m)| (s, s + m.len()))
        .filter(move |&(s, e)| {
            lang == Language::Zh
                || (edge(hay.get(..s).and_then(|p| p.chars().next_back()))
                    && edge(hay.get(e..).and_then(|p| p.chars().next())))
        })
}

/// Markers counted by word, most frequent first (ties: first used first).
fn counted(markers: Vec<Marker>) -> Vec<WordCount> {
    let mut out: Vec<WordCount> = Vec::new();
    for m in markers {
        match out.iter_mut().find(|w| w.word == m.word) {
            Some(w) => w.count += 1,
            None => out.push(WordCount {
                word: m.word,
                count: 1,
            }),
        }
    }
    // Stable: equal counts keep the order of first use.
    out.sort_by_key(|w| std::cmp::Reverse(w.count));
    out
}
