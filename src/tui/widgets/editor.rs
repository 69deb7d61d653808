//! The answer editor: ratatui-textarea with CJK-aware wrapping, a size cap for pastes, and the
//! *real* terminal cursor placed at the caret — input methods open their candidate window at
//! the real cursor, so a painted fake one would leave the pinyin window in a corner.

use crossterm::event::KeyEvent;
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::widgets::Block;
use ratatui_textarea::{CursorMove, TextArea, WrapMode};

/// The most characters an answer may hold. A spoken three-minute answer is under 1,000; the
/// cap only exists so a stray multi-megabyte paste cannot stall the app.
pub const MAX_ANSWER_CHARS: usize = 20_000;

/// The length a candidate is judged on: the scorer's own count (`Scorecard::chars`).
pub use crate::scoring::judged_len;

/// What happened to a paste.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PasteOutcome {
    Inserted,
    /// Only `kept` characters fitted under `MAX_ANSWER_CHARS`; `dropped` were left out.
    Truncated {
        kept: usize,
        dropped: usize,
    },
}

#[derive(Debug, Clone)]
pub struct Editor {
    area: TextArea<'static>,
    /// Characters in the text (newlines included), kept so the cap check is O(1).
    len: usize,
}

impl Default for Editor {
    fn default() -> Self {
        Editor::with_text("")
    }
}

impl Editor {
    /// An editor holding `text`, caret at the end (restoring a draft continues where it stopped).
    /// The text is cleaned of control characters, as a paste is: it may come from a file.
    pub fn with_text(text: &str) -> Editor {
        let text = crate::text::sanitize(text);
        let mut area = TextArea::new(text.split('\n').map(str::to_owned).collect());
        area.set_wrap_mode(WrapMode::WordOrGlyph);
        // The real terminal cursor marks the caret; a painted one would show twice.
        area.set_cursor_style(Style::default());
        area.set_cursor_line_style(Style::default());
        area.set_selection_style(Style::default().add_modifier(Modifier::REVERSED));
        area.move_cursor(CursorMove::Bottom);
        area.move_cursor(CursorMove::End);
        Editor {
            len: text.chars().count(),
            area,
        }
    }

