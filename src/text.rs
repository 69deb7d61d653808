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

/// Like `sanitize` but for one-line fields (titles, names): newlines become spaces.
pub fn sanitize_line(s: &str) -> String {
    sanitize(s).replace('\n', " ")
}

/// Why `read_capped` returned no bytes.
#[derive(Debug)]
pub enum ReadCapped {
    Io(std::io::Error),
    /// The file holds more than the limit: its size as found.
    TooLarge(u64),
}

/// Reads an untrusted file of at most `max` bytes: the size is checked before reading, and the
/// read stops one byte past the limit, since the file may grow between the two looks.
pub fn read_capped(path: &std::path::Path, max: u64) -> Result<Vec<u8>, ReadCapped> {
    use std::io::Read;
    let f = std::fs::File::open(path).map_err(ReadCapped::Io)?;
    let size = f.metadata().map_err(ReadCapped::Io)?.len();
    if size > max {
        return Err(ReadCapped::TooLarge(size));
    }
    let mut bytes = Vec::new();
    f.take(max.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(ReadCapped::Io)?;
    match u64::try_from(bytes.len()) {
        Ok(n) if n <= max => Ok(bytes),
        Ok(n) => Err(ReadCapped::TooLarge(n)),
        Err(_) => Err(ReadCapped::TooLarge(u64::MAX)),
    }
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
    fn read_capped_refuses_a_file_over_the_limit() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("f.txt");
        std::fs::write(&path, "面霸").unwrap();
        assert_eq!(read_capped(&path, 6).unwrap(), "面霸".as_bytes());
        assert!(matches!(
            read_capped(&path, 5),
            Err(ReadCapped::TooLarge(6))
        ));
        let missing = read_capped(&dir.path().join("nope"), 6);
        assert!(
            matches!(missing, Err(ReadCapped::Io(e)) if e.kind() == std::io::ErrorKind::NotFound)
        );
    }

    #[test]
    fn strips_escape_sequences_but_keeps_chinese_and_newlines() {
        assert_eq!(
            sanitize("你好\x1b[31m红\x07\r\n再见\u{202E}"),
            "你好[31m红\n再见"
        );
        assert_eq!(sanitize_line("a\nb\tc"), "a b    c");
    }
}
