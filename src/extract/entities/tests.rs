//! Whole-text behaviour of [`find_entities`], on sentences written for these tests.

use super::*;
use crate::extract::segment;

fn find(text: &str) -> Found {
    let kb = Knowledge::builtin();
    find_entities(text, &segment::sentences(text), &kb)
}

fn person<'f>(found: &'f Found, name: &str) -> &'f Person {
    found
        .people
        .iter()
        .find(|p| p.name == name)
        .unwrap_or_else(|| panic!("no person {name} in {:?}", found.people))
}

fn names(list: &[Entity]) -> Vec<&str> {
    list.iter().map(|e| e.name.as_str()).collect()
}

#[test]
fn surname_joins_the_full_name_even_when_it_is_a_city() {
    let f = find(
        "Finance Minister Carla Houston arrived in Amman on Monday. \
         The budget is balanced, Houston said.",
    );
    let p = person(&f, "Carla Houston");
    assert_eq!(p.aliases, ["Houston"]);
    assert_eq!(p.mentions, 2);
    assert_eq!(p.roles, ["Finance Minister"]);
    assert_eq!(f.people.len(), 1);
}

#[test]
fn many_bare_surnames_do_not_turn_a_person_into_a_city() {
    let f = find(
        "Finance Minister Carla Houston arrived in Amman. Houston met bankers. \
         Houston, the ministry chief, spoke. Later Houston left. Houston said it went well.",
    );
    let p = person(&f, "Carla Houston");
    assert_eq!(p.mentions, 5);
    assert!(
        f.places.iter().all(|e| e.name != "Houston"),
        "{:?}",
        f.places
    );
}

#[test]
fn stripped_possessive_is_read_as_the_name() {
    let f = find("It was the first visit of President Dana Mercers’ government to Oslo.");
    assert_eq!(person(&f, "Dana Mercer").roles, ["President"]);
}

#[test]
fn stripped_possessive_joins_a_known_surname() {
    let f = find(
        "Prime Minister Yusuf al-Karimi met the envoy. \
         Al-Karimis’ office said the talks went well.",
    );
    let p = person(&f, "Yusuf al-Karimi");
    assert_eq!(p.mentions, 2);
    assert_eq!(p.aliases, ["Al-Karimi"]);
}

#[test]
fn possessive_s_stays_on_common_surnames_ending_in_s() {
    let f = find("Senator Paul Jones met voters. Jones’ staff declined to comment.");
    let p = person(&f, "Paul Jones");
    assert_eq!(p.mentions, 2);
}

#[test]
fn acronym_introduced_in_brackets_is_an_alias() {
    let f = find(
        "The Northern Farmers Union (NFU) called a strike. \
         NFU leaders met in Lyon.",
    );
    assert_eq!(f.organizations.len(), 1, "{:?}", f.organizations);
    assert_eq!(f.organizations[0].name, "Northern Farmers Union");
    assert_eq!(f.organizations[0].aliases, ["NFU"]);
    assert_eq!(f.organizations[0].mentions, 3);
}

#[test]
fn gazetteer_equivalents_are_one_organisation() {
    let f = find("Daesh lost ground in 2017. Analysts say ISIS still recruits.");
    assert_eq!(names(&f.organizations), ["ISIL"]);
    assert_eq!(f.organizations[0].aliases, ["Daesh", "ISIS"]);
}

#[test]
fn demonyms_make_no_entities() {
    let f = find("Iraqi officials and American diplomats met Syrian envoys.");
    assert!(f.people.is_empty(), "{:?}", f.people);
    assert!(f.organizations.is_empty(), "{:?}", f.organizations);
    assert!(f.places.is_empty(), "{:?}", f.places);
}

#[test]
fn sentence_openers_and_bare_titles_are_not_entities() {
    let f = find(
        "Currently, talks are stalled. Despite that, hopes remain. \
         Any delay is costly. The Prime Minister said nothing.",
    );
    assert!(f.people.is_empty(), "{:?}", f.people);
    assert!(f.organizations.is_empty(), "{:?}", f.organizations);
    assert!(f.places.is_empty(), "{:?}", f.places);
}

#[test]
fn short_forms_of_countries_take_the_canonical_name() {
    let f = find("U.S. troops left. The United States of America kept an embassy.");
    assert_eq!(names(&f.places), ["United States"]);
    assert_eq!(f.places[0].aliases, ["U.S.", "United States of America"]);
}

#[test]
fn case_variants_are_one_person() {
    let f = find(
        "Defense Minister Omar al-Hadi spoke first. AL-HADI WARNS OF DELAYS. \
         Al-Hadi later left.",
    );
    let p = person(&f, "Omar al-Hadi");
    assert_eq!(p.mentions, 3);
}

#[test]
fn lists_are_sorted_by_mentions_then_first_appearance() {
    let f = find("Oslo and Lyon signed. Lyon and Porto agreed. Porto and Lyon left.");
    assert_eq!(names(&f.places), ["Lyon", "Porto", "Oslo"]);
}

