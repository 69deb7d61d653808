//! The one event loop every TUI program runs (the app, the grading app), so they cannot
//! drift apart: input first (a burst of waiting events handled before one frame), then the
//! tick; messages and the replies their effects bring back handled first-in-first-out; a
//! frame drawn only when input came or what time shows changed; and a panic inside caught,
//! so the caller saves its work before reporting it (the panic hook restored the terminal).

use std::collections::VecDeque;
use std::panic::AssertUnwindSafe;
use std::time::Duration;

use ratatui::Frame;
use ratatui::crossterm::event::Event;

use crate::error::{Error, Result};
use crate::tui::input::{Input, Reader};
use crate::tui::terminal::{Signals, Tui};

/// How long the loop waits for input before it ticks (the countdown redraws each second; a
/// shorter wait keeps signals and the clock responsive).
const POLL: Duration = Duration::from_millis(100);
/// At most this many waiting events are handled between two frames.
const BURST: usize = 512;

/// A TUI program: its state, messages, update (with its effects run) and view.
pub(crate) trait Program {
    type Msg;
    /// What time alone changes on screen; the loop redraws when it differs from the last
    /// frame's.
    type RedrawKey: PartialEq;

    fn done(&self) -> bool;
    fn view(&self, frame: &mut Frame);
    /// Handles one message and runs its effects; returns their replies, handled next.
    fn update(&mut self, msg: Self::Msg) -> Vec<Self::Msg>;
    fn from_event(event: Event) -> Option<Self::Msg>;
    /// A signal arrived or the terminal is gone: leave, saving what there is.
    fn interrupted() -> Self::Msg;
    /// Sent after each round of input, for programs that follow the clock.
    fn tick() -> Option<Self::Msg>;
    fn redraw_key(&self) -> Self::RedrawKey;
}

/// Handles `msg` and every reply it brings, first in first out.
pub(crate) fn dispatch<P: Program>(program: &mut P, msg: P::Msg) {
    let mut queue = VecDeque::from([msg]);
    while let Some(msg) = queue.pop_front() {
        queue.extend(program.update(msg));
    }
}

/// Runs `program` until it is done. `Err(None)` means a panic was caught; the caller saves
/// and reports it.
pub(crate) fn run<P: Program>(
    terminal: &mut Tui,
    program: &mut P,
    signals: &Signals,
    input: &Reader,
) -> std::result::Result<(), Option<Error>> {
    match std::panic::catch_unwind(AssertUnwindSafe(|| {
        event_loop(terminal, program, signals, input)
    })) {
        Ok(result) => result.map_err(Some),
        Err(_) => Err(None),
    }
}

fn event_loop<P: Program>(
    terminal: &mut Tui,
    program: &mut P,
    signals: &Signals,
    input: &Reader,
) -> Result<()> {
    let term_err = |e: std::io::Error| Error::Other(e.into());
    // The program learns the window's size before the first key, as it would from a resize.
    if let Ok(size) = terminal.size()
        && let Some(msg) = P::from_event(Event::Resize(size.width, size.height))
    {
        dispatch(program, msg);
    }
    let mut dirty = true;
    let mut drawn_key = None;
    while !program.done() {
        let key = program.redraw_key();
        if dirty || drawn_key.as_ref() != Some(&key) {
            terminal.draw(|f| program.view(f)).map_err(term_err)?;
            drawn_key = Some(key);
        }
        dirty = false;
        if signals.received() {
            dispatch(program, P::interrupted());
        } else if let Some(first) = input.next(POLL) {
            // Take everything already waiting (a burst of typing, an IME commit, a paste in a
            // terminal without bracketed paste) before drawing once.
            let mut next = Some(first);
            let mut taken = 0;
            while let Some(inp) = next {
                match inp {
                    Input::Event(ev) => {
                        if let Some(m) = P::from_event(ev) {
                            dispatch(program, m);
                        }
                    }
                    // The terminal is gone: leave as on SIGHUP, saving the work.
                    Input::Lost => dispatch(program, P::interrupted()),
                }
                taken += 1;
                next = if program.done() || taken >= BURST {
                    None
                } else {
                    input.ready()
                };
            }
            dirty = true;
        }
        // Input first; then the tick catches up with the clock. Time alone redraws only when
        // it changes what is shown (checked against the last frame at the top of the loop).
        if let Some(tick) = P::tick() {
            dispatch(program, tick);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Records the order messages are handled in; message `n` replies `2n` and `2n + 1`
    /// up to 7, so 1 → [2, 3], 2 → [4, 5], 3 → [6, 7].
    #[derive(Default)]
    struct Recorder {
        handled: Vec<u8>,
    }

    impl Program for Recorder {
        type Msg = u8;
        type RedrawKey = ();
        fn done(&self) -> bool {
            true
        }
        fn view(&self, _: &mut Frame) {}
        fn update(&mut self, msg: u8) -> Vec<u8> {
            self.handled.push(msg);
            [2 * msg, 2 * msg + 1]
                .into_iter()
                .filter(|m| *m <= 7)
                .collect()
        }
        fn from_event(_: Event) -> Option<u8> {
            None
        }
        fn interrupted() -> u8 {
            0
        }
        fn tick() -> Option<u8> {
            None
        }
        fn redraw_key(&self) {}
    }

    #[test]
    fn messages_and_replies_are_handled_first_in_first_out() {
        let mut r = Recorder::default();
        dispatch(&mut r, 1);
        // Last-in-first-out (the grading app's old stack) handled 1, 3, 7, 6, 2, 5, 4.
        assert_eq!(r.handled, [1, 2, 3, 4, 5, 6, 7]);
    }
}
