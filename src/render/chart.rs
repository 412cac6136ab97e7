//! Coverage charts: briefs and mentions per month, drawn as inline SVG at build time.
//!
//! No script and no request: the chart is part of the page, scales with it, and
//! carries a text title and description for screen readers.

use std::collections::BTreeMap;
use std::fmt::Write;

use chrono::{Datelike, NaiveDate};

use super::context::month_name;

/// At most this many months are drawn (the most recent ones).
const MAX_MONTHS: usize = 120;

/// Up to this many months, each month is labelled; past it, each year.
const MONTH_TICKS: usize = 12;

/// One month's counts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct MonthCount {
    pub briefs: u32,
    pub mentions: u32,
}

/// Counts per month (key: year * 12 + month - 1).
pub type Series = BTreeMap<i32, MonthCount>;

/// Adds a brief of `day` with `mentions` mentions to `series`.
pub fn add(series: &mut Series, day: NaiveDate, mentions: u32) {
    let c = series
        .entry(day.year() * 12 + day.month0() as i32)
        .or_default();
    c.briefs += 1;
    c.mentions += mentions;
}

/// Draws `series` as an SVG bar chart (bars: briefs; line: mentions), titled `title`.
/// Empty when there is nothing to draw.
pub fn svg(series: &Series, title: &str, show_mentions: bool) -> String {
    let (Some((&first, _)), Some((&last, _))) = (series.first_key_value(), series.last_key_value())
    else {
        return String::new();
    };
    let first = first.max(last - MAX_MONTHS as i32 + 1);
    let months: Vec<(i32, MonthCount)> = (first..=last)
        .map(|k| (k, series.get(&k).copied().unwrap_or_default()))
        .collect();
    let max_b = months.iter().map(|m| m.1.briefs).max().unwrap_or(1).max(1);
    let max_m = months
        .iter()
        .map(|m| m.1.mentions)
        .max()
        .unwrap_or(1)
        .max(1);
    let (w, h, pad_b, pad_t) = (720.0_f64, 140.0_f64, 22.0_f64, 8.0_f64);
    let n = months.len() as f64;
    let slot = w / n;
    // Bars stay slim when there are few months: a wide block reads as a wall, not a count.
    let bar = (slot * 0.7).clamp(1.0, 36.0);
    let total_b: u32 = months.iter().map(|m| m.1.briefs).sum();
    let total_m: u32 = months.iter().map(|m| m.1.mentions).sum();
    let mut out = String::new();
    let _ = write!(
        out,
        "<svg class=\"chart\" viewBox=\"0 0 {w} {h}\" role=\"img\" aria-labelledby=\"chart-title chart-desc\" \
         xmlns=\"http://www.w3.org/2000/svg\">\
         <title id=\"chart-title\">{}</title><desc id=\"chart-desc\">",
        escape(title),
    );
    Count(total_b, "brief").push(&mut out);
    if show_mentions {
        out.push_str(", ");
        Count(total_m, "mention").push(&mut out);
        out.push(',');
    }
    out.push_str(" from ");
    MonthLabel(first).push(&mut out);
    out.push_str(" to ");
    MonthLabel(last).push(&mut out);
    out.push_str("</desc>");
    let plot = h - pad_b - pad_t;
    out.push_str("<line class=\"axis\" x1=\"0\" y1=\"");
    D1(pad_t + plot).push(&mut out);
    let _ = write!(out, "\" x2=\"{w}\" y2=\"");
    D1(pad_t + plot).push(&mut out);
    out.push_str("\"/>");
    // Months without a brief draw no bar: a bar of height 0 shows nothing and its
    // tooltip cannot be reached, and on an entity named years apart they were most
    // of the page (65 of the generated 10,000-article site's 671 MB).
    for (i, (k, c)) in months.iter().enumerate().filter(|(_, (_, c))| c.briefs > 0) {
        let bh = plot * f64::from(c.briefs) / f64::from(max_b);
        let x = i as f64 * slot + (slot - bar) / 2.0;
        let y = pad_t + plot - bh;
        // Written piece by piece: `write!` here was most of the chart's time.
        out.push_str("<rect class=\"bar\" x=\"");
        D1(x).push(&mut out);
        out.push_str("\" y=\"");
        D1(y).push(&mut out);
        out.push_str("\" width=\"");
        D1(bar).push(&mut out);
        out.push_str("\" height=\"");
        D1(bh).push(&mut out);
        out.push_str("\"><title>");
        MonthLabel(*k).push(&mut out);
        out.push_str(": ");
        Count(c.briefs, "brief").push(&mut out);
        if show_mentions {
            out.push_str(", ");
            Count(c.mentions, "mention").push(&mut out);
        }
        out.push_str("</title></rect>");
    }
    if show_mentions && months.len() > 1 {
        out.push_str("<polyline class=\"line\" fill=\"none\" points=\"");
        // A month of no mentions between two others is on the straight line that
        // joins them: only the ends of a run of them are points.
        let zero = |i: usize| months.get(i).is_some_and(|(_, c)| c.mentions == 0);
        let mut sep = "";
        for (i, (_, c)) in months.iter().enumerate() {
            if i > 0 && zero(i - 1) && zero(i) && zero(i + 1) {
                continue;
            }
            let x = i as f64 * slot + slot / 2.0;
            let y = pad_t + plot - plot * f64::from(c.mentions) / f64::from(max_m);
            out.push_str(sep);
            D1(x).push(&mut out);
            out.push(',');
            D1(y).push(&mut out);
            sep = " ";
        }
        out.push_str("\"/>");
    }
    // Ticks: every month's initials over a short span (the year under January and the
    // first month), else the years.
    let monthly = months.len() <= MONTH_TICKS;
    // The first month's year is labelled unless a January follows too close for
    // both labels (`2013` over `2014` when the series starts in December).
    let first_january = months.iter().position(|(k, _)| k.rem_euclid(12) == 0);
    let label_first = first_january.is_none_or(|j| j as f64 * slot >= 40.0);
    for (i, (k, _)) in months.iter().enumerate() {
        let january = k.rem_euclid(12) == 0;
        if monthly {
            let x = i as f64 * slot + slot / 2.0;
            out.push_str("<text class=\"tick\" x=\"");
            D1(x).push(&mut out);
            out.push_str("\" y=\"");
            D1(h - 6.0).push(&mut out);
            out.push_str("\" text-anchor=\"middle\">");
            if january || i == 0 {
                MonthLabel(*k).push(&mut out);
            } else {
                out.push_str(&month_name((k.rem_euclid(12) + 1) as u32)[..3]);
            }
            out.push_str("</text>");
        } else if january || (i == 0 && label_first) {
            let x = i as f64 * slot;
            out.push_str("<text class=\"tick\" x=\"");
            D1(x + 2.0).push(&mut out);
            out.push_str("\" y=\"");
            D1(h - 6.0).push(&mut out);
            let _ = write!(out, "\">{}</text>", k.div_euclid(12));
        }
    }
    out.push_str("</svg>");
    out
}

