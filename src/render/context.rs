//! What templates receive: serialisable views of the site, built once.
//!
//! A brief appears on many list pages (the index, the timeline, its tags and its
//! entities), so its [`Card`] is serialised once per render pass into a `tera::Value`
//! whose maps are shared behind `Arc` (for the newest `pages::CARD_VALUES` briefs, to
//! bound memory); pages clone those cheaply instead of re-serialising the site per
//! page (the cause of Zola's slow builds on big sites, getzola/zola#2508).
//! The variables each template gets are listed in README.md.

use std::sync::{Arc, OnceLock};

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

/// What a brief's list card holds besides the brief itself, made once per build:
/// its filter keys (which name entity hubs, so need the whole site) and its tags'
/// slugs. Everything else a card shows is read from the brief as the card is
/// serialised: copies of it for every brief were a hundred megabytes at 100,000.
#[derive(Clone, Debug, Default, Hash, PartialEq, Eq)]
pub struct CardKeys {
    /// Space-separated filter keys (`people:lloyd-austin places:iraq tags:defense`)
    /// that the timeline's filter script matches.
    pub filter: Box<str>,
    /// The slug of each tag of the brief, in its order, space-separated (a slug
    /// has no spaces; an empty one stays empty).
    tag_slugs: Box<str>,
}

/// A brief as lists show it: `title`, `url` (site path), `permalink` (absolute URL),
/// `date` (RFC 3339 with offset), `day` (`YYYY-MM-DD` in the site's zone),
/// `summary`, `tags` (`name`, `slug`, `url`), `dateline`, `authors`, `image` and
/// `filter` (see [`CardKeys`]).
#[derive(Clone, Copy, Debug)]
pub struct Card<'a> {
    pub brief: &'a Brief,
    pub keys: &'a CardKeys,
    config: &'a Config,
    /// Where the card's template value is kept once made, if a render pass keeps it:
    /// see [`Card::shared`].
    value: Option<&'a OnceLock<tera::Value>>,
}

impl<'a> Card<'a> {
    pub fn new(brief: &'a Brief, keys: &'a CardKeys, config: &'a Config) -> Card<'a> {
        Card {
            brief,
            keys,
            config,
            value: None,
        }
    }

    /// A card whose template value is made once, into `slot`, and then shared.
    ///
    /// A brief's card is on twenty pages and more (the index, its tags, the hubs of
    /// its entities, the briefs it is related to, the timeline): serialised once, a
    /// page's context takes it by reference count (Tera passes a `Value` met inside
    /// a serialised struct through as a clone of its `Arc`).
    pub fn shared(self, slot: &'a OnceLock<tera::Value>) -> Card<'a> {
        Card {
            value: Some(slot),
            ..self
        }
    }
    pub fn title(&self) -> &'a str {
        &self.brief.article.title
    }
    /// Site path (`/2023/03/08/austin-in-baghdad/`).
    pub fn url(&self) -> &'a str {
        &self.brief.permalink
    }
    /// Absolute URL on `base_url`.
    pub fn permalink(&self) -> String {
        self.config.absolute(&self.brief.permalink)
    }
    /// RFC 3339 with offset.
    pub fn date(&self) -> String {
        self.brief
            .article
            .date
            .to_rfc3339_opts(SecondsFormat::Secs, false)
    }
    pub fn summary(&self) -> &'a str {
        &self.brief.summary
    }
    pub fn dateline(&self) -> Option<&'a str> {
        self.brief.facts.dateline.as_deref()
    }
    /// The front matter's authors, or the extracted byline.
    pub fn authors(&self) -> &'a [String] {
        let a = &self.brief.article.authors;
        if a.is_empty() {
            self.brief.facts.byline.as_slice()
        } else {
            a
        }
    }
    pub fn image(&self) -> Option<&'a str> {
        self.brief.article.image.as_deref()
    }
    /// Each tag with its slug.
    pub fn tags(&self) -> impl Iterator<Item = (&'a str, &'a str)> + use<'a> {
        let slugs = self.keys.tag_slugs.split(' ');
        self.brief
            .article
            .tags
            .iter()
            .map(String::as_str)
            .zip(slugs)
    }
}

