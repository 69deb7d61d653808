//! The SQLite store: round trips, drafts, damaged files left untouched, concurrent writers.
// Test code: a failed unwrap, expect or panic is the test failing, said where it fails.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;
use std::sync::Barrier;

use mianba::scoring::Scorecard;
use mianba::session::Mode;
use mianba::store::{Draft, NewAnswer, NewSession, SessionId, Store, StoreError};

fn card(question: &str, total: u8) -> Scorecard {
    serde_json::from_value(serde_json::json!({
        "question": question, "total": total, "content": total / 2, "structure": 60,
        "delivery": 90,
        "points": [{ "name": "致歉", "hit": true, "required": true, "weight": 2,
                     "matched": "抱歉", "at": [0, 2] }],
        "missing_required": [], "avoid": [], "sections": [], "order_ok": true,
        "chars": 120, "fillers": 1, "feedback": ["先致歉，再核实。"]
    }))
    .unwrap()
}

fn new_session(started_at: i64, seed: u64) -> NewSession {
    NewSession {
        started_at,
        mode: Mode::Practice,
        preset: None,
        seed,
        banks: vec!["complaint".into(), "stress".into()],
        lang: "zh".into(),
    }
}

fn answer<'a>(
    session_id: SessionId,
    question_id: &'a str,
    text: &'a str,
    scorecard: &'a Scorecard,
) -> NewAnswer<'a> {
    NewAnswer {
        session_id,
        parent: None,
        question_id,
        followup: None,
        bank_id: "complaint",
        category: "complaint",
        prompt: "客户收到商品后发现尺码不合适，要求换货。你会如何处理？",
        answer_text: text,
        seconds_used: 95,
        attempt: 1,
        scorecard,
        mode: Mode::Practice,
        created_at: 1_700_000_100,
    }
}

#[test]
fn a_session_round_trips_with_followups_under_their_parent_and_retries_counted_once() {
    let store = Store::open_in_memory().unwrap();
    let older = store
        .create_session(&new_session(1_700_000_000, 7))
        .unwrap();
    let s = store
        .create_session(&new_session(1_700_000_500, u64::MAX))
        .unwrap();

    let c1 = card("complaint/wrong-size", 40);
    let first = store
        .save_answer(&answer(s, "complaint/wrong-size", "您好，抱歉……", &c1))
        .unwrap();
    let c2 = card("complaint/wrong-size", 80);
    let retry = store
        .save_answer(&NewAnswer {
            attempt: 2,
            ..answer(
                s,
                "complaint/wrong-size",
                "您好，非常抱歉给您带来不便。",
                &c2,
            )
        })
        .unwrap();
    let cf = card("complaint/wrong-size", 55);
    let follow = store
        .save_answer(&NewAnswer {
            parent: Some(retry),
            followup: Some(0),
            prompt: "如果客户仍然不满意呢？",
            ..answer(s, "complaint/wrong-size", "我会请主管协助。", &cf)
        })
        .unwrap();
    let c3 = card("complaint/late", 60);
    store
        .save_answer(&answer(s, "complaint/late", "先核实物流。", &c3))
        .unwrap();
    assert!(store.finish_session(s, 1_700_001_000).unwrap());
    assert!(!store.finish_session(SessionId(999), 1).unwrap());

    let list = store.sessions().unwrap();
    assert_eq!(
        list.iter().map(|x| x.id).collect::<Vec<_>>(),
        vec![s, older],
        "newest first"
    );
    let top = &list[0];
    assert_eq!(
        top.questions, 2,
        "a retry and a follow-up are not new questions"
    );
    // The last attempt at each question: (80 + 60) / 2; the follow-up's 55 is not included.
    assert_eq!(top.average_total, Some(70.0));
    assert_eq!(top.seed, u64::MAX, "a seed above i64::MAX survives");
    assert_eq!(top.finished_at, Some(1_700_001_000));
    assert_eq!(top.banks, vec!["complaint", "stress"]);
    assert_eq!(list[1].questions, 0);
    assert_eq!(list[1].average_total, None);
    assert_eq!(list[1].finished_at, None);

    let detail = store.session(s).unwrap().unwrap();
    assert_eq!(detail.summary, *top);
    let ids: Vec<_> = detail.answers.iter().map(|a| a.id).collect();
    assert_eq!(ids.len(), 3, "{ids:?}");
    assert_eq!(ids[0], first);
    assert_eq!(ids[1], retry);
    assert!(detail.answers[0].followups.is_empty());
    assert_eq!(detail.answers[1].followups.len(), 1);
    let f = &detail.answers[1].followups[0];
    assert_eq!(
        (f.id, f.parent, f.followup, f.total),
        (follow, Some(retry), Some(0), 55)
    );
    assert_eq!(f.prompt, "如果客户仍然不满意呢？");
    assert_eq!(detail.answers[1].attempt, 2);
    assert_eq!(
        detail.answers[1].answer_text,
        "您好，非常抱歉给您带来不便。"
    );
    assert_eq!(
        detail.answers[1].scorecard, c2,
        "the scorecard comes back whole"
    );
    assert_eq!(detail.answers[1].content, 40);
    assert_eq!(detail.answers[2].question_id, "complaint/late");
    assert!(store.session(SessionId(12345)).unwrap().is_none());
}

