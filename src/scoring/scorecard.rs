//! The scorecard: what the candidate sees and what `score --json` prints.
//! Field names are the JSON contract of `shared/design/cli.md`; extra fields are additions.

use serde::{Deserialize, Serialize};

/// Character (Unicode scalar) offsets into the answer as given, half-open.
pub type Span = [usize; 2];

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PointResult {
    pub name: String,
    pub hit: bool,
    pub required: bool,
    pub weight: u32,
    /// The phrase (as written in the bank or its thesaurus concept) that earned the point.
    pub matched: Option<String>,
    /// The thesaurus concept the phrase belongs to, when it was not the bank's own phrase.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub concept: Option<String>,
    /// Made only as a bare claim (「我会道歉。」, nothing said about how): half its weight.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub partial: bool,
    pub at: Option<Span>,
    /// The sentence of the reference answer that would earn this point, when missed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
    /// Earned by a sentence close to this sentence of the reference answer (`matched` is the
    /// candidate's sentence), not by a phrase.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub close_to: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AvoidHit {
    pub why: String,
    pub matched: String,
    pub at: Span,
    pub penalty: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SectionResult {
    pub name: String,
    pub found: bool,
    /// Character offset of the section's first cue, when found.
    pub at: Option<usize>,
    #[serde(default)]
    pub optional: bool,
    /// The cue that was found.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cue: Option<String>,
}

/// Reasons an answer earned no content credit, or other facts worth a flag.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Flag {
    Empty,
    RestatesPrompt,
    KeywordList,
    TooShort,
    TooLong,
    OverTime,
    /// On the topic, but no point earned: a little content credit for relevance.
    Vague,
    /// Nothing to do with the question.
    OffTopic,
    /// In the other language from the question (Chinese for an English question, English
    /// for a Chinese one): none of its points can be found, so it earns nothing.
    WrongLanguage,
    /// Faster than anyone types or speaks: probably pasted.
    TooFast,
    TooSlow,
    /// Hostile words toward a customer or colleague: the total is capped.
    Hostile,
    /// Most points were only claimed (「我会道歉。」), never explained: the total is capped.
    BareClaims,
    /// Sentences about something other than the question: the total shrinks in proportion.
    Padded,
    /// Sentences repeated: they count once.
    Repeated,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Scorecard {
    /// Full question id, `bank/question`.
    pub question: String,
    pub total: u8,
    pub content: u8,
    pub structure: u8,
    pub delivery: u8,
    pub points: Vec<PointResult>,
    /// Names of required points not earned.
    pub missing_required: Vec<String>,
    pub avoid: Vec<AvoidHit>,
    pub sections: Vec<SectionResult>,
    pub order_ok: bool,
    /// Length of the answer in characters (whitespace excluded).
    pub chars: usize,
    pub fillers: usize,
    pub feedback: Vec<String>,
    /// Enumeration markers found (首先/其次/最后, first/second/finally …).
    #[serde(default)]
    pub enumerations: usize,
    #[serde(default)]
    pub flags: Vec<Flag>,
    /// Seconds the answer took, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seconds: Option<u32>,
    /// Characters per minute, when the duration is known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pace_cpm: Option<u32>,
}

/// The published scale (README, result screen): what a total means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Band {
    Excellent,
    Good,
    Adequate,
    Weak,
    NotAcceptable,
}

impl Band {
    pub fn of(total: u8) -> Band {
        match total {
            90.. => Band::Excellent,
            75..=89 => Band::Good,
            55..=74 => Band::Adequate,
            30..=54 => Band::Weak,
            _ => Band::NotAcceptable,
        }
    }
}
