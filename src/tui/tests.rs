//! Screen tests: the app drawn into ratatui's `TestBackend` and compared with insta snapshots
//! (`src/tui/snapshots/`), in zh and en, at 80×24, 120×40 and a too-small size. The app is
//! built from the TUI's own test bank and a `FakeClock`, so every frame is reproducible.

use std::rc::Rc;
use std::time::Duration;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use crate::bank::BankSet;
use crate::i18n::Lang;
use crate::session::FakeClock;
use crate::store::Draft;
use crate::tui::app::{App, AppInit};
use crate::tui::msg::Msg;
use crate::tui::theme::Theme;
use crate::tui::update::{Effect, update};
use crate::tui::view::view;

/// Sizes every screen is checked at.
pub const SIZES: [(u16, u16); 3] = [(80, 24), (120, 40), (30, 8)];

pub fn test_banks() -> BankSet {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/src/tui/testdata/tui-test.toml"
    );
    let bank = crate::bank::load::load_file(std::path::Path::new(path)).expect("test bank loads");
    BankSet {
        banks: vec![bank],
        problems: Vec::new(),
    }
}

/// An app on the test bank with a fake clock at a fixed time.
pub fn app_with(lang: Lang, draft: Option<Draft>) -> (App, FakeClock) {
    let clock = FakeClock::new(1_700_000_000);
    let app = App::new(AppInit {
        lang,
        theme: Theme::new(false),
        banks: test_banks(),
        clock: Rc::new(clock.clone()),
        seeds: Box::new(|| 42),
        store_error: None,
        draft,
    });
    (app, clock)
}

pub fn key(code: KeyCode) -> Msg {
    Msg::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

pub fn ctrl(c: char) -> Msg {
    Msg::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL))
}

pub fn type_text(app: &mut App, text: &str) -> Vec<Effect> {
    let mut effects = Vec::new();
    for c in text.chars() {
        let code = if c == '\n' {
            KeyCode::Enter
        } else {
            KeyCode::Char(c)
        };
        effects.extend(update(app, key(code)));
    }
    effects
}

pub fn draw(app: &App, w: u16, h: u16) -> Terminal<TestBackend> {
    let mut term = Terminal::new(TestBackend::new(w, h)).expect("test terminal");
    term.draw(|f| view(app, f)).expect("draw");
    term
}

fn lang_name(lang: Lang) -> &'static str {
    lang.code()
}

/// The screen as plain text, one line per row, with the cell under a double-width character
/// skipped (as a terminal shows it), then where the terminal cursor is, if shown.
pub fn screen_text(term: &mut Terminal<TestBackend>) -> String {
    use unicode_width::UnicodeWidthStr;
    let buf = term.backend().buffer().clone();
    let mut out = String::new();
    for y in 0..buf.area.height {
        let mut skip = 0;
        let mut line = String::new();
        for x in 0..buf.area.width {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let sym = buf[(x, y)].symbol();
            skip = sym.width().saturating_sub(1);
            line.push_str(sym);
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    let cursor = term.get_cursor_position().ok();
    if let (true, Some(p)) = (term.backend_mut().cursor_visible(), cursor) {
        out.push_str(&format!("[cursor at column {}, row {}]\n", p.x, p.y));
    }
    out
}

/// Snapshot the app at every size, named `{name}_{lang}_{w}x{h}`.
pub fn snapshot_all(app: &App, name: &str) {
    for (w, h) in SIZES {
        let mut term = draw(app, w, h);
        insta::assert_snapshot!(
            format!("{name}_{}_{w}x{h}", lang_name(app.lang)),
            screen_text(&mut term)
        );
    }
}

fn draft() -> Draft {
    Draft {
        key: "7:tui-test/wrong-size".into(),
        session_id: None,
        question_id: "tui-test/wrong-size".into(),
        followup: None,
        text: "非常抱歉给您添麻烦了。\n我马上核实订单。".into(),
        updated_at: 1_700_000_000 - 600,
    }
}

#[test]
fn home_screen() {
    for lang in [Lang::Zh, Lang::En] {
        let (mut app, _) = app_with(lang, None);
        snapshot_all(&app, "home");
        // Focus on banks, one ticked; the civil-service preset fixes the lists.
        update(&mut app, key(KeyCode::Tab));
        update(&mut app, key(KeyCode::Char(' ')));
        update(&mut app, key(KeyCode::BackTab));
        update(&mut app, key(KeyCode::Char('j')));
        update(&mut app, key(KeyCode::Char('j')));
        update(&mut app, key(KeyCode::Char('7')));
        let mut term = draw(&app, 80, 24);
        insta::assert_snapshot!(
            format!("home_civil_{}_80x24", lang_name(lang)),
            screen_text(&mut term)
        );
    }
}

#[test]
fn help_overlay() {
    for lang in [Lang::Zh, Lang::En] {
        let (mut app, _) = app_with(lang, None);
        update(&mut app, key(KeyCode::Char('?')));
        snapshot_all(&app, "help_home");
        // Any key closes it.
        update(&mut app, key(KeyCode::Char('x')));
        assert!(app.overlay.is_none());
    }
}

#[test]
fn restore_prompt() {
    for lang in [Lang::Zh, Lang::En] {
        let (app, _) = app_with(lang, Some(draft()));
        snapshot_all(&app, "restore");
    }
}

#[test]
fn restore_prompt_discard_clears_the_draft() {
    let (mut app, _) = app_with(Lang::En, Some(draft()));
    let effects = update(&mut app, key(KeyCode::Char('n')));
    assert_eq!(effects, vec![Effect::ClearDraft(draft().key)]);
    assert!(app.overlay.is_none());
    // Esc only postpones: no effect.
    let (mut app, _) = app_with(Lang::En, Some(draft()));
    assert!(update(&mut app, key(KeyCode::Esc)).is_empty());
    assert!(app.overlay.is_none());
}

#[test]
fn too_small_names_the_minimum_at_every_tiny_size() {
    let (app, _) = app_with(Lang::Zh, None);
    for (w, h) in [(1, 1), (20, 5), (39, 30), (100, 11)] {
        let term = draw(&app, w, h);
        let text = term.backend().to_string();
        if w >= 20 {
            assert!(text.contains("窗口太小"), "{w}x{h}:\n{text}");
        }
    }
}

#[test]
fn notices_expire_with_the_clock() {
    let (mut app, clock) = app_with(Lang::En, None);
    app.notify("hello there".into(), crate::tui::app::Level::Info);
    assert!(
        draw(&app, 80, 24)
            .backend()
            .to_string()
            .contains("hello there")
    );
    clock.advance(crate::tui::app::NOTICE_FOR + Duration::from_millis(1));
    assert!(
        !draw(&app, 80, 24)
            .backend()
            .to_string()
            .contains("hello there")
    );
}
