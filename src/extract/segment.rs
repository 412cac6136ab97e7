//! Sentences and tokens.
//!
//! Every later stage of extraction works on byte spans into the original text, so
//! segmentation never copies or rewrites: it only finds boundaries. News text is hard
//! on a naive splitter — titles (`Gen.`, `Sen.`), initials (`George W. Bush`), country
//! abbreviations (`U.S.`), decimals (`2.5`), months (`Jan. 5`), datelines
//! (`BAGHDAD, March 7 (Reuters) -`), quotation marks of every kind, and wire copy
//! whose quotation marks were stripped — so the rules below are written for it.

use super::Span;

/// Words that end with a period but seldom end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "sen", "rep", "gov", "lt", "col", "sgt", "capt", "maj",
    "adm", "cmdr", "cpl", "pvt", "brig", "hon", "rev", "fr", "pres", "supt", "insp", "det", "jan",
    "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "no", "nos",
    "st", "ste", "mt", "ft", "jr", "sr", "inc", "corp", "co", "ltd", "bros", "vs", "etc", "approx",
    "dept", "est", "fig", "vol", "op", "cf", "al", "ave", "blvd", "rd", "ky", "calif", "conn",
    "fla", "ga", "ill", "ind", "kan", "mass", "md", "mich", "minn", "miss", "mo", "mont", "neb",
    "nev", "okla", "ore", "pa", "tenn", "tex", "va", "vt", "wash", "wis", "wyo", "ariz", "ark",
    "colo", "del", "ala", "messrs", "mmes", "sq", "ph", "e.g", "i.e",
];

/// Words after an abbreviation-like token that still signal a new sentence
/// (`... in the U.S. The talks ...`).
const SENTENCE_STARTERS: &[&str] = &[
    "The",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "But",
    "And",
    "In",
    "On",
    "At",
    "A",
    "An",
    "This",
    "That",
    "These",
    "Those",
    "His",
    "Her",
    "Their",
    "Its",
    "There",
    "However",
    "Also",
    "After",
    "Before",
    "Meanwhile",
    "When",
    "While",
    "If",
    "As",
    "Officials",
    "Police",
];

/// Token classes the extractors care about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters, possibly with inner apostrophes, hyphens or periods (`al-Sudani`, `U.S.`).
    Word,
    /// Digits, possibly with separators (`2,500`, `3.5`, `1990s`).
    Number,
    /// Any other single non-space character.
    Punct,
}

/// One token: its kind and byte span.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    pub kind: TokenKind,
    pub span: Span,
}

impl Token {
    /// The token's text within `text`.
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.span[0]..self.span[1]]
    }
}

/// True for characters that close a sentence-final quotation or bracket.
fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '’' | '”' | '»' | ')' | ']' | '›')
}

/// True for characters that may open a sentence before its first letter.
fn is_opener(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '‘' | '“' | '«' | '(' | '[' | '‹' | '-' | '—' | '–'
    )
}

/// Splits `text` into paragraph spans: runs of text separated by blank lines.
pub fn paragraphs(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut last_end = 0;
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        let line_start = pos;
        pos += line.len();
        let trimmed = line.trim();
        if trimmed.is_empty() {
            if let Some(s) = start.take() {
                out.push([s, last_end]);
            }
        } else {
            let lead = line.len() - line.trim_start().len();
            if start.is_none() {
                start = Some(line_start + lead);
            }
            last_end = line_start + line.trim_end().len();
        }
    }
    if let Some(s) = start {
        out.push([s, last_end]);
    }
    out
}

/// Splits `text` into sentence spans, trimmed of surrounding white space.
///
/// Paragraph breaks always end a sentence; inside a paragraph a sentence ends at
/// `.`, `!` or `?` (with any closing quotes or brackets) followed by white space and
/// a plausible sentence start, unless the period belongs to an abbreviation, an
/// initial or a number.
pub fn sentences(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    for para in paragraphs(text) {
        split_paragraph(text, para, &mut out);
    }
    out
}

