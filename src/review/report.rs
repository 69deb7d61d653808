//! `mianba report`: one saved session as a report a candidate can keep or send — Markdown to
//! read, JSON with the same data. Everything the answers and banks say is untrusted text and
//! is cleaned (`crate::text`) before it goes into the Markdown.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use chrono::Local;
use serde::Serialize;

use crate::bank::BankSet;
use crate::i18n::{Lang, Ui, fill};
use crate::scoring::Scorecard;
use crate::store::{AnswerRecord, SessionDetail, SessionSummary};
use crate::text::{sanitize, sanitize_line};
use crate::tutor::grading::{Dimension, Grade};

/// The JSON report: `session` (the history line) and `answers` (each with its full
/// scorecard, its follow-ups nested under it and its tutors' grades). Keys are documented in
/// the README.
#[derive(Debug, Serialize)]
pub struct ReportJson<'a> {
    pub session: &'a SessionSummary,
    pub answers: Vec<ReportAnswer<'a>>,
}

/// An answer as saved, with the tutors' grades of it beside its automatic scores.
#[derive(Debug, Serialize)]
pub struct ReportAnswer<'a> {
    #[serde(flatten)]
    pub answer: &'a AnswerRecord,
    pub tutor_grades: Vec<TutorGrade<'a>>,
}

/// One tutor's grade of an answer: `score` is the grade's overall (0–100), `dimensions` its
/// points per dimension, keyed by the zh names as in the bundle.
#[derive(Debug, Serialize)]
pub struct TutorGrade<'a> {
    pub grader: &'a str,
    pub score: u8,
    pub dimensions: &'a BTreeMap<Dimension, u8>,
    pub comment: &'a str,
    pub graded_at: i64,
}

impl<'a> ReportJson<'a> {
    pub fn of(detail: &'a SessionDetail) -> ReportJson<'a> {
        let answers = detail
            .answers
            .iter()
            .enumerate()
            .map(|(i, answer)| ReportAnswer {
                answer,
                tutor_grades: detail
                    .grades_of(i)
                    .into_iter()
                    .map(|g| TutorGrade {
                        grader: &g.grader,
                        score: g.overall,
                        dimensions: &g.scores,
                        comment: &g.comment,
                        graded_at: g.graded_at,
                    })
                    .collect(),
            })
            .collect();
        ReportJson {
            session: &detail.summary,
            answers,
        }
    }
}

/// A tutor's grade as a person reads it, cleaned: who, the overall and when; each dimension
/// with its points (`analysis 20/25`); the comment, if any. The report and the session
/// detail both show these; `date` is when it was graded, as the caller shows times.
pub struct GradeText {
    pub head: String,
    pub dims: Vec<(String, String)>,
    pub comment: Option<String>,
}

impl GradeText {
    pub fn new(grade: &Grade, lang: Lang, date: &str) -> Self {
        let ui = lang.ui();
        let head = fill(
            ui.tutor_grade,
            &[
                ("grader", &sanitize_line(&grade.grader)),
                ("score", &grade.overall),
                ("date", &date),
            ],
        );
        let dims = grade
            .scores
            .iter()
            .map(|(d, p)| {
                (
                    d.name_in(lang).to_string(),
                    format!("{p}/{}", d.max_points()),
                )
            })
            .collect();
        let comment = sanitize_line(&grade.comment);
        let comment =
            (!comment.trim().is_empty()).then(|| fill(ui.tutor_comment, &[("text", &comment)]));
        GradeText {
            head,
            dims,
            comment,
        }
    }

