//! The filters of the history and progress screens: `b`, `c` and `m` cycle the bank, the
//! category and the mode through "all" and each value the loaded banks offer.

use crossterm::event::{KeyCode, KeyEvent};

use crate::bank::BankSet;
use crate::i18n::{Lang, Ui, fill};
use crate::session::Mode;
use crate::store::HistoryFilter;

/// The values each filter cycles through (besides "all").
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct FilterChoices {
    pub banks: Vec<String>,
    pub categories: Vec<String>,
}

impl FilterChoices {
    pub fn of(banks: &BankSet) -> FilterChoices {
        FilterChoices {
            banks: banks.banks.iter().map(|b| b.id.clone()).collect(),
            categories: crate::tui::screens::home::categories_of(&banks.banks),
        }
    }

    /// Moves the filter a key names to its next value; whether the key was a filter key.
    pub fn cycle(&self, filter: &mut HistoryFilter, key: &KeyEvent) -> bool {
        match key.code {
            KeyCode::Char('b') => filter.bank = next(&self.banks, filter.bank.take()),
            KeyCode::Char('c') => filter.category = next(&self.categories, filter.category.take()),
            KeyCode::Char('m') => {
                let at = filter
                    .mode
                    .and_then(|m| Mode::ALL.iter().position(|x| *x == m));
                filter.mode = match at {
                    None => Some(Mode::ALL[0]),
                    Some(i) => Mode::ALL.get(i + 1).copied(),
                };
            }
            _ => return false,
        }
        true
    }
}

/// The value after `now` in `values`; after the last (or an unknown one), "all" again.
fn next(values: &[String], now: Option<String>) -> Option<String> {
    match now {
        None => values.first().cloned(),
        Some(v) => {
            let at = values.iter().position(|x| *x == v)?;
            values.get(at + 1).cloned()
        }
    }
}

/// The display name of a mode.
pub fn mode_name(ui: &Ui, mode: Mode) -> &'static str {
    ui.mode_name(mode)
}

/// The display name of a category id (its own id, cleaned, when the format does not know it).
pub fn category_name(lang: Lang, id: &str) -> String {
    lang.category_name(id)
        .map_or_else(|| crate::text::sanitize_line(id), str::to_string)
}

pub use crate::text::question_label;

/// `b bank: all  c category: Complaints  m mode: Practice`.
pub fn describe(ui: &Ui, filter: &HistoryFilter) -> String {
    let all = ui.filter_all;
    let bank = filter
        .bank
        .as_deref()
        .map_or_else(|| all.to_string(), crate::text::sanitize_line);
    let category = filter
        .category
        .as_deref()
        .map_or_else(|| all.to_string(), |c| category_name(ui.lang, c));
    let mode = filter.mode.map_or(all, |m| mode_name(ui, m));
    fill(
        ui.filter_line,
        &[("bank", &bank), ("category", &category), ("mode", &mode)],
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossterm::event::KeyModifiers;

    fn key(c: char) -> KeyEvent {
        KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)
    }

    #[test]
    fn each_filter_cycles_through_its_values_and_back_to_all() {
        let choices = FilterChoices {
            banks: vec!["a".into(), "b".into()],
            categories: vec!["complaint".into()],
        };
        let mut f = HistoryFilter::default();
        let banks: Vec<Option<String>> = (0..3)
            .map(|_| {
                assert!(choices.cycle(&mut f, &key('b')));
                f.bank.clone()
            })
            .collect();
        assert_eq!(banks, vec![Some("a".into()), Some("b".into()), None]);
        choices.cycle(&mut f, &key('c'));
        assert_eq!(f.category.as_deref(), Some("complaint"));
        choices.cycle(&mut f, &key('c'));
        assert_eq!(f.category, None);
        let modes: Vec<Option<Mode>> = (0..4)
            .map(|_| {
                choices.cycle(&mut f, &key('m'));
                f.mode
            })
            .collect();
        assert_eq!(
            modes,
            vec![
                Some(Mode::Practice),
                Some(Mode::Exam),
                Some(Mode::Spoken),
                None
            ]
        );
        assert!(!choices.cycle(&mut f, &key('x')));
    }

    #[test]
    fn describe_names_all_and_chosen_values() {
        let ui = Lang::En.ui();
        let f = HistoryFilter {
            bank: None,
            category: Some("complaint".into()),
            mode: Some(Mode::Exam),
        };
        assert_eq!(
            describe(ui, &f),
            "b bank: all  c category: Complaints  m mode: Exam"
        );
    }
}
