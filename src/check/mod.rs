//! `dateline check`: what would be wrong with the site if it were published now.
//!
//! The site is prepared as a build would (nothing is written) and every page is
//! rendered in memory. Then: internal links and anchors are resolved against the
//! pages and files the site really has (links in an article's text are reported at
//! the article's file and line, the rest at the template); images need alt text;
//! pages nobody links to are orphans; articles without a date of their own, without
//! a summary, or dated in the future are named; and two entities claiming one alias
//! are shown. Errors make the command fail; warnings do not.

pub mod html;

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt;

use rayon::prelude::*;

use crate::BuildOptions;
use crate::error::Position;
use crate::render::pages::article_html;
use crate::site::Site;

/// How bad a finding is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
}

/// One thing found.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Finding {
    pub severity: Severity,
    /// The file or template at fault (`content/a.md`, `templates/brief.html`).
    pub source: String,
    pub position: Option<Position>,
    pub message: String,
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sev = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(f, "{sev}: {}", self.source)?;
        if let Some(p) = self.position {
            write!(f, ":{}:{}", p.line, p.column)?;
        }
        write!(f, ": {}", self.message)
    }
}

/// The result of a check.
#[derive(Clone, Debug, Default)]
pub struct Report {
    pub findings: Vec<Finding>,
    pub pages: usize,
    pub links: usize,
}

impl Report {
    pub fn errors(&self) -> usize {
        self.findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .count()
    }
    pub fn warnings(&self) -> usize {
        self.findings
            .iter()
            .filter(|f| f.severity == Severity::Warning)
            .count()
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for finding in &self.findings {
            writeln!(f, "{finding}")?;
        }
        write!(
            f,
            "Checked {} pages and {} links: {} error{}, {} warning{}",
            self.pages,
            self.links,
            self.errors(),
            if self.errors() == 1 { "" } else { "s" },
            self.warnings(),
            if self.warnings() == 1 { "" } else { "s" }
        )
    }
}

/// A rendered page: its ids and the links it makes.
struct Page {
    url: String,
    template: &'static str,
    ids: HashSet<String>,
    links: Vec<String>,
}

