//! The progress screen: its state (`state`), its keys (`keys`), what they
//! start (`update`), its drawing (`view`).

pub mod keys;
mod state;
pub mod update;
pub mod view;

pub use keys::ProgressAction;
pub use state::*;
