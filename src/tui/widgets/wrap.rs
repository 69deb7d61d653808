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
    /// Index of its first character in the text (controls counted).
    start: usize,
    /// A no-break space (`GLUE`), drawn as a plain space.
    glue: bool,
}

impl Piece {
    fn is_space(&self) -> bool {
        !self.glue && self.text.chars().all(char::is_whitespace)
    }
    fn is_wide(&self) -> bool {
        self.width > 1
    }
    fn starts_with_one_of(&self, marks: &str) -> bool {
        self.text.chars().next().is_some_and(|c| marks.contains(c))
    }
    fn is_closing(&self) -> bool {
        self.starts_with_one_of(NO_LINE_START)
    }
    fn is_opening(&self) -> bool {
        self.starts_with_one_of(NO_LINE_END)
    }
}

/// The pieces of `spans` in order, controls dropped.
fn pieces<'a>(spans: impl IntoIterator<Item = (&'a str, Style)>) -> Vec<Piece> {
    let mut out: Vec<Piece> = Vec::new();
    let mut start = 0;
    for (content, style) in spans {
        for c in content.chars() {
            start += 1;
            if c.is_control() {
                continue;
            }
            let width = c.width().unwrap_or(0);
            match out.last_mut() {
                // Zero-width marks stay with the character before them.
                Some(last) if width == 0 => last.text.push(c),
                _ => out.push(Piece {
                    text: if c == GLUE { ' ' } else { c }.to_string(),
                    style,
                    width,
                    start: start - 1,
                    glue: c == GLUE,
                }),
            }
        }
    }
    out
}

/// A no-break space: drawn as a space, it holds what stands either side of it on one line
/// (`interpersonal 12/15`, `综合分析 20/25`).
pub const GLUE: char = '\u{a0}';

/// Units that wrap as one, as ranges of piece indices: a run of narrow non-space pieces (a
/// word), or a single wide or space piece. A no-break space joins its neighbours' units, and
/// after Chinese it holds the whole run of wide characters before it (`应变能力 12/15`). An
/// opening mark (「“（) joins the unit after it: it never ends a line.
fn units(pieces: &[Piece]) -> Vec<std::ops::Range<usize>> {
    let glue_at = |i: Option<usize>| i.and_then(|i| pieces.get(i)).is_some_and(|p| p.glue);
    let wide_at = |i: usize| pieces.get(i).is_some_and(Piece::is_wide);
    let opens_at = |i: Option<usize>| i.and_then(|i| pieces.get(i)).is_some_and(Piece::is_opening);
    let mut out: Vec<std::ops::Range<usize>> = Vec::new();
    for unit in split_units(pieces) {
        let starts_glued = glue_at(Some(unit.start));
        let is_space = pieces.get(unit.start).is_some_and(Piece::is_space);
        match out.last_mut() {
            Some(last)
                if starts_glued
                    || glue_at(last.end.checked_sub(1))
                    || (opens_at(last.end.checked_sub(1)) && !is_space) =>
            {
                last.end = unit.end;
            }
            _ => out.push(unit),
        }
        while starts_glued
            && out.len() >= 2
            && wide_at(out[out.len() - 1].start)
            && wide_at(out[out.len() - 2].end - 1)
        {
            let joined = out.pop().map_or(0, |u| u.end);
            if let Some(prev) = out.last_mut() {
                prev.end = joined;
            }
        }
    }
    out
}

fn split_units(pieces: &[Piece]) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut word_start = None;
    for (i, p) in pieces.iter().enumerate() {
        if p.is_space() || p.is_wide() {
            if let Some(s) = word_start.take() {
                out.push(s..i);
            }
            out.push(i..i + 1);
        } else if word_start.is_none() {
            word_start = Some(i);
        }
    }
    if let Some(s) = word_start {
        out.push(s..pieces.len());
    }
    out
}

/// Closing punctuation that must not begin a line (禁则): the character before it moves down
/// with it instead. The one list for every wrapped text, CLI included.
pub const NO_LINE_START: &str = "，。、；：！？）」』》】〉”’…,.;:!?)]}";

