//! The session detail's part of `update`: back to the history it was opened from.

use crossterm::event::KeyEvent;

use crate::tui::app::{App, Screen};
use crate::tui::effect::Effect;
use crate::tui::filter::FilterChoices;
use crate::tui::screens::detail::DetailAction;
use crate::tui::screens::history::History;

/// A key on the session detail: back to the history it was opened from.
pub fn on_key(app: &mut App, key: KeyEvent) -> Vec<Effect> {
    let Screen::Detail(d) = &mut app.screen else {
        return Vec::new();
    };
    match d.handle_key(&key, &app.banks) {
        DetailAction::None => {}
        DetailAction::Back => {
            let back = std::mem::replace(
                &mut d.back,
                Box::new(History::new(FilterChoices::default())),
            );
            app.screen = Screen::History(back);
        }
    }
    Vec::new()
}
