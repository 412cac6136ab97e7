//! Speed and scale benches of the whole `dateline` binary on generated sites.
//!
//! ```text
//! cargo bench --bench site                      # build benches at 1,000 and 10,000, then serve
//! cargo bench --bench site -- build 1000 100000 # build benches at the given sizes
//! cargo bench --bench site -- serve [N]         # live-reload latency (default 10,000)
//! cargo bench --bench site -- generate DIR N [SEED]
//! ```
//!
//! The release binary runs as a child process, as a user runs it, and is measured
//! from outside: wall time, peak RSS and CPU time from `wait4`, per-step times from
//! `-v`. Sites and output live on tmpfs (`/dev/shm`) so the disk is not measured.
//! Environment: `DATELINE_BENCH_RUNS` (runs per scenario, default 5; 3 at ≥ 100,000),
//! `DATELINE_BENCH_DIR` (default `/dev/shm/dateline-bench`), `DATELINE_BENCH_SEED`
//! (default 42), `DATELINE_BENCH_EDITS` (serve edits, default 20),
//! `DATELINE_BENCH_SCENARIOS` (some of `cold,first,cached,edit`; all by default).

mod support;

use std::path::{Path, PathBuf};
use std::process::Command;

use support::measure::{self, Run, median, summarise};
use support::serve;
use support::sitegen;

const BIN: &str = env!("CARGO_BIN_EXE_dateline");

fn main() {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| a != "--bench")
        .collect();
    let result = match args.first().map(String::as_str) {
        Some("generate") => generate(&args[1..]),
        Some("build") => sizes(&args[1..]).and_then(|ns| build_benches(&ns)),
        Some("serve") => {
            sizes(&args[1..]).and_then(|ns| serve_bench(ns.first().copied().unwrap_or(10_000)))
        }
        None => build_benches(&[1_000, 10_000]).and_then(|()| serve_bench(10_000)),
        Some(other) => Err(format!(
            "unknown command `{other}`: generate DIR N [SEED] | build [N…] | serve [N]"
        )),
    };
    if let Err(e) = result {
        eprintln!("error: {e}");
        std::process::exit(1);
    }
}

fn env_or<T: std::str::FromStr>(name: &str, default: T) -> T {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn seed() -> u64 {
    env_or("DATELINE_BENCH_SEED", 42)
}

fn sizes(args: &[String]) -> Result<Vec<usize>, String> {
    let ns: Result<Vec<usize>, _> = args
        .iter()
        .map(|a| a.replace(['_', ','], "").parse())
        .collect();
    match ns {
        Ok(v) if v.is_empty() => Ok(vec![1_000, 10_000]),
        Ok(v) => Ok(v),
        Err(e) => Err(format!("sizes must be numbers: {e}")),
    }
}

/// The folder benches work in: on tmpfs unless `DATELINE_BENCH_DIR` says otherwise.
fn work_dir() -> Result<PathBuf, String> {
    let dir = PathBuf::from(env_or(
        "DATELINE_BENCH_DIR",
        "/dev/shm/dateline-bench".to_string(),
    ));
    std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    if !is_tmpfs(&dir) {
        if dir.starts_with("/dev/shm") {
            return Err(
                "/dev/shm is not a tmpfs here: set DATELINE_BENCH_DIR to a tmpfs folder".into(),
            );
        }
        eprintln!(
            "warning: {} is not on tmpfs: the disk is measured too",
            dir.display()
        );
    }
    Ok(dir)
}

/// Whether `path` lies on a tmpfs (memory) file system.
fn is_tmpfs(path: &Path) -> bool {
    const TMPFS_MAGIC: libc::c_long = 0x0102_1994;
    let Ok(c) = std::ffi::CString::new(path.as_os_str().as_encoded_bytes()) else {
        return false;
    };
    // SAFETY: an all-zero statfs is a valid value for statfs to fill in.
    let mut st: libc::statfs = unsafe { std::mem::zeroed() };
    // SAFETY: `c` is a NUL-terminated path and `st` is valid for writes.
    let r = unsafe { libc::statfs(c.as_ptr(), &mut st) };
    r == 0 && st.f_type as libc::c_long == TMPFS_MAGIC
}

fn generate(args: &[String]) -> Result<(), String> {
    let (Some(dir), Some(n)) = (args.first(), args.get(1)) else {
        return Err("usage: generate DIR N [SEED]".into());
    };
    let n: usize = n
        .replace(['_', ','], "")
        .parse()
        .map_err(|e| format!("N: {e}"))?;
    let seed = match args.get(2) {
        Some(s) => s.parse().map_err(|e| format!("SEED: {e}"))?,
        None => seed(),
    };
    let dir = Path::new(dir);
    let t = std::time::Instant::now();
    let entries = sitegen::ensure(dir, n, seed).map_err(|e| format!("{}: {e}", dir.display()))?;
    let md = entries.iter().filter(|e| e.markdown).count();
    eprintln!(
        "{n} articles ({md} Markdown, {} wire) in {} after {:.1} s",
        n - md,
        dir.display(),
        t.elapsed().as_secs_f64()
    );
    Ok(())
}

/// The scenarios measured at each size.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Scenario {
    /// `--no-cache` into an empty output folder.
    Cold,
    /// A fresh cache folder, filled by the build (a site's first build).
    FirstCached,
    /// Nothing changed since the last build.
    Cached,
    /// One article edited since the last build.
    OneEdit,
}

