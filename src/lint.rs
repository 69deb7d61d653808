//! `mianba banks lint`: a self-check for bank authors, above both the banks and the scorer (banks
//! are data; proving a rubric is a use of scoring). Each question's rubric must reward its
//! own reference answer and reject an off-topic answer and the pasted prompt; every point must
//! be earned by the reference; no point may be earnable by words the prompt already holds.
//! Pure: banks in, failures out. Each failure says which check, the score, and what to change.

use std::fmt;

use crate::bank::{Bank, Example, Followup, Language, Point, Question};
use crate::scoring::{PointResult, PointSpec, Rubric, Scorecard, contains_phrase};

/// The reference answer must score at least this.
pub const REFERENCE_MIN: u8 = 85;
/// The off-topic answer and the pasted prompt must score at most this.
pub const OFF_TOPIC_MAX: u8 = 30;
pub const PROMPT_MAX: u8 = 30;

/// The scores a graded example (`[[questions.examples]]`) must land in, by grade: the
/// published scale (90 excellent, 75 good, 55 adequate, 30 weak) widened by one band, because
/// a panel's grade and a score are both coarse — but never letting a weak answer (grade 2)
/// pass 40 or an unacceptable one (grade 1) pass 30.
pub fn example_band(grade: u8) -> (u8, u8) {
    match grade {
        5.. => (70, 100),
        4 => (55, 100),
        3 => (30, 89),
        2 => (0, 40),
        _ => (0, 30),
    }
}

/// Scores are coarse: a better-graded example may score up to this much below a worse-graded
/// one before the two count as out of order (two unacceptable answers at 10 and 12 rank
/// alike).
pub const ORDER_SLACK: u8 = 5;

/// A paragraph about hobbies (~200 characters), in the bank's language.
pub fn off_topic_answer(lang: Language) -> &'static str {
    match lang {
        Language::Zh => {
            "我的家乡在江南的一个小镇，镇上有一条青石板老街，两边是白墙黑瓦的老房子。晚上我爱读历史小说，最近在读一本历史小说，讲的是古代一个江南小镇的故事。我还喜欢做饭，拿手菜是红烧肉和番茄炒蛋，家里人都说好吃。小镇每年春天有庙会，街上摆满了米糕、酱鸭和青团，远近的人都来赶集。镇口有一座几百年的石桥，桥下的河水很清，夏天孩子们在河边捉鱼。"
        }
        Language::En => {
            "My home town is a small place by the sea, with old stone houses along the harbour and a market every Saturday. In the evenings I read novels; at the moment I am reading a historical novel about a small fishing village. I also enjoy cooking, and my family loves my tomato soup. In summer the town fills with visitors who come for the beaches and the seafood."
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Check {
    /// The question has no reference answer to check.
    NoReference,
    /// The reference answer scores below `REFERENCE_MIN`.
    ReferenceScore,
    /// A point the reference does not earn.
    ReferencePoint,
    /// The off-topic answer scores above `OFF_TOPIC_MAX`.
    OffTopic,
    /// The pasted prompt scores above `PROMPT_MAX`.
    PromptPasted,
    /// A point phrase that already appears in the prompt.
    PhraseInPrompt,
    /// A graded example scores outside its grade's band (`example_band`).
    ExampleBand,
    /// A graded example scores below an example graded lower.
    ExampleOrder,
    /// Two points whose hint (the reference sentence that earns them) is the same sentence:
    /// a candidate who missed both is shown one sentence twice.
    SharedHint,
}

impl Check {
    pub fn name(self) -> &'static str {
        match self {
            Check::NoReference => "no-reference",
            Check::ReferenceScore => "reference-score",
            Check::ReferencePoint => "reference-point",
            Check::OffTopic => "off-topic",
            Check::PromptPasted => "prompt-pasted",
            Check::PhraseInPrompt => "phrase-in-prompt",
            Check::ExampleBand => "example-band",
            Check::ExampleOrder => "example-order",
            Check::SharedHint => "shared-hint",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct LintFailure {
    pub bank: String,
    /// `bank/question`, or `bank/question followup N` (1-based).
    pub question: String,
    #[serde(serialize_with = "check_name")]
    pub check: Check,
    /// The score the check measured, where it measured one.
    pub score: Option<u8>,
    /// What is wrong and what to change, naming points and phrases.
    pub message: String,
}

fn check_name<S: serde::Serializer>(check: &Check, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(check.name())
}

impl fmt::Display for LintFailure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.question, self.check.name())?;
        if let Some(score) = self.score {
            write!(f, " (score {score})")?;
        }
        write!(f, ": {}", self.message)
    }
}

/// How one graded example scored.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct ExampleScore {
    /// `bank/question`, or `bank/question followup N` (1-based).
    pub question: String,
    /// 1-based, in the order the bank lists the question's (or follow-up's) examples.
    pub example: usize,
    pub grade: u8,
    pub score: u8,
    /// `example_band(grade)`.
    pub band: (u8, u8),
    pub in_band: bool,
}

