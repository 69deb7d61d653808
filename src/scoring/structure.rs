//! Structure: with a rubric, the sections found at the first occurrence of one of their cues,
//! in order when the rubric says so; without one, generic organisation (numbered points, more
//! than one sentence, a conclusion), or for a follow-up the shape of a short reply (the point
//! first, developed, concrete).

use super::matcher::{Hit, Role};
use super::negation::is_clause_end;
use super::normalize::Normalized;
use super::relevance::Copied;
use super::rubric::StructureSpec;
use super::scorecard::SectionResult;
use super::spans::Ranges;
use crate::bank::Language;

/// Points off when the found sections are out of the rubric's order.
const ORDER_DEDUCTION: f64 = 25.0;
/// Each optional section found adds this much, up to 100.
const OPTIONAL_BONUS: f64 = 10.0;
/// A conclusion marker counts only in the last part of the answer.
const CONCLUSION_FROM: f64 = 0.6;

/// Generic organisation's three parts and their share of the structure score.
const ENUMERATION_PART: f64 = 35.0;
const SENTENCES_PART: f64 = 40.0;
const CONCLUSION_PART: f64 = 25.0;

/// A follow-up's three parts and their share of the structure score.
const FIRST_PART: f64 = 25.0;
const DEVELOPED_PART: f64 = 35.0;
const CONCRETE_PART: f64 = 40.0;

pub struct StructureOutcome {
    pub sections: Vec<SectionResult>,
    pub order_ok: bool,
    pub score: f64,
}

/// How the answer is organised, whatever its rubric.
#[derive(Debug, Default)]
pub struct Organisation {
    /// Enumeration markers used (首先/其次/最后, first/second/finally …).
    pub enumerations: usize,
    /// The first marker: original char offset and the marker as written (normalised).
    pub first_enumeration: Option<(usize, String)>,
    pub sentences: usize,
    /// A conclusion marker near the end: original char offset and the marker.
    pub conclusion: Option<(usize, String)>,
}

/// Words that only look like list markers (第一时间, 第一次): found once per answer, read by
/// both `organisation` and `with_rubric`.
pub fn not_markers(hits: &[Hit]) -> Ranges {
    Ranges::of_hits(hits, |r| r == Role::EnumerationException)
}

pub fn organisation(
    text: &Normalized,
    hits: &[Hit],
    exceptions: &Ranges,
    lang: Language,
) -> Organisation {
    let s = text.as_str();
    let mut org = Organisation {
        sentences: text.sentences(),
        ..Organisation::default()
    };
    let marker = |h: &Hit| s.get(h.start..h.end).unwrap_or_default().to_string();
    for h in hits {
        match h.role {
            Role::Enumeration => {
                if exceptions.contains(h.start, h.end, true)
                    || (lang == Language::En && !at_clause_start(s, h.start))
                {
                    continue;
                }
                org.enumerations += 1;
                if org.first_enumeration.is_none() {
                    org.first_enumeration = Some((text.orig_offset(h.start), marker(h)));
                }
            }
            Role::Conclusion
                if h.start as f64 >= CONCLUSION_FROM * s.len() as f64
                    && org.conclusion.is_none() =>
            {
                org.conclusion = Some((text.orig_offset(h.start), marker(h)));
            }
            _ => {}
        }
    }
    // Numbered items: (1)(2), ⑴⑵, 1、2、, 1. 2., 一、二、 at the start of a line or clause.
    for (at, marker) in list_markers(text) {
        org.enumerations += 1;
        let first_before = org
            .first_enumeration
            .as_ref()
            .is_none_or(|(o, _)| text.orig_offset(at) < *o);
        if first_before {
            org.first_enumeration = Some((text.orig_offset(at), marker));
        }
    }
    // A one-sentence answer has nothing to conclude.
    if org.sentences < 2 {
        org.conclusion = None;
    }
    org
}

