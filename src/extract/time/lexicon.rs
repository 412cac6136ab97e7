//! The words time expressions are made of, classified once per token.
//!
//! Classification is one lookup of the word, lower-cased as it is packed into an
//! integer ([`WordTable`]), in a table built once: no allocation per word. Everything the grammar
//! needs to know about a word is in its [`Lex`].

use std::sync::LazyLock;

use crate::extract::knowledge::WordTable;

/// Calendar and clock units.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Unit {
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Month,
    Quarter,
    Year,
    Decade,
    Century,
    Millennium,
}

/// Parts of the day, with their TIMEX3 codes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pod {
    Morning,
    Afternoon,
    Evening,
    Night,
}

impl Pod {
    pub fn code(self) -> &'static str {
        match self {
            Pod::Morning => "MO",
            Pod::Afternoon => "AF",
            Pod::Evening => "EV",
            Pod::Night => "NI",
        }
    }
}

/// Seasons, with their TIMEX3 codes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Season {
    Spring,
    Summer,
    Fall,
    Winter,
}

impl Season {
    pub fn code(self) -> &'static str {
        match self {
            Season::Spring => "SP",
            Season::Summer => "SU",
            Season::Fall => "FA",
            Season::Winter => "WI",
        }
    }
    /// The month the season starts in (northern hemisphere, meteorological).
    pub fn first_month(self) -> u32 {
        match self {
            Season::Spring => 3,
            Season::Summer => 6,
            Season::Fall => 9,
            Season::Winter => 12,
        }
    }
}

/// Function words and time words the grammar looks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum W {
    The,
    A,
    Last,
    Next,
    This,
    That,
    These,
    Coming,
    Past,
    Previous,
    Following,
    Earlier,
    Later,
    Ago,
    Early,
    Late,
    Mid,
    Middle,
    End,
    Beginning,
    Start,
    Close,
    About,
    Nearly,
    More,
    Less,
    Than,
    Over,
    Under,
    At,
    Least,
    Most,
    Up,
    To,
    Within,
    No,
    Every,
    Each,
    Per,
    Same,
    Current,
    Recent,
    Recently,
    Now,
    Currently,
    Today,
    Yesterday,
    Tomorrow,
    Tonight,
    Noon,
    Midnight,
    Future,
    Present,
    Soon,
    Previously,
    Nowadays,
    Fiscal,
    Half,
    Weekend,
    Of,
    In,
    Or,
    And,
    So,
    Few,
    Several,
    Couple,
    Many,
    Other,
    Times,
    Once,
    Twice,
    From,
    Before,
    After,
    Until,
    Since,
    For,
    Latest,
    Period,
    Full,
    Near,
    Term,
    Ahead,
    Old,
    Era,
    Holiday(Holiday),
    Eve,
    AmPm(bool),
    Zone,
    OClock,
    Hundred,
    Thousand,
    Nineties(u8),
    Will,
    PastVerb,
    Right,
}

/// Named days whose date is computed from the year.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Holiday {
    Christmas,
    Thanksgiving,
    Easter,
    Labor,
    Memorial,
    Election,
    Halloween,
}

/// What a word is to the time grammar.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Lex {
    #[default]
    None,
    /// A month name; `abbr` for `Jan`, `Sept`, ... (which need a period or a day).
    Month {
        month: u8,
        abbr: bool,
    },
    /// ISO weekday, 1 = Monday; `plural` for `Mondays`.
    Weekday {
        day: u8,
        plural: bool,
    },
    /// A cardinal number word (`one` .. `ninety`).
    Number(u32),
    /// An ordinal (`first` .. `thirty-first`, `twentieth`).
    Ordinal(u32),
    Unit {
        unit: Unit,
        plural: bool,
    },
    Pod(Pod),
    Season(Season),
    /// `daily`, `weekly`, ...: a set of the given unit.
    Every(Unit),
    Word(W),
}

/// Classifies `word` (any case). No time word is longer than 16 bytes.
pub fn classify(word: &str) -> Lex {
    classify_bytes(word.as_bytes())
}

/// [`classify`] of a word's bytes.
fn classify_bytes(bytes: &[u8]) -> Lex {
    if bytes.is_empty()
        || bytes.len() > 16
        || prefix_key(bytes).is_some_and(|k| PREFIXES.any[k / 64] >> (k % 64) & 1 == 0)
    {
        return Lex::None;
    }
    // Lower-casing ASCII bytes leaves a word's other bytes as they were: the table
    // is read by bytes, with no UTF-8 check.
    TABLE.get_ascii_lower(bytes).unwrap_or(Lex::None)
}

