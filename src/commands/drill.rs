//! `mianba due [--weakest N] [--daily-limit N] [--json]`: the drill from the command line —
//! what is due today (within the daily limit, or `--daily-limit` for this listing only), or
//! the weakest questions. The saved limit changes with `mianba settings daily-limit N`.

use std::process::ExitCode;

use serde::Serialize;

use super::history::{emit, to_json};
use crate::bank::BankSet;
use crate::cli::{DueArgs, Global};
use crate::error::Result;
use crate::i18n::Lang;
use crate::review::drill::{due_drill_with_cards, local_day_start, remaining_today, weakest_drill};
use crate::review::report::local_time;
use crate::session::{Clock, SystemClock};
use crate::store::{ScheduleEntry, WeakQuestion};
use crate::text::{question_label, sanitize_line};

#[derive(Serialize)]
struct DueJson<'a> {
    daily_limit: usize,
    remaining_today: usize,
    due: &'a [ScheduleEntry],
    /// Due questions no loaded bank has any more.
    gone: &'a [String],
}

#[derive(Serialize)]
struct WeakestJson<'a> {
    weakest: &'a [WeakQuestion],
    gone: &'a [String],
}

pub fn run(global: &Global, args: &DueArgs) -> Result<ExitCode> {
    let store = super::history::open_store(global)?;
    let zh = Lang::detect(global.lang) == Lang::Zh;
    let banks = BankSet::load(&global.banks, crate::paths::user_banks_dir().as_deref());
    // A question by its prompt; the id only for one no bank has any more (and in --json).
    let prompt_of = |id: &str| {
        banks
            .find_question(id)
            .map_or_else(|| sanitize_line(id), |(_, q)| question_label(&q.prompt))
    };
    if let Some(n) = args.weakest {
        let (drill, rows) = weakest_drill(&store, &banks, n)?;
        if args.json {
            return print_json(&WeakestJson {
                weakest: &rows,
                gone: &drill.gone,
            });
        }
        // Which number is which: the latest total, then the average over attempts.
        let mut out = if zh {
            "最近   平均  题目\n".to_string()
        } else {
            "LAST    AVG  QUESTION\n".to_string()
        };
        for w in &rows {
            out.push_str(&format!(
                "{:>4}  {:>5.1}  {}\n",
                w.latest_total,
                w.average_total,
                prompt_of(&w.question_id)
            ));
        }
        emit(&out)?;
        return Ok(ExitCode::SUCCESS);
    }
    let now = SystemClock::new().unix_now();
    let today = local_day_start(now);
    let limit = match args.daily_limit {
        Some(n) => usize::from(n),
        None => store.daily_limit()?,
    };
    let left = remaining_today(&store, limit, today)?;
    let (drill, cards) = due_drill_with_cards(&store, &banks, now, left)?;
    if args.json {
        return print_json(&DueJson {
            daily_limit: limit,
            remaining_today: left,
            due: &cards,
            gone: &drill.gone,
        });
    }
    let mut out = if zh {
        format!(
            "今天到期 {} 题（每日上限 {limit}，今天还可复习 {left} 题）\n",
            cards.len()
        )
    } else {
        format!(
            "{} due today (daily limit {limit}, {left} left today)\n",
            cards.len()
        )
    };
    for c in &cards {
        out.push_str(&format!(
            "  {}  {}\n",
            local_time(c.due),
            prompt_of(&c.question_id)
        ));
    }
    emit(&out)?;
    Ok(ExitCode::SUCCESS)
}

fn print_json<T: Serialize>(value: &T) -> Result<ExitCode> {
    emit(&to_json(value)?)?;
    Ok(ExitCode::SUCCESS)
}
