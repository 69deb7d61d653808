//! Issue 14, case 5: `set new` validates every flag and confirms on stdout. Each refusal is a
//! usage error (exit 2) with one sentence naming the flag and the fix, and writes no file.
// Test code: a failed unwrap, expect or panic is the test failing, said where it fails.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod safe_support;

use safe_support::{Home, Run};

fn set_new(home: &Home, extra: &[&str]) -> Run {
    home.run(
        ["set", "new", "--bank", "complaint", "--out", "w.toml"]
            .iter()
            .chain(extra),
    )
}

fn refused(home: &Home, extra: &[&str], needle: &str) {
    let run = set_new(home, extra);
    assert_eq!(run.code, Some(2), "{extra:?}: {}", run.stderr);
    assert!(run.stderr.contains(needle), "{extra:?}: {}", run.stderr);
    assert!(!home.path("work/w.toml").exists(), "{extra:?} wrote a set");
}

/// How many questions the complaint bank offers, from the refusal's own sentence checked
/// against the bank as the library loads it.
fn complaint_questions() -> usize {
    let banks = mianba::bank::BankSet::bundled();
    banks
        .banks
        .iter()
        .find(|b| b.id == "complaint")
        .map(|b| b.questions.len())
        .unwrap()
}

#[test]
fn count_must_be_at_least_one_and_at_most_what_exists() {
    let home = Home::new();
    refused(&home, &["--count", "0"], "--count");
    let n = complaint_questions();
    let over = (n + 1).to_string();
    refused(
        &home,
        &["--count", &over],
        &format!("offer only {n} question(s); pass --count {n} or fewer"),
    );
    // Exactly all of them is fine.
    let run = set_new(&home, &["--count", &n.to_string()]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let text = std::fs::read_to_string(home.path("work/w.toml")).unwrap();
    assert_eq!(text.matches("[[questions]]").count(), n);
}

#[test]
fn a_past_due_date_needs_allow_past() {
    let home = Home::new();
    refused(&home, &["--due", "2020-01-01"], "--allow-past");
    let run = set_new(&home, &["--due", "2020-01-01", "--allow-past"]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    // A date to come needs nothing more.
    let run = set_new(&home, &["--due", "2099-01-01", "--force"]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
}

#[test]
fn an_empty_title_is_refused() {
    let home = Home::new();
    refused(&home, &["--title", ""], "--title is empty");
    refused(&home, &["--title", "  "], "--title is empty");
}

#[test]
fn the_confirmation_is_on_stdout() {
    let home = Home::new();
    let run = set_new(&home, &["--count", "2", "--title", "第一周"]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert!(
        run.stdout
            .contains("w.toml: set `w` with 2 question(s), checksum "),
        "stdout: {} stderr: {}",
        run.stdout,
        run.stderr
    );
}

#[test]
fn every_flag_of_set_new_has_help_text() {
    let home = Home::new();
    let run = home.run(["set", "new", "--help"]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    // Each option line (two spaces, then the flag) is followed by its text on the same line
    // or the next: none stands alone.
    let lines: Vec<&str> = run.stdout.lines().collect();
    for (i, line) in lines.iter().enumerate() {
        let t = line.trim_start();
        if !t.starts_with("--") || t.starts_with("--help") {
            continue;
        }
        let described = t.split("  ").filter(|s| !s.trim().is_empty()).count() > 1
            || lines.get(i + 1).is_some_and(|n| {
                let n = n.trim_start();
                !n.is_empty() && !n.starts_with('-')
            });
        assert!(described, "no help for {t}");
    }
    assert!(run.stdout.contains("--allow-past"), "{}", run.stdout);
}
