use std::fs::{self, File};
use std::net::{Ipv4Addr, TcpStream};
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::{Duration, Instant};

use fantoccini::elements::Element;
use fantoccini::{Client, ClientBuilder, Locator};
use tokio::process::{Child, Command};

use crate::{Error, Result, free_port};

/// How long a step may wait for the UI before the test fails.
const UI_TIMEOUT: Duration = Duration::from_secs(15);
const DRIVER_START_TIMEOUT: Duration = Duration::from_secs(15);

/// One run of the real app under WebDriver, in a HOME of its own.
#[derive(Debug)]
pub struct AppSession {
    /// The app binary this session runs.
    app: PathBuf,
    client: Client,
    driver: Child,
    home: Home,
    env: Vec<(String, String)>,
    artefacts: PathBuf,
    /// What the app of this run writes to stdout and stderr.
    log: PathBuf,
    /// How many times the app was started in this session.
    runs: u32,
    steps: u32,
}

impl AppSession {
    /// Starts the app for the test `name`; its screenshots and log go to `<artefacts>/<name>/`.
    pub async fn start(name: &str) -> Result<Self> {
        Self::start_with_env(name, &[]).await
    }

    /// Like [`Self::start`], with extra environment variables for the app.
    pub async fn start_with_env(name: &str, env: &[(&str, &str)]) -> Result<Self> {
        Self::start_with_arguments(name, env, &[]).await
    }

    /// Like [`Self::start_with_env`], with command-line arguments for the app, as the OS
    /// passes a deep link to an app it starts.
    pub async fn start_with_arguments(
        name: &str,
        env: &[(&str, &str)],
        arguments: &[&str],
    ) -> Result<Self> {
        let artefacts = fresh_artefacts(name)?;
        let home = tempfile::Builder::new()
            .prefix("bankbook-e2e-home-")
            .tempdir()
            .map_err(|source| Error::io(Path::new("temporary HOME"), source))?;
        let arguments = arguments
            .iter()
            .map(|&argument| argument.to_owned())
            .collect();
        let app = required_env("BANKBOOK_APP")?;
        Self::launch(app, Home::Temporary(home), owned(env), arguments, artefacts).await
    }

    /// Like [`Self::start_with_env`], with the app as the installer ships it, built without the
    /// test bench (`BANKBOOK_INSTALLER_APP`).
    pub async fn start_installer_build(name: &str, env: &[(&str, &str)]) -> Result<Self> {
        let artefacts = fresh_artefacts(name)?;
        let home = tempfile::Builder::new()
            .prefix("bankbook-e2e-home-")
            .tempdir()
            .map_err(|source| Error::io(Path::new("temporary HOME"), source))?;
        let app = required_env("BANKBOOK_INSTALLER_APP")?;
        Self::launch(
            app,
            Home::Temporary(home),
            owned(env),
            Vec::new(),
            artefacts,
        )
        .await
    }

    /// Like [`Self::start_with_env`], in `home`, which the caller keeps: the app finds there
    /// what it stored in an earlier run (its keychain is the session's, see
    /// `scripts/with-desktop.sh`), and the session leaves it in place when it ends.
    pub async fn start_in_home(name: &str, home: &Path, env: &[(&str, &str)]) -> Result<Self> {
        let artefacts = fresh_artefacts(name)?;
        fs::create_dir_all(home).map_err(|source| Error::io(home, source))?;
        let home = Home::Kept(home.to_owned());
        let app = required_env("BANKBOOK_APP")?;
        Self::launch(app, home, owned(env), Vec::new(), artefacts).await
    }

    /// Quits the app and starts it again in the same HOME, as a user reopening it would.
    pub async fn restart(&mut self) -> Result<()> {
        self.restart_after(|_| Ok(())).await
    }

    /// Quits the app, runs `between` on its HOME while it is not running, and starts it again.
    pub async fn restart_after<T>(
        &mut self,
        between: impl FnOnce(&Path) -> Result<T>,
    ) -> Result<T> {
        self.client.clone().close().await?;
        stop_group(&mut self.driver).await;
        let value = between(self.home.path())?;
        self.runs += 1;
        self.log = log_path(&self.artefacts, self.runs);
        let (client, driver) =
            connect(&self.app, self.home.path(), &self.env, &[], &self.log).await?;
        self.client = client;
        self.driver = driver;
        self.find("html[data-painted]").await?;
        Ok(value)
    }

