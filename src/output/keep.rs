//! Incremental builds: the staging folder starts as the site of the build before
//! last, and only pages whose digest changed are rendered into it.
//!
//! A build swaps its staging folder with the output, so the old site ends up in the
//! staging folder. Instead of deleting it, a build that uses the cache keeps it beside
//! the output as `.<name>.dateline-prev`, with a manifest in the cache folder listing
//! each of its files with the page's digest, size and modification time (and each
//! folder's modification time). The next build renames that folder to be its staging
//! folder, keeps every page whose digest is unchanged and whose file is untouched,
//! renders the others over it, deletes the files no longer produced, and swaps. The
//! output is never written in place, so a failed or killed build still leaves it
//! whole; a killed build's staging folder is a leftover like any other. The price is
//! a second copy of the site on disk.
//!
//! The kept tree is trusted only as far as the manifest vouches for it: a manifest
//! that is missing, foreign or unreadable, a folder whose modification time changed
//! (a file added or removed by hand) or top-level entries the manifest does not
//! list discard it; a kept page whose size or modification time differs is rendered
//! again.

use std::collections::{HashMap, HashSet};
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use rayon::prelude::*;

/// A file of a built site, as the manifest records it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Entry {
    /// The page digest; 0 for files that are always written again.
    pub digest: u128,
    pub size: u64,
    /// Modification time, nanoseconds since the epoch.
    pub mtime: i128,
}

impl Entry {
    /// The entry of a file with metadata `meta` and page digest `digest`.
    pub fn of(meta: &fs::Metadata, digest: u128) -> Entry {
        Entry {
            digest,
            size: meta.len(),
            mtime: mtime(meta),
        }
    }
}

fn mtime(meta: &fs::Metadata) -> i128 {
    meta.modified()
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_nanos() as i128)
}

const HEADER: &str = "dateline-pages 1";

/// The manifest of one built tree: files by site path, folders (path ending in `/`)
/// with their modification times.
#[derive(Debug, Default)]
pub struct Manifest {
    pub files: HashMap<String, Entry>,
    pub dirs: HashMap<String, i128>,
}

impl Manifest {
    fn parse(text: &str, id: &str) -> Option<Manifest> {
        let mut lines = text.lines();
        if lines.next()? != format!("{HEADER} {id}") {
            return None;
        }
        let mut m = Manifest::default();
        let mut complete = false;
        for line in lines {
            if line == "end" {
                complete = true;
                break;
            }
            let mut parts = line.splitn(4, ' ');
            let (digest, size, mtime, path) =
                (parts.next()?, parts.next()?, parts.next()?, parts.next()?);
            let mtime: i128 = mtime.parse().ok()?;
            // Paths are deleted by a later build: each must stay inside the tree.
            super::check_relative(path.trim_end_matches('/')).ok()?;
            if digest == "d" {
                m.dirs.insert(path.to_string(), mtime);
            } else {
                m.files.insert(
                    path.to_string(),
                    Entry {
                        digest: u128::from_str_radix(digest, 16).ok()?,
                        size: size.parse().ok()?,
                        mtime,
                    },
                );
            }
        }
        complete.then_some(m)
    }

    fn render(&self, id: &str) -> String {
        let mut out = String::with_capacity(64 * (self.files.len() + self.dirs.len()));
        out.push_str(HEADER);
        out.push(' ');
        out.push_str(id);
        out.push('\n');
        let mut files: Vec<_> = self.files.iter().collect();
        files.sort_by(|a, b| a.0.cmp(b.0));
        for (path, e) in files {
            out.push_str(&format!("{:x} {} {} {path}\n", e.digest, e.size, e.mtime));
        }
        let mut dirs: Vec<_> = self.dirs.iter().collect();
        dirs.sort();
        for (path, mtime) in dirs {
            out.push_str(&format!("d 0 {mtime} {path}\n"));
        }
        out.push_str("end\n");
        out
    }
}

/// The build id a tree's marker file names (`build <id>` on its second line).
pub fn marker_id(tree: &Path) -> Option<String> {
    let text = fs::read_to_string(tree.join(super::MARKER)).ok()?;
    let id = text.lines().find_map(|l| l.strip_prefix("build "))?.trim();
    (!id.is_empty() && id.bytes().all(|b| b.is_ascii_hexdigit())).then(|| id.to_string())
}

