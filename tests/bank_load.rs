//! Loading and validating banks through the library: the valid fixture with every field, one
//! file per kind of mistake, figures that try to leave the bank's folder, the registry that
//! skips broken banks, and property tests that no input makes the loader panic.
// Test code: a failed unwrap, expect or panic is the test failing, said where it fails.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::fs;
use std::path::{Path, PathBuf};

use mianba::bank::figure::{FigureSource, FolderFigures};
use mianba::bank::load::{load_file, parse_bank, validate_paths};
use mianba::bank::{BankSet, Language, Problem, Source, bundled};
use mianba::i18n::Lang;
use proptest::prelude::*;

fn fixture(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join(rel)
}

/// A minimal valid bank, edited by the tests below.
const MINIMAL: &str = r#"schema = 1

[bank]
id = "tmp"
title = "临时"
language = "zh"

[[questions]]
id = "q"
category = "complaint"
prompt = "客户要求退款。"

  [[questions.points]]
  name = "致歉"
  any = ["抱歉"]
"#;

fn messages(problems: &[Problem]) -> Vec<String> {
    problems
        .iter()
        .map(|p| format!("{}:{}: {}", p.line, p.column, p.message))
        .collect()
}

#[test]
fn fixture_bank_reads_every_field() {
    let bank = load_file(&fixture("fixtures/banks/full.toml")).unwrap();
    assert_eq!(bank.id, "fixture-full");
    assert_eq!(bank.title, "售后与投诉（测试）");
    assert_eq!(bank.language, Language::Zh);
    assert_eq!(
        bank.description.as_deref(),
        Some("测试用题库：每个字段都用到。")
    );
    assert_eq!(bank.author.as_deref(), Some("mianba tests"));
    assert_eq!(bank.defaults().prep_seconds, 20);
    assert_eq!(bank.defaults().answer_seconds, 150);
    assert_eq!(bank.defaults().target_chars, (100, 400));
    assert_eq!(bank.defaults().weights.content, 0.6);
    assert_eq!(bank.defaults().weights.delivery, 0.15);

    let s = &bank.structures()[0];
    assert_eq!(
        (s.id.as_str(), s.name.as_str(), s.ordered),
        ("apology-check-solve", "致歉—核实—方案", true)
    );
    assert_eq!(s.sections.len(), 3);
    assert_eq!(s.sections[1].cues, vec!["核实", "确认"]);
    assert!(s.sections[1].optional && !s.sections[0].optional);
    assert!(!bank.structures()[1].ordered, "ordered defaults to false");

    let q = bank.question("fixture-full/wrong-size").unwrap();
    assert_eq!(q.category, "complaint");
    assert_eq!(q.difficulty, 2);
    assert_eq!(q.figure.as_deref(), Some("figures/size-chart.txt"));
    let chart = fs::read_to_string(fixture("fixtures/banks/figures/size-chart.txt")).unwrap();
    assert_eq!(q.figure_text.as_deref(), Some(chart.as_str()));
    assert_eq!(bank.structure_of(q).unwrap().id, "apology-check-solve");
    assert!(q.reference.as_deref().unwrap().contains("为您安排换货"));
    assert_eq!(q.tips, vec!["先致歉，再核实", "给出明确的时间"]);
    let timing = bank.timing(q);
    assert_eq!((timing.prep_seconds, timing.answer_seconds), (10, 120));
    assert_eq!(timing.target_chars, (80, 300));
    assert_eq!(timing.weights.content, 0.7);

    assert_eq!(q.points[0].name, "致歉");
    assert_eq!((q.points[0].weight, q.points[0].required), (2, true));
    assert_eq!((q.points[1].weight, q.points[1].required), (1, false));
    assert_eq!(q.avoid[0].penalty, 15);
    assert_eq!(q.avoid[0].why, "推卸责任");
    assert_eq!(q.avoid[1].penalty, 10, "penalty defaults to 10");

    assert_eq!(q.followups.len(), 2);
    assert_eq!(q.followups[0].when_missing.as_deref(), Some("致歉"));
    assert_eq!(q.followups[0].answer_seconds, Some(60));
    assert_eq!(
        q.followups[0].points[0].any,
        vec!["主管", "升级", "再次道歉"]
    );
    assert_eq!(q.followups[1].when_missing, None);

    let late = bank.question("late-parcel").unwrap();
    assert_eq!(late.difficulty, 2, "difficulty defaults to 2");
    assert_eq!((late.figure.clone(), late.reference.clone()), (None, None));
    assert_eq!(
        bank.timing(late).answer_seconds,
        150,
        "falls back to [defaults]"
    );
    assert_eq!(
        bank.source,
        Source::File(fixture("fixtures/banks/full.toml"))
    );
}

