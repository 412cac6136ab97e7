//! Fuzzy references (`now`, `recently`, `the future`) and sets (`every week`,
//! `weekly`, `twice a month`): the expressions without a calendar value.

use super::grammar::{Core, Expr, Matcher, any_word};
use super::lexicon::{Lex, Unit, W};

impl Matcher<'_> {
    /// Fuzzy references: `now`, `currently`, `recent years`, `the past`,
    /// `the future`, `soon`, `these days`, `coming months`.
    pub fn reference(&self, i: usize) -> Core {
        let r = |end, v| Some((end, Expr::Ref(v), None));
        match (self.lex(i), self.lex(i + 1)) {
            (Lex::Word(W::Now), _) => r(i + 1, "PRESENT_REF"),
            (Lex::Word(W::Right), Lex::Word(W::Now)) => r(i + 2, "PRESENT_REF"),
            (Lex::Word(W::Currently | W::Nowadays), _) => r(i + 1, "PRESENT_REF"),
            (Lex::Word(W::Current), Lex::Unit { .. }) => None,
            (Lex::Word(W::Current), _) => r(i + 1, "PRESENT_REF"),
            (
                Lex::Word(W::These),
                Lex::Unit {
                    unit: Unit::Day,
                    plural: true,
                },
            ) => r(i + 2, "PRESENT_REF"),
            (Lex::Word(W::The), Lex::Word(W::Present)) => r(i + 2, "PRESENT_REF"),
            (Lex::Word(W::Present), _) if i > 0 && self.is(i - 1, W::At) => r(i + 1, "PRESENT_REF"),
            (Lex::Word(W::Recently), _) => r(i + 1, "PAST_REF"),
            (Lex::Word(W::Recent), Lex::Unit { plural: true, .. }) => r(i + 2, "PAST_REF"),
            // `the recent attacks` is no time expression; `recent attacks` often is.
            (Lex::Word(W::Recent), _) if !self.after_determiner(i) => r(i + 1, "PAST_REF"),
            (Lex::Word(W::The), Lex::Word(W::Recent)) if self.is(i + 2, W::Past) => {
                r(i + 3, "PAST_REF")
            }
            (Lex::Word(W::The), Lex::Word(W::Past)) => {
                let next = self.lex(i + 2);
                let counted = matches!(
                    next,
                    Lex::Number(_) | Lex::Unit { .. } | Lex::Word(W::Few | W::Several | W::Couple)
                ) || self.num(i + 2).is_some();
                if counted { None } else { r(i + 2, "PAST_REF") }
            }
            (Lex::Word(W::The), Lex::Word(W::Future)) => r(i + 2, "FUTURE_REF"),
            // `at a later date`
            (Lex::Word(W::A), Lex::Word(W::Later))
                if self.word(i + 2).eq_ignore_ascii_case("date") =>
            {
                r(i + 3, "FUTURE_REF")
            }
            // `in the short term`
            (Lex::Word(W::The), Lex::None)
                if self.word(i + 1).eq_ignore_ascii_case("short") && self.is(i + 2, W::Term) =>
            {
                r(i + 3, "FUTURE_REF")
            }
            (Lex::Word(W::The), Lex::Word(W::Near))
                if self.is(i + 2, W::Future) || self.is(i + 2, W::Term) =>
            {
                r(i + 3, "FUTURE_REF")
            }
            (Lex::Word(W::The), Lex::None)
                if any_word(self.word(i + 1), &["foreseeable", "distant", "immediate"])
                    && self.is(i + 2, W::Future) =>
            {
                r(i + 3, "FUTURE_REF")
            }
            // `future earnings` is no time expression; `in future` is.
            (Lex::Word(W::Future), next) if !self.before_noun(i + 1, next) => {
                r(i + 1, "FUTURE_REF")
            }
            // `as soon as`, `soon after` are conjunctions.
            (Lex::Word(W::Soon), next)
                if !(matches!(next, Lex::Word(W::After))
                    || (i > 0 && self.word(i - 1).eq_ignore_ascii_case("as"))) =>
            {
                r(i + 1, "FUTURE_REF")
            }
            (Lex::Word(W::Coming), Lex::Unit { plural: true, .. }) => r(i + 2, "FUTURE_REF"),
            (Lex::Word(W::The), Lex::Word(W::Coming))
                if matches!(self.lex(i + 2), Lex::Unit { plural: true, .. }) =>
            {
                r(i + 3, "FUTURE_REF")
            }
            (Lex::Word(W::The), Lex::Unit { plural: true, .. }) if self.is(i + 2, W::Ahead) => {
                r(i + 3, "FUTURE_REF")
            }
            _ => None,
        }
    }

    /// True when `i` follows an article or possessive (`the recent attacks`).
    fn after_determiner(&self, i: usize) -> bool {
        i > 0
            && (matches!(
                self.w(i - 1),
                Some(W::The | W::A | W::This | W::That | W::These)
            ) || matches!(self.word(i - 1), "its" | "their" | "his" | "her" | "our"))
    }

    /// True when the token at `i` (classified `lex`) is a noun the word before it
    /// modifies: a plain lower-case word that is not a preposition or conjunction.
    pub fn before_noun(&self, i: usize, lex: Lex) -> bool {
        let Some(t) = self.toks.get(i) else {
            return false;
        };
        if t.kind != super::tokens::Kind::Word || t.cap {
            return false;
        }
        match lex {
            Lex::None => !matches!(
                self.word(i),
                "and"
                    | "or"
                    | "but"
                    | "as"
                    | "with"
                    | "on"
                    | "to"
                    | "into"
                    | "than"
                    | "if"
                    | "because"
                    | "when"
                    | "while"
                    | "since"
                    | "through"
                    | "during"
                    | "despite"
                    | "is"
                    | "are"
                    | "was"
                    | "were"
                    | "be"
            ),
            Lex::Unit { .. } | Lex::Word(W::Period) => true,
            _ => false,
        }
    }

    /// Sets: `every week`, `each Thursday`, `weekly`, `Mondays`, `$5 a year`,
    /// `twice a week`.
    pub fn set(&self, i: usize) -> Core {
        let unit_code = |u: Unit, n: u32| -> String {
            let (letter, per, time) = super::value::duration_unit(u);
            format!("P{}{}{letter}", if time { "T" } else { "" }, n * per)
        };
        match self.lex(i) {
            // `quarterly dividend`, `the Communist Party daily Granma`
            Lex::Every(_)
                if self.before_noun(i + 1, self.lex(i + 1))
                    || self
                        .toks
                        .get(i + 1)
                        .is_some_and(|t| t.cap && t.lex == Lex::None) =>
            {
                return None;
            }
            Lex::Every(u) => {
                let v = if u == Unit::Quarter {
                    "P3M".to_string()
                } else {
                    unit_code(u, 1)
                };
                return Some((i + 1, Expr::Set(v), None));
            }
            Lex::Weekday { day, plural: true } => {
                let mut v = format!("XXXX-WXX-{day}");
                let mut end = i + 1;
                if let Lex::Pod(p) = self.lex(end) {
                    v.push('T');
                    v.push_str(p.code());
                    end += 1;
                }
                return Some((end, Expr::Set(v), None));
            }
            _ => {}
        }
        // `once a week`, `twice a year`, `three times a month`, `a year` after a rate.
        let (j, times) = match (self.w(i), self.w(i + 1)) {
            (Some(W::Once | W::Twice), _) => (i + 1, true),
            (None, Some(W::Times))
                if self.num(i).is_some() || matches!(self.lex(i), Lex::Number(_)) =>
            {
                (i + 2, true)
            }
            _ => (i, false),
        };
        if matches!(self.w(j), Some(W::A | W::Per)) {
            // TimeBank leaves rates after amounts (`$5 a year`) untagged.
            let rate = times;
            if let (true, Some((u, false))) = (rate, self.unit(j + 1)) {
                return Some((j + 2, Expr::Set(unit_code(u, 1)), None));
            }
            return None;
        }
        if !matches!(self.w(i), Some(W::Every | W::Each)) {
            return None;
        }
        let mut j = i + 1;
        let mut n = 1;
        if self.is(j, W::Other) {
            n = 2;
            j += 1;
        } else if let Some((k, Some(a))) = self.quantity(j)
            && !self.is(j, W::A)
        {
            n = a.max(1.0) as u32;
            j = k;
        }
        let v = match self.lex(j) {
            Lex::Unit { unit, .. } => unit_code(unit, n),
            Lex::Weekday { day, .. } => format!("XXXX-WXX-{day}"),
            Lex::Month { month, .. } => format!("XXXX-{month:02}"),
            Lex::Season(s) => format!("XXXX-{}", s.code()),
            Lex::Pod(p) => format!("XXXX-XX-XXT{}", p.code()),
            Lex::Word(W::Weekend) => "XXXX-WXX-WE".to_string(),
            _ => return None,
        };
        Some((j + 1, Expr::Set(v), None))
    }
}
