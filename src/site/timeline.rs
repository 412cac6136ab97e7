//! The timeline index: every brief and every extracted event, by year → month → day.
//!
//! Briefs sit on their publication day. Events sit at the precision their date has:
//! `2014` on the year, `2017-12` on the month, `2023-03-07` on the day. The same past
//! event told by several briefs (the 2014 advance of ISIL, recalled in a 2017 brief
//! and a 2023 brief) is one entry citing each: events of one date merge when their
//! content words overlap enough.

use std::collections::BTreeMap;
use std::sync::Arc;

use crate::extract::knowledge::hash::FastMap as HashMap;

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use super::Brief;

/// Newest year first.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Timeline {
    /// Shared, so that a patched timeline copies only the years it changes.
    pub years: Vec<Arc<Year>>,
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

/// One event on the timeline, with every brief that tells it. Its date and summary
/// are those of its first telling ([`TimelineEvent::told`]): the timeline points
/// into the briefs' facts rather than copying them (a big archive's timeline holds
/// millions of events).
#[derive(Clone, Debug, Serialize)]
pub struct TimelineEvent {
    /// The briefs that tell the event, in brief order (newest first), never empty.
    pub sources: Vec<EventSource>,
}

/// A telling of an event: a brief and the index of the event in its facts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct EventSource {
    pub brief: u32,
    pub event: u32,
}

impl TimelineEvent {
    /// The first telling, which gives the event its date (TIMEX3 value: `2014`,
    /// `2017-12`, `2023-03-07`) and summary; `briefs` are the site's the timeline
    /// was built of.
    pub fn told<'a>(&self, briefs: &'a [Brief]) -> crate::extract::EventStr<'a> {
        let s = self.sources[0];
        briefs[s.brief as usize].facts.events.at(s.event as usize)
    }
}

pub use super::links::DateKey;

/// Words too common to tell events apart.
const STOP: &[&str] = &[
    "that", "this", "with", "from", "have", "were", "their", "which", "when", "after", "before",
    "about", "into", "been", "will", "would", "also", "they", "them", "there", "than", "more",
    "some", "said",
];

/// Content words of a summary, for deciding whether two tellings are one event: the
/// hashes of its lowercased words, sorted, without repeats. Hashes instead of strings
/// keep the merge of a big archive's events small (a string per word of every
/// event cost more memory than the whole timeline it builds).
fn content_words(s: &str) -> Vec<u64> {
    let mut lower = String::new();
    let mut words: Vec<u64> = s
        .split(|c: char| !c.is_alphanumeric())
        .filter_map(|w| {
            lower.clear();
            if w.is_ascii() {
                // Most words: the same as below, by byte.
                if w.len() < 4 {
                    return None;
                }
                lower.push_str(w);
                lower.make_ascii_lowercase();
            } else {
                if w.chars().count() < 4 {
                    return None;
                }
                lower.extend(w.chars().flat_map(char::to_lowercase));
            }
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
    fn add(&mut self, summary: &str, source: EventSource) {
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
                        sources: vec![source],
                    },
                    words,
                ));
            }
        }
    }
}

/// The events of brief `b` that have a place on the timeline, with that place: those
/// dated at a year, month or day other than the brief's own day (the brief itself
/// stands for its own day's news).
fn placed_events(b: &Brief) -> impl Iterator<Item = (DateKey, u32, crate::extract::EventStr<'_>)> {
    let own = b.day;
    b.facts
        .events
        .iter()
        .enumerate()
        .filter_map(move |(i, ev)| {
            let key = DateKey::parse(ev.date)?;
            let own_day =
                key.day != 0 && NaiveDate::from_ymd_opt(key.year, key.month, key.day) == Some(own);
            (!own_day).then_some((key, i as u32, ev))
        })
}

