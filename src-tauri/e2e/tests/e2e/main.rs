//! The end-to-end tests, one binary: each module is what was a test file of its own, and
//! `scripts/e2e.sh` still runs each module's tests in a desktop session of its own.

mod accessibility;
mod background;
mod bank_faults;
mod consent_lifecycle;
mod crash;
mod data;
mod deep_links;
mod first_run;
mod in_the_background;
mod installer;
mod ipc;
mod keyboard;
mod keychain;
mod main_window;
mod onboarding;
mod search;
mod secrets;
mod several_banks;
mod slovak;
mod storage;
mod webview_security;
