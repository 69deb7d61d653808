//! From bank text to a validated `Bank`, or every problem of the file at once.
//!
//! The TOML is parsed with its spans (`toml::de::DeTable::parse_recoverable`, which keeps going
//! after a syntax error) and the tree is walked by hand, field by field, so one mistake never
//! hides the next and each problem points at its line and column. Large banks are parsed in
//! pieces, one per `[[questions]]` (see `super::pieces`), with the same result.
//!
//! The jobs live next door: reading files and folders in `super::read`, the splitter in
//! `super::pieces`, the schema rules in `super::rules`, the typed field reader in
//! `super::fields` and suggestions in `super::suggest`.

use std::collections::{HashMap, HashSet};
use std::fs;
use std::path::{Path, PathBuf};

use super::fields::Tbl;
use super::figure::{BundledFigures, FigureSource, FolderFigures};
use super::pieces::{bank_part, pieces};
use super::read::{BANK_FILE, bank_files_in, read_bank_text};
use super::rules::{BankRules, Gathered};
use super::{Bank, Problem, Questions, Source};
use crate::msg;

pub use super::read::MAX_BANK_BYTES;
pub use super::rules::{DEFAULT_DIFFICULTY, DEFAULT_PENALTY, SCHEMA};

/// Parses and validates one bank. `file` names it in problems; `source` says where it came
/// from (bundled banks must carry a `reference` for every question); `figures` reads the
/// `figure` files relative to the bank.
pub fn parse_bank(
    text: &str,
    file: &str,
    source: Source,
    figures: &dyn FigureSource,
) -> Result<Bank, Vec<Problem>> {
    parse_located(text, file, source, figures).map(|l| l.bank)
}

/// Reads and parses a bank file; its figures are read from the file's folder.
pub fn load_file(path: &Path) -> Result<Bank, Vec<Problem>> {
    load_located(path).map(|l| l.bank)
}

/// Validates bank files and folders (searched recursively for `*.toml`, outside `figures/`),
/// including bank ids used by more than one of them. Returns how many files were checked and
/// every problem, sorted by file, line and column.
pub fn validate_paths(paths: &[PathBuf]) -> (usize, Vec<Problem>) {
    let mut files = Vec::new();
    let mut problems = Vec::new();
    for path in paths {
        let name = path.display().to_string();
        match fs::metadata(path) {
            Ok(meta) if meta.is_dir() => match bank_files_in(path) {
                Ok(found) => files.extend(found),
                Err(e) => problems.push(Problem::at_start(
                    &name,
                    msg!(pr_cannot_read_folder, why = e.to_string()),
                )),
            },
            Ok(_) => files.push(path.clone()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                problems.push(Problem::at_start(&name, msg!(pr_no_such_path)));
            }
            Err(e) => problems.push(Problem::at_start(
                &name,
                msg!(pr_cannot_read, why = e.to_string()),
            )),
        }
    }
    dedup_keep_order(&mut files);
    let mut ids = BankIds::default();
    for file in &files {
        match load_located(file) {
            Ok(loaded) => problems.extend(ids.claim(&loaded).err()),
            Err(found) => problems.extend(found),
        }
    }
    problems.sort();
    (files.len(), problems)
}

/// A bank that passed validation, with where its `[bank] id` is written (for problems about
/// the id that only show when several banks meet).
pub(crate) struct Loaded {
    pub bank: Bank,
    pub file: String,
    pub id_at: (usize, usize),
}

/// Bank ids already loaded, with the file that has each: a later bank with the same id is
/// reported at its `id` and left out.
#[derive(Default)]
pub(crate) struct BankIds {
    taken: HashMap<String, String>,
}

impl BankIds {
    pub fn claim(&mut self, loaded: &Loaded) -> Result<(), Problem> {
        if let Some(first) = self.taken.get(&loaded.bank.id) {
            let (line, column) = loaded.id_at;
            return Err(Problem {
                file: loaded.file.clone(),
                line,
                column,
                message: msg!(pr_bank_id_taken, id = &loaded.bank.id, first = first),
            });
        }
        self.taken
            .insert(loaded.bank.id.clone(), loaded.file.clone());
        Ok(())
    }
}

