//! What Dateline knows before reading an article: the built-in gazetteers and a
//! site's own `data/entities.toml`.
//!
//! The built-in tables are tab-separated text files in `src/extract/gazetteer/`,
//! embedded with `include_str!` and generated from public data by
//! `scripts/gazetteer.py` (countries with demonyms and short forms, regions, states and
//! provinces, cities, given names, surnames, frequent English words) or kept by hand
//! (`gazetteer/curated/`: organisations, titles and roles, words that never name an
//! entity). [`Knowledge::builtin`] parses them once into hash maps; the build makes one
//! `Knowledge` and lends it to every article, so nothing here is global or mutable.
//!
//! # The site's data file
//!
//! A site extends and corrects the built-in knowledge in `data/entities.toml`:
//!
//! ```toml
//! [[person]]
//! name = "Lloyd Austin"
//! aliases = ["Austin", "Lloyd J. Austin III"]
//! roles = ["Defense Secretary"]
//!
//! [[organization]]
//! name = "ISIL"
//! aliases = ["ISIS", "Daesh", "Islamic State"]
//!
//! [[place]]
//! name = "Baghdad"
//! ```
//!
//! Each entry has a `name` (the canonical form printed on pages), optional `aliases`
//! (other forms that mean the same entity) and, for anyone, optional `roles`. An entry
//! whose name or an alias is already known merges with the known entity: the site's
//! name becomes canonical, the site's kind wins, and aliases and roles are united, so
//! `name = "Islamic State"` renames the built-in `ISIL` and keeps `ISIS` and `Daesh`.
//! Two site entries claiming the same form are reported by
//! [`Knowledge::alias_conflicts`]; the later one gets the form.
//!
//! Forms are matched token by token, ignoring case except that every capital of the
//! known form must be a capital in the text (`AL-SUDANI` and `Al-Sudani` match
//! `al-Sudani`; `us` does not match `US`). A leading `the` is dropped from forms.

pub(crate) mod hash;
mod site;
mod tables;
pub mod words;

use serde::{Deserialize, Serialize};

pub use hash::{FastMap, FastSet};
pub use site::KnowledgeError;
pub use words::WordTable;

use super::segment::Token;

/// The three kinds of named entity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    Person,
    Place,
    Organization,
}

/// Index of a [`KnownEntity`] in a [`Knowledge`].
pub type EntityId = u32;

/// An entity the knowledge names before any article is read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KnownEntity {
    /// The canonical name.
    pub name: String,
    pub kind: EntityKind,
    /// Every other form that names the entity.
    pub aliases: Vec<String>,
    /// Roles to print for a person (from the site's data).
    pub roles: Vec<String>,
    /// True when a site's data file defined or changed the entity.
    pub from_site: bool,
    /// True for a country (a built-in place with a demonym): `Iraq`, `Scotland`.
    pub country: bool,
}

/// A title or role that stands before a name (`Defense Secretary`, `Gen.`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Title {
    /// The role to print when it differs from the text (`General` for `Gen.`); `None`
    /// prints the title as written.
    pub role: Option<String>,
    /// True for honorifics (`Mr.`, `Sir`) that mark a person but are no role.
    pub honorific: bool,
}

/// A form claimed by two different entities of the site's data file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AliasConflict {
    pub alias: String,
    /// Canonical name of the entity that claimed the form first.
    pub first: String,
    /// Canonical name of the entity that claimed it later and got it.
    pub second: String,
}

/// How a known form is written, to check capitals against the text.
#[derive(Clone, Debug)]
struct Form {
    id: EntityId,
    written: Box<str>,
}

/// Everything known under one phrase key, and whether longer phrases go on from it:
/// the reader looks a run of tokens up once per token and stops where no known
/// phrase continues.
#[derive(Clone, Debug, Default)]
struct Phrase {
    form: Option<Form>,
    demonym: Option<EntityId>,
    /// Index in [`Knowledge::titles`].
    title: Option<u32>,
    /// Some known phrase has this one's tokens as its first tokens and more.
    longer: bool,
}

/// The longest phrases of each table starting at one token (lengths in tokens).
#[derive(Clone, Copy, Debug, Default)]
pub struct PhraseMatches<'k> {
    /// A known entity's form, capitals checked.
    pub entity: Option<(usize, EntityId)>,
    /// A demonym (`Iraqi`) of a known place.
    pub demonym: Option<(usize, EntityId)>,
    /// A title or role, any case.
    pub title: Option<(usize, &'k Title)>,
}

/// The word lists a word is on (see [`Knowledge::word_classes`]).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct WordClasses(u8);

