//! The answer sentence by sentence: which sentences are about the question, which repeat an
//! earlier one, and whether a point is made with substance or only claimed (「我会道歉。」).
//! Padding an answer with sentences about something else, or pasting it twice, does not pay.

use std::collections::HashSet;
use std::hash::BuildHasherDefault;

use super::lexicon::is_grammar_token;
use super::matcher::{Hit, Role};
use super::normalize::Normalized;
use super::relevance::{KeyHasher, Topic};
use super::similar::fnv;
use crate::bank::Language;

/// A sentence counts as on the question when this share of its units is the question's
/// vocabulary, or it holds a rubric phrase.
const ON_TOPIC_SHARE: f64 = 0.08;
/// Sentences shorter than this (tokens) are too short to call repeated or off the topic.
const MIN_TOKENS: usize = 4;
/// A point made in a sentence with fewer other content tokens than this is a bare claim.
const ZH_SUBSTANCE: usize = 4;
const EN_SUBSTANCE: usize = 3;

#[derive(Debug, Clone, Copy)]
struct Sentence {
    start: usize,
    end: usize,
    /// Index range into the text's tokens.
    toks: (usize, usize),
    on_topic: bool,
    repeated: bool,
    /// Content tokens outside rubric phrases and list markers (see `is_bare`).
    substance: usize,
}

pub struct Sentences {
    list: Vec<Sentence>,
    lang: Language,
    units: (usize, usize),
}

impl Sentences {
    pub fn new(text: &Normalized, hits: &[Hit], topic: &Topic, lang: Language) -> Sentences {
        let s = text.as_str();
        let toks = text.tokens();
        let mut list = Vec::new();
        // Sentences said so far, by a hash of their text (the keys are hashes already).
        let mut seen: HashSet<u64, BuildHasherDefault<KeyHasher>> = HashSet::default();
        // Topic units of the whole answer: (all, on the topic).
        let mut units = (0usize, 0usize);
        let mut start = 0;
        let mut tok_i = 0;
        let mut hit_i = 0;
        for end in bounds(text) {
            if end <= start {
                continue;
            }
            let first_tok = tok_i;
            while toks.get(tok_i).is_some_and(|&(ts, _)| ts < end) {
                tok_i += 1;
            }
            let n = tok_i - first_tok;
            let mut has_phrase = false;
            while let Some(h) = hits.get(hit_i).filter(|h| h.start < end) {
                has_phrase |= h.start >= start && h.role.is_rubric();
                hit_i += 1;
            }
            let body = s
                .get(start..end)
                .unwrap_or_default()
                .trim_end_matches(is_sentence_end);
            let repeated = n >= MIN_TOKENS && !seen.insert(fnv(body.as_bytes()));
            // Every sentence's units are counted: their sum is the whole answer's topic share.
            let (total, topical) = topic.count(text, first_tok..tok_i, lang);
            units.0 += total;
            units.1 += topical;
            let on_topic = has_phrase
                || n < MIN_TOKENS
                || total == 0
                || topical as f64 >= ON_TOPIC_SHARE * total as f64;
            list.push(Sentence {
                start,
                end,
                toks: (first_tok, tok_i),
                on_topic,
                repeated,
                substance: 0,
            });
            start = end;
        }
        // A lone sentence between sentences about the question is part of the story being
        // told (the setting of a STAR answer): padding is a run of sentences off the question.
        let lone: Vec<usize> = (0..list.len())
            .filter(|&i| {
                let off = |j: Option<usize>| {
                    j.and_then(|j| list.get(j))
                        .is_some_and(|s: &Sentence| !s.on_topic)
                };
                list.get(i).is_some_and(|s| !s.on_topic)
                    && !off(i.checked_sub(1))
                    && !off(Some(i + 1))
            })
            .collect();
        for i in lone {
            if let Some(s) = list.get_mut(i) {
                s.on_topic = true;
            }
        }
        substance(text, hits, lang, &mut list);
        Sentences { list, lang, units }
    }

    /// Where the first sentence ends (normalised byte; 0 for an empty answer). A short reply
    /// before it (「有的。」, "Yes.") is part of it: the answer starts after.
    pub fn first_end(&self) -> usize {
        self.list
            .iter()
            .find(|s| s.toks.1 - s.toks.0 >= MIN_TOKENS)
            .or(self.list.last())
            .map_or(0, |s| s.end)
    }

