//! The history screen's part of `update`: what its keys (`HistoryAction`) ask of the store.

use crossterm::event::KeyEvent;

use crate::tui::app::{App, Screen};
use crate::tui::effect::Effect;
use crate::tui::screens::history::HistoryAction;
use crate::tui::update::go_home;

/// A key on the history screen: a page to load, a session to open, or back home.
pub fn on_key(app: &mut App, key: KeyEvent) -> Vec<Effect> {
    let Screen::History(h) = &mut app.screen else {
        return Vec::new();
    };
    match h.handle_key(&key) {
        HistoryAction::None => Vec::new(),
        HistoryAction::Load(offset) => vec![Effect::LoadHistory {
            filter: h.filter.clone(),
            offset,
        }],
        HistoryAction::Open(id) => vec![Effect::LoadSession(id)],
        HistoryAction::Back => go_home(app),
    }
}
