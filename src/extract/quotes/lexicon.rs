//! Word lists for attribution: reporting verbs, pronouns, titles, the small words
//! that sit between a speaker and a verb, and first names that tell a pronoun's gender.
//!
//! Lookups lower-case ASCII into a stack buffer and `match` on literals, so they cost
//! no allocation: the extractor looks up nearly every token of the text.

/// How a reporting verb may introduce what was said.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CueKind {
    /// Takes a bare clause (`said the troops will stay`): say, add, insist, argue, ...
    Say,
    /// Takes an object before the clause (`told reporters the troops ...`).
    Tell,
    /// Only next to a quotation, after a comma or before `that` / `:`
    /// (`asked`, `continued`, `joked`): elsewhere these verbs mean something else.
    Weak,
    /// `according to X`.
    According,
}

/// Lower-cases an ASCII word into `buf`; `None` for long or non-ASCII words.
pub(super) fn lower<'b>(word: &str, buf: &'b mut [u8; 24]) -> Option<&'b str> {
    let b = word.as_bytes();
    if b.len() > buf.len() || !word.is_ascii() {
        return None;
    }
    for (d, s) in buf.iter_mut().zip(b) {
        *d = s.to_ascii_lowercase();
    }
    std::str::from_utf8(&buf[..b.len()]).ok()
}

/// The reporting verb `word` is a form of, if any.
pub fn cue(word: &str) -> Option<CueKind> {
    let mut buf = [0u8; 24];
    let w = lower(word, &mut buf)?;
    use CueKind::*;
    Some(match w {
        "said" | "says" | "say" | "saying" | "added" | "adds" | "adding" | "stated" | "noted"
        | "noting" | "warned" | "warns" | "warning" | "argued" | "argues" | "arguing"
        | "insisted" | "insists" | "insisting" | "explained" | "explains" | "explaining"
        | "wrote" | "writes" | "tweeted" | "tweets" | "acknowledged" | "acknowledges"
        | "acknowledging" | "declared" | "declares" | "declaring" | "claimed" | "claiming"
        | "contended" | "contends" | "maintained" | "maintains" | "asserted" | "asserts"
        | "asserting" | "stressed" | "stresses" | "stressing" | "emphasized" | "emphasised"
        | "emphasizing" | "predicted" | "predicts" | "conceded" | "concedes" | "admitted"
        | "admits" | "reiterated" | "reiterates" | "cautioned" | "cautions" | "complained"
        | "complains" | "suggested" | "suggests" | "suggesting" | "countered" | "counters"
        | "replied" | "replies" | "responded" | "responds" | "answered" | "remarked"
        | "observed" | "recalled" | "recalls" | "recalling" | "vowed" | "vows" | "vowing"
        | "pledged" | "pledges" | "promised" | "promises" | "boasted" | "bragged" | "alleged"
        | "alleges" | "charged" | "testified" | "confirmed" | "confirms" | "denied"
        | "lamented" | "laments" | "conceding" | "announced" | "announces" | "announcing"
        | "posted" | "reported" | "reports" | "concluded" | "explain" | "insist" | "argue"
        | "claim" | "warn" | "add" | "note" | "notes" => Say,
        "according" => According,
        "tweeting" | "writing" | "posting" | "stating" | "predicting" | "promising"
        | "complaining" | "urging" | "replying" | "responding" | "answering" | "quipping"
        | "joking" | "admitting" | "cautioning" | "boasting" | "countering" => Say,
        "told" | "tells" | "tell" | "telling" | "assured" | "informed" | "reminded" => Tell,
        "continued" | "continues" | "asked" | "asks" | "asking" | "joked" | "quipped"
        | "shouted" | "yelled" | "chanted" | "chanting" | "wondered" | "mused" | "retorted"
        | "exclaimed" | "whispered" | "demanded" | "reasoned" | "commented" | "agreed"
        | "repeated" | "recounted" | "laughed" | "sighed" | "began" | "concluding" | "read"
        | "reads" | "sang" | "sings" => Weak,
        _ => return None,
    })
}

/// Verbs after which `he`/`she` is most likely the speaker of the quote just before.
pub fn is_continuing(word: &str) -> bool {
    let mut buf = [0u8; 24];
    matches!(
        lower(word, &mut buf),
        Some("added" | "adds" | "adding" | "continued" | "continues" | "concluded" | "went")
    )
}

/// Words in `-ing` that sit inside a noun phrase (`the acting director`).
pub fn is_adjective_ing(word: &str) -> bool {
    matches!(
        word,
        "acting"
            | "leading"
            | "ruling"
            | "outgoing"
            | "incoming"
            | "governing"
            | "founding"
            | "presiding"
            | "ranking"
            | "sitting"
            | "visiting"
            | "managing"
            | "polling"
            | "voting"
            | "striking"
            | "opposing"
            | "remaining"
            | "leaving"
            | "reigning"
            | "fighting"
            | "working"
            | "grieving"
            | "rising"
            | "surviving"
    )
}

