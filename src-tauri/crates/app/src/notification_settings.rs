//! What the person chose for the desktop notifications: which accounts announce their new
//! entries, whether the amounts are shown, and the quiet hours. Kept in the store (encrypted,
//! as the IBANs are the person's), not in `preferences.toml`.

use serde::{Deserialize, Serialize};
use time::Time;
use ts_rs::TS;

use crate::core::Core;
use crate::error::{Error, Result};
use crate::opened::Opened;

const SHOW_AMOUNTS: &str = "notifications.showAmounts";
const QUIET_FROM: &str = "notifications.quietFrom";
const QUIET_UNTIL: &str = "notifications.quietUntil";

/// The notification settings, as Settings shows and saves them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct NotificationSettings {
    /// The shown accounts whose new entries, found by an automatic refresh, are announced.
    pub accounts: Vec<String>,
    /// Whether a notification says the amounts (off: only how many arrived).
    pub show_amounts: bool,
    /// `HH:MM`, local time: from then until `quietUntil` nothing is announced. Equal times: no
    /// quiet hours.
    pub quiet_from: String,
    pub quiet_until: String,
}

/// The quiet hours, from one local time of day to another (across midnight when it is the
/// earlier).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct QuietHours {
    from: Time,
    until: Time,
}

impl QuietHours {
    /// 22:00 to 07:00 until the person says otherwise.
    const DEFAULT: Self = Self {
        from: time::macros::time!(22:00),
        until: time::macros::time!(07:00),
    };

    pub(crate) fn contain(self, local: Time) -> bool {
        if self.from <= self.until {
            self.from <= local && local < self.until
        } else {
            local >= self.from || local < self.until
        }
    }
}

/// The settings as the notifications use them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Chosen {
    pub(crate) accounts: Vec<String>,
    pub(crate) show_amounts: bool,
    pub(crate) quiet: QuietHours,
}

impl Chosen {
    pub(crate) fn read(data: &Opened) -> Result<Self> {
        let store = data.store();
        let time = |key: &str, default: Time| -> Result<Time> {
            Ok(store
                .setting(key)?
                .and_then(|text| parse_time(&text))
                .unwrap_or(default))
        };
        Ok(Self {
            accounts: store.notified_accounts()?,
            // Off until chosen: a notification may show on a locked screen.
            show_amounts: store
                .setting(SHOW_AMOUNTS)?
                .is_some_and(|value| value == "true"),
            quiet: QuietHours {
                from: time(QUIET_FROM, QuietHours::DEFAULT.from)?,
                until: time(QUIET_UNTIL, QuietHours::DEFAULT.until)?,
            },
        })
    }

    fn view(self) -> NotificationSettings {
        NotificationSettings {
            accounts: self.accounts,
            show_amounts: self.show_amounts,
            quiet_from: time_text(self.quiet.from),
            quiet_until: time_text(self.quiet.until),
        }
    }
}

impl Core {
    /// The notification settings; accounts no longer shown are left out.
    pub async fn notification_settings(&self) -> Result<NotificationSettings> {
        let data = &*self.data().await?;
        let mut chosen = Chosen::read(data)?;
        let store = data.store();
        let mut shown = Vec::new();
        for iban in chosen.accounts {
            if store.is_shown(&iban)? {
                shown.push(iban);
            }
        }
        chosen.accounts = shown;
        Ok(chosen.view())
    }

    /// Saves the notification settings: the accounts must be shown ones, the times `HH:MM`.
    pub async fn save_notification_settings(
        &self,
        settings: NotificationSettings,
    ) -> Result<NotificationSettings> {
        let data = &*self.data().await?;
        let invalid = |what: &str| Error::InvalidInput(format!("{what} is not a time as HH:MM"));
        let quiet = QuietHours {
            from: parse_time(&settings.quiet_from).ok_or_else(|| invalid("quietFrom"))?,
            until: parse_time(&settings.quiet_until).ok_or_else(|| invalid("quietUntil"))?,
        };
        let mut store = data.store();
        for iban in &settings.accounts {
            if !store.is_shown(iban)? {
                return Err(Error::InvalidInput(
                    "an account that is not shown".to_owned(),
                ));
            }
        }
        store.set_notified_accounts(&settings.accounts)?;
        store.set_setting(
            SHOW_AMOUNTS,
            if settings.show_amounts {
                "true"
            } else {
                "false"
            },
        )?;
        store.set_setting(QUIET_FROM, &time_text(quiet.from))?;
        store.set_setting(QUIET_UNTIL, &time_text(quiet.until))?;
        drop(store);
        Ok(Chosen::read(data)?.view())
    }
}

/// `HH:MM`, 00:00 to 23:59.
fn parse_time(text: &str) -> Option<Time> {
    let (hours, minutes) = text.trim().split_once(':')?;
    if hours.len() != 2 || minutes.len() != 2 {
        return None;
    }
    Time::from_hms(hours.parse().ok()?, minutes.parse().ok()?, 0).ok()
}

fn time_text(time: Time) -> String {
    format!("{:02}:{:02}", time.hour(), time.minute())
}

#[cfg(test)]
mod tests {
    use time::macros::time;

    use super::*;

    #[test]
    fn quiet_hours_may_cross_midnight() {
        let night = QuietHours::DEFAULT;
        assert!(night.contain(time!(22:00)));
        assert!(night.contain(time!(03:00)));
        assert!(!night.contain(time!(07:00)));
        assert!(!night.contain(time!(21:59)));
        let lunch = QuietHours {
            from: time!(12:00),
            until: time!(13:00),
        };
        assert!(lunch.contain(time!(12:30)) && !lunch.contain(time!(13:00)));
        let none = QuietHours {
            from: time!(08:00),
            until: time!(08:00),
        };
        assert!(!none.contain(time!(08:00)));
    }

    #[test]
    fn times_are_hours_and_minutes() {
        assert_eq!(parse_time("07:05"), Some(time!(07:05)));
        assert_eq!(parse_time("23:59"), Some(time!(23:59)));
        for wrong in ["24:00", "7:05", "07:5", "07-05", "", "ab:cd", "07:60"] {
            assert_eq!(parse_time(wrong), None, "{wrong}");
        }
        assert_eq!(time_text(time!(07:05)), "07:05");
    }
}
