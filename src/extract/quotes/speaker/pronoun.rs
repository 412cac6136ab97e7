//! Pronoun speakers: `he` and `she` go back to the person the text is about at that
//! point, by gender; `they` and `it` to an organisation.

use super::{Resolver, Speaker};
use crate::extract::quotes::lexicon::Pronoun;
use crate::extract::quotes::names::Gender;

impl Resolver<'_> {
    /// `he` or `she` in sentence `sent`: the last speaker when the verb continues;
    /// otherwise, going back sentence by sentence, the first sentence with a fitting
    /// person gives its speaker, else its subject, else its last person named.
    pub(super) fn pronoun(
        &self,
        p: Pronoun,
        sent: usize,
        tok: usize,
        continuing: bool,
    ) -> Option<Speaker> {
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
        let here = |t: usize| {
            let [lo, hi] = self.sents[t];
            let from = self.persons.partition_point(|m| m.tok < lo);
            let to = self.persons.partition_point(|m| m.tok < hi);
            &self.persons[from..to]
        };
        // Speakers and subjects of the sentences before, nearest first.
        for t in (sent.saturating_sub(4)..=sent).rev() {
            if let Some((_, s)) = self.spoke.iter().rev().find(|(st, s)| *st == t && fits(s)) {
                return Some(s.clone());
            }
            let subject = self.subjects[t].and_then(|st| {
                here(t)
                    .iter()
                    .find(|m| m.tok >= st && m.tok < self.subject_ends[t] && m.tok < tok)
                    .map(|m| self.person(m.name))
                    .filter(|s| fits(s))
            });
            if let Some(s) = subject {
                return Some(s);
            }
            // A sentence led by the same pronoun continues the same person: look further
            // back (`She ... She said ... “...,” she said`).
            if t < sent && self.subject_pronouns[t] == Some(p) {
                continue;
            }
        }
        if let Some((at, s)) = &self.last
            && fits(s)
            && at + 8 >= sent
        {
            return Some(s.clone());
        }
        // Any person of that gender named just before.
        for t in (sent.saturating_sub(3)..sent).rev() {
            let named = here(t)
                .iter()
                .rev()
                .map(|m| self.person(m.name))
                .find(|s| fits(s) && s.gender.is_some());
            if named.is_some() {
                return named;
            }
        }
        if let Some((_, s)) = self.last.as_ref().filter(|(_, s)| fits(s)) {
            return Some(s.clone());
        }
        // Failing all that, the last person of that gender named anywhere before.
        let upto = self.persons.partition_point(|m| m.tok < tok);
        self.persons[..upto]
            .iter()
            .rev()
            .map(|m| self.person(m.name))
            .find(|s| s.gender == Some(want))
    }
}
