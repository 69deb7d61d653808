//! The interview screen: the question (with its figure, scrollable), the countdown, and the
//! editor with a live character count against the question's target band — or, in spoken
//! mode, a prompt to answer aloud while the clock runs.

use std::time::Duration;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::i18n::{Ui, fill};
use crate::tui::layout::{panel, wrapped};
use crate::tui::theme::Theme;
use crate::tui::widgets::countdown::{Clock, countdown_line};
use crate::tui::widgets::editor::Editor;

/// What the interview screen shows, borrowed from the interview state.
pub struct InterviewView<'a> {
    /// `练习  第 1/3 题  complaint/wrong-size`.
    pub heading: String,
    /// Prompts to show: one, or all of them during a shared thinking block.
    pub prompts: Vec<String>,
    /// The figure's text (already sanitised at load), if the question has one.
    pub figure: Option<&'a str>,
    pub prompt_scroll: u16,
    /// The running clock, if any: which, time left, time in all.
    pub clock: Option<(Clock, Duration, Duration)>,
    /// The editor, when the answer is typed; `None` in spoken mode.
    pub editor: Option<&'a Editor>,
    /// What the answer pane says in spoken mode (think now / speak now).
    pub spoken_note: &'a str,
    pub target_chars: (u32, u32),
    /// Tips to show (practice, on request).
    pub tips: Option<&'a [String]>,
    /// Whether the caret may take the terminal cursor (no overlay on top).
    pub focused: bool,
}

/// The question pane's share of the height when an editor is below it.
const PROMPT_PERCENT: u16 = 35;

pub fn draw(frame: &mut Frame, area: Rect, ui: &Ui, theme: Theme, view: &InterviewView) {
    let [heading, prompt_area, clock_area, answer_area] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Percentage(PROMPT_PERCENT),
        Constraint::Length(1),
        Constraint::Min(3),
    ])
    .areas(area);
    frame.render_widget(
        Paragraph::new(Span::styled(view.heading.clone(), theme.dim())),
        heading,
    );
    draw_prompt(frame, prompt_area, ui, theme, view);
    if let Some((clock, left, total)) = view.clock {
        let line = countdown_line(clock, left, total, clock_area.width, ui, theme);
        frame.render_widget(Paragraph::new(line), clock_area);
    }
    let (answer_area, tips_area) = match view.tips {
        Some(_) => {
            let [a, t] =
                Layout::horizontal([Constraint::Percentage(65), Constraint::Percentage(35)])
                    .areas(answer_area);
            (a, Some(t))
        }
        None => (answer_area, None),
    };
    match view.editor {
        Some(editor) => {
            let (min, max) = view.target_chars;
            let count = editor.char_count();
            let in_band = (min as usize..=max as usize).contains(&count);
            let count_text = fill(
                ui.count_band,
                &[("n", &count), ("min", &min), ("max", &max)],
            );
            let count_style = if in_band { theme.good() } else { theme.dim() };
            let block = panel(ui.answer_title, view.focused, theme)
                .title_bottom(Line::from(Span::styled(count_text, count_style)).right_aligned());
            editor.render(frame, answer_area, block, view.focused);
        }
        None => {
            let text = [Line::from(Span::styled(view.spoken_note, theme.title()))];
            let block = panel(ui.answer_title, false, theme);
            frame.render_widget(wrapped(&text, block, answer_area, 0), answer_area);
        }
    }
    if let (Some(area), Some(tips)) = (tips_area, view.tips) {
        let lines: Vec<Line> = if tips.is_empty() {
            vec![Line::from(Span::styled(ui.no_tips, theme.dim()))]
        } else {
            tips.iter()
                .map(|t| Line::from(format!("- {}", crate::text::sanitize_line(t))))
                .collect()
        };
        let block = panel(ui.tips_title, false, theme);
        frame.render_widget(wrapped(&lines, block, area, 0), area);
    }
}

fn draw_prompt(frame: &mut Frame, area: Rect, ui: &Ui, theme: Theme, view: &InterviewView) {
    let mut lines: Vec<Line> = Vec::new();
    let numbered = view.prompts.len() > 1;
    for (i, p) in view.prompts.iter().enumerate() {
        let text = crate::text::sanitize(p);
        for (j, l) in text.lines().enumerate() {
            let prefix = if numbered && j == 0 {
                format!("{}. ", i + 1)
            } else {
                String::new()
            };
            lines.push(Line::from(format!("{prefix}{l}")));
        }
    }
    if let Some(fig) = view.figure {
        lines.push(Line::from(""));
        lines.push(Line::from(Span::styled(ui.figure_title, theme.title())));
        // A figure wider than the window is wrapped rather than cut off.
        lines.extend(
            crate::text::sanitize(fig)
                .lines()
                .map(|l| Line::from(l.to_string())),
        );
    }
    let block = panel(Span::styled(ui.prompt_title, theme.title()), false, theme);
    frame.render_widget(wrapped(&lines, block, area, view.prompt_scroll), area);
}
