//! The wire-format reader: no panic; the body is the text after the header line;
//! the headline span lies inside the body on character boundaries and is the
//! headline's text; errors point inside the file.
#![no_main]

use std::path::Path;

use dateline::content::{decode, wire};
use dateline_fuzz::checks::{check_position, check_span};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let path = Path::new("content/fuzz.txt");
    let text = match decode(path, data) {
        Ok(t) => t,
        Err(e) => return check_position(data, &e).unwrap(),
    };
    match wire::parse(&text, path) {
        Ok(w) => {
            assert_eq!(&text[w.body_offset..], w.body);
            check_span(w.body, w.headline_span, "headline").unwrap();
            let [s, e] = w.headline_span;
            let collapsed = w.body[s..e]
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            assert_eq!(collapsed, w.headline);
        }
        Err(e) => check_position(data, &e).unwrap(),
    }
});
