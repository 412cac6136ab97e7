//! Evaluation on PolNeAR: quotations and their speakers.
//!
//! Every `.ann` file of the split is one gold document (a few texts were annotated
//! twice; each annotation counts). The report, all figures in percent:
//!
//! * **(a) direct quotes.** Gold: contents of which at least half the characters (white
//!   space and marks aside) are inside double quotation marks ([`gold::quoted_mask`]).
//!   Predicted: quotes with `indirect: false`. A prediction matches a gold content when
//!   their byte overlap is at least half the shorter of the two (relaxed); *strict*
//!   asks for equal boundaries once white space, marks and `,.;:?!` are trimmed, against
//!   the whole content or any one of its fragments. A prediction that matches no
//!   direct content but does match another gold content (a quoted phrase inside
//!   reported speech) is neither right nor wrong and leaves the precision count; the
//!   raw precision with it counted wrong is printed too.
//! * **(b) speakers** of matched direct quotes: each matched gold content is paired
//!   with its best-overlapping prediction. Speakers are compared by their head word
//!   ([`gold::head`]): the last name of the first part of the source (`Sen. Jane Doe
//!   (D-Mass.), who ...` → `doe`), or the last word of a source without a name. A
//!   gold source that is a pronoun or has no name stands for the nearest named gold
//!   source before it in the document; the prediction is right if its head equals that
//!   name's head, or (for a nameless source) the source's own head. Contents without
//!   a gold source, or whose pronoun has no named source before it, are left out.
//! * **(c) no marks:** the same texts with every `"“”«»„` removed, and `‘’'` too unless
//!   between two letters or digits (an apostrophe); predictions are mapped back to the
//!   original offsets and scored against the same gold direct contents, as in (a).
//! * **(d) all attributions:** every prediction against every gold content, same rule.
//!
//! Quotes come from the stages they depend on, run as the pipeline runs them
//! (sentences, entities, quotes), so that the score is the quote finder's alone.

mod gold;

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use anyhow::Context;

use crate::extract::{Knowledge, Quote, Span, entities, quotes, segment};
use gold::Attribution;

/// Counts for precision and recall when one side may match many on the other.
#[derive(Clone, Copy, Debug, Default)]
struct Tally {
    pred: usize,
    pred_ok: usize,
    /// Predictions that only match a gold content outside the scored set.
    pred_neutral: usize,
    gold: usize,
    gold_ok: usize,
}

impl Tally {
    fn add(&mut self, o: Tally) {
        self.pred += o.pred;
        self.pred_ok += o.pred_ok;
        self.pred_neutral += o.pred_neutral;
        self.gold += o.gold;
        self.gold_ok += o.gold_ok;
    }

    fn line(&self) -> String {
        let p = pct(self.pred_ok, self.pred - self.pred_neutral);
        let r = pct(self.gold_ok, self.gold);
        let f = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        format!(
            "P {p:5.1}  R {r:5.1}  F1 {f:5.1}   (raw P {:5.1}; predicted {}, right {}, neutral {}; gold {}, found {})",
            pct(self.pred_ok, self.pred),
            self.pred,
            self.pred_ok,
            self.pred_neutral,
            self.gold,
            self.gold_ok
        )
    }
}

fn pct(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        100.0 * a as f64 / b as f64
    }
}

#[derive(Default)]
struct Report {
    docs: usize,
    direct: Tally,
    direct_strict: Tally,
    speaker: (usize, usize),
    speaker_skipped: usize,
    stripped: Tally,
    stripped_all: Tally,
    all: Tally,
    all_speaker: (usize, usize),
}

