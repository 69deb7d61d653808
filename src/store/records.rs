//! The rows of the store as Rust values: what goes in (`NewSession`, `NewAnswer`, `Draft`) and
//! what comes out (`SessionSummary`, `SessionDetail`, `AnswerRecord`); `SessionFields` and
//! `AnswerFields` are what every kept session and answer carry.
//! Times are Unix seconds (from `Clock::unix_now`).

use serde::{Deserialize, Serialize};

use crate::scoring::Scorecard;
use crate::session::Mode;
use crate::tutor::grading::Grade;

/// A saved session's row id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct SessionId(pub i64);

/// A saved answer's row id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct AnswerId(pub i64);

impl std::fmt::Display for SessionId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.0)
    }
}

impl std::fmt::Display for AnswerId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// A session about to start.
#[derive(Debug, Clone, PartialEq)]
pub struct NewSession {
    pub started_at: i64,
    pub mode: Mode,
    /// A named preset such as `civil-service`, if one was used.
    pub preset: Option<String>,
    /// The seed of the draw, so the same interview can be drawn again.
    pub seed: u64,
    /// Bank ids the questions were drawn from (empty = all banks).
    pub banks: Vec<String>,
    /// UI language code, `zh` or `en`.
    pub lang: String,
}

/// One submitted answer (a main answer or a follow-up), saved the moment it is submitted.
/// Borrowed so that saving a long answer copies nothing.
#[derive(Debug, Clone, Copy)]
pub struct NewAnswer<'a> {
    pub session_id: SessionId,
    /// For a follow-up: the main answer it followed. `None` for a main answer.
    pub parent: Option<AnswerId>,
    /// Full id `bank/question` of the question (for a follow-up: of its parent question).
    pub question_id: &'a str,
    /// For a follow-up: its index in the question's `followups`.
    pub followup: Option<usize>,
    pub bank_id: &'a str,
    pub category: &'a str,
    /// The prompt as asked (the follow-up's own prompt for a follow-up).
    pub prompt: &'a str,
    /// What the candidate typed (empty for a spoken answer).
    pub answer_text: &'a str,
    pub seconds_used: u32,
    /// 1 for the first try, 2 after one retry, …
    pub attempt: u32,
    pub scorecard: &'a Scorecard,
    pub mode: Mode,
    pub created_at: i64,
}

/// The text being typed, saved every few seconds so a crash loses (almost) nothing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Draft {
    /// One draft per key; saving again under the same key replaces it. See `Draft::key_for`.
    pub key: String,
    pub session_id: Option<SessionId>,
    /// Full id `bank/question`.
    pub question_id: String,
    /// For a follow-up: its index in the question's `followups`.
    pub followup: Option<usize>,
    pub text: String,
    pub updated_at: i64,
}

impl Draft {
    /// The conventional key: one draft per session, question and follow-up.
    pub fn key_for(
        session: Option<SessionId>,
        question_id: &str,
        followup: Option<usize>,
    ) -> String {
        let session = session.map_or_else(|| "-".to_string(), |s| s.0.to_string());
        match followup {
            Some(i) => format!("{session}:{question_id}#{i}"),
            None => format!("{session}:{question_id}"),
        }
    }
}

/// What every kept session says of itself: a line of the history (`SessionSummary`) and a
/// backup's row each add their own ids and counts to it, so these fields are listed once.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SessionFields {
    pub started_at: i64,
    pub finished_at: Option<i64>,
    pub mode: Mode,
    pub preset: Option<String>,
    pub seed: u64,
    pub banks: Vec<String>,
    pub lang: String,
}

/// One line of the history: a session with its question count and average.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SessionSummary {
    pub id: SessionId,
    #[serde(flatten)]
    pub fields: SessionFields,
    /// Distinct questions answered (follow-ups and retries not counted again).
    pub questions: usize,
    /// Mean total of the last attempt at each question, follow-ups excluded; `None` when
    /// nothing was answered.
    pub average_total: Option<f64>,
    /// A tutor's grade of some answer was imported (`set import-grades`).
    #[serde(default)]
    pub graded: bool,
}

