//! Spreadsheet import (`mianba banks import`): a CSV or TSV with a header row becomes a bank
//! file, validated by the bank loader before it is written. Every bad row is reported as
//! `FILE:ROW:COLUMN: message` (ROW is the line in the file, COLUMN the field's number).
//! The bytes are decoded by `crate::encoding` (UTF-8, UTF-16, GBK/GB18030).
//!
//! Columns (`docs/sets.md`, "Importing questions"): `prompt`, `category`, `points` are
//! required; `id`, `difficulty`, `reference`, `tips`, `avoid`, `answer_seconds`,
//! `prep_seconds` are optional. `points` is `name:a|b;!c|d` — `;` separates points, `|`
//! alternatives, an optional `name:` prefix names the point (else its first phrase does), a
//! leading `!` makes it required. `tips` is `a;b`; `avoid` is `why:x|y;…`. The full-width
//! ；｜：！ typed with a Chinese IME work as the half-width ones.

use std::collections::HashMap;
use std::path::Path;

use super::toml_string;
use crate::bank::fields::id_chars;
use crate::bank::figure::FolderFigures;
use crate::bank::load::parse_bank;
use crate::bank::read::{TextFile, read_bytes};
use crate::bank::suggest::{closest, is_valid_id};
use crate::bank::{Language, Problem, Source};
use crate::message::Message;
use crate::msg;

/// Spreadsheets of questions are small; 4 MiB is thousands of rows.
pub const MAX_TABLE_BYTES: u64 = 4 * 1024 * 1024;

const TABLE_FILE: TextFile = TextFile {
    what: |ui| ui.file_sheet,
    max_bytes: MAX_TABLE_BYTES,
    max_shown: "4 MiB",
    too_large_fix: |ui| ui.fix_split_sheet,
    folder_fix: |ui| ui.fix_sheet_folder,
};

const COLUMNS: &[&str] = &[
    "id",
    "prompt",
    "category",
    "difficulty",
    "points",
    "reference",
    "tips",
    "avoid",
    "answer_seconds",
    "prep_seconds",
];
const REQUIRED: &[&str] = &["prompt", "category", "points"];

/// What the bank is called.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportOptions {
    pub id: String,
    pub title: String,
    pub language: Language,
}

/// Reads a spreadsheet file (`.tsv` is tab-separated, anything else comma-separated) and
/// returns the bank TOML, or every problem. `out` is where the bank will be written (its
/// problems are reported against the spreadsheet's rows).
pub fn import_file(path: &Path, out: &Path, opts: &ImportOptions) -> Result<String, Vec<Problem>> {
    let file = path.display().to_string();
    let bytes = read_bytes(path, &file, &TABLE_FILE).map_err(|p| vec![p])?;
    let delimiter = if path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("tsv"))
    {
        b'\t'
    } else {
        b','
    };
    let text = crate::encoding::decode(&bytes).map_err(|e| {
        let (row, field) = field_at_end(&e.before, delimiter);
        vec![Problem {
            file: file.clone(),
            line: row,
            column: field,
            message: msg!(pr_sheet_encoding),
        }]
    })?;
    import_table(&text, &file, delimiter, out, opts)
}

/// The row (its first line) and field number where `before` ends, as the rows' problems are
/// placed: a marker is parsed after it so a quoted field across lines counts as one row.
fn field_at_end(before: &str, delimiter: u8) -> (usize, usize) {
    let text = format!("{}X", lf_lines(before));
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    reader
        .records()
        .map_while(Result::ok)
        .last()
        .map_or((1, 1), |r| {
            let line = r.position().map_or(1, |p| p.line());
            (usize::try_from(line).unwrap_or(usize::MAX), r.len().max(1))
        })
}

