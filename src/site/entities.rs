//! The site's entity index: one hub per person, place and organisation across all
//! briefs, with roles over time, the briefs that mention them, their quotes and the
//! entities they appear with.
//!
//! Each article's extractor output names entities canonically within that article;
//! across articles the same entity is recognised by a shared name or alias (union
//! find over normalised names), and a bare surname that belongs to exactly one full
//! name on the site (`Austin` → `Lloyd Austin`) joins that person.

use std::collections::BTreeMap;
use std::sync::Arc;

use crate::extract::knowledge::hash::FastMap as HashMap;

use chrono::NaiveDate;
use rayon::prelude::*;
use serde::Serialize;

use super::Brief;
use crate::extract::knowledge::EntityKind;

/// Hubs of each kind, most mentioned first.
#[derive(Clone, Debug, Default)]
pub struct EntityIndex {
    /// (Shared, so that a patched index copies only the pages it changes.)
    pub people: Vec<Arc<EntityPage>>,
    pub places: Vec<Arc<EntityPage>>,
    pub organizations: Vec<Arc<EntityPage>>,
    /// (kind, normalised name or alias) → index in that kind's list.
    lookup: HashMap<(EntityKind, String), usize>,
    /// Kept by [`build_patchable`] for [`patch`].
    patching: Option<Arc<Patching>>,
}

/// One entity across the site.
#[derive(Clone, Debug, Serialize)]
pub struct EntityPage {
    pub kind: EntityKind,
    pub name: String,
    pub slug: String,
    /// Every other form used for it, most frequent first.
    pub aliases: Vec<String>,
    /// Roles with the first and last day a brief gave them, earliest first.
    pub roles: Vec<Role>,
    /// Briefs that mention it, newest first.
    pub briefs: Vec<usize>,
    /// Mentions across all briefs.
    pub mentions: u32,
    /// Quotes of this person or organisation: (brief, index into its facts' quotes).
    pub quotes: Vec<QuoteRef>,
    /// Its own timeline: the dated events of its briefs whose sentence names it,
    /// newest date first, at most [`ENTITY_EVENTS`].
    pub events: Vec<EventRef>,
    /// Entities that share briefs with it, by briefs shared, most first (at most 12).
    pub related: Vec<Related>,
}

#[derive(Clone, Debug, Serialize)]
pub struct Role {
    pub role: String,
    pub first: NaiveDate,
    pub last: NaiveDate,
}

/// An event of a brief: (brief, index into its facts' events).
#[derive(Clone, Copy, Debug, Serialize)]
pub struct EventRef {
    pub brief: usize,
    pub event: usize,
}

#[derive(Clone, Copy, Debug, Serialize)]
pub struct QuoteRef {
    pub brief: usize,
    pub quote: usize,
}

#[derive(Clone, Debug, Serialize)]
pub struct Related {
    pub kind: EntityKind,
    /// Its place in its kind's list ([`EntityIndex::of`]).
    pub index: usize,
    pub shared: u32,
}

impl EntityIndex {
    /// The hubs of one kind.
    pub fn of(&self, kind: EntityKind) -> &[Arc<EntityPage>] {
        match kind {
            EntityKind::Person => &self.people,
            EntityKind::Place => &self.places,
            EntityKind::Organization => &self.organizations,
        }
    }

    fn list_mut(&mut self, kind: EntityKind) -> &mut Vec<Arc<EntityPage>> {
        match kind {
            EntityKind::Person => &mut self.people,
            EntityKind::Place => &mut self.places,
            EntityKind::Organization => &mut self.organizations,
        }
    }

    /// The hub of `kind` that an article-level name belongs to.
    pub fn find(&self, kind: EntityKind, name: &str) -> Option<&EntityPage> {
        let i = *self.lookup.get(&(kind, normalise(name)))?;
        self.of(kind).get(i).map(|p| &**p)
    }

    /// The briefs that name an entity whose page is found at another slug than in
    /// `old`, the index of the same briefs before an edit (their list cards' filter
    /// keys change); `None` unless both were made by [`build_patchable`] or [`patch`].
    pub fn renamed_briefs(&self, old: &EntityIndex) -> Option<Vec<usize>> {
        let (aux, old_aux) = (self.patching.as_deref()?, old.patching.as_deref()?);
        fn slug(idx: &EntityIndex, kind: EntityKind, i: usize) -> Option<&str> {
            idx.of(kind).get(i).map(|p| p.slug.as_str())
        }
        let mut keys: Vec<&(EntityKind, String)> = Vec::new();
        for (key, &i) in &self.lookup {
            let before = old.lookup.get(key).and_then(|&j| slug(old, key.0, j));
            if before != slug(self, key.0, i) {
                keys.push(key);
            }
        }
        keys.extend(old.lookup.keys().filter(|k| !self.lookup.contains_key(*k)));
        let mut briefs: Vec<usize> = Vec::new();
        for key in keys {
            for (idx, aux) in [(self, aux), (old, old_aux)] {
                if let Some(&p) = aux.node_page.get(key) {
                    briefs.extend(&idx.of(id_kind(p))[id_index(p)].briefs);
                }
            }
        }
        briefs.sort_unstable();
        briefs.dedup();
        Some(briefs)
    }

    /// Indexes every page's name and aliases; a name claimed twice goes to the
    /// more mentioned page (pages are sorted by mentions).
    fn index_names(&mut self) {
        let mut lookup = HashMap::default();
        for (kind, list) in [
            (EntityKind::Person, &self.people),
            (EntityKind::Place, &self.places),
            (EntityKind::Organization, &self.organizations),
        ] {
            for (i, p) in list.iter().enumerate() {
                lookup.entry((kind, normalise(&p.name))).or_insert(i);
            }
            for (i, p) in list.iter().enumerate() {
                for a in &p.aliases {
                    lookup.entry((kind, normalise(a))).or_insert(i);
                }
            }
        }
        self.lookup = lookup;
    }
}

/// The URL path of an entity hub: `/people/lloyd-austin/`.
pub fn entity_path(kind: EntityKind, slug: &str) -> String {
    format!("/{}/{slug}/", kind_dir(kind))
}

