//! A fast hasher for the gazetteer tables.
//!
//! The extractor looks up several short keys per capitalised word, so the standard
//! library's DoS-resistant SipHash shows up in profiles. The keys come from the
//! embedded tables and the article text, and a slow lookup is the worst an adversarial
//! text can cause, so the multiply-rotate hash of rustc (`FxHash`) is good enough.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// `HashMap` with [`FxHasher`].
pub type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;
/// `HashSet` with [`FxHasher`].
pub type FastSet<K> = HashSet<K, BuildHasherDefault<FxHasher>>;

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

/// The hash function of rustc: word-at-a-time multiply and rotate.
#[derive(Clone, Copy, Default)]
pub struct FxHasher {
    hash: u64,
}

impl FxHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut word = [0u8; 8];
            word[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(word));
        }
    }

    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    #[inline]
    fn finish(&self) -> u64 {
        self.hash
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_find_what_was_inserted() {
        let mut map: FastMap<String, u32> = FastMap::default();
        for (i, w) in ["iraq", "united states", "a", "longer key than eight"]
            .iter()
            .enumerate()
        {
            map.insert((*w).to_string(), i as u32);
        }
        assert_eq!(map.get("united states"), Some(&1));
        assert_eq!(map.get("longer key than eight"), Some(&3));
        assert_eq!(map.get("syria"), None);
    }
}
