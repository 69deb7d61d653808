//! Assignment sets (`docs/sets.md`): a tutor's TOML file naming the questions a class answers,
//! by reference to a loaded bank (`ref = "complaint/wrong-size"`) or written inline with the
//! fields of a bank question. Inline questions and structures are checked by the bank checker
//! (`crate::bank::rules`) and its own fields are read with `crate::bank::fields`, so a set
//! reports problems exactly as a bank does, as
//! `FILE:LINE:COLUMN: message`.
//!
//! The set's checksum is a SHA-256 over its settings and every question *as resolved*: a bank
//! edit that changes a referenced question changes the checksum, so answers given to the old
//! question are recognised as answers to another set.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use rand::seq::SliceRandom;
use serde::Serialize;
use toml::Spanned;
use toml::de::DeValue;

use super::digest::digest_of;
use super::due;
use crate::bank::fields::{FieldReader, Tbl, is_placeholder};
use crate::bank::figure::FolderFigures;
use crate::bank::read::{TextFile, read_text};
use crate::bank::rules::{ANSWER_RANGE, BankRules, Gathered, PREP_RANGE};
use crate::bank::suggest::closest;
use crate::bank::{Bank, BankSet, Body, Defaults, Language, Problem, Question, Source, Timing};
use crate::msg;
use crate::session::plan::seeded;
use crate::session::{Mode, Plan, QuestionRef};

/// The set schema this mianba reads.
pub const SET_SCHEMA: i64 = 1;
/// Sets are short lists of questions; anything larger is refused before parsing.
pub const MAX_SET_BYTES: u64 = 1024 * 1024;
/// `pass_mark` when the set does not say.
pub const DEFAULT_PASS_MARK: u8 = 60;
/// Prefix of the id of the bank that holds a set's inline questions (`set-week-3`).
pub const INLINE_BANK_PREFIX: &str = "set-";

const SET_FILE: TextFile = TextFile {
    what: |ui| ui.file_set,
    max_bytes: MAX_SET_BYTES,
    max_shown: "1 MiB",
    too_large_fix: |ui| ui.fix_split_sets,
    folder_fix: |ui| ui.fix_set_folder,
};

const TOP_FIELDS: &[&str] = &["schema", "set", "structures", "questions"];
const SET_FIELDS: &[&str] = &[
    "id",
    "title",
    "tutor",
    "description",
    "due",
    "mode",
    "pass_mark",
    "attempts",
    "prep_seconds",
    "answer_seconds",
    "shuffle",
    "seed",
    "language",
];

/// When a set is due: the instant, and the value as written (shown to people).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Due {
    pub unix: i64,
    pub written: String,
}

/// A validated assignment set with every question resolved.
#[derive(Debug, Clone, PartialEq)]
pub struct Set {
    pub id: String,
    pub title: String,
    pub tutor: Option<String>,
    pub description: Option<String>,
    pub due: Option<Due>,
    pub mode: Mode,
    /// Total (0–100) a candidate's average must reach to pass.
    pub pass_mark: u8,
    /// How many times the set may be taken (1 = once); a sitting counts once it has an
    /// answer (`Store::set_attempts`).
    pub attempts: u32,
    /// Overrides every question's thinking time.
    pub prep_seconds: Option<u32>,
    /// Overrides every question's answer time.
    pub answer_seconds: Option<u32>,
    pub shuffle: bool,
    pub seed: u64,
    /// The questions in the order written; inline ones name `inline` as their bank.
    pub questions: Vec<QuestionRef>,
    /// A bank (id `set-<set id>`) holding the set's inline questions and structures, so they
    /// are scored like any bank question: `Rubric::compile(&set.inline, q)`.
    pub inline: Bank,
    /// SHA-256 (hex) of the canonical content, questions as resolved.
    pub checksum: String,
    pub path: PathBuf,
}

impl Set {
    /// Sittings left after `taken` of them: refuse a new one at 0.
    pub fn attempts_left(&self, taken: u32) -> u32 {
        self.attempts.saturating_sub(taken)
    }

    /// The interview plan: the questions in order, shuffled by `seed` when `shuffle = true`,
    /// with the set's answer time over every question's.
    pub fn plan(&self) -> Plan {
        let mut questions = self.questions.clone();
        if self.shuffle {
            questions.shuffle(&mut seeded(self.seed));
        }
        let mut banks: Vec<String> = Vec::new();
        for q in &questions {
            if !banks.contains(&q.bank) {
                banks.push(q.bank.clone());
            }
        }
        let mut plan = Plan::fixed(questions);
        plan.answer_seconds = self.answer_seconds;
        plan.seed = self.seed;
        plan.banks = banks;
        plan
    }

