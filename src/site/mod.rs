//! The whole-site model: ordering, permalinks, the timeline, the entity index, tags.
//!
//! Assembling is the one step that sees every article at once. It runs after the
//! parallel load and extraction and before the parallel render, and builds once
//! everything list pages need, so rendering never walks the whole site per page.
//! Everything refers to briefs by their index in [`Site::briefs`] (newest first).

pub mod entities;
mod links;
pub mod permalink;
mod sharded;
pub mod timeline;

use std::collections::BTreeMap;
use std::sync::Arc;

use chrono::NaiveDate;
use chrono_tz::Tz;
use serde::Serialize;

use crate::config::Config;
use crate::content::Article;
use crate::error::SourceError;
use crate::extract::Facts;
use crate::extract::knowledge::EntityKind;
use crate::extract::knowledge::hash::FastMap;

pub use entities::{EntityIndex, EntityPage};
pub use links::event_entities;
pub use timeline::Timeline;

/// One article with its facts and its place on the site.
#[derive(Clone, Debug)]
pub struct Brief {
    /// Shared, so that the dev server can reassemble the site without copying text.
    pub article: Arc<Article>,
    pub facts: Arc<Facts>,
    /// The URL path of the brief page (`/2023/03/08/austin-in-baghdad/`).
    pub permalink: String,
    /// The publication day in the site's time zone.
    pub day: NaiveDate,
    /// The summary shown in lists and feeds: the front matter's `description`, or the
    /// extracted summary. (Shared, like the lists below: the dev server copies every
    /// brief into each site it assembles.)
    pub summary: Arc<str>,
    /// Words in the body.
    pub words: usize,
    /// Whether the extraction found a summary (the `description` aside): without
    /// either, lists show the title.
    pub extracted_summary: bool,
    /// Which of its entities each dated event's sentence names: (index into the
    /// facts' events, kind, index into the facts' list of that kind). Entity pages
    /// build their own timelines from it; found here, while the text is at hand.
    pub event_entities: Arc<[(u32, EntityKind, u32)]>,
}

/// A tag and its briefs.
#[derive(Clone, Debug, Serialize)]
pub struct Tag {
    pub name: String,
    pub slug: String,
    /// Brief indices, newest first.
    pub briefs: Vec<usize>,
}

/// The assembled site.
#[derive(Debug)]
pub struct Site {
    /// Newest first.
    pub briefs: Vec<Brief>,
    /// The indexes are shared, so that the dev server can keep an index an edit
    /// leaves alone (see [`assemble_with`]).
    pub timeline: Arc<Timeline>,
    pub entities: Arc<EntityIndex>,
    /// Sorted by name.
    pub tags: Arc<Vec<Tag>>,
    /// What each brief gives each index, in brief order (see [`IndexInputs`]); empty
    /// in a site assembled once, with no site to follow it (`dateline build`).
    pub inputs: Vec<IndexInputs>,
    /// Files of `content/` that belong to no article: (file, path under the output).
    pub files: Vec<(std::path::PathBuf, String)>,
}

impl Brief {
    /// Makes a brief of an article and its facts, placed by the permalink pattern.
    pub fn new(
        article: impl Into<Arc<Article>>,
        facts: impl Into<Arc<Facts>>,
        config: &Config,
        tz: Tz,
    ) -> Brief {
        Brief::with_event_entities(article, facts, config, tz, None)
    }

