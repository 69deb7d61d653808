//! The result of one answer: total and the three dimensions as bars; the answer with its marks
//! (or the reference answer, on a key); then what to improve — missing required points first,
//! the other misses with the sentence that would earn them, the structure as a timeline,
//! deductions, and the feedback sentences.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use crate::bank::Example;
use crate::i18n::{Ui, fill};
use crate::scoring::{Band, PointResult, Scorecard};
use crate::tui::layout::{hint_rows, panel, wrapped};
use crate::tui::theme::Theme;
use crate::tui::widgets::bars::score_line;
use crate::tui::widgets::countdown::mmss;
use crate::tui::widgets::highlight::highlighted_answer;

/// Everything the result screen shows, borrowed from the interview state.
pub struct ResultView<'a> {
    /// `bank/question`, plus "follow-up" when it is one.
    pub heading: String,
    /// What was typed; `None` for a spoken answer (scored from the checklist).
    pub answer: Option<&'a str>,
    pub card: &'a Scorecard,
    pub seconds: u32,
    pub reference: Option<&'a str>,
    pub show_reference: bool,
    /// The question's graded example answers, best first on screen.
    pub examples: &'a [Example],
    pub show_examples: bool,
    /// Lines scrolled in the details pane (right) and the answer pane (left).
    pub scroll: u16,
    pub answer_scroll: u16,
    /// Tutors' grades of a saved answer, shown above the automatic details (session detail).
    pub tutor: Vec<Line<'static>>,
}

const CHECK: &str = "✓";
const CROSS: &str = "✗";

pub fn draw(frame: &mut Frame, area: Rect, ui: &Ui, theme: Theme, view: &ResultView) {
    let [head, body] = Layout::vertical([Constraint::Length(4), Constraint::Min(3)]).areas(area);
    draw_scores(
        frame,
        head,
        ui,
        theme,
        (&view.heading, view.card, view.seconds),
    );
    let [left, right] =
        Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)]).areas(body);
    draw_answer(frame, left, ui, theme, view);
    let mut details = details(ui, theme, view.card);
    if !view.tutor.is_empty() {
        details.splice(0..0, view.tutor.iter().cloned().chain([Line::from("")]));
    }
    let block = panel(ui.feedback, false, theme);
    frame.render_widget(wrapped(&details, block, right, view.scroll), right);
}

/// The heading line, then the total and time used beside the three dimension bars: four
/// lines. Also drawn twice, old and new, by the session detail's re-score.
pub fn draw_scores(
    frame: &mut Frame,
    area: Rect,
    ui: &Ui,
    theme: Theme,
    (heading_text, card, seconds): (&str, &Scorecard, u32),
) {
    let [heading, scores] =
        Layout::vertical([Constraint::Length(1), Constraint::Length(3)]).areas(area);
    frame.render_widget(
        Paragraph::new(Span::styled(heading_text.to_string(), theme.dim())),
        heading,
    );
    let total_text = format!("{} {:>3}", ui.total, card.total);
    let used = mmss(std::time::Duration::from_secs(seconds.into()));
    let time_text = fill(ui.time_used, &[("t", &used)]);
    let band = match Band::of(card.total) {
        Band::Excellent => ui.band_excellent,
        Band::Good => ui.band_good,
        Band::Adequate => ui.band_adequate,
        Band::Weak => ui.band_weak,
        Band::NotAcceptable => ui.band_not_acceptable,
    };
    let left_width = total_text.width().max(time_text.width()).max(band.width()) as u16 + 3;
    let [total_area, bars_area] =
        Layout::horizontal([Constraint::Length(left_width), Constraint::Min(10)]).areas(scores);
    let total = vec![
        Line::from(Span::styled(
            total_text,
            theme.bar_number(Theme::score_color(card.total)),
        )),
        Line::from(Span::styled(time_text, theme.dim())),
        Line::from(Span::styled(
            band,
            theme.bar_number(Theme::score_color(card.total)),
        )),
    ];
    frame.render_widget(Paragraph::new(total), total_area);

    let labels = [ui.dim_content, ui.dim_structure, ui.dim_delivery];
    let label_width = labels.iter().map(|l| l.width()).max().unwrap_or(0) + 1;
    let bar_width = usize::from(bars_area.width)
        .saturating_sub(label_width + 5)
        .min(40);
    let bars: Vec<Line> = labels
        .iter()
        .zip([card.content, card.structure, card.delivery])
        .map(|(label, score)| Line::from(score_line(label, label_width, score, bar_width, theme)))
        .collect();
    frame.render_widget(Paragraph::new(bars), bars_area);
}

fn draw_answer(frame: &mut Frame, area: Rect, ui: &Ui, theme: Theme, view: &ResultView) {
    let (title, lines) = if view.show_examples {
        (ui.examples, example_lines(ui, theme, view.examples))
    } else if view.show_reference {
        let text = view
            .reference
            .map_or_else(|| ui.no_reference.to_string(), crate::text::sanitize);
        let lines = text.lines().map(|l| Line::from(l.to_string())).collect();
        (ui.reference, lines)
    } else {
        let lines = match view.answer {
            Some(a) => {
                let mut lines = highlighted_answer(a, view.card, theme);
                lines.push(Line::from(""));
                // Each legend entry whole on its row ("»=结构" and "段落" were split).
                let legend = [Line::from(Span::styled(ui.legend, theme.dim()))];
                lines.extend(hint_rows(&legend, area.width.saturating_sub(2)));
                lines
            }
            // Nothing was typed, so there is nothing marked to explain.
            None => vec![Line::from(Span::styled(ui.spoken_answer, theme.dim()))],
        };
        (ui.your_answer, lines)
    };
    let block = panel(title, false, theme);
    frame.render_widget(wrapped(&lines, block, area, view.answer_scroll), area);
}

