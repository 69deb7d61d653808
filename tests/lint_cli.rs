//! `mianba banks lint`: passes on sound banks (the bundled ones included), and on a weak
//! rubric prints one actionable line per failed check and exits 1.
// Test code: a failed unwrap, expect or panic is the test failing, said where it fails.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::PathBuf;

use assert_cmd::Command;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn mianba(data: &tempfile::TempDir) -> Command {
    let mut cmd = Command::cargo_bin("mianba").unwrap();
    cmd.env("MIANBA_DATA_DIR", data.path())
        .env("XDG_CONFIG_HOME", data.path())
        .env("HOME", data.path())
        .env("LANG", "C");
    cmd
}

#[test]
fn bundled_and_fixture_banks_pass() {
    let data = tempfile::tempdir().unwrap();
    for path in ["question_banks", "tests/ranking/banks"] {
        let out = mianba(&data)
            .args(["banks", "lint"])
            .arg(root().join(path))
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{path}:\n{}",
            String::from_utf8_lossy(&out.stdout)
        );
        assert!(out.stdout.is_empty());
    }
    // Without paths: every loaded bank (the bundled ones here).
    mianba(&data).args(["banks", "lint"]).assert().success();
}

const WEAK: &str = r#"
schema = 1
[bank]
id = "weak"
title = "weak rubric"
language = "zh"
[[questions]]
id = "damaged"
category = "complaint"
prompt = "顾客收到的商品有破损，你会怎么处理？"
reference = "我会先道歉，然后处理。"
  [[questions.points]]
  name = "致歉"
  any = ["道歉"]
  [[questions.points]]
  name = "赔偿方案"
  any = ["赔偿", "补发"]
  [[questions.points]]
  name = "处理破损"
  any = ["破损"]
  [[questions.followups]]
  prompt = "如果顾客坚持要赔偿呢？"
    [[questions.followups.points]]
    name = "爱好"
    any = ["跑步", "小说", "红烧肉", "庙会"]
"#;

#[test]
fn a_weak_rubric_fails_with_one_line_per_check() {
    let data = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let bank = dir.path().join("weak.toml");
    std::fs::write(&bank, WEAK).unwrap();
    let out = mianba(&data)
        .args(["banks", "lint"])
        .arg(&bank)
        .assert()
        .code(1)
        .get_output()
        .clone();
    let stdout = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = stdout.lines().collect();
    let find = |check: &str| {
        lines
            .iter()
            .find(|l| l.contains(check))
            .unwrap_or_else(|| panic!("no {check} line in:\n{stdout}"))
    };
    let reference = find(": reference-score (score ");
    assert!(reference.starts_with("weak/damaged: "), "{reference}");
    assert!(
        reference.contains("「赔偿方案」"),
        "names the missed point: {reference}"
    );
    assert!(find("reference-point").contains("「赔偿」 「补发」"));
    let in_prompt = find("phrase-in-prompt");
    assert!(in_prompt.contains("「破损」"), "{in_prompt}");
    let off_topic = find("weak/damaged followup 1: off-topic (score ");
    assert!(off_topic.contains("「爱好」"), "{off_topic}");
    assert!(stdout.lines().all(|l| l.starts_with("weak/damaged")));
}

#[test]
fn missing_and_broken_banks_fail() {
    let data = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let broken = dir.path().join("broken.toml");
    std::fs::write(&broken, "schema = 1\n[bank\n").unwrap();
    let out = mianba(&data)
        .args(["banks", "lint"])
        .arg(&broken)
        .arg(dir.path().join("missing.toml"))
        .assert()
        .code(1)
        .get_output()
        .clone();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(stdout.contains("broken.toml:"), "{stdout}");
    assert!(
        stdout.contains("missing.toml:1:1: no such file"),
        "{stdout}"
    );
}

#[test]
fn json_reports_every_graded_example_with_its_band() {
    let data = tempfile::tempdir().unwrap();
    let out = mianba(&data)
        .args(["banks", "lint", "--json"])
        .arg(root().join("question_banks/complaint.toml"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    for key in ["banks", "questions", "failures", "problems", "examples"] {
        assert!(json.get(key).is_some(), "{key} missing: {json}");
    }
    let examples = json["examples"].as_array().unwrap();
    assert!(examples.len() >= 12 * 4, "{}", examples.len());
    let first = &examples[0];
    for key in ["question", "example", "grade", "score", "band", "in_band"] {
        assert!(first.get(key).is_some(), "{key} missing: {first}");
    }
    assert!(examples.iter().all(|e| e["in_band"] == true));
}