/// The folder of a kind's hubs.
pub fn kind_dir(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Person => "people",
        EntityKind::Place => "places",
        EntityKind::Organization => "organizations",
    }
}

/// Case, punctuation and possessive-insensitive key of a name.
/// (Letters, digits and hyphens, lowercased; runs of spaces made one; in one pass,
/// as it runs for every name of every brief and every lookup.)
fn normalise(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut space = false;
    for c in name.chars() {
        if c.is_whitespace() {
            space = !out.is_empty();
        } else if c.is_alphanumeric() || c == '-' {
            if space {
                out.push(' ');
                space = false;
            }
            if c.is_ascii() {
                out.push(c.to_ascii_lowercase());
            } else {
                out.extend(c.to_lowercase());
            }
        }
    }
    out
}

/// How many events an entity's own timeline keeps.
pub const ENTITY_EVENTS: usize = 100;

/// A page of the index: its kind in the top two bits, its place in its kind's list
/// below them.
type PageId = u32;

fn page_id(kind: EntityKind, index: usize) -> PageId {
    ((kind as u32) << 30) | index as u32
}

fn id_kind(id: PageId) -> EntityKind {
    match id >> 30 {
        0 => EntityKind::Person,
        1 => EntityKind::Place,
        _ => EntityKind::Organization,
    }
}

fn id_index(id: PageId) -> usize {
    (id & ((1 << 30) - 1)) as usize
}

const KINDS: [EntityKind; 3] = [
    EntityKind::Person,
    EntityKind::Place,
    EntityKind::Organization,
];

/// What [`patch`] needs besides the pages: kept only for the dev server, which
/// patches the index after an edit (see [`build_patchable`]).
#[derive(Clone, Default)]
struct Patching {
    /// Each name key (normalised name or joining alias) → the page it belongs to.
    node_page: HashMap<(EntityKind, String), PageId>,
    /// Last word → the multi-word person keys ending in it.
    by_surname: HashMap<String, Vec<String>>,
    /// Per kind, per page: where its first key was first met (see [`Position`]),
    /// its slug before numbering, and its name keys, the first met first.
    first: [Vec<u64>; 3],
    base: [Vec<Arc<str>>; 3],
    keys: [Vec<Arc<[String]>>; 3],
    /// Per brief: the page of each of its entities (people, places, organisations,
    /// in the facts' order), and its ten most mentioned pages.
    occ_page: Vec<Box<[PageId]>>,
    top: Vec<Box<[PageId]>>,
}

impl std::fmt::Debug for Patching {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Patching { .. }")
    }
}

/// One article-level entity.
struct Occurrence<'a> {
    brief: usize,
    /// Its place among the brief's entities (people, places, organisations).
    flat: usize,
    kind: EntityKind,
    name: &'a str,
    aliases: &'a [String],
    roles: &'a [String],
    mentions: u32,
}

/// The entities of brief `i`, people then places then organisations.
fn brief_occurrences(i: usize, b: &Brief) -> impl Iterator<Item = Occurrence<'_>> {
    let people = b.facts.people.iter().map(move |p| Occurrence {
        brief: i,
        flat: 0,
        kind: EntityKind::Person,
        name: &p.name,
        aliases: &p.aliases,
        roles: &p.roles,
        mentions: p.mentions,
    });
    let others = [
        (EntityKind::Place, &b.facts.places),
        (EntityKind::Organization, &b.facts.organizations),
    ]
    .into_iter()
    .flat_map(move |(kind, list)| {
        list.iter().map(move |e| Occurrence {
            brief: i,
            flat: 0,
            kind,
            name: &e.name,
            aliases: &e.aliases,
            roles: &[],
            mentions: e.mentions,
        })
    });
    people
        .chain(others)
        .enumerate()
        .map(|(flat, o)| Occurrence { flat, ..o })
}

/// The place of a brief's entity of `kind` at `idx` among all its entities.
fn flat_index(b: &Brief, kind: EntityKind, idx: usize) -> usize {
    match kind {
        EntityKind::Person => idx,
        EntityKind::Place => b.facts.people.len() + idx,
        EntityKind::Organization => b.facts.people.len() + b.facts.places.len() + idx,
    }
}

/// The name keys an entity is known by: its name, then its aliases (a bare
/// surname is too weak to join two people; it is resolved by the surname rule).
fn joining_names<'a>(o: &'a Occurrence<'a>) -> impl Iterator<Item = &'a str> {
    std::iter::once(o.name).chain(
        o.aliases
            .iter()
            .filter(move |a| o.kind != EntityKind::Person || a.contains(' '))
            .map(String::as_str),
    )
}

/// Where a name key was met: (brief, entity, name or alias), in reading order.
fn position(brief: usize, flat: usize, slot: usize) -> u64 {
    ((brief as u64) << 32) | ((flat.min(0xf_ffff) as u64) << 12) | slot.min(0xfff) as u64
}

/// Union-find over name keys.
struct Groups {
    parent: Vec<usize>,
}

impl Groups {
    fn find(&mut self, mut x: usize) -> usize {
        while self.parent[x] != x {
            self.parent[x] = self.parent[self.parent[x]];
            x = self.parent[x];
        }
        x
    }
    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            self.parent[rb.max(ra)] = rb.min(ra);
        }
    }
}

/// One entity made of some briefs' entities, before its place in the index.
struct NewPage {
    page: EntityPage,
    first: u64,
    base: String,
    keys: Vec<String>,
    /// The brief entities it is made of: (brief, place among the brief's entities).
    occs: Vec<(usize, usize)>,
}

