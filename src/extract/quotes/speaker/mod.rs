//! Speaker phrases turned into canonical names.
//!
//! A name phrase maps to the entity whose mention it overlaps in [`Found`]; when the
//! entity extractor found nothing there, to the longest full name in the text that
//! ends with the same surname (`Austin` → `Lloyd Austin`), titles stripped. Pronouns
//! go to the last speaker when the verb continues (`he added`) and otherwise to the
//! most recent person of the right gender, preferring the last speaker.

mod people;
mod pronoun;
mod roles;

use std::collections::HashMap;

use super::clause::{Phrase, PhraseKind, Words};
use super::lexicon::{self, Pronoun};
use super::names::{self, Gender};
use crate::extract::Span;
use crate::extract::entities::Found;
use crate::extract::knowledge::EntityKind;

/// A resolved speaker.
#[derive(Clone, Debug, PartialEq)]
pub struct Speaker {
    pub name: String,
    pub person: bool,
    pub gender: Option<Gender>,
}

/// A person named in the text, for pronouns to point back to.
#[derive(Clone, Copy, Debug)]
struct PersonMention {
    /// Token index of the mention's first token.
    tok: usize,
    /// Token index just past the mention.
    end: usize,
    /// Index into `Resolver::names`.
    name: usize,
}

/// Resolves speaker phrases in text order, remembering who spoke last.
pub struct Resolver<'a> {
    text: &'a str,
    found: &'a Found,
    /// Canonical person names, with their gender when known.
    names: Vec<(String, Option<Gender>)>,
    /// Names taken for people only if a pronoun confirms it.
    tentative: Vec<bool>,
    /// Surname (last token) → index of the longest full name ending with it.
    by_surname: HashMap<&'a str, usize>,
    persons: Vec<PersonMention>,
    /// Token ranges of the sentences.
    sents: Vec<[usize; 2]>,
    /// The subject's first token in each sentence, if it has one.
    subjects: Vec<Option<usize>>,
    /// The end of the run of capitalised words that opens each sentence's subject.
    subject_ends: Vec<usize>,
    /// The pronoun each sentence's subject is, if it is one.
    subject_pronouns: Vec<Option<Pronoun>>,
    /// Speakers resolved so far, with the sentence of their attribution.
    spoke: Vec<(usize, Speaker)>,
    last: Option<(usize, Speaker)>,
    /// The roles people are given in the text, read when a role phrase first needs them.
    roles: Option<Vec<roles::Role>>,
}