    /// The dimensions on one line, each name joined to its points by `space` (a no-break
    /// space where the line is wrapped, so a name never ends one row and its points the next).
    pub fn dims_line(&self, space: char) -> String {
        let dims: Vec<String> = self
            .dims
            .iter()
            .map(|(name, points)| format!("{name}{space}{points}"))
            .collect();
        dims.join(" · ")
    }
}

/// A Unix time as local date and time, `2025-03-01 14:30`.
pub fn local_time(unix: i64) -> String {
    crate::dates::minute(unix, &Local).unwrap_or_else(|| unix.to_string())
}

/// Labels in the UI language, from the UI's strings (bank text stays as written).
struct Labels {
    ui: &'static Ui,
    lang: Lang,
}

/// The session as Markdown (banks by their titles from `banks`): a heading with the session's facts, then each answer with its
/// prompt, the answer, the scores, points ✓/✗ with the phrase that earned them, what is
/// missing, deductions, structure, feedback, and its follow-ups under it.
pub fn markdown(detail: &SessionDetail, lang: Lang, banks: &BankSet) -> String {
    let l = Labels {
        ui: lang.ui(),
        lang,
    };
    let s = &detail.summary;
    let mut out = String::new();
    let _ = writeln!(out, "# {} #{}\n", l.ui.report_title, s.id);
    let banks = if s.banks.is_empty() {
        l.ui.report_all_banks.to_string()
    } else {
        banks.titles_of(&s.banks)
    };
    let average = s
        .average_total
        .map_or_else(|| "—".to_string(), |a| super::shown_average(a).to_string());
    let facts = [
        (l.ui.report_started, local_time(s.started_at)),
        (l.ui.report_mode, lang.ui().mode_name(s.mode).to_string()),
        (l.ui.report_banks, banks),
        (l.ui.report_questions, s.questions.to_string()),
        (l.ui.report_average, average),
    ];
    for (k, v) in facts {
        let _ = writeln!(out, "- **{k}**: {v}");
    }
    if let Some(p) = &s.preset {
        let _ = writeln!(out, "- **{}**: {}", l.ui.report_format, sanitize_line(p));
    }
    for (i, a) in detail.answers.iter().enumerate() {
        // The question by its prompt; the id is in the JSON.
        let _ = writeln!(
            out,
            "\n## {}. {}\n",
            i + 1,
            crate::text::question_label(&a.prompt)
        );
        answer(&mut out, a, &l, &detail.grades_of(i));
        for (j, f) in a.followups.iter().enumerate() {
            let _ = writeln!(out, "\n### {} {}\n", l.ui.report_followup, j + 1);
            answer(&mut out, f, &l, &[]);
        }
    }
    out
}

/// An answer: prompt, text, the automatic scores with the tutors' grades under them, the card.
fn answer(out: &mut String, a: &AnswerRecord, l: &Labels, grades: &[&Grade]) {
    let _ = writeln!(out, "**{}**\n", l.ui.report_question);
    let _ = writeln!(out, "{}\n", quoted(&a.prompt));
    let _ = writeln!(out, "**{}**\n", l.ui.report_answer);
    let text = if a.answer_text.trim().is_empty() {
        l.ui.report_no_text.to_string()
    } else {
        quoted(&a.answer_text)
    };
    let _ = writeln!(out, "{text}\n");
    let _ = writeln!(
        out,
        "**{} {}** · {} {} · {} {} · {} {} · {} {}s{}\n",
        l.ui.report_total,
        a.total,
        l.ui.report_content,
        a.content,
        l.ui.report_structure,
        a.structure,
        l.ui.report_delivery,
        a.delivery,
        l.ui.report_time,
        a.seconds_used,
        if a.attempt > 1 {
            format!(" · {} {}", l.ui.report_attempt, a.attempt)
        } else {
            String::new()
        }
    );
    for g in grades {
        let text = GradeText::new(g, l.lang, &local_time(g.graded_at));
        let _ = writeln!(out, "**{}**\n", text.head);
        let _ = writeln!(out, "{}\n", text.dims_line(' '));
        if let Some(comment) = &text.comment {
            let _ = writeln!(out, "{comment}\n");
        }
    }
    card(out, &a.scorecard, &a.answer_text, l);
}

fn card(out: &mut String, card: &Scorecard, answer: &str, l: &Labels) {
    if !card.points.is_empty() {
        let _ = writeln!(out, "{}:\n", l.ui.report_points);
        for p in &card.points {
            let mark = if p.hit { "✓" } else { "✗" };
            let mut line = format!("- {mark} {}", sanitize_line(&p.name));
            if p.required {
                line.push_str(l.ui.report_required);
            }
            if let Some(m) = &p.matched {
                let said = p.at.map(|at| excerpt(answer, at)).unwrap_or_default();
                let _ = write!(
                    line,
                    " — 「{}」",
                    if said.is_empty() {
                        sanitize_line(m)
                    } else {
                        said
                    }
                );
            }
            if let (false, Some(h)) = (p.hit, &p.hint) {
                let _ = write!(line, " — {}{}", l.ui.report_say_this, sanitize_line(h));
            }
            let _ = writeln!(out, "{line}");
        }
        out.push('\n');
    }
    if !card.missing_required.is_empty() {
        let names: Vec<String> = card
            .missing_required
            .iter()
            .map(|n| sanitize_line(n))
            .collect();
        let _ = writeln!(
            out,
            "**{}**: {}\n",
            l.ui.report_missing_required,
            names.join("、")
        );
    }
    if !card.avoid.is_empty() {
        let _ = writeln!(out, "{}:\n", l.ui.report_deductions);
        for a in &card.avoid {
            let _ = writeln!(
                out,
                "- ✗ {} 「{}」 −{}",
                sanitize_line(&a.why),
                excerpt(answer, a.at),
                a.penalty
            );
        }
        out.push('\n');
    }
    if !card.sections.is_empty() {
        let marks: Vec<String> = card
            .sections
            .iter()
            .map(|s| {
                format!(
                    "{} {}",
                    if s.found { "✓" } else { "✗" },
                    sanitize_line(&s.name)
                )
            })
            .collect();
        let order = if card.order_ok {
            ""
        } else {
            l.ui.report_out_of_order
        };
        let _ = writeln!(
            out,
            "{}{order}: {}\n",
            l.ui.report_structure_heading,
            marks.join(" · ")
        );
    }
    if !card.feedback.is_empty() {
        let _ = writeln!(out, "{}:\n", l.ui.report_feedback);
        for f in &card.feedback {
            let _ = writeln!(out, "- {}", sanitize_line(f));
        }
        out.push('\n');
    }
}

/// The characters `at` covers, cleaned, for quoting evidence.
fn excerpt(answer: &str, at: [usize; 2]) -> String {
    let s: String = answer
        .chars()
        .skip(at[0])
        .take(at[1].saturating_sub(at[0]))
        .collect();
    sanitize_line(&s)
}

/// Untrusted text as a Markdown block quote, line by line.
fn quoted(text: &str) -> String {
    sanitize(text)
        .trim_end()
        .lines()
        .map(|line| format!("> {line}"))
        .collect::<Vec<_>>()
        .join("\n")
}
