//! The grading screen: who and where on top, the bundle's flags in red under it (never hidden),
//! the automatic score as on the result screen, then the answer with its marks (left) beside
//! the six dimensions with their bands and the comment editor (right).

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use crate::i18n::fill;
use crate::text::{ellipsize, sanitize_line};
use crate::tui::app::Level;
use crate::tui::grading::state::{Focus, Grading, Paper};
use crate::tui::layout::{MIN_HEIGHT, MIN_WIDTH, panel, wrapped};
use crate::tui::screens::result::{details, draw_scores};
use crate::tui::screens::too_small;
use crate::tui::theme::Theme;
use crate::tui::widgets::bars::{bar, pad};
use crate::tui::widgets::highlight::highlighted_answer;
use crate::tui::widgets::wrap::wrap;
use crate::tutor::bundle::BundleAnswer;
use crate::tutor::grading::Dimension;

pub fn view(g: &Grading, frame: &mut Frame) {
    let area = frame.area();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        too_small::draw(frame, area, g.ui);
        return;
    }
    let (Some(paper), Some(answer)) = (g.current_paper(), g.current_answer()) else {
        return;
    };
    let flags = flag_lines(g, paper, area.width);
    let flag_rows = u16::try_from(flags.len()).unwrap_or(3).min(3);
    let [head, flag_area, scores, body, status] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(flag_rows),
        Constraint::Length(4),
        Constraint::Min(6),
        Constraint::Length(1),
    ])
    .areas(area);
    frame.render_widget(Paragraph::new(header(g, paper)), head);
    frame.render_widget(Paragraph::new(flags), flag_area);
    let graded = g.grade_of(g.paper, &answer.question).is_some();
    let mark = format!(
        "  [{}]",
        if graded {
            g.ui.grade_graded
        } else {
            g.ui.grade_not_graded
        }
    );
    // The question by its title, cut with "…" so the graded mark always shows.
    let room = usize::from(scores.width).saturating_sub(mark.width());
    let heading = format!("{}{mark}", ellipsize(&answer.title(), room));
    draw_scores(
        frame,
        scores,
        g.ui,
        g.theme,
        (&heading, &answer.scorecard, answer.seconds_used),
    );
    let [left, right] =
        Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)]).areas(body);
    let lines = answer_lines(g, answer);
    let block = panel(g.ui.grade_answer, false, g.theme);
    frame.render_widget(wrapped(&lines, block, left, g.answer_scroll), left);
    let [dims, comment] =
        Layout::vertical([Constraint::Length(9), Constraint::Min(3)]).areas(right);
    draw_dimensions(frame, dims, g);
    let focused = g.focus == Focus::Comment;
    g.comment.render(
        frame,
        comment,
        panel(g.ui.grade_comment, focused, g.theme),
        focused,
    );
    frame.render_widget(Paragraph::new(status_line(g, status.width)), status);
    if g.help {
        let ui = g.ui;
        let lines = [
            ui.grade_help_scores,
            ui.grade_help_save,
            ui.grade_help_other,
        ];
        crate::tui::screens::help::draw_keys(frame, area, &lines, ui, g.theme);
    }
}

fn header(g: &Grading, paper: &Paper) -> Line<'static> {
    let c = &paper.bundle.content;
    let place = fill(
        g.ui.grade_where,
        &[
            ("candidate", &sanitize_line(&c.candidate)),
            ("set", &sanitize_line(&c.set_title)),
            ("i", &(g.answer + 1)),
            ("n", &c.answers.len()),
            ("f", &(g.paper + 1)),
            ("m", &g.papers.len()),
        ],
    );
    Line::from(vec![
        Span::styled(
            fill(g.ui.grade_title, &[("grader", &sanitize_line(&g.grader))]),
            g.theme.title(),
        ),
        Span::raw("  "),
        Span::styled(place, g.theme.dim()),
    ])
}

/// The flags of the paper and the files skipped, wrapped: none for a clean bundle when every
/// file could be read.
fn flag_lines(g: &Grading, paper: &Paper, width: u16) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    if !paper.flags.is_empty() {
        let all: Vec<String> = paper
            .flags
            .iter()
            .map(|f| sanitize_line(&f.message(g.ui.lang)))
            .collect();
        let text = fill(
            g.ui.grade_flagged,
            &[("flags", &all.join(g.ui.class_flags_sep))],
        );
        lines.push(Line::from(Span::styled(text, g.theme.bad())));
    }
    if !g.skipped.is_empty() {
        let text = fill(
            g.ui.grade_skipped,
            &[("n", &g.skipped.len()), ("files", &g.skipped.join("; "))],
        );
        lines.push(Line::from(Span::styled(text, g.theme.warn())));
    }
    wrap(&lines, width)
}

