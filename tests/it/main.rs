//! Integration tests: fixture sites built end to end, one module per feature.

mod bad_files;
mod bad_input;
// The bench's article generator, for sites bigger than the fixtures.
#[allow(dead_code)]
#[path = "../../benches/support/mod.rs"]
mod benchgen;
mod build;
mod cache;
mod check;
// Shared with the fuzz targets: what must hold of extracted facts.
#[allow(dead_code)]
#[path = "../../fuzz/src/checks.rs"]
mod checks;
mod cli;
mod errors;
mod extracted;
mod gold;
mod hostile;
mod html_check;
mod incremental;
mod kill;
mod props;
mod serve;
mod support;
#[path = "../../fuzz/src/timex3.rs"]
mod timex3;
mod tree;
