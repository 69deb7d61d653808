//! `mianba` and `mianba practice …`: everything the app needs before the terminal is touched
//! — the arguments checked, the banks loaded, the interview drawn (or the set loaded), the
//! store opened, reading aloud detected — so bad input is a plain error (exit 1) and the TUI
//! is handed a ready app (`tui::Launch`).

use std::io::IsTerminal;
use std::process::ExitCode;

use crate::bank::BankSet;
use crate::cli::{Global, PracticeArgs};
use crate::error::{Error, Result};
use crate::i18n::Lang;
use crate::session::PlanRequest;
use crate::speech::Speaker;
use crate::store::recovery;
use crate::store::{Store, StoreError};
use crate::tui::app::{App, AppInit};
use crate::tui::io::Io;
use crate::tui::screens::home::{self, Choice};
use crate::tui::theme::Theme;
use crate::tui::{Launch, Start};

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
            return Err(Error::BadInput(crate::tui::sets::no_attempts(
                lang.ui(),
                set,
                n,
            )));
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
        clock: crate::tui::clock_from_env(),
        seeds: Box::new(rand::random::<u64>),
        store_error,
        draft,
        speak: speaker.is_some(),
        tz: *chrono::Local::now().offset(),
        candidate: crate::tutor::sending::candidate_name(),
    });
    app.set_attempts = taken;
    let given_set = practice.as_ref().and_then(|p| p.set.as_deref());
    let listed = crate::tutor::set_files::list_sets(
        &crate::tutor::set_files::set_dirs(&data_dir),
        given_set,
        &app.banks,
    );
    app.set_sets(listed);
    let io = Io {
        store,
        speaker,
        lang,
        data_dir: data_dir.clone(),
    };
    crate::tui::run(Launch {
        app,
        io,
        start,
        restored,
        speech_error,
    })
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
