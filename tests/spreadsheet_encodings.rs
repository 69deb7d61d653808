//! Spreadsheets as Excel on Chinese Windows saves them (issue 14, case 1): question sheets
//! (`banks import`) and rosters (`class report --roster`) in GBK, GB18030, UTF-16 with a
//! byte-order mark and UTF-8 with a BOM and CRLF line ends all read as the same text; a file
//! in none of them is refused at its row and field, with the fix. The CSV class report goes
//! the other way: it starts with a UTF-8 BOM so Excel shows the names (case 3). Cells typed
//! with a Chinese IME separate points with full-width ：｜；！ (case 2).
// Test code: a failed unwrap, expect or panic is the test failing, said where it fails.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;

use assert_cmd::Command;
use serde_json::Value;

use mianba::tutor::bundle::{Bundle, BundleContent};

const PROMPT: &str = "客户要求退货，你怎么办？";
/// 𠮷 is outside GBK: only GB18030's four-byte form holds it.
const PROMPT_GB18030: &str = "客户要求退货，你怎么办？𠮷";

fn mianba(home: &Path) -> Command {
    let mut cmd = Command::cargo_bin("mianba").unwrap();
    cmd.current_dir(home)
        .env("XDG_CONFIG_HOME", home)
        .env("HOME", home)
        .env("MIANBA_DATA_DIR", home.join("data"))
        .args(["--lang", "en"]);
    cmd
}

fn sheet(prompt: &str, sep: &str) -> String {
    [
        ["prompt", "category", "points"].join(sep),
        [prompt, "complaint", "!致歉:抱歉|对不起;核实:核实|查询"].join(sep),
    ]
    .join("\r\n")
        + "\r\n"
}

/// encoding_rs decodes UTF-16 but never encodes it (the web's rule), so it is built here.
fn utf16le_with_bom(text: &str) -> Vec<u8> {
    let mut bytes = vec![0xFF, 0xFE];
    for unit in text.encode_utf16() {
        bytes.extend(unit.to_le_bytes());
    }
    bytes
}

/// `text` in a legacy encoding, checking every character had a form in it.
fn encode(encoding: &'static encoding_rs::Encoding, text: &str) -> Vec<u8> {
    let (bytes, _, unmappable) = encoding.encode(text);
    assert!(!unmappable, "{text} is not all {}", encoding.name());
    bytes.into_owned()
}

fn utf8_bom(text: &str) -> Vec<u8> {
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(text.as_bytes());
    bytes
}

