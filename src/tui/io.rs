//! The outside world the effects act on: the store and the speaker. `update` only returns
//! effects; this runs them and reports back with messages, so the state never touches I/O.

use crate::bank::BankSet;
use crate::i18n::Lang;
use crate::review::{drill, progress};
use crate::speech::Speaker;
use crate::store::Store;
use crate::tui::msg::Msg;
use crate::tui::update::Effect;

pub struct Io {
    /// `None` when the store could not be opened: nothing is saved (the app says so).
    pub store: Option<Store>,
    /// `None` unless `--speak` was given and espeak-ng was found.
    pub speaker: Option<Speaker>,
    /// The UI language, for the store's error messages.
    pub lang: Lang,
}

impl Io {
    /// Run `effects`, returning the messages that report their outcome. `banks` are the
    /// loaded banks (drills and progress look questions up in them).
    pub fn run(&mut self, effects: Vec<Effect>, banks: &BankSet) -> Vec<Msg> {
        effects
            .into_iter()
            .filter_map(|e| self.run_one(e, banks))
            .collect()
    }

    fn run_one(&mut self, effect: Effect, banks: &BankSet) -> Option<Msg> {
        match effect {
            Effect::Speak { text, lang } => {
                let speaker = self.speaker.as_mut()?;
                let failed = speaker.speak(&text, lang).err()?;
                // Once it failed it stays off: no message on every question.
                self.speaker = None;
                Some(Msg::SpeechFailed(failed))
            }
            Effect::StopSpeaking => {
                if let Some(s) = self.speaker.as_mut() {
                    s.stop();
                }
                None
            }
            store_effect => self
                .store
                .as_ref()
                .and_then(|s| run_on_store(s, store_effect, banks, self.lang)),
        }
    }
}

/// The store side of one effect.
fn run_on_store(store: &Store, effect: Effect, banks: &BankSet, lang: Lang) -> Option<Msg> {
    let failed = |e: crate::store::StoreError| Msg::StoreFailed(e.message(lang));
    match effect {
        Effect::CreateSession(s) => Some(
            store
                .create_session(&s)
                .map_or_else(failed, Msg::SessionCreated),
        ),
        Effect::CreateSetSession { session, set } => Some(
            store
                .create_session(&session)
                .and_then(|id| {
                    store.set_session_set(id, &set.set_id, &set.checksum)?;
                    Ok(id)
                })
                .map_or_else(failed, Msg::SessionCreated),
        ),
        Effect::SaveAnswer(a) => Some(
            store
                .save_answer(&a.new_answer())
                .map_or_else(failed, |id| Msg::AnswerSaved { slot: a.slot, id }),
        ),
        Effect::FinishSession { id, at } => store.finish_session(id, at).err().map(failed),
        Effect::SaveDraft { draft, seconds } => store
            .save_draft(&draft)
            .and_then(|()| store.set_draft_seconds(&draft.key, seconds))
            .err()
            .map(failed),
        Effect::LoadDraftSeconds(key) => Some(
            store
                .draft_seconds(&key)
                .map_or_else(failed, Msg::DraftSeconds),
        ),
        Effect::ClearDraft(key) => store.clear_draft(&key).err().map(failed),
        Effect::LoadHistory { filter, offset } => Some(
            store
                .history_page(&filter, offset, crate::tui::history::PAGE)
                .and_then(|rows| Ok((rows, store.history_count(&filter)?)))
                .map_or_else(failed, |(rows, count)| Msg::HistoryLoaded {
                    offset,
                    rows,
                    count,
                }),
        ),
        Effect::LoadSession(id) => Some(
            store
                .session(id)
                .map_or_else(failed, |d| Msg::SessionLoaded(d.map(Box::new))),
        ),
        Effect::LoadProgress(filter) => Some(
            progress::load(store, &filter, banks)
                .map_or_else(failed, |p| Msg::ProgressLoaded(Box::new(p))),
        ),
        Effect::LoadHomeChoices => Some(
            store
                .setting(crate::tui::home::HOME_CHOICES_KEY)
                .map_or_else(failed, Msg::HomeChoices),
        ),
        Effect::SaveHomeChoices(value) => store
            .set_setting(crate::tui::home::HOME_CHOICES_KEY, &value)
            .err()
            .map(failed),
        Effect::LoadDueCount { now } => Some(
            drill::due_today(store, banks, now, drill::local_day_start(now))
                .map_or_else(failed, Msg::DueCount),
        ),
        Effect::LoadDrill { weakest, now } => {
            let ready = match weakest {
                Some(n) => drill::weakest_drill(store, banks, n).map(|(d, _)| d),
                None => drill::due_drill(store, banks, now, drill::local_day_start(now)),
            };
            Some(ready.map_or_else(failed, |d| Msg::DrillReady {
                drill: Box::new(d),
                weakest: weakest.is_some(),
            }))
        }
        Effect::Speak { .. } | Effect::StopSpeaking => None,
    }
}
