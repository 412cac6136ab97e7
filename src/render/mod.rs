//! Rendering: the Tera environment, the embedded default theme, page contexts.
//!
//! The default templates and static files are compiled into the binary; a site's
//! own `templates/` and `static/` files override those of the same name, so an
//! editor changes the look by copying one file (`dateline init` writes them all out)
//! and editing it. Tera 2 checks every template when they are added (unknown filters,
//! missing includes, blocks missing from the parent) and its errors name the
//! template, line and column.

pub mod chart;
pub mod context;
pub mod filters;
pub mod jsonld;
pub mod pages;

use std::collections::BTreeMap;
use std::path::Path;

use anyhow::Context as _;
use chrono_tz::Tz;
use tera::{Context, Tera};

/// The default theme's templates, by name.
pub const TEMPLATES: &[(&str, &str)] = &[
    ("base.html", include_str!("../../templates/base.html")),
    ("index.html", include_str!("../../templates/index.html")),
    ("brief.html", include_str!("../../templates/brief.html")),
    (
        "timeline.html",
        include_str!("../../templates/timeline.html"),
    ),
    ("entity.html", include_str!("../../templates/entity.html")),
    (
        "entities.html",
        include_str!("../../templates/entities.html"),
    ),
    ("tag.html", include_str!("../../templates/tag.html")),
    ("tags.html", include_str!("../../templates/tags.html")),
    ("search.html", include_str!("../../templates/search.html")),
    ("404.html", include_str!("../../templates/404.html")),
    (
        "partials/card.html",
        include_str!("../../templates/partials/card.html"),
    ),
    (
        "partials/pagination.html",
        include_str!("../../templates/partials/pagination.html"),
    ),
    (
        "partials/event.html",
        include_str!("../../templates/partials/event.html"),
    ),
];

/// The default theme's static files, by path under `static/`.
pub const STATIC_FILES: &[(&str, &[u8])] = &[
    ("style.css", include_bytes!("../../static/style.css")),
    ("dateline.js", include_bytes!("../../static/dateline.js")),
];

/// The template environment of one site.
pub struct Renderer {
    tera: Tera,
    /// XXH3 of every template's name and source.
    fingerprint: u128,
    /// The template sources, joined (for [`Renderer::mentions`]).
    text: String,
}

impl Renderer {
    /// The default theme with the files of `site_templates` (if it exists) over it.
    pub fn new(site_templates: &Path, tz: Tz, base_url: &str) -> anyhow::Result<Renderer> {
        let mut sources: BTreeMap<String, String> = TEMPLATES
            .iter()
            .map(|(n, s)| (n.to_string(), s.to_string()))
            .collect();
        if site_templates.is_dir() {
            for entry in walkdir::WalkDir::new(site_templates).sort_by_file_name() {
                let entry = entry
                    .with_context(|| format!("failed to read `{}`", site_templates.display()))?;
                let name = entry.file_name().to_string_lossy();
                if !entry.file_type().is_file() || crate::content::is_ignored(&name) {
                    continue;
                }
                let rel = entry
                    .path()
                    .strip_prefix(site_templates)
                    .unwrap_or(entry.path());
                let key = rel
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy())
                    .collect::<Vec<_>>()
                    .join("/");
                let bytes = std::fs::read(entry.path())
                    .with_context(|| format!("failed to read `{}`", entry.path().display()))?;
                let text = String::from_utf8(bytes).map_err(|_| {
                    anyhow::anyhow!("{}: not valid UTF-8 text", entry.path().display())
                })?;
                sources.insert(key, text);
            }
        }
        Renderer::from_sources(sources, tz, base_url)
    }

    /// An environment from template sources by name.
    pub fn from_sources(
        sources: BTreeMap<String, String>,
        tz: Tz,
        base_url: &str,
    ) -> anyhow::Result<Renderer> {
        let mut tera = Tera::default();
        tera.autoescape_on([".html", ".htm", ".xml"]);
        filters::register(
            &mut tera,
            tz,
            format!("{}/", base_url.trim_end_matches('/')),
        );
        tera.add_raw_templates(sources.iter().map(|(n, s)| (n.as_str(), s.as_str())))
            .map_err(|e| anyhow::anyhow!("template error:\n{}", report(&e)))?;
        let mut text = String::new();
        for (name, source) in &sources {
            text.push_str(name);
            text.push('\0');
            text.push_str(source);
            text.push('\0');
        }
        let fingerprint = xxhash_rust::xxh3::xxh3_128(text.as_bytes());
        Ok(Renderer {
            tera,
            fingerprint,
            text,
        })
    }

    /// Renders template `name` into `out`, cleared first (Tera writes UTF-8: the
    /// bytes need no check before they are written to a file); errors carry Tera's
    /// report (template, line, column).
    pub fn render_into(&self, name: &str, ctx: &Context, out: &mut Vec<u8>) -> anyhow::Result<()> {
        out.clear();
        self.tera
            .render_to(name, ctx, &mut *out)
            .map_err(|e| anyhow::anyhow!("failed to render `{name}`:\n{}", report(&e)))
    }

    /// A hash of every template's name and source.
    pub fn fingerprint(&self) -> u128 {
        self.fingerprint
    }

    /// True when some template's source contains `word` (a site value's name).
    pub fn mentions(&self, word: &str) -> bool {
        self.text.contains(word)
    }

    /// True when the environment has a template of this name.
    pub fn has(&self, name: &str) -> bool {
        self.tera.get_template_names().any(|n| n == name)
    }
}

/// Tera's error with its cause chain.
fn report(e: &tera::Error) -> String {
    let mut out = e.to_string();
    let mut cause = std::error::Error::source(e);
    while let Some(c) = cause {
        out.push_str(&format!("\ncaused by: {c}"));
        cause = c.source();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with(name: &str, src: &str) -> anyhow::Result<Renderer> {
        let mut sources: BTreeMap<String, String> = TEMPLATES
            .iter()
            .map(|(n, s)| (n.to_string(), s.to_string()))
            .collect();
        sources.insert(name.to_string(), src.to_string());
        Renderer::from_sources(sources, chrono_tz::UTC, "https://n.example")
    }

    #[test]
    fn default_templates_load() {
        assert!(with("extra.html", "x").is_ok());
    }

    #[test]
    fn syntax_errors_name_template_and_line() {
        let err = with("404.html", "line one\n{% if %}\n")
            .err()
            .unwrap()
            .to_string();
        assert!(err.contains("404.html:2"), "{err}");
    }

    #[test]
    fn includes_outside_the_theme_are_refused() {
        let err = with("404.html", "{% include \"../../../etc/passwd\" %}")
            .err()
            .unwrap()
            .to_string();
        assert!(err.contains("etc/passwd"), "{err}");
    }
}
