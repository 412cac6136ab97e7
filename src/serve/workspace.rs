//! The dev server's model of the site, kept in memory and updated per change.
//!
//! A change costs only what it touches: an edited article is read, parsed and
//! extracted again on its own; every other article keeps its parsed form and its
//! facts (held by content hash, so a file renamed or edited back is free). The site
//! model is then reassembled from shared (`Arc`) articles and facts — cheap next to
//! extraction — and pages are rendered on request, so no page is rendered that
//! nobody looks at. Template, static, configuration and knowledge changes reload
//! just their part.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

use anyhow::Context;
use chrono::Utc;
use chrono_tz::Tz;
use rayon::prelude::*;

use crate::cache::{FactsCache, fingerprint};
use crate::config::Config;
use crate::content::{self, Article, LoadOptions};
use crate::error::SourceError;
use crate::extract::{Facts, Knowledge};
use crate::output::files::SiteOutput;
use crate::render::Renderer;
use crate::site::{self, Brief};

/// Which articles to keep, as `dateline build` takes them.
#[derive(Clone, Copy, Debug, Default)]
pub struct Filters {
    pub drafts: bool,
    pub future: bool,
}

/// What one change needs redone.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Change {
    /// `dateline.toml` or `data/`: configuration and knowledge.
    pub config: bool,
    pub templates: bool,
    /// Article files edited in place.
    pub articles: Vec<PathBuf>,
    /// Files added, removed or renamed in `content/`, or other content files.
    pub content_tree: bool,
    /// `static/` (read on request; only the file list is refreshed).
    pub statics: bool,
}

impl Change {
    /// Sorts changed paths (absolute, under `watched_root`, the canonical form of
    /// `root`) into what they touch; `existing` are the articles known.
    pub fn classify(
        root: &Path,
        watched_root: &Path,
        paths: &[PathBuf],
        existing: &BTreeMap<PathBuf, Arc<Article>>,
    ) -> Change {
        let mut c = Change::default();
        for p in paths {
            let rel = p.strip_prefix(watched_root).unwrap_or(p);
            let name = rel
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            if content::is_ignored(&name) {
                continue;
            }
            let first = rel
                .components()
                .next()
                .map(|c| c.as_os_str().to_string_lossy().into_owned());
            match first.as_deref() {
                Some("dateline.toml") | Some("data") => c.config = true,
                Some("templates") => c.templates = true,
                Some("static") => c.statics = true,
                Some("content") => {
                    let is_article = matches!(
                        rel.extension().and_then(|e| e.to_str()),
                        Some("md" | "markdown" | "txt")
                    );
                    let key = display(root, rel);
                    if is_article && p.is_file() && existing.contains_key(&key) {
                        let path = root.join(rel);
                        if !c.articles.contains(&path) {
                            c.articles.push(path);
                        }
                    } else {
                        c.content_tree = true;
                    }
                }
                _ => {}
            }
        }
        c
    }

    /// True when nothing the site depends on changed.
    pub fn is_empty(&self) -> bool {
        *self == Change::default()
    }
}

/// How an article path is keyed: as the loader names it (`<root>/content/…`).
fn display(root: &Path, rel: &Path) -> PathBuf {
    crate::display_path(&root.join(rel))
}

/// The in-memory site.
pub struct Workspace {
    root: PathBuf,
    filters: Filters,
    config: Arc<Config>,
    tz: Tz,
    kb: Arc<Knowledge>,
    kb_source: String,
    renderer: Arc<Renderer>,
    /// Articles kept (drafts and embargoed left out as asked), by path.
    articles: BTreeMap<PathBuf, Arc<Article>>,
    loose_files: Vec<(PathBuf, String)>,
    /// Facts by content hash.
    facts: HashMap<u128, Arc<Facts>>,
    /// Briefs made last time, by path: remade only for an article or facts changed.
    briefs: BTreeMap<PathBuf, Brief>,
    /// Files whose last version is broken: the site keeps their last good one.
    errors: BTreeMap<PathBuf, String>,
    disk_cache: FactsCache,
}

/// A rebuilt site: its output and any errors still standing.
pub struct Rebuilt {
    pub output: SiteOutput,
    pub errors: Vec<String>,
    pub millis: f64,
}

