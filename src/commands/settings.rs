//! `mianba settings daily-limit [N]`: show or save the drill's daily limit (the home screen's
//! drill and `mianba due` use it).

use std::process::ExitCode;

use super::history::{emit, open_store};
use crate::cli::{Global, SettingsCommand};
use crate::error::Result;
use crate::i18n::{Lang, fill};

pub fn run(global: &Global, cmd: SettingsCommand) -> Result<ExitCode> {
    let ui = Lang::detect(global.lang).ui();
    match cmd {
        SettingsCommand::DailyLimit { n } => {
            let store = open_store(global)?;
            let template = match n {
                Some(n) => {
                    store.set_daily_limit(usize::from(n))?;
                    ui.daily_limit_set
                }
                None => ui.daily_limit_is,
            };
            let line = fill(template, &[("n", &store.daily_limit()?)]);
            emit(&(line + "\n"))?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
