//! `update(app, msg) -> effects`: the only place the state changes. It does no I/O; saving is
//! returned as `Effect`s that the event loop runs against the store (and answers with a `Msg`),
//! so every key path is testable with a plain `App`.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::store::Draft;
use crate::tui::app::{App, Overlay, Screen};
use crate::tui::home::HomeAction;
use crate::tui::msg::Msg;

/// Work for the event loop: everything that touches the store.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    SaveDraft(Draft),
    ClearDraft(String),
}

pub fn update(app: &mut App, msg: Msg) -> Vec<Effect> {
    match msg {
        Msg::Key(key) => on_key(app, key),
        Msg::Paste(_) | Msg::Resize(..) | Msg::Tick => Vec::new(),
        Msg::Interrupted => {
            app.quit = true;
            Vec::new()
        }
        Msg::SessionCreated(_) | Msg::AnswerSaved { .. } => Vec::new(),
        Msg::StoreFailed(why) => {
            let text = crate::i18n::fill(app.ui.not_saved, &[("why", &why)]);
            app.notify(text, crate::tui::app::Level::Error);
            Vec::new()
        }
    }
}

/// What must be saved whatever way the app ends: the answer being typed, as a draft.
pub fn final_effects(_app: &App) -> Vec<Effect> {
    Vec::new()
}

fn is_ctrl(key: &KeyEvent, c: char) -> bool {
    key.modifiers.contains(KeyModifiers::CONTROL) && key.code == KeyCode::Char(c)
}

fn on_key(app: &mut App, key: KeyEvent) -> Vec<Effect> {
    if is_ctrl(&key, 'c') {
        app.quit = true;
        return Vec::new();
    }
    if let Some(overlay) = app.overlay.take() {
        return on_overlay_key(app, overlay, key);
    }
    if key.code == KeyCode::F(1) {
        app.overlay = Some(Overlay::Help);
        return Vec::new();
    }
    match &mut app.screen {
        Screen::Home(home) => {
            if key.code == KeyCode::Char('?') {
                app.overlay = Some(Overlay::Help);
                return Vec::new();
            }
            match home.handle_key(&key) {
                HomeAction::None => Vec::new(),
                HomeAction::Quit => {
                    app.quit = true;
                    Vec::new()
                }
                HomeAction::Start => Vec::new(),
            }
        }
    }
}

/// Keys while an overlay is open. The overlay was taken out of `app`; put it back to keep it.
fn on_overlay_key(app: &mut App, overlay: Overlay, key: KeyEvent) -> Vec<Effect> {
    match overlay {
        // Any key closes the help.
        Overlay::Help => Vec::new(),
        Overlay::Restore(draft) => match key.code {
            KeyCode::Char('n') | KeyCode::Char('N') => vec![Effect::ClearDraft(draft.key)],
            KeyCode::Esc => Vec::new(),
            _ => {
                app.overlay = Some(Overlay::Restore(draft));
                Vec::new()
            }
        },
        Overlay::ConfirmLeave => Vec::new(),
    }
}
