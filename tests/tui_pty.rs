//! End-to-end tests of the terminal app: the real binary in a pseudo-terminal, its screen read
//! through vt100, a temporary data folder, and the store opened afterwards to check what was
//! saved.

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
    app.send(b"\x03");
    assert!(app.wait_exit().success());
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
    app.send(b"\x13"); // Ctrl-S
    let screen = app.wait_text("总分");
    let total = number_after(&screen, "总分");
    assert!(total >= 60, "a good answer scores well:\n{screen}");
    app.send(b"\x03"); // Ctrl-C
    assert!(app.wait_exit().success());

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
    loop {
        let draft = Store::open(dir.path()).unwrap().latest_draft().unwrap();
        if draft.is_some_and(|d| d.text == "我会先保持冷静") {
            break;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "the draft was never saved"
        );
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    app.signal("KILL");
    app.wait_exit();

    let mut app = App::start(dir.path(), &["--lang", "en"], 100, 30);
    app.wait_text("Restore the draft?");
    app.wait_text("> 我会先保持冷静");
    app.type_text("y");
    app.wait_text("tui-test/angry-caller");
    app.type_text("，耐心倾听，理解他，帮他解决问题。");
    app.wait_text("我会先保持冷静，耐心倾听");
    app.send(b"\x1bOQ"); // F2
    app.wait_text("Total");
    app.send(b"\x03");
    assert!(app.wait_exit().success());
    let store = Store::open(dir.path()).unwrap();
    let id = store.sessions().unwrap()[0].id;
    let answers = store.session(id).unwrap().unwrap().answers;
    assert_eq!(
        answers[0].answer_text,
        "我会先保持冷静，耐心倾听，理解他，帮他解决问题。"
    );
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
    app.send(b"\x03");
    assert!(app.wait_exit().success());
}

#[test]
fn the_countdown_moves_on_screen_without_input() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = practice(dir.path(), "en", "stress", 100, 30);
    app.wait_text("Answer 1:30 / 1:30");
    app.wait_text("Answer 1:29 / 1:30");
    app.send(b"\x03");
    assert!(app.wait_exit().success());
}
