//! The timeline index: every brief and every extracted event, by year → month → day.
//!
//! Briefs sit on their publication day. Events sit at the precision their date has:
//! `2014` on the year, `2017-12` on the month, `2023-03-07` on the day. The same past
//! event told by several briefs (the 2014 advance of ISIL, recalled in a 2017 brief
//! and a 2023 brief) is one entry citing each: events of one date merge when their
//! content words overlap enough.

use std::collections::BTreeMap;

use crate::extract::knowledge::hash::FastMap as HashMap;

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use super::Brief;

/// Newest year first.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Timeline {
    pub years: Vec<Year>,
}

#[derive(Clone, Debug, Serialize)]
pub struct Year {
    pub year: i32,
    /// Events dated only by the year.
    pub events: Vec<TimelineEvent>,
    /// Newest first.
    pub months: Vec<Month>,
}

#[derive(Clone, Debug, Serialize)]
pub struct Month {
    pub year: i32,
    pub month: u32,
    /// Events dated only by the month.
    pub events: Vec<TimelineEvent>,
    /// Newest first.
    pub days: Vec<Day>,
}

#[derive(Clone, Debug, Serialize)]
pub struct Day {
    pub date: NaiveDate,
    /// Briefs published that day, newest first.
    pub briefs: Vec<usize>,
    pub events: Vec<TimelineEvent>,
}

/// One event on the timeline, with every brief that tells it.
#[derive(Clone, Debug, Serialize)]
pub struct TimelineEvent {
    /// TIMEX3 value: `2014`, `2017-12`, `2023-03-07`.
    pub date: String,
    pub summary: String,
    /// The briefs that tell the event, newest first, with the span of the telling.
    pub sources: Vec<EventSource>,
}

#[derive(Clone, Copy, Debug, Serialize)]
pub struct EventSource {
    pub brief: usize,
    pub span: [usize; 2],
}

pub use super::links::DateKey;

/// Content words of a summary, for deciding whether two tellings are one event: the
/// hashes of its lowercased words, sorted, without repeats. Hashes instead of strings
/// keep the merge of a big archive's events small (a string per word of every
/// event cost more memory than the whole timeline it builds).
fn content_words(s: &str) -> Vec<u64> {
    const STOP: &[&str] = &[
        "that", "this", "with", "from", "have", "were", "their", "which", "when", "after",
        "before", "about", "into", "been", "will", "would", "also", "they", "them", "there",
        "than", "more", "some", "said",
    ];
    let mut lower = String::new();
    let mut words: Vec<u64> = s
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 4)
        .filter_map(|w| {
            lower.clear();
            lower.extend(w.chars().flat_map(char::to_lowercase));
            (!STOP.contains(&lower.as_str())).then(|| xxhash_rust::xxh3::xxh3_64(lower.as_bytes()))
        })
        .collect();
    words.sort_unstable();
    words.dedup();
    words
}

/// True when two summaries share at least half of the shorter one's content words.
fn same_event(a: &[u64], b: &[u64]) -> bool {
    let smaller = a.len().min(b.len());
    smaller > 0 && shared_words(a, b) * 2 >= smaller
}

/// How many content words two sorted word lists share.
fn shared_words(a: &[u64], b: &[u64]) -> usize {
    let (mut i, mut j, mut shared) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    shared
}

/// The events of one date. Past [`INDEXED`] events a bucket keeps an index from
/// content words to events, so that a new telling is compared only with events
/// sharing a distinctive word (a year of a big archive holds thousands of events);
/// most dates have a few events, compared one by one.
#[derive(Default)]
struct Bucket {
    events: Vec<(TimelineEvent, Vec<u64>)>,
    index: HashMap<u64, Vec<u32>>,
    indexed: bool,
}

/// Words in more events of one date than this do not pick candidates.
const COMMON_WORD: usize = 64;

/// Buckets with more events than this are indexed by word.
const INDEXED: usize = 16;

