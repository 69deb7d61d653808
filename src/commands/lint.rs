//! `mianba banks lint` (filled by the scoring work).
use std::path::PathBuf;
use std::process::ExitCode;

use crate::cli::Global;
use crate::error::{Error, Result};

pub fn run(_global: &Global, _paths: &[PathBuf]) -> Result<ExitCode> {
    Err(Error::Usage("not built yet".into()))
}
