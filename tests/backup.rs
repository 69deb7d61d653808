//! Backup: export and import of the whole store. A round trip loses nothing (every row of every
//! table compared), importing merges without duplicating, a bad file is refused whole and
//! leaves the store untouched, and two programs importing at once lose nothing.
// Test code: a failed unwrap, expect or panic is the test failing, said where it fails.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod review_support;

use std::collections::BTreeMap;
use std::path::Path;

use mianba::store::{
    BACKUP_VERSION, Backup, COVERED, Draft, MAX_BACKUP_BYTES, SessionId, Store, StoreError,
    migrations,
};
use mianba::tutor::grading::{Dimension, Grade};
use review_support::Fixture;
use rusqlite::types::Value;

const T0: i64 = 1_750_000_000;

/// A store at `dir` with something in every table and every column.
fn full_store(dir: &Path, fx: &Fixture, sessions: usize, seed: u64) -> Store {
    let store = Store::open(dir).unwrap();
    let ids = fx.fill(&store, sessions, seed, T0 + seed as i64);
    let first = ids[0];
    store
        .set_session_set(first, "homework-1", "abc123")
        .unwrap();
    let detail = store.session(first).unwrap().unwrap();
    let question = &detail.answers[0].question_id;
    let mut scores = BTreeMap::new();
    scores.insert(Dimension::Analysis, 15);
    scores.insert(Dimension::Expression, 12);
    let mut grade = Grade::new("王老师", question, scores, "条理清楚", T0);
    grade.digest = "d1".into();
    store.save_grades(first, &[grade]).unwrap();
    store
        .save_draft(&Draft {
            key: Draft::key_for(Some(ids[1]), question, Some(0)),
            session_id: Some(ids[1]),
            question_id: question.clone(),
            followup: Some(0),
            text: "没写完的追问".into(),
            updated_at: T0 + 5,
        })
        .unwrap();
    store
        .save_draft(&Draft {
            key: format!("custom-{seed}"),
            session_id: None,
            question_id: question.clone(),
            followup: None,
            text: "free practice".into(),
            updated_at: T0 + 6,
        })
        .unwrap();
    store
        .set_draft_seconds(&Draft::key_for(Some(ids[1]), question, Some(0)), 47)
        .unwrap();
    store.set_daily_limit(12).unwrap();
    store.set_setting("ui.theme", "light").unwrap();
    store
}

fn connect(dir: &Path) -> rusqlite::Connection {
    rusqlite::Connection::open(dir.join(mianba::store::FILE_NAME)).unwrap()
}

