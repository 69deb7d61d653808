//! The schema rules of a bank (`docs/bank-format.md`): which tables and fields it has, their
//! types and ranges, and the checks across them (unique ids, known structures and concepts,
//! weights that sum to 1). Fields are read with `super::fields::FieldReader`.
//!
//! Defaults chosen where `bank-format.md` leaves them open: `ordered = false`,
//! `optional = false`, `required = false`, `weight = 1`, `difficulty = 2`, and an avoid
//! entry's `penalty = 10` (the format's own example) — a bank author who lists a phrase to
//! avoid clearly wants it to cost something. `language` and an avoid entry's `why` are required:
//! the first decides the matching rules, the second is what the feedback tells the candidate.

use std::collections::HashMap;
use std::ops::RangeInclusive;

use toml::Spanned;
use toml::de::DeValue;

use super::concepts::thesaurus;
use super::fields::{FieldReader, Tbl, clamp_u32, int_of, is_placeholder};
use super::figure::FigureSource;
use super::suggest::closest;
use super::{
    Avoid, Bank, Body, Defaults, Example, Followup, Language, Point, Question, Questions, Section,
    Source, Structure, Weights,
};
use crate::message::Message;
use crate::msg;
use crate::text::sanitize;

/// The schema this mianba reads.
pub const SCHEMA: i64 = 1;
/// `penalty` of a `[[questions.avoid]]` entry that does not say.
pub const DEFAULT_PENALTY: u32 = 10;
/// `difficulty` of a question that does not say: the middle of 1..=3.
pub const DEFAULT_DIFFICULTY: u8 = 2;
/// How far from 1 the three weights may sum.
const WEIGHT_TOLERANCE: f64 = 1e-6;

const TOP_FIELDS: &[&str] = &["schema", "bank", "defaults", "structures", "questions"];
pub(crate) const BANK_FIELDS: &[&str] = &["id", "title", "language", "description", "author"];
pub(crate) const TIMING_FIELDS: &[&str] =
    &["prep_seconds", "answer_seconds", "target_chars", "weights"];
const WEIGHT_FIELDS: &[&str] = &["content", "structure", "delivery"];
const STRUCTURE_FIELDS: &[&str] = &["id", "name", "ordered", "sections"];
const SECTION_FIELDS: &[&str] = &["name", "cues", "optional"];
pub(crate) const QUESTION_FIELDS: &[&str] = &[
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

pub(crate) const PREP_RANGE: RangeInclusive<i64> = 0..=3600;
pub(crate) const ANSWER_RANGE: RangeInclusive<i64> = 1..=3600;
const CHARS_RANGE: RangeInclusive<i64> = 0..=100_000;
const WEIGHT_RANGE: RangeInclusive<i64> = 1..=100;
const PENALTY_RANGE: RangeInclusive<i64> = 0..=100;
const GRADE_RANGE: RangeInclusive<i64> = 1..=5;

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

/// Walks one bank's tree, collecting problems. Assignment sets (`crate::tutor::set`) check
/// their inline questions and structures with these rules too.
pub(crate) struct BankRules<'a> {
    /// The typed field reader, which holds the problems (sets read their own fields with it).
    pub(crate) read: FieldReader<'a>,
    figures: &'a dyn FigureSource,
    /// Bundled banks must carry a `reference` for every question.
    bundled: bool,
}

