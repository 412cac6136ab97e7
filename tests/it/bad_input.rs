//! The table of bad inputs: each one builds when it is legitimate (a BOM, CRLF, a
//! file name with spaces), and otherwise fails with an error naming the file (and
//! the line and column where there is one) while the previous `public/` stays
//! exactly as it was, byte for byte.

use crate::support::{build, fixture, read, write};
use crate::tree::tree_hash;

/// What a case should do.
enum Expect {
    /// The build fails and its error holds each of these pieces.
    Fails(&'static [&'static str]),
    /// The build succeeds and each site path holds its piece of text.
    Builds(&'static [(&'static str, &'static str)]),
}

/// One bad input: the files written into a copy of the `basic` fixture site.
struct Case {
    name: &'static str,
    files: &'static [(&'static str, &'static [u8])],
    expect: Expect,
}

const fn fails(
    name: &'static str,
    files: &'static [(&'static str, &'static [u8])],
    pieces: &'static [&'static str],
) -> Case {
    Case {
        name,
        files,
        expect: Expect::Fails(pieces),
    }
}

const fn builds(
    name: &'static str,
    files: &'static [(&'static str, &'static [u8])],
    pages: &'static [(&'static str, &'static str)],
) -> Case {
    Case {
        name,
        files,
        expect: Expect::Builds(pages),
    }
}

