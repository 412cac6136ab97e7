//! Definite role phrases tied to the person who holds the role: `the senator`,
//! `the Republican nominee`, `the former secretary of state` → the person named with
//! that role earlier in the text.
//!
//! News text names a person once with a title or an appositive (`Republican nominee
//! Donald Trump`, `Sen. Tim Kaine`, `Clinton, the former secretary of state,`) and then
//! refers back by the role alone. The roles of every person are read once per text,
//! and only when a speaker phrase needs them: the words before each mention, an
//! appositive after it, and the roles the entity extractor gave the person. A role
//! phrase matches a role with the same head noun; among those, the one sharing most
//! of its modifiers wins (`the Vermont senator`), a `former` or `vice` on one side
//! only counts against (`the president` is not `the former president`), and ties go
//! to the person mentioned last.

use super::Resolver;
use crate::extract::quotes::clause::{Phrase, Words};
use crate::extract::quotes::lexicon;

/// One role a person is given in the text.
#[derive(Clone, Debug)]
pub(super) struct Role {
    /// Index into `Resolver::names`.
    person: usize,
    /// The role's head noun, lower case (`nominee`).
    head: String,
    /// All its words, lower case.
    words: Vec<String>,
}

/// Modifiers that make a different role when only one side has them.
const DISTINCT: &[&str] = &[
    "former",
    "vice",
    "ex",
    "deputy",
    "assistant",
    "first",
    "late",
];

/// Words of a role phrase that say nothing about which role it is.
const IDLE: &[&str] = &[
    "the",
    "current",
    "then",
    "now",
    "presumptive",
    "likely",
    "embattled",
];

/// Words after which a role's head noun has been said (`secretary of state`).
const HEAD_ENDS: &[&str] = &["of", "at", "for", "from", "in", "with", "to", "on"];

/// The full word a title abbreviation stands for.
fn expand(word: &str) -> &str {
    match word {
        "sen" => "senator",
        "gov" => "governor",
        "rep" => "representative",
        "gen" => "general",
        "lt" => "lieutenant",
        "pres" => "president",
        "sec" => "secretary",
        "atty" => "attorney",
        "rev" => "reverend",
        "gop" => "republican",
        _ => word,
    }
}

fn normal(word: &str) -> String {
    let w = word.trim_matches(|c: char| !c.is_alphanumeric() && c != '-');
    expand(&w.to_lowercase()).to_string()
}

/// The head noun of role words: the last word before `of`, `at`, ... (`secretary of
/// state` → `secretary`), else the last word.
fn head_of(words: &[String]) -> Option<&String> {
    let cut = words
        .iter()
        .skip(1)
        .position(|w| HEAD_ENDS.contains(&w.as_str()))
        .map_or(words.len(), |p| p + 1);
    words[..cut].last()
}

fn role(person: usize, words: Vec<String>) -> Option<Role> {
    let head = head_of(&words)?.clone();
    (head.len() > 1 && head.chars().all(char::is_alphabetic)).then_some(Role {
        person,
        head,
        words,
    })
}

/// Role words right before a mention (`Republican presidential nominee`, `Sen.`).
fn before(w: &Words<'_>, tok: usize) -> Vec<String> {
    let mut out = Vec::new();
    let mut j = tok;
    while j > 0 && out.len() < 6 {
        j -= 1;
        if w.punct(j) == Some('.') && j > 0 && w.is_word(j - 1) && w.has(j - 1, lexicon::TITLE) {
            continue;
        }
        if !w.is_word(j) || w.inside(j) {
            break;
        }
        let word = w.word(j);
        let stop = w.cue(j).is_some()
            || w.has(j, lexicon::DETERMINER | lexicon::CLAUSE | lexicon::PRONOUN)
            || (w.has(j, lexicon::PREPOSITION) && word != "of")
            || word.ends_with("’s")
            || word.ends_with("'s");
        if stop {
            break;
        }
        out.push(normal(word));
    }
    while out.last().is_some_and(|w| w == "of") {
        out.pop();
    }
    out.reverse();
    out
}

