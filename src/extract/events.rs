//! Events: dated statements that make a timeline.
//!
//! Every sentence that holds a calendar date (a DATE or TIME timex with a resolved
//! value, not `PAST_REF` or a duration) gives one event per distinct date, and the
//! article's own news — the lede, its first body sentence — is an event on the
//! article date. The summary is a readable extract of the sentence, not a
//! paraphrase: the clause holding the date, without the date itself, its
//! preposition, the conjunction that joined the clause or a trailing `he said`,
//! cut to about fifteen words at a phrase boundary.

use std::borrow::Cow;

use chrono::NaiveDate;

use super::{Event, Quote, Span, Timex, TimexKind, find_bytes};

/// Longest summary, in words.
const MAX_WORDS: usize = 15;

/// Turns the dated sentences of `text` into timeline events.
///
/// A date inside a direct quote is someone's claim, not a dated statement of the
/// article: `quotes` (from the quote extractor) keeps those off the timeline.
pub fn find_events(
    text: &str,
    sentences: &[Span],
    timexes: &[Timex],
    quotes: &[Quote],
    dct: Option<NaiveDate>,
) -> Vec<Event> {
    let mut events: Vec<Event> = Vec::new();
    let lede = sentences
        .iter()
        .copied()
        .find(|s| text.get(s[0]..s[1]).is_some_and(|t| !is_header(t)));
    if let (Some(lede), Some(d)) = (lede, dct)
        && let Some(summary) = summarize(text, lede, None)
    {
        events.push(Event {
            date: d.format("%Y-%m-%d").to_string(),
            summary,
            span: lede,
        });
    }
    let mut t = 0;
    for &s in sentences {
        let sentence = text.get(s[0]..s[1]).unwrap_or("");
        if is_header(sentence) {
            continue;
        }
        while t < timexes.len() && timexes[t].span[0] < s[0] {
            t += 1;
        }
        let mut k = t;
        let first = events.len().saturating_sub(1);
        while k < timexes.len() && timexes[k].span[1] <= s[1] {
            let timex = &timexes[k];
            k += 1;
            let Some(date) = event_date(timex) else {
                continue;
            };
            let quoted = quotes
                .iter()
                .any(|q| !q.indirect && q.span[0] <= timex.span[0] && timex.span[1] <= q.span[1]);
            if quoted {
                continue;
            }
            if events[first..]
                .iter()
                .any(|e| e.span == s && e.date == date)
            {
                continue;
            }
            if let Some(summary) = summarize(text, s, Some(timex.span)) {
                events.push(Event {
                    date,
                    summary,
                    span: s,
                });
            }
        }
    }
    events
}

/// The `date 2023-03-08` header line of the wire format, when the body has it.
fn is_header(sentence: &str) -> bool {
    let rest = sentence.trim_start();
    rest.strip_prefix("date ")
        .is_some_and(|r| r.trim_start().starts_with(|c: char| c.is_ascii_digit()))
}

/// The calendar date of a timex, if it has one: `2014`, `2023-03-07`, `2023-W09`.
fn event_date(t: &Timex) -> Option<String> {
    if !matches!(t.kind, TimexKind::Date | TimexKind::Time) {
        return None;
    }
    let v = t.value.as_str();
    if !v.starts_with(|c: char| c.is_ascii_digit()) || v.contains('X') {
        return None;
    }
    // Parts of days and clock times belong to their day.
    let date = v.split('T').next().unwrap_or(v);
    Some(date.to_string())
}

/// Words that join a clause to the one before it.
const CLAUSE_BREAKS: &[&str] = &[
    ", but ",
    ", and ",
    "; ",
    ", which ",
    ", who ",
    ", while ",
    ", although ",
    ", though ",
    ", when ",
    ", where ",
    ", as ",
    " — ",
    " – ",
    " -- ",
    ", after ",
];

