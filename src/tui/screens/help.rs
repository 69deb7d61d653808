//! The keys overlay (`?` or F1): the general keys and those of the screen underneath.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::i18n::Ui;
use crate::session::Mode;
use crate::tui::app::{App, Screen};
use crate::tui::layout::{draw_popup, hint_rows};
use crate::tui::theme::Theme;

/// The help lines for the current screen, most specific last.
pub fn help_lines(app: &App) -> Vec<&'static str> {
    let ui = app.ui;
    let mut lines = vec![ui.help_general, ui.help_lists];
    match &app.screen {
        Screen::Home(_) => {
            lines.push(ui.help_home);
            lines.push(ui.help_review_home);
        }
        Screen::History(_) => lines.push(ui.help_history),
        Screen::Detail(_) => {
            lines.push(ui.help_detail);
            lines.push(ui.help_result);
        }
        Screen::Progress(_) => lines.push(ui.help_progress),
        Screen::Sitting(s) => {
            lines.push(ui.help_editor);
            lines.push(match s.mode() {
                Mode::Practice => ui.help_practice,
                Mode::Exam => ui.help_exam,
                Mode::Spoken => ui.help_spoken,
            });
            lines.push(ui.help_result);
        }
    }
    lines
}

/// The widest the dialog gets.
const WIDTH: u16 = 76;

pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    draw_keys(frame, area, &help_lines(app), app.ui, app.theme);
}

/// A keys overlay: one item a line, then how to close it (also the grading app's).
pub fn draw_keys(frame: &mut Frame, area: Rect, lines: &[&str], ui: &Ui, theme: Theme) {
    // Inside the border and after "- ": each line breaks between its keys, never inside one
    // ("Backspace 清" / "除" before).
    let room = area.width.saturating_sub(4).min(WIDTH).saturating_sub(4);
    let mut text: Vec<Line> = Vec::new();
    for l in lines {
        for (i, row) in hint_rows(&[Line::from(*l)], room).into_iter().enumerate() {
            let lead = if i == 0 { "- " } else { "  " };
            let mut spans = vec![Span::raw(lead)];
            spans.extend(row.spans);
            text.push(Line::from(spans));
        }
    }
    text.push(Line::from(""));
    text.push(Line::from(Span::styled(ui.help_close, theme.dim())));
    let title = Span::styled(ui.help_title, theme.title());
    draw_popup(frame, area, title, &text, WIDTH, theme);
}
