//! Behaviour of the tagger on sentences written for these tests, in the style of
//! wire copy, against an article date of Wednesday 2023-03-08.

use super::*;
use crate::extract::TimexKind;

fn dct() -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(2023, 3, 8)
}

fn tag_with(text: &str, dct: Option<NaiveDate>) -> Vec<Timex> {
    let sentences = crate::extract::segment::sentences(text);
    find_timexes(text, &sentences, dct)
}

fn tag(text: &str) -> Vec<Timex> {
    tag_with(text, dct())
}

fn find<'a>(found: &'a [Timex], text: &str) -> &'a Timex {
    found
        .iter()
        .find(|t| t.text == text)
        .unwrap_or_else(|| panic!("no timex `{text}` in {found:?}"))
}

fn value(text: &str, expr: &str) -> String {
    find(&tag(text), expr).value.clone()
}

#[test]
fn weekday_resolves_to_the_previous_one_in_past_tense_news() {
    assert_eq!(
        value("The minister arrived in Kabul on Tuesday.", "Tuesday"),
        "2023-03-07"
    );
}

#[test]
fn weekday_resolves_forward_when_the_sentence_speaks_of_the_future() {
    assert_eq!(
        value("The envoy will fly to Cairo on Friday.", "Friday"),
        "2023-03-10"
    );
}

#[test]
fn preposition_stays_outside_the_extent() {
    let found = tag("The court ruled on Monday.");
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].text, "Monday");
}

#[test]
fn absolute_dates_in_every_order() {
    let f = tag("Votes cast on March 7, 2023 and 7 March 2021 were counted by Jan. 5 in 2003.");
    assert_eq!(find(&f, "March 7, 2023").value, "2023-03-07");
    assert_eq!(find(&f, "7 March 2021").value, "2021-03-07");
    assert_eq!(find(&f, "Jan. 5").value, "2023-01-05");
    assert_eq!(find(&f, "2003").value, "2003");
}

#[test]
fn month_and_year() {
    assert_eq!(
        value("The mine closed in March 2003.", "March 2003"),
        "2003-03"
    );
}

#[test]
fn decade_keeps_its_article() {
    assert_eq!(
        value("The dam was planned in the 1990s.", "the 1990s"),
        "199"
    );
}

#[test]
fn clock_time_and_part_of_day() {
    let f = tag("The rally began at 3 p.m. after police cleared the square this morning.");
    let t = find(&f, "3 p.m.");
    assert_eq!(
        (t.kind, t.value.as_str()),
        (TimexKind::Time, "2023-03-08T15:00")
    );
    assert_eq!(find(&f, "this morning").value, "2023-03-08TMO");
}

#[test]
fn days_relative_to_the_article_date() {
    let f = tag("Rain fell yesterday, the river peaks today and the road reopens tomorrow.");
    assert_eq!(find(&f, "yesterday").value, "2023-03-07");
    assert_eq!(find(&f, "today").value, "2023-03-08");
    assert_eq!(find(&f, "tomorrow").value, "2023-03-09");
}

#[test]
fn weeks_months_and_years_relative_to_the_article_date() {
    let f = tag("Talks stalled last week, resume next month and should end this year.");
    assert_eq!(find(&f, "last week").value, "2023-W09");
    assert_eq!(find(&f, "next month").value, "2023-04");
    assert_eq!(find(&f, "this year").value, "2023");
}

#[test]
fn counted_days_ago() {
    assert_eq!(
        value("The ship sank two days ago.", "two days ago"),
        "2023-03-06"
    );
}

#[test]
fn later_counts_from_the_last_mentioned_year() {
    let f = tag("The mill closed in 2011. It reopened three years later under new owners.");
    assert_eq!(find(&f, "three years later").value, "2014");
}

#[test]
fn the_following_year_counts_from_the_last_mentioned_year() {
    let f = tag("Floods hit the valley in 1998, and the dikes were rebuilt the following year.");
    assert_eq!(find(&f, "the following year").value, "1999");
}

