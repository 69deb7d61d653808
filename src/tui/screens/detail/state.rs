//! The session detail's state: one saved session, its answers in order with each follow-up
//! right under its parent, the one on screen, and what was asked of it — the reference,
//! a re-score with today's rubric, insights. Re-scoring and insights are the core's
//! (`crate::review`); this only keeps their results while the answer is shown.

use crate::review::history::Rescore;
use crate::review::insights::Insights;
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
}
