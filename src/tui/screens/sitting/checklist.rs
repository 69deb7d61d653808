//! Spoken mode, after the answer: the candidate ticks the points and structure steps they
//! covered; the score comes from these ticks.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{List, ListItem, ListState};

use crate::i18n::Ui;
use crate::tui::layout::panel;
use crate::tui::theme::Theme;

/// The rows of the checklist: points first, then structure sections.
pub struct ChecklistView<'a> {
    pub heading: String,
    pub points: &'a [String],
    pub sections: &'a [String],
    /// One tick per point, then one per section.
    pub ticked: &'a [bool],
    pub cursor: usize,
}

pub fn draw(frame: &mut Frame, area: Rect, ui: &Ui, theme: Theme, view: &ChecklistView) {
    let mut items: Vec<ListItem> = Vec::new();
    // Row index in `ticked` for each list item that can be ticked (group titles cannot).
    let mut selectable: Vec<usize> = Vec::new();
    let groups = [
        (ui.checklist_points, view.points),
        (ui.checklist_sections, view.sections),
    ];
    let mut row = 0;
    for (title, names) in groups {
        if names.is_empty() {
            continue;
        }
        items.push(ListItem::new(Line::from(Span::styled(
            title,
            theme.title(),
        ))));
        for name in names {
            let on = view.ticked.get(row).copied().unwrap_or(false);
            let mark = if on { "[x] " } else { "[ ] " };
            selectable.push(items.len());
            items.push(ListItem::new(format!(
                "{mark}{}",
                crate::text::sanitize_line(name)
            )));
            row += 1;
        }
    }
    let selected = selectable.get(view.cursor).copied();
    let title = format!("{}  {}", ui.checklist_title, view.heading);
    let list = List::new(items)
        .block(panel(Span::styled(title, theme.title()), true, theme))
        .highlight_style(theme.selected())
        .highlight_symbol("> ");
    let mut state = ListState::default().with_selected(selected);
    frame.render_stateful_widget(list, area, &mut state);
}
