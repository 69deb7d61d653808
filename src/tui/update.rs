//! `update(app, msg) -> effects`: the only place the state changes. It does no I/O; saving is
//! returned as `Effect`s that the event loop runs against the store (and answers with a `Msg`),
//! so every key path is testable with a plain `App`.

use crossterm::event::{KeyCode, KeyEvent};

use crate::bank::Language;
use crate::i18n::fill;
use crate::session::interview::{Event, Interview, Outcome, Phase};
use crate::session::{Mode, Plan, PlanError, PlanRequest, QuestionRef, civil_service};
use crate::store::{AnswerId, Draft, HistoryFilter, NewAnswer, NewSession, SessionId};
use crate::tui::app::{App, Level, Overlay, Screen};
use crate::tui::filter::FilterChoices;
use crate::tui::input::is_ctrl;
use crate::tui::msg::Msg;
use crate::tui::screens::detail::{Detail, DetailAction};
use crate::tui::screens::history::{History, HistoryAction};
use crate::tui::screens::home::{Choice, Home, HomeAction};
use crate::tui::screens::progress::{ProgressAction, ProgressScreen};
use crate::tui::screens::sitting::{DRAFT_EVERY, Sitting, SittingAction};
use crate::tui::sets::{SetEntry, SetLink};
use crate::tui::widgets::editor::{MAX_ANSWER_CHARS, PasteOutcome};

/// Work for the event loop: everything that touches the store or the speaker.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Answered with `Msg::SessionCreated`.
    CreateSession(NewSession),
    /// As `CreateSession`, then records the assignment set the session answers (so
    /// `mianba set export` finds it).
    CreateSetSession {
        session: NewSession,
        set: SetLink,
    },
    /// Answered with `Msg::AnswerSaved`.
    SaveAnswer(Box<AnswerToSave>),
    /// Delete the session if it holds nothing (left before its first answer, no draft).
    DropIfEmpty(SessionId),
    FinishSession {
        id: SessionId,
        at: i64,
    },
    /// Save the answer being typed with the seconds already spent on it.
    SaveDraft {
        draft: Draft,
        seconds: u32,
    },
    /// Answered with `Msg::DraftSeconds`: the seconds saved with a draft being restored.
    LoadDraftSeconds(String),
    /// Answered with `Msg::RestoreReady`: what the draft's session was (and, for a drill,
    /// the questions still due at `now`), so the restore resumes it as it was.
    LoadRestore {
        draft: Draft,
        now: i64,
    },
    ClearDraft(String),
    /// Read a prompt aloud (cutting off what was being read).
    Speak {
        text: String,
        lang: Language,
    },
    StopSpeaking,
    /// Answered with `Msg::HistoryLoaded`.
    LoadHistory {
        filter: HistoryFilter,
        offset: usize,
    },
    /// Answered with `Msg::SessionLoaded`.
    LoadSession(SessionId),
    /// Answered with `Msg::ProgressLoaded`.
    LoadProgress(HistoryFilter),
    /// Answered with `Msg::DueCount`; `now` in Unix seconds.
    LoadDueCount {
        now: i64,
    },
    /// Answered with `Msg::HomeChoices`.
    LoadHomeChoices,
    /// Answered with `Msg::SetAttempts`.
    LoadSetAttempts,
    /// Keep the home screen's choices for next time (`Home::choices_setting`); no answer.
    SaveHomeChoices(String),
    /// Answered with `Msg::DrillReady`: the due questions, or the `weakest` n.
    LoadDrill {
        weakest: Option<usize>,
        now: i64,
    },
}

/// An answer to save: the interview's outcome and what the session adds to it. Owned (an
/// effect outlives the borrow of the sitting); the store's `NewAnswer` borrows from it.
#[derive(Debug, Clone, PartialEq)]
pub struct AnswerToSave {
    /// The outcome's index in the interview, echoed back in `Msg::AnswerSaved`.
    pub slot: usize,
    pub session_id: SessionId,
    pub parent: Option<AnswerId>,
    pub mode: Mode,
    pub created_at: i64,
    pub outcome: Outcome,
}

