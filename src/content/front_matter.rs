//! Front matter: splitting it off a Markdown file and reading its fields.
//!
//! `+++` fences hold TOML, `---` fences hold YAML. The raw fields are deserialised
//! into [`RawFrontMatter`] (unknown fields refused, so a typo is named rather than
//! silently ignored); turning them into an [`Article`](super::Article) — parsing
//! dates in the site's zone, checking the slug — happens in the caller.

use std::path::Path;

use serde::Deserialize;

use crate::error::{Position, SourceError};

/// The front-matter languages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Toml,
    Yaml,
}

impl Format {
    fn fence(self) -> &'static str {
        match self {
            Format::Toml => "+++",
            Format::Yaml => "---",
        }
    }
}

/// A file split at its front-matter fences.
#[derive(Debug, PartialEq, Eq)]
pub struct Split<'a> {
    pub format: Format,
    /// The text between the fences.
    pub front_matter: &'a str,
    /// The line (from 1) the front matter starts on.
    pub first_line: usize,
    /// Everything after the closing fence's line.
    pub body: &'a str,
    /// Byte offset of `body` in the file text.
    pub body_offset: usize,
}

/// Splits `text` (already free of BOM and CR) at its front-matter fences.
pub fn split<'a>(text: &'a str, path: &Path) -> Result<Split<'a>, SourceError> {
    let first_end = text.find('\n').unwrap_or(text.len());
    let first = text[..first_end].trim_end();
    let format = match first {
        "+++" => Format::Toml,
        "---" => Format::Yaml,
        _ => {
            return Err(SourceError::new(
                path,
                Some(Position { line: 1, column: 1 }),
                "expected front matter: a Markdown article starts with a `+++` (TOML) or `---` (YAML) line",
            ));
        }
    };
    let fm_start = (first_end + 1).min(text.len());
    let mut pos = fm_start;
    for line in text[fm_start..].split_inclusive('\n') {
        if line.trim_end() == format.fence() {
            let body_offset = pos + line.len();
            return Ok(Split {
                format,
                front_matter: &text[fm_start..pos],
                first_line: 2,
                body: &text[body_offset..],
                body_offset,
            });
        }
        pos += line.len();
    }
    Err(SourceError::new(
        path,
        Some(Position { line: 1, column: 1 }),
        format!(
            "unterminated front matter: no closing `{}` line after the opening one",
            format.fence()
        ),
    ))
}

/// A date as written: TOML has a date type of its own, YAML gives a string.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(
    untagged,
    expecting = "expected a date: `YYYY-MM-DD` or RFC 3339 (`2023-03-08T09:30:00+03:00`)"
)]
pub enum RawDate {
    Toml(toml::value::Datetime),
    Text(String),
}

impl RawDate {
    pub fn as_text(&self) -> String {
        match self {
            RawDate::Toml(d) => d.to_string(),
            RawDate::Text(s) => s.clone(),
        }
    }
}

/// The fields of a Markdown article's front matter, as written.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct RawFrontMatter {
    pub title: Option<String>,
    pub date: Option<RawDate>,
    pub updated: Option<RawDate>,
    pub slug: Option<String>,
    pub description: Option<String>,
    pub author: Option<String>,
    pub authors: Vec<String>,
    pub tags: Vec<String>,
    pub source: Option<String>,
    pub location: Option<String>,
    pub draft: bool,
    pub image: Option<String>,
    pub extra: Option<serde_json::Value>,
}

/// Parses the front matter of `split`; errors carry the file's line and column.
pub fn parse(split: &Split<'_>, path: &Path) -> Result<RawFrontMatter, SourceError> {
    match split.format {
        Format::Toml => parse_toml(split, path),
        Format::Yaml => parse_yaml(split, path),
    }
}

fn parse_toml(split: &Split<'_>, path: &Path) -> Result<RawFrontMatter, SourceError> {
    let mut raw: RawFrontMatter = toml::from_str(split.front_matter).map_err(|e| {
        let err = SourceError::from_toml(path, split.front_matter, split.first_line - 1, &e);
        name_field(split, err)
    })?;
    if let Some(extra) = raw.extra.as_mut() {
        unwrap_toml_dates(extra);
    }
    Ok(raw)
}

