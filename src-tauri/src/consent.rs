//! The bank's answer, arriving as a deep link: completed or refused, then told to the UI.
//! The authorization code never reaches the webview; only the outcome does.

use bank::Callback;
use serde::Serialize;
use tauri::{AppHandle, Emitter, Manager};
use ts_rs::TS;
use url::Url;
use vault::Sensitive;

use crate::error::{Error, IpcError};
use crate::state::AppState;

/// The event that tells the UI how a consent ended.
pub const CONSENT_FINISHED: &str = "consent-finished";

/// The payload of `consent-finished`.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct ConsentOutcome {
    pub ok: bool,
    pub error: Option<IpcError>,
}

/// Every incoming URL is untrusted: parse it into a typed action or drop it with a log line.
pub fn route(app: &AppHandle, url: &Url) {
    match Callback::try_from(url) {
        Ok(Callback::ConsentGranted { code, state }) => {
            tracing::info!("the bank's answer arrived: consent granted");
            let app = app.clone();
            tauri::async_runtime::spawn(async move {
                let outcome = complete(&app, &code, &state).await;
                finish(&app, outcome);
            });
        }
        Ok(Callback::ConsentRefused { state, error, .. }) => {
            tracing::info!(error, "the bank's answer arrived: consent refused");
            finish(app, refuse(app, state.as_deref()));
        }
        Err(error) => tracing::warn!(%error, "deep link rejected"),
    }
}

/// The state must match a consent in progress before the code is exchanged.
async fn complete(app: &AppHandle, code: &Sensitive<String>, state: &str) -> Result<(), Error> {
    let app_state = started_consents(app)?;
    let connected = app_state.connector.complete_consent(code, state).await?;
    app_state.store().save_connection(&store::SavedConnection {
        bank_id: connected.bank_id.clone(),
        consent_expires_at: connected.session.consent_expires_at().unix_timestamp(),
    })?;
    app_state.set_link(Some(connection::Link::connected(connected)));
    app_state.set_consent_page(None);
    Ok(())
}

/// A refusal is believed only with the state of a consent we started; it ends that consent.
fn refuse(app: &AppHandle, state: Option<&str>) -> Result<(), Error> {
    let app_state = started_consents(app)?;
    let state = state.ok_or(bank::Error::CallbackRejected("a refusal without a state"))?;
    app_state.connector.refuse_consent(state)?;
    app_state.set_consent_page(None);
    Err(Error::ConsentDenied)
}

/// The app's state, where consents in progress are kept. An app that could not open its data
/// (or has not yet, at a cold start) has started none, so no answer can match.
fn started_consents(app: &AppHandle) -> Result<tauri::State<'_, AppState>, Error> {
    app.try_state::<AppState>()
        .ok_or(connection::Error::Unmatched(bank::Unmatched::UnknownState).into())
}

fn finish(app: &AppHandle, outcome: Result<(), Error>) {
    let payload = match outcome {
        Ok(()) => ConsentOutcome {
            ok: true,
            error: None,
        },
        Err(error) => {
            tracing::warn!(%error, "the consent did not complete");
            ConsentOutcome {
                ok: false,
                error: Some(IpcError::from(&error)),
            }
        }
    };
    if let Err(error) = app.emit(CONSENT_FINISHED, payload) {
        tracing::error!(%error, "could not tell the window how the consent ended");
    }
}
