//! Closed word classes the entity rules look at: the words that make a capitalised
//! sequence an organisation or a place, the verbs that make it a speaker, the lowercase
//! particles that may sit inside a name.
//!
//! These are small, closed and language-level (not lists of entities), so they live in
//! code (sorted, to keep them readable and free of duplicates) and are gathered into one
//! immutable hash map on first use; the open-ended lists are gazetteer files (see
//! [`crate::extract::knowledge`]).

use std::sync::LazyLock;

use crate::extract::knowledge::WordTable;

/// Last (or any) words of organisation names: `Ministry of Oil`, `Acme Corp`.
const ORG_WORDS: &[&str] = &[
    "ab",
    "academy",
    "administration",
    "ag",
    "agency",
    "airlines",
    "airways",
    "albion",
    "alliance",
    "army",
    "asa",
    "assembly",
    "associates",
    "association",
    "athletic",
    "authority",
    "bancorp",
    "bancshares",
    "bank",
    "battalion",
    "bhd",
    "board",
    "brigade",
    "brigades",
    "brothers",
    "bureau",
    "bv",
    "cabinet",
    "capital",
    "cartel",
    "center",
    "centre",
    "chamber",
    "church",
    "club",
    "co",
    "co.",
    "coalition",
    "college",
    "command",
    "commission",
    "committee",
    "communications",
    "company",
    "confederation",
    "conference",
    "congress",
    "conservatives",
    "consortium",
    "corp",
    "corp.",
    "corporation",
    "council",
    "court",
    "daily",
    "democrats",
    "department",
    "desk",
    "directorate",
    "division",
    "electric",
    "enterprises",
    "exchange",
    "fc",
    "federation",
    "financial",
    "force",
    "forces",
    "foundation",
    "front",
    "fund",
    "gazette",
    "gmbh",
    "government",
    "greens",
    "group",
    "guard",
    "herald",
    "holdings",
    "hospital",
    "hotspur",
    "inc",
    "inc.",
    "industries",
    "institute",
    "institution",
    "insurance",
    "international",
    "journal",
    "league",
    "liberals",
    "llc",
    "lp",
    "ltd",
    "ltd.",
    "marines",
    "media",
    "militia",
    "ministry",
    "motors",
    "movement",
    "n.v.",
    "navy",
    "network",
    "news",
    "newsroom",
    "nv",
    "office",
    "organisation",
    "organization",
    "oyj",
    "parliament",
    "partners",
    "party",
    "pharmaceuticals",
    "plc",
    "police",
    "post",
    "press",
    "pt",
    "radio",
    "railway",
    "railways",
    "rangers",
    "regiment",
    "republicans",
    "research",
    "reserve",
    "rovers",
    "s.a.",
    "sa",
    "school",
    "securities",
    "senate",
    "service",
    "services",
    "socialists",
    "society",
    "spa",
    "systems",
    "tbk",
    "technologies",
    "telecom",
    "telegraph",
    "television",
    "times",
    "tribune",
    "trust",
    "tv",
    "union",
    "united",
    "university",
    "wanderers",
    "zeitung",
];

/// Last words of place names: `Tigris River`, `Green Zone`.
const PLACE_WORDS: &[&str] = &[
    "airport",
    "arena",
    "avenue",
    "base",
    "basin",
    "bay",
    "beach",
    "boulevard",
    "bridge",
    "camp",
    "canal",
    "canyon",
    "cape",
    "circuit",
    "coast",
    "county",
    "creek",
    "desert",
    "district",
    "estadio",
    "estádio",
    "falls",
    "field",
    "fort",
    "gare",
    "gulf",
    "harbor",
    "harbour",
    "heights",
    "highlands",
    "hills",
    "hotel",
    "island",
    "islands",
    "lake",
    "mine",
    "motel",
    "mount",
    "mountain",
    "mountains",
    "ocean",
    "oval",
    "palace",
    "park",
    "peninsula",
    "plain",
    "plains",
    "plaza",
    "port",
    "prison",
    "province",
    "racecourse",
    "refinery",
    "region",
    "river",
    "road",
    "sea",
    "square",
    "stadium",
    "station",
    "strait",
    "street",
    "valley",
    "zone",
];

/// Last words of names of events, contests, laws and things, which CoNLL calls MISC:
/// `World Cup`, `Gulf War`, `Clean Air Act`.
const EVENT_WORDS: &[&str] = &[
    "accord",
    "accords",
    "act",
    "agreement",
    "award",
    "awards",
    "bowl",
    "championship",
    "championships",
    "classic",
    "cup",
    "day",
    "debate",
    "debates",
    "derby",
    "doctrine",
    "festival",
    "final",
    "finals",
    "games",
    "index",
    "marathon",
    "masters",
    "medal",
    "olympics",
    "open",
    "plan",
    "prix",
    "prize",
    "protocol",
    "receipts",
    "series",
    "stakes",
    "summit",
    "test",
    "tour",
    "tournament",
    "treaty",
    "trophy",
    "war",
    "week",
];

/// Words next to a team's name in sports reports: `Leeds beat Chelsea`.
const SPORTS_VERBS: &[&str] = &[
    "beat",
    "beats",
    "blanked",
    "crushed",
    "defeated",
    "downed",
    "drew",
    "edged",
    "hammered",
    "outlasted",
    "routed",
    "swept",
    "thrashed",
    "tied",
    "trounced",
    "v",
    "versus",
    "vs",
    "whipped",
];

