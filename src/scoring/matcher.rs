//! One Aho-Corasick automaton per question over every phrase the scorer looks for (points, avoid
//! phrases, structure cues, and the language's built-in cues), searched once with overlapping
//! matches so that a phrase inside another ("不" inside "不会", "道歉" inside "再次道歉") is
//! still seen. zh matches substrings; en matches whole words on word boundaries.

use std::collections::HashMap;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

use super::normalize::{Normalized, normalize_phrase};
use crate::bank::Language;

/// What a phrase stands for. A phrase written twice in a bank (say, both a point and a cue)
/// is searched once and carries both roles.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Point {
        point: u16,
        phrase: u16,
    },
    /// `avoid` one past the bank's entries is the language's built-in rude phrases.
    Avoid {
        avoid: u16,
        phrase: u16,
    },
    Cue {
        section: u16,
        cue: u16,
    },
    Negation,
    NegationException,
    Filler,
    FillerException,
    Enumeration,
    EnumerationException,
    Conclusion,
    /// A run of the prompt's words: the answer copies the question there.
    PromptGram,
}

impl Role {
    /// A phrase the bank wrote (point, avoid, structure cue), as opposed to built-in cues.
    pub fn is_rubric(self) -> bool {
        matches!(
            self,
            Role::Point { .. } | Role::Avoid { .. } | Role::Cue { .. }
        )
    }
}

/// One occurrence of a phrase, in byte offsets of the normalised text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub role: Role,
    pub start: usize,
    pub end: usize,
}

/// Collects phrases before the automaton is built.
pub struct MatcherBuilder {
    lang: Language,
    patterns: Vec<String>,
    roles: Vec<Vec<Role>>,
    index: HashMap<String, usize>,
}

impl MatcherBuilder {
    pub fn new(lang: Language) -> Self {
        MatcherBuilder {
            lang,
            patterns: Vec::new(),
            roles: Vec::new(),
            index: HashMap::new(),
        }
    }

    /// Add a phrase as written in a bank (it is normalised here); empty phrases are ignored.
    pub fn add(&mut self, phrase: &str, role: Role) {
        let norm = normalize_phrase(phrase, self.lang);
        if norm.is_empty() {
            return;
        }
        let id = match self.index.get(&norm) {
            Some(&id) => id,
            None => {
                let id = self.patterns.len();
                self.index.insert(norm.clone(), id);
                self.patterns.push(norm);
                self.roles.push(Vec::new());
                id
            }
        };
        if let Some(roles) = self.roles.get_mut(id)
            && !roles.contains(&role)
        {
            roles.push(role);
        }
    }

    /// Add a bank phrase and, in Chinese, the forms it takes in speech: a two-character verb
    /// phrase split (「下单」 is also said 「下了单」, 「道歉」 「道个歉」, 「退款」 「退过款」), and
    /// a four-character compound with 的 between its words (「公司规定」 「公司的规定」).
    pub fn add_rubric(&mut self, phrase: &str, role: Role) {
        self.add(phrase, role);
        if self.lang != Language::Zh {
            return;
        }
        let norm = normalize_phrase(phrase, self.lang);
        let chars: Vec<char> = norm.chars().collect();
        if !chars.iter().all(|&c| is_word_char(c)) {
            return;
        }
        match chars.as_slice() {
            [a, b] => {
                for infix in ['了', '个', '过'] {
                    self.add(&format!("{a}{infix}{b}"), role);
                }
            }
            [a, b, c, d] if !chars.contains(&'的') => {
                self.add(&format!("{a}{b}的{c}{d}"), role);
            }
            _ => {}
        }
    }

    pub fn add_all(&mut self, phrases: &[&str], role: Role) {
        for p in phrases {
            self.add(p, role);
        }
    }