impl<'a> Resolver<'a> {
    /// Prepares resolution for one text: person mentions come from `found` when it
    /// has any, otherwise from capitalised name sequences in `words`.
    pub fn new(w: &Words<'a>, found: &'a Found, sents: Vec<[usize; 2]>) -> Resolver<'a> {
        let subjects: Vec<Option<usize>> =
            sents.iter().map(|s| subject_token(w, s[0], s[1])).collect();
        let subject_ends = subjects
            .iter()
            .zip(&sents)
            .map(|(st, s)| {
                let Some(mut k) = *st else { return 0 };
                while k < s[1] && (w.is_cap(k) || w.punct(k) == Some('.')) {
                    k += 1;
                }
                k.max(st.unwrap_or(0) + 1)
            })
            .collect();
        let subject_pronouns = subjects
            .iter()
            .map(|t| t.and_then(|t| lexicon::pronoun(w.word(t))))
            .collect();
        let mut r = Resolver {
            text: w.text,
            found,
            names: Vec::new(),
            tentative: Vec::new(),
            by_surname: HashMap::new(),
            persons: Vec::new(),
            sents,
            subjects,
            subject_ends,
            subject_pronouns,
            spoke: Vec::new(),
            last: None,
            roles: None,
        };
        let has_people = found.mentions.iter().any(|m| m.kind == EntityKind::Person);
        if has_people {
            for (i, p) in found.people.iter().enumerate() {
                let first = p.name.split_whitespace().next().unwrap_or("");
                r.names.push((p.name.clone(), names::gender_of(first)));
                r.tentative.push(false);
                debug_assert_eq!(r.names.len(), i + 1);
                if let Some(last) = p.name.rsplit(' ').next().filter(|_| p.name.contains(' ')) {
                    r.by_surname.entry(last).or_insert(i);
                }
            }
            r.complete_first_names(w);
            for m in &found.mentions {
                if m.kind == EntityKind::Person && m.index < r.names.len() {
                    r.persons.push(PersonMention {
                        tok: w.toks.partition_point(|t| t.span[0] < m.span[0]),
                        end: w.toks.partition_point(|t| t.span[0] < m.span[1]),
                        name: m.index,
                    });
                }
            }
        } else {
            r.index_names(w);
        }
        r.persons
            .retain(|m| m.tok < w.toks.len() && !w.inside(m.tok));
        r.persons.sort_by_key(|p| p.tok);
        r.infer_genders(w);
        r
    }

    /// The canonical speaker of `phrase`; `continuing` when the verb carries on the
    /// previous quotation (`he added`).
    pub fn resolve(&mut self, w: &Words<'_>, phrase: Phrase, continuing: bool) -> Option<Speaker> {
        let sent = self.sents.partition_point(|s| s[1] <= phrase.start);
        let speaker = match phrase.kind {
            PhraseKind::Pronoun(p) => self.pronoun(p, sent, phrase.start, continuing),
            PhraseKind::Name => Some(self.name(w, phrase)),
            PhraseKind::Nominal => Some(self.nominal(w, phrase)),
        }?;
        self.last = Some((sent, speaker.clone()));
        self.spoke.push((sent, speaker.clone()));
        Some(speaker)
    }

    fn person(&self, idx: usize) -> Speaker {
        Speaker {
            name: self.names[idx].0.clone(),
            person: true,
            gender: self.names[idx].1,
        }
    }

    /// A name phrase: the entity mention it overlaps, or its surface name completed
    /// from the longest full name with the same surname.
    fn name(&mut self, w: &Words<'_>, phrase: Phrase) -> Speaker {
        let (hs, he) = name_head(w, phrase);
        let head: Span = w.span(hs, he);
        // The mention must cover the surname: an entity found for `Charlie` alone does
        // not name `Charlie King`.
        if let Some(s) = self
            .mention(head)
            .filter(|(_, m)| m[1] > w.toks[he - 1].span[0])
        {
            return s.0;
        }
        let last = surname(w.word(he - 1));
        let titled = (phrase.start..hs)
            .filter(|&i| w.is_word(i))
            .find_map(|i| names::gender_bits(w.cls(i)));
        if let Some(&idx) = self.by_surname.get(last)
            && !(self.tentative[idx] && self.names[idx].1.is_none())
        {
            if self.names[idx].1.is_none() {
                self.names[idx].1 = titled;
            }
            return self.person(idx);
        }
        let surface = &self.text[head[0]..head[1]];
        let gender = names::gender_bits(w.cls(hs)).or(titled);
        // A name that speaks is a person, unless it reads as an organisation.
        let acronym = surface.len() >= 2 && surface.chars().all(|c| !c.is_lowercase());
        let org = (phrase.start..phrase.end).any(|i| w.is_word(i) && w.has(i, lexicon::ORG))
            || w.word(phrase.start).eq_ignore_ascii_case("the");
        let person = gender.is_some() || !(acronym || org);
        Speaker {
            name: surface.to_string(),
            person,
            gender,
        }
    }

    /// The entity of the mention that overlaps `head` most, and that mention's span.
    fn mention(&self, head: Span) -> Option<(Speaker, Span)> {
        let m = self
            .found
            .mentions
            .iter()
            .filter(|m| m.span[0] < head[1] && head[0] < m.span[1])
            .max_by_key(|m| m.span[1].min(head[1]) - m.span[0].max(head[0]))?;
        let (name, person) = match m.kind {
            EntityKind::Person => (&self.found.people.get(m.index)?.name, true),
            EntityKind::Organization => (&self.found.organizations.get(m.index)?.name, false),
            EntityKind::Place => (&self.found.places.get(m.index)?.name, false),
        };
        let first = name.split_whitespace().next().unwrap_or("");
        let speaker = Speaker {
            name: name.clone(),
            person,
            gender: if person {
                names::gender_of(first)
            } else {
                None
            },
        };
        Some((speaker, m.span))
    }

    /// A common noun phrase: the entity its last word names (`the board` → `Water
    /// Board`), the person who holds the role it names (`the senator` → `Tim Kaine`),
    /// else its words as written (`a senior official`).
    fn nominal(&mut self, w: &Words<'_>, phrase: Phrase) -> Speaker {
        let last = (phrase.start..phrase.end).rev().find(|&i| w.is_word(i));
        if let Some((s, _)) = last.and_then(|i| self.mention(w.toks[i].span)) {
            return s;
        }
        if let Some(p) = self.by_role(w, phrase) {
            return self.person(p);
        }
        let s = w.span(phrase.start, phrase.end);
        Speaker {
            name: self.text[s[0]..s[1]].to_string(),
            person: false,
            gender: None,
        }
    }
}

