//! Banks embedded in the binary at build time (see `build.rs`), so an installed `mianba`
//! works from any folder.

include!(concat!(env!("OUT_DIR"), "/bundled.rs"));

/// Every embedded file, sorted: `(path relative to question_banks/, '/'-separated, contents)`.
/// Banks end in `.toml`; figures live under a `figures/` folder.
pub fn files() -> &'static [(&'static str, &'static str)] {
    FILES
}

/// The contents of one embedded file, by its path relative to `question_banks/`.
pub fn read(rel: &str) -> Option<&'static str> {
    let i = FILES.binary_search_by(|(path, _)| (*path).cmp(rel)).ok()?;
    FILES.get(i).map(|(_, text)| *text)
}

/// The embedded banks (the `*.toml` files outside any `figures/` folder).
pub fn banks() -> impl Iterator<Item = (&'static str, &'static str)> {
    FILES
        .iter()
        .copied()
        .filter(|(path, _)| path.ends_with(".toml") && !path.split('/').any(|c| c == "figures"))
}

/// The id and category of each question of the bundled bank at `rel`, in order, as
/// `build.rs` read them; `None` for a bank it could not read them from.
pub fn questions(rel: &str) -> Option<&'static [(&'static str, &'static str)]> {
    let i = QUESTIONS
        .binary_search_by(|(path, _)| (*path).cmp(rel))
        .ok()?;
    QUESTIONS.get(i).map(|(_, q)| *q)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_sorted_and_every_entry_is_found_by_read() {
        assert!(files().windows(2).all(|w| w[0].0 < w[1].0));
        for (path, text) in files() {
            assert_eq!(read(path), Some(*text));
        }
        assert_eq!(read("no-such-bank.toml"), None);
    }
}
