//! Reading one token of digits: `2,500`, `3.5`, `1.2bn`, `300-400`, `20th`, `1990s`.
//!
//! The segmenter keeps `2,500-3,000`, `45-year-old` and `40m` as single tokens, so the
//! token's own shape already says much: a suffix makes it a scaled amount, an ordinal,
//! a decade or a compound adjective; a hyphen joins a range or a score.

use super::lexicon;

/// What a token of digits says.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum Digits {
    /// An amount.
    Value {
        value: f64,
        /// The multiplier of a glued suffix (`bn` is 1e9), 1 without one.
        scale: f64,
        /// A bare integer from 1000 to 2199: probably a year.
        year_like: bool,
        /// The suffix is a multiplier only in money (`40m`, `5k`).
        money_only: bool,
        /// A unit glued to the digits (`5km`).
        unit: Option<&'static str>,
    },
    /// A range written with a hyphen (`300-400`): low and high ends.
    Range { low: f64, high: f64 },
    /// Not a count: an ordinal, a decade, a time, a score, a year range, a
    /// compound adjective (`10-day`, `45-year-old`).
    NotCount,
}

/// Reads a number token as produced by `segment::tokens`.
pub(super) fn parse_digits(token: &str) -> Digits {
    let (mantissa, decimals, len, plain_digits) = leading_number(token);
    if len == 0 {
        return Digits::NotCount;
    }
    let value = mantissa / 10f64.powi(decimals);
    let rest = &token[len..];
    if rest.is_empty() {
        // Eight digits or more with no separator: an identifier, a timestamp, a
        // phone number; news writes large counts with commas or a scale word.
        if plain_digits >= 8 {
            return Digits::NotCount;
        }
        let year_like = plain_digits == 4 && (1000.0..2200.0).contains(&value);
        return Digits::Value {
            value,
            scale: 1.0,
            year_like,
            money_only: false,
            unit: None,
        };
    }
    if let Some(after) = rest.strip_prefix('-') {
        return hyphenated(value, plain_digits == 4, after);
    }
    let mut buf = [0u8; 24];
    let Some(suffix) = lexicon::lower(rest, &mut buf) else {
        return Digits::NotCount;
    };
    if let Some((scale, money_only)) = lexicon::suffix_scale(suffix) {
        return Digits::Value {
            value: mantissa * scale / 10f64.powi(decimals),
            scale,
            year_like: false,
            money_only,
            unit: None,
        };
    }
    let unit = match suffix {
        "km" => "km",
        "kg" => "kg",
        "mph" => "mph",
        "mw" => "MW",
        "gw" => "GW",
        "gb" => "GB",
        "tb" => "TB",
        _ => return Digits::NotCount,
    };
    Digits::Value {
        value,
        scale: 1.0,
        year_like: false,
        money_only: false,
        unit: Some(unit),
    }
}

/// Reads `300-400` (a range), `3-1` (a score), `2011-2014` (years), `2,500-strong`.
fn hyphenated(low: f64, low_four_digits: bool, after: &str) -> Digits {
    if after.eq_ignore_ascii_case("strong") {
        return Digits::Value {
            value: low,
            scale: 1.0,
            year_like: false,
            money_only: false,
            unit: None,
        };
    }
    let (mantissa, decimals, len, plain_digits) = leading_number(after);
    if len == 0 || len != after.len() {
        return Digits::NotCount;
    }
    let high = mantissa / 10f64.powi(decimals);
    // Scores (`3-1`), seasons (`2019-20`) and year ranges are not amounts.
    if high <= low || (low_four_digits && plain_digits == 4 && low < 2200.0) {
        return Digits::NotCount;
    }
    Digits::Range { low, high }
}

/// The number at the start of `s`: mantissa without separators, decimal places, byte
/// length, and the count of digits when they are all plain (no comma or point).
fn leading_number(s: &str) -> (f64, i32, usize, usize) {
    let bytes = s.as_bytes();
    let mut mantissa = 0f64;
    let mut decimals = 0;
    let mut seen_point = false;
    let mut plain = true;
    let mut digits = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let next_digit = bytes.get(i + 1).is_some_and(u8::is_ascii_digit);
        if b.is_ascii_digit() {
            mantissa = mantissa * 10.0 + f64::from(b - b'0');
            digits += 1;
            if seen_point {
                decimals += 1;
            }
        } else if b == b',' && next_digit && !seen_point && digits > 0 {
            plain = false;
        } else if b == b'.' && next_digit && !seen_point && digits > 0 {
            seen_point = true;
            plain = false;
        } else {
            break;
        }
        i += 1;
    }
    (mantissa, decimals, i, if plain { digits } else { 0 })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn value(token: &str) -> Option<f64> {
        match parse_digits(token) {
            Digits::Value { value, .. } => Some(value),
            _ => None,
        }
    }

    #[test]
    fn reads_thousands_separators_and_decimals() {
        assert_eq!(value("2,500"), Some(2500.0));
        assert_eq!(value("3.5"), Some(3.5));
        assert_eq!(value("1,234,567.25"), Some(1_234_567.25));
    }

    #[test]
    fn scales_glued_suffixes_exactly() {
        assert_eq!(value("1.2bn"), Some(1_200_000_000.0));
        assert_eq!(value("40m"), Some(40_000_000.0));
        assert_eq!(value("5.93mln"), Some(5_930_000.0));
    }

    #[test]
    fn marks_four_digit_integers_as_year_like() {
        assert!(matches!(
            parse_digits("2014"),
            Digits::Value {
                year_like: true,
                ..
            }
        ));
        assert!(matches!(
            parse_digits("2,014"),
            Digits::Value {
                year_like: false,
                ..
            }
        ));
    }

    #[test]
    fn ordinals_decades_and_compounds_are_not_counts() {
        for token in [
            "20th",
            "1st",
            "1990s",
            "45-year-old",
            "10-day",
            "10am",
            "1474387200",
        ] {
            assert_eq!(parse_digits(token), Digits::NotCount, "{token}");
        }
    }

    #[test]
    fn hyphen_joins_ranges_but_not_scores_or_years() {
        assert_eq!(
            parse_digits("300-400"),
            Digits::Range {
                low: 300.0,
                high: 400.0
            }
        );
        assert_eq!(parse_digits("3-1"), Digits::NotCount);
        assert_eq!(parse_digits("2011-2014"), Digits::NotCount);
        assert_eq!(parse_digits("2019-20"), Digits::NotCount);
    }

    #[test]
    fn strong_suffix_keeps_the_value() {
        assert_eq!(value("2,500-strong"), Some(2500.0));
    }
}
