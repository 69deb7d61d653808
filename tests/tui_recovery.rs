//! Issue 12, cases 4 and 5, in a real terminal: a damaged store is refused at start with the
//! CLI's sentence (not opened half-way), and a store that stops taking writes mid-session
//! loses no typed character — the answer goes to a recovery file the screen names, and the
//! next start brings it back into the store.
// Test code: a failed unwrap, expect or panic is the test failing, said where it fails.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

// The shared pty harness and store fixture; this test uses part of each (the fixture allows
// its own dead code).
#[allow(dead_code)]
#[path = "tui_pty/harness.rs"]
mod harness;
mod review_support;

use std::io::{Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use harness::App;
use mianba::store::Store;

/// Case 4: junk written over the middle of the store. The CLI and the app say the same
/// sentence, with the way forward; the app never enters the interview screens.
/// The app started straight into a practice question of the test bank's `category`.
fn practice(data: &Path, category: &str, cols: u16, rows: u16) -> App {
    App::start(
        data,
        &[
            "--lang",
            "en",
            "practice",
            "--bank",
            "tui-test",
            "--category",
            category,
        ],
        cols,
        rows,
    )
}

#[test]
fn case4_a_damaged_store_is_refused_at_start_with_the_cli_sentence() {
    let dir = tempfile::tempdir().unwrap();
    {
        let store = Store::open(dir.path()).unwrap();
        review_support::Fixture::bundled().fill(&store, 30, 1, 1_750_000_000);
    }
    let db = dir.path().join("mianba.db");
    let len = std::fs::metadata(&db).unwrap().len();
    assert!(len > 8 * 4096, "a store of several pages: {len}");
    let mut f = std::fs::OpenOptions::new().write(true).open(&db).unwrap();
    f.seek(SeekFrom::Start(4096)).unwrap();
    f.write_all(&vec![0xA5; usize::try_from(len).unwrap() - 4096])
        .unwrap();
    drop(f);

    let cli = std::process::Command::new(env!("CARGO_BIN_EXE_mianba"))
        .arg("--data-dir")
        .arg(dir.path())
        .args(["--lang", "en", "history"])
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&cli.stderr).into_owned();
    assert!(
        said.contains("is damaged or is not a mianba store"),
        "{said}"
    );
    assert!(said.contains("move it aside"), "{said}");

    let mut app = App::start(dir.path(), &["--lang", "en"], 250, 30);
    let status = app.wait_exit();
    assert!(!status.success());
    let screen = app.screen();
    assert!(
        screen.contains("is damaged or is not a mianba store") && screen.contains("move it aside"),
        "{screen}"
    );
    assert!(!app.alternate_screen());
}

/// Marks files immutable (even root cannot write them) until dropped.
struct Immutable(Vec<PathBuf>);

impl Immutable {
    fn set(files: &[PathBuf]) -> Immutable {
        for f in files {
            let ok = std::process::Command::new("chattr")
                .arg("+i")
                .arg(f)
                .status()
                .unwrap()
                .success();
            assert!(ok, "chattr +i {}", f.display());
        }
        Immutable(files.to_vec())
    }
}

impl Drop for Immutable {
    fn drop(&mut self) {
        for f in &self.0 {
            let _ = std::process::Command::new("chattr")
                .arg("-i")
                .arg(f)
                .status();
        }
    }
}

fn recovery_files(data: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(data.join("recovered"))
        .map(|d| d.map(|e| e.unwrap().path()).collect())
        .unwrap_or_default()
}