#[test]
fn an_answer_for_a_missing_session_is_refused() {
    let store = Store::open_in_memory().unwrap();
    let c = card("complaint/wrong-size", 50);
    let err = store
        .save_answer(&answer(SessionId(42), "complaint/wrong-size", "x", &c))
        .unwrap_err();
    assert!(matches!(err, StoreError::Sqlite { .. }), "{err}");
}

fn draft(key: &str, text: &str, at: i64) -> Draft {
    Draft {
        key: key.into(),
        session_id: Some(SessionId(1)),
        question_id: "complaint/wrong-size".into(),
        followup: None,
        text: text.into(),
        updated_at: at,
    }
}

#[test]
fn drafts_are_upserted_and_the_latest_one_is_offered_back() {
    let dir = tempfile::tempdir().unwrap();
    let key = Draft::key_for(Some(SessionId(1)), "complaint/wrong-size", None);
    assert_eq!(key, "1:complaint/wrong-size");
    assert_eq!(
        Draft::key_for(None, "complaint/wrong-size", Some(2)),
        "-:complaint/wrong-size#2"
    );
    {
        let store = Store::open(dir.path()).unwrap();
        assert_eq!(store.latest_draft().unwrap(), None);
        store.save_draft(&draft("a", "您好", 100)).unwrap();
        store.save_draft(&draft("b", "别的题", 100)).unwrap();
        // Same second as "b": the later save still wins.
        store.save_draft(&draft("a", "您好，抱歉", 100)).unwrap();
        let d = Draft {
            followup: Some(1),
            ..draft("c", "追问的草稿", 99)
        };
        store.save_draft(&d).unwrap();
    }
    // A new process (a restart after a crash) sees what was saved.
    let store = Store::open(dir.path()).unwrap();
    assert_eq!(
        store.latest_draft().unwrap(),
        Some(draft("a", "您好，抱歉", 100))
    );
    store.clear_draft("a").unwrap();
    assert_eq!(
        store.latest_draft().unwrap(),
        Some(draft("b", "别的题", 100))
    );
    store.clear_draft("b").unwrap();
    let c = store.latest_draft().unwrap().unwrap();
    assert_eq!((c.followup, c.text.as_str()), (Some(1), "追问的草稿"));
    store.clear_draft("c").unwrap();
    assert_eq!(store.latest_draft().unwrap(), None);
}

#[test]
fn the_data_folder_is_created_and_the_store_reopens_with_its_data() {
    let dir = tempfile::tempdir().unwrap();
    let nested = dir.path().join("a").join("b");
    let id = {
        let store = Store::open(&nested).unwrap();
        assert_eq!(store.path(), nested.join("mianba.db"));
        store.create_session(&new_session(5, 9)).unwrap()
    };
    let store = Store::open(&nested).unwrap();
    assert_eq!(store.sessions().unwrap()[0].id, id);
}

fn assert_damaged_and_untouched(dir: &Path, before: &[u8]) {
    let file = dir.join("mianba.db");
    let err = Store::open(dir).unwrap_err();
    assert!(matches!(err, StoreError::Damaged { .. }), "{err:?}");
    let msg = err.to_string();
    assert!(msg.contains(&file.display().to_string()), "{msg}");
    assert!(msg.contains("move it aside"), "{msg}");
    assert_eq!(
        std::fs::read(&file).unwrap(),
        before,
        "the file was modified"
    );
    // A second attempt changes nothing either.
    assert!(Store::open(dir).is_err());
    assert_eq!(std::fs::read(&file).unwrap(), before);
    // Nothing was created next to it either: moving the one file aside is the whole fix.
    let names: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, ["mianba.db"]);
}

#[test]
fn a_file_that_is_not_sqlite_is_reported_and_never_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let bytes = "这不是数据库，是我的笔记。\nnot a database\n"
        .repeat(200)
        .into_bytes();
    std::fs::write(dir.path().join("mianba.db"), &bytes).unwrap();
    assert_damaged_and_untouched(dir.path(), &bytes);
}

