//! Attribution clauses read off the tokens: the speaker phrase next to a reporting
//! verb, and where the reported words begin after it.
//!
//! There is no parser here, only the few shapes news prose uses over and over:
//! `X said`, `X, the Pentagon chief, said`, `said X`, `X told reporters that ...`,
//! `X said in a statement: ...`, `according to X`. Each function takes token indices
//! into one [`Words`] and bounds `[lo, hi)` (usually the sentence) it must stay in.

use super::lexicon::{self, CueKind, Pronoun};
use crate::extract::Span;
use crate::extract::segment::{Token, TokenKind};

/// Token flag: a quotation mark that opens or closes a region.
pub const MARK: u8 = 1;
/// Token flag: inside the quoted text of a region.
pub const INSIDE: u8 = 2;

/// The tokens of the text, with what the quote finder knows of each.
pub struct Words<'a> {
    pub text: &'a str,
    pub toks: Vec<Token>,
    pub flags: Vec<u8>,
    /// The [`lexicon`] class bits of every token, looked up once.
    cls: Vec<u32>,
}

/// What kind of speaker a phrase names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PhraseKind {
    Pronoun(Pronoun),
    /// Ends in a proper name (`Defense Secretary Lloyd Austin`, `the Pentagon`).
    Name,
    /// A common noun phrase (`a senior official`, `Al-Sudanis’ office`).
    Nominal,
}

/// A speaker phrase: tokens `[start, end)`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Phrase {
    pub start: usize,
    pub end: usize,
    pub kind: PhraseKind,
}

/// Class bit (beside the lexicon's): a word with an upper-case first letter.
const CAP: u32 = 1 << 31;

impl<'a> Words<'a> {
    /// Wraps the tokens of `text`, looking every word up in the lexicon once.
    pub fn new(text: &'a str, toks: Vec<Token>, flags: Vec<u8>) -> Words<'a> {
        let cls = toks
            .iter()
            .map(|t| {
                if t.kind != TokenKind::Word {
                    return 0;
                }
                let w = t.text(text);
                let first = w.chars().next();
                let cap = if first.is_some_and(char::is_uppercase) {
                    CAP
                } else {
                    0
                };
                lexicon::classes(w) | cap
            })
            .collect();
        Words {
            text,
            toks,
            flags,
            cls,
        }
    }

    /// The lexicon class bits of token `i` (0 for punctuation and numbers).
    pub fn cls(&self, i: usize) -> u32 {
        self.cls[i]
    }

    /// True when token `i` is in any of the lexicon classes `bits`.
    pub fn has(&self, i: usize, bits: u32) -> bool {
        self.cls[i] & bits != 0
    }

    /// The reporting verb token `i` is, if any.
    pub fn cue(&self, i: usize) -> Option<CueKind> {
        lexicon::cue_of(self.cls[i])
    }

    pub fn word(&self, i: usize) -> &'a str {
        self.toks[i].text(self.text)
    }

    pub fn span(&self, from: usize, to: usize) -> Span {
        [self.toks[from].span[0], self.toks[to - 1].span[1]]
    }

    pub fn is_word(&self, i: usize) -> bool {
        self.toks[i].kind == TokenKind::Word
    }

    /// A word with an upper-case first letter.
    pub fn is_cap(&self, i: usize) -> bool {
        self.cls[i] & CAP != 0
    }

    /// The character of a punctuation token.
    pub fn punct(&self, i: usize) -> Option<char> {
        match self.toks[i].kind {
            TokenKind::Punct => self.word(i).chars().next(),
            _ => None,
        }
    }

    pub fn is_mark(&self, i: usize) -> bool {
        self.flags[i] & MARK != 0
            || matches!(self.punct(i), Some('“' | '”' | '"' | '«' | '»' | '„'))
    }

    pub fn inside(&self, i: usize) -> bool {
        self.flags[i] & INSIDE != 0
    }

    pub(super) fn is_lower_word(&self, i: usize, w: &str) -> bool {
        self.is_word(i) && self.word(i).eq_ignore_ascii_case(w)
    }

    /// Skips back over adverbs and auxiliaries before `i` (exclusive); returns the
    /// index of the last token not skipped, or `None` if none is left above `lo`.
    fn skip_adverbs_back(&self, i: usize, lo: usize) -> Option<usize> {
        let mut e = i;
        while e > lo {
            let j = e - 1;
            if self.is_word(j) && !self.is_cap(j) && lexicon::is_adverb(self.word(j)) {
                e = j;
            } else {
                return Some(j);
            }
        }
        None
    }

