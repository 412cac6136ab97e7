//! A table of short words, looked up by their bytes packed into one integer.
//!
//! The extractors look a word up in a lexicon at nearly every token (the quote
//! lexicon at all of them). A word of up to [`PACKED`] bytes is packed, with its
//! length, into a `u128`, lower-cased eight bytes at a time when asked, and found by
//! one multiply and integer compares: no string hash, no `memcmp`. Longer words go to
//! an ordinary map.

use super::FastMap;

/// The longest word that is packed; the byte after it holds the length.
pub const PACKED: usize = 15;

const LO: u128 = u128::from_ne_bytes([0x01; 16]);
const HI: u128 = u128::from_ne_bytes([0x80; 16]);

/// Words to values, by exact bytes or ASCII case-insensitively ([`WordTable::get_ascii_lower`]).
#[derive(Clone, Debug)]
pub struct WordTable<V> {
    /// Open addressing, linear probing; 0 is an empty slot (no packed key is 0:
    /// its top byte is the word's length, and no word is empty).
    keys: Box<[u128]>,
    values: Box<[V]>,
    shift: u32,
    len: usize,
    /// Words longer than [`PACKED`] bytes.
    long: FastMap<Box<[u8]>, V>,
}

impl<V: Copy + Default> Default for WordTable<V> {
    fn default() -> Self {
        WordTable::with_capacity(0)
    }
}

/// `word` packed: its bytes from the low end, its length in the top byte.
///
/// Read in at most four loads, overlapping (the same bytes land in the same places),
/// instead of a copy of a variable length.
#[inline]
fn pack(word: &[u8]) -> Option<u128> {
    let n = word.len();
    let load8 = |at: usize| u64::from_le_bytes(word[at..at + 8].try_into().expect("8 bytes"));
    let load4 = |at: usize| u32::from_le_bytes(word[at..at + 4].try_into().expect("4 bytes"));
    let (lo, hi) = match n {
        0 => return None,
        1..=3 => {
            let b = |i: usize| u64::from(word[i]) << (8 * i);
            (b(0) | b(n / 2) | b(n - 1), 0)
        }
        4..=7 => {
            let tail = u64::from(load4(n - 4)) << (8 * (n - 4));
            (u64::from(load4(0)) | tail, 0)
        }
        8 => (load8(0), 0),
        9..=PACKED => (load8(0), load8(n - 8) >> (8 * (16 - n))),
        _ => return None,
    };
    Some(u128::from(lo) | u128::from(hi) << 64 | (n as u128) << 120)
}

/// ASCII capitals of a packed ASCII word in lower case: each byte in `A..=Z` gets
/// 0x20 added (no sum carries into the next byte: all are below 0x80).
#[inline]
fn ascii_lower(x: u128) -> u128 {
    let upper = (x + LO * 0x3F) & !(x + LO * 0x25) & HI;
    x + (upper >> 2)
}

impl<V: Copy + Default> WordTable<V> {
    /// An empty table with room for `n` words.
    pub fn with_capacity(n: usize) -> WordTable<V> {
        // At most half full.
        let size = (2 * n).next_power_of_two().max(16);
        WordTable {
            keys: vec![0; size].into(),
            values: vec![V::default(); size].into(),
            shift: 128 - size.trailing_zeros(),
            len: 0,
            long: FastMap::default(),
        }
    }