/// A new build id.
pub fn new_id() -> String {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    let seed = format!("{nanos} {}", std::process::id());
    format!("{:032x}", xxhash_rust::xxh3::xxh3_128(seed.as_bytes()))
}

/// The pages of an earlier build kept in a staging folder, and what this build
/// writes or keeps.
#[derive(Debug)]
pub struct Kept {
    /// Where manifests live (`<cache>/pages`).
    dir: PathBuf,
    /// Names this output's manifests: a hash of its path.
    output_key: String,
    /// This build's id.
    pub id: String,
    /// The id of the site in the output now, which becomes the next kept tree.
    pub output_id: Option<String>,
    prev: Manifest,
    now: Mutex<Vec<(String, Entry)>>,
    /// Pages kept so far.
    pub kept: std::sync::atomic::AtomicUsize,
}

impl Kept {
    /// Prepares `staging` (not yet existing) for output `output`: the kept tree is
    /// moved there when its manifest vouches for it (the flag; otherwise the kept
    /// tree is deleted and the caller makes an empty staging folder).
    pub fn begin(
        manifests: PathBuf,
        output: &Path,
        kept_tree: &Path,
        staging: &Path,
    ) -> (Kept, bool) {
        let output_key = format!(
            "{:016x}",
            xxhash_rust::xxh3::xxh3_64(output.as_os_str().as_encoded_bytes())
        );
        let mut kept = Kept {
            dir: manifests,
            output_key,
            id: new_id(),
            output_id: marker_id(output),
            prev: Manifest::default(),
            now: Mutex::new(Vec::new()),
            kept: std::sync::atomic::AtomicUsize::new(0),
        };
        let prev = marker_id(kept_tree).and_then(|id| {
            let text = fs::read_to_string(kept.manifest_path(&id)).ok()?;
            Manifest::parse(&text, &id)
        });
        let Some(prev) = prev else {
            super::remove_tree(kept_tree);
            return (kept, false);
        };
        if fs::rename(kept_tree, staging).is_err() {
            super::remove_tree(kept_tree);
            return (kept, false);
        }
        if !untouched(staging, &prev) {
            super::remove_tree(staging);
            return (kept, false);
        }
        kept.prev = prev;
        (kept, true)
    }

    fn manifest_path(&self, id: &str) -> PathBuf {
        self.dir.join(format!("{}-{id}.txt", self.output_key))
    }

    /// True when the page at `rel` in `staging` is the previous build's page with
    /// `digest`, untouched since; it is then recorded as part of this build.
    pub fn keep(&self, staging: &Path, rel: &str, digest: u128) -> bool {
        let Some(e) = self.prev.files.get(rel) else {
            return false;
        };
        if e.digest != digest || digest == 0 {
            return false;
        }
        let Ok(meta) = fs::symlink_metadata(staging.join(rel)) else {
            return false;
        };
        if !meta.is_file() || Entry::of(&meta, digest) != *e {
            return false;
        }
        self.record(rel, *e);
        self.kept.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        true
    }

    /// Records a file this build wrote.
    pub fn record(&self, rel: &str, e: Entry) {
        self.now
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .push((rel.to_string(), e));
    }