/// Case 5: the store stops taking writes while an answer is typed. Submitting it keeps the
/// answer and its scorecard in a recovery file the screen names; the next start brings it
/// back, character for character, into the store.
#[test]
fn case5_an_answer_the_store_cannot_take_is_kept_and_brought_back() {
    let dir = tempfile::tempdir().unwrap();
    let text = "我会先保持冷静，耐心倾听客户的问题，然后核实情况，给出解决方案。";
    let mut app = practice(dir.path(), "stress", 250, 30);
    app.wait_text("Answer");
    app.type_text(text);
    app.wait_text("核实情况");
    // The session exists; now the store turns unwritable.
    let db = dir.path().join("mianba.db");
    let wal = dir.path().join("mianba.db-wal");
    assert!(wal.exists(), "the store is in WAL mode");
    let lock = Immutable::set(&[db, wal]);
    app.send(b"\x13");
    // The notice and the path it names; a screen read mid-frame may hold only the notice's
    // first words, so wait for both rather than asserting on the first glimpse.
    app.wait_for("the notice naming the recovery file", |s| {
        s.contains("The store could not take this answer") && s.contains("recovered")
    });
    app.ctrl_c();
    drop(lock);

    let kept = recovery_files(dir.path());
    assert_eq!(kept.len(), 1, "{kept:?}");
    let saved: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&kept[0]).unwrap()).unwrap();
    assert_eq!(saved["answer_text"], text);
    assert!(saved["scorecard"]["total"].is_u64());

    let mut app = App::start(dir.path(), &["--lang", "en"], 250, 30);
    app.wait_text("1 answer(s) an earlier run could not save are now in the store");
    app.ctrl_c();
    assert!(recovery_files(dir.path()).is_empty());
    let store = Store::open(dir.path()).unwrap();
    let texts: Vec<String> = store
        .sessions()
        .unwrap()
        .iter()
        .flat_map(|s| store.session(s.id).unwrap().unwrap().answers)
        .map(|a| a.fields.answer_text)
        .collect();
    assert!(texts.iter().any(|t| t == text), "{texts:?}");
}

