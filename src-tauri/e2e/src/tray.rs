//! The desktop's tray, as the test's desktop session has it: a host that owns
//! `org.kde.StatusNotifierWatcher` on the session bus, the watcher of the `StatusNotifierItem`
//! protocol that the `AppIndicator` library (what Tauri's tray uses on Linux) registers with.
//! It reads the item's menu over `com.canonical.dbusmenu` and clicks an entry as a panel does,
//! with the menu's `Event` call.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use zbus::message::Header;
use zbus::object_server::SignalEmitter;
use zbus::{OwnedObjectPath, OwnedVariant, Variant};

use crate::{Error, Result};

const WATCHER: &str = "org.kde.StatusNotifierWatcher";
const ITEM: &str = "org.kde.StatusNotifierItem";
const MENU: &str = "com.canonical.dbusmenu";

/// A tray icon registered with the host: its bus name and object path.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Item {
    bus_name: String,
    path: String,
}

/// A `com.canonical.dbusmenu` layout: an entry's id, its properties and its children.
type Layout = (i32, HashMap<String, OwnedVariant>, Vec<OwnedVariant>);

/// An entry of a tray icon's menu.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MenuEntry {
    pub id: i32,
    pub label: String,
}

#[derive(Debug, Default)]
struct Watcher {
    items: Arc<Mutex<Vec<Item>>>,
}

#[allow(
    clippy::unused_self,
    clippy::needless_pass_by_value,
    reason = "the D-Bus interface's methods, as zbus calls them"
)]
#[zbus::interface(name = "org.kde.StatusNotifierWatcher")]
impl Watcher {
    /// An item names itself by its object path (the `AppIndicator` library does) or by its bus
    /// name; the other half comes from the call.
    async fn register_status_notifier_item(
        &self,
        service: String,
        #[zbus(header)] header: Header<'_>,
        #[zbus(signal_emitter)] emitter: SignalEmitter<'_>,
    ) {
        let sender = header.sender().map(ToString::to_string).unwrap_or_default();
        let item = if service.starts_with('/') {
            Item {
                bus_name: sender,
                path: service,
            }
        } else {
            Item {
                bus_name: service,
                path: "/StatusNotifierItem".to_owned(),
            }
        };
        let registered = format!("{}{}", item.bus_name, item.path);
        {
            // An item registering again (as it does when its menu changes) is the same one.
            let mut items = self.items.lock().unwrap_or_else(PoisonError::into_inner);
            if !items.contains(&item) {
                items.push(item);
            }
        }
        let _ = Self::status_notifier_item_registered(&emitter, &registered).await;
    }

    /// The host is this watcher itself: nothing to keep.
    fn register_status_notifier_host(&self, service: String) {
        let _ = service;
    }

    #[zbus(property)]
    fn registered_status_notifier_items(&self) -> Vec<String> {
        self.items
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .iter()
            .map(|item| format!("{}{}", item.bus_name, item.path))
            .collect()
    }

    #[zbus(property)]
    fn is_status_notifier_host_registered(&self) -> bool {
        true
    }

    #[zbus(property)]
    fn protocol_version(&self) -> i32 {
        0
    }

    #[zbus(signal)]
    async fn status_notifier_item_registered(
        emitter: &SignalEmitter<'_>,
        service: &str,
    ) -> zbus::Result<()>;
}

/// The running host; it leaves the bus when dropped.
#[derive(Debug)]
pub struct TrayHost {
    connection: zbus::Connection,
    items: Arc<Mutex<Vec<Item>>>,
}

impl TrayHost {
    /// Owns the watcher's name on the session bus, from before the app starts.
    pub async fn start() -> Result<Self> {
        let watcher = Watcher::default();
        let items = Arc::clone(&watcher.items);
        let connection = zbus::connection::Builder::session()
            .name(WATCHER)
            .serve_at("/StatusNotifierWatcher", watcher)
            .build()
            .await
            .map_err(bus_error)?;
        Ok(Self { connection, items })
    }

    /// The entries of the menu of the one icon registered, waiting up to `within` for it.
    pub async fn menu(&self, within: Duration) -> Result<Vec<MenuEntry>> {
        let started = Instant::now();
        loop {
            let items = self
                .items
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .clone();
            match items.as_slice() {
                [item] => return self.entries(item).await,
                [] if started.elapsed() < within => {
                    tokio::time::sleep(Duration::from_millis(100)).await;
                }
                [] => return Err(Error::NotFound("a tray icon".to_owned())),
                more => return Err(Error::Setup(format!("{} tray icons: {more:?}", more.len()))),
            }
        }
    }

    /// Clicks the menu entry labelled `label`, as a panel does when the person picks it.
    pub async fn click(&self, label: &str) -> Result<()> {
        let entries = self.menu(Duration::from_secs(15)).await?;
        let Some(entry) = entries.iter().find(|entry| entry.label == label) else {
            return Err(Error::NotFound(format!(
                "the tray menu's {label:?} (it has {entries:?})"
            )));
        };
        let item = self.items.lock().unwrap_or_else(PoisonError::into_inner)[0].clone();
        let menu = self.menu_proxy(&item).await?;
        // The event's data is unused for a click; libdbusmenu's own client sends an int32 0.
        let data = Variant::new(0_i32);
        let timestamp = 0_u32;
        menu.call_method("Event", &(entry.id, "clicked", data, timestamp))
            .await
            .map_err(bus_error)?;
        Ok(())
    }

    async fn menu_proxy(&self, item: &Item) -> Result<zbus::Proxy<'static>> {
        let icon = zbus::Proxy::new(
            &self.connection,
            item.bus_name.clone(),
            item.path.clone(),
            ITEM,
        )
        .await
        .map_err(bus_error)?;
        let path: OwnedObjectPath = icon.get_property("Menu").await.map_err(bus_error)?;
        zbus::Proxy::new(&self.connection, item.bus_name.clone(), path, MENU)
            .await
            .map_err(bus_error)
    }

    /// The top level of the item's menu: each entry's id and label.
    async fn entries(&self, item: &Item) -> Result<Vec<MenuEntry>> {
        let menu = self.menu_proxy(item).await?;
        let reply = menu
            .call_method("GetLayout", &(0_i32, -1_i32, Vec::<String>::new()))
            .await
            .map_err(bus_error)?;
        let (_revision, (_root, _properties, children)): (u32, Layout) =
            reply.body().deserialize().map_err(bus_error)?;
        children
            .iter()
            .map(|child| {
                let child = Variant::try_from(child).map_err(bus_error)?;
                let (id, properties, _children): (
                    i32,
                    HashMap<String, Variant<'_>>,
                    Vec<Variant<'_>>,
                ) = child.downcast().map_err(bus_error)?;
                let label = properties
                    .get("label")
                    .and_then(|label| String::try_from(label).ok())
                    .unwrap_or_default();
                Ok(MenuEntry { id, label })
            })
            .collect()
    }
}

#[allow(
    clippy::needless_pass_by_value,
    reason = "called as `map_err(bus_error)`"
)]
fn bus_error(error: zbus::Error) -> Error {
    Error::Setup(format!("the tray's host on the session bus: {error}"))
}