/// The bank TOML made from spreadsheet text.
pub fn import_table(
    text: &str,
    file: &str,
    delimiter: u8,
    out: &Path,
    opts: &ImportOptions,
) -> Result<String, Vec<Problem>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let text = &lf_lines(text);
    let at = |line: u64, column: usize, message: Message| Problem {
        file: file.to_string(),
        line: usize::try_from(line).unwrap_or(usize::MAX),
        column,
        message,
    };
    let mut problems = Vec::new();
    if !is_valid_id(&opts.id) {
        problems.push(at(1, 1, id_chars("--id", &opts.id)));
    }
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut records = reader.records();
    let header = match records.next() {
        Some(Ok(h)) => h,
        Some(Err(e)) => {
            let why = e.to_string();
            return Err(vec![at(1, 1, msg!(pr_header_unreadable, why = why))]);
        }
        None => return Err(vec![at(1, 1, msg!(pr_sheet_empty))]),
    };
    let mut columns: HashMap<&'static str, usize> = HashMap::new();
    for (i, name) in header.iter().enumerate() {
        let name = name.trim().to_lowercase();
        match COLUMNS.iter().find(|c| **c == name) {
            Some(c) if columns.contains_key(c) => {
                problems.push(at(1, i + 1, msg!(pr_column_twice, column = *c)));
            }
            Some(c) => {
                columns.insert(c, i);
            }
            None => {
                let fix = match closest(&name, COLUMNS) {
                    Some(near) => msg!(pr_did_you_mean, near = near),
                    None => msg!(pr_known_columns, list = COLUMNS.join(", ")),
                };
                let message = msg!(pr_unknown_column, column = name, fix = fix);
                problems.push(at(1, i + 1, message));
            }
        }
    }
    for c in REQUIRED {
        if !columns.contains_key(c) {
            problems.push(at(1, 1, msg!(pr_no_column, column = *c)));
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let mut toml = format!(
        "schema = 1\n\n[bank]\nid = {}\ntitle = {}\nlanguage = \"{}\"\n",
        toml_string(&opts.id),
        toml_string(&opts.title),
        opts.language.code()
    );
    // Which spreadsheet line each generated line came from, to place the bank checker's findings.
    let mut origin: Vec<(usize, u64)> = Vec::new();
    let mut ids: HashMap<String, u64> = HashMap::new();
    let mut n = 0usize;
    for record in records {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line());
                let why = e.to_string();
                problems.push(at(line, 1, msg!(pr_row_unreadable, why = why)));
                continue;
            }
        };
        let line = record.position().map_or(0, |p| p.line());
        if record.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        n += 1;
        if record.len() != header.len() {
            problems.push(at(
                line,
                record.len().min(header.len()) + 1,
                msg!(pr_row_fields, n = record.len(), header = header.len()),
            ));
            continue;
        }
        let get = |c: &str| {
            columns
                .get(c)
                .and_then(|&i| record.get(i))
                .map(str::trim)
                .unwrap_or("")
        };
        let col = |c: &str| columns.get(c).map_or(1, |&i| i + 1);
        let mut row = RowOut::default();
        let id = match get("id") {
            "" => format!("q{n}"),
            id if is_valid_id(id) => id.to_string(),
            id => {
                problems.push(at(line, col("id"), id_chars("id", id)));
                // The rest of the row is still checked.
                format!("q{n}")
            }
        };
        if let Some(first) = ids.insert(id.clone(), line) {
            problems.push(at(
                line,
                col("id"),
                msg!(pr_row_id_taken, id = &id, first = first),
            ));
        }
        for c in REQUIRED {
            if get(c).is_empty() {
                problems.push(at(line, col(c), msg!(pr_cell_empty, column = *c)));
            }
        }
        row.push(format!("\n[[questions]]\nid = {}\n", toml_string(&id)));
        row.push(format!("category = {}\n", toml_string(get("category"))));
        row.push(format!("prompt = {}\n", toml_string(get("prompt"))));
        for (c, range) in [
            ("difficulty", 1..=3u32),
            ("answer_seconds", 1..=3600),
            ("prep_seconds", 0..=3600),
        ] {
            let v = get(c);
            if v.is_empty() {
                continue;
            }
            match v.parse::<u32>() {
                Ok(x) if range.contains(&x) => row.push(format!("{c} = {x}\n")),
                _ => problems.push(at(
                    line,
                    col(c),
                    msg!(
                        pr_cell_number,
                        column = c,
                        lo = *range.start(),
                        hi = *range.end(),
                        found = v
                    ),
                )),
            }
        }
        if !get("reference").is_empty() {
            row.push(format!("reference = {}\n", toml_string(get("reference"))));
        }
        let tips = split(get("tips"), ENTRIES);
        if !tips.is_empty() {
            row.push(format!("tips = {}\n", toml_list(&tips)));
        }
        match points(get("points")) {
            Ok(ps) => {
                for p in ps {
                    row.push(format!(
                        "  [[questions.points]]\n  name = {}\n  any = {}\n{}",
                        toml_string(&p.name),
                        toml_list(&p.any),
                        if p.required {
                            "  required = true\n"
                        } else {
                            ""
                        }
                    ));
                }
            }
            Err(m) => problems.push(at(line, col("points"), m)),
        }
        for entry in split(get("avoid"), ENTRIES) {
            let (why, phrases) = named(&entry);
            let any = split(phrases, ALTERNATIVES);
            if any.is_empty() {
                problems.push(at(
                    line,
                    col("avoid"),
                    msg!(pr_avoid_no_phrase, entry = &entry),
                ));
                continue;
            }
            let why = why.map_or_else(|| default_why(opts.language).to_string(), str::to_string);
            row.push(format!(
                "  [[questions.avoid]]\n  any = {}\n  why = {}\n",
                toml_list(&any),
                toml_string(&why)
            ));
        }
        for piece in row.0 {
            origin.push((toml.lines().count(), line));
            toml.push_str(&piece);
        }
    }
    if n == 0 {
        problems.push(at(1, 1, msg!(pr_no_rows)));
    }
    if !problems.is_empty() {
        problems.sort();
        return Err(problems);
    }
    // The bank checker has the last word; its findings are placed on the row they came from.
    let figures = FolderFigures::of_bank_file(out);
    let checked = parse_bank(&toml, file, Source::File(out.to_path_buf()), &figures);
    match checked {
        Ok(_) => Ok(toml),
        Err(found) => Err(found
            .into_iter()
            .map(|p| {
                let generated = p.line.saturating_sub(1);
                let row = origin
                    .iter()
                    .rev()
                    .find(|(start, _)| *start <= generated)
                    .map_or(1, |(_, row)| *row);
                let key = toml
                    .lines()
                    .nth(generated)
                    .and_then(|l| l.split('=').next())
                    .map(str::trim)
                    .unwrap_or("");
                let column = match key {
                    "name" | "any" | "required" => "points",
                    "why" => "avoid",
                    k => k,
                };
                let col = columns.get(column).map_or(1, |&i| i + 1);
                at(row, col, p.message)
            })
            .collect()),
    }
}

