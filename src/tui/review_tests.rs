//! Screen tests of self-review: history, session detail (result, re-score, insights),
//! progress and the drill, each drawn from a real in-memory store filled through the store's
//! own API with answers scored by the real scorer, and driven by keys through `update` and
//! the effects runner, as the event loop does.

use crossterm::event::KeyCode;

use crate::bank::BankSet;
use crate::i18n::Lang;
use crate::scoring::Rubric;
use crate::session::Mode;
use crate::store::{AnswerId, NewAnswer, NewSession, SessionId, Store};
use crate::tui::app::{App, Screen};
use crate::tui::io::Io;
use crate::tui::msg::Msg;
use crate::tui::screens::detail::Panel;
use crate::tui::tests::{app_with, draw, key, screen_text, snapshot_all};

/// The fake clock's time in `tests::app_with`.
const NOW: i64 = 1_700_000_000;
const DAY: i64 = 86_400;

const GOOD: &str =
    "非常抱歉给您添麻烦了。首先我会核实订单，然后马上为您换货，运费我们承担，之后跟进物流。";
const WEAK: &str = "嗯，那个，你自己没看清楚吧，我们可以换一件。";

/// Saves one answer to `question` (and, with `followup`, an answer to its first follow-up
/// under it), scored by the real rubric.
fn answer(
    store: &Store,
    banks: &BankSet,
    session: SessionId,
    question: &str,
    (text, followup): (&str, Option<&str>),
    at: i64,
) -> AnswerId {
    let full = format!("tui-test/{question}");
    let (bank, q) = banks.find_question(&full).expect("question");
    let card = Rubric::compile(bank, q).score(text, Some(60));
    let main = NewAnswer {
        session_id: session,
        parent: None,
        question_id: &full,
        followup: None,
        bank_id: "tui-test",
        category: &q.category,
        prompt: &q.prompt,
        answer_text: text,
        seconds_used: 60,
        attempt: 1,
        scorecard: &card,
        mode: Mode::Practice,
        created_at: at,
    };
    let id = store.save_answer(&main).expect("saved");
    if let (Some(f_text), Some(f)) = (followup, q.followups.first()) {
        let f_card = Rubric::for_followup(bank, q, f).score(f_text, Some(30));
        let follow = NewAnswer {
            parent: Some(id),
            followup: Some(0),
            prompt: &f.prompt,
            answer_text: f_text,
            seconds_used: 30,
            scorecard: &f_card,
            ..main
        };
        store.save_answer(&follow).expect("follow-up saved");
    }
    id
}

fn session(store: &Store, at: i64, mode: Mode) -> SessionId {
    store
        .create_session(&NewSession {
            started_at: at,
            mode,
            preset: None,
            seed: 1,
            banks: vec!["tui-test".into()],
            lang: "zh".into(),
        })
        .expect("session")
}

/// A store with three sessions over three days: a weak answer with a follow-up, then
/// better ones.
pub(super) fn filled_store(banks: &BankSet) -> Store {
    let store = Store::open_in_memory().expect("store");
    let s1 = session(&store, NOW - 3 * DAY, Mode::Practice);
    answer(
        &store,
        banks,
        s1,
        "wrong-size",
        (WEAK, Some("我会跟进物流。")),
        NOW - 3 * DAY,
    );
    let s2 = session(&store, NOW - 2 * DAY, Mode::Exam);
    answer(
        &store,
        banks,
        s2,
        "angry-caller",
        ("我会先安抚客户情绪，耐心倾听。", None),
        NOW - 2 * DAY,
    );
    let s3 = session(&store, NOW - DAY, Mode::Practice);
    answer(&store, banks, s3, "wrong-size", (GOOD, None), NOW - DAY);
    store
}

pub(super) fn io_with(store: Store) -> Io {
    Io {
        store: Some(store),
        speaker: None,
        lang: crate::i18n::Lang::En,
        data_dir: std::env::temp_dir().join("mianba-tui-tests"),
    }
}

fn send(app: &mut App, io: &mut Io, msg: Msg) {
    super::dispatch(app, io, msg);
}

pub(super) fn keys(app: &mut App, io: &mut Io, codes: &[KeyCode]) {
    for c in codes {
        send(app, io, key(*c));
    }
}

fn text_at(app: &App, w: u16, h: u16) -> String {
    screen_text(&mut draw(app, w, h))
}