const CASES: &[Case] = &[
    // Encodings and line ends.
    fails(
        "invalid UTF-8 in front matter",
        &[("content/bad-utf8.md", b"+++\ntitle = \"caf\xe9\"\n+++\n")],
        &["content/bad-utf8.md:2:13: not valid UTF-8 text"],
    ),
    fails(
        "invalid UTF-8 in wire text",
        &[(
            "content/bad-utf8.txt",
            b"date 2023-01-01\n\nHead\xff line\n",
        )],
        &["content/bad-utf8.txt:3:5: not valid UTF-8 text"],
    ),
    builds(
        "UTF-8 BOM before TOML front matter",
        &[(
            "content/2023-05-01-bom.md",
            b"\xef\xbb\xbf+++\ntitle = \"Byte order mark\"\n+++\nText after a BOM.\n",
        )],
        &[("2023/05/01/bom/index.html", "<h1>Byte order mark</h1>")],
    ),
    builds(
        "UTF-8 BOM before a wire header",
        &[(
            "content/bom.txt",
            b"\xef\xbb\xbfdate 2023-05-02\n\nPilots vote to strike.\n\nThe vote was close.\n",
        )],
        &[(
            "2023/05/02/pilots-vote-to-strike/index.html",
            "<p>The vote was close.</p>",
        )],
    ),
    builds(
        "CRLF line ends in TOML front matter and body",
        &[(
            "content/2023-05-03-crlf.md",
            b"+++\r\ntitle = \"Carriage returns\"\r\ntags = [\"Port\"]\r\n+++\r\nFirst line\r\nsecond line.\r\n\r\nNext paragraph.\r\n",
        )],
        &[(
            "2023/05/03/crlf/index.html",
            "<p>First line\nsecond line.</p>\n<p>Next paragraph.</p>",
        )],
    ),
    builds(
        "CRLF line ends in YAML front matter",
        &[(
            "content/2023-05-04-crlf-yaml.md",
            b"---\r\ntitle: Carriage returns in YAML\r\n---\r\nBody.\r\n",
        )],
        &[(
            "2023/05/04/crlf-yaml/index.html",
            "<h1>Carriage returns in YAML</h1>",
        )],
    ),
    builds(
        "CRLF line ends in wire text",
        &[(
            "content/crlf.txt",
            b"date 2023-05-05\r\n\r\nDockers return to work.\r\n\r\nThe strike ended.\r\n",
        )],
        &[(
            "2023/05/05/dockers-return-to-work/index.html",
            "<p>The strike ended.</p>",
        )],
    ),
    // Empty and half-written files.
    fails(
        "an empty Markdown file",
        &[("content/empty.md", b"")],
        &["content/empty.md: empty file"],
    ),
    fails(
        "a wire file of blank lines",
        &[("content/blank.txt", b"\n  \n\t\n")],
        &["content/blank.txt: empty file"],
    ),
    builds(
        "front matter only, no body",
        &[(
            "content/2023-05-06-only-front.md",
            b"+++\ntitle = \"Only front matter\"\n+++\n",
        )],
        &[("2023/05/06/only-front/index.html", "<h1>Only front matter</h1>")],
    ),
    fails(
        "front matter only, without a title",
        &[("content/no-title.md", b"+++\ndate = 2023-01-01\n+++\n")],
        &["content/no-title.md:1:1: the front matter has no `title`"],
    ),
    fails(
        "unterminated TOML front matter",
        &[(
            "content/unterminated.md",
            b"+++\ntitle = \"A\"\ndate = 2023-01-01\nBody\n",
        )],
        &["content/unterminated.md:1:1: unterminated front matter: no closing `+++` line"],
    ),
    fails(
        "unterminated YAML front matter",
        &[("content/unterminated-yaml.md", b"---\ntitle: A\n")],
        &["content/unterminated-yaml.md:1:1: unterminated front matter: no closing `---` line"],
    ),
    fails(
        "Markdown without front matter",
        &[("content/bare.md", b"# Just a heading\n\nText.\n")],
        &["content/bare.md:1:1: expected front matter"],
    ),
    // Malformed front matter: file, line and column.
    fails(
        "malformed TOML: unclosed string",
        &[(
            "content/bad-toml.md",
            b"+++\ntitle = \"A\ndate = 2023-01-01\n+++\n",
        )],
        &["content/bad-toml.md:2:11: `title`: invalid basic string"],
    ),
    fails(
        "malformed TOML: bad array",
        &[(
            "content/bad-array.md",
            b"+++\ntitle = \"A\"\ndate = 2023-01-01\ntags = [\"a\",,]\n+++\n",
        )],
        &["content/bad-array.md:4:13: `tags`: extra comma in array"],
    ),
    fails(
        "malformed YAML: unclosed flow sequence",
        &[("content/bad-yaml.md", b"---\ntitle: A\ntags: [a, b\n---\n")],
        &["content/bad-yaml.md:3:7: `tags`: unclosed bracket '['"],
    ),
    fails(
        "malformed YAML: bad indentation",
        &[(
            "content/bad-indent.md",
            b"---\ntitle: A\n  date: 2023-01-01\n---\n",
        )],
        &["content/bad-indent.md:3:7: mapping values are not allowed"],
    ),
    fails(
        "unknown front-matter field",
        &[(
            "content/unknown-field.md",
            b"+++\ntittle = \"A\"\ndate = 2023-01-01\n+++\n",
        )],
        &["content/unknown-field.md:2:1: unknown field `tittle`"],
    ),
    // Wrong types.
    fails(
        "wrong type: date = 5",
        &[("content/date-five.md", b"+++\ntitle = \"A\"\ndate = 5\n+++\n")],
        &["content/date-five.md:3:8: `date`: expected a date: `YYYY-MM-DD` or RFC 3339"],
    ),
    fails(
        "wrong type: title = 1",
        &[("content/title-one.md", b"+++\ntitle = 1\n+++\n")],
        &["content/title-one.md:2:9: `title`: invalid type: integer `1`, expected a string"],
    ),
    fails(
        "wrong type: tags as a string",
        &[(
            "content/tags-string.md",
            b"+++\ntitle = \"A\"\ndate = 2023-01-01\ntags = \"Port\"\n+++\n",
        )],
        &["content/tags-string.md:4:8: `tags`: invalid type: string \"Port\", expected a sequence"],
    ),
    fails(
        "wrong type: draft in YAML",
        &[(
            "content/draft-yes.md",
            b"---\ntitle: A\ndate: 2023-01-01\ndraft: maybe\n---\n",
        )],
        &["content/draft-yes.md:4:8: `draft`: invalid boolean"],
    ),
    // Dates.
    fails(
        "impossible date in YAML",
        &[(
            "content/impossible.md",
            b"---\ntitle: A\ndate: 2023-02-30\n---\n",
        )],
        &["content/impossible.md:3:7: `date`: `2023-02-30` is not a real date"],
    ),
    fails(
        "impossible date in TOML",
        &[(
            "content/impossible-toml.md",
            b"+++\ntitle = \"A\"\ndate = 2023-02-30\n+++\n",
        )],
        &["content/impossible-toml.md:3:8: `date`: invalid date"],
    ),
    fails(
        "impossible month in a date string",
        &[(
            "content/month-13.md",
            b"+++\ntitle = \"A\"\ndate = \"2023-13-01\"\n+++\n",
        )],
        &["content/month-13.md:3:8: `date`: `2023-13-01` is not a real date"],
    ),
    fails(
        "a date in no known form",
        &[(
            "content/words-date.md",
            b"---\ntitle: A\ndate: March 8, 2023\n---\n",
        )],
        &["content/words-date.md:3:7: `date`: `March 8, 2023` is not a date"],
    ),
    fails(
        "impossible date in a wire header",
        &[("content/wire-feb30.txt", b"date 2023-02-30\n\nHeadline.\n")],
        &["content/wire-feb30.txt:1:6: `2023-02-30` is not a date"],
    ),
    fails(
        "wire text without a date line",
        &[("content/nodate.txt", b"\nHeadline only\n\nBody.\n")],
        &["content/nodate.txt:2:1: wire text must start with a `date YYYY-MM-DD` line"],
    ),
    fails(
        "wire text with a date line and nothing else",
        &[("content/date-only.txt", b"date 2023-01-01\n\n")],
        &["content/date-only.txt: wire text has a date line but no text"],
    ),
    // Slugs.
    fails(
        "duplicate slugs",
        &[
            (
                "content/dup-a.md",
                b"+++\ntitle = \"A\"\ndate = 2023-01-01\nslug = \"same\"\n+++\n",
            ),
            (
                "content/dup-b.md",
                b"+++\ntitle = \"B\"\ndate = 2023-01-01\nslug = \"same\"\n+++\n",
            ),
        ],
        &[
            "content/dup-b.md: duplicate permalink /2023/01/01/same/",
            "content/dup-a.md",
        ],
    ),
    fails(
        "slug `..`",
        &[(
            "content/dotdot.md",
            b"+++\ntitle = \"A\"\ndate = 2023-01-01\nslug = \"..\"\n+++\n",
        )],
        &["content/dotdot.md:4:8: `slug`: `..` contains `..`"],
    ),
    fails(
        "slug climbing out with `../`",
        &[(
            "content/climb.md",
            b"---\ntitle: A\ndate: 2023-01-01\nslug: ../../../etc\n---\n",
        )],
        &["content/climb.md:4:7: `slug`: `../../../etc` contains a path separator"],
    ),
    fails(
        "slug with `/`",
        &[(
            "content/slash.md",
            b"+++\ntitle = \"A\"\ndate = 2023-01-01\nslug = \"a/b\"\n+++\n",
        )],
        &["content/slash.md:4:8: `slug`: `a/b` contains a path separator"],
    ),
    fails(
        "slug with `\\`",
        &[(
            "content/backslash.md",
            b"+++\ntitle = \"A\"\ndate = 2023-01-01\nslug = 'a\\b'\n+++\n",
        )],
        &["content/backslash.md:4:8: `slug`: `a\\\\b` contains a path separator"],
    ),
    fails(
        "absolute slug",
        &[(
            "content/absolute.md",
            b"+++\ntitle = \"A\"\ndate = 2023-01-01\nslug = \"/etc/passwd\"\n+++\n",
        )],
        &["content/absolute.md:4:8: `slug`: `/etc/passwd` contains a path separator"],
    ),
    fails(
        "slug with NUL",
        &[(
            "content/nul.md",
            b"+++\ntitle = \"A\"\ndate = 2023-01-01\nslug = \"a\\u0000b\"\n+++\n",
        )],
        &["content/nul.md:4:8: `slug`: the slug contains control characters"],
    ),
    fails(
        "slug over 255 bytes",
        &[(
            "content/long-slug.md",
            b"+++\ntitle = \"A\"\ndate = 2023-01-01\nslug = \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"\n+++\n",
        )],
        &["content/long-slug.md:4:8: `slug`: the slug is 300 bytes long"],
    ),
    fails(
        "slug under 255 bytes that grows past them as a URL",
        &[(
            "content/long-han-slug.md",
            "+++\ntitle = \"A\"\ndate = 2023-01-01\nslug = \"北京北京北京北京北京北京北京北京北京北京北京北京北京北京北京北京北京北京北京北京北京北京北京北京北京北京北京北京北京北京北京北京北京北京北京北京北京北京北京北京\"\n+++\n".as_bytes(),
        )],
        &["content/long-han-slug.md:4:8: `slug`: the slug is 359 bytes long as a URL"],
    ),
    fails(
        "slug of punctuation only",
        &[(
            "content/dots.md",
            b"+++\ntitle = \"A\"\ndate = 2023-01-01\nslug = \"!?\"\n+++\n",
        )],
        &["content/dots.md:4:8: `slug`: `!?` has no letters or digits"],
    ),
    // File names and binary files.
    builds(
        "file names with spaces and non-ASCII",
        &[
            (
                "content/2023-05-07 Harbour news.md",
                b"+++\ntitle = \"Spaces in the name\"\n+++\nText.\n",
            ),
            (
                "content/Notícias do porto.md",
                b"+++\ntitle = \"Accents in the name\"\ndate = 2023-05-08\n+++\nText.\n",
            ),
            (
                "content/港口 新闻/index.md",
                b"+++\ntitle = \"Han characters in the folder name\"\ndate = 2023-05-09\n+++\nText.\n",
            ),
            ("content/港口 新闻/mapa do cais.svg", b"<svg/>"),
        ],
        &[
            ("2023/05/07/harbour-news/index.html", "Spaces in the name"),
            ("2023/05/08/noticias-do-porto/index.html", "Accents in the name"),
            (
                "2023/05/09/gang-kou-xin-wen/index.html",
                "Han characters in the folder name",
            ),
            ("2023/05/09/gang-kou-xin-wen/mapa do cais.svg", "<svg/>"),
        ],
    ),
    fails(
        "a PNG named .md",
        &[(
            "content/photo.md",
            b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10",
        )],
        &["content/photo.md:3:1: a NUL byte: this looks like a binary file"],
    ),
    fails(
        "a JPEG named .md (no NUL in its first bytes)",
        &[("content/photo2.md", b"\xff\xd8\xff\xe0\x10JFIF")],
        &["content/photo2.md:1:1: not valid UTF-8 text"],
    ),
    fails(
        "a binary wire file",
        &[("content/blob.txt", b"date 2023-01-01\n\n\x00\x01\x02\x03")],
        &["content/blob.txt:3:1: a NUL byte: this looks like a binary file"],
    ),
    // Templates.
    fails(
        "template syntax error",
        &[(
            "templates/index.html",
            b"{% extends \"base.html\" %}\n{% block content %}\n{{ nope( }}\n{% endblock content %}\n",
        )],
        &["index.html:3"],
    ),
    fails(
        "template including a path outside the site",
        &[(
            "templates/404.html",
            b"{% include \"../../../../etc/passwd\" %}",
        )],
        &["../../../../etc/passwd"],
    ),
    fails(
        "template including an absolute path",
        &[("templates/404.html", b"{% include \"/etc/hostname\" %}")],
        &["/etc/hostname"],
    ),
    fails(
        "template extending the configuration file",
        &[("templates/404.html", b"{% extends \"../dateline.toml\" %}")],
        &["../dateline.toml"],
    ),
    // Configuration.
    fails(
        "unknown config key",
        &[("dateline.toml", b"title = \"X\"\npaginate = 10\n")],
        &["dateline.toml:2:1", "unknown field `paginate`"],
    ),
    fails(
        "mistyped config key",
        &[(
            "dateline.toml",
            b"title = \"X\"\nbase_url = \"https://n.example/\"\ntimezon = \"Europe/Lisbon\"\n",
        )],
        &["dateline.toml:3:1", "unknown field `timezon`"],
    ),
    fails(
        "config value of the wrong type",
        &[("dateline.toml", b"paginate_by = \"ten\"\n")],
        &["dateline.toml:1:15"],
    ),
    fails(
        "malformed config",
        &[("dateline.toml", b"title = \"X\n")],
        &["dateline.toml:1:"],
    ),
    fails(
        "unknown time zone",
        &[("dateline.toml", b"timezone = \"Mars/Olympus\"\n")],
        &["dateline.toml", "Mars/Olympus"],
    ),
    fails(
        "permalink climbing out of the output",
        &[("dateline.toml", b"permalink = \"/../{slug}/\"\n")],
        &["dateline.toml", "may not contain `.` or `..`"],
    ),
];

