//! Whole-tree fingerprints: "exactly as it was" means every path, type and byte.

use std::collections::hash_map::DefaultHasher;
use std::fs;
use std::hash::{Hash, Hasher};
use std::path::Path;

/// A hash of every entry under `dir`: relative paths, entry kinds, symlink targets
/// and file bytes, in sorted order. A missing folder hashes to a value of its own.
pub fn tree_hash(dir: &Path) -> u64 {
    let mut h = DefaultHasher::new();
    if !dir.exists() {
        "missing".hash(&mut h);
        return h.finish();
    }
    for entry in walkdir::WalkDir::new(dir).sort_by_file_name() {
        let entry = entry.unwrap_or_else(|e| panic!("walking {}: {e}", dir.display()));
        let rel = entry.path().strip_prefix(dir).unwrap();
        rel.hash(&mut h);
        let ft = entry.file_type();
        if ft.is_symlink() {
            "link".hash(&mut h);
            fs::read_link(entry.path()).unwrap().hash(&mut h);
        } else if ft.is_dir() {
            "dir".hash(&mut h);
        } else {
            "file".hash(&mut h);
            let bytes = fs::read(entry.path())
                .unwrap_or_else(|e| panic!("{}: {e}", entry.path().display()));
            if rel == Path::new(".dateline") {
                // The marker names the build that made the site: the same site built
                // twice differs only there.
                let text = String::from_utf8_lossy(&bytes);
                text.lines()
                    .filter(|l| !l.starts_with("build "))
                    .for_each(|l| l.hash(&mut h));
            } else {
                bytes.hash(&mut h);
            }
        }
    }
    h.finish()
}

/// The names of staging folders (`.public.dateline-tmp-…`) left in `dir`.
pub fn staging_leftovers(dir: &Path) -> Vec<String> {
    fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("dateline-tmp"))
        .collect()
}
