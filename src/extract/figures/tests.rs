use super::*;
use crate::extract::segment;

/// `(value, unit, text)` of every figure in `text`.
fn figs(text: &str) -> Vec<(Option<f64>, Option<String>, String)> {
    let sentences = segment::sentences(text);
    find_figures(text, &sentences)
        .into_iter()
        .map(|f| {
            assert_eq!(&text[f.span[0]..f.span[1]], f.text);
            (f.value, f.unit, f.text)
        })
        .collect()
}

fn one(text: &str) -> (Option<f64>, Option<String>, String) {
    let all = figs(text);
    assert_eq!(all.len(), 1, "{all:?}");
    all.into_iter().next().unwrap_or_default()
}

fn unit(u: &str) -> Option<String> {
    Some(u.to_string())
}

#[test]
fn counts_troops_with_their_place() {
    assert_eq!(
        one("The alliance keeps 1,800 troops in Estonia this winter."),
        (
            Some(1800.0),
            unit("troops"),
            "1,800 troops in Estonia".into()
        )
    );
}

#[test]
fn coordinated_figure_borrows_the_unit() {
    let all = figs("Norway has 1,200 soldiers in Latvia and 450 in Lithuania.");
    assert_eq!(all.len(), 2);
    assert_eq!(
        all[1],
        (Some(450.0), unit("soldiers"), "450 in Lithuania".into())
    );
}

#[test]
fn vague_amounts_have_no_value() {
    assert_eq!(
        one("The flood displaced tens of thousands of Bengali villagers, officials said."),
        (
            None,
            unit("villagers"),
            "tens of thousands of Bengali villagers".into()
        )
    );
    assert_eq!(
        one("Dozens of nurses walked out.").0,
        None,
        "dozens is vague"
    );
}

#[test]
fn vague_amount_without_a_noun_is_dropped() {
    assert!(figs("Thousands fled when the dam broke.").is_empty());
}

#[test]
fn scale_words_multiply() {
    assert_eq!(
        one("About 5 million people live in the basin.").0,
        Some(5_000_000.0)
    );
}

#[test]
fn money_gets_an_iso_code() {
    assert_eq!(
        one("The plan costs $1.2 billion over ten years.").1,
        unit("USD")
    );
    assert_eq!(
        one("The plan costs $1.2 billion over ten years.").0,
        Some(1_200_000_000.0)
    );
    assert_eq!(
        one("Brussels pledged €40m for repairs."),
        (Some(40_000_000.0), unit("EUR"), "€40m".into())
    );
    assert_eq!(
        one("The mill sold 1,750 dlrs worth of cocoa.").1,
        unit("USD")
    );
    assert_eq!(one("It raised 3 million Canadian dollars.").1, unit("CAD"));
}

#[test]
fn percentages_in_all_spellings() {
    for text in [
        "Turnout rose 15 percent.",
        "Turnout rose 15%.",
        "Turnout rose 15 per cent.",
    ] {
        let (value, u, _) = one(text);
        assert_eq!((value, u), (Some(15.0), unit("percent")), "{text}");
    }
}

#[test]
fn ranges_take_the_low_end_and_cover_both() {
    assert_eq!(
        one("Between 300 and 400 workers joined the strike."),
        (
            Some(300.0),
            unit("workers"),
            "Between 300 and 400 workers".into()
        )
    );
    assert_eq!(
        one("Police said 300-400 workers joined.").2,
        "300-400 workers"
    );
    assert_eq!(one("Prices hit 340 to 350 cruzados.").0, Some(340.0));
}

#[test]
fn from_to_gives_two_figures() {
    assert_eq!(figs("Inflation fell from 9 percent to 6 percent.").len(), 2);
}

#[test]
fn number_words_count() {
    assert_eq!(
        one("Twenty-five miners were rescued.").0,
        Some(25.0),
        "hyphenated"
    );
    assert_eq!(
        one("Rescuers found three hundred and twelve survivors.").0,
        Some(312.0)
    );
    assert_eq!(one("The club sold a dozen tickets.").0, Some(12.0));
}

#[test]
fn fractions_need_of() {
    let (value, u, text) = one("A third of the voters stayed home.");
    assert!((value.unwrap_or(0.0) - 1.0 / 3.0).abs() < 1e-9);
    assert_eq!((u, text), (unit("voters"), "A third of the voters".into()));
    assert!(figs("He finished third.").is_empty());
}

#[test]
fn qualifier_joins_the_text() {
    assert_eq!(
        one("More than 2,000 people marched.").2,
        "More than 2,000 people"
    );
    assert_eq!(one("At least 14 pilgrims died.").2, "At least 14 pilgrims");
}

#[test]
fn skips_years_dates_and_times() {
    assert!(figs("In 2014 the militants seized Mosul.").is_empty());
    assert!(figs("The 2003 invasion changed the region.").is_empty());
    assert!(figs("The vote is on March 7 at 10:30.").is_empty());
    assert!(figs("The vote is on 7 March, 2024.").is_empty());
    assert!(figs("The meeting starts at 9 a.m. sharp.").is_empty());
}