impl Workspace {
    /// Loads the whole site.
    pub fn open(root: &Path, filters: Filters) -> anyhow::Result<Workspace> {
        let config = Config::load(root)?;
        let tz = config.tz().map_err(anyhow::Error::msg)?;
        let (kb, kb_source) = crate::load_knowledge(root)?;
        let renderer = Renderer::new(&root.join("templates"), tz, &config.base_url)?;
        let disk_cache = FactsCache::new(
            root.join(".dateline-cache"),
            fingerprint(&config.timezone, &kb_source),
        );
        let mut ws = Workspace {
            root: root.to_path_buf(),
            filters,
            config: Arc::new(config),
            tz,
            kb: Arc::new(kb),
            kb_source,
            renderer: Arc::new(renderer),
            articles: BTreeMap::new(),
            loose_files: Vec::new(),
            facts: HashMap::new(),
            briefs: BTreeMap::new(),
            errors: BTreeMap::new(),
            disk_cache,
        };
        ws.reload_content()?;
        Ok(ws)
    }

    /// The site root.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// The articles held, by path.
    pub fn articles(&self) -> &BTreeMap<PathBuf, Arc<Article>> {
        &self.articles
    }

    fn content_dir(&self) -> PathBuf {
        crate::display_path(&self.root.join("content"))
    }

    /// Walks and reads all of `content/` again (facts stay cached by hash).
    fn reload_content(&mut self) -> anyhow::Result<()> {
        let opts = LoadOptions {
            tz: self.tz,
            drafts: self.filters.drafts,
            future: self.filters.future,
            now: Utc::now(),
        };
        let content_dir = self.content_dir();
        if !content_dir.is_dir() {
            anyhow::bail!("no `content` folder in `{}`", self.root.display());
        }
        let loaded = content::load_articles(&content_dir, &opts);
        self.errors.clear();
        for e in &loaded.errors {
            self.errors.insert(e.path.clone(), e.to_string());
        }
        let mut articles = BTreeMap::new();
        for a in loaded.articles {
            articles.insert(a.path.clone(), Arc::new(a));
        }
        // A broken file keeps its last good version.
        for path in self.errors.keys() {
            if let Some(old) = self.articles.get(path) {
                articles.insert(path.clone(), old.clone());
            }
        }
        self.articles = articles;
        self.loose_files = loaded
            .loose_files
            .into_iter()
            .map(|(p, rel)| (p, crate::output::files::slash_path(&rel)))
            .collect();
        Ok(())
    }

    /// Reads one edited article again.
    fn reload_article(&mut self, path: &Path) {
        let key = display(&self.root, path.strip_prefix(&self.root).unwrap_or(path));
        let result = std::fs::read(path)
            .map_err(|e| SourceError::new(&key, None, format!("failed to read: {e}")))
            .and_then(|bytes| content::parse_article(&key, &bytes, self.tz));
        match result {
            Ok(mut a) => {
                self.errors.remove(&key);
                let keep = (self.filters.drafts || !a.draft)
                    && (self.filters.future || a.date <= Utc::now());
                if keep {
                    if let Some(old) = self.articles.get(&key) {
                        a.assets = old.assets.clone();
                    }
                    self.articles.insert(key, Arc::new(a));
                } else {
                    self.articles.remove(&key);
                }
            }
            Err(e) => {
                self.errors.insert(key, e.to_string());
            }
        }
    }

    /// Applies a change and rebuilds the site model.
    pub fn apply(
        &mut self,
        change: &Change,
        previous: Option<&SiteOutput>,
    ) -> anyhow::Result<Rebuilt> {
        let start = Instant::now();
        if change.config {
            let config = Config::load(&self.root)?;
            let tz = config.tz().map_err(anyhow::Error::msg)?;
            let (kb, kb_source) = crate::load_knowledge(&self.root)?;
            if kb_source != self.kb_source || config.timezone != self.config.timezone {
                self.facts.clear();
            }
            self.briefs.clear();
            self.disk_cache = FactsCache::new(
                self.root.join(".dateline-cache"),
                fingerprint(&config.timezone, &kb_source),
            );
            self.tz = tz;
            self.kb = Arc::new(kb);
            self.kb_source = kb_source;
            self.renderer = Arc::new(Renderer::new(
                &self.root.join("templates"),
                tz,
                &config.base_url,
            )?);
            self.config = Arc::new(config);
            self.reload_content()?;
        } else if change.content_tree {
            self.reload_content()?;
        } else {
            for p in &change.articles {
                self.reload_article(p);
            }
        }
        if change.templates && !change.config {
            self.renderer = Arc::new(
                Renderer::new(&self.root.join("templates"), self.tz, &self.config.base_url)
                    .context("templates")?,
            );
        }
        self.site_output(start, previous)
    }

