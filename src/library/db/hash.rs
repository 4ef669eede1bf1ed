//! A fast 64-bit hash of a file's bytes, to tell whether a file whose size or time
//! changed really has new contents (a copy or a `touch` keeps them). Not cryptographic:
//! it guards against accidents, not against an adversary, and is stable across versions
//! because it is written down here.

/// Hashes `bytes` eight at a time (multiply-xorshift rounds, then a final avalanche).
pub fn content_hash(bytes: &[u8]) -> u64 {
    const K: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut h: u64 = 0xCBF2_9CE4_8422_2325 ^ (bytes.len() as u64).wrapping_mul(K);
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        h = (h ^ u64::from_le_bytes(word)).wrapping_mul(K);
        h ^= h >> 29;
    }
    let mut last = [0u8; 8];
    let rest = chunks.remainder();
    if let Some(slot) = last.get_mut(..rest.len()) {
        slot.copy_from_slice(rest);
    }
    h = (h ^ u64::from_le_bytes(last)).wrapping_mul(K);
    // Final avalanche (MurmurHash3's fmix64): every input bit reaches every output bit.
    h ^= h >> 33;
    h = h.wrapping_mul(0xFF51_AFD7_ED55_8CCD);
    h ^= h >> 33;
    h = h.wrapping_mul(0xC4CE_B9FE_1A85_EC53);
    h ^ (h >> 33)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_bytes_hash_alike_and_one_change_differs() {
        let a = content_hash(b"Minister Anna Orlova: Hello.");
        assert_eq!(a, content_hash(b"Minister Anna Orlova: Hello."));
        assert_ne!(a, content_hash(b"Minister Anna Orlova: Hello!"));
        assert_ne!(content_hash(b""), content_hash(b"\0"));
        assert_ne!(content_hash(b"abcdefgh"), content_hash(b"abcdefgh\0"));
    }
}
