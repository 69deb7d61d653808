//! Below the minimum size: say how large the window must be. Wraps into whatever space there
//! is (even 1×1) and is replaced by the real screen as soon as the window grows.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use crate::i18n::{Ui, fill};
use crate::tui::layout::{MIN_HEIGHT, MIN_WIDTH};
use crate::tui::widgets::wrap::wrap;

pub fn draw(frame: &mut Frame, area: Rect, ui: &Ui) {
    let text = fill(
        ui.too_small,
        &[
            ("w", &MIN_WIDTH),
            ("h", &MIN_HEIGHT),
            ("cw", &area.width),
            ("ch", &area.height),
        ],
    );
    let lines = wrap(&[Line::from(text)], area.width);
    frame.render_widget(Paragraph::new(lines), area);
}
