//! Relative and measured patterns: durations (`three years`, `48 hours`),
//! counted dates (`two days ago`, `three years later`), relative units (`last week`,
//! `the following year`), quarters, halves and seasons.

use super::grammar::{Anchor, Core, Dir, Expr, Matcher, any_word};
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
        if self.year_at(q).is_some() && matches!(self.unit(q + 1), Some((Unit::Quarter, _))) {
            return None;
        }
        let (j, mut amount) = self.quantity(q)?;
        let (mut end, unit, plural) = self.unit_after(j, true)?;
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
        use Anchor::{Dct, Last};
        // `year-end`, `year end`, `year's end`: this year, at its end.
        if let Some((Unit::Year | Unit::Month, false)) = self.unit(i)
            && self.is(i + 1, W::End)
        {
            let (unit, _) = self.unit(i)?;
            return Some((
                i + 2,
                Expr::Rel {
                    anchor: Dct,
                    unit,
                    offset: 0,
                },
                Some("END"),
            ));
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
            (Some(W::The), Some(W::Previous)) => (Last, -1, i + 2),
            (Some(W::The), Some(W::Following | W::Next)) => (Last, 1, i + 2),
            (Some(W::The), Some(W::Same)) => (Last, 0, i + 2),
            (Some(W::The), Some(W::Current)) => (Dct, 0, i + 2),
            (Some(W::The), Some(W::Coming)) => (Dct, 1, i + 2),
            (Some(W::Last | W::Past), _) => (Dct, -1, i + 1),
            (Some(W::Previous), _) => (Last, -1, i + 1),
            (Some(W::Next | W::Coming), _) => (Dct, 1, i + 1),
            (Some(W::Following), _) => (Last, 1, i + 1),
            (Some(W::This), Some(W::Past)) => (Dct, -1, i + 2),
            (Some(W::This), Some(W::Coming)) => (Dct, 1, i + 2),
            (Some(W::This | W::Current), _) => (Dct, 0, i + 1),
            (Some(W::That), _) => (Last, 0, i + 1),
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

    /// Quarters and halves: `the third quarter`, `third-quarter`, `the fourth
    /// quarter of 1990`, `next year's first quarter`, `the first half of 2023`,
    /// `the quarter`, `the latest period`.
    pub fn quarter(&self, i: usize) -> Core {
        let the = usize::from(self.is(i, W::The));
        let mut j = i + the;
        let mut year = None;
        let mut year_offset = None;
        if let Some(y) = self.year_at(j) {
            year = Some(y);
            j += 1;
        } else if let (Some(w), Some((Unit::Year, false))) = (self.w(j), self.unit(j + 1))
            && matches!(self.word(j + 2), "'" | "’")
            && self.word(j + 3) == "s"
        {
            year_offset = match w {
                W::This => Some(0),
                W::Next => Some(1),
                W::Last => Some(-1),
                _ => None,
            };
            year_offset?;
            j += 4;
        }
        if self.is(j, W::Fiscal) {
            j += 1;
        }
        // `the 1988 quarter`, `the 1988 period`: that year's quarter spoken of.
        if the == 1
            && year.is_some()
            && (matches!(self.unit(j), Some((Unit::Quarter, false))) || self.is(j, W::Period))
        {
            return Some((
                j + 1,
                Expr::Quarter {
                    year,
                    year_offset,
                    q: 0,
                },
                None,
            ));
        }
        // `the quarter`, `the latest quarter`, `the latest period`
        if the == 1 && year.is_none() && year_offset.is_none() {
            let k = j + usize::from(self.is(j, W::Latest));
            let latest = k > j;
            if matches!(self.unit(k), Some((Unit::Quarter, false)))
                && !self.is(k + 1, W::Of)
                && !matches!(self.lex(k + 1), Lex::Unit { .. })
            {
                return Some((k + 1, Expr::ContextQuarter, None));
            }
            if latest && self.is(k, W::Period) {
                return Some((k + 1, Expr::ContextQuarter, None));
            }
        }
        let n = match (self.lex(j), self.num(j)) {
            (Lex::Ordinal(n), _) | (_, Some((n, _, NumForm::Ordinal))) => n,
            _ if self.word(j).eq_ignore_ascii_case("final") => 4,
            _ => return None,
        };
        let mut k = j + 1;
        if self.is(k, W::Fiscal) {
            k += 1;
        }
        let half = self.is(k, W::Half);
        if !(half || matches!(self.unit(k), Some((Unit::Quarter, false)))) {
            return None;
        }
        if (half && n > 2) || n > 4 || n == 0 {
            return None;
        }
        let mut end = k + 1;
        // `of 1990`, `, 1990`, `of this year`, `of next year`
        if year.is_none() && year_offset.is_none() {
            if let Some((y, e)) = self.year_after_of(end) {
                year = Some(y);
                end = e;
            } else if self.is(end, W::Of)
                && let (Some(w), Some((Unit::Year, false))) = (self.w(end + 1), self.unit(end + 2))
            {
                year_offset = match w {
                    W::This | W::The => Some(0),
                    W::Next => Some(1),
                    W::Last => Some(-1),
                    _ => None,
                };
                if year_offset.is_some() {
                    end += 3;
                }
            }
        }
        // An adjective (`the third-quarter results`) leaves the article out.
        if the == 1 && self.joined(k) && year.is_none() && year_offset.is_none() {
            return None;
        }
        if half {
            // `the first half` of a match is no date: only with a year or as an
            // adjective (`second-half profit`).
            if year.is_none() && year_offset.is_none() && !self.joined(k) {
                return None;
            }
            let expr = Expr::Half {
                year,
                year_offset,
                h: n,
            };
            return Some((end, expr, None));
        }
        Some((
            end,
            Expr::Quarter {
                year,
                year_offset,
                q: n,
            },
            None,
        ))
    }

    /// `of 1990` / `, 1990` / `1990` after a period word.
    fn year_after_of(&self, i: usize) -> Option<(i32, usize)> {
        let j = if self.is(i, W::Of) || self.punct(i, b',') {
            i + 1
        } else {
            i
        };
        self.year_at(j).map(|y| (y, j + 1))
    }

    /// Seasons: `last summer`, `this fall`, `the summer of 1995`, `spring 2003`.
    pub fn season(&self, i: usize) -> Core {
        let (dir, j, det) = match (self.w(i), self.w(i + 1)) {
            (Some(W::Last), _) => (Dir::Last, i + 1, true),
            (Some(W::Next | W::Coming), _) => (Dir::Next, i + 1, true),
            (Some(W::This), Some(W::Past)) => (Dir::Last, i + 2, true),
            (Some(W::This), Some(W::Coming)) => (Dir::Next, i + 2, true),
            (Some(W::This | W::That), _) => (Dir::This, i + 1, true),
            (Some(W::The), _) => (Dir::Auto, i + 1, true),
            _ => (Dir::Auto, i, false),
        };
        let Lex::Season(season) = self.lex(j) else {
            return None;
        };
        if let Some((y, e)) = self.year_after_of(j + 1) {
            return Some((
                e,
                Expr::Season {
                    year: Some(y),
                    season,
                    dir,
                },
                None,
            ));
        }
        // `the fall of Rome`
        if self.is(j + 1, W::Of) {
            return None;
        }
        if !det {
            let prev = if i > 0 { self.w(i - 1) } else { None };
            let after_prep = matches!(
                prev,
                Some(W::In | W::Before | W::After | W::Early | W::Late | W::Mid)
            ) || (i > 0
                && matches!(
                    self.word(i - 1),
                    "during" | "until" | "since" | "through" | "by"
                ));
            if !after_prep || self.toks[j].cap {
                return None;
            }
        }
        Some((
            j + 1,
            Expr::Season {
                year: None,
                season,
                dir,
            },
            None,
        ))
    }
}
