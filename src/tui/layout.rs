//! Small layout helpers shared by the screens.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders, Clear, Paragraph};
use unicode_width::UnicodeWidthStr;

use crate::tui::theme::Theme;
use crate::tui::widgets::wrap::wrap;

/// The smallest window the app draws its screens in; below it, a message asks for more room.
pub const MIN_WIDTH: u16 = 40;
pub const MIN_HEIGHT: u16 = 12;

/// Whether a `width`×`height` window is below the minimum.
pub fn too_small(width: u16, height: u16) -> bool {
    width < MIN_WIDTH || height < MIN_HEIGHT
}

/// `lines` wrapped to fit inside `block` drawn in `area`, scrolled down by `scroll` lines.
pub fn wrapped<'a>(lines: &[Line], block: Block<'a>, area: Rect, scroll: u16) -> Paragraph<'a> {
    let width = block.inner(area).width;
    Paragraph::new(wrap(lines, width))
        .block(block)
        .scroll((scroll, 0))
}

/// A rectangle of at most `width`×`height` centred in `area` (never outside it).
pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let w = width.min(area.width);
    let h = height.min(area.height);
    Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    }
}

/// Clear `area` for a popup. A double-width character just left of it would reach into its
/// first column, and the terminal would then never be told to draw the popup's left border
/// there; such characters are blanked.
pub fn clear_popup(frame: &mut Frame, area: Rect) {
    frame.render_widget(Clear, area);
    if area.x == 0 {
        return;
    }
    let buf = frame.buffer_mut();
    for y in area.top()..area.bottom() {
        let cell = &mut buf[(area.x - 1, y)];
        if cell.symbol().width() > 1 {
            cell.set_symbol(" ");
        }
    }
}

/// A bordered popup centred in `area`, as tall as its wrapped `lines` (never taller than the
/// area), over a cleared background. The last line is the dialog's keys: when the text is
/// too tall, the lines above it are cut (marked with …), never the keys.
pub fn draw_popup(
    frame: &mut Frame,
    area: Rect,
    title: Span<'_>,
    lines: &[Line],
    max_width: u16,
    theme: Theme,
) {
    let width = area.width.saturating_sub(4).min(max_width);
    let inner = width.saturating_sub(2);
    let (body, keys) = lines.split_at(lines.len().saturating_sub(1));
    let mut text = wrap(body, inner);
    let keys = hint_rows(keys, inner);
    let room = usize::from(area.height.saturating_sub(2));
    if text.len() + keys.len() > room {
        text.truncate(room.saturating_sub(keys.len() + 1));
        text.push(Line::from(Span::styled("…", theme.dim())));
    }
    text.extend(keys);
    text.truncate(room.max(1));
    let height = u16::try_from(text.len())
        .unwrap_or(u16::MAX)
        .saturating_add(2);
    let rect = centered(area, width, height);
    clear_popup(frame, rect);
    frame.render_widget(Paragraph::new(text).block(panel(title, true, theme)), rect);
}

/// A line of hints (a dialog's keys, a legend) on rows of `width`, broken between hints, never
/// inside one ("n" and "discard" on two rows at 40 columns); word-wrapped only when a hint
/// alone is too wide.
pub fn hint_rows(keys: &[Line], width: u16) -> Vec<Line<'static>> {
    let Some(line) = keys.first() else {
        return Vec::new();
    };
    let text: String = line.spans.iter().map(|s| s.content.as_ref()).collect();
    let style = line
        .spans
        .first()
        .map_or(line.style, |s| line.style.patch(s.style));
    let rows = crate::tui::widgets::footer::fit_rows(&text, width, usize::MAX);
    if rows.join("  ") != text {
        return wrap(keys, width);
    }
    rows.into_iter()
        .map(|r| Line::from(Span::styled(r, style)))
        .collect()
}

/// A bordered panel; the focused one has a bold border so focus shows without colour.
pub fn panel<'a>(title: impl Into<Line<'a>>, focused: bool, theme: Theme) -> Block<'a> {
    let block = Block::default().borders(Borders::ALL).title(title);
    if focused {
        block
            .border_type(BorderType::Thick)
            .border_style(theme.focus_border())
    } else {
        block
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    use ratatui::widgets::Paragraph;

    #[test]
    fn popup_next_to_wide_text_keeps_its_border() {
        let mut term = Terminal::new(TestBackend::new(8, 3)).unwrap();
        term.draw(|f| {
            f.render_widget(Paragraph::new("一二三四"), f.area());
            let popup = Rect::new(3, 0, 4, 3);
            clear_popup(f, popup);
            f.render_widget(Block::default().borders(Borders::ALL), popup);
        })
        .unwrap();
        let buf = term.backend().buffer();
        // 二 (cells 2-3) would have covered the border at x=3.
        assert_eq!(buf[(2, 0)].symbol(), " ");
        assert_eq!(buf[(3, 0)].symbol(), "┌");
        assert_eq!(buf[(0, 0)].symbol(), "一");
    }

    #[test]
    fn centered_never_leaves_the_area() {
        let area = Rect::new(2, 3, 10, 4);
        assert_eq!(centered(area, 4, 2), Rect::new(5, 4, 4, 2));
        assert_eq!(centered(area, 50, 50), area);
    }
}