/// Groups the entities of `which` (brief indices, ascending) for which `include`
/// holds into site entities: entities sharing a name key, or a name and an alias,
/// are one; then a single-word person joins the one multi-word person ending in
/// that word, when there is exactly one (the surnames are settled on the groups
/// the names and aliases make, all at once).
fn regroup(
    briefs: &[Brief],
    which: &[usize],
    include: impl Fn(usize, usize) -> bool,
) -> Vec<NewPage> {
    let occ: Vec<Occurrence> = which
        .iter()
        .flat_map(|&i| brief_occurrences(i, &briefs[i]))
        .filter(|o| include(o.brief, o.flat))
        .collect();
    // Name keys per kind → node ids, in the order they are first met.
    let mut ids: HashMap<(EntityKind, String), usize> = HashMap::default();
    let mut met: Vec<u64> = Vec::new();
    let mut occ_node = Vec::with_capacity(occ.len());
    let mut links: Vec<(usize, usize)> = Vec::new();
    for o in &occ {
        let mut node = usize::MAX;
        for (slot, n) in joining_names(o).enumerate() {
            let next = ids.len();
            let id = *ids.entry((o.kind, normalise(n))).or_insert(next);
            if id == next {
                met.push(position(o.brief, o.flat, slot));
            }
            if slot == 0 {
                node = id;
            } else {
                links.push((node, id));
            }
        }
        occ_node.push(node);
    }
    let mut groups = Groups {
        parent: (0..ids.len()).collect(),
    };
    for (a, b) in links {
        groups.union(a, b);
    }
    // A single-word person joins the one multi-word person ending in that word.
    let mut by_surname: HashMap<&str, Vec<usize>> = HashMap::default();
    for ((kind, key), &node) in &ids {
        if *kind == EntityKind::Person
            && let Some((_, last)) = key.rsplit_once(' ')
        {
            by_surname.entry(last).or_default().push(node);
        }
    }
    let mut joins: Vec<(usize, usize)> = Vec::new();
    for ((kind, key), &node) in &ids {
        if *kind != EntityKind::Person || key.contains(' ') {
            continue;
        }
        if let Some(cands) = by_surname.get(key.as_str()) {
            let mut roots: Vec<usize> = cands.iter().map(|&c| groups.find(c)).collect();
            roots.sort_unstable();
            roots.dedup();
            if roots.len() == 1 {
                joins.push((node, roots[0]));
            }
        }
    }
    for (a, b) in joins {
        groups.union(a, b);
    }
    // Each group's keys, the first met first.
    let mut keys_by_id: Vec<Option<String>> = vec![None; ids.len()];
    for ((_, key), id) in ids {
        keys_by_id[id] = Some(key);
    }
    // Gather each group (roots are the smallest ids: groups in the order first met).
    struct Acc {
        kind: EntityKind,
        /// name → (briefs naming it canonically, mentions, first seen).
        names: BTreeMap<String, (u32, u32, usize)>,
        roles: BTreeMap<String, (NaiveDate, NaiveDate)>,
        briefs: Vec<usize>,
        mentions: u32,
        quotes: Vec<QuoteRef>,
        keys: Vec<String>,
        occs: Vec<(usize, usize)>,
    }
    let mut accs: BTreeMap<usize, Acc> = BTreeMap::new();
    let mut occ_group: HashMap<(usize, usize), usize> =
        HashMap::with_capacity_and_hasher(occ.len(), Default::default());
    for (o, &node) in occ.iter().zip(&occ_node) {
        let root = groups.find(node);
        occ_group.insert((o.brief, o.flat), root);
        let acc = accs.entry(root).or_insert_with(|| Acc {
            kind: o.kind,
            names: BTreeMap::new(),
            roles: BTreeMap::new(),
            briefs: Vec::new(),
            mentions: 0,
            quotes: Vec::new(),
            keys: Vec::new(),
            occs: Vec::new(),
        });
        acc.occs.push((o.brief, o.flat));
        let seen = acc.names.len();
        let entry = acc.names.entry(o.name.to_string()).or_insert((0, 0, seen));
        entry.0 += 1;
        entry.1 += o.mentions;
        for a in o.aliases {
            let seen = acc.names.len();
            acc.names.entry(a.clone()).or_insert((0, 0, seen));
        }
        let day = briefs[o.brief].day;
        for r in o.roles {
            let span = acc.roles.entry(r.clone()).or_insert((day, day));
            span.0 = span.0.min(day);
            span.1 = span.1.max(day);
        }
        if acc.briefs.last() != Some(&o.brief) {
            acc.briefs.push(o.brief);
        }
        acc.mentions += o.mentions;
        if o.kind != EntityKind::Place {
            for (qi, q) in briefs[o.brief].facts.quotes.iter().enumerate() {
                if q.speaker.as_deref() == Some(o.name) {
                    acc.quotes.push(QuoteRef {
                        brief: o.brief,
                        quote: qi,
                    });
                }
            }
        }
    }
    for (id, key) in keys_by_id.into_iter().enumerate() {
        let root = groups.find(id);
        if let (Some(acc), Some(key)) = (accs.get_mut(&root), key) {
            acc.keys.push(key);
        }
    }
    // Each entity's own timeline: the events whose sentence names it in its briefs.
    let mut own: BTreeMap<usize, Vec<EventRef>> = BTreeMap::new();
    for &i in which {
        let b = &briefs[i];
        for &(event, kind, idx) in b.event_entities.iter() {
            let Some(&root) = occ_group.get(&(i, flat_index(b, kind, idx as usize))) else {
                continue;
            };
            let r = EventRef {
                brief: i,
                event: event as usize,
            };
            let list = own.entry(root).or_default();
            // A brief's pairs come event by event, so a second entity of the event
            // in the same group finds the event last in that group's list.
            if list
                .last()
                .is_none_or(|l| (l.brief, l.event) != (r.brief, r.event))
            {
                list.push(r);
            }
        }
    }
    drop(occ_group);
    let accs: Vec<(usize, Acc, Vec<EventRef>)> = accs
        .into_iter()
        .map(|(root, acc)| {
            let events = own.remove(&root).unwrap_or_default();
            (root, acc, events)
        })
        .collect();
    accs.into_par_iter()
        .map(|(root, acc, events)| {
            // The canonical name: the one most briefs use, then the most mentioned,
            // then the newest brief's.
            let name = acc
                .names
                .iter()
                .max_by(|a, b| (a.1.0, a.1.1).cmp(&(b.1.0, b.1.1)).then(b.1.2.cmp(&a.1.2)))
                .map(|(n, _)| n.clone())
                .unwrap_or_default();
            let mut aliases: Vec<(String, (u32, u32, usize))> =
                acc.names.into_iter().filter(|(n, _)| *n != name).collect();
            aliases.sort_by(|a, b| (b.1.0, b.1.1).cmp(&(a.1.0, a.1.1)).then(a.1.2.cmp(&b.1.2)));
            let base = match slug::slugify(&name) {
                s if s.is_empty() => "entity".to_string(),
                s => s,
            };
            let mut roles: Vec<Role> = acc
                .roles
                .into_iter()
                .map(|(role, (first, last))| Role { role, first, last })
                .collect();
            roles.sort_by(|a, b| a.first.cmp(&b.first).then(a.role.cmp(&b.role)));
            let mut briefs_sorted = acc.briefs;
            briefs_sorted.sort_unstable();
            briefs_sorted.dedup();
            NewPage {
                page: EntityPage {
                    kind: acc.kind,
                    name,
                    slug: String::new(),
                    aliases: aliases.into_iter().map(|(a, _)| a).collect(),
                    roles,
                    briefs: briefs_sorted,
                    mentions: acc.mentions,
                    quotes: acc.quotes,
                    events: newest_events(briefs, events),
                    related: Vec::new(),
                },
                first: met[root],
                base,
                keys: acc.keys,
                occs: acc.occs,
            }
        })
        .collect()
}

