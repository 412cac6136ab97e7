//! Evaluation on TempEval-3 TimeML (TimeBank and AQUAINT): time expressions.
//!
//! Each `.tml` file is read as TempEval-3's scorer sees it: the text inside `<TEXT>`
//! with every tag removed, the gold TIMEX3 spans mapped onto that plain text, and the
//! document creation time from `<DCT>`. The tagger runs on the plain text with the DCT
//! and is scored the TempEval-3 way: strict (same extent) and relaxed (overlapping)
//! precision, recall and F1; value and type accuracy over relaxed matches; and value
//! F1 = value accuracy × relaxed F1. `DATELINE_EVAL_VERBOSE=1` adds the most frequent
//! wrong values, misses and false alarms, to iterate on the rules.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use anyhow::Context;
use chrono::NaiveDate;

use crate::extract::{Knowledge, Span, Timex, segment, time};

use super::Score;

/// A gold TIMEX3 on the plain text.
#[derive(Clone, Debug)]
struct GoldTimex {
    span: Span,
    kind: String,
    value: String,
}

/// One TimeML document as plain text with its gold annotation.
#[derive(Clone, Debug)]
struct TmlDoc {
    text: String,
    dct: Option<NaiveDate>,
    gold: Vec<GoldTimex>,
}

/// Counts for one group of documents.
#[derive(Clone, Debug, Default)]
struct Tally {
    strict: Score,
    relaxed: Score,
    value_ok: f64,
    type_ok: f64,
}

impl Tally {
    fn add(&mut self, other: &Tally) {
        self.strict.tp += other.strict.tp;
        self.strict.predicted += other.strict.predicted;
        self.strict.gold += other.strict.gold;
        self.relaxed.tp += other.relaxed.tp;
        self.relaxed.predicted += other.relaxed.predicted;
        self.relaxed.gold += other.relaxed.gold;
        self.value_ok += other.value_ok;
        self.type_ok += other.type_ok;
    }

    fn report(&self, name: &str, out: &mut String) {
        let matched = self.relaxed.tp.max(1.0);
        let value_acc = self.value_ok / matched;
        let type_acc = self.type_ok / matched;
        let _ = writeln!(out, "{name}");
        let _ = writeln!(out, "  strict   {}", self.strict.line());
        let _ = writeln!(out, "  relaxed  {}", self.relaxed.line());
        let _ = writeln!(
            out,
            "  value accuracy {:5.1}  type accuracy {:5.1}  value F1 {:5.1}  type F1 {:5.1}",
            100.0 * value_acc,
            100.0 * type_acc,
            100.0 * value_acc * self.relaxed.f1(),
            100.0 * type_acc * self.relaxed.f1()
        );
    }
}

/// Error lists for the verbose report.
#[derive(Default)]
struct Errors {
    wrong_value: HashMap<String, usize>,
    missed: HashMap<String, usize>,
    spurious: HashMap<String, usize>,
    extent: HashMap<String, usize>,
}

/// Runs the evaluation over the corpus at `path` and returns the printed report.
pub fn run(path: &Path, _kb: &Knowledge) -> anyhow::Result<String> {
    let files = tml_files(path)?;
    if files.is_empty() {
        anyhow::bail!("no .tml files under `{}`", path.display());
    }
    let verbose = std::env::var("DATELINE_EVAL_VERBOSE").is_ok_and(|v| v == "1");
    let mut groups: Vec<(String, Tally)> = Vec::new();
    let mut total = Tally::default();
    let mut errors = Errors::default();
    let (mut words, mut tagging) = (0usize, std::time::Duration::ZERO);
    for file in &files {
        let raw = std::fs::read_to_string(file)
            .with_context(|| format!("failed to read `{}`", file.display()))?;
        let doc = parse_tml(&raw).with_context(|| format!("in `{}`", file.display()))?;
        let sentences = segment::sentences(&doc.text);
        let started = std::time::Instant::now();
        let found = time::find_timexes(&doc.text, &sentences, doc.dct);
        tagging += started.elapsed();
        words += doc.text.split_whitespace().count();
        let tally = score_doc(&doc, &found, &mut errors);
        let group = file
            .parent()
            .and_then(Path::file_name)
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        match groups.iter_mut().find(|(g, _)| *g == group) {
            Some((_, t)) => t.add(&tally),
            None => groups.push((group, tally.clone())),
        }
        total.add(&tally);
    }
    let mut out = String::new();
    let _ = writeln!(
        out,
        "TimeML TIMEX3, {} documents, {words} words, tagged at {:.1}M words/s",
        files.len(),
        words as f64 / tagging.as_secs_f64().max(1e-9) / 1e6
    );
    for (name, tally) in &groups {
        tally.report(name, &mut out);
    }
    total.report("all", &mut out);
    if verbose {
        top(
            "wrong values (text: gold => predicted)",
            &errors.wrong_value,
            &mut out,
        );
        top(
            "extent mismatches (gold => predicted)",
            &errors.extent,
            &mut out,
        );
        top("missed (text: value)", &errors.missed, &mut out);
        top("spurious (text: value)", &errors.spurious, &mut out);
    }
    Ok(out)
}

