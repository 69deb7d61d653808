//! `mianba banks list|show|validate` (filled by the bank-loading work).
use std::process::ExitCode;

use crate::cli::{BanksCommand, Global};
use crate::error::{Error, Result};

pub fn run(_global: &Global, _cmd: BanksCommand) -> Result<ExitCode> {
    Err(Error::Usage("not built yet".into()))
}
