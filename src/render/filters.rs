//! Template filters Dateline adds to Tera's own.
//!
//! | filter | what it does |
//! |---|---|
//! | `date(format="%e %B %Y", timezone="Asia/Baghdad")` | formats an RFC 3339 or `YYYY-MM-DD` date with chrono's strftime, in the site's zone unless `timezone` is given |
//! | `slugify` | a URL slug of the text |
//! | `urlencode` | percent-encodes for a URL query or path segment |
//! | `json` | JSON text safe inside `<script>`: `<`, `>` and `&` are `\u` escaped |
//! | `absolute` | joins a site path to `base_url` |

use chrono::{DateTime, FixedOffset, NaiveDate};
use chrono_tz::Tz;
use tera::{Kwargs, State, Tera, TeraResult, Value};

/// Registers the filters; `tz` is the site's zone, `base` its base URL.
pub fn register(tera: &mut Tera, tz: Tz, base: String) {
    tera.register_filter("date", move |v: &str, kw: Kwargs, _: &State| {
        date(v, &kw, tz)
    });
    tera.register_filter("slugify", |v: &str, _: Kwargs, _: &State| slug::slugify(v));
    tera.register_filter("urlencode", |v: &str, _: Kwargs, _: &State| urlencode(v));
    tera.register_filter(
        "json",
        |v: &Value, _: Kwargs, _: &State| -> TeraResult<Value> {
            let s =
                serde_json::to_string(v).map_err(|e| tera::Error::message(format!("json: {e}")))?;
            Ok(Value::safe_string(&script_safe_json(&s)))
        },
    );
    tera.register_filter("absolute", move |v: &str, _: Kwargs, _: &State| {
        format!("{}{}", base, v.trim_start_matches('/'))
    });
}

fn date(v: &str, kw: &Kwargs, site_tz: Tz) -> TeraResult<String> {
    let format = kw.get::<&str>("format")?.unwrap_or("%Y-%m-%d");
    let zone = kw.get::<&str>("timezone")?;
    // A build formats each brief's date on every list that shows it (twenty times
    // and more), in a handful of formats: each thread remembers what it formatted.
    let key = date_key([format, zone.unwrap_or(site_tz.name()), v]);
    if let Some(hit) = DATES.with_borrow(|m| m.get(&key).cloned()) {
        return Ok(hit);
    }
    let out = format_date(v, format, zone, site_tz)?;
    DATES.with_borrow_mut(|m| {
        if m.len() >= DATE_MEMO {
            m.clear();
        }
        m.insert(key, out.clone());
    });
    Ok(out)
}

/// The memo key of a call: a hash of its parts, each closed by 0xFF (a byte UTF-8
/// never holds), copied into a stack buffer when they fit (they do, but for
/// odd formats) so one one-shot hash is taken.
fn date_key(parts: [&str; 3]) -> u128 {
    let mut buf = [0u8; 96];
    let mut n = 0;
    for part in parts {
        let Some(slot) = buf.get_mut(n..n + part.len() + 1) else {
            let joined: Vec<u8> = parts.iter().flat_map(|p| p.bytes().chain([0xFF])).collect();
            return xxhash_rust::xxh3::xxh3_128(&joined);
        };
        slot[..part.len()].copy_from_slice(part.as_bytes());
        slot[part.len()] = 0xFF;
        n += part.len() + 1;
    }
    xxhash_rust::xxh3::xxh3_128(&buf[..n])
}

/// How many formatted dates a thread keeps (about 6 MiB).
const DATE_MEMO: usize = 1 << 16;

thread_local! {
    /// Formatted dates by a 128-bit hash of (format, zone, value); the zone is the
    /// site's when the template names none (the dev server's threads outlive a
    /// configuration).
    static DATES: std::cell::RefCell<DateMemo> = std::cell::RefCell::new(DateMemo::default());
}

type DateMemo = std::collections::HashMap<u128, String, std::hash::BuildHasherDefault<KeyBits>>;

/// The hasher of keys that are hashes already: their low 64 bits.
#[derive(Default)]
struct KeyBits(u64);

impl std::hash::Hasher for KeyBits {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(b);
        }
    }

    fn write_u128(&mut self, n: u128) {
        self.0 = n as u64;
    }
}

fn format_date(v: &str, format: &str, zone: Option<&str>, site_tz: Tz) -> TeraResult<String> {
    let tz = match zone {
        Some(name) => name.parse::<Tz>().map_err(|_| {
            tera::Error::message(format!("date: `{name}` is not an IANA time zone"))
        })?,
        None => site_tz,
    };
    let items: Vec<chrono::format::Item<'_>> = chrono::format::StrftimeItems::new(format).collect();
    if items
        .iter()
        .any(|i| matches!(i, chrono::format::Item::Error))
    {
        return Err(tera::Error::message(format!(
            "date: `{format}` is not a valid strftime format"
        )));
    }
    if let Ok(dt) = DateTime::<FixedOffset>::parse_from_rfc3339(v) {
        return Ok(dt
            .with_timezone(&tz)
            .format_with_items(items.into_iter())
            .to_string());
    }
    if let Ok(d) = NaiveDate::parse_from_str(v, "%Y-%m-%d") {
        return Ok(d.format_with_items(items.into_iter()).to_string());
    }
    Err(tera::Error::message(format!(
        "date: `{v}` is not an RFC 3339 date or YYYY-MM-DD"
    )))
}

