//! The bank's answer to a consent, arriving as a deep link: completed or refused. The
//! authorization code never reaches the webview; only the outcome does.

use bank::{Answer, Callback};
use serde::Serialize;
use ts_rs::TS;
use url::Url;

use std::sync::Arc;

use crate::core::Core;
use crate::error::{Error, IpcError, Result};
use crate::opened::Opened;

/// How a consent at a bank ended, for the window (the `consent-finished` event).
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ConsentOutcome {
    /// The bank whose consent this was.
    pub bank_id: String,
    pub ok: bool,
    pub error: Option<IpcError>,
}

impl Core {
    /// Handles a URL the app was handed (a deep link). Every one is untrusted: it is parsed
    /// into a bank's answer or dropped with a log line (`None`: nothing to tell the window).
    /// An answer that matches no consent in progress at the bank its path names (forged,
    /// replayed, cancelled, or another bank's) changes nothing on screen either; one that came
    /// too late is said.
    pub async fn answer_consent(&self, url: &Url) -> Option<ConsentOutcome> {
        let callback = match Callback::try_from(url) {
            Ok(callback) => callback,
            Err(error) => {
                tracing::warn!(%error, "deep link rejected");
                return None;
            }
        };
        let bank_id = callback.bank_id.clone();
        let outcome = match &callback.answer {
            Answer::ConsentGranted { .. } => {
                tracing::info!(bank_id, "the bank's answer arrived: consent granted");
                self.complete(&callback).await
            }
            Answer::ConsentRefused { state, error, .. } => {
                tracing::info!(bank_id, error, "the bank's answer arrived: consent refused");
                self.refuse(&bank_id, state.as_deref())
            }
        };
        // Forged, replayed, another bank's, or given up: nothing to show. An answer to a consent
        // of ours that waited too long is said, so the dialog does not wait for ever.
        if let Err(Error::Connection(connection::Error::Unmatched(bank::Unmatched::UnknownState))) =
            &outcome
        {
            tracing::warn!(
                bank_id,
                "the answer matches no consent in progress: ignored"
            );
            return None;
        }
        let outcome = outcome.map_err(|error| self.with_data_folder(error));
        Some(ConsentOutcome::of(bank_id, outcome))
    }

    /// The state must match a consent in progress at the callback's bank before the code is
    /// exchanged.
    async fn complete(&self, callback: &Callback) -> Result<()> {
        let data = self.started_consents()?;
        // Not beside an edit of the Banks screen: a bank removed or moved meanwhile would get
        // its connection and tokens back after the edit.
        let _editing = data.editing_banks.lock().await;
        let connected = data.connector.complete_consent(callback).await?;
        data.store().save_connection(&store::SavedConnection {
            bank_id: connected.bank_id.clone(),
            consent_expires_at: connected.session.consent_expires_at().unix_timestamp(),
        })?;
        data.set_consent_page(&connected.bank_id, None);
        data.set_link(connection::Link::connected(connected));
        Ok(())
    }

    /// A refusal is believed only with the state of a consent we started at that bank; it
    /// ends that consent.
    fn refuse(&self, bank_id: &str, state: Option<&str>) -> Result<()> {
        let data = self.started_consents()?;
        let state = state.ok_or(connection::Error::Unmatched(bank::Unmatched::UnknownState))?;
        data.connector.refuse_consent(bank_id, state)?;
        data.set_consent_page(bank_id, None);
        Err(Error::ConsentDenied)
    }

    /// Where consents in progress are kept. An app whose data is not open has started none,
    /// so no answer can match; the answer does not open it.
    fn started_consents(&self) -> Result<Arc<Opened>> {
        self.opened()
            .ok_or(connection::Error::Unmatched(bank::Unmatched::UnknownState).into())
    }
}

impl ConsentOutcome {
    fn of(bank_id: String, outcome: Result<()>) -> Self {
        match outcome {
            Ok(()) => Self {
                bank_id,
                ok: true,
                error: None,
            },
            Err(error) => {
                tracing::warn!(bank_id, error = %error.for_log(), "the consent did not complete");
                Self {
                    bank_id,
                    ok: false,
                    error: Some(IpcError::from(&error)),
                }
            }
        }
    }
}
