//! `dateline new`: a new article with front matter, dated now.

use std::path::PathBuf;
use std::process::ExitCode;

/// Create content/YYYY-MM-DD-<slug>.md with front matter, dated now in the site's zone.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The headline.
    headline: String,
    /// The site root.
    #[arg(long, default_value = ".")]
    root: PathBuf,
    /// Mark the article as a draft.
    #[arg(long)]
    draft: bool,
}

impl Args {
    pub fn run(self) -> anyhow::Result<ExitCode> {
        let path = dateline::scaffold::new_article(
            &self.root,
            &self.headline,
            self.draft,
            chrono::Utc::now(),
        )?;
        println!("created {}", path.display());
        Ok(ExitCode::SUCCESS)
    }
}
