//! Reading a question aloud with `espeak-ng` (`--speak`), without ever blocking the caller.
//!
//! How the TUI uses it:
//! - **Detect once at start** (when `--speak` is given or the toggle is first switched on):
//!   `Speaker::detect()`. It only looks for the program (on `PATH`, or at `$MIANBA_ESPEAK`),
//!   so it is instant and has no side effects.
//! - **On `Err(unavailable)`** show `unavailable.message(lang)` once (one line, says how to
//!   install espeak-ng), switch speaking off and go on silently. Don't retry on every question.
//! - **On each new prompt** (a question or follow-up starts) call `speaker.speak(prompt,
//!   bank.language)`. It spawns espeak-ng and returns at once; the screen and the clock go on.
//!   A new `speak` cuts the previous utterance short; `stop()` silences it (e.g. on the toggle,
//!   on leaving the interview). An `Err` from `speak` is the same kind of one-line message.
//! - **Keep the `Speaker` owned by the app state** so it is dropped before the process ends:
//!   `Drop` kills and reaps espeak-ng, so no stray audio or zombie outlives the app. Paths that
//!   leave through `std::process::exit` skip `Drop` and must call `stop()` first.
//!
//! espeak-ng's own output goes to null, so nothing is ever drawn over the screen.

use std::ffi::OsStr;
use std::fmt;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

use crate::bank::Language;
use crate::i18n::Lang;
use crate::text::{sanitize, sanitize_line};

/// The program looked for on `PATH`.
pub const PROGRAM: &str = "espeak-ng";
/// An environment variable naming the program instead (a path, or a name looked up on `PATH`).
pub const OVERRIDE_VAR: &str = "MIANBA_ESPEAK";

/// The voice for a bank's language, as Debian's espeak-ng 1.51 names it (`espeak-ng --voices`):
/// `cmn` is Mandarin (`zh` there is an MBROLA voice that needs extra data).
pub fn voice_for(lang: Language) -> &'static str {
    match lang {
        Language::Zh => "cmn",
        Language::En => "en",
    }
}

/// One espeak-ng run: program, arguments, and the text it reads from stdin. The text never
/// goes through a shell or the argument list, so no prompt can be taken for an option.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpeechCommand {
    pub program: PathBuf,
    pub args: Vec<&'static str>,
    pub input: String,
}

/// Speaks one text at a time through espeak-ng.
#[derive(Debug)]
pub struct Speaker {
    program: PathBuf,
    child: Option<Child>,
}

impl Speaker {
    /// Finds espeak-ng: `$MIANBA_ESPEAK` when set (a path, or a name on `PATH`), otherwise
    /// `espeak-ng` on `PATH`.
    pub fn detect() -> Result<Speaker, SpeechUnavailable> {
        let path = std::env::var_os("PATH");
        match std::env::var_os(OVERRIDE_VAR).filter(|v| !v.is_empty()) {
            Some(program) => locate(&program, path.as_deref())
                .map(Speaker::at)
                .ok_or(SpeechUnavailable::OverrideMissing(PathBuf::from(program))),
            None => locate(OsStr::new(PROGRAM), path.as_deref())
                .map(Speaker::at)
                .ok_or(SpeechUnavailable::NotFound),
        }
    }

    /// A speaker for a program already known (detection skipped).
    pub fn at(program: impl Into<PathBuf>) -> Speaker {
        Speaker {
            program: program.into(),
            child: None,
        }
    }

    pub fn program(&self) -> &Path {
        &self.program
    }

    /// The run that would read `text` in the bank language `lang`; pure, no audio.
    pub fn command_for(&self, text: &str, lang: Language) -> SpeechCommand {
        SpeechCommand {
            program: self.program.clone(),
            // -b 1: the input is UTF-8 whatever the locale; --stdin: read it all, to the end.
            args: vec!["-v", voice_for(lang), "-b", "1", "--stdin"],
            input: sanitize(text),
        }
    }

