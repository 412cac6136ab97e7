//! Word lists for figures: number words, scales, vague amounts, units and the words
//! that tell a count from a date, a time or a name.
//!
//! Every list but one is a `match` on a lower-cased word, which the compiler turns into
//! a length-then-bytes comparison: no allocation, no hashing, no table to build. The
//! number words of the sentence filter, asked of every word, are a [`WordTable`].

use std::sync::LazyLock;

pub(super) use super::stopwords::is_stop;
use crate::extract::knowledge::WordTable;

/// Lower-cases an ASCII word into `buf`; `None` for non-ASCII or long words, which
/// are in none of the lists.
pub(super) fn lower<'b>(word: &str, buf: &'b mut [u8; 24]) -> Option<&'b str> {
    let bytes = word.as_bytes();
    if bytes.len() > buf.len() || !word.is_ascii() {
        return None;
    }
    for (d, s) in buf.iter_mut().zip(bytes) {
        *d = s.to_ascii_lowercase();
    }
    std::str::from_utf8(&buf[..bytes.len()]).ok()
}

/// The value of a cardinal number word below a hundred (`seven`, `twenty`, `forty-two`).
pub(super) fn small_number(w: &str) -> Option<f64> {
    let v = match w {
        "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        "twenty" => 20,
        "thirty" => 30,
        "forty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "seventy" => 70,
        "eighty" => 80,
        "ninety" => 90,
        // The shortest compound is `forty-one`.
        _ if w.len() < 9 => return None,
        _ => {
            let (tens, units) = w.split_once('-')?;
            let t = small_number(tens)?;
            let u = small_number(units)?;
            return (t >= 20.0 && t % 10.0 == 0.0 && u < 10.0).then_some(t + u);
        }
    };
    Some(f64::from(v))
}

/// A byte scan that tells sentences which cannot hold a figure, so they are never
/// tokenised: a figure needs a digit, a currency sign, or a number word (`twelve`,
/// `dozens`, `million`, `third`, `few` after `a`, a currency code).
pub(super) fn may_hold_figure(bytes: &[u8]) -> bool {
    // Digits and `$` first, sixteen bytes at a time without an early exit inside (so
    // the compiler vectorises it): most sentences with a figure are answered here,
    // before any word is looked at.
    let digit_or_dollar = |b: u8| b.wrapping_sub(b'0') < 10 || b == b'$';
    if bytes
        .chunks(16)
        .any(|c| c.iter().fold(false, |any, &b| any | digit_or_dollar(b)))
    {
        return true;
    }
    // `£`, `¥` (C2 A3, C2 A5) and the currency block U+20A0.. (E2 82 xx): `€`, `₹`.
    let currency = memchr::memchr2_iter(0xC2, 0xE2, bytes).any(|i| {
        let next = bytes.get(i + 1).copied();
        if bytes[i] == 0xC2 {
            matches!(next, Some(0xA3 | 0xA5))
        } else {
            next == Some(0x82)
        }
    });
    if currency {
        return true;
    }
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_alphabetic() {
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len() && (bytes[i].is_ascii_alphabetic() || bytes[i] == b'-') {
            i += 1;
        }
        if is_number_word(&bytes[start..i]) {
            return true;
        }
    }
    false
}

/// True for the words [`may_hold_figure`] looks for, in any case: one table lookup
/// (the word packed into an integer, lower-cased eight bytes at a time), where a
/// `match` compared it with each word of its length.
fn is_number_word(word: &[u8]) -> bool {
    if !(2..=24).contains(&word.len()) {
        return false;
    }
    // Hyphenated compounds: `twenty-five`, `two-thirds`.
    if let Some(dash) = word.iter().position(|&b| b == b'-') {
        return dash > 0 && is_number_word(&word[..dash]);
    }
    // None is longer than nine letters (and a long word would be copied to look up).
    word.len() <= 15 && NUMBER_WORDS.get_ascii_lower(word).is_some()
}

static NUMBER_WORDS: LazyLock<WordTable<bool>> =
    LazyLock::new(|| NUMBER_WORD_LIST.iter().map(|&w| (w, true)).collect());

const NUMBER_WORD_LIST: &[&str] = &[
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "sixty",
    "seventy",
    "eighty",
    "ninety",
    "hundred",
    "thousand",
    "million",
    "billion",
    "trillion",
    "dozen",
    "dozens",
    "hundreds",
    "thousands",
    "millions",
    "billions",
    "scores",
    "tens",
    "few",
    "half",
    "third",
    "thirds",
    "quarter",
    "quarters",
    "fifth",
    "fifths",
    "tenth",
    "tenths",
    "usd",
    "eur",
    "gbp",
    "jpy",
    "chf",
    "cny",
    "inr",
    "rs",
];

/// Words a figure may open with: number words, vague amounts, fraction openers and
/// currency codes (`twelve`, `dozens`, `a`, `half`, `several`, `EUR`).
pub(super) fn opens_figure(w: &str) -> bool {
    small_number(w).is_some()
        || is_vague(w)
        || is_vague_quantifier(w)
        || currency_code_word(w).is_some()
        || matches!(w, "a" | "an" | "half")
}

