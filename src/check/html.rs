//! A small, tolerant scanner for the tags and attributes of HTML pages.
//!
//! `dateline check` needs the links, image sources and ids of pages Dateline itself
//! rendered (and content HTML that went through the sanitiser), not a DOM: this
//! reads start tags and their attributes (quoted either way or bare), skips
//! comments and the insides of `<script>` and `<style>`, and decodes the few
//! character references URLs carry.

use std::borrow::Cow;

/// A start tag.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Tag<'a> {
    /// Lower-cased tag name.
    pub name: String,
    pub attrs: Vec<(String, Cow<'a, str>)>,
    /// Byte offset of the `<`.
    pub offset: usize,
}

impl Tag<'_> {
    /// The value of attribute `name`, if present.
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_ref())
    }
}

/// Decodes `&amp;`, `&lt;`, `&gt;`, `&quot;`, `&#39;` and numeric references.
pub fn decode_entities(s: &str) -> Cow<'_, str> {
    if !s.contains('&') {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let end = rest.find(';').filter(|&e| e <= 10);
        let decoded = end.and_then(|e| {
            let name = &rest[1..e];
            match name {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                _ => {
                    let num = name.strip_prefix('#')?;
                    let code = match num.strip_prefix(['x', 'X']) {
                        Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                        None => num.parse().ok()?,
                    };
                    char::from_u32(code)
                }
            }
            .map(|c| (c, e + 1))
        });
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// Every start tag of `html`, in order.
pub fn tags(html: &str) -> Vec<Tag<'_>> {
    let bytes = html.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(p) = html[i..].find('<') {
        let start = i + p;
        let rest = &html[start..];
        if rest.starts_with("<!--") {
            i = rest.find("-->").map_or(html.len(), |e| start + e + 3);
            continue;
        }
        let name_len = rest[1..]
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
            .unwrap_or(rest.len() - 1);
        if name_len == 0 || !bytes[start + 1].is_ascii_alphabetic() {
            i = start + 1;
            continue;
        }
        let name = rest[1..1 + name_len].to_ascii_lowercase();
        let mut j = start + 1 + name_len;
        let mut attrs = Vec::new();
        loop {
            while j < html.len() && (bytes[j].is_ascii_whitespace() || bytes[j] == b'/') {
                j += 1;
            }
            if j >= html.len() || bytes[j] == b'>' {
                j += 1;
                break;
            }
            let an_start = j;
            while j < html.len()
                && !bytes[j].is_ascii_whitespace()
                && !matches!(bytes[j], b'=' | b'>' | b'/')
            {
                j += 1;
            }
            let attr_name = html[an_start..j].to_ascii_lowercase();
            while j < html.len() && bytes[j].is_ascii_whitespace() {
                j += 1;
            }
            let value: Cow<'_, str> = if j < html.len() && bytes[j] == b'=' {
                j += 1;
                while j < html.len() && bytes[j].is_ascii_whitespace() {
                    j += 1;
                }
                if j < html.len() && (bytes[j] == b'"' || bytes[j] == b'\'') {
                    let q = bytes[j] as char;
                    let v_start = j + 1;
                    let v_end = html[v_start..].find(q).map_or(html.len(), |e| v_start + e);
                    j = (v_end + 1).min(html.len());
                    decode_entities(&html[v_start..v_end])
                } else {
                    let v_start = j;
                    while j < html.len() && !bytes[j].is_ascii_whitespace() && bytes[j] != b'>' {
                        j += 1;
                    }
                    decode_entities(&html[v_start..j])
                }
            } else {
                Cow::Borrowed("")
            };
            if attr_name.is_empty() {
                j += 1;
                continue;
            }
            attrs.push((attr_name, value));
        }
        let raw_text = name == "script" || name == "style";
        out.push(Tag {
            name: name.clone(),
            attrs,
            offset: start,
        });
        i = j.min(html.len());
        if raw_text {
            let close = format!("</{name}");
            i = html[i..]
                .to_ascii_lowercase()
                .find(&close)
                .map_or(html.len(), |e| i + e);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_attributes_in_every_quoting() {
        let t = tags(r#"<a href="/x/?a=1&amp;b=2" class='c' data-x=y hidden>t</a>"#);
        assert_eq!(t.len(), 1);
        assert_eq!(t[0].attr("href"), Some("/x/?a=1&b=2"));
        assert_eq!(t[0].attr("class"), Some("c"));
        assert_eq!(t[0].attr("data-x"), Some("y"));
        assert_eq!(t[0].attr("hidden"), Some(""));
    }

    #[test]
    fn skips_comments_scripts_and_closing_tags() {
        let t = tags("<!-- <a href=x> --><script>if (a<b) {}</script><p id=p1></p><IMG SRC=a.png>");
        let names: Vec<&str> = t.iter().map(|t| t.name.as_str()).collect();
        assert_eq!(names, ["script", "p", "img"]);
        assert_eq!(t[2].attr("src"), Some("a.png"));
    }

    #[test]
    fn decodes_numeric_references() {
        assert_eq!(decode_entities("a&#47;b&#x2F;c & d"), "a/b/c & d");
    }
}
