//! TUI latency (release): the first frame after start, and one keystroke handled and redrawn
//! with a 5,000-character answer in the editor. Targets: ≤ 50 ms and ≤ 2 ms.
//!
//! `first_frame/in_process` is what start-up costs inside the binary (load the bundled banks,
//! open the store, build the app, draw); `first_frame/binary_in_pty` spawns the real release
//! binary in a pseudo-terminal and waits until its home screen is on the screen.
// Benchmark code: a failed unwrap, expect or panic is the benchmark failing, said where it fails.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::io::Read;
use std::rc::Rc;
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use mianba::bank::BankSet;
use mianba::i18n::Lang;
use mianba::session::{PlanRequest, SystemClock};
use mianba::store::Store;
use mianba::tui::app::{App, AppInit, Screen};
use mianba::tui::home::Choice;
use mianba::tui::msg::Msg;
use mianba::tui::theme::Theme;
use mianba::tui::update::{start, update};
use mianba::tui::view::view;
use portable_pty::{CommandBuilder, PtySize, native_pty_system};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn new_app(banks: BankSet, store: &Store) -> App {
    App::new(AppInit {
        lang: Lang::Zh,
        theme: Theme::new(true),
        banks,
        clock: Rc::new(SystemClock::new()),
        seeds: Box::new(|| 7),
        store_error: None,
        speak: false,
        tz: chrono::FixedOffset::east_opt(0).expect("UTC"),
        candidate: None,
        draft: store.latest_draft().ok().flatten(),
    })
}

fn first_frame(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    drop(Store::open(dir.path()).expect("store"));
    let mut group = c.benchmark_group("first_frame");
    group.bench_function("in_process", |b| {
        b.iter(|| {
            let banks = BankSet::load(&[], None);
            let store = Store::open(dir.path()).expect("store");
            let app = new_app(banks, &store);
            let mut term = Terminal::new(TestBackend::new(120, 40)).expect("terminal");
            term.draw(|f| view(&app, f)).expect("draw");
        })
    });
    group.sample_size(10);
    group.bench_function("binary_in_pty", |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                total += spawn_until_home(dir.path());
            }
            total
        })
    });
    group.finish();
}

/// Spawns the binary in a 100×30 pty and returns the time until the home screen is drawn.
fn spawn_until_home(data: &std::path::Path) -> Duration {
    let pair = native_pty_system()
        .openpty(PtySize {
            rows: 30,
            cols: 100,
            pixel_width: 0,
            pixel_height: 0,
        })
        .expect("pty");
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_mianba"));
    cmd.args(["--lang", "en", "--data-dir"]);
    cmd.arg(data);
    let start = Instant::now();
    let mut child = pair.slave.spawn_command(cmd).expect("spawn");
    drop(pair.slave);
    let mut reader = pair.master.try_clone_reader().expect("reader");
    let mut seen = Vec::new();
    let mut buf = [0u8; 16384];
    // The status line is drawn last in the first frame: its arrival means the frame is done.
    let needle = b"q quit";
    loop {
        let n = reader.read(&mut buf).expect("read");
        assert!(n > 0, "mianba exited before drawing");
        seen.extend_from_slice(&buf[..n]);
        if seen.windows(needle.len()).any(|w| w == needle) {
            break;
        }
    }
    let elapsed = start.elapsed();
    let _ = child.kill();
    let _ = child.wait();
    elapsed
}

/// A realistic long answer: Chinese sentences in paragraphs, `chars` characters in all.
fn long_answer(chars: usize) -> String {
    let sentence = "非常抱歉给您带来不便，我马上为您核实订单并给出换货方案，运费由我们承担。";
    let mut text = String::new();
    let mut n = 0;
    while n < chars {
        for c in sentence.chars() {
            if n == chars {
                break;
            }
            text.push(c);
            n += 1;
        }
        if n < chars && n % 180 < sentence.chars().count() {
            text.push('\n');
            n += 1;
        }
    }
    text
}

