//! `update(app, msg) -> effects`: the one way the state changes. It routes each message and key
//! to the screen on show (`screens::<screen>::update`) and keeps what belongs to no screen —
//! overlays, notices, going home. It does no I/O: saving is returned as `Effect`s that the
//! event loop runs against the store (and answers with a `Msg`), so every key path is testable
//! with a plain `App`.

use crossterm::event::{KeyCode, KeyEvent};

use crate::i18n::fill;
use crate::store::Draft;
use crate::tui::app::{App, Level, Overlay, Screen};
use crate::tui::effect::Effect;
use crate::tui::filter::FilterChoices;
use crate::tui::input::is_ctrl;
use crate::tui::msg::Msg;
use crate::tui::screens;
use crate::tui::screens::detail::Detail;
use crate::tui::screens::history::History;
use crate::tui::screens::home::Home;
use crate::tui::screens::home::update as home;
use crate::tui::screens::sitting::update as sitting;

pub fn update(app: &mut App, msg: Msg) -> Vec<Effect> {
    // A notice belongs to the screen it was raised on: once the screen or the question
    // changes, one left from an earlier action ("nothing is due") goes, and the key hints
    // come back. One raised by this very message stays.
    let place = screen_place(app);
    let notice = app.notice.as_ref().map(|n| (n.until, n.text.clone()));
    let effects = handle(app, msg);
    let same_notice = app.notice.as_ref().map(|n| (n.until, n.text.clone())) == notice;
    if screen_place(app) != place && same_notice {
        app.notice = None;
    }
    effects
}

/// Which screen is up and, in an interview, which question or follow-up.
fn screen_place(
    app: &App,
) -> (
    std::mem::Discriminant<Screen>,
    Option<(usize, Option<usize>)>,
) {
    let step = match &app.screen {
        Screen::Sitting(s) => Some((s.interview.step.question, s.interview.step.followup)),
        _ => None,
    };
    (std::mem::discriminant(&app.screen), step)
}

fn handle(app: &mut App, msg: Msg) -> Vec<Effect> {
    match msg {
        Msg::Key(key) => on_key(app, key),
        Msg::Paste(text) => sitting::on_paste(app, &text),
        Msg::Resize(w, h) => {
            app.size = Some((w, h));
            Vec::new()
        }
        Msg::Tick => sitting::on_tick(app),
        Msg::Interrupted => {
            app.quit = true;
            Vec::new()
        }
        Msg::SessionCreated(id) => sitting::on_session_created(app, id),
        Msg::RestoreReady { draft, of } => sitting::on_restore_ready(app, *draft, *of),
        Msg::DraftSeconds(seconds) => {
            if let Screen::Sitting(s) = &mut app.screen {
                s.carry_answer_time(seconds);
            }
            Vec::new()
        }
        Msg::AnswerSaved { slot, id } => {
            if let Screen::Sitting(s) = &mut app.screen {
                if s.answer_ids.len() <= slot {
                    s.answer_ids.resize(slot + 1, None);
                }
                s.answer_ids[slot] = Some(id);
            }
            Vec::new()
        }
        Msg::HistoryLoaded {
            offset,
            rows,
            count,
        } => {
            if let Screen::History(h) = &mut app.screen {
                h.loaded(offset, rows, count);
            }
            Vec::new()
        }
        Msg::SessionLoaded(Some(detail)) => {
            if let Screen::History(h) = &mut app.screen {
                let back = Box::new(std::mem::replace(
                    h.as_mut(),
                    History::new(FilterChoices::default()),
                ));
                app.screen = Screen::Detail(Box::new(Detail::new(*detail, back)));
            }
            Vec::new()
        }
        Msg::SessionLoaded(None) => Vec::new(),
        Msg::ProgressLoaded(p) => {
            if let Screen::Progress(s) = &mut app.screen {
                s.progress = Some(*p);
            }
            Vec::new()
        }
        Msg::DueCount(n) => {
            if let Screen::Home(h) = &mut app.screen {
                h.due = Some(n);
            }
            Vec::new()
        }
        Msg::SetAttempts(taken) => {
            app.set_attempts = taken;
            Vec::new()
        }
        Msg::HomeChoices(saved) => {
            if let (Screen::Home(h), Some(saved)) = (&mut app.screen, saved) {
                h.apply_setting(&saved);
            }
            Vec::new()
        }
        Msg::DrillReady { drill, weakest } => home::on_drill_ready(app, *drill, weakest),
        Msg::SpeechFailed(why) => {
            app.speak = false;
            let text = why.message(app.lang);
            app.notify(text, Level::Warn);
            Vec::new()
        }
        Msg::StoreFailed(why) => {
            let text = fill(app.ui.not_saved, &[("why", &why)]);
            app.notify(text, Level::Error);
            Vec::new()
        }
        Msg::AnswerKept { why, path } => {
            let text = fill(app.ui.answer_kept, &[("why", &why), ("path", &path)]);
            // Long enough to be read and the path copied.
            app.notify_for(text, Level::Error, std::time::Duration::from_secs(600));
            Vec::new()
        }
    }
}

