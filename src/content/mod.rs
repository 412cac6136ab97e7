//! Loading: walking `content/`, splitting front matter, reading wire text → [`Article`].
//!
//! Raw input (front-matter fields as written) is kept apart from the computed
//! article (dates read in the site's zone, slugs checked, authors merged). Files are
//! read and parsed in parallel; every error names its file, and the line and column
//! where there is one. Files beside an article (images, PDFs) travel with it.

pub mod date;
pub mod front_matter;
pub mod markdown;
pub mod wire;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset, NaiveDate, Utc};
use chrono_tz::Tz;
use rayon::prelude::*;
use serde::Serialize;

use crate::error::{Position, SourceError};

/// Articles larger than this are refused: no newsroom brief is this long, and the
/// limit keeps one broken file from taking the build's memory.
pub const MAX_ARTICLE_BYTES: usize = 16 * 1024 * 1024;

/// How an article was written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// Markdown with front matter.
    Markdown,
    /// Plain wire text; the headline paragraph is at this span of the body.
    Wire { headline: [usize; 2] },
}

/// One article, loaded and checked.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Article {
    /// The file, as the user would name it (`content/2023/austin.md`).
    pub path: PathBuf,
    pub format: Format,
    pub title: String,
    pub date: DateTime<FixedOffset>,
    pub updated: Option<DateTime<FixedOffset>>,
    /// One safe URL path segment.
    pub slug: String,
    pub description: Option<String>,
    pub authors: Vec<String>,
    pub tags: Vec<String>,
    pub source: Option<String>,
    pub location: Option<String>,
    pub draft: bool,
    pub image: Option<String>,
    /// The front matter's `[extra]` table, for templates.
    pub extra: serde_json::Value,
    /// The body as loaded: Markdown after the front matter, or wire text after the
    /// date line. Extraction spans are byte offsets into it.
    pub body: String,
    /// Files that travel with the article and are copied next to its page.
    pub assets: Vec<PathBuf>,
    /// XXH3-128 of the file's bytes: the build cache's key.
    pub hash: u128,
    /// The line of the file where `body` starts (from 1).
    pub body_line: usize,
    /// True when the front matter has no `date` and the file name gave it.
    pub dated_by_file_name: bool,
    /// True when `body` was let go after extraction to keep a big build's memory
    /// small; [`Article::text`] reads it again from the file.
    #[serde(skip)]
    pub body_released: bool,
    /// Where `body` starts in the file's bytes, when it is their end as they are
    /// (no carriage returns to normalise): [`Article::text`] then takes it from the
    /// bytes without parsing the front matter again.
    #[serde(skip)]
    pub body_start: Option<u32>,
}

impl Article {
    /// The body: in memory, or read again from the file when it was released. A
    /// file changed since it was loaded is an error (its facts are of the old text).
    pub fn text(&self) -> Result<std::borrow::Cow<'_, str>, SourceError> {
        if !self.body_released {
            return Ok(std::borrow::Cow::Borrowed(&self.body));
        }
        let bytes = read_article(&self.path)?;
        if xxhash_rust::xxh3::xxh3_128(&bytes) != self.hash {
            return Err(SourceError::new(
                &self.path,
                None,
                "changed while the site was being built: build again",
            ));
        }
        if let Some(body) = self
            .body_start
            .and_then(|start| bytes.get(start as usize..))
            .and_then(|b| std::str::from_utf8(b).ok())
        {
            return Ok(std::borrow::Cow::Owned(body.to_string()));
        }
        // The zone only places dates, which are already read; the body is the same.
        Ok(std::borrow::Cow::Owned(
            parse_article(&self.path, &bytes, chrono_tz::UTC)?.body,
        ))
    }
}

/// What the loader should keep and how to read dates.
#[derive(Clone, Copy, Debug)]
pub struct LoadOptions {
    pub tz: Tz,
    /// Keep articles marked `draft`.
    pub drafts: bool,
    /// Keep articles dated after `now` (embargoed).
    pub future: bool,
    /// The build time.
    pub now: DateTime<Utc>,
}