    /// The speaker phrase ending right before the verb at `cue`, allowing adverbs
    /// (`also said`) and one interposed phrase between commas (`Austin, the Pentagon
    /// chief, said`; `the office, meanwhile, said`).
    pub fn speaker_before(&self, cue: usize, lo: usize) -> Option<Phrase> {
        let mut e = self.skip_adverbs_back(cue, lo)?;
        if self.punct(e) != Some(',') {
            return self.phrase_ending_at(e, lo);
        }
        // Up to three interposed phrases: `X, the foreign minister of France, a
        // member of the council, said`.
        for _ in 0..3 {
            let k = self.comma_before(e, lo)?;
            let p = self.phrase_ending_at(k - 1, lo)?;
            let first = self.word(p.start);
            let lower_det = lexicon::is_determiner(first) && !self.is_cap(p.start);
            let appositive = (p.kind == PhraseKind::Nominal || lower_det)
                && p.start > lo
                && self.punct(p.start - 1) == Some(',')
                && (lexicon::is_determiner(first)
                    || (p.start..p.end).any(|k| {
                        let w = self.word(k);
                        w.ends_with("’s") || w.ends_with("'s")
                    }));
            if !appositive {
                return Some(p);
            }
            e = p.start - 1;
        }
        None
    }

    /// The comma that opens the phrase interposed before the comma at `e`, if the
    /// phrase is short and holds no stronger punctuation.
    fn comma_before(&self, e: usize, lo: usize) -> Option<usize> {
        let floor = e.saturating_sub(14).max(lo);
        let mut k = e;
        while k > floor {
            k -= 1;
            let abbrev_dot = self.punct(k) == Some('.') && k > lo && self.is_word(k - 1);
            if self.is_mark(k) || matches!(self.punct(k), Some(';' | ':')) {
                return None;
            }
            if self.punct(k) == Some('.') && !abbrev_dot {
                return None;
            }
            if self.punct(k) == Some(',') {
                return (k + 1 < e && k > lo).then_some(k);
            }
        }
        None
    }

    /// The noun phrase whose last token is `e`, walking back to a boundary.
    pub fn phrase_ending_at(&self, e: usize, lo: usize) -> Option<Phrase> {
        if e < lo {
            return None;
        }
        if self.is_word(e)
            && let Some(p) = lexicon::pronoun(self.word(e))
        {
            return Some(Phrase {
                start: e,
                end: e + 1,
                kind: PhraseKind::Pronoun(p),
            });
        }
        let mut start = e + 1;
        let mut words = 0;
        let mut j = e as isize;
        while j >= lo as isize {
            let i = j as usize;
            match self.toks[i].kind {
                TokenKind::Word => {
                    let w = self.word(i);
                    let c = self.cls(i);
                    let and_between_names =
                        w == "and" && i > lo && self.is_cap(i - 1) && i < e && self.is_cap(i + 1);
                    let participle = w.len() > 5
                        && w.ends_with("ing")
                        && !self.is_cap(i)
                        && !c & lexicon::ADJECTIVE_ING != 0;
                    let preposition = c & lexicon::PREPOSITION != 0
                        && !self.is_cap(i)
                        && !matches!(w, "of" | "for" | "at" | "from");
                    if (c & lexicon::CLAUSE != 0 && !and_between_names)
                        || preposition
                        || participle
                        || lexicon::cue_of(c).is_some()
                        || c & lexicon::PRONOUN != 0
                        || (w == "according")
                    {
                        break;
                    }
                    words += 1;
                    if words > 9 {
                        return None;
                    }
                    start = i;
                }
                TokenKind::Number => break,
                TokenKind::Punct => {
                    let c = self.punct(i).unwrap_or(' ');
                    let ok = match c {
                        '.' => {
                            i > lo
                                && self.is_word(i - 1)
                                && (self.has(i - 1, lexicon::TITLE)
                                    || self.word(i - 1).chars().count() == 1)
                                && self.is_cap(i - 1)
                        }
                        '’' | '\'' => {
                            !self.is_mark(i)
                                && i > lo
                                && self.is_word(i - 1)
                                && self.word(i - 1).ends_with('s')
                        }
                        ')' => {
                            // Skip a parenthesis: `Sen. Jane Doe (D-Mass.)`.
                            let mut k = i;
                            let floor = i.saturating_sub(8).max(lo);
                            while k > floor && self.punct(k) != Some('(') {
                                k -= 1;
                            }
                            if self.punct(k) != Some('(') || k == i {
                                break;
                            }
                            j = k as isize - 1;
                            continue;
                        }
                        '&' | '-' => true,
                        _ => false,
                    };
                    if !ok {
                        break;
                    }
                    start = i;
                }
            }
            j -= 1;
        }
        while start <= e && !self.is_word(start) {
            start += 1;
        }
        if start > e {
            return None;
        }
        // `Earlier this week the candidate`: begin at the last determiner that does
        // not follow `of`.
        for k in (start + 1..=e).rev() {
            if self.is_word(k)
                && !self.is_cap(k)
                && self.has(k, lexicon::DETERMINER)
                && !matches!(self.word(k - 1), "of" | "for" | "at" | "from")
            {
                start = k;
                break;
            }
        }
        self.classify(start, e + 1)
    }

