//! `mianba history [--bank ID] [--category C] [--mode M] [--json]`: saved sessions, newest
//! first. The JSON is an array of `store::SessionSummary` (keys in the README).

use std::process::ExitCode;

use crate::cli::{Global, HistoryArgs};
use crate::error::{Error, Result};
use crate::i18n::Lang;
use crate::review::report::local_time;
use crate::store::{HistoryFilter, SessionSummary, Store};
use crate::text::sanitize_line;

pub fn run(global: &Global, args: &HistoryArgs) -> Result<ExitCode> {
    let store = open_store(global)?;
    let filter = HistoryFilter {
        bank: args.bank.clone(),
        category: args.category.clone(),
        mode: args.mode,
    };
    let list = store.history(&filter)?;
    if args.json {
        emit(&to_json(&list)?)?;
    } else {
        emit(&table(&list, Lang::detect(global.lang)))?;
    }
    Ok(ExitCode::SUCCESS)
}

/// Writes `text` to stdout. A reader that stops early (`mianba history | head`) is not an
/// error: the rest is simply not wanted.
pub(super) fn emit(text: &str) -> Result<()> {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(Error::Other(anyhow::anyhow!(
            "cannot write to the standard output: {e}"
        ))),
        _ => Ok(()),
    }
}

/// Writes each item on its own line, cleaned of control characters (problems quote files).
pub(super) fn emit_lines<T: std::fmt::Display>(items: impl IntoIterator<Item = T>) -> Result<()> {
    let text: String = items
        .into_iter()
        .map(|i| crate::text::sanitize_line(&i.to_string()) + "\n")
        .collect();
    emit(&text)
}

/// Pretty JSON with a final newline.
pub(super) fn to_json<T: serde::Serialize>(value: &T) -> Result<String> {
    serde_json::to_string_pretty(value)
        .map(|j| j + "\n")
        .map_err(|e| Error::Other(anyhow::anyhow!("cannot write JSON: {e}")))
}

/// The store of `--data-dir` (or the platform's data folder).
pub(super) fn open_store(global: &Global) -> Result<Store> {
    Ok(Store::open(&crate::paths::data_dir(
        global.data_dir.as_deref(),
    ))?)
}

/// One line per session; the free-text column (banks) last, so the others line up.
fn table(list: &[SessionSummary], lang: Lang) -> String {
    let ui = lang.ui();
    if list.is_empty() {
        return format!("{}\n", ui.history_none_cli);
    }
    let head = [
        ui.history_col_session,
        ui.history_col_started,
        ui.history_col_mode,
        ui.history_col_questions,
        ui.history_col_average,
        ui.history_col_banks,
    ];
    let rows: Vec<[String; 6]> = list
        .iter()
        .map(|s| {
            [
                s.id.to_string(),
                local_time(s.started_at),
                lang.ui().mode_name(s.mode).to_string(),
                s.questions.to_string(),
                s.average_total.map_or_else(
                    || "-".to_string(),
                    |a| crate::review::shown_average(a).to_string(),
                ),
                if s.banks.is_empty() {
                    ui.filter_all.to_string()
                } else {
                    sanitize_line(&s.banks.join(", "))
                },
            ]
        })
        .collect();
    super::table::table(head.map(String::from), &rows)
}
