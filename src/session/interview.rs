//! The interview as the app runs it: which question is asked, its thinking time and answer
//! clock, scoring each answer, follow-ups whose point was missed, retries, and the end.
//!
//! Pure state: no terminal, and time only as the `now` the caller passes in (from a `Clock`),
//! so every timer is tested with a `FakeClock`.
//!
//! Phases of each question: `Prep` (skippable) → `Answer` → (spoken: `Checklist`) →
//! `Review` (practice and spoken show the scorecard; exam moves straight on) → its
//! follow-ups, each with its own answer phase → the next question → `Finished`.

use std::time::Duration;

use crate::bank::{Bank, BankSet, Example, Language, Question};
use crate::scoring::{Rubric, Scorecard};
use crate::session::{Mode, Plan, PlanError, Thinking};

/// The answer clock warns when this many seconds are left (each once).
pub const WARN_AT: [u64; 2] = [30, 10];

/// One thing asked: a main question or one of its follow-ups.
#[derive(Debug, Clone)]
pub struct Asked {
    pub bank_id: String,
    /// Full id `bank/question` (a follow-up carries its parent's).
    pub question_id: String,
    pub category: String,
    /// The follow-up's index in the question's `followups`, for a follow-up.
    pub followup: Option<usize>,
    pub prompt: String,
    /// The bank's language (how the prompt is read aloud).
    pub language: Language,
    /// The figure's text (sanitised at load), main questions only.
    pub figure: Option<String>,
    pub tips: Vec<String>,
    pub reference: Option<String>,
    /// The graded example answers, shown after the candidate's own answer.
    pub examples: Vec<Example>,
    pub rubric: Rubric,
    pub prep: Duration,
    pub limit: Duration,
    pub target_chars: (u32, u32),
}

/// Which step of the plan: question index, and follow-up index within it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Step {
    pub question: usize,
    pub followup: Option<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    /// Thinking time. `block`: the shared block before the first question, all prompts shown.
    Prep {
        started_at: Duration,
        length: Duration,
        block: bool,
    },
    Answer {
        started_at: Duration,
        limit: Duration,
    },
    /// Spoken mode: the candidate ticks what they covered; `seconds` is how long they spoke.
    Checklist {
        seconds: u32,
    },
    /// The scorecard of outcome `outcome` is on screen.
    Review {
        outcome: usize,
    },
    Finished,
}

/// What the passing of time did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Event {
    PrepOver,
    Warning {
        secs_left: u64,
    },
    /// The answer time is up. In exam mode the caller submits the text as it stands; in spoken
    /// mode the interview has moved to the checklist; practice lets the candidate finish.
    TimeUp,
}

/// One scored answer.
#[derive(Debug, Clone, PartialEq)]
pub struct Outcome {
    pub step: Step,
    pub question_id: String,
    pub bank_id: String,
    pub category: String,
    pub prompt: String,
    /// What was typed; `None` when spoken (scored from the checklist).
    pub answer: Option<String>,
    pub card: Scorecard,
    pub seconds: u32,
    /// 1 for the first try, 2 after a retry, …
    pub attempt: u32,
}

/// A question with the follow-ups it may bring.
#[derive(Debug, Clone)]
struct Entry {
    main: Asked,
    /// `when_missing` (the parent's point name, `None` = always asked) and the follow-up.
    followups: Vec<(Option<String>, Asked)>,
}

#[derive(Debug, Clone)]
pub struct Interview {
    pub mode: Mode,
    pub plan: Plan,
    entries: Vec<Entry>,
    pub step: Step,
    pub phase: Phase,
    pub attempt: u32,
    /// Follow-ups still to ask for the current question, in order.
    pending: Vec<usize>,
    /// Warnings already given in this answer phase; `true` once time-up was reported.
    warned: Vec<u64>,
    timed_out: bool,
    pub outcomes: Vec<Outcome>,
}

fn secs(d: Duration) -> u32 {
    u32::try_from(d.as_secs() + u64::from(d.subsec_millis() >= 500)).unwrap_or(u32::MAX)
}