    pub fn len(&self) -> usize {
        self.len + self.long.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    #[inline]
    fn slot(&self, key: u128) -> usize {
        // Multiply-shift over both halves folded: words differ in their first bytes.
        let folded = (key as u64) ^ ((key >> 64) as u64).rotate_left(29);
        let h = u128::from(folded.wrapping_mul(0x9E37_79B9_7F4A_7C15));
        ((h << 64) >> self.shift) as usize
    }

    #[inline]
    fn find(&self, key: u128) -> Option<V> {
        let mask = self.keys.len() - 1;
        let mut i = self.slot(key);
        loop {
            let k = self.keys[i];
            if k == key {
                return Some(self.values[i]);
            }
            if k == 0 {
                return None;
            }
            i = (i + 1) & mask;
        }
    }

    /// The value of `word` (its exact bytes) for updating, inserted as
    /// `V::default()` when it is new.
    pub fn entry(&mut self, word: &[u8]) -> &mut V {
        let Some(key) = pack(word) else {
            return self.long.entry(word.into()).or_default();
        };
        if 2 * (self.len + 1) > self.keys.len() {
            self.grow();
        }
        let mask = self.keys.len() - 1;
        let mut i = self.slot(key);
        while self.keys[i] != key && self.keys[i] != 0 {
            i = (i + 1) & mask;
        }
        if self.keys[i] == 0 {
            self.keys[i] = key;
            self.len += 1;
        }
        &mut self.values[i]
    }

    fn grow(&mut self) {
        let mut bigger = WordTable::with_capacity(self.keys.len());
        for (&k, &v) in self.keys.iter().zip(self.values.iter()) {
            if k != 0 {
                let mask = bigger.keys.len() - 1;
                let mut i = bigger.slot(k);
                while bigger.keys[i] != 0 {
                    i = (i + 1) & mask;
                }
                bigger.keys[i] = k;
                bigger.values[i] = v;
            }
        }
        self.keys = bigger.keys;
        self.values = bigger.values;
        self.shift = bigger.shift;
    }

    /// The value of `word`, by its exact bytes.
    #[inline]
    pub fn get(&self, word: &[u8]) -> Option<V> {
        match pack(word) {
            Some(key) => self.find(key),
            None => self.get_long(word),
        }
    }

    /// The value of `word` with its ASCII capitals in lower case (other bytes as
    /// they are).
    #[inline]
    pub fn get_ascii_lower(&self, word: &[u8]) -> Option<V> {
        match pack(word) {
            // The length byte is below 0x80 and no capital: only the word's bytes count.
            Some(key) if key & HI == 0 => self.find(ascii_lower(key)),
            _ => self.get_ascii_lower_slow(word),
        }
    }

    /// [`WordTable::get`] of a word too long to pack (kept out of the inlined path).
    #[cold]
    #[inline(never)]
    fn get_long(&self, word: &[u8]) -> Option<V> {
        if self.long.is_empty() {
            None
        } else {
            self.long.get(word).copied()
        }
    }

    /// [`WordTable::get_ascii_lower`] of a long or non-ASCII word.
    #[cold]
    #[inline(never)]
    fn get_ascii_lower_slow(&self, word: &[u8]) -> Option<V> {
        let mut buf = [0u8; PACKED];
        match buf.get_mut(..word.len()) {
            Some(lower) => {
                lower.copy_from_slice(word);
                lower.make_ascii_lowercase();
                self.get(lower)
            }
            None => self.get_long(&word.to_ascii_lowercase()),
        }
    }
}

impl<V: Copy + Default> FromIterator<(&'static str, V)> for WordTable<V> {
    fn from_iter<I: IntoIterator<Item = (&'static str, V)>>(items: I) -> Self {
        let mut t = WordTable::default();
        for (w, v) in items {
            *t.entry(w.as_bytes()) = v;
        }
        t
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words() -> Vec<String> {
        let mut w: Vec<String> = Vec::new();
        for a in 0..40u32 {
            for len in 1..=20 {
                let s: String = (0..len)
                    .map(|i| char::from(b'a' + ((a * 7 + i * 13) % 26) as u8))
                    .collect();
                w.push(s);
            }
        }
        w.extend(["é", "josé", "zoë", "a-b", "o'neil", "x\u{0}", "straße"].map(String::from));
        w.push("a".repeat(15));
        w.push("a".repeat(16));
        w.sort();
        w.dedup();
        w
    }

    #[test]
    fn finds_what_a_map_finds() {
        let all = words();
        let (inside, outside): (Vec<_>, Vec<_>) =
            all.iter().enumerate().partition(|(i, _)| i % 3 != 0);
        let mut table: WordTable<u32> = WordTable::default();
        let mut map = std::collections::HashMap::new();
        for (i, w) in &inside {
            *table.entry(w.as_bytes()) |= *i as u32 + 1;
            map.insert(w.to_string(), *i as u32 + 1);
        }
        assert_eq!(table.len(), map.len());
        for w in &all {
            assert_eq!(
                table.get(w.as_bytes()),
                map.get(w.as_str()).copied(),
                "{w:?}"
            );
            let upper = w.to_ascii_uppercase();
            assert_eq!(
                table.get_ascii_lower(upper.as_bytes()),
                map.get(w.as_str()).copied(),
                "{upper:?}"
            );
        }
        for (_, w) in outside {
            assert_eq!(table.get(w.as_bytes()), None);
        }
        // Case-sensitive by `get`; the empty word and a prefix are not found.
        assert_eq!(table.get(b""), None);
        assert_eq!(table.get_ascii_lower(b""), None);
    }

    #[test]
    fn lower_cases_exactly_the_ascii_capitals() {
        for a in 0..0x80u8 {
            for b in 0..0x80u8 {
                let word = [b'q', a, b, b'Z'];
                assert_eq!(
                    ascii_lower(pack(&word).unwrap()),
                    pack(&word.to_ascii_lowercase()).unwrap(),
                    "{word:?}"
                );
            }
        }
    }

    #[test]
    fn packs_as_a_copy_would() {
        let bytes: Vec<u8> = (0..64u32).map(|i| (i * 37 + 11) as u8).collect();
        for start in 0..16 {
            for n in 1..=PACKED {
                let word = &bytes[start..start + n];
                let mut buf = [0u8; 16];
                buf[..n].copy_from_slice(word);
                buf[15] = n as u8;
                assert_eq!(pack(word), Some(u128::from_le_bytes(buf)), "{word:?}");
            }
        }
        assert_eq!(pack(b""), None);
        assert_eq!(pack(&bytes[..PACKED + 1]), None);
    }

    #[test]
    fn words_differing_in_length_or_a_trailing_nul_differ() {
        let mut t: WordTable<u8> = WordTable::default();
        *t.entry(b"ab") = 1;
        assert_eq!(t.get(b"ab\0"), None);
        assert_eq!(t.get(b"a"), None);
        assert_eq!(t.get(b"ab"), Some(1));
    }
}
