//! The session's refresh token in the OS keychain.

use vault::{SecretKind, Vault};

use crate::Result;
use crate::session::RefreshTokenStore;
use crate::tokens::RefreshToken;

impl RefreshTokenStore for Vault {
    async fn load(&self) -> Result<Option<RefreshToken>> {
        Ok(self.get(SecretKind::RefreshToken).await?.map(RefreshToken))
    }

    async fn save(&self, token: &RefreshToken) -> Result<()> {
        Ok(self.set(SecretKind::RefreshToken, &token.0).await?)
    }

    /// Both tokens go: a consent that ended leaves nothing usable behind.
    async fn clear(&self) -> Result<()> {
        self.delete(SecretKind::RefreshToken).await?;
        Ok(self.delete(SecretKind::AccessToken).await?)
    }
}
