//! Sitemaps, the Google News sitemap, robots.txt and the search index.

use chrono::{DateTime, Duration, FixedOffset, SecondsFormat};
use serde::Serialize;

use crate::config::Config;
use crate::content::markdown::escape_into;
use crate::render::pages::Written;
use crate::site::Site;

/// Past this many URLs, `sitemap.xml` becomes an index of numbered sitemaps.
pub const SITEMAP_CHUNK: usize = 30_000;

fn xml(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    escape_into(&mut out, s);
    out
}

/// `sitemap.xml`, and `sitemap-N.xml` files when there are more than
/// [`SITEMAP_CHUNK`] pages: (file name, content) pairs.
pub fn sitemaps(config: &Config, pages: &[Written]) -> Vec<(String, String)> {
    let mut listed: Vec<&Written> = pages.iter().filter(|p| p.listed).collect();
    listed.sort_by(|a, b| a.url.cmp(&b.url));
    let urlset = |chunk: &[&Written]| {
        let mut s = String::from(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
        );
        for p in chunk {
            s.push_str("  <url><loc>");
            s.push_str(&xml(&config.absolute(&p.url)));
            s.push_str("</loc>");
            if let Some(m) = &p.lastmod {
                s.push_str("<lastmod>");
                s.push_str(&xml(m));
                s.push_str("</lastmod>");
            }
            s.push_str("</url>\n");
        }
        s.push_str("</urlset>\n");
        s
    };
    if listed.len() <= SITEMAP_CHUNK {
        return vec![("sitemap.xml".to_string(), urlset(&listed))];
    }
    let mut files = Vec::new();
    let mut index = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for (n, chunk) in listed.chunks(SITEMAP_CHUNK).enumerate() {
        let name = format!("sitemap-{}.xml", n + 1);
        index.push_str(&format!(
            "  <sitemap><loc>{}</loc></sitemap>\n",
            xml(&config.absolute(&name))
        ));
        files.push((name, urlset(chunk)));
    }
    index.push_str("</sitemapindex>\n");
    files.insert(0, ("sitemap.xml".to_string(), index));
    files
}

/// `news-sitemap.xml`: briefs of the two days before `now`, at most 1,000.
pub fn news_sitemap(config: &Config, site: &Site, now: DateTime<FixedOffset>) -> String {
    let name = if config.publication_name.is_empty() {
        &config.title
    } else {
        &config.publication_name
    };
    let mut s = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" \
         xmlns:news=\"http://www.google.com/schemas/sitemap-news/0.9\">\n",
    );
    let since = now - Duration::days(2);
    for b in site
        .briefs
        .iter()
        .filter(|b| b.article.date >= since && b.article.date <= now)
        .take(1000)
    {
        s.push_str(&format!(
            "  <url><loc>{}</loc><news:news><news:publication><news:name>{}</news:name>\
             <news:language>{}</news:language></news:publication>\
             <news:publication_date>{}</news:publication_date><news:title>{}</news:title></news:news></url>\n",
            xml(&config.absolute(&b.permalink)),
            xml(name),
            xml(&config.language),
            b.article.date.to_rfc3339_opts(SecondsFormat::Secs, false),
            xml(&b.article.title)
        ));
    }
    s.push_str("</urlset>\n");
    s
}

/// `robots.txt`, naming the sitemap.
pub fn robots(config: &Config) -> String {
    format!(
        "User-agent: *\nAllow: /\n\nSitemap: {}\n",
        config.absolute("/sitemap.xml")
    )
}

#[derive(Serialize)]
struct SearchDoc<'a> {
    title: &'a str,
    url: &'a str,
    date: String,
    summary: &'a str,
    entities: Vec<&'a str>,
    tags: &'a [String],
}

/// `search-index.json`: titles, summaries, entity names and tags of every brief,
/// as script-safe JSON.
pub fn search_index(site: &Site) -> anyhow::Result<Vec<u8>> {
    use serde::ser::{SerializeSeq, Serializer};
    // Written brief by brief into one buffer: no list of documents, no copies.
    let mut out = Vec::with_capacity(site.briefs.len() * 640);
    let mut ser = serde_json::Serializer::new(&mut out);
    let mut seq = ser.serialize_seq(Some(site.briefs.len()))?;
    for b in &site.briefs {
        seq.serialize_element(&SearchDoc {
            title: &b.article.title,
            url: &b.permalink,
            date: b.day.to_string(),
            summary: &b.summary,
            entities: b
                .facts
                .people
                .iter()
                .map(|p| p.name.as_str())
                .chain(b.facts.places.iter().map(|p| p.name.as_str()))
                .chain(b.facts.organizations.iter().flat_map(|o| {
                    std::iter::once(o.name.as_str()).chain(o.aliases.iter().map(String::as_str))
                }))
                .collect(),
            tags: &b.article.tags,
        })?;
    }
    seq.end()?;
    Ok(crate::render::filters::script_safe(out))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(url: &str) -> Written {
        Written {
            url: url.into(),
            lastmod: None,
            listed: true,
            template: "index.html",
        }
    }

    #[test]
    fn small_sites_have_one_sitemap() {
        let c = Config {
            base_url: "https://n.example".into(),
            ..Config::default()
        };
        let files = sitemaps(
            &c,
            &[
                page("/"),
                page("/a&b/"),
                Written {
                    url: "/404.html".into(),
                    lastmod: None,
                    listed: false,
                    template: "404.html",
                },
            ],
        );
        assert_eq!(files.len(), 1);
        assert!(files[0].1.contains("<loc>https://n.example/a&amp;b/</loc>"));
        assert!(!files[0].1.contains("404"));
    }

    #[test]
    fn big_sites_get_a_sitemap_index() {
        let pages: Vec<Written> = (0..SITEMAP_CHUNK + 5)
            .map(|i| page(&format!("/p{i}/")))
            .collect();
        let files = sitemaps(&Config::default(), &pages);
        assert_eq!(files.len(), 3);
        assert!(files[0].1.contains("<sitemapindex"));
        assert!(files[0].1.contains("sitemap-2.xml"));
    }

    #[test]
    fn robots_names_the_sitemap() {
        let c = Config {
            base_url: "https://n.example/".into(),
            ..Config::default()
        };
        assert!(robots(&c).contains("Sitemap: https://n.example/sitemap.xml"));
    }
}
