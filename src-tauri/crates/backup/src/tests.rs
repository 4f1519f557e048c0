//! The whole file: `seal` and `open` together, and damage anywhere in it. Argon2 runs with
//! [`KdfParams::MINIMUM`] (a fifth of a second in a debug build); the tests that damage a file
//! in many places derive its keys once and reuse them (see [`Sealed::reopened`]).

use std::time::{Duration, Instant};

use super::*;
use crate::chunks::{CHUNK_LEN, SEALED_CHUNK_LEN, TAG_LEN};
use crate::header::HEADER_LEN;
use crate::header::tests::with_checksum_fixed;

fn passphrase() -> Passphrase {
    Passphrase::new("correct horse battery staple".to_owned())
}

fn random_bytes(len: usize) -> Vec<u8> {
    let mut bytes = vec![0; len];
    rand::fill(&mut bytes[..]);
    bytes
}

fn opened(sealed: &[u8], passphrase: &Passphrase) -> Result<Vec<u8>> {
    let mut out = Vec::new();
    open(sealed, passphrase, &mut out)?;
    Ok(out)
}

/// A payload sealed with [`passphrase`], and the keys its header derives.
struct Sealed {
    payload: Vec<u8>,
    file: Vec<u8>,
    header: Header,
    keys: DerivedKeys,
}

impl Sealed {
    fn new(payload: Vec<u8>) -> Self {
        let salt = rand::random();
        let keys = DerivedKeys::derive(&passphrase(), KdfParams::MINIMUM, &salt).unwrap();
        let mut file = Vec::new();
        seal_with_keys(&payload[..], KdfParams::MINIMUM, salt, &keys, &mut file).unwrap();
        let header = Header::read_from(&mut &file[..]).unwrap();
        Self {
            payload,
            file,
            header,
            keys,
        }
    }

    /// Opens `damaged` (this file, changed) as [`open`] does, with this file's keys rather than
    /// Argon2 run again. The same thing as long as a changed header never reads as valid (any
    /// change to it must fail its checks), which this asserts.
    fn reopened(&self, damaged: &[u8]) -> Result<Vec<u8>> {
        let mut reader = damaged;
        let header = Header::read_from(&mut reader)?;
        assert_eq!(header, self.header, "a changed header was read as valid");
        let mut out = Vec::new();
        open_with_keys(&header, &self.keys, reader, &mut out)?;
        Ok(out)
    }

    /// Offsets worth damaging in a file of several chunks: its ends, and around every chunk's
    /// tag and end.
    fn places_around_chunk_ends(&self) -> Vec<usize> {
        let mut places = vec![HEADER_LEN, HEADER_LEN + 1, self.file.len() - 1];
        let mut chunk_end = HEADER_LEN + SEALED_CHUNK_LEN;
        while chunk_end < self.file.len() {
            places.extend([
                chunk_end - TAG_LEN - 1,
                chunk_end - TAG_LEN,
                chunk_end - 1,
                chunk_end,
                chunk_end + 1,
            ]);
            chunk_end += SEALED_CHUNK_LEN;
        }
        places.extend((HEADER_LEN..self.file.len()).step_by(19_997));
        places
    }
}

/// What damage at `at` must say: within the header, that the file is damaged, not a backup or
/// from a newer Bankbook (a changed version byte); within the chunks, that the content is
/// damaged. Never a wrong passphrase, never `Ok`.
fn assert_damage_told(result: &Result<Vec<u8>>, at: usize, what: &str) {
    let told = if at < HEADER_LEN {
        matches!(
            result,
            Err(Error::Damaged(_) | Error::NotABackup | Error::NewerVersion(_))
        )
    } else {
        matches!(result, Err(Error::Damaged("content")))
    };
    assert!(told, "{what} at {at}: {:?}", result.as_ref().map(Vec::len));
}

#[test]
fn payloads_of_the_edge_lengths_round_trip() {
    for len in [0, 1, CHUNK_LEN, CHUNK_LEN + 1, 3 * CHUNK_LEN] {
        let payload = random_bytes(len);
        let mut file = Vec::new();
        seal(&payload[..], &passphrase(), KdfParams::MINIMUM, &mut file).unwrap();
        let chunks = len / CHUNK_LEN + 1;
        assert_eq!(file.len(), HEADER_LEN + len + chunks * TAG_LEN, "{len}");
        assert_eq!(opened(&file, &passphrase()).unwrap(), payload, "{len}");
    }
}

#[test]
fn random_data_of_200_kib_round_trips() {
    let payload = random_bytes(200 * 1024);
    let mut file = Vec::new();
    seal(&payload[..], &passphrase(), KdfParams::MINIMUM, &mut file).unwrap();
    assert_eq!(opened(&file, &passphrase()).unwrap(), payload);
}

#[test]
fn a_wrong_passphrase_is_told_and_nothing_is_written() {
    let sealed = Sealed::new(random_bytes(100));
    for wrong in ["Correct horse battery staple", ""] {
        let mut out = Vec::new();
        let result = open(
            &sealed.file[..],
            &Passphrase::new(wrong.to_owned()),
            &mut out,
        );
        assert!(matches!(result, Err(Error::WrongPassphrase)), "{wrong:?}");
        assert!(out.is_empty(), "{wrong:?}");
    }
    assert_eq!(sealed.reopened(&sealed.file).unwrap(), sealed.payload);
}

