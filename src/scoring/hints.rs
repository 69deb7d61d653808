//! "Add this" hints: for each point, the first sentence of the reference answer that earns it,
//! shown to a candidate who missed the point.

/// Sentences of `text` as (first char offset, end char offset, sentence text trimmed).
/// A sentence ends after 。！？；!?; or a line break, or after a '.' followed by a space.
pub fn sentences(text: &str) -> Vec<(usize, usize, String)> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let (mut start, mut i) = (0, 0);
    while let Some(&c) = chars.get(i) {
        i += 1;
        let next = chars.get(i).copied();
        let ends = matches!(c, '。' | '！' | '？' | '；' | '!' | '?' | ';' | '\n')
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
        assert_eq!(s, ["I'm sorry.", "I will check v1.2 first;", "then fix it"]);
        let s: Vec<String> = sentences("他说：“好的。”然后走了")
            .into_iter()
            .map(|x| x.2)
            .collect();
        assert_eq!(s, ["他说：“好的。”", "然后走了"]);
    }

    #[test]
    fn finds_the_sentence_around_an_offset() {
        let s = sentences("甲。乙丙。");
        assert_eq!(sentence_at(&s, 3), Some("乙丙。"));
        assert_eq!(sentence_at(&s, 0), Some("甲。"));
    }
}
