//! `update(state, msg) -> effects` for the grading app. Grades are recorded in memory with
//! `tutor::grading::add_grade`; writing the paper to disk is an effect the loop runs, so every
//! key path is testable without files.

use std::collections::BTreeMap;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::i18n::fill;
use crate::tui::app::Level;
use crate::tui::grading::msg::Msg;
use crate::tui::grading::state::{Focus, Grading};
use crate::tutor::grading::{Dimension, Grade, add_grade};

/// Work for the loop.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Write paper `n` to its `out` path (atomically); answered with `Msg::Saved`.
    Save(usize),
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
    if ctrl(&key, 's') || key.code == KeyCode::F(2) {
        // Saved even when untouched: the grader accepts the scores shown.
        g.dirty = true;
        let effects = record(g);
        if !g.dirty {
            go_to(g, g.paper, g.answer + 1);
        }
        // Else refused (the notice says why): stay on the answer.
        return effects;
    }
    match (g.focus, key.code) {
        (_, KeyCode::PageDown) => g.answer_scroll = g.answer_scroll.saturating_add(5),
        (_, KeyCode::PageUp) => g.answer_scroll = g.answer_scroll.saturating_sub(5),
        (Focus::Comment, KeyCode::Esc | KeyCode::Tab | KeyCode::BackTab) => {
            g.focus = Focus::Dimension(0);
        }
        (Focus::Comment, _) if g.comment.input(key) => g.dirty = true,
        (Focus::Dimension(_), KeyCode::Tab | KeyCode::BackTab) => g.focus = Focus::Comment,
        (Focus::Dimension(i), KeyCode::Up | KeyCode::Char('k')) => {
            g.focus = Focus::Dimension(i.checked_sub(1).unwrap_or(Dimension::ALL.len() - 1));
        }
        (Focus::Dimension(i), KeyCode::Down | KeyCode::Char('j')) => {
            g.focus = Focus::Dimension((i + 1) % Dimension::ALL.len());
        }
        (Focus::Dimension(_), KeyCode::Char(c @ '1'..='6')) => {
            g.focus = Focus::Dimension(usize::from(c as u8 - b'1'));
        }
        (Focus::Dimension(i), KeyCode::Right | KeyCode::Char('+' | '=' | 'l')) => step(g, i, 1),
        (Focus::Dimension(i), KeyCode::Left | KeyCode::Char('-' | 'h')) => step(g, i, -1),
        (Focus::Dimension(_), KeyCode::Char('n')) => {
            let effects = record(g);
            go_to(g, g.paper, g.answer + 1);
            return effects;
        }
        (Focus::Dimension(_), KeyCode::Char('p')) => {
            let effects = record(g);
            if g.answer > 0 {
                go_to(g, g.paper, g.answer - 1);
            }
            return effects;
        }
        (Focus::Dimension(_), KeyCode::Char(']')) => {
            let effects = record(g);
            go_to(g, (g.paper + 1).min(g.papers.len().saturating_sub(1)), 0);
            return effects;
        }
        (Focus::Dimension(_), KeyCode::Char('[')) => {
            let effects = record(g);
            go_to(g, g.paper.saturating_sub(1), 0);
            return effects;
        }
        (Focus::Dimension(_), KeyCode::Char('q') | KeyCode::Esc) => {
            g.quit = true;
            return record(g);
        }
        _ => {}
    }
    Vec::new()
}

/// Move dimension `i` by `delta` points, within 0..=its maximum.
fn step(g: &mut Grading, i: usize, delta: i8) {
    let Some(d) = Dimension::ALL.get(i) else {
        return;
    };
    let now = g.scores[i];
    let next = now.saturating_add_signed(delta).min(d.max_points());
    if next != now {
        g.scores[i] = next;
        g.dirty = true;
    }
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
/// grade stays `dirty` and the notice says why.
fn record(g: &mut Grading) -> Vec<Effect> {
    if !g.dirty {
        return Vec::new();
    }
    let Some(question) = g.current_answer().map(|a| a.question.clone()) else {
        return Vec::new();
    };
    let scores: BTreeMap<Dimension, u8> = Dimension::ALL.into_iter().zip(g.scores).collect();
    let comment = crate::text::sanitize(&g.comment.text());
    let grade = Grade::new(
        &g.grader,
        &question,
        scores,
        comment.trim(),
        g.clock.unix_now(),
    );
    let paper = g.paper;
    let Some(p) = g.papers.get_mut(paper) else {
        return Vec::new();
    };
    match add_grade(&mut p.bundle, grade) {
        Ok(()) => {
            g.dirty = false;
            vec![Effect::Save(paper)]
        }
        Err(e) => {
            let text = fill(g.ui.grade_refused, &[("why", &e)]);
            g.notice = Some((text, Level::Error));
            Vec::new()
        }
    }
}
