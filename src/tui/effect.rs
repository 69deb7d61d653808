//! What `update` asks the event loop to do: everything that touches the store or the speaker,
//! as values (`Io::run` carries them out and answers with a `Msg`), so `update` does no I/O.

use crate::bank::Language;
use crate::session::Mode;
use crate::session::interview::Outcome;
use crate::store::{AnswerId, Draft, HistoryFilter, NewAnswer, NewSession, SessionId};
use crate::tui::sets::SetLink;

/// Work for the event loop: everything that touches the store or the speaker.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Answered with `Msg::SessionCreated`.
    CreateSession(NewSession),
    /// As `CreateSession`, then records the assignment set the session answers (so
    /// `mianba set export` finds it).
    CreateSetSession {
        session: NewSession,
        set: SetLink,
    },
    /// Answered with `Msg::AnswerSaved`.
    SaveAnswer(Box<AnswerToSave>),
    /// Delete the session if it holds nothing (left before its first answer, no draft).
    DropIfEmpty(SessionId),
    FinishSession {
        id: SessionId,
        at: i64,
    },
    /// Save the answer being typed with the seconds already spent on it.
    SaveDraft {
        draft: Draft,
        seconds: u32,
    },
    /// Answered with `Msg::DraftSeconds`: the seconds saved with a draft being restored.
    LoadDraftSeconds(String),
    /// Answered with `Msg::RestoreReady`: what the draft's session was (and, for a drill,
    /// the questions still due at `now`), so the restore resumes it as it was.
    LoadRestore {
        draft: Draft,
        now: i64,
    },
    ClearDraft(String),
    /// Read a prompt aloud (cutting off what was being read).
    Speak {
        text: String,
        lang: Language,
    },
    StopSpeaking,
    /// Answered with `Msg::HistoryLoaded`.
    LoadHistory {
        filter: HistoryFilter,
        offset: usize,
    },
    /// Answered with `Msg::SessionLoaded`.
    LoadSession(SessionId),
    /// Answered with `Msg::ProgressLoaded`.
    LoadProgress(HistoryFilter),
    /// Answered with `Msg::DueCount`; `now` in Unix seconds.
    LoadDueCount {
        now: i64,
    },
    /// Answered with `Msg::HomeChoices`.
    LoadHomeChoices,
    /// Answered with `Msg::SetAttempts`.
    LoadSetAttempts,
    /// Keep the home screen's choices for next time (`Home::choices_setting`); no answer.
    SaveHomeChoices(String),
    /// Answered with `Msg::DrillReady`: the due questions, or the `weakest` n.
    LoadDrill {
        weakest: Option<usize>,
        now: i64,
    },
}

/// An answer to save: the interview's outcome and what the session adds to it. Owned (an
/// effect outlives the borrow of the sitting); the store's `NewAnswer` borrows from it.
#[derive(Debug, Clone, PartialEq)]
pub struct AnswerToSave {
    /// The outcome's index in the interview, echoed back in `Msg::AnswerSaved`.
    pub slot: usize,
    pub session_id: SessionId,
    pub parent: Option<AnswerId>,
    pub mode: Mode,
    pub created_at: i64,
    pub outcome: Outcome,
}

impl AnswerToSave {
    /// The store's record of it (a spoken answer has no text).
    pub fn new_answer(&self) -> NewAnswer<'_> {
        let o = &self.outcome;
        NewAnswer {
            session_id: self.session_id,
            parent: self.parent,
            question_id: &o.question_id,
            followup: o.step.followup,
            bank_id: &o.bank_id,
            category: &o.category,
            prompt: &o.prompt,
            answer_text: o.answer.as_deref().unwrap_or(""),
            seconds_used: o.seconds,
            attempt: o.attempt,
            scorecard: &o.card,
            mode: self.mode,
            created_at: self.created_at,
        }
    }
}