    /// The byte ranges of the sentences that count: about the question, said once.
    pub fn counted(&self) -> impl Iterator<Item = (usize, usize)> + '_ {
        self.list
            .iter()
            .filter(|s| s.on_topic && !s.repeated)
            .map(|s| (s.start, s.end))
    }

    fn tokens_where(&self, keep: impl Fn(&Sentence) -> bool) -> usize {
        self.list
            .iter()
            .filter(|s| keep(s))
            .map(|s| s.toks.1 - s.toks.0)
            .sum()
    }

    /// Share (0–1) of the answer's topic units that are the question's vocabulary (see
    /// `relevance::Topic`), summed over the sentences so the text is walked once.
    pub fn topic_share(&self) -> f64 {
        let (all, topical) = self.units;
        if all == 0 {
            0.0
        } else {
            topical as f64 / all as f64
        }
    }

    /// Share (0–1) of the answer's tokens in sentences about the question, repeats left out.
    pub fn on_topic_share(&self) -> f64 {
        let all = self.tokens_where(|_| true);
        if all == 0 {
            return 1.0;
        }
        self.tokens_where(|s| s.on_topic && !s.repeated) as f64 / all as f64
    }

    /// Share (0–1) of the answer's tokens that repeat an earlier sentence.
    pub fn repeated_share(&self) -> f64 {
        let all = self.tokens_where(|_| true);
        if all == 0 {
            return 0.0;
        }
        self.tokens_where(|s| s.repeated) as f64 / all as f64
    }

    /// Whether the phrase at byte `start` is a bare claim: neither its sentence nor the next
    /// (a heading 「第一，先定标准。」 is explained by the sentence after it) holds as many
    /// content tokens as the substance threshold outside the rubric's phrases.
    pub fn is_bare(&self, start: usize) -> bool {
        let i = self.list.partition_point(|s| s.end <= start);
        let needed = match self.lang {
            Language::Zh => ZH_SUBSTANCE,
            Language::En => EN_SUBSTANCE,
        };
        self.list.get(i).is_some_and(|s| s.start <= start)
            && [i, i + 1]
                .iter()
                .filter_map(|&j| self.list.get(j))
                .all(|sent| sent.substance < needed)
    }
}

/// Counts each sentence's content tokens: neither grammar, digits, nor inside a rubric phrase
/// or list marker. One sweep over tokens and hits, both in text order.
fn substance(text: &Normalized, hits: &[Hit], lang: Language, list: &mut [Sentence]) {
    let toks = text.tokens();
    let mut next_hit = 0;
    let mut covered_to = 0;
    for sent in list.iter_mut() {
        for k in sent.toks.0..sent.toks.1 {
            let Some(&(ts, te)) = toks.get(k) else {
                continue;
            };
            while let Some(h) = hits.get(next_hit).filter(|h| h.start <= ts) {
                next_hit += 1;
                if matches!(
                    h.role,
                    Role::Point { .. } | Role::Cue { .. } | Role::Enumeration | Role::Conclusion
                ) {
                    covered_to = covered_to.max(h.end);
                }
            }
            // The cheapest test first.
            if covered_to < te && !is_grammar_token(text, k, lang) && !text.token_is_number(k) {
                sent.substance += 1;
            }
        }
    }
}

/// Where sentences end, ascending (repeats possible): after each sentence-ending mark, before
/// each line break that zh dropped (unless a mark ends the sentence there anyway), and at the
/// end of the text.
fn bounds(text: &Normalized) -> Vec<usize> {
    let s = text.as_str();
    let mut out: Vec<usize> = text
        .marks()
        .iter()
        .filter(|&&(_, c)| is_sentence_end(c))
        .map(|&(i, c)| i + c.len_utf8())
        .collect();
    let before_char = |b: usize| {
        s.get(b..)
            .and_then(|r| r.chars().next())
            .is_some_and(|c| !is_sentence_end(c))
    };
    let breaks = text
        .breaks()
        .iter()
        .copied()
        .filter(|&b| b > 0 && before_char(b));
    out.extend(breaks);
    out.sort_unstable();
    out.push(s.len());
    out
}

fn is_sentence_end(c: char) -> bool {
    matches!(c, '。' | '.' | '!' | '?' | ';' | '\n' | '…')
}
