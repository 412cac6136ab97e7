//! Whole-text decisions: which candidate mentions name the same entity, what kind each
//! entity is, and what it is called.
//!
//! People are settled first, so that a bare surname (`Austin`, even where a gazetteer
//! knows a city of that name) joins the person named in full elsewhere in the text. The
//! rest group by the known entity the gazetteer matched or, for unknown names, by their
//! lower-case form (`AL-SUDANI` and `al-Sudani` are one). Acronyms introduced in
//! brackets join their long form. Headlines in capitals are matched last against the
//! names found in the body.

use super::mentions::{Candidate, Evidence, KNOWN_WEIGHT};
use super::words;
use super::{Found, Mention};
use crate::extract::knowledge::{EntityId, EntityKind, FastMap, Knowledge, TokenKeys, phrase_key};
use crate::extract::segment::{SentenceTokens, TokenKind};
use crate::extract::{Entity, Person, Span};

/// Mentions believed to name one entity.
#[derive(Debug, Default)]
struct Cluster {
    known: Option<EntityId>,
    evidence: Evidence,
    /// Surface forms in order of first appearance, with their token counts.
    forms: Vec<(String, usize)>,
    roles: Vec<String>,
    spans: Vec<Span>,
}

impl Cluster {
    fn add(&mut self, form: &str, tokens: usize, span: Span) {
        // A name broken over two lines is one name: `Paul\nVolcker` → `Paul Volcker`.
        let form: std::borrow::Cow<'_, str> =
            if form.contains(|c: char| c.is_whitespace() && c != ' ') || form.contains("  ") {
                form.split_whitespace().collect::<Vec<_>>().join(" ").into()
            } else {
                form.into()
            };
        if !self.forms.iter().any(|(f, _)| *f == form) {
            self.forms.push((form.into_owned(), tokens));
        }
        self.spans.push(span);
    }

    fn first(&self) -> usize {
        self.spans.iter().map(|s| s[0]).min().unwrap_or(usize::MAX)
    }
}

/// The clusters of one text and the indexes that find them.
#[derive(Default)]
struct Clusters {
    list: Vec<Cluster>,
    /// Known entity → cluster.
    by_known: FastMap<EntityId, usize>,
    /// Lower-case form → cluster.
    by_key: FastMap<String, usize>,
    /// Lower-case last name of a person → cluster.
    by_surname: FastMap<String, usize>,
    /// Lower-case name without its last word, for names ending in an organisation or
    /// place word (`ebro` for `Ebro River`, `acme` for `Acme Corp`) → cluster.
    by_head: FastMap<String, usize>,
}

impl Clusters {
    fn new_cluster(&mut self, known: Option<EntityId>) -> usize {
        self.list.push(Cluster {
            known,
            ..Cluster::default()
        });
        self.list.len() - 1
    }
}

/// The form a candidate stands for: its text, or its stem when the `s` is a stripped
/// possessive (`Bidens’` → `Biden`) that the text or the knowledge confirms.
fn candidate_form<'t, 'c>(
    text: &'t str,
    c: &'c Candidate,
    kb: &Knowledge,
    clusters: &Clusters,
    person: bool,
) -> (&'t str, &'c str) {
    let full = &text[c.span[0]..c.span[1]];
    let full_key = c.key.as_str();
    if !c.stripped_s || !full_key.ends_with('s') || !full.ends_with(['s', 'S']) {
        return (full, full_key);
    }
    let stem = (&full[..full.len() - 1], &full_key[..full_key.len() - 1]);
    let known = |k: &str| clusters.by_key.contains_key(k) || clusters.by_surname.contains_key(k);
    if known(stem.1) || kb.lookup(stem.0).is_some() {
        return stem;
    }
    if known(full_key) || kb.lookup(full).is_some() {
        return (full, full_key);
    }
    // `Jones’` keeps its `s`: a common surname ends in it and the stem is none.
    let s_belongs =
        kb.is_surname(last_token_key(full_key)) && !kb.is_surname(last_token_key(stem.1));
    if person && !s_belongs {
        return stem;
    }
    (full, full_key)
}

fn last_token_key(key: &str) -> &str {
    key.rsplit(' ').next().unwrap_or(key)
}

