//! The number itself: digits with a scale word, number words, vague amounts,
//! fractions, a currency before it and the high end of a range after it.

use super::number::{self, Digits};
use super::{Sentence, lexicon};
use crate::extract::segment::TokenKind;

/// How the number of a figure is written.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum Form {
    Digits,
    Words,
    Vague,
    Fraction,
}

/// The number itself, before what it counts.
pub(super) struct Core {
    /// Token after the number (and its scale word).
    pub(super) end: usize,
    pub(super) value: Option<f64>,
    pub(super) scale: f64,
    pub(super) form: Form,
    pub(super) year_like: bool,
    pub(super) money_only: bool,
    pub(super) unit: Option<&'static str>,
}

/// A currency before a number: `$`, `US$`, `€`, `EUR`, with the token the number
/// starts at.
pub(super) fn currency_prefix(s: &Sentence<'_>, i: usize) -> Option<(&'static str, usize)> {
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
pub(super) fn number_core(s: &Sentence<'_>, j: usize) -> Option<Core> {
    match s.kind(j)? {
        TokenKind::Number => digits_core(s, j),
        TokenKind::Word => word_core(s, j),
        TokenKind::Punct => None,
    }
}

pub(super) fn digits_core(s: &Sentence<'_>, j: usize) -> Option<Core> {
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

pub(super) fn word_core(s: &Sentence<'_>, j: usize) -> Option<Core> {
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
    let (value, end, scale) = word_number(s, j);
    // A lone `one` is mostly a pronoun (`one of them`, `one official said`).
    if w == "one" && end == j + 1 {
        return None;
    }
    Some(Core {
        scale,
        ..core(end, Some(value), Form::Words)
    })
}

/// `a hundred thousand`: the value of scale words after `a`, starting at token `j`.
pub(super) fn scaled_words(s: &Sentence<'_>, mut j: usize, mut value: f64) -> Core {
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
///
/// Returns the value, the token after the number and the scale of a final scale word
/// (`three billion` ends at 1e9), 1 without one.
pub(super) fn word_number(s: &Sentence<'_>, j: usize) -> (f64, usize, f64) {
    let mut final_scale = 1.0;
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
            final_scale = 1.0;
            last_small = Some(v);
        } else if w == "dozen" && current > 0.0 {
            current *= 12.0;
            final_scale = 1.0;
            last_small = None;
        } else if let Some(m) = lexicon::scale(w).filter(|_| current > 0.0) {
            if m == 100.0 {
                current *= 100.0;
            } else {
                total += current * m;
                current = 0.0;
            }
            final_scale = m;
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
    (total + current, end, final_scale)
}

/// The high end of a range after a number ending before token `k`: `- 400`, `to 400`,
/// `and 400` (after `between`). Returns the high end and the token after it.
pub(super) fn range_end(
    s: &Sentence<'_>,
    k: usize,
    between: bool,
    from: bool,
) -> Option<(Core, usize)> {
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
