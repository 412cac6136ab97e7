//! `dateline build`.

use std::path::PathBuf;
use std::process::ExitCode;

use dateline::BuildOptions;

/// Build the site into the output folder.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The site root: holds dateline.toml, content/, templates/, static/, data/.
    #[arg(long, default_value = ".")]
    root: PathBuf,
    /// The output folder [default: <root>/public].
    #[arg(long, short)]
    output: Option<PathBuf>,
    /// The URL the site is published at, overriding base_url.
    #[arg(long)]
    base_url: Option<String>,
    /// Include drafts.
    #[arg(long)]
    drafts: bool,
    /// Include articles dated in the future (embargoed).
    #[arg(long)]
    future: bool,
    /// Replace an output folder Dateline did not make.
    #[arg(long)]
    force: bool,
    /// Build without the articles that have errors (they are listed) instead of failing.
    #[arg(long)]
    skip_bad: bool,
    /// Extract every article anew and render every page, ignoring the build cache
    /// (the site kept for incremental builds is deleted).
    #[arg(long)]
    no_cache: bool,
    /// Render every page but write nothing (the output folder is left as it is):
    /// for measuring a build, as Hugo's --renderToMemory.
    #[arg(long)]
    dry_run: bool,
    /// Print nothing but errors.
    #[arg(long, short, conflicts_with = "verbose")]
    quiet: bool,
    /// Print the time of each pipeline step.
    #[arg(long, short)]
    verbose: bool,
}

impl Args {
    pub fn run(self) -> anyhow::Result<ExitCode> {
        let opts = BuildOptions {
            root: self.root,
            output: self.output,
            base_url: self.base_url,
            drafts: self.drafts,
            future: self.future,
            force: self.force,
            skip_bad: self.skip_bad,
            now: None,
            progress: !self.quiet,
            no_cache: self.no_cache,
            cache_dir: None,
            dry_run: self.dry_run,
        };
        let report = dateline::build(&opts)?;
        for e in &report.skipped {
            eprintln!("skipped: {e}");
        }
        if self.verbose {
            eprintln!(
                "facts from the build cache: {} of {}",
                report.cache_hits, report.articles
            );
            eprintln!(
                "pages kept from an earlier build: {} of {}",
                report.pages_kept, report.pages
            );
            for s in &report.steps {
                let mem = s
                    .resident_kib
                    .map(|k| format!("  {:7.1} MiB resident", k as f64 / 1024.0))
                    .unwrap_or_default();
                // CPU time in cores: 2.0 is two cores busy the whole step.
                let cpu = s
                    .cpu
                    .filter(|_| s.time.as_millis() >= 50)
                    .map(|c| format!("  {:4.2} cores", c.as_secs_f64() / s.time.as_secs_f64()))
                    .unwrap_or_default();
                let mib = |b: usize| b as f64 / (1024.0 * 1024.0);
                let heap = s
                    .heap
                    .map(|(live, peak)| {
                        format!("  heap {:7.1} MiB (peak {:7.1})", mib(live), mib(peak))
                    })
                    .unwrap_or_default();
                eprintln!(
                    "{:>10}  {:8.1} ms{mem}{cpu}{heap}",
                    s.name,
                    s.time.as_secs_f64() * 1000.0
                );
            }
        }
        if !self.quiet {
            println!("{}", report.summary());
        }
        Ok(ExitCode::SUCCESS)
    }
}
