//! The keys overlay (`?` or F1): the general keys and those of the screen underneath.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use crate::tui::app::{App, Screen};
use crate::tui::layout::{centered, panel};

/// The help lines for the current screen, most specific last.
pub fn help_lines(app: &App) -> Vec<&'static str> {
    let ui = app.ui;
    let mut lines = vec![ui.help_general, ui.help_lists];
    match &app.screen {
        Screen::Home(_) => lines.push(ui.help_home),
    }
    lines
}

pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let ui = app.ui;
    let mut text: Vec<Line> = Vec::new();
    for l in help_lines(app) {
        text.push(Line::from(format!("- {l}")));
    }
    text.push(Line::from(""));
    text.push(Line::from(Span::styled(ui.help_close, app.theme.dim())));
    let width = area.width.saturating_sub(4).min(76);
    let popup = centered(area, width, area.height.saturating_sub(2).min(18));
    crate::tui::layout::clear_popup(frame, popup);
    frame.render_widget(
        Paragraph::new(text).wrap(Wrap { trim: false }).block(panel(
            Span::styled(ui.help_title, app.theme.title()),
            true,
            app.theme,
        )),
        popup,
    );
}
