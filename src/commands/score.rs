//! `mianba score`: score one answer against one question, as a human-readable card or as the
//! JSON of the README ("JSON output"). Bank text and the answer go through `crate::text` before they
//! reach the terminal.

use std::fmt::Write as _;
use std::io::Read;
use std::path::Path;
use std::process::ExitCode;

use super::history::emit;
use crate::bank::load::load_file;
use crate::bank::{Bank, BankSet};
use crate::cli::{Global, ScoreArgs};
use crate::error::{Error, Result};
use crate::i18n::{Lang, Ui, fill};
use crate::scoring::{Rubric, Scorecard};
use crate::text::sanitize_line;

pub fn run(global: &Global, args: &ScoreArgs) -> Result<ExitCode> {
    let lang = Lang::detect(global.lang);
    let ui = lang.ui();
    let bank = load_bank(global, &args.bank, ui)?;
    let question = bank.question(&args.question).ok_or_else(|| {
        Error::BadInput(sanitize_line(&fill(
            ui.err_no_question,
            &[
                ("q", &args.question),
                ("bank", &bank.id),
                ("source", &bank.source),
            ],
        )))
    })?;
    let answer = read_answer(args.answer.as_deref(), ui)?;
    let card = Rubric::compile(&bank, question).score(&answer, args.seconds);
    if args.json {
        let json = serde_json::to_string_pretty(&card)
            .map_err(|e| Error::Other(anyhow::anyhow!("cannot write the scorecard: {e}")))?;
        emit(&(json + "\n"))?;
    } else {
        emit(&render(&card, &answer, lang))?;
    }
    Ok(ExitCode::SUCCESS)
}

/// `--bank` is a bank file; when no such file exists, the id of a loaded bank.
fn load_bank(global: &Global, arg: &str, ui: &Ui) -> Result<Bank> {
    let path = Path::new(arg);
    if path.is_dir() {
        return Err(Error::BadInput(sanitize_line(&fill(
            ui.err_bank_is_folder,
            &[("arg", &arg)],
        ))));
    }
    if path.exists() {
        return load_file(path).map_err(|problems| {
            let first = problems
                .first()
                .map(|p| p.in_lang(ui.lang))
                .unwrap_or_default();
            let more = match problems.len() {
                0 | 1 => String::new(),
                n => fill(ui.err_and_more, &[("n", &(n - 1))]),
            };
            Error::BadInput(sanitize_line(&fill(
                ui.err_bank_invalid,
                &[("arg", &arg), ("first", &first), ("more", &more)],
            )))
        });
    }
    if let Some(bank) = BankSet::bundled_bank(arg) {
        return Ok(bank);
    }
    let user_dir = crate::paths::user_banks_dir();
    let set = BankSet::load(&global.banks, user_dir.as_deref());
    set.get(arg).cloned().ok_or_else(|| {
        Error::BadInput(sanitize_line(&fill(
            ui.err_no_bank_or_file,
            &[("arg", &arg)],
        )))
    })
}

/// The largest answer `score` reads: far beyond any spoken or typed answer, small enough that
/// a wrong file (a video, a disk image) is refused instead of filling memory.
const MAX_ANSWER_BYTES: u64 = 16 * 1024 * 1024;

fn answer_too_large(name: &str, ui: &Ui) -> Error {
    Error::BadInput(sanitize_line(&fill(
        ui.err_answer_too_large,
        &[
            ("name", &name),
            ("mib", &(MAX_ANSWER_BYTES / (1024 * 1024))),
        ],
    )))
}

/// The answer file, or stdin when there is none; it must be UTF-8 text.
fn read_answer(path: Option<&Path>, ui: &Ui) -> Result<String> {
    let (bytes, name) = match path {
        Some(p) => {
            let name = p.display().to_string();
            let bytes = crate::files::read_capped(p, MAX_ANSWER_BYTES).map_err(|e| match e {
                crate::files::ReadCapped::Io(source) => Error::Read {
                    path: p.to_path_buf(),
                    source,
                },
                crate::files::ReadCapped::TooLarge(_) => answer_too_large(&name, ui),
                crate::files::ReadCapped::NotAFile(kind) => {
                    Error::BadInput(crate::files::not_a_file(p, kind, ui.lang))
                }
            })?;
            (bytes, name)
        }
        None => {
            let name = ui.err_answer_stdin_name.to_string();
            let mut bytes = Vec::new();
            std::io::stdin()
                .take(MAX_ANSWER_BYTES + 1)
                .read_to_end(&mut bytes)
                .map_err(|e| Error::BadInput(fill(ui.err_answer_stdin, &[("why", &e)])))?;
            if bytes.len() as u64 > MAX_ANSWER_BYTES {
                return Err(answer_too_large(&name, ui));
            }
            (bytes, name)
        }
    };
    String::from_utf8(bytes)
        .map_err(|_| Error::BadInput(sanitize_line(&fill(ui.err_not_utf8, &[("name", &name)]))))
}

