//! `update(state, msg) -> effects` for the grading app. Grades are recorded in memory with
//! `tutor::grading::add_grade`; writing the paper to disk is an effect the loop runs, so every
//! key path is testable without files.

use std::collections::BTreeMap;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::i18n::fill;
use crate::tui::app::Level;
use crate::tui::grading::msg::Msg;
use crate::tui::grading::state::{Focus, Grading};
use crate::tutor::grade_drafts::GradeDraft;
use crate::tutor::grading::{Dimension, add_grade, grade_from_form};

/// Work for the loop.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Write paper `n` to its `out` path (atomically); answered with `Msg::Saved`.
    Save(usize),
    /// Keep paper `n`'s unfinished grades beside it (`tutor::grade_drafts`); answered only
    /// when that fails.
    SaveDrafts(usize),
}

pub fn update(g: &mut Grading, msg: Msg) -> Vec<Effect> {
    match msg {
        Msg::Key(key) => on_key(g, key),
        Msg::Paste(text) => {
            if g.focus == Focus::Comment {
                g.comment.paste(&text);
                g.dirty = true;
            }
            Vec::new()
        }
        Msg::Resize => Vec::new(),
        Msg::Interrupted => {
            g.quit = true;
            record(g)
        }
        Msg::Saved(Ok(file)) => {
            let mut text = fill(g.ui.grade_saved, &[("file", &file)]);
            if all_graded(g) {
                text = format!("{text}  {}", g.ui.grade_all_done);
            }
            g.notice = Some((text, Level::Info));
            Vec::new()
        }
        Msg::Saved(Err(why)) => {
            let text = fill(g.ui.grade_save_failed, &[("why", &why)]);
            g.notice = Some((text, Level::Error));
            Vec::new()
        }
    }
}

fn ctrl(key: &KeyEvent, c: char) -> bool {
    key.modifiers.contains(KeyModifiers::CONTROL) && key.code == KeyCode::Char(c)
}

fn on_key(g: &mut Grading, key: KeyEvent) -> Vec<Effect> {
    // A notice stays until the next key.
    g.notice = None;
    if ctrl(&key, 'c') {
        g.quit = true;
        return record(g);
    }
    if g.help {
        // Any key closes the help, and does nothing else.
        g.help = false;
        return Vec::new();
    }
    let typing = matches!(key.code, KeyCode::Char('0'..='9') | KeyCode::Backspace);
    let effects = keys(g, key);
    // Digits build one number only while the focus stays on one score.
    if !typing {
        g.typed.clear();
    }
    effects
}

fn keys(g: &mut Grading, key: KeyEvent) -> Vec<Effect> {
    if ctrl(&key, 's') || key.code == KeyCode::F(2) {
        // Saved even when untouched: the grader accepts the grade shown (refused while a
        // dimension is unset and no overall is typed).
        g.dirty = true;
        let effects = record(g);
        if !g.dirty {
            go_to(g, g.paper, g.answer + 1);
        }
        // Else refused (the notice says why): stay on the answer.
        return effects;
    }
    let shift = key.modifiers.contains(KeyModifiers::SHIFT);
    match (g.focus, key.code) {
        (_, KeyCode::F(1)) => g.help = true,
        (_, KeyCode::PageDown) => g.answer_scroll = g.answer_scroll.saturating_add(5),
        (_, KeyCode::PageUp) => g.answer_scroll = g.answer_scroll.saturating_sub(5),
        (Focus::Comment, KeyCode::Esc | KeyCode::Tab | KeyCode::BackTab) => {
            g.focus = Focus::Dimension(0);
        }
        (Focus::Comment, _) if g.comment.input(key) => g.dirty = true,
        (Focus::Comment, _) => {}
        (_, KeyCode::Char('?')) => g.help = true,
        (_, KeyCode::Tab | KeyCode::BackTab) => g.focus = Focus::Comment,
        (f, KeyCode::Up | KeyCode::Char('k')) => g.focus = row(row_of(f) + ROWS - 1),
        (f, KeyCode::Down | KeyCode::Char('j')) => g.focus = row(row_of(f) + 1),
        (_, KeyCode::Char(c @ '0'..='9')) => type_digit(g, c),
        (_, KeyCode::Backspace) => {
            g.typed.pop();
            let value = g.typed.parse().ok();
            set(g, value);
        }
        (_, KeyCode::Right | KeyCode::Char('+' | '=' | 'l')) => step(g, if shift { 5 } else { 1 }),
        (_, KeyCode::Left | KeyCode::Char('-' | 'h')) => step(g, if shift { -5 } else { -1 }),
        (_, KeyCode::Char('L')) => step(g, 5),
        (_, KeyCode::Char('H')) => step(g, -5),
        (_, KeyCode::Char('n')) => {
            let effects = record(g);
            go_to(g, g.paper, g.answer + 1);
            return effects;
        }
        (_, KeyCode::Char('p')) => {
            let effects = record(g);
            if g.answer > 0 {
                go_to(g, g.paper, g.answer - 1);
            }
            return effects;
        }
        (_, KeyCode::Char(']')) => {
            let effects = record(g);
            go_to(g, (g.paper + 1).min(g.papers.len().saturating_sub(1)), 0);
            return effects;
        }
        (_, KeyCode::Char('[')) => {
            let effects = record(g);
            go_to(g, g.paper.saturating_sub(1), 0);
            return effects;
        }
        (_, KeyCode::Char('q') | KeyCode::Esc) => {
            g.quit = true;
            return record(g);
        }
        _ => {}
    }
    Vec::new()
}

/// The score rows, top to bottom: the six dimensions, then the overall.
const ROWS: usize = Dimension::ALL.len() + 1;