/// What `lint_bank` found: the failures, and every example's score.
#[derive(Debug, Default)]
pub struct LintReport {
    pub failures: Vec<LintFailure>,
    pub examples: Vec<ExampleScore>,
}

/// Every failure of every question (and follow-up) of the bank, in bank order.
pub fn lint_bank(bank: &Bank) -> LintReport {
    let mut out = Vec::new();
    let mut examples = Vec::new();
    for q in &bank.questions {
        let id = bank.full_id(q);
        let rubric = Rubric::compile(bank, q);
        {
            let mut fail = failures_of(bank, id.clone(), &mut out);
            match q.reference.as_deref() {
                Some(reference) => check_reference(&rubric, reference, &mut fail),
                None => fail(
                    Check::NoReference,
                    None,
                    "no reference answer, so the reference checks cannot run; add `reference`"
                        .into(),
                ),
            }
            check_rejections(&rubric, bank.language, &q.prompt, &mut fail);
            check_prompt_phrases(&q.points, &q.prompt, bank.language, &mut fail);
            check_hints(&rubric, &mut fail);
            let scores = check_examples(&rubric, &q.examples, &mut fail);
            examples.extend(scored(&id, &q.examples, &scores));
        }
        for (i, f) in q.followups.iter().enumerate() {
            let name = format!("{id} followup {}", i + 1);
            let mut fail = failures_of(bank, name.clone(), &mut out);
            let scores = check_followup(bank, q, f, &mut fail);
            examples.extend(scored(&name, &f.examples, &scores));
        }
    }
    LintReport {
        failures: out,
        examples,
    }
}

fn scored(question: &str, examples: &[Example], scores: &[u8]) -> Vec<ExampleScore> {
    examples
        .iter()
        .zip(scores)
        .enumerate()
        .map(|(i, (e, &score))| {
            let band = example_band(e.grade);
            ExampleScore {
                question: question.to_string(),
                example: i + 1,
                grade: e.grade,
                score,
                band,
                in_band: (band.0..=band.1).contains(&score),
            }
        })
        .collect()
}

/// Records failures of one question (or follow-up), named `question`, into `out`.
fn failures_of<'a>(
    bank: &'a Bank,
    question: String,
    out: &'a mut Vec<LintFailure>,
) -> impl FnMut(Check, Option<u8>, String) + 'a {
    move |check, score, message| {
        out.push(LintFailure {
            bank: bank.id.clone(),
            question: question.clone(),
            check,
            score,
            message,
        })
    }
}

type Fail<'a> = dyn FnMut(Check, Option<u8>, String) + 'a;

