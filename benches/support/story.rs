//! Writing one news story: a headline, a lede with a dateline, and paragraphs of
//! background, figures, quotes and reaction until the story has its length.
//!
//! Paragraphs come from templates with slots (`{P}` a person, `{O}` an
//! organisation, `{rel}` a relative date …). A slot is filled by the story, which
//! remembers whom it has introduced: the first mention of a person carries the title
//! or role (`Finance Minister Ana Ferreira`, `Ana Ferreira, the chief executive of the
//! Northern Water Port Authority,`), later ones the surname; an organisation is
//! introduced with its acronym in brackets and then called by it.

use chrono::{Datelike, Duration, NaiveDate};

use super::vocab::{self, CITIES, CLAIMS, Field, MONTHS, NUMBER_WORDS, QUOTES, WEEKDAYS};
use super::world::{self, Org, Person, Rng};

/// How quotation marks are written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Quotes {
    Curly,
    Straight,
    /// Stripped by the wire feed: `We will go on, Ferreira said.`
    Markless,
}

/// Paragraph templates. `{P}` is the next person as a subject (may carry an
/// appositive), `{p}` the next person in object position, `{O}`/`{O2}` organisations,
/// `^` after a key capitalises it.
const PARAGRAPHS: &[&str] = &[
    "{P} said {rel} that {thing} would cost {money}, {more_or_less} than the {O} had estimated in {year_past}. The figure includes {money2} for compensation and a reserve of {pct} for overruns.",
    "The {O} {action} {thing} {abs_date}, after {n} months of negotiations with the government of {country}. Officials said {count} {counted} would be affected in {city} alone.",
    "{P} has led the {O} since {year_past}. Before that, {s} spent {n} years in {city2}, where {s_pron} oversaw a similar programme that was later praised by the {O2}.",
    "Critics of {thing} point to {city2}, where a comparable project ran {n} years late and {pct} over budget. {p^} {rel} called that comparison misleading.",
    "According to figures published by the {O} {rel}, {count} {counted} were recorded in the first {n} months of the year, up {pct} from a year earlier. In {year_past}, the total was {count2}.",
    "{Thing^} was first proposed in {year_past}, when {p} was still in opposition. It was shelved {n} years later after a dispute over funding, and revived last year under pressure from the {O}.",
    "The {adj} government has set aside {money} for the next {n} years, and the {O} has promised a further {money2}. Opposition lawmakers say that is not enough to cover the {counted} in {city}.",
    "{P} met representatives of the {O} in {city} {rel} and agreed to set up a joint working group. A first report is due {future}.",
    "Residents of {city} have complained for years about the state of local services. A survey by the {O} {rel} found that {pct} of {counted} were dissatisfied, compared with {pct2} in {city2}.",
    "The decision follows a long dispute between the {O} and the {O2}, which took the matter to court in {year_past}. A ruling is expected {future}.",
    "{Thing^} is one of the largest of its kind in {country}. It covers {count} {counted} and employs {count2} people, most of them in and around {city}.",
    "Three years later, the {O} admitted that its first estimate had been too low. Its {role_word} said {rel} that costs had risen by {pct} since {year_past}.",
    "Markets reacted calmly. The main index in {city} closed {pct} higher on {weekday}, and the {currency} was little changed against the dollar.",
    "The {O} said it had received {count} complaints since the plan was announced {abs_date}, and that {pct} of them concerned delays. It did not say how many had been resolved.",
    "{P} is expected to travel to {city2} {future} for talks with the {O2}. Diplomats said an agreement on {thing} could be signed before the end of {year_next}.",
    "Last week, a delegation from the {O} visited {city} to inspect progress. It found that work on {thing} was {pct} complete, against a target of {pct2} by {month}.",
    "Between {year_past} and {year_recent}, spending on {thing} rose from {money} to {money2} a year, according to the {O}.",
    "In a statement issued in {city} {rel}, the {O} said {claim}. {p^} declined to comment further.",
    "The {adj} parliament is due to debate {thing} {future}. {P} told lawmakers {rel} that the country could not afford to wait another {n} years.",
    "Analysts at the {O2} said {thing} could add {pct} to the cost of living in {country} over the next year, though they cautioned that the estimate was uncertain.",
    "Police in {city} said {count} people had taken part in a march {rel}. Organisers put the figure at {count2}. There were no reports of violence.",
    "{P} first raised concerns about {thing} in a letter to the {O} {abs_date}. The letter, seen by reporters, warned that {count} {counted} could be left without support.",
    "The deal must still be approved by the {O2}, which meets in {city2} {future}. A similar proposal was rejected there in {year_past} by a narrow margin.",
    "Since {year_past}, the {O} has spent {money} on {thing}, according to its annual report. Auditors found that {pct} of that sum could not be fully accounted for.",
    "Opinion polls suggest that {pct} of voters in {country} support {thing}, down from {pct2} a year ago. Support is strongest in {city} and weakest in rural areas.",
    "Two days later, {p} met the {adj} ambassador to discuss {thing}. Neither side gave details of the talks.",
    "Earlier this year, the {O} warned that {counted} in {city} were at risk. It has since doubled its budget for the region to {money}.",
    "{P} rejected calls to resign {rel}, saying {claim}.",
    "The {O} was founded in {year_old} and has about {count} members. It has offices in {city}, {city2} and a dozen other cities.",
    "The move was welcomed by the {O2}. {p^} said the organisation had long argued for {thing} and would monitor how the money was spent.",
];

