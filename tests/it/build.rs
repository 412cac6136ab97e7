//! Valid sites build into the pages of the output contract.

use std::path::Path;

use crate::support::{build, fixture, options, read, write};

#[test]
fn basic_site_builds_every_kind_of_page() {
    let site = fixture("basic");
    let report = build(site.path()).unwrap();
    assert_eq!(report.articles, 4, "draft and embargoed left out");
    assert_eq!(report.drafts_skipped, 1);
    assert_eq!(report.embargoed, 1);
    let out = site.path().join("public");
    for rel in [
        "index.html",
        "page/2/index.html",
        "timeline/index.html",
        "2021/04/12/port-authority-approves-dredging/index.html",
        "2023/06/02/estuary-seagrass/index.html",
        "2022/09/14/ferry-crews-in-lisbon-end-a-three-day-strike-after-the/index.html",
        "2020/08/20/2020-08-harbour-wall/index.html",
        "tags/index.html",
        "tags/port/index.html",
        "people/index.html",
        "places/index.html",
        "organizations/index.html",
        "search/index.html",
        "atom.xml",
        "rss.xml",
        "feed.json",
        "sitemap.xml",
        "news-sitemap.xml",
        "robots.txt",
        "404.html",
        "search-index.json",
        "style.css",
        ".dateline",
    ] {
        assert!(out.join(rel).is_file(), "missing {rel}");
    }
    assert!(!out.join("2023/06/05/draft-note").exists());
    assert!(!out.join("2099").exists());
}

#[test]
fn bundle_assets_are_copied_next_to_their_page() {
    let site = fixture("basic");
    build(site.path()).unwrap();
    let dir = "2020/08/20/2020-08-harbour-wall";
    assert!(
        site.path()
            .join("public")
            .join(dir)
            .join("wall.svg")
            .is_file()
    );
    let html = read(site.path(), &format!("{dir}/index.html"));
    assert!(html.contains("src=\"wall.svg\""), "{html}");
}

#[test]
fn brief_page_shows_title_date_in_site_zone_and_text() {
    let site = fixture("basic");
    build(site.path()).unwrap();
    let html = read(
        site.path(),
        "2021/04/12/port-authority-approves-dredging/index.html",
    );
    assert!(html.contains("<h1>Port authority approves dredging of the outer channel</h1>"));
    // 09:15+01:00 is 09:15 in Lisbon summer time.
    assert!(
        html.contains("Monday 12 April 2021, 09:15 WEST"),
        "date in the site zone"
    );
    assert!(html.contains("“We cannot let the largest ships go elsewhere,”"));
    assert!(html.contains("By Rita Calado"));
    assert!(html.contains("<link rel=\"canonical\" href=\"https://harbour.example.org/2021/04/12/port-authority-approves-dredging/\">"));
}

#[test]
fn timeline_groups_briefs_newest_first() {
    let site = fixture("basic");
    build(site.path()).unwrap();
    let html = read(site.path(), "timeline/index.html");
    let pos = |s: &str| html.find(s).unwrap_or_else(|| panic!("{s} missing"));
    assert!(pos("id=\"y2023\"") < pos("id=\"y2022\""));
    assert!(pos("id=\"y2022\"") < pos("id=\"y2021\""));
    assert!(pos("Seagrass returns") < pos("Ferry crews in Lisbon"));
    assert!(
        site.path()
            .join("public/timeline/2021/index.html")
            .is_file()
    );
}

#[test]
fn sitemap_lists_every_page_on_the_base_url() {
    let site = fixture("basic");
    let report = build(site.path()).unwrap();
    let xml = read(site.path(), "sitemap.xml");
    let urls = xml.matches("<loc>").count();
    assert_eq!(urls, report.pages - 1, "every page but the 404 page");
    assert!(xml.contains("<loc>https://harbour.example.org/2023/06/02/estuary-seagrass/</loc>"));
    assert!(!xml.contains("localhost"));
}

