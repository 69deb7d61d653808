//! The session detail screen: its state and keys (`state`), what its keys start
//! (`update`), its drawing (`view`).

mod state;
pub mod update;
pub mod view;

pub use state::*;
