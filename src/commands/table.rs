//! Aligned plain-text tables for the commands' output (`banks list`, `history`): widths are
//! measured in terminal columns with unicode-width, so Chinese columns line up.

use unicode_width::UnicodeWidthStr;

/// An aligned table: every column as wide as its widest cell (in terminal columns), two
/// spaces between columns, no trailing spaces.
pub(super) fn table<const N: usize>(header: [String; N], rows: &[[String; N]]) -> String {
    let mut widths = [0usize; N];
    for row in std::iter::once(&header).chain(rows) {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.width());
        }
    }
    let mut out = String::new();
    for row in std::iter::once(&header).chain(rows) {
        let mut line = String::new();
        for (cell, w) in row.iter().zip(widths) {
            line.push_str(cell);
            line.extend(std::iter::repeat_n(' ', w.saturating_sub(cell.width()) + 2));
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_columns_line_up_by_display_width() {
        let rows = [
            ["complaint".to_string(), "投诉与售后".to_string()],
            ["en-basics".to_string(), "Basics".to_string()],
        ];
        let out = table(["ID".to_string(), "TITLE".to_string()], &rows);
        let lines: Vec<&str> = out.lines().collect();
        // The second column starts at the same display column on every line.
        for (line, title) in lines.iter().zip(["TITLE", "投诉与售后", "Basics"]) {
            let before = &line[..line.find(title).unwrap()];
            assert_eq!(before.width(), 11, "{out}");
        }
        assert!(lines.iter().all(|l| !l.ends_with(' ')));
    }
}
