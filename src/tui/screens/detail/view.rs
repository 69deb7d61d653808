//! The session detail: one saved answer at a time, drawn by the result screen (marked-up
//! answer, bars, misses with hints, time used, the reference on a key). On `s` the saved card
//! and today's are shown side by side (stacked when the window is narrow); on `i`, insights.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::i18n::{Ui, fill};
use crate::review::history::{Rescore, examples, reference};
use crate::review::insights::{Insights, WordCount};
use crate::review::report::GradeText;
use crate::scoring::Scorecard;
use crate::session::Mode;
use crate::store::AnswerRecord;
use crate::tui::app::App;
use crate::tui::layout::{panel, wrapped};
use crate::tui::screens::detail::{Detail, Panel};
use crate::tui::screens::history::view::{date, mode_label};
use crate::tui::screens::result::{self, ResultView, details};
use crate::tui::theme::Theme;
use crate::tui::widgets::wrap::GLUE;

/// Windows at least this wide show old and new cards side by side.
const SIDE_BY_SIDE: u16 = 100;

pub fn draw(frame: &mut Frame, area: Rect, app: &App, d: &Detail) {
    let ui = app.ui;
    let Some(answer) = d.current() else {
        let block = panel(date(app.tz, d.session.summary.started_at), true, app.theme);
        frame.render_widget(wrapped(&[Line::from(ui.no_answers)], block, area, 0), area);
        return;
    };
    let heading = heading(app, d, answer);
    match &d.panel {
        Panel::Result => {
            let view = ResultView {
                heading,
                answer: (answer.mode != Mode::Spoken).then_some(answer.answer_text.as_str()),
                card: &answer.scorecard,
                seconds: answer.seconds_used,
                reference: reference(&app.banks, answer),
                show_reference: d.result.show_reference,
                examples: examples(&app.banks, answer),
                show_examples: d.result.show_examples,
                scroll: d.result.scroll,
                answer_scroll: d.result.answer_scroll,
                tutor: tutor_lines(app, d),
            };
            result::draw(frame, area, ui, app.theme, &view);
        }
        Panel::Rescore(r) => {
            let at = (answer.seconds_used, d.result.scroll);
            draw_rescore(frame, area, app, &heading, r, at)
        }
        Panel::Insights(i) => {
            let [head, body] =
                Layout::vertical([Constraint::Length(1), Constraint::Min(3)]).areas(area);
            frame.render_widget(Paragraph::new(Span::styled(heading, app.theme.dim())), head);
            let block = panel(ui.insights_title, true, app.theme);
            let lines = insight_lines(ui, app.theme, i);
            frame.render_widget(wrapped(&lines, block, body, d.result.scroll), body);
        }
    }
}

/// Each tutor's grade of the answer: who, the overall and when in the grade colour, then
/// the dimensions and the comment.
fn tutor_lines(app: &App, d: &Detail) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    for g in d.tutor_grades() {
        let text = GradeText::new(g, app.lang, &date(app.tz, g.graded_at));
        let colour = Theme::score_color(g.overall);
        out.push(Line::from(Span::styled(
            format!("{} {}", app.ui.graded_mark, text.head),
            app.theme.bar_number(colour),
        )));
        let rest = std::iter::once(text.dims_line(GLUE)).chain(text.comment);
        out.extend(rest.map(|l| Line::from(Span::styled(format!("  {l}"), app.theme.dim()))));
    }
    out
}

/// `2023-11-15 06:13  练习  第 2/3 条  投诉与售后  追问`.
fn heading(app: &App, d: &Detail, a: &AnswerRecord) -> String {
    let s = &d.session.summary;
    let mut parts = vec![fill(
        app.ui.detail_heading,
        &[
            ("date", &date(app.tz, s.started_at)),
            ("mode", &mode_label(app.ui, s)),
            ("i", &(d.cursor + 1)),
            ("n", &d.order.len()),
        ],
    )];
    parts.push(crate::tui::filter::category_name(app.lang, &a.category));
    if a.followup.is_some() {
        parts.push(app.ui.followup.to_string());
    }
    if a.attempt > 1 {
        parts.push(fill(app.ui.attempt, &[("n", &a.attempt)]));
    }
    parts.join("  ")
}

