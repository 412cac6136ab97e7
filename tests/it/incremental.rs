//! Incremental builds: after any change, a build that keeps pages of an earlier build
//! writes exactly the site a build from nothing writes.
//!
//! A generated site (the bench generator, 60 articles) goes through a sequence of
//! edits of every kind a newsroom makes; after each, the incremental build's output
//! is compared file by file with a `--no-cache` build of the same sources into
//! another folder. The kept tree lags two builds behind, so each comparison covers
//! the changes of two steps.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use crate::benchgen::sitegen;
use crate::support::options;

/// Every file of a built site but the marker (which names the build), by path.
fn tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e.path().strip_prefix(dir).unwrap();
            (
                rel.to_string_lossy().into_owned(),
                fs::read(e.path()).unwrap(),
            )
        })
        .filter(|(rel, _)| rel != ".dateline")
        .collect()
}

/// Builds incrementally into `public/` and from nothing into `reference/`; asserts
/// both hold the same files. Returns how many pages the incremental build kept.
fn check(root: &Path, step: &str) -> usize {
    let report = dateline::build(&options(root)).unwrap_or_else(|e| panic!("{step}: {e:#}"));
    let mut fresh = options(root);
    fresh.no_cache = true;
    fresh.output = Some(root.join("reference"));
    dateline::build(&fresh).unwrap_or_else(|e| panic!("{step} (reference): {e:#}"));
    let (got, want) = (tree(&root.join("public")), tree(&root.join("reference")));
    assert_same(step, &got, &want);
    report.pages_kept
}

fn site() -> (tempfile::TempDir, Vec<sitegen::Entry>) {
    let dir = tempfile::tempdir().unwrap();
    let entries = sitegen::generate(dir.path(), 60, 11).unwrap();
    (dir, entries)
}

fn edit(root: &Path, rel: &Path, f: impl FnOnce(String) -> String) {
    let p = root.join(rel);
    let text = fs::read_to_string(&p).unwrap();
    fs::write(&p, f(text)).unwrap();
}

/// An article's text with `prefix` put before its title (TOML or YAML front matter).
fn retitle(text: String, prefix: &str) -> String {
    text.replacen("title = \"", &format!("title = \"{prefix}"), 1)
        .replacen("title: \"", &format!("title: \"{prefix}"), 1)
}

/// Asserts two sites hold the same paths with the same contents.
fn assert_same<V: PartialEq>(step: &str, got: &BTreeMap<String, V>, want: &BTreeMap<String, V>) {
    let missing: Vec<&String> = want.keys().filter(|k| !got.contains_key(*k)).collect();
    let extra: Vec<&String> = got.keys().filter(|k| !want.contains_key(*k)).collect();
    let differ: Vec<&String> = want
        .iter()
        .filter(|(k, v)| got.get(*k).is_some_and(|g| g != *v))
        .map(|(k, _)| k)
        .collect();
    assert!(
        missing.is_empty() && extra.is_empty() && differ.is_empty(),
        "after `{step}` the incremental site differs from a fresh one:\n\
         missing {missing:?}\nextra {extra:?}\ndiffering {differ:?}"
    );
}

