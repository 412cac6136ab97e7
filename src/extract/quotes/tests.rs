use super::*;

fn quotes(text: &str) -> Vec<Quote> {
    find_quotes(text, &segment::sentences(text), &Found::default())
}

#[test]
fn markless_quote_before_said_is_direct() {
    let q = quotes("We will rebuild every bridge, and we will not leave early, Smith said.");
    assert_eq!(q.len(), 1);
    assert_eq!(
        q[0].text,
        "We will rebuild every bridge, and we will not leave early"
    );
    assert_eq!(q[0].speaker.as_deref(), Some("Smith"));
    assert!(!q[0].indirect);
}