/// Every file in tests/invalid_banks/ (but the ten-mistake one, checked by the CLI test) has
/// exactly one problem, at the place and with the message listed here.
#[test]
fn each_kind_of_mistake_is_reported_at_its_line() {
    let expected: &[(&str, &str)] = &[
        (
            "avoid_without_why",
            "17:3: missing field `why` in [[questions.avoid]]; add `why = …`",
        ),
        (
            "bad_id",
            "9:6: question id `Wrong_Size` may only use a-z, 0-9 and '-'; try `wrong-size`",
        ),
        (
            "difficulty_range",
            "11:14: `difficulty` must be from 1 to 3, found 0",
        ),
        (
            "duplicate_question_id",
            "18:6: duplicate question id `q` (first used on line 9); rename one of them",
        ),
        (
            "duplicate_structure_id",
            "14:6: duplicate structure id `view` (first used on line 9); rename one of them",
        ),
        (
            "empty_any",
            "15:9: `any` is empty; list at least one phrase, e.g. [\"抱歉\", \"对不起\"]",
        ),
        (
            "empty_cues",
            "11:37: `cues` is empty; list at least one phrase, e.g. [\"抱歉\", \"对不起\"]",
        ),
        (
            "empty_phrase",
            "15:16: empty phrase in `any`; remove it or write the words",
        ),
        ("empty_prompt", "11:10: `prompt` is empty; write it"),
        (
            "figure_absolute",
            "12:10: figure `/etc/passwd` is an absolute path; write it relative to the bank file, inside the bank's folder",
        ),
        (
            "figure_missing",
            "12:10: figure `figures/none.txt` not found; check the path, which is relative to the bank file",
        ),
        (
            "figure_parent",
            "12:10: figure `../ten_mistakes.toml` leaves the bank's folder (`..`); keep figures inside it, e.g. in figures/",
        ),
        (
            "followup_no_points",
            "17:3: this follow-up has no points; add a [[questions.followups.points]] with `name` and `any`",
        ),
        (
            "language",
            "6:12: `language` must be \"zh\" or \"en\", found \"cn\"",
        ),
        (
            "missing_bank",
            "1:1: missing the [bank] table; add [bank] with id, title and language",
        ),
        (
            "missing_field",
            "8:1: missing field `prompt` in [[questions]]; add `prompt = …`",
        ),
        (
            "no_points",
            "8:1: this question has no points; add a [[questions.points]] with `name` and `any`",
        ),
        (
            "no_questions",
            "1:1: the bank has no questions; add a [[questions]] entry",
        ),
        (
            "no_sections",
            "8:1: this structure has no `sections`; add sections = [{ name = \"…\", cues = [\"…\"] }]",
        ),
        (
            "schema_2",
            "1:10: this bank is schema 2; this mianba reads schema 1 — update mianba",
        ),
        (
            "schema_missing",
            "1:1: missing `schema = 1`; add it as the first line of the bank",
        ),
        (
            "syntax_error",
            "5:12: TOML syntax error: invalid basic string, expected `\"`",
        ),
        (
            "target_chars_order",
            "12:16: `target_chars` min 300 is greater than max 100; write [100, 300]",
        ),
        (
            "target_chars_shape",
            "9:16: `target_chars` must be two whole numbers [min, max], e.g. [120, 500], found 1 value",
        ),
        (
            "unknown_field",
            "12:1: unknown field `answer_second`; did you mean `answer_seconds`?",
        ),
        (
            "unknown_field_no_suggestion",
            "7:1: unknown field `colour` in [bank]; remove it (known fields: id, title, language, description, author)",
        ),
        (
            "unknown_structure",
            "17:13: structure `star` is not defined in this bank; add a [[structures]] entry with id = \"star\"",
        ),
        (
            "weight_zero",
            "16:12: `weight` must be from 1 to 100, found 0",
        ),
        (
            "weights_missing_key",
            "12:11: missing field `delivery` in `weights`; add `delivery = …`",
        ),
        (
            "weights_sum",
            "9:11: weights sum to 0.9, not 1; change content, structure and delivery so they add up to 1",
        ),
        (
            "when_missing",
            "18:18: when_missing `道歉` names no point of this question; did you mean `致歉`?",
        ),
        (
            "wrong_type",
            "11:14: `difficulty` must be a whole number from 1 to 3, found string",
        ),
    ];
    let mut on_disk: Vec<String> = fs::read_dir(fixture("invalid_banks"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .map(|p| p.file_stem().unwrap().to_string_lossy().into_owned())
        .filter(|name| name != "ten_mistakes")
        .collect();
    on_disk.sort();
    let listed: Vec<&str> = expected.iter().map(|(name, _)| *name).collect();
    assert_eq!(on_disk, listed, "every invalid bank has its expectation");

    for (name, want) in expected {
        let path = fixture(&format!("invalid_banks/{name}.toml"));
        let problems = load_file(&path).expect_err(name);
        assert_eq!(messages(&problems), vec![want.to_string()], "{name}");
        assert!(
            problems
                .iter()
                .all(|p| p.file == path.display().to_string())
        );
    }
}

/// Every mistake of tests/invalid_banks/ is told in Chinese under a zh UI: the words around
/// the quoted names and values are translated (not the English text again), at the same place.
#[test]
fn every_kind_of_mistake_has_a_chinese_text() {
    let (_, problems) = validate_paths(&[fixture("invalid_banks")]);
    assert!(problems.len() > 30, "{problems:?}");
    for p in &problems {
        let (en, zh) = (p.in_lang(Lang::En), p.in_lang(Lang::Zh));
        assert_eq!(en, p.to_string(), "Display stays English");
        let place = format!("{}:{}:{}: ", p.file, p.line, p.column);
        let words = zh.strip_prefix(&place).unwrap_or_else(|| panic!("{zh}"));
        let chinese = words.split('`').step_by(2).flat_map(str::chars).any(|c| {
            ('\u{4e00}'..='\u{9fff}').contains(&c) || ('\u{ff00}'..='\u{ffef}').contains(&c)
        });
        assert!(chinese && zh != en, "not translated: {zh}");
    }
    let shape = problems
        .iter()
        .find(|p| p.file.ends_with("target_chars_shape.toml"));
    assert!(
        shape.is_some_and(|p| p
            .in_lang(Lang::Zh)
            .ends_with("例如 [120, 500]，实际只有 1 个值")),
        "{shape:?}"
    );
}

#[test]
fn problems_are_all_reported_and_sorted_by_position() {
    let text = MINIMAL
        .replace("id = \"q\"", "id = \"Q\"\ndifficulty = 9")
        .replace("any = [\"抱歉\"]", "any = []");
    let problems = parse_bank(
        &text,
        "x.toml",
        Source::File("x.toml".into()),
        &FolderFigures::new("."),
    )
    .unwrap_err();
    let lines: Vec<usize> = problems.iter().map(|p| p.line).collect();
    assert_eq!(lines, vec![9, 10, 16], "{problems:?}");
}

#[test]
fn bundled_banks_need_a_reference_but_files_do_not() {
    let figures = FolderFigures::new(".");
    assert!(parse_bank(MINIMAL, "x.toml", Source::File("x.toml".into()), &figures).is_ok());
    let problems = parse_bank(
        MINIMAL,
        "bundled:x.toml",
        Source::Bundled("x.toml".into()),
        &figures,
    )
    .unwrap_err();
    assert_eq!(
        messages(&problems),
        vec![
            "8:1: missing field `reference` in [[questions]]; bundled banks need a model answer for every question"
        ]
    );
    let with_reference = MINIMAL.replace("prompt =", "reference = \"非常抱歉。\"\nprompt =");
    assert!(
        parse_bank(
            &with_reference,
            "bundled:x.toml",
            Source::Bundled("x.toml".into()),
            &figures
        )
        .is_ok()
    );
}

#[test]
fn every_bundled_bank_loads_without_problems() {
    let set = BankSet::bundled();
    assert_eq!(set.problems, Vec::<Problem>::new());
    assert_eq!(set.banks.len(), bundled::banks().count());
    assert!(!set.banks.is_empty(), "the binary ships at least one bank");
    for bank in &set.banks {
        assert!(matches!(bank.source, Source::Bundled(_)));
        assert!(bank.questions.iter().all(|q| q.reference.is_some()));
    }
}

#[test]
fn bundled_banks_are_listed_before_their_questions_are_parsed() {
    // Start-up (issue 15): the home screen shows each bank's question count and categories;
    // the questions are parsed on first use, and are then those of a full parse.
    let all = BankSet::bundled();
    assert!(all.banks.len() >= 10);
    for bank in &all.banks {
        assert!(
            !bank.questions.is_parsed(),
            "{} was parsed at load",
            bank.id
        );
        let listed: Vec<String> = bank
            .questions
            .categories()
            .into_iter()
            .map(String::from)
            .collect();
        assert_eq!(listed.len(), bank.questions.count());
        let full = BankSet::bundled_bank(&bank.id).unwrap();
        let parsed: Vec<String> = full.questions.iter().map(|q| q.category.clone()).collect();
        assert_eq!(listed, parsed, "{}", bank.id);
        assert!(full.questions.iter().all(|q| bank.questions.has(&q.id)));
        assert!(!bank.questions.has("no-such-question") && !bank.questions.is_parsed());
        assert!(bank == &full, "{}", bank.id);
        assert!(bank.questions.is_parsed());
    }
}

/// A bank in `dir/bank/` whose figure is `figure`; returns the bank file.
fn bank_with_figure(dir: &Path, figure: &str) -> PathBuf {
    let bank_dir = dir.join("bank");
    fs::create_dir_all(bank_dir.join("figures")).unwrap();
    let text = MINIMAL.replace("prompt =", &format!("figure = {figure:?}\nprompt ="));
    let path = bank_dir.join("b.toml");
    fs::write(&path, text).unwrap();
    path
}

#[test]
fn figures_inside_the_folder_load_sanitised() {
    let dir = tempfile::tempdir().unwrap();
    let path = bank_with_figure(dir.path(), "figures/f.txt");
    fs::write(
        dir.path().join("bank/figures/f.txt"),
        "漫画\x1b[31m\u{202E}\n",
    )
    .unwrap();
    let bank = load_file(&path).unwrap();
    assert_eq!(bank.questions[0].figure_text.as_deref(), Some("漫画[31m\n"));
}

#[test]
fn figures_that_escape_the_folder_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("secret.txt"), "secret").unwrap();
    let cases = [
        ("../secret.txt", "leaves the bank's folder"),
        ("figures/../../secret.txt", "leaves the bank's folder"),
        (
            &*dir.path().join("secret.txt").display().to_string(),
            "is an absolute path",
        ),
    ];
    for (figure, want) in cases {
        let path = bank_with_figure(dir.path(), figure);
        let problems = load_file(&path).unwrap_err();
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!((problems[0].line, problems[0].column), (11, 10));
        assert!(
            problems[0].message.to_string().contains(want),
            "{figure}: {problems:?}"
        );
    }
}

