//! Categories and rules as the window edits them, an entry's category chosen by hand, and a
//! rule previewed and applied to the stored entries with its progress.

use std::collections::HashMap;
use std::str::FromStr;
use std::sync::atomic::Ordering;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use export::Language;

use crate::blocking::blocking;
use crate::core::Core;
use crate::error::{Error, Result};
use crate::search::Direction;
use crate::tasks::{TaskKind, TaskProgress};

/// The longest name the person can give a category.
const MAX_NAME_CHARS: usize = 40;
/// How many of the entries a rule would change its preview lists.
const PREVIEW_SAMPLE: usize = 50;

/// A category, named in the reading language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Category {
    pub id: u32,
    /// `groceries`, `eating_out` …, `other`; `None` for the person's own.
    pub key: Option<String>,
    /// The person's name for it, else the app's in the reading language.
    pub name: String,
    /// The name is the person's, not the app's.
    pub renamed: bool,
    /// `#rrggbb`.
    pub colour: String,
}

/// What a rule asks of an entry, as typed; blank fields ask nothing.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct RuleConditions {
    /// Words in the counterparty's name.
    pub counterparty: String,
    /// Words in the description or the bank's note.
    pub description: String,
    pub counterparty_iban: String,
    /// Decimal text (`12,50` or `12.50`), on the amount without its sign.
    pub min_amount: String,
    pub max_amount: String,
    pub direction: Direction,
}

/// One of the person's rules.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct CategoryRule {
    pub id: u32,
    pub category_id: u32,
    pub conditions: RuleConditions,
}

/// The categories, in order, and the person's rules, newest (first tried) first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct CategorySettings {
    pub categories: Vec<Category>,
    pub rules: Vec<CategoryRule>,
}

/// A stored entry whose category a rule would change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PreviewedChange {
    pub iban: String,
    /// The entry's reference.
    pub id: String,
    /// `YYYY-MM-DD`.
    pub date: String,
    pub counterparty_name: Option<String>,
    pub description: Option<String>,
    pub amount: String,
    pub currency: String,
    /// Its category now.
    pub from: Option<u32>,
}

/// What saving a rule would change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct RulePreview {
    /// Of the transactions read: all, unless `stopped`.
    pub count: u32,
    /// The first of them.
    pub sample: Vec<PreviewedChange>,
    /// The preview was cancelled before every stored transaction was read.
    pub stopped: bool,
}

/// A rule saved, and how many stored entries it changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct RuleSaved {
    pub changed: u32,
    /// Applying it was stopped; the entries changed by then keep their new category.
    pub stopped: bool,
    pub settings: CategorySettings,
}

impl Core {
    /// Every category and the person's rules.
    pub async fn category_settings(&self) -> Result<CategorySettings> {
        let data = &*self.data().await?;
        settings(&data.ledger, self.reading_language().await)
    }

    /// Adds the person's category.
    pub async fn add_category(&self, name: String, colour: String) -> Result<CategorySettings> {
        let data = &*self.data().await?;
        data.ledger
            .add_category(&checked_name(&name)?, &checked_colour(&colour)?)?;
        settings(&data.ledger, self.reading_language().await)
    }

    /// Renames and recolours a category; an empty name gives an app's category its own back.
    pub async fn update_category(
        &self,
        id: u32,
        name: String,
        colour: String,
    ) -> Result<CategorySettings> {
        let data = &*self.data().await?;
        let name = match name.trim() {
            "" => None,
            _ => Some(checked_name(&name)?),
        };
        data.ledger
            .update_category(id.into(), name.as_deref(), &checked_colour(&colour)?)?;
        settings(&data.ledger, self.reading_language().await)
    }

    /// Removes the person's category; its entries are categorised again by the rules.
    pub async fn remove_category(&self, id: u32) -> Result<CategorySettings> {
        let data = &*self.data().await?;
        data.ledger.remove_category(id.into())?;
        settings(&data.ledger, self.reading_language().await)
    }

    /// The person's category for entry `id` of `iban`, kept through refreshes and bookings;
    /// `None` leaves it to the rules again.
    pub async fn choose_category(
        &self,
        iban: String,
        id: String,
        category_id: Option<u32>,
    ) -> Result<()> {
        let data = &*self.data().await?;
        data.shown_accounts(Some(&iban))?;
        data.ledger
            .choose_category(&iban, &id, category_id.map(i64::from))?;
        Ok(())
    }

