//! What a window manager does with the app's window, for a display that runs none (Xvfb): the
//! close button, which asks the window to close (`WM_DELETE_WINDOW`) and leaves the answer to
//! the app; and whether the window is on screen.

use x11rb::connection::Connection;
use x11rb::protocol::xproto::{
    AtomEnum, ClientMessageEvent, ConnectionExt, EventMask, MapState, Window,
};
use x11rb::rust_connection::RustConnection;

use crate::{Error, Result};

fn x11(error: &dyn std::fmt::Display) -> Error {
    Error::Setup(format!("X11: {error}"))
}

fn atom(connection: &RustConnection, name: &[u8]) -> Result<u32> {
    Ok(connection
        .intern_atom(false, name)
        .map_err(|error| x11(&error))?
        .reply()
        .map_err(|error| x11(&error))?
        .atom)
}

/// The display's connection and its top-level windows titled `title`.
fn windows_titled(title: &str) -> Result<(RustConnection, Vec<Window>)> {
    let (connection, screen) = x11rb::connect(None).map_err(|error| x11(&error))?;
    let root = connection.setup().roots[screen].root;
    let (net_name, utf8) = (
        atom(&connection, b"_NET_WM_NAME")?,
        atom(&connection, b"UTF8_STRING")?,
    );
    let children = connection
        .query_tree(root)
        .map_err(|error| x11(&error))?
        .reply()
        .map_err(|error| x11(&error))?
        .children;
    let mut titled = Vec::new();
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
            titled.push(window);
        }
    }
    Ok((connection, titled))
}

/// Asks every top-level window titled `title` to close, as its close button would.
pub fn close_window(title: &str) -> Result<()> {
    let (connection, windows) = windows_titled(title)?;
    if windows.is_empty() {
        return Err(Error::NotFound(format!("a window titled {title:?}")));
    }
    let (protocols, delete) = (
        atom(&connection, b"WM_PROTOCOLS")?,
        atom(&connection, b"WM_DELETE_WINDOW")?,
    );
    for window in windows {
        let event = ClientMessageEvent::new(32, window, protocols, [delete, 0, 0, 0, 0]);
        connection
            .send_event(false, window, EventMask::NO_EVENT, event)
            .map_err(|error| x11(&error))?;
    }
    // A round trip before the connection closes, as Xlib's XCloseDisplay makes one: without it
    // the server may drop this client before it handles the close (seen: the first close of
    // `in_the_background` never reached the app in about half the runs; none lost since).
    connection
        .get_input_focus()
        .map_err(|error| x11(&error))?
        .reply()
        .map_err(|error| x11(&error))?;
    Ok(())
}

/// Whether a top-level window titled `title` is on screen (mapped), not hidden.
pub fn window_shown(title: &str) -> Result<bool> {
    let (connection, windows) = windows_titled(title)?;
    for window in windows {
        let attributes = connection
            .get_window_attributes(window)
            .map_err(|error| x11(&error))?
            .reply()
            .map_err(|error| x11(&error))?;
        if attributes.map_state == MapState::VIEWABLE {
            return Ok(true);
        }
    }
    Ok(false)
}
