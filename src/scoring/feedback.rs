//! Feedback sentences in the bank's language, each telling the candidate what to add or
//! change, most important first: why nothing counted, missing required points, missed points,
//! phrases to drop, structure, length, fillers, pace.

use super::delivery::Delivery;
use super::rubric::{PointSpec, StructureSpec};
use super::scorecard::{Flag, Scorecard};
use super::structure::Organisation;
use crate::bank::Language;
use crate::text::sanitize_line;

/// Everything the feedback speaks about.
pub struct Findings<'a> {
    pub lang: Language,
    pub card: &'a Scorecard,
    pub points: &'a [PointSpec],
    /// `None`: generic organisation was judged.
    pub structure: Option<&'a StructureSpec>,
    /// A follow-up: no numbering or conclusion is asked of it.
    pub brief: bool,
    /// Generic organisation (typed answers without a rubric).
    pub organisation: Option<&'a Organisation>,
    pub delivery: &'a Delivery,
    pub target_chars: (u32, u32),
    pub answer_seconds: u32,
    /// The answer earned no credit at all (empty, restated, keyword list, off-topic).
    pub zero: bool,
}

pub fn feedback(f: &Findings) -> Vec<String> {
    let zh = f.lang == Language::Zh;
    let mut out = Vec::new();
    for flag in &f.card.flags {
        out.extend(zero_credit_sentence(*flag, zh));
    }
    points_sentences(f, zh, &mut out);
    if f.zero {
        return out;
    }
    for flag in &f.card.flags {
        out.extend(judgement_sentence(*flag, zh));
    }
    for a in &f.card.avoid {
        let (m, why) = (q(&a.matched), q(&a.why));
        out.push(if zh {
            format!(
                "「{m}」听起来像在{why}（扣{}分）：请删掉，改说你会怎样解决问题。",
                a.penalty
            )
        } else {
            format!(
                "\"{m}\" sounds like {why} (−{} points): drop it and say how you will solve the problem instead.",
                a.penalty
            )
        });
    }
    structure_sentences(f, zh, &mut out);
    delivery_sentences(f, zh, &mut out);
    if out.is_empty() {
        out.push(if zh {
            "回答完整、条理清楚，继续保持。".to_string()
        } else {
            "A complete, well-organised answer: keep it up.".to_string()
        });
    }
    out
}

fn q(s: &str) -> String {
    sanitize_line(s)
}

/// The caps and scalings of `rubric::card`, each said once with how to mend it.
fn judgement_sentence(flag: Flag, zh: bool) -> Option<String> {
    let s = match (flag, zh) {
        (Flag::Hostile, true) => {
            "回答里有对顾客或同事不敬、带敌意的话（见下方标出的词），总分最多30分：面试官听到这种话就会淘汰，请换成尊重、解决问题的说法。"
        }
        (Flag::Hostile, false) => {
            "The answer has hostile words toward a customer or colleague (marked below), so the total is capped at 30: a panel stops listening there. Say it respectfully and focus on solving the problem."
        }
        (Flag::BareClaims, true) => {
            "要点大多只是一句口号（如「我会道歉。」），没有说怎么做，总分最多40分：每个要点都说清具体怎么做、对顾客说什么。"
        }
        (Flag::BareClaims, false) => {
            "Most points are bare claims (\"I will apologise.\") with nothing on how, so the total is capped at 40: say what you would do and say for each."
        }
        (Flag::Padded, true) => {
            "回答里有不少与题目无关的句子，这些句子不计分，还会按比例拉低总分：请只说和题目有关的内容。"
        }
        (Flag::Padded, false) => {
            "Much of the answer is about something else; those sentences lower the total in proportion: keep to the question."
        }
        (Flag::Repeated, true) => {
            "有句子重复出现，重复的部分只算一次，还会拉低总分：每句话只说一遍。"
        }
        (Flag::Repeated, false) => {
            "Some sentences are repeated; repeats count once and lower the total: say each thing once."
        }
        _ => return None,
    };
    Some(s.to_string())
}

