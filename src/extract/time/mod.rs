//! Time expressions (TimeML TIMEX3) with normalised values.
//!
//! The tagger follows the TimeML / TempEval-3 guidelines as TimeBank applies them:
//! the extent holds the article and the modifiers (`the third quarter`, `the end of
//! 2017`, `about three years`) but not the preposition (`on Tuesday` is `Tuesday`);
//! values are ISO-8601-like (`2023-03-07`, `2023-W09`, `P3Y`, `PRESENT_REF`).
//!
//! It is built for speed, as one stage of an extractor that must read a million
//! words a second: a sentence is looked at only if a cheap byte scan finds a digit
//! or a word starting like a time word; then a small tokenizer and a hand-written
//! grammar (no regular expressions) find the expressions, and a resolver turns them
//! into values against the article date (DCT) or the last mentioned date.
//!
//! - `lexicon`: what each word is to the grammar.
//! - `tokens`: the sentence's tokens, with hyphen joins and numbers read.
//! - `grammar`, `calendar`, `relative`, `periods`, `sets`: the patterns and the
//!   extents.
//! - `resolve`, `value`: from meaning to TIMEX3 type and value.

mod calendar;
mod grammar;
mod lexicon;
mod periods;
mod relative;
mod resolve;
mod sets;
mod tokens;
mod value;

use chrono::NaiveDate;

use super::{Span, Timex};
use grammar::{Expr, Matcher};
use lexicon::{Lex, W};
use resolve::{Resolver, Tense};
use tokens::{Kind, Tok};
use value::Gran;

/// Finds and normalises the time expressions of `text`, anchored on `dct`.
///
/// Every returned span lies inside one of `sentences`, on character boundaries.
pub fn find_timexes(text: &str, sentences: &[Span], dct: Option<NaiveDate>) -> Vec<Timex> {
    let mut out = Vec::new();
    let mut toks: Vec<Tok> = Vec::new();
    let mut cands = Vec::new();
    let mut resolver = Resolver::new(dct);
    let sentences = join_clock_splits(text, sentences);
    for (si, &span) in sentences.iter().enumerate() {
        if span[0] >= span[1]
            || span[1] > text.len()
            || !lexicon::has_head(&text.as_bytes()[span[0]..span[1]])
        {
            continue;
        }
        tokens::tokenize(text, span, &mut toks);
        cands.clear();
        Matcher { toks: &toks, text }.scan(&mut cands);
        if cands.is_empty() {
            continue;
        }
        resolver.sentence = si;
        // Clock times without a day take the day the sentence speaks of.
        let mut day: Option<value::Point> = None;
        let first = out.len();
        let mut deferred = Vec::new();
        for c in &cands {
            let s = [toks[c.start].span[0], toks[c.end - 1].span[1]];
            if matches!(&c.expr, Expr::Time { day: None, .. }) {
                deferred.push((out.len(), c));
            }
            let mut tense = || tense_at(&toks, text, c.start, c.end);
            let r = resolver.resolve(&c.expr, &mut tense, day);
            if let Some(p) = r.point.filter(|p| p.gran == Gran::Day) {
                day.get_or_insert(p);
            }
            out.push(Timex {
                text: text[s[0]..s[1]].to_string(),
                kind: r.kind,
                value: r.value,
                modifier: c.modifier.map(str::to_string),
                span: s,
            });
        }
        if let Some(d) = day {
            for (k, c) in deferred {
                if let Expr::Time { hour, minute, .. } = c.expr
                    && k >= first
                {
                    out[k].value = format!("{}T{hour:02}:{minute:02}", d.value());
                }
            }
        }
    }
    out
}

/// The sentences with those split after `a.m.`/`p.m.` joined again when the next
/// one goes on with the time (`5 p.m. EST Nov. 9`, `10 p.m. Wednesday`).
fn join_clock_splits(text: &str, sentences: &[Span]) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::with_capacity(sentences.len());
    for &s in sentences {
        if let Some(last) = out.last_mut() {
            let prev = text.get(last[0]..last[1]).unwrap_or("");
            let gap = text.get(last[1]..s[0]).unwrap_or("x");
            let next = text.get(s[0]..s[1]).unwrap_or("");
            let clock = prev.ends_with("a.m.") || prev.ends_with("p.m.");
            let goes_on = next.split_whitespace().next().is_some_and(|w| {
                if w.starts_with(['(', '[']) || w.starts_with(|c: char| c.is_lowercase()) {
                    return true;
                }
                let w = w.trim_end_matches([',', '.', ')', ';']);
                matches!(
                    lexicon::classify(w),
                    Lex::Weekday { .. } | Lex::Month { .. }
                ) || matches!(
                    lexicon::classify(w),
                    Lex::Word(W::Zone | W::Today | W::Yesterday | W::Tomorrow)
                )
            });
            if clock && goes_on && gap.trim().is_empty() {
                last[1] = s[1];
                continue;
            }
        }
        out.push(s);
    }
    out
}

