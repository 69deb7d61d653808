//! Assignment sets in the app: a set's interview is asked in the set's mode, with its
//! questions in its order and its time limits, and its session is recorded as answering the
//! set so `mianba set export` finds it.

use crate::session::Mode;
use crate::session::interview::Interview;
use crate::tui::app::App;
use crate::tui::home::Choice;
use crate::tui::update::{Effect, begin};
use crate::tutor::Set;

/// The set a session answers, stored with the session (`Store::set_session_set`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SetLink {
    pub set_id: String,
    pub checksum: String,
}

impl SetLink {
    pub fn of(set: &Set) -> SetLink {
        SetLink {
            set_id: set.id.clone(),
            checksum: set.checksum.clone(),
        }
    }
}

/// The home choice that runs an interview in `mode`.
pub fn choice_for(mode: Mode) -> Choice {
    match mode {
        Mode::Practice => Choice::Practice,
        Mode::Exam => Choice::Exam,
        Mode::Spoken => Choice::Spoken,
    }
}

/// Start `set`'s interview: its plan, asked from the banks as the set times them.
pub fn start_set(app: &mut App, set: &Set) -> Vec<Effect> {
    let banks = set.sitting_banks(&app.banks);
    let interview = Interview::new(set.plan(), set.mode, &banks, app.now());
    begin(app, choice_for(set.mode), interview, Some(SetLink::of(set)))
}
