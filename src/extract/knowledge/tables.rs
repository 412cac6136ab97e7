//! The embedded gazetteer files, parsed into a [`Knowledge`].
//!
//! Files are tab-separated: a name, then `|`-separated aliases, then (places only)
//! `|`-separated demonyms. Lines starting with `#` are comments. Earlier rows win a form
//! that two rows share, so the files list the most salient entity first (countries
//! before cities, big cities before small ones).

use super::{
    EntityKind, Knowledge, KnownEntity, Title, WordClasses, WordTable, phrase_key, push_key,
};

const PLACES: &str = include_str!("../gazetteer/places.tsv");
const ORGANIZATIONS: &str = include_str!("../gazetteer/curated/organizations.tsv");
const TITLES: &str = include_str!("../gazetteer/curated/titles.tsv");
const MISC: &str = include_str!("../gazetteer/curated/misc.tsv");
const FIRST_NAMES: &str = include_str!("../gazetteer/first_names.txt");
const SURNAMES: &str = include_str!("../gazetteer/surnames.txt");
const COMMON_WORDS: &str = include_str!("../gazetteer/common_words.txt");

/// How many of the most frequent words count as function words (`he`, `in`, `sales`).
const FUNCTION_WORDS: usize = 1000;

/// Data lines of an embedded file.
fn rows(file: &str) -> impl Iterator<Item = &str> {
    file.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
}

fn list(column: Option<&str>) -> impl Iterator<Item = &str> {
    column
        .unwrap_or("")
        .split('|')
        .map(str::trim)
        .filter(|s| !s.is_empty())
}

/// Parses every embedded table.
pub(super) fn builtin() -> Knowledge {
    let mut kb = Knowledge::default();
    kb.phrases.reserve(40_000);
    add_entities(&mut kb, PLACES, EntityKind::Place);
    add_entities(&mut kb, ORGANIZATIONS, EntityKind::Organization);
    for row in rows(TITLES) {
        let mut cols = row.split('\t');
        let title = cols.next().unwrap_or("").trim();
        let role = cols.next().unwrap_or("").trim();
        let key = phrase_key(title);
        kb.add_title(
            &key,
            Title {
                role: (!role.is_empty() && role != "-").then(|| role.to_string()),
                honorific: role == "-",
            },
        );
    }
    kb.words = WordTable::with_capacity(
        (MISC.len() + FIRST_NAMES.len() + SURNAMES.len() + COMMON_WORDS.len()) / 7,
    );
    add_words(&mut kb, MISC, WordClasses::MISC);
    add_words(&mut kb, FIRST_NAMES, WordClasses::FIRST_NAME);
    add_words(&mut kb, SURNAMES, WordClasses::SURNAME);
    add_words(&mut kb, COMMON_WORDS, WordClasses::COMMON);
    for w in rows(COMMON_WORDS).take(FUNCTION_WORDS) {
        kb.words
            .entry(w.trim().as_bytes())
            .add(WordClasses::FUNCTION);
    }
    kb
}

/// Puts every word of `file` (one a row) on the list `class`.
fn add_words(kb: &mut Knowledge, file: &str, class: WordClasses) {
    for row in rows(file) {
        let mut key = String::with_capacity(row.len());
        push_key(&mut key, row.trim());
        kb.words.entry(key.as_bytes()).add(class);
    }
}

fn add_entities(kb: &mut Knowledge, file: &str, kind: EntityKind) {
    for row in rows(file) {
        let mut cols = row.split('\t');
        let name = cols.next().unwrap_or("").trim();
        if name.is_empty() {
            continue;
        }
        let aliases: Vec<String> = list(cols.next()).map(str::to_string).collect();
        let id = kb.entities.len() as u32;
        kb.add_form(name, id, false);
        for alias in &aliases {
            kb.add_form(alias, id, false);
        }
        let mut country = false;
        for demonym in list(cols.next()) {
            country = true;
            let key = phrase_key(demonym);
            kb.add_demonym(&key, id);
        }
        kb.entities.push(KnownEntity {
            name: name.to_string(),
            kind,
            aliases,
            roles: Vec::new(),
            from_site: false,
            country,
        });
    }
}
