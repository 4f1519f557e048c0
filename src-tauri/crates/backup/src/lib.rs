//! Bankbook's backup file: a payload of any length (the app's database) sealed with a
//! passphrase the person types, to be opened again on another machine.
//!
//! [`seal`] streams the payload into the file and [`open`] streams it back: memory use is one
//! 64 KiB chunk and Argon2's memory, whatever the payload's size. Every change to a backup
//! file (a byte changed, bytes cut off or added, chunks moved) makes [`open`] fail.
//!
//! # Format, version 1
//!
//! Integers are unsigned, little-endian unless said otherwise.
//!
//! | offset | bytes | field |
//! |-------:|------:|-------|
//! | 0 | 16 | magic: `BANKBOOK-BACKUP\0` |
//! | 16 | 1 | format version: 1 |
//! | 17 | 4 | Argon2id memory, in KiB (u32) |
//! | 21 | 4 | Argon2id iterations (u32) |
//! | 25 | 4 | Argon2id parallelism (u32) |
//! | 29 | 16 | Argon2id salt, random |
//! | 45 | 19 | STREAM nonce prefix, random |
//! | 64 | 32 | passphrase verifier |
//! | 96 | 32 | SHA-256 of bytes 0 to 95 |
//! | 128 | … | chunks, to the end of the file |
//!
//! **Keys.** Argon2id (version 0x13, no secret, no associated data) of the passphrase's UTF-8
//! bytes, with the salt and the parameters of the header, gives 64 bytes: the first 32 are the
//! XChaCha20-Poly1305 key, the last 32 the verifier stored in the header. A wrong passphrase is
//! thus told by the verifier, before any chunk is read, and apart from damaged content.
//!
//! **Checksum.** It covers the verifier too, so that a changed verifier reads as a damaged
//! header rather than as a wrong passphrase. It is no seal (anyone can compute it): the chunks'
//! tags are, and they cover the whole header (below).
//!
//! **Chunks.** The payload is cut into chunks of 64 KiB (65 536 bytes: fixed by the format
//! version, not written in the header). Each is encrypted with XChaCha20-Poly1305 as one
//! message of the STREAM construction in its "BE32" flavour: the 24-byte nonce is the 19-byte
//! prefix, then the chunk's number (u32, big-endian, from 0), then a byte 1 for the last chunk
//! and 0 for the others. The associated data of every chunk is the whole header, bytes 0 to
//! 127. In the file each chunk is its ciphertext followed by its 16-byte tag, with no length or
//! flag:
//!
//! - every chunk but the last holds 65 536 bytes of payload: 65 552 bytes in the file;
//! - the last holds 0 to 65 535 bytes of payload (16 to 65 551 in the file) and ends the file.
//!   A payload of an exact number of chunks, the empty one included, ends with a last chunk of
//!   no payload.
//!
//! A reader reads 65 552 bytes at a time: a full read is a chunk that is not the last, the
//! first short read is the last chunk. A file cut short, or with bytes added, leaves a last
//! chunk that fails to decrypt (or none at all).
//!
//! # Checks on opening, in order
//!
//! 1. The magic: [`Error::NotABackup`] (a file that starts like a backup but ends inside the
//!    magic is [`Error::Damaged`]).
//! 2. The version: [`Error::NewerVersion`] above 1, before anything else of the header is read.
//! 3. The checksum: [`Error::Damaged`]`("header")`.
//! 4. The parameters, before Argon2 runs: memory from 8 MiB to 1 GiB, 1 to 20 iterations,
//!    parallelism 1 to 16, or [`Error::Damaged`]`("key derivation parameters")`.
//! 5. The verifier, before anything is written: [`Error::WrongPassphrase`].
//! 6. Each chunk, before it is written: [`Error::Damaged`]`("content")`.

mod chunks;
mod error;
mod header;
mod kdf;
mod passphrase;
#[cfg(test)]
mod tests;

use std::io::{Read, Write};

pub use error::{Error, Result};
pub use kdf::KdfParams;
pub use passphrase::Passphrase;

use header::Header;
use kdf::DerivedKeys;

/// Seals `payload` with `passphrase`: writes the header, then the encrypted chunks, to `out`.
/// `params` is the Argon2id cost, [`KdfParams::RECOMMENDED`] for a person's backup.
///
/// The payload is read to its end, 64 KiB at a time. An error may come after some of the file
/// was written to `out`: what was written is no backup, and the caller discards it.
pub fn seal(
    payload: impl Read,
    passphrase: &Passphrase,
    params: KdfParams,
    out: impl Write,
) -> Result<()> {
    if !params.within_bounds() {
        return Err(Error::ParamsOutOfBounds);
    }
    // A fresh salt makes a fresh key for every backup, even with the same passphrase.
    let salt = rand::random();
    let keys = DerivedKeys::derive(passphrase, params, &salt)?;
    seal_with_keys(payload, params, salt, &keys, out)
}

/// The rest of [`seal`] once the keys are derived from `params` and `salt`: tests seal many
/// files, rather than running Argon2 for each.
fn seal_with_keys(
    payload: impl Read,
    params: KdfParams,
    salt: [u8; kdf::SALT_LEN],
    keys: &DerivedKeys,
    mut out: impl Write,
) -> Result<()> {
    let header = Header {
        params,
        salt,
        // One more safeguard against ever reusing a nonce under a key.
        nonce_prefix: rand::random(),
        verifier: *keys.verifier(),
    };
    let header_bytes = header.to_bytes();
    out.write_all(&header_bytes)?;
    chunks::encrypt(
        payload,
        keys.content_key(),
        &header.nonce_prefix,
        &header_bytes,
        out,
    )
}

/// Opens a sealed backup: checks the header, derives the key, checks the passphrase, then
/// streams the decrypted payload into `out` (the checks and their errors are in the crate's
/// documentation). `sealed` is read to its end, 64 KiB at a time.
///
/// A wrong passphrase, and any damage to the header, is found before anything is written to
/// `out`. Damage to the content is found chunk by chunk, so the error may come after some of
/// the payload was written to `out` (every byte written was authenticated, but the payload is
/// not whole): the caller writes to a temporary file, and uses it only if this returns `Ok`.
pub fn open(mut sealed: impl Read, passphrase: &Passphrase, out: impl Write) -> Result<()> {
    let header = Header::read_from(&mut sealed)?;
    let keys = DerivedKeys::derive(passphrase, header.params, &header.salt)?;
    open_with_keys(&header, &keys, sealed, out)
}

/// The rest of [`open`] once the keys are derived: tests reuse keys for many damaged files,
/// rather than running Argon2 for each.
fn open_with_keys(
    header: &Header,
    keys: &DerivedKeys,
    chunks_after_header: impl Read,
    out: impl Write,
) -> Result<()> {
    if !keys.verifies(&header.verifier) {
        return Err(Error::WrongPassphrase);
    }
    // The header's bytes as they were read: every byte is a field kept or checked, so encoding
    // the fields again gives them back.
    chunks::decrypt(
        chunks_after_header,
        keys.content_key(),
        &header.nonce_prefix,
        &header.to_bytes(),
        out,
    )
}
