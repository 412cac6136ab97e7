//! Finds what could run in a page: read with html5ever's tokenizer (the tokenizer
//! of the HTML standard), so a check sees tags and attributes as a browser would,
//! not as a text search would.

use std::cell::RefCell;

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{
    BufferQueue, CharacterTokens, TagKind, TagToken, Token, TokenSink, TokenSinkResult, Tokenizer,
};

/// Elements that must never come from content.
const FORBIDDEN: &[&str] = &[
    "iframe", "frame", "object", "embed", "applet", "form", "base", "style", "link", "meta",
];

/// The scripts Dateline's own templates load.
const OWN_SCRIPTS: &[&str] = &["/dateline.js", "/__dateline/reload.js"];

#[derive(Default)]
struct Sink {
    problems: RefCell<Vec<String>>,
    /// Text of `<script type="application/ld+json">` blocks.
    json_ld: RefCell<Vec<String>>,
    in_json_ld: RefCell<Option<String>>,
    /// Where the document may hold the theme's `<link>` and `<meta>` (a page head).
    whole_page: bool,
    /// Otherwise forbidden elements the theme puts on this page.
    allowed: Vec<String>,
}

impl TokenSink for Sink {
    type Handle = ();

    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        match token {
            TagToken(tag) => {
                let name = tag.name.to_string();
                let attr = |n: &str| {
                    tag.attrs
                        .iter()
                        .find(|a| &*a.name.local == n)
                        .map(|a| a.value.to_string())
                };
                if tag.kind == TagKind::EndTag {
                    if name == "script"
                        && let Some(text) = self.in_json_ld.borrow_mut().take()
                    {
                        self.json_ld.borrow_mut().push(text);
                    }
                    return TokenSinkResult::Continue;
                }
                let mut problems = self.problems.borrow_mut();
                if name == "script" {
                    let src = attr("src");
                    let ty = attr("type");
                    if ty.as_deref() == Some("application/ld+json") && src.is_none() {
                        *self.in_json_ld.borrow_mut() = Some(String::new());
                    } else if !src.as_deref().is_some_and(|s| OWN_SCRIPTS.contains(&s)) {
                        problems.push(format!("a script: {tag:?}"));
                    }
                    return TokenSinkResult::RawData(RawKind::ScriptData);
                }
                let theme_head = self.whole_page && matches!(name.as_str(), "link" | "meta");
                let theme = theme_head || self.allowed.contains(&name);
                if FORBIDDEN.contains(&name.as_str()) && !theme {
                    problems.push(format!("a <{name}> element"));
                }
                for a in &tag.attrs {
                    let an = a.name.local.to_ascii_lowercase();
                    if an.starts_with("on") {
                        problems.push(format!("an event handler `{an}` on <{name}>"));
                    }
                    if matches!(
                        an.as_str(),
                        "href" | "src" | "action" | "formaction" | "xlink:href" | "data" | "poster"
                    ) && !url_is_safe(&a.value)
                    {
                        problems.push(format!("<{name} {an}=\"{}\">", a.value));
                    }
                }
                if name == "meta" && attr("http-equiv").is_some() {
                    problems.push("a <meta http-equiv>".into());
                }
            }
            CharacterTokens(t) => {
                if let Some(text) = self.in_json_ld.borrow_mut().as_mut() {
                    text.push_str(&t);
                }
            }
            _ => {}
        }
        TokenSinkResult::Continue
    }
}

/// True when a URL cannot run script: no `javascript:`, `vbscript:` or `data:`
/// scheme, however it is spelt.
pub fn url_is_safe(url: &str) -> bool {
    let cleaned: String = url
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .collect::<String>()
        .to_ascii_lowercase();
    !["javascript:", "vbscript:", "data:"]
        .iter()
        .any(|s| cleaned.starts_with(s))
}

/// What a checked document holds.
pub struct Checked {
    /// Everything that could run script, described.
    pub problems: Vec<String>,
    /// The text of its JSON-LD blocks.
    pub json_ld: Vec<String>,
}

fn run(html: &str, whole_page: bool, allowed: &[&str]) -> Checked {
    let sink = Sink {
        whole_page,
        allowed: allowed.iter().map(|s| s.to_string()).collect(),
        ..Sink::default()
    };
    let tok = Tokenizer::new(sink, Default::default());
    let input = BufferQueue::default();
    input.push_back(StrTendril::from_slice(html));
    let _ = tok.feed(&input);
    tok.end();
    Checked {
        problems: tok.sink.problems.take(),
        json_ld: tok.sink.json_ld.take(),
    }
}

/// Checks a whole page made from the theme: its own `<link>`, `<meta>` and
/// scripts are allowed, and the `allowed` elements it is known to have.
pub fn check_page(html: &str, allowed: &[&str]) -> Checked {
    run(html, true, allowed)
}

/// Checks an HTML fragment that came from content (a feed entry's HTML).
pub fn check_fragment(html: &str) -> Checked {
    run(html, false, &[])
}
