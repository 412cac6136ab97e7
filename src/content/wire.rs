//! The plain-text wire format.
//!
//! ```text
//!  date 2023-03-08
//!
//! Headline or standfirst paragraph.
//!
//! Body paragraph, separated by blank lines.
//! ```
//!
//! The header line gives the article date (spaces around it allowed); the first
//! paragraph after it is the headline/standfirst; the body is everything after the
//! header, standfirst included, so extraction sees the whole story.

use std::path::Path;

use chrono::NaiveDate;

use crate::error::{Position, SourceError};

/// A wire text split into its parts.
#[derive(Debug, PartialEq, Eq)]
pub struct Wire<'a> {
    pub date: NaiveDate,
    /// The first paragraph, white space collapsed.
    pub headline: String,
    /// The text after the header line.
    pub body: &'a str,
    /// Byte offset of `body` in the file text.
    pub body_offset: usize,
    /// Byte range of the headline paragraph within `body`.
    pub headline_span: [usize; 2],
}

/// Parses a wire text (already free of BOM and CR).
pub fn parse<'a>(text: &'a str, path: &Path) -> Result<Wire<'a>, SourceError> {
    let mut pos = 0;
    for (i, line) in text.split_inclusive('\n').enumerate() {
        let t = line.trim();
        if t.is_empty() {
            pos += line.len();
            continue;
        }
        let line_no = i + 1;
        let Some(rest) = t.strip_prefix("date") else {
            return Err(SourceError::new(
                path,
                Some(Position {
                    line: line_no,
                    column: 1,
                }),
                "wire text must start with a `date YYYY-MM-DD` line",
            ));
        };
        let value = rest.trim();
        let col = line
            .find(value)
            .map_or(1, |c| line[..c].chars().count() + 1);
        let at = Some(Position {
            line: line_no,
            column: col,
        });
        if !rest.starts_with(char::is_whitespace) || value.is_empty() {
            return Err(SourceError::new(
                path,
                at,
                "wire text must start with a `date YYYY-MM-DD` line",
            ));
        }
        let date = NaiveDate::parse_from_str(value, "%Y-%m-%d").map_err(|_| {
            SourceError::new(
                path,
                at,
                format!("`{value}` is not a date: the header wants `date YYYY-MM-DD`"),
            )
        })?;
        let body_offset = pos + line.len();
        let body = &text[body_offset..];
        let (headline, headline_span) = first_paragraph(body);
        return Ok(Wire {
            date,
            headline,
            body,
            body_offset,
            headline_span,
        });
    }
    Err(SourceError::new(
        path,
        None,
        "empty wire text: expected a `date YYYY-MM-DD` line and paragraphs",
    ))
}

/// The first paragraph of `body` with its white space collapsed, and its span.
fn first_paragraph(body: &str) -> (String, [usize; 2]) {
    let start = body.len() - body.trim_start().len();
    let rest = &body[start..];
    let mut end = rest.len();
    let mut off = 0;
    for line in rest.split_inclusive('\n') {
        if line.trim().is_empty() {
            end = off;
            break;
        }
        off += line.len();
    }
    let para = rest[..end].trim_end();
    let headline = para.split_whitespace().collect::<Vec<_>>().join(" ");
    (headline, [start, start + para.len()])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_header_headline_and_body() {
        let text = " date 2024-01-02 \n\n\nFirst para\nwraps.\n\nSecond.\n";
        let w = parse(text, Path::new("w.txt")).unwrap();
        assert_eq!(w.date, NaiveDate::from_ymd_opt(2024, 1, 2).unwrap());
        assert_eq!(w.headline, "First para wraps.");
        assert_eq!(
            &w.body[w.headline_span[0]..w.headline_span[1]],
            "First para\nwraps."
        );
        assert!(w.body.ends_with("Second.\n"));
        assert_eq!(&text[w.body_offset..], w.body);
    }

    #[test]
    fn missing_date_line_is_an_error_with_position() {
        let e = parse("\nHeadline\n\nBody\n", Path::new("w.txt")).unwrap_err();
        assert_eq!(
            e.to_string(),
            "w.txt:2:1: wire text must start with a `date YYYY-MM-DD` line"
        );
    }

    #[test]
    fn impossible_header_date_is_an_error() {
        let e = parse("date 2023-02-30\n\nH\n", Path::new("w.txt")).unwrap_err();
        assert_eq!(
            e.to_string(),
            "w.txt:1:6: `2023-02-30` is not a date: the header wants `date YYYY-MM-DD`"
        );
    }

    #[test]
    fn empty_text_is_an_error() {
        assert!(parse("  \n\n", Path::new("w.txt")).is_err());
    }
}
