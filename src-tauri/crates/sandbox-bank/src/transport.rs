//! How a bank is reached: plain http, or (the test bench's `Config::tls`) https.

use std::future::IntoFuture;

use axum::Router;
use tokio::net::TcpListener;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

use crate::config::Config;
use crate::error::Result;

pub(crate) enum Transport {
    /// The Demo Bank's: http on loopback.
    Plain,
    #[cfg(feature = "admin")]
    Tls(tokio_rustls::TlsAcceptor),
}

impl Transport {
    /// The transport `config` asks for; for https, the CA and the bank's certificate are made
    /// or read here, off the runtime (files, a lock other processes may hold, key generation).
    #[cfg_attr(
        not(feature = "admin"),
        allow(clippy::unused_async, reason = "https is the admin feature's")
    )]
    pub(crate) async fn of(config: &Config) -> Result<Self> {
        #[cfg(feature = "admin")]
        if let Some(settings) = config.tls.clone() {
            let acceptor =
                tokio::task::spawn_blocking(move || crate::tls::acceptor(&settings)).await??;
            return Ok(Self::Tls(acceptor));
        }
        #[cfg(not(feature = "admin"))]
        let _ = config;
        Ok(Self::Plain)
    }

    /// `http` or `https`: the base URL's scheme.
    pub(crate) fn scheme(&self) -> &'static str {
        match self {
            Self::Plain => "http",
            #[cfg(feature = "admin")]
            Self::Tls(_) => "https",
        }
    }

    /// Serves `app` on `listener` until `stop` fires (or is dropped), letting requests in
    /// flight finish.
    pub(crate) fn serve(
        self,
        listener: TcpListener,
        app: Router,
        stop: oneshot::Receiver<()>,
    ) -> JoinHandle<std::io::Result<()>> {
        let stopped = async {
            stop.await.ok();
        };
        match self {
            Self::Plain => tokio::spawn(
                axum::serve(listener, app)
                    .with_graceful_shutdown(stopped)
                    .into_future(),
            ),
            #[cfg(feature = "admin")]
            Self::Tls(acceptor) => tokio::spawn(
                axum::serve(crate::tls::TlsListener::new(listener, acceptor), app)
                    .with_graceful_shutdown(stopped)
                    .into_future(),
            ),
        }
    }
}
