//! The persistent build cache: extracted facts of unchanged articles, reused.
//!
//! Extraction is the costly step of a build, and its output depends only on the
//! article's bytes, the site's time zone, the knowledge (built-in gazetteers and
//! `data/entities.toml`) and the extractor's version. So each article's facts are
//! stored under a key hashing all of those, one small file per article in
//! `<root>/.dateline-cache/facts/` (the extractor's part of the key is a hash of
//! `src/extract/` taken by `build.rs`, so any change to the code or gazetteers
//! invalidates it; with the facts is kept which entities each dated event names,
//! so `src/site/links.rs` is hashed too): lookups are
//! independent (parallel, no index to load into memory), a corrupt or foreign file
//! is just a miss, and files no build uses any more are pruned after a successful
//! build. Pages are not kept here: an
//! incremental build keeps the previous site's pages whose digest is unchanged
//! (`output::keep`), with only page manifests in `<root>/.dateline-cache/pages/`.

use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::extract::Facts;
use crate::extract::knowledge::EntityKind;

/// Bumped when the file layout changes (2: postcard instead of JSON, 3 times
/// faster to read back; 3: with the event entities).
const FORMAT: u32 = 3;

/// What is kept of one article: its facts, and which of its entities each dated
/// event's sentence names ([`crate::site::event_entities`], also a function of the
/// text and the facts).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Cached {
    pub facts: Facts,
    pub event_entities: Vec<(u32, EntityKind, u32)>,
}

/// A cache folder and the fingerprint of everything but the article's bytes.
#[derive(Clone, Debug)]
pub struct FactsCache {
    dir: PathBuf,
    fingerprint: u128,
}

#[derive(Serialize)]
struct EntryOut<'a> {
    format: u32,
    key: u128,
    cached: &'a Cached,
}

#[derive(Deserialize)]
struct EntryIn {
    format: u32,
    key: u128,
    cached: Cached,
}

/// The fingerprint of the inputs extraction depends on besides the text.
pub fn fingerprint(timezone: &str, knowledge_source: &str) -> u128 {
    let mut s = format!(
        "dateline {} extractor {} {} tz {timezone}\n",
        env!("CARGO_PKG_VERSION"),
        crate::extract::EXTRACTOR_VERSION,
        env!("DATELINE_EXTRACTOR_HASH")
    );
    s.push_str(knowledge_source);
    xxhash_rust::xxh3::xxh3_128(s.as_bytes())
}

impl FactsCache {
    /// A cache in `dir` for inputs with `fingerprint`. Nothing is created until
    /// the first [`put`](Self::put).
    pub fn new(dir: PathBuf, fingerprint: u128) -> FactsCache {
        FactsCache { dir, fingerprint }
    }

    /// The key of an article whose bytes hash to `content_hash`.
    pub fn key(&self, content_hash: u128) -> u128 {
        let mut bytes = [0u8; 32];
        bytes[..16].copy_from_slice(&self.fingerprint.to_le_bytes());
        bytes[16..].copy_from_slice(&content_hash.to_le_bytes());
        xxhash_rust::xxh3::xxh3_128(&bytes)
    }

    fn path(&self, key: u128) -> PathBuf {
        let hex = format!("{key:032x}");
        self.dir
            .join("facts")
            .join(&hex[..2])
            .join(format!("{hex}.bin"))
    }

    /// The cached facts for `key`; `None` when absent, unreadable, corrupt or foreign.
    pub fn get(&self, key: u128) -> Option<Cached> {
        let bytes = fs::read(self.path(key)).ok()?;
        // The format comes first, so an entry of another layout fails here or below.
        let entry: EntryIn = postcard::from_bytes(&bytes).ok()?;
        (entry.format == FORMAT && entry.key == key).then_some(entry.cached)
    }

    /// Stores facts under `key` (written to a temporary file, then renamed).
    pub fn put(&self, key: u128, cached: &Cached) -> std::io::Result<()> {
        let path = self.path(key);
        if let Some(dir) = path.parent() {
            fs::create_dir_all(dir)?;
        }
        let entry = EntryOut {
            format: FORMAT,
            key,
            cached,
        };
        let bytes = postcard::to_stdvec(&entry).map_err(std::io::Error::other)?;
        let tmp = path.with_extension(format!("tmp{}", std::process::id()));
        fs::write(&tmp, bytes)?;
        fs::rename(&tmp, &path)
    }

    /// Deletes cached entries whose key is not in `keep`, and stray temporary files.
    pub fn prune(&self, keep: &HashSet<u128>) {
        let Ok(shards) = fs::read_dir(self.dir.join("facts")) else {
            return;
        };
        for shard in shards.flatten() {
            let Ok(files) = fs::read_dir(shard.path()) else {
                continue;
            };
            for f in files.flatten() {
                let name = f.file_name().to_string_lossy().into_owned();
                let key = name
                    .strip_suffix(".bin")
                    .and_then(|h| u128::from_str_radix(h, 16).ok());
                if key.is_none_or(|k| !keep.contains(&k)) {
                    let _ = fs::remove_file(f.path());
                }
            }
        }
    }

    /// The cache folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn facts(title: &str) -> Cached {
        Cached {
            facts: Facts {
                title: title.into(),
                ..Facts::default()
            },
            event_entities: vec![(0, EntityKind::Place, 1)],
        }
    }

    #[test]
    fn stores_and_finds_facts_by_key() {
        let dir = tempfile::tempdir().unwrap();
        let c = FactsCache::new(dir.path().to_path_buf(), fingerprint("UTC", ""));
        let k = c.key(42);
        assert_eq!(c.get(k), None);
        c.put(k, &facts("A")).unwrap();
        assert_eq!(c.get(k), Some(facts("A")));
    }

    #[test]
    fn fingerprint_changes_the_key() {
        let a = FactsCache::new(PathBuf::new(), fingerprint("UTC", ""));
        let b = FactsCache::new(PathBuf::new(), fingerprint("Asia/Baghdad", ""));
        let c = FactsCache::new(
            PathBuf::new(),
            fingerprint("UTC", "[[person]]\nname = \"X\"\n"),
        );
        assert_ne!(a.key(1), b.key(1));
        assert_ne!(a.key(1), c.key(1));
    }

    #[test]
    fn corrupt_and_foreign_entries_are_misses() {
        let dir = tempfile::tempdir().unwrap();
        let c = FactsCache::new(dir.path().to_path_buf(), 7);
        let k = c.key(1);
        c.put(k, &facts("A")).unwrap();
        fs::write(c.path(k), b"\x02\xff\xff").unwrap();
        assert_eq!(c.get(k), None);
        fs::write(c.path(k), b"").unwrap();
        assert_eq!(c.get(k), None);
        // An entry written for another key (a copied file) is refused.
        let other = c.key(2);
        c.put(other, &facts("B")).unwrap();
        fs::copy(c.path(other), c.path(k)).unwrap();
        assert_eq!(c.get(k), None);
    }

    #[test]
    fn prune_keeps_only_used_entries() {
        let dir = tempfile::tempdir().unwrap();
        let c = FactsCache::new(dir.path().to_path_buf(), 7);
        let (a, b) = (c.key(1), c.key(2));
        c.put(a, &facts("A")).unwrap();
        c.put(b, &facts("B")).unwrap();
        c.prune(&HashSet::from([a]));
        assert!(c.get(a).is_some());
        assert!(c.get(b).is_none());
    }
}