/// Opening punctuation that must not end a line (禁则): it moves down with what it opens.
pub const NO_LINE_END: &str = "（「『《【〈“‘([{";

/// One output row: the pieces drawn on it (by index, in order) and whether it is a
/// continuation line that starts with the indent.
struct Row {
    pieces: Vec<usize>,
    /// Cells of indent before the pieces (continuation rows).
    indent: usize,
}

/// Collects the pieces of one output row at a time.
struct Builder<'p> {
    all: &'p [Piece],
    width: usize,
    indent: usize,
    rows: Vec<Row>,
    current: Vec<usize>,
    used: usize,
}

impl Builder<'_> {
    fn push(&mut self, i: usize) {
        self.used += self.all[i].width;
        self.current.push(i);
    }

    /// Nothing but the indent on the line yet.
    fn at_line_start(&self) -> bool {
        self.current.is_empty()
    }

    fn room(&self) -> usize {
        self.width.saturating_sub(self.used)
    }

    fn finish_row(&mut self) {
        let indent = if self.rows.is_empty() { 0 } else { self.indent };
        self.rows.push(Row {
            pieces: std::mem::take(&mut self.current),
            indent,
        });
    }

    fn break_line(&mut self) {
        // Spaces at the end of a wrapped line are not drawn.
        while self.current.last().is_some_and(|&i| self.all[i].is_space()) {
            self.current.pop();
        }
        self.finish_row();
        self.used = self.indent;
    }
}

/// The one line-breaking rule: `pieces` cut into rows of at most `width` cells. Latin words
/// stay whole unless longer than a row, wide characters break anywhere but closing
/// punctuation never starts a row, spaces at a break are dropped, and continuation rows start
/// after `indent` cells.
fn layout(all: &[Piece], width: usize, indent: usize) -> Vec<Row> {
    let width = width.max(1);
    let indent = if indent <= width / 2 { indent } else { 0 };
    let mut b = Builder {
        all,
        width,
        indent,
        rows: Vec::new(),
        current: Vec::new(),
        used: 0,
    };
    for unit in units(all) {
        let unit_width: usize = unit.clone().map(|i| all[i].width).sum();
        if unit_width <= b.room() {
            unit.for_each(|i| b.push(i));
            continue;
        }
        if unit.clone().all(|i| all[i].is_space()) {
            // A space where the line is full is the break itself.
            b.break_line();
            continue;
        }
        let closing = unit.len() == 1 && all[unit.start].is_closing()
            || unit.clone().all(|i| all[i].is_closing());
        if closing && !b.at_line_start() {
            // Carry down the closing marks ending the line and the word or character before
            // them.
            let mut carried = Vec::new();
            while let Some(last) = b.current.pop_if(|&mut i| !all[i].is_space()) {
                b.used -= all[last].width;
                let is_closing = all[last].is_closing();
                carried.push(last);
                let word_goes_on = !all[last].is_wide()
                    && b.current.last().is_some_and(|&i| {
                        !all[i].is_space() && !all[i].is_wide() && !all[i].is_closing()
                    });
                if !is_closing && !word_goes_on {
                    break;
                }
            }
            let moved: usize = carried.iter().map(|&i| all[i].width).sum::<usize>() + unit_width;
            let fits = moved <= width.saturating_sub(indent);
            if fits && !b.at_line_start() {
                b.break_line();
            }
            carried.into_iter().rev().for_each(|i| b.push(i));
            if fits {
                unit.for_each(|i| b.push(i));
                continue;
            }
            // Too narrow to carry anything: the mark has to start the line after all.
        }
        if unit_width <= width.saturating_sub(indent) && !b.at_line_start() {
            b.break_line();
            unit.for_each(|i| b.push(i));
            continue;
        }
        // Longer than a whole line: cut it wherever the line is full.
        for i in unit {
            if all[i].width > b.room() && !b.at_line_start() {
                b.break_line();
            }
            b.push(i);
        }
    }
    b.finish_row();
    b.rows
}

