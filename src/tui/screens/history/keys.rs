//! The history screen's keys: each moves the cursor or the filter and returns a
//! `HistoryAction`, what it asks of the app (`update` turns that into effects).

use crossterm::event::{KeyCode, KeyEvent};

use crate::store::SessionId;
use crate::tui::screens::history::{History, PAGE};

/// Rows PgUp/PgDn move.
const JUMP: usize = 10;

/// What a key on the history screen asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HistoryAction {
    None,
    /// Fetch the page starting at this offset (the filter or the cursor changed).
    Load(usize),
    Open(SessionId),
    Back,
}

impl History {
    pub fn handle_key(&mut self, key: &KeyEvent) -> HistoryAction {
        if self.choices.cycle(&mut self.filter, key) {
            self.cursor = 0;
            return HistoryAction::Load(0);
        }
        let last = self.count.saturating_sub(1);
        match key.code {
            KeyCode::Esc | KeyCode::Char('q') => return HistoryAction::Back,
            KeyCode::Enter => {
                return self
                    .selected()
                    .map_or(HistoryAction::None, |s| HistoryAction::Open(s.id));
            }
            KeyCode::PageDown => self.cursor = (self.cursor + JUMP).min(last),
            KeyCode::PageUp => self.cursor = self.cursor.saturating_sub(JUMP),
            _ => {
                if !crate::tui::screens::home::move_cursor(&mut self.cursor, self.count, key) {
                    return HistoryAction::None;
                }
            }
        }
        if self.selected().is_none() && self.count > 0 {
            // Centre the next window on the cursor.
            HistoryAction::Load(self.cursor.saturating_sub(PAGE / 2))
        } else {
            HistoryAction::None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::Mode;
    use crate::store::{SessionFields, SessionSummary};
    use crate::tui::filter::FilterChoices;
    use crossterm::event::KeyModifiers;

    fn key(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    fn summary(id: i64) -> SessionSummary {
        SessionSummary {
            id: SessionId(id),
            fields: SessionFields {
                started_at: id,
                finished_at: None,
                mode: Mode::Practice,
                preset: None,
                seed: 0,
                banks: Vec::new(),
                lang: "zh".into(),
            },
            questions: 1,
            average_total: Some(50.0),
            graded: false,
        }
    }

    #[test]
    fn leaving_the_window_asks_for_the_page_around_the_cursor() {
        let mut h = History::new(FilterChoices::default());
        h.loaded(0, (0..PAGE as i64).map(summary).collect(), 1000);
        assert_eq!(h.handle_key(&key(KeyCode::PageDown)), HistoryAction::None);
        assert_eq!(h.cursor, 10);
        assert_eq!(
            h.handle_key(&key(KeyCode::Char('G'))),
            HistoryAction::Load(999 - PAGE / 2)
        );
        h.loaded(
            999 - PAGE / 2,
            (0..PAGE as i64).map(summary).collect(),
            1000,
        );
        assert_eq!(h.selected().map(|s| s.id), Some(SessionId(PAGE as i64 / 2)));
        assert_eq!(
            h.handle_key(&key(KeyCode::Char('g'))),
            HistoryAction::Load(0)
        );
    }

    #[test]
    fn filters_reload_from_the_top_and_enter_opens_the_selected() {
        let mut h = History::new(FilterChoices::default());
        h.loaded(0, vec![summary(7), summary(3)], 2);
        h.handle_key(&key(KeyCode::Char('j')));
        assert_eq!(
            h.handle_key(&key(KeyCode::Enter)),
            HistoryAction::Open(SessionId(3))
        );
        assert_eq!(
            h.handle_key(&key(KeyCode::Char('m'))),
            HistoryAction::Load(0)
        );
        assert_eq!((h.cursor, h.filter.mode), (0, Some(Mode::Practice)));
        h.loaded(0, Vec::new(), 0);
        assert_eq!(h.handle_key(&key(KeyCode::Enter)), HistoryAction::None);
        assert_eq!(h.handle_key(&key(KeyCode::Esc)), HistoryAction::Back);
    }
}
