//! The bank's answer to a consent, arriving as a deep link: completed or refused. The
//! authorization code never reaches the webview; only the outcome does.

use bank::Callback;
use serde::Serialize;
use ts_rs::TS;
use url::Url;
use vault::Sensitive;

use crate::core::Core;
use crate::error::{Error, IpcError, Result};
use crate::opened::Opened;

/// How a consent ended, for the window (the `consent-finished` event).
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct ConsentOutcome {
    pub ok: bool,
    pub error: Option<IpcError>,
}

impl Core {
    /// Handles a URL the app was handed (a deep link). Every one is untrusted: it is parsed
    /// into the bank's answer or dropped with a log line (`None`: nothing to tell the window).
    pub async fn answer_consent(&self, url: &Url) -> Option<ConsentOutcome> {
        let outcome = match Callback::try_from(url) {
            Ok(Callback::ConsentGranted { code, state }) => {
                tracing::info!("the bank's answer arrived: consent granted");
                self.complete(&code, &state).await
            }
            Ok(Callback::ConsentRefused { state, error, .. }) => {
                tracing::info!(error, "the bank's answer arrived: consent refused");
                self.refuse(state.as_deref())
            }
            Err(error) => {
                tracing::warn!(%error, "deep link rejected");
                return None;
            }
        };
        Some(ConsentOutcome::from(
            outcome.map_err(|error| self.with_data_folder(error)),
        ))
    }

    /// The state must match a consent in progress before the code is exchanged.
    async fn complete(&self, code: &Sensitive<String>, state: &str) -> Result<()> {
        let data = self.started_consents()?;
        let connected = data.connector.complete_consent(code, state).await?;
        data.store().save_connection(&store::SavedConnection {
            bank_id: connected.bank_id.clone(),
            consent_expires_at: connected.session.consent_expires_at().unix_timestamp(),
        })?;
        data.set_link(Some(connection::Link::connected(connected)));
        data.set_consent_page(None);
        Ok(())
    }

    /// A refusal is believed only with the state of a consent we started; it ends that
    /// consent.
    fn refuse(&self, state: Option<&str>) -> Result<()> {
        let data = self.started_consents()?;
        let state = state.ok_or(bank::Error::CallbackRejected("a refusal without a state"))?;
        data.connector.refuse_consent(state)?;
        data.set_consent_page(None);
        Err(Error::ConsentDenied)
    }

    /// Where consents in progress are kept. An app whose data is not open has started none,
    /// so no answer can match; the answer does not open it.
    fn started_consents(&self) -> Result<&Opened> {
        self.opened()
            .ok_or(connection::Error::Unmatched(bank::Unmatched::UnknownState).into())
    }
}

impl From<Result<()>> for ConsentOutcome {
    fn from(outcome: Result<()>) -> Self {
        match outcome {
            Ok(()) => Self {
                ok: true,
                error: None,
            },
            Err(error) => {
                tracing::warn!(%error, "the consent did not complete");
                Self {
                    ok: false,
                    error: Some(IpcError::from(&error)),
                }
            }
        }
    }
}
