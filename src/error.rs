//! Errors that reach the user. Each is one clear sentence naming the file and the fix;
//! the variant decides the exit code of `shared/design/cli.md` (1 bad input, 2 wrong usage).

use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A bank, set, answer file or session that cannot be read or is invalid.
    #[error("{0}")]
    BadInput(String),
    /// A file that cannot be read.
    #[error("cannot read {}: {source}; check the path and its permissions", path.display())]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    /// Wrong usage that clap could not catch (e.g. an unknown question id format).
    #[error("{0}")]
    Usage(String),
    #[error(transparent)]
    Other(#[from] anyhow::Error),
}

impl Error {
    pub fn exit_code(&self) -> u8 {
        match self {
            Error::Usage(_) => 2,
            _ => 1,
        }
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
