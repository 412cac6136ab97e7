//! Quotation marks paired into quoted regions.
//!
//! News text mixes curly (`“ ”`), straight (`"`), guillemet (`« »`) and single (`‘ ’`,
//! `'`) marks, and the single ones double as apostrophes (`Clinton’s`, `voters’`,
//! `’90s`). Marks are paired within a paragraph; a double quotation still open at the
//! end of a paragraph runs to the paragraph's end, and when the next paragraph opens
//! with a mark it continues there (the convention for quotes over several paragraphs).
//! Single marks count only outside double quotations, where they quote headlines and
//! wire copy (`Trump: ‘I will win’`); inside they are nested quotes.

use super::Span;
use crate::extract::segment;

/// Which family of marks delimits a region.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MarkKind {
    Double,
    Single,
}

/// One quoted region.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Region {
    /// Byte offset of the opening mark.
    pub open: usize,
    /// The quoted text between the marks (or to the paragraph end when unclosed).
    pub inner: Span,
    /// Byte span of the closing mark, if the region closes.
    pub close: Option<Span>,
    pub kind: MarkKind,
    /// True when the next paragraph carries the same quotation on.
    pub continues: bool,
}

/// How a mark character may be read in its context.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Role {
    Open,
    Close,
    /// A straight `"` that could be either.
    Either,
}

fn opens_context(c: Option<char>) -> bool {
    c.is_none_or(|c| {
        c.is_whitespace() || matches!(c, '(' | '[' | '{' | '—' | '–' | '-' | '“' | '‘' | '"' | '/')
    })
}

/// Classifies a double mark at a position with neighbours `prev`, `next`.
fn double_role(c: char, prev: Option<char>, next: Option<char>) -> Option<Role> {
    match c {
        '“' | '«' | '„' => Some(Role::Open),
        // `”` opening a line is a misprinted `“`.
        '”' if prev.is_none_or(|p| p == '\n') && next.is_some_and(char::is_alphanumeric) => {
            Some(Role::Open)
        }
        '”' | '»' => Some(Role::Close),
        '"' => {
            let before_space = opens_context(prev);
            let after_space = next.is_none_or(|n| n.is_whitespace());
            Some(match (before_space, after_space) {
                (true, false) => Role::Open,
                (false, true) => Role::Close,
                // `,"` followed by a letter, or `6'3"` at a word end: read by state.
                _ => Role::Either,
            })
        }
        _ => None,
    }
}

/// Classifies a single mark; `None` when it is an apostrophe.
fn single_role(c: char, prev: Option<char>, next: Option<char>) -> Option<Role> {
    match c {
        '‘' | '\'' if opens_context(prev) && next.is_some_and(char::is_alphabetic) => {
            Some(Role::Open)
        }
        // `voters’ ` is a plural possessive as often as a close: the pairing decides.
        '’' | '\''
            if !next.is_some_and(char::is_alphanumeric)
                && prev.is_some_and(|p| !p.is_whitespace()) =>
        {
            Some(Role::Close)
        }
        _ => None,
    }
}

/// Splits `text` into paragraphs: at blank lines, and at single line breaks after a
/// line that ends a sentence or before one that opens a quotation (many feeds break
/// paragraphs with one newline; hard-wrapped lines seldom end at a full stop).
pub fn paragraphs(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    for p in segment::paragraphs(text) {
        let mut start = p[0];
        let body = &text[p[0]..p[1]];
        for (i, _) in body.match_indices('\n') {
            let at = p[0] + i;
            let before = text[start..at].trim_end();
            let after = text[at + 1..p[1]].trim_start();
            let ends = before
                .chars()
                .next_back()
                .is_some_and(|c| matches!(c, '.' | '?' | '!' | ':' | '"' | '”' | '’' | ')'));
            let opens = after
                .chars()
                .next()
                .is_some_and(|c| matches!(c, '“' | '"' | '«' | '”'));
            if (ends || opens) && !before.is_empty() && !after.is_empty() {
                out.push([start, start + before.len()]);
                start = p[1] - after.len();
            }
        }
        out.push([start, p[1]]);
    }
    out
}

/// Finds the quoted regions of `text`, paragraph by paragraph.
pub fn find_regions(text: &str, paragraphs: &[Span]) -> Vec<Region> {
    let mut out = Vec::new();
    for (pi, para) in paragraphs.iter().enumerate() {
        let next_para_opens = paragraphs
            .get(pi + 1)
            .is_some_and(|p| starts_with_open(&text[p[0]..p[1]]));
        scan_paragraph(text, *para, next_para_opens, &mut out);
    }
    out
}

fn starts_with_open(para: &str) -> bool {
    let mut chars = para.chars();
    match chars.next() {
        Some('“' | '«' | '„' | '”') => true,
        Some('"') => chars.next().is_some_and(|c| !c.is_whitespace()),
        _ => false,
    }
}