    /// Like [`Brief::new`], with the [`event_entities`] of the article when known
    /// (the build cache keeps them: finding them is a third of making a brief).
    pub fn with_event_entities(
        article: impl Into<Arc<Article>>,
        facts: impl Into<Arc<Facts>>,
        config: &Config,
        tz: Tz,
        known: Option<Vec<(u32, EntityKind, u32)>>,
    ) -> Brief {
        let (article, facts) = (article.into(), facts.into());
        let permalink = permalink::permalink(&config.permalink, &article.date, tz, &article.slug);
        // Markdown's plain view leaves runs of spaces where markup was.
        let collapse = |s: &str| {
            let joined = s.split_whitespace().collect::<Vec<_>>().join(" ");
            // `**Tuesday**.` leaves `Tuesday .` in the plain view.
            let mut out = String::with_capacity(joined.len());
            for (i, c) in joined.char_indices() {
                let next = joined[i + c.len_utf8()..].chars().next();
                if c == ' ' && matches!(next, Some('.' | ',' | ';' | ':' | '!' | '?' | ')')) {
                    continue;
                }
                out.push(c);
            }
            out
        };
        let summary = match &article.description {
            Some(d) => collapse(d),
            None if !facts.summary.trim().is_empty() => collapse(&facts.summary),
            None => article.title.clone(),
        };
        let day = article.date.with_timezone(&tz).date_naive();
        let words = word_count(&article.body);
        let event_entities = known
            .unwrap_or_else(|| event_entities(&article.body, &facts))
            .into();
        let extracted_summary = !facts.summary.trim().is_empty();
        Brief {
            article,
            facts,
            permalink,
            day,
            summary: summary.into(),
            extracted_summary,
            words,
            event_entities,
        }
    }
}

/// How many words `text` has, as `split_whitespace` counts them, byte by byte: this
/// runs over every body at every build, and almost every body has a curly quote or
/// a dash (`split_whitespace` decodes every character; this decodes a few).
pub fn word_count(text: &str) -> usize {
    const LO: u64 = u64::from_ne_bytes([0x01; 8]);
    const HI: u64 = u64::from_ne_bytes([0x80; 8]);
    let bytes = text.as_bytes();
    let mut words = 0;
    // Whether the byte before is white space (true at the start).
    let mut after_space = true;
    let mut chunks = bytes.chunks_exact(8);
    let mut at = 0;
    for chunk in &mut chunks {
        let x = u64::from_le_bytes(chunk.try_into().expect("8 bytes"));
        if x & HI == 0 {
            // Eight ASCII bytes at once: each byte's top bit says whether it is
            // white space (no sum below carries into the next byte: all are < 0x80).
            let not_space_char = ((x ^ (LO * 0x20)) + LO * 0x7F) & HI; // not ' '
            let from_tab = (x + LO * (0x80 - 0x09)) & HI; // >= \t
            let past_cr = (x + LO * (0x80 - 0x0E)) & HI; // >= \x0E
            let space = !not_space_char & HI | from_tab & !past_cr;
            // A word starts at each byte that is not space after one that is.
            let before = space << 8 | u64::from(after_space) << 7;
            words += (!space & HI & before).count_ones() as usize;
            after_space = space >> 63 != 0;
        } else {
            after_space = count_bytes(text, at, chunk, after_space, &mut words);
        }
        at += 8;
    }
    count_bytes(text, at, chunks.remainder(), after_space, &mut words);
    words
}

/// [`word_count`] over `bytes`, which start at `at` in `text`; returns whether the
/// last character was white space.
fn count_bytes(
    text: &str,
    at: usize,
    bytes: &[u8],
    mut after_space: bool,
    words: &mut usize,
) -> bool {
    for (i, &b) in bytes.iter().enumerate() {
        let space = match b {
            // `char::is_whitespace` on ASCII: space, and \t \n \x0B \x0C \r.
            0..0x80 => b == b' ' || (b'\t'..=b'\r').contains(&b),
            // A continuation byte: its character was classed at its first byte.
            0x80..0xC0 => continue,
            // The first bytes of the characters beyond ASCII that are white space
            // (U+0085, U+00A0, U+1680, U+2000–U+200A, U+2028, U+2029, U+202F, U+205F,
            // U+3000): only those are decoded.
            0xC2 | 0xE1 | 0xE2 | 0xE3 => text[at + i..]
                .chars()
                .next()
                .is_some_and(char::is_whitespace),
            _ => false,
        };
        *words += usize::from(!space && after_space);
        after_space = space;
    }
    after_space
}

impl Brief {
    /// Lets go of the article body once the facts are extracted: a build needs it
    /// again only to render the brief page (read again from the file), and bodies
    /// are most of an archive's memory. So too the facts' title and summary, which
    /// no page reads: the article has the title, the brief its summary.
    pub fn release_body(&mut self) {
        if let Some(a) = Arc::get_mut(&mut self.article) {
            a.body = String::new();
            a.body_released = true;
        }
        if let Some(f) = Arc::get_mut(&mut self.facts) {
            f.title = String::new();
            f.summary = String::new();
        }
    }
}

