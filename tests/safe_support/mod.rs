//! Shared by the safe-file and tutors'-numbers tests: the binary in a temp home, a set made
//! with `set new`, a sitting saved as the app saves it, a bundle exported with `set export`,
//! and a run with a deadline (a FIFO must never hang a command).
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use mianba::bank::BankSet;
use mianba::scoring::Rubric;
use mianba::session::Mode;
use mianba::store::{NewAnswer, NewSession, Store};
use mianba::tutor::load_set;

pub struct Home {
    pub dir: tempfile::TempDir,
}

impl Home {
    pub fn new() -> Home {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("work")).unwrap();
        Home { dir }
    }

    pub fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    /// The default data folder of the runs (`--data-dir` overrides it per run).
    pub fn data(&self) -> PathBuf {
        self.path("data")
    }

    pub fn cmd(&self) -> Command {
        self.cmd_in("en")
    }

    /// The binary in this home with the UI in `lang` (a flag is given once).
    pub fn cmd_in(&self, lang: &str) -> Command {
        let mut cmd = Command::new(assert_cmd::cargo::cargo_bin("mianba"));
        cmd.env("XDG_CONFIG_HOME", self.path("config"))
            .env("HOME", self.path("config"))
            .env("MIANBA_DATA_DIR", self.data())
            .current_dir(self.path("work"))
            .args(["--lang", lang])
            .stdin(Stdio::null());
        cmd
    }

    /// Runs with a deadline: a command still running after it is killed and the test fails.
    pub fn run<S: AsRef<std::ffi::OsStr>>(&self, args: impl IntoIterator<Item = S>) -> Run {
        run_cmd(self.cmd().args(args))
    }

    /// A set of `count` complaint questions drawn with `seed`, written by `set new`.
    pub fn set(&self, name: &str, seed: u64, count: usize) -> PathBuf {
        let file = self.path("work").join(name);
        let run = self.run(
            [
                "set",
                "new",
                "--bank",
                "complaint",
                "--count",
                &count.to_string(),
                "--seed",
                &seed.to_string(),
                "--pass-mark",
                "60",
                "--out",
            ]
            .iter()
            .map(std::ffi::OsStr::new)
            .chain([file.as_os_str()]),
        );
        run.ok();
        file
    }

    /// A candidate's sitting of `set_file` saved in `data` as the app saves it.
    pub fn sit(&self, data: &Path, set_file: &Path, answers: &[&str], at: i64) {
        sit(data, set_file, answers, at);
    }

    /// `set export` of the latest sitting in `data` as `name`, to `out`.
    pub fn export(&self, data: &Path, set_file: &Path, name: &str, out: &Path) -> Run {
        run_cmd(
            self.cmd()
                .arg("--data-dir")
                .arg(data)
                .args(["set", "export", "--name", name, "--set"])
                .arg(set_file)
                .arg("--out")
                .arg(out),
        )
    }
}

pub fn sit(data: &Path, set_file: &Path, answers: &[&str], at: i64) {
    let answers: Vec<Option<&str>> = answers.iter().copied().map(Some).collect();
    sit_some(data, set_file, &answers, at);
}

/// A sitting of `set_file` saved as the app saves it; `None` leaves that question unanswered.
pub fn sit_some(data: &Path, set_file: &Path, answers: &[Option<&str>], at: i64) {
    let banks = BankSet::bundled();
    let set = load_set(set_file, &banks).unwrap();
    let store = Store::open(data).unwrap();
    let session = store
        .create_session(&NewSession {
            started_at: at,
            mode: Mode::Practice,
            preset: None,
            seed: set.seed,
            banks: set.plan().banks,
            lang: "zh".into(),
        })
        .unwrap();
    store
        .set_session_set(session, &set.id, &set.checksum)
        .unwrap();
    for (i, (r, text)) in set.plan().questions.iter().zip(answers).enumerate() {
        let Some(text) = *text else { continue };
        let (bank, q) = set.resolve(&banks, r).unwrap();
        let card = Rubric::compile(bank, q).score(text, Some(90));
        store
            .save_answer(&NewAnswer {
                session_id: session,
                parent: None,
                question_id: &bank.full_id(q),
                followup: None,
                bank_id: &bank.id,
                category: &q.category,
                prompt: &q.prompt,
                answer_text: text,
                seconds_used: 90,
                attempt: 1,
                scorecard: &card,
                mode: Mode::Practice,
                created_at: at + 100 * (i as i64 + 1),
            })
            .unwrap();
    }
}

/// The reference answer of each question of the set, in order.
pub fn references(set_file: &Path) -> Vec<String> {
    let banks = BankSet::bundled();
    let set = load_set(set_file, &banks).unwrap();
    set.questions
        .iter()
        .map(|r| {
            let (_, q) = set.resolve(&banks, r).unwrap();
            q.reference.clone().unwrap()
        })
        .collect()
}

pub struct Run {
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    pub fn ok(&self) -> &Run {
        assert_eq!(
            self.code,
            Some(0),
            "stdout {}\nstderr {}",
            self.stdout,
            self.stderr
        );
        self
    }

    /// Exit 1 and `needle` on stderr.
    pub fn refused(&self, needle: &str) -> &Run {
        assert_eq!(
            self.code,
            Some(1),
            "stdout {}\nstderr {}",
            self.stdout,
            self.stderr
        );
        assert!(
            self.stderr.contains(needle),
            "expected {needle:?} in\n{}",
            self.stderr
        );
        assert!(!self.stderr.contains("panicked"), "{}", self.stderr);
        self
    }
}

pub const DEADLINE: Duration = Duration::from_secs(20);

pub fn run_cmd(cmd: &mut Command) -> Run {
    let mut child = cmd
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let start = Instant::now();
    loop {
        if child.try_wait().unwrap().is_some() {
            break;
        }
        if start.elapsed() > DEADLINE {
            let _ = child.kill();
            let _ = child.wait();
            panic!("{cmd:?} was still running after {DEADLINE:?} (blocked on a FIFO?)");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let out: Output = child.wait_with_output().unwrap();
    Run {
        code: out.status.code(),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}
