//! Feeds: Atom, RSS 2.0 and JSON Feed 1.1, newest first, `feed_limit` entries.
//!
//! Atom and RSS are written by the `atom_syndication` and `rss` crates (which escape
//! every value); JSON Feed is plain serde, with `<`, `>` and `&` `\u`-escaped.

use anyhow::Context;
use chrono::SecondsFormat;
use serde::Serialize;

use crate::config::Config;
use crate::site::Site;

/// One feed entry, shared by the three formats.
pub struct Entry {
    pub title: String,
    pub url: String,
    pub date: chrono::DateTime<chrono::FixedOffset>,
    pub updated: Option<chrono::DateTime<chrono::FixedOffset>>,
    pub summary: String,
    /// The brief's HTML.
    pub content: String,
    pub authors: Vec<String>,
    pub tags: Vec<String>,
    pub image: Option<String>,
}

/// The newest `config.feed_limit` briefs as feed entries; `content` renders a brief.
pub fn entries(
    site: &Site,
    config: &Config,
    content: impl Fn(usize) -> anyhow::Result<String>,
) -> anyhow::Result<Vec<Entry>> {
    site.briefs
        .iter()
        .enumerate()
        .take(config.feed_limit)
        .map(|(i, b)| {
            Ok(Entry {
                title: b.article.title.clone(),
                url: config.absolute(&b.permalink),
                date: b.article.date,
                updated: b.article.updated,
                summary: b.summary.to_string(),
                content: content(i)?,
                authors: if b.article.authors.is_empty() {
                    b.facts.byline.iter().cloned().collect()
                } else {
                    b.article.authors.clone()
                },
                tags: b.article.tags.clone(),
                image: b
                    .article
                    .image
                    .as_deref()
                    .map(|img| crate::render::jsonld::absolute_image(config, &b.permalink, img)),
            })
        })
        .collect()
}

fn feed_updated(
    entries: &[Entry],
    now: chrono::DateTime<chrono::FixedOffset>,
) -> chrono::DateTime<chrono::FixedOffset> {
    entries
        .iter()
        .map(|e| e.updated.unwrap_or(e.date))
        .max()
        .unwrap_or(now)
}

/// The Atom feed.
pub fn atom(
    config: &Config,
    entries: &[Entry],
    now: chrono::DateTime<chrono::FixedOffset>,
) -> anyhow::Result<Vec<u8>> {
    use atom_syndication as a;
    let link = |href: String, rel: &str, mime: Option<&str>| {
        let mut l = a::Link::default();
        l.set_href(href);
        l.set_rel(rel.to_string());
        l.set_mime_type(mime.map(str::to_string));
        l
    };
    let person = |name: &str| {
        let mut p = a::Person::default();
        p.set_name(name.to_string());
        p
    };
    let mut feed = a::Feed::default();
    feed.set_title(a::Text::plain(config.title.clone()));
    feed.set_subtitle(Some(a::Text::plain(config.description.clone())));
    feed.set_id(config.base());
    feed.set_updated(feed_updated(entries, now));
    feed.set_links(vec![
        link(
            config.absolute("/atom.xml"),
            "self",
            Some("application/atom+xml"),
        ),
        link(config.base(), "alternate", Some("text/html")),
    ]);
    let site_author = if config.author.is_empty() {
        config.title.clone()
    } else {
        config.author.clone()
    };
    feed.set_authors(vec![person(&site_author)]);
    let mut generator = a::Generator::default();
    generator.set_value("Dateline".to_string());
    generator.set_version(Some(env!("CARGO_PKG_VERSION").to_string()));
    feed.set_generator(Some(generator));
    feed.set_entries(
        entries
            .iter()
            .map(|e| {
                let mut entry = a::Entry::default();
                entry.set_title(a::Text::plain(e.title.clone()));
                entry.set_id(e.url.clone());
                entry.set_links(vec![link(e.url.clone(), "alternate", Some("text/html"))]);
                entry.set_published(Some(e.date));
                entry.set_updated(e.updated.unwrap_or(e.date));
                entry.set_summary(Some(a::Text::plain(e.summary.clone())));
                let mut content = a::Content::default();
                content.set_content_type(Some("html".to_string()));
                content.set_value(Some(e.content.clone()));
                entry.set_content(Some(content));
                entry.set_authors(e.authors.iter().map(|n| person(n)).collect::<Vec<_>>());
                entry.set_categories(
                    e.tags
                        .iter()
                        .map(|t| {
                            let mut c = a::Category::default();
                            c.set_term(t.clone());
                            c
                        })
                        .collect::<Vec<_>>(),
                );
                entry
            })
            .collect::<Vec<_>>(),
    );
    let mut out = Vec::new();
    feed.write_to(&mut out)
        .context("failed to write atom.xml")?;
    Ok(out)
}