/// Runs the evaluation over the corpus at `path` (a split folder with `text/` and
/// `attributions/`, or the corpus root, whose `dev` split is used) and returns the
/// printed report.
pub fn run(path: &Path, kb: &Knowledge) -> anyhow::Result<String> {
    let split = if path.join("attributions").is_dir() {
        path.to_path_buf()
    } else {
        path.join("dev")
    };
    let ann_dir = split.join("attributions");
    let mut anns: Vec<PathBuf> = std::fs::read_dir(&ann_dir)
        .with_context(|| format!("failed to read `{}`", ann_dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "ann"))
        .collect();
    anns.sort();
    let dump = std::env::var_os("DATELINE_EVAL_DUMP").is_some();
    let mut rep = Report::default();
    for ann_path in &anns {
        let stem = ann_path.file_stem().and_then(|s| s.to_str()).unwrap_or("");
        let name = stem.rsplit_once('_').map_or(stem, |(n, _)| n);
        let text_path = split.join("text").join(format!("{name}.txt"));
        let text = std::fs::read_to_string(&text_path)
            .with_context(|| format!("failed to read `{}`", text_path.display()))?;
        let ann = std::fs::read_to_string(ann_path)
            .with_context(|| format!("failed to read `{}`", ann_path.display()))?;
        let gold = gold::parse_ann(&ann, &text);
        let quotes = quotes_of(&text, kb);
        let stripped = stripped_quotes(&text, kb);
        score_doc(
            &text,
            &gold,
            &quotes,
            &stripped,
            &mut rep,
            dump.then_some(stem),
        );
        rep.docs += 1;
    }
    let mut out = String::new();
    let args: Vec<String> = std::env::args().collect();
    writeln!(out, "$ {}", args.join(" "))?;
    writeln!(
        out,
        "PolNeAR {}: {} annotated documents",
        split.display(),
        rep.docs
    )?;
    writeln!(out, "(a) direct quotes, relaxed  {}", rep.direct.line())?;
    writeln!(
        out,
        "    direct quotes, strict   {}",
        rep.direct_strict.line()
    )?;
    writeln!(
        out,
        "(b) speaker right          {:5.1} %  ({} of {}; {} without a usable gold source)",
        pct(rep.speaker.0, rep.speaker.1),
        rep.speaker.0,
        rep.speaker.1,
        rep.speaker_skipped
    )?;
    writeln!(out, "(c) no marks, direct       {}", rep.stripped.line())?;
    writeln!(
        out,
        "    no marks, all quotes   {}",
        rep.stripped_all.line()
    )?;
    writeln!(out, "(d) all attributions       {}", rep.all.line())?;
    writeln!(
        out,
        "    speaker right (all)    {:5.1} %  ({} of {})",
        pct(rep.all_speaker.0, rep.all_speaker.1),
        rep.all_speaker.0,
        rep.all_speaker.1
    )?;
    Ok(out)
}

/// The quotes of `text`, with the stages they depend on (sentences, entities) run as
/// the pipeline runs them, and nothing else.
fn quotes_of(text: &str, kb: &Knowledge) -> Vec<Quote> {
    let sentences = segment::sentences(text);
    let found = entities::find_entities(text, &sentences, kb);
    quotes::find_quotes(text, &sentences, &found)
}

/// Quotes found in `text` with its quotation marks removed, spans mapped back.
fn stripped_quotes(text: &str, kb: &Knowledge) -> Vec<Quote> {
    let mut out = String::with_capacity(text.len());
    let mut map: Vec<usize> = Vec::with_capacity(text.len() + 1);
    let mut prev: Option<char> = None;
    let mut iter = text.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        let next = iter.peek().map(|&(_, n)| n);
        let apostrophe =
            prev.is_some_and(char::is_alphanumeric) && next.is_some_and(char::is_alphanumeric);
        let drop = matches!(c, '"' | '“' | '”' | '«' | '»' | '„')
            || (matches!(c, '‘' | '’' | '\'') && !apostrophe);
        if !drop {
            out.push(c);
            map.extend(i..i + c.len_utf8());
        }
        prev = Some(c);
    }
    map.push(text.len());
    let back = |s: Span| -> Span {
        let a = map[s[0]];
        let b = if s[1] > s[0] { map[s[1] - 1] + 1 } else { a };
        [a, b.max(a)]
    };
    quotes_of(&out, kb)
        .into_iter()
        .map(|mut q| {
            q.span = back(q.span);
            q
        })
        .collect()
}

fn overlap(a: Span, frags: &[Span]) -> usize {
    frags
        .iter()
        .map(|f| a[1].min(f[1]).saturating_sub(a[0].max(f[0])))
        .sum()
}

fn len(frags: &[Span]) -> usize {
    frags.iter().map(|f| f[1] - f[0]).sum()
}

/// Relaxed match: overlap of at least half the shorter side.
fn matches(p: Span, g: &[Span]) -> bool {
    let o = overlap(p, g);
    o > 0 && 2 * o >= (p[1] - p[0]).min(len(g))
}

fn trim(text: &str, s: Span) -> Span {
    let strip = |c: char| c.is_whitespace() || gold_mark(c) || ",.;:?!".contains(c);
    let t = &text[s[0]..s[1]];
    let a = t.trim_start_matches(strip);
    let start = s[0] + (t.len() - a.len());
    [start, start + a.trim_end_matches(strip).len()]
}

fn gold_mark(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '«' | '»' | '„' | '‘' | '’' | '\'')
}

fn strict(text: &str, p: Span, g: &[Span]) -> bool {
    let tp = trim(text, p);
    let whole = [
        g.iter().map(|f| f[0]).min().unwrap_or(0),
        g.iter().map(|f| f[1]).max().unwrap_or(0),
    ];
    std::iter::once(whole)
        .chain(g.iter().copied())
        .any(|f| trim(text, f) == tp)
}

