//! A question compiled for scoring: its points, avoid phrases, structure and limits, with one
//! phrase automaton (rubric phrases, built-in cues, runs of the prompt's words) and the
//! question's topic vocabulary built once. `Rubric` is cheap to clone (one
//! reference count) so the TUI and the store can keep one per question.

use std::sync::Arc;

use super::concepts;
use super::content::{self, Content};
use super::delivery::{self, Delivery, Limits};
use super::feedback::{Findings, feedback};
use super::hints;
use super::lexicon::{Lexicon, lexicon};
use super::matcher::{Hit, Matcher, MatcherBuilder, Role};
use super::negation::NegationGuard;
use super::normalize::{Normalized, normalize};
use super::relevance::{Copied, Topic, in_other_language, is_keyword_list, prompt_grams};
use super::scorecard::{Flag, PointResult, Scorecard};
use super::sentences::Sentences;
use super::similar::Units;
use super::spans::Ranges;
use super::structure::{self, Organisation, StructureOutcome};
use crate::bank::{Avoid, Bank, Followup, Language, Point, Question, Structure, Weights};

/// Points off for the built-in rude phrases (once per answer, like one avoid entry).
const RUDE_PENALTY: u32 = 10;
/// The most an answer with hostile words can score: "not acceptable" on the published scale.
const HOSTILE_CAP: f64 = 30.0;
/// What is left of an answer's total, before that cap, once it is hostile.
const HOSTILE_SHARE: f64 = 0.5;
/// The most an answer using a phrase the question says to avoid can score ("weak").
const AVOID_CAP: f64 = 50.0;
/// The most an answer of bare claims can score.
const BARE_CAP: f64 = 40.0;
/// From this share of tokens in sentences about the question, padding costs nothing; below,
/// the total shrinks in proportion.
const PADDING_FREE: f64 = 0.6;
/// The share of weighted points from which structure and delivery count fully: a third of
/// the ideas, made in sentences, is an answer whose shape and delivery matter.
const RELEVANT_SHARE: f64 = 35.0;
/// Topic share (see `relevance::Topic`) from which an answer counts as on the topic, and
/// at which it counts fully. On-topic words without any point earn at most
/// `TOPIC_CONTENT` content and `TOPIC_RELEVANCE` relevance: a vague answer beats an
/// off-topic or rude one, never a concrete one.
const TOPIC_FROM: f64 = 0.05;
/// English units are single words, so chance meets the vocabulary more often: a paragraph
/// about a small town shares "small" and "read" with a question about a late parcel.
const TOPIC_FROM_EN: f64 = 0.12;
const TOPIC_FULL: f64 = 0.3;
const TOPIC_CONTENT: f64 = 20.0;
/// From this topic share on, points earned count fully towards relevance.
const TOPIC_SURE: f64 = 0.15;
const TOPIC_RELEVANCE: f64 = 0.5;

/// A point as the scorer sees it; `hint` is the reference sentence that earns it.
#[derive(Debug, Clone, PartialEq)]
pub struct PointSpec {
    pub name: String,
    /// The phrases as written in the bank.
    pub phrases: Vec<String>,
    /// Everything that earns the point: the bank's phrases, the point's own name, and the
    /// phrases of its concepts. `Role::Point::phrase` indexes this list.
    pub earns: Vec<Earner>,
    pub weight: u32,
    pub required: bool,
    pub hint: Option<String>,
    /// The hint's content units, less the prompt's: a sentence holding most of them earns
    /// the point (`similar`).
    pub close: Units,
}

/// One phrase that earns a point, and the concept it comes from (`None`: the bank's own
/// phrase or the point's name).
#[derive(Debug, Clone, PartialEq)]
pub struct Earner {
    pub phrase: String,
    pub concept: Option<&'static str>,
}

