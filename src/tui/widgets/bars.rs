//! Horizontal bars for scores and countdowns. Filled cells are reversed spaces, so a bar is
//! visible without colour (`NO_COLOR`) and uses no ambiguous-width block characters.

use ratatui::style::Color;
use ratatui::text::Span;
use unicode_width::UnicodeWidthStr;

use crate::tui::theme::Theme;

/// The unfilled part of a bar; U+2591 has a fixed (narrow) width in every terminal.
const EMPTY: char = '░';

/// A bar `width` cells wide, `filled` of `of` full, in `color`.
pub fn bar(filled: u64, of: u64, width: usize, color: Color, theme: Theme) -> Vec<Span<'static>> {
    let n = if of == 0 {
        0
    } else {
        let n = (u128::from(filled.min(of)) * width as u128 + u128::from(of) / 2) / u128::from(of);
        usize::try_from(n).unwrap_or(width)
    };
    vec![
        Span::styled(" ".repeat(n), theme.bar(color)),
        Span::styled(EMPTY.to_string().repeat(width - n), theme.dim()),
    ]
}

/// `label` padded with spaces to `width` display cells (labels may be Chinese).
pub fn pad(label: &str, width: usize) -> String {
    let w = label.width();
    if w >= width {
        label.to_string()
    } else {
        format!("{label}{}", " ".repeat(width - w))
    }
}

/// One score line: `内容   80 [bar]`, the number coloured and bold by how good it is.
pub fn score_line(
    label: &str,
    label_width: usize,
    score: u8,
    bar_width: usize,
    theme: Theme,
) -> Vec<Span<'static>> {
    let color = Theme::score_color(score);
    let mut spans = vec![
        Span::raw(pad(label, label_width)),
        Span::styled(format!("{score:>3} "), theme.bar_number(color)),
    ];
    spans.extend(bar(u64::from(score), 100, bar_width, color, theme));
    spans
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(spans: &[Span]) -> String {
        spans.iter().map(|s| s.content.as_ref()).collect()
    }

    #[test]
    fn bar_fills_in_proportion_and_keeps_its_width() {
        let t = Theme::new(false);
        let spans = bar(30, 100, 10, Color::Green, t);
        assert_eq!(spans[0].content.len(), 3);
        assert_eq!(spans[1].content.chars().count(), 7);
        assert_eq!(
            text(&bar(200, 100, 10, Color::Green, t)).chars().count(),
            10
        );
        assert_eq!(text(&bar(5, 0, 4, Color::Green, t)), "░░░░");
    }

    #[test]
    fn score_line_pads_chinese_labels_by_display_width() {
        let t = Theme::new(true);
        let zh = text(&score_line("内容", 10, 80, 5, t));
        let en = text(&score_line("Content", 10, 80, 5, t));
        assert_eq!(zh.width(), en.width());
        assert!(zh.starts_with("内容      "));
        assert!(zh.contains(" 80 "));
    }
}