#[test]
fn history_lists_sessions_newest_first_and_filters() {
    for lang in [Lang::Zh, Lang::En] {
        let (mut app, _) = app_with(lang, None);
        let mut io = io_with(filled_store(&app.banks));
        keys(&mut app, &mut io, &[KeyCode::Char('v')]);
        let Screen::History(h) = &app.screen else {
            panic!("not on history")
        };
        assert_eq!(h.count, 3);
        let starts: Vec<i64> = h.rows.iter().map(|s| s.started_at).collect();
        assert_eq!(starts, vec![NOW - DAY, NOW - 2 * DAY, NOW - 3 * DAY]);
        snapshot_all(&app, "history");
        // Banks by their titles.
        let text = text_at(&app, 80, 24);
        assert!(
            text.contains("界面测试题库") && !text.contains("tui-test"),
            "{text}"
        );
        // m: practice only.
        keys(&mut app, &mut io, &[KeyCode::Char('m')]);
        let Screen::History(h) = &app.screen else {
            panic!("not on history")
        };
        assert_eq!(h.count, 2);
        assert!(h.rows.iter().all(|s| s.mode == Mode::Practice));
        // c: the first category (complaint), then m twice more: exam sessions with a
        // complaint answer — none.
        keys(&mut app, &mut io, &[KeyCode::Char('c'), KeyCode::Char('m')]);
        let text = text_at(&app, 80, 24);
        let none = if lang == Lang::Zh {
            "没有符合筛选条件"
        } else {
            "No sessions match"
        };
        assert!(text.contains(none), "{text}");
        keys(&mut app, &mut io, &[KeyCode::Esc]);
        assert!(matches!(app.screen, Screen::Home(_)));
    }
}

#[test]
fn empty_history_says_so() {
    let (mut app, _) = app_with(Lang::En, None);
    let mut io = io_with(Store::open_in_memory().expect("store"));
    keys(&mut app, &mut io, &[KeyCode::Char('v')]);
    assert!(text_at(&app, 80, 24).contains("No sessions yet"));
}

/// The app on the detail of the oldest session (weak answer with a follow-up).
fn on_detail(lang: Lang) -> (App, Io) {
    let (mut app, _) = app_with(lang, None);
    let mut io = io_with(filled_store(&app.banks));
    keys(
        &mut app,
        &mut io,
        &[KeyCode::Char('v'), KeyCode::Char('G'), KeyCode::Enter],
    );
    assert!(matches!(app.screen, Screen::Detail(_)));
    (app, io)
}

#[test]
fn detail_shows_each_answer_then_its_follow_up() {
    for lang in [Lang::Zh, Lang::En] {
        let (mut app, mut io) = on_detail(lang);
        snapshot_all(&app, "detail");
        let text = text_at(&app, 120, 40);
        // The weak answer's marks: the required apology is missed and said how to add.
        assert!(text.contains("✗ 致歉"), "{text}");
        assert!(text.contains("你自己没看清楚"), "{text}");
        keys(&mut app, &mut io, &[KeyCode::Char('n')]);
        snapshot_all(&app, "detail_followup");
        let followup = if lang == Lang::Zh {
            "追问"
        } else {
            "Follow-up"
        };
        assert!(text_at(&app, 120, 40).contains(followup));
        // The reference is for main answers: back to it, r shows it.
        keys(&mut app, &mut io, &[KeyCode::Char('p'), KeyCode::Char('r')]);
        assert!(text_at(&app, 120, 40).contains("首先向客户真诚致歉"));
        // Esc goes back to the history as it was left (cursor on the oldest).
        keys(&mut app, &mut io, &[KeyCode::Esc]);
        let Screen::History(h) = &app.screen else {
            panic!("not back on history")
        };
        assert_eq!(h.cursor, 2);
    }
}

#[test]
fn rescore_shows_the_saved_and_todays_card() {
    for lang in [Lang::Zh, Lang::En] {
        let (mut app, mut io) = on_detail(lang);
        keys(&mut app, &mut io, &[KeyCode::Char('s')]);
        let Screen::Detail(d) = &app.screen else {
            panic!("not on detail")
        };
        let Panel::Rescore(r) = &d.panel else {
            panic!("no re-score")
        };
        // Same bank, same text: today's rubric gives the same total.
        assert_eq!(r.new_card().map(|c| c.total), Some(r.old().total));
        snapshot_all(&app, "detail_rescore");
        let (old, new) = match lang {
            Lang::Zh => ("保存时的评分", "按今天的评分标准"),
            Lang::En => ("As saved", "With today's rubric"),
        };
        // Side by side when wide: both titles on one row.
        let wide = text_at(&app, 120, 40);
        assert!(
            wide.lines().any(|l| l.contains(old) && l.contains(new)),
            "{wide}"
        );
        // Stacked when narrow: never on the same row.
        let narrow = text_at(&app, 80, 24);
        assert!(narrow.contains(old) && narrow.contains(new), "{narrow}");
        assert!(!narrow.lines().any(|l| l.contains(old) && l.contains(new)));
        keys(&mut app, &mut io, &[KeyCode::Char('s')]);
        let Screen::Detail(d) = &app.screen else {
            panic!("not on detail")
        };
        assert_eq!(d.panel, Panel::Result);
    }
}

