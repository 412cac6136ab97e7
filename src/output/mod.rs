//! Writing the site: into a staging folder beside the output, swapped in whole.
//!
//! A failed or killed build must leave the previous `public/` exactly as it was, and
//! nothing outside the output folder and Dateline's own hidden folders beside it is
//! ever written or deleted. So every page is
//! written into `.<name>.dateline-tmp-<pid>` next to the output folder, and only when
//! the whole build has succeeded is it exchanged with the output in one atomic
//! `renameat2(RENAME_EXCHANGE)` (two renames where that call does not exist); the
//! old site, now in the staging folder, is deleted afterwards, or kept beside the
//! output for the next incremental build (see [`keep`]). Leftovers of a killed
//! build are removed by the next one. Dateline marks folders it made with a
//! `.dateline` file and refuses to replace a non-empty folder without it unless forced.

pub mod feeds;
pub mod files;
pub mod keep;
pub mod sitemap;

use std::fs;
use std::io::Write;
use std::path::{Component, Path, PathBuf};

use anyhow::{Context, bail};

/// The marker file in every output folder Dateline made.
pub const MARKER: &str = ".dateline";

/// Where pages go: a staging folder on disk, or memory when serving.
pub trait Sink: Sync {
    /// Writes `bytes` at the site path `rel` (`2023/03/08/a/index.html`).
    fn write(&self, rel: &str, bytes: &[u8]) -> anyhow::Result<()>;
    /// Copies the file `from` to the site path `rel`.
    fn copy(&self, from: &Path, rel: &str) -> anyhow::Result<()>;
    /// True when pages carry digests here (an incremental build): then each page is
    /// offered to [`keep`](Self::keep) before it is rendered.
    fn keeps_pages(&self) -> bool {
        false
    }
    /// True when the page at `rel` is already there from an earlier build with the
    /// same `digest`, and stays.
    fn keep(&self, _rel: &str, _digest: u128) -> bool {
        false
    }
    /// Writes the page at `rel` whose digest is `digest`.
    fn write_page(&self, rel: &str, bytes: &[u8], _digest: u128) -> anyhow::Result<()> {
        self.write(rel, bytes)
    }
}

/// A sink that keeps nothing: `build --dry-run` renders into it, counting bytes.
#[derive(Default)]
pub struct Discard {
    bytes: std::sync::atomic::AtomicU64,
}

impl Discard {
    /// The bytes written so far.
    pub fn bytes(&self) -> u64 {
        self.bytes.load(std::sync::atomic::Ordering::Relaxed)
    }
}

impl Sink for Discard {
    fn write(&self, rel: &str, bytes: &[u8]) -> anyhow::Result<()> {
        check_relative(rel)?;
        self.bytes
            .fetch_add(bytes.len() as u64, std::sync::atomic::Ordering::Relaxed);
        Ok(())
    }
    fn copy(&self, from: &Path, rel: &str) -> anyhow::Result<()> {
        check_relative(rel)?;
        let len = std::fs::metadata(from)
            .with_context(|| format!("failed to read `{}`", from.display()))?
            .len();
        self.bytes
            .fetch_add(len, std::sync::atomic::Ordering::Relaxed);
        Ok(())
    }
}

/// Checks that `rel` is a relative path that stays inside the output folder.
pub fn check_relative(rel: &str) -> anyhow::Result<&Path> {
    let p = Path::new(rel);
    let ok = !rel.is_empty()
        && !rel.contains('\0')
        && p.components().all(|c| matches!(c, Component::Normal(_)));
    if !ok {
        bail!("refusing to write `{rel}`: output paths must stay inside the output folder");
    }
    Ok(p)
}

/// A build's staging folder, swapped in by [`Staging::commit`] and removed if dropped.
#[derive(Debug)]
pub struct Staging {
    output: PathBuf,
    temp: PathBuf,
    committed: bool,
    /// For incremental builds: the earlier site the staging folder started from.
    kept: Option<keep::Kept>,
    /// Where the old site is kept for the next incremental build.
    kept_tree: PathBuf,
}

/// What the output folder may not be.
pub struct Protected<'a> {
    pub root: &'a Path,
    pub content: &'a Path,
    pub others: &'a [&'a Path],
}