fn row_of(focus: Focus) -> usize {
    match focus {
        Focus::Dimension(i) => i,
        Focus::Overall | Focus::Comment => Dimension::ALL.len(),
    }
}

fn row(n: usize) -> Focus {
    match n % ROWS {
        i if i < Dimension::ALL.len() => Focus::Dimension(i),
        _ => Focus::Overall,
    }
}

/// The focused score and its maximum.
fn field(g: &mut Grading) -> Option<(&mut Option<u8>, u8)> {
    match g.focus {
        Focus::Dimension(i) => Some((g.scores.get_mut(i)?, Dimension::ALL.get(i)?.max_points())),
        Focus::Overall => Some((&mut g.overall_typed, 100)),
        Focus::Comment => None,
    }
}

fn set(g: &mut Grading, value: Option<u8>) {
    if let Some((score, _)) = field(g)
        && *score != value
    {
        *score = value;
        g.dirty = true;
    }
}

/// A digit typed on a score: appended to the ones before it ("1", "8": 18); a number over the
/// maximum starts again from this digit ("2", "6" on 综合分析: 6).
fn type_digit(g: &mut Grading, c: char) {
    let Some((_, max)) = field(g) else {
        return;
    };
    let mut typed = format!("{}{c}", g.typed);
    if typed.parse::<u32>().map_or(true, |v| v > u32::from(max)) {
        typed = c.to_string();
    }
    let Ok(value) = typed.parse::<u8>() else {
        return;
    };
    if value <= max {
        g.typed = typed;
        set(g, Some(value));
    }
}

/// Move the focused score by `delta` points within 0..=its maximum; an unset one moves from 0.
fn step(g: &mut Grading, delta: i8) {
    let Some((score, max)) = field(g) else {
        return;
    };
    let next = score.unwrap_or(0).saturating_add_signed(delta).min(max);
    set(g, Some(next));
}

/// Show answer `answer` of paper `paper`; past the last answer of a paper, the next paper's
/// first; past the very last, stay (and say all is graded when it is).
fn go_to(g: &mut Grading, paper: usize, answer: usize) {
    let len = |p: usize| {
        g.papers
            .get(p)
            .map_or(0, |p| p.bundle.content.answers.len())
    };
    let (paper, answer) = if answer < len(paper) {
        (paper, answer)
    } else if paper + 1 < g.papers.len() {
        (paper + 1, 0)
    } else {
        if all_graded(g) {
            g.notice = Some((g.ui.grade_all_done.to_string(), Level::Info));
        }
        return;
    };
    g.paper = paper;
    g.answer = answer;
    g.load();
}

fn all_graded(g: &Grading) -> bool {
    g.papers.iter().enumerate().all(|(i, p)| {
        p.bundle
            .content
            .answers
            .iter()
            .all(|a| g.grade_of(i, &a.question).is_some())
    })
}

/// Record the grade being given, when it changed, and have the paper written. A refused
/// grade (a dimension unset and no overall typed, or `add_grade`'s checks) stays `dirty`, the
/// notice says why, and what was given is kept as a draft.
fn record(g: &mut Grading) -> Vec<Effect> {
    if !g.dirty {
        return Vec::new();
    }
    let Some(question) = g.current_answer().map(|a| a.question.clone()) else {
        return Vec::new();
    };
    let comment = crate::text::sanitize(&g.comment.text());
    let grade = match grade_from_form(
        &g.grader,
        &question,
        (&g.scores, g.overall_typed),
        comment.trim(),
        g.clock.unix_now(),
    ) {
        Ok(grade) => grade,
        Err(unset) => {
            let names: Vec<&str> = unset.iter().map(|d| g.dimension_name(*d)).collect();
            let text = fill(g.ui.grade_unset, &[("dims", &names.join(g.ui.list_sep))]);
            g.notice = Some((text, Level::Error));
            let draft = draft_of(g, &question, comment.trim());
            return set_draft(g, &question, draft);
        }
    };
    let paper = g.paper;
    let Some(p) = g.papers.get_mut(paper) else {
        return Vec::new();
    };
    match add_grade(&mut p.bundle, grade) {
        Ok(()) => {
            g.dirty = false;
            let mut effects = vec![Effect::Save(paper)];
            // Recorded: its draft has done its work.
            effects.extend(set_draft(g, &question, None));
            effects
        }
        Err(e) => {
            let text = fill(g.ui.grade_refused, &[("why", &e.message(g.ui.lang))]);
            g.notice = Some((text, Level::Error));
            Vec::new()
        }
    }
}

/// What was given of the grade of `question` as this grader's draft; `None` when nothing is.
fn draft_of(g: &Grading, question: &str, comment: &str) -> Option<GradeDraft> {
    let scores: BTreeMap<Dimension, u8> = Dimension::ALL
        .into_iter()
        .zip(g.scores)
        .filter_map(|(d, s)| Some((d, s?)))
        .collect();
    let given = !comment.is_empty() || !scores.is_empty() || g.overall_typed.is_some();
    given.then(|| GradeDraft {
        grader: g.grader.clone(),
        question: question.to_string(),
        scores,
        overall: g.overall_typed,
        comment: comment.to_string(),
    })
}

/// Makes `draft` this grader's draft of `question` on the paper on screen (none: drops it);
/// the drafts are written only when they changed.
fn set_draft(g: &mut Grading, question: &str, draft: Option<GradeDraft>) -> Vec<Effect> {
    let paper = g.paper;
    let grader = g.grader.clone();
    let Some(p) = g.papers.get_mut(paper) else {
        return Vec::new();
    };
    let before = p.drafts.clone();
    p.drafts
        .retain(|d| !(d.grader == grader && d.question == question));
    p.drafts.extend(draft);
    if p.drafts == before {
        Vec::new()
    } else {
        vec![Effect::SaveDrafts(paper)]
    }
}