/// `line` cut into lines of at most `width` cells; continuation lines start with `indent`
/// spaces (kept below the width). An empty line stays one empty line.
pub fn wrap_line(line: &Line, width: u16, indent: usize) -> Vec<Line<'static>> {
    let all = pieces(
        line.spans
            .iter()
            .map(|s| (s.content.as_ref(), line.style.patch(s.style))),
    );
    layout(&all, usize::from(width), indent)
        .into_iter()
        .map(|row| {
            let mut spans: Vec<Span<'static>> = Vec::new();
            if row.indent > 0 {
                spans.push(Span::raw(" ".repeat(row.indent)));
            }
            for p in row.pieces.into_iter().map(|i| &all[i]) {
                match spans.last_mut() {
                    Some(last) if last.style == p.style => last.content.to_mut().push_str(&p.text),
                    _ => spans.push(Span::styled(p.text.clone(), p.style)),
                }
            }
            let mut out = Line::from(spans).style(line.style);
            out.alignment = line.alignment;
            out
        })
        .collect()
}

/// Plain `text` (one line, no newline) cut by the same rule into rows of at most `columns`
/// cells, as strings (the CLI's wrapping).
pub fn wrap_str(text: &str, columns: usize) -> Vec<String> {
    let all = pieces([(text, Style::default())]);
    layout(&all, columns, 0)
        .into_iter()
        .map(|row| {
            row.pieces
                .into_iter()
                .map(|i| all[i].text.as_str())
                .collect()
        })
        .collect()
}

/// Where the rows of a text line begin and end, for an editor that must place a caret: each
/// row as the range of character indices it draws, and its width in cells. Characters the
/// rule drops (spaces at a break) sit after the end of their row.
pub fn row_spans(text: &str, columns: usize) -> Vec<(std::ops::Range<usize>, usize)> {
    let all = pieces([(text, Style::default())]);
    let total = text.chars().count();
    layout(&all, columns, 0)
        .into_iter()
        .map(|row| {
            let first = row.pieces.first().map_or(total, |&i| all[i].start);
            let end = row
                .pieces
                .last()
                .map_or(first, |&i| all[i].start + all[i].text.chars().count());
            let width = row.pieces.iter().map(|&i| all[i].width).sum();
            (first..end, width)
        })
        .collect()
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
    fn opening_punctuation_never_ends_a_line() {
        // 「“」 at the end of the first line would open a quotation there and leave it.
        let out = texts(&wrap_line(&Line::from("一二“您看”"), 6, 0));
        assert_eq!(out, ["一二", "“您看”"]);
        let out = texts(&wrap_line(&Line::from("一二三「四」"), 8, 0));
        assert_eq!(out, ["一二三", "「四」"]);
        let out = texts(&wrap_line(&Line::from("say (ok) now"), 5, 0));
        assert_eq!(out, ["say", "(ok)", "now"]);
    }

    #[test]
    fn a_no_break_space_keeps_a_name_with_its_points_and_is_drawn_as_a_space() {
        let out = texts(&wrap_line(
            &Line::from("a 1/2 · interpersonal\u{a0}12/15"),
            21,
            0,
        ));
        assert_eq!(out, ["a 1/2 ·", "interpersonal 12/15"]);
        let out = texts(&wrap_line(&Line::from("一二 · 三四\u{a0}20/25"), 12, 0));
        assert_eq!(out, ["一二 ·", "三四 20/25"]);
    }

    #[test]
    fn a_latin_word_before_a_closing_mark_moves_down_whole() {
        // Not just its last letter: "OK" stays one word.
        let out = texts(&wrap_line(&Line::from("一二 OK，三"), 8, 0));
        assert_eq!(out, ["一二", "OK，三"]);
        // Latin punctuation after Chinese text does not start a line either.
        let out = texts(&wrap_line(&Line::from("一二三四!"), 8, 0));
        assert_eq!(out, ["一二三", "四!"]);
    }

    #[test]
    fn empty_lines_and_tiny_widths_are_safe() {
        assert_eq!(texts(&wrap_line(&Line::from(""), 10, 0)), [""]);
        assert_eq!(texts(&wrap_line(&Line::from("中文"), 1, 0)), ["中", "文"]);
    }
}
