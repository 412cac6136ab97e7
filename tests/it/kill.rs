//! Nothing lost: the real `dateline` binary is killed with SIGKILL at random
//! moments of a build (seeded, so a failure can be replayed), and after every kill
//! `public/` is exactly the old complete site or the new complete one; staging
//! folders left by killed builds are removed by the next build. A build that
//! cannot write fails naming the path and keeps the old site.

use std::fs;
use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::support::{empty_site, write};
use crate::tree::{staging_leftovers, tree_hash};

/// How many articles the generated site has.
const ARTICLES: usize = 200;

/// A small seeded generator (xorshift64*): the test needs no crate for this.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

const PLACES: &[&str] = &["Lisbon", "Porto", "Faro", "Braga", "Coimbra", "Setúbal"];
const PEOPLE: &[&str] = &[
    "Ana Ribeiro",
    "Joaquim Serra",
    "Marta Sousa",
    "Rui Almeida",
    "Inês Duarte",
];
const TOPICS: &[&str] = &[
    "ferry timetable",
    "harbour wall repairs",
    "fish market rents",
    "dredging permit",
    "night bus route",
];

/// Writes the site's articles; `edition` changes every title and adds articles,
/// so the two editions build into different sites.
fn write_articles(root: &Path, edition: u32) {
    let content = root.join("content");
    let _ = fs::remove_dir_all(&content);
    fs::create_dir_all(&content).unwrap();
    let count = ARTICLES + edition as usize * 10;
    for i in 0..count {
        let place = PLACES[i % PLACES.len()];
        let person = PEOPLE[i % PEOPLE.len()];
        let topic = TOPICS[i % TOPICS.len()];
        let day = 1 + i % 28;
        let month = 1 + (i / 28) % 12;
        write(
            root,
            &format!("content/2022-{month:02}-{day:02}-brief-{i}.md"),
            format!(
                "+++\ntitle = \"{place} council reviews the {topic} (edition {edition}, {i})\"\n\
                 tags = [\"{place}\", \"Council\"]\n+++\n\
                 {place_up}, {month}/{day} - The {place} city council met on Tuesday to review \
                 the {topic}, its chair {person} said.\n\n\
                 \"We will decide by March 3,\" {person} told reporters. The plan costs \
                 {cost} million euros, up 12% on last year.\n\n\
                 The {topic} was first discussed in 2019.\n",
                place_up = place.to_uppercase(),
                cost = 2 + i % 40,
            ),
        );
    }
}

fn dateline_build(root: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_dateline"));
    cmd.args(["build", "-q", "--root"])
        .arg(root)
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    cmd
}

/// Builds `edition` to completion and returns the hash of `public/`.
fn complete_build(root: &Path, edition: u32) -> (u64, Duration) {
    write_articles(root, edition);
    let start = Instant::now();
    let out = dateline_build(root).output().unwrap();
    let took = start.elapsed();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        staging_leftovers(root).is_empty(),
        "leftovers after a build"
    );
    (tree_hash(&root.join("public")), took)
}

#[test]
fn killed_builds_leave_the_old_or_the_new_site_whole() {
    let site = empty_site();
    let root = site.path();
    let (old, _) = complete_build(root, 0);
    let (new, _) = complete_build(root, 1);
    assert_ne!(old, new);
    // Builds are deterministic: the same content gives the same bytes. This one
    // keeps the pages of the first (an incremental build, the quickest kind): kill
    // times are drawn from its length, so that many land inside a build.
    let (again, took) = complete_build(root, 0);
    assert_eq!(again, old);
    let hashes = [old, new];

    let mut rng = Rng(0x5EED_DA7E_11E0_0007);
    let micros = took.as_micros() as u64;
    let mut current = 0u32; // the edition in public/
    let mut leftovers_seen = 0;
    for iteration in 0..30 {
        let target = 1 - current;
        write_articles(root, target);
        // Half the kills anywhere in the build, half near its end, where the
        // new site is swapped in and the old one deleted.
        let delay = Duration::from_micros(if iteration % 2 == 0 {
            rng.below(micros * 6 / 5 + 1)
        } else {
            micros * 7 / 10 + rng.below(micros * 6 / 10 + 1)
        });
        let mut child = dateline_build(root).spawn().unwrap();
        std::thread::sleep(delay);
        let _ = child.kill(); // SIGKILL; an error means it had already exited.
        let status = child.wait().unwrap();
        let now = tree_hash(&root.join("public"));
        let state = hashes.iter().position(|&h| h == now).unwrap_or_else(|| {
            panic!(
                "iteration {iteration} (killed after {delay:?}, {status}): public/ is neither site"
            )
        });
        current = state as u32;
        if !staging_leftovers(root).is_empty() {
            leftovers_seen += 1;
        }
        // Every few kills, a build that runs to the end removes what they left.
        if iteration % 10 == 9 {
            let (h, _) = complete_build(root, current);
            assert_eq!(h, hashes[current as usize]);
        }
    }
    assert!(
        leftovers_seen > 0,
        "no kill landed mid-build: the test proves nothing"
    );
    let (h, _) = complete_build(root, 1);
    assert_eq!(h, new);
    assert!(staging_leftovers(root).is_empty());
}

#[test]
fn write_error_names_the_path_and_keeps_the_old_site() {
    let site = empty_site();
    let root = site.path();
    let (old, _) = complete_build(root, 0);
    write_articles(root, 1);
    // A full disk, made without privileges: a file-size limit of 4 KiB, with
    // SIGXFSZ ignored so that a write past it fails with EFBIG ("File too large")
    // instead of killing the process. Unlike permissions, this holds for root.
    let mut cmd = dateline_build(root);
    // SAFETY: only async-signal-safe calls between fork and exec.
    unsafe {
        cmd.pre_exec(|| {
            let limit = libc::rlimit {
                rlim_cur: 4096,
                rlim_max: 4096,
            };
            if libc::setrlimit(libc::RLIMIT_FSIZE, &limit) != 0 {
                return Err(std::io::Error::last_os_error());
            }
            libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
            Ok(())
        });
    }
    let out = cmd.output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(stderr.contains("failed to write `"), "{stderr}");
    assert!(
        stderr.contains(".public.dateline-tmp-"),
        "names the path: {stderr}"
    );
    assert!(stderr.contains("File too large"), "{stderr}");
    assert_eq!(tree_hash(&root.join("public")), old, "old site kept");
    assert!(staging_leftovers(root).is_empty(), "staging removed");
}

#[test]
fn output_under_a_regular_file_fails_with_the_path() {
    let site = empty_site();
    let root = site.path();
    let (old, _) = complete_build(root, 0);
    fs::write(root.join("not-a-folder"), "x").unwrap();
    let out = dateline_build(root)
        .args(["--output"])
        .arg(root.join("not-a-folder/public"))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(stderr.contains("not-a-folder` is not a folder"), "{stderr}");
    assert_eq!(tree_hash(&root.join("public")), old);
}
