//! The command line of `shared/design/cli.md`. Names of commands, flags and their meaning are
//! a contract; additions are free.

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
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Clone, Args)]
pub struct Global {
    /// Folder for saved sessions and drafts (default: the platform's data folder).
    #[arg(long, global = true, env = "MIANBA_DATA_DIR", value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
    /// An extra folder of question banks (repeatable).
    #[arg(long = "banks", global = true, value_name = "DIR")]
    pub banks: Vec<PathBuf>,
    /// UI language (default: from the locale).
    #[arg(long, global = true, value_enum)]
    pub lang: Option<Lang>,
    /// Read each question aloud with espeak-ng.
    #[arg(long, global = true)]
    pub speak: bool,
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
        #[arg(value_name = "FILE")]
        file: PathBuf,
        /// Replace FILE if it already exists (never the store, a link or a device).
        #[arg(long)]
        force: bool,
    },
    /// Merge a backup written by `mianba export` into the store (what is already here is kept).
    Import {
        #[arg(value_name = "FILE")]
        file: PathBuf,
    },
    /// The drill: questions due today for another go, or the weakest ones.
    Due(DueArgs),
}

#[derive(Debug, Subcommand)]
pub enum SetCommand {
    /// Write a new assignment set, questions drawn from the loaded banks.
    New(SetNewArgs),
    /// Check set files; one `FILE:LINE:COLUMN: message` per problem.
    Validate {
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
    },
    /// Export the answers of a session taken from a set as one result bundle (JSON).
    Export {
        #[arg(long, value_name = "FILE")]
        set: PathBuf,
        /// The session (default: the latest one taken from this set).
        #[arg(long, value_name = "ID")]
        session: Option<i64>,
        /// The candidate's name (default: the user name from the environment).
        #[arg(long, value_name = "NAME")]
        name: Option<String>,
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        /// Replace --out if it already exists (never the store, the set file, a link or a device).
        #[arg(long)]
        force: bool,
    },
    /// Store the grades and comments of a graded bundle against your own answers.
    ImportGrades {
        #[arg(value_name = "FILE")]
        file: PathBuf,
    },
}

#[derive(Debug, Clone, Args)]
pub struct SetNewArgs {
    #[arg(long, value_name = "FILE")]
    pub out: PathBuf,
    #[arg(long, value_name = "T")]
    pub title: Option<String>,
    /// Draw from this bank (repeatable).
    #[arg(long = "bank", id = "set_bank_ids", value_name = "ID")]
    pub banks: Vec<String>,
    #[arg(long = "category", value_name = "C")]
    pub categories: Vec<String>,
    #[arg(long, value_name = "D")]
    pub difficulty: Option<u8>,
    #[arg(long, value_name = "N", default_value_t = 5)]
    pub count: usize,
    #[arg(long, value_name = "S", default_value_t = 0)]
    pub seed: u64,
    #[arg(long, value_name = "NAME")]
    pub tutor: Option<String>,
    /// A date (2025-07-01) or date-time (2025-07-01T18:00:00+08:00).
    #[arg(long, value_name = "DATE")]
    pub due: Option<String>,
    #[arg(long, value_name = "M", value_parser = ["practice", "exam", "spoken"])]
    pub mode: Option<String>,
    #[arg(long, value_name = "P", value_parser = clap::value_parser!(u8).range(0..=100))]
    pub pass_mark: Option<u8>,
    /// Replace --out if it already exists (never a link or a device).
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum ReportFormat {
    #[default]
    Md,
    Csv,
    Json,
}

#[derive(Debug, Subcommand)]
pub enum ClassCommand {
    /// Candidates x questions over result bundles (files, or folders of *.json).
    Report {
        #[arg(required = true, value_name = "FILES|DIR")]
        paths: Vec<PathBuf>,
        /// The set the bundles answer (checks checksums, due date, pass mark).
        #[arg(long, value_name = "FILE")]
        set: Option<PathBuf>,
        /// A list of candidate names, one a line, to report missing submissions.
        #[arg(long, value_name = "FILE")]
        roster: Option<PathBuf>,
        #[arg(long, value_enum, default_value_t = ReportFormat::Md)]
        format: ReportFormat,
        /// Count flagged submissions (edited, another set, rescored differently…) in the
        /// averages and passes; by default they are listed but not counted.
        #[arg(long)]
        include_flagged: bool,
    },
    /// Grade result bundles by hand in the terminal (six dimensions and a comment per answer).
    Grade {
        #[arg(required = true, value_name = "BUNDLE")]
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
    /// How many questions.
    #[arg(long, value_name = "N")]
    pub count: Option<usize>,
    /// Seed for the random draw, to repeat an interview exactly.
    #[arg(long, value_name = "S")]
    pub seed: Option<u64>,
    /// An assignment set file.
    #[arg(long, value_name = "FILE")]
    pub set: Option<PathBuf>,
    #[arg(long, value_enum, default_value_t = Mode::Typed)]
    pub mode: Mode,
}

#[derive(Debug, Subcommand)]
pub enum BanksCommand {
    /// Every loaded bank: id, title, language, question count, source path.
    List {
        #[arg(long)]
        json: bool,
    },
    /// One bank's questions.
    Show {
        id: String,
        #[arg(long)]
        json: bool,
    },
    /// Check bank files or folders; one `FILE:LINE:COLUMN: message` per problem.
    Validate {
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
    },
    /// Self-check for bank authors: does each rubric reward the reference and its graded
    /// examples in their grade's band, and reject off-topic answers? (default: every loaded bank)
    Lint {
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
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// The new bank's id.
    #[arg(long, value_name = "BANK")]
    pub id: String,
    #[arg(long, value_name = "T")]
    pub title: Option<String>,
    #[arg(long, value_name = "zh|en", value_parser = ["zh", "en"], default_value = "zh")]
    pub language: String,
    /// Where to write the bank (default: FILE with .toml).
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// Replace the bank file if it already exists (never FILE itself, a link or a device).
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Clone, Args)]
pub struct ScoreArgs {
    /// The bank file (or the id of a loaded bank).
    #[arg(long, value_name = "PATH")]
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
    #[arg(long, value_enum, default_value_t = SessionReportFormat::Md)]
    pub format: SessionReportFormat,
}

#[derive(Debug, Clone, Args)]
pub struct DueArgs {
    /// Show the N questions with the lowest latest score instead.
    #[arg(long, value_name = "N")]
    pub weakest: Option<usize>,
    /// Set how many questions a day's drill offers (kept in the store).
    #[arg(long, value_name = "N")]
    pub daily_limit: Option<usize>,
    #[arg(long)]
    pub json: bool,
}