    /// Finds a plan question: in the set's inline bank, else in the loaded banks.
    pub fn resolve<'a>(
        &'a self,
        banks: &'a BankSet,
        r: &QuestionRef,
    ) -> Option<(&'a Bank, &'a Question)> {
        if r.bank == self.inline.id {
            return self.inline.question(&r.question).map(|q| (&self.inline, q));
        }
        banks
            .get(&r.bank)
            .and_then(|b| b.question(&r.question).map(|q| (b, q)))
    }

    /// A question's timing with the set's overrides applied.
    pub fn timing(&self, bank: &Bank, q: &Question) -> Timing {
        let mut t = bank.timing(q);
        t.prep_seconds = self.prep_seconds.unwrap_or(t.prep_seconds);
        t.answer_seconds = self.answer_seconds.unwrap_or(t.answer_seconds);
        t
    }

    /// The banks a sitting of this set asks from: the banks its questions come from and its
    /// inline bank, with the set's time limits written into their questions, so the interview
    /// times (and scores) each question as `Set::timing` says without knowing about sets.
    pub fn sitting_banks(&self, banks: &BankSet) -> BankSet {
        let mut out = BankSet::default();
        for r in &self.questions {
            if let Some((bank, _)) = self.resolve(banks, r)
                && out.get(&bank.id).is_none()
            {
                out.banks.push(bank.clone());
            }
        }
        for bank in &mut out.banks {
            let mut body = std::mem::take(&mut bank.questions).into_body();
            for q in &mut body.questions {
                q.prep_seconds = self.prep_seconds.or(q.prep_seconds);
                q.answer_seconds = self.answer_seconds.or(q.answer_seconds);
            }
            bank.questions = body.into();
        }
        out
    }

    /// Whether something handed in at `at` (Unix seconds) is late.
    pub fn is_late(&self, at: i64) -> bool {
        self.due.as_ref().is_some_and(|d| at > d.unix)
    }
}

/// A set file that failed validation, as a command or the app reports it: its first problem
/// and how many more (`crate::error::Error::InvalidSet` says it).
#[derive(Debug)]
pub struct InvalidSet {
    pub path: PathBuf,
    /// Rendered in the UI language where it is shown.
    pub first: Option<Problem>,
    pub more: usize,
}

/// Reads a set for a command or the app, failing with one sentence that names the file, its
/// first problem and the fix (`mianba set validate` lists them all).
pub fn load_checked(path: &Path, banks: &BankSet) -> Result<Set, InvalidSet> {
    load_set(path, banks).map_err(|problems| InvalidSet {
        path: path.to_path_buf(),
        first: problems.first().cloned(),
        more: problems.len().saturating_sub(1),
    })
}

/// Reads and validates a set file; references are resolved against `banks`, inline figures
/// are read from the set's folder (never outside it).
pub fn load_set(path: &Path, banks: &BankSet) -> Result<Set, Vec<Problem>> {
    let file = path.display().to_string();
    let text = read_text(path, &file, &SET_FILE).map_err(|p| vec![p])?;
    let figures = FolderFigures::of_bank_file(path);
    parse_set(&text, &file, path, &figures, banks)
}

/// Validates set text. `file` names it in problems and `path` is recorded in the set.
pub fn parse_set(
    text: &str,
    file: &str,
    path: &Path,
    figures: &FolderFigures,
    banks: &BankSet,
) -> Result<Set, Vec<Problem>> {
    if text.len() as u64 > MAX_SET_BYTES {
        return Err(vec![Problem::at_start(
            file,
            msg!(pr_set_too_large, size = text.len()),
        )]);
    }
    let mut c = BankRules::new(file, text, figures, false);
    let parsed = c.read.parse(text);
    let root = Tbl::top(parsed.get_ref());
    if !schema(&mut c.read, &root) {
        return Err(c.read.into_problems());
    }
    c.read.unknown_fields(&root, TOP_FIELDS);
    let head = head(&mut c.read, &root);
    let mut g = Gathered::default();
    c.structures(&root, &mut g);
    let entries = questions(&mut c, &root, &mut g, banks);
    for (name, at) in std::mem::take(&mut g.structure_refs) {
        c.structure_exists(&name, at, &g.structures);
    }
    let Some(head) = head.filter(|_| c.read.clean()) else {
        return Err(c.read.into_problems());
    };
    let inline = Bank {
        id: format!("{INLINE_BANK_PREFIX}{}", head.id),
        title: head.title.clone(),
        language: head.language,
        description: None,
        author: head.tutor.clone(),
        questions: Body {
            defaults: Defaults::default(),
            structures: g.structures,
            questions: g.questions,
        }
        .into(),
        source: Source::File(path.to_path_buf()),
    };
    let questions: Vec<QuestionRef> = entries
        .into_iter()
        .map(|e| match e {
            Entry::Ref(r) => r,
            Entry::Inline(id) => QuestionRef {
                bank: inline.id.clone(),
                question: id,
            },
        })
        .collect();
    let mut set = Set {
        id: head.id,
        title: head.title,
        tutor: head.tutor,
        description: head.description,
        due: head.due,
        mode: head.mode,
        pass_mark: head.pass_mark,
        attempts: head.attempts,
        prep_seconds: head.prep_seconds,
        answer_seconds: head.answer_seconds,
        shuffle: head.shuffle,
        seed: head.seed,
        questions,
        inline,
        checksum: String::new(),
        path: path.to_path_buf(),
    };
    set.checksum = checksum(&set, banks);
    Ok(set)
}

