//! What can happen to the grading app: terminal input, a signal, and the outcome of a save.

use crossterm::event::{Event, KeyEvent, KeyEventKind};

#[derive(Debug, Clone, PartialEq)]
pub enum Msg {
    Key(KeyEvent),
    Paste(String),
    Resize,
    /// SIGINT, SIGTERM, SIGHUP or the terminal gone: record the grade being given and leave.
    Interrupted,
    /// A paper was written (`Ok` names the file) or not.
    Saved(Result<String, String>),
}

impl Msg {
    pub fn from_event(event: Event) -> Option<Msg> {
        match event {
            Event::Key(k) if k.kind != KeyEventKind::Release => Some(Msg::Key(k)),
            Event::Paste(s) => Some(Msg::Paste(s)),
            Event::Resize(..) => Some(Msg::Resize),
            _ => None,
        }
    }
}
