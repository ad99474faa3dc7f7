//! The word table: one lookup per token tells everything VADER's rules ask
//! of a lower-cased word (lexicon valence, booster value, negator, marker).
//! Words of up to 16 bytes, nearly all, are keyed by two integers (the
//! bytes padded with 0xFF, a byte UTF-8 never uses): a cheap hash and
//! compare, no pointer to follow. Longer words have their own map.

use super::words::Marker;
use rustc_hash::FxHashMap;

/// What VADER knows of a word.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Word {
    pub valence: Option<f64>,
    pub booster: Option<f64>,
    pub negator: bool,
    pub marker: Marker,
}

#[derive(Debug, Clone, Default)]
pub struct WordTable {
    short: FxHashMap<(u64, u64), Word>,
    long: FxHashMap<Box<[u8]>, Word>,
}

impl WordTable {
    /// The entry of a word, added if new.
    pub fn entry(&mut self, word: &str) -> &mut Word {
        let bytes = word.as_bytes();
        match pack(bytes) {
            Some(key) => self.short.entry(key).or_default(),
            None => self.long.entry(bytes.into()).or_default(),
        }
    }

    /// What is known of a lower-cased word (nothing for most words).
    pub fn get(&self, word: &[u8]) -> Word {
        let found = match pack(word) {
            Some(key) => self.short.get(&key),
            None => self.long.get(word),
        };
        found.copied().unwrap_or_default()
    }
}

fn pack(word: &[u8]) -> Option<(u64, u64)> {
    if word.len() > 16 {
        return None;
    }
    let mut padded = [0xFF; 16];
    for (to, from) in padded.iter_mut().zip(word) {
        *to = *from;
    }
    let (low, high) = padded.split_at(8);
    let half = |h: &[u8]| u64::from_le_bytes(h.try_into().expect("8 bytes"));
    Some((half(low), half(high)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_and_long_words() {
        let mut table = WordTable::default();
        table.entry("good").valence = Some(1.9);
        table.entry("extraordinarily-good").valence = Some(2.5);
        table.entry("no").marker = Marker::No;
        let cases: &[(&[u8], Option<f64>)] = &[
            (b"good", Some(1.9)),
            (b"goo", None),
            (b"good\0", None),
            (b"", None),
            (b"extraordinarily-good", Some(2.5)),
            (b"extraordinarily-goo", None),
        ];
        for (word, want) in cases {
            assert_eq!(table.get(word).valence, *want, "{word:?}");
        }
        assert_eq!(table.get(b"no").marker, Marker::No);
    }
}
