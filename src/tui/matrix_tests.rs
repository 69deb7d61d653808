//! The snapshot matrix: every screen at 80×24 and 100×30, in zh and en, each reached from the
//! TUI's own state as a candidate reaches it (keys through `update`, the store's pages through
//! the effects runner) — one table, one loop. And every dialog at the smallest size the app
//! draws in (40×12): its keys stay in view.

use std::time::Duration;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::i18n::Lang;
use crate::session::interview::Phase;
use crate::tui::app::{App, Screen};
use crate::tui::layout::{MIN_HEIGHT, MIN_WIDTH};
use crate::tui::msg::Msg;
use crate::tui::review_tests::{filled_store, io_with, keys};
use crate::tui::screens::home::Choice;
use crate::tui::tests::{
    ANSWER, app_with, draft, draw, key, plan, screen_text, sitting, type_text,
};
use crate::tui::update::update;

/// The sizes of the matrix.
const SIZES: [(u16, u16); 2] = [(80, 24), (100, 30)];

fn home(lang: Lang) -> App {
    app_with(lang, None).0
}

/// A practice answer being typed for a minute (the question has a figure).
fn interview(lang: Lang) -> App {
    let (mut app, clock) = sitting(lang, Choice::Practice, plan(&["wrong-size"]));
    update(&mut app, key(KeyCode::Enter));
    type_text(&mut app, ANSWER);
    clock.advance(Duration::from_secs(60));
    update(&mut app, Msg::Tick);
    app
}

/// A spoken answer's checklist, 31 seconds in.
fn checklist(lang: Lang) -> App {
    let (mut app, clock) = sitting(lang, Choice::Spoken, plan(&["wrong-size"]));
    update(&mut app, key(KeyCode::Enter));
    clock.advance(Duration::from_secs(31));
    update(&mut app, Msg::Tick);
    update(&mut app, key(KeyCode::Enter));
    update(&mut app, key(KeyCode::Char(' ')));
    app
}

fn result(lang: Lang) -> App {
    let mut app = interview(lang);
    update(
        &mut app,
        Msg::Key(KeyEvent::new(KeyCode::F(2), KeyModifiers::NONE)),
    );
    app
}

/// The summary after answering the question and its follow-up.
fn summary(lang: Lang) -> App {
    let mut app = result(lang);
    for _ in 0..6 {
        if matches!(&app.screen, Screen::Sitting(s) if s.interview.phase == Phase::Finished) {
            break;
        }
        update(&mut app, key(KeyCode::Enter));
        type_text(&mut app, "我会跟进物流，到货后回访客户是否满意。");
        update(&mut app, crate::tui::tests::ctrl('s'));
    }
    app
}

/// A review screen reached from home with `codes`, over three saved sessions.
fn review(lang: Lang, codes: &[KeyCode]) -> App {
    let (mut app, _) = app_with(lang, None);
    let mut io = io_with(filled_store(&app.banks));
    keys(&mut app, &mut io, codes);
    app
}

fn history(lang: Lang) -> App {
    review(lang, &[KeyCode::Char('v')])
}

fn detail(lang: Lang) -> App {
    review(
        lang,
        &[KeyCode::Char('v'), KeyCode::Char('G'), KeyCode::Enter],
    )
}

fn progress(lang: Lang) -> App {
    review(lang, &[KeyCode::Char('p')])
}

fn help(lang: Lang) -> App {
    let mut app = home(lang);
    update(&mut app, key(KeyCode::Char('?')));
    app
}

fn restore(lang: Lang) -> App {
    app_with(lang, Some(draft())).0
}

fn confirm(lang: Lang) -> App {
    let mut app = interview(lang);
    update(&mut app, key(KeyCode::Esc));
    app
}

type Setup = fn(Lang) -> App;

/// Every screen a candidate sees, by name.
const SCREENS: [(&str, Setup); 11] = [
    ("home", home),
    ("interview", interview),
    ("checklist", checklist),
    ("result", result),
    ("summary", summary),
    ("history", history),
    ("detail", detail),
    ("progress", progress),
    ("help", help),
    ("restore", restore),
    ("confirm", confirm),
];

#[test]
fn every_screen_at_80x24_and_100x30_in_both_languages() {
    for (name, setup) in SCREENS {
        for lang in [Lang::Zh, Lang::En] {
            let app = setup(lang);
            for (w, h) in SIZES {
                let text = screen_text(&mut draw(&app, w, h));
                insta::assert_snapshot!(format!("matrix_{name}_{}_{w}x{h}", lang.code()), text);
            }
        }
    }
    // Below the smallest size every screen is the too-small message.
    for lang in [Lang::Zh, Lang::En] {
        let app = home(lang);
        for (w, h) in [(MIN_WIDTH - 1, MIN_HEIGHT), (MIN_WIDTH, MIN_HEIGHT - 1)] {
            let text = screen_text(&mut draw(&app, w, h));
            insta::assert_snapshot!(format!("matrix_too_small_{}_{w}x{h}", lang.code()), text);
        }
    }
}

#[test]
fn every_dialog_keeps_its_keys_in_view_at_40x12() {
    let long = crate::store::Draft {
        text: "我会先向顾客道歉，然后核实订单信息，确认尺码问题后立即安排换货。".repeat(30),
        ..draft()
    };
    for lang in [Lang::Zh, Lang::En] {
        let ui = lang.ui();
        let dialogs: [(&str, App, &str); 4] = [
            ("help", help(lang), ui.help_close),
            ("restore", restore(lang), ui.restore_keys),
            (
                "restore long",
                app_with(lang, Some(long.clone())).0,
                ui.restore_keys,
            ),
            ("confirm", confirm(lang), ui.leave_keys),
        ];
        for (name, app, keys) in dialogs {
            assert!(app.overlay.is_some(), "{name}: no dialog");
            let text = screen_text(&mut draw(&app, MIN_WIDTH, MIN_HEIGHT));
            for hint in keys.split("  ") {
                assert!(
                    text.contains(hint),
                    "{name} {lang:?}: {hint:?} not in view\n{text}"
                );
            }
        }
    }
}

/// Found reviewing the matrix: the result's legend and the help's lines broke inside an entry
/// ("»=结构" / "段落", "Backspace 清" / "除"), and zh labels took a half-width colon.
#[test]
fn legends_break_between_entries_and_zh_labels_take_a_full_width_colon() {
    for lang in [Lang::Zh, Lang::En] {
        let text = screen_text(&mut draw(&result(lang), 80, 24));
        for entry in lang.ui().legend.split("  ") {
            assert!(text.contains(entry), "{entry:?} split:\n{text}");
        }
    }
    let text = screen_text(&mut draw(&summary(Lang::Zh), 80, 24));
    assert!(
        text.contains("平均：总分") && text.contains("追问：换货"),
        "{text}"
    );
    // A long question wraps in the summary instead of being cut ("…语" before, at 80×24).
    let text = screen_text(&mut draw(&summary(Lang::En), 80, 24));
    assert!(text.contains("你会怎么处理？"), "{text}");
    // The help's lines break between keys too.
    for lang in [Lang::Zh, Lang::En] {
        let text = screen_text(&mut draw(&help(lang), 80, 24));
        for entry in lang.ui().help_home.split("  ") {
            assert!(text.contains(entry), "{entry:?} split:\n{text}");
        }
    }
}
