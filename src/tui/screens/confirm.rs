//! "Leave the interview?" — Esc during an interview asks first; the draft is kept either way.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use crate::tui::app::App;
use crate::tui::layout::{centered, panel};

pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let ui = app.ui;
    let text = vec![
        Line::from(ui.leave_body),
        Line::from(""),
        Line::from(Span::styled(ui.leave_keys, app.theme.dim())),
    ];
    let popup = centered(area, area.width.saturating_sub(4).min(60), 7);
    crate::tui::layout::clear_popup(frame, popup);
    frame.render_widget(
        Paragraph::new(text).wrap(Wrap { trim: false }).block(panel(
            Span::styled(ui.leave_title, app.theme.warn()),
            true,
            app.theme,
        )),
        popup,
    );
}
