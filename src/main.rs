//! The `dateline` command.

mod cli;
mod cmd;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = cli::Cli::parse();
    match cli.run() {
        Ok(code) => code,
        Err(err) => {
            eprintln!("Error: {err}");
            for cause in err.chain().skip(1) {
                eprintln!("Caused by: {cause}");
            }
            ExitCode::FAILURE
        }
    }
}

/// mimalloc: the build allocates and frees many small strings and template values
/// on every thread; it is markedly faster than the system allocator for that.
#[cfg(all(feature = "mimalloc", not(feature = "heap-count")))]
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// `--features heap-count`: the same allocator, counted (see `dateline::heap`).
#[cfg(all(feature = "mimalloc", feature = "heap-count"))]
#[global_allocator]
static GLOBAL: dateline::heap::Counting<mimalloc::MiMalloc> =
    dateline::heap::Counting(mimalloc::MiMalloc);
#[cfg(all(not(feature = "mimalloc"), feature = "heap-count"))]
#[global_allocator]
static GLOBAL: dateline::heap::Counting<std::alloc::System> =
    dateline::heap::Counting(std::alloc::System);