impl WordClasses {
    pub const FIRST_NAME: WordClasses = WordClasses(1);
    pub const SURNAME: WordClasses = WordClasses(2);
    /// A frequent English word.
    pub const COMMON: WordClasses = WordClasses(4);
    /// One of the most frequent of them.
    pub const FUNCTION: WordClasses = WordClasses(8);
    /// A capitalised word that never names an entity on its own.
    pub const MISC: WordClasses = WordClasses(16);

    pub fn add(&mut self, other: WordClasses) {
        self.0 |= other.0;
    }
    fn has(self, c: WordClasses) -> bool {
        self.0 & c.0 != 0
    }
    pub fn first_name(self) -> bool {
        self.has(Self::FIRST_NAME)
    }
    pub fn surname(self) -> bool {
        self.has(Self::SURNAME)
    }
    pub fn common(self) -> bool {
        self.has(Self::COMMON)
    }
    pub fn function(self) -> bool {
        self.has(Self::FUNCTION)
    }
    pub fn misc(self) -> bool {
        self.has(Self::MISC)
    }
}

/// Gazetteers: known entities with their kinds, aliases and roles, and word lists.
#[derive(Clone, Debug, Default)]
pub struct Knowledge {
    entities: Vec<KnownEntity>,
    /// Phrase key (lower case tokens joined by spaces) → the entity form, demonym and
    /// title it is, with an entry for every shorter run of tokens a phrase starts with.
    phrases: FastMap<String, Phrase>,
    titles: Vec<Title>,
    /// First tokens of forms written in lower case (`al Qaeda`, `the river authority`
    /// once `the` is dropped: `river authority`), looked up at lowercase words.
    lowercase_prefixes: FastSet<String>,
    /// The word lists (given names, surnames, frequent words, ...): one lookup
    /// answers all of them.
    words: WordTable<WordClasses>,
    conflicts: Vec<AliasConflict>,
}

/// The lookup keys of a sentence's tokens, computed once (see [`push_key`]).
///
/// A token already in lower-case ASCII is its own key and is not copied.
#[derive(Clone, Debug, Default)]
pub struct TokenKeys<'t> {
    text: &'t str,
    lower: String,
    /// Byte range of each key, in `text` (flag true) or in `lower`.
    ranges: Vec<(u32, u32, bool)>,
}

impl<'t> TokenKeys<'t> {
    /// The keys of `tokens` of `text`.
    pub fn new(text: &'t str, tokens: &[Token]) -> TokenKeys<'t> {
        // Room for the keys of the whole sentence (lower-casing seldom lengthens).
        let span = match (tokens.first(), tokens.last()) {
            (Some(a), Some(b)) => b.span[1] - a.span[0],
            _ => 0,
        };
        let mut lower = String::with_capacity(span);
        let mut ranges = Vec::with_capacity(tokens.len());
        for t in tokens {
            let w = t.text(text);
            if w.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
                ranges.push((t.span[0] as u32, t.span[1] as u32, true));
            } else {
                let start = lower.len() as u32;
                push_key(&mut lower, w);
                ranges.push((start, lower.len() as u32, false));
            }
        }
        TokenKeys {
            text,
            lower,
            ranges,
        }
    }

    /// The key of token `i`.
    pub fn get(&self, i: usize) -> &str {
        let (s, e, in_text) = self.ranges[i];
        let source = if in_text { self.text } else { &self.lower };
        &source[s as usize..e as usize]
    }
}

/// Appends the lookup key of one token: lower case, curly apostrophes made straight.
pub fn push_key(buf: &mut String, token: &str) {
    if token.is_ascii() {
        let start = buf.len();
        buf.push_str(token);
        buf[start..].make_ascii_lowercase();
        return;
    }
    for c in token.chars() {
        match c {
            '’' | '‘' => buf.push('\''),
            c if c.is_ascii() => buf.push(c.to_ascii_lowercase()),
            c => buf.extend(c.to_lowercase()),
        }
    }
}

/// The lookup key of a phrase: its tokens' keys joined by single spaces.
pub fn phrase_key(phrase: &str) -> String {
    let mut key = String::with_capacity(phrase.len());
    let simple = phrase.bytes().all(|b| b.is_ascii_alphabetic() || b == b' ');
    if simple {
        for word in phrase.split_whitespace() {
            if !key.is_empty() {
                key.push(' ');
            }
            push_key(&mut key, word);
        }
        return key;
    }
    for token in super::segment::tokens(phrase, [0, phrase.len()]) {
        if !key.is_empty() {
            key.push(' ');
        }
        push_key(&mut key, token.text(phrase));
    }
    key
}

/// Drops a leading `the ` (`the Pentagon` is known as `Pentagon`).
fn strip_the(form: &str) -> &str {
    let f = form.trim();
    for prefix in ["the ", "The ", "THE "] {
        if let Some(rest) = f.strip_prefix(prefix) {
            return rest.trim_start();
        }
    }
    f
}

