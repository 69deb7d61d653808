//! Result bundles: one JSON file a candidate sends back after a set — who, which set (id and
//! checksum), the app version, and per question the answer, scorecard, seconds, attempt and
//! follow-ups. `digest` is SHA-256 over the canonical JSON of `content`; hand grades travel in
//! `grades`, outside the digested content, each with its own digest (`crate::tutor::grading`),
//! so grading a bundle never breaks the candidate's digest.
//!
//! Bundles are untrusted: size-limited, parsed with serde_json's nesting limit, and checked by
//! `verify`, which flags (never silently accepts) edits, another set, a changed set or an
//! unknown version.

use std::path::Path;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::digest::digest_of;
use super::grading::{Grade, grade_digest};
use super::set::Set;
use crate::files::{ReadCapped, read_capped};
use crate::i18n::{Lang, fill};
use crate::scoring::Scorecard;

/// The `format` field every bundle carries.
pub const FORMAT: &str = "mianba-result-bundle";
/// The bundle layout this mianba writes and reads.
pub const VERSION: u32 = 1;
/// A bundle holds a few dozen answers; anything larger is refused unread.
pub const MAX_BUNDLE_BYTES: u64 = 8 * 1024 * 1024;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Bundle {
    pub format: String,
    pub version: u32,
    pub content: BundleContent,
    /// SHA-256 (hex) of the canonical JSON of `content`.
    pub digest: String,
    /// Hand grades added by tutors; not part of the digested content.
    #[serde(default)]
    pub grades: Vec<Grade>,
    /// The digest of `content` exactly as read from the file (so fields this mianba would not
    /// write back still count); `None` for a bundle built in memory.
    #[serde(skip)]
    pub read_digest: Option<String>,
}

/// What the candidate's digest covers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BundleContent {
    /// The mianba version that wrote the bundle.
    pub app_version: String,
    pub candidate: String,
    pub set_id: String,
    pub set_title: String,
    pub set_checksum: String,
    /// The store's stable id of the session, so the candidate's own mianba can attach grades.
    pub session_uid: Option<String>,
    pub started_at: i64,
    /// When the last answer was given (Unix seconds): what "late" is judged by.
    pub submitted_at: i64,
    pub answers: Vec<BundleAnswer>,
}

/// The last attempt at one question of the set.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BundleAnswer {
    /// Full question id, `bank/question`.
    pub question: String,
    pub prompt: String,
    pub answer_text: String,
    pub seconds_used: u32,
    pub attempt: u32,
    pub scorecard: Scorecard,
    #[serde(default)]
    pub followups: Vec<BundleFollowup>,
}

impl BundleAnswer {
    /// The question as a person reads it (the first line of its prompt, else its id).
    pub fn title(&self) -> String {
        crate::text::question_label_or_id(&self.prompt, &self.question)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BundleFollowup {
    /// Its index in the question's `followups`.
    pub index: usize,
    pub prompt: String,
    pub answer_text: String,
    pub seconds_used: u32,
    pub scorecard: Scorecard,
}

/// Why a bundle file cannot be read at all: one sentence naming the file and the fix, in
/// the UI language (`message`; `Display` is the English one).
#[derive(Debug)]
pub enum BundleError {
    Unreadable {
        file: String,
        reason: String,
    },
    /// A FIFO, device or folder: `files::not_a_file`'s sentence.
    NotAFile {
        path: std::path::PathBuf,
        kind: crate::files::Kind,
    },
    TooLarge {
        file: String,
        size: u64,
    },
    NotText {
        file: String,
    },
    Invalid {
        file: String,
        reason: String,
    },
    UnknownLayout {
        file: String,
        found: u32,
    },
}

impl BundleError {
    pub fn message(&self, lang: Lang) -> String {
        let ui = lang.ui();
        match self {
            BundleError::Unreadable { file, reason } => fill(
                ui.bundle_err_unreadable,
                &[("file", file), ("reason", reason)],
            ),
            BundleError::NotAFile { path, kind } => crate::files::not_a_file(path, *kind, lang),
            BundleError::TooLarge { file, size } => {
                fill(ui.bundle_err_too_large, &[("file", file), ("size", size)])
            }
            BundleError::NotText { file } => fill(ui.bundle_err_not_text, &[("file", file)]),
            BundleError::Invalid { file, reason } => {
                fill(ui.bundle_err_invalid, &[("file", file), ("reason", reason)])
            }
            BundleError::UnknownLayout { file, found } => fill(
                ui.bundle_err_layout,
                &[("file", file), ("found", found), ("known", &VERSION)],
            ),
        }
    }
}

impl std::fmt::Display for BundleError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for BundleError {}

/// Something wrong with a readable bundle: shown in the class report, never silently accepted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Flag {
    /// The content does not match its digest: edited after export.
    Edited,
    /// The bundle answers another set.
    OtherSet { expected: String, found: String },
    /// Same set id, other checksum: the set (or a bank it uses) changed since.
    SetChanged,
    /// Written by a mianba this one does not know (newer, or not a version at all).
    UnknownVersion { version: String },
    /// A grade that does not match its own digest (edited, or moved from another bundle).
    GradeEdited { grader: String, question: String },
    /// An answer to a question that is not in the set.
    UnknownQuestion { question: String },
    /// The stored automatic total differs from the tutor's rescoring of the answer text
    /// (`tutor::rescore`): edited, or scored by another mianba version.
    ScoreEdited {
        question: String,
        claimed: u8,
        rescored: u8,
    },
}

impl Flag {
    /// Why the bundle is flagged, in `lang` (`Display` is the English, as the JSON has it).
    pub fn message(&self, lang: Lang) -> String {
        let ui = lang.ui();
        match self {
            Flag::Edited => ui.flag_edited.to_string(),
            Flag::OtherSet { expected, found } => fill(
                ui.flag_other_set,
                &[("found", found), ("expected", expected)],
            ),
            Flag::SetChanged => ui.flag_set_changed.to_string(),
            Flag::UnknownVersion { version } => {
                fill(ui.flag_unknown_version, &[("version", version)])
            }
            Flag::GradeEdited { grader, question } => fill(
                ui.flag_grade_edited,
                &[("grader", grader), ("question", question)],
            ),
            Flag::UnknownQuestion { question } => {
                fill(ui.flag_unknown_question, &[("question", question)])
            }
            Flag::ScoreEdited {
                question,
                claimed,
                rescored,
            } => fill(
                ui.flag_score_edited,
                &[
                    ("question", question),
                    ("claimed", claimed),
                    ("rescored", rescored),
                ],
            ),
        }
    }
}

impl std::fmt::Display for Flag {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl Bundle {
    /// A bundle of `content`, digested.
    pub fn new(content: BundleContent) -> Bundle {
        let digest = content_digest(&content);
        Bundle {
            format: FORMAT.to_string(),
            version: VERSION,
            content,
            digest,
            grades: Vec::new(),
            read_digest: None,
        }
    }

