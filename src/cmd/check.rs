//! `dateline check`.

use std::path::PathBuf;
use std::process::ExitCode;

use dateline::BuildOptions;

/// Check the site before publishing: broken links and anchors, images without alt
/// text, orphan pages, articles without date or summary, future-dated articles,
/// aliases claimed twice. Exits non-zero on errors.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The site root.
    #[arg(long, default_value = ".")]
    root: PathBuf,
    /// Check drafts too.
    #[arg(long)]
    drafts: bool,
}

impl Args {
    pub fn run(self) -> anyhow::Result<ExitCode> {
        let opts = BuildOptions {
            root: self.root,
            drafts: self.drafts,
            ..BuildOptions::default()
        };
        let report = dateline::check::check(&opts)?;
        println!("{report}");
        Ok(if report.errors() > 0 {
            ExitCode::FAILURE
        } else {
            ExitCode::SUCCESS
        })
    }
}
