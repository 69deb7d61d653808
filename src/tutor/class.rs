//! The class report: candidates × questions over result bundles. Pure aggregation — the
//! command reads the files, this module only counts.
//!
//! Rules (`docs/sets.md`, "Class reports"):
//! - Copies of one submission (same candidate, set and content digest) are merged: that is how
//!   three tutors' graded copies of one bundle come together. Their grades are pooled, one per
//!   grader and question (the latest `graded_at` wins).
//! - A candidate who sent several different submissions of one session counts with the latest
//!   one. Submissions of one name from different sessions are different people until the
//!   tutor says otherwise: both rows are kept, and the name is listed in `same_name`.
//! - A flagged submission (edited, another set, a score that its answer does not earn, …) is
//!   listed but left out of every average, pass count and missed point, unless the tutor
//!   passes `include_flagged`.
//! - A question's mark is the panel's hand grade when there is one (`grading::panel_mean` over
//!   the graders' overalls), else the automatic score; an unanswered question counts 0.
//!   The average of the marks against the pass mark decides pass or fail.
//! - One rule for every average (`averages_rule`): an unanswered question counts 0, in a
//!   candidate's average and in a question's averages alike.
//! - A dimension's band is read from its unrounded mean.

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;

use super::bundle::{Bundle, BundleAnswer, Flag};
use super::grading::{Dimension, Grade, panel_mean};
use super::set::{DEFAULT_PASS_MARK, Set};
use crate::bank::BankSet;
use crate::i18n::{Lang, Ui, fill};
use crate::text::{ellipsize, question_label_or_id, sanitize_line};

/// The averaging rule as the JSON states it (`averages_rule`): always in English, as the
/// JSON's keys are; the markdown and CSV state it in the report's language.
pub fn averages_rule() -> &'static str {
    Lang::En.ui().class_averages_rule
}

/// How wide a question's title may be in a column heading, in terminal cells: a prompt's
/// first line can be a whole sentence, and the rest is shown as "…".
const TITLE_COLUMNS: usize = 24;

/// How many of the most missed points the report lists.
pub const MISSED_SHOWN: usize = 10;

