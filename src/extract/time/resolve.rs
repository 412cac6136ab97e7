//! Resolution: from what an expression means to its TIMEX3 type and value.
//!
//! Relative expressions count from an anchor, chosen as TimeBank does: the article
//! date for deictic ones (`yesterday`, `last week`, `two days ago`) and the last
//! mentioned date for anaphoric ones (`three years later`, `the following year`).
//! Dates without a year take the instance nearest the article date, leaning to the
//! future when the sentence speaks of it. Without an article date, what cannot be
//! resolved keeps TIMEX3 placeholders (`XXXX-03-07`).

use chrono::{Datelike, Months, NaiveDate, Weekday};

use super::grammar::{Anchor, Dir, Expr};
use super::lexicon::{Holiday, Season, Unit};
use super::value::{self, Gran, Point};
use crate::extract::TimexKind;

/// The tense a sentence speaks in around an expression.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tense {
    Past,
    Future,
    Unknown,
}

/// A resolved expression.
#[derive(Clone, Debug, PartialEq)]
pub struct Resolved {
    pub kind: TimexKind,
    pub value: String,
    /// The calendar point, for dates that resolved to one.
    pub point: Option<Point>,
}

/// The resolution state of one document: the DCT and what was mentioned last.
#[derive(Clone, Debug)]
pub struct Resolver {
    dct: Option<NaiveDate>,
    last: Option<Point>,
    last_quarter: Option<(Point, usize)>,
    /// Index of the sentence being resolved.
    pub sentence: usize,
}

fn rank(g: Gran) -> u8 {
    match g {
        Gran::Century => 0,
        Gran::Decade => 1,
        Gran::Year => 2,
        Gran::Half => 3,
        Gran::Quarter | Gran::Season(_) => 4,
        Gran::Month => 5,
        Gran::Week | Gran::Weekend => 6,
        Gran::Day => 7,
    }
}

/// A date with a four-digit year: TIMEX3 has no value outside 0000–9999.
fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    if !(0..=9999).contains(&y) {
        return None;
    }
    NaiveDate::from_ymd_opt(y, m, d)
}

impl Resolver {
    pub fn new(dct: Option<NaiveDate>) -> Resolver {
        Resolver {
            dct,
            last: None,
            last_quarter: None,
            sentence: 0,
        }
    }

    /// Resolves `expr`; `tense` is asked only when the value depends on it, and
    /// `day` is the day the sentence speaks of, for clock times without one.
    pub fn resolve(
        &mut self,
        expr: &Expr,
        tense: &mut dyn FnMut() -> Tense,
        day: Option<Point>,
    ) -> Resolved {
        let fixed = |kind, value: String| Resolved {
            kind,
            value,
            point: None,
        };
        match expr {
            Expr::Ref(r) => fixed(TimexKind::Date, (*r).to_string()),
            Expr::Duration { amount, unit } => {
                fixed(TimexKind::Duration, value::duration_value(*amount, *unit))
            }
            Expr::Set(v) => fixed(TimexKind::Set, v.clone()),
            Expr::Time {
                hour,
                minute,
                day: on,
            } => {
                let named = on
                    .as_deref()
                    .and_then(|d| self.point(d, tense))
                    .filter(|p| p.gran == Gran::Day);
                if named.is_some() {
                    self.last = named;
                }
                let base = named.or(day).or(self.dct.map(|d| Point::new(d, Gran::Day)));
                let date = base.map_or_else(|| "XXXX-XX-XX".to_string(), |p| p.value());
                // The day a time names is the day of the sentence's other times.
                Resolved {
                    kind: TimexKind::Time,
                    value: format!("{date}T{hour:02}:{minute:02}"),
                    point: named,
                }
            }
            Expr::PartOfDay { day: on, pod } => {
                let date = match self.point(on, tense) {
                    Some(p) => {
                        self.last = Some(p);
                        p.value()
                    }
                    None => placeholder(on),
                };
                fixed(TimexKind::Time, format!("{date}T{}", pod.code()))
            }
            _ => match self.point(expr, tense) {
                Some(p) => {
                    // Comparisons (`a year earlier`, `three years later`) count from
                    // the date spoken of; they do not replace it.
                    let anaphoric = matches!(
                        expr,
                        Expr::Rel {
                            anchor: Anchor::Last | Anchor::Ago | Anchor::Period,
                            ..
                        } | Expr::ContextQuarter(_)
                            | Expr::PeriodOf(_)
                            | Expr::Quarter { q: 0, .. }
                    );
                    if !anaphoric {
                        self.last = Some(p);
                        if matches!(p.gran, Gran::Quarter | Gran::Half) {
                            self.last_quarter = Some((p, self.sentence));
                        }
                    }
                    Resolved {
                        kind: TimexKind::Date,
                        value: p.value(),
                        point: Some(p),
                    }
                }
                None => fixed(TimexKind::Date, placeholder(expr)),
            },
        }
    }

