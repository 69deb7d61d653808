//! `mianba set new|validate|export|import-grades`: assignment sets for tutors, result bundles
//! for candidates. Set text reaches the terminal only through `crate::text`.

use std::path::Path;
use std::process::ExitCode;

use crate::bank::BankSet;
use crate::bank::figure::FolderFigures;
use crate::bank::suggest::suggest_id;
use crate::cli::{Global, SetCommand, SetNewArgs};
use crate::error::{Error, Result};
use crate::files::{WriteRules, check_target, write_file};
use crate::i18n::{Lang, fill};
use crate::session::{Clock, PlanRequest, SystemClock};
use crate::store::{SessionDetail, SessionId, Store};
use crate::text::sanitize_line;
use crate::tutor::bundle::{
    Bundle, BundleAnswer, BundleContent, BundleFollowup, Flag, read_bundle, verify_integrity,
};
use crate::tutor::set::{DEFAULT_PASS_MARK, load_set, parse_set};
use crate::tutor::{Set, due, toml_string};

pub fn run(global: &Global, cmd: SetCommand) -> Result<ExitCode> {
    match cmd {
        SetCommand::New(args) => new(global, &args),
        SetCommand::Validate { files } => validate(global, &files),
        SetCommand::Export {
            set,
            session,
            name,
            out,
            force,
        } => export(global, &set, session, name.as_deref(), &out, force),
        SetCommand::ImportGrades { file } => import_grades(global, &file),
    }
}

/// Every loaded bank, as the app sees them (broken banks are skipped, as in the app).
pub(crate) fn banks(global: &Global) -> BankSet {
    let user_dir = crate::paths::user_banks_dir();
    BankSet::load(&global.banks, user_dir.as_deref())
}

/// Loads a set or fails with one sentence naming the file, its first problem and the fix.
pub(crate) fn load(path: &Path, banks: &BankSet) -> Result<Set> {
    Ok(crate::tutor::set::load_checked(path, banks)?)
}

fn validate(global: &Global, files: &[std::path::PathBuf]) -> Result<ExitCode> {
    let banks = banks(global);
    let mut problems = Vec::new();
    for file in files {
        if let Err(found) = load_set(file, &banks) {
            problems.extend(found);
        }
    }
    if problems.is_empty() {
        let ui = Lang::detect(global.lang).ui();
        eprintln!("{}", fill(ui.sets_clean, &[("n", &files.len())]));
        return Ok(ExitCode::SUCCESS);
    }
    let lang = Lang::detect(global.lang);
    super::history::emit_lines(problems.iter().map(|p| p.in_lang(lang)))?;
    Ok(ExitCode::FAILURE)
}

