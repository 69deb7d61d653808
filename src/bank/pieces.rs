//! The splitter for big banks: cuts bank text at its top-level `[[questions]]` headers so each
//! piece is parsed on its own (see `pieces`).

/// Cuts a bank into pieces that each start at a top-level `[[questions]]` header (the first
/// piece holds what comes before), as `(byte offset, text)`. Each piece is parsed on its own:
/// a large bank then never builds one huge tree, which is what made loading slow (memory,
/// not work). Headers inside multi-line strings are not cuts. Cutting there is sound because
/// `[[questions…]]` tables only ever extend the latest question, which is in the same piece;
/// keys that other pieces define again are caught by `Checker::first_time`.
pub(crate) fn pieces(text: &str, split: bool) -> Vec<(usize, &str)> {
    let mut cuts = vec![0];
    if split {
        cuts.extend(question_headers(text));
    }
    cuts.push(text.len());
    cuts.windows(2)
        .filter_map(|w| Some((w[0], text.get(w[0]..w[1])?)))
        .collect()
}

/// The text before the second top-level table header: the `schema` and the `[bank]` table
/// when written first, as bundled banks are. Only that much of the text is read.
pub(crate) fn bank_part(text: &str) -> &str {
    let end = table_headers(text).nth(1).map_or(text.len(), |(at, _)| at);
    text.get(..end).unwrap_or(text)
}

/// Byte offsets of the top-level `[[questions]]` headers after the first line, in order.
fn question_headers(text: &str) -> impl Iterator<Item = usize> + '_ {
    table_headers(text).filter_map(|(at, line)| (at > 0 && is_questions_header(line)).then_some(at))
}

/// The lines outside multi-line strings that start a table (`[` first), with their offsets.
fn table_headers(text: &str) -> impl Iterator<Item = (usize, &str)> + '_ {
    let mut open = Open::Nothing;
    let mut offset = 0;
    text.split_inclusive('\n').filter_map(move |line| {
        let at = offset;
        let header = open == Open::Nothing && line.trim_start_matches([' ', '\t']).starts_with('[');
        open = scan_line(line.as_bytes(), open);
        offset += line.len();
        header.then_some((at, line))
    })
}

/// The `KEY = "…"` of a question piece (from `pieces`), read without parsing it: a plain
/// one-line string written before the question's first sub-table. `None` when it is written
/// any other way (the caller then parses the bank). `build.rs` lists the bundled banks'
/// question ids and categories with it, and a test holds them to what parsing gives.
#[allow(dead_code)] // The crate itself reads those from `build.rs`'s table.
pub(crate) fn plain_string<'t>(piece: &'t str, key: &str) -> Option<&'t str> {
    let mut open = Open::Nothing;
    for line in piece.split_inclusive('\n').skip(1) {
        let starts_open = open;
        open = scan_line(line.as_bytes(), open);
        if starts_open != Open::Nothing {
            continue;
        }
        let line = line.trim_start_matches([' ', '\t']);
        if line.starts_with('[') {
            return None;
        }
        let Some(value) = line
            .strip_prefix(key)
            .map(|r| r.trim_start_matches([' ', '\t']))
            .and_then(|r| r.strip_prefix('='))
            .map(|r| r.trim_start_matches([' ', '\t']))
            .and_then(|r| r.strip_prefix('"'))
        else {
            continue;
        };
        let (found, rest) = value.split_once('"')?;
        let rest = rest.trim_start_matches([' ', '\t']);
        let ends = rest.is_empty() || rest.starts_with(['#', '\r', '\n']);
        return (ends && !found.contains('\\')).then_some(found);
    }
    None
}

/// Which multi-line string, if any, is still open at the end of a line.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Open {
    Nothing,
    /// `"""`: backslash escapes apply.
    Basic,
    /// `'''`: no escapes.
    Literal,
}

