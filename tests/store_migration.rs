//! A store written with schema 1 opens in this mianba with nothing lost.
// Test code: a failed unwrap, expect or panic is the test failing, said where it fails.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use mianba::store::migrations::{MIGRATIONS, latest, version};
use mianba::store::{SessionId, Store};

/// Builds a schema-1 store the way the first mianba left it, with one session, a main answer,
/// a follow-up and a draft.
fn write_v1_store(file: &std::path::Path) {
    let conn = rusqlite::Connection::open(file).unwrap();
    conn.execute_batch(MIGRATIONS[0]).unwrap();
    conn.pragma_update(None, "user_version", 1).unwrap();
    let card = r#"{"question":"complaint/wrong-size","total":72,"content":70,"structure":67,
        "delivery":80,"points":[],"missing_required":[],"avoid":[],"sections":[],
        "order_ok":true,"chars":150,"fillers":0,"feedback":[]}"#;
    conn.execute_batch(&format!(
        "INSERT INTO sessions VALUES (1, 1700000000, 1700000600, 'exam', 'civil-service', -1,
             '[\"structured\"]', 'zh');
         INSERT INTO answers VALUES (1, 1, NULL, 'complaint/wrong-size', NULL, 'complaint',
             'complaint', '题目', '我的回答', 140, 72, 70, 67, 80, '{card}', 'exam', 1700000200);
         INSERT INTO answers VALUES (2, 1, 1, 'complaint/wrong-size', 0, 'complaint',
             'complaint', '追问', '追问的回答', 50, 72, 70, 67, 80, '{card}', 'exam', 1700000300);
         INSERT INTO drafts VALUES ('1:complaint/late', 1, 'complaint/late', '没写完的', 1700000400);"
    ))
    .unwrap();
}

#[test]
fn a_schema_1_store_is_migrated_and_keeps_every_row() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("mianba.db");
    write_v1_store(&file);

    let store = Store::open(dir.path()).unwrap();
    {
        let conn = rusqlite::Connection::open(&file).unwrap();
        assert_eq!(version(&conn).unwrap(), latest());
        assert!(latest() >= 2, "there is a migration after schema 1 to test");
    }
    let list = store.sessions().unwrap();
    assert_eq!(list.len(), 1);
    let s = &list[0];
    assert_eq!(s.seed, u64::MAX, "-1 is the bit pattern of u64::MAX");
    assert_eq!(s.preset.as_deref(), Some("civil-service"));
    assert_eq!((s.questions, s.average_total), (1, Some(72.0)));

    let detail = store.session(SessionId(1)).unwrap().unwrap();
    assert_eq!(detail.answers.len(), 1);
    let main = &detail.answers[0];
    assert_eq!(main.attempt, 1, "old answers count as first attempts");
    assert_eq!(main.answer_text, "我的回答");
    assert_eq!(main.scorecard.total, 72);
    assert_eq!(main.followups.len(), 1);
    assert_eq!(main.followups[0].answer_text, "追问的回答");

    let draft = store.latest_draft().unwrap().unwrap();
    assert_eq!((draft.text.as_str(), draft.followup), ("没写完的", None));

    // The migrated store takes new data and opens again without migrating twice.
    store
        .save_draft(&mianba::store::Draft {
            text: "写完了".into(),
            ..draft
        })
        .unwrap();
    drop(store);
    let again = Store::open(dir.path()).unwrap();
    assert_eq!(again.latest_draft().unwrap().unwrap().text, "写完了");
    assert_eq!(again.sessions().unwrap().len(), 1);
}

#[test]
fn two_programs_opening_an_old_store_at_once_migrate_it_once() {
    let dir = tempfile::tempdir().unwrap();
    write_v1_store(&dir.path().join("mianba.db"));
    let barrier = std::sync::Barrier::new(2);
    std::thread::scope(|scope| {
        let handles: Vec<_> = (0..2)
            .map(|_| {
                let (dir, barrier) = (dir.path(), &barrier);
                scope.spawn(move || {
                    barrier.wait();
                    Store::open(dir).map(|_| ())
                })
            })
            .collect();
        for h in handles {
            h.join().unwrap().unwrap();
        }
    });
    let store = Store::open(dir.path()).unwrap();
    assert_eq!(
        store.session(SessionId(1)).unwrap().unwrap().answers.len(),
        1
    );
}
