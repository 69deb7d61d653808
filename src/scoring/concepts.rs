//! Linking rubric points and structure sections to the shared thesaurus
//! (`bank::concepts`): a point earns through the phrases of the concepts it names, and of
//! the concepts its own phrases belong to, so 「赔个不是」 earns a point written as 「抱歉」.

use std::collections::HashMap;
use std::sync::OnceLock;

use super::normalize::normalize_phrase;
use crate::bank::Language;
use crate::bank::concepts::{Concept, thesaurus};

/// Normalised phrase → concept index, for each language.
fn index(lang: Language) -> &'static HashMap<String, usize> {
    static ZH: OnceLock<HashMap<String, usize>> = OnceLock::new();
    static EN: OnceLock<HashMap<String, usize>> = OnceLock::new();
    let cell = match lang {
        Language::Zh => &ZH,
        Language::En => &EN,
    };
    cell.get_or_init(|| {
        let mut map = HashMap::new();
        for (i, c) in thesaurus().concepts().iter().enumerate() {
            for p in c.phrases(lang) {
                map.entry(normalize_phrase(p, lang)).or_insert(i);
            }
        }
        map
    })
}

/// The concept a bank phrase belongs to, if any (compared after normalisation).
pub fn of_phrase(phrase: &str, lang: Language) -> Option<&'static Concept> {
    let i = *index(lang).get(&normalize_phrase(phrase, lang))?;
    thesaurus().concepts().get(i)
}

/// The concepts of a point or section: those it names, then those its phrases belong to,
/// each once.
pub fn linked(named: &[String], phrases: &[String], lang: Language) -> Vec<&'static Concept> {
    let t = thesaurus();
    let mut out: Vec<&'static Concept> = Vec::new();
    let by_name = named.iter().filter_map(|id| t.get(id));
    let by_phrase = phrases.iter().filter_map(|p| of_phrase(p, lang));
    for c in by_name.chain(by_phrase) {
        if !out.iter().any(|o| o.id == c.id) {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_phrase_stands_in_two_concepts_and_none_is_a_single_character() {
        for lang in [Language::Zh, Language::En] {
            let mut seen: HashMap<String, &str> = HashMap::new();
            for c in thesaurus().concepts() {
                for p in c.phrases(lang) {
                    let norm = normalize_phrase(p, lang);
                    if let Some(other) = seen.insert(norm.clone(), &c.id) {
                        assert_eq!(other, c.id, "`{p}` is in both `{other}` and `{}`", c.id);
                    }
                    if lang == Language::Zh {
                        assert!(
                            norm.chars().count() >= 2,
                            "{}: `{p}` is one character",
                            c.id
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn points_link_concepts_by_name_and_by_phrase() {
        let ids = |named: &[&str], phrases: &[&str], lang| {
            let named: Vec<String> = named.iter().map(|s| s.to_string()).collect();
            let phrases: Vec<String> = phrases.iter().map(|s| s.to_string()).collect();
            linked(&named, &phrases, lang)
                .iter()
                .map(|c| c.id.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(ids(&[], &["抱歉"], Language::Zh), ["apology"]);
        assert_eq!(ids(&[], &["SORRY"], Language::En), ["apology"]);
        assert_eq!(ids(&["apology"], &["抱歉"], Language::Zh), ["apology"]);
        assert!(ids(&["no-such-concept"], &["天气"], Language::Zh).is_empty());
    }
}
