//! Dateline: a static-site generator for news briefs.
//!
//! [`build`] reads as the pipeline: configuration → load → extract → assemble →
//! render → write. Each step is one module; data only flows forward.

pub mod cache;
pub mod check;
pub mod config;
pub mod content;
pub mod error;
pub mod eval;
pub mod extract;
pub mod output;
pub mod progress;
pub mod render;
pub mod scaffold;
pub mod serve;
pub mod site;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use anyhow::{Context, bail};
use chrono::{DateTime, Utc};
use chrono_tz::Tz;

use crate::config::Config;
use crate::content::{Article, Format, LoadOptions};
use crate::extract::{Document, Facts, Knowledge};
use crate::output::{Protected, Staging};
use crate::progress::Progress;
use crate::render::Renderer;
use crate::site::Brief;

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
    /// Extract every article anew, ignoring (and not updating) the build cache.
    pub no_cache: bool,
    /// The cache folder; `<root>/.dateline-cache` when not given.
    pub cache_dir: Option<PathBuf>,
    /// Render every page but write nothing (the output folder is not touched): for
    /// measuring a build whose output would not fit the disk, like Hugo's
    /// `--renderToMemory` without keeping the pages.
    pub dry_run: bool,
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
    /// Articles whose facts came from the build cache.
    pub cache_hits: usize,
    /// Pages of an earlier build kept because nothing they show changed.
    pub pages_kept: usize,
    pub output: PathBuf,
    /// The bytes rendered, when nothing was written (a dry run).
    pub dry_run_bytes: Option<u64>,
    /// Each pipeline step's times and memory.
    pub steps: Vec<Step>,
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
        match self.dry_run_bytes {
            Some(bytes) => s.push_str(&format!(
                " ({:.1} MB) in {:.2} s; nothing written (--dry-run)",
                bytes as f64 / 1e6,
                self.total.as_secs_f64(),
            )),
            None => s.push_str(&format!(
                " in {:.2} s → {}",
                self.total.as_secs_f64(),
                self.output.display()
            )),
        }
        s
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// A pipeline step of a build, as `build -v` reports it.
#[derive(Clone, Debug)]
pub struct Step {
    pub name: &'static str,
    /// Wall time.
    pub time: Duration,
    /// CPU time of all threads (user and system), where the system tells it: against
    /// the wall time, how well the step keeps the cores busy.
    pub cpu: Option<Duration>,
    /// Resident memory (KiB) at the step's end, where the system tells it.
    pub resident_kib: Option<u64>,
    /// Live heap bytes at the step's end and at its highest during the step, in a
    /// build with the `heap-count` feature (see [`heap`]).
    pub heap: Option<(usize, usize)>,
}

/// Heap accounting, for finding where a build's memory goes: with the `heap-count`
/// feature the binary's allocator is wrapped in [`heap::Counting`], and `build -v`
/// shows the live heap after each step and its peak during it. Off by default (two
/// atomic operations per allocation).
pub mod heap {
    use std::alloc::{GlobalAlloc, Layout};
    use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

    static LIVE: AtomicUsize = AtomicUsize::new(0);
    static PEAK: AtomicUsize = AtomicUsize::new(0);

    /// Counts the bytes allocated and not yet freed through `A`.
    pub struct Counting<A>(pub A);

