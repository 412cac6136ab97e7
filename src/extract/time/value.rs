//! TIMEX3 values: calendar points at a granularity, their arithmetic and their
//! ISO-8601-like spelling (`2014`, `2023-03`, `2023-W09`, `2023-Q3`, `2022-SU`, `199`).
//!
//! A point is a date plus how finely it is meant: `last week` is the week holding
//! the date seven days before the article date, written `2023-W09`. Shifting works
//! on the date and keeps the calendar valid (chrono does the month lengths).

use chrono::{Datelike, Days, Months, NaiveDate};

use super::lexicon::{Season, Unit};

/// How finely a point is meant.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Gran {
    Century,
    Decade,
    Year,
    Half,
    Quarter,
    Season(Season),
    Month,
    Week,
    Weekend,
    Day,
}

/// A calendar point: a representative date and its granularity.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Point {
    pub date: NaiveDate,
    pub gran: Gran,
}

impl Point {
    pub fn new(date: NaiveDate, gran: Gran) -> Point {
        Point { date, gran }
    }

    /// A year, if it exists in chrono's range.
    pub fn year(year: i32) -> Option<Point> {
        if !(0..=9999).contains(&year) {
            return None;
        }
        NaiveDate::from_ymd_opt(year, 1, 1).map(|d| Point::new(d, Gran::Year))
    }

    /// The TIMEX3 value.
    ///
    /// Written digit by digit rather than with `format!` (every timex asks, about
    /// thirty an article); the test below holds it to the `format!` spelling.
    pub fn value(&self) -> String {
        let d = self.date;
        let y = d.year();
        let mut s = String::with_capacity(12);
        match self.gran {
            Gran::Century => push_padded(&mut s, y.div_euclid(100), 2),
            Gran::Decade => push_padded(&mut s, y.div_euclid(10), 3),
            Gran::Year => push_padded(&mut s, y, 4),
            Gran::Half => {
                push_padded(&mut s, y, 4);
                s.push_str(if d.month() <= 6 { "-H1" } else { "-H2" });
            }
            Gran::Quarter => {
                push_padded(&mut s, y, 4);
                s.push_str("-Q");
                s.push(char::from(b'1' + ((d.month0() / 3) as u8)));
            }
            Gran::Season(season) => {
                push_padded(&mut s, y, 4);
                s.push('-');
                s.push_str(season.code());
            }
            Gran::Month => {
                push_padded(&mut s, y, 4);
                s.push('-');
                push_padded(&mut s, d.month() as i32, 2);
            }
            Gran::Week | Gran::Weekend => {
                let w = d.iso_week();
                push_padded(&mut s, w.year(), 4);
                s.push_str("-W");
                push_padded(&mut s, w.week() as i32, 2);
                if self.gran == Gran::Weekend {
                    s.push_str("-WE");
                }
            }
            Gran::Day => {
                push_padded(&mut s, y, 4);
                s.push('-');
                push_padded(&mut s, d.month() as i32, 2);
                s.push('-');
                push_padded(&mut s, d.day() as i32, 2);
            }
        }
        s
    }

    /// The point `n` units away, at the unit's granularity (or this point's, when
    /// shifting a quarter or half by years: a year before `1989-Q3` is `1988-Q3`).
    pub fn shift(&self, unit: Unit, n: i32) -> Option<Point> {
        let date = shift_date(self.date, unit, n)?;
        // TIMEX3 years have four digits: a point shifted out of 0000–9999 has no value.
        if !(0..=9999).contains(&date.year()) {
            return None;
        }
        let gran = match (unit, self.gran) {
            (Unit::Year, g @ (Gran::Quarter | Gran::Half | Gran::Season(_))) => g,
            (Unit::Year, g @ (Gran::Day | Gran::Month)) if n.abs() == 1 => g,
            _ => unit_gran(unit),
        };
        Some(Point::new(date, gran))
    }

    /// The same point at a coarser granularity (`2023-03-07` as a year is `2023`).
    pub fn coarsen(&self, gran: Gran) -> Point {
        Point::new(self.date, gran)
    }
}

