//! The time grammar: finds expressions in a sentence's tokens and says what they
//! mean, before anything is resolved against a date.
//!
//! Matching is a left-to-right scan. At each token that can start an expression the
//! matcher reads optional modifiers (`about`, `more than`, `early`, `the end of`),
//! then tries every core pattern and keeps the longest; the extent follows what
//! TimeBank annotates (articles and modifiers inside, prepositions outside). The
//! patterns live in `calendar.rs` (dates, weekdays, times, years), `relative.rs`
//! (durations, relative units), `periods.rs` (quarters, halves, seasons) and
//! `sets.rs` (fuzzy references, sets).

use super::lexicon::{Holiday, Lex, Pod, Season, Unit, W};
use super::tokens::{Kind, NumForm, Tok};

/// Which way a weekday or unnamed-year date goes from the anchor.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dir {
    /// By the tense of the sentence (past for news unless it speaks of the future).
    Auto,
    Last,
    Next,
    This,
    /// Relative to the last mentioned date (`the previous Friday`).
    Before,
}

/// What a relative expression counts from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Anchor {
    /// The article date (`last week`, `two days ago`).
    Dct,
    /// The last mentioned date, at its own granularity when that is finer
    /// (`three years later`, `a year after`: `1996-05-22` after `May 22, 1995`).
    Last,
    /// The last mentioned date (or quarter), at the unit's granularity: `the
    /// following year` after `May 22, 1995` is `1996`, `that quarter` the quarter
    /// spoken of.
    Sequel,
    /// The DCT, unless a quarter or half was just spoken of: in earnings copy
    /// `a year ago` is the year-ago quarter.
    Ago,
    /// The last quarter or half spoken of (`the year-earlier period`), else as `Ago`.
    Period,
}

/// The meaning of an expression, before resolution.
#[derive(Clone, Debug, PartialEq)]
pub enum Expr {
    /// A calendar date; missing fields come from the anchor (nearest instance).
    Cal {
        year: Option<i32>,
        month: Option<u32>,
        day: Option<u32>,
    },
    /// A named month counted from the DCT (`last November`, `this September`).
    MonthDir {
        month: u32,
        dir: Dir,
    },
    /// A month of a year counted from the DCT's (`June last year`).
    MonthOfYear {
        month: u32,
        year_offset: i32,
    },
    Weekday {
        day: u32,
        dir: Dir,
    },
    /// `offset` units from the anchor: `last week`, `three years later`, `today`.
    Rel {
        anchor: Anchor,
        unit: Unit,
        offset: i32,
    },
    /// The weekend `offset` weeks from the DCT (`None`: by tense).
    Weekend(Option<i32>),
    Quarter {
        year: Option<i32>,
        /// Relative year (`next year's first quarter`), used when `year` is None.
        year_offset: Option<i32>,
        q: u32,
    },
    Half {
        year: Option<i32>,
        year_offset: Option<i32>,
        h: u32,
    },
    /// The quarter spoken of (`the quarter`, `the latest period`); when none was,
    /// the quarter a date closes (`the quarter ended Sept. 30`: number and year).
    ContextQuarter(Option<(u32, Option<i32>)>),
    /// The period spoken of in another year (`the 1988 period`): that year's
    /// quarter or half when one was spoken of, else the year.
    PeriodOf(i32),
    Season {
        year: Option<i32>,
        season: Season,
        dir: Dir,
    },
    /// `199` for the 1990s; `two_digit` for `'90s` (century from the anchor).
    Decade {
        decade: i32,
        two_digit: bool,
    },
    /// `19` for the 20th century.
    Century(i32),
    /// `PAST_REF`, `PRESENT_REF`, `FUTURE_REF`.
    Ref(&'static str),
    /// `None` amount is "some" (`PXY`).
    Duration {
        amount: Option<f64>,
        unit: Unit,
    },
    /// A literal SET value (`P1W`, `XXXX-WXX-2`).
    Set(String),
    Holiday(Holiday, Option<i32>),
    /// A clock time on a day (the day of the sentence when not given).
    Time {
        hour: u32,
        minute: u32,
        day: Option<Box<Expr>>,
    },
    /// A part of a day: `Friday morning`, `last night`.
    PartOfDay {
        day: Box<Expr>,
        pod: Pod,
    },
}

/// A found expression: token range, meaning and TIMEX3 modifier.
#[derive(Clone, Debug, PartialEq)]
pub struct Cand {
    pub start: usize,
    pub end: usize,
    pub expr: Expr,
    pub modifier: Option<&'static str>,
}

/// Pattern matching over one sentence's tokens.
pub struct Matcher<'a> {
    pub toks: &'a [Tok],
    pub text: &'a str,
}

