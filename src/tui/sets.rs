//! Assignment sets in the app: a set's interview is asked in the set's mode, with its
//! questions in its order and its time limits, and its session is recorded as answering the
//! set so `mianba set export` finds it.

use std::path::PathBuf;

use crate::i18n::{Ui, fill};
use crate::session::Mode;
use crate::session::interview::Interview;
use crate::tui::app::{App, Level, Screen};
use crate::tui::effect::Effect;
use crate::tui::screens::home::Choice;
use crate::tui::screens::sitting::update::begin;
use crate::tutor::Set;

/// The set a session answers, stored with the session (`Store::set_session_set`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SetLink {
    pub set_id: String,
    pub checksum: String,
    /// The set's file, for the export command the summary shows.
    pub path: PathBuf,
}

impl SetLink {
    pub fn of(set: &Set) -> SetLink {
        SetLink {
            set_id: set.id.clone(),
            checksum: set.checksum.clone(),
            path: set.path.clone(),
        }
    }
}

/// The home choice that runs an interview in `mode`.
pub fn choice_for(mode: Mode) -> Choice {
    match mode {
        Mode::Practice => Choice::Practice,
        Mode::Exam => Choice::Exam,
        Mode::Spoken => Choice::Spoken,
    }
}

/// Start `set`'s interview: its plan, asked from the banks as the set times them; refused
/// (the notice says why) once its attempts are used, else the notice says which attempt this is.
pub fn start_set(app: &mut App, set: &Set) -> Vec<Effect> {
    let taken = app.set_attempts.get(&set.id).copied().unwrap_or(0);
    if set.attempts_left(taken) == 0 {
        app.notify(no_attempts(app.ui, set, taken), Level::Error);
        return Vec::new();
    }
    let banks = set.sitting_banks(&app.banks);
    let interview = Interview::new(set.plan(), set.mode, &banks, app.now());
    let effects = begin(app, choice_for(set.mode), interview, Some(SetLink::of(set)));
    if matches!(app.screen, Screen::Sitting(_)) {
        let text = fill(
            app.ui.set_attempt,
            &[
                ("n", &(taken + 1)),
                ("max", &set.attempts),
                ("left", &set.attempts_left(taken + 1)),
            ],
        );
        app.notify(text, Level::Info);
    }
    effects
}