/// A numbered outline: at least three numbered items ((1)(2)(3), 1、2、3、 …) of at least
/// four characters (two words) each on average — a plan written as steps (「(1)耐心倾听；
/// (2)了解投诉原因；…」), not a string of keywords (「(1)倾听；(2)道歉」).
pub fn numbered_outline(text: &Normalized, lang: Language) -> bool {
    let s = text.as_str();
    let markers = list_markers(text);
    if markers.len() < 3 {
        return false;
    }
    let first = markers.first().map_or(0, |(at, _)| *at);
    let items = s.get(first..).unwrap_or_default();
    let letters = items.chars().filter(|c| c.is_alphabetic()).count();
    let marker_letters: usize = markers
        .iter()
        .map(|(_, m)| m.chars().filter(|c| c.is_alphabetic()).count())
        .sum();
    let per_item = letters.saturating_sub(marker_letters) / markers.len();
    let least = match lang {
        Language::Zh => 4,
        Language::En => 8,
    };
    per_item >= least
}

/// Numbered list markers at the start of the text, a line or a clause: `(1)`, `1、`, `1.`,
/// `1)` and `一、` (after NFKC, ⑴ and （1） are `(1)`). Byte offset and the marker.
fn list_markers(text: &Normalized) -> Vec<(usize, String)> {
    let s = text.as_str();
    // Clauses start at the text's start and after each clause end; spaces there are skipped.
    let ends = text
        .marks()
        .iter()
        .filter(|&&(_, c)| is_clause_end(c) || c == '\n')
        .map(|&(i, c)| i + c.len_utf8());
    let mut out = Vec::new();
    for start in std::iter::once(0).chain(ends) {
        let rest = s.get(start..).unwrap_or_default();
        let at = start + (rest.len() - rest.trim_start_matches(' ').len());
        let rest = s.get(at..).unwrap_or_default();
        if let Some(len) = marker_len(rest) {
            out.push((at, rest.get(..len).unwrap_or_default().to_string()));
        }
    }
    out
}

/// Length in bytes of a list marker at the start of `rest`, if there is one.
fn marker_len(rest: &str) -> Option<usize> {
    let numeral = |c: char| {
        matches!(
            c,
            '0'..='9' | '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十'
        )
    };
    let mut it = rest.char_indices();
    let (_, first) = it.next()?;
    if first == '(' {
        let (_, d) = it.next()?;
        let (j, close) = it.next()?;
        return (numeral(d) && close == ')').then_some(j + 1);
    }
    if !numeral(first) {
        return None;
    }
    let (j, sep) = it.next()?;
    let ascii_digit = first.is_ascii_digit();
    let ok = sep == '、'
        || (ascii_digit
            && (sep == ')'
                || (sep == '.'
                    && !rest
                        .get(j + 1..)
                        .is_some_and(|r| r.starts_with(|c: char| c.is_ascii_digit())))));
    ok.then_some(j + sep.len_utf8())
}

/// en ordinals count as the speaker's own list only where a clause starts ("First, …"),
/// not inside one ("the first time").
fn at_clause_start(s: &str, start: usize) -> bool {
    s.get(..start)
        .and_then(|before| before.trim_end_matches(' ').chars().next_back())
        .is_none_or(|c| is_clause_end(c) || c == '\n')
}

