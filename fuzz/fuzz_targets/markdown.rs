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
    // No URL attribute of a tag holds a script URL (in text or in an `alt`, the
    // words are harmless). Read with the scanner `dateline check` uses.
    for tag in dateline::check::html::tags(&html) {
        for (name, value) in &tag.attrs {
            // As a browser reads a URL (WHATWG URL parsing): C0 controls and spaces
            // trimmed from the ends, tabs and newlines removed anywhere. Other
            // controls inside (`jav\u{8}ascript:`) make it no scheme at all.
            let url: String = value
                .trim_matches(|c: char| c <= ' ')
                .chars()
                .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
                .collect::<String>()
                .to_ascii_lowercase();
            let is_url = matches!(
                name.as_str(),
                "href" | "src" | "action" | "formaction" | "poster" | "data" | "xlink:href"
            );
            assert!(
                !(is_url && url.starts_with("javascript:")),
                "sanitised HTML has <{} {name}=\"{value}\">",
                tag.name
            );
        }
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
