//! The progress screen's state: the filter and what the core computed for it
//! (`crate::review::progress`), plus how far the notes pane is scrolled.

use crate::review::progress::Progress;
use crate::store::HistoryFilter;
use crate::tui::filter::FilterChoices;

#[derive(Debug, Clone, PartialEq)]
pub struct ProgressScreen {
    pub filter: HistoryFilter,
    pub choices: FilterChoices,
    /// `None` until the store answered.
    pub progress: Option<Progress>,
    pub scroll: u16,
}

impl ProgressScreen {
    pub fn new(choices: FilterChoices) -> ProgressScreen {
        ProgressScreen {
            filter: HistoryFilter::default(),
            choices,
            progress: None,
            scroll: 0,
        }
    }
}
