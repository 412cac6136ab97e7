//! Evidence from around a name: the title or role before it, an apposition after it
//! (`Austin, the Pentagon chief,`), reporting and sports verbs, place prepositions, and
//! the words of the name itself (`Ministry`, `River`, a given name, an initial).

use super::super::words;
use super::{Candidate, Reader, Role};
use crate::extract::knowledge::{EntityKind, Title};
use crate::extract::segment::TokenKind;

impl<'a> Reader<'a> {
    /// Makes `c` a person with the role `role`.
    pub(super) fn add_role(&self, c: &mut Candidate, role: Option<Role<'_>>) {
        let Some((from, title_start, to, title)) = role else {
            return;
        };
        c.evidence.person += 12;
        if title.honorific {
            return;
        }
        let start = self.toks[from].span[0];
        c.role = Some(match &title.role {
            // The abbreviated title is replaced: `former Gen.` → `former General`.
            Some(expansion) => {
                let head = &self.text[start..self.toks[title_start].span[0]];
                format!("{head}{expansion}")
            }
            None => self.text[start..self.toks[to - 1].span[1]].to_string(),
        });
    }

    /// A title in lower case right before `start` (`spokesman John Kirby`): its tokens
    /// and its entry.
    pub(super) fn title_before(&self, start: usize) -> Option<(usize, usize, &'a Title)> {
        let mut best = None;
        let mut key_buf = self.scratch.borrow_mut();
        for k in 1..=4.min(start) {
            let s = start - k;
            if !self.is_word(s) && self.word(s) != "." {
                break;
            }
            key_buf.clear();
            for t in s..start {
                if t > s {
                    key_buf.push(' ');
                }
                key_buf.push_str(self.key(t));
            }
            if let Some(title) = self.kb.title(&key_buf) {
                best = Some((s, start, title));
            }
        }
        best
    }

    /// Extends a role's start over modifiers before it: `former`, `acting`, `Iraqi`.
    pub(super) fn extend_role_left(&self, mut from: usize) -> usize {
        while from > 0 && self.is_word(from - 1) {
            let w = self.word(from - 1);
            let modifier = words::is_role_modifier(self.key(from - 1))
                || (w.starts_with(char::is_uppercase) && {
                    let mut buf = self.scratch.borrow_mut();
                    let m = self
                        .kb
                        .match_at(self.text, self.toks, &self.keys, from - 1, &mut buf);
                    m.demonym.is_some_and(|d| d.0 == 1) || m.entity.is_some_and(|d| d.0 == 1)
                });
            if !modifier {
                break;
            }
            from -= 1;
        }
        from
    }

    /// False for unknown names that name no entity: events and things (`World Cup`,
    /// `Gulf War`), a lone organisation or place word (`Stadium`), bare initials.
    pub(super) fn may_name(&self, s: usize, e: usize) -> bool {
        let last = self.key(e - 1);
        if words::is_event_word(last) {
            return false;
        }
        if e - s == 1 && (words::is_org_word(last) || words::is_place_word(last)) {
            return false;
        }
        // `African-American`, `Iraqi-Kurdish`: compounds of peoples are no names.
        if e - s == 1 && last.contains('-') {
            let first = last.split('-').next().unwrap_or("");
            if self.kb.is_misc(first) || self.kb.is_demonym(first) {
                return false;
            }
        }
        (s..e).any(|k| self.is_word(k) && self.word(k).chars().nth(1).is_some())
    }

    /// Evidence from the words of an unknown name itself.
    pub(super) fn classify(&self, c: &mut Candidate, s: usize, e: usize) {
        let first = self.key(s);
        let last = self.key(e - 1);
        let n = e - s;
        if (s..e).any(|k| words::is_org_word(self.key(k))) {
            c.evidence.org += if words::is_org_word(last) { 8 } else { 5 };
        }
        // `Tigris River`, and `Lake Victoria`, `Gare de Lyon`.
        if n >= 2 && (words::is_place_word(last) || words::is_place_word(first)) {
            c.evidence.place += 6;
        }
        if self.kb.is_first_name(first) {
            c.evidence.person += if n >= 2 { 5 } else { 1 };
        }
        if n >= 2 && self.kb.is_surname(last) {
            c.evidence.person += 2;
        }
        if n >= 2 && self.is_initial_letter(s) {
            c.evidence.person += 4;
        }
        let w = self.word(s);
        if n == 1 && w.len() >= 2 && w.len() <= 6 && !w.chars().any(char::is_lowercase) {
            c.evidence.org += 3;
        }
        if n >= 2 {
            c.evidence.person += 1;
        }
    }

