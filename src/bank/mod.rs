//! Question banks: the model of schema 1 (`docs/bank-format.md`), loading with
//! `FILE:LINE:COLUMN` validation, the bundled banks, and the set of all loaded banks.
//!
//! The model is plain data; loading and validation live in `load`, so the scorer and the TUI
//! only ever see banks that already passed validation.

pub mod bundled;
pub mod concepts;
pub mod fields;
pub mod figure;
pub mod load;
mod pieces;
pub mod problem;
pub mod questions;
pub(crate) mod read;
pub mod registry;
pub(crate) mod rules;
pub(crate) mod suggest;

use std::path::PathBuf;

pub use problem::Problem;
pub use questions::{Body, Questions};
pub use registry::BankSet;

/// The bank's language drives the matching rules (zh substrings vs en whole words) and the
/// language of the feedback sentences.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    Zh,
    En,
}

impl Language {
    pub fn code(self) -> &'static str {
        match self {
            Language::Zh => "zh",
            Language::En => "en",
        }
    }
}

/// Where a bank came from: embedded in the binary, or a file on disk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// Path relative to `question_banks/`, e.g. `complaint.toml`.
    Bundled(String),
    File(PathBuf),
}

impl std::fmt::Display for Source {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Source::Bundled(name) => write!(f, "bundled:{name}"),
            Source::File(p) => write!(f, "{}", p.display()),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct Weights {
    pub content: f64,
    pub structure: f64,
    pub delivery: f64,
}

impl Default for Weights {
    fn default() -> Self {
        Weights {
            content: 0.5,
            structure: 0.3,
            delivery: 0.2,
        }
    }
}

/// `[defaults]`, with the format's own defaults filled in where the bank is silent.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Defaults {
    pub prep_seconds: u32,
    pub answer_seconds: u32,
    pub target_chars: (u32, u32),
    pub weights: Weights,
}

impl Default for Defaults {
    fn default() -> Self {
        Defaults {
            prep_seconds: 30,
            answer_seconds: 180,
            target_chars: (120, 500),
            weights: Weights::default(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Section {
    pub name: String,
    pub cues: Vec<String>,
    pub optional: bool,
}

/// A reusable structure rubric (`[[structures]]`), e.g. 表态—分析—对策 or STAR.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Structure {
    pub id: String,
    pub name: String,
    pub ordered: bool,
    pub sections: Vec<Section>,
}

/// One idea the answer should contain; any one of `any` earns it, and so does any phrase of
/// the thesaurus concepts it names (`concepts`) or that its phrases belong to.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Point {
    pub name: String,
    pub any: Vec<String>,
    /// Ids of `concepts::thesaurus()` entries, as written in the bank.
    pub concepts: Vec<String>,
    pub weight: u32,
    pub required: bool,
}

/// Phrases that cost points (`[[questions.avoid]]`).
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Avoid {
    pub any: Vec<String>,
    pub penalty: u32,
    pub why: String,
}

/// A graded example answer (`[[questions.examples]]`): how the rubric should treat a real
/// answer of that quality. Lint scores each against its grade's band; the candidate may read
/// them after answering.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Example {
    /// 1 (not acceptable) to 5 (excellent).
    pub grade: u8,
    pub text: String,
    pub note: Option<String>,
}

/// A question the panel asks back (追问) after the main answer.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Followup {
    /// Asked only when this point of the parent was not earned; `None` = always asked.
    pub when_missing: Option<String>,
    pub prompt: String,
    pub answer_seconds: Option<u32>,
    pub points: Vec<Point>,
    pub examples: Vec<Example>,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Question {
    pub id: String,
    pub category: String,
    pub difficulty: u8,
    pub prompt: String,
    /// The `figure` path as written in the bank (relative to the bank file).
    pub figure: Option<String>,
    /// The figure's text, read and sanitised at load time.
    pub figure_text: Option<String>,
    pub structure: Option<String>,
    pub reference: Option<String>,
    pub tips: Vec<String>,
    pub prep_seconds: Option<u32>,
    pub answer_seconds: Option<u32>,
    pub target_chars: Option<(u32, u32)>,
    pub weights: Option<Weights>,
    pub points: Vec<Point>,
    pub avoid: Vec<Avoid>,
    pub followups: Vec<Followup>,
    pub examples: Vec<Example>,
}

/// The settings that apply to one question once `[defaults]` and its overrides are merged.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Timing {
    pub prep_seconds: u32,
    pub answer_seconds: u32,
    pub target_chars: (u32, u32),
    pub weights: Weights,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Bank {
    pub id: String,
    pub title: String,
    pub language: Language,
    pub description: Option<String>,
    pub author: Option<String>,
    /// With `defaults()` and `structures()`, parsed on first use for a bundled bank (see
    /// `questions`).
    pub questions: Questions,
    pub source: Source,
}

impl Bank {
    pub fn question(&self, id: &str) -> Option<&Question> {
        let local = self.local_id(id);
        self.questions.iter().find(|q| q.id == local)
    }

    /// The id of the question `question` finds, found without parsing the questions.
    pub fn question_id<'i>(&self, id: &'i str) -> Option<&'i str> {
        let local = self.local_id(id);
        self.questions.has(local).then_some(local)
    }

    /// Accept both "wrong-size" and "complaint/wrong-size".
    fn local_id<'i>(&self, id: &'i str) -> &'i str {
        id.strip_prefix(&format!("{}/", self.id)).unwrap_or(id)
    }

    /// `[defaults]`, with the format's own defaults filled in.
    pub fn defaults(&self) -> &Defaults {
        &self.questions.body().defaults
    }

    /// The reusable structure rubrics (`[[structures]]`).
    pub fn structures(&self) -> &[Structure] {
        &self.questions.body().structures
    }

    pub fn structure(&self, id: &str) -> Option<&Structure> {
        self.structures().iter().find(|s| s.id == id)
    }

    /// The structure rubric a question uses, if any.
    pub fn structure_of(&self, q: &Question) -> Option<&Structure> {
        q.structure.as_deref().and_then(|id| self.structure(id))
    }

    /// The full id of a question: `bank/question`.
    pub fn full_id(&self, q: &Question) -> String {
        format!("{}/{}", self.id, q.id)
    }

    pub fn timing(&self, q: &Question) -> Timing {
        let defaults = self.defaults();
        Timing {
            prep_seconds: q.prep_seconds.unwrap_or(defaults.prep_seconds),
            answer_seconds: q.answer_seconds.unwrap_or(defaults.answer_seconds),
            target_chars: q.target_chars.unwrap_or(defaults.target_chars),
            weights: q.weights.unwrap_or(defaults.weights),
        }
    }
}