/// The rubric's sections, each at a cue that was not copied from the prompt. In an ordered
/// rubric each section is looked for after the previous one's place first, so an early
/// incidental cue (「这个问题应该重视」 before any analysis, "it should be taken seriously" in
/// the view) does not put a section out of order when the answer does reach it in turn; a
/// section with no cue after its predecessor falls back to its first cue, which is out of order.
pub fn with_rubric(
    spec: &StructureSpec,
    text: &Normalized,
    hits: &[Hit],
    exceptions: &Ranges,
    copied: &Copied,
) -> StructureOutcome {
    // Each section's cues, in text order (hits come sorted by start), not copied, and not a
    // list marker inside a word that only looks like one (「第一」 in 「第一时间」).
    let cues_of = |section: usize| {
        hits.iter().filter_map(move |h| match h.role {
            Role::Cue { section: s, cue }
                if usize::from(s) == section
                    && !copied.covers(h.start, h.end)
                    && !exceptions.contains(h.start, h.end, false) =>
            {
                Some((text.orig_offset(h.start), cue))
            }
            _ => None,
        })
    };
    let mut after = 0;
    let first: Vec<Option<(usize, u16)>> = spec
        .sections
        .iter()
        .enumerate()
        .map(|(i, sec)| {
            let in_turn = spec
                .ordered
                .then(|| cues_of(i).find(|(at, _)| *at >= after))
                .flatten();
            if let (Some((at, _)), false) = (in_turn, sec.optional) {
                after = at;
            }
            in_turn.or_else(|| cues_of(i).next())
        })
        .collect();
    let sections: Vec<SectionResult> = spec
        .sections
        .iter()
        .zip(&first)
        .map(|(sec, found)| SectionResult {
            name: sec.name.clone(),
            found: found.is_some(),
            at: found.map(|(at, _)| at),
            optional: sec.optional,
            cue: found.and_then(|(_, cue)| sec.cues.get(usize::from(cue)).cloned()),
        })
        .collect();
    let order_ok = !spec.ordered || in_order(&sections);
    let score = rubric_score(&sections, order_ok);
    StructureOutcome {
        sections,
        order_ok,
        score,
    }
}

/// Found non-optional sections appear in the rubric's order.
fn in_order(sections: &[SectionResult]) -> bool {
    let positions: Vec<usize> = sections
        .iter()
        .filter(|s| !s.optional)
        .filter_map(|s| s.at)
        .collect();
    positions.windows(2).all(|w| w[0] <= w[1])
}

/// Share of required sections found, less a deduction when out of order; optional sections
/// can only help.
fn rubric_score(sections: &[SectionResult], order_ok: bool) -> f64 {
    let required = sections.iter().filter(|s| !s.optional).count();
    let found = sections.iter().filter(|s| !s.optional && s.found).count();
    let optional_found = sections.iter().filter(|s| s.optional && s.found).count();
    let base = if required == 0 {
        100.0
    } else {
        100.0 * found as f64 / required as f64
    };
    let deduction = if order_ok { 0.0 } else { ORDER_DEDUCTION };
    let bonus = OPTIONAL_BONUS * optional_found as f64;
    ((base - deduction).max(0.0) + bonus).min(100.0)
}

/// Names of generic organisation's parts, in the bank's language; they stand in for sections
/// when a question has no structure rubric (also as the spoken-mode checklist).
pub fn generic_labels(lang: Language) -> [&'static str; 3] {
    match lang {
        Language::Zh => ["分点作答（首先、其次、最后）", "分几句展开", "总结收尾"],
        Language::En => [
            "Numbered points (first, second, finally)",
            "More than one sentence",
            "A conclusion",
        ],
    }
}

/// Generic organisation, shown as three pseudo-sections.
pub fn generic(org: &Organisation, lang: Language) -> StructureOutcome {
    let [enum_label, sentences_label, conclusion_label] = generic_labels(lang);
    let enumeration = match org.enumerations {
        0 => 0.0,
        1 => ENUMERATION_PART * 0.4,
        _ => ENUMERATION_PART,
    };
    let sentences = match org.sentences {
        0 | 1 => 0.0,
        2 => SENTENCES_PART * 0.6,
        _ => SENTENCES_PART,
    };
    let conclusion = if org.conclusion.is_some() {
        CONCLUSION_PART
    } else {
        0.0
    };
    StructureOutcome {
        sections: vec![
            part(
                enum_label,
                org.enumerations >= 2,
                org.first_enumeration.as_ref(),
            ),
            part(sentences_label, org.sentences >= 2, None),
            part(
                conclusion_label,
                org.conclusion.is_some(),
                org.conclusion.as_ref(),
            ),
        ],
        order_ok: true,
        score: enumeration + sentences + conclusion,
    }
}

