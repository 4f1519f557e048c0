//! Categories: each entry's is decided as it is stored (the person's choice, the person's
//! rules, the app's rules), and a new rule can be previewed and applied to what is stored.

mod builtin;
mod decide;
mod text;

use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use rust_decimal::Decimal;
use store::{CategoryRecord, CategorySpending, EntryFacts, RuleConditions, RuleRecord, Store};
use time::Date;

use builtin::OWN_TRANSFERS;
use decide::{Categoriser, Condition, Facts};

use crate::{Error, Ledger, Result};

/// How many stored entries a step of applying rules reads and writes under one hold of the
/// store: a refresh waits at most one step.
const APPLY_STEP: u32 = 5_000;

/// A stored entry whose category a rule would change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CategoryChange {
    pub entry: EntryFacts,
    /// The category it would get.
    pub category_id: i64,
}

/// What saving a rule would change in the stored entries.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RulePreview {
    /// How many entries would change (of those read, when stopped).
    pub count: u32,
    /// The first of them in the order they were stored, up to the limit asked for.
    pub sample: Vec<CategoryChange>,
    /// Stopped before every stored entry was read.
    pub stopped: bool,
}

/// A rule saved, and what applying it to the stored entries changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RuleApplied {
    pub id: i64,
    pub changed: u32,
    /// Stopped before the end.
    pub stopped: bool,
}

/// A month's spending per category, largest first, transfers between own accounts left out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MonthSpending {
    pub categories: Vec<CategorySpending>,
    pub axis: crate::Axis,
}

impl Ledger {
    /// Every category, in the person's order.
    pub fn categories(&self) -> Result<Vec<CategoryRecord>> {
        Ok(self.store().categories()?)
    }

    /// The person's rules, newest first.
    pub fn rules(&self) -> Result<Vec<RuleRecord>> {
        Ok(self.store().rules()?)
    }

    pub fn add_category(&self, name: &str, colour: &str) -> Result<i64> {
        Ok(self.store().add_category(name, colour)?)
    }

    pub fn update_category(&self, id: i64, name: Option<&str>, colour: &str) -> Result<()> {
        Ok(self.store().update_category(id, name, colour)?)
    }

    /// Removes the person's category `id`; its entries are decided again by the rules.
    pub fn remove_category(&self, id: i64) -> Result<()> {
        self.store().remove_category(id)?;
        self.categorise_uncategorised()
    }

    /// Decides the category of every stored entry without one: those stored before categories
    /// existed, and those of a removed category.
    pub fn categorise_uncategorised(&self) -> Result<()> {
        let mut store = self.store();
        for iban in store.accounts_with_uncategorised()? {
            categorise_new(&mut store, &iban)?;
        }
        Ok(())
    }

    /// The person's choice of category for an entry, or (`None`) the rules' again.
    pub fn choose_category(
        &self,
        iban: &str,
        reference: &str,
        category: Option<i64>,
    ) -> Result<()> {
        let mut store = self.store();
        store
            .choose_category(iban, reference, category)
            .map_err(|error| match error {
                store::Error::UnknownEntry => Error::UnknownEntry,
                error => error.into(),
            })?;
        categorise_new(&mut store, iban)
    }

    /// The category the person chose for an entry, if any.
    pub fn chosen_category(&self, iban: &str, reference: &str) -> Result<Option<i64>> {
        Ok(self.store().chosen_category(iban, reference)?)
    }

    /// Removes rule `id`. What it categorised keeps its category until the entry is stored
    /// again changed (or booked), when the remaining rules decide.
    pub fn remove_rule(&self, id: i64) -> Result<()> {
        Ok(self.store().remove_rule(id)?)
    }

    /// What `iban`'s booked entries spent per category in the month of `month` (any day of it).
    pub fn month_spending(&self, iban: &str, month: Date) -> Result<MonthSpending> {
        let first = month.replace_day(1).unwrap_or(month);
        let last = first
            .replace_day(first.month().length(first.year()))
            .unwrap_or(first);
        let store = self.store();
        let own = store
            .categories()?
            .into_iter()
            .find(|category| category.key.as_deref() == Some(OWN_TRANSFERS))
            .map(|category| category.id);
        let mut categories = store.spending_by_category(iban, first, last)?;
        drop(store);
        categories.retain(|spending| own.is_none_or(|own| spending.category_id != Some(own)));
        for spending in &mut categories {
            spending.spent = crate::charts::money(spending.spent);
        }
        let axis = crate::Axis::over(
            categories
                .iter()
                .map(|spending| spending.spent)
                .chain([Decimal::ZERO]),
        );
        Ok(MonthSpending { categories, axis })
    }
}