/// Words that open a clause and can go when the clause stands alone.
const OPENERS: &[&str] = &[
    "but",
    "and",
    "so",
    "yet",
    "while",
    "although",
    "though",
    "despite",
    "after",
    "before",
    "when",
    "as",
    "because",
    "following",
    "since",
    "meanwhile",
    "however",
    "currently",
    "also",
];

/// Words a summary may be cut before.
const BOUNDARIES: &[&str] = &[
    "to", "for", "after", "before", "with", "as", "in", "on", "at", "which", "who", "that", "amid",
    "while", "because", "during", "since", "from", "by", "of", "and", "but",
];

/// Words a summary must not end on.
const DANGLING: &[&str] = &[
    "the", "a", "an", "of", "to", "in", "on", "at", "for", "and", "or", "but", "with", "by",
    "from", "as", "that", "which", "who", "its", "their", "his", "her", "is", "was", "were", "are",
    "be", "has", "had", "have", "this", "these", "than", "into", "about", "just",
];

/// A readable extract of the sentence at `span`: the clause holding `timex` (or the
/// first clause), without the time expression.
fn summarize(text: &str, span: Span, timex: Option<Span>) -> Option<String> {
    let sentence = text.get(span[0]..span[1])?;
    let body_start = strip_dateline(sentence);
    let (mut start, mut end) = (body_start, sentence.len());
    let mut antecedent = None;
    let anchor = timex.map_or(body_start, |t| t[0].saturating_sub(span[0]));
    // The clause holding the anchor, between the breaks around it, read in one pass:
    // a break ending before the anchor opens the clause, the first one starting at or
    // after it closes the clause.
    let bytes = sentence.as_bytes();
    for at in body_start..bytes.len() {
        let b = bytes[at];
        let dash_next = || bytes.get(at + 1).is_some_and(|&b| b == b'-' || b >= 0x80);
        if !(b == b',' || b == b';' || (b == b' ' && dash_next())) {
            continue;
        }
        let Some(brk) = clause_break_at(&bytes[at..]) else {
            continue;
        };
        let e = at + brk.len();
        if e <= anchor {
            start = e;
            antecedent = matches!(brk, ", which " | ", who ").then_some(at);
        } else if at >= anchor {
            end = at;
            break;
        }
    }
    // A `which` clause, or one opened by `despite`, `after`, ..., ends at its
    // closing comma.
    let first_word = sentence[start..end].split_whitespace().next().unwrap_or("");
    let subordinate = [
        "despite",
        "after",
        "before",
        "since",
        "although",
        "though",
        "while",
        "when",
        "because",
        "following",
        "until",
        "amid",
    ]
    .iter()
    .any(|w| first_word.eq_ignore_ascii_case(w));
    if (antecedent.is_some() || subordinate)
        && let Some(p) = memchr::memchr(b',', &sentence.as_bytes()[anchor.min(end)..end])
    {
        end = anchor.min(end) + p;
    }
    // A second date in the clause names its own event: take the noun phrase it
    // dates (`the anniversary of the US invasion of Iraq in 2003` → `the US
    // invasion of Iraq`).
    if let Some(t) = timex
        && antecedent.is_none()
    {
        let ts = t[0].saturating_sub(span[0]).min(sentence.len());
        let lead = trim_preposition(&sentence[start.min(ts)..ts]);
        let earlier_date = lead.bytes().any(|b| b.is_ascii_digit()) || names_weekday(lead);
        if earlier_date && let Some(np) = noun_phrase_before(lead) {
            return Some(tidy(np));
        }
    }
    let mut clause = String::with_capacity(end.saturating_sub(start) + 32);
    if let Some(at) = antecedent {
        clause.push_str(antecedent_of(&sentence[..at]));
        clause.push(' ');
    }
    // The clause without the time expression and its preposition.
    match timex {
        Some(t) if t[0] >= span[0] + start && t[1] <= span[0] + end => {
            let (ts, te) = (t[0] - span[0], t[1] - span[0]);
            let before = trim_preposition(&sentence[start..ts]);
            clause.push_str(before);
            clause.push(' ');
            clause.push_str(&sentence[te..end]);
        }
        _ => clause.push_str(&sentence[start..end]),
    }
    let cleaned = tidy(&clause);
    (!cleaned.is_empty()).then_some(cleaned)
}