/// The phrases that earn a point: the bank's, then the point's name when it reads as a
/// phrase (「致歉」 earns the point 致歉), then each linked concept's.
fn earners(point: &Point, lang: Language) -> Vec<Earner> {
    let mut out: Vec<Earner> = point
        .any
        .iter()
        .map(|p| Earner {
            phrase: p.clone(),
            concept: None,
        })
        .collect();
    if name_is_a_phrase(&point.name, lang) {
        out.push(Earner {
            phrase: point.name.clone(),
            concept: None,
        });
    }
    for c in concepts::linked(&point.concepts, &point.any, lang) {
        out.extend(c.phrases(lang).iter().map(|p| Earner {
            phrase: p.clone(),
            concept: Some(c.id.as_str()),
        }));
    }
    out
}

/// A point's name doubles as a phrase when it is short and plain: 2–6 characters of Chinese,
/// or one to three English words, without brackets or slashes.
fn name_is_a_phrase(name: &str, lang: Language) -> bool {
    let plain = !name.chars().any(|c| "()（）/／、,，:：—-".contains(c));
    let size = match lang {
        Language::Zh => (2..=6).contains(&name.chars().count()),
        Language::En => (1..=3).contains(&name.split_whitespace().count()) && name.len() >= 4,
    };
    plain && size
}

#[derive(Debug, Clone, PartialEq)]
pub struct AvoidSpec {
    pub why: String,
    pub phrases: Vec<String>,
    pub penalty: u32,
}

#[derive(Debug, Clone, PartialEq)]
pub struct SectionSpec {
    pub name: String,
    pub cues: Vec<String>,
    pub optional: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct StructureSpec {
    pub name: String,
    pub ordered: bool,
    pub sections: Vec<SectionSpec>,
}

#[derive(Debug, Clone)]
pub struct Rubric {
    inner: Arc<Compiled>,
}

#[derive(Debug)]
struct Compiled {
    question: String,
    lang: Language,
    points: Vec<PointSpec>,
    /// The bank's avoid entries, then one for the language's built-in rude phrases.
    avoid: Vec<AvoidSpec>,
    bank_avoid: usize,
    structure: Option<StructureSpec>,
    /// A follow-up: a short answer to one more question. Its organisation is scored like any
    /// answer's (two or three developed sentences is what separates a good follow-up from a
    /// weak one), but the feedback does not ask it for 首先…其次…总之.
    brief: bool,
    limits: Limits,
    weights: Weights,
    matcher: Matcher,
    topic: Topic,
    lexicon: &'static Lexicon,
}

/// What a rubric is compiled from: a question, or a follow-up with its parent's context.
struct Parts<'a> {
    question: String,
    lang: Language,
    prompt: String,
    points: &'a [Point],
    avoid: &'a [Avoid],
    structure: Option<&'a Structure>,
    reference: Option<&'a str>,
    /// More on-topic text besides the prompt, reference, phrases and cues (tips, follow-ups).
    topic: Vec<&'a str>,
    brief: bool,
    limits: Limits,
    weights: Weights,
}

impl Rubric {
    pub fn compile(bank: &Bank, question: &Question) -> Rubric {
        let timing = bank.timing(question);
        Rubric::build(Parts {
            question: bank.full_id(question),
            lang: bank.language,
            prompt: question.prompt.clone(),
            points: &question.points,
            avoid: &question.avoid,
            structure: bank.structure_of(question),
            reference: question.reference.as_deref(),
            topic: question
                .tips
                .iter()
                .map(String::as_str)
                .chain(question.followups.iter().flat_map(|f| {
                    std::iter::once(f.prompt.as_str()).chain(
                        f.points
                            .iter()
                            .flat_map(|p| p.any.iter().map(String::as_str)),
                    )
                }))
                .collect(),
            brief: false,
            limits: Limits {
                target_chars: timing.target_chars,
                answer_seconds: timing.answer_seconds,
                lang: bank.language,
            },
            weights: timing.weights,
        })
    }

