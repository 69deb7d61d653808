//! The grading app without a terminal: its update logic on a real exported bundle
//! (`testdata/bundle.json`, three answers, the first with a follow-up), the file it writes,
//! and insta snapshots of its screen in zh and en at three sizes.

use std::rc::Rc;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use super::msg::Msg;
use super::state::{Focus, Grading, Paper};
use super::update::{Effect, update};
use super::view::view;
use crate::i18n::Lang;
use crate::session::FakeClock;
use crate::tui::tests::{SIZES, screen_text};
use crate::tui::theme::Theme;
use crate::tutor::bundle::{Flag, parse_bundle, read_bundle, verify_integrity};
use crate::tutor::grading::{Band, Dimension};

const BUNDLE: &str = include_str!("testdata/bundle.json");
const NOW: i64 = 1_700_000_000;

fn paper() -> Paper {
    let bundle = parse_bundle(BUNDLE.as_bytes(), "bundle.json").expect("test bundle parses");
    let flags = verify_integrity(&bundle);
    Paper {
        path: "bundle.json".into(),
        out: "graded.json".into(),
        bundle,
        flags,
        drafts: Vec::new(),
    }
}

fn grading(lang: Lang, papers: Vec<Paper>) -> Grading {
    Grading::new(
        lang,
        Theme::new(false),
        Rc::new(FakeClock::new(NOW)),
        "李老师",
        papers,
    )
}

fn key(code: KeyCode) -> Msg {
    Msg::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

fn ctrl(c: char) -> Msg {
    Msg::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL))
}

fn press(g: &mut Grading, codes: &[KeyCode]) -> Vec<Effect> {
    codes.iter().flat_map(|c| update(g, key(*c))).collect()
}

fn shift(code: KeyCode) -> Msg {
    Msg::Key(KeyEvent::new(code, KeyModifiers::SHIFT))
}

/// Type each dimension's points on its row, top to bottom, as a grader does.
fn score_all(g: &mut Grading, points: [u8; 6]) -> Vec<Effect> {
    g.focus = Focus::Dimension(0);
    let mut effects = Vec::new();
    for p in points {
        for c in p.to_string().chars() {
            effects.extend(update(g, key(KeyCode::Char(c))));
        }
        effects.extend(update(g, key(KeyCode::Down)));
    }
    effects
}

#[test]
fn the_test_bundle_is_clean_and_every_dimension_starts_unset() {
    let mut g = grading(Lang::Zh, vec![paper()]);
    assert!(g.papers[0].flags.is_empty());
    assert_eq!(g.scores, [None; 6]);
    assert_eq!(g.overall(), None);
    // Ctrl-S without a score records nothing, stays, and names what is unset.
    assert!(update(&mut g, ctrl('s')).is_empty());
    assert!(g.papers[0].bundle.grades.is_empty());
    assert_eq!(g.answer, 0);
    let (text, _) = g.notice.clone().expect("a notice");
    for d in Dimension::ALL {
        assert!(text.contains(d.name()), "{text}");
    }
}

#[test]
fn ctrl_s_refuses_until_the_last_dimension_is_set() {
    let mut g = grading(Lang::En, vec![paper()]);
    score_all(&mut g, [20, 16, 12, 12, 12, 8]);
    // Clear 组织协调 again: the refusal names it alone.
    g.focus = Focus::Dimension(4);
    press(&mut g, &[KeyCode::Backspace, KeyCode::Backspace]);
    assert_eq!(g.scores[4], None);
    // Not recorded; what was given is kept as a draft.
    assert_eq!(update(&mut g, ctrl('s')), vec![Effect::SaveDrafts(0)]);
    assert!(g.papers[0].bundle.grades.is_empty());
    let (text, _) = g.notice.clone().expect("a notice");
    assert!(
        text.contains("organisation") && !text.contains("analysis"),
        "{text}"
    );
    press(&mut g, &[KeyCode::Char('9')]);
    // Recorded, and the draft is dropped.
    assert_eq!(
        update(&mut g, ctrl('s')),
        vec![Effect::Save(0), Effect::SaveDrafts(0)]
    );
    assert!(g.papers[0].drafts.is_empty());
    assert_eq!(
        g.papers[0].bundle.grades[0].overall,
        20 + 16 + 12 + 12 + 9 + 8
    );
    assert_eq!(g.answer, 1);
}

