//! The app's two languages as a test meets them: the system locale that selects one, and the
//! words of the headings, buttons and sentences the tests look for, read from the UI's own
//! catalogs (`ui/src/i18n/catalogs/<language>/<area>.json`, built into the harness), so a
//! changed string changes what the tests expect with it.

use std::collections::HashMap;
use std::sync::LazyLock;

/// One language of the app.
#[derive(Debug, Clone, Copy)]
pub struct Language {
    /// `en`, `sk`: the page's `<html lang>`.
    pub code: &'static str,
    /// The session's `LANG`, which selects the language when no choice is stored.
    pub locale: &'static str,
    pub words: Words,
    messages: &'static Messages,
}

/// Accessible names of what the tests find, in one language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Words {
    /// The empty state's heading and its one button.
    pub empty_title: &'static str,
    pub connect: &'static str,
    /// The onboarding dialog's title when it connects a bank, and its steps' headings.
    pub dialog_title: &'static str,
    pub step_bank: &'static str,
    pub step_accounts: &'static str,
    pub step_failed: &'static str,
    pub continue_in_browser: &'static str,
    pub open_again: &'static str,
    pub cancel: &'static str,
    pub try_again: &'static str,
    pub show_accounts: &'static str,
    pub select_all: &'static str,
    /// The main window's header: the button that opens Settings, and the rest.
    pub settings: &'static str,
    pub connect_another: &'static str,
    pub banks: &'static str,
    pub refresh: &'static str,
    /// What a bank's group in the sidebar shows on its buttons; their accessible names also
    /// name the bank ([`Language::choose_accounts_at`], [`Language::disconnect_bank`],
    /// [`Language::reconnect_bank`]).
    pub choose_accounts: &'static str,
    pub disconnect: &'static str,
    pub reconnect: &'static str,
    /// The transaction grid's name, and the history's end row.
    pub transactions: &'static str,
    pub history_start: &'static str,
    /// The Settings dialog's title, and its themes.
    pub settings_title: &'static str,
    pub theme_system: &'static str,
    pub theme_light: &'static str,
    pub theme_dark: &'static str,
    pub demo_bank: &'static str,
}

/// The catalogs' areas: each language has a file per area.
macro_rules! catalogs {
    ($language:literal) => {
        [
            include_str!(concat!(
                "../../../ui/src/i18n/catalogs/",
                $language,
                "/accounts.json"
            )),
            include_str!(concat!(
                "../../../ui/src/i18n/catalogs/",
                $language,
                "/banks.json"
            )),
            include_str!(concat!(
                "../../../ui/src/i18n/catalogs/",
                $language,
                "/categories.json"
            )),
            include_str!(concat!(
                "../../../ui/src/i18n/catalogs/",
                $language,
                "/common.json"
            )),
            include_str!(concat!(
                "../../../ui/src/i18n/catalogs/",
                $language,
                "/connection.json"
            )),
            include_str!(concat!(
                "../../../ui/src/i18n/catalogs/",
                $language,
                "/data.json"
            )),
            include_str!(concat!(
                "../../../ui/src/i18n/catalogs/",
                $language,
                "/detail.json"
            )),
            include_str!(concat!(
                "../../../ui/src/i18n/catalogs/",
                $language,
                "/errors.json"
            )),
            include_str!(concat!(
                "../../../ui/src/i18n/catalogs/",
                $language,
                "/export.json"
            )),
            include_str!(concat!(
                "../../../ui/src/i18n/catalogs/",
                $language,
                "/onboarding.json"
            )),
            include_str!(concat!(
                "../../../ui/src/i18n/catalogs/",
                $language,
                "/search.json"
            )),
            include_str!(concat!(
                "../../../ui/src/i18n/catalogs/",
                $language,
                "/settings.json"
            )),
            include_str!(concat!(
                "../../../ui/src/i18n/catalogs/",
                $language,
                "/transactions.json"
            )),
        ]
    };
}

static ENGLISH_MESSAGES: LazyLock<Messages> =
    LazyLock::new(|| Messages::parse("en", &catalogs!("en")));
static SLOVAK_MESSAGES: LazyLock<Messages> =
    LazyLock::new(|| Messages::parse("sk", &catalogs!("sk")));

pub static ENGLISH: LazyLock<Language> =
    LazyLock::new(|| Language::new("en", "en_GB.UTF-8", LazyLock::force(&ENGLISH_MESSAGES)));
pub static SLOVAK: LazyLock<Language> =
    LazyLock::new(|| Language::new("sk", "sk_SK.UTF-8", LazyLock::force(&SLOVAK_MESSAGES)));

