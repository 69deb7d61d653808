//! A sitting: one interview in progress on screen. Holds the interview itself and what the
//! screens around it need — the editor, scroll positions, the checklist ticks, which saved
//! answer each outcome became, and when the draft was last saved.

use std::time::Duration;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::session::Mode;
use crate::session::interview::{Interview, Outcome, Phase};
use crate::store::{AnswerId, Draft, SessionId};
use crate::tui::input::is_ctrl;
use crate::tui::screens::home::{Choice, move_cursor};
use crate::tui::update::Effect;
use crate::tui::widgets::editor::Editor;

/// How often the answer being typed is saved as a draft (when it changed).
pub const DRAFT_EVERY: Duration = Duration::from_secs(2);

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

/// The result screen's view state.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ResultUi {
    pub scroll: u16,
    pub answer_scroll: u16,
    pub show_reference: bool,
    /// The graded examples ("what a 5 sounds like") in place of the answer.
    pub show_examples: bool,
}

impl ResultUi {
    /// The left pane shows the reference, or back the answer.
    pub fn toggle_reference(&mut self) {
        self.show_reference = !self.show_reference;
        self.show_examples = false;
        self.answer_scroll = 0;
    }

    /// The left pane shows the graded examples, or back the answer.
    pub fn toggle_examples(&mut self) {
        self.show_examples = !self.show_examples;
        self.show_reference = false;
        self.answer_scroll = 0;
    }
}

pub struct Sitting {
    pub interview: Interview,
    pub choice: Choice,
    /// Set when the store created the session row; answers are saved against it.
    pub session_id: Option<SessionId>,
    /// The saved answer of each outcome (same index), once the store confirmed it.
    pub answer_ids: Vec<Option<AnswerId>>,
    pub editor: Editor,
    pub prompt_scroll: u16,
    pub show_tips: bool,
    pub checklist_cursor: usize,
    pub checklist_ticks: Vec<bool>,
    pub result: ResultUi,
    /// The summary's selected row, and the outcome opened from it.
    pub summary_cursor: usize,
    pub viewing: Option<usize>,
    /// The editor text as last saved (or restored), to save only when it changed.
    pub saved_text: String,
    pub last_draft_at: Duration,
    /// A restored draft's old key, cleared once the text is saved under the new one.
    pub replaces_draft: Option<String>,
    /// The session was marked finished in the store.
    pub finished: bool,
    /// The assignment set this sitting answers, if any: its summary says how to send it.
    pub set: Option<crate::tui::sets::SetLink>,
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
    pub fn new(interview: Interview, choice: Choice, now: Duration) -> Sitting {
        Sitting {
            interview,
            choice,
            session_id: None,
            answer_ids: Vec::new(),
            editor: Editor::default(),
            prompt_scroll: 0,
            show_tips: false,
            checklist_cursor: 0,
            checklist_ticks: Vec::new(),
            result: ResultUi::default(),
            summary_cursor: 0,
            viewing: None,
            saved_text: String::new(),
            last_draft_at: now,
            replaces_draft: None,
            finished: false,
            set: None,
        }
    }

    pub fn mode(&self) -> Mode {
        self.interview.mode
    }

    /// What the heading calls this interview: a drill (or "retry my weakest") is a practice
    /// underneath but is named as what the candidate chose, by its plan's preset.
    pub fn title(&self, ui: &crate::i18n::Ui) -> &'static str {
        match self.interview.plan.preset.as_deref() {
            Some(crate::review::drill::DUE_PRESET) => ui.mode_drill,
            Some(crate::review::drill::WEAKEST_PRESET) => ui.mode_weakest,
            _ => self.choice.name(ui),
        }
    }

    /// Whether the candidate is typing an answer right now (keys go to the editor).
    pub fn typing(&self) -> bool {
        self.mode() != Mode::Spoken && matches!(self.interview.phase, Phase::Answer { .. })
    }

    /// The outcome the result screen shows: the one under review, or one opened from the
    /// summary.
    pub fn shown_outcome(&self) -> Option<(usize, &Outcome)> {
        let i = match self.interview.phase {
            Phase::Review { outcome } => outcome,
            Phase::Finished => self.viewing?,
            _ => return None,
        };
        self.interview.outcomes.get(i).map(|o| (i, o))
    }

    /// The draft of the answer being typed, if there is text to keep.
    pub fn draft(&self, unix_now: i64) -> Option<Draft> {
        if !self.typing() || self.editor.is_empty() {
            return None;
        }
        let asked = self.interview.current();
        Some(Draft {
            key: Draft::key_for(self.session_id, &asked.question_id, asked.followup),
            session_id: self.session_id,
            question_id: asked.question_id.clone(),
            followup: asked.followup,
            text: self.editor.text(),
            updated_at: unix_now,
        })
    }

    /// Saving the draft (if there is one) with the seconds spent answering so far.
    pub fn draft_effect(&self, unix_now: i64, now: Duration) -> Option<Effect> {
        self.draft(unix_now).map(|draft| Effect::SaveDraft {
            draft,
            seconds: self.interview.answer_seconds(now),
        })
    }

    /// A restored answer goes on timing from the `seconds` spent on it before: its start
    /// moves back by them (the app's clock never starts at zero, see `tui::ShiftedClock`).
    pub fn carry_answer_time(&mut self, seconds: u32) {
        if let Phase::Answer { started_at, .. } = &mut self.interview.phase {
            *started_at = started_at.saturating_sub(Duration::from_secs(u64::from(seconds)));
        }
    }

    /// The saved answer a follow-up answer hangs under: the latest main answer to its question.
    pub fn parent_of(&self, outcome: usize) -> Option<AnswerId> {
        let o = self.interview.outcomes.get(outcome)?;
        o.step.followup?;
        self.interview.outcomes[..outcome]
            .iter()
            .enumerate()
            .rev()
            .find(|(_, p)| p.step.question == o.step.question && p.step.followup.is_none())
            .and_then(|(i, _)| self.answer_ids.get(i).copied().flatten())
    }

    /// Fresh per-question view state after the interview moved on.
    pub fn reset_for_next(&mut self) {
        self.editor = Editor::default();
        self.saved_text.clear();
        self.prompt_scroll = 0;
        self.show_tips = false;
        self.result = ResultUi::default();
        self.checklist_cursor = 0;
        let (points, sections) = self.interview.checklist_items();
        self.checklist_ticks = vec![false; points.len() + sections.len()];
    }

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
