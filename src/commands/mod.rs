//! Runs one CLI command. Each command lives in its own module; this file only dispatches.

use std::process::ExitCode;

use crate::cli::{Cli, Command};
use crate::error::Result;

pub fn run(cli: Cli) -> Result<ExitCode> {
    match cli.command {
        None => Err(crate::error::Error::Usage("the TUI is not built yet".into())),
        Some(Command::Practice(_)) => Err(crate::error::Error::Usage("the TUI is not built yet".into())),
        Some(Command::Banks(_)) | Some(Command::Score(_)) => {
            Err(crate::error::Error::Usage("not built yet".into()))
        }
    }
}
