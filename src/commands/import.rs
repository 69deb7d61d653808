//! `mianba banks import FILE.csv|FILE.tsv --id BANK`: a spreadsheet of questions becomes a
//! bank file (`tutor::import`), written only when the bank loader accepts it.

use std::process::ExitCode;

use crate::bank::Language;
use crate::cli::ImportArgs;
use crate::error::{Error, Result};
use crate::text::sanitize_line;
use crate::tutor::import::{ImportOptions, import_file};

pub fn run(args: &ImportArgs) -> Result<ExitCode> {
    let out = args
        .out
        .clone()
        .unwrap_or_else(|| args.file.with_extension("toml"));
    if out.exists() {
        return Err(Error::BadInput(sanitize_line(&format!(
            "{} already exists; choose another --out or remove it first",
            out.display()
        ))));
    }
    let opts = ImportOptions {
        id: args.id.clone(),
        title: args.title.clone().unwrap_or_else(|| args.id.clone()),
        language: if args.language == "en" {
            Language::En
        } else {
            Language::Zh
        },
    };
    match import_file(&args.file, &out, &opts) {
        Ok(toml) => {
            std::fs::write(&out, toml).map_err(|source| Error::Read {
                path: out.clone(),
                source,
            })?;
            eprintln!(
                "{}: bank `{}` written",
                sanitize_line(&out.display().to_string()),
                opts.id
            );
            Ok(ExitCode::SUCCESS)
        }
        Err(problems) => {
            super::history::emit_lines(&problems)?;
            Ok(ExitCode::FAILURE)
        }
    }
}