    /// Starts reading `text` aloud and returns at once, cutting short what was being read.
    /// Text with nothing to say only stops the previous utterance.
    pub fn speak(&mut self, text: &str, lang: Language) -> Result<(), SpeechUnavailable> {
        self.stop();
        let command = self.command_for(text, lang);
        if command.input.trim().is_empty() {
            return Ok(());
        }
        let cannot_start = |reason: String| SpeechUnavailable::CannotStart {
            program: command.program.clone(),
            reason,
        };
        let mut child = Command::new(&command.program)
            .args(&command.args)
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| cannot_start(e.to_string()))?;
        if let Some(mut stdin) = child.stdin.take() {
            let input = command.input.clone();
            // Written from a thread so a text longer than the pipe never blocks the caller;
            // the write fails and the thread ends as soon as the child is killed.
            let writer = std::thread::Builder::new()
                .name("speech-stdin".into())
                .spawn(move || {
                    let _ = stdin.write_all(input.as_bytes());
                });
            if let Err(e) = writer {
                let _ = child.kill();
                let _ = child.wait();
                return Err(cannot_start(e.to_string()));
            }
        }
        self.child = Some(child);
        Ok(())
    }

    /// Silences the current utterance, if any, and reaps the process.
    pub fn stop(&mut self) {
        if let Some(mut child) = self.child.take() {
            // Killing a process that already ended is harmless; the wait reaps it either way.
            let _ = child.kill();
            let _ = child.wait();
        }
    }

    /// Whether an utterance is still being read; reaps one that has ended.
    pub fn is_speaking(&mut self) -> bool {
        match self.child.as_mut().map(Child::try_wait) {
            Some(Ok(None)) => true,
            Some(_) => {
                self.stop();
                false
            }
            None => false,
        }
    }
}

impl Drop for Speaker {
    fn drop(&mut self) {
        self.stop();
    }
}

/// `program` itself when it names a path, otherwise the first executable of that name on `path`.
fn locate(program: &OsStr, path: Option<&OsStr>) -> Option<PathBuf> {
    let given = Path::new(program);
    if given.components().count() > 1 || given.is_absolute() {
        return is_executable(given).then(|| given.to_path_buf());
    }
    let mut file = program.to_os_string();
    file.push(std::env::consts::EXE_SUFFIX);
    std::env::split_paths(path?)
        .map(|dir| dir.join(&file))
        .find(|candidate| is_executable(candidate))
}

#[cfg(unix)]
fn is_executable(path: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    path.metadata()
        .is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
}

#[cfg(not(unix))]
fn is_executable(path: &Path) -> bool {
    path.is_file()
}

/// Why questions cannot be read aloud. Each message is one line that says how to fix it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SpeechUnavailable {
    /// No `espeak-ng` on `PATH`.
    NotFound,
    /// `$MIANBA_ESPEAK` names no executable program.
    OverrideMissing(PathBuf),
    /// The program was found but could not be started.
    CannotStart { program: PathBuf, reason: String },
}

const INSTALL_EN: &str =
    "install it with `sudo apt-get install espeak-ng` (macOS: `brew install espeak-ng`)";
const INSTALL_ZH: &str = "安装：sudo apt-get install espeak-ng（macOS：brew install espeak-ng）";

impl SpeechUnavailable {
    /// The one line shown to the user, in the UI language.
    pub fn message(&self, lang: Lang) -> String {
        // Paths come from the environment: shown on one line, without control characters.
        let shown = |p: &Path| sanitize_line(&p.display().to_string());
        match (self, lang) {
            (Self::NotFound, Lang::En) => {
                format!(
                    "espeak-ng is not installed, so questions are not read aloud; {INSTALL_EN}."
                )
            }
            (Self::NotFound, Lang::Zh) => {
                format!("未安装 espeak-ng，题目不会朗读；{INSTALL_ZH}。")
            }
            (Self::OverrideMissing(p), Lang::En) => format!(
                "{OVERRIDE_VAR}={} is not a program, so questions are not read aloud; point it at espeak-ng or {INSTALL_EN}.",
                shown(p)
            ),
            (Self::OverrideMissing(p), Lang::Zh) => format!(
                "{OVERRIDE_VAR}={} 不是可执行程序，题目不会朗读；请指向 espeak-ng，或{INSTALL_ZH}。",
                shown(p)
            ),
            (Self::CannotStart { program, reason }, Lang::En) => format!(
                "cannot start {} ({}), so questions are not read aloud; check that `espeak-ng hello` works or reinstall espeak-ng: {INSTALL_EN}.",
                shown(program),
                sanitize_line(reason)
            ),
            (Self::CannotStart { program, reason }, Lang::Zh) => format!(
                "无法启动 {}（{}），题目不会朗读；请确认 `espeak-ng hello` 能发声，或重新安装 espeak-ng：{INSTALL_ZH}。",
                shown(program),
                sanitize_line(reason)
            ),
        }
    }
}