fn tables(conn: &rusqlite::Connection) -> Vec<String> {
    let mut stmt = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
        .unwrap();
    stmt.query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

/// Every row of a table, every column, in a stable order.
fn rows(conn: &rusqlite::Connection, table: &str) -> Vec<Vec<Value>> {
    let mut stmt = conn.prepare(&format!("SELECT * FROM {table}")).unwrap();
    let n = stmt.column_count();
    let mut out: Vec<Vec<Value>> = stmt
        .query_map([], |r| (0..n).map(|i| r.get::<_, Value>(i)).collect())
        .unwrap()
        .map(Result::unwrap)
        .collect();
    out.sort_by(|a, b| format!("{a:?}").cmp(&format!("{b:?}")));
    out
}

/// Each table's columns, in order.
fn columns(conn: &rusqlite::Connection, table: &str) -> Vec<String> {
    let mut stmt = conn
        .prepare(&format!(
            "SELECT name FROM pragma_table_info('{table}') ORDER BY cid"
        ))
        .unwrap();
    stmt.query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

#[test]
fn the_backup_knows_every_table_and_column_of_the_schema() {
    let dir = tempfile::tempdir().unwrap();
    Store::open(dir.path()).unwrap();
    let conn = connect(dir.path());
    let known: Vec<(String, Vec<String>)> = COVERED
        .iter()
        .map(|(t, cols)| (t.to_string(), cols.iter().map(|c| c.to_string()).collect()))
        .collect();
    let schema: Vec<(String, Vec<String>)> = tables(&conn)
        .into_iter()
        .map(|t| {
            let cols = columns(&conn, &t);
            (t, cols)
        })
        .collect();
    assert_eq!(
        schema, known,
        "a migration changed the schema: extend the backup"
    );
}

#[test]
fn a_round_trip_into_an_empty_store_keeps_every_row_of_every_table() {
    let fx = Fixture::bundled();
    let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let source = full_store(a.path(), &fx, 25, 1);
    let file = a.path().join("backup.json");
    let written = source.export(&file, false).unwrap();
    assert_eq!(written.version, BACKUP_VERSION);
    assert_eq!(written.schema, migrations::latest());

    let conn_a = connect(a.path());
    // The fixture reaches every table and every column, so nothing can hide from the compare:
    // a new table or column that the backup forgets fails here until the fixture fills it.
    for t in tables(&conn_a) {
        let all = rows(&conn_a, &t);
        assert!(!all.is_empty(), "table {t} is empty in the fixture");
        let columns = all[0].len();
        for c in 0..columns {
            assert!(
                all.iter().any(|r| r[c] != Value::Null),
                "column {c} of {t} is never set in the fixture"
            );
        }
    }

    let target = Store::open(b.path()).unwrap();
    let summary = target.import(&file).unwrap();
    assert_eq!(summary.sessions_added, 25);
    assert_eq!(summary.answers_added, written.answers.len());
    assert_eq!(summary.sessions_present + summary.answers_present, 0);
    let conn_b = connect(b.path());
    assert_eq!(tables(&conn_a), tables(&conn_b));
    for t in tables(&conn_a) {
        assert_eq!(rows(&conn_a, &t), rows(&conn_b, &t), "table {t} differs");
    }
    assert_eq!(target.backup().unwrap(), written);
    // Read back through the API too: the same history and the same sessions.
    assert_eq!(target.sessions().unwrap(), source.sessions().unwrap());
    let s = SessionId(written.sessions[3].id);
    assert_eq!(target.session(s).unwrap(), source.session(s).unwrap());
}

#[test]
fn importing_into_a_store_with_data_merges_without_duplicating() {
    let fx = Fixture::bundled();
    let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let source = full_store(a.path(), &fx, 10, 1);
    let file = a.path().join("backup.json");
    let exported = source.export(&file, false).unwrap();
    // The target has its own sessions, with the same row ids as the source's.
    let target = full_store(b.path(), &fx, 6, 2);
    let before = target.backup().unwrap();

    let s = target.import(&file).unwrap();
    assert_eq!((s.sessions_added, s.sessions_present), (10, 0));
    assert_eq!(s.answers_added, exported.answers.len());
    assert_eq!(s.settings_added, 0, "settings already set here are kept");
    let after = target.backup().unwrap();
    assert_eq!(after.sessions.len(), 16);
    assert_eq!(
        after.answers.len(),
        before.answers.len() + exported.answers.len()
    );
    assert_eq!(target.daily_limit().unwrap(), 12);

    // Every imported row is there under its uid with the same content; ids of the source
    // that were taken got new ones, and follow-ups still point at their parents.
    for row in &exported.answers {
        let got = after.answers.iter().find(|r| r.uid == row.uid).unwrap();
        let mut same = got.clone();
        same.id = row.id;
        assert_eq!(&same, row);
    }
    for row in &exported.sessions {
        let got = after.sessions.iter().find(|r| r.uid == row.uid).unwrap();
        assert_ne!(got.id, row.id, "the target's own sessions hold the low ids");
        let detail = target.session(SessionId(got.id)).unwrap().unwrap();
        let original = source.session(SessionId(row.id)).unwrap().unwrap();
        assert_eq!(detail.answers.len(), original.answers.len());
        for (x, y) in detail.answers.iter().zip(&original.answers) {
            assert_eq!(x.followups.len(), y.followups.len());
            assert_eq!(x.scorecard, y.scorecard);
        }
    }
    // The draft of a renumbered session follows it under the conventional key.
    let moved = &exported
        .drafts
        .iter()
        .find(|d| d.session_uid.is_some())
        .unwrap();
    let new_id = after
        .sessions
        .iter()
        .find(|r| Some(&r.uid) == moved.session_uid.as_ref())
        .unwrap()
        .id;
    assert!(after.drafts.iter().any(|d| d.session_id == Some(new_id)
        && d.key == Draft::key_for(Some(SessionId(new_id)), &d.question_id, Some(0))));
    assert_eq!(after.grades.len(), 2);

    // The same file again adds nothing.
    let again = target.import(&file).unwrap();
    assert_eq!((again.sessions_added, again.answers_added), (0, 0));
    assert_eq!(
        (again.sessions_present, again.answers_present),
        (10, exported.answers.len())
    );
    assert_eq!(
        (
            again.drafts_written,
            again.schedule_written,
            again.grades_written
        ),
        (0, 0, 0)
    );
    assert_eq!(target.backup().unwrap(), after);
}

/// Imports `text` as a backup file and expects it refused with nothing changed.
fn refused(store: &Store, dir: &Path, text: &str) -> StoreError {
    let before = store.backup().unwrap();
    let file = dir.join("bad.json");
    std::fs::write(&file, text).unwrap();
    let err = store.import(&file).unwrap_err();
    assert!(err.to_string().contains("bad.json"), "{err}");
    assert_eq!(store.backup().unwrap(), before, "nothing imported");
    err
}

#[test]
fn a_bad_backup_is_refused_whole_with_a_clear_message() {
    let fx = Fixture::bundled();
    let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let source = full_store(a.path(), &fx, 4, 1);
    let good = serde_json::to_value(source.backup().unwrap()).unwrap();
    let target = full_store(b.path(), &fx, 2, 2);
    let edit = |f: &dyn Fn(&mut serde_json::Value)| {
        let mut v = good.clone();
        f(&mut v);
        v.to_string()
    };
    let invalid = |e: StoreError, says: &str| {
        assert!(matches!(e, StoreError::BackupInvalid { .. }), "{e:?}");
        assert!(e.to_string().contains(says), "{e} should say {says}");
        assert!(e.to_string().contains("nothing was imported"), "{e}");
    };

    invalid(refused(&target, b.path(), "not json"), "not a JSON object");
    invalid(
        refused(&target, b.path(), &"[".repeat(100_000)),
        "not a JSON object",
    );
    invalid(
        refused(
            &target,
            b.path(),
            r#"{"format": "something-else", "version": 1}"#,
        ),
        "\"format\"",
    );
    let e = refused(&target, b.path(), &edit(&|v| v["version"] = 99.into()));
    assert!(
        matches!(e, StoreError::BackupTooNew { found: 99, .. }),
        "{e:?}"
    );
    invalid(
        refused(&target, b.path(), &edit(&|v| v["schema"] = 999.into())),
        "schema 999",
    );
    invalid(
        refused(
            &target,
            b.path(),
            &edit(&|v| v["answers"][0]["total"] = "high".into()),
        ),
        "invalid type",
    );
    invalid(
        refused(
            &target,
            b.path(),
            &edit(&|v| v["answers"][0]["total"] = 101.into()),
        ),
        "above 100",
    );
    invalid(
        refused(
            &target,
            b.path(),
            &edit(&|v| v["sessions"][0]["mode"] = "typed".into()),
        ),
        "unknown variant",
    );
    invalid(
        refused(&target, b.path(), &edit(&|v| v["extra"] = 1.into())),
        "unknown field",
    );
    invalid(
        refused(
            &target,
            b.path(),
            &edit(&|v| v["answers"][0]["session_uid"] = "nope".into()),
        ),
        "not in the file",
    );
    invalid(
        refused(
            &target,
            b.path(),
            &edit(&|v| v["answers"][0]["scorecard_json"] = "{}".into()),
        ),
        "scorecard",
    );
    invalid(
        refused(
            &target,
            b.path(),
            &edit(&|v| {
                let s = v["sessions"][0].clone();
                v["sessions"].as_array_mut().unwrap().push(s);
            }),
        ),
        "appears twice",
    );
    invalid(
        refused(
            &target,
            b.path(),
            &edit(&|v| v["grades"][0]["session_uid"] = "nope".into()),
        ),
        "not in the file",
    );

    // Larger than the limit: refused before reading (a sparse file costs no disk).
    let huge = b.path().join("huge.json");
    std::fs::File::create(&huge)
        .unwrap()
        .set_len(MAX_BACKUP_BYTES + 1)
        .unwrap();
    let e = target.import(&huge).unwrap_err();
    assert!(matches!(e, StoreError::BackupTooLarge { .. }), "{e:?}");
    let e = target.import(&b.path().join("missing.json")).unwrap_err();
    assert!(matches!(e, StoreError::Read { .. }), "{e:?}");
}

#[test]
fn a_failure_in_the_middle_of_an_import_leaves_nothing_behind() {
    let fx = Fixture::bundled();
    let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let source = full_store(a.path(), &fx, 5, 1);
    let file = a.path().join("backup.json");
    let exported = source.export(&file, false).unwrap();
    let target = Store::open(b.path()).unwrap();
    // Sessions and most answers go in before the last answer fails.
    let last = &exported.answers.last().unwrap().uid;
    connect(b.path())
        .execute_batch(&format!(
            "CREATE TRIGGER boom BEFORE INSERT ON answers WHEN NEW.uid = '{last}'
             BEGIN SELECT RAISE(ABORT, 'disk trouble'); END;"
        ))
        .unwrap();
    let e = target.import(&file).unwrap_err();
    assert!(e.to_string().contains("disk trouble"), "{e}");
    let after = target.backup().unwrap();
    assert!(after.sessions.is_empty() && after.answers.is_empty() && after.schedule.is_empty());
    assert!(rows(&connect(b.path()), "answer_marks").is_empty());
}

#[test]
fn export_never_writes_over_the_store_and_leaves_no_half_file() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let db = dir.path().join(mianba::store::FILE_NAME);
    let before = std::fs::read(&db).unwrap();
    let e = store.export(&db, true).unwrap_err();
    assert!(
        matches!(e, StoreError::Write(mianba::files::WriteError::Kept { .. })),
        "{e:?}"
    );
    assert_eq!(std::fs::read(&db).unwrap(), before);

    let e = store
        .export(&dir.path().join("no-such-folder").join("b.json"), false)
        .unwrap_err();
    assert!(
        matches!(e, StoreError::Write(mianba::files::WriteError::Io { .. })),
        "{e:?}"
    );
    let left: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .filter(|n| n.to_string_lossy().contains("tmp"))
        .collect();
    assert!(left.is_empty(), "{left:?}");
}

#[test]
fn two_programs_importing_at_once_lose_nothing() {
    let fx = Fixture::bundled();
    let (a, b, c) = (
        tempfile::tempdir().unwrap(),
        tempfile::tempdir().unwrap(),
        tempfile::tempdir().unwrap(),
    );
    let one = full_store(a.path(), &fx, 30, 1)
        .export(&a.path().join("one.json"), false)
        .unwrap();
    let two = full_store(b.path(), &fx, 30, 2)
        .export(&b.path().join("two.json"), false)
        .unwrap();
    let import = |file: std::path::PathBuf| {
        std::process::Command::new(env!("CARGO_BIN_EXE_mianba"))
            .arg("--data-dir")
            .arg(c.path())
            .arg("import")
            .arg(file)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap()
    };
    // Both start on a data folder with no store yet: they also race to create it.
    let (p1, p2) = (
        import(a.path().join("one.json")),
        import(b.path().join("two.json")),
    );
    for p in [p1, p2] {
        let out = p.wait_with_output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let merged: Backup = Store::open(c.path()).unwrap().backup().unwrap();
    assert_eq!(merged.sessions.len(), 60);
    assert_eq!(merged.answers.len(), one.answers.len() + two.answers.len());
    for uid in one.answers.iter().chain(&two.answers).map(|r| &r.uid) {
        assert!(merged.answers.iter().any(|r| &r.uid == uid));
    }
}

/// A backup is untrusted: the text it carries (a grader's name, a uid, an unknown value that
/// serde quotes back) must not reach the terminal as escape sequences in the refusal.
#[test]
fn a_refused_backup_does_not_echo_control_characters() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let hostile = "\u{1b}]0;pwned\u{7}\u{1b}[31m";
    let mut v = serde_json::to_value(store.backup().unwrap()).unwrap();
    v["grades"] = serde_json::json!([{
        "session_uid": "nope", "question_id": "q", "grader": hostile, "scores_json": "{}",
        "overall": 1, "comment": "", "graded_at": 0, "digest": ""
    }]);
    let by_grader = refused(&store, dir.path(), &v.to_string()).to_string();
    v["grades"] = serde_json::json!([]);
    v["sessions"] = serde_json::json!([{ "mode": hostile }]);
    let by_serde = refused(&store, dir.path(), &v.to_string()).to_string();
    for msg in [by_grader, by_serde] {
        assert!(msg.contains("nothing was imported"), "{msg}");
        assert!(!msg.chars().any(char::is_control), "{msg:?}");
    }
}

/// Issue 12, case 13: session and answer ids out of range (−5, 2⁶³−1) are re-assigned on
/// import — the uid stays the identity — so every id can be typed and new sessions number on
/// from the small ones; a time outside 1970–2100 refuses the file whole.
#[test]
fn case13_out_of_range_ids_are_reassigned_and_bad_times_refused() {
    let fx = Fixture::bundled();
    let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let source = full_store(a.path(), &fx, 2, 1);
    let mut backup = serde_json::to_value(source.backup().unwrap()).unwrap();
    backup["sessions"][0]["id"] = (-5).into();
    backup["sessions"][1]["id"] = i64::MAX.into();
    backup["answers"][0]["id"] = i64::MAX.into();
    backup["answers"][1]["id"] = 0.into();
    let file = b.path().join("backup.json");
    std::fs::write(&file, backup.to_string()).unwrap();
    let mianba = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_mianba"))
            .arg("--data-dir")
            .arg(b.path().join("data"))
            .args(["--lang", "en"])
            .args(args)
            .output()
            .unwrap()
    };
    let out = mianba(&["import", file.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = mianba(&["history", "--json"]);
    let list: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let ids: Vec<i64> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["id"].as_i64().unwrap())
        .collect();
    assert_eq!(ids.len(), 2, "{list}");
    assert!(
        ids.iter().all(|id| (1..=1000).contains(id)),
        "ids not re-assigned: {ids:?}"
    );
    for id in &ids {
        let out = mianba(&["report", &id.to_string()]);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let store = Store::open(&b.path().join("data")).unwrap();
    let answer_ids: Vec<i64> = store
        .backup()
        .unwrap()
        .answers
        .iter()
        .map(|a| a.id)
        .collect();
    assert!(
        answer_ids.iter().all(|id| (1..=100_000).contains(id)),
        "{answer_ids:?}"
    );
    let next = fx.fill(&store, 1, 9, T0 + 50)[0];
    assert!(next.0 <= 1000, "a new session got id {next}");

    // Times outside 1970–2100 are no time mianba wrote: the file is refused whole.
    for (path, value) in [
        (("sessions", "started_at"), serde_json::Value::from(-5)),
        (("answers", "created_at"), serde_json::Value::from(i64::MAX)),
    ] {
        let mut bad = serde_json::to_value(source.backup().unwrap()).unwrap();
        bad[path.0][0][path.1] = value;
        let err = refused(&store, b.path(), &bad.to_string());
        assert!(
            err.to_string().contains("not a time between 1970 and 2100"),
            "{err}"
        );
    }
}
