//! A store written at schema 1 — the very first migration only — opens with today's code and
//! everything the self-review needs is there: uids, marks, the drill schedule, the filters.
// Test code: a failed unwrap, expect or panic is the test failing, said where it fails.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use mianba::review::progress;
use mianba::store::migrations::{MIGRATIONS, latest, version};
use mianba::store::{HistoryFilter, SessionId, Store};

fn card(question: &str, total: u8, hit: bool) -> String {
    serde_json::json!({
        "question": question, "total": total, "content": 70, "structure": 67, "delivery": 80,
        "points": [{ "name": "致歉", "hit": hit, "required": true, "weight": 2,
                     "matched": null, "at": null }],
        "missing_required": [], "avoid": [],
        "sections": [{ "name": "对策", "found": false, "at": null }],
        "order_ok": true, "chars": 150, "fillers": 0, "feedback": []
    })
    .to_string()
}

/// Two sessions, three main answers (one of them with a broken scorecard), a follow-up and a
/// draft, as the first mianba wrote them (schema 1 has no `attempt`: every answer is a first).
fn write_v1_store(file: &std::path::Path) {
    let conn = rusqlite::Connection::open(file).unwrap();
    conn.execute_batch(MIGRATIONS[0]).unwrap();
    conn.pragma_update(None, "user_version", 1).unwrap();
    conn.execute_batch(
        "INSERT INTO sessions VALUES (1, 1700000000, 1700000600, 'exam', NULL, 5,
             '[\"complaint\"]', 'zh');
         INSERT INTO sessions VALUES (2, 1700100000, NULL, 'practice', NULL, 6, '[]', 'zh');
         INSERT INTO drafts VALUES ('2:stress/x', 2, 'stress/x', '草稿', 1700100300);",
    )
    .unwrap();
    let wrong_size = card("complaint/wrong-size", 40, false);
    let answers = [
        V1Answer {
            id: 1,
            session: 1,
            parent: None,
            question: "complaint/wrong-size",
            followup: None,
            total: 40,
            card: wrong_size.clone(),
            mode: "exam",
            at: 1_700_000_200,
        },
        V1Answer {
            id: 2,
            session: 1,
            parent: Some(1),
            question: "complaint/wrong-size",
            followup: Some(0),
            total: 72,
            card: wrong_size,
            mode: "exam",
            at: 1_700_000_300,
        },
        V1Answer {
            id: 3,
            session: 2,
            parent: None,
            question: "stress/pressure",
            followup: None,
            total: 90,
            card: card("stress/pressure", 90, true),
            mode: "practice",
            at: 1_700_100_100,
        },
        V1Answer {
            id: 4,
            session: 2,
            parent: None,
            question: "complaint/wrong-size",
            followup: None,
            total: 80,
            card: "not json".into(),
            mode: "practice",
            at: 1_700_100_200,
        },
    ];
    for a in answers {
        let (bank, category) = a.question.split_once('/').unwrap();
        conn.execute(
            "INSERT INTO answers VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, '题目', '回答', 100, ?8,
                 70, 67, 80, ?9, ?10, ?11)",
            rusqlite::params![
                a.id, a.session, a.parent, a.question, a.followup, bank, category, a.total, a.card,
                a.mode, a.at
            ],
        )
        .unwrap();
    }
}

/// An answer row of schema 1.
struct V1Answer {
    id: i64,
    session: i64,
    parent: Option<i64>,
    question: &'static str,
    followup: Option<i64>,
    total: i64,
    card: String,
    mode: &'static str,
    at: i64,
}