impl AnswerToSave {
    /// The store's record of it (a spoken answer has no text).
    pub fn new_answer(&self) -> NewAnswer<'_> {
        let o = &self.outcome;
        NewAnswer {
            session_id: self.session_id,
            parent: self.parent,
            question_id: &o.question_id,
            followup: o.step.followup,
            bank_id: &o.bank_id,
            category: &o.category,
            prompt: &o.prompt,
            answer_text: o.answer.as_deref().unwrap_or(""),
            seconds_used: o.seconds,
            attempt: o.attempt,
            scorecard: &o.card,
            mode: self.mode,
            created_at: self.created_at,
        }
    }
}

pub fn update(app: &mut App, msg: Msg) -> Vec<Effect> {
    // A notice belongs to the screen it was raised on: once the screen or the question
    // changes, one left from an earlier action ("nothing is due") goes, and the key hints
    // come back. One raised by this very message stays.
    let place = screen_place(app);
    let notice = app.notice.as_ref().map(|n| (n.until, n.text.clone()));
    let effects = handle(app, msg);
    let same_notice = app.notice.as_ref().map(|n| (n.until, n.text.clone())) == notice;
    if screen_place(app) != place && same_notice {
        app.notice = None;
    }
    effects
}

/// Which screen is up and, in an interview, which question or follow-up.
fn screen_place(
    app: &App,
) -> (
    std::mem::Discriminant<Screen>,
    Option<(usize, Option<usize>)>,
) {
    let step = match &app.screen {
        Screen::Sitting(s) => Some((s.interview.step.question, s.interview.step.followup)),
        _ => None,
    };
    (std::mem::discriminant(&app.screen), step)
}

fn handle(app: &mut App, msg: Msg) -> Vec<Effect> {
    match msg {
        Msg::Key(key) => on_key(app, key),
        Msg::Paste(text) => on_paste(app, &text),
        Msg::Resize(w, h) => {
            app.size = Some((w, h));
            Vec::new()
        }
        Msg::Tick => on_tick(app),
        Msg::Interrupted => {
            app.quit = true;
            Vec::new()
        }
        Msg::SessionCreated(id) => on_session_created(app, id),
        Msg::RestoreReady { draft, of } => on_restore_ready(app, *draft, *of),
        Msg::DraftSeconds(seconds) => {
            if let Screen::Sitting(s) = &mut app.screen {
                s.carry_answer_time(seconds);
            }
            Vec::new()
        }
        Msg::AnswerSaved { slot, id } => {
            if let Screen::Sitting(s) = &mut app.screen {
                if s.answer_ids.len() <= slot {
                    s.answer_ids.resize(slot + 1, None);
                }
                s.answer_ids[slot] = Some(id);
            }
            Vec::new()
        }
        Msg::HistoryLoaded {
            offset,
            rows,
            count,
        } => {
            if let Screen::History(h) = &mut app.screen {
                h.loaded(offset, rows, count);
            }
            Vec::new()
        }
        Msg::SessionLoaded(Some(detail)) => {
            if let Screen::History(h) = &mut app.screen {
                let back = Box::new(std::mem::replace(
                    h.as_mut(),
                    History::new(FilterChoices::default()),
                ));
                app.screen = Screen::Detail(Box::new(Detail::new(*detail, back)));
            }
            Vec::new()
        }
        Msg::SessionLoaded(None) => Vec::new(),
        Msg::ProgressLoaded(p) => {
            if let Screen::Progress(s) = &mut app.screen {
                s.progress = Some(*p);
            }
            Vec::new()
        }
        Msg::DueCount(n) => {
            if let Screen::Home(h) = &mut app.screen {
                h.due = Some(n);
            }
            Vec::new()
        }
        Msg::SetAttempts(taken) => {
            app.set_attempts = taken;
            Vec::new()
        }
        Msg::HomeChoices(saved) => {
            if let (Screen::Home(h), Some(saved)) = (&mut app.screen, saved) {
                h.apply_setting(&saved);
            }
            Vec::new()
        }
        Msg::DrillReady { drill, weakest } => on_drill_ready(app, *drill, weakest),
        Msg::SpeechFailed(why) => {
            app.speak = false;
            let text = why.message(app.lang);
            app.notify(text, Level::Warn);
            Vec::new()
        }
        Msg::StoreFailed(why) => {
            let text = fill(app.ui.not_saved, &[("why", &why)]);
            app.notify(text, Level::Error);
            Vec::new()
        }
        Msg::AnswerKept { why, path } => {
            let text = fill(app.ui.answer_kept, &[("why", &why), ("path", &path)]);
            // Long enough to be read and the path copied.
            app.notify_for(text, Level::Error, std::time::Duration::from_secs(600));
            Vec::new()
        }
    }
}

