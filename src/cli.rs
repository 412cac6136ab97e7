//! Command-line interface: one subcommand per file in `cmd/`.

use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::cmd;

/// Dateline: a static-site generator for news briefs.
#[derive(Debug, Parser)]
#[command(name = "dateline", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Build the site into the output folder.
    Build(cmd::build::Args),
    /// Create a starter site with the default theme written out.
    Init(cmd::init::Args),
    /// Create a new article, dated now.
    New(cmd::new::Args),
    /// Serve the site with live reload (nothing is written to public/).
    Serve(cmd::serve::Args),
    /// Check links, anchors, images and articles before publishing.
    Check(cmd::check::Args),
    /// Print the facts Dateline extracts from one article.
    Facts(cmd::facts::Args),
    /// Score extraction against public gold corpora.
    Eval(cmd::eval::Args),
}

impl Cli {
    /// Runs the chosen subcommand.
    pub fn run(self) -> anyhow::Result<ExitCode> {
        match self.command {
            Command::Build(args) => args.run(),
            Command::Init(args) => args.run(),
            Command::New(args) => args.run(),
            Command::Serve(args) => args.run(),
            Command::Check(args) => args.run(),
            Command::Facts(args) => args.run(),
            Command::Eval(args) => args.run(),
        }
    }
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    #[test]
    fn verify_app() {
        super::Cli::command().debug_assert();
    }
}