/// Polls the store (as another program would) until the autosave holds `text`.
fn wait_for_draft(data: &Path, text: &str) {
    let deadline = std::time::Instant::now() + harness::TIMEOUT;
    loop {
        let store = Store::open(data).unwrap();
        if store
            .latest_draft()
            .unwrap()
            .is_some_and(|d| d.text == text)
        {
            return;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "the draft was never saved: {:?}",
            store.latest_draft()
        );
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
}

/// `mianba report latest --format json`: the session it names.
fn latest(data: &Path) -> i64 {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_mianba"))
        .arg("--data-dir")
        .arg(data)
        .args(["--lang", "en", "report", "latest", "--format", "json"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    v["session"]["id"]
        .as_i64()
        .or_else(|| v["id"].as_i64())
        .unwrap_or_else(|| panic!("no session id in {v}"))
}

/// Case 6: a drill interrupted by a crash resumes as a drill — in its own session, the drafted
/// question first and the rest of the drill after it — and the session the crash left without
/// an answer is never `report latest`.
#[test]
fn case6_a_crashed_drill_resumes_as_a_drill_and_an_empty_session_is_never_latest() {
    let dir = tempfile::tempdir().unwrap();
    for category in ["stress", "complaint"] {
        let mut app = practice(dir.path(), category, 100, 30);
        app.wait_text("Question 1 of 1");
        app.answer_and_submit("Ctrl-S/F2 submit", "不知道。", "Total");
        app.ctrl_c();
    }
    let answered = latest(dir.path());

    let env = [(mianba::tui::CLOCK_SHIFT_ENV, "30")];
    let mut app = App::start_with_env(dir.path(), &["--lang", "en"], &env, 100, 30);
    app.wait_text("drill (2 due today)");
    app.type_text("d");
    app.wait_text("Question 1 of 2");
    app.wait_text("Ctrl-S/F2 submit");
    let typed = "我会先安抚客户情绪";
    app.type_text(typed);
    app.wait_text(typed);
    wait_for_draft(dir.path(), typed);
    app.signal("KILL");
    app.wait_exit();

    // The drill's session holds no answer: the latest report is still the answered session.
    assert_eq!(latest(dir.path()), answered);
    let sessions_before = Store::open(dir.path()).unwrap().sessions().unwrap().len();

    let mut app = App::start_with_env(dir.path(), &["--lang", "en"], &env, 100, 30);
    app.wait_text("Restore the draft?");
    app.type_text("y");
    app.wait_text("Question 1 of 2");
    app.wait_text(typed);
    app.type_text("，耐心倾听。");
    app.submit("Total");
    app.ctrl_c();

    let store = Store::open(dir.path()).unwrap();
    let sessions = store.sessions().unwrap();
    assert_eq!(
        sessions.len(),
        sessions_before,
        "no new session: {sessions:?}"
    );
    let drill = sessions
        .iter()
        .find(|s| s.preset.as_deref() == Some("drill"))
        .expect("the drill session");
    let answers = store.session(drill.id).unwrap().unwrap().answers;
    assert_eq!(answers.len(), 1);
    assert_eq!(answers[0].answer_text, format!("{typed}，耐心倾听。"));
    assert_eq!(latest(dir.path()), drill.id.0);
}

/// Case 5, from the start: a store that cannot be opened at all (here its file is a folder)
/// still loses no answer — it is kept in a recovery file and lands in the store once one
/// can be opened.
#[test]
fn case5_with_no_store_at_all_the_answer_is_kept_and_brought_back() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("mianba.db");
    std::fs::create_dir_all(&db).unwrap();
    let text = "先道歉，再核实订单，然后给出换货方案。";
    let mut app = practice(dir.path(), "complaint", 250, 30);
    app.wait_text("answers will be kept in recovery files");
    // The notice holds the footer, so the answer box tells the phase.
    app.answer_and_submit("Your answer", text, "The store could not take this answer");
    app.ctrl_c();
    assert_eq!(recovery_files(dir.path()).len(), 1);

    std::fs::remove_dir(&db).unwrap();
    let mut app = App::start(dir.path(), &["--lang", "en"], 250, 30);
    app.wait_text("1 answer(s) an earlier run could not save are now in the store");
    app.ctrl_c();
    let store = Store::open(dir.path()).unwrap();
    let id = store.sessions().unwrap()[0].id;
    let answers = store.session(id).unwrap().unwrap().answers;
    assert_eq!(answers[0].answer_text.trim(), text);
}

/// Case 6: leaving an interview before the first answer (nothing typed) keeps no empty
/// session; one with a draft is kept for the draft.
#[test]
fn case6_a_session_left_before_its_first_answer_is_not_kept() {
    let dir = tempfile::tempdir().unwrap();
    let args = [
        "--lang",
        "en",
        "practice",
        "--bank",
        "tui-test",
        "--category",
        "stress",
    ];
    let mut app = App::start(dir.path(), &args, 100, 30);
    app.wait_text("Question 1 of 1");
    app.send(b"\x1b");
    app.wait_text("Leave the interview?");
    app.send(b"\r");
    app.wait_text("Civil-service exam");
    app.type_text("q");
    assert!(app.wait_exit().success());
    assert!(
        Store::open(dir.path())
            .unwrap()
            .sessions()
            .unwrap()
            .is_empty()
    );

    // Ctrl-C with nothing typed: nothing kept either.
    let mut app = App::start(dir.path(), &args, 100, 30);
    app.wait_text("Question 1 of 1");
    app.ctrl_c();
    assert!(
        Store::open(dir.path())
            .unwrap()
            .sessions()
            .unwrap()
            .is_empty()
    );

    // With text typed the session stays, holding the draft.
    let mut app = App::start(dir.path(), &args, 100, 30);
    app.wait_text("Ctrl-S/F2 submit");
    app.type_text("先冷静");
    app.wait_text("先冷静");
    app.ctrl_c();
    let store = Store::open(dir.path()).unwrap();
    assert_eq!(store.sessions().unwrap().len(), 1);
    assert!(
        store
            .latest_draft()
            .unwrap()
            .is_some_and(|d| d.text.ends_with("先冷静"))
    );
}

/// Case 5, quitting instead of submitting: the answer being typed when the store stopped
/// taking writes is kept beside it, and the next start offers it back as a draft.
#[test]
fn case5_a_draft_the_store_cannot_take_is_offered_back() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = practice(dir.path(), "stress", 250, 30);
    app.wait_text("Ctrl-S/F2 submit");
    app.type_text("先");
    wait_for_draft(dir.path(), "先");
    let lock = Immutable::set(&[
        dir.path().join("mianba.db"),
        dir.path().join("mianba.db-wal"),
    ]);
    app.type_text("保持冷静，再倾听");
    app.wait_text("the answer being typed is kept in");
    app.ctrl_c();
    drop(lock);

    let mut app = App::start(dir.path(), &["--lang", "en"], 250, 30);
    app.wait_text("Restore the draft?");
    app.wait_text("先保持冷静，再倾听");
    app.type_text("y");
    app.wait_text("先保持冷静，再倾听");
    app.submit("Total");
    app.ctrl_c();
    assert!(recovery_files(dir.path()).is_empty());
    let store = Store::open(dir.path()).unwrap();
    let id = store.sessions().unwrap()[0].id;
    let answers = store.session(id).unwrap().unwrap().answers;
    assert_eq!(answers[0].answer_text.trim(), "先保持冷静，再倾听");
}
