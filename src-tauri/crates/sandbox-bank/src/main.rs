//! `sandbox-bank --port <p> [--seed <n>] [--transactions <n>] [--accounts <n>]
//! [--client-id <id>] [--client-secret <secret>] [--redirect-uri <uri>] [--state-file <path>]
//! [--tls-dir <dir> [--client-ca <pem>]]`: serves a sandbox bank on loopback until Ctrl-C,
//! after printing its base URL, client and demo users. With `--tls-dir` it serves https with a
//! certificate from the test CA in that folder (`<dir>/ca.pem`, made once and shared by every
//! bank given the same folder); with `--client-ca` too, only clients presenting a certificate
//! that chains to a CA in that PEM file get through the handshake.

use std::fmt::Write as _;
use std::io::{IsTerminal as _, Write as _};
use std::path::PathBuf;
use std::process::ExitCode;

use sandbox_bank::tls::TlsConfig;
use sandbox_bank::{Config, Error, Result, RunningBank, SandboxBank};

const USAGE: &str = "usage: sandbox-bank [--port <p>] [--seed <n>] [--transactions <per account>] \
[--accounts <per user>] [--client-id <id>] [--client-secret <secret>] [--redirect-uri <uri>] \
[--state-file <path>] [--tls-dir <dir> [--client-ca <pem file>]]";

#[tokio::main]
async fn main() -> ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| "sandbox_bank=info".into()),
        )
        .with_writer(std::io::stderr)
        // Colour only on a terminal, never in a redirected log.
        .with_ansi(std::io::stderr().is_terminal())
        .init();
    match run().await {
        Ok(()) => ExitCode::SUCCESS,
        Err(Error::InvalidConfig(problem)) => {
            tracing::error!("{problem}\n{USAGE}");
            ExitCode::from(2)
        }
        Err(error) => {
            tracing::error!("{}", with_causes(&error));
            ExitCode::FAILURE
        }
    }
}

/// "cannot listen on 127.0.0.1:8480: Address already in use (os error 98)"
fn with_causes(error: &dyn std::error::Error) -> String {
    let mut text = error.to_string();
    let mut cause = error.source();
    while let Some(inner) = cause {
        text = format!("{text}: {inner}");
        cause = inner.source();
    }
    text
}

async fn run() -> Result<()> {
    let arguments: Vec<String> = std::env::args().skip(1).collect();
    if arguments
        .iter()
        .any(|argument| argument == "--help" || argument == "-h")
    {
        return say(USAGE);
    }
    let config = parse(&arguments)?;
    let tls = config.tls.clone();
    let bank = SandboxBank::start(config).await?;
    say(&introduction(&bank, tls.as_ref()))?;
    tokio::signal::ctrl_c().await.map_err(Error::Terminal)?;
    bank.shutdown().await
}

/// Reads `--flag value` pairs into a configuration.
fn parse(arguments: &[String]) -> Result<Config> {
    let mut config = Config::default().port(8_480);
    let (mut tls_dir, mut client_ca) = (None::<PathBuf>, None::<PathBuf>);
    let mut pairs = arguments.iter();
    while let Some(flag) = pairs.next() {
        let value = pairs
            .next()
            .ok_or_else(|| Error::InvalidConfig(format!("{flag} needs a value")))?;
        let number = || -> Result<u64> {
            value
                .parse()
                .map_err(|_| Error::InvalidConfig(format!("{flag} must be a whole number")))
        };
        match flag.as_str() {
            "--port" => config.port = narrow(number()?, flag)?,
            "--seed" => config.seed = number()?,
            "--transactions" => config.transactions_per_account = narrow(number()?, flag)?,
            "--accounts" => config.accounts_per_user = narrow(number()?, flag)?,
            "--client-id" => config.client.client_id.clone_from(value),
            "--client-secret" => config.client.client_secret.clone_from(value),
            "--redirect-uri" => config.client.redirect_uri.clone_from(value),
            "--state-file" => config.state_file = Some(value.into()),
            "--tls-dir" => tls_dir = Some(value.into()),
            "--client-ca" => client_ca = Some(value.into()),
            other => return Err(Error::InvalidConfig(format!("unknown flag {other}"))),
        }
    }
    config.tls = match (tls_dir, client_ca) {
        (Some(dir), client_ca) => Some(TlsConfig { dir, client_ca }),
        (None, Some(_)) => {
            return Err(Error::InvalidConfig(
                "--client-ca needs --tls-dir: mutual TLS is TLS".into(),
            ));
        }
        (None, None) => None,
    };
    Ok(config)
}