#[test]
fn rescore_of_a_question_gone_from_the_banks_says_so() {
    let (mut app, _) = app_with(Lang::En, None);
    let store = filled_store(&app.banks);
    app.banks = BankSet {
        banks: Vec::new(),
        problems: Vec::new(),
    };
    let mut io = io_with(store);
    keys(
        &mut app,
        &mut io,
        &[KeyCode::Char('v'), KeyCode::Enter, KeyCode::Char('s')],
    );
    let text = text_at(&app, 80, 24);
    assert!(text.contains("no longer in any bank"), "{text}");
}

#[test]
fn insights_list_points_words_and_fillers() {
    for lang in [Lang::Zh, Lang::En] {
        let (mut app, mut io) = on_detail(lang);
        keys(&mut app, &mut io, &[KeyCode::Char('i')]);
        let Screen::Detail(d) = &app.screen else {
            panic!("not on detail")
        };
        let Panel::Insights(i) = &d.panel else {
            panic!("no insights")
        };
        assert!(i.missed.iter().any(|p| p.name == "致歉" && p.required));
        assert!(i.fillers.iter().any(|w| w.word == "那个"));
        snapshot_all(&app, "detail_insights");
        assert!(text_at(&app, 120, 40).contains("那个×1"));
    }
}

#[test]
fn progress_with_many_one_and_no_sessions() {
    for lang in [Lang::Zh, Lang::En] {
        let (mut app, _) = app_with(lang, None);
        let mut io = io_with(filled_store(&app.banks));
        keys(&mut app, &mut io, &[KeyCode::Char('p')]);
        let Screen::Progress(p) = &app.screen else {
            panic!("not on progress")
        };
        assert_eq!(p.progress.as_ref().map(|p| p.sessions.len()), Some(3));
        snapshot_all(&app, "progress");
        let text = text_at(&app, 120, 40);
        let miss = match lang {
            Lang::Zh => "漏掉过「换货方案」",
            Lang::En => "You left out \"换货方案\"",
        };
        assert!(text.contains(miss), "{text}");
        // At 80x24 in colour the four lines keep their legend, and the time sentence its end.
        app.theme = crate::tui::theme::Theme::new(true);
        let small = text_at(&app, 80, 24);
        let ui = app.ui;
        for name in [ui.total, ui.dim_content, ui.dim_structure, ui.dim_delivery] {
            assert!(small.contains(&format!("⣿ {name}")), "{name}:\n{small}");
        }
        let tail = match lang {
            Lang::Zh => "题超时",
            Lang::En => "over it",
        };
        assert!(small.contains(tail), "{small}");
        app.theme = crate::tui::theme::Theme::new(false);
        // m → exam: one session.
        keys(&mut app, &mut io, &[KeyCode::Char('m'), KeyCode::Char('m')]);
        let Screen::Progress(p) = &app.screen else {
            panic!("not on progress")
        };
        assert_eq!(p.progress.as_ref().map(|p| p.sessions.len()), Some(1));
        snapshot_all(&app, "progress_one");
        // None at all.
        let (mut app, _) = app_with(lang, None);
        let mut io = io_with(Store::open_in_memory().expect("store"));
        keys(&mut app, &mut io, &[KeyCode::Char('p')]);
        snapshot_all(&app, "progress_empty");
    }
}

