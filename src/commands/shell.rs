//! `mianba completions SHELL` and `mianba manpage`: both written from the clap definitions,
//! so they never drift from the commands.

use std::process::ExitCode;

use clap::CommandFactory;

use super::history::emit;
use crate::cli::Cli;
use crate::error::{Error, Result};

pub fn completions(shell: clap_complete::Shell) -> Result<ExitCode> {
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "mianba", &mut script);
    emit(&String::from_utf8_lossy(&script))?;
    Ok(ExitCode::SUCCESS)
}

pub fn manpage() -> Result<ExitCode> {
    let mut page = Vec::new();
    // troff has no Chinese glyphs: the man page's name line is the English one.
    let cmd = Cli::command().about("mock interviews for customer-service candidates");
    clap_mangen::Man::new(cmd)
        .render(&mut page)
        .map_err(|e| Error::Other(anyhow::anyhow!("cannot write the man page: {e}")))?;
    emit(&String::from_utf8_lossy(&page))?;
    Ok(ExitCode::SUCCESS)
}
