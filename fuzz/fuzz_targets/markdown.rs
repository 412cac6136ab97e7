//! Markdown rendering and the plain view extraction reads: no panic; with
//! sanitising on, no script, frame or script URL comes out; the plain view has the
//! source's length and holds only the source's bytes or blanks.
#![no_main]

use dateline::content::markdown::{markdown_to_html, plain_view, wire_to_html};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(src) = std::str::from_utf8(data) else {
        return;
    };
    let html = markdown_to_html(src, true).to_ascii_lowercase();
    // A `<` in text is escaped, so each of these is a real tag.
    for bad in ["<script", "<iframe", "<object", "<embed"] {
        assert!(!html.contains(bad), "sanitised HTML holds `{bad}`");
    }
    // A script URL inside a tag (an attribute); in text (`&lt;a href="javascript:`)
    // it is harmless, and ammonia leaves quotes in text unescaped.
    for (at, _) in html.match_indices("javascript:") {
        let before = &html[..at];
        let in_tag = before.rfind('<') > before.rfind('>');
        assert!(!in_tag, "sanitised HTML holds a script URL in a tag");
    }
    let _ = markdown_to_html(src, false);
    let plain = plain_view(src);
    assert_eq!(plain.len(), src.len());
    for (p, s) in plain.bytes().zip(src.bytes()) {
        assert!(
            p == s || (p == b' ' && s != b'\n'),
            "plain view changed a byte"
        );
    }
    let cut = src.len() / 3;
    let _ = wire_to_html(src, [cut, cut * 2]);
});