fn check_reference(rubric: &Rubric, reference: &str, fail: &mut Fail) {
    let card = rubric.score(reference, None);
    let missed: Vec<String> = card
        .points
        .iter()
        .zip(rubric.points())
        .filter(|(p, _)| !p.hit)
        .map(|(p, spec)| format!("「{}」 (any of {})", p.name, list(&spec.phrases)))
        .collect();
    if card.total < REFERENCE_MIN {
        let mut why = Vec::new();
        if !missed.is_empty() {
            why.push(format!("points not earned: {}", missed.join(", ")));
        }
        let sections: Vec<String> = card
            .sections
            .iter()
            .zip(
                rubric
                    .structure()
                    .map(|s| s.sections.as_slice())
                    .unwrap_or_default(),
            )
            .filter(|(s, _)| !s.found && !s.optional)
            .map(|(s, spec)| format!("「{}」 (cues {})", s.name, list(&spec.cues)))
            .collect();
        if !sections.is_empty() {
            why.push(format!("sections not found: {}", sections.join(", ")));
        }
        if !card.order_ok {
            why.push("sections out of order".into());
        }
        if !card.avoid.is_empty() {
            let hits: Vec<String> = card
                .avoid
                .iter()
                .map(|a| format!("「{}」", a.matched))
                .collect();
            why.push(format!("avoid phrases used: {}", hits.join(", ")));
        }
        let (lo, hi) = rubric.target_chars();
        if !(lo as usize..=hi as usize).contains(&card.chars) {
            why.push(format!(
                "{} characters, outside target_chars [{lo}, {hi}]",
                card.chars
            ));
        }
        if why.is_empty() {
            why.push(format!(
                "content {}, structure {}, delivery {}",
                card.content, card.structure, card.delivery
            ));
        }
        fail(
            Check::ReferenceScore,
            Some(card.total),
            format!(
                "the reference answer scores below {REFERENCE_MIN}: {}; widen the phrases or rewrite the reference",
                why.join("; ")
            ),
        );
    }
    for (p, spec) in card.points.iter().zip(rubric.points()) {
        if p.hit {
            continue;
        }
        let present: Vec<&String> = spec
            .phrases
            .iter()
            .filter(|ph| contains_phrase(reference, ph, rubric.language()))
            .collect();
        let detail = if present.is_empty() {
            format!("none of {} appears in it", list(&spec.phrases))
        } else {
            format!(
                "{} appears only negated or copied from the prompt",
                list(&present)
            )
        };
        fail(
            Check::ReferencePoint,
            Some(card.total),
            format!(
                "point 「{}」 is not earned by the reference: {detail}; add a phrase the reference uses, or say it in the reference",
                p.name
            ),
        );
    }
}

/// Each point's hint is a sentence of its own.
fn check_hints(rubric: &Rubric, fail: &mut Fail) {
    let points = rubric.points();
    for (i, a) in points.iter().enumerate() {
        let Some(hint) = a.hint.as_deref() else {
            continue;
        };
        if let Some(b) = points
            .get(..i)
            .unwrap_or_default()
            .iter()
            .find(|b| b.hint.as_deref() == Some(hint))
        {
            fail(
                Check::SharedHint,
                None,
                format!(
                    "points 「{}」 and 「{}」 are both earned first by the reference sentence 「{hint}」; split it into two sentences so each missed point gets its own hint",
                    b.name, a.name
                ),
            );
        }
    }
}

/// The off-topic paragraph and the pasted prompt must both score low.
fn check_rejections(rubric: &Rubric, lang: Language, prompt: &str, fail: &mut Fail) {
    let card = rubric.score(off_topic_answer(lang), None);
    if card.total > OFF_TOPIC_MAX {
        fail(
            Check::OffTopic,
            Some(card.total),
            format!(
                "an answer about hobbies scores above {OFF_TOPIC_MAX}: {}; use phrases specific to this question",
                earned(&card)
            ),
        );
    }
    let card = rubric.score(prompt, None);
    if card.total > PROMPT_MAX {
        fail(
            Check::PromptPasted,
            Some(card.total),
            format!(
                "the prompt pasted as the answer scores above {PROMPT_MAX}: {}; use phrases the prompt does not contain",
                earned(&card)
            ),
        );
    }
}

