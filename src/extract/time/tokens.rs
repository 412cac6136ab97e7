//! Tokens for the time grammar.
//!
//! The shared tokenizer (`segment::tokens`) keeps `third-quarter` and `1990s` whole;
//! the time grammar needs them apart (`third` + `quarter`, a decade `1990s`), needs
//! to know which tokens a hyphen joined, and wants numbers already read. So it has
//! its own small tokenizer, run only on sentences that pass the trigger filter. The
//! buffer is reused from sentence to sentence.

use super::lexicon::{self, Lex};
use crate::extract::Span;

/// How a number was written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NumForm {
    /// Plain digits: `7`, `2003`.
    Plain,
    /// With thousands separators or decimals (`2,500`, `3.5`): never a date.
    Grouped,
    /// A decade: `1990s`, `'80s`.
    Decade,
    /// `5th`, `21st`.
    Ordinal,
    /// `10:35`: the value is the hour, the minutes are kept here.
    Clock(u32),
    /// `1/2`: the value is the numerator, the denominator is kept here.
    Fraction(u32),
}

/// Token kinds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Word,
    Num {
        value: u32,
        digits: u8,
        form: NumForm,
    },
    /// Any other character (its first byte, or 0 for non-ASCII).
    Punct(u8),
}

/// One token of a sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Tok {
    pub span: Span,
    pub kind: Kind,
    pub lex: Lex,
    /// Starts with a capital letter.
    pub cap: bool,
    /// Joined to the previous token by a hyphen, without spaces (`third-quarter`).
    pub joined: bool,
}

impl Tok {
    /// The number, for digit tokens.
    pub fn num(&self) -> Option<(u32, u8, NumForm)> {
        match self.kind {
            Kind::Num {
                value,
                digits,
                form,
            } => Some((value, digits, form)),
            _ => None,
        }
    }

    pub fn is_punct(&self, c: u8) -> bool {
        self.kind == Kind::Punct(c)
    }
}

/// Tokenizes `text[span]` into `out` (cleared first).
pub fn tokenize(text: &str, span: Span, out: &mut Vec<Tok>) {
    out.clear();
    let bytes = text.as_bytes();
    let end = span[1];
    let mut i = span[0];
    let mut joined = false;
    while i < end {
        let b = bytes[i];
        if b.is_ascii_whitespace() {
            joined = false;
            i += 1;
            continue;
        }
        if b == b'-' && i > span[0] && i + 1 < end {
            let prev = bytes[i - 1];
            let next = bytes[i + 1];
            if prev.is_ascii_alphanumeric() && next.is_ascii_alphanumeric() {
                joined = true;
                i += 1;
                continue;
            }
        }
        let start = i;
        if b.is_ascii_digit() {
            i = read_number(bytes, i, end, out, joined);
        } else if (b == b'\'' || text[i..].starts_with('’'))
            && decade_after_apostrophe(bytes, i + if b == b'\'' { 1 } else { 3 }, end)
        {
            let d = i + if b == b'\'' { 1 } else { 3 };
            let value = u32::from(bytes[d] - b'0') * 10 + u32::from(bytes[d + 1] - b'0');
            out.push(Tok {
                span: [start, d + 3],
                kind: Kind::Num {
                    value,
                    digits: 2,
                    form: NumForm::Decade,
                },
                lex: Lex::None,
                cap: false,
                joined,
            });
            i = d + 3;
        } else if let Some(c) = text[i..].chars().next().filter(|c| c.is_alphabetic()) {
            i = read_word(text, i, end, out, joined, c);
        } else {
            let len = text[i..].chars().next().map_or(1, char::len_utf8);
            let p = if b.is_ascii() { b } else { 0 };
            out.push(Tok {
                span: [start, start + len],
                kind: Kind::Punct(p),
                lex: Lex::None,
                cap: false,
                joined: false,
            });
            i += len;
        }
        joined = false;
    }
}

fn decade_after_apostrophe(bytes: &[u8], d: usize, end: usize) -> bool {
    d + 3 <= end
        && bytes[d].is_ascii_digit()
        && bytes[d + 1].is_ascii_digit()
        && bytes[d + 2] == b's'
        && (d + 3 == end || !bytes[d + 3].is_ascii_alphanumeric())
}

