//! Extraction speed: words per second of the whole `extract_facts`, on one thread.
//!
//! `cargo bench --bench extract` builds a corpus of at least a million words from the
//! gold articles in `tests/gold/` (each article repeated with its paragraphs rotated,
//! so no two copies are alike byte for byte) and extracts every article in turn, as a
//! build does. With `DATELINE_BENCH_CORPUS=DIR` it reads real news instead: the
//! `<BODY>` of every story in the `*.sgm` files of DIR (Reuters-21578), or every
//! `.txt`/`.md` file in it, so outside text can be measured without committing it.
//!
//! `DATELINE_BENCH_WORDS` changes the size of the gold corpus (for profiling under
//! valgrind). Each run extracts the whole corpus; the report gives the median of the runs
//! (`DATELINE_BENCH_RUNS`, 5 by default) and the time each stage of extraction takes,
//! measured by calling the stages one by one. It reports wall time and the thread's
//! CPU time (`CLOCK_THREAD_CPUTIME_ID`), which stays fair on a machine shared with
//! other work. No benchmark framework: stable Rust, `Instant` and `libc`.

use std::path::Path;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use dateline::extract::{self, Document, Knowledge, segment};

/// The allocator `dateline build` runs with, so the bench measures what a build pays.
#[cfg(feature = "mimalloc")]
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// One article to extract: its body and date.
struct Doc {
    body: String,
    date: Option<NaiveDate>,
}

fn main() {
    // `cargo bench` passes `--bench`; `cargo test --benches` passes nothing useful.
    let corpus = std::env::var_os("DATELINE_BENCH_CORPUS");
    let docs = match &corpus {
        Some(dir) => real_corpus(Path::new(dir)),
        None => gold_corpus(
            std::env::var("DATELINE_BENCH_WORDS")
                .ok()
                .and_then(|w| w.parse().ok())
                .unwrap_or(1_000_000),
        ),
    };
    let words: usize = docs.iter().map(|d| word_count(&d.body)).sum();
    let bytes: usize = docs.iter().map(|d| d.body.len()).sum();
    let runs: usize = std::env::var("DATELINE_BENCH_RUNS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(5);
    let source = corpus.map_or_else(
        || "gold articles, rotated".to_string(),
        |d| d.to_string_lossy().into_owned(),
    );
    println!(
        "corpus: {source}: {} articles, {words} words, {:.1} MB",
        docs.len(),
        bytes as f64 / 1e6
    );
    let kb = Knowledge::builtin();
    let mut times = Vec::with_capacity(runs);
    let mut cpu_times = Vec::with_capacity(runs);
    let mut found = 0usize;
    for _ in 0..runs {
        let start = Instant::now();
        let cpu_start = thread_cpu_time();
        found = 0;
        for d in &docs {
            let facts = extract::extract_facts(
                &Document {
                    title: None,
                    body: &d.body,
                    date: d.date,
                },
                &kb,
            );
            found += facts.figures.len()
                + facts.timexes.len()
                + facts.quotes.len()
                + facts.people.len()
                + facts.places.len()
                + facts.organizations.len();
        }
        times.push(start.elapsed());
        if let (Some(a), Some(b)) = (cpu_start, thread_cpu_time()) {
            cpu_times.push(b.saturating_sub(a));
        }
    }
    times.sort();
    cpu_times.sort();
    let median = times[times.len() / 2];
    println!(
        "extract_facts: median {:.3} s of {runs} runs (min {:.3} s, max {:.3} s): {:.0} words/s, {:.1} MB/s ({found} facts)",
        median.as_secs_f64(),
        times[0].as_secs_f64(),
        times[times.len() - 1].as_secs_f64(),
        words as f64 / median.as_secs_f64(),
        bytes as f64 / 1e6 / median.as_secs_f64(),
    );
    if let Some(cpu) = cpu_times.get(cpu_times.len() / 2) {
        println!(
            "extract_facts: median thread CPU time {:.3} s: {:.0} words/s on one core \
             (wall time is longer when other processes share the core)",
            cpu.as_secs_f64(),
            words as f64 / cpu.as_secs_f64()
        );
    }
    stages(&docs, &kb, words);
}

/// CPU time spent by this thread, unaffected by other processes on a busy machine.
fn thread_cpu_time() -> Option<Duration> {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a valid, writable timespec that outlives the call.
    let rc = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    let secs = u64::try_from(ts.tv_sec).ok()?;
    let nanos = u32::try_from(ts.tv_nsec).ok()?;
    (rc == 0).then(|| Duration::new(secs, nanos))
}

/// Times each stage of extraction on its own, in pipeline order, in thread CPU time
/// (wall time where the platform has no thread clock).
fn stages(docs: &[Doc], kb: &Knowledge, words: usize) {
    let origin = Instant::now();
    let now = || thread_cpu_time().unwrap_or_else(|| origin.elapsed());
    let mut t = [Duration::ZERO; 8];
    for d in docs {
        let text = d.body.as_str();
        let clock = now();
        let sentences = segment::sentences(text);
        t[0] += now().saturating_sub(clock);
        let clock = now();
        let meta = extract::meta::find_meta(text, &sentences);
        t[1] += now().saturating_sub(clock);
        let clock = now();
        let timexes = extract::time::find_timexes(text, &sentences, d.date);
        t[2] += now().saturating_sub(clock);
        let clock = now();
        let found = extract::entities::find_entities(text, &sentences, kb);
        t[3] += now().saturating_sub(clock);
        let clock = now();
        let figures = extract::figures::find_figures(text, &sentences);
        t[4] += now().saturating_sub(clock);
        let clock = now();
        let quotes = extract::quotes::find_quotes(text, &sentences, &found);
        t[5] += now().saturating_sub(clock);
        let clock = now();
        let events = extract::events::find_events(text, &sentences, &timexes, &quotes, d.date);
        t[6] += now().saturating_sub(clock);
        let clock = now();
        for s in &sentences {
            std::hint::black_box(segment::tokens(text, *s));
        }
        t[7] += now().saturating_sub(clock);
        std::hint::black_box((meta, figures, events));
    }
    let names = [
        "sentences",
        "meta",
        "time",
        "entities",
        "figures",
        "quotes",
        "events",
        "(tokens, all sentences once)",
    ];
    for (name, d) in names.iter().zip(t) {
        println!(
            "  {name:<30} {:8.3} s  {:>12.0} words/s",
            d.as_secs_f64(),
            words as f64 / d.as_secs_f64().max(1e-9)
        );
    }
}

fn word_count(text: &str) -> usize {
    text.split_whitespace().count()
}

/// The gold articles' bodies, each copy with its paragraphs rotated, until the
/// corpus holds `min_words` words.
fn gold_corpus(min_words: usize) -> Vec<Doc> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/gold");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("failed to read `{}`: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| matches!(p.extension().and_then(|e| e.to_str()), Some("md" | "txt")))
        .filter(|p| !p.ends_with("README.md"))
        .collect();
    paths.sort();
    let articles: Vec<(Vec<String>, Option<NaiveDate>)> = paths
        .iter()
        .map(|p| {
            let bytes = std::fs::read(p).unwrap_or_default();
            let a = dateline::content::parse_article(p, &bytes, chrono_tz::UTC)
                .unwrap_or_else(|e| panic!("{e}"));
            let body = dateline::extraction_text(&a).into_owned();
            let paras = body.split("\n\n").map(str::to_string).collect();
            (paras, Some(a.date.date_naive()))
        })
        .collect();
    assert!(
        !articles.is_empty(),
        "no gold articles in {}",
        dir.display()
    );
    let mut docs = Vec::new();
    let mut words = 0;
    let mut round = 0;
    while words < min_words {
        for (paras, date) in &articles {
            let k = round % paras.len();
            let body = paras[k..]
                .iter()
                .chain(&paras[..k])
                .map(String::as_str)
                .collect::<Vec<_>>()
                .join("\n\n");
            words += word_count(&body);
            docs.push(Doc { body, date: *date });
        }
        round += 1;
    }
    docs
}

