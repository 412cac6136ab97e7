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
mod lexicon;
mod marks;
mod speaker;

use super::entities::Found;
use super::segment::{self, TokenKind};
use super::{Quote, Span};
use clause::{INSIDE, Intro, MARK, Phrase, Words};
use lexicon::CueKind;
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
    let mut doc = Doc::new(text, sentences);
    let mut resolver = speaker::Resolver::new(&doc.w, found, doc.sents.clone());
    let mut items = Vec::new();
    doc.attribute_regions(&mut items);
    doc.find_reported(&mut items);
    doc.adopt_regions(&mut items, &resolver);
    doc.build(&mut resolver, items)
}

impl<'a> Doc<'a> {
    fn new(text: &'a str, sentences: &[Span]) -> Doc<'a> {
        let paras = marks::paragraphs(text);
        let regions = marks::find_regions(text, &paras);
        let mut toks = Vec::new();
        let mut sents = Vec::with_capacity(sentences.len());
        let mut sent_para = Vec::with_capacity(sentences.len());
        // Sentences, cut where one of our paragraphs ends inside them.
        let mut p = 0;
        for s in sentences {
            while p < paras.len() && paras[p][1] <= s[0] {
                p += 1;
            }
            let mut q = p;
            while q < paras.len() && paras[q][0] < s[1] {
                let piece = [s[0].max(paras[q][0]), s[1].min(paras[q][1])];
                if piece[0] < piece[1] {
                    let from = toks.len();
                    toks.extend(segment::tokens(text, piece));
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
            w: Words { text, toks, flags },
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

    /// Pass 1: regions with an attribution right after or right before them.
    fn attribute_regions(&mut self, items: &mut Vec<Item>) {
        for r in 0..self.regions.len() {
            if self.sents.is_empty() {
                return;
            }
            let region = self.regions[r];
            if region.kind == MarkKind::Single && self.region_words(r) > 40 {
                continue;
            }
            if let Some((phrase, colon)) = self.label_at(self.region_toks[r].0 + 1) {
                let (open, _) = self.region_toks[r];
                let para = self.sent_para[self.sent_of(open)];
                let after = self.w.toks[colon].span[1];
                self.region_item[r] = Some(items.len());
                items.push(Item {
                    span: trim_quote(self.w.text, [after, region.inner[1]]),
                    source: Source::Own(phrase, colon),
                    indirect: false,
                    para,
                });
                continue;
            }
            let found = self
                .attribution_after(r)
                .or_else(|| self.attribution_before(r, items));
            if let Some((source, cue)) = found {
                self.used[cue] = true;
                let (open, _) = self.region_toks[r];
                let para = self.sent_para[self.sent_of(open)];
                self.region_item[r] = Some(items.len());
                items.push(Item {
                    span: trim_quote(self.w.text, region.inner),
                    source,
                    indirect: false,
                    para,
                });
            }
        }
    }

    /// `“...,” Austin said`, `“...,” said Austin`, `“...,” Austin, the chief, said`.
    fn attribution_after(&self, r: usize) -> Option<(Source, usize)> {
        self.phrase_after(r).map(|(p, c)| (Source::Own(p, c), c))
    }

    fn phrase_after(&self, r: usize) -> Option<(Phrase, usize)> {
        let close = self.region_toks[r].1?;
        let si = self.sent_of(close);
        let w = &self.w;
        let mut hi = self.sents[si][1];
        if close + 1 == hi
            && let Some(next) = self.sents.get(si + 1)
            && self.sent_para[si + 1] == self.sent_para[si]
        {
            // `“...?” Graham asked.` was split after the mark: a next sentence that is
            // only an attribution belongs to the quotation.
            let [lo2, hi2] = *next;
            if matches!(w.punct(lo2), Some('―' | '—' | '–')) {
                // `“...?” ― Jane Doe` on its own.
                let p = w.speaker_after(lo2 + 1, hi2)?;
                let rest = (p.end..hi2).all(|k| !w.is_word(k));
                return (rest && p.kind == clause::PhraseKind::Name).then_some((p, lo2));
            }
            let cue = (lo2..hi2.min(lo2 + 8))
                .find(|&k| w.is_word(k) && lexicon::cue(w.word(k)).is_some())?;
            let kind = lexicon::cue(w.word(cue))?;
            let inverted = cue == lo2;
            let tail = if inverted {
                w.speaker_after(cue + 1, hi2)
                    .is_some_and(|p| w.is_tail(p.end, hi2, kind))
            } else {
                w.is_tail(cue + 1, hi2, kind)
            };
            if !tail {
                return None;
            }
            hi = hi2;
        }
        let mut i = close + 1;
        if i < hi && w.punct(i) == Some(',') {
            i += 1;
        }
        if i < hi && matches!(w.punct(i), Some('―' | '—' | '–' | '-')) {
            // `“...” ― Jane Doe`: a dash and a name closing the line.
            let p = w.speaker_after(i + 1, hi)?;
            let rest = (p.end..hi).all(|k| !w.is_word(k));
            return (rest && p.kind == clause::PhraseKind::Name).then_some((p, i));
        }
        if i >= hi || !w.is_word(i) {
            return None;
        }
        if let Some(kind) = lexicon::cue(w.word(i)) {
            let from = if kind == CueKind::According {
                i + 2
            } else {
                i + 1
            };
            if kind == CueKind::According && !w.word(i + 1).eq_ignore_ascii_case("to") {
                return None;
            }
            let p = w.speaker_after(from.min(hi), hi)?;
            return Some((p, i));
        }
        let stop = (i + 16).min(hi);
        let cue = (i..stop)
            .take_while(|&k| !w.is_mark(k))
            .find(|&k| w.is_word(k) && lexicon::cue(w.word(k)).is_some());
        let Some(cue) = cue else {
            // `“...,” Blige sings`: a quotation ending in a comma, a name and a verb.
            let comma = w.punct(close - 1) == Some(',') || w.punct(close + 1) == Some(',');
            let p = w.subject_at(i, hi)?;
            let verb = w.word(p.end.min(hi - 1));
            let ends_soon = (p.end + 1..hi).filter(|&k| w.is_word(k)).count() <= 2;
            let verbish = p.end < hi
                && w.is_word(p.end)
                && !w.is_cap(p.end)
                && !lexicon::is_preposition(verb)
                && !lexicon::is_clause_word(verb)
                && (verb.ends_with("ed")
                    || (verb.ends_with('s') && !verb.ends_with("ss"))
                    || ends_soon);
            return (comma && verbish && p.kind != clause::PhraseKind::Nominal)
                .then_some((p, p.end));
        };
        let Some(p) = w.speaker_before(cue, i) else {
            // `“...,” Trump, the frontrunner ... primaries, said`: a name up to the first
            // comma after the mark.
            let comma = (i..cue).find(|&k| w.punct(k) == Some(','))?;
            let p = w.phrase_ending_at(comma.checked_sub(1)?, i)?;
            return (p.start == i && p.kind == clause::PhraseKind::Name).then_some((p, cue));
        };
        if p.start == i {
            return Some((p, cue));
        }
        // `“...?” a narrator in the ad asks`, `“...,” former State policy planning
        // director Jane Doe wrote`: everything between the mark and the verb.
        let plain = (i..p.start).all(|k| w.is_word(k)) && !lexicon::is_clause_word(w.word(i));
        if !(plain && cue - i <= 10) {
            return None;
        }
        let kind = if w.is_cap(p.end - 1) {
            clause::PhraseKind::Name
        } else {
            clause::PhraseKind::Nominal
        };
        Some((
            Phrase {
                start: i,
                end: p.end,
                kind,
            },
            cue,
        ))
    }

    /// `Austin said: “...”`, `Austin told reporters “...”`, `according to X, “...”`,
    /// and a paragraph-final `X said:` before a paragraph that opens with the quote.
    fn attribution_before(&self, r: usize, items: &[Item]) -> Option<(Source, usize)> {
        let (open, _) = self.region_toks[r];
        let w = &self.w;
        let mut si = self.sent_of(open);
        let mut lo = self.sents[si][0];
        let mut target = open;
        if open == lo {
            // The quote opens its sentence: look for `X said:` ending the sentence before.
            if si == 0 {
                return None;
            }
            si -= 1;
            lo = self.sents[si][0];
            let end = self.sents[si][1];
            if end == lo || w.punct(end - 1) != Some(':') {
                return None;
            }
            target = end;
        }
        let hi = self.sents[si][1].max(target);
        if target != open {
            // `As Jane Doe reported after the hearing:` + a quotation paragraph.
            let found = (lo..target).rev().find_map(|c| {
                let kind = lexicon::cue(w.word(c)).filter(|_| w.is_word(c) && !w.inside(c))?;
                if kind == CueKind::According {
                    return w.speaker_after(c + 2, hi).map(|p| (p, c));
                }
                w.speaker_before(c, lo).map(|p| (p, c))
            });
            if let Some((p, c)) = found {
                return Some((Source::Own(p, c), c));
            }
        }
        let floor = target.saturating_sub(14).max(lo);
        for c in (floor..target).rev() {
            if w.is_mark(c) {
                break;
            }
            if !w.is_word(c) || w.inside(c) {
                continue;
            }
            let Some(kind) = lexicon::cue(w.word(c)) else {
                continue;
            };
            if kind == CueKind::According || c == lo {
                // `according to X, “...”`; `Said Ellis: “...”`.
                let from = if kind == CueKind::According {
                    c + 2
                } else {
                    c + 1
                };
                let p = w.speaker_after(from, hi)?;
                let mut k = p.end;
                while k < target && matches!(w.punct(k), Some(',' | ':')) {
                    k += 1;
                }
                return (k == target).then_some((Source::Own(p, c), c));
            }
            let reaches = match w.complement(c + 1, hi, kind) {
                Some((start, Intro::Mark)) => start == target,
                Some((start, _)) => start == target,
                None => c + 1 == target || (c + 2 == target && w.punct(c + 1) == Some(':')),
            };
            if !reaches {
                return None;
            }
            if w.word(c).ends_with("ing") && c > lo && w.punct(c - 1) == Some(',') {
                return Some((self.participle_source(c, lo, items)?, c));
            }
            let p = self.speaker_of(c, lo)?;
            return Some((Source::Own(p, c), c));
        }
        // `Trump: “I will win”` — a name and a colon opening the sentence.
        if target > lo + 1 && w.punct(target - 1) == Some(':') {
            let p = w.phrase_ending_at(target - 2, lo)?;
            if p.start == lo && p.kind == clause::PhraseKind::Name {
                return Some((Source::Own(p, target - 1), target - 1));
            }
        }
        None
    }

    /// A transcript label at token `i`: one to three upper-case words and a colon
    /// (`WALLACE: ...`). Returns the speaker phrase and the colon's token.
    fn label_at(&self, i: usize) -> Option<(Phrase, usize)> {
        let w = &self.w;
        let n = w.toks.len();
        let mut k = i;
        while k < n && k < i + 3 && w.is_word(k) {
            let word = w.word(k);
            if word.chars().count() < 2
                || !word
                    .chars()
                    .all(|c| c.is_uppercase() || c == '-' || c == '.')
            {
                return None;
            }
            k += 1;
        }
        (k > i && k < n && w.punct(k) == Some(':')).then_some((
            Phrase {
                start: i,
                end: k,
                kind: clause::PhraseKind::Name,
            },
            k,
        ))
    }

    /// Pass 2: reporting verbs outside quotations, read within their sentence.
    fn find_reported(&mut self, items: &mut Vec<Item>) {
        for si in 0..self.sents.len() {
            let [lo, hi] = self.sents[si];
            let para = self.sent_para[si];
            let para_start = si == 0 || self.sent_para[si - 1] != para;
            if para_start
                && self.w.flags[lo] == 0
                && let Some((phrase, colon)) = self.label_at(lo)
                && !self.used[colon]
            {
                self.used[colon] = true;
                let end = (si..self.sents.len())
                    .take_while(|&k| self.sent_para[k] == para)
                    .last()
                    .map_or(hi, |k| self.sents[k][1]);
                let span = [self.w.toks[colon].span[1], self.w.toks[end - 1].span[1]];
                items.push(Item {
                    span: trim_quote(self.w.text, span),
                    source: Source::Own(phrase, colon),
                    indirect: false,
                    para,
                });
            }
            for c in lo..hi {
                if self.used[c] || self.w.flags[c] != 0 || !self.w.is_word(c) {
                    continue;
                }
                let Some(kind) = lexicon::cue(self.w.word(c)) else {
                    continue;
                };
                let Some((span, source, intro)) = self.read_cue(c, kind, lo, hi, items) else {
                    continue;
                };
                self.used[c] = true;
                let span = trim_quote(self.w.text, self.outside_claimed(span));
                if self.w.text[span[0]..span[1]].split_whitespace().count() < 3 {
                    continue;
                }
                let indirect = if self.marked {
                    self.quoted_share(span) < 0.5
                } else {
                    !matches!(
                        intro,
                        None | Some(Intro::Colon | Intro::Comma | Intro::Mark)
                    )
                };
                let idx = items.len();
                items.push(Item {
                    span,
                    source,
                    indirect,
                    para,
                });
                // Regions inside the reported words belong to them.
                for r in 0..self.regions.len() {
                    let inner = self.regions[r].inner;
                    if self.region_item[r].is_none() && inner[0] < span[1] && span[0] < inner[1] {
                        self.region_item[r] = Some(idx);
                    }
                }
            }
        }
    }

    /// Reads the verb at `c`: the reported words' span, whose they are, and how they
    /// were introduced (`None` when the words come before the verb).
    fn read_cue(
        &self,
        c: usize,
        kind: CueKind,
        lo: usize,
        hi: usize,
        items: &[Item],
    ) -> Option<(Span, Source, Option<Intro>)> {
        let w = &self.w;
        let word = w.word(c);
        let min_words = 3;
        let content = |from: usize, to: usize| -> Option<Span> {
            let n = (from..to).filter(|&k| w.is_word(k)).count();
            (n >= min_words).then(|| w.span(from, to))
        };
        if kind == CueKind::According {
            if c + 2 >= hi || !w.word(c + 1).eq_ignore_ascii_case("to") {
                return None;
            }
            let p = w.speaker_after(c + 2, hi)?;
            if c > lo && w.punct(c - 1) == Some(',') {
                return Some((content(lo, c - 1)?, Source::Own(p, c), None));
            }
            if c == lo && p.end < hi && w.punct(p.end) == Some(',') {
                return Some((
                    content(p.end + 1, hi)?,
                    Source::Own(p, c),
                    Some(Intro::Comma),
                ));
            }
            return None;
        }
        let before = (c > lo).then(|| c - 1);
        let after_comma = before.is_some_and(|b| w.punct(b) == Some(',') || w.is_mark(b));
        // `..., saying that ...`: a participle takes the clause's subject.
        if word.ends_with("ing") && after_comma {
            let (start, intro) = w.complement(c + 1, hi, kind)?;
            let source = self.participle_source(c, lo, items)?;
            return Some((content(start, hi)?, source, Some(intro)));
        }
        // `..., said Austin.`
        if after_comma
            && let Some(p) = w.speaker_after(c + 1, hi)
            && w.is_tail(p.end, hi, CueKind::Say)
        {
            let b = before?;
            if w.is_mark(b) {
                return None;
            }
            return Some((content(lo, b)?, Source::Own(p, c), None));
        }
        let p = self.speaker_of(c, lo)?;
        if let Some((start, intro)) = w.complement(c + 1, hi, kind) {
            if kind == CueKind::Weak && intro == Intro::Bare {
                return None;
            }
            return Some((content(start, hi)?, Source::Own(p, c), Some(intro)));
        }
        if p.start > lo && w.punct(p.start - 1) == Some(',') && w.is_tail(c + 1, hi, kind) {
            return Some((content(lo, p.start - 1)?, Source::Own(p, c), None));
        }
        None
    }

    /// Cuts `span` short of quotations already attributed on their own: reported
    /// words end where such a quotation (or the colon before it) begins, and start
    /// after one that ends inside them.
    fn outside_claimed(&self, span: Span) -> Span {
        let [mut start, mut end] = span;
        for (r, region) in self.regions.iter().enumerate() {
            if self.region_item[r].is_none() {
                continue;
            }
            if region.open >= start && region.open < end {
                let (open, _) = self.region_toks[r];
                let cut = if open > 0 && self.w.punct(open - 1) == Some(':') {
                    self.w.toks[open - 1].span[0]
                } else {
                    region.open
                };
                end = cut.max(start);
            } else if region.inner[1] > start && region.inner[1] < end {
                start = region.close.map_or(region.inner[1], |c| c[1]);
            }
        }
        [start, end.max(start)]
    }

    /// Whose words a participle after a comma introduces (`Trump spoke, saying ...`):
    /// the speaker of an attribution earlier in the sentence, else its subject.
    fn participle_source(&self, c: usize, lo: usize, items: &[Item]) -> Option<Source> {
        let w = &self.w;
        let prior = items
            .iter()
            .rposition(|it| matches!(it.source, Source::Own(_, k) if (lo..c).contains(&k)));
        if let Some(k) = prior {
            return Some(Source::Like(k));
        }
        let earlier = (lo..c)
            .filter(|&k| w.is_word(k) && !w.inside(k) && lexicon::cue(w.word(k)).is_some())
            .find_map(|k| w.speaker_before(k, lo).map(|p| (p, k)));
        if let Some((p, k)) = earlier {
            return Some(Source::Own(p, k));
        }
        let t = speaker::subject_token(w, lo, c)?;
        Some(Source::Own(w.subject_at(t, c)?, c))
    }

    /// The speaker phrase of the verb at `c`: the phrase before it, or the sentence's
    /// subject after `to` (`Pence went on to say ...`).
    fn speaker_of(&self, c: usize, lo: usize) -> Option<Phrase> {
        let w = &self.w;
        if c > lo && w.is_word(c - 1) && w.word(c - 1) == "to" {
            let t = speaker::subject_token(w, lo, c)?;
            return w.subject_at(t, c);
        }
        w.speaker_before(c, lo)
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

    /// Pass 3: regions without an attribution of their own.
    fn adopt_regions(&mut self, items: &mut Vec<Item>, resolver: &speaker::Resolver<'_>) {
        // Quotations over several paragraphs take the speaker from whichever part
        // has one: walk backwards so an attribution in the last part reaches the first.
        for r in (0..self.regions.len()).rev() {
            if self.region_item[r].is_none()
                && self.regions[r].continues
                && let Some(Some(next)) = self.region_item.get(r + 1).copied()
            {
                self.push_region(r, Source::Like(next), items);
            }
        }
        for r in 0..self.regions.len() {
            if self.region_item[r].is_some() || self.regions[r].kind == MarkKind::Single {
                continue;
            }
            let (open, _) = self.region_toks[r];
            let si = self.sent_of(open);
            let para = self.sent_para[si];
            let words = self.region_words(r);
            let starts_sentence = open == self.sents[si][0]
                || (open > self.sents[si][0] && self.w.punct(open - 1) == Some(':'));
            if words < 2 || !(starts_sentence || words >= 6) {
                continue;
            }
            let open_at = self.regions[r].open;
            let continued = r > 0 && self.regions[r - 1].continues;
            let nearest_before = |pred: &dyn Fn(&Item) -> bool| {
                items
                    .iter()
                    .enumerate()
                    .filter(|(_, it)| it.span[0] < open_at && pred(it))
                    .max_by_key(|(_, it)| it.span[0])
                    .map(|(k, _)| k)
            };
            let prev_same_para = nearest_before(&|it: &Item| it.para == para);
            let next_in_para = (r + 1..self.regions.len())
                .map_while(|k| {
                    let (o, _) = self.region_toks[k];
                    (self.sent_para[self.sent_of(o)] == para).then_some(k)
                })
                .find_map(|k| self.region_item[k]);
            // The sentence before: its quotation, or its subject.
            let prev_sent = si.checked_sub(1).filter(|&p| {
                let [_, hi] = self.sents[p];
                self.sent_para[p] == para || (hi > 0 && self.w.punct(hi - 1) == Some(':'))
            });
            let prev_sent_item = prev_sent.and_then(|p| {
                let [lo, hi] = self.sents[p];
                let span = [self.w.toks[lo].span[0], self.w.toks[hi - 1].span[1]];
                nearest_before(&|it: &Item| it.span[0] < span[1] && span[0] < it.span[1])
            });
            let prev_subject = prev_sent.and_then(|p| {
                let [lo, hi] = self.sents[p];
                if self.w.inside(lo) || self.w.is_mark(lo) {
                    return None;
                }
                self.subject_of(lo, hi, resolver)
            });
            // `Obama is rolling out a message: “...”`, `Reid called him a “...”`: the
            // subject of its own sentence.
            let own_subject = (open > self.sents[si][0])
                .then(|| self.subject_of(self.sents[si][0], open, resolver))
                .flatten();
            let source = if continued && let Some(Some(prev)) = self.region_item.get(r - 1) {
                Source::Like(*prev)
            } else if let Some(p) = own_subject {
                Source::Own(p, p.start)
            } else if let Some(k) = prev_sent_item {
                Source::Like(k)
            } else if let Some(p) = prev_subject.filter(|_| starts_sentence) {
                Source::Own(p, p.start)
            } else if let Some(prev) = prev_same_para {
                Source::Like(prev)
            } else if let Some(next) = next_in_para {
                Source::Like(next)
            } else if let Some(prev) = nearest_before(&|it: &Item| it.para + 1 == para)
                && starts_sentence
            {
                Source::Like(prev)
            } else {
                Source::Unknown
            };
            if source == Source::Unknown && words < 6 {
                continue;
            }
            self.push_region(r, source, items);
        }
    }

    /// The subject of `[lo, hi)` as a speaker: a pronoun, or a name that is more than
    /// one capitalised word or the surname of a known person (a lone capital word
    /// opening a sentence is as often an adjective).
    fn subject_of(&self, lo: usize, hi: usize, resolver: &speaker::Resolver<'_>) -> Option<Phrase> {
        let t = speaker::subject_token(&self.w, lo, hi)?;
        let p = self.w.subject_at(t, hi)?;
        let single = p.end - p.start == 1 && p.kind == clause::PhraseKind::Name;
        (!single || resolver.knows(self.w.word(p.start))).then_some(p)
    }

    fn push_region(&mut self, r: usize, source: Source, items: &mut Vec<Item>) {
        let (open, _) = self.region_toks[r];
        let para = self.sent_para[self.sent_of(open)];
        self.region_item[r] = Some(items.len());
        items.push(Item {
            span: trim_quote(self.w.text, self.regions[r].inner),
            source,
            indirect: false,
            para,
        });
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
                let continuing = lexicon::is_continuing(self.w.word(cue));
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
