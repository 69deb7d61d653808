//! The interview's part of `update`: starting and resuming a sitting, its keys (a
//! `SittingAction` turned into effects), time passing, pastes, and leaving.

use crossterm::event::KeyEvent;

use crate::i18n::fill;
use crate::session::interview::{Event, Interview, Phase};
use crate::session::{Mode, Plan, PlanError, QuestionRef};
use crate::store::{Draft, NewSession, SessionId};
use crate::tui::app::{App, Level, Overlay, Screen};
use crate::tui::effect::{AnswerToSave, Effect};
use crate::tui::screens::home::Choice;
use crate::tui::screens::sitting::{DRAFT_EVERY, Sitting, SittingAction};
use crate::tui::sets::SetLink;
use crate::tui::update::{final_effects, go_home};
use crate::tui::widgets::editor::{MAX_ANSWER_CHARS, PasteOutcome};

/// The session mode a home choice records.
fn mode_of(choice: Choice) -> Mode {
    match choice {
        Choice::Practice => Mode::Practice,
        Choice::Exam | Choice::Civil => Mode::Exam,
        Choice::Spoken => Mode::Spoken,
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
            crate::tutor::set_files::SetEntry::Ready(s)
                if &s.id == id && &s.checksum == checksum =>
            {
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

/// The store made the session: answers go under it, and a restored draft moves to its key.
pub fn on_session_created(app: &mut App, id: SessionId) -> Vec<Effect> {
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

/// Back to the home screen: the draft is kept, the session marked as ended.
pub fn leave(app: &mut App) -> Vec<Effect> {
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

/// A bracketed paste into the answer (it ends the thinking time), cut at the cap with a notice.
pub fn on_paste(app: &mut App, text: &str) -> Vec<Effect> {
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

/// Time passed: the countdown's events (an exam answer is cut off), a step moved on, and the
/// draft saved every `DRAFT_EVERY` when it changed.
pub fn on_tick(app: &mut App) -> Vec<Effect> {
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

/// A key during the interview: the sitting's `SittingAction` (`keys`) turned into effects, a
/// dialog, going home or quitting.
pub fn on_key(app: &mut App, key: KeyEvent) -> Vec<Effect> {
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
