//! The passphrase stretched by Argon2id into the content key and the passphrase verifier.

use std::io;

use argon2::{Algorithm, Argon2, Block, Params, Version};
use subtle::ConstantTimeEq;
use zeroize::{Zeroize, Zeroizing};

use crate::{Passphrase, Result};

/// Bytes of the salt stored in the header.
pub(crate) const SALT_LEN: usize = 16;
/// Bytes of the XChaCha20-Poly1305 key.
pub(crate) const KEY_LEN: usize = 32;
/// Bytes of the passphrase verifier stored in the header.
pub(crate) const VERIFIER_LEN: usize = 32;

/// Argon2id's cost, written into each backup's header: a later Bankbook can raise the
/// recommended cost and still open older backups.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KdfParams {
    /// Memory, in KiB.
    pub memory_kib: u32,
    /// Passes over the memory.
    pub iterations: u32,
    /// Lanes.
    pub parallelism: u32,
}

impl KdfParams {
    /// What backups are sealed with: 64 MiB, 3 passes, one lane (a fraction of a second on a
    /// laptop, once per backup or restore). One lane because the `argon2` crate is built
    /// without threads here: more lanes would be computed one after the other anyway.
    pub const RECOMMENDED: KdfParams = KdfParams {
        memory_kib: 64 * 1024,
        iterations: 3,
        parallelism: 1,
    };

    /// The cheapest parameters `open` accepts (8 MiB, 1 pass, 1 lane). For tests only, where
    /// the recommended cost would slow every test down: never for a person's backup.
    pub const MINIMUM: KdfParams = KdfParams {
        memory_kib: 8 * 1024,
        iterations: 1,
        parallelism: 1,
    };

    /// The dearest parameters `open` accepts: a forged or damaged header must not make the app
    /// allocate gigabytes or compute for minutes before saying the file is damaged.
    const MAXIMUM: KdfParams = KdfParams {
        memory_kib: 1024 * 1024,
        iterations: 20,
        parallelism: 16,
    };

    /// Whether a backup may have these parameters.
    pub(crate) fn within_bounds(self) -> bool {
        (Self::MINIMUM.memory_kib..=Self::MAXIMUM.memory_kib).contains(&self.memory_kib)
            && (Self::MINIMUM.iterations..=Self::MAXIMUM.iterations).contains(&self.iterations)
            && (Self::MINIMUM.parallelism..=Self::MAXIMUM.parallelism).contains(&self.parallelism)
    }
}

/// What Argon2id derives from the passphrase and the salt: 64 bytes, the first 32 the content
/// key (wiped when dropped), the last 32 the verifier stored in the header (it tells a wrong
/// passphrase from damaged content without decrypting anything).
pub(crate) struct DerivedKeys {
    content_key: Zeroizing<[u8; KEY_LEN]>,
    verifier: [u8; VERIFIER_LEN],
}

impl DerivedKeys {
    /// Runs Argon2id. `params` must be within bounds (checked by the caller: `seal` refuses
    /// others, and `open` calls them damaged before getting here).
    pub(crate) fn derive(
        passphrase: &Passphrase,
        params: KdfParams,
        salt: &[u8; SALT_LEN],
    ) -> Result<Self> {
        debug_assert!(params.within_bounds());
        let mut output = Zeroizing::new([0; KEY_LEN + VERIFIER_LEN]);
        let argon2_params = Params::new(
            params.memory_kib,
            params.iterations,
            params.parallelism,
            Some(output.len()),
        )
        .map_err(unexpected)?;
        // Argon2's memory is handed to it rather than allocated inside, so that it can be wiped
        // afterwards: its last blocks are enough to compute the output again. A failed
        // allocation is an error, not an abort.
        let block_count = argon2_params.block_count();
        let mut memory: Vec<Block> = Vec::new();
        memory
            .try_reserve_exact(block_count)
            .map_err(|_| io::Error::from(io::ErrorKind::OutOfMemory))?;
        memory.resize(block_count, Block::new());
        let hashed = Argon2::new(Algorithm::Argon2id, Version::V0x13, argon2_params)
            .hash_password_into_with_memory(
                passphrase.as_bytes(),
                salt,
                output.as_mut_slice(),
                memory.as_mut_slice(),
            );
        memory.zeroize();
        hashed.map_err(unexpected)?;

        let (key_part, verifier_part) = output.split_at(KEY_LEN);
        let mut keys = Self {
            content_key: Zeroizing::new([0; KEY_LEN]),
            verifier: [0; VERIFIER_LEN],
        };
        keys.content_key.copy_from_slice(key_part);
        keys.verifier.copy_from_slice(verifier_part);
        Ok(keys)
    }