/// `(seconds, scroll)`: the answer's time used and how far the details are scrolled.
fn draw_rescore(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    heading: &str,
    r: &Rescore,
    (seconds, scroll): (u32, u16),
) {
    let ui = app.ui;
    let [head, body] = Layout::vertical([Constraint::Length(1), Constraint::Min(3)]).areas(area);
    frame.render_widget(
        Paragraph::new(Span::styled(heading.to_string(), app.theme.dim())),
        head,
    );
    let Some(new) = r.new_card() else {
        let [note, old] = Layout::vertical([Constraint::Length(1), Constraint::Min(3)]).areas(body);
        frame.render_widget(
            Paragraph::new(Span::styled(ui.rescore_gone, app.theme.warn())),
            note,
        );
        draw_card(
            frame,
            old,
            ui,
            app.theme,
            (ui.rescore_old, r.old(), seconds),
            scroll,
        );
        return;
    };
    let [a, b] = if area.width >= SIDE_BY_SIDE {
        Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)]).areas(body)
    } else {
        Layout::vertical([Constraint::Percentage(50), Constraint::Percentage(50)]).areas(body)
    };
    draw_card(
        frame,
        a,
        ui,
        app.theme,
        (ui.rescore_old, r.old(), seconds),
        scroll,
    );
    draw_card(
        frame,
        b,
        ui,
        app.theme,
        (ui.rescore_new, new, seconds),
        scroll,
    );
}

/// One card of the comparison: its scores, then the result screen's details pane.
fn draw_card(
    frame: &mut Frame,
    area: Rect,
    ui: &Ui,
    theme: Theme,
    (title, card, seconds): (&str, &Scorecard, u32),
    scroll: u16,
) {
    let [scores, rest] = Layout::vertical([Constraint::Length(4), Constraint::Min(1)]).areas(area);
    result::draw_scores(frame, scores, ui, theme, (title, card, seconds));
    let lines = details(ui, theme, card);
    frame.render_widget(
        wrapped(&lines, panel(title, false, theme), rest, scroll),
        rest,
    );
}

fn insight_lines(ui: &Ui, theme: Theme, i: &Insights) -> Vec<Line<'static>> {
    let clean = crate::text::sanitize_line;
    let none = || Line::from(Span::styled(format!("  {}", ui.insights_none), theme.dim()));
    let mut lines = vec![Line::from(Span::styled(ui.insights_covered, theme.title()))];
    for p in &i.covered {
        let mut spans = vec![Span::styled("✓ ", theme.good()), Span::raw(clean(&p.name))];
        if let Some(m) = &p.matched {
            let quoted = fill(ui.quoted, &[("text", &clean(m))]);
            spans.push(Span::styled(format!(" {quoted}"), theme.dim()));
        }
        lines.push(Line::from(spans));
    }
    if i.covered.is_empty() {
        lines.push(none());
    }
    lines.push(Line::from(Span::styled(ui.insights_missed, theme.title())));
    for p in &i.missed {
        let mut spans = vec![Span::styled("✗ ", theme.bad()), Span::raw(clean(&p.name))];
        if p.required {
            spans.push(Span::styled(format!(" [{}]", ui.required), theme.warn()));
        }
        lines.push(Line::from(spans));
    }
    if i.missed.is_empty() {
        lines.push(none());
    }
    let counts = |words: &[WordCount]| {
        words
            .iter()
            .map(|w| format!("{}×{}", clean(&w.word), w.count))
            .collect::<Vec<_>>()
            .join("  ")
    };
    for (title, text) in [
        (ui.insights_words, counts(&i.top_words)),
        (ui.insights_fillers, counts(&i.fillers)),
        (
            ui.insights_enumeration,
            i.enumerations
                .iter()
                .map(|m| clean(&m.word))
                .collect::<Vec<_>>()
                .join(" → "),
        ),
    ] {
        lines.push(Line::from(Span::styled(title, theme.title())));
        if text.is_empty() {
            lines.push(none());
        } else {
            lines.push(Line::from(format!("  {text}")));
        }
    }
    lines
}
