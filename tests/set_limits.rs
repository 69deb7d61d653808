//! Issue 14, case 7: a set's `attempts` is enforced (a sitting counts once it has an answer),
//! and `set export` without `--session` says on stdout which session it picked.
// Test code: a failed unwrap, expect or panic is the test failing, said where it fails.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod safe_support;

use safe_support::{Home, references, sit, sit_some};

/// `practice --set` is refused once the set's attempts are used, with the reason in the UI
/// language; a sitting left before its first answer does not use one.
#[test]
fn a_set_cannot_be_taken_past_its_attempts() {
    let home = Home::new();
    let set = home.set("w.toml", 3, 2);
    let text = std::fs::read_to_string(&set).unwrap();
    assert!(text.contains("attempts = 1"), "{text}");
    // Home::cmd's environment, in the language asked for.
    let practice = |lang: &str| {
        let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin("mianba"));
        cmd.env("XDG_CONFIG_HOME", home.path("config"))
            .env("HOME", home.path("config"))
            .env("MIANBA_DATA_DIR", home.data())
            .stdin(std::process::Stdio::null())
            .args(["--lang", lang, "practice", "--set"])
            .arg(&set);
        safe_support::run_cmd(&mut cmd)
    };
    // Opened and left without an answer: still one attempt left, so only the missing
    // terminal stops it (exit 2).
    sit_some(&home.data(), &set, &[None, None], 1_700_000_000);
    let run = practice("en");
    assert_eq!(run.code, Some(2), "{}", run.stderr);
    let refs = references(&set);
    sit(
        &home.data(),
        &set,
        &[refs[0].as_str(), refs[1].as_str()],
        1_700_000_100,
    );
    let run = practice("en");
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    assert!(
        run.stderr.contains("taken 1 time(s) and allows 1")
            && run.stderr.contains("no attempts are left"),
        "{}",
        run.stderr
    );
    let run = practice("zh");
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    assert!(run.stderr.contains("已经做过 1 次"), "{}", run.stderr);
    // Two attempts allowed: the same sitting leaves one.
    std::fs::write(&set, text.replace("attempts = 1", "attempts = 2")).unwrap();
    assert_eq!(practice("en").code, Some(2));
}

/// A candidate who sat the set, then reopened it and left: the default export takes the
/// sitting with answers and says so on stdout.
#[test]
fn set_export_says_which_session_it_picked() {
    let home = Home::new();
    let set = home.set("w.toml", 3, 2);
    let refs = references(&set);
    sit(
        &home.data(),
        &set,
        &[refs[0].as_str(), refs[1].as_str()],
        1_700_000_000,
    );
    sit_some(&home.data(), &set, &[None, None], 1_700_000_500);
    let out = home.path("work/a.json");
    let run = home.export(&home.data(), &set, "甲", &out);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert!(
        run.stdout.contains(
            "Exporting session 1: the latest session of set `w` with answers (2 answer(s))"
        ),
        "{}",
        run.stdout
    );
    // Named explicitly: nothing to say.
    let run = safe_support::run_cmd(
        home.cmd()
            .args([
                "set",
                "export",
                "--session",
                "1",
                "--force",
                "--name",
                "甲",
                "--set",
            ])
            .arg(&set)
            .arg("--out")
            .arg(&out),
    );
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert!(run.stdout.is_empty(), "{}", run.stdout);
}
