//! Page digests: a hash of everything a page is rendered from, computed without
//! rendering it, so that a build can keep the page of the previous build when the
//! digest is the same (see `output::Staging`).
//!
//! A digest may say "changed" when nothing did (it hashes more than a page shows:
//! all of an entity's briefs, not just the ones on one page), never the reverse:
//! every page's digest mixes in [`Pass::digest_base`] (the program, the templates,
//! the configuration, the site values templates can read, the extraction
//! fingerprint) and then the data of each brief the page shows or counts, through
//! [`Pass::brief_digests`] (the article's bytes, its file, its permalink and its list
//! card, which holds the site-wide parts of a brief: its filter keys name entity
//! slugs). What a page takes from the site indexes is hashed as the page uses it
//! (the resolved entity URLs of a brief, an entity's related entities by name and
//! slug, a year's events and the briefs they cite).

use std::hash::Hash;

use xxhash_rust::xxh3::Xxh3;

use super::{
    ENTITIES_PER_PAGE, Job, Memo, Pass, brief_mentions, page_count, page_range, page_slice,
};
use crate::extract::knowledge::EntityKind;
use crate::render::context::{Counts, entity_url, newest};
use crate::site::entities::EntityPage;
use crate::site::timeline::{Month, TimelineEvent, Year};

/// A 128-bit XXH3 digest being built.
struct Dig(Xxh3);

impl Dig {
    fn new(seed: u128) -> Dig {
        let mut d = Dig(Xxh3::new());
        d.u128(seed);
        d
    }
    fn u128(&mut self, v: u128) {
        self.0.update(&v.to_le_bytes());
    }
    fn u64(&mut self, v: u64) {
        self.0.update(&v.to_le_bytes());
    }
    fn usize(&mut self, v: usize) {
        self.u64(v as u64);
    }
    /// A string, length first (so `ab`,`c` and `a`,`bc` differ).
    fn str(&mut self, s: &str) {
        self.usize(s.len());
        self.0.update(s.as_bytes());
    }
    fn opt(&mut self, s: Option<&str>) {
        match s {
            Some(s) => {
                self.0.update(&[1]);
                self.str(s);
            }
            None => self.0.update(&[0]),
        }
    }
    fn hash(&mut self, v: &impl Hash) {
        v.hash(&mut self.0);
    }
    fn finish(self) -> u128 {
        self.0.digest128()
    }
}

impl Pass {
    /// What every page depends on: the program, the templates, the configuration,
    /// the site values templates read, and the extraction's inputs besides the text.
    /// `site.build_time` and `site.counts` count only when a template names them
    /// (otherwise every page would change with every build).
    pub fn digest_base(&self) -> u128 {
        let mut d = Dig::new(0);
        d.str(env!("CARGO_PKG_VERSION"));
        d.str(env!("DATELINE_SOURCE_HASH"));
        d.u128(self.renderer.fingerprint());
        d.u128(self.facts_fingerprint);
        d.str(&serde_json::to_string(&*self.config).unwrap_or_default());
        let mut site = self.site_ctx.clone();
        if !self.renderer.mentions("build_time") {
            site.build_time.clear();
        }
        if !self.renderer.mentions("counts") {
            site.counts = Counts::default();
        }
        d.str(&serde_json::to_string(&site).unwrap_or_default());
        d.finish()
    }

    /// Each brief's digest: its bytes, file and permalink, and its list card.
    pub fn brief_digests(&self) -> &[u128] {
        self.brief_digests.get_or_init(|| {
            use rayon::prelude::*;
            self.site
                .briefs
                .par_iter()
                .enumerate()
                .map(|(i, b)| {
                    let mut d = Dig::new(b.article.hash);
                    d.str(&b.article.path.to_string_lossy());
                    d.str(&b.permalink);
                    d.hash(&self.card(i));
                    d.finish()
                })
                .collect()
        })
    }