    pub fn build(self) -> Matcher {
        // Whole-word checks only apply on a side where the phrase itself starts/ends with a
        // word character ("'d like" may follow "i").
        let edges = self
            .patterns
            .iter()
            .map(|p| {
                (
                    p.chars().next().is_some_and(is_word_char),
                    p.chars().next_back().is_some_and(is_word_char),
                )
            })
            .collect();
        // Building can only fail on absurd sizes; a question then simply matches nothing.
        // A contiguous NFA: with the thesaurus a question has a few thousand patterns, for
        // which a DFA takes tens of milliseconds to build and the NFA well under one.
        let ac = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .kind(Some(AhoCorasickKind::ContiguousNFA))
            .prefilter(false)
            .build(&self.patterns)
            .ok();
        Matcher {
            lang: self.lang,
            ac,
            roles: self.roles,
            edges,
        }
    }
}

#[derive(Debug, Clone)]
pub struct Matcher {
    lang: Language,
    ac: Option<AhoCorasick>,
    roles: Vec<Vec<Role>>,
    edges: Vec<(bool, bool)>,
}

impl Matcher {
    /// Every occurrence of every phrase, one hit per role, ordered by start then end.
    pub fn find(&self, text: &Normalized) -> Vec<Hit> {
        let Some(ac) = &self.ac else {
            return Vec::new();
        };
        let hay = text.as_str();
        let mut hits = Vec::with_capacity(hay.len() / 8);
        for m in ac.find_overlapping_iter(hay) {
            let id = m.pattern().as_usize();
            let (start, end) = (m.start(), m.end());
            let mut end = end;
            let mut inflected = false;
            if self.lang == Language::En {
                let (check_start, check_end) = self.edges.get(id).copied().unwrap_or_default();
                if check_start && !word_edge_before(hay, start) {
                    continue;
                }
                if check_end {
                    match word_end(hay, end) {
                        Some(e) => {
                            inflected = e != end;
                            end = e;
                        }
                        None => continue,
                    }
                }
            }
            for &role in self.roles.get(id).map(Vec::as_slice).unwrap_or_default() {
                // Inflections widen only the bank's own phrases: "second" must not turn
                // "seconds" into an enumeration marker.
                if inflected && !role.is_rubric() {
                    continue;
                }
                hits.push(Hit { role, start, end });
            }
        }
        hits.sort_by_key(|h| (h.start, h.end));
        hits
    }
}

/// Whether `text` contains `phrase` under the language's matching rules (normalised; zh as a
/// substring, en as whole words). For checks outside scoring, such as lint's "this phrase is
/// already in the prompt".
pub fn contains_phrase(text: &str, phrase: &str, lang: Language) -> bool {
    let (text, phrase) = (normalize_phrase(text, lang), normalize_phrase(phrase, lang));
    if phrase.is_empty() {
        return false;
    }
    let (check_start, check_end) = (
        phrase.chars().next().is_some_and(is_word_char),
        phrase.chars().next_back().is_some_and(is_word_char),
    );
    text.match_indices(&phrase).any(|(i, m)| {
        lang == Language::Zh
            || ((!check_start || word_edge_before(&text, i))
                && (!check_end || word_end(&text, i + m.len()).is_some()))
    })
}

/// Letters and digits (any script) form words; the apostrophe does not, so "customer" matches
/// in "customer's".
pub fn is_word_char(c: char) -> bool {
    // ASCII and the common CJK block first: the full Unicode lookup is the slow path.
    c.is_ascii_alphanumeric()
        || ('\u{4E00}'..='\u{9FFF}').contains(&c)
        || (!c.is_ascii() && !is_cjk_punctuation(c) && c.is_alphanumeric())
}

/// Chinese punctuation (、。《》「」【】…) and curly quotes: never letters, and common enough in
/// answers to be worth skipping the Unicode tables for.
fn is_cjk_punctuation(c: char) -> bool {
    matches!(c, '\u{3001}'..='\u{3004}' | '\u{3008}'..='\u{3020}' | '\u{2018}'..='\u{201F}')
}

fn word_edge_before(hay: &str, start: usize) -> bool {
    hay.get(..start)
        .and_then(|s| s.chars().next_back())
        .is_none_or(|c| !is_word_char(c))
}

/// English endings that leave a word the same word: "firm" earns in "firmly", "offer" in
/// "offered", "apologise" in "apologises". Anything longer ("sorryful") is another word.
const INFLECTIONS: &[&str] = &["s", "es", "d", "ed", "ing", "ly"];