/// An entity's events newest date first (equal dates keep their order: briefs are
/// newest first), at most [`ENTITY_EVENTS`]. They are selected before sorting: a
/// big archive's busiest entities have tens of thousands of events, and each
/// comparison reads two briefs' facts.
fn newest_events(briefs: &[Brief], events: Vec<EventRef>) -> Vec<EventRef> {
    let date = |r: &EventRef| &briefs[r.brief].facts.events[r.event].date;
    let order = |a: &(usize, EventRef), b: &(usize, EventRef)| {
        date(&b.1).cmp(date(&a.1)).then(a.0.cmp(&b.0))
    };
    let mut keyed: Vec<(usize, EventRef)> = events.into_iter().enumerate().collect();
    if keyed.len() > ENTITY_EVENTS {
        keyed.select_nth_unstable_by(ENTITY_EVENTS, order);
        keyed.truncate(ENTITY_EVENTS);
    }
    keyed.sort_unstable_by(order);
    keyed.into_iter().map(|(_, r)| r).collect()
}

/// Pages in index order: most mentioned first, then the first met.
fn rank(page: &EntityPage, first: u64) -> (std::cmp::Reverse<u32>, u64) {
    (std::cmp::Reverse(page.mentions), first)
}

/// A brief's ten most mentioned pages, from the page of each of its entities.
fn top_pages(
    b: &Brief,
    pages: &[PageId],
    rank_of: impl Fn(PageId) -> (std::cmp::Reverse<u32>, u64),
) -> Box<[PageId]> {
    let mentions = b
        .facts
        .people
        .iter()
        .map(|p| p.mentions)
        .chain(b.facts.places.iter().map(|e| e.mentions))
        .chain(b.facts.organizations.iter().map(|e| e.mentions));
    let mut list: Vec<(u32, (std::cmp::Reverse<u32>, u64), PageId)> = mentions
        .zip(pages)
        .map(|(m, &p)| (m, rank_of(p), p))
        .collect();
    list.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    let mut top: Vec<PageId> = Vec::new();
    for &(_, _, p) in &list {
        if !top.contains(&p) {
            top.push(p);
        }
        if top.len() == 10 {
            break;
        }
    }
    top.into()
}

/// The entities sharing briefs with page `p`, counted over its briefs where both
/// are among the ten most mentioned (a site-wide table of pairs would hold tens of
/// millions of entries in a big archive).
fn related_of(
    p: PageId,
    page: &EntityPage,
    top: &[Box<[PageId]>],
    rank_of: impl Fn(PageId) -> (std::cmp::Reverse<u32>, u64),
) -> Vec<Related> {
    let mut counts: HashMap<PageId, u32> = HashMap::default();
    for &b in &page.briefs {
        if top[b].contains(&p) {
            for &q in top[b].iter().filter(|&&q| q != p) {
                *counts.entry(q).or_default() += 1;
            }
        }
    }
    let mut rel: Vec<(u32, (std::cmp::Reverse<u32>, u64), PageId)> = counts
        .into_iter()
        .map(|(q, n)| (n, rank_of(q), q))
        .collect();
    rel.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    rel.truncate(12);
    rel.into_iter()
        .map(|(shared, _, q)| Related {
            kind: id_kind(q),
            index: id_index(q),
            shared,
        })
        .collect()
}

/// Builds the entity index of `briefs` (newest first).
pub fn build(briefs: &[Brief]) -> EntityIndex {
    build_with(briefs, false)
}

/// Like [`build`], keeping what [`patch`] needs (memory the dev server spends).
pub fn build_patchable(briefs: &[Brief]) -> EntityIndex {
    build_with(briefs, true)
}

