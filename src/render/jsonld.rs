//! schema.org `NewsArticle` structured data for brief pages.
//!
//! Built as JSON in Rust (not in a template) so that every value is escaped by the
//! JSON serialiser, then made safe for a `<script>` block: a headline holding
//! `</script>` cannot end the block.

use std::borrow::Cow;

use serde::Serialize;

use super::context::{Card, EntityLink};
use crate::config::Config;
use crate::extract::knowledge::EntityKind;

/// What the structured data of one brief is made from.
pub struct NewsArticle<'a> {
    pub card: Card<'a>,
    pub updated: Option<&'a str>,
    pub entities: &'a [&'a [EntityLink<'a>]],
    pub keywords: &'a [String],
}

/// The `NewsArticle` JSON-LD of a brief, as text safe inside `<script>`.
pub fn news_article(config: &Config, a: &NewsArticle<'_>) -> String {
    let c = a.card;
    let title = c.title();
    let headline: Cow<'_, str> = if title.chars().count() > 110 {
        let mut h: String = title.chars().take(109).collect();
        h.push('…');
        h.into()
    } else {
        title.into()
    };
    let base = config.base();
    let publisher = Thing {
        kind: "Organization",
        name: &config.title,
        url: Some(base.into()),
    };
    let authors: Vec<Thing<'_>> = if c.authors().is_empty() {
        vec![publisher.clone()]
    } else {
        c.authors()
            .iter()
            .map(|n| Thing {
                kind: "Person",
                name: n,
                url: None,
            })
            .collect()
    };
    let mentions: Vec<Thing<'_>> = a
        .entities
        .iter()
        .flat_map(|list| list.iter())
        .map(|e| Thing {
            kind: match e.kind {
                EntityKind::Person => "Person",
                EntityKind::Place => "Place",
                EntityKind::Organization => "Organization",
            },
            name: e.name,
            url: e.url.as_deref().map(|url| config.absolute(url).into()),
        })
        .collect();
    let (date, permalink) = (c.date(), c.permalink());
    let ld = Ld {
        context: "https://schema.org",
        kind: "NewsArticle",
        author: authors,
        date_modified: a.updated.unwrap_or(&date),
        date_published: &date,
        dateline: c.dateline(),
        description: c.summary(),
        headline,
        image: c.image().map(|img| [absolute_image(config, c.url(), img)]),
        in_language: &config.language,
        keywords: a.keywords,
        main_entity_of_page: WebPage {
            id: &permalink,
            kind: "WebPage",
        },
        mentions,
        publisher,
        url: &permalink,
    };
    let mut out = Vec::with_capacity(2048);
    // Writing to a Vec cannot fail, nor can serialising these types.
    let _ = serde_json::to_writer(&mut out, &ld);
    String::from_utf8(super::filters::script_safe(out)).expect("serde_json writes UTF-8")
}

/// The JSON-LD object, its keys in the order `serde_json::Value` sorts them (the
/// output of earlier versions, built as a `Value`, stays byte for byte the same).
#[derive(Serialize)]
struct Ld<'a> {
    #[serde(rename = "@context")]
    context: &'static str,
    #[serde(rename = "@type")]
    kind: &'static str,
    author: Vec<Thing<'a>>,
    #[serde(rename = "dateModified")]
    date_modified: &'a str,
    #[serde(rename = "datePublished")]
    date_published: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    dateline: Option<&'a str>,
    description: &'a str,
    headline: Cow<'a, str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    image: Option<[String; 1]>,
    #[serde(rename = "inLanguage")]
    in_language: &'a str,
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    keywords: &'a [String],
    #[serde(rename = "mainEntityOfPage")]
    main_entity_of_page: WebPage<'a>,
    mentions: Vec<Thing<'a>>,
    publisher: Thing<'a>,
    url: &'a str,
}

/// A person, place or organisation: `{"@type", "name", "url"}`.
#[derive(Clone, Serialize)]
struct Thing<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    name: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<Cow<'a, str>>,
}

#[derive(Serialize)]
struct WebPage<'a> {
    #[serde(rename = "@id")]
    id: &'a str,
    #[serde(rename = "@type")]
    kind: &'static str,
}

/// An image reference made absolute: full URLs kept, site paths joined to the base,
/// relative names resolved against the brief's own URL (page bundles).
pub fn absolute_image(config: &Config, page_url: &str, img: &str) -> String {
    if img.starts_with("http://") || img.starts_with("https://") {
        img.to_string()
    } else if img.starts_with('/') {
        config.absolute(img)
    } else {
        config.absolute(&format!("{page_url}{img}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::context::CardKeys;
    use crate::render::filters::script_safe_json;
    use serde_json::Value;

    /// A brief dated 8 March 2023, noon in Baghdad, with a dateline and an image.
    fn brief(title: &str) -> crate::site::Brief {
        use std::sync::Arc;
        let mut b = crate::site::tests::brief("a.md", "2023-03-08T12:00:00+03:00", "a", &[]);
        let a = Arc::make_mut(&mut b.article);
        a.title = title.into();
        a.image = Some("photo.jpg".into());
        Arc::make_mut(&mut b.facts).dateline = Some("BAGHDAD".into());
        b
    }

    #[test]
    fn has_the_required_fields() {
        let config = Config {
            base_url: "https://n.example".into(),
            ..Config::default()
        };
        let people = [EntityLink {
            kind: EntityKind::Person,
            name: "Lloyd Austin",
            url: Some("/people/lloyd-austin/".into()),
            roles: &[],
            aliases: &[],
            mentions: 1,
        }];
        let b = brief("Austin in Baghdad");
        let keys = CardKeys::default();
        let text = news_article(
            &config,
            &NewsArticle {
                card: Card::new(&b, &keys, &config),
                updated: None,
                entities: &[&people],
                keywords: &["Iraq".to_string(), "Defence & security".to_string()],
            },
        );
        let v: Value = serde_json::from_str(&text).unwrap();
        // Keys in sorted order, as earlier versions built it as a `Value`.
        assert_eq!(script_safe_json(&v.to_string()), text);
        assert_eq!(v["@type"], "NewsArticle");
        assert_eq!(v["datePublished"], "2023-03-08T12:00:00+03:00");
        assert_eq!(v["dateModified"], "2023-03-08T12:00:00+03:00");
        assert_eq!(v["headline"], "Austin in Baghdad");
        assert_eq!(v["dateline"], "BAGHDAD");
        assert_eq!(v["author"][0]["@type"], "Organization");
        assert_eq!(v["image"][0], "https://n.example/2023/03/08/a/photo.jpg");
        assert_eq!(
            v["mentions"][0]["url"],
            "https://n.example/people/lloyd-austin/"
        );
    }

    #[test]
    fn script_end_in_a_headline_stays_inside_the_json() {
        let config = Config::default();
        let b = brief("</script><script>alert(1)</script>");
        let keys = CardKeys::default();
        let text = news_article(
            &config,
            &NewsArticle {
                card: Card::new(&b, &keys, &config),
                updated: None,
                entities: &[],
                keywords: &[],
            },
        );
        assert!(!text.contains("</script"), "{text}");
        let v: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(script_safe_json(&v.to_string()), text);
        assert_eq!(v["headline"], "</script><script>alert(1)</script>");
    }
}
