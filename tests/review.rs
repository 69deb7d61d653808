//! Self-review core: history with filters, session detail and re-scoring, progress, insights,
//! and the drill (FSRS schedule, daily limit, weakest).
// Test code: a failed unwrap, expect or panic is the test failing, said where it fails.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod review_support;

use std::path::Path;

use mianba::bank::{BankSet, Language};
use mianba::review::drill::{self, DUE_PRESET, WEAKEST_PRESET, rating_for};
use mianba::review::history::{Rescore, reference, rescore};
use mianba::review::insights::{guess_language, insights, top_words};
use mianba::review::progress;
use mianba::scoring::{Rubric, Scorecard};
use mianba::session::Mode;
use mianba::store::{HistoryFilter, NewAnswer, NewSession, SessionId, Store};
use review_support::Fixture;

const DAY: i64 = 86_400;
const T0: i64 = 1_750_000_000;

fn session(store: &Store, started_at: i64, mode: Mode) -> SessionId {
    store
        .create_session(&NewSession {
            started_at,
            mode,
            preset: None,
            seed: 1,
            banks: vec![],
            lang: "zh".into(),
        })
        .unwrap()
}

/// Saves a main answer to `question` (full id) with a card of the given total.
fn answer(store: &Store, s: SessionId, question: &str, total: u8, at: i64, attempt: u32) {
    let (bank, category) = question.split_once('/').unwrap();
    let card = card(question, total);
    store
        .save_answer(&NewAnswer {
            session_id: s,
            parent: None,
            question_id: question,
            followup: None,
            bank_id: bank,
            category,
            prompt: "题目",
            answer_text: "回答",
            seconds_used: 100,
            attempt,
            scorecard: &card,
            mode: Mode::Practice,
            created_at: at,
        })
        .unwrap();
}

/// A card with one required point (致歉, earned when total ≥ 50) and one section.
fn card(question: &str, total: u8) -> Scorecard {
    serde_json::from_value(serde_json::json!({
        "question": question, "total": total, "content": total, "structure": total / 2,
        "delivery": 80,
        "points": [
            { "name": "致歉", "hit": total >= 50, "required": true, "weight": 2,
              "matched": null, "at": null },
            { "name": "给出时间", "hit": false, "required": false, "weight": 1,
              "matched": null, "at": null }
        ],
        "missing_required": [], "avoid": [],
        "sections": [{ "name": "对策", "found": total >= 70, "at": null },
                     { "name": "总结", "found": false, "at": null, "optional": true }],
        "order_ok": true, "chars": 100, "fillers": 0, "feedback": []
    }))
    .unwrap()
}

#[test]
fn history_is_newest_first_and_filters_by_bank_category_and_mode() {
    let store = Store::open_in_memory().unwrap();
    let a = session(&store, T0, Mode::Practice);
    answer(&store, a, "complaint/late", 60, T0 + 10, 1);
    let b = session(&store, T0 + DAY, Mode::Exam);
    answer(&store, b, "stress/pressure", 80, T0 + DAY + 10, 1);
    answer(&store, b, "complaint/late", 40, T0 + DAY + 20, 1);
    let c = session(&store, T0 + 2 * DAY, Mode::Spoken);
    answer(&store, c, "role/why", 90, T0 + 2 * DAY + 10, 1);

    let ids = |f: &HistoryFilter| -> Vec<SessionId> {
        store.history(f).unwrap().iter().map(|s| s.id).collect()
    };
    assert_eq!(ids(&HistoryFilter::default()), vec![c, b, a]);
    let bank = HistoryFilter {
        bank: Some("complaint".into()),
        ..Default::default()
    };
    assert_eq!(ids(&bank), vec![b, a]);
    let category = HistoryFilter {
        category: Some("pressure".into()),
        ..Default::default()
    };
    assert_eq!(ids(&category), vec![b]);
    let mode = HistoryFilter {
        mode: Some(Mode::Spoken),
        ..Default::default()
    };
    assert_eq!(ids(&mode), vec![c]);
    let both = HistoryFilter {
        bank: Some("complaint".into()),
        mode: Some(Mode::Practice),
        ..Default::default()
    };
    assert_eq!(ids(&both), vec![a]);
    assert_eq!(store.history_count(&bank).unwrap(), 2);

    let b_line = &store.history(&category).unwrap()[0];
    assert_eq!((b_line.questions, b_line.average_total), (2, Some(60.0)));
    // A page is a window of the same order; `sessions()` is the unfiltered list.
    let page = store.history_page(&HistoryFilter::default(), 1, 1).unwrap();
    assert_eq!(page.iter().map(|s| s.id).collect::<Vec<_>>(), vec![b]);
    assert_eq!(
        store.sessions().unwrap(),
        store.history(&HistoryFilter::default()).unwrap()
    );
}

