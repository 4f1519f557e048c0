//! The header: what a backup is, how its key is derived, and the checks that tell a damaged
//! file, a newer one and a wrong passphrase apart. Its layout is in the crate's documentation.

use std::io::Read;

use sha2::{Digest, Sha256};

use crate::chunks::{NONCE_PREFIX_LEN, read_up_to};
use crate::kdf::{SALT_LEN, VERIFIER_LEN};
use crate::{Error, KdfParams, Result};

/// The first bytes of every backup.
pub(crate) const MAGIC: &[u8; 16] = b"BANKBOOK-BACKUP\0";
/// The format this crate writes, and the newest it reads.
pub(crate) const FORMAT_VERSION: u8 = 1;
/// Bytes of the whole header, checksum included: the content starts there.
pub(crate) const HEADER_LEN: usize = CHECKSUM_AT + CHECKSUM_LEN;

const VERSION_AT: usize = MAGIC.len();
const MEMORY_AT: usize = VERSION_AT + 1;
const ITERATIONS_AT: usize = MEMORY_AT + 4;
const PARALLELISM_AT: usize = ITERATIONS_AT + 4;
const SALT_AT: usize = PARALLELISM_AT + 4;
const NONCE_PREFIX_AT: usize = SALT_AT + SALT_LEN;
const VERIFIER_AT: usize = NONCE_PREFIX_AT + NONCE_PREFIX_LEN;
const CHECKSUM_AT: usize = VERIFIER_AT + VERIFIER_LEN;
const CHECKSUM_LEN: usize = 32;

/// The header's fields. Encoded, it is also the associated data of every chunk, so that no
/// byte of it can be changed without the content failing to decrypt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Header {
    pub(crate) params: KdfParams,
    pub(crate) salt: [u8; SALT_LEN],
    pub(crate) nonce_prefix: [u8; NONCE_PREFIX_LEN],
    pub(crate) verifier: [u8; VERIFIER_LEN],
}

impl Header {
    pub(crate) fn to_bytes(&self) -> [u8; HEADER_LEN] {
        let mut bytes = [0; HEADER_LEN];
        bytes[..VERSION_AT].copy_from_slice(MAGIC);
        bytes[VERSION_AT] = FORMAT_VERSION;
        bytes[MEMORY_AT..ITERATIONS_AT].copy_from_slice(&self.params.memory_kib.to_le_bytes());
        bytes[ITERATIONS_AT..PARALLELISM_AT].copy_from_slice(&self.params.iterations.to_le_bytes());
        bytes[PARALLELISM_AT..SALT_AT].copy_from_slice(&self.params.parallelism.to_le_bytes());
        bytes[SALT_AT..NONCE_PREFIX_AT].copy_from_slice(&self.salt);
        bytes[NONCE_PREFIX_AT..VERIFIER_AT].copy_from_slice(&self.nonce_prefix);
        bytes[VERIFIER_AT..CHECKSUM_AT].copy_from_slice(&self.verifier);
        let checksum = Sha256::digest(&bytes[..CHECKSUM_AT]);
        bytes[CHECKSUM_AT..].copy_from_slice(&checksum);
        bytes
    }

    /// Reads the header from the start of `sealed`, leaving it at the first chunk. Checks, in
    /// this order: the magic (`NotABackup`), the version (`NewerVersion`: a newer header may be
    /// laid out otherwise, so nothing after it is read), the checksum, then the bounds of the
    /// key derivation parameters, so that a forged header is refused before Argon2 runs.
    pub(crate) fn read_from(sealed: &mut impl Read) -> Result<Self> {
        let mut bytes = [0; HEADER_LEN];

        let (magic, rest) = bytes.split_at_mut(VERSION_AT);
        let magic_read = read_up_to(sealed, magic)?;
        if magic_read == 0 || magic[..magic_read] != MAGIC[..magic_read] {
            return Err(Error::NotABackup);
        }
        // The start of a backup, cut short.
        if magic_read < MAGIC.len() {
            return Err(Error::Damaged("header"));
        }

        let (version, rest) = rest.split_at_mut(1);
        if read_up_to(sealed, version)? == 0 {
            return Err(Error::Damaged("header"));
        }
        match version[0] {
            FORMAT_VERSION => {}
            newer if newer > FORMAT_VERSION => return Err(Error::NewerVersion(newer)),
            _ => return Err(Error::Damaged("header")),
        }

        if read_up_to(sealed, rest)? < rest.len() {
            return Err(Error::Damaged("header"));
        }
        let checksum = Sha256::digest(&bytes[..CHECKSUM_AT]);
        if checksum.as_slice() != &bytes[CHECKSUM_AT..] {
            return Err(Error::Damaged("header"));
        }

        let header = Self {
            params: KdfParams {
                memory_kib: u32_at(&bytes, MEMORY_AT),
                iterations: u32_at(&bytes, ITERATIONS_AT),
                parallelism: u32_at(&bytes, PARALLELISM_AT),
            },
            salt: array_at(&bytes, SALT_AT),
            nonce_prefix: array_at(&bytes, NONCE_PREFIX_AT),
            verifier: array_at(&bytes, VERIFIER_AT),
        };
        if !header.params.within_bounds() {
            return Err(Error::Damaged("key derivation parameters"));
        }
        Ok(header)
    }
}

