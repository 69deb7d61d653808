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
