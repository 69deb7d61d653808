//! The progress screen: the total and each dimension per session over time (a `Chart`), the
//! average total per category (a `BarChart`), time used against the limit (a `Sparkline`),
//! and the points and structure steps left out most often, said the way a coach would.

use ratatui::Frame;
use ratatui::layout::{Constraint, Direction, Layout, Rect};
use ratatui::style::{Color, Style};
use ratatui::symbols::{Marker, bar};
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    Axis, Bar, BarChart, BarGroup, Chart, Dataset, GraphType, Paragraph, Sparkline,
};

use crate::i18n::{Ui, fill};
use crate::review::progress::{Averages, Progress};
use crate::tui::app::App;
use crate::tui::filter::{category_name, describe};
use crate::tui::layout::{panel, wrapped};
use crate::tui::screens::progress::ProgressScreen;
use crate::tui::theme::Theme;
use crate::tui::widgets::wrap::wrap;

/// Missed points and sections listed (the most frequent).
const LISTED: usize = 5;

/// Bar cells from characters of one fixed (narrow) width in every terminal: block elements
/// (▁…█) are ambiguous-width and go double in CJK terminals. Braille levels for the
/// sparkline; for the bar chart, spaces drawn reversed (`Theme::bar`), as the score bars are.
const BRAILLE_LEVELS: bar::Set = bar::Set {
    full: "⣿",
    seven_eighths: "⣿",
    three_quarters: "⣶",
    five_eighths: "⣶",
    half: "⣤",
    three_eighths: "⣤",
    one_quarter: "⣀",
    one_eighth: "⣀",
    empty: " ",
};
const REVERSED_SPACES: bar::Set = bar::Set {
    full: " ",
    seven_eighths: " ",
    three_quarters: " ",
    five_eighths: " ",
    half: " ",
    three_eighths: " ",
    one_quarter: " ",
    one_eighth: " ",
    empty: " ",
};

pub fn draw(frame: &mut Frame, area: Rect, app: &App, p: &ProgressScreen) {
    let ui = app.ui;
    let [filters, body] = Layout::vertical([Constraint::Length(1), Constraint::Min(3)]).areas(area);
    frame.render_widget(
        Paragraph::new(Span::styled(describe(ui, &p.filter), app.theme.dim())),
        filters,
    );
    let progress = match &p.progress {
        Some(pr) if !pr.sessions.is_empty() => pr,
        _ => {
            let block = panel(ui.progress_title, true, app.theme);
            let text = if p.progress.is_some() {
                ui.no_progress
            } else {
                ""
            };
            frame.render_widget(wrapped(&[Line::from(text)], block, body, 0), body);
            return;
        }
    };
    let [chart, bottom] =
        Layout::vertical([Constraint::Percentage(45), Constraint::Min(6)]).areas(body);
    draw_chart(frame, chart, ui, app.theme, progress);
    let [cats, notes] =
        Layout::horizontal([Constraint::Percentage(45), Constraint::Percentage(55)]).areas(bottom);
    draw_categories(frame, cats, app, progress);
    // The time pane grows by the rows its sentence wraps to, so its end is never cut.
    let time_text = time_line(ui, progress);
    let time_rows = wrap(
        &[Line::from(time_text.as_str())],
        notes.width.saturating_sub(2),
    )
    .len();
    let time_height = u16::try_from(time_rows).unwrap_or(1).saturating_add(3);
    let [time, missed] =
        Layout::vertical([Constraint::Length(time_height), Constraint::Min(2)]).areas(notes);
    draw_time(frame, time, ui, app.theme, progress, &time_text);
    let lines = notes_lines(ui, app.theme, progress);
    let block = panel(ui.progress_missed, false, app.theme);
    frame.render_widget(wrapped(&lines, block, missed, p.scroll), missed);
}

