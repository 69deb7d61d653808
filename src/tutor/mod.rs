//! Tutors: assignment sets, result bundles, class reports, hand grading and spreadsheet
//! import of questions (`docs/sets.md`). Everything travels as plain files that are treated as
//! untrusted: size limits, no path escapes, control characters stripped before display.

pub mod bundle;
pub mod class;
pub mod digest;
pub mod due;
pub mod grade_drafts;
pub mod grading;
pub mod import;
pub mod inline;
pub mod papers;
pub mod rescore;
pub mod sending;
pub mod set;
pub mod set_files;
pub mod submissions;
pub mod workbook;

pub use set::{Set, load_set};

/// A TOML string literal (quoted and escaped), for the files this module writes.
pub(crate) fn toml_string(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}
