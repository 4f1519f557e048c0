//! The Banks screen as a person fills it in: fields found by their labels, in the app's
//! language, typed into key by key.

use std::time::{Duration, Instant};

use fantoccini::elements::Element;

use crate::{AppSession, Error, Language, Result};

/// How long a step waits for the screen to say something.
const TEXT_TIMEOUT: Duration = Duration::from_secs(15);

/// A bank of the SBAS family, as the person types it into the form of a new bank.
#[derive(Debug, Clone, Default)]
pub struct NewBank {
    pub name: String,
    pub base_url: String,
    pub client_id: String,
    pub client_secret: String,
    /// Mutual TLS: the paths of the certificate file and of the private key's file.
    pub certificate: Option<String>,
    pub key_file: Option<String>,
}

impl AppSession {
    /// Clicks into the text field labelled `label` and types `text` after what it holds.
    pub async fn type_into(&self, label: &str, text: &str) -> Result<Element> {
        let field = self.find_role("textbox", label).await?;
        field.click().await?;
        field.send_keys(text).await?;
        Ok(field)
    }

    /// In the Banks screen's form of a new bank: chooses "Other bank of the SBAS family" and
    /// fills in `bank`.
    pub async fn fill_bank_form(&self, language: &Language, bank: &NewBank) -> Result<()> {
        let preset = self
            .find_role("combobox", language.message("banks.preset.label"))
            .await?;
        preset
            .select_by_label(language.message("banks.preset.other"))
            .await?;
        self.type_into(language.message("banks.form.name"), &bank.name)
            .await?;
        self.type_into(language.message("banks.form.baseUrl"), &bank.base_url)
            .await?;
        self.type_into(language.message("banks.form.clientId"), &bank.client_id)
            .await?;
        self.type_into(
            language.message("banks.form.clientSecret"),
            &bank.client_secret,
        )
        .await?;
        if let Some(certificate) = &bank.certificate {
            self.type_into(language.message("banks.form.certificate"), certificate)
                .await?;
        }
        if let Some(key_file) = &bank.key_file {
            self.type_into(language.message("banks.form.keyFile"), key_file)
                .await?;
        }
        Ok(())
    }

    /// Presses Save in the bank form, and waits until it says the bank `name` is saved.
    pub async fn save_bank_form(&self, language: &Language, name: &str, new: bool) -> Result<()> {
        self.click_role("button", language.message("banks.form.save"))
            .await?;
        let key = if new {
            "banks.form.savedNew"
        } else {
            "banks.form.saved"
        };
        self.shows_text(&language.format(key, &[("bank", crate::Arg::Text(name))]))
            .await
    }

    /// Presses Check in the form of the saved bank `name` and waits for its answer, the
    /// message of `outcome` (`clientAccepted`, `clientRejected`, ... as `banks.check.<outcome>`).
    pub async fn check_bank_form(
        &self,
        language: &Language,
        name: &str,
        outcome: &str,
    ) -> Result<()> {
        self.click_role("button", language.message("banks.row.check"))
            .await?;
        let answer = language.format(
            &format!("banks.check.{outcome}"),
            &[("bank", crate::Arg::Text(name))],
        );
        self.shows_text(&answer).await
    }

    /// Waits until the page (or the open dialog, which hides the rest) shows `text`.
    pub async fn shows_text(&self, text: &str) -> Result<()> {
        let deadline = Instant::now() + TEXT_TIMEOUT;
        loop {
            if self.shown_text().await?.contains(text) {
                return Ok(());
            }
            if Instant::now() > deadline {
                self.screenshot_failure().await;
                return Err(Error::NotFound(format!(
                    "the text {text:?}; shown: {:?}",
                    self.shown_text().await.unwrap_or_default()
                )));
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// The text the open dialog shows, or the page's when none is open.
    pub async fn shown_text(&self) -> Result<String> {
        self.script_text(
            "const dialog = [...document.querySelectorAll('dialog[open]')].at(-1);\
             return (dialog ?? document.body).innerText;",
        )
        .await
    }
}