impl Serialize for Card<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self.value {
            Some(slot) => slot
                .get_or_init(|| tera::Value::from_serializable(&Fields(*self)))
                .serialize(s),
            None => Fields(*self).serialize(s),
        }
    }
}

/// The fields of a card, serialised.
struct Fields<'c>(Card<'c>);

impl Serialize for Fields<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::{SerializeSeq, SerializeStruct};
        struct Tags<'c>(Card<'c>);
        impl Serialize for Tags<'_> {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                let mut seq = s.serialize_seq(Some(self.0.brief.article.tags.len()))?;
                for (name, slug) in self.0.tags() {
                    seq.serialize_element(&TagLink {
                        name: name.to_string(),
                        slug: slug.to_string(),
                        url: format!("/tags/{slug}/"),
                    })?;
                }
                seq.end()
            }
        }
        let card = self.0;
        let mut c = s.serialize_struct("Card", 11)?;
        c.serialize_field("title", card.title())?;
        c.serialize_field("url", card.url())?;
        c.serialize_field("permalink", &card.permalink())?;
        c.serialize_field("date", &card.date())?;
        c.serialize_field("day", &card.brief.day.to_string())?;
        c.serialize_field("summary", card.summary())?;
        c.serialize_field("tags", &Tags(card))?;
        c.serialize_field("dateline", &card.dateline())?;
        c.serialize_field("authors", card.authors())?;
        c.serialize_field("image", &card.image())?;
        c.serialize_field("filter", &*card.keys.filter)?;
        c.end()
    }
}

impl std::hash::Hash for Card<'_> {
    /// Everything the card shows, as [`Serialize`] writes it (page digests).
    fn hash<H: std::hash::Hasher>(&self, h: &mut H) {
        self.title().hash(h);
        self.url().hash(h);
        self.config.base_url.trim_end_matches('/').hash(h);
        let date = &self.brief.article.date;
        (date.timestamp(), date.offset().local_minus_utc()).hash(h);
        self.brief.day.hash(h);
        self.summary().hash(h);
        for (name, slug) in self.tags() {
            (name, slug).hash(h);
        }
        self.dateline().hash(h);
        self.authors().hash(h);
        self.image().hash(h);
        self.keys.hash(h);
    }
}

#[derive(Clone, Debug, Hash, Serialize)]
pub struct TagLink {
    pub name: String,
    pub slug: String,
    pub url: String,
}

/// A person, place or organisation as a brief shows it, linked to its hub (borrowed
/// from the brief's facts: a brief page names a dozen and more).
#[derive(Clone, Debug, Serialize)]
pub struct EntityLink<'a> {
    pub kind: EntityKind,
    pub name: &'a str,
    pub url: Option<String>,
    pub roles: &'a [String],
    pub aliases: &'a [String],
    pub mentions: u32,
}

/// An event as the timeline and briefs show it.
#[derive(Clone, Debug, Serialize)]
pub struct EventView<'a> {
    /// TIMEX3 value (`2014`, `2017-12`, `2023-03-07`).
    pub date: String,
    /// Human label (`2014`, `December 2017`, `7 March 2023`).
    pub label: String,
    pub summary: String,
    /// The newest [`SHOWN_SOURCES`] briefs that tell the event.
    pub sources: Vec<Source<'a>>,
    /// How many more briefs tell it.
    pub more_sources: usize,
    pub filter: String,
}

/// How many citing briefs an event lists: a past event told by thousands of briefs
/// (an archive's war, its election) would otherwise make every timeline page that
/// shows it megabytes long.
pub const SHOWN_SOURCES: usize = 12;

/// The link to a brief that tells an event: `title`, `url`, `day`.
#[derive(Serialize)]
struct SourceLink<'a> {
    title: &'a str,
    url: &'a str,
    day: String,
}

/// A brief as an event's source, serialised as its [`SourceLink`]; the template
/// value is made once into `value` when a render pass keeps one (an event is on
/// the hub of each of its entities and on the timeline: its sources are serialised
/// many times over).
#[derive(Clone, Copy, Debug)]
pub struct Source<'a> {
    pub brief: &'a Brief,
    pub value: Option<&'a OnceLock<tera::Value>>,
}

