//! Grades not finished yet. A grade is recorded only once every dimension is scored (or an
//! overall is typed), but a grader may write the comment first: what was typed is kept in a
//! draft file beside the graded paper (`PAPER.json.draft`, not a `*.json` that `class report`
//! would read) until the grade is recorded, so leaving the app or the answer loses no text.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::grading::Dimension;
use crate::files::{WriteError, read_capped};

/// The `format` of a draft file.
pub const FORMAT: &str = "mianba-grade-drafts";
/// A draft file holds a few comments; anything larger is not one.
const MAX_BYTES: u64 = 4 * 1024 * 1024;

/// One grader's unfinished grade of one answer, as far as it was given.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GradeDraft {
    pub grader: String,
    /// Full question id, as in the bundle's grades.
    pub question: String,
    /// The dimensions scored so far.
    pub scores: BTreeMap<Dimension, u8>,
    pub overall: Option<u8>,
    pub comment: String,
}

#[derive(Serialize, Deserialize)]
struct DraftFile {
    format: String,
    drafts: Vec<GradeDraft>,
}

/// Where the drafts of the paper saved to `out` are kept.
pub fn path_for(out: &Path) -> PathBuf {
    let mut name = out.as_os_str().to_owned();
    name.push(".draft");
    PathBuf::from(name)
}

/// The drafts kept for the paper saved to `out`; none when there is no draft file, or one
/// that is not a draft file (a draft is a convenience: it never stops grading).
pub fn read(out: &Path) -> Vec<GradeDraft> {
    read_capped(&path_for(out), MAX_BYTES)
        .ok()
        .and_then(|bytes| serde_json::from_slice::<DraftFile>(&bytes).ok())
        .filter(|f| f.format == FORMAT)
        .map_or_else(Vec::new, |f| f.drafts)
}

/// Keeps `drafts` for the paper saved to `out` (through the same safe write as the paper),
/// or removes the draft file when there are none left.
pub fn write(out: &Path, drafts: &[GradeDraft]) -> Result<(), WriteError> {
    let path = path_for(out);
    if drafts.is_empty() {
        return match std::fs::remove_file(&path) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
                Err(WriteError::Io { path, source: e })
            }
            _ => Ok(()),
        };
    }
    let file = DraftFile {
        format: FORMAT.into(),
        drafts: drafts.to_vec(),
    };
    let json = serde_json::to_vec_pretty(&file).unwrap_or_default();
    super::papers::write_beside(&path, &json)
}
