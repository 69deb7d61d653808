//! `mianba score` as a user runs it: JSON keys of the contract, human output, stdin, bank ids,
//! the exit codes and one-sentence errors, and a 1 MB answer.
// Test code: a failed unwrap, expect or panic is the test failing, said where it fails.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::BTreeSet;
use std::path::PathBuf;

use assert_cmd::Command;
use serde_json::Value;

fn bank_file() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/ranking/banks/bank-zh.toml")
}

fn mianba(data: &tempfile::TempDir) -> Command {
    let mut cmd = Command::cargo_bin("mianba").unwrap();
    cmd.env("MIANBA_DATA_DIR", data.path())
        .env("XDG_CONFIG_HOME", data.path())
        .env("HOME", data.path())
        .env("LANG", "C");
    cmd
}

const ANSWER: &str = "您好，非常抱歉。我先核实订单，根据您的身高体重推荐码数，查看库存后为您换货。衣服寄回的运费由运费险抵扣。之后我会跟进物流并回访。我从来不说不关我的事这种话。";

/// Runs a command that must succeed and print JSON.
fn json_of(cmd: &mut Command) -> Value {
    let out = cmd.assert().success().get_output().stdout.clone();
    serde_json::from_slice(&out).unwrap()
}

fn keys(v: &Value) -> BTreeSet<String> {
    v.as_object().unwrap().keys().cloned().collect()
}

fn set(items: &[&str]) -> BTreeSet<String> {
    items.iter().map(|s| s.to_string()).collect()
}

/// The keys the contract lists must all be there; any others must be known additions.
fn assert_keys(v: &Value, contract: &[&str], extra: &[&str]) {
    let got = keys(v);
    let contract = set(contract);
    assert!(
        contract.is_subset(&got),
        "missing {:?}",
        contract.difference(&got)
    );
    let allowed: BTreeSet<String> = contract.union(&set(extra)).cloned().collect();
    assert!(
        got.is_subset(&allowed),
        "unexpected {:?}",
        got.difference(&allowed)
    );
}

#[test]
fn json_has_exactly_the_contract_keys() {
    let data = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let answer = dir.path().join("a.txt");
    std::fs::write(&answer, format!("{ANSWER}你自己选错了")).unwrap();
    let v = json_of(
        mianba(&data)
            .args(["score", "--bank"])
            .arg(bank_file())
            .args([
                "--question",
                "wrong-size",
                "--seconds",
                "90",
                "--json",
                "--answer",
            ])
            .arg(&answer),
    );
    assert_keys(
        &v,
        &[
            "question",
            "total",
            "content",
            "structure",
            "delivery",
            "points",
            "missing_required",
            "avoid",
            "sections",
            "order_ok",
            "chars",
            "fillers",
            "feedback",
        ],
        &["enumerations", "flags", "seconds", "pace_cpm"],
    );
    assert_eq!(v["question"], "ranking-zh/wrong-size");
    for k in ["total", "content", "structure", "delivery"] {
        assert!(v[k].as_u64().unwrap() <= 100, "{k}");
    }
    let points = v["points"].as_array().unwrap();
    assert_eq!(points.len(), 5);
    for p in points {
        assert_keys(
            p,
            &["name", "hit", "required", "weight", "matched", "at"],
            &["hint", "concept", "partial"],
        );
    }
    let apology = &points[0];
    assert_eq!(apology["matched"], "抱歉");
    let at: Vec<usize> = serde_json::from_value(apology["at"].clone()).unwrap();
    let text: String = ANSWER.chars().skip(at[0]).take(at[1] - at[0]).collect();
    assert_eq!(text, "抱歉");
    let avoid = v["avoid"].as_array().unwrap();
    assert_eq!(avoid.len(), 1, "the negated one is not charged");
    assert_keys(&avoid[0], &["why", "matched", "at", "penalty"], &[]);
    assert_eq!(avoid[0]["matched"], "你自己选错");
    for s in v["sections"].as_array().unwrap() {
        assert_keys(s, &["name", "found", "at"], &["optional", "cue"]);
    }
    assert_eq!(v["seconds"], 90);
    assert!(v["order_ok"].is_boolean());
    assert_eq!(
        v["chars"].as_u64().unwrap() as usize,
        ANSWER.chars().count() + "你自己选错了".chars().count()
    );
}

#[test]
fn reads_stdin_and_accepts_full_ids_and_bank_ids() {
    let data = tempfile::tempdir().unwrap();
    let by_file = json_of(
        mianba(&data)
            .args(["score", "--bank"])
            .arg(bank_file())
            .args(["--question", "ranking-zh/wrong-size", "--json"])
            .write_stdin(ANSWER),
    );
    // A loaded bank by id: the fixture folder is added with --banks.
    let by_id = json_of(
        mianba(&data)
            .args([
                "score",
                "--bank",
                "ranking-zh",
                "--question",
                "wrong-size",
                "--json",
            ])
            .arg("--banks")
            .arg(bank_file().parent().unwrap())
            .write_stdin(ANSWER),
    );
    assert_eq!(by_file, by_id);
    assert!(by_file["total"].as_u64().unwrap() >= 70, "{by_file}");
}