/// The lexicon as a table of short words.
static TABLE: LazyLock<WordTable<Lex>> = LazyLock::new(|| ENTRIES.iter().copied().collect());

/// Three-letter starts of lexicon words, and of head words, as bitsets over
/// 5-bit letter codes: most words of a text are rejected without hashing.
struct Prefixes {
    any: [u64; 512],
    heads: [u64; 512],
}

static PREFIXES: LazyLock<Prefixes> = LazyLock::new(|| {
    let mut p = Prefixes {
        any: [0; 512],
        heads: [0; 512],
    };
    for &(w, lex) in ENTRIES {
        if let Some(k) = prefix_key(w.as_bytes()) {
            p.any[k / 64] |= 1 << (k % 64);
            if is_head(lex) {
                p.heads[k / 64] |= 1 << (k % 64);
            }
        }
    }
    p
});

/// The bitset index of a word's first three letters, if it has three letters.
fn prefix_key(w: &[u8]) -> Option<usize> {
    if w.len() < 3 || !w[..3].iter().all(u8::is_ascii_alphabetic) {
        return None;
    }
    let code = |x: u8| usize::from((x | 0x20) - b'a');
    Some((code(w[0]) << 10) | (code(w[1]) << 5) | code(w[2]))
}

fn has_prefix(set: &[u64; 512], w: &[u8]) -> bool {
    prefix_key(w).is_some_and(|k| set[k / 64] >> (k % 64) & 1 == 1)
}

/// Words every time expression holds at least one of (besides digits): months,
/// weekdays, units, parts of the day, seasons, `now`, `today`, `recent`, ...
pub fn is_head(lex: Lex) -> bool {
    match lex {
        // `nineteen` starts spelled years (`nineteen ninety-six`).
        Lex::Number(n) => matches!(n, 18 | 19),
        Lex::None | Lex::Ordinal(_) => false,
        Lex::Word(w) => matches!(
            w,
            W::Now
                | W::Currently
                | W::Current
                | W::Recent
                | W::Recently
                | W::Today
                | W::Yesterday
                | W::Tomorrow
                | W::Tonight
                | W::Noon
                | W::Midnight
                | W::Future
                | W::Present
                | W::Soon
                | W::Nowadays
                | W::Weekend
                | W::Holiday(_)
                | W::Nineties(_)
                | W::Past
                | W::Period
                | W::Later
                | W::Term
                | W::Half
        ),
        _ => true,
    }
}

/// True when `s` holds a digit or a head word: only such sentences are tagged.
pub fn has_head(s: &[u8]) -> bool {
    let prefixes = &*PREFIXES;
    let mut i = 0;
    while i < s.len() {
        let b = s[i];
        if b.is_ascii_digit() {
            return true;
        }
        if !b.is_ascii_alphabetic() {
            i += 1;
            continue;
        }
        let start = i;
        while i < s.len() && s[i].is_ascii_alphabetic() {
            i += 1;
        }
        let w = &s[start..i];
        if has_prefix(&prefixes.heads, w) && is_head(classify_bytes(w)) {
            return true;
        }
    }
    false
}

