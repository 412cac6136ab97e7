//! PolNeAR gold attributions read from brat standoff, and the judgements the scores
//! rest on: which contents are direct quotations, and whose name a source stands for.
//!
//! An `.ann` file has `T` lines (`T3\tContent 115 290;300 310\ttext`, character
//! offsets, fragments separated by `;`) and `E` lines linking them
//! (`E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1`). Offsets count Unicode scalar
//! values; they are turned into byte offsets here.

use std::collections::HashMap;

use crate::extract::Span;

/// One gold attribution.
#[derive(Clone, Debug)]
pub struct Attribution {
    /// Byte spans of the content fragments.
    pub content: Vec<Span>,
    /// Byte span of the source, if annotated.
    pub source: Option<Span>,
    /// True when most of the content is inside quotation marks (see [`quoted_mask`]).
    pub direct: bool,
}

/// Reads the attributions of one `.ann` file against its text.
pub fn parse_ann(ann: &str, text: &str) -> Vec<Attribution> {
    // Byte offset of every char index (and of the end).
    let mut byte_at: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
    byte_at.push(text.len());
    let to_byte = |c: usize| byte_at.get(c).copied();
    let mut spans: HashMap<&str, Vec<Span>> = HashMap::new();
    let mut links: Vec<HashMap<&str, &str>> = Vec::new();
    for line in ann.lines() {
        let mut cols = line.split('\t');
        let (Some(id), Some(mid)) = (cols.next(), cols.next()) else {
            continue;
        };
        if id.starts_with('T') {
            let Some((_, offsets)) = mid.split_once(' ') else {
                continue;
            };
            let frags: Option<Vec<Span>> = offsets
                .split(';')
                .map(|f| {
                    let mut it = f.split_whitespace().map(|n| n.parse::<usize>().ok());
                    let a = to_byte(it.next()??)?;
                    let b = to_byte(it.next()??)?;
                    (a <= b).then_some([a, b])
                })
                .collect();
            if let Some(frags) = frags {
                spans.insert(id, frags);
            }
        } else if id.starts_with('E') {
            links.push(
                mid.split_whitespace()
                    .filter_map(|p| p.split_once(':'))
                    .collect(),
            );
        }
    }
    let mask = quoted_mask(text);
    links
        .iter()
        .filter_map(|e| {
            let content = spans.get(e.get("Content")?)?.clone();
            let source = e
                .get("Source")
                .and_then(|t| spans.get(t))
                .and_then(|f| f.first().copied());
            let direct = quoted_share(text, &mask, &content) >= 0.5;
            Some(Attribution {
                content,
                source,
                direct,
            })
        })
        .collect()
}

/// Marks every byte that lies inside double quotation marks.
///
/// Deliberately simple and independent of the extractor's own pairing: within each
/// line, `“` opens and `”` closes, `«` and `»` likewise, and a straight `"` toggles;
/// a quotation still open at the end of a line runs to its end.
pub fn quoted_mask(text: &str) -> Vec<bool> {
    let mut mask = vec![false; text.len()];
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        let mut open: Option<usize> = None;
        for (i, c) in line.char_indices() {
            let at = line_start + i;
            let closing = match c {
                '“' | '«' => false,
                '”' | '»' => true,
                '"' => open.is_some(),
                _ => continue,
            };
            match (open, closing) {
                (None, false) => open = Some(at + c.len_utf8()),
                (Some(o), true) => {
                    mask[o..at].iter_mut().for_each(|m| *m = true);
                    open = None;
                }
                _ => {}
            }
        }
        if let Some(o) = open {
            let end = line_start + line.len();
            mask[o..end].iter_mut().for_each(|m| *m = true);
        }
        line_start += line.len();
    }
    mask
}

/// The share of a content's characters (white space and marks aside) that are quoted.
fn quoted_share(text: &str, mask: &[bool], frags: &[Span]) -> f64 {
    let (mut all, mut inside) = (0usize, 0usize);
    for f in frags {
        for (i, c) in text[f[0]..f[1]].char_indices() {
            if c.is_whitespace() || is_mark(c) {
                continue;
            }
            all += 1;
            if mask[f[0] + i] {
                inside += 1;
            }
        }
    }
    if all == 0 {
        0.0
    } else {
        inside as f64 / all as f64
    }
}

fn is_mark(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '«' | '»' | '„')
}

const PRONOUNS: &[&str] = &[
    "he", "she", "they", "it", "i", "we", "him", "her", "them", "you", "his", "their",
];

