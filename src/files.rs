//! The one way mianba reads and writes a file the user named (a bundle, a backup, a set, a
//! roster, an answer, a spreadsheet, a bank). Every command goes through here, so the rules
//! hold everywhere:
//! - reading: regular files only — a FIFO, device or socket is refused at once (opening it
//!   would block or read for ever) — and never more than the caller's size cap;
//! - writing: only a new path or an existing regular file; never a symbolic link, device,
//!   FIFO or folder (renaming over one would replace it), never the store or a file the same
//!   command reads, never over an existing file unless the caller says so (`--force`); the
//!   bytes go to a temporary file in the same folder, are synced, then renamed over the
//!   target, so a failure (disk full) leaves the old file untouched and no temporary behind.

use std::fs::{File, Metadata, OpenOptions};
use std::io::{BufWriter, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};

use crate::i18n::{Lang, fill};

/// A file that cannot be read or written, said by what is wrong: a missing file is named as
/// missing, not as a permission problem.
pub fn io_message(lang: Lang, path: &Path, e: &std::io::Error, writing: bool) -> String {
    let ui = lang.ui();
    let shown = path.display();
    let template = match (e.kind(), writing) {
        (std::io::ErrorKind::NotFound, false) => ui.err_missing_file,
        (_, false) => ui.err_cannot_read,
        (_, true) => ui.err_cannot_write,
    };
    fill(template, &[("path", &shown), ("why", e)])
}

/// Why `read_capped` returned no bytes.
#[derive(Debug)]
pub enum ReadCapped {
    Io(std::io::Error),
    /// The file holds more than the limit: its size as found.
    TooLarge(u64),
    /// Not a regular file: what it is. `not_a_file` says it.
    NotAFile(Kind),
}

/// The one sentence for a path that is not a regular file, whoever reads it.
pub fn not_a_file(path: &Path, kind: Kind, lang: Lang) -> String {
    let ui = lang.ui();
    crate::text::sanitize_line(&fill(
        ui.err_read_not_a_file,
        &[("path", &path.display()), ("kind", &kind.name(lang))],
    ))
}

/// What a file system entry is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Folder,
    Symlink,
    Regular,
    Fifo,
    Device,
    Socket,
    Special,
}

impl Kind {
    /// The kind in words, in the UI language.
    pub fn name(self, lang: Lang) -> &'static str {
        (self.template())(lang.ui())
    }

    /// The kind in words, for a message rendered later (`crate::message`).
    pub fn message(self) -> crate::message::Message {
        crate::message::Message::new(self.template())
    }

    fn template(self) -> fn(&crate::i18n::Ui) -> &'static str {
        match self {
            Kind::Folder => |ui| ui.kind_folder,
            Kind::Symlink => |ui| ui.kind_symlink,
            Kind::Regular => |ui| ui.kind_regular,
            Kind::Fifo => |ui| ui.kind_fifo,
            Kind::Device => |ui| ui.kind_device,
            Kind::Socket => |ui| ui.kind_socket,
            Kind::Special => |ui| ui.kind_special,
        }
    }
}

impl std::fmt::Display for Kind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name(Lang::En))
    }
}

/// What a file system entry is.
pub fn kind_of(meta: &Metadata) -> Kind {
    let t = meta.file_type();
    if t.is_dir() {
        return Kind::Folder;
    }
    if t.is_symlink() {
        return Kind::Symlink;
    }
    if t.is_file() {
        return Kind::Regular;
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return Kind::Fifo;
        }
        if t.is_char_device() || t.is_block_device() {
            return Kind::Device;
        }
        if t.is_socket() {
            return Kind::Socket;
        }
    }
    Kind::Special
}

/// Reads an untrusted file of at most `max` bytes. Links are followed, but what they lead to
/// must be a regular file; it is checked before opening and again on the open handle (opened
/// without blocking, so a FIFO swapped in between cannot hang the read). The size is checked
/// before reading, and the read stops one byte past the limit, since the file may grow.
pub fn read_capped(path: &Path, max: u64) -> Result<Vec<u8>, ReadCapped> {
    let meta = std::fs::metadata(path).map_err(ReadCapped::Io)?;
    if !meta.is_file() {
        return Err(ReadCapped::NotAFile(kind_of(&meta)));
    }
    let f = open_nonblocking(path).map_err(ReadCapped::Io)?;
    let meta = f.metadata().map_err(ReadCapped::Io)?;
    if !meta.is_file() {
        return Err(ReadCapped::NotAFile(kind_of(&meta)));
    }
    if meta.len() > max {
        return Err(ReadCapped::TooLarge(meta.len()));
    }
    let mut bytes = Vec::new();
    f.take(max.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(ReadCapped::Io)?;
    match u64::try_from(bytes.len()) {
        Ok(n) if n <= max => Ok(bytes),
        Ok(n) => Err(ReadCapped::TooLarge(n)),
        Err(_) => Err(ReadCapped::TooLarge(u64::MAX)),
    }
}

#[cfg(unix)]
fn open_nonblocking(path: &Path) -> std::io::Result<File> {
    use std::os::unix::fs::OpenOptionsExt;
    OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(path)
}

#[cfg(not(unix))]
fn open_nonblocking(path: &Path) -> std::io::Result<File> {
    File::open(path)
}

/// A file a write must never replace, and what it is to the user.
pub type Kept<'a> = (&'a Path, KeptAs);