/// What must be saved whatever way the app ends: the answer being typed, as a draft.
pub fn final_effects(app: &App) -> Vec<Effect> {
    match &app.screen {
        // The draft first: a session with a draft is kept, one with nothing is not.
        Screen::Sitting(s) => s
            .draft_effect(app.clock.unix_now(), app.now())
            .into_iter()
            .chain(s.session_id.map(Effect::DropIfEmpty))
            .collect(),
        Screen::Home(_) | Screen::History(_) | Screen::Detail(_) | Screen::Progress(_) => {
            Vec::new()
        }
    }
}

/// Back to the home screen, asking the store for the number of questions due.
pub fn go_home(app: &mut App) -> Vec<Effect> {
    let mut home = Home::new(&app.banks.banks);
    home.set_count = app.sets.len();
    app.screen = Screen::Home(home);
    home_effects(app)
}

/// What the home screen needs from the store when it is shown.
pub fn home_effects(app: &App) -> Vec<Effect> {
    vec![
        Effect::LoadDueCount {
            now: app.clock.unix_now(),
        },
        Effect::LoadHomeChoices,
        Effect::LoadSetAttempts,
    ]
}

/// A drill arrived: start it as a practice, or say there is nothing to drill.
fn on_drill_ready(app: &mut App, drill: crate::review::drill::Drill, weakest: bool) -> Vec<Effect> {
    if !drill.gone.is_empty() {
        let text = fill(app.ui.drill_gone, &[("n", &drill.gone.len())]);
        app.notify(text, Level::Warn);
    }
    if drill.is_empty() {
        let text = if weakest {
            app.ui.weakest_none
        } else {
            app.ui.drill_none
        };
        app.notify(text.to_string(), Level::Info);
        return Vec::new();
    }
    start(app, Choice::Practice, drill.plan)
}

/// The keys of the home screen's review entries.
fn on_home_review(app: &mut App, action: HomeAction, count: usize) -> Vec<Effect> {
    if !app.store_ok {
        app.notify(app.ui.review_no_store.to_string(), Level::Error);
        return Vec::new();
    }
    let now = app.clock.unix_now();
    let choices = FilterChoices::of(&app.banks);
    match action {
        HomeAction::History => {
            app.screen = Screen::History(Box::new(History::new(choices)));
            vec![Effect::LoadHistory {
                filter: HistoryFilter::default(),
                offset: 0,
            }]
        }
        HomeAction::Progress => {
            app.screen = Screen::Progress(Box::new(ProgressScreen::new(choices)));
            vec![Effect::LoadProgress(HistoryFilter::default())]
        }
        HomeAction::Drill => vec![Effect::LoadDrill { weakest: None, now }],
        HomeAction::Weakest => vec![Effect::LoadDrill {
            weakest: Some(count),
            now,
        }],
        HomeAction::None | HomeAction::Start | HomeAction::StartSet(_) | HomeAction::Quit => {
            Vec::new()
        }
    }
}