/// Previewing and applying a rule over every stored entry: long work, which a caller runs
/// off the async runtime; it holds the store one step at a time.
#[derive(Debug, Clone)]
pub struct RuleRun {
    store: Arc<Mutex<Store>>,
}

impl Ledger {
    /// What previews and applies rules to the stored entries, on any thread.
    pub fn rule_run(&self) -> RuleRun {
        RuleRun {
            store: Arc::clone(&self.store),
        }
    }
}

impl RuleRun {
    fn store(&self) -> MutexGuard<'_, Store> {
        self.store.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// What saving a rule giving `category_id` to entries meeting `conditions` would change
    /// among the stored entries: those it holds for, not chosen by hand, that no newer rule
    /// takes, whose category differs. `sample` has up to `sample_limit` of them.
    pub fn preview(
        &self,
        category_id: i64,
        conditions: &RuleConditions,
        sample_limit: usize,
        progress: &mut dyn FnMut(u32, u32) -> bool,
    ) -> Result<RulePreview> {
        let draft = checked(conditions)?;
        let categoriser = self.categoriser()?.with_first(draft.clone(), category_id);
        let mut preview = RulePreview::default();
        let steps = self.each_step(progress, |_store, batch| {
            // Only the sample is copied out of the batch; the rest is counted.
            for (entry, category_id) in changes(&categoriser, &draft, batch) {
                preview.count = preview.count.saturating_add(1);
                if preview.sample.len() < sample_limit {
                    preview.sample.push(CategoryChange {
                        entry: entry.clone(),
                        category_id,
                    });
                }
            }
            Ok(())
        });
        preview.stopped = stopped(steps)?;
        Ok(preview)
    }

    /// Saves the rule, and with `apply` gives its category to the stored entries the preview
    /// lists. New entries get it as they are stored either way. Stopped by `progress`, the
    /// rule stays saved and the entries changed by then keep their new category.
    pub fn save(
        &self,
        category_id: i64,
        conditions: &RuleConditions,
        apply: bool,
        progress: &mut dyn FnMut(u32, u32) -> bool,
    ) -> Result<RuleApplied> {
        let draft = checked(conditions)?;
        let id = self.store().add_rule(category_id, conditions)?;
        let mut applied = RuleApplied {
            id,
            changed: 0,
            stopped: false,
        };
        if !apply {
            return Ok(applied);
        }
        // The stored rules now hold the new one first: the same decisions as the preview's.
        let categoriser = self.categoriser()?;
        let steps = self.each_step(progress, |store, batch| {
            let decided: Vec<(i64, i64)> = changes(&categoriser, &draft, batch)
                .map(|(entry, category_id)| (entry.id, category_id))
                .collect();
            store.set_categories(&decided)?;
            applied.changed += u32::try_from(decided.len()).unwrap_or(u32::MAX);
            Ok(())
        });
        applied.stopped = stopped(steps)?;
        tracing::info!(
            changed = applied.changed,
            stopped = applied.stopped,
            "a rule was applied to the stored entries"
        );
        Ok(applied)
    }

    fn categoriser(&self) -> Result<Categoriser> {
        Categoriser::of_store(&self.store())
    }

    /// Runs `step` over every stored entry, [`APPLY_STEP`] at a time, each under its own hold
    /// of the store, telling `progress` how far it got; `progress` returning false stops it.
    fn each_step(
        &self,
        progress: &mut dyn FnMut(u32, u32) -> bool,
        mut step: impl FnMut(&mut Store, &[EntryFacts]) -> Result<()>,
    ) -> Result<()> {
        let total = self.store().stored_entry_count()?;
        let mut after = 0;
        let mut done = 0_u32;
        if !progress(done, total) {
            return Err(Error::Cancelled);
        }
        loop {
            let mut store = self.store();
            let batch = store.entry_facts_after(after, APPLY_STEP)?;
            let Some(last) = batch.last() else {
                return Ok(());
            };
            after = last.id;
            step(&mut store, &batch)?;
            drop(store);
            done = done.saturating_add(u32::try_from(batch.len()).unwrap_or(u32::MAX));
            if !progress(done.min(total), total) {
                return Err(Error::Cancelled);
            }
        }
    }
}