/// The RSS 2.0 feed.
pub fn rss(
    config: &Config,
    entries: &[Entry],
    now: chrono::DateTime<chrono::FixedOffset>,
) -> anyhow::Result<Vec<u8>> {
    let mut channel = rss::Channel::default();
    channel.set_title(config.title.clone());
    channel.set_link(config.base());
    channel.set_description(config.description.clone());
    channel.set_language(Some(config.language.clone()));
    channel.set_generator(Some(format!("Dateline {}", env!("CARGO_PKG_VERSION"))));
    channel.set_last_build_date(Some(feed_updated(entries, now).to_rfc2822()));
    let mut atom_ext = rss::extension::atom::AtomExtension::default();
    let mut self_link = rss::extension::atom::Link::default();
    self_link.set_href(config.absolute("/rss.xml"));
    self_link.set_rel("self");
    self_link.set_mime_type(Some("application/rss+xml".to_string()));
    atom_ext.set_links(vec![self_link]);
    channel.set_atom_ext(Some(atom_ext));
    channel.set_items(
        entries
            .iter()
            .map(|e| {
                let mut item = rss::Item::default();
                item.set_title(Some(e.title.clone()));
                item.set_link(Some(e.url.clone()));
                let mut guid = rss::Guid::default();
                guid.set_value(e.url.clone());
                guid.set_permalink(true);
                item.set_guid(Some(guid));
                item.set_pub_date(Some(e.date.to_rfc2822()));
                // RSS readers show `<description>` as HTML; the summary is text.
                let mut summary = String::with_capacity(e.summary.len());
                crate::content::markdown::escape_into(&mut summary, &e.summary);
                item.set_description(Some(summary));
                item.set_content(Some(e.content.clone()));
                if !e.authors.is_empty() {
                    let mut dc = rss::extension::dublincore::DublinCoreExtension::default();
                    dc.set_creators(e.authors.clone());
                    item.set_dublin_core_ext(Some(dc));
                }
                item.set_categories(
                    e.tags
                        .iter()
                        .map(|t| {
                            let mut c = rss::Category::default();
                            c.set_name(t.clone());
                            c
                        })
                        .collect::<Vec<_>>(),
                );
                item
            })
            .collect::<Vec<_>>(),
    );
    let mut out = Vec::new();
    channel
        .write_to(&mut out)
        .context("failed to write rss.xml")?;
    Ok(out)
}

#[derive(Serialize)]
struct JsonFeed<'a> {
    version: &'static str,
    title: &'a str,
    home_page_url: String,
    feed_url: String,
    description: &'a str,
    language: &'a str,
    authors: Vec<JsonAuthor>,
    items: Vec<JsonItem<'a>>,
}

#[derive(Serialize)]
struct JsonAuthor {
    name: String,
}

#[derive(Serialize)]
struct JsonItem<'a> {
    id: &'a str,
    url: &'a str,
    title: &'a str,
    summary: &'a str,
    content_html: &'a str,
    date_published: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    date_modified: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    authors: Vec<JsonAuthor>,
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    tags: &'a [String],
    #[serde(skip_serializing_if = "Option::is_none")]
    image: Option<&'a str>,
}

