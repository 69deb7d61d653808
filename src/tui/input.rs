//! Terminal input read on its own thread.
//!
//! Why a thread: when the terminal goes away (window closed, tmux killed, ssh dropped) stdin
//! reads return end-of-file forever, and crossterm's `poll`/`read` spin on that internally
//! without ever returning. Read on the main thread, that hangs the event loop at 100% CPU,
//! so it never sees the SIGHUP flag and never saves the draft. Here only this thread can be
//! caught; the event loop waits on a channel with a timeout and always gets control back.
//!
//! Every event read here reaches `update` (the loop takes a whole burst before drawing). One
//! known limit is crossterm's, not ours: two Escape bytes arriving in the same read are parsed
//! as one Esc key (crossterm 0.29 `parse_event`), so a very fast double Esc moves back once
//! (pinned by the pty test `each_escape_counts_and_a_double_escape_byte_pair_is_one_key`).

use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::Duration;

use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

/// What the reader thread hands over.
#[derive(Debug)]
pub enum Input {
    Event(Event),
    /// The terminal cannot be read any more: leave as on SIGHUP.
    Lost,
}

pub struct Reader {
    rx: Receiver<Input>,
}

impl Reader {
    /// Start the reader thread. It lives until the process ends or the loop drops the receiver.
    pub fn spawn() -> std::io::Result<Reader> {
        let (tx, rx) = mpsc::channel();
        std::thread::Builder::new()
            .name("mianba-input".into())
            .spawn(move || {
                loop {
                    let input = match crossterm::event::read() {
                        Ok(ev) => Input::Event(ev),
                        Err(_) => Input::Lost,
                    };
                    let lost = matches!(input, Input::Lost);
                    if tx.send(input).is_err() || lost {
                        break;
                    }
                }
            })?;
        Ok(Reader { rx })
    }

    /// The next input, waiting at most `timeout`; `None` when nothing came in time.
    pub fn next(&self, timeout: Duration) -> Option<Input> {
        match self.rx.recv_timeout(timeout) {
            Ok(input) => Some(input),
            Err(RecvTimeoutError::Timeout) => None,
            Err(RecvTimeoutError::Disconnected) => Some(Input::Lost),
        }
    }

    /// The next input only if one is already waiting.
    pub fn ready(&self) -> Option<Input> {
        self.rx.try_recv().ok()
    }
}

/// Ctrl with the letter `c` (Ctrl-C, Ctrl-S, Ctrl-T).
pub fn is_ctrl(key: &KeyEvent, c: char) -> bool {
    key.modifiers.contains(KeyModifiers::CONTROL) && key.code == KeyCode::Char(c)
}
