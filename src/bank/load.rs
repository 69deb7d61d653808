//! From bank text to a validated `Bank`, or every problem of the file at once.
//!
//! The TOML is parsed with its spans (`toml::de::DeTable::parse_recoverable`, which keeps going
//! after a syntax error) and the tree is walked by hand, field by field, so one mistake never
//! hides the next and each problem points at its line and column. Large banks are parsed in
//! pieces, one per `[[questions]]` (see `pieces`), with the same result.
//!
//! Defaults chosen where `bank-format.md` leaves them open: `ordered = false`,
//! `optional = false`, `required = false`, `weight = 1`, `difficulty = 2`, and an avoid
//! entry's `penalty = 10` (the format's own example) — a bank author who lists a phrase to
//! avoid clearly wants it to cost something. `language` and an avoid entry's `why` are required:
//! the first decides the matching rules, the second is what the feedback tells the candidate.

use std::collections::{HashMap, HashSet};
use std::fs;
use std::ops::{Range, RangeInclusive};
use std::path::{Path, PathBuf};

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::concepts::thesaurus;
use super::figure::{FigureSource, FolderFigures};
use super::problem::Locator;
use super::{
    Avoid, Bank, Defaults, Example, Followup, Language, Point, Problem, Question, Section, Source,
    Structure, Weights,
};
use crate::files::{ReadCapped, read_capped};
use crate::text::{sanitize, sanitize_line};

/// The schema this mianba reads.
pub const SCHEMA: i64 = 1;
/// Larger bank files are refused before parsing: a bank is text written by people.
pub const MAX_BANK_BYTES: u64 = 16 * 1024 * 1024;
/// `penalty` of a `[[questions.avoid]]` entry that does not say.
pub const DEFAULT_PENALTY: u32 = 10;
/// `difficulty` of a question that does not say: the middle of 1..=3.
pub const DEFAULT_DIFFICULTY: u8 = 2;
/// How far from 1 the three weights may sum.
const WEIGHT_TOLERANCE: f64 = 1e-6;

const TOP_FIELDS: &[&str] = &["schema", "bank", "defaults", "structures", "questions"];
const BANK_FIELDS: &[&str] = &["id", "title", "language", "description", "author"];
const TIMING_FIELDS: &[&str] = &["prep_seconds", "answer_seconds", "target_chars", "weights"];
const WEIGHT_FIELDS: &[&str] = &["content", "structure", "delivery"];
const STRUCTURE_FIELDS: &[&str] = &["id", "name", "ordered", "sections"];
const SECTION_FIELDS: &[&str] = &["name", "cues", "optional"];
const QUESTION_FIELDS: &[&str] = &[
    "id",
    "category",
    "difficulty",
    "prompt",
    "figure",
    "structure",
    "reference",
    "tips",
    "prep_seconds",
    "answer_seconds",
    "target_chars",
    "weights",
    "points",
    "avoid",
    "followups",
    "examples",
];
const POINT_FIELDS: &[&str] = &["name", "any", "concepts", "weight", "required"];
const AVOID_FIELDS: &[&str] = &["any", "penalty", "why"];
const FOLLOWUP_FIELDS: &[&str] = &[
    "when_missing",
    "prompt",
    "answer_seconds",
    "points",
    "examples",
];
const EXAMPLE_FIELDS: &[&str] = &["grade", "text", "note"];

const NO_POINTS: &str =
    "this question has no points; add a [[questions.points]] with `name` and `any`";
const NO_FOLLOWUP_POINTS: &str =
    "this follow-up has no points; add a [[questions.followups.points]] with `name` and `any`";

pub(crate) const PREP_RANGE: RangeInclusive<i64> = 0..=3600;
pub(crate) const ANSWER_RANGE: RangeInclusive<i64> = 1..=3600;
const CHARS_RANGE: RangeInclusive<i64> = 0..=100_000;
const WEIGHT_RANGE: RangeInclusive<i64> = 1..=100;
const PENALTY_RANGE: RangeInclusive<i64> = 0..=100;
const GRADE_RANGE: RangeInclusive<i64> = 1..=5;

/// Parses and validates one bank. `file` names it in problems; `source` says where it came
/// from (bundled banks must carry a `reference` for every question); `figures` reads the
/// `figure` files relative to the bank.
pub fn parse_bank(
    text: &str,
    file: &str,
    source: Source,
    figures: &dyn FigureSource,
) -> Result<Bank, Vec<Problem>> {
    parse_located(text, file, source, figures).map(|l| l.bank)
}

/// Reads and parses a bank file; its figures are read from the file's folder.
pub fn load_file(path: &Path) -> Result<Bank, Vec<Problem>> {
    load_located(path).map(|l| l.bank)
}

/// Validates bank files and folders (searched recursively for `*.toml`, outside `figures/`),
/// including bank ids used by more than one of them. Returns how many files were checked and
/// every problem, sorted by file, line and column.
pub fn validate_paths(paths: &[PathBuf]) -> (usize, Vec<Problem>) {
    let mut files = Vec::new();
    let mut problems = Vec::new();
    for path in paths {
        let name = path.display().to_string();
        match fs::metadata(path) {
            Ok(meta) if meta.is_dir() => match bank_files_in(path) {
                Ok(found) => files.extend(found),
                Err(e) => problems.push(Problem::at_start(
                    &name,
                    format!("cannot read this folder ({e}); check its permissions"),
                )),
            },
            Ok(_) => files.push(path.clone()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => problems.push(Problem::at_start(
                &name,
                "no such file or folder; check the path",
            )),
            Err(e) => problems.push(Problem::at_start(
                &name,
                format!("cannot read ({e}); check the path and its permissions"),
            )),
        }
    }
    dedup_keep_order(&mut files);
    let mut ids = BankIds::default();
    for file in &files {
        match load_located(file) {
            Ok(loaded) => problems.extend(ids.claim(&loaded).err()),
            Err(found) => problems.extend(found),
        }
    }
    problems.sort();
    (files.len(), problems)
}

/// A bank that passed validation, with where its `[bank] id` is written (for problems about
/// the id that only show when several banks meet).
pub(crate) struct Loaded {
    pub bank: Bank,
    pub file: String,
    pub id_at: (usize, usize),
}

/// Bank ids already loaded, with the file that has each: a later bank with the same id is
/// reported at its `id` and left out.
#[derive(Default)]
pub(crate) struct BankIds {
    taken: HashMap<String, String>,
}

impl BankIds {
    pub fn claim(&mut self, loaded: &Loaded) -> Result<(), Problem> {
        if let Some(first) = self.taken.get(&loaded.bank.id) {
            let (line, column) = loaded.id_at;
            return Err(Problem {
                file: loaded.file.clone(),
                line,
                column,
                message: sanitize_line(&format!(
                    "bank id `{}` is already used by {first}; give one of them another id",
                    loaded.bank.id
                )),
            });
        }
        self.taken
            .insert(loaded.bank.id.clone(), loaded.file.clone());
        Ok(())
    }
}

/// Every `*.toml` below `dir`, sorted. `figures/` folders hold figures, not banks; symbolic
/// links to folders are not followed, so a link loop cannot trap the walk.
pub(crate) fn bank_files_in(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
        for entry in fs::read_dir(dir)? {
            let entry = entry?;
            let path = entry.path();
            if entry.file_type()?.is_dir() {
                if entry.file_name() != "figures" {
                    walk(&path, out)?;
                }
            } else if path.extension().is_some_and(|e| e == "toml") {
                out.push(path);
            }
        }
        Ok(())
    }
    let mut out = Vec::new();
    walk(dir, &mut out)?;
    out.sort();
    Ok(out)
}

