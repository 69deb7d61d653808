//! `mianba class report`: reads result bundles (files, or folders of `*.json`), checks each
//! (`tutor::bundle::verify`), and prints the class report as markdown, CSV or JSON. A file
//! that cannot be read is reported on stderr and makes the exit code 1, after the report.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::cli::{Global, ReportFormat};
use crate::error::{Error, Result};
use crate::text::sanitize_line;
use crate::tutor::bundle::{read_bundle, verify, verify_integrity};
use crate::tutor::class::{Submission, report};

/// A roster is a short list of names.
const MAX_ROSTER_BYTES: u64 = 256 * 1024;

pub fn run(
    global: &Global,
    paths: &[PathBuf],
    set: Option<&Path>,
    roster: Option<&Path>,
    format: ReportFormat,
) -> Result<ExitCode> {
    let set = match set {
        Some(p) => Some(super::set::load(p, &super::set::banks(global))?),
        None => None,
    };
    let roster = roster.map(read_roster).transpose()?;
    let (files, mut errors) = bundle_files(paths);
    let mut subs = Vec::new();
    for file in files {
        match read_bundle(&file) {
            Ok(bundle) => {
                let flags = match &set {
                    Some(s) => verify(&bundle, s),
                    None => verify_integrity(&bundle),
                };
                subs.push(Submission {
                    file: file.display().to_string(),
                    bundle,
                    flags,
                });
            }
            Err(e) => errors.push(sanitize_line(&e.to_string())),
        }
    }
    if subs.is_empty() {
        for e in &errors {
            eprintln!("{e}");
        }
        return Err(Error::BadInput(
            "no readable result bundle was given; pass the .json files `mianba set export` wrote, or their folder".into(),
        ));
    }
    let r = report(subs, set.as_ref(), roster.as_deref());
    let text = match format {
        ReportFormat::Md => r.to_markdown(),
        ReportFormat::Csv => r.to_csv(),
        ReportFormat::Json => r.to_json(),
    };
    print!("{text}");
    for e in &errors {
        eprintln!("{e}");
    }
    Ok(if errors.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

/// The files to read: each file given, and the `*.json` directly inside each folder given.
fn bundle_files(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<String>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for p in paths {
        if p.is_dir() {
            match std::fs::read_dir(p) {
                Ok(entries) => {
                    let mut found: Vec<PathBuf> = entries
                        .filter_map(|e| e.ok().map(|e| e.path()))
                        .filter(|f| f.is_file() && f.extension().is_some_and(|x| x == "json"))
                        .collect();
                    found.sort();
                    files.extend(found);
                }
                Err(e) => errors.push(sanitize_line(&format!(
                    "cannot read folder {} ({e}); check its permissions",
                    p.display()
                ))),
            }
        } else {
            files.push(p.clone());
        }
    }
    (files, errors)
}

fn read_roster(path: &Path) -> Result<Vec<String>> {
    let shown = sanitize_line(&path.display().to_string());
    let meta = std::fs::metadata(path).map_err(|source| Error::Read {
        path: path.to_path_buf(),
        source,
    })?;
    if meta.len() > MAX_ROSTER_BYTES {
        return Err(Error::BadInput(format!(
            "roster {shown} is over 256 KiB; it should list one candidate name a line"
        )));
    }
    let bytes = std::fs::read(path).map_err(|source| Error::Read {
        path: path.to_path_buf(),
        source,
    })?;
    let text = String::from_utf8(bytes).map_err(|_| {
        Error::BadInput(format!("roster {shown} is not UTF-8 text; save it as UTF-8"))
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    Ok(text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(String::from)
        .collect())
}