/// An argument of a message: text (`{bank}`) or a number (`{count}`, also for plurals).
#[derive(Debug, Clone, Copy)]
pub enum Arg<'a> {
    Text(&'a str),
    Number(u64),
}

impl Language {
    fn new(code: &'static str, locale: &'static str, messages: &'static Messages) -> Self {
        let word = |key| messages.get(key);
        let words = Words {
            empty_title: word("onboarding.emptyState.title"),
            connect: word("onboarding.emptyState.connect"),
            dialog_title: word("onboarding.title.connect"),
            step_bank: word("onboarding.step.bank"),
            step_accounts: word("onboarding.step.accounts"),
            step_failed: word("onboarding.step.failed"),
            continue_in_browser: word("onboarding.bankStep.continue"),
            open_again: word("onboarding.waitingStep.reopen"),
            cancel: word("common.cancel"),
            try_again: word("errors.action.retry"),
            show_accounts: word("onboarding.accountStep.show"),
            select_all: word("onboarding.accountPicker.selectAll"),
            settings: word("settings.open"),
            connect_another: word("accounts.header.connectAnother"),
            banks: word("accounts.header.banks"),
            refresh: word("accounts.sidebar.refresh"),
            choose_accounts: word("accounts.group.chooseAccounts"),
            disconnect: word("accounts.group.disconnect"),
            reconnect: word("errors.action.reconnect"),
            transactions: word("transactions.label"),
            history_start: word("transactions.end.complete"),
            settings_title: word("settings.title"),
            theme_system: word("settings.theme.system"),
            theme_light: word("settings.theme.light"),
            theme_dark: word("settings.theme.dark"),
            demo_bank: word("common.demoBank"),
        };
        Self {
            code,
            locale,
            words,
            messages,
        }
    }

    /// The catalog's message `key` as written (ICU arguments and all). Panics naming the key
    /// when the catalog has no such message: the test looks for something the UI cannot say.
    pub fn message(&self, key: &str) -> &'static str {
        self.messages.get(key)
    }

    /// The message `key` with its arguments filled in: `{name}` by its value,
    /// `{name, plural, one {# účet} few {# účty} other {# účtov}}` by the branch this language's
    /// plural rule picks for the number (`=n` first), `#` in it by the number, and
    /// `{name, select, sk {...} other {...}}` by the branch of the text. Panics on an argument
    /// `args` does not have.
    pub fn format(&self, key: &str, args: &[(&str, Arg<'_>)]) -> String {
        format_message(self.code, self.message(key), args)
    }

    /// The accessible name of the Choose accounts button in `bank`'s group.
    pub fn choose_accounts_at(&self, bank: &str) -> String {
        self.format(
            "accounts.group.chooseAccountsAt",
            &[("bank", Arg::Text(bank))],
        )
    }

    /// The accessible name of the Disconnect button in `bank`'s group.
    pub fn disconnect_bank(&self, bank: &str) -> String {
        self.format(
            "accounts.group.disconnectBank",
            &[("bank", Arg::Text(bank))],
        )
    }

    /// The accessible name of the Reconnect button in `bank`'s group (shown once its consent
    /// has ended).
    pub fn reconnect_bank(&self, bank: &str) -> String {
        self.format("accounts.group.reconnectBank", &[("bank", Arg::Text(bank))])
    }

    /// The text of message `key` before its first argument (all of it when it has none): what
    /// a sentence with a value the test cannot know (a time) starts with.
    pub fn message_start(&self, key: &str) -> &'static str {
        let message = self.message(key);
        message.split('{').next().unwrap_or(message)
    }
}

/// One language's messages, by key, from all its catalogs.
#[derive(Debug)]
struct Messages {
    language: &'static str,
    by_key: HashMap<String, String>,
}

impl Messages {
    fn parse(language: &'static str, catalogs: &[&str]) -> Self {
        let mut by_key = HashMap::new();
        for catalog in catalogs {
            let parsed: HashMap<String, String> = serde_json::from_str(catalog)
                .unwrap_or_else(|error| panic!("a {language} catalog is no JSON map: {error}"));
            by_key.extend(parsed);
        }
        Self { language, by_key }
    }

    fn get(&'static self, key: &str) -> &'static str {
        self.by_key.get(key).map_or_else(
            || panic!("the {} catalogs have no message {key:?}", self.language),
            String::as_str,
        )
    }
}

/// The plural category of `number` in `language` (CLDR, integers only): Slovak has `one` (1),
/// `few` (2 to 4) and `other` (`many` is for fractions); English `one` and `other`.
fn plural_category(language: &str, number: u64) -> &'static str {
    match (language, number) {
        (_, 1) => "one",
        ("sk", 2..=4) => "few",
        _ => "other",
    }
}

