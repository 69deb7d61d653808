//! End-to-end tests of the terminal app: the real binary in a pseudo-terminal, its screen read
//! through vt100, a temporary data folder, and the store opened afterwards to check what was
//! saved.
// Test code: a failed unwrap, expect or panic is the test failing, said where it fails.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[path = "tui_pty/harness.rs"]
mod harness;

use harness::App;

#[test]
fn home_screen_in_both_languages_then_quit_restores_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    for (lang, text) in [("zh", "公务员结构化面试"), ("en", "Civil-service exam")] {
        let mut app = App::start(dir.path(), &["--lang", lang], 100, 30);
        app.wait_text(text);
        assert!(app.alternate_screen());
        app.type_text("q");
        assert!(app.wait_exit().success());
        app.wait_for("the alternate screen to be left", |_| {
            !app.alternate_screen()
        });
    }
}

#[test]
fn tiny_window_says_how_large_it_must_be_and_recovers() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = App::start(dir.path(), &["--lang", "en"], 100, 30);
    app.wait_text("Civil-service exam");
    app.resize(20, 5);
    app.wait_text("too small");
    app.resize(100, 30);
    app.wait_text("Civil-service exam");
    // Still responsive after the round trip.
    app.type_text("q");
    assert!(app.wait_exit().success());
}

#[test]
fn ctrl_c_and_sigterm_leave_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = App::start(dir.path(), &["--lang", "en"], 100, 30);
    app.wait_text("Civil-service exam");
    app.ctrl_c();
    app.wait_for("the alternate screen to be left", |_| {
        !app.alternate_screen()
    });

    let mut app = App::start(dir.path(), &["--lang", "en"], 100, 30);
    app.wait_text("Civil-service exam");
    app.signal("TERM");
    assert!(app.wait_exit().success());
    app.wait_for("the alternate screen to be left", |_| {
        !app.alternate_screen()
    });
}

use mianba::store::Store;

const ANSWER: &str = "非常抱歉给您添麻烦了。我先核实订单，确认后马上为您换货，运费我们承担。";

/// `mianba --lang LANG practice` on the test bank's one question of `category`.
fn practice(data: &std::path::Path, lang: &str, category: &str, cols: u16, rows: u16) -> App {
    let args = [
        "--lang",
        lang,
        "practice",
        "--bank",
        "tui-test",
        "--category",
        category,
    ];
    App::start(data, &args, cols, rows)
}

/// The number after `label` on the screen (e.g. the total after "总分").
fn number_after(screen: &str, label: &str) -> u8 {
    let rest = &screen[screen.find(label).expect("label on screen") + label.len()..];
    rest.trim_start()
        .chars()
        .take_while(char::is_ascii_digit)
        .collect::<String>()
        .parse()
        .expect("a number after the label")
}

#[test]
fn chinese_answer_is_scored_on_screen_and_saved_in_the_store() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = practice(dir.path(), "zh", "complaint", 100, 30);
    app.wait_text("思考");
    app.send(b"\r");
    app.wait_text("作答");
    app.type_text(ANSWER);
    let screen = app.wait_text("35 字");
    // The real terminal cursor sits right after the last character typed.
    let row = screen
        .lines()
        .position(|l| l.contains("运费我们承担。"))
        .unwrap();
    let (cursor_row, cursor_col) = app.cursor();
    assert_eq!(usize::from(cursor_row), row);
    assert_eq!(cursor_col, 1 + 35 * 2);
    let screen = app.submit("总分");
    let total = number_after(&screen, "总分");
    assert!(total >= 60, "a good answer scores well:\n{screen}");
    app.ctrl_c();

    let store = Store::open(dir.path()).unwrap();
    let sessions = store.sessions().unwrap();
    assert_eq!(sessions.len(), 1);
    let detail = store.session(sessions[0].id).unwrap().unwrap();
    assert_eq!(detail.answers.len(), 1);
    let saved = &detail.answers[0];
    assert_eq!(saved.answer_text, ANSWER);
    assert_eq!(saved.question_id, "tui-test/wrong-size");
    assert_eq!(saved.total, total, "the store holds the score shown");
    assert!(
        store.latest_draft().unwrap().is_none(),
        "no draft once submitted"
    );
}