    /// A follow-up is scored on its own points in the parent bank's language, with generic
    /// organisation instead of the parent's structure. The parent's avoid phrases still apply
    /// (blaming the customer is as wrong in a follow-up), and its length band shrinks with its
    /// shorter time. Copying either prompt earns nothing.
    pub fn for_followup(bank: &Bank, question: &Question, followup: &Followup) -> Rubric {
        let timing = bank.timing(question);
        let answer_seconds = followup.answer_seconds.unwrap_or(timing.answer_seconds);
        let ratio = (f64::from(answer_seconds) / f64::from(timing.answer_seconds.max(1))).min(1.0);
        let (lo, hi) = timing.target_chars;
        // A round number, as a person would set it: 60 s of a 150 s answer's 140–450
        // characters is 60–180, not 56–180.
        let scale = |n: u32| ((f64::from(n) * ratio / 10.0).round() as u32).max(1) * 10;
        Rubric::build(Parts {
            question: bank.full_id(question),
            lang: bank.language,
            prompt: format!("{}\n{}", question.prompt, followup.prompt),
            points: &followup.points,
            avoid: &question.avoid,
            structure: None,
            reference: None,
            topic: question
                .reference
                .iter()
                .chain(&question.tips)
                .chain(question.points.iter().flat_map(|p| &p.any))
                .map(String::as_str)
                .collect(),
            brief: true,
            limits: Limits {
                target_chars: (scale(lo), scale(hi)),
                answer_seconds,
                lang: bank.language,
            },
            weights: timing.weights,
        })
    }

