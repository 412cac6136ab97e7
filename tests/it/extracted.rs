//! The invariants the fuzz targets check, on every article of the repository: the
//! example site, the fixtures and the fuzz seeds. Spans inside the text and on
//! character boundaries, TIMEX3 values and mods valid, events dated by TIMEX3 dates.

use std::path::Path;

use dateline::content::parse_article;
use dateline::extract::Knowledge;

use crate::checks::{check_facts, check_slug};

#[test]
fn every_repository_article_gives_well_formed_facts() {
    let kb = Knowledge::builtin();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut checked = 0;
    for dir in ["content", "tests/fixtures", "fuzz/seeds"] {
        for entry in walkdir::WalkDir::new(root.join(dir)).sort_by_file_name() {
            let entry = entry.unwrap();
            let path = entry.path();
            if !matches!(
                path.extension().and_then(|e| e.to_str()),
                Some("md" | "txt")
            ) {
                continue;
            }
            let bytes = std::fs::read(path).unwrap();
            let Ok(article) = parse_article(path, &bytes, chrono_tz::Europe::Lisbon) else {
                continue;
            };
            check_slug(&article.slug).unwrap();
            let text = dateline::extraction_text(&article);
            let facts = dateline::extract_article(&article, &kb, chrono_tz::Europe::Lisbon);
            if let Err(e) = check_facts(&text, &facts) {
                panic!("{}: {e}", path.display());
            }
            checked += 1;
        }
    }
    assert!(checked >= 15, "{checked} articles");
}
