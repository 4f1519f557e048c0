//! The person's preferences (the language, the theme, and whether Bankbook keeps running when
//! its window is closed and starts at login), remembered in `preferences.toml` in the config
//! folder beside `banks.toml`:
//!
//! ```toml
//! language = "sk"
//! theme = "dark"
//! keepRunning = true
//! startAtLogin = false
//! ```
//!
//! A missing file, or a key missing from it, is the default (both follow the system). A value
//! this version does not know (a newer Bankbook's `theme = "sepia"`) is the default for its key
//! alone: the other choice still holds. A file that cannot be read, or is not TOML, never stops
//! the app: the defaults are used, the UI is told (it shows a notice), and saving first moves
//! the broken file aside to `preferences.broken.toml`, so the person's edits are not lost.

use std::path::Path;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use toml::Spanned;
use ts_rs::TS;

use crate::core::Core;
use bank::line_of;

use crate::error::{Error, Result};
use crate::locale::system_locale;
use crate::log_path::display_for_log;

/// The preferences file, in the app's config folder.
const PREFERENCES_FILE: &str = "preferences.toml";
/// Where a file that could not be read is kept when new preferences are saved.
const BROKEN_FILE: &str = "preferences.broken.toml";
/// Heads the file, for a person who opens it.
const HEADER: &str = "# Bankbook's preferences, as chosen in the app.\n";

/// The language of the UI.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
#[ts(export)]
pub enum LanguageChoice {
    /// The system's language (`systemLocale`) when the UI has it, else English.
    #[default]
    System,
    En,
    Sk,
}

/// The colours of the UI.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
#[ts(export)]
pub enum ThemeChoice {
    /// Light or dark as the system is.
    #[default]
    System,
    Light,
    Dark,
}

/// Starts Bankbook when the person logs in, or stops it from doing so (the shell: the
/// system's autostart entry).
pub trait LoginItem: Send + Sync + std::fmt::Debug {
    fn set(&self, start_at_login: bool) -> Result<()>;
}

/// No system to start with (tests).
#[derive(Debug, Clone, Copy, Default)]
pub struct NoLoginItem;

impl LoginItem for NoLoginItem {
    fn set(&self, _start_at_login: bool) -> Result<()> {
        Ok(())
    }
}

/// The words Bankbook shows outside its window (the shell: the tray icon's menu), said again
/// in the reading language when the person changes it.
pub trait TrayMenu: Send + Sync + std::fmt::Debug {
    fn speak(&self, slovak: bool) -> Result<()>;
}

/// No tray (tests).
#[derive(Debug, Clone, Copy, Default)]
pub struct NoTrayMenu;

impl TrayMenu for NoTrayMenu {
    fn speak(&self, _slovak: bool) -> Result<()> {
        Ok(())
    }
}

/// What the person chose, as the UI saves it and the file keeps it. A key missing from the
/// file, or a value this version does not know, is the default; a key this version does not
/// know (a newer Bankbook's) is ignored.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default, rename_all = "camelCase")]
#[ts(export)]
pub struct PreferenceChoice {
    pub language: LanguageChoice,
    pub theme: ThemeChoice,
    /// Closing the window leaves Bankbook running in the background (its tray icon, its
    /// automatic refreshes); off: closing quits.
    pub keep_running: bool,
    /// Bankbook starts when the person logs in.
    pub start_at_login: bool,
}

/// The preferences as the UI applies them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Preferences {
    pub language: LanguageChoice,
    pub theme: ThemeChoice,
    pub keep_running: bool,
    pub start_at_login: bool,
    /// The system's locale as a BCP 47 tag (`sk-SK`), for `language: "system"`; null when the
    /// system names none.
    pub system_locale: Option<String>,
    /// Set when `preferences.toml` exists but could not be read: the choices above are then
    /// the defaults, and saving keeps the broken file as `preferences.broken.toml`.
    pub unreadable: Option<UnreadablePreferences>,
}

/// Why the preferences file was not used.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct UnreadablePreferences {
    /// The line (from 1) where the file stopped making sense, when known.
    pub line: Option<u32>,
}

impl Preferences {
    /// Whether the person reads the app in Slovak: chosen, or their system's language.
    pub fn reads_slovak(&self) -> bool {
        match self.language {
            LanguageChoice::Sk => true,
            LanguageChoice::En => false,
            LanguageChoice::System => self
                .system_locale
                .as_deref()
                .is_some_and(|tag| tag.to_ascii_lowercase().starts_with("sk")),
        }
    }

    fn new(choice: PreferenceChoice, unreadable: Option<UnreadablePreferences>) -> Self {
        Self {
            language: choice.language,
            theme: choice.theme,
            keep_running: choice.keep_running,
            start_at_login: choice.start_at_login,
            system_locale: system_locale(),
            unreadable,
        }
    }
}