#[test]
fn the_same_payload_sealed_twice_shares_no_salt_nonce_or_content() {
    let payload = random_bytes(100);
    let first = Sealed::new(payload.clone());
    let second = Sealed::new(payload);
    assert_ne!(first.header.salt, second.header.salt);
    assert_ne!(first.header.nonce_prefix, second.header.nonce_prefix);
    assert_ne!(first.header.verifier, second.header.verifier);
    assert_ne!(first.file[HEADER_LEN..], second.file[HEADER_LEN..]);
}

#[test]
fn a_small_file_cut_anywhere_is_an_error_and_within_the_chunks_is_damage() {
    let sealed = Sealed::new(random_bytes(100));
    for len in 0..sealed.file.len() {
        assert_damage_told(&sealed.reopened(&sealed.file[..len]), len, "cut");
    }
}

#[test]
fn a_file_of_several_chunks_cut_around_its_chunk_ends_is_damage() {
    let sealed = Sealed::new(random_bytes(2 * CHUNK_LEN + 100));
    for len in sealed.places_around_chunk_ends() {
        assert_damage_told(&sealed.reopened(&sealed.file[..len]), len, "cut");
    }
}

#[test]
fn every_bit_of_a_small_file_is_checked() {
    let sealed = Sealed::new(random_bytes(100));
    for at in 0..sealed.file.len() {
        for bit in 0..8 {
            let mut damaged = sealed.file.clone();
            damaged[at] ^= 1 << bit;
            assert_damage_told(&sealed.reopened(&damaged), at, &format!("bit {bit}"));
        }
    }
}

#[test]
fn a_changed_byte_around_the_chunk_ends_of_a_larger_file_is_damage() {
    let sealed = Sealed::new(random_bytes(2 * CHUNK_LEN + 100));
    for at in sealed.places_around_chunk_ends() {
        let mut damaged = sealed.file.clone();
        damaged[at] ^= 0x40;
        assert_damage_told(&sealed.reopened(&damaged), at, "changed");
    }
}

#[test]
fn bytes_after_the_last_chunk_are_damage() {
    for len in [0, 100, CHUNK_LEN] {
        let sealed = Sealed::new(random_bytes(len));
        for added in [1, TAG_LEN, SEALED_CHUNK_LEN] {
            let mut longer = sealed.file.clone();
            longer.extend(random_bytes(added));
            assert_damage_told(&sealed.reopened(&longer), longer.len() - 1, "added");
        }
    }
}

#[test]
fn forged_memory_of_4_gib_is_damage_found_before_argon2_runs() {
    let sealed = Sealed::new(Vec::new());
    let mut forged: [u8; HEADER_LEN] = sealed.file[..HEADER_LEN].try_into().unwrap();
    forged[17..21].copy_from_slice(&(4 * 1024 * 1024_u32).to_le_bytes());

    let started = Instant::now();
    let result = opened(&with_checksum_fixed(forged), &passphrase());
    assert!(matches!(
        result,
        Err(Error::Damaged("key derivation parameters"))
    ));
    // Argon2 over 4 GiB would take minutes in a debug build, if the memory could be had.
    assert!(started.elapsed() < Duration::from_secs(2));

    // Not forged, only damaged: the checksum tells first.
    assert!(matches!(
        opened(&forged, &passphrase()),
        Err(Error::Damaged("header"))
    ));
}

#[test]
fn forged_parameters_within_bounds_read_as_a_wrong_passphrase() {
    // Not damage (that fails the checksum) but a forgery: Argon2 runs and derives another
    // verifier, and a forgery cannot be told from a wrong passphrase.
    let sealed = Sealed::new(Vec::new());
    let mut forged: [u8; HEADER_LEN] = sealed.file[..HEADER_LEN].try_into().unwrap();
    forged[21..25].copy_from_slice(&2_u32.to_le_bytes());
    let mut file = with_checksum_fixed(forged).to_vec();
    file.extend_from_slice(&sealed.file[HEADER_LEN..]);
    assert!(matches!(
        opened(&file, &passphrase()),
        Err(Error::WrongPassphrase)
    ));
}

#[test]
fn other_files_are_not_backups() {
    for other in [
        random_bytes(1000),
        Vec::new(),
        b"SQLite format 3\0".repeat(10),
        b"%PDF-1.7\n".to_vec(),
    ] {
        let result = opened(&other, &passphrase());
        assert!(
            matches!(result, Err(Error::NotABackup)),
            "{:?}",
            &other[..other.len().min(16)]
        );
    }
}

#[test]
fn a_backup_from_a_newer_format_is_told_as_such() {
    let sealed = Sealed::new(Vec::new());
    let mut newer = sealed.file.clone();
    newer[16] = 2;
    assert!(matches!(
        opened(&newer, &passphrase()),
        Err(Error::NewerVersion(2))
    ));
}

#[test]
fn sealing_with_parameters_open_would_refuse_writes_nothing() {
    let mut out = Vec::new();
    let params = KdfParams {
        memory_kib: 4 * 1024 * 1024,
        ..KdfParams::RECOMMENDED
    };
    let result = seal(&b"payload"[..], &passphrase(), params, &mut out);
    assert!(matches!(result, Err(Error::ParamsOutOfBounds)));
    assert!(out.is_empty());
}

/// The one test at the recommended cost: a few seconds in a debug build.
#[test]
fn the_recommended_parameters_are_written_into_the_header() {
    let mut file = Vec::new();
    seal(&b""[..], &passphrase(), KdfParams::RECOMMENDED, &mut file).unwrap();
    let header = Header::read_from(&mut &file[..]).unwrap();
    assert_eq!(header.params, KdfParams::RECOMMENDED);
    assert_eq!(file[17..29], [0, 0, 1, 0, 3, 0, 0, 0, 1, 0, 0, 0]);
}