    /// Evidence from the words around a name.
    pub(super) fn add_context(&self, c: &mut Candidate, s: usize, e: usize) {
        if let Some(p) = s.checked_sub(1).filter(|&p| self.is_word(p)) {
            let k = self.key(p);
            if words::is_place_preposition(k) {
                c.evidence.place += 2;
            } else if k == "the" {
                // `in the Pyrenees` names a place, `the Taliban said` more often a group.
                let after_preposition = p
                    .checked_sub(1)
                    .is_some_and(|q| self.is_word(q) && words::is_place_preposition(self.key(q)));
                if after_preposition {
                    c.evidence.place += 2;
                } else {
                    c.evidence.org += 2;
                }
            } else if words::is_reporting_verb(k) {
                c.evidence.person += 3;
            }
        }
        let after_name = if c.stripped_s { e + 1 } else { e };
        // The agency of a dateline: `BAGHDAD, March 7 (Reuters) -`.
        let in_brackets = s > 0
            && self.word(s - 1) == "("
            && after_name + 1 < self.toks.len()
            && self.word(after_name) == ")"
            && matches!(self.word(after_name + 1), "-" | "—" | "–");
        if in_brackets && c.known.is_none() {
            c.evidence.org += 6;
        }
        // `Mayor Zelda Quorn of Harwick said`: the name after a name's `of` is where
        // that person is from (or whom they work for); the verb is the person's.
        let affiliation = s >= 2
            && self.is_word(s - 1)
            && self.key(s - 1) == "of"
            && self.is_word(s - 2)
            && self
                .word(s - 2)
                .chars()
                .next()
                .is_some_and(char::is_uppercase);
        if self.is_word(after_name) && !affiliation {
            let k = self.key(after_name);
            if words::is_reporting_verb(k) {
                c.evidence.person += 3;
            }
        }
        // Teams named after their towns: `Leeds beat Chelsea`, `Houston 69 62`. Countries
        // stay places (national teams are places by CoNLL's convention).
        let town = match c.known {
            Some(id) => {
                let e = self.kb.entity(id);
                e.kind == EntityKind::Place && !e.country
            }
            None => c.tokens == 1 && c.evidence.person <= 1 && c.evidence.place < 4,
        };
        if town {
            let verb_before = s
                .checked_sub(1)
                .is_some_and(|p| self.is_word(p) && words::is_sports_verb(self.key(p)));
            let verb_after =
                self.is_word(after_name) && words::is_sports_verb(self.key(after_name));
            let score_after = (c.known.is_some() || self.table_row)
                && self.numbers >= 2
                && after_name < self.toks.len()
                && self.toks[after_name].kind == TokenKind::Number;
            // A lone given name is weak evidence, enough only without a sports verb.
            let score_after = score_after && c.evidence.person == 0;
            if verb_before || verb_after || score_after {
                c.evidence.org += 25;
            }
        }
        // `Leeds, England`: a name followed by a known place after a comma is a place.
        if after_name + 1 < self.toks.len() && self.word(after_name) == "," {
            let mut buf = self.scratch.borrow_mut();
            let m = self
                .kb
                .match_at(self.text, self.toks, &self.keys, after_name + 1, &mut buf);
            drop(buf);
            if let Some((_, id)) = m.entity
                && self.kb.entity(id).kind == EntityKind::Place
                && c.known.is_none()
            {
                c.evidence.place += 4;
            }
            if let Some(role) = self.apposition(after_name + 1) {
                c.evidence.person += 6;
                if c.role.is_none() {
                    c.role = Some(role);
                }
            }
        }
    }

    /// A role before a comma that introduces the name: `Iraq’s water minister, Saad
    /// Ali, said` → `Iraq’s water minister`.
    pub(super) fn role_before_comma(&self, s: usize) -> Option<String> {
        if s < 2 || self.word(s - 1) != "," || !self.is_word(s - 2) {
            return None;
        }
        let title_end = s - 1;
        let one = self.kb.title(self.key(s - 2));
        if one.is_none_or(|t| t.honorific) {
            return None;
        }
        let mut from = s - 2;
        while from > 0 && title_end - from < 6 {
            let p = from - 1;
            let w = self.word(p);
            let stop = matches!(
                self.key(p),
                "the" | "a" | "an" | "its" | "his" | "her" | "their" | "our" | "said" | "says"
            );
            if stop || !(self.is_word(p) || matches!(w, "’" | "'")) {
                break;
            }
            from = p;
        }
        let role = &self.text[self.toks[from].span[0]..self.toks[s - 2].span[1]];
        Some(role.to_string())
    }

    /// A short apposition headed by a title: `, the Pentagon chief,` → `Pentagon chief`.
    pub(super) fn apposition(&self, start: usize) -> Option<String> {
        let mut s = start;
        if self.is_word(s) && matches!(self.key(s), "the" | "a" | "an") {
            s += 1;
        }
        let mut e = s;
        let mut has_title = false;
        while e < self.toks.len() && e - start < 8 {
            let w = self.word(e);
            // A relative clause ends the role: `a minister who heads the delegation`.
            if matches!(w, "," | "." | ";" | ")")
                || matches!(self.key(e), "who" | "whose" | "which" | "that" | "whom")
            {
                break;
            }
            if !self.is_word(e) && !matches!(w, "’" | "'") {
                return None;
            }
            if self.kb.title(self.key(e)).is_some_and(|t| !t.honorific) {
                has_title = true;
            }
            e += 1;
        }
        let closed = e == self.toks.len()
            || matches!(self.word(e), "," | "." | ";" | ")")
            || matches!(self.key(e), "who" | "whose" | "which" | "that" | "whom");
        if !has_title || !closed || e == s {
            return None;
        }
        Some(self.text[self.toks[s].span[0]..self.toks[e - 1].span[1]].to_string())
    }
}
