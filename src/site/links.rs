//! Which entities each dated event names, found once per article, and the dates
//! the timeline places events at.
//!
//! The links are kept in the build cache beside the facts, so this file is part of
//! the extractor's fingerprint (see `build.rs`): a change here invalidates the cache.

use chrono::NaiveDate;

use crate::extract::knowledge::EntityKind;
use crate::extract::{Facts, find_bytes};

/// The entities each dated event's sentence names, by their name or an alias:
/// (index into the facts' events, kind, index into the facts' list of that kind).
pub fn event_entities(body: &str, facts: &Facts) -> Vec<(u32, EntityKind, u32)> {
    let mut out = Vec::new();
    for (k, ev) in facts.events.iter().enumerate() {
        if DateKey::parse(ev.date).is_none() {
            continue;
        }
        let sentence = body.get(ev.span[0]..ev.span[1]).unwrap_or("");
        let names = |name: &String, aliases: &[String]| {
            std::iter::once(name)
                .chain(aliases)
                .any(|n| find_bytes(sentence.as_bytes(), n.as_bytes()).is_some())
        };
        for (i, p) in facts.people.iter().enumerate() {
            if names(&p.name, &p.aliases) {
                out.push((k as u32, EntityKind::Person, i as u32));
            }
        }
        for (kind, list) in [
            (EntityKind::Place, &facts.places),
            (EntityKind::Organization, &facts.organizations),
        ] {
            for (i, e) in list.iter().enumerate() {
                if names(&e.name, &e.aliases) {
                    out.push((k as u32, kind, i as u32));
                }
            }
        }
    }
    out
}

/// A date at year, month or day precision.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct DateKey {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

impl DateKey {
    /// Reads `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (a time part is ignored); other TIMEX3
    /// values (weeks, seasons, decades, placeholders) have no place on the timeline.
    pub fn parse(value: &str) -> Option<DateKey> {
        let date = value.split('T').next()?;
        let mut parts = date.split('-');
        let year = parts.next().filter(|y| y.len() == 4)?.parse::<i32>().ok()?;
        let month = match parts.next() {
            None => {
                return Some(DateKey {
                    year,
                    month: 0,
                    day: 0,
                });
            }
            Some(m) => m.parse::<u32>().ok().filter(|m| (1..=12).contains(m))?,
        };
        let day = match parts.next() {
            None => {
                return Some(DateKey {
                    year,
                    month,
                    day: 0,
                });
            }
            Some(d) => d.parse::<u32>().ok()?,
        };
        NaiveDate::from_ymd_opt(year, month, day)?;
        Some(DateKey { year, month, day }).filter(|_| parts.next().is_none())
    }
}