fn narrow<T: TryFrom<u64>>(value: u64, name: &str) -> Result<T> {
    T::try_from(value).map_err(|_| Error::InvalidConfig(format!("{name} is too large")))
}

/// What a person needs to use the bank: where it is, whom to trust, the client, who can sign in.
fn introduction(bank: &RunningBank, tls: Option<&TlsConfig>) -> String {
    let client = bank.client();
    let mut text = format!(
        "Demo Bank (sandbox) at {base}\n  authorize: {base}/auth/oauth/v2/authorize\n  token:     {base}/auth/oauth/v2/token\n  admin:     {base}/__admin/counters\n",
        base = bank.base_url(),
    );
    // Writing to a String cannot fail.
    if let Some(tls) = tls {
        writeln!(
            text,
            "  CA:        {} (trust it: SSL_CERT_FILE)",
            tls.ca_file().display()
        )
        .ok();
        if let Some(client_ca) = &tls.client_ca {
            writeln!(
                text,
                "  mutual TLS: client certificates chaining to {}",
                client_ca.display()
            )
            .ok();
        }
    }
    writeln!(
        text,
        "\nClient\n  client_id:     {}\n  client_secret: {}\n  redirect_uri:  {}\n\nDemo users",
        client.client_id, client.client_secret, client.redirect_uri,
    )
    .ok();
    for user in bank.users() {
        writeln!(
            text,
            "  {} / {}  ({})",
            user.username, user.password, user.full_name
        )
        .ok();
        for account in &user.accounts {
            writeln!(text, "      {}  {}", account.iban, account.name).ok();
        }
    }
    text.push_str("\nCtrl-C stops the bank.");
    text
}

fn say(text: &str) -> Result<()> {
    writeln!(std::io::stdout().lock(), "{text}").map_err(Error::Terminal)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn arguments(text: &str) -> Vec<String> {
        text.split_whitespace().map(str::to_owned).collect()
    }

    #[test]
    fn flags_set_port_sizes_and_the_client() {
        let config = parse(&arguments("--port 9000 --seed 7 --transactions 5000 --accounts 4 --client-id app --client-secret s --redirect-uri app.x:/cb --state-file bank.json")).unwrap();
        assert_eq!(
            (
                config.port,
                config.seed,
                config.transactions_per_account,
                config.accounts_per_user
            ),
            (9000, 7, 5000, 4)
        );
        assert_eq!(
            (
                config.client.client_id.as_str(),
                config.client.client_secret.as_str()
            ),
            ("app", "s")
        );
        assert_eq!(config.client.redirect_uri, "app.x:/cb");
        assert_eq!(config.state_file, Some("bank.json".into()));
        assert_eq!(parse(&[]).unwrap().port, 8480);
        assert_eq!(parse(&[]).unwrap().state_file, None);
        assert_eq!(parse(&[]).unwrap().tls, None);
    }

    #[test]
    fn tls_flags_set_the_ca_folder_and_mutual_tls() {
        let https = parse(&arguments("--tls-dir pki")).unwrap();
        assert_eq!(https.tls, Some(TlsConfig::in_dir("pki")));
        let mutual = parse(&arguments("--client-ca clients.pem --tls-dir pki")).unwrap();
        assert_eq!(
            mutual.tls,
            Some(TlsConfig::in_dir("pki").client_ca("clients.pem"))
        );
    }

    #[test]
    fn unknown_flags_missing_values_and_bad_numbers_are_refused() {
        for wrong in [
            "--colour blue",
            "--port",
            "--port 70000",
            "--seed many",
            "--client-ca clients.pem",
        ] {
            assert!(
                matches!(parse(&arguments(wrong)), Err(Error::InvalidConfig(_))),
                "{wrong}"
            );
        }
    }
}