    // SAFETY: every call is passed on to `A` unchanged; only counters are added.
    unsafe impl<A: GlobalAlloc> GlobalAlloc for Counting<A> {
        unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
            let p = unsafe { self.0.alloc(layout) };
            if !p.is_null() {
                grew(layout.size());
            }
            p
        }
        unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
            let p = unsafe { self.0.alloc_zeroed(layout) };
            if !p.is_null() {
                grew(layout.size());
            }
            p
        }
        unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
            unsafe { self.0.dealloc(ptr, layout) };
            LIVE.fetch_sub(layout.size(), Relaxed);
        }
        unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
            let p = unsafe { self.0.realloc(ptr, layout, new_size) };
            if !p.is_null() {
                LIVE.fetch_sub(layout.size(), Relaxed);
                grew(new_size);
            }
            p
        }
    }

    fn grew(size: usize) {
        let live = LIVE.fetch_add(size, Relaxed) + size;
        PEAK.fetch_max(live, Relaxed);
    }

    /// The live heap and its peak since the last call (which starts a new peak), in a
    /// build counting its heap.
    pub fn take() -> Option<(usize, usize)> {
        if !cfg!(feature = "heap-count") {
            return None;
        }
        let live = LIVE.load(Relaxed);
        Some((live, PEAK.swap(live, Relaxed).max(live)))
    }
}

/// Times the steps of a build.
struct Steps {
    start: Instant,
    last: Instant,
    last_cpu: Option<Duration>,
    done: Vec<Step>,
}

/// The process's resident memory in KiB (Linux), for `--verbose`.
fn resident_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// The process's CPU time so far, all threads, user and system (Linux).
fn cpu_time() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // After the command name in parentheses: state, then 10 fields, then utime and
    // stime in clock ticks (USER_HZ, 100 per second on Linux).
    let mut fields = stat
        .get(stat.rfind(')')? + 1..)?
        .split_whitespace()
        .skip(11);
    let ticks: u64 = fields.next()?.parse::<u64>().ok()? + fields.next()?.parse::<u64>().ok()?;
    Some(Duration::from_millis(ticks * 10))
}

impl Steps {
    fn new() -> Steps {
        let now = Instant::now();
        Steps {
            start: now,
            last: now,
            last_cpu: cpu_time(),
            done: Vec::new(),
        }
    }
    fn finish(&mut self, name: &'static str) {
        let now = Instant::now();
        let cpu = cpu_time();
        self.done.push(Step {
            name,
            time: now - self.last,
            cpu: cpu.zip(self.last_cpu).map(|(c, l)| c.saturating_sub(l)),
            resident_kib: resident_kib(),
            heap: heap::take(),
        });
        self.last = now;
        self.last_cpu = cpu;
    }
}

/// Shows a path relative to the working directory when it is under it.
pub fn display_path(p: &Path) -> PathBuf {
    p.strip_prefix("./").unwrap_or(p).to_path_buf()
}

