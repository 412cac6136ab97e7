//! Every page of the site: which pages there are, their contexts, and rendering
//! them in parallel into a [`Sink`].
//!
//! Pages are listed first as [`Job`]s (cheap), then rendered and written in
//! parallel; each job knows its path, so the sitemap comes from the same list.

use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

use chrono::SecondsFormat;
use rayon::prelude::*;
use serde::Serialize;
use tera::{Context, Value};

mod digest;

use super::Renderer;
use super::chart;
use super::context::{
    Card, CardKeys, EntityLink, EventView, SiteCtx, Source, TagLink, cards, date_label, entity_url,
    event_view, month_name,
};
use super::jsonld;
use crate::config::Config;
use crate::content::markdown;
use crate::content::{Article, Format};
use crate::extract::knowledge::EntityKind;
use crate::output::Sink;
use crate::site::entities::{EntityPage, entity_path, kind_dir};
use crate::site::permalink::output_file;
use crate::site::{Brief, Site};

/// One page to render.
#[derive(Clone, Copy, Debug)]
enum Job {
    Index {
        page: usize,
    },
    Brief(usize),
    Timeline {
        year: Option<usize>,
    },
    /// A month of a year too big for one page.
    TimelineMonth {
        year: usize,
        month: usize,
    },
    Kind {
        kind: EntityKind,
        page: usize,
    },
    Entity {
        kind: EntityKind,
        index: usize,
        page: usize,
    },
    Tags,
    Tag {
        index: usize,
        page: usize,
    },
    Search,
    NotFound,
}

/// A page written, for the sitemap.
#[derive(Clone, Debug)]
pub struct Written {
    /// Site path (`/2023/03/08/a/`).
    pub url: String,
    /// RFC 3339 modification time, for briefs.
    pub lastmod: Option<String>,
    /// Whether the page belongs in the sitemap (the 404 page does not).
    pub listed: bool,
    /// The template that renders the page.
    pub template: &'static str,
}

/// Shared state of one render pass.
pub struct Pass {
    pub site: Arc<Site>,
    pub config: Arc<Config>,
    pub renderer: Arc<Renderer>,
    pub site_ctx: SiteCtx,
    site_value: Value,
    /// (Shared: the dev server's next site copies those of unchanged briefs.)
    pub cards: Vec<Arc<CardKeys>>,
    /// URL → page, built on first use (the dev server renders pages on request).
    by_url: OnceLock<HashMap<String, Job>>,
    /// What every timeline page shares, computed on first use.
    timeline_shared: OnceLock<TimelineShared>,
    /// The fingerprint of extraction's inputs besides the text (see
    /// `cache::fingerprint`): part of every page digest.
    pub facts_fingerprint: u128,
    /// See [`Pass::brief_digests`].
    brief_digests: OnceLock<Vec<u128>>,
    /// See `Pass::timeline_digest`.
    timeline_digest: OnceLock<u128>,
    /// The template value of the newest briefs' cards, made on first use: see
    /// [`Card::shared`] and [`CARD_VALUES`].
    card_values: Vec<OnceLock<Value>>,
    /// The same for the briefs as event sources: see [`Source`].
    source_values: Vec<OnceLock<Value>>,
}

/// How many briefs, the newest, keep their card's template value for the pass: all
/// of a 10,000-article site, a fifth of 100,000. A value is 2–2.5 KiB (Tera's maps):
/// a 100,000-article build peaked 57–60 MiB higher with them (and the date filter's
/// memo). The newest briefs are on the most pages (the first page of every list
/// that names them). As many keep their value as an event's source (three short
/// fields; with them and the other changes of `95582e6`'s session, a 10,000 build
/// peaked at 228 MiB instead of 223, a 100,000 build at 1,374 MiB).
pub const CARD_VALUES: usize = 20_000;

/// Values several pages of one group share (the hub of an entity for each of its
/// pages, the years of the timeline for the index and the year pages), kept only
/// while the group renders: memory stays bounded by one group, not the site.
#[derive(Default)]
struct Memo {
    entity: Option<((EntityKind, usize), Value)>,
    entity_digest: Option<((EntityKind, usize), u128)>,
    years: HashMap<usize, Value>,
}

/// See [`Pass::timeline_shared`].
struct TimelineShared {
    chart: Value,
    filters: Value,
    all_years: Value,
    sizes: Vec<usize>,
}

/// Links in a paginated list.
#[derive(Clone, Debug, Serialize)]
pub struct Paginator {
    pub current: usize,
    pub total: usize,
    pub per_page: usize,
    pub items_total: usize,
    pub prev: Option<String>,
    pub next: Option<String>,
    pub pages: Vec<PageLink>,
}

#[derive(Clone, Debug, Serialize)]
pub struct PageLink {
    pub number: usize,
    pub url: String,
}

/// The URL of page `n` (from 1) of a list at `base` (`/tags/iraq/`).
pub fn page_url(base: &str, n: usize) -> String {
    if n <= 1 {
        base.to_string()
    } else {
        format!("{base}page/{n}/")
    }
}

fn page_count(items: usize, per: usize) -> usize {
    items.div_ceil(per).max(1)
}

/// How many pages either side of the current one a paginator links.
const PAGE_WINDOW: usize = 5;