/// The total and the three dimensions, one point per session (x = the session's place,
/// oldest first). Braille dots only (the other markers are ambiguous-width); without colour
/// the lines could not be told apart, so only the total is drawn.
fn draw_chart(frame: &mut Frame, area: Rect, ui: &Ui, theme: Theme, p: &Progress) {
    type Pick = fn(&Averages) -> f64;
    let all: [(&str, Pick, Color); 4] = [
        (ui.total, |a| a.total, Color::Cyan),
        (ui.dim_content, |a| a.content, Color::Green),
        (ui.dim_structure, |a| a.structure, Color::Yellow),
        (ui.dim_delivery, |a| a.delivery, Color::Magenta),
    ];
    let series = if theme.has_color() {
        &all[..]
    } else {
        &all[..1]
    };
    let points: Vec<Vec<(f64, f64)>> = series
        .iter()
        .map(|(_, pick, _)| {
            p.sessions
                .iter()
                .enumerate()
                .map(|(i, s)| (i as f64 + 1.0, pick(&s.scores)))
                .collect()
        })
        .collect();
    let datasets = series
        .iter()
        .zip(&points)
        .map(|((name, _, color), data)| {
            let style = if theme.has_color() {
                Style::default().fg(*color)
            } else {
                Style::default()
            };
            Dataset::default()
                .name(*name)
                .marker(Marker::Braille)
                .graph_type(if data.len() > 1 {
                    GraphType::Line
                } else {
                    GraphType::Scatter
                })
                .style(style)
                .data(data)
        })
        .collect();
    let n = p.sessions.len();
    let title = format!(
        "{}  {}",
        ui.progress_over_time,
        fill(ui.progress_sessions, &[("n", &n)])
    );
    // The legend is one line under the chart, drawn in each line's colour: ratatui's own box
    // hides itself when the chart is short (80x24), and the lines could not be told apart.
    let mut legend = Vec::new();
    for ((name, _, color), _) in series.iter().zip(&points) {
        let style = if theme.has_color() {
            Style::default().fg(*color)
        } else {
            Style::default()
        };
        legend.push(Span::styled(format!(" ⣿ {name} "), style));
    }
    let chart = Chart::new(datasets)
        .block(panel(title, false, theme).title_bottom(Line::from(legend)))
        .hidden_legend_constraints((Constraint::Length(0), Constraint::Length(0)))
        .x_axis(
            Axis::default()
                .bounds([1.0, (n as f64).max(2.0)])
                .labels(["1".to_string(), n.to_string()]),
        )
        .y_axis(
            Axis::default()
                .bounds([0.0, 100.0])
                .labels(["0", "50", "100"]),
        );
    frame.render_widget(chart, area);
}

fn draw_categories(frame: &mut Frame, area: Rect, app: &App, p: &Progress) {
    let bars: Vec<Bar> = p
        .categories
        .iter()
        .map(|c| {
            let total = c.scores.total.round().clamp(0.0, 100.0) as u64;
            Bar::default()
                .label(Line::from(category_name(app.lang, &c.category)))
                .value(total)
                .style(app.theme.bar(Theme::score_color(total as u8)))
        })
        .collect();
    let chart = BarChart::default()
        .block(panel(app.ui.progress_categories, false, app.theme))
        .direction(Direction::Horizontal)
        .bar_width(1)
        .bar_gap(0)
        .bar_set(REVERSED_SPACES)
        .max(100)
        .data(BarGroup::default().bars(&bars));
    frame.render_widget(chart, area);
}

/// The average share of the limit used and the answers over it, in words.
fn time_line(ui: &Ui, p: &Progress) -> String {
    let known: Vec<f64> = p.sessions.iter().filter_map(|s| s.time_share).collect();
    let average = if known.is_empty() {
        0.0
    } else {
        known.iter().sum::<f64>() / known.len() as f64 * 100.0
    };
    let over: usize = p.sessions.iter().map(|s| s.over_limit).sum();
    fill(
        ui.progress_time_avg,
        &[("p", &format!("{average:.0}")), ("n", &over)],
    )
}

/// Share of the limit used per session (100 = all of it), and `line` below it.
fn draw_time(frame: &mut Frame, area: Rect, ui: &Ui, theme: Theme, p: &Progress, line: &str) {
    let shares: Vec<u64> = p
        .sessions
        .iter()
        .map(|s| s.time_share.map_or(0, |t| (t * 100.0).round() as u64))
        .collect();
    let block = panel(ui.progress_time, false, theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let [spark, text] = Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(inner);
    // The most recent sessions that fit.
    let from = shares.len().saturating_sub(usize::from(spark.width));
    frame.render_widget(
        Sparkline::default()
            .data(&shares[from..])
            .max(150)
            .bar_set(BRAILLE_LEVELS),
        spark,
    );
    let line = Line::from(Span::styled(line, theme.dim()));
    frame.render_widget(Paragraph::new(wrap(&[line], text.width)), text);
}

fn notes_lines(ui: &Ui, theme: Theme, p: &Progress) -> Vec<Line<'static>> {
    let clean = crate::text::sanitize_line;
    let mut lines = Vec::new();
    for m in p.missed_points.iter().take(LISTED) {
        // "Often" only once it happened more than once.
        let sentence = if m.missed >= 2 {
            ui.progress_you_miss
        } else {
            ui.progress_you_missed
        };
        let text = fill(
            sentence,
            &[
                ("name", &clean(&m.name)),
                ("missed", &m.missed),
                ("asked", &m.asked),
            ],
        );
        lines.push(Line::from(Span::styled(text, theme.warn())));
    }
    if p.missed_points.is_empty() {
        lines.push(Line::from(Span::styled(ui.insights_none, theme.dim())));
    }
    lines.push(Line::from(Span::styled(
        ui.progress_sections,
        theme.title(),
    )));
    for m in p.missing_sections.iter().take(LISTED) {
        lines.push(Line::from(fill(
            ui.progress_section_missing,
            &[
                ("name", &clean(&m.name)),
                ("missed", &m.missed),
                ("asked", &m.asked),
            ],
        )));
    }
    if p.missing_sections.is_empty() {
        lines.push(Line::from(Span::styled(ui.insights_none, theme.dim())));
    }
    lines
}
