//! The scoring engine: pure functions from (rubric, answer) to an explainable scorecard.
//! No I/O, no clock, no randomness: the same answer always gets the same card.
//!
//! `Rubric::compile` builds the phrase automata once per question; `Rubric::score` is the hot
//! path (one pass over the normalised answer).

mod scorecard;

pub use scorecard::{AvoidHit, Flag, PointResult, Scorecard, SectionResult};