fn is_person(c: &Candidate, kb: &Knowledge) -> bool {
    match c.known {
        Some(id) => kb.entity(id).kind == EntityKind::Person,
        None => c.evidence.best() == Some(EntityKind::Person),
    }
}

/// Groups the candidates into entities and builds the [`Found`] of the text.
///
/// `shouting` are the indexes of the sentences (of `tokens`) written in capitals.
pub fn resolve(
    text: &str,
    cands: &[Candidate],
    shouting: &[usize],
    tokens: &SentenceTokens,
    kb: &Knowledge,
) -> Found {
    let mut cl = Clusters::default();
    let mut assigned: Vec<Option<usize>> = vec![None; cands.len()];
    // People named in full first, then people named by one word, so surnames are known.
    for pass in [2usize, 1] {
        for (i, c) in cands.iter().enumerate() {
            let enough = if pass == 2 {
                c.tokens >= 2
            } else {
                c.tokens == 1
            };
            if assigned[i].is_some() || !enough || c.weak || !is_person(c, kb) {
                continue;
            }
            let (_, key) = candidate_form(text, c, kb, &cl, true);
            let key = key.to_string();
            let idx = match (c.known, cl.by_key.get(&key), cl.by_surname.get(&key)) {
                (Some(id), _, _) => *cl.by_known.entry(id).or_insert_with(|| cl.list.len()),
                (None, Some(&k), _) | (None, None, Some(&k)) => k,
                (None, None, None) => cl.list.len(),
            };
            if idx == cl.list.len() {
                cl.new_cluster(c.known);
            }
            cl.by_key.insert(key.clone(), idx);
            if c.tokens >= 2 {
                cl.by_surname
                    .entry(last_token_key(&key).to_string())
                    .or_insert(idx);
            }
            assigned[i] = Some(idx);
        }
    }
    // Everything else, in text order.
    for (i, c) in cands.iter().enumerate() {
        if assigned[i].is_some() {
            continue;
        }
        let (_, key) = candidate_form(text, c, kb, &cl, false);
        let mut key = key.to_string();
        // A known place the text uses as something else (a town's team: `Leeds beat
        // Chelsea`) is another entity than the place.
        let mut known = c.known;
        if let Some(id) = known {
            let mut ev = c.evidence;
            ev.add(kb.entity(id).kind, KNOWN_WEIGHT);
            if ev.best().is_some_and(|k| k != kb.entity(id).kind) {
                known = None;
                key.push_str(" \u{1}");
            }
        }
        let person = cl
            .by_surname
            .get(&key)
            .or_else(|| {
                cl.by_key
                    .get(&key)
                    .filter(|&&k| is_person_cluster(&cl.list[k], kb))
            })
            .copied()
            .filter(|_| c.tokens == 1 || known.is_none());
        if c.weak {
            // Only a name the rest of the text confirms.
            assigned[i] = person
                .or_else(|| cl.by_key.get(&key).copied())
                .or_else(|| cl.by_head.get(&key).copied());
            continue;
        }
        let idx = match (person, known) {
            (Some(k), _) => k,
            (None, Some(id)) => match cl.by_known.get(&id) {
                Some(&k) => k,
                None => {
                    let k = cl.new_cluster(Some(id));
                    cl.by_known.insert(id, k);
                    k
                }
            },
            (None, None) => match cl.by_key.get(&key).or_else(|| cl.by_head.get(&key)) {
                Some(&k) => k,
                None => cl.new_cluster(None),
            },
        };
        if let Some((head, last)) = key.rsplit_once(' ')
            && known.is_none()
            && (words::is_org_word(last) || words::is_place_word(last))
        {
            cl.by_head.entry(head.to_string()).or_insert(idx);
        }
        cl.by_key.entry(key).or_insert(idx);
        assigned[i] = Some(idx);
    }
    // Acronyms introduced in brackets join their long form.
    let mut redirect: Vec<usize> = (0..cl.list.len()).collect();
    for (i, c) in cands.iter().enumerate() {
        let Some(li) = c.acronym_of else { continue };
        let (Some(long), Some(acr)) = (assigned[li], assigned[i]) else {
            continue;
        };
        let (a, b) = (find(&redirect, long), find(&redirect, acr));
        if a != b && initials_match(text, &cands[li], c) {
            // Keep the known entity when only the acronym is known.
            if cl.list[b].known.is_some() && cl.list[a].known.is_none() {
                redirect[a] = b;
            } else {
                redirect[b] = a;
            }
        }
    }
    for (i, c) in cands.iter().enumerate() {
        let Some(idx) = assigned[i].map(|k| find(&redirect, k)) else {
            continue;
        };
        let (form, _) = candidate_form(text, c, kb, &cl, is_person(c, kb));
        let cluster = &mut cl.list[idx];
        cluster.add(form, c.tokens, c.span);
        if let Some(id) = c.known.filter(|id| cluster.known == Some(*id)) {
            cluster.evidence.add(kb.entity(id).kind, KNOWN_WEIGHT);
        }
        cluster.evidence.person += c.evidence.person;
        cluster.evidence.place += c.evidence.place;
        cluster.evidence.org += c.evidence.org;
        if let Some(role) = &c.role
            && !cluster.roles.iter().any(|r| r.eq_ignore_ascii_case(role))
        {
            cluster.roles.push(role.clone());
        }
    }
    match_headlines(text, shouting, tokens, &mut cl, cands);
    build_found(text, cl, kb)
}

