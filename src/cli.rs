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
    /// Self-check for bank authors: does each rubric reward the reference and reject
    /// off-topic answers? (default: every loaded bank)
    Lint {
        #[arg(value_name = "PATH")]
        paths: Vec<PathBuf>,
    },
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