/// The paginator of page `current` of a list of `items`. Its `pages` are the first
/// and last page and the [`PAGE_WINDOW`] either side of the current one, in order:
/// every page of every page of a list is quadratic (a million-article home page has
/// 50,000 pages: 2.5 billion links, most of a million-article build's render time).
fn paginator(base: &str, items: usize, per: usize, current: usize) -> Paginator {
    let total = page_count(items, per);
    let near = current.saturating_sub(PAGE_WINDOW).max(1)..=(current + PAGE_WINDOW).min(total);
    let numbers = std::iter::once(1).chain(near).chain(std::iter::once(total));
    let mut pages: Vec<PageLink> = Vec::new();
    for n in numbers {
        if pages.last().is_none_or(|p| p.number < n) {
            pages.push(PageLink {
                number: n,
                url: page_url(base, n),
            });
        }
    }
    Paginator {
        current,
        total,
        per_page: per,
        items_total: items,
        prev: (current > 1).then(|| page_url(base, current - 1)),
        next: (current < total).then(|| page_url(base, current + 1)),
        pages,
    }
}

/// True when two consecutive pages render in one group.
fn same_group(a: Job, b: Job) -> bool {
    match (a, b) {
        (Job::Index { .. }, Job::Index { .. })
        | (
            Job::Timeline { .. } | Job::TimelineMonth { .. },
            Job::Timeline { .. } | Job::TimelineMonth { .. },
        ) => true,
        (
            Job::Entity {
                kind: k1,
                index: i1,
                ..
            },
            Job::Entity {
                kind: k2,
                index: i2,
                ..
            },
        ) => k1 == k2 && i1 == i2,
        (Job::Tag { index: a, .. }, Job::Tag { index: b, .. }) => a == b,
        (Job::Kind { kind: a, .. }, Job::Kind { kind: b, .. }) => a == b,
        _ => false,
    }
}

/// The template of a page.
fn template_of(job: Job) -> &'static str {
    match job {
        Job::Index { .. } => "index.html",
        Job::Brief(_) => "brief.html",
        Job::Timeline { .. } | Job::TimelineMonth { .. } => "timeline.html",
        Job::Kind { .. } => "entities.html",
        Job::Entity { .. } => "entity.html",
        Job::Tags => "tags.html",
        Job::Tag { .. } => "tag.html",
        Job::Search => "search.html",
        Job::NotFound => "404.html",
    }
}

fn kind_label(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Person => "People",
        EntityKind::Place => "Places",
        EntityKind::Organization => "Organizations",
    }
}

const KINDS: [EntityKind; 3] = [
    EntityKind::Person,
    EntityKind::Place,
    EntityKind::Organization,
];

/// A year with more briefs and events than this gets a page per month.
const YEAR_PAGE_LIMIT: usize = 1500;

/// Entity index pages list this many entities per page.
const ENTITIES_PER_PAGE: usize = 200;

impl Pass {
    pub fn new(
        site: Arc<Site>,
        config: Arc<Config>,
        renderer: Arc<Renderer>,
        site_ctx: SiteCtx,
        previous: Option<&Pass>,
    ) -> Pass {
        // The dev server's next site: a card depends on its brief, the slugs of the
        // entities it names (filter keys) and the configuration; unchanged, it is
        // copied.
        let renamed = previous
            .filter(|p| Arc::ptr_eq(&p.config, &config) && p.site.briefs.len() == site.briefs.len())
            .and_then(|p| {
                if Arc::ptr_eq(&p.site.entities, &site.entities) {
                    Some(&[][..])
                } else {
                    site.entities.renamed_briefs(&p.site.entities)
                }
            });
        let cards = match (previous, renamed) {
            (Some(p), Some(renamed)) => site
                .briefs
                .iter()
                .zip(&p.site.briefs)
                .zip(&p.cards)
                .enumerate()
                .map(|(i, ((b, old), card))| {
                    if Arc::ptr_eq(&b.article, &old.article)
                        && Arc::ptr_eq(&b.facts, &old.facts)
                        && b.permalink == old.permalink
                        && renamed.binary_search(&i).is_err()
                    {
                        card.clone()
                    } else {
                        Arc::new(super::context::card_keys(&site, b))
                    }
                })
                .collect(),
            _ => cards(&site),
        };
        let site_value = Value::from_serializable(&site_ctx);
        let n_briefs = site.briefs.len();
        Pass {
            site,
            config,
            renderer,
            site_ctx,
            site_value,
            cards,
            by_url: OnceLock::new(),
            timeline_shared: OnceLock::new(),
            facts_fingerprint: 0,
            brief_digests: OnceLock::new(),
            timeline_digest: OnceLock::new(),
            card_values: (0..n_briefs.min(CARD_VALUES))
                .map(|_| OnceLock::new())
                .collect(),
            source_values: (0..n_briefs.min(CARD_VALUES))
                .map(|_| OnceLock::new())
                .collect(),
        }
    }

    /// Every page's URL (and modification time for briefs), without rendering.
    pub fn pages(&self) -> Vec<Written> {
        self.jobs()
            .into_iter()
            .map(|job| Written {
                url: self.url(job),
                lastmod: match job {
                    Job::Brief(i) => Some(self.brief_modified(&self.site.briefs[i])),
                    _ => None,
                },
                listed: !matches!(job, Job::NotFound),
                template: template_of(job),
            })
            .collect()
    }

    /// Renders the page at site path `url`, if there is one.
    pub fn render_url(&self, url: &str) -> Option<anyhow::Result<String>> {
        let map = self
            .by_url
            .get_or_init(|| self.jobs().into_iter().map(|j| (self.url(j), j)).collect());
        let job = *map.get(url)?;
        let mut html = Vec::new();
        Some(
            self.render(job, url, &mut Memo::default(), &mut html)
                .and_then(|()| Ok(String::from_utf8(html)?)),
        )
    }

