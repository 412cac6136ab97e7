//! Integration tests: fixture sites built end to end, one module per feature.

mod build;
mod cache;
mod check;
mod cli;
mod errors;
mod gold;
mod serve;
mod support;
