//! `mianba banks import FILE.csv|FILE.tsv --id BANK`: a spreadsheet of questions becomes a
//! bank file (`tutor::import`), written only when the bank loader accepts it.

use std::path::PathBuf;
use std::process::ExitCode;

use crate::bank::Language;
use crate::cli::{Global, ImportArgs};
use crate::error::Result;
use crate::files::{WriteRules, check_target, write_file};
use crate::i18n::{Lang, fill};
use crate::text::sanitize_line;
use crate::tutor::import::{ImportOptions, import_file};

pub fn run(global: &Global, args: &ImportArgs) -> Result<ExitCode> {
    let ui = Lang::detect(global.lang).ui();
    let out = args.out.clone().unwrap_or_else(|| default_out(args));
    let store = super::store_files(global);
    let kept = super::kept(&store, &[(&args.file, crate::files::KeptAs::Spreadsheet)]);
    let rules = WriteRules {
        replace: args.force,
        keep: &kept,
    };
    check_target(&out, &rules).map_err(|e| super::set::write_error(&e, ui))?;
    let opts = ImportOptions {
        id: args.id.clone(),
        title: args.title.clone().unwrap_or_else(|| args.id.clone()),
        language: if args.bank_language == "en" {
            Language::En
        } else {
            Language::Zh
        },
    };
    match import_file(&args.file, &out, &opts) {
        Ok(toml) => {
            write_file(&out, toml.as_bytes(), &rules)
                .map_err(|e| super::set::write_error(&e, ui))?;
            // Always said: without --out the file's name is chosen here.
            eprintln!(
                "{}",
                sanitize_line(&fill(
                    ui.bank_written,
                    &[("file", &out.display()), ("id", &opts.id)]
                ))
            );
            Ok(ExitCode::SUCCESS)
        }
        Err(problems) => {
            super::history::emit_lines(problems.iter().map(|p| p.in_lang(ui.lang)))?;
            Ok(ExitCode::FAILURE)
        }
    }
}

/// `BANK.toml` beside the spreadsheet: the file is named after the bank it holds (an id the
/// importer checks before anything is written), not after the spreadsheet.
fn default_out(args: &ImportArgs) -> PathBuf {
    args.file.with_file_name(format!("{}.toml", args.id))
}