#[test]
fn every_kind_of_change_gives_the_fresh_site() {
    let (dir, entries) = site();
    let root = dir.path();
    let md: Vec<&sitegen::Entry> = entries.iter().filter(|e| e.markdown).collect();
    let wire: Vec<&sitegen::Entry> = entries.iter().filter(|e| !e.markdown).collect();
    let mut kept = Vec::new();
    type Step<'a> = (&'a str, Box<dyn Fn(&Path) + 'a>);
    let steps: Vec<Step> = vec![
        ("first build", Box::new(|_| {})),
        ("no change", Box::new(|_| {})),
        ("no change again", Box::new(|_| {})),
        (
            "a sentence added",
            Box::new(|r| {
                edit(r, &md[3].path, |t| {
                    format!("{t}\nThe minister said the review would continue.\n")
                })
            }),
        ),
        (
            "a title changed",
            Box::new(|r| edit(r, &md[7].path, |t| retitle(t, "Update: "))),
        ),
        (
            "five titles changed",
            Box::new(|r| {
                for e in &md[12..17] {
                    edit(r, &e.path, |t| retitle(t, "Later: "))
                }
            }),
        ),
        (
            "an article deleted",
            Box::new(|r| fs::remove_file(r.join(&md[11].path)).unwrap()),
        ),
        (
            "an article added",
            Box::new(|r| {
                let (e, text) = sitegen::article(11, 500, 0);
                fs::create_dir_all(r.join(e.path.parent().unwrap())).unwrap();
                fs::write(r.join(&e.path), text).unwrap();
            }),
        ),
        (
            "a wire story renamed",
            Box::new(|r| {
                let from = r.join(&wire[2].path);
                fs::rename(&from, from.with_file_name("renamed-wire-story.txt")).unwrap();
            }),
        ),
        (
            "a person's name changed everywhere it appears in one brief",
            Box::new(|r| {
                edit(r, &md[5].path, |t| {
                    let body = t.split("\n\n").nth(1).unwrap_or("").to_string();
                    let name = body
                        .split_whitespace()
                        .find(|w| w.len() > 4 && w.chars().next().unwrap().is_uppercase())
                        .unwrap_or("The")
                        .trim_matches(|c: char| !c.is_alphanumeric())
                        .to_string();
                    t.replace(&name, "Zebulon")
                })
            }),
        ),
        (
            "a template overridden",
            Box::new(|r| {
                fs::create_dir_all(r.join("templates/partials")).unwrap();
                fs::write(
                    r.join("templates/404.html"),
                    "{% extends \"base.html\" %}{% block content %}<p>Gone.</p>{% endblock content %}",
                )
                .unwrap();
            }),
        ),
        (
            "the site title changed",
            Box::new(|r| {
                edit(r, Path::new("dateline.toml"), |t| {
                    t.replace("Bench", "Evening")
                })
            }),
        ),
        (
            "an alias in data/entities.toml",
            Box::new(|r| {
                fs::create_dir_all(r.join("data")).unwrap();
                fs::write(
                    r.join("data/entities.toml"),
                    "[[organization]]\nname = \"Zebulon Holdings\"\naliases = [\"ZH\"]\n",
                )
                .unwrap();
            }),
        ),
        (
            "a static file added",
            Box::new(|r| {
                fs::create_dir_all(r.join("static/img")).unwrap();
                fs::write(r.join("static/img/logo.txt"), "logo").unwrap();
            }),
        ),
        (
            "the static file removed",
            Box::new(|r| fs::remove_dir_all(r.join("static/img")).unwrap()),
        ),
        (
            "the template removed",
            Box::new(|r| fs::remove_file(r.join("templates/404.html")).unwrap()),
        ),
        ("no change at the end", Box::new(|_| {})),
        ("and again", Box::new(|_| {})),
    ];
    for (name, step) in &steps {
        step(root);
        kept.push(check(root, name));
    }
    // Pages are kept from the third build on, and all of them when nothing changed
    // for two builds.
    assert_eq!(kept[0], 0);
    assert_eq!(kept[1], 0, "the second build has no kept tree yet");
    assert!(kept[2] > 0, "{kept:?}");
    let pages = dateline::build(&options(root)).unwrap().pages;
    assert_eq!(*kept.last().unwrap(), pages, "{kept:?}");
    assert!(
        kept[3] > pages / 2,
        "one sentence keeps most pages: {kept:?}"
    );
}

