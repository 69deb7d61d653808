//! The outside world the effects act on: the store and the speaker. `update` only returns
//! effects; this runs them and reports back with messages, so the state never touches I/O.

use crate::bank::BankSet;
use crate::i18n::Lang;
use crate::review::{drill, progress};
use crate::speech::Speaker;
use crate::store::Store;
use crate::tui::effect::Effect;
use crate::tui::msg::Msg;
use crate::tui::screens::sitting::update::DraftOrigin;

pub struct Io {
    /// `None` when the store could not be opened: nothing is saved (the app says so).
    pub store: Option<Store>,
    /// `None` unless `--speak` was given and espeak-ng was found.
    pub speaker: Option<Speaker>,
    /// The UI language, for the store's error messages.
    pub lang: Lang,
    /// The store's folder: an answer the store cannot take is kept in a recovery file here.
    pub data_dir: std::path::PathBuf,
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
            Effect::SaveAnswer(a) => Some(match self.store.as_ref() {
                None => keep_answer(&self.data_dir, &a.new_answer(), "the store is not open"),
                Some(store) => match store.save_answer(&a.new_answer()) {
                    Ok(id) => Msg::AnswerSaved { slot: a.slot, id },
                    Err(e) => keep_answer(&self.data_dir, &a.new_answer(), &e.to_string()),
                },
            }),
            Effect::ClearDraft(key) => {
                crate::store::recovery::forget_draft(&self.data_dir, &key);
                let store = self.store.as_ref()?;
                store
                    .clear_draft(&key)
                    .err()
                    .map(|e| Msg::StoreFailed(e.to_string()))
            }
            Effect::SaveDraft { draft, seconds } => {
                let why = match self.store.as_ref() {
                    None => "the store is not open".to_string(),
                    Some(store) => store
                        .save_draft(&draft)
                        .and_then(|()| store.set_draft_seconds(&draft.key, seconds))
                        .err()?
                        .to_string(),
                };
                Some(
                    match crate::store::recovery::keep_draft(&self.data_dir, &draft, seconds, &why)
                    {
                        Ok(path) => Msg::StoreFailed(format!(
                            "{why}; the answer being typed is kept in {}",
                            crate::text::sanitize_line(&path.display().to_string())
                        )),
                        Err(also) => Msg::StoreFailed(format!(
                            "{why}; and no recovery file could be written ({also})"
                        )),
                    },
                )
            }
            store_effect => self
                .store
                .as_ref()
                .and_then(|s| run_on_store(s, store_effect, banks, self.lang)),
        }
    }
}

/// The store refused an answer: it goes to a recovery file (`store::recovery`), and the
/// message says where, so the typed text is never only on the screen.
fn keep_answer(data_dir: &std::path::Path, a: &crate::store::NewAnswer<'_>, why: &str) -> Msg {
    let answer = crate::store::recovery::RecoveredAnswer::of(a, why);
    match crate::store::recovery::keep(data_dir, &answer) {
        Ok(path) => Msg::AnswerKept {
            why: why.to_string(),
            path: crate::text::sanitize_line(&path.display().to_string()),
        },
        Err(also) => Msg::StoreFailed(format!(
            "{why}; and no recovery file could be written ({also})"
        )),
    }
}

/// What the store knows of a draft's session (`DraftOrigin`).
fn origin_of(
    store: &Store,
    session: Option<crate::store::SessionId>,
    banks: &BankSet,
    now: i64,
) -> crate::store::StoreResult<DraftOrigin> {
    let Some(detail) = session.map(|id| store.session(id)).transpose()?.flatten() else {
        return Ok(DraftOrigin::default());
    };
    let s = &detail.summary;
    let drill = match s.preset.as_deref() {
        Some(drill::DUE_PRESET) => Some(drill::due_drill(
            store,
            banks,
            now,
            drill::local_day_start(now),
        )?),
        _ => None,
    };
    Ok(DraftOrigin {
        session: Some((s.id, s.mode)),
        set: store.session_set(s.id)?,
        answered: detail
            .answers
            .iter()
            .map(|a| a.question_id.clone())
            .collect(),
        drill,
    })
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
        // Run by `Io::run_one`, which keeps a refused answer.
        Effect::SaveAnswer(_) => None,
        Effect::FinishSession { id, at } => store.finish_session(id, at).err().map(failed),
        // Run by `Io::run_one`, which keeps a refused draft.
        Effect::SaveDraft { .. } => None,
        Effect::LoadDraftSeconds(key) => Some(
            store
                .draft_seconds(&key)
                .map_or_else(failed, Msg::DraftSeconds),
        ),
        // Run by `Io::run_one`, which also forgets a kept copy.
        Effect::ClearDraft(_) => None,
        Effect::DropIfEmpty(id) => store.drop_session_if_empty(id).err().map(failed),
        Effect::LoadRestore { draft, now } => Some(
            origin_of(store, draft.session_id, banks, now).map_or_else(failed, |of| {
                Msg::RestoreReady {
                    draft: Box::new(draft),
                    of: Box::new(of),
                }
            }),
        ),
        Effect::LoadHistory { filter, offset } => Some(
            store
                .history_page(&filter, offset, crate::tui::screens::history::PAGE)
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
        Effect::LoadSetAttempts => Some(store.set_attempts().map_or_else(failed, Msg::SetAttempts)),
        Effect::LoadHomeChoices => Some(
            store
                .setting(crate::tui::screens::home::HOME_CHOICES_KEY)
                .map_or_else(failed, Msg::HomeChoices),
        ),
        Effect::SaveHomeChoices(value) => store
            .set_setting(crate::tui::screens::home::HOME_CHOICES_KEY, &value)
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