/// Words that open a sentence before a comma without being its subject
/// (`Meanwhile, ...`, `Still, ...`).
pub fn is_sentence_adverb(word: &str) -> bool {
    let mut buf = [0u8; 24];
    let Some(w) = lower(word, &mut buf) else {
        return false;
    };
    w.ends_with("ly")
        || is_time_word(w)
        || matches!(
            w,
            "meanwhile"
                | "however"
                | "still"
                | "instead"
                | "now"
                | "then"
                | "again"
                | "indeed"
                | "nevertheless"
                | "nonetheless"
                | "moreover"
                | "furthermore"
                | "overall"
                | "otherwise"
                | "afterward"
                | "afterwards"
                | "thus"
                | "so"
                | "yet"
                | "but"
                | "and"
                | "also"
                | "yes"
                | "no"
                | "well"
                | "first"
                | "second"
                | "third"
                | "finally"
                | "separately"
                | "similarly"
                | "ultimately"
                | "currently"
        )
}

/// Personal pronouns that can be speakers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pronoun {
    He,
    She,
    They,
    It,
    First,
}

/// The pronoun `word` is, if it is one a speaker can be.
pub fn pronoun(word: &str) -> Option<Pronoun> {
    let mut buf = [0u8; 24];
    let word = word
        .strip_suffix("’s")
        .or_else(|| word.strip_suffix("'s"))
        .unwrap_or(word);
    Some(match lower(word, &mut buf)? {
        "he" => Pronoun::He,
        "she" => Pronoun::She,
        "they" => Pronoun::They,
        "it" => Pronoun::It,
        "i" | "we" => Pronoun::First,
        _ => return None,
    })
}

/// Small words between a speaker and the verb (`also`, `has`, `later`) or between the
/// verb and what was said (`Tuesday`, `again`).
pub fn is_adverb(word: &str) -> bool {
    let mut buf = [0u8; 24];
    let Some(w) = lower(word, &mut buf) else {
        return false;
    };
    if w.len() > 4 && w.ends_with("ly") && word.as_bytes()[0].is_ascii_lowercase() {
        return !matches!(w, "only" | "early" | "family" | "rally" | "ally" | "daily");
    }
    matches!(
        w,
        "also"
            | "has"
            | "have"
            | "had"
            | "would"
            | "will"
            | "later"
            | "then"
            | "once"
            | "again"
            | "just"
            | "already"
            | "still"
            | "even"
            | "never"
            | "ever"
            | "first"
            | "long"
            | "too"
            | "often"
            | "previously"
            | "recently"
            | "reportedly"
            | "repeatedly"
            | "earlier"
            | "further"
            | "last"
            | "may"
            | "might"
            | "could"
            | "did"
            | "does"
            | "do"
            | "not"
    )
}

/// Days and parts of days that follow a verb (`said Tuesday night`).
pub fn is_time_word(word: &str) -> bool {
    let mut buf = [0u8; 24];
    matches!(
        lower(word, &mut buf),
        Some(
            "monday"
                | "tuesday"
                | "wednesday"
                | "thursday"
                | "friday"
                | "saturday"
                | "sunday"
                | "today"
                | "yesterday"
                | "tonight"
                | "morning"
                | "afternoon"
                | "evening"
                | "night"
                | "earlier"
                | "later"
                | "again"
                | "recently"
                | "previously"
                | "also"
                | "repeatedly"
                | "publicly"
                | "privately"
                | "week"
                | "month"
                | "year"
                | "weekend"
                | "last"
                | "this"
                | "that"
        )
    )
}

/// Prepositions that open a phrase which is not what was said (`said in a statement`).
pub fn is_preposition(word: &str) -> bool {
    let mut buf = [0u8; 24];
    matches!(
        lower(word, &mut buf),
        Some(
            "in" | "on"
                | "at"
                | "to"
                | "for"
                | "with"
                | "by"
                | "about"
                | "of"
                | "from"
                | "after"
                | "before"
                | "during"
                | "while"
                | "via"
                | "through"
                | "outside"
                | "inside"
                | "near"
                | "into"
                | "upon"
                | "amid"
                | "as"
                | "when"
                | "over"
                | "under"
                | "within"
                | "so"
                | "nothing"
                | "something"
                | "anything"
                | "little"
                | "much"
                | "more"
                | "yes"
                | "no"
                | "goodbye"
                | "hello"
                | "thanks"
                | "otherwise"
        )
    )
}

