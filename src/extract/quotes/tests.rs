use super::*;
use crate::extract::entities::Mention;
use crate::extract::knowledge::EntityKind;
use crate::extract::{Entity, Person};

fn quotes(text: &str) -> Vec<Quote> {
    find_quotes(text, &segment::sentences(text), &Found::default())
}

fn speakers(text: &str) -> Vec<(String, Option<String>, bool)> {
    quotes(text)
        .into_iter()
        .map(|q| (q.text, q.speaker, q.indirect))
        .collect()
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

#[test]
fn surname_resolves_to_the_full_name_named_earlier() {
    let text = "Governor Anna Smith toured the valley.\n\n\
                The river will not beat us, Smith said after the tour.";
    let q = quotes(text);
    assert_eq!(q.len(), 1);
    assert_eq!(q[0].speaker.as_deref(), Some("Anna Smith"));
}

#[test]
fn he_added_continues_the_last_speaker() {
    let text = "Mayor Tom Reed met the engineers.\n\n\
                The dam is safe for now, Reed said. Any delay only raises the cost, \
                he added, apparently referring to the budget fight.";
    let got = speakers(text);
    assert_eq!(got.len(), 2);
    assert_eq!(got[1].0, "Any delay only raises the cost");
    assert_eq!(got[1].1.as_deref(), Some("Tom Reed"));
}

#[test]
fn told_reporters_after_a_meeting_ends_the_attribution() {
    let q = quotes(
        "Crews are ready to stay in the region for months, Reed told reporters after \
         meeting the provincial governor.",
    );
    assert_eq!(q.len(), 1);
    assert_eq!(
        q[0].text,
        "Crews are ready to stay in the region for months"
    );
    assert_eq!(q[0].speaker.as_deref(), Some("Reed"));
}

#[test]
fn reported_speech_after_the_verb_is_indirect() {
    let text = "Mayor Tom Reed spoke on Monday.\n\n\
                He said the crews work in shifts around the clock.";
    let got = speakers(text);
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].0, "the crews work in shifts around the clock.");
    assert_eq!(got[0].1.as_deref(), Some("Tom Reed"));
    assert!(got[0].2);
}

#[test]
fn curly_quote_takes_the_speaker_after_it() {
    let q = quotes("“The water is still rising,” said Mayor Tom Reed.");
    assert_eq!(q.len(), 1);
    assert_eq!(q[0].text, "The water is still rising");
    assert_eq!(q[0].speaker.as_deref(), Some("Tom Reed"));
    assert!(!q[0].indirect);
}

#[test]
fn span_covers_the_words_without_marks() {
    let text = "“We are ready,” she said.";
    let q = quotes(text);
    let [s, e] = q[0].span;
    assert_eq!(&text[s..e], "We are ready");
}

#[test]
fn speaker_before_a_colon_introduces_the_quote() {
    let q = quotes("Reed said on Monday: \"Nobody will be left behind.\"");
    assert_eq!(q.len(), 1);
    assert_eq!(q[0].text, "Nobody will be left behind.");
    assert_eq!(q[0].speaker.as_deref(), Some("Reed"));
}

#[test]
fn guillemets_and_appositives() {
    let q = quotes("«The bridge opens in May», Reed, the mayor of the town, said.");
    assert_eq!(q.len(), 1);
    assert_eq!(q[0].text, "The bridge opens in May");
    assert_eq!(q[0].speaker.as_deref(), Some("Reed"));
}

#[test]
fn quotation_over_two_paragraphs_keeps_one_speaker() {
    let text = "“The first week was the hardest.\n\n“Now the town is coming back,” said Ann Lee.";
    let q = quotes(text);
    assert_eq!(q.len(), 2);
    assert!(q.iter().all(|q| q.speaker.as_deref() == Some("Ann Lee")));
}

#[test]
fn unattributed_quote_follows_the_speaker_before_it() {
    let text = "“We lost the harvest,” said Ann Lee. “We will plant again in spring.”";
    let q = quotes(text);
    assert_eq!(q.len(), 2);
    assert_eq!(q[1].text, "We will plant again in spring.");
    assert_eq!(q[1].speaker.as_deref(), Some("Ann Lee"));
}