/// Whether the steps were stopped (by `progress`); their failure as it is.
fn stopped(steps: Result<()>) -> Result<bool> {
    match steps {
        Ok(()) => Ok(false),
        Err(Error::Cancelled) => Ok(true),
        Err(error) => Err(error),
    }
}

/// A rule's conditions, refused when none is set: such a rule would take every entry.
fn checked(conditions: &RuleConditions) -> Result<Condition> {
    let condition = Condition::of(conditions);
    if !condition.is_set() {
        return Err(Error::EmptyRule);
    }
    Ok(condition)
}

/// The entries of `batch` that `draft` holds for whose category `categoriser` would change,
/// each with the category it would get.
fn changes<'a>(
    categoriser: &'a Categoriser,
    draft: &'a Condition,
    batch: &'a [EntryFacts],
) -> impl Iterator<Item = (&'a EntryFacts, i64)> {
    batch
        .iter()
        .filter(|entry| entry.chosen.is_none())
        .filter_map(|entry| {
            let facts = Facts::of(entry);
            if !draft.holds(&facts) {
                return None;
            }
            let category_id = categoriser.decide(&facts);
            (Some(category_id) != entry.category_id).then_some((entry, category_id))
        })
}

/// Decides the category of every entry of `iban` stored without one (those just written),
/// under the same hold of the store as the write, so no one reads them undecided.
pub(crate) fn categorise_new(store: &mut Store, iban: &str) -> Result<()> {
    let new = store.uncategorised(iban)?;
    if new.is_empty() {
        return Ok(());
    }
    let categoriser = Categoriser::of_store(store)?;
    let decided: Vec<(i64, i64)> = new
        .iter()
        .map(|entry| (entry.id, categoriser.decide(&Facts::of(entry))))
        .collect();
    store.set_categories(&decided)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use rust_decimal::Decimal;
    use store::{Direction, EntryRecord};
    use time::macros::date;

    use super::*;

    const IBAN: &str = "SK3111000000002611223344";

    fn record(reference: &str, amount: &str, name: &str) -> EntryRecord {
        let day = date!(2026 - 03 - 10);
        store::test_support::booked_entry(reference, day, amount.parse().unwrap(), name)
    }

    /// A ledger with `count` entries of three kinds, each categorised as it was stored.
    fn ledger(count: usize) -> Ledger {
        let mut store = Store::open_in_memory().unwrap();
        let names = ["ZVERIMEX Ruzinov", "LIDL Zilinska", "Jana Novakova"];
        let records: Vec<EntryRecord> = (0..count)
            .map(|n| {
                let amount = format!("-{}.50", 5 + n % 40);
                record(&format!("r{n}"), &amount, names[n % 3])
            })
            .collect();
        store.append_older(IBAN, &records, None).unwrap();
        categorise_new(&mut store, IBAN).unwrap();
        Ledger::new(store)
    }

    fn key_id(ledger: &Ledger, key: &str) -> i64 {
        let categories = ledger.categories().unwrap();
        let found = categories.iter().find(|c| c.key.as_deref() == Some(key));
        found.unwrap().id
    }

    fn categories_by_reference(ledger: &Ledger) -> Vec<(String, i64)> {
        let store = ledger.store();
        let facts = store.entry_facts_after(0, u32::MAX).unwrap();
        facts
            .into_iter()
            .map(|facts| (facts.entry_reference, facts.category_id.unwrap()))
            .collect()
    }

    #[test]
    fn entries_are_categorised_as_they_are_stored() {
        let ledger = ledger(3);
        let decided = categories_by_reference(&ledger);
        let other = key_id(&ledger, "other");
        let groceries = key_id(&ledger, "groceries");
        assert_eq!(
            decided,
            [
                ("r0".into(), other),
                ("r1".into(), groceries),
                ("r2".into(), other)
            ]
        );
    }

    #[test]
    fn entries_stored_before_categories_get_theirs_when_asked() {
        let mut store = Store::open_in_memory().unwrap();
        let records = [record("old", "-3.20", "BILLA Obchodna")];
        store.append_older(IBAN, &records, None).unwrap();
        let ledger = Ledger::new(store);
        assert_eq!(
            ledger.store().accounts_with_uncategorised().unwrap(),
            [IBAN]
        );
        ledger.categorise_uncategorised().unwrap();
        let groceries = key_id(&ledger, "groceries");
        assert_eq!(
            categories_by_reference(&ledger),
            [("old".into(), groceries)]
        );
    }

    #[test]
    fn applying_a_rule_changes_exactly_what_its_preview_listed() {
        let ledger = ledger(3_000);
        let pets = ledger.add_category("Pets", "#884400").unwrap();
        ledger
            .choose_category(IBAN, "r3", Some(key_id(&ledger, "leisure")))
            .unwrap();
        let conditions = RuleConditions {
            counterparty: Some("zverimex".to_owned()),
            max_amount: Some(Decimal::from(30)),
            direction: Direction::Outgoing,
            ..RuleConditions::default()
        };
        let mut steps = Vec::new();
        let preview = ledger
            .rule_run()
            .preview(pets, &conditions, 10, &mut |done, total| {
                steps.push((done, total));
                true
            })
            .unwrap();
        assert_eq!(steps.first(), Some(&(0, 3_000)));
        assert_eq!(steps.last(), Some(&(3_000, 3_000)));
        assert_eq!(preview.sample.len(), 10);
        let before = categories_by_reference(&ledger);
        let changed = ledger
            .rule_run()
            .save(pets, &conditions, true, &mut |_, _| true)
            .unwrap()
            .changed;
        let after = categories_by_reference(&ledger);
        let moved: BTreeSet<&str> = before
            .iter()
            .zip(&after)
            .filter(|(was, is)| was.1 != is.1)
            .map(|(_, is)| is.0.as_str())
            .collect();
        assert_eq!(changed, preview.count);
        assert_eq!(u32::try_from(moved.len()).unwrap(), preview.count);
        // Every third entry is the pet shop; those up to 30.50 move, the chosen r3 stays.
        assert!(!moved.contains("r3"));
        assert!(moved.contains("r0") && !moved.contains("r1"));
        for change in &preview.sample {
            assert!(moved.contains(change.entry.entry_reference.as_str()));
            assert_eq!(change.category_id, pets);
        }
        let again = ledger
            .rule_run()
            .preview(pets, &conditions, 10, &mut |_, _| true)
            .unwrap();
        assert_eq!(again.count, 0, "nothing is left to change");
    }

    #[test]
    fn a_rule_needs_a_condition_and_can_be_stopped() {
        let ledger = ledger(10);
        let other = key_id(&ledger, "other");
        assert!(matches!(
            ledger
                .rule_run()
                .preview(other, &RuleConditions::default(), 5, &mut |_, _| true),
            Err(Error::EmptyRule)
        ));
        let conditions = RuleConditions {
            direction: Direction::Incoming,
            ..RuleConditions::default()
        };
        let stopped = ledger
            .rule_run()
            .preview(other, &conditions, 5, &mut |done, _| done == 0)
            .unwrap();
        assert!(stopped.stopped);
    }

    #[test]
    fn a_choice_taken_back_leaves_the_entry_to_the_rules() {
        let ledger = ledger(3);
        let fees = key_id(&ledger, "fees");
        ledger.choose_category(IBAN, "r1", Some(fees)).unwrap();
        assert_eq!(categories_by_reference(&ledger)[1].1, fees);
        ledger.choose_category(IBAN, "r1", None).unwrap();
        assert_eq!(
            categories_by_reference(&ledger)[1].1,
            key_id(&ledger, "groceries")
        );
        assert!(matches!(
            ledger.choose_category(IBAN, "missing", Some(fees)),
            Err(Error::UnknownEntry)
        ));
    }

    #[test]
    fn a_months_spending_is_per_category_largest_first_without_own_transfers() {
        let ledger = ledger(30);
        // r2 (−7.50) moved to savings: not spending.
        let own = key_id(&ledger, OWN_TRANSFERS);
        ledger.choose_category(IBAN, "r2", Some(own)).unwrap();
        let spending = ledger.month_spending(IBAN, date!(2026 - 03 - 31)).unwrap();
        let ids: Vec<Option<i64>> = spending.categories.iter().map(|c| c.category_id).collect();
        assert_eq!(
            ids,
            [
                Some(key_id(&ledger, "other")),
                Some(key_id(&ledger, "groceries"))
            ]
        );
        let total: Decimal = spending.categories.iter().map(|c| c.spent).sum();
        let expected: Decimal = (0..30)
            .map(|n| Decimal::from(5 + n % 40) + Decimal::new(5, 1))
            .sum();
        assert_eq!(total, expected - Decimal::new(75, 1));
        assert!(
            ledger
                .month_spending(IBAN, date!(2026 - 04 - 01))
                .unwrap()
                .categories
                .is_empty()
        );
    }
}
