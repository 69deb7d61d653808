//! The `mianba` binary: parse the command line, run the command, turn the outcome into an exit code.
use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = mianba::cli::Cli::parse();
    match mianba::commands::run(cli) {
        Ok(code) => code,
        Err(err) => {
            eprintln!("mianba: {err}");
            ExitCode::from(err.exit_code())
        }
    }
}
