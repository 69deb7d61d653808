//! The interview (a sitting): its state (`state`), its keys (`keys`), what they start and
//! what time does (`update`); its drawing (`view`, by phase: `interview`, `checklist`,
//! `summary`; the result is `screens::result`, shared with the detail and grading screens).

pub mod checklist;
pub mod interview;
pub mod keys;
mod state;
pub mod summary;
pub mod update;
pub mod view;

pub use keys::SittingAction;
pub use state::*;
