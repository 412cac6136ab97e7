//! Article metadata found in the text itself: the dateline, the byline and the summary.
//!
//! Newsroom copy opens with a fixed furniture before the story: a wire header
//! (`date 2023-03-08`), sometimes a Markdown heading, a standfirst, a byline
//! (`By Jane Doe`), and a dateline glued to the lede (`BAGHDAD, March 7 (Reuters) -`).
//! This module reads that opening, paragraph by paragraph, and never the rest of the
//! article, except for a wire trailer (`(Reporting by Jane Doe; Editing by ...)`) when
//! no byline opens the story.
//!
//! The summary is the first real paragraph — the standfirst when the copy has one,
//! else the lede — without the dateline or byline: its first sentence, and the second
//! too when both fit in [`SUMMARY_WORDS`] words. A short first paragraph with no final
//! stop is a headline, not a standfirst, and is passed over.

use super::Span;

/// The longest summary, in words.
pub const SUMMARY_WORDS: usize = 60;

/// How many opening paragraphs may hold the byline and dateline.
const OPENING_PARAGRAPHS: usize = 5;

/// How far into the text the opening may reach, and how far back from the end a wire
/// trailer may start, in bytes.
const OPENING_BYTES: usize = 4096;
const TRAILER_BYTES: usize = 600;

/// Dateline, byline and summary of a text.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Meta {
    pub dateline: Option<String>,
    pub byline: Option<String>,
    pub summary: String,
}

/// Finds the dateline, byline and summary of `text`.
///
/// `sentences` are the sentence spans of `text` (from `segment::sentences`); the
/// summary is cut on them.
pub fn find_meta(text: &str, sentences: &[Span]) -> Meta {
    let start = body_start(text);
    let mut meta = Meta::default();
    // Candidate summary regions, with whether each looks like a headline.
    let mut regions: Vec<(Span, bool)> = Vec::with_capacity(OPENING_PARAGRAPHS);
    // The opening is all meta reads: a story without blank lines is one long
    // paragraph, and only its first sentences matter.
    let window = &text[..floor_char_boundary(text, start + OPENING_BYTES)];
    for [p_start, p_end] in opening_paragraphs(window, start, OPENING_PARAGRAPHS) {
        let mut from = p_start.max(start);
        let para = &text[from..p_end];
        if para.starts_with('#') || para.starts_with("![") {
            continue;
        }
        // A byline on the paragraph's first line; the lede may follow on the next.
        let first_line = para.lines().next().unwrap_or("");
        if let Some(name) = byline(first_line) {
            meta.byline.get_or_insert(name);
            from += first_line.len();
            from += text[from..p_end].len() - text[from..p_end].trim_start().len();
            if from >= p_end {
                continue;
            }
        }
        if meta.dateline.is_none()
            && let Some((place, lede)) = dateline(&text[from..p_end])
        {
            meta.dateline = Some(place);
            from += lede;
        }
        // Only an opening paragraph can be a headline.
        let headline = regions.is_empty() && looks_like_headline(&text[from..p_end]);
        regions.push(([from, p_end], headline));
        if meta.dateline.is_some() && regions.iter().any(|(_, h)| !h) {
            break;
        }
    }
    if meta.byline.is_none() {
        meta.byline = last_paragraph(text).and_then(trailer_byline);
    }
    let region = regions
        .iter()
        .find(|(_, headline)| !headline)
        .or(regions.first());
    if let Some(&(region, _)) = region {
        meta.summary = summary(text, sentences, region);
    }
    meta
}

/// The first `n` paragraphs of `text` from byte `start`, as `segment::paragraphs`
/// gives them (trimmed, split at blank lines), without reading the rest.
fn opening_paragraphs(text: &str, start: usize, n: usize) -> Vec<Span> {
    let mut out = Vec::with_capacity(n);
    let mut current: Option<Span> = None;
    let mut pos = start;
    for line in text[start..].split_inclusive('\n') {
        let line_start = pos;
        pos += line.len();
        let trimmed = line.trim();
        if trimmed.is_empty() {
            if let Some(p) = current.take() {
                out.push(p);
                if out.len() == n {
                    return out;
                }
            }
            continue;
        }
        let lead = line.len() - line.trim_start().len();
        let end = line_start + line.trim_end().len();
        match &mut current {
            Some(p) => p[1] = end,
            None => current = Some([line_start + lead, end]),
        }
    }
    out.extend(current);
    out
}

