//! The system's locale as a BCP 47 tag (`sk-SK`), for the UI to pick its language when the
//! person left it to the system. Windows and macOS say it through their own APIs; elsewhere
//! (Linux, the BSDs) it is the environment's, read as POSIX programs read it.

/// The system's locale, read afresh; `None` when the system names none (or only `C`/`POSIX`).
#[cfg(any(windows, target_os = "macos"))]
pub(crate) fn system_locale() -> Option<String> {
    sys_locale::get_locale()
}

/// The system's locale, read afresh; `None` when the system names none (or only `C`/`POSIX`).
#[cfg(not(any(windows, target_os = "macos")))]
pub(crate) fn system_locale() -> Option<String> {
    posix_locale(|name| std::env::var(name).ok())
}

/// The variables that name the language of messages, strongest first (POSIX precedence).
#[cfg(any(test, not(any(windows, target_os = "macos"))))]
const LOCALE_VARIABLES: [&str; 3] = ["LC_ALL", "LC_MESSAGES", "LANG"];

/// The locale from the first of [`LOCALE_VARIABLES`] that is set and not empty, looked up with
/// `variable` (the environment; a table in the tests, which cannot safely change it).
#[cfg(any(test, not(any(windows, target_os = "macos"))))]
fn posix_locale(variable: impl Fn(&str) -> Option<String>) -> Option<String> {
    let locale = LOCALE_VARIABLES
        .iter()
        .filter_map(|name| variable(name))
        .find(|value| !value.is_empty())?;
    language_tag(&locale)
}

/// `sk_SK.UTF-8@euro` -> `sk-SK`: a POSIX locale name (`language[_territory][.codeset]
/// [@modifier]`) as a BCP 47 tag. `C` and `POSIX` name no language; neither does anything that
/// is not letters (a path, garbage), so the UI falls back rather than trusting it.
#[cfg(any(test, not(any(windows, target_os = "macos"))))]
fn language_tag(posix: &str) -> Option<String> {
    let name = posix.split(['.', '@']).next().unwrap_or_default();
    if name == "C" || name == "POSIX" {
        return None;
    }
    let (language, territory) = match name.split_once('_') {
        Some((language, territory)) => (language, Some(territory)),
        None => (name, None),
    };
    let is_language = (2..=3).contains(&language.len())
        && language.bytes().all(|byte| byte.is_ascii_alphabetic());
    if !is_language {
        return None;
    }
    let language = language.to_ascii_lowercase();
    match territory {
        None => Some(language),
        // A country (SK) or a UN M.49 region (419, Latin America).
        Some(territory)
            if (territory.len() == 2
                && territory.bytes().all(|byte| byte.is_ascii_alphabetic()))
                || (territory.len() == 3
                    && territory.bytes().all(|byte| byte.is_ascii_digit())) =>
        {
            Some(format!("{language}-{}", territory.to_ascii_uppercase()))
        }
        Some(_) => None,
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;

    #[test]
    fn posix_names_become_language_tags() {
        for (posix, tag) in [
            ("sk_SK.UTF-8@euro", Some("sk-SK")),
            ("sk_SK.UTF-8", Some("sk-SK")),
            ("en_US.utf8", Some("en-US")),
            ("de_AT@euro", Some("de-AT")),
            ("sk", Some("sk")),
            ("es_419.UTF-8", Some("es-419")),
            ("EN_us", Some("en-US")),
            ("C", None),
            ("C.UTF-8", None),
            ("POSIX", None),
            ("", None),
            ("/usr/lib/locale/x", None),
            ("english_United States", None),
        ] {
            assert_eq!(language_tag(posix).as_deref(), tag, "{posix:?}");
        }
    }

    fn environment(variables: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> {
        let variables: HashMap<String, String> = variables
            .iter()
            .map(|(name, value)| ((*name).to_owned(), (*value).to_owned()))
            .collect();
        move |name| variables.get(name).cloned()
    }

    #[test]
    fn the_first_variable_set_wins_in_posix_order() {
        let all = [
            ("LANG", "en_US.UTF-8"),
            ("LC_MESSAGES", "de_DE.UTF-8"),
            ("LC_ALL", "sk_SK.UTF-8"),
        ];
        assert_eq!(posix_locale(environment(&all)).as_deref(), Some("sk-SK"));
        assert_eq!(
            posix_locale(environment(&all[..2])).as_deref(),
            Some("de-DE")
        );
        assert_eq!(
            posix_locale(environment(&all[..1])).as_deref(),
            Some("en-US")
        );
    }

    #[test]
    fn an_empty_variable_is_unset_and_c_is_no_language() {
        let empty_all = [("LC_ALL", ""), ("LANG", "sk_SK.UTF-8")];
        assert_eq!(
            posix_locale(environment(&empty_all)).as_deref(),
            Some("sk-SK")
        );
        // `LC_ALL=C` overrides LANG: the person asked for no language.
        let c = [("LC_ALL", "C.UTF-8"), ("LANG", "sk_SK.UTF-8")];
        assert_eq!(posix_locale(environment(&c)), None);
        assert_eq!(posix_locale(environment(&[])), None);
    }
}