/// What `[set]` says.
struct Head {
    id: String,
    title: String,
    tutor: Option<String>,
    description: Option<String>,
    due: Option<Due>,
    mode: Mode,
    pass_mark: u8,
    attempts: u32,
    prep_seconds: Option<u32>,
    answer_seconds: Option<u32>,
    shuffle: bool,
    seed: u64,
    language: Language,
}

/// One `[[questions]]` entry.
enum Entry {
    Ref(QuestionRef),
    /// An inline question, by its id.
    Inline(String),
}

fn schema(c: &mut FieldReader, root: &Tbl) -> bool {
    let Some(v) = c.field(root, "schema", false) else {
        if !root.fields.contains_key("schema") {
            c.report(0..0, msg!(pr_no_schema, what = msg!(file_set)));
        }
        return true;
    };
    if !matches!(v.get_ref(), DeValue::Integer(_)) {
        c.wrong_type(v, "schema", msg!(want_number, n = SET_SCHEMA));
        return true;
    }
    match c.int_value(v, "schema", 1..=i64::MAX) {
        Some(SET_SCHEMA) | None => true,
        Some(n) => {
            c.report(
                v.span(),
                msg!(
                    pr_schema_newer,
                    what = msg!(file_set),
                    n = n,
                    known = SET_SCHEMA
                ),
            );
            false
        }
    }
}

fn head(c: &mut FieldReader, root: &Tbl) -> Option<Head> {
    let Some(t) = c.table(root, "set", "[set]") else {
        if !root.fields.contains_key("set") {
            c.report(0..0, msg!(pr_no_set_table));
        }
        return None;
    };
    c.unknown_fields(&t, SET_FIELDS);
    let id = c.id(&t, msg!(what_set_id));
    let title = c.text(&t, "title");
    let tutor = c.string(&t, "tutor", false).map(Spanned::into_inner);
    let description = c.string(&t, "description", false).map(Spanned::into_inner);
    let due = due_field(c, &t);
    let mode = match c.string(&t, "mode", false) {
        None => Mode::Practice,
        Some(m) => Mode::parse(m.get_ref()).unwrap_or_else(|| {
            c.report(m.span(), msg!(pr_mode, found = m.get_ref()));
            Mode::Practice
        }),
    };
    let pass_mark = c
        .integer(&t, "pass_mark", 0..=100, false)
        .and_then(|n| u8::try_from(n).ok())
        .unwrap_or(DEFAULT_PASS_MARK);
    let attempts = c
        .integer(&t, "attempts", 1..=20, false)
        .and_then(|n| u32::try_from(n).ok())
        .unwrap_or(1);
    let prep_seconds = c
        .integer(&t, "prep_seconds", PREP_RANGE, false)
        .and_then(|n| u32::try_from(n).ok());
    let answer_seconds = c
        .integer(&t, "answer_seconds", ANSWER_RANGE, false)
        .and_then(|n| u32::try_from(n).ok());
    let shuffle = c.boolean(&t, "shuffle").unwrap_or(false);
    let seed = c
        .integer(&t, "seed", 0..=i64::MAX, false)
        .and_then(|n| u64::try_from(n).ok())
        .unwrap_or(0);
    let language = match c.string(&t, "language", false) {
        None => Language::Zh,
        Some(l) => match l.get_ref().as_str() {
            "zh" => Language::Zh,
            "en" => Language::En,
            other => {
                c.report(l.span(), msg!(pr_language, found = other));
                Language::Zh
            }
        },
    };
    Some(Head {
        id: id?.into_inner(),
        title: title?,
        tutor,
        description,
        due,
        mode,
        pass_mark,
        attempts,
        prep_seconds,
        answer_seconds,
        shuffle,
        seed,
        language,
    })
}

