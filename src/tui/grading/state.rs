//! The grading app's one state: the bundles being graded, which answer is on screen, and the
//! grade being given to it (six dimension scores, each unset until the grader sets it, an
//! overall the grader may type, and a comment) until it is recorded.

use std::rc::Rc;

use crate::i18n::{Lang, Ui};
use crate::session::Clock;
use crate::tui::app::Level;
use crate::tui::theme::Theme;
use crate::tui::widgets::editor::Editor;
use crate::tutor::bundle::BundleAnswer;
use crate::tutor::grading::{Band, Dimension, Grade};

pub use crate::tutor::papers::Paper;

/// Where the keys go.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    /// One of the six dimensions (index into `Dimension::ALL`).
    Dimension(usize),
    /// The overall, under the dimensions: typed when the grader gives one number.
    Overall,
    Comment,
}

pub struct Grading {
    pub lang: Lang,
    pub ui: &'static Ui,
    pub theme: Theme,
    pub clock: Rc<dyn Clock>,
    pub grader: String,
    pub papers: Vec<Paper>,
    /// The paper and the answer in it on screen.
    pub paper: usize,
    pub answer: usize,
    /// The grade being given, per `Dimension::ALL`; `None` until the grader sets it, so
    /// nothing is recorded that the grader did not give.
    pub scores: [Option<u8>; 6],
    /// An overall the grader typed (else the sum of the dimensions is recorded).
    pub overall_typed: Option<u8>,
    /// The digits typed into the focused score so far ("1" then "8" is 18); cleared when the
    /// focus moves.
    pub typed: String,
    pub comment: Editor,
    pub focus: Focus,
    /// Changed since it was loaded or recorded: recorded on leaving the answer or the app.
    pub dirty: bool,
    pub answer_scroll: u16,
    pub notice: Option<(String, Level)>,
    /// The key help overlay (F1 or `?`) is open.
    pub help: bool,
    /// Files given that could not be graded (unreadable, no answers), each "file: reason";
    /// shown on every screen and printed on the way out.
    pub skipped: Vec<String>,
    pub quit: bool,
}

impl Grading {
    pub fn new(
        lang: Lang,
        theme: Theme,
        clock: Rc<dyn Clock>,
        grader: &str,
        papers: Vec<Paper>,
    ) -> Grading {
        let mut g = Grading {
            lang,
            ui: lang.ui(),
            theme,
            clock,
            grader: grader.to_string(),
            papers,
            paper: 0,
            answer: 0,
            scores: [None; 6],
            overall_typed: None,
            typed: String::new(),
            comment: Editor::default(),
            focus: Focus::Dimension(0),
            dirty: false,
            answer_scroll: 0,
            notice: None,
            help: false,
            skipped: Vec::new(),
            quit: false,
        };
        g.load();
        g
    }

    pub fn current_paper(&self) -> Option<&Paper> {
        self.papers.get(self.paper)
    }

    pub fn current_answer(&self) -> Option<&BundleAnswer> {
        self.current_paper()?
            .bundle
            .content
            .answers
            .get(self.answer)
    }

    /// This grader's recorded grade of an answer, if any.
    pub fn grade_of(&self, paper: usize, question: &str) -> Option<&Grade> {
        self.papers
            .get(paper)?
            .bundle
            .grades
            .iter()
            .find(|g| g.grader == self.grader && g.question == question)
    }

    /// Put the on-screen answer's grade in the editor: this grader's draft of it (begun, not
    /// recorded: newer than any grade), else this grader's earlier grade, else every dimension
    /// unset (a preset score would be recorded by a grader who only pressed Ctrl-S).
    pub fn load(&mut self) {
        let question = self.current_answer().map(|a| a.question.clone());
        let draft = question.as_deref().and_then(|q| {
            self.current_paper()?
                .drafts
                .iter()
                .find(|d| d.grader == self.grader && d.question == q)
                .cloned()
        });
        let earlier = question
            .as_deref()
            .and_then(|q| self.grade_of(self.paper, q))
            .cloned();
        match (draft, earlier) {
            (Some(d), _) => {
                for (i, dim) in Dimension::ALL.into_iter().enumerate() {
                    self.scores[i] = d.scores.get(&dim).copied();
                }
                self.overall_typed = d.overall;
                // A file on disk: cleaned like any text read from one.
                self.comment = Editor::with_text(&crate::text::sanitize(&d.comment));
            }
            (None, Some(g)) => {
                for (i, d) in Dimension::ALL.into_iter().enumerate() {
                    self.scores[i] = g.scores.get(&d).copied();
                }
                let sum = self
                    .scores
                    .iter()
                    .flatten()
                    .map(|&p| u32::from(p))
                    .sum::<u32>();
                self.overall_typed = (u32::from(g.overall) != sum).then_some(g.overall);
                self.comment = Editor::with_text(&g.comment);
            }
            (None, None) => {
                self.scores = [None; 6];
                self.overall_typed = None;
                self.comment = Editor::default();
            }
        }
        self.typed.clear();
        self.dirty = false;
        self.answer_scroll = 0;
        // A new answer is scored first, then commented.
        self.focus = Focus::Dimension(0);
    }

    /// The overall shown: the one typed, else the sum of the six once all are set.
    pub fn overall(&self) -> Option<u32> {
        if let Some(o) = self.overall_typed {
            return Some(u32::from(o));
        }
        let all: Option<Vec<u8>> = self.scores.iter().copied().collect();
        all.map(|p| p.iter().map(|&x| u32::from(x)).sum())
    }

    /// A band's name in the UI language.
    pub fn band_name(&self, band: Band) -> &'static str {
        match band {
            Band::Good => self.ui.grade_band_good,
            Band::Fair => self.ui.grade_band_fair,
            Band::Poor => self.ui.grade_band_poor,
        }
    }

    /// A dimension's name in the UI language.
    pub fn dimension_name(&self, d: Dimension) -> &'static str {
        match self.lang {
            Lang::Zh => d.name(),
            Lang::En => d.name_en(),
        }
    }
}