#[test]
fn wire_only_site_without_config_builds_under_its_date() {
    let site = fixture("wire-only");
    build(site.path()).unwrap();
    let dir = site.path().join("public/2023/03/08");
    let entries: Vec<_> = std::fs::read_dir(&dir).unwrap().flatten().collect();
    assert_eq!(entries.len(), 1);
    let html = std::fs::read_to_string(entries[0].path().join("index.html")).unwrap();
    assert!(html.contains("<h1>In Lisbon, Transport Minister Ana Ribeiro pledges"));
    // The headline paragraph is the title, not repeated in the text.
    let body_start = html.find("<div class=\"brief-body\">").unwrap();
    let body = &html[body_start..body_start + html[body_start..].find("</div>").unwrap()];
    assert!(
        !body.contains("pledges to keep the night ferries"),
        "{body}"
    );
    assert!(
        body.contains("<p>Transport Minister Ana Ribeiro made an unannounced visit"),
        "{body}"
    );
}

#[test]
fn drafts_and_future_are_built_when_asked() {
    let site = fixture("basic");
    let mut opts = options(site.path());
    opts.drafts = true;
    opts.future = true;
    let report = dateline::build(&opts).unwrap();
    assert_eq!(report.articles, 6);
    assert!(
        site.path()
            .join("public/2099/01/01/embargoed/index.html")
            .is_file()
    );
}

#[test]
fn output_and_base_url_can_be_given() {
    let site = fixture("basic");
    let out = site.path().join("elsewhere");
    let mut opts = options(site.path());
    opts.output = Some(out.clone());
    opts.base_url = Some("https://cdn.example.net/news/".into());
    dateline::build(&opts).unwrap();
    let xml = std::fs::read_to_string(out.join("sitemap.xml")).unwrap();
    assert!(
        xml.contains("https://cdn.example.net/news/2021/04/12/"),
        "{xml}"
    );
    assert!(!site.path().join("public").exists());
}

#[test]
fn site_templates_override_the_defaults() {
    let site = fixture("basic");
    write(
        site.path(),
        "templates/404.html",
        "{% extends \"base.html\" %}{% block content %}<p>Lost at sea</p>{% endblock content %}",
    );
    build(site.path()).unwrap();
    assert!(read(site.path(), "404.html").contains("Lost at sea"));
}

#[test]
fn site_static_files_override_the_defaults() {
    let site = fixture("basic");
    write(site.path(), "static/style.css", "body { color: teal; }");
    write(site.path(), "static/img/logo.svg", "<svg/>");
    build(site.path()).unwrap();
    assert_eq!(read(site.path(), "style.css"), "body { color: teal; }");
    assert!(Path::new(&site.path().join("public/img/logo.svg")).is_file());
}

