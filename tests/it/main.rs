//! Integration tests: fixture sites built end to end, one module per feature.

mod bad_files;
mod bad_input;
mod build;
mod cache;
mod check;
mod cli;
mod errors;
mod hostile;
mod html_check;
mod kill;
mod props;
mod serve;
mod support;
mod tree;
