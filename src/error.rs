//! Errors that point into a file.
//!
//! Every error about bad input names the file, and the line and column where there is
//! one, in the `path:line:column: message` form editors and terminals link to.

use std::fmt;
use std::path::{Path, PathBuf};

/// A position in a text file, counted from 1.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

impl Position {
    /// The line and column (in characters) of byte `offset` in `text`.
    pub fn of_offset(text: &str, offset: usize) -> Position {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let before = &text[..offset];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |p| p + 1);
        let column = before[line_start..].chars().count() + 1;
        Position { line, column }
    }
}

/// An error about the content of one file.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub struct SourceError {
    pub path: PathBuf,
    pub position: Option<Position>,
    pub message: String,
}

impl fmt::Display for SourceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.path.display())?;
        if let Some(p) = self.position {
            write!(f, ":{}:{}", p.line, p.column)?;
        }
        write!(f, ": {}", self.message)
    }
}

impl SourceError {
    pub fn new(path: &Path, position: Option<Position>, message: impl Into<String>) -> Self {
        SourceError {
            path: path.to_path_buf(),
            position,
            message: message.into(),
        }
    }

    /// An error at byte `offset` of `text`, which starts on line `first_line` of the file.
    pub fn at(
        path: &Path,
        text: &str,
        first_line: usize,
        offset: usize,
        message: impl Into<String>,
    ) -> Self {
        let mut pos = Position::of_offset(text, offset);
        pos.line += first_line;
        SourceError::new(path, Some(pos), message)
    }

    /// A TOML error in `text`, which starts `first_line` lines into the file.
    pub fn from_toml(path: &Path, text: &str, first_line: usize, err: &toml::de::Error) -> Self {
        let message = err.message().trim().to_string();
        match err.span() {
            Some(span) => SourceError::at(path, text, first_line, span.start, message),
            None => SourceError::new(path, None, message),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_lines_and_characters_from_one() {
        let text = "ab\nc’d\n";
        assert_eq!(
            Position::of_offset(text, 0),
            Position { line: 1, column: 1 }
        );
        assert_eq!(
            Position::of_offset(text, 3),
            Position { line: 2, column: 1 }
        );
        // `d` comes after a three-byte apostrophe: column 3, not 5.
        assert_eq!(
            Position::of_offset(text, 7),
            Position { line: 2, column: 3 }
        );
    }

    #[test]
    fn display_is_path_line_column_message() {
        let e = SourceError::at(Path::new("content/a.md"), "x\ny = 1", 1, 2, "bad");
        assert_eq!(e.to_string(), "content/a.md:3:1: bad");
    }
}
