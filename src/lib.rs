//! Dateline: a static-site generator for news briefs.
//!
//! [`build`] reads as the pipeline: configuration → load → extract → assemble →
//! render → write. Each step is one module; data only flows forward.

pub mod config;
pub mod content;
pub mod error;
pub mod eval;
pub mod extract;
pub mod output;
pub mod progress;
pub mod render;
pub mod site;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use anyhow::{Context, bail};
use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use rayon::prelude::*;

use crate::config::Config;
use crate::content::{Article, Format, LoadOptions};
use crate::extract::{Document, Facts, Knowledge};
use crate::output::{Protected, Sink, Staging};
use crate::progress::Progress;
use crate::render::Renderer;
use crate::site::{Brief, Site};

/// What `dateline build` was asked to do.
#[derive(Clone, Debug, Default)]
pub struct BuildOptions {
    /// The site root (holds `dateline.toml`, `content/`, `templates/`, `static/`).
    pub root: PathBuf,
    /// The output folder; `<root>/public` when not given.
    pub output: Option<PathBuf>,
    /// Overrides `base_url` of the configuration.
    pub base_url: Option<String>,
    /// Keep drafts.
    pub drafts: bool,
    /// Keep articles dated in the future.
    pub future: bool,
    /// Replace an output folder Dateline did not make.
    pub force: bool,
    /// Leave out articles with errors instead of failing the build.
    pub skip_bad: bool,
    /// The build time; now when not given (tests pin it).
    pub now: Option<DateTime<Utc>>,
    /// Show a progress bar on a terminal for builds longer than a second.
    pub progress: bool,
}

