//! How one secret is laid out in keychain entries.
//!
//! Windows Credential Manager keeps at most 2,560 bytes a secret, so no entry the vault writes
//! holds more than [`ENTRY_BYTES`]. The same layout is used on every platform, which keeps one
//! code path and lets Linux tests cover what Windows needs.
//!
//! A secret's header entry holds either
//! - `=` and the value itself, for values shorter than [`ENTRY_BYTES`] (tokens, in practice), or
//! - `#<g>:<count>`: the value split into `count` parts of at most [`ENTRY_BYTES`] bytes, kept
//!   in the entries `<header>/<g>1` … `<header>/<g><count>`, where `<g>` is a generation,
//!   `a` or `b` (entry names: `namespace.rs`).
//!
//! Two generations make an overwrite safe: new parts go to the generation the header does not
//! point at, the header then switches in a single write, and only after that are the old parts
//! removed. A reader never pairs a header with parts of another value, and an interrupted write
//! leaves the old value readable. Parts are written upward and removed downward, so whatever an
//! interruption leaves of a generation is always parts 1..k, which the next write or delete
//! finds by counting upward and removes (`entries.rs`).

use crate::error::{Error, Result};

/// The most a vault entry holds: under Windows' 2,560-byte limit with room to spare.
pub(crate) const ENTRY_BYTES: usize = 2048;
/// Bounds the parts of one secret, and so every loop over them.
pub(crate) const MAX_PARTS: usize = 32;
/// Far above any token or client secret; a larger value is a caller's mistake.
pub(crate) const MAX_VALUE_BYTES: usize = ENTRY_BYTES * MAX_PARTS;

const INLINE_TAG: u8 = b'=';
const SPLIT_TAG: u8 = b'#';

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Generation {
    A,
    B,
}

impl Generation {
    pub(crate) const BOTH: [Self; 2] = [Self::A, Self::B];

    pub(crate) fn letter(self) -> char {
        match self {
            Self::A => 'a',
            Self::B => 'b',
        }
    }

    pub(crate) fn other(self) -> Self {
        match self {
            Self::A => Self::B,
            Self::B => Self::A,
        }
    }

    fn from_letter(letter: char) -> Option<Self> {
        Self::BOTH
            .into_iter()
            .find(|generation| generation.letter() == letter)
    }
}

/// What a header entry says.
#[derive(PartialEq, Eq)]
pub(crate) enum Header {
    Inline(Vec<u8>),
    Split {
        generation: Generation,
        parts: usize,
    },
}

// By hand: an inline header is the secret itself.
impl std::fmt::Debug for Header {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Inline(_) => formatter.write_str("Inline(<redacted>)"),
            Self::Split { generation, parts } => formatter
                .debug_struct("Split")
                .field("generation", generation)
                .field("parts", parts)
                .finish(),
        }
    }
}

impl Header {
    /// The header for `value` when it fits one entry, `None` when it has to be split.
    pub(crate) fn inline(value: &[u8]) -> Option<Self> {
        (value.len() < ENTRY_BYTES).then(|| Self::Inline(value.to_vec()))
    }

    pub(crate) fn points_at(&self, generation: Generation) -> bool {
        matches!(self, Self::Split { generation: used, .. } if *used == generation)
    }

    pub(crate) fn encode(&self) -> Vec<u8> {
        match self {
            Self::Inline(value) => [&[INLINE_TAG], value.as_slice()].concat(),
            Self::Split { generation, parts } => {
                format!("{}{}:{parts}", char::from(SPLIT_TAG), generation.letter()).into_bytes()
            }
        }
    }

    /// `None` for anything the vault does not write.
    pub(crate) fn decode(bytes: &[u8]) -> Option<Self> {
        match bytes.split_first()? {
            (&INLINE_TAG, value) => Some(Self::Inline(value.to_vec())),
            (&SPLIT_TAG, rest) => Self::decode_split(std::str::from_utf8(rest).ok()?),
            _ => None,
        }
    }

