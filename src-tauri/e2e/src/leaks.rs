//! Looking for the bank's secrets where they must not be: in files, logs and IPC payloads.
//! Plain secrets (a refresh token read from the keychain, the client secret) are searched as
//! they are; the bank's tokens, which the bank itself keeps only as SHA-256 digests, are found
//! by hashing every token-sized window of text.

use std::collections::HashSet;
use std::fmt::Write;
use std::path::Path;

use sha2::{Digest, Sha256};

use crate::{AppSession, Result};

/// The bank's tokens: 256 random bits in base64url, 43 characters.
const TOKEN_LENGTH: usize = 43;
/// A PEM body's lines shorter than this (the last one may be a few characters) are not looked
/// for alone: they could turn up by chance.
const MIN_PEM_LINE: usize = 16;

/// What to look for.
#[derive(Debug, Default)]
pub struct SecretScan {
    plain: Vec<Vec<u8>>,
    digests: HashSet<String>,
}

impl SecretScan {
    /// Looks for `secret` as it is.
    #[must_use]
    pub fn plain(mut self, secret: &str) -> Self {
        self.plain.push(secret.as_bytes().to_vec());
        self
    }

    /// Looks for the key material of the PEM text `pem` (a private key): the whole text, its
    /// base64 body in one piece, and each line of the body (a copy wrapped or cut otherwise
    /// still holds whole lines of it). The `-----BEGIN ...-----` lines are not secret.
    #[must_use]
    pub fn pem(mut self, pem: &str) -> Self {
        let body: Vec<&str> = pem
            .lines()
            .map(str::trim)
            .filter(|line| !line.is_empty() && !line.starts_with("-----"))
            .collect();
        self.plain.push(pem.as_bytes().to_vec());
        self.plain.push(body.concat().into_bytes());
        self.plain.extend(
            body.iter()
                .filter(|line| line.len() >= MIN_PEM_LINE)
                .map(|line| line.as_bytes().to_vec()),
        );
        self
    }

    /// Looks for the tokens whose SHA-256 digests (64 hex digits) are `digests`.
    #[must_use]
    pub fn tokens(mut self, digests: impl IntoIterator<Item = String>) -> Self {
        self.digests.extend(digests);
        self
    }

    /// How many token digests it looks for.
    pub fn token_count(&self) -> usize {
        self.digests.len()
    }

    /// The names of the places, `(name, bytes)`, that hold a secret.
    pub fn leaks<'a>(&self, places: &'a [(String, Vec<u8>)]) -> Vec<&'a str> {
        places
            .iter()
            .filter(|(_, bytes)| self.holds_a_secret(bytes))
            .map(|(name, _)| name.as_str())
            .collect()
    }

    /// Looks at the bytes as they are, and without their zero bytes: text that WebKit or
    /// SQLite keeps as UTF-16 is then plain ASCII again.
    fn holds_a_secret(&self, bytes: &[u8]) -> bool {
        let narrowed: Vec<u8> = bytes.iter().copied().filter(|byte| *byte != 0).collect();
        [bytes, narrowed.as_slice()].into_iter().any(|view| {
            self.plain.iter().any(|secret| contains(view, secret))
                || token_digests_in(view).any(|digest| self.digests.contains(&digest))
        })
    }
}

/// Keeps, in the page, every payload the webview receives from Rust from now on: command
/// answers, errors and events all arrive through `runCallback`, which looks the callback up
/// in this map.
const RECORD_IPC: &str = r"
const callbacks = window.__TAURI_INTERNALS__.callbacks;
window.__ipcReceived = [];
callbacks.get = function (id) {
  const callback = Map.prototype.get.call(this, id);
  return callback && ((data) => {
    window.__ipcReceived.push(JSON.stringify(data) ?? String(data));
    return callback(data);
  });
};";

impl AppSession {
    /// From now on until the page is reloaded (a restart), keeps every payload the webview
    /// receives from Rust, for [`Self::ipc_received`].
    pub async fn record_ipc(&self) -> Result<()> {
        self.client().execute(RECORD_IPC, Vec::new()).await?;
        Ok(())
    }

