//! The history screen: the filters on one line, then the sessions newest first (date, ✎ when
//! a tutor graded it, mode, banks, questions, average) with the selected one highlighted.

use chrono::FixedOffset;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Paragraph, Row, Table, TableState};

use crate::i18n::{Ui, fill};
use crate::store::SessionSummary;
use crate::tui::app::App;
use crate::tui::filter::{describe, mode_name};
use crate::tui::layout::panel;
use crate::tui::screens::history::History;
use crate::tui::widgets::wrap::wrap;

/// `2023-11-15 06:13` in `tz` (Unix seconds out of range show as the epoch).
pub fn date(tz: FixedOffset, secs: i64) -> String {
    crate::dates::minute(secs, &tz)
        .or_else(|| crate::dates::minute(0, &tz))
        .unwrap_or_default()
}

/// The mode, and the preset when there was one (`练习·drill`).
pub fn mode_label(ui: &Ui, s: &SessionSummary) -> String {
    let mode = mode_name(ui, s.mode);
    match &s.preset {
        Some(p) => format!("{mode}·{}", crate::text::sanitize_line(p)),
        None => mode.to_string(),
    }
}

pub fn draw(frame: &mut Frame, area: Rect, app: &App, h: &History) {
    let ui = app.ui;
    let [filters, list] = Layout::vertical([Constraint::Length(1), Constraint::Min(3)]).areas(area);
    frame.render_widget(
        Paragraph::new(Span::styled(describe(ui, &h.filter), app.theme.dim())),
        filters,
    );
    let mut block = panel(fill(ui.history_title, &[("n", &h.count)]), true, app.theme);
    if h.rows.iter().any(|s| s.graded) {
        // The ✎ column explained where it is seen, in the list's own border.
        block = block.title_bottom(Line::from(Span::styled(ui.graded_legend, app.theme.dim())));
    }
    if h.loaded && h.count == 0 {
        let empty = h.filter == Default::default();
        let text = if empty {
            ui.no_history
        } else {
            ui.no_history_match
        };
        let lines = wrap(&[Line::from(text)], block.inner(list).width);
        frame.render_widget(Paragraph::new(lines).block(block), list);
        return;
    }
    let header = Row::new([
        ui.col_date,
        "",
        ui.col_mode,
        ui.col_banks,
        ui.col_questions,
        ui.col_average,
    ])
    .style(app.theme.title());
    // What the banks column gets: the list's inside less the other columns, the spaces
    // between the six, and the highlight symbol.
    let banks_width = usize::from(list.width.saturating_sub(2 + 2 + 16 + 1 + 14 + 4 + 4 + 5));
    let rows = h.rows.iter().map(|s| {
        let average = s.average_total.map_or_else(
            || "-".to_string(),
            |a| crate::review::shown_average(a).to_string(),
        );
        Row::new([
            Cell::from(date(app.tz, s.started_at)),
            Cell::from(if s.graded { ui.graded_mark } else { "" }),
            Cell::from(mode_label(ui, s)),
            Cell::from(crate::text::ellipsize(
                &if s.banks.is_empty() {
                    ui.filter_all.to_string()
                } else {
                    app.banks.titles_of(&s.banks)
                },
                banks_width,
            )),
            Cell::from(format!("{:>3}", s.questions)),
            Cell::from(format!("{average:>3}")),
        ])
    });
    let table = Table::new(
        rows,
        [
            Constraint::Length(16),
            Constraint::Length(1),
            Constraint::Length(14),
            Constraint::Min(8),
            Constraint::Length(4),
            Constraint::Length(4),
        ],
    )
    .header(header)
    .block(block)
    .row_highlight_style(app.theme.selected())
    .highlight_symbol("> ");
    let selected = h.cursor.checked_sub(h.offset).filter(|i| *i < h.rows.len());
    let mut state = TableState::default().with_selected(selected);
    frame.render_stateful_widget(table, list, &mut state);
}