/// Imports `bytes` saved as `name` and returns the bank's first prompt and its points.
fn import(name: &str, bytes: &[u8]) -> (String, Vec<(String, Vec<String>, bool)>) {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join(name);
    std::fs::write(&file, bytes).unwrap();
    let out = mianba(dir.path())
        .args(["banks", "import"])
        .arg(&file)
        .args(["--id", "sheet", "--out", "sheet.toml"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{name}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let bank = mianba::bank::load::load_file(&dir.path().join("sheet.toml")).unwrap();
    let q = &bank.questions[0];
    let points = q
        .points
        .iter()
        .map(|p| (p.name.clone(), p.any.clone(), p.required))
        .collect();
    (q.prompt.clone(), points)
}

fn expected_points() -> Vec<(String, Vec<String>, bool)> {
    vec![
        ("致歉".into(), vec!["抱歉".into(), "对不起".into()], true),
        ("核实".into(), vec!["核实".into(), "查询".into()], false),
    ]
}

#[test]
fn a_gbk_question_sheet_imports() {
    let bytes = encode(encoding_rs::GBK, &sheet(PROMPT, ","));
    assert_eq!(
        import("gbk.csv", &bytes),
        (PROMPT.to_string(), expected_points())
    );
}

#[test]
fn a_gb18030_question_sheet_imports_outside_gbk_too() {
    let bytes = encode(encoding_rs::GB18030, &sheet(PROMPT_GB18030, ","));
    assert_eq!(
        import("gb18030.csv", &bytes),
        (PROMPT_GB18030.to_string(), expected_points())
    );
}

#[test]
fn a_utf16_unicode_text_sheet_imports() {
    let bytes = utf16le_with_bom(&sheet(PROMPT, "\t"));
    assert_eq!(
        import("unicode.tsv", &bytes),
        (PROMPT.to_string(), expected_points())
    );
}

#[test]
fn a_utf8_bom_crlf_sheet_imports() {
    let bytes = utf8_bom(&sheet(PROMPT, ","));
    assert_eq!(
        import("bom.csv", &bytes),
        (PROMPT.to_string(), expected_points())
    );
}

#[test]
fn a_bad_cell_in_a_bom_crlf_sheet_is_placed_on_its_own_row() {
    let dir = tempfile::tempdir().unwrap();
    let text = sheet(PROMPT, ",") + &["第二题", "complaint", "致歉:"].join(",") + "\r\n";
    std::fs::write(dir.path().join("crlf.csv"), utf8_bom(&text)).unwrap();
    let out = mianba(dir.path())
        .args(["banks", "import", "crlf.csv", "--id", "sheet"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    // Problems are the command's output (stdout), like `banks validate`'s.
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("crlf.csv:3:3: point `致歉:` lists no phrase"),
        "{stdout}"
    );
}

#[test]
fn a_sheet_in_no_known_encoding_names_the_row_and_field() {
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = encode(encoding_rs::GBK, "prompt,category,points\r\n客户退货,");
    // 0xFF starts no character in UTF-8 or GB18030.
    bytes.extend_from_slice(b"\xFF\xFF,x\r\n");
    std::fs::write(dir.path().join("bad.csv"), &bytes).unwrap();
    let out = mianba(dir.path())
        .args(["banks", "import", "bad.csv", "--id", "sheet"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    // Problems are the command's output (stdout), like `banks validate`'s.
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("bad.csv:2:2: the file is not UTF-8, UTF-16 or GBK/GB18030 text in this field; save it as UTF-8 or GBK"),
        "{stdout}"
    );
    assert!(!dir.path().join("sheet.toml").exists());
}

/// A folder with one result bundle, `a.json`, of 张伟.
fn one_bundle() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let bundle = Bundle::new(BundleContent {
        app_version: env!("CARGO_PKG_VERSION").into(),
        candidate: "张伟".into(),
        set_id: "week1".into(),
        set_title: "第一周".into(),
        set_checksum: "0".repeat(64),
        session_uid: None,
        started_at: 0,
        submitted_at: 0,
        answers: Vec::new(),
    });
    std::fs::write(dir.path().join("a.json"), bundle.to_json()).unwrap();
    dir
}

/// `class report --roster` on one bundle of 张伟: the names the roster lists but no bundle has.
fn missing_with_roster(bytes: &[u8]) -> Value {
    let dir = one_bundle();
    std::fs::write(dir.path().join("roster.csv"), bytes).unwrap();
    let out = mianba(dir.path())
        .args([
            "class",
            "report",
            "--format",
            "json",
            "--roster",
            "roster.csv",
            "a.json",
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    report["missing"].clone()
}

const ROSTER: &str = "张伟\r\n李娜\r\n王芳\r\n";

#[test]
fn a_gbk_roster_reads() {
    assert_eq!(
        missing_with_roster(&encode(encoding_rs::GBK, ROSTER)),
        serde_json::json!(["李娜", "王芳"])
    );
}

#[test]
fn a_utf16_roster_reads() {
    assert_eq!(
        missing_with_roster(&utf16le_with_bom(ROSTER)),
        serde_json::json!(["李娜", "王芳"])
    );
}

#[test]
fn a_utf8_bom_crlf_roster_reads() {
    assert_eq!(
        missing_with_roster(&utf8_bom(ROSTER)),
        serde_json::json!(["李娜", "王芳"])
    );
}

#[test]
fn a_roster_in_no_known_encoding_names_the_line() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("roster.txt"), b"Zhang\r\nLi\xFF\r\n").unwrap();
    std::fs::write(dir.path().join("a.json"), b"{}").unwrap();
    let out = mianba(dir.path())
        .args(["class", "report", "--roster", "roster.txt", "a.json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("roster roster.txt: line 2 is not UTF-8, UTF-16 or GBK/GB18030 text; save it as UTF-8 or GBK"),
        "{stderr}"
    );
}

#[test]
fn the_csv_class_report_starts_with_a_bom_unless_told_not_to() {
    let dir = one_bundle();
    let csv = |extra: &[&str]| {
        let out = mianba(dir.path())
            .args(["class", "report", "--format", "csv", "a.json"])
            .args(extra)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        out.stdout
    };
    let with = csv(&[]);
    assert!(
        with.starts_with(b"\xEF\xBB\xBF"),
        "{:?}",
        String::from_utf8_lossy(&with)
    );
    assert!(String::from_utf8_lossy(&with).contains("张伟"));
    let without = csv(&["--no-bom"]);
    assert_eq!(without.as_slice(), with.get(3..).unwrap());
    // Only the CSV: markdown and JSON are for terminals and programs.
    let json = mianba(dir.path())
        .args(["class", "report", "--format", "json", "a.json"])
        .output()
        .unwrap();
    assert_eq!(json.stdout.first(), Some(&b'{'));
}

#[test]
fn full_width_separators_split_points_and_phrases() {
    let text = sheet(PROMPT, ",").replace(
        "!致歉:抱歉|对不起;核实:核实|查询",
        "!致歉：抱歉｜对不起；核实：核实｜查询",
    );
    assert!(text.contains("；"));
    assert_eq!(
        import("ime.csv", text.as_bytes()),
        (PROMPT.to_string(), expected_points())
    );
}
