//! `answer_marks`: each main answer's points and structure sections as rows, written with the
//! answer. They are derived from the scorecard (never exported, rebuilt on import) and exist so
//! that "the points missed most often" over 10,000 sessions is one indexed `GROUP BY`.

use rusqlite::{Connection, params};
use serde::{Deserialize, Serialize};

use crate::scoring::Scorecard;

/// What a mark is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MarkKind {
    /// A talking point of the rubric.
    Point,
    /// A section of the expected structure (or of generic organisation).
    Section,
}

impl MarkKind {
    pub(super) fn as_str(self) -> &'static str {
        match self {
            MarkKind::Point => "point",
            MarkKind::Section => "section",
        }
    }

    pub(super) fn parse(s: &str) -> Option<MarkKind> {
        [MarkKind::Point, MarkKind::Section]
            .into_iter()
            .find(|k| k.as_str() == s)
    }
}

/// How often one point or section was asked for and how often it was missed, over the main
/// answers that matched a filter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MarkTally {
    pub kind: MarkKind,
    pub name: String,
    /// Main answers whose scorecard had this point or section.
    pub asked: u32,
    /// Of those, the answers that did not earn the point / did not have the section.
    pub missed: u32,
    /// Of the misses, those where it was required (a required point, a non-optional section).
    pub missed_required: u32,
}

/// Writes the marks of one main answer.
pub(super) fn insert(conn: &Connection, answer_id: i64, card: &Scorecard) -> rusqlite::Result<()> {
    let mut stmt = conn.prepare_cached(
        "INSERT INTO answer_marks (answer_id, kind, idx, name, hit, required)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    let points = card
        .points
        .iter()
        .map(|p| (MarkKind::Point, &p.name, p.hit, p.required));
    let sections = card
        .sections
        .iter()
        .map(|s| (MarkKind::Section, &s.name, s.found, !s.optional));
    for (idx, (kind, name, hit, required)) in points.enumerate().chain(sections.enumerate()) {
        stmt.execute(params![
            answer_id,
            kind.as_str(),
            super::sessions::usize_to_sql(idx),
            name,
            hit,
            required
        ])?;
    }
    Ok(())
}
