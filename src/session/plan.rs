//! Interview plans: which questions, in which order, with how much thinking time. Drawn from
//! the loaded banks with a seeded generator, so the same seed always gives the same interview.

use rand::SeedableRng;
use rand::seq::SliceRandom;
use rand_chacha::ChaCha8Rng;
use serde::{Deserialize, Serialize};

use crate::bank::{Bank, BankSet, Language, Question};
use crate::text::sanitize_line;

/// The generator of every seeded draw (plans, presets, sets). ChaCha8's output for a seed is
/// fixed by `rand_chacha`'s contract, so a tutor and a class on different mianba versions get
/// the same questions for the same seed; rand's `StdRng` makes no such promise.
pub fn seeded(seed: u64) -> ChaCha8Rng {
    ChaCha8Rng::seed_from_u64(seed)
}

/// Questions in a drawn interview when the candidate does not say (`practice --count`, the
/// home screen).
pub const DEFAULT_COUNT: usize = 3;

/// One question of a plan, by id.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct QuestionRef {
    pub bank: String,
    /// The question's id within its bank.
    pub question: String,
}

impl QuestionRef {
    /// `bank/question`, the id used everywhere else.
    pub fn full_id(&self) -> String {
        format!("{}/{}", self.bank, self.question)
    }
}

/// When the candidate gets to think.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Thinking {
    /// Before each question, as long as its bank says (`prep_seconds`, 0 = none).
    PerQuestion,
    /// One block before the first question, with every prompt visible (the civil-service
    /// format: the candidate reads all the questions, thinks, then answers them in a row).
    Block { seconds: u32 },
}

/// An interview plan: the ordered questions and the timing rules to ask them with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Plan {
    pub questions: Vec<QuestionRef>,
    pub thinking: Thinking,
    /// Overrides every question's answer limit (a preset's fixed time), else the bank's.
    pub answer_seconds: Option<u32>,
    /// The seed the questions were drawn with.
    pub seed: u64,
    /// The preset's id, when one was used (`civil-service`).
    pub preset: Option<String>,
    /// Bank ids the draw was limited to (empty = all banks).
    pub banks: Vec<String>,
}

impl Plan {
    /// A plan of exactly these questions, in this order (an assignment set, a drill).
    pub fn fixed(questions: Vec<QuestionRef>) -> Plan {
        Plan {
            questions,
            thinking: Thinking::PerQuestion,
            answer_seconds: None,
            seed: 0,
            preset: None,
            banks: Vec::new(),
        }
    }
}

/// What to draw. Empty `banks` or `categories` mean "all of them".
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PlanRequest {
    pub banks: Vec<String>,
    pub categories: Vec<String>,
    /// Only questions of exactly this difficulty (1..=3).
    pub difficulty: Option<u8>,
    /// How many questions (at least one is drawn); more than there are gives all of them.
    pub count: usize,
    pub seed: u64,
}

/// Why a plan cannot be drawn. Each names what was asked and what is available (the names
/// come from bank and set files, so they are cleaned of control characters when shown).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PlanError {
    #[error("unknown bank {id:?}; the loaded banks are: {}", sanitize_line(&valid.join(", ")))]
    UnknownBank { id: String, valid: Vec<String> },
    #[error("unknown category {name:?}; the chosen banks have: {}", sanitize_line(&valid.join(", ")))]
    UnknownCategory { name: String, valid: Vec<String> },
    #[error("difficulty {0} is out of range; use 1 (easy), 2 or 3 (hard)")]
    BadDifficulty(u8),
    #[error("no question matches the chosen banks, categories and difficulty")]
    NoQuestions,
    #[error("question {} is not in any loaded bank", sanitize_line(.0))]
    UnknownQuestion(String),
}

