//! `dateline check`: what would be wrong if the site were published now.

use crate::support::{fixture, options, write};

fn check(root: &std::path::Path) -> dateline::check::Report {
    dateline::check::check(&options(root)).unwrap()
}

fn messages(r: &dateline::check::Report) -> Vec<String> {
    r.findings.iter().map(ToString::to_string).collect()
}

#[test]
fn a_clean_site_has_no_errors() {
    let site = fixture("basic");
    let r = check(site.path());
    assert_eq!(r.errors(), 0, "{:#?}", messages(&r));
    assert!(r.links > 0 && r.pages > 0);
}

#[test]
fn broken_links_and_anchors_in_content_point_at_the_article_line() {
    let site = fixture("basic");
    write(
        site.path(),
        "content/2023-08-01-links.md",
        "+++\ntitle = \"Links\"\ndate = 2023-08-01\n+++\nSee [the seagrass story](/2023/06/02/estuary-seagrass/).\n\nBut [this](/2023/06/02/no-such-story/) is gone,\nand [that anchor](/2023/06/02/estuary-seagrass/#nowhere) too.\n\n![](chart.png)\n",
    );
    let all = messages(&check(site.path()));
    let find = |needle: &str| {
        all.iter()
            .find(|m| m.contains(needle))
            .cloned()
            .unwrap_or_else(|| panic!("no `{needle}` in {all:#?}"))
    };
    let missing = find("no-such-story");
    assert!(missing.starts_with("error: "), "{missing}");
    assert!(
        missing.contains("2023-08-01-links.md:7:"),
        "line in the file: {missing}"
    );
    assert!(find("#nowhere").contains("no `#nowhere` anchor"));
    assert!(find("chart.png").contains("no alt text"));
    assert!(!all.iter().any(|m| m.contains("the seagrass story")));
}

#[test]
fn broken_template_links_are_reported_once_per_template() {
    let site = fixture("basic");
    write(
        site.path(),
        "templates/tag.html",
        "{% extends \"base.html\" %}{% block content %}<a href=\"/archive/\">Archive</a>{% endblock content %}",
    );
    let r = check(site.path());
    let hits: Vec<String> = messages(&r)
        .into_iter()
        .filter(|m| m.contains("/archive/"))
        .collect();
    assert_eq!(hits.len(), 1, "{hits:#?}");
    assert!(
        hits[0].starts_with("error: templates/tag.html: "),
        "{}",
        hits[0]
    );
    assert!(hits[0].contains("pages"), "{}", hits[0]);
}

#[test]
fn future_dated_and_dateless_articles_are_warned_about() {
    let site = fixture("basic");
    write(
        site.path(),
        "content/2024-02-02-from-name.md",
        "+++\ntitle = \"Dated by name\"\n+++\nText.\n",
    );
    let all = messages(&check(site.path()));
    assert!(
        all.iter()
            .any(|m| m.contains("2099-01-01-embargoed.md") && m.contains("future")),
        "{all:#?}"
    );
    assert!(
        all.iter()
            .any(|m| m.contains("2024-02-02-from-name.md") && m.contains("file name")),
        "{all:#?}"
    );
}

#[test]
fn bad_articles_are_errors_but_the_rest_is_checked() {
    let site = fixture("basic");
    write(site.path(), "content/broken.md", "+++\ntitle = \"x\n+++\n");
    let r = check(site.path());
    assert!(
        messages(&r)
            .iter()
            .any(|m| m.starts_with("error: ") && m.contains("broken.md:2:"))
    );
    assert!(r.pages > 10);
}

#[test]
fn check_exits_non_zero_on_errors() {
    let site = fixture("basic");
    let ok = std::process::Command::new(env!("CARGO_BIN_EXE_dateline"))
        .args(["check", "--root"])
        .arg(site.path())
        .output()
        .unwrap();
    assert!(
        ok.status.success(),
        "{}",
        String::from_utf8_lossy(&ok.stdout)
    );
    write(
        site.path(),
        "content/2023-08-01-x.md",
        "+++\ntitle = \"X\"\ndate = 2023-08-01\n+++\n[gone](/nowhere/)\n",
    );
    let bad = std::process::Command::new(env!("CARGO_BIN_EXE_dateline"))
        .args(["check", "--root"])
        .arg(site.path())
        .output()
        .unwrap();
    assert!(!bad.status.success());
    let out = String::from_utf8_lossy(&bad.stdout);
    assert!(out.contains("1 error"), "{out}");
}

#[test]
fn pages_nobody_links_to_are_orphans() {
    let site = fixture("basic");
    let plain = "{% extends \"base.html\" %}{% block content %}<p>plain</p>{% endblock content %}";
    write(site.path(), "templates/tags.html", plain);
    write(site.path(), "templates/brief.html", plain);
    write(
        site.path(),
        "templates/partials/card.html",
        "<p>{{ b.title }}</p>",
    );
    let all = messages(&check(site.path()));
    assert!(
        all.iter()
            .any(|m| m == "warning: /tags/port/: orphan page: no other page links to it"),
        "{all:#?}"
    );
}

#[test]
fn a_form_given_to_two_entities_in_the_data_file_is_named() {
    let site = fixture("basic");
    write(
        site.path(),
        "data/entities.toml",
        "[[person]]\nname = \"Ana Costa\"\naliases = [\"Costa\"]\n\n\
         [[person]]\nname = \"Rui Costa\"\naliases = [\"Costa\"]\n",
    );
    let all = messages(&check(site.path()));
    assert!(
        all.iter().any(|m| m.contains("entities.toml")
            && m.contains("`Costa` is claimed by Ana Costa and by Rui Costa")),
        "{all:#?}"
    );
}
