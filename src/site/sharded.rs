//! A hash map split into shared shards: cloning it copies 64 pointers, and a
//! change copies only the shard it touches. The dev server patches a few keys of
//! tables of tens of thousands after each edit, while the site being served keeps
//! the old ones.

use std::borrow::Borrow;
use std::hash::{BuildHasher, Hash};
use std::sync::Arc;

use crate::extract::knowledge::hash::FastMap;

const SHARDS: usize = 64;

#[derive(Clone)]
pub struct Sharded<K, V> {
    shards: Vec<Arc<FastMap<K, V>>>,
}

impl<K, V> std::fmt::Debug for Sharded<K, V> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let len: usize = self.shards.iter().map(|s| s.len()).sum();
        write!(f, "Sharded {{ {len} entries }}")
    }
}

impl<K, V> Default for Sharded<K, V> {
    fn default() -> Self {
        Sharded {
            shards: (0..SHARDS).map(|_| Arc::new(FastMap::default())).collect(),
        }
    }
}

impl<K: Hash + Eq + Clone, V: Clone> Sharded<K, V> {
    /// The shard of a key: bits of its hash mixed, so that a shard's keys do not
    /// share the bits its own table places them by.
    fn shard<Q: Hash + ?Sized>(&self, key: &Q) -> usize {
        let h = self.shards[0].hasher().hash_one(key);
        (h.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 58) as usize % SHARDS
    }

    pub fn get<Q>(&self, key: &Q) -> Option<&V>
    where
        K: Borrow<Q>,
        Q: Hash + Eq + ?Sized,
    {
        self.shards[self.shard(key)].get(key)
    }

    pub fn contains_key<Q>(&self, key: &Q) -> bool
    where
        K: Borrow<Q>,
        Q: Hash + Eq + ?Sized,
    {
        self.get(key).is_some()
    }

    /// The shard holding `key`, made this map's own (copied if shared) only when
    /// the key is there: a miss copies nothing.
    fn own_shard_of<Q>(&mut self, key: &Q) -> Option<&mut FastMap<K, V>>
    where
        K: Borrow<Q>,
        Q: Hash + Eq + ?Sized,
    {
        let s = self.shard(key);
        if !self.shards[s].contains_key(key) {
            return None;
        }
        Some(Arc::make_mut(&mut self.shards[s]))
    }

    pub fn get_mut<Q>(&mut self, key: &Q) -> Option<&mut V>
    where
        K: Borrow<Q>,
        Q: Hash + Eq + ?Sized,
    {
        self.own_shard_of(key)?.get_mut(key)
    }

    pub fn insert(&mut self, key: K, value: V) -> Option<V> {
        let s = self.shard(&key);
        Arc::make_mut(&mut self.shards[s]).insert(key, value)
    }

    pub fn remove<Q>(&mut self, key: &Q) -> Option<V>
    where
        K: Borrow<Q>,
        Q: Hash + Eq + ?Sized,
    {
        self.own_shard_of(key)?.remove(key)
    }

    /// The value at `key`, inserted with `make` if missing.
    pub fn entry_or_insert_with(&mut self, key: K, make: impl FnOnce() -> V) -> &mut V {
        let s = self.shard(&key);
        Arc::make_mut(&mut self.shards[s])
            .entry(key)
            .or_insert_with(make)
    }

    pub fn iter(&self) -> impl Iterator<Item = (&K, &V)> {
        self.shards.iter().flat_map(|s| s.iter())
    }

    pub fn keys(&self) -> impl Iterator<Item = &K> {
        self.iter().map(|(k, _)| k)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_clone_shares_what_a_change_leaves_alone() {
        let mut a: Sharded<String, u32> = Sharded::default();
        for i in 0..1000 {
            a.insert(format!("k{i}"), i);
        }
        let mut b = a.clone();
        b.insert("k1".into(), 7);
        b.remove("k2");
        *b.entry_or_insert_with("new".into(), || 0) += 3;
        assert_eq!(a.get("k1"), Some(&1));
        assert_eq!(b.get("k1"), Some(&7));
        assert_eq!((a.get("k2"), b.get("k2")), (Some(&2), None));
        assert_eq!((a.iter().count(), b.iter().count()), (1000, 1000));
        assert_eq!(b.get("new"), Some(&3));
        let shared = a
            .shards
            .iter()
            .zip(&b.shards)
            .filter(|(x, y)| Arc::ptr_eq(x, y))
            .count();
        assert!(shared >= SHARDS - 3, "{shared} shards shared");
        // Keys spread over the shards.
        assert!(a.shards.iter().all(|s| s.len() > 5));
    }
}
