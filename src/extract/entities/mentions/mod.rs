//! Candidate mentions of one sentence: gazetteer matches and capitalised names, with
//! the evidence for each kind and the roles around them.
//!
//! A sentence is read run by run: a run is a maximal sequence of capitalised words and
//! the lowercase particles between them (`Islamic State of Iraq`, `Mohammed al-Sudani`).
//! Each run is cut into segments by the longest gazetteer phrases (known entities,
//! demonyms, titles); what no table knows is an unknown name, classified by the words
//! inside it (`Ministry`, `River`), the title before it, a given name at its start, and
//! the words around it (`said`, `in`, `the`). Whole-text decisions (a bare `Austin`
//! after `Lloyd Austin`) are left to [`super::resolve`].

use std::cell::RefCell;

mod context;

use super::words;
use crate::extract::Span;
use crate::extract::knowledge::{EntityId, EntityKind, Knowledge, Title, TokenKeys};
use crate::extract::segment::{Token, TokenKind};

/// The weight of a gazetteer match for its entity's kind, against the text's evidence:
/// a title (12) does not overrule it, a sports context (25) does.
pub const KNOWN_WEIGHT: i32 = 20;

/// Evidence for each kind of entity, summed over the rules that fired.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Evidence {
    pub person: i32,
    pub place: i32,
    pub org: i32,
}

impl Evidence {
    pub fn add(&mut self, kind: EntityKind, weight: i32) {
        match kind {
            EntityKind::Person => self.person += weight,
            EntityKind::Place => self.place += weight,
            EntityKind::Organization => self.org += weight,
        }
    }

    /// The kind with the most evidence, if any kind has some.
    pub fn best(&self) -> Option<EntityKind> {
        let mut best = None;
        let mut score = 0;
        for (kind, s) in [
            (EntityKind::Person, self.person),
            (EntityKind::Organization, self.org),
            (EntityKind::Place, self.place),
        ] {
            if s > score {
                best = Some(kind);
                score = s;
            }
        }
        best
    }
}

/// One possible mention of an entity.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Candidate {
    /// The name as written, without a possessive `’s`.
    pub span: Span,
    /// The lookup key of the name (see [`crate::extract::knowledge::phrase_key`]).
    pub key: String,
    /// Number of tokens of the name.
    pub tokens: usize,
    /// The known entity the gazetteer matched, if any.
    pub known: Option<EntityId>,
    /// Evidence from the text around the name (the gazetteer's kind is not included:
    /// see [`KNOWN_WEIGHT`]).
    pub evidence: Evidence,
    /// A title or role written next to the name (`Defense Secretary`).
    pub role: Option<String>,
    /// `Bidens’`: an `s` that may be a stripped possessive (`Biden’s`).
    pub stripped_s: bool,
    /// Index (in the text's candidate list) of the name this one abbreviates:
    /// `Popular Mobilization Forces (PMF)`.
    pub acronym_of: Option<usize>,
    /// A common word opening a sentence: kept only if the text names it elsewhere.
    pub weak: bool,
}

/// True for a capitalised word that can be part of a name: every hyphen-separated part
/// starts with a capital or is a name particle (`Al-Sudani`, `al-Sudani`, not
/// `Iranian-backed`).
fn is_name_word(word: &str) -> bool {
    let first = word.as_bytes().first().copied().unwrap_or(b' ');
    // A byte loop: words are short, and `contains` sets up a searcher for each.
    if first.is_ascii_lowercase() && !word.bytes().any(|b| b == b'-') {
        return false;
    }
    let mut has_capital = false;
    for part in word.split('-') {
        let Some(first) = part.chars().next() else {
            return false;
        };
        if first.is_uppercase() {
            has_capital = true;
        } else if !(first.is_lowercase() && words::is_name_particle(part)) {
            return false;
        }
    }
    has_capital
}

/// Strips a possessive `’s` / `'s` from a word's span.
fn without_possessive(text: &str, span: Span) -> Span {
    let w = &text[span[0]..span[1]];
    for suffix in ["’s", "'s", "’S", "'S"] {
        if w.len() > suffix.len() && w.ends_with(suffix) {
            return [span[0], span[1] - suffix.len()];
        }
    }
    span
}