fn new(global: &Global, args: &SetNewArgs) -> Result<ExitCode> {
    let ui = Lang::detect(global.lang).ui();
    let store = super::store_files(global);
    let kept = super::kept(&store, &[]);
    let rules = WriteRules {
        replace: args.force,
        keep: &kept,
    };
    check_target(&args.out, &rules).map_err(|e| write_error(&e, ui))?;
    if args.title.as_deref().is_some_and(|t| t.trim().is_empty()) {
        return Err(Error::Usage(ui.err_set_title_empty.into()));
    }
    let due = match &args.due {
        None => None,
        Some(text) => Some(due::parse(text).ok_or_else(|| {
            Error::Usage(sanitize_line(&fill(ui.err_due_not_date, &[("text", text)])))
        })?),
    };
    if let Some((_, at)) = &due
        && *at < SystemClock::new().unix_now()
        && !args.allow_past
    {
        let text = args.due.as_deref().unwrap_or_default();
        return Err(Error::Usage(sanitize_line(&fill(
            ui.err_due_past,
            &[("text", &text)],
        ))));
    }
    let banks = banks(global);
    // Every matching question, in the draw's order: the set keeps the first --count, and a
    // --count over what exists is refused rather than quietly cut.
    let mut plan = PlanRequest {
        banks: args.banks.clone(),
        categories: args.categories.clone(),
        difficulty: args.difficulty,
        count: usize::MAX,
        seed: args.seed,
    }
    .draw(&banks)?;
    if args.count > plan.questions.len() {
        return Err(Error::Usage(fill(
            ui.err_set_count_over,
            &[("count", &args.count), ("n", &plan.questions.len())],
        )));
    }
    plan.questions.truncate(args.count);
    let stem = args
        .out
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let id = suggest_id(&stem).unwrap_or_else(|| "set".to_string());
    let title = args.title.clone().unwrap_or_else(|| stem.clone());
    let mut text = String::from("schema = 1\n\n[set]\n");
    let mut line = |key: &str, value: String| text.push_str(&format!("{key} = {value}\n"));
    line("id", toml_string(&id));
    line(
        "title",
        // Only a title from an odd file name can be empty here: --title '' is refused above.
        toml_string(if title.trim().is_empty() { &id } else { &title }),
    );
    if let Some(tutor) = &args.tutor {
        line("tutor", toml_string(tutor));
    }
    if let Some((dt, _)) = &due {
        line("due", dt.to_string());
    }
    line(
        "mode",
        toml_string(args.mode.as_deref().unwrap_or("practice")),
    );
    line(
        "pass_mark",
        args.pass_mark.unwrap_or(DEFAULT_PASS_MARK).to_string(),
    );
    line("attempts", "1".into());
    line("shuffle", "false".into());
    line("seed", args.seed.to_string());
    let chosen: Vec<_> = plan
        .questions
        .iter()
        .filter_map(|q| banks.find_question(&q.full_id()))
        .collect();
    // A candidate has the bundled banks only: a question from any other bank travels inside
    // the set, or the set names a question the candidate cannot load.
    let not_bundled = chosen
        .iter()
        .any(|(b, _)| !matches!(b.source, crate::bank::Source::Bundled(_)));
    let inline = match crate::tutor::inline::inline_questions(&chosen) {
        _ if !args.inline && !not_bundled => None,
        Ok(written) => Some(written),
        Err(why) if args.inline => {
            return Err(Error::BadInput(sanitize_line(&fill(
                ui.err_set_inline,
                &[("why", &why.message(ui.lang))],
            ))));
        }
        // Only the default: the set still works where the banks are, so say so and go on.
        Err(why) => {
            eprintln!(
                "{}",
                sanitize_line(&fill(
                    ui.set_inline_fallback,
                    &[("why", &why.message(ui.lang))]
                ))
            );
            None
        }
    };
    if let Some((language, body)) = inline {
        line("language", toml_string(language.code()));
        text.push('\n');
        text.push_str(&body);
    } else {
        for q in &plan.questions {
            text.push_str(&format!(
                "\n[[questions]]\nref = {}\n",
                toml_string(&q.full_id())
            ));
        }
    }
    let figures = FolderFigures::of_bank_file(&args.out);
    let file = args.out.display().to_string();
    let set = parse_set(&text, &file, &args.out, &figures, &banks).map_err(|problems| {
        let first = problems
            .first()
            .map(|p| p.in_lang(ui.lang))
            .unwrap_or_default();
        Error::BadInput(sanitize_line(&fill(
            ui.err_new_set_invalid,
            &[("first", &first)],
        )))
    })?;
    write_file(&args.out, text.as_bytes(), &rules).map_err(|e| write_error(&e, ui))?;
    // The confirmation is the command's result: stdout.
    println!(
        "{}",
        sanitize_line(&fill(
            ui.set_new_done,
            &[
                ("file", &file),
                ("id", &set.id),
                ("n", &set.questions.len()),
                ("checksum", &set.checksum)
            ],
        ))
    );
    Ok(ExitCode::SUCCESS)
}

/// A refused or failed write, as the user reads it (one sentence, cleaned).
pub(crate) fn write_error(e: &crate::files::WriteError, ui: &crate::i18n::Ui) -> Error {
    Error::BadInput(e.message(ui.lang))
}

fn export(
    global: &Global,
    set_path: &Path,
    session: Option<i64>,
    name: Option<&str>,
    out: &Path,
    force: bool,
) -> Result<ExitCode> {
    let ui = Lang::detect(global.lang).ui();
    let store_files = super::store_files(global);
    let kept = super::kept(&store_files, &[(set_path, crate::files::KeptAs::SetFile)]);
    let rules = WriteRules {
        replace: force,
        keep: &kept,
    };
    check_target(out, &rules).map_err(|e| write_error(&e, ui))?;
    let banks = banks(global);
    let set = load(set_path, &banks)?;
    let store = Store::open(&crate::paths::data_dir(global.data_dir.as_deref()))?;
    let id = match session {
        Some(n) => SessionId(n),
        None => store.latest_session_of_set(&set.id)?.ok_or_else(|| {
            Error::BadInput(sanitize_line(&fill(
                ui.err_no_set_session,
                &[("set", &set.id), ("path", &set_path.display())],
            )))
        })?,
    };
    let detail = store
        .session(id)?
        .ok_or_else(|| Error::BadInput(fill(ui.err_no_session, &[("id", &id)])))?;
    if let Some((taken, _)) = store.session_set(id)?
        && taken != set.id
    {
        return Err(Error::BadInput(sanitize_line(&fill(
            ui.err_other_set,
            &[("id", &id), ("taken", &taken), ("set", &set.id)],
        ))));
    }
    // Without --name, the environment's; with neither, ask rather than make one up (after
    // the set and the session, so a wrong set file is reported first).
    let name = name
        .map(str::to_string)
        .or_else(crate::tutor::sending::candidate_name)
        .ok_or_else(|| Error::BadInput(ui.err_export_no_name.to_string()))?;
    let content = bundle_content(&set, &detail, store.session_uid(id)?, &name);
    if content.answers.is_empty() {
        return Err(Error::BadInput(sanitize_line(&fill(
            ui.err_no_set_answers,
            &[("id", &id), ("set", &set.id), ("path", &set_path.display())],
        ))));
    }
    let bundle = Bundle::new(content);
    write_file(out, bundle.to_json().as_bytes(), &rules).map_err(|e| write_error(&e, ui))?;
    if session.is_none() {
        // Chosen for the candidate (the latest sitting with answers): say which, on stdout.
        println!(
            "{}",
            sanitize_line(&fill(
                ui.set_export_picked,
                &[
                    ("id", &id),
                    ("set", &set.id),
                    ("n", &bundle.content.answers.len())
                ],
            ))
        );
    }
    eprintln!(
        "{}",
        sanitize_line(&fill(
            ui.set_exported,
            &[
                ("file", &out.display()),
                ("n", &bundle.content.answers.len()),
                ("set", &set.id),
                ("name", &bundle.content.candidate),
            ],
        ))
    );
    Ok(ExitCode::SUCCESS)
}

