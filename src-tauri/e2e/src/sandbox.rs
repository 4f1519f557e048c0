//! Sandbox banks as processes of their own, as real banks are: the standalone `sandbox-bank`
//! binary (the test bench's, with its `/__admin` interface), found next to the app binary
//! (`BANKBOOK_APP`), where `cargo test --workspace` builds it along with the sandbox's own tests.
//! Each has its own seed, client id, client secret and redirect URI, and serves https with a
//! certificate from the test CA in a folder they share ([`TestPki`]); one may also ask its
//! clients for a certificate (mutual TLS).

use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::Duration;

use sandbox_bank::tls::{ClientIdentity, TestPki};
use tokio::io::{AsyncBufReadExt as _, BufReader};
use tokio::process::{Child, ChildStdout, Command};

use crate::{DemoBank, Error, Result};

/// How long a sandbox may take to say where it listens (it makes its certificate first).
const START_TIMEOUT: Duration = Duration::from_secs(30);
/// What the sandbox's first line of output starts with, before its base URL.
const INTRODUCTION: &str = "Demo Bank (sandbox) at ";

/// How one sandbox bank is started.
#[derive(Debug, Clone)]
pub struct SandboxSettings {
    /// The id the app gives the bank (the slug of its name): the redirect URI registered at the
    /// sandbox is the app's callback path for it, `app.bankbook:/oauth/callback/<bank_id>`.
    pub bank_id: String,
    /// Everything the sandbox generates (its IBANs among it) follows from the seed.
    pub seed: u64,
    pub client_id: String,
    pub client_secret: String,
    /// The folder of the test CA the sandboxes share: `<tls_dir>/ca.pem` is what clients trust.
    pub tls_dir: PathBuf,
    /// Mutual TLS: the client certificate (and its key) a client must present, issued by a CA
    /// of another folder, whose `ca.pem` the sandbox trusts for its clients.
    pub client_certificate: Option<ClientFiles>,
}

/// A client certificate and its key, written to files, and the CA that issued it.
#[derive(Debug, Clone)]
pub struct ClientFiles {
    pub certificate: PathBuf,
    /// PKCS#8 PEM, readable by its owner only.
    pub key: PathBuf,
    /// The issuing CA's certificate (`--client-ca`).
    pub ca: PathBuf,
}

impl ClientFiles {
    /// A client certificate for `common_name` from a test CA made in `ca_dir`, written with its
    /// key into `dir` as `<stem>.pem` and `<stem>-key.pem`.
    pub fn issue(ca_dir: &Path, common_name: &str, dir: &Path, stem: &str) -> Result<Self> {
        let clients = TestPki::in_dir(ca_dir).map_err(sandbox_error)?;
        let identity: ClientIdentity = clients
            .client_identity(common_name)
            .map_err(sandbox_error)?;
        let (certificate, key) = identity.write_to(dir, stem).map_err(sandbox_error)?;
        Ok(Self {
            certificate,
            key,
            ca: clients.ca_file(),
        })
    }

    /// The private key as its file holds it.
    pub fn key_pem(&self) -> Result<String> {
        std::fs::read_to_string(&self.key).map_err(|source| Error::io(&self.key, source))
    }
}

/// A running sandbox bank, stopped when dropped.
#[derive(Debug)]
pub struct SandboxProcess {
    /// Killed on drop (`kill_on_drop`).
    _child: Child,
    /// Kept open, so the sandbox never finds its output closed.
    _stdout: BufReader<ChildStdout>,
    base_url: String,
    admin: DemoBank,
}

