//! The interview (a sitting): its state and keys (`state`); its drawing, one file per phase
//! (`interview`, `checklist`, `summary`; the result is `screens::result`, shared with the
//! detail and grading screens).

pub mod checklist;
pub mod interview;
mod state;
pub mod summary;

pub use state::*;