/// The generated TOML of one row, kept apart until the row is known to be good.
#[derive(Default)]
struct RowOut(Vec<String>);

impl RowOut {
    fn push(&mut self, s: String) {
        self.0.push(s);
    }
}

struct PointIn {
    name: String,
    any: Vec<String>,
    required: bool,
}

/// `name:a|b;!c|d` → points (full-width ：｜；！ too).
fn points(cell: &str) -> Result<Vec<PointIn>, Message> {
    let mut out: Vec<PointIn> = Vec::new();
    for entry in split(cell, ENTRIES) {
        let (required, rest) = match entry.strip_prefix(['!', '！']) {
            Some(r) => (true, r.trim()),
            None => (false, entry.as_str()),
        };
        let (name, phrases) = named(rest);
        let any = split(phrases, ALTERNATIVES);
        let Some(first) = any.first() else {
            return Err(msg!(pr_point_no_phrase, entry = &entry));
        };
        let name = name.map_or_else(|| first.clone(), str::to_string);
        if out.iter().any(|p| p.name == name) {
            return Err(msg!(pr_point_twice, name = &name));
        }
        out.push(PointIn {
            name,
            any,
            required,
        });
    }
    if out.is_empty() {
        return Err(msg!(pr_points_empty));
    }
    Ok(out)
}

