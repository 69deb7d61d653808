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

#[test]
fn the_test_bundle_is_clean_and_starts_at_the_bottom_of_fair() {
    let g = grading(Lang::Zh, vec![paper()]);
    assert!(g.papers[0].flags.is_empty());
    for (i, d) in Dimension::ALL.into_iter().enumerate() {
        assert_eq!(d.band(g.scores[i]), Band::Fair);
        assert_eq!(d.band(g.scores[i] - 1), Band::Poor);
    }
    assert_eq!(g.overall(), 60);
}

#[test]
fn keys_step_points_within_the_maximum_and_jump_between_dimensions() {
    let mut g = grading(Lang::Zh, vec![paper()]);
    // 综合分析 starts at 15 of 25: eleven steps up stop at 25.
    press(&mut g, &[KeyCode::Right; 11]);
    assert_eq!(g.scores[0], 25);
    assert_eq!(Dimension::Analysis.band(g.scores[0]), Band::Good);
    assert!(g.dirty);
    // 6 jumps to 求职动机 (6 of 10); down to 0 and no lower.
    press(&mut g, &[KeyCode::Char('6')]);
    assert_eq!(g.focus, Focus::Dimension(5));
    press(&mut g, &[KeyCode::Char('-'); 8]);
    assert_eq!(g.scores[5], 0);
    // Down wraps to the first, up wraps to the last.
    press(&mut g, &[KeyCode::Down]);
    assert_eq!(g.focus, Focus::Dimension(0));
    press(&mut g, &[KeyCode::Up]);
    assert_eq!(g.focus, Focus::Dimension(5));
    assert_eq!(g.overall(), 25 + 12 + 9 + 9 + 9);
}

#[test]
fn ctrl_s_records_a_sealed_grade_and_moves_on() {
    let mut g = grading(Lang::Zh, vec![paper()]);
    press(&mut g, &[KeyCode::Right, KeyCode::Right, KeyCode::Tab]);
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
    // On to the next answer, scores reset, focus back on the dimensions.
    assert_eq!(g.answer, 1);
    assert_eq!(g.overall(), 60);
    assert!(g.comment.is_empty());
    assert_eq!(g.focus, Focus::Dimension(0));
}

#[test]
fn leaving_an_answer_records_it_only_when_changed() {
    let mut g = grading(Lang::En, vec![paper()]);
    assert!(press(&mut g, &[KeyCode::Char('n')]).is_empty());
    assert_eq!(g.answer, 1);
    assert!(g.papers[0].bundle.grades.is_empty());
    let effects = press(&mut g, &[KeyCode::Left, KeyCode::Char('p')]);
    assert_eq!(effects, vec![Effect::Save(0)]);
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
    press(&mut g, &[KeyCode::Right, KeyCode::Tab]);
    press(&mut g, &[KeyCode::Char('好')]);
    update(&mut g, ctrl('s'));
    press(&mut g, &[KeyCode::Char('p')]);
    assert_eq!(g.scores[0], 16);
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
        press(&mut g, &[KeyCode::Char('3'), KeyCode::Right]);
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
fn the_last_answer_of_a_paper_leads_to_the_next_paper() {
    let mut g = grading(Lang::Zh, vec![paper(), paper()]);
    for _ in 0..3 {
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
    super::save(&g.papers[0]).expect("saved");
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
    let err = super::papers(
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
        press(&mut g, &[KeyCode::Right, KeyCode::Right, KeyCode::Down]);
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
        let banner = if lang == Lang::Zh {
            "已被标记"
        } else {
            "FLAGGED"
        };
        assert!(text.contains(banner) && text.contains("edited"), "{text}");
    }
}

impl Paper {
    fn clone_paper(&self) -> Paper {
        Paper {
            path: self.path.clone(),
            out: self.out.clone(),
            bundle: self.bundle.clone(),
            flags: self.flags.clone(),
        }
    }
}