impl Serialize for Source<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let link = || SourceLink {
            title: &self.brief.article.title,
            url: &self.brief.permalink,
            day: self.brief.day.to_string(),
        };
        match self.value {
            Some(slot) => slot
                .get_or_init(|| tera::Value::from_serializable(&link()))
                .serialize(s),
            None => link().serialize(s),
        }
    }
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
    // Most values are plain days (every brief page and timeline labels its events).
    if let Some(d) = plain_day(date) {
        return day_label(d);
    }
    let mut parts = date.split('-');
    let y = parts.next().unwrap_or(date);
    match (parts.next(), parts.next(), parts.next()) {
        (Some(m), None, _) => match m.parse::<u32>() {
            Ok(m) if (1..=12).contains(&m) => {
                let mut s = String::with_capacity(y.len() + 10);
                s.push_str(month_name(m));
                s.push(' ');
                s.push_str(y);
                s
            }
            _ => period_label(y, m).unwrap_or_else(|| value.to_string()),
        },
        (Some(_), Some(_), None) => match NaiveDate::parse_from_str(date, "%Y-%m-%d") {
            Ok(d) => day_label(d),
            Err(_) => value.to_string(),
        },
        _ => value.to_string(),
    }
}

/// `7 March 2023`, written without the formatting machinery (labels are made for
/// every event of every page that shows one).
fn day_label(d: NaiveDate) -> String {
    let mut s = String::with_capacity(18);
    s.push_str(itoa::Buffer::new().format(d.day()));
    s.push(' ');
    s.push_str(month_name(d.month()));
    s.push(' ');
    s.push_str(itoa::Buffer::new().format(d.year()));
    s
}

/// A `YYYY-MM-DD` day read without chrono's format parser; None for anything else.
fn plain_day(date: &str) -> Option<NaiveDate> {
    let b = date.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let num = |r: std::ops::Range<usize>| -> Option<u32> {
        b[r].iter().try_fold(0u32, |n, &c| {
            c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
        })
    };
    NaiveDate::from_ymd_opt(num(0..4)? as i32, num(5..7)?, num(8..10)?)
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

/// The filter keys of a brief: its entities' hub slugs and its tags' `slugs`.
fn filter_keys(site: &Site, b: &Brief, slugs: &[String]) -> String {
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
            keys.push([kind_dir(kind), ":", &p.slug].concat());
        }
    }
    for slug in slugs {
        keys.push(["tags:", slug].concat());
    }
    keys.sort();
    keys.dedup();
    keys.join(" ")
}

/// Makes the card keys of every brief, in site order.
pub fn cards(site: &Site) -> Vec<Arc<CardKeys>> {
    use rayon::prelude::*;
    site.briefs
        .par_iter()
        .with_max_len(64)
        .map(|b| Arc::new(card_keys(site, b)))
        .collect()
}

/// The card keys of brief `b`.
pub fn card_keys(site: &Site, b: &Brief) -> CardKeys {
    let slugs: Vec<String> = b.article.tags.iter().map(slug::slugify).collect();
    CardKeys {
        filter: filter_keys(site, b, &slugs).into(),
        tag_slugs: slugs.join(" ").into(),
    }
}

