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
use crate::tui::widgets::wrap::wrap;

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
    let block = panel(Span::styled(ui.prompt_title, theme.title()), false, theme);
    let inner = block.inner(area);
    let Some(fig) = view.figure else {
        frame.render_widget(wrapped(&lines, block, area, view.prompt_scroll), area);
        return;
    };
    // The figure scrolls under the prompt, which stays in view; the pane's bottom edge says
    // which of its lines show when they do not all fit.
    let prompt = wrap(&lines, inner.width);
    let mut figure = vec![
        Line::from(""),
        Line::from(Span::styled(ui.figure_title, theme.title())),
    ];
    // A figure wider than the window is wrapped rather than cut off.
    let fig_lines: Vec<Line> = crate::text::sanitize(fig)
        .lines()
        .map(|l| Line::from(l.to_string()))
        .collect();
    figure.extend(wrap(&fig_lines, inner.width));
    let height = usize::from(inner.height);
    let room = height.saturating_sub(prompt.len());
    if prompt.len() + figure.len() <= height || room < 2 {
        // All of it fits (nothing to scroll), or the prompt alone fills the pane (one scroll
        // for both).
        let fits = prompt.len() + figure.len() <= height;
        let scroll = if fits { 0 } else { view.prompt_scroll };
        lines = prompt.into_iter().chain(figure).collect();
        let paragraph = Paragraph::new(lines).block(block).scroll((scroll, 0));
        frame.render_widget(paragraph, area);
        return;
    }
    // Tight: no blank line before the figure's title.
    figure.remove(0);
    let top = usize::from(view.prompt_scroll).min(figure.len().saturating_sub(room));
    let shown: Vec<Line> = figure.iter().skip(top).take(room).cloned().collect();
    // Lines of the figure itself, 1-based (its title not counted).
    let n = figure.len() - 1;
    let from = top.max(1);
    let to = (top + room - 1).min(n);
    let more = fill(ui.figure_rows, &[("from", &from), ("to", &to), ("n", &n)]);
    let block = block.title_bottom(Line::from(Span::styled(more, theme.dim())).right_aligned());
    frame.render_widget(block, area);
    let [p_area, f_area] = Layout::vertical([
        Constraint::Length(u16::try_from(prompt.len()).unwrap_or(u16::MAX)),
        Constraint::Min(1),
    ])
    .areas(inner);
    frame.render_widget(Paragraph::new(prompt), p_area);
    frame.render_widget(Paragraph::new(shown), f_area);
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;

    /// The question pane's text at 80x22 (the body of an 80x24 window) with a 19-line figure,
    /// scrolled down by `scroll`.
    fn pane_text(scroll: u16) -> String {
        let figure: String = (1..=19).map(|i| format!("第{i}行数据\n")).collect();
        let editor = Editor::default();
        let view = InterviewView {
            heading: String::new(),
            prompts: vec!["请根据下面的材料回答问题。".into()],
            figure: Some(&figure),
            prompt_scroll: scroll,
            clock: None,
            editor: Some(&editor),
            spoken_note: "",
            target_chars: (20, 300),
            tips: None,
            focused: false,
        };
        let ui = crate::i18n::Lang::Zh.ui();
        let mut term = Terminal::new(TestBackend::new(80, 22)).unwrap();
        term.draw(|f| draw(f, f.area(), ui, Theme::new(false), &view))
            .unwrap();
        let buf = term.backend().buffer();
        let mut out = String::new();
        for y in 0..9 {
            let mut x = 0;
            while x < 80 {
                let symbol = buf[(x, y)].symbol();
                out.push_str(symbol);
                x += u16::try_from(unicode_width::UnicodeWidthStr::width(symbol).max(1)).unwrap();
            }
            out.push('\n');
        }
        out
    }

    #[test]
    fn a_long_figure_says_there_is_more_and_scrolls_under_the_prompt() {
        let top = pane_text(0);
        assert!(top.contains("材料第 1-"), "{top}");
        assert!(top.contains("/19 行"), "{top}");
        assert!(!top.contains("第19行数据"), "{top}");
        let down = pane_text(100);
        // The prompt stays; the figure's last line shows.
        assert!(down.contains("请根据下面的材料回答问题"), "{down}");
        assert!(down.contains("第19行数据"), "{down}");
        assert!(down.contains("/19 行"), "{down}");
    }
}