/// The result of loading a content folder: articles, or what a build made of each.
#[derive(Debug)]
pub struct Loaded<T = Article> {
    /// The articles kept, in path order.
    pub articles: Vec<T>,
    pub drafts_skipped: usize,
    pub embargoed: usize,
    /// Files that belong to no article, with their path relative to `content/`.
    pub loose_files: Vec<(PathBuf, PathBuf)>,
    /// One error per bad file.
    pub errors: Vec<SourceError>,
}

/// True for files Dateline reads as articles.
fn is_article(path: &Path) -> bool {
    matches!(
        path.extension().and_then(|e| e.to_str()),
        Some("md" | "markdown" | "txt")
    )
}

/// True for hidden files and editor or OS leftovers, which are never read or copied.
pub fn is_ignored(name: &str) -> bool {
    name.starts_with('.')
        || name.ends_with('~')
        || name.starts_with('#')
        || name.ends_with(".swp")
        || name.ends_with(".swo")
        || name.ends_with(".swx")
        || name.ends_with(".tmp")
        || name.ends_with(".bak")
        || name == "Thumbs.db"
        || name == "desktop.ini"
}

impl<T> Default for Loaded<T> {
    fn default() -> Self {
        Loaded {
            articles: Vec::new(),
            drafts_skipped: 0,
            embargoed: 0,
            loose_files: Vec::new(),
            errors: Vec::new(),
        }
    }
}

/// Loads every article under `content_dir`; `display_root` is how paths are shown.
pub fn load_articles(content_dir: &Path, opts: &LoadOptions) -> Loaded {
    load_articles_with(content_dir, opts, |_| {}, |a| a)
}

/// Loads every article under `content_dir` and hands each one kept, as soon as it
/// is read, to `keep` (in parallel): a build extracts its facts there, so that the
/// texts of a whole archive are never in memory at once. `found` hears how many
/// article files there are before the first is read.
pub fn load_articles_with<T: Send>(
    content_dir: &Path,
    opts: &LoadOptions,
    found: impl FnOnce(usize),
    keep: impl Fn(Article) -> T + Sync,
) -> Loaded<T> {
    let mut loaded = Loaded::default();
    // Walk: articles and other files per directory.
    let mut dirs: BTreeMap<PathBuf, (Vec<PathBuf>, Vec<PathBuf>)> = BTreeMap::new();
    let walker = walkdir::WalkDir::new(content_dir)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !is_ignored(&e.file_name().to_string_lossy()));
    for entry in walker {
        match entry {
            Ok(e) if e.file_type().is_file() => {
                let dir = e.path().parent().unwrap_or(content_dir).to_path_buf();
                let slot = dirs.entry(dir).or_default();
                if is_article(e.path()) {
                    slot.0.push(e.path().to_path_buf());
                } else {
                    slot.1.push(e.path().to_path_buf());
                }
            }
            Ok(_) => {}
            Err(err) => {
                let path = err.path().unwrap_or(content_dir).to_path_buf();
                let msg = if err.loop_ancestor().is_some() {
                    "symbolic link loop: this link points back to a folder that contains it"
                        .to_string()
                } else {
                    err.io_error()
                        .map_or_else(|| err.to_string(), |e| e.to_string())
                };
                loaded.errors.push(SourceError::new(&path, None, msg));
            }
        }
    }
    // Assets: a folder with one article is its bundle; in a shared folder, a file
    // goes with the article whose name it starts with; the rest are loose files.
    let mut jobs: Vec<(PathBuf, Vec<PathBuf>)> = Vec::new();
    for (_, (articles, others)) in dirs {
        if articles.len() == 1 {
            jobs.push((articles[0].clone(), others));
            continue;
        }
        let mut assigned = vec![false; others.len()];
        for a in &articles {
            let stem = a
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            let mut mine = Vec::new();
            for (i, o) in others.iter().enumerate() {
                let name = o
                    .file_name()
                    .map(|s| s.to_string_lossy().into_owned())
                    .unwrap_or_default();
                if !assigned[i] && name.len() > stem.len() && name.starts_with(&stem) {
                    let sep = name.as_bytes()[stem.len()];
                    if matches!(sep, b'.' | b'-' | b'_') {
                        assigned[i] = true;
                        mine.push(o.clone());
                    }
                }
            }
            jobs.push((a.clone(), mine));
        }
        for (i, o) in others.into_iter().enumerate() {
            if !assigned[i] {
                let rel = o.strip_prefix(content_dir).unwrap_or(&o).to_path_buf();
                loaded.loose_files.push((o, rel));
            }
        }
    }
    enum Outcome<T> {
        Kept(T),
        Draft,
        Embargoed,
    }
    found(jobs.len());
    // In short runs: rayon splits by count, and a long share left at the end keeps
    // one core busy while the other idles.
    let results: Vec<Result<Outcome<T>, SourceError>> = jobs
        .into_par_iter()
        .with_max_len(16)
        .map(|(path, assets)| {
            let bytes = read_article(&path)?;
            let mut a = parse_article(&path, &bytes, opts.tz)?;
            drop(bytes);
            a.assets = assets;
            Ok(if a.draft && !opts.drafts {
                Outcome::Draft
            } else if a.date > opts.now && !opts.future {
                Outcome::Embargoed
            } else {
                Outcome::Kept(keep(a))
            })
        })
        .collect();
    for r in results {
        match r {
            Ok(Outcome::Draft) => loaded.drafts_skipped += 1,
            Ok(Outcome::Embargoed) => loaded.embargoed += 1,
            Ok(Outcome::Kept(t)) => loaded.articles.push(t),
            Err(e) => loaded.errors.push(e),
        }
    }
    loaded
}