    fn build(p: Parts) -> Rubric {
        let lang = p.lang;
        let lex = lexicon(lang);
        let mut m = MatcherBuilder::new(lang);
        // Every phrase of the question with its role: searched for, and part of its topic.
        let mut phrases: Vec<(&str, Role)> = Vec::new();
        // The phrases that make the question's topic. An English topic unit is one word, so a
        // thesaurus phrase would lend the topic its every word ("a small gift" makes "small"
        // topical, and a paragraph about a small town "on the topic"): in English only the
        // question's own phrases count. A Chinese unit is a character pair, specific enough.
        let mut topic_phrases: Vec<&str> = Vec::new();
        let from_thesaurus = |concept: bool| concept && lang == Language::En;
        let earns: Vec<Vec<Earner>> = p.points.iter().map(|pt| earners(pt, lang)).collect();
        for (i, list) in earns.iter().enumerate() {
            for (j, e) in list.iter().enumerate() {
                let (point, phrase) = (idx(i), idx(j));
                phrases.push((&e.phrase, Role::Point { point, phrase }));
                if !from_thesaurus(e.concept.is_some()) {
                    topic_phrases.push(&e.phrase);
                }
            }
        }
        // A section's cues earn through their concepts too (its cue 「抱歉」 finds 「赔个不是」),
        // and a section of numbered points (most of its cues are list markers: 第一, 首先 …)
        // through every marker of the language: 「先……然后……另外……」 lists points too.
        let section_concepts: Vec<Vec<&str>> = p
            .structure
            .iter()
            .flat_map(|s| &s.sections)
            .map(|sec| {
                let markers = sec
                    .cues
                    .iter()
                    .filter(|c| lex.enumerations.contains(&c.as_str()))
                    .count();
                let lists = markers > 0 && markers * 2 >= sec.cues.len();
                concepts::linked(&[], &sec.cues, lang)
                    .into_iter()
                    .flat_map(|c| c.phrases(lang))
                    .map(String::as_str)
                    .chain(lex.enumerations.iter().copied().filter(|_| lists))
                    .collect()
            })
            .collect();
        for (i, a) in p.avoid.iter().enumerate() {
            for (j, ph) in a.any.iter().enumerate() {
                let (avoid, phrase) = (idx(i), idx(j));
                phrases.push((ph, Role::Avoid { avoid, phrase }));
                topic_phrases.push(ph);
            }
        }
        for (i, sec) in p.structure.iter().flat_map(|s| &s.sections).enumerate() {
            let extra = section_concepts.get(i).into_iter().flatten().copied();
            let own = sec.cues.iter().map(String::as_str);
            for (j, ph) in own.chain(extra).enumerate() {
                let (section, cue) = (idx(i), idx(j));
                phrases.push((ph, Role::Cue { section, cue }));
                // List markers say nothing of the topic.
                if !from_thesaurus(j >= sec.cues.len()) && !lex.enumerations.contains(&ph) {
                    topic_phrases.push(ph);
                }
            }
        }
        for &(ph, role) in &phrases {
            m.add_rubric(ph, role);
        }
        m.add_all(lex.negations, Role::Negation);
        m.add_all(lex.negation_exceptions, Role::NegationException);
        m.add_all(lex.fillers, Role::Filler);
        m.add_all(lex.filler_exceptions, Role::FillerException);
        m.add_all(lex.enumerations, Role::Enumeration);
        m.add_all(lex.enumeration_exceptions, Role::EnumerationException);
        m.add_all(lex.conclusions, Role::Conclusion);
        let rude = idx(p.avoid.len());
        for (j, phrase) in lex.rude.iter().enumerate() {
            m.add(
                phrase,
                Role::Avoid {
                    avoid: rude,
                    phrase: idx(j),
                },
            );
        }
        let prompt_norm = normalize(&p.prompt, lang);
        for gram in prompt_grams(&prompt_norm, lang) {
            m.add(gram, Role::PromptGram);
        }
        let matcher = m.build();
        let topic_texts: Vec<Normalized> = p
            .reference
            .into_iter()
            .chain(p.topic.iter().copied())
            .chain(topic_phrases.iter().copied())
            .chain(lex.domain.iter().copied())
            .map(|t| normalize(t, lang))
            .collect();
        let topic = Topic::new(std::iter::once(&prompt_norm).chain(&topic_texts), lang);

        let mut points: Vec<PointSpec> = p
            .points
            .iter()
            .zip(earns)
            .map(|(pt, earns)| PointSpec {
                name: pt.name.clone(),
                phrases: pt.any.clone(),
                earns,
                weight: pt.weight,
                required: pt.required,
                hint: None,
                close: Units::default(),
            })
            .collect();
        if let Some(reference) = p.reference {
            let found = Evidence::find(&matcher, lang, reference);
            let sentences = hints::sentences(reference);
            // Each point's hint is the first sentence that earns it and is not already another
            // point's hint; a point earned only where others are shares the first.
            let mut taken: Vec<&str> = Vec::new();
            let chosen: Vec<Option<usize>> = found
                .point_places(lang, lex, p.points.len())
                .iter()
                .map(|places| {
                    let free = places.iter().copied().find(|&at| {
                        hints::sentence_at(&sentences, at).is_some_and(|s| !taken.contains(&s))
                    });
                    let at = free.or(places.first().copied());
                    if let Some(s) = at.and_then(|at| hints::sentence_at(&sentences, at)) {
                        taken.push(s);
                    }
                    at
                })
                .collect();
            for (point, at) in points.iter_mut().zip(&chosen) {
                point.hint = at
                    .and_then(|at| hints::sentence_at(&sentences, at))
                    .map(str::to_string);
            }
            let units_of = |text: &str| {
                let ev = Evidence::find(&matcher, lang, text);
                let len = ev.norm.as_str().len();
                Units::of(&ev.norm, (0, len), &ev.hits, &points, lang)
            };
            let prompt_units = units_of(p.prompt.as_str());
            // The clause that makes the point, not its whole (often long) sentence.
            let close: Vec<Units> = chosen
                .iter()
                .map(|at| {
                    at.map(|at| units_of(&hints::clause_at(reference, at)).without(&prompt_units))
                        .unwrap_or_default()
                })
                .collect();
            for (pt, units) in points.iter_mut().zip(close) {
                pt.close = units;
            }
        }
        Rubric {
            inner: Arc::new(Compiled {
                question: p.question,
                lang,
                points,
                brief: p.brief,
                bank_avoid: p.avoid.len(),
                avoid: p
                    .avoid
                    .iter()
                    .map(|a| AvoidSpec {
                        why: a.why.clone(),
                        phrases: a.any.clone(),
                        penalty: a.penalty,
                    })
                    .chain(std::iter::once(AvoidSpec {
                        why: lex.rude_why.to_string(),
                        phrases: lex.rude.iter().map(|s| s.to_string()).collect(),
                        penalty: RUDE_PENALTY,
                    }))
                    .collect(),
                structure: p.structure.map(|s| StructureSpec {
                    name: s.name.clone(),
                    ordered: s.ordered,
                    sections: s
                        .sections
                        .iter()
                        .zip(
                            section_concepts
                                .iter()
                                .chain(std::iter::repeat(&Vec::new())),
                        )
                        .map(|(sec, extra)| SectionSpec {
                            name: sec.name.clone(),
                            cues: sec
                                .cues
                                .iter()
                                .map(String::as_str)
                                .chain(extra.iter().copied())
                                .map(str::to_string)
                                .collect(),
                            optional: sec.optional,
                        })
                        .collect(),
                }),
                limits: p.limits,
                weights: p.weights,
                matcher,
                topic,
                lexicon: lex,
            }),
        }
    }