    /// What saving a rule would change among the stored entries; progress comes as
    /// `task-progress` of the `categorise` task.
    pub async fn preview_rule(
        &self,
        category_id: u32,
        conditions: RuleConditions,
    ) -> Result<RulePreview> {
        let task = self.tasks.start(TaskKind::Categorise)?;
        let run = self.data().await?.ledger.rule_run();
        let conditions = stored_conditions(&conditions)?;
        let cancel = task.shared_cancel_flag();
        let progress = std::sync::Arc::clone(&self.progress);
        let preview = blocking(move || {
            let mut report = |done, total| {
                progress.report(categorising(done, total));
                !cancel.load(Ordering::Relaxed)
            };
            Ok(run.preview(category_id.into(), &conditions, PREVIEW_SAMPLE, &mut report)?)
        })
        .await?;
        Ok(RulePreview {
            count: preview.count,
            sample: preview.sample.into_iter().map(previewed).collect(),
            stopped: preview.stopped,
        })
    }

    /// Saves a rule for new entries, and with `apply` for the stored ones its preview listed;
    /// progress comes as `task-progress` of the `categorise` task, which can be stopped.
    pub async fn save_rule(
        &self,
        category_id: u32,
        conditions: RuleConditions,
        apply: bool,
    ) -> Result<RuleSaved> {
        let task = self.tasks.start(TaskKind::Categorise)?;
        let data = &*self.data().await?;
        let run = data.ledger.rule_run();
        let conditions = stored_conditions(&conditions)?;
        let cancel = task.shared_cancel_flag();
        let progress = std::sync::Arc::clone(&self.progress);
        let applied = blocking(move || {
            let mut report = |done, total| {
                progress.report(categorising(done, total));
                !cancel.load(Ordering::Relaxed)
            };
            Ok(run.save(category_id.into(), &conditions, apply, &mut report)?)
        })
        .await?;
        Ok(RuleSaved {
            changed: applied.changed,
            stopped: applied.stopped,
            settings: settings(&data.ledger, self.reading_language().await)?,
        })
    }

    /// Removes a rule. What it categorised keeps its category until the bank sends the
    /// transaction changed or booked, when the remaining rules decide.
    pub async fn remove_rule(&self, id: u32) -> Result<CategorySettings> {
        let data = &*self.data().await?;
        data.ledger.remove_rule(id.into())?;
        settings(&data.ledger, self.reading_language().await)
    }
}

fn categorising(done: u32, total: u32) -> TaskProgress {
    TaskProgress {
        task: TaskKind::Categorise,
        done,
        total: Some(total),
    }
}

/// Each category's name as the person reads it, by the category's id.
pub(crate) type CategoryNames = HashMap<i64, String>;

/// Each category's name as the person reads it: theirs, else the app's in `language`.
pub(crate) fn names(ledger: &ledger::Ledger, language: Language) -> Result<CategoryNames> {
    Ok(ledger
        .categories()?
        .into_iter()
        .map(|category| (category.id, name_of(&category, language)))
        .collect())
}

fn name_of(category: &store::CategoryRecord, language: Language) -> String {
    category
        .name
        .clone()
        .or_else(|| {
            let key = category.key.as_deref()?;
            export::category_name(language, key).map(str::to_owned)
        })
        .unwrap_or_default()
}

fn settings(ledger: &ledger::Ledger, language: Language) -> Result<CategorySettings> {
    Ok(CategorySettings {
        categories: ledger
            .categories()?
            .into_iter()
            .map(|category| Category {
                id: id_of(category.id),
                name: name_of(&category, language),
                renamed: category.key.is_none() || category.name.is_some(),
                key: category.key,
                colour: category.colour,
            })
            .collect(),
        rules: ledger
            .rules()?
            .into_iter()
            .map(|rule| CategoryRule {
                id: id_of(rule.id),
                category_id: id_of(rule.category_id),
                conditions: typed_conditions(&rule.conditions),
            })
            .collect(),
    })
}

/// A row id as the window names it: SQLite hands out ids from 1 up, far below `u32::MAX`.
pub(crate) fn id_of(id: i64) -> u32 {
    u32::try_from(id).unwrap_or(u32::MAX)
}