/// Reads an article file, refusing one larger than [`MAX_ARTICLE_BYTES`] from its
/// size before reading it (and never reading more than the limit, should the file
/// grow or not know its size), so one huge file costs neither time nor memory.
pub fn read_article(path: &Path) -> Result<Vec<u8>, SourceError> {
    use std::io::Read;
    let failed = |e: std::io::Error| SourceError::new(path, None, format!("failed to read: {e}"));
    let file = std::fs::File::open(path).map_err(failed)?;
    let len = file.metadata().map_err(failed)?.len();
    if len > MAX_ARTICLE_BYTES as u64 {
        return Err(too_large(path, len));
    }
    let mut bytes = Vec::with_capacity(len as usize);
    file.take(MAX_ARTICLE_BYTES as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(failed)?;
    if bytes.len() > MAX_ARTICLE_BYTES {
        return Err(too_large(path, bytes.len() as u64));
    }
    Ok(bytes)
}

fn too_large(path: &Path, len: u64) -> SourceError {
    SourceError::new(
        path,
        None,
        format!(
            "{len} bytes is larger than the {} MiB an article may have",
            MAX_ARTICLE_BYTES >> 20
        ),
    )
}

/// Decodes file bytes as UTF-8 text: BOM dropped, CRLF made LF, NUL refused.
///
/// A NUL byte is looked for first: it marks a binary file (an image saved as
/// `.md`), which deserves that name rather than a complaint about its encoding.
pub fn decode(path: &Path, bytes: &[u8]) -> Result<String, SourceError> {
    if bytes.len() > MAX_ARTICLE_BYTES {
        return Err(too_large(path, bytes.len() as u64));
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if let Some(nul) = bytes.iter().position(|&b| b == 0) {
        let before = String::from_utf8_lossy(&bytes[..nul]);
        return Err(SourceError::new(
            path,
            Some(Position::of_offset(&before, before.len())),
            "a NUL byte: this looks like a binary file, not an article",
        ));
    }
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let valid = std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap_or_default();
        let pos = Position::of_offset(valid, valid.len());
        SourceError::new(
            path,
            Some(pos),
            "not valid UTF-8 text (save the file as UTF-8)",
        )
    })?;
    Ok(if text.contains('\r') {
        text.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        text.to_string()
    })
}

/// Parses one article file.
pub fn parse_article(path: &Path, bytes: &[u8], tz: Tz) -> Result<Article, SourceError> {
    let text = decode(path, bytes)?;
    if text.trim().is_empty() {
        return Err(SourceError::new(
            path,
            None,
            "empty file: an article needs a date, a title and text",
        ));
    }
    let is_wire = path.extension().is_some_and(|e| e == "txt");
    let mut article = if is_wire {
        parse_wire(path, &text, tz)?
    } else {
        parse_markdown(path, &text, tz)?
    };
    article.hash = xxhash_rust::xxh3::xxh3_128(bytes);
    let start = bytes.len().checked_sub(article.body.len());
    if start.is_some_and(|s| &bytes[s..] == article.body.as_bytes()) {
        article.body_start = start.and_then(|s| u32::try_from(s).ok());
    }
    Ok(article)
}

