//! Text helpers shared by the core and the TUI: untrusted text is cleaned before anyone sees it.

/// Remove control characters (C0, C1, DEL, and the bidi overrides that can disguise text)
/// from untrusted text, keeping newlines and turning tabs into spaces.
pub fn sanitize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\n' => out.push('\n'),
            '\t' => out.push_str("    "),
            '\r' => {}
            c if is_hidden(c) => {}
            c => out.push(c),
        }
    }
    out
}

/// A question as a person reads it: the first line of its prompt (ids are for JSON and for
/// typing).
pub fn question_label(prompt: &str) -> String {
    sanitize_line(prompt.lines().next().unwrap_or_default().trim())
}

/// `question_label` of `prompt`, or the question's `id` when the prompt gives no text.
pub fn question_label_or_id(prompt: &str, id: &str) -> String {
    let label = question_label(prompt);
    if label.is_empty() {
        sanitize_line(id)
    } else {
        label
    }
}

/// `s` cut to at most `width` terminal columns, with "…" in place of what was cut, so a cut
/// title shows that it goes on ("Customer Service Interview B…", not "…Basic").
pub fn ellipsize(s: &str, width: usize) -> String {
    use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};
    if s.width() <= width {
        return s.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        used += w;
        out.push(c);
    }
    if width > 0 {
        out.push('…');
    }
    out
}

/// Like `sanitize` but for one-line fields (titles, names): newlines become spaces.
pub fn sanitize_line(s: &str) -> String {
    sanitize(s).replace('\n', " ")
}

/// Characters that must never reach the terminal from untrusted text: control characters
/// (escape sequences start with one) and the bidi overrides that can disguise text.
pub fn is_hidden(c: char) -> bool {
    c.is_control() || is_bidi_control(c)
}

fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_escape_sequences_but_keeps_chinese_and_newlines() {
        assert_eq!(
            sanitize("你好\x1b[31m红\x07\r\n再见\u{202E}"),
            "你好[31m红\n再见"
        );
        assert_eq!(sanitize_line("a\nb\tc"), "a b    c");
    }

    #[test]
    fn ellipsize_keeps_to_the_width_in_columns_and_marks_the_cut() {
        assert_eq!(ellipsize("Basics", 6), "Basics");
        assert_eq!(ellipsize("Customer Service", 9), "Customer…");
        // Double-width characters count two columns: 3 of them and "…" fill 7.
        assert_eq!(ellipsize("投诉与售后处理", 8), "投诉与…");
        assert_eq!(ellipsize("投诉", 0), "");
    }
}
