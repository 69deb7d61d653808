//! The home screen's part of `update`: what its keys (`HomeAction`) start — an interview,
//! a listed set, the review screens, a drill.

use crossterm::event::KeyEvent;

use crate::bank::Language;
use crate::i18n::fill;
use crate::session::{Plan, PlanError, PlanRequest, civil_service};
use crate::store::HistoryFilter;
use crate::tui::app::{App, Level, Screen};
use crate::tui::effect::Effect;
use crate::tui::filter::FilterChoices;
use crate::tui::screens::history::History;
use crate::tui::screens::home::{Choice, Home, HomeAction};
use crate::tui::screens::progress::ProgressScreen;
use crate::tui::screens::sitting::update::start;
use crate::tutor::set_files::SetEntry;

/// A key on the home screen: what its action (`Home::handle_key`) starts.
pub fn on_key(app: &mut App, key: KeyEvent) -> Vec<Effect> {
    let Screen::Home(home) = &mut app.screen else {
        return Vec::new();
    };
    match home.handle_key(&key) {
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
    }
}

/// A drill arrived: start it as a practice, or say there is nothing to drill.
pub fn on_drill_ready(
    app: &mut App,
    drill: crate::review::drill::Drill,
    weakest: bool,
) -> Vec<Effect> {
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

/// Enter on a listed set: start its interview, or say why the file cannot be used.
fn start_listed_set(app: &mut App, i: usize) -> Vec<Effect> {
    match app.sets.get(i).cloned() {
        Some(SetEntry::Ready(set)) => crate::tui::sets::start_set(app, &set),
        Some(SetEntry::Broken { file, problem }) => {
            app.notify(
                format!("{file}: {}", problem.in_file(app.lang)),
                Level::Error,
            );
            Vec::new()
        }
        None => Vec::new(),
    }
}