/// The last attempt at each question of the set, in the set's order, with its follow-ups.
pub(crate) fn bundle_content(
    set: &Set,
    detail: &SessionDetail,
    session_uid: Option<String>,
    name: &str,
) -> BundleContent {
    let mut answers = Vec::new();
    for q in &set.questions {
        let full = q.full_id();
        let last = detail
            .answers
            .iter()
            .filter(|a| a.question_id == full && a.followup.is_none())
            .max_by_key(|a| (a.attempt, a.id));
        let Some(a) = last else { continue };
        answers.push(BundleAnswer {
            question: full,
            prompt: a.prompt.clone(),
            answer_text: a.answer_text.clone(),
            seconds_used: a.seconds_used,
            attempt: a.attempt,
            scorecard: a.scorecard.clone(),
            followups: a
                .followups
                .iter()
                .map(|f| BundleFollowup {
                    index: f.followup.unwrap_or(0),
                    prompt: f.prompt.clone(),
                    answer_text: f.answer_text.clone(),
                    seconds_used: f.seconds_used,
                    scorecard: f.scorecard.clone(),
                })
                .collect(),
        });
    }
    let submitted_at = detail
        .answers
        .iter()
        .flat_map(|a| std::iter::once(a.created_at).chain(a.followups.iter().map(|f| f.created_at)))
        .max()
        .unwrap_or(detail.summary.started_at);
    BundleContent {
        app_version: env!("CARGO_PKG_VERSION").to_string(),
        candidate: name.to_string(),
        set_id: set.id.clone(),
        set_title: set.title.clone(),
        set_checksum: set.checksum.clone(),
        session_uid,
        started_at: detail.summary.started_at,
        submitted_at,
        answers,
    }
}

fn import_grades(global: &Global, file: &Path) -> Result<ExitCode> {
    let ui = Lang::detect(global.lang).ui();
    let bundle =
        read_bundle(file).map_err(|e| Error::BadInput(sanitize_line(&e.message(ui.lang))))?;
    let shown = sanitize_line(&file.display().to_string());
    let flags = verify_integrity(&bundle);
    if let Some(flag) = flags
        .iter()
        .find(|f| !matches!(f, Flag::UnknownVersion { .. }))
    {
        return Err(Error::BadInput(fill(
            ui.err_bundle_untrusted,
            &[
                ("file", &shown),
                ("flag", &sanitize_line(&flag.message(ui.lang))),
            ],
        )));
    }
    if bundle.grades.is_empty() {
        return Err(Error::BadInput(fill(
            ui.err_bundle_ungraded,
            &[("file", &shown)],
        )));
    }
    let store = Store::open(&crate::paths::data_dir(global.data_dir.as_deref()))?;
    let session = match &bundle.content.session_uid {
        Some(uid) => store.session_by_uid(uid)?,
        None => None,
    };
    let Some(session) = session else {
        return Err(Error::BadInput(fill(
            ui.err_bundle_elsewhere,
            &[("file", &shown)],
        )));
    };
    let saved = store.save_grades(session, &bundle.grades)?;
    let said = fill(
        ui.grades_saved,
        &[("file", &shown), ("n", &saved), ("id", &session)],
    );
    eprintln!("{said}");
    Ok(ExitCode::SUCCESS)
}
