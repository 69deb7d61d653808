//! The three ways to sit an interview. Stored by name, so the names are part of the store.

use serde::{Deserialize, Serialize};

use crate::i18n::Ui;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Mode {
    /// Tips on request, the scorecard and reference after each answer, retry allowed.
    #[default]
    Practice,
    /// No help; the clock cuts each answer off; results only at the end.
    Exam,
    /// Answered aloud while the clock runs, then scored from a checklist the candidate ticks.
    Spoken,
}

impl Mode {
    pub const ALL: [Mode; 3] = [Mode::Practice, Mode::Exam, Mode::Spoken];

    /// The stored and printed name.
    pub fn as_str(self) -> &'static str {
        match self {
            Mode::Practice => "practice",
            Mode::Exam => "exam",
            Mode::Spoken => "spoken",
        }
    }

    /// The mode with this name, if any.
    pub fn parse(name: &str) -> Option<Mode> {
        Mode::ALL.into_iter().find(|m| m.as_str() == name)
    }
}

impl std::fmt::Display for Mode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

// Here rather than in `i18n`, so the strings never import the session (no cycle).
impl Ui {
    /// A mode as the UI names it (the CLI and reports too: `practice` is for typing).
    pub fn mode_name(&self, mode: Mode) -> &'static str {
        match mode {
            Mode::Practice => self.mode_practice,
            Mode::Exam => self.mode_exam,
            Mode::Spoken => self.mode_spoken,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_match_serde() {
        for m in Mode::ALL {
            assert_eq!(Mode::parse(m.as_str()), Some(m));
            assert_eq!(serde_json::to_string(&m).unwrap(), format!("\"{m}\""));
        }
        assert_eq!(Mode::parse("typed"), None);
    }
}