/// True when `acr` could abbreviate `long`: the same known entity, or the acronym's
/// letters are the capitals of `long` in order, from the first (`Islamic State of Iraq
/// and the Levant (ISIL)`; not `Jane Doe (U.S.)`).
fn initials_match(text: &str, long: &Candidate, acr: &Candidate) -> bool {
    if long.known.is_some() && acr.known.is_some() {
        return long.known == acr.known;
    }
    let mut capitals = text[long.span[0]..long.span[1]]
        .split(|c: char| c.is_whitespace() || c == '-')
        .filter_map(|w| w.chars().next())
        .filter(|c| c.is_uppercase());
    let mut letters = text[acr.span[0]..acr.span[1]]
        .chars()
        .filter(|c| c.is_alphabetic());
    let (Some(first), Some(c0)) = (letters.next(), capitals.next()) else {
        return false;
    };
    if first != c0 {
        return false;
    }
    letters.all(|l| capitals.any(|c| c == l))
}

fn find(redirect: &[usize], mut k: usize) -> usize {
    while redirect[k] != k {
        k = redirect[k];
    }
    k
}

fn is_person_cluster(c: &Cluster, kb: &Knowledge) -> bool {
    match c.known {
        Some(id) => kb.entity(id).kind == EntityKind::Person,
        None => true,
    }
}

/// Finds, in sentences written in capitals, the names found elsewhere in the text.
fn match_headlines(
    text: &str,
    shouting: &[usize],
    tokens: &SentenceTokens,
    cl: &mut Clusters,
    cands: &[Candidate],
) {
    if shouting.is_empty() {
        return;
    }
    // Every form of the text → its cluster, and each first word → the most words of
    // a form starting with it, so that a headline word costs one lookup.
    let mut keys: FastMap<String, usize> = FastMap::default();
    let mut prefixes: FastMap<String, usize> = FastMap::default();
    for (k, c) in cl.list.iter().enumerate() {
        if c.spans.is_empty() {
            continue;
        }
        for (form, n) in &c.forms {
            let key = phrase_key(form);
            let first = key.split(' ').next().unwrap_or("").to_string();
            let slot = prefixes.entry(first).or_insert(0);
            *slot = (*slot).max(*n);
            keys.insert(key, k);
        }
    }
    // Candidates are in text order: the one that could overlap is found by bisection.
    let taken = |span: Span| {
        let k = cands.partition_point(|c| c.span[1] <= span[0]);
        cands.get(k).is_some_and(|c| c.span[0] < span[1])
    };
    let mut key = String::new();
    for &sentence in shouting {
        let toks = tokens.of(sentence);
        let keys_of = TokenKeys::new(text, toks);
        let mut i = 0;
        while i < toks.len() {
            let mut best = None;
            let longest = match prefixes.get(keys_of.get(i)) {
                Some(&n) if toks[i].kind == TokenKind::Word => n,
                _ => 0,
            };
            key.clear();
            for n in 1..=longest.min(toks.len() - i) {
                if n > 1 {
                    key.push(' ');
                }
                key.push_str(keys_of.get(i + n - 1));
                if let Some(&k) = keys.get(key.as_str()) {
                    best = Some((n, k));
                }
            }
            match best {
                Some((n, k)) if !taken([toks[i].span[0], toks[i + n - 1].span[1]]) => {
                    let span = [toks[i].span[0], toks[i + n - 1].span[1]];
                    cl.list[k].add(&text[span[0]..span[1]], n, span);
                    i += n;
                }
                _ => i += 1,
            }
        }
    }
}

