//! The `dateline` binary: subcommands end to end.

use std::process::Command;

use crate::support::{empty_site, fixture, write};

fn dateline() -> Command {
    Command::new(env!("CARGO_BIN_EXE_dateline"))
}

#[test]
fn build_prints_a_one_line_summary() {
    let site = fixture("basic");
    let out = dateline()
        .args(["build", "--root"])
        .arg(site.path())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(stdout.lines().count(), 1, "{stdout}");
    assert!(stdout.starts_with("Built 4 briefs into "), "{stdout}");
    assert!(stdout.contains("left out 1 draft, 1 embargoed"), "{stdout}");
}

#[test]
fn build_verbose_times_each_step_and_quiet_prints_nothing() {
    let site = fixture("basic");
    let out = dateline()
        .args(["build", "-v", "--root"])
        .arg(site.path())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    for step in [
        "config",
        "extract",
        "assemble",
        "templates",
        "render",
        "swap",
    ] {
        assert!(stderr.contains(step), "{stderr}");
    }
    let out = dateline()
        .args(["build", "-q", "--root"])
        .arg(site.path())
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(out.stdout.is_empty() && out.stderr.is_empty());
}

#[test]
fn build_errors_exit_non_zero_with_the_cause() {
    let site = empty_site();
    write(site.path(), "content/x.md", "+++\ntitle = \"A\"\n");
    let out = dateline()
        .args(["build", "--root"])
        .arg(site.path())
        .output()
        .unwrap();
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.starts_with("Error: "), "{stderr}");
    assert!(
        stderr.contains("x.md:1:1: unterminated front matter"),
        "{stderr}"
    );
}

#[test]
fn init_writes_a_site_that_builds() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("news");
    let out = dateline().arg("init").arg(&site).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    for rel in [
        "dateline.toml",
        ".gitignore",
        "templates/base.html",
        "templates/brief.html",
        "static/style.css",
    ] {
        assert!(site.join(rel).is_file(), "{rel}");
    }
    let out = dateline()
        .args(["build", "--root"])
        .arg(&site)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(site.join("public/index.html").is_file());
}

#[test]
fn new_creates_a_dated_article() {
    let site = empty_site();
    let out = dateline()
        .args(["new", "Ferries resume", "--root"])
        .arg(site.path())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let files: Vec<_> = std::fs::read_dir(site.path().join("content"))
        .unwrap()
        .flatten()
        .collect();
    assert_eq!(files.len(), 1);
    let name = files[0].file_name().to_string_lossy().into_owned();
    assert!(name.ends_with("-ferries-resume.md"), "{name}");
}

#[test]
fn facts_prints_the_json_contract() {
    let site = fixture("wire-only");
    let out = dateline()
        .args(["facts", "--json"])
        .arg(site.path().join("content/briefing.txt"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["date"], "2023-03-08");
    assert!(
        v["title"]
            .as_str()
            .unwrap()
            .starts_with("In Lisbon, Transport Minister Ana Ribeiro")
    );
    for key in [
        "summary",
        "dateline",
        "byline",
        "people",
        "places",
        "organizations",
        "figures",
        "quotes",
        "timexes",
        "events",
    ] {
        assert!(v.get(key).is_some(), "{key}");
    }
}

#[test]
fn facts_raw_takes_the_date_and_the_whole_input() {
    let out = dateline()
        .args(["facts", "--json", "--raw", "--date", "2023-03-08", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .and_then(|mut child| {
            use std::io::Write;
            child
                .stdin
                .take()
                .unwrap()
                .write_all(b"Ministers met in Lisbon on Tuesday.")?;
            child.wait_with_output()
        })
        .unwrap();
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["date"], "2023-03-08");
    assert_eq!(v["title"], "");
}
