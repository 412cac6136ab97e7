//! Site configuration: `dateline.toml` at the site root.
//!
//! Every field is optional and has a real default, so a folder holding only
//! `content/` builds. The raw file is deserialised into [`Config`] with unknown keys
//! refused (a mistyped key is an error that names it, not a silent default); values
//! that need checking (the time zone, the permalink pattern, the base URL) are
//! checked once in [`Config::validate`] and the checked forms kept beside them.

use std::path::Path;

use anyhow::Context;
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};

use crate::error::SourceError;

/// The configuration of one site.
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    /// The site's name, shown in the header, the feeds and the page titles.
    pub title: String,
    /// The absolute URL the site is published at (`https://news.example.org/`);
    /// canonical links, feeds and sitemaps use it.
    pub base_url: String,
    /// The language of the content, as a BCP 47 tag (`en`, `en-GB`, `fr`).
    pub language: String,
    /// A one-line description of the site, for the home page and the feeds.
    pub description: String,
    /// The default author of articles that name none; also the feeds' author.
    pub author: String,
    /// The newsroom's IANA time zone (`Asia/Baghdad`): dates without an offset are
    /// read in it, and pages show dates in it.
    pub timezone: String,
    /// The URL pattern of brief pages; placeholders `{year}`, `{month}`, `{day}`,
    /// `{slug}`. Must start and end with `/` and contain `{slug}`.
    pub permalink: String,
    /// How many briefs a list page shows before it paginates.
    pub paginate_by: usize,
    /// Remove scripts, event handlers, iframes and other unsafe raw HTML from content.
    pub sanitize_html: bool,
    /// How many entries the feeds carry.
    pub feed_limit: usize,
    /// The publication name in the Google News sitemap; the site title when empty.
    pub publication_name: String,
    /// Anything else, handed to templates as `config.extra`.
    pub extra: toml::Table,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            title: "Dateline".to_string(),
            base_url: "http://localhost:1111/".to_string(),
            language: "en".to_string(),
            description: "News briefs".to_string(),
            author: String::new(),
            timezone: "UTC".to_string(),
            permalink: "/{year}/{month}/{day}/{slug}/".to_string(),
            paginate_by: 20,
            sanitize_html: true,
            feed_limit: 50,
            publication_name: String::new(),
            extra: toml::Table::new(),
        }
    }
}

/// The placeholders a permalink pattern may hold.
const PERMALINK_PLACEHOLDERS: &[&str] = &["{year}", "{month}", "{day}", "{slug}"];

impl Config {
    /// Reads `dateline.toml` in `root`, or the defaults when there is none.
    pub fn load(root: &Path) -> anyhow::Result<Config> {
        let path = root.join("dateline.toml");
        let config = match std::fs::read_to_string(&path) {
            Ok(source) => Config::parse(&source, &path)?,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Config::default(),
            Err(e) => {
                return Err(e).with_context(|| format!("failed to read `{}`", path.display()));
            }
        };
        config.validate(&path)?;
        Ok(config)
    }

    /// Parses configuration text; errors name `path`, the line and the column.
    pub fn parse(source: &str, path: &Path) -> Result<Config, SourceError> {
        toml::from_str(source).map_err(|e| SourceError::from_toml(path, source, 0, &e))
    }