/// An event of the site timeline with links to its sources.
pub fn event_view<'a>(
    site: &'a Site,
    ev: &TimelineEvent,
    cards: &[Arc<CardKeys>],
    source: impl Fn(usize) -> Source<'a>,
) -> EventView<'a> {
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
        sources: shown.iter().map(|&i| source(i)).collect(),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_card_serialises_every_field_from_its_brief() {
        let mut b = crate::site::tests::brief(
            "a.md",
            "2023-03-08T12:00:00+03:00",
            "austin-in-baghdad",
            &["Iraq", "Defense Policy"],
        );
        Arc::make_mut(&mut b.facts).byline = Some("Jane Doe".into());
        Arc::make_mut(&mut b.facts).dateline = Some("BAGHDAD".into());
        let site = crate::site::assemble(vec![b]).unwrap();
        let config = Config {
            base_url: "https://n.example".into(),
            ..Config::default()
        };
        let keys = card_keys(&site, &site.briefs[0]);
        let card = Card::new(&site.briefs[0], &keys, &config);
        // Fields in their order (written out: a `Value` would sort them).
        let text = serde_json::to_string(&card).unwrap();
        let v: serde_json::Value = serde_json::from_str(&text).unwrap();
        let mut fields: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
        fields.sort_by_key(|f| text.find(&format!("\"{f}\":")));
        assert_eq!(
            fields,
            [
                "title",
                "url",
                "permalink",
                "date",
                "day",
                "summary",
                "tags",
                "dateline",
                "authors",
                "image",
                "filter"
            ]
        );
        let url = "/2023/03/08/austin-in-baghdad/";
        assert_eq!(v["title"], "Title of austin-in-baghdad");
        assert_eq!(v["url"], url);
        assert_eq!(v["permalink"], format!("https://n.example{url}"));
        assert_eq!(v["date"], "2023-03-08T12:00:00+03:00");
        assert_eq!(v["day"], "2023-03-08");
        assert_eq!(v["summary"], "Title of austin-in-baghdad");
        assert_eq!(
            v["tags"],
            serde_json::json!([
                {"name": "Iraq", "slug": "iraq", "url": "/tags/iraq/"},
                {"name": "Defense Policy", "slug": "defense-policy", "url": "/tags/defense-policy/"},
            ])
        );
        assert_eq!(v["dateline"], "BAGHDAD");
        assert_eq!(v["authors"], serde_json::json!(["Jane Doe"]));
        assert_eq!(v["image"], serde_json::Value::Null);
        assert_eq!(v["filter"], "tags:defense-policy tags:iraq");

        // A shared card writes the same, as JSON and inside a template value, and is
        // made once: the second page's value is the first's (same `Arc`).
        let slot = OnceLock::new();
        let shared = card.shared(&slot);
        assert_eq!(serde_json::to_string(&shared).unwrap(), text);
        #[derive(Serialize)]
        struct Page<'a> {
            related: Vec<Card<'a>>,
        }
        let plain = tera::Value::from_serializable(&Page {
            related: vec![card],
        });
        let first = tera::Value::from_serializable(&Page {
            related: vec![shared],
        });
        let second = tera::Value::from_serializable(&Page {
            related: vec![shared],
        });
        assert_eq!(plain, first);
        assert_eq!(first, second);
        let card_map = |v: &tera::Value| -> *const tera::Map {
            let related = v.as_map().unwrap().values().next().unwrap();
            related.as_array().unwrap()[0].as_map().unwrap()
        };
        assert!(std::ptr::eq(card_map(&first), card_map(&second)));
        assert!(!std::ptr::eq(card_map(&plain), card_map(&first)));
        assert!(slot.get().is_some());
    }

    #[test]
    fn day_labels_read_as_the_formatting_machinery_wrote_them() {
        for (y, m, d) in [
            (2023, 3, 7),
            (2023, 12, 31),
            (999, 1, 10),
            (-44, 3, 15),
            (12345, 6, 1),
        ] {
            let day = NaiveDate::from_ymd_opt(y, m, d).unwrap();
            let old = format!("{} {} {}", day.day(), month_name(day.month()), day.year());
            assert_eq!(day_label(day), old);
        }
    }

    #[test]
    fn date_labels_follow_precision() {
        assert_eq!(date_label("2014"), "2014");
        assert_eq!(date_label("2017-12"), "December 2017");
        assert_eq!(date_label("2023-03-07"), "7 March 2023");
        assert_eq!(date_label("2023-03-07T15:00"), "7 March 2023");
        assert_eq!(date_label("2023-02-30"), "2023-02-30");
    }

    #[test]
    fn plain_days_read_as_chrono_reads_them() {
        for s in [
            "2023-03-07",
            "0099-01-05",
            "2024-02-29",
            "2023-02-29",
            "2023-13-01",
            "2023-00-10",
            "2023-1-07",
            "2023-03-7x",
            "20230-3-07",
            "+202-03-07",
            "2023/03/07",
            "９９９９-01-01",
        ] {
            let chrono = NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
            let fast = plain_day(s);
            assert!(fast.is_none() || fast == chrono, "{s}: {fast:?} {chrono:?}");
        }
        for s in ["2023-03-07", "0099-01-05", "2024-02-29", "1999-12-31"] {
            assert!(plain_day(s).is_some(), "{s}");
            assert_eq!(plain_day(s), NaiveDate::parse_from_str(s, "%Y-%m-%d").ok());
        }
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