/// The JSON Feed 1.1.
pub fn json_feed(config: &Config, entries: &[Entry]) -> anyhow::Result<Vec<u8>> {
    let site_author = if config.author.is_empty() {
        config.title.clone()
    } else {
        config.author.clone()
    };
    let feed = JsonFeed {
        version: "https://jsonfeed.org/version/1.1",
        title: &config.title,
        home_page_url: config.base(),
        feed_url: config.absolute("/feed.json"),
        description: &config.description,
        language: &config.language,
        authors: vec![JsonAuthor { name: site_author }],
        items: entries
            .iter()
            .map(|e| JsonItem {
                id: &e.url,
                url: &e.url,
                title: &e.title,
                summary: &e.summary,
                content_html: &e.content,
                date_published: e.date.to_rfc3339_opts(SecondsFormat::Secs, false),
                date_modified: e
                    .updated
                    .map(|d| d.to_rfc3339_opts(SecondsFormat::Secs, false)),
                authors: e
                    .authors
                    .iter()
                    .map(|n| JsonAuthor { name: n.clone() })
                    .collect(),
                tags: &e.tags,
                image: e.image.as_deref(),
            })
            .collect(),
    };
    // `<`, `>` and `&` as `\u` escapes: the same JSON, but safe should anyone paste
    // it into a `<script>` block.
    let text = serde_json::to_string_pretty(&feed)?;
    Ok(crate::render::filters::script_safe_json(&text).into_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::DateTime;

    fn entry(title: &str) -> Entry {
        Entry {
            title: title.into(),
            url: "https://n.example/2023/03/08/a/".into(),
            date: DateTime::parse_from_rfc3339("2023-03-08T09:00:00+03:00").unwrap(),
            updated: None,
            summary: "Austin <b>visits</b>".into(),
            content: "<p>Body &amp; more</p>".into(),
            authors: vec!["Jane Doe".into()],
            tags: vec!["Iraq".into()],
            image: None,
        }
    }

    fn now() -> DateTime<chrono::FixedOffset> {
        DateTime::parse_from_rfc3339("2023-03-09T00:00:00Z").unwrap()
    }

    #[test]
    fn atom_escapes_and_parses_back() {
        let c = Config {
            base_url: "https://n.example".into(),
            ..Config::default()
        };
        let xml = atom(&c, &[entry("A </title><script>x</script>")], now()).unwrap();
        let text = String::from_utf8(xml.clone()).unwrap();
        assert!(!text.contains("<script>"), "{text}");
        let parsed = atom_syndication::Feed::read_from(&xml[..]).unwrap();
        assert_eq!(
            parsed.entries()[0].title().as_str(),
            "A </title><script>x</script>"
        );
    }

    #[test]
    fn rss_parses_back() {
        let c = Config::default();
        let xml = rss(&c, &[entry("A & B")], now()).unwrap();
        let ch = rss::Channel::read_from(&xml[..]).unwrap();
        assert_eq!(ch.items()[0].title(), Some("A & B"));
        assert_eq!(
            ch.items()[0].pub_date(),
            Some("Wed, 8 Mar 2023 09:00:00 +0300")
        );
    }

    #[test]
    fn json_feed_has_version_and_items() {
        let v: serde_json::Value =
            serde_json::from_slice(&json_feed(&Config::default(), &[entry("A")]).unwrap()).unwrap();
        assert_eq!(v["version"], "https://jsonfeed.org/version/1.1");
        assert_eq!(v["items"][0]["date_published"], "2023-03-08T09:00:00+03:00");
    }

    #[test]
    fn json_feed_cannot_close_a_script_block() {
        let bytes = json_feed(&Config::default(), &[entry("</script><b>&")]).unwrap();
        let text = String::from_utf8(bytes).unwrap();
        assert!(!text.contains('<') && !text.contains('&'), "{text}");
        let v: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(v["items"][0]["title"], "</script><b>&");
    }

    #[test]
    fn rss_description_is_the_summary_as_html_text() {
        let mut e = entry("A");
        e.summary = "<script>alert(1)</script> & co".into();
        let xml = rss(&Config::default(), &[e], now()).unwrap();
        let parsed = rss::Channel::read_from(&xml[..]).unwrap();
        assert_eq!(
            parsed.items()[0].description(),
            Some("&lt;script&gt;alert(1)&lt;/script&gt; &amp; co")
        );
    }
}
