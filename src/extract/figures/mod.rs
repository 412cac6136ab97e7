//! Figures: numbers in digits and words, with what they count.
//!
//! A figure is an amount the article reports: `2,500 troops in Iraq`, `$1.2 billion`,
//! `15 percent`, `tens of thousands of Iraqi civilians`. Each sentence is read token by
//! token; at a number the reader takes, in order, a currency before it, the number
//! itself (digits, words, a vague amount or a fraction), a scale word (`million`), a
//! range (`between 300 and 400`, `300-400`), then what is counted after it (`percent`,
//! a currency, or the head of the noun run that follows), and widens the text over a
//! qualifier before it (`more than`) and a place after it (`in Iraq`).
//!
//! The choices, so that the annotation guidelines in `tests/gold/README.md` agree:
//! - exact amounts get a value (`a dozen` is 12, `a third` is 0.333…); vague ones
//!   (`dozens`, `tens of thousands`, `several hundred`) get `value: null`;
//! - a range's value is its low end, and its text covers both ends;
//! - `unit` is the counted noun as written (`troops`), `percent`, `percentage points`,
//!   or an ISO 4217 code for money (`USD`); a figure with no noun of its own that is
//!   coordinated with one that has (`2,500 troops in Iraq and 900 in Syria`) borrows it;
//! - not figures: years, days of the month, clock times, ordinals (`20th anniversary`
//!   is a rank, not a count), decades, ages, scores, durations (`three years`, which
//!   belong to the time extractor), labels (`Article 5`, `No. 3`), parts of names
//!   (`Boeing 737`), list numbering, and number words that count nothing or only
//!   refer (`one of them`, `the two sides`).

mod amount;
mod context;
mod lexicon;
mod number;
mod stopwords;

use std::borrow::Cow;

use super::segment::{SentenceTokens, Token, TokenKind};
use super::{Figure, Span};
use amount::{Form, currency_prefix, number_core, range_end};
use context::{counts, is_money, place_after, qualifier_before, unit_after, year_is_count};

/// Finds the figures of `text`, sentence by sentence.
pub fn find_figures(text: &str, sentences: &[Span]) -> Vec<Figure> {
    find_figures_in(text, sentences, &SentenceTokens::new(text, sentences))
}

/// [`find_figures`] over sentences already tokenized (see [`SentenceTokens`]).
pub fn find_figures_in(text: &str, sentences: &[Span], tokens: &SentenceTokens) -> Vec<Figure> {
    let mut out = Vec::new();
    let mut found = Vec::new();
    for (k, &sentence) in sentences.iter().enumerate() {
        if !lexicon::may_hold_figure(&text.as_bytes()[sentence[0]..sentence[1]]) {
            continue;
        }
        let toks = tokens.of(k);
        let s = Sentence { text, toks };
        found.clear();
        scan(&s, &mut found);
        share_units(&s, &mut found);
        for f in found.drain(..) {
            if f.unit.is_none() && f.needs_unit {
                continue;
            }
            let span = [toks[f.first].span[0], toks[f.last].span[1]];
            out.push(Figure {
                value: f.value,
                text: text[span[0]..span[1]].to_string(),
                unit: f.unit.map(Cow::into_owned),
                span,
            });
        }
    }
    out
}

/// One sentence's tokens over the text they point into.
struct Sentence<'a> {
    text: &'a str,
    toks: &'a [Token],
}

/// A lower-cased ASCII word: the token itself when it has no capitals (most words),
/// else a copy on the stack.
enum Key<'a> {
    Word(&'a str),
    Lowered([u8; 24], usize),
}

impl Key<'_> {
    fn as_str(&self) -> &str {
        match self {
            Key::Word(w) => w,
            Key::Lowered(buf, len) => std::str::from_utf8(&buf[..*len]).unwrap_or(""),
        }
    }
}

impl<'a> Sentence<'a> {
    fn len(&self) -> usize {
        self.toks.len()
    }

    fn str(&self, i: usize) -> &'a str {
        self.toks.get(i).map_or("", |t| t.text(self.text))
    }

    /// The token lower-cased, or an empty key for long or non-ASCII tokens.
    fn key(&self, i: usize) -> Key<'a> {
        let w = self.str(i);
        let (mut ascii, mut upper) = (true, false);
        for b in w.bytes() {
            ascii &= b.is_ascii();
            upper |= b.is_ascii_uppercase();
        }
        if !ascii || w.len() > 24 {
            return Key::Word("");
        }
        if !upper {
            return Key::Word(w);
        }
        let mut buf = [0u8; 24];
        let len = lexicon::lower(w, &mut buf).map_or(0, str::len);
        Key::Lowered(buf, len)
    }

    fn is(&self, i: usize, word: &str) -> bool {
        self.str(i).eq_ignore_ascii_case(word)
    }

    fn kind(&self, i: usize) -> Option<TokenKind> {
        self.toks.get(i).map(|t| t.kind)
    }

    fn capitalised(&self, i: usize) -> bool {
        self.kind(i) == Some(TokenKind::Word)
            && self.str(i).chars().next().is_some_and(char::is_uppercase)
    }

    /// True when no space separates tokens `i` and `i + 1`.
    fn glued(&self, i: usize) -> bool {
        match (self.toks.get(i), self.toks.get(i + 1)) {
            (Some(a), Some(b)) => a.span[1] == b.span[0],
            _ => false,
        }
    }
}

