use std::fs::{self, File};
use std::net::{Ipv4Addr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::{Duration, Instant};

use fantoccini::elements::Element;
use fantoccini::{Client, ClientBuilder, Locator};
use tokio::process::{Child, Command};

use crate::{Error, Result};

/// How long a step may wait for the UI before the test fails.
const UI_TIMEOUT: Duration = Duration::from_secs(15);
const DRIVER_START_TIMEOUT: Duration = Duration::from_secs(15);

/// One run of the real app under WebDriver, in a HOME of its own.
#[derive(Debug)]
pub struct AppSession {
    client: Client,
    driver: Child,
    home: tempfile::TempDir,
    artefacts: PathBuf,
    steps: u32,
}

impl AppSession {
    /// Starts the app for the test `name`; its screenshots and log go to `<artefacts>/<name>/`.
    pub async fn start(name: &str) -> Result<Self> {
        Self::start_with_env(name, &[]).await
    }

    /// Like [`Self::start`], with extra environment variables for the app.
    pub async fn start_with_env(name: &str, env: &[(&str, &str)]) -> Result<Self> {
        let app = required_env("BANKBOOK_APP")?;
        let artefacts = artefacts_root().join(name);
        // A previous run's pictures would pass for this run's.
        if artefacts.exists() {
            fs::remove_dir_all(&artefacts).map_err(|source| io_error(&artefacts, source))?;
        }
        fs::create_dir_all(&artefacts).map_err(|source| io_error(&artefacts, source))?;
        let home = tempfile::Builder::new()
            .prefix("bankbook-e2e-home-")
            .tempdir()
            .map_err(|source| io_error(Path::new("temporary HOME"), source))?;

        let port = free_port()?;
        let driver = spawn_driver(port, home.path(), env, &artefacts.join("app.log"))?;
        wait_for_port(port).await?;

        let capabilities = serde_json::json!({ "tauri:options": { "application": app } });
        let serde_json::Value::Object(capabilities) = capabilities else {
            unreachable!("a JSON object literal")
        };
        let client = ClientBuilder::native()
            .capabilities(capabilities)
            .connect(&format!("http://127.0.0.1:{port}"))
            .await?;
        let session = Self {
            client,
            driver,
            home,
            artefacts,
            steps: 0,
        };
        // The UI marks the root once its first frame is on screen.
        session.find("html[data-painted]").await?;
        Ok(session)
    }

    pub fn client(&self) -> &Client {
        &self.client
    }

    /// The HOME the app runs in: its config, data, caches and logs are all under it.
    pub fn home(&self) -> &Path {
        self.home.path()
    }

    /// Waits for the first element matching `css`.
    pub async fn find(&self, css: &str) -> Result<Element> {
        Ok(self
            .client
            .wait()
            .at_most(UI_TIMEOUT)
            .for_element(Locator::Css(css))
            .await?)
    }

    /// Waits for the first element matching `css` whose text is `text`.
    pub async fn find_with_text(&self, css: &str, text: &str) -> Result<Element> {
        let deadline = Instant::now() + UI_TIMEOUT;
        loop {
            for element in self.client.find_all(Locator::Css(css)).await? {
                if element.text().await? == text {
                    return Ok(element);
                }
            }
            if Instant::now() > deadline {
                return Err(Error::NotFound(format!("{css} with text {text:?}")));
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Saves what the window shows as `<nn>-<step>.png` and returns the path.
    pub async fn screenshot(&mut self, step: &str) -> Result<PathBuf> {
        self.next_frames().await?;
        self.steps += 1;
        let path = self.artefacts.join(format!("{:02}-{step}.png", self.steps));
        let png = self.client.screenshot().await?;
        fs::write(&path, png).map_err(|source| io_error(&path, source))?;
        Ok(path)
    }

    /// Waits until the page has put two more frames on screen: a snapshot taken sooner can
    /// show the frame before the last change.
    pub async fn next_frames(&self) -> Result<()> {
        self.client
            .execute_async(
                "const done = arguments[0];\
                 requestAnimationFrame(() => requestAnimationFrame(() => done()));",
                Vec::new(),
            )
            .await?;
        Ok(())
    }

    /// Ends the WebDriver session (which quits the app) and stops the driver.
    pub async fn close(mut self) -> Result<()> {
        let closed = self.client.clone().close().await;
        // The driver has no graceful stop; the app is gone with the session.
        let _ = self.driver.kill().await;
        Ok(closed?)
    }
}

fn spawn_driver(port: u16, home: &Path, env: &[(&str, &str)], log_path: &Path) -> Result<Child> {
    let log = File::create(log_path).map_err(|source| io_error(log_path, source))?;
    let log_for_stderr = log
        .try_clone()
        .map_err(|source| io_error(log_path, source))?;
    let driver = std::env::var_os("TAURI_DRIVER").unwrap_or_else(|| "tauri-driver".into());
    Command::new(&driver)
        .args(["--port", &port.to_string()])
        .args(["--native-port", &free_port()?.to_string()])
        // The app, started by WebKitWebDriver, inherits this environment.
        .env("HOME", home)
        .env("XDG_CONFIG_HOME", home.join(".config"))
        .env("XDG_DATA_HOME", home.join(".local/share"))
        .env("XDG_CACHE_HOME", home.join(".cache"))
        .env("XDG_STATE_HOME", home.join(".local/state"))
        .envs(env.iter().copied())
        .stdin(Stdio::null())
        .stdout(log)
        .stderr(log_for_stderr)
        .kill_on_drop(true)
        .spawn()
        .map_err(|source| io_error(Path::new(&driver), source))
}

async fn wait_for_port(port: u16) -> Result<()> {
    let deadline = Instant::now() + DRIVER_START_TIMEOUT;
    while TcpStream::connect((Ipv4Addr::LOCALHOST, port)).is_err() {
        if Instant::now() > deadline {
            return Err(Error::DriverNotReady(port));
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    Ok(())
}

fn free_port() -> Result<u16> {
    let listener = TcpListener::bind((Ipv4Addr::LOCALHOST, 0))
        .map_err(|source| io_error(Path::new("127.0.0.1:0"), source))?;
    listener
        .local_addr()
        .map(|address| address.port())
        .map_err(|source| io_error(Path::new("127.0.0.1:0"), source))
}

fn required_env(name: &'static str) -> Result<PathBuf> {
    std::env::var_os(name)
        .map(PathBuf::from)
        .ok_or(Error::MissingEnv(name))
}

fn artefacts_root() -> PathBuf {
    std::env::var_os("BANKBOOK_ARTEFACTS").map_or_else(
        || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target/e2e-artefacts"),
        PathBuf::from,
    )
}

fn io_error(path: &Path, source: std::io::Error) -> Error {
    Error::Io {
        path: path.to_owned(),
        source,
    }
}