fn on_history_key(app: &mut App, key: KeyEvent) -> Vec<Effect> {
    let Screen::History(h) = &mut app.screen else {
        return Vec::new();
    };
    match h.handle_key(&key) {
        HistoryAction::None => Vec::new(),
        HistoryAction::Load(offset) => vec![Effect::LoadHistory {
            filter: h.filter.clone(),
            offset,
        }],
        HistoryAction::Open(id) => vec![Effect::LoadSession(id)],
        HistoryAction::Back => go_home(app),
    }
}

fn on_detail_key(app: &mut App, key: KeyEvent) -> Vec<Effect> {
    let Screen::Detail(d) = &mut app.screen else {
        return Vec::new();
    };
    match d.handle_key(&key, &app.banks) {
        DetailAction::None => {}
        DetailAction::Back => {
            let back = std::mem::replace(
                &mut d.back,
                Box::new(History::new(FilterChoices::default())),
            );
            app.screen = Screen::History(back);
        }
    }
    Vec::new()
}

fn on_progress_key(app: &mut App, key: KeyEvent) -> Vec<Effect> {
    let Screen::Progress(p) = &mut app.screen else {
        return Vec::new();
    };
    match p.handle_key(&key) {
        ProgressAction::None => Vec::new(),
        ProgressAction::Load => vec![Effect::LoadProgress(p.filter.clone())],
        ProgressAction::Back => go_home(app),
    }
}

fn mode_of(choice: Choice) -> Mode {
    match choice {
        Choice::Practice => Mode::Practice,
        Choice::Exam | Choice::Civil => Mode::Exam,
        Choice::Spoken => Mode::Spoken,
    }
}

/// The plan the home screen's settings describe.
fn plan_from_home(app: &mut App, home: &Home) -> Result<Plan, PlanError> {
    let seed = home.seed().unwrap_or_else(|| (app.seeds)());
    match home.choice {
        Choice::Civil => {
            let lang = match app.lang {
                crate::i18n::Lang::Zh => Language::Zh,
                crate::i18n::Lang::En => Language::En,
            };
            civil_service().draw_in(&app.banks, &home.chosen_banks(), lang, seed)
        }
        _ => PlanRequest {
            banks: home.chosen_banks(),
            categories: home.chosen_categories(),
            difficulty: None,
            count: home.count,
            seed,
        }
        .draw(&app.banks),
    }
}

/// Start an interview of `plan` (from home, from `mianba practice`, or to restore a draft).
pub fn start(app: &mut App, choice: Choice, plan: Plan) -> Vec<Effect> {
    let interview = Interview::new(plan, mode_of(choice), &app.banks, app.now());
    begin(app, choice, interview, None)
}

/// Put `interview` on screen and have the store create its session, or say why it could not
/// be built. `set`: the assignment set it answers, recorded with the session.
pub fn begin(
    app: &mut App,
    choice: Choice,
    interview: Result<Interview, PlanError>,
    set: Option<SetLink>,
) -> Vec<Effect> {
    let now = app.now();
    match interview {
        Ok(interview) => {
            let session = NewSession {
                started_at: app.clock.unix_now(),
                mode: mode_of(choice),
                preset: interview.plan.preset.clone(),
                seed: interview.plan.seed,
                banks: interview.plan.banks.clone(),
                lang: app.lang.code().to_string(),
            };
            let mut sitting = Sitting::new(interview, choice, now);
            sitting.reset_for_next();
            sitting.set = set.clone();
            let create = match set {
                Some(set) => Effect::CreateSetSession { session, set },
                None => Effect::CreateSession(session),
            };
            let mut effects = vec![create];
            effects.extend(speak(app.speak, &sitting));
            app.screen = Screen::Sitting(Box::new(sitting));
            effects
        }
        Err(e) => {
            let text = fill(app.ui.start_failed, &[("why", &e)]);
            app.notify(text, Level::Error);
            Vec::new()
        }
    }
}

