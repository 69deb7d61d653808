//! The interview's keys: each changes the sitting and returns a `SittingAction`, what it asks
//! of the app around the sitting (`update` turns that into effects).

use std::time::Duration;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::session::Mode;
use crate::session::interview::Phase;
use crate::tui::input::is_ctrl;
use crate::tui::screens::home::move_cursor;
use crate::tui::screens::sitting::{ResultUi, Sitting};

/// What a key during an interview asks of the app around the sitting (`Sitting::handle_key`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SittingAction {
    None,
    /// Esc while answering or reviewing: ask whether to leave (the draft is kept).
    ConfirmLeave,
    /// A typed answer was submitted as outcome `slot`; `draft` is the key it was drafted under.
    Answered {
        slot: usize,
        draft: Option<String>,
    },
    /// A spoken answer's checklist was submitted as outcome `slot`.
    Checked {
        slot: usize,
    },
    /// Esc on the summary.
    Home,
    /// `q` on the summary.
    Quit,
}

/// Ctrl-S and F2 work everywhere; Ctrl-Enter only where the terminal reports it.
fn is_submit(key: &KeyEvent) -> bool {
    is_ctrl(key, 's')
        || key.code == KeyCode::F(2)
        || (key.code == KeyCode::Enter && key.modifiers.contains(KeyModifiers::CONTROL))
}

fn is_tips(key: &KeyEvent) -> bool {
    is_ctrl(key, 't') || key.code == KeyCode::F(3)
}

/// Scroll by `step` lines, down or up, never below zero.
fn scroll(at: u16, down: bool, step: u16) -> u16 {
    if down {
        at.saturating_add(step)
    } else {
        at.saturating_sub(step)
    }
}

impl ResultUi {
    /// Keys of the result screen: scroll the details (j/k, arrows, g) and the answer
    /// (PgUp/PgDn), `r` for the reference answer, `e` for the graded examples.
    fn handle_key(&mut self, key: &KeyEvent) {
        match key.code {
            KeyCode::Char('r') => self.toggle_reference(),
            KeyCode::Char('e') => self.toggle_examples(),
            KeyCode::Down | KeyCode::Char('j') => self.scroll = scroll(self.scroll, true, 1),
            KeyCode::Up | KeyCode::Char('k') => self.scroll = scroll(self.scroll, false, 1),
            KeyCode::Home | KeyCode::Char('g') => self.scroll = 0,
            KeyCode::PageDown => self.answer_scroll = scroll(self.answer_scroll, true, 5),
            KeyCode::PageUp => self.answer_scroll = scroll(self.answer_scroll, false, 5),
            _ => {}
        }
    }
}

impl Sitting {
    /// Submit the editor's text to be scored: `Answered`, naming the draft it replaces (a
    /// draft's key does not depend on the time it is saved at).
    pub fn submit_text(&mut self, now: Duration) -> SittingAction {
        let draft = self.draft(0).map(|d| d.key);
        let text = self.editor.text();
        match self.interview.submit(&text, now) {
            Some(slot) => SittingAction::Answered { slot, draft },
            None => SittingAction::None,
        }
    }

    /// A key during the interview: the sitting changes itself and says what else it asks for.
    pub fn handle_key(&mut self, key: &KeyEvent, now: Duration) -> SittingAction {
        let practice = self.mode() == Mode::Practice;
        match self.interview.phase {
            Phase::Prep { .. } | Phase::Answer { .. } if key.code == KeyCode::Esc => {
                return SittingAction::ConfirmLeave;
            }
            Phase::Prep { .. } | Phase::Answer { .. } if is_tips(key) && practice => {
                self.show_tips = !self.show_tips;
            }
            Phase::Prep { .. } | Phase::Answer { .. }
                if matches!(key.code, KeyCode::PageUp | KeyCode::PageDown) =>
            {
                self.prompt_scroll = scroll(self.prompt_scroll, key.code == KeyCode::PageDown, 5);
            }
            Phase::Prep { .. } => {
                let types = matches!(key.code, KeyCode::Char(_))
                    && !key.modifiers.contains(KeyModifiers::CONTROL)
                    && self.mode() != Mode::Spoken;
                if key.code == KeyCode::Enter || types {
                    self.interview.skip_prep(now);
                }
                if types {
                    self.editor.input(*key);
                }
            }
            Phase::Answer { .. } if self.mode() == Mode::Spoken => {
                if key.code == KeyCode::Enter || is_submit(key) {
                    self.interview.finish_speaking(now);
                }
            }
            Phase::Answer { .. } => {
                if is_submit(key) {
                    return self.submit_text(now);
                }
                self.editor.input(*key);
            }
            Phase::Checklist { .. } => return self.checklist_key(key, now),
            Phase::Review { .. } => match key.code {
                KeyCode::Esc => return SittingAction::ConfirmLeave,
                KeyCode::Char('t') => {
                    self.interview.retry(now);
                }
                KeyCode::Enter | KeyCode::Char('n') => {
                    self.interview.next(now);
                }
                _ => self.result.handle_key(key),
            },
            Phase::Finished => return self.summary_key(key),
        }
        SittingAction::None
    }

    /// Keys of a spoken answer's checklist: tick, move, submit.
    fn checklist_key(&mut self, key: &KeyEvent, now: Duration) -> SittingAction {
        let len = self.checklist_ticks.len();
        if key.code == KeyCode::Esc {
            return SittingAction::ConfirmLeave;
        } else if matches!(key.code, KeyCode::Char(' ') | KeyCode::Char('x')) {
            if let Some(t) = self.checklist_ticks.get_mut(self.checklist_cursor) {
                *t = !*t;
            }
        } else if key.code == KeyCode::Enter || is_submit(key) {
            let (points, _) = self.interview.checklist_items();
            let (p, sec) = self.checklist_ticks.split_at(points.len().min(len));
            let (p, sec) = (p.to_vec(), sec.to_vec());
            if let Some(slot) = self.interview.submit_checklist(&p, &sec, now) {
                return SittingAction::Checked { slot };
            }
        } else {
            move_cursor(&mut self.checklist_cursor, len, key);
        }
        SittingAction::None
    }

    /// Keys of the summary, and of an answer opened from it.
    fn summary_key(&mut self, key: &KeyEvent) -> SittingAction {
        match self.viewing {
            Some(_) if key.code == KeyCode::Esc => {
                self.viewing = None;
                self.result = ResultUi::default();
            }
            Some(_) => self.result.handle_key(key),
            None => match key.code {
                KeyCode::Esc => return SittingAction::Home,
                KeyCode::Char('q') => return SittingAction::Quit,
                KeyCode::Enter => {
                    self.viewing = self
                        .interview
                        .final_outcomes()
                        .get(self.summary_cursor)
                        .map(|(i, _)| *i);
                }
                _ => {
                    let rows = self.interview.final_outcomes().len();
                    move_cursor(&mut self.summary_cursor, rows, key);
                }
            },
        }
        SittingAction::None
    }
}