#[test]
fn human_output_shows_evidence_and_feedback() {
    let data = tempfile::tempdir().unwrap();
    let out = mianba(&data)
        .args(["score", "--lang", "zh", "--bank"])
        .arg(bank_file())
        .args(["--question", "wrong-size"])
        .write_stdin("非常抱歉，我会为您换货。")
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8(out).unwrap();
    assert!(out.contains("总分"), "{out}");
    assert!(out.contains("✓ 致歉"), "{out}");
    assert!(out.contains("「抱歉」"), "{out}");
    assert!(out.contains("✗ 推荐合适码数"), "{out}");
    assert!(out.contains("参考："), "hints for misses: {out}");
    assert!(out.contains("缺少必答要点「寄回流程与运费」"), "{out}");
}

fn fails_with(cmd: &mut Command, needles: &[&str]) {
    let out = cmd.assert().code(1).get_output().clone();
    assert!(out.stdout.is_empty());
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.trim_end().lines().count(), 1, "one sentence: {err}");
    for n in needles {
        assert!(err.contains(n), "{n:?} not in {err}");
    }
}

#[test]
fn bad_input_exits_1_with_one_clear_sentence() {
    let data = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let broken = dir.path().join("broken.toml");
    std::fs::write(&broken, "schema = 1\n[bank\nid = 3\n").unwrap();
    fails_with(
        mianba(&data)
            .args(["score", "--bank"])
            .arg(&broken)
            .args(["--question", "q"])
            .write_stdin("x"),
        &["broken.toml", "banks validate"],
    );
    fails_with(
        mianba(&data)
            .args(["score", "--bank", "no-such-bank", "--question", "q"])
            .write_stdin("x"),
        &["no-such-bank", "banks list"],
    );
    fails_with(
        mianba(&data)
            .args(["score", "--bank"])
            .arg(dir.path())
            .args(["--question", "q"])
            .write_stdin("x"),
        &["folder"],
    );
    fails_with(
        mianba(&data)
            .args(["score", "--bank"])
            .arg(bank_file())
            .args(["--question", "nope"])
            .write_stdin("x"),
        &["nope", "ranking-zh", "banks show"],
    );
    fails_with(
        mianba(&data)
            .args(["score", "--bank"])
            .arg(bank_file())
            .args(["--question", "wrong-size", "--answer"])
            .arg(dir.path().join("missing.txt")),
        &["missing.txt", "check the path"],
    );
    let latin1 = dir.path().join("latin1.txt");
    std::fs::write(&latin1, b"caf\xe9 \xff\xfe").unwrap();
    fails_with(
        mianba(&data)
            .args(["score", "--bank"])
            .arg(bank_file())
            .args(["--question", "wrong-size", "--answer"])
            .arg(&latin1),
        &["latin1.txt", "UTF-8"],
    );
    fails_with(
        mianba(&data)
            .args(["score", "--bank"])
            .arg(bank_file())
            .args(["--question", "wrong-size"])
            .write_stdin(&b"\xff\xfe\x00"[..]),
        &["stdin", "UTF-8"],
    );
}

#[test]
fn a_one_megabyte_answer_works() {
    let data = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let answer = dir.path().join("big.txt");
    let mut text = String::new();
    while text.len() < 1_048_576 {
        text.push_str(ANSWER);
        text.push('\n');
    }
    std::fs::write(&answer, &text).unwrap();
    let v = json_of(
        mianba(&data)
            .args(["score", "--json", "--bank"])
            .arg(bank_file())
            .args(["--question", "wrong-size", "--answer"])
            .arg(&answer),
    );
    assert!(v["total"].as_u64().unwrap() <= 100);
    assert!(
        v["flags"]
            .as_array()
            .unwrap()
            .contains(&Value::from("too-long"))
    );
    assert_eq!(
        v["chars"].as_u64().unwrap() as usize,
        text.chars().filter(|c| !c.is_whitespace()).count()
    );
}

#[test]
fn an_answer_over_the_size_limit_is_refused_from_a_file_and_from_stdin() {
    let data = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let huge = dir.path().join("huge.txt");
    // 17 MiB, sparse: over the 16 MiB cap without writing 17 MiB of text.
    let f = std::fs::File::create(&huge).unwrap();
    f.set_len(17 * 1024 * 1024).unwrap();
    fails_with(
        mianba(&data)
            .args(["score", "--bank"])
            .arg(bank_file())
            .args(["--question", "wrong-size", "--answer"])
            .arg(&huge),
        &["huge.txt", "larger than 16 MiB"],
    );
    fails_with(
        mianba(&data)
            .args(["score", "--bank"])
            .arg(bank_file())
            .args(["--question", "wrong-size"])
            .write_stdin("好".repeat(6 * 1024 * 1024)),
        &["stdin", "larger than 16 MiB"],
    );
}
