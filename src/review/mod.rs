//! Self-review over the saved sessions: history and session detail with re-scoring,
//! progress over time, insights on one answer, and the spaced-repetition drill.
//!
//! Core code: no terminal, no clock (every "now" is a parameter), rows come from
//! `crate::store` and the computations over them are pure functions.

pub mod drill;