/// The clause break (one of [`CLAUSE_BREAKS`]) that `rest` starts with, if any.
fn clause_break_at(rest: &[u8]) -> Option<&'static str> {
    CLAUSE_BREAKS
        .iter()
        .copied()
        .find(|b| rest.starts_with(b.as_bytes()))
}

/// True when `s` contains the name of a weekday (`Monday`, ..., `Sunday`), as a
/// substring: every such name ends in `day`, so only the places of `day` are checked.
fn names_weekday(s: &str) -> bool {
    const STEMS: [&str; 7] = ["Mon", "Tues", "Wednes", "Thurs", "Fri", "Satur", "Sun"];
    let bytes = s.as_bytes();
    let mut from = 0;
    while let Some(p) = find_bytes(&bytes[from..], b"day") {
        let at = from + p;
        if STEMS
            .iter()
            .any(|stem| bytes[..at].ends_with(stem.as_bytes()))
        {
            return true;
        }
        from = at + 1;
    }
    false
}

/// The noun phrase ending `s` that follows a preposition (`... of the US invasion
/// of Iraq` → `the US invasion of Iraq`).
fn noun_phrase_before(s: &str) -> Option<&str> {
    let mut best = None;
    for det in [" the ", " a ", " an "] {
        for (at, _) in s.match_indices(det) {
            let before = s[..at].trim_end();
            let prev = before.rsplit(' ').next().unwrap_or("");
            if matches!(
                prev,
                "of" | "before" | "after" | "since" | "following" | "until"
            ) {
                best = best.max(Some(at + 1));
            }
        }
    }
    // The outermost such phrase: the first one after the last verb-like break.
    let at = best?;
    let np = &s[at..];
    (np.split_whitespace().count() >= 2).then_some(np)
}

/// Byte offset where a dateline ends (`BAGHDAD, March 7 (Reuters) - `), or 0.
///
/// Only the first 60 bytes may hold the separator, and every separator has a dash:
/// most sentences are answered by one short byte scan.
fn strip_dateline(sentence: &str) -> usize {
    const SEPARATORS: [&str; 6] = [") - ", ") -- ", ") — ", " - ", " -- ", " — "];
    let bytes = sentence.as_bytes();
    let window = &bytes[..bytes.len().min(64)];
    // `—` is E2 80 94 in UTF-8.
    if !window.iter().any(|&b| b == b'-' || b == 0xE2) {
        return 0;
    }
    for sep in SEPARATORS {
        // The first occurrence starts before byte 60 exactly when it lies in here.
        let limit = bytes.len().min(59 + sep.len());
        if let Some(p) = find_bytes(&bytes[..limit], sep.as_bytes()) {
            let head = &sentence[..p];
            let caps = head
                .split(|c: char| !c.is_alphabetic())
                .find(|w| !w.is_empty())
                .is_some_and(|w| w.len() > 1 && w.chars().all(|c| c.is_uppercase()));
            if caps {
                return p + sep.len();
            }
        }
    }
    0
}

