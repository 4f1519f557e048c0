//! The content: the payload in chunks of 64 KiB, each encrypted with XChaCha20-Poly1305 as one
//! message of the STREAM construction (the nonce ends with the chunk's number and a last-chunk
//! flag), so that a chunk changed, moved, dropped or cut off, and a file cut at a chunk's end,
//! fail to decrypt.

use std::io::{self, ErrorKind, Read, Write};

use aead_stream::{DecryptorBE32, EncryptorBE32};
use chacha20poly1305::{KeyInit, XChaCha20Poly1305};
use zeroize::Zeroizing;

use crate::kdf::KEY_LEN;
use crate::{Error, Result};

/// Bytes of payload in every chunk but the last, which has fewer (maybe none). Fixed by the
/// format version, not written in the header: a forged header cannot make `open` allocate a
/// buffer of its choosing.
pub(crate) const CHUNK_LEN: usize = 64 * 1024;
/// Bytes of the Poly1305 tag after each chunk's ciphertext.
pub(crate) const TAG_LEN: usize = 16;
/// Bytes of a full chunk in the file.
pub(crate) const SEALED_CHUNK_LEN: usize = CHUNK_LEN + TAG_LEN;
/// Bytes of the random nonce prefix in the header: the 24-byte nonce of XChaCha20-Poly1305
/// less STREAM's 4-byte chunk counter and 1-byte last-chunk flag.
pub(crate) const NONCE_PREFIX_LEN: usize = 19;

/// Encrypts `payload` into `out`, chunk after chunk, with `associated_data` (the header)
/// bound to each.
///
/// A chunk read full is not the last; the first one read short is, and ends the content. A
/// payload of an exact number of chunks (none included) thus ends with a last chunk of no
/// payload, and the reader needs no flag or length to find the last chunk.
pub(crate) fn encrypt(
    mut payload: impl Read,
    key: &[u8; KEY_LEN],
    nonce_prefix: &[u8; NONCE_PREFIX_LEN],
    associated_data: &[u8],
    mut out: impl Write,
) -> Result<()> {
    let mut encryptor = EncryptorBE32::from_aead(cipher(key), nonce_prefix.into());
    // Room for the tag from the start: the buffer is never reallocated, which would leave a
    // copy of the payload behind unwiped.
    let mut buffer = Zeroizing::new(Vec::with_capacity(SEALED_CHUNK_LEN));
    loop {
        buffer.resize(CHUNK_LEN, 0);
        let read = read_up_to(&mut payload, &mut buffer)?;
        buffer.truncate(read);
        if read == CHUNK_LEN {
            encryptor
                .encrypt_next_in_place(associated_data, &mut *buffer)
                .map_err(|_| too_long())?;
            out.write_all(&buffer)?;
        } else {
            encryptor
                .encrypt_last_in_place(associated_data, &mut *buffer)
                .map_err(|_| too_long())?;
            out.write_all(&buffer)?;
            break;
        }
    }
    out.flush()?;
    Ok(())
}

/// Decrypts the chunks that follow the header in `sealed` into `out`. Each chunk is written
/// once it has been authenticated, so damage found later (a chunk changed, the file cut short)
/// comes after some of the payload was written.
///
/// A full-length chunk is not the last; the first shorter one is, as [`encrypt`] writes them.
/// A short read means the end of the file, so nothing can follow the last chunk: bytes added
/// after it make it longer, and it fails to decrypt.
pub(crate) fn decrypt(
    mut sealed: impl Read,
    key: &[u8; KEY_LEN],
    nonce_prefix: &[u8; NONCE_PREFIX_LEN],
    associated_data: &[u8],
    mut out: impl Write,
) -> Result<()> {
    let mut decryptor = DecryptorBE32::from_aead(cipher(key), nonce_prefix.into());
    let mut buffer = Zeroizing::new(Vec::with_capacity(SEALED_CHUNK_LEN));
    loop {
        buffer.resize(SEALED_CHUNK_LEN, 0);
        let read = read_up_to(&mut sealed, &mut buffer)?;
        buffer.truncate(read);
        if read == SEALED_CHUNK_LEN {
            decryptor
                .decrypt_next_in_place(associated_data, &mut *buffer)
                .map_err(|_| Error::Damaged("content"))?;
            out.write_all(&buffer)?;
        } else {
            // The last chunk. A file cut at a chunk's end leaves fewer bytes than a tag here,
            // which fails to decrypt like any other damage.
            decryptor
                .decrypt_last_in_place(associated_data, &mut *buffer)
                .map_err(|_| Error::Damaged("content"))?;
            out.write_all(&buffer)?;
            break;
        }
    }
    out.flush()?;
    Ok(())
}

/// The cipher, which wipes its copy of the key when dropped.
fn cipher(key: &[u8; KEY_LEN]) -> XChaCha20Poly1305 {
    XChaCha20Poly1305::new(key.into())
}