/// A point phrase the prompt already contains: copying the prompt would look like earning it.
fn check_prompt_phrases(points: &[Point], prompt: &str, lang: Language, fail: &mut Fail) {
    for p in points {
        for phrase in p.any.iter().filter(|ph| contains_phrase(prompt, ph, lang)) {
            fail(
                Check::PhraseInPrompt,
                None,
                format!(
                    "point 「{}」: phrase 「{phrase}」 is already in the prompt, so it cannot show the candidate's own idea; replace it with words the candidate must add",
                    p.name
                ),
            );
        }
    }
}

fn check_followup(bank: &Bank, q: &Question, f: &Followup, fail: &mut Fail) -> Vec<u8> {
    let rubric = Rubric::for_followup(bank, q, f);
    check_rejections(&rubric, bank.language, &f.prompt, fail);
    check_prompt_phrases(&f.points, &f.prompt, bank.language, fail);
    check_examples(&rubric, &f.examples, fail)
}

/// Each graded example must land in its grade's band, and a better-graded example must never
/// score below a worse-graded one. A miss names the example, its score, the band and what in
/// the rubric caused it. Returns each example's score.
fn check_examples(rubric: &Rubric, examples: &[Example], fail: &mut Fail) -> Vec<u8> {
    let cards: Vec<Scorecard> = examples
        .iter()
        .map(|e| rubric.score(&e.text, None))
        .collect();
    for (i, (e, card)) in examples.iter().zip(&cards).enumerate() {
        let (lo, hi) = example_band(e.grade);
        if (lo..=hi).contains(&card.total) {
            continue;
        }
        let why = if card.total < lo {
            too_low(rubric, card)
        } else {
            too_high(card)
        };
        fail(
            Check::ExampleBand,
            Some(card.total),
            format!(
                "{} scores {}, outside [{lo}, {hi}] for grade {}: {why}",
                example_name(i, e),
                card.total,
                e.grade
            ),
        );
    }
    for (i, (better, better_card)) in examples.iter().zip(&cards).enumerate() {
        for (j, (worse, worse_card)) in examples.iter().zip(&cards).enumerate() {
            if better.grade > worse.grade
                && better_card.total.saturating_add(ORDER_SLACK) < worse_card.total
            {
                fail(
                    Check::ExampleOrder,
                    Some(better_card.total),
                    format!(
                        "{} scores {} but {} scores {}: {}; the worse answer: {}",
                        example_name(i, better),
                        better_card.total,
                        example_name(j, worse),
                        worse_card.total,
                        too_low(rubric, better_card),
                        too_high(worse_card)
                    ),
                );
            }
        }
    }
    cards.iter().map(|c| c.total).collect()
}

fn example_name(i: usize, e: &Example) -> String {
    let start: String = e.text.chars().take(16).collect();
    let more = if e.text.chars().count() > 16 {
        "…"
    } else {
        ""
    };
    format!("example {} (grade {}, 「{start}{more}」)", i + 1, e.grade)
}

/// Why an answer scored too little: the heaviest points it missed (with what would have
/// earned them), then the flags and caps that cut it.
fn too_low(rubric: &Rubric, card: &Scorecard) -> String {
    let mut missed: Vec<(&PointResult, &PointSpec)> = card
        .points
        .iter()
        .zip(rubric.points())
        .filter(|(p, _)| !p.hit || p.partial)
        .collect();
    missed.sort_by_key(|(p, _)| std::cmp::Reverse((p.required, p.weight)));
    let why: Vec<String> = missed
        .iter()
        .take(3)
        .map(|(p, spec)| {
            let kind = if p.required {
                "required point"
            } else {
                "point"
            };
            let how = if p.partial { "only claimed" } else { "missed" };
            let mut concepts: Vec<&str> = spec.earns.iter().filter_map(|e| e.concept).collect();
            concepts.dedup();
            let concepts = if concepts.is_empty() {
                String::new()
            } else {
                format!(", concepts {}", concepts.join(" "))
            };
            format!(
                "{how} {kind} 「{}」 (weight {}; phrases {}{concepts})",
                p.name,
                p.weight,
                list(&spec.phrases)
            )
        })
        .collect();
    with_flags(why, card, "")
}