/// The proper name at the end of a name phrase, without titles or a trailing
/// parenthesis: `Sen. Jane Doe (D-Mass.)` → `Jane Doe`.
fn name_head(w: &Words<'_>, p: Phrase) -> (usize, usize) {
    let mut end = p.end;
    if w.punct(end - 1) == Some(')') {
        while end > p.start + 1 && w.punct(end - 1) != Some('(') {
            end -= 1;
        }
        end = (end - 1).max(p.start + 1);
    }
    while end > p.start + 1 && !w.is_word(end - 1) {
        end -= 1;
    }
    let mut start = end - 1;
    while start > p.start && (w.is_cap(start - 1) || is_initial_dot(w, start - 1)) {
        start -= 1;
    }
    while start + 1 < end && (is_prefix_word(w, start) || w.punct(start) == Some('.')) {
        start += 1;
    }
    // `European Council President Donald Tusk`: a title inside the run ends what
    // comes before the name, unless the rest reads as an organisation.
    if let Some(t) = (start + 1..end - 1)
        .rev()
        .find(|&i| w.is_word(i) && w.has(i, lexicon::TITLE))
    {
        let mut s = t + 1;
        while s + 1 < end && (w.punct(s) == Some('.') || is_prefix_word(w, s)) {
            s += 1;
        }
        let org = (s..end).any(|i| w.is_word(i) && w.has(i, lexicon::ORG | lexicon::PLACE));
        if s < end && w.is_cap(s) && !org {
            start = s;
        }
    }
    // `Elijah Cummings of Maryland`: the name is before `of`, unless that is a title
    // (`Secretary of State John Kerry`).
    let of = if start >= p.start + 3 && w.word(start - 1) == "the" {
        start - 2
    } else {
        start.saturating_sub(1)
    };
    if of > p.start && w.word(of) == "of" && w.is_cap(of - 1) {
        let (s2, e2) = name_head(
            w,
            Phrase {
                start: p.start,
                end: of,
                kind: p.kind,
            },
        );
        if !is_prefix_word(w, e2 - 1) {
            return (s2, e2);
        }
    }
    (start, end)
}

/// The first token of the subject of sentence `[lo, hi)`: past an opening phrase
/// that ends at a comma (`In an interview on Tuesday, Ham said ...`).
pub fn subject_token(w: &Words<'_>, lo: usize, hi: usize) -> Option<usize> {
    let next_word = |mut i: usize| {
        while i < hi && !w.is_word(i) {
            i += 1;
        }
        (i < hi).then_some(i)
    };
    let mut i = next_word(lo)?;
    // A dateline: `LOS ANGELES, Sept. 28 (UPI) — ...`.
    if w.word(i).chars().all(|c| !c.is_lowercase())
        && let Some(dash) =
            (i..hi.min(i + 14)).find(|&k| matches!(w.punct(k), Some('—' | '–' | '―' | '-')))
    {
        i = next_word(dash + 1)?;
    }
    let first = w.word(i);
    let adverb_comma =
        i + 1 < hi && w.punct(i + 1) == Some(',') && lexicon::is_sentence_adverb(first);
    if adverb_comma
        || (first.ends_with("ing") && i + 1 < hi && !w.is_cap(i + 1))
        || lexicon::is_preposition(first)
        || lexicon::is_clause_word(first)
        || first.ends_with("ly")
    {
        let comma = (i..hi.min(i + 20)).find(|&k| w.punct(k) == Some(','))?;
        i = next_word(comma + 1)?;
    }
    Some(i)
}

impl Resolver<'_> {
    /// True when `word` is the surname of a person the resolver knows.
    pub fn knows(&self, word: &str) -> bool {
        self.by_surname.contains_key(surname(word))
            || self
                .names
                .iter()
                .any(|(n, _)| n.rsplit(' ').next() == Some(surname(word)))
    }
}

/// The `.` of an initial or a title abbreviation inside a name (`George W. Bush`).
fn is_initial_dot(w: &Words<'_>, i: usize) -> bool {
    w.punct(i) == Some('.')
        && i > 0
        && w.is_cap(i - 1)
        && (w.word(i - 1).chars().count() == 1 || w.has(i - 1, lexicon::TITLE))
        && i + 1 < w.toks.len()
        && w.is_cap(i + 1)
}

/// Words before a name that are not part of it: titles, determiners, sentence-initial
/// small words, days.
fn is_prefix_word(w: &Words<'_>, i: usize) -> bool {
    w.is_word(i)
        && w.has(
            i,
            lexicon::TITLE
                | lexicon::DETERMINER
                | lexicon::CLAUSE
                | lexicon::PREPOSITION
                | lexicon::TIME,
        )
}

/// The gender of a third-person pronoun.
fn pronoun_gender(word: &str) -> Option<Gender> {
    match word {
        "he" | "He" | "him" | "his" | "His" | "himself" => Some(Gender::Male),
        "she" | "She" | "her" | "Her" | "hers" | "herself" => Some(Gender::Female),
        _ => None,
    }
}

/// A name without its possessive ending: `Clinton’s` → `Clinton`.
fn surname(word: &str) -> &str {
    word.strip_suffix("’s")
        .or_else(|| word.strip_suffix("'s"))
        .unwrap_or(word)
}
