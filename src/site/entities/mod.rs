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

mod patch;

use patch::Patching;
pub use patch::patch;

use crate::extract::knowledge::hash::FastMap as HashMap;

use chrono::NaiveDate;
use rayon::prelude::*;
use serde::Serialize;

use super::Brief;
use super::sharded::Sharded;
/// An event of a brief: (brief, index into its facts' events), as the timeline
/// cites its tellings.
pub use super::timeline::EventSource as EventRef;
use crate::extract::knowledge::EntityKind;

/// Hubs of each kind, most mentioned first.
#[derive(Clone, Debug, Default)]
pub struct EntityIndex {
    /// (Shared, so that a patched index copies only the pages it changes.)
    pub people: Vec<Arc<EntityPage>>,
    pub places: Vec<Arc<EntityPage>>,
    pub organizations: Vec<Arc<EntityPage>>,
    /// (kind, normalised name or alias) → the page's number (see [`Gid`]).
    lookup: Sharded<(EntityKind, String), Gid>,
    /// Each number's page (`PageId::MAX` once gone), and each page's number.
    gid_page: Vec<PageId>,
    page_gid: [Vec<Gid>; 3],
    /// Kept by [`build_patchable`] for [`patch`].
    patching: Option<Arc<Patching>>,
    /// Set by [`patch`]: the index it patched (its address) and the briefs naming
    /// an entity found at another slug than there.
    renamed: Option<(usize, Arc<Vec<usize>>)>,
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
    /// Quotes of this person or organisation: (brief, index into its facts' quotes),
    /// the newest [`ENTITY_QUOTES`], newest brief first, each brief's in its order.
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
        // The key is normalised into a buffer kept by the thread: a brief page looks
        // up each of its names, its quotes' speakers and its related briefs' names.
        thread_local! {
            static KEY: std::cell::RefCell<(EntityKind, String)> =
                const { std::cell::RefCell::new((EntityKind::Person, String::new())) };
        }
        let g = KEY.with_borrow_mut(|key| {
            key.0 = kind;
            key.1.clear();
            normalise_into(name, &mut key.1);
            self.lookup.get(&*key).copied()
        })?;
        self.page(g)
    }

    /// The page numbered `g`.
    fn page(&self, g: Gid) -> Option<&EntityPage> {
        let id = *self.gid_page.get(g as usize)?;
        self.of(id_kind(id)).get(id_index(id)).map(|p| &**p)
    }

    /// The briefs that name an entity found at another slug than in `old`, when
    /// this index is [`patch`]ed from `old` (their list cards' filter keys change).
    pub fn renamed_briefs(&self, old: &EntityIndex) -> Option<&[usize]> {
        match &self.renamed {
            Some((from, briefs)) if *from == old as *const EntityIndex as usize => Some(briefs),
            _ => None,
        }
    }

    /// Indexes every page's name and aliases; a name claimed twice goes to the
    /// more mentioned page (pages are sorted by mentions): every page's name
    /// first, then their aliases. With `claims`, every key claimed by more than one
    /// page keeps its claimants, for [`patch`].
    fn index_names(&mut self, claims: Option<&mut Sharded<(EntityKind, String), Vec<Gid>>>) {
        let mut lookup = Sharded::default();
        let mut all: HashMap<(EntityKind, String), Vec<Gid>> = HashMap::default();
        for kind in KINDS {
            let list = self.of(kind);
            let gids = &self.page_gid[kind as usize];
            let names = list
                .iter()
                .zip(gids)
                .map(|(p, &g)| (std::slice::from_ref(&p.name), g));
            let aliases = list.iter().zip(gids).map(|(p, &g)| (&p.aliases[..], g));
            for (forms, g) in names.chain(aliases) {
                for form in forms {
                    let key = (kind, normalise(form));
                    if claims.is_some() {
                        let list = all.entry(key).or_default();
                        if !list.contains(&g) {
                            list.push(g);
                        }
                    } else if !lookup.contains_key(&key) {
                        lookup.insert(key, g);
                    }
                }
            }
        }
        if let Some(claims) = claims {
            for (key, list) in all {
                lookup.insert(key.clone(), list[0]);
                if list.len() > 1 {
                    claims.insert(key, list);
                }
            }
        }
        self.lookup = lookup;
    }
}

