//! `mianba history`, `report`, `export`/`import` and `due` on the real binary.
// Test code: a failed unwrap, expect or panic is the test failing, said where it fails.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod review_support;

use std::path::Path;
use std::process::{Command, Output};

use mianba::store::{HistoryFilter, Store};
use review_support::Fixture;

fn mianba(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_mianba"))
        .arg("--data-dir")
        .arg(dir)
        .args(args)
        .env("TZ", "UTC")
        .env("LANG", "en_US.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .output()
        .unwrap()
}

fn stdout(o: &Output) -> String {
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn filled(sessions: usize) -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    Fixture::bundled().fill(&store, sessions, 3, 1_750_000_000);
    (dir, store)
}

#[test]
fn history_json_is_newest_first_with_the_documented_keys_and_filters() {
    let (dir, store) = filled(12);
    let out = stdout(&mianba(dir.path(), &["history", "--json"]));
    let list: Vec<serde_json::Value> = serde_json::from_str(&out).unwrap();
    let ids: Vec<i64> = list.iter().map(|s| s["id"].as_i64().unwrap()).collect();
    let expected: Vec<i64> = store.sessions().unwrap().iter().map(|s| s.id.0).collect();
    assert_eq!(ids, expected);
    assert_eq!(ids.len(), 12);
    assert!(ids.windows(2).all(|w| w[0] > w[1]), "newest first");
    let mut keys: Vec<&str> = list[0]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    keys.sort_unstable();
    assert_eq!(
        keys,
        [
            "average_total",
            "banks",
            "finished_at",
            "graded",
            "id",
            "lang",
            "mode",
            "preset",
            "questions",
            "seed",
            "started_at"
        ]
    );

    for args in [
        vec!["history", "--json", "--bank", "complaint"],
        vec!["history", "--json", "--mode", "spoken"],
        vec![
            "history",
            "--json",
            "--category",
            "stress",
            "--mode",
            "practice",
        ],
    ] {
        let got: Vec<serde_json::Value> =
            serde_json::from_str(&stdout(&mianba(dir.path(), &args))).unwrap();
        let filter = HistoryFilter {
            bank: args
                .iter()
                .position(|a| *a == "--bank")
                .map(|i| args[i + 1].into()),
            category: args
                .iter()
                .position(|a| *a == "--category")
                .map(|i| args[i + 1].into()),
            mode: args
                .iter()
                .position(|a| *a == "--mode")
                .and_then(|i| mianba::session::Mode::parse(args[i + 1])),
        };
        let want: Vec<i64> = store
            .history(&filter)
            .unwrap()
            .iter()
            .map(|s| s.id.0)
            .collect();
        let got: Vec<i64> = got.iter().map(|s| s["id"].as_i64().unwrap()).collect();
        assert_eq!(got, want, "{args:?}");
        assert!(got.len() < 12, "{args:?} filters something out");
    }
}

/// The history table's words (the headings, "all" banks, the empty-store line) come from the
/// language's UI strings, so both languages are kept complete in one place (`src/i18n.rs`).
#[test]
fn history_text_says_its_words_through_the_ui_strings() {
    let (dir, _store) = filled(1);
    let empty = tempfile::tempdir().unwrap();
    for (code, lang) in [
        ("zh", mianba::i18n::Lang::Zh),
        ("en", mianba::i18n::Lang::En),
    ] {
        let words: Vec<&str> = lang.ui().entries().into_iter().map(|(_, s)| s).collect();
        let none = stdout(&mianba(empty.path(), &["--lang", code, "history"]));
        assert!(words.contains(&none.trim_end()), "{code}: {none}");
        let out = stdout(&mianba(dir.path(), &["--lang", code, "history"]));
        let head = out.lines().next().unwrap();
        for heading in head.split_whitespace() {
            assert!(words.contains(&heading), "{code}: `{heading}` in {head}");
        }
    }
}

#[test]
fn history_text_lists_each_session_in_both_languages() {
    let (dir, store) = filled(3);
    let out = stdout(&mianba(dir.path(), &["history"]));
    let lines: Vec<&str> = out.lines().collect();
    assert!(lines[0].starts_with("SESSION"), "{out}");
    assert_eq!(lines.len(), 4);
    let newest = &store.sessions().unwrap()[0];
    assert!(lines[1].starts_with(&format!("{} ", newest.id)), "{out}");
    let en_mode = mianba::i18n::Lang::En.ui().mode_name(newest.mode);
    assert!(lines[1].contains(en_mode), "{out}");
    let zh = stdout(&mianba(dir.path(), &["--lang", "zh", "history"]));
    assert!(zh.starts_with("场次"), "{zh}");
    // Modes in the language asked for: 练习, not practice.
    let zh_mode = mianba::i18n::Lang::Zh.ui().mode_name(newest.mode);
    let zh_lines: Vec<&str> = zh.lines().collect();
    assert!(zh_lines[1].contains(zh_mode), "{zh}");
    assert!(!zh_lines[1].contains(newest.mode.as_str()), "{zh}");

    let empty = tempfile::tempdir().unwrap();
    assert!(stdout(&mianba(empty.path(), &["history"])).contains("No saved sessions"));
    assert_eq!(
        stdout(&mianba(empty.path(), &["history", "--json"])).trim(),
        "[]"
    );
}

#[test]
fn report_gives_markdown_and_json_with_followups_under_their_parent() {
    let (dir, store) = filled(15);
    // A session with a follow-up.
    let detail = store
        .sessions()
        .unwrap()
        .iter()
        .filter_map(|s| store.session(s.id).unwrap())
        .find(|d| {
            d.answers
                .iter()
                .any(|a| !a.followups.is_empty() && !a.answer_text.is_empty())
        })
        .unwrap();
    let id = detail.summary.id.to_string();

    let json: serde_json::Value = serde_json::from_str(&stdout(&mianba(
        dir.path(),
        &["report", &id, "--format", "json"],
    )))
    .unwrap();
    assert_eq!(json["session"]["id"].as_i64(), Some(detail.summary.id.0));
    let answers = json["answers"].as_array().unwrap();
    assert_eq!(answers.len(), detail.answers.len());
    for (j, a) in answers.iter().zip(&detail.answers) {
        assert_eq!(j["question_id"], a.question_id.as_str());
        assert_eq!(j["scorecard"]["total"].as_u64(), Some(u64::from(a.total)));
        assert_eq!(j["followups"].as_array().unwrap().len(), a.followups.len());
    }

    let md = stdout(&mianba(dir.path(), &["report", &id]));
    assert!(
        md.starts_with(&format!("# Interview report · session #{id}")),
        "{md}"
    );
    let (i, parent) = detail
        .answers
        .iter()
        .enumerate()
        .find(|(_, a)| !a.followups.is_empty())
        .unwrap();
    // The question by its prompt; its id only in the JSON.
    let heading = format!(
        "## {}. {}",
        i + 1,
        mianba::text::question_label(&parent.prompt)
    );
    let at = md.find(&heading).unwrap();
    let follow = md[at..].find("### Follow-up 1").unwrap() + at;
    let next = md[at + 1..].find("\n## ").map_or(md.len(), |n| n + at + 1);
    assert!(follow < next, "the follow-up sits under its parent");
    let first_line = parent.prompt.lines().next().unwrap();
    assert!(md.contains(&format!("> {first_line}")));
    assert!(md.contains(&format!("**Total {}**", parent.total)));
    let hit = parent.scorecard.points.iter().find(|p| p.hit).unwrap();
    assert!(md.contains(&format!("- ✓ {}", hit.name)), "{md}");
    if let Some(miss) = parent.scorecard.points.iter().find(|p| !p.hit) {
        assert!(md.contains(&format!("- ✗ {}", miss.name)));
    }

    let latest = stdout(&mianba(
        dir.path(),
        &["report", "latest", "--format", "json"],
    ));
    let latest: serde_json::Value = serde_json::from_str(&latest).unwrap();
    assert_eq!(
        latest["session"]["id"].as_i64(),
        Some(store.sessions().unwrap()[0].id.0)
    );
    let zh = stdout(&mianba(dir.path(), &["--lang", "zh", "report", &id]));
    assert!(zh.starts_with("# 面试报告"));
    let zh_mode = mianba::i18n::Lang::Zh.ui().mode_name(detail.summary.mode);
    assert!(zh.contains(&format!("**模式**: {zh_mode}")), "{zh}");
}

#[test]
fn an_unknown_session_is_bad_input_with_one_clear_sentence() {
    let (dir, _store) = filled(2);
    for arg in ["999", "abc"] {
        let o = mianba(dir.path(), &["report", arg]);
        assert_eq!(o.status.code(), Some(1), "{arg}");
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(err.contains("mianba history"), "{err}");
        assert!(o.stdout.is_empty());
    }
    let empty = tempfile::tempdir().unwrap();
    let o = mianba(empty.path(), &["report", "latest"]);
    assert_eq!(o.status.code(), Some(1));
    let o = mianba(empty.path(), &["history", "--mode", "typed"]);
    assert_eq!(o.status.code(), Some(2), "wrong usage");
}

#[test]
fn a_damaged_store_is_reported_and_left_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join(mianba::store::FILE_NAME);
    std::fs::write(&db, b"these are my notes, not a database").unwrap();
    for args in [
        &["history"][..],
        &["report", "1"],
        &["export", "x.json"],
        &["due"],
    ] {
        let o = mianba(dir.path(), args);
        assert_eq!(o.status.code(), Some(1), "{args:?}");
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(
            err.contains("damaged") && err.contains("move it aside"),
            "{err}"
        );
    }
    assert_eq!(
        std::fs::read(&db).unwrap(),
        b"these are my notes, not a database"
    );
}