/// One sentence being read.
struct Reader<'a> {
    text: &'a str,
    toks: &'a [Token],
    kb: &'a Knowledge,
    /// Mostly capitals (`CRICKET - LEICESTERSHIRE TAKE OVER`): only known names count.
    shouting: bool,
    /// How many numbers the sentence has (results tables have several).
    numbers: usize,
    /// A row of a results table: names and numbers, no lowercase words
    /// (`Arbroath 2 Stenhousemuir 0`).
    table_row: bool,
    /// Lower-case keys of the tokens.
    keys: TokenKeys<'a>,
    /// Whether each token can be part of a name.
    name: Vec<bool>,
    buf: String,
    /// Scratch space for lookups from `&self` methods.
    scratch: RefCell<String>,
}

/// Role words before a name: (first token, title's first token, end, title).
type Role<'k> = (usize, usize, usize, &'k Title);

/// A piece of a run.
#[derive(Clone, Copy, Debug)]
enum Segment<'k> {
    Known(usize, usize, EntityId),
    Demonym(usize, usize),
    Title(usize, usize, &'k Title),
    Unknown(usize, usize),
    /// A common word at the start of a sentence, a name only if the text confirms it.
    Weak(usize, usize),
}

/// Finds the candidate mentions of the sentence of tokens `toks`, appending them to
/// `out`.
///
/// Returns true when the sentence is written in capitals (a headline), where only
/// known names were taken.
pub fn sentence_candidates(
    text: &str,
    toks: &[Token],
    kb: &Knowledge,
    out: &mut Vec<Candidate>,
) -> bool {
    let keys = TokenKeys::new(text, toks);
    let shouting = is_shouting(text, toks, &keys);
    let numbers = toks.iter().filter(|t| t.kind == TokenKind::Number).count();
    let name = toks
        .iter()
        .map(|t| t.kind == TokenKind::Word && is_name_word(t.text(text)))
        .collect();
    let table_row = is_table_row(text, toks);
    let mut r = Reader {
        text,
        toks,
        kb,
        shouting,
        numbers,
        table_row,
        keys,
        name,
        buf: String::new(),
        scratch: RefCell::new(String::new()),
    };
    let first_new = out.len();
    let mut i = 0;
    let lowercase_forms = kb.has_lowercase_forms();
    while i < r.toks.len() {
        if r.is_name_token(i) {
            i = r.read_run(i, out);
        } else if lowercase_forms && r.is_word(i) && kb.starts_lowercase_form(r.key(i)) {
            i = r.read_lowercase_form(i, out);
        } else {
            i += 1;
        }
    }
    r.link_acronyms(first_new, out);
    shouting
}

/// True for a row of a results table: it starts with a name followed by a number, and
/// has no lowercase words but short link words (`v`, `at`).
fn is_table_row(text: &str, toks: &[Token]) -> bool {
    let first_word = toks.iter().position(|t| t.kind == TokenKind::Word);
    if first_word != Some(0) {
        return false;
    }
    let first_number = toks.iter().position(|t| t.kind == TokenKind::Number);
    let Some(n) = first_number else {
        return false;
    };
    toks[..n]
        .iter()
        .all(|t| t.kind != TokenKind::Punct || t.text(text) == ".")
        && toks.iter().all(|t| {
            let w = t.text(text);
            t.kind != TokenKind::Word || w.len() <= 2 || !w.starts_with(char::is_lowercase)
        })
}

/// True for a headline: most words in capitals (`TALKS STALL IN BAGHDAD`), or in title
/// case down to the small words (`Talks Stall In Baghdad As Rivals Walk Out`).
fn is_shouting(text: &str, toks: &[Token], keys: &TokenKeys) -> bool {
    let mut upper = 0;
    let mut initial = 0;
    let mut small_capitalised = 0;
    let mut words = 0;
    // The counts only grow and `words` ends at most at `most`: once more than three
    // tenths of `most` have a lower-case letter and more than a fifth do not start
    // with a capital, no test below can pass (prose is told within a few words).
    let most = toks.iter().filter(|t| t.kind == TokenKind::Word).count();
    for (i, t) in toks.iter().enumerate() {
        if t.kind != TokenKind::Word {
            continue;
        }
        let w = t.text(text);
        let (letters, has_lower) = letters_and_lower(w);
        if letters < 2 {
            continue;
        }
        words += 1;
        if !has_lower {
            upper += 1;
        }
        if w.starts_with(char::is_uppercase) {
            initial += 1;
            if i > 0
                && matches!(
                    keys.get(i),
                    "the"
                        | "of"
                        | "in"
                        | "on"
                        | "to"
                        | "for"
                        | "with"
                        | "as"
                        | "at"
                        | "a"
                        | "and"
                        | "is"
                        | "by"
                        | "from"
                )
            {
                small_capitalised += 1;
            }
        } else if (words - upper) * 10 > most * 3 && (words - initial) * 10 > most * 2 {
            return false;
        }
    }
    (words >= 2 && upper * 10 >= words * 7)
        || (words >= 4 && small_capitalised >= 1 && initial * 10 >= words * 8)
        // Six or more words, every one capitalised, and no numbers (a results table
        // is a list of names): prose never does that
        // (`Elizabeth Warren Hammers Wells Fargo CEO: ‘You Should Be Investigated’`).
        || (words >= 6 && initial == words && !toks.iter().any(|t| t.kind == TokenKind::Number))
}