/// Runs every check on the site at `opts.root`.
pub fn check(opts: &BuildOptions) -> anyhow::Result<Report> {
    // Future-dated articles are checked too, and named.
    let mut opts = opts.clone();
    opts.future = true;
    let prepared = crate::prepare_for_check(&opts)?;
    let mut report = Report::default();
    for e in &prepared.load_errors {
        report.findings.push(Finding {
            severity: Severity::Error,
            source: e.path.display().to_string(),
            position: e.position,
            message: e.message.clone(),
        });
    }
    let out = &prepared.output;
    let site = &out.pass.site;
    let config = &out.pass.config;
    let base = config.base();

    // Render every page in memory.
    let listed = out.pass.pages();
    let rendered: Vec<anyhow::Result<Page>> = listed
        .par_iter()
        .map(|w| {
            let html = out
                .pass
                .render_url(&w.url)
                .unwrap_or_else(|| Ok(String::new()))?;
            Ok(scan(&w.url, w.template, &html))
        })
        .collect();
    let mut pages: HashMap<String, Page> = HashMap::new();
    for r in rendered {
        let page = r?;
        pages.insert(page.url.clone(), page);
    }
    report.pages = pages.len();
    let exists = |path: &str| pages.contains_key(path) || out.has_file(path);

    // Links in article text: reported at the article.
    let mut content_links: HashSet<(String, String)> = HashSet::new();
    for b in &site.briefs {
        let html = article_html(&b.article, config.sanitize_html)?;
        let source = b.article.path.display().to_string();
        for tag in html::tags(&html) {
            if tag.name == "img" && tag.attr("alt").is_none_or(|a| a.trim().is_empty()) {
                let src = tag.attr("src").unwrap_or("");
                report.findings.push(Finding {
                    severity: Severity::Error,
                    source: source.clone(),
                    position: locate(&b.article, src),
                    message: format!("image `{src}` has no alt text"),
                });
            }
            for link in link_targets(&tag) {
                content_links.insert((b.permalink.clone(), link.to_string()));
                if let Some(problem) = resolve(&b.permalink, link, &base, &pages, &exists) {
                    report.findings.push(Finding {
                        severity: Severity::Error,
                        source: source.clone(),
                        position: locate(&b.article, link),
                        message: problem,
                    });
                }
            }
        }
    }

    // Links of templates, once per template and target.
    let mut template_problems: BTreeMap<(&'static str, String), (usize, String)> = BTreeMap::new();
    let mut inbound: HashMap<String, usize> = HashMap::new();
    for page in pages.values() {
        for link in &page.links {
            report.links += 1;
            if let Some(target) = internal_path(&page.url, link, &base) {
                let target = target.split('#').next().unwrap_or("").to_string();
                if target != page.url {
                    *inbound.entry(target).or_default() += 1;
                }
            }
            if content_links.contains(&(page.url.clone(), link.clone())) {
                continue;
            }
            if let Some(problem) = resolve(&page.url, link, &base, &pages, &exists) {
                let e = template_problems
                    .entry((page.template, problem))
                    .or_insert((0, page.url.clone()));
                e.0 += 1;
            }
        }
    }
    for ((template, problem), (count, example)) in template_problems {
        report.findings.push(Finding {
            severity: Severity::Error,
            source: format!("templates/{template}"),
            position: None,
            message: format!(
                "{problem} (on {count} page{}, e.g. {example})",
                if count == 1 { "" } else { "s" }
            ),
        });
    }

    // Orphans: pages no other page links to.
    for w in &listed {
        if w.url != "/" && w.url != "/404.html" && !inbound.contains_key(&w.url) {
            report.findings.push(Finding {
                severity: Severity::Warning,
                source: w.url.clone(),
                position: None,
                message: "orphan page: no other page links to it".into(),
            });
        }
    }

    article_findings(site, &opts, &mut report);
    alias_findings(site, &mut report);
    // Forms of `data/entities.toml` given to two entities: the later one wins.
    let (kb, _) = crate::load_knowledge(&opts.root)?;
    for c in kb.alias_conflicts() {
        report.findings.push(Finding {
            severity: Severity::Warning,
            source: crate::display_path(&opts.root.join("data/entities.toml"))
                .display()
                .to_string(),
            position: None,
            message: format!(
                "`{}` is claimed by {} and by {} ({} gets it)",
                c.alias, c.first, c.second, c.second
            ),
        });
    }
    report.findings.sort();
    report.findings.dedup();
    Ok(report)
}

/// Articles without their own date or a summary, and articles dated in the future.
fn article_findings(site: &Site, opts: &BuildOptions, report: &mut Report) {
    let now = opts.now.unwrap_or_else(chrono::Utc::now);
    for b in &site.briefs {
        let a = &b.article;
        let source = a.path.display().to_string();
        let warn = |message: String| Finding {
            severity: Severity::Warning,
            source: source.clone(),
            position: None,
            message,
        };
        if a.date > now {
            report.findings.push(warn(format!(
                "dated {} in the future: embargoed, left out of builds until then",
                a.date.to_rfc3339()
            )));
        }
        if a.dated_by_file_name {
            report.findings.push(warn(
                "no `date` in the front matter: the date comes from the file name".into(),
            ));
        }
        if a.description.is_none() && !b.extracted_summary {
            report.findings.push(warn(
                "no summary: add a `description`, or a first paragraph".into(),
            ));
        }
    }
}

/// One alias used for two different entities of the same kind.
fn alias_findings(site: &Site, report: &mut Report) {
    for (kind, list) in [
        ("person", &site.entities.people),
        ("place", &site.entities.places),
        ("organization", &site.entities.organizations),
    ] {
        let mut owners: BTreeMap<String, Vec<&str>> = BTreeMap::new();
        for e in list.iter() {
            for a in &e.aliases {
                owners.entry(a.clone()).or_default().push(&e.name);
            }
        }
        for (alias, names) in owners {
            if names.len() > 1 {
                report.findings.push(Finding {
                    severity: Severity::Warning,
                    source: format!("{kind} `{alias}`"),
                    position: None,
                    message: format!("the alias is claimed by {}", names.join(" and ")),
                });
            }
        }
    }
}

/// The link-like attribute values of a tag.
fn link_targets<'a>(tag: &'a html::Tag<'_>) -> Vec<&'a str> {
    let mut out = Vec::new();
    match tag.name.as_str() {
        "a" | "area" => out.extend(tag.attr("href")),
        "link"
            if tag.attr("rel").is_some_and(|r| {
                r.contains("stylesheet") || r.contains("icon") || r.contains("alternate")
            }) =>
        {
            out.extend(tag.attr("href"))
        }
        "img" | "script" | "source" | "iframe" | "audio" | "video" => out.extend(tag.attr("src")),
        _ => {}
    }
    out
}

fn scan(url: &str, template: &'static str, html: &str) -> Page {
    let mut ids = HashSet::new();
    let mut links = Vec::new();
    for tag in html::tags(html) {
        if let Some(id) = tag.attr("id") {
            ids.insert(id.to_string());
        }
        if tag.name == "a"
            && let Some(name) = tag.attr("name")
        {
            ids.insert(name.to_string());
        }
        links.extend(link_targets(&tag).into_iter().map(str::to_string));
    }
    Page {
        url: url.to_string(),
        template,
        ids,
        links,
    }
}

/// The site path a link points to (with any `#fragment`), or `None` for links
/// outside the site.
fn internal_path(page: &str, link: &str, base: &str) -> Option<String> {
    let link = link.trim();
    if link.is_empty() {
        return None;
    }
    let link = match link.strip_prefix(base) {
        Some(rest) => format!("/{rest}"),
        None => link.to_string(),
    };
    let has_scheme = link.split_once(':').is_some_and(|(scheme, _)| {
        scheme
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic())
            && scheme
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '.' | '-'))
    });
    if link.starts_with("//") || has_scheme {
        return None;
    }
    let link = link.split('?').next().unwrap_or("").to_string();
    let (path, fragment) = match link.split_once('#') {
        Some((p, f)) => (p.to_string(), Some(f.to_string())),
        None => (link.clone(), None),
    };
    let joined = if path.is_empty() {
        page.to_string()
    } else if path.starts_with('/') {
        path
    } else {
        let dir = &page[..page.rfind('/').map_or(0, |i| i + 1)];
        format!("{dir}{path}")
    };
    // Normalise `.` and `..`.
    let mut segs: Vec<&str> = Vec::new();
    let trailing = joined.ends_with('/');
    for s in joined.split('/') {
        match s {
            "" | "." => {}
            ".." => {
                segs.pop();
            }
            s => segs.push(s),
        }
    }
    let mut out = format!("/{}", segs.join("/"));
    if trailing && out != "/" {
        out.push('/');
    }
    let out = percent_encoding::percent_decode_str(&out)
        .decode_utf8_lossy()
        .into_owned();
    Some(match fragment {
        Some(f) => format!("{out}#{f}"),
        None => out,
    })
}