/// Read the prompt now on screen aloud, when reading aloud is on.
fn speak(on: bool, s: &Sitting) -> Option<Effect> {
    let (text, lang) = s.interview.prompt_to_read();
    on.then_some(Effect::Speak { text, lang })
}

/// What the store knows of a draft's session, for resuming it as it was.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DraftOrigin {
    /// The session, when the store still has it, with its mode.
    pub session: Option<(SessionId, Mode)>,
    /// The assignment set it answers (id, checksum).
    pub set: Option<(String, String)>,
    /// Full ids of the questions it already has a main answer to.
    pub answered: Vec<String>,
    /// For a drill: the questions due now.
    pub drill: Option<crate::review::drill::Drill>,
}

/// Restore a draft: first ask the store what its session was (`on_restore_ready`).
fn restore(app: &mut App, draft: Draft) -> Vec<Effect> {
    vec![Effect::LoadRestore {
        draft,
        now: app.clock.unix_now(),
    }]
}

/// Resume a draft, straight into the answer with the text back. A session the store still
/// has goes on — the same session, the draft under its own key, no new empty session: a set
/// (listed on the home screen, same checksum) with its questions not yet answered, a drill
/// with the questions still due, a practice with the drafted question; the drafted question
/// first each time. Otherwise (its session gone, an exam or spoken sitting outside a set) a
/// practice of the one question in a new session.
pub fn on_restore_ready(app: &mut App, draft: Draft, of: DraftOrigin) -> Vec<Effect> {
    let Some((bank, q)) = app.banks.find_question(&draft.question_id) else {
        let text = fill(
            app.ui.restore_unknown_question,
            &[("id", &draft.question_id)],
        );
        app.notify(text, Level::Warn);
        return Vec::new();
    };
    let drafted = QuestionRef {
        bank: bank.id.clone(),
        question: q.id.clone(),
    };
    let first = |mut plan: Plan| {
        plan.questions.retain(|r| r != &drafted);
        plan.questions.insert(0, drafted.clone());
        plan
    };
    let set = of.set.as_ref().and_then(|(id, checksum)| {
        app.sets.iter().find_map(|e| match e {
            crate::tui::sets::SetEntry::Ready(s) if &s.id == id && &s.checksum == checksum => {
                Some(s.as_ref().clone())
            }
            _ => None,
        })
    });
    // The time already spent is asked for first, so it is carried before the draft moves to
    // a new session's key (`on_session_created` saves it with the time).
    let mut effects = vec![Effect::LoadDraftSeconds(draft.key.clone())];
    let now = app.now();
    let resumed = match (of.session, set) {
        (Some((id, _)), Some(set)) if set.mode != Mode::Spoken => {
            let mut plan = set.plan();
            plan.questions
                .retain(|r| r == &drafted || !of.answered.contains(&r.full_id()));
            let banks = set.sitting_banks(&app.banks);
            let interview = Interview::new(first(plan), set.mode, &banks, now);
            let link = crate::tui::sets::SetLink::of(&set);
            Some((
                id,
                crate::tui::sets::choice_for(set.mode),
                interview,
                Some(link),
            ))
        }
        (Some((id, Mode::Practice)), None) => {
            let plan = match of.drill.filter(|d| d.plan.questions.contains(&drafted)) {
                Some(d) => first(d.plan),
                None => {
                    let mut plan = Plan::fixed(vec![drafted.clone()]);
                    plan.banks = vec![bank.id.clone()];
                    plan
                }
            };
            let interview = Interview::new(plan, Mode::Practice, &app.banks, now);
            Some((id, Choice::Practice, interview, None))
        }
        _ => None,
    };
    let reused = resumed.is_some();
    match resumed {
        Some((id, choice, Ok(interview), set)) => {
            let mut sitting = Sitting::new(interview, choice, now);
            sitting.reset_for_next();
            sitting.session_id = Some(id);
            sitting.set = set;
            effects.extend(speak(app.speak, &sitting));
            app.screen = Screen::Sitting(Box::new(sitting));
        }
        Some((_, _, Err(e), _)) => {
            let text = fill(app.ui.start_failed, &[("why", &e)]);
            app.notify(text, Level::Error);
            return Vec::new();
        }
        None => {
            let mut plan = Plan::fixed(vec![drafted]);
            // The session records the bank it asks from, as any other (history's Banks column).
            plan.banks = vec![bank.id.clone()];
            effects.extend(start(app, Choice::Practice, plan));
        }
    }
    if let Screen::Sitting(s) = &mut app.screen {
        s.interview.answer_now(draft.followup, now);
        s.reset_for_next();
        // The store is a file like any other: `with_text` cleans its text before it is shown.
        s.editor = crate::tui::widgets::editor::Editor::with_text(&draft.text);
        if reused {
            s.saved_text = draft.text.clone();
        } else {
            s.replaces_draft = Some(draft.key);
        }
    }
    effects
}

