//! TUI latency (release): the first frame after start, and one keystroke handled and redrawn
//! with a 5,000-character answer in the editor. Targets: ≤ 50 ms and ≤ 2 ms.
//!
//! `first_frame/in_process` is what start-up costs inside the binary (load the bundled banks,
//! open the store, build the app, draw); `first_frame/binary_in_pty` spawns the real release
//! binary in a pseudo-terminal and waits until its home screen is on the screen, and
//! `first_frame/bare_ratatui_in_pty` does the same with a bare ratatui app that draws one
//! paragraph (this bench binary run again as that app), so the two compare in the same run.
//! Each pty group also prints the peak RSS (`VmHWM`) of the spawned program at its first frame.
// Benchmark code: a failed unwrap, expect or panic is the benchmark failing, said where it fails.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::io::Read;
use std::rc::Rc;
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use mianba::bank::BankSet;
use mianba::i18n::Lang;
use mianba::session::{PlanRequest, SystemClock};
use mianba::store::Store;
use mianba::tui::app::{App, AppInit, Screen};
use mianba::tui::msg::Msg;
use mianba::tui::screens::home::Choice;
use mianba::tui::screens::sitting::update::start;
use mianba::tui::theme::Theme;
use mianba::tui::update::update;
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
    let mianba = || {
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_mianba"));
        cmd.args(["--lang", "en", "--data-dir"]);
        cmd.arg(dir.path());
        cmd
    };
    let bare = || {
        let mut cmd = CommandBuilder::new(std::env::current_exe().expect("bench path"));
        cmd.env(BARE_APP, "1");
        cmd
    };
    for (name, command) in [
        ("binary_in_pty", &mianba as &dyn Fn() -> CommandBuilder),
        ("bare_ratatui_in_pty", &bare),
    ] {
        let mut peaks = Vec::new();
        group.bench_function(name, |b| {
            b.iter_custom(|iters| {
                let mut total = Duration::ZERO;
                for _ in 0..iters {
                    let (took, peak) = spawn_until_home(command());
                    total += took;
                    peaks.extend(peak);
                }
                total
            })
        });
        peaks.sort_unstable();
        if let (Some(low), Some(high)) = (peaks.first(), peaks.last()) {
            let median = peaks[peaks.len() / 2];
            println!(
                "first_frame/{name}: peak RSS at the first frame {:.1} MiB median ({:.1}–{:.1}, {} runs)",
                mib(median),
                mib(*low),
                mib(*high),
                peaks.len()
            );
        }
    }
    group.finish();
}

/// Set in the environment of this bench binary when it is to be the bare ratatui app.
const BARE_APP: &str = "MIANBA_BENCH_BARE_RATATUI";

/// The baseline: a bare ratatui app drawing one paragraph that ends as mianba's first frame
/// does (with `q quit`), then waiting for a key.
fn bare_ratatui_app() {
    use ratatui::style::Stylize;
    use ratatui::widgets::{Block, Paragraph};
    let mut term = ratatui::init();
    term.draw(|f| {
        // Reversed, as mianba's status line is styled: a blank cell left as it was is not
        // written at all, and `q quit` would not arrive in one piece.
        let text = Paragraph::new("mianba baseline: one paragraph.  q quit")
            .reversed()
            .block(Block::bordered());
        f.render_widget(text, f.area());
    })
    .expect("draw");
    let _ = crossterm::event::read();
    ratatui::restore();
}

fn mib(kib: u64) -> f64 {
    kib as f64 / 1024.0
}

/// The peak resident set (KiB) of a running process so far, from `/proc` (Linux).
fn peak_rss_kib(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// Spawns `cmd` in a 100×30 pty and returns the time until its first frame is drawn, and its
/// peak RSS (KiB) then, where the system tells it.
fn spawn_until_home(cmd: CommandBuilder) -> (Duration, Option<u64>) {
    let pair = native_pty_system()
        .openpty(PtySize {
            rows: 30,
            cols: 100,
            pixel_width: 0,
            pixel_height: 0,
        })
        .expect("pty");
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
    let peak = child.process_id().and_then(peak_rss_kib);
    let _ = child.kill();
    let _ = child.wait();
    (elapsed, peak)
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
                app.screen = Screen::Home(mianba::tui::screens::home::Home::new(&app.banks.banks));
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

fn main() {
    if std::env::var_os(BARE_APP).is_some() {
        bare_ratatui_app();
        return;
    }
    benches();
    Criterion::default().configure_from_args().final_summary();
}
