//! `mianba class report`: reads result bundles (files, or folders of `*.json`), checks each
//! (`tutor::bundle::verify`), and prints the class report as markdown, CSV or JSON, or writes
//! it (those, or an xlsx workbook) to `--out` through `files::write_file`. A file
//! that cannot be read, or a flagged bundle (edited, another set, …), is reported on stderr
//! and makes the exit code 1, after the report.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::cli::{ClassReportArgs, Global, ReportFormat};
use crate::error::{Error, Result};
use crate::files::{Kept, KeptAs, ReadCapped, WriteRules, check_target, read_capped, write_file};
use crate::i18n::{Lang, Ui, fill};
use crate::text::sanitize_line;
use crate::tutor::class::{report, set_ids};
use crate::tutor::papers::PapersError;
use crate::tutor::submissions::read_submissions;
use crate::tutor::workbook::to_xlsx;

use super::set::write_error;

/// A roster is a short list of names.
const MAX_ROSTER_BYTES: u64 = 256 * 1024;

pub fn run(global: &Global, args: &ClassReportArgs) -> Result<ExitCode> {
    let ui = Lang::detect(global.lang).ui();
    // Refused before any bundle is read: a workbook is bytes, not text for a terminal.
    if args.format == ReportFormat::Xlsx && args.out.is_none() {
        return Err(Error::Usage(ui.err_xlsx_needs_out.into()));
    }
    let mut inputs: Vec<Kept<'_>> = args
        .paths
        .iter()
        .map(|p| (p.as_path(), KeptAs::Bundle))
        .collect();
    inputs.extend(args.set.as_deref().map(|p| (p, KeptAs::SetFile)));
    inputs.extend(args.roster.as_deref().map(|p| (p, KeptAs::Roster)));
    let rules = WriteRules {
        replace: args.force,
        keep: &inputs,
    };
    if let Some(out) = &args.out {
        check_target(out, &rules).map_err(|e| write_error(&e, ui))?;
    }
    let banks = super::set::banks(global);
    let set = match &args.set {
        Some(p) => Some(super::set::load(p, &banks)?),
        None => None,
    };
    let roster = args
        .roster
        .as_deref()
        .map(|r| read_roster(r, ui))
        .transpose()?;
    let (subs, mut errors) =
        read_submissions(&args.paths, set.as_ref().map(|s| (s, &banks)), ui.lang);
    if subs.is_empty() {
        for e in &errors {
            eprintln!("{e}");
        }
        return Err(Error::BadInput(ui.err_no_bundles.into()));
    }
    // Without a set there is nothing to tell one set's questions from another's: never mix.
    let sets = set_ids(&subs);
    if set.is_none() && sets.len() > 1 {
        for e in &errors {
            eprintln!("{e}");
        }
        let named: Vec<String> = sets.iter().map(|s| format!("`{s}`")).collect();
        return Err(Error::BadInput(sanitize_line(&fill(
            ui.class_err_sets,
            &[("n", &sets.len()), ("sets", &named.join(ui.list_sep))],
        ))));
    }
    if set.is_none() {
        // A note, not a failure: the report is what the tutor asked for.
        eprintln!("{}", ui.class_note_no_set);
    }
    let r = report(
        subs,
        set.as_ref(),
        &banks,
        roster.as_deref(),
        args.include_flagged,
    );
    let bytes = match args.format {
        ReportFormat::Md => r.to_markdown(ui.lang).into_bytes(),
        // Without a BOM, Excel on Chinese Windows reads UTF-8 as GBK: the names turn to mojibake.
        ReportFormat::Csv if !args.no_bom => format!("\u{feff}{}", r.to_csv(ui.lang)).into_bytes(),
        ReportFormat::Csv => r.to_csv(ui.lang).into_bytes(),
        ReportFormat::Json => r.to_json().into_bytes(),
        ReportFormat::Xlsx => {
            to_xlsx(&r, ui.lang).map_err(|e| Error::BadInput(fill(ui.err_xlsx, &[("why", &e)])))?
        }
    };
    match &args.out {
        Some(out) => {
            write_file(out, &bytes, &rules).map_err(|e| write_error(&e, ui))?;
            let file = sanitize_line(&out.display().to_string());
            let n = r.candidates.len();
            println!(
                "{}",
                fill(ui.class_report_written, &[("file", &file), ("n", &n)])
            );
        }
        // Text only: xlsx was refused above without --out.
        None => super::history::emit(&String::from_utf8_lossy(&bytes))?,
    }
    for name in &r.same_name {
        errors.push(fill(ui.class_err_same_name, &[("name", name)]));
    }
    for c in r.candidates.iter().filter(|c| !c.flagged.is_empty()) {
        errors.push(fill(
            ui.class_err_flagged,
            &[
                ("files", &c.files.join(ui.list_sep)),
                ("flags", &c.flag_text(ui.lang)),
            ],
        ));
    }
    for e in &errors {
        eprintln!("{e}");
    }
    Ok(if errors.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

/// `mianba class grade`: the bundles read and checked before the grading app starts.
pub fn grade(
    global: &Global,
    bundles: &[PathBuf],
    grader: &str,
    out: Option<&Path>,
    set: Option<&Path>,
) -> Result<ExitCode> {
    let banks = super::set::banks(global);
    let set = match set {
        Some(p) => Some(super::set::load(p, &banks)?),
        None => None,
    };
    let ui = Lang::detect(global.lang).ui();
    let papers = crate::tutor::papers::read(bundles, set.as_ref().map(|s| (s, &banks)), out, ui)
        .map_err(|e| {
            // Why each file was passed over, before the error that ends the command.
            if let PapersError::NoneReadable { skipped, .. } = &e {
                for s in skipped {
                    eprintln!("{s}");
                }
            }
            Error::from(e)
        })?;
    crate::tui::grading::run(global.lang, grader, papers)
}

fn read_roster(path: &Path, ui: &Ui) -> Result<Vec<String>> {
    let shown = sanitize_line(&path.display().to_string());
    let bytes = read_capped(path, MAX_ROSTER_BYTES).map_err(|e| match e {
        ReadCapped::Io(source) => Error::Read {
            path: path.to_path_buf(),
            source,
        },
        ReadCapped::NotAFile(kind) => {
            Error::BadInput(crate::files::not_a_file(path, kind, ui.lang))
        }
        ReadCapped::TooLarge(_) => Error::BadInput(fill(ui.err_roster_large, &[("file", &shown)])),
    })?;
    // Rosters come from Excel as often as question sheets do: same encodings.
    let text = crate::encoding::decode(&bytes).map_err(|e| {
        let line = (e.before.matches('\n').count() + 1).to_string();
        Error::BadInput(fill(
            ui.err_roster_text,
            &[("file", &shown), ("line", &line)],
        ))
    })?;
    Ok(text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(String::from)
        .collect())
}
