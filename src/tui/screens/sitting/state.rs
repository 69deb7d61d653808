//! A sitting: one interview in progress on screen. Holds the interview itself and what the
//! screens around it need — the editor, scroll positions, the checklist ticks, which saved
//! answer each outcome became, and when the draft was last saved.

use std::time::Duration;

use crate::session::Mode;
use crate::session::interview::{Interview, Outcome, Phase};
use crate::store::{AnswerId, Draft, SessionId};
use crate::tui::effect::Effect;
use crate::tui::screens::home::Choice;
use crate::tui::widgets::editor::Editor;

/// How often the answer being typed is saved as a draft (when it changed).
pub const DRAFT_EVERY: Duration = Duration::from_secs(2);

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
}
