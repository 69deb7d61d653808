//! Reading aloud through the real process machinery: the spoken path with the real espeak-ng
//! (where it is installed), the missing-program path (everywhere), and that `speak` never
//! blocks and never leaves a process behind (small shell scripts standing in for espeak-ng).
// Test code: a failed unwrap, expect or panic is the test failing, said where it fails.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
#![cfg(unix)]

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use mianba::bank::Language;
use mianba::i18n::Lang;
use mianba::speech::{OVERRIDE_VAR, Speaker, SpeechUnavailable};

/// Tests that change `MIANBA_ESPEAK` take turns, so none sees another's value.
static ENV: Mutex<()> = Mutex::new(());

fn with_override<T>(value: Option<&Path>, f: impl FnOnce() -> T) -> T {
    let _turn = ENV.lock().unwrap_or_else(|e| e.into_inner());
    // SAFETY: the variable is only changed under `ENV`, and only std (which locks the
    // environment itself) reads it in this test binary.
    unsafe {
        match value {
            Some(v) => std::env::set_var(OVERRIDE_VAR, v),
            None => std::env::remove_var(OVERRIDE_VAR),
        }
    }
    let out = f();
    unsafe { std::env::remove_var(OVERRIDE_VAR) };
    out
}

fn script(dir: &Path, name: &str, body: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, format!("#!/bin/sh\n{body}")).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
    path
}