    /// The calendar point of a date expression, if it can be resolved to a year
    /// TIMEX3 can write (0000–9999: `Thursday` after 9999-12-31 cannot).
    fn point(&self, expr: &Expr, tense: &mut dyn FnMut() -> Tense) -> Option<Point> {
        use chrono::Datelike;
        self.any_point(expr, tense)
            .filter(|p| (0..=9999).contains(&p.date.year()))
    }

    fn any_point(&self, expr: &Expr, tense: &mut dyn FnMut() -> Tense) -> Option<Point> {
        let dct = self.dct;
        match *expr {
            Expr::Cal { year, month, day } => self.calendar(year, month, day, tense),
            Expr::MonthDir { month, dir } => {
                let d = dct?;
                let y = match dir {
                    Dir::Last if month >= d.month() => d.year() - 1,
                    Dir::Next if month <= d.month() => d.year() + 1,
                    _ => d.year(),
                };
                Some(Point::new(ymd(y, month, 1)?, Gran::Month))
            }
            Expr::MonthOfYear { month, year_offset } => {
                let d = dct?;
                Some(Point::new(
                    ymd(d.year() + year_offset, month, 1)?,
                    Gran::Month,
                ))
            }
            Expr::Weekday { day, dir } => self.weekday(day, dir, tense),
            Expr::Rel {
                anchor,
                unit,
                offset,
            } => self.relative(anchor, unit, offset),
            Expr::Weekend(offset) => {
                let d = dct?;
                let off = match offset {
                    Some(o) => o,
                    None if tense() == Tense::Future => 0,
                    None if d.weekday().number_from_monday() >= 6 => 0,
                    None => -1,
                };
                let date = value::shift_date(d, Unit::Week, off)?;
                Some(Point::new(date, Gran::Weekend))
            }
            Expr::Quarter {
                year,
                year_offset,
                q,
            } => {
                let y = match (year, year_offset, dct) {
                    (Some(y), _, _) => y,
                    (None, Some(o), Some(d)) => d.year() + o,
                    (None, None, Some(d)) => {
                        let current = (d.month() - 1) / 3 + 1;
                        if q > current && tense() != Tense::Future {
                            d.year() - 1
                        } else {
                            d.year()
                        }
                    }
                    _ => return None,
                };
                // `q` 0 is the quarter spoken of (`the 1988 quarter`).
                let q = match (q, self.last_quarter, dct) {
                    (0, Some((p, _)), _) if p.gran == Gran::Quarter => (p.date.month() - 1) / 3 + 1,
                    (0, _, Some(d)) => {
                        let prev = Point::new(d, Gran::Quarter).shift(Unit::Quarter, -1)?;
                        (prev.date.month() - 1) / 3 + 1
                    }
                    (0, _, None) => return None,
                    (q, _, _) => q,
                };
                Some(Point::new(ymd(y, 3 * q - 2, 1)?, Gran::Quarter))
            }
            Expr::Half {
                year,
                year_offset,
                h,
            } => {
                let y = match (year, year_offset, dct) {
                    (Some(y), _, _) => y,
                    (None, Some(o), Some(d)) => d.year() + o,
                    (None, None, Some(d)) => {
                        let current = if d.month() <= 6 { 1 } else { 2 };
                        if h > current && tense() != Tense::Future {
                            d.year() - 1
                        } else {
                            d.year()
                        }
                    }
                    _ => return None,
                };
                Some(Point::new(ymd(y, 6 * h - 5, 1)?, Gran::Half))
            }
            Expr::PeriodOf(year) => match self.last_quarter {
                Some((p, _)) => Some(Point::new(ymd(year, p.date.month(), 1)?, p.gran)),
                None => Point::year(year),
            },
            Expr::ContextQuarter(ended) => {
                // The quarter reported on: the one spoken of, unless that is still
                // running; else the one that closed on the date given; else the
                // last complete quarter.
                let previous =
                    dct.and_then(|d| Point::new(d, Gran::Quarter).shift(Unit::Quarter, -1));
                match (self.last_quarter, ended, previous) {
                    (Some((p, _)), _, Some(prev))
                        if p.gran == Gran::Quarter && p.date > prev.date =>
                    {
                        Some(prev)
                    }
                    (Some((p, _)), _, _) => Some(p),
                    (None, Some((q, year)), _) => {
                        let quarter = Expr::Quarter {
                            year,
                            year_offset: None,
                            q,
                        };
                        self.point(&quarter, tense)
                    }
                    (None, None, prev) => prev,
                }
            }
            Expr::Season { year, season, dir } => self.season(year, season, dir, tense),
            Expr::Decade { decade, two_digit } => {
                let y = if two_digit {
                    let (century, yy) = dct.map_or((19, 99), |d| (d.year() / 100, d.year() % 100));
                    let c = if decade * 10 > yy {
                        century - 1
                    } else {
                        century
                    };
                    c * 100 + decade * 10
                } else {
                    decade * 10
                };
                Some(Point::new(ymd(y, 1, 1)?, Gran::Decade))
            }
            Expr::Century(c) => Some(Point::new(ymd(c * 100, 1, 1)?, Gran::Century)),
            Expr::Holiday(h, year) => {
                let date = match year {
                    Some(y) => holiday_date(h, y)?,
                    None => {
                        let d = dct?;
                        let cands =
                            [d.year() - 1, d.year(), d.year() + 1].map(|y| holiday_date(h, y));
                        choose(d, cands.into_iter().flatten(), tense())?
                    }
                };
                Some(Point::new(date, Gran::Day))
            }
            _ => None,
        }
    }