/// The timeline of `briefs` from `old`, the timeline of `old_briefs`, when the two
/// lists hold the same articles in the same places but for the briefs at `changed`
/// (the dev server's edit of an article): only the dates the changed briefs' events
/// had or have are merged again, each from the briefs it cites in order, as
/// [`build`] merges them. `None` when a changed brief moved to another day (its
/// place in the day lists): then the timeline is built anew.
pub fn patch(
    old: &Timeline,
    old_briefs: &[Brief],
    briefs: &[Brief],
    changed: &[usize],
) -> Option<Timeline> {
    if old_briefs.len() != briefs.len()
        || changed
            .iter()
            .any(|&c| old_briefs.get(c).map(|b| b.day) != briefs.get(c).map(|b| b.day))
    {
        return None;
    }
    let mut keys: Vec<DateKey> = changed
        .iter()
        .flat_map(|&c| placed_events(&old_briefs[c]).chain(placed_events(&briefs[c])))
        .map(|(key, _, _)| key)
        .collect();
    keys.sort_unstable();
    keys.dedup();
    let mut timeline = old.clone();
    for key in keys {
        // A date whose events the changed briefs tell as before merges as before
        // (an edit touches a sentence or two of an article's dozens of dates).
        fn at(b: &Brief, key: DateKey) -> Vec<(u32, &str, &str)> {
            placed_events(b)
                .filter(|(k, _, _)| *k == key)
                .map(|(_, i, ev)| (i, ev.date, ev.summary))
                .collect()
        }
        if changed
            .iter()
            .all(|&c| at(&old_briefs[c], key) == at(&briefs[c], key))
        {
            continue;
        }
        // The briefs with events of this date: those the old merge cited, less the
        // changed ones, and the changed ones that have some now.
        let mut cited: Vec<usize> = timeline
            .events_at(key)
            .iter()
            .flat_map(|e| e.sources.iter().map(|s| s.brief as usize))
            .filter(|b| !changed.contains(b))
            .collect();
        cited.extend(
            changed
                .iter()
                .filter(|&&c| placed_events(&briefs[c]).any(|(k, _, _)| k == key)),
        );
        cited.sort_unstable();
        cited.dedup();
        let mut bucket = Bucket::default();
        for i in cited {
            for (_, e, ev) in placed_events(&briefs[i]).filter(|(k, _, _)| *k == key) {
                let source = EventSource {
                    brief: i as u32,
                    event: e,
                };
                bucket.add(ev.summary, source);
            }
        }
        let events = bucket.events.into_iter().map(|(e, _)| e).collect();
        timeline.set_events_at(key, events);
    }
    Some(timeline)
}

impl Timeline {
    /// The merged events dated `key` (none when it has no place yet).
    fn events_at(&self, key: DateKey) -> &[TimelineEvent] {
        let newest_first = |a: i32, b: i32| b.cmp(&a);
        let Ok(y) = self
            .years
            .binary_search_by(|y| newest_first(y.year, key.year))
        else {
            return &[];
        };
        let year = &self.years[y];
        if key.month == 0 {
            return &year.events;
        }
        let Ok(m) = year.months.binary_search_by(|m| key.month.cmp(&m.month)) else {
            return &[];
        };
        let month = &year.months[m];
        if key.day == 0 {
            return &month.events;
        }
        match month.days.binary_search_by(|d| key.day.cmp(&d.date.day())) {
            Ok(d) => &month.days[d].events,
            Err(_) => &[],
        }
    }

