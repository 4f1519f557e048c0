//! What a window manager does with the app's window, for a display that runs none (Xvfb): the
//! close button, which asks the window to close (`WM_DELETE_WINDOW`) and leaves the answer to
//! the app.

use x11rb::connection::Connection;
use x11rb::protocol::xproto::{AtomEnum, ClientMessageEvent, ConnectionExt, EventMask};

use crate::{Error, Result};

/// Asks every top-level window titled `title` to close, as its close button would.
pub fn close_window(title: &str) -> Result<()> {
    let x11 = |error: &dyn std::fmt::Display| Error::Setup(format!("X11: {error}"));
    let (connection, screen) = x11rb::connect(None).map_err(|error| x11(&error))?;
    let root = connection.setup().roots[screen].root;
    let atom = |name: &[u8]| -> Result<u32> {
        Ok(connection
            .intern_atom(false, name)
            .map_err(|error| x11(&error))?
            .reply()
            .map_err(|error| x11(&error))?
            .atom)
    };
    let (protocols, delete) = (atom(b"WM_PROTOCOLS")?, atom(b"WM_DELETE_WINDOW")?);
    let (net_name, utf8) = (atom(b"_NET_WM_NAME")?, atom(b"UTF8_STRING")?);
    let children = connection
        .query_tree(root)
        .map_err(|error| x11(&error))?
        .reply()
        .map_err(|error| x11(&error))?
        .children;
    let mut asked = 0;
    for window in children {
        let named = |property: u32, kind: u32| -> Result<Vec<u8>> {
            Ok(connection
                .get_property(false, window, property, kind, 0, 256)
                .map_err(|error| x11(&error))?
                .reply()
                .map_err(|error| x11(&error))?
                .value)
        };
        let name = named(net_name, utf8)?;
        let name = if name.is_empty() {
            named(AtomEnum::WM_NAME.into(), AtomEnum::STRING.into())?
        } else {
            name
        };
        if name == title.as_bytes() {
            let event = ClientMessageEvent::new(32, window, protocols, [delete, 0, 0, 0, 0]);
            connection
                .send_event(false, window, EventMask::NO_EVENT, event)
                .map_err(|error| x11(&error))?;
            asked += 1;
        }
    }
    connection.flush().map_err(|error| x11(&error))?;
    if asked == 0 {
        return Err(Error::NotFound(format!("a window titled {title:?}")));
    }
    Ok(())
}
