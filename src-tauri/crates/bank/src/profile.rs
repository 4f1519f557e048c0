/// A bank the app can connect to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BankProfile {
    /// Stable key: names the keychain entries and the local data of this bank.
    pub id: String,
    /// What the user sees.
    pub name: String,
}

/// The Demo Bank's id: the sandbox bank that runs inside the app.
pub const DEMO_BANK_ID: &str = "demo";

impl BankProfile {
    /// The built-in Demo Bank.
    pub fn demo() -> Self {
        Self {
            id: DEMO_BANK_ID.to_owned(),
            name: "Demo Bank".to_owned(),
        }
    }

    pub fn is_demo(&self) -> bool {
        self.id == DEMO_BANK_ID
    }

    /// The banks the user can connect. Real banks are configured profiles; until one is
    /// configured, the Demo Bank is the only choice.
    pub fn available() -> Vec<Self> {
        vec![Self::demo()]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_demo_bank_is_available_without_configuration() {
        let banks = BankProfile::available();
        assert!(banks.iter().any(BankProfile::is_demo));
    }
}