/// The number of letters in `w`, and whether one is lower-case.
fn letters_and_lower(w: &str) -> (usize, bool) {
    let mut letters = 0;
    let mut lower = false;
    if w.is_ascii() {
        for b in w.bytes() {
            letters += usize::from(b.is_ascii_alphabetic());
            lower |= b.is_ascii_lowercase();
        }
    } else {
        for c in w.chars() {
            letters += usize::from(c.is_alphabetic());
            lower |= c.is_lowercase();
        }
    }
    (letters, lower)
}

impl<'a> Reader<'a> {
    fn word(&self, i: usize) -> &'a str {
        self.toks[i].text(self.text)
    }

    fn is_word(&self, i: usize) -> bool {
        i < self.toks.len() && self.toks[i].kind == TokenKind::Word
    }

    fn is_name_token(&self, i: usize) -> bool {
        self.name.get(i).copied().unwrap_or(false)
    }

    /// The lower-case key of token `i` (curly apostrophes made straight).
    fn key(&self, i: usize) -> &str {
        self.keys.get(i)
    }

    /// True when token `i` is the first word of the sentence or of a quotation.
    fn is_initial(&self, i: usize) -> bool {
        let Some(prev) = i.checked_sub(1) else {
            return true;
        };
        let p = self.word(prev);
        self.toks[prev].kind == TokenKind::Punct
            && matches!(
                p,
                "\"" | "“" | "‘" | "'" | "(" | "[" | "-" | "—" | "–" | ":"
            )
    }

    /// True when the word ends in `s` right before a lone apostrophe (`Bidens’ office`).
    fn has_stripped_s(&self, i: usize) -> bool {
        let w = self.word(i);
        i + 1 < self.toks.len()
            && (w.ends_with('s') || w.ends_with('S'))
            && self.toks[i + 1].span[0] == self.toks[i].span[1]
            && matches!(self.word(i + 1), "’" | "'")
    }

    fn is_possessive(&self, i: usize) -> bool {
        without_possessive(self.text, self.toks[i].span) != self.toks[i].span
    }

    /// The end (exclusive) of the capitalised run starting at `start`.
    fn run_end(&self, start: usize) -> usize {
        let mut j = start;
        // Inside an organisation's name after its `of` or `for`, where `and` joins too.
        let mut in_org_name = false;
        loop {
            if self.is_possessive(j) || self.has_stripped_s(j) {
                return j + 1;
            }
            let next = j + 1;
            if self.is_name_token(next) {
                j = next;
                continue;
            }
            // Particles before a name: `Joost van der Westhuizen`, `Ibn al Walid`.
            let mut p = next;
            while p < self.toks.len() && p < next + 3 && self.is_word(p) {
                if !words::is_name_particle(self.key(p)) {
                    break;
                }
                p += 1;
            }
            if p > next + 1 && self.is_name_token(p) {
                j = p;
                continue;
            }
            if next < self.toks.len() && self.is_name_token(next + 1) {
                let k = self.key(next);
                let prev = self.key(j);
                // `of` joins only after a word that takes it: `Bank of`, `Gulf of`,
                // `Secretary of`; not `John Smith of Acme`.
                let joins = match k {
                    "of" | "for" => {
                        in_org_name |= words::is_org_word(prev);
                        words::is_org_word(prev)
                            || words::is_place_word(prev)
                            || (k == "of" && self.kb.title(prev).is_some())
                    }
                    // `Centre for Disease Prevention and Control`.
                    "and" => in_org_name,
                    "&" => true,
                    // An initial: `R. Smith`, `George W. Bush`.
                    "." => self.is_initial_letter(j),
                    _ => self.is_word(next) && words::is_name_particle(k),
                };
                if joins {
                    j = next + 1;
                    continue;
                }
            }
            return j + 1;
        }
    }

    /// True for a word of two letters or more in capitals (`BOSS`, `NATO`).
    fn is_shouted(&self, i: usize) -> bool {
        self.is_word(i) && {
            let w = self.word(i);
            w.len() >= 2 && !w.chars().any(char::is_lowercase)
        }
    }

    /// True for a single capital letter followed by a period (`R.`).
    fn is_initial_letter(&self, i: usize) -> bool {
        let w = self.word(i);
        self.is_word(i)
            && w.len() == 1
            && w.bytes().all(|b| b.is_ascii_uppercase())
            && i + 1 < self.toks.len()
            && self.word(i + 1) == "."
    }

    /// Reads the run starting at `start` and returns the index after it.
    fn read_run(&mut self, start: usize, out: &mut Vec<Candidate>) -> usize {
        let mut end = self.run_end(start);
        let mut segments: Vec<Segment<'a>> = Vec::new();
        let mut pending: Option<(usize, bool)> = None; // (start, starts with a given name)
        let mut j = start;
        while j < end {
            let m = self
                .kb
                .match_at(self.text, self.toks, &self.keys, j, &mut self.buf);
            let mut entity = m.entity;
            if self.shouting
                && let Some((1, _)) = entity
                && self.kb.is_common_word(self.key(j))
            {
                entity = None;
            }
            let ent_len = entity.map_or(0, |e| e.0);
            let title_len = m.title.map_or(0, |t| t.0);
            let dem_len = m.demonym.map_or(0, |d| d.0);
            // A given name absorbs a following one-word place: `Lloyd Austin`.
            if let (Some((ps, true)), 1) = (pending, ent_len)
                && title_len == 0
                && j > ps
            {
                j += 1;
                continue;
            }
            // `University of Texas`: an unknown name with an organisation word takes the
            // place after its `of`.
            let connector = j > 0
                && matches!(
                    self.key(j - 1),
                    "of" | "for" | "and" | "de" | "do" | "del" | "di"
                );
            if let (Some((ps, _)), true) = (pending, ent_len > 0)
                && j > ps + 1
                && connector
                && (ps..j)
                    .any(|k| words::is_org_word(self.key(k)) || words::is_place_word(self.key(k)))
            {
                j += ent_len;
                end = end.max(j);
                continue;
            }
            // `Free Democrats`, `Christian Democrats`: a known one-word party after other
            // capitalised words is the end of another party's name.
            if let Some((1, _)) = entity
                && words::is_org_word(self.key(j))
                && title_len == 0
            {
                let after_demonym =
                    matches!(segments.last(), Some(Segment::Demonym(_, de)) if *de == j);
                if pending.is_some() || after_demonym {
                    if pending.is_none() {
                        pending = Some((j, false));
                    }
                    j += 1;
                    continue;
                }
            }
            // A town that is also a given name, before an unknown name, starts a
            // person's name: `Warren Christopher`, `Florence Griffith`.
            if let (Some((1, id)), None, 0) = (entity, pending, title_len) {
                let e = self.kb.entity(id);
                if e.kind == EntityKind::Place
                    && !e.country
                    && j + 1 < end
                    && self.is_name_token(j + 1)
                    && self.kb.is_first_name(self.key(j))
                {
                    let next =
                        self.kb
                            .match_at(self.text, self.toks, &self.keys, j + 1, &mut self.buf);
                    if next.entity.is_none() && next.title.is_none() && next.demonym.is_none() {
                        pending = Some((j, true));
                        j += 1;
                        continue;
                    }
                }
            }
            let best = ent_len.max(title_len).max(dem_len);
            if best > 0 {
                if let Some((ps, _)) = pending.take() {
                    self.push_unknown(&mut segments, ps, j);
                }
                let seg_end = j + best;
                if ent_len == best {
                    segments.push(Segment::Known(j, seg_end, entity.map_or(0, |e| e.1)));
                } else if title_len == best {
                    segments.push(Segment::Title(j, seg_end, m.title.map(|t| t.1).unwrap()));
                } else {
                    segments.push(Segment::Demonym(j, seg_end));
                }
                end = end.max(seg_end);
                j = seg_end;
                continue;
            }
            let k = self.key(j);
            // One lookup answers every word list below.
            let cls = self.kb.word_classes(k);
            // Misc words (`Kurdish`, `Monday`) name nothing but may qualify a role or
            // start an organisation's name, like demonyms.
            if cls.misc() && self.is_name_token(j) {
                if let Some((ps, _)) = pending.take() {
                    self.push_unknown(&mut segments, ps, j);
                }
                segments.push(Segment::Demonym(j, j + 1));
                j += 1;
                continue;
            }
            let initial_letter = self.is_initial_letter(j);
            let opener = pending.is_none()
                && (self.is_initial(j) || self.shouting)
                && !initial_letter
                && cls.common()
                && !(cls.first_name() && self.is_name_token(j + 1) && j + 1 < end);
            // A common word opening the sentence (`Despite`, `Jones`) is a name only if
            // the rest of the text names it too: a weak candidate for the resolver.
            if opener && !self.shouting && k != "i" && self.is_name_token(j) {
                segments.push(Segment::Weak(j, j + 1));
                j += 1;
                continue;
            }
            // A common word in capitals (`BOSS THINKS HE`) is a kicker or a shout, not
            // a name; acronyms that name things are in the gazetteer or are no words.
            let shouted_word = self.is_shouted(j)
                && (cls.function()
                    || (cls.common()
                        && (self.is_shouted(j + 1) || j > 0 && self.is_shouted(j - 1))));
            let skip = (k == "i" && !initial_letter)
                || (pending.is_none() && !self.is_name_token(j))
                || opener
                || shouted_word;
            if skip || self.shouting {
                if let Some((ps, _)) = pending.take() {
                    self.push_unknown(&mut segments, ps, j);
                }
            } else if pending.is_none() {
                pending = Some((j, cls.first_name()));
            }
            j += 1;
        }
        if let Some((ps, _)) = pending.take() {
            self.push_unknown(&mut segments, ps, end);
        }
        self.merge_place_with_org_word(&mut segments);
        self.emit(start, &segments, out);
        end
    }

    /// A known form starting in lower case (`al Qaeda`, a site's `the river
    /// authority`) at `start`, if there is one; returns the index after what was read.
    fn read_lowercase_form(&mut self, start: usize, out: &mut Vec<Candidate>) -> usize {
        let m = self
            .kb
            .match_at(self.text, self.toks, &self.keys, start, &mut self.buf);
        match m.entity {
            Some((n, id)) => {
                let mut c = self.candidate(start, start + n, Some(id));
                self.add_context(&mut c, start, start + n);
                out.push(c);
                start + n
            }
            None => start + 1,
        }
    }

    /// Adds an unknown segment, trimmed of particles at its ends.
    fn push_unknown(&self, segments: &mut Vec<Segment<'a>>, mut s: usize, mut e: usize) {
        while s < e && !self.is_name_token(s) {
            s += 1;
        }
        while e > s && !self.is_name_token(e - 1) {
            e -= 1;
        }
        if s < e {
            segments.push(Segment::Unknown(s, e));
        }
    }

    /// `Baghdad University`, `Kurdish Democratic Front`, `U.S. Open`: a known place or a
    /// demonym followed by an unknown name ending in an organisation, place or event
    /// word is one unknown name (an event is then dropped as no entity).
    fn merge_place_with_org_word(&self, segments: &mut Vec<Segment<'a>>) {
        // From the right, so that `Kurdish Democratic Front` merges twice.
        let mut k = segments.len().saturating_sub(1);
        while k > 0 {
            k -= 1;
            let head = match segments[k] {
                Segment::Known(s, e, id) if self.kb.entity(id).kind == EntityKind::Place => {
                    Some((s, e))
                }
                Segment::Demonym(s, e) => Some((s, e)),
                _ => None,
            };
            if let (Some((s, e1)), Segment::Unknown(s2, e)) = (head, segments[k + 1]) {
                let last = self.key(e - 1);
                let joins = words::is_place_word(last)
                    || words::is_event_word(last)
                    || (s2..e).any(|t| words::is_org_word(self.key(t)));
                if e1 == s2 && joins {
                    segments[k] = Segment::Unknown(s, e);
                    segments.remove(k + 1);
                }
            }
        }
    }

    /// Turns the segments of a run into candidates.
    fn emit(&self, run_start: usize, segments: &[Segment<'a>], out: &mut Vec<Candidate>) {
        // The role words before the next name: (start, title start, end, title).
        let mut role: Option<Role<'a>> = self
            .title_before(run_start)
            .map(|(s, e, t)| (self.extend_role_left(s), s, e, t));
        for (n, seg) in segments.iter().enumerate() {
            match *seg {
                Segment::Title(s, e, t) => {
                    let from = match n.checked_sub(1).map(|p| segments[p]) {
                        Some(Segment::Demonym(ds, de) | Segment::Known(ds, de, _)) if de == s => ds,
                        _ => s,
                    };
                    let from = if from == run_start {
                        self.extend_role_left(from)
                    } else {
                        from
                    };
                    role = Some((from, s, e, t));
                }
                Segment::Demonym(..) => {}
                Segment::Known(s, e, id) => {
                    let entity = self.kb.entity(id);
                    let person_like = e == s + 1 && {
                        let cls = self.kb.word_classes(self.key(s));
                        cls.first_name() || cls.surname()
                    };
                    // A title makes a following one-word place a person: `President Austin`.
                    if role.is_some() && (entity.kind == EntityKind::Person || person_like) {
                        let known = (entity.kind == EntityKind::Person).then_some(id);
                        let mut c = self.candidate(s, e, known);
                        self.add_role(&mut c, role.take());
                        out.push(c);
                        continue;
                    }
                    role = None;
                    let mut c = self.candidate(s, e, Some(id));
                    self.add_context(&mut c, s, e);
                    out.push(c);
                }
                Segment::Weak(s, e) => {
                    role = None;
                    let mut c = self.candidate(s, e, None);
                    c.weak = true;
                    self.add_context(&mut c, s, e);
                    out.push(c);
                }
                Segment::Unknown(s, e) => {
                    if !self.may_name(s, e) {
                        role = None;
                        continue;
                    }
                    // `Brown`, `Young`: a frequent word is a name only where the text
                    // names it in full too.
                    if e == s + 1 && self.kb.is_function_word(self.key(s)) {
                        let mut c = self.candidate(s, e, None);
                        c.weak = true;
                        self.add_context(&mut c, s, e);
                        out.push(c);
                        role = None;
                        continue;
                    }
                    let mut c = self.candidate(s, e, None);
                    self.classify(&mut c, s, e);
                    if role.is_some() {
                        self.add_role(&mut c, role.take());
                    } else if let Some(r) = self.role_before_comma(s) {
                        c.evidence.person += 6;
                        c.role = Some(r);
                    }
                    self.add_context(&mut c, s, e);
                    out.push(c);
                }
            }
        }
    }

    fn candidate(&self, s: usize, e: usize, known: Option<EntityId>) -> Candidate {
        let last = self.toks[e - 1].span;
        let end = without_possessive(self.text, last)[1];
        let mut key = String::new();
        for t in s..e {
            if t > s {
                key.push(' ');
            }
            key.push_str(self.key(t));
        }
        if end < last[1] && key.ends_with("'s") {
            key.truncate(key.len() - 2);
        }
        Candidate {
            span: [self.toks[s].span[0], end],
            key,
            tokens: e - s,
            known,
            evidence: Evidence::default(),
            role: None,
            stripped_s: self.has_stripped_s(e - 1),
            acronym_of: None,
            weak: false,
        }
    }

    /// `Popular Mobilization Forces (PMF)`: links an acronym in brackets to its name.
    fn link_acronyms(&self, first: usize, out: &mut [Candidate]) {
        for k in first + 1..out.len() {
            let (before, after) = out.split_at_mut(k);
            let acr = &mut after[0];
            let prev = &before[k - 1];
            let w = &self.text[acr.span[0]..acr.span[1]];
            if acr.tokens != 1 || w.chars().any(char::is_lowercase) {
                continue;
            }
            let between = &self.text[prev.span[1]..acr.span[0]];
            if between.trim() == "(" || between.trim() == "[" {
                acr.acronym_of = Some(k - 1);
            }
        }
    }
}

#[cfg(test)]
mod tests;