/// What a file that must not be written over is to the user.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeptAs {
    Store,
    Spreadsheet,
    SetFile,
    Roster,
    Bundle,
}

impl KeptAs {
    fn name(self, lang: Lang) -> &'static str {
        let ui = lang.ui();
        match self {
            KeptAs::Store => ui.kept_store,
            KeptAs::Spreadsheet => ui.kept_spreadsheet,
            KeptAs::SetFile => ui.kept_set_file,
            KeptAs::Roster => ui.kept_roster,
            KeptAs::Bundle => ui.kept_bundle,
        }
    }
}

/// How a command may write its target.
#[derive(Debug, Clone, Copy, Default)]
pub struct WriteRules<'a> {
    /// An existing regular file may be replaced (`--force`, or a command whose file it is,
    /// like grading a bundle in place).
    pub replace: bool,
    /// Files this command reads or owns: writing over one of them is refused.
    pub keep: &'a [Kept<'a>],
}

/// A write that was refused or failed; nothing at the target was changed. `message` says it
/// in the UI language (`Display` is the English one).
#[derive(Debug)]
pub enum WriteError {
    NotAFile {
        path: PathBuf,
        kind: Kind,
    },
    Exists {
        path: PathBuf,
    },
    Kept {
        path: PathBuf,
        what: KeptAs,
    },
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
}

impl WriteError {
    /// One sentence naming the file and the fix, cleaned for the terminal.
    pub fn message(&self, lang: Lang) -> String {
        let ui = lang.ui();
        let text = match self {
            WriteError::NotAFile { path, kind } => fill(
                ui.err_write_not_a_file,
                &[("path", &path.display()), ("kind", &kind.name(lang))],
            ),
            WriteError::Exists { path } => fill(ui.err_write_exists, &[("path", &path.display())]),
            WriteError::Kept { path, what } => fill(
                ui.err_write_kept,
                &[("path", &path.display()), ("what", &what.name(lang))],
            ),
            WriteError::Io { path, source } => fill(
                ui.err_write_io,
                &[("path", &path.display()), ("why", source)],
            ),
        };
        crate::text::sanitize_line(&text)
    }
}

impl std::fmt::Display for WriteError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for WriteError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            WriteError::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}

/// Refuses a target the rules forbid, before any work is done to produce its content.
pub fn check_target(path: &Path, rules: &WriteRules<'_>) -> Result<(), WriteError> {
    let meta = match std::fs::symlink_metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(source) => {
            return Err(WriteError::Io {
                path: path.to_path_buf(),
                source,
            });
        }
    };
    if !meta.file_type().is_file() {
        return Err(WriteError::NotAFile {
            path: path.to_path_buf(),
            kind: kind_of(&meta),
        });
    }
    if let Some((_, what)) = rules.keep.iter().find(|(k, _)| same_file(path, k)) {
        return Err(WriteError::Kept {
            path: path.to_path_buf(),
            what: *what,
        });
    }
    if !rules.replace {
        return Err(WriteError::Exists {
            path: path.to_path_buf(),
        });
    }
    Ok(())
}

/// Writes `bytes` to `path` under the rules (see the module comment).
pub fn write_file(path: &Path, bytes: &[u8], rules: &WriteRules<'_>) -> Result<(), WriteError> {
    write_with(path, rules, |w| w.write_all(bytes))
}

/// Like `write_file`, the content produced by `fill` into a buffered writer.
pub fn write_with(
    path: &Path,
    rules: &WriteRules<'_>,
    fill: impl FnOnce(&mut BufWriter<File>) -> std::io::Result<()>,
) -> Result<(), WriteError> {
    check_target(path, rules)?;
    let io = |source| WriteError::Io {
        path: path.to_path_buf(),
        source,
    };
    let (tmp, file) = temp_beside(path).map_err(io)?;
    let written = (|| -> std::io::Result<()> {
        let mut out = BufWriter::new(file);
        fill(&mut out)?;
        let file = out.into_inner().map_err(|e| e.into_error())?;
        file.sync_all()?;
        // The target may have appeared (or been swapped for a link) while we wrote.
        check_target(path, rules).map_err(std::io::Error::other)?;
        std::fs::rename(&tmp, path)?;
        sync_dir(path);
        Ok(())
    })();
    if let Err(e) = written {
        // Ours and useless now; the target was never touched.
        let _ = std::fs::remove_file(&tmp);
        return Err(match e.downcast::<WriteError>() {
            Ok(refused) => refused,
            Err(e) => io(e),
        });
    }
    Ok(())
}

/// A new temporary file in the target's folder (a rename never crosses file systems).
fn temp_beside(path: &Path) -> std::io::Result<(PathBuf, File)> {
    static COUNTER: AtomicU32 = AtomicU32::new(0);
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "file".into());
    loop {
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let tmp = path.with_file_name(format!(".{name}.{}.{n}.tmp", std::process::id()));
        match OpenOptions::new().write(true).create_new(true).open(&tmp) {
            Ok(f) => return Ok((tmp, f)),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        }
    }
}