fn parse_wire(path: &Path, text: &str, tz: Tz) -> Result<Article, SourceError> {
    let w = wire::parse(text, path)?;
    let date = midnight(w.date, tz).ok_or_else(|| {
        SourceError::new(
            path,
            None,
            format!("{} has no midnight in time zone {tz}", w.date),
        )
    })?;
    if w.headline.is_empty() {
        return Err(SourceError::new(
            path,
            None,
            "wire text has a date line but no text",
        ));
    }
    let slug = slug_from_words(&w.headline);
    Ok(Article {
        path: path.to_path_buf(),
        format: Format::Wire {
            headline: w.headline_span,
        },
        title: w.headline,
        date,
        updated: None,
        slug,
        description: None,
        authors: Vec::new(),
        tags: Vec::new(),
        source: None,
        location: None,
        draft: false,
        image: None,
        extra: serde_json::Value::Object(Default::default()),
        body: w.body.to_string(),
        assets: Vec::new(),
        hash: 0,
        body_line: text[..w.body_offset].matches('\n').count() + 1,
        body_released: false,
        body_start: None,
        dated_by_file_name: false,
    })
}

fn parse_markdown(path: &Path, text: &str, tz: Tz) -> Result<Article, SourceError> {
    let split = front_matter::split(text, path)?;
    let raw = front_matter::parse(&split, path)?;
    let field_error = |key: &str, msg: String| {
        SourceError::new(
            path,
            front_matter::key_position(&split, key),
            format!("`{key}`: {msg}"),
        )
    };
    let title = match raw.title.as_deref().map(str::trim) {
        Some(t) if !t.is_empty() => t.to_string(),
        _ => {
            return Err(SourceError::new(
                path,
                Some(Position { line: 1, column: 1 }),
                "the front matter has no `title`",
            ));
        }
    };
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let date = match &raw.date {
        Some(d) => date::parse_date(&d.as_text(), tz).map_err(|m| field_error("date", m))?,
        None => match file_name_date(&stem).and_then(|d| midnight(d, tz)) {
            Some(d) => d,
            None => {
                return Err(SourceError::new(
                    path,
                    Some(Position { line: 1, column: 1 }),
                    "no date: set `date` in the front matter or start the file name with YYYY-MM-DD-",
                ));
            }
        },
    };
    let updated = match &raw.updated {
        Some(d) => Some(date::parse_date(&d.as_text(), tz).map_err(|m| field_error("updated", m))?),
        None => None,
    };
    let slug = match &raw.slug {
        Some(s) => checked_slug(s).map_err(|m| field_error("slug", m))?,
        None => {
            let base = if stem == "index" || stem == "_index" {
                path.parent()
                    .and_then(|p| p.file_name())
                    .map(|s| s.to_string_lossy().into_owned())
                    .unwrap_or_default()
            } else {
                stem.clone()
            };
            let base = strip_date_prefix(&base);
            match slug::slugify(base) {
                s if s.is_empty() => slug_from_words(&title),
                s => truncate_slug(s),
            }
        }
    };
    let mut authors = raw.authors;
    if let Some(a) = raw.author {
        authors.insert(0, a);
    }
    authors.retain(|a| !a.trim().is_empty());
    let mut tags: Vec<String> = Vec::new();
    for t in raw.tags {
        let t = t.trim().to_string();
        if !t.is_empty() && !tags.contains(&t) {
            tags.push(t);
        }
    }
    Ok(Article {
        path: path.to_path_buf(),
        format: Format::Markdown,
        title,
        date,
        updated,
        slug,
        description: raw.description.filter(|d| !d.trim().is_empty()),
        authors,
        tags,
        source: raw.source,
        location: raw.location,
        draft: raw.draft,
        image: raw.image,
        extra: raw
            .extra
            .unwrap_or_else(|| serde_json::Value::Object(Default::default())),
        body: split.body.to_string(),
        assets: Vec::new(),
        hash: 0,
        body_line: text[..split.body_offset].matches('\n').count() + 1,
        body_released: false,
        body_start: None,
        dated_by_file_name: raw.date.is_none(),
    })
}

