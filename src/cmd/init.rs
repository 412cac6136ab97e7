//! `dateline init`: a starter site with the default theme written out.

use std::path::PathBuf;
use std::process::ExitCode;

/// Create a starter site: dateline.toml, one article, and the default templates and
/// static files to edit.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The folder to create (it may exist if empty).
    dir: PathBuf,
}

impl Args {
    pub fn run(self) -> anyhow::Result<ExitCode> {
        let written = dateline::scaffold::init(&self.dir, chrono::Utc::now())?;
        for p in &written {
            println!("created {}", p.display());
        }
        println!("\nNext: cd {} && dateline build", self.dir.display());
        Ok(ExitCode::SUCCESS)
    }
}