    fn calendar(
        &self,
        year: Option<i32>,
        month: Option<u32>,
        day: Option<u32>,
        tense: &mut dyn FnMut() -> Tense,
    ) -> Option<Point> {
        match (year, month, day) {
            (Some(y), Some(m), Some(d)) => Some(Point::new(ymd(y, m, d)?, Gran::Day)),
            (Some(y), Some(m), None) => Some(Point::new(ymd(y, m, 1)?, Gran::Month)),
            (Some(y), None, _) => Point::year(y),
            (None, Some(m), Some(d)) => {
                let dct = self.dct?;
                let cands = [dct.year() - 1, dct.year(), dct.year() + 1].map(|y| ymd(y, m, d));
                Some(Point::new(
                    choose(dct, cands.into_iter().flatten(), tense())?,
                    Gran::Day,
                ))
            }
            (None, Some(m), None) => {
                let dct = self.dct?;
                let cands = [dct.year() - 1, dct.year(), dct.year() + 1].map(|y| ymd(y, m, 1));
                let date = choose_month(dct, cands.into_iter().flatten(), tense())?;
                Some(Point::new(date, Gran::Month))
            }
            _ => None,
        }
    }

    fn weekday(&self, day: u32, dir: Dir, tense: &mut dyn FnMut() -> Tense) -> Option<Point> {
        let base = match dir {
            Dir::Before => self.last.filter(|p| p.gran == Gran::Day)?.date,
            _ => self.dct?,
        };
        let today = base.weekday().number_from_monday();
        let back = i64::from((today + 7 - day) % 7);
        let ahead = i64::from((day + 7 - today) % 7);
        let past = |n: i64| base.checked_sub_days(chrono::Days::new(n as u64));
        let future = |n: i64| base.checked_add_days(chrono::Days::new(n as u64));
        let date = match dir {
            Dir::Last | Dir::Before => past(if back == 0 { 7 } else { back }),
            Dir::Next => future(if ahead == 0 { 7 } else { ahead }),
            Dir::Auto | Dir::This => {
                if back == 0 {
                    Some(base)
                } else if tense() == Tense::Future {
                    future(ahead)
                } else {
                    past(back)
                }
            }
        }?;
        Some(Point::new(date, Gran::Day))
    }

