//! Word knowledge for attribution: reporting verbs, pronouns, titles, the small words
//! that sit between a speaker and a verb, and the words that tell names apart.
//!
//! Every list of [`super::words`] goes into one table from lower-cased word to a set of
//! class bits, built once: a [`WordTable`], whose lookup packs the word into an
//! integer and lower-cases it there, for the extractor looks up every token.

use std::sync::LazyLock;

use super::words;
use crate::extract::knowledge::WordTable;

/// How a reporting verb may introduce what was said.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CueKind {
    /// Takes a bare clause (`said the troops will stay`): say, add, insist, argue, ...
    Say,
    /// Takes an object before the clause (`told reporters the troops ...`).
    Tell,
    /// Only next to a quotation, after a comma or before `that` / `:`
    /// (`asked`, `continued`, `joked`): elsewhere these verbs mean something else.
    Weak,
    /// `according to X`.
    According,
}

/// Personal pronouns that can be speakers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pronoun {
    He,
    She,
    They,
    It,
    First,
}

pub(super) const SAY: u32 = 1;
pub(super) const TELL: u32 = 1 << 1;
pub(super) const WEAK: u32 = 1 << 2;
pub(super) const ACCORDING: u32 = 1 << 3;
pub(super) const CONTINUING: u32 = 1 << 4;
pub(super) const ADJECTIVE_ING: u32 = 1 << 5;
pub(super) const SENTENCE_ADVERB: u32 = 1 << 6;
pub(super) const ADVERB: u32 = 1 << 7;
pub(super) const TIME: u32 = 1 << 8;
pub(super) const PREPOSITION: u32 = 1 << 9;
pub(super) const CLAUSE: u32 = 1 << 10;
pub(super) const DETERMINER: u32 = 1 << 11;
pub(super) const SPEAKER_NOUN: u32 = 1 << 12;
pub(super) const TITLE: u32 = 1 << 13;
pub(super) const ORG: u32 = 1 << 14;
pub(super) const PLACE: u32 = 1 << 15;
pub(super) const MALE: u32 = 1 << 16;
pub(super) const FEMALE: u32 = 1 << 17;
pub(super) const HE: u32 = 1 << 18;
pub(super) const SHE: u32 = 1 << 19;
pub(super) const THEY: u32 = 1 << 20;
pub(super) const IT: u32 = 1 << 21;
pub(super) const FIRST: u32 = 1 << 22;
/// Any personal pronoun that can be a speaker.
pub(super) const PRONOUN: u32 = HE | SHE | THEY | IT | FIRST;

type Table = WordTable<u32>;

static TABLE: LazyLock<Table> = LazyLock::new(|| {
    let lists: [(&[&'static str], u32); 18] = [
        (words::CUE_SAY, SAY),
        (words::CUE_TELL, TELL),
        (words::CUE_WEAK, WEAK),
        (words::CUE_ACCORDING, ACCORDING),
        (words::CONTINUING, CONTINUING),
        (words::ADJECTIVE_ING, ADJECTIVE_ING),
        (words::SENTENCE_ADVERB, SENTENCE_ADVERB),
        (words::ADVERB, ADVERB),
        (words::TIME, TIME),
        (words::PREPOSITION, PREPOSITION),
        (words::CLAUSE, CLAUSE),
        (words::DETERMINER, DETERMINER),
        (words::SPEAKER_NOUN, SPEAKER_NOUN),
        (words::TITLE, TITLE),
        (words::ORG, ORG),
        (words::PLACE, PLACE),
        (words::MALE, MALE),
        (words::FEMALE, FEMALE),
    ];
    let mut t = Table::default();
    for (list, bit) in lists {
        for w in list {
            *t.entry(w.as_bytes()) |= bit;
        }
    }
    for (w, bit) in [
        ("he", HE),
        ("she", SHE),
        ("they", THEY),
        ("it", IT),
        ("i", FIRST),
        ("we", FIRST),
    ] {
        *t.entry(w.as_bytes()) |= bit;
    }
    t
});

/// The class bits of `word`, any case.
pub(super) fn classes(word: &str) -> u32 {
    // (The table holds ASCII words only: a word with other letters is on no list.)
    TABLE.get_ascii_lower(word.as_bytes()).unwrap_or(0)
}

fn ends_with_ly(word: &str) -> bool {
    let b = word.as_bytes();
    b.len() > 2 && b[b.len() - 2..].eq_ignore_ascii_case(b"ly")
}

/// The reporting verb `word` is a form of, if any.
#[cfg(test)]
pub fn cue(word: &str) -> Option<CueKind> {
    cue_of(classes(word))
}

/// The reporting verb a word with class bits `c` is, if any.
pub fn cue_of(c: u32) -> Option<CueKind> {
    if c & SAY != 0 {
        Some(CueKind::Say)
    } else if c & TELL != 0 {
        Some(CueKind::Tell)
    } else if c & WEAK != 0 {
        Some(CueKind::Weak)
    } else if c & ACCORDING != 0 {
        Some(CueKind::According)
    } else {
        None
    }
}

/// Words that open a sentence before a comma without being its subject
/// (`Meanwhile, ...`, `Still, ...`).
pub fn is_sentence_adverb(word: &str) -> bool {
    ends_with_ly(word) || classes(word) & (TIME | SENTENCE_ADVERB) != 0
}

/// The pronoun `word` is, if it is one a speaker can be.
pub fn pronoun(word: &str) -> Option<Pronoun> {
    let word = word
        .strip_suffix("’s")
        .or_else(|| word.strip_suffix("'s"))
        .unwrap_or(word);
    let c = classes(word);
    Some(if c & HE != 0 {
        Pronoun::He
    } else if c & SHE != 0 {
        Pronoun::She
    } else if c & THEY != 0 {
        Pronoun::They
    } else if c & IT != 0 {
        Pronoun::It
    } else if c & FIRST != 0 {
        Pronoun::First
    } else {
        return None;
    })
}

/// Small words between a speaker and the verb (`also`, `has`, `later`) or between the
/// verb and what was said (`Tuesday`, `again`).
pub fn is_adverb(word: &str) -> bool {
    if word.len() > 4 && ends_with_ly(word) && word.as_bytes()[0].is_ascii_lowercase() {
        let lower = word.to_ascii_lowercase();
        return !matches!(
            lower.as_str(),
            "only" | "early" | "family" | "rally" | "ally" | "daily"
        );
    }
    classes(word) & ADVERB != 0
}

/// Days and parts of days that follow a verb (`said Tuesday night`).
pub fn is_time_word(word: &str) -> bool {
    classes(word) & TIME != 0
}

/// Prepositions that open a phrase which is not what was said (`said in a statement`).
pub fn is_preposition(word: &str) -> bool {
    classes(word) & PREPOSITION != 0
}

/// Words that end a speaker phrase when walking back from the verb.
pub fn is_clause_word(word: &str) -> bool {
    classes(word) & CLAUSE != 0
}

/// Determiners and possessives that open a noun phrase.
pub fn is_determiner(word: &str) -> bool {
    classes(word) & DETERMINER != 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cue_lookup_ignores_case() {
        assert_eq!(cue("Said"), Some(CueKind::Say));
        assert_eq!(cue("TOLD"), Some(CueKind::Tell));
        assert_eq!(cue("table"), None);
    }

    #[test]
    fn long_and_non_ascii_words_are_not_cues() {
        assert_eq!(cue("sáid"), None);
        assert_eq!(cue("saidsaidsaidsaidsaidsaidsaid"), None);
    }
}