/// A session is read by its fields (`s.started_at`) wherever it is shown.
impl std::ops::Deref for SessionSummary {
    type Target = SessionFields;
    fn deref(&self) -> &SessionFields {
        &self.fields
    }
}

/// What every kept answer says of itself: a saved answer (`AnswerRecord`), a backup's row
/// and a recovery file each add their own ids to it, so these fields are listed once.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AnswerFields {
    /// Full id `bank/question` (for a follow-up: of its parent question).
    pub question_id: String,
    /// For a follow-up: its index in the question's `followups`.
    pub followup: Option<usize>,
    pub bank_id: String,
    pub category: String,
    pub prompt: String,
    pub answer_text: String,
    pub seconds_used: u32,
    pub attempt: u32,
    pub mode: Mode,
    pub created_at: i64,
}

impl AnswerFields {
    /// The fields of an answer about to be saved.
    pub fn of(a: &NewAnswer<'_>) -> AnswerFields {
        AnswerFields {
            question_id: a.question_id.into(),
            followup: a.followup,
            bank_id: a.bank_id.into(),
            category: a.category.into(),
            prompt: a.prompt.into(),
            answer_text: a.answer_text.into(),
            seconds_used: a.seconds_used,
            attempt: a.attempt,
            mode: a.mode,
            created_at: a.created_at,
        }
    }

    /// This answer, to be saved again in `session_id`.
    pub fn to_new<'a>(
        &'a self,
        session_id: SessionId,
        parent: Option<AnswerId>,
        scorecard: &'a Scorecard,
    ) -> NewAnswer<'a> {
        NewAnswer {
            session_id,
            parent,
            question_id: &self.question_id,
            followup: self.followup,
            bank_id: &self.bank_id,
            category: &self.category,
            prompt: &self.prompt,
            answer_text: &self.answer_text,
            seconds_used: self.seconds_used,
            attempt: self.attempt,
            scorecard,
            mode: self.mode,
            created_at: self.created_at,
        }
    }
}

/// One saved answer with its follow-ups.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AnswerRecord {
    pub id: AnswerId,
    pub parent: Option<AnswerId>,
    #[serde(flatten)]
    pub fields: AnswerFields,
    pub total: u8,
    pub content: u8,
    pub structure: u8,
    pub delivery: u8,
    pub scorecard: Scorecard,
    /// Follow-up answers to this one, in the order they were given (empty for a follow-up).
    pub followups: Vec<AnswerRecord>,
}

/// An answer is read by its fields (`a.prompt`) wherever it is shown.
impl std::ops::Deref for AnswerRecord {
    type Target = AnswerFields;
    fn deref(&self) -> &AnswerFields {
        &self.fields
    }
}

/// A session with every answer, in the order given, follow-ups under their parent.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SessionDetail {
    pub summary: SessionSummary,
    pub answers: Vec<AnswerRecord>,
    /// The tutors' grades imported for this session, by question then grader.
    #[serde(default)]
    pub grades: Vec<Grade>,
}

impl SessionDetail {
    /// The tutors' grades of `answers[i]`. A bundle carries the last attempt at each
    /// question, so a grade belongs to that attempt, not to earlier ones or follow-ups.
    pub fn grades_of(&self, i: usize) -> Vec<&Grade> {
        let Some(a) = self.answers.get(i) else {
            return Vec::new();
        };
        let later = self.answers[i + 1..]
            .iter()
            .any(|b| b.followup.is_none() && b.question_id == a.question_id);
        if a.followup.is_some() || later {
            return Vec::new();
        }
        self.grades
            .iter()
            .filter(|g| g.question == a.question_id)
            .collect()
    }
}
