//! What the `site` bench is made of: the article generator (`world`, `vocab`,
//! `story`, `sitegen`), measuring child processes (`measure`) and the live-reload
//! client (`serve`).

pub mod measure;
pub mod serve;
pub mod sitegen;
pub mod story;
#[rustfmt::skip]
pub mod vocab;
pub mod world;