    /// Checks the values a type cannot: the time zone, the permalink, the base URL.
    pub fn validate(&self, path: &Path) -> Result<(), SourceError> {
        let bad = |msg: String| SourceError::new(path, None, msg);
        self.tz().map_err(bad)?;
        let p = &self.permalink;
        if !p.starts_with('/') || !p.ends_with('/') || !p.contains("{slug}") {
            return Err(bad(format!(
                "permalink `{p}` must start and end with `/` and contain `{{slug}}`"
            )));
        }
        let mut rest = p.as_str();
        while let Some(open) = rest.find('{') {
            let close = rest[open..]
                .find('}')
                .map(|c| open + c + 1)
                .unwrap_or(rest.len());
            let ph = &rest[open..close];
            if !PERMALINK_PLACEHOLDERS.contains(&ph) {
                return Err(bad(format!(
                    "permalink `{p}` has unknown placeholder `{ph}` (known: {})",
                    PERMALINK_PLACEHOLDERS.join(", ")
                )));
            }
            rest = &rest[close..];
        }
        if p.chars().any(|c| c.is_control() || c == '\\') {
            return Err(bad(format!(
                "permalink `{}` may not contain control characters or `\\`",
                p.escape_default()
            )));
        }
        if p.split('/').any(|seg| seg == ".." || seg == ".") {
            return Err(bad(format!(
                "permalink `{p}` may not contain `.` or `..` segments"
            )));
        }
        let b = &self.base_url;
        if !(b.starts_with("http://") || b.starts_with("https://") || b.starts_with('/')) {
            return Err(bad(format!(
                "base_url `{}` must be an absolute http(s) URL or start with `/`",
                self.base_url
            )));
        }
        if self.paginate_by == 0 {
            return Err(bad("paginate_by must be at least 1".to_string()));
        }
        Ok(())
    }

    /// The configured time zone.
    pub fn tz(&self) -> Result<Tz, String> {
        self.timezone.parse::<Tz>().map_err(|_| {
            format!(
                "timezone `{}` is not an IANA time zone name (e.g. `Asia/Baghdad`)",
                self.timezone
            )
        })
    }

    /// The base URL with exactly one trailing slash.
    pub fn base(&self) -> String {
        format!("{}/", self.base_url.trim_end_matches('/'))
    }

    /// The absolute URL of a site path (`/2023/03/08/slug/`).
    pub fn absolute(&self, path: &str) -> String {
        // As `base()` joined to the path, in one allocation (every list card's
        // permalink is made this way on every page that lists it).
        let (base, path) = (
            self.base_url.trim_end_matches('/'),
            path.trim_start_matches('/'),
        );
        let mut url = String::with_capacity(base.len() + 1 + path.len());
        url.push_str(base);
        url.push('/');
        url.push_str(path);
        url
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(s: &str) -> Result<Config, SourceError> {
        Config::parse(s, Path::new("dateline.toml"))
    }

    #[test]
    fn empty_config_gives_defaults() {
        assert_eq!(parse("").unwrap(), Config::default());
    }

    #[test]
    fn unknown_key_is_named_with_its_line() {
        let err = parse("title = \"X\"\ntimezon = \"UTC\"\n")
            .unwrap_err()
            .to_string();
        assert!(err.contains("timezon"), "{err}");
        assert!(err.contains("dateline.toml:2:1"), "{err}");
    }

    #[test]
    fn wrong_type_is_reported_with_position() {
        let err = parse("paginate_by = \"ten\"\n").unwrap_err().to_string();
        assert!(err.contains("dateline.toml:1:15"), "{err}");
    }

    #[test]
    fn bad_timezone_is_refused() {
        let c = parse("timezone = \"Mars/Olympus\"").unwrap();
        let err = c
            .validate(Path::new("dateline.toml"))
            .unwrap_err()
            .to_string();
        assert!(err.contains("Mars/Olympus"), "{err}");
    }

    #[test]
    fn permalink_needs_slug_and_known_placeholders() {
        let c = parse("permalink = \"/{year}/{title}/\"").unwrap();
        assert!(c.validate(Path::new("d.toml")).is_err());
        let c = parse("permalink = \"/news/{year}/{slug}/\"").unwrap();
        assert!(c.validate(Path::new("d.toml")).is_ok());
        let c = parse("permalink = \"/../{slug}/\"").unwrap();
        assert!(c.validate(Path::new("d.toml")).is_err());
        for bad in ["/\\u0000/{slug}/", "/a\\\\b/{slug}/", "/\\n/{slug}/"] {
            let c = parse(&format!("permalink = \"{bad}\"")).unwrap();
            assert!(c.validate(Path::new("d.toml")).is_err(), "{bad}");
        }
    }

    #[test]
    fn absolute_urls_join_base_and_path() {
        let c = parse("base_url = \"https://news.example.org\"").unwrap();
        assert_eq!(c.absolute("/2023/a/"), "https://news.example.org/2023/a/");
    }
}
