//! The extractor on any text, as raw text and as the plain view of Markdown: no
//! panic; every span inside the text and on character boundaries; every timex
//! value a valid TIMEX3 value, every `mod` a TIMEX3 mod, every event dated by a
//! TIMEX3 date.
#![no_main]

use std::sync::LazyLock;

use chrono::NaiveDate;
use dateline::content::markdown::plain_view;
use dateline::extract::{Document, Knowledge, extract_facts};
use dateline_fuzz::checks::check_facts;
use libfuzzer_sys::fuzz_target;

static KB: LazyLock<Knowledge> = LazyLock::new(Knowledge::builtin);

fuzz_target!(|data: &[u8]| {
    let Some((&selector, bytes)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(bytes) else {
        return;
    };
    let date = match selector % 4 {
        0 => None,
        1 => NaiveDate::from_ymd_opt(2023, 3, 8),
        2 => NaiveDate::from_ymd_opt(2000, 2, 29),
        // The ends of what front matter can say.
        _ if selector & 16 != 0 => NaiveDate::from_ymd_opt(9999, 12, 31),
        _ => NaiveDate::from_ymd_opt(1, 1, 1),
    };
    let plain;
    let body = if selector & 4 != 0 {
        plain = plain_view(text);
        plain.as_str()
    } else {
        text
    };
    let title = (selector & 8 != 0).then(|| body.lines().next().unwrap_or(""));
    let facts = extract_facts(&Document { title, body, date }, &KB);
    if let Err(e) = check_facts(body, &facts) {
        panic!("{e}");
    }
});
