//! `mianba banks list|show|validate`. Everything a bank says goes through `crate::text` before
//! it reaches the terminal; widths are measured with unicode-width so Chinese columns line up.

use std::process::ExitCode;

use super::history::{emit, emit_lines, to_json};
use super::table::table;
use crate::bank::{Bank, BankSet, Defaults, Problem, Question, Structure};
use crate::cli::{BanksCommand, Global};
use crate::error::{Error, Result};
use crate::i18n::{Lang, fill};
use crate::text::{sanitize, sanitize_line};

/// Prompts in `banks show` are wrapped to this many columns (after the indent).
const WRAP_COLUMNS: usize = 76;
const INDENT: &str = "    ";

pub fn run(global: &Global, cmd: BanksCommand) -> Result<ExitCode> {
    let lang = Lang::detect(global.lang);
    match cmd {
        BanksCommand::List { json } => list(&load(global, lang), json, lang),
        BanksCommand::Show { id, json } => show(&load(global, lang), &id, json, lang),
        BanksCommand::Validate { paths } => validate(&paths, lang),
        // Dispatched to `lint` by `commands::run`; kept here so the match is complete.
        BanksCommand::Lint { .. } => Err(Error::Usage(
            "`banks lint` is handled by its own command".into(),
        )),
        BanksCommand::Import(_) => Err(Error::Usage(
            "`banks import` is handled by its own command".into(),
        )),
    }
}

/// All banks, with the problems of the broken ones on stderr (they are skipped, not fatal).
fn load(global: &Global, lang: Lang) -> BankSet {
    let user_dir = crate::paths::user_banks_dir();
    let set = BankSet::load(&global.banks, user_dir.as_deref());
    print_problems_to_stderr(&set.problems, lang);
    set
}

fn print_problems_to_stderr(problems: &[Problem], lang: Lang) {
    for p in problems {
        eprintln!("{}", sanitize_line(&p.in_lang(lang)));
    }
}

#[derive(serde::Serialize)]
struct ListEntry {
    id: String,
    title: String,
    language: &'static str,
    questions: usize,
    source: String,
}

fn list(set: &BankSet, json: bool, lang: Lang) -> Result<ExitCode> {
    let entries: Vec<ListEntry> = set
        .banks
        .iter()
        .map(|b| ListEntry {
            id: sanitize_line(&b.id),
            title: sanitize_line(&b.title),
            language: b.language.code(),
            questions: b.questions.len(),
            source: sanitize_line(&b.source.to_string()),
        })
        .collect();
    if json {
        emit(&to_json(&entries)?)?;
        return Ok(ExitCode::SUCCESS);
    }
    let ui = lang.ui();
    let header = [
        ui.banks_col_id,
        ui.banks_col_title,
        ui.banks_col_lang,
        ui.banks_col_questions,
        ui.banks_col_source,
    ];
    let rows: Vec<[String; 5]> = entries
        .into_iter()
        .map(|e| {
            [
                e.id,
                e.title,
                e.language.to_string(),
                e.questions.to_string(),
                e.source,
            ]
        })
        .collect();
    emit(&table(header.map(String::from), &rows))?;
    Ok(ExitCode::SUCCESS)
}

fn find<'s>(set: &'s BankSet, id: &str, lang: Lang) -> Result<&'s Bank> {
    let ui = lang.ui();
    set.get(id).ok_or_else(|| {
        let known: Vec<String> = set.banks.iter().map(|b| sanitize_line(&b.id)).collect();
        let known = if known.is_empty() {
            ui.err_no_bank_none.to_string()
        } else {
            known.join(", ")
        };
        Error::BadInput(fill(
            ui.err_no_bank,
            &[("id", &sanitize_line(id)), ("known", &known)],
        ))
    })
}

/// The whole bank as JSON: the model's own fields plus where it came from.
#[derive(serde::Serialize)]
struct BankJson<'a> {
    id: &'a str,
    title: &'a str,
    language: &'static str,
    description: Option<&'a str>,
    author: Option<&'a str>,
    source: String,
    defaults: &'a Defaults,
    structures: &'a [Structure],
    questions: &'a [Question],
}