/// A bank of our own, written to `dir`, whose one question rewards `phrase` as 致歉.
fn bank_dir(dir: &Path, phrase: &str) -> BankSet {
    std::fs::write(
        dir.join("review.toml"),
        format!(
            r#"schema = 1
[bank]
id = "review-test"
title = "复盘测试"
language = "zh"

[[questions]]
id = "sorry"
category = "complaint"
prompt = "客户收到的商品有破损，你怎么回应？"
reference = "非常抱歉，我马上为您补发。"

  [[questions.points]]
  name = "致歉"
  any = ["{phrase}"]
  required = true

  [[questions.points]]
  name = "补发"
  any = ["补发", "重新发货"]

  [[questions.followups]]
  prompt = "客户还是不满意怎么办？"
    [[questions.followups.points]]
    name = "升级"
    any = ["主管", "升级"]
"#
        ),
    )
    .unwrap();
    let set = BankSet::load(&[dir.to_path_buf()], None);
    assert!(set.problems.is_empty(), "{:?}", set.problems);
    set
}

/// A first answer to `review-test/sorry`, given at T0 in the card's time.
fn sorry<'a>(
    s: SessionId,
    prompt: &'a str,
    text: &'a str,
    card: &'a Scorecard,
    mode: Mode,
) -> NewAnswer<'a> {
    NewAnswer {
        session_id: s,
        parent: None,
        question_id: "review-test/sorry",
        followup: None,
        bank_id: "review-test",
        category: "complaint",
        prompt,
        answer_text: text,
        seconds_used: card.seconds.unwrap_or(0),
        attempt: 1,
        scorecard: card,
        mode,
        created_at: T0,
    }
}

#[test]
fn rescoring_gives_old_and_new_cards_and_says_when_the_question_is_gone() {
    let dir = tempfile::tempdir().unwrap();
    let before = bank_dir(dir.path(), "抱歉");
    let (bank, q) = before.find_question("review-test/sorry").unwrap();
    let text = "非常抱歉给您添麻烦了，我马上为您补发一件新的，今天就发出。";
    let card = Rubric::compile(bank, q).score(text, Some(60));
    let follow_text = "我会请主管来处理，并升级这个问题。";
    let follow_card = Rubric::for_followup(bank, q, &q.followups[0]).score(follow_text, Some(30));
    assert!(card.points[0].hit && follow_card.points[0].hit);

    let store = Store::open_in_memory().unwrap();
    let s = session(&store, T0, Mode::Practice);
    let base = sorry(s, &q.prompt, text, &card, Mode::Practice);
    let main = store.save_answer(&base).unwrap();
    store
        .save_answer(&NewAnswer {
            parent: Some(main),
            followup: Some(0),
            answer_text: follow_text,
            scorecard: &follow_card,
            ..base
        })
        .unwrap();
    let detail = store.session(s).unwrap().unwrap();
    let saved = &detail.answers[0];
    assert_eq!(saved.scorecard, card, "the card is read back as saved");

    // Same banks: today's rubric gives the very same cards.
    match rescore(&before, saved) {
        Rescore::Rescored { old, new } => assert_eq!(old, new),
        other => panic!("expected a re-score, got {other:?}"),
    }
    assert_eq!(
        rescore(&before, &saved.followups[0]).new_card(),
        Some(&follow_card)
    );
    assert_eq!(
        reference(&before, saved),
        Some("非常抱歉，我马上为您补发。")
    );

    // The bank changed: 致歉 now needs 负荆请罪, which the answer never said.
    let after = bank_dir(dir.path(), "负荆请罪");
    let r = rescore(&after, saved);
    assert_eq!(r.old(), &card);
    let new = r.new_card().unwrap();
    assert!(!new.points[0].hit);
    assert!(new.total < card.total, "{} < {}", new.total, card.total);
    assert_eq!(new.missing_required, vec!["致歉".to_string()]);

    // The bank is gone: a clear result, not an error.
    let gone = rescore(&BankSet::bundled(), saved);
    assert_eq!(gone, Rescore::NoLongerInAnyBank { old: card.clone() });
    assert_eq!(
        serde_json::to_value(&gone).unwrap()["status"],
        "no-longer-in-any-bank"
    );
}

