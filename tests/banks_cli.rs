//! `mianba banks list|show|validate` run as the real binary.
// Test code: a failed unwrap, expect or panic is the test failing, said where it fails.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use unicode_width::UnicodeWidthStr;

fn manifest() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The binary with a private config folder (no user banks), English UI, run from the crate.
fn mianba(config: &Path) -> Command {
    mianba_in(config, "en")
}

/// `mianba` with `--lang LANG`.
fn mianba_in(config: &Path, lang: &str) -> Command {
    let mut cmd = Command::cargo_bin("mianba").unwrap();
    cmd.current_dir(manifest())
        .env("XDG_CONFIG_HOME", config)
        .env("HOME", config)
        .env_remove("MIANBA_DATA_DIR")
        .arg("--lang")
        .arg(lang);
    cmd
}

/// Runs `mianba ARGS…` with a fresh private config folder.
fn run<S: AsRef<std::ffi::OsStr>>(args: impl IntoIterator<Item = S>) -> std::process::Output {
    run_in("en", args)
}

/// `run` with `--lang LANG`.
fn run_in<S: AsRef<std::ffi::OsStr>>(
    lang: &str,
    args: impl IntoIterator<Item = S>,
) -> std::process::Output {
    let config = tempfile::tempdir().unwrap();
    mianba_in(config.path(), lang).args(args).output().unwrap()
}

/// Whether a line has Chinese (characters or full-width punctuation) outside `backticks`:
/// quoted names and values stay as written, the words around them are translated.
fn reads_as_chinese(line: &str) -> bool {
    line.split('`')
        .step_by(2)
        .flat_map(str::chars)
        .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c) || ('\u{ff00}'..='\u{ffef}').contains(&c))
}

fn stdout_of(out: &std::process::Output) -> String {
    String::from_utf8(out.stdout.clone()).unwrap()
}

fn stderr_of(out: &std::process::Output) -> String {
    String::from_utf8(out.stderr.clone()).unwrap()
}

#[test]
fn ten_mistakes_give_ten_exact_lines() {
    let out = run(["banks", "validate", "tests/invalid_banks/ten_mistakes.toml"]);
    let f = "tests/invalid_banks/ten_mistakes.toml";
    let expected = [
        format!(
            "{f}:5:6: bank id `Ten Mistakes` may only use a-z, 0-9 and '-'; try `ten-mistakes`"
        ),
        format!("{f}:7:12: `language` must be \"zh\" or \"en\", found \"fr\""),
        format!("{f}:10:16: `target_chars` min 500 is greater than max 120; write [120, 500]"),
        format!(
            "{f}:11:11: weights sum to 1.1, not 1; change content, structure and delivery so they add up to 1"
        ),
        format!("{f}:21:14: `difficulty` must be from 1 to 3, found 5"),
        format!("{f}:23:13: structure `veiw` is not defined in this bank; did you mean `view`?"),
        format!("{f}:24:1: unknown field `refrence`; did you mean `reference`?"),
        format!(
            "{f}:25:18: TOML syntax error: string values must be quoted, expected literal string"
        ),
        format!("{f}:29:9: `any` is empty; list at least one phrase, e.g. [\"抱歉\", \"对不起\"]"),
        format!(
            "{f}:32:6: duplicate question id `wrong-size` (first used on line 19); rename one of them"
        ),
    ];
    assert_eq!(stdout_of(&out).lines().collect::<Vec<_>>(), expected);
    assert_eq!(out.status.code(), Some(1));
}

/// Under `--lang zh` the same problems are at the same places, in Chinese; names and values from
/// the file, and the TOML parser's own detail, stay as written.
#[test]
fn problems_follow_the_ui_language_at_the_same_places() {
    let args = ["banks", "validate", "tests/invalid_banks/ten_mistakes.toml"];
    let (en, zh) = (run_in("en", args), run_in("zh", args));
    assert_eq!(zh.status.code(), Some(1));
    let (en, zh) = (stdout_of(&en), stdout_of(&zh));
    assert_eq!(zh.lines().count(), 10, "{zh}");
    let place = |l: &str| l.splitn(4, ':').take(3).collect::<Vec<_>>().join(":");
    for (e, z) in en.lines().zip(zh.lines()) {
        assert_eq!(place(e), place(z));
        assert_ne!(e, z);
        assert!(reads_as_chinese(&z[place(z).len()..]), "{z}");
    }
    let f = "tests/invalid_banks/ten_mistakes.toml";
    for want in [
        format!("{f}:24:1: 未知字段 `refrence`；是不是想写 `reference`？"),
        format!("{f}:23:13: 这个题库中没有定义结构 `veiw`；是不是想写 `view`？"),
        format!("{f}:25:18: TOML 语法错误：string values must be quoted, expected literal string"),
        format!("{f}:21:14: `difficulty` 应在 1 到 3 之间，实际是 5"),
        format!("{f}:32:6: 题目 id `wrong-size` 重复（第 19 行已用过）；请给其中一个改名"),
    ] {
        assert!(zh.lines().any(|l| l == want), "{want} not in\n{zh}");
    }

    let missing = run_in("zh", ["banks", "validate", "nope.toml"]);
    assert_eq!(
        stdout_of(&missing),
        "nope.toml:1:1: 没有这个文件或文件夹；请检查路径\n"
    );
}