/// Scores predictions against a subset of the gold contents (`scored`).
fn tally(
    preds: &[&Quote],
    gold: &[Attribution],
    scored: impl Fn(&Attribution) -> bool,
    is_match: impl Fn(Span, &[Span]) -> bool,
) -> Tally {
    let mut t = Tally {
        pred: preds.len(),
        ..Tally::default()
    };
    for p in preds {
        if gold
            .iter()
            .any(|g| scored(g) && is_match(p.span, &g.content))
        {
            t.pred_ok += 1;
        } else if !gold
            .iter()
            .any(|g| scored(g) && matches(p.span, &g.content))
            && gold.iter().any(|g| matches(p.span, &g.content))
        {
            t.pred_neutral += 1;
        }
    }
    for g in gold.iter().filter(|g| scored(g)) {
        t.gold += 1;
        if preds.iter().any(|p| is_match(p.span, &g.content)) {
            t.gold_ok += 1;
        }
    }
    t
}

/// The gold head a source stands for, and its own head when it has no name.
fn gold_heads(
    text: &str,
    gold: &[Attribution],
    g: &Attribution,
) -> Option<(Option<String>, Option<String>)> {
    let src = g.source?;
    let s = &text[src[0]..src[1]];
    let own = gold::head(s);
    if let Some((h, true)) = &own
        && !gold::is_pronoun(s)
    {
        return Some((Some(h.clone()), None));
    }
    // The nearest named source before this one.
    let before = gold
        .iter()
        .filter_map(|o| o.source)
        .filter(|o| o[1] <= src[0])
        .filter_map(|o| match gold::head(&text[o[0]..o[1]]) {
            Some((h, true)) if !gold::is_pronoun(&text[o[0]..o[1]]) => Some((o[0], h)),
            _ => None,
        })
        .max_by_key(|(pos, _)| *pos)
        .map(|(_, h)| h);
    let nominal = own.filter(|_| !gold::is_pronoun(s)).map(|(h, _)| h);
    if before.is_none() && nominal.is_none() {
        return None;
    }
    Some((before, nominal))
}

fn speaker_right(pred: &Quote, heads: &(Option<String>, Option<String>)) -> bool {
    let Some(sp) = &pred.speaker else {
        return false;
    };
    let Some((h, _)) = gold::head(sp) else {
        return false;
    };
    heads.0.as_ref() == Some(&h) || heads.1.as_ref() == Some(&h)
}

fn score_doc(
    text: &str,
    gold: &[Attribution],
    quotes: &[Quote],
    stripped: &[Quote],
    rep: &mut Report,
    dump: Option<&str>,
) {
    let direct: Vec<&Quote> = quotes.iter().filter(|q| !q.indirect).collect();
    let all: Vec<&Quote> = quotes.iter().collect();
    rep.direct.add(tally(&direct, gold, |g| g.direct, matches));
    rep.direct_strict.add(tally(
        &direct,
        gold,
        |g| g.direct,
        |p, g| strict(text, p, g),
    ));
    let s_direct: Vec<&Quote> = stripped.iter().filter(|q| !q.indirect).collect();
    let s_all: Vec<&Quote> = stripped.iter().collect();
    rep.stripped
        .add(tally(&s_direct, gold, |g| g.direct, matches));
    rep.stripped_all
        .add(tally(&s_all, gold, |g| g.direct, matches));
    rep.all.add(tally(&all, gold, |_| true, matches));
    for g in gold {
        let pool: &[&Quote] = if g.direct { &direct } else { &all };
        let best = pool
            .iter()
            .filter(|p| matches(p.span, &g.content))
            .max_by_key(|p| overlap(p.span, &g.content));
        let Some(best) = best else {
            if let Some(stem) = dump.filter(|_| g.direct) {
                let c = g.content[0];
                eprintln!("MISS {stem}: {}", &text[c[0]..c[1]]);
            }
            continue;
        };
        let Some(heads) = gold_heads(text, gold, g) else {
            if g.direct {
                rep.speaker_skipped += 1;
            }
            continue;
        };
        let right = speaker_right(best, &heads);
        rep.all_speaker.1 += 1;
        rep.all_speaker.0 += usize::from(right);
        if g.direct {
            rep.speaker.1 += 1;
            rep.speaker.0 += usize::from(right);
            if let Some(stem) = dump.filter(|_| !right) {
                let src = g.source.map_or("", |s| &text[s[0]..s[1]]);
                eprintln!(
                    "SPEAKER {stem}: pred {:?} gold {src:?} {heads:?} | {}",
                    best.speaker,
                    best.text.chars().take(80).collect::<String>()
                );
            }
        }
    }
    if let Some(stem) = dump {
        for p in &direct {
            let hit = gold.iter().any(|g| matches(p.span, &g.content));
            if !hit {
                eprintln!("FALSE {stem}: {:?} | {}", p.speaker, p.text);
            }
        }
        for g in gold.iter().filter(|g| g.direct) {
            if !s_direct.iter().any(|p| matches(p.span, &g.content)) {
                let c = g.content[0];
                eprintln!("SMISS {stem}: {}", &text[c[0]..c[1]]);
            }
        }
        for p in &s_direct {
            if !gold.iter().any(|g| matches(p.span, &g.content)) {
                eprintln!(
                    "SFALSE {stem}: {:?} | {}",
                    p.speaker,
                    &text[p.span[0]..p.span[1]]
                );
            }
        }
    }
}
