//! Front matter: decoding, splitting at the fences, parsing TOML or YAML, and
//! finding a key's position. No panic; the split parts are the file's own text;
//! every error points inside the file.
#![no_main]

use std::path::Path;

use dateline::content::{decode, front_matter};
use dateline_fuzz::checks::check_position;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let path = Path::new("content/fuzz.md");
    let text = match decode(path, data) {
        Ok(t) => t,
        Err(e) => return check_position(data, &e).unwrap(),
    };
    let split = match front_matter::split(&text, path) {
        Ok(s) => s,
        Err(e) => return check_position(data, &e).unwrap(),
    };
    assert_eq!(&text[split.body_offset..], split.body);
    match front_matter::parse(&split, path) {
        Ok(_) => {}
        Err(e) => check_position(data, &e).unwrap(),
    }
    for key in ["title", "date", "slug", "updated", "tags"] {
        if let Some(p) = front_matter::key_position(&split, key) {
            assert!(p.line >= split.first_line && p.column >= 1, "{p:?}");
        }
    }
});
