//! Helpers: fixture sites copied into temporary folders, builds with a pinned clock.

use std::fs;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use dateline::{BuildOptions, BuildReport};

/// The fixed "now" of every test build: 2025-11-25 12:00 UTC.
pub fn now() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2025-11-25T12:00:00Z")
        .unwrap()
        .with_timezone(&Utc)
}

/// A copy of `tests/fixtures/<name>` in a fresh temporary folder.
pub fn fixture(name: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let src = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    copy_dir(&src, dir.path());
    dir
}

/// An empty site: a temporary folder with `content/`.
pub fn empty_site() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir_all(dir.path().join("content")).unwrap();
    dir
}

fn copy_dir(src: &Path, dst: &Path) {
    for entry in walkdir::WalkDir::new(src) {
        let entry = entry.unwrap();
        let rel = entry.path().strip_prefix(src).unwrap();
        let to = dst.join(rel);
        if entry.file_type().is_dir() {
            fs::create_dir_all(&to).unwrap();
        } else {
            fs::copy(entry.path(), &to).unwrap();
        }
    }
}

/// Build options for the site at `root` with the pinned clock.
pub fn options(root: &Path) -> BuildOptions {
    BuildOptions {
        root: root.to_path_buf(),
        now: Some(now()),
        ..BuildOptions::default()
    }
}

/// Builds the site at `root`.
pub fn build(root: &Path) -> anyhow::Result<BuildReport> {
    dateline::build(&options(root))
}

/// The error message of a failed build, with its cause chain.
pub fn build_error(root: &Path) -> String {
    match build(root) {
        Ok(r) => panic!("build should fail but wrote {} pages", r.pages),
        Err(e) => format!("{e:#}"),
    }
}

/// Reads a file of the built site.
pub fn read(root: &Path, rel: &str) -> String {
    let p: PathBuf = root.join("public").join(rel);
    fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

/// Writes a file (creating folders) under `root`.
pub fn write(root: &Path, rel: &str, bytes: impl AsRef<[u8]>) {
    let p = root.join(rel);
    fs::create_dir_all(p.parent().unwrap()).unwrap();
    fs::write(p, bytes).unwrap();
}
