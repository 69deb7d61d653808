//! Wrapping styled lines to a width, by display cells. ratatui's own word wrapper can let a
//! line that mixes a word and double-width text run one cell past the area (the last
//! character then covers the border), so every multi-line text here is wrapped by this first
//! and drawn unwrapped.
//!
//! Latin words stay whole unless longer than the width; double-width characters may break
//! anywhere (Chinese has no spaces); spaces at a break are dropped. Continuation lines can
//! hang under a bullet.

use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthChar;

/// One drawable piece: a character with any zero-width marks after it, its style and width.
struct Piece {
    text: String,
    style: Style,
    width: usize,
}

impl Piece {
    fn is_space(&self) -> bool {
        self.text.chars().all(char::is_whitespace)
    }
    fn is_wide(&self) -> bool {
        self.width > 1
    }
}

fn pieces(line: &Line) -> Vec<Piece> {
    let mut out: Vec<Piece> = Vec::new();
    for span in &line.spans {
        let style = line.style.patch(span.style);
        for c in span.content.chars() {
            if c.is_control() {
                continue;
            }
            let width = c.width().unwrap_or(0);
            match out.last_mut() {
                // Zero-width marks stay with the character before them.
                Some(last) if width == 0 => last.text.push(c),
                _ => out.push(Piece {
                    text: c.to_string(),
                    style,
                    width,
                }),
            }
        }
    }
    out
}

/// Units that wrap as one: a run of narrow non-space pieces (a word), or a single wide or space
/// piece.
fn units(pieces: Vec<Piece>) -> Vec<Vec<Piece>> {
    let mut out: Vec<Vec<Piece>> = Vec::new();
    let mut word: Vec<Piece> = Vec::new();
    for p in pieces {
        if p.is_space() || p.is_wide() {
            if !word.is_empty() {
                out.push(std::mem::take(&mut word));
            }
            out.push(vec![p]);
        } else {
            word.push(p);
        }
    }
    if !word.is_empty() {
        out.push(word);
    }
    out
}

/// Closing punctuation that must not begin a line (禁则): the character before it moves down
/// with it instead.
const NO_LINE_START: &str = "，。、；：！？）」』》】〉”’…";

fn is_closing_piece(p: &Piece) -> bool {
    p.text
        .chars()
        .next()
        .is_some_and(|c| NO_LINE_START.contains(c))
}

fn is_closing(unit: &[Piece]) -> bool {
    matches!(unit, [p] if is_closing_piece(p))
}

/// Collects the pieces of one output line at a time.
struct Builder {
    width: usize,
    indent: usize,
    lines: Vec<Line<'static>>,
    current: Vec<Piece>,
    used: usize,
    alignment: Option<ratatui::layout::Alignment>,
    style: Style,
}

impl Builder {
    fn push(&mut self, p: Piece) {
        self.used += p.width;
        self.current.push(p);
    }

    /// Nothing but the indent on the line yet.
    fn at_line_start(&self) -> bool {
        self.used <= self.indent
    }

    fn room(&self) -> usize {
        self.width.saturating_sub(self.used)
    }

    /// The line so far as spans, neighbours of the same style merged.
    fn finish_line(&mut self) -> Line<'static> {
        let mut spans: Vec<Span<'static>> = Vec::new();
        for p in self.current.drain(..) {
            match spans.last_mut() {
                Some(last) if last.style == p.style => last.content.to_mut().push_str(&p.text),
                _ => spans.push(Span::styled(p.text, p.style)),
            }
        }
        self.used = 0;
        let mut line = Line::from(spans).style(self.style);
        line.alignment = self.alignment;
        line
    }

    fn break_line(&mut self) {
        // Spaces at the end of a wrapped line are not drawn.
        while self.current.last().is_some_and(Piece::is_space) {
            self.current.pop();
        }
        let line = self.finish_line();
        self.lines.push(line);
        if self.indent > 0 {
            self.push(Piece {
                text: " ".repeat(self.indent),
                style: Style::default(),
                width: self.indent,
            });
        }
    }
}

/// `line` cut into lines of at most `width` cells; continuation lines start with `indent`
/// spaces (kept below the width). An empty line stays one empty line.
pub fn wrap_line(line: &Line, width: u16, indent: usize) -> Vec<Line<'static>> {
    let width = usize::from(width).max(1);
    let indent = if indent <= width / 2 { indent } else { 0 };
    let mut b = Builder {
        width,
        indent,
        lines: Vec::new(),
        current: Vec::new(),
        used: 0,
        alignment: line.alignment,
        style: line.style,
    };
    for unit in units(pieces(line)) {
        let unit_width: usize = unit.iter().map(|p| p.width).sum();
        if unit_width <= b.room() {
            unit.into_iter().for_each(|p| b.push(p));
            continue;
        }
        if unit.iter().all(Piece::is_space) {
            // A space where the line is full is the break itself.
            b.break_line();
            continue;
        }
        if is_closing(&unit) && !b.at_line_start() {
            // Carry down the closing marks ending the line and the character before them.
            let mut carried = Vec::new();
            while let Some(last) = b.current.pop_if(|p| !p.is_space()) {
                b.used -= last.width;
                let closing = is_closing_piece(&last);
                carried.push(last);
                if !closing {
                    break;
                }
            }
            let moved: usize = carried.iter().map(|p| p.width).sum::<usize>() + unit_width;
            let fits = moved <= width.saturating_sub(indent);
            if fits && !b.at_line_start() {
                b.break_line();
            }
            carried.into_iter().rev().for_each(|p| b.push(p));
            if fits {
                unit.into_iter().for_each(|p| b.push(p));
                continue;
            }
            // Too narrow to carry anything: the mark has to start the line after all.
        }
        if unit_width <= width.saturating_sub(indent) && !b.at_line_start() {
            b.break_line();
            unit.into_iter().for_each(|p| b.push(p));
            continue;
        }
        // Longer than a whole line: cut it wherever the line is full.
        for p in unit {
            if p.width > b.room() && b.used > 0 {
                b.break_line();
            }
            b.push(p);
        }
    }
    let last = b.finish_line();
    b.lines.push(last);
    b.lines
}