/// True when every capital of `written` is a capital in `seen` (letters compared in
/// order, white space ignored).
fn capitals_kept(written: &str, seen: &str) -> bool {
    let mut w = written.chars().filter(|c| !c.is_whitespace());
    let mut s = seen.chars().filter(|c| !c.is_whitespace());
    loop {
        match (w.next(), s.next()) {
            (Some(a), Some(b)) => {
                if a.is_uppercase() && !b.is_uppercase() {
                    return false;
                }
            }
            _ => return true,
        }
    }
}

impl Knowledge {
    /// The built-in gazetteers only.
    pub fn builtin() -> Knowledge {
        tables::builtin()
    }

    /// The entity with index `id`.
    pub fn entity(&self, id: EntityId) -> &KnownEntity {
        &self.entities[id as usize]
    }

    /// The entity named by `form` (any known name or alias, capitals checked).
    pub fn lookup(&self, form: &str) -> Option<EntityId> {
        let form = strip_the(form);
        let f = self.form(&phrase_key(form))?;
        capitals_kept(&f.written, form).then_some(f.id)
    }

    /// Forms of the site's data file claimed by two different entities.
    pub fn alias_conflicts(&self) -> &[AliasConflict] {
        &self.conflicts
    }

    /// True when some known form starts in lower case.
    pub fn has_lowercase_forms(&self) -> bool {
        !self.lowercase_prefixes.is_empty()
    }

    /// True when a known form written in lower case starts with the word `key`.
    pub fn starts_lowercase_form(&self, key: &str) -> bool {
        self.lowercase_prefixes.contains(key)
    }

    /// The word lists `key` (in lower case) is on: for a reader that asks several
    /// questions of one word.
    pub fn word_classes(&self, key: &str) -> WordClasses {
        self.words.get(key.as_bytes()).unwrap_or_default()
    }

    /// True for a given name (`key` in lower case).
    pub fn is_first_name(&self, key: &str) -> bool {
        self.word_classes(key).first_name()
    }

    /// True for a common surname (`key` in lower case).
    pub fn is_surname(&self, key: &str) -> bool {
        self.word_classes(key).surname()
    }

    /// True for a frequent English word (`key` in lower case).
    pub fn is_common_word(&self, key: &str) -> bool {
        self.word_classes(key).common()
    }

    /// True for one of the most frequent English words (`he`, `in`, `new`): never a
    /// name on its own, wherever it stands; `key` in lower case.
    pub fn is_function_word(&self, key: &str) -> bool {
        self.word_classes(key).function()
    }

    /// True for a demonym (`iraqi`, `americans`); `key` in lower case.
    pub fn is_demonym(&self, key: &str) -> bool {
        self.phrases.get(key).is_some_and(|p| p.demonym.is_some())
    }

    /// True for a capitalised word that never names an entity on its own (`Monday`,
    /// `Muslim`); `key` in lower case.
    pub fn is_misc(&self, key: &str) -> bool {
        self.word_classes(key).misc()
    }

    /// The title with lookup key `key` (`defense secretary`), if it is one.
    pub fn title(&self, key: &str) -> Option<&Title> {
        let i = self.phrases.get(key)?.title?;
        self.titles.get(i as usize)
    }

    /// The entity form with phrase key `key`.
    fn form(&self, key: &str) -> Option<&Form> {
        self.phrases.get(key)?.form.as_ref()
    }

    /// The entry of phrase key `key`, made with entries for the shorter runs of
    /// tokens it starts with when new.
    fn phrase_mut(&mut self, key: &str) -> &mut Phrase {
        if !self.phrases.contains_key(key) {
            for (at, _) in key.match_indices(' ') {
                match self.phrases.get_mut(&key[..at]) {
                    Some(p) => p.longer = true,
                    None => {
                        let p = Phrase {
                            longer: true,
                            ..Phrase::default()
                        };
                        self.phrases.insert(key[..at].to_string(), p);
                    }
                }
            }
        }
        self.phrases.entry(key.to_string()).or_default()
    }