/// Orders the briefs, checks that no two share a permalink, and builds the indexes.
pub fn assemble(briefs: Vec<Brief>) -> Result<Site, Vec<SourceError>> {
    assemble_with(briefs, None, false)
}

/// What one brief gives each site index: a digest of exactly the fields that
/// [`timeline::build`], [`entities::build`] and [`build_tags`] read of it, with the
/// brief's file and permalink (its place in the brief order).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct IndexInputs {
    pub place: u128,
    pub timeline: u128,
    pub entities: u128,
    pub tags: u128,
}

impl IndexInputs {
    /// The inputs of brief `b`.
    pub fn of(b: &Brief) -> IndexInputs {
        use std::hash::{Hash, Hasher};
        use xxhash_rust::xxh3::Xxh3;
        let finish = |h: Xxh3| h.digest128();
        let f = &b.facts;
        let mut place = Xxh3::new();
        b.article.path.hash(&mut place);
        b.permalink.hash(&mut place);
        // timeline::build: the day, and each event's date and summary in order (a
        // telling is the event's place in the facts).
        let mut timeline = Xxh3::new();
        b.day.hash(&mut timeline);
        for e in &f.events {
            (e.date, e.summary).hash(&mut timeline);
        }
        // entities::build: the day, every entity with its aliases, roles and
        // mentions, the quotes whose speaker is one of them (by index), the events
        // naming them and those events' dates.
        let mut entities = Xxh3::new();
        b.day.hash(&mut entities);
        for p in &f.people {
            (&p.name, &p.aliases, &p.roles, p.mentions).hash(&mut entities);
        }
        entities.write_u8(0);
        for list in [&f.places, &f.organizations] {
            for e in list {
                (&e.name, &e.aliases, e.mentions).hash(&mut entities);
            }
            entities.write_u8(0);
        }
        let named = |s: &str| {
            f.people.iter().any(|p| p.name == s)
                || f.places.iter().any(|p| p.name == s)
                || f.organizations.iter().any(|p| p.name == s)
        };
        for (qi, q) in f.quotes.iter().enumerate() {
            if let Some(s) = q.speaker.filter(|s| named(s)) {
                (qi, s).hash(&mut entities);
            }
        }
        entities.write_u8(0);
        for &(event, kind, idx) in b.event_entities.iter() {
            (event, kind, idx).hash(&mut entities);
            f.events
                .get(event as usize)
                .map(|e| e.date)
                .hash(&mut entities);
        }
        // build_tags: the tags.
        let mut tags = Xxh3::new();
        b.article.tags.hash(&mut tags);
        IndexInputs {
            place: finish(place),
            timeline: finish(timeline),
            entities: finish(entities),
            tags: finish(tags),
        }
    }
}

/// How many changed briefs an index is patched for at most; past it, it is built.
const PATCH_LIMIT: usize = 16;