fn show(set: &BankSet, id: &str, json: bool, lang: Lang) -> Result<ExitCode> {
    let bank = find(set, id, lang)?;
    if json {
        let whole = BankJson {
            id: &bank.id,
            title: &bank.title,
            language: bank.language.code(),
            description: bank.description.as_deref(),
            author: bank.author.as_deref(),
            source: bank.source.to_string(),
            defaults: bank.defaults(),
            structures: bank.structures(),
            questions: &bank.questions,
        };
        emit(&to_json(&whole)?)?;
        return Ok(ExitCode::SUCCESS);
    }
    emit(&describe(bank, lang))?;
    Ok(ExitCode::SUCCESS)
}

/// The human view of one bank: a heading, then each question's id, category and difficulty
/// with its prompt wrapped below.
fn describe(bank: &Bank, lang: Lang) -> String {
    let count = bank.questions.len();
    let mut out = fill(
        lang.ui().banks_heading,
        &[
            ("title", &sanitize_line(&bank.title)),
            ("id", &sanitize_line(&bank.id)),
            ("lang", &bank.language.code()),
            ("n", &count),
        ],
    );
    out.push('\n');
    if let Some(d) = &bank.description {
        for line in wrap(&sanitize_line(d), WRAP_COLUMNS + INDENT.len()) {
            out.push_str(&line);
            out.push('\n');
        }
    }
    for q in &bank.questions {
        let difficulty = fill(lang.ui().banks_difficulty, &[("n", &q.difficulty)]);
        out.push('\n');
        out.push_str(&format!(
            "{}  [{}]  {difficulty}\n",
            sanitize_line(&bank.full_id(q)),
            sanitize_line(&q.category)
        ));
        for paragraph in sanitize(&q.prompt).lines() {
            for line in wrap(paragraph, WRAP_COLUMNS) {
                out.push_str(INDENT);
                out.push_str(&line);
                out.push('\n');
            }
        }
    }
    out
}

/// Prompts wrapped by the same line-breaking rule as the TUI's panes (one 禁则 list); a
/// blank paragraph gives no line.
fn wrap(text: &str, columns: usize) -> Vec<String> {
    crate::tui::widgets::wrap::wrap_str(text, columns)
        .into_iter()
        .map(|l| l.trim_end().to_string())
        .filter(|l| !l.is_empty())
        .collect()
}

fn validate(paths: &[std::path::PathBuf], lang: Lang) -> Result<ExitCode> {
    let (checked, problems) = crate::bank::load::validate_paths(paths);
    if problems.is_empty() {
        let ui = lang.ui();
        let template = if checked == 1 {
            ui.banks_valid_one
        } else {
            ui.banks_valid_many
        };
        eprintln!("{}", fill(template, &[("n", &checked)]));
        return Ok(ExitCode::SUCCESS);
    }
    emit_lines(problems.iter().map(|p| p.in_lang(lang)))?;
    Ok(ExitCode::FAILURE)
}

#[cfg(test)]
mod tests {
    use unicode_width::UnicodeWidthStr;

    use super::*;

    #[test]
    fn wrap_respects_display_width_and_word_boundaries() {
        let zh = "客户收到商品后发现尺码不合适，要求换货。你会如何处理？".repeat(3);
        let lines = wrap(&zh, 20);
        // Closing punctuation moves down with the character before it: nothing hangs out.
        assert!(lines.iter().all(|l| l.width() <= 20), "{lines:?}");
        assert_eq!(lines.concat(), zh);
        assert!(
            lines.iter().all(|l| !l.starts_with(['，', '。', '？'])),
            "{lines:?}"
        );

        let en = "A customer says the parcel arrived late and asks for a refund";
        let lines = wrap(en, 16);
        assert!(lines.iter().all(|l| l.width() <= 16), "{lines:?}");
        assert_eq!(lines.join(" "), en);
        assert_eq!(wrap("supercalifragilistic", 5).len(), 4);
    }
}
