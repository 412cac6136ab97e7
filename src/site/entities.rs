//! The site's entity index: one hub per person, place and organisation across all
//! briefs, with roles over time, the briefs that mention them, their quotes and the
//! entities they appear with.
//!
//! Each article's extractor output names entities canonically within that article;
//! across articles the same entity is recognised by a shared name or alias (union
//! find over normalised names), and a bare surname that belongs to exactly one full
//! name on the site (`Austin` → `Lloyd Austin`) joins that person.

use std::collections::BTreeMap;

use crate::extract::knowledge::hash::FastMap as HashMap;

use chrono::NaiveDate;
use rayon::prelude::*;
use serde::Serialize;

use super::Brief;
use crate::extract::knowledge::EntityKind;

/// Hubs of each kind, most mentioned first.
#[derive(Clone, Debug, Default)]
pub struct EntityIndex {
    pub people: Vec<EntityPage>,
    pub places: Vec<EntityPage>,
    pub organizations: Vec<EntityPage>,
    /// (kind, normalised name or alias) → index in that kind's list.
    lookup: HashMap<(EntityKind, String), usize>,
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
    pub fn of(&self, kind: EntityKind) -> &[EntityPage] {
        match kind {
            EntityKind::Person => &self.people,
            EntityKind::Place => &self.places,
            EntityKind::Organization => &self.organizations,
        }
    }

    /// The hub of `kind` that an article-level name belongs to.
    pub fn find(&self, kind: EntityKind, name: &str) -> Option<&EntityPage> {
        let i = *self.lookup.get(&(kind, normalise(name)))?;
        self.of(kind).get(i)
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

/// One article-level entity: (brief, kind, canonical name, aliases, roles, mentions).
struct Occurrence<'a> {
    brief: usize,
    /// Its index in the brief facts' list of its kind.
    idx: usize,
    kind: EntityKind,
    name: &'a str,
    aliases: &'a [String],
    roles: &'a [String],
    mentions: u32,
}

fn occurrences(briefs: &[Brief]) -> Vec<Occurrence<'_>> {
    let mut out = Vec::new();
    for (i, b) in briefs.iter().enumerate() {
        for (idx, p) in b.facts.people.iter().enumerate() {
            out.push(Occurrence {
                brief: i,
                idx,
                kind: EntityKind::Person,
                name: &p.name,
                aliases: &p.aliases,
                roles: &p.roles,
                mentions: p.mentions,
            });
        }
        for (kind, list) in [
            (EntityKind::Place, &b.facts.places),
            (EntityKind::Organization, &b.facts.organizations),
        ] {
            for (idx, e) in list.iter().enumerate() {
                out.push(Occurrence {
                    brief: i,
                    idx,
                    kind,
                    name: &e.name,
                    aliases: &e.aliases,
                    roles: &[],
                    mentions: e.mentions,
                });
            }
        }
    }
    out
}

/// How many events an entity's own timeline keeps.
pub const ENTITY_EVENTS: usize = 100;

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

