use std::fmt;

use zeroize::Zeroizing;

/// The passphrase a backup is sealed with, as the person typed it. Wiped from memory when
/// dropped, and never shown by `Debug` (it may end up in a log).
///
/// Its UTF-8 bytes are used as they are, with no Unicode normalization.
pub struct Passphrase(Zeroizing<String>);

impl Passphrase {
    pub fn new(passphrase: String) -> Self {
        Self(Zeroizing::new(passphrase))
    }

    pub(crate) fn as_bytes(&self) -> &[u8] {
        self.0.as_bytes()
    }
}

impl From<String> for Passphrase {
    fn from(passphrase: String) -> Self {
        Self::new(passphrase)
    }
}

impl fmt::Debug for Passphrase {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Passphrase(***)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_hides_the_passphrase() {
        let passphrase = Passphrase::from("correct horse battery staple".to_owned());
        let shown = format!("{passphrase:?} {passphrase:#?}");
        assert!(!shown.contains("horse"), "{shown}");
        assert_eq!(format!("{passphrase:?}"), "Passphrase(***)");
    }
}
