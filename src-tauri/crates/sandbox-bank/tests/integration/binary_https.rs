//! The standalone binary over https, trusted as the end-to-end tests trust it: two sandbox
//! processes given one `--tls-dir`, and a client process whose TLS library (OpenSSL, under
//! reqwest's native-tls) reads `SSL_CERT_FILE`, with no certificate added in code. Where
//! native-tls is not OpenSSL (Windows, macOS) the variable means nothing, so this runs on the
//! other Unix systems only.

#![cfg(all(unix, not(target_vendor = "apple")))]

use std::io::{BufRead as _, BufReader};
use std::path::Path;
use std::process::{Child, ChildStdout, Command, Stdio};

use sandbox_bank::tls::CA_FILE;

/// The variable the client process finds the banks' base URLs in.
const BANKS: &str = "SANDBOX_BANK_TEST_URLS";

/// A sandbox bank process, killed when dropped.
struct BankProcess {
    child: Child,
    /// Kept open: the bank must not find its output closed.
    _stdout: BufReader<ChildStdout>,
    base_url: String,
}

#[cfg(test)]
impl BankProcess {
    /// Starts the binary on a free port and reads its base URL from what it prints.
    fn start(seed: &str, tls_dir: &Path) -> Self {
        let mut child = Command::new(env!("CARGO_BIN_EXE_sandbox-bank"))
            .args(["--port", "0", "--transactions", "12", "--seed", seed])
            .arg("--tls-dir")
            .arg(tls_dir)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut stdout = BufReader::new(child.stdout.take().unwrap());
        let marker = "Demo Bank (sandbox) at ";
        let base_url = (&mut stdout)
            .lines()
            .map_while(Result::ok)
            .find_map(|line| line.strip_prefix(marker).map(str::to_owned))
            .expect("the bank prints its base URL");
        Self {
            child,
            _stdout: stdout,
            base_url,
        }
    }
}

impl Drop for BankProcess {
    fn drop(&mut self) {
        self.child.kill().ok();
        self.child.wait().ok();
    }
}

#[test]
fn two_bank_processes_sharing_a_tls_dir_are_trusted_through_ssl_cert_file() {
    let pki = tempfile::tempdir().unwrap();
    let banks = [
        BankProcess::start("1", pki.path()),
        BankProcess::start("2", pki.path()),
    ];
    for bank in &banks {
        assert!(
            bank.base_url.starts_with("https://127.0.0.1:"),
            "{}",
            bank.base_url
        );
    }
    let urls: Vec<&str> = banks.iter().map(|bank| bank.base_url.as_str()).collect();

    let client = |ca_file: &Path| {
        Command::new(std::env::current_exe().unwrap())
            .args([
                "--exact",
                "binary_https::client_process",
                "--ignored",
                "--nocapture",
            ])
            .env("SSL_CERT_FILE", ca_file)
            .env(BANKS, urls.join(" "))
            .output()
            .unwrap()
    };
    let trusting = client(&pki.path().join(CA_FILE));
    let report = String::from_utf8_lossy(&trusting.stdout);
    assert!(
        trusting.status.success() && report.contains("1 passed"),
        "{report}"
    );
    let elsewhere = tempfile::tempdir().unwrap();
    sandbox_bank::tls::TestPki::in_dir(elsewhere.path()).unwrap();
    let untrusting = client(&elsewhere.path().join(CA_FILE));
    assert!(!untrusting.status.success(), "another CA is not trusted");
}

/// The client process of the test above (which sets its environment): reaches every bank with
/// a client that knows no certificate but what `SSL_CERT_FILE` names.
#[tokio::test]
#[ignore = "the client process of two_bank_processes_sharing_a_tls_dir_are_trusted_through_ssl_cert_file"]
async fn client_process() {
    let urls = std::env::var(BANKS).expect("started by the test above");
    for url in urls.split(' ') {
        let answer = reqwest::get(format!("{url}/__admin/clock")).await.unwrap();
        assert!(answer.status().is_success(), "{url}");
    }
}