/// `name:rest` (ASCII or full-width colon) → (Some(name), rest); no prefix → (None, all).
fn named(entry: &str) -> (Option<&str>, &str) {
    match entry.split_once([':', '：']) {
        Some((name, rest)) if !name.trim().is_empty() => (Some(name.trim()), rest),
        Some((_, rest)) => (None, rest),
        None => (None, entry),
    }
}

/// Excel ends lines with CRLF; the csv crate then places each row on the line before its own
/// (the record starts at the `\n`), so rows are numbered on LF-only text.
fn lf_lines(text: &str) -> String {
    text.replace("\r\n", "\n")
}

/// Between points, tips and avoid entries. A Chinese IME types the full-width form, and a
/// cell often mixes both, so both separate (likewise below).
const ENTRIES: [char; 2] = [';', '；'];
/// Between a point's (or avoid entry's) alternative phrases.
const ALTERNATIVES: [char; 2] = ['|', '｜'];

/// Non-empty trimmed pieces.
fn split(s: &str, sep: [char; 2]) -> Vec<String> {
    s.split(sep)
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(String::from)
        .collect()
}

fn toml_list(items: &[String]) -> String {
    let quoted: Vec<String> = items.iter().map(|s| toml_string(s)).collect();
    format!("[{}]", quoted.join(", "))
}

fn default_why(language: Language) -> &'static str {
    match language {
        Language::Zh => "不宜这样说",
        Language::En => "a phrase to avoid",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn points_syntax() {
        let ps = points("致歉:抱歉|对不起; !核实：查询|核实 ;补偿").unwrap();
        assert_eq!(ps.len(), 3);
        assert_eq!((ps[0].name.as_str(), ps[0].required), ("致歉", false));
        assert_eq!(ps[0].any, vec!["抱歉", "对不起"]);
        assert_eq!((ps[1].name.as_str(), ps[1].required), ("核实", true));
        assert_eq!(ps[1].any, vec!["查询", "核实"]);
        assert_eq!(ps[2].name, "补偿");
        assert!(points("a:|").is_err());
        assert!(points("").is_err());
        assert!(points("a:x;a:y").is_err());
    }

    #[test]
    fn full_width_separators_split_like_half_width_ones() {
        let ps = points("!致歉：抱歉｜对不起；核实：核实｜查询").unwrap();
        assert_eq!(ps.len(), 2);
        assert_eq!((ps[0].name.as_str(), ps[0].required), ("致歉", true));
        assert_eq!(ps[0].any, vec!["抱歉", "对不起"]);
        assert_eq!((ps[1].name.as_str(), ps[1].required), ("核实", false));
        assert_eq!(ps[1].any, vec!["核实", "查询"]);
        assert_eq!(split("先致歉；再核实;最后补偿", ENTRIES).len(), 3);
    }

    #[test]
    fn a_crlf_row_and_the_field_where_text_stops_are_numbered_as_documented() {
        assert_eq!(field_at_end("a,b,c\r\nab,", b','), (2, 2));
        // A quoted cell across lines belongs to the row it starts on.
        assert_eq!(field_at_end("a\tb\r\n\"x\r\ny\"\t", b'\t'), (2, 2));
        assert_eq!(field_at_end("\"x\r\ny\r\nz", b','), (1, 1));
        assert_eq!(field_at_end("", b','), (1, 1));
    }
}