impl PlanError {
    /// The message in the UI language (`Display` is the English one).
    pub fn message(&self, lang: crate::i18n::Lang) -> String {
        use crate::i18n::fill;
        let ui = lang.ui();
        let list = |v: &[String]| sanitize_line(&v.join(", "));
        match self {
            PlanError::UnknownBank { id, valid } => fill(
                ui.err_plan_bank,
                &[("id", &format!("{id:?}")), ("valid", &list(valid))],
            ),
            PlanError::UnknownCategory { name, valid } => fill(
                ui.err_plan_category,
                &[("name", &format!("{name:?}")), ("valid", &list(valid))],
            ),
            PlanError::BadDifficulty(n) => fill(ui.err_plan_difficulty, &[("n", n)]),
            PlanError::NoQuestions => ui.err_plan_empty.to_string(),
            PlanError::UnknownQuestion(id) => {
                fill(ui.err_plan_question, &[("id", &sanitize_line(id))])
            }
        }
    }
}

impl PlanRequest {
    /// Draws the plan: the matching questions in bank order, shuffled by `seed`, the first
    /// `count` kept (answer time and thinking from each question's bank).
    pub fn draw(&self, set: &BankSet) -> Result<Plan, PlanError> {
        let pool = candidates(set, &self.banks, &self.categories, self.difficulty)?;
        if pool.is_empty() {
            return Err(PlanError::NoQuestions);
        }
        let mut questions = pool;
        questions.shuffle(&mut seeded(self.seed));
        questions.truncate(self.count.max(1));
        Ok(Plan {
            questions,
            thinking: Thinking::PerQuestion,
            answer_seconds: None,
            seed: self.seed,
            preset: None,
            banks: self.banks.clone(),
        })
    }
}

/// A named interview format.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Preset {
    pub id: &'static str,
    /// One question of each of these categories, in this order.
    pub categories: &'static [&'static str],
    pub thinking: Thinking,
    pub answer_seconds: u32,
}

/// The civil-service structured interview (结构化面试): four questions — structured, smart
/// service, role, stress — read together in one thinking block (a minute a question), then
/// answered in a row at about two and a half minutes each: fourteen minutes in all.
pub fn civil_service() -> Preset {
    Preset {
        id: "civil-service",
        categories: &["structured", "smart-service", "role", "stress"],
        thinking: Thinking::Block { seconds: 240 },
        answer_seconds: 150,
    }
}

impl Preset {
    /// Draws as `draw` does, but when no banks are chosen, only from the banks written in
    /// `lang` (the UI's language), or in Chinese when no bank is in `lang`: a preset drawing
    /// from every bank would mix languages in one sitting.
    pub fn draw_in(
        &self,
        set: &BankSet,
        banks: &[String],
        lang: Language,
        seed: u64,
    ) -> Result<Plan, PlanError> {
        if !banks.is_empty() {
            return self.draw(set, banks, seed);
        }
        let of = |l: Language| -> Vec<String> {
            set.banks
                .iter()
                .filter(|b| b.language == l)
                .map(|b| b.id.clone())
                .collect()
        };
        let mut chosen = of(lang);
        if chosen.is_empty() {
            chosen = of(Language::Zh);
        }
        self.draw(set, &chosen, seed)
    }

    /// Draws one question of each category from `banks` (empty = all). A category the banks
    /// lack is filled from the preset's other categories, so the format keeps its length.
    pub fn draw(&self, set: &BankSet, banks: &[String], seed: u64) -> Result<Plan, PlanError> {
        let pool = candidates(set, banks, &[], None)?;
        let mut rng = seeded(seed);
        let mut by_category: Vec<Vec<QuestionRef>> = self
            .categories
            .iter()
            .map(|c| {
                let mut qs: Vec<QuestionRef> = pool
                    .iter()
                    .filter(|r| category_of(set, r) == Some(*c))
                    .cloned()
                    .collect();
                qs.shuffle(&mut rng);
                qs
            })
            .collect();
        let mut questions: Vec<QuestionRef> =
            by_category.iter_mut().filter_map(|qs| qs.pop()).collect();
        let mut rest: Vec<QuestionRef> = by_category.into_iter().flatten().collect();
        rest.shuffle(&mut rng);
        while questions.len() < self.categories.len() {
            let Some(q) = rest.pop() else { break };
            questions.push(q);
        }
        if questions.is_empty() {
            return Err(PlanError::NoQuestions);
        }
        Ok(Plan {
            questions,
            thinking: self.thinking,
            answer_seconds: Some(self.answer_seconds),
            seed,
            preset: Some(self.id.to_string()),
            banks: banks.to_vec(),
        })
    }
}

