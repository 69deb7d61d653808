//! `mianba export FILE` and `mianba import FILE`: the whole store as one JSON file. The rules
//! (what merges, what is kept) are in `crate::store::backup`.

use std::path::Path;
use std::process::ExitCode;

use crate::cli::Global;
use crate::error::Result;
use crate::i18n::Lang;

pub fn export(global: &Global, file: &Path) -> Result<ExitCode> {
    let store = super::history::open_store(global)?;
    let b = store.export(file)?;
    let (s, a, f) = (b.sessions.len(), b.answers.len(), file.display());
    match Lang::detect(global.lang) {
        Lang::Zh => println!("已导出 {s} 场、{a} 个回答到 {f}"),
        Lang::En => println!("exported {s} sessions and {a} answers to {f}"),
    }
    Ok(ExitCode::SUCCESS)
}

pub fn import(global: &Global, file: &Path) -> Result<ExitCode> {
    let store = super::history::open_store(global)?;
    let s = store.import(file)?;
    match Lang::detect(global.lang) {
        Lang::Zh => println!(
            "已导入 {} 场、{} 个回答（已有的 {} 场、{} 个回答保持不变）；草稿 {}，复习计划 {}，设置 {}，评分 {}",
            s.sessions_added,
            s.answers_added,
            s.sessions_present,
            s.answers_present,
            s.drafts_written,
            s.schedule_written,
            s.settings_added,
            s.grades_written
        ),
        Lang::En => println!(
            "imported {} sessions and {} answers ({} sessions and {} answers were already here and kept); drafts {}, schedule {}, settings {}, grades {}",
            s.sessions_added,
            s.answers_added,
            s.sessions_present,
            s.answers_present,
            s.drafts_written,
            s.schedule_written,
            s.settings_added,
            s.grades_written
        ),
    }
    Ok(ExitCode::SUCCESS)
}
