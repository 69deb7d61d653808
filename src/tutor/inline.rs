//! `set new --inline`: bank questions written into the set file itself, in the bank format
//! (`docs/sets.md`, inline questions), so the set alone is enough to take it — a candidate
//! without the tutor's imported bank can sit it. Each question carries its bank's merged
//! timing, and the structures it names come along.

use toml::{Table, Value};

use crate::bank::{Bank, Example, Language, Point, Question};
use crate::i18n::{Lang, fill};

/// What the set's `[set]` table and body need: the language of the inline questions, and the
/// `[[structures]]` and `[[questions]]` as TOML. Refused, with the reason, when the questions
/// cannot live in one set: two languages, a figure (a file beside its bank), or two questions
/// or structures of one id.
pub fn inline_questions(chosen: &[(&Bank, &Question)]) -> Result<(Language, String), InlineError> {
    let Some((first, _)) = chosen.first() else {
        return Err(InlineError::NoQuestion);
    };
    let language = first.language;
    let mut structures: Vec<Value> = Vec::new();
    let mut ids: Vec<&str> = Vec::new();
    let mut questions: Vec<Value> = Vec::new();
    for (bank, q) in chosen {
        let full = bank.full_id(q);
        if bank.language != language {
            return Err(InlineError::TwoLanguages {
                question: full,
                first: first.full_id(chosen[0].1),
            });
        }
        if q.figure.is_some() {
            return Err(InlineError::Figure { question: full });
        }
        if ids.contains(&q.id.as_str()) {
            return Err(InlineError::SameId { id: q.id.clone() });
        }
        ids.push(&q.id);
        if let Some(s) = q.structure.as_deref().and_then(|id| bank.structure(id)) {
            let table = structure(s);
            match structures.iter().find(|t| t.get("id") == table.get("id")) {
                Some(t) if *t != table => {
                    return Err(InlineError::SameStructure { id: s.id.clone() });
                }
                Some(_) => {}
                None => structures.push(table),
            }
        }
        questions.push(question(bank, q));
    }
    let mut doc = Table::new();
    if !structures.is_empty() {
        doc.insert("structures".into(), Value::Array(structures));
    }
    doc.insert("questions".into(), Value::Array(questions));
    toml::to_string(&doc)
        .map(|text| (language, text))
        .map_err(|e| InlineError::Toml(e.to_string()))
}

/// Why the chosen questions cannot be written into one set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InlineError {
    NoQuestion,
    TwoLanguages {
        question: String,
        first: String,
    },
    /// A figure is a file beside its bank, which the set cannot carry.
    Figure {
        question: String,
    },
    SameId {
        id: String,
    },
    SameStructure {
        id: String,
    },
    /// The questions could not be written as TOML (not expected: they were read from it).
    Toml(String),
}

impl InlineError {
    /// The reason in `lang` (`Display` is the English one).
    pub fn message(&self, lang: Lang) -> String {
        let ui = lang.ui();
        match self {
            InlineError::NoQuestion => ui.inline_no_question.to_string(),
            InlineError::TwoLanguages { question, first } => fill(
                ui.inline_two_languages,
                &[("question", question), ("first", first)],
            ),
            InlineError::Figure { question } => fill(ui.inline_figure, &[("question", question)]),
            InlineError::SameId { id } => fill(ui.inline_same_id, &[("id", id)]),
            InlineError::SameStructure { id } => fill(ui.inline_same_structure, &[("id", id)]),
            InlineError::Toml(why) => why.clone(),
        }
    }
}

impl std::fmt::Display for InlineError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

fn strings(items: &[String]) -> Value {
    Value::Array(items.iter().cloned().map(Value::String).collect())
}

fn put(t: &mut Table, key: &str, value: impl Into<Value>) {
    t.insert(key.into(), value.into());
}