/// Waits for `file` to appear (written last by a script), for at most a generous while.
fn wait_for(file: &Path) -> bool {
    let deadline = Instant::now() + Duration::from_secs(60);
    while Instant::now() < deadline {
        if file.exists() {
            return true;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    false
}

/// The real espeak-ng on PATH, found independently of the code under test.
fn real_espeak() -> Option<PathBuf> {
    let out = Command::new("sh")
        .args(["-c", "command -v espeak-ng"])
        .output()
        .ok()?;
    let path = String::from_utf8(out.stdout).ok()?.trim().to_string();
    (out.status.success() && !path.is_empty()).then(|| PathBuf::from(path))
}

fn alive(pid: &str) -> bool {
    // `kill -0` also succeeds for a zombie, so this proves the process was reaped too.
    Command::new("kill")
        .args(["-0", pid])
        .stderr(std::process::Stdio::null())
        .status()
        .unwrap()
        .success()
}

#[test]
fn the_real_espeak_ng_reads_the_prompt_with_the_voice_of_the_bank() {
    let Some(espeak) = real_espeak() else {
        eprintln!(
            "espeak-ng is not installed here: the spoken path is not exercised on this machine \
             (install it with `apt-get install espeak-ng`); checking that detection says so instead"
        );
        let missing = with_override(None, Speaker::detect).unwrap_err();
        assert_eq!(missing, SpeechUnavailable::NotFound);
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().display();
    // Records its arguments and stdin, then lets the real espeak-ng speak into a wav file;
    // `done` is written last, so its presence means everything else is complete.
    let wrapper = script(
        dir.path(),
        "espeak-wrapper",
        &format!(
            "printf '%s\\n' \"$@\" > '{d}/args'\n\
             cat > '{d}/stdin'\n\
             '{}' -w '{d}/out.wav' \"$@\" < '{d}/stdin'\n\
             echo $? > '{d}/done'\n",
            espeak.display()
        ),
    );
    let mut speaker = with_override(Some(&wrapper), Speaker::detect).unwrap();
    assert_eq!(speaker.program(), wrapper);

    let prompt = "客户收到衣服后发现尺码不对，很生气。你会怎么做？\x1b[2J";
    speaker.speak(prompt, Language::Zh).unwrap();
    assert!(
        wait_for(&dir.path().join("done")),
        "espeak-ng never finished"
    );

    let read = |name: &str| std::fs::read_to_string(dir.path().join(name)).unwrap();
    assert_eq!(read("done").trim(), "0", "espeak-ng failed");
    let args: Vec<String> = read("args").lines().map(str::to_string).collect();
    let voice = args
        .iter()
        .position(|a| a == "-v")
        .map(|i| args[i + 1].as_str());
    assert_eq!(voice, Some("cmn"), "args: {args:?}");
    assert_eq!(
        read("stdin"),
        "客户收到衣服后发现尺码不对，很生气。你会怎么做？[2J"
    );
    let wav = std::fs::metadata(dir.path().join("out.wav")).unwrap().len();
    // More than a header: at 22,050 16-bit samples a second, 4,000 bytes is about 0.1 s of speech.
    assert!(wav > 4_000, "the wav holds no speech: {wav} bytes");

    // An en bank switches the voice.
    std::fs::remove_file(dir.path().join("done")).unwrap();
    speaker
        .speak("Tell me about yourself.", Language::En)
        .unwrap();
    assert!(wait_for(&dir.path().join("done")));
    assert!(
        read("args")
            .lines()
            .collect::<Vec<_>>()
            .windows(2)
            .any(|w| w == ["-v", "en"])
    );
    assert_eq!(read("stdin"), "Tell me about yourself.");
}

#[test]
fn a_missing_espeak_ng_gives_one_line_that_says_how_to_install_it() {
    let nowhere = Path::new("/nonexistent/mianba-test/espeak-ng");
    let missing = with_override(Some(nowhere), Speaker::detect).unwrap_err();
    assert_eq!(missing, SpeechUnavailable::OverrideMissing(nowhere.into()));
    for lang in [Lang::En, Lang::Zh] {
        let line = missing.message(lang);
        assert!(line.contains("espeak-ng"), "{line}");
        assert!(line.contains("apt-get install espeak-ng"), "{line}");
        assert!(!line.contains('\n'), "{line}");
    }
    assert!(missing.message(Lang::Zh).contains("安装"));
}

#[test]
fn speak_returns_while_the_program_is_still_running() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().display();
    // Waits (up to 30 s) for a file the test creates only after `speak` has returned.
    let slow = script(
        dir.path(),
        "slow",
        &format!(
            "cat > /dev/null\n\
             i=0; while [ ! -e '{d}/go' ] && [ $i -lt 1500 ]; do sleep 0.02; i=$((i+1)); done\n\
             if [ -e '{d}/go' ]; then echo released; else echo 'timed out'; fi > '{d}/result.tmp'\n\
             mv '{d}/result.tmp' '{d}/result'\n"
        ),
    );
    let mut speaker = Speaker::at(&slow);
    speaker.speak("请做一下自我介绍。", Language::Zh).unwrap();
    assert!(speaker.is_speaking());
    std::fs::write(dir.path().join("go"), "").unwrap();
    assert!(wait_for(&dir.path().join("result")));
    let result = std::fs::read_to_string(dir.path().join("result")).unwrap();
    assert_eq!(result.trim(), "released", "speak waited for the program");
}

#[test]
fn a_new_utterance_stop_and_drop_each_kill_and_reap_the_last() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().display();
    // Writes the pid of a long sleep that then *is* this process, so killing it is visible.
    let long = script(
        dir.path(),
        "long",
        &format!("echo $$ > '{d}/pid.tmp'\nmv '{d}/pid.tmp' \"{d}/pid.$(cat)\"\nexec sleep 60\n"),
    );
    let pid_of = |text: &str| {
        let file = dir.path().join(format!("pid.{text}"));
        assert!(wait_for(&file), "{text} never started");
        std::fs::read_to_string(file).unwrap().trim().to_string()
    };
    let mut speaker = Speaker::at(&long);

    speaker.speak("one", Language::En).unwrap();
    let one = pid_of("one");
    assert!(alive(&one));
    speaker.speak("two", Language::En).unwrap();
    assert!(!alive(&one), "the previous utterance outlived a new one");
    let two = pid_of("two");
    assert!(alive(&two));
    speaker.stop();
    assert!(!alive(&two), "stop left the utterance running");
    assert!(!speaker.is_speaking());

    speaker.speak("three", Language::En).unwrap();
    let three = pid_of("three");
    assert!(alive(&three));
    drop(speaker);
    assert!(!alive(&three), "the utterance outlived the speaker");
}

#[test]
fn speak_is_off_by_default_and_given_to_the_app_or_practice() {
    use clap::Parser;
    use mianba::cli::Cli;
    let parse = |args: &[&str]| Cli::try_parse_from(args).unwrap().speak();
    assert!(!parse(&["mianba"]));
    assert!(parse(&["mianba", "--speak"]));
    assert!(parse(&["mianba", "practice", "--count", "3", "--speak"]));
}
