//! `dateline eval`: extraction scores on public gold corpora.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Subcommand;
use dateline::eval;
use dateline::extract::Knowledge;

/// Score extraction against a gold corpus (the corpora are not shipped).
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    corpus: Corpus,
}

#[derive(Debug, Subcommand)]
enum Corpus {
    /// TempEval-3 TimeML (TimeBank, AQUAINT): time expressions and their values.
    Timebank { dir: PathBuf },
    /// PolNeAR brat attributions: quotes and speakers.
    Polnear { dir: PathBuf },
    /// CoNLL-2003 BIO file: people, places, organisations per document.
    Conll { file: PathBuf },
}

impl Args {
    pub fn run(self) -> anyhow::Result<ExitCode> {
        let kb = Knowledge::builtin();
        let report = match &self.corpus {
            Corpus::Timebank { dir } => eval::timebank::run(dir, &kb)?,
            Corpus::Polnear { dir } => eval::polnear::run(dir, &kb)?,
            Corpus::Conll { file } => eval::conll::run(file, &kb)?,
        };
        print!("{report}");
        Ok(ExitCode::SUCCESS)
    }
}
