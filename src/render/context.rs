//! What templates receive: serialisable views of the site, built once.
//!
//! A brief appears on many list pages (the index, the timeline, its tags and its
//! entities), so its [`Card`] is serialised once into a `tera::Value` whose maps are
//! shared behind `Arc`; list pages clone those cheaply instead of re-serialising the
//! site per page (the cause of Zola's slow builds on big sites, getzola/zola#2508).
//! The variables each template gets are listed in README.md.

use std::sync::Arc;

use chrono::{Datelike, NaiveDate, SecondsFormat};
use serde::Serialize;

use crate::config::Config;
use crate::extract::knowledge::EntityKind;
use crate::site::entities::{entity_path, kind_dir};
use crate::site::timeline::{EventSource, TimelineEvent};
use crate::site::{Brief, Site};

/// `site`: the configuration and the site-wide facts every template gets.
#[derive(Clone, Debug, Serialize)]
pub struct SiteCtx {
    pub title: String,
    pub base_url: String,
    pub language: String,
    pub description: String,
    pub author: String,
    pub timezone: String,
    pub extra: serde_json::Value,
    pub generator: String,
    /// RFC 3339 time of the build.
    pub build_time: String,
    /// True only under `dateline serve`: the base template then loads the reload script.
    pub live_reload: bool,
    pub counts: Counts,
    pub publication_name: String,
}

#[derive(Clone, Copy, Debug, Default, Serialize)]
pub struct Counts {
    pub briefs: usize,
    pub people: usize,
    pub places: usize,
    pub organizations: usize,
    pub tags: usize,
}

/// A brief as lists show it.
#[derive(Clone, Debug, Hash, Serialize)]
pub struct Card {
    pub title: String,
    /// Site path (`/2023/03/08/austin-in-baghdad/`).
    pub url: String,
    /// Absolute URL on `base_url`.
    pub permalink: String,
    /// RFC 3339 with offset.
    pub date: String,
    /// `YYYY-MM-DD` in the site's zone.
    pub day: String,
    pub summary: String,
    pub tags: Vec<TagLink>,
    pub dateline: Option<String>,
    pub authors: Vec<String>,
    pub image: Option<String>,
    /// Space-separated filter keys (`person:lloyd-austin place:iraq tag:defense`) that
    /// the timeline's filter script matches.
    pub filter: String,
}

#[derive(Clone, Debug, Hash, Serialize)]
pub struct TagLink {
    pub name: String,
    pub slug: String,
    pub url: String,
}

/// A person, place or organisation as a brief shows it, linked to its hub.
#[derive(Clone, Debug, Serialize)]
pub struct EntityLink {
    pub kind: EntityKind,
    pub name: String,
    pub url: Option<String>,
    pub roles: Vec<String>,
    pub aliases: Vec<String>,
    pub mentions: u32,
}

/// An event as the timeline and briefs show it.
#[derive(Clone, Debug, Serialize)]
pub struct EventView {
    /// TIMEX3 value (`2014`, `2017-12`, `2023-03-07`).
    pub date: String,
    /// Human label (`2014`, `December 2017`, `7 March 2023`).
    pub label: String,
    pub summary: String,
    /// The newest [`SHOWN_SOURCES`] briefs that tell the event.
    pub sources: Vec<SourceLink>,
    /// How many more briefs tell it.
    pub more_sources: usize,
    pub filter: String,
}

/// How many citing briefs an event lists: a past event told by thousands of briefs
/// (an archive's war, its election) would otherwise make every timeline page that
/// shows it megabytes long.
pub const SHOWN_SOURCES: usize = 12;

#[derive(Clone, Debug, Serialize)]
pub struct SourceLink {
    pub title: String,
    pub url: String,
    pub day: String,
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The English name of month `m` (1–12).
pub fn month_name(m: u32) -> &'static str {
    MONTHS
        .get(m.wrapping_sub(1) as usize)
        .copied()
        .unwrap_or("")
}

