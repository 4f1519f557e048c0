//! Desktop notifications after the automatic refreshes: what arrived on the accounts the
//! person chose, and a bank's consent in its last week, at most once a day each. Nothing is
//! announced in the quiet hours. The shell shows them ([`Notifier`]).

use time::{Duration, OffsetDateTime};

use crate::automatic_refresh::{Arrived, RefreshedOnItsOwn};
use crate::banks::BankChoice;
use crate::core::Core;
use crate::error::Result;
use crate::notification_settings::Chosen;
use crate::notification_text::{
    ArrivedEntry, arrived_body, arrived_title, demo_bank_name, renewal_body, renewal_title,
};
use crate::opened::Opened;

/// From this many days before a consent ends, its renewal is announced.
const RENEWAL_NOTICE_DAYS: i64 = 7;
/// A renewal is announced again no sooner than this.
const RENEWAL_NOTICE_EVERY: Duration = Duration::days(1);

/// A desktop notification.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notification {
    pub title: String,
    pub body: String,
    /// The account a click on it opens the window on.
    pub account: Option<String>,
}

/// The account a click on a notification asks the window to show.
#[derive(Debug, Clone, serde::Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct AccountToOpen {
    pub iban: String,
}

/// Shows notifications on the desktop.
pub trait Notifier: Send + Sync + std::fmt::Debug {
    /// Hands `notification` to the system; an error says why it would not take it.
    fn show(&self, notification: &Notification) -> Result<()>;
}

/// No desktop to notify (tests that do not look).
#[derive(Debug, Clone, Copy, Default)]
pub struct NoNotifier;

impl Notifier for NoNotifier {
    fn show(&self, _notification: &Notification) -> Result<()> {
        Ok(())
    }
}

impl Core {
    /// Announces what a round of automatic refreshes brought, and the consents in their last
    /// week, unless it is the quiet hours.
    pub(crate) async fn announce(&self, data: &Opened, outcome: &RefreshedOnItsOwn) -> Result<()> {
        let now = self.clock.now();
        let local = self.clock.local_now();
        let chosen = Chosen::read(data)?;
        if chosen.quiet.contain(local.time()) {
            return Ok(());
        }
        let language = self.reading_language().await;
        for arrived in &outcome.arrived {
            if chosen.accounts.contains(&arrived.iban) {
                let notification = arrived_notification(data, arrived, &chosen, language)?;
                self.show(&notification);
            }
        }
        for link in data.links() {
            let end = link.consent_expires_at();
            let days = (end.to_offset(local.offset()).date() - local.date()).whole_days();
            if end <= now || days > RENEWAL_NOTICE_DAYS {
                continue;
            }
            let announced = data.store().renewal_notified_at(link.bank_id())?;
            let recently = announced.is_some_and(|at| {
                OffsetDateTime::from_unix_timestamp(at)
                    .is_ok_and(|at| now - at < RENEWAL_NOTICE_EVERY)
            });
            if recently {
                continue;
            }
            let bank = bank_name(data, link.bank_id(), language);
            self.show(&Notification {
                title: renewal_title(language, &bank),
                body: renewal_body(language, days),
                account: None,
            });
            data.store()
                .set_renewal_notified_at(link.bank_id(), now.unix_timestamp())?;
        }
        Ok(())
    }

    fn show(&self, notification: &Notification) {
        match self.notifier.show(notification) {
            Ok(()) => tracing::info!("a desktop notification was handed to the system"),
            Err(error) => {
                tracing::warn!(error = %error.for_log(), "a desktop notification could not be shown");
            }
        }
    }
}

fn arrived_notification(
    data: &Opened,
    arrived: &Arrived,
    chosen: &Chosen,
    language: export::Language,
) -> Result<Notification> {
    let store = data.store();
    let account = store
        .selected_accounts(&arrived.bank_id)?
        .into_iter()
        .find(|account| account.iban == arrived.iban);
    let name = account
        .and_then(|account| account.name)
        .unwrap_or_else(|| short_iban(&arrived.iban));
    // The newest entries are the top of the list: those that arrived.
    let entries: Vec<ArrivedEntry> = store
        .entries_after(&arrived.iban, None, arrived.count.min(10))?
        .into_iter()
        .map(|entry| ArrivedEntry {
            label: entry.record.counterparty_name.or(entry.record.description),
            amount: entry.record.amount,
            currency: entry.record.currency,
        })
        .collect();
    Ok(Notification {
        title: arrived_title(language, arrived.count, &name),
        body: arrived_body(language, &entries, arrived.count, chosen.show_amounts),
        account: Some(arrived.iban.clone()),
    })
}

/// The bank's name as the window shows it.
fn bank_name(data: &Opened, bank_id: &str, language: export::Language) -> String {
    let profiles = data
        .connector
        .profiles()
        .unwrap_or_else(|_| vec![bank::BankProfile::demo()]);
    let choice = BankChoice::of(&profiles, bank_id);
    if choice.is_demo {
        demo_bank_name(language).to_owned()
    } else {
        choice.name
    }
}

/// "…9586": an account without a name, as the window's sidebar shortens it.
fn short_iban(iban: &str) -> String {
    let tail: String = iban
        .chars()
        .rev()
        .take(4)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    format!("…{tail}")
}
