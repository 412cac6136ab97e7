//! Permalinks: the URL path of each brief, from the configured pattern.

use chrono::{DateTime, Datelike};
use chrono_tz::Tz;

/// Fills a permalink pattern (`/{year}/{month}/{day}/{slug}/`) for one brief.
///
/// `slug` must already be one safe path segment (the loader checks it); the date
/// parts are read in the site's time zone.
pub fn permalink<O: chrono::TimeZone>(
    pattern: &str,
    date: &DateTime<O>,
    tz: Tz,
    slug: &str,
) -> String {
    let local = date.with_timezone(&tz);
    pattern
        .replace("{year}", &format!("{:04}", local.year()))
        .replace("{month}", &format!("{:02}", local.month()))
        .replace("{day}", &format!("{:02}", local.day()))
        .replace("{slug}", slug)
}

/// The file a site path is written to: `/a/b/` → `a/b/index.html`.
pub fn output_file(path: &str) -> String {
    let trimmed = path.trim_start_matches('/');
    if trimmed.is_empty() {
        "index.html".to_string()
    } else if trimmed.ends_with('/') {
        [trimmed, "index.html"].concat()
    } else {
        trimmed.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn fills_the_default_pattern_in_the_site_zone() {
        // 23:30 UTC on the 7th is already the 8th in Baghdad.
        let d = chrono::Utc.with_ymd_and_hms(2023, 3, 7, 23, 30, 0).unwrap();
        let p = permalink(
            "/{year}/{month}/{day}/{slug}/",
            &d,
            chrono_tz::Asia::Baghdad,
            "austin",
        );
        assert_eq!(p, "/2023/03/08/austin/");
    }

    #[test]
    fn output_files_are_index_pages() {
        assert_eq!(output_file("/2023/03/08/a/"), "2023/03/08/a/index.html");
        assert_eq!(output_file("/"), "index.html");
        assert_eq!(output_file("/404.html"), "404.html");
    }
}