impl fmt::Display for SpeechUnavailable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for SpeechUnavailable {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zh_banks_use_the_mandarin_voice_and_en_banks_the_english_one() {
        let speaker = Speaker::at("/opt/espeak-ng");
        let zh = speaker.command_for("请做一下自我介绍。", Language::Zh);
        assert_eq!(zh.program, PathBuf::from("/opt/espeak-ng"));
        assert_eq!(zh.args, ["-v", "cmn", "-b", "1", "--stdin"]);
        assert_eq!(zh.input, "请做一下自我介绍。");
        let en = speaker.command_for("Tell me about yourself.", Language::En);
        assert_eq!(en.args, ["-v", "en", "-b", "1", "--stdin"]);
        assert_eq!(en.input, "Tell me about yourself.");
    }

    #[test]
    fn the_text_is_sanitised_and_never_becomes_an_argument() {
        let speaker = Speaker::at("espeak-ng");
        let cmd = speaker.command_for("-w /tmp/x\x1b[2J 客户\u{202E}很生气\r\n", Language::Zh);
        assert_eq!(cmd.input, "-w /tmp/x[2J 客户很生气\n");
        assert!(cmd.args.iter().all(|a| !a.contains("客户") && *a != "-w"));
    }

    #[test]
    fn nothing_to_say_spawns_nothing() {
        // A program that cannot exist: speaking only control characters must not try to run it.
        let mut speaker = Speaker::at("/nonexistent/espeak-ng");
        assert_eq!(speaker.speak("\x1b\x07 \n", Language::En), Ok(()));
        assert!(!speaker.is_speaking());
        assert!(matches!(
            speaker.speak("hello", Language::En),
            Err(SpeechUnavailable::CannotStart { .. })
        ));
    }

    #[test]
    fn a_path_override_must_be_executable_and_a_name_is_looked_up_on_path() {
        let dir = tempfile::tempdir().unwrap();
        let plain = dir.path().join("espeak-ng");
        std::fs::write(&plain, "#!/bin/sh\n").unwrap();
        #[cfg(unix)]
        {
            assert_eq!(locate(plain.as_os_str(), None), None, "not executable yet");
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&plain, std::fs::Permissions::from_mode(0o755)).unwrap();
        }
        assert_eq!(locate(plain.as_os_str(), None), Some(plain.clone()));
        let path = std::env::join_paths([Path::new("/nonexistent"), dir.path()]).unwrap();
        let found = locate(OsStr::new("espeak-ng"), Some(&path));
        assert_eq!(found.as_deref(), Some(plain.as_path()));
        assert_eq!(
            locate(OsStr::new("espeak-ng"), Some(OsStr::new("/nonexistent"))),
            None
        );
    }

    #[test]
    fn every_message_names_espeak_ng_and_how_to_install_it_on_one_line() {
        let all = [
            SpeechUnavailable::NotFound,
            SpeechUnavailable::OverrideMissing(PathBuf::from("/x/\x1b[31mespeak\nng")),
            SpeechUnavailable::CannotStart {
                program: PathBuf::from("/usr/bin/espeak-ng"),
                reason: "Permission denied".into(),
            },
        ];
        for reason in &all {
            for lang in [Lang::En, Lang::Zh] {
                let m = reason.message(lang);
                assert!(m.contains("espeak-ng"), "{m}");
                assert!(m.contains("sudo apt-get install espeak-ng"), "{m}");
                assert!(m.contains("brew install espeak-ng"), "{m}");
                assert!(!m.contains('\n') && !m.contains('\x1b'), "{m:?}");
            }
        }
        assert!(all[0].message(Lang::Zh).contains("未安装"));
        assert!(all[0].to_string().starts_with("espeak-ng is not installed"));
    }
}