fn asked_main(bank: &Bank, q: &Question, answer_override: Option<u32>) -> Asked {
    let timing = bank.timing(q);
    let rubric = Rubric::compile(bank, q);
    Asked {
        bank_id: bank.id.clone(),
        question_id: bank.full_id(q),
        category: q.category.clone(),
        followup: None,
        prompt: q.prompt.clone(),
        language: bank.language,
        figure: q.figure_text.clone(),
        tips: q.tips.clone(),
        reference: q.reference.clone(),
        examples: q.examples.clone(),
        prep: Duration::from_secs(timing.prep_seconds.into()),
        limit: Duration::from_secs(answer_override.unwrap_or(timing.answer_seconds).into()),
        target_chars: rubric.target_chars(),
        rubric,
    }
}

fn asked_followups(bank: &Bank, q: &Question) -> Vec<(Option<String>, Asked)> {
    q.followups
        .iter()
        .enumerate()
        .map(|(i, f)| {
            let rubric = Rubric::for_followup(bank, q, f);
            let asked = Asked {
                bank_id: bank.id.clone(),
                question_id: bank.full_id(q),
                category: q.category.clone(),
                followup: Some(i),
                prompt: f.prompt.clone(),
                language: bank.language,
                figure: None,
                tips: Vec::new(),
                reference: None,
                examples: f.examples.clone(),
                prep: Duration::ZERO,
                limit: Duration::from_secs(rubric.answer_seconds().into()),
                target_chars: rubric.target_chars(),
                rubric,
            };
            (f.when_missing.clone(), asked)
        })
        .collect()
}

impl Interview {
    /// Starts `plan` at `now`: the shared thinking block, or the first question's own
    /// thinking time (none when it is 0).
    pub fn new(
        plan: Plan,
        mode: Mode,
        banks: &BankSet,
        now: Duration,
    ) -> Result<Interview, PlanError> {
        let mut entries = Vec::with_capacity(plan.questions.len());
        for r in &plan.questions {
            let (bank, q) = banks
                .get(&r.bank)
                .and_then(|b| b.question(&r.question).map(|q| (b, q)))
                .ok_or_else(|| PlanError::UnknownQuestion(r.full_id()))?;
            entries.push(Entry {
                main: asked_main(bank, q, plan.answer_seconds),
                followups: asked_followups(bank, q),
            });
        }
        if entries.is_empty() {
            return Err(PlanError::NoQuestions);
        }
        let mut interview = Interview {
            mode,
            plan,
            entries,
            step: Step {
                question: 0,
                followup: None,
            },
            phase: Phase::Finished,
            attempt: 1,
            pending: Vec::new(),
            warned: Vec::new(),
            timed_out: false,
            outcomes: Vec::new(),
        };
        match interview.plan.thinking {
            Thinking::Block { seconds } if seconds > 0 => {
                interview.phase = Phase::Prep {
                    started_at: now,
                    length: Duration::from_secs(seconds.into()),
                    block: true,
                };
            }
            _ => interview.begin_question(0, now),
        }
        Ok(interview)
    }

    /// How many main questions the plan has.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// What is being asked now (the last question once finished).
    pub fn current(&self) -> &Asked {
        let entry = &self.entries[self.step.question.min(self.entries.len() - 1)];
        match self.step.followup {
            Some(f) => entry.followups.get(f).map_or(&entry.main, |(_, a)| a),
            None => &entry.main,
        }
    }

    /// Every main question, in order (shown together during a shared thinking block).
    pub fn questions(&self) -> impl Iterator<Item = &Asked> {
        self.entries.iter().map(|e| &e.main)
    }

    /// What to read aloud now: every prompt during a shared thinking block, else the one
    /// being asked.
    pub fn prompt_to_read(&self) -> (String, Language) {
        let asked = self.current();
        let text = match self.phase {
            Phase::Prep { block: true, .. } => self
                .questions()
                .map(|q| q.prompt.as_str())
                .collect::<Vec<_>>()
                .join("\n"),
            _ => asked.prompt.clone(),
        };
        (text, asked.language)
    }

    /// The asked item of an outcome's step.
    pub fn asked(&self, step: Step) -> Option<&Asked> {
        let entry = self.entries.get(step.question)?;
        match step.followup {
            Some(f) => entry.followups.get(f).map(|(_, a)| a),
            None => Some(&entry.main),
        }
    }

    fn begin_question(&mut self, index: usize, now: Duration) {
        self.step = Step {
            question: index,
            followup: None,
        };
        self.attempt = 1;
        self.pending.clear();
        let block = matches!(self.plan.thinking, Thinking::Block { .. });
        let prep = self.entries[index].main.prep;
        if block || prep.is_zero() {
            self.begin_answer(now);
        } else {
            self.phase = Phase::Prep {
                started_at: now,
                length: prep,
                block: false,
            };
        }
    }

