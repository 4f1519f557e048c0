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

    #[test]
    fn debug_of_a_struct_holding_a_secret_is_redacted() {
        #[derive(Debug)]
        struct Tokens {
            refresh: Sensitive<String>,
            expires_in: u32,
        }
        let tokens = Tokens {
            refresh: Sensitive("refresh-token-value".to_owned()),
            expires_in: 300,
        };
        let printed = format!("{tokens:?} {tokens:#?}");
        assert!(!printed.contains("refresh-token-value"), "{printed}");
        assert!(printed.contains("expires_in: 300"), "{printed}");
        assert_eq!(
            (tokens.refresh.expose().as_str(), tokens.expires_in),
            ("refresh-token-value", 300)
        );
    }
}
