//! What a TimeML TIMEX3 `value` and `mod` may be (TimeML 1.2.1, the TIDES
//! conventions it builds on): the fuzz targets and the integration tests check
//! every value the extractor emits against these rules.
//!
//! - references: `PRESENT_REF`, `PAST_REF`, `FUTURE_REF`;
//! - dates: `2023`, `2023-03`, `2023-03-07`, `2023-W10`, `2023-W10-2`, `2023-W10-WE`,
//!   `2023-Q1`, `2023-H2`, `2023-SU` (seasons SP/SU/FA/WI), decades `199`, centuries
//!   `19`, millennia `2`; any digit may be `X` when unknown (`XXXX-03-07`);
//! - times: a date (or nothing) then `T` and `14`, `14:30`, `14:30:05`, `14:30:05.250`,
//!   with an optional zone (`Z`, `+03`, `+03:00`), or a part of day MO/MI/AF/EV/NI/DT;
//! - durations: `P` then number-unit pairs, units Y M W D Q WE DE CE ML, then `T`
//!   and H M S (`P3Y`, `P1DT2H`, `PT30M`, `P1.5Y`, `PXY`).
//!
//! Numbers are checked too: months 01–12, days that exist in their month (when the
//! year and month are known), weeks 01–53, hours 00–24, minutes 00–59.

/// True when `v` is a valid TIMEX3 value.
pub fn is_valid_value(v: &str) -> bool {
    is_reference(v) || is_duration(v) || is_date_or_time(v)
}

/// True when `v` can date an event: a date or time, or a reference; not a duration.
pub fn is_point_value(v: &str) -> bool {
    is_reference(v) || is_date_or_time(v)
}

/// True when `m` is a TIMEX3 `mod`.
pub fn is_valid_mod(m: &str) -> bool {
    matches!(
        m,
        "BEFORE"
            | "AFTER"
            | "ON_OR_BEFORE"
            | "ON_OR_AFTER"
            | "LESS_THAN"
            | "MORE_THAN"
            | "EQUAL_OR_LESS"
            | "EQUAL_OR_MORE"
            | "START"
            | "MID"
            | "END"
            | "APPROX"
    )
}

fn is_reference(v: &str) -> bool {
    matches!(v, "PRESENT_REF" | "PAST_REF" | "FUTURE_REF")
}

/// `n` characters, each a digit or `X` (unknown: `XXXX`, `19XX`).
fn digits_or_x(s: &str, n: usize) -> bool {
    s.len() == n && s.bytes().all(|b| b.is_ascii_digit() || b == b'X')
}

/// A two-character number in `lo..=hi`, or `XX`.
fn number_in(s: &str, lo: u32, hi: u32) -> bool {
    if !digits_or_x(s, 2) {
        return false;
    }
    match s.parse::<u32>() {
        Ok(n) => (lo..=hi).contains(&n),
        Err(_) => true, // XX
    }
}

fn days_in_month(year: Option<i32>, month: u32) -> u32 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 => match year {
            Some(y) if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
            Some(_) => 28,
            None => 29,
        },
        _ => 31,
    }
}

/// True when `v` is a duration (`P3Y`, `PT2H`).
pub fn is_duration(v: &str) -> bool {
    let Some(rest) = v.strip_prefix('P') else {
        return false;
    };
    let (date, time) = match rest.split_once('T') {
        Some((d, t)) => (d, Some(t)),
        None => (rest, None),
    };
    let date_ok = components(date, &["WE", "DE", "CE", "ML", "Y", "M", "W", "D", "Q"]);
    let time_ok = time.map(|t| components(t, &["H", "M", "S"]));
    match (date_ok, time_ok) {
        (Some(d), None) => d > 0,
        (Some(d), Some(Some(t))) => d + t > 0 && t > 0,
        _ => false,
    }
}

/// Counts number-unit pairs (`3Y`, `1.5H`, `XD`); `None` when `s` is not made of them.
fn components(s: &str, units: &[&str]) -> Option<usize> {
    let mut rest = s;
    let mut n = 0;
    while !rest.is_empty() {
        let num_len = if rest.starts_with('X') {
            rest.bytes().take_while(|&b| b == b'X').count()
        } else {
            let int = rest.bytes().take_while(u8::is_ascii_digit).count();
            if int == 0 {
                return None;
            }
            let frac = match rest[int..].strip_prefix('.') {
                Some(f) => {
                    let d = f.bytes().take_while(u8::is_ascii_digit).count();
                    if d == 0 {
                        return None;
                    }
                    d + 1
                }
                None => 0,
            };
            int + frac
        };
        rest = &rest[num_len..];
        let unit = units.iter().find(|u| rest.starts_with(**u))?;
        rest = &rest[unit.len()..];
        n += 1;
    }
    Some(n)
}

fn is_date_or_time(v: &str) -> bool {
    match v.split_once('T') {
        Some((date, time)) => (date.is_empty() || is_date(date)) && is_time(time),
        None => is_date(v),
    }
}