    fn begin_answer(&mut self, now: Duration) {
        self.phase = Phase::Answer {
            started_at: now,
            limit: self.current().limit,
        };
        self.warned.clear();
        self.timed_out = false;
    }

    /// The running clock: thinking or answering, time left (zero when over) and the length.
    pub fn clock(&self, now: Duration) -> Option<(bool, Duration, Duration)> {
        match self.phase {
            Phase::Prep {
                started_at, length, ..
            } => Some((false, (started_at + length).saturating_sub(now), length)),
            Phase::Answer { started_at, limit } => {
                Some((true, (started_at + limit).saturating_sub(now), limit))
            }
            _ => None,
        }
    }

    /// Seconds spent answering so far (0 outside the answer phase).
    pub fn answer_seconds(&self, now: Duration) -> u32 {
        match self.phase {
            Phase::Answer { started_at, .. } => secs(now.saturating_sub(started_at)),
            _ => 0,
        }
    }

    /// Let time pass to `now`.
    pub fn tick(&mut self, now: Duration) -> Vec<Event> {
        let mut events = Vec::new();
        if let Phase::Prep {
            started_at, length, ..
        } = self.phase
            && now >= started_at + length
        {
            // The answer clock starts when thinking ends, however late the tick comes.
            let end = started_at + length;
            if matches!(self.phase, Phase::Prep { block: true, .. }) {
                self.begin_question_after_block(end);
            } else {
                self.begin_answer(end);
            }
            events.push(Event::PrepOver);
        }
        if let Phase::Answer { started_at, limit } = self.phase {
            let left = (started_at + limit).saturating_sub(now);
            let left_secs = left.as_secs() + u64::from(left.subsec_nanos() > 0);
            for w in WARN_AT {
                if left_secs <= w && left_secs > 0 && !self.warned.contains(&w) {
                    self.warned.push(w);
                    // Several thresholds crossed at once (a late tick) warn only the lowest.
                    events.retain(|e| !matches!(e, Event::Warning { .. }));
                    events.push(Event::Warning {
                        secs_left: left_secs,
                    });
                }
            }
            if left.is_zero() && !self.timed_out {
                self.timed_out = true;
                events.push(Event::TimeUp);
                if self.mode == Mode::Spoken {
                    self.phase = Phase::Checklist {
                        seconds: secs(limit),
                    };
                }
            }
        }
        events
    }

    fn begin_question_after_block(&mut self, now: Duration) {
        self.step = Step {
            question: 0,
            followup: None,
        };
        self.attempt = 1;
        self.pending.clear();
        self.begin_answer(now);
    }

    /// End the thinking time early.
    pub fn skip_prep(&mut self, now: Duration) -> bool {
        match self.phase {
            Phase::Prep { block: true, .. } => self.begin_question_after_block(now),
            Phase::Prep { .. } => self.begin_answer(now),
            _ => return false,
        }
        true
    }

    /// Go straight to answering the current question, or its follow-up `followup` — to resume
    /// a draft where it was left.
    pub fn answer_now(&mut self, followup: Option<usize>, now: Duration) {
        let exists = |f: usize| self.entries[self.step.question].followups.len() > f;
        self.step.followup = followup.filter(|f| exists(*f));
        self.pending.clear();
        self.attempt = 1;
        self.begin_answer(now);
    }

    /// Submit a typed answer; returns the outcome's index. In exam mode the time counted
    /// never exceeds the limit (the clock cut the answer off there).
    pub fn submit(&mut self, text: &str, now: Duration) -> Option<usize> {
        let Phase::Answer { started_at, limit } = self.phase else {
            return None;
        };
        let mut used = now.saturating_sub(started_at);
        if self.mode == Mode::Exam {
            used = used.min(limit);
        }
        let seconds = secs(used);
        let card = self.current().rubric.score(text, Some(seconds));
        Some(self.record(Some(text.to_string()), card, seconds, now))
    }

    /// Spoken mode: the candidate is done talking; on to the checklist.
    pub fn finish_speaking(&mut self, now: Duration) -> bool {
        match self.phase {
            Phase::Answer { started_at, limit } if self.mode == Mode::Spoken => {
                self.phase = Phase::Checklist {
                    seconds: secs(now.saturating_sub(started_at).min(limit)),
                };
                true
            }
            _ => false,
        }
    }