/// TOML dates deserialised into JSON arrive as `{"$__toml_private_datetime": "…"}`;
/// templates want the date text.
fn unwrap_toml_dates(v: &mut serde_json::Value) {
    use serde_json::Value as J;
    match v {
        J::Object(map) => {
            if let (1, Some(J::String(s))) = (map.len(), map.get("$__toml_private_datetime")) {
                *v = J::String(s.clone());
                return;
            }
            map.values_mut().for_each(unwrap_toml_dates);
        }
        J::Array(items) => items.iter_mut().for_each(unwrap_toml_dates),
        _ => {}
    }
}

fn parse_yaml(split: &Split<'_>, path: &Path) -> Result<RawFrontMatter, SourceError> {
    if split.front_matter.trim().is_empty() {
        return Ok(RawFrontMatter::default());
    }
    serde_saphyr::from_str::<RawFrontMatter>(split.front_matter).map_err(|e| {
        let position = e.location().map(|l| Position {
            line: l.line() as usize + split.first_line - 1,
            column: l.column() as usize,
        });
        name_field(split, SourceError::new(path, position, yaml_message(&e)))
    })
}

/// The first line of a YAML error, without the snippet serde-saphyr draws and
/// without its own `line N column M` (relative to the front matter, so it would
/// contradict the file position in front of the message).
fn yaml_message(e: &serde_saphyr::Error) -> String {
    let full = e.to_string();
    let line = full.lines().next().unwrap_or("invalid YAML").trim();
    let line = line.trim_start_matches("error: ");
    let line = match line.strip_prefix("line ").and_then(|r| r.split_once(": ")) {
        Some((at, rest)) if at.split(" column ").all(|n| n.parse::<usize>().is_ok()) => rest,
        _ => line,
    };
    match line.rsplit_once(" at line ") {
        Some((msg, _)) => msg.to_string(),
        None => line.to_string(),
    }
}

/// Puts the name of the field in front of an error about its value (`` `date`:
/// expected a date``): the position alone leaves the editor to find which field a
/// bare "invalid type" is about. Errors about keys (at the key) are left as they are.
fn name_field(split: &Split<'_>, mut err: SourceError) -> SourceError {
    let Some(pos) = err.position else {
        return err;
    };
    let Some(line) = pos
        .line
        .checked_sub(split.first_line)
        .and_then(|i| split.front_matter.lines().nth(i))
    else {
        return err;
    };
    let sep = match split.format {
        Format::Toml => '=',
        Format::Yaml => ':',
    };
    if let Some(at) = line.find(sep) {
        let key = line[..at].trim();
        let is_key = !key.is_empty()
            && key
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
        if is_key && pos.column > line[..at].chars().count() + 1 {
            err.message = format!("`{key}`: {}", err.message);
        }
    }
    err
}