impl Core {
    /// The language and theme the person chose, and the system's locale. Read afresh, so a
    /// file fixed by hand is used at once.
    pub async fn preferences(&self) -> Result<Preferences> {
        let config = self.folders()?.config.clone();
        let stored = match tokio::task::spawn_blocking(move || Stored::read(&config)).await {
            Ok(stored) => stored,
            // The read panicked, or the runtime is shutting down: as a file that could not be
            // read.
            Err(error) => {
                tracing::warn!(%error, "preferences not read: the defaults are used");
                Stored::Unreadable(UnreadablePreferences { line: None })
            }
        };
        let unreadable = match stored {
            Stored::Unreadable(unreadable) => Some(unreadable),
            Stored::Missing | Stored::Read(_) => None,
        };
        Ok(Preferences::new(stored.choice(), unreadable))
    }

    /// Remembers the person's choice for the next start, and returns the preferences now.
    pub async fn save_preferences(&self, choice: PreferenceChoice) -> Result<Preferences> {
        let config = self.folders()?.config.clone();
        let folder = config.clone();
        // What the tray says now: it is made again only when the reading language changes
        // (a new menu makes the panel's item register again).
        let slovak_before = self
            .preferences()
            .await
            .is_ok_and(|before| before.reads_slovak());
        tokio::task::spawn_blocking(move || save(&folder, choice))
            .await
            // The write panicked, or the runtime is shutting down: not saved, in the folder.
            .map_err(|error| Error::ConfigFolder {
                path: config,
                source: std::io::Error::other(error),
            })??;
        // Saved whatever the system says: the choice is tried again at the next save.
        if let Err(error) = self.login_item.set(choice.start_at_login) {
            tracing::warn!(error = %error.for_log(), "the preference to start at login is saved, not applied");
        }
        let preferences = Preferences::new(choice, None);
        let slovak = preferences.reads_slovak();
        if slovak != slovak_before
            && let Err(error) = self.tray_menu.speak(slovak)
        {
            tracing::warn!(error = %error.for_log(), "the tray's menu keeps its language");
        }
        Ok(preferences)
    }
}

/// What the preferences file holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Stored {
    Missing,
    Read(PreferenceChoice),
    Unreadable(UnreadablePreferences),
}

/// The file's keys as TOML values, each read on its own, so that one this version does not
/// understand costs only its own choice. Other keys are ignored.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct FileKeys {
    language: Option<Spanned<toml::Value>>,
    theme: Option<Spanned<toml::Value>>,
    keep_running: Option<Spanned<toml::Value>>,
    start_at_login: Option<Spanned<toml::Value>>,
}

impl Stored {
    /// Reads `<config_folder>/preferences.toml`. A file that cannot be read or is not TOML is
    /// logged (its path and the line, never its text) and reported, never an error; a value
    /// that is not understood is the default for its key, and logged the same way.
    fn read(config_folder: &Path) -> Self {
        let path = config_folder.join(PREFERENCES_FILE);
        let text = match std::fs::read_to_string(&path) {
            Ok(text) => text,
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Self::Missing,
            Err(error) => {
                tracing::warn!(path = %display_for_log(&path), %error, "preferences not read: the defaults are used");
                return Self::Unreadable(UnreadablePreferences { line: None });
            }
        };
        match toml::from_str::<FileKeys>(&text) {
            Ok(keys) => Self::Read(PreferenceChoice {
                language: value_or_default(&path, &text, "language", keys.language),
                theme: value_or_default(&path, &text, "theme", keys.theme),
                keep_running: value_or_default(&path, &text, "keepRunning", keys.keep_running),
                start_at_login: value_or_default(&path, &text, "startAtLogin", keys.start_at_login),
            }),
            Err(error) => {
                let line = error.span().and_then(|span| line_of(&text, span.start));
                // toml's message says what is wrong (a string not closed, a key twice), not the value.
                tracing::warn!(
                    path = %display_for_log(&path),
                    line,
                    reason = error.message(),
                    "preferences not understood: the defaults are used"
                );
                Self::Unreadable(UnreadablePreferences { line })
            }
        }
    }

    fn choice(self) -> PreferenceChoice {
        match self {
            Self::Read(choice) => choice,
            Self::Missing | Self::Unreadable(_) => PreferenceChoice::default(),
        }
    }
}

/// The choice `value` says for `key`; the default when the key is missing or its value is not
/// one this version knows (logged with its line, not the value: the file is the person's).
fn value_or_default<T: DeserializeOwned + Default>(
    path: &Path,
    text: &str,
    key: &'static str,
    value: Option<Spanned<toml::Value>>,
) -> T {
    let Some(value) = value else {
        return T::default();
    };
    let line = line_of(text, value.span().start);
    T::deserialize(value.into_inner()).unwrap_or_else(|_| {
        tracing::warn!(
            path = %display_for_log(path),
            key,
            line,
            "a preference not understood: its default is used"
        );
        T::default()
    })
}