fn split_paragraph(text: &str, para: Span, out: &mut Vec<Span>) {
    let bytes = text.as_bytes();
    let mut start = para[0];
    let mut i = para[0];
    while i < para[1] {
        let b = bytes[i];
        if b == b'.' || b == b'!' || b == b'?' {
            // Extend over repeated terminators and closers: `?!`, `...`, `."`, `.)`.
            let mut end = i + 1;
            while end < para[1] {
                let c = text[end..].chars().next().unwrap_or(' ');
                if c == '.' || c == '!' || c == '?' || is_closer(c) {
                    end += c.len_utf8();
                } else {
                    break;
                }
            }
            if end >= para[1] {
                break;
            }
            let next = text[end..].chars().next().unwrap_or(' ');
            if next.is_whitespace() && is_boundary(text, start, i, end, para[1]) {
                push_trimmed(text, [start, end], out);
                start = end;
            }
            i = end;
        } else {
            i += 1;
        }
    }
    push_trimmed(text, [start, para[1]], out);
}

fn push_trimmed(text: &str, span: Span, out: &mut Vec<Span>) {
    let s = &text[span[0]..span[1]];
    let lead = s.len() - s.trim_start().len();
    let trimmed = s.trim();
    // A stray terminator (`countries. .`) belongs to the sentence before it.
    if trimmed
        .chars()
        .all(|c| matches!(c, '.' | '!' | '?') || is_closer(c))
    {
        if let Some(last) = out.last_mut() {
            if !trimmed.is_empty() {
                last[1] = span[0] + lead + trimmed.len();
            }
            return;
        }
        if trimmed.is_empty() {
            return;
        }
    }
    out.push([span[0] + lead, span[0] + lead + trimmed.len()]);
}

/// Decides whether the terminator at `dot` (ending at `end`) closes a sentence.
fn is_boundary(text: &str, sent_start: usize, dot: usize, end: usize, para_end: usize) -> bool {
    let after = &text[end..para_end];
    let next_word_start = after.len() - after.trim_start().len();
    let rest = &after[next_word_start..];
    let mut chars = rest.chars();
    let mut first = match chars.next() {
        Some(c) => c,
        None => return true,
    };
    // Skip opening quotes and brackets before the next word.
    let mut skipped = 0;
    while is_opener(first) && skipped < 3 {
        match chars.next() {
            Some(c) => first = c,
            None => return true,
        }
        skipped += 1;
    }
    let next_word: &str = {
        let w = rest.trim_start_matches(is_opener);
        let e = w
            .find(|c: char| !(c.is_alphanumeric() || c == '\''))
            .unwrap_or(w.len());
        &w[..e]
    };
    let terminator = text.as_bytes()[dot];
    if terminator != b'.' {
        // `!` and `?` end a sentence unless lower case follows (`"Why?" he asked`).
        return !first.is_lowercase();
    }
    if first.is_lowercase() {
        return false;
    }
    if !(first.is_uppercase() || first.is_numeric() || skipped > 0) {
        return false;
    }
    // Look at the word before the period.
    let before = &text[sent_start..dot];
    let word_start = before
        .rfind(|c: char| c.is_whitespace() || c == '(' || c == '"' || c == '“')
        .map(|p| p + before[p..].chars().next().map_or(1, char::len_utf8))
        .unwrap_or(0);
    let word = &before[word_start..];
    // An ellipsis before a capital ends the sentence; an ellipsis inside does not.
    if text[dot..end].starts_with("..") {
        return true;
    }
    if word.is_empty() {
        return true;
    }
    let lower = word.to_lowercase();
    let starter = SENTENCE_STARTERS.contains(&next_word);
    // Initials: `W.`, `J.R.R.`; country abbreviations `U.S.`, `U.N.`
    let letters: Vec<char> = word.chars().filter(|c| *c != '.').collect();
    let dotted = word.contains('.');
    if letters.len() == 1 && letters[0].is_uppercase() {
        // A single capital: an initial, unless a clear sentence start follows.
        return starter && word_start > 0 && !prev_is_name_like(before, word_start);
    }
    if dotted && letters.iter().all(|c| c.is_uppercase()) {
        return starter;
    }
    if ABBREVIATIONS.contains(&lower.trim_end_matches('.')) {
        // `No. 3`, `Gen. Smith`, `Jan. 5`: not a boundary, unless a clear starter follows
        // an abbreviation that can end a sentence (`Inc.`, `Ltd.`, `etc.`, `Jr.`).
        let can_end = matches!(
            lower.as_str(),
            "inc" | "corp" | "co" | "ltd" | "etc" | "jr" | "sr" | "bros" | "al"
        );
        return can_end && starter;
    }
    // A number before the period followed by a number: `1.` lists are rare in news.
    true
}

