//! Styles. Every meaning carries a modifier (bold, underline, reverse) as well as a colour, so
//! with `NO_COLOR` set nothing that matters disappears. No hard-coded white or black text: the
//! terminal's own foreground stays readable on light and dark themes alike.

use ratatui::style::{Color, Modifier, Style};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    color: bool,
}

impl Theme {
    /// Colour unless `NO_COLOR` is set to anything non-empty (no-color.org).
    pub fn from_env() -> Theme {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Theme { color: !no_color }
    }

    pub fn new(color: bool) -> Theme {
        Theme { color }
    }

    pub fn has_color(self) -> bool {
        self.color
    }

    fn paint(self, color: Color, modifier: Modifier) -> Style {
        let style = Style::default().add_modifier(modifier);
        if self.color { style.fg(color) } else { style }
    }

    pub fn title(self) -> Style {
        self.paint(Color::Cyan, Modifier::BOLD)
    }
    /// The selected row of a list.
    pub fn selected(self) -> Style {
        self.paint(Color::Cyan, Modifier::REVERSED | Modifier::BOLD)
    }
    pub fn focus_border(self) -> Style {
        self.paint(Color::Cyan, Modifier::BOLD)
    }
    pub fn dim(self) -> Style {
        Style::default().add_modifier(Modifier::DIM)
    }
    pub fn good(self) -> Style {
        self.paint(Color::Green, Modifier::BOLD)
    }
    pub fn bad(self) -> Style {
        self.paint(Color::Red, Modifier::BOLD)
    }
    pub fn warn(self) -> Style {
        self.paint(Color::Yellow, Modifier::BOLD)
    }
    /// An earned phrase inside the answer.
    pub fn earned(self) -> Style {
        self.paint(Color::Green, Modifier::BOLD | Modifier::UNDERLINED)
    }
    /// A phrase that cost points inside the answer.
    pub fn avoid(self) -> Style {
        self.paint(Color::Red, Modifier::REVERSED)
    }
    /// A structure cue inside the answer.
    pub fn cue(self) -> Style {
        self.paint(Color::Cyan, Modifier::ITALIC | Modifier::BOLD)
    }
    /// The filled part of a bar: reversed cells show even without colour.
    pub fn bar(self, color: Color) -> Style {
        self.paint(color, Modifier::REVERSED)
    }
    /// A score next to its bar.
    pub fn bar_number(self, color: Color) -> Style {
        self.paint(color, Modifier::BOLD)
    }
    /// The colour a score deserves (bars and totals).
    pub fn score_color(score: u8) -> Color {
        match score {
            80..=100 => Color::Green,
            60..=79 => Color::Yellow,
            _ => Color::Red,
        }
    }
}
