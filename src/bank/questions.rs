//! A bank's questions, parsed when first used.
//!
//! The home screen needs a bank's title, its question count and its categories, not its
//! questions; parsing every bundled bank's questions before the first frame was most of the
//! app's start-up time and memory. A bundled bank therefore starts with its count and
//! categories (read by `build.rs`) and parses its questions on first use; every other bank
//! has them parsed at once (its problems must show when it loads).

use std::fmt;
use std::ops::Deref;
use std::sync::{Arc, OnceLock};

use super::Question;

/// A bank's questions: read like a `Vec<Question>` (`Deref`), parsed at the first read when
/// made by `Questions::later`.
#[derive(Default)]
pub struct Questions {
    parsed: OnceLock<Vec<Question>>,
    later: Option<Later>,
}

/// What is known of questions not parsed yet, and how to parse them.
#[derive(Clone)]
struct Later {
    /// Each question's category, in the bank's order.
    categories: &'static [&'static str],
    parse: Arc<dyn Fn() -> Vec<Question> + Send + Sync>,
}

impl Questions {
    /// Questions parsed by `parse` when first read; `categories` are theirs, one per question,
    /// in order (what the count and the category list show before then).
    pub fn later(
        categories: &'static [&'static str],
        parse: impl Fn() -> Vec<Question> + Send + Sync + 'static,
    ) -> Questions {
        Questions {
            parsed: OnceLock::new(),
            later: Some(Later {
                categories,
                parse: Arc::new(parse),
            }),
        }
    }

    /// How many questions there are, without parsing them.
    pub fn count(&self) -> usize {
        match (self.parsed.get(), &self.later) {
            (None, Some(later)) => later.categories.len(),
            _ => self.list().len(),
        }
    }

    /// Each question's category, in order, without parsing them.
    pub fn categories(&self) -> Vec<&str> {
        match (self.parsed.get(), &self.later) {
            (None, Some(later)) => later.categories.to_vec(),
            _ => self.list().iter().map(|q| q.category.as_str()).collect(),
        }
    }

    /// Whether the questions have been parsed (always, unless made by `later`).
    pub fn is_parsed(&self) -> bool {
        self.later.is_none() || self.parsed.get().is_some()
    }

    /// The questions as a plain list, parsed if they were not yet.
    pub fn into_vec(self) -> Vec<Question> {
        let later = self.later;
        self.parsed
            .into_inner()
            .unwrap_or_else(|| later.map_or_else(Vec::new, |l| (l.parse)()))
    }

    fn list(&self) -> &Vec<Question> {
        self.parsed.get_or_init(|| {
            self.later
                .as_ref()
                .map_or_else(Vec::new, |later| (later.parse)())
        })
    }
}

impl Deref for Questions {
    type Target = Vec<Question>;

    fn deref(&self) -> &Vec<Question> {
        self.list()
    }
}

impl From<Vec<Question>> for Questions {
    fn from(questions: Vec<Question>) -> Questions {
        Questions {
            parsed: OnceLock::from(questions),
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
        self.list() == other.list()
    }
}

impl fmt::Debug for Questions {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.list().fmt(f)
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
    fn later_questions_are_counted_unparsed_and_parsed_once_on_first_read() {
        static PARSES: AtomicUsize = AtomicUsize::new(0);
        let qs = Questions::later(&["complaint", "self-intro"], || {
            PARSES.fetch_add(1, Ordering::SeqCst);
            vec![question("a", "complaint"), question("b", "self-intro")]
        });
        assert_eq!(qs.count(), 2);
        assert_eq!(qs.categories(), ["complaint", "self-intro"]);
        let copy = qs.clone();
        assert!(!qs.is_parsed() && !copy.is_parsed());
        assert_eq!(PARSES.load(Ordering::SeqCst), 0);
        assert_eq!(qs[1].id, "b");
        assert_eq!(qs.iter().count(), 2);
        assert!(qs.is_parsed() && !copy.is_parsed());
        assert_eq!(PARSES.load(Ordering::SeqCst), 1);
        assert_eq!(copy.into_vec(), *qs);
        assert_eq!(PARSES.load(Ordering::SeqCst), 2);
    }
}