fn midnight(d: NaiveDate, tz: Tz) -> Option<DateTime<FixedOffset>> {
    date::local(d.and_time(chrono::NaiveTime::MIN), tz)
}

/// `2023-03-08-austin-visits` → 2023-03-08.
fn file_name_date(stem: &str) -> Option<NaiveDate> {
    stem.get(..10)
        .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
}

/// `2023-03-08-austin-visits` → `austin-visits`.
fn strip_date_prefix(stem: &str) -> &str {
    if file_name_date(stem).is_some() {
        stem[10..].trim_start_matches(['-', '_', ' '])
    } else {
        stem
    }
}

/// The longest slug Dateline makes from words; well under file-name limits.
const MAX_SLUG_BYTES: usize = 80;

fn truncate_slug(mut s: String) -> String {
    if s.len() > MAX_SLUG_BYTES {
        let mut cut = MAX_SLUG_BYTES;
        while !s.is_char_boundary(cut) {
            cut -= 1;
        }
        s.truncate(cut);
        if let Some(dash) = s.rfind('-').filter(|&d| d > MAX_SLUG_BYTES / 2) {
            s.truncate(dash);
        }
    }
    s.trim_end_matches('-').to_string()
}

/// A slug from a headline: its first words, slugified.
pub fn slug_from_words(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().take(10).collect();
    match truncate_slug(slug::slugify(words.join(" "))) {
        s if s.is_empty() => "article".to_string(),
        s => s,
    }
}