    fn jobs(&self) -> Vec<Job> {
        let s = &self.site;
        let per = self.config.paginate_by;
        let mut jobs: Vec<Job> = (1..=page_count(s.briefs.len(), per))
            .map(|page| Job::Index { page })
            .collect();
        jobs.extend((0..s.briefs.len()).map(Job::Brief));
        jobs.push(Job::Timeline { year: None });
        for (y, year) in s.timeline.years.iter().enumerate() {
            jobs.push(Job::Timeline { year: Some(y) });
            if self.split_year(y) {
                jobs.extend(
                    (0..year.months.len()).map(|month| Job::TimelineMonth { year: y, month }),
                );
            }
        }
        for kind in KINDS {
            let list = s.entities.of(kind);
            jobs.extend(
                (1..=page_count(list.len(), ENTITIES_PER_PAGE))
                    .map(|page| Job::Kind { kind, page }),
            );
            for (index, e) in list.iter().enumerate() {
                jobs.extend(
                    (1..=page_count(e.briefs.len(), per)).map(|page| Job::Entity {
                        kind,
                        index,
                        page,
                    }),
                );
            }
        }
        jobs.push(Job::Tags);
        for (index, t) in s.tags.iter().enumerate() {
            jobs.extend((1..=page_count(t.briefs.len(), per)).map(|page| Job::Tag { index, page }));
        }
        jobs.push(Job::Search);
        jobs.push(Job::NotFound);
        jobs
    }

    fn url(&self, job: Job) -> String {
        let s = &self.site;
        match job {
            Job::Index { page } => page_url("/", page),
            Job::Brief(i) => s.briefs[i].permalink.clone(),
            Job::Timeline { year: None } => "/timeline/".to_string(),
            Job::Timeline { year: Some(y) } => format!("/timeline/{}/", s.timeline.years[y].year),
            Job::TimelineMonth { year, month } => {
                let y = &s.timeline.years[year];
                format!("/timeline/{}/{:02}/", y.year, y.months[month].month)
            }
            Job::Kind { kind, page } => page_url(&format!("/{}/", kind_dir(kind)), page),
            Job::Entity { kind, index, page } => {
                page_url(&entity_path(kind, &s.entities.of(kind)[index].slug), page)
            }
            Job::Tags => "/tags/".to_string(),
            Job::Tag { index, page } => page_url(&format!("/tags/{}/", s.tags[index].slug), page),
            Job::Search => "/search/".to_string(),
            Job::NotFound => "/404.html".to_string(),
        }
    }

    /// Renders and writes every page; returns what was written.
    ///
    /// Pages are rendered in groups that share values (all pages of one entity,
    /// the timeline's pages), in parallel across groups.
    pub fn render_all(&self, sink: &dyn Sink) -> anyhow::Result<Vec<Written>> {
        let jobs = self.jobs();
        let mut groups: Vec<&[Job]> = Vec::new();
        let mut start = 0;
        for i in 1..=jobs.len() {
            if i == jobs.len() || !same_group(jobs[i - 1], jobs[i]) {
                groups.push(&jobs[start..i]);
                start = i;
            }
        }
        // An incremental build offers each page's digest first: an unchanged page
        // from the earlier build stays and is not rendered.
        let base = sink.keeps_pages().then(|| self.digest_base());
        // Scheduling. Rayon splits a list by count, not by work, and stops splitting
        // once each thread has a share: a share holding the heavy groups (brief pages,
        // the timeline's pages) left the other core idle for half the render. So the
        // list is cut into short runs that idle threads take, and the biggest groups
        // go first, so that the last runs are short ones. Results keep page order.
        let mut order: Vec<usize> = (0..groups.len()).collect();
        order.sort_by_key(|&g| std::cmp::Reverse(groups[g].len()));
        let mut written: Vec<(usize, Vec<Written>)> = order
            .par_iter()
            .with_max_len(8)
            // One buffer for a run of groups: no page grows a new one from nothing
            // (a brief page is some 20 KB, most groups are an entity's one page) nor
            // has its UTF-8 checked again.
            .map_init(
                || Vec::with_capacity(32 * 1024),
                |html, &g| {
                    let group = groups[g];
                    let mut memo = Memo::default();
                    group
                        .iter()
                        .map(|&job| {
                            let url = self.url(job);
                            let file = output_file(&url);
                            match base {
                                Some(base) => {
                                    let digest = self.digest(job, base, &mut memo);
                                    if !sink.keep(&file, digest) {
                                        self.render(job, &url, &mut memo, html)?;
                                        sink.write_page(&file, html, digest)?;
                                    }
                                }
                                None => {
                                    self.render(job, &url, &mut memo, html)?;
                                    sink.write(&file, html)?;
                                }
                            }
                            let lastmod = match job {
                                Job::Brief(i) => Some(self.brief_modified(&self.site.briefs[i])),
                                _ => None,
                            };
                            Ok(Written {
                                url,
                                lastmod,
                                listed: !matches!(job, Job::NotFound),
                                template: template_of(job),
                            })
                        })
                        .collect::<anyhow::Result<Vec<Written>>>()
                        .map(|w| (g, w))
                },
            )
            .collect::<anyhow::Result<Vec<(usize, Vec<Written>)>>>()?;
        written.sort_unstable_by_key(|&(g, _)| g);
        Ok(written.into_iter().flat_map(|(_, w)| w).collect())
    }

    fn brief_modified(&self, b: &Brief) -> String {
        b.article
            .updated
            .unwrap_or(b.article.date)
            .to_rfc3339_opts(SecondsFormat::Secs, false)
    }

    fn base_context(&self, url: &str) -> Context {
        let mut ctx = Context::new();
        ctx.insert_value("site", self.site_value.clone());
        ctx.insert("current_url", url);
        ctx.insert("current_permalink", &self.config.absolute(url));
        ctx
    }