fn format_message(language: &str, message: &str, args: &[(&str, Arg<'_>)]) -> String {
    let mut formatted = String::new();
    let mut rest = message;
    while let Some(open) = rest.find('{') {
        formatted.push_str(&rest[..open]);
        let (inner, after) = braced(&rest[open..]);
        formatted.push_str(&format_argument(language, inner, args));
        rest = after;
    }
    formatted.push_str(rest);
    formatted
}

/// `{...}` at the start of `text` (nested braces and all): its inside, and what follows it.
fn braced(text: &str) -> (&str, &str) {
    let mut depth = 0;
    for (index, character) in text.char_indices() {
        match character {
            '{' => depth += 1,
            '}' => {
                depth -= 1;
                if depth == 0 {
                    return (&text[1..index], &text[index + 1..]);
                }
            }
            _ => {}
        }
    }
    panic!("an unclosed brace in the message part {text:?}")
}

fn format_argument(language: &str, inner: &str, args: &[(&str, Arg<'_>)]) -> String {
    let mut parts = inner.splitn(3, ',').map(str::trim);
    let name = parts.next().unwrap_or_default();
    let value = args.iter().find(|(arg, _)| *arg == name).map_or_else(
        || panic!("no value for the message's argument {name:?}"),
        |(_, value)| *value,
    );
    match (parts.next(), value) {
        (None, Arg::Text(text)) => text.to_owned(),
        (None, Arg::Number(number)) => number.to_string(),
        (Some("plural"), Arg::Number(number)) => {
            let branches = branches(parts.next().unwrap_or_default());
            let exact = format!("={number}");
            let branch = [exact.as_str(), plural_category(language, number), "other"]
                .into_iter()
                .find_map(|selector| branches.get(selector))
                .unwrap_or_else(|| panic!("no plural branch for {number} in {inner:?}"));
            format_message(language, branch, args).replace('#', &number.to_string())
        }
        (Some("select"), Arg::Text(text)) => {
            let branches = branches(parts.next().unwrap_or_default());
            let branch = [text, "other"]
                .into_iter()
                .find_map(|selector| branches.get(selector))
                .unwrap_or_else(|| panic!("no select branch for {text:?} in {inner:?}"));
            format_message(language, branch, args)
        }
        (kind, _) => panic!("the argument {name:?} ({kind:?}) is not one this formats"),
    }
}

/// The branches of a plural or a select, `one {...} few {...} other {...}`, by selector.
fn branches(text: &str) -> HashMap<&str, &str> {
    let mut branches = HashMap::new();
    let mut rest = text.trim_start();
    while let Some(open) = rest.find('{') {
        let selector = rest[..open].trim();
        let (branch, after) = braced(&rest[open..]);
        branches.insert(selector, branch);
        rest = after.trim_start();
    }
    branches
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_word_the_tests_use_is_in_both_catalogs() {
        // Building the languages looks every word up: a key the UI renamed fails here.
        for (english, slovak) in [
            (ENGLISH.words.settings, SLOVAK.words.settings),
            (ENGLISH.words.connect, SLOVAK.words.connect),
            (ENGLISH.words.theme_dark, SLOVAK.words.theme_dark),
        ] {
            assert!(!english.is_empty() && !english.contains('{'), "{english:?}");
            assert_ne!(english, slovak, "Slovak's word is English's");
        }
    }

    #[test]
    fn placeholders_and_plurals_are_filled_in() {
        let lead = "Shared {count, plural, one {# account} other {# accounts}} with {bank}.";
        let args = |count| [("count", Arg::Number(count)), ("bank", Arg::Text("Demo"))];
        assert_eq!(
            format_message("en", lead, &args(1)),
            "Shared 1 account with Demo."
        );
        assert_eq!(
            format_message("en", lead, &args(3)),
            "Shared 3 accounts with Demo."
        );
        let slovak = "{count, plural, =0 {žiadny} one {# účet} few {# účty} other {# účtov}}";
        for (count, text) in [(0, "žiadny"), (1, "1 účet"), (2, "2 účty"), (4, "4 účty")] {
            assert_eq!(format_message("sk", slovak, &args(count)), text);
        }
        assert_eq!(format_message("sk", slovak, &args(5)), "5 účtov");
        let system = "System ({language, select, sk {slovenčina} other {angličtina}})";
        for (language, text) in [("sk", "System (slovenčina)"), ("en", "System (angličtina)")] {
            let args = [("language", Arg::Text(language))];
            assert_eq!(format_message("sk", system, &args), text);
        }
    }
}
