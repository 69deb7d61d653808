//! "Add this" hints: for each point, the first sentence of the reference answer that earns it,
//! shown to a candidate who missed the point.

/// Sentences of `text` as (first char offset, end char offset, sentence text trimmed).
/// A sentence ends after 。！？!? or a line break, or after a '.' followed by a space (a
/// semicolon only joins two clauses: a hint is a whole sentence).
pub fn sentences(text: &str) -> Vec<(usize, usize, String)> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let (mut start, mut i) = (0, 0);
    while let Some(&c) = chars.get(i) {
        i += 1;
        let next = chars.get(i).copied();
        let ends = matches!(c, '。' | '！' | '？' | '!' | '?' | '\n')
            || (c == '.' && next.is_none_or(char::is_whitespace));
        if ends {
            // Closing quotes and brackets stay with their sentence.
            while chars.get(i).is_some_and(|&n| is_closing(n)) {
                i += 1;
            }
            push(&chars, start, i, &mut out);
            start = i;
        }
    }
    push(&chars, start, chars.len(), &mut out);
    out
}

fn is_closing(c: char) -> bool {
    matches!(c, '”' | '」' | '』' | '"' | '’' | '）' | ')')
}

fn push(chars: &[char], start: usize, end: usize, out: &mut Vec<(usize, usize, String)>) {
    let s: String = chars.get(start..end).unwrap_or_default().iter().collect();
    let trimmed = s.trim();
    if !trimmed.is_empty() {
        out.push((start, end, trimmed.to_string()));
    }
}

/// The clause of `text` around char offset `at` (between commas, semicolons or sentence
/// ends), with the next clause added while it is shorter than eight characters.
pub fn clause_at(text: &str, at: usize) -> String {
    let chars: Vec<char> = text.chars().collect();
    let is_break = |c: char| {
        matches!(
            c,
            '，' | ',' | '；' | ';' | '。' | '！' | '？' | '!' | '?' | '：' | ':' | '\n'
        ) || (c == '.')
    };
    let start = chars
        .get(..at.min(chars.len()))
        .unwrap_or_default()
        .iter()
        .rposition(|&c| is_break(c))
        .map_or(0, |i| i + 1);
    let mut end = at;
    loop {
        end += chars
            .get(end..)
            .unwrap_or_default()
            .iter()
            .position(|&c| is_break(c))
            .unwrap_or(chars.len().saturating_sub(end));
        let long = chars
            .get(start..end)
            .unwrap_or_default()
            .iter()
            .filter(|c| c.is_alphanumeric())
            .count()
            >= 8;
        if long || end + 1 >= chars.len() {
            break;
        }
        end += 1;
    }
    chars
        .get(start..end.min(chars.len()))
        .unwrap_or_default()
        .iter()
        .collect()
}

/// The sentence containing char offset `at`.
pub fn sentence_at(sentences: &[(usize, usize, String)], at: usize) -> Option<&str> {
    sentences
        .iter()
        .find(|(s, e, _)| (*s..*e).contains(&at))
        .map(|(_, _, t)| t.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_chinese_and_english_sentences() {
        let s: Vec<String> = sentences("您好！我先核实订单。\n然后换货")
            .into_iter()
            .map(|x| x.2)
            .collect();
        assert_eq!(s, ["您好！", "我先核实订单。", "然后换货"]);
        let s: Vec<String> = sentences("I'm sorry. I will check v1.2 first; then fix it")
            .into_iter()
            .map(|x| x.2)
            .collect();
        assert_eq!(s, ["I'm sorry.", "I will check v1.2 first; then fix it"]);
        let s: Vec<String> = sentences("他说：“好的。”然后走了")
            .into_iter()
            .map(|x| x.2)
            .collect();
        assert_eq!(s, ["他说：“好的。”", "然后走了"]);
    }

    #[test]
    fn a_clause_is_the_words_between_commas_grown_to_eight_characters() {
        let text = "首先道歉，然后请顾客拍照留证，核实后补发。";
        let at = text.chars().position(|c| c == '拍').unwrap();
        assert_eq!(clause_at(text, at), "然后请顾客拍照留证");
        assert_eq!(clause_at(text, 0), "首先道歉，然后请顾客拍照留证");
    }

    #[test]
    fn finds_the_sentence_around_an_offset() {
        let s = sentences("甲。乙丙。");
        assert_eq!(sentence_at(&s, 3), Some("乙丙。"));
        assert_eq!(sentence_at(&s, 0), Some("甲。"));
    }
}