    /// The list card of brief `i`, its template value shared when it is one of the
    /// [`CARD_VALUES`] newest.
    fn card(&self, i: usize) -> Card<'_> {
        let card = Card::new(&self.site.briefs[i], &self.cards[i], &self.config);
        match self.card_values.get(i) {
            Some(slot) => card.shared(slot),
            None => card,
        }
    }

    /// Brief `i` as an event's source.
    fn source(&self, i: usize) -> Source<'_> {
        Source {
            brief: &self.site.briefs[i],
            value: self.source_values.get(i),
        }
    }

    /// The cards of a list page as a template value.
    fn card_list(&self, indices: &[usize]) -> Value {
        Value::from(
            indices
                .iter()
                .map(|&i| Value::from_serializable(&self.card(i)))
                .collect::<Vec<Value>>(),
        )
    }

    /// Renders page `job` into `out` (cleared first).
    fn render(
        &self,
        job: Job,
        url: &str,
        memo: &mut Memo,
        out: &mut Vec<u8>,
    ) -> anyhow::Result<()> {
        let mut ctx = self.base_context(url);
        let per = self.config.paginate_by;
        let (template, what) = match job {
            Job::Index { page } => {
                let n = self.site.briefs.len();
                let slice: Vec<usize> = page_range(n, per, page).collect();
                ctx.insert_value("briefs", self.card_list(&slice));
                ctx.insert("paginator", &paginator("/", n, per, page));
                ("index.html", None)
            }
            Job::Brief(i) => {
                let b = &self.site.briefs[i];
                ctx.insert("page", &self.brief_page(i)?);
                ("brief.html", Some(b.article.path.as_path()))
            }
            Job::Timeline { year } => {
                self.timeline_context(&mut ctx, year, None, memo);
                ("timeline.html", None)
            }
            Job::TimelineMonth { year, month } => {
                self.timeline_context(&mut ctx, Some(year), Some(month), memo);
                ("timeline.html", None)
            }
            Job::Kind { kind, page } => {
                let list = self.site.entities.of(kind);
                let start = (page - 1) * ENTITIES_PER_PAGE;
                let items: Vec<EntityItem> = list
                    .iter()
                    .skip(start)
                    .take(ENTITIES_PER_PAGE)
                    .map(|e| EntityItem {
                        name: e.name.clone(),
                        url: entity_path(kind, &e.slug),
                        mentions: e.mentions,
                        briefs: e.briefs.len(),
                        roles: e
                            .roles
                            .iter()
                            .rev()
                            .take(2)
                            .map(|r| r.role.clone())
                            .collect(),
                    })
                    .collect();
                ctx.insert("kind", kind_dir(kind));
                ctx.insert("kind_label", kind_label(kind));
                ctx.insert("entities", &items);
                ctx.insert(
                    "paginator",
                    &paginator(
                        &format!("/{}/", kind_dir(kind)),
                        list.len(),
                        ENTITIES_PER_PAGE,
                        page,
                    ),
                );
                ("entities.html", None)
            }
            Job::Entity { kind, index, page } => {
                let e = &self.site.entities.of(kind)[index];
                let base = entity_path(kind, &e.slug);
                ctx.insert_value("entity", self.entity_value(kind, index, memo));
                ctx.insert_value("briefs", self.card_list(page_slice(&e.briefs, per, page)));
                ctx.insert("paginator", &paginator(&base, e.briefs.len(), per, page));
                ("entity.html", None)
            }
            Job::Tags => {
                let tags: Vec<TagItem> = self
                    .site
                    .tags
                    .iter()
                    .map(|t| TagItem {
                        name: t.name.clone(),
                        url: format!("/tags/{}/", t.slug),
                        count: t.briefs.len(),
                    })
                    .collect();
                ctx.insert("tags", &tags);
                ("tags.html", None)
            }
            Job::Tag { index, page } => {
                let t = &self.site.tags[index];
                let base = format!("/tags/{}/", t.slug);
                ctx.insert(
                    "tag",
                    &TagLink {
                        name: t.name.clone(),
                        slug: t.slug.clone(),
                        url: base.clone(),
                    },
                );
                ctx.insert_value("briefs", self.card_list(page_slice(&t.briefs, per, page)));
                ctx.insert("paginator", &paginator(&base, t.briefs.len(), per, page));
                ("tag.html", None)
            }
            Job::Search => ("search.html", None),
            Job::NotFound => ("404.html", None),
        };
        self.renderer.render_into(template, &ctx, out).map_err(|e| {
            // The source file, for a brief; formatted only when rendering failed.
            let what = what.map(|p| format!(" for `{}`", p.display()));
            e.context(format!("while rendering {url}{}", what.unwrap_or_default()))
        })
    }

    fn entity_links<'b>(&self, kind: EntityKind, b: &'b Brief) -> Vec<EntityLink<'b>> {
        let make =
            |name: &'b str, roles: &'b [String], aliases: &'b [String], mentions: u32| EntityLink {
                kind,
                name,
                url: entity_url(&self.site, kind, name),
                roles,
                aliases,
                mentions,
            };
        match kind {
            EntityKind::Person => b
                .facts
                .people
                .iter()
                .map(|p| make(&p.name, &p.roles, &p.aliases, p.mentions))
                .collect(),
            EntityKind::Place => b
                .facts
                .places
                .iter()
                .map(|p| make(&p.name, &[], &p.aliases, p.mentions))
                .collect(),
            EntityKind::Organization => b
                .facts
                .organizations
                .iter()
                .map(|p| make(&p.name, &[], &p.aliases, p.mentions))
                .collect(),
        }
    }

    fn brief_page(&self, i: usize) -> anyhow::Result<BriefPage<'_>> {
        let b = &self.site.briefs[i];
        let card = self.card(i);
        let people = self.entity_links(EntityKind::Person, b);
        let places = self.entity_links(EntityKind::Place, b);
        let organizations = self.entity_links(EntityKind::Organization, b);
        let quotes = b
            .facts
            .quotes
            .iter()
            .map(|q| QuoteView {
                text: q.text.to_string(),
                speaker_url: q.speaker.and_then(|s| {
                    entity_url(&self.site, EntityKind::Person, s)
                        .or_else(|| entity_url(&self.site, EntityKind::Organization, s))
                }),
                speaker: q.speaker.map(str::to_string),
                indirect: q.indirect,
            })
            .collect();
        let mut events: Vec<EventView> = b
            .facts
            .events
            .iter()
            .map(|e| EventView {
                date: e.date.to_string(),
                label: date_label(e.date),
                summary: e.summary.to_string(),
                sources: vec![],
                more_sources: 0,
                filter: String::new(),
            })
            .collect();
        events.sort_by(|a, b| a.date.cmp(&b.date));
        let updated = b
            .article
            .updated
            .map(|d| d.to_rfc3339_opts(SecondsFormat::Secs, false));
        let jsonld = jsonld::news_article(
            &self.config,
            &jsonld::NewsArticle {
                card,
                updated: updated.as_deref(),
                entities: &[&people, &places, &organizations],
                keywords: &b.article.tags,
            },
        );
        let words = b.words;
        Ok(BriefPage {
            card,
            content: article_html(&b.article, self.config.sanitize_html)?,
            updated,
            description: b.article.description.clone(),
            source: b.article.source.clone(),
            location: b.article.location.clone(),
            byline: b.facts.byline.clone(),
            extra: &b.article.extra,
            image_url: b
                .article
                .image
                .as_deref()
                .map(|img| jsonld::absolute_image(&self.config, card.url(), img)),
            word_count: words,
            reading_minutes: words.div_ceil(230).max(1),
            people,
            places,
            organizations,
            figures: &b.facts.figures,
            quotes,
            events,
            related: self.related(i).into_iter().map(|j| self.card(j)).collect(),
            prev: (i + 1 < self.cards.len()).then(|| self.card(i + 1)),
            next: i.checked_sub(1).map(|j| self.card(j)),
            jsonld,
            source_path: b.article.path.display().to_string(),
        })
    }

    /// Up to four briefs sharing the most entities with brief `i`, newest first on ties.
    fn related(&self, i: usize) -> Vec<usize> {
        let b = &self.site.briefs[i];
        // Every (brief, shared entity) pair; sorted, each brief's run is its score.
        let mut hits: Vec<usize> = Vec::new();
        let names = b
            .facts
            .people
            .iter()
            .map(|p| (EntityKind::Person, &p.name))
            .chain(b.facts.places.iter().map(|p| (EntityKind::Place, &p.name)))
            .chain(
                b.facts
                    .organizations
                    .iter()
                    .map(|p| (EntityKind::Organization, &p.name)),
            );
        for (kind, name) in names {
            if let Some(page) = self.site.entities.find(kind, name) {
                // Nearest in time first: briefs are newest first, so look around `i`.
                let pos = page.briefs.partition_point(|&j| j < i);
                let lo = pos.saturating_sub(25);
                let hi = (pos + 25).min(page.briefs.len());
                hits.extend(page.briefs[lo..hi].iter().filter(|&&j| j != i));
            }
        }
        hits.sort_unstable();
        let mut ranked: Vec<(u32, usize)> = hits
            .chunk_by(|a, b| a == b)
            .map(|run| (run.len() as u32, run[0]))
            .collect();
        ranked.retain(|(s, _)| *s >= 2);
        ranked.sort_by(|a, b| {
            b.0.cmp(&a.0)
                .then(a.1.abs_diff(i).cmp(&b.1.abs_diff(i)))
                .then(a.1.cmp(&b.1))
        });
        ranked.into_iter().take(4).map(|(_, j)| j).collect()
    }

    /// An entity's hub as a template value, computed once for all its pages.
    fn entity_value(&self, kind: EntityKind, index: usize, memo: &mut Memo) -> Value {
        if let Some((key, v)) = &memo.entity
            && *key == (kind, index)
        {
            return v.clone();
        }
        let v = Value::from_serializable(&self.entity_view(&self.site.entities.of(kind)[index]));
        memo.entity = Some(((kind, index), v.clone()));
        v
    }

    fn entity_view(&self, e: &EntityPage) -> EntityView<'_> {
        let mut series = chart::Series::new();
        for &i in &e.briefs {
            let b = &self.site.briefs[i];
            let m = mentions_in(b, e);
            chart::add(&mut series, b.day, m);
        }
        // The entity's own timeline, found when the site was assembled.
        let events: Vec<EventView> = e
            .events
            .iter()
            .map(|r| {
                let b = &self.site.briefs[r.brief as usize];
                let ev = b.facts.events.at(r.event as usize);
                EventView {
                    date: ev.date.to_string(),
                    label: date_label(ev.date),
                    summary: ev.summary.to_string(),
                    sources: vec![self.source(r.brief as usize)],
                    more_sources: 0,
                    filter: String::new(),
                }
            })
            .collect();
        // Each related entity is made a template value once: `related` and
        // `related_by_kind` then share it (a value serialised into another is cloned,
        // not serialised again).
        let related: Vec<(EntityKind, Value)> = e
            .related
            .iter()
            .map(|r| {
                let other = &self.site.entities.of(r.kind)[r.index];
                let view = RelatedView {
                    name: &other.name,
                    url: entity_path(r.kind, &other.slug),
                    kind: kind_dir(r.kind),
                    shared: r.shared,
                };
                (r.kind, Value::from_serializable(&view))
            })
            .collect();
        let quotes = e
            .quotes
            .iter()
            .filter_map(|q| {
                let b = &self.site.briefs[q.brief];
                b.facts.quotes.get(q.quote).map(|quote| EntityQuote {
                    text: quote.text.to_string(),
                    indirect: quote.indirect,
                    brief: self.card(q.brief),
                })
            })
            .collect();
        EntityView {
            kind: kind_dir(e.kind),
            kind_label: kind_label(e.kind),
            name: e.name.clone(),
            url: entity_path(e.kind, &e.slug),
            aliases: e.aliases.clone(),
            roles: e
                .roles
                .iter()
                .map(|r| RoleView {
                    role: r.role.clone(),
                    first: r.first.to_string(),
                    last: r.last.to_string(),
                })
                .collect(),
            mentions: e.mentions,
            brief_count: e.briefs.len(),
            chart: chart::svg(&series, &format!("Coverage of {} per month", e.name), true),
            events,
            quotes,
            related_by_kind: KINDS
                .iter()
                .filter_map(|&kind| {
                    let entities: Vec<Value> = related
                        .iter()
                        .filter(|(k, _)| *k == kind)
                        .map(|(_, v)| v.clone())
                        .collect();
                    (!entities.is_empty()).then(|| RelatedGroup {
                        kind: kind_dir(kind),
                        kind_label: kind_label(kind),
                        entities,
                    })
                })
                .collect(),
            related: related.into_iter().map(|(_, v)| v).collect(),
        }
    }

    /// Briefs and their mentions per month of one year of the timeline.
    fn year_series(&self, y: &crate::site::timeline::Year) -> chart::Series {
        let mut series = chart::Series::new();
        for m in &y.months {
            for d in &m.days {
                for &i in &d.briefs {
                    let b = &self.site.briefs[i];
                    chart::add(&mut series, b.day, brief_mentions(b));
                }
            }
        }
        series
    }

    /// What every timeline page shares: the chart, the filters, the year links and
    /// each year's size; computed once.
    fn timeline_shared(&self) -> &TimelineShared {
        self.timeline_shared.get_or_init(|| {
            let mut series = chart::Series::new();
            for b in &self.site.briefs {
                chart::add(&mut series, b.day, brief_mentions(b));
            }
            let sizes: Vec<usize> = self
                .site
                .timeline
                .years
                .iter()
                .map(|y| {
                    // An event weighs more with each brief it lists.
                    let events = |list: &[crate::site::timeline::TimelineEvent]| -> usize {
                        list.iter()
                            .map(|e| 1 + e.sources.len().min(super::context::SHOWN_SOURCES) / 4)
                            .sum()
                    };
                    events(&y.events)
                        + y.months
                            .iter()
                            .map(|m| {
                                events(&m.events)
                                    + m.days
                                        .iter()
                                        .map(|d| d.briefs.len() + events(&d.events))
                                        .sum::<usize>()
                            })
                            .sum::<usize>()
                })
                .collect();
            let links: Vec<YearLink> = self
                .site
                .timeline
                .years
                .iter()
                .zip(&sizes)
                .map(|(y, &items)| YearLink {
                    year: y.year,
                    url: format!("/timeline/{}/", y.year),
                    items,
                })
                .collect();
            TimelineShared {
                chart: Value::from(chart::svg(&series, "Briefs and mentions per month", true)),
                filters: Value::from_serializable(&self.filter_options()),
                all_years: Value::from_serializable(&links),
                sizes,
            }
        })
    }

    /// One year of the timeline as a template value, computed once per group.
    fn year_value(&self, yi: usize, memo: &mut Memo) -> Value {
        if let Some(v) = memo.years.get(&yi) {
            return v.clone();
        }
        let split = self.split_year(yi);
        let v = Value::from_serializable(&self.year_view(
            &self.site.timeline.years[yi],
            None,
            split,
            true,
        ));
        // Kept only for the next page of the group (the index page, then each year's
        // own page): a big archive's years together would hold every card.
        memo.years.clear();
        memo.years.insert(yi, v.clone());
        v
    }

    /// True when year `yi` has too many items for one page: it then links to a
    /// page per month.
    fn split_year(&self, yi: usize) -> bool {
        self.timeline_shared().sizes[yi] > YEAR_PAGE_LIMIT
    }

    fn timeline_context(
        &self,
        ctx: &mut Context,
        year: Option<usize>,
        month: Option<usize>,
        memo: &mut Memo,
    ) {
        let shared = self.timeline_shared();
        // The index page shows years while the timeline is small; each year also has
        // its own page, and a big year a page per month.
        const INLINE_LIMIT: usize = 3000;
        let mut budget = INLINE_LIMIT;
        let mut years: Vec<Value> = Vec::new();
        for (yi, &items) in shared.sizes.iter().enumerate() {
            let include = match year {
                Some(only) => only == yi,
                None => {
                    let shown = if self.split_year(yi) { 0 } else { items };
                    let fits = shown <= budget || years.is_empty();
                    budget = budget.saturating_sub(shown);
                    fits
                }
            };
            if include {
                years.push(match month {
                    Some(m) => Value::from_serializable(&self.year_view(
                        &self.site.timeline.years[yi],
                        Some(m),
                        false,
                        false,
                    )),
                    // On the index a year split into month pages is its month links:
                    // its events dated to the year alone are on its own page.
                    None if year.is_none() && self.split_year(yi) => Value::from_serializable(
                        &self.year_view(&self.site.timeline.years[yi], None, true, false),
                    ),
                    None => self.year_value(yi, memo),
                });
            }
        }
        let mut map: std::collections::BTreeMap<&'static str, Value> =
            std::collections::BTreeMap::new();
        map.insert("years", Value::from(years));
        map.insert("all_years", shared.all_years.clone());
        map.insert(
            "year",
            Value::from(year.map(|y| i64::from(self.site.timeline.years[y].year))),
        );
        map.insert(
            "month",
            Value::from(
                year.zip(month)
                    .map(|(y, m)| month_name(self.site.timeline.years[y].months[m].month)),
            ),
        );
        // The index charts the whole site; a year's pages chart that year, so that
        // an edit changes the pages of its own year only.
        let chart = match year {
            None => shared.chart.clone(),
            Some(y) => {
                let year = &self.site.timeline.years[y];
                Value::from(chart::svg(
                    &self.year_series(year),
                    &format!("Briefs and mentions per month in {}", year.year),
                    true,
                ))
            }
        };
        map.insert("chart", chart);
        map.insert("filters", shared.filters.clone());
        ctx.insert_value("timeline", Value::from(map));
    }

    /// A year of the timeline: whole, or (for a year split into month pages) with
    /// its months as links, or just `only` month in full; with the events dated to
    /// the year alone when `year_events`.
    fn year_view(
        &self,
        y: &crate::site::timeline::Year,
        only: Option<usize>,
        split: bool,
        year_events: bool,
    ) -> YearView<'_> {
        let events = |list: &[crate::site::timeline::TimelineEvent]| -> Vec<EventView> {
            list.iter()
                .map(|e| event_view(&self.site, e, &self.cards, |i| self.source(i)))
                .collect()
        };
        YearView {
            year: y.year,
            anchor: format!("y{}", y.year),
            events: if year_events {
                events(&y.events)
            } else {
                Vec::new()
            },
            months: y
                .months
                .iter()
                .enumerate()
                .filter(|(mi, _)| only.is_none_or(|o| o == *mi))
                .map(|(_, m)| {
                    let briefs: usize = m.days.iter().map(|d| d.briefs.len()).sum();
                    let event_count: usize =
                        m.events.len() + m.days.iter().map(|d| d.events.len()).sum::<usize>();
                    let url = format!("/timeline/{}/{:02}/", m.year, m.month);
                    MonthView {
                        month: m.month,
                        name: month_name(m.month),
                        anchor: format!("m{}-{:02}", m.year, m.month),
                        url: split.then_some(url),
                        brief_count: briefs,
                        event_count,
                        events: if split { Vec::new() } else { events(&m.events) },
                        days: if split {
                            Vec::new()
                        } else {
                            m.days
                                .iter()
                                .map(|d| DayView {
                                    date: d.date.to_string(),
                                    label: date_label(&d.date.to_string()),
                                    anchor: format!("d{}", d.date),
                                    briefs: d.briefs.iter().map(|&i| self.card(i)).collect(),
                                    events: events(&d.events),
                                })
                                .collect()
                        },
                    }
                })
                .collect(),
        }
    }

    /// The entities and tags the timeline can be filtered by (the most mentioned).
    fn filter_options(&self) -> FilterOptions {
        let top = |kind: EntityKind| -> Vec<FilterOption> {
            self.site
                .entities
                .of(kind)
                .iter()
                .take(40)
                .map(|e| FilterOption {
                    key: format!("{}:{}", kind_dir(kind), e.slug),
                    name: e.name.clone(),
                })
                .collect()
        };
        let mut tags: Vec<&crate::site::Tag> = self.site.tags.iter().collect();
        tags.sort_by(|a, b| {
            b.briefs
                .len()
                .cmp(&a.briefs.len())
                .then(a.name.cmp(&b.name))
        });
        FilterOptions {
            people: top(EntityKind::Person),
            places: top(EntityKind::Place),
            organizations: top(EntityKind::Organization),
            tags: tags
                .into_iter()
                .take(40)
                .map(|t| FilterOption {
                    key: format!("tags:{}", t.slug),
                    name: t.name.clone(),
                })
                .collect(),
        }
    }
}

