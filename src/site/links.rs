//! Which entities each dated event names, found once per article.
//!
//! Its result is kept in the build cache beside the facts, so this file is part of
//! the extractor's fingerprint (see `build.rs`): a change here invalidates the cache.

use super::timeline;
use crate::extract::Facts;
use crate::extract::knowledge::EntityKind;

/// The entities each dated event's sentence names, by their name or an alias:
/// (index into the facts' events, kind, index into the facts' list of that kind).
pub fn event_entities(body: &str, facts: &Facts) -> Vec<(u32, EntityKind, u32)> {
    let mut out = Vec::new();
    for (k, ev) in facts.events.iter().enumerate() {
        if timeline::DateKey::parse(&ev.date).is_none() {
            continue;
        }
        let sentence = body.get(ev.span[0]..ev.span[1]).unwrap_or("");
        let names = |name: &String, aliases: &[String]| {
            std::iter::once(name)
                .chain(aliases)
                .any(|n| !n.is_empty() && sentence.contains(n.as_str()))
        };
        for (i, p) in facts.people.iter().enumerate() {
            if names(&p.name, &p.aliases) {
                out.push((k as u32, EntityKind::Person, i as u32));
            }
        }
        for (kind, list) in [
            (EntityKind::Place, &facts.places),
            (EntityKind::Organization, &facts.organizations),
        ] {
            for (i, e) in list.iter().enumerate() {
                if names(&e.name, &e.aliases) {
                    out.push((k as u32, kind, i as u32));
                }
            }
        }
    }
    out
}
