//! Markdown and wire text to HTML, and the plain view extraction reads.
//!
//! Markdown is rendered by pulldown-cmark with tables, footnotes, strikethrough,
//! smart punctuation and heading ids. Text is always escaped by pulldown-cmark, so the
//! only ways for hostile content into a page are raw HTML and link targets: link
//! targets are checked here against a scheme allow-list, and raw HTML, when present,
//! sends the whole fragment through ammonia (which is slow enough that skipping it
//! for the common Markdown-only article is worth the branch).

use std::collections::HashMap;

use pulldown_cmark::{CowStr, Event, Options, Parser, Tag, TagEnd};

fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_SMART_PUNCTUATION
        | Options::ENABLE_HEADING_ATTRIBUTES
}

/// How deeply Markdown containers and raw HTML elements may nest, together, for raw
/// HTML to be sanitised. The HTML parser behind ammonia takes time proportional to
/// the depth for every element it opens, so 50,000 nested `<div>`s would take
/// minutes; past this depth (real articles stay far below it) raw HTML is shown as
/// escaped text instead, which needs no sanitising.
pub const MAX_HTML_NESTING: usize = 256;

/// Renders Markdown to HTML; with `sanitize`, raw HTML is cleaned and unsafe link
/// targets are dropped.
pub fn markdown_to_html(source: &str, sanitize: bool) -> String {
    let mut events: Vec<Event<'_>> = Parser::new_ext(source, options()).collect();
    if sanitize && nesting_depth(&events) > MAX_HTML_NESTING {
        for ev in &mut events {
            if let Event::Html(h) | Event::InlineHtml(h) = ev {
                *ev = Event::Text(std::mem::replace(h, CowStr::Borrowed("")));
            }
        }
    }
    let mut raw_html = false;
    for ev in &mut events {
        match ev {
            Event::Html(_) | Event::InlineHtml(_) => raw_html = true,
            Event::Start(Tag::Link { dest_url, .. })
            | Event::Start(Tag::Image { dest_url, .. })
                if sanitize && !is_safe_url(dest_url) =>
            {
                *dest_url = CowStr::Borrowed("#");
            }
            _ => {}
        }
    }
    add_heading_ids(&mut events);
    let mut html = String::with_capacity(source.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, events.into_iter());
    if sanitize && raw_html {
        sanitize_html(&html)
    } else {
        html
    }
}

