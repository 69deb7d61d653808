//! The terminal lifecycle: a guard that switches the terminal into the app's mode and puts it
//! back on every exit path — drop, error, panic (via the panic hook) — plus the signal flags
//! (SIGINT, SIGTERM, SIGHUP) the event loop polls so it can save the draft before leaving.
//!
//! Mouse capture is deliberately never enabled: it would stop people selecting text.

use std::io::{self, Stdout, Write};
use std::sync::Arc;
use std::sync::Once;
use std::sync::atomic::{AtomicBool, Ordering};

use crossterm::cursor::Show;
use crossterm::event::{DisableBracketedPaste, EnableBracketedPaste};
use crossterm::execute;
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;

pub type Tui = Terminal<CrosstermBackend<Stdout>>;

/// Owns the terminal while the app runs; dropping it restores the terminal.
pub struct TerminalGuard {
    terminal: Tui,
}

impl TerminalGuard {
    /// Raw mode, alternate screen, bracketed paste (so a paste arrives as one event, not as
    /// thousands of keystrokes). Installs the panic hook first so a failure half-way still
    /// restores what was switched on.
    pub fn enter() -> io::Result<Self> {
        install_panic_hook();
        enable_raw_mode()?;
        let mut stdout = io::stdout();
        if let Err(e) = execute!(stdout, EnterAlternateScreen, EnableBracketedPaste) {
            restore();
            return Err(e);
        }
        match Terminal::new(CrosstermBackend::new(stdout)) {
            Ok(terminal) => Ok(TerminalGuard { terminal }),
            Err(e) => {
                restore();
                Err(e)
            }
        }
    }

    pub fn terminal(&mut self) -> &mut Tui {
        &mut self.terminal
    }
}

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        restore();
    }
}

/// Undo everything `enter` switched on. Idempotent and infallible: it runs from the panic hook
/// and from `Drop`, where an error has nowhere to go (the terminal may already be gone, SIGHUP).
pub fn restore() {
    let mut stdout = io::stdout();
    let _ = execute!(stdout, DisableBracketedPaste, LeaveAlternateScreen, Show);
    let _ = disable_raw_mode();
    let _ = stdout.flush();
}

/// Restore the terminal before the default hook prints the panic message, so the message is
/// readable and the shell is usable afterwards.
fn install_panic_hook() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            restore();
            previous(info);
        }));
    });
}

/// Set when SIGINT, SIGTERM or SIGHUP arrives. The handlers only flip the flag (async-signal
/// safe); the event loop sees it within one poll interval, saves the draft and leaves.
#[derive(Clone)]
pub struct Signals {
    flag: Arc<AtomicBool>,
}

impl Signals {
    pub fn register() -> io::Result<Self> {
        let flag = Arc::new(AtomicBool::new(false));
        #[cfg(unix)]
        let signals = [
            signal_hook::consts::SIGINT,
            signal_hook::consts::SIGTERM,
            signal_hook::consts::SIGHUP,
        ];
        #[cfg(not(unix))]
        let signals = [signal_hook::consts::SIGINT, signal_hook::consts::SIGTERM];
        for sig in signals {
            signal_hook::flag::register(sig, Arc::clone(&flag))?;
        }
        Ok(Signals { flag })
    }

    pub fn received(&self) -> bool {
        self.flag.load(Ordering::Relaxed)
    }
}