fn keystroke(c: &mut Criterion) {
    let store = Store::open_in_memory().expect("store");
    let mut app = new_app(BankSet::bundled(), &store);
    let plan = PlanRequest {
        banks: Vec::new(),
        categories: Vec::new(),
        difficulty: None,
        count: 1,
        seed: 1,
    }
    .draw(&app.banks)
    .expect("a plan");
    start(&mut app, Choice::Practice, plan);
    let key = |code| Msg::Key(KeyEvent::new(code, KeyModifiers::NONE));
    // Past the thinking time, then 5,000 characters in the editor.
    update(&mut app, key(KeyCode::Enter));
    update(&mut app, Msg::Paste(long_answer(5_000)));
    let Screen::Sitting(sitting) = &app.screen else {
        panic!("not in an interview");
    };
    assert_eq!(sitting.editor.text().chars().count(), 5_000);
    let mut term = Terminal::new(TestBackend::new(120, 40)).expect("terminal");
    term.draw(|f| view(&app, f)).expect("draw");
    c.bench_function("keystroke_redraw_5000_chars", |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                let t = Instant::now();
                update(&mut app, key(KeyCode::Char('好')));
                term.draw(|f| view(&app, f)).expect("draw");
                total += t.elapsed();
                // Untimed: take it back so the answer stays at 5,000 characters.
                update(&mut app, key(KeyCode::Backspace));
            }
            total
        })
    });
}

/// A store of `n` sessions of one answer each (the bundled banks' questions in turn, totals
/// spread over 0-100), a day apart.
fn store_of(n: usize, banks: &BankSet) -> Store {
    use mianba::scoring::Rubric;
    use mianba::session::Mode;
    use mianba::store::{NewAnswer, NewSession};
    let store = Store::open_in_memory().expect("store");
    let questions: Vec<_> = banks
        .banks
        .iter()
        .flat_map(|b| b.questions.iter().map(move |q| (b, q)))
        .collect();
    let cards: Vec<_> = questions
        .iter()
        .map(|(b, q)| {
            Rubric::compile(b, q).score(q.reference.as_deref().unwrap_or("好的"), Some(60))
        })
        .collect();
    for i in 0..n {
        let at = 1_600_000_000 + i as i64 * 86_400;
        let modes = [Mode::Practice, Mode::Exam, Mode::Spoken];
        let id = store
            .create_session(&NewSession {
                started_at: at,
                mode: modes[i % 3],
                preset: None,
                seed: i as u64,
                banks: vec![questions[i % questions.len()].0.id.clone()],
                lang: "zh".into(),
            })
            .expect("session");
        let (b, q) = questions[i % questions.len()];
        let full = b.full_id(q);
        store
            .save_answer(&NewAnswer {
                session_id: id,
                parent: None,
                question_id: &full,
                followup: None,
                bank_id: &b.id,
                category: &q.category,
                prompt: &q.prompt,
                answer_text: "好的",
                seconds_used: 60,
                attempt: 1,
                scorecard: &cards[i % cards.len()],
                mode: modes[i % 3],
                created_at: at,
            })
            .expect("answer");
    }
    store
}

/// The history and progress screens' first frame over 10,000 sessions: the key pressed on
/// the home screen, the store queried (through the app's own effects), the frame drawn.
/// Target: ≤ 100 ms each.
fn review_screens(c: &mut Criterion) {
    let banks = BankSet::load(&[], None);
    let store = store_of(10_000, &banks);
    let mut io = mianba::tui::io::Io {
        store: Some(store),
        speaker: None,
        lang: mianba::i18n::Lang::En,
        data_dir: std::env::temp_dir().join("mianba-bench"),
    };
    let mut group = c.benchmark_group("review_first_frame_10k");
    group.sample_size(20);
    for (name, key) in [("history", 'v'), ("progress", 'p')] {
        let mut app = App::new(AppInit {
            lang: Lang::Zh,
            theme: Theme::new(true),
            banks: banks.clone(),
            clock: Rc::new(SystemClock::new()),
            seeds: Box::new(|| 7),
            store_error: None,
            speak: false,
            draft: None,
            tz: chrono::FixedOffset::east_opt(0).expect("UTC"),
            candidate: None,
        });
        group.bench_function(name, |b| {
            b.iter(|| {
                app.screen = Screen::Home(mianba::tui::home::Home::new(&app.banks.banks));
                let press = Msg::Key(KeyEvent::new(KeyCode::Char(key), KeyModifiers::NONE));
                let effects = update(&mut app, press);
                for m in io.run(effects, &app.banks) {
                    update(&mut app, m);
                }
                assert!(!matches!(app.screen, Screen::Home(_)));
                let mut term = Terminal::new(TestBackend::new(120, 40)).expect("terminal");
                term.draw(|f| view(&app, f)).expect("draw");
            })
        });
    }
    group.finish();
}

criterion_group!(benches, first_frame, keystroke, review_screens);
criterion_main!(benches);
