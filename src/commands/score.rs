//! `mianba score` (filled by the scoring work).
use std::process::ExitCode;

use crate::cli::{Global, ScoreArgs};
use crate::error::{Error, Result};

pub fn run(_global: &Global, _args: &ScoreArgs) -> Result<ExitCode> {
    Err(Error::Usage("not built yet".into()))
}
