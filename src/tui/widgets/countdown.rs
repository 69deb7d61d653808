//! The countdown line: `作答 2:31 / 3:00 [bar] 还剩 25 秒`. The answer clock turns yellow at
//! 30 seconds and red at 10, with a written warning too, so the change shows without colour.

use std::time::Duration;

use ratatui::style::Color;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use crate::i18n::{Ui, fill};
use crate::tui::theme::Theme;
use crate::tui::widgets::bars::bar;

/// From this many seconds left the answer clock warns.
pub const WARN_SECS: u64 = 30;
/// From this many seconds left it is urgent.
pub const URGENT_SECS: u64 = 10;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Clock {
    /// Thinking time (skippable, never urgent).
    Prep,
    /// The answer clock.
    Answer,
}

/// `m:ss`, rounding up so the clock shows 0:00 only when time is really up.
pub fn mmss(d: Duration) -> String {
    let secs = d.as_secs() + u64::from(d.subsec_nanos() > 0);
    format!("{}:{:02}", secs / 60, secs % 60)
}

fn secs_left(remaining: Duration) -> u64 {
    remaining.as_secs() + u64::from(remaining.subsec_nanos() > 0)
}

/// The colour of the clock with `remaining` left.
pub fn clock_color(clock: Clock, remaining: Duration) -> Color {
    match (clock, secs_left(remaining)) {
        (Clock::Prep, _) => Color::Cyan,
        (Clock::Answer, s) if s <= URGENT_SECS => Color::Red,
        (Clock::Answer, s) if s <= WARN_SECS => Color::Yellow,
        (Clock::Answer, _) => Color::Green,
    }
}

/// The whole countdown line, fitted into `width` cells: the bar takes what the text leaves.
pub fn countdown_line(
    clock: Clock,
    remaining: Duration,
    total: Duration,
    width: u16,
    ui: &Ui,
    theme: Theme,
) -> Line<'static> {
    let label = match clock {
        Clock::Prep => ui.phase_prep,
        Clock::Answer => ui.phase_answer,
    };
    let color = clock_color(clock, remaining);
    let left = secs_left(remaining);
    let head = format!("{label} {} / {} ", mmss(remaining), mmss(total));
    let warning = match clock {
        Clock::Answer if left == 0 => format!(" {}", ui.time_up),
        Clock::Answer if left <= WARN_SECS => format!(" {}", fill(ui.warn_left, &[("s", &left)])),
        _ => String::new(),
    };
    let bar_width = usize::from(width).saturating_sub(head.width() + warning.width());
    let head_style = match clock {
        Clock::Answer if left <= WARN_SECS => theme.warn(),
        _ => theme.title(),
    };
    let mut spans = vec![Span::styled(head, head_style)];
    spans.extend(bar(
        remaining.as_millis().try_into().unwrap_or(u64::MAX),
        total.as_millis().try_into().unwrap_or(u64::MAX),
        bar_width,
        color,
        theme,
    ));
    if !warning.is_empty() {
        let style = if left <= URGENT_SECS {
            theme.bad()
        } else {
            theme.warn()
        };
        spans.push(Span::styled(warning, style));
    }
    Line::from(spans)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    fn text(line: &Line) -> String {
        line.spans.iter().map(|s| s.content.as_ref()).collect()
    }

    #[test]
    fn colour_changes_at_thirty_and_ten_seconds() {
        let s = Duration::from_secs;
        assert_eq!(clock_color(Clock::Answer, s(31)), Color::Green);
        assert_eq!(clock_color(Clock::Answer, s(30)), Color::Yellow);
        assert_eq!(
            clock_color(Clock::Answer, Duration::from_millis(10_500)),
            Color::Yellow
        );
        assert_eq!(clock_color(Clock::Answer, s(10)), Color::Red);
        assert_eq!(clock_color(Clock::Prep, s(5)), Color::Cyan);
    }

    #[test]
    fn line_fits_the_width_and_warns_in_words() {
        let ui = Lang::Zh.ui();
        let t = Theme::new(false);
        let total = Duration::from_secs(180);
        let calm = countdown_line(Clock::Answer, Duration::from_secs(151), total, 60, ui, t);
        assert!(text(&calm).starts_with("作答 2:31 / 3:00 "));
        assert_eq!(text(&calm).width(), 60);
        let late = countdown_line(Clock::Answer, Duration::from_secs(25), total, 60, ui, t);
        assert!(text(&late).ends_with("还剩 25 秒"), "{}", text(&late));
        assert_eq!(text(&late).width(), 60);
        let over = countdown_line(Clock::Answer, Duration::ZERO, total, 60, Lang::En.ui(), t);
        assert!(text(&over).ends_with("Time is up"));
        // Narrower than the text: no bar, no panic.
        let tiny = countdown_line(Clock::Prep, Duration::from_secs(3), total, 4, ui, t);
        assert!(text(&tiny).starts_with("思考 0:03"));
    }

    #[test]
    fn mmss_rounds_up() {
        assert_eq!(mmss(Duration::from_millis(59_001)), "1:00");
        assert_eq!(mmss(Duration::from_secs(0)), "0:00");
        assert_eq!(mmss(Duration::from_secs(125)), "2:05");
    }
}
