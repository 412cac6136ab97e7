//! The progress bar: shown on a terminal once a build has run for a second.

use std::io::IsTerminal;
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// A progress bar that stays hidden for short builds, off a terminal, or when quiet.
pub struct Progress {
    bar: Option<ProgressBar>,
    start: Instant,
}

impl Progress {
    /// A bar if `enabled` and standard error is a terminal.
    pub fn new(enabled: bool) -> Progress {
        let bar = (enabled && std::io::stderr().is_terminal()).then(|| {
            let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::hidden());
            bar.set_style(
                ProgressStyle::with_template("{msg:>10} [{bar:40}] {pos}/{len} {elapsed}")
                    .unwrap_or_else(|_| ProgressStyle::default_bar())
                    .progress_chars("=> "),
            );
            bar
        });
        Progress {
            bar,
            start: Instant::now(),
        }
    }

    /// Starts a stage of `len` steps.
    pub fn stage(&self, name: &'static str, len: usize) {
        if let Some(bar) = &self.bar {
            bar.set_message(name);
            bar.set_length(len as u64);
            bar.set_position(0);
            self.reveal(bar);
        }
    }

    /// One step done.
    pub fn inc(&self) {
        if let Some(bar) = &self.bar {
            bar.inc(1);
            if bar.is_hidden() {
                self.reveal(bar);
            }
        }
    }

    fn reveal(&self, bar: &ProgressBar) {
        if bar.is_hidden() && self.start.elapsed() > Duration::from_secs(1) {
            bar.set_draw_target(ProgressDrawTarget::stderr());
        }
    }

    /// Removes the bar.
    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}