fn read_number(bytes: &[u8], start: usize, end: usize, out: &mut Vec<Tok>, joined: bool) -> usize {
    let mut i = start;
    let mut value: u64 = 0;
    while i < end && bytes[i].is_ascii_digit() {
        value = (value * 10 + u64::from(bytes[i] - b'0')).min(u64::from(u32::MAX));
        i += 1;
    }
    let digits = (i - start).min(255) as u8;
    let mut form = NumForm::Plain;
    let digit_at = |k: usize| k < end && bytes[k].is_ascii_digit();
    let boundary = |k: usize| k >= end || !bytes[k].is_ascii_alphanumeric();
    // Thousands groups and decimals.
    loop {
        if i < end && bytes[i] == b',' && digit_at(i + 1) && digit_at(i + 2) && digit_at(i + 3) {
            if !digit_at(i + 4) {
                i += 4;
                form = NumForm::Grouped;
                continue;
            }
        } else if i < end && bytes[i] == b'.' && digit_at(i + 1) && form != NumForm::Decade {
            i += 1;
            while digit_at(i) {
                i += 1;
            }
            form = NumForm::Grouped;
            continue;
        }
        break;
    }
    if form == NumForm::Plain && i < end {
        let rest = &bytes[i..end];
        if rest[0] == b':' && digit_at(i + 1) && digit_at(i + 2) && boundary(i + 3) {
            let minutes = u32::from(rest[1] - b'0') * 10 + u32::from(rest[2] - b'0');
            form = NumForm::Clock(minutes);
            i += 3;
        } else if rest[0] == b's' && boundary(i + 1) {
            form = NumForm::Decade;
            i += 1;
        } else if rest.len() >= 2
            && matches!(
                &rest[..2].to_ascii_lowercase()[..],
                b"th" | b"st" | b"nd" | b"rd"
            )
            && boundary(i + 2)
        {
            form = NumForm::Ordinal;
            i += 2;
        } else if rest[0] == b'/' && digit_at(i + 1) {
            let mut k = i + 1;
            let mut den = 0u32;
            while digit_at(k) {
                den = den
                    .saturating_mul(10)
                    .saturating_add(u32::from(bytes[k] - b'0'));
                k += 1;
            }
            if boundary(k) && den > 0 {
                form = NumForm::Fraction(den);
                i = k;
            }
        }
    }
    out.push(Tok {
        span: [start, i],
        kind: Kind::Num {
            value: value as u32,
            digits,
            form,
        },
        lex: Lex::None,
        cap: false,
        joined,
    });
    i
}

fn read_word(
    text: &str,
    start: usize,
    end: usize,
    out: &mut Vec<Tok>,
    joined: bool,
    first: char,
) -> usize {
    let bytes = text.as_bytes();
    let mut i = start;
    for (k, c) in text[start..end].char_indices() {
        if c.is_alphabetic() {
            i = start + k + c.len_utf8();
            continue;
        }
        // `a.m.`, `p.m.`: single letters joined by periods.
        if c == '.' && i - start == 1 {
            let at = |p: usize| if p < end { bytes[p] } else { b' ' };
            let (next, after) = (at(start + k + 1), at(start + k + 2));
            if next.is_ascii_alphabetic() && after == b'.' {
                i = start + k + 2;
                break;
            }
        }
        // `o'clock`: an apostrophe inside a word (but `'s` stays apart).
        if (c == '\'' || c == '’') && i == start + k {
            let rest = &text[i + c.len_utf8()..end];
            let s_suffix =
                rest.starts_with('s') && !rest[1..].starts_with(|d: char| d.is_alphabetic());
            if !s_suffix && rest.starts_with(|d: char| d.is_alphabetic()) {
                i += c.len_utf8();
                continue;
            }
        }
        break;
    }
    let mut lex = lexicon::classify(&text[start..i]);
    // An abbreviation's period belongs to it: `Sept.`, `a.m.`
    let takes_dot = matches!(
        lex,
        Lex::Month { abbr: true, .. } | Lex::Word(lexicon::W::AmPm(_))
    );
    if takes_dot && i < end && bytes[i] == b'.' {
        i += 1;
    }
    // Compound numbers: `twenty-five`, `thirty-first`.
    if joined
        && let Some(prev) = out.last_mut()
        && let Lex::Number(tens) = prev.lex
        && let Some(c) = lexicon::compound(tens, lex)
    {
        prev.span[1] = i;
        prev.lex = c;
        return i;
    }
    if matches!(lex, Lex::Month { abbr: false, .. }) && !first.is_uppercase() {
        lex = Lex::None;
    }
    out.push(Tok {
        span: [start, i],
        kind: Kind::Word,
        lex,
        cap: first.is_uppercase(),
        joined,
    });
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(text: &str) -> Vec<(String, bool)> {
        let mut out = Vec::new();
        tokenize(text, [0, text.len()], &mut out);
        out.iter()
            .map(|t| (text[t.span[0]..t.span[1]].to_string(), t.joined))
            .collect()
    }

    #[test]
    fn splits_hyphenated_words_and_marks_the_join() {
        let t = toks("third-quarter results");
        assert_eq!(t[0], ("third".to_string(), false));
        assert_eq!(t[1], ("quarter".to_string(), true));
    }

    #[test]
    fn keeps_abbreviation_periods_and_clock_times() {
        let t = toks("Sept. 30 at 10:35 a.m. in the 1990s");
        let words: Vec<&str> = t.iter().map(|(w, _)| w.as_str()).collect();
        assert_eq!(
            words,
            ["Sept.", "30", "at", "10:35", "a.m.", "in", "the", "1990s"]
        );
    }

    #[test]
    fn reads_number_forms() {
        let text = "2,500 and 21st and '80s";
        let mut out = Vec::new();
        tokenize(text, [0, text.len()], &mut out);
        assert_eq!(out[0].num().map(|n| n.2), Some(NumForm::Grouped));
        assert_eq!(out[2].num().map(|n| n.2), Some(NumForm::Ordinal));
        assert_eq!(out[4].num(), Some((80, 2, NumForm::Decade)));
    }

    #[test]
    fn joins_compound_number_words() {
        let text = "twenty-five years";
        let mut out = Vec::new();
        tokenize(text, [0, text.len()], &mut out);
        assert_eq!(out.len(), 2);
        assert_eq!(out[0].lex, Lex::Number(25));
    }
}
