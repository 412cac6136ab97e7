//! The words time expressions are made of, classified once per token.
//!
//! Classification is a `match` on the lower-cased word, which the compiler turns into
//! length and byte comparisons: no hashing, no allocation. Everything the grammar
//! needs to know about a word is in its [`Lex`].

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
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lex {
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

/// Classifies `word` (any case). Words longer than the buffer are never time words.
pub fn classify(word: &str) -> Lex {
    let bytes = word.as_bytes();
    if bytes.is_empty() || bytes.len() > 16 {
        return Lex::None;
    }
    let mut buf = [0u8; 16];
    for (d, s) in buf.iter_mut().zip(bytes) {
        *d = s.to_ascii_lowercase();
    }
    let Ok(w) = std::str::from_utf8(&buf[..bytes.len()]) else {
        return Lex::None;
    };
    classify_lower(w)
}

fn classify_lower(w: &str) -> Lex {
    use Lex::*;
    let unit = |unit, plural| Unit { unit, plural };
    let month = |month, abbr| Month { month, abbr };
    let wd = |day, plural| Weekday { day, plural };
    match w {
        "january" => month(1, false),
        "february" => month(2, false),
        "march" => month(3, false),
        "april" => month(4, false),
        "may" => month(5, false),
        "june" => month(6, false),
        "july" => month(7, false),
        "august" => month(8, false),
        "september" => month(9, false),
        "october" => month(10, false),
        "november" => month(11, false),
        "december" => month(12, false),
        "jan" => month(1, true),
        "feb" => month(2, true),
        "mar" => month(3, true),
        "apr" => month(4, true),
        "jun" => month(6, true),
        "jul" => month(7, true),
        "aug" => month(8, true),
        "sep" | "sept" => month(9, true),
        "oct" => month(10, true),
        "nov" => month(11, true),
        "dec" => month(12, true),
        "monday" => wd(1, false),
        "tuesday" => wd(2, false),
        "wednesday" => wd(3, false),
        "thursday" => wd(4, false),
        "friday" => wd(5, false),
        "saturday" => wd(6, false),
        "sunday" => wd(7, false),
        "mondays" => wd(1, true),
        "tuesdays" => wd(2, true),
        "wednesdays" => wd(3, true),
        "thursdays" => wd(4, true),
        "fridays" => wd(5, true),
        "saturdays" => wd(6, true),
        "sundays" => wd(7, true),
        "second" => Ordinal(2),
        "seconds" => unit(self::Unit::Second, true),
        "minute" => unit(self::Unit::Minute, false),
        "minutes" => unit(self::Unit::Minute, true),
        "hour" => unit(self::Unit::Hour, false),
        "hours" => unit(self::Unit::Hour, true),
        "day" => unit(self::Unit::Day, false),
        "days" => unit(self::Unit::Day, true),
        "week" => unit(self::Unit::Week, false),
        "weeks" => unit(self::Unit::Week, true),
        "month" => unit(self::Unit::Month, false),
        "months" => unit(self::Unit::Month, true),
        "quarter" => unit(self::Unit::Quarter, false),
        "quarters" => unit(self::Unit::Quarter, true),
        "year" => unit(self::Unit::Year, false),
        "years" => unit(self::Unit::Year, true),
        "decade" => unit(self::Unit::Decade, false),
        "decades" => unit(self::Unit::Decade, true),
        "century" => unit(self::Unit::Century, false),
        "centuries" => unit(self::Unit::Century, true),
        "millennium" => unit(self::Unit::Millennium, false),
        "millennia" => unit(self::Unit::Millennium, true),
        "morning" | "mornings" => Pod(self::Pod::Morning),
        "afternoon" | "afternoons" => Pod(self::Pod::Afternoon),
        "evening" | "evenings" => Pod(self::Pod::Evening),
        "night" | "nights" => Pod(self::Pod::Night),
        "spring" => Season(self::Season::Spring),
        "summer" | "summers" => Season(self::Season::Summer),
        "fall" | "autumn" => Season(self::Season::Fall),
        "winter" | "winters" => Season(self::Season::Winter),
        "hourly" => Every(self::Unit::Hour),
        "daily" | "nightly" => Every(self::Unit::Day),
        "weekly" => Every(self::Unit::Week),
        "monthly" => Every(self::Unit::Month),
        "quarterly" => Every(self::Unit::Quarter),
        "annually" | "yearly" => Every(self::Unit::Year),
        _ => number_word(w).or_else(|| function_word(w)).unwrap_or(None),
    }
}

fn number_word(w: &str) -> Option<Lex> {
    let n = match w {
        "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        "twenty" => 20,
        "thirty" => 30,
        "forty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "seventy" => 70,
        "eighty" => 80,
        "ninety" => 90,
        "dozen" => 12,
        _ => return ordinal_word(w).map(Lex::Ordinal),
    };
    Some(Lex::Number(n))
}

fn ordinal_word(w: &str) -> Option<u32> {
    Some(match w {
        "first" => 1,
        "third" => 3,
        "fourth" => 4,
        "fifth" => 5,
        "sixth" => 6,
        "seventh" => 7,
        "eighth" => 8,
        "ninth" => 9,
        "tenth" => 10,
        "eleventh" => 11,
        "twelfth" => 12,
        "thirteenth" => 13,
        "fourteenth" => 14,
        "fifteenth" => 15,
        "sixteenth" => 16,
        "seventeenth" => 17,
        "eighteenth" => 18,
        "nineteenth" => 19,
        "twentieth" => 20,
        "twenty-first" => 21,
        "thirtieth" => 30,
        _ => return None,
    })
}

fn function_word(w: &str) -> Option<Lex> {
    use W::*;
    let word = match w {
        "the" => The,
        "a" | "an" => A,
        "last" => Last,
        "next" => Next,
        "this" => This,
        "that" => That,
        "these" => These,
        "coming" | "upcoming" => Coming,
        "past" => Past,
        "previous" | "preceding" | "prior" => Previous,
        "following" | "subsequent" => Following,
        "earlier" => Earlier,
        "later" => Later,
        "ago" => Ago,
        "early" => Early,
        "late" => Late,
        "mid" => Mid,
        "middle" => Middle,
        "end" => End,
        "beginning" => Beginning,
        "start" => Start,
        "close" => Close,
        "about" | "around" | "approximately" | "roughly" | "some" | "circa" => About,
        "nearly" | "almost" => Nearly,
        "more" => More,
        "less" | "fewer" => Less,
        "than" => Than,
        "over" => Over,
        "under" => Under,
        "at" => At,
        "least" => Least,
        "most" => Most,
        "up" => Up,
        "to" => To,
        "within" => Within,
        "no" => No,
        "every" => Every,
        "each" => Each,
        "per" => Per,
        "same" => Same,
        "current" => Current,
        "recent" => Recent,
        "recently" | "lately" => Recently,
        "now" => Now,
        "currently" | "presently" => Currently,
        "today" => Today,
        "yesterday" => Yesterday,
        "tomorrow" => Tomorrow,
        "tonight" => Tonight,
        "noon" | "midday" => Noon,
        "midnight" => Midnight,
        "future" => Future,
        "present" => Present,
        "soon" => Soon,
        "previously" | "formerly" => Previously,
        "nowadays" => Nowadays,
        "fiscal" => Fiscal,
        "half" => Half,
        "weekend" | "weekends" => Weekend,
        "of" => Of,
        "in" => In,
        "or" => Or,
        "and" => And,
        "so" => So,
        "few" => Few,
        "several" => Several,
        "couple" => Couple,
        "many" => Many,
        "other" => Other,
        "times" => Times,
        "once" => Once,
        "twice" => Twice,
        "from" => From,
        "before" => Before,
        "after" => After,
        "until" | "till" | "by" => Until,
        "since" => Since,
        "for" => For,
        "latest" => Latest,
        "period" => Period,
        "full" | "whole" | "entire" => Full,
        "near" => Near,
        "term" => Term,
        "ahead" => Ahead,
        "old" => Old,
        "era" => Era,
        "christmas" => Holiday(self::Holiday::Christmas),
        "thanksgiving" => Holiday(self::Holiday::Thanksgiving),
        "easter" => Holiday(self::Holiday::Easter),
        "halloween" => Holiday(self::Holiday::Halloween),
        "eve" => Eve,
        "a.m" | "am" => AmPm(false),
        "p.m" | "pm" => AmPm(true),
        "est" | "edt" | "gmt" | "utc" | "pst" | "pdt" | "cst" | "cdt" | "mst" | "mdt" | "bst"
        | "cet" => Zone,
        "o'clock" | "o’clock" => OClock,
        "hundred" => Hundred,
        "thousand" => Thousand,
        "twenties" => Nineties(2),
        "thirties" => Nineties(3),
        "forties" => Nineties(4),
        "fifties" => Nineties(5),
        "sixties" => Nineties(6),
        "seventies" => Nineties(7),
        "eighties" => Nineties(8),
        "nineties" => Nineties(9),
        "will" | "'ll" | "shall" | "wo" | "won't" | "going" | "scheduled" | "expected"
        | "plans" | "planning" | "plan" | "due" | "expects" | "intends" | "aims" | "hopes" => Will,
        "was" | "were" | "had" | "did" | "said" | "told" | "took" | "came" | "went" | "met"
        | "made" | "began" | "became" | "won" | "lost" | "fell" | "rose" | "saw" | "gave"
        | "left" | "sold" | "paid" | "held" | "got" | "found" | "hit" | "ran" | "led" | "spent"
        | "wrote" | "fought" | "brought" | "bought" | "thought" | "sought" | "caught"
        | "struck" | "sent" | "built" | "kept" | "felt" | "meant" | "knew" | "grew" | "drew"
        | "flew" | "threw" | "withdrew" | "broke" | "spoke" | "chose" | "drove" | "stood"
        | "shot" | "sat" => PastVerb,
        "right" => Right,
        _ => return None,
    };
    Some(Lex::Word(word))
}

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
