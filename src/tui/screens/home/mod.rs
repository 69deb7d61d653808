//! The home screen: its state and keys (`state`), its drawing (`view`).

mod state;
pub mod view;

pub use state::*;
