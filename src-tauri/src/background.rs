//! Running in the background: with "Keep running in the background" on, closing the window
//! hides it and Bankbook goes on (its automatic refreshes, its notifications) behind a tray
//! icon with Open, Refresh now and Quit; off, closing the window quits, as it always did.

use app::{Core, TrayMenu};
use tauri::menu::{Menu, MenuItem};
use tauri::tray::TrayIconBuilder;
use tauri::{AppHandle, Manager, Window, WindowEvent, Wry};

use crate::{ipc, window};

/// The window asked to close: Bankbook quits, or hides the window when the person chose to
/// keep it running. Decided off the main thread, where the preferences are read.
pub fn on_window_event(window: &Window, event: &WindowEvent) {
    let WindowEvent::CloseRequested { api, .. } = event else {
        return;
    };
    api.prevent_close();
    let app = window.app_handle().clone();
    tauri::async_runtime::spawn(async move {
        let keep_running = app
            .state::<Core>()
            .preferences()
            .await
            .is_ok_and(|preferences| preferences.keep_running);
        if keep_running {
            tracing::info!("the window is closed; Bankbook keeps running in the background");
            window::hide(&app);
        } else {
            app.exit(0);
        }
    });
}

/// The tray icon's id, to find it again.
const TRAY: &str = "bankbook";

/// The tray icon, in the language the person reads the app in. Where the desktop cannot show
/// one (no `AppIndicator` library, which the tray loads at run time and panics without), the app
/// runs without it: a second launch brings the window back.
pub fn add_tray(app: &AppHandle, slovak: bool) {
    let built = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| tray(app, slovak)));
    match built {
        Ok(Ok(())) => {}
        Ok(Err(error)) => tracing::warn!(%error, "no tray icon"),
        Err(_) => tracing::warn!("no tray icon: the desktop's tray library is missing"),
    }
}

fn tray(app: &AppHandle, slovak: bool) -> tauri::Result<()> {
    let mut tray = TrayIconBuilder::with_id(TRAY)
        .tooltip("Bankbook")
        .menu(&menu(app, slovak)?)
        .on_menu_event(|app, event| match event.id.as_ref() {
            "open" => window::bring_up(app),
            // The person asked: the window refreshes every bank as its Refresh button does.
            "refresh" => {
                window::bring_up(app);
                ipc::refresh_requested(app, &());
            }
            "quit" => app.exit(0),
            _ => {}
        });
    if let Some(icon) = app.default_window_icon() {
        tray = tray.icon(icon.clone());
    }
    tray.build(app)?;
    Ok(())
}

/// Open, Refresh now and Quit, in English or Slovak.
fn menu(app: &AppHandle, slovak: bool) -> tauri::Result<Menu<Wry>> {
    let [open, refresh, quit] = if slovak {
        ["Otvoriť Bankbook", "Obnoviť teraz", "Ukončiť"]
    } else {
        ["Open Bankbook", "Refresh now", "Quit"]
    };
    Menu::with_items(
        app,
        &[
            &MenuItem::with_id(app, "open", open, true, None::<&str>)?,
            &MenuItem::with_id(app, "refresh", refresh, true, None::<&str>)?,
            &MenuItem::with_id(app, "quit", quit, true, None::<&str>)?,
        ],
    )
}

/// The tray's menu, made again in the language the person changed to.
#[derive(Debug)]
struct TrayWords(AppHandle);

impl TrayMenu for TrayWords {
    fn speak(&self, slovak: bool) -> app::Result<()> {
        let Some(tray) = self.0.tray_by_id(TRAY) else {
            // The desktop has no tray: nothing says the words.
            return Ok(());
        };
        let menu = menu(&self.0, slovak).map_err(app::Error::tray_menu)?;
        tray.set_menu(Some(menu)).map_err(app::Error::tray_menu)
    }
}

pub fn tray_menu(app: &AppHandle) -> Box<dyn TrayMenu> {
    Box::new(TrayWords(app.clone()))
}