/// What must be saved whatever way the app ends: the answer being typed, as a draft.
pub fn final_effects(app: &App) -> Vec<Effect> {
    match &app.screen {
        // The draft first: a session with a draft is kept, one with nothing is not.
        Screen::Sitting(s) => s
            .draft_effect(app.clock.unix_now(), app.now())
            .into_iter()
            .chain(s.session_id.map(Effect::DropIfEmpty))
            .collect(),
        Screen::Home(_) | Screen::History(_) | Screen::Detail(_) | Screen::Progress(_) => {
            Vec::new()
        }
    }
}

/// Back to the home screen, asking the store for the number of questions due.
pub fn go_home(app: &mut App) -> Vec<Effect> {
    let mut home = Home::new(&app.banks.banks);
    home.set_count = app.sets.len();
    app.screen = Screen::Home(home);
    home_effects(app)
}

/// What the home screen needs from the store when it is shown.
pub fn home_effects(app: &App) -> Vec<Effect> {
    vec![
        Effect::LoadDueCount {
            now: app.clock.unix_now(),
        },
        Effect::LoadHomeChoices,
        Effect::LoadSetAttempts,
    ]
}

/// Restore a draft: first ask the store what its session was (`on_restore_ready`).
fn restore(app: &mut App, draft: Draft) -> Vec<Effect> {
    vec![Effect::LoadRestore {
        draft,
        now: app.clock.unix_now(),
    }]
}

fn on_key(app: &mut App, key: KeyEvent) -> Vec<Effect> {
    if is_ctrl(&key, 'c') {
        app.quit = true;
        return Vec::new();
    }
    // Below the minimum size only the "too small" screen shows: a key must not edit an answer
    // or press a button the candidate cannot see.
    if app.too_small() {
        return Vec::new();
    }
    if let Some(overlay) = app.overlay.take() {
        return on_overlay_key(app, overlay, key);
    }
    let typing = matches!(&app.screen, Screen::Sitting(s) if s.typing());
    if key.code == KeyCode::F(1) || (key.code == KeyCode::Char('?') && !typing) {
        app.overlay = Some(Overlay::Help);
        return Vec::new();
    }
    match &app.screen {
        Screen::Home(_) => home::on_key(app, key),
        Screen::Sitting(_) => sitting::on_key(app, key),
        Screen::History(_) => screens::history::update::on_key(app, key),
        Screen::Detail(_) => screens::detail::update::on_key(app, key),
        Screen::Progress(_) => screens::progress::update::on_key(app, key),
    }
}

/// Keys while an overlay is open. The overlay was taken out of `app`; put it back to keep it.
fn on_overlay_key(app: &mut App, overlay: Overlay, key: KeyEvent) -> Vec<Effect> {
    let yes = matches!(
        key.code,
        KeyCode::Enter | KeyCode::Char('y') | KeyCode::Char('Y')
    );
    let no = matches!(key.code, KeyCode::Char('n') | KeyCode::Char('N'));
    match overlay {
        // Any key closes the help.
        Overlay::Help => Vec::new(),
        Overlay::Restore(draft) => {
            if yes {
                restore(app, draft)
            } else if no {
                vec![Effect::ClearDraft(draft.key)]
            } else if key.code == KeyCode::Esc {
                Vec::new()
            } else {
                app.overlay = Some(Overlay::Restore(draft));
                Vec::new()
            }
        }
        Overlay::ConfirmLeave => {
            if yes {
                sitting::leave(app)
            } else if no || key.code == KeyCode::Esc {
                Vec::new()
            } else {
                app.overlay = Some(Overlay::ConfirmLeave);
                Vec::new()
            }
        }
    }
}