/// Where an en phrase ending at `end` really ends: at `end` on a word edge, after one of
/// `INFLECTIONS` that ends the word, or nowhere (`None`: the phrase is part of another word).
fn word_end(hay: &str, end: usize) -> Option<usize> {
    if word_edge_after(hay, end) {
        return Some(end);
    }
    let rest = hay.get(end..)?;
    let tail_len = rest.find(|c: char| !is_word_char(c)).unwrap_or(rest.len());
    let tail = rest.get(..tail_len)?;
    INFLECTIONS.contains(&tail).then_some(end + tail_len)
}

fn word_edge_after(hay: &str, end: usize) -> bool {
    hay.get(end..)
        .and_then(|s| s.chars().next())
        .is_none_or(|c| !is_word_char(c))
}

#[cfg(test)]
mod tests {
    use super::super::normalize::normalize;
    use super::*;

    fn found(lang: Language, phrases: &[&str], text: &str) -> Vec<String> {
        let mut b = MatcherBuilder::new(lang);
        for (i, p) in phrases.iter().enumerate() {
            b.add(
                p,
                Role::Point {
                    point: i as u16,
                    phrase: 0,
                },
            );
        }
        let n = normalize(text, lang);
        b.build()
            .find(&n)
            .iter()
            .map(|h| n.as_str()[h.start..h.end].to_string())
            .collect()
    }

    #[test]
    fn en_matches_whole_words_only() {
        assert_eq!(
            found(Language::En, &["sorry"], "Sorryful. I'm SORRY!"),
            ["sorry"]
        );
        assert!(found(Language::En, &["sorry"], "sorryful").is_empty());
        assert_eq!(
            found(Language::En, &["follow up"], "I'll follow-up"),
            ["follow up"]
        );
        assert_eq!(
            found(Language::En, &["customer"], "the customer's order"),
            ["customer"]
        );
    }

    #[test]
    fn en_bank_phrases_match_their_inflections_but_not_other_words() {
        assert_eq!(
            found(
                Language::En,
                &["firm", "offer"],
                "I said it firmly and offered a refund."
            ),
            ["firmly", "offered"]
        );
        assert_eq!(
            found(Language::En, &["apologise"], "She apologises."),
            ["apologises"]
        );
        assert!(found(Language::En, &["sorry"], "sorryful").is_empty());
        assert!(found(Language::En, &["firm"], "firmware").is_empty());
        assert!(contains_phrase(
            "The parcel was delayed.",
            "delay",
            Language::En
        ));
    }

    #[test]
    fn built_in_cues_do_not_take_inflections() {
        let mut b = MatcherBuilder::new(Language::En);
        b.add("second", Role::Enumeration);
        let matcher = b.build();
        assert!(
            matcher
                .find(&normalize("It took thirty seconds.", Language::En))
                .is_empty()
        );
        assert_eq!(
            matcher
                .find(&normalize("Second, I check.", Language::En))
                .len(),
            1
        );
    }

    #[test]
    fn zh_matches_substrings_including_overlaps() {
        assert_eq!(
            found(Language::Zh, &["道歉", "再次道歉"], "我会再次道歉"),
            ["再次道歉", "道歉"]
        );
    }

    #[test]
    fn contains_phrase_follows_the_matching_rules() {
        assert!(contains_phrase("要求换货。", "换 货", Language::Zh));
        assert!(contains_phrase("I'm SORRY.", "sorry", Language::En));
        assert!(!contains_phrase(
            "sorryful sorryness",
            "sorry",
            Language::En
        ));
        assert!(!contains_phrase("anything", "", Language::En));
    }

    #[test]
    fn a_phrase_with_two_roles_reports_both() {
        let mut b = MatcherBuilder::new(Language::Zh);
        b.add("首先", Role::Enumeration);
        b.add("首先", Role::Cue { section: 0, cue: 0 });
        let hits = b.build().find(&normalize("首先，", Language::Zh));
        assert_eq!(hits.len(), 2);
    }
}
