//! A real bank of the SBAS family on loopback, for tests and the app's Demo Bank.

pub mod iban;
