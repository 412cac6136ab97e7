//! Relative and measured patterns: durations (`three years`, `48 hours`),
//! counted dates (`two days ago`, `three years later`) and relative units (`last
//! week`, `the following year`, `year-end`). Quarters and seasons are in `periods`.

use super::grammar::{Anchor, Core, Expr, Matcher, any_word};
use super::lexicon::{Lex, Unit, W};
use super::tokens::NumForm;

/// Words between a number and its unit that keep the duration (`two more weeks`,
/// `eight trading days`).
fn unit_adjective(word: &str) -> bool {
    any_word(
        word,
        &[
            "more",
            "additional",
            "extra",
            "further",
            "trading",
            "business",
            "working",
            "calendar",
            "straight",
            "consecutive",
            "full",
            "long",
        ],
    )
}

impl Matcher<'_> {
    /// A count at `i`: digits, number words, `a`, `a few`, `a couple of`, `half a`.
    /// `None` in the amount means an unspecified count (`several`).
    pub fn quantity(&self, i: usize) -> Option<(usize, Option<f64>)> {
        let (mut j, mut amount) = match (self.lex(i), self.num(i)) {
            (_, Some((v, _, NumForm::Plain | NumForm::Grouped))) => {
                let v = f64::from(v);
                match self.num(i + 1) {
                    Some((n, _, NumForm::Fraction(d))) => {
                        (i + 2, Some(v + f64::from(n) / f64::from(d)))
                    }
                    _ => (i + 1, Some(v)),
                }
            }
            (Lex::Number(n), _) => match (self.lex(i + 1), self.joined(i + 1)) {
                (Lex::Number(m), false) if n >= 20 && n % 10 == 0 && (1..=9).contains(&m) => {
                    (i + 2, Some(f64::from(n + m)))
                }
                (Lex::Word(W::Hundred), _) => (i + 2, Some(f64::from(n * 100))),
                (Lex::Word(W::Thousand), _) => (i + 2, Some(f64::from(n * 1000))),
                _ => (i + 1, Some(f64::from(n))),
            },
            (Lex::Word(W::A), _) => match (self.lex(i + 1), self.w(i + 2)) {
                (Lex::Word(W::Few), _) => (i + 2, None),
                (Lex::Word(W::Couple), Some(W::Of)) => (i + 3, Some(2.0)),
                (Lex::Number(12), _) => (i + 2, Some(12.0)),
                (Lex::Word(W::Half), _) => (i + 2, Some(0.5)),
                _ => (i + 1, Some(1.0)),
            },
            (Lex::Word(W::Half), _) if self.is(i + 1, W::A) => (i + 2, Some(0.5)),
            (Lex::Word(W::Few | W::Several | W::Many), _) => (i + 1, None),
            (Lex::Word(W::Couple), _) if self.is(i + 1, W::Of) => (i + 2, Some(2.0)),
            _ => return None,
        };
        // `two and a half years`
        if self.is(j, W::And) && self.is(j + 1, W::A) && self.is(j + 2, W::Half) {
            amount = amount.map(|a| a + 0.5);
            j += 3;
        }
        Some((j, amount))
    }

    /// The unit at `i`, after optional adjectives: end, unit, plural.
    fn unit_after(&self, i: usize, after_number: bool) -> Option<(usize, Unit, bool)> {
        let mut j = i;
        while j < i + 2 && unit_adjective(self.word(j)) && !self.joined(j) {
            j += 1;
        }
        if let Some((u, p)) = self.unit(j) {
            return Some((j + 1, u, p));
        }
        // `second` is an ordinal unless it follows a number.
        if after_number
            && self.word(j).eq_ignore_ascii_case("second")
            && (self.num(i.wrapping_sub(1)).is_some()
                || matches!(self.lex(i.wrapping_sub(1)), Lex::Number(_)))
        {
            return Some((j + 1, Unit::Second, false));
        }
        None
    }

    /// Durations and counted dates: `three years`, `the past two months`,
    /// `five-year`, `two days ago`, `three years later`, `a year earlier`.
    pub fn quantity_expr(&self, i: usize) -> Core {
        // A frame: `the past`, `the next`, `the first`, `the last`.
        let the = usize::from(self.is(i, W::The));
        let k = i + the;
        let framed = matches!(
            self.lex(k),
            Lex::Word(
                W::Past | W::Last | W::Next | W::Previous | W::Coming | W::Following | W::Latest
            ) | Lex::Ordinal(1)
        ) || self.word(k).eq_ignore_ascii_case("final")
            || self.word(k).eq_ignore_ascii_case("initial");
        let q = if framed { k + 1 } else { k };
        // A rate is a set, not a duration: `$30,000 a year`, `twice a week`; but
        // `C$307.2 a year earlier` is a date.
        if q == i && self.is(q, W::A) && i > 0 {
            let prev = self.word(i - 1);
            let counted_before =
                |k: usize| self.num(k).is_some() || matches!(self.lex(k), Lex::Number(_));
            // `$30,000 a year`, `$2 million a year`, `four flights a week`
            let rate = counted_before(i - 1)
                || (i > 1 && counted_before(i - 2))
                || prev == "%"
                || prev.eq_ignore_ascii_case("percent")
                || matches!(self.w(i - 1), Some(W::Times | W::Once | W::Twice));
            let counted = matches!(self.w(q + 2), Some(W::Ago | W::Earlier | W::Later));
            if rate && !counted {
                return None;
            }
        }
        // `the 1988 quarter` is a date, not 1988 quarters.
        if self.year_before_period(q).is_some() {
            return None;
        }
        let (j, mut amount) = self.quantity(q)?;
        let (mut end, unit, plural) = self.unit_after(j, true)?;
        // `a year-earlier loss` compares with the year-ago period: no duration.
        if self.joined(end) && matches!(self.w(end), Some(W::Earlier | W::Ago)) {
            return None;
        }
        // `a minute and a half`
        if self.is(end, W::And) && self.is(end + 1, W::A) && self.is(end + 2, W::Half) {
            amount = amount.map(|a| a + 0.5);
            end += 3;
        }
        // `three-quarters of its food`, `a quarter of the market` are fractions.
        if unit == Unit::Quarter && self.is(end, W::Of) {
            return None;
        }
        if the == 1 && !framed && amount == Some(1.0) && self.is(q, W::A) {
            return None;
        }
        // `the nine months`: an article only with a count.
        if the == 1 && !framed && self.num(q).is_none() && !matches!(self.lex(q), Lex::Number(_)) {
            return None;
        }
        // `year` after a plain count is an adjective (`five-year`, `five year low`);
        // singular after `a`/`one` is the ordinary case.
        let _ = plural;
        // An adjective (`the 14-day limit`) leaves the article out.
        if the == 1 && !framed && self.joined(end - 1) {
            return None;
        }
        // A capitalised unit mid-sentence is a title: `CBS's 60 Minutes`.
        if i > 0 && self.toks[end - 1].cap && !self.joined(end - 1) {
            return None;
        }
        // Ages are not time expressions: `a 6-year-old`, `52 years old`.
        if self.is(end, W::Old) {
            return None;
        }
        // `day-long`
        if self.word(end) == "long" && self.joined(end) {
            end += 1;
        }
        // Counted decades and centuries are counted in years (`a decade ago` is 2013).
        let (unit, scale) = match unit {
            Unit::Decade
                if self.is(end, W::Ago) || self.is(end, W::Later) || self.is(end, W::Earlier) =>
            {
                (Unit::Year, 10.0)
            }
            Unit::Century
                if self.is(end, W::Ago) || self.is(end, W::Later) || self.is(end, W::Earlier) =>
            {
                (Unit::Year, 100.0)
            }
            u => (u, 1.0),
        };
        let n = amount.map(|a| (a * scale).round() as i32);
        if !framed && !self.joined(end) {
            match self.w(end) {
                Some(W::Ago) => {
                    let expr = match n {
                        Some(n) if amount.is_some_and(|a| a.fract() == 0.0) => Expr::Rel {
                            anchor: if n == 1 && unit == Unit::Year {
                                Anchor::Ago
                            } else {
                                Anchor::Dct
                            },
                            unit,
                            offset: -n,
                        },
                        _ => Expr::Ref("PAST_REF"),
                    };
                    return Some((end + 1, expr, None));
                }
                Some(W::Earlier | W::Later) if n.is_some() => {
                    let sign = if self.is(end, W::Later) { 1 } else { -1 };
                    // `a year earlier` compares with the year-ago period, like `a year ago`.
                    let anchor = if sign < 0 && n == Some(1) && unit == Unit::Year {
                        Anchor::Ago
                    } else {
                        Anchor::Last
                    };
                    let expr = Expr::Rel {
                        anchor,
                        unit,
                        offset: sign * n.unwrap_or(1),
                    };
                    return Some((end + 1, expr, None));
                }
                Some(W::From) if self.is(end + 1, W::Now) && n.is_some() => {
                    let expr = Expr::Rel {
                        anchor: Anchor::Dct,
                        unit,
                        offset: n.unwrap_or(1),
                    };
                    return Some((end + 2, expr, None));
                }
                _ => {}
            }
        }
        Some((end, Expr::Duration { amount, unit }, None))
    }

    /// Unspecified durations: `for years`, `in decades`, `within weeks`,
    /// `over the years`.
    pub fn vague_duration(&self, i: usize) -> Core {
        if i == 0 {
            return None;
        }
        let prev = self.w(i - 1);
        let the = usize::from(self.is(i, W::The));
        let ok = match prev {
            Some(W::For | W::In | W::Within) => the == 0,
            Some(W::Over) => the == 1,
            _ => false,
        };
        let (unit, plural) = self.unit(i + the)?;
        if !ok || !plural || unit < Unit::Day || self.toks[i + the].cap {
            return None;
        }
        Some((i + the + 1, Expr::Duration { amount: None, unit }, None))
    }

    /// `the year`, `the fiscal year`, `the full year`, `the current year`: the
    /// DCT's year; a span of a year when it is `the year ended March 31`.
    pub fn the_year(&self, i: usize) -> Core {
        if !self.is(i, W::The) {
            return None;
        }
        let mut j = i + 1;
        let current = matches!(self.w(j), Some(W::Full | W::Current));
        if current {
            j += 1;
        }
        if self.is(j, W::Fiscal) {
            j += 1;
        }
        if !matches!(self.unit(j), Some((Unit::Year, false))) || self.toks[j].cap {
            return None;
        }
        let next = self.word(j + 1);
        if matches!(next, "ended" | "ending" | "ends" | "through") || self.is(j + 1, W::To) {
            let expr = Expr::Duration {
                amount: Some(1.0),
                unit: Unit::Year,
            };
            return Some((j + 1, expr, None));
        }
        // `the year before`, `the year after`: anaphoric, left to the grammar of
        // `the following year`.
        if matches!(
            self.w(j + 1),
            Some(W::Before | W::After | W::Earlier | W::Ago)
        ) || self.joined(j + 1)
        {
            return None;
        }
        let expr = Expr::Rel {
            anchor: super::grammar::Anchor::Dct,
            unit: Unit::Year,
            offset: 0,
        };
        Some((j + 1, expr, None))
    }

    /// Units relative to the DCT or the last date: `last week`, `this year`,
    /// `next month`, `the following year`, `that day`, `the weekend`, `year-end`.
    pub fn relative_unit(&self, i: usize) -> Core {
        use Anchor::{Dct, Sequel};
        // `year-end`, `year end`, `year's end`: this year, at its end.
        let possessive = matches!(self.word(i + 1), "'" | "’") && self.word(i + 2) == "s";
        let end_at = if possessive { i + 3 } else { i + 1 };
        if let Some((Unit::Year | Unit::Month, false)) = self.unit(i)
            && self.is(end_at, W::End)
        {
            let (unit, _) = self.unit(i)?;
            return Some((
                end_at + 1,
                Expr::Rel {
                    anchor: Dct,
                    unit,
                    offset: 0,
                },
                Some("END"),
            ));
        }
        // `the same period last year`, `the comparable quarter a year ago`: the
        // quarter spoken of, a year before.
        if let Some(end) = self.same_period_last_year(i) {
            let expr = Expr::Rel {
                anchor: Anchor::Period,
                unit: Unit::Year,
                offset: -1,
            };
            return Some((end, expr, None));
        }
        // `year-earlier`, `year-ago`, `the year-earlier period`
        let the = usize::from(self.is(i, W::The));
        let mut k = i + the;
        if any_word(self.word(k), &["comparable", "corresponding"]) {
            k += 1;
        }
        if let Some((Unit::Year, false)) = self.unit(k)
            && self.joined(k + 1)
            && matches!(self.w(k + 1), Some(W::Earlier | W::Ago))
        {
            let mut end = k + 2;
            if matches!(self.unit(end), Some((Unit::Quarter, false))) || self.is(end, W::Period) {
                end += 1;
            } else if the == 1 {
                return None;
            }
            let anchor = if end > k + 2 {
                Anchor::Period
            } else {
                Anchor::Ago
            };
            let expr = Expr::Rel {
                anchor,
                unit: Unit::Year,
                offset: -1,
            };
            return Some((end, expr, None));
        }
        let (anchor, offset, j) = match (self.w(i), self.w(i + 1)) {
            (Some(W::The), Some(W::Past | W::Last)) => (Dct, -1, i + 2),
            (Some(W::The), Some(W::Previous)) => (Sequel, -1, i + 2),
            (Some(W::The), Some(W::Following | W::Next)) => (Sequel, 1, i + 2),
            (Some(W::The), Some(W::Same)) => (Sequel, 0, i + 2),
            (Some(W::The), Some(W::Current)) => (Dct, 0, i + 2),
            (Some(W::The), Some(W::Coming)) => (Dct, 1, i + 2),
            (Some(W::Last | W::Past), _) => (Dct, -1, i + 1),
            (Some(W::Previous), _) => (Sequel, -1, i + 1),
            (Some(W::Next | W::Coming), _) => (Dct, 1, i + 1),
            (Some(W::Following), _) => (Sequel, 1, i + 1),
            (Some(W::This), Some(W::Past)) => (Dct, -1, i + 2),
            (Some(W::This), Some(W::Coming)) => (Dct, 1, i + 2),
            (Some(W::This | W::Current), _) => (Dct, 0, i + 1),
            (Some(W::That), _) => (Sequel, 0, i + 1),
            (Some(W::The), Some(W::Weekend)) => return Some((i + 2, Expr::Weekend(None), None)),
            _ => return None,
        };
        let j = j + usize::from(self.is(j, W::Fiscal));
        if self.is(j, W::Weekend) {
            return match anchor {
                Dct => Some((j + 1, Expr::Weekend(Some(offset)), None)),
                _ => None,
            };
        }
        let (unit, plural) = self.unit(j)?;
        // `This Week` mid-sentence is a title.
        if plural || (self.toks[j].cap && i > 0) {
            return None;
        }
        if the == 1 && offset == -1 && anchor == Dct && matches!(unit, Unit::Decade | Unit::Century)
        {
            let expr = Expr::Duration {
                amount: Some(1.0),
                unit,
            };
            return Some((j + 1, expr, None));
        }
        if matches!(unit, Unit::Second | Unit::Minute | Unit::Hour) {
            return None;
        }
        Some((
            j + 1,
            Expr::Rel {
                anchor,
                unit,
                offset,
            },
            None,
        ))
    }
}