fn on_session_created(app: &mut App, id: SessionId) -> Vec<Effect> {
    let unix_now = app.clock.unix_now();
    let now = app.now();
    let Screen::Sitting(s) = &mut app.screen else {
        return Vec::new();
    };
    s.session_id = Some(id);
    // A restored draft moves to its new key at once, so it is never in neither place.
    match s.replaces_draft.take() {
        Some(old) => {
            let mut effects: Vec<Effect> = s.draft_effect(unix_now, now).into_iter().collect();
            if let Some(Effect::SaveDraft { draft, .. }) = effects.first() {
                s.saved_text = draft.text.clone();
            }
            effects.push(Effect::ClearDraft(old));
            effects
        }
        None => Vec::new(),
    }
}

fn on_key(app: &mut App, key: KeyEvent) -> Vec<Effect> {
    if is_ctrl(&key, 'c') {
        app.quit = true;
        return Vec::new();
    }
    // Below the minimum size only the "too small" screen shows: a key must not edit an answer
    // or press a button the candidate cannot see.
    if app.too_small() {
        return Vec::new();
    }
    if let Some(overlay) = app.overlay.take() {
        return on_overlay_key(app, overlay, key);
    }
    let typing = matches!(&app.screen, Screen::Sitting(s) if s.typing());
    if key.code == KeyCode::F(1) || (key.code == KeyCode::Char('?') && !typing) {
        app.overlay = Some(Overlay::Help);
        return Vec::new();
    }
    match &mut app.screen {
        Screen::Home(home) => match home.handle_key(&key) {
            HomeAction::None => Vec::new(),
            HomeAction::Quit => {
                app.quit = true;
                Vec::new()
            }
            action @ (HomeAction::History
            | HomeAction::Progress
            | HomeAction::Drill
            | HomeAction::Weakest) => {
                let count = home.count;
                on_home_review(app, action, count)
            }
            HomeAction::StartSet(i) => start_listed_set(app, i),
            HomeAction::Start => {
                let home = home.clone();
                match plan_from_home(app, &home) {
                    Ok(plan) => {
                        let mut effects = start(app, home.choice, plan);
                        effects.push(Effect::SaveHomeChoices(home.choices_setting()));
                        effects
                    }
                    Err(e) => {
                        let text = fill(app.ui.start_failed, &[("why", &e)]);
                        app.notify(text, Level::Error);
                        Vec::new()
                    }
                }
            }
        },
        Screen::Sitting(_) => on_sitting_key(app, key),
        Screen::History(_) => on_history_key(app, key),
        Screen::Detail(_) => on_detail_key(app, key),
        Screen::Progress(_) => on_progress_key(app, key),
    }
}

