//! Bankbook's secrets: keychain entries and `Sensitive<T>` for secrets held in memory.

mod sensitive;

pub use sensitive::Sensitive;
