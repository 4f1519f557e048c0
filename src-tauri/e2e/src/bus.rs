//! A D-Bus session bus with nothing on it and nothing to start: no Secret Service can answer,
//! as on a desktop without a keyring.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};

use crate::{Error, Result};

/// No `<servicedir>`: the bus starts nothing on demand (no gnome-keyring).
const CONFIG: &str = r#"<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:tmpdir=/tmp</listen>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
"#;

/// A running bare session bus, stopped when dropped.
#[derive(Debug)]
pub struct BareBus {
    daemon: Child,
    address: String,
    _config: tempfile::TempDir,
}

impl BareBus {
    pub fn start() -> Result<Self> {
        let config =
            tempfile::tempdir().map_err(|source| Error::io(Path::new("tempdir"), source))?;
        let file = config.path().join("session.conf");
        std::fs::write(&file, CONFIG).map_err(|source| Error::io(&file, source))?;
        let mut daemon = Command::new("dbus-daemon")
            .arg(format!("--config-file={}", file.display()))
            .args(["--nofork", "--print-address=1"])
            .stdout(Stdio::piped())
            .spawn()
            .map_err(|source| Error::io(Path::new("dbus-daemon"), source))?;
        let mut address = String::new();
        if let Some(stdout) = daemon.stdout.take() {
            BufReader::new(stdout)
                .read_line(&mut address)
                .map_err(|source| Error::io(Path::new("dbus-daemon"), source))?;
        }
        let address = address.trim().to_owned();
        if address.is_empty() {
            let _ = daemon.kill();
            return Err(Error::Setup("dbus-daemon printed no address".to_owned()));
        }
        Ok(Self {
            daemon,
            address,
            _config: config,
        })
    }

    /// What `DBUS_SESSION_BUS_ADDRESS` is set to for a process on this bus.
    pub fn address(&self) -> &str {
        &self.address
    }
}

impl Drop for BareBus {
    fn drop(&mut self) {
        let _ = self.daemon.kill();
        let _ = self.daemon.wait();
    }
}
