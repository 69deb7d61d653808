//! The progress screen's part of `update`: what its keys (`ProgressAction`) ask of the store.

use crossterm::event::KeyEvent;

use crate::tui::app::{App, Screen};
use crate::tui::effect::Effect;
use crate::tui::screens::progress::ProgressAction;
use crate::tui::update::go_home;

/// A key on the progress screen: compute again for a new filter, or back home.
pub fn on_key(app: &mut App, key: KeyEvent) -> Vec<Effect> {
    let Screen::Progress(p) = &mut app.screen else {
        return Vec::new();
    };
    match p.handle_key(&key) {
        ProgressAction::None => Vec::new(),
        ProgressAction::Load => vec![Effect::LoadProgress(p.filter.clone())],
        ProgressAction::Back => go_home(app),
    }
}