/// The prompt, the answer with its marks, its follow-ups, then the scorer's marks.
fn answer_lines(g: &Grading, a: &BundleAnswer) -> Vec<Line<'static>> {
    let t = g.theme;
    let mut lines = vec![
        Line::from(Span::styled(crate::text::sanitize(&a.prompt), t.title())),
        Line::from(""),
    ];
    lines.extend(highlighted_answer(&a.answer_text, &a.scorecard, t));
    for f in &a.followups {
        lines.push(Line::from(""));
        lines.push(Line::from(vec![
            Span::styled(g.ui.grade_followup, t.title()),
            Span::styled(sanitize_line(&f.prompt), t.title()),
        ]));
        lines.extend(highlighted_answer(&f.answer_text, &f.scorecard, t));
    }
    lines.push(Line::from(""));
    lines.extend(details(g.ui, t, &a.scorecard));
    lines
}

fn draw_dimensions(frame: &mut Frame, area: Rect, g: &Grading) {
    let focused = matches!(g.focus, Focus::Dimension(_) | Focus::Overall);
    let block = panel(g.ui.grade_scores, focused, g.theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let names: Vec<&str> = Dimension::ALL
        .iter()
        .map(|d| g.dimension_name(*d))
        .collect();
    let name_width = names.iter().map(|n| n.width()).max().unwrap_or(0) + 1;
    let band_width = [
        g.ui.grade_band_good,
        g.ui.grade_band_fair,
        g.ui.grade_band_poor,
    ]
    .iter()
    .map(|b| b.width())
    .max()
    .unwrap_or(0)
        + 1;
    // "> " + name + "25/25 " + band + bar
    let bar_width = usize::from(inner.width)
        .saturating_sub(2 + name_width + 6 + band_width)
        .min(25);
    let mut lines: Vec<Line> = Vec::new();
    for (i, d) in Dimension::ALL.into_iter().enumerate() {
        let max = d.max_points();
        let selected = g.focus == Focus::Dimension(i);
        let mut spans = vec![
            Span::styled(if selected { "> " } else { "  " }, g.theme.title()),
            Span::styled(
                pad(names[i], name_width),
                if selected {
                    g.theme.selected()
                } else {
                    ratatui::style::Style::default()
                },
            ),
        ];
        match g.scores[i] {
            Some(points) => {
                let color = Theme::score_color(
                    u8::try_from(u32::from(points) * 100 / u32::from(max)).unwrap_or(100),
                );
                spans.push(Span::styled(
                    format!("{points:>2}/{max:<2} "),
                    g.theme.bar_number(color),
                ));
                spans.push(Span::raw(pad(g.band_name(d.band(points)), band_width)));
                spans.extend(bar(
                    u64::from(points),
                    u64::from(max),
                    bar_width,
                    color,
                    g.theme,
                ));
            }
            None => {
                spans.push(Span::styled(format!(" -/{max:<2} "), g.theme.dim()));
                spans.push(Span::styled(g.ui.grade_unset_points, g.theme.dim()));
            }
        }
        lines.push(Line::from(spans));
    }
    let overall = match (g.overall(), g.overall_typed) {
        (Some(n), Some(_)) => fill(g.ui.grade_overall_typed, &[("n", &n)]),
        (Some(n), None) => fill(g.ui.grade_overall, &[("n", &n)]),
        (None, _) => g.ui.grade_overall_unset.to_string(),
    };
    let selected = g.focus == Focus::Overall;
    lines.push(Line::from(vec![
        Span::styled(if selected { "> " } else { "  " }, g.theme.title()),
        Span::styled(
            overall,
            if selected {
                g.theme.selected()
            } else {
                g.theme.title()
            },
        ),
    ]));
    frame.render_widget(Paragraph::new(lines), inner);
}

fn status_line(g: &Grading, width: u16) -> Line<'static> {
    match &g.notice {
        Some((text, level)) => {
            let style = match level {
                Level::Info => g.theme.good(),
                Level::Warn => g.theme.warn(),
                Level::Error => g.theme.bad(),
            };
            Line::from(Span::styled(text.clone(), style))
        }
        None => {
            let keys = match g.focus {
                Focus::Comment => g.ui.grade_comment_keys,
                Focus::Dimension(_) | Focus::Overall => g.ui.grade_keys,
            };
            crate::tui::widgets::footer::footer(keys, width, g.theme)
        }
    }
}