    fn relative(&self, anchor: Anchor, unit: Unit, offset: i32) -> Option<Point> {
        let gran = value::unit_gran(unit);
        let from_dct = |offset: i32| -> Option<Point> {
            let base = Point::new(self.dct?, gran);
            if offset == 0 {
                Some(base)
            } else {
                base.shift(unit, offset)
            }
        };
        match anchor {
            Anchor::Dct => from_dct(offset),
            Anchor::Ago => match self.last_quarter {
                Some((p, s)) if self.sentence <= s + 3 && unit == Unit::Year => {
                    p.shift(unit, offset)
                }
                _ => from_dct(offset),
            },
            Anchor::Period => match self.last_quarter {
                Some((p, _)) => p.shift(unit, offset),
                None => from_dct(offset),
            },
            Anchor::Sequel => {
                let quarter = self
                    .last_quarter
                    .map(|(p, _)| p)
                    .filter(|p| unit == Unit::Quarter && p.gran == Gran::Quarter);
                let base = quarter
                    .or(self.last)
                    .or(self.dct.map(|d| Point::new(d, Gran::Day)))?;
                if rank(base.gran) < rank(gran) {
                    let shifted = value::shift_date(base.date, unit, offset)?;
                    return Some(Point::new(shifted, base.gran));
                }
                let p = if offset == 0 {
                    base
                } else {
                    Point::new(value::shift_date(base.date, unit, offset)?, gran)
                };
                Some(p.coarsen(gran))
            }
            Anchor::Last => {
                let base = self.last.or(self.dct.map(|d| Point::new(d, Gran::Day)))?;
                if rank(base.gran) < rank(gran) {
                    // A day after a year is still that year, at best.
                    let shifted = value::shift_date(base.date, unit, offset)?;
                    return Some(Point::new(shifted, base.gran));
                }
                if offset == 0 {
                    return Some(base.coarsen(gran));
                }
                base.shift(unit, offset)
            }
        }
    }

    fn season(
        &self,
        year: Option<i32>,
        season: Season,
        dir: Dir,
        tense: &mut dyn FnMut() -> Tense,
    ) -> Option<Point> {
        let gran = Gran::Season(season);
        if let Some(y) = year {
            return Some(Point::new(value::season_start(y, season)?, gran));
        }
        let d = self.dct?;
        let start = |y: i32| value::season_start(y, season);
        let ended = |y: i32| {
            start(y)
                .and_then(|s| s.checked_add_months(Months::new(3)))
                .is_some_and(|e| e <= d)
        };
        let y = match dir {
            Dir::Last => {
                if ended(d.year()) {
                    d.year()
                } else {
                    d.year() - 1
                }
            }
            Dir::Next => {
                if start(d.year()).is_some_and(|s| s > d) {
                    d.year()
                } else {
                    d.year() + 1
                }
            }
            Dir::This => {
                if season == Season::Winter && d.month() <= 2 {
                    d.year() - 1
                } else {
                    d.year()
                }
            }
            Dir::Auto | Dir::Before => {
                let started = start(d.year()).is_some_and(|s| s <= d);
                if tense() == Tense::Future || started {
                    d.year()
                } else {
                    d.year() - 1
                }
            }
        };
        Some(Point::new(start(y)?, gran))
    }
}

/// Picks among candidate dates the nearest one, leaving out those more than a
/// season on the wrong side of the article date for the sentence's tense.
fn choose(
    dct: NaiveDate,
    cands: impl Iterator<Item = NaiveDate>,
    tense: Tense,
) -> Option<NaiveDate> {
    let days = |c: NaiveDate| (c - dct).num_days();
    cands
        .filter(|&c| match tense {
            Tense::Future => days(c) >= -90,
            Tense::Past => days(c) <= 90,
            Tense::Unknown => true,
        })
        .min_by_key(|&c| days(c).abs())
}