    pub(crate) fn content_key(&self) -> &[u8; KEY_LEN] {
        &self.content_key
    }

    pub(crate) fn verifier(&self) -> &[u8; VERIFIER_LEN] {
        &self.verifier
    }

    /// Whether `stored` is this passphrase's verifier. In constant time: how many leading bytes
    /// matched is not told by how long the comparison took.
    pub(crate) fn verifies(&self, stored: &[u8; VERIFIER_LEN]) -> bool {
        self.verifier().ct_eq(stored).into()
    }
}

/// Argon2 refuses only parameters out of its own bounds (ours are narrower), a salt or an
/// output of the wrong length (constants here) and passphrases over 4 GiB: none can happen.
fn unexpected(error: argon2::Error) -> io::Error {
    io::Error::other(format!("Argon2id: {error}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn passphrase(text: &str) -> Passphrase {
        Passphrase::new(text.to_owned())
    }

    #[test]
    fn the_recommended_and_minimum_parameters_are_within_bounds() {
        assert!(KdfParams::RECOMMENDED.within_bounds());
        assert!(KdfParams::MINIMUM.within_bounds());
        assert!(KdfParams::MAXIMUM.within_bounds());
        assert_eq!(KdfParams::RECOMMENDED.memory_kib, 65_536);
        assert_eq!(KdfParams::RECOMMENDED.iterations, 3);
        assert_eq!(KdfParams::RECOMMENDED.parallelism, 1);
    }

    #[test]
    fn parameters_out_of_bounds_are_refused() {
        let base = KdfParams::MINIMUM;
        for params in [
            KdfParams {
                memory_kib: 8 * 1024 - 1,
                ..base
            },
            KdfParams {
                memory_kib: 1024 * 1024 + 1,
                ..base
            },
            KdfParams {
                memory_kib: 4 * 1024 * 1024,
                ..base
            },
            KdfParams {
                memory_kib: u32::MAX,
                ..base
            },
            KdfParams {
                iterations: 0,
                ..base
            },
            KdfParams {
                iterations: 21,
                ..base
            },
            KdfParams {
                parallelism: 0,
                ..base
            },
            KdfParams {
                parallelism: 17,
                ..base
            },
        ] {
            assert!(!params.within_bounds(), "{params:?}");
        }
    }

    #[test]
    fn the_same_passphrase_and_salt_derive_the_same_keys_and_others_do_not() -> Result<()> {
        let salt = [7; SALT_LEN];
        let first = DerivedKeys::derive(&passphrase("hunter2"), KdfParams::MINIMUM, &salt)?;
        let again = DerivedKeys::derive(&passphrase("hunter2"), KdfParams::MINIMUM, &salt)?;
        let other_passphrase =
            DerivedKeys::derive(&passphrase("hunter3"), KdfParams::MINIMUM, &salt)?;
        let other_salt = DerivedKeys::derive(&passphrase("hunter2"), KdfParams::MINIMUM, &[8; 16])?;

        assert_eq!(first.content_key(), again.content_key());
        assert!(first.verifies(again.verifier()));
        assert_ne!(first.content_key(), first.verifier());
        for other in [&other_passphrase, &other_salt] {
            assert_ne!(first.content_key(), other.content_key());
            assert!(!first.verifies(other.verifier()));
        }
        Ok(())
    }
}
