//! Fingerprints the extraction code and data, so that the build cache of extracted
//! facts is invalidated by any change to them (a version number kept by hand would
//! be forgotten); and the whole program, so that an incremental build keeps pages
//! of an earlier build only when the same program made them.

use std::path::Path;

fn visit(dir: &Path, files: &mut Vec<std::path::PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        if dir.is_file() {
            files.push(dir.to_path_buf());
        }
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            visit(&p, files);
        } else {
            files.push(p);
        }
    }
}

/// FNV-1a over the paths and contents of the files under `dirs`: stable across
/// toolchains, no dependency.
fn hash(dirs: &[&str]) -> u64 {
    let mut files = Vec::new();
    for d in dirs {
        println!("cargo:rerun-if-changed={d}");
        visit(Path::new(d), &mut files);
    }
    files.sort();
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for f in files {
        for b in f
            .to_string_lossy()
            .bytes()
            .chain(std::fs::read(&f).unwrap_or_default())
        {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    h
}

fn main() {
    // The event entities are cached with the facts (with the timeline's dates).
    let extractor = hash(&["src/extract", "src/site/links.rs"]);
    println!("cargo:rustc-env=DATELINE_EXTRACTOR_HASH={extractor:016x}");
    // Kept pages of an earlier build are trusted only from the same program.
    let source = hash(&["src", "templates", "static"]);
    println!("cargo:rustc-env=DATELINE_SOURCE_HASH={source:016x}");
}