#[test]
fn scare_quotes_are_not_quotations() {
    assert!(quotes("The so-called “smart” bridge opened on the “big” day.").is_empty());
}

#[test]
fn organisations_speak_as_their_noun_phrase() {
    let text = "The ministry said the roads would reopen by Friday.\n\n\
                The mayors’ office, meanwhile, said the schools stay closed.";
    let got = speakers(text);
    assert_eq!(got[0].1.as_deref(), Some("The ministry"));
    assert_eq!(got[1].1.as_deref(), Some("The mayors’ office"));
}

#[test]
fn she_resolves_to_the_woman_named_before() {
    let text = "Ann Lee met Tom Reed at the dam.\n\n“We need more pumps,” she said.";
    let q = quotes(text);
    assert_eq!(q[0].speaker.as_deref(), Some("Ann Lee"));
}

#[test]
fn according_to_names_the_source() {
    let q = quotes("The dam held through the night, according to Tom Reed.");
    assert_eq!(q.len(), 1);
    assert_eq!(q[0].text, "The dam held through the night");
    assert_eq!(q[0].speaker.as_deref(), Some("Tom Reed"));
}

#[test]
fn where_marks_exist_unquoted_words_are_reported_speech() {
    let text = "“We are ready,” Reed said.\n\nThe pumps arrived late, Reed said.";
    let q = quotes(text);
    assert_eq!(q.len(), 2);
    assert!(!q[0].indirect);
    assert!(q[1].indirect);
}

#[test]
fn transcript_labels_name_the_speaker() {
    let q = quotes("HOST: Will the dam hold?\n\nREED: It will hold, I promise you.");
    assert_eq!(q.len(), 2);
    assert_eq!(q[1].speaker.as_deref(), Some("REED"));
    assert_eq!(q[1].text, "It will hold, I promise you.");
}

#[test]
fn entity_mentions_give_canonical_names() {
    let text = "Reed spoke.\n\n“The water is falling,” Reed said.";
    let at = text.rfind("Reed").unwrap();
    let found = Found {
        people: vec![Person {
            name: "Thomas J. Reed".into(),
            ..Person::default()
        }],
        organizations: vec![Entity {
            name: "Water Board".into(),
            ..Entity::default()
        }],
        mentions: vec![Mention {
            span: [at, at + 4],
            kind: EntityKind::Person,
            index: 0,
        }],
        ..Found::default()
    };
    let q = find_quotes(text, &segment::sentences(text), &found);
    assert_eq!(q[0].speaker.as_deref(), Some("Thomas J. Reed"));
}

#[test]
fn organisation_mentions_give_their_names() {
    let text = "The pumps work, the board said.";
    let at = text.find("board").unwrap();
    let found = Found {
        organizations: vec![Entity {
            name: "Water Board".into(),
            ..Entity::default()
        }],
        mentions: vec![Mention {
            span: [at, at + 5],
            kind: EntityKind::Organization,
            index: 0,
        }],
        ..Found::default()
    };
    let q = find_quotes(text, &segment::sentences(text), &found);
    assert_eq!(q[0].speaker.as_deref(), Some("Water Board"));
}

#[test]
fn spans_stay_on_char_boundaries_for_any_text() {
    let texts = [
        "“ ” ‘ ’ « » \" ' said",
        "«»“‘’”, he said. ‘",
        "Ü said: “é”",
        "“Ça va,” dit-il. “Ça va…” — Zoë",
        ", said",
        "said",
        "\"",
        "WALLACE:",
    ];
    for text in texts {
        for q in quotes(text) {
            let [s, e] = q.span;
            assert!(s <= e && e <= text.len(), "{text:?}");
            assert!(
                text.is_char_boundary(s) && text.is_char_boundary(e),
                "{text:?}"
            );
        }
    }
}