    /// Puts `events` at date `key`, making its year, month and day when they are
    /// missing and removing those left empty, as [`build`] leaves none.
    fn set_events_at(&mut self, key: DateKey, events: Vec<TimelineEvent>) {
        // (Keys are parsed dates: a day key is a valid date.)
        let date = match key.day {
            0 => NaiveDate::MIN,
            day => match NaiveDate::from_ymd_opt(key.year, key.month, day) {
                Some(date) => date,
                None => return,
            },
        };
        let y = match self.years.binary_search_by(|y| key.year.cmp(&y.year)) {
            Ok(y) => y,
            Err(y) => {
                self.years.insert(
                    y,
                    Arc::new(Year {
                        year: key.year,
                        events: vec![],
                        months: vec![],
                    }),
                );
                y
            }
        };
        let year = Arc::make_mut(&mut self.years[y]);
        if key.month == 0 {
            year.events = events;
        } else {
            let m = match year.months.binary_search_by(|m| key.month.cmp(&m.month)) {
                Ok(m) => m,
                Err(m) => {
                    year.months.insert(
                        m,
                        Month {
                            year: key.year,
                            month: key.month,
                            events: vec![],
                            days: vec![],
                        },
                    );
                    m
                }
            };
            let month = &mut year.months[m];
            if key.day == 0 {
                month.events = events;
            } else {
                let d = match month.days.binary_search_by(|d| key.day.cmp(&d.date.day())) {
                    Ok(d) => d,
                    Err(d) => {
                        month.days.insert(
                            d,
                            Day {
                                date,
                                briefs: vec![],
                                events: vec![],
                            },
                        );
                        d
                    }
                };
                month.days[d].events = events;
                if month.days[d].briefs.is_empty() && month.days[d].events.is_empty() {
                    month.days.remove(d);
                }
            }
            if month.events.is_empty() && month.days.is_empty() {
                year.months.remove(m);
            }
        }
        if year.events.is_empty() && year.months.is_empty() {
            self.years.remove(y);
        }
    }
}