/// The multiplier of a scale word written after a number (`million`, `bn`, `mln`).
pub(super) fn scale(w: &str) -> Option<f64> {
    match w {
        "hundred" => Some(1e2),
        "thousand" => Some(1e3),
        "million" | "mln" | "mn" => Some(1e6),
        "billion" | "bln" | "bn" => Some(1e9),
        "trillion" | "tn" | "trn" => Some(1e12),
        _ => None,
    }
}

/// The multiplier of a suffix glued to digits (`40m`, `1.2bn`, `5k`), and whether the
/// suffix means a multiplier only in money (`m` is also metres, `k` kilometres).
pub(super) fn suffix_scale(w: &str) -> Option<(f64, bool)> {
    match w {
        "m" | "k" | "b" => Some((
            match w {
                "m" => 1e6,
                "k" => 1e3,
                _ => 1e9,
            },
            true,
        )),
        "mn" | "mln" | "million" => Some((1e6, false)),
        "bn" | "bln" | "billion" => Some((1e9, false)),
        "tn" | "trn" | "trillion" => Some((1e12, false)),
        _ => None,
    }
}

/// Plural amounts with no exact value (`dozens`, `thousands`): the figure's value is
/// null.
pub(super) fn is_vague(w: &str) -> bool {
    matches!(
        w,
        "dozens" | "hundreds" | "thousands" | "millions" | "billions" | "scores" | "tens"
    )
}

/// Words that make the next scale word vague (`several hundred`, `a few thousand`).
pub(super) fn is_vague_quantifier(w: &str) -> bool {
    matches!(w, "several" | "few" | "many" | "some")
}

/// The value of a fraction word (`third`, `quarters`, `half`).
pub(super) fn fraction(w: &str) -> Option<f64> {
    match w {
        "half" | "halves" => Some(0.5),
        "third" | "thirds" => Some(1.0 / 3.0),
        "quarter" | "quarters" | "fourth" | "fourths" => Some(0.25),
        "fifth" | "fifths" => Some(0.2),
        "tenth" | "tenths" => Some(0.1),
        _ => None,
    }
}

/// Words that mark a percentage after a number.
pub(super) fn is_percent(w: &str) -> bool {
    matches!(w, "percent" | "pct" | "%")
}

/// ISO 4217 code of a currency symbol, optionally after a country prefix
/// (`$`, `US$`, `€`, `£`, `HK$`).
pub(super) fn currency_symbol(prefix: &str, symbol: &str) -> Option<&'static str> {
    let code = match (prefix, symbol) {
        ("", "$") | ("us", "$") | ("u.s.", "$") => "USD",
        ("a", "$") | ("au", "$") => "AUD",
        ("c", "$") | ("ca", "$") => "CAD",
        ("hk", "$") => "HKD",
        ("nz", "$") => "NZD",
        ("s", "$") => "SGD",
        ("nt", "$") => "TWD",
        ("r", "$") => "BRL",
        ("", "€") => "EUR",
        ("", "£") => "GBP",
        ("", "¥") => "JPY",
        ("", "₹") => "INR",
        ("", "₽") => "RUB",
        ("", "₩") => "KRW",
        ("", "₺") => "TRY",
        ("", "₴") => "UAH",
        _ => return None,
    };
    Some(code)
}

/// ISO 4217 code of a currency code written as a word before a number (`EUR 40m`).
pub(super) fn currency_code_word(w: &str) -> Option<&'static str> {
    Some(match w {
        "usd" => "USD",
        "eur" => "EUR",
        "gbp" => "GBP",
        "jpy" => "JPY",
        "chf" => "CHF",
        "cny" => "CNY",
        "rs" | "inr" => "INR",
        _ => return None,
    })
}

/// ISO 4217 code of a currency named after a number (`dollars`, `dlrs`, `euros`).
pub(super) fn currency_word(w: &str) -> Option<&'static str> {
    Some(match w {
        "dollars" | "dollar" | "dlrs" | "dlr" => "USD",
        "euros" | "euro" => "EUR",
        "sterling" | "stg" => "GBP",
        "francs" | "franc" => "CHF",
        "yen" => "JPY",
        "yuan" | "renminbi" => "CNY",
        "rupees" | "rupee" => "INR",
        "roubles" | "rubles" | "rouble" | "ruble" => "RUB",
        "hryvnias" | "hryvnia" => "UAH",
        "soles" => "PEN",
        "pesos" => "MXN",
        "reais" => "BRL",
        "lira" | "liras" => "TRY",
        "zlotys" | "zloty" => "PLN",
        _ => return None,
    })
}

