//! The desktop's notifications, shown with notify-rust (the freedesktop.org notification
//! service on Linux, toasts on Windows, the notification centre on macOS). A click on one that
//! names an account shows the window on that account.
//!
//! Not tauri-plugin-notification, though it wraps the same crate: on Linux it drops the
//! service's refusals without a word, and it injects a script that asks the webview for a
//! permission this app's window is not given.

use app::{AccountToOpen, Notification, Notifier};
use tauri::AppHandle;

use crate::{ipc, window};

#[derive(Debug)]
struct Desktop(AppHandle);

impl Notifier for Desktop {
    /// Shown from a thread of its own: the call waits for the notification service, which
    /// may be slow or gone, and then for a click.
    fn show(&self, notification: &Notification) -> app::Result<()> {
        let mut shown = notify_rust::Notification::new();
        shown
            .appname("Bankbook")
            .summary(&notification.title)
            .body(&notification.body);
        if notification.account.is_some() {
            shown.action("default", "Open");
        }
        let (app, account) = (self.0.clone(), notification.account.clone());
        std::thread::Builder::new()
            .name("notification".to_owned())
            .spawn(move || match shown.show() {
                Ok(handle) => {
                    if let Some(iban) = account {
                        handle.wait_for_action(|action| {
                            if action == "default" {
                                open_on(&app, iban);
                            }
                        });
                    }
                }
                Err(error) => {
                    tracing::warn!(%error, "the system did not take a desktop notification");
                }
            })
            .map(drop)
            .map_err(app::Error::notifier)
    }
}

/// Brings the window up on the account `iban`.
fn open_on(app: &AppHandle, iban: String) {
    window::bring_up(app);
    ipc::open_account(app, &AccountToOpen { iban });
}

pub fn desktop(app: &AppHandle) -> Box<dyn Notifier> {
    Box::new(Desktop(app.clone()))
}