#[test]
fn a_spoken_answer_is_rescored_from_its_checklist() {
    let dir = tempfile::tempdir().unwrap();
    let banks = bank_dir(dir.path(), "抱歉");
    let (bank, q) = banks.find_question("review-test/sorry").unwrap();
    let rubric = Rubric::compile(bank, q);
    let sections = vec![true; rubric.section_names().len()];
    let card = rubric.score_checklist(&[false, true], &sections, Some(90));
    let store = Store::open_in_memory().unwrap();
    let s = session(&store, T0, Mode::Spoken);
    store
        .save_answer(&sorry(s, &q.prompt, "", &card, Mode::Spoken))
        .unwrap();
    let saved = store.session(s).unwrap().unwrap().answers.remove(0);
    let r = rescore(&banks, &saved);
    assert_eq!(
        r.new_card(),
        Some(&card),
        "same ticks, same rubric, same card"
    );
    // Scored from its (empty) text instead, it would have earned nothing.
    assert_ne!(rubric.score("", Some(90)).total, card.total);
}

#[test]
fn progress_gives_series_categories_time_and_the_points_missed_most() {
    let store = Store::open_in_memory().unwrap();
    let a = session(&store, T0, Mode::Practice);
    answer(&store, a, "complaint/late", 40, T0 + 1, 1);
    // A retry: only the last attempt counts for the session's point.
    answer(&store, a, "complaint/late", 60, T0 + 2, 2);
    answer(&store, a, "stress/pressure", 80, T0 + 3, 1);
    let b = session(&store, T0 + DAY, Mode::Exam);
    answer(&store, b, "complaint/late", 90, T0 + DAY + 1, 1);

    let rows = store.progress_rows(&HistoryFilter::default()).unwrap();
    // The retried question counts once, with its last attempt.
    assert_eq!(rows.len(), 3);
    assert!(rows.iter().all(|r| r.total != 40));
    let marks = store.mark_tallies(&HistoryFilter::default()).unwrap();
    // complaint/late has a 120 s limit, the other question is gone.
    let p = progress::compute(&rows, &marks, |r| {
        (r.question_id == "complaint/late").then_some(120)
    });
    assert_eq!(p.sessions.len(), 2);
    assert_eq!(p.sessions[0].session_id, a);
    assert_eq!(p.sessions[0].scores.answers, 2);
    assert_eq!(p.sessions[0].scores.total, 70.0);
    assert_eq!(p.sessions[0].scores.content, 70.0);
    assert_eq!(p.sessions[0].scores.structure, 35.0);
    assert_eq!(p.sessions[1].scores.total, 90.0);
    assert_eq!(p.sessions[0].seconds_used, 200);
    assert_eq!(p.sessions[0].time_share, Some(100.0 / 120.0));

    let cats: Vec<(&str, usize, f64)> = p
        .categories
        .iter()
        .map(|c| (c.category.as_str(), c.scores.answers, c.scores.total))
        .collect();
    assert_eq!(cats, vec![("late", 2, 75.0), ("pressure", 1, 80.0)]);

    // 给出时间 is never earned (4 of 4); 致歉 is missed once (the 40); 总结 is optional.
    let missed: Vec<(&str, u32, u32)> = p
        .missed_points
        .iter()
        .map(|m| (m.name.as_str(), m.missed, m.asked))
        .collect();
    assert_eq!(missed, vec![("给出时间", 4, 4), ("致歉", 1, 4)]);
    let sections: Vec<(&str, u32)> = p
        .missing_sections
        .iter()
        .map(|m| (m.name.as_str(), m.missed))
        .collect();
    assert_eq!(sections, vec![("对策", 2)]);

    // Filtered by mode, only the exam session's answer counts.
    let exam = HistoryFilter {
        mode: Some(Mode::Exam),
        ..Default::default()
    };
    let p = progress::compute(
        &store.progress_rows(&exam).unwrap(),
        &store.mark_tallies(&exam).unwrap(),
        |_| None,
    );
    assert_eq!(p.sessions.len(), 1);
    assert_eq!(p.sessions[0].time_share, None);
    assert_eq!(p.missed_points[0].asked, 1);
    assert!(p.missing_sections.is_empty());
}