#[test]
fn an_overall_typed_is_enough_to_record() {
    let mut g = grading(Lang::Zh, vec![paper()]);
    // Up from the first dimension is the overall row.
    press(
        &mut g,
        &[KeyCode::Up, KeyCode::Char('7'), KeyCode::Char('2')],
    );
    assert_eq!(g.focus, Focus::Overall);
    assert_eq!(g.overall(), Some(72));
    assert_eq!(update(&mut g, ctrl('s')), vec![Effect::Save(0)]);
    let grade = &g.papers[0].bundle.grades[0];
    assert_eq!(grade.overall, 72);
    assert_eq!(grade.scores[&Dimension::Analysis], 18);
    assert!(verify_integrity(&g.papers[0].bundle).is_empty());
}

#[test]
fn digits_type_points_and_shift_arrows_move_by_five() {
    let mut g = grading(Lang::Zh, vec![paper()]);
    // 综合分析 (0-25): 1 then 8 is 18; 2 then 6 would be 26, over: 6 alone.
    press(&mut g, &[KeyCode::Char('1'), KeyCode::Char('8')]);
    assert_eq!(g.scores[0], Some(18));
    assert!(g.dirty);
    press(&mut g, &[KeyCode::Char('2'), KeyCode::Char('6')]);
    assert_eq!(g.scores[0], Some(6));
    // Shift+Right adds five, twice; then up to the maximum and no further.
    update(&mut g, shift(KeyCode::Right));
    update(&mut g, shift(KeyCode::Right));
    assert_eq!(g.scores[0], Some(16));
    update(&mut g, shift(KeyCode::Right));
    update(&mut g, shift(KeyCode::Right));
    assert_eq!(g.scores[0], Some(25));
    assert_eq!(Dimension::Analysis.band(25), Band::Good);
    // H / L do the same for vi hands; Left is one point.
    press(&mut g, &[KeyCode::Char('H'), KeyCode::Left]);
    assert_eq!(g.scores[0], Some(19));
    // A new row starts a new number: Down, then 1 0 is 10 on 言语表达.
    press(
        &mut g,
        &[KeyCode::Down, KeyCode::Char('1'), KeyCode::Char('0')],
    );
    assert_eq!((g.focus, g.scores[1]), (Focus::Dimension(1), Some(10)));
    // An unset dimension steps from 0, never from a preset.
    press(&mut g, &[KeyCode::Down, KeyCode::Right]);
    assert_eq!(g.scores[2], Some(1));
    update(&mut g, shift(KeyCode::Left));
    assert_eq!(g.scores[2], Some(0));
    // Down wraps through the overall row back to the first dimension.
    press(
        &mut g,
        &[KeyCode::Down, KeyCode::Down, KeyCode::Down, KeyCode::Down],
    );
    assert_eq!(g.focus, Focus::Overall);
    press(&mut g, &[KeyCode::Down]);
    assert_eq!(g.focus, Focus::Dimension(0));
}

#[test]
fn f1_and_question_mark_open_the_keys_and_any_key_closes_them() {
    for open in [key(KeyCode::F(1)), key(KeyCode::Char('?'))] {
        let mut g = grading(Lang::Zh, vec![paper()]);
        update(&mut g, open);
        assert!(g.help);
        // The closing key does nothing else.
        update(&mut g, key(KeyCode::Char('5')));
        assert!(!g.help);
        assert_eq!(g.scores[0], None);
    }
    // In the comment, ? is text and F1 still opens the keys.
    let mut g = grading(Lang::Zh, vec![paper()]);
    press(&mut g, &[KeyCode::Tab, KeyCode::Char('?')]);
    assert!(!g.help);
    assert_eq!(g.comment.text(), "?");
    update(&mut g, key(KeyCode::F(1)));
    assert!(g.help);
}

#[test]
fn ctrl_s_records_a_sealed_grade_and_moves_on() {
    let mut g = grading(Lang::Zh, vec![paper()]);
    score_all(&mut g, [17, 12, 9, 9, 9, 6]);
    press(&mut g, &[KeyCode::Tab]);
    assert_eq!(g.focus, Focus::Comment);
    // Keys go to the comment now: 'j' and '-' are text, not moves.
    press(
        &mut g,
        &"条理清楚-j".chars().map(KeyCode::Char).collect::<Vec<_>>(),
    );
    update(&mut g, Msg::Paste("，缺\u{1b}[31m数据".into()));
    let effects = update(&mut g, ctrl('s'));
    assert_eq!(effects, vec![Effect::Save(0)]);
    let grades = &g.papers[0].bundle.grades;
    assert_eq!(grades.len(), 1);
    let first = &grades[0];
    assert_eq!(first.question, "self-intro/one-minute-intro");
    assert_eq!(first.grader, "李老师");
    assert_eq!(first.scores[&Dimension::Analysis], 17);
    assert_eq!(first.overall, 62);
    assert_eq!(first.comment, "条理清楚-j，缺[31m数据");
    assert_eq!(first.graded_at, NOW);
    // Sealed: the bundle still verifies.
    assert!(verify_integrity(&g.papers[0].bundle).is_empty());
    // On to the next answer, unset again, focus back on the dimensions.
    assert_eq!(g.answer, 1);
    assert_eq!(g.overall(), None);
    assert!(g.comment.is_empty());
    assert_eq!(g.focus, Focus::Dimension(0));
}

