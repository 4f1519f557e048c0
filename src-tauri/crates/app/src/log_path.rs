//! Paths as the log writes them: the person's home folder as `~`. A login is often the
//! person's name, and a log is a file that gets attached to bug reports. The UI still gets the
//! whole path (in an error's `detail`), which stays in the window.

use std::path::{MAIN_SEPARATOR, Path, PathBuf};

/// `path` for the log, with the home folder as `~`: `~/.config/app.bankbook.desktop`.
pub(crate) fn display_for_log(path: &Path) -> String {
    display_under(path, home().as_deref())
}

/// `text` (an error's message) for the log, with every path in the home folder starting at
/// `~`.
pub(crate) fn hide_home(text: &str) -> String {
    match home() {
        Some(home) => hide_home_in(text, &home),
        None => text.to_owned(),
    }
}

/// The person's home folder, as the system gives it to the app; none when it is not set or
/// is the root (then there is nothing to hide, and hiding `/` would hide every path).
fn home() -> Option<PathBuf> {
    #[cfg(windows)]
    const HOME: &str = "USERPROFILE";
    #[cfg(not(windows))]
    const HOME: &str = "HOME";
    let home = PathBuf::from(std::env::var_os(HOME)?);
    // Without a trailing separator, as paths under it are written.
    let home: PathBuf = home.components().collect();
    (home.is_absolute() && home.parent().is_some()).then_some(home)
}

fn display_under(path: &Path, home: Option<&Path>) -> String {
    match home.and_then(|home| path.strip_prefix(home).ok()) {
        Some(rest) if rest.as_os_str().is_empty() => "~".to_owned(),
        Some(rest) => format!("~{MAIN_SEPARATOR}{}", rest.display()),
        None => path.display().to_string(),
    }
}

/// Replaces `home` in `text` where it is a whole path or starts one: not `/home/jan` in
/// `/home/jana`, nor in `/mnt/home/jan`.
fn hide_home_in(text: &str, home: &Path) -> String {
    let home = home.display().to_string();
    let mut hidden = String::with_capacity(text.len());
    let mut rest = 0;
    for (start, _) in text.match_indices(&home) {
        let end = start + home.len();
        let before = text[..start].chars().next_back();
        let after = text[end..].chars().next();
        let starts_a_path =
            !before.is_some_and(|before| is_name_char(before) || is_separator(before));
        let ends_a_name = !after.is_some_and(is_name_char);
        if starts_a_path && ends_a_name {
            hidden.push_str(&text[rest..start]);
            hidden.push('~');
            rest = end;
        }
    }
    hidden.push_str(&text[rest..]);
    hidden
}

/// A character that goes on a file name, so that the home's name does not end before it.
fn is_name_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '-' | '_' | '.' | '~' | '$')
}

fn is_separator(c: char) -> bool {
    c == '/' || c == '\\'
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn a_path_in_the_home_folder_starts_at_a_tilde() {
        let home = Path::new("/home/jana");
        let config = Path::new("/home/jana/.config/app.bankbook.desktop/preferences.toml");
        assert_eq!(
            display_under(config, Some(home)),
            "~/.config/app.bankbook.desktop/preferences.toml"
        );
        assert_eq!(display_under(home, Some(home)), "~");
        // Someone else's home, a folder outside it, no home known.
        for other in ["/home/janka/x.toml", "/var/lib/bankbook", "/home"] {
            assert_eq!(display_under(Path::new(other), Some(home)), other);
        }
        assert_eq!(display_under(config, None), config.display().to_string());
    }

    #[cfg(unix)]
    #[test]
    fn a_message_names_the_home_folder_as_a_tilde() {
        let home = Path::new("/home/jan");
        assert_eq!(
            hide_home_in(
                "Bankbook can't use its data folder /home/jan/.local/share/b: read-only",
                home
            ),
            "Bankbook can't use its data folder ~/.local/share/b: read-only"
        );
        assert_eq!(
            hide_home_in("/home/jan/a.toml, line 3: /home/jan", home),
            "~/a.toml, line 3: ~"
        );
        for untouched in [
            "/home/jana/.config",
            "/mnt/home/jan/.config",
            "/home/jan.old/x",
            "no path at all",
        ] {
            assert_eq!(hide_home_in(untouched, home), untouched);
        }
    }

    #[cfg(windows)]
    #[test]
    fn a_windows_path_in_the_profile_folder_starts_at_a_tilde() {
        let home = Path::new(r"C:\Users\Jana");
        let config = Path::new(r"C:\Users\Jana\AppData\Roaming\app.bankbook.desktop");
        assert_eq!(
            display_under(config, Some(home)),
            r"~\AppData\Roaming\app.bankbook.desktop"
        );
        assert_eq!(
            hide_home_in(r"folder C:\Users\Jana\AppData: denied", home),
            r"folder ~\AppData: denied"
        );
    }

    /// The home the app runs with, as the environment says it.
    #[test]
    fn the_running_home_is_hidden() {
        let Some(home) = home() else {
            return;
        };
        let file = home.join("bankbook").join("preferences.toml");
        let shown = display_for_log(&file);
        assert!(shown.starts_with('~'), "{shown}");
        assert!(!shown.contains(&home.display().to_string()), "{shown}");
        let message = format!("can't save in {}: denied", file.display());
        assert!(!hide_home(&message).contains(&home.display().to_string()));
    }
}
