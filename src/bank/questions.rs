//! A bank's questions (with the defaults and structures they use), parsed when first used.
//!
//! The home screen needs a bank's title, its question count and its categories, not its
//! questions; parsing every bundled bank's questions before the first frame was most of the
//! app's start-up time and memory. A bundled bank therefore starts with its `[bank]` table and
//! its questions' ids and categories (read by `build.rs`), and parses the rest on first use;
//! every other bank is parsed whole at once (its problems must show when it loads).

use std::fmt;
use std::ops::Deref;
use std::sync::{Arc, OnceLock};

use super::{Defaults, Question, Structure};

/// Everything of a bank but its `[bank]` table.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Body {
    pub defaults: Defaults,
    pub structures: Vec<Structure>,
    pub questions: Vec<Question>,
}

/// A bank's questions: read like a `Vec<Question>` (`Deref`), parsed at the first read when
/// made by `Questions::later`, together with the bank's defaults and structures (`body`).
#[derive(Default)]
pub struct Questions {
    parsed: OnceLock<Body>,
    later: Option<Later>,
}

/// What is known of questions not parsed yet, and how to parse them.
#[derive(Clone)]
struct Later {
    /// Each question's id and category, in the bank's order.
    listed: &'static [(&'static str, &'static str)],
    parse: Arc<dyn Fn() -> Body + Send + Sync>,
}

impl Questions {
    /// A body parsed by `parse` when first read; `listed` are its questions' ids and
    /// categories, in order (what the count, the category list and `has` use before then).
    pub fn later(
        listed: &'static [(&'static str, &'static str)],
        parse: impl Fn() -> Body + Send + Sync + 'static,
    ) -> Questions {
        Questions {
            parsed: OnceLock::new(),
            later: Some(Later {
                listed,
                parse: Arc::new(parse),
            }),
        }
    }

    /// How many questions there are, without parsing them.
    pub fn count(&self) -> usize {
        match (self.parsed.get(), &self.later) {
            (None, Some(later)) => later.listed.len(),
            _ => self.list().len(),
        }
    }

    /// Each question's category, in order, without parsing them.
    pub fn categories(&self) -> Vec<&str> {
        match (self.parsed.get(), &self.later) {
            (None, Some(later)) => later.listed.iter().map(|(_, c)| *c).collect(),
            _ => self.list().iter().map(|q| q.category.as_str()).collect(),
        }
    }

    /// Whether a question has this id, without parsing them.
    pub fn has(&self, id: &str) -> bool {
        match (self.parsed.get(), &self.later) {
            (None, Some(later)) => later.listed.iter().any(|(q, _)| *q == id),
            _ => self.list().iter().any(|q| q.id == id),
        }
    }

    /// Whether the questions have been parsed (always, unless made by `later`).
    pub fn is_parsed(&self) -> bool {
        self.later.is_none() || self.parsed.get().is_some()
    }

    /// The defaults, structures and questions, parsed if they were not yet.
    pub fn body(&self) -> &Body {
        self.parsed.get_or_init(|| {
            self.later
                .as_ref()
                .map_or_else(Body::default, |later| (later.parse)())
        })
    }

    /// The body as plain data, parsed if it was not yet.
    pub fn into_body(self) -> Body {
        let later = self.later;
        self.parsed
            .into_inner()
            .unwrap_or_else(|| later.map_or_else(Body::default, |l| (l.parse)()))
    }

    fn list(&self) -> &Vec<Question> {
        &self.body().questions
    }
}

impl Deref for Questions {
    type Target = Vec<Question>;

    fn deref(&self) -> &Vec<Question> {
        self.list()
    }
}

impl From<Body> for Questions {
    fn from(body: Body) -> Questions {
        Questions {
            parsed: OnceLock::from(body),
            later: None,
        }
    }
}

impl<'a> IntoIterator for &'a Questions {
    type Item = &'a Question;
    type IntoIter = std::slice::Iter<'a, Question>;

    fn into_iter(self) -> Self::IntoIter {
        self.list().iter()
    }
}

impl Clone for Questions {
    /// Parsed questions are copied; questions not parsed yet stay so in the copy.
    fn clone(&self) -> Questions {
        Questions {
            parsed: self.parsed.clone(),
            later: self.later.clone(),
        }
    }
}

impl PartialEq for Questions {
    fn eq(&self, other: &Questions) -> bool {
        self.body() == other.body()
    }
}

impl fmt::Debug for Questions {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.body().fmt(f)
    }
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicUsize, Ordering};

    use super::*;

    fn question(id: &str, category: &str) -> Question {
        Question {
            id: id.into(),
            category: category.into(),
            difficulty: 1,
            prompt: "p".into(),
            figure: None,
            figure_text: None,
            structure: None,
            reference: None,
            tips: Vec::new(),
            prep_seconds: None,
            answer_seconds: None,
            target_chars: None,
            weights: None,
            points: Vec::new(),
            avoid: Vec::new(),
            followups: Vec::new(),
            examples: Vec::new(),
        }
    }

    #[test]
    fn later_questions_are_counted_and_found_unparsed_and_parsed_once_on_first_read() {
        static PARSES: AtomicUsize = AtomicUsize::new(0);
        let qs = Questions::later(&[("a", "complaint"), ("b", "self-intro")], || {
            PARSES.fetch_add(1, Ordering::SeqCst);
            Body {
                questions: vec![question("a", "complaint"), question("b", "self-intro")],
                ..Body::default()
            }
        });
        assert_eq!(qs.count(), 2);
        assert_eq!(qs.categories(), ["complaint", "self-intro"]);
        assert!(qs.has("b") && !qs.has("c"));
        let copy = qs.clone();
        assert!(!qs.is_parsed() && !copy.is_parsed());
        assert_eq!(PARSES.load(Ordering::SeqCst), 0);
        assert_eq!(qs[1].id, "b");
        assert_eq!(qs.iter().count(), 2);
        assert!(qs.is_parsed() && !copy.is_parsed());
        assert_eq!(PARSES.load(Ordering::SeqCst), 1);
        assert_eq!(copy.into_body(), *qs.body());
        assert_eq!(PARSES.load(Ordering::SeqCst), 2);
    }
}