/// How often brief `b` mentions people, places and organisations.
fn brief_mentions(b: &Brief) -> u32 {
    b.facts.people.iter().map(|p| p.mentions).sum::<u32>()
        + b.facts.places.iter().map(|p| p.mentions).sum::<u32>()
        + b.facts
            .organizations
            .iter()
            .map(|p| p.mentions)
            .sum::<u32>()
}

/// How often brief `b` mentions entity `e` (by its names).
fn mentions_in(b: &Brief, e: &EntityPage) -> u32 {
    let matches = |name: &str| name == e.name || e.aliases.iter().any(|a| a == name);
    match e.kind {
        EntityKind::Person => b
            .facts
            .people
            .iter()
            .filter(|p| matches(&p.name))
            .map(|p| p.mentions)
            .sum(),
        EntityKind::Place => b
            .facts
            .places
            .iter()
            .filter(|p| matches(&p.name))
            .map(|p| p.mentions)
            .sum(),
        EntityKind::Organization => b
            .facts
            .organizations
            .iter()
            .filter(|p| matches(&p.name))
            .map(|p| p.mentions)
            .sum(),
    }
}

fn page_slice(items: &[usize], per: usize, page: usize) -> &[usize] {
    &items[page_range(items.len(), per, page)]
}

/// The positions of page `page` (from 1) of `len` items, `per` a page.
fn page_range(len: usize, per: usize, page: usize) -> std::ops::Range<usize> {
    let start = ((page - 1) * per).min(len);
    start..(start + per).min(len)
}