/// Every word the grammar knows, lower-case.
const ENTRIES: &[(&str, Lex)] = &[
    (
        "january",
        Lex::Month {
            month: 1,
            abbr: false,
        },
    ),
    (
        "february",
        Lex::Month {
            month: 2,
            abbr: false,
        },
    ),
    (
        "march",
        Lex::Month {
            month: 3,
            abbr: false,
        },
    ),
    (
        "april",
        Lex::Month {
            month: 4,
            abbr: false,
        },
    ),
    (
        "may",
        Lex::Month {
            month: 5,
            abbr: false,
        },
    ),
    (
        "june",
        Lex::Month {
            month: 6,
            abbr: false,
        },
    ),
    (
        "july",
        Lex::Month {
            month: 7,
            abbr: false,
        },
    ),
    (
        "august",
        Lex::Month {
            month: 8,
            abbr: false,
        },
    ),
    (
        "september",
        Lex::Month {
            month: 9,
            abbr: false,
        },
    ),
    (
        "october",
        Lex::Month {
            month: 10,
            abbr: false,
        },
    ),
    (
        "november",
        Lex::Month {
            month: 11,
            abbr: false,
        },
    ),
    (
        "december",
        Lex::Month {
            month: 12,
            abbr: false,
        },
    ),
    (
        "jan",
        Lex::Month {
            month: 1,
            abbr: true,
        },
    ),
    (
        "feb",
        Lex::Month {
            month: 2,
            abbr: true,
        },
    ),
    (
        "mar",
        Lex::Month {
            month: 3,
            abbr: true,
        },
    ),
    (
        "apr",
        Lex::Month {
            month: 4,
            abbr: true,
        },
    ),
    (
        "jun",
        Lex::Month {
            month: 6,
            abbr: true,
        },
    ),
    (
        "jul",
        Lex::Month {
            month: 7,
            abbr: true,
        },
    ),
    (
        "aug",
        Lex::Month {
            month: 8,
            abbr: true,
        },
    ),
    (
        "sep",
        Lex::Month {
            month: 9,
            abbr: true,
        },
    ),
    (
        "sept",
        Lex::Month {
            month: 9,
            abbr: true,
        },
    ),
    (
        "oct",
        Lex::Month {
            month: 10,
            abbr: true,
        },
    ),
    (
        "nov",
        Lex::Month {
            month: 11,
            abbr: true,
        },
    ),
    (
        "dec",
        Lex::Month {
            month: 12,
            abbr: true,
        },
    ),
    (
        "monday",
        Lex::Weekday {
            day: 1,
            plural: false,
        },
    ),
    (
        "tuesday",
        Lex::Weekday {
            day: 2,
            plural: false,
        },
    ),
    (
        "wednesday",
        Lex::Weekday {
            day: 3,
            plural: false,
        },
    ),
    (
        "thursday",
        Lex::Weekday {
            day: 4,
            plural: false,
        },
    ),
    (
        "friday",
        Lex::Weekday {
            day: 5,
            plural: false,
        },
    ),
    (
        "saturday",
        Lex::Weekday {
            day: 6,
            plural: false,
        },
    ),
    (
        "sunday",
        Lex::Weekday {
            day: 7,
            plural: false,
        },
    ),
    (
        "mondays",
        Lex::Weekday {
            day: 1,
            plural: true,
        },
    ),
    (
        "tuesdays",
        Lex::Weekday {
            day: 2,
            plural: true,
        },
    ),
    (
        "wednesdays",
        Lex::Weekday {
            day: 3,
            plural: true,
        },
    ),
    (
        "thursdays",
        Lex::Weekday {
            day: 4,
            plural: true,
        },
    ),
    (
        "fridays",
        Lex::Weekday {
            day: 5,
            plural: true,
        },
    ),
    (
        "saturdays",
        Lex::Weekday {
            day: 6,
            plural: true,
        },
    ),
    (
        "sundays",
        Lex::Weekday {
            day: 7,
            plural: true,
        },
    ),
    ("second", Lex::Ordinal(2)),
    (
        "seconds",
        Lex::Unit {
            unit: Unit::Second,
            plural: true,
        },
    ),
    (
        "minute",
        Lex::Unit {
            unit: Unit::Minute,
            plural: false,
        },
    ),
    (
        "minutes",
        Lex::Unit {
            unit: Unit::Minute,
            plural: true,
        },
    ),
    (
        "hour",
        Lex::Unit {
            unit: Unit::Hour,
            plural: false,
        },
    ),
    (
        "hours",
        Lex::Unit {
            unit: Unit::Hour,
            plural: true,
        },
    ),
    (
        "day",
        Lex::Unit {
            unit: Unit::Day,
            plural: false,
        },
    ),
    (
        "days",
        Lex::Unit {
            unit: Unit::Day,
            plural: true,
        },
    ),
    (
        "week",
        Lex::Unit {
            unit: Unit::Week,
            plural: false,
        },
    ),
    (
        "weeks",
        Lex::Unit {
            unit: Unit::Week,
            plural: true,
        },
    ),
    (
        "month",
        Lex::Unit {
            unit: Unit::Month,
            plural: false,
        },
    ),
    (
        "months",
        Lex::Unit {
            unit: Unit::Month,
            plural: true,
        },
    ),
    (
        "quarter",
        Lex::Unit {
            unit: Unit::Quarter,
            plural: false,
        },
    ),
    (
        "quarters",
        Lex::Unit {
            unit: Unit::Quarter,
            plural: true,
        },
    ),
    (
        "year",
        Lex::Unit {
            unit: Unit::Year,
            plural: false,
        },
    ),
    (
        "years",
        Lex::Unit {
            unit: Unit::Year,
            plural: true,
        },
    ),
    (
        "decade",
        Lex::Unit {
            unit: Unit::Decade,
            plural: false,
        },
    ),
    (
        "decades",
        Lex::Unit {
            unit: Unit::Decade,
            plural: true,
        },
    ),
    (
        "century",
        Lex::Unit {
            unit: Unit::Century,
            plural: false,
        },
    ),
    (
        "centuries",
        Lex::Unit {
            unit: Unit::Century,
            plural: true,
        },
    ),
    (
        "millennium",
        Lex::Unit {
            unit: Unit::Millennium,
            plural: false,
        },
    ),
    (
        "millennia",
        Lex::Unit {
            unit: Unit::Millennium,
            plural: true,
        },
    ),
    ("morning", Lex::Pod(Pod::Morning)),
    ("mornings", Lex::Pod(Pod::Morning)),
    ("afternoon", Lex::Pod(Pod::Afternoon)),
    ("afternoons", Lex::Pod(Pod::Afternoon)),
    ("evening", Lex::Pod(Pod::Evening)),
    ("evenings", Lex::Pod(Pod::Evening)),
    ("night", Lex::Pod(Pod::Night)),
    ("nights", Lex::Pod(Pod::Night)),
    ("spring", Lex::Season(Season::Spring)),
    ("summer", Lex::Season(Season::Summer)),
    ("summers", Lex::Season(Season::Summer)),
    ("fall", Lex::Season(Season::Fall)),
    ("autumn", Lex::Season(Season::Fall)),
    ("winter", Lex::Season(Season::Winter)),
    ("winters", Lex::Season(Season::Winter)),
    ("hourly", Lex::Every(Unit::Hour)),
    ("daily", Lex::Every(Unit::Day)),
    ("nightly", Lex::Every(Unit::Day)),
    ("weekly", Lex::Every(Unit::Week)),
    ("monthly", Lex::Every(Unit::Month)),
    ("quarterly", Lex::Every(Unit::Quarter)),
    ("annually", Lex::Every(Unit::Year)),
    ("yearly", Lex::Every(Unit::Year)),
    ("one", Lex::Number(1)),
    ("two", Lex::Number(2)),
    ("three", Lex::Number(3)),
    ("four", Lex::Number(4)),
    ("five", Lex::Number(5)),
    ("six", Lex::Number(6)),
    ("seven", Lex::Number(7)),
    ("eight", Lex::Number(8)),
    ("nine", Lex::Number(9)),
    ("ten", Lex::Number(10)),
    ("eleven", Lex::Number(11)),
    ("twelve", Lex::Number(12)),
    ("thirteen", Lex::Number(13)),
    ("fourteen", Lex::Number(14)),
    ("fifteen", Lex::Number(15)),
    ("sixteen", Lex::Number(16)),
    ("seventeen", Lex::Number(17)),
    ("eighteen", Lex::Number(18)),
    ("nineteen", Lex::Number(19)),
    ("twenty", Lex::Number(20)),
    ("thirty", Lex::Number(30)),
    ("forty", Lex::Number(40)),
    ("fifty", Lex::Number(50)),
    ("sixty", Lex::Number(60)),
    ("seventy", Lex::Number(70)),
    ("eighty", Lex::Number(80)),
    ("ninety", Lex::Number(90)),
    ("dozen", Lex::Number(12)),
    ("first", Lex::Ordinal(1)),
    ("third", Lex::Ordinal(3)),
    ("fourth", Lex::Ordinal(4)),
    ("fifth", Lex::Ordinal(5)),
    ("sixth", Lex::Ordinal(6)),
    ("seventh", Lex::Ordinal(7)),
    ("eighth", Lex::Ordinal(8)),
    ("ninth", Lex::Ordinal(9)),
    ("tenth", Lex::Ordinal(10)),
    ("eleventh", Lex::Ordinal(11)),
    ("twelfth", Lex::Ordinal(12)),
    ("thirteenth", Lex::Ordinal(13)),
    ("fourteenth", Lex::Ordinal(14)),
    ("fifteenth", Lex::Ordinal(15)),
    ("sixteenth", Lex::Ordinal(16)),
    ("seventeenth", Lex::Ordinal(17)),
    ("eighteenth", Lex::Ordinal(18)),
    ("nineteenth", Lex::Ordinal(19)),
    ("twentieth", Lex::Ordinal(20)),
    ("twenty-first", Lex::Ordinal(21)),
    ("thirtieth", Lex::Ordinal(30)),
    ("the", Lex::Word(W::The)),
    ("a", Lex::Word(W::A)),
    ("an", Lex::Word(W::A)),
    ("last", Lex::Word(W::Last)),
    ("next", Lex::Word(W::Next)),
    ("this", Lex::Word(W::This)),
    ("that", Lex::Word(W::That)),
    ("these", Lex::Word(W::These)),
    ("coming", Lex::Word(W::Coming)),
    ("upcoming", Lex::Word(W::Coming)),
    ("past", Lex::Word(W::Past)),
    ("previous", Lex::Word(W::Previous)),
    ("preceding", Lex::Word(W::Previous)),
    ("prior", Lex::Word(W::Previous)),
    ("following", Lex::Word(W::Following)),
    ("subsequent", Lex::Word(W::Following)),
    ("earlier", Lex::Word(W::Earlier)),
    ("later", Lex::Word(W::Later)),
    ("ago", Lex::Word(W::Ago)),
    ("early", Lex::Word(W::Early)),
    ("late", Lex::Word(W::Late)),
    ("mid", Lex::Word(W::Mid)),
    ("middle", Lex::Word(W::Middle)),
    ("end", Lex::Word(W::End)),
    ("beginning", Lex::Word(W::Beginning)),
    ("start", Lex::Word(W::Start)),
    ("close", Lex::Word(W::Close)),
    ("about", Lex::Word(W::About)),
    ("around", Lex::Word(W::About)),
    ("approximately", Lex::Word(W::About)),
    ("roughly", Lex::Word(W::About)),
    ("some", Lex::Word(W::About)),
    ("circa", Lex::Word(W::About)),
    ("nearly", Lex::Word(W::Nearly)),
    ("almost", Lex::Word(W::Nearly)),
    ("more", Lex::Word(W::More)),
    ("less", Lex::Word(W::Less)),
    ("fewer", Lex::Word(W::Less)),
    ("than", Lex::Word(W::Than)),
    ("over", Lex::Word(W::Over)),
    ("under", Lex::Word(W::Under)),
    ("at", Lex::Word(W::At)),
    ("least", Lex::Word(W::Least)),
    ("most", Lex::Word(W::Most)),
    ("up", Lex::Word(W::Up)),
    ("to", Lex::Word(W::To)),
    ("within", Lex::Word(W::Within)),
    ("no", Lex::Word(W::No)),
    ("every", Lex::Word(W::Every)),
    ("each", Lex::Word(W::Each)),
    ("per", Lex::Word(W::Per)),
    ("same", Lex::Word(W::Same)),
    ("current", Lex::Word(W::Current)),
    ("recent", Lex::Word(W::Recent)),
    ("recently", Lex::Word(W::Recently)),
    ("lately", Lex::Word(W::Recently)),
    ("now", Lex::Word(W::Now)),
    ("currently", Lex::Word(W::Currently)),
    ("presently", Lex::Word(W::Currently)),
    ("today", Lex::Word(W::Today)),
    ("yesterday", Lex::Word(W::Yesterday)),
    ("tomorrow", Lex::Word(W::Tomorrow)),
    ("tonight", Lex::Word(W::Tonight)),
    ("noon", Lex::Word(W::Noon)),
    ("midday", Lex::Word(W::Noon)),
    ("midnight", Lex::Word(W::Midnight)),
    ("future", Lex::Word(W::Future)),
    ("present", Lex::Word(W::Present)),
    ("soon", Lex::Word(W::Soon)),
    ("previously", Lex::Word(W::Previously)),
    ("formerly", Lex::Word(W::Previously)),
    ("nowadays", Lex::Word(W::Nowadays)),
    ("fiscal", Lex::Word(W::Fiscal)),
    ("half", Lex::Word(W::Half)),
    ("weekend", Lex::Word(W::Weekend)),
    ("weekends", Lex::Word(W::Weekend)),
    ("of", Lex::Word(W::Of)),
    ("in", Lex::Word(W::In)),
    ("or", Lex::Word(W::Or)),
    ("and", Lex::Word(W::And)),
    ("so", Lex::Word(W::So)),
    ("few", Lex::Word(W::Few)),
    ("several", Lex::Word(W::Several)),
    ("couple", Lex::Word(W::Couple)),
    ("many", Lex::Word(W::Many)),
    ("other", Lex::Word(W::Other)),
    ("times", Lex::Word(W::Times)),
    ("once", Lex::Word(W::Once)),
    ("twice", Lex::Word(W::Twice)),
    ("from", Lex::Word(W::From)),
    ("before", Lex::Word(W::Before)),
    ("after", Lex::Word(W::After)),
    ("until", Lex::Word(W::Until)),
    ("till", Lex::Word(W::Until)),
    ("by", Lex::Word(W::Until)),
    ("since", Lex::Word(W::Since)),
    ("for", Lex::Word(W::For)),
    ("latest", Lex::Word(W::Latest)),
    ("period", Lex::Word(W::Period)),
    ("full", Lex::Word(W::Full)),
    ("whole", Lex::Word(W::Full)),
    ("entire", Lex::Word(W::Full)),
    ("near", Lex::Word(W::Near)),
    ("term", Lex::Word(W::Term)),
    ("ahead", Lex::Word(W::Ahead)),
    ("old", Lex::Word(W::Old)),
    ("era", Lex::Word(W::Era)),
    ("christmas", Lex::Word(W::Holiday(Holiday::Christmas))),
    ("thanksgiving", Lex::Word(W::Holiday(Holiday::Thanksgiving))),
    ("easter", Lex::Word(W::Holiday(Holiday::Easter))),
    ("halloween", Lex::Word(W::Holiday(Holiday::Halloween))),
    ("eve", Lex::Word(W::Eve)),
    ("a.m", Lex::Word(W::AmPm(false))),
    ("am", Lex::Word(W::AmPm(false))),
    ("p.m", Lex::Word(W::AmPm(true))),
    ("pm", Lex::Word(W::AmPm(true))),
    ("est", Lex::Word(W::Zone)),
    ("edt", Lex::Word(W::Zone)),
    ("gmt", Lex::Word(W::Zone)),
    ("utc", Lex::Word(W::Zone)),
    ("pst", Lex::Word(W::Zone)),
    ("pdt", Lex::Word(W::Zone)),
    ("cst", Lex::Word(W::Zone)),
    ("cdt", Lex::Word(W::Zone)),
    ("mst", Lex::Word(W::Zone)),
    ("mdt", Lex::Word(W::Zone)),
    ("bst", Lex::Word(W::Zone)),
    ("cet", Lex::Word(W::Zone)),
    ("o'clock", Lex::Word(W::OClock)),
    ("o’clock", Lex::Word(W::OClock)),
    ("hundred", Lex::Word(W::Hundred)),
    ("thousand", Lex::Word(W::Thousand)),
    ("twenties", Lex::Word(W::Nineties(2))),
    ("thirties", Lex::Word(W::Nineties(3))),
    ("forties", Lex::Word(W::Nineties(4))),
    ("fifties", Lex::Word(W::Nineties(5))),
    ("sixties", Lex::Word(W::Nineties(6))),
    ("seventies", Lex::Word(W::Nineties(7))),
    ("eighties", Lex::Word(W::Nineties(8))),
    ("nineties", Lex::Word(W::Nineties(9))),
    ("will", Lex::Word(W::Will)),
    ("'ll", Lex::Word(W::Will)),
    ("shall", Lex::Word(W::Will)),
    ("wo", Lex::Word(W::Will)),
    ("won't", Lex::Word(W::Will)),
    ("going", Lex::Word(W::Will)),
    ("scheduled", Lex::Word(W::Will)),
    ("expected", Lex::Word(W::Will)),
    ("plans", Lex::Word(W::Will)),
    ("planning", Lex::Word(W::Will)),
    ("plan", Lex::Word(W::Will)),
    ("due", Lex::Word(W::Will)),
    ("expects", Lex::Word(W::Will)),
    ("intends", Lex::Word(W::Will)),
    ("aims", Lex::Word(W::Will)),
    ("hopes", Lex::Word(W::Will)),
    ("was", Lex::Word(W::PastVerb)),
    ("were", Lex::Word(W::PastVerb)),
    ("had", Lex::Word(W::PastVerb)),
    ("did", Lex::Word(W::PastVerb)),
    ("said", Lex::Word(W::PastVerb)),
    ("told", Lex::Word(W::PastVerb)),
    ("took", Lex::Word(W::PastVerb)),
    ("came", Lex::Word(W::PastVerb)),
    ("went", Lex::Word(W::PastVerb)),
    ("met", Lex::Word(W::PastVerb)),
    ("made", Lex::Word(W::PastVerb)),
    ("began", Lex::Word(W::PastVerb)),
    ("became", Lex::Word(W::PastVerb)),
    ("won", Lex::Word(W::PastVerb)),
    ("lost", Lex::Word(W::PastVerb)),
    ("fell", Lex::Word(W::PastVerb)),
    ("rose", Lex::Word(W::PastVerb)),
    ("saw", Lex::Word(W::PastVerb)),
    ("gave", Lex::Word(W::PastVerb)),
    ("left", Lex::Word(W::PastVerb)),
    ("sold", Lex::Word(W::PastVerb)),
    ("paid", Lex::Word(W::PastVerb)),
    ("held", Lex::Word(W::PastVerb)),
    ("got", Lex::Word(W::PastVerb)),
    ("found", Lex::Word(W::PastVerb)),
    ("hit", Lex::Word(W::PastVerb)),
    ("ran", Lex::Word(W::PastVerb)),
    ("led", Lex::Word(W::PastVerb)),
    ("spent", Lex::Word(W::PastVerb)),
    ("wrote", Lex::Word(W::PastVerb)),
    ("fought", Lex::Word(W::PastVerb)),
    ("brought", Lex::Word(W::PastVerb)),
    ("bought", Lex::Word(W::PastVerb)),
    ("thought", Lex::Word(W::PastVerb)),
    ("sought", Lex::Word(W::PastVerb)),
    ("caught", Lex::Word(W::PastVerb)),
    ("struck", Lex::Word(W::PastVerb)),
    ("sent", Lex::Word(W::PastVerb)),
    ("built", Lex::Word(W::PastVerb)),
    ("kept", Lex::Word(W::PastVerb)),
    ("felt", Lex::Word(W::PastVerb)),
    ("meant", Lex::Word(W::PastVerb)),
    ("knew", Lex::Word(W::PastVerb)),
    ("grew", Lex::Word(W::PastVerb)),
    ("drew", Lex::Word(W::PastVerb)),
    ("flew", Lex::Word(W::PastVerb)),
    ("threw", Lex::Word(W::PastVerb)),
    ("withdrew", Lex::Word(W::PastVerb)),
    ("broke", Lex::Word(W::PastVerb)),
    ("spoke", Lex::Word(W::PastVerb)),
    ("chose", Lex::Word(W::PastVerb)),
    ("drove", Lex::Word(W::PastVerb)),
    ("stood", Lex::Word(W::PastVerb)),
    ("shot", Lex::Word(W::PastVerb)),
    ("sat", Lex::Word(W::PastVerb)),
    ("right", Lex::Word(W::Right)),
];

/// Number words in a hyphenated compound (`twenty-five`) or an ordinal compound
/// (`twenty-first`): the value of the pair.
pub fn compound(tens: u32, unit: Lex) -> Option<Lex> {
    if !(20..=90).contains(&tens) || !tens.is_multiple_of(10) {
        return None;
    }
    match unit {
        Lex::Number(n) if (1..=9).contains(&n) => Some(Lex::Number(tens + n)),
        Lex::Ordinal(n) if (1..=9).contains(&n) => Some(Lex::Ordinal(tens + n)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_any_case() {
        assert_eq!(
            classify("TUESDAY"),
            Lex::Weekday {
                day: 2,
                plural: false
            }
        );
        assert_eq!(
            classify("Sept"),
            Lex::Month {
                month: 9,
                abbr: true
            }
        );
        assert_eq!(classify("twelve"), Lex::Number(12));
        assert_eq!(classify("Kirkuk"), Lex::None);
    }

    #[test]
    fn joins_compound_numbers() {
        assert_eq!(compound(20, Lex::Number(5)), Some(Lex::Number(25)));
        assert_eq!(compound(30, Lex::Ordinal(1)), Some(Lex::Ordinal(31)));
        assert_eq!(compound(12, Lex::Number(5)), None);
    }
}
