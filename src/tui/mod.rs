//! The terminal app: one state (`app`), one message type (`msg`), `update` (pure, returns
//! effects) and `view` (draws). `run` owns the terminal and the event loop and executes the
//! effects against the store, so everything else is testable without a terminal.

pub mod app;
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

use std::io::IsTerminal;
use std::process::ExitCode;
use std::rc::Rc;
use std::time::Duration;

use crate::bank::BankSet;
use crate::cli::{Global, PracticeArgs};
use crate::error::{Error, Result};
use crate::i18n::Lang;
use crate::session::{Clock, Plan, PlanRequest, SystemClock};
use crate::speech::Speaker;
use crate::store::recovery;
use crate::store::{Store, StoreError};
use app::{App, AppInit};
use input::Reader;
use io::Io;
use msg::Msg;
use screens::home::{self, Choice};
use terminal::{Signals, TerminalGuard};
use theme::Theme;
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

fn clock_from_env() -> Rc<dyn Clock> {
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
enum Start {
    Plan(Choice, Plan),
    Set(Box<crate::tutor::Set>),
}

/// The interview `mianba practice …` asks for, drawn (or its set loaded) before the terminal
/// is touched so a bad bank, category or set is reported as a plain error (exit 1).
fn practice_start(args: &PracticeArgs, banks: &BankSet, seed: u64, lang: Lang) -> Result<Start> {
    if let Some(path) = &args.set {
        if !args.banks.is_empty()
            || !args.categories.is_empty()
            || args.count.is_some()
            || args.seed.is_some()
        {
            return Err(Error::Usage(lang.ui().err_set_and_draw.into()));
        }
        return Ok(Start::Set(Box::new(crate::tutor::set::load_checked(
            path, banks,
        )?)));
    }
    let choice = match args.mode {
        crate::cli::Mode::Typed => Choice::Practice,
        crate::cli::Mode::Spoken => Choice::Spoken,
    };
    let plan = PlanRequest {
        banks: args.banks.clone(),
        categories: args.categories.clone(),
        difficulty: None,
        count: args.count.unwrap_or(home::DEFAULT_COUNT),
        seed: args.seed.unwrap_or(seed),
    }
    .draw(banks)?;
    Ok(Start::Plan(choice, plan))
}

pub fn run(global: &Global, speak: bool, practice: Option<PracticeArgs>) -> Result<ExitCode> {
    let lang = Lang::detect(global.lang);
    let user_banks = crate::paths::user_banks_dir();
    let banks = BankSet::load(&global.banks, user_banks.as_deref());
    // Bad input first (exit 1), then the missing terminal (exit 2): a script that names a
    // wrong bank or set learns that, not only that it has no terminal.
    let start = match &practice {
        Some(args) => Some(practice_start(args, &banks, rand::random(), lang)?),
        None => None,
    };
    let data_dir = crate::paths::data_dir(global.data_dir.as_deref());
    // A set whose attempts are used is refused as bad input too, before the terminal (the
    // home screen loads the counts itself: `Effect::LoadSetAttempts`).
    let mut taken = std::collections::HashMap::new();
    if let Some(Start::Set(set)) = &start {
        taken = Store::open(&data_dir)
            .and_then(|s| s.set_attempts())
            .unwrap_or_default();
        let n = taken.get(&set.id).copied().unwrap_or(0);
        if set.attempts_left(n) == 0 {
            return Err(Error::BadInput(sets::no_attempts(lang.ui(), set, n)));
        }
    }
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        return Err(Error::Usage(lang.ui().err_needs_terminal.into()));
    }
    let opened = Store::open(&data_dir).and_then(|s| s.check_integrity().map(|()| s));
    let (store, store_error) = match opened {
        Ok(s) => (Some(s), None),
        // Refused as the CLI refuses it, before the terminal is touched: opened half-way, the
        // store would show no history and then fail to take the answers typed into it.
        Err(e @ (StoreError::Damaged { .. } | StoreError::TooNew { .. })) => return Err(e.into()),
        Err(e) => (None, Some(e.message(lang))),
    };
    // Answers an earlier run could not save come back into the working store first.
    let restored = store
        .as_ref()
        .map(|s| recovery::restore(s, &data_dir, lang.code()));
    // Going straight into an interview, a leftover draft is offered next time instead.
    let draft = match start {
        Some(_) => None,
        None => store.as_ref().and_then(|s| s.latest_draft().ok().flatten()),
    };
    // Reading aloud is detected once; when it cannot work, one notice says how to fix it.
    let (speaker, speech_error) = match speak.then(Speaker::detect) {
        Some(Ok(s)) => (Some(s), None),
        Some(Err(e)) => (None, Some(e)),
        None => (None, None),
    };
    let mut app = App::new(AppInit {
        lang,
        theme: Theme::from_env(),
        banks,
        clock: clock_from_env(),
        seeds: Box::new(rand::random::<u64>),
        store_error,
        draft,
        speak: speaker.is_some(),
        tz: *chrono::Local::now().offset(),
        candidate: crate::tutor::sending::candidate_name(),
    });
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
    app.set_attempts = taken;
    let given_set = practice.as_ref().and_then(|p| p.set.as_deref());
    let listed = sets::list_sets(&sets::set_dirs(&data_dir), given_set, &app.banks);
    app.set_sets(listed);
    let mut io = Io {
        store,
        speaker,
        lang,
        data_dir: data_dir.clone(),
    };
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
