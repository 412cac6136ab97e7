//! Candidate mentions of single sentences written for these tests.

use super::*;

fn names(text: &str) -> Vec<(String, Option<EntityKind>, Option<String>)> {
    let kb = Knowledge::builtin();
    let mut out = Vec::new();
    let toks = crate::extract::segment::tokens(text, [0, text.len()]);
    sentence_candidates(text, &toks, &kb, &mut out);
    out.iter()
        .filter(|c| !c.weak)
        .map(|c| {
            let kind = match c.known {
                Some(id) => {
                    let mut ev = c.evidence;
                    ev.add(kb.entity(id).kind, KNOWN_WEIGHT);
                    ev.best()
                }
                None => c.evidence.best(),
            };
            (text[c.span[0]..c.span[1]].to_string(), kind, c.role.clone())
        })
        .collect()
}

fn person(name: &str, role: Option<&str>) -> (String, Option<EntityKind>, Option<String>) {
    (
        name.to_string(),
        Some(EntityKind::Person),
        role.map(str::to_string),
    )
}

#[test]
fn title_before_a_name_becomes_its_role() {
    assert_eq!(
        names("Interior Minister Karim Haddad visited the border."),
        [person("Karim Haddad", Some("Interior Minister"))]
    );
}

#[test]
fn demonym_and_modifiers_join_the_role() {
    assert_eq!(
        names("It was signed by former Iraqi Prime Minister Adel Rahim."),
        [person("Adel Rahim", Some("former Iraqi Prime Minister"))]
    );
}

#[test]
fn abbreviated_titles_are_expanded() {
    assert_eq!(
        names("Gen. Mark Sutter arrived."),
        [person("Mark Sutter", Some("General"))]
    );
}

#[test]
fn lowercase_title_marks_a_person() {
    assert_eq!(
        names("The rebels were led by commander Omar Khalil."),
        [person("Omar Khalil", Some("commander"))]
    );
}

#[test]
fn sentence_initial_common_words_are_not_names() {
    assert_eq!(
        names("Nevertheless, Baghdad stayed calm."),
        [("Baghdad".to_string(), Some(EntityKind::Place), None)]
    );
}

#[test]
fn organisation_words_make_organisations() {
    let got = names("He joined the Ministry of Water Resources last year.");
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].0, "Ministry of Water Resources");
    assert_eq!(got[0].1, Some(EntityKind::Organization));
}

#[test]
fn hyphenated_adjectives_are_not_names() {
    assert!(names("They fought Syrian-backed militias.").is_empty());
}

#[test]
fn possessive_is_not_part_of_the_name() {
    let got = names("Greece’s government fell.");
    assert_eq!(got[0].0, "Greece");
}

#[test]
fn apposition_gives_the_role() {
    let got = names("Haddad, the ministry spokesman, declined to comment.");
    assert_eq!(got, [person("Haddad", Some("ministry spokesman"))]);
}

#[test]
fn acronyms_in_brackets_are_linked() {
    let kb = Knowledge::builtin();
    let text = "The Kurdish Democratic Front (KDF) won.";
    let mut out = Vec::new();
    let toks = crate::extract::segment::tokens(text, [0, text.len()]);
    sentence_candidates(text, &toks, &kb, &mut out);
    let got: Vec<_> = out
        .iter()
        .filter(|c| !c.weak)
        .map(|c| &text[c.span[0]..c.span[1]])
        .collect();
    assert_eq!(got, ["Kurdish Democratic Front", "KDF"]);
    let long = out.len() - 2;
    assert_eq!(out[long + 1].acronym_of, Some(long));
}

#[test]
fn headlines_in_capitals_take_only_known_names() {
    let got = names("TALKS IN BAGHDAD STALL AS RIVALS WALK OUT");
    assert_eq!(
        got,
        [("BAGHDAD".to_string(), Some(EntityKind::Place), None)]
    );
}

#[test]
fn role_before_a_comma_introduces_the_name() {
    assert_eq!(
        names("The union’s chief negotiator, Rafael Ortiz, said no."),
        [person("Rafael Ortiz", Some("union’s chief negotiator"))]
    );
}

#[test]
fn several_particles_stay_inside_a_name() {
    assert_eq!(
        names("Coach Pieter van der Berg resigned."),
        [person("Pieter van der Berg", Some("Coach"))]
    );
}

#[test]
fn a_town_that_is_a_given_name_can_start_a_person() {
    assert_eq!(
        names("Warren Kessler arrived."),
        [person("Warren Kessler", None)]
    );
}

#[test]
fn events_named_after_places_are_not_places() {
    assert!(names("She won the U.S. Open twice.").is_empty());
}

#[test]
fn frequent_words_are_no_names_even_inside_a_sentence() {
    assert!(names("the talks, He said, were over").is_empty());
}

#[test]
fn title_case_headlines_take_only_known_names() {
    assert_eq!(
        names("Rebels Walk Out Of Talks In Baghdad"),
        [("Baghdad".to_string(), Some(EntityKind::Place), None)]
    );
}

#[test]
fn a_title_case_headline_without_small_words_takes_only_known_names() {
    let found = names("Senator Warren Hammers Wells Fargo Chief Over Fake Accounts");
    assert!(
        found
            .iter()
            .all(|(n, _, _)| n != "Warren Hammers Wells Fargo"),
        "{found:?}"
    );
}

#[test]
fn common_words_in_capitals_are_no_names() {
    assert!(names("TALKS COLLAPSE AGAIN — the two sides left early.").is_empty());
}