/// A figure found in a sentence, as token indices until it is emitted.
struct Found {
    /// First and last token of the figure's text.
    first: usize,
    last: usize,
    value: Option<f64>,
    unit: Option<Cow<'static, str>>,
    /// Number words and vague amounts are figures only with a unit.
    needs_unit: bool,
}

fn scan(s: &Sentence<'_>, found: &mut Vec<Found>) {
    let mut i = 0;
    let mut floor = 0;
    while i < s.len() {
        if !may_start_figure(s, i) {
            i += 1;
            continue;
        }
        match figure_at(s, i, floor) {
            Some(f) => {
                i = f.last + 1;
                floor = i;
                found.push(f);
            }
            None => i += 1,
        }
    }
}

/// A cheap first test of token `i`: digits, a currency symbol, or a word that can
/// open a figure. Most tokens fail it and never reach [`figure_at`].
fn may_start_figure(s: &Sentence<'_>, i: usize) -> bool {
    match s.kind(i) {
        Some(TokenKind::Number) => true,
        Some(TokenKind::Punct) => lexicon::currency_symbol("", s.str(i)).is_some(),
        Some(TokenKind::Word) => {
            let key = s.key(i);
            let w = key.as_str();
            lexicon::opens_figure(w)
                || (s.glued(i) && s.str(i + 1) == "$")
                || (w.len() > 6
                    && w.split_once('-')
                        .is_some_and(|(a, _)| lexicon::small_number(a).is_some()))
        }
        None => false,
    }
}

/// Reads a figure whose currency or number starts at token `i`; `floor` is the first
/// token the figure's text may widen back to.
fn figure_at(s: &Sentence<'_>, i: usize, floor: usize) -> Option<Found> {
    let (currency, at) = match currency_prefix(s, i) {
        Some((code, next)) => (Some(code), next),
        None => (None, i),
    };
    let mut core = number_core(s, at)?;
    if !counts(s, i, at, &core) {
        return None;
    }
    let mut first = i;
    let mut last = core.end - 1;
    // `magnitude 6.8`: the scale names the unit.
    if currency.is_none() && core.form == Form::Digits && i > floor && s.is(i - 1, "magnitude") {
        core.unit = Some("magnitude");
        first = i - 1;
    }
    // A range: `300 to 400`, `300-400`, `between 300 and 400`.
    let between = i > floor && s.is(i - 1, "between");
    if matches!(core.form, Form::Digits | Form::Words)
        && let Some((high, end)) = range_end(s, core.end, between, i > 0 && s.is(i - 1, "from"))
    {
        // `between 2 and 3 million`: the low end takes the high end's scale.
        let mut low = core.value.unwrap_or(0.0);
        if high.scale > 1.0 && core.scale == 1.0 {
            low *= high.scale;
        }
        if low <= high.value.unwrap_or(0.0) {
            core.value = Some(low);
            core.year_like = false;
            last = end - 1;
            if between {
                first = i - 1;
            }
        }
    }
    let after = last + 1;
    let (unit, unit_end, noun) = match (currency, core.unit) {
        (Some(code), _) => (Some(Cow::Borrowed(code)), after, None),
        (None, Some(u)) => (Some(Cow::Borrowed(u)), after, None),
        (None, None) => unit_after(s, after, core.form)?,
    };
    if core.money_only && currency.is_none() && !is_money(unit.as_deref()) {
        return None;
    }
    // `at 2005 levels`, `in 1990 elections`: a year after a preposition.
    let after_preposition = i > 0
        && matches!(
            s.key(i - 1).as_str(),
            "at" | "in" | "since" | "from" | "by" | "to" | "until" | "before" | "after"
        );
    if core.year_like && (after_preposition || !year_is_count(unit.as_deref(), noun, after)) {
        return None;
    }
    if unit_end > after {
        last = unit_end - 1;
    }
    if noun.is_some() || unit.is_none() {
        last = place_after(s, last + 1).unwrap_or(last);
    }
    first = qualifier_before(s, first, floor);
    Some(Found {
        first,
        last,
        value: core.value,
        unit,
        needs_unit: core.form != Form::Digits,
    })
}

/// Gives a figure with no unit the unit of a coordinated neighbour: forward first
/// (`2,500 troops in Iraq and 900 in Syria`), then backward (`300 or 400 people`).
fn share_units(s: &Sentence<'_>, found: &mut [Found]) {
    let between = |a: &Found, b: &Found, ok: fn(&str) -> bool| {
        let gap = b.first.saturating_sub(a.last + 1);
        gap <= 2 && (a.last + 1..b.first).all(|t| ok(s.key(t).as_str()))
    };
    // A partitive (`36 of the 100 seats`) counts what the figure after it counts.
    let partitive = |w: &str| w == "of" || w == "the" || lexicon::is_determiner(w);
    for n in 1..found.len() {
        let before_of = s.is(found[n].last + 1, "of");
        if found[n].unit.is_none()
            && !before_of
            && between(&found[n - 1], &found[n], lexicon::is_coordinator)
        {
            found[n].unit = found[n - 1].unit.clone();
        }
    }
    for n in (0..found.len().saturating_sub(1)).rev() {
        if found[n].unit.is_none()
            && (between(&found[n], &found[n + 1], lexicon::is_coordinator)
                || (s.is(found[n].last + 1, "of") && between(&found[n], &found[n + 1], partitive)))
        {
            found[n].unit = found[n + 1].unit.clone();
        }
    }
}

#[cfg(test)]
mod tests;
