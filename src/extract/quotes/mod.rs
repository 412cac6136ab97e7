//! Quotations, direct and reported, with their speakers.
//!
//! Three passes over one tokenisation of the text:
//! 1. quoted regions (see [`marks`]) take the attribution right next to them
//!    (`“...,” Austin said`, `Austin said: “...”`);
//! 2. every reporting verb left over reads its sentence: `..., Austin said.` after the
//!    words, `He said these forces ...` before them, `according to X`;
//! 3. quoted regions without an attribution of their own share that of the quotation
//!    before them in the paragraph, or of the one they continue.
//!
//! Wire feeds strip quotation marks, so whether words were quoted is decided per
//! text: when the text has no double quotation marks at all, `..., X said.` and
//! `X said: ...` are taken as direct quotations; where marks exist and the writer did
//! not use them, the same shapes are reported speech. Speakers are resolved in reading
//! order (see [`speaker`]) so that `he added` follows the quotation before it.

mod clause;
mod complement;
mod lexicon;
mod marks;
mod names;
mod regions;
mod reported;
mod speaker;
mod words;

use super::entities::Found;
use super::segment::{self, TokenKind};
use super::{Quote, Span};
use clause::{INSIDE, MARK, Phrase, Words};
use marks::{MarkKind, Region};

/// Whose words an item is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Source {
    /// Its own attribution: the speaker phrase and the verb's token.
    Own(Phrase, usize),
    /// The same speaker as another item.
    Like(usize),
    Unknown,
}

/// A quotation found, before its speaker is resolved.
#[derive(Clone, Copy, Debug)]
struct Item {
    span: Span,
    source: Source,
    indirect: bool,
    /// Paragraph index.
    para: usize,
}

/// The text as the passes see it.
struct Doc<'a> {
    w: Words<'a>,
    /// Token ranges of the sentences.
    sents: Vec<[usize; 2]>,
    /// Paragraph index of each sentence.
    sent_para: Vec<usize>,
    regions: Vec<Region>,
    /// Token index of each region's opening mark and of its closing mark, if any.
    region_toks: Vec<(usize, Option<usize>)>,
    /// True when the text uses double quotation marks at all.
    marked: bool,
    /// Reporting verbs already read as part of an attribution.
    used: Vec<bool>,
    /// The item each region became, if any.
    region_item: Vec<Option<usize>>,
}

/// Finds the quotes of `text` and resolves their speakers against `found`.
pub fn find_quotes(text: &str, sentences: &[Span], found: &Found) -> Vec<Quote> {
    find_quotes_in(
        text,
        sentences,
        &segment::SentenceTokens::new(text, sentences),
        found,
    )
}

/// [`find_quotes`] with the sentences' tokens already made.
pub fn find_quotes_in(
    text: &str,
    sentences: &[Span],
    tokens: &segment::SentenceTokens,
    found: &Found,
) -> Vec<Quote> {
    let mut doc = Doc::new(text, sentences, tokens);
    let mut resolver = speaker::Resolver::new(&doc.w, found, doc.sents.clone());
    let mut items = Vec::new();
    doc.attribute_regions(&mut items);
    doc.find_reported(&mut items);
    doc.adopt_regions(&mut items, &resolver);
    doc.build(&mut resolver, items)
}