#[test]
fn every_bad_input_has_its_expected_outcome() {
    let mut failures = Vec::new();
    for case in CASES {
        if let Err(msg) = run_case(case) {
            failures.push(format!("{}: {msg}", case.name));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n\n"));
}

/// Builds the `basic` site, adds the case's files, builds again and checks.
fn run_case(case: &Case) -> Result<(), String> {
    let site = fixture("basic");
    build(site.path()).map_err(|e| format!("the clean site failed: {e:#}"))?;
    let public = site.path().join("public");
    let before = tree_hash(&public);
    for (rel, bytes) in case.files {
        write(site.path(), rel, bytes);
    }
    let result = build(site.path());
    match (&case.expect, result) {
        (Expect::Fails(pieces), Err(e)) => {
            let err = format!("{e:#}");
            for piece in *pieces {
                if !err.contains(piece) {
                    return Err(format!("expected `{piece}` in the error:\n{err}"));
                }
            }
            if tree_hash(&public) != before {
                return Err("the previous public/ was changed".into());
            }
        }
        (Expect::Fails(_), Ok(r)) => {
            return Err(format!("built {} pages instead of failing", r.pages));
        }
        (Expect::Builds(pages), Ok(_)) => {
            for (rel, text) in *pages {
                let path = public.join(rel);
                let got = std::fs::read_to_string(&path)
                    .map_err(|e| format!("{}: {e}", path.display()))?;
                if !got.contains(text) {
                    return Err(format!("expected `{text}` in {rel}:\n{got}"));
                }
            }
            if !crate::tree::staging_leftovers(site.path()).is_empty() {
                return Err("a staging folder was left behind".into());
            }
        }
        (Expect::Builds(_), Err(e)) => return Err(format!("failed: {e:#}")),
    }
    Ok(())
}

#[test]
fn byte_order_mark_never_reaches_a_page() {
    let site = fixture("basic");
    write(
        site.path(),
        "content/2023-05-01-bom.md",
        b"\xef\xbb\xbf+++\ntitle = \"Byte order mark\"\n+++\nText.\n",
    );
    build(site.path()).unwrap();
    let page = read(site.path(), "2023/05/01/bom/index.html");
    assert!(!page.contains('\u{feff}'), "{page}");
}
