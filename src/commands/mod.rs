//! Runs one CLI command. Each command lives in its own module; this file only dispatches.

mod banks;
mod lint;
mod score;

use std::process::ExitCode;

use crate::cli::{BanksCommand, Cli, Command};
use crate::error::Result;

pub fn run(cli: Cli) -> Result<ExitCode> {
    let global = cli.global;
    match cli.command {
        None => crate::tui::run(&global, None),
        Some(Command::Practice(args)) => crate::tui::run(&global, Some(args)),
        Some(Command::Banks(BanksCommand::Lint { paths })) => lint::run(&global, &paths),
        Some(Command::Banks(cmd)) => banks::run(&global, cmd),
        Some(Command::Score(args)) => score::run(&global, &args),
    }
}
