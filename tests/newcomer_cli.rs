//! The command line and the docs as someone trying mianba for the first time meets them
//! (issue 16): every command is in the README, the README's example bank is a real one, usage,
//! help, errors in the UI language, completions and the man page.
// Test code: a failed unwrap, expect or panic is the test failing, said where it fails.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;
use std::process::Output;

use assert_cmd::Command;
use clap::CommandFactory as _;

fn manifest() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn readme() -> String {
    std::fs::read_to_string(manifest().join("README.md")).unwrap()
}

/// The binary with private config and data folders, run from the crate, no locale.
fn mianba(dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("mianba").unwrap();
    cmd.current_dir(manifest())
        .env("XDG_CONFIG_HOME", dir)
        .env("HOME", dir)
        .env("MIANBA_DATA_DIR", dir)
        .env("TZ", "UTC")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG");
    cmd
}

fn run(dir: &Path, args: &[&str]) -> Output {
    mianba(dir).args(args).output().unwrap()
}

fn stdout(o: &Output) -> String {
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

/// Every leaf command as words (`["banks", "import"]`), the top-level app left out.
fn leaf_commands(cmd: &clap::Command, path: &mut Vec<String>, out: &mut Vec<Vec<String>>) {
    for sub in cmd.get_subcommands() {
        path.push(sub.get_name().to_string());
        if sub.has_subcommands() {
            leaf_commands(sub, path, out);
        } else {
            out.push(path.clone());
        }
        path.pop();
    }
}

#[test]
fn the_readme_table_names_every_command() {
    let readme = readme();
    let mut leaves = Vec::new();
    leaf_commands(&mianba::cli::Cli::command(), &mut Vec::new(), &mut leaves);
    let missing: Vec<String> = leaves
        .iter()
        .map(|words| format!("| `mianba {}", words.join(" ")))
        .filter(|row| !readme.contains(row.as_str()))
        .collect();
    assert!(missing.is_empty(), "README table rows missing: {missing:?}");
    assert!(readme.contains("[--set FILE]"), "practice --set");
    assert!(readme.contains("UTC+8"), "the due-date time zone rule");
}

#[test]
fn the_readme_rust_version_is_the_manifests() {
    let manifest_text = std::fs::read_to_string(manifest().join("Cargo.toml")).unwrap();
    let version = manifest_text
        .lines()
        .find_map(|l| l.strip_prefix("rust-version = \""))
        .and_then(|v| v.strip_suffix('"'))
        .unwrap();
    // rusqlite 0.43 (locked) declares 1.89.
    assert!(
        version.split('.').nth(1).unwrap().parse::<u32>().unwrap() >= 89,
        "{version}"
    );
    assert!(
        readme().contains(&format!("Rust toolchain ({version} or newer")),
        "README and Cargo.toml disagree on {version}"
    );
}

#[test]
fn every_file_the_readme_points_to_exists() {
    let readme = readme();
    let named: Vec<&str> = readme
        .split('`')
        .skip(1)
        .step_by(2)
        .filter(|t| {
            (t.starts_with("docs/") || t.starts_with("assets/") || t.starts_with("tests/"))
                && !t.contains(' ')
                // What the README's `banks import` example writes.
                && *t != "assets/my-bank.toml"
        })
        .collect();
    assert!(named.contains(&"docs/bank-format.md"), "{named:?}");
    for path in named {
        assert!(manifest().join(path).exists(), "README names {path}");
    }
}

const EXAMPLE_BANK: &str = "docs/example-bank.toml";

/// The README's bank example is this file, word for word; it validates and lints clean, and
/// its id is not a bundled bank's.
#[test]
fn the_readme_example_bank_validates_and_lints() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(manifest().join(EXAMPLE_BANK)).unwrap();
    assert!(
        readme().contains(&format!("```toml\n{text}```")),
        "the README's example differs from {EXAMPLE_BANK}"
    );
    stdout(&run(dir.path(), &["banks", "validate", EXAMPLE_BANK]));
    let lint = run(dir.path(), &["banks", "lint", EXAMPLE_BANK]);
    assert!(
        lint.status.success(),
        "{}{}",
        String::from_utf8_lossy(&lint.stdout),
        stderr(&lint)
    );
    // Loaded beside the bundled banks, it clashes with none of them.
    let examples = manifest().join("docs");
    let list = stdout(&run(
        dir.path(),
        &[
            "--banks",
            examples.to_str().unwrap(),
            "banks",
            "list",
            "--json",
        ],
    ));
    let banks: Vec<serde_json::Value> = serde_json::from_str(&list).unwrap();
    assert!(banks.iter().any(|b| b["id"] == "my-complaints"), "{list}");
    assert_eq!(banks.len(), 11, "{list}");
}