#[test]
fn kill_9_mid_answer_and_the_draft_comes_back() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = practice(dir.path(), "en", "stress", 100, 30);
    app.wait_text("Answer");
    app.type_text("我会先保持冷静");
    app.wait_text("7 chars");
    // Wait until the autosave has the text, reading the store as another program would.
    let deadline = std::time::Instant::now() + harness::TIMEOUT;
    let spent = loop {
        let store = Store::open(dir.path()).unwrap();
        if let Some(d) = store
            .latest_draft()
            .unwrap()
            .filter(|d| d.text == "我会先保持冷静")
        {
            break store.draft_seconds(&d.key).unwrap();
        }
        assert!(
            std::time::Instant::now() < deadline,
            "the draft was never saved"
        );
        std::thread::sleep(std::time::Duration::from_millis(100));
    };
    // Saved with the time spent (the first autosave comes 2 s in).
    assert!(spent >= 1, "seconds saved with the draft: {spent}");
    app.signal("KILL");
    app.wait_exit();

    let mut app = App::start(dir.path(), &["--lang", "en"], 100, 30);
    app.wait_text("Restore the draft?");
    app.wait_text("> 我会先保持冷静");
    app.type_text("y");
    // The question by its prompt (its id is for JSON and typing).
    app.wait_text("电话里客户一直骂人");
    app.type_text("，耐心倾听，理解他，帮他解决问题。");
    app.wait_text("我会先保持冷静，耐心倾听");
    app.send(b"\x1bOQ"); // F2
    app.wait_text("Total");
    app.ctrl_c();
    let store = Store::open(dir.path()).unwrap();
    let id = store.sessions().unwrap()[0].id;
    let answers = store.session(id).unwrap().unwrap().answers;
    assert_eq!(
        answers[0].answer_text,
        "我会先保持冷静，耐心倾听，理解他，帮他解决问题。"
    );
    // The restored answer's time went on from what was spent before the crash.
    assert!(
        answers[0].seconds_used >= spent,
        "{}",
        answers[0].seconds_used
    );
    assert_eq!(store.sessions().unwrap()[0].banks, ["tui-test"]);
    assert!(store.latest_draft().unwrap().is_none());
}

#[test]
fn resize_mid_answer_keeps_the_text() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = practice(dir.path(), "zh", "stress", 80, 24);
    app.wait_text("作答");
    app.type_text("我会先保持冷静");
    app.wait_text("7 字");
    app.resize(20, 5);
    app.wait_text("窗口太小");
    app.resize(80, 24);
    app.wait_text("我会先保持冷静");
    app.type_text("。");
    app.wait_text("8 字");
}

#[test]
fn sighup_saves_the_draft() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = practice(dir.path(), "en", "stress", 100, 30);
    app.wait_text("Answer");
    app.type_text("挂断前的草稿");
    app.wait_text("6 chars");
    app.signal("HUP");
    app.wait_exit();
    let draft = Store::open(dir.path()).unwrap().latest_draft().unwrap();
    assert_eq!(draft.map(|d| d.text).as_deref(), Some("挂断前的草稿"));
}

#[test]
fn a_large_paste_is_capped_and_the_app_stays_responsive() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = practice(dir.path(), "en", "stress", 100, 30);
    app.wait_text("Answer");
    app.paste(&"客服".repeat(100_000));
    app.wait_text("Paste too long");
    app.wait_text("20000 chars");
    app.ctrl_c();
}

#[test]
fn the_countdown_moves_on_screen_without_input() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = practice(dir.path(), "en", "stress", 100, 30);
    app.wait_text("Answer 1:30 / 1:30");
    app.wait_text("Answer 1:29 / 1:30");
    app.ctrl_c();
}

#[test]
fn dropping_the_harness_kills_and_reaps_the_app() {
    let dir = tempfile::tempdir().unwrap();
    let app = App::start(dir.path(), &["--lang", "en"], 100, 30);
    app.wait_text("Civil-service exam");
    let pid = app.pid();
    drop(app);
    // Reaped: no process (not even a zombie) has the pid any more.
    assert!(
        !std::path::Path::new(&format!("/proc/{pid}")).exists(),
        "mianba {pid} is still there after the harness was dropped"
    );
}

/// A script standing in for espeak-ng that writes its arguments and stdin to files in `dir`.
fn recording_espeak(dir: &std::path::Path) -> std::path::PathBuf {
    use std::os::unix::fs::PermissionsExt;
    let path = dir.join("espeak-rec");
    let body = format!(
        "#!/bin/sh\necho \"$@\" > '{0}/args.tmp'\ncat > '{0}/stdin.tmp'\nmv '{0}/args.tmp' '{0}/args'\nmv '{0}/stdin.tmp' '{0}/stdin'\n",
        dir.display()
    );
    std::fs::write(&path, body).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
    path
}

#[test]
fn speak_reads_the_question_in_mandarin_through_espeak() {
    let dir = tempfile::tempdir().unwrap();
    let rec = tempfile::tempdir().unwrap();
    let espeak = recording_espeak(rec.path());
    let args = [
        "--lang",
        "zh",
        "--speak",
        "practice",
        "--bank",
        "tui-test",
        "--category",
        "complaint",
    ];
    let env = [("MIANBA_ESPEAK", espeak.to_str().unwrap())];
    let mut app = App::start_with_env(dir.path(), &args, &env, 100, 30);
    app.wait_text("思考");
    let stdin = rec.path().join("stdin");
    app.wait_for("espeak to be run", |_| stdin.exists());
    let argv = std::fs::read_to_string(rec.path().join("args")).unwrap();
    assert!(argv.contains("-v cmn"), "voice: {argv}");
    let said = std::fs::read_to_string(&stdin).unwrap();
    assert!(
        said.contains("客户收到衣服后发现尺码不合适"),
        "read aloud: {said}"
    );
    app.ctrl_c();
}

