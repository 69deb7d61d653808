//! The typed TOML field reader with positions: reads one table's fields as the types a file
//! format wants (text, ids, whole numbers in a range, lists of phrases, tables) and reports each
//! problem at its `FILE:LINE:COLUMN`, with the fix, instead of stopping at the first one.
//!
//! Banks (`super::rules`) and assignment sets (`crate::tutor::set`) read their fields with it,
//! so both report problems in the same words (a `crate::message::Message`, shown in the UI
//! language). Usage:
//!
//! ```
//! use mianba::bank::fields::{FieldReader, Tbl};
//!
//! let text = "[set]\nid = \"week-3\"\ntitel = \"x\"\n";
//! let mut read = FieldReader::new("week3.toml", text);
//! let parsed = read.parse(text);
//! let root = Tbl::top(parsed.get_ref());
//! let set = read.table(&root, "set", "[set]").unwrap();
//! read.unknown_fields(&set, &["id", "title"]);
//! assert_eq!(read.id(&set, mianba::msg!(what_set_id)).unwrap().into_inner(), "week-3");
//! assert!(read.text(&set, "title").is_none()); // missing: reported
//! let messages: Vec<String> = read.into_problems().iter().map(|p| p.message.to_string()).collect();
//! assert_eq!(messages, [
//!     "missing field `title` in [set]; add `title = …`", // line 1, where [set] starts
//!     "unknown field `titel`; did you mean `title`?",    // line 3
//! ]);
//! ```
//!
//! A value the parser could not read was already reported as a syntax error; every reader
//! treats it as absent, so one mistake is never reported twice.

use std::collections::{HashMap, HashSet};
use std::ops::{Range, RangeInclusive};

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::Problem;
use super::problem::Locator;
use super::suggest::{closest, is_valid_id, suggest_id};
use crate::message::Message;
use crate::msg;

/// One table being read: its fields, where it starts (missing fields are reported there) and
/// how messages name it.
pub struct Tbl<'t, 'i> {
    pub fields: &'t DeTable<'i>,
    pub at: usize,
    pub name: Message,
}

impl<'t, 'i> Tbl<'t, 'i> {
    /// The top level of a file.
    pub fn top(fields: &'t DeTable<'i>) -> Tbl<'t, 'i> {
        Tbl {
            fields,
            at: 0,
            name: msg!(tbl_top_level),
        }
    }
}

/// Reads the fields of one file's TOML tree, collecting problems (sorted, without repeats, by
/// `into_problems`).
pub struct FieldReader<'a> {
    file: &'a str,
    loc: Locator<'a>,
    problems: Vec<Problem>,
    /// Lines with a syntax error (see `report_syntax`).
    syntax_lines: HashSet<usize>,
    /// Where the piece being read starts in the file: its spans count from there (a bank is
    /// parsed in pieces, see `super::pieces`).
    base: usize,
}

