use super::*;
use crate::extract::segment;

fn meta(text: &str) -> Meta {
    find_meta(text, &segment::sentences(text))
}

#[test]
fn reads_a_reuters_dateline() {
    let m = meta("HAVANA, March 7 (Reuters) - The ferry sailed at dawn. It docked late.");
    assert_eq!(m.dateline.as_deref(), Some("HAVANA"));
    assert_eq!(m.summary, "The ferry sailed at dawn. It docked late.");
}

#[test]
fn reads_an_ap_dateline_with_an_em_dash() {
    let m = meta("WASHINGTON (AP) — Senators passed the bill on Friday.");
    assert_eq!(m.dateline.as_deref(), Some("WASHINGTON"));
    assert_eq!(m.summary, "Senators passed the bill on Friday.");
}

#[test]
fn reads_a_dateline_with_an_abbreviated_month_and_no_agency() {
    let m = meta("LONDON, Jan 5 - Rail fares rose again.");
    assert_eq!(m.dateline.as_deref(), Some("LONDON"));
    assert_eq!(m.summary, "Rail fares rose again.");
}

#[test]
fn keeps_a_double_dateline_whole() {
    let m = meta("NEW YORK/KYIV, Jan 5 (Reuters) - Grain prices fell.");
    assert_eq!(m.dateline.as_deref(), Some("NEW YORK/KYIV"));
}

#[test]
fn reads_an_ap_dateline_with_a_region() {
    let m = meta("ODESA, Ukraine (AP) — Drones struck the port overnight.");
    assert_eq!(m.dateline.as_deref(), Some("ODESA"));
    assert_eq!(m.summary, "Drones struck the port overnight.");
}

#[test]
fn title_case_place_needs_a_date_or_agency() {
    assert_eq!(
        meta("Lisbon, May 2 (Reuters) - Trams stopped.")
            .dateline
            .as_deref(),
        Some("Lisbon")
    );
    assert_eq!(meta("Officials - all of them - agreed.").dateline, None);
}

#[test]
fn an_opening_acronym_is_not_a_dateline() {
    assert_eq!(
        meta("NATO leaders met in Vilnius on Tuesday.").dateline,
        None
    );
}

#[test]
fn reads_a_byline_paragraph() {
    let m = meta("By Jane Doe\n\nPORTO, June 3 (Reuters) - Wine exports slumped.");
    assert_eq!(m.byline.as_deref(), Some("Jane Doe"));
    assert_eq!(m.summary, "Wine exports slumped.");
}

#[test]
fn reads_two_authors() {
    assert_eq!(
        meta("By Jane Doe and John Roe\n\nThe vote was close.")
            .byline
            .as_deref(),
        Some("Jane Doe and John Roe")
    );
}

#[test]
fn title_cases_a_shouted_byline_and_drops_the_agency() {
    assert_eq!(
        meta("By JANE DOE, Associated Press\nWASHINGTON (AP) — Rates held.")
            .byline
            .as_deref(),
        Some("Jane Doe")
    );
}

#[test]
fn a_sentence_opening_with_by_is_not_a_byline() {
    assert_eq!(
        meta("By the end of the day, the river had crested.").byline,
        None
    );
}

#[test]
fn reads_a_wire_trailer_when_no_byline_opens() {
    let m = meta("The port reopened.\n\n(Reporting by Ana Ruiz in Lima; Editing by Tom Hill)");
    assert_eq!(m.byline.as_deref(), Some("Ana Ruiz"));
}

#[test]
fn skips_the_wire_header_and_uses_the_standfirst() {
    let text = " date 2024-02-01 \n\n\n\nFarmers blocked roads across the region.\n\n\
                MADRID, Feb 1 (Reuters) - Thousands of tractors rolled in.";
    let m = meta(text);
    assert_eq!(m.summary, "Farmers blocked roads across the region.");
    assert_eq!(m.dateline.as_deref(), Some("MADRID"));
}

#[test]
fn passes_over_a_headline_without_a_stop() {
    let text = "Quake shakes northern Peru\n\nLIMA (AP) — A strong quake hit the north.";
    assert_eq!(meta(text).summary, "A strong quake hit the north.");
}

#[test]
fn skips_front_matter_and_headings() {
    let text = "+++\ntitle = \"X\"\n+++\n\n# Big news\n\nThe council voted. It was late.";
    assert_eq!(meta(text).summary, "The council voted. It was late.");
}

#[test]
fn long_first_sentence_stands_alone() {
    let long = "word ".repeat(40);
    let text = format!("{}end. Second sentence here.", long);
    let m = meta(&text);
    assert!(!m.summary.contains("Second"));
}

#[test]
fn overlong_summary_is_cut_at_the_word_limit() {
    let text = format!("{}end.", "word ".repeat(100));
    let m = meta(&text);
    assert_eq!(m.summary.split_whitespace().count(), SUMMARY_WORDS);
    assert!(m.summary.ends_with('…'));
}

#[test]
fn strips_markdown_links_and_emphasis() {
    assert_eq!(
        meta("The **council** backed the [plan](https://example.org/p).").summary,
        "The council backed the plan."
    );
}

#[test]
fn summary_of_the_seed_shape_is_the_standfirst() {
    let text = " date 2023-03-08 \n\n\n\nIn Tallinn, the minister pledges to keep troops in Estonia.\n\n\
                The minister made a trip to Estonia, during which she spoke. She left.";
    assert_eq!(
        meta(text).summary,
        "In Tallinn, the minister pledges to keep troops in Estonia."
    );
}

#[test]
fn opening_paragraphs_match_the_segmenter() {
    let text = "  One line\nand two  \n\n \n\nThree\n\n\nFour\nfive\n";
    assert_eq!(opening_paragraphs(text, 0, 10), segment::paragraphs(text));
    assert_eq!(opening_paragraphs(text, 0, 2).len(), 2);
}

#[test]
fn last_paragraph_is_read_from_the_end() {
    assert_eq!(last_paragraph("A\n\nB b\nC\n\n"), Some("B b\nC"));
    assert_eq!(last_paragraph("Only"), Some("Only"));
    assert_eq!(last_paragraph("  \n"), None);
}

#[test]
fn multibyte_text_near_the_cut_does_not_panic() {
    let text = format!("ÉÉ{}, March 7 - x", "é".repeat(80));
    let _ = meta(&text);
    let text = format!("AB{} - x", "—".repeat(60));
    let _ = meta(&text);
}

#[test]
fn a_dateline_needs_its_place_near_the_start() {
    let text = format!("{} (Reuters) - Late.", "WORD ".repeat(12));
    assert_eq!(meta(&text).dateline, None);
}
