//! Reading the text files people write (banks, sets, spreadsheets) and finding the bank files
//! in a folder: folders, special files and files over a kind's size limit are refused before
//! anything is read whole.

use std::fs;
use std::path::{Path, PathBuf};

use super::Problem;
use super::problem::Locator;
use crate::files::{ReadCapped, read_capped};
use crate::i18n::Ui;
use crate::message::Message;
use crate::msg;

/// Larger bank files are refused before parsing: a bank is text written by people.
pub const MAX_BANK_BYTES: u64 = 16 * 1024 * 1024;

/// Every `*.toml` below `dir`, sorted. `figures/` folders hold figures, not banks; symbolic
/// links to folders are not followed, so a link loop cannot trap the walk.
pub(crate) fn bank_files_in(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
        for entry in fs::read_dir(dir)? {
            let entry = entry?;
            let path = entry.path();
            if entry.file_type()?.is_dir() {
                if entry.file_name() != "figures" {
                    walk(&path, out)?;
                }
            } else if path.extension().is_some_and(|e| e == "toml") {
                out.push(path);
            }
        }
        Ok(())
    }
    let mut out = Vec::new();
    walk(dir, &mut out)?;
    out.sort();
    Ok(out)
}

/// A kind of text file read with `read_text`: what messages call it, its size limit (written
/// out for people, e.g. "16 MiB") and what to do about a file that is too large or a folder
/// (the words are UI strings, see `crate::message`).
pub(crate) struct TextFile {
    pub what: fn(&Ui) -> &'static str,
    pub max_bytes: u64,
    pub max_shown: &'static str,
    pub too_large_fix: fn(&Ui) -> &'static str,
    pub folder_fix: fn(&Ui) -> &'static str,
}

/// Bank files.
pub(crate) const BANK_FILE: TextFile = TextFile {
    what: |ui| ui.file_bank,
    max_bytes: MAX_BANK_BYTES,
    max_shown: "16 MiB",
    too_large_fix: |ui| ui.fix_split_banks,
    folder_fix: |ui| ui.fix_bank_folder,
};

impl TextFile {
    pub(crate) fn too_large(&self, file: &str, size: u64) -> Problem {
        let message = msg!(
            pr_too_large,
            what = Message::new(self.what),
            size = size,
            max = self.max_bytes,
            shown = self.max_shown,
            fix = Message::new(self.too_large_fix)
        );
        Problem::at_start(file, message)
    }

    /// "is a FIFO, not a regular file; replace it with the bank itself".
    fn not_regular(&self, file: &str, kind: crate::files::Kind) -> Problem {
        let what = Message::new(self.what);
        Problem::at_start(
            file,
            msg!(pr_not_regular, kind = kind.message(), what = what),
        )
    }
}

pub(crate) fn read_bank_text(path: &Path, file: &str) -> Result<String, Problem> {
    read_text(path, file, &BANK_FILE)
}

/// Reads a UTF-8 text file written by people (a bank, a set), refusing folders and files over
/// the kind's limit before reading them whole. A file that is not UTF-8 is reported where the
/// first bad byte is.
pub(crate) fn read_text(path: &Path, file: &str, kind: &TextFile) -> Result<String, Problem> {
    let bytes = read_bytes(path, file, kind)?;
    String::from_utf8(bytes).map_err(|e| {
        let valid = e.utf8_error().valid_up_to();
        let good = String::from_utf8_lossy(e.as_bytes().get(..valid).unwrap_or(&[])).into_owned();
        let (line, column) = Locator::new(&good).position(valid);
        Problem {
            file: file.to_string(),
            line,
            column,
            message: msg!(pr_not_utf8),
        }
    })
}

/// The bytes of a file written by people, with `read_text`'s refusals (folders, special files,
/// over the limit); spreadsheets decode them with `crate::encoding::decode`.
pub(crate) fn read_bytes(path: &Path, file: &str, kind: &TextFile) -> Result<Vec<u8>, Problem> {
    let cannot = |e: std::io::Error| {
        let what = Message::new(kind.what);
        Problem::at_start(
            file,
            msg!(pr_cannot_read_kind, what = what, why = e.to_string()),
        )
    };
    let meta = fs::metadata(path).map_err(cannot)?;
    if meta.is_dir() {
        let fix = Message::new(kind.folder_fix);
        return Err(Problem::at_start(file, msg!(pr_is_folder, fix = fix)));
    }
    // A FIFO or device named *.toml would block the read (and the whole app's start-up).
    if !meta.is_file() {
        return Err(kind.not_regular(file, crate::files::kind_of(&meta)));
    }
    read_capped(path, kind.max_bytes).map_err(|e| match e {
        ReadCapped::Io(e) => cannot(e),
        ReadCapped::TooLarge(size) => kind.too_large(file, size),
        ReadCapped::NotAFile(what) => kind.not_regular(file, what),
    })
}