#[cfg(unix)]
#[test]
fn a_symlink_pointing_out_of_the_folder_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("secret.txt"), "secret").unwrap();
    let path = bank_with_figure(dir.path(), "figures/link.txt");
    std::os::unix::fs::symlink(
        dir.path().join("secret.txt"),
        dir.path().join("bank/figures/link.txt"),
    )
    .unwrap();
    let problems = load_file(&path).unwrap_err();
    assert_eq!(problems.len(), 1);
    assert!(
        problems[0]
            .message
            .to_string()
            .contains("resolves outside the bank's folder"),
        "{problems:?}"
    );

    // A link that stays inside is fine.
    fs::write(dir.path().join("bank/real.txt"), "图").unwrap();
    fs::remove_file(dir.path().join("bank/figures/link.txt")).unwrap();
    std::os::unix::fs::symlink(
        dir.path().join("bank/real.txt"),
        dir.path().join("bank/figures/link.txt"),
    )
    .unwrap();
    assert_eq!(
        load_file(&path).unwrap().questions[0]
            .figure_text
            .as_deref(),
        Some("图")
    );
}

#[test]
fn large_figures_and_large_banks_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = bank_with_figure(dir.path(), "figures/big.txt");
    fs::write(
        dir.path().join("bank/figures/big.txt"),
        vec![b'x'; 64 * 1024 + 1],
    )
    .unwrap();
    let problems = load_file(&path).unwrap_err();
    assert!(
        problems[0]
            .message
            .to_string()
            .contains("65537 bytes, over the 65536-byte"),
        "{problems:?}"
    );

    let huge = format!("{MINIMAL}#{}\n", "x".repeat(16 * 1024 * 1024));
    let problems = parse_bank(
        &huge,
        "h.toml",
        Source::File("h.toml".into()),
        &FolderFigures::new("."),
    )
    .unwrap_err();
    assert_eq!(problems.len(), 1);
    assert!(
        problems[0]
            .message
            .to_string()
            .contains("split it into smaller banks")
    );
}

