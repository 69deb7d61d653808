//! Where user data and user banks live: `--data-dir` / `MIANBA_DATA_DIR`, else the platform
//! folders from `directories`.

use std::path::{Path, PathBuf};

use directories::ProjectDirs;

fn project_dirs() -> Option<ProjectDirs> {
    ProjectDirs::from("", "", "mianba")
}

/// The environment variable naming the data folder when `--data-dir` is not given.
pub const DATA_DIR_VAR: &str = "MIANBA_DATA_DIR";

/// The data folder (the store lives here): `explicit` (`--data-dir`), else `MIANBA_DATA_DIR`
/// when set and not empty, else the platform's data folder.
pub fn data_dir(explicit: Option<&Path>) -> PathBuf {
    if let Some(p) = explicit {
        return p.to_path_buf();
    }
    if let Some(p) = std::env::var_os(DATA_DIR_VAR).filter(|v| !v.is_empty()) {
        return PathBuf::from(p);
    }
    project_dirs()
        .map(|d| d.data_dir().to_path_buf())
        .unwrap_or_else(|| PathBuf::from(".mianba"))
}

/// The user's own banks: `banks/` inside the config folder.
pub fn user_banks_dir() -> Option<PathBuf> {
    project_dirs().map(|d| d.config_dir().join("banks"))
}

/// The user's assignment sets: `sets/` inside the config folder (the app lists them on the
/// home screen, with those in the data folder's `sets/`).
pub fn user_sets_dir() -> Option<PathBuf> {
    project_dirs().map(|d| d.config_dir().join("sets"))
}
