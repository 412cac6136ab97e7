//! The build cache: unchanged articles reuse their facts; every change shows.

use std::fs;

use crate::support::{fixture, options, read, write};

fn build(root: &std::path::Path) -> dateline::BuildReport {
    dateline::build(&options(root)).unwrap()
}

const SEAGRASS: &str = "content/2023-06-02-estuary-seagrass.md";

#[test]
fn second_build_takes_every_fact_from_the_cache() {
    let site = fixture("basic");
    let first = build(site.path());
    assert_eq!(first.cache_hits, 0);
    let second = build(site.path());
    assert_eq!(second.cache_hits, second.articles);
    assert!(!read(site.path(), "2023/06/02/estuary-seagrass/index.html").is_empty());
}

#[test]
fn an_edited_article_is_extracted_again_and_shows() {
    let site = fixture("basic");
    build(site.path());
    let path = site.path().join(SEAGRASS);
    let text = fs::read_to_string(&path)
        .unwrap()
        .replace("120 hectares", "240 hectares");
    fs::write(&path, text).unwrap();
    let r = build(site.path());
    assert_eq!(r.cache_hits, r.articles - 1);
    assert!(read(site.path(), "2023/06/02/estuary-seagrass/index.html").contains("240 hectares"));
}

#[test]
fn a_renamed_article_keeps_its_facts_and_moves() {
    let site = fixture("basic");
    build(site.path());
    fs::rename(
        site.path().join(SEAGRASS),
        site.path().join("content/2023-06-02-seagrass-back.md"),
    )
    .unwrap();
    let r = build(site.path());
    assert_eq!(r.cache_hits, r.articles, "same bytes, same facts");
    assert!(
        site.path()
            .join("public/2023/06/02/seagrass-back/index.html")
            .is_file()
    );
    assert!(
        !site
            .path()
            .join("public/2023/06/02/estuary-seagrass")
            .exists()
    );
}

#[test]
fn a_deleted_article_leaves_site_and_cache() {
    let site = fixture("basic");
    build(site.path());
    let entries = |root: &std::path::Path| {
        walkdir::WalkDir::new(root.join(".dateline-cache/facts"))
            .into_iter()
            .flatten()
            .filter(|e| e.file_type().is_file())
            .count()
    };
    let before = entries(site.path());
    fs::remove_file(site.path().join(SEAGRASS)).unwrap();
    build(site.path());
    assert_eq!(
        entries(site.path()),
        before - 1,
        "its cache entry is pruned"
    );
    assert!(
        !site
            .path()
            .join("public/2023/06/02/estuary-seagrass")
            .exists()
    );
}

#[test]
fn a_template_change_shows_on_every_page() {
    let site = fixture("basic");
    build(site.path());
    write(
        site.path(),
        "templates/brief.html",
        "{% extends \"base.html\" %}{% block content %}<p class=\"mark\">{{ page.title }}</p>{% endblock content %}",
    );
    let r = build(site.path());
    assert_eq!(r.cache_hits, r.articles);
    assert!(
        read(site.path(), "2023/06/02/estuary-seagrass/index.html")
            .contains("<p class=\"mark\">Seagrass returns")
    );
}

#[test]
fn a_corrupt_cache_is_ignored() {
    let site = fixture("basic");
    build(site.path());
    let good = read(site.path(), "2023/06/02/estuary-seagrass/index.html");
    for e in walkdir::WalkDir::new(site.path().join(".dateline-cache"))
        .into_iter()
        .flatten()
    {
        if e.file_type().is_file() {
            fs::write(e.path(), b"\x00garbage{").unwrap();
        }
    }
    let r = build(site.path());
    assert_eq!(r.cache_hits, 0);
    assert_eq!(
        read(site.path(), "2023/06/02/estuary-seagrass/index.html"),
        good
    );
    assert_eq!(
        build(site.path()).cache_hits,
        r.articles,
        "the cache is repaired"
    );
}

#[test]
fn no_cache_extracts_everything_and_writes_nothing() {
    let site = fixture("basic");
    let mut opts = options(site.path());
    opts.no_cache = true;
    let r = dateline::build(&opts).unwrap();
    assert_eq!(r.cache_hits, 0);
    assert!(!site.path().join(".dateline-cache").exists());
}

#[test]
fn site_knowledge_change_invalidates_the_cache() {
    let site = fixture("basic");
    build(site.path());
    write(
        site.path(),
        "data/entities.toml",
        "[[person]]\nname = \"Joaquim Serra\"\naliases = [\"Serra\"]\n",
    );
    assert_eq!(build(site.path()).cache_hits, 0);
}