/// The HTML of an article's text.
pub fn article_html(a: &Article, sanitize: bool) -> anyhow::Result<String> {
    let body = a.text()?;
    Ok(match a.format {
        Format::Markdown => markdown::markdown_to_html(&body, sanitize),
        Format::Wire { headline } => markdown::wire_to_html(&body, headline),
    })
}

/// `page` of `brief.html`.
#[derive(Serialize)]
struct BriefPage<'a> {
    #[serde(flatten)]
    card: Card<'a>,
    content: String,
    updated: Option<String>,
    description: Option<String>,
    source: Option<String>,
    location: Option<String>,
    byline: Option<String>,
    extra: &'a serde_json::Value,
    image_url: Option<String>,
    word_count: usize,
    reading_minutes: usize,
    people: Vec<EntityLink<'a>>,
    places: Vec<EntityLink<'a>>,
    organizations: Vec<EntityLink<'a>>,
    figures: &'a crate::extract::Packed<crate::extract::Figure>,
    quotes: Vec<QuoteView>,
    events: Vec<EventView<'a>>,
    related: Vec<Card<'a>>,
    prev: Option<Card<'a>>,
    next: Option<Card<'a>>,
    jsonld: String,
    source_path: String,
}

#[derive(Serialize)]
struct QuoteView {
    text: String,
    speaker: Option<String>,
    speaker_url: Option<String>,
    indirect: bool,
}