/// Picks among candidate months (given by their first day) the one nearest the
/// article date, leaving out those that start after it in a past-tense sentence
/// and those that ended before it in a future-tense one.
fn choose_month(
    dct: NaiveDate,
    cands: impl Iterator<Item = NaiveDate>,
    tense: Tense,
) -> Option<NaiveDate> {
    let mid = |c: NaiveDate| (c - dct).num_days() + 14;
    cands
        .filter(|&c| match tense {
            Tense::Future => (c - dct).num_days() + 30 >= -60,
            Tense::Past => (c - dct).num_days() <= 75,
            Tense::Unknown => true,
        })
        .min_by_key(|&c| mid(c).abs())
}

/// The date of a holiday in `year`.
fn holiday_date(h: Holiday, year: i32) -> Option<NaiveDate> {
    let nth = |m, wd, n| NaiveDate::from_weekday_of_month_opt(year, m, wd, n);
    match h {
        Holiday::Christmas => ymd(year, 12, 25),
        Holiday::Halloween => ymd(year, 10, 31),
        Holiday::Thanksgiving => nth(11, Weekday::Thu, 4),
        Holiday::Labor => nth(9, Weekday::Mon, 1),
        Holiday::Election => nth(11, Weekday::Mon, 1).and_then(|d| d.succ_opt()),
        Holiday::Memorial => {
            let last = ymd(year, 5, 31)?;
            let back = last.weekday().num_days_from_monday();
            last.checked_sub_days(chrono::Days::new(u64::from(back)))
        }
        Holiday::Easter => {
            // Anonymous Gregorian algorithm.
            let a = year % 19;
            let b = year / 100;
            let c = year % 100;
            let d = b / 4;
            let e = b % 4;
            let f = (b + 8) / 25;
            let g = (b - f + 1) / 3;
            let h = (19 * a + b - d - g + 15) % 30;
            let i = c / 4;
            let k = c % 4;
            let l = (32 + 2 * e + 2 * i - h - k) % 7;
            let m = (a + 11 * h + 22 * l) / 451;
            let month = (h + l - 7 * m + 114) / 31;
            let day = (h + l - 7 * m + 114) % 31 + 1;
            ymd(year, month as u32, day as u32)
        }
    }
}

/// The TIMEX3 placeholder of an expression that cannot be resolved.
fn placeholder(expr: &Expr) -> String {
    match expr {
        Expr::Cal {
            month: Some(m),
            day: Some(d),
            ..
        } => format!("XXXX-{m:02}-{d:02}"),
        Expr::Cal { month: Some(m), .. }
        | Expr::MonthOfYear { month: m, .. }
        | Expr::MonthDir { month: m, .. } => {
            format!("XXXX-{m:02}")
        }
        Expr::Weekday { day, .. } => format!("XXXX-WXX-{day}"),
        Expr::Weekend(_) => "XXXX-WXX-WE".to_string(),
        Expr::Quarter { q: 0, .. } => "XXXX-QX".to_string(),
        Expr::Quarter { q, .. } => format!("XXXX-Q{q}"),
        Expr::Half { h, .. } => format!("XXXX-H{h}"),
        Expr::ContextQuarter(_) => "XXXX-QX".to_string(),
        Expr::PeriodOf(y) => format!("{y:04}"),
        Expr::Season { season, .. } => format!("XXXX-{}", season.code()),
        Expr::Decade { decade, .. } => format!("XX{decade}"),
        Expr::Rel { unit, .. } => match value::unit_gran(*unit) {
            Gran::Day => "XXXX-XX-XX",
            Gran::Week | Gran::Weekend => "XXXX-WXX",
            Gran::Month => "XXXX-XX",
            Gran::Quarter => "XXXX-QX",
            Gran::Decade => "XXX",
            Gran::Century => "XX",
            _ => "XXXX",
        }
        .to_string(),
        _ => "XXXX-XX-XX".to_string(),
    }
}
