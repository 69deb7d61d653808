//! The shared concept thesaurus (`assets/concepts.toml`): one idea of customer service and the
//! many ways candidates say it, in zh and en. A rubric point may name concepts (`concepts =
//! ["apology"]`); a point or structure section that lists one of a concept's phrases is linked
//! to that concept too, so every bank gains its paraphrases without repeating them.
//!
//! The file is embedded in the binary and parsed once, on first use (the TUI's first frame
//! never waits for it). This module is the data and its ids (which bank validation checks);
//! matching a phrase to its concept is the scorer's (`scoring::concepts`), since it needs the
//! scorer's normalisation.

use std::collections::HashMap;
use std::sync::OnceLock;

use serde::Deserialize;

use super::Language;

const SOURCE: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/concepts.toml"));

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[allow(dead_code)]
    schema: u32,
    concepts: Vec<Concept>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Concept {
    pub id: String,
    pub name: Names,
    #[serde(default)]
    pub zh: Vec<String>,
    #[serde(default)]
    pub en: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Names {
    pub zh: String,
    pub en: String,
}

impl Concept {
    pub fn phrases(&self, lang: Language) -> &[String] {
        match lang {
            Language::Zh => &self.zh,
            Language::En => &self.en,
        }
    }

    pub fn name(&self, lang: Language) -> &str {
        match lang {
            Language::Zh => &self.name.zh,
            Language::En => &self.name.en,
        }
    }
}

#[derive(Debug, Default)]
pub struct Thesaurus {
    concepts: Vec<Concept>,
    by_id: HashMap<String, usize>,
}

impl Thesaurus {
    /// Parses a thesaurus file; the bundled one is `thesaurus()`.
    pub fn parse(text: &str) -> Result<Thesaurus, String> {
        let file: File = toml::from_str(text).map_err(|e| e.to_string())?;
        let mut t = Thesaurus::default();
        for (i, c) in file.concepts.iter().enumerate() {
            if t.by_id.insert(c.id.clone(), i).is_some() {
                return Err(format!("concept `{}` is defined twice", c.id));
            }
        }
        t.concepts = file.concepts;
        Ok(t)
    }

    pub fn concepts(&self) -> &[Concept] {
        &self.concepts
    }

    pub fn get(&self, id: &str) -> Option<&Concept> {
        self.by_id.get(id).and_then(|&i| self.concepts.get(i))
    }

    /// Every id, for "did you mean" in validation.
    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.concepts.iter().map(|c| c.id.as_str())
    }
}

/// The bundled thesaurus, parsed on first use. A broken file is a build mistake that the
/// tests catch; the app then scores without concepts rather than stopping.
pub fn thesaurus() -> &'static Thesaurus {
    static T: OnceLock<Thesaurus> = OnceLock::new();
    T.get_or_init(|| Thesaurus::parse(SOURCE).unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_thesaurus_is_sound() {
        let t = Thesaurus::parse(SOURCE).unwrap_or_else(|e| panic!("assets/concepts.toml: {e}"));
        assert!(!t.concepts().is_empty());
        for c in t.concepts() {
            assert!(
                !c.id.is_empty()
                    && c.id
                        .chars()
                        .all(|ch| ch.is_ascii_lowercase() || ch.is_ascii_digit() || ch == '-'),
                "concept id `{}` must be [a-z0-9-]+",
                c.id
            );
            assert!(
                !c.zh.is_empty() || !c.en.is_empty(),
                "{} has no phrases",
                c.id
            );
        }
    }
}