/// The card for a terminal: total and dimensions, each point with its evidence, avoid hits,
/// sections, then the feedback. Labels follow the UI language; bank text stays as written.
fn render(card: &Scorecard, answer: &str, lang: Lang) -> String {
    let zh = lang == Lang::Zh;
    let l = |z: &'static str, e: &'static str| if zh { z } else { e };
    let quote = |at: [usize; 2]| -> String {
        let s: String = answer.chars().skip(at[0]).take(at[1] - at[0]).collect();
        sanitize_line(&s)
    };
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}  {} {}/100",
        sanitize_line(&card.question),
        l("总分", "total"),
        card.total
    );
    let _ = writeln!(
        out,
        "  {} {}   {} {}   {} {}",
        l("内容", "content"),
        card.content,
        l("结构", "structure"),
        card.structure,
        l("表达", "delivery"),
        card.delivery
    );
    let _ = writeln!(out, "{}", l("要点", "Points"));
    for p in &card.points {
        let mark = if p.hit { "✓" } else { "✗" };
        let mut line = format!("  {mark} {}", sanitize_line(&p.name));
        if p.required {
            line.push_str(l(" （必答）", " (required)"));
        }
        if p.weight != 1 {
            let _ = write!(line, " ×{}", p.weight);
        }
        if let (Some(m), Some(at)) = (&p.matched, p.at) {
            let _ = write!(
                line,
                "  「{}」 @{}-{} ({})",
                quote(at),
                at[0],
                at[1],
                sanitize_line(m)
            );
        }
        let _ = writeln!(out, "{line}");
        if let Some(h) = &p.hint {
            let _ = writeln!(out, "      {}{}", l("参考：", "e.g. "), sanitize_line(h));
        }
    }
    if !card.avoid.is_empty() {
        let _ = writeln!(out, "{}", l("扣分", "Deductions"));
        for a in &card.avoid {
            let _ = writeln!(
                out,
                "  ✗ {}  「{}」 @{}-{}  -{}",
                sanitize_line(&a.why),
                quote(a.at),
                a.at[0],
                a.at[1],
                a.penalty
            );
        }
    }
    if !card.sections.is_empty() {
        let order = if card.order_ok {
            ""
        } else {
            l("  （顺序不对）", "  (out of order)")
        };
        let _ = writeln!(out, "{}{order}", l("结构", "Structure"));
        for s in &card.sections {
            let mark = if s.found { "✓" } else { "✗" };
            let mut line = format!("  {mark} {}", sanitize_line(&s.name));
            if s.optional {
                line.push_str(l(" （可选）", " (optional)"));
            }
            if let Some(at) = s.at {
                let _ = write!(line, "  @{at}");
            }
            if let Some(cue) = &s.cue {
                let _ = write!(line, " 「{}」", sanitize_line(cue));
            }
            let _ = writeln!(out, "{line}");
        }
    }
    let mut facts = format!(
        "{} {} · {} {} · {} {}",
        l("字数", "chars"),
        card.chars,
        l("口头禅", "fillers"),
        card.fillers,
        l("分点", "enumerations"),
        card.enumerations
    );
    if let (Some(s), Some(cpm)) = (card.seconds, card.pace_cpm) {
        let _ = write!(facts, " · {s}s · {cpm} {}", l("字/分钟", "chars/min"));
    }
    let _ = writeln!(out, "{facts}");
    let _ = writeln!(out, "{}", l("建议", "Feedback"));
    for (i, f) in card.feedback.iter().enumerate() {
        let _ = writeln!(out, "  {}. {}", i + 1, sanitize_line(f));
    }
    out
}
