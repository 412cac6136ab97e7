//! `dateline facts`: what Dateline knows of one article.

use std::io::Read;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use chrono::NaiveDate;
use dateline::extract::{self, Document, Knowledge};

/// Print the facts Dateline extracts from one article.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The article file, or `-` for standard input.
    file: PathBuf,
    /// Print JSON (the default is also JSON until a text report exists).
    #[arg(long)]
    json: bool,
    /// Take the whole input as body text: no header or front matter.
    #[arg(long)]
    raw: bool,
    /// The article date (YYYY-MM-DD), anchor of relative dates.
    #[arg(long)]
    date: Option<NaiveDate>,
}

impl Args {
    pub fn run(self) -> anyhow::Result<ExitCode> {
        let mut input = String::new();
        if self.file.as_os_str() == "-" {
            std::io::stdin()
                .read_to_string(&mut input)
                .context("failed to read standard input")?;
        } else {
            input = std::fs::read_to_string(&self.file)
                .with_context(|| format!("failed to read `{}`", self.file.display()))?;
        }
        let kb = Knowledge::builtin();
        let doc = Document {
            title: None,
            body: &input,
            date: self.date,
        };
        let facts = extract::extract_facts(&doc, &kb);
        println!("{}", serde_json::to_string_pretty(&facts)?);
        Ok(ExitCode::SUCCESS)
    }
}