    /// Point and section names of the checklist, in the order `submit_checklist` takes.
    pub fn checklist_items(&self) -> (Vec<String>, Vec<String>) {
        let rubric = &self.current().rubric;
        let points = rubric
            .point_names()
            .into_iter()
            .map(str::to_string)
            .collect();
        let sections = match self.step.followup {
            // A follow-up is scored on its points only.
            Some(_) => Vec::new(),
            None => rubric
                .section_names()
                .into_iter()
                .map(str::to_string)
                .collect(),
        };
        (points, sections)
    }

    /// Spoken mode: score from the ticks (points, then sections, as `checklist_items`).
    pub fn submit_checklist(
        &mut self,
        points: &[bool],
        sections: &[bool],
        now: Duration,
    ) -> Option<usize> {
        let Phase::Checklist { seconds } = self.phase else {
            return None;
        };
        let card = self
            .current()
            .rubric
            .score_checklist(points, sections, Some(seconds));
        Some(self.record(None, card, seconds, now))
    }

    fn record(
        &mut self,
        answer: Option<String>,
        card: Scorecard,
        seconds: u32,
        now: Duration,
    ) -> usize {
        let asked = self.current();
        let outcome = Outcome {
            step: self.step,
            question_id: asked.question_id.clone(),
            bank_id: asked.bank_id.clone(),
            category: asked.category.clone(),
            prompt: asked.prompt.clone(),
            answer,
            card,
            seconds,
            attempt: self.attempt,
        };
        if self.step.followup.is_none() {
            self.pending = self.followups_for(&outcome.card);
        }
        self.outcomes.push(outcome);
        let index = self.outcomes.len() - 1;
        match self.mode {
            Mode::Exam => self.advance(now),
            Mode::Practice | Mode::Spoken => self.phase = Phase::Review { outcome: index },
        }
        index
    }

    /// Follow-ups to ask after a main answer: those whose point the answer missed first (a
    /// required point before the others: it is what the interviewer would press on), then
    /// those always asked; bank order otherwise.
    fn followups_for(&self, card: &Scorecard) -> Vec<usize> {
        let missed = |name: &str| card.points.iter().any(|p| p.name == name && !p.hit);
        let required = |name: &str| card.points.iter().any(|p| p.name == name && p.required);
        let followups = &self.entries[self.step.question].followups;
        let mut asked: Vec<usize> = followups
            .iter()
            .enumerate()
            .filter(|(_, (when, _))| when.as_deref().is_none_or(missed))
            .map(|(i, _)| i)
            .collect();
        asked.sort_by_key(|&i| match followups[i].0.as_deref() {
            Some(point) => u8::from(!required(point)),
            None => 2,
        });
        asked
    }

    /// Practice and spoken: answer the same question again.
    pub fn retry(&mut self, now: Duration) -> bool {
        if self.mode == Mode::Exam || !matches!(self.phase, Phase::Review { .. }) {
            return false;
        }
        self.attempt += 1;
        self.begin_answer(now);
        true
    }

    /// From the review: the next follow-up, the next question, or the end.
    pub fn next(&mut self, now: Duration) -> bool {
        if !matches!(self.phase, Phase::Review { .. }) {
            return false;
        }
        self.advance(now);
        true
    }

    fn advance(&mut self, now: Duration) {
        if !self.pending.is_empty() {
            let f = self.pending.remove(0);
            self.step.followup = Some(f);
            self.attempt = 1;
            self.begin_answer(now);
            return;
        }
        let next = self.step.question + 1;
        if next < self.entries.len() {
            self.begin_question(next, now);
        } else {
            self.phase = Phase::Finished;
        }
    }

