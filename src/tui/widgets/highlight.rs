//! The answer as the scorer saw it: earned phrases, phrases that cost points and the start of
//! each structure step marked in the text. Each mark has a style that survives `NO_COLOR`
//! (underline, reverse, italic) and structure steps also get a `»` before them.

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::scoring::Scorecard;
use crate::tui::theme::Theme;

/// Inserted before the first cue of each structure section found.
pub const STEP_MARK: &str = "»";

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Mark {
    Plain,
    Cue,
    Earned,
    /// Highest: a phrase that cost points is shown even inside an earned one.
    Avoid,
}

/// Lines of `answer` (sanitised) with the scorecard's marks. Offsets in the card are character
/// offsets into the answer as given; out-of-range offsets are clipped, never trusted.
pub fn highlighted_answer(answer: &str, card: &Scorecard, theme: Theme) -> Vec<Line<'static>> {
    let chars: Vec<char> = answer.chars().collect();
    let n = chars.len();
    let mut marks = vec![Mark::Plain; n];
    let mut paint = |start: usize, end: usize, mark: Mark| {
        for m in marks.iter_mut().take(end.min(n)).skip(start) {
            *m = (*m).max(mark);
        }
    };
    let mut steps = vec![false; n + 1];
    for s in &card.sections {
        if let (true, Some(at)) = (s.found, s.at) {
            let len = s.cue.as_deref().map_or(1, |c| c.chars().count());
            paint(at, at.saturating_add(len), Mark::Cue);
            if at <= n {
                steps[at] = true;
            }
        }
    }
    for p in &card.points {
        if let (true, Some([a, b])) = (p.hit, p.at) {
            paint(a, b, Mark::Earned);
        }
    }
    for a in &card.avoid {
        paint(a.at[0], a.at[1], Mark::Avoid);
    }

    let style = |m: Mark| match m {
        Mark::Plain => Style::default(),
        Mark::Cue => theme.cue(),
        Mark::Earned => theme.earned(),
        Mark::Avoid => theme.avoid(),
    };
    let mut lines = Vec::new();
    let mut spans: Vec<Span<'static>> = Vec::new();
    let mut run = String::new();
    let mut run_mark = Mark::Plain;
    for (i, &c) in chars.iter().enumerate() {
        if steps[i] || c == '\n' || marks[i] != run_mark {
            if !run.is_empty() {
                spans.push(Span::styled(std::mem::take(&mut run), style(run_mark)));
            }
            run_mark = marks[i];
        }
        if steps[i] {
            spans.push(Span::styled(STEP_MARK, theme.cue()));
        }
        if c == '\n' {
            lines.push(Line::from(std::mem::take(&mut spans)));
            continue;
        }
        // Untrusted text (the answer may come from an imported backup): control characters
        // and bidi overrides never reach the terminal.
        if !crate::text::is_hidden(c) {
            run.push(c);
        }
    }
    if !run.is_empty() {
        spans.push(Span::styled(run, style(run_mark)));
    }
    if steps[n] {
        spans.push(Span::styled(STEP_MARK, theme.cue()));
    }
    lines.push(Line::from(spans));
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scoring::{AvoidHit, PointResult, SectionResult};
    use ratatui::style::Modifier;

    fn card() -> Scorecard {
        Scorecard {
            question: "b/q".into(),
            total: 50,
            content: 50,
            structure: 50,
            delivery: 50,
            points: vec![PointResult {
                name: "致歉".into(),
                hit: true,
                required: true,
                weight: 2,
                matched: Some("抱歉".into()),
                concept: None,
                partial: false,
                at: Some([6, 8]),
                hint: None,
                close_to: None,
            }],
            missing_required: vec![],
            avoid: vec![AvoidHit {
                why: "推卸责任".into(),
                matched: "不关我的事".into(),
                at: [11, 16],
                penalty: 10,
            }],
            sections: vec![SectionResult {
                name: "表态".into(),
                found: true,
                at: Some(0),
                optional: false,
                cue: Some("我认为".into()),
            }],
            order_ok: true,
            chars: 15,
            fillers: 0,
            feedback: vec![],
            enumerations: 0,
            flags: vec![],
            seconds: None,
            pace_cpm: Some(99_999),
        }
    }

    fn plain(lines: &[Line]) -> String {
        lines
            .iter()
            .map(|l| {
                l.spans
                    .iter()
                    .map(|s| s.content.as_ref())
                    .collect::<String>()
            })
            .collect::<Vec<_>>()
            .join("\n")
    }

    #[test]
    fn marks_survive_without_colour() {
        let answer = "我认为先，\n抱歉了。这不关我的事";
        let lines = highlighted_answer(answer, &card(), Theme::new(false));
        assert_eq!(plain(&lines), "»我认为先，\n抱歉了。这不关我的事");
        let find = |text: &str| {
            lines
                .iter()
                .flat_map(|l| &l.spans)
                .find(|s| s.content == text)
                .map(|s| s.style)
                .unwrap()
        };
        assert!(find("抱歉").add_modifier.contains(Modifier::UNDERLINED));
        assert!(find("不关我的事").add_modifier.contains(Modifier::REVERSED));
        assert!(find("我认为").add_modifier.contains(Modifier::ITALIC));
        assert_eq!(find("抱歉").fg, None, "NO_COLOR: no colour at all");
    }

    #[test]
    fn escapes_and_bidi_overrides_never_reach_the_screen() {
        let lines = highlighted_answer("好\u{1b}[2J\u{202E}反\u{7}", &card(), Theme::new(true));
        assert_eq!(plain(&lines), "»好[2J反");
    }

    #[test]
    fn offsets_past_the_end_are_clipped() {
        let mut c = card();
        c.avoid[0].at = [3, 500];
        c.sections[0].at = Some(400);
        let lines = highlighted_answer("短", &c, Theme::new(true));
        assert_eq!(plain(&lines), "短");
        // A stored scorecard (an imported backup) may carry any offset at all.
        c.sections[0].at = Some(usize::MAX);
        let lines = highlighted_answer("短", &c, Theme::new(true));
        assert_eq!(plain(&lines), "短");
    }
}