fn u32_at(bytes: &[u8; HEADER_LEN], at: usize) -> u32 {
    u32::from_le_bytes(array_at(bytes, at))
}

/// The `N` bytes at `at`; every caller's range lies inside the header.
fn array_at<const N: usize>(bytes: &[u8; HEADER_LEN], at: usize) -> [u8; N] {
    let mut array = [0; N];
    array.copy_from_slice(&bytes[at..at + N]);
    array
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    pub(crate) fn sample() -> Header {
        Header {
            params: KdfParams::MINIMUM,
            salt: [1; SALT_LEN],
            nonce_prefix: [2; NONCE_PREFIX_LEN],
            verifier: [3; VERIFIER_LEN],
        }
    }

    /// `header` with its checksum made right again after a change: a forgery, not damage.
    pub(crate) fn with_checksum_fixed(mut header: [u8; HEADER_LEN]) -> [u8; HEADER_LEN] {
        let checksum = Sha256::digest(&header[..CHECKSUM_AT]);
        header[CHECKSUM_AT..].copy_from_slice(&checksum);
        header
    }

    fn read(bytes: &[u8]) -> Result<Header> {
        Header::read_from(&mut &bytes[..])
    }

    #[test]
    fn the_layout_is_the_documented_one() {
        let bytes = sample().to_bytes();
        assert_eq!(HEADER_LEN, 128);
        assert_eq!(&bytes[0..16], b"BANKBOOK-BACKUP\0");
        assert_eq!(bytes[16], 1);
        assert_eq!(bytes[17..21], 8192_u32.to_le_bytes());
        assert_eq!(bytes[21..25], 1_u32.to_le_bytes());
        assert_eq!(bytes[25..29], 1_u32.to_le_bytes());
        assert_eq!(bytes[29..45], [1; 16]);
        assert_eq!(bytes[45..64], [2; 19]);
        assert_eq!(bytes[64..96], [3; 32]);
        assert_eq!(bytes[96..128], *Sha256::digest(&bytes[..96]));
    }

    #[test]
    fn a_header_reads_back_as_written_and_leaves_the_rest() -> Result<()> {
        let mut file = sample().to_bytes().to_vec();
        file.extend_from_slice(b"content");
        let mut reader = &file[..];
        assert_eq!(Header::read_from(&mut reader)?, sample());
        assert_eq!(reader, b"content");
        Ok(())
    }

    #[test]
    fn other_files_are_not_backups() {
        for other in [
            &b""[..],
            b"SQLite format 3\0 and the rest of a database",
            b"x",
            b"BANKBOOK-BACKUP!",
            b"bankbook-backup\0",
        ] {
            assert!(matches!(read(other), Err(Error::NotABackup)), "{other:?}");
        }
    }

    #[test]
    fn a_header_cut_short_is_damaged() {
        let bytes = sample().to_bytes();
        for len in 1..HEADER_LEN {
            assert!(
                matches!(read(&bytes[..len]), Err(Error::Damaged("header"))),
                "cut at {len}"
            );
        }
    }

    #[test]
    fn a_newer_format_is_told_as_such_whatever_follows() {
        let mut bytes = sample().to_bytes();
        bytes[VERSION_AT] = 2;
        assert!(matches!(read(&bytes), Err(Error::NewerVersion(2))));
        assert!(matches!(
            read(&bytes[..=VERSION_AT]),
            Err(Error::NewerVersion(2))
        ));
        bytes[VERSION_AT] = 0;
        assert!(matches!(read(&bytes), Err(Error::Damaged("header"))));
    }

    #[test]
    fn a_changed_byte_fails_the_checksum() {
        let bytes = sample().to_bytes();
        for at in MEMORY_AT..HEADER_LEN {
            let mut changed = bytes;
            changed[at] ^= 0x10;
            assert!(
                matches!(read(&changed), Err(Error::Damaged("header"))),
                "byte {at}"
            );
        }
    }

    #[test]
    fn forged_parameters_out_of_bounds_are_damage() {
        for (at, value) in [
            (MEMORY_AT, 4 * 1024 * 1024),
            (MEMORY_AT, u32::MAX),
            (MEMORY_AT, 1024),
            (ITERATIONS_AT, 0),
            (ITERATIONS_AT, 1_000_000),
            (PARALLELISM_AT, 0),
            (PARALLELISM_AT, 64),
        ] {
            let mut forged = sample().to_bytes();
            forged[at..at + 4].copy_from_slice(&u32::to_le_bytes(value));
            assert!(
                matches!(
                    read(&with_checksum_fixed(forged)),
                    Err(Error::Damaged("key derivation parameters"))
                ),
                "{value} at {at}"
            );
        }
    }
}
