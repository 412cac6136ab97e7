//! Who the people of a text are, for speakers and pronouns to point to: the entity
//! extractor's people completed where it knows only a given name, or, when it found
//! none, runs of capitalised words read as names; and the gender each one has, from
//! given names, titles and the pronouns that follow their mentions.

use super::{PersonMention, Resolver, is_initial_dot, is_prefix_word, pronoun_gender, surname};
use crate::extract::knowledge::EntityKind;
use crate::extract::quotes::clause::Words;
use crate::extract::quotes::lexicon;
use crate::extract::quotes::names::{self, Gender};

impl<'a> Resolver<'a> {
    /// People the entity extractor knows only by a given name (`Elizabeth`) whose
    /// mention is followed by a capitalised word no entity claims (`Sen. Elizabeth
    /// Warren grilled ...`) get that word as their surname, so that `Warren said`
    /// finds them.
    pub(super) fn complete_first_names(&mut self, w: &Words<'a>) {
        for m in &self.found.mentions {
            if m.kind != EntityKind::Person || m.index >= self.names.len() {
                continue;
            }
            let (name, gender) = &self.names[m.index];
            if name.contains(' ') || gender.is_none() {
                continue;
            }
            let k = w.toks.partition_point(|t| t.span[0] < m.span[1]);
            if k >= w.toks.len() || !w.is_cap(k) || w.inside(k) || w.cue(k).is_some() {
                continue;
            }
            let at = w.toks[k].span;
            let claimed = self
                .found
                .mentions
                .iter()
                .any(|o| o.span[0] < at[1] && at[0] < o.span[1]);
            let last = surname(w.word(k));
            if claimed
                || w.has(
                    k,
                    lexicon::TITLE | lexicon::ORG | lexicon::PLACE | lexicon::CLAUSE,
                )
                || self.by_surname.contains_key(last)
                || !w.text[m.span[1]..at[0]].chars().all(|c| c == ' ')
            {
                continue;
            }
            self.names[m.index].0 = format!("{name} {last}");
            self.by_surname.insert(last, m.index);
        }
    }

    /// Fallback person detection: runs of capitalised words, titles stripped; a run
    /// is a person when its first name has a known gender, a person title precedes
    /// it, or its surname is one of such a person's.
    pub(super) fn index_names(&mut self, w: &Words<'a>) {
        let n = w.toks.len();
        let mut runs: Vec<(usize, usize)> = Vec::new();
        // Headlines in title case run names and verbs together: leave them out.
        let headline: Vec<bool> = self
            .sents
            .iter()
            .map(|&[lo, hi]| {
                let words = (lo..hi).filter(|&k| w.is_word(k) && w.word(k).len() > 3);
                let (all, caps) =
                    words.fold((0, 0), |(a, c), k| (a + 1, c + usize::from(w.is_cap(k))));
                all >= 5 && caps * 5 >= all * 4
            })
            .collect();
        let mut sent = 0;
        let mut i = 0;
        while i < n {
            while sent + 1 < self.sents.len() && self.sents[sent][1] <= i {
                sent += 1;
            }
            if !w.is_cap(i) || headline.get(sent).copied().unwrap_or(false) {
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
                if w.is_word(s) && w.has(s, lexicon::TITLE) {
                    titled = titled.or(Some(names::gender_bits(w.cls(s))));
                }
                s += 1;
            }
            // A title inside the run ends the part before the name (`Ohio Democratic
            // Party Chairman David Pepper`); a known first name starts it.
            if let Some(t) = (s..k)
                .rev()
                .find(|&j| w.is_word(j) && w.has(j, lexicon::TITLE))
            {
                titled = titled.or(Some(names::gender_bits(w.cls(t))));
                s = t + 1;
                while s < k && w.punct(s) == Some('.') {
                    s += 1;
                }
            }
            if s < k
                && names::gender_bits(w.cls(s)).is_none()
                && let Some(j) =
                    (s..k - 1).find(|&j| w.is_word(j) && names::gender_bits(w.cls(j)).is_some())
            {
                s = j;
            }
            let shouting =
                (s..k).all(|j| !w.is_word(j) || w.word(j).chars().all(|c| !c.is_lowercase()));
            if s < k && !shouting {
                let g = names::gender_bits(w.cls(s)).or(titled.flatten());
                let org = (s..k)
                    .any(|j| w.is_word(j) && (w.has(j, lexicon::ORG) || w.has(j, lexicon::PLACE)));
                if g.is_some() || titled.is_some() {
                    self.register(w, s, k, g, false);
                } else if (2..=3).contains(&(k - s)) && !org {
                    // Perhaps a person: kept if a pronoun later tells the gender.
                    self.register(w, s, k, None, true);
                }
                runs.push((s, k));
            }
            i = k.max(i + 1);
        }
        // Single surnames of known people count as mentions of them.
        for (s, k) in runs {
            if let Some(&idx) = self.by_surname.get(surname(w.word(k - 1))) {
                self.persons.push(PersonMention {
                    tok: s,
                    end: k,
                    name: idx,
                });
            }
        }
    }