/// The tense around tokens `start..end`: the nearest future or past marker before
/// the expression, else after it.
fn tense_at(toks: &[Tok], text: &str, start: usize, end: usize) -> Tense {
    let word = |k: usize| toks.get(k).map_or("", |t| &text[t.span[0]..t.span[1]]);
    // `Wednesday's ruling` names something that happened.
    if matches!(word(end), "'" | "’") && word(end + 1) == "s" {
        return Tense::Past;
    }
    // A deadline: `extended the offer until Tuesday`; but `until Tuesday, they
    // had not called him a suspect` looks back.
    if start > 0
        && ["until", "till"]
            .iter()
            .any(|u| word(start - 1).eq_ignore_ascii_case(u))
    {
        let perfect = (0..toks.len()).any(|k| word(k).eq_ignore_ascii_case("had"));
        return if perfect { Tense::Past } else { Tense::Future };
    }
    // A participle after `be` (`would be paid`) or an adjective after an article
    // (`a still unspecified date`) says nothing of the tense.
    let participle = |k: usize| {
        k > 0
            && NOT_BEFORE_A_PAST_VERB
                .iter()
                .any(|p| word(k - 1).eq_ignore_ascii_case(p))
    };
    let marker = |k: usize| -> Option<Tense> {
        let t = toks.get(k)?;
        let w = word(k);
        match t.lex {
            // `had been scheduled to expire Friday`: a plan that is over.
            Lex::Word(W::Will)
                if k > 1 && word(k - 1) == "been" && word(k - 2).eq_ignore_ascii_case("had") =>
            {
                Some(Tense::Past)
            }
            Lex::Word(W::Will | W::Soon) => Some(Tense::Future),
            // `is to resume`, `set to resume`, `planned to leave on Thursday`
            Lex::Word(W::To) if k > 0 && intends(word(k - 1)) => Some(Tense::Future),
            Lex::Word(W::PastVerb) => {
                let auxiliary = ["was", "were", "had", "did"]
                    .iter()
                    .any(|a| w.eq_ignore_ascii_case(a));
                (auxiliary || !participle(k)).then_some(Tense::Past)
            }
            Lex::Word(W::Ago | W::Since) => Some(Tense::Past),
            Lex::None if t.kind == Kind::Word => {
                if matches!(w, "would" | "could" | "might") {
                    return Some(Tense::Future);
                }
                let past = w.len() > 4 && w.ends_with("ed") && !t.cap && !participle(k);
                past.then_some(Tense::Past)
            }
            _ => None,
        }
    };
    // The verb an adverbial hangs on usually comes before it; after it come
    // reporting clauses (`..., Castro said`).
    if let Some(m) = (0..start).rev().find_map(marker) {
        return m;
    }
    (end..toks.len()).find_map(marker).unwrap_or(Tense::Unknown)
}

/// Words after which a past form is a participle or an adjective, not a verb in
/// the past tense.
const NOT_BEFORE_A_PAST_VERB: &[&str] = &[
    "be", "been", "being", "is", "are", "am", "a", "an", "the", "still", "its", "his", "her",
    "their", "our", "very", "newly", "well",
];

/// Words before `to` that make what follows an intention, later than the
/// sentence's own time: `is to resume`, `planned to leave`, `ready to sign`.
fn intends(word: &str) -> bool {
    matches!(
        word,
        "is" | "are"
            | "set"
            | "planned"
            | "plans"
            | "plan"
            | "planning"
            | "likely"
            | "ready"
            | "poised"
            | "slated"
            | "agreed"
            | "promised"
            | "vowed"
            | "pledged"
            | "intended"
            | "intends"
            | "wants"
            | "wanted"
            | "hoped"
            | "hopes"
            | "prepared"
            | "preparing"
            | "supposed"
            | "about"
    )
}

#[cfg(test)]
mod tests;
