//! Calendar periods: quarters and halves (`the third quarter`, `third-quarter`,
//! `the first half of 2023`, `the quarter ended Sept. 30`, `the 1988 period`,
//! `the same period last year`) and seasons (`last summer`, `the fall of 1995`).
//!
//! Quarters are mostly earnings copy, where `the quarter` and `a year earlier`
//! refer to the quarter being reported on; the resolver keeps that quarter.

use super::grammar::{Anchor, Core, Dir, Expr, Matcher, any_word};
use super::lexicon::{Lex, Unit, W};
use super::tokens::NumForm;

impl Matcher<'_> {
    /// The end of `the same period last year` (also `corresponding`,
    /// `comparable`; `quarter`; `a year ago`, `a year earlier`, `of last year`).
    pub fn same_period_last_year(&self, i: usize) -> Option<usize> {
        if !self.is(i, W::The)
            || !any_word(
                self.word(i + 1),
                &["same", "corresponding", "comparable", "like"],
            )
            || !(self.is(i + 2, W::Period)
                || matches!(self.unit(i + 2), Some((Unit::Quarter, false))))
        {
            return None;
        }
        let year = |k: usize| matches!(self.unit(k), Some((Unit::Year, false)));
        let k = i + 3;
        let of_last = self.is(k, W::Of) && self.is(k + 1, W::Last) && year(k + 2);
        let a_year_ago =
            self.is(k, W::A) && year(k + 1) && matches!(self.w(k + 2), Some(W::Ago | W::Earlier));
        if self.is(k, W::Last) && year(k + 1) {
            Some(k + 2)
        } else if of_last || a_year_ago {
            Some(k + 3)
        } else {
            None
        }
    }

    /// Quarters and halves: `the third quarter`, `third-quarter`, `the fourth
    /// quarter of 1990`, `next year's first quarter`, `the first half of 2023`,
    /// `the quarter`, `the latest period`.
    pub fn quarter(&self, i: usize) -> Core {
        let the = usize::from(self.is(i, W::The));
        let mut j = i + the;
        let mut year = None;
        let mut year_offset = None;
        if let Some(y) = self.year_before_period(j) {
            // `the 1988 quarter`, `the 1988 period`: that year's quarter spoken of.
            if the == 0 {
                return None;
            }
            let expr = if self.is(j + 1, W::Period) {
                Expr::PeriodOf(y)
            } else {
                Expr::Quarter {
                    year: Some(y),
                    year_offset: None,
                    q: 0,
                }
            };
            return Some((j + 2, expr, None));
        } else if let Some(y) = self.year_at(j) {
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
            // `last year's quarter`: the quarter spoken of, a year before.
            if year_offset == Some(-1)
                && matches!(self.unit(j), Some((Unit::Quarter, false)))
                && !self.joined(j + 1)
            {
                let expr = Expr::Rel {
                    anchor: Anchor::Period,
                    unit: Unit::Year,
                    offset: -1,
                };
                return Some((j + 1, expr, None));
            }
        }
        if self.is(j, W::Fiscal) {
            j += 1;
        }
        // `the quarter`, `the latest quarter`, `the latest period`
        if the == 1 && year.is_none() && year_offset.is_none() {
            let k = j + usize::from(self.is(j, W::Latest));
            let latest = k > j;
            if matches!(self.unit(k), Some((Unit::Quarter, false)))
                && !self.is(k + 1, W::Of)
                && !matches!(self.lex(k + 1), Lex::Unit { .. })
            {
                // `the quarter ended Sept. 30`: the quarter that month closes.
                let ended = self.quarter_ended(k + 1);
                return Some((k + 1, Expr::ContextQuarter(ended), None));
            }
            if latest && self.is(k, W::Period) {
                return Some((k + 1, Expr::ContextQuarter(None), None));
            }
        }
        // `the last half of 1989`, `the last quarter of 1990`: with a year only,
        // for `the last quarter` alone is the one before this one.
        let last = self.is(j, W::Last);
        let n = match (self.lex(j), self.num(j)) {
            (Lex::Ordinal(n), _) | (_, Some((n, _, NumForm::Ordinal))) => n,
            _ if self.word(j).eq_ignore_ascii_case("final") => 4,
            _ if last => 4,
            _ => return None,
        };
        let mut k = j + 1;
        if self.is(k, W::Fiscal) {
            k += 1;
        }
        let half = self.is(k, W::Half);
        let n = if last && half { 2 } else { n };
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
        if last && year.is_none() && year_offset.is_none() {
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

    /// `of 1990` / `, 1990` / `1990` / `of nineteen ninety` after a period word.
    fn year_after_of(&self, i: usize) -> Option<(i32, usize)> {
        let j = if self.is(i, W::Of) || self.punct(i, b',') {
            i + 1
        } else {
            i
        };
        self.year_at(j)
            .map(|y| (y, j + 1))
            .or_else(|| self.spelled_year(j))
    }

    /// A four-digit year before `quarter` or `period` (`the 1988 quarter`), which
    /// `year_at` leaves out as it would a count (`1988 quarters`).
    pub fn year_before_period(&self, i: usize) -> Option<i32> {
        let (v, 4, NumForm::Plain) = self.num(i)? else {
            return None;
        };
        let period =
            matches!(self.unit(i + 1), Some((Unit::Quarter, false))) || self.is(i + 1, W::Period);
        ((1800..=2199).contains(&v) && period && !self.joined(i + 1)).then_some(v as i32)
    }

    /// `ended Sept. 30` / `ending June 30, 1990` at `i`: the calendar quarter the
    /// month closes (the one holding the month before it, so that a fiscal
    /// quarter ended July 31 is the second), and the year when it is written.
    fn quarter_ended(&self, i: usize) -> Option<(u32, Option<i32>)> {
        if !matches!(self.word(i), "ended" | "ending") {
            return None;
        }
        let Lex::Month { month, .. } = self.lex(i + 1) else {
            return None;
        };
        if !matches!(self.num(i + 2), Some((1..=31, _, NumForm::Plain))) {
            return None;
        }
        let month = u32::from(month);
        let year = self.year_after_of(i + 3).map(|(y, _)| y);
        // The quarter holding the month before: a quarter ended Jan. 31 is the
        // fourth of the year before.
        let (prev, year) = if month == 1 {
            (12, year.map(|y| y - 1))
        } else {
            (month - 1, year)
        };
        Some(((prev - 1) / 3 + 1, year))
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
