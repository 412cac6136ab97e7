//! People, places and organisations: mentions found by gazetteers and context rules,
//! merged into one canonical entity each with its aliases and roles.
//!
//! Two stages. [`mentions`] reads each sentence and proposes candidate mentions with
//! evidence for each kind: gazetteer matches (longest first), titles before names
//! (`Defense Secretary Lloyd Austin` → a person with the role `Defense Secretary`),
//! appositions (`Austin, the Pentagon chief,`), reporting verbs (`X said`), place
//! prepositions (`in X`), organisation and place words (`Ministry`, `River`) and given
//! names. [`resolve`] then decides over the whole text which candidates name the same
//! entity, of what kind, under which name.
//!
//! Conventions, chosen to follow CoNLL-2003 where it has one:
//! - Names never include titles; titles and appositions go to `roles`.
//! - Demonyms (`Iraqi`, `Americans`) are not mentions of their country (CoNLL tags them
//!   MISC); they are recognised so that they never become people or organisations, and
//!   they may qualify a role (`Iraqi Prime Minister`).
//! - The canonical name is the knowledge's name for a known entity (`United States`
//!   for `US`), else the longest form in the text; every other form written in the text
//!   is an alias (`Austin`, `Al-Sudani`, `ISIS`). Aliases are only forms the text uses.
//! - A possessive `’s` is not part of a name; a name ending in `s` before a lone
//!   apostrophe (`Bidens’`) is read as a stripped `Biden’s` when the text or the
//!   knowledge knows `Biden`, or when it names a person whose surname does not end in `s`.
//! - Sentences written in capitals or in title case (headlines) contribute only names
//!   known from the gazetteers or from the rest of the text.
//! - A capitalised common word opening a sentence (`Despite`, `Currently`), or one of the
//!   most frequent words anywhere (`Young`, `Brown`), is a name only when the rest of
//!   the text names the same entity in full (`Gordon Young` ... `Young said`).
//! - A town's name used for its team (`Leeds beat Chelsea 2-1`, results tables) is an
//!   organisation apart from the town; countries stay places (national teams are LOC
//!   in CoNLL).
//! - Events and things named after places (`U.S. Open`, `Gulf War`) are no entities.

mod mentions;
mod resolve;
mod words;

use super::knowledge::{EntityKind, Knowledge};
use super::segment::SentenceTokens;
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
///
/// `sentences` are the sentence spans of `text` (from [`super::segment::sentences`]).
/// Each list is sorted by mentions (most first), then by first appearance; `mentions`
/// lists every mention in text order.
pub fn find_entities(text: &str, sentences: &[Span], kb: &Knowledge) -> Found {
    find_entities_in(text, &SentenceTokens::new(text, sentences), kb)
}

/// [`find_entities`] over sentences already tokenized (see [`SentenceTokens`]).
pub fn find_entities_in(text: &str, tokens: &SentenceTokens, kb: &Knowledge) -> Found {
    let mut candidates = Vec::new();
    let mut shouting = Vec::new();
    for k in 0..tokens.len() {
        if mentions::sentence_candidates(text, tokens.of(k), kb, &mut candidates) {
            shouting.push(k);
        }
    }
    resolve::resolve(text, &candidates, &shouting, tokens, kb)
}

#[cfg(test)]
mod tests;
