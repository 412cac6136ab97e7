//! Dateline: a static-site generator for news briefs.

pub mod eval;
pub mod extract;