    /// Full question id, `bank/question` (a follow-up carries its parent's id).
    pub fn question_id(&self) -> &str {
        &self.inner.question
    }

    pub fn language(&self) -> Language {
        self.inner.lang
    }

    pub fn points(&self) -> &[PointSpec] {
        &self.inner.points
    }

    pub fn point_names(&self) -> Vec<&str> {
        self.inner.points.iter().map(|p| p.name.as_str()).collect()
    }

    /// The question's own avoid entries (the built-in rude phrases are not listed).
    pub fn avoid(&self) -> &[AvoidSpec] {
        let c = &*self.inner;
        c.avoid.get(..c.bank_avoid).unwrap_or_default()
    }

    pub fn structure(&self) -> Option<&StructureSpec> {
        self.inner.structure.as_ref()
    }

    /// A follow-up's rubric (judged as a short reply, see `structure::brief`).
    fn is_followup(&self) -> bool {
        self.inner.brief && !self.inner.points.is_empty()
    }

    /// The sections a scorecard reports, in order: the rubric's, or (when the question has
    /// none) a follow-up's or generic organisation's three parts. `score_checklist` takes
    /// ticks in this order.
    pub fn section_names(&self) -> Vec<&str> {
        match &self.inner.structure {
            Some(s) => s.sections.iter().map(|s| s.name.as_str()).collect(),
            None if self.is_followup() => structure::brief_labels(self.inner.lang).to_vec(),
            None => structure::generic_labels(self.inner.lang).to_vec(),
        }
    }

    pub fn answer_seconds(&self) -> u32 {
        self.inner.limits.answer_seconds
    }

    pub fn target_chars(&self) -> (u32, u32) {
        self.inner.limits.target_chars
    }

