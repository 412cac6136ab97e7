//! Hostile content: markup that could run script, in Markdown and in wire text, is
//! removed by default; front-matter values that try to break out of their context
//! (`</title><script>`) come out as text in every output: pages, JSON-LD, the three
//! feeds, the sitemaps and the search index. Checked on the built files.

use std::fs;
use std::path::Path;

use serde_json::Value;

use crate::html_check::{check_fragment, check_page};
use crate::support::{build, fixture, read, write};

/// A value that closes the element it is put in, opens a script, ends a CDATA
/// section, opens a comment and carries quotes and an ampersand.
const EVIL: &str = "</title><script>alert(\"x\")</script>]]><!-- ' & \"";

fn evil(field: &str) -> String {
    EVIL.replace('x', field)
}

/// TOML basic-string form of `s`.
fn toml_str(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

/// The Markdown body: every way of getting script into a page that the sanitiser
/// must stop.
const HOSTILE_BODY: &str = r#"LISBON, Nov 24 - The port said <script>alert("b1")</script> nothing.

<script>alert("b2")</script>

<img src=x onerror=alert("b3")> <IMG SRC=x OnError=alert("b4")>

<a href="javascript:alert('b5')">a</a> [b](javascript:alert('b6')) [c](JaVa&#x09;ScRiPt:alert('b7'))
[d]( javascript:alert('b8')) <a href="&#106;avascript:alert('b9')">e</a>

<iframe src="https://evil.example/"></iframe> <iframe srcdoc="<script>alert('b10')</script>"></iframe>

<div onclick="alert('b11')" onmouseover=alert('b12') style="x">text</div>

<svg onload=alert('b13')><script>alert('b14')</script></svg>

<math><mtext><table><mglyph><style><img src=x onerror=alert('b15')></style></mglyph></table></mtext></math>

<object data="javascript:alert('b16')"></object><embed src="x.swf"><form action="javascript:alert('b17')"><input formaction="javascript:alert('b18')"></form>

<meta http-equiv="refresh" content="0;url=javascript:alert('b19')"><base href="javascript:alert('b20')//"><link rel=import href=x>

![img](javascript:alert('b21')) ![img2](data:text/html,<script>alert('b22')</script>)

<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">f</a> <a href="vbscript:msgbox(1)">g</a>

[ref link][r]

[r]: javascript:alert('b23')

Mayor Ana Ribeiro said the ]]> and </script> markers were harmless.
"#;

const HOSTILE_WIRE: &str = r#"date 2025-11-24

<script>alert("w1")</script> Ferry crews in Lisbon <iframe src=x></iframe> strike

Union leader Joana Dias said <img src=x onerror=alert("w2")> talks had failed. <a href="javascript:alert('w3')">more</a>

The </script><script>alert("w4")</script> line ]]> ends here.
"#;

/// The `basic` site with a hostile Markdown article and a hostile wire text,
/// dated the day before the build so the Google News sitemap lists them too.
fn hostile_site() -> tempfile::TempDir {
    let site = fixture("basic");
    let front = format!(
        "+++\ntitle = {}\ndate = 2025-11-24T10:00:00Z\ndescription = {}\nauthor = {}\n\
         tags = [{}, \"Port\"]\nsource = {}\nlocation = {}\nimage = \"javascript:alert('i')\"\n\
         [extra]\nkicker = {}\n+++\n",
        toml_str(&evil("title")),
        toml_str(&evil("description")),
        toml_str(&evil("author")),
        toml_str(&evil("tag")),
        toml_str(&evil("source")),
        toml_str(&evil("location")),
        toml_str(&evil("kicker")),
    );
    write(
        site.path(),
        "content/2025-11-24-hostile.md",
        front + HOSTILE_BODY,
    );
    write(site.path(), "content/hostile-wire.txt", HOSTILE_WIRE);
    build(site.path()).unwrap();
    site
}

/// Every file of the built site with its path relative to `public/`.
fn built_files(root: &Path) -> Vec<(String, Vec<u8>)> {
    let public = root.join("public");
    walkdir::WalkDir::new(&public)
        .sort_by_file_name()
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e.path().strip_prefix(&public).unwrap();
            (
                rel.to_string_lossy().into_owned(),
                fs::read(e.path()).unwrap(),
            )
        })
        .collect()
}