/// The last paragraph of `text`, read from the end.
fn last_paragraph(text: &str) -> Option<&str> {
    let body = text.trim_end();
    let body = &body[floor_char_boundary(body, body.len().saturating_sub(TRAILER_BYTES))..];
    let mut start = body.len();
    for line in body.rsplit('\n') {
        if line.trim().is_empty() {
            break;
        }
        start = start.saturating_sub(line.len() + 1);
    }
    let para = body.get(start..).or(Some(body))?.trim();
    (!para.is_empty()).then_some(para)
}

/// The byte offset after a wire header line (`date 2023-03-08`) or front matter, if
/// the text opens with one.
fn body_start(text: &str) -> usize {
    let lead = text.len() - text.trim_start().len();
    let rest = &text[lead..];
    for fence in ["---", "+++"] {
        if rest.starts_with(fence) && rest[3..].trim_start_matches([' ', '\t']).starts_with('\n') {
            let after_open = lead + rest.find('\n').map_or(rest.len(), |n| n + 1);
            let mut pos = after_open;
            for line in text[after_open..].split_inclusive('\n') {
                pos += line.len();
                if line.trim_end() == fence {
                    return pos;
                }
            }
            return lead;
        }
    }
    let line_end = text.find('\n').unwrap_or(text.len());
    let line = text[..line_end].trim();
    let is_header = line
        .strip_prefix("date")
        .map(str::trim_start)
        .is_some_and(|d| d.len() == 10 && chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").is_ok());
    if is_header { line_end } else { 0 }
}

/// A short paragraph without a final stop: a headline.
fn looks_like_headline(para: &str) -> bool {
    let last = para.trim_end().chars().last().unwrap_or('.');
    !matches!(last, '.' | '!' | '?' | '"' | '”' | '’' | ')')
        && para.split_whitespace().take(21).count() <= 20
}

/// Reads a byline line: `By Jane Doe`, `By Jane Doe and John Roe`,
/// `By JANE DOE, Associated Press`. Returns the names, title-cased when shouted.
fn byline(line: &str) -> Option<String> {
    let line = line.trim().trim_matches(['*', '_']).trim();
    if line.len() > 100 {
        return None;
    }
    let rest = ["By ", "BY ", "by "]
        .iter()
        .find_map(|p| line.strip_prefix(p))?;
    let names = rest
        .split([',', '|', '(', ';', '/'])
        .next()
        .unwrap_or("")
        .split(" - ")
        .next()
        .unwrap_or("")
        .split(" — ")
        .next()
        .unwrap_or("")
        .trim()
        .trim_end_matches(['*', '_', '.']);
    names_of(names)
}

/// Checks that `names` is a run of capitalised names joined by `and`, and cleans it.
fn names_of(names: &str) -> Option<String> {
    let words: Vec<&str> = names.split_whitespace().collect();
    if words.is_empty() || words.len() > 9 {
        return None;
    }
    let particle = |w: &str| matches!(w, "and" | "&" | "de" | "da" | "van" | "von" | "al" | "bin");
    let mut out = Vec::with_capacity(words.len());
    for w in &words {
        if particle(w) {
            out.push((*w).to_string());
            continue;
        }
        let first = w.chars().next()?;
        if !first.is_uppercase() {
            return None;
        }
        out.push(
            if w.chars()
                .filter(|c| c.is_alphabetic())
                .all(char::is_uppercase)
                && w.chars().filter(|c| c.is_alphabetic()).count() > 1
            {
                title_case(w)
            } else {
                (*w).to_string()
            },
        );
    }
    if particle(words[0]) || particle(words[words.len() - 1]) {
        return None;
    }
    Some(out.join(" "))
}

/// `DOE` → `Doe`, `O'NEIL` → `O'Neil`, `AL-SADR` → `Al-Sadr`.
fn title_case(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    let mut upper = true;
    for c in word.chars() {
        if upper {
            out.push(c);
        } else {
            out.extend(c.to_lowercase());
        }
        upper = !c.is_alphabetic();
    }
    out
}

/// Reads a wire trailer: `(Reporting by Jane Doe in Kyiv; Editing by John Roe)`.
fn trailer_byline(para: &str) -> Option<String> {
    let at = para.find("Reporting by ")?;
    let rest = &para[at + "Reporting by ".len()..];
    let end = rest.find([';', ')', ',', '\n']).unwrap_or(rest.len());
    let names = rest[..end]
        .split(" in ")
        .next()
        .unwrap_or("")
        .split(" from ")
        .next()
        .unwrap_or("")
        .trim();
    names_of(names)
}

/// Reads a dateline at the start of `para`: `BAGHDAD, March 7 (Reuters) -`,
/// `WASHINGTON (AP) —`, `NEW YORK/KYIV, Jan 5 -`, `Kyiv, Ukraine, May 2 (AP) —`.
///
/// Returns the place and the byte offset where the lede starts. An upper-case place
/// needs only the dash after it; a title-case place also needs a date or an agency.
fn dateline(para: &str) -> Option<(String, usize)> {
    let para_trim = para.trim_start_matches(['*', '_']);
    let skip = para.len() - para_trim.len();
    if !para_trim.starts_with(|c: char| c.is_uppercase()) {
        return None;
    }
    let head = &para_trim[..floor_char_boundary(para_trim, 120)];
    // The place: words up to the first comma, parenthesis or dash, within 40 bytes.
    let near = &head[..floor_char_boundary(head, 48)];
    let place_end = near.find([',', '(', '—', '–', ':'])?;
    let place_end = near[..place_end].find(" - ").unwrap_or(place_end);
    let place = head[..place_end].trim().trim_end_matches(['*', '_']);
    let shouted = is_shouted_place(place);
    if !shouted && !is_title_place(place) {
        return None;
    }
    let mut rest = &head[place_end..];
    let mut dated = false;
    let mut agency = false;
    // Region and date segments: `, Ukraine`, `, March 7`, `, Jan. 5, 2024`.
    while let Some(r) = rest.strip_prefix(',') {
        let seg_end = r.find([',', '(', '—', '–']).unwrap_or(r.len());
        let seg_end = r[..seg_end].find(" - ").unwrap_or(seg_end);
        let seg = r[..seg_end].trim();
        if is_date(seg) {
            dated = true;
        } else if !is_year(seg) && !is_title_place(seg) {
            return None;
        }
        rest = &r[seg_end..];
    }
    let trimmed = rest.trim_start();
    rest = trimmed;
    if let Some(r) = rest.strip_prefix('(') {
        let close = r.find(')')?;
        if close > 40 {
            return None;
        }
        agency = true;
        rest = r[close + 1..].trim_start();
    }
    let dash = ["--", "-", "—", "–", ":"]
        .iter()
        .find(|d| rest.starts_with(**d))?;
    let after = &rest[dash.len()..];
    if !(after.starts_with(char::is_whitespace) || *dash != "-") {
        return None;
    }
    if !(shouted || dated || agency) {
        return None;
    }
    let lede = head.len() - after.len() + (after.len() - after.trim_start().len());
    Some((place.to_string(), skip + lede))
}

/// The largest char boundary of `s` at or below `at`.
fn floor_char_boundary(s: &str, at: usize) -> usize {
    let mut at = at.min(s.len());
    while !s.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// `BAGHDAD`, `NEW YORK/KYIV`, `ST. PAUL`: upper-case words, at least one of two
/// letters or more.
fn is_shouted_place(place: &str) -> bool {
    let letters = place.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 2
        && place.len() <= 40
        && place.chars().next().is_some_and(char::is_uppercase)
        && place
            .chars()
            .all(|c| c.is_uppercase() || matches!(c, ' ' | '.' | '/' | '\'' | '’' | '-' | '&'))
        && place.split_whitespace().any(|w| w.chars().count() >= 2)
}

/// `Baghdad`, `New York`, `Ukraine`: one to four capitalised words.
fn is_title_place(place: &str) -> bool {
    let words: Vec<&str> = place.split_whitespace().collect();
    !words.is_empty()
        && words.len() <= 4
        && place.len() <= 40
        && words.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && w.chars()
                    .all(|c| c.is_alphabetic() || matches!(c, '.' | '/' | '\'' | '’' | '-'))
        })
}

