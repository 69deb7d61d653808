//! `mianba export FILE` and `mianba import FILE`: the whole store as one JSON file. The rules
//! (what merges, what is kept) are in `crate::store::backup`.

use std::path::Path;
use std::process::ExitCode;

use crate::cli::Global;
use crate::error::Result;
use crate::i18n::Lang;

pub fn export(global: &Global, file: &Path, force: bool) -> Result<ExitCode> {
    let store = super::history::open_store(global)?;
    let b = store.export(file, force)?;
    let (s, a, f) = (b.sessions.len(), b.answers.len(), file.display());
    super::history::emit(&match Lang::detect(global.lang) {
        Lang::Zh => format!("已导出 {s} 场、{a} 个回答到 {f}\n"),
        Lang::En => format!("exported {s} sessions and {a} answers to {f}\n"),
    })?;
    Ok(ExitCode::SUCCESS)
}

pub fn import(global: &Global, file: &Path) -> Result<ExitCode> {
    let store = super::history::open_store(global)?;
    let s = store.import(file)?;
    let template = match Lang::detect(global.lang) {
        Lang::Zh => {
            "已导入 {sa} 场、{aa} 个回答（已有的 {sp} 场、{ap} 个回答保持不变）；草稿 {d}，复习计划 {sc}，设置 {st}，评分 {g}"
        }
        Lang::En => {
            "imported {sa} sessions and {aa} answers ({sp} sessions and {ap} answers were already here and kept); drafts {d}, schedule {sc}, settings {st}, grades {g}"
        }
    };
    let line = crate::i18n::fill(
        template,
        &[
            ("sa", &s.sessions_added),
            ("aa", &s.answers_added),
            ("sp", &s.sessions_present),
            ("ap", &s.answers_present),
            ("d", &s.drafts_written),
            ("sc", &s.schedule_written),
            ("st", &s.settings_added),
            ("g", &s.grades_written),
        ],
    );
    super::history::emit(&(line + "\n"))?;
    Ok(ExitCode::SUCCESS)
}