#[test]
fn export_and_import_on_the_command_line() {
    let (dir, store) = filled(5);
    let file = dir.path().join("backup.json");
    let out = stdout(&mianba(dir.path(), &["export", file.to_str().unwrap()]));
    assert!(out.contains("exported 5 sessions"), "{out}");
    let other = tempfile::tempdir().unwrap();
    let out = stdout(&mianba(other.path(), &["import", file.to_str().unwrap()]));
    assert!(out.contains("imported 5 sessions"), "{out}");
    assert_eq!(
        Store::open(other.path()).unwrap().sessions().unwrap(),
        store.sessions().unwrap()
    );
    let again = stdout(&mianba(other.path(), &["import", file.to_str().unwrap()]));
    assert!(
        again.contains("imported 0 sessions and 0 answers (5 sessions"),
        "{again}"
    );

    let bad = other.path().join("notes.json");
    std::fs::write(&bad, "{\"hello\": 1}").unwrap();
    let o = mianba(other.path(), &["import", bad.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("notes.json") && err.contains("not a valid mianba backup"),
        "{err}"
    );
}

#[test]
fn due_lists_todays_drill_within_the_daily_limit() {
    // Answers from long ago: everything is due now.
    let (dir, store) = filled(6);
    let scheduled = store.schedule().unwrap().len();
    assert!(scheduled > 3);
    let json: serde_json::Value =
        serde_json::from_str(&stdout(&mianba(dir.path(), &["due", "--json"]))).unwrap();
    assert_eq!(json["daily_limit"], 20);
    assert_eq!(json["due"].as_array().unwrap().len(), scheduled.min(20));

    // For one listing only…
    let text = stdout(&mianba(dir.path(), &["due", "--daily-limit", "2"]));
    assert!(text.starts_with("2 due today (daily limit 2"), "{text}");
    // …or saved.
    stdout(&mianba(dir.path(), &["settings", "daily-limit", "3"]));
    let json: serde_json::Value =
        serde_json::from_str(&stdout(&mianba(dir.path(), &["due", "--json"]))).unwrap();
    assert_eq!(json["daily_limit"], 3);
    assert_eq!(json["due"].as_array().unwrap().len(), 3);
    let text = stdout(&mianba(dir.path(), &["due"]));
    assert!(text.starts_with("3 due today (daily limit 3"), "{text}");

    let weakest: serde_json::Value = serde_json::from_str(&stdout(&mianba(
        dir.path(),
        &["due", "--weakest", "2", "--json"],
    )))
    .unwrap();
    let rows = weakest["weakest"].as_array().unwrap();
    assert_eq!(rows.len(), 2);
    let lowest = store.weakest(1).unwrap();
    assert_eq!(rows[0]["question_id"], lowest[0].question_id.as_str());
    // The text says which number is which, in each language.
    let text = stdout(&mianba(dir.path(), &["due", "--weakest", "2"]));
    assert!(text.starts_with("LAST    AVG  QUESTION\n"), "{text}");
    let zh = stdout(&mianba(
        dir.path(),
        &["--lang", "zh", "due", "--weakest", "2"],
    ));
    assert!(zh.starts_with("最近   平均  题目\n"), "{zh}");
}

/// Issue 13: where a person reads (history, report, due), banks and questions go by their
/// titles and prompts; their ids are left to `--json`.
#[test]
fn text_output_names_banks_and_questions_and_leaves_ids_to_json() {
    let (dir, store) = filled(6);
    let banks = mianba::bank::BankSet::bundled();
    let sessions = store.sessions().unwrap();
    let newest = &sessions[0];
    assert!(!newest.banks.is_empty());
    let ids: Vec<String> = sessions.iter().flat_map(|s| s.banks.clone()).collect();
    let has_id = |text: &str| ids.iter().any(|id| text.contains(&format!(" {id}")));
    let titles = |ids: &[String]| {
        let t: Vec<&str> = ids
            .iter()
            .map(|id| banks.get(id).unwrap().title.as_str())
            .collect();
        t.join(", ")
    };

    let history = stdout(&mianba(dir.path(), &["history"]));
    assert!(history.contains(&titles(&newest.banks)), "{history}");
    assert!(!has_id(&history), "{history}");

    let md = stdout(&mianba(dir.path(), &["report", &newest.id.to_string()]));
    let fact = format!("- **Banks**: {}\n", titles(&newest.banks));
    assert!(md.contains(&fact), "{md}");

    let question_ids: Vec<String> = store
        .schedule()
        .unwrap()
        .iter()
        .map(|e| e.question_id.clone())
        .collect();
    for args in [vec!["due"], vec!["due", "--weakest", "3"]] {
        let text = stdout(&mianba(dir.path(), &args));
        assert!(text.lines().count() > 1, "{text}");
        for q in &question_ids {
            assert!(
                !text.contains(q.as_str()),
                "{args:?} shows the id {q}:\n{text}"
            );
        }
    }
    let due = stdout(&mianba(dir.path(), &["due"]));
    let shown = store.schedule().unwrap();
    assert!(
        shown.iter().any(|e| {
            let (_, q) = banks.find_question(&e.question_id).unwrap();
            due.contains(&mianba::text::question_label(&q.prompt))
        }),
        "{due}"
    );
}

#[test]
fn report_labels_are_ui_strings_in_both_languages() {
    let (dir, store) = filled(1);
    let id = store.sessions().unwrap()[0].id.to_string();
    for (code, lang) in [
        ("zh", mianba::i18n::Lang::Zh),
        ("en", mianba::i18n::Lang::En),
    ] {
        let words: Vec<&str> = lang.ui().entries().into_iter().map(|(_, s)| s).collect();
        let md = stdout(&mianba(dir.path(), &["--lang", code, "report", &id]));
        let labels: Vec<&str> = md
            .lines()
            .filter_map(|l| l.strip_prefix("- **")?.split_once("**:"))
            .map(|(label, _)| label)
            .collect();
        assert!(labels.len() >= 4, "{code}: {md}");
        for label in labels {
            assert!(words.contains(&label), "{code}: `{label}` in\n{md}");
        }
    }
}
