//! Article metadata found in the text itself: the dateline, the byline and the summary.

use super::Span;

/// Dateline, byline and summary of a text.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Meta {
    pub dateline: Option<String>,
    pub byline: Option<String>,
    pub summary: String,
}

/// Finds the dateline, byline and summary of `text`.
pub fn find_meta(text: &str, sentences: &[Span]) -> Meta {
    let summary = sentences
        .first()
        .map(|[s, e]| text[*s..*e].to_string())
        .unwrap_or_default();
    Meta {
        dateline: None,
        byline: None,
        summary,
    }
}