/// Enter on a listed set: start its interview, or say why the file cannot be used.
fn start_listed_set(app: &mut App, i: usize) -> Vec<Effect> {
    match app.sets.get(i).cloned() {
        Some(SetEntry::Ready(set)) => crate::tui::sets::start_set(app, &set),
        Some(SetEntry::Broken { file, problem }) => {
            app.notify(format!("{file}: {problem}"), Level::Error);
            Vec::new()
        }
        None => Vec::new(),
    }
}

/// Keys while an overlay is open. The overlay was taken out of `app`; put it back to keep it.
fn on_overlay_key(app: &mut App, overlay: Overlay, key: KeyEvent) -> Vec<Effect> {
    let yes = matches!(
        key.code,
        KeyCode::Enter | KeyCode::Char('y') | KeyCode::Char('Y')
    );
    let no = matches!(key.code, KeyCode::Char('n') | KeyCode::Char('N'));
    match overlay {
        // Any key closes the help.
        Overlay::Help => Vec::new(),
        Overlay::Restore(draft) => {
            if yes {
                restore(app, draft)
            } else if no {
                vec![Effect::ClearDraft(draft.key)]
            } else if key.code == KeyCode::Esc {
                Vec::new()
            } else {
                app.overlay = Some(Overlay::Restore(draft));
                Vec::new()
            }
        }
        Overlay::ConfirmLeave => {
            if yes {
                leave(app)
            } else if no || key.code == KeyCode::Esc {
                Vec::new()
            } else {
                app.overlay = Some(Overlay::ConfirmLeave);
                Vec::new()
            }
        }
    }
}

/// Back to the home screen: the draft is kept, the session marked as ended.
fn leave(app: &mut App) -> Vec<Effect> {
    let mut effects = final_effects(app);
    effects.push(Effect::StopSpeaking);
    if let Screen::Sitting(s) = &app.screen
        && let (Some(id), false) = (s.session_id, matches!(s.interview.phase, Phase::Finished))
    {
        effects.push(Effect::FinishSession {
            id,
            at: app.clock.unix_now(),
        });
    }
    effects.extend(go_home(app));
    effects
}

fn on_paste(app: &mut App, text: &str) -> Vec<Effect> {
    let now = app.now();
    let Screen::Sitting(s) = &mut app.screen else {
        return Vec::new();
    };
    if s.mode() != Mode::Spoken && matches!(s.interview.phase, Phase::Prep { .. }) {
        s.interview.skip_prep(now);
    }
    if !s.typing() {
        return Vec::new();
    }
    if let PasteOutcome::Truncated { kept, dropped } = s.editor.paste(text) {
        let ui = app.ui;
        let msg = fill(
            ui.paste_cut,
            &[
                ("kept", &kept),
                ("dropped", &dropped),
                ("max", &MAX_ANSWER_CHARS),
            ],
        );
        app.notify(msg, Level::Warn);
    }
    Vec::new()
}

fn on_tick(app: &mut App) -> Vec<Effect> {
    let now = app.now();
    let unix_now = app.clock.unix_now();
    let read_aloud = app.speak;
    let time_up = app.ui.time_up;
    let Screen::Sitting(s) = &mut app.screen else {
        return Vec::new();
    };
    let before = (s.interview.step, s.interview.attempt);
    let mut effects = Vec::new();
    let mut notice = None;
    for event in s.interview.tick(now) {
        if event == Event::TimeUp {
            match s.mode() {
                // The clock cuts the answer off: submit what stands.
                Mode::Exam => effects.extend(submit_typed(s, now, unix_now)),
                Mode::Practice => notice = Some(time_up),
                Mode::Spoken => {}
            }
        }
    }
    effects.extend(after_move(s, before, unix_now, read_aloud));
    if s.typing() && now.saturating_sub(s.last_draft_at) >= DRAFT_EVERY {
        let text = s.editor.text();
        if text != s.saved_text
            && let Some(save) = s.draft_effect(unix_now, now)
        {
            s.saved_text = text;
            s.last_draft_at = now;
            effects.push(save);
        }
    }
    if let Some(n) = notice {
        app.notify(n.to_string(), Level::Warn);
    }
    effects
}