/// ISO 4217 code of a currency qualified by a country (`Canadian dollars`,
/// `Swiss francs`), given the code of the currency word alone.
pub(super) fn country_currency(w: &str, code: &'static str) -> Option<&'static str> {
    Some(match (w, code) {
        ("canadian", "USD") => "CAD",
        ("australian", "USD") => "AUD",
        ("singapore", "USD") => "SGD",
        ("taiwan", "USD") => "TWD",
        ("zealand", "USD") => "NZD",
        ("kong", "USD") => "HKD",
        ("french", "CHF") => "FRF",
        _ => return None,
    })
}

/// Units of time: a number counting them is a duration or an age, which belongs to
/// the time extractor, not a figure.
pub(super) fn is_time_unit(w: &str) -> bool {
    matches!(
        w,
        "year"
            | "years"
            | "yr"
            | "yrs"
            | "month"
            | "months"
            | "week"
            | "weeks"
            | "day"
            | "days"
            | "hour"
            | "hours"
            | "hrs"
            | "minute"
            | "minutes"
            | "mins"
            | "second"
            | "seconds"
            | "decade"
            | "decades"
            | "century"
            | "centuries"
            | "weekend"
            | "weekends"
            | "night"
            | "nights"
            | "quarter"
            | "quarters"
            | "semester"
            | "season"
            | "seasons"
            | "term"
            | "terms"
            | "o'clock"
            | "a.m."
            | "p.m."
            | "am"
            | "pm"
            | "gmt"
            | "utc"
            | "bst"
            | "cet"
            | "est"
            | "edt"
            | "pst"
            | "pdt"
    )
}

/// Month names and their abbreviations, lower-cased (`may` only counts capitalised,
/// which the caller checks).
pub(super) fn is_month(w: &str) -> bool {
    matches!(
        w,
        "january"
            | "february"
            | "march"
            | "april"
            | "may"
            | "june"
            | "july"
            | "august"
            | "september"
            | "october"
            | "november"
            | "december"
            | "jan"
            | "feb"
            | "mar"
            | "apr"
            | "jun"
            | "jul"
            | "aug"
            | "sep"
            | "sept"
            | "oct"
            | "nov"
            | "dec"
    )
}

/// Weekday names: capitalised but never part of a name before a number.
pub(super) fn is_weekday(w: &str) -> bool {
    matches!(
        w,
        "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday"
    )
}

/// Lower-case nouns that make the number after them a label, not a count
/// (`article 5`, `flight 17`, `page 3`).
pub(super) fn is_label_noun(w: &str) -> bool {
    matches!(
        w,
        "no" | "nos"
            | "number"
            | "article"
            | "articles"
            | "section"
            | "chapter"
            | "paragraph"
            | "page"
            | "pages"
            | "route"
            | "highway"
            | "flight"
            | "room"
            | "line"
            | "grade"
            | "level"
            | "phase"
            | "category"
            | "round"
            | "stage"
            | "game"
            | "seat"
            | "district"
            | "ward"
            | "gate"
            | "platform"
            | "terminal"
            | "item"
            | "rule"
            | "clause"
            | "resolution"
            | "amendment"
            | "unit"
            | "version"
            | "aged"
            | "age"
            | "ages"
            | "week"
            | "day"
            | "year"
            | "top"
            | "covid"
            | "g"
            | "f"
    )
}

/// Words before a number that qualify it (`about 300`, `more than 2,000`); they join
/// the figure's text. Each entry is a phrase, last word first.
pub(super) const QUALIFIERS: &[&[&str]] = &[
    &["about"],
    &["around"],
    &["roughly"],
    &["approximately"],
    &["nearly"],
    &["almost"],
    &["some"],
    &["over"],
    &["under"],
    &["only"],
    &["just"],
    &["than", "more"],
    &["than", "fewer"],
    &["than", "less"],
    &["least", "at"],
    &["most", "at"],
    &["to", "up"],
    &["to", "close"],
    &["estimated", "an"],
    &["many", "as"],
    &["few", "as"],
    &["much", "as"],
];

/// Words that may stand between coordinated figures that share a unit
/// (`2,500 troops in Iraq and 900 in Syria`).
pub(super) fn is_coordinator(w: &str) -> bool {
    matches!(
        w,
        "and" | "or" | "," | "while" | "but" | "with" | "versus" | "vs" | "against" | "plus"
    )
}

/// Words before a number word that make it a reference to known things, not a count
/// (`the two sides`, `both three`).
pub(super) fn is_determiner(w: &str) -> bool {
    matches!(
        w,
        "the"
            | "these"
            | "those"
            | "its"
            | "their"
            | "his"
            | "her"
            | "our"
            | "my"
            | "your"
            | "all"
            | "both"
            | "first"
            | "last"
            | "next"
            | "other"
            | "another"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lower_cases_ascii_words_only() {
        let mut buf = [0u8; 24];
        assert_eq!(lower("Troops", &mut buf), Some("troops"));
        assert_eq!(lower("Bidens’", &mut buf), None);
    }

    #[test]
    fn reads_hyphenated_number_words() {
        assert_eq!(small_number("twenty-five"), Some(25.0));
        assert_eq!(small_number("five-twenty"), None);
        assert_eq!(small_number("eleven"), Some(11.0));
    }
}