    /// The digest of page `job` (with `base` = [`Pass::digest_base`]).
    pub(super) fn digest(&self, job: Job, base: u128, memo: &mut Memo) -> u128 {
        let bd = self.brief_digests();
        let site = &self.site;
        let per = self.config.paginate_by;
        let mut d = Dig::new(base);
        d.hash(&std::mem::discriminant(&job));
        match job {
            Job::Index { page } => {
                d.usize(page);
                d.usize(site.briefs.len());
                for i in page_range(site.briefs.len(), per, page) {
                    d.u128(bd[i]);
                }
            }
            Job::Brief(i) => {
                let b = &site.briefs[i];
                d.u128(bd[i]);
                d.u128(bd.get(i + 1).copied().unwrap_or(0));
                d.u128(i.checked_sub(1).map_or(0, |j| bd[j]));
                for j in self.related(i) {
                    d.u128(bd[j]);
                }
                let url = |d: &mut Dig, kind: EntityKind, name: &str| {
                    d.opt(entity_url(site, kind, name).as_deref());
                };
                for p in &b.facts.people {
                    url(&mut d, EntityKind::Person, &p.name);
                }
                for p in &b.facts.places {
                    url(&mut d, EntityKind::Place, &p.name);
                }
                for p in &b.facts.organizations {
                    url(&mut d, EntityKind::Organization, &p.name);
                }
                for q in &b.facts.quotes {
                    if let Some(s) = &q.speaker {
                        url(&mut d, EntityKind::Person, s);
                        url(&mut d, EntityKind::Organization, s);
                    }
                }
            }
            Job::Timeline { year } => {
                d.u128(self.timeline_digest());
                match year {
                    Some(y) => d.u128(year_digest(bd, &site.timeline.years[y])),
                    None => {
                        // The index charts every brief, and shows the years that fit.
                        for b in &site.briefs {
                            d.hash(&b.day);
                            d.hash(&brief_mentions(b));
                        }
                        for y in &site.timeline.years {
                            d.u128(year_digest(bd, y));
                        }
                    }
                }
            }
            Job::TimelineMonth { year, month } => {
                let y = &site.timeline.years[year];
                d.u128(self.timeline_digest());
                d.hash(&y.year);
                month_digest(&mut d, bd, &y.months[month]);
                // The year's chart.
                for (k, c) in self.year_series(y) {
                    d.hash(&k);
                    d.hash(&c.briefs);
                    d.hash(&c.mentions);
                }
            }
            Job::Kind { kind, page } => {
                let list = site.entities.of(kind);
                d.usize(page);
                d.usize(list.len());
                for e in list
                    .iter()
                    .skip((page - 1) * ENTITIES_PER_PAGE)
                    .take(ENTITIES_PER_PAGE)
                {
                    d.str(&e.name);
                    d.str(&e.slug);
                    d.hash(&e.mentions);
                    d.usize(e.briefs.len());
                    for r in e.roles.iter().rev().take(2) {
                        d.str(&r.role);
                    }
                }
            }
            Job::Entity { kind, index, page } => {
                let e = &site.entities.of(kind)[index];
                let whole = match memo.entity_digest {
                    Some((key, v)) if key == (kind, index) => v,
                    _ => {
                        let v = self.entity_digest(e);
                        memo.entity_digest = Some(((kind, index), v));
                        v
                    }
                };
                d.u128(whole);
                d.usize(page);
                d.usize(page_count(e.briefs.len(), per));
            }
            Job::Tags => {
                for t in site.tags.iter() {
                    d.str(&t.name);
                    d.str(&t.slug);
                    d.usize(t.briefs.len());
                }
            }
            Job::Tag { index, page } => {
                let t = &site.tags[index];
                d.str(&t.name);
                d.str(&t.slug);
                d.usize(page);
                d.usize(t.briefs.len());
                for &i in page_slice(&t.briefs, per, page) {
                    d.u128(bd[i]);
                }
            }
            Job::Search | Job::NotFound => {}
        }
        d.finish()
    }

    /// Everything an entity's hub shows, on any of its pages.
    fn entity_digest(&self, e: &EntityPage) -> u128 {
        let bd = self.brief_digests();
        let mut d = Dig::new(0);
        d.hash(&e.kind);
        d.str(&e.name);
        d.str(&e.slug);
        for a in &e.aliases {
            d.str(a);
        }
        d.usize(e.aliases.len());
        for r in &e.roles {
            d.str(&r.role);
            d.hash(&r.first);
            d.hash(&r.last);
        }
        d.usize(e.roles.len());
        d.hash(&e.mentions);
        // The chart counts every brief; the cards are those of one page.
        for &i in &e.briefs {
            d.u128(bd[i]);
        }
        d.usize(e.briefs.len());
        for r in &e.events {
            d.u128(bd[r.brief as usize]);
            d.usize(r.event as usize);
        }
        d.usize(e.events.len());
        for q in &e.quotes {
            d.u128(bd[q.brief]);
            d.usize(q.quote);
        }
        d.usize(e.quotes.len());
        for r in &e.related {
            let other = &self.site.entities.of(r.kind)[r.index];
            d.hash(&r.kind);
            d.str(&other.name);
            d.str(&other.slug);
            d.hash(&r.shared);
        }
        d.finish()
    }

    /// What all timeline pages share: the filters and the years linked.
    fn timeline_digest(&self) -> u128 {
        *self.timeline_digest.get_or_init(|| {
            let mut d = Dig::new(1);
            for y in &self.site.timeline.years {
                d.hash(&y.year);
            }
            let filters = self.filter_options();
            d.str(&serde_json::to_string(&filters).unwrap_or_default());
            d.finish()
        })
    }
}

fn event_digest(d: &mut Dig, bd: &[u128], e: &TimelineEvent) {
    // The date and summary are the first telling's: that brief's bytes and the
    // event's place in its facts.
    let first = e.sources[0];
    d.u128(bd[first.brief as usize]);
    d.usize(first.event as usize);
    for i in newest(&e.sources) {
        d.u128(bd[i]);
    }
    d.usize(e.sources.len());
}

fn month_digest(d: &mut Dig, bd: &[u128], m: &Month) {
    d.hash(&m.year);
    d.hash(&m.month);
    for e in &m.events {
        event_digest(d, bd, e);
    }
    d.usize(m.events.len());
    for day in &m.days {
        d.hash(&day.date);
        for &i in &day.briefs {
            d.u128(bd[i]);
        }
        d.usize(day.briefs.len());
        for e in &day.events {
            event_digest(d, bd, e);
        }
        d.usize(day.events.len());
    }
    d.usize(m.days.len());
}

fn year_digest(bd: &[u128], y: &Year) -> u128 {
    let mut d = Dig::new(2);
    d.hash(&y.year);
    for e in &y.events {
        event_digest(&mut d, bd, e);
    }
    d.usize(y.events.len());
    for m in &y.months {
        month_digest(&mut d, bd, m);
    }
    d.usize(y.months.len());
    d.finish()
}