#[test]
fn mentions_are_in_text_order_and_point_to_their_entity() {
    let text = "Reporting by Anna Berg in Oslo; Berg said the Oslo talks ended.";
    let f = find(text);
    let spans: Vec<&str> = f
        .mentions
        .iter()
        .map(|m| &text[m.span[0]..m.span[1]])
        .collect();
    assert_eq!(spans, ["Anna Berg", "Oslo", "Berg", "Oslo"]);
    let berg = &f.mentions[2];
    assert_eq!(berg.kind, EntityKind::Person);
    assert_eq!(f.people[berg.index].name, "Anna Berg");
}

#[test]
fn teams_named_after_towns_are_organisations() {
    let f = find("Leeds beat Chelsea 2-1 on Saturday in Leeds.");
    assert!(
        f.organizations.iter().any(|o| o.name == "Chelsea"),
        "{:?}",
        f.organizations
    );
}

#[test]
fn spans_stay_on_char_boundaries_with_curly_quotes() {
    let text = "“We stay,” said Gen. Ana Ruiz’s aide in Bogotá. «Ruiz» left — Ruiz’ team.";
    let f = find(text);
    for m in &f.mentions {
        assert!(m.span[0] < m.span[1] && m.span[1] <= text.len());
        assert!(text.is_char_boundary(m.span[0]) && text.is_char_boundary(m.span[1]));
    }
    assert!(f.people.iter().any(|p| p.name == "Ana Ruiz"));
}

#[test]
fn empty_and_odd_texts_do_not_panic() {
    for text in [
        "", " ", "’", "A", "U.S.", "( ISIS )", "al-", "Mr.", "é É", "- - -",
    ] {
        let _ = find(text);
    }
}

#[test]
fn lowercase_forms_of_the_site_are_found() {
    let kb = Knowledge::builtin()
        .with_site_data(
            "[[organization]]\nname = \"Northern Rivers Authority\"\n\
             aliases = [\"NRA\", \"the river authority\"]\n",
        )
        .unwrap();
    let text = "Engineers told the river authority on Monday that the NRA must act.";
    let f = find_entities(text, &segment::sentences(text), &kb);
    assert_eq!(names(&f.organizations), ["Northern Rivers Authority"]);
    assert_eq!(f.organizations[0].mentions, 2);
    assert_eq!(f.organizations[0].aliases, ["river authority", "NRA"]);
}

#[test]
fn builtin_lowercase_forms_are_found() {
    let f = find("Officials blamed al Qaeda for the attack.");
    assert_eq!(names(&f.organizations), ["al Qaeda"]);
}

#[test]
fn a_country_in_brackets_is_no_acronym_of_a_person() {
    let f = find("Dana Kowal (U.S.) beat Ines Moreau (France) 6-3 6-4.");
    assert!(
        f.people.iter().any(|p| p.name == "Dana Kowal"),
        "{:?}",
        f.people
    );
    assert!(
        f.people.iter().any(|p| p.name == "Ines Moreau"),
        "{:?}",
        f.people
    );
    assert_eq!(names(&f.places), ["United States", "France"]);
}

#[test]
fn a_frequent_word_is_a_surname_once_the_full_name_is_known() {
    let f = find("Opposition leader Gordon Young spoke first. Later, Young said he would wait.");
    assert_eq!(person(&f, "Gordon Young").mentions, 2);
}

#[test]
fn a_possessive_country_is_a_mention() {
    let f = find("OSLO (AP) — Norway’s coalition agreed a budget. Norway’s debt fell.");
    assert!(
        f.places
            .iter()
            .any(|p| p.name == "Norway" && p.mentions == 2),
        "{:?}",
        f.places
    );
}

#[test]
fn organisation_names_keep_their_for_and_and() {
    let f = find("Experts at the Nordic Centre for Flood Research and Warning agreed.");
    assert_eq!(
        names(&f.organizations),
        ["Nordic Centre for Flood Research and Warning"]
    );
}

#[test]
fn parties_named_after_a_known_party_word_are_their_own() {
    let f = find("The Free Democrats and the Christian Democrats left the coalition.");
    let mut got = names(&f.organizations);
    got.sort();
    assert_eq!(got, ["Christian Democrats", "Free Democrats"]);
}

#[test]
fn the_town_after_a_persons_of_does_not_say_what_the_person_says() {
    let f = find("Mayor Zelda Quorn of Harwick said on Monday that the plan held.");
    assert_eq!(person(&f, "Zelda Quorn").roles, ["Mayor"]);
    assert_eq!(f.people.len(), 1, "{:?}", f.people);
    // A name after a lowercase `of` is not an affiliation: the verb still counts.
    let f = find("The mayor of the town, Ines Varro, said it held. Varro said so.");
    assert_eq!(person(&f, "Ines Varro").mentions, 2);
}
