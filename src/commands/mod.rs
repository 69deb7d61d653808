//! Runs one CLI command. Each command lives in its own module; this file only dispatches.

mod backup;
mod banks;
mod class;
mod drill;
mod history;
mod import;
mod lint;
mod practice;
mod report;
mod score;
mod set;
mod settings;
mod shell;
mod table;

use std::path::PathBuf;
use std::process::ExitCode;

use crate::cli::{BanksCommand, ClassCommand, Cli, Command};
use crate::error::Result;

pub fn run(cli: Cli) -> Result<ExitCode> {
    let speak = cli.speak();
    let global = cli.global;
    match cli.command {
        None => practice::run(&global, speak, None),
        Some(Command::Practice(args)) => practice::run(&global, speak, Some(args)),
        Some(Command::Banks(BanksCommand::Lint { paths, json })) => {
            lint::run(&global, &paths, json)
        }
        Some(Command::Banks(BanksCommand::Import(args))) => import::run(&global, &args),
        Some(Command::Banks(cmd)) => banks::run(&global, cmd),
        Some(Command::Score(args)) => score::run(&global, &args),
        Some(Command::Set(cmd)) => set::run(&global, cmd),
        Some(Command::Class(ClassCommand::Report(args))) => class::run(&global, &args),
        Some(Command::Class(ClassCommand::Grade {
            bundles,
            grader,
            out,
            set,
        })) => class::grade(&global, &bundles, &grader, out.as_deref(), set.as_deref()),
        Some(Command::History(args)) => history::run(&global, &args),
        Some(Command::Report(args)) => report::run(&global, &args),
        Some(Command::Export { file, force }) => backup::export(&global, &file, force),
        Some(Command::Import { file }) => backup::import(&global, &file),
        Some(Command::Due(args)) => drill::run(&global, &args),
        Some(Command::Settings(cmd)) => settings::run(&global, cmd),
        Some(Command::Completions { shell }) => shell::completions(shell),
        Some(Command::Manpage) => shell::manpage(),
    }
}

/// The store's files for this run (whether or not the store exists yet): no command writes
/// a user-named file over them.
fn store_files(global: &crate::cli::Global) -> [PathBuf; 3] {
    crate::store::Store::files_in(&crate::paths::data_dir(global.data_dir.as_deref()))
}

/// The files a command's write must leave alone: the store's, and its own inputs.
fn kept<'a>(
    store: &'a [PathBuf],
    inputs: &[crate::files::Kept<'a>],
) -> Vec<crate::files::Kept<'a>> {
    store
        .iter()
        .map(|p| (p.as_path(), crate::files::KeptAs::Store))
        .chain(inputs.iter().copied())
        .collect()
}
