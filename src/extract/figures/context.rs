//! What surrounds a number: the words that make it a date, a time, a label or an age
//! instead of a count, the unit after it, the place after that and the qualifier
//! before it.

use std::borrow::Cow;

use super::amount::{Core, Form};
use super::{Sentence, lexicon};
use crate::extract::segment::TokenKind;

/// Money units: ISO codes, upper-case.
pub(super) fn is_money(unit: Option<&str>) -> bool {
    unit.is_some_and(|u| u.len() == 3 && u.bytes().all(|b| b.is_ascii_uppercase()))
}

/// A four-digit integer counts only money, percentages or a plural noun right after
/// it (`1500 troops`); otherwise it is a year (`2003 invasion`, `1987 oil prices`).
pub(super) fn year_is_count(unit: Option<&str>, noun: Option<usize>, after: usize) -> bool {
    match (unit, noun) {
        (None, _) => false,
        (Some(_), None) => true,
        (Some(u), Some(head)) => head == after && is_plural(u),
    }
}

/// Plural-looking nouns: `troops`, `Americans`, `people` (not `us`, `status`).
pub(super) fn is_plural(w: &str) -> bool {
    let n = w.len();
    (n > 3 && w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") && !w.ends_with("is"))
        || matches!(
            w,
            "people" | "police" | "children" | "men" | "women" | "staff" | "personnel" | "cattle"
        )
}

/// Decides from the tokens around it whether the number at `at` (currency from `i`)
/// is a count, not a date, a time, a label, a name part, an age or list numbering.
pub(super) fn counts(s: &Sentence<'_>, i: usize, at: usize, core: &Core) -> bool {
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

/// What the number ending before token `k` counts: `percent`, a currency word, or the
/// head of the noun run after it. Returns the unit, the token after it, and the token
/// of the head noun when the unit is a counted noun; `None` when the number is a
/// duration or an age instead.
pub(super) type UnitAfter = (Option<Cow<'static, str>>, usize, Option<usize>);

pub(super) fn unit_after(s: &Sentence<'_>, k: usize, form: Form) -> Option<UnitAfter> {
    let key = s.key(k);
    let w = key.as_str();
    if lexicon::is_percent(w) {
        return Some((Some(Cow::Borrowed("percent")), k + 1, None));
    }
    if w == "per" && s.is(k + 1, "cent") {
        return Some((Some(Cow::Borrowed("percent")), k + 2, None));
    }
    if (w == "percentage" || w == "basis") && (s.is(k + 1, "points") || s.is(k + 1, "point")) {
        let unit = if w == "basis" {
            "basis points"
        } else {
            "percentage points"
        };
        return Some((Some(Cow::Borrowed(unit)), k + 2, None));
    }
    if let Some(code) = lexicon::currency_word(w) {
        return Some((Some(Cow::Borrowed(code)), k + 1, None));
    }
    let mut j = k;
    if matches!(form, Form::Vague | Form::Fraction) && w == "of" {
        j += 1;
        while lexicon::is_determiner(s.key(j).as_str()) {
            j += 1;
        }
    }
    // `two other justices`, `three more soldiers`.
    while matches!(s.key(j).as_str(), "other" | "more" | "further") {
        j += 1;
    }
    if s.is(j, "magnitude") {
        return Some((Some(Cow::Borrowed("magnitude")), j + 1, None));
    }
    let start = j;
    // The head is the last plural in the run (`16,000 measles cases`, `two directors
    // absent`), else its last word (`5 million people`, `a third of the country`).
    let mut plural = None;
    while j < s.len() && j - start < 4 && s.kind(j) == Some(TokenKind::Word) {
        let key = s.key(j);
        let w = key.as_str();
        if lexicon::is_time_unit(w) || s.str(j).eq_ignore_ascii_case("o’clock") {
            if j == start {
                return None;
            }
            break;
        }
        if lexicon::is_stop(w) || (s.capitalised(j) && lexicon::is_month(w)) {
            break;
        }
        // `purchasing power`, `housing units`: an -ing word before a noun modifies it.
        if verb_like(w) && !(w.ends_with("ing") && is_noun_like(s, j + 1)) {
            break;
        }
        if j > start && s.capitalised(j) && !s.capitalised(j - 1) {
            break;
        }
        j += 1;
        if lexicon::currency_word(w).is_some() {
            plural = Some(j - 1);
            break;
        }
        if is_plural(w) {
            plural = Some(j - 1);
        }
    }
    if j == start {
        return Some((None, k, None));
    }
    let head = plural.unwrap_or(j - 1);
    let head_key = s.key(head);
    if let Some(code) = lexicon::currency_word(head_key.as_str()) {
        let code = (start..head)
            .find_map(|m| lexicon::country_currency(s.key(m).as_str(), code))
            .unwrap_or(code);
        return Some((Some(Cow::Borrowed(code)), head + 1, None));
    }
    Some((
        Some(Cow::Owned(s.str(head).to_string())),
        head + 1,
        Some(head),
    ))
}

/// Words that end a noun run because they look like verbs or adverbs
/// (`killed`, `fleeing`, `reportedly`). Known nouns ending so are kept.
pub(super) fn verb_like(w: &str) -> bool {
    if w.contains('-') {
        return false;
    }
    let n = w.len();
    (n > 4 && w.ends_with("ed") && !matches!(w, "hundred" | "armed" | "injured" | "wounded"))
        || (n > 5 && w.ends_with("ing") && !matches!(w, "building" | "housing" | "offspring"))
        || (n > 4 && w.ends_with("ly") && !matches!(w, "family" | "ally" | "assembly"))
}

/// True when token `j` is a lower-case word that may be a noun.
pub(super) fn is_noun_like(s: &Sentence<'_>, j: usize) -> bool {
    let key = s.key(j);
    let w = key.as_str();
    s.kind(j) == Some(TokenKind::Word)
        && !s.capitalised(j)
        && !w.is_empty()
        && !lexicon::is_stop(w)
        && !lexicon::is_time_unit(w)
        && !verb_like(w)
}

/// A place after a figure: `in Iraq`, `across the United States`. Returns the last
/// token of the place.
pub(super) fn place_after(s: &Sentence<'_>, k: usize) -> Option<usize> {
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
pub(super) fn qualifier_before(s: &Sentence<'_>, first: usize, floor: usize) -> usize {
    if first == floor {
        return first;
    }
    let last_word = s.key(first - 1);
    let last_word = last_word.as_str();
    let mut best = first;
    for phrase in lexicon::QUALIFIERS {
        if phrase[0] != last_word || phrase.len() > first - floor {
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
