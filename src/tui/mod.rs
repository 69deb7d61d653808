//! The terminal app (filled by the TUI work).
use std::process::ExitCode;

use crate::cli::{Global, PracticeArgs};
use crate::error::{Error, Result};

pub fn run(_global: &Global, _practice: Option<PracticeArgs>) -> Result<ExitCode> {
    Err(Error::Usage("the terminal app is not built yet".into()))
}
