//! Speaker phrases turned into canonical names.
//!
//! A name phrase maps to the entity whose mention it overlaps in [`Found`]; when the
//! entity extractor found nothing there, to the longest full name in the text that
//! ends with the same surname (`Austin` → `Lloyd Austin`), titles stripped. Pronouns
//! go to the last speaker when the verb continues (`he added`) and otherwise to the
//! most recent person of the right gender, preferring the last speaker.

use std::collections::HashMap;

use super::clause::{Phrase, PhraseKind, Words};
use super::lexicon::{self, Gender, Pronoun};
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
    /// Index into `Resolver::names`.
    name: usize,
}

/// Resolves speaker phrases in text order, remembering who spoke last.
pub struct Resolver<'a> {
    text: &'a str,
    found: &'a Found,
    /// Canonical person names, with their gender when known.
    names: Vec<(String, Option<Gender>)>,
    /// Surname (last token) → index of the longest full name ending with it.
    by_surname: HashMap<&'a str, usize>,
    persons: Vec<PersonMention>,
    /// Token ranges of the sentences.
    sents: &'a [[usize; 2]],
    /// The subject's first token in each sentence, if it has one.
    subjects: Vec<Option<usize>>,
    /// Speakers resolved so far, with the sentence of their attribution.
    spoke: Vec<(usize, Speaker)>,
    last: Option<(usize, Speaker)>,
}

