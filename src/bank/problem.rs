//! One validation problem, printed as `FILE:LINE:COLUMN: message` (1-based line and column,
//! column counted in characters), and the `Locator` that turns byte offsets into such positions.
//! The message is rendered in the UI language where it is shown (`in_lang`); `Display` and
//! JSON are English.

use std::fmt;

use crate::i18n::Lang;
use crate::message::Message;

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
pub struct Problem {
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub message: Message,
}

impl Problem {
    /// A problem about a whole file (unreadable, too large, a duplicate …): reported at 1:1.
    pub fn at_start(file: &str, message: Message) -> Problem {
        Problem {
            file: file.to_string(),
            line: 1,
            column: 1,
            message,
        }
    }

    /// `FILE:LINE:COLUMN: message`, the message in `lang`.
    pub fn in_lang(&self, lang: Lang) -> String {
        format!("{}:{}", self.file, self.in_file(lang))
    }

    /// `LINE:COLUMN: message` in `lang`, where the file is named apart (a list of files).
    pub fn in_file(&self, lang: Lang) -> String {
        let message = self.message.in_lang(lang);
        format!("{}:{}: {message}", self.line, self.column)
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.in_lang(Lang::En))
    }
}

/// Maps byte offsets of one text to 1-based (line, column), the column counted in characters
/// so that Chinese text points at the right place in an editor.
pub struct Locator<'a> {
    text: &'a str,
    /// Byte offset where each line starts; built on the first lookup far into the text, so
    /// a valid bank (looked up once, near the top, for its id) never pays for it.
    line_starts: std::cell::OnceCell<Vec<usize>>,
}

/// Offsets up to here are found by scanning from the start instead of building the index.
const SCAN_LIMIT: usize = 64 * 1024;

impl<'a> Locator<'a> {
    pub fn new(text: &'a str) -> Locator<'a> {
        Locator {
            text,
            line_starts: std::cell::OnceCell::new(),
        }
    }

    /// (line, column) of a byte offset; offsets past the end point just after the last character.
    pub fn position(&self, offset: usize) -> (usize, usize) {
        let bytes = self.text.as_bytes();
        let offset = offset.min(bytes.len());
        let (line, start) = match self.line_starts.get() {
            None if offset <= SCAN_LIMIT => {
                let before = bytes.get(..offset).unwrap_or(&[]);
                let newlines = before.iter().filter(|b| **b == b'\n').count();
                let start = before
                    .iter()
                    .rposition(|b| *b == b'\n')
                    .map_or(0, |i| i + 1);
                (newlines + 1, start)
            }
            _ => {
                let starts = self.line_starts.get_or_init(|| {
                    let breaks = bytes.iter().enumerate().filter(|(_, b)| **b == b'\n');
                    std::iter::once(0)
                        .chain(breaks.map(|(i, _)| i + 1))
                        .collect()
                });
                let line = starts.partition_point(|&s| s <= offset).max(1);
                (line, starts.get(line - 1).copied().unwrap_or(0))
            }
        };
        // Characters are counted by their first bytes (not UTF-8 continuation bytes), which
        // also copes with an offset inside a character.
        let column = bytes
            .get(start..offset)
            .unwrap_or(&[])
            .iter()
            .filter(|b| (**b & 0xC0) != 0x80)
            .count();
        (line, column + 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_characters_not_bytes() {
        let text = "a = 1\n题目 = \"投诉\"\n\nlast";
        let loc = Locator::new(text);
        assert_eq!(loc.position(0), (1, 1));
        assert_eq!(loc.position(4), (1, 5));
        // "题目 = " is 3 + 3 + 3 bytes before the quote: column 6 in characters.
        let quote = text.find('"').unwrap();
        assert_eq!(loc.position(quote), (2, 6));
        assert_eq!(loc.position(text.find("last").unwrap()), (4, 1));
        assert_eq!(loc.position(10_000), (4, 5));

        // Far into a long text the index is built; both ways agree.
        let long = format!("{}\n題x", "一行\n".repeat(30_000));
        let far = Locator::new(&long);
        let x = long.rfind('x').unwrap();
        assert_eq!(far.position(x), (30_002, 2));
        assert_eq!(far.position(quote), Locator::new(&long).position(quote));
        assert_eq!(far.position(7), (2, 1));
    }

    #[test]
    fn display_is_file_line_column_message() {
        let p = Problem {
            file: "a.toml".into(),
            line: 3,
            column: 7,
            message: crate::msg!(
                pr_duplicate,
                what = crate::msg!(what_question_id),
                name = "x",
                first = 1usize
            ),
        };
        assert_eq!(
            p.to_string(),
            "a.toml:3:7: duplicate question id `x` (first used on line 1); rename one of them"
        );
        assert_eq!(
            p.in_lang(Lang::Zh),
            "a.toml:3:7: 题目 id `x` 重复（第 1 行已用过）；请给其中一个改名"
        );
    }
}