impl<'a> FieldReader<'a> {
    /// A reader for `text`, named `file` in problems.
    pub fn new(file: &'a str, text: &'a str) -> FieldReader<'a> {
        FieldReader {
            file,
            loc: Locator::new(text),
            problems: Vec::new(),
            syntax_lines: HashSet::new(),
            base: 0,
        }
    }

    /// Whether anything was reported so far.
    pub fn clean(&self) -> bool {
        self.problems.is_empty()
    }

    /// Where the piece being read starts in the file.
    pub fn base(&self) -> usize {
        self.base
    }

    /// Reads a piece that starts at `base` in the file (0 for the whole file).
    pub fn set_base(&mut self, base: usize) {
        self.base = base;
    }

    /// `(line, column)` of an offset in the whole file.
    pub fn position(&self, offset: usize) -> (usize, usize) {
        self.loc.position(offset)
    }

    /// Parses TOML text with its spans, reporting its syntax errors; the parser recovers from
    /// them, so the rest of the file is still walked.
    pub fn parse<'i>(&mut self, text: &'i str) -> Spanned<DeTable<'i>> {
        let (root, errors) = DeTable::parse_recoverable(text);
        for e in errors {
            self.report_syntax(e.span().map_or(0, |s| s.start), e.message());
        }
        root
    }

    /// A TOML syntax error. The parser recovers and goes on, but what it made of that line
    /// is a guess, so no other problem is reported on it.
    pub fn report_syntax(&mut self, at: usize, message: &str) {
        let detail = message.trim().replace('\n', "; ");
        self.report(at..at, msg!(pr_toml_syntax, detail = detail));
        self.syntax_lines.insert(self.line_of(&(at..at)));
    }

    /// A problem at `span` (relative to the piece being read).
    pub fn report(&mut self, span: Range<usize>, message: Message) {
        let (line, column) = self.loc.position(self.base + span.start);
        if self.syntax_lines.contains(&line) {
            return;
        }
        self.problems.push(Problem {
            file: self.file.to_string(),
            line,
            column,
            message,
        });
    }

    fn line_of(&self, span: &Range<usize>) -> usize {
        self.loc.position(self.base + span.start).0
    }

    /// Every problem reported, sorted by line and column.
    pub fn into_problems(self) -> Vec<Problem> {
        let mut problems = self.problems;
        problems.sort_by_key(|p| (p.line, p.column));
        problems.dedup();
        problems
    }

    // ---- typed fields ------------------------------------------------------------------

    /// Reports fields that `known` does not list, suggesting the nearest known name.
    pub fn unknown_fields(&mut self, t: &Tbl, known: &[&str]) {
        for key in t.fields.keys() {
            let k: &str = key.get_ref();
            if known.contains(&k) {
                continue;
            }
            let message = match closest(k, known) {
                Some(near) => msg!(pr_unknown_field_near, key = k, near = near),
                None => msg!(
                    pr_unknown_field,
                    key = k,
                    table = t.name.clone(),
                    known = known.join(", ")
                ),
            };
            self.report(key.span(), message);
        }
    }

    /// The value of `key`, or `None` (reported when required). A value the TOML parser could
    /// not read was already reported as a syntax error: it counts as absent, silently.
    pub fn field<'t, 'i>(
        &mut self,
        t: &Tbl<'t, 'i>,
        key: &str,
        required: bool,
    ) -> Option<&'t Spanned<DeValue<'i>>> {
        match t.fields.get(key) {
            Some(v) if is_placeholder(v) => None,
            Some(v) => Some(v),
            None => {
                if required {
                    self.report(
                        t.at..t.at,
                        msg!(pr_missing_field, key = key, table = t.name.clone()),
                    );
                }
                None
            }
        }
    }

    /// Reports that `key` holds another type than `wanted` (written for people).
    pub fn wrong_type(&mut self, v: &Spanned<DeValue>, key: &str, wanted: Message) {
        let found = type_name(v.get_ref());
        self.report(
            v.span(),
            msg!(pr_wrong_type, key = key, wanted = wanted, found = found),
        );
    }

    /// Reports a list entry of another type than `wanted`.
    pub fn entry_type(&mut self, span: Range<usize>, key: &str, wanted: Message, found: &DeValue) {
        let found = type_name(found);
        self.report(
            span,
            msg!(pr_entry_type, key = key, wanted = wanted, found = found),
        );
    }

    /// A text field, with where it is written; `None` when absent or not text (reported).
    pub fn string(&mut self, t: &Tbl, key: &str, required: bool) -> Option<Spanned<String>> {
        let v = self.field(t, key, required)?;
        match v.get_ref() {
            DeValue::String(s) => Some(Spanned::new(v.span(), s.to_string())),
            _ => {
                self.wrong_type(v, key, msg!(want_text));
                None
            }
        }
    }

    /// A required string that must say something.
    pub fn text(&mut self, t: &Tbl, key: &str) -> Option<String> {
        self.text_at(t, key).map(Spanned::into_inner)
    }

    /// `text`, with where it is written.
    pub fn text_at(&mut self, t: &Tbl, key: &str) -> Option<Spanned<String>> {
        let s = self.string(t, key, true)?;
        if s.get_ref().trim().is_empty() {
            self.report(s.span(), msg!(pr_text_empty, key = key));
            return None;
        }
        Some(s)
    }

    /// The `id` of a bank, structure or question: `[a-z0-9-]+`. Returned even when malformed
    /// (the problem is reported) so later checks do not pile up on it.
    pub fn id(&mut self, t: &Tbl, what: Message) -> Option<Spanned<String>> {
        let id = self.string(t, "id", true)?;
        let text = id.get_ref();
        if text.is_empty() {
            self.report(id.span(), msg!(pr_id_empty, what = what));
        } else if !is_valid_id(text) {
            self.report(id.span(), id_chars(what, text));
        }
        Some(id)
    }

    /// Reports `name` when an earlier entry of the same list already used it (pointing at this,
    /// the second one, and naming the first one's line).
    pub fn unique(
        &mut self,
        seen: &mut HashMap<String, usize>,
        name: &Spanned<String>,
        what: Message,
    ) {
        match seen.get(name.get_ref()) {
            Some(&first_at) => {
                let first = self.loc.position(first_at).0;
                let message = msg!(
                    pr_duplicate,
                    what = what,
                    name = name.get_ref(),
                    first = first
                );
                self.report(name.span(), message);
            }
            // Offsets, not lines: most names are unique, and lines cost a search.
            None => {
                seen.insert(name.get_ref().clone(), self.base + name.span().start);
            }
        }
    }

    /// An optional `true`/`false` field.
    pub fn boolean(&mut self, t: &Tbl, key: &str) -> Option<bool> {
        let v = self.field(t, key, false)?;
        match v.get_ref() {
            DeValue::Boolean(b) => Some(*b),
            _ => {
                self.wrong_type(v, key, msg!(want_bool));
                None
            }
        }
    }

    /// A whole-number field within `range`.
    pub fn integer(
        &mut self,
        t: &Tbl,
        key: &str,
        range: RangeInclusive<i64>,
        required: bool,
    ) -> Option<i64> {
        let v = self.field(t, key, required)?;
        self.int_value(v, key, range)
    }

    /// A whole number within `range` (an array entry, or a field's value); `key` names it.
    pub fn int_value(
        &mut self,
        v: &Spanned<DeValue>,
        key: &str,
        range: RangeInclusive<i64>,
    ) -> Option<i64> {
        let (lo, hi) = (range.start(), range.end());
        match v.get_ref() {
            DeValue::Integer(i) => match int_of(i) {
                Some(n) if range.contains(&n) => Some(n),
                _ => {
                    let found = i.to_string();
                    self.report(
                        v.span(),
                        msg!(
                            pr_out_of_range,
                            key = key,
                            lo = *lo,
                            hi = *hi,
                            found = found
                        ),
                    );
                    None
                }
            },
            _ if is_placeholder(v) => None,
            _ => {
                self.wrong_type(v, key, msg!(want_whole_number, lo = *lo, hi = *hi));
                None
            }
        }
    }

    /// One of the three weights: a number from 0 to 1 (`1` and `0` may be written as integers).
    pub fn fraction(&mut self, t: &Tbl, key: &str) -> Option<f64> {
        let v = self.field(t, key, true)?;
        let (x, shown) = match v.get_ref() {
            DeValue::Integer(i) => (int_of(i).map(|n| n as f64), i.to_string()),
            DeValue::Float(f) => (f.as_str().parse::<f64>().ok(), f.to_string()),
            _ => {
                self.wrong_type(v, key, msg!(want_fraction));
                return None;
            }
        };
        match x {
            Some(x) if (0.0..=1.0).contains(&x) => Some(x),
            _ => {
                self.report(
                    v.span(),
                    msg!(
                        pr_out_of_range,
                        key = key,
                        lo = 0u32,
                        hi = 1u32,
                        found = shown
                    ),
                );
                None
            }
        }
    }

    /// A list of phrases (`any`, `cues`): required, at least one, none empty.
    pub fn phrases(&mut self, t: &Tbl, key: &str) -> Option<Vec<String>> {
        let v = self.field(t, key, true)?;
        if matches!(v.get_ref(), DeValue::Array(items) if items.is_empty()) {
            self.report(v.span(), msg!(pr_phrases_empty, key = key));
            return None;
        }
        Some(self.string_list(v, key))
    }

    /// The strings of a list; entries that are not text, or are blank, are reported.
    pub fn string_list(&mut self, v: &Spanned<DeValue>, key: &str) -> Vec<String> {
        let DeValue::Array(items) = v.get_ref() else {
            self.wrong_type(v, key, msg!(want_text_list));
            return Vec::new();
        };
        let mut out = Vec::with_capacity(items.len());
        for item in items.iter() {
            match item.get_ref() {
                DeValue::String(s) if s.trim().is_empty() => {
                    self.report(item.span(), msg!(pr_phrase_empty, key = key));
                }
                DeValue::String(s) => out.push(s.to_string()),
                _ if is_placeholder(item) => {}
                other => self.entry_type(item.span(), key, msg!(want_text), other),
            }
        }
        out
    }

    /// An optional sub-table, named `name` in messages.
    pub fn table<'t, 'i>(
        &mut self,
        t: &Tbl<'t, 'i>,
        key: &str,
        name: impl Into<Message>,
    ) -> Option<Tbl<'t, 'i>> {
        let name = name.into();
        let v = self.field(t, key, false)?;
        match v.get_ref() {
            DeValue::Table(fields) => Some(Tbl {
                fields,
                at: v.span().start,
                name,
            }),
            _ => {
                self.wrong_type(v, key, msg!(want_table, name = name));
                None
            }
        }
    }

    /// A list of tables (`[[questions]]`, `sections = [{ … }]`). `missing`, when given, is
    /// the problem reported if the list is absent or empty.
    pub fn tables<'t, 'i>(
        &mut self,
        t: &Tbl<'t, 'i>,
        key: &str,
        name: impl Into<Message>,
        missing: Option<Message>,
    ) -> Vec<Tbl<'t, 'i>> {
        let name = name.into();
        let Some(v) = self.field(t, key, false) else {
            if let (Some(message), false) = (missing, t.fields.contains_key(key)) {
                self.report(t.at..t.at, message);
            }
            return Vec::new();
        };
        let DeValue::Array(items) = v.get_ref() else {
            self.wrong_type(v, key, msg!(want_tables, name = name));
            return Vec::new();
        };
        if let (Some(message), true) = (missing, items.is_empty()) {
            self.report(v.span(), message);
        }
        let mut out = Vec::with_capacity(items.len());
        for item in items.iter() {
            match item.get_ref() {
                DeValue::Table(fields) => out.push(Tbl {
                    fields,
                    at: item.span().start,
                    name: name.clone(),
                }),
                _ if is_placeholder(item) => {}
                other => {
                    let wanted = msg!(want_table, name = name.clone());
                    self.entry_type(item.span(), key, wanted, other);
                }
            }
        }
        out
    }
}

