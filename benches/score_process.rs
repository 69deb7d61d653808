//! The whole `mianba score --json` process: spawn the release binary on a bank file and an
//! answer file, wait for its JSON (target: ≤ 20 ms).
// Benchmark code: a failed unwrap, expect or panic is the benchmark failing, said where it fails.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::PathBuf;
use std::process::Command;

use criterion::{Criterion, criterion_group, criterion_main};

const ANSWER: &str = "您好，先跟您说声抱歉，衣服不合身确实挺影响心情的，我理解您的着急。麻烦您说一下是偏大还是偏小？我先核实一下订单，再根据您的身高体重对照尺码表帮您推荐合适的码数，也帮您查一下库存。有货的话，我马上给您办理换货：衣服保持吊牌完好寄回到我们的售后地址就行，运费险可以抵扣来回运费。新衣服寄出后我会把物流单号发给您，到货后我再回访一次，看看这次是否合身。";

fn benches(c: &mut Criterion) {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let bank = root.join("tests/ranking/banks/bank-zh.toml");
    let dir = std::env::temp_dir().join(format!("mianba-bench-{}", std::process::id()));
    if let Err(e) = std::fs::create_dir_all(&dir) {
        panic!("cannot create {}: {e}", dir.display());
    }
    let answer = dir.join("answer.txt");
    if let Err(e) = std::fs::write(&answer, ANSWER) {
        panic!("cannot write {}: {e}", answer.display());
    }
    let run = || {
        let out = Command::new(env!("CARGO_BIN_EXE_mianba"))
            .args(["score", "--json", "--question", "wrong-size", "--bank"])
            .arg(&bank)
            .arg("--answer")
            .arg(&answer)
            .env("MIANBA_DATA_DIR", &dir)
            .env("HOME", &dir)
            .env("XDG_CONFIG_HOME", &dir)
            .output();
        match out {
            Ok(o) if o.status.success() && o.stdout.starts_with(b"{") => o.stdout.len(),
            Ok(o) => panic!("mianba failed: {}", String::from_utf8_lossy(&o.stderr)),
            Err(e) => panic!("cannot run mianba: {e}"),
        }
    };
    c.bench_function("mianba_score_json_process", |b| b.iter(run));
    let _ = std::fs::remove_dir_all(&dir);
}

criterion_group!(process, benches);
criterion_main!(process);
