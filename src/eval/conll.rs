//! Evaluation on CoNLL-2003 (English), scored per document.
//!
//! The file has one token a line with its BIO tag (last column), blank lines between
//! sentences. Documents are not marked in the copy we use (no `-DOCSTART-`), but each
//! begins with a headline followed by a dateline sentence that ends in the story's date
//! (`LONDON 1996-08-30`), so a document starts at the sentence before each dateline.
//!
//! Each document's text is rebuilt from its tokens: tokens joined by single spaces, each
//! sentence its own paragraph (sentences separated by a blank line, so the gold sentence
//! boundaries hold), then [`find_entities`] runs over it with
//! [`segment::sentences`]. Scoring is at document level, on sets of `(type, string)`:
//! - gold: every PER, LOC and ORG span of the document (MISC is ignored), its tokens
//!   joined by single spaces, exactly as written;
//! - predicted: for each person, place and organisation found, every form the text
//!   itself uses: the aliases, and the name when it occurs in the text. A canonical
//!   name that comes only from the knowledge (`United States` for a text that says
//!   `U.S.`) is not scored, since the gold can only hold strings of the text; a second
//!   line scores names and aliases as printed, whatever their source.
//!
//! Strings are compared exactly: case-sensitive, after whitespace is collapsed. Micro
//! precision, recall and F1 are summed over documents, overall and per type.
//!
//! With `CONLL_DEBUG` set in the environment, every miss (`FN`) and false positive
//! (`FP`, with the gold type of the same string if any) is printed to stderr.

use std::collections::HashSet;
use std::path::Path;

use anyhow::Context;

use super::Score;
use crate::extract::Knowledge;
use crate::extract::entities::find_entities;
use crate::extract::segment;

const TYPES: [&str; 3] = ["PER", "LOC", "ORG"];

/// `(type, string)` pairs of one document.
type Strings = HashSet<(String, String)>;

/// One token and its entity tag.
struct Token {
    word: String,
    tag: String,
}

/// Runs the evaluation over the corpus at `path` and returns the printed report.
pub fn run(path: &Path, kb: &Knowledge) -> anyhow::Result<String> {
    let source = std::fs::read_to_string(path)
        .with_context(|| format!("failed to read `{}`", path.display()))?;
    let sentences = parse_sentences(&source);
    let docs = documents(&sentences);
    let mut scores = [Score::default(); 3];
    let mut all_forms = Score::default();
    let mut words = 0usize;
    let mut seconds = 0.0;
    for doc in &docs {
        let gold = gold_set(doc);
        let text = doc_text(doc);
        words += text.split_whitespace().count();
        let start = std::time::Instant::now();
        let sentences = segment::sentences(&text);
        let found = find_entities(&text, &sentences, kb);
        seconds += start.elapsed().as_secs_f64();
        let (predicted, printed) = predicted_sets(&text, &found);
        for (t, score) in TYPES.iter().zip(scores.iter_mut()) {
            let g: HashSet<&String> = gold.iter().filter(|(k, _)| k == t).map(|x| &x.1).collect();
            let p: HashSet<&String> = predicted
                .iter()
                .filter(|(k, _)| k == t)
                .map(|x| &x.1)
                .collect();
            score.gold += g.len() as f64;
            score.predicted += p.len() as f64;
            score.tp += p.intersection(&g).count() as f64;
        }
        if std::env::var_os("CONLL_DEBUG").is_some() {
            for g in gold.difference(&predicted) {
                eprintln!("FN\t{}\t{}", g.0, g.1);
            }
            for p in predicted.difference(&gold) {
                let other = gold
                    .iter()
                    .find(|g| g.1 == p.1)
                    .map_or("-", |g| g.0.as_str());
                eprintln!("FP\t{}\t{}\t{}", p.0, p.1, other);
            }
        }
        all_forms.gold += gold.len() as f64;
        all_forms.predicted += printed.len() as f64;
        all_forms.tp += printed.intersection(&gold).count() as f64;
    }
    let mut total = Score::default();
    for s in &scores {
        total.tp += s.tp;
        total.predicted += s.predicted;
        total.gold += s.gold;
    }
    let mut out = format!(
        "CoNLL-2003 {}: {} documents, {} words, entities at {:.0} words/s\n",
        path.display(),
        docs.len(),
        words,
        words as f64 / seconds.max(1e-9)
    );
    out.push_str(&format!("all  {}\n", total.line()));
    for (t, s) in TYPES.iter().zip(&scores) {
        out.push_str(&format!("{t}  {}\n", s.line()));
    }
    out.push_str(&format!(
        "all, canonical names included  {}\n",
        all_forms.line()
    ));
    Ok(out)
}

/// Sentences of tokens, split at blank lines.
fn parse_sentences(source: &str) -> Vec<Vec<Token>> {
    let mut sentences = Vec::new();
    let mut current = Vec::new();
    for line in source.lines() {
        let mut cols = line.split_whitespace();
        let Some(word) = cols.next() else {
            if !current.is_empty() {
                sentences.push(std::mem::take(&mut current));
            }
            continue;
        };
        if word == "-DOCSTART-" {
            continue;
        }
        let tag = cols.last().unwrap_or("O").to_string();
        current.push(Token {
            word: word.to_string(),
            tag,
        });
    }
    if !current.is_empty() {
        sentences.push(current);
    }
    sentences
}

