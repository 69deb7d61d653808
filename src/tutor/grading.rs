//! Hand grading as structured-interview panels do it (`docs/sets.md`, "Grading"): each grader
//! scores each answer on six dimensions, each with a maximum that is its weight (together
//! 100), read in three bands 好/中/差; the overall is their sum unless the grader says
//! otherwise; a comment. With three or more graders the highest and lowest are dropped and the
//! rest averaged (`panel_mean`).
//!
//! A grade carries its own digest, bound to the bundle's content digest, so a grade edited
//! afterwards, or copied onto another candidate's bundle, is flagged.

use std::collections::BTreeMap;
use std::ops::RangeInclusive;

use serde::{Deserialize, Serialize};

use super::bundle::Bundle;
use super::digest::digest_of;

/// The six dimensions of the structured interview (结构化面试) that an answer shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Dimension {
    #[serde(rename = "综合分析")]
    Analysis,
    #[serde(rename = "言语表达")]
    Expression,
    #[serde(rename = "应变能力")]
    Adaptability,
    #[serde(rename = "人际沟通")]
    Interpersonal,
    #[serde(rename = "组织协调")]
    Organisation,
    #[serde(rename = "求职动机")]
    Motivation,
}

/// A band of a dimension's points.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Band {
    #[serde(rename = "好")]
    Good,
    #[serde(rename = "中")]
    Fair,
    #[serde(rename = "差")]
    Poor,
}

impl Band {
    pub const ALL: [Band; 3] = [Band::Good, Band::Fair, Band::Poor];

    /// The band's name in a UI language (the zh names are the bundle's).
    pub fn name_in(self, lang: crate::i18n::Lang) -> &'static str {
        let ui = lang.ui();
        match self {
            Band::Good => ui.grade_band_good,
            Band::Fair => ui.grade_band_fair,
            Band::Poor => ui.grade_band_poor,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Band::Good => "好",
            Band::Fair => "中",
            Band::Poor => "差",
        }
    }
}

impl Dimension {
    pub const ALL: [Dimension; 6] = [
        Dimension::Analysis,
        Dimension::Expression,
        Dimension::Adaptability,
        Dimension::Interpersonal,
        Dimension::Organisation,
        Dimension::Motivation,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Dimension::Analysis => "综合分析",
            Dimension::Expression => "言语表达",
            Dimension::Adaptability => "应变能力",
            Dimension::Interpersonal => "人际沟通",
            Dimension::Organisation => "组织协调",
            Dimension::Motivation => "求职动机",
        }
    }

    pub fn name_en(self) -> &'static str {
        match self {
            Dimension::Analysis => "analysis",
            Dimension::Expression => "expression",
            Dimension::Adaptability => "adaptability",
            Dimension::Interpersonal => "interpersonal",
            Dimension::Organisation => "organisation",
            Dimension::Motivation => "motivation",
        }
    }

    /// The dimension's name in a UI language (the zh names are the bundle's keys).
    pub fn name_in(self, lang: crate::i18n::Lang) -> &'static str {
        match lang {
            crate::i18n::Lang::Zh => self.name(),
            crate::i18n::Lang::En => self.name_en(),
        }
    }

    /// The dimension's maximum points, which is its weight in the overall (they sum to 100).
    /// Analysis weighs most, as on civil-service score sheets; motivation least.
    pub fn max_points(self) -> u8 {
        match self {
            Dimension::Analysis => 25,
            Dimension::Expression => 20,
            Dimension::Adaptability | Dimension::Interpersonal | Dimension::Organisation => 15,
            Dimension::Motivation => 10,
        }
    }

    /// The points of a band: 好 from 80 % of the maximum, 中 from 60 %, 差 below
    /// (综合分析: 好 20–25, 中 15–19, 差 0–14).
    pub fn range(self, band: Band) -> RangeInclusive<u8> {
        let max = u16::from(self.max_points());
        let good = u8::try_from((max * 8).div_ceil(10)).unwrap_or(u8::MAX);
        let fair = u8::try_from((max * 6).div_ceil(10)).unwrap_or(u8::MAX);
        match band {
            Band::Good => good..=self.max_points(),
            Band::Fair => fair..=good.saturating_sub(1),
            Band::Poor => 0..=fair.saturating_sub(1),
        }
    }

    /// The band `points` fall in.
    pub fn band(self, points: u8) -> Band {
        self.band_of(f64::from(points))
    }

    /// The band of a mean, unrounded: 19.7 of 综合分析 is 中, since 好 starts at 20.
    pub fn band_of(self, points: f64) -> Band {
        let from = |b: Band| f64::from(*self.range(b).start());
        if points >= from(Band::Good) {
            Band::Good
        } else if points >= from(Band::Fair) {
            Band::Fair
        } else {
            Band::Poor
        }
    }
}

