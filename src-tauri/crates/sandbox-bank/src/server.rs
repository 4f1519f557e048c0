//! Starting and stopping a bank on loopback.

use std::net::{Ipv4Addr, SocketAddr};
use std::path::Path;
use std::sync::Arc;

use tokio::net::TcpListener;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

#[cfg(feature = "admin")]
use crate::admin::Admin;
use crate::clock::Clock;
use crate::config::{ClientRegistration, Config};
use crate::data::{Bank, DemoUser};
use crate::error::{Error, Result};
use crate::host::OwnHost;
use crate::oauth::{Grants, StoredGrant};
use crate::persistence;
use crate::router::router;
use crate::state::{AppState, Shared};
use crate::transport::Transport;

/// Starts sandbox banks.
#[derive(Debug)]
pub struct SandboxBank;

impl SandboxBank {
    /// Generates the bank's data and serves it on `127.0.0.1:<config.port>` (0: a free port)
    /// until the returned handle is shut down or dropped: over http, or over https with
    /// `config.tls` (the `admin` feature). Must run inside a Tokio runtime.
    pub async fn start(config: Config) -> Result<RunningBank> {
        config.validate()?;
        let (clock, stored_grants) = restore(config.state_file.as_deref())?;
        let transport = Transport::of(&config).await?;
        let (today, generator_config) = (clock.today(), config.clone());
        // Generation is CPU work proportional to the history's length: keep it off the runtime.
        let bank =
            tokio::task::spawn_blocking(move || Bank::generate(&generator_config, today)).await?;
        // The state file names accounts by their place in the bank: read once it is generated.
        let grants = Grants::from_stored(stored_grants, &bank);
        let port = config.port;
        let listener = TcpListener::bind((Ipv4Addr::LOCALHOST, port))
            .await
            .map_err(|source| Error::Bind { port, source })?;
        let address = listener
            .local_addr()
            .map_err(|source| Error::Bind { port, source })?;
        let base_url = format!("{}://{address}", transport.scheme());
        let state: AppState = Arc::new(Shared::new(config, clock, bank, grants, &base_url));
        let (stop, stopped) = oneshot::channel::<()>();
        let app = router(Arc::clone(&state), OwnHost::of(address));
        let task = transport.serve(listener, app, stopped);
        tracing::info!(%base_url, "sandbox bank listening");
        Ok(RunningBank {
            address,
            base_url,
            state,
            stop: Some(stop),
            task: Some(task),
        })
    }
}

/// The clock and the grants a previous run saved in `state_file`, or a fresh start.
fn restore(state_file: Option<&Path>) -> Result<(Clock, Vec<StoredGrant>)> {
    let Some(saved) = state_file.map(persistence::load).transpose()?.flatten() else {
        return Ok((Clock::default(), Vec::new()));
    };
    let clock = Clock::starting_at(saved.clock_offset);
    Ok((clock, saved.grants))
}

/// A bank serving on loopback. Dropping it stops the server (without waiting for it).
#[derive(Debug)]
pub struct RunningBank {
    address: SocketAddr,
    base_url: String,
    state: AppState,
    stop: Option<oneshot::Sender<()>>,
    task: Option<JoinHandle<std::io::Result<()>>>,
}

impl RunningBank {
    /// `http://127.0.0.1:<port>` (`https://` with TLS), without a trailing slash: the
    /// contract's `{base}`, and the bank's issuer identifier, its `iss` (RFC 9207).
    pub fn base_url(&self) -> &str {
        &self.base_url
    }

    pub fn address(&self) -> SocketAddr {
        self.address
    }

    /// The in-process admin handle (the `admin` feature).
    #[cfg(feature = "admin")]
    pub fn admin(&self) -> Admin {
        Admin::new(Arc::clone(&self.state))
    }

    /// The registered client: id, secret and redirect URI to authorize with.
    pub fn client(&self) -> &ClientRegistration {
        &self.state.client
    }

    /// The demo users with their passwords and accounts.
    pub fn users(&self) -> Vec<DemoUser> {
        self.state.bank.demo_users()
    }

    /// Stops accepting connections, lets requests in flight finish, and waits for the server.
    pub async fn shutdown(mut self) -> Result<()> {
        if let Some(stop) = self.stop.take() {
            stop.send(()).ok();
        }
        match self.task.take() {
            Some(task) => task.await?.map_err(Error::Serve),
            None => Ok(()),
        }
    }
}

impl Drop for RunningBank {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            stop.send(()).ok();
        }
    }
}