/// A path made absolute and free of `.`/`..`/symlinks as far as it exists.
fn resolve(p: &Path) -> PathBuf {
    if let Ok(c) = fs::canonicalize(p) {
        return c;
    }
    let abs = if p.is_absolute() {
        p.to_path_buf()
    } else {
        std::env::current_dir().unwrap_or_default().join(p)
    };
    let mut out = PathBuf::new();
    for c in abs.components() {
        match c {
            Component::ParentDir => {
                out.pop();
            }
            Component::CurDir => {}
            other => out.push(other),
        }
    }
    match (out.parent(), out.file_name()) {
        (Some(parent), Some(name)) if parent != out => resolve(parent).join(name),
        _ => out,
    }
}

impl Staging {
    /// Prepares a staging folder for `output`, after checking it is safe to replace.
    pub fn begin(output: &Path, protected: &Protected<'_>, force: bool) -> anyhow::Result<Staging> {
        Staging::begin_with(output, protected, force, None)
    }

    /// Like [`begin`](Self::begin); with `manifests` (a folder for page manifests),
    /// an incremental build: the staging folder starts as the site kept from the
    /// build before last, and the old site is kept after the swap (see [`keep`]).
    pub fn begin_with(
        output: &Path,
        protected: &Protected<'_>,
        force: bool,
        manifests: Option<PathBuf>,
    ) -> anyhow::Result<Staging> {
        let out = resolve(output);
        for (what, p) in [
            ("the site root", protected.root),
            ("the content folder", protected.content),
        ]
        .into_iter()
        .chain(protected.others.iter().map(|p| ("a site folder", *p)))
        {
            let p = resolve(p);
            if out == p || p.starts_with(&out) {
                bail!(
                    "refusing to build into `{}`: it is {what} or contains it, and building replaces the whole folder",
                    output.display()
                );
            }
            if what == "the content folder" && out.starts_with(&p) {
                bail!(
                    "refusing to build into `{}`: it is inside the content folder",
                    output.display()
                );
            }
        }
        if out.parent().is_none() {
            bail!(
                "refusing to build into `{}`: the file-system root",
                output.display()
            );
        }
        if out.exists() {
            if !out.is_dir() {
                bail!(
                    "the output `{}` exists and is not a folder",
                    output.display()
                );
            }
            let mut entries = fs::read_dir(&out)
                .with_context(|| format!("failed to read `{}`", output.display()))?;
            let empty = entries.next().is_none();
            if !empty && !out.join(MARKER).exists() && !force {
                bail!(
                    "`{}` is not empty and was not made by Dateline (no `{MARKER}` file); \
                     building would replace it. Use --force to replace it anyway",
                    output.display()
                );
            }
        }
        let parent = out.parent().map(Path::to_path_buf).unwrap_or_default();
        let name = out
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        fs::create_dir_all(&parent).map_err(|e| {
            // "File exists" would not say which: name the file in the way.
            match parent.ancestors().find(|a| a.exists() && !a.is_dir()) {
                Some(file) => anyhow::anyhow!(
                    "failed to create `{}`: `{}` is not a folder",
                    parent.display(),
                    file.display()
                ),
                None => anyhow::Error::new(e)
                    .context(format!("failed to create `{}`", parent.display())),
            }
        })?;
        remove_leftovers(&parent, &name);
        let temp = parent.join(format!(".{name}.dateline-tmp-{}", std::process::id()));
        if temp.exists() {
            fs::remove_dir_all(&temp)
                .with_context(|| format!("failed to remove `{}`", temp.display()))?;
        }
        let kept_tree = parent.join(format!(".{name}.dateline-prev"));
        let (kept, adopted) = match manifests {
            Some(dir) => {
                let (k, adopted) = keep::Kept::begin(dir, &out, &kept_tree, &temp);
                (Some(k), adopted)
            }
            None => {
                if kept_tree.exists() {
                    remove_tree(&kept_tree);
                }
                (None, false)
            }
        };
        if !adopted {
            fs::create_dir(&temp)
                .with_context(|| format!("failed to create `{}`", temp.display()))?;
        }
        let id = kept.as_ref().map_or_else(keep::new_id, |k| k.id.clone());
        let staging = Staging {
            output: out,
            temp,
            committed: false,
            kept,
            kept_tree,
        };
        staging.write(
            MARKER,
            format!(
                "This folder is built by Dateline; `dateline build` replaces it whole.\nbuild {id}\n"
            )
            .as_bytes(),
        )?;
        Ok(staging)
    }

