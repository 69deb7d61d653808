//! The `mianba` binary: parse the command line, run the command, turn the outcome into an exit code.
use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = mianba::cli::Cli::parse();
    let lang = mianba::i18n::Lang::detect(cli.global.lang);
    match mianba::commands::run(cli) {
        Ok(code) => code,
        Err(err) => {
            // Errors quote paths and file contents; whatever a message carries, no control
            // character reaches the terminal (each error is one sentence, so one line).
            eprintln!(
                "mianba: {}",
                mianba::text::sanitize_line(&err.message(lang))
            );
            ExitCode::from(err.exit_code())
        }
    }
}