#[test]
fn no_page_holds_anything_that_could_run() {
    let site = hostile_site();
    let mut pages = 0;
    for (rel, bytes) in built_files(site.path()) {
        if !rel.ends_with(".html") {
            continue;
        }
        pages += 1;
        let html = String::from_utf8(bytes).unwrap();
        // The theme's search and timeline pages have a form.
        let allowed: &[&str] = if rel == "search/index.html" || rel.starts_with("timeline/") {
            &["form"]
        } else {
            &[]
        };
        let checked = check_page(&html, allowed);
        assert!(checked.problems.is_empty(), "{rel}: {:?}", checked.problems);
        for block in &checked.json_ld {
            assert!(!block.contains('<'), "{rel}: JSON-LD holds `<`: {block}");
            serde_json::from_str::<Value>(block)
                .unwrap_or_else(|e| panic!("{rel}: JSON-LD does not parse: {e}"));
        }
    }
    assert!(pages > 20, "{pages} pages");
}

#[test]
fn no_output_file_holds_the_raw_breakout() {
    let site = hostile_site();
    for (rel, bytes) in built_files(site.path()) {
        let text = String::from_utf8_lossy(&bytes).to_ascii_lowercase();
        // Raw tags only: the same words as escaped text (`&lt;img onerror=…`) are
        // harmless, and the tokenizer-based test checks attributes.
        for needle in ["<script>alert", "</title><script"] {
            if let Some(at) = text.find(needle) {
                let from = text.floor_char_boundary(at.saturating_sub(30));
                let to = text.ceil_char_boundary((at + 100).min(text.len()));
                panic!("{rel} holds `{needle}`: …{}…", &text[from..to]);
            }
        }
    }
}

#[test]
fn front_matter_values_are_text_on_the_brief_page() {
    let site = hostile_site();
    let page = read(site.path(), "2025/11/24/hostile/index.html");
    let escaped_title = "&lt;/title&gt;&lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt;]]&gt;&lt;!-- &#39; &amp; &quot;";
    let title_el = &page[page.find("<title>").unwrap()..page.find("</title>").unwrap()];
    assert!(title_el.contains(escaped_title), "{title_el}");
    assert!(
        page.contains(&format!("<h1>{escaped_title}</h1>")),
        "{page}"
    );
    for field in ["description", "author", "source"] {
        let escaped = format!("&lt;/title&gt;&lt;script&gt;alert(&quot;{field}&quot;)");
        assert!(page.contains(&escaped), "{field} not shown escaped");
    }
    // The JSON-LD carries the values exactly, `\u003c`-escaped in the text.
    let ld = check_page(&page, &[]).json_ld;
    assert_eq!(ld.len(), 1);
    let v: Value = serde_json::from_str(&ld[0]).unwrap();
    assert_eq!(v["headline"], evil("title"));
    assert_eq!(v["description"], evil("description"));
    assert_eq!(v["author"][0]["name"], evil("author"));
    assert_eq!(v["keywords"][0], evil("tag"));
    // The dangerous image URL became a path under the page, not a script URL.
    assert!(crate::html_check::url_is_safe(
        v["image"][0].as_str().unwrap()
    ));
}

#[test]
fn markdown_and_wire_text_keep_their_words_but_no_markup() {
    let site = hostile_site();
    let md = read(site.path(), "2025/11/24/hostile/index.html");
    assert!(md.contains("The port said"), "the text stays");
    assert!(md.contains("Mayor Ana Ribeiro said the ]]&gt; and"));
    let wire_dir = site.path().join("public/2025/11/24");
    let wire = fs::read_dir(&wire_dir)
        .unwrap()
        .flatten()
        .find(|e| e.file_name() != "hostile")
        .unwrap();
    let wire = fs::read_to_string(wire.path().join("index.html")).unwrap();
    // Wire text is not HTML: its markup is shown as the text it is.
    assert!(
        wire.contains("talks had failed. &lt;a href=&quot;javascript:alert(&#39;w3&#39;)&quot;&gt;more&lt;/a&gt;"),
        "{wire}"
    );
    assert!(check_page(&wire, &[]).problems.is_empty());
}

#[test]
fn json_outputs_round_trip_the_values_and_hide_no_markup() {
    let site = hostile_site();
    let feed: Value = serde_json::from_str(&read(site.path(), "feed.json")).unwrap();
    let item = feed["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["url"].as_str().unwrap().ends_with("/hostile/"))
        .unwrap();
    assert_eq!(item["title"], evil("title"));
    assert_eq!(item["authors"][0]["name"], evil("author"));
    assert_eq!(item["tags"][0], evil("tag"));
    let content = item["content_html"].as_str().unwrap();
    let checked = check_fragment(content);
    assert!(checked.problems.is_empty(), "{:?}", checked.problems);

    let index: Value = serde_json::from_str(&read(site.path(), "search-index.json")).unwrap();
    let doc = index
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["url"].as_str().unwrap().ends_with("/hostile/"))
        .unwrap();
    assert_eq!(doc["title"], evil("title"));
    assert_eq!(doc["tags"][0], evil("tag"));
    // Safe even if someone pastes the JSON into a <script> block.
    for rel in ["feed.json", "search-index.json"] {
        assert!(!read(site.path(), rel).contains('<'), "{rel} holds `<`");
    }
    // The search page shows results with textContent, never as HTML.
    let js = read(site.path(), "dateline.js");
    assert!(!js.contains("innerHTML") && !js.contains("insertAdjacentHTML"));
}

