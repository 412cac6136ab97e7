//! Events: dated statements that make a timeline.

use chrono::NaiveDate;

use super::{Event, Span, Timex};

/// Turns the dated sentences of `text` into timeline events.
pub fn find_events(
    _text: &str,
    _sentences: &[Span],
    _timexes: &[Timex],
    _dct: Option<NaiveDate>,
) -> Vec<Event> {
    Vec::new()
}