#[test]
fn progress_over_real_scorecards_matches_a_direct_count() {
    let fx = Fixture::bundled();
    let store = Store::open_in_memory().unwrap();
    fx.fill(&store, 40, 7, T0);
    let p = progress::load(&store, &HistoryFilter::default(), &fx.banks).unwrap();
    assert_eq!(p.sessions.len(), 40);
    // Count misses of the most missed point straight from the saved scorecards.
    let top = &p.missed_points[0];
    let mut missed = 0;
    let mut asked = 0;
    for s in store.sessions().unwrap() {
        for a in store.session(s.id).unwrap().unwrap().answers {
            for pt in a.scorecard.points.iter().filter(|pt| pt.name == top.name) {
                asked += 1;
                missed += u32::from(!pt.hit);
            }
        }
    }
    assert_eq!((top.missed, top.asked), (missed, asked));
    assert!(
        p.missed_points
            .windows(2)
            .all(|w| w[0].missed >= w[1].missed)
    );
    // Every session of the fixture lasts within its limits' range.
    assert!(p.sessions.iter().all(|s| s.time_share.is_some()));
}

#[test]
fn insights_list_points_words_fillers_and_enumeration() {
    let text = "嗯，首先我会向客户道歉，那个，然后核实订单。其次，我会给客户补发商品，\
                补发之后再回访客户。那个时候客户一般都满意。最后总结经验。";
    let card: Scorecard = serde_json::from_value(serde_json::json!({
        "question": "x/y", "total": 70, "content": 70, "structure": 70, "delivery": 70,
        "points": [
            { "name": "致歉", "hit": true, "required": true, "weight": 2,
              "matched": "道歉", "at": [10, 12] },
            { "name": "时间", "hit": false, "required": false, "weight": 1,
              "matched": null, "at": null },
            { "name": "补偿", "hit": false, "required": true, "weight": 1,
              "matched": null, "at": null, "hint": "送您一张优惠券。" }
        ],
        "missing_required": ["补偿"], "avoid": [], "sections": [], "order_ok": true,
        "chars": 60, "fillers": 2, "feedback": []
    }))
    .unwrap();
    let ins = insights(text, &card, Language::Zh);
    assert_eq!(ins.covered.len(), 1);
    assert_eq!(ins.covered[0].matched.as_deref(), Some("道歉"));
    let missed: Vec<&str> = ins.missed.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(missed, vec!["补偿", "时间"], "required misses first");
    assert_eq!(ins.missed[0].hint.as_deref(), Some("送您一张优惠券。"));

    // 客户 ×4 leads, 补发 ×2 next; stop words (我会, 然后), single characters and fillers never.
    assert_eq!(ins.top_words[0].word, "客户");
    assert_eq!(ins.top_words[0].count, 4);
    assert!(
        ins.top_words
            .iter()
            .any(|w| w.word == "补发" && w.count == 2)
    );
    for w in &ins.top_words {
        assert!(w.word.chars().count() > 1, "{w:?}");
        assert!(
            !["然后", "那个", "我们", "之后"].contains(&w.word.as_str()),
            "{w:?}"
        );
    }
    // 嗯 and one 那个 are fillers; 那个时候 is not.
    let fillers: Vec<(&str, usize)> = ins
        .fillers
        .iter()
        .map(|f| (f.word.as_str(), f.count))
        .collect();
    assert_eq!(fillers, vec![("嗯", 1), ("那个", 1)]);
    let marks: Vec<&str> = ins.enumerations.iter().map(|m| m.word.as_str()).collect();
    assert_eq!(marks, vec!["首先", "然后", "其次", "最后"]);
    let chars: Vec<char> = text.chars().collect();
    for m in &ins.enumerations {
        let at: String = chars[m.at..m.at + m.word.chars().count()].iter().collect();
        assert_eq!(at, m.word, "offsets are in characters");
    }
}