    /// Score a typed answer; `seconds` is how long it took, when known.
    pub fn score(&self, answer: &str, seconds: Option<u32>) -> Scorecard {
        let c = &*self.inner;
        let ev = Evidence::find(&c.matcher, c.lang, answer);
        let toks = ev.norm.tokens();
        let copied = Copied::find(&ev.norm, &ev.hits);
        let guard = NegationGuard::new(&ev.norm, c.lang, c.lexicon, &ev.hits, &ev.phrases);
        let sentences = Sentences::new(&ev.norm, &ev.hits, &c.topic, c.lang);
        let is_bare = |start| sentences.is_bare(start);
        let mut content = content::evaluate(
            &c.points,
            &c.avoid,
            c.bank_avoid,
            &content::Said {
                text: &ev.norm,
                hits: &ev.hits,
                guard: &guard,
                copied: &copied,
                lang: c.lang,
                is_bare: &is_bare,
            },
        );
        credit_close_sentences(&mut content, &c.points, &ev, &sentences, answer, c.lang);
        // The topic share comes from the sentence pass (one walk of the text); it saturates at TOPIC_FULL.
        let topic = sentences.topic_share().min(TOPIC_FULL);

        // Only an answer that looks like a list or like bare claims needs the outline check.
        let outline_of = || structure::numbered_outline(&ev.norm, c.lang);
        let mut outline = false;
        let mut flags = Vec::new();
        if toks.is_empty() {
            flags.push(Flag::Empty);
        } else if in_other_language(answer, c.lang) {
            flags.push(Flag::WrongLanguage);
        } else if copied.mostly_restates() {
            flags.push(Flag::RestatesPrompt);
        } else if is_keyword_list(&ev.norm, &ev.hits, c.lang) {
            outline = outline_of();
            if !outline {
                flags.push(Flag::KeywordList);
            }
        }
        if !outline && content.mostly_bare() {
            outline = outline_of();
        }
        let not_markers = structure::not_markers(&ev.hits);
        let org = structure::organisation(&ev.norm, &ev.hits, &not_markers, c.lang);
        let structure = match &c.structure {
            Some(spec) => structure::with_rubric(spec, &ev.norm, &ev.hits, &not_markers, &copied),
            None if self.is_followup() => {
                let first_end = ev.norm.orig_offset(sentences.first_end());
                structure::brief(&brief_reply(&content, first_end, &org), c.lang)
            }
            None => structure::generic(&org, c.lang),
        };
        let chars = ev.norm.orig_chars();
        let delivery = delivery::evaluate(chars, &ev.norm, &ev.hits, seconds, &c.limits);
        self.card(Judged {
            content,
            structure,
            delivery,
            flags,
            seconds,
            organisation: Some(&org),
            topic_share: Some(topic),
            sentences: Some(SentenceShares {
                on_topic: sentences.on_topic_share(),
                repeated: sentences.repeated_share(),
            }),
            outline,
        })
    }

    /// Score a spoken answer from the candidate's own checklist: `points_ticked` in the order
    /// of `points()`, `sections_ticked` in the order of `section_names()`; delivery from the
    /// time used against the limit.
    pub fn score_checklist(
        &self,
        points_ticked: &[bool],
        sections_ticked: &[bool],
        seconds: Option<u32>,
    ) -> Scorecard {
        let c = &*self.inner;
        let content = content::from_ticks(&c.points, points_ticked);
        let structure = structure::from_ticks(
            c.structure.as_ref(),
            sections_ticked,
            c.lang,
            self.is_followup(),
        );
        let delivery = delivery::from_time(seconds, c.limits.answer_seconds);
        let flags = if points_ticked.iter().any(|&t| t) || c.points.is_empty() {
            Vec::new()
        } else {
            vec![Flag::Empty]
        };
        self.card(Judged {
            content,
            structure,
            delivery,
            flags,
            seconds,
            organisation: None,
            topic_share: None,
            sentences: None,
            outline: false,
        })
    }