impl<'a> BankRules<'a> {
    /// Rules for `text` (named `file` in problems) whose figures `figures` reads; `bundled`
    /// for the banks built into mianba.
    pub(crate) fn new(
        file: &'a str,
        text: &'a str,
        figures: &'a dyn FigureSource,
        bundled: bool,
    ) -> BankRules<'a> {
        BankRules {
            read: FieldReader::new(file, text),
            figures,
            bundled,
        }
    }

    pub(crate) fn piece(&mut self, root: &Tbl, g: &mut Gathered) {
        self.read.unknown_fields(root, TOP_FIELDS);
        if self.first_time(root, "bank", g) {
            g.head = self.bank_table(root);
            if let Some(head) = &g.head {
                g.id_at = self.read.position(self.read.base() + head.id.span().start);
            }
        }
        if self.first_time(root, "defaults", g) {
            g.defaults = Some(self.defaults(root));
        }
        self.first_time(root, "structures", g);
        self.structures(root, g);
        self.first_time(root, "questions", g);
        for t in self.read.tables(root, "questions", "[[questions]]", None) {
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
        let at = self.read.base() + k.span().start;
        match g.top_keys.get(key) {
            None => {
                g.top_keys.insert(key.to_string(), at);
                true
            }
            Some(_) if matches!(key, "questions" | "structures") => true,
            Some(&first) => {
                let line = self.read.position(first).0;
                self.read
                    .report(k.span(), msg!(pr_defined_twice, key = key, line = line));
                false
            }
        }
    }

    /// The checks that need the whole file, then the bank.
    pub(crate) fn finish(
        &mut self,
        mut g: Gathered,
        source: Source,
    ) -> Option<(Bank, (usize, usize))> {
        if !g.top_keys.contains_key("bank") {
            self.read.report(0..0, msg!(pr_no_bank_table));
        }
        if g.questions.is_empty() {
            let at = g.top_keys.get("questions").copied().unwrap_or(0);
            self.read.report(at..at, msg!(pr_bank_no_questions));
        }
        for (name, at) in &g.structure_refs {
            self.structure_exists(name, *at, &g.structures);
        }
        let body = Body {
            defaults: g.defaults.take().unwrap_or_default(),
            structures: std::mem::take(&mut g.structures),
            questions: std::mem::take(&mut g.questions),
        };
        Self::bank(g, source, body.into())
    }

    /// The bank of its `[bank]` table alone with `questions` given, when that table is complete
    /// and nothing else was read; for bundled banks, whose body is parsed on first use.
    pub(crate) fn finish_head(
        &mut self,
        g: Gathered,
        source: Source,
        questions: Questions,
    ) -> Option<(Bank, (usize, usize))> {
        let more = g.defaults.is_some() || !g.structures.is_empty() || !g.questions.is_empty();
        if more || !self.read.clean() {
            return None;
        }
        Self::bank(g, source, questions)
    }

    fn bank(g: Gathered, source: Source, questions: Questions) -> Option<(Bank, (usize, usize))> {
        let head = g.head?;
        let bank = Bank {
            id: head.id.into_inner(),
            title: head.title,
            language: head.language,
            description: head.description,
            author: head.author,
            questions,
            source,
        };
        Some((bank, g.id_at))
    }

    /// Whether the schema is one this mianba reads (a missing one is reported and assumed 1,
    /// since the rest of the file is most likely schema 1).
    pub(crate) fn schema(&mut self, root: &Tbl) -> bool {
        let Some(v) = root.fields.get("schema") else {
            self.read
                .report(0..0, msg!(pr_no_schema, what = msg!(file_bank)));
            return true;
        };
        if is_placeholder(v) {
            return true;
        }
        match v.get_ref() {
            DeValue::Integer(i) => match int_of(i) {
                Some(SCHEMA) => true,
                Some(n) if n > SCHEMA => {
                    self.read.report(
                        v.span(),
                        msg!(
                            pr_schema_newer,
                            what = msg!(file_bank),
                            n = n,
                            known = SCHEMA
                        ),
                    );
                    false
                }
                _ => {
                    self.read.report(
                        v.span(),
                        msg!(pr_schema_unknown, n = i.to_string(), known = SCHEMA),
                    );
                    false
                }
            },
            _ => {
                self.read
                    .wrong_type(v, "schema", msg!(want_number, n = SCHEMA));
                true
            }
        }
    }

    fn bank_table(&mut self, root: &Tbl) -> Option<BankHead> {
        let t = self.read.table(root, "bank", "[bank]")?;
        self.read.unknown_fields(&t, BANK_FIELDS);
        let id = self.read.id(&t, msg!(what_bank_id));
        let title = self.read.text(&t, "title");
        let language = self.language(&t);
        let description = self.read.string(&t, "description", false);
        let author = self.read.string(&t, "author", false);
        Some(BankHead {
            id: id?,
            title: title?,
            language: language?,
            description: description.map(Spanned::into_inner),
            author: author.map(Spanned::into_inner),
        })
    }

    fn language(&mut self, t: &Tbl) -> Option<Language> {
        let v = self.read.string(t, "language", true)?;
        match v.get_ref().as_str() {
            "zh" => Some(Language::Zh),
            "en" => Some(Language::En),
            other => {
                self.read.report(v.span(), msg!(pr_language, found = other));
                None
            }
        }
    }

    fn defaults(&mut self, root: &Tbl) -> Defaults {
        let mut d = Defaults::default();
        let Some(t) = self.read.table(root, "defaults", "[defaults]") else {
            return d;
        };
        self.read.unknown_fields(&t, TIMING_FIELDS);
        let timing = self.timing(&t);
        d.prep_seconds = timing.prep_seconds.unwrap_or(d.prep_seconds);
        d.answer_seconds = timing.answer_seconds.unwrap_or(d.answer_seconds);
        d.target_chars = timing.target_chars.unwrap_or(d.target_chars);
        d.weights = timing.weights.unwrap_or(d.weights);
        d
    }

    pub(crate) fn structures(&mut self, root: &Tbl, g: &mut Gathered) {
        for t in self.read.tables(root, "structures", "[[structures]]", None) {
            self.read.unknown_fields(&t, STRUCTURE_FIELDS);
            let id = self.read.id(&t, msg!(what_structure_id));
            if let Some(id) = &id {
                self.read
                    .unique(&mut g.structure_ids, id, msg!(what_structure_id));
            }
            let name = self.read.text(&t, "name");
            let ordered = self.read.boolean(&t, "ordered").unwrap_or(false);
            let missing = msg!(pr_no_sections);
            let mut sections = Vec::new();
            for s in self
                .read
                .tables(&t, "sections", msg!(tbl_section), Some(missing))
            {
                self.read.unknown_fields(&s, SECTION_FIELDS);
                sections.push(Section {
                    name: self.read.text(&s, "name").unwrap_or_default(),
                    cues: self.read.phrases(&s, "cues").unwrap_or_default(),
                    optional: self.read.boolean(&s, "optional").unwrap_or(false),
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
        self.read.unknown_fields(t, QUESTION_FIELDS);
        let id = self.read.id(t, msg!(what_question_id));
        if let Some(id) = &id {
            self.read.unique(seen, id, msg!(what_question_id));
        }
        let category = self.read.text(t, "category");
        let difficulty = self.read.integer(t, "difficulty", 1..=3, false);
        let prompt = self.read.text(t, "prompt");
        let figure = self.read.string(t, "figure", false);
        let figure_text = figure.as_ref().and_then(|f| self.figure(f));
        let structure = self.read.string(t, "structure", false);
        if let Some(s) = &structure {
            structure_refs.push((s.get_ref().clone(), self.read.base() + s.span().start));
        }
        let reference = if self.bundled && !t.fields.contains_key("reference") {
            self.read.report(t.at..t.at, msg!(pr_bundled_reference));
            None
        } else if self.bundled {
            self.read.text_at(t, "reference")
        } else {
            self.read.string(t, "reference", false)
        };
        let tips = match self.read.field(t, "tips", false) {
            Some(v) => self.read.string_list(v, "tips"),
            None => Vec::new(),
        };
        let timing = self.timing(t);
        let points = self.points(t, msg!(pr_no_points), "[[questions.points]]");
        let names: Vec<&str> = points.iter().map(|p| p.name.as_str()).collect();
        let mut avoid = Vec::new();
        for a in self.read.tables(t, "avoid", "[[questions.avoid]]", None) {
            avoid.push(self.avoid(&a));
        }
        let mut followups = Vec::new();
        for f in self
            .read
            .tables(t, "followups", "[[questions.followups]]", None)
        {
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
        for e in self.read.tables(t, "examples", name, None) {
            self.read.unknown_fields(&e, EXAMPLE_FIELDS);
            let grade = self.read.integer(&e, "grade", GRADE_RANGE, true);
            let text = self.read.text(&e, "text");
            let note = self.read.string(&e, "note", false);
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
            Some(near) => msg!(pr_did_you_mean, near = near),
            None => msg!(pr_add_structure, id = wanted),
        };
        self.read
            .report(at..at, msg!(pr_structure_undefined, id = wanted, fix = fix));
    }

    fn figure(&mut self, rel: &Spanned<String>) -> Option<String> {
        match self.figures.read(rel.get_ref()) {
            Ok(text) => Some(sanitize(&text)),
            Err(e) => {
                self.read.report(
                    rel.span(),
                    msg!(pr_figure, path = rel.get_ref(), why = e.message()),
                );
                None
            }
        }
    }

    /// The points of a question or follow-up: at least one, names unique within it.
    fn points(&mut self, t: &Tbl, missing: Message, name: &'static str) -> Vec<Point> {
        let mut seen = HashMap::new();
        let mut out = Vec::new();
        for p in self.read.tables(t, "points", name, Some(missing)) {
            self.read.unknown_fields(&p, POINT_FIELDS);
            let point_name = self.read.text_at(&p, "name");
            if let Some(n) = &point_name {
                self.read.unique(&mut seen, n, msg!(what_point_name));
            }
            let concepts = self.concept_ids(&p);
            // `any` may be left out when concepts say what earns the point.
            let any = if concepts.is_some() && !p.fields.contains_key("any") {
                Vec::new()
            } else {
                self.read.phrases(&p, "any").unwrap_or_default()
            };
            out.push(Point {
                name: point_name.map(Spanned::into_inner).unwrap_or_default(),
                any,
                concepts: concepts.unwrap_or_default(),
                weight: self
                    .read
                    .integer(&p, "weight", WEIGHT_RANGE, false)
                    .map_or(1, clamp_u32),
                required: self.read.boolean(&p, "required").unwrap_or(false),
            });
        }
        out
    }

    /// `concepts = ["apology", …]`: ids of the shared thesaurus, at least one, each known.
    /// `None` when the field is absent.
    fn concept_ids(&mut self, t: &Tbl) -> Option<Vec<String>> {
        let v = self.read.field(t, "concepts", false)?;
        let DeValue::Array(items) = v.get_ref() else {
            self.read.wrong_type(v, "concepts", msg!(want_concept_ids));
            return Some(Vec::new());
        };
        if items.is_empty() {
            self.read.report(v.span(), msg!(pr_concepts_empty));
        }
        let thesaurus = thesaurus();
        let known: Vec<&str> = thesaurus.ids().collect();
        let mut out = Vec::with_capacity(items.len());
        for item in items.iter() {
            let DeValue::String(id) = item.get_ref() else {
                if !is_placeholder(item) {
                    let wanted = msg!(want_concept_id);
                    self.read
                        .entry_type(item.span(), "concepts", wanted, item.get_ref());
                }
                continue;
            };
            if thesaurus.get(id).is_none() {
                let fix = match closest(id, &known) {
                    Some(near) => msg!(pr_did_you_mean, near = near),
                    None => msg!(pr_concept_hint),
                };
                self.read
                    .report(item.span(), msg!(pr_unknown_concept, id = &**id, fix = fix));
                continue;
            }
            out.push(id.to_string());
        }
        Some(out)
    }

    fn avoid(&mut self, t: &Tbl) -> Avoid {
        self.read.unknown_fields(t, AVOID_FIELDS);
        Avoid {
            any: self.read.phrases(t, "any").unwrap_or_default(),
            penalty: self
                .read
                .integer(t, "penalty", PENALTY_RANGE, false)
                .map_or(DEFAULT_PENALTY, clamp_u32),
            why: self.read.text(t, "why").unwrap_or_default(),
        }
    }

    fn followup(&mut self, t: &Tbl, parent_points: &[&str]) -> Followup {
        self.read.unknown_fields(t, FOLLOWUP_FIELDS);
        let when_missing = self.read.string(t, "when_missing", false);
        if let Some(w) = &when_missing
            && !parent_points.contains(&w.get_ref().as_str())
        {
            let fix = match closest(w.get_ref(), parent_points) {
                Some(near) => msg!(pr_did_you_mean, near = near),
                None if parent_points.is_empty() => msg!(pr_no_points_to_name),
                None => msg!(pr_use_one_of, list = parent_points.join(", ")),
            };
            self.read.report(
                w.span(),
                msg!(pr_when_missing, name = w.get_ref(), fix = fix),
            );
        }
        Followup {
            when_missing: when_missing.map(Spanned::into_inner),
            prompt: self.read.text(t, "prompt").unwrap_or_default(),
            answer_seconds: self
                .read
                .integer(t, "answer_seconds", ANSWER_RANGE, false)
                .map(clamp_u32),
            points: self.points(
                t,
                msg!(pr_no_followup_points),
                "[[questions.followups.points]]",
            ),
            examples: self.examples(t, "[[questions.followups.examples]]"),
        }
    }

    pub(crate) fn timing(&mut self, t: &Tbl) -> TimingFields {
        TimingFields {
            prep_seconds: self
                .read
                .integer(t, "prep_seconds", PREP_RANGE, false)
                .map(clamp_u32),
            answer_seconds: self
                .read
                .integer(t, "answer_seconds", ANSWER_RANGE, false)
                .map(clamp_u32),
            target_chars: self.target_chars(t),
            weights: self.weights(t),
        }
    }

    fn target_chars(&mut self, t: &Tbl) -> Option<(u32, u32)> {
        let v = self.read.field(t, "target_chars", false)?;
        let shape = msg!(want_min_max);
        let items = match v.get_ref() {
            DeValue::Array(items) if items.len() == 2 => items,
            DeValue::Array(items) => {
                let message = match items.len() {
                    1 => msg!(pr_target_one, wanted = shape),
                    n => msg!(pr_target_count, wanted = shape, n = n),
                };
                self.read.report(v.span(), message);
                return None;
            }
            _ => {
                self.read.wrong_type(v, "target_chars", shape);
                return None;
            }
        };
        let min = self
            .read
            .int_value(items.first()?, "target_chars", CHARS_RANGE);
        let max = self
            .read
            .int_value(items.get(1)?, "target_chars", CHARS_RANGE);
        let (min, max) = (clamp_u32(min?), clamp_u32(max?));
        if min > max {
            self.read
                .report(v.span(), msg!(pr_target_order, min = min, max = max));
            return None;
        }
        Some((min, max))
    }

    fn weights(&mut self, t: &Tbl) -> Option<Weights> {
        let w = self.read.table(t, "weights", "`weights`")?;
        self.read.unknown_fields(&w, WEIGHT_FIELDS);
        let content = self.read.fraction(&w, "content");
        let structure = self.read.fraction(&w, "structure");
        let delivery = self.read.fraction(&w, "delivery");
        let weights = Weights {
            content: content?,
            structure: structure?,
            delivery: delivery?,
        };
        let sum = weights.content + weights.structure + weights.delivery;
        if (sum - 1.0).abs() > WEIGHT_TOLERANCE {
            let shown = (sum * 1e6).round() / 1e6;
            self.read
                .report(w.at..w.at, msg!(pr_weights_sum, sum = shown));
            return None;
        }
        Some(weights)
    }
}