fn previewed(change: ledger::CategoryChange) -> PreviewedChange {
    let entry = change.entry;
    PreviewedChange {
        iban: entry.iban,
        id: entry.entry_reference,
        date: entry.date.to_string(),
        counterparty_name: entry.counterparty_name,
        description: entry.description,
        amount: entry.amount.to_string(),
        currency: entry.currency,
        from: entry.category_id.map(id_of),
    }
}

fn checked_name(name: &str) -> Result<String> {
    let name = name.trim();
    if name.is_empty() || name.chars().count() > MAX_NAME_CHARS {
        return Err(Error::InvalidInput(format!(
            "a category's name has 1 to {MAX_NAME_CHARS} characters"
        )));
    }
    Ok(name.to_owned())
}

fn checked_colour(colour: &str) -> Result<String> {
    let hex = colour.strip_prefix('#').unwrap_or_default();
    if hex.len() != 6 || !hex.chars().all(|digit| digit.is_ascii_hexdigit()) {
        return Err(Error::InvalidInput("a colour is #rrggbb".to_owned()));
    }
    Ok(colour.to_ascii_lowercase())
}

/// The rule as typed, read: blank text is no condition; an amount that is not a decimal, or
/// a negative one, is `invalid_input`.
fn stored_conditions(typed: &RuleConditions) -> Result<store::RuleConditions> {
    let text = |value: &str| Some(value.trim().to_owned()).filter(|value| !value.is_empty());
    let (min_amount, max_amount) = (amount(&typed.min_amount)?, amount(&typed.max_amount)?);
    if let (Some(min), Some(max)) = (min_amount, max_amount)
        && min > max
    {
        return Err(Error::InvalidInput(
            "a rule's lowest amount is above its highest".to_owned(),
        ));
    }
    Ok(store::RuleConditions {
        counterparty: text(&typed.counterparty),
        description: text(&typed.description),
        counterparty_iban: text(&typed.counterparty_iban)
            .map(|iban| iban.replace(' ', "").to_ascii_uppercase()),
        min_amount,
        max_amount,
        direction: typed.direction.into(),
    })
}

fn amount(typed: &str) -> Result<Option<Decimal>> {
    let plain: String = typed
        .chars()
        .filter(|letter| !letter.is_whitespace() && *letter != '€')
        .map(|letter| if letter == ',' { '.' } else { letter })
        .collect();
    if plain.is_empty() {
        return Ok(None);
    }
    match Decimal::from_str(&plain) {
        Ok(amount) if amount >= Decimal::ZERO => Ok(Some(amount)),
        _ => Err(Error::InvalidInput(
            "a rule's amount is a decimal number of 0 or more".to_owned(),
        )),
    }
}

fn typed_conditions(stored: &store::RuleConditions) -> RuleConditions {
    let text = |value: &Option<String>| value.clone().unwrap_or_default();
    let amount =
        |value: Option<Decimal>| value.map(|amount| amount.to_string()).unwrap_or_default();
    RuleConditions {
        counterparty: text(&stored.counterparty),
        description: text(&stored.description),
        counterparty_iban: text(&stored.counterparty_iban),
        min_amount: amount(stored.min_amount),
        max_amount: amount(stored.max_amount),
        direction: stored.direction.into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_amounts_read_with_a_comma_or_a_point_and_refuse_the_rest() {
        assert_eq!(amount("").unwrap(), None);
        assert_eq!(
            amount(" 1 200,50 € ").unwrap(),
            Some(Decimal::new(120_050, 2))
        );
        assert_eq!(amount("12.5").unwrap(), Some(Decimal::new(125, 1)));
        assert!(amount("-3").is_err());
        assert!(amount("twelve").is_err());
    }

    #[test]
    fn a_rules_amounts_must_make_a_range() {
        let typed = |min: &str, max: &str| RuleConditions {
            min_amount: min.to_owned(),
            max_amount: max.to_owned(),
            ..RuleConditions::default()
        };
        assert!(stored_conditions(&typed("10", "5")).is_err());
        let range = stored_conditions(&typed("5", "5,00")).unwrap();
        assert_eq!(range.min_amount, range.max_amount);
    }

    #[test]
    fn names_and_colours_are_checked() {
        assert_eq!(checked_name("  Pets ").unwrap(), "Pets");
        assert!(checked_name(" ").is_err());
        assert!(checked_name(&"x".repeat(41)).is_err());
        assert_eq!(checked_colour("#A0b1C2").unwrap(), "#a0b1c2");
        assert!(checked_colour("red").is_err());
        assert!(checked_colour("#12345").is_err());
    }
}
