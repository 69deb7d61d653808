//! Self-review at 10,000 sessions (3–5 really scored answers each, follow-ups and retries):
//! the history screen's first frame (open the store, read the list), the progress aggregates,
//! and the whole `mianba history --json` process. Targets: ≤ 100 ms, ≤ 100 ms, ≤ 300 ms.
//! Also the parts of progress, and what insights on one answer cost.
// Benchmark code: a failed unwrap, expect or panic is the benchmark failing, said where it fails.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[path = "../tests/review_support/mod.rs"]
mod review_support;

use std::process::{Command, Stdio};
use std::time::Instant;

use criterion::{Criterion, criterion_group, criterion_main};
use mianba::review::insights::{guess_language, insights};
use mianba::review::progress;
use mianba::store::{HistoryFilter, Store};
use review_support::Fixture;

const SESSIONS: usize = 10_000;
/// Rows the history screen shows at once (a tall terminal).
const SCREEN_ROWS: usize = 60;

fn benches(c: &mut Criterion) {
    // MIANBA_REVIEW_BENCH_DIR keeps the generated store between runs (generated when empty).
    let temp = tempfile::tempdir().unwrap();
    let kept = std::env::var_os("MIANBA_REVIEW_BENCH_DIR").map(std::path::PathBuf::from);
    let dir = kept.as_deref().unwrap_or(temp.path());
    let fx = Fixture::bundled();
    let started = Instant::now();
    if !dir.join(mianba::store::FILE_NAME).exists() {
        let store = Store::open(dir).unwrap();
        fx.fill(&store, SESSIONS, 42, 1_750_000_000);
    }
    let size = std::fs::metadata(dir.join(mianba::store::FILE_NAME))
        .map(|m| m.len())
        .unwrap_or(0);
    eprintln!(
        "generated {SESSIONS} sessions in {:.1} s ({:.1} MB)",
        started.elapsed().as_secs_f64(),
        size as f64 / 1e6
    );
    let all = HistoryFilter::default();

    c.bench_function("history_first_frame_page", |b| {
        b.iter(|| {
            let store = Store::open(dir).unwrap();
            let page = store.history_page(&all, 0, SCREEN_ROWS).unwrap();
            let count = store.history_count(&all).unwrap();
            assert_eq!((page.len(), count), (SCREEN_ROWS, SESSIONS));
        })
    });
    c.bench_function("history_full_list", |b| {
        let store = Store::open(dir).unwrap();
        b.iter(|| assert_eq!(store.history(&all).unwrap().len(), SESSIONS))
    });
    c.bench_function("history_filtered_by_bank", |b| {
        let store = Store::open(dir).unwrap();
        let complaint = HistoryFilter {
            bank: Some("complaint".into()),
            ..HistoryFilter::default()
        };
        b.iter(|| assert!(!store.history(&complaint).unwrap().is_empty()))
    });
    c.bench_function("progress_aggregates", |b| {
        let store = Store::open(dir).unwrap();
        b.iter(|| {
            let p = progress::load(&store, &all, &fx.banks).unwrap();
            assert_eq!(p.sessions.len(), SESSIONS);
        })
    });
    // The parts of the progress screen, to see where its time goes.
    c.bench_function("progress_rows_query", |b| {
        let store = Store::open(dir).unwrap();
        b.iter(|| assert!(!store.progress_rows(&all).unwrap().is_empty()))
    });
    c.bench_function("progress_mark_tallies_query", |b| {
        let store = Store::open(dir).unwrap();
        b.iter(|| assert!(!store.mark_tallies(&all).unwrap().is_empty()))
    });
    c.bench_function("progress_compute", |b| {
        let store = Store::open(dir).unwrap();
        let rows = store.progress_rows(&all).unwrap();
        let marks = store.mark_tallies(&all).unwrap();
        b.iter(|| progress::compute(&rows, &marks, progress::answer_limits(&fx.banks)))
    });
    // Insights: the dictionary load that the first insights panel pays once (why jieba is
    // built lazily), then one answer's insights with it loaded.
    c.bench_function("jieba_dictionary_load", |b| b.iter(jieba_rs::Jieba::new));
    c.bench_function("insights_one_answer", |b| {
        let (text, card) = &fx.questions[0].answers[0];
        b.iter(|| insights(text, card, guess_language(text)))
    });
    c.bench_function("mianba_history_json_process", |b| {
        b.iter(|| {
            let status = Command::new(env!("CARGO_BIN_EXE_mianba"))
                .args(["history", "--json", "--data-dir"])
                .arg(dir)
                .stdout(Stdio::null())
                .status()
                .unwrap();
            assert!(status.success());
        })
    });
}

criterion_group! {
    name = review;
    config = Criterion::default().sample_size(20);
    targets = benches
}
criterion_main!(review);