#[test]
fn english_insights_split_words_and_match_whole_fillers() {
    let text = "Um, first I apologise to the customer. Like, the customer's parcel was late; \
                second, I refund the customer. Finally I follow up. I'd like to help.";
    let words = top_words(text, Language::En, 3);
    assert_eq!(words[0].word, "customer");
    assert_eq!(words[0].count, 3);
    assert!(words.iter().all(|w| w.word != "the" && w.word != "i"));
    let card: Scorecard = serde_json::from_value(serde_json::json!({
        "question": "x/y", "total": 70, "content": 70, "structure": 70, "delivery": 70,
        "points": [], "missing_required": [], "avoid": [], "sections": [], "order_ok": true,
        "chars": 60, "fillers": 2, "feedback": []
    }))
    .unwrap();
    let ins = insights(text, &card, guess_language(text));
    let fillers: Vec<&str> = ins.fillers.iter().map(|f| f.word.as_str()).collect();
    assert!(fillers.contains(&"um"), "{fillers:?}");
    assert!(ins.enumerations.iter().any(|m| m.word == "first"));
    assert_eq!(guess_language("客户 ok"), Language::Zh);
}

#[test]
fn the_drill_rating_follows_the_score() {
    use rs_fsrs::Rating;
    assert_eq!(rating_for(0), Rating::Again);
    assert_eq!(rating_for(49), Rating::Again);
    assert_eq!(rating_for(50), Rating::Hard);
    assert_eq!(rating_for(69), Rating::Hard);
    assert_eq!(rating_for(70), Rating::Good);
    assert_eq!(rating_for(84), Rating::Good);
    assert_eq!(rating_for(85), Rating::Easy);
    assert_eq!(rating_for(100), Rating::Easy);
}

#[test]
fn saving_an_answer_schedules_its_question_and_good_answers_come_back_later() {
    let store = Store::open_in_memory().unwrap();
    let s = session(&store, T0, Mode::Practice);
    answer(&store, s, "complaint/late", 30, T0, 1);
    answer(&store, s, "stress/pressure", 95, T0, 1);
    let weak = store.schedule_entry("complaint/late").unwrap().unwrap();
    let strong = store.schedule_entry("stress/pressure").unwrap().unwrap();
    assert_eq!((weak.reps, weak.last_total, weak.last_review), (1, 30, T0));
    assert!(
        weak.due > T0 && weak.due <= T0 + 2 * DAY,
        "Again: back within a day or so"
    );
    assert!(strong.due > weak.due + DAY, "Easy: much later");

    // A retry in the same session does not move the card; a follow-up neither.
    answer(&store, s, "complaint/late", 100, T0 + 60, 2);
    assert_eq!(
        store.schedule_entry("complaint/late").unwrap().unwrap(),
        weak
    );

    assert_eq!(store.due_count(T0).unwrap(), 0);
    assert_eq!(store.due_count(weak.due).unwrap(), 1);
    assert_eq!(store.due_count(strong.due).unwrap(), 2);
    let due = store.due(strong.due, 10).unwrap();
    assert_eq!(due[0].question_id, "complaint/late", "most overdue first");

    // Reviewing it well pushes it further than the first interval.
    let s2 = session(&store, weak.due, Mode::Practice);
    answer(&store, s2, "complaint/late", 90, weak.due, 1);
    let again = store.schedule_entry("complaint/late").unwrap().unwrap();
    assert_eq!(again.reps, 2);
    assert!(again.due - weak.due > weak.due - T0);
    assert_eq!(store.reviewed_since(weak.due).unwrap(), 1);
    assert_eq!(store.reviewed_since(weak.due + 1).unwrap(), 0);
}