    fn decode_split(text: &str) -> Option<Self> {
        let mut letters = text.chars();
        let generation = Generation::from_letter(letters.next()?)?;
        let count = letters.as_str().strip_prefix(':')?;
        if !count.bytes().all(|byte| byte.is_ascii_digit()) {
            return None;
        }
        let parts = count
            .parse()
            .ok()
            .filter(|parts| (1..=MAX_PARTS).contains(parts))?;
        Some(Self::Split { generation, parts })
    }
}

/// The parts a value too long for one entry is split into.
pub(crate) fn split(value: &[u8]) -> Result<Vec<&[u8]>> {
    if value.len() > MAX_VALUE_BYTES {
        return Err(Error::TooLarge {
            len: value.len(),
            max: MAX_VALUE_BYTES,
        });
    }
    Ok(value.chunks(ENTRY_BYTES).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_shorter_than_an_entry_stay_inline() {
        let value = vec![b'x'; ENTRY_BYTES - 1];
        let header = Header::inline(&value).unwrap();
        let encoded = header.encode();
        assert_eq!(encoded.len(), ENTRY_BYTES);
        assert_eq!(Header::decode(&encoded), Some(Header::Inline(value)));
        assert!(Header::inline(&[b'x'; ENTRY_BYTES]).is_none());
    }

    #[test]
    fn empty_values_are_kept_inline() {
        let encoded = Header::inline(b"").unwrap().encode();
        assert_eq!(Header::decode(&encoded), Some(Header::Inline(Vec::new())));
    }

    #[test]
    fn split_headers_round_trip() {
        for (generation, parts) in [(Generation::A, 1), (Generation::B, MAX_PARTS)] {
            let header = Header::Split { generation, parts };
            assert_eq!(Header::decode(&header.encode()), Some(header));
        }
        assert_eq!(
            Header::Split {
                generation: Generation::B,
                parts: 3
            }
            .encode(),
            b"#b:3"
        );
    }

    #[test]
    fn foreign_or_damaged_headers_are_refused() {
        let too_many = format!("#a:{}", MAX_PARTS + 1);
        for bytes in [
            &b""[..],
            b"plain-token",
            b"#",
            b"#c:2",
            b"#a2",
            b"#a:",
            b"#a:0",
            b"#a:+2",
            b"#a:2x",
            b"#\xff:2",
            too_many.as_bytes(),
        ] {
            assert_eq!(
                Header::decode(bytes),
                None,
                "{:?}",
                String::from_utf8_lossy(bytes)
            );
        }
    }

    #[test]
    fn every_part_fits_windows_and_the_parts_rebuild_the_value() {
        let value: Vec<u8> = (0..5000_u32)
            .map(|n| b"0123456789"[(n % 10) as usize])
            .collect();
        let parts = split(&value).unwrap();
        assert_eq!(parts.len(), 3);
        assert!(
            parts
                .iter()
                .all(|part| part.len() <= ENTRY_BYTES && part.len() < 2560)
        );
        assert_eq!(parts.concat(), value);
    }

    #[test]
    fn values_beyond_the_limit_are_too_large() {
        assert_eq!(split(&vec![0; MAX_VALUE_BYTES]).unwrap().len(), MAX_PARTS);
        let error = split(&vec![0; MAX_VALUE_BYTES + 1]).unwrap_err();
        assert!(matches!(error, Error::TooLarge { .. }), "{error:?}");
    }

    #[test]
    fn debug_of_an_inline_header_hides_the_secret() {
        let header = Header::inline(b"refresh-token-value").unwrap();
        let printed = format!("{header:?}");
        assert!(!printed.contains("refresh-token-value"), "{printed}");
    }

    #[test]
    fn headers_point_only_at_their_own_generation() {
        let header = Header::Split {
            generation: Generation::A,
            parts: 2,
        };
        assert!(header.points_at(Generation::A));
        assert!(!header.points_at(Generation::B));
        assert!(!Header::Inline(Vec::new()).points_at(Generation::A));
        assert_eq!(Generation::A.other(), Generation::B);
        assert_eq!(Generation::B.other(), Generation::A);
    }
}