/// Lede templates; the dateline goes in front.
const LEDES: &[&str] = &[
    "{P} {announced} {rel} that {thing} will go ahead, ending months of uncertainty for {count} {counted} in {city} and the surrounding region.",
    "The {O} {action} {thing} {rel}, a decision that {p} said would affect {count} {counted} across {country} over the next {n} years.",
    "Thousands of people gathered in central {city} {rel} to protest against {thing}, which the {O} {action} earlier this month despite objections from {p}.",
    "{P} has defended {thing} after the {O} warned that it could cost up to {money}, nearly {pct} more than first planned.",
];

/// Words that open a lede.
const ANNOUNCED: &[&str] = &["announced", "confirmed", "said", "told parliament"];

/// One article being written.
pub struct Story<'r> {
    pub rng: &'r mut Rng,
    pub date: NaiveDate,
    pub field: Field,
    pub thing: &'static str,
    pub quotes: Quotes,
    pub city: usize,
    pub city2: usize,
    pub people: Vec<(Person, bool)>,
    pub orgs: Vec<(Org, bool)>,
    next_person: usize,
    /// The person mentioned last (`{s}` is their surname).
    last_person: usize,
    /// Paragraph templates used so far (none repeats until all have been used).
    used: Vec<usize>,
}

impl<'r> Story<'r> {
    /// Draws the cast of a story dated `date`: a lead person and two to four others,
    /// two or three organisations, and the places.
    pub fn cast(rng: &'r mut Rng, date: NaiveDate, quotes: Quotes) -> Story<'r> {
        let lead = world::person(rng.zipf(world::PEOPLE));
        let field = lead.field;
        let mut people = vec![(lead, false)];
        for _ in 0..rng.range(2, 4) {
            let p = world::person(rng.zipf(world::PEOPLE));
            if people.iter().all(|(q, _)| q.name != p.name) {
                people.push((p, false));
            }
        }
        let mut orgs: Vec<(Org, bool)> = vec![(people[0].0.org, false)];
        for _ in 0..rng.range(1, 2) {
            let o = if rng.chance(15) {
                Org::Global(rng.below(vocab::GLOBAL_ORGS.len()))
            } else {
                let id = world::org_at(rng.zipf(world::ORGS));
                Org::Invented(world::org_of_field(id, field))
            };
            if !orgs.iter().any(|(x, _)| *x == o) {
                orgs.push((o, false));
            }
        }
        let city = if rng.chance(50) {
            people[0].0.city
        } else {
            rng.zipf(CITIES.len())
        };
        let city2 = (city + 1 + rng.below(CITIES.len() - 1)) % CITIES.len();
        let thing = *rng.pick(vocab::topic(field).things);
        Story {
            rng,
            date,
            field,
            thing,
            quotes,
            city,
            city2,
            people,
            orgs,
            next_person: 0,
            last_person: 0,
            used: Vec::new(),
        }
    }

    /// The headline.
    pub fn headline(&mut self) -> String {
        let t = *self.rng.pick(vocab::HEADLINES);
        let mut s = String::new();
        let (org, _) = world::org_name(self.orgs[0].0);
        let org2 = world::org_name(self.orgs[self.orgs.len() - 1].0).1;
        let topic = vocab::topic(self.field);
        fill(t, &mut s, |key, out| match key {
            "Org" => out.push_str(&org),
            "org2" => out.push_str(&org2),
            "action" => out.push_str(self.rng.pick::<&str>(topic.actions)),
            "thing" => out.push_str(self.thing.trim_start_matches("the ")),
            "Thing" => out.push_str(&capitalise(self.thing)),
            "surname" => out.push_str(&self.people[0].0.surname),
            "place" => out.push_str(CITIES[self.city].0),
            "counted" => out.push_str(self.rng.pick::<&str>(topic.counted)),
            "n" => out.push_str(self.rng.pick::<&str>(NUMBER_WORDS)),
            _ => {}
        });
        capitalise(&s)
    }

    /// The dateline that opens the lede (`LISBON, March 7 (Meridian News) -`).
    pub fn dateline(&mut self) -> String {
        let city = CITIES[self.city].0.to_uppercase();
        match self.rng.below(3) {
            0 => format!(
                "{city}, {} {} ({}) -",
                MONTHS[self.date.month0() as usize],
                self.date.day(),
                self.rng.pick(vocab::AGENCIES)
            ),
            1 => format!("{city} —"),
            _ => format!(
                "{city}, {} {} -",
                MONTHS[self.date.month0() as usize],
                self.date.day()
            ),
        }
    }

    /// The lede paragraph, dateline first.
    pub fn lede(&mut self) -> String {
        let t = *self.rng.pick(LEDES);
        let dateline = self.dateline();
        format!("{dateline} {}", capitalise(&self.expand(t)))
    }

    /// A body paragraph: a template, a quote or indirect speech.
    pub fn paragraph(&mut self) -> String {
        match self.rng.below(10) {
            0..=2 => self.quote(),
            3 => {
                let who = self.subject_mention();
                let t = *self.rng.pick(CLAIMS);
                let claim = self.expand(t);
                capitalise(&format!("{who} said {claim}."))
            }
            _ => {
                if self.used.len() == PARAGRAPHS.len() {
                    self.used.clear();
                }
                let mut t = self.rng.below(PARAGRAPHS.len());
                while self.used.contains(&t) {
                    t = (t + 1) % PARAGRAPHS.len();
                }
                self.used.push(t);
                capitalise(&self.expand(PARAGRAPHS[t]))
            }
        }
    }

    /// A paragraph with a direct quote in the story's quotation style.
    fn quote(&mut self) -> String {
        let (t, t2) = (*self.rng.pick(QUOTES), *self.rng.pick(QUOTES));
        let q = capitalise(&self.expand(t));
        let q2 = capitalise(&self.expand(t2));
        let (open, close) = match self.quotes {
            Quotes::Curly => ("“", "”"),
            Quotes::Straight => ("\"", "\""),
            Quotes::Markless => ("", ""),
        };
        let form = self.rng.below(4);
        let who = self.speaker_mention();
        match form {
            0 => format!("{open}{q},{close} {who} said."),
            1 => format!("{open}{q},{close} said {who}. {open}{q2}.{close}"),
            2 => format!(
                "{open}{q},{close} {who} told reporters in {} {}.",
                CITIES[self.city].0,
                self.relative()
            ),
            _ => format!("{who} said: {open}{q}.{close}"),
        }
    }

    /// The next person of the cast, introduced on first mention; `subject` allows an
    /// appositive role (`Ana Ferreira, the chief executive of the NWA,`).
    fn mention(&mut self, subject: bool) -> String {
        let i = self.next_person % self.people.len();
        self.next_person += 1;
        self.last_person = i;
        let (p, introduced) = self.people[i].clone();
        if introduced {
            return p.surname.to_string();
        }
        self.people[i].1 = true;
        if let Some(t) = p.title {
            return format!("{t} {}", p.name);
        }
        let role = p.role.unwrap_or("spokesperson");
        let org = self.org_mention(p.org);
        if subject {
            if self.rng.chance(30) {
                format!("{}, {}, a {role} at {org},", p.name, p.age)
            } else {
                format!("{}, the {role} of {org},", p.name)
            }
        } else {
            format!("{} of {org}", p.name)
        }
    }

    fn subject_mention(&mut self) -> String {
        self.mention(true)
    }

    /// A speaker after `said`: no appositive comma at the end.
    fn speaker_mention(&mut self) -> String {
        let m = self.mention(false);
        m.trim_end_matches(',').to_string()
    }

    /// `the Northern Water Port Authority (NWPA)` first, `the NWPA` after.
    fn org_mention(&mut self, org: Org) -> String {
        let (name, acronym) = world::org_name(org);
        match self.orgs.iter_mut().find(|(o, _)| *o == org) {
            Some((_, true)) => format!("the {acronym}"),
            Some((_, seen)) => {
                *seen = true;
                format!("the {name} ({acronym})")
            }
            None => {
                self.orgs.push((org, true));
                format!("the {name} ({acronym})")
            }
        }
    }

    /// A relative date expression.
    fn relative(&mut self) -> String {
        match self.rng.below(8) {
            0 => format!(
                "on {}",
                WEEKDAYS[self.date.weekday().num_days_from_monday() as usize]
            ),
            1 => "last week".into(),
            2 => "yesterday".into(),
            3 => "earlier this month".into(),
            4 => format!("on {}", self.rng.pick(WEEKDAYS)),
            5 => "two days ago".into(),
            6 => "this week".into(),
            _ => "last month".into(),
        }
    }

    /// A date in the past written out (`on March 3`, `on 12 May 2019`).
    fn absolute(&mut self) -> String {
        let d = self.date - Duration::days(self.rng.range(3, 700) as i64);
        let month = MONTHS[d.month0() as usize];
        match self.rng.below(3) {
            0 if d.year() == self.date.year() => format!("on {month} {}", d.day()),
            1 => format!("on {} {month} {}", d.day(), d.year()),
            _ => format!("on {month} {}, {}", d.day(), d.year()),
        }
    }

    /// A future time (`next month`, `by the end of 2026`).
    fn future(&mut self) -> String {
        match self.rng.below(5) {
            0 => "next month".into(),
            1 => format!("by the end of {}", self.date.year() + 1),
            2 => format!("within {} weeks", self.rng.pick(NUMBER_WORDS)),
            3 => format!("in {}", MONTHS[self.rng.below(12)]),
            _ => "later this year".into(),
        }
    }

    fn count(&mut self) -> String {
        let n = match self.rng.below(4) {
            0 => self.rng.range(12, 950),
            1 => self.rng.range(1, 99) * 100,
            2 => self.rng.range(1_000, 90_000),
            _ => self.rng.range(100, 999) * 1000,
        };
        let s = thousands(n);
        match self.rng.below(5) {
            0 => format!("more than {s}"),
            1 => format!("about {s}"),
            _ => s,
        }
    }

    fn money(&mut self) -> String {
        let sym = *self.rng.pick(&["$", "€", "£"]);
        match self.rng.below(4) {
            0 => format!(
                "{sym}{}.{} million",
                self.rng.range(1, 950),
                self.rng.below(10)
            ),
            1 => format!(
                "{sym}{}.{} billion",
                self.rng.range(1, 40),
                self.rng.below(10)
            ),
            2 => format!("{sym}{}", thousands(self.rng.range(10, 999) * 1000)),
            _ => format!("{} million euros", self.rng.range(2, 900)),
        }
    }

    fn percent(&mut self) -> String {
        match self.rng.below(3) {
            0 => format!("{}%", self.rng.range(1, 90)),
            1 => format!("{}.{} percent", self.rng.range(1, 60), self.rng.below(10)),
            _ => format!("{} per cent", self.rng.range(2, 75)),
        }
    }

    /// Fills the slots of a template.
    fn expand(&mut self, template: &str) -> String {
        let mut out = String::with_capacity(template.len() * 2);
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let close = open + rest[open..].find('}').unwrap_or(0);
            let key = &rest[open + 1..close];
            let (key, cap) = match key.strip_suffix('^') {
                Some(k) => (k, true),
                None => (key, false),
            };
            let value = self.slot(key);
            out.push_str(&if cap { capitalise(&value) } else { value });
            rest = &rest[close + 1..];
        }
        out.push_str(rest);
        out
    }