/// The noun a `which` clause is about: the last name before the comma, or the last
/// word with its article (`the group`).
fn antecedent_of(before: &str) -> &str {
    let before = before.trim_end_matches([',', ' ', ')']);
    let words: Vec<(usize, &str)> = before
        .split_whitespace()
        .map(|w| (w.as_ptr() as usize - before.as_ptr() as usize, w))
        .collect();
    let Some(&(last_at, last)) = words.last() else {
        return "";
    };
    let mut from = last_at;
    if last.starts_with(char::is_uppercase) {
        for &(at, w) in words.iter().rev().skip(1) {
            if w.starts_with(char::is_uppercase) {
                from = at;
            } else {
                break;
            }
        }
    } else {
        for &(at, w) in words.iter().rev().skip(1).take(3) {
            let w = w.to_ascii_lowercase();
            if w.ends_with(',') {
                break;
            }
            if matches!(
                w.as_str(),
                "the" | "a" | "an" | "its" | "their" | "his" | "her"
            ) {
                from = at;
                break;
            }
        }
    }
    &before[from..]
}

/// `... withdrew its forces in` without the trailing preposition.
fn trim_preposition(s: &str) -> &str {
    let t = s.trim_end().trim_end_matches(',').trim_end();
    // The last word, after the last space (not any white space).
    let (rest, last) = match t.rfind(' ') {
        Some(i) => (&t[..=i], &t[i + 1..]),
        None => ("", t),
    };
    let preposition = matches!(
        last,
        "in" | "on"
            | "at"
            | "by"
            | "during"
            | "since"
            | "until"
            | "from"
            | "of"
            | "for"
            | "In"
            | "On"
            | "At"
            | "By"
            | "During"
            | "Since"
            | "Until"
            | "From"
    );
    if preposition { rest } else { t }
}

/// `w` without the non-alphanumeric characters at its ends.
fn bare(w: &str) -> &str {
    w.trim_matches(|c: char| !c.is_alphanumeric())
}

/// True when `w` is one of `list` (all lower case), ignoring ASCII case.
fn is_one_of(w: &str, list: &[&str]) -> bool {
    list.iter().any(|x| w.eq_ignore_ascii_case(x))
}

