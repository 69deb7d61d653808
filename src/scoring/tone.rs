//! Tone: hostility is judged on what the candidate says, not on what they report a customer
//! said. 「顾客骂我是骗子」 and "the customer called me useless" describe the situation; 「我会
//! 说'爱买不买'」 is the candidate's own voice. A built-in hostile phrase counts unless the
//! sentence before it reports someone else's words and the candidate has not taken the
//! floor since.

use crate::bank::Language;

const ZH_OTHERS: &[&str] = &[
    "顾客", "客户", "对方", "他", "她", "买家", "用户", "有人", "居民", "群众", "同事", "领导",
    "来电",
];
const ZH_SPEECH: &[&str] = &[
    "说", "骂", "喊", "吼", "嚷", "讲", "抱怨", "指责", "质问", "嫌", "认为", "觉得",
];
const EN_OTHERS: &[&str] = &[
    "customer",
    "customers",
    "caller",
    "client",
    "he",
    "she",
    "they",
    "someone",
    "buyer",
    "colleague",
    "people",
];
const EN_SPEECH: &[&str] = &[
    "said",
    "says",
    "say",
    "yelled",
    "yells",
    "shouted",
    "shouts",
    "called",
    "calls",
    "told",
    "tells",
    "screamed",
    "screams",
    "complained",
    "complains",
    "accused",
    "accuses",
];

/// Whether the phrase at normalised byte `start` is someone else's words that the candidate
/// reports.
pub fn reported_speech(text: &str, start: usize, lang: Language) -> bool {
    let Some(before) = text.get(..start) else {
        return false;
    };
    // The sentence so far: from the last sentence end (a comma does not end a report).
    let from = before
        .char_indices()
        .rev()
        .find(|&(_, c)| matches!(c, '。' | '.' | '!' | '?' | '\n' | ';'))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let sentence = before.get(from..).unwrap_or_default();
    match lang {
        Language::Zh => {
            let Some((verb_at, verb)) = last_of(sentence, ZH_SPEECH) else {
                return false;
            };
            // The verb's own clause: in 「他骂我，我就说」 the candidate speaks.
            let head = sentence.get(..verb_at).unwrap_or_default();
            let head = head.rsplit([',', '，']).next().unwrap_or(head);
            let tail = sentence.get(verb_at + verb.len()..).unwrap_or_default();
            // The candidate speaks again after the report: 「他骂我，我会说活该」.
            let takes_floor = tail.match_indices('我').any(|(i, _)| {
                let after = tail.get(i + '我'.len_utf8()..).unwrap_or_default();
                ZH_SPEECH.iter().any(|v| after.starts_with(v))
            }) || tail.contains("我会说")
                || tail.contains("我就说");
            // The speaker is whoever the sentence names first: 「顾客骂我」 vs 「我会跟他说」.
            let first_other = ZH_OTHERS.iter().filter_map(|o| head.find(o)).min();
            let other = first_other.is_some_and(|o| head.find('我').is_none_or(|me| o < me));
            other && !takes_floor
        }
        Language::En => {
            let words: Vec<&str> = sentence
                .split(|c: char| !c.is_alphanumeric() && c != '\'')
                .filter(|w| !w.is_empty())
                .collect();
            let Some(v) = words.iter().rposition(|w| EN_SPEECH.contains(w)) else {
                return false;
            };
            let subject = words.get(..v).unwrap_or_default();
            let speaker_is_other = subject
                .iter()
                .rev()
                .take(4)
                .find(|w| EN_OTHERS.contains(w) || **w == "i")
                .is_some_and(|w| EN_OTHERS.contains(w));
            let tail = words.get(v + 1..).unwrap_or_default();
            speaker_is_other && !tail.contains(&"i")
        }
    }
}

