//! Every file of the built site, written all at once (`build`) or produced one at a
//! time on request (`serve`).
//!
//! One list of what the site holds serves both: the rendered pages, the generated
//! files (feeds, sitemaps, robots.txt, the search index), the theme's static files
//! (embedded defaults under the site's own `static/`), files that travel with
//! articles and the other files of `content/`.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::Context;
use chrono::{DateTime, FixedOffset};
use rayon::prelude::*;

use super::{Sink, feeds, sitemap};
use crate::config::Config;
use crate::progress::Progress;
use crate::render::pages::{Pass, article_html};
use crate::render::{Renderer, STATIC_FILES, context};
use crate::site::Site;
use crate::site::permalink::output_file;

/// Where a copied file comes from.
#[derive(Clone, Debug)]
pub enum FileSource {
    Embedded(&'static [u8]),
    Disk(PathBuf),
}

/// The whole output of one build.
pub struct SiteOutput {
    pub pass: Pass,
    now: DateTime<FixedOffset>,
    /// Site path without leading `/` → source, for copied files.
    files: HashMap<String, FileSource>,
}

/// Names of the files generated besides pages.
const GENERATED: &[&str] = &[
    "atom.xml",
    "rss.xml",
    "feed.json",
    "news-sitemap.xml",
    "robots.txt",
    "search-index.json",
];

impl SiteOutput {
    /// Gathers what the site holds; nothing is rendered yet.
    pub fn new(
        site: Arc<Site>,
        config: Arc<Config>,
        renderer: Arc<Renderer>,
        root: &Path,
        now: DateTime<FixedOffset>,
        live_reload: bool,
        previous: Option<&SiteOutput>,
    ) -> anyhow::Result<SiteOutput> {
        let mut files: HashMap<String, FileSource> = HashMap::new();
        for (name, bytes) in STATIC_FILES {
            files.insert(name.to_string(), FileSource::Embedded(bytes));
        }
        let static_dir = root.join("static");
        if static_dir.is_dir() {
            for entry in walkdir::WalkDir::new(&static_dir)
                .follow_links(true)
                .sort_by_file_name()
            {
                let entry =
                    entry.with_context(|| format!("failed to read `{}`", static_dir.display()))?;
                if !entry.file_type().is_file()
                    || crate::content::is_ignored(&entry.file_name().to_string_lossy())
                {
                    continue;
                }
                let rel = entry
                    .path()
                    .strip_prefix(&static_dir)
                    .unwrap_or(entry.path());
                files.insert(
                    slash_path(rel),
                    FileSource::Disk(entry.path().to_path_buf()),
                );
            }
        }
        for (path, rel) in &site.files {
            files.insert(rel.clone(), FileSource::Disk(path.clone()));
        }
        for b in &site.briefs {
            let page = output_file(&b.permalink);
            let dir = page.rsplit_once('/').map(|(d, _)| d).unwrap_or("");
            for asset in &b.article.assets {
                if let Some(name) = asset.file_name() {
                    let name = name.to_string_lossy();
                    let rel = if dir.is_empty() {
                        name.into_owned()
                    } else {
                        format!("{dir}/{name}")
                    };
                    files.insert(rel, FileSource::Disk(asset.clone()));
                }
            }
        }
        let site_ctx = context::site_ctx(&config, &site, &now.to_rfc3339(), live_reload);
        let pass = Pass::new(site, config, renderer, site_ctx, previous.map(|p| &p.pass));
        Ok(SiteOutput { pass, now, files })
    }

    /// Writes everything into `sink`; returns the number of pages.
    pub fn write_all(&self, sink: &dyn Sink, progress: &Progress) -> anyhow::Result<usize> {
        // Copied files first, so that a page wins over a stray file of the same path.
        let mut files: Vec<(&String, &FileSource)> = self.files.iter().collect();
        files.sort_by(|a, b| a.0.cmp(b.0));
        files.par_iter().try_for_each(|(rel, src)| match src {
            FileSource::Embedded(bytes) => sink.write(rel, bytes),
            FileSource::Disk(path) => sink.copy(path, rel),
        })?;
        progress.stage("Rendering", self.pass.site.briefs.len());
        // The feeds, sitemaps and search index beside the pages.
        let (written, generated) = rayon::join(
            || self.pass.render_all(sink),
            || {
                GENERATED.par_iter().try_for_each(|name| {
                    sink.write(
                        name,
                        &self.generated(name).unwrap_or_else(|| Ok(Vec::new()))?,
                    )
                })
            },
        );
        let written = written?;
        generated?;
        for (name, text) in sitemap::sitemaps(&self.pass.config, &written) {
            sink.write(&name, text.as_bytes())?;
        }
        Ok(written.len())
    }

    /// The bytes at site path `path` (`/`, `/a/b/`, `/style.css`), if the site has it.
    pub fn get(&self, path: &str) -> Option<anyhow::Result<Vec<u8>>> {
        let page = path.strip_suffix("index.html").unwrap_or(path);
        if (page.ends_with('/') || page == "/404.html")
            && let Some(html) = self.pass.render_url(page)
        {
            return Some(html.map(String::into_bytes));
        }
        let rel = path.trim_start_matches('/');
        if let Some(bytes) = self.generated(rel) {
            return Some(bytes);
        }
        if rel.starts_with("sitemap") && rel.ends_with(".xml") {
            let all = sitemap::sitemaps(&self.pass.config, &self.pass.pages());
            return all
                .into_iter()
                .find(|(n, _)| n == rel)
                .map(|(_, t)| Ok(t.into_bytes()));
        }
        match self.files.get(rel)? {
            FileSource::Embedded(bytes) => Some(Ok(bytes.to_vec())),
            FileSource::Disk(p) => {
                Some(std::fs::read(p).with_context(|| format!("failed to read `{}`", p.display())))
            }
        }
    }

    /// True when the site has a file (not a page) at site path `path`.
    pub fn has_file(&self, path: &str) -> bool {
        let rel = path.trim_start_matches('/');
        GENERATED.contains(&rel)
            || self.files.contains_key(rel)
            || (rel.starts_with("sitemap") && rel.ends_with(".xml"))
    }

    fn generated(&self, name: &str) -> Option<anyhow::Result<Vec<u8>>> {
        let site = &self.pass.site;
        let config = &self.pass.config;
        let entries = || {
            feeds::entries(site, config, |i| {
                article_html(&site.briefs[i].article, config.sanitize_html)
            })
        };
        Some(match name {
            "atom.xml" => entries().and_then(|e| feeds::atom(config, &e, self.now)),
            "rss.xml" => entries().and_then(|e| feeds::rss(config, &e, self.now)),
            "feed.json" => entries().and_then(|e| feeds::json_feed(config, &e)),
            "news-sitemap.xml" => Ok(sitemap::news_sitemap(config, site, self.now).into_bytes()),
            "robots.txt" => Ok(sitemap::robots(config).into_bytes()),
            "search-index.json" => sitemap::search_index(site),
            _ => return None,
        })
    }
}

/// A relative path with `/` separators.
pub fn slash_path(rel: &Path) -> String {
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}