/// STREAM numbers chunks with 32 bits: 2³² chunks of 64 KiB, 256 TiB.
fn too_long() -> Error {
    Error::Io(io::Error::other(
        "the payload is longer than a backup can hold",
    ))
}

/// Reads until `buffer` is full or the input ends; returns how many bytes were read. Readers
/// may return fewer bytes than asked at any time: only a read of 0 bytes is the end.
pub(crate) fn read_up_to(input: &mut impl Read, buffer: &mut [u8]) -> io::Result<usize> {
    let mut filled = 0;
    while filled < buffer.len() {
        match input.read(&mut buffer[filled..]) {
            Ok(0) => break,
            Ok(read) => filled += read,
            Err(error) if error.kind() == ErrorKind::Interrupted => {}
            Err(error) => return Err(error),
        }
    }
    Ok(filled)
}

#[cfg(test)]
mod tests {
    use super::*;

    const KEY: [u8; KEY_LEN] = [9; KEY_LEN];
    const PREFIX: [u8; NONCE_PREFIX_LEN] = [4; NONCE_PREFIX_LEN];
    const HEADER: &[u8] = b"the header";

    fn sealed(payload: &[u8]) -> Vec<u8> {
        let mut out = Vec::new();
        encrypt(payload, &KEY, &PREFIX, HEADER, &mut out).unwrap();
        out
    }

    fn opened(sealed: &[u8]) -> Result<Vec<u8>> {
        let mut out = Vec::new();
        decrypt(sealed, &KEY, &PREFIX, HEADER, &mut out)?;
        Ok(out)
    }

    fn payload(len: usize) -> Vec<u8> {
        let mut payload = vec![0; len];
        rand::fill(&mut payload[..]);
        payload
    }

    fn assert_damaged(result: Result<Vec<u8>>, what: &str) {
        assert!(
            matches!(result, Err(Error::Damaged("content"))),
            "{what}: {:?}",
            result.map(|payload| payload.len())
        );
    }

