//! Subcommands: each an `Args` struct with `run()` that calls the library.

pub mod build;
pub mod check;
pub mod eval;
pub mod facts;
pub mod init;
pub mod new;
pub mod serve;