fn top(title: &str, counts: &HashMap<String, usize>, out: &mut String) {
    let mut v: Vec<(&String, &usize)> = counts.iter().collect();
    v.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
    let limit = std::env::var("DATELINE_EVAL_TOP")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(30);
    let _ = writeln!(out, "\n{title}: {} distinct", v.len());
    for (k, n) in v.into_iter().take(limit) {
        let _ = writeln!(out, "  {n:4}  {k}");
    }
}

/// Every `.tml` file under `dir`, sorted.
fn tml_files(dir: &Path) -> anyhow::Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for entry in walkdir::WalkDir::new(dir) {
        let entry = entry.with_context(|| format!("failed to walk `{}`", dir.display()))?;
        if entry.file_type().is_file() && entry.path().extension().is_some_and(|e| e == "tml") {
            files.push(entry.into_path());
        }
    }
    files.sort();
    Ok(files)
}

/// Reads a TimeML document: the plain `<TEXT>`, its gold TIMEX3s and the DCT.
fn parse_tml(raw: &str) -> anyhow::Result<TmlDoc> {
    let dct = raw.find("<DCT>").and_then(|p| {
        let rest = &raw[p..];
        let v = attr(&rest[..rest.find("</DCT>")?], "value")?;
        NaiveDate::parse_from_str(v.get(..10)?, "%Y-%m-%d").ok()
    });
    let start = raw.find("<TEXT>").context("no <TEXT> element")? + "<TEXT>".len();
    let end = raw.rfind("</TEXT>").context("no </TEXT> element")?;
    let body = &raw[start..end.max(start)];
    let mut text = String::with_capacity(body.len());
    let mut gold = Vec::new();
    let mut open: Option<(usize, String, String)> = None;
    let mut rest = body;
    while let Some(lt) = rest.find('<') {
        push_unescaped(&rest[..lt], &mut text);
        let gt = rest[lt..].find('>').context("unclosed tag")? + lt;
        let tag = &rest[lt + 1..gt];
        if tag.starts_with("TIMEX3") {
            let kind = attr(tag, "type").unwrap_or_default().to_string();
            let value = attr(tag, "value").unwrap_or_default().to_string();
            open = Some((text.len(), kind, value));
        } else if tag.starts_with("/TIMEX3")
            && let Some((s, kind, value)) = open.take()
        {
            gold.push(GoldTimex {
                span: [s, text.len()],
                kind,
                value,
            });
        }
        rest = &rest[gt + 1..];
    }
    push_unescaped(rest, &mut text);
    Ok(TmlDoc { text, dct, gold })
}

/// The value of attribute `name` in a tag's text.
fn attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let mut from = 0;
    while let Some(p) = tag[from..].find(name) {
        let at = from + p;
        let before_ok = at == 0 || tag.as_bytes()[at - 1].is_ascii_whitespace();
        let after = &tag[at + name.len()..];
        if before_ok && after.starts_with("=\"") {
            let v = &after[2..];
            return v.find('"').map(|e| &v[..e]);
        }
        from = at + name.len();
    }
    None
}