    /// The last attempt at each step, in the order they were asked (for the summary).
    pub fn final_outcomes(&self) -> Vec<(usize, &Outcome)> {
        let mut out: Vec<(usize, &Outcome)> = Vec::new();
        for (i, o) in self.outcomes.iter().enumerate() {
            match out.iter_mut().find(|(_, seen)| seen.step == o.step) {
                Some(slot) => *slot = (i, o),
                None => out.push((i, o)),
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bank::Source;
    use crate::bank::figure::FolderFigures;
    use crate::session::{Clock, FakeClock, QuestionRef};

    /// The interview's own small bank: a question with thinking time, structure and a
    /// follow-up, and one answered straight away.
    const BANK: &str = r#"
schema = 1

[bank]
id = "interview-test"
title = "面试流程测试"
language = "zh"

[defaults]
prep_seconds = 20
answer_seconds = 120
target_chars = [20, 300]

[[structures]]
id = "complaint-steps"
name = "致歉—核实—解决—跟进"
ordered = true
sections = [
  { name = "致歉", cues = ["抱歉", "对不起"] },
  { name = "核实", cues = ["核实", "查询"] },
  { name = "解决", cues = ["换货", "退款", "方案"] },
  { name = "跟进", cues = ["跟进", "回访"], optional = true },
]

[[questions]]
id = "wrong-size"
category = "complaint"
difficulty = 2
prompt = "客户收到衣服后发现尺码不合适，要求换货。你会怎么处理？"
structure = "complaint-steps"
reference = "非常抱歉给您添麻烦了。我先核实订单，马上为您换货，之后跟进物流。"

  [[questions.points]]
  name = "致歉"
  any = ["抱歉", "对不起"]
  required = true

  [[questions.points]]
  name = "核实信息"
  any = ["核实", "查询"]

  [[questions.points]]
  name = "换货方案"
  any = ["换货", "运费"]

  [[questions.points]]
  name = "跟进"
  any = ["跟进", "回访", "物流"]

  [[questions.followups]]
  when_missing = "跟进"
  prompt = "换货寄出以后，你还会做什么？"
  answer_seconds = 60
    [[questions.followups.points]]
    name = "跟进物流"
    any = ["物流", "跟进"]

[[questions]]
id = "angry-caller"
category = "stress"
difficulty = 1
prompt = "电话里客户一直骂人，你会怎么办？"
reference = "我会先保持冷静，耐心倾听，再帮他解决问题。"
prep_seconds = 0
answer_seconds = 90

  [[questions.points]]
  name = "冷静"
  any = ["冷静"]

  [[questions.points]]
  name = "倾听"
  any = ["倾听"]
"#;

    fn banks() -> BankSet {
        let bank = crate::bank::load::parse_bank(
            BANK,
            "interview-test.toml",
            Source::File("interview-test.toml".into()),
            &FolderFigures::new("."),
        )
        .expect("the test bank is valid");
        BankSet {
            banks: vec![bank],
            problems: Vec::new(),
        }
    }

    fn plan(ids: &[&str]) -> Plan {
        Plan::fixed(
            ids.iter()
                .map(|q| QuestionRef {
                    bank: "interview-test".into(),
                    question: (*q).into(),
                })
                .collect(),
        )
    }

    const GOOD: &str = "非常抱歉给您添麻烦了。我先核实订单，确认后马上为您换货，运费我们承担，之后我会跟进物流并回访。";
    const NO_FOLLOW_UP: &str =
        "非常抱歉给您添麻烦了。我先核实订单，确认后马上为您换货，运费我们承担。";

    #[test]
    fn prep_counts_down_then_the_answer_clock_warns_and_runs_out() {
        let clock = FakeClock::new(0);
        let mut iv =
            Interview::new(plan(&["wrong-size"]), Mode::Practice, &banks(), clock.now()).unwrap();
        assert!(matches!(iv.phase, Phase::Prep { block: false, .. }));
        clock.advance(Duration::from_secs(19));
        assert!(iv.tick(clock.now()).is_empty());
        let (answering, left, _) = iv.clock(clock.now()).unwrap();
        assert!(!answering);
        assert_eq!(left, Duration::from_secs(1));
        // A late tick: the answer clock still starts when thinking ended (t = 20 s).
        clock.advance(Duration::from_millis(1_500));
        assert_eq!(iv.tick(clock.now()), vec![Event::PrepOver]);
        let (answering, left, total) = iv.clock(clock.now()).unwrap();
        assert!(answering);
        assert_eq!(total, Duration::from_secs(120));
        assert_eq!(left, Duration::from_millis(119_500));
        // 120 s limit: the 30 s warning comes at t = 20 + 90.
        clock.advance(Duration::from_millis(89_400));
        assert!(iv.tick(clock.now()).is_empty());
        clock.advance(Duration::from_millis(200));
        assert_eq!(iv.tick(clock.now()), vec![Event::Warning { secs_left: 30 }]);
        assert!(iv.tick(clock.now()).is_empty(), "each warning once");
        clock.advance(Duration::from_secs(20));
        assert_eq!(iv.tick(clock.now()), vec![Event::Warning { secs_left: 10 }]);
        clock.advance(Duration::from_secs(10));
        assert_eq!(iv.tick(clock.now()), vec![Event::TimeUp]);
        // Practice lets the candidate finish; the time counts as used.
        clock.advance(Duration::from_secs(5));
        let i = iv.submit(GOOD, clock.now()).unwrap();
        assert_eq!(iv.outcomes[i].seconds, 125);
        assert_eq!(iv.phase, Phase::Review { outcome: i });
    }

    #[test]
    fn skipping_prep_starts_the_answer_clock_at_once() {
        let clock = FakeClock::new(0);
        let mut iv =
            Interview::new(plan(&["wrong-size"]), Mode::Practice, &banks(), clock.now()).unwrap();
        clock.advance(Duration::from_secs(3));
        assert!(iv.skip_prep(clock.now()));
        assert_eq!(
            iv.phase,
            Phase::Answer {
                started_at: Duration::from_secs(3),
                limit: Duration::from_secs(120)
            }
        );
        assert!(!iv.skip_prep(clock.now()));
    }

    #[test]
    fn exam_cuts_off_at_the_limit_and_moves_on_without_review() {
        let clock = FakeClock::new(0);
        let mut iv = Interview::new(
            plan(&["angry-caller", "wrong-size"]),
            Mode::Exam,
            &banks(),
            clock.now(),
        )
        .unwrap();
        // angry-caller has no thinking time: straight into the 90 s answer.
        assert!(matches!(iv.phase, Phase::Answer { .. }));
        assert!(!iv.retry(clock.now()));
        clock.advance(Duration::from_secs(95));
        assert!(iv.tick(clock.now()).contains(&Event::TimeUp));
        let i = iv.submit("我会保持冷静，耐心倾听。", clock.now()).unwrap();
        assert_eq!(iv.outcomes[i].seconds, 90, "cut off at exactly the limit");
        assert_eq!(iv.step.question, 1);
        assert!(matches!(iv.phase, Phase::Prep { .. }));
    }

    #[test]
    fn follow_up_is_asked_only_when_its_point_was_missed() {
        let clock = FakeClock::new(0);
        let mut iv =
            Interview::new(plan(&["wrong-size"]), Mode::Practice, &banks(), clock.now()).unwrap();
        iv.skip_prep(clock.now());
        iv.submit(GOOD, clock.now()).unwrap();
        iv.next(clock.now());
        assert_eq!(iv.phase, Phase::Finished, "跟进 earned: no follow-up");

        let mut iv =
            Interview::new(plan(&["wrong-size"]), Mode::Practice, &banks(), clock.now()).unwrap();
        iv.skip_prep(clock.now());
        let i = iv.submit(NO_FOLLOW_UP, clock.now()).unwrap();
        assert!(
            iv.outcomes[i]
                .card
                .points
                .iter()
                .any(|p| p.name == "跟进" && !p.hit)
        );
        iv.next(clock.now());
        assert_eq!(iv.step.followup, Some(0));
        assert_eq!(iv.current().prompt, "换货寄出以后，你还会做什么？");
        assert!(
            matches!(iv.phase, Phase::Answer { limit, .. } if limit == Duration::from_secs(60))
        );
        let f = iv
            .submit("我会跟进物流，到货后回访客户是否满意。", clock.now())
            .unwrap();
        assert_eq!(iv.outcomes[f].step.followup, Some(0));
        iv.next(clock.now());
        assert_eq!(iv.phase, Phase::Finished);
    }

    #[test]
    fn a_follow_up_about_a_missed_point_comes_before_one_always_asked() {
        let clock = FakeClock::new(0);
        let mut iv =
            Interview::new(plan(&["wrong-size"]), Mode::Practice, &banks(), clock.now()).unwrap();
        // A generic follow-up listed first in the bank, then one about 致歉 (required).
        let about_followup = iv.entries[0].followups[0].1.clone();
        let about_apology = (Some("致歉".to_string()), about_followup.clone());
        iv.entries[0].followups = vec![
            (None, about_followup.clone()),
            (Some("跟进".to_string()), about_followup),
            about_apology,
        ];
        iv.skip_prep(clock.now());
        let i = iv
            .submit("我先核实订单，然后为您换货。", clock.now())
            .unwrap();
        // 致歉 (required) and 跟进 were missed: 致歉's first, then 跟进's, the generic last.
        assert_eq!(iv.followups_for(&iv.outcomes[i].card), [2, 1, 0]);
    }

    #[test]
    fn retry_keeps_both_attempts_and_the_summary_takes_the_last() {
        let clock = FakeClock::new(0);
        let mut iv = Interview::new(
            plan(&["angry-caller"]),
            Mode::Practice,
            &banks(),
            clock.now(),
        )
        .unwrap();
        iv.submit("不知道。", clock.now()).unwrap();
        assert!(iv.retry(clock.now()));
        assert_eq!(iv.attempt, 2);
        let second = iv
            .submit(
                "我会保持冷静，耐心倾听他的不满，理解他的心情，再帮他解决问题。",
                clock.now(),
            )
            .unwrap();
        assert_eq!(iv.outcomes.len(), 2);
        let finals = iv.final_outcomes();
        assert_eq!(finals.len(), 1);
        assert_eq!(finals[0].0, second);
        assert!(iv.outcomes[second].card.total > iv.outcomes[0].card.total);
    }

    #[test]
    fn spoken_answer_goes_to_the_checklist_and_is_scored_from_ticks() {
        let clock = FakeClock::new(0);
        let mut iv =
            Interview::new(plan(&["wrong-size"]), Mode::Spoken, &banks(), clock.now()).unwrap();
        iv.skip_prep(clock.now());
        clock.advance(Duration::from_secs(70));
        assert!(iv.finish_speaking(clock.now()));
        assert_eq!(iv.phase, Phase::Checklist { seconds: 70 });
        let (points, sections) = iv.checklist_items();
        assert_eq!(points, ["致歉", "核实信息", "换货方案", "跟进"]);
        assert_eq!(sections, ["致歉", "核实", "解决", "跟进"]);
        let all = iv
            .submit_checklist(&[true; 4], &[true; 4], clock.now())
            .unwrap();
        let card_all = iv.outcomes[all].card.clone();
        assert!(iv.retry(clock.now()));
        assert!(iv.finish_speaking(clock.now()));
        let none = iv
            .submit_checklist(&[false; 4], &[false; 4], clock.now())
            .unwrap();
        assert!(card_all.total > iv.outcomes[none].card.total);
        assert_eq!(iv.outcomes[none].answer, None);
    }

    #[test]
    fn spoken_time_up_ends_the_talk() {
        let clock = FakeClock::new(0);
        let mut iv =
            Interview::new(plan(&["angry-caller"]), Mode::Spoken, &banks(), clock.now()).unwrap();
        clock.advance(Duration::from_secs(91));
        assert!(iv.tick(clock.now()).contains(&Event::TimeUp));
        assert_eq!(iv.phase, Phase::Checklist { seconds: 90 });
    }

    #[test]
    fn shared_thinking_block_shows_all_then_answers_in_a_row() {
        let clock = FakeClock::new(0);
        let mut p = plan(&["wrong-size", "angry-caller"]);
        p.thinking = Thinking::Block { seconds: 60 };
        p.answer_seconds = Some(150);
        let mut iv = Interview::new(p, Mode::Exam, &banks(), clock.now()).unwrap();
        assert!(matches!(iv.phase, Phase::Prep { block: true, .. }));
        assert_eq!(iv.questions().count(), 2);
        clock.advance(Duration::from_secs(60));
        assert_eq!(iv.tick(clock.now()), vec![Event::PrepOver]);
        assert!(
            matches!(iv.phase, Phase::Answer { limit, .. } if limit == Duration::from_secs(150))
        );
        iv.submit(GOOD, clock.now());
        // No second thinking time inside the block format.
        assert_eq!(iv.step.question, 1);
        assert!(matches!(iv.phase, Phase::Answer { .. }));
    }

    #[test]
    fn an_unknown_question_is_a_plan_error() {
        let err =
            Interview::new(plan(&["nope"]), Mode::Practice, &banks(), Duration::ZERO).unwrap_err();
        assert_eq!(
            err,
            PlanError::UnknownQuestion("interview-test/nope".into())
        );
    }
}
