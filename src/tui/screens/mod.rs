//! One file per screen (and per overlay). Each draws into the area it is given and reads the
//! app state; none of them changes it.

pub mod checklist;
pub mod confirm;
pub mod detail;
pub mod help;
pub mod history;
pub mod home;
pub mod interview;
pub mod progress;
pub mod restore;
pub mod result;
pub mod summary;
pub mod too_small;