/// Verbs of saying that make the name before or after them a speaker.
const REPORTING_VERBS: &[&str] = &[
    "acknowledged",
    "added",
    "admitted",
    "announced",
    "argued",
    "asked",
    "asserted",
    "believes",
    "claimed",
    "commented",
    "conceded",
    "concluded",
    "confirmed",
    "contends",
    "declared",
    "denied",
    "explained",
    "insisted",
    "noted",
    "predicted",
    "recalled",
    "remarked",
    "replied",
    "reported",
    "responded",
    "said",
    "says",
    "stated",
    "stressed",
    "suggested",
    "tells",
    "told",
    "tweeted",
    "urged",
    "warned",
    "wrote",
];

/// Lowercase particles inside personal names (`Ibn Saud`, `Ludwig van Beethoven`).
const NAME_PARTICLES: &[&str] = &[
    "al", "bin", "bint", "da", "das", "de", "del", "della", "der", "di", "do", "dos", "du", "el",
    "ibn", "la", "le", "ter", "van", "von", "y",
];

/// Lowercase words before a name that qualify a title: `former President`.
const ROLE_MODIFIERS: &[&str] = &[
    "acting",
    "assistant",
    "deputy",
    "ex",
    "ex-",
    "former",
    "incoming",
    "interim",
    "late",
    "new",
    "outgoing",
    "senior",
    "then",
    "top",
    "veteran",
];

/// Prepositions after which an unknown capitalised name is most likely a place.
const PLACE_PREPOSITIONS: &[&str] = &[
    "across",
    "around",
    "from",
    "in",
    "inside",
    "near",
    "outside",
    "throughout",
    "to",
    "toward",
    "towards",
    "via",
];

/// Bit flags of the classes a word belongs to.
const ORG: u8 = 1;
const PLACE: u8 = 2;
const EVENT: u8 = 4;
const SPORTS: u8 = 8;
const REPORTING: u8 = 16;
const PARTICLE: u8 = 32;
const MODIFIER: u8 = 64;
const PREPOSITION: u8 = 128;

/// Every listed word → its classes: one lookup answers any class question. Built
/// once, immutable.
static CLASSES: LazyLock<WordTable<u8>> = LazyLock::new(|| {
    let mut map = WordTable::default();
    for (list, flag) in [
        (ORG_WORDS, ORG),
        (PLACE_WORDS, PLACE),
        (EVENT_WORDS, EVENT),
        (SPORTS_VERBS, SPORTS),
        (REPORTING_VERBS, REPORTING),
        (NAME_PARTICLES, PARTICLE),
        (ROLE_MODIFIERS, MODIFIER),
        (PLACE_PREPOSITIONS, PREPOSITION),
    ] {
        for word in list {
            *map.entry(word.as_bytes()) |= flag;
        }
    }
    map
});

fn has(key: &str, flag: u8) -> bool {
    CLASSES.get(key.as_bytes()).is_some_and(|f| f & flag != 0)
}

/// True for `ministry`, `party`, `corp`, ... (`key` in lower case).
pub fn is_org_word(key: &str) -> bool {
    has(key, ORG)
}

/// True for `river`, `street`, `province`, ... (`key` in lower case).
pub fn is_place_word(key: &str) -> bool {
    has(key, PLACE)
}

/// True for `cup`, `war`, `treaty`, ... (`key` in lower case).
pub fn is_event_word(key: &str) -> bool {
    has(key, EVENT)
}

/// True for `beat`, `drew`, `vs`, ... (`key` in lower case).
pub fn is_sports_verb(key: &str) -> bool {
    has(key, SPORTS)
}

/// True for `said`, `told`, `added`, ... (`key` in lower case).
pub fn is_reporting_verb(key: &str) -> bool {
    has(key, REPORTING)
}

/// True for `bin`, `van`, `de`, ... (`key` in lower case).
pub fn is_name_particle(key: &str) -> bool {
    has(key, PARTICLE)
}

/// True for `former`, `acting`, ... (`key` in lower case).
pub fn is_role_modifier(key: &str) -> bool {
    has(key, MODIFIER)
}

/// True for `in`, `near`, ... (`key` in lower case).
pub fn is_place_preposition(key: &str) -> bool {
    has(key, PREPOSITION)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_lists_are_sorted_and_short() {
        for list in [
            ORG_WORDS,
            PLACE_WORDS,
            REPORTING_VERBS,
            NAME_PARTICLES,
            ROLE_MODIFIERS,
            PLACE_PREPOSITIONS,
            EVENT_WORDS,
            SPORTS_VERBS,
        ] {
            assert!(list.windows(2).all(|w| w[0] < w[1]), "{:?}", list);
            assert!(list.iter().all(|w| w.len() <= 16), "{:?}", list);
        }
    }

    #[test]
    fn classes_answer_in_lower_case() {
        assert!(is_org_word("ministry"));
        assert!(is_place_word("river"));
        assert!(is_reporting_verb("said"));
        assert!(is_name_particle("bin"));
        assert!(!is_org_word("Ministry"));
    }
}
