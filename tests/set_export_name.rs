//! Issue 13, case 14: `set export` without `--name` takes the name from the environment
//! (`MIANBA_NAME`, then `USER`, then `USERNAME`); with none of them it asks for `--name`
//! instead of filing the bundle under a made-up "candidate".
// Test code: a failed unwrap, expect or panic is the test failing, said where it fails.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;

mod safe_support;
use safe_support::{Home, Run, references, run_cmd};

/// `set export` of the latest sitting of `set` with `env` as the only name variables.
fn export(home: &Home, set: &Path, out: &Path, env: &[(&str, &str)]) -> Run {
    let mut cmd = home.cmd();
    for k in ["MIANBA_NAME", "USER", "USERNAME", "LOGNAME"] {
        cmd.env_remove(k);
    }
    cmd.envs(env.iter().copied())
        .args(["set", "export", "--set"])
        .arg(set)
        .arg("--out")
        .arg(out);
    run_cmd(&mut cmd)
}

fn candidate(bundle: &Path) -> String {
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(bundle).unwrap()).unwrap();
    json["content"]["candidate"].as_str().unwrap().to_string()
}

#[test]
fn the_name_comes_from_the_environment_or_is_asked_for() {
    let home = Home::new();
    let set = home.set("week1.toml", 3, 1);
    let refs = references(&set);
    home.sit(&home.data(), &set, &[refs[0].as_str()], 1_700_000_000);

    let out = home.path("work/none.json");
    export(&home, &set, &out, &[]).refused("--name");
    assert!(!out.exists(), "nothing is written without a name");

    let out = home.path("work/user.json");
    export(&home, &set, &out, &[("USER", "lisi")]).ok();
    assert_eq!(candidate(&out), "lisi");

    let out = home.path("work/named.json");
    export(
        &home,
        &set,
        &out,
        &[("USER", "lisi"), ("MIANBA_NAME", "李四")],
    )
    .ok();
    assert_eq!(candidate(&out), "李四");
}

#[test]
fn the_export_is_confirmed_in_the_ui_language() {
    let home = Home::new();
    let set = home.set("week1.toml", 3, 1);
    let refs = references(&set);
    home.sit(&home.data(), &set, &[refs[0].as_str()], 1_700_000_000);
    let out = home.path("work/zh.json");
    let mut cmd = home.cmd_in("zh");
    cmd.env("MIANBA_NAME", "李四")
        .args(["set", "export", "--set"])
        .arg(&set)
        .arg("--out")
        .arg(&out);
    let run = run_cmd(&mut cmd);
    run.ok();
    let said = run.stderr.lines().last().unwrap_or_default().to_string();
    assert!(said.contains("已导出作业"), "{said}");
    assert!(!said.contains("answer(s)"), "{said}");
}
