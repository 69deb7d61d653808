//! `mianba class grade`: a tutor grades result bundles by hand, answer by answer, on the six
//! structured-interview dimensions with a comment. Its own small Elm program (`state`, `msg`,
//! `update`, `view`) run by the app's event loop (`tui::event_loop`) on the app's terminal
//! guard, input thread, theme and widgets. Each recorded grade writes the paper at once (a
//! temporary file renamed over it), so quitting, Ctrl-C, a closed terminal or a panic loses
//! at most the grade being given — and that one is recorded on the way out.

pub mod msg;
pub mod state;
pub mod update;
pub mod view;

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::rc::Rc;

use crate::bank::BankSet;
use crate::error::{Error, Result};
use crate::i18n::{Lang, Ui, fill};
use crate::session::SystemClock;
use crate::text::sanitize_line;
use crate::tui::event_loop::{self, Program, dispatch};
use crate::tui::input::Reader;
use crate::tui::terminal::{Signals, TerminalGuard};
use crate::tui::theme::Theme;
use crate::tutor::Set;
use crate::tutor::bundle::{read_bundle, verify, verify_integrity};
use crate::tutor::rescore::Rescorer;
use crate::tutor::submissions::bundle_files;
use msg::Msg;
use state::{Grading, Paper};
use update::{Effect, update};

/// Reads every bundle (files, or the `*.json` in folders) and checks it: against `set` when
/// given — each answer rescored with the set's rubric, a differing stored score flagged (the
/// paper itself is saved as the candidate sent it) — else its own digests and version. A file
/// that cannot be read, or has no answer, is returned in the second list ("file: reason") and
/// the others are graded; a paper that could not be saved stops here, before the terminal is
/// touched.
pub fn papers(
    bundles: &[PathBuf],
    set: Option<(&Set, &BankSet)>,
    out: Option<&Path>,
    ui: &Ui,
) -> Result<(Vec<Paper>, Vec<String>)> {
    let (files, mut skipped) = bundle_files(bundles, ui.lang);
    let mut papers: Vec<Paper> = Vec::with_capacity(files.len());
    let mut rescorer = set.map(|(s, banks)| Rescorer::new(s, banks));
    for path in files {
        let mut bundle = match read_bundle(&path) {
            Ok(b) => b,
            Err(e) => {
                skipped.push(sanitize_line(&e.message(ui.lang)));
                continue;
            }
        };
        if bundle.content.answers.is_empty() {
            skipped.push(sanitize_line(&fill(
                ui.err_bundle_no_answers,
                &[("file", &path.display())],
            )));
            continue;
        }
        let mut flags = match set {
            Some((s, _)) => verify(&bundle, s),
            None => verify_integrity(&bundle),
        };
        if let Some(r) = &mut rescorer {
            flags.extend(r.rescore(&mut bundle, false));
        }
        let out = match (out, path.file_name()) {
            (Some(dir), Some(name)) => dir.join(name),
            _ => path.clone(),
        };
        // Grading saves over the paper again and again, so replacing it is the point; a link
        // or a device in its place is refused now, before any grading is done.
        crate::files::check_target(&out, &SAVE_RULES)
            .map_err(|e| Error::BadInput(e.message(ui.lang)))?;
        if papers.iter().any(|p| p.out == out) {
            return Err(Error::Usage(sanitize_line(&fill(
                ui.err_two_bundles_one_file,
                &[("file", &out.display())],
            ))));
        }
        papers.push(Paper {
            path,
            out,
            bundle,
            flags,
        });
    }
    if papers.is_empty() {
        for s in &skipped {
            eprintln!("{s}");
        }
        return Err(Error::BadInput(ui.err_no_bundles.into()));
    }
    Ok((papers, skipped))
}

/// A paper replaces its own file (or its copy in `--out`), never a link or device.
const SAVE_RULES: crate::files::WriteRules<'static> = crate::files::WriteRules {
    replace: true,
    keep: &[],
};

/// Write a paper through `files::write_file`, so the file on disk is always a whole bundle.
pub fn save(paper: &Paper) -> std::result::Result<(), crate::files::WriteError> {
    if let Some(dir) = paper.out.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|source| crate::files::WriteError::Io {
            path: paper.out.clone(),
            source,
        })?;
    }
    crate::files::write_file(&paper.out, paper.bundle.to_json().as_bytes(), &SAVE_RULES)
}

impl Program for Grading {
    type Msg = Msg;
    /// Nothing on the grading screen follows the clock: it redraws on input only.
    type RedrawKey = ();

    fn done(&self) -> bool {
        self.quit
    }
    fn view(&self, frame: &mut ratatui::Frame) {
        view::view(self, frame);
    }
    /// Runs the saves an update asks for; each reply says how the save went.
    fn update(&mut self, msg: Msg) -> Vec<Msg> {
        let mut replies = Vec::new();
        for Effect::Save(n) in update(self, msg) {
            if let Some(p) = self.papers.get(n) {
                let shown = sanitize_line(&p.out.display().to_string());
                replies.push(Msg::Saved(
                    save(p).map(|()| shown).map_err(|e| e.message(self.ui.lang)),
                ));
            }
        }
        replies
    }
    fn from_event(event: crossterm::event::Event) -> Option<Msg> {
        Msg::from_event(event)
    }
    fn interrupted() -> Msg {
        Msg::Interrupted
    }
    fn tick() -> Option<Msg> {
        None
    }
    fn redraw_key(&self) {}
}

/// Grade `papers`; `skipped` (from `papers`) is shown on every screen and printed on leaving.
pub fn run(
    lang: Option<Lang>,
    grader: &str,
    (papers, skipped): (Vec<Paper>, Vec<String>),
) -> Result<ExitCode> {
    let ui = Lang::detect(lang).ui();
    if grader.trim().is_empty() {
        return Err(Error::Usage(ui.err_grader_empty.into()));
    }
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        return Err(Error::Usage(ui.err_grading_terminal.into()));
    }
    let mut g = Grading::new(
        Lang::detect(lang),
        Theme::from_env(),
        Rc::new(SystemClock::new()),
        grader.trim(),
        papers,
    );
    g.skipped = skipped;
    let signals = Signals::register().map_err(|e| Error::Other(e.into()))?;
    let mut guard = TerminalGuard::enter().map_err(|e| Error::Other(e.into()))?;
    let input = Reader::spawn().map_err(|e| Error::Other(e.into()))?;
    let outcome = event_loop::run(guard.terminal(), &mut g, &signals, &input);
    // Every way out (a draw error included) records the grade being given.
    if !g.quit {
        dispatch(&mut g, Msg::Interrupted);
    }
    drop(guard);
    // Said again on the normal screen, where it stays after the app is gone.
    if !g.skipped.is_empty() {
        eprintln!(
            "{}",
            fill(
                g.ui.grade_skipped,
                &[("n", &g.skipped.len()), ("files", &g.skipped.join("; "))]
            )
        );
    }
    match outcome {
        Ok(()) => Ok(ExitCode::SUCCESS),
        Err(Some(e)) => Err(e),
        Err(None) => Err(Error::Other(anyhow::anyhow!(ui.err_grading_internal))),
    }
}

#[cfg(test)]
mod tests;