fn dedup_keep_order(paths: &mut Vec<PathBuf>) {
    let mut seen = HashSet::new();
    paths.retain(|p| seen.insert(p.clone()));
}

pub(crate) fn load_located(path: &Path) -> Result<Loaded, Vec<Problem>> {
    let file = path.display().to_string();
    let text = read_bank_text(path, &file).map_err(|p| vec![p])?;
    parse_located(
        &text,
        &file,
        Source::File(path.to_path_buf()),
        &FolderFigures::of_bank_file(path),
    )
}

pub(crate) fn parse_located(
    text: &str,
    file: &str,
    source: Source,
    figures: &dyn FigureSource,
) -> Result<Loaded, Vec<Problem>> {
    parse_pieces(text, file, source, figures, true)
}

/// A bundled bank as the home screen needs it: its `[bank]` table parsed
/// (`pieces::bank_part`), the rest parsed on first use (`super::questions`), its questions'
/// ids and categories from `build.rs`. `None` when that cannot give the bank a full parse would (no
/// list from the build, or a `[bank]` table not first, not complete or not clean); the
/// caller then parses it whole. Bundled banks cannot change after the build and the tests
/// parse each one, so a problem of theirs cannot show up later than a full parse shows it.
pub(crate) fn bundled_head(rel: &'static str, text: &'static str) -> Option<Loaded> {
    let listed = super::bundled::questions(rel)?;
    let source = Source::Bundled(rel.to_string());
    let file = source.to_string();
    let figures = BundledFigures::of_bank(rel);
    let mut c = BankRules::new(&file, text, &figures, true);
    let parsed = c.read.parse(bank_part(text));
    let root = Tbl::top(parsed.get_ref());
    let mut gathered = Gathered::default();
    if !c.schema(&root) {
        return None;
    }
    c.piece(&root, &mut gathered);
    let body = Questions::later(listed, move || {
        let source = Source::Bundled(rel.to_string());
        let file = source.to_string();
        let figures = BundledFigures::of_bank(rel);
        // A failure here is a build mistake the tests catch (`tests/bank_load.rs`).
        parse_located(text, &file, source, &figures)
            .map(|l| l.bank.questions.into_body())
            .unwrap_or_default()
    });
    let (bank, id_at) = c.finish_head(gathered, source, body)?;
    Some(Loaded { bank, file, id_at })
}