/// Finds a plan's question in the loaded banks.
pub fn resolve<'a>(
    set: &'a BankSet,
    r: &QuestionRef,
) -> Result<(&'a Bank, &'a Question), PlanError> {
    set.get(&r.bank)
        .and_then(|b| b.question(&r.question).map(|q| (b, q)))
        .ok_or_else(|| PlanError::UnknownQuestion(r.full_id()))
}

fn category_of<'a>(set: &'a BankSet, r: &QuestionRef) -> Option<&'a str> {
    resolve(set, r).ok().map(|(_, q)| q.category.as_str())
}

/// Every question passing the filters, in bank order then question order (the order the
/// shuffle starts from, so it must not depend on anything but the banks themselves).
fn candidates(
    set: &BankSet,
    banks: &[String],
    categories: &[String],
    difficulty: Option<u8>,
) -> Result<Vec<QuestionRef>, PlanError> {
    if let Some(d) = difficulty.filter(|d| !(1..=3).contains(d)) {
        return Err(PlanError::BadDifficulty(d));
    }
    if let Some(id) = banks.iter().find(|id| set.get(id).is_none()) {
        return Err(PlanError::UnknownBank {
            id: id.clone(),
            valid: set.banks.iter().map(|b| b.id.clone()).collect(),
        });
    }
    let chosen: Vec<&Bank> = set
        .banks
        .iter()
        .filter(|b| banks.is_empty() || banks.contains(&b.id))
        .collect();
    let mut known: Vec<String> = chosen
        .iter()
        .flat_map(|b| b.questions.iter().map(|q| q.category.clone()))
        .collect();
    known.sort();
    known.dedup();
    if let Some(name) = categories.iter().find(|c| !known.contains(c)) {
        return Err(PlanError::UnknownCategory {
            name: name.clone(),
            valid: known,
        });
    }
    Ok(chosen
        .iter()
        .flat_map(|b| {
            b.questions
                .iter()
                .filter(|q| categories.is_empty() || categories.contains(&q.category))
                .filter(|q| difficulty.is_none_or(|d| q.difficulty == d))
                .map(|q| QuestionRef {
                    bank: b.id.clone(),
                    question: q.id.clone(),
                })
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The bundled banks: zh and en ones, both with civil-service categories.
    fn languages_drawn(lang: Language, banks: &[String]) -> Vec<Language> {
        let set = BankSet::bundled();
        let mut langs: Vec<Language> = (0..20)
            .flat_map(|seed| {
                let plan = civil_service().draw_in(&set, banks, lang, seed).unwrap();
                plan.questions
                    .iter()
                    .map(|r| resolve(&set, r).unwrap().0.language)
                    .collect::<Vec<_>>()
            })
            .collect();
        langs.sort_by_key(|l| *l == Language::En);
        langs.dedup();
        langs
    }

    #[test]
    fn names_from_files_in_plan_errors_are_cleaned() {
        let evil = "x\u{1b}]0;pwned\u{7}y".to_string();
        for e in [
            PlanError::UnknownCategory {
                name: "nope".into(),
                valid: vec![evil.clone()],
            },
            PlanError::UnknownBank {
                id: "nope".into(),
                valid: vec![evil.clone()],
            },
            PlanError::UnknownQuestion(evil.clone()),
        ] {
            let shown = e.to_string();
            assert!(shown.contains("x]0;pwnedy"), "{shown}");
            assert!(!shown.chars().any(char::is_control), "{shown:?}");
        }
    }

    #[test]
    fn civil_service_keeps_to_the_ui_language_unless_banks_are_chosen() {
        let set = BankSet::bundled();
        assert!(set.banks.iter().any(|b| b.language == Language::En));
        assert_eq!(languages_drawn(Language::Zh, &[]), vec![Language::Zh]);
        assert_eq!(languages_drawn(Language::En, &[]), vec![Language::En]);
        // Chosen banks are taken as chosen, whatever their language.
        let en: Vec<String> = set
            .banks
            .iter()
            .filter(|b| b.language == Language::En)
            .map(|b| b.id.clone())
            .collect();
        assert_eq!(languages_drawn(Language::Zh, &en), vec![Language::En]);
    }
}