impl Bucket {
    fn add(&mut self, date: &str, summary: &str, source: EventSource) {
        let words = content_words(summary);
        let mut candidates: Vec<(u32, usize)> = if self.events.len() <= INDEXED {
            self.events
                .iter()
                .enumerate()
                .map(|(e, (_, w))| (shared_words(w, &words) as u32, e))
                .filter(|&(n, _)| n > 0)
                .collect()
        } else {
            if !self.indexed {
                self.indexed = true;
                for (id, (_, ws)) in self.events.iter().enumerate() {
                    for &w in ws {
                        self.index.entry(w).or_default().push(id as u32);
                    }
                }
            }
            let mut hits: HashMap<u32, u32> = HashMap::default();
            for w in &words {
                if let Some(list) = self.index.get(w).filter(|l| l.len() <= COMMON_WORD) {
                    for &e in list {
                        *hits.entry(e).or_default() += 1;
                    }
                }
            }
            hits.into_iter().map(|(e, n)| (n, e as usize)).collect()
        };
        candidates.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        let found = candidates
            .iter()
            .take(8)
            .map(|&(_, e)| e)
            .find(|&e| same_event(&self.events[e].1, &words));
        match found {
            Some(e) => {
                // Briefs are added in order, so a brief already citing the event is
                // its last source (a scan of all sources was quadratic: an event
                // retold by thousands of briefs of a big archive).
                let existing = &mut self.events[e].0;
                if existing
                    .sources
                    .last()
                    .is_none_or(|s| s.brief != source.brief)
                {
                    existing.sources.push(source);
                }
            }
            None => {
                let id = self.events.len() as u32;
                if self.indexed {
                    for &w in &words {
                        self.index.entry(w).or_default().push(id);
                    }
                }
                self.events.push((
                    TimelineEvent {
                        date: date.to_string(),
                        summary: summary.to_string(),
                        sources: vec![source],
                    },
                    words,
                ));
            }
        }
    }
}