#[test]
fn fuzzy_references() {
    let f = tag(
        "Currently the port is shut; it has lost trade in recent months and recent years, and now faces the future alone.",
    );
    assert_eq!(find(&f, "Currently").value, "PRESENT_REF");
    assert_eq!(find(&f, "recent months").value, "PAST_REF");
    assert_eq!(find(&f, "recent years").value, "PAST_REF");
    assert_eq!(find(&f, "now").value, "PRESENT_REF");
    assert_eq!(find(&f, "the future").value, "FUTURE_REF");
}

#[test]
fn position_modifiers_keep_the_value_and_set_the_mod() {
    let f = tag("The rebels lost the city at the end of 2017 and the hills in early 2020.");
    let end = find(&f, "the end of 2017");
    assert_eq!(
        (end.value.as_str(), end.modifier.as_deref()),
        ("2017", Some("END"))
    );
    let early = find(&f, "early 2020");
    assert_eq!(
        (early.value.as_str(), early.modifier.as_deref()),
        ("2020", Some("START"))
    );
}

#[test]
fn approximate_and_compared_durations() {
    let f = tag("The siege lasted about three years, and the ban more than a decade.");
    let about = find(&f, "about three years");
    assert_eq!(
        (about.value.as_str(), about.modifier.as_deref()),
        ("P3Y", Some("APPROX"))
    );
    let more = find(&f, "more than a decade");
    assert_eq!(
        (more.value.as_str(), more.modifier.as_deref()),
        ("P10Y", Some("MORE_THAN"))
    );
}

#[test]
fn durations() {
    let f = tag(
        "He served three years, waited six months, fasted 48 hours and spent a decade and twenty-five years abroad.",
    );
    for (text, v) in [
        ("three years", "P3Y"),
        ("six months", "P6M"),
        ("48 hours", "PT48H"),
        ("a decade", "P10Y"),
        ("twenty-five years", "P25Y"),
    ] {
        let t = find(&f, text);
        assert_eq!(
            (t.kind, t.value.as_str()),
            (TimexKind::Duration, v),
            "{text}"
        );
    }
}

#[test]
fn quarters_take_the_year_by_tense() {
    assert_eq!(
        value(
            "Sales should recover in the third quarter, the firm will say.",
            "the third quarter"
        ),
        "2023-Q3"
    );
    assert_eq!(
        value("Profit fell in the fourth quarter.", "the fourth quarter"),
        "2022-Q4"
    );
}

#[test]
fn seasons() {
    assert_eq!(
        value("The drought began last summer.", "last summer"),
        "2022-SU"
    );
}

#[test]
fn fiscal_years() {
    assert_eq!(value("Revenue rose in fiscal 2022.", "fiscal 2022"), "2022");
}

#[test]
fn sets() {
    let f = tag("The board meets every week, publishes weekly and votes every Tuesday.");
    for (text, v) in [
        ("every week", "P1W"),
        ("weekly", "P1W"),
        ("every Tuesday", "XXXX-WXX-2"),
    ] {
        let t = find(&f, text);
        assert_eq!((t.kind, t.value.as_str()), (TimexKind::Set, v), "{text}");
    }
}

#[test]
fn without_an_article_date_values_keep_placeholders() {
    let f = tag_with(
        "The vote was held on March 7 and repeated on Tuesday.",
        None,
    );
    assert_eq!(find(&f, "March 7").value, "XXXX-03-07");
    assert_eq!(find(&f, "Tuesday").value, "XXXX-WXX-2");
}

#[test]
fn ages_are_not_time_expressions() {
    assert!(tag("A 6-year-old boy and a man, 52 years old, were hurt.").is_empty());
}

#[test]
fn counts_are_not_years() {
    assert!(tag("Police deployed 2000 officers and 1,500 soldiers.").is_empty());
}

#[test]
fn spans_stay_on_character_boundaries_around_curly_quotes() {
    let text = "“We leave on Friday,” the envoy’s aide said — “not before.”";
    let f = tag(text);
    let t = find(&f, "Friday");
    assert!(text.is_char_boundary(t.span[0]) && text.is_char_boundary(t.span[1]));
    assert_eq!(&text[t.span[0]..t.span[1]], "Friday");
}