#[test]
fn feeds_parse_and_carry_the_values_as_text() {
    let site = hostile_site();
    let atom_text = read(site.path(), "atom.xml");
    let atom = atom_syndication::Feed::read_from(atom_text.as_bytes()).unwrap();
    let entry = atom
        .entries()
        .iter()
        .find(|e| e.id().ends_with("/hostile/"))
        .unwrap();
    assert_eq!(entry.title().as_str(), evil("title"));
    assert_eq!(entry.authors()[0].name(), evil("author"));
    assert_eq!(entry.categories()[0].term(), evil("tag"));
    let html = entry.content().unwrap().value().unwrap();
    let checked = check_fragment(html);
    assert!(checked.problems.is_empty(), "atom: {:?}", checked.problems);

    let rss_text = read(site.path(), "rss.xml");
    let rss = rss::Channel::read_from(rss_text.as_bytes()).unwrap();
    let item = rss
        .items()
        .iter()
        .find(|i| i.link().unwrap().ends_with("/hostile/"))
        .unwrap();
    assert_eq!(item.title().unwrap(), evil("title"));
    assert_eq!(item.categories()[0].name(), evil("tag"));
    let checked = check_fragment(item.content().unwrap());
    assert!(checked.problems.is_empty(), "rss: {:?}", checked.problems);
    // RSS readers show the description as HTML: the summary arrives as text.
    let description = item.description().unwrap();
    assert!(check_fragment(description).problems.is_empty());
    assert!(
        description.starts_with("&lt;/title&gt;&lt;script&gt;alert(&quot;description&quot;)"),
        "{description}"
    );
    for (rel, text) in [("atom.xml", &atom_text), ("rss.xml", &rss_text)] {
        assert_only_elements(rel, text);
    }
}

#[test]
fn sitemaps_are_well_formed_and_escape_the_title() {
    let site = hostile_site();
    for rel in ["sitemap.xml", "news-sitemap.xml"] {
        assert_only_elements(rel, &read(site.path(), rel));
    }
    let news = read(site.path(), "news-sitemap.xml");
    assert!(
        news.contains(
            "<news:title>&lt;/title&gt;&lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt;]]&gt;&lt;!-- &#39; &amp; &quot;</news:title>"
        ),
        "{news}"
    );
}

/// Reads `xml` with an XML parser: it must be well formed, and no element may be
/// an HTML element smuggled in from content.
fn assert_only_elements(rel: &str, xml: &str) {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_str(xml);
    loop {
        match reader.read_event() {
            Ok(Event::Eof) => break,
            Ok(Event::Start(e) | Event::Empty(e)) => {
                let name = String::from_utf8_lossy(e.name().as_ref()).to_ascii_lowercase();
                for bad in ["script", "iframe", "img", "svg", "object"] {
                    assert!(!name.ends_with(bad), "{rel}: a <{name}> element");
                }
            }
            Ok(_) => {}
            Err(e) => panic!(
                "{rel} is not well-formed XML at {}: {e}",
                reader.error_position()
            ),
        }
    }
}

#[test]
fn values_a_site_template_shows_are_escaped_too() {
    let site = fixture("basic");
    write(
        site.path(),
        "templates/brief.html",
        "<p>{{ page.location }}|{{ page.extra.kicker | default(value=\"\") }}|{{ page.title }}</p>",
    );
    write(
        site.path(),
        "content/2025-11-24-hostile.md",
        format!(
            "+++\ntitle = {}\nlocation = {}\n[extra]\nkicker = {}\n+++\nText.\n",
            toml_str(&evil("title")),
            toml_str(&evil("location")),
            toml_str(&evil("kicker")),
        ),
    );
    build(site.path()).unwrap();
    let page = read(site.path(), "2025/11/24/hostile/index.html");
    assert!(check_fragment(&page).problems.is_empty(), "{page}");
    assert!(!page.contains("<script"), "{page}");
    assert_eq!(
        page.matches("&lt;/title&gt;&lt;script&gt;").count(),
        3,
        "{page}"
    );
}
