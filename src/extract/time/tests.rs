use super::*;

fn dct() -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(2023, 3, 8)
}

fn tag(text: &str) -> Vec<Timex> {
    let sentences = crate::extract::segment::sentences(text);
    find_timexes(text, &sentences, dct())
}

fn find<'a>(found: &'a [Timex], text: &str) -> &'a Timex {
    found
        .iter()
        .find(|t| t.text == text)
        .unwrap_or_else(|| panic!("no timex `{text}` in {found:?}"))
}

#[test]
fn weekday_resolves_to_the_previous_one_in_past_tense_news() {
    let f = tag("The minister arrived in Kabul on Tuesday.");
    assert_eq!(find(&f, "Tuesday").value, "2023-03-07");
}
