//! Reads, writes and deletes one secret's entries in a credential store, in the layout of
//! `chunks.rs`. Blocking calls: `keychain.rs` runs them off the async runtime, one at a time.

use keyring_core::{CredentialStore, Entry};

use crate::chunks::{self, Generation, Header, MAX_PARTS};
use crate::error::{Error, Result};
use crate::namespace::Names;

/// One secret's entries in one store.
pub(crate) struct Entries<'a> {
    store: &'a CredentialStore,
    names: &'a Names,
}

impl<'a> Entries<'a> {
    pub(crate) fn new(store: &'a CredentialStore, names: &'a Names) -> Self {
        Self { store, names }
    }

    pub(crate) fn read(&self) -> Result<Option<Vec<u8>>> {
        let Some(bytes) = self.get(&self.names.header)? else {
            return Ok(None);
        };
        match self.decode_header(&bytes)? {
            Header::Inline(value) => Ok(Some(value)),
            Header::Split { generation, parts } => self.read_parts(generation, parts).map(Some),
        }
    }

    pub(crate) fn write(&self, value: &[u8]) -> Result<()> {
        let header = match Header::inline(value) {
            Some(inline) => inline,
            None => self.write_parts(value)?,
        };
        self.set(&self.names.header, &header.encode())?;
        for generation in Generation::BOTH {
            if !header.points_at(generation) {
                self.clear(generation)?;
            }
        }
        Ok(())
    }

    /// Header first, so the secret is gone for readers even if removing its parts fails;
    /// the next write or delete removes what is left.
    pub(crate) fn delete(&self) -> Result<()> {
        self.remove(&self.names.header)?;
        Generation::BOTH
            .into_iter()
            .try_for_each(|generation| self.clear(generation))
    }

    fn decode_header(&self, bytes: &[u8]) -> Result<Header> {
        Header::decode(bytes)
            .ok_or_else(|| Error::corrupt(&self.names.header, "it is not in the vault's format"))
    }

    fn read_parts(&self, generation: Generation, parts: usize) -> Result<Vec<u8>> {
        let mut value = Vec::new();
        for number in 1..=parts {
            let name = self.names.part(generation, number);
            let part = self
                .get(&name)?
                .ok_or_else(|| Error::corrupt(&name, "a part of the secret is missing"))?;
            value.extend_from_slice(&part);
        }
        Ok(value)
    }

    /// Writes the parts into the generation the header does not point at, which is cleared
    /// first of anything an interrupted write left there.
    fn write_parts(&self, value: &[u8]) -> Result<Header> {
        let parts = chunks::split(value)?;
        let generation = self.unused_generation()?;
        self.clear(generation)?;
        for (index, part) in parts.iter().enumerate() {
            self.set(&self.names.part(generation, index + 1), part)?;
        }
        Ok(Header::Split {
            generation,
            parts: parts.len(),
        })
    }

    /// A damaged header is about to be replaced, so it points at nothing worth keeping.
    fn unused_generation(&self) -> Result<Generation> {
        let current = self.get(&self.names.header)?;
        Ok(match current.as_deref().and_then(Header::decode) {
            Some(Header::Split { generation, .. }) => generation.other(),
            _ => Generation::A,
        })
    }

    /// A generation's parts are always 1..k (see `chunks.rs`): count them upward, remove them
    /// downward so an interruption again leaves 1..j.
    fn clear(&self, generation: Generation) -> Result<()> {
        let mut count = 0;
        while count < MAX_PARTS && self.exists(&self.names.part(generation, count + 1))? {
            count += 1;
        }
        (1..=count)
            .rev()
            .try_for_each(|number| self.remove(&self.names.part(generation, number)))
    }

    fn entry(&self, user: &str) -> Result<Entry> {
        self.store
            .build(&self.names.service, user, None)
            .map_err(|error| Error::from_keyring(user, error))
    }

    fn get(&self, user: &str) -> Result<Option<Vec<u8>>> {
        match self.entry(user)?.get_secret() {
            Ok(bytes) => Ok(Some(bytes)),
            Err(keyring::Error::NoEntry) => Ok(None),
            Err(error) => Err(Error::from_keyring(user, error)),
        }
    }

    /// Asks without fetching the secret.
    fn exists(&self, user: &str) -> Result<bool> {
        match self.entry(user)?.get_credential() {
            Ok(_) => Ok(true),
            Err(keyring::Error::NoEntry) => Ok(false),
            Err(error) => Err(Error::from_keyring(user, error)),
        }
    }

    fn set(&self, user: &str, bytes: &[u8]) -> Result<()> {
        self.entry(user)?
            .set_secret(bytes)
            .map_err(|error| Error::from_keyring(user, error))
    }

    /// Deleting what is not there is not an error: delete is idempotent.
    fn remove(&self, user: &str) -> Result<()> {
        match self.entry(user)?.delete_credential() {
            Ok(()) | Err(keyring::Error::NoEntry) => Ok(()),
            Err(error) => Err(Error::from_keyring(user, error)),
        }
    }
}
