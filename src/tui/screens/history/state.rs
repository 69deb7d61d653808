//! The history screen's state: the filtered list of sessions, newest first, with a cursor.
//! Only a window of rows (`PAGE`) is held; moving out of it asks the store for the window
//! around the cursor, so 10,000 sessions cost one indexed query per page, not a full read.

use crate::store::{HistoryFilter, SessionSummary};
use crate::tui::filter::FilterChoices;

/// Rows fetched at a time.
pub const PAGE: usize = 200;

#[derive(Debug, Clone, PartialEq)]
pub struct History {
    pub filter: HistoryFilter,
    pub choices: FilterChoices,
    /// The index (in the whole filtered list) of `rows[0]`.
    pub offset: usize,
    pub rows: Vec<SessionSummary>,
    /// Sessions matching the filter.
    pub count: usize,
    /// Selected row, an index in the whole filtered list.
    pub cursor: usize,
    /// False until the first page arrived.
    pub loaded: bool,
}

impl History {
    pub fn new(choices: FilterChoices) -> History {
        History {
            filter: HistoryFilter::default(),
            choices,
            offset: 0,
            rows: Vec::new(),
            count: 0,
            cursor: 0,
            loaded: false,
        }
    }

    /// A page arrived from the store.
    pub fn loaded(&mut self, offset: usize, rows: Vec<SessionSummary>, count: usize) {
        self.offset = offset;
        self.rows = rows;
        self.count = count;
        self.cursor = self.cursor.min(count.saturating_sub(1));
        self.loaded = true;
    }

    /// The selected session, when its row is held.
    pub fn selected(&self) -> Option<&SessionSummary> {
        self.rows.get(self.cursor.checked_sub(self.offset)?)
    }
}