#[test]
fn sentences_without_trigger_words_are_skipped() {
    assert!(!lexicon::has_head(
        b"The envoy met rebel leaders in the capital."
    ));
    assert!(lexicon::has_head(b"The envoy met them on Sunday."));
    assert!(lexicon::has_head(b"It cost 5 dollars."));
}

#[test]
fn clock_time_split_from_its_day_by_the_sentence_splitter_is_joined() {
    let f = tag("The offer expires at 5 p.m. Friday, the company said.");
    assert_eq!(find(&f, "5 p.m. Friday").value, "2023-03-03T17:00");
}

#[test]
fn odd_inputs_do_not_panic() {
    for text in [
        "",
        "-",
        "’",
        "’80s",
        "a.m.",
        "5 p.m.",
        "2023-",
        "March",
        "1/",
        "In 1/2 of",
        "Émile left on Tuesday 🙂 at 3 p.m",
        "the the the",
        "twenty-",
        "‘90s and '80s",
    ] {
        for d in [None, dct()] {
            for t in tag_with(text, d) {
                assert!(text.is_char_boundary(t.span[0]) && text.is_char_boundary(t.span[1]));
            }
        }
    }
}

fn value_on(text: &str, expr: &str, dct: (i32, u32, u32)) -> String {
    let d = NaiveDate::from_ymd_opt(dct.0, dct.1, dct.2);
    find(&tag_with(text, d), expr).value.clone()
}

#[test]
fn the_following_year_after_a_full_date_is_a_year() {
    let text = "She was promoted on May 22, 2015, and the following year she left.";
    assert_eq!(value(text, "the following year"), "2016");
}

#[test]
fn that_quarter_is_the_quarter_spoken_of() {
    let text =
        "The mill lost money in the second quarter. Results for that quarter included a charge.";
    assert_eq!(value(text, "that quarter"), "2022-Q2");
}

#[test]
fn a_weekday_after_until_is_a_deadline_ahead() {
    let text = "The union extended its offer until Friday.";
    assert_eq!(value(text, "Friday"), "2023-03-10");
}

#[test]
fn until_with_a_past_perfect_looks_back() {
    let text = "Until Monday, the police had not named a suspect.";
    assert_eq!(value(text, "Monday"), "2023-03-06");
}

#[test]
fn a_plan_that_had_been_scheduled_is_over() {
    let text = "The offer had been scheduled to expire Friday evening.";
    assert_eq!(value(text, "Friday evening"), "2023-03-03TEV");
}

#[test]
fn an_infinitive_of_intention_points_ahead() {
    let text = "The delegation planned to leave Nairobi on Thursday.";
    assert_eq!(value(text, "Thursday"), "2023-03-09");
}

#[test]
fn a_participle_after_be_is_no_past_tense() {
    let text = "The dividend would be paid in January to holders of record.";
    assert_eq!(value_on(text, "January", (2023, 10, 30)), "2024-01");
}

#[test]
fn a_year_before_quarter_is_that_year_s_quarter_spoken_of() {
    let text = "Profit rose in the third quarter. In the 2022 quarter, it had lost money.";
    let f = tag(text);
    assert_eq!(find(&f, "the 2022 quarter").value, "2022-Q3");
    assert_eq!(find(&f, "the 2022 quarter").kind, TimexKind::Date);
}

#[test]
fn a_year_before_period_is_the_year_without_a_quarter_spoken_of() {
    assert_eq!(
        value("In the 2019 period, sales fell.", "the 2019 period"),
        "2019"
    );
}

#[test]
fn last_year_s_quarter_is_the_year_ago_quarter() {
    let text = "Sales rose in the fourth quarter. Sales for last year's quarter were $3 million.";
    assert_eq!(value(text, "last year's quarter"), "2021-Q4");
}

