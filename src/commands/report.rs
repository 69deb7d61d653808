//! `mianba report SESSION [--format md|json]`: one saved session as a report.

use std::process::ExitCode;

use super::history::{emit, to_json};
use crate::cli::{Global, SessionReportArgs, SessionReportFormat};
use crate::error::{Error, Result};
use crate::i18n::Lang;
use crate::review::report::{ReportJson, markdown};
use crate::store::SessionId;
use crate::text::sanitize_line;

pub fn run(global: &Global, args: &SessionReportArgs) -> Result<ExitCode> {
    let store = super::history::open_store(global)?;
    let id = match args.session.trim() {
        "latest" => store.latest_answered_session()?.ok_or_else(|| {
            Error::BadInput(
                "there is no saved session with an answer yet; practise one first (`mianba practice`)"
                    .into(),
            )
        })?,
        n => SessionId(n.parse().map_err(|_| {
            Error::BadInput(format!(
                "`{}` is not a session number; use a number from `mianba history` or `latest`",
                sanitize_line(n)
            ))
        })?),
    };
    let detail = store.session(id)?.ok_or_else(|| {
        Error::BadInput(format!(
            "there is no saved session {id}; `mianba history` lists the saved ones"
        ))
    })?;
    let text = match args.format {
        SessionReportFormat::Md => markdown(&detail, Lang::detect(global.lang)),
        SessionReportFormat::Json => to_json(&ReportJson::of(&detail))?,
    };
    emit(&text)?;
    Ok(ExitCode::SUCCESS)
}
