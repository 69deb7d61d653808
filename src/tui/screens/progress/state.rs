//! The progress screen's state: the filter and what the core computed for it
//! (`crate::review::progress`), plus how far the notes pane is scrolled.

use crossterm::event::{KeyCode, KeyEvent};

use crate::review::progress::Progress;
use crate::store::HistoryFilter;
use crate::tui::filter::FilterChoices;

#[derive(Debug, Clone, PartialEq)]
pub struct ProgressScreen {
    pub filter: HistoryFilter,
    pub choices: FilterChoices,
    /// `None` until the store answered.
    pub progress: Option<Progress>,
    pub scroll: u16,
}

/// What a key on the progress screen asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProgressAction {
    None,
    /// The filter changed: compute again.
    Load,
    Back,
}

impl ProgressScreen {
    pub fn new(choices: FilterChoices) -> ProgressScreen {
        ProgressScreen {
            filter: HistoryFilter::default(),
            choices,
            progress: None,
            scroll: 0,
        }
    }

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