fn dedup_keep_order(paths: &mut Vec<PathBuf>) {
    let mut seen = HashSet::new();
    paths.retain(|p| seen.insert(p.clone()));
}

pub(crate) fn load_located(path: &Path) -> Result<Loaded, Vec<Problem>> {
    let file = path.display().to_string();
    let text = read_bank_text(path, &file).map_err(|p| vec![p])?;
    parse_located(
        &text,
        &file,
        Source::File(path.to_path_buf()),
        &FolderFigures::of_bank_file(path),
    )
}

/// A kind of text file read with `read_text`: what messages call it, its size limit (written
/// out for people, e.g. "16 MiB") and what to do about a file that is too large or a folder.
pub(crate) struct TextFile {
    pub what: &'static str,
    pub max_bytes: u64,
    pub max_shown: &'static str,
    pub too_large_fix: &'static str,
    pub folder_fix: &'static str,
}

/// Bank files.
const BANK_FILE: TextFile = TextFile {
    what: "bank",
    max_bytes: MAX_BANK_BYTES,
    max_shown: "16 MiB",
    too_large_fix: "split it into smaller banks",
    folder_fix: "pass a bank file (.toml) or use `banks validate` on the folder",
};

impl TextFile {
    fn too_large(&self, file: &str, size: u64) -> Problem {
        Problem::at_start(
            file,
            format!(
                "the {} is {size} bytes, over the {}-byte ({}) limit; {}",
                self.what, self.max_bytes, self.max_shown, self.too_large_fix
            ),
        )
    }
}

fn too_large(file: &str, size: u64) -> Problem {
    BANK_FILE.too_large(file, size)
}

fn read_bank_text(path: &Path, file: &str) -> Result<String, Problem> {
    read_text(path, file, &BANK_FILE)
}

/// Reads a UTF-8 text file written by people (a bank, a set), refusing folders and files over
/// the kind's limit before reading them whole. A file that is not UTF-8 is reported where the
/// first bad byte is.
pub(crate) fn read_text(path: &Path, file: &str, kind: &TextFile) -> Result<String, Problem> {
    let bytes = read_bytes(path, file, kind)?;
    String::from_utf8(bytes).map_err(|e| {
        let valid = e.utf8_error().valid_up_to();
        let good = String::from_utf8_lossy(e.as_bytes().get(..valid).unwrap_or(&[])).into_owned();
        let (line, column) = Locator::new(&good).position(valid);
        Problem {
            file: file.to_string(),
            line,
            column,
            message: "the file is not UTF-8 text here; save it as UTF-8".into(),
        }
    })
}

/// The bytes of a file written by people, with `read_text`'s refusals (folders, special files,
/// over the limit); spreadsheets decode them with `crate::encoding::decode`.
pub(crate) fn read_bytes(path: &Path, file: &str, kind: &TextFile) -> Result<Vec<u8>, Problem> {
    let cannot = |e: std::io::Error| {
        Problem::at_start(
            file,
            format!(
                "cannot read the {} ({e}); check the path and its permissions",
                kind.what
            ),
        )
    };
    let meta = fs::metadata(path).map_err(cannot)?;
    if meta.is_dir() {
        return Err(Problem::at_start(
            file,
            format!("is a folder; {}", kind.folder_fix),
        ));
    }
    // A FIFO or device named *.toml would block the read (and the whole app's start-up).
    if !meta.is_file() {
        return Err(Problem::at_start(
            file,
            format!(
                "is a {}, not a regular file; replace it with the {} itself",
                crate::files::kind_of(&meta),
                kind.what
            ),
        ));
    }
    read_capped(path, kind.max_bytes).map_err(|e| match e {
        ReadCapped::Io(e) => cannot(e),
        ReadCapped::TooLarge(size) => kind.too_large(file, size),
        ReadCapped::NotAFile(what) => Problem::at_start(
            file,
            format!(
                "is a {what}, not a regular file; replace it with the {} itself",
                kind.what
            ),
        ),
    })
}

pub(crate) fn parse_located(
    text: &str,
    file: &str,
    source: Source,
    figures: &dyn FigureSource,
) -> Result<Loaded, Vec<Problem>> {
    parse_pieces(text, file, source, figures, true)
}

/// Parses the bank piece by piece (see `pieces`), walking each piece's tree while it is fresh;
/// `split = false` parses it whole (the tests compare the two).
fn parse_pieces(
    text: &str,
    file: &str,
    source: Source,
    figures: &dyn FigureSource,
    split: bool,
) -> Result<Loaded, Vec<Problem>> {
    if text.len() as u64 > MAX_BANK_BYTES {
        return Err(vec![too_large(file, text.len() as u64)]);
    }
    let mut c = Checker {
        file,
        loc: Locator::new(text),
        problems: Vec::new(),
        figures,
        bundled: matches!(source, Source::Bundled(_)),
        syntax_lines: HashSet::new(),
        base: 0,
    };
    let mut gathered = Gathered::default();
    for (i, (offset, piece)) in pieces(text, split).into_iter().enumerate() {
        c.base = offset;
        let parsed = c.parse(piece);
        let root = Tbl::top(parsed.get_ref());
        // `schema` can only be in the first piece (before any table header). A bank of
        // another schema may use fields this mianba does not know: say only that.
        if i == 0 && !c.schema(&root) {
            return Err(c.into_problems());
        }
        c.piece(&root, &mut gathered);
    }
    c.base = 0;
    match c.finish(gathered, source) {
        Some((bank, id_at)) if c.problems.is_empty() => Ok(Loaded {
            bank,
            file: file.to_string(),
            id_at,
        }),
        _ => Err(c.into_problems()),
    }
}

