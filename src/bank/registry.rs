//! Every bank the app can use: the bundled ones, then the user's `banks/` folder, then each
//! `--banks DIR`. A broken bank is reported and skipped; the others load.

use std::path::{Path, PathBuf};

use super::figure::BundledFigures;
use super::load::{BankIds, Loaded, bundled_head, load_located, parse_located};
use super::read::bank_files_in;
use super::{Bank, Problem, Question, Source};

#[derive(Debug, Clone, Default)]
pub struct BankSet {
    pub banks: Vec<Bank>,
    /// Problems of the banks that were skipped, in loading order.
    pub problems: Vec<Problem>,
}

impl BankSet {
    /// Bundled banks always; then `user_dir` (the config folder's `banks/`, fine when absent);
    /// then each of `extra_dirs` (a folder searched recursively, or one bank file). A bank whose
    /// id is already loaded is reported and skipped, so the first one wins.
    pub fn load(extra_dirs: &[PathBuf], user_dir: Option<&Path>) -> BankSet {
        let mut set = Builder::default();
        set.add_bundled();
        if let Some(dir) = user_dir.filter(|d| d.is_dir()) {
            set.add_path(dir);
        }
        for dir in extra_dirs {
            set.add_path(dir);
        }
        set.finish()
    }

    /// Only the banks embedded in the binary.
    pub fn bundled() -> BankSet {
        let mut set = Builder::default();
        set.add_bundled();
        set.finish()
    }

    /// The bundled bank with this id, parsing only its own file (named after its id): the
    /// bundled banks load first and the first of an id wins, so this is the bank a full load
    /// would give, without parsing the other banks.
    pub fn bundled_bank(id: &str) -> Option<Bank> {
        let (rel, text) = super::bundled::banks()
            .into_iter()
            .find(|(rel, _)| rel.strip_suffix(".toml") == Some(id))?;
        let source = Source::Bundled(rel.to_string());
        let file = source.to_string();
        let figures = BundledFigures::of_bank(rel);
        parse_located(text, &file, source, &figures)
            .ok()
            .map(|l| l.bank)
            .filter(|b| b.id == id)
    }

    pub fn get(&self, id: &str) -> Option<&Bank> {
        self.banks.iter().find(|b| b.id == id)
    }

    /// A bank as a person reads it: its title, or the id of a bank no longer loaded; cleaned
    /// for the terminal.
    pub fn title_of(&self, id: &str) -> String {
        crate::text::sanitize_line(self.get(id).map_or(id, |b| b.title.as_str()))
    }

    /// Several banks by their titles, comma-separated (a session's banks where a person
    /// reads; the ids are for JSON and for typing).
    pub fn titles_of(&self, ids: &[String]) -> String {
        let titles: Vec<String> = ids.iter().map(|b| self.title_of(b)).collect();
        titles.join(", ")
    }

    /// The bank and id of the question a full id (`bank/question`) names, as `find_question`
    /// finds it, without parsing the bank's questions (the home screen's due count). Never a
    /// same-named question of another bank.
    pub fn find_question_id<'i>(&self, full_id: &'i str) -> Option<(&Bank, &'i str)> {
        let (bank, local) = full_id.split_once('/')?;
        let bank = self.get(bank)?;
        bank.question_id(local).map(|q| (bank, q))
    }

    /// A question by its full id (`bank/question`) or, searching the banks in loading order,
    /// by its id within a bank.
    pub fn find_question(&self, id: &str) -> Option<(&Bank, &Question)> {
        if let Some((bank, local)) = id.split_once('/') {
            let bank = self.get(bank)?;
            return bank.question(local).map(|q| (bank, q));
        }
        self.banks
            .iter()
            .find_map(|b| b.question(id).map(|q| (b, q)))
    }
}

#[derive(Default)]
struct Builder {
    set: BankSet,
    ids: BankIds,
}

impl Builder {
    fn add_bundled(&mut self) {
        for (rel, text) in super::bundled::banks() {
            // Questions are parsed on first use; see `load::bundled_head`.
            if let Some(head) = bundled_head(rel, text) {
                self.add(Ok(head));
                continue;
            }
            let source = Source::Bundled(rel.to_string());
            let file = source.to_string();
            let figures = BundledFigures::of_bank(rel);
            self.add(parse_located(text, &file, source, &figures));
        }
    }

    fn add_path(&mut self, path: &Path) {
        let name = path.display().to_string();
        if path.is_file() {
            self.add(load_located(path));
            return;
        }
        if !path.exists() {
            let message = crate::msg!(pr_no_bank_folder);
            self.set.problems.push(Problem::at_start(&name, message));
            return;
        }
        match bank_files_in(path) {
            Ok(files) => {
                for file in files {
                    self.add(load_located(&file));
                }
            }
            Err(e) => self.set.problems.push(Problem::at_start(
                &name,
                crate::msg!(pr_cannot_read_bank_folder, why = e.to_string()),
            )),
        }
    }

    fn add(&mut self, loaded: Result<Loaded, Vec<Problem>>) {
        match loaded {
            Ok(loaded) => match self.ids.claim(&loaded) {
                Ok(()) => self.set.banks.push(loaded.bank),
                Err(problem) => self.set.problems.push(problem),
            },
            Err(problems) => self.set.problems.extend(problems),
        }
    }

    fn finish(self) -> BankSet {
        self.set
    }
}