/// Why an answer scored too much: the words that earned its heaviest points.
fn too_high(card: &Scorecard) -> String {
    let mut earned: Vec<&PointResult> = card.points.iter().filter(|p| p.hit).collect();
    earned.sort_by_key(|p| std::cmp::Reverse((p.required, p.weight)));
    let why: Vec<String> = earned
        .iter()
        .take(3)
        .map(|p| {
            let by = match &p.concept {
                Some(c) => format!("「{}」 (concept {c})", p.matched.as_deref().unwrap_or("")),
                None => format!("「{}」", p.matched.as_deref().unwrap_or("")),
            };
            format!("point 「{}」 earned by {by}", p.name)
        })
        .collect();
    with_flags(why, card, "no point earned, but ")
}

/// The reasons, then the card's flags; the three dimensions (after `lead`) when there is
/// nothing else to say.
fn with_flags(mut why: Vec<String>, card: &Scorecard, lead: &str) -> String {
    why.extend(flag_names(card));
    if why.is_empty() {
        why.push(format!(
            "{lead}content {}, structure {}, delivery {}",
            card.content, card.structure, card.delivery
        ));
    }
    why.join("; ")
}

fn flag_names(card: &Scorecard) -> impl Iterator<Item = String> + '_ {
    card.flags.iter().map(|f| {
        let name = serde_json::to_value(f)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default();
        format!("flagged {name}")
    })
}

/// What made a card score: its earned points, sections and why nothing was flagged.
fn earned(card: &Scorecard) -> String {
    let points: Vec<String> = card
        .points
        .iter()
        .filter(|p| p.hit)
        .map(|p| {
            format!(
                "「{}」 by 「{}」",
                p.name,
                p.matched.as_deref().unwrap_or("")
            )
        })
        .collect();
    if points.is_empty() {
        format!(
            "no point earned, but content {} structure {} delivery {}",
            card.content, card.structure, card.delivery
        )
    } else {
        format!("it earns {}", points.join(", "))
    }
}

