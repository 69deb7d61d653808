//! The key-hint footer every screen ends with. Hints that do not fit on its first row go on a
//! second (the interview's six en hints need 88 cells); past that, whole hints are dropped
//! from the end, so no hint is ever cut mid-word ("Ctrl-T/F3 提").

use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use crate::tui::theme::Theme;

/// What separates two hints in the `*_keys` strings (one space stays inside a hint).
const GAP: &str = "  ";

/// The hints of `keys` that fit in `width` cells, leading ones first.
pub fn fit_hints(keys: &str, width: u16) -> String {
    fit_rows(keys, width, 1).pop().unwrap_or_default()
}

/// The hints of `keys` on at most `rows` rows of `width` cells, in order; a hint that fits
/// on no row left ends the list (the ones before it matter more).
pub fn fit_rows(keys: &str, width: u16, rows: usize) -> Vec<String> {
    let width = usize::from(width);
    let mut out = vec![String::new()];
    for hint in keys.split(GAP).filter(|h| !h.is_empty()) {
        let rows_now = out.len();
        let Some(row) = out.last_mut() else {
            break;
        };
        let gap = if row.is_empty() { "" } else { GAP };
        if row.width() + gap.width() + hint.width() <= width {
            row.push_str(gap);
            row.push_str(hint);
        } else if rows_now < rows && hint.width() <= width && !row.is_empty() {
            out.push(hint.to_string());
        } else {
            break;
        }
    }
    out.retain(|r| !r.is_empty());
    out
}

/// The footer line: the hints that fit in `width`, dimmed.
pub fn footer(keys: &str, width: u16, theme: Theme) -> Line<'static> {
    Line::from(Span::styled(fit_hints(keys, width), theme.dim()))
}

/// The footer on up to two rows: the hints that fit in `width`, dimmed.
pub fn footer_rows(keys: &str, width: u16, theme: Theme) -> Vec<Line<'static>> {
    fit_rows(keys, width, 2)
        .into_iter()
        .map(|r| Line::from(Span::styled(r, theme.dim())))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const KEYS: &str = "Ctrl-S/F2 提交  Enter 换行  F1 帮助  Esc 离开  Ctrl-T/F3 提示";

    #[test]
    fn whole_hints_are_dropped_from_the_end() {
        assert_eq!(fit_hints(KEYS, 200), KEYS);
        assert_eq!(fit_hints(KEYS, 61), KEYS);
        // Without the tips hint the rest is 45 cells; the tips hint needs 2 + 14 more.
        let four = "Ctrl-S/F2 提交  Enter 换行  F1 帮助  Esc 离开";
        assert_eq!(four.width(), 45);
        assert_eq!(fit_hints(KEYS, 60), four);
        assert_eq!(fit_hints(KEYS, 45), four);
        assert_eq!(fit_hints(KEYS, 44), "Ctrl-S/F2 提交  Enter 换行  F1 帮助");
    }

    #[test]
    fn what_is_kept_never_exceeds_the_width() {
        for w in 0..70 {
            let kept = fit_hints(KEYS, w);
            assert!(kept.width() <= usize::from(w), "{w}: {kept}");
            assert!(KEYS.starts_with(&kept), "{w}: {kept}");
            assert!(!kept.ends_with(' '));
        }
        assert_eq!(fit_hints(KEYS, 5), "");
    }

    #[test]
    fn hints_that_do_not_fit_go_on_a_second_row() {
        let en = "Ctrl-S/F2 submit  Enter new line  F1 help  Esc leave  PgUp/PgDn material  Ctrl-T/F3 tips";
        assert_eq!(
            fit_rows(en, 80, 2),
            [
                "Ctrl-S/F2 submit  Enter new line  F1 help  Esc leave  PgUp/PgDn material",
                "Ctrl-T/F3 tips"
            ]
        );
        assert_eq!(fit_rows(en, 200, 2), [en]);
        // Two rows at 40: the rest is dropped whole.
        let two = fit_rows(en, 40, 2);
        assert_eq!(
            two,
            [
                "Ctrl-S/F2 submit  Enter new line",
                "F1 help  Esc leave  PgUp/PgDn material"
            ]
        );
        assert_eq!(fit_rows("", 80, 2), Vec::<String>::new());
    }
}