    /// What the webview received since [`Self::record_ipc`], as JSON text.
    pub async fn ipc_received(&self) -> Result<String> {
        let payloads = self
            .client()
            .execute("return window.__ipcReceived;", Vec::new())
            .await?;
        Ok(payloads.to_string())
    }
}

/// Every file under `folder`, read, named by its path.
pub fn files_under(folder: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files = Vec::new();
    let mut folders = vec![folder.to_owned()];
    while let Some(folder) = folders.pop() {
        let Ok(entries) = std::fs::read_dir(&folder) else {
            continue;
        };
        for path in entries.flatten().map(|entry| entry.path()) {
            if path.is_dir() {
                folders.push(path);
            } else if let Ok(bytes) = std::fs::read(&path) {
                files.push((path.display().to_string(), bytes));
            }
        }
    }
    files
}

pub fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    !needle.is_empty()
        && haystack
            .windows(needle.len())
            .any(|window| window == needle)
}

/// The SHA-256 (hex) of every 43-character window of the base64url runs in `bytes`, however
/// long: a token written anywhere, in any text around it, has its digest among these.
fn token_digests_in(bytes: &[u8]) -> impl Iterator<Item = String> + '_ {
    let is_token_byte = |byte: &u8| byte.is_ascii_alphanumeric() || *byte == b'-' || *byte == b'_';
    bytes
        .split(move |byte| !is_token_byte(byte))
        .filter(|run| run.len() >= TOKEN_LENGTH)
        .flat_map(|run| run.windows(TOKEN_LENGTH))
        .map(hex_digest)
}

/// SHA-256 in 64 lowercase hex digits, as the bank reports its tokens' digests.
fn hex_digest(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .fold(String::new(), |mut hex, byte| {
            let _ = write!(hex, "{byte:02x}");
            hex
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_token_is_found_in_any_text_around_it() {
        let token = "AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_AbCdE";
        assert_eq!(token.len(), TOKEN_LENGTH);
        let scan = SecretScan::default().tokens([hex_digest(token.as_bytes())]);
        let places: Vec<(String, Vec<u8>)> = [
            format!("Authorization: Bearer {token}\n"),
            format!("{{\"access_token\":\"{token}\"}}"),
            format!("x{token}y"),
            format!("{}{token}{}", "A".repeat(500), "b".repeat(500)),
            "no token here".to_owned(),
        ]
        .into_iter()
        .map(|text| (text.clone(), text.into_bytes()))
        .collect();
        assert_eq!(scan.leaks(&places).len(), 4);
        assert_eq!(scan.leaks(&places[4..]), Vec::<&str>::new());
    }

    #[test]
    fn text_kept_as_utf16_is_looked_at_too() {
        let scan = SecretScan::default().plain("demo-client-secret");
        let utf16: Vec<u8> = "x=demo-client-secret"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        assert_eq!(
            scan.leaks(&[("storage".to_owned(), utf16)]),
            vec!["storage"]
        );
    }

    #[test]
    fn a_private_key_is_found_whole_in_one_piece_or_by_its_lines() {
        let first = "MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgK2c3Vn4Yq0mLpWcx";
        let second = "hRANCAAT7Xb0k9V3l1K2fQ0s5vJ3m6pZ8hQeR1t4yU7iO9pA2sD3fG4hJ5kL6zX7";
        let pem = format!(
            "-----BEGIN PRIVATE KEY-----\n{first}\n{second}\nAb==\n-----END PRIVATE KEY-----\n"
        );
        let scan = SecretScan::default().pem(&pem);
        let places: Vec<(String, Vec<u8>)> = [
            ("whole", pem.clone()),
            ("joined", format!("key={first}{second}Ab==")),
            ("a line", format!("\"{second}\"")),
            (
                "the armour only",
                "-----BEGIN PRIVATE KEY-----\nAb==".to_owned(),
            ),
        ]
        .into_iter()
        .map(|(name, text)| (name.to_owned(), text.into_bytes()))
        .collect();
        assert_eq!(scan.leaks(&places), vec!["whole", "joined", "a line"]);
    }

    #[test]
    fn a_plain_secret_is_found_as_it_is() {
        let scan = SecretScan::default().plain("demo-client-secret");
        let places = vec![("log".to_owned(), b"secret=demo-client-secret;".to_vec())];
        assert_eq!(scan.leaks(&places), vec!["log"]);
    }
}
