//! Patching the entity index for the few briefs an edit changes (the dev server),
//! with the result [`super::build`] would give: tested against it over random
//! edits (`a_patched_index_is_the_index_built_anew`).
//!
//! The entities the changed briefs named or name are grouped again, with every
//! entity whose grouping they can touch (sharing a key, or the surname rule), from
//! those entities' briefs; every other page is kept as it is and takes its new
//! place. Pages keep their number ([`Gid`]) through patches, so the tables below
//! change only where the edit reaches: counts of briefs shared by two pages are
//! moved by the changed briefs' top-ten lists, and related lists sorted again
//! only for pages whose counts, or whose counted pages' ranks, changed.

use std::sync::Arc;

use rayon::prelude::*;

use super::{
    EntityIndex, EntityKind, EntityPage, Gid, HashMap, KINDS, PageId, brief_occurrences, id_index,
    id_kind, joining_names, normalise, numbered, page_id, rank, regroup, related_from, top_pages,
};
use crate::extract::knowledge::hash::FastSet;
use crate::site::Brief;
use crate::site::sharded::Sharded;

/// A page's place in the index order (see [`rank`]).
type Rank = (std::cmp::Reverse<u32>, u64);

/// Brief entities: (brief, place among its entities).
type Occs = Vec<(usize, usize)>;

/// What [`patch`] needs besides the pages: kept only for the dev server (see
/// [`super::build_patchable`]).
#[derive(Clone, Default)]
pub(super) struct Patching {
    /// Each name key (normalised name or joining alias) → its page.
    pub(super) node_gid: Sharded<(EntityKind, String), Gid>,
    /// Last word → the multi-word person keys ending in it.
    pub(super) by_surname: Sharded<String, Vec<String>>,
    /// Keys of the lookup claimed by more than one page: the claimants.
    pub(super) claims: Sharded<(EntityKind, String), Vec<Gid>>,
    /// Per page number: where its first key was first met, its slug before
    /// numbering, its name keys (the first met first), and how many briefs it
    /// shares with each other page (among both's ten most mentioned).
    pub(super) first: Vec<u64>,
    pub(super) base: Vec<Arc<str>>,
    pub(super) keys: Vec<Arc<[String]>>,
    pub(super) counts: Vec<Arc<HashMap<Gid, u32>>>,
    /// Per brief: the page of each of its entities (people, places, organisations,
    /// in the facts' order), and its ten most mentioned pages.
    pub(super) occ_gid: Vec<Arc<[Gid]>>,
    pub(super) top: Vec<Arc<[Gid]>>,
}

impl std::fmt::Debug for Patching {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Patching { .. }")
    }
}