/// The granularity a unit names.
pub fn unit_gran(unit: Unit) -> Gran {
    match unit {
        Unit::Second | Unit::Minute | Unit::Hour | Unit::Day => Gran::Day,
        Unit::Week => Gran::Week,
        Unit::Month => Gran::Month,
        Unit::Quarter => Gran::Quarter,
        Unit::Year => Gran::Year,
        Unit::Decade => Gran::Decade,
        Unit::Century | Unit::Millennium => Gran::Century,
    }
}

/// `date` moved by `n` units.
pub fn shift_date(date: NaiveDate, unit: Unit, n: i32) -> Option<NaiveDate> {
    let months = |m: i64| -> Option<NaiveDate> {
        let m = u32::try_from(m.unsigned_abs()).ok()?;
        if n >= 0 {
            date.checked_add_months(Months::new(m))
        } else {
            date.checked_sub_months(Months::new(m))
        }
    };
    let days = |d: i64| -> Option<NaiveDate> {
        let d = Days::new(d.unsigned_abs());
        if n >= 0 {
            date.checked_add_days(d)
        } else {
            date.checked_sub_days(d)
        }
    };
    let n = i64::from(n);
    match unit {
        Unit::Second | Unit::Minute | Unit::Hour => Some(date),
        Unit::Day => days(n),
        Unit::Week => days(7 * n),
        Unit::Month => months(n),
        Unit::Quarter => months(3 * n),
        Unit::Year => months(12 * n),
        Unit::Decade => months(120 * n),
        Unit::Century => months(1200 * n),
        Unit::Millennium => months(12000 * n),
    }
}

/// The TIMEX3 unit letter of a duration (`Y`, `M`, `W`, `D`, `H`, ...) and how many
/// of it one `unit` is.
pub fn duration_unit(unit: Unit) -> (&'static str, u32, bool) {
    match unit {
        Unit::Second => ("S", 1, true),
        Unit::Minute => ("M", 1, true),
        Unit::Hour => ("H", 1, true),
        Unit::Day => ("D", 1, false),
        Unit::Week => ("W", 1, false),
        Unit::Month => ("M", 1, false),
        Unit::Quarter => ("Q", 1, false),
        Unit::Year => ("Y", 1, false),
        Unit::Decade => ("Y", 10, false),
        Unit::Century => ("Y", 100, false),
        Unit::Millennium => ("Y", 1000, false),
    }
}

/// Appends `n` as `format!("{n:0width$}")` would: zero-padded to `width` characters,
/// a minus sign counted in the width.
fn push_padded(s: &mut String, n: i32, width: usize) {
    let mut buf = itoa::Buffer::new();
    let digits = buf.format(n.unsigned_abs());
    let mut pad = width.saturating_sub(digits.len());
    if n < 0 {
        s.push('-');
        pad = pad.saturating_sub(1);
    }
    s.extend(std::iter::repeat_n('0', pad));
    s.push_str(digits);
}

/// A duration value: `P3Y`, `PT48H`, `P2Y6M`, `PXY` (`amount` None is "some").
pub fn duration_value(amount: Option<f64>, unit: Unit) -> String {
    let (letter, per, time) = duration_unit(unit);
    let t = if time { "T" } else { "" };
    let Some(a) = amount else {
        return format!("P{t}X{letter}");
    };
    let total = a * f64::from(per);
    if total.fract().abs() < 1e-9 {
        return format!("P{t}{}{letter}", total as i64);
    }
    // Half units are written in the next smaller unit: 2 1/2 years = P2Y6M.
    let whole = total.trunc() as i64;
    let (smaller, factor, small_time) = match unit {
        Unit::Year | Unit::Decade | Unit::Century => ("M", 12.0, false),
        Unit::Month => ("D", 30.0, false),
        Unit::Week => ("D", 7.0, false),
        Unit::Day => ("H", 24.0, true),
        Unit::Hour => ("M", 60.0, true),
        Unit::Minute => ("S", 60.0, true),
        _ => return format!("P{t}{total}{letter}"),
    };
    let part = (total.fract() * factor).round() as i64;
    let mut s = String::from("P");
    if time {
        s.push('T');
    }
    if whole > 0 {
        s.push_str(&format!("{whole}{letter}"));
    }
    if small_time && !time {
        s.push('T');
    }
    s.push_str(&format!("{part}{smaller}"));
    s
}