    async fn launch(
        app: PathBuf,
        home: Home,
        env: Vec<(String, String)>,
        arguments: Vec<String>,
        artefacts: PathBuf,
    ) -> Result<Self> {
        let log = log_path(&artefacts, 0);
        let (client, driver) = connect(&app, home.path(), &env, &arguments, &log).await?;
        let session = Self {
            app,
            client,
            driver,
            home,
            env,
            artefacts,
            log,
            runs: 0,
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

    /// Waits for the first element matching `css`. On a timeout the window is kept as
    /// `not-found.png`, to see what was there instead.
    pub async fn find(&self, css: &str) -> Result<Element> {
        let found = self
            .client
            .wait()
            .at_most(UI_TIMEOUT)
            .for_element(Locator::Css(css))
            .await;
        if found.is_err() {
            self.screenshot_failure().await;
            return Err(Error::NotFound(css.to_owned()));
        }
        Ok(found?)
    }

    /// Keeps the window as `not-found.png`, to see what was there instead of what a step
    /// waited for.
    pub async fn screenshot_failure(&self) {
        let path = self.artefacts.join("not-found.png");
        if let Ok(png) = self.client.screenshot().await {
            let _ = fs::write(path, png);
        }
    }

    /// Waits for the first element matching `css` whose text is `text`. An element that left
    /// the page between being listed and being read (a "Backing up…" status once the backup is
    /// done) is not it.
    pub async fn find_with_text(&self, css: &str, text: &str) -> Result<Element> {
        let deadline = Instant::now() + UI_TIMEOUT;
        loop {
            for element in self.client.find_all(Locator::Css(css)).await? {
                match element.text().await {
                    Ok(shown) if shown == text => return Ok(element),
                    Ok(_) => {}
                    Err(error) if error.is_stale_element_reference() => {}
                    Err(error) => return Err(error.into()),
                }
            }
            if Instant::now() > deadline {
                self.screenshot_failure().await;
                return Err(Error::NotFound(format!("{css} with text {text:?}")));
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Every element matching `css` now.
    pub async fn find_all(&self, css: &str) -> Result<Vec<Element>> {
        Ok(self.client.find_all(Locator::Css(css)).await?)
    }

    /// Keeps the HOME after the session ends (a measurement reuses a connected app's data);
    /// the caller removes it.
    pub fn keep_home(&mut self) -> PathBuf {
        if let Home::Temporary(home) = &mut self.home {
            home.disable_cleanup(true);
        }
        self.home.path().to_owned()
    }

    /// Where this session's screenshots and the app's logs go.
    pub fn artefacts(&self) -> &Path {
        &self.artefacts
    }

    /// The file the app of this run logs to.
    pub fn log_path(&self) -> &Path {
        &self.log
    }

    /// What the app has logged so far in this run.
    pub fn log(&self) -> Result<String> {
        fs::read_to_string(&self.log).map_err(|source| Error::io(&self.log, source))
    }

    /// Waits until the app's log of this run holds `text` at least `times` times, and returns
    /// the log: what the app did without a word on screen (an answer it ignored) shows there.
    pub async fn logged(&self, text: &str, times: usize) -> Result<String> {
        let deadline = Instant::now() + UI_TIMEOUT;
        loop {
            let log = self.log()?;
            if log.matches(text).count() >= times {
                return Ok(log);
            }
            if Instant::now() > deadline {
                return Err(Error::NotFound(format!(
                    "{text:?} {times} times in the app's log ({})",
                    self.log.display()
                )));
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Kills the app with SIGKILL, as a crash would: no clean-up of any kind runs. Its driver
    /// stays, for `restart` or `close` to end.
    pub async fn kill_app(&self) -> Result<()> {
        let group = self
            .driver
            .id()
            .ok_or(Error::Setup("the driver has ended".to_owned()))?;
        let group = group.to_string();
        let in_group = ["-g", group.as_str(), "-x", "bankbook"];
        let killed = Command::new("pkill")
            .arg("-KILL")
            .args(in_group)
            .status()
            .await
            .map_err(|source| Error::io(Path::new("pkill"), source))?;
        if !killed.success() {
            return Err(Error::Setup("no app process to kill".to_owned()));
        }
        let deadline = Instant::now() + UI_TIMEOUT;
        while Command::new("pgrep")
            .args(in_group)
            .stdout(Stdio::null())
            .status()
            .await
            .is_ok_and(|status| status.success())
        {
            if Instant::now() > deadline {
                return Err(Error::Setup("the killed app is still there".to_owned()));
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        Ok(())
    }

    /// Whether the app's process is still there.
    pub async fn app_running(&self) -> bool {
        let Some(group) = self.driver.id() else {
            return false;
        };
        let group = group.to_string();
        Command::new("pgrep")
            .args(["-g", group.as_str(), "-x", "bankbook"])
            .stdout(Stdio::null())
            .status()
            .await
            .is_ok_and(|status| status.success())
    }

    /// The process group of the driver, the app and its web processes.
    pub fn process_group(&self) -> Option<u32> {
        self.driver.id()
    }

    /// Waits until `css` matches nothing, for at most `within`.
    pub async fn gone(&self, css: &str, within: Duration) -> Result<()> {
        let deadline = Instant::now() + within;
        while self.count(css).await? > 0 {
            if Instant::now() > deadline {
                return Err(Error::NotFound(format!("{css} still shown")));
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        Ok(())
    }

    /// Waits until no refresh is under way: the Refresh button is free (a bank that does not
    /// answer is given up on after the 30-second request timeout), and the shown history's
    /// first page is in.
    pub async fn refreshed(&self) -> Result<()> {
        self.gone("button[aria-busy=true]", Duration::from_secs(45))
            .await?;
        self.gone("[data-testid=history-loading]", UI_TIMEOUT).await
    }

    /// The first transaction row's entry reference (`data-id`), once there is a row. Read in one
    /// call: the list redraws its rows as pages and category names arrive, so an element found
    /// in one call may be gone by the next (a stale element).
    pub async fn first_row_id(&self) -> Result<String> {
        self.find("[data-testid=transaction-row]").await?;
        self.script_text(
            "return document.querySelector('[data-testid=transaction-row]')?.dataset.id ?? '';",
        )
        .await
    }

    /// What `script` returns, as text (empty when it returns no string).
    pub async fn script_text(&self, script: &str) -> Result<String> {
        let value = self.client.execute(script, Vec::new()).await?;
        Ok(value.as_str().unwrap_or_default().to_owned())
    }

    /// The IBAN of the account whose history the list shows.
    pub async fn shown_iban(&self) -> Result<String> {
        let item = self
            .find("[data-testid=account-item][aria-current=true]")
            .await?;
        Ok(item.attr("data-iban").await?.unwrap_or_default())
    }

    /// How many elements match `css` now.
    pub async fn count(&self, css: &str) -> Result<usize> {
        Ok(self.client.find_all(Locator::Css(css)).await?.len())
    }

    /// Saves what the window shows as `<nn>-<step>.png` and returns the path.
    pub async fn screenshot(&mut self, step: &str) -> Result<PathBuf> {
        self.steps += 1;
        self.screenshot_as(&format!("{:02}-{step}", self.steps))
            .await
    }

    /// Saves what the window shows as `<artefacts>/<name>.png` (`name` may hold folders:
    /// `light/main-window`) and returns the path.
    pub async fn screenshot_as(&self, name: &str) -> Result<PathBuf> {
        self.next_frames().await?;
        let path = self.artefacts.join(format!("{name}.png"));
        if let Some(folder) = path.parent() {
            fs::create_dir_all(folder).map_err(|source| Error::io(folder, source))?;
        }
        let png = self.client.screenshot().await?;
        fs::write(&path, png).map_err(|source| Error::io(&path, source))?;
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
        stop_group(&mut self.driver).await;
        Ok(closed?)
    }
}

/// Where a session's app lives.
#[derive(Debug)]
enum Home {
    /// A throwaway folder, removed when the session ends (the tests).
    Temporary(tempfile::TempDir),
    /// A folder the caller keeps between runs (a headless `make run`).
    Kept(PathBuf),
}

impl Home {
    fn path(&self) -> &Path {
        match self {
            Self::Temporary(home) => home.path(),
            Self::Kept(home) => home,
        }
    }
}

/// `<artefacts>/<name>/`, emptied: a previous run's pictures would pass for this run's.
fn fresh_artefacts(name: &str) -> Result<PathBuf> {
    let artefacts = artefacts_root().join(name);
    if artefacts.exists() {
        fs::remove_dir_all(&artefacts).map_err(|source| Error::io(&artefacts, source))?;
    }
    fs::create_dir_all(&artefacts).map_err(|source| Error::io(&artefacts, source))?;
    Ok(artefacts)
}

fn owned(env: &[(&str, &str)]) -> Vec<(String, String)> {
    env.iter()
        .map(|(key, value)| ((*key).to_owned(), (*value).to_owned()))
        .collect()
}

/// Starts tauri-driver (which starts the app) and opens a WebDriver session with it.
async fn connect(
    app: &Path,
    home: &Path,
    env: &[(String, String)],
    arguments: &[String],
    log: &Path,
) -> Result<(Client, Child)> {
    let ports = DriverPorts {
        driver: free_port()?,
        native: free_port()?,
    };
    let mut driver = spawn_driver(ports, home, env, log)?;
    match new_session(ports, app, arguments).await {
        Ok(client) => Ok((client, driver)),
        Err(error) => {
            // Killing the driver alone would leave its `WebKitWebDriver` (and the app, if it
            // started) running, holding the HOME.
            stop_group(&mut driver).await;
            Err(error)
        }
    }
}

/// Where tauri-driver listens, and where the native driver (`WebKitWebDriver`) it starts does.
#[derive(Debug, Clone, Copy)]
struct DriverPorts {
    driver: u16,
    native: u16,
}

/// Waits for tauri-driver and its native driver, then opens a WebDriver session with the app.
/// tauri-driver listens as soon as it has started `WebKitWebDriver`, not once that listens: a
/// session asked for in between is forwarded to a closed port and fails (seen when two test
/// sessions start at once), so both must be up first.
async fn new_session(ports: DriverPorts, app: &Path, arguments: &[String]) -> Result<Client> {
    wait_for_port(ports.native).await?;
    wait_for_port(ports.driver).await?;
    let port = ports.driver;
    let capabilities =
        serde_json::json!({ "tauri:options": { "application": app, "args": arguments } });
    let serde_json::Value::Object(capabilities) = capabilities else {
        unreachable!("a JSON object literal")
    };
    Ok(ClientBuilder::native()
        .capabilities(capabilities)
        .connect(&format!("http://127.0.0.1:{port}"))
        .await?)
}

/// Stops the driver's whole process group and waits until it is gone. A surviving app would
/// keep the single-instance name on D-Bus, and the next app started would hand over to it
/// and exit.
async fn stop_group(driver: &mut Child) {
    if let Some(group) = driver.id() {
        let group = format!("-{group}");
        let _ = std::process::Command::new("kill")
            .args(["-KILL", "--", &group])
            .status();
        for _ in 0..100 {
            let alive = std::process::Command::new("kill")
                .args(["-0", "--", &group])
                .stderr(Stdio::null())
                .status()
                .is_ok_and(|status| status.success());
            if !alive {
                break;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }
    let _ = driver.wait().await;
}

/// A test that fails mid-way drops its session: the app must not outlive it.
impl Drop for AppSession {
    fn drop(&mut self) {
        if let Some(group) = self.driver.id() {
            let _ = std::process::Command::new("kill")
                .args(["-KILL", "--", &format!("-{group}")])
                .status();
        }
    }
}

/// The app's log for its `run`th start in a session, from 0.
fn log_path(artefacts: &Path, run: u32) -> PathBuf {
    artefacts.join(format!("app-{run:02}.log"))
}

fn spawn_driver(
    ports: DriverPorts,
    home: &Path,
    env: &[(String, String)],
    log_path: &Path,
) -> Result<Child> {
    let log = File::create(log_path).map_err(|source| Error::io(log_path, source))?;
    let log_for_stderr = log
        .try_clone()
        .map_err(|source| Error::io(log_path, source))?;
    let driver = std::env::var_os("TAURI_DRIVER").unwrap_or_else(|| "tauri-driver".into());
    Command::new(&driver)
        .args(["--port", &ports.driver.to_string()])
        .args(["--native-port", &ports.native.to_string()])
        // The app, started by WebKitWebDriver, inherits this environment.
        .env("HOME", home)
        .env("XDG_CONFIG_HOME", home.join(".config"))
        .env("XDG_DATA_HOME", home.join(".local/share"))
        .env("XDG_CACHE_HOME", home.join(".cache"))
        .env("XDG_STATE_HOME", home.join(".local/state"))
        // A user in Slovakia reading English: the Demo Bank's days are Bratislava's, so
        // "Today" in the list is the bank's today; English, amounts in the British format (the
        // tests find elements by their English names unless they set a language).
        .env("TZ", "Europe/Bratislava")
        .env("LANG", "en_GB.UTF-8")
        // The app's language is the system's (LC_ALL, then LC_MESSAGES, then LANG): the
        // tests' own locale must not leak into it; a test that wants one sets it.
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANGUAGE")
        .envs(env.iter().map(|(key, value)| (key, value)))
        .stdin(Stdio::null())
        .stdout(log)
        .stderr(log_for_stderr)
        // Its own process group: the driver, WebKitWebDriver and the app end together.
        .process_group(0)
        .kill_on_drop(true)
        .spawn()
        .map_err(|source| Error::io(Path::new(&driver), source))
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

fn required_env(name: &'static str) -> Result<PathBuf> {
    std::env::var_os(name)
        .map(PathBuf::from)
        .ok_or(Error::MissingEnv(name))
}

/// Where screenshots and logs go: `BANKBOOK_ARTEFACTS`, or `target/e2e-artefacts`.
pub fn artefacts_root() -> PathBuf {
    std::env::var_os("BANKBOOK_ARTEFACTS").map_or_else(
        || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target/e2e-artefacts"),
        PathBuf::from,
    )
}