#[test]
fn rebuild_replaces_the_old_site() {
    let site = fixture("basic");
    build(site.path()).unwrap();
    std::fs::remove_file(site.path().join("content/2023-06-02-estuary-seagrass.md")).unwrap();
    build(site.path()).unwrap();
    assert!(
        !site
            .path()
            .join("public/2023/06/02/estuary-seagrass")
            .exists()
    );
    let leftovers: Vec<String> = std::fs::read_dir(site.path())
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("dateline-tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn hostile_markup_is_removed_and_titles_escaped() {
    let site = fixture("basic");
    write(
        site.path(),
        "content/2023-07-01-hostile.md",
        "+++\ntitle = \"</title><script>alert(1)</script>\"\ndate = 2023-07-01\n+++\n<script>alert(2)</script>\n\n<img src=x onerror=alert(3)>\n\n[click](javascript:alert(4))\n",
    );
    build(site.path()).unwrap();
    for rel in [
        "2023/07/01/hostile/index.html",
        "index.html",
        "timeline/index.html",
        "atom.xml",
        "rss.xml",
    ] {
        let text = read(site.path(), rel);
        assert!(!text.contains("<script>alert"), "{rel}");
        assert!(!text.contains("onerror="), "{rel}");
        assert!(!text.contains("javascript:alert"), "{rel}");
    }
    let page = read(site.path(), "2023/07/01/hostile/index.html");
    let ld_start = page.find("application/ld+json").unwrap();
    let ld_end = page[ld_start..].find("</script>").unwrap();
    assert!(page[ld_start..ld_start + ld_end].contains("\\u003c/title\\u003e"));
}

#[test]
fn an_event_told_by_many_briefs_lists_the_newest_and_counts_the_rest() {
    let site = crate::support::empty_site();
    for day in 1..=15 {
        write(
            site.path(),
            &format!("content/dam-{day:02}.md"),
            format!(
                "+++\ntitle = \"Dam report {day}\"\ndate = 2023-03-{day:02}\n+++\n\n\
                 The council met on the dam again. In 2014, the Mosul dam was \
                 repaired by Italian engineers after cracks appeared.\n"
            ),
        );
    }
    build(site.path()).unwrap();
    let timeline = read(site.path(), "timeline/index.html");
    // One entry for the 2014 repair, citing the twelve newest briefs, then a count.
    assert_eq!(
        timeline.matches(">The Mosul dam was repaired by").count(),
        1,
        "{timeline}"
    );
    assert!(timeline.contains("and 3 more briefs"), "{timeline}");
    assert!(timeline.contains("/2023/03/15/dam-15/"));
    assert!(timeline.contains("/2023/03/04/dam-04/"));
    assert!(!timeline.contains("/2023/03/03/dam-03/\" title"));
}

#[test]
fn a_released_body_reads_back_the_same_from_every_kind_of_file() {
    let dir = tempfile::tempdir().unwrap();
    let files: [(&str, &[u8], bool); 5] = [
        (
            "a.md",
            b"+++\ntitle = \"A\"\ndate = 2023-06-02\n+++\nBody \xE2\x80\x94 one.\n",
            true,
        ),
        (
            "b.md",
            b"\xEF\xBB\xBF---\ntitle: B\ndate: 2023-06-02\n---\nBody two.\n",
            true,
        ),
        (
            "c.md",
            b"---\r\ntitle: C\r\ndate: 2023-06-02\r\n---\r\nLine one.\r\nLine two.\r\n",
            false,
        ),
        (
            "d.md",
            b"---\ntitle: D\ndate: 2023-06-02\n---\nOld Mac\rline ends.\n",
            false,
        ),
        (
            "e.txt",
            b"date 2023-06-02\n\nKYIV (Wire) - The wire text.\n\nMore of it.\n",
            true,
        ),
    ];
    for (name, bytes, as_is) in files {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        let mut article = dateline::content::parse_article(&path, bytes, chrono_tz::UTC)
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(article.body_start.is_some(), as_is, "{name}");
        let body = std::mem::take(&mut article.body);
        article.body_released = true;
        assert_eq!(article.text().unwrap(), body, "{name}");
    }
}

#[test]
fn brief_pages_read_the_text_again_and_refuse_a_file_changed_meanwhile() {
    use dateline::content::{LoadOptions, load_articles};
    let site = fixture("basic");
    let content = site.path().join("content");
    let opts = LoadOptions {
        tz: chrono_tz::UTC,
        drafts: true,
        future: true,
        now: crate::support::now(),
    };
    let mut article = load_articles(&content, &opts)
        .articles
        .into_iter()
        .find(|a| a.path.ends_with("2023-06-02-estuary-seagrass.md"))
        .expect("fixture article");
    let body = std::mem::take(&mut article.body);
    article.body_released = true;
    assert_eq!(article.text().unwrap(), body);
    std::fs::write(
        &article.path,
        "+++\ntitle = \"Other\"\ndate = 2023-06-02\n+++\nNew.\n",
    )
    .unwrap();
    let err = article.text().unwrap_err().to_string();
    assert!(err.contains("estuary-seagrass.md"), "{err}");
    assert!(
        err.contains("changed while the site was being built"),
        "{err}"
    );
}

#[test]
fn a_dry_run_renders_every_page_and_writes_nothing() {
    let site = fixture("basic");
    let real = build(site.path()).unwrap();
    let out = site.path().join("public");
    let written: u64 = walkdir::WalkDir::new(&out)
        .into_iter()
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().is_file() && e.file_name() != ".dateline")
        .map(|e| e.metadata().unwrap().len())
        .sum();
    let mut opts = options(site.path());
    opts.dry_run = true;
    opts.no_cache = true;
    opts.output = Some(site.path().join("dry"));
    let dry = dateline::build(&opts).unwrap();
    assert_eq!(dry.pages, real.pages);
    assert_eq!(dry.dry_run_bytes, Some(written));
    assert!(!site.path().join("dry").exists());
    assert!(
        dry.summary().ends_with("nothing written (--dry-run)"),
        "{}",
        dry.summary()
    );
    // An existing output folder is left as it is.
    opts.output = None;
    dateline::build(&opts).unwrap();
    assert!(out.join("index.html").is_file());
}