/// The first day of the season's TIMEX3 year (`2022-WI` starts in December 2022).
pub fn season_start(year: i32, season: Season) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(year, season.first_month(), 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    /// The spelling `value` had when it used `format!`, as the oracle.
    fn formatted(p: Point) -> String {
        let d = p.date;
        let y = d.year();
        match p.gran {
            Gran::Century => format!("{:02}", y.div_euclid(100)),
            Gran::Decade => format!("{:03}", y.div_euclid(10)),
            Gran::Year => format!("{y:04}"),
            Gran::Half => format!("{y:04}-H{}", if d.month() <= 6 { 1 } else { 2 }),
            Gran::Quarter => format!("{y:04}-Q{}", (d.month() - 1) / 3 + 1),
            Gran::Season(s) => format!("{y:04}-{}", s.code()),
            Gran::Month => format!("{y:04}-{:02}", d.month()),
            Gran::Week => {
                let w = d.iso_week();
                format!("{:04}-W{:02}", w.year(), w.week())
            }
            Gran::Weekend => {
                let w = d.iso_week();
                format!("{:04}-W{:02}-WE", w.year(), w.week())
            }
            Gran::Day => format!("{y:04}-{:02}-{:02}", d.month(), d.day()),
        }
    }

    #[test]
    fn values_are_spelled_as_format_would() {
        let grans = [
            Gran::Century,
            Gran::Decade,
            Gran::Year,
            Gran::Half,
            Gran::Quarter,
            Gran::Season(Season::Spring),
            Gran::Season(Season::Winter),
            Gran::Month,
            Gran::Week,
            Gran::Weekend,
            Gran::Day,
        ];
        let years = (-1205..=-995)
            .chain(-120..=120)
            .chain(1890..=2110)
            .chain(9890..=10110);
        for y in years.chain([-262_000, 99_999, 262_000]) {
            for (m, d) in [
                (1, 1),
                (1, 3),
                (3, 8),
                (6, 30),
                (7, 1),
                (9, 9),
                (12, 28),
                (12, 31),
            ] {
                let date = day(y, m, d);
                for g in grans {
                    let p = Point::new(date, g);
                    assert_eq!(p.value(), formatted(p), "{date} {g:?}");
                }
            }
        }
    }

    #[test]
    fn writes_values_at_each_granularity() {
        let d = day(2023, 3, 8);
        assert_eq!(Point::new(d, Gran::Day).value(), "2023-03-08");
        assert_eq!(Point::new(d, Gran::Week).value(), "2023-W10");
        assert_eq!(Point::new(d, Gran::Quarter).value(), "2023-Q1");
        assert_eq!(Point::new(d, Gran::Decade).value(), "202");
        assert_eq!(Point::new(d, Gran::Century).value(), "20");
    }

    #[test]
    fn shifting_a_quarter_by_a_year_keeps_the_quarter() {
        let q = Point::new(day(1989, 8, 1), Gran::Quarter);
        assert_eq!(q.shift(Unit::Year, -1).unwrap().value(), "1988-Q3");
    }

    #[test]
    fn writes_durations() {
        assert_eq!(duration_value(Some(3.0), Unit::Year), "P3Y");
        assert_eq!(duration_value(Some(48.0), Unit::Hour), "PT48H");
        assert_eq!(duration_value(Some(1.0), Unit::Decade), "P10Y");
        assert_eq!(duration_value(Some(2.5), Unit::Year), "P2Y6M");
        assert_eq!(duration_value(None, Unit::Month), "PXM");
    }
}