    /// Combine the three dimensions. Structure and delivery are scaled by relevance: the
    /// share of content earned (full from half the weighted points up), or at most
    /// `TOPIC_RELEVANCE` when the answer is on the topic without earning points. An answer
    /// with no content credit (empty, restated, keyword list, off-topic) gets no structure or
    /// delivery credit either.
    fn card(&self, judged: Judged) -> Scorecard {
        let c = &*self.inner;
        let Judged {
            content,
            structure,
            delivery,
            mut flags,
            seconds,
            organisation,
            topic_share,
            sentences,
            outline,
        } = judged;
        let on_subject = topic_share.map_or(0.0, |t| {
            let from = match c.lang {
                Language::Zh => TOPIC_FROM,
                Language::En => TOPIC_FROM_EN,
            };
            ((t - from) / (TOPIC_FULL - from)).clamp(0.0, 1.0)
        });
        // On-topic words buy nothing for an answer that also uses phrases to avoid: the
        // floor is for a vague answer, not a rude one.
        let by_topic = if content.avoid.is_empty() {
            on_subject
        } else {
            0.0
        };
        let zero_flag = |f: &Flag| {
            matches!(
                f,
                Flag::Empty | Flag::WrongLanguage | Flag::RestatesPrompt | Flag::KeywordList
            )
        };
        if !flags.iter().any(zero_flag)
            && topic_share.is_some()
            && !c.points.is_empty()
            && !content.points.iter().any(|p| p.hit)
        {
            flags.push(if on_subject > 0.0 {
                Flag::Vague
            } else {
                Flag::OffTopic
            });
        }
        let zero = flags.iter().any(|f| zero_flag(f) || *f == Flag::OffTopic);
        let (content_score, relevance) = if zero {
            (0.0, 0.0)
        } else if c.points.is_empty() {
            (content.score(), 1.0)
        } else {
            // A point earned in an answer about something else (a hobby paragraph that
            // mentions 拍照) is a coincidence: it counts as content, but lends structure and
            // delivery little weight.
            let on_topic = topic_share.map_or(1.0, |t| (t / TOPIC_SURE).min(1.0));
            let by_points = (content.share / RELEVANT_SHARE).min(1.0) * on_topic;
            (
                content.score().max(TOPIC_CONTENT * by_topic),
                by_points.max(TOPIC_RELEVANCE * by_topic),
            )
        };
        // The order of nothing is nothing: an answer that makes no point has no structure to
        // credit, however many sentences it has.
        let structure_score = if flags.contains(&Flag::Vague) {
            0.0
        } else {
            structure.score * relevance
        };
        let delivery_score = delivery.score * relevance;
        let w = c.weights;
        let weighted =
            w.content * content_score + w.structure * structure_score + w.delivery * delivery_score;
        let penalties = f64::from(content.penalties());
        let mut total = (weighted - penalties).clamp(0.0, 100.0);
        // Padding and repetition: only the sentences about the question, each once, count.
        if let Some(sh) = &sentences {
            if sh.repeated > 0.0 {
                flags.push(Flag::Repeated);
            }
            let off = 1.0 - sh.on_topic - sh.repeated;
            if off > 0.0 && sh.on_topic < PADDING_FREE {
                flags.push(Flag::Padded);
            }
            total *= (sh.on_topic / PADDING_FREE).min(1.0);
        }
        // Caps a panel would apply whatever else the answer has.
        if content.hostile {
            // Below a vague answer: hostility is worse than saying nothing concrete.
            flags.push(Flag::Hostile);
            total = (total * HOSTILE_SHARE).min(HOSTILE_CAP);
        } else if !content.avoid.is_empty() {
            total = total.min(AVOID_CAP);
        }
        if !zero && !outline && content.mostly_bare() {
            flags.push(Flag::BareClaims);
            total = total.min(BARE_CAP);
        }
        let total = total.round();
        let mut all_flags = flags;
        all_flags.extend(delivery.flags.iter().copied());
        let mut card = Scorecard {
            question: c.question.clone(),
            total: to_u8(total),
            content: to_u8(content_score),
            structure: to_u8(structure_score),
            delivery: to_u8(delivery_score),
            points: content.points,
            missing_required: content.missing_required,
            avoid: content.avoid,
            sections: structure.sections,
            order_ok: structure.order_ok,
            chars: delivery.chars,
            fillers: delivery.fillers,
            feedback: Vec::new(),
            enumerations: organisation.map_or(0, |o| o.enumerations),
            flags: all_flags,
            seconds,
            pace_cpm: delivery.pace_cpm,
        };
        card.feedback = feedback(&Findings {
            lang: c.lang,
            card: &card,
            points: &c.points,
            structure: c.structure.as_ref(),
            brief: c.brief,
            organisation,
            delivery: &delivery,
            target_chars: c.limits.target_chars,
            answer_seconds: c.limits.answer_seconds,
            zero,
        });
        card
    }
}

/// A follow-up's shape from what it earned: a point in the first sentence (which ends at
/// original offset `first_end`), its sentences, and a point made with substance.
fn brief_reply(content: &Content, first_end: usize, org: &Organisation) -> structure::Brief {
    let earned = |keep: &dyn Fn(&PointResult) -> bool| {
        content
            .points
            .iter()
            .filter(|p| p.hit && keep(p))
            .filter_map(|p| Some((p.at?[0], p.matched.clone()?)))
            .min_by_key(|(at, _)| *at)
    };
    let weight = |keep: &dyn Fn(&PointResult) -> bool| -> u32 {
        content
            .points
            .iter()
            .filter(|p| keep(p))
            .map(|p| p.weight)
            .sum()
    };
    let made = weight(&|p| p.hit && !p.partial);
    structure::Brief {
        // Leading with the answer needs something after it: one sentence only leads.
        first: earned(&|_| true).filter(|(at, _)| *at < first_end && org.sentences >= 2),
        sentences: org.sentences,
        concrete: earned(&|p| !p.partial).filter(|_| made * 2 >= weight(&|_| true)),
    }
}