#[test]
fn an_environment_data_dir_is_not_shown_as_required() {
    let dir = tempfile::tempdir().unwrap();
    let out = run(dir.path(), &["banks", "validate"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains("Usage: mianba banks validate <PATH>..."),
        "{err}"
    );
    assert!(!err.contains("--data-dir"), "{err}");
}

#[test]
fn speak_is_refused_where_nothing_is_read_aloud() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("x.json");
    let out = run(dir.path(), &["export", file.to_str().unwrap(), "--speak"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(!file.exists());
    let help = stdout(&run(dir.path(), &["class", "report", "--help"]));
    assert!(!help.contains("--speak"), "{help}");
    let help = stdout(&run(dir.path(), &["practice", "--help"]));
    assert!(help.contains("--speak"), "{help}");
    assert!(help.contains("default 3"), "the default count: {help}");
}

#[test]
fn banks_import_has_one_name_per_language() {
    let dir = tempfile::tempdir().unwrap();
    let help = stdout(&run(dir.path(), &["banks", "import", "--help"]));
    assert!(help.contains("--bank-language"), "{help}");
    assert!(!help.contains("--language"), "{help}");
    let help = stdout(&run(dir.path(), &["score", "--help"]));
    assert!(help.contains("--bank <PATH|ID>"), "{help}");
}

#[test]
fn completions_and_the_man_page_are_printed() {
    let dir = tempfile::tempdir().unwrap();
    for shell in ["bash", "zsh", "fish", "powershell"] {
        let script = stdout(&run(dir.path(), &["completions", shell]));
        assert!(script.contains("mianba"), "{shell}");
        assert!(script.contains("daily-limit"), "{shell}: subcommands too");
    }
    let man = stdout(&run(dir.path(), &["manpage"]));
    assert!(
        man.starts_with(".ie") || man.contains(".TH mianba"),
        "{man}"
    );
    assert!(man.contains("practice"), "{man}");
}

/// `due --daily-limit N` limits this listing only; `settings daily-limit N` saves a limit.
#[test]
fn due_daily_limit_limits_the_listing_and_settings_saves_it() {
    let dir = tempfile::tempdir().unwrap();
    let limit_of = |args: &[&str]| -> serde_json::Value {
        let mut all = vec!["due", "--json"];
        all.extend_from_slice(args);
        serde_json::from_str(&stdout(&run(dir.path(), &all))).unwrap()
    };
    assert_eq!(limit_of(&["--daily-limit", "1"])["daily_limit"], 1);
    assert_eq!(
        limit_of(&[])["daily_limit"],
        20,
        "the saved limit is unchanged"
    );
    assert_eq!(
        run(dir.path(), &["due", "--daily-limit", "0"])
            .status
            .code(),
        Some(2)
    );

    let said = stdout(&run(dir.path(), &["settings", "daily-limit", "7"]));
    assert!(said.contains('7'), "{said}");
    assert_eq!(limit_of(&[])["daily_limit"], 7);
    let shown = stdout(&run(dir.path(), &["settings", "daily-limit"]));
    assert!(shown.contains('7'), "{shown}");
    let out = run(dir.path(), &["settings", "daily-limit", "0"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn errors_follow_the_ui_language() {
    let dir = tempfile::tempdir().unwrap();
    for args in [
        &["--lang", "zh", "report", "99"][..],
        &["--lang", "zh", "banks", "show", "nosuch"],
        &["--lang", "zh", "import", "nosuch.json"],
        &[
            "--lang",
            "zh",
            "score",
            "--bank",
            "nosuch",
            "--question",
            "q",
        ],
    ] {
        let out = run(dir.path(), args);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        let err = stderr(&out);
        assert!(
            err.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
            "{args:?}: {err}"
        );
    }
    // The shared file rules speak it too: a write over an existing file, a folder read as a file.
    let existing = dir.path().join("backup.json");
    std::fs::write(&existing, "{}").unwrap();
    let folder = dir.path().join("bundles");
    std::fs::create_dir(&folder).unwrap();
    for (args, words) in [
        (
            vec!["--lang", "zh", "export", existing.to_str().unwrap()],
            "已存在",
        ),
        (
            vec!["--lang", "zh", "import", folder.to_str().unwrap()],
            "文件夹",
        ),
    ] {
        let out = run(dir.path(), &args);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        assert!(stderr(&out).contains(words), "{args:?}: {}", stderr(&out));
    }
    // A zh locale alone does it too.
    let out = mianba(dir.path())
        .env("LANG", "zh_CN.UTF-8")
        .args(["report", "99"])
        .output()
        .unwrap();
    assert!(stderr(&out).contains("99"), "{}", stderr(&out));
    assert!(stderr(&out).contains("没有"), "{}", stderr(&out));
}

#[test]
fn a_missing_backup_is_named_as_missing() {
    let dir = tempfile::tempdir().unwrap();
    let out = run(dir.path(), &["--lang", "en", "import", "nosuch.json"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("nosuch.json does not exist"), "{err}");
    assert!(!err.contains("permissions"), "{err}");
}

#[test]
fn banks_import_names_the_file_after_the_bank_and_says_where() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("questions.csv");
    std::fs::write(
        &csv,
        "id,category,prompt,reference,points\nq1,complaint,客户很生气怎么办？,我会先道歉，再核实情况。,道歉|核实\n",
    )
    .unwrap();
    let out = mianba(dir.path())
        .current_dir(dir.path())
        .args([
            "--lang",
            "en",
            "banks",
            "import",
            "questions.csv",
            "--id",
            "my-bank",
        ])
        .output()
        .unwrap();
    let err = stderr(&out);
    assert!(out.status.success(), "{err}");
    assert!(dir.path().join("my-bank.toml").exists(), "{err}");
    assert!(!dir.path().join("questions.toml").exists());
    assert!(err.contains("my-bank.toml"), "{err}");
}
