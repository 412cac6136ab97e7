//! Key facts from news text: who, where, which organisations, the figures, the quotes
//! and who said them, the time expressions and the dated events.
//!
//! Everything here is a pure function of the text, the article date and the
//! [`Knowledge`] (built-in gazetteers plus a site's `data/entities.toml`): no I/O, no
//! global state, so articles are extracted in parallel. All positions are byte spans
//! into the text handed in, so templates and tools can point back into the article.
//!
//! The stages run in order, each seeing what the earlier ones found:
//! segmentation → metadata (dateline, byline, summary) → time → entities → figures →
//! quotes → events.

pub mod entities;
pub mod events;
pub mod figures;
pub mod knowledge;
pub mod meta;
pub mod packed;
pub mod quotes;
pub mod segment;
pub mod time;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

pub use knowledge::Knowledge;
pub use packed::{EventStr, FigureStr, Packed, QuoteStr, share};

/// Bumped whenever extraction output may change; part of the build cache key.
pub const EXTRACTOR_VERSION: u32 = 1;

/// A byte range `[start, end)` into the extracted text.
pub type Span = [usize; 2];

/// What extraction reads: the body text and what is known of the article around it.
#[derive(Clone, Copy, Debug)]
pub struct Document<'a> {
    /// The headline, when the article has one apart from the body.
    pub title: Option<&'a str>,
    /// The text facts are extracted from; every span points into it.
    pub body: &'a str,
    /// The article date (the document creation time), anchor of relative dates.
    pub date: Option<NaiveDate>,
}

/// The facts of one article, as printed by `dateline facts --json`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Facts {
    pub title: String,
    /// `YYYY-MM-DD`, the article date.
    pub date: Option<String>,
    pub summary: String,
    /// The place of the dateline (`BAGHDAD`), if the text has one.
    pub dateline: Option<String>,
    /// The byline (`Jane Doe`), if the text has one.
    pub byline: Option<String>,
    pub people: Vec<Person>,
    pub places: Vec<Entity>,
    pub organizations: Vec<Entity>,
    pub figures: Packed<Figure>,
    pub quotes: Packed<Quote>,
    pub timexes: Vec<Timex>,
    pub events: Packed<Event>,
}

/// A person named in the article.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Person {
    /// Canonical name: the longest full form, without titles.
    pub name: String,
    /// Titles and roles (`Defense Secretary`).
    pub roles: Vec<String>,
    /// Every other form used for the person (`Austin`).
    pub aliases: Vec<String>,
    /// How many times the person is mentioned.
    pub mentions: u32,
}

/// A place or an organisation named in the article.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    pub name: String,
    pub aliases: Vec<String>,
    pub mentions: u32,
}

/// A number in the text with what it counts.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Figure {
    /// The numeric value, where the figure has one (`2500`, `5000000`, `0.035`).
    pub value: Option<f64>,
    /// The figure in context (`2,500 troops in Iraq`).
    pub text: String,
    /// What is counted (`troops`, `percent`, `USD`).
    pub unit: Option<String>,
    pub span: Span,
}

/// A quotation, direct or reported.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    /// The quoted words, without quotation marks.
    pub text: String,
    /// The canonical name of the speaker, if resolved.
    pub speaker: Option<String>,
    /// True for reported speech (`He said these forces ...`).
    pub indirect: bool,
    /// Span of the quoted words.
    pub span: Span,
}

/// A TimeML TIMEX3 time expression.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Timex {
    pub text: String,
    /// `DATE`, `TIME`, `DURATION` or `SET`.
    #[serde(rename = "type")]
    pub kind: TimexKind,
    /// Normalised value: `2023-03-07`, `2014`, `2023-W10`, `P3Y`, `PAST_REF`, ...
    pub value: String,
    /// `START`, `END`, `APPROX`, ... when the expression is modified.
    #[serde(rename = "mod")]
    pub modifier: Option<String>,
    pub span: Span,
}

/// TIMEX3 types.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum TimexKind {
    #[default]
    Date,
    Time,
    Duration,
    Set,
}

/// A dated statement: one entry of a timeline.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// TIMEX3 date value (`2014`, `2023-03-07`, `2017-12`).
    pub date: String,
    /// A short summary of what happened.
    pub summary: String,
    /// Span of the sentence the event comes from.
    pub span: Span,
}

/// Extracts the facts of one document.
///
/// Pure and deterministic: the same document and knowledge give the same facts.
pub fn extract_facts(doc: &Document<'_>, kb: &Knowledge) -> Facts {
    let text = doc.body;
    let sentences = segment::sentences(text);
    let meta = meta::find_meta(text, &sentences);
    let timexes = time::find_timexes(text, &sentences, doc.date);
    let tokens = segment::SentenceTokens::new(text, &sentences);
    let found = entities::find_entities_in(text, &tokens, kb);
    let figures = figures::find_figures_in(text, &sentences, &tokens);
    let quotes = quotes::find_quotes_in(text, &sentences, &tokens, &found);
    let events = events::find_events(text, &sentences, &timexes, &quotes, doc.date);
    Facts {
        title: doc.title.map(str::to_string).unwrap_or_default(),
        date: doc.date.map(|d| d.format("%Y-%m-%d").to_string()),
        summary: meta.summary,
        dateline: meta.dateline,
        byline: meta.byline,
        people: found.people,
        places: found.places,
        organizations: found.organizations,
        figures: figures.into(),
        quotes: quotes.into(),
        timexes,
        events: events.into(),
    }
}

/// Where `needle` (not empty) first occurs in `hay`, as `str::find` would say: at each
/// place of its first byte (`memchr`), a compare. Sentences are short and the
/// needles many (names, separators, strings already placed): `str::find` sets up a
/// searcher for each.
pub fn find_bytes(hay: &[u8], needle: &[u8]) -> Option<usize> {
    let (&first, rest) = needle.split_first()?;
    memchr::memchr_iter(first, hay).find(|&i| hay[i + 1..].starts_with(rest))
}

#[cfg(test)]
mod tests {
    use super::find_bytes;

    #[test]
    fn find_bytes_finds_as_str_find_does() {
        let hays = [
            "",
            "Austin met al-Sudani in Baghdad on 7 March 2023.",
            "AUSTIN, Texas — the U.S. Defense Department’s Austin said",
            "aaaab ababab café Zoë Zo Ë",
        ];
        let needles = [
            "",
            "A",
            "Austin",
            "austin",
            "al-Sudani",
            "Baghdad.",
            "2023.",
            "Texas —",
            "U.S.",
            "’s",
            "aab",
            "abab",
            "bababab",
            "café Z",
            "é",
            "Zoë",
            "Ë",
            "x",
            "said",
            "said ",
        ];
        for hay in hays {
            for needle in needles {
                assert_eq!(
                    find_bytes(hay.as_bytes(), needle.as_bytes()),
                    hay.find(needle).filter(|_| !needle.is_empty()),
                    "{needle:?} in {hay:?}"
                );
            }
        }
    }

    #[test]
    fn find_is_the_first_occurrence() {
        for (hay, needle) in [
            ("the dam would cost", "dam"),
            ("aaab", "aab"),
            ("€2.5bn, €2.5bn", "€2.5bn"),
            ("Zürich said", "rich"),
            ("short", "longer than it"),
            ("abc", "abc"),
            ("abc", "abd"),
            ("", "a"),
        ] {
            assert_eq!(
                find_bytes(hay.as_bytes(), needle.as_bytes()),
                hay.find(needle),
                "{hay} {needle}"
            );
        }
        assert_eq!(find_bytes(b"abc", b""), None);
    }
}
