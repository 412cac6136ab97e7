//! Which entities each dated event names, found once per article, and the dates
//! the timeline places events at.
//!
//! The links are kept in the build cache beside the facts, so this file is part of
//! the extractor's fingerprint (see `build.rs`): a change here invalidates the cache.

use chrono::NaiveDate;

use crate::extract::Facts;
use crate::extract::knowledge::EntityKind;

/// The entities each dated event's sentence names, by their name or an alias:
/// (index into the facts' events, kind, index into the facts' list of that kind).
pub fn event_entities(body: &str, facts: &Facts) -> Vec<(u32, EntityKind, u32)> {
    // The dated events' sentences, searched for each name with one finder per name
    // (a finder per name and sentence cost more than the search).
    let dated: Vec<(u32, &[u8])> = facts
        .events
        .iter()
        .enumerate()
        .filter(|(_, ev)| DateKey::parse(ev.date).is_some())
        .map(|(k, ev)| {
            let sentence = body.get(ev.span[0]..ev.span[1]).unwrap_or("");
            (k as u32, sentence.as_bytes())
        })
        .collect();
    if dated.is_empty() {
        return Vec::new();
    }
    // Per dated event, its entities: people, places, organisations, each in order.
    let mut named: Vec<Vec<(EntityKind, u32)>> = vec![Vec::new(); dated.len()];
    let mut finders = Vec::new();
    for (i, p) in facts.people.iter().enumerate() {
        let forms = std::iter::once(&p.name).chain(&p.aliases);
        search(
            &dated,
            &mut named,
            &mut finders,
            forms,
            (EntityKind::Person, i as u32),
        );
    }
    for (kind, list) in [
        (EntityKind::Place, &facts.places),
        (EntityKind::Organization, &facts.organizations),
    ] {
        for (i, e) in list.iter().enumerate() {
            let forms = std::iter::once(&e.name).chain(&e.aliases);
            search(&dated, &mut named, &mut finders, forms, (kind, i as u32));
        }
    }
    dated
        .iter()
        .zip(named)
        .flat_map(|(&(k, _), list)| list.into_iter().map(move |(kind, i)| (k, kind, i)))
        .collect()
}

/// Adds `entity` to the list of each sentence of `dated` that holds one of its `forms`.
fn search<'f>(
    dated: &[(u32, &[u8])],
    named: &mut [Vec<(EntityKind, u32)>],
    finders: &mut Vec<memchr::memmem::Finder<'f>>,
    forms: impl Iterator<Item = &'f String>,
    entity: (EntityKind, u32),
) {
    finders.clear();
    finders.extend(
        forms
            .filter(|n| !n.is_empty())
            .map(|n| memchr::memmem::Finder::new(n.as_bytes())),
    );
    for ((_, sentence), list) in dated.iter().zip(named) {
        if finders.iter().any(|f| f.find(sentence).is_some()) {
            list.push(entity);
        }
    }
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
