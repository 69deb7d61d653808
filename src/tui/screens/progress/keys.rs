//! The progress screen's keys: each changes the filter or scrolls the notes and returns a
//! `ProgressAction`.

use crossterm::event::{KeyCode, KeyEvent};

use crate::tui::screens::progress::ProgressScreen;

/// What a key on the progress screen asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProgressAction {
    None,
    /// The filter changed: compute again.
    Load,
    Back,
}

impl ProgressScreen {
    pub fn handle_key(&mut self, key: &KeyEvent) -> ProgressAction {
        if self.choices.cycle(&mut self.filter, key) {
            self.scroll = 0;
            return ProgressAction::Load;
        }
        match key.code {
            KeyCode::Esc | KeyCode::Char('q') => return ProgressAction::Back,
            KeyCode::Down | KeyCode::Char('j') => self.scroll = self.scroll.saturating_add(1),
            KeyCode::Up | KeyCode::Char('k') => self.scroll = self.scroll.saturating_sub(1),
            KeyCode::Home | KeyCode::Char('g') => self.scroll = 0,
            _ => {}
        }
        ProgressAction::None
    }
}
