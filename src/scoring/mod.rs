//! The scoring engine: pure functions from (rubric, answer) to an explainable scorecard.
//! No I/O, no clock, no randomness: the same answer always gets the same card.
//!
//! `Rubric::compile` builds the phrase automaton once per question; `Rubric::score` is the hot
//! path: normalise, one overlapping search, then content, structure and delivery from the hits.

mod concepts;
mod content;
mod delivery;
mod feedback;
mod hints;
mod lexicon;
mod matcher;
mod negation;
mod normalize;
mod relevance;
mod rubric;
mod scorecard;
mod sentences;
mod similar;
mod spans;
mod structure;
mod tone;

pub use lexicon::{Lexicon, is_en_common_word, is_en_function_word, is_zh_function_char, lexicon};
pub use matcher::contains_phrase;
pub use normalize::{is_judged_char, judged_len, normalize_phrase};
pub use rubric::{AvoidSpec, Earner, PointSpec, Rubric, SectionSpec, StructureSpec};
pub use scorecard::{AvoidHit, Band, Flag, PointResult, Scorecard, SectionResult, Span};
