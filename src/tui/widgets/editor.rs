//! The answer editor: ratatui-textarea for the keys (undo, selection, words), drawn here by
//! the same line-breaking rule as every other pane (`wrap`: no line starts with 「，」 or a
//! space), a size cap for pastes, and the *real* terminal cursor placed at the caret — input
//! methods open their candidate window at the real cursor, so a painted fake one would leave
//! the pinyin window in a corner.

use std::cell::Cell;
use std::ops::Range;

use crossterm::event::KeyEvent;
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};
use ratatui_textarea::{CursorMove, TextArea, WrapMode};
use unicode_width::UnicodeWidthChar;

use super::wrap::row_spans;

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
    /// The first display row drawn and the width drawn at: scrolling and Up/Down follow the
    /// rows on screen, which only drawing knows.
    view: Cell<(usize, u16)>,
}

/// One display row: a line of the text (by index) and the characters of it drawn there.
struct Row {
    line: usize,
    chars: Range<usize>,
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
        // Wrapping is drawn here, by the shared rule; the textarea keeps whole lines.
        area.set_wrap_mode(WrapMode::None);
        // The real terminal cursor marks the caret; a painted one would show twice.
        area.set_cursor_style(Style::default());
        area.set_cursor_line_style(Style::default());
        area.set_selection_style(Style::default().add_modifier(Modifier::REVERSED));
        area.move_cursor(CursorMove::Bottom);
        area.move_cursor(CursorMove::End);
        Editor {
            len: text.chars().count(),
            area,
            view: Cell::new((0, 0)),
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
        let vertical = match key.code {
            crossterm::event::KeyCode::Up => Some(-1),
            crossterm::event::KeyCode::Down => Some(1),
            _ => None,
        };
        if let Some(step) = vertical
            && key.modifiers.is_empty()
            && self.view.get().1 > 0
        {
            self.move_vertically(step);
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

    /// The display rows of the whole text at `width`.
    fn rows(&self, width: u16) -> Vec<Row> {
        let width = usize::from(width);
        self.area
            .lines()
            .iter()
            .enumerate()
            .flat_map(|(line, text)| {
                row_spans(text, width)
                    .into_iter()
                    .map(move |(chars, _)| Row { line, chars })
            })
            .collect()
    }

    /// The caret's display row (an index into `rows`) and column in cells.
    fn caret_cell(&self, rows: &[Row]) -> (usize, usize) {
        let cursor = self.area.cursor();
        let (line, ch) = (cursor.0, cursor.1);
        let row = rows
            .iter()
            .rposition(|r| r.line == line && r.chars.start <= ch)
            .or_else(|| rows.iter().position(|r| r.line == line))
            .unwrap_or(0);
        let Some(r) = rows.get(row) else {
            return (0, 0);
        };
        let text = &self.area.lines()[line];
        let col = text
            .chars()
            .skip(r.chars.start)
            .take(ch.min(r.chars.end).saturating_sub(r.chars.start))
            .map(|c| c.width().unwrap_or(0))
            .sum();
        (row, col)
    }

    /// Up/Down: the caret goes to the nearest column of the display row above or below.
    fn move_vertically(&mut self, step: isize) {
        let rows = self.rows(self.view.get().1);
        let (row, col) = self.caret_cell(&rows);
        let Some(target) = row.checked_add_signed(step).filter(|&t| t < rows.len()) else {
            return;
        };
        let r = &rows[target];
        let mut ch = r.chars.start;
        let mut used = 0;
        for c in self.area.lines()[r.line].chars().skip(r.chars.start) {
            let w = c.width().unwrap_or(0);
            if ch >= r.chars.end || used + w > col {
                break;
            }
            used += w;
            ch += 1;
        }
        // The end of a row that the next row continues is drawn at the next row's start.
        if rows
            .get(target + 1)
            .is_some_and(|n| n.line == r.line && n.chars.start == ch)
            && ch > r.chars.start
        {
            ch -= 1;
        }
        let to = |n: usize| u16::try_from(n).unwrap_or(u16::MAX);
        self.area.move_cursor(CursorMove::Jump(to(r.line), to(ch)));
    }

    /// Draw the editor inside `block` and, when `focused`, put the terminal cursor on the caret.
    pub fn render(&self, frame: &mut Frame, area: Rect, block: Block<'_>, focused: bool) {
        let inner = block.inner(area);
        frame.render_widget(block, area);
        if inner.width == 0 || inner.height == 0 {
            return;
        }
        let rows = self.rows(inner.width);
        let (caret_row, _) = self.caret_cell(&rows);
        // Scroll just enough to keep the caret's row in view.
        let height = usize::from(inner.height);
        let (mut top, _) = self.view.get();
        top = top.min(rows.len().saturating_sub(height));
        if caret_row < top {
            top = caret_row;
        } else if caret_row >= top + height {
            top = caret_row + 1 - height;
        }
        self.view.set((top, inner.width));
        let selection = self.area.selection_range();
        let selected = Style::default().add_modifier(Modifier::REVERSED);
        let lines: Vec<Line> = rows[top..]
            .iter()
            .take(height)
            .map(|r| {
                let text = &self.area.lines()[r.line];
                let spans: Vec<Span> = text
                    .chars()
                    .enumerate()
                    .skip(r.chars.start)
                    .take(r.chars.len())
                    .map(|(i, c)| {
                        let inside = selection
                            .is_some_and(|(from, to)| from <= (r.line, i) && (r.line, i) < to);
                        Span::styled(
                            c.to_string(),
                            if inside { selected } else { Style::default() },
                        )
                    })
                    .collect();
                Line::from(spans)
            })
            .collect();
        frame.render_widget(Paragraph::new(lines), inner);
        if focused && let Some(pos) = self.caret_position(inner) {
            frame.set_cursor_position(pos);
        }
    }

    /// The screen cell of the caret after the editor was drawn into `inner`: its display
    /// position in the wrapped text, minus the scroll offset, plus the area's origin. Clamped
    /// into `inner` (the caret after a line that fills the width sits one past it).
    pub fn caret_position(&self, inner: Rect) -> Option<Position> {
        if inner.width == 0 || inner.height == 0 {
            return None;
        }
        let (row, col) = self.caret_cell(&self.rows(inner.width));
        let row = row.saturating_sub(self.view.get().0);
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

    /// The text rows drawn inside the border of `draw`'s terminal.
    fn drawn_rows(term: &Terminal<TestBackend>) -> Vec<String> {
        let buf = term.backend().buffer();
        let area = buf.area;
        (1..area.height - 1)
            .map(|y| (1..area.width - 1).map(|x| buf[(x, y)].symbol()).collect())
            .collect()
    }

    #[test]
    fn rows_break_by_the_panes_rule_never_before_punctuation_or_a_space() {
        let zh =
            "非常抱歉给您带来不便，我马上为您核实订单。请您稍等，好吗？我会说“您看这样行不行”。";
        let en = "I am sorry for the delay, and I will check the order (now), then call you back.";
        for text in [zh, en] {
            for width in 8..40u16 {
                let term = draw(&Editor::with_text(text), width + 2, 20);
                for row in drawn_rows(&term) {
                    let starts_badly = row
                        .trim()
                        .chars()
                        .next()
                        .is_some_and(|c| crate::tui::widgets::wrap::NO_LINE_START.contains(c))
                        || (row.starts_with(' ') && !row.trim().is_empty());
                    assert!(!starts_badly, "width {width}: {row:?}");
                    let ends_badly = row
                        .trim_end()
                        .chars()
                        .next_back()
                        .is_some_and(|c| crate::tui::widgets::wrap::NO_LINE_END.contains(c));
                    assert!(!ends_badly, "width {width}: {row:?}");
                }
            }
        }
    }

    #[test]
    fn up_and_down_follow_the_rows_on_screen() {
        // Inner width 6: rows 一二三 / 四五六 / 七; the caret starts after 七.
        let mut e = Editor::with_text("一二三四五六七");
        let mut term = draw(&e, 8, 6);
        term.backend_mut().assert_cursor_position((3, 3));
        e.input(KeyEvent::new(KeyCode::Up, KeyModifiers::NONE));
        let mut term = draw(&e, 8, 6);
        term.backend_mut().assert_cursor_position((3, 2));
        e.input(KeyEvent::new(KeyCode::Up, KeyModifiers::NONE));
        e.input(key('X'));
        assert_eq!(e.text(), "一X二三四五六七");
        // Now 一X二 / 三四五 / 六七: from column 3 down to after 三 (column 2).
        e.input(KeyEvent::new(KeyCode::Down, KeyModifiers::NONE));
        e.input(key('Y'));
        assert_eq!(e.text(), "一X二三Y四五六七");
    }
}
