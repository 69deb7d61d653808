//! The grading app's one state: the bundles being graded, which answer is on screen, and the
//! grade being given to it (six dimension scores and a comment) until it is recorded.

use std::path::PathBuf;
use std::rc::Rc;

use crate::i18n::{Lang, Ui};
use crate::session::Clock;
use crate::tui::app::Level;
use crate::tui::theme::Theme;
use crate::tui::widgets::editor::Editor;
use crate::tutor::bundle::{Bundle, BundleAnswer, Flag};
use crate::tutor::grading::{Band, Dimension, Grade};

/// One bundle file: where it came from, where the graded copy goes, what its checks found.
pub struct Paper {
    pub path: PathBuf,
    /// Written (atomically) after each grade: the bundle itself, or its copy in `--out DIR`.
    pub out: PathBuf,
    pub bundle: Bundle,
    /// From `tutor::bundle::verify` (or `verify_integrity` without a set): shown on every
    /// screen of this paper, never silently accepted.
    pub flags: Vec<Flag>,
}

/// Where the keys go.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    /// One of the six dimensions (index into `Dimension::ALL`).
    Dimension(usize),
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
    /// The grade being given, per `Dimension::ALL`.
    pub scores: [u8; 6],
    pub comment: Editor,
    pub focus: Focus,
    /// Changed since it was loaded or recorded: recorded on leaving the answer or the app.
    pub dirty: bool,
    pub answer_scroll: u16,
    pub notice: Option<(String, Level)>,
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
            scores: [0; 6],
            comment: Editor::default(),
            focus: Focus::Dimension(0),
            dirty: false,
            answer_scroll: 0,
            notice: None,
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

    /// Put the on-screen answer's grade in the editor: this grader's earlier one, else every
    /// dimension at the bottom of its 中 band (a neutral start to step from).
    pub fn load(&mut self) {
        let question = self.current_answer().map(|a| a.question.clone());
        let earlier = question
            .as_deref()
            .and_then(|q| self.grade_of(self.paper, q))
            .cloned();
        match earlier {
            Some(g) => {
                for (i, d) in Dimension::ALL.into_iter().enumerate() {
                    self.scores[i] = g.scores.get(&d).copied().unwrap_or(0);
                }
                self.comment = Editor::with_text(&g.comment);
            }
            None => {
                for (i, d) in Dimension::ALL.into_iter().enumerate() {
                    self.scores[i] = *d.range(Band::Fair).start();
                }
                self.comment = Editor::default();
            }
        }
        self.dirty = false;
        self.answer_scroll = 0;
        // A new answer is scored first, then commented.
        self.focus = Focus::Dimension(0);
    }

    /// The sum of the six scores (the overall `Grade::new` records).
    pub fn overall(&self) -> u32 {
        self.scores.iter().map(|&p| u32::from(p)).sum()
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