#[test]
fn valid_folder_passes_with_a_short_note_on_stderr() {
    let out = run(["banks", "validate", "tests/fixtures/banks"]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout_of(&out));
    assert_eq!(stdout_of(&out), "");
    assert_eq!(stderr_of(&out).trim(), "2 files, no problems");
}

#[test]
fn bundled_bank_sources_validate_clean() {
    let out = run(["banks", "validate", "question_banks"]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout_of(&out));
}

#[test]
fn a_path_that_does_not_exist_is_a_problem() {
    let out = run([
        "banks",
        "validate",
        "tests/fixtures/banks/full.toml",
        "nope.toml",
    ]);
    assert_eq!(
        stdout_of(&out),
        "nope.toml:1:1: no such file or folder; check the path\n"
    );
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn list_json_has_exactly_the_contract_keys() {
    let out = run(["--banks", "tests/fixtures/banks", "banks", "list", "--json"]);
    assert_eq!(out.status.code(), Some(0));
    let list: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let entries = list.as_array().unwrap();
    for entry in entries {
        let mut keys: Vec<&str> = entry
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        keys.sort();
        assert_eq!(keys, ["id", "language", "questions", "source", "title"]);
    }
    let full = entries.iter().find(|e| e["id"] == "fixture-full").unwrap();
    assert_eq!(full["title"], "售后与投诉（测试）");
    assert_eq!(full["language"], "zh");
    assert_eq!(full["questions"], 2);
    assert_eq!(full["source"], "tests/fixtures/banks/full.toml");
    let en = entries.iter().find(|e| e["id"] == "fixture-en").unwrap();
    assert_eq!(en["language"], "en");
    assert!(
        entries
            .iter()
            .any(|e| e["source"].as_str().unwrap().starts_with("bundled:")),
        "bundled banks are always listed"
    );
}

#[test]
fn list_table_lines_up_chinese_titles() {
    let out = run(["--banks", "tests/fixtures/banks", "banks", "list"]);
    let text = stdout_of(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[0].starts_with("ID "), "{text}");
    // The LANG column starts at the same display column on every line, whatever the titles.
    let lang_starts: Vec<usize> = lines
        .iter()
        .map(|l| {
            let at = l
                .find(" zh ")
                .or_else(|| l.find(" en "))
                .or_else(|| l.find(" LANG "));
            l[..at.unwrap()].width()
        })
        .collect();
    assert!(lang_starts.windows(2).all(|w| w[0] == w[1]), "{text}");
    assert!(text.contains("fixture-full"));
}

#[test]
fn a_broken_bank_is_reported_on_stderr_and_the_rest_are_listed() {
    let banks = tempfile::tempdir().unwrap();
    std::fs::copy(
        manifest().join("tests/fixtures/banks/en.toml"),
        banks.path().join("good.toml"),
    )
    .unwrap();
    std::fs::copy(
        manifest().join("tests/invalid_banks/empty_any.toml"),
        banks.path().join("broken.toml"),
    )
    .unwrap();
    let out = run(["--banks", banks.path().to_str().unwrap(), "banks", "list"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(stdout_of(&out).contains("fixture-en"));
    let broken = banks.path().join("broken.toml").display().to_string();
    assert_eq!(
        stderr_of(&out),
        format!(
            "{broken}:15:9: `any` is empty; list at least one phrase, e.g. [\"抱歉\", \"对不起\"]\n"
        )
    );
    let zh = run_in(
        "zh",
        ["--banks", banks.path().to_str().unwrap(), "banks", "list"],
    );
    assert_eq!(
        stderr_of(&zh),
        format!("{broken}:15:9: `any` 为空；请至少列出一个短语，例如 [\"抱歉\", \"对不起\"]\n")
    );

    // `score --bank FILE` and `lint` name the same problem in the UI language too.
    let path = "tests/invalid_banks/empty_any.toml";
    let score = run_in("zh", ["score", "--bank", path, "--question", "q"]);
    assert!(
        stderr_of(&score).contains(":15:9: `any` 为空；"),
        "{}",
        stderr_of(&score)
    );
    let lint = run_in("zh", ["banks", "lint", path]);
    assert!(
        stdout_of(&lint).starts_with(&format!("{path}:15:9: `any` 为空；")),
        "{}",
        stdout_of(&lint)
    );
    // JSON is for scripts: its problem messages stay English whatever the UI language.
    let json = run_in("zh", ["banks", "lint", "--json", path]);
    let json: serde_json::Value = serde_json::from_str(&stdout_of(&json)).unwrap();
    assert_eq!(
        json["problems"][0]["message"],
        "`any` is empty; list at least one phrase, e.g. [\"抱歉\", \"对不起\"]"
    );
}

#[test]
fn user_banks_come_from_the_config_folder() {
    let config = tempfile::tempdir().unwrap();
    let user_banks: PathBuf = config.path().join("mianba/banks");
    std::fs::create_dir_all(&user_banks).unwrap();
    std::fs::copy(
        manifest().join("tests/fixtures/banks/en.toml"),
        user_banks.join("mine.toml"),
    )
    .unwrap();
    let out = mianba(config.path())
        .args(["banks", "list", "--json"])
        .output()
        .unwrap();
    let list: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let ids: Vec<&str> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["id"].as_str().unwrap())
        .collect();
    assert!(ids.contains(&"fixture-en"), "{ids:?}");
}

#[test]
fn show_lists_questions_and_json_has_the_whole_bank() {
    let out = run([
        "--banks",
        "tests/fixtures/banks",
        "banks",
        "show",
        "fixture-full",
    ]);
    assert_eq!(out.status.code(), Some(0));
    let text = stdout_of(&out);
    assert!(
        text.starts_with("售后与投诉（测试） (fixture-full, zh, 2 questions)"),
        "{text}"
    );
    assert!(
        text.contains("fixture-full/wrong-size  [complaint]  difficulty 2\n    客户收到商品后")
    );
    assert!(text.contains("fixture-full/late-parcel  [ecommerce]  difficulty 2"));

    let out = run([
        "--banks",
        "tests/fixtures/banks",
        "banks",
        "show",
        "fixture-full",
        "--json",
    ]);
    let bank: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(bank["id"], "fixture-full");
    assert_eq!(
        bank["defaults"]["target_chars"],
        serde_json::json!([100, 400])
    );
    assert_eq!(bank["structures"][0]["sections"][1]["optional"], true);
    let q = &bank["questions"][0];
    assert_eq!(q["id"], "wrong-size");
    assert!(q["figure_text"].as_str().unwrap().starts_with("尺码表"));
    assert_eq!(q["points"][0]["weight"], 2);
    assert_eq!(q["followups"][0]["when_missing"], "致歉");
}

#[test]
fn show_unknown_id_names_the_known_ones() {
    let out = run(["--banks", "tests/fixtures/banks", "banks", "show", "nope"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr_of(&out);
    assert!(err.contains("no bank with id `nope`"), "{err}");
    assert!(
        err.contains("fixture-full") && err.contains("fixture-en"),
        "{err}"
    );
}

#[test]
fn control_characters_in_banks_never_reach_the_terminal() {
    let banks = tempfile::tempdir().unwrap();
    let en = std::fs::read_to_string(manifest().join("tests/fixtures/banks/en.toml")).unwrap();
    let hostile = en
        .replace("title = \"Basics\"", "title = \"Ba\\u001b[2Jsics\\u202e\"")
        .replace("prompt = \"Greet", "prompt = \"\\u0007Greet");
    std::fs::write(banks.path().join("hostile.toml"), hostile).unwrap();
    let banks_dir = banks.path().to_str().unwrap();
    for args in [
        vec!["--banks", banks_dir, "banks", "list"],
        vec!["--banks", banks_dir, "banks", "show", "fixture-en"],
    ] {
        let out = run(args);
        let text = stdout_of(&out);
        assert!(text.contains("Ba[2Jsics"), "{text}");
        assert!(!text.contains(['\u{1b}', '\u{7}', '\u{202e}']), "{text:?}");
    }
}

/// `practice` checks its banks, categories and set before it needs a terminal, so a script
/// gets the bad input reported as bad input (exit 1), not as "needs a terminal" (exit 2).
#[test]
fn practice_reports_bad_input_before_asking_for_a_terminal() {
    let out = run(["practice", "--bank", "no-such-bank"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr_of(&out));
    assert!(
        stderr_of(&out).contains("no-such-bank"),
        "{}",
        stderr_of(&out)
    );

    let out = run(["practice", "--set", "tests/no-such-set.toml"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr_of(&out));
    assert!(
        stderr_of(&out).contains("no-such-set"),
        "{}",
        stderr_of(&out)
    );

    let out = run([
        "practice",
        "--set",
        "tests/no-such-set.toml",
        "--count",
        "2",
    ]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr_of(&out));

    // Good input still needs a terminal: without one it is wrong usage.
    let out = run(["practice", "--bank", "complaint"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr_of(&out));
    assert!(stderr_of(&out).contains("terminal"), "{}", stderr_of(&out));
}

/// A reader that stops early (`mianba banks list | head -1`) is not an error: every printing
/// command ends with its own exit code, never a panic (101) on the broken pipe.
#[test]
fn a_closed_stdout_is_not_a_panic() {
    let dir = tempfile::tempdir().unwrap();
    let bank = manifest().join("tests/ranking/banks/bank-zh.toml");
    let answer = dir.path().join("answer.txt");
    std::fs::write(&answer, "您好，非常抱歉").unwrap();
    let backup = dir.path().join("backup.json");
    let score = |json: bool| {
        let mut a = vec![
            "score".into(),
            "--bank".into(),
            bank.clone().into_os_string(),
            "--question".into(),
            "wrong-size".into(),
            "--answer".into(),
            answer.clone().into_os_string(),
        ];
        if json {
            a.push("--json".into());
        }
        a
    };
    let words = |w: &[&str]| -> Vec<std::ffi::OsString> { w.iter().map(Into::into).collect() };
    let commands = [
        (words(&["banks", "list"]), 0),
        (words(&["banks", "list", "--json"]), 0),
        (words(&["banks", "show", "complaint"]), 0),
        (words(&["banks", "validate", "tests/invalid_banks"]), 1),
        (score(false), 0),
        (score(true), 0),
        (words(&["due", "--daily-limit", "5"]), 0),
        (vec!["export".into(), backup.clone().into_os_string()], 0),
        (vec!["import".into(), backup.clone().into_os_string()], 0),
    ];
    for (args, code) in commands {
        let (reader, writer) = std::io::pipe().unwrap();
        drop(reader);
        let out = std::process::Command::new(assert_cmd::cargo::cargo_bin("mianba"))
            .current_dir(manifest())
            .env("XDG_CONFIG_HOME", dir.path())
            .env("HOME", dir.path())
            .env("MIANBA_DATA_DIR", dir.path())
            .args(["--lang", "en"])
            .args(&args)
            .stdout(writer)
            .output()
            .unwrap();
        let err = stderr_of(&out);
        assert!(!err.contains("panicked"), "{args:?}: {err}");
        assert_eq!(out.status.code(), Some(code), "{args:?}: {err}");
    }
}

/// Whatever an error quotes (here a file name, as a script may pass from a folder listing),
/// no control character reaches the terminal.
#[test]
fn errors_never_carry_control_characters() {
    let out = run([
        "score",
        "--bank",
        "complaint",
        "--question",
        "complaint-process",
        "--answer",
        "/nonexistent/\u{1b}]0;pwned\u{7}answer.txt",
    ]);
    let err = stderr_of(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("pwned"), "{err}");
    assert!(!err.trim_end().chars().any(char::is_control), "{err:?}");
}

#[test]
fn banks_list_headings_are_ui_strings_in_both_languages() {
    for (code, lang) in [
        ("zh", mianba::i18n::Lang::Zh),
        ("en", mianba::i18n::Lang::En),
    ] {
        let words: Vec<&str> = lang.ui().entries().into_iter().map(|(_, s)| s).collect();
        let out = Command::cargo_bin("mianba")
            .unwrap()
            .current_dir(manifest())
            .args(["--lang", code, "banks", "list"])
            .output()
            .unwrap();
        let out = stdout_of(&out);
        let head = out.lines().next().unwrap();
        for heading in head.split_whitespace() {
            assert!(words.contains(&heading), "{code}: `{heading}` in {head}");
        }
    }
}