impl<'a> Resolver<'a> {
    /// Prepares resolution for one text: person mentions come from `found` when it
    /// has any, otherwise from capitalised name sequences in `words`.
    pub fn new(w: &Words<'a>, found: &'a Found, sents: &'a [[usize; 2]]) -> Resolver<'a> {
        let mut r = Resolver {
            text: w.text,
            found,
            names: Vec::new(),
            by_surname: HashMap::new(),
            persons: Vec::new(),
            sents,
            subjects: sents.iter().map(|s| subject_token(w, s[0], s[1])).collect(),
            spoke: Vec::new(),
            last: None,
        };
        let has_people = found.mentions.iter().any(|m| m.kind == EntityKind::Person);
        if has_people {
            for (i, p) in found.people.iter().enumerate() {
                let first = p.name.split_whitespace().next().unwrap_or("");
                r.names.push((p.name.clone(), lexicon::gender_of(first)));
                debug_assert_eq!(r.names.len(), i + 1);
            }
            for m in &found.mentions {
                if m.kind == EntityKind::Person && m.index < r.names.len() {
                    r.persons.push(PersonMention {
                        tok: w.toks.partition_point(|t| t.span[0] < m.span[0]),
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
        r
    }

    /// Fallback person detection: runs of capitalised words, titles stripped; a run
    /// is a person when its first name has a known gender, a person title precedes
    /// it, or its surname is one of such a person's.
    fn index_names(&mut self, w: &Words<'a>) {
        let n = w.toks.len();
        let mut runs: Vec<(usize, usize)> = Vec::new();
        let mut i = 0;
        while i < n {
            if !w.is_cap(i) {
                i += 1;
                continue;
            }
            let mut k = i;
            while k < n && (w.is_cap(k) || is_initial_dot(w, k)) {
                k += 1;
            }
            // Strip titles and sentence-initial small words.
            let mut s = i;
            let mut titled = None;
            while s < k && (is_prefix_word(w, s) || w.punct(s) == Some('.')) {
                if w.is_word(s) && lexicon::is_title(w.word(s)) {
                    titled = titled.or(Some(lexicon::gender_of(w.word(s))));
                }
                s += 1;
            }
            if s < k {
                let g = lexicon::gender_of(w.word(s)).or(titled.flatten());
                if g.is_some() || titled.is_some() {
                    self.register(w, s, k, g);
                }
                runs.push((s, k));
            }
            i = k.max(i + 1);
        }
        // Single surnames of known people count as mentions of them.
        for (s, k) in runs {
            if let Some(&idx) = self.by_surname.get(surname(w.word(k - 1))) {
                self.persons.push(PersonMention { tok: s, name: idx });
            }
        }
    }

    /// Records a full person name (tokens `[s, k)`).
    fn register(&mut self, w: &Words<'a>, s: usize, k: usize, g: Option<Gender>) {
        let last = surname(w.word(k - 1));
        let end = w.toks[k - 1].span[0] + last.len();
        let full = &w.text[w.toks[s].span[0]..end];
        match self.by_surname.get(last) {
            Some(&idx) if self.names[idx].0.len() >= full.len() => {
                if self.names[idx].1.is_none() {
                    self.names[idx].1 = g;
                }
            }
            Some(&idx) => {
                let old = self.names[idx].1;
                self.names[idx] = (full.to_string(), g.or(old));
            }
            None => {
                self.names.push((full.to_string(), g));
                self.by_surname.insert(last, self.names.len() - 1);
            }
        }
    }

    /// The canonical speaker of `phrase`; `continuing` when the verb carries on the
    /// previous quotation (`he added`).
    pub fn resolve(&mut self, w: &Words<'_>, phrase: Phrase, continuing: bool) -> Option<Speaker> {
        let sent = self.sents.partition_point(|s| s[1] <= phrase.start);
        let speaker = match phrase.kind {
            PhraseKind::Pronoun(p) => self.pronoun(p, sent, continuing),
            PhraseKind::Name => Some(self.name(w, phrase)),
            PhraseKind::Nominal => Some(self.nominal(w, phrase)),
        }?;
        self.last = Some((sent, speaker.clone()));
        self.spoke.push((sent, speaker.clone()));
        Some(speaker)
    }

    /// `he` or `she` in sentence `sent`: the last speaker when the verb continues;
    /// otherwise, going back sentence by sentence, the first sentence with a fitting
    /// person gives its speaker, else its subject, else its last person named.
    fn pronoun(&self, p: Pronoun, sent: usize, continuing: bool) -> Option<Speaker> {
        let want = match p {
            Pronoun::He => Gender::Male,
            Pronoun::She => Gender::Female,
            Pronoun::They | Pronoun::It => {
                return self
                    .last
                    .as_ref()
                    .filter(|(_, s)| !s.person)
                    .map(|(_, s)| s.clone());
            }
            Pronoun::First => return None,
        };
        let fits = |s: &Speaker| s.person && s.gender.is_none_or(|g| g == want);
        if continuing
            && let Some((_, s)) = &self.last
            && (!s.person || fits(s))
        {
            return Some(s.clone());
        }
        for t in (sent.saturating_sub(4)..=sent).rev() {
            if let Some((_, s)) = self.spoke.iter().rev().find(|(st, s)| *st == t && fits(s)) {
                return Some(s.clone());
            }
            if t == sent {
                continue;
            }
            let [lo, hi] = self.sents[t];
            let from = self.persons.partition_point(|m| m.tok < lo);
            let to = self.persons.partition_point(|m| m.tok < hi);
            let here = &self.persons[from..to];
            let subject = self.subjects[t].and_then(|st| {
                here.iter()
                    .find(|m| m.tok >= st && m.tok < st + 4)
                    .map(|m| self.person(m.name))
                    .filter(|s| fits(s))
            });
            let any = || {
                here.iter()
                    .rev()
                    .map(|m| self.person(m.name))
                    .find(|s| fits(s) && s.gender.is_some())
            };
            if let Some(s) = subject.or_else(any) {
                return Some(s);
            }
        }
        self.last
            .as_ref()
            .filter(|(_, s)| fits(s))
            .map(|(_, s)| s.clone())
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
        if let Some(s) = self.mention(head) {
            return s;
        }
        let last = surname(w.word(he - 1));
        let titled = (phrase.start..hs)
            .filter(|&i| w.is_word(i))
            .find_map(|i| lexicon::gender_of(w.word(i)));
        if let Some(&idx) = self.by_surname.get(last) {
            if self.names[idx].1.is_none() {
                self.names[idx].1 = titled;
            }
            return self.person(idx);
        }
        let surface = &self.text[head[0]..head[1]];
        let gender = lexicon::gender_of(w.word(hs)).or(titled);
        let person = he - hs >= 2 || gender.is_some() || hs > phrase.start;
        Speaker {
            name: surface.to_string(),
            person,
            gender,
        }
    }

    fn mention(&self, head: Span) -> Option<Speaker> {
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
        Some(Speaker {
            name: name.clone(),
            person,
            gender: if person {
                lexicon::gender_of(first)
            } else {
                None
            },
        })
    }

    /// A common noun phrase: its words as written (`a senior official`).
    fn nominal(&self, w: &Words<'_>, phrase: Phrase) -> Speaker {
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
    // `Elijah Cummings of Maryland`: the name is before `of`, unless that is a title
    // (`Secretary of State John Kerry`).
    if start >= p.start + 2 && w.word(start - 1) == "of" && w.is_cap(start - 2) {
        let of = start - 1;
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
    let mut i = lo;
    while i < hi && !w.is_word(i) {
        i += 1;
    }
    if i >= hi {
        return None;
    }
    let first = w.word(i);
    if lexicon::is_preposition(first) || lexicon::is_clause_word(first) || first.ends_with("ly") {
        let comma = (i..hi.min(i + 20)).find(|&k| w.punct(k) == Some(','))?;
        i = comma + 1;
        while i < hi && !w.is_word(i) {
            i += 1;
        }
    }
    (i < hi).then_some(i)
}

/// The `.` of an initial or a title abbreviation inside a name (`George W. Bush`).
fn is_initial_dot(w: &Words<'_>, i: usize) -> bool {
    w.punct(i) == Some('.')
        && i > 0
        && w.is_cap(i - 1)
        && (w.word(i - 1).chars().count() == 1 || lexicon::is_title(w.word(i - 1)))
        && i + 1 < w.toks.len()
        && w.is_cap(i + 1)
}

/// Words before a name that are not part of it: titles, determiners, sentence-initial
/// small words, days.
fn is_prefix_word(w: &Words<'_>, i: usize) -> bool {
    if !w.is_word(i) {
        return false;
    }
    let word = w.word(i);
    lexicon::is_title(word)
        || lexicon::is_determiner(word)
        || lexicon::is_clause_word(word)
        || lexicon::is_preposition(word)
        || lexicon::is_time_word(word)
}

/// A name without its possessive ending: `Clinton’s` → `Clinton`.
fn surname(word: &str) -> &str {
    word.strip_suffix("’s")
        .or_else(|| word.strip_suffix("'s"))
        .unwrap_or(word)
}