fn build_with(briefs: &[Brief], patchable: bool) -> EntityIndex {
    let all: Vec<usize> = (0..briefs.len()).collect();
    let mut new = regroup(briefs, &all, |_, _| true);
    new.sort_by_key(|a| rank(&a.page, a.first));
    // Pages, with unique slugs per kind.
    let mut aux = Patching::default();
    let mut index = EntityIndex::default();
    let mut used: HashMap<(EntityKind, String), u32> = HashMap::default();
    let mut occ_page: Vec<Vec<PageId>> = briefs
        .iter()
        .map(|b| vec![0; b.facts.people.len() + b.facts.places.len() + b.facts.organizations.len()])
        .collect();
    for n in new {
        let kind = n.page.kind;
        let k = kind as usize;
        let id = page_id(kind, aux.first[k].len());
        for &(b, f) in &n.occs {
            occ_page[b][f] = id;
        }
        let mut page = n.page;
        page.slug = numbered(&mut used, kind, &n.base);
        index.list_mut(kind).push(Arc::new(page));
        aux.first[k].push(n.first);
        aux.base[k].push(n.base.into());
        if patchable {
            for key in &n.keys {
                aux.node_page.insert((kind, key.clone()), id);
            }
            aux.keys[k].push(n.keys.into());
        }
    }
    aux.occ_page = occ_page.into_iter().map(Vec::into_boxed_slice).collect();
    let rank_of = |id: PageId| {
        rank(
            &index.of(id_kind(id))[id_index(id)],
            aux.first[id_kind(id) as usize][id_index(id)],
        )
    };
    aux.top = briefs
        .par_iter()
        .zip(&aux.occ_page)
        .map(|(b, pages)| top_pages(b, pages, rank_of))
        .collect();
    let related: Vec<Vec<Vec<Related>>> = KINDS
        .iter()
        .map(|&kind| {
            index
                .of(kind)
                .par_iter()
                .enumerate()
                .map(|(i, page)| related_of(page_id(kind, i), page, &aux.top, rank_of))
                .collect()
        })
        .collect();
    for (kind, related) in KINDS.into_iter().zip(related) {
        for (page, related) in index.list_mut(kind).iter_mut().zip(related) {
            Arc::make_mut(page).related = related;
        }
    }
    if patchable {
        for key in aux.node_page.keys() {
            if key.0 == EntityKind::Person
                && let Some((_, last)) = key.1.rsplit_once(' ')
            {
                aux.by_surname
                    .entry(last.to_string())
                    .or_default()
                    .push(key.1.clone());
            }
        }
        index.patching = Some(Arc::new(aux));
    }
    index.index_names();
    index
}

/// The slug of the next page of `kind` whose name slugs to `base`: `base`, then
/// `base-2`, `base-3`, … in index order.
fn numbered(used: &mut HashMap<(EntityKind, String), u32>, kind: EntityKind, base: &str) -> String {
    let n = used.entry((kind, base.to_string())).or_insert(0);
    *n += 1;
    if *n == 1 {
        base.to_string()
    } else {
        format!("{base}-{n}")
    }
}