#[test]
fn a_schema_1_store_gets_uids_marks_and_a_schedule_replayed_from_its_answers() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("mianba.db");
    write_v1_store(&file);
    let store = Store::open(dir.path()).unwrap();
    let conn = rusqlite::Connection::open(&file).unwrap();
    assert_eq!(version(&conn).unwrap(), latest());

    // Every row has a distinct uid.
    for table in ["sessions", "answers"] {
        let (rows, uids): (i64, i64) = conn
            .query_row(
                &format!("SELECT COUNT(*), COUNT(DISTINCT uid) FROM {table}"),
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .unwrap();
        assert_eq!(rows, uids, "{table}");
    }

    // The schedule replays the first attempts in order: wrong-size answered twice (40, 80).
    let card = store
        .schedule_entry("complaint/wrong-size")
        .unwrap()
        .unwrap();
    assert_eq!(
        (card.reps, card.last_total, card.last_review),
        (2, 80, 1_700_100_200)
    );
    assert_eq!(
        store
            .schedule_entry("stress/pressure")
            .unwrap()
            .unwrap()
            .reps,
        1
    );
    assert_eq!(store.schedule().unwrap().len(), 2);

    // Marks from the readable main scorecards (not the follow-up, not the broken card).
    let marks = store.mark_tallies(&HistoryFilter::default()).unwrap();
    let apology = marks.iter().find(|m| m.name == "致歉").unwrap();
    assert_eq!((apology.asked, apology.missed), (2, 1));
    let p = progress::compute(
        &store.progress_rows(&HistoryFilter::default()).unwrap(),
        &marks,
        |_| None,
    );
    assert_eq!(p.sessions.len(), 2);
    assert_eq!(p.missing_sections[0].missed, 2);

    // The old rows are all still there, and the filters work on them.
    let bank = HistoryFilter {
        bank: Some("stress".into()),
        ..HistoryFilter::default()
    };
    assert_eq!(store.history(&bank).unwrap().len(), 1);
    let old = store.session(SessionId(1)).unwrap().unwrap();
    assert_eq!(old.answers[0].followups.len(), 1);
    assert_eq!(store.latest_draft().unwrap().unwrap().text, "草稿");
    // The broken scorecard is still reported, not hidden.
    assert!(store.session(SessionId(2)).is_err());
}

#[test]
fn a_store_stopped_at_each_schema_opens_and_takes_new_answers() {
    for stop in 1..latest() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("mianba.db");
        {
            let mut conn = rusqlite::Connection::open(&file).unwrap();
            mianba::store::migrations::migrate_to(&mut conn, stop).unwrap();
            assert_eq!(version(&conn).unwrap(), stop);
        }
        let store = Store::open(dir.path()).unwrap();
        let s = store
            .create_session(&mianba::store::NewSession {
                started_at: 1,
                mode: mianba::session::Mode::Practice,
                preset: None,
                seed: 0,
                banks: vec![],
                lang: "en".into(),
            })
            .unwrap();
        let card: mianba::scoring::Scorecard =
            serde_json::from_str(&card("a/b", 60, true)).unwrap();
        store
            .save_answer(&mianba::store::NewAnswer {
                session_id: s,
                parent: None,
                question_id: "a/b",
                followup: None,
                bank_id: "a",
                category: "b",
                prompt: "p",
                answer_text: "t",
                seconds_used: 1,
                attempt: 1,
                scorecard: &card,
                mode: mianba::session::Mode::Practice,
                created_at: 1,
            })
            .unwrap();
        assert_eq!(store.schedule().unwrap().len(), 1, "from schema {stop}");
        assert!(store.backup().unwrap().sessions[0].uid.len() == 32);
    }
}

#[test]
fn two_programs_creating_a_store_at_the_same_moment_both_open_it() {
    // Switching a new store to WAL takes a lock SQLite does not wait for; without a retry about
    // a third of these rounds failed with "database is locked".
    for _ in 0..20 {
        let dir = tempfile::tempdir().unwrap();
        let barrier = std::sync::Barrier::new(2);
        std::thread::scope(|scope| {
            let opened: Vec<_> = (0..2)
                .map(|_| {
                    let (dir, barrier) = (dir.path(), &barrier);
                    scope.spawn(move || {
                        barrier.wait();
                        Store::open(dir).map(|s| s.sessions().map(|l| l.len()))
                    })
                })
                .collect();
            for h in opened {
                assert_eq!(h.join().unwrap().unwrap().unwrap(), 0);
            }
        });
    }
}