#[test]
fn leaving_an_answer_records_it_only_when_changed_and_complete() {
    let mut g = grading(Lang::En, vec![paper()]);
    assert!(press(&mut g, &[KeyCode::Char('n')]).is_empty());
    assert_eq!(g.answer, 1);
    assert!(g.papers[0].bundle.grades.is_empty());
    // Half a grade is not recorded (it is kept as a draft); the notice says so on the next
    // answer.
    assert_eq!(
        press(&mut g, &[KeyCode::Right, KeyCode::Char('n')]),
        vec![Effect::SaveDrafts(0)]
    );
    assert!(g.papers[0].bundle.grades.is_empty());
    assert_eq!(g.answer, 2);
    assert!(
        g.notice
            .as_ref()
            .is_some_and(|(t, _)| t.starts_with("Not recorded") && t.contains("draft"))
    );
    // Back on it, the half grade is there to finish.
    press(&mut g, &[KeyCode::Char('p')]);
    assert_eq!(g.scores[0], Some(1));
    let mut effects = score_all(&mut g, [15, 12, 9, 9, 9, 5]);
    effects.extend(press(&mut g, &[KeyCode::Char('p')]));
    assert_eq!(effects, vec![Effect::Save(0), Effect::SaveDrafts(0)]);
    assert_eq!(g.answer, 0);
    assert_eq!(
        g.papers[0].bundle.grades[0].question,
        "self-intro/why-hire-you"
    );
    assert_eq!(g.papers[0].bundle.grades[0].overall, 59);
}

#[test]
fn an_earlier_grade_is_loaded_and_replaced_not_duplicated() {
    let mut g = grading(Lang::Zh, vec![paper()]);
    score_all(&mut g, [16, 12, 9, 9, 9, 6]);
    press(&mut g, &[KeyCode::Tab, KeyCode::Char('好')]);
    update(&mut g, ctrl('s'));
    press(&mut g, &[KeyCode::Char('p')]);
    assert_eq!(g.scores[0], Some(16));
    assert_eq!(g.overall_typed, None);
    assert_eq!(g.comment.text(), "好");
    assert!(!g.dirty);
    press(&mut g, &[KeyCode::Right]);
    update(&mut g, ctrl('s'));
    let grades = &g.papers[0].bundle.grades;
    assert_eq!(grades.len(), 1);
    assert_eq!(grades[0].scores[&Dimension::Analysis], 17);
}

#[test]
fn ctrl_c_and_hang_up_record_the_grade_in_progress() {
    for msg in [ctrl('c'), Msg::Interrupted] {
        let mut g = grading(Lang::Zh, vec![paper()]);
        score_all(&mut g, [15, 12, 9, 9, 9, 6]);
        g.focus = Focus::Dimension(2);
        press(&mut g, &[KeyCode::Right]);
        let effects = update(&mut g, msg);
        assert!(g.quit);
        assert_eq!(effects, vec![Effect::Save(0)]);
        assert_eq!(
            g.papers[0].bundle.grades[0].scores[&Dimension::Adaptability],
            10
        );
    }
    // Nothing changed: nothing written.
    let mut g = grading(Lang::Zh, vec![paper()]);
    assert!(update(&mut g, ctrl('c')).is_empty());
    assert!(g.quit);
}

