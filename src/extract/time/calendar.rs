//! Calendar patterns: dates (`March 7, 2023`, `7 March 2023`, `Jan. 5`, `2003`),
//! weekdays, `today`/`yesterday`, holidays, decades and centuries, clock times.

use super::grammar::{Anchor, Core, Dir, Expr, Matcher, any_word};
use super::lexicon::{Holiday, Lex, Pod, Unit, W};
use super::tokens::{Kind, NumForm};

/// Plural nouns after a four-digit number that make it a count, not a year.
fn is_count_noun(word: &str) -> bool {
    let b = word.as_bytes();
    if b.len() < 4 || !b[0].is_ascii_lowercase() || b[b.len() - 1] != b's' {
        return false;
    }
    !matches!(
        word,
        "levels"
            | "elections"
            | "prices"
            | "rates"
            | "figures"
            | "results"
            | "earnings"
            | "sales"
            | "profits"
            | "talks"
            | "games"
            | "olympics"
            | "accords"
            | "riots"
            | "attacks"
            | "protests"
            | "negotiations"
            | "agreements"
            | "standards"
            | "laws"
            | "rules"
    )
}

impl Matcher<'_> {
    /// A plausible year written in four digits at `i`.
    pub fn year_at(&self, i: usize) -> Option<i32> {
        let (v, digits, form) = self.num(i)?;
        if digits != 4 || form != NumForm::Plain || !(1000..=2199).contains(&v) {
            return None;
        }
        if i > 0 {
            let prev = self.word(i - 1);
            if matches!(
                prev,
                "$" | "#" | "No." | "no." | "No" | "Nos." | "Flight" | "flight"
            ) || self.toks[i - 1].kind == Kind::Punct(0) && prev == "£"
                || (self.joined(i) && !matches!(self.w(i - 1), Some(W::Mid)))
            {
                return None;
            }
        }
        let next = self.word(i + 1);
        if next == "%" || next.eq_ignore_ascii_case("percent") || is_count_noun(next) {
            return None;
        }
        if self.unit(i + 1).is_some() && !self.joined(i + 1) {
            return None;
        }
        if v < 1800 {
            let prev_ok = i > 0
                && any_word(
                    self.word(i - 1),
                    &[
                        "in", "since", "of", "from", "until", "by", "before", "after", "during",
                        "between", "and", "to", "circa", "around",
                    ],
                );
            if !prev_ok {
                return None;
            }
        }
        Some(v as i32)
    }

    /// A year in words at `i`: `nineteen ninety-six`, `eighteen twelve`; the year
    /// and the end token.
    pub fn spelled_year(&self, i: usize) -> Option<(i32, usize)> {
        match (self.lex(i), self.lex(i + 1)) {
            (Lex::Number(c), Lex::Number(y))
                if (11..=20).contains(&c) && (10..=99).contains(&y) && !self.joined(i + 1) =>
            {
                Some(((c * 100 + y) as i32, i + 2))
            }
            _ => None,
        }
    }

    /// A day of the month at `i`: `7`, `7th`, `seventh`.
    fn day_of_month(&self, i: usize) -> Option<u32> {
        match (self.lex(i), self.num(i)) {
            (_, Some((d, digits, NumForm::Plain | NumForm::Ordinal)))
                if digits <= 2 && (1..=31).contains(&d) =>
            {
                // `March 5 percent`, `March 3:1` are no dates.
                let next = self.word(i + 1);
                let bad = next == "%"
                    || next.eq_ignore_ascii_case("percent")
                    || self.unit(i + 1).is_some();
                (!bad).then_some(d)
            }
            (Lex::Ordinal(d), _) if (1..=31).contains(&d) => Some(d),
            _ => None,
        }
    }

    /// A year after a month or day: `, 2003`, `of 2003`, `2003`; returns the year and
    /// the end token.
    fn trailing_year(&self, i: usize) -> Option<(i32, usize)> {
        let j = if self.punct(i, b',') || self.is(i, W::Of) {
            i + 1
        } else {
            i
        };
        if let Some(y) = self.year_at(j) {
            return Some((y, j + 1));
        }
        // `January nineteen ninety-seven`
        self.spelled_year(j)
    }

    /// Dates with a month: `March 7, 2023`, `7 March 2023`, `March 2003`, `Jan. 5`,
    /// `Monday, Oct. 26`, `March`.
    pub fn calendar(&self, i: usize) -> Core {
        // `last November`, `this September`, `next March`
        if let (Some(w @ (W::Last | W::This | W::Next)), Lex::Month { month, abbr }) =
            (self.w(i), self.lex(i + 1))
            && (!abbr || self.word(i + 1).ends_with('.'))
            && self.day_of_month(i + 2).is_none()
        {
            let dir = match w {
                W::Last => Dir::Last,
                W::Next => Dir::Next,
                _ => Dir::This,
            };
            let expr = Expr::MonthDir {
                month: u32::from(month),
                dir,
            };
            return Some((i + 2, expr, None));
        }
        let mut j = i;
        if let Lex::Weekday { plural: false, .. } = self.lex(j) {
            j += 1 + usize::from(self.punct(j + 1, b','));
            if !matches!(self.lex(j), Lex::Month { .. }) && self.day_of_month(j).is_none() {
                return None;
            }
        }
        if let Lex::Month { month, abbr } = self.lex(j) {
            let month = u32::from(month);
            if let Some(day) = self.day_of_month(j + 1) {
                let (year, end) = match self.trailing_year(j + 2) {
                    Some((y, e)) => (Some(y), e),
                    None => (None, j + 2),
                };
                return Some((end, cal(year, Some(month), Some(day)), None));
            }
            if let Some((y, e)) = self.trailing_year(j + 1) {
                return Some((e, cal(Some(y), Some(month), None), None));
            }
            // `June last year`, `January this year`, `March of next year`.
            let k = j + 1 + usize::from(self.is(j + 1, W::Of));
            if let (Some(w), Some((Unit::Year, false))) = (self.w(k), self.unit(k + 1)) {
                let off = match w {
                    W::Last => Some(-1),
                    W::This => Some(0),
                    W::Next => Some(1),
                    _ => None,
                };
                if let Some(off) = off {
                    let expr = Expr::MonthOfYear {
                        month,
                        year_offset: off,
                    };
                    return Some((k + 2, expr, None));
                }
            }
            if j > i {
                return None;
            }
            let tok = &self.toks[j];
            let word = self.word(j);
            let has_dot = word.ends_with('.');
            if abbr && !has_dot {
                return None;
            }
            // `May` opening a sentence is the verb; a capitalised word after the
            // month makes it a name (`April Glaspie`).
            if j == 0 && word == "May" {
                return None;
            }
            if let Some(next) = self.toks.get(j + 1)
                && next.kind == Kind::Word
                && next.cap
                && next.lex == Lex::None
            {
                return None;
            }
            // `the March of the Combatant Mothers`, `the March for Life`: a title.
            let k = j + 2 + usize::from(self.is(j + 2, W::The));
            if matches!(self.w(j + 1), Some(W::For | W::Of))
                && self
                    .toks
                    .get(k)
                    .is_some_and(|t| t.cap && t.lex == Lex::None)
            {
                return None;
            }
            // `the annual March for Life`: a month takes no article on its own.
            let titled = self.toks.get(j + 1).is_some_and(|t| t.cap)
                || matches!(self.w(j + 1), Some(W::For | W::Of));
            if !tok.cap || (j > 0 && matches!(self.w(j - 1), Some(W::The | W::A)) && titled) {
                return None;
            }
            return Some((j + 1, cal(None, Some(month), None), None));
        }
        // `7 March 2023`, `the 7th of March`
        let day = self.day_of_month(j)?;
        let m = j + 1 + usize::from(self.is(j + 1, W::Of));
        let Lex::Month { month, .. } = self.lex(m) else {
            return None;
        };
        let (year, end) = match self.trailing_year(m + 1) {
            Some((y, e)) => (Some(y), e),
            None => (None, m + 1),
        };
        Some((end, cal(year, Some(u32::from(month)), Some(day)), None))
    }

    /// Weekdays: `Tuesday`, `last Friday`, `this coming Sunday`, `Friday morning`.
    pub fn weekday(&self, i: usize) -> Core {
        let (dir, j) = match (self.w(i), self.w(i + 1)) {
            (Some(W::Last), _) => (Dir::Last, i + 1),
            (Some(W::Next), _) => (Dir::Next, i + 1),
            (Some(W::This), Some(W::Coming)) => (Dir::Next, i + 2),
            (Some(W::This), Some(W::Past)) => (Dir::Last, i + 2),
            (Some(W::This), _) => (Dir::This, i + 1),
            (Some(W::Coming), _) => (Dir::Next, i + 1),
            (Some(W::The), Some(W::Previous)) => (Dir::Before, i + 2),
            _ => (Dir::Auto, i),
        };
        let Lex::Weekday { day, plural: false } = self.lex(j) else {
            return None;
        };
        let expr = Expr::Weekday {
            day: u32::from(day),
            dir,
        };
        Some(self.with_part_of_day(j + 1, expr))
    }

    /// `today`, `yesterday`, `tomorrow`, `tonight`, `this morning`, `last night`,
    /// `the day before yesterday`.
    pub fn deictic_day(&self, i: usize) -> Core {
        let rel = |offset| Expr::Rel {
            anchor: Anchor::Dct,
            unit: Unit::Day,
            offset,
        };
        match (self.lex(i), self.lex(i + 1)) {
            (Lex::Word(W::Today), _) => Some(self.with_part_of_day(i + 1, rel(0))),
            (Lex::Word(W::Yesterday), _) => Some(self.with_part_of_day(i + 1, rel(-1))),
            (Lex::Word(W::Tomorrow), _) => Some(self.with_part_of_day(i + 1, rel(1))),
            (Lex::Word(W::Tonight), _) => Some((i + 1, pod(rel(0), Pod::Night), None)),
            // `afternoon yesterday`, `mid-afternoon yesterday`
            (Lex::Pod(p), Lex::Word(w @ (W::Today | W::Yesterday | W::Tomorrow))) => {
                let offset = match w {
                    W::Yesterday => -1,
                    W::Tomorrow => 1,
                    _ => 0,
                };
                Some((i + 2, pod(rel(offset), p), None))
            }
            (Lex::Word(W::This), Lex::Pod(p)) => Some((i + 2, pod(rel(0), p), None)),
            (Lex::Word(W::Last), Lex::Pod(Pod::Night)) => {
                Some((i + 2, pod(rel(-1), Pod::Night), None))
            }
            (Lex::Word(W::That), Lex::Pod(p)) => {
                let day = Expr::Rel {
                    anchor: Anchor::Last,
                    unit: Unit::Day,
                    offset: 0,
                };
                Some((i + 2, pod(day, p), None))
            }
            (
                Lex::Word(W::The),
                Lex::Unit {
                    unit: Unit::Day,
                    plural: false,
                },
            ) => {
                let off = match (self.w(i + 2), self.w(i + 3)) {
                    (Some(W::Before), Some(W::Yesterday)) => -2,
                    (Some(W::After), Some(W::Tomorrow)) => 2,
                    _ => return None,
                };
                Some((i + 4, rel(off), None))
            }
            _ => None,
        }
    }

    /// `expr` followed by an optional part of the day (`Friday night`).
    fn with_part_of_day(&self, j: usize, expr: Expr) -> (usize, Expr, Option<&'static str>) {
        match self.lex(j) {
            Lex::Pod(p) => (j + 1, pod(expr, p), None),
            _ => (j, expr, None),
        }
    }

    /// Named days: `Christmas`, `New Year's Day`, `Thanksgiving`, `Election Day`.
    pub fn holiday(&self, i: usize) -> Core {
        let word = self.word(i);
        let day_after =
            |k: usize| matches!(self.unit(k), Some((Unit::Day, false))) && self.toks[k].cap;
        let (end, expr) = match self.lex(i) {
            Lex::Word(W::Holiday(h)) => {
                let mut end = i + 1;
                let mut expr = Expr::Holiday(h, None);
                if h == Holiday::Christmas && self.is(i + 1, W::Eve) {
                    end += 1;
                    expr = cal(None, Some(12), Some(24));
                } else if day_after(i + 1) || self.word(i + 1) == "Sunday" {
                    end += 1;
                }
                if h == Holiday::Christmas && matches!(expr, Expr::Holiday(..)) {
                    expr = cal(None, Some(12), Some(25));
                }
                if h == Holiday::Halloween {
                    expr = cal(None, Some(10), Some(31));
                }
                (end, expr)
            }
            _ if word == "New" && matches!(self.unit(i + 1), Some((Unit::Year, false))) => {
                // `New Year's Day`, `New Year's Eve`: the possessive is two tokens.
                let mut k = i + 2;
                if self.word(k) == "'" || self.word(k) == "’" {
                    k += 2;
                }
                if self.is(k, W::Eve) {
                    (k + 1, cal(None, Some(12), Some(31)))
                } else if day_after(k) {
                    (k + 1, cal(None, Some(1), Some(1)))
                } else {
                    return None;
                }
            }
            _ if day_after(i + 1) && self.toks[i].cap => {
                let h = match word {
                    "Independence" => return Some((i + 2, cal(None, Some(7), Some(4)), None)),
                    "Labor" | "Labour" => Holiday::Labor,
                    "Memorial" => Holiday::Memorial,
                    "Election" => Holiday::Election,
                    "Veterans" => return Some((i + 2, cal(None, Some(11), Some(11)), None)),
                    _ => return None,
                };
                (i + 2, Expr::Holiday(h, None))
            }
            _ => return None,
        };
        match (expr, self.year_at(end)) {
            (Expr::Cal { month, day, .. }, Some(y)) => {
                Some((end + 1, cal(Some(y), month, day), None))
            }
            (Expr::Holiday(h, _), Some(y)) => Some((end + 1, Expr::Holiday(h, Some(y)), None)),
            (expr, _) => Some((end, expr, None)),
        }
    }

    /// Years: `2003`, `fiscal 1989`, `the year 2000`, `nineteen ninety-six`,
    /// `2023-03-08`.
    pub fn year(&self, i: usize) -> Core {
        let mut j = i;
        if self.is(j, W::Fiscal) {
            j += 1;
            if matches!(self.unit(j), Some((Unit::Year, false))) {
                j += 1;
            }
        } else if self.is(j, W::The) && matches!(self.unit(j + 1), Some((Unit::Year, false))) {
            j += 2;
        }
        if let Some(y) = self.year_at(j) {
            // ISO dates: 2023-03-08
            if let (Some((m, 2, NumForm::Plain)), true) = (self.num(j + 1), self.joined(j + 1))
                && (1..=12).contains(&m)
            {
                if let (Some((d, 2, NumForm::Plain)), true) = (self.num(j + 2), self.joined(j + 2))
                    && (1..=31).contains(&d)
                {
                    return Some((j + 3, cal(Some(y), Some(m), Some(d)), None));
                }
                return Some((j + 2, cal(Some(y), Some(m), None), None));
            }
            return Some((j + 1, cal(Some(y), None, None), None));
        }
        if let Some((y, end)) = self.spelled_year(j) {
            return Some((end, cal(Some(y), None, None), None));
        }
        match (self.lex(j), self.lex(j + 1)) {
            (Lex::Number(2), Lex::Word(W::Thousand)) if j > i => {
                let (end, extra) = match self.lex(j + 2) {
                    Lex::Number(n) if n < 100 => (j + 3, n),
                    _ => (j + 2, 0),
                };
                Some((end, cal(Some(2000 + extra as i32), None, None), None))
            }
            _ => None,
        }
    }

    /// Decades and centuries: `the 1990s`, `'80s`, `the nineties`, `the 20th century`.
    pub fn decade(&self, i: usize) -> Core {
        let j = i + usize::from(self.is(i, W::The));
        match (self.lex(j), self.num(j)) {
            (_, Some((v, 4, NumForm::Decade))) if v % 10 == 0 => {
                if v % 100 == 0 && j > i {
                    return Some((j + 1, Expr::Century(v as i32 / 100), None));
                }
                let d = Expr::Decade {
                    decade: v as i32 / 10,
                    two_digit: false,
                };
                Some((j + 1, d, None))
            }
            (_, Some((v, 2, NumForm::Decade)))
                if v % 10 == 0
                    && (j > i || !self.word(j).starts_with(|c: char| c.is_ascii_digit())) =>
            {
                let d = Expr::Decade {
                    decade: v as i32 / 10,
                    two_digit: true,
                };
                Some((j + 1, d, None))
            }
            (Lex::Word(W::Nineties(n)), _) => {
                let d = Expr::Decade {
                    decade: i32::from(n),
                    two_digit: true,
                };
                Some((j + 1, d, None))
            }
            (Lex::Ordinal(n), _) | (_, Some((n, _, NumForm::Ordinal)))
                if (1..=30).contains(&n)
                    && matches!(self.unit(j + 1), Some((Unit::Century, false))) =>
            {
                Some((j + 2, Expr::Century(n as i32 - 1), None))
            }
            _ => None,
        }
    }

    /// Clock times: `3 p.m.`, `10:35 a.m. EST`, `noon Thursday`, `5 p.m. EST, Nov. 9`.
    pub fn time_of_day(&self, i: usize) -> Core {
        let (mut hour, minute, mut j) = match (self.lex(i), self.num(i)) {
            (Lex::Word(W::Noon), _)
                if !(i > 0 && self.word(i - 1).eq_ignore_ascii_case("high")) =>
            {
                (12, 0, i + 1)
            }
            (Lex::Word(W::Midnight), _) => (24, 0, i + 1),
            (_, Some((h, d, NumForm::Clock(m)))) if d <= 2 && h <= 24 && m < 60 => {
                let cue = self.ampm(i + 1).is_some()
                    || self.is(i + 1, W::Zone)
                    || (i > 0
                        && matches!(
                            self.w(i - 1),
                            Some(W::At | W::About | W::Before | W::After | W::Until)
                        ));
                if !cue {
                    return None;
                }
                (h, m, i + 1)
            }
            (_, Some((h, d, NumForm::Plain))) if d <= 2 && (1..=12).contains(&h) => {
                // `4 in the morning`, `9 in the evening`
                if let (Some(W::In), Some(W::The), Lex::Pod(p)) =
                    (self.w(i + 1), self.w(i + 2), self.lex(i + 3))
                {
                    let pm = matches!(p, Pod::Afternoon | Pod::Evening | Pod::Night) && h < 12;
                    let hour = if pm { h + 12 } else { h % 12 };
                    return Some((
                        i + 4,
                        Expr::Time {
                            hour,
                            minute: 0,
                            day: None,
                        },
                        None,
                    ));
                }
                if self.ampm(i + 1).is_none() && !self.is(i + 1, W::OClock) {
                    return None;
                }
                (h, 0, i + 1)
            }
            (Lex::Number(h), _) if (1..=12).contains(&h) && self.is(i + 1, W::OClock) => {
                (h, 0, i + 1)
            }
            (_, Some((hm, 4, NumForm::Plain))) if hm <= 2400 && hm % 100 < 60 => {
                if !self.is(i + 1, W::Zone) || i == 0 || !self.is(i - 1, W::At) {
                    return None;
                }
                (hm / 100, hm % 100, i + 1)
            }
            _ => return None,
        };
        if let Some(pm) = self.ampm(j) {
            if pm && hour < 12 {
                hour += 12;
            } else if !pm && hour == 12 {
                hour = 0;
            }
            j += 1;
        } else if self.is(j, W::OClock) {
            j += 1;
        }
        if self.is(j, W::Zone) {
            j += 1;
        }
        // The day it is on: `Tuesday`, `yesterday`, `Nov. 9`.
        let k = j + usize::from(self.punct(j, b','));
        let day = [self.calendar(k), self.weekday(k), self.deictic_day(k)]
            .into_iter()
            .flatten()
            .filter(|(_, e, _)| !matches!(e, Expr::PartOfDay { .. }))
            .filter(|(_, e, _)| match e {
                Expr::Cal { day, .. } => day.is_some(),
                _ => true,
            })
            .max_by_key(|(e, _, _)| *e);
        let (end, day) = match day {
            Some((e, d, _)) => (e, Some(Box::new(d))),
            None => (j, None),
        };
        Some((end, Expr::Time { hour, minute, day }, None))
    }

    fn ampm(&self, i: usize) -> Option<bool> {
        match self.w(i) {
            Some(W::AmPm(pm)) => Some(pm),
            _ => None,
        }
    }
}

/// A calendar date expression.
/// A calendar date expression. A day the month does not have (`April 31`,
/// `February 29, 2023`) is dropped: the month is all that can be said.
pub fn cal(year: Option<i32>, month: Option<u32>, day: Option<u32>) -> Expr {
    let day = match (month, day) {
        (Some(m), Some(d)) if d > month_days(year, m) => None,
        _ => day,
    };
    Expr::Cal { year, month, day }
}

/// Days in a month; February has 29 when the year is unknown.
fn month_days(year: Option<i32>, month: u32) -> u32 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 => match year {
            Some(y) if !(y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) => 28,
            _ => 29,
        },
        _ => 31,
    }
}

fn pod(day: Expr, pod: Pod) -> Expr {
    Expr::PartOfDay {
        day: Box::new(day),
        pod,
    }
}
