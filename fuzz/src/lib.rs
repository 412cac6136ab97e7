//! Checks shared by the fuzz targets (and, through `#[path]`, by the main crate's
//! integration tests): what must hold of everything Dateline produces from any input.

pub mod checks;
pub mod timex3;
