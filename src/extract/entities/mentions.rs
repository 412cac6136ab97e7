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

use super::words;
use crate::extract::Span;
use crate::extract::knowledge::{EntityId, EntityKind, Knowledge, Title, push_key};
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
    toks: Vec<Token>,
    kb: &'a Knowledge,
    /// Mostly capitals (`CRICKET - LEICESTERSHIRE TAKE OVER`): only known names count.
    shouting: bool,
    /// How many numbers the sentence has (results tables have several).
    numbers: usize,
    /// A row of a results table: names and numbers, no lowercase words
    /// (`Arbroath 2 Stenhousemuir 0`).
    table_row: bool,
    /// Lower-case keys of all tokens, one after the other; `keys` has each one's range.
    lower: String,
    keys: Vec<[u32; 2]>,
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

/// Finds the candidate mentions of the sentence `span`, appending them to `out`.
///
/// Returns true when the sentence is written in capitals (a headline), where only
/// known names were taken.
pub fn sentence_candidates(
    text: &str,
    span: Span,
    kb: &Knowledge,
    out: &mut Vec<Candidate>,
) -> bool {
    let toks = crate::extract::segment::tokens(text, span);
    let shouting = is_shouting(text, &toks);
    let numbers = toks.iter().filter(|t| t.kind == TokenKind::Number).count();
    let mut lower = String::with_capacity(span[1] - span[0] + 8);
    let mut keys = Vec::with_capacity(toks.len());
    let mut name = Vec::with_capacity(toks.len());
    for t in &toks {
        let start = lower.len() as u32;
        let w = t.text(text);
        push_key(&mut lower, w);
        keys.push([start, lower.len() as u32]);
        name.push(t.kind == TokenKind::Word && is_name_word(w));
    }
    let table_row = is_table_row(text, &toks);
    let mut r = Reader {
        text,
        toks,
        kb,
        shouting,
        numbers,
        table_row,
        lower,
        keys,
        name,
        buf: String::new(),
        scratch: RefCell::new(String::new()),
    };
    let first_new = out.len();
    let mut i = 0;
    while i < r.toks.len() {
        if r.is_name_token(i) {
            i = r.read_run(i, out);
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

/// True when most words of the sentence are in capitals.
fn is_shouting(text: &str, toks: &[Token]) -> bool {
    let mut upper = 0;
    let mut words = 0;
    for t in toks.iter().filter(|t| t.kind == TokenKind::Word) {
        let w = t.text(text);
        if w.chars().filter(|c| c.is_alphabetic()).count() < 2 {
            continue;
        }
        words += 1;
        if !w.chars().any(char::is_lowercase) {
            upper += 1;
        }
    }
    words >= 2 && upper * 10 >= words * 7
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
        let [s, e] = self.keys[i];
        &self.lower[s as usize..e as usize]
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
        loop {
            if self.is_possessive(j) || self.has_stripped_s(j) {
                return j + 1;
            }
            let next = j + 1;
            if self.is_name_token(next) {
                j = next;
                continue;
            }
            if next < self.toks.len() && self.is_name_token(next + 1) {
                let k = self.key(next);
                let prev = self.key(j);
                // `of` joins only after a word that takes it: `Bank of`, `Gulf of`,
                // `Secretary of`; not `John Smith of Acme`.
                let joins = match k {
                    "of" => {
                        words::is_org_word(prev)
                            || words::is_place_word(prev)
                            || self.kb.title(prev).is_some()
                    }
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
            let m = self.kb.match_at(self.text, &self.toks, j, &mut self.buf);
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
            if let (Some((ps, _)), true) = (pending, ent_len > 0)
                && j > ps + 1
                && self.key(j - 1) == "of"
                && (ps..j).any(|k| words::is_org_word(self.key(k)))
            {
                j += ent_len;
                end = end.max(j);
                continue;
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
            // Misc words (`Kurdish`, `Monday`) name nothing but may qualify a role or
            // start an organisation's name, like demonyms.
            if self.kb.is_misc(k) && self.is_name_token(j) {
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
                && self.kb.is_common_word(k)
                && !(self.kb.is_first_name(k) && self.is_name_token(j + 1) && j + 1 < end);
            // A common word opening the sentence (`Despite`, `Jones`) is a name only if
            // the rest of the text names it too: a weak candidate for the resolver.
            if opener && !self.shouting && k != "i" && self.is_name_token(j) {
                segments.push(Segment::Weak(j, j + 1));
                j += 1;
                continue;
            }
            let skip = (k == "i" && !initial_letter)
                || (pending.is_none() && !self.is_name_token(j))
                || opener;
            if skip || self.shouting {
                if let Some((ps, _)) = pending.take() {
                    self.push_unknown(&mut segments, ps, j);
                }
            } else if pending.is_none() {
                pending = Some((j, self.kb.is_first_name(k)));
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

    /// `Baghdad University`, `Kurdish Democratic Front`: a known place or a demonym
    /// followed by an unknown name ending in an organisation or place word is one
    /// unknown name.
    fn merge_place_with_org_word(&self, segments: &mut Vec<Segment<'a>>) {
        let mut k = 0;
        while k + 1 < segments.len() {
            let head = match segments[k] {
                Segment::Known(s, e, id) if self.kb.entity(id).kind == EntityKind::Place => {
                    Some((s, e))
                }
                Segment::Demonym(s, e) => Some((s, e)),
                _ => None,
            };
            if let (Some((s, e1)), Segment::Unknown(s2, e)) = (head, segments[k + 1]) {
                let last = self.key(e - 1);
                if e1 == s2 && (words::is_org_word(last) || words::is_place_word(last)) {
                    segments[k] = Segment::Unknown(s, e);
                    segments.remove(k + 1);
                    continue;
                }
            }
            k += 1;
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
                        let k = self.key(s);
                        self.kb.is_first_name(k) || self.kb.is_surname(k)
                    };
                    // A title makes a following one-word place a person: `President Austin`.
                    if role.is_some() && (entity.kind == EntityKind::Person || person_like) {
                        let mut c = self.candidate(s, e, None);
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
                    let mut c = self.candidate(s, e, None);
                    self.classify(&mut c, s, e);
                    if role.is_some() {
                        self.add_role(&mut c, role.take());
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
        Candidate {
            span: [self.toks[s].span[0], end],
            tokens: e - s,
            known,
            evidence: Evidence::default(),
            role: None,
            stripped_s: self.has_stripped_s(e - 1),
            acronym_of: None,
            weak: false,
        }
    }

    /// Makes `c` a person with the role `role`.
    fn add_role(&self, c: &mut Candidate, role: Option<Role<'_>>) {
        let Some((from, title_start, to, title)) = role else {
            return;
        };
        c.evidence.person += 12;
        if title.honorific {
            return;
        }
        let start = self.toks[from].span[0];
        c.role = Some(match &title.role {
            // The abbreviated title is replaced: `former Gen.` → `former General`.
            Some(expansion) => {
                let head = &self.text[start..self.toks[title_start].span[0]];
                format!("{head}{expansion}")
            }
            None => self.text[start..self.toks[to - 1].span[1]].to_string(),
        });
    }

    /// A title in lower case right before `start` (`spokesman John Kirby`): its tokens
    /// and its entry.
    fn title_before(&self, start: usize) -> Option<(usize, usize, &'a Title)> {
        let mut best = None;
        let mut key_buf = self.scratch.borrow_mut();
        for k in 1..=4.min(start) {
            let s = start - k;
            if !self.is_word(s) && self.word(s) != "." {
                break;
            }
            key_buf.clear();
            for t in s..start {
                if t > s {
                    key_buf.push(' ');
                }
                key_buf.push_str(self.key(t));
            }
            if let Some(title) = self.kb.title(&key_buf) {
                best = Some((s, start, title));
            }
        }
        best
    }

    /// Extends a role's start over modifiers before it: `former`, `acting`, `Iraqi`.
    fn extend_role_left(&self, mut from: usize) -> usize {
        while from > 0 && self.is_word(from - 1) {
            let w = self.word(from - 1);
            let modifier = words::is_role_modifier(self.key(from - 1))
                || (w.starts_with(char::is_uppercase) && {
                    let mut buf = self.scratch.borrow_mut();
                    let m = self.kb.match_at(self.text, &self.toks, from - 1, &mut buf);
                    m.demonym.is_some_and(|d| d.0 == 1) || m.entity.is_some_and(|d| d.0 == 1)
                });
            if !modifier {
                break;
            }
            from -= 1;
        }
        from
    }

    /// False for unknown names that name no entity: events and things (`World Cup`,
    /// `Gulf War`), a lone organisation or place word (`Stadium`), bare initials.
    fn may_name(&self, s: usize, e: usize) -> bool {
        let last = self.key(e - 1);
        if words::is_event_word(last) {
            return false;
        }
        if e - s == 1 && (words::is_org_word(last) || words::is_place_word(last)) {
            return false;
        }
        (s..e).any(|k| self.is_word(k) && self.word(k).chars().nth(1).is_some())
    }

    /// Evidence from the words of an unknown name itself.
    fn classify(&self, c: &mut Candidate, s: usize, e: usize) {
        let first = self.key(s);
        let last = self.key(e - 1);
        let n = e - s;
        if (s..e).any(|k| words::is_org_word(self.key(k))) {
            c.evidence.org += if words::is_org_word(last) { 8 } else { 5 };
        }
        if n >= 2 && words::is_place_word(last) {
            c.evidence.place += 6;
        }
        if self.kb.is_first_name(first) {
            c.evidence.person += if n >= 2 { 5 } else { 1 };
        }
        if n >= 2 && self.kb.is_surname(last) {
            c.evidence.person += 2;
        }
        if n >= 2 && self.is_initial_letter(s) {
            c.evidence.person += 4;
        }
        let w = self.word(s);
        if n == 1 && w.len() >= 2 && w.len() <= 6 && !w.chars().any(char::is_lowercase) {
            c.evidence.org += 3;
        }
        if n >= 2 {
            c.evidence.person += 1;
        }
    }

    /// Evidence from the words around a name.
    fn add_context(&self, c: &mut Candidate, s: usize, e: usize) {
        if let Some(p) = s.checked_sub(1).filter(|&p| self.is_word(p)) {
            let k = self.key(p);
            if words::is_place_preposition(k) {
                c.evidence.place += 2;
            } else if k == "the" {
                c.evidence.org += 2;
            } else if words::is_reporting_verb(k) {
                c.evidence.person += 3;
            }
        }
        let after_name = if c.stripped_s { e + 1 } else { e };
        if self.is_word(after_name) {
            let k = self.key(after_name);
            if words::is_reporting_verb(k) {
                c.evidence.person += 3;
            }
        }
        // Teams named after their towns: `Leeds beat Chelsea`, `Houston 69 62`. Countries
        // stay places (national teams are places by CoNLL's convention).
        let town = match c.known {
            Some(id) => {
                let e = self.kb.entity(id);
                e.kind == EntityKind::Place && !e.country
            }
            None => c.evidence.person <= 1 && c.evidence.place < 4,
        };
        if town {
            let verb_before = s
                .checked_sub(1)
                .is_some_and(|p| self.is_word(p) && words::is_sports_verb(self.key(p)));
            let verb_after =
                self.is_word(after_name) && words::is_sports_verb(self.key(after_name));
            let score_after = (c.known.is_some() || self.table_row)
                && self.numbers >= 2
                && after_name < self.toks.len()
                && self.toks[after_name].kind == TokenKind::Number;
            // A lone given name is weak evidence, enough only without a sports verb.
            let score_after = score_after && c.evidence.person == 0;
            if verb_before || verb_after || score_after {
                c.evidence.org += 25;
            }
        }
        // `Leeds, England`: a name followed by a known place after a comma is a place.
        if after_name + 1 < self.toks.len() && self.word(after_name) == "," {
            let mut buf = self.scratch.borrow_mut();
            let m = self
                .kb
                .match_at(self.text, &self.toks, after_name + 1, &mut buf);
            drop(buf);
            if let Some((_, id)) = m.entity
                && self.kb.entity(id).kind == EntityKind::Place
                && c.known.is_none()
            {
                c.evidence.place += 4;
            }
            if let Some(role) = self.apposition(after_name + 1) {
                c.evidence.person += 6;
                if c.role.is_none() {
                    c.role = Some(role);
                }
            }
        }
    }

    /// A short apposition headed by a title: `, the Pentagon chief,` → `Pentagon chief`.
    fn apposition(&self, start: usize) -> Option<String> {
        let mut s = start;
        if self.is_word(s) && matches!(self.key(s), "the" | "a" | "an") {
            s += 1;
        }
        let mut e = s;
        let mut has_title = false;
        while e < self.toks.len() && e - start < 8 {
            let w = self.word(e);
            if matches!(w, "," | "." | ";" | ")") {
                break;
            }
            if !self.is_word(e) && !matches!(w, "’" | "'") {
                return None;
            }
            if self.kb.title(self.key(e)).is_some_and(|t| !t.honorific) {
                has_title = true;
            }
            e += 1;
        }
        let closed = e == self.toks.len() || matches!(self.word(e), "," | "." | ";" | ")");
        if !has_title || !closed || e == s {
            return None;
        }
        Some(self.text[self.toks[s].span[0]..self.toks[e - 1].span[1]].to_string())
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
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<(String, Option<EntityKind>, Option<String>)> {
        let kb = Knowledge::builtin();
        let mut out = Vec::new();
        sentence_candidates(text, [0, text.len()], &kb, &mut out);
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
        sentence_candidates(text, [0, text.len()], &kb, &mut out);
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
}
