//! Result bundles as papers to grade by hand (`mianba class grade`): each read and checked
//! before grading starts, and written back whole after each grade.

use std::path::{Path, PathBuf};

use crate::bank::BankSet;
use crate::i18n::{Ui, fill};
use crate::text::sanitize_line;
use crate::tutor::Set;
use crate::tutor::bundle::{Bundle, Flag, read_bundle, verify, verify_integrity};
use crate::tutor::grade_drafts::GradeDraft;
use crate::tutor::rescore::Rescorer;
use crate::tutor::submissions::bundle_files;

/// One bundle file: where it came from, where the graded copy goes, what its checks found.
pub struct Paper {
    pub path: PathBuf,
    /// Written (atomically) after each grade: the bundle itself, or its copy in `--out DIR`.
    pub out: PathBuf,
    pub bundle: Bundle,
    /// From `tutor::bundle::verify` (or `verify_integrity` without a set): shown on every
    /// screen of this paper, never silently accepted.
    pub flags: Vec<Flag>,
    /// Grades begun and not recorded yet (`grade_drafts`), kept beside `out`.
    pub drafts: Vec<GradeDraft>,
}

/// Why no paper can be graded; each says why in the UI language.
#[derive(Debug)]
pub enum PapersError {
    /// Two bundles would be saved as the same file (a usage error).
    SameFile(String),
    /// A paper's file cannot be replaced (a link, a device: bad input).
    Target(String),
    /// No bundle could be read; `skipped` says why for each file.
    NoneReadable {
        message: String,
        skipped: Vec<String>,
    },
}

impl std::fmt::Display for PapersError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PapersError::SameFile(m)
            | PapersError::Target(m)
            | PapersError::NoneReadable { message: m, .. } => f.write_str(m),
        }
    }
}

impl std::error::Error for PapersError {}

/// Reads every bundle (files, or the `*.json` in folders) and checks it: against `set` when
/// given — each answer rescored with the set's rubric, a differing stored score flagged (the
/// paper itself is saved as the candidate sent it) — else its own digests and version. A file
/// that cannot be read, or has no answer, is returned in the second list ("file: reason") and
/// the others are graded; a paper that could not be saved stops here, before the terminal is
/// touched.
pub fn read(
    bundles: &[PathBuf],
    set: Option<(&Set, &BankSet)>,
    out: Option<&Path>,
    ui: &Ui,
) -> Result<(Vec<Paper>, Vec<String>), PapersError> {
    let (files, mut skipped) = bundle_files(bundles, ui.lang);
    let mut papers: Vec<Paper> = Vec::with_capacity(files.len());
    let mut rescorer = set.map(|(s, banks)| Rescorer::new(s, banks));
    for path in files {
        let mut bundle = match read_bundle(&path) {
            Ok(b) => b,
            Err(e) => {
                skipped.push(sanitize_line(&e.message(ui.lang)));
                continue;
            }
        };
        if bundle.content.answers.is_empty() {
            skipped.push(sanitize_line(&fill(
                ui.err_bundle_no_answers,
                &[("file", &path.display())],
            )));
            continue;
        }
        let mut flags = match set {
            Some((s, _)) => verify(&bundle, s),
            None => verify_integrity(&bundle),
        };
        if let Some(r) = &mut rescorer {
            flags.extend(r.rescore(&mut bundle, false));
        }
        let out = match (out, path.file_name()) {
            (Some(dir), Some(name)) => dir.join(name),
            _ => path.clone(),
        };
        // Grading saves over the paper again and again, so replacing it is the point; a link
        // or a device in its place is refused now, before any grading is done.
        crate::files::check_target(&out, &SAVE_RULES)
            .map_err(|e| PapersError::Target(e.message(ui.lang)))?;
        if papers.iter().any(|p| p.out == out) {
            return Err(PapersError::SameFile(sanitize_line(&fill(
                ui.err_two_bundles_one_file,
                &[("file", &out.display())],
            ))));
        }
        papers.push(Paper {
            drafts: super::grade_drafts::read(&out),
            path,
            out,
            bundle,
            flags,
        });
    }
    if papers.is_empty() {
        return Err(PapersError::NoneReadable {
            message: ui.err_no_bundles.into(),
            skipped,
        });
    }
    Ok((papers, skipped))
}

/// A paper replaces its own file (or its copy in `--out`), never a link or device.
const SAVE_RULES: crate::files::WriteRules<'static> = crate::files::WriteRules {
    replace: true,
    keep: &[],
};

/// Write a paper through `files::write_file`, so the file on disk is always a whole bundle.
pub fn save(paper: &Paper) -> std::result::Result<(), crate::files::WriteError> {
    write_beside(&paper.out, paper.bundle.to_json().as_bytes())
}

/// Keep the paper's unfinished grades (`grade_drafts`) beside it, or remove them when none
/// is left.
pub fn save_drafts(paper: &Paper) -> std::result::Result<(), crate::files::WriteError> {
    super::grade_drafts::write(&paper.out, &paper.drafts)
}

/// Writes `bytes` to `path` as a paper is written (its folder made first, `SAVE_RULES`).
pub(super) fn write_beside(
    path: &Path,
    bytes: &[u8],
) -> std::result::Result<(), crate::files::WriteError> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|source| crate::files::WriteError::Io {
            path: path.to_path_buf(),
            source,
        })?;
    }
    crate::files::write_file(path, bytes, &SAVE_RULES)
}
