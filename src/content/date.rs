//! Article dates: `YYYY-MM-DD`, RFC 3339 with an offset, or a local date-time read in
//! the site's time zone.

use chrono::{DateTime, FixedOffset, LocalResult, NaiveDate, NaiveDateTime, NaiveTime, TimeZone};
use chrono_tz::Tz;

/// Parses an article date; dates and times without an offset are read in `tz`.
///
/// The error is a sentence fit to follow the field name.
pub fn parse_date(s: &str, tz: Tz) -> Result<DateTime<FixedOffset>, String> {
    let s = s.trim();
    if let Ok(dt) = DateTime::parse_from_rfc3339(s) {
        return Ok(dt);
    }
    // RFC 3339 allows a space in place of `T`; TOML prints offsets the same way.
    if let Ok(dt) = DateTime::parse_from_str(s, "%Y-%m-%d %H:%M:%S%:z") {
        return Ok(dt);
    }
    if let Ok(dt) = DateTime::parse_from_str(s, "%Y-%m-%dT%H:%M%:z") {
        return Ok(dt);
    }
    let naive = if let Ok(d) = NaiveDate::parse_from_str(s, "%Y-%m-%d") {
        d.and_time(NaiveTime::MIN)
    } else if let Some(dt) = [
        "%Y-%m-%dT%H:%M:%S%.f",
        "%Y-%m-%d %H:%M:%S%.f",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M",
    ]
    .iter()
    .find_map(|f| NaiveDateTime::parse_from_str(s, f).ok())
    {
        dt
    } else {
        return Err(describe_bad_date(s));
    };
    local(naive, tz)
        .ok_or_else(|| format!("`{s}` does not exist in time zone {tz} (a clock change)"))
}

/// Reads a naive date-time in `tz`; the earlier of two readings in a clock change.
pub fn local(naive: NaiveDateTime, tz: Tz) -> Option<DateTime<FixedOffset>> {
    match tz.from_local_datetime(&naive) {
        LocalResult::Single(dt) => Some(dt.fixed_offset()),
        LocalResult::Ambiguous(a, _) => Some(a.fixed_offset()),
        LocalResult::None => None,
    }
}

/// Says why `s` is not a date: impossible (`2023-02-30`) or not in a known form.
fn describe_bad_date(s: &str) -> String {
    let head: String = s.chars().take(10).collect();
    let parts: Vec<&str> = head.split('-').collect();
    if parts.len() == 3
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
    {
        return format!("`{s}` is not a real date (no such day)");
    }
    format!("`{s}` is not a date: use `YYYY-MM-DD` or RFC 3339 (`2023-03-08T09:30:00+03:00`)")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_dates_are_midnight_in_the_site_zone() {
        let d = parse_date("2023-03-08", chrono_tz::Asia::Baghdad).unwrap();
        assert_eq!(d.to_rfc3339(), "2023-03-08T00:00:00+03:00");
    }

    #[test]
    fn offsets_are_kept() {
        let d = parse_date("2023-03-08T09:30:00-05:00", chrono_tz::UTC).unwrap();
        assert_eq!(d.to_rfc3339(), "2023-03-08T09:30:00-05:00");
    }

    #[test]
    fn local_times_use_the_zone() {
        let d = parse_date("2023-07-01 12:00", chrono_tz::Europe::London).unwrap();
        assert_eq!(d.to_rfc3339(), "2023-07-01T12:00:00+01:00");
    }

    #[test]
    fn impossible_dates_say_so() {
        let e = parse_date("2023-02-30", chrono_tz::UTC).unwrap_err();
        assert!(e.contains("not a real date"), "{e}");
    }

    #[test]
    fn other_forms_are_refused() {
        assert!(parse_date("March 8, 2023", chrono_tz::UTC).is_err());
        assert!(parse_date("", chrono_tz::UTC).is_err());
    }
}
