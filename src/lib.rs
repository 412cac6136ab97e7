//! Dateline: a static-site generator for news briefs.

pub mod config;
pub mod content;
pub mod error;
pub mod eval;
pub mod extract;
pub mod site;
