//! Issue 12, cases 1, 2, 3 and 12: every command that writes a file the user named refuses
//! links, devices, FIFOs, the store and its own inputs, never overwrites without `--force`,
//! and leaves nothing half-written when the disk fills; every command that reads one refuses
//! a FIFO at once instead of hanging, and a folder scan names what it skipped.
//! Everything happens inside temp folders; a symbolic link to a file outside the folder
//! stands in for a device.
// Test code: a failed unwrap, expect or panic is the test failing, said where it fails.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
#![cfg(unix)]

mod safe_support;

use std::path::Path;
use std::process::Command;

use safe_support::{Home, references, run_cmd, sit};

fn mkfifo(path: &Path) {
    let ok = Command::new("mkfifo").arg(path).status().unwrap();
    assert!(ok.success(), "mkfifo {}", path.display());
}

/// A home with a set (`w.toml`, two questions) and one sitting of it in the default store.
fn with_sitting() -> (Home, std::path::PathBuf) {
    let home = Home::new();
    let set = home.set("w.toml", 3, 2);
    let refs = references(&set);
    sit(&home.data(), &set, &[&refs[0], "您好"], 1_700_000_000);
    (home, set)
}

/// The files in a folder, names only, sorted.
fn names(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

/// Case 1: `export` to a link (the stand-in for a device) and to a FIFO is refused; the link
/// is still a link and what it points to is untouched. `class grade` refuses a linked bundle
/// before grading starts.
#[test]
fn case1_export_and_grade_never_replace_a_link_or_a_fifo() {
    let (home, set) = with_sitting();
    let outside = tempfile::tempdir().unwrap();
    let real = outside.path().join("device-like");
    std::fs::write(&real, "not yours").unwrap();
    let link = home.path("work/backup.json");
    std::os::unix::fs::symlink(&real, &link).unwrap();

    for args in [
        vec!["export", "backup.json"],
        vec!["export", "backup.json", "--force"],
    ] {
        home.run(&args)
            .refused("cannot write backup.json: it is a symbolic link, not a regular file");
        assert!(
            std::fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(std::fs::read_to_string(&real).unwrap(), "not yours");
    }
    let fifo = home.path("work/pipe.json");
    mkfifo(&fifo);
    home.run(["export", "pipe.json", "--force"])
        .refused("cannot write pipe.json: it is a FIFO, not a regular file");
    assert!(std::os::unix::fs::FileTypeExt::is_fifo(
        &std::fs::symlink_metadata(&fifo).unwrap().file_type()
    ));

    // class grade: a bundle reached through a link is graded nowhere.
    let bundle = outside.path().join("a.json");
    home.export(&home.data(), &set, "张三", &bundle).ok();
    let before = std::fs::read(&bundle).unwrap();
    let linked = home.path("work/linked.json");
    std::os::unix::fs::symlink(&bundle, &linked).unwrap();
    home.run(["class", "grade", "linked.json", "--grader", "王老师"])
        .refused("cannot write linked.json: it is a symbolic link");
    assert_eq!(std::fs::read(&bundle).unwrap(), before);
}

/// Case 2: `set export --out` refuses the store, the set file, and an existing file unless
/// `--force`; `export` and `banks import` follow the same rule.
#[test]
fn case2_set_export_never_overwrites_the_store_its_input_or_without_force() {
    let (home, set) = with_sitting();
    let store = home.data().join("mianba.db");
    let store_before = std::fs::read(&store).unwrap();
    let set_before = std::fs::read(&set).unwrap();

    let export = |out: &Path, force: bool| {
        let mut cmd = home.cmd();
        cmd.args(["set", "export", "--name", "张三", "--set"])
            .arg(&set)
            .arg("--out")
            .arg(out);
        if force {
            cmd.arg("--force");
        }
        run_cmd(&mut cmd)
    };
    export(&store, true).refused("it is the store, which this command reads");
    assert_eq!(std::fs::read(&store).unwrap(), store_before);
    export(&set, true).refused("it is the set file, which this command reads");
    assert_eq!(std::fs::read(&set).unwrap(), set_before);

    let out = home.path("work/a.json");
    std::fs::write(&out, "mine").unwrap();
    export(&out, false).refused("cannot write");
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "mine");
    assert!(
        export(&out, false)
            .stderr
            .contains("pass --force to replace it")
    );
    export(&out, true).ok();
    assert!(
        std::fs::read_to_string(&out)
            .unwrap()
            .contains("mianba-result")
    );

    // The store's history is all still there.
    let history = home.run(["history", "--json"]);
    history.ok();
    assert!(history.stdout.contains("\"id\""), "{}", history.stdout);

    // `export` (the backup) asks for --force too, and never writes over the store.
    let backup = home.path("work/b.json");
    std::fs::write(&backup, "old").unwrap();
    home.run(["export", "b.json"])
        .refused("already exists; pass --force");
    assert_eq!(std::fs::read_to_string(&backup).unwrap(), "old");
    home.run(["export", "b.json", "--force"]).ok();
    let mut cmd = home.cmd();
    run_cmd(cmd.arg("export").arg(&store).arg("--force")).refused("it is the store");

    // `banks import` never writes over its own spreadsheet.
    let csv = home.path("work/q.csv");
    std::fs::write(
        &csv,
        "prompt,category,points,reference\n客户要求退货，你怎么办？,complaint,!致歉:抱歉|对不起,您好，非常抱歉。\n",
    )
    .unwrap();
    home.run([
        "banks", "import", "q.csv", "--id", "q", "--out", "q.csv", "--force",
    ])
    .refused("it is the spreadsheet, which this command reads");
    assert!(std::fs::read_to_string(&csv).unwrap().starts_with("prompt"));
}

/// The command run under a file-size limit of `blocks` (512 or 1024 bytes, by shell), with
/// the signal ignored so a write past it fails with an error, as on a full disk. The store's
/// own files (its 32 KiB shared-memory index) fit under the limits used here.
fn limited(home: &Home, blocks: u32, args: &[&std::ffi::OsStr]) -> safe_support::Run {
    let cmd = home.cmd();
    let bin = assert_cmd::cargo::cargo_bin("mianba");
    let mut sh = Command::new("sh");
    sh.arg("-c")
        .arg(format!(
            "ulimit -f {blocks}; trap '' XFSZ; exec \"$0\" \"$@\""
        ))
        .arg(&bin)
        .args(["--lang", "en"])
        .args(args)
        .current_dir(home.path("work"));
    for (k, v) in cmd.get_envs() {
        if let Some(v) = v {
            sh.env(k, v);
        }
    }
    run_cmd(&mut sh)
}

/// Case 3: when the disk fills, `set export` and `banks import --out` say "cannot write",
/// leave no truncated or empty file and no temporary, and the retry works.
#[test]
fn case3_a_full_disk_leaves_no_truncated_or_empty_file() {
    let home = Home::new();
    let set = home.set("w.toml", 3, 1);
    // A long answer makes a bundle far over the limit.
    let long = "您好，非常抱歉给您添麻烦了，我马上核实订单并给您处理方案。".repeat(4000);
    sit(&home.data(), &set, &[&long], 1_700_000_000);
    let before = names(&home.path("work"));
    let run = limited(
        &home,
        200,
        &[
            "set".as_ref(),
            "export".as_ref(),
            "--name".as_ref(),
            "张三".as_ref(),
            "--set".as_ref(),
            set.as_os_str(),
            "--out".as_ref(),
            "a.json".as_ref(),
        ],
    );
    run.refused("cannot write a.json");
    assert!(!run.stderr.contains("cannot read"), "{}", run.stderr);
    assert_eq!(names(&home.path("work")), before, "a file was left behind");
    home.export(&home.data(), &set, "张三", &home.path("work/a.json"))
        .ok();

    let rows: Vec<String> = (0..300)
        .map(|i| format!("客户要求退货第{i}次，你怎么办？,complaint,!致歉:抱歉|对不起;核实:核实|查询,您好，非常抱歉，我先核实订单。"))
        .collect();
    std::fs::write(
        home.path("work/q.csv"),
        format!("prompt,category,points,reference\n{}\n", rows.join("\n")),
    )
    .unwrap();
    let before = names(&home.path("work"));
    let args = ["banks", "import", "q.csv", "--id", "q", "--out", "q.toml"];
    let os: Vec<&std::ffi::OsStr> = args.iter().map(std::ffi::OsStr::new).collect();
    limited(&home, 40, &os).refused("cannot write q.toml");
    assert_eq!(names(&home.path("work")), before, "a file was left behind");
    home.run(args).ok();
    assert!(std::fs::metadata(home.path("work/q.toml")).unwrap().len() > 40 * 512);
}

/// Case 12: a FIFO given as a bundle, backup, roster or answer file is refused at once with
/// the same sentence; a FIFO or a folder named *.json inside a bundle folder is named.
#[test]
fn case12_a_fifo_is_refused_at_once_and_skipped_entries_are_named() {
    let (home, set) = with_sitting();
    let work = home.path("work");
    home.export(&home.data(), &set, "张三", &work.join("a.json"))
        .ok();
    mkfifo(&work.join("f.json"));
    let said = "cannot read f.json: it is a FIFO, not a regular file; name the file itself";
    home.run(["class", "report", "f.json"]).refused(said);
    home.run(["class", "grade", "f.json", "--grader", "王老师"])
        .refused(said);
    home.run(["set", "import-grades", "f.json"]).refused(said);
    home.run(["import", "f.json"]).refused(said);
    home.run(["class", "report", "a.json", "--roster", "f.json"])
        .refused(said);
    home.run([
        "score",
        "--bank",
        "complaint",
        "--question",
        "complaint-process",
        "--answer",
        "f.json",
    ])
    .refused(said);

    // In a folder: the good bundle is reported, the FIFO and the folder are named.
    let folder = work.join("bundles");
    std::fs::create_dir_all(folder.join("sub.json")).unwrap();
    std::fs::copy(work.join("a.json"), folder.join("a.json")).unwrap();
    mkfifo(&folder.join("pipe.json"));
    let run = home.run(["class", "report", "bundles"]);
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    assert!(run.stdout.contains("张三"), "{}", run.stdout);
    for skipped in ["pipe.json: it is a FIFO", "sub.json: it is a folder"] {
        assert!(
            run.stderr.contains(&format!("skipped bundles/{skipped}")),
            "{skipped} not named in\n{}",
            run.stderr
        );
    }
    // The home screen's sets folder lists a FIFO named *.toml with why, at once.
    let sets = home.path("sets");
    std::fs::create_dir_all(&sets).unwrap();
    mkfifo(&sets.join("pipe.toml"));
    let banks = mianba::bank::BankSet::bundled();
    let listed = mianba::tutor::set_files::list_sets(&[sets], None, &banks);
    assert!(
        matches!(listed.as_slice(), [mianba::tutor::set_files::SetEntry::Broken { file, problem }]
            if file == "pipe.toml" && problem.to_string().contains("FIFO, not a regular file")),
        "{listed:?}"
    );
}