/// The entity index of `briefs` from `old`, the index of `old_briefs`, when the two
/// lists hold the same articles in the same places but for the briefs at `changed`
/// (the dev server's edit of an article), as [`super::build_patchable`] would make
/// it. `None` when `old` was not made by it or by a patch (and, were an internal
/// table found inconsistent, rather than a wrong index: then it is built anew).
pub fn patch(
    old: &EntityIndex,
    old_briefs: &[Brief],
    briefs: &[Brief],
    changed: &[usize],
) -> Option<EntityIndex> {
    let aux = old.patching.as_deref()?;
    if old_briefs.len() != briefs.len() || aux.occ_gid.len() != briefs.len() {
        return None;
    }
    let is_changed = |b: usize| changed.contains(&b);
    // The pages the changed briefs named or name, closed over the surname rule.
    let mut affected: FastSet<Gid> = FastSet::default();
    let mut work: Vec<Gid> = Vec::new();
    let surname_pages = |key: &str, out: &mut Vec<Gid>| match key.rsplit_once(' ') {
        Some((_, last)) => out.extend(
            aux.node_gid
                .get(&(EntityKind::Person, last.to_string()))
                .copied(),
        ),
        None => out.extend(
            aux.by_surname
                .get(key)
                .into_iter()
                .flatten()
                .filter_map(|k| aux.node_gid.get(&(EntityKind::Person, k.clone())).copied()),
        ),
    };
    let mut found: Vec<Gid> = Vec::new();
    for &c in changed {
        found.extend(aux.occ_gid[c].iter().copied());
        for o in brief_occurrences(c, &briefs[c]) {
            for n in joining_names(&o) {
                let key = normalise(n);
                match aux.node_gid.get(&(o.kind, key.clone())) {
                    Some(&g) => found.push(g),
                    None if o.kind == EntityKind::Person => surname_pages(&key, &mut found),
                    None => {}
                }
            }
        }
    }
    loop {
        for g in found.drain(..) {
            if affected.insert(g) {
                work.push(g);
            }
        }
        let Some(g) = work.pop() else { break };
        if id_kind(*old.gid_page.get(g as usize)?) == EntityKind::Person {
            for key in aux.keys.get(g as usize)?.iter() {
                surname_pages(key, &mut found);
            }
        }
    }
    // Their briefs, and the changed ones: their entities in those pages (all of a
    // changed brief's) are grouped again.
    let mut which: Vec<usize> = changed.to_vec();
    for &g in &affected {
        which.extend(&old.page(g)?.briefs);
    }
    which.sort_unstable();
    which.dedup();
    let occ_gid = &aux.occ_gid;
    let new = regroup(briefs, &which, |b, f| {
        is_changed(b) || occ_gid[b].get(f).is_some_and(|g| affected.contains(g))
    });
    // A regrouped entity keeps the number of the old one with its first key.
    let mut by_first_key: HashMap<(EntityKind, String), Gid> = HashMap::default();
    for &g in &affected {
        let kind = id_kind(old.gid_page[g as usize]);
        if let Some(key) = aux.keys[g as usize].first() {
            by_first_key.insert((kind, key.clone()), g);
        }
    }
    let mut next = aux.clone();
    let mut gid_page = old.gid_page.clone();
    for &g in &affected {
        gid_page[g as usize] = PageId::MAX;
        next.keys[g as usize] = Arc::from(Vec::new());
    }
    let mut fresh: Vec<(Gid, EntityPage, Occs)> = Vec::new();
    for n in new {
        let kind = n.page.kind;
        let first_key = n.keys.first().cloned().unwrap_or_default();
        let g = match by_first_key.remove(&(kind, first_key)) {
            Some(g) => g,
            None => {
                next.first.push(0);
                next.base.push(Arc::from(""));
                next.keys.push(Arc::from(Vec::new()));
                next.counts.push(Arc::default());
                gid_page.push(PageId::MAX);
                (next.first.len() - 1) as Gid
            }
        };
        next.first[g as usize] = n.first;
        next.base[g as usize] = n.base.into();
        next.keys[g as usize] = n.keys.into();
        fresh.push((g, n.page, n.occs));
    }
    drop(by_first_key);
    // The pages in index order per kind: kept ones, and regrouped ones.
    let mut lists: [Vec<(Gid, Arc<EntityPage>)>; 3] = Default::default();
    for kind in KINDS {
        let k = kind as usize;
        for (page, &g) in old.of(kind).iter().zip(&old.page_gid[k]) {
            if !affected.contains(&g) {
                lists[k].push((g, page.clone()));
            }
        }
    }
    let mut regrouped: Vec<Gid> = Vec::with_capacity(fresh.len());
    let mut new_occs: Vec<(Gid, Occs)> = Vec::with_capacity(fresh.len());
    let mut arriving: [Vec<(Gid, Arc<EntityPage>)>; 3] = Default::default();
    for (g, page, occs) in fresh {
        regrouped.push(g);
        new_occs.push((g, occs));
        arriving[page.kind as usize].push((g, Arc::new(page)));
    }
    // Slugs are numbered again only for the bases the regrouped pages had or have.
    let mut bases: FastSet<(EntityKind, Arc<str>)> = FastSet::default();
    for &g in &affected {
        bases.insert((
            id_kind(old.gid_page[g as usize]),
            aux.base[g as usize].clone(),
        ));
    }
    for (kind, list) in KINDS.into_iter().zip(&arriving) {
        for (g, _) in list {
            bases.insert((kind, next.base[*g as usize].clone()));
        }
    }
    let mut index = EntityIndex::default();
    let mut used: HashMap<(EntityKind, Arc<str>), u32> = HashMap::default();
    let mut renamed_pages: Vec<Gid> = Vec::new();
    for ((kind, list), mut arriving) in KINDS.into_iter().zip(lists).zip(arriving) {
        let k = kind as usize;
        // The kept pages are in order: the arriving ones are merged in.
        let rank_of = |(g, page): &(Gid, Arc<EntityPage>)| rank(page, next.first[*g as usize]);
        arriving.sort_by_key(rank_of);
        let mut merged: Vec<(Gid, Arc<EntityPage>)> =
            Vec::with_capacity(list.len() + arriving.len());
        let mut rest = &list[..];
        for a in arriving {
            let at = rest.partition_point(|e| rank_of(e) < rank_of(&a));
            merged.extend_from_slice(&rest[..at]);
            rest = &rest[at..];
            merged.push(a);
        }
        merged.extend_from_slice(rest);
        for (i, (g, mut page)) in merged.into_iter().enumerate() {
            gid_page[g as usize] = page_id(kind, i);
            index.page_gid[k].push(g);
            let base = &next.base[g as usize];
            if bases.contains(&(kind, base.clone())) {
                let slug = numbered(&mut used, kind, base);
                if page.slug != slug {
                    // (A regrouped page comes without a slug: it is renamed if
                    // its number had another one.)
                    if old.page(g).is_none_or(|p| p.slug != slug) {
                        renamed_pages.push(g);
                    }
                    Arc::make_mut(&mut page).slug = slug;
                }
            }
            index.list_mut(kind).push(page);
        }
    }
    index.gid_page = gid_page;
    // A page's rank in the patched index (pages gone rank last).
    fn rank_in(index: &EntityIndex, first: &[u64], g: Gid) -> Rank {
        match index.page(g) {
            Some(page) => rank(page, first[g as usize]),
            None => (std::cmp::Reverse(0), u64::MAX),
        }
    }
    // Name keys and surnames: the regrouped pages' old ones go, their new ones come.
    for &g in &affected {
        let kind = id_kind(old.gid_page[g as usize]);
        for key in aux.keys[g as usize].iter() {
            next.node_gid.remove(&(kind, key.clone()));
            if kind == EntityKind::Person
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
    for &g in &regrouped {
        let kind = id_kind(index.gid_page[g as usize]);
        for key in next.keys[g as usize].clone().iter() {
            next.node_gid.insert((kind, key.clone()), g);
            if kind == EntityKind::Person
                && let Some((_, last)) = key.rsplit_once(' ')
            {
                next.by_surname
                    .entry_or_insert_with(last.to_string(), Vec::new)
                    .push(key.clone());
            }
        }
    }
    // The regrouped briefs' entities' pages, and their ten most mentioned.
    for &b in &which {
        let mut gids = aux.occ_gid[b].to_vec();
        gids.resize(
            briefs[b].facts.people.len()
                + briefs[b].facts.places.len()
                + briefs[b].facts.organizations.len(),
            Gid::MAX,
        );
        if is_changed(b) {
            gids.fill(Gid::MAX);
        }
        next.occ_gid[b] = gids.into();
    }
    for (g, occs) in &new_occs {
        for &(b, f) in occs {
            Arc::get_mut(&mut next.occ_gid[b])?[f] = *g;
        }
    }
    let mut recount: FastSet<Gid> = regrouped.iter().copied().collect();
    let tops: Vec<(usize, Arc<[Gid]>)> = which
        .par_iter()
        .map(|&b| {
            let gids = &next.occ_gid[b];
            if gids.contains(&Gid::MAX) {
                return None;
            }
            Some((
                b,
                top_pages(&briefs[b], gids, |g| rank_in(&index, &next.first, g)),
            ))
        })
        .collect::<Option<_>>()?;
    // Shared counts follow the top-ten lists that changed.
    for (b, top) in tops {
        let old_top = &aux.top[b];
        let same = old_top.len() == top.len() && old_top.iter().all(|g| top.contains(g));
        if !same {
            for (list, delta) in [(&**old_top, -1i64), (&*top, 1)] {
                for &p in list {
                    recount.insert(p);
                    let counts = Arc::make_mut(next.counts.get_mut(p as usize)?);
                    for &q in list.iter().filter(|&&q| q != p) {
                        let n = counts.entry(q).or_default();
                        *n = (i64::from(*n) + delta).try_into().ok()?;
                        if *n == 0 {
                            counts.remove(&q);
                        }
                    }
                }
            }
        }
        next.top[b] = top;
    }
    // Related lists sorted again: of pages whose counts changed, and of pages
    // counting a regrouped page whose rank changed, when it may pass another page
    // of the same count (the tie-break of equal counts is the rank).
    let mut moved: HashMap<Gid, (Rank, Rank)> = HashMap::default();
    for &g in &regrouped {
        if let Some(page) = old.page(g) {
            let (was, is) = (
                rank(page, aux.first[g as usize]),
                rank_in(&index, &next.first, g),
            );
            if was != is {
                moved.insert(g, (was.min(is), was.max(is)));
            }
        }
    }
    let mut passed: Vec<Gid> = Vec::new();
    for (&r, &(lo, hi)) in &moved {
        for (&p, &n) in next.counts[r as usize].iter() {
            if recount.contains(&p) {
                continue;
            }
            let clash = next.counts[p as usize].iter().any(|(&e, &m)| {
                e != r
                    && m == n
                    && (moved.contains_key(&e) || {
                        let at = rank_in(&index, &next.first, e);
                        lo < at && at < hi
                    })
            });
            if clash {
                passed.push(p);
            }
        }
    }
    recount.extend(passed);
    let related: Vec<(Gid, Vec<super::Related>)> = recount
        .par_iter()
        .filter(|&&g| index.page(g).is_some())
        .map(|&g| {
            let rank_of = |q: Gid| rank_in(&index, &next.first, q);
            (
                g,
                related_from(&next.counts[g as usize], rank_of, &index.gid_page),
            )
        })
        .collect();
    let mut is_recounted: FastSet<Gid> = FastSet::default();
    for (g, related) in related {
        is_recounted.insert(g);
        let id = index.gid_page[g as usize];
        Arc::make_mut(&mut index.list_mut(id_kind(id))[id_index(id)]).related = related;
    }
    // The others' related pages may have moved.
    for kind in KINDS {
        let k = kind as usize;
        for i in 0..index.of(kind).len() {
            let g = index.page_gid[k][i];
            if is_recounted.contains(&g) {
                continue;
            }
            let mut moved = Vec::new();
            for (r, rel) in index.of(kind)[i].related.iter().enumerate() {
                let from = old.page_gid[rel.kind as usize].get(rel.index)?;
                let to = *index.gid_page.get(*from as usize)?;
                if to == PageId::MAX {
                    return None;
                }
                if id_index(to) != rel.index {
                    moved.push((r, id_index(to)));
                }
            }
            if !moved.is_empty() {
                let page = Arc::make_mut(&mut index.list_mut(kind)[i]);
                for (r, to) in moved {
                    page.related[r].index = to;
                }
            }
        }
    }
    // The lookup: keys the regrouped pages claimed or claim go to their first
    // claimant again (by name before alias, then in index order).
    let mut touched: HashMap<(EntityKind, String), Vec<Gid>> = HashMap::default();
    for (&g, was) in affected
        .iter()
        .map(|g| (g, true))
        .chain(regrouped.iter().map(|g| (g, false)))
    {
        let page = if was { old.page(g)? } else { index.page(g)? };
        for form in std::iter::once(&page.name).chain(&page.aliases) {
            let list = touched.entry((page.kind, normalise(form))).or_default();
            if !was && !list.contains(&g) {
                list.push(g);
            }
        }
    }
    let mut lookup = old.lookup.clone();
    let mut renamed_keys: Vec<(EntityKind, String)> = Vec::new();
    for (key, claimants) in touched {
        let mut all: Vec<Gid> = match next.claims.get(&key) {
            Some(list) => list.clone(),
            None => lookup.get(&key).map(|&g| vec![g]).unwrap_or_default(),
        };
        all.retain(|g| !affected.contains(g));
        for g in claimants {
            if !all.contains(&g) {
                all.push(g);
            }
        }
        let pass = |g: Gid| -> Option<(u8, Rank)> {
            let page = index.page(g)?;
            Some((
                u8::from(normalise(&page.name) != key.1),
                rank_in(&index, &next.first, g),
            ))
        };
        let mut ranked: Vec<((u8, Rank), Gid)> = Vec::new();
        for &g in &all {
            ranked.push((pass(g)?, g));
        }
        ranked.sort_unstable();
        let winner = ranked.first().map(|&(_, g)| g);
        let before = old.lookup.get(&key).copied();
        let slug_before = before.and_then(|g| old.page(g)).map(|p| p.slug.as_str());
        if slug_before != winner.and_then(|g| index.page(g)).map(|p| p.slug.as_str()) {
            renamed_keys.push(key.clone());
        }
        match winner {
            Some(g) => {
                lookup.insert(key.clone(), g);
            }
            None => {
                lookup.remove(&key);
            }
        }
        if ranked.len() > 1 {
            next.claims
                .insert(key, ranked.into_iter().map(|(_, g)| g).collect());
        } else {
            next.claims.remove(&key);
        }
    }
    index.lookup = lookup;
    // Pages whose slug changed: the keys they are found by.
    for &g in &renamed_pages {
        let page = index.page(g)?;
        for form in std::iter::once(&page.name).chain(&page.aliases) {
            let key = (page.kind, normalise(form));
            if index.lookup.get(&key) == Some(&g) {
                renamed_keys.push(key);
            }
        }
    }
    // The briefs naming those keys: their list cards change. (A brief naming a key
    // is one of the briefs of the key's own page; the changed briefs' cards are
    // made again anyway.)
    let mut renamed: Vec<usize> = Vec::new();
    for (kind, key) in &renamed_keys {
        let Some(page) = next
            .node_gid
            .get(&(*kind, key.clone()))
            .and_then(|&g| index.page(g))
        else {
            continue;
        };
        renamed.extend(page.briefs.iter().copied().filter(|&b| {
            let f = &briefs[b].facts;
            let is = |n: &String| normalise(n) == *key;
            match kind {
                EntityKind::Person => f.people.iter().any(|p| is(&p.name)),
                EntityKind::Place => f.places.iter().any(|p| is(&p.name)),
                EntityKind::Organization => f.organizations.iter().any(|p| is(&p.name)),
            }
        }));
    }
    renamed.sort_unstable();
    renamed.dedup();
    index.renamed = Some((old as *const EntityIndex as usize, Arc::new(renamed)));
    index.patching = Some(Arc::new(next));
    Some(index)
}