#[test]
fn home_shows_the_due_count_and_d_drills_the_due_questions() {
    for lang in [Lang::Zh, Lang::En] {
        let (mut app, _) = app_with(lang, None);
        // Answered once, long ago: its card is due now.
        let store = Store::open_in_memory().expect("store");
        let s = session(&store, NOW - 400 * DAY, Mode::Practice);
        answer(
            &store,
            &app.banks,
            s,
            "wrong-size",
            (WEAK, None),
            NOW - 400 * DAY,
        );
        let mut io = io_with(store);
        for m in io.run(crate::tui::update::home_effects(&app), &app.banks) {
            send(&mut app, &mut io, m);
        }
        let Screen::Home(h) = &app.screen else {
            panic!("not home")
        };
        assert_eq!(h.due, Some(1));
        snapshot_all(&app, "drill_home");
        keys(&mut app, &mut io, &[KeyCode::Char('d')]);
        let Screen::Sitting(s) = &app.screen else {
            panic!("the drill did not start")
        };
        let asked: Vec<&str> = s
            .interview
            .questions()
            .map(|q| q.question_id.as_str())
            .collect();
        assert_eq!(asked, vec!["tui-test/wrong-size"]);
        // Named as what was chosen, not as the practice it runs as.
        let (drill, practice) = (app.ui.mode_drill, app.ui.mode_practice);
        let shown = text_at(&app, 80, 24);
        assert!(shown.contains(&format!("{drill}  ")), "{shown}");
        assert!(!shown.contains(&format!("{practice}  ")), "{shown}");
        snapshot_all(&app, "drill");
    }
}

#[test]
fn nothing_due_is_said_and_weakest_drills_the_lowest_first() {
    let (mut app, _) = app_with(Lang::En, None);
    // A good answer yesterday: its card is days away.
    let store = Store::open_in_memory().expect("store");
    let s = session(&store, NOW - DAY, Mode::Practice);
    answer(&store, &app.banks, s, "wrong-size", (GOOD, None), NOW - DAY);
    let mut io = io_with(store);
    keys(&mut app, &mut io, &[KeyCode::Char('d')]);
    assert!(matches!(app.screen, Screen::Home(_)));
    assert!(text_at(&app, 80, 24).contains("Nothing is due"));
    let mut io = io_with(filled_store(&app.banks));
    // Weakest: angry-caller (21) before wrong-size (100 latest).
    keys(&mut app, &mut io, &[KeyCode::Char('w')]);
    let Screen::Sitting(s) = &app.screen else {
        panic!("the weakest drill did not start")
    };
    let asked: Vec<&str> = s
        .interview
        .questions()
        .map(|q| q.question_id.as_str())
        .collect();
    assert_eq!(asked, vec!["tui-test/angry-caller", "tui-test/wrong-size"]);
    assert_eq!(
        s.interview.plan.preset.as_deref(),
        Some(crate::review::drill::WEAKEST_PRESET)
    );
    let screen = text_at(&app, 80, 24);
    assert!(screen.contains("Retry my weakest  Question 1 of 2"));
    // "Nothing is due" was said on the home screen; on the first question it is gone and the
    // key hints are back.
    assert!(!screen.contains("Nothing is due"), "{screen}");
    assert!(screen.contains("F1 help"), "{screen}");
}

#[test]
fn a_follow_up_over_its_limit_counts_as_over_time_and_one_miss_is_not_often() {
    let (mut app, _) = app_with(Lang::Zh, None);
    let store = Store::open_in_memory().expect("store");
    let s = session(&store, NOW - DAY, Mode::Practice);
    let main = answer(&store, &app.banks, s, "wrong-size", (WEAK, None), NOW - DAY);
    // The follow-up's limit is 60 s; it ran 73 s.
    let (bank, q) = app.banks.find_question("tui-test/wrong-size").unwrap();
    let f = &q.followups[0];
    let card = Rubric::for_followup(bank, q, f).score("我会跟进物流。", Some(73));
    store
        .save_answer(&NewAnswer {
            session_id: s,
            parent: Some(main),
            question_id: "tui-test/wrong-size",
            followup: Some(0),
            bank_id: "tui-test",
            category: &q.category,
            prompt: &f.prompt,
            answer_text: "我会跟进物流。",
            seconds_used: 73,
            attempt: 1,
            scorecard: &card,
            mode: Mode::Practice,
            created_at: NOW - DAY,
        })
        .expect("follow-up saved");
    let p = crate::review::progress::load(&store, &Default::default(), &app.banks).unwrap();
    assert_eq!(p.sessions[0].over_limit, 1);
    let mut io = io_with(store);
    keys(&mut app, &mut io, &[KeyCode::Char('p')]);
    let text = text_at(&app, 120, 40);
    assert!(text.contains("1 题超时"), "{text}");
    // Missed once in one answer: said as it happened, not as a habit.
    assert!(text.contains("漏掉过「"), "{text}");
    assert!(!text.contains("常常漏掉"), "{text}");
}