/// Like [`assemble`]; with the `previous` site of the same articles, each index
/// whose inputs are all unchanged (same briefs in the same places, each giving it
/// the same) is shared with it instead of built again: the dev server's edit of a
/// sentence that names no one rebuilds none. When a few briefs in their places give
/// an index something new (at most [`PATCH_LIMIT`]), the timeline is patched for
/// them, and so is the entity index when both sites are `patchable` (its patch
/// needs tables a one-off build does without: the dev server's sites are).
pub fn assemble_with(
    briefs: Vec<Brief>,
    previous: Option<&Site>,
    patchable: bool,
) -> Result<Site, Vec<SourceError>> {
    // Sorted by keys read once: comparing briefs reads each one's article behind
    // its pointer, a cache miss per comparison (8 ms for 10,000 briefs, at every
    // dev-server rebuild).
    type Newest = std::cmp::Reverse<(i64, u32)>;
    let mut keys: Vec<(Newest, &str, usize)> = briefs
        .iter()
        .enumerate()
        .map(|(i, b)| {
            let date = &b.article.date;
            let instant = (date.timestamp(), date.timestamp_subsec_nanos());
            (std::cmp::Reverse(instant), b.permalink.as_str(), i)
        })
        .collect();
    keys.sort_unstable();
    let order: Vec<usize> = keys.into_iter().map(|(_, _, i)| i).collect();
    let mut slots: Vec<Option<Brief>> = briefs.into_iter().map(Some).collect();
    let mut briefs: Vec<Brief> = order.into_iter().filter_map(|i| slots[i].take()).collect();
    disambiguate_wire_slugs(&mut briefs);
    check_permalinks(&briefs)?;
    // A brief sharing its article and facts with the previous site's brief in the
    // same place gives what it gave then. A one-off build (no previous site, none
    // to follow) needs none.
    let inputs: Vec<IndexInputs> = if previous.is_none() && !patchable {
        Vec::new()
    } else {
        use rayon::prelude::*;
        briefs
            .par_iter()
            .enumerate()
            .map(|(i, b)| {
                let old = previous.and_then(|p| Some((p.briefs.get(i)?, p.inputs.get(i)?)));
                match old {
                    Some((o, inputs))
                        if Arc::ptr_eq(&o.article, &b.article)
                            && Arc::ptr_eq(&o.facts, &b.facts)
                            && o.permalink == b.permalink =>
                    {
                        *inputs
                    }
                    _ => IndexInputs::of(b),
                }
            })
            .collect()
    };
    let same = |part: fn(&IndexInputs) -> u128| -> bool {
        previous.is_some_and(|p| {
            p.inputs.len() == inputs.len()
                && p.inputs
                    .iter()
                    .zip(&inputs)
                    .all(|(a, b)| a.place == b.place && part(a) == part(b))
        })
    };
    let keep_timeline = same(|i| i.timeline).then(|| previous.map(|p| p.timeline.clone()));
    let keep_entities = same(|i| i.entities).then(|| previous.map(|p| p.entities.clone()));
    let keep_tags = same(|i| i.tags).then(|| previous.map(|p| p.tags.clone()));
    // A few briefs in their places giving an index something new: the dev server's
    // edit. The index is patched for them.
    let changed = |part: fn(&IndexInputs) -> u128| -> Option<(&Site, Vec<usize>)> {
        let p = previous?;
        if p.inputs.len() != inputs.len() {
            return None;
        }
        let mut changed = Vec::new();
        for (i, (a, b)) in p.inputs.iter().zip(&inputs).enumerate() {
            if a.place != b.place {
                return None;
            }
            if part(a) != part(b) {
                changed.push(i);
                if changed.len() > PATCH_LIMIT {
                    return None;
                }
            }
        }
        Some((p, changed))
    };
    let patch_timeline = || -> Option<Timeline> {
        let (p, changed) = changed(|i| i.timeline)?;
        timeline::patch(&p.timeline, &p.briefs, &briefs, &changed)
    };
    let patch_entities = || -> Option<EntityIndex> {
        let (p, changed) = changed(|i| i.entities)?;
        entities::patch(&p.entities, &p.briefs, &briefs, &changed)
    };
    let build_entities = || {
        if patchable {
            entities::build_patchable(&briefs)
        } else {
            entities::build(&briefs)
        }
    };
    let ((timeline, tags), entities) = rayon::join(
        || {
            (
                keep_timeline.flatten().unwrap_or_else(|| {
                    Arc::new(patch_timeline().unwrap_or_else(|| timeline::build(&briefs)))
                }),
                keep_tags
                    .flatten()
                    .unwrap_or_else(|| Arc::new(build_tags(&briefs))),
            )
        },
        || {
            keep_entities.flatten().unwrap_or_else(|| {
                Arc::new(
                    patchable
                        .then(patch_entities)
                        .flatten()
                        .unwrap_or_else(build_entities),
                )
            })
        },
    );
    Ok(Site {
        briefs,
        timeline,
        entities,
        tags,
        inputs,
        files: Vec::new(),
    })
}