/// Role words of an appositive right after a mention (`, the Republican nominee,`).
fn after(w: &Words<'_>, end: usize) -> Vec<String> {
    let n = w.toks.len();
    let mut out = Vec::new();
    if end + 1 >= n || w.punct(end) != Some(',') || !w.is_word(end + 1) || w.inside(end + 1) {
        return out;
    }
    let first = end + 1;
    let det = matches!(w.word(first), "the" | "a" | "an");
    if !(det || (!w.is_cap(first) && !w.has(first, lexicon::CLAUSE))) {
        return out;
    }
    let mut k = first + usize::from(det);
    while k < n && out.len() < 10 && w.is_word(k) {
        let word = w.word(k);
        if w.cue(k).is_some() || (w.has(k, lexicon::CLAUSE) && word != "of") {
            break;
        }
        out.push(normal(word));
        k += 1;
    }
    let closed = k < n && matches!(w.punct(k), Some(',' | '.' | ';' | ')'));
    if !closed {
        out.clear();
    }
    out
}

impl Resolver<'_> {
    /// Reads the roles of every person mentioned in the text.
    fn read_roles(&self, w: &Words<'_>) -> Vec<Role> {
        let mut out = Vec::new();
        for m in &self.persons {
            out.extend(role(m.name, before(w, m.tok)));
            out.extend(role(m.name, after(w, m.end)));
        }
        let has_people = self.found.people.len() == self.names.len();
        for (i, p) in self.found.people.iter().enumerate().filter(|_| has_people) {
            for r in &p.roles {
                let words: Vec<String> = r.split_whitespace().map(normal).collect();
                out.extend(role(i, words));
            }
        }
        out
    }

    /// The person a definite role phrase (`the Republican nominee`) refers to, if the
    /// text named someone with that role before it.
    pub(super) fn by_role(&mut self, w: &Words<'_>, phrase: Phrase) -> Option<usize> {
        let words: Vec<usize> = (phrase.start..phrase.end)
            .filter(|&i| w.is_word(i))
            .collect();
        let (&first, rest) = words.split_first()?;
        let possessive = words.iter().any(|&i| {
            let t = w.word(i);
            t.ends_with("’s") || t.ends_with("'s") || t.ends_with('’')
        });
        if !w.word(first).eq_ignore_ascii_case("the") || rest.is_empty() || possessive {
            return None;
        }
        if self.roles.is_none() {
            self.roles = Some(self.read_roles(w));
        }
        let roles = self.roles.as_deref().unwrap_or(&[]);
        let lower: Vec<String> = rest.iter().map(|&i| normal(w.word(i))).collect();
        let last_before = |person: usize| {
            self.persons
                .iter()
                .filter(|m| m.name == person && m.tok < phrase.start)
                .map(|m| m.tok)
                .max()
        };
        let mut best: Option<(i32, usize, usize)> = None;
        // `the former secretary of state and current Democratic nominee`: each part.
        for part in lower.split(|x| x == "and") {
            let Some(head) = head_of(part) else { continue };
            let mods: Vec<&String> = part
                .iter()
                .filter(|x| *x != head && !IDLE.contains(&x.as_str()))
                .collect();
            for r in roles.iter().filter(|r| &r.head == head) {
                let Some(at) = last_before(r.person) else {
                    continue;
                };
                let mut score = mods.iter().filter(|m| r.words.contains(m)).count() as i32;
                for d in DISTINCT {
                    let mine = mods.iter().any(|m| m.as_str() == *d);
                    let theirs = r.words.iter().any(|x| x == d);
                    if mine != theirs {
                        score -= 2;
                    }
                }
                if score >= 0 && best.is_none_or(|(s, t, _)| (score, at) > (s, t)) {
                    best = Some((score, at, r.person));
                }
            }
        }
        best.map(|(_, _, p)| p)
    }
}
