//! One folder per screen (its state, keys and drawing); one file per overlay and per piece
//! drawn by more than one screen. Drawing reads the app state; only `update` changes it.

pub mod confirm;
pub mod detail;
pub mod help;
pub mod history;
pub mod home;
pub mod progress;
pub mod restore;
pub mod result;
pub mod sitting;
pub mod too_small;