#[derive(Serialize)]
struct EntityItem {
    name: String,
    url: String,
    mentions: u32,
    briefs: usize,
    roles: Vec<String>,
}

#[derive(Serialize)]
struct TagItem {
    name: String,
    url: String,
    count: usize,
}

#[derive(Serialize)]
struct EntityView<'a> {
    kind: &'static str,
    kind_label: &'static str,
    name: String,
    url: String,
    aliases: Vec<String>,
    roles: Vec<RoleView>,
    mentions: u32,
    brief_count: usize,
    chart: String,
    events: Vec<EventView<'a>>,
    quotes: Vec<EntityQuote<'a>>,
    /// [`RelatedView`]s.
    related: Vec<Value>,
    /// `related` by kind, in the order of [`KINDS`], kinds without any left out.
    related_by_kind: Vec<RelatedGroup>,
}

#[derive(Serialize)]
struct RelatedGroup {
    kind: &'static str,
    kind_label: &'static str,
    /// [`RelatedView`]s.
    entities: Vec<Value>,
}

#[derive(Serialize)]
struct RoleView {
    role: String,
    first: String,
    last: String,
}

#[derive(Serialize)]
struct EntityQuote<'a> {
    text: String,
    indirect: bool,
    brief: Card<'a>,
}

#[derive(Serialize)]
struct RelatedView<'a> {
    name: &'a str,
    url: String,
    kind: &'static str,
    shared: u32,
}