/// Cleans a clause into a summary: spaces, openers, reporting tails, length,
/// dangling words and punctuation, capital first letter.
fn tidy(clause: &str) -> String {
    // Words borrow from the clause; only a word that takes a stray comma is copied.
    let mut words: Vec<Cow<'_, str>> = Vec::with_capacity(32);
    for w in clause.split_whitespace() {
        // A comma left alone where the date was joins the word before it.
        if w.bytes().all(|b| matches!(b, b',' | b';')) {
            if let Some(last) = words.last_mut()
                && !last.ends_with(',')
            {
                last.to_mut().push_str(w);
            }
            continue;
        }
        words.push(Cow::Borrowed(w));
    }
    // Stray commas left where the date was: `Currently, the` keeps its comma only
    // if the word stays.
    let skip = words
        .iter()
        .take_while(|w| {
            let b = bare(w);
            b.is_empty() || is_one_of(b, OPENERS)
        })
        .count();
    let mut words = &words[skip..];
    // `..., he said.` / `..., Austin told reporters.`
    if let Some(p) = words.iter().rposition(|w| w.ends_with(',')) {
        let tail = &words[p + 1..];
        let reporting = tail.len() <= 4
            && tail.iter().any(|w| {
                let w = w.trim_end_matches(['.', '!', '?']);
                matches!(
                    w,
                    "said" | "says" | "told" | "added" | "stated" | "reported"
                )
            });
        if reporting {
            words = &words[..=p];
        }
    }
    if words.len() > MAX_WORDS {
        let cut = (5..=MAX_WORDS)
            .rev()
            .find(|&k| BOUNDARIES.contains(&bare(&words[k])) || words[k - 1].ends_with(','))
            .unwrap_or(MAX_WORDS);
        words = &words[..cut];
    }
    while let Some((last, rest)) = words.split_last() {
        let b = bare(last);
        if b.is_empty() || is_one_of(b, DANGLING) {
            words = rest;
        } else {
            break;
        }
    }
    let mut s = String::with_capacity(clause.len());
    for (k, w) in words.iter().enumerate() {
        if k > 0 {
            s.push(' ');
        }
        // The first letter in capitals.
        if k == 0
            && let Some(c) = w.chars().next()
        {
            if c.is_ascii() {
                s.push(c.to_ascii_uppercase());
            } else {
                s.extend(c.to_uppercase());
            }
            s.push_str(&w[c.len_utf8()..]);
        } else {
            s.push_str(w);
        }
    }
    let trimmed = s
        .trim_end_matches([',', '.', ';', ':', ' ', '(', '-', '—'])
        .len();
    s.truncate(trimmed);
    // Brackets left open by the cut.
    let bytes = s.as_bytes();
    let opened = bytes.iter().filter(|&&b| b == b'(').count();
    if opened > bytes.iter().filter(|&&b| b == b')').count()
        && let Some(p) = s.rfind('(')
    {
        s.truncate(p);
        let t = s.trim_end_matches([',', ' ']).len();
        s.truncate(t);
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::{segment, time};

    fn events(text: &str) -> Vec<Event> {
        let dct = NaiveDate::from_ymd_opt(2023, 3, 8);
        let sentences = segment::sentences(text);
        let timexes = time::find_timexes(text, &sentences, dct);
        find_events(text, &sentences, &timexes, &[], dct)
    }

    fn on<'a>(events: &'a [Event], date: &str) -> &'a Event {
        events
            .iter()
            .find(|e| e.date == date)
            .unwrap_or_else(|| panic!("no event on {date} in {events:?}"))
    }

    #[test]
    fn lede_is_an_event_on_the_article_date() {
        let e = events("The council approved the new budget after a long debate.");
        assert_eq!(
            on(&e, "2023-03-08").summary,
            "The council approved the new budget after a long debate"
        );
    }

    #[test]
    fn dated_clause_becomes_the_summary_without_the_date() {
        let text = "Talks went on. The company closed its plant in 2009, but the union kept its office open.";
        let e = events(text);
        assert_eq!(on(&e, "2009").summary, "The company closed its plant");
    }

    #[test]
    fn which_clause_takes_its_antecedent() {
        let text = "Troops remain. Fighting spread across the Sahel, where the group, which in 2015 captured two towns, grew.";
        let e = events(text);
        assert_eq!(on(&e, "2015").summary, "The group captured two towns");
    }

    #[test]
    fn reporting_tail_is_dropped() {
        let text = "Prices rose. The bank raised rates on Monday, the governor said.";
        let e = events(text);
        assert_eq!(on(&e, "2023-03-06").summary, "The bank raised rates");
    }

    #[test]
    fn long_summaries_are_cut_at_a_phrase_boundary() {
        let text = "Prices rose. In 2016 the regional government opened seven new schools and two hospitals across the northern provinces to serve the growing population.";
        let e = events(text);
        let s = &on(&e, "2016").summary;
        assert!(s.split_whitespace().count() <= MAX_WORDS, "{s}");
        assert!(
            s.starts_with("The regional government opened seven new schools"),
            "{s}"
        );
        assert!(!s.ends_with(" the") && !s.ends_with(','), "{s}");
    }

    #[test]
    fn fuzzy_dates_and_durations_make_no_events() {
        let text = "Prices rose. Sales fell in recent months and stayed low for three years.";
        let e = events(text);
        assert!(e.iter().all(|e| e.date == "2023-03-08"), "{e:?}");
    }

    #[test]
    fn one_event_per_date_and_sentence() {
        let text = "Prices rose. The mill shut in 2001 and the mine shut in 2001 as well.";
        let e = events(text);
        assert_eq!(e.iter().filter(|e| e.date == "2001").count(), 1);
    }

    #[test]
    fn header_line_is_not_the_lede() {
        let text = "date 2023-03-08\n\nThe mayor resigned on Tuesday.";
        let e = events(text);
        assert!(e.iter().all(|e| !e.summary.starts_with("Date")), "{e:?}");
        assert_eq!(on(&e, "2023-03-07").summary, "The mayor resigned");
    }
}