    /// How many pages of an earlier build were kept.
    pub fn kept_pages(&self) -> usize {
        self.kept
            .as_ref()
            .map_or(0, |k| k.kept.load(std::sync::atomic::Ordering::Relaxed))
    }

    /// The staging folder.
    pub fn path(&self) -> &Path {
        &self.temp
    }

    /// Swaps the staging folder in as the output and deletes (or keeps) the old site.
    pub fn commit(mut self) -> anyhow::Result<()> {
        self.committed = true;
        // A manifest that cannot be written only costs the next build time.
        let finished = self
            .kept
            .as_ref()
            .is_some_and(|k| k.finish(&self.temp).is_ok());
        if !self.output.exists() {
            fs::rename(&self.temp, &self.output).with_context(|| {
                format!(
                    "failed to move `{}` to `{}`",
                    self.temp.display(),
                    self.output.display()
                )
            })?;
            if let Some(k) = &self.kept {
                k.prune(None);
            }
            return Ok(());
        }
        // Only a site Dateline built (its marker names the build) is kept: a foreign
        // folder replaced with --force goes at once.
        let keep_old = finished && self.kept.as_ref().is_some_and(|k| k.output_id.is_some());
        exchange(&self.temp, &self.output)?;
        // The old site is now in the staging folder: kept for the next incremental
        // build, or deleted (a failure to delete it loses nothing and the next build
        // removes it).
        if keep_old && fs::rename(&self.temp, &self.kept_tree).is_ok() {
            if let Some(k) = &self.kept {
                k.prune(k.output_id.as_deref());
            }
        } else {
            remove_tree(&self.temp);
        }
        Ok(())
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            let _ = fs::remove_dir_all(&self.temp);
        }
    }
}

impl Sink for Staging {
    fn write(&self, rel: &str, bytes: &[u8]) -> anyhow::Result<()> {
        self.write_page(rel, bytes, 0)
    }

    fn keeps_pages(&self) -> bool {
        self.kept.is_some()
    }

    fn keep(&self, rel: &str, digest: u128) -> bool {
        self.kept
            .as_ref()
            .is_some_and(|k| k.keep(&self.temp, rel, digest))
    }

    fn write_page(&self, rel: &str, bytes: &[u8], digest: u128) -> anyhow::Result<()> {
        let path = self.temp.join(check_relative(rel)?);
        if let Some(dir) = path.parent() {
            fs::create_dir_all(dir)
                .with_context(|| format!("failed to create `{}`", dir.display()))?;
        }
        let mut f = fs::File::create(&path)
            .with_context(|| format!("failed to write `{}`", path.display()))?;
        f.write_all(bytes)
            .with_context(|| format!("failed to write `{}`", path.display()))?;
        if let Some(k) = &self.kept {
            let meta = f
                .metadata()
                .with_context(|| format!("failed to write `{}`", path.display()))?;
            k.record(rel, keep::Entry::of(&meta, digest));
        }
        Ok(())
    }

    fn copy(&self, from: &Path, rel: &str) -> anyhow::Result<()> {
        let path = self.temp.join(check_relative(rel)?);
        if let Some(dir) = path.parent() {
            fs::create_dir_all(dir)
                .with_context(|| format!("failed to create `{}`", dir.display()))?;
        }
        fs::copy(from, &path).with_context(|| {
            format!(
                "failed to copy `{}` to `{}`",
                from.display(),
                path.display()
            )
        })?;
        if let Some(k) = &self.kept {
            let meta = fs::metadata(&path)
                .with_context(|| format!("failed to write `{}`", path.display()))?;
            k.record(rel, keep::Entry::of(&meta, 0));
        }
        Ok(())
    }
}