/// Writes `choice` to `<config_folder>/preferences.toml`, moving a file that could not be
/// read aside first.
fn save(config_folder: &Path, choice: PreferenceChoice) -> Result<()> {
    let unusable = |source: std::io::Error| Error::ConfigFolder {
        path: config_folder.to_owned(),
        source,
    };
    if let Stored::Unreadable(_) = Stored::read(config_folder) {
        keep_broken(config_folder).map_err(unusable)?;
    }
    let text = format!("{HEADER}{}", file_text(choice));
    atomic_file::write_atomically(
        &config_folder.join(PREFERENCES_FILE),
        text.as_bytes(),
        Some(0o600),
    )
    .map_err(unusable)
}

fn file_text(choice: PreferenceChoice) -> String {
    // Two enums of plain words and two booleans: nothing in them that TOML cannot write.
    toml::to_string(&choice).unwrap_or_default()
}

/// Renames the broken preferences to `preferences.broken.toml`, replacing an older one.
fn keep_broken(config_folder: &Path) -> std::io::Result<()> {
    let broken = config_folder.join(BROKEN_FILE);
    match std::fs::rename(config_folder.join(PREFERENCES_FILE), &broken) {
        Ok(()) => {
            tracing::info!(path = %display_for_log(&broken), "the unreadable preferences were kept");
            Ok(())
        }
        // Another save moved it first.
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(error) => Err(error),
    }
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::*;
    use crate::error::ErrorCode;

    fn preferences_path(config_folder: &Path) -> PathBuf {
        config_folder.join(PREFERENCES_FILE)
    }

    const CHOICE: PreferenceChoice = PreferenceChoice {
        language: LanguageChoice::Sk,
        theme: ThemeChoice::Dark,
        keep_running: true,
        start_at_login: false,
    };

    #[test]
    fn no_file_is_the_defaults() {
        let folder = tempfile::tempdir().unwrap();
        let config = folder.path().join("config");
        assert_eq!(Stored::read(&config), Stored::Missing);
        assert_eq!(Stored::read(&config).choice(), PreferenceChoice::default());
        assert_eq!(
            PreferenceChoice::default(),
            PreferenceChoice {
                language: LanguageChoice::System,
                theme: ThemeChoice::System,
                keep_running: false,
                start_at_login: false,
            }
        );
    }

    #[test]
    fn a_saved_choice_is_read_back_from_a_plain_file() {
        let folder = tempfile::tempdir().unwrap();
        let config = folder.path().join("config");
        save(&config, CHOICE).unwrap();

        assert_eq!(Stored::read(&config), Stored::Read(CHOICE));
        let text = std::fs::read_to_string(preferences_path(&config)).unwrap();
        assert!(text.contains("language = \"sk\"\n"), "{text}");
        assert!(text.contains("theme = \"dark\"\n"), "{text}");

        let light = PreferenceChoice {
            theme: ThemeChoice::Light,
            ..CHOICE
        };
        save(&config, light).unwrap();
        assert_eq!(Stored::read(&config), Stored::Read(light));
    }

    #[test]
    fn a_file_written_by_hand_may_leave_out_a_key_or_add_one() {
        let folder = tempfile::tempdir().unwrap();
        std::fs::write(
            preferences_path(folder.path()),
            "theme = \"light\"\nfont_size = 3\n",
        )
        .unwrap();
        let choice = Stored::read(folder.path()).choice();
        assert_eq!(choice.language, LanguageChoice::System);
        assert_eq!(choice.theme, ThemeChoice::Light);
    }

    #[test]
    fn an_unknown_language_keeps_the_theme() {
        let folder = tempfile::tempdir().unwrap();
        for language in ["\"de\"", "[\"sk\"]", "3"] {
            std::fs::write(
                preferences_path(folder.path()),
                format!("# mine\n\nlanguage = {language}\ntheme = \"dark\"\n"),
            )
            .unwrap();
            assert_eq!(
                Stored::read(folder.path()),
                Stored::Read(PreferenceChoice {
                    language: LanguageChoice::System,
                    theme: ThemeChoice::Dark,
                    ..PreferenceChoice::default()
                }),
                "{language}"
            );
        }
    }

    #[test]
    fn the_background_switches_are_read_and_a_wrong_one_is_off() {
        let folder = tempfile::tempdir().unwrap();
        std::fs::write(
            preferences_path(folder.path()),
            "keepRunning = true\nstartAtLogin = \"yes\"\n",
        )
        .unwrap();
        let choice = Stored::read(folder.path()).choice();
        assert!(choice.keep_running);
        assert!(!choice.start_at_login);
        save(folder.path(), CHOICE).unwrap();
        let text = std::fs::read_to_string(preferences_path(folder.path())).unwrap();
        assert!(text.contains("keepRunning = true\n"), "{text}");
        assert_eq!(Stored::read(folder.path()), Stored::Read(CHOICE));
    }

    #[test]
    fn an_unknown_theme_keeps_the_language() {
        let folder = tempfile::tempdir().unwrap();
        std::fs::write(
            preferences_path(folder.path()),
            "language = \"sk\"\ntheme = \"sepia\"\n",
        )
        .unwrap();
        assert_eq!(
            Stored::read(folder.path()),
            Stored::Read(PreferenceChoice {
                language: LanguageChoice::Sk,
                theme: ThemeChoice::System,
                ..PreferenceChoice::default()
            })
        );
    }

    #[test]
    fn a_file_that_is_not_toml_is_the_defaults_with_its_line() {
        let folder = tempfile::tempdir().unwrap();
        for (text, line) in [
            ("language = \"sk\"\ntheme = \"dark\n", Some(2)),
            ("# mine\n\nlanguage = sk\n", Some(3)),
            ("language = \"sk\n", Some(1)),
            ("language = \"sk\"\nlanguage = \"en\"\n", Some(2)),
        ] {
            std::fs::write(preferences_path(folder.path()), text).unwrap();
            let stored = Stored::read(folder.path());
            assert_eq!(
                stored,
                Stored::Unreadable(UnreadablePreferences { line }),
                "{text:?}"
            );
            assert_eq!(stored.choice(), PreferenceChoice::default());
        }
    }

    #[test]
    fn a_file_that_cannot_be_read_is_the_defaults_without_a_line() {
        let folder = tempfile::tempdir().unwrap();
        // A folder where the file should be: it exists, and reading it fails.
        std::fs::create_dir(preferences_path(folder.path())).unwrap();
        assert_eq!(
            Stored::read(folder.path()),
            Stored::Unreadable(UnreadablePreferences { line: None })
        );
    }

    #[test]
    fn saving_over_a_broken_file_keeps_it_aside() {
        let folder = tempfile::tempdir().unwrap();
        let broken = "language = slovak\n";
        std::fs::write(preferences_path(folder.path()), broken).unwrap();

        save(folder.path(), CHOICE).unwrap();

        assert_eq!(Stored::read(folder.path()), Stored::Read(CHOICE));
        let kept = std::fs::read_to_string(folder.path().join(BROKEN_FILE)).unwrap();
        assert_eq!(kept, broken);
    }

    /// A reader that opened the old file (here: a second name for it) still sees it whole: the
    /// new text went to a new file that took the name, not into the old one.
    #[test]
    fn a_save_replaces_the_file_instead_of_writing_into_it() {
        let folder = tempfile::tempdir().unwrap();
        save(folder.path(), PreferenceChoice::default()).unwrap();
        let old = folder.path().join("old-name");
        std::fs::hard_link(preferences_path(folder.path()), &old).unwrap();
        let before = std::fs::read_to_string(&old).unwrap();

        save(folder.path(), CHOICE).unwrap();

        assert_eq!(std::fs::read_to_string(&old).unwrap(), before);
        assert_eq!(Stored::read(folder.path()), Stored::Read(CHOICE));
        let names: Vec<_> = std::fs::read_dir(folder.path())
            .unwrap()
            .map(|entry| entry.unwrap().file_name().into_string().unwrap())
            .collect();
        assert_eq!(names.len(), 2, "a temporary file was left: {names:?}");
    }

    #[test]
    fn a_folder_that_cannot_be_written_is_storage_unavailable() {
        let folder = tempfile::tempdir().unwrap();
        let file = folder.path().join("a-file");
        std::fs::write(&file, b"").unwrap();

        let error = save(&file.join("config"), CHOICE).unwrap_err();

        assert_eq!(error.code(), ErrorCode::StorageUnavailable);
    }

    #[test]
    fn choices_cross_to_the_ui_as_plain_words() {
        let preferences = Preferences {
            language: LanguageChoice::Sk,
            theme: ThemeChoice::System,
            keep_running: true,
            start_at_login: false,
            system_locale: Some("sk-SK".to_owned()),
            unreadable: Some(UnreadablePreferences { line: Some(2) }),
        };
        assert_eq!(
            serde_json::to_value(preferences).unwrap(),
            serde_json::json!({
                "language": "sk",
                "theme": "system",
                "keepRunning": true,
                "startAtLogin": false,
                "systemLocale": "sk-SK",
                "unreadable": {"line": 2},
            })
        );
        let saved: PreferenceChoice =
            serde_json::from_value(serde_json::json!({"language": "en", "theme": "dark"})).unwrap();
        assert_eq!(saved.language, LanguageChoice::En);
        assert_eq!(saved.theme, ThemeChoice::Dark);
    }
}