/// List markers continuation lines hang under (after any leading spaces).
const MARKERS: [&str; 4] = ["- ", "> ", "✓ ", "✗ "];

/// How far continuation lines of `line` hang: under the text after its leading spaces and
/// list marker (`- `, `> `, `✓ `, `✗ `, `12. `), if it has one.
fn hang_of(line: &Line) -> usize {
    let text: String = line.spans.iter().map(|s| s.content.as_ref()).collect();
    let rest = text.trim_start_matches(' ');
    let spaces = text.len() - rest.len();
    let digits = rest.chars().take_while(char::is_ascii_digit).count();
    let marker = if digits > 0 && rest[digits..].starts_with(". ") {
        digits + 2
    } else {
        MARKERS
            .iter()
            .find(|m| rest.starts_with(**m))
            .map_or(0, |m| unicode_width::UnicodeWidthStr::width(*m))
    };
    spaces + marker
}

/// Every line wrapped to `width`, list items hanging under their text.
pub fn wrap(lines: &[Line], width: u16) -> Vec<Line<'static>> {
    lines
        .iter()
        .flat_map(|l| wrap_line(l, width, hang_of(l)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_width::UnicodeWidthStr;

    fn texts(lines: &[Line]) -> Vec<String> {
        lines
            .iter()
            .map(|l| l.spans.iter().map(|s| s.content.as_ref()).collect())
            .collect()
    }

    #[test]
    fn mixed_latin_and_chinese_never_exceeds_the_width() {
        // The case ratatui's wrapper ran one cell over.
        let line = Line::from(vec![
            Span::raw("  Add this:"),
            Span::raw("换货寄出后我会主动跟进物流，并在收货后回访。"),
        ]);
        // From 2: a double-width character cannot fit in one cell.
        for width in 2..60u16 {
            for l in texts(&wrap_line(&line, width, 0)) {
                assert!(l.width() <= usize::from(width), "{width}: {l:?}");
            }
        }
        let out = texts(&wrap_line(&line, 48, 0));
        assert_eq!(out[0], "  Add this:换货寄出后我会主动跟进物流，并在收货");
        assert_eq!(out[1], "后回访。");
    }

    #[test]
    fn latin_words_stay_whole_and_spaces_at_breaks_go() {
        let line = Line::from("Apologise first, then verify the order");
        assert_eq!(
            texts(&wrap_line(&line, 16, 0)),
            ["Apologise first,", "then verify the", "order"]
        );
        // A word longer than the width is cut.
        assert_eq!(
            texts(&wrap_line(&Line::from("abcdefgh"), 3, 0)),
            ["abc", "def", "gh"]
        );
    }

    #[test]
    fn continuation_lines_hang_under_the_bullet_and_styles_survive() {
        let bold = Style::default().add_modifier(ratatui::style::Modifier::BOLD);
        let line = Line::from(vec![Span::raw("- "), Span::styled("一二三四五六七", bold)]);
        let out = wrap_line(&line, 8, 2);
        assert_eq!(texts(&out), ["- 一二三", "  四五六", "  七"]);
        assert_eq!(out[1].spans[1].style, bold);
        assert_eq!(out[1].spans[1].content, "四五六");
    }

    #[test]
    fn list_items_hang_under_their_text() {
        let lines = [
            Line::from("- 一二三四五"),
            Line::from("  可以这样说：一二三"),
            Line::from("12. 一二三四"),
            Line::from("一二三四五"),
        ];
        assert_eq!(
            texts(&wrap(&lines, 8)),
            [
                "- 一二三",
                "  四五",
                "  可以这",
                "  样说：",
                "  一二三",
                "12. 一二",
                "    三四",
                "一二三四",
                "五"
            ]
        );
    }

    #[test]
    fn closing_punctuation_never_starts_a_line() {
        let out = texts(&wrap_line(&Line::from("一二三四，五六"), 8, 0));
        assert_eq!(out, ["一二三", "四，五六"]);
        let out = texts(&wrap_line(&Line::from("- 一二三，四"), 8, 2));
        assert_eq!(out, ["- 一二", "  三，四"]);
        // A run of closing marks moves down with the character before it.
        let out = texts(&wrap_line(&Line::from("「一二访。」"), 10, 0));
        assert_eq!(out, ["「一二", "访。」"]);
    }

    #[test]
    fn empty_lines_and_tiny_widths_are_safe() {
        assert_eq!(texts(&wrap_line(&Line::from(""), 10, 0)), [""]);
        assert_eq!(texts(&wrap_line(&Line::from("中文"), 1, 0)), ["中", "文"]);
    }
}
