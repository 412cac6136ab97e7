//! Pass 2: reporting verbs outside quotations, each read within its sentence:
//! `..., Austin said.` after the reported words, `He said these forces ...` before
//! them, `according to X`, and participles that take their clause's subject
//! (`Trump spoke Tuesday, saying ...`).

use super::clause::Phrase;
use super::complement::Intro;
use super::lexicon::CueKind;
use super::{Doc, Item, Source, Span, speaker, trim_quote};

impl Doc<'_> {
    /// Pass 2: reporting verbs outside quotations, read within their sentence.
    pub(super) fn find_reported(&mut self, items: &mut Vec<Item>) {
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
                let Some(kind) = self.w.cue(c) else {
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
        // `..., said Austin.` — unless the comma closes an interposed phrase after
        // the subject (`The office, meanwhile, said the schools ...`).
        let subject_first = w.speaker_before(c, lo).is_some_and(|p| p.start == lo);
        // `told X` never names the speaker after the verb: X is the one told.
        if after_comma
            && kind != CueKind::Tell
            && !subject_first
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
    pub(super) fn participle_source(&self, c: usize, lo: usize, items: &[Item]) -> Option<Source> {
        let w = &self.w;
        let prior = items
            .iter()
            .rposition(|it| matches!(it.source, Source::Own(_, k) if (lo..c).contains(&k)));
        if let Some(k) = prior {
            return Some(Source::Like(k));
        }
        let earlier = (lo..c)
            .filter(|&k| w.is_word(k) && !w.inside(k) && w.cue(k).is_some())
            .find_map(|k| w.speaker_before(k, lo).map(|p| (p, k)));
        if let Some((p, k)) = earlier {
            return Some(Source::Own(p, k));
        }
        let t = speaker::subject_token(w, lo, c)?;
        Some(Source::Own(w.subject_at(t, c)?, c))
    }

    /// The speaker phrase of the verb at `c`: the phrase before it, or the sentence's
    /// subject after `to` (`Pence went on to say ...`).
    pub(super) fn speaker_of(&self, c: usize, lo: usize) -> Option<Phrase> {
        let w = &self.w;
        if c > lo && w.is_word(c - 1) && w.word(c - 1) == "to" {
            let t = speaker::subject_token(w, lo, c)?;
            return w.subject_at(t, c);
        }
        w.speaker_before(c, lo)
    }
}
