//! "Leave the interview?" — Esc during an interview asks first; the draft is kept either way.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::tui::app::App;
use crate::tui::layout::draw_popup;

pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let ui = app.ui;
    let text = vec![
        Line::from(ui.leave_body),
        Line::from(""),
        Line::from(Span::styled(ui.leave_keys, app.theme.dim())),
    ];
    let title = Span::styled(ui.leave_title, app.theme.warn());
    draw_popup(frame, area, title, &text, 60, app.theme);
}
