//! Runs the real `mianba` binary in a pseudo-terminal and reads its screen through a vt100
//! parser. Every wait polls the screen until a condition holds or a deadline passes, so the
//! tests are as fast as the app and fail with the screen printed when they time out.

use std::io::{Read, Write};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

/// Long enough for a debug build on a busy two-core machine; a passing wait returns at once.
pub const TIMEOUT: Duration = Duration::from_secs(20);

pub struct App {
    parser: Arc<Mutex<vt100::Parser>>,
    master: Box<dyn MasterPty + Send>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
    _reader: JoinHandle<()>,
}

fn size(rows: u16, cols: u16) -> PtySize {
    PtySize {
        rows,
        cols,
        pixel_width: 0,
        pixel_height: 0,
    }
}

fn nz(n: u16) -> std::num::NonZeroU16 {
    std::num::NonZeroU16::new(n).expect("a terminal dimension is at least 1")
}

/// The folder of the TUI's own test bank.
pub fn test_banks() -> String {
    format!("{}/src/tui/testdata", env!("CARGO_MANIFEST_DIR"))
}

impl App {
    /// Starts `mianba ARGS` with `--data-dir data` and the test bank, in a `cols`×`rows` terminal.
    pub fn start(data: &Path, args: &[&str], cols: u16, rows: u16) -> App {
        App::start_with_env(data, args, &[], cols, rows)
    }

    /// `start`, with extra environment variables.
    pub fn start_with_env(
        data: &Path,
        args: &[&str],
        env: &[(&str, &str)],
        cols: u16,
        rows: u16,
    ) -> App {
        let pty = native_pty_system();
        let pair = pty.openpty(size(rows, cols)).expect("open a pty");
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_mianba"));
        cmd.arg("--data-dir");
        cmd.arg(data);
        cmd.arg("--banks");
        cmd.arg(test_banks());
        for a in args {
            cmd.arg(a);
        }
        cmd.env("TERM", "xterm-256color");
        cmd.env("NO_COLOR", "1");
        // Keep the user's own banks out of the test.
        cmd.env("XDG_CONFIG_HOME", data.join("config"));
        cmd.env("HOME", data);
        for (k, v) in env {
            cmd.env(k, v);
        }
        let child = pair.slave.spawn_command(cmd).expect("spawn mianba");
        drop(pair.slave);
        let parser = Arc::new(Mutex::new(vt100::Parser::new(nz(rows), nz(cols), 0)));
        let mut reader = pair.master.try_clone_reader().expect("pty reader");
        let sink = Arc::clone(&parser);
        let reader = std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                sink.lock().unwrap().process(&buf[..n]);
            }
        });
        let writer = pair.master.take_writer().expect("pty writer");
        App {
            parser,
            master: pair.master,
            writer,
            child,
            _reader: reader,
        }
    }

    pub fn screen(&self) -> String {
        self.parser.lock().unwrap().screen().contents()
    }

    pub fn cursor(&self) -> (u16, u16) {
        self.parser.lock().unwrap().screen().cursor_position()
    }

    pub fn alternate_screen(&self) -> bool {
        self.parser.lock().unwrap().screen().alternate_screen()
    }

    /// Waits until `check(screen)` holds; panics with the screen when it never does.
    pub fn wait_for(&self, what: &str, check: impl Fn(&str) -> bool) -> String {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            let screen = self.screen();
            if check(&screen) {
                return screen;
            }
            if Instant::now() > deadline {
                panic!("timed out waiting for {what}; the screen was:\n{screen}");
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Waits until the screen contains `text`.
    pub fn wait_text(&self, text: &str) -> String {
        self.wait_for(text, |s| s.contains(text))
    }

    pub fn send(&mut self, bytes: &[u8]) {
        self.writer.write_all(bytes).unwrap();
        self.writer.flush().unwrap();
    }

    pub fn type_text(&mut self, text: &str) {
        self.send(text.as_bytes());
    }

    /// From the thinking screen: Enter, wait for `ready` (the answer screen), type `text`,
    /// submit with Ctrl-S and wait for `scored` (the result). Returns the result screen.
    pub fn answer_and_submit(&mut self, ready: &str, text: &str, scored: &str) -> String {
        self.send(b"\r");
        self.wait_text(ready);
        self.type_text(text);
        self.submit(scored)
    }

    /// Ctrl-S, then wait for `scored`; returns that screen.
    pub fn submit(&mut self, scored: &str) -> String {
        self.send(b"\x13");
        self.wait_text(scored)
    }

    /// Ctrl-C, and the app leaves with success.
    pub fn ctrl_c(&mut self) {
        self.send(b"\x03");
        assert!(
            self.wait_exit().success(),
            "Ctrl-C ends mianba with success"
        );
    }

    /// A bracketed paste, as a terminal sends it.
    pub fn paste(&mut self, text: &str) {
        self.send(b"\x1b[200~");
        self.send(text.as_bytes());
        self.send(b"\x1b[201~");
    }

    pub fn resize(&mut self, cols: u16, rows: u16) {
        self.parser.lock().unwrap().set_size(nz(rows), nz(cols));
        self.master.resize(size(rows, cols)).unwrap();
    }

    pub fn pid(&self) -> u32 {
        self.child.process_id().expect("child pid")
    }

    /// Waits for the process to end and returns whether it succeeded.
    pub fn wait_exit(&mut self) -> portable_pty::ExitStatus {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status;
            }
            if Instant::now() > deadline {
                panic!("mianba did not exit; the screen was:\n{}", self.screen());
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Sends `signal` (e.g. "KILL", "TERM", "HUP") to the process.
    pub fn signal(&self, signal: &str) {
        let ok = std::process::Command::new("kill")
            .arg(format!("-{signal}"))
            .arg(self.pid().to_string())
            .status()
            .unwrap()
            .success();
        assert!(ok, "kill -{signal} failed");
    }
}

/// How long a killed child gets to end before it is sent SIGKILL.
const REAP_WITHIN: Duration = Duration::from_secs(2);

impl Drop for App {
    /// Kills and reaps the child whatever way the test ends (a failed assertion unwinds
    /// through here too), so no `mianba` is left running, or as a zombie, after the tests.
    fn drop(&mut self) {
        if matches!(self.child.try_wait(), Ok(Some(_))) {
            return;
        }
        let _ = self.child.kill();
        let deadline = Instant::now() + REAP_WITHIN;
        while Instant::now() < deadline {
            if matches!(self.child.try_wait(), Ok(Some(_))) {
                return;
            }
            std::thread::sleep(Duration::from_millis(10));
        }
        // It ignored the polite kill: SIGKILL cannot be ignored.
        if let Some(pid) = self.child.process_id() {
            let _ = std::process::Command::new("kill")
                .arg("-KILL")
                .arg(pid.to_string())
                .status();
        }
        let _ = self.child.wait();
    }
}
