//! `mianba class grade`: a tutor grades result bundles by hand, answer by answer, on the six
//! structured-interview dimensions with a comment. Its own small Elm program (`state`, `msg`,
//! `update`, `view`) run by the app's event loop (`tui::event_loop`) on the app's terminal
//! guard, input thread, theme and widgets. Each recorded grade writes the paper at once (a
//! temporary file renamed over it), so quitting, Ctrl-C, a closed terminal or a panic loses
//! at most the grade being given — and that one is recorded on the way out, or, not complete
//! yet, kept as a draft beside the paper (`tutor::grade_drafts`).

pub mod msg;
pub mod state;
pub mod update;
pub mod view;

use std::io::IsTerminal;
use std::process::ExitCode;
use std::rc::Rc;

use crate::error::{Error, Result};
use crate::i18n::{Lang, fill};
use crate::session::SystemClock;
use crate::text::sanitize_line;
use crate::tui::event_loop::{self, Program, dispatch};
use crate::tui::input::Reader;
use crate::tui::terminal::{Signals, TerminalGuard};
use crate::tui::theme::Theme;
use msg::Msg;
use state::{Grading, Paper};
use update::{Effect, update};

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
        for effect in update(self, msg) {
            match effect {
                Effect::Save(n) => {
                    if let Some(p) = self.papers.get(n) {
                        let shown = sanitize_line(&p.out.display().to_string());
                        replies.push(Msg::Saved(
                            crate::tutor::papers::save(p)
                                .map(|()| shown)
                                .map_err(|e| e.message(self.ui.lang)),
                        ));
                    }
                }
                Effect::SaveDrafts(n) => {
                    if let Some(Err(e)) = self.papers.get(n).map(crate::tutor::papers::save_drafts)
                    {
                        replies.push(Msg::Saved(Err(e.message(self.ui.lang))));
                    }
                }
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