/// True for a dateline sentence: its last token is a date (`1996-08-30`).
fn is_dateline(sentence: &[Token]) -> bool {
    sentence.last().is_some_and(|t| {
        let b = t.word.as_bytes();
        b.len() == 10
            && b[4] == b'-'
            && b[7] == b'-'
            && b.iter()
                .enumerate()
                .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
    })
}

/// Groups sentences into documents: each starts at the headline before a dateline.
fn documents(sentences: &[Vec<Token>]) -> Vec<&[Vec<Token>]> {
    let mut starts: Vec<usize> = sentences
        .iter()
        .enumerate()
        .filter(|(_, s)| is_dateline(s))
        .map(|(i, _)| i.saturating_sub(1))
        .collect();
    starts.dedup();
    if starts.first() != Some(&0) {
        starts.insert(0, 0);
    }
    let mut docs = Vec::new();
    for (k, &s) in starts.iter().enumerate() {
        let e = starts.get(k + 1).copied().unwrap_or(sentences.len());
        if s < e {
            docs.push(&sentences[s..e]);
        }
    }
    docs
}

fn doc_text(doc: &[Vec<Token>]) -> String {
    let mut text = String::new();
    for sentence in doc {
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        let words: Vec<&str> = sentence.iter().map(|t| t.word.as_str()).collect();
        text.push_str(&words.join(" "));
    }
    text
}

/// The document's gold `(type, string)` pairs for PER, LOC and ORG.
fn gold_set(doc: &[Vec<Token>]) -> HashSet<(String, String)> {
    let mut out = HashSet::new();
    for sentence in doc {
        let mut current: Option<(String, Vec<&str>)> = None;
        for t in sentence {
            let (prefix, kind) = t.tag.split_once('-').unwrap_or(("O", ""));
            let continues = prefix == "I" && current.as_ref().is_some_and(|(k, _)| k == kind);
            if continues {
                if let Some((_, words)) = current.as_mut() {
                    words.push(&t.word);
                }
                continue;
            }
            if let Some((k, words)) = current.take() {
                out.insert((k, words.join(" ")));
            }
            if prefix != "O" {
                current = Some((kind.to_string(), vec![&t.word]));
            }
        }
        if let Some((k, words)) = current.take() {
            out.insert((k, words.join(" ")));
        }
    }
    out.retain(|(k, _)| TYPES.contains(&k.as_str()));
    out
}

/// The predicted `(type, string)` pairs: forms written in the text, and (second set)
/// every name and alias as printed.
fn predicted_sets(text: &str, found: &crate::extract::entities::Found) -> (Strings, Strings) {
    let mut in_text = HashSet::new();
    let mut printed = HashSet::new();
    let lists = [
        (
            "PER",
            found
                .people
                .iter()
                .map(|p| (&p.name, &p.aliases))
                .collect::<Vec<_>>(),
        ),
        (
            "LOC",
            found.places.iter().map(|p| (&p.name, &p.aliases)).collect(),
        ),
        (
            "ORG",
            found
                .organizations
                .iter()
                .map(|p| (&p.name, &p.aliases))
                .collect(),
        ),
    ];
    for (t, entities) in lists {
        for (name, aliases) in entities {
            let normal = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
            printed.insert((t.to_string(), normal(name)));
            if text.contains(name.as_str()) {
                in_text.insert((t.to_string(), normal(name)));
            }
            for a in aliases {
                printed.insert((t.to_string(), normal(a)));
                in_text.insert((t.to_string(), normal(a)));
            }
        }
    }
    (in_text, printed)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "TALKS O\nIN O\nOSLO B-LOC\n\nOSLO B-LOC\n2001-05-04 O\n\n\
        Jane B-PER\nDoe I-PER\nof O\nAcme B-ORG\nCorp I-ORG\nsaid O\n. O\n\n\
        NEWS O\n\nPARIS B-LOC\n2001-05-05 O\n\nFrench B-MISC\ntalks O\n. O\n";

    #[test]
    fn documents_start_at_the_headline_before_each_dateline() {
        let sentences = parse_sentences(SAMPLE);
        let docs = documents(&sentences);
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0].len(), 3);
        assert_eq!(docs[1][0][0].word, "NEWS");
    }

    #[test]
    fn gold_keeps_per_loc_org_strings() {
        let sentences = parse_sentences(SAMPLE);
        let docs = documents(&sentences);
        let gold = gold_set(docs[0]);
        assert!(gold.contains(&("PER".to_string(), "Jane Doe".to_string())));
        assert!(gold.contains(&("ORG".to_string(), "Acme Corp".to_string())));
        assert!(gold.contains(&("LOC".to_string(), "OSLO".to_string())));
        assert_eq!(gold_set(docs[1]).len(), 1);
    }

    #[test]
    fn text_has_one_paragraph_per_sentence() {
        let sentences = parse_sentences(SAMPLE);
        let docs = documents(&sentences);
        assert!(doc_text(docs[1]).starts_with("NEWS\n\nPARIS 2001-05-05\n\nFrench talks ."));
    }
}
