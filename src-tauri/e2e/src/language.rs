//! The app's two languages as a test meets them: the system locale that selects one, and the
//! names of the headings and buttons the tests find by role (from the UI's catalogs,
//! `ui/src/i18n/catalogs/<language>/`).

/// One language of the app.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Language {
    /// `en`, `sk`: the page's `<html lang>`.
    pub code: &'static str,
    /// The session's `LANG`, which selects the language when no choice is stored.
    pub locale: &'static str,
    pub words: Words,
}

/// Accessible names of what the tests find, in one language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Words {
    /// The empty state's heading and its one button.
    pub empty_title: &'static str,
    pub connect: &'static str,
    /// The onboarding dialog's title, and its steps' headings.
    pub dialog_title: &'static str,
    pub step_bank: &'static str,
    pub step_waiting: &'static str,
    pub step_accounts: &'static str,
    pub step_failed: &'static str,
    pub continue_in_browser: &'static str,
    pub open_again: &'static str,
    pub cancel: &'static str,
    pub close: &'static str,
    pub try_again: &'static str,
    pub show_accounts: &'static str,
    pub select_all: &'static str,
    /// The failure step's text after a decline at the bank.
    pub declined: &'static str,
    /// The main window's header.
    pub settings: &'static str,
    pub change_accounts: &'static str,
    pub disconnect: &'static str,
    pub refresh: &'static str,
    /// The transaction grid's name, and the history's end row.
    pub transactions: &'static str,
    pub history_start: &'static str,
    /// The Settings dialog.
    pub language: &'static str,
    pub theme: &'static str,
    pub theme_system: &'static str,
    pub theme_light: &'static str,
    pub theme_dark: &'static str,
    pub demo_bank: &'static str,
}

pub const ENGLISH: Language = Language {
    code: "en",
    locale: "en_GB.UTF-8",
    words: Words {
        empty_title: "Connect your bank",
        connect: "Connect a bank",
        dialog_title: "Connect your bank",
        step_bank: "Choose your bank",
        step_waiting: "Approve access in your browser",
        step_accounts: "Choose the accounts to show",
        step_failed: "The connection didn't go through",
        continue_in_browser: "Continue in your browser",
        open_again: "Open the page again",
        cancel: "Cancel",
        close: "Close",
        try_again: "Try again",
        show_accounts: "Show accounts",
        select_all: "Select all",
        declined: "You declined access at your bank. Nothing was shared.",
        settings: "Settings",
        change_accounts: "Change accounts",
        disconnect: "Disconnect",
        refresh: "Refresh",
        transactions: "Transactions",
        history_start: "Start of history",
        language: "Language",
        theme: "Theme",
        theme_system: "System",
        theme_light: "Light",
        theme_dark: "Dark",
        demo_bank: "Demo Bank",
    },
};

pub const SLOVAK: Language = Language {
    code: "sk",
    locale: "sk_SK.UTF-8",
    words: Words {
        empty_title: "Pripojte svoju banku",
        connect: "Pripojiť banku",
        dialog_title: "Pripojte svoju banku",
        step_bank: "Vyberte svoju banku",
        step_waiting: "Schváľte prístup v prehliadači",
        step_accounts: "Vyberte účty, ktoré sa majú zobrazovať",
        step_failed: "Pripojenie sa nepodarilo",
        continue_in_browser: "Pokračovať v prehliadači",
        open_again: "Otvoriť stránku znova",
        cancel: "Zrušiť",
        close: "Zavrieť",
        try_again: "Skúsiť znova",
        show_accounts: "Zobraziť účty",
        select_all: "Vybrať všetky",
        declined: "Prístup ste vo svojej banke zamietli. Nič sa nesprístupnilo.",
        settings: "Nastavenia",
        change_accounts: "Zmeniť účty",
        disconnect: "Odpojiť",
        refresh: "Obnoviť",
        transactions: "Transakcie",
        history_start: "Začiatok histórie",
        language: "Jazyk",
        theme: "Vzhľad",
        theme_system: "Podľa systému",
        theme_light: "Svetlý",
        theme_dark: "Tmavý",
        demo_bank: "Demo banka",
    },
};
