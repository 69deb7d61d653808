//! mianba (面霸): a terminal mock-interview trainer.
//!
//! The core — `bank`, `scoring`, `session`, `store` — knows nothing of the terminal.
//! `tui` is a thin layer over it (state, messages, update, view); `commands` runs the CLI.
// The lints (no unwrap, expect or panic outside tests) are in Cargo.toml's [lints], for every
// target; unit tests and their helpers may use them.
#![cfg_attr(test, allow(clippy::unwrap_used, clippy::expect_used, clippy::panic))]

pub mod bank;
pub mod cli;
pub mod commands;
pub mod dates;
pub mod encoding;
pub mod error;
pub mod files;
pub mod i18n;
pub mod lint;
pub mod message;
pub mod paths;
pub mod review;
pub mod scoring;
pub mod session;
pub mod spacing;
pub mod speech;
pub mod store;
pub mod text;
pub mod tui;
pub mod tutor;
