//! Whole articles, Markdown or wire, read in one of several time zones: no panic;
//! a loaded article has a safe slug, a title, and (for wire text) a headline span
//! inside its body; errors point inside the file.
#![no_main]

use std::path::Path;

use dateline::content::{Format, parse_article};
use dateline_fuzz::checks::{check_position, check_slug, check_span};
use libfuzzer_sys::fuzz_target;

const ZONES: [chrono_tz::Tz; 4] = [
    chrono_tz::UTC,
    chrono_tz::Europe::Lisbon,
    chrono_tz::America::St_Johns,
    chrono_tz::Pacific::Kiritimati,
];

const NAMES: [&str; 6] = [
    "content/fuzz.md",
    "content/2023-03-08-fuzz.md",
    "content/fuzz/index.md",
    "content/fuzz.txt",
    "content/Notícias 北京.md",
    "content/2023-02-30-x.md",
];

fuzz_target!(|data: &[u8]| {
    let Some((&selector, bytes)) = data.split_first() else {
        return;
    };
    let path = Path::new(NAMES[selector as usize % NAMES.len()]);
    let tz = ZONES[(selector as usize / NAMES.len()) % ZONES.len()];
    match parse_article(path, bytes, tz) {
        Ok(a) => {
            check_slug(&a.slug).unwrap();
            assert!(!a.title.trim().is_empty());
            if let Format::Wire { headline } = a.format {
                check_span(&a.body, headline, "headline").unwrap();
            }
        }
        Err(e) => check_position(bytes, &e).unwrap(),
    }
});
