//! The session detail's keys: each moves between answers, scrolls, or opens a panel (the
//! re-score or insights, computed by the core) and returns a `DetailAction`.

use crossterm::event::{KeyCode, KeyEvent};

use crate::bank::BankSet;
use crate::review::history::rescore;
use crate::review::insights::{guess_language, insights};
use crate::tui::screens::detail::{Detail, Panel};
use crate::tui::screens::sitting::ResultUi;

/// What a key on the detail screen asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DetailAction {
    None,
    Back,
}

impl Detail {
    pub fn handle_key(&mut self, key: &KeyEvent, banks: &BankSet) -> DetailAction {
        let last = self.order.len().saturating_sub(1);
        let before = self.cursor;
        let step = |at: u16, down: bool, by: u16| {
            if down {
                at.saturating_add(by)
            } else {
                at.saturating_sub(by)
            }
        };
        match key.code {
            KeyCode::Esc | KeyCode::Char('q') => return DetailAction::Back,
            KeyCode::Char('n') | KeyCode::Right | KeyCode::Tab => {
                self.cursor = (self.cursor + 1).min(last)
            }
            KeyCode::Char('p') | KeyCode::Left | KeyCode::BackTab => {
                self.cursor = self.cursor.saturating_sub(1)
            }
            KeyCode::Char('r') => {
                self.result.toggle_reference();
                self.panel = Panel::Result;
            }
            KeyCode::Char('e') => {
                self.result.toggle_examples();
                self.panel = Panel::Result;
            }
            KeyCode::Char('s') => self.toggle(banks, true),
            KeyCode::Char('i') => self.toggle(banks, false),
            KeyCode::Down | KeyCode::Char('j') => {
                self.result.scroll = step(self.result.scroll, true, 1)
            }
            KeyCode::Up | KeyCode::Char('k') => {
                self.result.scroll = step(self.result.scroll, false, 1)
            }
            KeyCode::Home | KeyCode::Char('g') => self.result.scroll = 0,
            KeyCode::PageDown => {
                self.result.answer_scroll = step(self.result.answer_scroll, true, 5)
            }
            KeyCode::PageUp => {
                self.result.answer_scroll = step(self.result.answer_scroll, false, 5)
            }
            _ => {}
        }
        if self.cursor != before {
            self.result = ResultUi::default();
            self.panel = Panel::Result;
        }
        DetailAction::None
    }

    /// Open the re-score (or insights) panel, or close it when it is open.
    fn toggle(&mut self, banks: &BankSet, rescoring: bool) {
        let open = matches!(
            (&self.panel, rescoring),
            (Panel::Rescore(_), true) | (Panel::Insights(_), false)
        );
        self.result.scroll = 0;
        self.panel = match self.current() {
            Some(a) if !open && rescoring => Panel::Rescore(Box::new(rescore(banks, a))),
            Some(a) if !open => {
                let lang = banks
                    .find_question(&a.question_id)
                    .map_or_else(|| guess_language(&a.answer_text), |(b, _)| b.language);
                Panel::Insights(Box::new(insights(&a.answer_text, &a.scorecard, lang)))
            }
            _ => Panel::Result,
        };
    }
}