    /// Decides what a candidate speaker phrase is, or that it is none.
    fn classify(&self, start: usize, end: usize) -> Option<Phrase> {
        let mut last = end - 1;
        if self.punct(last) == Some(')') {
            while last > start && self.punct(last) != Some('(') {
                last -= 1;
            }
            last = last.checked_sub(1)?;
        }
        while last > start && !self.is_word(last) {
            last -= 1;
        }
        let first = self.word(start);
        let kind = if self.is_cap(last) && !self.has(last, lexicon::SPEAKER_NOUN) {
            PhraseKind::Name
        } else if lexicon::is_determiner(first)
            || self.has(last, lexicon::SPEAKER_NOUN)
            || (start..=last).any(|i| self.is_cap(i))
        {
            PhraseKind::Nominal
        } else {
            return None;
        };
        Some(Phrase { start, end, kind })
    }

    /// The speaker phrase right after the verb (`said Austin`, `said the official`):
    /// it must end at punctuation, the bound, or a phrase of time or place.
    pub fn speaker_after(&self, from: usize, hi: usize) -> Option<Phrase> {
        if from >= hi || (self.is_word(from) && self.has(from, lexicon::TIME)) {
            return None;
        }
        let mut i = from;
        let mut words = 0;
        let mut lower = 0;
        while i < hi {
            match self.toks[i].kind {
                TokenKind::Word => {
                    let w = self.word(i);
                    let c = self.cls(i);
                    if i > from
                        && (c & lexicon::PREPOSITION != 0 || c & lexicon::TIME != 0)
                        && !matches!(w, "of" | "for" | "at")
                    {
                        break;
                    }
                    if !self.is_cap(i) && !matches!(w, "of" | "for" | "the" | "at") {
                        // A speaker phrase has few common words (`the agency's director`)
                        // and no verb (`Ann Lee's statement didn't ...`).
                        lower += 1;
                        if lower > 3 || w.contains("n't") || w.contains("n’t") {
                            return None;
                        }
                    }
                    if c & lexicon::CLAUSE != 0 || lexicon::cue_of(c).is_some() {
                        if i == from && c & lexicon::PRONOUN != 0 {
                            i += 1;
                            break;
                        }
                        return None;
                    }
                    words += 1;
                    if words > 8 {
                        return None;
                    }
                }
                TokenKind::Punct => {
                    let c = self.punct(i).unwrap_or(' ');
                    let title_dot = c == '.'
                        && i > from
                        && self.is_cap(i - 1)
                        && (self.has(i - 1, lexicon::TITLE)
                            || self.word(i - 1).chars().count() == 1)
                        && i + 1 < hi
                        && self.is_cap(i + 1);
                    let slash = c == '/' && i > from && self.toks[i - 1].kind == TokenKind::Number;
                    if !(title_dot
                        || slash
                        || (c == '’' && !self.is_mark(i))
                        || c == '-'
                        || c == '&')
                    {
                        break;
                    }
                }
                // `said 9/11 widow Jane Doe`
                TokenKind::Number
                    if i + 1 < hi && !matches!(self.punct(i + 1), Some(',' | '.')) => {}
                TokenKind::Number => break,
            }
            i += 1;
        }
        if i == from {
            return None;
        }
        let p = self.classify(from, i)?;
        if let PhraseKind::Pronoun(_) = p.kind {
            return Some(p);
        }
        if i == from + 1
            && let Some(pr) = lexicon::pronoun(self.word(from))
        {
            return Some(Phrase {
                start: from,
                end: i,
                kind: PhraseKind::Pronoun(pr),
            });
        }
        Some(p)
    }