    /// Assembles the site from the articles and facts held; the indexes and list
    /// cards of the `previous` site (the one being served) are kept where nothing
    /// they are made of changed.
    pub fn site_output(
        &mut self,
        start: Instant,
        previous: Option<&SiteOutput>,
    ) -> anyhow::Result<Rebuilt> {
        // Extract what is not known yet, in parallel.
        let missing: Vec<Arc<Article>> = self
            .articles
            .values()
            .filter(|a| !self.facts.contains_key(&a.hash))
            .cloned()
            .collect();
        let (kb, tz, cache) = (&self.kb, self.tz, &self.disk_cache);
        let fresh: Vec<(u128, Arc<Facts>)> = missing
            .par_iter()
            .map(|a| {
                let key = cache.key(a.hash);
                let facts = cache.get(key).map(|c| c.facts).unwrap_or_else(|| {
                    let facts = crate::extract_article(a, kb, tz);
                    let event_entities = site::event_entities(&a.body, &facts);
                    let c = crate::cache::Cached {
                        facts,
                        event_entities,
                    };
                    let _ = cache.put(key, &c);
                    c.facts
                });
                (a.hash, Arc::new(facts))
            })
            .collect();
        self.facts.extend(fresh);
        // Forget facts of articles gone.
        if self.facts.len() > self.articles.len() * 2 + 64 {
            let live: std::collections::HashSet<u128> =
                self.articles.values().map(|a| a.hash).collect();
            self.facts.retain(|h, _| live.contains(h));
        }
        // Briefs of articles gone go; those of new or changed articles or facts are
        // made again; the others stay as they are.
        // (Both maps are in path order: walked side by side, not looked up, as path
        // comparisons are slow.)
        let mut stale: Vec<&PathBuf> = Vec::new();
        let mut held = self.briefs.iter().peekable();
        for (path, a) in &self.articles {
            while held
                .next_if(|(p, _)| p.as_os_str() != path.as_os_str() && *p < path)
                .is_some()
            {}
            let facts = &self.facts[&a.hash];
            let fresh = held
                .next_if(|(p, _)| p.as_os_str() == path.as_os_str())
                .is_some_and(|(_, b)| Arc::ptr_eq(&b.article, a) && Arc::ptr_eq(&b.facts, facts));
            if !fresh {
                stale.push(path);
            }
        }
        for path in stale {
            let a = &self.articles[path];
            let facts = &self.facts[&a.hash];
            let brief = Brief::new(a.clone(), facts.clone(), &self.config, self.tz);
            self.briefs.insert(path.clone(), brief);
        }
        // Every article has its brief now; any more are of articles gone. (Path
        // comparisons are slow: 10,000 lookups in the article map cost 14 ms.)
        if self.briefs.len() > self.articles.len() {
            self.briefs
                .retain(|path, _| self.articles.contains_key(path));
        }
        let briefs: Vec<Brief> = self.briefs.values().cloned().collect();
        let mut site =
            site::assemble_with(briefs, previous.map(|p| &*p.pass.site), true).map_err(|errs| {
                anyhow::anyhow!(
                    "{}",
                    errs.iter()
                        .map(ToString::to_string)
                        .collect::<Vec<_>>()
                        .join("\n")
                )
            })?;
        site.files = self.loose_files.clone();
        let now = Utc::now().with_timezone(&self.tz).fixed_offset();
        let output = SiteOutput::new(
            Arc::new(site),
            self.config.clone(),
            self.renderer.clone(),
            &self.root,
            now,
            true,
            previous,
        )?;
        Ok(Rebuilt {
            output,
            errors: self.errors.values().cloned().collect(),
            millis: start.elapsed().as_secs_f64() * 1000.0,
        })
    }
}
