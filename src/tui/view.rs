//! `view(app, frame)`: draws the current screen inside the common frame (title line, body,
//! status line) and any overlay on top. Below the minimum size only the "too small" screen
//! is drawn, so no screen ever lays out into a space it cannot fit.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::tui::app::{App, Level, Overlay, Screen};
use crate::tui::layout::{MIN_HEIGHT, MIN_WIDTH};
use crate::tui::screens;

pub fn view(app: &App, frame: &mut Frame) {
    let area = frame.area();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        screens::too_small::draw(frame, area, app.ui);
        return;
    }
    let [title, body, status] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(1),
    ])
    .areas(area);
    let keys = match &app.screen {
        Screen::Home(home) => {
            screens::home::draw(frame, body, app, home);
            app.ui.home_keys
        }
    };
    draw_title(frame, title, app);
    draw_status(frame, status, app, keys);
    match &app.overlay {
        None => {}
        Some(Overlay::Help) => screens::help::draw(frame, area, app),
        Some(Overlay::Restore(draft)) => screens::restore::draw(frame, area, app, draft),
        Some(Overlay::ConfirmLeave) => screens::confirm::draw(frame, area, app),
    }
}

fn draw_title(frame: &mut Frame, area: Rect, app: &App) {
    let line = Line::from(Span::styled(app.ui.app_title, app.theme.title()));
    frame.render_widget(Paragraph::new(line), area);
}

/// The status line: a live notice if there is one, else the keys of the screen.
fn draw_status(frame: &mut Frame, area: Rect, app: &App, keys: &str) {
    let line = match app.live_notice() {
        Some(n) => {
            let style = match n.level {
                Level::Info => app.theme.good(),
                Level::Warn => app.theme.warn(),
                Level::Error => app.theme.bad(),
            };
            Line::from(Span::styled(n.text.clone(), style))
        }
        None => Line::from(Span::styled(keys.to_string(), app.theme.dim())),
    };
    frame.render_widget(Paragraph::new(line), area);
}