/// The URL path of an entity hub: `/people/lloyd-austin/`.
pub fn entity_path(kind: EntityKind, slug: &str) -> String {
    // Joined, not `format!`: every brief page asks for each of its entities.
    ["/", kind_dir(kind), "/", slug, "/"].concat()
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
    normalise_into(name, &mut out);
    out
}

/// [`normalise`], appending to `out` (which must be empty).
fn normalise_into(name: &str, out: &mut String) {
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
}

/// How many events an entity's own timeline keeps.
pub const ENTITY_EVENTS: usize = 100;

/// How many quotes an entity page shows (and its page keeps): the newest.
pub const ENTITY_QUOTES: usize = 20;

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

/// A page's number: its place in the index order when the index was built, kept
/// by the page through [`patch`]es (which number new pages after the others), so
/// that the patching tables need not follow pages as they move.
type Gid = u32;

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
    // Walked twice rather than gathered: a list of all of a big archive's
    // entities, with their names, was the largest table of the index's making.
    let occurrences = || {
        which
            .iter()
            .flat_map(|&i| brief_occurrences(i, &briefs[i]))
            .filter(|o| include(o.brief, o.flat))
    };
    // Name keys per kind → node ids, in the order they are first met.
    let mut ids: HashMap<(EntityKind, String), usize> = HashMap::default();
    let mut met: Vec<u64> = Vec::new();
    let mut occ_node: Vec<u32> = Vec::new();
    let mut links: Vec<(usize, usize)> = Vec::new();
    for o in occurrences() {
        let mut node = usize::MAX;
        for (slot, n) in joining_names(&o).enumerate() {
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
        occ_node.push(node as u32);
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
    // The group of each entity of the briefs of `which`, at `starts[k]` + its
    // place among the entities of the k-th of them (`u32::MAX`: not included).
    let mut starts: Vec<usize> = Vec::with_capacity(which.len() + 1);
    starts.push(0);
    for &i in which {
        let f = &briefs[i].facts;
        let n = f.people.len() + f.places.len() + f.organizations.len();
        starts.push(starts.last().copied().unwrap_or(0) + n);
    }
    let mut occ_group: Vec<u32> = vec![u32::MAX; starts.last().copied().unwrap_or(0)];
    let mut k = 0;
    for (o, &node) in occurrences().zip(&occ_node) {
        let root = groups.find(node as usize);
        while which[k] != o.brief {
            k += 1;
        }
        occ_group[starts[k] + o.flat] = root as u32;
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
        // Briefs come newest first, so the first quotes met are the newest.
        if o.kind != EntityKind::Place && acc.quotes.len() < ENTITY_QUOTES {
            for (qi, q) in briefs[o.brief].facts.quotes.iter().enumerate() {
                if q.speaker == Some(o.name) && acc.quotes.len() < ENTITY_QUOTES {
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
    for (k, &i) in which.iter().enumerate() {
        let b = &briefs[i];
        for &(event, kind, idx) in b.event_entities.iter() {
            let at = starts[k] + flat_index(b, kind, idx as usize);
            let root = match occ_group.get(at) {
                Some(&root) if root != u32::MAX && at < starts[k + 1] => root as usize,
                _ => continue,
            };
            let r = EventRef {
                brief: i as u32,
                event,
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
    // Each date is read once, not at every comparison.
    let order =
        |a: &(&str, usize, EventRef), b: &(&str, usize, EventRef)| b.0.cmp(a.0).then(a.1.cmp(&b.1));
    let mut keyed: Vec<(&str, usize, EventRef)> = events
        .into_iter()
        .enumerate()
        .map(|(i, r)| {
            let date = briefs[r.brief as usize]
                .facts
                .events
                .at(r.event as usize)
                .date;
            (date, i, r)
        })
        .collect();
    if keyed.len() > ENTITY_EVENTS {
        keyed.select_nth_unstable_by(ENTITY_EVENTS, order);
        keyed.truncate(ENTITY_EVENTS);
    }
    keyed.sort_unstable_by(order);
    keyed.into_iter().map(|(_, _, r)| r).collect()
}

/// Pages in index order: most mentioned first, then the first met.
fn rank(page: &EntityPage, first: u64) -> (std::cmp::Reverse<u32>, u64) {
    (std::cmp::Reverse(page.mentions), first)
}

/// A brief's ten most mentioned pages, from the page of each of its entities.
fn top_pages(
    b: &Brief,
    pages: &[Gid],
    rank_of: impl Fn(Gid) -> (std::cmp::Reverse<u32>, u64),
) -> Arc<[Gid]> {
    let mentions = b
        .facts
        .people
        .iter()
        .map(|p| p.mentions)
        .chain(b.facts.places.iter().map(|e| e.mentions))
        .chain(b.facts.organizations.iter().map(|e| e.mentions));
    let mut list: Vec<(u32, (std::cmp::Reverse<u32>, u64), Gid)> = mentions
        .zip(pages)
        .map(|(m, &p)| (m, rank_of(p), p))
        .collect();
    list.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    let mut top: Vec<Gid> = Vec::new();
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

/// How many briefs page `g` shares with each other page, over its briefs where
/// both are among the ten most mentioned (a site-wide table of pairs would hold
/// tens of millions of entries in a big archive).
fn shared_counts(g: Gid, page: &EntityPage, top: &[Arc<[Gid]>]) -> HashMap<Gid, u32> {
    let mut counts: HashMap<Gid, u32> = HashMap::default();
    for &b in &page.briefs {
        if top[b].contains(&g) {
            for &q in top[b].iter().filter(|&&q| q != g) {
                *counts.entry(q).or_default() += 1;
            }
        }
    }
    counts
}

/// The twelve entities sharing most briefs (then the first in index order).
fn related_from(
    counts: &HashMap<Gid, u32>,
    rank_of: impl Fn(Gid) -> (std::cmp::Reverse<u32>, u64),
    gid_page: &[PageId],
) -> Vec<Related> {
    let mut rel: Vec<(u32, (std::cmp::Reverse<u32>, u64), Gid)> =
        counts.iter().map(|(&q, &n)| (n, rank_of(q), q)).collect();
    let order = |a: &(u32, (std::cmp::Reverse<u32>, u64), Gid),
                 b: &(u32, (std::cmp::Reverse<u32>, u64), Gid)| {
        b.0.cmp(&a.0).then(a.1.cmp(&b.1))
    };
    if rel.len() > 12 {
        rel.select_nth_unstable_by(12, order);
        rel.truncate(12);
    }
    rel.sort_by(order);
    // Made anew: collected from `rel` it would keep `rel`'s allocation, sized for
    // every entity met (at 100,000 articles, 85 MB held for 12 entries a page).
    let mut related = Vec::with_capacity(rel.len());
    related.extend(rel.into_iter().map(|(shared, _, q)| Related {
        kind: id_kind(gid_page[q as usize]),
        index: id_index(gid_page[q as usize]),
        shared,
    }));
    related
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
    // Pages, with unique slugs per kind; numbered in index order.
    let mut aux = Patching::default();
    let mut index = EntityIndex::default();
    let mut used: HashMap<(EntityKind, Arc<str>), u32> = HashMap::default();
    let mut occ_gid: Vec<Vec<Gid>> = briefs
        .iter()
        .map(|b| vec![0; b.facts.people.len() + b.facts.places.len() + b.facts.organizations.len()])
        .collect();
    for (g, n) in new.into_iter().enumerate() {
        let g = g as Gid;
        let kind = n.page.kind;
        let id = page_id(kind, index.of(kind).len());
        index.gid_page.push(id);
        index.page_gid[kind as usize].push(g);
        for &(b, f) in &n.occs {
            occ_gid[b][f] = g;
        }
        let mut page = n.page;
        let base: Arc<str> = n.base.into();
        page.slug = numbered(&mut used, kind, &base);
        index.list_mut(kind).push(Arc::new(page));
        aux.first.push(n.first);
        aux.base.push(base);
        if patchable {
            for key in &n.keys {
                aux.node_gid.insert((kind, key.clone()), g);
            }
            aux.keys.push(n.keys.into());
        }
    }
    let pages: Vec<&EntityPage> = index
        .gid_page
        .iter()
        .map(|&id| &*index.of(id_kind(id))[id_index(id)])
        .collect();
    let rank_of = |g: Gid| rank(pages[g as usize], aux.first[g as usize]);
    let top: Vec<Arc<[Gid]>> = briefs
        .par_iter()
        .zip(&occ_gid)
        .map(|(b, gids)| top_pages(b, gids, rank_of))
        .collect();
    // The counts are kept for patching; a build drops each page's once its related
    // list is made (all of them at once are hundreds of megabytes at 100,000).
    type Counts = Option<HashMap<Gid, u32>>;
    let (related, counts): (Vec<Vec<Related>>, Vec<Counts>) = pages
        .par_iter()
        .enumerate()
        .map(|(g, page)| {
            let counts = shared_counts(g as Gid, page, &top);
            let related = related_from(&counts, rank_of, &index.gid_page);
            (related, patchable.then_some(counts))
        })
        .unzip();
    drop(pages);
    for (g, related) in related.into_iter().enumerate() {
        let id = index.gid_page[g];
        Arc::make_mut(&mut index.list_mut(id_kind(id))[id_index(id)]).related = related;
    }
    if patchable {
        let mut by_surname: HashMap<String, Vec<String>> = HashMap::default();
        for key in aux.node_gid.keys() {
            if key.0 == EntityKind::Person
                && let Some((_, last)) = key.1.rsplit_once(' ')
            {
                by_surname
                    .entry(last.to_string())
                    .or_default()
                    .push(key.1.clone());
            }
        }
        for (last, keys) in by_surname {
            aux.by_surname.insert(last, keys);
        }
        aux.occ_gid = occ_gid.into_iter().map(Into::into).collect();
        aux.top = top;
        aux.counts = counts
            .into_iter()
            .map(|c| Arc::new(c.unwrap_or_default()))
            .collect();
        index.index_names(Some(&mut aux.claims));
        index.patching = Some(Arc::new(aux));
    } else {
        index.index_names(None);
    }
    index
}

/// The slug of the next page of `kind` whose name slugs to `base`: `base`, then
/// `base-2`, `base-3`, … in index order.
fn numbered(
    used: &mut HashMap<(EntityKind, Arc<str>), u32>,
    kind: EntityKind,
    base: &Arc<str>,
) -> String {
    let n = used.entry((kind, base.clone())).or_insert(0);
    *n += 1;
    if *n == 1 {
        base.to_string()
    } else {
        format!("{base}-{n}")
    }
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
        }]
        .into();
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
    fn an_entity_keeps_its_newest_quotes() {
        // Twelve briefs, newest first, each with two quotes of one person.
        let briefs: Vec<Brief> = (0..12)
            .map(|i| {
                let date = format!("2023-03-{:02}T00:00:00Z", 20 - i);
                let mut b = brief(&format!("{i}.md"), &date, &format!("b{i}"), &[]);
                let f = Arc::make_mut(&mut b.facts);
                f.people = vec![person("Lloyd Austin", &[], &[], 1)];
                f.quotes = (0..2)
                    .map(|q| Quote {
                        text: format!("Quote {q} of brief {i}"),
                        speaker: Some("Lloyd Austin".into()),
                        indirect: false,
                        span: [0, 1],
                    })
                    .collect::<Vec<_>>()
                    .into();
                b
            })
            .collect();
        let idx = build(&briefs);
        let kept: Vec<(usize, usize)> = idx.people[0]
            .quotes
            .iter()
            .map(|q| (q.brief, q.quote))
            .collect();
        let newest: Vec<(usize, usize)> = (0..10).flat_map(|b| [(b, 0), (b, 1)]).collect();
        assert_eq!(kept, newest);
    }

    #[test]
    fn related_lists_hold_only_what_they_keep() {
        // One person met with thirty others, each once: twelve are kept, and the
        // list's memory is theirs alone.
        let briefs: Vec<Brief> = (0..30)
            .map(|i| {
                let date = format!("2023-03-{:02}T00:00:00Z", 30 - i);
                let mut b = brief(&format!("{i}.md"), &date, &format!("b{i}"), &[]);
                Arc::make_mut(&mut b.facts).people = vec![
                    person("Lloyd Austin", &[], &[], 3),
                    person(&format!("Other Person{i}"), &[], &[], 1),
                ];
                b
            })
            .collect();
        let idx = build(&briefs);
        let austin = &idx.people[0];
        assert_eq!(austin.name, "Lloyd Austin");
        assert_eq!(austin.related.len(), 12);
        assert!(
            austin.related.capacity() <= 12,
            "{}",
            austin.related.capacity()
        );
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
            ("Ana-Okri", &[]),
            ("Zelda Quorn", &[]),
            ("Quorn", &[]),
        ];
        const PLACES: &[(&str, &[&str])] = &[
            ("Harwick", &[]),
            ("Port Elby", &["Elby"]),
            ("Elby", &[]),
            ("Harwick Bay", &["Harwick"]),
            ("Harwick-Bay", &[]),
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

    /// Everything a reader or a later patch sees of an index, with page numbers
    /// (which a patch keeps, and a build gives in index order) read as pages.
    fn snapshot(idx: &EntityIndex) -> String {
        let aux = idx.patching.as_deref().expect("patchable");
        let page = |g: &Gid| idx.gid_page[*g as usize];
        let key = |(k, n): &(EntityKind, String)| (*k as u8, n.clone());
        let mut lookup: Vec<_> = idx.lookup.iter().map(|(k, g)| (key(k), page(g))).collect();
        lookup.sort();
        let mut nodes: Vec<_> = aux
            .node_gid
            .iter()
            .map(|(k, g)| (key(k), page(g)))
            .collect();
        nodes.sort();
        let mut claims: Vec<_> = aux
            .claims
            .iter()
            .map(|(k, gs)| (key(k), gs.iter().map(page).collect::<Vec<_>>()))
            .collect();
        claims.sort();
        let mut surnames: Vec<(String, Vec<String>)> = aux
            .by_surname
            .iter()
            .map(|(k, v)| {
                let mut v = v.clone();
                v.sort();
                (k.clone(), v)
            })
            .collect();
        surnames.sort();
        // Per page: first met, base slug, keys, shared counts.
        let mut pages: Vec<_> = (0..idx.gid_page.len() as Gid)
            .filter(|&g| idx.gid_page[g as usize] != PageId::MAX)
            .map(|g| {
                let i = g as usize;
                let mut counts: Vec<_> = aux.counts[i].iter().map(|(q, n)| (page(q), *n)).collect();
                counts.sort();
                (
                    page(&g),
                    aux.first[i],
                    aux.base[i].to_string(),
                    aux.keys[i].to_vec(),
                    counts,
                )
            })
            .collect();
        pages.sort();
        let per_brief = |lists: &[Arc<[Gid]>]| -> Vec<Vec<PageId>> {
            lists.iter().map(|l| l.iter().map(page).collect()).collect()
        };
        format!(
            "{}\n{}\n{}\n{lookup:?}\n{nodes:?}\n{claims:?}\n{surnames:?}\n{pages:?}\n{:?}\n{:?}",
            serde_json::to_string(&idx.people).unwrap(),
            serde_json::to_string(&idx.places).unwrap(),
            serde_json::to_string(&idx.organizations).unwrap(),
            per_brief(&aux.occ_gid),
            per_brief(&aux.top),
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
        let mut renamed_seen = 0;
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
            // Every other brief naming an entity now found at another slug is
            // named for its list card to be made again.
            let renamed = next.renamed_briefs(&index).expect("patched from it");
            let slugs = |idx: &EntityIndex, b: &Brief| -> Vec<Option<String>> {
                let f = &b.facts;
                let people = f.people.iter().map(|p| (EntityKind::Person, &p.name));
                let places = f.places.iter().map(|p| (EntityKind::Place, &p.name));
                let orgs = f
                    .organizations
                    .iter()
                    .map(|p| (EntityKind::Organization, &p.name));
                people
                    .chain(places)
                    .chain(orgs)
                    .map(|(k, n)| idx.find(k, n).map(|p| p.slug.clone()))
                    .collect()
            };
            for (i, b) in briefs.iter().enumerate() {
                if !changed.contains(&i) && slugs(&index, b) != slugs(&next, b) {
                    assert!(renamed.contains(&i), "round {round}: brief {i} not renamed");
                    renamed_seen += 1;
                }
            }
            index = next;
        }
        assert!(renamed_seen > 20, "{renamed_seen} briefs renamed");
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
