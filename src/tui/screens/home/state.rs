//! The home screen's state: which mode, which banks and categories, how many questions, which
//! seed. Pure data; the keys that edit it are in `keys`, drawing is in `view`.

use crate::bank::Bank;
use crate::i18n::Ui;

/// What the candidate chose to start.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Choice {
    Practice,
    Exam,
    /// The civil-service structured-interview preset (an exam with fixed settings).
    Civil,
    Spoken,
}

impl Choice {
    pub const ALL: [Choice; 4] = [
        Choice::Practice,
        Choice::Exam,
        Choice::Civil,
        Choice::Spoken,
    ];

    pub fn name(self, ui: &Ui) -> &'static str {
        match self {
            Choice::Practice => ui.mode_practice,
            Choice::Exam => ui.mode_exam,
            Choice::Civil => ui.mode_civil,
            Choice::Spoken => ui.mode_spoken,
        }
    }

    /// The name a choice is saved under (`Home::choices_setting`).
    fn key(self) -> &'static str {
        match self {
            Choice::Practice => "practice",
            Choice::Exam => "exam",
            Choice::Civil => "civil",
            Choice::Spoken => "spoken",
        }
    }

    pub fn about(self, ui: &Ui) -> &'static str {
        match self {
            Choice::Practice => ui.about_practice,
            Choice::Exam => ui.about_exam,
            Choice::Civil => ui.about_civil,
            Choice::Spoken => ui.about_spoken,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    Mode,
    Banks,
    Categories,
    /// Assignment sets, only there when some were found.
    Sets,
    Settings,
}

impl Pane {
    const ORDER: [Pane; 5] = [
        Pane::Mode,
        Pane::Banks,
        Pane::Categories,
        Pane::Sets,
        Pane::Settings,
    ];

    /// The next pane (or the previous one), skipping the sets pane when there are no sets.
    pub(super) fn step(self, forward: bool, sets: bool) -> Pane {
        let order: Vec<Pane> = Pane::ORDER
            .into_iter()
            .filter(|p| sets || *p != Pane::Sets)
            .collect();
        let i = order.iter().position(|p| *p == self).unwrap_or(0);
        let n = order.len();
        order[if forward {
            (i + 1) % n
        } else {
            (i + n - 1) % n
        }]
    }
}

/// One bank as the home screen lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BankEntry {
    pub id: String,
    /// Sanitised: bank files are untrusted.
    pub title: String,
    pub questions: usize,
}

/// A list with a cursor and a tick per row; no ticks means "all".
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TickList {
    pub cursor: usize,
    pub ticked: Vec<bool>,
}

impl TickList {
    pub(super) fn new(len: usize) -> TickList {
        TickList {
            cursor: 0,
            ticked: vec![false; len],
        }
    }

    pub(super) fn toggle(&mut self) {
        if let Some(t) = self.ticked.get_mut(self.cursor) {
            *t = !*t;
        }
    }

    /// The ids of the ticked rows.
    fn chosen(&self, ids: &[String]) -> Vec<String> {
        ids.iter()
            .zip(&self.ticked)
            .filter(|(_, t)| **t)
            .map(|(id, _)| id.clone())
            .collect()
    }
}

pub use crate::session::plan::DEFAULT_COUNT;
/// The setting the home screen's last choices are kept under.
pub const HOME_CHOICES_KEY: &str = "home.last_choices";
pub const MAX_COUNT: usize = 20;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Home {
    pub pane: Pane,
    pub choice: Choice,
    pub banks: Vec<BankEntry>,
    pub bank_list: TickList,
    /// Category ids found in the loaded banks, in the bank format's order.
    pub categories: Vec<String>,
    pub category_list: TickList,
    pub count: usize,
    /// Digits typed for the seed; empty = a random draw.
    pub seed: String,
    /// Drill questions due today (capped by the daily limit), once the store answered.
    pub due: Option<usize>,
    /// How many sets the app lists (`App::sets`) and the one under the cursor.
    pub set_count: usize,
    pub set_cursor: usize,
}

impl Home {
    pub fn new(banks: &[Bank]) -> Home {
        let entries: Vec<BankEntry> = banks
            .iter()
            .map(|b| BankEntry {
                id: b.id.clone(),
                title: crate::text::sanitize_line(&b.title),
                questions: b.questions.count(),
            })
            .collect();
        let categories = categories_of(banks);
        Home {
            pane: Pane::Mode,
            choice: Choice::Practice,
            bank_list: TickList::new(entries.len()),
            banks: entries,
            category_list: TickList::new(categories.len()),
            categories,
            count: DEFAULT_COUNT,
            seed: String::new(),
            due: None,
            set_count: 0,
            set_cursor: 0,
        }
    }

    /// The choices worth keeping for next time (mode, ticked banks and categories by id,
    /// count) as the value of the `HOME_CHOICES_KEY` setting.
    pub fn choices_setting(&self) -> String {
        serde_json::json!({
            "mode": self.choice.key(),
            "banks": self.chosen_banks(),
            "categories": self.chosen_categories(),
            "count": self.count,
        })
        .to_string()
    }

    /// Put back choices saved by `choices_setting`. Banks and categories no longer loaded are
    /// skipped; anything unreadable (a hand-edited backup) leaves the defaults.
    pub fn apply_setting(&mut self, saved: &str) {
        let Ok(v) = serde_json::from_str::<serde_json::Value>(saved) else {
            return;
        };
        if let Some(choice) = Choice::ALL
            .into_iter()
            .find(|c| v["mode"].as_str() == Some(c.key()))
        {
            self.choice = choice;
        }
        let ids = |key: &str| -> Vec<String> {
            v[key]
                .as_array()
                .map(|a| {
                    a.iter()
                        .filter_map(|s| s.as_str().map(str::to_string))
                        .collect()
                })
                .unwrap_or_default()
        };
        let banks = ids("banks");
        for (entry, t) in self.banks.iter().zip(&mut self.bank_list.ticked) {
            *t = banks.contains(&entry.id);
        }
        let categories = ids("categories");
        for (c, t) in self.categories.iter().zip(&mut self.category_list.ticked) {
            *t = categories.contains(c);
        }
        if let Some(n) = v["count"].as_u64().and_then(|n| usize::try_from(n).ok()) {
            self.count = n.clamp(1, MAX_COUNT);
        }
    }

    pub fn chosen_banks(&self) -> Vec<String> {
        let ids: Vec<String> = self.banks.iter().map(|b| b.id.clone()).collect();
        self.bank_list.chosen(&ids)
    }

    pub fn chosen_categories(&self) -> Vec<String> {
        self.category_list.chosen(&self.categories)
    }

    pub fn seed(&self) -> Option<u64> {
        self.seed.parse().ok()
    }
}

/// Category ids in the order of the format's list, unknown ones after them alphabetically.
pub fn categories_of(banks: &[Bank]) -> Vec<String> {
    // Each category once, alphabetically, before the (stable) sort by rank: sorting every
    // question's category by a cloned key was a tenth of start-up.
    let unique: std::collections::BTreeSet<&str> = banks
        .iter()
        .flat_map(|b| b.questions.categories())
        .collect();
    let mut cats: Vec<String> = unique.into_iter().map(String::from).collect();
    cats.sort_by_key(|c| crate::i18n::category_rank(c));
    cats
}