/// Words that end a speaker phrase when walking back from the verb.
pub fn is_clause_word(word: &str) -> bool {
    let mut buf = [0u8; 24];
    matches!(
        lower(word, &mut buf),
        Some(
            "and"
                | "or"
                | "but"
                | "that"
                | "which"
                | "who"
                | "whom"
                | "whose"
                | "because"
                | "since"
                | "as"
                | "when"
                | "while"
                | "if"
                | "so"
                | "although"
                | "though"
                | "after"
                | "before"
                | "where"
                | "than"
                | "what"
                | "how"
                | "why"
                | "is"
                | "are"
                | "was"
                | "were"
                | "be"
                | "been"
                | "to"
                | "in"
                | "on"
                | "with"
                | "by"
                | "about"
                | "during"
                | "until"
                | "yet"
                | "not"
                | "said"
                | "says"
                | "told"
                | "there"
                | "here"
                | "this"
                | "these"
                | "those"
                | "i"
                | "you"
                | "we"
                | "he"
                | "she"
                | "they"
                | "it"
        )
    )
}

/// Determiners and possessives that open a noun phrase.
pub fn is_determiner(word: &str) -> bool {
    let mut buf = [0u8; 24];
    matches!(
        lower(word, &mut buf),
        Some(
            "the"
                | "a"
                | "an"
                | "his"
                | "her"
                | "their"
                | "its"
                | "our"
                | "my"
                | "your"
                | "some"
                | "many"
                | "several"
                | "other"
                | "another"
                | "both"
                | "most"
                | "all"
                | "few"
                | "one"
                | "two"
                | "three"
                | "four"
                | "each"
                | "this"
                | "that"
                | "these"
                | "those"
        )
    )
}

/// Bare nouns that speak without a determiner (`officials said`).
pub fn is_speaker_noun(word: &str) -> bool {
    let mut buf = [0u8; 24];
    matches!(
        lower(word, &mut buf),
        Some(
            "officials"
                | "sources"
                | "analysts"
                | "experts"
                | "critics"
                | "witnesses"
                | "residents"
                | "police"
                | "authorities"
                | "protesters"
                | "protestors"
                | "supporters"
                | "aides"
                | "advisers"
                | "advisors"
                | "observers"
                | "democrats"
                | "republicans"
                | "lawmakers"
                | "economists"
                | "investigators"
                | "prosecutors"
                | "diplomats"
                | "organizers"
                | "organisers"
                | "researchers"
                | "scientists"
                | "doctors"
                | "voters"
                | "people"
                | "activists"
                | "leaders"
                | "spokesman"
                | "spokeswoman"
                | "spokesperson"
                | "officers"
                | "troops"
                | "soldiers"
                | "rebels"
                | "militants"
                | "reports"
                | "polls"
                | "others"
                | "many"
                | "some"
                | "both"
        )
    )
}

/// Titles and roles before a name (`Defense Secretary`, `Sen.`, `Mr.`): not part of the
/// canonical name.
pub fn is_title(word: &str) -> bool {
    let mut buf = [0u8; 24];
    let Some(w) = lower(word, &mut buf) else {
        return false;
    };
    matches!(
        w,
        "mr" | "mrs"
            | "ms"
            | "miss"
            | "dr"
            | "prof"
            | "professor"
            | "sen"
            | "senator"
            | "rep"
            | "representative"
            | "congressman"
            | "congresswoman"
            | "gov"
            | "governor"
            | "president"
            | "vice"
            | "secretary"
            | "minister"
            | "prime"
            | "premier"
            | "chancellor"
            | "defense"
            | "defence"
            | "foreign"
            | "interior"
            | "finance"
            | "chief"
            | "general"
            | "gen"
            | "lt"
            | "col"
            | "adm"
            | "admiral"
            | "sgt"
            | "capt"
            | "captain"
            | "maj"
            | "major"
            | "colonel"
            | "lieutenant"
            | "mayor"
            | "judge"
            | "justice"
            | "speaker"
            | "leader"
            | "majority"
            | "minority"
            | "chairman"
            | "chairwoman"
            | "chair"
            | "director"
            | "ambassador"
            | "attorney"
            | "commissioner"
            | "king"
            | "queen"
            | "prince"
            | "princess"
            | "pope"
            | "rev"
            | "reverend"
            | "sheikh"
            | "ayatollah"
            | "coach"
            | "sir"
            | "lord"
            | "lady"
            | "dame"
            | "del"
            | "delegate"
            | "deputy"
            | "assistant"
            | "acting"
            | "interim"
            | "former"
            | "press"
            | "spokesman"
            | "spokeswoman"
            | "commander"
            | "candidate"
            | "nominee"
            | "democratic"
            | "republican"
            | "democrat"
            | "gop"
            | "us"
            | "u.s."
            | "u.s"
            | "senate"
            | "house"
            | "state"
            | "national"
            | "security"
            | "adviser"
            | "advisor"
            | "ceo"
            | "executive"
            | "founder"
            | "host"
            | "anchor"
            | "officer"
            | "retired"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cue_lookup_ignores_case() {
        assert_eq!(cue("Said"), Some(CueKind::Say));
        assert_eq!(cue("TOLD"), Some(CueKind::Tell));
        assert_eq!(cue("table"), None);
    }

    #[test]
    fn long_and_non_ascii_words_are_not_cues() {
        assert_eq!(cue("sáid"), None);
        assert_eq!(cue("saidsaidsaidsaidsaidsaidsaid"), None);
    }
}