/// Parses the bank piece by piece (see `pieces`), walking each piece's tree while it is fresh;
/// `split = false` parses it whole (the tests compare the two).
fn parse_pieces(
    text: &str,
    file: &str,
    source: Source,
    figures: &dyn FigureSource,
    split: bool,
) -> Result<Loaded, Vec<Problem>> {
    if text.len() as u64 > MAX_BANK_BYTES {
        return Err(vec![BANK_FILE.too_large(file, text.len() as u64)]);
    }
    let bundled = matches!(source, Source::Bundled(_));
    let mut c = BankRules::new(file, text, figures, bundled);
    let mut gathered = Gathered::default();
    for (i, (offset, piece)) in pieces(text, split).into_iter().enumerate() {
        c.read.set_base(offset);
        let parsed = c.read.parse(piece);
        let root = Tbl::top(parsed.get_ref());
        // `schema` can only be in the first piece (before any table header). A bank of
        // another schema may use fields this mianba does not know: say only that.
        if i == 0 && !c.schema(&root) {
            return Err(c.read.into_problems());
        }
        c.piece(&root, &mut gathered);
    }
    c.read.set_base(0);
    match c.finish(gathered, source) {
        Some((bank, id_at)) if c.read.clean() => Ok(Loaded {
            bank,
            file: file.to_string(),
            id_at,
        }),
        _ => Err(c.read.into_problems()),
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    const FULL: &str = include_str!("../../tests/fixtures/banks/full.toml");

    fn fixture_figures() -> FolderFigures {
        FolderFigures::new(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/banks"))
    }

    fn parse(text: &str, split: bool) -> Result<Bank, Vec<Problem>> {
        let source = Source::File("t.toml".into());
        parse_pieces(text, "t.toml", source, &fixture_figures(), split).map(|l| l.bank)
    }

    #[test]
    fn tables_may_come_after_the_questions_but_not_twice() {
        let (head, questions) = FULL.split_at(FULL.find("[[questions]]").unwrap());
        // [bank], [defaults] and [[structures]] moved to the end: same bank.
        let (schema, tables) = head.split_at(head.find("[bank]").unwrap());
        let moved = format!("{schema}{questions}\n{tables}");
        assert_eq!(parse(&moved, true).unwrap(), parse(FULL, true).unwrap());

        let twice = format!("{FULL}\n[bank]\nid = \"again\"\n");
        let problems = parse(&twice, true).unwrap_err();
        let line = FULL.lines().count() + 2;
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!((problems[0].line, problems[0].column), (line, 2));
        assert_eq!(
            problems[0].message,
            "TOML syntax error: `bank` is already defined on line 4; merge the two"
        );
        assert!(
            parse(&twice, false).is_err(),
            "the whole-file parser agrees"
        );
    }

    #[test]
    fn a_bundled_bank_starts_from_its_bank_table_alone() {
        // Start-up reads a bundled bank's `[bank]` table and nothing after it (issue 15): a
        // broken table after it is not even looked at until the bank is used.
        let rel = "complaint.toml";
        let text = crate::bank::bundled::read(rel).unwrap();
        let bank_end = text.find("\n[defaults]").unwrap() + 1;
        let broken = format!("{}[defaults]\nthis is not TOML\n", &text[..bank_end]);
        let broken: &'static str = Box::leak(broken.into_boxed_str());
        let loaded = bundled_head(rel, broken).expect("the [bank] table alone is enough");
        assert_eq!(loaded.bank.id, "complaint");
        assert_eq!(
            loaded.bank.questions.count(),
            bundled_head(rel, text).unwrap().bank.questions.count()
        );
        assert!(!loaded.bank.questions.is_parsed());
    }

    /// Lines that move strings, tables and headers around when inserted anywhere.
    const TRICKY: &[&str] = &[
        "[[questions]]",
        "[bank]",
        "[[structures]]",
        "[defaults]",
        "reference = \"\"\"",
        "\"\"\"",
        "'''",
        "x = '''[[questions]]",
        "id = \"q\"",
        "[[questions.points]]",
        "name = \"n\"\nany = [\"a\"]",
    ];

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]

        /// Parsing piece by piece accepts exactly what parsing the whole file accepts, and
        /// builds the same bank.
        #[test]
        fn pieces_agree_with_the_whole_file(
            edits in proptest::collection::vec((0usize..4, any::<usize>(), any::<usize>()), 0..5)
        ) {
            let mut lines: Vec<String> = FULL.lines().map(String::from).collect();
            for (kind, i, j) in edits {
                let n = lines.len().max(1);
                match kind {
                    0 if !lines.is_empty() => { lines.remove(i % n); }
                    1 if !lines.is_empty() => { let l = lines[i % n].clone(); lines.insert(j % n, l); }
                    2 if !lines.is_empty() => lines.swap(i % n, j % n),
                    _ => lines.insert(i % (n + 1), TRICKY[j % TRICKY.len()].to_string()),
                }
            }
            let text = lines.join("\n");
            match (parse(&text, true), parse(&text, false)) {
                (Ok(a), Ok(b)) => prop_assert_eq!(a, b),
                (Err(_), Err(_)) => {}
                (a, b) => prop_assert!(false, "pieces {:?}\nwhole {:?}\n{}", a.err(), b.err(), text),
            }
        }
    }
}
