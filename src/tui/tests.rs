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
use crate::tui::effect::Effect;
use crate::tui::msg::Msg;
use crate::tui::theme::Theme;
use crate::tui::update::update;
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
        speak: false,
        tz: chrono::FixedOffset::east_opt(8 * 3600).expect("UTC+8"),
        candidate: None,
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

pub fn draft() -> Draft {
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
fn a_long_bank_title_wraps_in_the_home_list_at_80x24() {
    let (mut app, _) = app_with(Lang::En, None);
    let Screen::Home(home) = &mut app.screen else {
        panic!("not home")
    };
    home.banks[0].title = "Customer Service Interview Basics (English)".into();
    let screen = screen_text(&mut draw(&app, 80, 24));
    // "(Engli" before: the end of the title is on the next row, under the title.
    assert!(screen.contains("(English) (2)"), "{screen}");
}

#[test]
fn restore_prompt() {
    for lang in [Lang::Zh, Lang::En] {
        let (app, _) = app_with(lang, Some(draft()));
        snapshot_all(&app, "restore");
    }
}

#[test]
fn a_long_draft_keeps_the_restore_keys_in_view() {
    // An 895-character paragraph used to push the key line out of the dialog at 80×24.
    let long = Draft {
        text: "我会先向顾客道歉，然后核实订单信息，确认尺码问题后立即安排换货。".repeat(28)[..]
            .chars()
            .take(895)
            .collect(),
        ..draft()
    };
    for lang in [Lang::Zh, Lang::En] {
        let (app, _) = app_with(lang, Some(long.clone()));
        snapshot_all(&app, "restore_long");
        let first_key = app.ui.restore_keys.split("  ").next().unwrap();
        for (w, h) in [(80, 24), (40, 12)] {
            let screen = screen_text(&mut draw(&app, w, h));
            assert!(screen.contains(first_key), "{w}x{h}:\n{screen}");
        }
        let screen = screen_text(&mut draw(&app, 80, 24));
        assert!(screen.contains(app.ui.restore_keys));
        // The question by its prompt, not its id.
        assert!(!screen.contains("tui-test/"), "{screen}");
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

/// The store's answer to `Effect::LoadRestore` for `draft()`.
fn restore_ready(
    session: Option<(crate::store::SessionId, crate::session::Mode)>,
    drill: Option<crate::review::drill::Drill>,
) -> Msg {
    Msg::RestoreReady {
        draft: Box::new(draft()),
        of: Box::new(crate::tui::screens::sitting::update::DraftOrigin {
            session,
            drill,
            ..Default::default()
        }),
    }
}

/// Issue 12, case 6: a draft of a practice session the store still has resumes that session
/// (no new, empty one); a drill's draft resumes the drill, the drafted question first and the
/// other due questions after it.
#[test]
fn a_drill_draft_resumes_the_drill_in_its_own_session() {
    let (mut app, _) = app_with(Lang::En, Some(draft()));
    update(&mut app, key(KeyCode::Char('y')));
    let mut due = plan(&["angry-caller", "wrong-size"]);
    due.preset = Some(crate::review::drill::DUE_PRESET.to_string());
    let drill = crate::review::drill::Drill {
        plan: due,
        gone: Vec::new(),
    };
    let id = crate::store::SessionId(7);
    let effects = update(
        &mut app,
        restore_ready(Some((id, crate::session::Mode::Practice)), Some(drill)),
    );
    assert!(
        !effects
            .iter()
            .any(|e| matches!(e, Effect::CreateSession(_))),
        "no new session: {effects:?}"
    );
    let s = sitting_of(&app);
    assert_eq!(s.session_id, Some(id));
    assert_eq!(s.editor.text(), draft().text);
    let asked: Vec<String> = s
        .interview
        .plan
        .questions
        .iter()
        .map(|q| q.full_id())
        .collect();
    assert_eq!(asked, ["tui-test/wrong-size", "tui-test/angry-caller"]);
    assert_eq!(
        s.interview.plan.preset.as_deref(),
        Some(crate::review::drill::DUE_PRESET)
    );
    assert!(matches!(phase(&app), Phase::Answer { .. }));
}

#[test]
fn a_restored_draft_records_its_bank_in_the_new_session() {
    let (mut app, _) = app_with(Lang::En, Some(draft()));
    let effects = update(&mut app, key(KeyCode::Enter));
    assert!(
        matches!(effects.as_slice(), [Effect::LoadRestore { draft: d, .. }] if *d == draft()),
        "{effects:?}"
    );
    let effects = update(&mut app, restore_ready(None, None));
    let Some(session) = effects.iter().find_map(|e| match e {
        Effect::CreateSession(s) => Some(s),
        _ => None,
    }) else {
        panic!("restoring creates a session: {effects:?}");
    };
    assert_eq!(session.banks, vec!["tui-test".to_string()]);
}

#[test]
fn a_restored_answer_goes_on_timing_from_the_seconds_spent_before() {
    let store = crate::store::Store::open_in_memory().expect("store");
    store.save_draft(&draft()).expect("draft saved");
    store
        .set_draft_seconds(&draft().key, 50)
        .expect("seconds saved");
    let mut io = crate::tui::io::Io {
        store: Some(store),
        speaker: None,
        lang: Lang::En,
        data_dir: std::env::temp_dir().join("mianba-tui-tests"),
    };
    let (mut app, clock) = app_with(Lang::En, Some(draft()));
    // The app's real clock starts a day in (`MONOTONIC_START`); so does this one.
    clock.advance(Duration::from_secs(86_400));
    super::dispatch(&mut app, &mut io, key(KeyCode::Char('y')));
    assert_eq!(sitting_of(&app).interview.answer_seconds(app.now()), 50);
    let store = io.store.as_ref().expect("store");
    let sessions = store.sessions().expect("sessions");
    let moved = Draft::key_for(Some(sessions[0].id), "tui-test/wrong-size", None);
    assert_eq!(
        store.draft_seconds(&moved).expect("read"),
        50,
        "moved with its time"
    );
    assert_eq!(sessions[0].banks, vec!["tui-test".to_string()]);
    clock.advance(Duration::from_secs(10));
    super::dispatch(&mut app, &mut io, ctrl('s'));
    let store = io.store.as_ref().expect("store");
    let detail = store
        .session(sessions[0].id)
        .expect("read")
        .expect("session");
    assert_eq!(detail.answers[0].seconds_used, 60);
    assert_eq!(detail.answers[0].answer_text, draft().text);
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
fn notices_are_cleaned_of_escapes_and_bidi_overrides() {
    let (mut app, _clock) = app_with(Lang::En, None);
    app.notify(
        "bad\u{1b}[2J file\u{202E}.toml\nnext".into(),
        crate::tui::app::Level::Info,
    );
    let text = &app.live_notice().unwrap().text;
    assert_eq!(text, "bad[2J file.toml next");
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

// ---- Interviews -----------------------------------------------------------------------

use crate::session::interview::Phase;
use crate::session::{Plan, QuestionRef, Thinking};
use crate::tui::app::Screen;
use crate::tui::screens::home::Choice;
use crate::tui::screens::sitting::update::start;

pub const ANSWER: &str = "非常抱歉给您添麻烦了。\n我先核实订单，确认后马上为您换货，运费我们承担。";

pub fn plan(ids: &[&str]) -> Plan {
    Plan::fixed(
        ids.iter()
            .map(|q| QuestionRef {
                bank: "tui-test".into(),
                question: (*q).into(),
            })
            .collect(),
    )
}

/// An app in a sitting of `ids`, the store having created session 1.
pub fn sitting(lang: Lang, choice: Choice, p: Plan) -> (App, FakeClock) {
    let (mut app, clock) = app_with(lang, None);
    let effects = start(&mut app, choice, p);
    assert!(matches!(effects.as_slice(), [Effect::CreateSession(_)]));
    update(&mut app, Msg::SessionCreated(crate::store::SessionId(1)));
    (app, clock)
}

/// The one answer `effects` save, as the store receives it.
fn saved(effects: &[Effect]) -> crate::store::NewAnswer<'_> {
    effects
        .iter()
        .find_map(|e| match e {
            Effect::SaveAnswer(a) => Some(a.new_answer()),
            _ => None,
        })
        .expect("an answer is saved")
}

fn phase(app: &App) -> Phase {
    match &app.screen {
        Screen::Sitting(s) => s.interview.phase,
        _ => panic!("not in an interview"),
    }
}

fn sitting_of(app: &App) -> &crate::tui::screens::sitting::Sitting {
    match &app.screen {
        Screen::Sitting(s) => s,
        _ => panic!("not in an interview"),
    }
}

#[test]
fn thinking_screen_with_figure() {
    for lang in [Lang::Zh, Lang::En] {
        let (app, clock) = sitting(lang, Choice::Practice, plan(&["wrong-size"]));
        clock.advance(Duration::from_secs(5));
        assert!(matches!(phase(&app), Phase::Prep { .. }));
        snapshot_all(&app, "interview_prep");
    }
}

#[test]
fn keys_typed_while_the_window_is_too_small_leave_the_answer_alone() {
    let (mut app, _) = sitting(Lang::Zh, Choice::Practice, plan(&["wrong-size"]));
    update(&mut app, Msg::Resize(80, 24));
    update(&mut app, key(KeyCode::Enter));
    type_text(&mut app, "我会道歉");
    update(&mut app, Msg::Resize(30, 10));
    type_text(&mut app, "XYZ");
    update(&mut app, ctrl('s'));
    assert_eq!(sitting_of(&app).editor.text(), "我会道歉");
    assert!(
        matches!(phase(&app), Phase::Answer { .. }),
        "Ctrl-S did not submit"
    );
    // Back at a size the screen fits in, typing goes on where it was.
    update(&mut app, Msg::Resize(80, 24));
    type_text(&mut app, "，再核实");
    assert_eq!(sitting_of(&app).editor.text(), "我会道歉，再核实");
    // Ctrl-C still leaves at any size.
    update(&mut app, Msg::Resize(30, 10));
    update(&mut app, ctrl('c'));
    assert!(app.quit);
}

#[test]
fn chinese_answer_in_the_editor_with_the_cursor_at_the_caret() {
    for lang in [Lang::Zh, Lang::En] {
        let (mut app, clock) = sitting(lang, Choice::Practice, plan(&["wrong-size"]));
        update(&mut app, key(KeyCode::Enter));
        assert!(matches!(phase(&app), Phase::Answer { .. }));
        type_text(&mut app, ANSWER);
        clock.advance(Duration::from_secs(42));
        update(&mut app, Msg::Tick);
        snapshot_all(&app, "interview_answer");
    }
    // The caret: on the editor's second line, after its 24 double-width characters.
    let (mut app, _) = sitting(Lang::Zh, Choice::Practice, plan(&["wrong-size"]));
    update(&mut app, key(KeyCode::Enter));
    type_text(&mut app, ANSWER);
    let mut term = draw(&app, 80, 24);
    term.backend_mut().assert_cursor_position((49, 13));
    let buf = term.backend().buffer();
    assert_eq!(
        buf[(47, 13)].symbol(),
        "。",
        "the caret follows the last character"
    );
    assert_eq!(buf[(1, 13)].symbol(), "我");
}

#[test]
fn tips_on_request_in_practice_only() {
    let (mut app, _) = sitting(Lang::Zh, Choice::Practice, plan(&["wrong-size"]));
    update(&mut app, ctrl('t'));
    let text = screen_text(&mut draw(&app, 120, 40));
    assert!(text.contains("先致歉，再核实"), "{text}");
    insta::assert_snapshot!("interview_tips_zh_120x40", text);

    let (mut app, _) = sitting(Lang::Zh, Choice::Exam, plan(&["wrong-size"]));
    update(&mut app, ctrl('t'));
    assert!(!screen_text(&mut draw(&app, 120, 40)).contains("先致歉，再核实"));
}

#[test]
fn result_screen_marks_the_answer_and_shows_the_reference_on_a_key() {
    for lang in [Lang::Zh, Lang::En] {
        let (mut app, clock) = sitting(lang, Choice::Practice, plan(&["wrong-size"]));
        update(&mut app, key(KeyCode::Enter));
        type_text(&mut app, ANSWER);
        clock.advance(Duration::from_secs(75));
        let effects = update(&mut app, ctrl('s'));
        assert!(matches!(phase(&app), Phase::Review { .. }));
        // Saved the moment it was submitted, and its draft forgotten.
        let saved = saved(&effects);
        assert_eq!(saved.answer_text, ANSWER);
        assert_eq!(saved.seconds_used, 75);
        assert!(effects.iter().any(|e| matches!(e, Effect::ClearDraft(_))));
        snapshot_all(&app, "result");
        // The missed point's example sentence is shown once (under the point), not again as
        // feedback.
        let wide = screen_text(&mut draw(&app, 120, 40));
        assert_eq!(
            wide.matches("换货寄出后我会主动跟进物流").count(),
            1,
            "{wide}"
        );
        // One language at a time: en quotes with "", and "Time" is capitalised like "Total".
        if lang == Lang::En {
            assert!(!wide.contains('「') && wide.contains("Time 1:15"), "{wide}");
        }
        update(&mut app, key(KeyCode::Char('r')));
        snapshot_all(&app, "result_reference");
        // `e`: the graded examples, best first, in place of the reference; `e` again: back.
        update(&mut app, key(KeyCode::Char('e')));
        let text = screen_text(&mut draw(&app, 80, 24));
        let five = text.find("先赔个不是").expect(&text);
        let two = text.find("我会给她换一件").expect(&text);
        assert!(five < two, "{text}");
        assert!(!text.contains("首先向客户真诚致歉"), "{text}");
        snapshot_all(&app, "result_examples");
        update(&mut app, key(KeyCode::Char('e')));
        let text = screen_text(&mut draw(&app, 80, 24));
        assert!(!text.contains("先赔个不是"), "{text}");
    }
}

#[test]
fn follow_up_then_summary() {
    for lang in [Lang::Zh, Lang::En] {
        let (mut app, _) = sitting(lang, Choice::Practice, plan(&["wrong-size"]));
        update(&mut app, key(KeyCode::Enter));
        type_text(&mut app, ANSWER);
        update(
            &mut app,
            Msg::Key(KeyEvent::new(KeyCode::F(2), KeyModifiers::NONE)),
        );
        update(
            &mut app,
            Msg::AnswerSaved {
                slot: 0,
                id: crate::store::AnswerId(10),
            },
        );
        update(&mut app, key(KeyCode::Enter));
        // 跟进 was missed: its follow-up is asked.
        snapshot_all(&app, "followup");
        type_text(&mut app, "我会跟进物流，到货后回访客户是否满意。");
        let effects = update(&mut app, ctrl('s'));
        assert_eq!(saved(&effects).parent, Some(crate::store::AnswerId(10)));
        let effects = update(&mut app, key(KeyCode::Enter));
        assert_eq!(phase(&app), Phase::Finished);
        assert!(
            effects
                .iter()
                .any(|e| matches!(e, Effect::FinishSession { .. }))
        );
        snapshot_all(&app, "summary");
        // At 80x24 every column header is whole ("Conten Struct Delive" before).
        let screen = screen_text(&mut draw(&app, 80, 24));
        let ui = app.ui;
        for header in [
            ui.total,
            ui.dim_content,
            ui.dim_structure,
            ui.dim_delivery,
            ui.col_time,
        ] {
            assert!(
                screen.contains(&format!(" {header} ")),
                "{header}:\n{screen}"
            );
        }
        // The question by its prompt, not its id.
        assert!(!screen.contains("tui-test/"), "{screen}");
        assert!(screen.contains("客户收到衣服后发现尺码不合适"), "{screen}");
        // Enter opens a row's result; Esc goes back to the summary, again to home.
        update(&mut app, key(KeyCode::Char('j')));
        update(&mut app, key(KeyCode::Enter));
        assert_eq!(sitting_of(&app).viewing, Some(1));
        update(&mut app, key(KeyCode::Esc));
        assert_eq!(sitting_of(&app).viewing, None);
        update(&mut app, key(KeyCode::Esc));
        assert!(matches!(app.screen, Screen::Home(_)));
    }
}

#[test]
fn exam_gives_no_result_until_the_end_and_cuts_off_at_time() {
    let (mut app, clock) = sitting(
        Lang::Zh,
        Choice::Exam,
        plan(&["angry-caller", "wrong-size"]),
    );
    type_text(&mut app, "我会保持冷静，耐心倾听");
    clock.advance(Duration::from_secs(89));
    update(&mut app, Msg::Tick);
    let text = screen_text(&mut draw(&app, 80, 24));
    assert!(text.contains("还剩 1 秒"), "{text}");
    clock.advance(Duration::from_secs(1));
    let effects = update(&mut app, Msg::Tick);
    // Time up: the text as it stood was submitted and saved, and the next question is up.
    let saved = saved(&effects);
    assert_eq!(saved.answer_text, "我会保持冷静，耐心倾听");
    assert_eq!(saved.seconds_used, 90);
    assert!(matches!(phase(&app), Phase::Prep { .. }));
    assert_eq!(sitting_of(&app).editor.text(), "");
    insta::assert_snapshot!("exam_next_zh_80x24", screen_text(&mut draw(&app, 80, 24)));
}

#[test]
fn civil_service_block_shows_every_question() {
    for lang in [Lang::Zh, Lang::En] {
        let mut p = plan(&["wrong-size", "angry-caller"]);
        p.thinking = Thinking::Block { seconds: 240 };
        p.answer_seconds = Some(150);
        p.preset = Some("civil-service".into());
        let (app, _) = sitting(lang, Choice::Civil, p);
        snapshot_all(&app, "civil_block");
    }
}

#[test]
fn spoken_answer_then_checklist() {
    for lang in [Lang::Zh, Lang::En] {
        let (mut app, clock) = sitting(lang, Choice::Spoken, plan(&["wrong-size"]));
        update(&mut app, key(KeyCode::Enter));
        clock.advance(Duration::from_secs(31));
        update(&mut app, Msg::Tick);
        snapshot_all(&app, "spoken_answer");
        update(&mut app, key(KeyCode::Enter));
        assert!(matches!(phase(&app), Phase::Checklist { seconds: 31 }));
        // Tick 致歉 and the first section.
        update(&mut app, key(KeyCode::Char(' ')));
        update(&mut app, key(KeyCode::Char('G')));
        update(&mut app, key(KeyCode::Up));
        update(&mut app, key(KeyCode::Up));
        update(&mut app, key(KeyCode::Up));
        update(&mut app, key(KeyCode::Char('x')));
        assert_eq!(
            sitting_of(&app).checklist_ticks,
            [true, false, false, false, true, false, false, false]
        );
        snapshot_all(&app, "checklist");
        let effects = update(&mut app, key(KeyCode::Enter));
        let saved = saved(&effects);
        assert_eq!(saved.answer_text, "");
        assert_eq!(saved.mode, crate::session::Mode::Spoken);
        assert!(matches!(phase(&app), Phase::Review { .. }));
        snapshot_all(&app, "spoken_result");
    }
}

#[test]
fn drafts_are_saved_every_few_seconds_and_on_exit() {
    let (mut app, clock) = sitting(Lang::Zh, Choice::Practice, plan(&["angry-caller"]));
    type_text(&mut app, "我会先");
    clock.advance(Duration::from_secs(1));
    assert!(update(&mut app, Msg::Tick).is_empty(), "not yet");
    clock.advance(Duration::from_secs(1));
    let effects = update(&mut app, Msg::Tick);
    let [Effect::SaveDraft { draft: d, seconds }] = effects.as_slice() else {
        panic!("expected one draft save, got {effects:?}");
    };
    assert_eq!(d.text, "我会先");
    assert_eq!(*seconds, 2, "saved with the time spent answering");
    assert_eq!(d.key, "1:tui-test/angry-caller");
    assert_eq!(d.session_id, Some(crate::store::SessionId(1)));
    // Unchanged text is not saved again.
    clock.advance(Duration::from_secs(5));
    assert!(update(&mut app, Msg::Tick).is_empty());
    // Quitting (Ctrl-C, a signal, a panic) saves what is there.
    type_text(&mut app, "保持冷静");
    update(&mut app, ctrl('c'));
    assert!(app.quit);
    assert!(matches!(
        crate::tui::update::final_effects(&app).as_slice(),
        [Effect::SaveDraft { draft: d, .. }, Effect::DropIfEmpty(_)] if d.text == "我会先保持冷静"
    ));
}

#[test]
fn restoring_a_draft_continues_the_answer_and_moves_it_to_the_new_session() {
    let (mut app, _) = app_with(Lang::Zh, Some(draft()));
    update(&mut app, key(KeyCode::Char('y')));
    let effects = update(&mut app, restore_ready(None, None));
    assert!(matches!(
        effects.as_slice(),
        [Effect::LoadDraftSeconds(k), Effect::CreateSession(_)] if *k == draft().key
    ));
    assert_eq!(sitting_of(&app).editor.text(), draft().text);
    assert!(matches!(phase(&app), Phase::Answer { .. }));
    let effects = update(&mut app, Msg::SessionCreated(crate::store::SessionId(8)));
    assert!(matches!(
        effects.as_slice(),
        [Effect::SaveDraft { draft: d, .. }, Effect::ClearDraft(old)]
            if d.key == "8:tui-test/wrong-size" && d.text == draft().text && *old == draft().key
    ));
}

#[test]
fn leaving_asks_first_and_keeps_the_draft() {
    for lang in [Lang::Zh, Lang::En] {
        let (mut app, _) = sitting(lang, Choice::Practice, plan(&["angry-caller"]));
        type_text(&mut app, "先冷静");
        update(&mut app, key(KeyCode::Esc));
        snapshot_all(&app, "confirm_leave");
        // Esc: stay.
        update(&mut app, key(KeyCode::Esc));
        assert!(app.overlay.is_none());
        assert!(matches!(phase(&app), Phase::Answer { .. }));
        update(&mut app, key(KeyCode::Esc));
        let effects = update(&mut app, key(KeyCode::Enter));
        assert!(matches!(app.screen, Screen::Home(_)));
        assert!(
            effects
                .iter()
                .any(|e| matches!(e, Effect::SaveDraft { draft: d, .. } if d.text == "先冷静"))
        );
        assert!(
            effects
                .iter()
                .any(|e| matches!(e, Effect::FinishSession { .. }))
        );
    }
}

#[test]
fn a_huge_paste_is_capped_with_a_notice() {
    let (mut app, _) = sitting(Lang::En, Choice::Practice, plan(&["angry-caller"]));
    update(&mut app, Msg::Paste("客服".repeat(500_000)));
    let s = sitting_of(&app);
    assert_eq!(
        s.editor.text().chars().count(),
        crate::tui::widgets::editor::MAX_ANSWER_CHARS
    );
    let text = screen_text(&mut draw(&app, 120, 40));
    assert!(
        text.contains("Paste too long: kept 20000 characters"),
        "{text}"
    );
}

#[test]
fn every_screen_survives_every_small_size() {
    // No layout may index outside the buffer, however small the window.
    let (mut app, _) = sitting(Lang::Zh, Choice::Practice, plan(&["wrong-size"]));
    let check = |app: &App| {
        for w in [1, 2, 10, 39, 40, 41, 60] {
            for h in [1, 3, 11, 12, 13, 20] {
                draw(app, w, h);
            }
        }
    };
    check(&app);
    update(&mut app, key(KeyCode::Enter));
    type_text(&mut app, ANSWER);
    check(&app);
    update(&mut app, ctrl('s'));
    check(&app);
    update(&mut app, key(KeyCode::Enter));
    check(&app);
}

#[test]
fn with_speak_on_each_new_question_is_read_aloud_once() {
    let (mut app, clock) = app_with(Lang::Zh, None);
    app.speak = true;
    let effects = start(
        &mut app,
        Choice::Practice,
        plan(&["angry-caller", "wrong-size"]),
    );
    assert!(effects.contains(&Effect::Speak {
        text: "电话里客户一直骂人，你会怎么办？".into(),
        lang: crate::bank::Language::Zh,
    }));
    type_text(&mut app, "我会保持冷静。");
    update(&mut app, ctrl('s'));
    // A retry does not read the question again; the next question is read.
    let retry = update(&mut app, key(KeyCode::Char('t')));
    assert!(!retry.iter().any(|e| matches!(e, Effect::Speak { .. })));
    update(&mut app, ctrl('s'));
    clock.advance(Duration::from_secs(1));
    let next = update(&mut app, key(KeyCode::Enter));
    assert!(
        next.iter()
            .any(|e| matches!(e, Effect::Speak { text, .. } if text.starts_with("客户收到衣服后")))
    );
    // When espeak-ng cannot run: one notice, then silence.
    update(
        &mut app,
        Msg::SpeechFailed(crate::speech::SpeechUnavailable::NotFound),
    );
    assert!(!app.speak);
    assert!(screen_text(&mut draw(&app, 120, 40)).contains("espeak-ng"));
}

/// The read-aloud notice is shown whole, wrapped by display width, above the key hints,
/// which stay.
#[test]
fn a_long_notice_is_shown_whole_and_the_key_hints_stay() {
    for lang in [Lang::Zh, Lang::En] {
        let (mut app, _clock) = sitting(lang, Choice::Practice, plan(&["wrong-size"]));
        let rows = |app: &App| -> Vec<String> {
            let text = screen_text(&mut draw(app, 100, 30));
            text.lines()
                .filter(|l| !l.starts_with("[cursor"))
                .map(str::to_string)
                .collect()
        };
        let before = rows(&app);
        let hints = before.last().unwrap().clone();
        assert!(!hints.trim().is_empty());
        let why = crate::speech::SpeechUnavailable::OverrideMissing("/opt/没有这个/espeak".into());
        let message = why.message(lang);
        update(&mut app, Msg::SpeechFailed(why));
        let after = rows(&app);
        assert_eq!(
            after.last(),
            Some(&hints),
            "{lang:?}: the key hints are gone"
        );
        let shown: String = after
            .concat()
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect();
        let whole: String = message.chars().filter(|c| !c.is_whitespace()).collect();
        assert!(
            shown.contains(&whole),
            "{lang:?}: {message}\n{}",
            after.join("\n")
        );
    }
}

#[test]
fn a_speaker_that_cannot_start_reports_once_and_is_dropped() {
    let mut io = crate::tui::io::Io {
        store: None,
        speaker: Some(crate::speech::Speaker::at("/nonexistent/espeak-ng")),
        lang: Lang::En,
        data_dir: std::env::temp_dir().join("mianba-tui-tests"),
    };
    let speak = || Effect::Speak {
        text: "你好".into(),
        lang: crate::bank::Language::Zh,
    };
    let replies = io.run(vec![speak()], &test_banks());
    assert!(matches!(replies.as_slice(), [Msg::SpeechFailed(_)]));
    assert!(io.speaker.is_none());
    assert!(io.run(vec![speak()], &test_banks()).is_empty());
}

#[test]
fn prompt_and_result_panes_scroll_and_stop_at_the_top() {
    let (mut app, _) = sitting(Lang::Zh, Choice::Practice, plan(&["wrong-size"]));
    // The footer says how the figure scrolls.
    assert!(screen_text(&mut draw(&app, 80, 24)).contains("PgUp/PgDn 翻材料"));
    update(&mut app, key(KeyCode::PageDown));
    assert_eq!(sitting_of(&app).prompt_scroll, 5);
    let text = screen_text(&mut draw(&app, 80, 24));
    // All of the question fits: scrolling never hides the prompt.
    assert!(text.contains("客户收到衣服后"), "{text}");
    update(&mut app, key(KeyCode::PageUp));
    update(&mut app, key(KeyCode::PageUp));
    assert_eq!(sitting_of(&app).prompt_scroll, 0);

    update(&mut app, key(KeyCode::Enter));
    type_text(&mut app, ANSWER);
    update(&mut app, ctrl('s'));
    for _ in 0..3 {
        update(&mut app, key(KeyCode::Char('j')));
    }
    update(&mut app, key(KeyCode::Char('k')));
    update(&mut app, key(KeyCode::PageDown));
    let r = sitting_of(&app).result;
    assert_eq!((r.scroll, r.answer_scroll), (2, 5));
    update(&mut app, key(KeyCode::Char('g')));
    assert_eq!(sitting_of(&app).result.scroll, 0);
}

#[test]
fn home_lists_sets() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/tui/testdata/sets");
    for lang in [Lang::Zh, Lang::En] {
        let (mut app, _clock) = app_with(lang, None);
        app.set_sets(crate::tutor::set_files::list_sets(
            std::slice::from_ref(&dir),
            None,
            &test_banks(),
        ));
        for (w, h) in [(80, 24), (120, 40)] {
            let mut term = draw(&app, w, h);
            let text = screen_text(&mut term);
            insta::assert_snapshot!(format!("home_sets_{}_{w}x{h}", lang.code()), text);
        }
    }
}

#[test]
fn a_skipped_bank_is_reported_in_the_ui_language() {
    // A candidate's own bank with a typo: the app skips it and says why on the home screen.
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/src/tui/testdata/tui-test.toml"
    ))
    .expect("test bank");
    let broken = text.replacen("[[questions]]\n", "[[questions]]\nwieght = 1\n", 1);
    let source = crate::bank::Source::File("mine.toml".into());
    let figures = crate::bank::figure::FolderFigures::new(".");
    let problems = crate::bank::load::parse_bank(&broken, "mine.toml", source, &figures)
        .expect_err("the typo is a problem");
    for (lang, want) in [
        (Lang::Zh, "未知字段 `wieght`；"),
        (Lang::En, "unknown field `wieght`;"),
    ] {
        let (mut app, _clock) = app_with(lang, None);
        app.banks.problems = problems.clone();
        let text = screen_text(&mut draw(&app, 120, 40));
        let line = text.lines().find(|l| l.contains("mine.toml:"));
        assert!(
            line.is_some_and(|l| l.contains(want)),
            "{}: {want} not in\n{text}",
            lang.code()
        );
    }
}

#[test]
fn footer_keeps_whole_hints_at_60_columns() {
    for lang in [Lang::Zh, Lang::En] {
        let (mut app, _clock) = sitting(lang, Choice::Practice, plan(&["wrong-size"]));
        update(&mut app, key(KeyCode::Enter));
        type_text(&mut app, ANSWER);
        let mut term = draw(&app, 60, 20);
        let text = screen_text(&mut term);
        // The footer's rows (it takes two when one is too narrow), read as one list of hints.
        let rows: Vec<&str> = text.lines().skip(18).take(2).collect();
        let footer = rows.join("  ");
        // Every hint shown is whole: the footer is a prefix of the hints, cut at a gap.
        let keys = format!(
            "{}  {}  {}",
            app.ui.interview_keys, app.ui.figure_keys, app.ui.tips_key
        );
        assert!(keys.starts_with(&footer), "{footer}");
        assert!(keys[footer.len()..].is_empty() || keys[footer.len()..].starts_with("  "));
        insta::assert_snapshot!(format!("footer_{}_60x20", lang.code()), text);
    }
}

/// Issue 13: at 80×24 the en interview footer dropped the tips and figure hints (88 cells of
/// hints in 80); every hint is now shown, on a second row when needed, in both languages.
#[test]
fn the_interview_footer_keeps_every_hint_at_80_columns() {
    for lang in [Lang::Zh, Lang::En] {
        let (mut app, _clock) = sitting(lang, Choice::Practice, plan(&["wrong-size"]));
        update(&mut app, key(KeyCode::Enter));
        type_text(&mut app, ANSWER);
        let text = screen_text(&mut draw(&app, 80, 24));
        let ui = app.ui;
        let hints = format!("{}  {}  {}", ui.interview_keys, ui.figure_keys, ui.tips_key);
        let bottom: Vec<&str> = text.lines().filter(|l| !l.starts_with('[')).collect();
        let footer = bottom[bottom.len() - 2..].join("  ");
        for hint in hints.split("  ") {
            assert!(footer.contains(hint), "{hint} missing:\n{text}");
        }
        insta::assert_snapshot!(format!("footer_{}_80x24", lang.code()), text);
    }
}