    /// The answer as typed, lines joined with `\n`.
    pub fn text(&self) -> String {
        self.area.lines().join("\n")
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The length the answer is judged on (see `judged_len`).
    pub fn char_count(&self) -> usize {
        self.area.lines().iter().map(|l| judged_len(l)).sum()
    }

    /// Edit with the textarea's keys (arrows, Home/End, Backspace, Ctrl-Z undo …). Returns
    /// whether the text changed. Typing stops at `MAX_ANSWER_CHARS`.
    pub fn input(&mut self, key: KeyEvent) -> bool {
        let inserts = matches!(key.code, crossterm::event::KeyCode::Char(_))
            || key.code == crossterm::event::KeyCode::Enter;
        if inserts && self.len >= MAX_ANSWER_CHARS {
            return false;
        }
        let changed = self.area.input(key);
        if changed {
            self.len = self.count_len();
        }
        changed
    }

    /// Insert pasted text at the caret, cleaned of control characters and cut to what still
    /// fits under the cap.
    pub fn paste(&mut self, pasted: &str) -> PasteOutcome {
        let clean = crate::text::sanitize(pasted);
        let room = MAX_ANSWER_CHARS.saturating_sub(self.len);
        let (kept_text, kept, dropped) = match clean.char_indices().nth(room) {
            None => (clean.as_str(), clean.chars().count(), 0),
            Some((cut, _)) => {
                let dropped = clean[cut..].chars().count();
                (&clean[..cut], room, dropped)
            }
        };
        if !kept_text.is_empty() {
            self.area.insert_str(kept_text);
            self.len = self.count_len();
        }
        if dropped == 0 {
            PasteOutcome::Inserted
        } else {
            PasteOutcome::Truncated { kept, dropped }
        }
    }

    fn count_len(&self) -> usize {
        let lines = self.area.lines();
        lines.iter().map(|l| l.chars().count()).sum::<usize>() + lines.len().saturating_sub(1)
    }

    /// Draw the editor inside `block` and, when `focused`, put the terminal cursor on the caret.
    pub fn render(&self, frame: &mut Frame, area: Rect, block: Block<'_>, focused: bool) {
        let inner = block.inner(area);
        frame.render_widget(block, area);
        frame.render_widget(&self.area, inner);
        if focused && let Some(pos) = self.caret_position(inner) {
            frame.set_cursor_position(pos);
        }
    }

    /// The screen cell of the caret after the textarea was drawn into `inner`: its display
    /// position in the wrapped text, minus the scroll offset, plus the area's origin. Clamped
    /// into `inner` (the caret after a line that fills the width sits one past it).
    pub fn caret_position(&self, inner: Rect) -> Option<Position> {
        if inner.width == 0 || inner.height == 0 {
            return None;
        }
        let caret = self.area.screen_cursor();
        let (top_row, top_col) = self.area.scroll_offset();
        let row = caret.row.saturating_sub(usize::from(top_row));
        let col = caret.col.saturating_sub(usize::from(top_col));
        let row = u16::try_from(row).unwrap_or(u16::MAX).min(inner.height - 1);
        let col = u16::try_from(col).unwrap_or(u16::MAX).min(inner.width - 1);
        Some(Position::new(inner.x + col, inner.y + row))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossterm::event::{KeyCode, KeyModifiers};
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    use ratatui::widgets::Borders;

    #[test]
    fn the_count_shown_is_the_scorecards_length() {
        let banks = crate::tui::tests::test_banks();
        let (bank, q) = banks.find_question("tui-test/wrong-size").unwrap();
        let text = "非常抱歉，\n  我马上 核实。 Sorry!\t";
        let card = crate::scoring::Rubric::compile(bank, q).score(text, None);
        assert_eq!(Editor::with_text(text).char_count(), card.chars);
        assert_eq!(card.chars, 17);
    }

    fn key(c: char) -> KeyEvent {
        KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)
    }

    fn draw(editor: &Editor, w: u16, h: u16) -> Terminal<TestBackend> {
        let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
        term.draw(|f| editor.render(f, f.area(), Block::default().borders(Borders::ALL), true))
            .unwrap();
        term
    }

    #[test]
    fn caret_follows_double_width_text() {
        let mut e = Editor::default();
        for c in "你好ab".chars() {
            e.input(key(c));
        }
        let mut term = draw(&e, 20, 5);
        // Border at x=0; 你 and 好 take two cells each, then a, b: caret at 1 + 4 + 2.
        term.backend_mut().assert_cursor_position((7, 1));
    }

    #[test]
    fn caret_wraps_with_the_text() {
        // Inner width 6: three Chinese characters fill a row, the fourth wraps.
        let e = Editor::with_text("一二三四");
        let mut term = draw(&e, 8, 5);
        term.backend_mut().assert_cursor_position((3, 2));
        let buf = term.backend().buffer().clone();
        assert_eq!(buf[(1, 2)].symbol(), "四");
    }

    #[test]
    fn caret_stays_inside_when_scrolled() {
        let text = (0..30)
            .map(|i| format!("line {i}"))
            .collect::<Vec<_>>()
            .join("\n");
        let e = Editor::with_text(&text);
        let mut term = draw(&e, 20, 6);
        // Four inner rows; the caret is on the last line, drawn on the last inner row.
        term.backend_mut().assert_cursor_position((8, 4));
    }

    #[test]
    fn huge_paste_is_capped_and_reported() {
        let mut e = Editor::with_text("开头");
        let big = "客服".repeat(500_000); // 1,000,000 chars, 3 MB
        let out = e.paste(&big);
        assert_eq!(
            out,
            PasteOutcome::Truncated {
                kept: MAX_ANSWER_CHARS - 2,
                dropped: 1_000_000 - (MAX_ANSWER_CHARS - 2)
            }
        );
        assert_eq!(e.text().chars().count(), MAX_ANSWER_CHARS);
        // Full: typing adds nothing more.
        assert!(!e.input(key('x')));
    }

    #[test]
    fn text_given_at_the_start_is_cleaned_too() {
        // A grader's earlier comment comes from a bundle file: untrusted, like a paste.
        let e = Editor::with_text("好\u{202E}评\x1b[0m\r\n下一行");
        assert_eq!(e.text(), "好评[0m\n下一行");
    }

    #[test]
    fn paste_strips_control_characters_and_keeps_newlines() {
        let mut e = Editor::default();
        assert_eq!(e.paste("第一\r\n第二\x1b[31m"), PasteOutcome::Inserted);
        assert_eq!(e.text(), "第一\n第二[31m");
        assert_eq!(e.char_count(), 8);
    }
}
