//! The session detail's state: one saved session, its answers in order with each follow-up
//! right under its parent, the one on screen, and what was asked of it — the reference,
//! a re-score with today's rubric, insights. Re-scoring and insights are the core's
//! (`crate::review`); this only keeps their results while the answer is shown.

use crossterm::event::{KeyCode, KeyEvent};

use crate::bank::BankSet;
use crate::review::history::{Rescore, rescore};
use crate::review::insights::{Insights, guess_language, insights};
use crate::store::{AnswerRecord, SessionDetail};
use crate::tui::screens::history::History;
use crate::tui::screens::sitting::ResultUi;
use crate::tutor::grading::Grade;

/// What the body of the detail screen shows for the current answer.
#[derive(Debug, Clone, PartialEq)]
pub enum Panel {
    Result,
    /// Old and new cards.
    Rescore(Box<Rescore>),
    Insights(Box<Insights>),
}

pub struct Detail {
    pub session: SessionDetail,
    /// (main answer, follow-up) indexes, in the order shown.
    pub order: Vec<(usize, Option<usize>)>,
    pub cursor: usize,
    pub result: ResultUi,
    pub panel: Panel,
    /// The history screen to return to, as it was left.
    pub back: Box<History>,
}

/// What a key on the detail screen asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DetailAction {
    None,
    Back,
}

impl Detail {
    pub fn new(session: SessionDetail, back: Box<History>) -> Detail {
        let order = session
            .answers
            .iter()
            .enumerate()
            .flat_map(|(i, a)| {
                std::iter::once((i, None)).chain((0..a.followups.len()).map(move |f| (i, Some(f))))
            })
            .collect();
        Detail {
            session,
            order,
            cursor: 0,
            result: ResultUi::default(),
            panel: Panel::Result,
            back,
        }
    }

    /// The answer on screen.
    pub fn current(&self) -> Option<&AnswerRecord> {
        let (i, f) = *self.order.get(self.cursor)?;
        let main = self.session.answers.get(i)?;
        match f {
            None => Some(main),
            Some(f) => main.followups.get(f),
        }
    }

    /// The tutors' grades of the answer on screen (follow-ups are not graded).
    pub fn tutor_grades(&self) -> Vec<&Grade> {
        match self.order.get(self.cursor) {
            Some(&(i, None)) => self.session.grades_of(i),
            _ => Vec::new(),
        }
    }

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
