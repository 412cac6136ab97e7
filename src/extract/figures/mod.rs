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

mod lexicon;
mod number;

use std::borrow::Cow;

use super::segment::{self, Token, TokenKind};
use super::{Figure, Span};
use number::Digits;

/// Finds the figures of `text`, sentence by sentence.
pub fn find_figures(text: &str, sentences: &[Span]) -> Vec<Figure> {
    let mut out = Vec::new();
    let mut found = Vec::new();
    for &sentence in sentences {
        let toks = segment::tokens(text, sentence);
        let s = Sentence { text, toks: &toks };
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

/// A lower-cased ASCII word on the stack.
struct Key {
    buf: [u8; 24],
    len: usize,
}

impl Key {
    fn as_str(&self) -> &str {
        std::str::from_utf8(&self.buf[..self.len]).unwrap_or("")
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
    fn key(&self, i: usize) -> Key {
        let mut buf = [0u8; 24];
        let len = lexicon::lower(self.str(i), &mut buf).map_or(0, str::len);
        Key { buf, len }
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

/// How the number of a figure is written.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Form {
    Digits,
    Words,
    Vague,
    Fraction,
}

/// The number itself, before what it counts.
struct Core {
    /// Token after the number (and its scale word).
    end: usize,
    value: Option<f64>,
    scale: f64,
    form: Form,
    year_like: bool,
    money_only: bool,
    unit: Option<&'static str>,
}

fn scan(s: &Sentence<'_>, found: &mut Vec<Found>) {
    let mut i = 0;
    let mut floor = 0;
    while i < s.len() {
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
    // A range: `300 to 400`, `300-400`, `between 300 and 400`.
    let between = i > floor && s.is(i - 1, "between");
    if matches!(core.form, Form::Digits | Form::Words)
        && let Some((high, end)) = range_end(s, core.end, between, i > 0 && s.is(i - 1, "from"))
    {
        if high.scale > 1.0 && core.scale == 1.0 {
            core.value = core.value.map(|v| v * high.scale);
        }
        core.year_like = false;
        last = end - 1;
        if between {
            first = i - 1;
        }
    }
    let after = last + 1;
    let (unit, unit_end, noun) = match (currency, core.unit) {
        (Some(code), _) => (Some(Cow::Borrowed(code)), after, false),
        (None, Some(u)) => (Some(Cow::Borrowed(u)), after, false),
        (None, None) => unit_after(s, after, core.form)?,
    };
    if core.money_only && currency.is_none() && !is_money(unit.as_deref()) {
        return None;
    }
    if core.year_like && !year_is_count(unit.as_deref(), noun) {
        return None;
    }
    if unit_end > after {
        last = unit_end - 1;
    }
    if noun || unit.is_none() {
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

/// Money units: ISO codes, upper-case.
fn is_money(unit: Option<&str>) -> bool {
    unit.is_some_and(|u| u.len() == 3 && u.bytes().all(|b| b.is_ascii_uppercase()))
}

/// A four-digit integer counts only money, percentages or a plural noun
/// (`1500 troops`); otherwise it is a year (`2003 invasion`, `in 2014`).
fn year_is_count(unit: Option<&str>, noun: bool) -> bool {
    match unit {
        None => false,
        Some(_) if !noun => true,
        Some(u) => {
            u.ends_with('s')
                || matches!(
                    u,
                    "people" | "police" | "children" | "men" | "women" | "staff" | "personnel"
                )
        }
    }
}

/// A currency before a number: `$`, `US$`, `€`, `EUR`, with the token the number
/// starts at.
fn currency_prefix(s: &Sentence<'_>, i: usize) -> Option<(&'static str, usize)> {
    match s.kind(i)? {
        TokenKind::Punct => {
            let code = lexicon::currency_symbol("", s.str(i))?;
            (s.kind(i + 1) == Some(TokenKind::Number)).then_some((code, i + 1))
        }
        TokenKind::Word => {
            let key = s.key(i);
            if s.glued(i) && s.kind(i + 1) == Some(TokenKind::Punct) {
                let code = lexicon::currency_symbol(key.as_str(), s.str(i + 1))?;
                return (s.kind(i + 2) == Some(TokenKind::Number)).then_some((code, i + 2));
            }
            let code = lexicon::currency_code_word(key.as_str())?;
            (s.kind(i + 1) == Some(TokenKind::Number)).then_some((code, i + 1))
        }
        TokenKind::Number => None,
    }
}

/// Reads the number at token `j`: digits with an optional scale word, number words,
/// a vague amount or a fraction.
fn number_core(s: &Sentence<'_>, j: usize) -> Option<Core> {
    match s.kind(j)? {
        TokenKind::Number => digits_core(s, j),
        TokenKind::Word => word_core(s, j),
        TokenKind::Punct => None,
    }
}

fn digits_core(s: &Sentence<'_>, j: usize) -> Option<Core> {
    let mut core = match number::parse_digits(s.str(j)) {
        Digits::NotCount => return None,
        Digits::Value {
            value,
            scale,
            year_like,
            money_only,
            unit,
        } => Core {
            end: j + 1,
            value: Some(value),
            scale,
            form: Form::Digits,
            year_like,
            money_only,
            unit,
        },
        Digits::Range { low, .. } => Core {
            end: j + 1,
            value: Some(low),
            scale: 1.0,
            form: Form::Digits,
            year_like: false,
            money_only: false,
            unit: None,
        },
    };
    if core.scale == 1.0 {
        let key = s.key(j + 1);
        if let Some(scale) = lexicon::scale(key.as_str()).filter(|&m| m > 100.0) {
            core.value = core.value.map(|v| v * scale);
            core.scale = scale;
            core.end += 1;
            core.year_like = false;
        }
    }
    Some(core)
}

fn word_core(s: &Sentence<'_>, j: usize) -> Option<Core> {
    let key = s.key(j);
    let w = key.as_str();
    let next = s.key(j + 1);
    let n = next.as_str();
    let core = |end, value, form| Core {
        end,
        value,
        scale: 1.0,
        form,
        year_like: false,
        money_only: false,
        unit: None,
    };
    // `a dozen`, `a hundred`, `a million`, `a few hundred`, `a third of`.
    if w == "a" || w == "an" {
        if n == "dozen" {
            return Some(core(j + 2, Some(12.0), Form::Words));
        }
        if let Some(m) = lexicon::scale(n) {
            return Some(scaled_words(s, j + 2, m));
        }
        if n == "few" && (lexicon::scale(s.key(j + 2).as_str()).is_some() || s.is(j + 2, "dozen")) {
            return Some(core(j + 3, None, Form::Vague));
        }
        if let Some(f) = lexicon::fraction(n).filter(|_| s.is(j + 2, "of")) {
            return Some(core(j + 2, Some(f), Form::Fraction));
        }
        return None;
    }
    if w == "half" {
        if n == "a" {
            let m = if s.is(j + 2, "dozen") {
                12.0
            } else {
                lexicon::scale(s.key(j + 2).as_str())?
            };
            return Some(core(j + 3, Some(0.5 * m), Form::Words));
        }
        return (n == "of").then(|| core(j + 1, Some(0.5), Form::Fraction));
    }
    if lexicon::is_vague(w) {
        let extended = n == "of" && {
            let k = s.key(j + 2);
            matches!(
                k.as_str(),
                "hundreds" | "thousands" | "millions" | "billions"
            )
        };
        if extended {
            return Some(core(j + 3, None, Form::Vague));
        }
        return (w != "tens").then(|| core(j + 1, None, Form::Vague));
    }
    if lexicon::is_vague_quantifier(w) && (lexicon::scale(n).is_some() || n == "dozen") {
        return Some(core(j + 2, None, Form::Vague));
    }
    // `two-thirds of`, `two thirds of`, `one third of`.
    if let Some((num, den)) = w.split_once('-')
        && let (Some(a), Some(f)) = (lexicon::small_number(num), lexicon::fraction(den))
    {
        return s
            .is(j + 1, "of")
            .then(|| core(j + 1, Some(a * f), Form::Fraction));
    }
    if let (Some(a), Some(f)) = (lexicon::small_number(w), lexicon::fraction(n)) {
        return s
            .is(j + 2, "of")
            .then(|| core(j + 2, Some(a * f), Form::Fraction));
    }
    lexicon::small_number(w)?;
    let (value, end) = word_number(s, j);
    // A lone `one` is mostly a pronoun (`one of them`, `one official said`).
    if w == "one" && end == j + 1 {
        return None;
    }
    Some(core(end, Some(value), Form::Words))
}

/// `a hundred thousand`: the value of scale words after `a`, starting at token `j`.
fn scaled_words(s: &Sentence<'_>, mut j: usize, mut value: f64) -> Core {
    while let Some(m) = lexicon::scale(s.key(j).as_str()) {
        value *= m;
        j += 1;
    }
    Core {
        end: j,
        value: Some(value),
        scale: 1.0,
        form: Form::Words,
        year_like: false,
        money_only: false,
        unit: None,
    }
}

/// Reads `two hundred and fifty thousand`, `twenty-five`, `two dozen` from token `j`.
fn word_number(s: &Sentence<'_>, j: usize) -> (f64, usize) {
    let mut total = 0.0;
    let mut current = 0.0;
    let mut k = j;
    let mut last_small: Option<f64> = None;
    let mut end = j;
    while k < s.len() {
        let key = s.key(k);
        let w = key.as_str();
        if let Some(v) = lexicon::small_number(w) {
            // `twenty five` written without its hyphen continues; `two three` does not.
            if last_small.is_some_and(|t| !(t >= 20.0 && t % 10.0 == 0.0 && v < 10.0)) {
                break;
            }
            current += v;
            last_small = Some(v);
        } else if w == "dozen" && current > 0.0 {
            current *= 12.0;
            last_small = None;
        } else if let Some(m) = lexicon::scale(w).filter(|_| current > 0.0) {
            if m == 100.0 {
                current *= 100.0;
            } else {
                total += current * m;
                current = 0.0;
            }
            last_small = None;
        } else if w == "and"
            && last_small.is_none()
            && lexicon::small_number(s.key(k + 1).as_str()).is_some()
        {
            k += 1;
            continue;
        } else {
            break;
        }
        k += 1;
        end = k;
    }
    (total + current, end)
}

/// Decides from the tokens around it whether the number at `at` (currency from `i`)
/// is a count, not a date, a time, a label, a name part, an age or list numbering.
fn counts(s: &Sentence<'_>, i: usize, at: usize, core: &Core) -> bool {
    let after = core.end;
    let glued_before = |p: &str| i > 0 && s.glued(i - 1) && s.str(i - 1) == p;
    let glued_after = |p: &str| s.glued(after - 1) && s.str(after) == p;
    if ["/", ":", "#", "-"].iter().any(|p| glued_before(p))
        || ["/", ":"].iter().any(|p| glued_after(p))
    {
        return false;
    }
    let prev = if i > 0 { Some(i - 1) } else { None };
    if core.form == Form::Digits {
        let value = core.value.unwrap_or(0.0);
        // `March 7`, `Jan. 5`, `7 March`.
        let month_at = |k: usize| s.capitalised(k) && lexicon::is_month(s.key(k).as_str());
        if let Some(p) = prev
            && (month_at(p) || (s.str(p) == "." && p > 0 && month_at(p - 1)))
        {
            return false;
        }
        if value <= 31.0 && month_at(after) {
            return false;
        }
        // List numbering: `1.` or `2)` opening a sentence.
        if i == 0 && matches!(s.str(after), "." | ")") {
            return false;
        }
        if let Some(p) = prev {
            let key = s.key(p);
            let k = key.as_str();
            if lexicon::is_label_noun(k)
                || (s.str(p) == "." && p > 0 && lexicon::is_label_noun(s.key(p - 1).as_str()))
            {
                return false;
            }
            // A capitalised word before the number names something (`Boeing 737`,
            // `Resolution 2334`), unless it is a function word or a weekday.
            let qualifier = lexicon::QUALIFIERS.iter().any(|q| q[0] == k);
            if s.capitalised(p)
                && !qualifier
                && !lexicon::is_stop(k)
                && !lexicon::is_weekday(k)
                && at == i
            {
                return false;
            }
            // An age in apposition: `John Smith, 45, said`.
            if s.str(p) == ","
                && p > 0
                && s.capitalised(p - 1)
                && s.str(after) == ","
                && value < 120.0
            {
                return false;
            }
        }
    } else if let Some(p) = prev
        && lexicon::is_determiner(s.key(p).as_str())
    {
        return false;
    }
    true
}

/// The high end of a range after a number ending before token `k`: `- 400`, `to 400`,
/// `and 400` (after `between`). Returns the high end and the token after it.
fn range_end(s: &Sentence<'_>, k: usize, between: bool, from: bool) -> Option<(Core, usize)> {
    let joiner = s.str(k);
    let ok = match joiner {
        "-" | "–" => true,
        _ if joiner.eq_ignore_ascii_case("to") => !from,
        _ if joiner.eq_ignore_ascii_case("and") => between,
        _ => false,
    };
    if !ok {
        return None;
    }
    let at = currency_prefix(s, k + 1).map_or(k + 1, |(_, next)| next);
    let high = number_core(s, at)?;
    if !matches!(high.form, Form::Digits | Form::Words) || high.year_like {
        return None;
    }
    let end = high.end;
    Some((high, end))
}

/// What the number ending before token `k` counts: `percent`, a currency word, or the
/// head of the noun run after it. Returns the unit, the token after it, and whether
/// the unit is a counted noun; `None` when the number is a duration or age instead.
type UnitAfter = (Option<Cow<'static, str>>, usize, bool);

fn unit_after(s: &Sentence<'_>, k: usize, form: Form) -> Option<UnitAfter> {
    let key = s.key(k);
    let w = key.as_str();
    if lexicon::is_percent(w) {
        return Some((Some(Cow::Borrowed("percent")), k + 1, false));
    }
    if w == "per" && s.is(k + 1, "cent") {
        return Some((Some(Cow::Borrowed("percent")), k + 2, false));
    }
    if (w == "percentage" || w == "basis") && (s.is(k + 1, "points") || s.is(k + 1, "point")) {
        let unit = if w == "basis" {
            "basis points"
        } else {
            "percentage points"
        };
        return Some((Some(Cow::Borrowed(unit)), k + 2, false));
    }
    if let Some(code) = lexicon::currency_word(w) {
        return Some((Some(Cow::Borrowed(code)), k + 1, false));
    }
    let mut j = k;
    if matches!(form, Form::Vague | Form::Fraction) && w == "of" {
        j += 1;
        while lexicon::is_determiner(s.key(j).as_str()) {
            j += 1;
        }
    }
    let start = j;
    while j < s.len() && j - start < 4 && s.kind(j) == Some(TokenKind::Word) {
        let key = s.key(j);
        let w = key.as_str();
        if lexicon::is_time_unit(w) {
            if j == start {
                return None;
            }
            break;
        }
        if lexicon::is_stop(w) || (s.capitalised(j) && lexicon::is_month(w)) || verb_like(w) {
            break;
        }
        if j > start && s.capitalised(j) && !s.capitalised(j - 1) {
            break;
        }
        j += 1;
    }
    if j == start {
        return Some((None, k, false));
    }
    let head = s.str(j - 1);
    let head_key = s.key(j - 1);
    if let Some(code) = lexicon::currency_word(head_key.as_str()) {
        let code = (start..j - 1)
            .find_map(|m| lexicon::dollar_country(s.key(m).as_str()))
            .filter(|_| code == "USD")
            .unwrap_or(code);
        return Some((Some(Cow::Borrowed(code)), j, false));
    }
    Some((Some(Cow::Owned(head.to_string())), j, true))
}

/// Words that end a noun run because they look like verbs or adverbs
/// (`killed`, `fleeing`, `reportedly`). Known nouns ending so are kept.
fn verb_like(w: &str) -> bool {
    let n = w.len();
    (n > 4 && w.ends_with("ed") && !matches!(w, "hundred" | "armed" | "injured" | "wounded"))
        || (n > 5 && w.ends_with("ing") && !matches!(w, "building" | "housing" | "offspring"))
        || (n > 4 && w.ends_with("ly") && !matches!(w, "family" | "ally" | "assembly"))
}

/// A place after a figure: `in Iraq`, `across the United States`. Returns the last
/// token of the place.
fn place_after(s: &Sentence<'_>, k: usize) -> Option<usize> {
    if !(s.is(k, "in") || s.is(k, "across")) {
        return None;
    }
    let mut j = k + 1;
    if s.is(j, "the") {
        j += 1;
    }
    let mut last = None;
    while j < s.len() && s.capitalised(j) {
        let key = s.key(j);
        if lexicon::is_month(key.as_str()) || lexicon::is_weekday(key.as_str()) {
            break;
        }
        last = Some(j);
        j += 1;
        if s.is(j, "of") && s.capitalised(j + 1) {
            j += 1;
        }
    }
    last
}

/// Widens the figure's first token back over a qualifier (`more than`, `about`),
/// never before `floor`.
fn qualifier_before(s: &Sentence<'_>, first: usize, floor: usize) -> usize {
    let mut best = first;
    for phrase in lexicon::QUALIFIERS {
        if phrase.len() > first - floor {
            continue;
        }
        let hit = phrase
            .iter()
            .enumerate()
            .all(|(n, w)| s.is(first - 1 - n, w));
        if hit {
            best = best.min(first - phrase.len());
        }
    }
    best
}

/// Gives a figure with no unit the unit of a coordinated neighbour: forward first
/// (`2,500 troops in Iraq and 900 in Syria`), then backward (`300 or 400 people`).
fn share_units(s: &Sentence<'_>, found: &mut [Found]) {
    let coordinated = |a: &Found, b: &Found| {
        let gap = b.first.saturating_sub(a.last + 1);
        gap <= 2 && (a.last + 1..b.first).all(|t| lexicon::is_coordinator(s.key(t).as_str()))
    };
    for n in 1..found.len() {
        if found[n].unit.is_none() && coordinated(&found[n - 1], &found[n]) {
            found[n].unit = found[n - 1].unit.clone();
        }
    }
    for n in (0..found.len().saturating_sub(1)).rev() {
        if found[n].unit.is_none() && coordinated(&found[n], &found[n + 1]) {
            found[n].unit = found[n + 1].unit.clone();
        }
    }
}

#[cfg(test)]
mod tests;