impl Scenario {
    fn name(self) -> &'static str {
        match self {
            Scenario::Cold => "cold --no-cache",
            Scenario::FirstCached => "cold, filling cache",
            Scenario::Cached => "cached, no change",
            Scenario::OneEdit => "cached, one edit",
        }
    }
}

/// The scenarios to run: all, or those named in `DATELINE_BENCH_SCENARIOS`
/// (comma-separated: `cold`, `first`, `cached`, `edit`).
fn scenarios() -> Result<Vec<Scenario>, String> {
    let all = [
        Scenario::Cold,
        Scenario::FirstCached,
        Scenario::Cached,
        Scenario::OneEdit,
    ];
    let Ok(names) = std::env::var("DATELINE_BENCH_SCENARIOS") else {
        return Ok(all.to_vec());
    };
    names
        .split(',')
        .map(|n| match n.trim() {
            "cold" => Ok(Scenario::Cold),
            "first" => Ok(Scenario::FirstCached),
            "cached" => Ok(Scenario::Cached),
            "edit" => Ok(Scenario::OneEdit),
            other => Err(format!(
                "unknown scenario `{other}` (cold, first, cached, edit)"
            )),
        })
        .collect()
}

fn build_benches(ns: &[usize]) -> Result<(), String> {
    let base = work_dir()?;
    eprintln!("binary: {BIN}\nwork dir: {}", base.display());
    let mut rows = Vec::new();
    for &n in ns {
        let runs = env_or("DATELINE_BENCH_RUNS", if n >= 100_000 { 3 } else { 5 });
        let site = base.join(format!("site-{n}"));
        let t = std::time::Instant::now();
        let entries =
            sitegen::ensure(&site, n, seed()).map_err(|e| format!("{}: {e}", site.display()))?;
        eprintln!(
            "site of {n} articles ready in {:.1} s",
            t.elapsed().as_secs_f64()
        );
        let out = base.join(format!("out-{n}"));
        for scenario in scenarios()? {
            let measured = measure_scenario(&site, &out, &entries, scenario, runs)?;
            rows.push((n, scenario, measured));
            print_row(rows.last().expect("a row"));
        }
        let _ = std::fs::remove_dir_all(&out);
    }
    println!();
    print_table(&rows);
    Ok(())
}

/// Where a build keeps the previous site for the next incremental build.
fn kept_tree(out: &Path) -> PathBuf {
    let name = out.file_name().unwrap_or_default().to_string_lossy();
    out.with_file_name(format!(".{name}.dateline-prev"))
}

fn measure_scenario(
    site: &Path,
    out: &Path,
    entries: &[sitegen::Entry],
    scenario: Scenario,
    runs: usize,
) -> Result<Vec<Run>, String> {
    let cache = site.join(".dateline-cache");
    let log = site.with_extension("stderr.log");
    let build = |no_cache: bool| {
        let mut c = Command::new(BIN);
        c.arg("build")
            .arg("--root")
            .arg(site)
            .arg("--output")
            .arg(out)
            .arg("-v");
        if no_cache {
            c.arg("--no-cache");
        }
        c
    };
    if matches!(scenario, Scenario::Cached | Scenario::OneEdit) {
        // Two builds first: the first fills the cache, the second keeps the first's
        // site beside the output for the measured incremental builds (a site's
        // steady state; the first build after a cold one renders every page).
        for _ in 0..2 {
            measure::run(build(false), &log)?;
        }
    }
    let mut results = Vec::new();
    for r in 0..runs {
        let mut restore = None;
        match scenario {
            Scenario::Cold | Scenario::FirstCached => {
                let _ = std::fs::remove_dir_all(&cache);
                let _ = std::fs::remove_dir_all(out);
                // And the earlier site an incremental build keeps beside it.
                let _ = std::fs::remove_dir_all(kept_tree(out));
            }
            Scenario::Cached => {}
            Scenario::OneEdit => {
                let e = &entries[(r * 7919) % entries.len()];
                let path = site.join(&e.path);
                let text = std::fs::read_to_string(&path)
                    .map_err(|err| format!("{}: {err}", path.display()))?;
                let edited =
                    format!("{text}\nOfficials said the review would continue (edit {r}).\n");
                std::fs::write(&path, edited)
                    .map_err(|err| format!("{}: {err}", path.display()))?;
                restore = Some((path, text));
            }
        }
        let result = measure::run(build(scenario == Scenario::Cold), &log);
        if let Some((path, text)) = restore {
            std::fs::write(&path, text).map_err(|err| format!("{}: {err}", path.display()))?;
        }
        results.push(result?);
    }
    Ok(results)
}