/// Whether the phrase at normalised byte `start` stands in a quotation the candidate says they
/// would not use: 「我不说『你等着吧』，而是说……」, "instead of saying 'deal with it', I say…".
pub fn refused_quote(text: &str, start: usize, lang: Language) -> bool {
    let Some(before) = text.get(..start) else {
        return false;
    };
    let Some(open) = open_quote(before) else {
        return false;
    };
    // The words just before the quotation, back to the sentence's start.
    let lead = before.get(..open).unwrap_or_default();
    let lead = lead
        .rsplit(['。', '.', '!', '?', '\n', ';'])
        .next()
        .unwrap_or(lead);
    let lead = lead.trim_end_matches([' ', ',', ':']);
    let tail: String = lead
        .chars()
        .rev()
        .take(12)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    match lang {
        Language::Zh => ZH_REFUSE.iter().any(|w| tail.contains(w)),
        Language::En => {
            let tail = tail.to_lowercase();
            let lead = lead.to_lowercase();
            EN_REFUSE
                .iter()
                .any(|w| lead.ends_with(w) || tail.contains(w))
        }
    }
}

const ZH_REFUSE: &[&str] = &[
    "不说",
    "不会说",
    "别说",
    "不能说",
    "不要说",
    "避免说",
    "不讲",
    "而不是",
    "不再说",
    "少说",
    "忌说",
    "换掉",
];
const EN_REFUSE: &[&str] = &[
    "instead of saying",
    "instead of",
    "rather than",
    "never say",
    "do not say",
    "avoid saying",
    "not say",
    "never tell them",
    "never",
];

/// How far back a quotation is looked for: a quoted phrase is a sentence or two, and the scan
/// runs once per avoid hit.
const QUOTE_WINDOW: usize = 240;

/// Byte offset of the quotation mark still open at the end of `before`, if any.
fn open_quote(before: &str) -> Option<usize> {
    let mut from = before.len().saturating_sub(QUOTE_WINDOW);
    while !before.is_char_boundary(from) {
        from += 1;
    }
    let mut open: Option<usize> = None;
    let mut ascii_open = false;
    for (i, c) in before.get(from..).unwrap_or_default().char_indices() {
        let i = from + i;
        match c {
            '「' | '『' | '“' | '‘' => open = Some(i),
            '」' | '』' | '”' | '’' => open = None,
            '"' => {
                ascii_open = !ascii_open;
                open = ascii_open.then_some(i);
            }
            '\n' => {
                open = None;
                ascii_open = false;
            }
            _ => {}
        }
    }
    open
}

fn last_of<'a>(s: &str, words: &[&'a str]) -> Option<(usize, &'a str)> {
    words
        .iter()
        .filter_map(|w| s.rfind(w).map(|i| (i, *w)))
        .max_by_key(|&(i, _)| i)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reported(text: &str, phrase: &str, lang: Language) -> bool {
        let at = text.find(phrase).unwrap();
        reported_speech(text, at, lang)
    }

    #[test]
    fn a_customer_s_words_are_reported_the_candidate_s_are_not() {
        assert!(reported("顾客在电话里骂我神经病", "神经病", Language::Zh));
        assert!(reported("他说:你们都是废物", "废物", Language::Zh));
        assert!(!reported("我会跟他说活该", "活该", Language::Zh));
        assert!(!reported("他骂我,我就说活该", "活该", Language::Zh));
        assert!(!reported("这种人活该", "活该", Language::Zh));
        assert!(reported(
            "the customer called me useless and an idiot",
            "idiot",
            Language::En
        ));
        assert!(!reported("they are just whining", "whining", Language::En));
        assert!(!reported(
            "he yelled, so i said whatever",
            "whatever",
            Language::En
        ));
    }

    fn refused(text: &str, phrase: &str, lang: Language) -> bool {
        let at = text.find(phrase).unwrap();
        refused_quote(text, at, lang)
    }

    #[test]
    fn a_phrase_quoted_as_what_not_to_say_is_not_the_candidate_s_voice() {
        assert!(refused(
            "我不说「还没到账,你等着吧」,而是说",
            "等着吧",
            Language::Zh
        ));
        assert!(refused("我不会说“关我什么事”", "关我什么事", Language::Zh));
        assert!(!refused("我会说「爱买不买」", "爱买不买", Language::Zh));
        assert!(!refused("「等着吧」。我不说这句", "等着吧", Language::Zh));
        assert!(refused(
            "instead of saying \"deal with it\", i say",
            "deal with it",
            Language::En
        ));
        assert!(!refused(
            "i would say \"deal with it\"",
            "deal with it",
            Language::En
        ));
    }
}