fn structure(s: &crate::bank::Structure) -> Value {
    let mut t = Table::new();
    put(&mut t, "id", s.id.clone());
    put(&mut t, "name", s.name.clone());
    put(&mut t, "ordered", s.ordered);
    let sections = s
        .sections
        .iter()
        .map(|sec| {
            let mut x = Table::new();
            put(&mut x, "name", sec.name.clone());
            x.insert("cues".into(), strings(&sec.cues));
            if sec.optional {
                put(&mut x, "optional", true);
            }
            Value::Table(x)
        })
        .collect();
    t.insert("sections".into(), Value::Array(sections));
    Value::Table(t)
}

fn points(list: &[Point]) -> Value {
    Value::Array(
        list.iter()
            .map(|p| {
                let mut t = Table::new();
                put(&mut t, "name", p.name.clone());
                t.insert("any".into(), strings(&p.any));
                if !p.concepts.is_empty() {
                    t.insert("concepts".into(), strings(&p.concepts));
                }
                put(&mut t, "weight", i64::from(p.weight));
                put(&mut t, "required", p.required);
                Value::Table(t)
            })
            .collect(),
    )
}

fn examples(list: &[Example]) -> Value {
    Value::Array(
        list.iter()
            .map(|e| {
                let mut t = Table::new();
                put(&mut t, "grade", i64::from(e.grade));
                put(&mut t, "text", e.text.clone());
                if let Some(n) = &e.note {
                    put(&mut t, "note", n.clone());
                }
                Value::Table(t)
            })
            .collect(),
    )
}

/// A question with its bank's timing written out (the set's own defaults may differ).
fn question(bank: &Bank, q: &Question) -> Value {
    let timing = bank.timing(q);
    let mut t = Table::new();
    put(&mut t, "id", q.id.clone());
    put(&mut t, "category", q.category.clone());
    put(&mut t, "difficulty", i64::from(q.difficulty));
    put(&mut t, "prompt", q.prompt.clone());
    if let Some(s) = &q.structure {
        put(&mut t, "structure", s.clone());
    }
    if let Some(r) = &q.reference {
        put(&mut t, "reference", r.clone());
    }
    if !q.tips.is_empty() {
        t.insert("tips".into(), strings(&q.tips));
    }
    put(&mut t, "prep_seconds", i64::from(timing.prep_seconds));
    put(&mut t, "answer_seconds", i64::from(timing.answer_seconds));
    let (lo, hi) = timing.target_chars;
    t.insert(
        "target_chars".into(),
        Value::Array(vec![i64::from(lo).into(), i64::from(hi).into()]),
    );
    let mut w = Table::new();
    put(&mut w, "content", timing.weights.content);
    put(&mut w, "structure", timing.weights.structure);
    put(&mut w, "delivery", timing.weights.delivery);
    t.insert("weights".into(), Value::Table(w));
    t.insert("points".into(), points(&q.points));
    if !q.avoid.is_empty() {
        let avoid = q
            .avoid
            .iter()
            .map(|a| {
                let mut x = Table::new();
                x.insert("any".into(), strings(&a.any));
                put(&mut x, "penalty", i64::from(a.penalty));
                put(&mut x, "why", a.why.clone());
                Value::Table(x)
            })
            .collect();
        t.insert("avoid".into(), Value::Array(avoid));
    }
    if !q.followups.is_empty() {
        let followups = q
            .followups
            .iter()
            .map(|f| {
                let mut x = Table::new();
                if let Some(w) = &f.when_missing {
                    put(&mut x, "when_missing", w.clone());
                }
                put(&mut x, "prompt", f.prompt.clone());
                if let Some(s) = f.answer_seconds {
                    put(&mut x, "answer_seconds", i64::from(s));
                }
                x.insert("points".into(), points(&f.points));
                if !f.examples.is_empty() {
                    x.insert("examples".into(), examples(&f.examples));
                }
                Value::Table(x)
            })
            .collect();
        t.insert("followups".into(), Value::Array(followups));
    }
    if !q.examples.is_empty() {
        t.insert("examples".into(), examples(&q.examples));
    }
    Value::Table(t)
}