/// Deletes a folder tree, its top-level entries in parallel (a big site's old
/// copy has tens of thousands of files).
pub(crate) fn remove_tree(dir: &Path) {
    use rayon::prelude::*;
    if let Ok(entries) = fs::read_dir(dir) {
        let paths: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
        paths.par_iter().for_each(|p| {
            if p.is_dir() && !p.is_symlink() {
                let _ = fs::remove_dir_all(p);
            } else {
                let _ = fs::remove_file(p);
            }
        });
    }
    let _ = fs::remove_dir_all(dir);
}

/// Removes staging folders of earlier builds of `name` whose process is gone.
fn remove_leftovers(parent: &Path, name: &str) {
    let prefix = format!(".{name}.dateline-tmp-");
    let Ok(entries) = fs::read_dir(parent) else {
        return;
    };
    for e in entries.flatten() {
        let file_name = e.file_name().to_string_lossy().into_owned();
        let Some(pid) = file_name.strip_prefix(&prefix) else {
            continue;
        };
        let alive = pid
            .parse::<u32>()
            .is_ok_and(|p| p != std::process::id() && process_alive(p));
        if !alive {
            let _ = fs::remove_dir_all(e.path());
        }
    }
}

#[cfg(target_os = "linux")]
fn process_alive(pid: u32) -> bool {
    Path::new(&format!("/proc/{pid}")).exists()
}

#[cfg(not(target_os = "linux"))]
fn process_alive(_pid: u32) -> bool {
    false
}

/// Atomically exchanges two folders.
#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> anyhow::Result<()> {
    use std::ffi::CString;
    use std::os::unix::ffi::OsStrExt;
    let ca = CString::new(a.as_os_str().as_bytes())?;
    let cb = CString::new(b.as_os_str().as_bytes())?;
    // SAFETY: both are valid NUL-terminated paths; AT_FDCWD is fine as they are absolute.
    let rc = unsafe {
        libc::renameat2(
            libc::AT_FDCWD,
            ca.as_ptr(),
            libc::AT_FDCWD,
            cb.as_ptr(),
            libc::RENAME_EXCHANGE,
        )
    };
    if rc == 0 {
        return Ok(());
    }
    let err = std::io::Error::last_os_error();
    // File systems without RENAME_EXCHANGE: fall back to two renames.
    if matches!(err.raw_os_error(), Some(libc::EINVAL) | Some(libc::ENOSYS)) {
        return exchange_by_renames(a, b);
    }
    Err(err).with_context(|| format!("failed to swap `{}` into `{}`", a.display(), b.display()))
}

#[cfg(not(target_os = "linux"))]
fn exchange(a: &Path, b: &Path) -> anyhow::Result<()> {
    exchange_by_renames(a, b)
}

