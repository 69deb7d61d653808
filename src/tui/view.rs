//! `view(app, frame)`: draws the current screen inside the common frame (title line, body,
//! a live notice, the key hints) and any overlay on top. Below the minimum size only the "too small" screen
//! is drawn, so no screen ever lays out into a space it cannot fit.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::i18n::fill;
use crate::session::Mode;
use crate::session::interview::{Phase, Step};
use crate::tui::app::{App, Level, Overlay, Screen};
use crate::tui::layout::too_small;
use crate::tui::screens;
use crate::tui::screens::result::ResultView;
use crate::tui::screens::sitting::Sitting;
use crate::tui::screens::sitting::checklist::ChecklistView;
use crate::tui::screens::sitting::interview::InterviewView;
use crate::tui::screens::sitting::summary::SummaryRow;
use crate::tui::widgets::countdown::Clock;

pub fn view(app: &App, frame: &mut Frame) {
    let area = frame.area();
    if too_small(area.width, area.height) {
        screens::too_small::draw(frame, area, app.ui);
        return;
    }
    let notice = notice_lines(app, area.width);
    let keys = keys_of(app);
    // Up to two rows of hints: at 80 columns the en interview with a figure needs them.
    let footer = crate::tui::widgets::footer::footer_rows(&keys, area.width, app.theme);
    let [title, body, notice_area, status] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(u16::try_from(notice.len()).unwrap_or(0)),
        Constraint::Length(u16::try_from(footer.len().max(1)).unwrap_or(1)),
    ])
    .areas(area);
    match &app.screen {
        Screen::Home(home) => screens::home::view::draw(frame, body, app, home),
        Screen::Sitting(s) => draw_sitting(frame, body, app, s),
        Screen::History(h) => screens::history::view::draw(frame, body, app, h),
        Screen::Detail(d) => screens::detail::view::draw(frame, body, app, d),
        Screen::Progress(p) => screens::progress::view::draw(frame, body, app, p),
    };
    draw_title(frame, title, app);
    frame.render_widget(Paragraph::new(notice), notice_area);
    frame.render_widget(Paragraph::new(footer), status);
    match &app.overlay {
        None => {}
        Some(Overlay::Help) => screens::help::draw(frame, area, app),
        Some(Overlay::Restore(draft)) => screens::restore::draw(frame, area, app, draft),
        Some(Overlay::ConfirmLeave) => screens::confirm::draw(frame, area, app),
    }
}

/// The key hints of the screen on show (the footer is laid out before the screen is drawn).
fn keys_of(app: &App) -> String {
    let ui = app.ui;
    match &app.screen {
        Screen::Home(_) => ui.home_keys.to_string(),
        Screen::Sitting(s) => sitting_keys(app, s),
        Screen::History(_) => ui.history_keys.to_string(),
        Screen::Detail(_) => ui.detail_keys.to_string(),
        Screen::Progress(_) => ui.progress_keys.to_string(),
    }
}

/// The keys of an interview in progress, by phase.
fn sitting_keys(app: &App, s: &Sitting) -> String {
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
fn draw_sitting(frame: &mut Frame, area: Rect, app: &App, s: &Sitting) {
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

fn draw_title(frame: &mut Frame, area: Rect, app: &App) {
    let line = Line::from(Span::styled(app.ui.app_title, app.theme.title()));
    frame.render_widget(Paragraph::new(line), area);
}

/// Most rows a notice takes; a longer one (it never is) is cut.
const NOTICE_ROWS: usize = 3;

/// The live notice, wrapped by display width above the key hints: it is shown whole
/// (install hints are long) and the keys stay in sight.
fn notice_lines(app: &App, width: u16) -> Vec<Line<'static>> {
    let Some(n) = app.live_notice() else {
        return Vec::new();
    };
    let style = match n.level {
        Level::Info => app.theme.good(),
        Level::Warn => app.theme.warn(),
        Level::Error => app.theme.bad(),
    };
    let line = Line::from(Span::styled(n.text.clone(), style));
    let mut lines = crate::tui::widgets::wrap::wrap_line(&line, width, 0);
    lines.truncate(NOTICE_ROWS);
    lines
}