fn print_row((n, scenario, runs): &(usize, Scenario, Vec<Run>)) {
    let each: Vec<String> = runs
        .iter()
        .map(|r| {
            format!(
                "{:.2}s/{:.0}MiB@{:.1}",
                r.wall.as_secs_f64(),
                r.max_rss_kib as f64 / 1024.0,
                r.load
            )
        })
        .collect();
    eprintln!("  N={n} {}: {}", scenario.name(), each.join("  "));
}

fn print_table(rows: &[(usize, Scenario, Vec<Run>)]) {
    let step_names: Vec<String> = rows
        .iter()
        .flat_map(|(_, _, runs)| {
            runs.iter()
                .flat_map(|r| r.steps.iter().map(|(s, _)| s.clone()))
        })
        .fold(Vec::new(), |mut v, s| {
            if !v.contains(&s) {
                v.push(s);
            }
            v
        });
    print!(
        "{:>8}  {:<20} {:>4} {:>9} {:>9} {:>8} {:>5}",
        "N", "scenario", "runs", "wall s", "peak MiB", "cpu s", "load"
    );
    for s in &step_names {
        print!(" {s:>9}");
    }
    println!("   (medians; steps in ms)");
    for (n, scenario, runs) in rows {
        let s = summarise(runs);
        print!(
            "{n:>8}  {:<20} {:>4} {:>9.2} {:>9.0} {:>8.2} {:>5.1}",
            scenario.name(),
            runs.len(),
            s.wall,
            s.rss_mib,
            s.cpu,
            s.load
        );
        for name in &step_names {
            match s.steps.iter().find(|(x, _)| x == name) {
                Some((_, ms)) => print!(" {ms:>9.0}"),
                None => print!(" {:>9}", "-"),
            }
        }
        println!();
    }
}

fn serve_bench(n: usize) -> Result<(), String> {
    let base = work_dir()?;
    let site = base.join(format!("site-{n}"));
    let entries =
        sitegen::ensure(&site, n, seed()).map_err(|e| format!("{}: {e}", site.display()))?;
    let edits = env_or("DATELINE_BENCH_EDITS", 20);
    let entry = entries
        .iter()
        .filter(|e| e.markdown)
        .nth(n / 3 % entries.len().max(1))
        .or(entries.first())
        .ok_or("an empty site")?
        .clone();
    let load = measure::load_average();
    let (mut child, addr, first) = serve::start(Path::new(BIN), &site)?;
    eprintln!(
        "serving {n} articles at {addr}, first build {:.2} s; editing {}",
        first.as_secs_f64(),
        entry.path.display()
    );
    // Both kinds of edit, one after the other, on the same server.
    let kinds = [serve::EditKind::Sentence, serve::EditKind::Names];
    let result = serve::subscribe(addr).and_then(|events| {
        kinds
            .iter()
            .map(|&kind| serve::edit_loop(addr, &site, &entry, &events, edits, kind))
            .collect::<Result<Vec<_>, String>>()
    });
    let _ = child.kill();
    let rss = measure::wait(child.id() as libc::pid_t)
        .map(|(_, u)| u.ru_maxrss as f64 / 1024.0)
        .unwrap_or(f64::NAN);
    let max = |v: &[f64]| v.iter().copied().fold(f64::NAN, f64::max);
    println!("\nserve N={n}: load {load:.1}, server peak RSS {rss:.0} MiB");
    for (kind, measured) in kinds.iter().zip(result?) {
        let reload: Vec<f64> = measured.iter().map(|e| e.to_reload).collect();
        let page: Vec<f64> = measured.iter().map(|e| e.to_page).collect();
        let what = match kind {
            serve::EditKind::Sentence => "a sentence naming no one",
            serve::EditKind::Names => "a sentence naming a new person and a date",
        };
        println!(
            "  {} edits adding {what}: write → reload event: median {:.1} ms (max {:.1}); \
             write → edited page served: median {:.1} ms (max {:.1})",
            measured.len(),
            median(&reload),
            max(&reload),
            median(&page),
            max(&page)
        );
    }
    Ok(())
}
