//! What follows a reporting verb: past its object (`told reporters`), time words
//! and phrases like `in a statement`, to where the reported words begin — or the
//! finding that nothing reported follows (`..., he said Tuesday.`).

use super::clause::Words;
use super::lexicon::{self, CueKind};
use crate::extract::segment::TokenKind;

/// How the reported words are joined to the verb before them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Intro {
    /// `said that ...`
    That,
    /// `said: ...`
    Colon,
    /// `said, We ...` (a quotation whose marks were stripped).
    Comma,
    /// `said “...`
    Mark,
    /// `said the troops ...`
    Bare,
}

const OBJECT_WORDS: &[&str] = &[
    "reporters",
    "journalists",
    "supporters",
    "him",
    "her",
    "them",
    "me",
    "us",
    "you",
    "lawmakers",
    "students",
    "voters",
    "viewers",
    "listeners",
    "congress",
    "parliament",
];

impl Words<'_> {
    /// Where the reported words begin after a verb ending at `after` (exclusive), if
    /// the verb introduces any: past an object (`told reporters`), time words and
    /// phrases like `in a statement`, to `that`, a colon, a mark or a bare clause.
    pub fn complement(&self, after: usize, hi: usize, kind: CueKind) -> Option<(usize, Intro)> {
        let mut i = after;
        if kind == CueKind::Tell && i < hi {
            i = self.skip_object(i, hi);
        }
        let mut skipped_pp = false;
        while i < hi && self.is_word(i) {
            let w = self.word(i);
            let c = self.cls(i);
            if c & lexicon::TIME != 0 && !w.eq_ignore_ascii_case("that") {
                i += 1;
            } else if c & lexicon::PREPOSITION != 0 {
                // Look ahead for `that` or a comma that ends the phrase.
                let mut k = i + 1;
                let stop = (i + 12).min(hi);
                while k < stop && !self.is_mark(k) {
                    if self.is_lower_word(k, "that") || matches!(self.punct(k), Some(',' | ':')) {
                        break;
                    }
                    if self.is_word(k) && self.cue(k).is_some() {
                        return None;
                    }
                    k += 1;
                }
                if k >= stop || self.is_mark(k) {
                    return None;
                }
                i = k;
                skipped_pp = true;
            } else {
                break;
            }
        }
        if i >= hi {
            return None;
        }
        if self.is_mark(i) {
            return Some((i, Intro::Mark));
        }
        match self.punct(i) {
            Some(':') if i + 1 < hi => return Some((i + 1, Intro::Colon)),
            Some(',') if i + 1 < hi => {
                return if self.is_mark(i + 1) {
                    Some((i + 1, Intro::Mark))
                } else if self.is_cap(i + 1) && self.cue(i + 1).is_none() {
                    Some((i + 1, Intro::Comma))
                } else {
                    None
                };
            }
            Some(_) => return None,
            None => {}
        }
        let w = self.word(i);
        if w.eq_ignore_ascii_case("that") {
            // `said that “...”`: the quotation itself begins after `that`.
            if i + 1 < hi && self.is_mark(i + 1) {
                return Some((i + 1, Intro::Mark));
            }
            return (i + 1 < hi && self.is_word(i + 1)).then_some((i + 1, Intro::That));
        }
        if skipped_pp || kind == CueKind::Weak || kind == CueKind::According {
            return None;
        }
        let clause_start = lexicon::pronoun(w).is_some()
            || lexicon::is_determiner(w)
            || self.is_cap(i)
            || self.toks[i].kind == TokenKind::Number
            || matches!(
                w,
                "there" | "if" | "whether" | "how" | "why" | "what" | "no" | "nobody" | "none"
            );
        let words_left = (i..hi).filter(|&k| self.is_word(k)).count();
        (clause_start && !lexicon::is_preposition(w) && words_left >= 3).then_some((i, Intro::Bare))
    }

    /// Skips the object of `told`: a pronoun, `reporters`, a name, or a short phrase.
    fn skip_object(&self, i: usize, hi: usize) -> usize {
        let w = self.word(i);
        if OBJECT_WORDS.iter().any(|o| w.eq_ignore_ascii_case(o)) {
            return i + 1;
        }
        let mut k = i;
        if lexicon::is_determiner(w) && !w.eq_ignore_ascii_case("that") {
            k += 1;
            let stop = (k + 4).min(hi);
            while k < stop && self.is_word(k) && !self.has(k, lexicon::CLAUSE) {
                k += 1;
                if k < hi && self.is_lower_word(k, "that") {
                    break;
                }
            }
            return k;
        }
        while k < hi
            && (self.is_cap(k)
                || (self.punct(k) == Some('.') && k > i && self.is_cap(k - 1))
                || (self.punct(k) == Some('’') && !self.is_mark(k)))
        {
            k += 1;
        }
        k
    }

    /// True when the verb's right side ends the attribution: nothing more, a comma
    /// and a phrase that is not what was said, or a phrase of time or place.
    pub fn is_tail(&self, after: usize, hi: usize, kind: CueKind) -> bool {
        if after >= hi {
            return true;
        }
        match self.punct(after) {
            Some('.' | '!' | '?' | ';') => return true,
            Some(',') => {
                return after + 1 >= hi || !self.is_cap(after + 1) || self.is_mark(after + 1);
            }
            _ => {}
        }
        self.complement(after, hi, kind).is_none()
    }
}