/// Exchanges by moving `b` aside, `a` into place, and the old `b` to `a`.
fn exchange_by_renames(a: &Path, b: &Path) -> anyhow::Result<()> {
    let aside = a.with_extension("old");
    fs::rename(b, &aside).with_context(|| format!("failed to move `{}` aside", b.display()))?;
    if let Err(e) = fs::rename(a, b) {
        let _ = fs::rename(&aside, b);
        return Err(e)
            .with_context(|| format!("failed to move `{}` to `{}`", a.display(), b.display()));
    }
    fs::rename(&aside, a).with_context(|| format!("failed to move `{}`", aside.display()))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tmp(name: &str) -> PathBuf {
        let d = std::env::temp_dir().join(format!("dateline-out-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&d);
        fs::create_dir_all(&d).unwrap();
        d
    }

    fn protected<'a>(root: &'a Path, content: &'a Path) -> Protected<'a> {
        Protected {
            root,
            content,
            others: &[],
        }
    }

    #[test]
    fn commit_replaces_the_old_site_whole() {
        let root = tmp("commit");
        let content = root.join("content");
        let out = root.join("public");
        let s = Staging::begin(&out, &protected(&root, &content), false).unwrap();
        s.write("old.html", b"old").unwrap();
        s.commit().unwrap();
        let s = Staging::begin(&out, &protected(&root, &content), false).unwrap();
        s.write("a/index.html", b"new").unwrap();
        s.commit().unwrap();
        assert!(!out.join("old.html").exists());
        assert_eq!(fs::read(out.join("a/index.html")).unwrap(), b"new");
        assert!(out.join(MARKER).exists());
        let leftovers: Vec<_> = fs::read_dir(&root)
            .unwrap()
            .flatten()
            .map(|e| e.file_name())
            .collect();
        assert_eq!(leftovers.len(), 1, "{leftovers:?}");
    }

    #[test]
    fn an_incremental_build_keeps_the_old_site_beside_but_not_a_foreign_one() {
        let root = tmp("kept");
        let out = root.join("public");
        let manifests = root.join("cache/pages");
        fs::create_dir_all(&out).unwrap();
        fs::write(out.join("foreign.txt"), "not ours").unwrap();
        let begin = || {
            Staging::begin_with(
                &out,
                &protected(&root, &root.join("content")),
                true,
                Some(manifests.clone()),
            )
            .unwrap()
        };
        let kept = root.join(".public.dateline-prev");
        let s = begin();
        s.write_page("a/index.html", b"one", 7).unwrap();
        s.commit().unwrap();
        assert!(
            !kept.exists(),
            "a foreign folder replaced with --force is not kept"
        );
        let s = begin();
        s.write_page("a/index.html", b"two", 8).unwrap();
        s.commit().unwrap();
        assert_eq!(fs::read(kept.join("a/index.html")).unwrap(), b"one");
        // The third build starts from the first's site and keeps its unchanged page.
        let s = begin();
        assert!(s.keep("a/index.html", 7));
        assert!(!s.keep("a/index.html", 8));
        s.commit().unwrap();
        assert_eq!(fs::read(out.join("a/index.html")).unwrap(), b"one");
        assert_eq!(fs::read(kept.join("a/index.html")).unwrap(), b"two");
    }

    #[test]
    fn dropping_without_commit_keeps_the_old_site() {
        let root = tmp("drop");
        let out = root.join("public");
        fs::create_dir_all(&out).unwrap();
        fs::write(out.join(MARKER), "").unwrap();
        fs::write(out.join("index.html"), "old").unwrap();
        {
            let s = Staging::begin(&out, &protected(&root, &root.join("content")), false).unwrap();
            s.write("index.html", b"new").unwrap();
        }
        assert_eq!(fs::read_to_string(out.join("index.html")).unwrap(), "old");
        assert_eq!(fs::read_dir(&root).unwrap().count(), 1);
    }

    #[test]
    fn refuses_root_content_and_parents() {
        let root = tmp("refuse");
        let content = root.join("content");
        fs::create_dir_all(&content).unwrap();
        for bad in [
            root.clone(),
            content.clone(),
            root.join("content/public"),
            root.parent().unwrap().to_path_buf(),
        ] {
            assert!(
                Staging::begin(&bad, &protected(&root, &content), true).is_err(),
                "{}",
                bad.display()
            );
        }
        assert!(
            Staging::begin(
                &root.join("x/../content"),
                &protected(&root, &content),
                true
            )
            .is_err()
        );
    }

    #[test]
    fn refuses_foreign_folders_unless_forced() {
        let root = tmp("foreign");
        let out = root.join("public");
        fs::create_dir_all(&out).unwrap();
        fs::write(out.join("precious.txt"), "keep").unwrap();
        let err =
            Staging::begin(&out, &protected(&root, &root.join("content")), false).unwrap_err();
        assert!(err.to_string().contains("--force"), "{err}");
        assert!(Staging::begin(&out, &protected(&root, &root.join("content")), true).is_ok());
    }

    #[test]
    fn leftovers_of_dead_builds_are_removed() {
        let root = tmp("leftover");
        let dead = root.join(".public.dateline-tmp-4000000000");
        fs::create_dir_all(&dead).unwrap();
        let s = Staging::begin(
            &root.join("public"),
            &protected(&root, &root.join("content")),
            false,
        )
        .unwrap();
        assert!(!dead.exists());
        drop(s);
    }

    #[test]
    fn paths_may_not_escape() {
        for bad in ["../x", "/etc/passwd", "a/../../b", "", "a\0b"] {
            assert!(check_relative(bad).is_err(), "{bad:?}");
        }
        assert!(check_relative("2023/03/08/a/index.html").is_ok());
    }
}