/// Wire feeds resend stories under the same headline; a wire article whose
/// headline-made permalink is taken gets `-2`, `-3`, … (in path order, so builds
/// are stable). Chosen slugs and file names are never changed: those collisions are
/// errors for the editor to settle.
fn disambiguate_wire_slugs(briefs: &mut [Brief]) {
    use std::borrow::Cow;
    let is_wire = |b: &Brief| matches!(b.article.format, crate::content::Format::Wire { .. });
    // Only wire articles' order matters (and paths compare slowly: sort just them).
    let mut order: Vec<usize> = (0..briefs.len()).filter(|&i| is_wire(&briefs[i])).collect();
    // Nothing to do unless two permalinks meet (then every wire brief is settled,
    // in path order, as a later one may take a number an earlier one would).
    let clash = {
        let mut seen: FastMap<&str, ()> =
            FastMap::with_capacity_and_hasher(briefs.len(), Default::default());
        briefs
            .iter()
            .any(|b| seen.insert(b.permalink.as_str(), ()).is_some())
    };
    if order.is_empty() || !clash {
        return;
    }
    order.sort_by(|&a, &b| briefs[a].article.path.cmp(&briefs[b].article.path));
    // Permalinks borrowed, not copied: this runs at every dev-server rebuild.
    let mut renamed: Vec<(usize, String, String)> = Vec::new();
    {
        let mut taken: FastMap<Cow<'_, str>, usize> =
            FastMap::with_capacity_and_hasher(briefs.len(), Default::default());
        for b in briefs.iter().filter(|b| !is_wire(b)) {
            taken.insert(Cow::Borrowed(b.permalink.as_str()), 1);
        }
        for &i in &order {
            let b = &briefs[i];
            let mut n = *taken.get(b.permalink.as_str()).unwrap_or(&0);
            if n == 0 {
                taken.insert(Cow::Borrowed(b.permalink.as_str()), 1);
                continue;
            }
            let slug = &b.article.slug;
            let segment = format!("/{slug}/");
            let Some(at) = b.permalink.rfind(&segment) else {
                continue;
            };
            let (new_slug, new_link) = loop {
                n += 1;
                let new_slug = format!("{slug}-{n}");
                let link = format!(
                    "{}/{new_slug}/{}",
                    &b.permalink[..at],
                    &b.permalink[at + segment.len()..]
                );
                if !taken.contains_key(link.as_str()) {
                    break (new_slug, link);
                }
            };
            taken.insert(Cow::Borrowed(b.permalink.as_str()), n);
            taken.insert(Cow::Owned(new_link.clone()), 1);
            renamed.push((i, new_slug, new_link));
        }
    }
    for (i, new_slug, new_link) in renamed {
        let b = &mut briefs[i];
        Arc::make_mut(&mut b.article).slug = new_slug;
        b.permalink = new_link;
    }
}

