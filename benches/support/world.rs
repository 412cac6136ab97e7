//! The invented world the articles are about: a seeded random source, and people
//! and organisations named by number.
//!
//! A person or organisation is an index into a large fixed pool; its name and
//! attributes are computed from the index, so no table is kept and the same index is
//! always the same person in every article. Which index an article mentions is drawn
//! from a Zipf-like distribution: a few people are in thousands of stories, most in
//! one or two, and the number of distinct people grows with the archive, as in a real
//! one.

use super::vocab::{
    self, CITIES, FIELDS, Field, GIVEN, GLOBAL_ORGS, ORG_ADJECTIVES, ORG_NOUNS, ROLES,
    SURNAME_ENDS, SURNAME_STARTS, SURNAMES, TITLES,
};

/// A small, fast, seeded random source (SplitMix64): the same seed gives the same
/// stream on every machine.
pub struct Rng(u64);

impl Rng {
    /// A source for the stream `stream` of `seed` (articles use their index).
    pub fn new(seed: u64, stream: u64) -> Rng {
        let mut r = Rng(seed ^ stream.wrapping_mul(0xA076_1D64_78BD_642F));
        r.next_u64();
        r
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        mix(self.0)
    }

    /// A number in `0..n` (`n > 0`).
    pub fn below(&mut self, n: usize) -> usize {
        (((self.next_u64() >> 11) as u128 * n as u128) >> 53) as usize
    }

    /// A number in `lo..=hi`.
    pub fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }

    /// True with probability `percent`/100.
    pub fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    /// A uniform number in `[0, 1)`.
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// One element of `items`.
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    /// A rank in `0..k` with probability close to proportional to `1/(rank+1)`
    /// (Zipf with exponent 1, by inverting the continuous distribution).
    pub fn zipf(&mut self, k: usize) -> usize {
        let r = ((k as f64 + 1.0).powf(self.unit())).floor() as usize;
        r.saturating_sub(1).min(k - 1)
    }
}

/// The SplitMix64 finaliser; also a hash of an index.
pub fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// How many family names there are: the real ones, then the invented ones.
const FAMILY_NAMES: usize = SURNAMES.len() + SURNAME_STARTS.len() * SURNAME_ENDS.len();
/// How many people the world has: every given name with every family name.
pub const PEOPLE: usize = GIVEN.len() * FAMILY_NAMES;
/// How many invented organisations it has.
pub const ORGS: usize = 36_000;

/// An invented person.
#[derive(Clone, Debug)]
pub struct Person {
    pub name: String,
    pub surname: String,
    /// A title before the name (`Finance Minister`) or a role after it (`chief executive`).
    pub title: Option<&'static str>,
    pub role: Option<&'static str>,
    pub field: Field,
    pub org: Org,
    pub city: usize,
    pub age: usize,
}

/// An organisation: invented (an index) or a real international one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Org {
    Invented(usize),
    Global(usize),
}

/// The person mentioned at Zipf rank `rank`.
pub fn person(rank: usize) -> Person {
    let id = rank.wrapping_mul(7919) % PEOPLE;
    let given = GIVEN[id % GIVEN.len()];
    let f = id / GIVEN.len();
    let surname: String = if f < SURNAMES.len() {
        SURNAMES[f].to_string()
    } else {
        let k = f - SURNAMES.len();
        let ends = SURNAME_ENDS.len();
        format!("{}{}", SURNAME_STARTS[k / ends], SURNAME_ENDS[k % ends])
    };
    let name = format!("{given} {surname}");
    let h = mix(id as u64 ^ 0x5EED);
    let (title, role, field) = if h % 5 < 2 {
        let (t, f) = TITLES[(h >> 8) as usize % TITLES.len()];
        (Some(t), None, f)
    } else {
        let (r, f) = ROLES[(h >> 8) as usize % ROLES.len()];
        (None, Some(r), f)
    };
    let org = if (h >> 20).is_multiple_of(10) {
        Org::Global((h >> 24) as usize % GLOBAL_ORGS.len())
    } else {
        Org::Invented(org_of_field((h >> 24) as usize % ORGS, field))
    };
    Person {
        name,
        surname,
        title,
        role,
        field,
        org,
        city: (h >> 40) as usize % CITIES.len(),
        age: 32 + (h >> 48) as usize % 40,
    }
}

/// The invented organisation at Zipf rank `rank`.
pub fn org_at(rank: usize) -> usize {
    rank.wrapping_mul(7919) % ORGS
}

/// An organisation index near `id` that belongs to `field`.
pub fn org_of_field(id: usize, field: Field) -> usize {
    let f = FIELDS.iter().position(|&x| x == field).unwrap_or(0);
    id % 3600 + f * 3600
}

/// The field of an invented organisation.
pub fn org_field(id: usize) -> Field {
    FIELDS[(id / 3600) % FIELDS.len()]
}

/// The name and acronym of an organisation.
pub fn org_name(org: Org) -> (String, String) {
    match org {
        Org::Global(i) => (GLOBAL_ORGS[i].0.to_string(), GLOBAL_ORGS[i].1.to_string()),
        Org::Invented(id) => {
            let (a, n) = (ORG_ADJECTIVES.len(), ORG_NOUNS.len());
            let adj = ORG_ADJECTIVES[id % a];
            let noun = ORG_NOUNS[(id / a) % n];
            let bodies = vocab::topic(org_field(id)).bodies;
            let body = bodies[(id / (a * n)) % bodies.len()];
            let name = format!("{adj} {noun} {body}");
            let acronym: String = name
                .split([' ', '-'])
                .filter_map(|w| w.chars().next())
                .filter(|c| c.is_uppercase())
                .collect();
            (name, acronym)
        }
    }
}