/// Cuts a bank into pieces that each start at a top-level `[[questions]]` header (the first
/// piece holds what comes before), as `(byte offset, text)`. Each piece is parsed on its own:
/// a large bank then never builds one huge tree, which is what made loading slow (memory,
/// not work). Headers inside multi-line strings are not cuts. Cutting there is sound because
/// `[[questions…]]` tables only ever extend the latest question, which is in the same piece;
/// keys that other pieces define again are caught by `Checker::first_time`.
fn pieces(text: &str, split: bool) -> Vec<(usize, &str)> {
    let mut cuts = vec![0];
    if split {
        let mut open = Open::Nothing;
        let mut offset = 0;
        for line in text.split_inclusive('\n') {
            if open == Open::Nothing && offset > 0 && is_questions_header(line) {
                cuts.push(offset);
            }
            open = scan_line(line.as_bytes(), open);
            offset += line.len();
        }
    }
    cuts.push(text.len());
    cuts.windows(2)
        .filter_map(|w| Some((w[0], text.get(w[0]..w[1])?)))
        .collect()
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
fn is_questions_header(line: &str) -> bool {
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

/// What the walk has gathered so far, across the pieces of one file (an assignment set gathers
/// its inline structures and questions in one too).
#[derive(Default)]
pub(crate) struct Gathered {
    head: Option<BankHead>,
    /// Where the bank id is written.
    id_at: (usize, usize),
    defaults: Option<Defaults>,
    pub(crate) structures: Vec<Structure>,
    pub(crate) structure_ids: HashMap<String, usize>,
    pub(crate) questions: Vec<Question>,
    pub(crate) question_ids: HashMap<String, usize>,
    /// Each question's `structure` and where it is written: checked once every structure is
    /// known, since `[[structures]]` may come after the questions.
    pub(crate) structure_refs: Vec<(String, usize)>,
    /// Top-level keys met so far, and where.
    top_keys: HashMap<String, usize>,
}

/// One table being read: its fields, where it starts (missing fields are reported there) and
/// how messages name it.
pub(crate) struct Tbl<'t, 'i> {
    pub(crate) fields: &'t DeTable<'i>,
    pub(crate) at: usize,
    pub(crate) name: &'static str,
}

impl<'t, 'i> Tbl<'t, 'i> {
    /// The top level of a file.
    pub(crate) fn top(fields: &'t DeTable<'i>) -> Tbl<'t, 'i> {
        Tbl {
            fields,
            at: 0,
            name: "the top level",
        }
    }
}

/// What `[bank]` says.
struct BankHead {
    id: Spanned<String>,
    title: String,
    language: Language,
    description: Option<String>,
    author: Option<String>,
}

/// The timing fields shared by `[defaults]` and each question.
#[derive(Default)]
pub(crate) struct TimingFields {
    pub(crate) prep_seconds: Option<u32>,
    pub(crate) answer_seconds: Option<u32>,
    pub(crate) target_chars: Option<(u32, u32)>,
    pub(crate) weights: Option<Weights>,
}

/// Walks one bank's tree, collecting problems. Assignment sets (`crate::tutor::set`) walk theirs
/// with the same typed-field checks and check their inline questions with the bank rules.
pub(crate) struct Checker<'a> {
    file: &'a str,
    loc: Locator<'a>,
    problems: Vec<Problem>,
    figures: &'a dyn FigureSource,
    bundled: bool,
    /// Lines with a syntax error (see `report_syntax`).
    syntax_lines: HashSet<usize>,
    /// Where the piece being walked starts: its spans count from there.
    base: usize,
}

impl<'a> Checker<'a> {
    /// A checker for a file that is not a bank (bundled rules off), e.g. an assignment set
    /// whose inline figures are read by `figures`.
    pub(crate) fn new(file: &'a str, text: &'a str, figures: &'a dyn FigureSource) -> Checker<'a> {
        Checker {
            file,
            loc: Locator::new(text),
            problems: Vec::new(),
            figures,
            bundled: false,
            syntax_lines: HashSet::new(),
            base: 0,
        }
    }

    /// Whether anything was reported so far.
    pub(crate) fn clean(&self) -> bool {
        self.problems.is_empty()
    }

    /// Parses TOML text with its spans, reporting its syntax errors; the parser recovers from
    /// them, so the rest of the file is still walked.
    pub(crate) fn parse<'i>(&mut self, text: &'i str) -> Spanned<DeTable<'i>> {
        let (root, errors) = DeTable::parse_recoverable(text);
        for e in errors {
            self.report_syntax(e.span().map_or(0, |s| s.start), e.message());
        }
        root
    }

    /// A TOML syntax error. The parser recovers and goes on, but what it made of that line
    /// is a guess, so no other problem is reported on it.
    pub(crate) fn report_syntax(&mut self, at: usize, message: &str) {
        let message = message.trim().replace('\n', "; ");
        self.report(at..at, format!("TOML syntax error: {message}"));
        self.syntax_lines.insert(self.line_of(&(at..at)));
    }

    pub(crate) fn report(&mut self, span: Range<usize>, message: impl AsRef<str>) {
        let (line, column) = self.loc.position(self.base + span.start);
        if self.syntax_lines.contains(&line) {
            return;
        }
        self.problems.push(Problem {
            file: self.file.to_string(),
            line,
            column,
            // Messages quote bank text; strip what could disguise the terminal line.
            message: sanitize_line(message.as_ref()),
        });
    }

    fn line_of(&self, span: &Range<usize>) -> usize {
        self.loc.position(self.base + span.start).0
    }

    pub(crate) fn into_problems(self) -> Vec<Problem> {
        let mut problems = self.problems;
        problems.sort_by_key(|p| (p.line, p.column));
        problems.dedup();
        problems
    }

    // ---- the bank, top down ------------------------------------------------------------

    /// Walks the top level of one piece.
    fn piece(&mut self, root: &Tbl, g: &mut Gathered) {
        self.unknown_fields(root, TOP_FIELDS);
        if self.first_time(root, "bank", g) {
            g.head = self.bank_table(root);
            if let Some(head) = &g.head {
                g.id_at = self.loc.position(self.base + head.id.span().start);
            }
        }
        if self.first_time(root, "defaults", g) {
            g.defaults = Some(self.defaults(root));
        }
        self.first_time(root, "structures", g);
        self.structures(root, g);
        self.first_time(root, "questions", g);
        for t in self.tables(root, "questions", "[[questions]]", None) {
            let question = self.question(&t, &mut g.question_ids, &mut g.structure_refs);
            g.questions.push(question);
        }
    }

    /// Whether `key` is in this piece and no earlier one defined it. `[[questions]]` and
    /// `[[structures]]` add entries from piece to piece; any other key defined twice is the
    /// error the TOML parser would have reported on the whole file.
    fn first_time(&mut self, root: &Tbl, key: &str, g: &mut Gathered) -> bool {
        let Some((k, _)) = root.fields.get_key_value(key) else {
            return false;
        };
        let at = self.base + k.span().start;
        match g.top_keys.get(key) {
            None => {
                g.top_keys.insert(key.to_string(), at);
                true
            }
            Some(_) if matches!(key, "questions" | "structures") => true,
            Some(&first) => {
                let line = self.loc.position(first).0;
                self.report(
                    k.span(),
                    format!("TOML syntax error: `{key}` is already defined on line {line}; merge the two"),
                );
                false
            }
        }
    }

    /// The checks that need the whole file, then the bank.
    fn finish(&mut self, g: Gathered, source: Source) -> Option<(Bank, (usize, usize))> {
        if !g.top_keys.contains_key("bank") {
            self.report(
                0..0,
                "missing the [bank] table; add [bank] with id, title and language",
            );
        }
        if g.questions.is_empty() {
            let at = g.top_keys.get("questions").copied().unwrap_or(0);
            self.report(
                at..at,
                "the bank has no questions; add a [[questions]] entry",
            );
        }
        for (name, at) in &g.structure_refs {
            self.structure_exists(name, *at, &g.structures);
        }
        let head = g.head?;
        let bank = Bank {
            id: head.id.into_inner(),
            title: head.title,
            language: head.language,
            description: head.description,
            author: head.author,
            defaults: g.defaults.unwrap_or_default(),
            structures: g.structures,
            questions: g.questions,
            source,
        };
        Some((bank, g.id_at))
    }

    /// Whether the schema is one this mianba reads (a missing one is reported and assumed 1,
    /// since the rest of the file is most likely schema 1).
    fn schema(&mut self, root: &Tbl) -> bool {
        let Some(v) = root.fields.get("schema") else {
            self.report(
                0..0,
                "missing `schema = 1`; add it as the first line of the bank",
            );
            return true;
        };
        if is_placeholder(v) {
            return true;
        }
        match v.get_ref() {
            DeValue::Integer(i) => match int_of(i) {
                Some(SCHEMA) => true,
                Some(n) if n > SCHEMA => {
                    self.report(
                        v.span(),
                        format!(
                            "this bank is schema {n}; this mianba reads schema {SCHEMA} — update mianba"
                        ),
                    );
                    false
                }
                _ => {
                    self.report(
                        v.span(),
                        format!("schema {i} does not exist; write `schema = {SCHEMA}`"),
                    );
                    false
                }
            },
            _ => {
                self.wrong_type(v, "schema", &format!("the number {SCHEMA} (no quotes)"));
                true
            }
        }
    }

    fn bank_table(&mut self, root: &Tbl) -> Option<BankHead> {
        let t = self.table(root, "bank", "[bank]")?;
        self.unknown_fields(&t, BANK_FIELDS);
        let id = self.id(&t, "bank id");
        let title = self.text(&t, "title");
        let language = self.language(&t);
        let description = self.string(&t, "description", false);
        let author = self.string(&t, "author", false);
        Some(BankHead {
            id: id?,
            title: title?,
            language: language?,
            description: description.map(Spanned::into_inner),
            author: author.map(Spanned::into_inner),
        })
    }

    fn language(&mut self, t: &Tbl) -> Option<Language> {
        let v = self.string(t, "language", true)?;
        match v.get_ref().as_str() {
            "zh" => Some(Language::Zh),
            "en" => Some(Language::En),
            other => {
                self.report(
                    v.span(),
                    format!("`language` must be \"zh\" or \"en\", found \"{other}\""),
                );
                None
            }
        }
    }

    fn defaults(&mut self, root: &Tbl) -> Defaults {
        let mut d = Defaults::default();
        let Some(t) = self.table(root, "defaults", "[defaults]") else {
            return d;
        };
        self.unknown_fields(&t, TIMING_FIELDS);
        let timing = self.timing(&t);
        d.prep_seconds = timing.prep_seconds.unwrap_or(d.prep_seconds);
        d.answer_seconds = timing.answer_seconds.unwrap_or(d.answer_seconds);
        d.target_chars = timing.target_chars.unwrap_or(d.target_chars);
        d.weights = timing.weights.unwrap_or(d.weights);
        d
    }

    pub(crate) fn structures(&mut self, root: &Tbl, g: &mut Gathered) {
        for t in self.tables(root, "structures", "[[structures]]", None) {
            self.unknown_fields(&t, STRUCTURE_FIELDS);
            let id = self.id(&t, "structure id");
            if let Some(id) = &id {
                self.unique(&mut g.structure_ids, id, "structure id");
            }
            let name = self.text(&t, "name");
            let ordered = self.boolean(&t, "ordered").unwrap_or(false);
            let missing = "this structure has no `sections`; add sections = [{ name = \"…\", cues = [\"…\"] }]";
            let mut sections = Vec::new();
            for s in self.tables(&t, "sections", "a `sections` entry", Some(missing)) {
                self.unknown_fields(&s, SECTION_FIELDS);
                sections.push(Section {
                    name: self.text(&s, "name").unwrap_or_default(),
                    cues: self.phrases(&s, "cues").unwrap_or_default(),
                    optional: self.boolean(&s, "optional").unwrap_or(false),
                });
            }
            g.structures.push(Structure {
                id: id.map(Spanned::into_inner).unwrap_or_default(),
                name: name.unwrap_or_default(),
                ordered,
                sections,
            });
        }
    }

    pub(crate) fn question(
        &mut self,
        t: &Tbl,
        seen: &mut HashMap<String, usize>,
        structure_refs: &mut Vec<(String, usize)>,
    ) -> Question {
        self.unknown_fields(t, QUESTION_FIELDS);
        let id = self.id(t, "question id");
        if let Some(id) = &id {
            self.unique(seen, id, "question id");
        }
        let category = self.text(t, "category");
        let difficulty = self.integer(t, "difficulty", 1..=3, false);
        let prompt = self.text(t, "prompt");
        let figure = self.string(t, "figure", false);
        let figure_text = figure.as_ref().and_then(|f| self.figure(f));
        let structure = self.string(t, "structure", false);
        if let Some(s) = &structure {
            structure_refs.push((s.get_ref().clone(), self.base + s.span().start));
        }
        let reference = if self.bundled && !t.fields.contains_key("reference") {
            self.report(
                t.at..t.at,
                "missing field `reference` in [[questions]]; bundled banks need a model answer for every question",
            );
            None
        } else if self.bundled {
            self.text_at(t, "reference")
        } else {
            self.string(t, "reference", false)
        };
        let tips = match self.field(t, "tips", false) {
            Some(v) => self.string_list(v, "tips"),
            None => Vec::new(),
        };
        let timing = self.timing(t);
        let points = self.points(t, NO_POINTS, "[[questions.points]]");
        let names: Vec<&str> = points.iter().map(|p| p.name.as_str()).collect();
        let mut avoid = Vec::new();
        for a in self.tables(t, "avoid", "[[questions.avoid]]", None) {
            avoid.push(self.avoid(&a));
        }
        let mut followups = Vec::new();
        for f in self.tables(t, "followups", "[[questions.followups]]", None) {
            followups.push(self.followup(&f, &names));
        }
        let examples = self.examples(t, "[[questions.examples]]");
        Question {
            id: id.map(Spanned::into_inner).unwrap_or_default(),
            category: category.unwrap_or_default(),
            difficulty: difficulty
                .and_then(|d| u8::try_from(d).ok())
                .unwrap_or(DEFAULT_DIFFICULTY),
            prompt: prompt.unwrap_or_default(),
            figure: figure.map(Spanned::into_inner),
            figure_text,
            structure: structure.map(Spanned::into_inner),
            reference: reference.map(Spanned::into_inner),
            tips,
            prep_seconds: timing.prep_seconds,
            answer_seconds: timing.answer_seconds,
            target_chars: timing.target_chars,
            weights: timing.weights,
            points,
            avoid,
            followups,
            examples,
        }
    }

    /// `[[questions.examples]]` (or a follow-up's): graded answers, each a grade 1–5 and a
    /// text, with an optional note on why.
    fn examples(&mut self, t: &Tbl, name: &'static str) -> Vec<Example> {
        let mut out = Vec::new();
        for e in self.tables(t, "examples", name, None) {
            self.unknown_fields(&e, EXAMPLE_FIELDS);
            let grade = self.integer(&e, "grade", GRADE_RANGE, true);
            let text = self.text(&e, "text");
            let note = self.string(&e, "note", false);
            if let (Some(grade), Some(text)) = (grade, text) {
                out.push(Example {
                    grade: u8::try_from(grade).unwrap_or(1),
                    text,
                    note: note.map(Spanned::into_inner),
                });
            }
        }
        out
    }

    /// `at` is an offset in the whole file (this runs after the pieces, at base 0).
    pub(crate) fn structure_exists(&mut self, wanted: &str, at: usize, structures: &[Structure]) {
        if structures.iter().any(|s| s.id == wanted) {
            return;
        }
        let ids: Vec<&str> = structures.iter().map(|s| s.id.as_str()).collect();
        let fix = match closest(wanted, &ids) {
            Some(near) => format!("did you mean `{near}`?"),
            None => format!("add a [[structures]] entry with id = \"{wanted}\""),
        };
        self.report(
            at..at,
            format!("structure `{wanted}` is not defined in this bank; {fix}"),
        );
    }

    fn figure(&mut self, rel: &Spanned<String>) -> Option<String> {
        match self.figures.read(rel.get_ref()) {
            Ok(text) => Some(sanitize(&text)),
            Err(e) => {
                self.report(rel.span(), format!("figure `{}` {e}", rel.get_ref()));
                None
            }
        }
    }

    /// The points of a question or follow-up: at least one, names unique within it.
    fn points(&mut self, t: &Tbl, missing: &str, name: &'static str) -> Vec<Point> {
        let mut seen = HashMap::new();
        let mut out = Vec::new();
        for p in self.tables(t, "points", name, Some(missing)) {
            self.unknown_fields(&p, POINT_FIELDS);
            let point_name = self.text_at(&p, "name");
            if let Some(n) = &point_name {
                self.unique(&mut seen, n, "point name");
            }
            let concepts = self.concept_ids(&p);
            // `any` may be left out when concepts say what earns the point.
            let any = if concepts.is_some() && !p.fields.contains_key("any") {
                Vec::new()
            } else {
                self.phrases(&p, "any").unwrap_or_default()
            };
            out.push(Point {
                name: point_name.map(Spanned::into_inner).unwrap_or_default(),
                any,
                concepts: concepts.unwrap_or_default(),
                weight: self
                    .integer(&p, "weight", WEIGHT_RANGE, false)
                    .map_or(1, clamp_u32),
                required: self.boolean(&p, "required").unwrap_or(false),
            });
        }
        out
    }

    /// `concepts = ["apology", …]`: ids of the shared thesaurus, at least one, each known.
    /// `None` when the field is absent.
    fn concept_ids(&mut self, t: &Tbl) -> Option<Vec<String>> {
        let v = self.field(t, "concepts", false)?;
        let DeValue::Array(items) = v.get_ref() else {
            self.wrong_type(v, "concepts", "a list of concept ids, e.g. [\"apology\"]");
            return Some(Vec::new());
        };
        if items.is_empty() {
            self.report(
                v.span(),
                "`concepts` is empty; name at least one concept of assets/concepts.toml, or remove the field",
            );
        }
        let thesaurus = thesaurus();
        let known: Vec<&str> = thesaurus.ids().collect();
        let mut out = Vec::with_capacity(items.len());
        for item in items.iter() {
            let DeValue::String(id) = item.get_ref() else {
                if !is_placeholder(item) {
                    let found = item.get_ref().type_str();
                    self.report(
                        item.span(),
                        format!(
                            "each entry of `concepts` must be a concept id in quotes, found {found}"
                        ),
                    );
                }
                continue;
            };
            if thesaurus.get(id).is_none() {
                let fix = match closest(id, &known) {
                    Some(near) => format!("did you mean `{near}`?"),
                    None => "use an id of assets/concepts.toml (listed by `mianba banks concepts`)"
                        .to_string(),
                };
                self.report(
                    item.span(),
                    format!("unknown concept `{}`; {fix}", sanitize_line(id)),
                );
                continue;
            }
            out.push(id.to_string());
        }
        Some(out)
    }

    fn avoid(&mut self, t: &Tbl) -> Avoid {
        self.unknown_fields(t, AVOID_FIELDS);
        Avoid {
            any: self.phrases(t, "any").unwrap_or_default(),
            penalty: self
                .integer(t, "penalty", PENALTY_RANGE, false)
                .map_or(DEFAULT_PENALTY, clamp_u32),
            why: self.text(t, "why").unwrap_or_default(),
        }
    }

    fn followup(&mut self, t: &Tbl, parent_points: &[&str]) -> Followup {
        self.unknown_fields(t, FOLLOWUP_FIELDS);
        let when_missing = self.string(t, "when_missing", false);
        if let Some(w) = &when_missing
            && !parent_points.contains(&w.get_ref().as_str())
        {
            let fix = match closest(w.get_ref(), parent_points) {
                Some(near) => format!("did you mean `{near}`?"),
                None if parent_points.is_empty() => {
                    "the question has no points to name".to_string()
                }
                None => format!("use one of: {}", parent_points.join(", ")),
            };
            self.report(
                w.span(),
                format!(
                    "when_missing `{}` names no point of this question; {fix}",
                    w.get_ref()
                ),
            );
        }
        Followup {
            when_missing: when_missing.map(Spanned::into_inner),
            prompt: self.text(t, "prompt").unwrap_or_default(),
            answer_seconds: self
                .integer(t, "answer_seconds", ANSWER_RANGE, false)
                .map(clamp_u32),
            points: self.points(t, NO_FOLLOWUP_POINTS, "[[questions.followups.points]]"),
            examples: self.examples(t, "[[questions.followups.examples]]"),
        }
    }

    pub(crate) fn timing(&mut self, t: &Tbl) -> TimingFields {
        TimingFields {
            prep_seconds: self
                .integer(t, "prep_seconds", PREP_RANGE, false)
                .map(clamp_u32),
            answer_seconds: self
                .integer(t, "answer_seconds", ANSWER_RANGE, false)
                .map(clamp_u32),
            target_chars: self.target_chars(t),
            weights: self.weights(t),
        }
    }

    fn target_chars(&mut self, t: &Tbl) -> Option<(u32, u32)> {
        let v = self.field(t, "target_chars", false)?;
        let shape = "two whole numbers [min, max], e.g. [120, 500]";
        let items = match v.get_ref() {
            DeValue::Array(items) if items.len() == 2 => items,
            DeValue::Array(items) => {
                let found = match items.len() {
                    1 => "1 value".to_string(),
                    n => format!("{n} values"),
                };
                self.report(
                    v.span(),
                    format!("`target_chars` must be {shape}, found {found}"),
                );
                return None;
            }
            _ => {
                self.wrong_type(v, "target_chars", shape);
                return None;
            }
        };
        let min = self.int_value(items.first()?, "target_chars", CHARS_RANGE);
        let max = self.int_value(items.get(1)?, "target_chars", CHARS_RANGE);
        let (min, max) = (clamp_u32(min?), clamp_u32(max?));
        if min > max {
            self.report(
                v.span(),
                format!("`target_chars` min {min} is greater than max {max}; write [{max}, {min}]"),
            );
            return None;
        }
        Some((min, max))
    }

    fn weights(&mut self, t: &Tbl) -> Option<Weights> {
        let w = self.table(t, "weights", "`weights`")?;
        self.unknown_fields(&w, WEIGHT_FIELDS);
        let content = self.fraction(&w, "content");
        let structure = self.fraction(&w, "structure");
        let delivery = self.fraction(&w, "delivery");
        let weights = Weights {
            content: content?,
            structure: structure?,
            delivery: delivery?,
        };
        let sum = weights.content + weights.structure + weights.delivery;
        if (sum - 1.0).abs() > WEIGHT_TOLERANCE {
            let shown = (sum * 1e6).round() / 1e6;
            self.report(
                w.at..w.at,
                format!(
                    "weights sum to {shown}, not 1; change content, structure and delivery so they add up to 1"
                ),
            );
            return None;
        }
        Some(weights)
    }

    // ---- typed fields ------------------------------------------------------------------

    /// Reports fields that `known` does not list, suggesting the nearest known name.
    pub(crate) fn unknown_fields(&mut self, t: &Tbl, known: &[&str]) {
        for key in t.fields.keys() {
            let k: &str = key.get_ref();
            if known.contains(&k) {
                continue;
            }
            let message = match closest(k, known) {
                Some(near) => format!("unknown field `{k}`; did you mean `{near}`?"),
                None => format!(
                    "unknown field `{k}` in {}; remove it (known fields: {})",
                    t.name,
                    known.join(", ")
                ),
            };
            self.report(key.span(), message);
        }
    }

    /// The value of `key`, or `None` (reported when required). A value the TOML parser could
    /// not read was already reported as a syntax error: it counts as absent, silently.
    pub(crate) fn field<'t, 'i>(
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
                        format!("missing field `{key}` in {}; add `{key} = …`", t.name),
                    );
                }
                None
            }
        }
    }

    pub(crate) fn wrong_type(&mut self, v: &Spanned<DeValue>, key: &str, wanted: &str) {
        let found = v.get_ref().type_str();
        self.report(v.span(), format!("`{key}` must be {wanted}, found {found}"));
    }

    pub(crate) fn string(&mut self, t: &Tbl, key: &str, required: bool) -> Option<Spanned<String>> {
        let v = self.field(t, key, required)?;
        match v.get_ref() {
            DeValue::String(s) => Some(Spanned::new(v.span(), s.to_string())),
            _ => {
                self.wrong_type(v, key, "text in quotes");
                None
            }
        }
    }

    /// A required string that must say something.
    pub(crate) fn text(&mut self, t: &Tbl, key: &str) -> Option<String> {
        self.text_at(t, key).map(Spanned::into_inner)
    }

    /// `text`, with where it is written.
    pub(crate) fn text_at(&mut self, t: &Tbl, key: &str) -> Option<Spanned<String>> {
        let s = self.string(t, key, true)?;
        if s.get_ref().trim().is_empty() {
            self.report(s.span(), format!("`{key}` is empty; write it"));
            return None;
        }
        Some(s)
    }

    /// The `id` of a bank, structure or question: `[a-z0-9-]+`. Returned even when malformed
    /// (the problem is reported) so later checks do not pile up on it.
    pub(crate) fn id(&mut self, t: &Tbl, what: &str) -> Option<Spanned<String>> {
        let id = self.string(t, "id", true)?;
        let text = id.get_ref();
        if text.is_empty() {
            self.report(
                id.span(),
                format!("{what} is empty; write one using a-z, 0-9 and '-'"),
            );
        } else if !is_valid_id(text) {
            let hint = suggest_id(text)
                .map(|s| format!("; try `{s}`"))
                .unwrap_or_default();
            self.report(
                id.span(),
                format!("{what} `{text}` may only use a-z, 0-9 and '-'{hint}"),
            );
        }
        Some(id)
    }

    /// Reports `name` when an earlier entry of the same list already used it (pointing at this,
    /// the second one, and naming the first one's line).
    pub(crate) fn unique(
        &mut self,
        seen: &mut HashMap<String, usize>,
        name: &Spanned<String>,
        what: &str,
    ) {
        match seen.get(name.get_ref()) {
            Some(&first_at) => {
                let first = self.loc.position(first_at).0;
                let message = format!(
                    "duplicate {what} `{}` (first used on line {first}); rename one of them",
                    name.get_ref()
                );
                self.report(name.span(), message);
            }
            // Offsets, not lines: most names are unique, and lines cost a search.
            None => {
                seen.insert(name.get_ref().clone(), self.base + name.span().start);
            }
        }
    }

    pub(crate) fn boolean(&mut self, t: &Tbl, key: &str) -> Option<bool> {
        let v = self.field(t, key, false)?;
        match v.get_ref() {
            DeValue::Boolean(b) => Some(*b),
            _ => {
                self.wrong_type(v, key, "true or false (no quotes)");
                None
            }
        }
    }

    pub(crate) fn integer(
        &mut self,
        t: &Tbl,
        key: &str,
        range: RangeInclusive<i64>,
        required: bool,
    ) -> Option<i64> {
        let v = self.field(t, key, required)?;
        self.int_value(v, key, range)
    }

    pub(crate) fn int_value(
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
                    self.report(
                        v.span(),
                        format!("`{key}` must be from {lo} to {hi}, found {i}"),
                    );
                    None
                }
            },
            _ if is_placeholder(v) => None,
            _ => {
                self.wrong_type(v, key, &format!("a whole number from {lo} to {hi}"));
                None
            }
        }
    }

    /// One of the three weights: a number from 0 to 1 (`1` and `0` may be written as integers).
    fn fraction(&mut self, t: &Tbl, key: &str) -> Option<f64> {
        let v = self.field(t, key, true)?;
        let (x, shown) = match v.get_ref() {
            DeValue::Integer(i) => (int_of(i).map(|n| n as f64), i.to_string()),
            DeValue::Float(f) => (f.as_str().parse::<f64>().ok(), f.to_string()),
            _ => {
                self.wrong_type(v, key, "a number from 0 to 1");
                return None;
            }
        };
        match x {
            Some(x) if (0.0..=1.0).contains(&x) => Some(x),
            _ => {
                self.report(
                    v.span(),
                    format!("`{key}` must be from 0 to 1, found {shown}"),
                );
                None
            }
        }
    }

    /// A list of phrases (`any`, `cues`): required, at least one, none empty.
    fn phrases(&mut self, t: &Tbl, key: &str) -> Option<Vec<String>> {
        let v = self.field(t, key, true)?;
        if matches!(v.get_ref(), DeValue::Array(items) if items.is_empty()) {
            self.report(
                v.span(),
                format!("`{key}` is empty; list at least one phrase, e.g. [\"抱歉\", \"对不起\"]"),
            );
            return None;
        }
        Some(self.string_list(v, key))
    }

    /// The strings of a list; entries that are not text, or are blank, are reported.
    fn string_list(&mut self, v: &Spanned<DeValue>, key: &str) -> Vec<String> {
        let DeValue::Array(items) = v.get_ref() else {
            self.wrong_type(v, key, "a list of text in quotes, e.g. [\"…\", \"…\"]");
            return Vec::new();
        };
        let mut out = Vec::with_capacity(items.len());
        for item in items.iter() {
            match item.get_ref() {
                DeValue::String(s) if s.trim().is_empty() => self.report(
                    item.span(),
                    format!("empty phrase in `{key}`; remove it or write the words"),
                ),
                DeValue::String(s) => out.push(s.to_string()),
                _ if is_placeholder(item) => {}
                other => {
                    let found = other.type_str();
                    self.report(
                        item.span(),
                        format!("each entry of `{key}` must be text in quotes, found {found}"),
                    );
                }
            }
        }
        out
    }

    pub(crate) fn table<'t, 'i>(
        &mut self,
        t: &Tbl<'t, 'i>,
        key: &str,
        name: &'static str,
    ) -> Option<Tbl<'t, 'i>> {
        let v = self.field(t, key, false)?;
        match v.get_ref() {
            DeValue::Table(fields) => Some(Tbl {
                fields,
                at: v.span().start,
                name,
            }),
            _ => {
                self.wrong_type(v, key, &format!("a table ({name})"));
                None
            }
        }
    }

    /// A list of tables (`[[questions]]`, `sections = [{ … }]`). `missing`, when given, is
    /// the problem reported if the list is absent or empty.
    pub(crate) fn tables<'t, 'i>(
        &mut self,
        t: &Tbl<'t, 'i>,
        key: &str,
        name: &'static str,
        missing: Option<&str>,
    ) -> Vec<Tbl<'t, 'i>> {
        let Some(v) = self.field(t, key, false) else {
            if let (Some(message), false) = (missing, t.fields.contains_key(key)) {
                self.report(t.at..t.at, message);
            }
            return Vec::new();
        };
        let DeValue::Array(items) = v.get_ref() else {
            self.wrong_type(v, key, &format!("a list of tables ({name})"));
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
                    name,
                }),
                _ if is_placeholder(item) => {}
                other => {
                    let found = other.type_str();
                    self.report(
                        item.span(),
                        format!("each entry of `{key}` must be a table ({name}), found {found}"),
                    );
                }
            }
        }
        out
    }
}