/// Two briefs at one URL would overwrite each other: refuse, naming both files.
fn check_permalinks(briefs: &[Brief]) -> Result<(), Vec<SourceError>> {
    let mut seen: FastMap<&str, usize> =
        FastMap::with_capacity_and_hasher(briefs.len(), Default::default());
    let mut errors = Vec::new();
    for (i, b) in briefs.iter().enumerate() {
        if let Some(&j) = seen.get(b.permalink.as_str()) {
            let (first, second) = if briefs[j].article.path <= b.article.path {
                (j, i)
            } else {
                (i, j)
            };
            errors.push(SourceError::new(
                &briefs[second].article.path,
                None,
                format!(
                    "duplicate permalink {}: `{}` has it too (give one of them another `slug`)",
                    b.permalink,
                    briefs[first].article.path.display()
                ),
            ));
        } else {
            seen.insert(&b.permalink, i);
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}

fn build_tags(briefs: &[Brief]) -> Vec<Tag> {
    let mut by_slug: BTreeMap<String, Tag> = BTreeMap::new();
    for (i, b) in briefs.iter().enumerate() {
        for name in &b.article.tags {
            let slug = slug::slugify(name);
            if slug.is_empty() {
                continue;
            }
            let tag = by_slug.entry(slug.clone()).or_insert_with(|| Tag {
                name: name.clone(),
                slug,
                briefs: Vec::new(),
            });
            if tag.briefs.last() != Some(&i) {
                tag.briefs.push(i);
            }
        }
    }
    let mut tags: Vec<Tag> = by_slug.into_values().collect();
    tags.sort_by_key(|t| t.name.to_lowercase());
    tags
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::content::{Article, Format};
    use std::path::PathBuf;

    /// A brief for tests: markdown article at `path`, dated `date` (RFC 3339).
    pub fn brief(path: &str, date: &str, slug: &str, tags: &[&str]) -> Brief {
        let article = Article {
            path: PathBuf::from(path),
            format: Format::Markdown,
            title: format!("Title of {slug}"),
            date: chrono::DateTime::parse_from_rfc3339(date).unwrap(),
            updated: None,
            slug: slug.to_string(),
            description: None,
            authors: vec![],
            tags: tags.iter().map(|t| t.to_string()).collect(),
            source: None,
            location: None,
            draft: false,
            image: None,
            extra: serde_json::Value::Null,
            body: String::new(),
            assets: vec![],
            hash: 0,
            body_line: 1,
            body_released: false,
            body_start: None,
            dated_by_file_name: false,
        };
        Brief::new(
            article,
            Facts::default(),
            &Config::default(),
            chrono_tz::UTC,
        )
    }

    #[test]
    fn word_count_is_split_whitespace_count() {
        for text in [
            "",
            " ",
            "one",
            "  two words  ",
            "tab\tnew\nline\rcr\x0bvt\x0cff end",
            "a\x1fb",
            "non-ASCII: café\u{a0}déjà vu\u{2003}ok",
            "ends with space ",
            "nel\u{85}nbsp\u{a0}ogham\u{1680}ideo\u{3000}mmsp\u{205f}ls\u{2028}x",
            "“quoted” – dash… €5 ‘x’ \u{200b}zero-width \u{202f}narrow",
        ] {
            assert_eq!(
                word_count(text),
                text.split_whitespace().count(),
                "{text:?}"
            );
        }
    }

    #[test]
    fn word_count_agrees_on_every_character() {
        // Each character in short texts (byte by byte) and at every offset of an
        // eight-byte chunk in a long one, among ASCII chunks (read eight at a time).
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            for text in [
                format!("a{c}b"),
                format!("{c}a {c}"),
                format!(" {c}{c}"),
                format!("{c}ab{c} xyz{c}{c}w pq r\t{c}stuvw {c}abcdefgh{c}"),
            ] {
                assert_eq!(word_count(&text), text.split_whitespace().count(), "{c:?}");
            }
        }
    }

    #[test]
    fn word_count_agrees_on_every_pair_of_ascii_bytes() {
        for a in 0..0x80u8 {
            for b in 0..0x80u8 {
                for pad in 0..9 {
                    let mut text = "w ".repeat(pad);
                    text.push(char::from(a));
                    text.push(char::from(b));
                    text.push_str(" tail\x0bof\x0c\r\nsixteen bytes");
                    assert_eq!(
                        word_count(&text),
                        text.split_whitespace().count(),
                        "{text:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn briefs_are_ordered_newest_first() {
        let site = assemble(vec![
            brief("a.md", "2023-01-01T00:00:00Z", "a", &[]),
            brief("b.md", "2023-02-01T00:00:00Z", "b", &[]),
        ])
        .unwrap();
        assert_eq!(site.briefs[0].article.slug, "b");
    }

    #[test]
    fn duplicate_permalinks_name_both_files() {
        let errs = assemble(vec![
            brief("content/a.md", "2023-01-01T10:00:00Z", "same", &[]),
            brief("content/b.md", "2023-01-01T12:00:00Z", "same", &[]),
        ])
        .unwrap_err();
        assert_eq!(errs.len(), 1);
        let msg = errs[0].to_string();
        assert!(
            msg.starts_with("content/b.md: duplicate permalink /2023/01/01/same/"),
            "{msg}"
        );
        assert!(msg.contains("content/a.md"), "{msg}");
    }

    #[test]
    fn repeated_wire_headlines_get_numbered_slugs() {
        let wire = |path: &str| {
            let mut b = brief(path, "2023-01-01T10:00:00Z", "talks-resume", &[]);
            Arc::make_mut(&mut b.article).format =
                crate::content::Format::Wire { headline: [0, 0] };
            b
        };
        let site = assemble(vec![
            wire("content/b.txt"),
            wire("content/a.txt"),
            wire("content/c.txt"),
        ])
        .unwrap();
        let mut links: Vec<(&str, &str)> = site
            .briefs
            .iter()
            .map(|b| (b.article.path.to_str().unwrap(), b.permalink.as_str()))
            .collect();
        links.sort();
        assert_eq!(
            links,
            [
                ("content/a.txt", "/2023/01/01/talks-resume/"),
                ("content/b.txt", "/2023/01/01/talks-resume-2/"),
                ("content/c.txt", "/2023/01/01/talks-resume-3/"),
            ]
        );
    }

    #[test]
    fn tags_merge_by_slug() {
        let site = assemble(vec![
            brief("a.md", "2023-01-01T00:00:00Z", "a", &["Iraq", "Defense"]),
            brief("b.md", "2023-02-01T00:00:00Z", "b", &["iraq"]),
        ])
        .unwrap();
        let names: Vec<_> = site
            .tags
            .iter()
            .map(|t| (t.slug.as_str(), t.briefs.len()))
            .collect();
        assert_eq!(names, [("defense", 1), ("iraq", 2)]);
    }

    fn with_person(mut b: Brief, name: &str, mentions: u32) -> Brief {
        Arc::make_mut(&mut b.facts)
            .people
            .push(crate::extract::Person {
                name: name.into(),
                mentions,
                ..Default::default()
            });
        b
    }

    fn three() -> Vec<Brief> {
        vec![
            with_person(
                brief("a.md", "2023-03-07T09:00:00Z", "a", &["iraq"]),
                "Lloyd Austin",
                2,
            ),
            with_person(
                brief("b.md", "2023-03-08T09:00:00Z", "b", &[]),
                "Lloyd Austin",
                1,
            ),
            brief("c.md", "2023-03-09T09:00:00Z", "c", &["defense"]),
        ]
    }

    #[test]
    fn indexes_an_edit_leaves_alone_are_kept_and_others_rebuilt() {
        let before = assemble_with(three(), None, true).unwrap();
        // A new quote by no one the brief names, and a new summary: no index reads them.
        let mut briefs = three();
        let f = Arc::make_mut(&mut briefs[1].facts);
        f.summary = "Changed.".into();
        let mut quotes = f.quotes.to_vec();
        quotes.push(crate::extract::Quote {
            text: "It goes on.".into(),
            speaker: Some("Officials".into()),
            ..Default::default()
        });
        f.quotes = quotes.into();
        let after = assemble_with(briefs, Some(&before), true).unwrap();
        assert!(Arc::ptr_eq(&after.entities, &before.entities));
        assert!(Arc::ptr_eq(&after.timeline, &before.timeline));
        assert!(Arc::ptr_eq(&after.tags, &before.tags));
        // More mentions of a person: the entity index is patched, and equals a fresh one.
        let mut briefs = three();
        briefs[1] = with_person(
            brief("b.md", "2023-03-08T09:00:00Z", "b", &[]),
            "Lloyd Austin",
            5,
        );
        let fresh = assemble_with(briefs.clone(), None, true).unwrap();
        let after = assemble_with(briefs, Some(&before), true).unwrap();
        assert!(!Arc::ptr_eq(&after.entities, &before.entities));
        let pages = |e: &EntityIndex| format!("{:?}", (&e.people, &e.places, &e.organizations));
        assert_eq!(pages(&after.entities), pages(&fresh.entities));
        assert!(after.entities.renamed_briefs(&before.entities).is_some());
        assert_eq!(after.entities.people[0].mentions, 7);
        assert!(Arc::ptr_eq(&after.tags, &before.tags));
        // A tag added, a brief removed: rebuilt.
        let mut briefs = three();
        briefs[2] = brief("c.md", "2023-03-09T09:00:00Z", "c", &["defense", "navy"]);
        let after = assemble_with(briefs, Some(&before), true).unwrap();
        assert!(!Arc::ptr_eq(&after.tags, &before.tags));
        assert_eq!(after.tags.len(), 3);
        let after = assemble_with(three()[..2].to_vec(), Some(&before), true).unwrap();
        assert!(!Arc::ptr_eq(&after.entities, &before.entities));
        assert_eq!(after.briefs.len(), 2);
    }
}