/// True when the word before `word_start` is a capitalised name (`George W.`).
fn prev_is_name_like(before: &str, word_start: usize) -> bool {
    let prev = before[..word_start].trim_end();
    let w = prev.rsplit(char::is_whitespace).next().unwrap_or("");
    w.chars().next().is_some_and(char::is_uppercase) && !w.ends_with('.')
}

/// The tokens of every sentence of a text, made once and read by every stage.
///
/// Tokenizing is a large share of extraction when each stage does it again, so the
/// orchestrator tokenizes each sentence once and lends the result out. All tokens lie
/// in one buffer, in text order; sentence `k` owns the range `bounds[k]`.
#[derive(Clone, Debug, Default)]
pub struct SentenceTokens {
    tokens: Vec<Token>,
    bounds: Vec<[usize; 2]>,
}

impl SentenceTokens {
    /// Tokenizes each of `sentences` of `text`.
    pub fn new(text: &str, sentences: &[Span]) -> SentenceTokens {
        let bytes: usize = sentences.iter().map(|s| s[1] - s[0]).sum();
        let mut tokens = Vec::with_capacity(bytes / 5 + 1);
        let mut bounds = Vec::with_capacity(sentences.len());
        for &s in sentences {
            let from = tokens.len();
            push_tokens(text, s, &mut tokens);
            bounds.push([from, tokens.len()]);
        }
        SentenceTokens { tokens, bounds }
    }

    /// The tokens of sentence `k`.
    pub fn of(&self, k: usize) -> &[Token] {
        let [from, to] = self.bounds[k];
        &self.tokens[from..to]
    }

    /// Every token of every sentence, in text order.
    pub fn all(&self) -> &[Token] {
        &self.tokens
    }

    /// The range of [`SentenceTokens::all`] that sentence `k` owns.
    pub fn bounds(&self, k: usize) -> [usize; 2] {
        self.bounds[k]
    }

    /// How many sentences there are.
    pub fn len(&self) -> usize {
        self.bounds.len()
    }

    /// True when there are no sentences.
    pub fn is_empty(&self) -> bool {
        self.bounds.is_empty()
    }
}

/// Splits the text inside `span` into tokens.
pub fn tokens(text: &str, span: Span) -> Vec<Token> {
    // News averages about six bytes a token: reserve once instead of growing.
    let mut out = Vec::with_capacity((span[1] - span[0]) / 5 + 1);
    push_tokens(text, span, &mut out);
    out
}

/// Byte classes of the tokenizer's fast path.
const SPACE: u8 = 1;
const LETTER: u8 = 2;
const DIGIT: u8 = 4;
/// The first byte of a multi-byte char: decoded and classified as a char.
const HIGH: u8 = 8;

/// The class of every byte value, for the ASCII fast path of [`push_tokens`].
static BYTE_CLASS: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        table[b] = if c >= 0x80 {
            HIGH
        } else if c.is_ascii_alphabetic() {
            LETTER
        } else if c.is_ascii_digit() {
            DIGIT
        } else if matches!(c, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r') {
            // Exactly the ASCII chars of `char::is_whitespace`.
            SPACE
        } else {
            0
        };
        b += 1;
    }
    table
};

