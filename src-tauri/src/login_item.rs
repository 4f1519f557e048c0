//! "Start at login", through the system's autostart entry (tauri-plugin-autostart).

use app::LoginItem;
use tauri::AppHandle;
use tauri_plugin_autostart::ManagerExt;

#[derive(Debug)]
struct Autostart(AppHandle);

impl LoginItem for Autostart {
    fn set(&self, start_at_login: bool) -> app::Result<()> {
        let autolaunch = self.0.autolaunch();
        let set = autolaunch.is_enabled().map_err(app::Error::login_item)?;
        match (start_at_login, set) {
            (true, false) => autolaunch.enable(),
            (false, true) => autolaunch.disable(),
            _ => Ok(()),
        }
        .map_err(app::Error::login_item)
    }
}

pub fn system(app: &AppHandle) -> Box<dyn LoginItem> {
    Box::new(Autostart(app.clone()))
}