impl<'a> Doc<'a> {
    fn new(text: &'a str, sentences: &[Span], tokens: &segment::SentenceTokens) -> Doc<'a> {
        let paras = marks::paragraphs(text);
        let regions = marks::find_regions(text, &paras);
        let mut toks = Vec::with_capacity(tokens.all().len());
        let mut sents = Vec::with_capacity(sentences.len());
        let mut sent_para = Vec::with_capacity(sentences.len());
        // Sentences, cut where one of our paragraphs ends inside them.
        let mut p = 0;
        for (k, s) in sentences.iter().enumerate() {
            while p < paras.len() && paras[p][1] <= s[0] {
                p += 1;
            }
            let mut q = p;
            while q < paras.len() && paras[q][0] < s[1] {
                let piece = [s[0].max(paras[q][0]), s[1].min(paras[q][1])];
                if piece[0] < piece[1] {
                    let from = toks.len();
                    // A sentence no paragraph cuts (nearly all) has its tokens made.
                    if piece == *s {
                        toks.extend_from_slice(tokens.of(k));
                    } else {
                        segment::push_tokens(text, piece, &mut toks);
                    }
                    sents.push([from, toks.len()]);
                    sent_para.push(q);
                }
                if paras[q][1] >= s[1] {
                    break;
                }
                q += 1;
            }
        }
        let mut flags = vec![0u8; toks.len()];
        let mut region_toks = Vec::with_capacity(regions.len());
        for r in &regions {
            let open = toks.partition_point(|t| t.span[0] < r.open);
            let close = r
                .close
                .map(|c| toks.partition_point(|t| t.span[0] < c[0]))
                .filter(|&c| c < toks.len());
            if open < toks.len() {
                flags[open] |= MARK;
            }
            let end = close.unwrap_or_else(|| toks.partition_point(|t| t.span[0] < r.inner[1]));
            for f in flags.iter_mut().take(end).skip(open + 1) {
                *f |= INSIDE;
            }
            if let Some(c) = close {
                flags[c] |= MARK;
            }
            region_toks.push((open, close));
        }
        let marked = regions.iter().any(|r| r.kind == MarkKind::Double);
        let n = toks.len();
        let nr = regions.len();
        Doc {
            w: Words::new(text, toks, flags),
            sents,
            sent_para,
            regions,
            region_toks,
            marked,
            used: vec![false; n],
            region_item: vec![None; nr],
        }
    }

    /// The sentence holding token `t`.
    fn sent_of(&self, t: usize) -> usize {
        self.sents
            .partition_point(|s| s[1] <= t)
            .min(self.sents.len().saturating_sub(1))
    }

    /// Word tokens inside region `r`.
    fn region_words(&self, r: usize) -> usize {
        let (open, close) = self.region_toks[r];
        let end = close.unwrap_or_else(|| {
            self.w
                .toks
                .partition_point(|t| t.span[0] < self.regions[r].inner[1])
        });
        (open + 1..end.min(self.w.toks.len()))
            .filter(|&i| self.w.is_word(i))
            .count()
    }

    /// The share of word tokens of `span` that are inside quotation marks.
    fn quoted_share(&self, span: Span) -> f64 {
        let toks = &self.w.toks;
        let from = toks.partition_point(|t| t.span[0] < span[0]);
        let to = toks.partition_point(|t| t.span[0] < span[1]);
        let (mut all, mut inside) = (0usize, 0usize);
        for (i, t) in toks.iter().enumerate().take(to).skip(from) {
            if t.kind != TokenKind::Punct {
                all += 1;
                if self.w.inside(i) {
                    inside += 1;
                }
            }
        }
        if all == 0 {
            0.0
        } else {
            inside as f64 / all as f64
        }
    }

    /// Resolves speakers in reading order and builds the quotes, in text order.
    fn build(&self, resolver: &mut speaker::Resolver<'_>, items: Vec<Item>) -> Vec<Quote> {
        let mut speakers: Vec<Option<String>> = vec![None; items.len()];
        let mut own: Vec<(usize, usize)> = items
            .iter()
            .enumerate()
            .filter_map(|(i, it)| match it.source {
                Source::Own(p, _) => Some((p.start, i)),
                _ => None,
            })
            .collect();
        own.sort_unstable();
        for (_, i) in own {
            if let Source::Own(p, cue) = items[i].source {
                let continuing = self.w.has(cue, lexicon::CONTINUING);
                speakers[i] = resolver.resolve(&self.w, p, continuing).map(|s| s.name);
            }
        }
        let mut order: Vec<usize> = (0..items.len()).collect();
        order.sort_by_key(|&i| (items[i].span[0], items[i].span[1]));
        let mut out: Vec<Quote> = Vec::with_capacity(items.len());
        for i in order {
            let it = items[i];
            if out.last().is_some_and(|q| q.span == it.span) {
                continue;
            }
            let mut k = i;
            let mut hops = 0;
            while let Source::Like(j) = items[k].source {
                if hops > items.len() || j == k {
                    break;
                }
                k = j;
                hops += 1;
            }
            let text = &self.w.text[it.span[0]..it.span[1]];
            out.push(Quote {
                text: text.to_string(),
                speaker: speakers[k].clone(),
                indirect: it.indirect,
                span: it.span,
            });
        }
        out
    }
}

/// Trims white space, and commas or colons left over from the attribution, from
/// both ends of a quotation.
fn trim_quote(text: &str, span: Span) -> Span {
    let s = &text[span[0]..span[1]];
    let trimmed_start = s.trim_start_matches(|c: char| c.is_whitespace() || c == ',');
    let start = span[0] + (s.len() - trimmed_start.len());
    let t = trimmed_start
        .trim_end_matches(|c: char| c.is_whitespace() || matches!(c, ',' | ':' | ';' | '—' | '–'));
    [start, start + t.len()]
}

#[cfg(test)]
mod tests;