/// One grader's grade of one answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Grade {
    pub grader: String,
    /// Full question id of the answer graded.
    pub question: String,
    /// Points per dimension (0..=its maximum); every dimension is scored.
    pub scores: BTreeMap<Dimension, u8>,
    /// 0–100; the sum of the dimension points unless the grader chose otherwise.
    pub overall: u8,
    pub comment: String,
    /// Unix seconds.
    pub graded_at: i64,
    /// SHA-256 of this grade (without `digest`) and the bundle's content digest; set by
    /// `add_grade`.
    #[serde(default)]
    pub digest: String,
}

impl Grade {
    /// A grade whose overall is the sum of its dimension points.
    pub fn new(
        grader: &str,
        question: &str,
        scores: BTreeMap<Dimension, u8>,
        comment: &str,
        graded_at: i64,
    ) -> Grade {
        let overall = scores.values().map(|p| u32::from(*p)).sum::<u32>();
        Grade {
            grader: grader.to_string(),
            question: question.to_string(),
            scores,
            overall: u8::try_from(overall.min(100)).unwrap_or(100),
            comment: comment.to_string(),
            graded_at,
            digest: String::new(),
        }
    }
}

/// A grade from the grading form, where a dimension may still be unset (`None`) and the
/// grader may type the overall. Every dimension set: their sum is the overall unless the grader
/// typed one. An overall typed with dimensions unset: each unset one is recorded at the
/// overall's share of its maximum (72 → 综合分析 18 of 25), so the dimension averages stay
/// defined and follow the grader's own verdict, never a default. Neither: the unset dimensions
/// are returned, to be named to the grader.
pub fn grade_from_form(
    grader: &str,
    question: &str,
    form: (&[Option<u8>; 6], Option<u8>),
    comment: &str,
    graded_at: i64,
) -> Result<Grade, Vec<Dimension>> {
    let (points, overall) = form;
    let unset: Vec<Dimension> = Dimension::ALL
        .into_iter()
        .zip(points)
        .filter(|(_, p)| p.is_none())
        .map(|(d, _)| d)
        .collect();
    let Some(share) = overall.or(unset.is_empty().then_some(0)) else {
        return Err(unset);
    };
    let scores = Dimension::ALL
        .into_iter()
        .zip(points)
        .map(|(d, p)| {
            let filled = (u16::from(share.min(100)) * u16::from(d.max_points()) + 50) / 100;
            (d, p.unwrap_or(u8::try_from(filled).unwrap_or(u8::MAX)))
        })
        .collect();
    let mut grade = Grade::new(grader, question, scores, comment, graded_at);
    if let Some(o) = overall {
        grade.overall = o;
    }
    Ok(grade)
}

/// Why a grade cannot be added. Each message says what to change, in the UI language
/// (`message`; `Display` is the English one). A dimension is named as in the bundle.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GradeError {
    NoSuchAnswer(String),
    MissingDimension {
        dimension: &'static str,
    },
    TooHigh {
        dimension: &'static str,
        points: u8,
        max: u8,
    },
    OverallTooHigh(u8),
    NoGrader,
}

impl GradeError {
    pub fn message(&self, lang: crate::i18n::Lang) -> String {
        use crate::i18n::fill;
        let ui = lang.ui();
        match self {
            GradeError::NoSuchAnswer(q) => fill(ui.grade_err_no_answer, &[("question", q)]),
            GradeError::MissingDimension { dimension } => {
                fill(ui.grade_err_missing, &[("dimension", dimension)])
            }
            GradeError::TooHigh {
                dimension,
                points,
                max,
            } => fill(
                ui.grade_err_too_high,
                &[("dimension", dimension), ("points", points), ("max", max)],
            ),
            GradeError::OverallTooHigh(n) => fill(ui.grade_err_overall, &[("n", n)]),
            GradeError::NoGrader => ui.grade_err_no_grader.to_string(),
        }
    }
}

impl std::fmt::Display for GradeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(crate::i18n::Lang::En))
    }
}

impl std::error::Error for GradeError {}

/// Adds (or replaces: one grade per grader and question) a grade to a bundle, sealed with its
/// digest.
pub fn add_grade(bundle: &mut Bundle, mut grade: Grade) -> Result<(), GradeError> {
    if grade.grader.trim().is_empty() {
        return Err(GradeError::NoGrader);
    }
    if bundle.answer(&grade.question).is_none() {
        return Err(GradeError::NoSuchAnswer(grade.question));
    }
    for d in Dimension::ALL {
        let Some(&points) = grade.scores.get(&d) else {
            return Err(GradeError::MissingDimension {
                dimension: d.name(),
            });
        };
        if points > d.max_points() {
            return Err(GradeError::TooHigh {
                dimension: d.name(),
                points,
                max: d.max_points(),
            });
        }
    }
    if grade.overall > 100 {
        return Err(GradeError::OverallTooHigh(grade.overall));
    }
    grade.digest = grade_digest(&bundle.digest, &grade);
    bundle
        .grades
        .retain(|g| !(g.grader == grade.grader && g.question == grade.question));
    bundle.grades.push(grade);
    Ok(())
}