/// Makes the rename itself durable; best effort (not every system can sync a folder).
fn sync_dir(path: &Path) {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
}

/// Whether two paths name the same existing file (hard links and other spellings included).
pub fn same_file(a: &Path, b: &Path) -> bool {
    match (std::fs::metadata(a), std::fs::metadata(b)) {
        #[cfg(unix)]
        (Ok(a), Ok(b)) => {
            use std::os::unix::fs::MetadataExt;
            a.dev() == b.dev() && a.ino() == b.ino()
        }
        #[cfg(not(unix))]
        (Ok(_), Ok(_)) => match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
            (Ok(a), Ok(b)) => a == b,
            _ => false,
        },
        _ => false,
    }
}

/// A folder scan's entries: the regular `*.EXT` files, sorted, and a sentence for every other
/// entry that looks meant (named `*.EXT` but not a regular file, or unreadable).
pub fn scan_folder(
    dir: &Path,
    ext: &str,
    lang: Lang,
) -> std::io::Result<(Vec<PathBuf>, Vec<String>)> {
    let ui = lang.ui();
    let mut files = Vec::new();
    let mut skipped = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let path = match entry {
            Ok(e) => e.path(),
            Err(e) => {
                skipped.push(crate::text::sanitize_line(&fill(
                    ui.skipped_unreadable_entry,
                    &[("dir", &dir.display()), ("why", &e)],
                )));
                continue;
            }
        };
        if path.extension().is_none_or(|x| x != ext) {
            continue;
        }
        match std::fs::metadata(&path) {
            Ok(m) if m.is_file() => files.push(path),
            Ok(m) => skipped.push(crate::text::sanitize_line(&fill(
                ui.skipped_not_a_file,
                &[("path", &path.display()), ("kind", &kind_of(&m).name(lang))],
            ))),
            Err(e) => skipped.push(crate::text::sanitize_line(&fill(
                ui.skipped_broken,
                &[("path", &path.display()), ("why", &e)],
            ))),
        }
    }
    files.sort();
    skipped.sort();
    Ok((files, skipped))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn read_capped_refuses_a_file_over_the_limit() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("f.txt");
        std::fs::write(&path, "面霸").unwrap();
        assert_eq!(read_capped(&path, 6).unwrap(), "面霸".as_bytes());
        assert!(matches!(
            read_capped(&path, 5),
            Err(ReadCapped::TooLarge(6))
        ));
        let missing = read_capped(&dir.path().join("nope"), 6);
        assert!(
            matches!(missing, Err(ReadCapped::Io(e)) if e.kind() == std::io::ErrorKind::NotFound)
        );
        assert!(matches!(
            read_capped(dir.path(), 6),
            Err(ReadCapped::NotAFile(Kind::Folder))
        ));
    }

    #[test]
    fn a_write_replaces_only_when_allowed_and_never_a_kept_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.json");
        let new = WriteRules::default();
        write_file(&path, b"one", &new).unwrap();
        assert!(matches!(
            write_file(&path, b"two", &new),
            Err(WriteError::Exists { .. })
        ));
        let force = WriteRules {
            replace: true,
            keep: &[],
        };
        write_file(&path, b"two", &force).unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"two");
        let kept = [(path.as_path(), KeptAs::Store)];
        let guarded = WriteRules {
            replace: true,
            keep: &kept,
        };
        let e = write_file(&path, b"three", &guarded).unwrap_err();
        assert!(e.to_string().contains("it is the store"), "{e}");
        assert_eq!(std::fs::read(&path).unwrap(), b"two");
        // Only the target is left: no temporary file.
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn a_failed_fill_leaves_the_old_file_and_no_temporary() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.json");
        std::fs::write(&path, "old").unwrap();
        let rules = WriteRules {
            replace: true,
            keep: &[],
        };
        let e = write_with(&path, &rules, |w| {
            w.write_all(b"half")?;
            Err(std::io::Error::other("disk full"))
        })
        .unwrap_err();
        assert!(e.to_string().starts_with("cannot write"), "{e}");
        assert_eq!(std::fs::read(&path).unwrap(), b"old");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[cfg(unix)]
    #[test]
    fn a_symbolic_link_is_never_written_through() {
        let dir = tempfile::tempdir().unwrap();
        let outside = tempfile::tempdir().unwrap();
        let real = outside.path().join("real");
        std::fs::write(&real, "keep").unwrap();
        let link = dir.path().join("link.json");
        std::os::unix::fs::symlink(&real, &link).unwrap();
        let rules = WriteRules {
            replace: true,
            keep: &[],
        };
        let e = write_file(&link, b"x", &rules).unwrap_err();
        assert!(
            matches!(
                e,
                WriteError::NotAFile {
                    kind: Kind::Symlink,
                    ..
                }
            ),
            "{e}"
        );
        assert_eq!(std::fs::read(&real).unwrap(), b"keep");
        assert!(
            std::fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
    }
}