#[test]
fn four_digit_count_of_a_plural_noun_is_kept() {
    assert_eq!(one("Some 1500 students enrolled.").0, Some(1500.0));
}

#[test]
fn skips_ordinals_decades_and_ages() {
    assert!(figs("It marks the 20th anniversary of the war.").is_empty());
    assert!(figs("Prices rose in the 1990s.").is_empty());
    assert!(figs("Maria Lopez, 45, said she would run.").is_empty());
    assert!(figs("A 45-year-old man was arrested.").is_empty());
}

#[test]
fn skips_durations() {
    assert!(figs("The troops left three years later.").is_empty());
    assert!(figs("The strike lasted 12 days.").is_empty());
}

#[test]
fn skips_labels_and_name_parts() {
    assert!(figs("Allies invoked Article 5 of the treaty.").is_empty());
    assert!(figs("A Boeing 737 landed safely.").is_empty());
    assert!(figs("The bill is No. 3 on the list.").is_empty());
    assert!(figs("Flight 17 was delayed.").is_empty());
}

#[test]
fn skips_scores_and_list_numbers() {
    assert!(figs("Leeds won 3-1 at home.").is_empty());
    assert!(figs("1. Open the valve.").is_empty());
}

#[test]
fn referring_number_words_are_not_figures() {
    assert!(figs("The two sides met again.").is_empty());
    assert!(figs("One of them escaped.").is_empty());
    assert!(figs("Two of the guards were hurt.").is_empty());
}

#[test]
fn spans_are_char_boundaries_in_curly_text() {
    let text = "“We lost 40 homes,” the mayor’s aide said of the €2m fund’s reach.";
    for f in find_figures(text, &segment::sentences(text)) {
        assert!(text.is_char_boundary(f.span[0]) && text.is_char_boundary(f.span[1]));
    }
}

#[test]
fn seed_like_sentence_gives_both_troop_figures() {
    let all =
        figs("Currently, the United States has 2,500 troops in Iraq and 900 in Syria to help.");
    assert_eq!(
        all,
        vec![
            (Some(2500.0), unit("troops"), "2,500 troops in Iraq".into()),
            (Some(900.0), unit("troops"), "900 in Syria".into()),
        ]
    );
}

#[test]
fn ing_word_before_a_noun_joins_the_unit_run() {
    assert_eq!(
        one("Savers lost a fifth of their purchasing power.").1,
        unit("power")
    );
}

#[test]
fn partitive_takes_the_unit_of_the_whole() {
    let all = figs("The party won 31.5 percent and 36 of the 100 seats.");
    assert_eq!(all[1], (Some(36.0), unit("seats"), "36".into()));
}

#[test]
fn magnitude_names_the_unit() {
    assert_eq!(
        one("A magnitude 6.1 earthquake struck the coast."),
        (Some(6.1), unit("magnitude"), "magnitude 6.1".into())
    );
}

#[test]
fn head_is_the_last_plural_of_the_run() {
    assert_eq!(one("Doctors saw 900 measles cases.").1, unit("cases"));
    assert_eq!(one("There were two directors absent.").1, unit("directors"));
}

#[test]
fn other_and_more_do_not_stop_the_run() {
    assert_eq!(
        one("Two other former guards were charged.").1,
        unit("guards")
    );
}

#[test]
fn number_words_are_found_in_any_case_and_before_a_hyphen() {
    for w in [
        "one",
        "seventeen",
        "ninety",
        "trillion",
        "dozens",
        "few",
        "tenths",
        "usd",
        "rs",
    ] {
        let upper = w.to_uppercase();
        let title = format!("{}{}", &upper[..1], &w[1..]);
        for form in [w.to_string(), upper, title] {
            let sentence = format!("They saw {form} of them.");
            assert!(lexicon::may_hold_figure(sentence.as_bytes()), "{sentence}");
            let compound = format!("A {form}-strong crowd.");
            assert!(lexicon::may_hold_figure(compound.as_bytes()), "{compound}");
        }
    }
    for sentence in [
        "Nothing here at all.",
        "Someone went to the tenement.",
        "An oneness of purpose.",
        "The fewest words, internationalisation included, counted.",
    ] {
        assert!(!lexicon::may_hold_figure(sentence.as_bytes()), "{sentence}");
    }
}

#[test]
fn prefilter_passes_sentences_with_numbers_and_skips_the_rest() {
    assert!(lexicon::may_hold_figure(b"It cost 5 dollars."));
    assert!(lexicon::may_hold_figure("It cost €5.".as_bytes()));
    assert!(lexicon::may_hold_figure(b"Twenty-five miners were found."));
    assert!(lexicon::may_hold_figure(b"A third of them left."));
    assert!(!lexicon::may_hold_figure(
        b"The minister met officials in the capital."
    ));
}

#[test]
fn year_after_a_preposition_is_a_year() {
    assert!(figs("Emissions fell to 2005 levels.").is_empty());
}

#[test]
fn clock_with_a_curly_apostrophe_is_a_time() {
    assert!(figs("They met at three o’clock.").is_empty());
}