/// One bundle file as read, with the flags `bundle::verify` (or `verify_integrity`) gave it.
pub struct Submission {
    pub file: String,
    pub bundle: Bundle,
    pub flags: Vec<Flag>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ClassReport {
    pub set_id: Option<String>,
    pub set_title: Option<String>,
    pub pass_mark: u8,
    pub due: Option<String>,
    /// Full question ids, the columns.
    pub questions: Vec<String>,
    /// Each question as a person reads it, in the order of `questions` (`question_title`).
    /// Not in the JSON, which keeps the ids.
    #[serde(skip)]
    pub question_titles: Vec<String>,
    pub candidates: Vec<CandidateRow>,
    /// Per question: the mean automatic score of the counted candidates, an unanswered
    /// question counting 0.
    pub question_averages: Vec<Option<f64>>,
    /// Per question: the mean hand grade of the counted candidates graded on it or who left it
    /// unanswered (0); `None` when no one is graded on it.
    pub question_hand_averages: Vec<Option<f64>>,
    /// `averages_rule()`, so a reader of the JSON knows how the averages were taken.
    pub averages_rule: &'static str,
    /// The mean of the candidates' averages.
    pub class_average: Option<f64>,
    pub passed: usize,
    pub missed_points: Vec<MissedPoint>,
    /// Roster names with no submission.
    pub missing: Vec<String>,
    /// Names carried by submissions of different sessions (kept apart by session uid).
    pub same_name: Vec<String>,
    /// Flagged submissions left out of the numbers (0 with `include_flagged`).
    pub not_counted: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CandidateRow {
    pub name: String,
    /// The session the submission comes from, which tells same-name candidates apart.
    pub session_uid: Option<String>,
    /// Whether this row counts in the class numbers (clean, or `include_flagged`).
    pub counted: bool,
    pub files: Vec<String>,
    /// Automatic totals per question (`None`: not answered).
    pub scores: Vec<Option<u8>>,
    /// Hand grades per question: the panel's overall (`None`: not graded).
    pub hand: Vec<Option<f64>>,
    /// Panel points per dimension, averaged over the graded questions.
    pub dimensions: BTreeMap<Dimension, f64>,
    pub graders: Vec<String>,
    /// Mean mark over all the set's questions (unanswered = 0).
    pub average: f64,
    pub passed: bool,
    pub late: bool,
    pub submitted_at: i64,
    pub unanswered: Vec<String>,
    /// Why this submission is not to be trusted as it is, in English; empty when clean.
    pub flags: Vec<String>,
    /// The same flags, for saying them in the report's language (`flag_text`).
    #[serde(skip)]
    pub flagged: Vec<Flag>,
    pub comments: Vec<Comment>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Comment {
    pub grader: String,
    pub question: String,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MissedPoint {
    pub question: String,
    pub point: String,
    /// Answers that missed it.
    pub missed: usize,
    /// Answers to its question.
    pub answered: usize,
}

/// Builds the report. `set` gives the columns, pass mark and due date (without it: the
/// questions in the order the bundles answer them and the default pass mark), `banks` its
/// questions' prompts; `roster` names the candidates expected.
pub fn report(
    subs: Vec<Submission>,
    set: Option<&Set>,
    banks: &BankSet,
    roster: Option<&[String]>,
    include_flagged: bool,
) -> ClassReport {
    let merged = merge(subs);
    let counts = |m: &Merged| include_flagged || m.flags.is_empty();
    let questions: Vec<String> = match set {
        Some(s) => s.questions.iter().map(|q| q.full_id()).collect(),
        None => {
            let mut qs: Vec<String> = Vec::new();
            for m in &merged {
                for a in &m.bundle.content.answers {
                    if !qs.contains(&a.question) {
                        qs.push(a.question.clone());
                    }
                }
            }
            qs
        }
    };
    let question_titles = questions
        .iter()
        .map(|id| question_title(id, set, banks, &merged))
        .collect();
    let pass_mark = set.map_or(DEFAULT_PASS_MARK, |s| s.pass_mark);
    let candidates: Vec<CandidateRow> = merged
        .iter()
        .map(|m| row(m, &questions, set, pass_mark, counts(m)))
        .collect();
    let counted = || candidates.iter().filter(|c| c.counted);
    let column = |f: &dyn Fn(&CandidateRow, usize) -> Option<f64>| -> Vec<Option<f64>> {
        (0..questions.len())
            .map(|i| mean(counted().filter_map(|c| f(c, i))))
            .collect()
    };
    let mut same_name: Vec<String> = candidates
        .iter()
        .enumerate()
        .filter(|(i, c)| candidates[..*i].iter().any(|o| o.name == c.name))
        .map(|(_, c)| c.name.clone())
        .collect();
    same_name.dedup();
    let counted_merged: Vec<&Merged> = merged.iter().filter(|m| counts(m)).collect();
    // Unanswered counts 0, as in a candidate's average (`averages_rule`).
    let unanswered = |c: &CandidateRow, i: usize| c.scores.get(i).is_some_and(Option::is_none);
    let question_averages =
        column(&|c, i| Some(c.scores.get(i).copied().flatten().map_or(0.0, f64::from)));
    let graded_on = |i: usize| counted().any(|c| c.hand.get(i).is_some_and(Option::is_some));
    let question_hand_averages = column(&|c, i| match c.hand.get(i).copied().flatten() {
        Some(h) => Some(h),
        None => unanswered(c, i).then_some(0.0),
    })
    .into_iter()
    .enumerate()
    .map(|(i, avg)| avg.filter(|_| graded_on(i)))
    .collect();
    let missing = match roster {
        Some(names) => names
            .iter()
            .map(|n| sanitize_line(n.trim()))
            .filter(|n| !n.is_empty() && !candidates.iter().any(|c| &c.name == n))
            .collect(),
        None => Vec::new(),
    };
    ClassReport {
        set_id: set.map(|s| s.id.clone()),
        set_title: set.map(|s| sanitize_line(&s.title)),
        pass_mark,
        due: set.and_then(|s| s.due.as_ref().map(|d| d.written.clone())),
        class_average: mean(counted().map(|c| c.average)),
        passed: counted().filter(|c| c.passed).count(),
        not_counted: candidates.iter().filter(|c| !c.counted).count(),
        missed_points: missed_points(&counted_merged, &questions),
        same_name,
        questions,
        question_titles,
        question_averages,
        question_hand_averages,
        averages_rule: averages_rule(),
        candidates,
        missing,
    }
}

/// A question as a person reads it: the first line of its prompt in the set (or its bank),
/// else as a bundle carries it, else its id.
fn question_title(id: &str, set: Option<&Set>, banks: &BankSet, merged: &[Merged]) -> String {
    let in_set = set.and_then(|s| {
        let r = s.questions.iter().find(|r| r.full_id() == id)?;
        s.resolve(banks, r)
            .map(|(_, q)| question_label_or_id(&q.prompt, id))
    });
    in_set
        .or_else(|| {
            merged
                .iter()
                .flat_map(|m| &m.bundle.content.answers)
                .find(|a| a.question == id)
                .map(BundleAnswer::title)
        })
        .unwrap_or_else(|| sanitize_line(id))
}

/// The distinct set ids the submissions answer, sorted.
pub fn set_ids(subs: &[Submission]) -> Vec<String> {
    let mut ids: Vec<String> = subs
        .iter()
        .map(|s| sanitize_line(&s.bundle.content.set_id))
        .collect();
    ids.sort();
    ids.dedup();
    ids
}

/// One submission with every copy's files, flags and grades pooled.
struct Merged {
    bundle: Bundle,
    files: Vec<String>,
    flags: Vec<Flag>,
}

fn merge(subs: Vec<Submission>) -> Vec<Merged> {
    let mut by_copy: HashMap<(String, String, String), usize> = HashMap::new();
    let mut out: Vec<Merged> = Vec::new();
    for s in subs {
        let c = &s.bundle.content;
        let key = (
            c.candidate.clone(),
            c.set_id.clone(),
            s.bundle.digest.clone(),
        );
        match by_copy.get(&key) {
            Some(&i) => {
                let m = &mut out[i];
                m.files.push(s.file);
                for f in s.flags {
                    if !m.flags.contains(&f) {
                        m.flags.push(f);
                    }
                }
                for g in s.bundle.grades {
                    pool_grade(&mut m.bundle.grades, g);
                }
            }
            None => {
                by_copy.insert(key, out.len());
                let mut bundle = s.bundle;
                let grades = std::mem::take(&mut bundle.grades);
                for g in grades {
                    pool_grade(&mut bundle.grades, g);
                }
                out.push(Merged {
                    bundle,
                    files: vec![s.file],
                    flags: s.flags,
                });
            }
        }
    }
    // Several different submissions of one candidate's session for one set: the latest
    // counts. Another session under the same name is kept (see `ClassReport::same_name`).
    let mut latest: HashMap<(String, String, Option<String>), usize> = HashMap::new();
    for (i, m) in out.iter().enumerate() {
        let c = &m.bundle.content;
        let key = (c.candidate.clone(), c.set_id.clone(), c.session_uid.clone());
        let newer = latest
            .get(&key)
            .is_none_or(|&j| out[j].bundle.content.submitted_at <= c.submitted_at);
        if newer {
            latest.insert(key, i);
        }
    }
    let keep: Vec<usize> = {
        let mut k: Vec<usize> = latest.into_values().collect();
        k.sort_unstable();
        k
    };
    let mut merged: Vec<Merged> = out
        .into_iter()
        .enumerate()
        .filter(|(i, _)| keep.binary_search(i).is_ok())
        .map(|(_, m)| m)
        .collect();
    merged.sort_by(|a, b| {
        let (a, b) = (&a.bundle.content, &b.bundle.content);
        (&a.candidate, &a.session_uid).cmp(&(&b.candidate, &b.session_uid))
    });
    merged
}

/// One grade per grader and question: the latest.
fn pool_grade(grades: &mut Vec<Grade>, g: Grade) {
    match grades
        .iter_mut()
        .find(|x| x.grader == g.grader && x.question == g.question)
    {
        Some(x) if x.graded_at < g.graded_at => *x = g,
        Some(_) => {}
        None => grades.push(g),
    }
}

fn row(
    m: &Merged,
    questions: &[String],
    set: Option<&Set>,
    pass_mark: u8,
    counted: bool,
) -> CandidateRow {
    let b = &m.bundle;
    let scores: Vec<Option<u8>> = questions
        .iter()
        .map(|q| b.answer(q).map(|a| a.scorecard.total))
        .collect();
    let graded = |q: &str| -> Vec<&Grade> { b.grades.iter().filter(|g| g.question == q).collect() };
    let hand: Vec<Option<f64>> = questions
        .iter()
        .map(|q| {
            let overalls: Vec<f64> = graded(q).iter().map(|g| f64::from(g.overall)).collect();
            panel_mean(&overalls)
        })
        .collect();
    let mut dimensions = BTreeMap::new();
    for d in Dimension::ALL {
        let per_question = questions.iter().filter_map(|q| {
            let points: Vec<f64> = graded(q)
                .iter()
                .filter_map(|g| g.scores.get(&d).map(|p| f64::from(*p)))
                .collect();
            panel_mean(&points)
        });
        if let Some(v) = mean(per_question) {
            dimensions.insert(d, v);
        }
    }
    let marks = scores
        .iter()
        .zip(&hand)
        .map(|(auto, hand)| hand.or(auto.map(f64::from)).unwrap_or(0.0));
    let average = mean(marks).unwrap_or(0.0);
    let mut graders: Vec<String> = b.grades.iter().map(|g| sanitize_line(&g.grader)).collect();
    graders.sort();
    graders.dedup();
    CandidateRow {
        name: sanitize_line(&b.content.candidate),
        session_uid: b.content.session_uid.as_deref().map(sanitize_line),
        counted,
        files: m.files.iter().map(|f| sanitize_line(f)).collect(),
        unanswered: questions
            .iter()
            .zip(&scores)
            .filter(|(_, s)| s.is_none())
            .map(|(q, _)| q.clone())
            .collect(),
        scores,
        hand,
        dimensions,
        graders,
        passed: average >= f64::from(pass_mark),
        average,
        late: set.is_some_and(|s| s.is_late(b.content.submitted_at)),
        submitted_at: b.content.submitted_at,
        flags: m.flags.iter().map(ToString::to_string).collect(),
        flagged: m.flags.clone(),
        comments: b
            .grades
            .iter()
            .filter(|g| !g.comment.trim().is_empty())
            .map(|g| Comment {
                grader: sanitize_line(&g.grader),
                question: sanitize_line(&g.question),
                text: sanitize_line(&g.comment),
            })
            .collect(),
    }
}

fn missed_points(merged: &[&Merged], questions: &[String]) -> Vec<MissedPoint> {
    let mut missed: HashMap<(&str, &str), usize> = HashMap::new();
    let mut answered: HashMap<&str, usize> = HashMap::new();
    for m in merged {
        for a in &m.bundle.content.answers {
            if !questions.contains(&a.question) {
                continue;
            }
            *answered.entry(&a.question).or_default() += 1;
            for p in a.scorecard.points.iter().filter(|p| !p.hit) {
                *missed.entry((&a.question, &p.name)).or_default() += 1;
            }
        }
    }
    let mut out: Vec<MissedPoint> = missed
        .into_iter()
        .map(|((q, p), n)| MissedPoint {
            question: sanitize_line(q),
            point: sanitize_line(p),
            missed: n,
            answered: answered.get(q).copied().unwrap_or(0),
        })
        .collect();
    out.sort_by(|a, b| {
        b.missed
            .cmp(&a.missed)
            .then_with(|| a.question.cmp(&b.question))
            .then_with(|| a.point.cmp(&b.point))
    });
    out.truncate(MISSED_SHOWN);
    out
}

fn mean(values: impl Iterator<Item = f64>) -> Option<f64> {
    let (sum, n) = values.fold((0.0, 0usize), |(s, n), v| (s + v, n + 1));
    (n > 0).then(|| sum / n as f64)
}

// ---- rendering ---------------------------------------------------------------------------
//
// The markdown and CSV speak the report's language (`--lang`): every label comes from
// `crate::i18n`. Names, ids and the bundles' own text are shown as written.

/// One decimal, trailing `.0` dropped.
fn num(v: f64) -> String {
    let s = format!("{v:.1}");
    s.strip_suffix(".0").map_or(s.clone(), str::to_string)
}

/// Text from a bundle as a CSV field: a leading `=`, `+`, `-` or `@` would make a spreadsheet
/// run it as a formula, so such text gets a leading `'` (shown as text, as spreadsheets do).
fn csv_text(s: &str) -> String {
    if s.starts_with(['=', '+', '-', '@']) {
        format!("'{s}")
    } else {
        s.to_string()
    }
}

/// A markdown table cell: pipes escaped.
fn cell(s: &str) -> String {
    s.replace('|', "\\|")
}

fn mark_cell(auto: Option<u8>, hand: Option<f64>) -> String {
    match (auto, hand) {
        (None, _) => "—".to_string(),
        (Some(a), None) => a.to_string(),
        (Some(a), Some(h)) => format!("{a} / {}", num(h)),
    }
}

/// A row's result: pass or fail, or "not counted" for a flagged submission left out.
fn result(c: &CandidateRow, ui: &Ui) -> &'static str {
    match (c.counted, c.passed) {
        (false, _) => ui.class_not_counted,
        (true, true) => ui.class_pass,
        (true, false) => ui.class_fail,
    }
}

/// The first characters of a session uid: enough to tell two rows apart.
fn short_uid(uid: Option<&str>, ui: &Ui) -> String {
    uid.map_or_else(
        || ui.class_unknown_session.into(),
        |u| u.chars().take(8).collect(),
    )
}

impl ClassReport {
    /// Markdown in `lang`: the table (automatic score / panel hand grade), averages, what the
    /// class missed most, late, missing and flagged submissions.
    pub fn to_markdown(&self, lang: Lang) -> String {
        let ui = lang.ui();
        let mut out = String::new();
        let title = self
            .set_title
            .clone()
            .unwrap_or_else(|| ui.class_title.into());
        out.push_str(&format!("# {}\n\n", cell(&title)));
        if let Some(id) = &self.set_id {
            let line = match &self.due {
                Some(due) => fill(
                    ui.class_set_due_line,
                    &[("id", id), ("pass", &self.pass_mark), ("due", due)],
                ),
                None => fill(ui.class_set_line, &[("id", id), ("pass", &self.pass_mark)]),
            };
            out.push_str(&format!("{line}\n\n"));
        }
        let average = self.class_average.map_or("—".into(), num);
        let counts = fill(
            ui.class_counts,
            &[
                ("n", &self.candidates.len()),
                ("passed", &self.passed),
                ("average", &average),
            ],
        );
        out.push_str(&format!("{counts}\n\n"));
        if self.not_counted > 0 {
            let line = fill(ui.class_flagged_line, &[("n", &self.not_counted)]);
            out.push_str(&format!("{line}\n\n"));
        }
        if !self.same_name.is_empty() {
            let names = self.same_name.join(ui.list_sep);
            let line = fill(ui.class_same_name, &[("names", &names)]);
            out.push_str(&format!("{line}\n\n"));
        }
        let cells = fill(ui.class_cells, &[("rule", &ui.class_averages_rule)]);
        out.push_str(&format!("{cells}\n\n| {} |", ui.class_col_candidate));
        for i in 0..self.questions.len() {
            out.push_str(&format!(" {} |", cell(&self.column_heading(i, ui))));
        }
        out.push_str(&format!(
            " {} | {} | {} |\n|---|",
            ui.class_col_average, ui.class_col_result, ui.class_col_notes
        ));
        out.push_str(&"---|".repeat(self.questions.len() + 3));
        out.push('\n');
        for c in &self.candidates {
            out.push_str(&format!("| {} |", cell(&c.name)));
            for (a, h) in c.scores.iter().zip(&c.hand) {
                out.push_str(&format!(" {} |", mark_cell(*a, *h)));
            }
            let mut notes = Vec::new();
            if self.same_name.contains(&c.name) {
                let uid = short_uid(c.session_uid.as_deref(), ui);
                notes.push(fill(ui.class_note_session, &[("uid", &uid)]));
            }
            if !c.flagged.is_empty() {
                let flags = c.flag_text(lang);
                notes.push(fill(ui.class_note_flagged, &[("flags", &flags)]));
            }
            if c.late {
                notes.push(ui.class_note_late.to_string());
            }
            if !c.unanswered.is_empty() {
                let n = c.unanswered.len();
                notes.push(fill(ui.class_note_unanswered, &[("n", &n)]));
            }
            out.push_str(&format!(
                " {} | {} | {} |\n",
                num(c.average),
                result(c, ui),
                cell(&notes.join(ui.class_notes_sep))
            ));
        }
        out.push_str(&format!("| {} |", ui.class_average_row));
        for (a, h) in self
            .question_averages
            .iter()
            .zip(&self.question_hand_averages)
        {
            let auto = a.map_or("—".into(), num);
            match h {
                Some(h) => out.push_str(&format!(" {auto} / {} |", num(*h))),
                None => out.push_str(&format!(" {auto} |")),
            }
        }
        out.push_str(&format!(" {average} | | |\n"));
        let graded: Vec<&CandidateRow> = self
            .candidates
            .iter()
            .filter(|c| !c.dimensions.is_empty())
            .collect();
        if !graded.is_empty() {
            out.push_str(&format!(
                "\n{}\n\n| {} | {} |",
                ui.class_dimensions_heading, ui.class_col_candidate, ui.class_col_graders
            ));
            for d in Dimension::ALL {
                out.push_str(&format!(" {} |", dimension_heading(d, ui)));
            }
            out.push_str("\n|---|---|");
            out.push_str(&"---|".repeat(Dimension::ALL.len()));
            out.push('\n');
            for c in graded {
                out.push_str(&format!(
                    "| {} | {} |",
                    cell(&c.name),
                    cell(&c.graders.join(ui.list_sep))
                ));
                for d in Dimension::ALL {
                    match c.dimensions.get(&d) {
                        Some(v) => {
                            let band = d.band_of(*v).name_in(lang);
                            out.push_str(&format!(" {} {band} |", num(*v)));
                        }
                        None => out.push_str(" — |"),
                    }
                }
                out.push('\n');
            }
        }
        if !self.missed_points.is_empty() {
            out.push_str(&format!("\n{}\n\n", ui.class_missed_heading));
            for p in &self.missed_points {
                let line = fill(
                    ui.class_missed_line,
                    &[
                        ("point", &p.point),
                        ("question", &self.title_of(&p.question)),
                        ("missed", &p.missed),
                        ("answered", &p.answered),
                    ],
                );
                out.push_str(&format!("{line}\n"));
            }
        }
        let late: Vec<&str> = self
            .candidates
            .iter()
            .filter(|c| c.late)
            .map(|c| c.name.as_str())
            .collect();
        if !late.is_empty() {
            let names = late.join(ui.list_sep);
            out.push_str(&format!("\n{}\n\n{names}\n", ui.class_late_heading));
        }
        if !self.missing.is_empty() {
            let names = self.missing.join(ui.list_sep);
            out.push_str(&format!("\n{}\n\n{names}\n", ui.class_missing_heading));
        }
        let comments: Vec<(&str, &Comment)> = self
            .candidates
            .iter()
            .flat_map(|c| c.comments.iter().map(move |m| (c.name.as_str(), m)))
            .collect();
        if !comments.is_empty() {
            out.push_str(&format!("\n{}\n\n", ui.class_comments_heading));
            for (name, m) in comments {
                let line = fill(
                    ui.class_comment_line,
                    &[
                        ("name", &name),
                        ("question", &self.title_of(&m.question)),
                        ("grader", &m.grader),
                        ("text", &m.text),
                    ],
                );
                out.push_str(&format!("{line}\n"));
            }
        }
        out
    }

    /// The spreadsheet's header row in `lang`: candidate, a column per question (automatic
    /// score) and per question hand grade, then average, result, late, unanswered, flags,
    /// session. The CSV and the xlsx share it.
    pub fn sheet_header(&self, lang: Lang) -> Vec<String> {
        let ui = lang.ui();
        let mut header = vec![ui.class_col_candidate.to_string()];
        let headings: Vec<String> = (0..self.questions.len())
            .map(|i| self.column_heading(i, ui))
            .collect();
        let hand: Vec<String> = headings
            .iter()
            .map(|q| fill(ui.class_col_hand, &[("question", q)]))
            .collect();
        header.extend(headings);
        header.extend(hand);
        header.extend(
            [
                ui.class_col_average,
                ui.class_col_result,
                ui.class_col_late,
                ui.class_col_unanswered,
                ui.class_col_flags,
                ui.class_col_session,
            ]
            .map(String::from),
        );
        header
    }

    /// The spreadsheet's rows after the header, numbers as numbers (unrounded): one per
    /// candidate, then
    /// the averages row naming its rule in its first cell. The CSV and the xlsx share them.
    pub fn sheet_rows(&self, lang: Lang) -> Vec<Vec<SheetCell>> {
        use SheetCell::{Number, Text};
        let ui = lang.ui();
        let opt = |v: Option<f64>| v.map_or(SheetCell::Empty, Number);
        let mut rows = Vec::new();
        for c in &self.candidates {
            let mut rec = vec![Text(c.name.clone())];
            rec.extend(c.scores.iter().map(|s| opt(s.map(f64::from))));
            rec.extend(c.hand.iter().map(|h| opt(*h)));
            rec.push(Number(c.average));
            rec.push(Text(result(c, ui).to_string()));
            rec.push(if c.late {
                Text(ui.class_note_late.to_string())
            } else {
                SheetCell::Empty
            });
            rec.push(Number(c.unanswered.len() as f64));
            rec.push(Text(c.flag_text(lang)));
            // Tells same-name candidates apart.
            rec.push(Text(c.session_uid.clone().unwrap_or_default()));
            rows.push(rec);
        }
        // The averages row, as in the markdown table, naming its rule in its first cell.
        let rule = fill(
            ui.class_csv_average_row,
            &[("rule", &ui.class_averages_rule)],
        );
        let mut rec = vec![Text(rule)];
        rec.extend(self.question_averages.iter().map(|v| opt(*v)));
        rec.extend(self.question_hand_averages.iter().map(|v| opt(*v)));
        rec.push(opt(self.class_average));
        rec.extend(std::iter::repeat_n(SheetCell::Empty, 5));
        rows.push(rec);
        rows
    }

    /// CSV in `lang`: `sheet_header` and `sheet_rows`.
    pub fn to_csv(&self, lang: Lang) -> String {
        let mut w = csv::Writer::from_writer(Vec::new());
        let _ = w.write_record(self.sheet_header(lang));
        for row in self.sheet_rows(lang) {
            let rec: Vec<String> = row.iter().map(SheetCell::csv_field).collect();
            let _ = w.write_record(&rec);
        }
        let bytes = w.into_inner().unwrap_or_default();
        String::from_utf8(bytes).unwrap_or_default()
    }

    /// Question `i`'s column heading: its number and its title, cut to `TITLE_COLUMNS`.
    fn column_heading(&self, i: usize, ui: &Ui) -> String {
        let title = self.question_titles.get(i).map_or("", String::as_str);
        let title = ellipsize(title, TITLE_COLUMNS);
        fill(ui.class_col_question, &[("n", &(i + 1)), ("title", &title)])
    }

    /// The title of the question `id` (a grade or a missed point names it by id).
    fn title_of(&self, id: &str) -> String {
        self.questions
            .iter()
            .position(|q| q == id)
            .and_then(|i| self.question_titles.get(i).cloned())
            .unwrap_or_else(|| sanitize_line(id))
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}

impl CandidateRow {
    /// Why the submission is flagged, in `lang`; empty when clean.
    pub fn flag_text(&self, lang: Lang) -> String {
        let reasons: Vec<String> = self.flagged.iter().map(|f| f.message(lang)).collect();
        sanitize_line(&reasons.join(lang.ui().class_flags_sep))
    }
}

/// A dimension's column heading: its name in the report's language and its maximum.
pub(super) fn dimension_heading(d: Dimension, ui: &Ui) -> String {
    fill(
        ui.class_col_dimension,
        &[("name", &d.name_in(ui.lang)), ("max", &d.max_points())],
    )
}

/// A spreadsheet cell of the class report.
#[derive(Debug, Clone, PartialEq)]
pub enum SheetCell {
    Empty,
    Number(f64),
    /// Text as it came (a name, a flag); `csv_field` guards it against formulas.
    Text(String),
}

impl SheetCell {
    fn csv_field(&self) -> String {
        match self {
            SheetCell::Empty => String::new(),
            SheetCell::Number(v) => num(*v),
            SheetCell::Text(t) => csv_text(t),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_text_from_bundles_cannot_be_a_spreadsheet_formula() {
        let name = "=HYPERLINK(\"http://x\",\"点我\")";
        let row = CandidateRow {
            name: name.into(),
            session_uid: None,
            counted: true,
            files: vec!["a.json".into()],
            scores: vec![Some(80)],
            hand: vec![None],
            dimensions: BTreeMap::new(),
            graders: vec![],
            average: 80.0,
            passed: true,
            late: false,
            submitted_at: 0,
            unanswered: vec![],
            flags: vec!["grade by +cmd on b/q was edited".into()],
            // A grader's name starts the zh reason: it is text from a bundle too.
            flagged: vec![Flag::GradeEdited {
                grader: "+cmd".into(),
                question: "b/q".into(),
            }],
            comments: vec![],
        };
        let r = ClassReport {
            set_id: None,
            set_title: None,
            pass_mark: 60,
            due: None,
            questions: vec!["b/q".into()],
            question_titles: vec!["q".into()],
            candidates: vec![row],
            question_averages: vec![Some(80.0)],
            question_hand_averages: vec![None],
            averages_rule: averages_rule(),
            class_average: Some(80.0),
            passed: 1,
            missed_points: vec![],
            missing: vec![],
            same_name: vec![],
            not_counted: 0,
        };
        let csv = r.to_csv(Lang::Zh);
        let mut rows = csv::Reader::from_reader(csv.as_bytes());
        let rec = rows.records().next().unwrap().unwrap();
        assert_eq!(&rec[0], format!("'{name}"));
        assert_eq!(rec.iter().nth_back(1), Some("'+cmd 对 b/q 的评分被改动过"));
        assert_eq!(&rec[1], "80", "numbers stay numbers");
    }
}