/// The parser puts an empty-spanned stand-in where it could not read a value (after reporting a
/// syntax error). No real value starts at offset 0: a key always comes first.
pub(crate) fn is_placeholder(v: &Spanned<DeValue>) -> bool {
    v.span() == (0..0)
}

fn int_of(i: &toml::de::DeInteger) -> Option<i64> {
    i64::from_str_radix(i.as_str(), i.radix()).ok()
}

/// Values were range-checked before; this only satisfies the type.
fn clamp_u32(n: i64) -> u32 {
    u32::try_from(n.max(0)).unwrap_or(u32::MAX)
}

pub(crate) fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// A valid id close to a malformed one: lower case, other characters turned into '-'
/// (`Wrong Size` → `wrong-size`). `None` when nothing usable is left.
pub(crate) fn suggest_id(id: &str) -> Option<String> {
    let mut out = String::new();
    for c in id.chars() {
        let c = c.to_ascii_lowercase();
        if c.is_ascii_lowercase() || c.is_ascii_digit() {
            out.push(c);
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    let out = out.trim_matches('-').to_string();
    (!out.is_empty()).then_some(out)
}

/// The candidate nearest to `word` by edit distance (in characters, ignoring case; a swap of
/// two neighbours is one edit, so `veiw` is one typo from `view`), when it is near enough to be
/// a likely typo: at most one edit per three characters, and at least one.
pub(crate) fn closest<'k>(word: &str, candidates: &[&'k str]) -> Option<&'k str> {
    let word = word.to_lowercase();
    candidates
        .iter()
        .map(|c| {
            let cand = c.to_lowercase();
            (strsim::osa_distance(&word, &cand), cand.chars().count(), *c)
        })
        .filter(|(d, len, _)| *d <= (len / 3).max(1))
        .min_by_key(|(d, _, _)| *d)
        .map(|(_, _, c)| c)
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    const FULL: &str = include_str!("../../tests/fixtures/banks/full.toml");

    fn fixture_figures() -> FolderFigures {
        FolderFigures::new(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/banks"))
    }

    fn parse(text: &str, split: bool) -> Result<Bank, Vec<Problem>> {
        let source = Source::File("t.toml".into());
        parse_pieces(text, "t.toml", source, &fixture_figures(), split).map(|l| l.bank)
    }

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
        assert!(!is_questions_header("[[questions.points]]\n"));
        assert!(!is_questions_header("[[questions]] x = 1\n"));
    }

    #[test]
    fn tables_may_come_after_the_questions_but_not_twice() {
        let (head, questions) = FULL.split_at(FULL.find("[[questions]]").unwrap());
        // [bank], [defaults] and [[structures]] moved to the end: same bank.
        let (schema, tables) = head.split_at(head.find("[bank]").unwrap());
        let moved = format!("{schema}{questions}\n{tables}");
        assert_eq!(parse(&moved, true).unwrap(), parse(FULL, true).unwrap());

        let twice = format!("{FULL}\n[bank]\nid = \"again\"\n");
        let problems = parse(&twice, true).unwrap_err();
        let line = FULL.lines().count() + 2;
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!((problems[0].line, problems[0].column), (line, 2));
        assert_eq!(
            problems[0].message,
            "TOML syntax error: `bank` is already defined on line 4; merge the two"
        );
        assert!(
            parse(&twice, false).is_err(),
            "the whole-file parser agrees"
        );
    }

    #[test]
    fn suggestions_allow_one_typo_per_three_characters() {
        assert_eq!(closest("promt", QUESTION_FIELDS), Some("prompt"));
        assert_eq!(closest("veiw", &["view", "star"]), Some("view"));
        assert_eq!(
            closest("Answer_Seconds", TIMING_FIELDS),
            Some("answer_seconds")
        );
        assert_eq!(closest("colour", BANK_FIELDS), None);
        assert_eq!(suggest_id("Wrong Size!"), Some("wrong-size".into()));
        assert_eq!(suggest_id("投诉"), None);
    }

    /// Lines that move strings, tables and headers around when inserted anywhere.
    const TRICKY: &[&str] = &[
        "[[questions]]",
        "[bank]",
        "[[structures]]",
        "[defaults]",
        "reference = \"\"\"",
        "\"\"\"",
        "'''",
        "x = '''[[questions]]",
        "id = \"q\"",
        "[[questions.points]]",
        "name = \"n\"\nany = [\"a\"]",
    ];

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]

        /// Parsing piece by piece accepts exactly what parsing the whole file accepts, and
        /// builds the same bank.
        #[test]
        fn pieces_agree_with_the_whole_file(
            edits in proptest::collection::vec((0usize..4, any::<usize>(), any::<usize>()), 0..5)
        ) {
            let mut lines: Vec<String> = FULL.lines().map(String::from).collect();
            for (kind, i, j) in edits {
                let n = lines.len().max(1);
                match kind {
                    0 if !lines.is_empty() => { lines.remove(i % n); }
                    1 if !lines.is_empty() => { let l = lines[i % n].clone(); lines.insert(j % n, l); }
                    2 if !lines.is_empty() => lines.swap(i % n, j % n),
                    _ => lines.insert(i % (n + 1), TRICKY[j % TRICKY.len()].to_string()),
                }
            }
            let text = lines.join("\n");
            match (parse(&text, true), parse(&text, false)) {
                (Ok(a), Ok(b)) => prop_assert_eq!(a, b),
                (Err(_), Err(_)) => {}
                (a, b) => prop_assert!(false, "pieces {:?}\nwhole {:?}\n{}", a.err(), b.err(), text),
            }
        }
    }
}
