//! Extraction quality on the hand-written gold set in `tests/gold/`.
//!
//! Each article is loaded the way `dateline build` loads it (front matter or wire
//! header split off by `dateline::content`, Markdown blanked to its prose), extracted
//! with the built-in knowledge, and scored against its `.gold.json`. The scores print
//! with `cargo test --test it gold -- --nocapture`; the test fails when a
//! component's F1 falls below its floor in [`FLOORS`], so a change that breaks one
//! extractor while improving another is caught.

mod matching;

use std::path::{Path, PathBuf};

use dateline::eval::Score;
use dateline::extract::{self, Document, Facts, Knowledge};
use matching::{Gold, Scores};

/// The lowest F1 (in percent) each component may reach on the gold set: the scores
/// reached on `main` when the set was written, rounded down to a whole point (and one
/// point below 100, so a perfect component may lose one item to a tie). Raise a floor
/// when a component improves; never lower one to make a change pass.
const FLOORS: &[(&str, f64)] = &[
    ("people", 85.0),
    ("people canonical", 97.0),
    ("roles", 89.0),
    ("places", 82.0),
    ("organizations", 66.0),
    ("figures", 99.0),
    ("figures+unit", 99.0),
    ("quotes", 87.0),
    ("speakers", 77.0),
    ("quote kind", 91.0),
    ("timex strict", 96.0),
    ("timex relaxed", 96.0),
    ("timex value", 95.0),
    ("timex type", 98.0),
    ("timex mod", 99.0),
    ("events", 67.0),
    ("event dates", 68.0),
    ("dateline", 99.0),
    ("byline", 99.0),
    ("summary", 99.0),
];

fn gold_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/gold")
}

/// One gold article: its annotations, the text extraction reads and the facts.
struct Case {
    name: String,
    gold: Gold,
    body: String,
    facts: Facts,
}

fn load_cases() -> Vec<Case> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(gold_dir())
        .expect("tests/gold is readable")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.to_string_lossy().ends_with(".gold.json"))
        .collect();
    paths.sort();
    assert!(paths.len() >= 10, "the gold set has at least 10 articles");
    let kb = Knowledge::builtin();
    paths
        .iter()
        .map(|path| {
            let json = std::fs::read_to_string(path).expect("annotation is readable");
            let gold: Gold =
                serde_json::from_str(&json).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            let article_path = gold_dir().join(&gold.article);
            let bytes = std::fs::read(&article_path).expect("article is readable");
            let article = dateline::content::parse_article(&article_path, &bytes, chrono_tz::UTC)
                .unwrap_or_else(|e| panic!("{e}"));
            let body = dateline::extraction_text(&article).into_owned();
            let date = article.date.date_naive();
            assert_eq!(
                date.format("%Y-%m-%d").to_string(),
                gold.date,
                "{}: article date",
                gold.article
            );
            let facts = extract::extract_facts(
                &Document {
                    title: Some(&article.title),
                    body: &body,
                    date: Some(date),
                },
                &kb,
            );
            Case {
                name: gold.article.clone(),
                gold,
                body,
                facts,
            }
        })
        .collect()
}

fn rows(s: &Scores) -> Vec<(&'static str, &Score)> {
    vec![
        ("people", &s.people),
        ("people canonical", &s.people_canonical),
        ("roles", &s.roles),
        ("places", &s.places),
        ("organizations", &s.organizations),
        ("figures", &s.figures),
        ("figures+unit", &s.figures_unit),
        ("quotes", &s.quotes),
        ("speakers", &s.speakers),
        ("quote kind", &s.quote_kind),
        ("timex strict", &s.timex_strict),
        ("timex relaxed", &s.timex_relaxed),
        ("timex value", &s.timex_value),
        ("timex type", &s.timex_type),
        ("timex mod", &s.timex_mod),
        ("events", &s.events),
        ("event dates", &s.event_dates),
        ("dateline", &s.dateline),
        ("byline", &s.byline),
        ("summary", &s.summary),
    ]
}

#[test]
fn gold_annotations_point_into_their_articles() {
    for case in load_cases() {
        let g = &case.gold;
        let lists: [(&str, Vec<&str>); 4] = [
            (
                "figures",
                g.figures.iter().map(|f| f.text.as_str()).collect(),
            ),
            ("quotes", g.quotes.iter().map(|q| q.text.as_str()).collect()),
            (
                "timexes",
                g.timexes.iter().map(|t| t.text.as_str()).collect(),
            ),
            ("events", g.events.iter().map(|e| e.text.as_str()).collect()),
        ];
        for (what, texts) in lists {
            if let Err(e) = matching::resolve(&case.body, texts.into_iter()) {
                panic!("{} {what}: {e}", case.name);
            }
        }
    }
}

#[test]
fn gold_scores_stay_above_their_floors() {
    let cases = load_cases();
    let mut scores = Scores::default();
    for case in &cases {
        if std::env::var_os("GOLD_VERBOSE").is_some() {
            println!("{}", case.name);
        }
        matching::score_article(&case.gold, &case.body, &case.facts, &mut scores)
            .unwrap_or_else(|e| panic!("{}: {e}", case.name));
    }
    println!("\ngold set: {} articles", cases.len());
    let mut failed = Vec::new();
    for (name, score) in rows(&scores) {
        println!("{name:<18} {}", score.line());
        let floor = FLOORS
            .iter()
            .find(|(n, _)| *n == name)
            .map_or(0.0, |(_, f)| *f);
        if 100.0 * score.f1() + 1e-9 < floor {
            failed.push(format!(
                "{name}: F1 {:.1} < floor {floor:.1}",
                100.0 * score.f1()
            ));
        }
    }
    assert!(failed.is_empty(), "below the floor: {failed:?}");
}
