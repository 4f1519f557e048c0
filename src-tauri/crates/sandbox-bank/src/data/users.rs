//! The demo users: who can sign in on the consent page, and with what.

use super::AccountKind;

/// A demo user as fixed in the bank: credentials are test data, printed by the binary.
#[derive(Debug)]
pub(super) struct UserSeed {
    pub username: &'static str,
    pub password: &'static str,
    pub full_name: &'static str,
}

pub(super) const DEMO_USERS: [UserSeed; 2] = [
    UserSeed {
        username: "jana.novakova",
        password: "demo1234",
        full_name: "Jana Nováková",
    },
    UserSeed {
        username: "peter.horvath",
        password: "demo5678",
        full_name: "Peter Horváth",
    },
];

/// A demo user, for tests and for the app's "Demo Bank" hints.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DemoUser {
    pub username: String,
    pub password: String,
    pub full_name: String,
    pub accounts: Vec<DemoAccount>,
}

/// One of a demo user's accounts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DemoAccount {
    pub iban: String,
    pub name: String,
    pub kind: AccountKind,
}