/// Follows strings and comments through one line, just enough to know whether a multi-line
/// string stays open after it. Delimiters are ASCII, so bytes are enough.
fn scan_line(b: &[u8], mut open: Open) -> Open {
    let mut i = 0;
    while i < b.len() {
        let at = |d: &[u8]| b.get(i..).is_some_and(|r| r.starts_with(d));
        match open {
            Open::Basic if b[i] == b'\\' => i += 2,
            Open::Basic | Open::Literal => {
                let quotes: &[u8] = if open == Open::Basic {
                    b"\"\"\""
                } else {
                    b"'''"
                };
                if at(quotes) {
                    // Up to two more quotes belong to the content: `""""` ends the string too.
                    i += 3;
                    let extra = b.get(i..).unwrap_or(&[]).iter().take(2);
                    i += extra.take_while(|c| **c == quotes[0]).count();
                    open = Open::Nothing;
                } else {
                    i += 1;
                }
            }
            Open::Nothing => match b[i] {
                b'#' => return Open::Nothing,
                b'"' if at(b"\"\"\"") => {
                    open = Open::Basic;
                    i += 3;
                }
                b'\'' if at(b"'''") => {
                    open = Open::Literal;
                    i += 3;
                }
                b'"' => {
                    i += 1;
                    while i < b.len() && b[i] != b'"' {
                        i += if b[i] == b'\\' { 2 } else { 1 };
                    }
                    i += 1;
                }
                b'\'' => {
                    i += 1;
                    while i < b.len() && b[i] != b'\'' {
                        i += 1;
                    }
                    i += 1;
                }
                _ => i += 1,
            },
        }
    }
    open
}

/// `[[questions]]` (spaces allowed inside the brackets), then only a comment or nothing.
pub(crate) fn is_questions_header(line: &str) -> bool {
    let blank = [' ', '\t'];
    let rest = line
        .trim_start_matches(blank)
        .strip_prefix("[[")
        .map(|r| r.trim_start_matches(blank))
        .and_then(|r| r.strip_prefix("questions"))
        .map(|r| r.trim_start_matches(blank))
        .and_then(|r| r.strip_prefix("]]"))
        .map(|r| r.trim_start_matches(blank));
    rest.is_some_and(|r| r.is_empty() || r.starts_with(['#', '\r', '\n']))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pieces_start_at_question_headers_outside_strings() {
        let text = "schema = 1\n[[questions]]\nid = \"a\"\nreference = \"\"\"\n[[questions]]\n\"\"\"\n\
                    tips = ['\"\"\"', \"\\\"\"]  # \"\"\"\n  [[ questions ]] # b\n[[questions.points]]\n\
                    x = '''\n[[questions]]\n'''''\n[[questions]]\n";
        let cuts: Vec<usize> = pieces(text, true).iter().map(|(at, _)| *at).collect();
        let at = |s: &str| text.find(s).unwrap();
        assert_eq!(
            cuts,
            vec![
                0,
                at("[[questions]]\nid"),
                at("  [[ questions ]]"),
                text.rfind("[[questions]]").unwrap()
            ]
        );
        let whole: String = pieces(text, true).iter().map(|(_, p)| *p).collect();
        assert_eq!(whole, text);
        assert_eq!(pieces(text, false), vec![(0, text)]);
        let bank =
            "schema = 1\n[bank]\nid = \"b\" # [x]\nt = \"\"\"\n[defaults]\"\"\"\n  [defaults]\n";
        assert_eq!(bank_part(bank), &bank[..bank.find("  [defaults]").unwrap()]);
        assert!(!is_questions_header("[[questions.points]]\n"));
        assert!(!is_questions_header("[[questions]] x = 1\n"));
    }

    #[test]
    fn a_string_is_read_only_when_plainly_written_before_the_sub_tables() {
        let q = |body: &str| format!("[[questions]]\nid = \"a\"\n{body}");
        assert_eq!(plain_string(&q(""), "id"), Some("a"));
        assert_eq!(
            plain_string(&q("category = \"complaint\" # c\n"), "category"),
            Some("complaint")
        );
        assert_eq!(
            plain_string(&q("  category=\"x\"\r\n"), "category"),
            Some("x")
        );
        // Inside a multi-line string, after a sub-table, escaped, or not a plain string.
        assert_eq!(
            plain_string(
                &q("reference = \"\"\"\ncategory = \"x\"\n\"\"\"\n"),
                "category"
            ),
            None
        );
        assert_eq!(
            plain_string(&q("[[questions.points]]\ncategory = \"x\"\n"), "category"),
            None
        );
        assert_eq!(
            plain_string(&q("category = \"a\\u0062\"\n"), "category"),
            None
        );
        assert_eq!(plain_string(&q("category = 'x'\n"), "category"), None);
        assert_eq!(plain_string(&q("category = \"x\" y\n"), "category"), None);
        assert_eq!(
            plain_string(&q("categoryx = 1\ncategory = \"y\"\n"), "category"),
            Some("y")
        );
    }
}
