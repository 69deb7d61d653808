//! The key-hint footer every screen ends with. On a narrow window whole hints are dropped from
//! the end until the rest fits, so no hint is ever cut mid-word ("Ctrl-T/F3 提").

use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use crate::tui::theme::Theme;

/// What separates two hints in the `*_keys` strings (one space stays inside a hint).
const GAP: &str = "  ";

/// The hints of `keys` that fit in `width` cells, leading ones first.
pub fn fit_hints(keys: &str, width: u16) -> String {
    let width = usize::from(width);
    let mut out = String::new();
    for hint in keys.split(GAP).filter(|h| !h.is_empty()) {
        let gap = if out.is_empty() { "" } else { GAP };
        if out.width() + gap.width() + hint.width() > width {
            break;
        }
        out.push_str(gap);
        out.push_str(hint);
    }
    out
}

/// The footer line: the hints that fit in `width`, dimmed.
pub fn footer(keys: &str, width: u16, theme: Theme) -> Line<'static> {
    Line::from(Span::styled(fit_hints(keys, width), theme.dim()))
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
}
