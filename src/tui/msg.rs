//! Everything that can happen to the app, as one enum: input from the terminal, the passing of
//! time, and the outcome of effects the event loop ran against the store.

use crossterm::event::{Event, KeyEvent, KeyEventKind};

use crate::review::drill::Drill;
use crate::review::progress::Progress;
use crate::speech::SpeechUnavailable;
use crate::store::{AnswerId, SessionDetail, SessionId, SessionSummary};

#[derive(Debug, Clone, PartialEq)]
pub enum Msg {
    Key(KeyEvent),
    /// A bracketed paste: the whole pasted text at once.
    Paste(String),
    Resize(u16, u16),
    /// Time passed (the clock is read through `App::clock`).
    Tick,
    /// SIGINT, SIGTERM or SIGHUP: save the draft and leave.
    Interrupted,
    /// The seconds already spent on a restored draft's answer.
    DraftSeconds(u32),
    /// The store created the session row.
    SessionCreated(SessionId),
    /// The store saved an answer (`slot` says which one, for follow-ups to refer to it).
    AnswerSaved {
        slot: usize,
        id: AnswerId,
    },
    /// A store operation failed; the message is shown, the app goes on.
    StoreFailed(String),
    /// The store refused an answer (`why`); it was kept in the recovery file at `path`.
    AnswerKept {
        why: String,
        path: String,
    },
    /// A page of the history list (`offset` is the index of its first row) and how many
    /// sessions match the filter.
    HistoryLoaded {
        offset: usize,
        rows: Vec<SessionSummary>,
        count: usize,
    },
    /// A session with its answers, for the detail screen (`None`: it is gone).
    SessionLoaded(Option<Box<SessionDetail>>),
    ProgressLoaded(Box<Progress>),
    /// Drill questions due today, for the home screen.
    DueCount(usize),
    /// How many times each set has been taken, by set id (`Store::set_attempts`).
    SetAttempts(std::collections::HashMap<String, u32>),
    /// The home screen's choices saved when a session last started (`screens::home::HOME_CHOICES_KEY`).
    HomeChoices(Option<String>),
    /// A drill (of due questions, or of the weakest) ready to start.
    /// What a draft being restored belonged to (`Effect::LoadRestore`).
    RestoreReady {
        draft: Box<crate::store::Draft>,
        of: Box<crate::tui::screens::sitting::update::DraftOrigin>,
    },
    DrillReady {
        drill: Box<Drill>,
        weakest: bool,
    },
    /// Questions cannot be read aloud (`--speak`): said once, then speaking is off.
    SpeechFailed(SpeechUnavailable),
}

impl Msg {
    /// The message for a terminal event, if it means anything to the app. Key releases (sent
    /// by some terminals) are ignored so a key never counts twice.
    pub fn from_event(event: Event) -> Option<Msg> {
        match event {
            Event::Key(k) if k.kind != KeyEventKind::Release => Some(Msg::Key(k)),
            Event::Paste(s) => Some(Msg::Paste(s)),
            Event::Resize(w, h) => Some(Msg::Resize(w, h)),
            _ => None,
        }
    }
}
