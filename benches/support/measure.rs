//! Running a command as a child process and measuring it: wall time, peak resident
//! memory and CPU time from `wait4`'s resource usage, plus the machine's load
//! average (other engineers compile on the same cores; a loaded machine is noted,
//! not hidden).

use std::fs::File;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// What one run of a command cost.
#[derive(Clone, Debug, Default)]
pub struct Run {
    pub wall: Duration,
    /// Peak resident set size, in KiB.
    pub max_rss_kib: u64,
    /// User plus system CPU time.
    pub cpu: Duration,
    /// The 1-minute load average when the run started.
    pub load: f64,
    /// Per-step times printed by `dateline build -v`, in milliseconds.
    pub steps: Vec<(String, f64)>,
}

/// Runs `cmd` to completion with its standard error into `stderr_file` and its
/// standard output discarded; fails if it exits unsuccessfully.
pub fn run(mut cmd: Command, stderr_file: &Path) -> Result<Run, String> {
    let err = File::create(stderr_file).map_err(|e| format!("{}: {e}", stderr_file.display()))?;
    cmd.stdin(Stdio::null()).stdout(Stdio::null()).stderr(err);
    let load = load_average();
    let start = Instant::now();
    let child = cmd
        .spawn()
        .map_err(|e| format!("failed to start {cmd:?}: {e}"))?;
    let (status, usage) = wait(child.id() as libc::pid_t)?;
    let wall = start.elapsed();
    let text = std::fs::read_to_string(stderr_file).unwrap_or_default();
    if !(libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0) {
        return Err(format!("{cmd:?} failed (status {status}):\n{text}"));
    }
    Ok(Run {
        wall,
        max_rss_kib: usage.ru_maxrss as u64,
        cpu: timeval(usage.ru_utime) + timeval(usage.ru_stime),
        load,
        steps: parse_steps(&text),
    })
}

/// Waits for the child `pid` and returns its exit status and resource usage.
pub fn wait(pid: libc::pid_t) -> Result<(i32, libc::rusage), String> {
    let mut status = 0;
    // SAFETY: an all-zero rusage is a valid value for wait4 to fill in.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    loop {
        // SAFETY: `status` and `usage` are valid for writes for the whole call.
        let r = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
        if r == pid {
            return Ok((status, usage));
        }
        let e = std::io::Error::last_os_error();
        if e.kind() != std::io::ErrorKind::Interrupted {
            return Err(format!("wait4: {e}"));
        }
    }
}

fn timeval(t: libc::timeval) -> Duration {
    Duration::from_secs(t.tv_sec as u64) + Duration::from_micros(t.tv_usec as u64)
}

/// The 1-minute load average.
pub fn load_average() -> f64 {
    std::fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|s| s.split_whitespace().next().and_then(|x| x.parse().ok()))
        .unwrap_or(f64::NAN)
}

/// Reads the `    config       1.2 ms` lines of `dateline build -v`.
pub fn parse_steps(stderr: &str) -> Vec<(String, f64)> {
    stderr
        .lines()
        .filter_map(|l| {
            let mut it = l.split_whitespace();
            let (name, ms, unit) = (it.next()?, it.next()?, it.next()?);
            // `  extract    4251.5 ms    255.0 MiB resident`
            (unit == "ms")
                .then(|| ms.parse().ok().map(|v| (name.to_string(), v)))
                .flatten()
        })
        .collect()
}

/// The median of `xs` (the mean of the middle two for an even count).
pub fn median(xs: &[f64]) -> f64 {
    let mut v: Vec<f64> = xs.iter().copied().filter(|x| !x.is_nan()).collect();
    if v.is_empty() {
        return f64::NAN;
    }
    v.sort_by(f64::total_cmp);
    let m = v.len() / 2;
    if v.len() % 2 == 1 {
        v[m]
    } else {
        (v[m - 1] + v[m]) / 2.0
    }
}

/// The medians of a set of runs: wall seconds, peak MiB, CPU seconds, load, and each step.
pub struct Summary {
    pub wall: f64,
    pub rss_mib: f64,
    pub cpu: f64,
    pub load: f64,
    pub steps: Vec<(String, f64)>,
}

/// Summarises `runs` by medians.
pub fn summarise(runs: &[Run]) -> Summary {
    let col = |f: &dyn Fn(&Run) -> f64| median(&runs.iter().map(f).collect::<Vec<_>>());
    let mut steps = Vec::new();
    if let Some(first) = runs.first() {
        for (name, _) in &first.steps {
            let v: Vec<f64> = runs
                .iter()
                .filter_map(|r| r.steps.iter().find(|(n, _)| n == name).map(|(_, ms)| *ms))
                .collect();
            steps.push((name.clone(), median(&v)));
        }
    }
    Summary {
        wall: col(&|r| r.wall.as_secs_f64()),
        rss_mib: col(&|r| r.max_rss_kib as f64 / 1024.0),
        cpu: col(&|r| r.cpu.as_secs_f64()),
        load: col(&|r| r.load),
        steps,
    }
}