/// Decides kinds and names, sorts, and lists the mentions.
fn build_found(text: &str, cl: Clusters, kb: &Knowledge) -> Found {
    let _ = text;
    struct Built {
        kind: EntityKind,
        name: String,
        aliases: Vec<String>,
        roles: Vec<String>,
        spans: Vec<Span>,
        first: usize,
    }
    let mut built = Vec::new();
    for c in cl.list {
        if c.spans.is_empty() {
            continue;
        }
        let mut known = c.known.map(|id| kb.entity(id));
        let kind = match (known, c.evidence.best()) {
            // The text overrules the gazetteer only with more evidence than all the
            // gazetteer's matches (`Leeds beat Chelsea`: teams, not towns).
            (Some(e), Some(k)) if k != e.kind => {
                known = None;
                k
            }
            (Some(e), _) => e.kind,
            (None, Some(k)) => k,
            (None, None) => continue,
        };
        let name = match known {
            Some(e) => e.name.clone(),
            None => canonical_form(&c.forms),
        };
        let mut aliases: Vec<String> = Vec::new();
        for (f, _) in &c.forms {
            if *f != name && !aliases.contains(f) {
                aliases.push(f.clone());
            }
        }
        let mut roles = c.roles.clone();
        if let Some(e) = known {
            for r in &e.roles {
                if !roles.iter().any(|x| x.eq_ignore_ascii_case(r)) {
                    roles.push(r.clone());
                }
            }
        }
        let first = c.first();
        let mut spans = c.spans;
        spans.sort_unstable();
        built.push(Built {
            kind,
            name,
            aliases,
            roles: if kind == EntityKind::Person {
                roles
            } else {
                Vec::new()
            },
            spans,
            first,
        });
    }
    built.sort_by(|a, b| {
        b.spans
            .len()
            .cmp(&a.spans.len())
            .then(a.first.cmp(&b.first))
    });
    let mut found = Found::default();
    for b in built {
        let mentions = b.spans.len() as u32;
        let index = match b.kind {
            EntityKind::Person => found.people.len(),
            EntityKind::Place => found.places.len(),
            EntityKind::Organization => found.organizations.len(),
        };
        for span in &b.spans {
            found.mentions.push(Mention {
                span: *span,
                kind: b.kind,
                index,
            });
        }
        match b.kind {
            EntityKind::Person => found.people.push(Person {
                name: b.name,
                roles: b.roles,
                aliases: b.aliases,
                mentions,
            }),
            EntityKind::Place => found.places.push(Entity {
                name: b.name,
                aliases: b.aliases,
                mentions,
            }),
            EntityKind::Organization => found.organizations.push(Entity {
                name: b.name,
                aliases: b.aliases,
                mentions,
            }),
        }
    }
    found.mentions.sort_by_key(|m| m.span);
    found
}

/// The longest form (most tokens, then most letters), preferring forms not written
/// all in capitals.
fn canonical_form(forms: &[(String, usize)]) -> String {
    let shouted = |f: &str| !f.chars().any(char::is_lowercase) && f.chars().count() > 4;
    forms
        .iter()
        .enumerate()
        .max_by(|(ia, (a, na)), (ib, (b, nb))| {
            (!shouted(a))
                .cmp(&!shouted(b))
                .then(na.cmp(nb))
                .then(a.len().cmp(&b.len()))
                .then(ib.cmp(ia))
        })
        .map(|(_, (f, _))| f.clone())
        .unwrap_or_default()
}
