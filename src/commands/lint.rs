//! `mianba banks lint [PATH…]`: runs `lint` over the given bank files and folders (or
//! every loaded bank) and prints one line per failure; exit 1 when any check fails or a bank
//! cannot be loaded.

use std::path::PathBuf;
use std::process::ExitCode;

use super::history::{emit, emit_lines, to_json};
use crate::bank::load::load_file;
use crate::bank::read::bank_files_in;
use crate::bank::{Bank, BankSet, Problem};
use crate::cli::Global;
use crate::error::Result;
use crate::i18n::Lang;
use crate::lint::{ExampleScore, LintFailure, LintReport, lint_bank};

pub fn run(global: &Global, paths: &[PathBuf], json: bool) -> Result<ExitCode> {
    let (banks, problems) = if paths.is_empty() {
        let user_dir = crate::paths::user_banks_dir();
        let set = BankSet::load(&global.banks, user_dir.as_deref());
        (set.banks, set.problems)
    } else {
        load_paths(paths)
    };
    let mut report = LintReport::default();
    let mut questions = 0;
    for bank in &banks {
        questions += bank.questions.len();
        let found = lint_bank(bank);
        report.failures.extend(found.failures);
        report.examples.extend(found.examples);
    }
    let failures = report.failures.len();
    if json {
        emit(&to_json(&Json {
            banks: banks.len(),
            questions,
            failures: &report.failures,
            problems: &problems,
            examples: &report.examples,
        })?)?;
    } else {
        // A bank that does not load cannot be linted: its problems are failures too.
        let lang = Lang::detect(global.lang);
        emit_lines(problems.iter().map(|p| p.in_lang(lang)))?;
        emit_lines(&report.failures)?;
        let (n_banks, problems_n) = (banks.len(), problems.len());
        let n_examples = report.examples.len();
        let in_band = report.examples.iter().filter(|e| e.in_band).count();
        match lang {
            Lang::Zh => eprintln!(
                "检查了 {n_banks} 个题库、{questions} 道题、{n_examples} 个评分样例（{in_band} 个落在应有分数段）：{failures} 项未通过，{problems_n} 个无法读取的问题"
            ),
            Lang::En => eprintln!(
                "{n_banks} banks, {questions} questions, {n_examples} graded examples ({in_band} in their band): {failures} failed checks, {problems_n} loading problems"
            ),
        }
    }
    Ok(if failures == 0 && problems.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

/// `banks lint --json`.
#[derive(serde::Serialize)]
struct Json<'a> {
    banks: usize,
    questions: usize,
    failures: &'a [LintFailure],
    problems: &'a [Problem],
    examples: &'a [ExampleScore],
}

/// Bank files, and the `*.toml` banks in folders (recursively, outside `figures/`).
fn load_paths(paths: &[PathBuf]) -> (Vec<Bank>, Vec<Problem>) {
    let mut banks = Vec::new();
    let mut problems = Vec::new();
    for path in paths {
        let name = path.display().to_string();
        let files = if path.is_dir() {
            match bank_files_in(path) {
                Ok(files) => files,
                Err(e) => {
                    problems.push(Problem::at_start(
                        &name,
                        crate::msg!(pr_cannot_read_folder, why = e.to_string()),
                    ));
                    continue;
                }
            }
        } else if path.exists() {
            vec![path.clone()]
        } else {
            problems.push(Problem::at_start(&name, crate::msg!(pr_no_such_path)));
            continue;
        };
        for file in files {
            match load_file(&file) {
                Ok(bank) => banks.push(bank),
                Err(found) => problems.extend(found),
            }
        }
    }
    (banks, problems)
}