/// Stories of a real corpus: Reuters-21578 `<BODY>`s, or plain article files.
fn real_corpus(dir: &Path) -> Vec<Doc> {
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("failed to read `{}`: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    paths.sort();
    let mut docs = Vec::new();
    for p in paths {
        let ext = p.extension().and_then(|e| e.to_str()).unwrap_or("");
        let Ok(bytes) = std::fs::read(&p) else {
            continue;
        };
        // Reuters-21578 is Latin-1; every byte maps to the char of the same value.
        let text: String = match std::str::from_utf8(&bytes) {
            Ok(s) => s.to_string(),
            Err(_) => bytes.iter().map(|&b| char::from(b)).collect(),
        };
        match ext {
            "sgm" => docs.extend(sgml_bodies(&text)),
            "txt" | "md" => docs.push(Doc {
                body: text,
                date: None,
            }),
            _ => {}
        }
    }
    assert!(!docs.is_empty(), "no stories found in {}", dir.display());
    docs
}

/// The `<BODY>` of each `<REUTERS>` story, entities unescaped, with its date.
fn sgml_bodies(text: &str) -> Vec<Doc> {
    let mut out = Vec::new();
    for story in text.split("<REUTERS").skip(1) {
        let Some(body) = between(story, "<BODY>", "</BODY>") else {
            continue;
        };
        let date = between(story, "<DATE>", "</DATE>").and_then(|d| {
            let d = d.trim();
            let day = d.split_whitespace().next()?;
            NaiveDate::parse_from_str(day, "%d-%b-%Y").ok()
        });
        let body = body
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&#3;", "")
            .replace("&amp;", "&");
        out.push(Doc { body, date });
    }
    out
}

fn between<'a>(s: &'a str, open: &str, close: &str) -> Option<&'a str> {
    let a = s.find(open)? + open.len();
    let b = s[a..].find(close)? + a;
    Some(&s[a..b])
}