    /// The subject at the start of `[lo, hi)`: a pronoun or a name, for participles
    /// (`Trump spoke Tuesday, saying ...`).
    pub fn subject_at(&self, lo: usize, hi: usize) -> Option<Phrase> {
        let mut i = lo;
        while i < hi && !self.is_word(i) {
            i += 1;
        }
        if i >= hi {
            return None;
        }
        if let Some(p) = lexicon::pronoun(self.word(i)) {
            return Some(Phrase {
                start: i,
                end: i + 1,
                kind: PhraseKind::Pronoun(p),
            });
        }
        let mut k = i;
        if self.is_lower_word(i, "the") {
            k += 1;
        }
        let names = k;
        while k < hi && (self.is_cap(k) || (self.punct(k) == Some('.') && self.is_cap(k - 1))) {
            if self.has(k, lexicon::DETERMINER) && k > i {
                break;
            }
            k += 1;
        }
        if k == names || self.has(names, lexicon::DETERMINER) {
            return self.nominal_subject(i, hi);
        }
        // A lone sentence-opening word that is a function word is no subject.
        let w = self.word(i);
        if k == i + 1
            && (lexicon::is_time_word(w)
                || lexicon::is_preposition(w)
                || lexicon::is_clause_word(w)
                || lexicon::is_adverb(w)
                || w.ends_with("ly"))
        {
            return None;
        }
        self.classify(i, k)
    }

    /// `The conservative publication has ...`: a determiner, at most three more words,
    /// then a word that reads as the verb.
    fn nominal_subject(&self, i: usize, hi: usize) -> Option<Phrase> {
        if !self.has(i, lexicon::DETERMINER) {
            return None;
        }
        let mut k = i + 1;
        while k < hi && k <= i + 4 && self.is_word(k) {
            let w = self.word(k);
            let verbish = matches!(
                w,
                "has" | "have" | "had" | "is" | "was" | "are" | "were" | "will" | "would" | "also"
            ) || (k > i + 1
                && !self.is_cap(k)
                && (w.ends_with("ed") || w.ends_with("es")));
            if verbish {
                return (k > i + 1).then_some(Phrase {
                    start: i,
                    end: k,
                    kind: PhraseKind::Nominal,
                });
            }
            k += 1;
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::quotes::complement::Intro;
    use crate::extract::segment::tokens;

    fn words(text: &str) -> Words<'_> {
        let toks = tokens(text, [0, text.len()]);
        let flags = vec![0; toks.len()];
        Words::new(text, toks, flags)
    }

    fn cue_at(w: &Words<'_>, word: &str) -> usize {
        (0..w.toks.len()).find(|&i| w.word(i) == word).unwrap()
    }

    fn phrase_text<'a>(w: &Words<'a>, p: Phrase) -> &'a str {
        let s = w.span(p.start, p.end);
        &w.text[s[0]..s[1]]
    }

    #[test]
    fn speaker_before_skips_an_appositive() {
        let w = words("We stay, Austin, the Pentagon chief, said.");
        let p = w.speaker_before(cue_at(&w, "said"), 0).unwrap();
        assert_eq!(phrase_text(&w, p), "Austin");
        assert_eq!(p.kind, PhraseKind::Name);
    }

    #[test]
    fn speaker_before_skips_adverbs_and_keeps_titles() {
        let w = words("Defense Secretary Lloyd Austin also said the plan works.");
        let p = w.speaker_before(cue_at(&w, "said"), 0).unwrap();
        assert_eq!(phrase_text(&w, p), "Defense Secretary Lloyd Austin");
    }

    #[test]
    fn speaker_before_reads_a_possessive_nominal() {
        let w = words("The mayors’ office, meanwhile, said talks went on.");
        let p = w.speaker_before(cue_at(&w, "said"), 0).unwrap();
        assert_eq!(phrase_text(&w, p), "The mayors’ office");
        assert_eq!(p.kind, PhraseKind::Nominal);
    }

    #[test]
    fn speaker_after_stops_at_a_time_phrase() {
        let w = words("said Sen. Jane Doe on Tuesday.");
        let p = w.speaker_after(1, w.toks.len()).unwrap();
        assert_eq!(phrase_text(&w, p), "Sen. Jane Doe");
    }

    #[test]
    fn complement_skips_object_and_statement_phrase() {
        let w = words("told reporters in a statement that troops stay.");
        let (i, intro) = w.complement(1, w.toks.len(), CueKind::Tell).unwrap();
        assert_eq!(w.word(i), "troops");
        assert_eq!(intro, Intro::That);
    }

    #[test]
    fn a_place_phrase_is_a_tail_not_a_complement() {
        let w = words("told reporters after meeting the minister.");
        assert!(w.is_tail(1, w.toks.len(), CueKind::Tell));
        let w = words("said these forces stay.");
        assert!(!w.is_tail(1, w.toks.len(), CueKind::Say));
    }
}