/// Builds the timeline of `briefs` (which are newest first).
pub fn build(briefs: &[Brief]) -> Timeline {
    use rayon::prelude::*;
    let mut days: BTreeMap<NaiveDate, Vec<usize>> = BTreeMap::new();
    for (i, b) in briefs.iter().enumerate() {
        days.entry(b.day).or_default().push(i);
    }
    // Every placed event by date, then brief and event: the order in which a
    // date's bucket takes them. Dates are merged one at a time on each thread, so
    // only the dates in hand hold their events' words (all of them at once were a
    // tenth of a big archive's memory).
    let mut placed: Vec<(DateKey, EventSource)> = briefs
        .par_iter()
        .enumerate()
        .with_max_len(256)
        .flat_map_iter(|(i, b)| {
            placed_events(b).map(move |(key, e, _)| {
                let source = EventSource {
                    brief: i as u32,
                    event: e,
                };
                (key, source)
            })
        })
        .collect();
    placed.par_sort_unstable_by_key(|&(key, s)| (key, s.brief, s.event));
    let dates: Vec<&[(DateKey, EventSource)]> = placed.chunk_by(|a, b| a.0 == b.0).collect();
    let events: Vec<(DateKey, Vec<TimelineEvent>)> = dates
        .par_iter()
        .map(|tellings| {
            let mut bucket = Bucket::default();
            for &(_, source) in tellings.iter() {
                let ev = briefs[source.brief as usize]
                    .facts
                    .events
                    .at(source.event as usize);
                bucket.add(ev.summary, source);
            }
            let evs = bucket.events.into_iter().map(|(e, _)| e).collect();
            (tellings[0].0, evs)
        })
        .collect();
    drop(dates);
    drop(placed);
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
    for (key, evs) in events {
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
        years: years.into_values().rev().map(Arc::new).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::Event;
    use crate::site::tests::brief;

    #[test]
    fn content_words_read_ascii_words_as_by_char() {
        // Words by char, as before the ASCII path.
        let by_char = |s: &str| -> Vec<u64> {
            let mut w: Vec<u64> = s
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| w.chars().count() >= 4)
                .map(|w| w.chars().flat_map(char::to_lowercase).collect::<String>())
                .filter(|w| !STOP.contains(&w.as_str()))
                .map(|w| xxhash_rust::xxh3::xxh3_64(w.as_bytes()))
                .collect();
            w.sort_unstable();
            w.dedup();
            w
        };
        for s in [
            "The Ministry said THAT it would REVIEW the “Grid Upgrade” with İstanbul’s council",
            "Größe über ÅLAND, naïve café — 2023 budget of $4.5 billion",
        ] {
            assert_eq!(content_words(s), by_char(s), "{s}");
        }
    }

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
        let cited: Vec<u32> = y2014.events[0].sources.iter().map(|s| s.brief).collect();
        assert_eq!(cited, [0, 1]);
        let march = &t.years[0].months[0];
        let days: Vec<String> = march.days.iter().map(|d| d.date.to_string()).collect();
        assert_eq!(days, ["2023-03-08", "2023-03-07"]);
        assert_eq!(march.days[0].briefs, [0]);
        assert_eq!(
            march.days[1].events[0].told(&briefs).summary,
            "Austin arrived in Baghdad"
        );
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

    /// A small pseudo-random generator: the test is the same every run.
    struct Lcg(u64);
    impl Lcg {
        fn below(&mut self, n: usize) -> usize {
            self.0 = self
                .0
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            ((self.0 >> 33) % n as u64) as usize
        }
    }

    /// Events from few dates and few words, so that tellings merge and dates share
    /// buckets; some are the brief's own day, no timeline date, or rare.
    fn random_events(rng: &mut Lcg, own: &str) -> Vec<(String, String)> {
        const DATES: &[&str] = &[
            "2011",
            "2011-03",
            "2011-03-03",
            "2011-03-04",
            "2012",
            "2012-12-24",
            "2010-06",
            "PAST_REF",
        ];
        const WORDS: &[&str] = &[
            "council", "budget", "harbour", "strike", "election", "mayor", "flood", "bridge",
            "ferry", "levy",
        ];
        (0..rng.below(5))
            .map(|_| {
                let date = match rng.below(10) {
                    8 => own.to_string(),
                    // Rare dates: their year, month or day comes and goes.
                    9 => match rng.below(3) {
                        0 => format!("199{}", rng.below(10)),
                        1 => format!("199{}-0{}", rng.below(10), 1 + rng.below(9)),
                        _ => format!(
                            "199{}-0{}-1{}",
                            rng.below(10),
                            1 + rng.below(9),
                            rng.below(10)
                        ),
                    },
                    d => DATES[d].to_string(),
                };
                let words: Vec<&str> = (0..2 + rng.below(3))
                    .map(|_| WORDS[rng.below(WORDS.len())])
                    .collect();
                (date, words.join(" "))
            })
            .collect()
    }

    #[test]
    fn a_patched_timeline_is_the_timeline_built_anew() {
        let mut rng = Lcg(7);
        let days = ["2023-03-08", "2023-03-07", "2012-12-24", "2011-03-03"];
        let mut briefs: Vec<Brief> = (0..40)
            .map(|i| {
                let day = days[i * days.len() / 40];
                let b = brief(&format!("{i}.md"), &format!("{day}T09:00:00Z"), "s", &[]);
                let events = random_events(&mut rng, day);
                let pairs: Vec<(&str, &str)> = events
                    .iter()
                    .map(|(d, s)| (d.as_str(), s.as_str()))
                    .collect();
                with_events(b, &pairs)
            })
            .collect();
        let mut timeline = build(&briefs);
        let json = |t: &Timeline| serde_json::to_string(t).unwrap();
        let mut patched = 0;
        for round in 0..300 {
            let old = briefs.clone();
            let changed: Vec<usize> = match round % 3 {
                0 => vec![rng.below(briefs.len())],
                _ => {
                    let mut c = vec![rng.below(briefs.len()), rng.below(briefs.len())];
                    c.sort_unstable();
                    c.dedup();
                    c
                }
            };
            for &c in &changed {
                let day = briefs[c].day.to_string();
                let events = random_events(&mut rng, &day);
                let pairs: Vec<(&str, &str)> = events
                    .iter()
                    .map(|(d, s)| (d.as_str(), s.as_str()))
                    .collect();
                briefs[c] = with_events(briefs[c].clone(), &pairs);
            }
            let fresh = build(&briefs);
            let next = patch(&timeline, &old, &briefs, &changed).expect("same days");
            assert_eq!(
                json(&next),
                json(&fresh),
                "round {round}, changed {changed:?}"
            );
            patched += 1;
            timeline = next;
        }
        assert_eq!(patched, 300);
        // A brief moved to another day is not patched.
        let old = briefs.clone();
        briefs[0] = brief("0.md", "2020-01-01T09:00:00Z", "s", &[]);
        assert!(patch(&timeline, &old, &briefs, &[0]).is_none());
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