/// The digest a grade must carry on a bundle whose content digest is `bundle_digest`.
pub fn grade_digest(bundle_digest: &str, grade: &Grade) -> String {
    let mut sealed = grade.clone();
    sealed.digest = String::new();
    let value = serde_json::json!({ "bundle": bundle_digest, "grade": sealed });
    digest_of(&value)
}

/// The panel rule: with three or more marks the highest and the lowest are dropped and the
/// rest averaged; with one or two, the plain average. `None` for no marks.
pub fn panel_mean(marks: &[f64]) -> Option<f64> {
    if marks.is_empty() {
        return None;
    }
    let mut sorted = marks.to_vec();
    sorted.sort_by(f64::total_cmp);
    let kept = if sorted.len() >= 3 {
        sorted.get(1..sorted.len() - 1).unwrap_or(&[])
    } else {
        &sorted[..]
    };
    Some(kept.iter().sum::<f64>() / kept.len() as f64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_refused_grade_says_why_in_the_ui_language() {
        use crate::i18n::Lang;
        let e = GradeError::TooHigh {
            dimension: Dimension::Motivation.name(),
            points: 11,
            max: 10,
        };
        assert_eq!(
            e.to_string(),
            "求职动机 is 11, over its maximum 10; give 0 to 10"
        );
        assert_eq!(
            e.message(Lang::Zh),
            "「求职动机」给了 11 分，超过满分 10；请给 0 到 10 分"
        );
        assert!(
            GradeError::NoGrader
                .message(Lang::Zh)
                .contains("评分人姓名为空")
        );
    }

    #[test]
    fn bands_cover_each_dimension_without_gaps() {
        assert_eq!(
            Dimension::ALL
                .iter()
                .map(|d| u32::from(d.max_points()))
                .sum::<u32>(),
            100
        );
        assert_eq!(Dimension::Analysis.range(Band::Good), 20..=25);
        assert_eq!(Dimension::Analysis.range(Band::Fair), 15..=19);
        assert_eq!(Dimension::Analysis.range(Band::Poor), 0..=14);
        assert_eq!(Dimension::Motivation.range(Band::Good), 8..=10);
        assert_eq!(Dimension::Adaptability.range(Band::Fair), 9..=11);
        for d in Dimension::ALL {
            for p in 0..=d.max_points() {
                let hits = Band::ALL
                    .iter()
                    .filter(|b| d.range(**b).contains(&p))
                    .count();
                assert_eq!(hits, 1, "{d:?} {p}");
            }
        }
        assert_eq!(Dimension::Expression.band(16), Band::Good);
        assert_eq!(Dimension::Expression.band(15), Band::Fair);
        assert_eq!(Dimension::Expression.band(11), Band::Poor);
        assert_eq!(Dimension::Analysis.band_of(19.7), Band::Fair);
        assert_eq!(Dimension::Analysis.band_of(20.0), Band::Good);
        assert_eq!(Dimension::Analysis.band_of(14.99), Band::Poor);
    }

    #[test]
    fn a_form_needs_every_dimension_or_an_overall() {
        let mut points = [Some(20), Some(16), None, Some(12), None, Some(8)];
        let unset = grade_from_form("t", "q", (&points, None), "", 0).unwrap_err();
        assert_eq!(
            unset,
            vec![Dimension::Adaptability, Dimension::Organisation]
        );
        // An overall typed: the unset ones at its share of their maximum (72 % of 15 = 10.8).
        let g = grade_from_form("t", "q", (&points, Some(72)), "", 0).unwrap();
        assert_eq!(g.overall, 72);
        assert_eq!(g.scores[&Dimension::Adaptability], 11);
        assert_eq!(g.scores[&Dimension::Analysis], 20);
        points[2] = Some(9);
        points[4] = Some(0);
        let g = grade_from_form("t", "q", (&points, None), "", 0).unwrap();
        assert_eq!(g.overall, 20 + 16 + 9 + 12 + 8);
        let g = grade_from_form("t", "q", (&points, Some(90)), "", 0).unwrap();
        assert_eq!((g.overall, g.scores[&Dimension::Organisation]), (90, 0));
    }

    #[test]
    fn panel_drops_extremes_from_three_up() {
        assert_eq!(panel_mean(&[]), None);
        assert_eq!(panel_mean(&[70.0]), Some(70.0));
        assert_eq!(panel_mean(&[70.0, 90.0]), Some(80.0));
        assert_eq!(panel_mean(&[90.0, 50.0, 70.0]), Some(70.0));
        assert_eq!(panel_mean(&[60.0, 100.0, 80.0, 0.0]), Some(70.0));
    }
}
