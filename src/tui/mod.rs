//! The terminal app: one state (`app`), one message type (`msg`), `update` (pure, returns
//! effects) and `view` (draws). `run` owns the terminal and the event loop and executes the
//! effects against the store, so everything else is testable without a terminal.

pub mod app;
pub mod effect;
mod event_loop;
pub mod filter;
pub mod grading;
pub mod input;
pub mod io;
pub mod layout;
pub mod msg;
pub mod screens;
pub mod sets;
pub mod terminal;
pub mod theme;
pub mod update;
pub mod view;
pub mod widgets;

use std::process::ExitCode;
use std::rc::Rc;
use std::time::Duration;

use crate::error::{Error, Result};
use crate::session::{Clock, Plan, SystemClock};
use crate::speech::SpeechUnavailable;
use crate::store::StoreResult;
use crate::store::recovery::Restored;
use app::App;
use input::Reader;
use io::Io;
use msg::Msg;
use screens::home::Choice;
use terminal::{Signals, TerminalGuard};
use update::update;

/// Moves the wall clock this many days ahead (whole days, may be negative): for end-to-end
/// tests that need a drilled question to come back as due without waiting. Countdowns are
/// unaffected (they use the monotonic clock).
pub const CLOCK_SHIFT_ENV: &str = "MIANBA_CLOCK_SHIFT_DAYS";

/// Where the app's monotonic clock starts. Only differences of it are used; starting a day in
/// lets a restored answer's start lie before the app started (`Sitting::carry_answer_time`).
const MONOTONIC_START: Duration = Duration::from_secs(86_400);

/// The system clock with its wall time shifted by `CLOCK_SHIFT_ENV` days (and its monotonic
/// time starting at `MONOTONIC_START`).
struct ShiftedClock {
    inner: SystemClock,
    shift_secs: i64,
}

impl Clock for ShiftedClock {
    fn now(&self) -> Duration {
        self.inner.now() + MONOTONIC_START
    }
    fn unix_now(&self) -> i64 {
        self.inner.unix_now().saturating_add(self.shift_secs)
    }
}

pub fn clock_from_env() -> Rc<dyn Clock> {
    let days: i64 = std::env::var(CLOCK_SHIFT_ENV)
        .ok()
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(0);
    Rc::new(ShiftedClock {
        inner: SystemClock::new(),
        shift_secs: days.saturating_mul(86_400),
    })
}

/// What `mianba practice …` starts with.
pub enum Start {
    Plan(Choice, Plan),
    Set(Box<crate::tutor::Set>),
}

/// The app made ready by `commands::practice` (banks loaded, store opened, reading aloud
/// detected), with what it has still to say when it starts.
pub struct Launch {
    pub app: App,
    pub io: Io,
    /// Straight into an interview (`mianba practice …`); `None`: the home screen.
    pub start: Option<Start>,
    /// Answers an earlier run could not save, put back into the store (or why not).
    pub restored: Option<StoreResult<Restored>>,
    /// Why questions cannot be read aloud (`--speak`), said once.
    pub speech_error: Option<SpeechUnavailable>,
}

/// Runs the app on the terminal until the candidate leaves; the draft is saved on every way out.
pub fn run(launch: Launch) -> Result<ExitCode> {
    let Launch {
        mut app,
        mut io,
        start,
        restored,
        speech_error,
    } = launch;
    match restored {
        // A recovery file that cannot be read is left where it is, and named.
        Some(Ok(r)) if !r.problems.is_empty() => {
            let why = crate::text::sanitize_line(&r.problems.join("; "));
            let text = crate::i18n::fill(app.ui.not_saved, &[("why", &why)]);
            app.notify(text, app::Level::Warn);
        }
        Some(Ok(r)) if r.answers > 0 => {
            let ids: Vec<String> = r.sessions.iter().map(ToString::to_string).collect();
            let text = crate::i18n::fill(
                app.ui.recovered,
                &[("n", &r.answers), ("sessions", &ids.join(", "))],
            );
            app.notify_for(text, app::Level::Info, Duration::from_secs(60));
        }
        Some(Err(e)) => {
            let text = crate::i18n::fill(app.ui.not_saved, &[("why", &e.to_string())]);
            app.notify(text, app::Level::Error);
        }
        _ => {}
    }
    if let Some(e) = speech_error {
        dispatch(&mut app, &mut io, Msg::SpeechFailed(e));
    }
    if let Some(start) = start {
        let effects = match start {
            Start::Plan(choice, plan) => screens::sitting::update::start(&mut app, choice, plan),
            Start::Set(set) => sets::start_set(&mut app, &set),
        };
        for m in io.run(effects, &app.banks) {
            dispatch(&mut app, &mut io, m);
        }
    } else {
        for m in io.run(update::home_effects(&app), &app.banks) {
            dispatch(&mut app, &mut io, m);
        }
    }

    let signals = Signals::register().map_err(|e| Error::Other(e.into()))?;
    let mut guard = TerminalGuard::enter().map_err(|e| Error::Other(e.into()))?;
    // A panic inside the loop still ends here: the hook restored the terminal, and the draft
    // is saved below before the error is reported.
    let input = Reader::spawn().map_err(|e| Error::Other(e.into()))?;
    let outcome = event_loop::run(
        guard.terminal(),
        &mut Running {
            app: &mut app,
            io: &mut io,
        },
        &signals,
        &input,
    );
    // Every exit path — quit, Ctrl-C, a signal, an I/O error, a panic — saves the draft.
    let last = update::final_effects(&app);
    io.run(last, &app.banks);
    drop(io);
    drop(guard);
    match outcome {
        Ok(()) => Ok(ExitCode::SUCCESS),
        Err(Some(e)) => Err(e),
        Err(None) => Err(Error::Other(anyhow::anyhow!(
            "mianba hit an internal error; your draft was saved and will be offered next time"
        ))),
    }
}

/// The app with its effect runner, as the event loop runs it.
struct Running<'a> {
    app: &'a mut App,
    io: &'a mut Io,
}

impl event_loop::Program for Running<'_> {
    type Msg = Msg;
    type RedrawKey = app::RedrawKey;

    fn done(&self) -> bool {
        self.app.quit
    }
    fn view(&self, frame: &mut ratatui::Frame) {
        view::view(self.app, frame);
    }
    fn update(&mut self, msg: Msg) -> Vec<Msg> {
        let effects = update(self.app, msg);
        self.io.run(effects, &self.app.banks)
    }
    fn from_event(event: crossterm::event::Event) -> Option<Msg> {
        Msg::from_event(event)
    }
    fn interrupted() -> Msg {
        Msg::Interrupted
    }
    fn tick() -> Option<Msg> {
        Some(Msg::Tick)
    }
    fn redraw_key(&self) -> app::RedrawKey {
        self.app.redraw_key()
    }
}

/// Update with `msg`, run its effects, and feed their replies back in, until nothing is left.
fn dispatch(app: &mut App, io: &mut Io, msg: Msg) {
    event_loop::dispatch(&mut Running { app, io }, msg);
}

#[cfg(test)]
mod matrix_tests;
#[cfg(test)]
mod review_tests;
#[cfg(test)]
mod tests;