/// A `Found` with one entity per `(kind, name, mention text)`, each mentioned at the
/// first occurrence of its mention text.
fn found_with(text: &str, entities: &[(EntityKind, &str, &str)]) -> Found {
    let mut found = Found::default();
    for &(kind, name, at) in entities {
        let start = text.find(at).unwrap();
        let index = match kind {
            EntityKind::Person => {
                found.people.push(Person {
                    name: name.into(),
                    ..Person::default()
                });
                found.people.len() - 1
            }
            EntityKind::Organization => {
                found.organizations.push(Entity {
                    name: name.into(),
                    ..Entity::default()
                });
                found.organizations.len() - 1
            }
            EntityKind::Place => {
                found.places.push(Entity {
                    name: name.into(),
                    ..Entity::default()
                });
                found.places.len() - 1
            }
        };
        found.mentions.push(Mention {
            span: [start, start + at.len()],
            kind,
            index,
        });
    }
    found.mentions.sort_by_key(|m| m.span[0]);
    found
}

fn speaker_of(text: &str, found: &Found, quote: &str) -> Option<String> {
    find_quotes(text, &segment::sentences(text), found)
        .into_iter()
        .find(|q| q.text.starts_with(quote))
        .unwrap_or_else(|| panic!("no quote {quote:?}"))
        .speaker
}

#[test]
fn transcript_paragraphs_continue_the_labelled_speaker() {
    let text = "\"HOST: Will the dam hold?\n\n\"REED: It will hold.\n\n\
                \"The crews know their work.\n\n\"HOST: Thank you.";
    let q = quotes(text);
    let crews = q.iter().find(|q| q.text.starts_with("The crews")).unwrap();
    assert_eq!(crews.speaker.as_deref(), Some("REED"));
}

#[test]
fn that_before_a_quotation_mark_introduces_it() {
    let q = quotes("The board says on its website that “the pumps failed twice last week.”");
    assert_eq!(q.len(), 1);
    assert_eq!(q[0].text, "the pumps failed twice last week.");
    assert_eq!(q[0].speaker.as_deref(), Some("The board"));
}

#[test]
fn a_nested_quotation_keeps_the_outer_attribution() {
    let q = quotes("“I would rather live in what he calls “hell” than stay here,” said Ann Lee.");
    assert_eq!(q.len(), 1);
    assert_eq!(q[0].speaker.as_deref(), Some("Ann Lee"));
}

#[test]
fn a_long_appositive_between_name_and_verb() {
    let text = "“The river is rising,” Ann Lee, the director of the Center for Water \
                Studies and a member of the flood board, told The Valley Times.";
    let q = quotes(text);
    assert_eq!(q.len(), 1);
    assert_eq!(q[0].speaker.as_deref(), Some("Ann Lee"));
}

#[test]
fn a_quotation_after_said_but_is_the_same_speakers() {
    let text = "Ann Mills “signed the deal,” Reed said, but “kept all of the money herself.”";
    let q = quotes(text);
    let kept = q.iter().find(|q| q.text.starts_with("kept")).unwrap();
    assert_eq!(kept.speaker.as_deref(), Some("Reed"));
}

#[test]
fn pronouns_inside_quotations_do_not_give_genders() {
    let text = "Jo Formby, a professor at the college, described the plan.\n\n\
                “If he is asked, he will deflect the questions,” she said.";
    assert_eq!(
        speaker_of(text, &Found::default(), "If he").as_deref(),
        Some("Jo Formby")
    );
}

#[test]
fn a_title_inside_the_name_run_starts_the_name() {
    let text = "“We stand together,” said Regional Council President Tom Reed.";
    let found = found_with(
        text,
        &[
            (
                EntityKind::Organization,
                "Regional Council",
                "Regional Council",
            ),
            (EntityKind::Person, "Tom Reed", "Tom Reed"),
        ],
    );
    assert_eq!(speaker_of(text, &found, "We").as_deref(), Some("Tom Reed"));
}

#[test]
fn a_mention_of_the_given_name_alone_does_not_name_the_speaker() {
    let text = "“The turnout decides it,” said Tom King, a farmer.";
    let found = found_with(text, &[(EntityKind::Person, "Tom", "Tom")]);
    assert_eq!(speaker_of(text, &found, "The").as_deref(), Some("Tom King"));
}

#[test]
fn a_given_name_entity_takes_the_surname_that_follows_it() {
    let text = "Gov. Anna Berg visited the dam.\n\n“The dam will hold,” Berg said.";
    let found = found_with(text, &[(EntityKind::Person, "Anna", "Anna")]);
    assert_eq!(
        speaker_of(text, &found, "The dam").as_deref(),
        Some("Anna Berg")
    );
}
