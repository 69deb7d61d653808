//! The terminal app: one state (`app`), one message type (`msg`), `update` (pure, returns
//! effects) and `view` (draws). `run` owns the terminal and the event loop and executes the
//! effects against the store, so everything else is testable without a terminal.

pub mod app;
pub mod home;
pub mod interview;
pub mod layout;
pub mod msg;
pub mod screens;
pub mod terminal;
pub mod theme;
pub mod update;
pub mod view;
pub mod widgets;

use std::collections::VecDeque;
use std::panic::AssertUnwindSafe;
use std::process::ExitCode;
use std::rc::Rc;
use std::time::Duration;

use crate::bank::BankSet;
use crate::cli::{Global, PracticeArgs};
use crate::error::{Error, Result};
use crate::i18n::Lang;
use crate::session::SystemClock;
use crate::store::Store;
use app::{App, AppInit};
use msg::Msg;
use terminal::{Signals, TerminalGuard, Tui};
use theme::Theme;
use update::{Effect, update};

/// How long the loop waits for input before it ticks (the countdown redraws each second; a
/// shorter wait keeps signals and the clock responsive).
const POLL: Duration = Duration::from_millis(100);

pub fn run(global: &Global, _practice: Option<PracticeArgs>) -> Result<ExitCode> {
    let lang = Lang::detect(global.lang);
    let user_banks = crate::paths::user_banks_dir();
    let banks = BankSet::load(&global.banks, user_banks.as_deref());
    let data_dir = crate::paths::data_dir(global.data_dir.as_deref());
    let (store, store_error) = match Store::open(&data_dir) {
        Ok(s) => (Some(s), None),
        Err(e) => (None, Some(e.to_string())),
    };
    let draft = store.as_ref().and_then(|s| s.latest_draft().ok().flatten());
    let mut app = App::new(AppInit {
        lang,
        theme: Theme::from_env(),
        banks,
        clock: Rc::new(SystemClock::new()),
        seeds: Box::new(rand::random::<u64>),
        store_error,
        draft,
    });

    let signals = Signals::register().map_err(|e| Error::Other(e.into()))?;
    let mut guard = TerminalGuard::enter().map_err(|e| Error::Other(e.into()))?;
    // A panic inside the loop still ends here: the hook restored the terminal, and the draft
    // is saved below before the error is reported.
    let outcome = std::panic::catch_unwind(AssertUnwindSafe(|| {
        event_loop(guard.terminal(), &mut app, store.as_ref(), &signals)
    }));
    // Every exit path — quit, Ctrl-C, a signal, an I/O error, a panic — saves the draft.
    let last = update::final_effects(&app);
    run_effects(store.as_ref(), last);
    drop(guard);
    match outcome {
        Ok(result) => result.map(|()| ExitCode::SUCCESS),
        Err(_) => Err(Error::Other(anyhow::anyhow!(
            "mianba hit an internal error; your draft was saved and will be offered next time"
        ))),
    }
}

fn event_loop(
    terminal: &mut Tui,
    app: &mut App,
    store: Option<&Store>,
    signals: &Signals,
) -> Result<()> {
    let io = |e: std::io::Error| Error::Other(e.into());
    let mut queue: VecDeque<Msg> = VecDeque::new();
    let mut dirty = true;
    while !app.quit {
        if dirty {
            terminal.draw(|f| view::view(app, f)).map_err(io)?;
        }
        if signals.received() {
            queue.push_back(Msg::Interrupted);
        } else if crossterm::event::poll(POLL).map_err(io)?
            && let Some(m) = Msg::from_event(crossterm::event::read().map_err(io)?)
        {
            queue.push_back(m);
        }
        // Input is handled first; the tick then catches up with the clock.
        queue.push_back(Msg::Tick);
        dirty = false;
        while let Some(msg) = queue.pop_front() {
            let before = app.redraw_key();
            let is_tick = msg == Msg::Tick;
            let effects = update(app, msg);
            queue.extend(run_effects(store, effects));
            dirty |= !is_tick || app.redraw_key() != before;
        }
    }
    Ok(())
}

/// Run effects against the store, returning the messages that report their outcome.
fn run_effects(store: Option<&Store>, effects: Vec<Effect>) -> Vec<Msg> {
    let Some(store) = store else {
        return Vec::new();
    };
    effects
        .into_iter()
        .filter_map(|e| run_effect(store, e))
        .collect()
}

/// The store side of one effect.
fn run_effect(store: &Store, effect: Effect) -> Option<Msg> {
    let failed = |e: crate::store::StoreError| Some(Msg::StoreFailed(e.to_string()));
    match effect {
        Effect::SaveDraft(d) => store.save_draft(&d).err().and_then(failed),
        Effect::ClearDraft(key) => store.clear_draft(&key).err().and_then(failed),
    }
}

#[cfg(test)]
mod tests;