/// What a core pattern found: the end token, the meaning and a modifier the
/// pattern itself carries (`year-end` is the year with `END`).
pub type Core = Option<(usize, Expr, Option<&'static str>)>;

impl<'a> Matcher<'a> {
    pub fn lex(&self, i: usize) -> Lex {
        self.toks.get(i).map_or(Lex::None, |t| t.lex)
    }

    pub fn w(&self, i: usize) -> Option<W> {
        match self.lex(i) {
            Lex::Word(w) => Some(w),
            _ => None,
        }
    }

    pub fn is(&self, i: usize, w: W) -> bool {
        self.w(i) == Some(w)
    }

    pub fn word(&self, i: usize) -> &'a str {
        self.toks
            .get(i)
            .map_or("", |t| &self.text[t.span[0]..t.span[1]])
    }

    pub fn joined(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.joined)
    }

    pub fn punct(&self, i: usize, c: u8) -> bool {
        self.toks.get(i).is_some_and(|t| t.is_punct(c))
    }

    pub fn num(&self, i: usize) -> Option<(u32, u8, NumForm)> {
        self.toks.get(i).and_then(Tok::num)
    }

    pub fn unit(&self, i: usize) -> Option<(Unit, bool)> {
        match self.lex(i) {
            Lex::Unit { unit, plural } => Some((unit, plural)),
            _ => None,
        }
    }

    /// Finds every expression of the sentence, in order, without overlaps.
    ///
    /// Every expression holds a head word (a number, a month, a unit, `now`, ...)
    /// within a few tokens of its start, so matching is only tried near one.
    pub fn scan(&self, out: &mut Vec<Cand>) {
        let n = self.toks.len();
        let mut next_head = n;
        let mut i = 0;
        while i < n {
            if next_head < i || next_head == n {
                next_head = (i..n).find(|&k| is_head(&self.toks[k])).unwrap_or(n);
                if next_head == n {
                    return;
                }
            }
            if next_head - i > MAX_LEAD {
                i = next_head - MAX_LEAD;
                continue;
            }
            if may_start(&self.toks[i])
                && let Some(c) = self.at(i)
            {
                i = c.end.max(i + 1);
                out.push(c);
                continue;
            }
            i += 1;
        }
    }

    /// The longest expression starting at token `i`, with its modifiers.
    fn at(&self, i: usize) -> Option<Cand> {
        // A comparison or approximation: `about`, `more than`, `at least`, `up to`.
        let (amod, j) = self.approx(i).unwrap_or((None, i));
        // A position inside the period: `early`, `the end of`, `mid-`.
        let (pmod, k) = self.position(j).unwrap_or((None, j));
        let (end, expr, cmod) = self.core(k)?;
        if amod.is_some() && !approximable(&expr) {
            // `over the weekend`: the comparison word is not part of it.
            if j > i && pmod.is_none() {
                return None;
            }
        }
        let (end, post) = self.postmod(end, &expr);
        let modifier = pmod.or(cmod).or(amod).or(post);
        Some(Cand {
            start: i,
            end,
            expr,
            modifier,
        })
    }

    /// Comparison and approximation words before a quantity or a date.
    fn approx(&self, i: usize) -> Option<(Option<&'static str>, usize)> {
        let m = match (self.w(i)?, self.w(i + 1), self.w(i + 2)) {
            (W::More, Some(W::Than), _) => ("MORE_THAN", 2),
            (W::Over, _, _) => ("MORE_THAN", 1),
            (W::Less, Some(W::Than), _) => ("LESS_THAN", 2),
            (W::Under, _, _) => ("LESS_THAN", 1),
            (W::At, Some(W::Least), _) => ("EQUAL_OR_MORE", 2),
            (W::At, Some(W::Most), _) | (W::Up, Some(W::To), _) => ("EQUAL_OR_LESS", 2),
            (W::No, Some(W::More), Some(W::Than)) => ("EQUAL_OR_LESS", 3),
            (W::No, Some(W::Less), Some(W::Than)) => ("EQUAL_OR_MORE", 3),
            (W::About, _, _) => ("APPROX", 1),
            (W::Nearly, _, _) => ("LESS_THAN", 1),
            _ => return None,
        };
        let j = i + m.1;
        // Only before a quantity, a clock time or a date: `about three years`,
        // `around 7:15 p.m.`, `nearly a decade`.
        let next_ok = match self.lex(j) {
            Lex::Number(_) | Lex::Month { .. } | Lex::Word(W::A | W::Noon | W::Midnight) => true,
            Lex::Word(W::Half | W::Few | W::Several | W::Couple) => true,
            Lex::Word(W::The) => m.0 == "APPROX" && self.unit(j + 1).is_some(),
            Lex::Unit {
                unit: Unit::Year, ..
            } => m.0 == "APPROX",
            Lex::None => self.num(j).is_some(),
            _ => false,
        };
        next_ok.then_some((Some(m.0), j))
    }

    /// Position modifiers: `early`, `late`, `mid-`, `the end of`, `earlier this`.
    fn position(&self, i: usize) -> Option<(Option<&'static str>, usize)> {
        let the = usize::from(self.is(i, W::The));
        let p = i + the;
        let (m, len) = match (self.w(p)?, self.w(p + 1)) {
            (W::Early, _) => ("START", 1),
            (W::Late, _) => ("END", 1),
            (W::Mid, _) => ("MID", 1),
            (W::End | W::Close, Some(W::Of)) => ("END", 2),
            (W::Beginning | W::Start, Some(W::Of)) => ("START", 2),
            (W::Middle, Some(W::Of)) => ("MID", 2),
            (W::Earlier, Some(W::This | W::In)) if the == 0 => ("START", 1),
            (W::Later, Some(W::This | W::In)) if the == 0 => ("END", 1),
            (W::Earlier | W::Later, _) if the == 0 && self.day_word(p + 1) => (
                if self.is(p, W::Earlier) {
                    "START"
                } else {
                    "END"
                },
                1,
            ),
            _ => return None,
        };
        let mut j = p + len;
        // `earlier in the year`
        if self.is(j, W::In)
            && self.is(j + 1, W::The)
            && matches!(self.w(p), Some(W::Earlier | W::Later))
        {
            j += 1;
        }
        Some((Some(m), j))
    }

    /// A weekday, `today`, `yesterday` or `tomorrow` at `i`.
    pub fn day_word(&self, i: usize) -> bool {
        matches!(
            self.lex(i),
            Lex::Weekday { plural: false, .. }
                | Lex::Word(W::Today | W::Yesterday | W::Tomorrow | W::Tonight)
        )
    }

    /// Every core pattern at `i`; the longest wins (earlier patterns win ties).
    fn core(&self, i: usize) -> Core {
        let candidates = [
            self.time_of_day(i),
            self.calendar(i),
            self.weekday(i),
            self.deictic_day(i),
            self.holiday(i),
            self.year(i),
            self.decade(i),
            self.quarter(i),
            self.season(i),
            self.quantity_expr(i),
            self.relative_unit(i),
            self.vague_duration(i),
            self.the_year(i),
            self.reference(i),
            self.set(i),
        ];
        let mut best: Core = None;
        for c in candidates.into_iter().flatten() {
            if best.as_ref().is_none_or(|b| c.0 > b.0) {
                best = Some(c);
            }
        }
        best
    }

    /// Words after the core: `or so`, `or more`, `or later`.
    fn postmod(&self, end: usize, expr: &Expr) -> (usize, Option<&'static str>) {
        if !self.is(end, W::Or) {
            return (end, None);
        }
        let m = match (self.w(end + 1), expr) {
            (Some(W::So), _) => "APPROX",
            (Some(W::More), Expr::Duration { .. }) => "EQUAL_OR_MORE",
            (Some(W::Less), Expr::Duration { .. }) => "EQUAL_OR_LESS",
            (Some(W::Later), Expr::Cal { .. }) => "ON_OR_AFTER",
            (Some(W::Earlier), Expr::Cal { .. }) => "ON_OR_BEFORE",
            _ => return (end, None),
        };
        (end + 2, Some(m))
    }
}