    /// The longest entity form, demonym and title starting at `tokens[start]`.
    ///
    /// An entity form may end in a possessive (`Iraq’s`). `buf` is scratch space, reused
    /// so that lookups do not allocate.
    pub fn match_at(
        &self,
        text: &str,
        tokens: &[Token],
        keys: &TokenKeys,
        start: usize,
        buf: &mut String,
    ) -> PhraseMatches<'_> {
        let mut out = PhraseMatches::default();
        buf.clear();
        for n in 1..=tokens.len() - start {
            if n > 1 {
                buf.push(' ');
            }
            buf.push_str(keys.get(start + n - 1));
            let seen = &text[tokens[start].span[0]..tokens[start + n - 1].span[1]];
            let phrase = self.phrases.get(buf.as_str());
            if let Some(form) = phrase.and_then(|p| p.form.as_ref()) {
                if capitals_kept(&form.written, seen) {
                    out.entity = Some((n, form.id));
                }
            } else if let Some(stem) = buf.strip_suffix("'s") {
                // A possessive ends the phrase: `Germany’s`, `Elena Vasquez’s`.
                if let Some(form) = self.form(stem)
                    && capitals_kept(&form.written, seen)
                {
                    out.entity = Some((n, form.id));
                }
            }
            let Some(phrase) = phrase else {
                break;
            };
            if let Some(id) = phrase.demonym {
                let first = tokens[start].text(text).chars().next();
                if first.is_some_and(char::is_uppercase) {
                    out.demonym = Some((n, id));
                }
            }
            if let Some(title) = phrase.title {
                out.title = Some((n, &self.titles[title as usize]));
            }
            if !phrase.longer {
                break;
            }
        }
        out
    }

    /// Registers `form` for entity `id`; `replace` lets it take a form already known.
    fn add_form(&mut self, form: &str, id: EntityId, replace: bool) -> Option<EntityId> {
        let form = strip_the(form);
        let key = phrase_key(form);
        if key.is_empty() {
            return None;
        }
        if form.starts_with(char::is_lowercase) {
            let first = key.split(' ').next().unwrap_or("");
            self.lowercase_prefixes.insert(first.to_string());
        }
        let new = Form {
            id,
            written: form.into(),
        };
        let slot = &mut self.phrase_mut(&key).form;
        match slot {
            Some(old) => {
                let old_id = old.id;
                if replace {
                    *old = new;
                }
                Some(old_id)
            }
            None => {
                *slot = Some(new);
                None
            }
        }
    }

    /// Registers the demonym with phrase key `key` for entity `id`, unless known.
    fn add_demonym(&mut self, key: &str, id: EntityId) {
        self.phrase_mut(key).demonym.get_or_insert(id);
    }

    /// Registers the title with phrase key `key` (a later row replaces an earlier).
    fn add_title(&mut self, key: &str, title: Title) {
        let next = self.titles.len() as u32;
        let i = *self.phrase_mut(key).title.get_or_insert(next);
        if i == next {
            self.titles.push(title);
        } else {
            self.titles[i as usize] = title;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrase_keys_are_lower_case_tokens() {
        assert_eq!(phrase_key("Islamic State of Iraq"), "islamic state of iraq");
        assert_eq!(phrase_key("People’s Republic"), "people's republic");
        assert_eq!(phrase_key("Washington, D.C."), "washington , d.c.");
    }

    #[test]
    fn capitals_of_the_form_must_be_kept() {
        assert!(capitals_kept("al-Sudani", "Al-Sudani"));
        assert!(capitals_kept("Iraq", "IRAQ"));
        assert!(!capitals_kept("US", "us"));
        assert!(!capitals_kept("Iraq", "iraq"));
    }

    #[test]
    fn builtin_knows_countries_short_forms_and_demonyms() {
        let kb = Knowledge::builtin();
        let us = kb.lookup("United States").expect("United States");
        assert_eq!(kb.lookup("U.S."), Some(us));
        assert_eq!(kb.lookup("the United States of America"), Some(us));
        assert_eq!(kb.entity(us).kind, EntityKind::Place);
        assert_eq!(kb.phrases["iraqi"].demonym, kb.lookup("Iraq"));
    }

    #[test]
    fn builtin_knows_armed_groups_under_every_name() {
        let kb = Knowledge::builtin();
        let isil = kb.lookup("ISIL").expect("ISIL");
        for form in ["ISIS", "Daesh", "Islamic State"] {
            assert_eq!(kb.lookup(form), Some(isil), "{form}");
        }
        assert_eq!(kb.entity(isil).kind, EntityKind::Organization);
        assert_eq!(
            kb.entity(kb.lookup("the Pentagon").unwrap()).name,
            "Pentagon"
        );
    }

    #[test]
    fn lowercase_text_does_not_match_an_acronym() {
        let kb = Knowledge::builtin();
        assert_eq!(kb.lookup("us"), None);
    }

    #[test]
    fn builtin_parses_quickly() {
        let start = std::time::Instant::now();
        let kb = Knowledge::builtin();
        let elapsed = start.elapsed();
        assert!(kb.is_first_name("lloyd"));
        // Generous: debug builds are several times slower than release builds.
        assert!(elapsed.as_millis() < 2000, "{elapsed:?}");
    }
}
