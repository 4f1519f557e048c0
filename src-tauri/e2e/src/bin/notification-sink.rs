//! A stand-in for the desktop's notification service, for the end-to-end tests: it owns
//! `org.freedesktop.Notifications` on the session bus and writes each `Notify` call it gets as
//! a line of JSON (`{"appName","summary","body","actions",...}`) to the file named by its only
//! argument. Once it owns the name it writes `<file>.ready`, for the test to wait on.

// What goes wrong is said on standard error.
#![allow(clippy::print_stderr)]

use std::collections::HashMap;
use std::fs::File;
use std::io::Write;
use std::path::PathBuf;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU32, Ordering};

use zbus::OwnedVariant;

struct Sink {
    log: Mutex<File>,
    next_id: AtomicU32,
}

// The methods as the specification has them and zbus calls them: owned arguments, and `self` on
// each.
#[allow(
    clippy::needless_pass_by_value,
    clippy::unused_self,
    clippy::too_many_arguments,
    reason = "the D-Bus interface's methods, as zbus calls them"
)]
#[zbus::interface(name = "org.freedesktop.Notifications")]
impl Sink {
    fn notify(
        &self,
        app_name: String,
        replaces_id: u32,
        app_icon: String,
        summary: String,
        body: String,
        actions: Vec<String>,
        hints: HashMap<String, OwnedVariant>,
        expire_timeout: i32,
    ) -> u32 {
        let line = serde_json::json!({
            "appName": app_name,
            "summary": summary,
            "body": body,
            "actions": actions,
            "replacesId": replaces_id,
            "appIcon": app_icon,
            "hints": hints.keys().collect::<Vec<_>>(),
            "expireTimeout": expire_timeout,
        });
        let mut log = self
            .log
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Err(error) = writeln!(log, "{line}").and_then(|()| log.flush()) {
            eprintln!("notification sink: {error}");
        }
        self.next_id.fetch_add(1, Ordering::Relaxed) + 1
    }

    /// Nothing is on screen to close: the call is only answered.
    fn close_notification(&self, id: u32) {
        let _ = id;
    }

    fn get_capabilities(&self) -> Vec<String> {
        vec!["body".to_owned(), "actions".to_owned()]
    }

    fn get_server_information(&self) -> (String, String, String, String) {
        (
            "notification-sink".to_owned(),
            "Bankbook tests".to_owned(),
            "1".to_owned(),
            "1.2".to_owned(),
        )
    }
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> std::process::ExitCode {
    let Some(path) = std::env::args_os().nth(1).map(PathBuf::from) else {
        eprintln!("notification sink: name the file to write to");
        return std::process::ExitCode::FAILURE;
    };
    match serve(&path).await {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("notification sink: {error}");
            std::process::ExitCode::FAILURE
        }
    }
}

async fn serve(path: &std::path::Path) -> Result<(), Box<dyn std::error::Error>> {
    let sink = Sink {
        log: Mutex::new(File::create(path)?),
        next_id: AtomicU32::new(0),
    };
    let _connection = zbus::connection::Builder::session()
        .name("org.freedesktop.Notifications")
        .serve_at("/org/freedesktop/Notifications", sink)
        .build()
        .await?;
    let mut ready = path.as_os_str().to_owned();
    ready.push(".ready");
    File::create(PathBuf::from(ready))?;
    // Served until the test kills this process.
    std::future::pending::<()>().await;
    Ok(())
}