/// The char starting at byte `pos` of `s` (on a char boundary), if any; ASCII is
/// answered without decoding.
#[inline]
fn char_at(s: &str, pos: usize) -> Option<char> {
    let b = *s.as_bytes().get(pos)?;
    if b < 0x80 {
        Some(char::from(b))
    } else {
        s[pos..].chars().next()
    }
}

/// Appends the tokens of the text inside `span` to `out` (see [`tokens`]).
///
/// Words run over letters and digits and over inner joiners: apostrophes and hyphens
/// between letters, periods in abbreviations (`U.S.`) and decimals, commas in numbers
/// (`2,500`), `&` between capitals (`AT&T`). Any other non-space character is a
/// token of its own. ASCII bytes are classified by table; other chars are decoded.
pub fn push_tokens(text: &str, span: Span, out: &mut Vec<Token>) {
    let s = &text[span[0]..span[1]];
    let bytes = s.as_bytes();
    let n = bytes.len();
    let mut i = 0;
    while i < n {
        let class = BYTE_CLASS[usize::from(bytes[i])];
        if class == SPACE {
            i += 1;
            continue;
        }
        let (alnum, numeric, len) = if class == HIGH {
            let c = char_at(s, i).unwrap_or(' ');
            if c.is_whitespace() {
                i += c.len_utf8();
                continue;
            }
            (c.is_alphanumeric(), false, c.len_utf8())
        } else {
            (class & (LETTER | DIGIT) != 0, class == DIGIT, 1)
        };
        if !alnum {
            out.push(Token {
                kind: TokenKind::Punct,
                span: [span[0] + i, span[0] + i + len],
            });
            i += len;
            continue;
        }
        let mut all_digits = numeric;
        // `j` is the end of the word so far and the position of the next char.
        let mut j = i + len;
        while j < n {
            let class = BYTE_CLASS[usize::from(bytes[j])];
            if class & (LETTER | DIGIT) != 0 {
                all_digits &= class == DIGIT;
                j += 1;
                continue;
            }
            let d = if class == HIGH {
                char_at(s, j).unwrap_or(' ')
            } else {
                char::from(bytes[j])
            };
            if class == HIGH && d.is_alphanumeric() {
                all_digits = false;
                j += d.len_utf8();
                continue;
            }
            if !matches!(d, '\'' | '’' | '-' | '.' | ',' | '&') {
                break;
            }
            let d_len = d.len_utf8();
            let word = &s[i..j];
            let ok = match (d, char_at(s, j + d_len)) {
                (',', Some(a)) => numeric && a.is_ascii_digit() && all_digits,
                ('.', Some(a)) => {
                    (numeric && a.is_ascii_digit() && all_digits)
                        || (!numeric && a.is_alphabetic() && is_dotted_abbrev(word))
                }
                ('&', Some(a)) => a.is_uppercase() && word.chars().all(char::is_uppercase),
                (_, Some(a)) => a.is_alphanumeric(),
                (_, None) => false,
            };
            if ok {
                j += d_len;
                continue;
            }
            // A final period of a dotted abbreviation (`U.S.`) joins the word.
            if d == '.' && !numeric && word.contains('.') && is_dotted_abbrev(word) {
                j += 1;
            }
            break;
        }
        let kind = if numeric {
            TokenKind::Number
        } else {
            TokenKind::Word
        };
        out.push(Token {
            kind,
            span: [span[0] + i, span[0] + j],
        });
        i = j;
    }
}

