//! The home screen: mode, banks, categories and settings, then Enter to start.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{List, ListItem, ListState, Paragraph};
use unicode_width::UnicodeWidthStr;

use crate::i18n::fill;
use crate::tui::app::App;
use crate::tui::layout::panel;
use crate::tui::screens::home::{Choice, Home, Pane, TickList};
use crate::tui::widgets::wrap::wrap;
use crate::tutor::set_files::SetEntry;

/// Bank problems listed on the home screen (the rest are counted).
const PROBLEMS_SHOWN: usize = 3;

pub fn draw(frame: &mut Frame, area: Rect, app: &App, home: &Home) {
    let about_height = if app.banks.problems.is_empty() {
        2
    } else {
        3 + PROBLEMS_SHOWN as u16
    };
    let [top, review, about] = Layout::vertical([
        Constraint::Min(6),
        Constraint::Length(1),
        Constraint::Length(about_height),
    ])
    .areas(area);
    let [left, right] =
        Layout::horizontal([Constraint::Percentage(40), Constraint::Percentage(60)]).areas(top);
    let [mode_area, settings_area] =
        Layout::vertical([Constraint::Length(6), Constraint::Min(4)]).areas(left);
    // The sets pane is there only when sets were found, so the home screen of someone
    // without sets stays as it was.
    let [banks_area, cats_area, sets_area] = if app.sets.is_empty() {
        let [b, c] =
            Layout::vertical([Constraint::Percentage(50), Constraint::Percentage(50)]).areas(right);
        [b, c, Rect::default()]
    } else {
        Layout::vertical([Constraint::Ratio(1, 3); 3]).areas(right)
    };
    if !app.sets.is_empty() {
        draw_sets(frame, sets_area, app, home);
    }

    draw_modes(frame, mode_area, app, home);
    draw_settings(frame, settings_area, app, home);
    draw_banks(frame, banks_area, app, home);
    draw_categories(frame, cats_area, app, home);
    draw_about(frame, about, app, home);
    draw_review(frame, review, app, home);
}

/// The review entries and their keys, with the number of questions due today.
fn draw_review(frame: &mut Frame, area: Rect, app: &App, home: &Home) {
    let text = match home.due {
        Some(n) => fill(app.ui.review_line, &[("n", &n)]),
        None => app.ui.review_line_unknown.to_string(),
    };
    frame.render_widget(Paragraph::new(Span::styled(text, app.theme.title())), area);
}

fn pane_title(title: &str, note: Option<&str>) -> String {
    match note {
        Some(n) => format!("{title} {n}"),
        None => title.to_string(),
    }
}

/// A list with the cursor row highlighted when the pane has focus.
fn draw_list(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    title: String,
    focused: bool,
    items: Vec<ListItem<'static>>,
    cursor: usize,
) {
    let highlight = if focused {
        app.theme.selected()
    } else {
        Style::default()
    };
    let list = List::new(items)
        .block(panel(title, focused, app.theme))
        .highlight_style(highlight)
        .highlight_symbol("> ");
    let mut state = ListState::default().with_selected(Some(cursor));
    frame.render_stateful_widget(list, area, &mut state);
}

fn draw_modes(frame: &mut Frame, area: Rect, app: &App, home: &Home) {
    let items = Choice::ALL
        .iter()
        .map(|c| ListItem::new(c.name(app.ui)))
        .collect();
    let cursor = Choice::ALL
        .iter()
        .position(|c| *c == home.choice)
        .unwrap_or(0);
    let title = app.ui.pane_mode.to_string();
    draw_list(
        frame,
        area,
        app,
        title,
        home.pane == Pane::Mode,
        items,
        cursor,
    );
}

fn tick(on: bool) -> &'static str {
    if on { "[x] " } else { "[ ] " }
}

/// The note after a list's title: fixed by the preset, or "none ticked = all".
fn list_note(app: &App, home: &Home, ticked: &[bool]) -> Option<&'static str> {
    if home.choice == Choice::Civil {
        Some(app.ui.civil_fixed)
    } else if !ticked.iter().any(|t| *t) {
        Some(app.ui.all_selected_hint)
    } else {
        None
    }
}

fn draw_banks(frame: &mut Frame, area: Rect, app: &App, home: &Home) {
    let labels = home
        .banks
        .iter()
        .map(|b| format!("{} ({})", b.title, b.questions));
    let list = (&home.bank_list, Pane::Banks, app.ui.pane_banks);
    draw_tick_list(frame, area, app, home, labels, list);
}

/// A pane of tickable rows (banks, categories): its title carries the preset/"all" note.
fn draw_tick_list(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    home: &Home,
    labels: impl Iterator<Item = String>,
    (list, pane, name): (&TickList, Pane, &str),
) {
    // A long title wraps under itself rather than losing its end: inside the borders and
    // the "> " of the selected row.
    let width = area.width.saturating_sub(4);
    let items = labels
        .zip(&list.ticked)
        .map(|(label, t)| {
            let mark = tick(*t);
            let line = Line::from(format!("{mark}{label}"));
            ListItem::new(crate::tui::widgets::wrap::wrap_line(
                &line,
                width,
                mark.width(),
            ))
        })
        .collect();
    let title = pane_title(name, list_note(app, home, &list.ticked));
    draw_list(
        frame,
        area,
        app,
        title,
        home.pane == pane,
        items,
        list.cursor,
    );
}