impl SandboxProcess {
    /// Starts the sandbox on a port the system picks, its log (standard error) in `log`, and
    /// waits until it says its base URL.
    pub async fn start(settings: &SandboxSettings, log: &Path) -> Result<Self> {
        let binary = binary()?;
        // Made before the sandboxes start, so the app can be told to trust it from the start.
        TestPki::in_dir(&settings.tls_dir).map_err(sandbox_error)?;
        let log_file = std::fs::File::create(log).map_err(|source| Error::io(log, source))?;
        let mut command = Command::new(&binary);
        command
            .args(["--port", "0", "--transactions", "60"])
            .args(["--seed", &settings.seed.to_string()])
            .args(["--client-id", &settings.client_id])
            .args(["--client-secret", &settings.client_secret])
            .args(["--redirect-uri", &redirect_uri(&settings.bank_id)])
            .arg("--tls-dir")
            .arg(&settings.tls_dir);
        if let Some(client) = &settings.client_certificate {
            command.arg("--client-ca").arg(&client.ca);
        }
        let mut child = command
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(log_file)
            .kill_on_drop(true)
            .spawn()
            .map_err(|source| Error::io(&binary, source))?;
        let mut stdout = BufReader::new(
            child
                .stdout
                .take()
                .ok_or_else(|| Error::Setup("the sandbox's output is not piped".to_owned()))?,
        );
        let base_url = tokio::time::timeout(START_TIMEOUT, introduction(&mut stdout))
            .await
            .map_err(|_| {
                Error::Setup(format!(
                    "the sandbox bank did not say where it listens (its log: {})",
                    log.display()
                ))
            })??;
        let admin = DemoBank::at(&base_url, admin_client(settings)?);
        Ok(Self {
            _child: child,
            _stdout: stdout,
            base_url,
            admin,
        })
    }

    /// `https://127.0.0.1:<port>`, what the Banks form takes as the bank's base URL.
    pub fn base_url(&self) -> &str {
        &self.base_url
    }

    /// Its admin interface: counters, balances, consents.
    pub fn admin(&self) -> &DemoBank {
        &self.admin
    }
}

/// The app's redirect URI for the bank `bank_id`.
pub fn redirect_uri(bank_id: &str) -> String {
    format!("app.bankbook:/oauth/callback/{bank_id}")
}

/// `sandbox-bank` in the folder of the app binary.
fn binary() -> Result<PathBuf> {
    let app = std::env::var_os("BANKBOOK_APP")
        .map(PathBuf::from)
        .ok_or(Error::MissingEnv("BANKBOOK_APP"))?;
    let binary = app.with_file_name("sandbox-bank");
    if binary.is_file() {
        Ok(binary)
    } else {
        Err(Error::Setup(format!(
            "no {} next to the app: build it with `cargo build -p sandbox-bank --features admin` \
             (`make rust-test` does)",
            binary.display()
        )))
    }
}

/// The base URL from the sandbox's first line of output.
async fn introduction(stdout: &mut BufReader<ChildStdout>) -> Result<String> {
    let mut lines = stdout.lines();
    while let Some(line) = lines
        .next_line()
        .await
        .map_err(|source| Error::io(Path::new("the sandbox's output"), source))?
    {
        if let Some(base_url) = line.strip_prefix(INTRODUCTION) {
            return Ok(base_url.trim().to_owned());
        }
    }
    Err(Error::Setup(
        "the sandbox bank ended without saying where it listens".to_owned(),
    ))
}

/// A client for the sandbox's admin interface: it trusts the test CA, and presents the client
/// certificate to a sandbox with mutual TLS.
fn admin_client(settings: &SandboxSettings) -> Result<reqwest::Client> {
    let ca_file = settings.tls_dir.join(sandbox_bank::tls::CA_FILE);
    let ca = std::fs::read(&ca_file).map_err(|source| Error::io(&ca_file, source))?;
    let ca =
        reqwest::Certificate::from_pem(&ca).map_err(|error| Error::Setup(error.to_string()))?;
    let mut builder = reqwest::Client::builder().add_root_certificate(ca);
    if let Some(client) = &settings.client_certificate {
        let certificate = std::fs::read(&client.certificate)
            .map_err(|source| Error::io(&client.certificate, source))?;
        let key = std::fs::read(&client.key).map_err(|source| Error::io(&client.key, source))?;
        let identity = reqwest::Identity::from_pkcs8_pem(&certificate, &key)
            .map_err(|error| Error::Setup(error.to_string()))?;
        builder = builder.identity(identity);
    }
    builder
        .build()
        .map_err(|error| Error::Setup(error.to_string()))
}

#[allow(clippy::needless_pass_by_value, reason = "the map_err shape")]
fn sandbox_error(error: sandbox_bank::Error) -> Error {
    Error::Setup(format!("the test CA: {error}"))
}
