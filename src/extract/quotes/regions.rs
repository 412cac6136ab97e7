//! Passes 1 and 3: quoted regions with the attribution next to them
//! (`“...,” Austin said`, `Austin said: “...”`, `“...” ― Jane Doe`, `WALLACE: ...`),
//! and regions without one, which share the speaker of the quotation they continue
//! or take the subject of the sentence around or before them.

use super::clause::{self, Phrase};
use super::complement::Intro;
use super::lexicon::{self, CueKind};
use super::marks::MarkKind;
use super::{Doc, Item, Source, speaker, trim_quote};

impl Doc<'_> {
    /// Pass 1: regions with an attribution right after or right before them.
    pub(super) fn attribute_regions(&mut self, items: &mut Vec<Item>) {
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
            let cue = (lo2..hi2.min(lo2 + 8)).find(|&k| w.is_word(k) && w.cue(k).is_some())?;
            let kind = w.cue(cue)?;
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
        if let Some(kind) = w.cue(i) {
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
            .find(|&k| w.is_word(k) && w.cue(k).is_some())
            .or_else(|| self.cue_after_appositive(i, hi));
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
        let plain = (i..p.start).all(|k| w.is_word(k)) && !w.has(i, lexicon::CLAUSE);
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

    /// The verb after a name and a long appositive that ends in a comma:
    /// `“...,” Jane Doe, the director of the Center for X and a member of ..., said`.
    fn cue_after_appositive(&self, i: usize, hi: usize) -> Option<usize> {
        let w = &self.w;
        let comma = (i..hi.min(i + 6)).find(|&k| w.punct(k) == Some(','))?;
        let p = w.phrase_ending_at(comma.checked_sub(1)?, i)?;
        if p.start != i || p.kind != clause::PhraseKind::Name {
            return None;
        }
        (comma + 2..hi.min(i + 40))
            .take_while(|&k| !w.is_mark(k) && !matches!(w.punct(k), Some(';' | ':')))
            .find(|&k| w.is_word(k) && w.cue(k).is_some() && w.punct(k - 1) == Some(','))
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
                let kind = w.cue(c).filter(|_| w.is_word(c) && !w.inside(c))?;
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
            let Some(kind) = w.cue(c) else {
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
    pub(super) fn label_at(&self, i: usize) -> Option<(Phrase, usize)> {
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

    /// Pass 3: regions without an attribution of their own.
    pub(super) fn adopt_regions(
        &mut self,
        items: &mut Vec<Item>,
        resolver: &speaker::Resolver<'_>,
    ) {
        // Quotations over several paragraphs take the speaker from whichever part
        // has one. A part that continues an attributed part takes its speaker first
        // (`PENCE: ...` then two more paragraphs of Pence before `WALLACE: ...`);
        // then, walking backwards, an attribution in the last part reaches the first.
        for r in 1..self.regions.len() {
            if self.region_item[r].is_none()
                && self.regions[r - 1].continues
                && let Some(prev) = self.region_item[r - 1]
            {
                self.push_region(r, Source::Like(prev), items);
            }
        }
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
            } else if let Some(prev) = self.attributed_just_before(r, si, items) {
                Source::Like(prev)
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

    /// The item of the quotation before region `r` in its sentence `si`, when that
    /// quotation's attribution lies between the two (`“...,” Jordan said, and still
    /// “...”`): the second part is the same speaker's.
    fn attributed_just_before(&self, r: usize, si: usize, items: &[Item]) -> Option<usize> {
        let prev = r.checked_sub(1)?;
        let (_, close) = self.region_toks[prev];
        let close = close?;
        let (open, _) = self.region_toks[r];
        if close < self.sents[si][0] {
            return None;
        }
        let k = self.region_item[prev]?;
        match items[k].source {
            Source::Own(_, cue) if cue > close && cue < open => Some(k),
            _ => None,
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
}