/// A coordinate as `{:.1}` writes it. Rust's exact decimal formatting was a
/// twentieth of a build's time (the entity pages draw up to 120 months of bars);
/// away from a rounding tie, `v * 10` rounded to an integer gives the same digits,
/// and at a tie (or a value out of range) the standard formatter decides.
struct D1(f64);

impl D1 {
    /// Ten times the value, rounded, when that gives `{:.1}`'s digits.
    fn tenths(&self) -> Option<u64> {
        let v = self.0;
        let t = v * 10.0;
        let tie = ((t - t.trunc()) - 0.5).abs() < 1e-6;
        (!(v.is_sign_negative() || t.is_nan() || t >= 1e15 || tie)).then(|| t.round() as u64)
    }

    fn push(&self, out: &mut String) {
        match self.tenths() {
            Some(n) => {
                out.push_str(itoa::Buffer::new().format(n / 10));
                out.push('.');
                out.push(char::from(b'0' + (n % 10) as u8));
            }
            None => {
                let _ = write!(out, "{:.1}", self.0);
            }
        }
    }
}

/// A month key as `Mar 2023`.
struct MonthLabel(i32);

impl MonthLabel {
    fn push(&self, out: &mut String) {
        let k = self.0;
        out.push_str(&month_name((k.rem_euclid(12) + 1) as u32)[..3]);
        out.push(' ');
        out.push_str(itoa::Buffer::new().format(k.div_euclid(12)));
    }
}

/// `1 brief`, `2 briefs`.
struct Count<'a>(u32, &'a str);

impl Count<'_> {
    fn push(&self, out: &mut String) {
        let Count(n, noun) = *self;
        out.push_str(itoa::Buffer::new().format(n));
        out.push(' ');
        out.push_str(noun);
        if n != 1 {
            out.push('s');
        }
    }
}

fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    crate::content::markdown::escape_into(&mut out, s);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn draws_a_bar_per_month_with_briefs_and_the_line_through_every_month() {
        let mut s = Series::new();
        add(&mut s, NaiveDate::from_ymd_opt(2023, 1, 5).unwrap(), 3);
        add(&mut s, NaiveDate::from_ymd_opt(2023, 3, 9).unwrap(), 1);
        let svg = svg(&s, "Coverage of <Iraq>", true);
        // Two bars (February has no brief), the line through all three months.
        assert_eq!(svg.matches("<rect").count(), 2);
        assert!(!svg.contains("Feb 2023: "), "{svg}");
        assert_eq!(
            svg.matches(',').count() - svg.matches(", ").count(),
            3,
            "{svg}"
        );
        assert!(svg.contains("Coverage of &lt;Iraq&gt;"));
        assert!(
            svg.contains("2 briefs, 4 mentions, from Jan 2023 to Mar 2023"),
            "{svg}"
        );
    }

    #[test]
    fn coordinates_are_written_as_the_standard_formatter_writes_them() {
        let mut rng = 0x2545_f491_4f6c_dd1d_u64;
        let mut values: Vec<f64> = vec![
            0.0,
            -0.0,
            0.05,
            0.15,
            0.25,
            0.35,
            1.05,
            2.45,
            99.95,
            110.0,
            0.04999,
            1e16,
            -3.25,
            f64::NAN,
            f64::INFINITY,
            720.0 / 7.0,
            110.0 * 3.0 / 7.0,
        ];
        for _ in 0..200_000 {
            rng ^= rng << 13;
            rng ^= rng >> 7;
            rng ^= rng << 17;
            let v = (rng >> 11) as f64 / (1u64 << 53) as f64 * 1000.0;
            values.push(v);
            // Values on a tie of the first decimal, and next to one.
            let tie = (v * 10.0).trunc() / 10.0 + 0.05;
            values.extend([tie, tie.next_up(), tie.next_down()]);
        }
        let mut out = String::new();
        for v in values {
            out.clear();
            D1(v).push(&mut out);
            assert_eq!(out, format!("{v:.1}"), "{v:e}");
        }
    }

    #[test]
    fn labels_and_counts_are_written_as_format_would() {
        let mut out = String::new();
        for n in [0, 7, 10, 99, 1000, u32::MAX] {
            out.clear();
            Count(n, "brief").push(&mut out);
            assert_eq!(out, format!("{n} briefs"));
        }
        for (k, label) in [(2023 * 12 + 2, "Mar 2023"), (-1, "Dec -1"), (11, "Dec 0")] {
            out.clear();
            MonthLabel(k).push(&mut out);
            assert_eq!(out, label);
        }
        out.clear();
        Count(1, "brief").push(&mut out);
        out.push_str(", ");
        Count(0, "mention").push(&mut out);
        assert_eq!(out, "1 brief, 0 mentions");
    }

    #[test]
    fn short_spans_label_each_month() {
        let mut s = Series::new();
        add(&mut s, NaiveDate::from_ymd_opt(2023, 11, 5).unwrap(), 0);
        add(&mut s, NaiveDate::from_ymd_opt(2024, 1, 9).unwrap(), 0);
        let svg = svg(&s, "x", false);
        assert!(svg.contains(">Nov 2023</text>"), "{svg}");
        assert!(svg.contains(">Dec</text>"), "{svg}");
        assert!(svg.contains(">Jan 2024</text>"), "{svg}");
    }

    #[test]
    fn long_spans_label_each_year() {
        let mut s = Series::new();
        add(&mut s, NaiveDate::from_ymd_opt(2021, 6, 1).unwrap(), 0);
        add(&mut s, NaiveDate::from_ymd_opt(2023, 2, 1).unwrap(), 0);
        let svg = svg(&s, "x", false);
        assert_eq!(svg.matches("class=\"tick\"").count(), 3, "{svg}");
        assert!(svg.contains(">2021</text>"), "{svg}");
        assert!(!svg.contains("Jul</text>"), "{svg}");
    }

    #[test]
    fn a_year_label_is_not_drawn_over_the_next() {
        let mut s = Series::new();
        add(&mut s, NaiveDate::from_ymd_opt(2013, 12, 9).unwrap(), 1);
        add(&mut s, NaiveDate::from_ymd_opt(2019, 5, 27).unwrap(), 1);
        let svg = svg(&s, "x", false);
        assert!(!svg.contains(">2013</text>"), "{svg}");
        assert!(svg.contains(">2014</text>"), "{svg}");
        assert!(svg.contains(">2019</text>"), "{svg}");
    }

    #[test]
    fn the_line_has_a_point_where_it_turns() {
        let mut s = Series::new();
        add(&mut s, NaiveDate::from_ymd_opt(2020, 1, 9).unwrap(), 2);
        add(&mut s, NaiveDate::from_ymd_opt(2020, 6, 9).unwrap(), 1);
        add(&mut s, NaiveDate::from_ymd_opt(2020, 7, 9).unwrap(), 3);
        let svg = svg(&s, "x", true);
        let points = svg
            .split("points=\"")
            .nth(1)
            .unwrap()
            .split('"')
            .next()
            .unwrap();
        // January, February and May (the ends of the empty run), June, July.
        assert_eq!(points.split(' ').count(), 5, "{points}");
        let y: Vec<&str> = points
            .split(' ')
            .map(|p| p.split(',').nth(1).unwrap())
            .collect();
        assert_eq!(y[1], y[2], "{points}");
        assert_ne!(y[0], y[1], "{points}");
    }

    #[test]
    fn nothing_to_draw_gives_nothing() {
        assert_eq!(svg(&Series::new(), "x", false), "");
    }

    #[test]
    fn long_series_keep_the_latest_months() {
        let mut s = Series::new();
        for year in 1990..=2023 {
            for month in 1..=12 {
                add(&mut s, NaiveDate::from_ymd_opt(year, month, 1).unwrap(), 0);
            }
        }
        let svg = svg(&s, "x", false);
        assert_eq!(svg.matches("<rect").count(), MAX_MONTHS);
        assert!(svg.contains("from Jan 2014 to Dec 2023"), "{svg}");
    }
}
