//! schema.org `NewsArticle` structured data for brief pages.
//!
//! Built as JSON in Rust (not in a template) so that every value is escaped by the
//! JSON serialiser, then made safe for a `<script>` block: a headline holding
//! `</script>` cannot end the block.

use serde_json::{Value, json};

use super::context::{Card, EntityLink};
use super::filters::script_safe_json;
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
    let headline: String = if c.title().chars().count() > 110 {
        let mut h: String = c.title().chars().take(109).collect();
        h.push('…');
        h
    } else {
        c.title().to_string()
    };
    let publisher = json!({
        "@type": "Organization",
        "name": config.title,
        "url": config.base(),
    });
    let authors: Vec<Value> = if c.authors().is_empty() {
        vec![publisher.clone()]
    } else {
        c.authors()
            .iter()
            .map(|n| json!({"@type": "Person", "name": n}))
            .collect()
    };
    let mentions: Vec<Value> = a
        .entities
        .iter()
        .flat_map(|list| list.iter())
        .map(|e| {
            let kind = match e.kind {
                EntityKind::Person => "Person",
                EntityKind::Place => "Place",
                EntityKind::Organization => "Organization",
            };
            let mut m = json!({"@type": kind, "name": e.name});
            if let Some(url) = &e.url {
                m["url"] = Value::String(config.absolute(url));
            }
            m
        })
        .collect();
    let (date, permalink) = (c.date(), c.permalink());
    let mut v = json!({
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": headline,
        "description": c.summary(),
        "datePublished": date,
        "dateModified": a.updated.unwrap_or(&date),
        "author": authors,
        "publisher": publisher,
        "mainEntityOfPage": {"@type": "WebPage", "@id": permalink},
        "url": permalink,
        "inLanguage": config.language,
        "mentions": mentions,
    });
    if let Some(img) = c.image() {
        v["image"] = json!([absolute_image(config, c.url(), img)]);
    }
    if !a.keywords.is_empty() {
        v["keywords"] = json!(a.keywords);
    }
    if let Some(d) = c.dateline() {
        v["dateline"] = Value::String(d.to_string());
    }
    script_safe_json(&v.to_string())
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
                keywords: &[],
            },
        );
        let v: Value = serde_json::from_str(&text).unwrap();
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
        assert_eq!(v["headline"], "</script><script>alert(1)</script>");
    }
}
