use std::fmt;

/// A secret held in memory: tokens, client secrets, authorization codes.
///
/// `Debug` prints a placeholder so a secret never reaches a log line, and there is
/// deliberately no `Serialize`, so it cannot cross IPC or land in a file by accident.
#[derive(Clone, PartialEq, Eq, Default)]
pub struct Sensitive<T>(pub T);

impl<T> Sensitive<T> {
    /// The secret itself, for the one place that must send it (a keychain call, an HTTP header).
    pub fn expose(&self) -> &T {
        &self.0
    }
}

impl<T> fmt::Debug for Sensitive<T> {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("Sensitive(<redacted>)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_output_is_redacted() {
        let secret = Sensitive("refresh-token-value".to_owned());
        let printed = format!("{secret:?} {secret:#?}");
        assert!(!printed.contains("refresh-token-value"));
        assert!(printed.contains("redacted"));
        assert_eq!(secret.expose(), "refresh-token-value");
    }
}