/// The most tokens an expression has before its head word (`no more than the
/// first two years`).
const MAX_LEAD: usize = 6;

/// True when `word` is one of `words`, ignoring ASCII case.
pub fn any_word(word: &str, words: &[&str]) -> bool {
    words.iter().any(|w| w.eq_ignore_ascii_case(word))
}

/// Tokens an expression can start with: digits, time words, articles,
/// determiners and modifiers, but not prepositions or conjunctions.
fn may_start(t: &Tok) -> bool {
    match t.lex {
        Lex::None => matches!(t.kind, Kind::Num { .. }),
        Lex::Word(w) => !matches!(
            w,
            W::Of
                | W::In
                | W::Or
                | W::And
                | W::So
                | W::To
                | W::For
                | W::From
                | W::Before
                | W::After
                | W::Since
                | W::Until
                | W::Will
                | W::PastVerb
                | W::Zone
                | W::AmPm(_)
                | W::OClock
                | W::Eve
                | W::Era
                | W::Old
                | W::Ahead
                | W::Term
                | W::Near
                | W::Full
                | W::Times
                | W::Other
                | W::Than
                | W::Least
                | W::Most
                | W::Ago
                | W::Hundred
                | W::Thousand
                | W::Same
                | W::Latest
                | W::Middle
                | W::End
                | W::Beginning
                | W::Start
                | W::Close
        ),
        _ => true,
    }
}

/// Words that every expression holds one of.
fn is_head(t: &Tok) -> bool {
    match t.lex {
        Lex::None => matches!(t.kind, Kind::Num { .. }),
        lex => super::lexicon::is_head(lex),
    }
}

/// Expressions a comparison word (`about`, `more than`) can modify.
fn approximable(expr: &Expr) -> bool {
    !matches!(expr, Expr::Weekend(_) | Expr::Ref(_) | Expr::Set(_))
}
