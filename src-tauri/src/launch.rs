//! The launch arguments: on Linux and Windows the OS hands a deep link to the app as its only
//! argument, to a new process that the single-instance plugin forwards to the running one.

use app::Core;
use tauri::{AppHandle, Manager};
use url::Url;

use crate::{ipc, window};

/// A second launch (for example the OS delivering a callback URL) focuses the running window
/// and hands its URL on. Read here rather than through the deep-link plugin, which would also
/// emit the URL, authorization code and all, as an event any webview could listen to.
pub fn on_second_instance(app: &AppHandle, argv: Vec<String>, _cwd: String) {
    // Shown too: the window may be hidden, Bankbook running in the background.
    window::bring_up(app);
    if let Some(url) = url_argument(argv.into_iter()) {
        route(app, url);
    }
}

/// Hands a URL the app was given to the app core, and tells the window how the consent it
/// answers ended. The authorization code in it never reaches the webview.
pub fn route(app: &AppHandle, url: Url) {
    let app = app.clone();
    tauri::async_runtime::spawn(async move {
        // Setup registers the core before anything can arrive; should a second launch still
        // come first, it is dropped like any answer to no consent of ours.
        let Some(core) = app.try_state::<Core>() else {
            tracing::warn!("a deep link arrived before the app was ready; ignored");
            return;
        };
        if let Some(outcome) = core.answer_consent(&url).await {
            ipc::consent_finished(&app, &outcome);
        }
    });
}

/// The URL the app was launched with, if its arguments are exactly one URL.
pub fn url_argument(mut argv: impl Iterator<Item = String>) -> Option<Url> {
    let _program = argv.next();
    let argument = argv.next()?;
    if argv.next().is_some() {
        return None;
    }
    match Url::parse(&argument) {
        Ok(url) => Some(url),
        Err(error) => {
            tracing::warn!(%error, "the launch argument is not a URL");
            None
        }
    }
}

/// The deep-link plugin reads the arguments with `std::env::args`, which panics on one that is
/// not Unicode. No OS hands a link over that way, so such a launch is refused before it starts.
pub fn refuse_arguments_that_are_not_text() {
    if std::env::args_os().all(|argument| argument.to_str().is_some()) {
        return;
    }
    tracing::error!("Bankbook was started with an argument that is not text; not starting");
    std::process::exit(2);
}

/// The arguments as text, for reading a cold-start URL without `std::env::args`' panic.
pub fn arguments() -> impl Iterator<Item = String> {
    std::env::args_os().map(|argument| argument.to_string_lossy().into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn argv(arguments: &[&str]) -> impl Iterator<Item = String> {
        arguments
            .iter()
            .map(|argument| (*argument).to_owned())
            .collect::<Vec<_>>()
            .into_iter()
    }

    #[test]
    fn takes_a_single_url_argument() {
        let url = url_argument(argv(&["bankbook", "app.bankbook:/oauth/callback?code=c"]));
        assert_eq!(url.unwrap().scheme(), "app.bankbook");
    }

    #[test]
    fn ignores_no_argument_several_arguments_and_non_urls() {
        assert!(url_argument(argv(&["bankbook"])).is_none());
        assert!(url_argument(argv(&["bankbook", "app.bankbook:/a", "app.bankbook:/b"])).is_none());
        assert!(url_argument(argv(&["bankbook", "--verbose"])).is_none());
    }
}
