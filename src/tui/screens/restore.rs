//! "Restore the draft?" — shown at start when an earlier run left an unsubmitted answer.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::i18n::{Ui, fill};
use crate::store::Draft;
use crate::tui::app::App;
use crate::tui::layout::draw_popup;
use crate::tui::widgets::editor::judged_len;

/// Lines of the draft shown as a preview, and characters at most (one pasted paragraph is a
/// single line).
const PREVIEW_LINES: usize = 4;
const PREVIEW_CHARS: usize = 160;

/// "3 min ago", from two Unix times.
pub fn ago(ui: &Ui, then: i64, now: i64) -> String {
    let secs = now.saturating_sub(then).max(0);
    match secs {
        0..60 => ui.just_now.to_string(),
        60..3600 => fill(ui.minutes_ago, &[("n", &(secs / 60))]),
        3600..86400 => fill(ui.hours_ago, &[("n", &(secs / 3600))]),
        _ => fill(ui.days_ago, &[("n", &(secs / 86400))]),
    }
}

pub fn draw(frame: &mut Frame, area: Rect, app: &App, draft: &Draft) {
    let ui = app.ui;
    let chars = judged_len(&draft.text);
    let when = ago(ui, draft.updated_at, app.clock.unix_now());
    let mut text = vec![
        Line::from(fill(ui.restore_body, &[("n", &chars), ("when", &when)])),
        Line::from(Span::styled(
            app.banks.find_question(&draft.question_id).map_or_else(
                || crate::text::sanitize_line(&draft.question_id),
                |(_, q)| crate::tui::filter::question_label(&q.prompt),
            ),
            app.theme.title(),
        )),
    ];
    let clean = crate::text::sanitize(&draft.text);
    let mut left = PREVIEW_CHARS;
    for l in clean.lines().take(PREVIEW_LINES) {
        if left == 0 {
            break;
        }
        let shown: String = l.chars().take(left).collect();
        left = left.saturating_sub(l.chars().count());
        let more = if left == 0 && shown.len() < clean.len() {
            "…"
        } else {
            ""
        };
        text.push(Line::from(Span::styled(
            format!("> {shown}{more}"),
            app.theme.dim(),
        )));
    }
    text.push(Line::from(""));
    text.push(Line::from(Span::styled(ui.restore_keys, app.theme.dim())));
    let title = Span::styled(ui.restore_title, app.theme.warn());
    draw_popup(frame, area, title, &text, 72, app.theme);
}