fn is_date(d: &str) -> bool {
    let mut parts = d.split('-');
    let year = parts.next().unwrap_or("");
    let rest: Vec<&str> = parts.collect();
    // Millennium, century, decade: one to three characters, nothing after.
    if (1..=3).contains(&year.len()) {
        return rest.is_empty() && digits_or_x(year, year.len());
    }
    if !digits_or_x(year, 4) {
        return false;
    }
    let year_num = year.parse::<i32>().ok();
    match rest.as_slice() {
        [] => true,
        [one] => {
            number_in(one, 1, 12)
                || one.strip_prefix('W').is_some_and(|w| number_in(w, 1, 53))
                || one
                    .strip_prefix('Q')
                    .is_some_and(|q| matches!(q, "1" | "2" | "3" | "4" | "X"))
                || one
                    .strip_prefix('H')
                    .is_some_and(|h| matches!(h, "1" | "2" | "X"))
                || matches!(*one, "SP" | "SU" | "FA" | "WI")
        }
        [month, day] if number_in(month, 1, 12) => {
            let max = month
                .parse::<u32>()
                .map_or(31, |m| days_in_month(year_num, m));
            number_in(day, 1, max)
        }
        [week, day] => {
            week.strip_prefix('W').is_some_and(|w| number_in(w, 1, 53))
                && (matches!(*day, "WE" | "X") || matches!(day.parse::<u32>(), Ok(1..=7)))
        }
        _ => false,
    }
}

fn is_time(t: &str) -> bool {
    if matches!(t, "MO" | "MI" | "AF" | "EV" | "NI" | "DT") {
        return true;
    }
    // Zone: `Z` or `±hh[:mm]` at the end.
    let (clock, zone) = match t.find(['Z', '+', '-']) {
        Some(i) => (&t[..i], Some(&t[i..])),
        None => (t, None),
    };
    if let Some(z) = zone
        && z != "Z"
    {
        let z = &z[1..];
        let ok = match z.split_once(':') {
            Some((h, m)) => number_in(h, 0, 14) && number_in(m, 0, 59),
            None => {
                number_in(z, 0, 14)
                    || (z.len() == 4 && number_in(&z[..2], 0, 14) && number_in(&z[2..], 0, 59))
            }
        };
        if !ok {
            return false;
        }
    }
    let mut parts = clock.split(':');
    let hour = parts.next().unwrap_or("");
    if !number_in(hour, 0, 24) {
        return false;
    }
    match (parts.next(), parts.next(), parts.next()) {
        (None, _, _) => true,
        (Some(m), None, _) => number_in(m, 0, 59),
        (Some(m), Some(s), None) => {
            let (whole, frac) = match s.split_once('.') {
                Some((w, f)) => (w, Some(f)),
                None => (s, None),
            };
            number_in(m, 0, 59)
                && number_in(whole, 0, 60)
                && frac.is_none_or(|f| !f.is_empty() && f.bytes().all(|b| b.is_ascii_digit()))
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_the_forms_of_the_contract() {
        for v in [
            "2023-03-07",
            "2014",
            "2023-W10",
            "P3Y",
            "PAST_REF",
            "PRESENT_REF",
            "FUTURE_REF",
            "2023-03",
            "2023-Q1",
            "2023-H2",
            "2023-SU",
            "199",
            "19",
            "XXXX-03-07",
            "XXXX-XX-07",
            "2023-W10-2",
            "2023-W10-WE",
            "2023-03-07T14:30",
            "2023-03-07T14",
            "2023-03-07T14:30:05.250+03:00",
            "2023-03-07TNI",
            "T14:00",
            "XXXX-XX-XXT09:00Z",
            "PT30M",
            "P1DT2H",
            "P1.5Y",
            "PXY",
            "P2DE",
            "P1WE",
            "2024-02-29",
            "19XX",
        ] {
            assert!(is_valid_value(v), "{v}");
        }
    }

    #[test]
    fn refuses_malformed_values() {
        for v in [
            "",
            "2023-13-01",
            "2023-02-29",
            "2023-04-31",
            "2023-00-10",
            "2023-W54",
            "2023-Q5",
            "2023-3-7",
            "23-03-07",
            "2023/03/07",
            "P",
            "PT",
            "P3",
            "P3X",
            "P1.Y",
            "2023-03-07T25:00",
            "2023-03-07T10:61",
            "NOW",
            "present_ref",
            "2023-03-07-01",
            "19991",
            "2023-W1X-9",
        ] {
            assert!(!is_valid_value(v), "{v}");
        }
    }

    #[test]
    fn events_are_dated_by_points_not_durations() {
        assert!(is_point_value("2023-03-07"));
        assert!(is_point_value("PAST_REF"));
        assert!(!is_point_value("P3Y"));
    }

    #[test]
    fn mods_come_from_the_timeml_list() {
        assert!(is_valid_mod("APPROX"));
        assert!(!is_valid_mod("approx"));
        assert!(!is_valid_mod("ABOUT"));
    }
}