#[test]
fn a_file_that_is_not_utf8_is_reported_where_it_breaks() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("latin1.toml");
    fs::write(&path, b"schema = 1\n[bank]\ntitle = \"caf\xe9\"\n").unwrap();
    let problems = load_file(&path).unwrap_err();
    assert_eq!(
        messages(&problems),
        vec!["3:13: the file is not UTF-8 text here; save it as UTF-8"]
    );
}

#[test]
fn one_broken_bank_among_good_ones_loads_the_good_ones() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("a-good.toml"),
        MINIMAL.replace("\"tmp\"", "\"good-one\""),
    )
    .unwrap();
    fs::write(
        dir.path().join("b-broken.toml"),
        MINIMAL.replace("any = [\"抱歉\"]", "any = []"),
    )
    .unwrap();
    fs::create_dir(dir.path().join("nested")).unwrap();
    fs::write(
        dir.path().join("nested/c-good.toml"),
        MINIMAL.replace("\"tmp\"", "\"good-two\""),
    )
    .unwrap();
    // Same id as a-good: reported at its id, and the first one loaded wins.
    fs::write(
        dir.path().join("nested/d-same-id.toml"),
        MINIMAL.replace("\"tmp\"", "\"good-one\""),
    )
    .unwrap();

    let set = BankSet::load(&[dir.path().to_path_buf()], None);
    let ids: Vec<&str> = set.banks.iter().map(|b| b.id.as_str()).collect();
    assert!(
        ids.contains(&"good-one") && ids.contains(&"good-two"),
        "{ids:?}"
    );
    assert!(!ids.contains(&"tmp"));
    assert_eq!(
        set.get("good-one").unwrap().source,
        Source::File(dir.path().join("a-good.toml"))
    );
    assert_eq!(set.problems.len(), 2, "{:?}", set.problems);
    assert!(set.problems[0].file.ends_with("b-broken.toml"));
    assert!(set.problems[1].file.ends_with("d-same-id.toml"));
    assert_eq!((set.problems[1].line, set.problems[1].column), (4, 6));
    assert!(
        set.problems[1]
            .message
            .to_string()
            .starts_with("bank id `good-one` is already used by")
    );
    // Bundled banks are always there, before the user's.
    assert_eq!(set.banks.len(), bundled::banks().count() + 2);
}