#[test]
fn speak_without_espeak_says_so_once_and_the_interview_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let args = [
        "--lang",
        "en",
        "--speak",
        "practice",
        "--bank",
        "tui-test",
        "--category",
        "complaint",
    ];
    let env = [("MIANBA_ESPEAK", "/nonexistent")];
    let mut app = App::start_with_env(dir.path(), &args, &env, 120, 30);
    app.wait_text("/nonexistent is not a program");
    app.answer_and_submit("Ctrl-S/F2 submit", ANSWER, "Total");
    app.ctrl_c();
}

#[test]
fn a_follow_up_is_asked_answered_and_saved_under_its_question() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = practice(dir.path(), "zh", "complaint", 100, 30);
    app.wait_text("思考");
    // No 跟进 in it: the follow-up that asks for it comes next.
    app.answer_and_submit("作答", ANSWER, "总分");
    app.send(b"\r");
    app.wait_text("换货寄出以后，你还会做什么？");
    app.answer_and_submit("作答", "我会跟进物流，收货后回访客户是否满意。", "总分");
    app.send(b"\r");
    let summary = app.wait_text("本次面试小结");
    // Each row by its prompt, not its id.
    assert!(summary.contains("客户收到衣服后"), "{summary}");
    assert!(!summary.contains("tui-test/"), "{summary}");
    assert!(summary.contains("换货寄出以后"), "{summary}");
    app.send(b"q");
    assert!(app.wait_exit().success());

    let store = Store::open(dir.path()).unwrap();
    let sessions = store.sessions().unwrap();
    let detail = store.session(sessions[0].id).unwrap().unwrap();
    assert_eq!(detail.answers.len(), 1);
    let main = &detail.answers[0];
    assert_eq!(main.followups.len(), 1);
    assert_eq!(main.followups[0].followup, Some(0));
    assert_eq!(main.followups[0].parent, Some(main.id));
    assert!(main.followups[0].answer_text.contains("跟进物流"));
}

#[test]
fn an_answered_question_comes_back_due_and_is_drilled() {
    let dir = tempfile::tempdir().unwrap();
    // A weak answer today.
    let mut app = practice(dir.path(), "en", "stress", 100, 30);
    app.wait_text("Question 1 of 1");
    app.answer_and_submit("Ctrl-S/F2 submit", "不知道。", "Total");
    app.ctrl_c();
    drop(app);

    // Today nothing is due; 30 days on (the clock moved by mianba's test variable) it is.
    let mut app = App::start(dir.path(), &["--lang", "en"], 100, 30);
    app.wait_text("drill (0 due today)");
    app.type_text("q");
    assert!(app.wait_exit().success());
    let env = [(mianba::tui::CLOCK_SHIFT_ENV, "30")];
    let mut app = App::start_with_env(dir.path(), &["--lang", "en"], &env, 100, 30);
    app.wait_text("drill (1 due today)");
    app.type_text("d");
    app.wait_text("Question 1 of 1");
    app.wait_text("电话里客户一直骂人");
    app.answer_and_submit(
        "Ctrl-S/F2 submit",
        "我会先安抚客户情绪，耐心倾听。",
        "Total",
    );
    app.ctrl_c();

    let store = Store::open(dir.path()).unwrap();
    let sessions = store.sessions().unwrap();
    assert_eq!(sessions.len(), 2);
    assert!(
        sessions
            .iter()
            .any(|s| s.preset.as_deref() == Some("drill")),
        "{sessions:?}"
    );
    // The drilled answer moved the card: a second review.
    let card = store
        .schedule_entry("tui-test/angry-caller")
        .unwrap()
        .unwrap();
    assert_eq!(card.reps, 2);
}

/// Two Escapes: each one our loop receives counts (the leave question opens, then closes). Two
/// Escape bytes in one read are a different matter: crossterm 0.29's parser turns `ESC ESC`
/// into a single Esc key (`parse_event`: a second ESC after ESC ends the sequence), before the
/// app sees any event, so the pair acts as one press. This pins both behaviours.
#[test]
fn each_escape_counts_and_a_double_escape_byte_pair_is_one_key() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = practice(dir.path(), "en", "stress", 100, 30);
    app.wait_text("Ctrl-S/F2 submit");
    app.send(b"\x1b");
    app.wait_text("Leave the interview?");
    app.send(b"\x1b");
    app.wait_for("the leave question to close", |s| {
        !s.contains("Leave the interview?")
    });
    // Both bytes in one write: crossterm reports one Esc, so the question stays open.
    app.send(b"\x1b\x1b");
    app.wait_text("Leave the interview?");
    std::thread::sleep(std::time::Duration::from_millis(300));
    assert!(app.screen().contains("Leave the interview?"));
    app.ctrl_c();
}
