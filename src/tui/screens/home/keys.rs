//! The home screen's keys: each edits the form (mode, banks, categories, count, seed, the
//! set under the cursor) or returns a `HomeAction`, what it asks of the app beyond that.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::tui::screens::home::{Choice, Home, MAX_COUNT, Pane};

/// The most digits a seed may have (u64 holds any 19-digit number).
const SEED_DIGITS: usize = 19;

/// Move a list cursor with arrows, vim keys and g/G. Returns whether the key was a move.
pub fn move_cursor(cursor: &mut usize, len: usize, key: &KeyEvent) -> bool {
    let last = len.saturating_sub(1);
    match key.code {
        KeyCode::Up | KeyCode::Char('k') => *cursor = cursor.saturating_sub(1),
        KeyCode::Down | KeyCode::Char('j') => *cursor = (*cursor + 1).min(last),
        KeyCode::Home | KeyCode::Char('g') => *cursor = 0,
        KeyCode::End | KeyCode::Char('G') => *cursor = last,
        _ => return false,
    }
    true
}

/// What a key on the home screen asks for beyond editing the form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HomeAction {
    None,
    Start,
    /// Start the set at this index of `App::sets`.
    StartSet(usize),
    Quit,
    History,
    Progress,
    /// Today's due questions.
    Drill,
    /// "Retry my weakest".
    Weakest,
}

impl Home {
    pub fn handle_key(&mut self, key: &KeyEvent) -> HomeAction {
        if key.modifiers.contains(KeyModifiers::CONTROL) {
            return HomeAction::None;
        }
        match key.code {
            KeyCode::Enter if self.pane == Pane::Sets => {
                return HomeAction::StartSet(self.set_cursor);
            }
            KeyCode::Enter => return HomeAction::Start,
            KeyCode::Char('q') => return HomeAction::Quit,
            KeyCode::Char('v') => return HomeAction::History,
            KeyCode::Char('p') => return HomeAction::Progress,
            KeyCode::Char('d') => return HomeAction::Drill,
            KeyCode::Char('w') => return HomeAction::Weakest,
            KeyCode::Tab | KeyCode::Right | KeyCode::Char('l') => {
                self.pane = self.pane.step(true, self.set_count > 0)
            }
            KeyCode::BackTab | KeyCode::Left | KeyCode::Char('h') => {
                self.pane = self.pane.step(false, self.set_count > 0)
            }
            KeyCode::Char('+') | KeyCode::Char('=') => self.count = (self.count + 1).min(MAX_COUNT),
            KeyCode::Char('-') => self.count = self.count.saturating_sub(1).max(1),
            KeyCode::Char(c) if c.is_ascii_digit() => {
                if self.seed.len() < SEED_DIGITS {
                    self.seed.push(c);
                }
            }
            KeyCode::Backspace => {
                self.seed.pop();
            }
            KeyCode::Char(' ') | KeyCode::Char('x') => match self.pane {
                Pane::Banks => self.bank_list.toggle(),
                Pane::Categories => self.category_list.toggle(),
                Pane::Mode | Pane::Sets | Pane::Settings => {}
            },
            _ => {
                self.move_in_pane(key);
            }
        }
        HomeAction::None
    }

    fn move_in_pane(&mut self, key: &KeyEvent) {
        match self.pane {
            Pane::Mode => {
                let mut i = Choice::ALL
                    .iter()
                    .position(|c| *c == self.choice)
                    .unwrap_or(0);
                if move_cursor(&mut i, Choice::ALL.len(), key) {
                    self.choice = Choice::ALL[i];
                }
            }
            Pane::Banks => {
                move_cursor(&mut self.bank_list.cursor, self.banks.len(), key);
            }
            Pane::Categories => {
                move_cursor(&mut self.category_list.cursor, self.categories.len(), key);
            }
            Pane::Sets => {
                move_cursor(&mut self.set_cursor, self.set_count, key);
            }
            Pane::Settings => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::screens::home::{BankEntry, TickList};

    fn key(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    #[test]
    fn vim_keys_and_arrows_move_and_tick() {
        let mut h = Home::new(&[]);
        h.banks = vec![
            BankEntry {
                id: "a".into(),
                title: "A".into(),
                questions: 1,
            },
            BankEntry {
                id: "b".into(),
                title: "B".into(),
                questions: 2,
            },
        ];
        h.bank_list = TickList::new(2);
        assert_eq!(h.handle_key(&key(KeyCode::Char('j'))), HomeAction::None);
        assert_eq!(h.choice, Choice::Exam);
        h.handle_key(&key(KeyCode::Char('G')));
        assert_eq!(h.choice, Choice::Spoken);
        h.handle_key(&key(KeyCode::Up));
        assert_eq!(h.choice, Choice::Civil);
        h.handle_key(&key(KeyCode::Char('l')));
        assert_eq!(h.pane, Pane::Banks);
        h.handle_key(&key(KeyCode::Down));
        h.handle_key(&key(KeyCode::Char(' ')));
        assert_eq!(h.chosen_banks(), vec!["b".to_string()]);
        h.handle_key(&key(KeyCode::Char('g')));
        h.handle_key(&key(KeyCode::Char('x')));
        assert_eq!(h.chosen_banks(), vec!["a".to_string(), "b".to_string()]);
        h.handle_key(&key(KeyCode::BackTab));
        assert_eq!(h.pane, Pane::Mode);
        h.handle_key(&key(KeyCode::Char('h')));
        assert_eq!(h.pane, Pane::Settings);
    }

    #[test]
    fn count_and_seed_are_bounded() {
        let mut h = Home::new(&[]);
        for _ in 0..50 {
            h.handle_key(&key(KeyCode::Char('+')));
        }
        assert_eq!(h.count, MAX_COUNT);
        for _ in 0..50 {
            h.handle_key(&key(KeyCode::Char('-')));
        }
        assert_eq!(h.count, 1);
        for _ in 0..25 {
            h.handle_key(&key(KeyCode::Char('9')));
        }
        assert_eq!(h.seed.len(), 19);
        assert_eq!(h.seed(), Some(9_999_999_999_999_999_999));
        h.handle_key(&key(KeyCode::Backspace));
        assert_eq!(h.seed.len(), 18);
        assert_eq!(h.handle_key(&key(KeyCode::Enter)), HomeAction::Start);
        assert_eq!(h.handle_key(&key(KeyCode::Char('q'))), HomeAction::Quit);
    }
}