#[test]
fn pages_changed_or_added_by_hand_are_not_kept() {
    let (dir, entries) = site();
    let root = dir.path();
    for _ in 0..2 {
        check(root, "setup");
    }
    let page = root
        .join("public")
        .join(entries[4].url.trim_start_matches('/'))
        .join("index.html");
    fs::write(&page, "edited by hand").unwrap();
    let stray = root.join("public/2015/stray.html");
    fs::create_dir_all(stray.parent().unwrap()).unwrap();
    fs::write(&stray, "stray").unwrap();
    // The hand-edited site is kept aside by the next build and used by the one after.
    check(root, "after the hand edits");
    check(root, "the hand-edited tree as the kept one");
    assert!(!stray.exists());
}

#[test]
fn a_broken_manifest_means_a_full_build() {
    let (dir, _) = site();
    let root = dir.path();
    for _ in 0..2 {
        check(root, "setup");
    }
    for e in fs::read_dir(root.join(".dateline-cache/pages")).unwrap() {
        let p = e.unwrap().path();
        let text = fs::read_to_string(&p).unwrap();
        fs::write(&p, text.replace("index.html", "index.htm")).unwrap();
    }
    let kept = check(root, "manifests with wrong paths");
    // Wrong paths match nothing; the files they name are gone from the new tree.
    assert_eq!(kept, 0);
    for e in fs::read_dir(root.join(".dateline-cache/pages")).unwrap() {
        fs::write(e.unwrap().path(), "garbage").unwrap();
    }
    assert_eq!(check(root, "garbage manifests"), 0);
    check(root, "repaired");
}

/// Every page of a served site, rendered.
fn served_pages(out: &dateline::output::files::SiteOutput) -> BTreeMap<String, String> {
    out.pass
        .pages()
        .into_iter()
        .map(|w| {
            let html = out.pass.render_url(&w.url).unwrap().unwrap();
            (w.url, html)
        })
        .collect()
}

#[test]
fn the_dev_servers_site_after_edits_is_the_fresh_site() {
    use dateline::serve::workspace::{Change, Filters, Workspace};
    use std::sync::Arc;
    use std::time::Instant;
    let dir = tempfile::tempdir().unwrap();
    let entries = sitegen::generate(dir.path(), 30, 5).unwrap();
    let root = dir.path();
    let md: Vec<&sitegen::Entry> = entries.iter().filter(|e| e.markdown).collect();
    let mut ws = Workspace::open(root, Filters::default()).unwrap();
    let mut current = ws.site_output(Instant::now(), None).unwrap().output;
    type Edit<'a> = (&'a str, &'a Path, Box<dyn Fn(String) -> String>, bool);
    let edits: Vec<Edit> = vec![
        (
            "a sentence naming no one",
            &md[2].path,
            Box::new(|t| format!("{t}\nThe review was ongoing, officials said.\n")),
            true,
        ),
        (
            "a new person and a date",
            &md[2].path,
            Box::new(|t| {
                format!("{t}\nMayor Zelda Quorn of Harwick said on March 3, 2011 that it passed.\n")
            }),
            false,
        ),
        (
            "a title",
            &md[4].path,
            Box::new(|t| retitle(t, "Later: ")),
            true,
        ),
        (
            "a tag",
            &md[6].path,
            Box::new(|t| {
                t.replacen("tags = [", "tags = [\"Harbour\", ", 1).replacen(
                    "tags:\n",
                    "tags:\n  - Harbour\n",
                    1,
                )
            }),
            // Tags are their own index.
            true,
        ),
    ];
    for (what, path, rewrite, entities_kept) in &edits {
        edit(root, path, rewrite);
        let change = Change {
            articles: vec![root.join(path)],
            ..Change::default()
        };
        let next = ws.apply(&change, Some(&current)).unwrap().output;
        assert_eq!(
            Arc::ptr_eq(&next.pass.site.entities, &current.pass.site.entities),
            *entities_kept,
            "{what}: entity index kept?"
        );
        let fresh = Workspace::open(root, Filters::default())
            .unwrap()
            .site_output(Instant::now(), None)
            .unwrap()
            .output;
        assert_same(what, &served_pages(&next), &served_pages(&fresh));
        current = next;
    }
}