/// `2024`.
fn is_year(seg: &str) -> bool {
    seg.len() == 4 && seg.bytes().all(|b| b.is_ascii_digit())
}

/// `March 7`, `Jan. 5`, `Jan 5`, `7 March`.
fn is_date(seg: &str) -> bool {
    let mut words = seg.split_whitespace();
    let (Some(a), Some(b), None) = (words.next(), words.next(), words.next()) else {
        return false;
    };
    let month = |w: &str| {
        let w = w.trim_end_matches('.');
        w.len() >= 3
            && [
                "January",
                "February",
                "March",
                "April",
                "May",
                "June",
                "July",
                "August",
                "September",
                "October",
                "November",
                "December",
                "Sept",
            ]
            .iter()
            .any(|m| m.starts_with(w))
    };
    let day = |w: &str| w.len() <= 2 && w.chars().all(|c| c.is_ascii_digit());
    (month(a) && day(b)) || (day(a) && month(b))
}

/// The summary: the first sentence of `region`, and the second when both fit in
/// [`SUMMARY_WORDS`] words; Markdown emphasis and links removed, white space folded.
fn summary(text: &str, sentences: &[Span], region: Span) -> String {
    let mut parts: Vec<&str> = Vec::with_capacity(2);
    let mut words = 0;
    for &[s, e] in sentences {
        if s >= region[1] {
            break;
        }
        if e <= region[0] {
            continue;
        }
        let piece = &text[s.max(region[0])..e.min(region[1])];
        let n = ascii_words(piece).count();
        if !parts.is_empty() && words + n > SUMMARY_WORDS {
            break;
        }
        parts.push(piece);
        words += n;
        if parts.len() == 2 || words > SUMMARY_WORDS / 2 {
            break;
        }
    }
    if parts.is_empty() {
        parts.push(&text[region[0]..region[1]]);
    }
    let mut out = String::with_capacity(parts.iter().map(|p| p.len()).sum::<usize>() + 4);
    for word in parts
        .iter()
        .flat_map(|p| ascii_words(p))
        .take(SUMMARY_WORDS)
    {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    if words > SUMMARY_WORDS {
        out.push('…');
    }
    if out.bytes().any(|b| matches!(b, b'*' | b'[' | b']')) {
        strip_markdown(&out)
    } else {
        out
    }
}

/// Words split at ASCII white space, read as bytes (news text has no other spaces
/// between words worth splitting on, and bytes are much faster than chars).
fn ascii_words(s: &str) -> impl Iterator<Item = &str> {
    let bytes = s.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < bytes.len() && bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        let start = i;
        while i < bytes.len() && !bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        // ASCII white space never splits a UTF-8 sequence, so both ends are boundaries.
        (i > start).then(|| &s[start..i])
    })
}

/// Removes emphasis markers and link targets: `**big** [news](https://x)` → `big news`.
fn strip_markdown(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(c) = rest.chars().next() {
        if c == ']'
            && rest[1..].starts_with('(')
            && let Some(close) = rest.find(')')
        {
            rest = &rest[close + 1..];
            continue;
        }
        if !matches!(c, '*' | '[' | ']') {
            out.push(c);
        }
        rest = &rest[c.len_utf8()..];
    }
    out
}

#[cfg(test)]
mod tests;