#[test]
fn a_comment_typed_before_any_score_survives_ctrl_c_and_comes_back() {
    use crate::tui::event_loop::Program;
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("a.json"), BUNDLE).expect("write");
    let graded = dir.path().join("graded");
    let open = || {
        let bundles = [dir.path().join("a.json")];
        let ui = Lang::Zh.ui();
        crate::tutor::papers::read(&bundles, None, Some(&graded), ui)
            .expect("readable")
            .0
    };
    let mut g = grading(Lang::Zh, open());
    press(&mut g, &[KeyCode::Tab]);
    for c in "思路清楚，举例不足".chars() {
        update(&mut g, key(KeyCode::Char(c)));
    }
    Program::update(&mut g, ctrl('c'));
    assert!(g.quit);
    // Opened again: the comment is back, still no grade (nothing was scored).
    let mut g = grading(Lang::Zh, open());
    assert_eq!(g.comment.text(), "思路清楚，举例不足");
    assert_eq!(g.scores, [None; 6]);
    assert!(g.papers[0].bundle.grades.is_empty());
    // Another grader's screen starts empty.
    let other = Grading::new(
        Lang::Zh,
        Theme::new(false),
        Rc::new(FakeClock::new(NOW)),
        "王老师",
        open(),
    );
    assert_eq!(other.comment.text(), "");
    // Once the grade is recorded, the draft has done its work: nothing comes back twice.
    score_all(&mut g, [15, 12, 9, 9, 9, 6]);
    Program::update(&mut g, ctrl('s'));
    let back = read_bundle(&graded.join("a.json")).expect("graded copy");
    assert_eq!(back.grades[0].comment, "思路清楚，举例不足");
    let names: Vec<_> = std::fs::read_dir(&graded)
        .expect("list")
        .map(|e| e.expect("entry").file_name())
        .collect();
    assert_eq!(names, vec![std::ffi::OsString::from("a.json")]);
}

#[test]
fn the_last_answer_of_a_paper_leads_to_the_next_paper() {
    let mut g = grading(Lang::Zh, vec![paper(), paper()]);
    for _ in 0..3 {
        score_all(&mut g, [15, 12, 9, 9, 9, 6]);
        update(&mut g, ctrl('s'));
    }
    assert_eq!((g.paper, g.answer), (1, 0));
    press(&mut g, &[KeyCode::Char('[')]);
    assert_eq!((g.paper, g.answer), (0, 0));
    assert!(g.grade_of(0, "set-s/late-parcel").is_some());
}

#[test]
fn save_writes_a_whole_bundle_and_leaves_no_temporary_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut g = grading(Lang::Zh, vec![paper()]);
    g.papers[0].out = dir.path().join("graded.json");
    update(&mut g, ctrl('s'));
    crate::tutor::papers::save(&g.papers[0]).expect("saved");
    let back = read_bundle(&g.papers[0].out).expect("readable");
    assert_eq!(back.grades, g.papers[0].bundle.grades);
    assert!(verify_integrity(&back).is_empty());
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .expect("list")
        .map(|e| e.expect("entry").file_name())
        .collect();
    assert_eq!(names, vec![std::ffi::OsString::from("graded.json")]);
}

#[test]
fn papers_refuses_two_bundles_saved_to_one_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let a = dir.path().join("a");
    let b = dir.path().join("b");
    for d in [&a, &b] {
        std::fs::create_dir(d).expect("dir");
        std::fs::write(d.join("x.json"), BUNDLE).expect("write");
    }
    let err = crate::tutor::papers::read(
        &[a.join("x.json"), b.join("x.json")],
        None,
        Some(dir.path()),
        crate::i18n::Lang::En.ui(),
    )
    .err()
    .expect("refused");
    assert!(err.to_string().contains("x.json"), "{err}");
}

fn draw(g: &Grading, w: u16, h: u16) -> Terminal<TestBackend> {
    let mut term = Terminal::new(TestBackend::new(w, h)).expect("test terminal");
    term.draw(|f| view(g, f)).expect("draw");
    term
}

#[test]
fn snapshots_of_scoring_and_of_the_comment_with_the_caret() {
    for lang in [Lang::Zh, Lang::En] {
        let mut g = grading(lang, vec![paper()]);
        // 综合分析 typed, 言语表达 focused and still unset like the rest.
        press(
            &mut g,
            &[KeyCode::Char('1'), KeyCode::Char('7'), KeyCode::Down],
        );
        for (w, h) in SIZES {
            let mut term = draw(&g, w, h);
            let text = screen_text(&mut term);
            assert!(!text.contains("[cursor"), "no caret while scoring");
            insta::assert_snapshot!(format!("grading_scores_{}_{w}x{h}", lang.code()), text);
        }
        press(&mut g, &[KeyCode::Tab]);
        for c in "回答有条理".chars() {
            update(&mut g, key(KeyCode::Char(c)));
        }
        for (w, h) in SIZES {
            let mut term = draw(&g, w, h);
            let text = screen_text(&mut term);
            insta::assert_snapshot!(format!("grading_comment_{}_{w}x{h}", lang.code()), text);
            if w < crate::tui::layout::MIN_WIDTH {
                continue;
            }
            // The real cursor sits right after the last character typed (each 2 cells wide).
            let pos = term.get_cursor_position().expect("cursor");
            let buf = term.backend().buffer();
            assert_eq!(buf[(pos.x - 2, pos.y)].symbol(), "理");
            assert_eq!(buf[(pos.x - 10, pos.y)].symbol(), "回");
        }
    }
}