    /// Deletes from `staging` what the kept tree had and this build did not
    /// produce, and writes this build's manifest. Call after everything is written.
    pub fn finish(&self, staging: &Path) -> anyhow::Result<()> {
        let now = std::mem::take(&mut *self.now.lock().unwrap_or_else(|p| p.into_inner()));
        let mut files: HashMap<String, Entry> = now.into_iter().collect();
        let stale: Vec<&String> = self
            .prev
            .files
            .keys()
            .filter(|p| !files.contains_key(*p))
            .collect();
        stale.par_iter().for_each(|rel| {
            let _ = fs::remove_file(staging.join(rel));
        });
        // Folders left empty, deepest first (a folder that is not empty stays).
        let mut emptied: Vec<&str> = stale
            .iter()
            .flat_map(|rel| parents(rel))
            .collect::<HashSet<&str>>()
            .into_iter()
            .collect();
        emptied.sort_by_key(|d| std::cmp::Reverse(d.len()));
        for d in emptied {
            let _ = fs::remove_dir(staging.join(d));
        }
        // The marker is written before anything else and kept out of the digests.
        if let Ok(meta) = fs::metadata(staging.join(super::MARKER)) {
            files.insert(super::MARKER.to_string(), Entry::of(&meta, 0));
        }
        let dir_names: HashSet<&str> = files.keys().flat_map(|rel| parents(rel)).collect();
        let dirs: HashMap<String, i128> = dir_names
            .par_iter()
            .filter_map(|d| {
                let meta = fs::metadata(staging.join(d)).ok()?;
                Some((format!("{d}/"), mtime(&meta)))
            })
            .collect();
        let manifest = Manifest { files, dirs };
        fs::create_dir_all(&self.dir)?;
        let path = self.manifest_path(&self.id);
        let tmp = path.with_extension(format!("tmp{}", std::process::id()));
        fs::write(&tmp, manifest.render(&self.id))?;
        fs::rename(&tmp, &path)?;
        Ok(())
    }

    /// Deletes this output's manifests other than this build's and `keep`'s.
    pub fn prune(&self, keep: Option<&str>) {
        let Ok(entries) = fs::read_dir(&self.dir) else {
            return;
        };
        let prefix = format!("{}-", self.output_key);
        for e in entries.flatten() {
            let name = e.file_name().to_string_lossy().into_owned();
            let Some(rest) = name.strip_prefix(&prefix) else {
                continue;
            };
            let id = rest.split('.').next().unwrap_or("");
            if id != self.id && Some(id) != keep {
                let _ = fs::remove_file(e.path());
            }
        }
    }
}

/// The folders above a site path, nearest first (`a/b/c.html` → `a/b`, `a`).
fn parents(rel: &str) -> impl Iterator<Item = &str> {
    let mut cur = rel;
    std::iter::from_fn(move || {
        let (dir, _) = cur.rsplit_once('/')?;
        cur = dir;
        Some(dir)
    })
}

/// True when the tree is as its manifest says: every folder's modification time is
/// the recorded one (files added or removed by hand change it) and the top level
/// holds only recorded entries.
fn untouched(tree: &Path, m: &Manifest) -> bool {
    let dirs_ok = m.dirs.par_iter().all(|(d, &t)| {
        fs::symlink_metadata(tree.join(d.trim_end_matches('/')))
            .is_ok_and(|meta| meta.is_dir() && mtime(&meta) == t)
    });
    if !dirs_ok {
        return false;
    }
    let Ok(entries) = fs::read_dir(tree) else {
        return false;
    };
    entries.flatten().all(|e| {
        let name = e.file_name().to_string_lossy().into_owned();
        m.files.contains_key(&name) || m.dirs.contains_key(&format!("{name}/"))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn manifests_round_trip_and_refuse_other_ids_and_cut_files() {
        let mut m = Manifest::default();
        m.files.insert(
            "a b/index.html".into(),
            Entry {
                digest: 0xabc,
                size: 12,
                mtime: 1_700_000_000_123_456_789,
            },
        );
        m.dirs.insert("a b/".into(), 5);
        let text = m.render("ff");
        let back = Manifest::parse(&text, "ff").unwrap();
        assert_eq!(back.files, m.files);
        assert_eq!(back.dirs, m.dirs);
        assert!(Manifest::parse(&text, "fe").is_none());
        let cut = &text[..text.len() - 4];
        assert!(Manifest::parse(cut, "ff").is_none());
        for bad in ["../up.html", "/etc/passwd", "a/../../b"] {
            let evil = text.replace("a b/index.html", bad);
            assert!(Manifest::parse(&evil, "ff").is_none(), "{bad}");
        }
    }

    #[test]
    fn parents_of_a_path() {
        assert_eq!(parents("a/b/c.html").collect::<Vec<_>>(), ["a/b", "a"]);
        assert_eq!(parents("c.html").count(), 0);
    }
}
