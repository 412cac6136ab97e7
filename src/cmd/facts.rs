//! `dateline facts`: what Dateline knows of one article.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use chrono::NaiveDate;
use dateline::config::Config;
use dateline::extract::{self, Document, Facts};

/// Print the facts Dateline extracts from one article (Markdown with front matter,
/// wire text, or with --raw any text).
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The article file, or `-` for standard input.
    file: PathBuf,
    /// Print the facts as JSON (the contract of DESIGN.md) instead of a report.
    #[arg(long)]
    json: bool,
    /// Take the whole input as body text: no header or front matter. Spans are byte
    /// offsets into the input.
    #[arg(long)]
    raw: bool,
    /// The article date (YYYY-MM-DD), anchor of relative dates; overrides the file's.
    #[arg(long)]
    date: Option<NaiveDate>,
    /// The site root, for dateline.toml (time zone) and data/entities.toml.
    #[arg(long, default_value = ".")]
    root: PathBuf,
}

impl Args {
    pub fn run(self) -> anyhow::Result<ExitCode> {
        let stdin = self.file.as_os_str() == "-";
        let bytes = if stdin {
            let mut b = Vec::new();
            std::io::stdin()
                .read_to_end(&mut b)
                .context("failed to read standard input")?;
            b
        } else {
            std::fs::read(&self.file)
                .with_context(|| format!("failed to read `{}`", self.file.display()))?
        };
        let config = Config::load(&self.root)?;
        let tz = config.tz().map_err(anyhow::Error::msg)?;
        let (kb, _) = dateline::load_knowledge(&self.root)?;
        let facts = if self.raw {
            let text = dateline::content::decode(&self.file, &bytes)?;
            extract::extract_facts(
                &Document {
                    title: None,
                    body: &text,
                    date: self.date,
                },
                &kb,
            )
        } else {
            // Standard input has no extension: front matter says Markdown.
            let path = if stdin {
                let md = bytes.starts_with(b"+++") || bytes.starts_with(b"---");
                PathBuf::from(if md { "<stdin>.md" } else { "<stdin>.txt" })
            } else {
                self.file.clone()
            };
            let article = dateline::content::parse_article(&path, &bytes, tz)?;
            let text = dateline::extraction_text(&article);
            let date = self
                .date
                .unwrap_or_else(|| article.date.with_timezone(&tz).date_naive());
            extract::extract_facts(
                &Document {
                    title: Some(&article.title),
                    body: &text,
                    date: Some(date),
                },
                &kb,
            )
        };
        if self.json {
            println!("{}", serde_json::to_string_pretty(&facts)?);
        } else {
            print!("{}", report(&facts, &self.file));
        }
        Ok(ExitCode::SUCCESS)
    }
}

/// A readable report of the facts.
fn report(f: &Facts, path: &Path) -> String {
    let mut s = format!("{}\n", path.display());
    let mut line = |k: &str, v: String| {
        if !v.is_empty() {
            s.push_str(&format!("{k:>14}: {v}\n"));
        }
    };
    line("title", f.title.clone());
    line("date", f.date.clone().unwrap_or_default());
    line("dateline", f.dateline.clone().unwrap_or_default());
    line("byline", f.byline.clone().unwrap_or_default());
    line("summary", f.summary.clone());
    let with_aliases = |name: &str, aliases: &[String]| {
        if aliases.is_empty() {
            name.to_string()
        } else {
            format!("{name} ({})", aliases.join(", "))
        }
    };
    for p in &f.people {
        let roles = if p.roles.is_empty() {
            String::new()
        } else {
            format!(" — {}", p.roles.join(", "))
        };
        line(
            "person",
            format!("{}{roles}", with_aliases(&p.name, &p.aliases)),
        );
    }
    for p in &f.places {
        line("place", with_aliases(&p.name, &p.aliases));
    }
    for o in &f.organizations {
        line("organization", with_aliases(&o.name, &o.aliases));
    }
    for x in &f.figures {
        line("figure", x.text.to_string());
    }
    for q in &f.quotes {
        let who = q.speaker.unwrap_or("?");
        line(
            if q.indirect { "reported" } else { "quote" },
            format!("{who}: {}", q.text),
        );
    }
    for t in &f.timexes {
        line(
            "time",
            format!(
                "{} = {}{}",
                t.text,
                t.value,
                t.modifier
                    .as_ref()
                    .map(|m| format!(" ({m})"))
                    .unwrap_or_default()
            ),
        );
    }
    for e in &f.events {
        line("event", format!("{}: {}", e.date, e.summary));
    }
    s
}