    /// Hands out at most 7 bytes per read, and is interrupted every other read.
    struct Stingy<'a> {
        bytes: &'a [u8],
        interrupt: bool,
    }

    impl Read for Stingy<'_> {
        fn read(&mut self, buffer: &mut [u8]) -> io::Result<usize> {
            self.interrupt = !self.interrupt;
            if self.interrupt {
                return Err(ErrorKind::Interrupted.into());
            }
            let len = buffer.len().min(self.bytes.len()).min(7);
            buffer[..len].copy_from_slice(&self.bytes[..len]);
            self.bytes = &self.bytes[len..];
            Ok(len)
        }
    }

    #[test]
    fn payloads_of_every_edge_length_round_trip_in_full_chunks_and_one_short_last() {
        for len in [
            0,
            1,
            CHUNK_LEN - 1,
            CHUNK_LEN,
            CHUNK_LEN + 1,
            2 * CHUNK_LEN,
            3 * CHUNK_LEN,
            3 * CHUNK_LEN + 5,
        ] {
            let payload = payload(len);
            let sealed = sealed(&payload);
            let chunks = len / CHUNK_LEN + 1;
            assert_eq!(sealed.len(), len + chunks * TAG_LEN, "length {len}");
            assert_eq!(opened(&sealed).unwrap(), payload, "length {len}");
        }
    }

    #[test]
    fn readers_that_return_little_at_a_time_or_are_interrupted_are_read_to_the_end() {
        let payload = payload(CHUNK_LEN + 100);
        let mut sealed_slowly = Vec::new();
        let stingy = Stingy {
            bytes: &payload,
            interrupt: false,
        };
        encrypt(stingy, &KEY, &PREFIX, HEADER, &mut sealed_slowly).unwrap();
        assert_eq!(sealed_slowly.len(), payload.len() + 2 * TAG_LEN);

        let mut out = Vec::new();
        let stingy = Stingy {
            bytes: &sealed_slowly,
            interrupt: false,
        };
        decrypt(stingy, &KEY, &PREFIX, HEADER, &mut out).unwrap();
        assert_eq!(out, payload);
    }

    #[test]
    fn a_small_file_cut_anywhere_is_damaged() {
        let sealed = sealed(&payload(100));
        for len in 0..sealed.len() {
            assert_damaged(opened(&sealed[..len]), &format!("cut at {len}"));
        }
    }

    #[test]
    fn a_file_of_several_chunks_cut_at_or_near_a_chunk_end_is_damaged() {
        let sealed = sealed(&payload(2 * CHUNK_LEN + 100));
        for end in [SEALED_CHUNK_LEN, 2 * SEALED_CHUNK_LEN] {
            for len in [
                end - TAG_LEN,
                end - 1,
                end,
                end + 1,
                end + TAG_LEN - 1,
                end + TAG_LEN,
            ] {
                assert_damaged(opened(&sealed[..len]), &format!("cut at {len}"));
            }
        }
        assert_damaged(opened(&sealed[..sealed.len() - 1]), "last byte cut");
        assert_damaged(opened(&[]), "nothing");
    }

    #[test]
    fn a_payload_of_exact_chunks_cut_before_its_empty_last_chunk_is_damaged() {
        let sealed = sealed(&payload(2 * CHUNK_LEN));
        assert_eq!(sealed.len(), 2 * SEALED_CHUNK_LEN + TAG_LEN);
        assert_damaged(
            opened(&sealed[..2 * SEALED_CHUNK_LEN]),
            "empty last chunk dropped",
        );
    }

    #[test]
    fn every_bit_of_a_small_file_is_checked() {
        let sealed = sealed(&payload(100));
        for at in 0..sealed.len() {
            for bit in 0..8 {
                let mut damaged = sealed.clone();
                damaged[at] ^= 1 << bit;
                assert_damaged(opened(&damaged), &format!("bit {bit} of byte {at}"));
            }
        }
    }

    #[test]
    fn a_changed_byte_anywhere_in_a_file_of_several_chunks_is_damage() {
        let sealed = sealed(&payload(2 * CHUNK_LEN + 100));
        let mut places = vec![0, 1, sealed.len() - 1, sealed.len() - TAG_LEN];
        for end in [SEALED_CHUNK_LEN, 2 * SEALED_CHUNK_LEN] {
            places.extend([end - TAG_LEN - 1, end - TAG_LEN, end - 1, end, end + 1]);
        }
        places.extend((0..sealed.len()).step_by(19_997));
        for at in places {
            let mut damaged = sealed.clone();
            damaged[at] ^= 0x80;
            assert_damaged(opened(&damaged), &format!("byte {at}"));
        }
    }

    #[test]
    fn chunks_moved_repeated_or_dropped_are_damage() {
        let sealed = sealed(&payload(3 * CHUNK_LEN + 100));
        let chunk = |number: usize| &sealed[number * SEALED_CHUNK_LEN..][..SEALED_CHUNK_LEN];
        let last = &sealed[3 * SEALED_CHUNK_LEN..];
        for (what, chunks) in [
            (
                "first two swapped",
                vec![chunk(1), chunk(0), chunk(2), last],
            ),
            ("middle one dropped", vec![chunk(0), chunk(2), last]),
            (
                "one repeated",
                vec![chunk(0), chunk(0), chunk(1), chunk(2), last],
            ),
            ("last one dropped", vec![chunk(0), chunk(1), chunk(2)]),
            ("last one first", vec![last, chunk(0), chunk(1), chunk(2)]),
        ] {
            assert_damaged(opened(&chunks.concat()), what);
        }
    }

    #[test]
    fn bytes_after_the_last_chunk_are_damage() {
        for len in [0, 100, CHUNK_LEN] {
            let sealed = sealed(&payload(len));
            for added in [1, TAG_LEN, SEALED_CHUNK_LEN] {
                let mut longer = sealed.clone();
                longer.extend(std::iter::repeat_n(0, added));
                assert_damaged(opened(&longer), &format!("{added} bytes after {len}"));
            }
            let mut twice = sealed.clone();
            twice.extend_from_slice(&sealed);
            assert_damaged(opened(&twice), &format!("{len} sealed twice"));
        }
    }

    #[test]
    fn another_key_nonce_or_header_does_not_decrypt() {
        let sealed = sealed(b"payload");
        let decrypted = |key: &[u8; KEY_LEN], prefix, header| {
            decrypt(&sealed[..], key, prefix, header, &mut Vec::new())
        };
        assert!(decrypted(&KEY, &PREFIX, HEADER).is_ok());
        assert!(matches!(
            decrypted(&[8; KEY_LEN], &PREFIX, HEADER),
            Err(Error::Damaged("content"))
        ));
        assert!(matches!(
            decrypted(&KEY, &[5; NONCE_PREFIX_LEN], HEADER),
            Err(Error::Damaged("content"))
        ));
        assert!(matches!(
            decrypted(&KEY, &PREFIX, b"the heaDer"),
            Err(Error::Damaged("content"))
        ));
    }

    #[test]
    fn only_authenticated_chunks_are_written() {
        let payload = payload(3 * CHUNK_LEN);
        let mut damaged = sealed(&payload);
        damaged[SEALED_CHUNK_LEN + 5] ^= 1;
        let mut out = Vec::new();
        let result = decrypt(&damaged[..], &KEY, &PREFIX, HEADER, &mut out);
        assert!(matches!(result, Err(Error::Damaged("content"))));
        assert_eq!(out, payload[..CHUNK_LEN]);
    }
}
