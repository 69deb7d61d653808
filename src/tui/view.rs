//! `view(app, frame)`: draws the current screen inside the common frame (title line, body,
//! a live notice, the key hints) and any overlay on top. Below the minimum size only the "too small" screen
//! is drawn, so no screen ever lays out into a space it cannot fit.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::tui::app::{App, Level, Overlay, Screen};
use crate::tui::layout::too_small;
use crate::tui::screens;

pub fn view(app: &App, frame: &mut Frame) {
    let area = frame.area();
    if too_small(area.width, area.height) {
        screens::too_small::draw(frame, area, app.ui);
        return;
    }
    let notice = notice_lines(app, area.width);
    let keys = keys_of(app);
    // Up to two rows of hints: at 80 columns the en interview with a figure needs them.
    let footer = crate::tui::widgets::footer::footer_rows(&keys, area.width, app.theme);
    let [title, body, notice_area, status] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(u16::try_from(notice.len()).unwrap_or(0)),
        Constraint::Length(u16::try_from(footer.len().max(1)).unwrap_or(1)),
    ])
    .areas(area);
    match &app.screen {
        Screen::Home(home) => screens::home::view::draw(frame, body, app, home),
        Screen::Sitting(s) => screens::sitting::view::draw(frame, body, app, s),
        Screen::History(h) => screens::history::view::draw(frame, body, app, h),
        Screen::Detail(d) => screens::detail::view::draw(frame, body, app, d),
        Screen::Progress(p) => screens::progress::view::draw(frame, body, app, p),
    };
    draw_title(frame, title, app);
    frame.render_widget(Paragraph::new(notice), notice_area);
    frame.render_widget(Paragraph::new(footer), status);
    match &app.overlay {
        None => {}
        Some(Overlay::Help) => screens::help::draw(frame, area, app),
        Some(Overlay::Restore(draft)) => screens::restore::draw(frame, area, app, draft),
        Some(Overlay::ConfirmLeave) => screens::confirm::draw(frame, area, app),
    }
}

/// The key hints of the screen on show (the footer is laid out before the screen is drawn).
fn keys_of(app: &App) -> String {
    let ui = app.ui;
    match &app.screen {
        Screen::Home(_) => ui.home_keys.to_string(),
        Screen::Sitting(s) => screens::sitting::view::keys(app, s),
        Screen::History(_) => ui.history_keys.to_string(),
        Screen::Detail(_) => ui.detail_keys.to_string(),
        Screen::Progress(_) => ui.progress_keys.to_string(),
    }
}

fn draw_title(frame: &mut Frame, area: Rect, app: &App) {
    let line = Line::from(Span::styled(app.ui.app_title, app.theme.title()));
    frame.render_widget(Paragraph::new(line), area);
}

/// Most rows a notice takes; a longer one (it never is) is cut.
const NOTICE_ROWS: usize = 3;

/// The live notice, wrapped by display width above the key hints: it is shown whole
/// (install hints are long) and the keys stay in sight.
fn notice_lines(app: &App, width: u16) -> Vec<Line<'static>> {
    let Some(n) = app.live_notice() else {
        return Vec::new();
    };
    let style = match n.level {
        Level::Info => app.theme.good(),
        Level::Warn => app.theme.warn(),
        Level::Error => app.theme.bad(),
    };
    let line = Line::from(Span::styled(n.text.clone(), style));
    let mut lines = crate::tui::widgets::wrap::wrap_line(&line, width, 0);
    lines.truncate(NOTICE_ROWS);
    lines
}