/// Percent-encodes everything but unreserved characters (RFC 3986).
pub fn urlencode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// JSON text that cannot end a `<script>` block or open a comment inside one:
/// `<`, `>` and `&` (which occur in JSON only inside strings) are written as
/// `\u003c`, `\u003e` and `\u0026`.
pub fn script_safe_json(json: &str) -> String {
    String::from_utf8(script_safe(json.as_bytes().to_vec()))
        .expect("ASCII bytes replaced by ASCII stay UTF-8")
}

/// [`script_safe_json`] of JSON bytes, in place of them: most JSON holds none of
/// the three characters and is returned as it is.
pub fn script_safe(json: Vec<u8>) -> Vec<u8> {
    let mut hits = memchr::memchr3_iter(b'<', b'>', b'&', &json).peekable();
    if hits.peek().is_none() {
        return json;
    }
    let mut out = Vec::with_capacity(json.len() + 64);
    let mut start = 0;
    for i in hits {
        let esc: &[u8] = match json[i] {
            b'<' => b"\\u003c",
            b'>' => b"\\u003e",
            _ => b"\\u0026",
        };
        out.extend_from_slice(&json[start..i]);
        out.extend_from_slice(esc);
        start = i + 1;
    }
    out.extend_from_slice(&json[start..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use tera::Context;

    #[test]
    fn date_keys_tell_the_parts_apart_short_or_long() {
        assert_ne!(
            date_key(["%Y", "UTC", "2023"]),
            date_key(["%YU", "TC", "2023"])
        );
        assert_ne!(
            date_key(["%Y", "UTC", "2023"]),
            date_key(["%Y", "UTC2", "023"])
        );
        // Past the stack buffer: hashed from a joined copy, the same way.
        let long = "%A %-d %B %Y, %H:%M %Z ".repeat(5);
        let key = |v| date_key([&long, "UTC", v]);
        assert_eq!(key("2023-03-07"), key("2023-03-07"));
        assert_ne!(key("2023-03-07"), key("2023-03-08"));
    }

    #[test]
    fn script_safe_json_escapes_the_three_characters_and_stays_json() {
        let json = serde_json::to_string(&["</script><b>&amp;", "plain"]).unwrap();
        let safe = script_safe_json(&json);
        assert!(!safe.contains('<') && !safe.contains('>') && !safe.contains('&'));
        assert_eq!(
            safe,
            r#"["\u003c/script\u003e\u003cb\u003e\u0026amp;","plain"]"#
        );
        let back: Vec<String> = serde_json::from_str(&safe).unwrap();
        assert_eq!(back[0], "</script><b>&amp;");
        let plain = br#"{"a":"b"}"#.to_vec();
        assert_eq!(script_safe(plain.clone()), plain);
    }

    fn render(src: &str, ctx: &Context) -> String {
        let mut tera = Tera::default();
        register(
            &mut tera,
            chrono_tz::Asia::Baghdad,
            "https://n.example/".into(),
        );
        tera.add_raw_template("t.html", src).unwrap();
        tera.render("t.html", ctx).unwrap()
    }

    #[test]
    fn dates_are_shown_in_the_site_zone() {
        let mut ctx = Context::new();
        ctx.insert("d", "2023-03-07T22:30:00+00:00");
        assert_eq!(
            render("{{ d | date(format='%Y-%m-%d %H:%M') }}", &ctx),
            "2023-03-08 01:30"
        );
        assert_eq!(
            render("{{ d | date(format='%H:%M', timezone='UTC') }}", &ctx),
            "22:30"
        );
    }

    #[test]
    fn remembered_dates_follow_the_site_zone_and_format() {
        // The memo is per thread and outlives a renderer: a second site zone, a second
        // format and a second value must not be answered from the first.
        let mut ctx = Context::new();
        ctx.insert("d", "2023-03-07T22:30:00+00:00");
        let src = "{{ d | date(format='%H:%M') }}";
        assert_eq!(render(src, &ctx), "01:30");
        let mut tera = Tera::default();
        register(&mut tera, chrono_tz::UTC, "https://n.example/".into());
        tera.add_raw_template("t.html", src).unwrap();
        assert_eq!(tera.render("t.html", &ctx).unwrap(), "22:30");
        assert_eq!(render("{{ d | date(format='%H.%M') }}", &ctx), "01.30");
        ctx.insert("d", "2023-03-07T22:31:00+00:00");
        assert_eq!(render(src, &ctx), "01:31");
        assert_eq!(
            render("{{ '2023-03-07' | date(format='%-d %B') }}", &ctx),
            "7 March"
        );
    }

    #[test]
    fn json_cannot_close_a_script() {
        let mut ctx = Context::new();
        ctx.insert("t", "</script><script>alert(1)</script>");
        let out = render("{{ t | json }}", &ctx);
        assert!(!out.contains("</script>"), "{out}");
        assert!(out.contains("\\u003c/script\\u003e"), "{out}");
    }

    #[test]
    fn urlencode_and_absolute() {
        let mut ctx = Context::new();
        ctx.insert("q", "a b/c");
        assert_eq!(
            render("{{ q | urlencode }} {{ '/x/' | absolute }}", &ctx),
            "a%20b%2Fc https://n.example/x/"
        );
    }
}
