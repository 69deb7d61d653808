//! How a candidate sends a sitting of a set to the tutor: the name the bundle goes under when
//! `--name` is not given, and the exact `mianba set export` command the summary shows.

use std::path::Path;

/// The candidate's name from the environment (`MIANBA_NAME`, then the login name in `USER`
/// or `USERNAME`); `None` when none is set, and the name must be asked for: a bundle under
/// a made-up name ("candidate") would be filed against nobody in the class report.
pub fn candidate_name() -> Option<String> {
    ["MIANBA_NAME", "USER", "USERNAME"]
        .iter()
        .find_map(|k| std::env::var(k).ok().filter(|v| !v.trim().is_empty()))
}

/// `mianba set export --set PATH --out ID.json --name NAME`, each value quoted for a POSIX
/// shell when it needs it. `name`: the candidate's, or a placeholder to replace.
pub fn export_command(set_path: &Path, set_id: &str, name: &str) -> String {
    let path = crate::text::sanitize_line(&set_path.display().to_string());
    let out = format!("{}.json", crate::text::sanitize_line(set_id));
    format!(
        "mianba set export --set {} --out {} --name {}",
        shell_word(&path),
        shell_word(&out),
        shell_word(&crate::text::sanitize_line(name))
    )
}

/// `word` as one shell word: as written when it is plain, otherwise in single quotes.
fn shell_word(word: &str) -> String {
    let plain = !word.is_empty()
        && word
            .chars()
            .all(|c| !c.is_ascii() || c.is_ascii_alphanumeric() || "-_./:@%+=,".contains(c));
    if plain && !word.chars().any(char::is_whitespace) {
        word.to_string()
    } else {
        format!("'{}'", word.replace('\'', r"'\''"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_words_stay_and_others_are_quoted() {
        let cmd = export_command(Path::new("/home/u/sets/week1.toml"), "week1", "张三");
        assert_eq!(
            cmd,
            "mianba set export --set /home/u/sets/week1.toml --out week1.json --name 张三"
        );
        let cmd = export_command(Path::new("/tmp/my sets/it's.toml"), "w", "Li Si");
        assert!(
            cmd.contains(r"--set '/tmp/my sets/it'\''s.toml'") && cmd.ends_with("--name 'Li Si'"),
            "{cmd}"
        );
    }
}