#[test]
fn the_quarter_ended_a_date_is_the_quarter_that_date_closes() {
    let text = "Sales in the quarter ended July 31 rose 5%.";
    assert_eq!(value(text, "the quarter"), "2022-Q2");
}

#[test]
fn the_quarter_ended_a_date_keeps_the_quarter_spoken_of() {
    let text = "The fiscal first quarter was strong. In the quarter ended Sept. 30, sales rose.";
    assert_eq!(value_on(text, "the quarter", (2023, 10, 30)), "2023-Q1");
}

#[test]
fn the_last_half_of_a_year_is_its_second_half() {
    let f = tag("Earnings will lag in the last half of 2024 and the last quarter of 2025.");
    assert_eq!(find(&f, "the last half of 2024").value, "2024-H2");
    assert_eq!(find(&f, "the last quarter of 2025").value, "2025-Q4");
}

#[test]
fn the_same_period_last_year_is_the_year_ago_quarter() {
    let text = "Net fell in the third quarter from $9 million in the same period last year.";
    assert_eq!(value(text, "the same period last year"), "2021-Q3");
}

#[test]
fn year_earlier_after_an_article_is_a_date_not_a_duration() {
    let text = "The third-quarter loss compared with a year-earlier loss of $6 million.";
    let f = tag(text);
    let t = find(&f, "year-earlier");
    assert_eq!((t.kind, t.value.as_str()), (TimexKind::Date, "2021-Q3"));
}

#[test]
fn a_year_in_words_is_found_without_digits_in_the_sentence() {
    assert_eq!(
        value(
            "In nineteen ninety-six a bomb shook the games.",
            "nineteen ninety-six"
        ),
        "1996"
    );
}

#[test]
fn part_of_day_before_yesterday_word() {
    let f = tag("Shares were up at mid-afternoon yesterday.");
    let t = find(&f, "mid-afternoon yesterday");
    assert_eq!(
        (t.kind, t.value.as_str()),
        (TimexKind::Time, "2023-03-07TAF")
    );
}

#[test]
fn year_s_end_is_this_year_at_its_end() {
    let f = tag("The rules should be in place by year's end.");
    let t = find(&f, "year's end");
    assert_eq!(
        (t.value.as_str(), t.modifier.as_deref()),
        ("2023", Some("END"))
    );
}

#[test]
fn a_later_date_and_the_short_term_are_the_future() {
    let f = tag("It will raise the money at a later date, not in the short term.");
    assert_eq!(find(&f, "a later date").value, "FUTURE_REF");
    assert_eq!(find(&f, "the short term").value, "FUTURE_REF");
}

#[test]
fn a_capitalised_unit_mid_sentence_is_a_title() {
    assert!(tag("He spoke on the programme 60 Minutes about the case.").is_empty());
}

#[test]
fn a_month_before_a_named_event_is_a_title() {
    assert!(tag("Thousands joined the annual March for Life in the capital.").is_empty());
}

#[test]
fn an_hour_in_the_morning_is_a_clock_time() {
    let f = tag("The father will leave at 4 in the morning on Thursday.");
    assert_eq!(find(&f, "4 in the morning").value, "2023-03-09T04:00");
}

#[test]
fn a_clock_time_without_a_day_takes_the_day_of_a_later_time() {
    let f = tag("He will leave at 4 in the morning (4 a.m. EST Friday), the minister said.");
    assert_eq!(find(&f, "4 in the morning").value, "2023-03-10T04:00");
}

#[test]
fn a_day_the_month_does_not_have_leaves_the_month() {
    // Found by the fuzzer: `April 31` gave `XXXX-04-31`, no TIMEX3 value.
    let f = tag("The office said the report would come on April 31.");
    assert_eq!(find(&f, "April 31").value, "2023-04");
    let f = tag("It was signed on February 29, 2023, officials said.");
    assert_eq!(find(&f, "February 29, 2023").value, "2023-02");
    let f = tag("It was signed on February 29, 2024, officials said.");
    assert_eq!(find(&f, "February 29, 2024").value, "2024-02-29");
}
