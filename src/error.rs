//! Errors that reach the user. Each is one clear sentence naming the file and the fix, in the
//! UI language (`message`; `Display` is the English one); the variant decides the exit code
//! (1 bad input, 2 wrong usage).

use std::fmt;
use std::path::PathBuf;

use crate::files::io_message;
use crate::i18n::{Lang, fill};
use crate::session::PlanError;
use crate::store::StoreError;
use crate::tutor::papers::PapersError;
use crate::tutor::set::InvalidSet;

#[derive(Debug)]
pub enum Error {
    /// A bank, set, answer file or session that cannot be read or is invalid; the message is
    /// already in the UI language.
    BadInput(String),
    /// A file that cannot be read.
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    /// A file that cannot be written.
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
    /// The store, or a backup, cannot be used.
    Store(StoreError),
    /// The questions asked for cannot be drawn.
    Plan(PlanError),
    /// A set file with problems: the first, and how many more.
    InvalidSet {
        path: PathBuf,
        first: Option<crate::bank::Problem>,
        more: usize,
    },
    /// Wrong usage that clap could not catch (e.g. an unknown question id format).
    Usage(String),
    Other(anyhow::Error),
}

impl Error {
    pub fn exit_code(&self) -> u8 {
        match self {
            Error::Usage(_) => 2,
            _ => 1,
        }
    }

    /// The message in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            Error::BadInput(m) | Error::Usage(m) => m.clone(),
            Error::Read { path, source } => io_message(lang, path, source, false),
            Error::Write { path, source } => io_message(lang, path, source, true),
            Error::Store(e) => e.message(lang),
            Error::Plan(e) => e.message(lang),
            Error::InvalidSet { path, first, more } => {
                let ui = lang.ui();
                let more = match more {
                    0 => String::new(),
                    n => fill(ui.err_and_more, &[("n", n)]),
                };
                let first = first.as_ref().map(|p| p.in_lang(lang)).unwrap_or_default();
                fill(
                    ui.err_set_invalid,
                    &[
                        ("path", &path.display()),
                        ("first", &first),
                        ("more", &more),
                    ],
                )
            }
            Error::Other(e) => e.to_string(),
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Read { source, .. } | Error::Write { source, .. } => Some(source),
            Error::Store(e) => Some(e),
            Error::Plan(e) => Some(e),
            _ => None,
        }
    }
}

/// Plan errors are bad input (exit code 1).
impl From<PlanError> for Error {
    fn from(e: PlanError) -> Self {
        Error::Plan(e)
    }
}

/// Store errors reach the user as bad input (exit code 1).
impl From<StoreError> for Error {
    fn from(e: StoreError) -> Self {
        Error::Store(e)
    }
}

/// A set that failed validation is bad input (exit code 1).
impl From<InvalidSet> for Error {
    fn from(e: InvalidSet) -> Self {
        Error::InvalidSet {
            path: e.path,
            first: e.first,
            more: e.more,
        }
    }
}

/// Papers that cannot be graded: two on one file is a usage error (exit code 2), the rest
/// bad input (exit code 1).
impl From<PapersError> for Error {
    fn from(e: PapersError) -> Self {
        match e {
            PapersError::SameFile(m) => Error::Usage(m),
            PapersError::Target(m) | PapersError::NoneReadable { message: m, .. } => {
                Error::BadInput(m)
            }
        }
    }
}

impl From<anyhow::Error> for Error {
    fn from(e: anyhow::Error) -> Self {
        Error::Other(e)
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