/// The graded examples, best first: the grade with its band, the text, and the note on why.
fn example_lines(ui: &Ui, theme: Theme, examples: &[Example]) -> Vec<Line<'static>> {
    if examples.is_empty() {
        return vec![Line::from(Span::styled(ui.no_examples, theme.dim()))];
    }
    let mut sorted: Vec<&Example> = examples.iter().collect();
    sorted.sort_by_key(|e| std::cmp::Reverse(e.grade));
    let mut lines = Vec::new();
    for e in sorted {
        let label = fill(ui.example_grade, &[("g", &e.grade.to_string())]);
        lines.push(Line::from(Span::styled(
            label,
            theme.bar_number(Theme::score_color(e.grade.saturating_mul(20))),
        )));
        lines.extend(
            crate::text::sanitize(&e.text)
                .lines()
                .map(|l| Line::from(l.to_string())),
        );
        if let Some(note) = &e.note {
            lines.push(Line::from(Span::styled(
                format!("— {}", crate::text::sanitize_line(note)),
                theme.dim(),
            )));
        }
        lines.push(Line::from(""));
    }
    lines
}

/// Misses before hits; among misses, required ones first.
fn ordered_points(points: &[PointResult]) -> Vec<&PointResult> {
    let mut v: Vec<&PointResult> = points.iter().collect();
    v.sort_by_key(|p| (p.hit, !p.required));
    v
}

/// The right-hand pane: points, structure, deductions, feedback.
pub fn details(ui: &Ui, theme: Theme, card: &Scorecard) -> Vec<Line<'static>> {
    let clean = crate::text::sanitize_line;
    let mut lines = vec![Line::from(Span::styled(ui.points, theme.title()))];
    for p in ordered_points(&card.points) {
        let mut spans = if p.hit {
            vec![
                Span::styled(format!("{CHECK} "), theme.good()),
                Span::raw(clean(&p.name)),
            ]
        } else {
            vec![
                Span::styled(format!("{CROSS} "), theme.bad()),
                Span::styled(clean(&p.name), theme.bad()),
            ]
        };
        if p.required {
            spans.push(Span::styled(format!(" [{}]", ui.required), theme.warn()));
        }
        if let (true, Some(m)) = (p.hit, &p.matched) {
            let quoted = fill(ui.quoted, &[("text", &clean(m))]);
            spans.push(Span::styled(format!(" {quoted}"), theme.dim()));
        }
        lines.push(Line::from(spans));
        if let (false, Some(h)) = (p.hit, &p.hint) {
            lines.push(Line::from(vec![
                Span::styled(format!("  {}", ui.add_this), theme.dim()),
                Span::raw(clean(h)),
            ]));
        }
    }

    lines.push(Line::from(""));
    lines.push(Line::from(Span::styled(ui.structure, theme.title())));
    if card.sections.is_empty() {
        lines.push(Line::from(Span::styled(ui.no_structure, theme.dim())));
    } else {
        lines.push(timeline(card, theme));
        if !card.order_ok {
            lines.push(Line::from(Span::styled(ui.out_of_order, theme.warn())));
        }
    }

    if !card.avoid.is_empty() {
        lines.push(Line::from(""));
        lines.push(Line::from(Span::styled(ui.deductions, theme.title())));
        for a in &card.avoid {
            lines.push(Line::from(vec![
                Span::styled(
                    format!(
                        "{CROSS} {}",
                        fill(ui.quoted, &[("text", &clean(&a.matched))])
                    ),
                    theme.avoid(),
                ),
                Span::raw(format!(" {} ", clean(&a.why))),
                Span::styled(format!("-{}", a.penalty), theme.bad()),
            ]));
        }
    }

    // A sentence that only repeats a missed point's hint, already shown under the point, is
    // said once.
    let shown_hints: Vec<&str> = card
        .points
        .iter()
        .filter(|p| !p.hit)
        .filter_map(|p| p.hint.as_deref())
        .filter(|h| !h.trim().is_empty())
        .collect();
    let feedback: Vec<&String> = card
        .feedback
        .iter()
        .filter(|f| !shown_hints.iter().any(|h| f.contains(h)))
        .collect();
    if !feedback.is_empty() {
        lines.push(Line::from(""));
        lines.push(Line::from(Span::styled(ui.feedback, theme.title())));
        for f in feedback {
            lines.push(Line::from(format!("- {}", clean(f))));
        }
    }
    lines
}

/// `倾听 ✓ > 致歉 ✗ > 核实 ✓`: the expected steps in order, each marked found or not.
fn timeline(card: &Scorecard, theme: Theme) -> Line<'static> {
    let mut spans = Vec::new();
    for (i, s) in card.sections.iter().enumerate() {
        if i > 0 {
            spans.push(Span::styled(" > ", theme.dim()));
        }
        let name = crate::text::sanitize_line(&s.name);
        let name = if s.optional {
            format!("({name})")
        } else {
            name
        };
        if s.found {
            spans.push(Span::raw(name));
            spans.push(Span::styled(format!(" {CHECK}"), theme.good()));
        } else {
            spans.push(Span::styled(name, theme.dim()));
            spans.push(Span::styled(format!(" {CROSS}"), theme.bad()));
        }
    }
    Line::from(spans)
}