/// Builds the entity index of `briefs` (newest first).
pub fn build(briefs: &[Brief]) -> EntityIndex {
    let occ = occurrences(briefs);
    // Name keys per kind → node ids.
    let mut ids: HashMap<(EntityKind, String), usize> = HashMap::default();
    let id_of =
        |kind: EntityKind, name: &str, ids: &mut HashMap<(EntityKind, String), usize>| -> usize {
            let n = ids.len();
            *ids.entry((kind, normalise(name))).or_insert(n)
        };
    let mut occ_node = Vec::with_capacity(occ.len());
    let mut links: Vec<(usize, usize)> = Vec::new();
    for o in &occ {
        let node = id_of(o.kind, o.name, &mut ids);
        occ_node.push(node);
        for a in o.aliases {
            // A bare surname is too weak to join two people; it is resolved below.
            if o.kind == EntityKind::Person && !a.contains(' ') {
                continue;
            }
            links.push((node, id_of(o.kind, a, &mut ids)));
        }
    }
    let mut groups = Groups {
        parent: (0..ids.len()).collect(),
    };
    for (a, b) in links {
        groups.union(a, b);
    }
    // A single-word person joins the one multi-word person ending in that word.
    let mut by_surname: HashMap<String, Vec<usize>> = HashMap::default();
    for ((kind, key), &node) in &ids {
        if *kind == EntityKind::Person && key.contains(' ') {
            let last = key.rsplit(' ').next().unwrap_or_default().to_string();
            by_surname.entry(last).or_default().push(node);
        }
    }
    let single: Vec<(String, usize)> = ids
        .iter()
        .filter(|((k, key), _)| *k == EntityKind::Person && !key.contains(' '))
        .map(|((_, key), &node)| (key.clone(), node))
        .collect();
    for (key, node) in single {
        if let Some(cands) = by_surname.get(&key) {
            let mut roots: Vec<usize> = cands.iter().map(|&c| groups.find(c)).collect();
            roots.sort_unstable();
            roots.dedup();
            if roots.len() == 1 {
                groups.union(node, roots[0]);
            }
        }
    }
    // Gather each group.
    struct Acc {
        kind: EntityKind,
        /// name → (briefs naming it canonically, mentions, first seen).
        names: BTreeMap<String, (u32, u32, usize)>,
        roles: BTreeMap<String, (NaiveDate, NaiveDate)>,
        briefs: Vec<usize>,
        mentions: u32,
        quotes: Vec<QuoteRef>,
    }
    let mut accs: BTreeMap<usize, Acc> = BTreeMap::new();
    for (o, &node) in occ.iter().zip(&occ_node) {
        let root = groups.find(node);
        let acc = accs.entry(root).or_insert_with(|| Acc {
            kind: o.kind,
            names: BTreeMap::new(),
            roles: BTreeMap::new(),
            briefs: Vec::new(),
            mentions: 0,
            quotes: Vec::new(),
        });
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
    // Pages, with unique slugs per kind.
    let mut pages: Vec<(usize, EntityPage)> = Vec::new();
    let mut used: HashMap<(EntityKind, String), u32> = HashMap::default();
    let mut root_page: HashMap<usize, usize> = HashMap::default();
    let mut accs: Vec<(usize, Acc)> = accs.into_iter().collect();
    accs.sort_by(|a, b| b.1.mentions.cmp(&a.1.mentions).then(a.0.cmp(&b.0)));
    for (root, acc) in accs {
        // The canonical name: the one most briefs use, then the most mentioned, then
        // the newest brief's.
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
        let n = used.entry((acc.kind, base.clone())).or_insert(0);
        *n += 1;
        let slug = if *n == 1 { base } else { format!("{base}-{n}") };
        let mut roles: Vec<Role> = acc
            .roles
            .into_iter()
            .map(|(role, (first, last))| Role { role, first, last })
            .collect();
        roles.sort_by(|a, b| a.first.cmp(&b.first).then(a.role.cmp(&b.role)));
        let mut briefs_sorted = acc.briefs;
        briefs_sorted.sort_unstable();
        briefs_sorted.dedup();
        root_page.insert(root, pages.len());
        pages.push((
            root,
            EntityPage {
                kind: acc.kind,
                name,
                slug,
                aliases: aliases.into_iter().map(|(a, _)| a).collect(),
                roles,
                briefs: briefs_sorted,
                mentions: acc.mentions,
                quotes: acc.quotes,
                events: Vec::new(),
                related: Vec::new(),
            },
        ));
    }
    // Related: co-occurrence in briefs, over each brief's ten most mentioned entities.
    let mut per_brief: Vec<Vec<(u32, u32)>> = vec![Vec::new(); briefs.len()];
    for (o, &node) in occ.iter().zip(&occ_node) {
        let page = root_page[&groups.find(node)] as u32;
        per_brief[o.brief].push((o.mentions, page));
    }
    let top: Vec<Vec<u32>> = per_brief
        .into_iter()
        .map(|mut list| {
            list.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
            let mut top: Vec<u32> = Vec::new();
            for &(_, p) in &list {
                if !top.contains(&p) {
                    top.push(p);
                }
                if top.len() == 10 {
                    break;
                }
            }
            top
        })
        .collect();
    // Counted per page over its own briefs: a site-wide table of pairs would hold
    // tens of millions of entries in a big archive.
    let mut related: Vec<Vec<(u32, usize)>> = pages
        .par_iter()
        .enumerate()
        .map(|(p, (_, page))| {
            let p = p as u32;
            let mut counts: HashMap<u32, u32> = HashMap::default();
            for &b in &page.briefs {
                if top[b].contains(&p) {
                    for &q in top[b].iter().filter(|&&q| q != p) {
                        *counts.entry(q).or_default() += 1;
                    }
                }
            }
            let mut rel: Vec<(u32, usize)> =
                counts.into_iter().map(|(q, n)| (n, q as usize)).collect();
            rel.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
            rel.truncate(12);
            rel
        })
        .collect();
    // Each entity's own timeline: the events whose sentence names it in its briefs.
    let mut page_of: HashMap<(usize, EntityKind, usize), usize> =
        HashMap::with_capacity_and_hasher(occ.len(), Default::default());
    for (o, &node) in occ.iter().zip(&occ_node) {
        page_of.insert((o.brief, o.kind, o.idx), root_page[&groups.find(node)]);
    }
    let mut own: Vec<Vec<EventRef>> = vec![Vec::new(); pages.len()];
    for (i, b) in briefs.iter().enumerate() {
        for &(event, kind, idx) in b.event_entities.iter() {
            if let Some(&p) = page_of.get(&(i, kind, idx as usize)) {
                let r = EventRef {
                    brief: i,
                    event: event as usize,
                };
                // A brief's pairs come event by event, so a second entity of the
                // event on the same page finds the event last in that page's list.
                if own[p]
                    .last()
                    .is_none_or(|l| (l.brief, l.event) != (r.brief, r.event))
                {
                    own[p].push(r);
                }
            }
        }
    }
    drop(page_of);
    pages
        .par_iter_mut()
        .zip(own)
        .for_each(|((_, page), events)| {
            // Newest date first; equal dates keep their order (briefs are newest
            // first). Only the first ENTITY_EVENTS are kept, so they are selected
            // before sorting: a big archive's busiest entities have tens of
            // thousands of events, and each comparison reads two briefs' facts.
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
            page.events = keyed.into_iter().map(|(_, r)| r).collect();
        });
    // Each page's kind and place in its kind's list.
    let mut counts = [0usize; 3];
    let place: Vec<(EntityKind, usize)> = pages
        .iter()
        .map(|(_, p)| {
            let n = &mut counts[p.kind as usize];
            *n += 1;
            (p.kind, *n - 1)
        })
        .collect();
    let mut index = EntityIndex::default();
    for (i, (_, mut page)) in pages.into_iter().enumerate() {
        page.related = std::mem::take(&mut related[i])
            .into_iter()
            .map(|(shared, j)| Related {
                kind: place[j].0,
                index: place[j].1,
                shared,
            })
            .collect();
        match page.kind {
            EntityKind::Person => index.people.push(page),
            EntityKind::Place => index.places.push(page),
            EntityKind::Organization => index.organizations.push(page),
        }
    }
    index.index_names();
    index
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::{Entity, Person, Quote};
    use crate::site::tests::brief;
    use std::sync::Arc;

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