/// One pseudo-section of generic or follow-up organisation, found at `at` (original offset
/// and the words that showed it).
fn part(name: &str, found: bool, at: Option<&(usize, String)>) -> SectionResult {
    SectionResult {
        name: name.to_string(),
        found,
        at: at.map(|(at, _)| *at),
        optional: false,
        cue: at.map(|(_, cue)| cue.clone()),
    }
}

/// Names of a follow-up's parts, in the bank's language. A follow-up asks one thing and gets a
/// few sentences: it is judged on answering what was asked straight away, developing it and
/// saying something concrete; numbering and a conclusion are not asked of it.
pub fn brief_labels(lang: Language) -> [&'static str; 3] {
    match lang {
        Language::Zh => ["开门见山回应追问", "分几句展开", "说出具体做法"],
        Language::En => [
            "Answers the follow-up first",
            "More than one sentence",
            "Something concrete",
        ],
    }
}

/// What a follow-up's shape is judged on; each place is an original offset with the words
/// that showed it.
#[derive(Debug, Default)]
pub struct Brief {
    /// A point of the follow-up made in the answer's first sentence, with more after it.
    pub first: Option<(usize, String)>,
    pub sentences: usize,
    /// The first point made with substance, when such points carry at least half of the
    /// follow-up's weight (one idea of three is not yet a concrete reply).
    pub concrete: Option<(usize, String)>,
}

/// A follow-up's organisation, shown as three pseudo-sections.
pub fn brief(b: &Brief, lang: Language) -> StructureOutcome {
    let [first_label, developed_label, concrete_label] = brief_labels(lang);
    let developed = b.sentences >= 2;
    let share = |found: bool, part: f64| if found { part } else { 0.0 };
    StructureOutcome {
        sections: vec![
            part(first_label, b.first.is_some(), b.first.as_ref()),
            part(developed_label, developed, None),
            part(concrete_label, b.concrete.is_some(), b.concrete.as_ref()),
        ],
        order_ok: true,
        score: share(b.first.is_some(), FIRST_PART)
            + share(developed, DEVELOPED_PART)
            + share(b.concrete.is_some(), CONCRETE_PART),
    }
}

/// Structure from a spoken-mode checklist: the sections (or generic or follow-up parts)
/// ticked.
pub fn from_ticks(
    spec: Option<&StructureSpec>,
    ticked: &[bool],
    lang: Language,
    brief_reply: bool,
) -> StructureOutcome {
    let tick = |i: usize| ticked.get(i).copied().unwrap_or(false);
    let mark = |i: usize| tick(i).then(|| (0, String::new()));
    let Some(spec) = spec else {
        let mut out = if brief_reply {
            let reply = Brief {
                first: mark(0),
                sentences: if tick(1) { 2 } else { 1 },
                concrete: mark(2),
            };
            brief(&reply, lang)
        } else {
            let org = Organisation {
                enumerations: if tick(0) { 2 } else { 0 },
                first_enumeration: None,
                sentences: if tick(1) { 3 } else { 1 },
                conclusion: mark(2),
            };
            generic(&org, lang)
        };
        for s in &mut out.sections {
            s.at = None;
            s.cue = None;
        }
        return out;
    };
    let sections: Vec<SectionResult> = spec
        .sections
        .iter()
        .enumerate()
        .map(|(i, sec)| SectionResult {
            name: sec.name.clone(),
            found: tick(i),
            at: None,
            optional: sec.optional,
            cue: None,
        })
        .collect();
    // Spoken answers have no positions: order cannot be judged, so it is not held against them.
    let score = rubric_score(&sections, true);
    StructureOutcome {
        sections,
        order_ok: true,
        score,
    }
}
