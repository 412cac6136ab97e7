//! `dateline build`.

use std::process::ExitCode;

/// Build the site into the output folder.
#[derive(Debug, clap::Args)]
pub struct Args {}

impl Args {
    pub fn run(self) -> anyhow::Result<ExitCode> {
        anyhow::bail!("build is not written yet")
    }
}