/// What a build did.
#[derive(Clone, Debug, Default)]
pub struct BuildReport {
    pub articles: usize,
    pub pages: usize,
    pub drafts_skipped: usize,
    pub embargoed: usize,
    /// Errors of articles left out with `skip_bad`.
    pub skipped: Vec<String>,
    pub output: PathBuf,
    /// Wall time of each pipeline step.
    pub steps: Vec<(&'static str, Duration)>,
    pub total: Duration,
}

impl BuildReport {
    /// The one-line summary printed at the end of a build.
    pub fn summary(&self) -> String {
        let mut s = format!("Built {} briefs into {} pages", self.articles, self.pages);
        let mut left_out = Vec::new();
        if self.drafts_skipped > 0 {
            left_out.push(format!(
                "{} draft{}",
                self.drafts_skipped,
                plural(self.drafts_skipped)
            ));
        }
        if self.embargoed > 0 {
            left_out.push(format!(
                "{} embargoed (dated in the future; --future builds them)",
                self.embargoed
            ));
        }
        if !self.skipped.is_empty() {
            left_out.push(format!("{} with errors", self.skipped.len()));
        }
        if !left_out.is_empty() {
            s.push_str(&format!(", left out {}", left_out.join(", ")));
        }
        s.push_str(&format!(
            " in {:.2} s → {}",
            self.total.as_secs_f64(),
            self.output.display()
        ));
        s
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// Times the steps of a build.
struct Steps {
    start: Instant,
    last: Instant,
    done: Vec<(&'static str, Duration)>,
}

impl Steps {
    fn new() -> Steps {
        let now = Instant::now();
        Steps {
            start: now,
            last: now,
            done: Vec::new(),
        }
    }
    fn finish(&mut self, name: &'static str) {
        let now = Instant::now();
        self.done.push((name, now - self.last));
        self.last = now;
    }
}

/// Shows a path relative to the working directory when it is under it.
pub fn display_path(p: &Path) -> PathBuf {
    p.strip_prefix("./").unwrap_or(p).to_path_buf()
}

/// Reads `data/entities.toml` of the site into the knowledge, if there is one.
pub fn load_knowledge(root: &Path) -> anyhow::Result<Knowledge> {
    let kb = Knowledge::builtin();
    let path = display_path(&root.join("data").join("entities.toml"));
    match std::fs::read_to_string(&path) {
        Ok(src) => kb
            .with_site_data(&src)
            .map_err(|e| anyhow::anyhow!("{}: {e}", path.display())),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(kb),
        Err(e) => Err(e).with_context(|| format!("failed to read `{}`", path.display())),
    }
}

/// The text extraction reads: Markdown with its markup blanked out (same offsets),
/// wire text as it is.
pub fn extraction_text(a: &Article) -> std::borrow::Cow<'_, str> {
    match a.format {
        Format::Markdown => std::borrow::Cow::Owned(content::markdown::plain_view(&a.body)),
        Format::Wire { .. } => std::borrow::Cow::Borrowed(&a.body),
    }
}

/// Extracts the facts of one article.
pub fn extract_article(a: &Article, kb: &Knowledge, tz: Tz) -> Facts {
    let text = extraction_text(a);
    let day = a.date.with_timezone(&tz).date_naive();
    extract::extract_facts(
        &Document {
            title: Some(&a.title),
            body: &text,
            date: Some(day),
        },
        kb,
    )
}

/// Builds the site at `opts.root` into its output folder.
pub fn build(opts: &BuildOptions) -> anyhow::Result<BuildReport> {
    let mut steps = Steps::new();
    let root = &opts.root;
    let now = opts.now.unwrap_or_else(Utc::now);

    // 1. Configuration and knowledge.
    let mut config = Config::load(root)?;
    if let Some(url) = &opts.base_url {
        config.base_url = url.clone();
        config.validate(Path::new("--base-url"))?;
    }
    let tz = config.tz().map_err(anyhow::Error::msg)?;
    let kb = load_knowledge(root)?;
    let output = opts.output.clone().unwrap_or_else(|| root.join("public"));
    let content_dir = root.join("content");
    if !content_dir.is_dir() {
        bail!(
            "no `content` folder in `{}`: a site keeps its articles there",
            display_path(root).display()
        );
    }
    steps.finish("config");

    // 2. Load.
    let progress = Progress::new(opts.progress);
    let load_opts = LoadOptions {
        tz,
        drafts: opts.drafts,
        future: opts.future,
        now,
    };
    let loaded = content::load_articles(&display_path(&content_dir), &load_opts);
    let mut skipped = Vec::new();
    if !loaded.errors.is_empty() {
        let lines: Vec<String> = loaded.errors.iter().map(ToString::to_string).collect();
        if !opts.skip_bad {
            bail!(
                "{}\n{} file{} with errors; nothing was written (use --skip-bad to build without them)",
                lines.join("\n"),
                lines.len(),
                plural(lines.len())
            );
        }
        skipped = lines;
    }
    steps.finish("load");

    // 3. Extract, in parallel.
    progress.stage("Extracting", loaded.articles.len());
    let briefs: Vec<Brief> = loaded
        .articles
        .into_par_iter()
        .map(|a| {
            let facts = extract_article(&a, &kb, tz);
            progress.inc();
            Brief::new(a, facts, &config, tz)
        })
        .collect();
    steps.finish("extract");

    // 4. Assemble the whole-site model.
    let mut site = site::assemble(briefs).map_err(|errs| {
        let lines: Vec<String> = errs.iter().map(ToString::to_string).collect();
        anyhow::anyhow!("{}\nnothing was written", lines.join("\n"))
    })?;
    site.files = loaded
        .loose_files
        .into_iter()
        .map(|(path, rel)| {
            let rel = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy())
                .collect::<Vec<_>>()
                .join("/");
            (path, rel)
        })
        .collect();
    steps.finish("assemble");

    // 5. Templates, then render and write into a staging folder.
    let renderer = Renderer::new(&root.join("templates"), tz, &config.base_url)?;
    steps.finish("templates");
    let staging = Staging::begin(
        &output,
        &Protected {
            root,
            content: &content_dir,
            others: &[&root.join("templates"), &root.join("static")],
        },
        opts.force,
    )?;
    let build_time = now.with_timezone(&tz).fixed_offset();
    let written = write_site(
        &site, &config, &renderer, &staging, root, build_time, &progress, false,
    )?;
    steps.finish("render");

    // 6. Swap the new site in.
    staging.commit()?;
    steps.finish("swap");
    progress.finish();
    Ok(BuildReport {
        articles: site.briefs.len(),
        pages: written,
        drafts_skipped: loaded.drafts_skipped,
        embargoed: loaded.embargoed,
        skipped,
        output: display_path(&output),
        steps: steps.done,
        total: steps.start.elapsed(),
    })
}

/// Renders every page and writes them, the static files, the assets, the feeds and
/// the maps into `sink`; returns the number of pages.
#[allow(clippy::too_many_arguments)]
pub fn write_site(
    site: &Site,
    config: &Config,
    renderer: &Renderer,
    sink: &dyn Sink,
    root: &Path,
    now: DateTime<chrono::FixedOffset>,
    progress: &Progress,
    live_reload: bool,
) -> anyhow::Result<usize> {
    // Static files first, so that pages win over a stray file of the same path.
    for (name, bytes) in render::STATIC_FILES {
        sink.write(name, bytes)?;
    }
    copy_tree(&root.join("static"), sink)?;
    for (path, rel) in &site.files {
        sink.copy(path, rel)?;
    }
    for b in &site.briefs {
        let dir = site::permalink::output_file(&b.permalink);
        let dir = dir.rsplit_once('/').map(|(d, _)| d).unwrap_or("");
        for asset in &b.article.assets {
            if let Some(name) = asset.file_name() {
                let rel = if dir.is_empty() {
                    name.to_string_lossy().into_owned()
                } else {
                    format!("{dir}/{}", name.to_string_lossy())
                };
                sink.copy(asset, &rel)?;
            }
        }
    }
    let site_ctx = render::context::site_ctx(config, site, &now.to_rfc3339(), live_reload);
    let pass = render::pages::Pass::new(site, config, renderer, site_ctx);
    progress.stage("Rendering", site.briefs.len());
    let written = pass.render_all(sink)?;
    let entries = output::feeds::entries(site, config, |i| {
        render::pages::article_html(&site.briefs[i].article, config.sanitize_html)
    });
    sink.write("atom.xml", &output::feeds::atom(config, &entries, now)?)?;
    sink.write("rss.xml", &output::feeds::rss(config, &entries, now)?)?;
    sink.write("feed.json", &output::feeds::json_feed(config, &entries)?)?;
    for (name, text) in output::sitemap::sitemaps(config, &written) {
        sink.write(&name, text.as_bytes())?;
    }
    sink.write(
        "news-sitemap.xml",
        output::sitemap::news_sitemap(config, site, now).as_bytes(),
    )?;
    sink.write("robots.txt", output::sitemap::robots(config).as_bytes())?;
    sink.write("search-index.json", &output::sitemap::search_index(site)?)?;
    Ok(written.len())
}

/// Copies every file under `dir` (if it exists) to the same relative path.
fn copy_tree(dir: &Path, sink: &dyn Sink) -> anyhow::Result<()> {
    if !dir.is_dir() {
        return Ok(());
    }
    for entry in walkdir::WalkDir::new(dir)
        .follow_links(true)
        .sort_by_file_name()
    {
        let entry = entry.with_context(|| format!("failed to read `{}`", dir.display()))?;
        if !entry.file_type().is_file() || content::is_ignored(&entry.file_name().to_string_lossy())
        {
            continue;
        }
        let rel = entry.path().strip_prefix(dir).unwrap_or(entry.path());
        let rel = rel
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/");
        sink.copy(entry.path(), &rel)?;
    }
    Ok(())
}