/// Builds the timeline of `briefs` (which are newest first).
pub fn build(briefs: &[Brief]) -> Timeline {
    // Events merged per date, each with the words that identify it.
    let mut events: BTreeMap<DateKey, Bucket> = BTreeMap::new();
    let mut days: BTreeMap<NaiveDate, Vec<usize>> = BTreeMap::new();
    for (i, b) in briefs.iter().enumerate() {
        days.entry(b.day).or_default().push(i);
        let own = b.day;
        for ev in &b.facts.events {
            let Some(key) = DateKey::parse(&ev.date) else {
                continue;
            };
            // The brief itself stands for its own day's news.
            if key.day != 0 && NaiveDate::from_ymd_opt(key.year, key.month, key.day) == Some(own) {
                continue;
            }
            let source = EventSource {
                brief: i,
                span: ev.span,
            };
            events
                .entry(key)
                .or_default()
                .add(&ev.date, &ev.summary, source);
        }
    }
    let mut years: BTreeMap<i32, Year> = BTreeMap::new();
    let mut months: BTreeMap<(i32, u32), Month> = BTreeMap::new();
    let mut day_map: BTreeMap<NaiveDate, Day> = BTreeMap::new();
    for (date, list) in days {
        day_map.insert(
            date,
            Day {
                date,
                briefs: list,
                events: vec![],
            },
        );
    }
    for (key, bucket) in events {
        let evs: Vec<TimelineEvent> = bucket.events.into_iter().map(|(e, _)| e).collect();
        if key.month == 0 {
            years
                .entry(key.year)
                .or_insert_with(|| Year {
                    year: key.year,
                    events: vec![],
                    months: vec![],
                })
                .events = evs;
        } else if key.day == 0 {
            months
                .entry((key.year, key.month))
                .or_insert_with(|| Month {
                    year: key.year,
                    month: key.month,
                    events: vec![],
                    days: vec![],
                })
                .events = evs;
        } else if let Some(date) = NaiveDate::from_ymd_opt(key.year, key.month, key.day) {
            day_map
                .entry(date)
                .or_insert_with(|| Day {
                    date,
                    briefs: vec![],
                    events: vec![],
                })
                .events = evs;
        }
    }
    for (date, day) in day_map.into_iter().rev() {
        months
            .entry((date.year(), date.month()))
            .or_insert_with(|| Month {
                year: date.year(),
                month: date.month(),
                events: vec![],
                days: vec![],
            })
            .days
            .push(day);
    }
    for ((y, _), month) in months.into_iter().rev() {
        years
            .entry(y)
            .or_insert_with(|| Year {
                year: y,
                events: vec![],
                months: vec![],
            })
            .months
            .push(month);
    }
    Timeline {
        years: years.into_values().rev().collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::Event;
    use crate::site::tests::brief;

    fn with_events(mut b: Brief, events: &[(&str, &str)]) -> Brief {
        std::sync::Arc::make_mut(&mut b.facts).events = events
            .iter()
            .map(|(d, s)| Event {
                date: d.to_string(),
                summary: s.to_string(),
                span: [0, 1],
            })
            .collect();
        b
    }

    #[test]
    fn date_keys_read_three_precisions() {
        assert_eq!(
            DateKey::parse("2014"),
            Some(DateKey {
                year: 2014,
                month: 0,
                day: 0
            })
        );
        assert_eq!(
            DateKey::parse("2017-12"),
            Some(DateKey {
                year: 2017,
                month: 12,
                day: 0
            })
        );
        assert_eq!(
            DateKey::parse("2023-03-07T15:00"),
            Some(DateKey {
                year: 2023,
                month: 3,
                day: 7
            })
        );
        for other in [
            "PAST_REF",
            "2023-W10",
            "199",
            "XXXX-03-07",
            "2023-02-30",
            "2022-SU",
        ] {
            assert_eq!(DateKey::parse(other), None, "{other}");
        }
    }

    #[test]
    fn briefs_and_events_nest_newest_first() {
        let briefs = vec![
            with_events(
                brief("b.md", "2023-03-08T09:00:00Z", "b", &[]),
                &[
                    (
                        "2014",
                        "ISIL seized large swathes of territory in Iraq and Syria",
                    ),
                    ("2023-03-07", "Austin arrived in Baghdad"),
                ],
            ),
            with_events(
                brief("a.md", "2017-12-10T09:00:00Z", "a", &[]),
                &[(
                    "2014",
                    "ISIL seized territory across Iraq and Syria in a lightning advance",
                )],
            ),
        ];
        let t = build(&briefs);
        let years: Vec<i32> = t.years.iter().map(|y| y.year).collect();
        assert_eq!(years, [2023, 2017, 2014]);
        let y2014 = &t.years[2];
        assert_eq!(y2014.events.len(), 1, "one event told twice");
        let cited: Vec<usize> = y2014.events[0].sources.iter().map(|s| s.brief).collect();
        assert_eq!(cited, [0, 1]);
        let march = &t.years[0].months[0];
        let days: Vec<String> = march.days.iter().map(|d| d.date.to_string()).collect();
        assert_eq!(days, ["2023-03-08", "2023-03-07"]);
        assert_eq!(march.days[0].briefs, [0]);
        assert_eq!(march.days[1].events[0].summary, "Austin arrived in Baghdad");
    }

    #[test]
    fn different_events_of_one_year_stay_apart() {
        let briefs = vec![with_events(
            brief("a.md", "2023-01-01T00:00:00Z", "a", &[]),
            &[
                ("2011", "The United States withdrew its forces"),
                ("2011", "Protests spread across the region"),
            ],
        )];
        assert_eq!(build(&briefs).years[1].events.len(), 2);
    }

    #[test]
    fn the_briefs_own_day_is_not_repeated_as_an_event() {
        let briefs = vec![with_events(
            brief("a.md", "2023-03-08T09:00:00Z", "a", &[]),
            &[("2023-03-08", "Austin pledges")],
        )];
        let t = build(&briefs);
        assert!(t.years[0].months[0].days[0].events.is_empty());
    }
}