fn zero_credit_sentence(flag: Flag, zh: bool) -> Option<String> {
    let s = match (flag, zh) {
        (Flag::Empty, true) => "没有作答：请用完整的句子回答题目。",
        (Flag::Empty, false) => "No answer was given: answer the question in full sentences.",
        (Flag::RestatesPrompt, true) => {
            "回答大部分是在复述题目，内容不得分：请用自己的话说明你会怎么做。"
        }
        (Flag::RestatesPrompt, false) => {
            "Most of the answer repeats the question, so it earns no content credit: say in your own words what you would do."
        }
        (Flag::KeywordList, true) => {
            "回答只是罗列关键词，内容不得分：请把要点放进完整的句子，说清楚怎么做、为什么。"
        }
        (Flag::KeywordList, false) => {
            "The answer only lists keywords, so it earns no content credit: put the points into full sentences that say what you would do and why."
        }
        (Flag::WrongLanguage, true) => {
            "这道题要用中文回答，而你的回答主要是英文，所以找不到任何要点，不得分：请用中文作答，或者去练英文题库。"
        }
        (Flag::WrongLanguage, false) => {
            "This question is answered in English, but the answer is in Chinese, so none of its points can be found and it earns nothing: answer in English, or practise a Chinese bank."
        }
        (Flag::OffTopic, true) => "回答与题目无关，不得分：请围绕题目作答。",
        (Flag::OffTopic, false) => {
            "The answer has nothing to do with the question, so it earns no credit: answer what was asked."
        }
        (Flag::Vague, true) => "回答大致切题，但没有说出具体做法：请补上下面这些要点。",
        (Flag::Vague, false) => {
            "The answer is on the topic but says nothing concrete: add the points below."
        }
        _ => return None,
    };
    Some(s.to_string())
}

/// Missing required points first, then the other missed points, each with the reference
/// sentence that would earn it (or a phrase to use when there is no reference).
fn points_sentences(f: &Findings, zh: bool, out: &mut Vec<String>) {
    let missed = f.card.points.iter().zip(f.points).filter(|(p, _)| !p.hit);
    let (required, optional): (Vec<_>, Vec<_>) = missed.partition(|(p, _)| p.required);
    for (result, spec) in required.into_iter().chain(optional) {
        let name = q(&result.name);
        let example = match (&result.hint, spec.phrases.first()) {
            (Some(h), _) if zh => format!("，例如：「{}」", q(h)),
            (Some(h), _) => format!(", for example: \"{}\"", q(h)),
            (None, Some(p)) if zh => format!("（可以提到「{}」）。", q(p)),
            (None, Some(p)) => format!(" (mention \"{}\").", q(p)),
            (None, None) if zh => "。".to_string(),
            (None, None) => ".".to_string(),
        };
        out.push(match (result.required, zh) {
            (true, true) => format!("缺少必答要点「{name}」，请补上{example}"),
            (true, false) => format!("Missing a required point, \"{name}\": add it{example}"),
            (false, true) => format!("还可以补充「{name}」{example}"),
            (false, false) => format!("Add \"{name}\"{example}"),
        });
    }
}

