//! "Start again": the person's encrypted data whose key is gone for good is moved aside, after
//! they confirmed it in the window, and the app starts with no data. Nothing is deleted.

use serde::Serialize;
use ts_rs::TS;

use crate::core::Core;
use crate::error::{Error, Result};
use crate::opened::Opened;

/// Where the data that could not be opened was put.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct StartedAgain {
    /// The old database's new path, in the data folder.
    pub kept_as: String,
}

/// The name the old database is given: `bankbook unreadable.sqlite3`.
const LABEL: &str = "unreadable";

impl Core {
    /// Moves the store aside when its key is gone for good (the keychain has none, or one that
    /// does not open it). Data that opens, or whose keychain is only locked, is not touched.
    pub async fn start_again(&self) -> Result<StartedAgain> {
        let _opening = self.opening().await;
        if self.opened().is_some() {
            return Err(Error::InvalidInput("the data is open".to_owned()));
        }
        match self.open_data().await {
            Err(Error::StoreKeyMissing | Error::Store(store::Error::WrongKey)) => {}
            Err(other) => return Err(other),
            Ok(opened) => {
                self.set_opened(Some(std::sync::Arc::new(opened)));
                return Err(Error::InvalidInput("the data opened".to_owned()));
            }
        }
        let folders = self.folders()?;
        let kept = store::set_aside(&Opened::store_path(folders), LABEL)
            .map_err(|error| Error::Store(error).in_data_folder(&folders.data))?;
        tracing::warn!("the data whose key is gone was moved aside; starting with none");
        Ok(StartedAgain {
            kept_as: kept.display().to_string(),
        })
    }
}