/// An upper estimate of the deepest nesting of `events`, with raw HTML elements
/// counted in: an opening tag (not void, not self-closing) goes one deeper, a
/// closing tag one back. Unclosed tags make the estimate high, never low.
fn nesting_depth(events: &[Event<'_>]) -> usize {
    const VOID: &[&str] = &[
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr",
    ];
    let (mut depth, mut max) = (0usize, 0usize);
    for ev in events {
        match ev {
            Event::Start(_) => depth += 1,
            Event::End(_) => depth = depth.saturating_sub(1),
            Event::Html(h) | Event::InlineHtml(h) => {
                let b = h.as_bytes();
                let mut i = 0;
                while let Some(off) = b[i..].iter().position(|&c| c == b'<') {
                    i += off + 1;
                    if b.get(i) == Some(&b'/') {
                        depth = depth.saturating_sub(1);
                        continue;
                    }
                    let name_len = b[i..]
                        .iter()
                        .take_while(|c| c.is_ascii_alphanumeric())
                        .count();
                    if name_len == 0 || !b[i].is_ascii_alphabetic() {
                        continue;
                    }
                    let name = h[i..i + name_len].to_ascii_lowercase();
                    let end = b[i..].iter().position(|&c| c == b'>').map(|e| i + e);
                    let self_closing = end.is_some_and(|e| b[e - 1] == b'/');
                    if !self_closing && !VOID.contains(&name.as_str()) {
                        depth += 1;
                        max = max.max(depth);
                    }
                    i += name_len;
                }
            }
            _ => {}
        }
        max = max.max(depth);
    }
    max
}

/// Cleans an HTML fragment: no scripts, event handlers, iframes or unsafe URLs.
pub fn sanitize_html(html: &str) -> String {
    ammonia::Builder::default()
        .add_generic_attributes(["id", "class"])
        .add_tag_attributes("img", ["loading"])
        .url_schemes(["http", "https", "mailto", "tel"].into_iter().collect())
        .clean(html)
        .to_string()
}

/// True for relative URLs, fragments, and http(s)/mailto/tel links.
pub fn is_safe_url(url: &str) -> bool {
    let cleaned: String = url
        .chars()
        .filter(|c| !c.is_ascii_whitespace() && !c.is_control())
        .collect::<String>()
        .to_ascii_lowercase();
    match cleaned.find(':') {
        None => true,
        Some(colon) => {
            // A colon after the first `/`, `?` or `#` is part of a relative path.
            if cleaned[..colon].contains(['/', '?', '#']) {
                return true;
            }
            matches!(&cleaned[..colon], "http" | "https" | "mailto" | "tel")
        }
    }
}

/// Gives every heading without an explicit `{#id}` an id made from its text,
/// unique within the document.
fn add_heading_ids(events: &mut [Event<'_>]) {
    let mut used: HashMap<String, usize> = HashMap::new();
    let mut i = 0;
    while i < events.len() {
        if let Event::Start(Tag::Heading { id: None, .. }) = &events[i] {
            let mut text = String::new();
            let mut j = i + 1;
            while j < events.len() && !matches!(events[j], Event::End(TagEnd::Heading(_))) {
                if let Event::Text(t) | Event::Code(t) = &events[j] {
                    text.push_str(t);
                }
                j += 1;
            }
            let base = match slug::slugify(&text) {
                s if s.is_empty() => "section".to_string(),
                s => s,
            };
            let n = used.entry(base.clone()).or_insert(0);
            let id = if *n == 0 { base } else { format!("{base}-{n}") };
            *n += 1;
            if let Event::Start(Tag::Heading { id: slot, .. }) = &mut events[i] {
                *slot = Some(CowStr::from(id));
            }
            i = j;
        }
        i += 1;
    }
}

/// A view of Markdown `source` of the same byte length in which everything but text
/// is blanked out with spaces (newlines kept), so extraction reads prose and its
/// spans are offsets into the Markdown as written.
pub fn plain_view(source: &str) -> String {
    let mut out: Vec<u8> = source
        .bytes()
        .map(|b| if b == b'\n' { b'\n' } else { b' ' })
        .collect();
    // Code, headings, tables and image descriptions are not prose: sentences run
    // through them into the next paragraph, so they are left out.
    let mut skip = 0usize;
    for (ev, range) in Parser::new_ext(source, options()).into_offset_iter() {
        match ev {
            Event::Start(
                Tag::CodeBlock(_) | Tag::Heading { .. } | Tag::Table(_) | Tag::Image { .. },
            ) => skip += 1,
            Event::End(TagEnd::CodeBlock | TagEnd::Heading(_) | TagEnd::Table | TagEnd::Image) => {
                skip = skip.saturating_sub(1)
            }
            Event::Text(_) if skip == 0 => {
                out[range.clone()].copy_from_slice(&source.as_bytes()[range]);
            }
            _ => {}
        }
    }
    // Only whole UTF-8 sequences of the source were copied, the rest is ASCII.
    String::from_utf8(out).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// Renders wire text to HTML: one escaped `<p>` per paragraph, skipping the
/// paragraph at `skip` (the headline, shown as the title).
pub fn wire_to_html(body: &str, skip: [usize; 2]) -> String {
    let mut html = String::with_capacity(body.len() + body.len() / 8);
    for [s, e] in crate::extract::segment::paragraphs(body) {
        if s < skip[1] && e > skip[0] {
            continue;
        }
        html.push_str("<p>");
        // White space collapsed to single spaces.
        for (k, word) in body[s..e].split_whitespace().enumerate() {
            if k > 0 {
                html.push(' ');
            }
            escape_into(&mut html, word);
        }
        html.push_str("</p>\n");
    }
    html
}

/// Appends `s` to `out` with HTML's special characters escaped: the runs between
/// them are copied whole (all five are ASCII, so every run is whole UTF-8).
pub fn escape_into(out: &mut String, s: &str) {
    let mut start = 0;
    for (i, b) in s.bytes().enumerate() {
        let entity = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#39;",
            _ => continue,
        };
        out.push_str(&s[start..i]);
        out.push_str(entity);
        start = i + 1;
    }
    out.push_str(&s[start..]);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_tables_footnotes_and_strikethrough() {
        let html = markdown_to_html(
            "| a | b |\n|---|---|\n| 1 | 2 |\n\n~~old~~ new[^1]\n\n[^1]: Note.\n",
            true,
        );
        assert!(html.contains("<table>"), "{html}");
        assert!(html.contains("<del>old</del>"), "{html}");
        assert!(html.contains("footnote"), "{html}");
    }

    #[test]
    fn smart_punctuation_curls_quotes() {
        let html = markdown_to_html("\"Hi,\" she said -- it's late...", true);
        assert!(html.contains("“Hi,” she said – it’s late…"), "{html}");
    }

    #[test]
    fn headings_get_unique_ids() {
        let html = markdown_to_html("## The talks\n\n## The talks\n\n## Own {#mine}\n", true);
        assert!(html.contains("<h2 id=\"the-talks\">"), "{html}");
        assert!(html.contains("<h2 id=\"the-talks-1\">"), "{html}");
        assert!(html.contains("<h2 id=\"mine\">"), "{html}");
    }

    #[test]
    fn scripts_and_handlers_are_removed() {
        let html = markdown_to_html(
            "<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n<iframe src=\"https://e.com\"></iframe>",
            true,
        );
        assert!(!html.contains("script"), "{html}");
        assert!(!html.contains("onerror"), "{html}");
        assert!(!html.contains("iframe"), "{html}");
    }

    #[test]
    fn javascript_links_are_neutralised() {
        let html = markdown_to_html(
            "[x](javascript:alert(1)) [y](JaVa\tScRiPt:alert(1)) [z](/ok/)",
            true,
        );
        assert!(!html.to_lowercase().contains("javascript"), "{html}");
        assert!(html.contains("href=\"/ok/\""), "{html}");
    }

    #[test]
    fn deeply_nested_raw_html_is_escaped_not_parsed() {
        let deep = format!("<div>{}x<script>alert(1)</script>", "<i>".repeat(5000));
        let html = markdown_to_html(&deep, true);
        assert!(html.contains("&lt;div&gt;&lt;i&gt;"), "{}", &html[..100]);
        assert!(!html.contains("<script"));
        let shallow = markdown_to_html("<div><i>x</i></div>", true);
        assert!(shallow.contains("<div><i>x</i></div>"), "{shallow}");
    }

    #[test]
    fn nesting_depth_counts_containers_and_open_tags() {
        let events: Vec<Event<'_>> =
            Parser::new_ext("> > <div><b>x</b><br><img/></div>", options()).collect();
        // Two quotes and the HTML block, then `div` and `b` inside it.
        assert_eq!(nesting_depth(&events), 5);
    }

    #[test]
    fn raw_html_is_kept_when_sanitising_is_off() {
        let html = markdown_to_html("<aside>x</aside>", false);
        assert!(html.contains("<aside>"), "{html}");
    }

    #[test]
    fn safe_urls() {
        assert!(is_safe_url("https://e.com/a"));
        assert!(is_safe_url("../img.png"));
        assert!(is_safe_url("#top"));
        assert!(is_safe_url("/a:b/"));
        assert!(!is_safe_url("data:text/html,x"));
        assert!(!is_safe_url(" vbscript:x"));
    }

    #[test]
    fn plain_view_keeps_offsets_and_drops_markup() {
        let src =
            "# Talks **resume**\n\nSee [the report](https://e.com/r) now.\n\n```\ncode()\n```\n";
        let plain = plain_view(src);
        assert_eq!(plain.len(), src.len());
        assert!(!plain.contains("Talks"), "headings are left out: {plain:?}");
        let link = format!(
            "See  the report{} now.",
            " ".repeat("](https://e.com/r)".len())
        );
        assert!(plain.contains(&link), "{plain:?}");
        assert!(!plain.contains("code()"), "{plain:?}");
    }

    #[test]
    fn plain_view_keeps_multibyte_text() {
        let src = "*Bidens’* visit — “soon”.";
        let plain = plain_view(src);
        assert_eq!(plain.len(), src.len());
        assert!(plain.contains("Bidens’"));
    }

    #[test]
    fn escape_into_escapes_the_five_and_copies_the_rest() {
        let mut out = String::from("x");
        escape_into(&mut out, "“Tom & Jerry’s” <b>'hi'</b> \"é\"&&");
        assert_eq!(
            out,
            "x“Tom &amp; Jerry’s” &lt;b&gt;&#39;hi&#39;&lt;/b&gt; &quot;é&quot;&amp;&amp;"
        );
        let mut plain = String::new();
        escape_into(&mut plain, "");
        escape_into(&mut plain, "no specials, ünïcödé");
        assert_eq!(plain, "no specials, ünïcödé");
    }

    #[test]
    fn wire_paragraphs_are_escaped_and_headline_skipped() {
        let body = "Headline here\n\nA <b>bold</b> claim & more.\n\nNext.\n";
        let html = wire_to_html(body, [0, 13]);
        assert_eq!(
            html,
            "<p>A &lt;b&gt;bold&lt;/b&gt; claim &amp; more.</p>\n<p>Next.</p>\n"
        );
    }
}