/// What is wrong with `link` on page `page`, if anything.
fn resolve(
    page: &str,
    link: &str,
    base: &str,
    pages: &HashMap<String, Page>,
    exists: &dyn Fn(&str) -> bool,
) -> Option<String> {
    let target = internal_path(page, link, base)?;
    let (path, fragment) = match target.split_once('#') {
        Some((p, f)) => (p.to_string(), Some(f.to_string())),
        None => (target.clone(), None),
    };
    let path = path
        .strip_suffix("index.html")
        .map(str::to_string)
        .unwrap_or(path);
    if !exists(&path) {
        if !path.ends_with('/') && pages.contains_key(&format!("{path}/")) {
            return Some(format!(
                "link to `{link}` needs a trailing slash (`{path}/`)"
            ));
        }
        return Some(format!("link to `{link}`: no such page or file ({path})"));
    }
    match (fragment, pages.get(&path)) {
        (Some(f), Some(p)) if !f.is_empty() && f != "top" => {
            let id = percent_encoding::percent_decode_str(&f)
                .decode_utf8_lossy()
                .into_owned();
            (!p.ids.contains(&id)).then(|| format!("link to `{link}`: no `#{id}` anchor on {path}"))
        }
        _ => None,
    }
}

/// Where `needle` first appears in an article's text, as a position in its file.
fn locate(article: &crate::content::Article, needle: &str) -> Option<Position> {
    if needle.is_empty() {
        return None;
    }
    let body = &article.body;
    body.find(needle).map(|off| {
        let mut p = Position::of_offset(body, off);
        p.line += article.body_line - 1;
        p
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn internal_paths_resolve_relative_links() {
        let base = "https://n.example/";
        assert_eq!(
            internal_path("/a/b/", "../c/", base).as_deref(),
            Some("/a/c/")
        );
        assert_eq!(
            internal_path("/a/b/", "img.png", base).as_deref(),
            Some("/a/b/img.png")
        );
        assert_eq!(
            internal_path("/a/b/", "#x", base).as_deref(),
            Some("/a/b/#x")
        );
        assert_eq!(
            internal_path("/a/", "https://n.example/t/?q=1", base).as_deref(),
            Some("/t/")
        );
        assert_eq!(internal_path("/a/", "https://other.example/t/", base), None);
        assert_eq!(internal_path("/a/", "mailto:x@y.z", base), None);
        assert_eq!(internal_path("/a/", "//cdn.example/x.js", base), None);
    }
}