#[test]
fn user_folder_is_optional_and_extra_paths_must_exist() {
    let dir = tempfile::tempdir().unwrap();
    let set = BankSet::load(&[], Some(&dir.path().join("absent")));
    assert!(set.problems.is_empty());
    let set = BankSet::load(&[dir.path().join("absent")], None);
    assert_eq!(set.problems.len(), 1);
    assert!(
        set.problems[0]
            .message
            .to_string()
            .contains("no such bank folder")
    );
}

#[test]
fn questions_are_found_by_full_or_local_id() {
    let set = BankSet::load(&[fixture("fixtures/banks")], None);
    let (bank, q) = set.find_question("fixture-full/late-parcel").unwrap();
    assert_eq!(
        (bank.id.as_str(), q.id.as_str()),
        ("fixture-full", "late-parcel")
    );
    assert_eq!(set.find_question("greet").unwrap().0.id, "fixture-en");
    assert!(set.find_question("fixture-en/late-parcel").is_none());
    assert!(set.find_question("nope/greet").is_none());
}

#[test]
fn validate_paths_walks_folders_and_reports_ids_shared_across_files() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("one.toml"), MINIMAL).unwrap();
    fs::write(dir.path().join("two.toml"), MINIMAL).unwrap();
    fs::create_dir(dir.path().join("figures")).unwrap();
    fs::write(dir.path().join("figures/not-a-bank.toml"), "x").unwrap();
    let missing = dir.path().join("missing.toml");
    let (checked, problems) = validate_paths(&[dir.path().to_path_buf(), missing.clone()]);
    assert_eq!(checked, 2);
    assert_eq!(problems.len(), 2, "{problems:?}");
    assert_eq!(problems[0].file, missing.display().to_string());
    assert_eq!(
        problems[0].message,
        "no such file or folder; check the path"
    );
    assert_eq!(
        problems[1].file,
        dir.path().join("two.toml").display().to_string()
    );
    assert_eq!((problems[1].line, problems[1].column), (4, 6));

    let (checked, problems) = validate_paths(&[fixture("fixtures/banks")]);
    assert_eq!((checked, problems), (2, vec![]));
}

