//! Integration tests: fixture sites built end to end, one module per feature.

mod bad_files;
mod bad_input;
mod build;
mod cli;
mod errors;
mod hostile;
mod html_check;
mod kill;
mod props;
mod support;
mod tree;