fn structure_sentences(f: &Findings, zh: bool, out: &mut Vec<String>) {
    if let Some(spec) = f.structure {
        for (result, sec) in f.card.sections.iter().zip(&spec.sections) {
            if result.found || sec.optional {
                continue;
            }
            let name = q(&sec.name);
            let cue = sec.cues.first().map(|c| q(c)).unwrap_or_default();
            out.push(if zh {
                format!("缺少「{name}」部分：可以用「{cue}」引出这一部分。")
            } else {
                format!("The \"{name}\" part is missing: introduce it with \"{cue}\".")
            });
        }
        if !f.card.order_ok {
            let order: Vec<String> = spec
                .sections
                .iter()
                .filter(|s| !s.optional)
                .map(|s| q(&s.name))
                .collect();
            out.push(if zh {
                format!("各部分顺序不对：请按「{}」的顺序作答。", order.join("→"))
            } else {
                format!(
                    "The parts are out of order: answer in the order {}.",
                    order.join(" → ")
                )
            });
        }
        return;
    }
    let Some(org) = f.organisation else { return };
    if org.sentences < 2 {
        out.push(if zh {
            "只有一句话：请分几句把做法展开。".to_string()
        } else {
            "Only one sentence: develop your answer over several sentences.".to_string()
        });
    }
    // A follow-up is a few sentences; numbering and a conclusion are not asked of it, but
    // its first sentence should answer what was asked.
    if f.brief {
        let answered_first = f.card.sections.first().is_none_or(|s| s.found);
        if !answered_first && org.sentences >= 2 && f.card.points.iter().any(|p| p.hit) {
            out.push(if zh {
                "第一句就回答追问问的事，再说理由和做法。".to_string()
            } else {
                "Answer what the follow-up asks in your first sentence, then explain.".to_string()
            });
        }
        return;
    }
    if org.enumerations < 2 {
        out.push(if zh {
            "用「首先……其次……最后……」分点作答，层次会更清楚。".to_string()
        } else {
            "Number your points (first, second, finally) so the structure is easy to follow."
                .to_string()
        });
    }
    if org.conclusion.is_none() && org.sentences >= 2 {
        out.push(if zh {
            "结尾用一句「总之……」总结你的做法。".to_string()
        } else {
            "End with a one-sentence conclusion (\"In short, …\").".to_string()
        });
    }
}

fn delivery_sentences(f: &Findings, zh: bool, out: &mut Vec<String>) {
    let d = f.delivery;
    let (lo, hi) = f.target_chars;
    let n = d.chars;
    for flag in &d.flags {
        let s = match (flag, zh) {
            (Flag::TooShort, true) if n > 0 => {
                format!("回答偏短（{n}字）：建议写到{lo}～{hi}字，把每个要点说具体。")
            }
            (Flag::TooShort, false) if n > 0 => format!(
                "The answer is short ({n} characters): aim for {lo}–{hi} and make each point concrete."
            ),
            (Flag::TooShort, true) => "作答时间太短：请把每个要点说完整。".to_string(),
            (Flag::TooShort, false) => {
                "The answer was very brief: take the time to cover each point.".to_string()
            }
            (Flag::TooLong, true) => {
                format!("回答偏长（{n}字）：建议控制在{hi}字以内，先说要点。")
            }
            (Flag::TooLong, false) => format!(
                "The answer is long ({n} characters): keep it under {hi} and lead with the key points."
            ),
            _ => continue,
        };
        out.push(s);
    }
    if d.too_many_fillers() {
        let words: Vec<String> = d.filler_words.iter().take(3).map(|w| q(w)).collect();
        out.push(if zh {
            let list: String = words.iter().map(|w| format!("「{w}」")).collect();
            format!(
                "口头禅偏多（{}处，如{list}）：请删掉，让表达更干脆。",
                d.fillers
            )
        } else {
            let list: Vec<String> = words.iter().map(|w| format!("\"{w}\"")).collect();
            format!(
                "Too many fillers ({}, such as {}): cut them to sound confident.",
                d.fillers,
                list.join(", ")
            )
        });
    }
    let seconds = f.card.seconds.unwrap_or(0);
    let limit = f.answer_seconds;
    let cpm = d.pace_cpm.unwrap_or(0);
    for flag in &d.flags {
        let s = match (flag, zh) {
            (Flag::OverTime, true) => {
                format!("用时{seconds}秒，超过了{limit}秒的限时：请精简内容，先说要点。")
            }
            (Flag::OverTime, false) => format!(
                "You took {seconds} s, over the {limit} s limit: trim the answer and lead with the key points."
            ),
            (Flag::TooFast, true) => {
                format!("作答速度（每分钟{cpm}字）快得不像现场作答：请自己组织语言，不要粘贴。")
            }
            (Flag::TooFast, false) => format!(
                "{cpm} characters a minute is faster than anyone types or speaks: compose the answer yourself rather than pasting it."
            ),
            (Flag::TooSlow, true) => {
                format!("作答很慢（每分钟{cpm}字）：先想好要点的顺序，再连贯地写出来。")
            }
            (Flag::TooSlow, false) => format!(
                "Very slow ({cpm} characters a minute): plan the order of your points first, then answer in one go."
            ),
            _ => continue,
        };
        out.push(s);
    }
}
