//! The terminal app: one state (`app`), one message type (`msg`), `update` (pure, returns
//! effects) and `view` (draws). `run` owns the terminal and the event loop and executes the
//! effects against the store, so everything else is testable without a terminal.
use std::process::ExitCode;

use crate::cli::{Global, PracticeArgs};
use crate::error::{Error, Result};

pub mod terminal;
pub mod theme;
pub mod widgets;

pub fn run(_global: &Global, _practice: Option<PracticeArgs>) -> Result<ExitCode> {
    Err(Error::Usage("the terminal app is not built yet".into()))
}
