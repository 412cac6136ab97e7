//! Name knowledge: the gender given names suggest, and the words that make a
//! capitalised name an organisation or a place rather than a person. Pronoun
//! resolution leans on these when the entity extractor has nothing to say.

use super::lexicon::{FEMALE, MALE, classes};

/// Gender of a first name, from common English and international given names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Gender {
    Male,
    Female,
}

/// The gender a first name or a gendered title (`Mr.`, `Mrs.`) suggests.
pub fn gender_of(word: &str) -> Option<Gender> {
    gender_bits(classes(word))
}

/// The gender class bits `c` tell, if any.
pub fn gender_bits(c: u32) -> Option<Gender> {
    if c & MALE != 0 {
        Some(Gender::Male)
    } else if c & FEMALE != 0 {
        Some(Gender::Female)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_names_give_gender() {
        assert_eq!(gender_of("Hillary"), Some(Gender::Female));
        assert_eq!(gender_of("Lloyd"), Some(Gender::Male));
        assert_eq!(gender_of("Baghdad"), None);
    }

    #[test]
    fn org_and_place_words_are_told_apart_from_names() {
        use crate::extract::quotes::lexicon::{ORG, PLACE};
        assert!(classes("Committee") & ORG != 0);
        assert!(classes("States") & PLACE != 0);
        assert!(classes("Austin") & ORG == 0);
    }
}