/// `U`, `U.S`, `e.g`: single letters joined by periods.
fn is_dotted_abbrev(s: &str) -> bool {
    let mut chars = s.chars();
    loop {
        match chars.next() {
            Some(c) if c.is_alphabetic() => {}
            _ => return false,
        }
        match chars.next() {
            None => return true,
            Some('.') => {}
            Some(_) => return false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sents(text: &str) -> Vec<&str> {
        sentences(text)
            .into_iter()
            .map(|[s, e]| &text[s..e])
            .collect()
    }

    fn toks(text: &str) -> Vec<&str> {
        tokens(text, [0, text.len()])
            .iter()
            .map(|t| t.text(text))
            .collect()
    }

    #[test]
    fn splits_plain_sentences() {
        assert_eq!(
            sents("The talks ended. Both sides left."),
            ["The talks ended.", "Both sides left."]
        );
    }

    #[test]
    fn keeps_titles_and_months_together() {
        assert_eq!(
            sents("Gen. Mark Milley met Sen. Jack Reed on Jan. 5 in Washington. They spoke."),
            [
                "Gen. Mark Milley met Sen. Jack Reed on Jan. 5 in Washington.",
                "They spoke."
            ]
        );
    }

    #[test]
    fn keeps_initials_and_country_abbreviations() {
        assert_eq!(
            sents("George W. Bush visited U.S. troops. The visit was brief."),
            [
                "George W. Bush visited U.S. troops.",
                "The visit was brief."
            ]
        );
    }

    #[test]
    fn splits_after_country_abbreviation_before_a_starter() {
        assert_eq!(
            sents("Troops returned to the U.S. The war was over."),
            ["Troops returned to the U.S.", "The war was over."]
        );
    }

    #[test]
    fn keeps_decimals_and_numbers() {
        assert_eq!(
            sents("Growth was 2.5 percent in No. 3 district. Prices rose."),
            ["Growth was 2.5 percent in No. 3 district.", "Prices rose."]
        );
    }

    #[test]
    fn closing_quotes_stay_with_their_sentence() {
        assert_eq!(
            sents("“We will stay,” he said. “The mission is clear.” Officials agreed."),
            [
                "“We will stay,” he said.",
                "“The mission is clear.”",
                "Officials agreed."
            ]
        );
    }

    #[test]
    fn question_followed_by_lowercase_is_not_a_boundary() {
        assert_eq!(
            sents("\"Why now?\" he asked. Nobody knew."),
            ["\"Why now?\" he asked.", "Nobody knew."]
        );
    }

    #[test]
    fn paragraphs_always_split() {
        assert_eq!(
            sents("A headline without a stop\n\nThe body starts here."),
            ["A headline without a stop", "The body starts here."]
        );
    }

    #[test]
    fn stray_period_joins_previous_sentence() {
        assert_eq!(
            sents("ISIL seized land in both countries. .\n\nNext."),
            ["ISIL seized land in both countries. .", "Next."]
        );
    }

    #[test]
    fn dateline_stays_in_first_sentence() {
        assert_eq!(
            sents("BAGHDAD, March 7 (Reuters) - Lloyd Austin arrived. He met officials."),
            [
                "BAGHDAD, March 7 (Reuters) - Lloyd Austin arrived.",
                "He met officials."
            ]
        );
    }

    #[test]
    fn spans_point_into_the_text() {
        let text = "  First one.  Second one.  ";
        for [s, e] in sentences(text) {
            assert!(text.is_char_boundary(s) && text.is_char_boundary(e));
        }
        assert_eq!(sents(text), ["First one.", "Second one."]);
    }

    #[test]
    fn tokenizes_numbers_abbreviations_and_names() {
        assert_eq!(
            toks("U.S. sent 2,500 troops, 3.5%."),
            ["U.S.", "sent", "2,500", "troops", ",", "3.5", "%", "."]
        );
        assert_eq!(
            toks("al-Sudani’s AT&T office"),
            ["al-Sudani’s", "AT&T", "office"]
        );
    }

    #[test]
    fn number_with_trailing_comma_stays_separate() {
        assert_eq!(
            toks("In 2011, they left."),
            ["In", "2011", ",", "they", "left", "."]
        );
    }
}
