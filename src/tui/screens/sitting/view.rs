//! The interview on screen, by phase (the question, the checklist, the result, the summary),
//! and its key hints.

use ratatui::Frame;
use ratatui::layout::Rect;

use crate::i18n::fill;
use crate::session::Mode;
use crate::session::interview::{Phase, Step};
use crate::tui::app::App;
use crate::tui::screens;
use crate::tui::screens::result::ResultView;
use crate::tui::screens::sitting::Sitting;
use crate::tui::screens::sitting::checklist::ChecklistView;
use crate::tui::screens::sitting::interview::InterviewView;
use crate::tui::screens::sitting::summary::SummaryRow;
use crate::tui::widgets::countdown::Clock;

/// The keys of an interview in progress, by phase.
pub fn keys(app: &App, s: &Sitting) -> String {
    let ui = app.ui;
    let iv = &s.interview;
    let practice = s.mode() == Mode::Practice;
    let with_tips = |keys: &str| {
        if practice {
            format!("{keys}  {}", ui.tips_key)
        } else {
            keys.to_string()
        }
    };
    if s.shown_outcome().is_some() {
        return match iv.phase {
            Phase::Review { .. } => ui.result_keys_practice.to_string(),
            _ => ui.result_keys_review.to_string(),
        };
    }
    match iv.phase {
        Phase::Prep { .. } | Phase::Answer { .. } => {
            let block = matches!(iv.phase, Phase::Prep { block: true, .. });
            let spoken = s.mode() == Mode::Spoken;
            let keys = match iv.phase {
                Phase::Prep { .. } => ui.prep_keys,
                _ if spoken => ui.spoken_keys,
                _ => ui.interview_keys,
            };
            // A figure scrolls: say how, before the tips hint (the first dropped when narrow).
            let keys = match iv.current().figure {
                Some(_) if !block => format!("{keys}  {}", ui.figure_keys),
                _ => keys.to_string(),
            };
            if spoken && !matches!(iv.phase, Phase::Prep { .. }) {
                keys
            } else {
                with_tips(&keys)
            }
        }
        Phase::Checklist { .. } => ui.checklist_keys.to_string(),
        Phase::Review { .. } | Phase::Finished => ui.summary_keys.to_string(),
    }
}

/// The screen of an interview in progress, by phase.
pub fn draw(frame: &mut Frame, area: Rect, app: &App, s: &Sitting) {
    let ui = app.ui;
    let theme = app.theme;
    let iv = &s.interview;
    let practice = s.mode() == Mode::Practice;
    if let Some((_, outcome)) = s.shown_outcome() {
        let asked = iv.asked(outcome.step);
        let view = ResultView {
            heading: heading(
                app,
                s,
                outcome.step.question,
                outcome.step.followup,
                outcome.attempt,
            ),
            answer: outcome.answer.as_deref(),
            card: &outcome.card,
            seconds: outcome.seconds,
            reference: asked.and_then(|a| a.reference.as_deref()),
            show_reference: s.result.show_reference,
            examples: asked.map_or(&[], |a| a.examples.as_slice()),
            show_examples: s.result.show_examples,
            scroll: s.result.scroll,
            answer_scroll: s.result.answer_scroll,
            tutor: Vec::new(),
        };
        screens::result::draw(frame, area, ui, theme, &view);
        return;
    }
    match iv.phase {
        Phase::Prep { .. } | Phase::Answer { .. } => {
            let asked = iv.current();
            let block = matches!(iv.phase, Phase::Prep { block: true, .. });
            let prompts = if block {
                iv.questions().map(|q| q.prompt.clone()).collect()
            } else {
                vec![asked.prompt.clone()]
            };
            let clock = iv.clock(app.now()).map(|(answering, left, total)| {
                let kind = if answering {
                    Clock::Answer
                } else {
                    Clock::Prep
                };
                (kind, left, total)
            });
            let spoken = s.mode() == Mode::Spoken;
            let heading = if block {
                let all = fill(ui.all_questions, &[("n", &iv.len())]);
                format!("{}  {all}", s.title(ui))
            } else {
                heading(app, s, iv.step.question, iv.step.followup, iv.attempt)
            };
            let view = InterviewView {
                heading,
                prompts,
                figure: if block { None } else { asked.figure.as_deref() },
                prompt_scroll: s.prompt_scroll,
                clock,
                editor: if spoken { None } else { Some(&s.editor) },
                spoken_note: match iv.phase {
                    Phase::Prep { .. } => ui.prep_hint_spoken,
                    _ => ui.speak_now,
                },
                target_chars: asked.target_chars,
                tips: (s.show_tips && practice).then_some(asked.tips.as_slice()),
                focused: app.overlay.is_none(),
            };
            screens::sitting::interview::draw(frame, area, ui, theme, &view);
        }
        Phase::Checklist { .. } => {
            let (points, sections) = iv.checklist_items();
            let view = ChecklistView {
                heading: heading(app, s, iv.step.question, iv.step.followup, iv.attempt),
                points: &points,
                sections: &sections,
                ticked: &s.checklist_ticks,
                cursor: s.checklist_cursor,
            };
            screens::sitting::checklist::draw(frame, area, ui, theme, &view);
        }
        Phase::Review { .. } | Phase::Finished => {
            let rows: Vec<SummaryRow> = iv
                .final_outcomes()
                .into_iter()
                .map(|(_, o)| SummaryRow {
                    label: crate::tui::filter::question_label(&o.prompt),
                    followup: o.step.followup.is_some(),
                    total: o.card.total,
                    content: o.card.content,
                    structure: o.card.structure,
                    delivery: o.card.delivery,
                    seconds: o.seconds,
                })
                .collect();
            // A set's sitting: the exact command that sends it to the tutor.
            let export = s.set.as_ref().map(|set| {
                let name = app.candidate.as_deref().unwrap_or(ui.export_your_name);
                crate::tutor::sending::export_command(&set.path, &set.set_id, name)
            });
            let view = (rows.as_slice(), export.as_deref());
            screens::sitting::summary::draw(frame, area, ui, theme, view, s.summary_cursor);
        }
    }
}

/// `练习  第 1/3 题  投诉与售后  追问  第 2 次作答`.
fn heading(
    app: &App,
    s: &Sitting,
    question: usize,
    followup: Option<usize>,
    attempt: u32,
) -> String {
    let ui = app.ui;
    let mut parts = vec![
        s.title(ui).to_string(),
        fill(
            ui.question_of,
            &[("i", &(question + 1)), ("n", &s.interview.len())],
        ),
    ];
    if let Some(q) = s.interview.asked(Step {
        question,
        followup: None,
    }) {
        parts.push(crate::tui::filter::category_name(app.lang, &q.category));
    }
    if followup.is_some() {
        parts.push(ui.followup.to_string());
    }
    if attempt > 1 {
        parts.push(fill(ui.attempt, &[("n", &attempt)]));
    }
    parts.join("  ")
}