fn scan_paragraph(text: &str, para: Span, next_opens: bool, out: &mut Vec<Region>) {
    let s = &text[para[0]..para[1]];
    let mut double: Option<usize> = None;
    let mut single: Option<usize> = None;
    // Quotations nested inside the open double quotation (`“He calls it “hell” here.”`).
    let mut depth = 0usize;
    // Only `"`, `'` and the lead bytes of `“ ” ‘ ’ « » „` can be marks: skip the rest
    // byte by byte.
    for (i, &b) in s.as_bytes().iter().enumerate() {
        if !matches!(b, b'"' | b'\'' | 0xC2 | 0xE2) {
            continue;
        }
        let Some(c) = s[i..].chars().next() else {
            continue;
        };
        if !matches!(c, '"' | '\'' | '“' | '”' | '‘' | '’' | '«' | '»' | '„') {
            continue;
        }
        let prev = s[..i].chars().next_back();
        let next = s[i + c.len_utf8()..].chars().next();
        let at = para[0] + i;
        let len = c.len_utf8();
        if let Some(role) = double_role(c, prev, next) {
            let closing = match role {
                Role::Close => true,
                Role::Open => false,
                Role::Either => double.is_some(),
            };
            match (double, closing) {
                (Some(_), true) if depth > 0 => depth -= 1,
                (Some(o), true) => {
                    push(out, o, [at, at + len], MarkKind::Double, text);
                    double = None;
                }
                (Some(_), false) if c != '"' && nested(&s[i + len..]) => depth += 1,
                (Some(o), false) => {
                    // A new opening while one is open: the first was never closed.
                    if c != '"' {
                        push_unclosed(out, o, at, false, text);
                        double = Some(at);
                    } else {
                        push(out, o, [at, at + len], MarkKind::Double, text);
                        double = None;
                    }
                }
                (None, false) => {
                    double = Some(at);
                    single = None;
                }
                (None, true) => {}
            }
        } else if double.is_none()
            && let Some(role) = single_role(c, prev, next)
        {
            match (single, role) {
                (None, Role::Open) => single = Some(at),
                (Some(o), Role::Close) => {
                    push(out, o, [at, at + len], MarkKind::Single, text);
                    single = None;
                }
                _ => {}
            }
        }
    }
    if let Some(o) = double {
        push_unclosed(out, o, para[1], next_opens, text);
    }
}

/// True when an opening mark followed by `rest` (the paragraph after it) starts a
/// quotation nested inside one already open: two closing marks come before the next
/// opening one, one for it and one for the quotation around it.
fn nested(rest: &str) -> bool {
    let mut closers = 0;
    for c in rest.chars() {
        match c {
            '“' | '«' | '„' => break,
            '”' | '»' | '"' => {
                closers += 1;
                if closers == 2 {
                    return true;
                }
            }
            _ => {}
        }
    }
    false
}

fn push(out: &mut Vec<Region>, open: usize, close: Span, kind: MarkKind, text: &str) {
    let start = open + text[open..].chars().next().map_or(1, char::len_utf8);
    if start >= close[0] {
        return;
    }
    out.push(Region {
        open,
        inner: [start, close[0]],
        close: Some(close),
        kind,
        continues: false,
    });
}

fn push_unclosed(out: &mut Vec<Region>, open: usize, end: usize, continues: bool, text: &str) {
    let start = open + text[open..].chars().next().map_or(1, char::len_utf8);
    let inner_end = start + text[start..end].trim_end().len();
    if start >= inner_end {
        return;
    }
    out.push(Region {
        open,
        inner: [start, inner_end],
        close: None,
        kind: MarkKind::Double,
        continues,
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn inners(text: &str) -> Vec<&str> {
        find_regions(text, &paragraphs(text))
            .iter()
            .map(|r| &text[r.inner[0]..r.inner[1]])
            .collect()
    }

    #[test]
    fn pairs_curly_and_straight_marks() {
        assert_eq!(
            inners("“We stay,” she said. He said \"we go\" too."),
            ["We stay,", "we go"]
        );
    }

    #[test]
    fn apostrophes_are_not_marks() {
        assert_eq!(
            inners("The voters’ choice was Clinton’s, not the ’90s rock band's."),
            Vec::<&str>::new()
        );
    }

    #[test]
    fn single_marks_quote_outside_double_ones() {
        assert_eq!(
            inners("Mayor: ‘We will rebuild’ and “a ‘new’ city”"),
            ["We will rebuild", "a ‘new’ city"]
        );
    }

    #[test]
    fn inch_marks_do_not_open_a_quote() {
        assert_eq!(inners("He is 6'3\" tall, \"very tall.\""), ["very tall."]);
    }

    #[test]
    fn a_line_break_after_a_full_stop_ends_a_paragraph() {
        let text = "He spoke.\n“We stay,” he said.\nThe talks went\non all day.";
        let paras: Vec<&str> = paragraphs(text).iter().map(|p| &text[p[0]..p[1]]).collect();
        assert_eq!(
            paras,
            [
                "He spoke.",
                "“We stay,” he said.",
                "The talks went\non all day."
            ]
        );
    }

    #[test]
    fn a_quotation_inside_a_quotation_stays_inside() {
        assert_eq!(
            inners("“I’d live in what he calls “hell” than not,” she said."),
            ["I’d live in what he calls “hell” than not,"]
        );
        assert_eq!(
            inners("\"He read: “Are you well?” Then he left.\" Next"),
            ["He read: “Are you well?” Then he left."]
        );
    }

    #[test]
    fn an_opening_mark_without_two_closers_ends_an_unclosed_quote() {
        assert_eq!(
            inners("“We stay, he said. “We go,” she said."),
            ["We stay, he said.", "We go,"]
        );
    }

    #[test]
    fn a_closing_mark_opening_a_line_opens() {
        assert_eq!(inners("”We stay.” Then"), ["We stay."]);
    }

    #[test]
    fn quotation_over_paragraphs_continues() {
        let text = "“The first part.\n\n“The second part,” he said.";
        let regions = find_regions(text, &paragraphs(text));
        assert_eq!(regions.len(), 2);
        assert!(regions[0].continues && regions[0].close.is_none());
        assert_eq!(
            &text[regions[0].inner[0]..regions[0].inner[1]],
            "The first part."
        );
        assert!(!regions[1].continues);
    }
}