/// Checks a slug given in front matter: it must become one safe path segment.
pub fn checked_slug(s: &str) -> Result<String, String> {
    if s.contains('/') || s.contains('\\') {
        return Err(format!(
            "`{}` contains a path separator: a slug is one URL segment",
            s.escape_default()
        ));
    }
    if s.contains("..") {
        return Err(format!("`{}` contains `..`", s.escape_default()));
    }
    if s.contains('\0') || s.chars().any(char::is_control) {
        return Err("the slug contains control characters".to_string());
    }
    // Slugifying can lengthen (`北京` becomes `bei-jing`): the limit is on the result.
    let slug = slug::slugify(s);
    if slug.len() > 255 {
        return Err(format!(
            "the slug is {} bytes long as a URL; at most 255 fit in a file name",
            slug.len()
        ));
    }
    if slug.is_empty() {
        return Err(format!("`{s}` has no letters or digits to make a URL from"));
    }
    Ok(slug)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(name: &str, text: &str) -> Result<Article, SourceError> {
        parse_article(Path::new(name), text.as_bytes(), chrono_tz::Asia::Baghdad)
    }

    #[test]
    fn markdown_article_with_toml() {
        let a = parse(
            "content/a.md",
            "+++\ntitle = \"Talks resume\"\ndate = 2023-03-08\ntags = [\"Iraq\", \"Iraq\", \"talks\"]\nauthor = \"Jane Doe\"\n+++\nBody.\n",
        )
        .unwrap();
        assert_eq!(a.title, "Talks resume");
        assert_eq!(a.date.to_rfc3339(), "2023-03-08T00:00:00+03:00");
        assert_eq!(a.slug, "a");
        assert_eq!(a.tags, ["Iraq", "talks"]);
        assert_eq!(a.authors, ["Jane Doe"]);
        assert_eq!(a.body, "Body.\n");
    }

    #[test]
    fn slug_comes_from_file_name_without_date() {
        let a = parse(
            "content/2023-03-08-austin-in-baghdad.md",
            "---\ntitle: T\n---\nx\n",
        )
        .unwrap();
        assert_eq!(a.slug, "austin-in-baghdad");
        assert_eq!(a.date.date_naive().to_string(), "2023-03-08");
    }

    #[test]
    fn bundle_slug_comes_from_folder() {
        let a = parse(
            "content/austin-visit/index.md",
            "+++\ntitle = \"T\"\ndate = 2023-01-01\n+++\n",
        )
        .unwrap();
        assert_eq!(a.slug, "austin-visit");
    }

    #[test]
    fn wire_article_takes_title_from_first_paragraph() {
        let a = parse(
            "content/001.txt",
            "date 2023-03-08\n\nIn Baghdad, talks resume.\n\nBody text.\n",
        )
        .unwrap();
        assert_eq!(a.title, "In Baghdad, talks resume.");
        assert_eq!(a.slug, "in-baghdad-talks-resume");
        assert!(matches!(a.format, Format::Wire { .. }));
        assert!(a.body.contains("Body text."));
    }

    #[test]
    fn bom_and_crlf_are_normalised() {
        let a = parse(
            "content/a.md",
            "\u{feff}+++\r\ntitle = \"T\"\r\ndate = 2023-03-08\r\n+++\r\nLine one\r\nLine two\r\n",
        )
        .unwrap();
        assert_eq!(a.body, "Line one\nLine two\n");
    }

    #[test]
    fn invalid_utf8_names_the_line() {
        let e = parse_article(
            Path::new("a.md"),
            b"+++\ntitle = \"\xff\"\n",
            chrono_tz::UTC,
        )
        .unwrap_err();
        assert_eq!(
            e.to_string(),
            "a.md:2:10: not valid UTF-8 text (save the file as UTF-8)"
        );
    }

    #[test]
    fn binary_files_are_refused() {
        let e = parse_article(Path::new("a.md"), b"+++\x00\x01", chrono_tz::UTC).unwrap_err();
        assert!(e.message.contains("binary"), "{e}");
    }

    #[test]
    fn binary_files_are_named_before_their_encoding() {
        let png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR";
        let e = parse_article(Path::new("a.md"), png, chrono_tz::UTC).unwrap_err();
        assert!(e.message.contains("binary file"), "{e}");
    }

    #[test]
    fn oversized_files_are_refused_from_their_size() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big.md");
        let f = std::fs::File::create(&path).unwrap();
        f.set_len(MAX_ARTICLE_BYTES as u64 + 1).unwrap();
        let e = read_article(&path).unwrap_err();
        assert!(e.message.contains("larger than the 16 MiB"), "{e}");
    }

    #[test]
    fn impossible_date_names_the_field_and_line() {
        let e = parse("a.md", "---\ntitle: T\ndate: 2023-02-30\n---\n").unwrap_err();
        assert_eq!(
            e.to_string(),
            "a.md:3:7: `date`: `2023-02-30` is not a real date (no such day)"
        );
    }

    #[test]
    fn missing_title_and_date_are_errors() {
        assert!(
            parse("a.md", "+++\ndate = 2023-01-01\n+++\n")
                .unwrap_err()
                .message
                .contains("title")
        );
        assert!(
            parse("a.md", "+++\ntitle = \"T\"\n+++\n")
                .unwrap_err()
                .message
                .contains("no date")
        );
    }

    #[test]
    fn empty_files_are_errors() {
        assert!(parse("a.md", "").unwrap_err().message.contains("empty"));
        assert!(
            parse("a.txt", "\n \n")
                .unwrap_err()
                .message
                .contains("empty")
        );
    }

    #[test]
    fn dangerous_slugs_are_refused() {
        for bad in ["../etc", "a/b", "/abs", "a\\b", "a\u{0}b", &"x".repeat(300)] {
            assert!(checked_slug(bad).is_err(), "{bad:?}");
        }
        assert_eq!(
            checked_slug("Austin In Baghdad").unwrap(),
            "austin-in-baghdad"
        );
    }

    #[test]
    fn slugs_that_grow_past_the_limit_are_refused() {
        // Found by the slug property test: under 255 bytes in, over 255 out.
        let s = "北京".repeat(40);
        assert_eq!(s.len(), 240);
        assert!(checked_slug(&s).is_err());
    }

    #[test]
    fn editor_leftovers_are_ignored() {
        for name in [".DS_Store", "a.md~", ".a.md.swp", "#a.md#", "x.swp"] {
            assert!(is_ignored(name), "{name}");
        }
        assert!(!is_ignored("a.md"));
    }
}