/// One row per set: title, tutor, due date (in warning style once past), question count; a
/// file that does not load shows its problem.
fn draw_sets(frame: &mut Frame, area: Rect, app: &App, home: &Home) {
    let ui = app.ui;
    let now = app.clock.unix_now();
    let items = app
        .sets
        .iter()
        .map(|entry| match entry {
            // Most telling first (title, due, size); the tutor last, cut first when narrow.
            SetEntry::Ready(set) => {
                let mut spans = vec![Span::raw(crate::text::sanitize_line(&set.title))];
                if let Some(due) = &set.due {
                    let mut text = fill(ui.set_due, &[("due", &due_date(app, due))]);
                    let style = if set.is_late(now) {
                        text = format!("{text} {}", ui.set_late);
                        app.theme.warn()
                    } else {
                        Style::default()
                    };
                    spans.push(Span::styled(format!("  {text}"), style));
                }
                let n = fill(ui.set_questions, &[("n", &set.questions.len())]);
                spans.push(Span::styled(format!("  {n}"), app.theme.dim()));
                let taken = app.set_attempts.get(&set.id).copied().unwrap_or(0);
                let left = set.attempts_left(taken);
                let text = fill(
                    ui.set_attempts_left,
                    &[("left", &left), ("max", &set.attempts)],
                );
                let style = if left == 0 {
                    app.theme.warn()
                } else {
                    app.theme.dim()
                };
                spans.push(Span::styled(format!("  {text}"), style));
                if let Some(tutor) = &set.tutor {
                    let by = fill(ui.set_by, &[("tutor", &crate::text::sanitize_line(tutor))]);
                    spans.push(Span::styled(format!("  {by}"), app.theme.dim()));
                }
                ListItem::new(Line::from(spans))
            }
            SetEntry::Broken { file, problem } => ListItem::new(Line::from(vec![
                Span::raw(format!("{file}  ")),
                Span::styled(
                    crate::text::sanitize_line(&problem.in_file(app.lang)),
                    app.theme.bad(),
                ),
            ])),
        })
        .collect();
    let focused = home.pane == Pane::Sets;
    draw_list(
        frame,
        area,
        app,
        ui.pane_sets.to_string(),
        focused,
        items,
        home.set_cursor,
    );
}

/// A due date in the app's time zone to the minute; as written if out of range.
fn due_date(app: &App, due: &crate::tutor::set::Due) -> String {
    crate::dates::minute(due.unix, &app.tz)
        .unwrap_or_else(|| crate::text::sanitize_line(&due.written))
}

fn draw_categories(frame: &mut Frame, area: Rect, app: &App, home: &Home) {
    let labels = home
        .categories
        .iter()
        .map(|c| crate::tui::filter::category_name(app.lang, c));
    let list = (
        &home.category_list,
        Pane::Categories,
        app.ui.pane_categories,
    );
    draw_tick_list(frame, area, app, home, labels, list);
}

fn draw_settings(frame: &mut Frame, area: Rect, app: &App, home: &Home) {
    let ui = app.ui;
    let count = if home.choice == Choice::Civil {
        format!("4 {}", ui.civil_fixed)
    } else {
        format!("- {} +", home.count)
    };
    let seed = if home.seed.is_empty() {
        ui.seed_random.to_string()
    } else {
        home.seed.clone()
    };
    let lines = vec![
        Line::from(vec![
            Span::styled(format!("{}: ", ui.setting_count), app.theme.dim()),
            Span::raw(count),
        ]),
        Line::from(vec![
            Span::styled(format!("{}: ", ui.setting_seed), app.theme.dim()),
            Span::raw(seed),
        ]),
    ];
    let focused = home.pane == Pane::Settings;
    frame.render_widget(
        Paragraph::new(lines).block(panel(ui.pane_settings, focused, app.theme)),
        area,
    );
}

fn draw_about(frame: &mut Frame, area: Rect, app: &App, home: &Home) {
    let mut lines = vec![Line::from(Span::styled(
        home.choice.about(app.ui),
        app.theme.title(),
    ))];
    let problems = &app.banks.problems;
    if !problems.is_empty() {
        let files: std::collections::BTreeSet<&str> =
            problems.iter().map(|p| p.file.as_str()).collect();
        let head = fill(app.ui.banks_skipped, &[("n", &files.len())]);
        lines.push(Line::from(Span::styled(head, app.theme.warn())));
        for p in problems.iter().take(PROBLEMS_SHOWN) {
            lines.push(Line::from(crate::text::sanitize_line(&p.in_lang(app.lang))));
        }
    }
    frame.render_widget(Paragraph::new(wrap(&lines, area.width)), area);
}