    /// Gives people whose first name tells nothing the gender of the pronoun that
    /// follows their mentions: the first `he`/`she`/`his`/`her` later in the sentence,
    /// or the pronoun opening the next sentence when they were the subject. The
    /// majority over all mentions decides.
    pub(super) fn infer_genders(&mut self, w: &Words<'_>) {
        let mut votes = vec![(0u32, 0u32); self.names.len()];
        for m in &self.persons {
            if self.names[m.name].1.is_some() {
                continue;
            }
            let t = self.sents.partition_point(|s| s[1] <= m.tok);
            let Some(&[_, hi]) = self.sents.get(t) else {
                continue;
            };
            // `he said` after a mention is most often someone else quoting it.
            let in_sentence = (m.tok + 1..hi)
                .filter(|&k| w.is_word(k) && !w.inside(k))
                .filter(|&k| !(k + 1 < hi && w.is_word(k + 1) && w.cue(k + 1).is_some()))
                .find_map(|k| pronoun_gender(w.word(k)));
            let is_subject =
                self.subjects[t].is_some_and(|st| m.tok >= st && m.tok < self.subject_ends[t]);
            let next = (is_subject && t + 1 < self.sents.len())
                .then(|| {
                    self.subjects[t + 1]
                        .filter(|&st| !w.inside(st))
                        .and_then(|st| pronoun_gender(w.word(st)))
                })
                .flatten();
            match in_sentence.or(next) {
                Some(Gender::Male) => votes[m.name].0 += 1,
                Some(Gender::Female) => votes[m.name].1 += 1,
                None => {}
            }
        }
        for (i, (male, female)) in votes.into_iter().enumerate() {
            if self.names[i].1.is_none() && male != female {
                self.names[i].1 = Some(if male > female {
                    Gender::Male
                } else {
                    Gender::Female
                });
            }
        }
    }

    /// Records a full person name (tokens `[s, k)`).
    fn register(&mut self, w: &Words<'a>, s: usize, k: usize, g: Option<Gender>, tentative: bool) {
        let last = surname(w.word(k - 1));
        let end = w.toks[k - 1].span[0] + last.len();
        let full = &w.text[w.toks[s].span[0]..end];
        match self.by_surname.get(last) {
            Some(&idx) if self.names[idx].0.len() >= full.len() => {
                if self.names[idx].1.is_none() {
                    self.names[idx].1 = g;
                }
                self.tentative[idx] &= tentative;
            }
            Some(&idx) => {
                let old = self.names[idx].1;
                self.names[idx] = (full.to_string(), g.or(old));
                self.tentative[idx] &= tentative;
            }
            None => {
                self.names.push((full.to_string(), g));
                self.tentative.push(tentative);
                self.by_surname.insert(last, self.names.len() - 1);
            }
        }
    }
}