#[test]
fn the_home_screen_remembers_its_last_choices() {
    let (mut app, _) = app_with(Lang::En, None);
    let mut io = io_with(Store::open_in_memory().expect("store"));
    // Exam, the bank and the first category ticked, 4 questions; then start.
    let tick = KeyCode::Char(' ');
    keys(
        &mut app,
        &mut io,
        &[KeyCode::Char('j'), KeyCode::Tab, tick, KeyCode::Tab, tick],
    );
    keys(&mut app, &mut io, &[KeyCode::Tab, KeyCode::Char('+')]);
    let Screen::Home(chosen) = &app.screen else {
        panic!("not home")
    };
    let chosen = chosen.clone();
    assert_eq!(chosen.count, 4);
    keys(&mut app, &mut io, &[KeyCode::Enter]);
    assert!(matches!(app.screen, Screen::Sitting(_)));
    // The next run of the app, on the same store.
    let (mut app, _) = app_with(Lang::En, None);
    for m in io.run(crate::tui::update::home_effects(&app), &app.banks) {
        send(&mut app, &mut io, m);
    }
    let Screen::Home(h) = &app.screen else {
        panic!("not home")
    };
    assert_eq!(h.choice, chosen.choice);
    assert_eq!(h.choice, crate::tui::screens::home::Choice::Exam);
    assert_eq!(h.chosen_banks(), ["tui-test"]);
    assert_eq!(h.chosen_categories(), chosen.chosen_categories());
    assert!(!h.chosen_categories().is_empty());
    assert_eq!(h.count, 4);
}

/// The filled store with 李老师's grade (80) of the oldest session's main answer.
fn graded_store(banks: &BankSet) -> Store {
    use crate::tutor::grading::{Dimension, Grade};
    let store = filled_store(banks);
    let oldest = store.history(&Default::default()).expect("history")[2].id;
    let scores = Dimension::ALL
        .into_iter()
        .zip([20, 16, 12, 12, 12, 8])
        .collect();
    let grade = Grade::new(
        "李老师",
        "tui-test/wrong-size",
        scores,
        "先道歉再解决",
        NOW - DAY / 2,
    );
    store.save_grades(oldest, &[grade]).expect("grades saved");
    store
}

#[test]
fn a_tutors_grade_is_marked_in_history_and_shown_in_the_detail() {
    for lang in [Lang::Zh, Lang::En] {
        let (mut app, _) = app_with(lang, None);
        let mut io = io_with(graded_store(&app.banks));
        keys(&mut app, &mut io, &[KeyCode::Char('v')]);
        let text = text_at(&app, 80, 24);
        let rows: Vec<&str> = text.lines().filter(|l| l.contains("2023-11-1")).collect();
        // Only the oldest session (last row) was graded; the legend says what ✎ means.
        assert_eq!(rows.len(), 3, "{text}");
        assert!(!rows[0].contains('✎') && rows[2].contains('✎'), "{text}");
        assert!(text.contains(app.ui.graded_legend), "{text}");
        insta::assert_snapshot!(format!("history_graded_{}_80x24", lang.code()), text);
        keys(&mut app, &mut io, &[KeyCode::Char('G'), KeyCode::Enter]);
        for (w, h) in [(80, 24), (100, 30)] {
            let text = text_at(&app, w, h);
            assert!(text.contains("李老师") && text.contains("80/100"), "{text}");
            assert!(text.contains("先道歉再解决"), "{text}");
            insta::assert_snapshot!(format!("detail_graded_{}_{w}x{h}", lang.code()), text);
        }
        // The follow-up was not graded.
        keys(&mut app, &mut io, &[KeyCode::Char('n')]);
        assert!(!text_at(&app, 100, 30).contains("李老师"));
    }
}

#[test]
fn a_long_bank_title_in_history_is_cut_with_an_ellipsis_and_all_banks_say_so() {
    let (mut app, _) = app_with(Lang::En, None);
    let mut io = io_with(filled_store(&app.banks));
    keys(&mut app, &mut io, &[KeyCode::Char('v')]);
    let Screen::History(h) = &mut app.screen else {
        panic!("not on history")
    };
    h.rows[0].fields.banks = vec!["customer-service-interview-basics-in-english".into()];
    h.rows[1].fields.banks = Vec::new();
    let text = text_at(&app, 80, 24);
    let row = |needle: &str| {
        text.lines()
            .find(|l| l.contains(needle))
            .unwrap_or_default()
            .to_string()
    };
    // "customer-service-interview-basic" before: cut with nothing to show it goes on.
    assert!(row("customer-service").contains('…'), "{text}");
    // The exam session (the second row) was over every bank: its column says so.
    let exam = app.ui.mode_name(Mode::Exam);
    assert!(row(exam).contains(app.ui.filter_all), "{text}");
}