#[test]
fn the_next_review_is_pure_and_never_goes_back_in_time() {
    let first = drill::next_review(None, "a/b", 60, T0);
    assert_eq!(first, drill::next_review(None, "a/b", 60, T0));
    // An answer dated before the last review counts as given at it.
    let earlier = drill::next_review(Some(&first), "a/b", 60, T0 - DAY);
    assert_eq!(earlier.last_review, T0);
    assert!(earlier.due >= first.due);
}

/// A store with one practice session, and the ids of the first `n` bundled questions.
fn practised(fx: &Fixture, n: usize) -> (Store, SessionId, Vec<&str>) {
    let store = Store::open_in_memory().unwrap();
    let s = session(&store, T0, Mode::Practice);
    let ids = fx
        .questions
        .iter()
        .take(n)
        .map(|p| p.full_id.as_str())
        .collect();
    (store, s, ids)
}

#[test]
fn the_daily_limit_caps_the_drill_and_gone_questions_are_left_out() {
    let fx = Fixture::bundled();
    let (store, s, q) = practised(&fx, 6);
    for id in &q {
        answer(&store, s, id, 30, T0, 1);
    }
    answer(&store, s, "gone-bank/old", 10, T0, 1);
    let now = T0 + 3 * DAY;
    let day = now - 3600;
    assert_eq!(store.daily_limit().unwrap(), 20);
    assert_eq!(store.due_count(now).unwrap(), 7);

    let (d, cards) = drill::due_drill_with_cards(&store, &fx.banks, now, 20).unwrap();
    assert_eq!(drill::due_drill(&store, &fx.banks, now, day).unwrap(), d);
    assert_eq!(d.plan.questions.len(), 6);
    assert_eq!(cards.len(), 6);
    assert!(cards.iter().all(|c| c.last_total == 30 && c.due <= now));
    assert_eq!(d.gone, vec!["gone-bank/old".to_string()]);
    assert_eq!(d.plan.preset.as_deref(), Some(DUE_PRESET));
    assert_eq!(d.plan.questions[0].full_id(), q[0].to_string());

    store.set_daily_limit(4).unwrap();
    assert_eq!(drill::due_today(&store, &fx.banks, now, day).unwrap(), 4);
    // Two reviews today leave two of the limit.
    let s2 = session(&store, now, Mode::Practice);
    answer(&store, s2, q[0], 90, now, 1);
    answer(&store, s2, q[1], 90, now, 1);
    assert_eq!(drill::remaining_today(&store, 4, day).unwrap(), 2);
    assert_eq!(drill::due_today(&store, &fx.banks, now, day).unwrap(), 2);
    // Tomorrow the limit starts again.
    assert_eq!(drill::remaining_today(&store, 4, now + DAY).unwrap(), 4);
}

#[test]
fn counting_the_due_questions_parses_no_bank() {
    // The home screen's due count comes before the first frame (issue 15): it must not parse
    // the banks the due questions come from, and it counts what a parsed set counts.
    let fx = Fixture::bundled();
    let (store, s, q) = practised(&fx, 3);
    for id in &q {
        answer(&store, s, id, 30, T0, 1);
    }
    answer(&store, s, "complaint/no-such-question", 30, T0, 1);
    let now = T0 + 3 * DAY;
    let banks = BankSet::bundled();
    assert_eq!(
        drill::due_today(&store, &banks, now, now - 3600).unwrap(),
        3
    );
    assert!(banks.banks.iter().all(|b| !b.questions.is_parsed()));
    assert_eq!(
        drill::due_today(&store, &fx.banks, now, now - 3600).unwrap(),
        3
    );
    let d = drill::due_drill(&store, &banks, now, now - 3600).unwrap();
    assert_eq!(
        d,
        drill::due_drill(&store, &fx.banks, now, now - 3600).unwrap()
    );
}