#[derive(Serialize)]
struct YearLink {
    year: i32,
    url: String,
    items: usize,
}

#[derive(Serialize)]
struct YearView<'a> {
    year: i32,
    anchor: String,
    events: Vec<EventView<'a>>,
    months: Vec<MonthView<'a>>,
}

#[derive(Serialize)]
struct MonthView<'a> {
    month: u32,
    name: &'static str,
    anchor: String,
    /// The month's own page, when its year is split.
    url: Option<String>,
    brief_count: usize,
    event_count: usize,
    events: Vec<EventView<'a>>,
    days: Vec<DayView<'a>>,
}

#[derive(Serialize)]
struct DayView<'a> {
    date: String,
    label: String,
    anchor: String,
    briefs: Vec<Card<'a>>,
    events: Vec<EventView<'a>>,
}

#[derive(Serialize)]
struct FilterOptions {
    people: Vec<FilterOption>,
    places: Vec<FilterOption>,
    organizations: Vec<FilterOption>,
    tags: Vec<FilterOption>,
}

#[derive(Serialize)]
struct FilterOption {
    key: String,
    name: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_and_paginators() {
        assert_eq!(page_url("/tags/x/", 1), "/tags/x/");
        assert_eq!(page_url("/tags/x/", 3), "/tags/x/page/3/");
        let p = paginator("/", 45, 20, 2);
        assert_eq!(
            (p.total, p.prev.as_deref(), p.next.as_deref()),
            (3, Some("/"), Some("/page/3/"))
        );
        assert_eq!(page_slice(&[1, 2, 3, 4, 5], 2, 3), &[5]);
        assert_eq!(page_count(0, 20), 1);
        let numbers = |items, current| -> Vec<usize> {
            paginator("/", items, 20, current)
                .pages
                .iter()
                .map(|p| p.number)
                .collect()
        };
        // A short list links every page; a long one its ends and the window.
        assert_eq!(numbers(45, 2), [1, 2, 3]);
        assert_eq!(numbers(0, 1), [1]);
        assert_eq!(numbers(20 * 1000, 1), [1, 2, 3, 4, 5, 6, 1000]);
        assert_eq!(
            numbers(20 * 1000, 500),
            [
                1, 495, 496, 497, 498, 499, 500, 501, 502, 503, 504, 505, 1000
            ]
        );
        assert_eq!(
            numbers(20 * 1000, 998),
            [1, 993, 994, 995, 996, 997, 998, 999, 1000]
        );
        let p = paginator("/", 20 * 1000, 20, 500);
        assert_eq!(p.pages[1].url, "/page/495/");
    }
}
