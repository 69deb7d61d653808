//! Reading the bundle files a class report covers: each file given, and the `*.json` directly
//! inside each folder given, each read (`bundle::read_bundle`) and checked (`bundle::verify`
//! against the set, else `bundle::verify_integrity`). Unreadable files, and entries of a
//! folder that are not regular files, become one-sentence errors, stripped of control characters.

use std::path::PathBuf;

use super::bundle::{read_bundle, verify, verify_integrity};
use super::class::Submission;
use super::rescore::Rescorer;
use super::set::Set;
use crate::bank::BankSet;
use crate::i18n::{Lang, fill};
use crate::text::sanitize_line;

/// The readable submissions and the errors of the others, in file-name order per folder.
/// With a set, every answer is rescored with the set's rubric (`rescore`): the submissions
/// carry the tutor's scores, and a stored score that differs is flagged.
pub fn read_submissions(
    paths: &[PathBuf],
    set: Option<(&Set, &BankSet)>,
    lang: Lang,
) -> (Vec<Submission>, Vec<String>) {
    let (files, mut errors) = bundle_files(paths, lang);
    let mut rescorer = set.map(|(s, banks)| Rescorer::new(s, banks));
    let mut subs = Vec::with_capacity(files.len());
    for file in files {
        match read_bundle(&file) {
            Ok(mut bundle) => {
                let mut flags = match set {
                    Some((s, _)) => verify(&bundle, s),
                    None => verify_integrity(&bundle),
                };
                if let Some(r) = &mut rescorer {
                    flags.extend(r.rescore(&mut bundle, true));
                }
                subs.push(Submission {
                    file: file.display().to_string(),
                    bundle,
                    flags,
                });
            }
            Err(e) => errors.push(sanitize_line(&e.message(lang))),
        }
    }
    (subs, errors)
}

/// The files named and the `*.json` directly inside each folder named, with a sentence for
/// each entry that cannot be read, in `lang`.
pub fn bundle_files(paths: &[PathBuf], lang: Lang) -> (Vec<PathBuf>, Vec<String>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for p in paths {
        if !p.is_dir() {
            files.push(p.clone());
            continue;
        }
        // A FIFO, device link or unreadable entry named *.json is said, never passed over.
        match crate::files::scan_folder(p, "json", lang) {
            Ok((found, skipped)) => {
                files.extend(found);
                errors.extend(skipped);
            }
            Err(e) => errors.push(sanitize_line(&fill(
                lang.ui().bundle_err_folder,
                &[("path", &p.display()), ("why", &e)],
            ))),
        }
    }
    (files, errors)
}
