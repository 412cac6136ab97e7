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
#[cfg(feature = "mimalloc")]
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