#[test]
fn a_damaged_store_with_a_write_ahead_log_says_to_move_both() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("mianba.db"), b"garbage, not a database").unwrap();
    let wal = dir.path().join("mianba.db-wal");
    std::fs::write(&wal, b"log").unwrap();
    let msg = Store::open(dir.path()).unwrap_err().to_string();
    assert!(
        msg.contains(&format!("together with {}", wal.display())),
        "{msg}"
    );
    assert_eq!(std::fs::read(&wal).unwrap(), b"log");
}

#[test]
fn a_corrupt_sqlite_store_is_reported_and_never_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    {
        let store = Store::open(dir.path()).unwrap();
        store.create_session(&new_session(1, 1)).unwrap();
    }
    let file = dir.path().join("mianba.db");
    let mut bytes = std::fs::read(&file).unwrap();
    // Keep the 100-byte header valid, wreck the rest of page 1 (the schema).
    for b in &mut bytes[100..4096] {
        *b = 0xA5;
    }
    std::fs::write(&file, &bytes).unwrap();
    assert_damaged_and_untouched(dir.path(), &bytes);
}

#[test]
fn a_store_from_a_newer_mianba_is_refused_and_untouched() {
    let dir = tempfile::tempdir().unwrap();
    drop(Store::open(dir.path()).unwrap());
    let file = dir.path().join("mianba.db");
    {
        let conn = rusqlite::Connection::open(&file).unwrap();
        conn.pragma_update(None, "user_version", 99).unwrap();
    }
    let before = std::fs::read(&file).unwrap();
    let err = Store::open(dir.path()).unwrap_err();
    assert!(
        matches!(err, StoreError::TooNew { found: 99, .. }),
        "{err:?}"
    );
    assert!(err.to_string().contains("update mianba"), "{err}");
    assert_eq!(std::fs::read(&file).unwrap(), before);
}

#[test]
fn two_writers_at_once_lose_nothing() {
    const EACH: usize = 150;
    let dir = tempfile::tempdir().unwrap();
    drop(Store::open(dir.path()).unwrap());
    // Each writer has its own connection, as two mianba processes would.
    let writers: Vec<(i64, Store)> = (0..2)
        .map(|w| (w, Store::open(dir.path()).unwrap()))
        .collect();
    let barrier = Barrier::new(2);
    std::thread::scope(|scope| {
        for (w, store) in writers {
            let barrier = &barrier;
            scope.spawn(move || {
                // Start together; nothing that can fail comes before the barrier.
                barrier.wait();
                let s = store.create_session(&new_session(w, w as u64)).unwrap();
                let c = card("complaint/wrong-size", 70);
                for i in 0..EACH {
                    let text = format!("writer {w} answer {i}");
                    store
                        .save_answer(&answer(s, "complaint/wrong-size", &text, &c))
                        .unwrap();
                    store
                        .save_draft(&draft(&format!("{w}"), &text, i as i64))
                        .unwrap();
                }
            });
        }
    });
    let store = Store::open(dir.path()).unwrap();
    let sessions = store.sessions().unwrap();
    assert_eq!(sessions.len(), 2);
    for s in sessions {
        let detail = store.session(s.id).unwrap().unwrap();
        let texts: Vec<_> = detail
            .answers
            .iter()
            .map(|a| a.answer_text.clone())
            .collect();
        let w = s.started_at;
        let expected: Vec<_> = (0..EACH)
            .map(|i| format!("writer {w} answer {i}"))
            .collect();
        assert_eq!(texts, expected);
    }
    let last = store.latest_draft().unwrap().unwrap();
    assert_eq!(last.updated_at, EACH as i64 - 1);
}

#[test]
fn an_unreadable_scorecard_is_an_error_naming_the_answer_not_a_silent_gap() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let s = store.create_session(&new_session(1, 1)).unwrap();
    let c = card("complaint/wrong-size", 50);
    let id = store
        .save_answer(&answer(s, "complaint/wrong-size", "x", &c))
        .unwrap();
    {
        let conn = rusqlite::Connection::open(dir.path().join("mianba.db")).unwrap();
        conn.execute(
            "UPDATE answers SET scorecard_json = '{broken' WHERE id = ?1",
            [id.0],
        )
        .unwrap();
    }
    let err = store.session(s).unwrap_err();
    assert!(matches!(err, StoreError::Json { .. }), "{err:?}");
    assert!(err.to_string().contains(&format!("answer {id}")), "{err}");
    // The history list does not read scorecards, so it still works.
    assert_eq!(store.sessions().unwrap().len(), 1);
}