const NOT_NAMES: &[&str] = &[
    "the",
    "a",
    "an",
    "mr",
    "mrs",
    "ms",
    "dr",
    "sen",
    "rep",
    "gov",
    "gen",
    "lt",
    "rev",
    "president",
    "former",
    "retired",
    "democratic",
    "republican",
    "senator",
    "representative",
    "secretary",
    "interim",
    "chairwoman",
    "chairman",
    "vice",
    "house",
    "speaker",
    "leader",
    "mayor",
    "chief",
    "police",
    "campaign",
    "spokesman",
    "spokeswoman",
    "press",
    "minority",
    "majority",
    "senate",
    "another",
    "his",
    "her",
    "their",
    "its",
    "this",
    "that",
    "these",
    "u.s",
    "us",
];

/// Words that start a modifier after the head noun of a common noun phrase.
const MODIFIER_STARTS: &[&str] = &[
    "of", "in", "at", "from", "for", "with", "on", "who", "that", "which", "close", "involved",
    "familiar", "said", "to", "by",
];

/// The word a speaker string is compared by: the last name in its first part
/// (`Sen. Jane Doe (D-Mass.), who ...` → `doe`, `Mr. Morgan of the Club` → `morgan`),
/// or its last word when it has no name (`another source` → `source`).
pub fn head(s: &str) -> Option<(String, bool)> {
    // `Scott's niece, state Del. Jane Price`: a first part named only through a
    // possessive gives way to the part after it.
    let mut parts = s.split(',');
    let mut first = parts.next().unwrap_or(s);
    let possessive_only = first.split_whitespace().all(|w| {
        !w.chars().next().is_some_and(char::is_uppercase) || w.ends_with("'s") || w.ends_with("’s")
    }) && first.contains(['\'', '’']);
    if possessive_only
        && let Some(next) = parts.next().filter(|p| p.chars().any(char::is_uppercase))
    {
        first = next;
    }
    let first = first.split('(').next().unwrap_or(first);
    let first = [" of ", " at ", " from ", " for ", " who "]
        .iter()
        .fold(first, |acc, sep| acc.split(sep).next().unwrap_or(acc));
    let words: Vec<String> = first
        .split_whitespace()
        .map(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-' && c != '.');
            let w = w.trim_end_matches('.');
            let w = w
                .strip_suffix("’s")
                .or_else(|| w.strip_suffix("'s"))
                .unwrap_or(w);
            // `O’Neill` and `O'Neill` are one name, whichever apostrophe a text uses.
            w.trim_end_matches(['’', '\'']).replace('’', "'")
        })
        .filter(|w| !w.is_empty())
        .collect();
    let is_name = |w: &String| {
        w.chars().next().is_some_and(char::is_uppercase)
            && !NOT_NAMES.contains(&w.to_lowercase().as_str())
            && !PRONOUNS.contains(&w.to_lowercase().as_str())
    };
    if let Some(n) = words.iter().rev().find(|w| is_name(w)) {
        return Some((n.to_lowercase(), true));
    }
    // A common noun phrase: its last word before a modifier (`a source close to the
    // campaign` → `source`).
    let cut = words
        .iter()
        .skip(1)
        .position(|w| MODIFIER_STARTS.contains(&w.to_lowercase().as_str()))
        .map_or(words.len(), |p| p + 1);
    words[..cut].last().map(|w| (w.to_lowercase(), false))
}

/// True for a source that is only a pronoun.
pub fn is_pronoun(s: &str) -> bool {
    PRONOUNS.contains(&s.trim().to_lowercase().as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_fragments_in_characters() {
        let text = "“Café time,” she said.";
        let ann = "T1\tSource 13 16\tshe\nT2\tCue 17 21\tsaid\nT3\tContent 1 10\tCafé time\n\
                   E1\tAttribution:T2 Content:T3 Cue:T2 Source:T1\n";
        let a = parse_ann(ann, text);
        assert_eq!(a.len(), 1);
        let [s, e] = a[0].content[0];
        assert_eq!(&text[s..e], "Café time");
        assert!(a[0].direct);
    }

    #[test]
    fn heads_are_last_names_of_the_first_part() {
        assert_eq!(
            head("Sen. Jane Doe (D-Mass.), who lost"),
            Some(("doe".into(), true))
        );
        assert_eq!(
            head("Mr. Morgan of the Club"),
            Some(("morgan".into(), true))
        );
        assert_eq!(head("another source"), Some(("source".into(), false)));
        assert_eq!(head("James O’Neill"), head("O'Neill"));
        assert_eq!(head("a source close to it"), Some(("source".into(), false)));
        assert_eq!(head("Ann Lee’s"), Some(("lee".into(), true)));
        assert_eq!(
            head("Lee's niece, Del. Jo Price"),
            Some(("price".into(), true))
        );
    }
}