fn list<S: AsRef<str>>(items: &[S]) -> String {
    items
        .iter()
        .map(|s| format!("「{}」", s.as_ref()))
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bank::Source;
    use crate::bank::figure::FolderFigures;
    use crate::bank::load::parse_bank;

    const BANK: &str = r#"
schema = 1
[bank]
id = "lint-test"
title = "t"
language = "zh"
[defaults]
target_chars = [20, 300]
[[questions]]
id = "good"
category = "complaint"
prompt = "顾客收到的商品有破损，你会怎么处理？"
reference = "首先向顾客道歉。然后请顾客拍照留证。核实后马上补发一件新的，最后跟进物流，确认顾客收到。总之要让顾客放心。"
  [[questions.points]]
  name = "致歉"
  any = ["道歉", "抱歉"]
  [[questions.points]]
  name = "留证"
  any = ["拍照", "照片"]
  [[questions.points]]
  name = "补发"
  any = ["补发", "重新发"]
[[questions]]
id = "bad"
category = "complaint"
prompt = "顾客收到的商品有破损，你会怎么处理？"
reference = "我会道歉。"
  [[questions.points]]
  name = "致歉"
  any = ["道歉"]
  [[questions.points]]
  name = "处理"
  any = ["处理", "破损"]
  [[questions.points]]
  name = "赔偿"
  any = ["赔偿"]
"#;

    fn bank() -> Bank {
        parse_bank(
            BANK,
            "t.toml",
            Source::File("t.toml".into()),
            &FolderFigures::new("."),
        )
        .unwrap()
    }

    #[test]
    fn a_sound_question_passes() {
        let failures = lint_bank(&bank()).failures;
        let good: Vec<_> = failures
            .iter()
            .filter(|f| f.question.ends_with("/good"))
            .collect();
        assert!(good.is_empty(), "{good:#?}");
    }

    #[test]
    fn a_weak_rubric_fails_the_right_checks_with_actionable_messages() {
        let failures = lint_bank(&bank()).failures;
        let bad: Vec<_> = failures
            .iter()
            .filter(|f| f.question == "lint-test/bad")
            .collect();
        let checks: Vec<Check> = bad.iter().map(|f| f.check).collect();
        assert!(checks.contains(&Check::ReferenceScore), "{bad:#?}");
        assert!(checks.contains(&Check::ReferencePoint));
        assert!(checks.contains(&Check::PhraseInPrompt));
        let score = bad
            .iter()
            .find(|f| f.check == Check::ReferenceScore)
            .unwrap();
        assert!(score.score.unwrap() < REFERENCE_MIN);
        assert!(score.message.contains("「赔偿」"), "{}", score.message);
        let in_prompt: Vec<_> = bad
            .iter()
            .filter(|f| f.check == Check::PhraseInPrompt)
            .collect();
        assert_eq!(in_prompt.len(), 2, "处理 and 破损 are both in the prompt");
        assert!(in_prompt.iter().any(|f| f.message.contains("「破损」")));
        let line = score.to_string();
        assert!(
            line.starts_with("lint-test/bad: reference-score (score "),
            "{line}"
        );
    }

    #[test]
    fn graded_examples_out_of_their_band_or_order_are_named_with_the_cause() {
        let text = BANK.replace(
            r#"  [[questions.points]]
  name = "补发"
  any = ["补发", "重新发"]"#,
            r#"  [[questions.points]]
  name = "补发"
  any = ["补发", "重新发"]
  [[questions.examples]]
  grade = 5
  text = "我会处理好的。"
  [[questions.examples]]
  grade = 2
  text = "先向顾客道歉，请顾客拍照留证，核实后马上补发一件新的，再跟进物流。"
  [[questions.examples]]
  grade = 4
  text = "先向顾客道歉，然后请顾客拍照留证，核实后马上补发一件新的，最后跟进物流。"
"#,
        );
        let bank = parse_bank(
            &text,
            "t.toml",
            Source::File("t.toml".into()),
            &FolderFigures::new("."),
        )
        .unwrap();
        let report = lint_bank(&bank);
        let good: Vec<_> = report
            .failures
            .iter()
            .filter(|f| f.question == "lint-test/good")
            .collect();
        let band: Vec<_> = good
            .iter()
            .filter(|f| f.check == Check::ExampleBand)
            .collect();
        // The empty 5 is too low (and names the points it missed); the full 2 is too high
        // (and names the words that earned its points); the 4 is in its band.
        assert_eq!(band.len(), 2, "{good:#?}");
        assert!(band.iter().any(|f| f.message.contains("example 1 (grade 5")
            && f.message.contains("missed")
            && f.message.contains("「致歉」")));
        assert!(band.iter().any(|f| f.message.contains("example 2 (grade 2")
            && f.message.contains("earned by 「道歉」")));
        assert!(good.iter().any(|f| f.check == Check::ExampleOrder));
        let scores: Vec<(usize, u8, bool)> = report
            .examples
            .iter()
            .filter(|e| e.question == "lint-test/good")
            .map(|e| (e.example, e.grade, e.in_band))
            .collect();
        assert_eq!(scores, [(1, 5, false), (2, 2, false), (3, 4, true)]);
    }

    #[test]
    fn off_topic_answers_are_about_two_hundred_characters() {
        for lang in [Language::Zh, Language::En] {
            let n = off_topic_answer(lang)
                .chars()
                .filter(|c| !c.is_whitespace())
                .count();
            assert!((150..=400).contains(&n), "{n}");
        }
    }
}