/// "`{what}` `x` may only use a-z, 0-9 and '-'", with a valid id to try when there is one.
pub fn id_chars(what: impl Into<Message>, id: &str) -> Message {
    let hint = suggest_id(id).map_or(Message::same(""), |s| msg!(pr_id_try, id = s));
    msg!(pr_id_chars, what = what.into(), id = id, hint = hint)
}

/// A TOML value's type, in words.
pub fn type_name(v: &DeValue) -> Message {
    match v {
        DeValue::String(_) => msg!(type_string),
        DeValue::Integer(_) => msg!(type_integer),
        DeValue::Float(_) => msg!(type_float),
        DeValue::Boolean(_) => msg!(type_boolean),
        DeValue::Datetime(_) => msg!(type_datetime),
        DeValue::Array(_) => msg!(type_array),
        DeValue::Table(_) => msg!(type_table),
    }
}

/// The parser puts an empty-spanned stand-in where it could not read a value (after reporting a
/// syntax error). No real value starts at offset 0: a key always comes first.
pub fn is_placeholder(v: &Spanned<DeValue>) -> bool {
    v.span() == (0..0)
}

pub(crate) fn int_of(i: &toml::de::DeInteger) -> Option<i64> {
    i64::from_str_radix(i.as_str(), i.radix()).ok()
}

/// Values were range-checked before; this only satisfies the type.
pub(crate) fn clamp_u32(n: i64) -> u32 {
    u32::try_from(n.max(0)).unwrap_or(u32::MAX)
}