/// The line and column where `key` is set in the front matter, for errors about
/// its value that the parser could not see (an impossible date, a bad slug).
pub fn key_position(split: &Split<'_>, key: &str) -> Option<Position> {
    for (i, line) in split.front_matter.lines().enumerate() {
        let t = line.trim_start();
        if let Some(rest) = t.strip_prefix(key) {
            let rest_trim = rest.trim_start();
            if rest_trim.starts_with('=') || rest_trim.starts_with(':') {
                let sep = line.len() - rest_trim.len();
                let after = &line[sep + 1..];
                let value = sep + 1 + (after.len() - after.trim_start().len());
                let col = line[..value].chars().count() + 1;
                return Some(Position {
                    line: split.first_line + i,
                    column: col,
                });
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split_ok(text: &str) -> Split<'_> {
        split(text, Path::new("a.md")).unwrap()
    }

    #[test]
    fn splits_toml_front_matter() {
        let s = split_ok("+++\ntitle = \"A\"\n+++\nBody\n");
        assert_eq!(s.format, Format::Toml);
        assert_eq!(s.front_matter, "title = \"A\"\n");
        assert_eq!(s.body, "Body\n");
        assert_eq!(s.body_offset, 20);
    }

    #[test]
    fn splits_yaml_front_matter() {
        let s = split_ok("---\ntitle: A\n---\n");
        assert_eq!(s.format, Format::Yaml);
        assert_eq!(s.body, "");
    }

    #[test]
    fn unterminated_front_matter_names_the_fence() {
        let e = split("+++\ntitle = \"A\"\nBody\n", Path::new("a.md")).unwrap_err();
        assert_eq!(
            e.to_string(),
            "a.md:1:1: unterminated front matter: no closing `+++` line after the opening one"
        );
    }

    #[test]
    fn missing_front_matter_is_an_error() {
        assert!(split("# Just a heading\n", Path::new("a.md")).is_err());
    }

    #[test]
    fn toml_errors_point_into_the_file() {
        let text = "+++\ntitle = \"A\"\ndate = 5\n+++\n";
        let s = split_ok(text);
        let e = parse(&s, Path::new("a.md")).unwrap_err();
        assert_eq!(e.position, Some(Position { line: 3, column: 8 }), "{e}");
    }

    #[test]
    fn toml_syntax_errors_point_into_the_file() {
        let s = split_ok("+++\ntitle = \"A\ntags = []\n+++\n");
        let e = parse(&s, Path::new("a.md")).unwrap_err();
        assert_eq!(e.position.map(|p| p.line), Some(2), "{e}");
    }

    #[test]
    fn yaml_errors_point_into_the_file() {
        let s = split_ok("---\ntitle: A\ntags: [a, b\n---\n");
        let e = parse(&s, Path::new("a.md")).unwrap_err();
        assert!(e.position.is_some_and(|p| p.line >= 3), "{e}");
    }

    #[test]
    fn type_errors_name_the_field() {
        let s = split_ok("+++\ntitle = \"A\"\ndate = 5\n+++\n");
        let e = parse(&s, Path::new("a.md")).unwrap_err();
        assert_eq!(
            e.to_string(),
            "a.md:3:8: `date`: expected a date: `YYYY-MM-DD` or RFC 3339 (`2023-03-08T09:30:00+03:00`)"
        );
        let s = split_ok("---\ntitle: A\ndraft: maybe\n---\n");
        let e = parse(&s, Path::new("a.md")).unwrap_err();
        assert!(e.to_string().starts_with("a.md:3:8: `draft`: "), "{e}");
    }

    #[test]
    fn yaml_errors_carry_only_the_file_position() {
        let s = split_ok("---\ntitle: A\ntags: [a, b\n---\n");
        let e = parse(&s, Path::new("a.md")).unwrap_err();
        assert!(!e.message.contains("line"), "{e}");
    }

    #[test]
    fn unknown_fields_are_named() {
        let s = split_ok("+++\ntittle = \"A\"\n+++\n");
        let e = parse(&s, Path::new("a.md")).unwrap_err();
        assert!(e.message.contains("tittle"), "{e}");
        let s = split_ok("---\ntittle: A\n---\n");
        let e = parse(&s, Path::new("a.md")).unwrap_err();
        assert!(e.message.contains("tittle"), "{e}");
    }

    #[test]
    fn dates_come_as_toml_dates_or_text() {
        let s = split_ok("+++\ndate = 2023-03-08\n+++\n");
        let raw = parse(&s, Path::new("a.md")).unwrap();
        assert_eq!(raw.date.unwrap().as_text(), "2023-03-08");
        let s = split_ok("---\ndate: 2023-03-08T10:00:00+03:00\n---\n");
        let raw = parse(&s, Path::new("a.md")).unwrap();
        assert_eq!(raw.date.unwrap().as_text(), "2023-03-08T10:00:00+03:00");
    }

    #[test]
    fn extra_is_kept_for_templates() {
        let s = split_ok("+++\n[extra]\nkicker = \"Exclusive\"\nwhen = 2023-03-08\n+++\n");
        let raw = parse(&s, Path::new("a.md")).unwrap();
        let extra = raw.extra.unwrap();
        assert_eq!(extra["kicker"], "Exclusive");
        assert_eq!(extra["when"], "2023-03-08");
    }

    #[test]
    fn key_position_finds_the_value() {
        let s = split_ok("+++\ntitle = \"A\"\ndate = 2023-02-30\n+++\n");
        assert_eq!(
            key_position(&s, "date"),
            Some(Position { line: 3, column: 8 })
        );
    }
}