fn push_unescaped(s: &str, out: &mut String) {
    let mut rest = s;
    while let Some(p) = rest.find('&') {
        out.push_str(&rest[..p]);
        let tail = &rest[p..];
        let ents = [
            ("&amp;", '&'),
            ("&lt;", '<'),
            ("&gt;", '>'),
            ("&quot;", '"'),
            ("&apos;", '\''),
        ];
        match ents.iter().find(|(e, _)| tail.starts_with(e)) {
            Some((e, c)) => {
                out.push(*c);
                rest = &tail[e.len()..];
            }
            None => {
                out.push('&');
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
}

/// Scores one document: one-to-one matching, exact extents first, then overlaps.
fn score_doc(doc: &TmlDoc, found: &[Timex], errors: &mut Errors) -> Tally {
    let mut t = Tally::default();
    t.strict.gold = doc.gold.len() as f64;
    t.relaxed.gold = doc.gold.len() as f64;
    t.strict.predicted = found.len() as f64;
    t.relaxed.predicted = found.len() as f64;
    let mut gold_used = vec![false; doc.gold.len()];
    let mut pred_used = vec![false; found.len()];
    let mut pairs = Vec::new();
    for (gi, g) in doc.gold.iter().enumerate() {
        if let Some(pi) = (0..found.len()).find(|&pi| !pred_used[pi] && found[pi].span == g.span) {
            gold_used[gi] = true;
            pred_used[pi] = true;
            t.strict.tp += 1.0;
            pairs.push((gi, pi));
        }
    }
    for (gi, g) in doc.gold.iter().enumerate() {
        if gold_used[gi] {
            continue;
        }
        let hit = (0..found.len()).find(|&pi| {
            !pred_used[pi] && found[pi].span[0] < g.span[1] && g.span[0] < found[pi].span[1]
        });
        if let Some(pi) = hit {
            gold_used[gi] = true;
            pred_used[pi] = true;
            pairs.push((gi, pi));
            let gt = &doc.text[g.span[0]..g.span[1]];
            *errors
                .extent
                .entry(format!("{gt} => {}", found[pi].text))
                .or_default() += 1;
        }
    }
    for &(gi, pi) in &pairs {
        let (g, p) = (&doc.gold[gi], &found[pi]);
        t.relaxed.tp += 1.0;
        let kind = serde_json::to_value(p.kind)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default();
        if kind == g.kind {
            t.type_ok += 1.0;
        }
        if p.value == g.value {
            t.value_ok += 1.0;
        } else {
            let gt = &doc.text[g.span[0]..g.span[1]];
            let dct = doc.dct.map(|d| d.to_string()).unwrap_or_default();
            let ctx = if std::env::var("DATELINE_EVAL_CONTEXT").is_ok() {
                format!(" | {}", context(&doc.text, g.span))
            } else {
                String::new()
            };
            *errors
                .wrong_value
                .entry(format!("{gt}: {} => {} (dct {dct}){ctx}", g.value, p.value))
                .or_default() += 1;
        }
    }
    for (gi, g) in doc.gold.iter().enumerate() {
        if !gold_used[gi] {
            let gt = &doc.text[g.span[0]..g.span[1]];
            let ctx = context(&doc.text, g.span);
            *errors
                .missed
                .entry(format!("{gt}: {} | {ctx}", g.value))
                .or_default() += 1;
        }
    }
    for (pi, p) in found.iter().enumerate() {
        if !pred_used[pi] {
            let ctx = context(&doc.text, p.span);
            *errors
                .spurious
                .entry(format!("{}: {} | {ctx}", p.text, p.value))
                .or_default() += 1;
        }
    }
    t
}

/// A few words either side of `span`, on one line (40 bytes, or the width in
/// `DATELINE_EVAL_CONTEXT` when it is a number above 1).
fn context(text: &str, span: Span) -> String {
    let width = std::env::var("DATELINE_EVAL_CONTEXT")
        .ok()
        .and_then(|s| s.parse::<usize>().ok())
        .filter(|&w| w > 1)
        .unwrap_or(40);
    let mut s = span[0].saturating_sub(width);
    while !text.is_char_boundary(s) {
        s -= 1;
    }
    let mut e = (span[1] + width).min(text.len());
    while !text.is_char_boundary(e) {
        e += 1;
    }
    format!(
        "{}[{}]{}",
        &text[s..span[0]],
        &text[span[0]..span[1]],
        &text[span[1]..e]
    )
    .replace('\n', " ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_text_gold_spans_and_dct() {
        let raw = "<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"2001-05-04\">x</TIMEX3></DCT>\
                   <TEXT>Sales &amp; profits rose <TIMEX3 tid=\"t1\" type=\"DATE\" \
                   value=\"2001-05-03\">Thursday</TIMEX3>.</TEXT>";
        let doc = parse_tml(raw).unwrap();
        assert_eq!(doc.text, "Sales & profits rose Thursday.");
        assert_eq!(doc.dct, NaiveDate::from_ymd_opt(2001, 5, 4));
        let g = &doc.gold[0];
        assert_eq!(&doc.text[g.span[0]..g.span[1]], "Thursday");
        assert_eq!(g.value, "2001-05-03");
        assert_eq!(g.kind, "DATE");
    }

    #[test]
    fn attr_does_not_match_inside_longer_names() {
        assert_eq!(
            attr("TIMEX3 anchorvalue=\"a\" value=\"b\"", "value"),
            Some("b")
        );
    }
}
