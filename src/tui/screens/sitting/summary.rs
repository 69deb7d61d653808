//! The end of a session: one row per answer (follow-ups indented under their question), the
//! averages, and Enter to open any answer's full result; after a set's sitting, the command
//! that sends it to the tutor.

use std::time::Duration;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Paragraph, Row, Table, TableState};
use unicode_width::UnicodeWidthStr;

use crate::i18n::{Ui, fill};
use crate::tui::layout::panel;
use crate::tui::theme::Theme;
use crate::tui::widgets::countdown::mmss;
use crate::tui::widgets::wrap::{wrap, wrap_str};

/// One answered question (or follow-up) in the summary.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SummaryRow {
    /// The question or follow-up as a person reads it (`filter::question_label`).
    pub label: String,
    pub followup: bool,
    pub total: u8,
    pub content: u8,
    pub structure: u8,
    pub delivery: u8,
    pub seconds: u32,
}

/// The mean of each score over main answers (follow-ups are extra questions, not the
/// interview's own), rounded as everywhere (`review::shown_average`); `None` when there are
/// none.
pub fn averages(rows: &[SummaryRow]) -> Option<[u8; 4]> {
    let main: Vec<&SummaryRow> = rows.iter().filter(|r| !r.followup).collect();
    if main.is_empty() {
        return None;
    }
    let n = main.len() as f64;
    let mean = |f: fn(&SummaryRow) -> u8| {
        let sum: f64 = main.iter().map(|r| f64::from(f(r))).sum();
        crate::review::shown_average(sum / n)
    };
    Some([
        mean(|r| r.total),
        mean(|r| r.content),
        mean(|r| r.structure),
        mean(|r| r.delivery),
    ])
}

fn score_cell(score: u8, theme: Theme) -> Cell<'static> {
    Cell::from(Span::styled(
        format!("{score:>3}"),
        theme.bar_number(Theme::score_color(score)),
    ))
}

pub fn draw(
    frame: &mut Frame,
    area: Rect,
    ui: &Ui,
    theme: Theme,
    (rows, export): (&[SummaryRow], Option<&str>),
    selected: usize,
) {
    let block = panel(Span::styled(ui.summary_title, theme.title()), true, theme);
    if rows.is_empty() {
        frame.render_widget(Paragraph::new(ui.nothing_answered).block(block), area);
        return;
    }
    let header = Row::new(vec![
        Cell::from("#"),
        Cell::from(ui.col_question),
        Cell::from(ui.total),
        Cell::from(ui.dim_content),
        Cell::from(ui.dim_structure),
        Cell::from(ui.dim_delivery),
        Cell::from(ui.col_time),
    ])
    .style(theme.title());
    // Each number column as wide as its header (a score needs 3 cells, a time 5), so no
    // header is cut; the question takes the rest.
    let fit =
        |header: &str, least: u16| u16::try_from(header.width()).unwrap_or(u16::MAX).max(least);
    let numbers = [
        fit(ui.total, 3),
        fit(ui.dim_content, 3),
        fit(ui.dim_structure, 3),
        fit(ui.dim_delivery, 3),
        fit(ui.col_time, 5),
    ];
    // Borders, the "> " marker, the # column and one space between each two columns.
    let taken = 2 + 2 + 3 + numbers.iter().sum::<u16>() + 6;
    let question_width = usize::from(area.width.saturating_sub(taken).max(12));
    let mut n = 0;
    let body: Vec<Row> = rows
        .iter()
        .map(|r| {
            // The question wraps under itself rather than be cut; a follow-up is indented.
            let (number, indent, label) = if r.followup {
                let label = fill(ui.labelled, &[("label", &ui.followup), ("text", &r.label)]);
                (String::new(), "  ", label)
            } else {
                n += 1;
                (n.to_string(), "", r.label.clone())
            };
            let label = crate::text::sanitize_line(&label);
            let lines: Vec<Line> = wrap_str(&label, question_width.saturating_sub(indent.len()))
                .into_iter()
                .map(|l| Line::from(format!("{indent}{l}")))
                .collect();
            let height = u16::try_from(lines.len().max(1)).unwrap_or(1);
            Row::new(vec![
                Cell::from(number),
                Cell::from(lines),
                score_cell(r.total, theme),
                score_cell(r.content, theme),
                score_cell(r.structure, theme),
                score_cell(r.delivery, theme),
                Cell::from(mmss(Duration::from_secs(r.seconds.into()))),
            ])
            .height(height)
        })
        .collect();
    let widths = [
        Constraint::Length(3),
        Constraint::Min(12),
        Constraint::Length(numbers[0]),
        Constraint::Length(numbers[1]),
        Constraint::Length(numbers[2]),
        Constraint::Length(numbers[3]),
        Constraint::Length(numbers[4]),
    ];
    // The export command under the averages, on a line of its own (it is to be typed).
    let export = export.map_or_else(Vec::new, |cmd| {
        let lines = [
            Line::from(Span::styled(ui.summary_export, theme.dim())),
            Line::from(Span::styled(cmd.to_string(), theme.title())),
        ];
        wrap(&lines, area.width)
    });
    let export_rows = u16::try_from(export.len()).unwrap_or(u16::MAX);
    let [table_area, avg_area, export_area] = Layout::vertical([
        Constraint::Min(3),
        Constraint::Length(1),
        Constraint::Length(export_rows),
    ])
    .areas(area);
    frame.render_widget(Paragraph::new(export), export_area);
    let table = Table::new(body, widths)
        .header(header)
        .block(block)
        .row_highlight_style(theme.selected())
        .highlight_symbol("> ");
    let mut state = TableState::default().with_selected(Some(selected));
    frame.render_stateful_widget(table, table_area, &mut state);
    if let Some([t, c, s, d]) = averages(rows) {
        let scores = format!(
            "{} {t}  {} {c}  {} {s}  {} {d}",
            ui.total, ui.dim_content, ui.dim_structure, ui.dim_delivery
        );
        let text = fill(ui.labelled, &[("label", &ui.average), ("text", &scores)]);
        frame.render_widget(
            Paragraph::new(Line::from(Span::styled(text, Style::default()))),
            avg_area,
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(total: u8, followup: bool) -> SummaryRow {
        SummaryRow {
            label: "b/q".into(),
            followup,
            total,
            content: total,
            structure: 50,
            delivery: 0,
            seconds: 60,
        }
    }

    #[test]
    fn averages_leave_follow_ups_out() {
        let rows = [row(80, false), row(0, true), row(61, false)];
        assert_eq!(averages(&rows), Some([71, 71, 50, 0]));
        assert_eq!(averages(&[row(10, true)]), None);
    }
}