/// After the interview may have moved on: fresh view state for a new step or attempt, a new
/// question read aloud (not a retry), and the session marked finished once the last answer
/// is in.
fn after_move(
    s: &mut Sitting,
    before: (crate::session::interview::Step, u32),
    unix_now: i64,
    read_aloud: bool,
) -> Vec<Effect> {
    let mut effects = Vec::new();
    if (s.interview.step, s.interview.attempt) != before {
        s.reset_for_next();
        let new_question = s.interview.step != before.0;
        if new_question && !matches!(s.interview.phase, Phase::Finished) {
            effects.extend(speak(read_aloud, s));
        }
    }
    if matches!(s.interview.phase, Phase::Finished)
        && !s.finished
        && let Some(id) = s.session_id
    {
        s.finished = true;
        effects.push(Effect::FinishSession { id, at: unix_now });
    }
    effects
}

/// Submit the editor's text: score it, save it, forget its draft.
fn submit_typed(s: &mut Sitting, now: std::time::Duration, unix_now: i64) -> Vec<Effect> {
    let action = s.submit_text(now);
    answer_effects(s, &action, unix_now)
}

/// Saving the answer an action submitted (and forgetting a typed answer's draft).
fn answer_effects(s: &Sitting, action: &SittingAction, unix_now: i64) -> Vec<Effect> {
    match action {
        SittingAction::Answered { slot, draft } => {
            let mut effects = save_answer(s, *slot, unix_now);
            effects.extend(draft.clone().map(Effect::ClearDraft));
            effects
        }
        SittingAction::Checked { slot } => save_answer(s, *slot, unix_now),
        SittingAction::None
        | SittingAction::ConfirmLeave
        | SittingAction::Home
        | SittingAction::Quit => Vec::new(),
    }
}

fn save_answer(s: &Sitting, slot: usize, unix_now: i64) -> Vec<Effect> {
    let Some(o) = s.interview.outcomes.get(slot) else {
        return Vec::new();
    };
    // Without a session (the store would not open or create one) the answer is still sent:
    // the store side keeps it in a recovery file rather than drop it.
    let session_id = s.session_id.unwrap_or(SessionId(0));
    vec![Effect::SaveAnswer(Box::new(AnswerToSave {
        slot,
        session_id,
        parent: s.parent_of(slot),
        mode: s.mode(),
        created_at: unix_now,
        outcome: o.clone(),
    }))]
}

fn on_sitting_key(app: &mut App, key: KeyEvent) -> Vec<Effect> {
    let now = app.now();
    let unix_now = app.clock.unix_now();
    let read_aloud = app.speak;
    let Screen::Sitting(s) = &mut app.screen else {
        return Vec::new();
    };
    let before = (s.interview.step, s.interview.attempt);
    let action = s.handle_key(&key, now);
    let mut effects = answer_effects(s, &action, unix_now);
    // An exam goes straight on to the next question: say the answer was kept.
    let saved_next = matches!(action, SittingAction::Answered { .. })
        && s.mode() == Mode::Exam
        && !matches!(s.interview.phase, Phase::Finished);
    effects.extend(after_move(s, before, unix_now, read_aloud));
    match action {
        SittingAction::ConfirmLeave => app.overlay = Some(Overlay::ConfirmLeave),
        SittingAction::Home => effects.extend(go_home(app)),
        SittingAction::Quit => app.quit = true,
        SittingAction::Answered { .. } if saved_next => {
            let text = app.ui.saved_next.to_string();
            app.notify(text, Level::Info);
        }
        SittingAction::None | SittingAction::Answered { .. } | SittingAction::Checked { .. } => {}
    }
    effects
}