/// `2014` → `2014`; `2017-12` → `December 2017`; `2023-03-07` → `7 March 2023`;
/// TIMEX3 seasons, quarters, halves and weeks read as words (`2025-SP` → `Spring 2025`,
/// `2024-Q3` → `Third quarter of 2024`, `2025-W47` → `Week 47 of 2025`).
pub fn date_label(value: &str) -> String {
    let date = value.split('T').next().unwrap_or(value);
    let parts: Vec<&str> = date.split('-').collect();
    match parts.as_slice() {
        [y, m] => match m.parse::<u32>() {
            Ok(m) if (1..=12).contains(&m) => format!("{} {y}", month_name(m)),
            _ => period_label(y, m).unwrap_or_else(|| value.to_string()),
        },
        [_, _, _] => match NaiveDate::parse_from_str(date, "%Y-%m-%d") {
            Ok(d) => format!("{} {} {}", d.day(), month_name(d.month()), d.year()),
            Err(_) => value.to_string(),
        },
        _ => value.to_string(),
    }
}

/// `SP` → `Spring {y}`, `Q3` → `Third quarter of {y}`, `H1` → `First half of {y}`,
/// `W47` → `Week 47 of {y}`; None for anything else.
fn period_label(y: &str, period: &str) -> Option<String> {
    const ORDINALS: [&str; 4] = ["First", "Second", "Third", "Fourth"];
    let season = match period {
        "SP" => Some("Spring"),
        "SU" => Some("Summer"),
        "FA" => Some("Autumn"),
        "WI" => Some("Winter"),
        _ => None,
    };
    if let Some(season) = season {
        return Some(format!("{season} {y}"));
    }
    let (head, num) = (period.get(..1)?, period.get(1..)?);
    let n: usize = num.parse().ok()?;
    match head {
        "Q" if (1..=4).contains(&n) => Some(format!("{} quarter of {y}", ORDINALS[n - 1])),
        "H" if (1..=2).contains(&n) => Some(format!("{} half of {y}", ORDINALS[n - 1])),
        "W" if (1..=53).contains(&n) => Some(format!("Week {n} of {y}")),
        _ => None,
    }
}

/// Builds `site`.
pub fn site_ctx(config: &Config, site: &Site, build_time: &str, live_reload: bool) -> SiteCtx {
    SiteCtx {
        title: config.title.clone(),
        base_url: config.base(),
        language: config.language.clone(),
        description: config.description.clone(),
        author: config.author.clone(),
        timezone: config.timezone.clone(),
        extra: serde_json::to_value(&config.extra).unwrap_or_default(),
        generator: format!("Dateline {}", env!("CARGO_PKG_VERSION")),
        build_time: build_time.to_string(),
        live_reload,
        counts: Counts {
            briefs: site.briefs.len(),
            people: site.entities.people.len(),
            places: site.entities.places.len(),
            organizations: site.entities.organizations.len(),
            tags: site.tags.len(),
        },
        publication_name: if config.publication_name.is_empty() {
            config.title.clone()
        } else {
            config.publication_name.clone()
        },
    }
}

/// The hub URL of an article-level entity name, if the site index has it.
pub fn entity_url(site: &Site, kind: EntityKind, name: &str) -> Option<String> {
    site.entities
        .find(kind, name)
        .map(|p| entity_path(kind, &p.slug))
}

/// The filter keys of a brief: its entities' hub slugs and its tags.
pub fn filter_keys(site: &Site, b: &Brief) -> String {
    let mut keys: Vec<String> = Vec::new();
    let people = b.facts.people.iter().map(|p| (EntityKind::Person, &p.name));
    let places = b.facts.places.iter().map(|p| (EntityKind::Place, &p.name));
    let orgs = b
        .facts
        .organizations
        .iter()
        .map(|p| (EntityKind::Organization, &p.name));
    for (kind, name) in people.chain(places).chain(orgs) {
        if let Some(p) = site.entities.find(kind, name) {
            keys.push(format!("{}:{}", kind_dir(kind), p.slug));
        }
    }
    for t in &b.article.tags {
        keys.push(format!("tags:{}", slug::slugify(t)));
    }
    keys.sort();
    keys.dedup();
    keys.join(" ")
}