#[test]
fn a_flagged_bundle_says_so_on_screen() {
    let mut p = paper();
    p.bundle.content.answers[0].answer_text.push_str("（改过）");
    p.bundle.read_digest = None;
    p.flags = verify_integrity(&p.bundle);
    assert_eq!(p.flags, vec![Flag::Edited]);
    for lang in [Lang::Zh, Lang::En] {
        let g = grading(lang, vec![p.clone_paper()]);
        let mut term = draw(&g, 80, 24);
        let text = screen_text(&mut term);
        insta::assert_snapshot!(format!("grading_flagged_{}_80x24", lang.code()), text);
        // The banner and the reason, both in the UI's language.
        let (banner, why) = if lang == Lang::Zh {
            ("已被标记", "导出后被修改过")
        } else {
            ("FLAGGED", "edited")
        };
        assert!(text.contains(banner) && text.contains(why), "{text}");
    }
}

/// The row that heads the answer: the question and whether it is graded.
fn heading_row(text: &str, g: &Grading) -> String {
    let mark = format!("  [{}]", g.ui.grade_not_graded);
    let row = text.lines().find(|l| l.trim_end().ends_with(&mark));
    row.unwrap_or_else(|| panic!("no heading in {text}"))
        .trim_end()
        .to_string()
}

#[test]
fn the_answer_is_headed_by_its_question_title_cut_with_an_ellipsis() {
    use unicode_width::UnicodeWidthStr;
    let mut p = paper();
    let id = p.bundle.content.answers[0].question.clone();
    let long = "顾客说收到的商品和图片不一样，要求全额退款，还说要投诉到平台。".repeat(2);
    p.bundle.content.answers[0].prompt = format!("{long}\n请说说你会怎么做。");
    for lang in [Lang::Zh, Lang::En] {
        let g = grading(lang, vec![p.clone_paper()]);
        let text = screen_text(&mut draw(&g, 80, 24));
        let row = heading_row(&text, &g);
        assert!(row.starts_with("顾客说收到的商品"), "{row}");
        assert!(row.contains('…') && row.width() <= 80, "{row}");
        assert!(!text.contains(&id), "the id is for JSON: {text}");
    }
    // A question with no prompt text is still named, by its id.
    p.bundle.content.answers[0].prompt = " ".into();
    let g = grading(Lang::En, vec![p.clone_paper()]);
    let row = heading_row(&screen_text(&mut draw(&g, 80, 24)), &g);
    assert!(row.starts_with(&id), "{row}");
}

#[test]
fn snapshots_of_the_keys_help_and_of_a_skipped_file() {
    for lang in [Lang::Zh, Lang::En] {
        let mut g = grading(lang, vec![paper()]);
        g.skipped =
            vec!["broken.json: not a result bundle (expected value at line 1 column 1)".into()];
        let text = screen_text(&mut draw(&g, 80, 24));
        assert!(text.contains("broken.json"), "{text}");
        insta::assert_snapshot!(format!("grading_skipped_{}_80x24", lang.code()), text);
        update(&mut g, key(KeyCode::F(1)));
        let text = screen_text(&mut draw(&g, 100, 30));
        insta::assert_snapshot!(format!("grading_help_{}_100x30", lang.code()), text);
    }
}

#[test]
fn papers_lists_an_unreadable_bundle_and_keeps_the_others() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("a.json"), BUNDLE).expect("write");
    std::fs::write(dir.path().join("b.json"), "{ not json").expect("write");
    let (papers, skipped) = crate::tutor::papers::read(
        &[dir.path().to_path_buf()],
        None,
        None,
        crate::i18n::Lang::En.ui(),
    )
    .expect("one readable bundle is enough");
    assert_eq!(papers.len(), 1);
    assert!(papers[0].path.ends_with("a.json"));
    assert_eq!(skipped.len(), 1);
    assert!(skipped[0].contains("b.json"), "{skipped:?}");
}

impl Paper {
    fn clone_paper(&self) -> Paper {
        Paper {
            path: self.path.clone(),
            out: self.out.clone(),
            bundle: self.bundle.clone(),
            flags: self.flags.clone(),
            drafts: self.drafts.clone(),
        }
    }
}
