//! The command line (the README's table; `docs/` for formats). Names of commands, flags and
//! their meaning are a contract; additions are free. Every flag and argument has a help line
//! (a test walks the tree), and a flag is offered only where it acts.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::i18n::Lang;

#[derive(Debug, Parser)]
#[command(
    name = "mianba",
    version,
    about = "面霸 — mock interviews for customer-service candidates"
)]
pub struct Cli {
    #[command(flatten)]
    pub global: Global,
    /// Read each question aloud with espeak-ng (the app; `practice --speak` too).
    #[arg(long)]
    pub speak: bool,
    #[command(subcommand)]
    pub command: Option<Command>,
}

impl Cli {
    /// Whether questions are read aloud: `mianba --speak [practice]` or `practice --speak`.
    pub fn speak(&self) -> bool {
        self.speak || matches!(&self.command, Some(Command::Practice(p)) if p.speak)
    }
}

/// Where `--help` lists the flags every command takes, apart from the command's own.
const GLOBAL: &str = "Global options";

#[derive(Debug, Clone, Args)]
pub struct Global {
    /// Folder for saved sessions and drafts [env: MIANBA_DATA_DIR; default: the platform's
    /// data folder].
    // The variable is read by `paths::data_dir`, not by clap: clap counts a value from the
    // environment as given and prints `--data-dir <DIR>` in every usage line as if required.
    #[arg(long, global = true, value_name = "DIR", help_heading = GLOBAL)]
    pub data_dir: Option<PathBuf>,
    /// An extra folder of question banks (repeatable).
    #[arg(long = "banks", global = true, value_name = "DIR", help_heading = GLOBAL)]
    pub banks: Vec<PathBuf>,
    /// UI language of screens, output and errors (default: from the locale).
    #[arg(long, global = true, value_enum, help_heading = GLOBAL)]
    pub lang: Option<Lang>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Go straight into a mock interview.
    Practice(PracticeArgs),
    /// List, show, validate and lint question banks.
    #[command(subcommand)]
    Banks(BanksCommand),
    /// Score one answer (read from stdin when --answer is absent).
    Score(ScoreArgs),
    /// Assignment sets: make, check, export results, import a tutor's grades.
    #[command(subcommand)]
    Set(SetCommand),
    /// Tutors: the class report over result bundles.
    #[command(subcommand)]
    Class(ClassCommand),
    /// Saved sessions, newest first.
    History(HistoryArgs),
    /// One saved session as a report (Markdown or JSON).
    Report(SessionReportArgs),
    /// Write the whole store (sessions, answers, drafts, schedule, settings, grades) to a JSON file.
    Export {
        /// The backup file to write.
        #[arg(value_name = "FILE")]
        file: PathBuf,
        /// Replace FILE if it already exists (never the store, a link or a device).
        #[arg(long)]
        force: bool,
    },
    /// Merge a backup written by `mianba export` into the store (what is already here is kept).
    Import {
        /// The backup file to read.
        #[arg(value_name = "FILE")]
        file: PathBuf,
    },
    /// The drill: questions due today for another go, or the weakest ones.
    Due(DueArgs),
    /// Saved settings (the drill's daily limit).
    #[command(subcommand)]
    Settings(SettingsCommand),
    /// Print a shell completion script (see the README for where to put it).
    Completions {
        /// The shell to complete in.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff) to standard output.
    #[command(alias = "man")]
    Manpage,
}

#[derive(Debug, Subcommand)]
pub enum SettingsCommand {
    /// Show, or set, how many questions a day's drill offers (default 20).
    DailyLimit {
        /// The new limit (at least 1); without it, the saved limit is shown.
        #[arg(value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
        n: Option<u16>,
    },
}

#[derive(Debug, Subcommand)]
pub enum SetCommand {
    /// Write a new assignment set, questions drawn from the loaded banks.
    New(SetNewArgs),
    /// Check set files; one `FILE:LINE:COLUMN: message` per problem.
    Validate {
        /// The set files to check.
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
    },
    /// Export the answers of a session taken from a set as one result bundle (JSON).
    Export {
        /// The set file the session was taken from.
        #[arg(long, value_name = "FILE")]
        set: PathBuf,
        /// The session (default: the latest one taken from this set).
        #[arg(long, value_name = "ID")]
        session: Option<i64>,
        /// The candidate's name (default: the user name from the environment).
        #[arg(long, value_name = "NAME")]
        name: Option<String>,
        /// Where to write the bundle (a .json file; it must not exist yet).
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        /// Replace --out if it already exists (never the store, the set file, a link or a device).
        #[arg(long)]
        force: bool,
    },
    /// Store the grades and comments of a graded bundle against your own answers.
    ImportGrades {
        /// The graded bundle the tutor sent back.
        #[arg(value_name = "FILE")]
        file: PathBuf,
    },
}

#[derive(Debug, Clone, Args)]
pub struct SetNewArgs {
    /// Where to write the set (a .toml file; it must not exist yet).
    #[arg(long, value_name = "FILE")]
    pub out: PathBuf,
    /// The set's title, shown to candidates (default: from the file name; never empty).
    #[arg(long, value_name = "T")]
    pub title: Option<String>,
    /// Draw from this bank (repeatable).
    #[arg(long = "bank", id = "set_bank_ids", value_name = "ID")]
    pub banks: Vec<String>,
    /// Only questions of this category (repeatable).
    #[arg(long = "category", value_name = "C")]
    pub categories: Vec<String>,
    /// Only questions of this difficulty (1 easy .. 3 hard).
    #[arg(long, value_name = "D")]
    pub difficulty: Option<u8>,
    /// How many questions: at least 1, and no more than the banks and filters offer.
    #[arg(long, value_name = "N", default_value_t = 5,
          value_parser = clap::builder::RangedU64ValueParser::<usize>::new().range(1..))]
    pub count: usize,
    /// Seed for the draw: the same seed and banks give the same questions.
    #[arg(long, value_name = "S", default_value_t = 0)]
    pub seed: u64,
    /// The tutor's name, shown to candidates.
    #[arg(long, value_name = "NAME")]
    pub tutor: Option<String>,
    /// Due date: a date (2025-07-01, due at its last second) or a date-time
    /// (2025-07-01T18:00:00+08:00); without an offset, UTC+8. A date already past needs
    /// --allow-past.
    #[arg(long, value_name = "DATE")]
    pub due: Option<String>,
    /// Accept a --due that is already past (a set handed out late on purpose).
    #[arg(long, requires = "due")]
    pub allow_past: bool,
    /// How candidates sit it (default: practice).
    #[arg(long, value_name = "M", value_parser = ["practice", "exam", "spoken"])]
    pub mode: Option<String>,
    /// The average total (0–100) a candidate needs to pass (default 60).
    #[arg(long, value_name = "P", value_parser = clap::value_parser!(u8).range(0..=100))]
    pub pass_mark: Option<u8>,
    /// Replace --out if it already exists (never a link or a device).
    #[arg(long)]
    pub force: bool,
    /// Write the questions themselves into the set, so the set file alone is enough to take
    /// it (the default when a question comes from a bank that is not bundled).
    #[arg(long)]
    pub inline: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum ReportFormat {
    #[default]
    Md,
    Csv,
    Json,
    // An Excel workbook (needs --out). A plain comment: a doc comment would make clap list
    // every value with a description.
    Xlsx,
}