#[test]
fn retry_my_weakest_picks_the_lowest_latest_totals() {
    let fx = Fixture::bundled();
    let (store, s, q) = practised(&fx, 4);
    answer(&store, s, q[0], 20, T0, 1);
    answer(&store, s, q[0], 95, T0 + 1, 2); // improved: latest 95
    answer(&store, s, q[1], 50, T0 + 2, 1);
    answer(&store, s, q[2], 50, T0 + 3, 1);
    answer(&store, s, q[2], 40, T0 + 4, 2); // latest 40
    answer(&store, s, q[3], 70, T0 + 5, 1);
    answer(&store, s, "gone-bank/old", 0, T0 + 6, 1);

    let weak = store.weakest(3).unwrap();
    let ids: Vec<&str> = weak.iter().map(|w| w.question_id.as_str()).collect();
    assert_eq!(ids, vec!["gone-bank/old", q[2], q[1]]);
    assert_eq!(
        (weak[1].latest_total, weak[1].average_total, weak[1].answers),
        (40, 45.0, 2)
    );

    let (d, rows) = drill::weakest_drill(&store, &fx.banks, 3).unwrap();
    let planned: Vec<String> = d.plan.questions.iter().map(|r| r.full_id()).collect();
    assert_eq!(planned, vec![q[2], q[1], q[3]]);
    assert_eq!(rows.len(), 3);
    assert_eq!(rows[2].question_id, q[3]);
    assert_eq!(d.gone, vec!["gone-bank/old".to_string()]);
    assert_eq!(d.plan.preset.as_deref(), Some(WEAKEST_PRESET));
}

#[test]
fn two_writers_saving_answers_to_the_same_question_lose_no_review() {
    let dir = tempfile::tempdir().unwrap();
    Store::open(dir.path()).unwrap();
    let barrier = std::sync::Barrier::new(2);
    std::thread::scope(|scope| {
        for w in 0..2 {
            let (dir, barrier) = (dir.path(), &barrier);
            scope.spawn(move || {
                let store = Store::open(dir).unwrap();
                barrier.wait();
                for i in 0..40 {
                    let s = session(&store, T0 + i, Mode::Practice);
                    answer(&store, s, "shared/question", 60, T0 + i * DAY, 1);
                    answer(&store, s, &format!("own/q{w}"), 80, T0 + i * DAY, 1);
                }
            });
        }
    });
    let store = Store::open(dir.path()).unwrap();
    assert_eq!(store.sessions().unwrap().len(), 80);
    // Every save was a read-modify-write of the card: none was lost.
    assert_eq!(
        store
            .schedule_entry("shared/question")
            .unwrap()
            .unwrap()
            .reps,
        80
    );
    assert_eq!(store.schedule_entry("own/q0").unwrap().unwrap().reps, 40);
    let marks = store.mark_tallies(&HistoryFilter::default()).unwrap();
    assert_eq!(marks.iter().find(|m| m.name == "致歉").unwrap().asked, 160);
}

/// A session average of 56.5 reads 57 everywhere: the summary's rounding, the history's and
/// the report's are one (half away from zero).
#[test]
fn a_half_point_average_is_rounded_one_way_everywhere() {
    let fx = Fixture::bundled();
    let (store, s, q) = practised(&fx, 2);
    answer(&store, s, q[0], 56, T0, 1);
    answer(&store, s, q[1], 57, T0, 1);
    let detail = store.session(s).unwrap().unwrap();
    assert_eq!(detail.summary.average_total, Some(56.5));
    let md = mianba::review::report::markdown(
        &detail,
        mianba::i18n::Lang::En,
        &mianba::bank::BankSet::bundled(),
    );
    assert!(md.contains("**Average**: 57"), "{md}");
    assert_eq!(mianba::review::shown_average(56.5), 57);
    assert_eq!(mianba::review::shown_average(55.5), 56);
}

/// The README's rule: reviews done today use the daily limit, a question's very first answer
/// (learning it, not reviewing it) does not.
#[test]
fn a_first_answer_leaves_the_daily_limit_and_a_review_uses_it() {
    let fx = Fixture::bundled();
    let (store, s, q) = practised(&fx, 2);
    let day = T0 - 3600;
    answer(&store, s, q[0], 80, T0, 1);
    answer(&store, s, q[1], 80, T0, 1);
    assert_eq!(drill::remaining_today(&store, 20, day).unwrap(), 20);
    let s2 = session(&store, T0 + 60, Mode::Practice);
    answer(&store, s2, q[0], 90, T0 + 60, 1);
    assert_eq!(drill::remaining_today(&store, 20, day).unwrap(), 19);
}
