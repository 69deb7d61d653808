//! A realistic store for review tests and benchmarks: sessions of 3–5 answers to the bundled
//! questions, each answer really scored by today's rubric (a few prepared answers per
//! question, from its reference answer cut to different lengths), some follow-ups and
//! retries, in the three modes.
#![allow(dead_code)]

use mianba::bank::BankSet;
use mianba::scoring::{Rubric, Scorecard};
use mianba::session::Mode;
use mianba::store::{AnswerId, NewAnswer, NewSession, SessionId, Store};
use rand::rngs::StdRng;
use rand::{RngExt, SeedableRng};

/// One question with its prepared answers and their cards.
pub struct Prepared {
    pub full_id: String,
    pub bank_id: String,
    pub category: String,
    pub prompt: String,
    /// (answer text, card), best first.
    pub answers: Vec<(String, Scorecard)>,
    /// The first follow-up's prompt and a scored answer to it, when the question has one.
    pub followup: Option<(String, String, Scorecard)>,
    /// The card of a spoken answer that ticked every other point.
    pub spoken: Scorecard,
}

pub struct Fixture {
    pub banks: BankSet,
    pub questions: Vec<Prepared>,
}

impl Fixture {
    /// The bundled banks, every question with a reference answer prepared.
    pub fn bundled() -> Fixture {
        let banks = BankSet::bundled();
        let mut questions = Vec::new();
        for bank in &banks.banks {
            for q in &bank.questions {
                let Some(reference) = q.reference.as_deref() else {
                    continue;
                };
                let rubric = Rubric::compile(bank, q);
                let chars: Vec<char> = reference.chars().collect();
                let cut = |n: usize| chars[..chars.len() * n / 4].iter().collect::<String>();
                let answers = [cut(4), cut(2), cut(1)]
                    .into_iter()
                    .map(|text| {
                        let card = rubric.score(&text, Some(120));
                        (text, card)
                    })
                    .collect();
                let followup = q.followups.first().map(|f| {
                    let text = format!("{}。我会先道歉，再核实情况，给出方案并跟进。", f.prompt);
                    let card = Rubric::for_followup(bank, q, f).score(&text, Some(40));
                    (f.prompt.clone(), text, card)
                });
                let ticks: Vec<bool> = (0..rubric.points().len()).map(|i| i % 2 == 0).collect();
                let sections = vec![true; rubric.section_names().len()];
                questions.push(Prepared {
                    full_id: bank.full_id(q),
                    bank_id: bank.id.clone(),
                    category: q.category.clone(),
                    prompt: q.prompt.clone(),
                    answers,
                    followup,
                    spoken: rubric.score_checklist(&ticks, &sections, Some(150)),
                });
            }
        }
        Fixture { banks, questions }
    }

    /// Saves `sessions` sessions, one every six hours ending at `end`, drawn with `seed`.
    /// Returns the session ids, oldest first.
    pub fn fill(&self, store: &Store, sessions: usize, seed: u64, end: i64) -> Vec<SessionId> {
        let mut rng = StdRng::seed_from_u64(seed);
        let mut ids = Vec::with_capacity(sessions);
        for n in 0..sessions {
            let started_at = end - (sessions - n) as i64 * 6 * 3600;
            let mode = Mode::ALL[rng.random_range(0..Mode::ALL.len())];
            let count = rng.random_range(3..=5);
            let picks: Vec<&Prepared> = (0..count)
                .map(|_| &self.questions[rng.random_range(0..self.questions.len())])
                .collect();
            let mut banks: Vec<String> = picks.iter().map(|p| p.bank_id.clone()).collect();
            banks.sort();
            banks.dedup();
            // Every fourth session is a drill of due questions.
            let preset = (n % 4 == 3).then(|| mianba::review::drill::DUE_PRESET.to_string());
            let id = store
                .create_session(&NewSession {
                    started_at,
                    mode,
                    preset,
                    seed: rng.random_range(0..u64::MAX),
                    banks,
                    lang: "zh".into(),
                })
                .unwrap();
            let mut at = started_at;
            for p in picks {
                at += 200;
                let (text, card) = match mode {
                    Mode::Spoken => (String::new(), &p.spoken),
                    _ => {
                        let (t, c) = &p.answers[rng.random_range(0..p.answers.len())];
                        (t.clone(), c)
                    }
                };
                let main = save(store, id, p, None, &text, card, mode, at, 1);
                if mode == Mode::Practice && rng.random_range(0..4) == 0 {
                    let (t, c) = &p.answers[0];
                    save(store, id, p, None, t, c, mode, at + 100, 2);
                }
                if let (Some((prompt, t, c)), true) = (&p.followup, mode != Mode::Spoken) {
                    let f = NewAnswer {
                        parent: Some(main),
                        followup: Some(0),
                        prompt,
                        ..new_answer(id, p, t, c, mode, at + 60, 1)
                    };
                    store.save_answer(&f).unwrap();
                }
            }
            store.finish_session(id, at + 30).unwrap();
            ids.push(id);
        }
        ids
    }
}

#[allow(clippy::too_many_arguments)]
fn save(
    store: &Store,
    session: SessionId,
    p: &Prepared,
    parent: Option<AnswerId>,
    text: &str,
    card: &Scorecard,
    mode: Mode,
    at: i64,
    attempt: u32,
) -> AnswerId {
    let a = NewAnswer {
        parent,
        ..new_answer(session, p, text, card, mode, at, attempt)
    };
    store.save_answer(&a).unwrap()
}

pub fn new_answer<'a>(
    session_id: SessionId,
    p: &'a Prepared,
    answer_text: &'a str,
    scorecard: &'a Scorecard,
    mode: Mode,
    created_at: i64,
    attempt: u32,
) -> NewAnswer<'a> {
    NewAnswer {
        session_id,
        parent: None,
        question_id: &p.full_id,
        followup: None,
        bank_id: &p.bank_id,
        category: &p.category,
        prompt: &p.prompt,
        answer_text,
        seconds_used: scorecard.seconds.unwrap_or(100),
        attempt,
        scorecard,
        mode,
        created_at,
    }
}
