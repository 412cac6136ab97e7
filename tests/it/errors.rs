//! Bad input: a clear error naming the file (and line and column), no panic, and
//! the previous site left exactly as it was.

use crate::support::{build, build_error, empty_site, fixture, read, write};

/// (file, content, expected piece of the error)
const CASES: &[(&str, &[u8], &str)] = &[
    (
        "content/bad-utf8.md",
        b"+++\ntitle = \"caf\xe9\"\n+++\n",
        "content/bad-utf8.md:2:13: not valid UTF-8",
    ),
    (
        "content/unterminated.md",
        b"+++\ntitle = \"A\"\ndate = 2023-01-01\nBody\n",
        "content/unterminated.md:1:1: unterminated front matter",
    ),
    (
        "content/bad-toml.md",
        b"+++\ntitle = \"A\ndate = 2023-01-01\n+++\n",
        "content/bad-toml.md:2:",
    ),
    (
        "content/bad-yaml.md",
        b"---\ntitle: A\ntags: [a, b\n---\n",
        "content/bad-yaml.md:",
    ),
    (
        "content/wrong-type.md",
        b"+++\ntitle = \"A\"\ndate = 5\n+++\n",
        "content/wrong-type.md:3:8",
    ),
    (
        "content/impossible.md",
        b"---\ntitle: A\ndate: 2023-02-30\n---\n",
        "content/impossible.md:3:7: `date`: `2023-02-30` is not a real date",
    ),
    (
        "content/nodate.txt",
        b"\nHeadline only\n\nBody.\n",
        "content/nodate.txt:2:1: wire text must start with a `date YYYY-MM-DD` line",
    ),
    ("content/empty.md", b"", "content/empty.md: empty file"),
    (
        "content/slash-slug.md",
        b"+++\ntitle = \"A\"\ndate = 2023-01-01\nslug = \"a/b\"\n+++\n",
        "content/slash-slug.md:4:8: `slug`: `a/b` contains a path separator",
    ),
    (
        "content/dotdot-slug.md",
        b"+++\ntitle = \"A\"\ndate = 2023-01-01\nslug = \"..\"\n+++\n",
        "`slug`: `..` contains `..`",
    ),
    (
        "content/unknown-field.md",
        b"+++\ntittle = \"A\"\ndate = 2023-01-01\n+++\n",
        "content/unknown-field.md:2:1: unknown field `tittle`",
    ),
    (
        "content/binary.md",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
        "content/binary.md",
    ),
];

#[test]
fn each_bad_file_is_named_and_the_old_site_kept() {
    for (file, bytes, expected) in CASES {
        let site = fixture("basic");
        build(site.path()).unwrap();
        let before = read(site.path(), "index.html");
        write(site.path(), file, bytes);
        let err = build_error(site.path());
        assert!(
            err.contains(expected),
            "{file}: expected `{expected}` in:\n{err}"
        );
        assert!(err.contains("nothing was written"), "{err}");
        assert_eq!(
            read(site.path(), "index.html"),
            before,
            "{file}: old site kept"
        );
    }
}

#[test]
fn duplicate_slugs_name_both_files() {
    let site = empty_site();
    write(
        site.path(),
        "content/a.md",
        "+++\ntitle = \"A\"\ndate = 2023-01-01\nslug = \"same\"\n+++\n",
    );
    write(
        site.path(),
        "content/b.md",
        "+++\ntitle = \"B\"\ndate = 2023-01-01\nslug = \"same\"\n+++\n",
    );
    let err = build_error(site.path());
    assert!(
        err.contains("content/b.md: duplicate permalink /2023/01/01/same/"),
        "{err}"
    );
    assert!(err.contains("content/a.md"), "{err}");
}

#[test]
fn skip_bad_builds_the_rest_and_lists_what_was_left_out() {
    let site = fixture("basic");
    write(site.path(), "content/broken.md", "+++\ntitle = 1\n+++\n");
    let mut opts = crate::support::options(site.path());
    opts.skip_bad = true;
    let report = dateline::build(&opts).unwrap();
    assert_eq!(report.articles, 4);
    assert_eq!(report.skipped.len(), 1);
    assert!(
        report.skipped[0].contains("content/broken.md:2:9"),
        "{:?}",
        report.skipped
    );
}

#[test]
fn bad_config_names_the_key() {
    let site = fixture("basic");
    write(
        site.path(),
        "dateline.toml",
        "title = \"X\"\npaginate = 10\n",
    );
    let err = build_error(site.path());
    assert!(
        err.contains("dateline.toml:2:1") && err.contains("paginate"),
        "{err}"
    );
}

#[test]
fn template_errors_name_the_template_and_line() {
    let site = fixture("basic");
    write(
        site.path(),
        "templates/index.html",
        "{% extends \"base.html\" %}\n{% block content %}\n{{ nope( }}\n{% endblock content %}\n",
    );
    let err = build_error(site.path());
    assert!(err.contains("index.html:3"), "{err}");
}

#[test]
fn template_runtime_errors_name_the_page() {
    let site = fixture("basic");
    write(
        site.path(),
        "templates/brief.html",
        "{% extends \"base.html\" %}{% block content %}{{ page.missing.field }}{% endblock content %}",
    );
    let err = build_error(site.path());
    assert!(err.contains("brief.html"), "{err}");
    assert!(err.contains("content/"), "names the article: {err}");
}

#[test]
fn output_may_not_be_the_root_or_the_content() {
    let site = fixture("basic");
    for out in [
        site.path().to_path_buf(),
        site.path().join("content"),
        site.path().parent().unwrap().to_path_buf(),
    ] {
        let mut opts = crate::support::options(site.path());
        opts.output = Some(out.clone());
        opts.force = true;
        let err = format!("{:#}", dateline::build(&opts).unwrap_err());
        assert!(
            err.contains("refusing to build into"),
            "{}: {err}",
            out.display()
        );
    }
    assert!(
        site.path().join("content/wire-ferry.txt").is_file(),
        "nothing deleted"
    );
}

#[test]
fn foreign_output_folder_is_kept_unless_forced() {
    let site = fixture("basic");
    write(site.path(), "public/precious.txt", "keep me");
    let err = build_error(site.path());
    assert!(err.contains("--force"), "{err}");
    assert_eq!(read(site.path(), "precious.txt"), "keep me");
}

#[test]
fn missing_content_folder_is_explained() {
    let dir = tempfile::tempdir().unwrap();
    let err = build_error(dir.path());
    assert!(err.contains("no `content` folder"), "{err}");
}