    fn slot(&mut self, key: &str) -> String {
        let topic = vocab::topic(self.field);
        let year = self.date.year();
        match key {
            "P" => self.subject_mention(),
            "p" => self.speaker_mention(),
            "s" => self.people[self.last_person].0.surname.to_string(),
            "s_pron" => "they".into(),
            "O" | "O2" => {
                let i = if key == "O" { 0 } else { self.orgs.len() - 1 };
                let m = self.org_mention(self.orgs[i].0);
                m.trim_start_matches("the ").to_string()
            }
            "thing" => self.thing.into(),
            "Thing" => capitalise(self.thing),
            "action" => (*self.rng.pick(topic.actions)).into(),
            "announced" => (*self.rng.pick(ANNOUNCED)).into(),
            "counted" => (*self.rng.pick(topic.counted)).into(),
            "city" | "place" => CITIES[self.city].0.into(),
            "city2" => CITIES[self.city2].0.into(),
            "country" => CITIES[self.city].1.into(),
            "adj" => CITIES[self.city].2.into(),
            "currency" => format!("{} currency", CITIES[self.city].2),
            "rel" => self.relative(),
            "abs_date" => self.absolute(),
            "future" => self.future(),
            "weekday" => (*self.rng.pick(WEEKDAYS)).into(),
            "month" => (*self.rng.pick(MONTHS)).into(),
            "year_past" => (year - self.rng.range(2, 15) as i32).to_string(),
            "year_recent" => (year - 1).to_string(),
            "year_next" => (year + 1).to_string(),
            "n" => (*self.rng.pick(NUMBER_WORDS)).into(),
            "count" | "count2" => self.count(),
            "money" | "money2" => self.money(),
            "pct" | "pct2" => self.percent(),
            "more_or_less" => (*self.rng.pick(&["more", "less"])).into(),
            "role_word" => (*self
                .rng
                .pick(&["spokesperson", "finance director", "chair"]))
            .into(),
            "org" => format!("the {}", world::org_name(self.orgs[0].0).1),
            "claim" => {
                let t = *self.rng.pick(CLAIMS);
                self.expand(t)
            }
            "year_old" => (year - self.rng.range(15, 80) as i32).to_string(),
            _ => String::new(),
        }
    }
}

/// Fills `{key}` slots of `template` into `out` with `f`.
fn fill(template: &str, out: &mut String, mut f: impl FnMut(&str, &mut String)) {
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let close = open + rest[open..].find('}').unwrap_or(0);
        f(&rest[open + 1..close], out);
        rest = &rest[close + 1..];
    }
    out.push_str(rest);
}

/// `s` with its first letter in upper case.
pub fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// `12345` → `12,345`.
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    out
}
