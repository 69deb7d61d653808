//! `mianba report SESSION [--format md|json]`: one saved session as a report.

use std::process::ExitCode;

use super::history::{emit, to_json};
use crate::bank::BankSet;
use crate::cli::{Global, SessionReportArgs, SessionReportFormat};
use crate::error::{Error, Result};
use crate::i18n::{Lang, fill};
use crate::review::report::{ReportJson, markdown};
use crate::store::SessionId;
use crate::text::sanitize_line;

pub fn run(global: &Global, args: &SessionReportArgs) -> Result<ExitCode> {
    let store = super::history::open_store(global)?;
    let lang = Lang::detect(global.lang);
    let ui = lang.ui();
    let id = match args.session.trim() {
        "latest" => store
            .latest_answered_session()?
            .ok_or_else(|| Error::BadInput(ui.err_no_sessions_yet.into()))?,
        n => SessionId(n.parse().map_err(|_| {
            Error::BadInput(fill(ui.err_not_session_number, &[("n", &sanitize_line(n))]))
        })?),
    };
    let detail = store
        .session(id)?
        .ok_or_else(|| Error::BadInput(fill(ui.err_no_session, &[("id", &id)])))?;
    let text = match args.format {
        SessionReportFormat::Md => {
            let banks = BankSet::load(&global.banks, crate::paths::user_banks_dir().as_deref());
            markdown(&detail, lang, &banks)
        }
        SessionReportFormat::Json => to_json(&ReportJson::of(&detail))?,
    };
    emit(&text)?;
    Ok(ExitCode::SUCCESS)
}