/// The entity index of `briefs` from `old`, the index of `old_briefs`, when the two
/// lists hold the same articles in the same places but for the briefs at `changed`
/// (the dev server's edit of an article), as [`build`] would make it: the entities
/// the changed briefs named or name are grouped again, with every entity whose
/// grouping they can touch (sharing a key, or a surname with a single-word
/// person), from those entities' briefs; the other pages are kept and take their new
/// places. `None` when `old` was not made by [`build_patchable`].
pub fn patch(
    old: &EntityIndex,
    old_briefs: &[Brief],
    briefs: &[Brief],
    changed: &[usize],
) -> Option<EntityIndex> {
    let aux = old.patching.as_deref()?;
    if old_briefs.len() != briefs.len() || aux.occ_page.len() != briefs.len() {
        return None;
    }
    // The pages the changed briefs named or name, and the keys new to the site.
    let mut affected: crate::extract::knowledge::hash::FastSet<PageId> = Default::default();
    let mut work: Vec<PageId> = Vec::new();
    let mut add = |p: PageId, work: &mut Vec<PageId>| {
        if affected.insert(p) {
            work.push(p);
        }
    };
    // A person key's surname relations: the single-word person named by its last
    // word, or the multi-word people ending in it.
    let surname_pages = |key: &str, out: &mut Vec<PageId>| match key.rsplit_once(' ') {
        Some((_, last)) => out.extend(
            aux.node_page
                .get(&(EntityKind::Person, last.to_string()))
                .copied(),
        ),
        None => out.extend(
            aux.by_surname
                .get(key)
                .into_iter()
                .flatten()
                .filter_map(|k| aux.node_page.get(&(EntityKind::Person, k.clone())).copied()),
        ),
    };
    let mut related_pages: Vec<PageId> = Vec::new();
    for &c in changed {
        for &p in aux.occ_page[c].iter() {
            add(p, &mut work);
        }
        for o in brief_occurrences(c, &briefs[c]) {
            for n in joining_names(&o) {
                let key = normalise(n);
                match aux.node_page.get(&(o.kind, key.clone())) {
                    Some(&p) => add(p, &mut work),
                    None if o.kind == EntityKind::Person => {
                        surname_pages(&key, &mut related_pages);
                    }
                    None => {}
                }
            }
        }
    }
    for p in related_pages.drain(..) {
        add(p, &mut work);
    }
    while let Some(q) = work.pop() {
        if id_kind(q) == EntityKind::Person {
            for key in aux.keys[0][id_index(q)].iter() {
                surname_pages(key, &mut related_pages);
            }
            for p in related_pages.drain(..) {
                add(p, &mut work);
            }
        }
    }
    // The briefs of those pages, and the changed ones: their entities in those
    // pages (all of a changed brief's) are grouped again.
    let mut which: Vec<usize> = affected
        .iter()
        .flat_map(|&q| old.of(id_kind(q))[id_index(q)].briefs.iter().copied())
        .chain(changed.iter().copied())
        .collect();
    which.sort_unstable();
    which.dedup();
    let is_changed = |b: usize| changed.contains(&b);
    let new = regroup(briefs, &which, |b, f| {
        is_changed(b) || affected.contains(&aux.occ_page[b][f])
    });
    // The kept pages and the new ones, in index order per kind.
    struct Entry {
        old: Option<usize>,
        page: Arc<EntityPage>,
        first: u64,
        base: Arc<str>,
        keys: Arc<[String]>,
        occs: Vec<(usize, usize)>,
    }
    let mut lists: [Vec<Entry>; 3] = Default::default();
    for kind in KINDS {
        let k = kind as usize;
        for (i, page) in old.of(kind).iter().enumerate() {
            if !affected.contains(&page_id(kind, i)) {
                lists[k].push(Entry {
                    old: Some(i),
                    page: page.clone(),
                    first: aux.first[k][i],
                    base: aux.base[k][i].clone(),
                    keys: aux.keys[k][i].clone(),
                    occs: Vec::new(),
                });
            }
        }
    }
    for n in new {
        lists[n.page.kind as usize].push(Entry {
            old: None,
            page: Arc::new(n.page),
            first: n.first,
            base: n.base.into(),
            keys: n.keys.into(),
            occs: n.occs,
        });
    }
    let mut index = EntityIndex::default();
    let mut next = Patching::default();
    // Old page → new page: a kept page's new place; a regrouped page's is that of
    // the new group with its first key, if any.
    let mut map: [Vec<Option<PageId>>; 3] = [
        vec![None; old.people.len()],
        vec![None; old.places.len()],
        vec![None; old.organizations.len()],
    ];
    let mut by_first_key: HashMap<(EntityKind, &str), PageId> = HashMap::default();
    let mut used: HashMap<(EntityKind, String), u32> = HashMap::default();
    let mut new_pages: Vec<(PageId, Vec<(usize, usize)>)> = Vec::new();
    for (kind, list) in KINDS.into_iter().zip(&mut lists) {
        let k = kind as usize;
        list.sort_by_key(|a| rank(&a.page, a.first));
        for (i, e) in list.iter_mut().enumerate() {
            let id = page_id(kind, i);
            match e.old {
                Some(o) => map[k][o] = Some(id),
                None => new_pages.push((id, std::mem::take(&mut e.occs))),
            }
            let slug = numbered(&mut used, kind, &e.base);
            if e.page.slug != slug {
                Arc::make_mut(&mut e.page).slug = slug;
            }
        }
    }
    for (kind, list) in KINDS.into_iter().zip(&lists) {
        for (i, e) in list.iter().enumerate() {
            if e.old.is_none()
                && let Some(first) = e.keys.first()
            {
                by_first_key.insert((kind, first.as_str()), page_id(kind, i));
            }
        }
    }
    for &q in &affected {
        let (kind, i) = (id_kind(q), id_index(q));
        map[kind as usize][i] = aux.keys[kind as usize][i]
            .first()
            .and_then(|key| by_first_key.get(&(kind, key.as_str())).copied());
    }
    drop(by_first_key);
    let remap = |p: PageId| map[id_kind(p) as usize][id_index(p)];
    // Name keys: the regrouped pages' old keys go, their new ones come.
    next.node_page = aux.node_page.clone();
    next.by_surname = aux.by_surname.clone();
    for &q in &affected {
        for key in aux.keys[id_kind(q) as usize][id_index(q)].iter() {
            next.node_page.remove(&(id_kind(q), key.clone()));
            if id_kind(q) == EntityKind::Person
                && let Some((_, last)) = key.rsplit_once(' ')
                && let Some(list) = next.by_surname.get_mut(last)
            {
                list.retain(|k| k != key);
                if list.is_empty() {
                    next.by_surname.remove(last);
                }
            }
        }
    }
    // (Every key left is a kept page's, and every kept page has a place: were it
    // otherwise, the index is built anew rather than patched wrong.)
    for p in next.node_page.values_mut() {
        *p = remap(*p)?;
    }
    for (kind, list) in KINDS.into_iter().zip(&lists) {
        for (i, e) in list.iter().enumerate().filter(|(_, e)| e.old.is_none()) {
            for key in e.keys.iter() {
                next.node_page.insert((kind, key.clone()), page_id(kind, i));
                if kind == EntityKind::Person
                    && let Some((_, last)) = key.rsplit_once(' ')
                {
                    next.by_surname
                        .entry(last.to_string())
                        .or_default()
                        .push(key.clone());
                }
            }
        }
    }
    // Each brief's entities' pages: kept pages moved, regrouped ones anew.
    let which_set: crate::extract::knowledge::hash::FastSet<usize> =
        which.iter().copied().collect();
    let mut occ_page: Vec<Box<[PageId]>> = aux
        .occ_page
        .par_iter()
        .enumerate()
        .map(|(b, pages)| {
            if which_set.contains(&b) {
                let b = &briefs[b];
                let n = b.facts.people.len() + b.facts.places.len() + b.facts.organizations.len();
                let mut v = vec![PageId::MAX; n];
                for (slot, &p) in v.iter_mut().zip(pages.iter()) {
                    *slot = if affected.contains(&p) {
                        PageId::MAX
                    } else {
                        remap(p).unwrap_or(PageId::MAX)
                    };
                }
                v.into()
            } else {
                pages
                    .iter()
                    .map(|&p| remap(p).unwrap_or(PageId::MAX))
                    .collect()
            }
        })
        .collect();
    for (id, occs) in &new_pages {
        for &(b, f) in occs {
            occ_page[b][f] = *id;
        }
    }
    if occ_page.iter().any(|pages| pages.contains(&PageId::MAX)) {
        return None;
    }
    for kind in KINDS {
        let k = kind as usize;
        for e in std::mem::take(&mut lists[k]) {
            next.first[k].push(e.first);
            next.base[k].push(e.base);
            next.keys[k].push(e.keys);
            index.list_mut(kind).push(e.page);
        }
    }
    let rank_of = |id: PageId| {
        rank(
            &index.of(id_kind(id))[id_index(id)],
            next.first[id_kind(id) as usize][id_index(id)],
        )
    };
    // Each brief's ten most mentioned pages: kept briefs' moved, the others anew;
    // the pages among either list of a regrouped brief count their related anew.
    let mut again: crate::extract::knowledge::hash::FastSet<PageId> =
        new_pages.iter().map(|(id, _)| *id).collect();
    let top: Vec<Box<[PageId]>> = aux
        .top
        .iter()
        .enumerate()
        .map(|(b, old_top)| {
            if which_set.contains(&b) {
                again.extend(old_top.iter().filter_map(|&p| remap(p)));
                let top = top_pages(&briefs[b], &occ_page[b], rank_of);
                again.extend(top.iter().copied());
                top
            } else {
                old_top
                    .iter()
                    .map(|&p| remap(p).unwrap_or(PageId::MAX))
                    .collect()
            }
        })
        .collect();
    if top.iter().any(|t| t.contains(&PageId::MAX)) {
        return None;
    }
    next.occ_page = occ_page;
    next.top = top;
    let related: Vec<Vec<Option<Vec<Related>>>> = KINDS
        .iter()
        .map(|&kind| {
            index
                .of(kind)
                .par_iter()
                .enumerate()
                .map(|(i, page)| {
                    let id = page_id(kind, i);
                    again
                        .contains(&id)
                        .then(|| related_of(id, page, &next.top, rank_of))
                })
                .collect()
        })
        .collect();
    for (kind, related) in KINDS.into_iter().zip(related) {
        for (page, related) in index.list_mut(kind).iter_mut().zip(related) {
            match related {
                Some(r) => Arc::make_mut(page).related = r,
                None => {
                    let mut moved = Vec::new();
                    for (k, r) in page.related.iter().enumerate() {
                        let to = id_index(remap(page_id(r.kind, r.index))?);
                        if to != r.index {
                            moved.push((k, to));
                        }
                    }
                    if !moved.is_empty() {
                        let page = Arc::make_mut(page);
                        for (k, to) in moved {
                            page.related[k].index = to;
                        }
                    }
                }
            }
        }
    }
    index.patching = Some(Arc::new(next));
    index.index_names();
    Some(index)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::{Entity, Event, Person, Quote};
    use crate::site::tests::brief;

    fn person(name: &str, aliases: &[&str], roles: &[&str], mentions: u32) -> Person {
        Person {
            name: name.into(),
            aliases: aliases.iter().map(|s| s.to_string()).collect(),
            roles: roles.iter().map(|s| s.to_string()).collect(),
            mentions,
        }
    }

    fn org(name: &str, aliases: &[&str]) -> Entity {
        Entity {
            name: name.into(),
            aliases: aliases.iter().map(|s| s.to_string()).collect(),
            mentions: 2,
        }
    }

    fn sample() -> Vec<Brief> {
        let mut a = brief("a.md", "2023-03-08T00:00:00Z", "a", &[]);
        Arc::make_mut(&mut a.facts).people = vec![person(
            "Lloyd Austin",
            &["Austin"],
            &["Defense Secretary"],
            5,
        )];
        Arc::make_mut(&mut a.facts).organizations = vec![org("ISIL", &["ISIS", "Daesh"])];
        Arc::make_mut(&mut a.facts).quotes = vec![Quote {
            text: "We focus".into(),
            speaker: Some("Lloyd Austin".into()),
            indirect: false,
            span: [0, 8],
        }];
        let mut b = brief("b.md", "2021-01-22T00:00:00Z", "b", &[]);
        Arc::make_mut(&mut b.facts).people = vec![person("Austin", &[], &["Pentagon chief"], 2)];
        Arc::make_mut(&mut b.facts).organizations = vec![org("Islamic State", &["ISIS"])];
        vec![a, b]
    }

    #[test]
    fn aliases_join_entities_across_briefs() {
        let idx = build(&sample());
        assert_eq!(idx.organizations.len(), 1);
        let isil = &idx.organizations[0];
        assert_eq!(isil.briefs, [0, 1]);
        assert!(
            isil.aliases.contains(&"Daesh".to_string())
                && isil.aliases.contains(&"Islamic State".to_string())
        );
    }

    #[test]
    fn bare_surname_joins_the_one_full_name() {
        let idx = build(&sample());
        assert_eq!(idx.people.len(), 1);
        let p = &idx.people[0];
        assert_eq!(p.name, "Lloyd Austin");
        assert_eq!(p.slug, "lloyd-austin");
        assert_eq!(p.mentions, 7);
        let roles: Vec<(&str, String)> = p
            .roles
            .iter()
            .map(|r| (r.role.as_str(), r.first.to_string()))
            .collect();
        assert_eq!(
            roles,
            [
                ("Pentagon chief", "2021-01-22".into()),
                ("Defense Secretary", "2023-03-08".into())
            ]
        );
        assert_eq!(p.quotes.len(), 1);
    }

    #[test]
    fn bare_surname_shared_by_two_people_stays_apart() {
        let mut v = sample();
        Arc::make_mut(&mut v[0].facts)
            .people
            .push(person("Jane Austin", &[], &[], 1));
        let idx = build(&v);
        assert_eq!(idx.people.len(), 3);
    }

    #[test]
    fn related_entities_come_from_shared_briefs() {
        let idx = build(&sample());
        let p = &idx.people[0];
        let r = &p.related[0];
        assert_eq!(idx.of(r.kind)[r.index].name, "ISIL");
        assert_eq!(p.related[0].shared, 2);
        assert_eq!(
            entity_path(EntityKind::Organization, "isil"),
            "/organizations/isil/"
        );
    }

    /// A small pseudo-random generator: the test is the same every run.
    struct Lcg(u64);
    impl Lcg {
        fn below(&mut self, n: usize) -> usize {
            self.0 = self
                .0
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            ((self.0 >> 33) % n as u64) as usize
        }
        fn pick<'a>(&mut self, from: &[&'a str]) -> &'a str {
            from[self.below(from.len())]
        }
    }

    /// Random facts from few names that share surnames, aliases and keys, so that
    /// edits join, split and rename entities and move them in the index.
    fn random_facts(rng: &mut Lcg, b: &mut Brief) {
        const PEOPLE: &[(&str, &[&str])] = &[
            ("Lloyd Austin", &["Austin"]),
            ("Jane Austin", &[]),
            ("Austin", &[]),
            ("Lloyd", &[]),
            ("Mara Vell", &["Vell", "M. Vell"]),
            ("M. Vell", &[]),
            ("Vell", &[]),
            ("Tomas Okri", &["Okri"]),
            ("Okri", &[]),
            ("Ana Okri", &["Tomas Okri"]),
            ("Zelda Quorn", &[]),
            ("Quorn", &[]),
        ];
        const PLACES: &[(&str, &[&str])] = &[
            ("Harwick", &[]),
            ("Port Elby", &["Elby"]),
            ("Elby", &[]),
            ("Harwick Bay", &["Harwick"]),
        ];
        const ORGS: &[(&str, &[&str])] = &[
            ("Fisheries Port Authority", &["FPA"]),
            ("FPA", &[]),
            ("Harwick Council", &["Council"]),
            ("Council", &[]),
            ("Vell Group", &[]),
        ];
        const ROLES: &[&str] = &["Mayor", "Minister", "Director"];
        // Most picks are plain names of many (`Kai Ro7`, `Town3`), which stay
        // apart: most pages are kept by a patch, and briefs name more than ten.
        let choose = |rng: &mut Lcg,
                      from: &[(&'static str, &'static [&'static str])],
                      plain: &str,
                      most: usize| {
            let mut out: Vec<(String, Vec<String>, u32)> = Vec::new();
            for _ in 0..rng.below(most + 1) {
                let (name, aliases) = if rng.below(4) == 0 {
                    let (name, aliases) = from[rng.below(from.len())];
                    (name.to_string(), aliases.to_vec())
                } else {
                    (format!("{plain}{}", rng.below(120)), vec![])
                };
                if out.iter().all(|(n, _, _)| *n != name) {
                    let aliases = aliases
                        .iter()
                        .filter(|_| rng.below(3) > 0)
                        .map(|a| a.to_string())
                        .collect();
                    out.push((name, aliases, 1 + rng.below(4) as u32));
                }
            }
            out
        };
        let people = choose(rng, PEOPLE, "Kai Ro", 7);
        let places = choose(rng, PLACES, "Town", 4);
        let orgs = choose(rng, ORGS, "Agency", 4);
        let facts = Arc::make_mut(&mut b.facts);
        facts.people = people
            .into_iter()
            .map(|(name, aliases, mentions)| Person {
                name,
                aliases,
                roles: (0..rng.below(2))
                    .map(|_| rng.pick(ROLES).to_string())
                    .collect(),
                mentions,
            })
            .collect();
        let entity = |(name, aliases, mentions): (String, Vec<String>, u32)| Entity {
            name,
            aliases,
            mentions,
        };
        facts.places = places.into_iter().map(entity).collect();
        facts.organizations = orgs.into_iter().map(entity).collect();
        let speakers: Vec<String> = facts
            .people
            .iter()
            .map(|p| p.name.clone())
            .chain(facts.organizations.iter().map(|o| o.name.clone()))
            .collect();
        facts.quotes = (0..rng.below(3))
            .map(|i| Quote {
                text: format!("quote {i}"),
                speaker: (!speakers.is_empty())
                    .then(|| speakers[rng.below(speakers.len())].clone()),
                indirect: false,
                span: [0, 1],
            })
            .collect();
        facts.events = (0..rng.below(3))
            .map(|i| Event {
                date: ["2011", "2012-03", "2010-05-06"][rng.below(3)].to_string(),
                summary: format!("event {i}"),
                span: [0, 1],
            })
            .collect();
        let mut links = Vec::new();
        for e in 0..facts.events.len() as u32 {
            for (kind, n) in [
                (EntityKind::Person, facts.people.len()),
                (EntityKind::Place, facts.places.len()),
                (EntityKind::Organization, facts.organizations.len()),
            ] {
                for i in 0..n as u32 {
                    if rng.below(3) == 0 {
                        links.push((e, kind, i));
                    }
                }
            }
        }
        b.event_entities = links.into();
    }

    /// Everything a reader or a later patch sees of an index.
    fn snapshot(idx: &EntityIndex) -> String {
        let mut lookup: Vec<_> = idx
            .lookup
            .iter()
            .map(|((k, n), v)| (*k as u8, n, v))
            .collect();
        lookup.sort();
        let aux = idx.patching.as_deref().expect("patchable");
        let mut nodes: Vec<_> = aux
            .node_page
            .iter()
            .map(|((k, n), v)| (*k as u8, n, v))
            .collect();
        nodes.sort();
        let mut surnames: Vec<(&String, Vec<&String>)> = aux
            .by_surname
            .iter()
            .map(|(k, v)| {
                let mut v: Vec<&String> = v.iter().collect();
                v.sort();
                (k, v)
            })
            .collect();
        surnames.sort();
        format!(
            "{}\n{}\n{}\n{lookup:?}\n{nodes:?}\n{surnames:?}\n{:?} {:?} {:?} {:?} {:?}",
            serde_json::to_string(&idx.people).unwrap(),
            serde_json::to_string(&idx.places).unwrap(),
            serde_json::to_string(&idx.organizations).unwrap(),
            aux.first,
            aux.base,
            aux.keys,
            aux.occ_page,
            aux.top,
        )
    }

    #[test]
    fn a_patched_index_is_the_index_built_anew() {
        let mut rng = Lcg(11);
        let mut briefs: Vec<Brief> = (0..60)
            .map(|i| {
                let day = ["2023-03-08", "2021-01-22", "2019-06-01"][i * 3 / 60];
                let mut b = brief(&format!("{i}.md"), &format!("{day}T09:00:00Z"), "s", &[]);
                random_facts(&mut rng, &mut b);
                b
            })
            .collect();
        let mut index = build_patchable(&briefs);
        assert_eq!(snapshot(&index), snapshot(&build_patchable(&briefs)));
        for round in 0..250 {
            let old = briefs.clone();
            let mut changed = vec![rng.below(briefs.len())];
            if round % 4 == 0 {
                changed.push(rng.below(briefs.len()));
                changed.sort_unstable();
                changed.dedup();
            }
            for &c in &changed {
                random_facts(&mut rng, &mut briefs[c]);
            }
            let fresh = build_patchable(&briefs);
            let next = patch(&index, &old, &briefs, &changed).expect("patchable");
            assert_eq!(
                snapshot(&next),
                snapshot(&fresh),
                "round {round}, changed {changed:?}"
            );
            index = next;
        }
        // An index built without what patching needs is built anew.
        assert!(patch(&build(&briefs), &briefs, &briefs, &[0]).is_none());
    }

    #[test]
    fn normalise_is_the_two_pass_definition() {
        let reference = |name: &str| -> String {
            let s: String = name
                .chars()
                .filter(|c| c.is_alphanumeric() || c.is_whitespace() || *c == '-')
                .flat_map(char::to_lowercase)
                .collect();
            s.split_whitespace().collect::<Vec<_>>().join(" ")
        };
        for name in [
            "Lloyd Austin",
            "  Lloyd   J. Austin  ",
            "O'Neill's",
            "Jean-Luc Picard",
            "İstanbul Ümit",
            "A . B",
            "\u{2003}Zoë\tÅsa\n",
            "",
            " . ",
            "ΣΟΦΙΑ",
        ] {
            assert_eq!(normalise(name), reference(name), "{name:?}");
        }
    }
}