/// Why a set cannot be taken again, in the UI language.
pub fn no_attempts(ui: &Ui, set: &Set, taken: u32) -> String {
    crate::text::sanitize_line(&fill(
        ui.err_set_no_attempts,
        &[
            ("set", &set.title),
            ("taken", &taken),
            ("max", &set.attempts),
        ],
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use crate::tui::app::Screen;
    use crate::tui::tests::{app_with, key, test_banks};
    use crate::tui::update::update;
    use crate::tutor::set_files::{SetEntry, list_sets};
    use crossterm::event::KeyCode;
    use std::path::Path;

    fn testdata_sets() -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("src/tui/testdata/sets")
    }

    #[test]
    fn a_broken_set_file_is_listed_with_its_problem() {
        let sets = list_sets(&[testdata_sets()], None, &test_banks());
        assert_eq!(sets.len(), 3);
        assert!(matches!(&sets[0], SetEntry::Ready(s) if s.id == "week1"));
        assert!(matches!(&sets[1], SetEntry::Ready(s) if s.id == "warmup"));
        let SetEntry::Broken { file, problem } = &sets[2] else {
            panic!("the broken set is listed as broken: {:?}", sets[2]);
        };
        assert_eq!(file, "c-broken.toml");
        let problem = problem.in_file(crate::i18n::Lang::En);
        assert!(problem.contains("no-such-question"), "{problem}");
        assert!(!problem.contains('\n'));
    }

    #[test]
    fn the_given_set_comes_first_and_each_file_once() {
        let dir = testdata_sets();
        let given = dir.join("b-late.toml");
        let missing = dir.join("no-such-folder");
        let sets = list_sets(&[missing, dir], Some(&given), &test_banks());
        let ids: Vec<&str> = sets
            .iter()
            .map(|e| match e {
                SetEntry::Ready(s) => s.id.as_str(),
                SetEntry::Broken { .. } => "broken",
            })
            .collect();
        assert_eq!(ids, ["warmup", "week1", "broken"]);
    }

    /// The app with the test sets listed and the Sets pane focused (after Mode, Banks and
    /// Categories), the first set under the cursor.
    fn app_on_the_sets_pane() -> crate::tui::app::App {
        let (mut app, _clock) = app_with(Lang::En, None);
        app.set_sets(list_sets(&[testdata_sets()], None, &test_banks()));
        for _ in 0..3 {
            update(&mut app, key(KeyCode::Tab));
        }
        app
    }

    #[test]
    fn enter_on_a_listed_set_starts_its_interview() {
        let mut app = app_on_the_sets_pane();
        let effects = update(&mut app, key(KeyCode::Enter));
        let Some(Effect::CreateSetSession { session, set }) = effects.first() else {
            panic!("Enter asks for a set session: {effects:?}");
        };
        assert_eq!(set.set_id, "week1");
        assert_eq!(session.mode, Mode::Exam);
        let Screen::Sitting(s) = &app.screen else {
            panic!("the interview is on screen");
        };
        assert_eq!(s.interview.len(), 2);
        assert!(s.interview.current().question_id.ends_with("angry-caller"));
    }

    /// Issue 14, case 7: the set picker says which attempt this is, and refuses once the
    /// set's attempts (week1: 1) are used, saying why.
    #[test]
    fn a_listed_set_is_refused_once_its_attempts_are_used() {
        let mut app = app_on_the_sets_pane();
        let effects = update(&mut app, key(KeyCode::Enter));
        assert!(matches!(
            effects.first(),
            Some(Effect::CreateSetSession { .. })
        ));
        let notice = app
            .notice
            .as_ref()
            .map(|n| n.text.clone())
            .unwrap_or_default();
        assert!(notice.contains("Attempt 1 of 1"), "{notice}");

        let mut app = app_on_the_sets_pane();
        update(
            &mut app,
            crate::tui::msg::Msg::SetAttempts([("week1".to_string(), 1)].into()),
        );
        let effects = update(&mut app, key(KeyCode::Enter));
        assert!(effects.is_empty(), "{effects:?}");
        assert!(matches!(app.screen, Screen::Home(_)));
        let notice = app
            .notice
            .as_ref()
            .map(|n| n.text.clone())
            .unwrap_or_default();
        assert!(notice.contains("no attempts are left"), "{notice}");
    }

    /// Issue 12, case 6: a set's draft resumes the set in its own session — the drafted
    /// question first, then the set's questions not yet answered, timed as the set says.
    #[test]
    fn a_set_draft_resumes_the_set_with_what_is_left() {
        let sets = list_sets(&[testdata_sets()], None, &test_banks());
        let Some(SetEntry::Ready(week1)) = sets.first() else {
            panic!("week1 is listed");
        };
        let origin = |answered: &[&str]| crate::tui::screens::sitting::update::DraftOrigin {
            session: Some((crate::store::SessionId(5), Mode::Exam)),
            set: Some((week1.id.clone(), week1.checksum.clone())),
            answered: answered.iter().map(|s| s.to_string()).collect(),
            drill: None,
        };
        let draft = crate::store::Draft {
            key: "5:tui-test/wrong-size".into(),
            session_id: Some(crate::store::SessionId(5)),
            question_id: "tui-test/wrong-size".into(),
            followup: None,
            text: "先道歉".into(),
            updated_at: 1_700_000_000,
        };
        for (answered, asked) in [
            (vec![], vec!["tui-test/wrong-size", "tui-test/angry-caller"]),
            (vec!["tui-test/angry-caller"], vec!["tui-test/wrong-size"]),
        ] {
            let (mut app, _clock) = app_with(Lang::En, None);
            app.set_sets(sets.clone());
            let effects = crate::tui::screens::sitting::update::on_restore_ready(
                &mut app,
                draft.clone(),
                origin(&answered),
            );
            assert!(
                !effects.iter().any(|e| matches!(
                    e,
                    Effect::CreateSession(_) | Effect::CreateSetSession { .. }
                )),
                "{effects:?}"
            );
            let Screen::Sitting(s) = &app.screen else {
                panic!("the set is on screen");
            };
            assert_eq!(s.session_id, Some(crate::store::SessionId(5)));
            let ids: Vec<String> = s
                .interview
                .plan
                .questions
                .iter()
                .map(|q| q.full_id())
                .collect();
            assert_eq!(ids, asked);
            assert_eq!(s.editor.text(), "先道歉");
            assert_eq!(s.mode(), Mode::Exam);
        }
    }

    /// Issue 13, case 14: the summary after a set's sitting gives the exact command that
    /// sends it — the set's own file, its id for the bundle, and the candidate's name (or a
    /// placeholder to replace when the environment has none).
    #[test]
    fn a_sets_summary_says_how_to_export_it() {
        use crate::tui::msg::Msg;
        use crate::tui::tests::{draw, screen_text, type_text};
        for (lang, name) in [(Lang::Zh, None), (Lang::En, Some("张三"))] {
            let (mut app, clock) = app_with(lang, None);
            app.candidate = name.map(str::to_string);
            let Some(SetEntry::Ready(mut week1)) =
                list_sets(&[testdata_sets()], None, &test_banks())
                    .into_iter()
                    .next()
            else {
                panic!("week1 is listed");
            };
            // A path without this machine's folders, so the snapshot is the same everywhere.
            week1.path = PathBuf::from("sets/week 1.toml");
            start_set(&mut app, &week1);
            update(&mut app, Msg::SessionCreated(crate::store::SessionId(1)));
            // Each question (and any follow-up) answered until the sitting is over.
            let over = |app: &crate::tui::app::App| match &app.screen {
                Screen::Sitting(s) => {
                    s.interview.phase == crate::session::interview::Phase::Finished
                }
                _ => true,
            };
            for _ in 0..8 {
                if over(&app) {
                    break;
                }
                update(&mut app, key(KeyCode::Enter));
                type_text(&mut app, "非常抱歉，我马上核实并处理。");
                clock.advance(std::time::Duration::from_secs(30));
                update(&mut app, crate::tui::tests::ctrl('s'));
            }
            let Screen::Sitting(s) = &app.screen else {
                panic!("the sitting is on screen");
            };
            assert!(s.set.is_some() && over(&app));
            let name = name.unwrap_or(app.ui.export_your_name);
            let cmd = format!(
                "mianba set export --set 'sets/week 1.toml' --out week1.json --name {name}"
            );
            for (w, h) in [(80, 24), (100, 30)] {
                let text = screen_text(&mut draw(&app, w, h));
                // The command may wrap; read it back without the row breaks.
                assert!(text.lines().any(|l| l.trim() == cmd), "{cmd}\n{text}");
                insta::assert_snapshot!(format!("set_summary_{}_{w}x{h}", lang.code()), text);
            }
        }
    }

    #[test]
    fn enter_on_a_broken_set_says_why_and_stays_home() {
        let mut app = app_on_the_sets_pane();
        update(&mut app, key(KeyCode::Char('G')));
        let effects = update(&mut app, key(KeyCode::Enter));
        assert!(effects.is_empty());
        assert!(matches!(app.screen, Screen::Home(_)));
        let notice = app
            .live_notice()
            .map(|n| n.text.clone())
            .unwrap_or_default();
        assert!(notice.starts_with("c-broken.toml: "), "{notice}");
    }

    #[test]
    fn without_sets_tab_skips_the_sets_pane() {
        let (mut app, _clock) = app_with(Lang::En, None);
        for _ in 0..3 {
            update(&mut app, key(KeyCode::Tab));
        }
        let Screen::Home(h) = &app.screen else {
            panic!("home");
        };
        assert_eq!(h.pane, crate::tui::screens::home::Pane::Settings);
    }
}
