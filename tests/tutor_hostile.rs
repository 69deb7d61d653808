//! The hostile-input corpus (`tests/hostile/`): every file a tutor or candidate sends — sets,
//! bundles, spreadsheets, graded bundles — gives one clear error naming the file and exit 1,
//! never a panic, and nothing it contains reaches the terminal as a control character.
//! Files too large to keep in the repository (huge, deeply nested) are made here; so are the
//! FIFOs and links standing in for devices, which git cannot hold (`tests/safe_files.rs`).
// Test code: a failed unwrap, expect or panic is the test failing, said where it fails.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::{Path, PathBuf};

use assert_cmd::Command;

use mianba::tutor::bundle::{Bundle, BundleContent};

fn corpus(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/hostile")
        .join(rel)
}

struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

fn mianba<S: AsRef<std::ffi::OsStr>>(args: impl IntoIterator<Item = S>) -> Run {
    mianba_in("en", args)
}

/// `mianba` with `--lang LANG`.
fn mianba_in<S: AsRef<std::ffi::OsStr>>(lang: &str, args: impl IntoIterator<Item = S>) -> Run {
    let home = tempfile::tempdir().unwrap();
    let out = Command::cargo_bin("mianba")
        .unwrap()
        .current_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/hostile"))
        .env("XDG_CONFIG_HOME", home.path())
        .env("HOME", home.path())
        .env("MIANBA_DATA_DIR", home.path().join("data"))
        .args(["--lang", lang])
        .args(args)
        .output()
        .unwrap();
    Run {
        code: out.status.code(),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// Exit 1, no panic, no control character on either stream, and `needle` said.
fn rejects(run: &Run, needle: &str) {
    assert_eq!(
        run.code,
        Some(1),
        "stdout {}\nstderr {}",
        run.stdout,
        run.stderr
    );
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    let both = format!("{}{}", run.stdout, run.stderr);
    assert!(
        !both.chars().any(|c| c.is_control() && c != '\n'),
        "control characters reached the terminal: {both:?}"
    );
    assert!(both.contains(needle), "expected {needle:?} in\n{both}");
}

/// A command that needs a set, given one with problems.
const EXPORT_INVALID_SET: [&str; 6] = [
    "set",
    "export",
    "--set",
    "sets/refs_nowhere.toml",
    "--out",
    "x.json",
];

#[test]
fn hostile_sets() {
    let cases = [
        (
            "sets/nul_byte.toml",
            "sets/nul_byte.toml:4:11: TOML syntax error",
        ),
        (
            "sets/escape_in_names.toml",
            "set id `Evil[2J]0;pwned` may only use a-z",
        ),
        (
            "sets/path_escape.toml",
            "sets/path_escape.toml:10:10: figure `../../../etc/passwd` leaves",
        ),
        (
            "sets/path_escape.toml",
            "sets/path_escape.toml:19:10: figure `/etc/passwd` is an absolute path",
        ),
        (
            "sets/wrong_types.toml",
            "sets/wrong_types.toml:5:13: `pass_mark` must be a whole number from 0 to 100, found string",
        ),
        (
            "sets/wrong_types.toml",
            "sets/wrong_types.toml:1:10: `schema` must be the number 1 (no quotes), found string",
        ),
        (
            "sets/wrong_types.toml",
            "sets/wrong_types.toml:7:7: `due` must be a date",
        ),
        (
            "sets/not_utf8.toml",
            "sets/not_utf8.toml:4:10: the file is not UTF-8 text here; save it as UTF-8",
        ),
        (
            "sets/refs_nowhere.toml",
            "sets/refs_nowhere.toml:6:7: ref `complaint/no-such-question` names no loaded question",
        ),
        (
            "sets/refs_nowhere.toml",
            "sets/refs_nowhere.toml:8:7: ref `no-such-bank/x`",
        ),
    ];
    for (file, needle) in cases {
        rejects(&mianba(["set", "validate", file]), needle);
    }
    // A byte-order mark is not an error.
    let ok = mianba(["set", "validate", "sets/bom_ok.toml"]);
    assert_eq!(ok.code, Some(0), "{}", ok.stdout);
    // An invalid set stops practice-style commands with one sentence naming the fix.
    rejects(
        &mianba(EXPORT_INVALID_SET),
        "run `mianba set validate sets/refs_nowhere.toml` to see every problem",
    );
}

/// A tutor with a Chinese UI reads the same problems, at the same places, in Chinese.
#[test]
fn hostile_sets_in_chinese() {
    let cases = [
        (
            "sets/nul_byte.toml",
            "sets/nul_byte.toml:4:11: TOML 语法错误：",
        ),
        (
            "sets/escape_in_names.toml",
            "作业 id `Evil[2J]0;pwned` 只能使用 a-z、0-9 和 '-'",
        ),
        (
            "sets/path_escape.toml",
            "sets/path_escape.toml:10:10: 配图 `../../../etc/passwd` 跳出了题库文件夹",
        ),
        (
            "sets/wrong_types.toml",
            "sets/wrong_types.toml:5:13: `pass_mark` 应为介于 0 到 100 之间的整数，实际是文本",
        ),
        (
            "sets/wrong_types.toml",
            "sets/wrong_types.toml:7:7: `due` 应为日期（如 2025-07-01）",
        ),
        (
            "sets/not_utf8.toml",
            "sets/not_utf8.toml:4:10: 文件此处不是 UTF-8 文本；请另存为 UTF-8",
        ),
        (
            "sets/refs_nowhere.toml",
            "sets/refs_nowhere.toml:6:7: ref `complaint/no-such-question` 不是已加载的题目；",
        ),
    ];
    for (file, needle) in cases {
        rejects(&mianba_in("zh", ["set", "validate", file]), needle);
    }
    // The one sentence of a command that needs the set carries its first problem in Chinese.
    rejects(
        &mianba_in("zh", EXPORT_INVALID_SET),
        "sets/refs_nowhere.toml:6:7: ref `complaint/no-such-question` 不是已加载的题目；",
    );
}

#[test]
fn huge_set_is_refused_unread() {
    let dir = tempfile::tempdir().unwrap();
    let huge = dir.path().join("huge.toml");
    let mut text = String::from("schema = 1\n[set]\nid = \"h\"\ntitle = \"t\"\n");
    text.push_str(&format!("description = \"{}\"\n", "长".repeat(400_000)));
    std::fs::write(&huge, text).unwrap();
    rejects(
        &mianba([
            std::ffi::OsStr::new("set"),
            "validate".as_ref(),
            huge.as_os_str(),
        ]),
        "over the 1048576-byte (1 MiB) limit; split it into smaller sets",
    );
}

#[test]
fn hostile_bundles() {
    for (file, needle) in [
        (
            "bundles/future_layout.json",
            "is layout 7; this mianba reads layout 1 — update mianba",
        ),
        ("bundles/not_json.json", "is not a valid result bundle"),
        ("bundles/not_utf8.json", "is not UTF-8 JSON"),
        ("bundles/nul_bytes.json", "is not a valid result bundle"),
        (
            "bundles/wrong_types.json",
            "is not a valid result bundle (invalid type",
        ),
        (
            "bundles/out_of_range.json",
            "the answer to complaint/wrong-size has a total score of 237; scores are 0 to 100",
        ),
    ] {
        rejects(&mianba(["class", "report", file]), needle);
        rejects(&mianba(["set", "import-grades", file]), needle);
    }
    // An edited bundle is reported, marked in the report, and its grades are not imported.
    let edited = mianba(["class", "report", "bundles/edited.json"]);
    rejects(
        &edited,
        "bundles/edited.json: flagged (edited after export (digest mismatch))",
    );
    assert!(
        edited.stdout.contains("FLAGGED: edited after export"),
        "{}",
        edited.stdout
    );
    rejects(
        &mianba(["set", "import-grades", "bundles/edited.json"]),
        "bundle bundles/edited.json cannot be trusted (edited after export",
    );
}

/// `targets/device_like.json` is a symbolic link out of the corpus (standing in for a device,
/// which a repository cannot hold). Every command that writes a file refuses it, even with
/// `--force`, and what it points to is untouched. The link is copied into a temp folder
/// first, so not even a regression could touch the repository.
#[cfg(unix)]
#[test]
fn a_device_like_target_is_never_written() {
    let link = corpus("targets/device_like.json");
    let target = std::fs::canonicalize(&link).unwrap();
    let before = std::fs::read(&target).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("device_like.json");
    std::os::unix::fs::symlink(&target, &copy).unwrap();
    let out = copy.to_str().unwrap();
    for args in [
        vec!["export", out, "--force"],
        vec!["set", "new", "--bank", "complaint", "--out", out, "--force"],
        vec![
            "set",
            "export",
            "--set",
            "sets/bom_ok.toml",
            "--out",
            out,
            "--force",
        ],
        vec![
            "banks",
            "import",
            "csv/bom_ok.csv",
            "--id",
            "x",
            "--out",
            out,
            "--force",
        ],
    ] {
        rejects(&mianba(&args), "it is a symbolic link, not a regular file");
        assert!(
            std::fs::symlink_metadata(&copy)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(std::fs::read(&target).unwrap(), before, "{args:?}");
    }
}

/// A bundle whose total was raised to 100 and its digest recomputed (anyone can): the
/// digest holds, but the set's rubric rescores the answer text, so the forged 100 is flagged
/// `score-edited`, shown nowhere, and not counted.
#[test]
fn resealed_bundle_is_rescored_not_believed() {
    let run = mianba([
        "class",
        "report",
        "--set",
        "sets/bom_ok.toml",
        "bundles/resealed.json",
    ]);
    rejects(&run, "score-edited: complaint/wrong-size claims 100");
    assert!(!run.stderr.contains("digest mismatch"), "{}", run.stderr);
    assert!(run.stdout.contains("| not counted |"), "{}", run.stdout);
    assert!(!run.stdout.contains("| 100 |"), "{}", run.stdout);
}

#[test]
fn huge_deep_and_foreign_bundles() {
    let dir = tempfile::tempdir().unwrap();
    let p = |name: &str| dir.path().join(name);
    // Deeper than serde_json's nesting limit: an error, not a stack overflow.
    let deep = format!(
        "{{\"format\":\"mianba-result-bundle\",\"version\":1,\"content\":{}{}}}",
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    std::fs::write(p("deep.json"), deep).unwrap();
    rejects(
        &mianba([
            std::ffi::OsStr::new("class"),
            "report".as_ref(),
            p("deep.json").as_os_str(),
        ]),
        "recursion limit exceeded",
    );
    std::fs::write(p("huge.json"), vec![b' '; 9 * 1024 * 1024]).unwrap();
    rejects(
        &mianba([
            std::ffi::OsStr::new("class"),
            "report".as_ref(),
            p("huge.json").as_os_str(),
        ]),
        "over the 8 MiB limit",
    );
    // A sound bundle for another set, with a candidate name full of escape sequences.
    let bundle = Bundle::new(BundleContent {
        app_version: env!("CARGO_PKG_VERSION").into(),
        candidate: "\u{1b}]0;owned\u{7}\u{1b}[2J张三\u{202e}".into(),
        set_id: "another-set".into(),
        set_title: "x".into(),
        set_checksum: "0".repeat(64),
        session_uid: None,
        started_at: 0,
        submitted_at: 0,
        answers: Vec::new(),
    });
    std::fs::write(p("other.json"), bundle.to_json()).unwrap();
    let set = corpus("sets/bom_ok.toml");
    let run = mianba([
        std::ffi::OsStr::new("class"),
        "report".as_ref(),
        "--set".as_ref(),
        set.as_os_str(),
        p("other.json").as_os_str(),
    ]);
    rejects(&run, "flagged (answers set `another-set`, not `bom`)");
    assert!(run.stdout.contains("| ]0;owned[2J张三 |"), "{}", run.stdout);
}

#[test]
fn hostile_spreadsheets() {
    let dir = tempfile::tempdir().unwrap();
    let out = |name: &str| dir.path().join(name).display().to_string();
    let cases = [
        (
            "csv/ragged.csv",
            "csv/ragged.csv:3:3: this row has 2 fields but the header has 3",
        ),
        (
            "csv/ragged.csv",
            "csv/ragged.csv:4:4: this row has 4 fields but the header has 3",
        ),
        (
            "csv/not_text.csv",
            "csv/not_text.csv:2:3: the file is not UTF-8, UTF-16 or GBK/GB18030 text in this field; save it as UTF-8 or GBK",
        ),
        (
            "csv/escape_in_header.csv",
            "csv/escape_in_header.csv:1:4: unknown column `[31mevil[0m`",
        ),
        (
            "csv/bad_cells.tsv",
            "csv/bad_cells.tsv:2:4: `difficulty` must be a whole number from 1 to 3, found `5`",
        ),
        (
            "csv/bad_cells.tsv",
            "csv/bad_cells.tsv:2:5: `answer_seconds` must be a whole number from 1 to 3600, found `abc`",
        ),
        (
            "csv/bad_cells.tsv",
            "csv/bad_cells.tsv:2:6: id `Bad Id` may only use a-z, 0-9 and '-'; try `bad-id`",
        ),
        (
            "csv/bad_cells.tsv",
            "csv/bad_cells.tsv:3:1: `prompt` is empty; fill it in",
        ),
        (
            "csv/bad_cells.tsv",
            "csv/bad_cells.tsv:3:3: point `:|` lists no phrase",
        ),
    ];
    for (i, (file, needle)) in cases.iter().enumerate() {
        let target = out(&format!("bank{i}.toml"));
        let run = mianba([
            "banks", "import", file, "--id", "imported", "--out", &target,
        ]);
        rejects(&run, needle);
        assert!(!Path::new(&target).exists(), "nothing written for {file}");
    }
    // A byte-order mark is fine, and so is GBK (Excel's CSV on Chinese Windows); the bank
    // written loads.
    for (file, target) in [("csv/bom_ok.csv", "bom.toml"), ("csv/gbk.csv", "gbk.toml")] {
        let target = out(target);
        let run = mianba([
            "banks", "import", file, "--id", "imported", "--out", &target,
        ]);
        assert_eq!(run.code, Some(0), "{file}: {}{}", run.stdout, run.stderr);
        let bank = mianba::bank::load::load_file(Path::new(&target)).unwrap();
        assert_eq!(bank.questions.len(), 1, "{file}");
    }
    let bank = mianba::bank::load::load_file(Path::new(&out("bom.toml"))).unwrap();
    assert_eq!(bank.questions[0].points.len(), 2);
    assert!(bank.questions[0].points[0].required);
    let bank = mianba::bank::load::load_file(Path::new(&out("gbk.toml"))).unwrap();
    assert_eq!(bank.questions[0].prompt, "客户退货");
}

#[test]
fn hostile_spreadsheets_in_chinese() {
    let dir = tempfile::tempdir().unwrap();
    let cases = [
        (
            "csv/ragged.csv",
            "csv/ragged.csv:3:3: 这一行有 2 个字段，表头有 3 个；",
        ),
        (
            "csv/not_text.csv",
            "csv/not_text.csv:2:3: 此字段不是 UTF-8、UTF-16 或 GBK/GB18030 文本；",
        ),
        (
            "csv/escape_in_header.csv",
            "csv/escape_in_header.csv:1:4: 未知列 `[31mevil[0m`；",
        ),
        (
            "csv/bad_cells.tsv",
            "csv/bad_cells.tsv:2:4: `difficulty` 应为介于 1 到 3 之间的整数，实际是 `5`",
        ),
        (
            "csv/bad_cells.tsv",
            "csv/bad_cells.tsv:2:6: id `Bad Id` 只能使用 a-z、0-9 和 '-'；可以写成 `bad-id`",
        ),
        (
            "csv/bad_cells.tsv",
            "csv/bad_cells.tsv:3:1: `prompt` 为空；请填写",
        ),
        (
            "csv/bad_cells.tsv",
            "csv/bad_cells.tsv:3:3: 得分点 `:|` 没有列出短语；",
        ),
    ];
    for (i, (file, needle)) in cases.iter().enumerate() {
        let target = dir.path().join(format!("bank{i}.toml"));
        let target = target.display().to_string();
        let run = mianba_in(
            "zh",
            [
                "banks", "import", file, "--id", "imported", "--out", &target,
            ],
        );
        rejects(&run, needle);
    }
}
