//! Invariants of Dateline's output for any input: spans inside the text and on
//! character boundaries, TIMEX3 values that parse, error positions inside the
//! file, slugs that are one safe path segment.

use dateline::error::SourceError;
use dateline::extract::{Facts, Span};

use crate::timex3;

/// Checks that `span` is a range of `text` that starts and ends on characters.
pub fn check_span(text: &str, span: Span, what: &str) -> Result<(), String> {
    let [s, e] = span;
    if s > e || e > text.len() {
        return Err(format!("{what} span {span:?} outside 0..{}", text.len()));
    }
    if !text.is_char_boundary(s) || !text.is_char_boundary(e) {
        return Err(format!("{what} span {span:?} splits a character"));
    }
    Ok(())
}

/// Checks every span, TIMEX3 value and `mod`, event date and figure of `facts`,
/// extracted from `text`.
pub fn check_facts(text: &str, facts: &Facts) -> Result<(), String> {
    for f in &facts.figures {
        check_span(text, f.span, "figure")?;
        if f.value.is_some_and(|v| !v.is_finite()) {
            return Err(format!("figure {:?} has value {:?}", f.text, f.value));
        }
    }
    for q in &facts.quotes {
        check_span(text, q.span, "quote")?;
    }
    for t in &facts.timexes {
        check_span(text, t.span, "timex")?;
        if !timex3::is_valid_value(&t.value) {
            return Err(format!(
                "timex {:?}: `{}` is not a TIMEX3 value",
                t.text, t.value
            ));
        }
        let duration = timex3::is_duration(&t.value);
        let kind = format!("{:?}", t.kind);
        if duration != (kind == "Duration") && kind != "Set" {
            return Err(format!(
                "timex {:?}: type {kind} with value `{}`",
                t.text, t.value
            ));
        }
        if let Some(m) = &t.modifier
            && !timex3::is_valid_mod(m)
        {
            return Err(format!("timex {:?}: `{m}` is not a TIMEX3 mod", t.text));
        }
    }
    for e in &facts.events {
        check_span(text, e.span, "event")?;
        if !timex3::is_point_value(e.date) {
            return Err(format!("event date `{}` is not a TIMEX3 date", e.date));
        }
    }
    Ok(())
}

/// Checks that an error about the file `raw` points inside it: a line the file
/// has and a column that line can have.
pub fn check_position(raw: &[u8], err: &SourceError) -> Result<(), String> {
    let Some(p) = err.position else {
        return Ok(());
    };
    let line_ends = raw.iter().filter(|&&b| b == b'\n' || b == b'\r').count();
    if p.line == 0 || p.column == 0 || p.line > line_ends + 1 || p.column > raw.len() + 1 {
        return Err(format!(
            "position {}:{} outside a file of {} bytes and {} lines: {err}",
            p.line,
            p.column,
            raw.len(),
            line_ends + 1
        ));
    }
    Ok(())
}

/// Checks that `slug` is one path segment that cannot climb or hide a separator.
pub fn check_slug(slug: &str) -> Result<(), String> {
    let ok = !slug.is_empty()
        && slug.len() <= 255
        && !slug.contains(['/', '\\', '\0'])
        && !slug.contains("..")
        && !slug.chars().any(char::is_control);
    if ok {
        Ok(())
    } else {
        Err(format!("unsafe slug {slug:?}"))
    }
}
