//! The one state of the app. Everything drawn comes from here; only `update` changes it.

use std::rc::Rc;
use std::time::Duration;

use crate::bank::BankSet;
use crate::i18n::{Lang, Ui};
use crate::session::Clock;
use crate::store::Draft;
use crate::tui::screens::detail::Detail;
use crate::tui::screens::history::History;
use crate::tui::screens::home::Home;
use crate::tui::screens::progress::ProgressScreen;
use crate::tui::screens::sitting::Sitting;
use crate::tui::theme::Theme;
use crate::tutor::set_files::SetEntry;

/// How long a notice stays on the status line.
pub const NOTICE_FOR: Duration = Duration::from_secs(6);

pub enum Screen {
    Home(Home),
    /// An interview in progress, or its summary once finished.
    Sitting(Box<Sitting>),
    /// Past sessions, newest first.
    History(Box<History>),
    /// One past session's answers.
    Detail(Box<Detail>),
    Progress(Box<ProgressScreen>),
}

/// Drawn over the current screen; takes the keys while open.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Overlay {
    Help,
    /// A draft found at start: restore it, discard it, or decide later.
    Restore(Draft),
    /// Esc during an interview: leave (the draft is kept) or go on.
    ConfirmLeave,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    Info,
    Warn,
    Error,
}

/// A one-line message on the status line, gone after `NOTICE_FOR`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub text: String,
    pub level: Level,
    pub until: Duration,
}

/// See `App::redraw_key`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RedrawKey {
    shown_secs: Option<u64>,
    phase: Option<std::mem::Discriminant<crate::session::interview::Phase>>,
    notice: bool,
}

/// What the app is started with; all of it comes from outside (banks, clock, seeds), so tests
/// build an `App` from fixtures, a `FakeClock` and a fixed seed.
pub struct AppInit {
    pub lang: Lang,
    pub theme: Theme,
    pub banks: BankSet,
    pub clock: Rc<dyn Clock>,
    /// Seeds for draws when the candidate gave none.
    pub seeds: Box<dyn FnMut() -> u64>,
    /// Why the store could not be opened, if it could not (answers are then not saved).
    pub store_error: Option<String>,
    /// An unsubmitted answer left in the store by an earlier run.
    pub draft: Option<Draft>,
    /// Read each new question aloud (`--speak`, with espeak-ng found).
    pub speak: bool,
    /// The time zone dates are shown in (the machine's at start; fixed in tests).
    pub tz: chrono::FixedOffset,
    /// The candidate's name, for the export command a set's summary shows
    /// (`tutor::sending::candidate_name`); `None` shows a placeholder to replace.
    pub candidate: Option<String>,
}

pub struct App {
    pub lang: Lang,
    pub ui: &'static Ui,
    pub theme: Theme,
    pub banks: BankSet,
    pub clock: Rc<dyn Clock>,
    pub seeds: Box<dyn FnMut() -> u64>,
    pub screen: Screen,
    pub overlay: Option<Overlay>,
    pub notice: Option<Notice>,
    /// False when the store could not be opened: nothing is saved, and the home screen says so.
    pub store_ok: bool,
    /// Read each new question aloud.
    pub speak: bool,
    pub tz: chrono::FixedOffset,
    pub candidate: Option<String>,
    /// The assignment sets listed on the home screen (`App::set_sets`).
    pub sets: Vec<SetEntry>,
    /// How many times each set has been taken, by set id (`Msg::SetAttempts`).
    pub set_attempts: std::collections::HashMap<String, u32>,
    pub quit: bool,
    /// The window's size in cells, once the event loop has told it.
    pub size: Option<(u16, u16)>,
}

impl App {
    pub fn new(init: AppInit) -> App {
        let home = Home::new(&init.banks.banks);
        let mut app = App {
            lang: init.lang,
            ui: init.lang.ui(),
            theme: init.theme,
            clock: init.clock,
            seeds: init.seeds,
            screen: Screen::Home(home),
            overlay: None,
            notice: None,
            store_ok: init.store_error.is_none(),
            banks: init.banks,
            speak: init.speak,
            tz: init.tz,
            candidate: init.candidate,
            sets: Vec::new(),
            set_attempts: std::collections::HashMap::new(),
            quit: false,
            size: None,
        };
        if let Some(why) = init.store_error {
            let text = crate::i18n::fill(app.ui.store_unavailable, &[("why", &why)]);
            app.notify_for(text, Level::Error, Duration::from_secs(3600));
        }
        if let Some(d) = init.draft.filter(|d| !d.text.trim().is_empty()) {
            app.overlay = Some(Overlay::Restore(d));
        }
        app
    }

    /// Whether the window is below the minimum size, where only the "too small" screen shows.
    pub fn too_small(&self) -> bool {
        self.size
            .is_some_and(|(w, h)| crate::tui::layout::too_small(w, h))
    }

    /// List `sets` on the home screen (found by `tutor::set_files::list_sets` before the app
    /// starts).
    pub fn set_sets(&mut self, sets: Vec<SetEntry>) {
        if let Screen::Home(h) = &mut self.screen {
            h.set_count = sets.len();
        }
        self.sets = sets;
    }

    pub fn now(&self) -> Duration {
        self.clock.now()
    }

    pub fn notify(&mut self, text: String, level: Level) {
        self.notify_for(text, level, NOTICE_FOR);
    }

    pub fn notify_for(&mut self, text: String, level: Level, for_: Duration) {
        let until = self.now() + for_;
        // Notices quote file names, problems and errors: clean them in one place.
        let text = crate::text::sanitize_line(&text);
        self.notice = Some(Notice { text, level, until });
    }

    /// What time alone changes on screen: the seconds a countdown shows, the phase (time
    /// ends thinking, cuts an exam answer off), whether a notice is up. The loop redraws
    /// when this differs from the last frame's, so an idle screen is not redrawn.
    pub fn redraw_key(&self) -> RedrawKey {
        let now = self.now();
        let (phase, shown_secs) = match &self.screen {
            Screen::Sitting(s) => (
                Some(std::mem::discriminant(&s.interview.phase)),
                s.interview
                    .clock(now)
                    .map(|(_, left, _)| left.as_secs() + u64::from(left.subsec_nanos() > 0)),
            ),
            Screen::Home(_) | Screen::History(_) | Screen::Detail(_) | Screen::Progress(_) => {
                (None, None)
            }
        };
        RedrawKey {
            shown_secs,
            phase,
            notice: self.live_notice().is_some(),
        }
    }

    /// The notice to show now, if it has not expired.
    pub fn live_notice(&self) -> Option<&Notice> {
        self.notice.as_ref().filter(|n| n.until > self.now())
    }
}
