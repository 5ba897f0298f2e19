//! A 128-bit fingerprint of some bytes, to tell them from other bytes
//! without keeping them: two SipHash-1-3 hashes with fixed keys, the same
//! for the same bytes in every run of this program (and only this one
//! reads what it kept). Not a defence against someone choosing bytes to
//! collide; nothing here compares bytes an adversary picks against bytes
//! it does not see.

use std::hash::{Hash, Hasher};

/// The fingerprint of `bytes`.
pub fn of(bytes: &[u8]) -> u128 {
    let half = |prefix: u8| {
        let mut hasher = std::hash::DefaultHasher::new();
        prefix.hash(&mut hasher);
        bytes.hash(&mut hasher);
        hasher.finish()
    };
    (u128::from(half(0)) << 64) | u128::from(half(1))
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_same_bytes_have_the_same_fingerprint_and_others_another() {
        assert_eq!(super::of("正文".as_bytes()), super::of("正文".as_bytes()));
        assert_ne!(super::of("正文".as_bytes()), super::of("正文。".as_bytes()));
        assert_ne!(super::of(b""), super::of(b"\0"));
    }
}
