//! Fingerprints the extraction code and data, so that the build cache of extracted
//! facts is invalidated by any change to them (a version number kept by hand would
//! be forgotten).

use std::path::Path;

fn visit(dir: &Path, files: &mut Vec<std::path::PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
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

fn main() {
    println!("cargo:rerun-if-changed=src/extract");
    let mut files = Vec::new();
    visit(Path::new("src/extract"), &mut files);
    files.sort();
    // FNV-1a over paths and contents: stable across toolchains, no dependency.
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
    println!("cargo:rustc-env=DATELINE_EXTRACTOR_HASH={h:016x}");
}
