//! `dateline serve`.

use std::net::IpAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use dateline::serve::{ServeOptions, serve, workspace::Filters};

/// Serve the site from memory with live reload; public/ is never written.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The site root.
    #[arg(long, default_value = ".")]
    root: PathBuf,
    /// The interface to listen on; anything but loopback exposes your drafts.
    #[arg(long, default_value = "127.0.0.1")]
    interface: IpAddr,
    /// The port; the next free one is taken when it is busy.
    #[arg(long, short, default_value_t = 1111)]
    port: u16,
    /// Include drafts.
    #[arg(long)]
    drafts: bool,
    /// Include articles dated in the future.
    #[arg(long)]
    future: bool,
}

impl Args {
    pub fn run(self) -> anyhow::Result<ExitCode> {
        if !self.interface.is_loopback() {
            eprintln!(
                "warning: listening on {}: anyone who can reach this machine can read the site, drafts included",
                self.interface
            );
        }
        let opts = ServeOptions {
            root: self.root,
            interface: self.interface,
            port: self.port,
            filters: Filters {
                drafts: self.drafts,
                future: self.future,
            },
            debounce: Duration::from_millis(25),
        };
        serve(opts, |running| {
            println!("Serving at http://{}/ (Ctrl+C to stop)", running.addr);
        })?;
        Ok(ExitCode::SUCCESS)
    }
}