/// Reads `data/entities.toml` of the site into the knowledge, if there is one;
/// returns the knowledge and the file's text (part of the cache fingerprint).
pub fn load_knowledge(root: &Path) -> anyhow::Result<(Knowledge, String)> {
    let kb = Knowledge::builtin();
    let path = display_path(&root.join("data").join("entities.toml"));
    match std::fs::read_to_string(&path) {
        Ok(src) => {
            let kb = kb
                .with_site_data(&src)
                .map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
            Ok((kb, src))
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok((kb, String::new())),
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

/// A site loaded, extracted and assembled, ready to render; nothing written yet.
pub struct Prepared {
    pub output: output::files::SiteOutput,
    /// Articles that could not be loaded (only with `skip_bad`; otherwise an error).
    pub load_errors: Vec<error::SourceError>,
    pub drafts_skipped: usize,
    pub embargoed: usize,
    pub cache_hits: usize,
    cache: Option<(cache::FactsCache, std::collections::HashSet<u128>)>,
    pub content_dir: PathBuf,
    pub output_dir: PathBuf,
}

/// Runs the pipeline up to rendering: configuration, load, extract, assemble.
fn prepare(
    opts: &BuildOptions,
    steps: &mut Steps,
    progress: &Progress,
    release_bodies: bool,
) -> anyhow::Result<Prepared> {
    let root = &opts.root;
    let now = opts.now.unwrap_or_else(Utc::now);

    // 1. Configuration and knowledge.
    let mut config = Config::load(root)?;
    if let Some(url) = &opts.base_url {
        config.base_url = url.clone();
        config.validate(Path::new("--base-url"))?;
    }
    let tz = config.tz().map_err(anyhow::Error::msg)?;
    let (kb, kb_source) = load_knowledge(root)?;
    let output_dir = opts.output.clone().unwrap_or_else(|| root.join("public"));
    let content_dir = root.join("content");
    if !content_dir.is_dir() {
        bail!(
            "no `content` folder in `{}`: a site keeps its articles there",
            display_path(root).display()
        );
    }
    steps.finish("config");

    // 2. Load and extract, in parallel, each article as soon as it is read (so a big
    // archive's texts are never all in memory), reusing the facts of unchanged ones.
    let load_opts = LoadOptions {
        tz,
        drafts: opts.drafts,
        future: opts.future,
        now,
    };
    let facts_fingerprint = cache::fingerprint(&config.timezone, &kb_source);
    let cache = (!opts.no_cache).then(|| {
        let dir = opts
            .cache_dir
            .clone()
            .unwrap_or_else(|| root.join(".dateline-cache"));
        cache::FactsCache::new(dir, facts_fingerprint)
    });
    let hits = std::sync::atomic::AtomicUsize::new(0);
    let loaded = content::load_articles_with(
        &display_path(&content_dir),
        &load_opts,
        |n| progress.stage("Extracting", n),
        |a| {
            let key = cache.as_ref().map(|c| c.key(a.hash));
            let cached = cache.as_ref().zip(key).and_then(|(c, k)| c.get(k));
            let (facts, links) = match cached {
                Some(c) => {
                    hits.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    (c.facts, c.event_entities)
                }
                None => {
                    let facts = extract_article(&a, &kb, tz);
                    let event_entities = site::event_entities(&a.body, &facts);
                    let c = cache::Cached {
                        facts,
                        event_entities,
                    };
                    // A cache that cannot be written only costs the next build time.
                    if let (Some(cache), Some(k)) = (&cache, key) {
                        let _ = cache.put(k, &c);
                    }
                    (c.facts, c.event_entities)
                }
            };
            progress.inc();
            let mut brief =
                Brief::with_event_entities(a, site_facts(facts), &config, tz, Some(links));
            if release_bodies {
                brief.release_body();
            }
            (brief, key)
        },
    );
    if !loaded.errors.is_empty() && !opts.skip_bad {
        let lines: Vec<String> = loaded.errors.iter().map(ToString::to_string).collect();
        bail!(
            "{}\n{} file{} with errors; nothing was written (use --skip-bad to build without them)",
            lines.join("\n"),
            lines.len(),
            plural(lines.len())
        );
    }
    let used_keys: std::collections::HashSet<u128> =
        loaded.articles.iter().filter_map(|(_, k)| *k).collect();
    let briefs: Vec<Brief> = loaded.articles.into_iter().map(|(b, _)| b).collect();
    steps.finish("extract");

    // 4. Assemble the whole-site model.
    let mut site = site::assemble(briefs).map_err(|errs| {
        let lines: Vec<String> = errs.iter().map(ToString::to_string).collect();
        anyhow::anyhow!("{}\nnothing was written", lines.join("\n"))
    })?;
    site.files = loaded
        .loose_files
        .into_iter()
        .map(|(path, rel)| (path, output::files::slash_path(&rel)))
        .collect();
    steps.finish("assemble");

    // 5. Templates and the list of everything the site holds.
    let renderer = Renderer::new(&root.join("templates"), tz, &config.base_url)?;
    let build_time = now.with_timezone(&tz).fixed_offset();
    let mut output = output::files::SiteOutput::new(
        std::sync::Arc::new(site),
        std::sync::Arc::new(config),
        std::sync::Arc::new(renderer),
        root,
        build_time,
        false,
        None,
    )?;
    output.pass.facts_fingerprint = facts_fingerprint;
    steps.finish("templates");
    Ok(Prepared {
        output,
        load_errors: loaded.errors,
        drafts_skipped: loaded.drafts_skipped,
        embargoed: loaded.embargoed,
        cache_hits: hits.into_inner(),
        cache: cache.map(|c| (c, used_keys)),
        content_dir,
        output_dir,
    })
}

/// The facts a site keeps in memory: all but the time expressions, which no page
/// shows (events carry their dates) and which are a third of the facts' size.
/// `dateline facts` and the cache keep them whole.
/// Their lists and strings are trimmed to their length: grown by pushing (or by the
/// cache's deserializer), they hold a quarter more on average; the quotes, events
/// and figures share one text, each string in it once ([`extract::share`]).
fn site_facts(mut facts: Facts) -> Facts {
    facts.timexes = Vec::new();
    let f = &mut facts;
    extract::share(&mut f.quotes, &mut f.events, &mut f.figures);
    for p in &mut f.people {
        p.name.shrink_to_fit();
        p.roles.iter_mut().for_each(String::shrink_to_fit);
        p.roles.shrink_to_fit();
        p.aliases.iter_mut().for_each(String::shrink_to_fit);
        p.aliases.shrink_to_fit();
    }
    for e in f.places.iter_mut().chain(&mut f.organizations) {
        e.name.shrink_to_fit();
        e.aliases.iter_mut().for_each(String::shrink_to_fit);
        e.aliases.shrink_to_fit();
    }
    f.people.shrink_to_fit();
    f.places.shrink_to_fit();
    f.organizations.shrink_to_fit();
    facts
}

/// Builds the site at `opts.root` into its output folder.
pub fn build(opts: &BuildOptions) -> anyhow::Result<BuildReport> {
    let mut steps = Steps::new();
    let progress = Progress::new(opts.progress);
    let prepared = prepare(opts, &mut steps, &progress, true)?;
    let root = &opts.root;

    // 6. Render and write into a staging folder, then swap it in (or, in a dry run,
    // into a sink that only counts bytes).
    // With the cache, an incremental build: pages of the build before last whose
    // digest is unchanged are kept (see `output::keep`).
    let (written, pages_kept, dry_run_bytes) = if opts.dry_run {
        let sink = output::Discard::default();
        let written = prepared.output.write_all(&sink, &progress)?;
        steps.finish("render");
        (written, 0, Some(sink.bytes()))
    } else {
        let staging = Staging::begin_with(
            &prepared.output_dir,
            &Protected {
                root,
                content: &prepared.content_dir,
                others: &[&root.join("templates"), &root.join("static")],
            },
            opts.force,
            prepared.cache.as_ref().map(|(c, _)| c.dir().join("pages")),
        )?;
        let written = prepared.output.write_all(&staging, &progress)?;
        let pages_kept = staging.kept_pages();
        steps.finish("render");
        staging.commit()?;
        if let Some((c, used)) = &prepared.cache {
            c.prune(used);
        }
        steps.finish("swap");
        (written, pages_kept, None)
    };
    progress.finish();
    Ok(BuildReport {
        articles: prepared.output.pass.site.briefs.len(),
        pages: written,
        drafts_skipped: prepared.drafts_skipped,
        embargoed: prepared.embargoed,
        skipped: prepared
            .load_errors
            .iter()
            .map(ToString::to_string)
            .collect(),
        cache_hits: prepared.cache_hits,
        pages_kept,
        output: display_path(&prepared.output_dir),
        dry_run_bytes,
        steps: steps.done,
        total: steps.start.elapsed(),
    })
}

/// Prepares the site for `dateline check`: errors of single articles are collected,
/// not fatal, and nothing is written.
pub fn prepare_for_check(opts: &BuildOptions) -> anyhow::Result<Prepared> {
    let mut opts = opts.clone();
    opts.skip_bad = true;
    prepare(&opts, &mut Steps::new(), &Progress::new(false), false)
}