/// A folder source for the property tests: the fixture's own folder.
fn fixture_figures() -> impl FigureSource {
    FolderFigures::new(fixture("fixtures/banks"))
}

fn check_no_panic_and_sane_positions(text: &str) -> Result<(), TestCaseError> {
    let lines = text.split('\n').count();
    match parse_bank(
        text,
        "p.toml",
        Source::File("p.toml".into()),
        &fixture_figures(),
    ) {
        Ok(bank) => prop_assert!(!bank.questions.is_empty()),
        Err(problems) => {
            prop_assert!(!problems.is_empty());
            for p in &problems {
                prop_assert!(p.line >= 1 && p.line <= lines, "{p}");
                prop_assert!(p.column >= 1, "{p}");
                prop_assert!(!p.message.to_string().contains('\n'));
                prop_assert!(!p.message.in_lang(mianba::i18n::Lang::Zh).contains('\n'));
            }
        }
    }
    Ok(())
}

#[derive(Debug, Clone)]
enum Mutation {
    Delete(usize),
    Duplicate(usize),
    Swap(usize, usize),
    Flip(usize, char),
}

fn mutate(text: &str, mutations: &[Mutation]) -> String {
    let mut lines: Vec<String> = text.lines().map(String::from).collect();
    for m in mutations {
        let n = lines.len().max(1);
        match *m {
            Mutation::Delete(i) if !lines.is_empty() => {
                lines.remove(i % n);
            }
            Mutation::Duplicate(i) if !lines.is_empty() => {
                let line = lines[i % n].clone();
                lines.insert(i % n, line);
            }
            Mutation::Swap(i, j) if !lines.is_empty() => lines.swap(i % n, j % n),
            Mutation::Flip(i, c) if !lines.is_empty() => {
                let line = &mut lines[i % n];
                let chars: Vec<char> = line.chars().collect();
                if !chars.is_empty() {
                    let k = i % chars.len();
                    *line = chars[..k]
                        .iter()
                        .chain([c].iter())
                        .chain(chars[k + 1..].iter())
                        .collect();
                }
            }
            _ => {}
        }
    }
    lines.join("\n")
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let interesting = prop_oneof![
        Just('"'),
        Just('['),
        Just(']'),
        Just('='),
        Just('{'),
        Just('\\'),
        Just('\n'),
        Just('.'),
        Just('#'),
        Just('题'),
        Just('\u{0}'),
        any::<char>()
    ];
    prop_oneof![
        any::<usize>().prop_map(Mutation::Delete),
        any::<usize>().prop_map(Mutation::Duplicate),
        (any::<usize>(), any::<usize>()).prop_map(|(i, j)| Mutation::Swap(i, j)),
        (any::<usize>(), interesting).prop_map(|(i, c)| Mutation::Flip(i, c)),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn random_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        check_no_panic_and_sane_positions(&String::from_utf8_lossy(&bytes))?;
    }

    #[test]
    fn toml_looking_noise_never_panics(text in "[a-z\\[\\]=\"'{},.# \n0-9题-]{0,400}") {
        check_no_panic_and_sane_positions(&text)?;
    }

    #[test]
    fn mutated_valid_banks_never_panic(mutations in proptest::collection::vec(mutation(), 1..6)) {
        let full = fs::read_to_string(fixture("fixtures/banks/full.toml")).unwrap();
        check_no_panic_and_sane_positions(&mutate(&full, &mutations))?;
    }
}

#[cfg(unix)]
#[test]
fn a_fifo_named_like_a_bank_is_reported_not_waited_on() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe.toml");
    let status = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(status.success());
    // Reading a FIFO with no writer would block forever; the loader must refuse it instead.
    let (checked, problems) = validate_paths(&[dir.path().to_path_buf()]);
    assert_eq!(checked, 1);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(
        problems[0]
            .message
            .to_string()
            .contains("not a regular file"),
        "{problems:?}"
    );
}

#[test]
fn one_bundled_bank_by_id_is_the_bank_a_full_load_gives() {
    // `score --bank ID` parses only that bank's file; it must be the same bank.
    let all = mianba::bank::BankSet::bundled();
    assert!(all.banks.len() >= 10);
    for bank in &all.banks {
        let one = mianba::bank::BankSet::bundled_bank(&bank.id);
        assert!(one.as_ref() == Some(bank), "{}", bank.id);
    }
    assert!(mianba::bank::BankSet::bundled_bank("no-such-bank").is_none());
}
