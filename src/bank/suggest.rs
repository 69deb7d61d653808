//! Suggestions for mistakes in files people write: the valid id nearest a malformed one, and
//! the known name nearest a typo (edit distance from `strsim`).

pub(crate) fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// A valid id close to a malformed one: lower case, other characters turned into '-'
/// (`Wrong Size` → `wrong-size`). `None` when nothing usable is left.
pub(crate) fn suggest_id(id: &str) -> Option<String> {
    let mut out = String::new();
    for c in id.chars() {
        let c = c.to_ascii_lowercase();
        if c.is_ascii_lowercase() || c.is_ascii_digit() {
            out.push(c);
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    let out = out.trim_matches('-').to_string();
    (!out.is_empty()).then_some(out)
}

/// The candidate nearest to `word` by edit distance (in characters, ignoring case; a swap of
/// two neighbours is one edit, so `veiw` is one typo from `view`), when it is near enough to be
/// a likely typo: at most one edit per three characters, and at least one.
pub(crate) fn closest<'k>(word: &str, candidates: &[&'k str]) -> Option<&'k str> {
    let word = word.to_lowercase();
    candidates
        .iter()
        .map(|c| {
            let cand = c.to_lowercase();
            (strsim::osa_distance(&word, &cand), cand.chars().count(), *c)
        })
        .filter(|(d, len, _)| *d <= (len / 3).max(1))
        .min_by_key(|(d, _, _)| *d)
        .map(|(_, _, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bank::rules::{BANK_FIELDS, QUESTION_FIELDS, TIMING_FIELDS};

    #[test]
    fn suggestions_allow_one_typo_per_three_characters() {
        assert_eq!(closest("promt", QUESTION_FIELDS), Some("prompt"));
        assert_eq!(closest("veiw", &["view", "star"]), Some("view"));
        assert_eq!(
            closest("Answer_Seconds", TIMING_FIELDS),
            Some("answer_seconds")
        );
        assert_eq!(closest("colour", BANK_FIELDS), None);
        assert_eq!(suggest_id("Wrong Size!"), Some("wrong-size".into()));
        assert_eq!(suggest_id("投诉"), None);
    }
}