    /// The digest the content has now (as read, for a bundle read from a file).
    pub fn actual_digest(&self) -> String {
        self.read_digest
            .clone()
            .unwrap_or_else(|| content_digest(&self.content))
    }

    /// The answer to a question, by full id.
    pub fn answer(&self, question: &str) -> Option<&BundleAnswer> {
        self.content.answers.iter().find(|a| a.question == question)
    }

    /// Pretty JSON, as written to disk.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}

/// SHA-256 of the canonical JSON of the content.
pub fn content_digest(content: &BundleContent) -> String {
    serde_json::to_value(content)
        .map(|v| digest_of(&v))
        .unwrap_or_default()
}

/// Reads a bundle (or a graded copy) from a file.
pub fn read_bundle(path: &Path) -> Result<Bundle, BundleError> {
    let file = path.display().to_string();
    let unreadable = |e: std::io::Error| BundleError::Unreadable {
        file: file.clone(),
        reason: e.kind().to_string(),
    };
    let meta = std::fs::metadata(path).map_err(unreadable)?;
    if meta.is_dir() {
        return Err(BundleError::Unreadable {
            file,
            reason: "it is a folder".into(),
        });
    }
    let bytes = match read_capped(path, MAX_BUNDLE_BYTES) {
        Ok(bytes) => bytes,
        Err(ReadCapped::Io(e)) => return Err(unreadable(e)),
        Err(ReadCapped::TooLarge(size)) => return Err(BundleError::TooLarge { file, size }),
        Err(ReadCapped::NotAFile(kind)) => {
            return Err(BundleError::NotAFile {
                path: path.to_path_buf(),
                kind,
            });
        }
    };
    parse_bundle(&bytes, &file)
}

/// Parses bundle bytes; `file` names it in errors.
pub fn parse_bundle(bytes: &[u8], file: &str) -> Result<Bundle, BundleError> {
    let text = std::str::from_utf8(bytes).map_err(|_| BundleError::NotText {
        file: file.to_string(),
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let invalid = |reason: String| BundleError::Invalid {
        file: file.to_string(),
        reason: crate::text::sanitize_line(&reason),
    };
    // serde_json refuses nesting deeper than 128 levels with an error, not a stack overflow.
    let value: Value = serde_json::from_str(text).map_err(|e| invalid(e.to_string()))?;
    if value.get("format").and_then(Value::as_str) != Some(FORMAT) {
        return Err(invalid(format!("no \"format\": \"{FORMAT}\"")));
    }
    match value.get("version").and_then(Value::as_u64) {
        Some(v) if v == u64::from(VERSION) => {}
        Some(v) => {
            return Err(BundleError::UnknownLayout {
                file: file.to_string(),
                found: u32::try_from(v).unwrap_or(u32::MAX),
            });
        }
        None => return Err(invalid("no layout \"version\"".into())),
    }
    let read_digest = value.get("content").map(digest_of);
    let mut bundle: Bundle = serde_json::from_value(value).map_err(|e| invalid(e.to_string()))?;
    check_ranges(&bundle).map_err(invalid)?;
    bundle.read_digest = read_digest;
    Ok(bundle)
}

/// Latest time a bundle may carry (2100-01-01): later is no real submission.
const LAST_TIME: i64 = 4_102_444_800;
/// Longest a single answer may take (a day): more is no real sitting.
const MAX_SECONDS: u32 = 86_400;

/// Values a mianba never writes are refused, not counted: scores over 100, hand points over a
/// dimension's maximum, times before 1970 or after 2100, a submission before its start.
fn check_ranges(b: &Bundle) -> Result<(), String> {
    let c = &b.content;
    for (what, at) in [
        ("started_at", c.started_at),
        ("submitted_at", c.submitted_at),
    ] {
        if !(0..=LAST_TIME).contains(&at) {
            return Err(format!("{what} {at} is not a time between 1970 and 2100"));
        }
    }
    if c.submitted_at < c.started_at {
        return Err("submitted_at is before started_at".into());
    }
    let card = |question: &str, card: &crate::scoring::Scorecard, seconds: u32| {
        for (what, v) in [
            ("total", card.total),
            ("content", card.content),
            ("structure", card.structure),
            ("delivery", card.delivery),
        ] {
            if v > 100 {
                return Err(format!(
                    "the answer to {question} has a {what} score of {v}; scores are 0 to 100"
                ));
            }
        }
        if seconds > MAX_SECONDS {
            return Err(format!(
                "the answer to {question} took {seconds} seconds, more than a day"
            ));
        }
        Ok(())
    };
    for a in &c.answers {
        card(&a.question, &a.scorecard, a.seconds_used)?;
        for f in &a.followups {
            card(&a.question, &f.scorecard, f.seconds_used)?;
        }
    }
    for g in &b.grades {
        if g.overall > 100 {
            return Err(format!(
                "the grade by {} on {} has an overall of {}; it is 0 to 100",
                g.grader, g.question, g.overall
            ));
        }
        if let Some((d, p)) = g.scores.iter().find(|(d, p)| **p > d.max_points()) {
            return Err(format!(
                "the grade by {} on {} gives {} {p} points, over its maximum {}",
                g.grader,
                g.question,
                d.name_en(),
                d.max_points()
            ));
        }
        if !(0..=LAST_TIME).contains(&g.graded_at) {
            return Err(format!(
                "the grade by {} on {} has graded_at {}, not a time between 1970 and 2100",
                g.grader, g.question, g.graded_at
            ));
        }
    }
    Ok(())
}

/// Checks that need no set: the content digest, the version, each grade's digest.
pub fn verify_integrity(b: &Bundle) -> Vec<Flag> {
    let mut flags = Vec::new();
    let actual = b.actual_digest();
    if actual != b.digest {
        flags.push(Flag::Edited);
    }
    if !known_version(&b.content.app_version) {
        flags.push(Flag::UnknownVersion {
            version: crate::text::sanitize_line(&b.content.app_version),
        });
    }
    for g in &b.grades {
        if g.digest != grade_digest(&b.digest, g) {
            flags.push(Flag::GradeEdited {
                grader: crate::text::sanitize_line(&g.grader),
                question: crate::text::sanitize_line(&g.question),
            });
        }
    }
    flags
}

/// Every check: integrity, then that the bundle answers this very set.
pub fn verify(b: &Bundle, set: &Set) -> Vec<Flag> {
    let mut flags = verify_integrity(b);
    if b.content.set_id != set.id {
        flags.push(Flag::OtherSet {
            expected: set.id.clone(),
            found: crate::text::sanitize_line(&b.content.set_id),
        });
    } else if b.content.set_checksum != set.checksum {
        flags.push(Flag::SetChanged);
    }
    let ids: Vec<String> = set.questions.iter().map(|q| q.full_id()).collect();
    for a in &b.content.answers {
        if !ids.contains(&a.question) {
            flags.push(Flag::UnknownQuestion {
                question: crate::text::sanitize_line(&a.question),
            });
        }
    }
    flags
}

/// A version this mianba knows: `MAJOR.MINOR.PATCH`, not newer than its own.
fn known_version(v: &str) -> bool {
    let parse = |s: &str| -> Option<(u64, u64, u64)> {
        let mut it = s.split('.').map(|p| p.parse::<u64>().ok());
        let v = (it.next()??, it.next()??, it.next()??);
        it.next().is_none().then_some(v)
    };
    match (parse(v), parse(env!("CARGO_PKG_VERSION"))) {
        (Some(found), Some(ours)) => found <= ours,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_up_to_ours_are_known() {
        assert!(known_version(env!("CARGO_PKG_VERSION")));
        assert!(known_version("0.0.1"));
        assert!(!known_version("99.0.0"));
        assert!(!known_version("1.2"));
        assert!(!known_version("1.2.3.4"));
        assert!(!known_version("x"));
    }
}