#[derive(Debug, Subcommand)]
pub enum ClassCommand {
    /// Candidates x questions over result bundles (files, or folders of *.json).
    Report(ClassReportArgs),
    /// Grade result bundles by hand in the terminal (six dimensions and a comment per answer).
    Grade {
        /// The result bundles to grade (.json files, or folders of them); a file that cannot
        /// be read is listed and skipped, the others are graded.
        #[arg(required = true, value_name = "BUNDLE|DIR")]
        bundles: Vec<PathBuf>,
        /// Who grades (recorded with each grade).
        #[arg(long, value_name = "NAME")]
        grader: String,
        /// Save graded copies into this folder instead of over the bundles.
        #[arg(long, value_name = "DIR")]
        out: Option<PathBuf>,
        /// The set the bundles answer (flags bundles of another set or version).
        #[arg(long, value_name = "FILE")]
        set: Option<PathBuf>,
    },
}

#[derive(Debug, Clone, Args)]
pub struct ClassReportArgs {
    /// Result bundles (.json), or folders of them.
    #[arg(required = true, value_name = "FILES|DIR")]
    pub paths: Vec<PathBuf>,
    /// The set the bundles answer (checks checksums, due date, pass mark).
    #[arg(long, value_name = "FILE")]
    pub set: Option<PathBuf>,
    /// A list of candidate names, one a line, to report missing submissions.
    #[arg(long, value_name = "FILE")]
    pub roster: Option<PathBuf>,
    /// Output format: markdown, CSV, JSON, or an Excel workbook (xlsx, written to --out).
    #[arg(long, value_enum, default_value_t = ReportFormat::Md)]
    pub format: ReportFormat,
    /// Write the report to FILE instead of the standard output (required for xlsx).
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// With --out, replace FILE if it already exists (never the set file, the roster, a
    /// bundle read, a link or a device).
    #[arg(long, requires = "out")]
    pub force: bool,
    /// Count flagged submissions (edited, another set, rescored differently…) in the
    /// averages and passes; by default they are listed but not counted.
    #[arg(long)]
    pub include_flagged: bool,
    /// With --format csv, leave out the UTF-8 byte-order mark written by default (Excel on
    /// Chinese Windows needs it to show the names; scripts may not want it).
    #[arg(long)]
    pub no_bom: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum Mode {
    #[default]
    Typed,
    Spoken,
}

#[derive(Debug, Clone, Args)]
pub struct PracticeArgs {
    /// Draw questions from this bank (repeatable).
    // Its own id: the global `--banks DIR` is also named `banks`, and clap keys args by id.
    #[arg(long = "bank", id = "bank_ids", value_name = "ID")]
    pub banks: Vec<String>,
    /// Only questions of this category (repeatable).
    #[arg(long = "category", value_name = "C")]
    pub categories: Vec<String>,
    /// How many questions (default 3, as on the home screen).
    // Not a clap default: `--set` refuses a `--count` that was given.
    #[arg(long, value_name = "N")]
    pub count: Option<usize>,
    /// Seed for the random draw, to repeat an interview exactly (default: random).
    #[arg(long, value_name = "S")]
    pub seed: Option<u64>,
    /// Sit an assignment set file (its questions; no --bank, --category, --count, --seed).
    #[arg(long, value_name = "FILE")]
    pub set: Option<PathBuf>,
    /// Type the answers, or say them aloud and tick what you covered.
    #[arg(long, value_enum, default_value_t = Mode::Typed)]
    pub mode: Mode,
    /// Read each question aloud with espeak-ng.
    #[arg(long)]
    pub speak: bool,
}

#[derive(Debug, Subcommand)]
pub enum BanksCommand {
    /// Every loaded bank: id, title, language, question count, source path.
    List {
        /// One JSON array instead of the table.
        #[arg(long)]
        json: bool,
    },
    /// One bank's questions.
    Show {
        /// The bank's id, as `mianba banks list` shows it.
        #[arg(value_name = "ID")]
        id: String,
        /// The whole bank as JSON instead of the list.
        #[arg(long)]
        json: bool,
    },
    /// Check bank files or folders; one `FILE:LINE:COLUMN: message` per problem.
    Validate {
        /// Bank files (.toml) or folders of them.
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
    },
    /// Self-check for bank authors: does each rubric reward the reference and its graded
    /// examples in their grade's band, and reject off-topic answers? (default: every loaded bank)
    Lint {
        /// Bank files or folders (default: every loaded bank).
        #[arg(value_name = "PATH")]
        paths: Vec<PathBuf>,
        /// One JSON report: failures, loading problems, and every graded example's score.
        #[arg(long)]
        json: bool,
    },
    /// Turn a spreadsheet (.csv or .tsv with a header row) into a bank file.
    Import(ImportArgs),
}

#[derive(Debug, Clone, Args)]
pub struct ImportArgs {
    /// The spreadsheet (.csv or .tsv, a header row naming the columns).
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// The new bank's id.
    #[arg(long, value_name = "BANK")]
    pub id: String,
    /// The new bank's title (default: its id).
    #[arg(long, value_name = "T")]
    pub title: Option<String>,
    /// The bank's own language, which sets its matching rules (zh: phrases match inside the
    /// text; en: whole words only); not the UI's --lang.
    // `--language` was its first name: still accepted.
    #[arg(long, alias = "language", value_name = "zh|en", value_parser = ["zh", "en"], default_value = "zh")]
    pub bank_language: String,
    /// Where to write the bank (default: BANK.toml beside FILE).
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// Replace the bank file if it already exists (never FILE itself, a link or a device).
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Clone, Args)]
pub struct ScoreArgs {
    /// A bank file, or the id of a loaded bank.
    #[arg(long, value_name = "PATH|ID")]
    pub bank: String,
    /// Question id within the bank, or the full `bank/question` id.
    #[arg(long, value_name = "ID")]
    pub question: String,
    /// The answer file (default: stdin).
    #[arg(long, value_name = "FILE")]
    pub answer: Option<PathBuf>,
    /// How long the answer took, in seconds.
    #[arg(long, value_name = "N")]
    pub seconds: Option<u32>,
    /// The scorecard as JSON (the format of the README) instead of text.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Clone, Args)]
pub struct HistoryArgs {
    /// Only sessions with an answer from this bank.
    #[arg(long, value_name = "ID")]
    pub bank: Option<String>,
    /// Only sessions with an answer in this category.
    #[arg(long, value_name = "C")]
    pub category: Option<String>,
    /// Only sessions in this mode (practice, exam, spoken).
    #[arg(long, value_name = "MODE", value_parser = session_mode)]
    pub mode: Option<crate::session::Mode>,
    /// One JSON array instead of the table.
    #[arg(long)]
    pub json: bool,
}

/// A stored session mode by name.
fn session_mode(name: &str) -> Result<crate::session::Mode, String> {
    crate::session::Mode::parse(name)
        .ok_or_else(|| format!("unknown mode {name:?}; use practice, exam or spoken"))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum SessionReportFormat {
    #[default]
    Md,
    Json,
}

#[derive(Debug, Clone, Args)]
pub struct SessionReportArgs {
    /// The session's number as `mianba history` shows it, or `latest`.
    #[arg(value_name = "SESSION")]
    pub session: String,
    /// Markdown to read or send, or JSON.
    #[arg(long, value_enum, default_value_t = SessionReportFormat::Md)]
    pub format: SessionReportFormat,
}

#[derive(Debug, Clone, Args)]
pub struct DueArgs {
    /// Show the N questions with the lowest latest score instead.
    #[arg(long, value_name = "N")]
    pub weakest: Option<usize>,
    /// Today's limit for this listing only, instead of the saved one (`mianba settings
    /// daily-limit N` changes that).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub daily_limit: Option<u16>,
    /// One JSON object instead of the list.
    #[arg(long)]
    pub json: bool,
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    use super::Cli;

    /// Every command, flag and argument, at every depth, says what it is for.
    #[test]
    fn every_command_flag_and_argument_has_help() {
        fn walk(cmd: &clap::Command, path: &str, empty: &mut Vec<String>) {
            if cmd
                .get_about()
                .is_none_or(|a| a.to_string().trim().is_empty())
            {
                empty.push(path.to_string());
            }
            for arg in cmd.get_arguments() {
                let id = arg.get_id().as_str();
                if id == "help" || id == "version" {
                    continue;
                }
                if arg
                    .get_help()
                    .is_none_or(|h| h.to_string().trim().is_empty())
                {
                    empty.push(format!("{path} {id}"));
                }
            }
            for sub in cmd.get_subcommands() {
                walk(sub, &format!("{path} {}", sub.get_name()), empty);
            }
        }
        let mut empty = Vec::new();
        let mut cmd = Cli::command();
        cmd.build();
        walk(&cmd, "mianba", &mut empty);
        assert!(empty.is_empty(), "no help text: {empty:?}");
    }

    #[test]
    fn practice_help_states_the_home_screens_default_count() {
        let cmd = Cli::command();
        let practice = cmd.find_subcommand("practice").unwrap();
        let count = practice
            .get_arguments()
            .find(|a| a.get_id() == "count")
            .unwrap();
        let help = count.get_help().unwrap().to_string();
        let default = crate::session::plan::DEFAULT_COUNT;
        assert!(help.contains(&format!("default {default}")), "{help}");
    }
}