/// Points still missed that a sentence of the answer makes in words close to the reference's
/// sentence for them: each sentence earns at most one.
fn credit_close_sentences(
    content: &mut Content,
    points: &[PointSpec],
    ev: &Evidence,
    sentences: &Sentences,
    answer: &str,
    lang: Language,
) {
    let open = |content: &Content| {
        content
            .points
            .iter()
            .zip(points)
            .any(|(r, s)| !r.hit && !s.close.is_empty())
    };
    if !open(content) {
        return;
    }
    for range in sentences.counted() {
        let units = Units::of(&ev.norm, range, &ev.hits, points, lang);
        let found = content
            .points
            .iter()
            .zip(points)
            .position(|(r, s)| !r.hit && !s.close.is_empty() && s.close.matched_by(&units));
        if let Some(i) = found {
            let at = ev.norm.orig_span(range.0, range.1);
            let said: String = answer
                .chars()
                .skip(at[0])
                .take(at[1].saturating_sub(at[0]))
                .collect();
            content.earn_close(i, at, said.trim().to_string());
            if !open(content) {
                return;
            }
        }
    }
}

/// How much of a typed answer is about the question, and how much repeats itself.
struct SentenceShares {
    on_topic: f64,
    repeated: f64,
}

/// One answer judged on each dimension, before the dimensions are combined.
struct Judged<'a> {
    content: Content,
    structure: StructureOutcome,
    delivery: Delivery,
    flags: Vec<Flag>,
    seconds: Option<u32>,
    /// Generic organisation, for typed answers.
    organisation: Option<&'a Organisation>,
    /// How much of a typed answer is on the question's topic (`relevance::Topic`).
    topic_share: Option<f64>,
    sentences: Option<SentenceShares>,
    /// Written as a numbered outline (`structure::numbered_outline`): terse steps are its
    /// form, not bare claims.
    outline: bool,
}

fn to_u8(x: f64) -> u8 {
    x.round().clamp(0.0, 100.0) as u8
}

/// Bank indexes fit in u16 (validation bounds bank sizes far below that).
fn idx(i: usize) -> u16 {
    u16::try_from(i).unwrap_or(u16::MAX)
}

/// One text searched with a question's automaton.
struct Evidence {
    norm: Normalized,
    hits: Vec<Hit>,
    /// Where bank phrases (points, avoid, cues) matched.
    phrases: Ranges,
}

impl Evidence {
    fn find(matcher: &Matcher, lang: Language, text: &str) -> Evidence {
        let norm = normalize(text, lang);
        let hits = matcher.find(&norm);
        let phrases = Ranges::of_hits(&hits, Role::is_rubric);
        Evidence {
            norm,
            hits,
            phrases,
        }
    }

    /// For each of `n` points, the original char offset of its earliest non-negated match.
    /// Where each point is earned (original char offsets, in order), negated places left
    /// out.
    fn point_places(&self, lang: Language, lex: &'static Lexicon, n: usize) -> Vec<Vec<usize>> {
        let guard = NegationGuard::new(&self.norm, lang, lex, &self.hits, &self.phrases);
        let mut places = vec![Vec::new(); n];
        for h in &self.hits {
            if let Role::Point { point, .. } = h.role
                && let Some(list) = places.get_mut(usize::from(point))
                && !guard.negates(h.start)
            {
                list.push(self.norm.orig_offset(h.start));
            }
        }
        places
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rubrics_can_be_shared_across_threads() {
        fn shareable<T: Send + Sync + Clone + 'static>() {}
        shareable::<Rubric>();
    }
}