/// `due`: a TOML date or date-time (`2025-07-01`, `2025-07-01T18:00:00+08:00`), or the same
/// in quotes.
fn due_field(c: &mut FieldReader, t: &Tbl) -> Option<Due> {
    let v = c.field(t, "due", false)?;
    let shape = msg!(want_due);
    let parsed = match v.get_ref() {
        DeValue::Datetime(dt) => due::unix_of(dt).map(|unix| (dt.to_string(), unix)),
        DeValue::String(s) => due::parse(s).map(|(dt, unix)| (dt.to_string(), unix)),
        _ => {
            c.wrong_type(v, "due", shape);
            return None;
        }
    };
    match parsed {
        Some((written, unix)) => Some(Due { unix, written }),
        None => {
            c.report(v.span(), msg!(pr_must_be, key = "due", wanted = shape));
            None
        }
    }
}

fn questions(c: &mut BankRules, root: &Tbl, g: &mut Gathered, banks: &BankSet) -> Vec<Entry> {
    let missing = msg!(pr_set_no_questions);
    let mut seen_refs: HashMap<String, usize> = HashMap::new();
    let mut out = Vec::new();
    for t in c
        .read
        .tables(root, "questions", "[[questions]]", Some(missing))
    {
        if let Some((key, v)) = t.fields.get_key_value("ref") {
            for other in t.fields.keys().filter(|k| k.get_ref() != "ref") {
                c.read
                    .report(other.span(), msg!(pr_with_ref, key = &**other.get_ref()));
            }
            if is_placeholder(v) {
                continue;
            }
            let DeValue::String(r) = v.get_ref() else {
                c.read.wrong_type(v, "ref", msg!(want_ref));
                continue;
            };
            let Some(found) = reference(&mut c.read, r, v.span(), banks) else {
                continue;
            };
            let full = found.full_id();
            if let Some(first) = seen_refs.get(&full) {
                c.read
                    .report(key.span(), msg!(pr_ref_twice, id = &full, first = *first));
                continue;
            }
            seen_refs.insert(full, out.len() + 1);
            out.push(Entry::Ref(found));
        } else {
            let q = c.question(&t, &mut g.question_ids, &mut g.structure_refs);
            out.push(Entry::Inline(q.id.clone()));
            g.questions.push(q);
        }
    }
    out
}

/// Resolves `ref` against the loaded banks, reporting a ref that names no question with the
/// nearest full id.
fn reference(
    c: &mut FieldReader,
    r: &str,
    span: std::ops::Range<usize>,
    banks: &BankSet,
) -> Option<QuestionRef> {
    match banks.find_question(r) {
        Some((bank, q)) => Some(QuestionRef {
            bank: bank.id.clone(),
            question: q.id.clone(),
        }),
        None => {
            let ids: Vec<String> = banks
                .banks
                .iter()
                .flat_map(|b| b.questions.iter().map(|q| b.full_id(q)))
                .collect();
            let refs: Vec<&str> = ids.iter().map(String::as_str).collect();
            let fix = match closest(r, &refs) {
                Some(near) => msg!(pr_did_you_mean, near = near),
                None => msg!(pr_ref_hint),
            };
            c.report(span, msg!(pr_ref_unknown, id = r, fix = fix));
            None
        }
    }
}

/// The checksum: the settings that change what a candidate is asked, and each question as
/// resolved (its bank's language, the question itself, its structure and merged timing).
fn checksum(set: &Set, banks: &BankSet) -> String {
    #[derive(Serialize)]
    struct Resolved<'a> {
        id: String,
        language: Language,
        question: &'a Question,
        structure: Option<&'a crate::bank::Structure>,
        prep_seconds: u32,
        answer_seconds: u32,
        target_chars: (u32, u32),
        weights: crate::bank::Weights,
    }
    let questions: Vec<Resolved> = set
        .questions
        .iter()
        .filter_map(|r| {
            let (bank, q) = set.resolve(banks, r)?;
            let t = set.timing(bank, q);
            Some(Resolved {
                id: bank.full_id(q),
                language: bank.language,
                question: q,
                structure: bank.structure_of(q),
                prep_seconds: t.prep_seconds,
                answer_seconds: t.answer_seconds,
                target_chars: t.target_chars,
                weights: t.weights,
            })
        })
        .collect();
    let content = serde_json::json!({
        "schema": SET_SCHEMA,
        "id": set.id,
        "title": set.title,
        "mode": set.mode,
        "pass_mark": set.pass_mark,
        "attempts": set.attempts,
        "due": set.due.as_ref().map(|d| d.unix),
        "shuffle": set.shuffle,
        "seed": set.seed,
        "questions": questions,
    });
    digest_of(&content)
}