/// Builds the card of every brief, in site order.
pub fn cards(site: &Site, config: &Config) -> Vec<Arc<Card>> {
    use rayon::prelude::*;
    site.briefs
        .par_iter()
        .with_max_len(64)
        .map(|b| Arc::new(card(site, config, b)))
        .collect()
}

/// The list card of brief `b`.
pub fn card(site: &Site, config: &Config, b: &Brief) -> Card {
    Card {
        title: b.article.title.clone(),
        url: b.permalink.clone(),
        permalink: config.absolute(&b.permalink),
        date: b.article.date.to_rfc3339_opts(SecondsFormat::Secs, false),
        day: b.day.to_string(),
        summary: b.summary.to_string(),
        tags: b
            .article
            .tags
            .iter()
            .map(|t| {
                let slug = slug::slugify(t);
                TagLink {
                    name: t.clone(),
                    url: format!("/tags/{slug}/"),
                    slug,
                }
            })
            .collect(),
        dateline: b.facts.dateline.clone(),
        authors: if b.article.authors.is_empty() {
            b.facts.byline.iter().cloned().collect()
        } else {
            b.article.authors.clone()
        },
        image: b.article.image.clone(),
        filter: filter_keys(site, b),
    }
}

/// An event of the site timeline with links to its sources.
pub fn event_view(site: &Site, ev: &TimelineEvent, cards: &[Arc<Card>]) -> EventView {
    // The filter keys of the briefs listed: those of every citing brief would run to
    // megabytes on an event told by thousands.
    let told = ev.told(&site.briefs);
    let shown = newest(&ev.sources);
    let mut filter: Vec<&str> = Vec::new();
    for &i in &shown {
        filter.extend(cards[i].filter.split(' ').filter(|k| !k.is_empty()));
    }
    filter.sort_unstable();
    filter.dedup();
    EventView {
        date: told.date.to_string(),
        label: date_label(told.date),
        summary: told.summary.to_string(),
        sources: shown
            .iter()
            .map(|&i| source_link(&site.briefs[i]))
            .collect(),
        more_sources: ev.sources.len().saturating_sub(SHOWN_SOURCES),
        filter: filter.join(" "),
    }
}

/// The briefs an event lists: the newest [`SHOWN_SOURCES`] (briefs are numbered
/// newest first). Page digests hash the same list.
pub(crate) fn newest(sources: &[EventSource]) -> Vec<usize> {
    let mut newest: Vec<usize> = sources.iter().map(|s| s.brief as usize).collect();
    newest.sort_unstable();
    newest.truncate(SHOWN_SOURCES);
    newest
}

/// The link to a brief that tells an event.
pub fn source_link(b: &Brief) -> SourceLink {
    SourceLink {
        title: b.article.title.clone(),
        url: b.permalink.clone(),
        day: b.day.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_labels_follow_precision() {
        assert_eq!(date_label("2014"), "2014");
        assert_eq!(date_label("2017-12"), "December 2017");
        assert_eq!(date_label("2023-03-07"), "7 March 2023");
        assert_eq!(date_label("2023-03-07T15:00"), "7 March 2023");
    }

    #[test]
    fn date_labels_name_seasons_quarters_halves_and_weeks() {
        assert_eq!(date_label("2025-SP"), "Spring 2025");
        assert_eq!(date_label("2024-Q3"), "Third quarter of 2024");
        assert_eq!(date_label("2022-H1"), "First half of 2022");
        assert_eq!(date_label("2023-W10"), "Week 10 of 2023");
    }

    #[test]
    fn date_labels_keep_values_they_cannot_read() {
        assert_eq!(date_label("2023-W99"), "2023-W99");
        assert_eq!(date_label("2023-Q5"), "2023-Q5");
        assert_eq!(date_label("2023-XX"), "2023-XX");
        assert_eq!(date_label("PAST_REF"), "PAST_REF");
        assert_eq!(date_label("2023-é5"), "2023-é5");
    }
}
