//! Files Dateline writes for editors: a starter site (`init`) and new articles (`new`).

use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use chrono::{DateTime, SecondsFormat, Utc};

use crate::config::Config;
use crate::render::{STATIC_FILES, TEMPLATES};

/// The starter configuration, with every field shown at its default.
const STARTER_CONFIG: &str = r#"# Dateline site configuration. Every field is optional.
title = "My Newsroom"
# The URL the site is published at; canonical links, feeds and sitemaps use it.
base_url = "https://news.example.org/"
language = "en"
description = "News briefs"
author = ""
# IANA time zone: dates without an offset are read in it, pages show dates in it.
timezone = "UTC"
# Placeholders: {year}, {month}, {day}, {slug}.
permalink = "/{year}/{month}/{day}/{slug}/"
paginate_by = 20
# Remove scripts, event handlers and iframes from raw HTML in articles.
sanitize_html = true
feed_limit = 50
publication_name = ""

[extra]
"#;

fn write_new(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    if let Some(dir) = path.parent() {
        fs::create_dir_all(dir).with_context(|| format!("failed to create `{}`", dir.display()))?;
    }
    fs::write(path, bytes).with_context(|| format!("failed to write `{}`", path.display()))
}

/// Creates a starter site in `dir` (which must be absent or empty).
pub fn init(dir: &Path, now: DateTime<Utc>) -> anyhow::Result<Vec<PathBuf>> {
    if dir.exists() {
        let mut entries =
            fs::read_dir(dir).with_context(|| format!("failed to read `{}`", dir.display()))?;
        if entries.next().is_some() {
            bail!(
                "`{}` is not empty: `dateline init` only writes into a new or empty folder",
                dir.display()
            );
        }
    }
    let mut written = Vec::new();
    let mut put = |rel: &str, bytes: &[u8]| -> anyhow::Result<()> {
        let p = dir.join(rel);
        write_new(&p, bytes)?;
        written.push(p);
        Ok(())
    };
    put("dateline.toml", STARTER_CONFIG.as_bytes())?;
    // What a build writes beside the sources: the site, the cache, and the previous
    // site kept for incremental builds.
    put(
        ".gitignore",
        b"/public/\n/.dateline-cache/\n/.public.dateline-*/\n",
    )?;
    let day = now.format("%Y-%m-%d");
    let article = format!(
        "+++\ntitle = \"Welcome to your newsroom\"\ndate = {}\ntags = [\"site\"]\n+++\n\
         YOUR CITY, {} (Dateline) - This is the first brief of the site. Edit it in `content/`, \
         then run `dateline build`.\n",
        now.to_rfc3339_opts(SecondsFormat::Secs, true),
        now.format("%B %-d")
    );
    put(&format!("content/{day}-welcome.md"), article.as_bytes())?;
    for (name, src) in TEMPLATES {
        put(&format!("templates/{name}"), src.as_bytes())?;
    }
    for (name, bytes) in STATIC_FILES {
        put(&format!("static/{name}"), bytes)?;
    }
    Ok(written)
}

/// Creates `content/YYYY-MM-DD-<slug>.md` in the site at `root`, dated `now` in the
/// site's time zone.
pub fn new_article(
    root: &Path,
    headline: &str,
    draft: bool,
    now: DateTime<Utc>,
) -> anyhow::Result<PathBuf> {
    let headline = headline.trim();
    if headline.is_empty() {
        bail!("the headline is empty");
    }
    let config = Config::load(root)?;
    let tz = config.tz().map_err(anyhow::Error::msg)?;
    let local = now.with_timezone(&tz);
    let slug = crate::content::slug_from_words(headline);
    let path = root
        .join("content")
        .join(format!("{}-{slug}.md", local.format("%Y-%m-%d")));
    if path.exists() {
        bail!("`{}` already exists", path.display());
    }
    let title = toml::Value::String(headline.to_string()).to_string();
    let text = format!(
        "+++\ntitle = {title}\ndate = {}\ndescription = \"\"\ntags = []\n{}+++\n\n",
        local.to_rfc3339_opts(SecondsFormat::Secs, false),
        if draft { "draft = true\n" } else { "" }
    );
    write_new(&path, text.as_bytes())?;
    Ok(crate::display_path(&path))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tmp(name: &str) -> PathBuf {
        let d =
            std::env::temp_dir().join(format!("dateline-scaffold-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&d);
        d
    }

    #[test]
    fn new_article_is_dated_in_the_site_zone_and_loads() {
        let root = tmp("new");
        fs::create_dir_all(&root).unwrap();
        fs::write(root.join("dateline.toml"), "timezone = \"Asia/Baghdad\"\n").unwrap();
        let now = DateTime::parse_from_rfc3339("2023-03-07T22:30:00Z")
            .unwrap()
            .with_timezone(&Utc);
        let path = new_article(&root, "Austin \"visits\" Baghdad", false, now).unwrap();
        assert!(
            path.ends_with("content/2023-03-08-austin-visits-baghdad.md"),
            "{}",
            path.display()
        );
        let bytes = fs::read(&path).unwrap();
        let a = crate::content::parse_article(&path, &bytes, chrono_tz::Asia::Baghdad).unwrap();
        assert_eq!(a.title, "Austin \"visits\" Baghdad");
        assert_eq!(a.date.to_rfc3339(), "2023-03-08T01:30:00+03:00");
        assert!(
            new_article(&root, "Austin \"visits\" Baghdad", false, now).is_err(),
            "no overwrite"
        );
    }

    #[test]
    fn init_refuses_a_non_empty_folder() {
        let root = tmp("init");
        fs::create_dir_all(&root).unwrap();
        fs::write(root.join("x"), "").unwrap();
        assert!(init(&root, Utc::now()).is_err());
    }
}
