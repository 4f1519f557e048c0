//! Categories, the person's rules, and each entry's category: chosen by hand, or what the
//! rules said. Deciding a category is the ledger's; the store keeps what was decided.

use rusqlite::{OptionalExtension, Row, params};
use rust_decimal::Decimal;

use crate::codec::{date_from_sql, decimal_from_sql, optional_decimal_from_sql};
use crate::{Direction, Error, Result, Store};

/// A category: one of the app's own (`key` set), or one the person added.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CategoryRecord {
    pub id: i64,
    /// The app's key for its own categories (`groceries`, `other`), which the window names in
    /// the reading language; `None` for the person's.
    pub key: Option<String>,
    /// The person's name for it; `None`: the app's name for `key`.
    pub name: Option<String>,
    /// `#rrggbb`.
    pub colour: String,
}

/// What a rule asks of an entry: every condition set holds. Text conditions are compared
/// by the ledger without case or accents.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RuleConditions {
    /// Found in the counterparty's name.
    pub counterparty: Option<String>,
    /// Found in the description or the bank's note.
    pub description: Option<String>,
    /// The counterparty's IBAN, without spaces.
    pub counterparty_iban: Option<String>,
    /// Inclusive bounds on the amount's magnitude.
    pub min_amount: Option<Decimal>,
    pub max_amount: Option<Decimal>,
    pub direction: Direction,
}

/// One of the person's rules.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleRecord {
    pub id: i64,
    pub category_id: i64,
    pub conditions: RuleConditions,
}

/// What rules read of an entry, and its category now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntryFacts {
    /// The entry's row, which [`Store::set_categories`] names.
    pub id: i64,
    pub iban: String,
    pub entry_reference: String,
    pub date: time::Date,
    pub amount: Decimal,
    pub currency: String,
    pub counterparty_name: Option<String>,
    pub counterparty_iban: Option<String>,
    pub description: Option<String>,
    pub bank_note: Option<String>,
    pub constant_symbol: Option<String>,
    pub bank_transaction_code: Option<String>,
    pub category_id: Option<i64>,
    /// The category the person chose for it, which wins over every rule.
    pub chosen: Option<i64>,
}

/// One category's booked spending in a period.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CategorySpending {
    pub category_id: Option<i64>,
    /// The money out, as a positive amount, less refunds into the category.
    pub spent: Decimal,
    pub entries: u32,
}

const FACTS: &str = "SELECT entry.id, entry.iban, entry.entry_reference, entry.date,
         entry.amount, entry.currency, entry.counterparty_name,
         entry.counterparty_iban, entry.description, entry.bank_note, entry.constant_symbol,
         entry.bank_transaction_code, entry.category_id, category_choice.category_id
     FROM entry LEFT JOIN category_choice
         ON category_choice.iban = entry.iban
         AND category_choice.entry_reference = entry.entry_reference";

impl Store {
    /// Every category, in the person's order.
    pub fn categories(&self) -> Result<Vec<CategoryRecord>> {
        let mut statement = self
            .connection
            .prepare_cached("SELECT id, key, name, colour FROM category ORDER BY position, id")?;
        let categories = statement
            .query_map([], |row| {
                Ok(CategoryRecord {
                    id: row.get(0)?,
                    key: row.get(1)?,
                    name: row.get(2)?,
                    colour: row.get(3)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(categories)
    }

    /// Adds the person's category `name`, last; its id.
    pub fn add_category(&mut self, name: &str, colour: &str) -> Result<i64> {
        self.connection.execute(
            "INSERT INTO category (name, colour, position)
             VALUES (?1, ?2, (SELECT ifnull(max(position), -1) + 1 FROM category))",
            params![name, colour],
        )?;
        Ok(self.connection.last_insert_rowid())
    }

    /// Renames and recolours category `id`; a `None` name gives an app's category its own
    /// name back (the person's own must have one).
    pub fn update_category(&mut self, id: i64, name: Option<&str>, colour: &str) -> Result<()> {
        let changed = self.connection.execute(
            "UPDATE category SET name = ?2, colour = ?3
             WHERE id = ?1 AND (?2 IS NOT NULL OR key IS NOT NULL)",
            params![id, name, colour],
        )?;
        if changed == 0 {
            return Err(Error::UnknownCategory);
        }
        Ok(())
    }

    /// Removes the person's category `id` with its rules and the choices of it; its entries
    /// are left uncategorised for the rules to decide again. The app's own stay.
    pub fn remove_category(&mut self, id: i64) -> Result<()> {
        let changed = self.connection.execute(
            "DELETE FROM category WHERE id = ?1 AND key IS NULL",
            params![id],
        )?;
        if changed == 0 {
            return Err(Error::UnknownCategory);
        }
        Ok(())
    }

    /// The person's rules, newest first: the order they are tried in.
    pub fn rules(&self) -> Result<Vec<RuleRecord>> {
        let mut statement = self.connection.prepare_cached(
            "SELECT id, category_id, counterparty, description, counterparty_iban, min_amount,
                 max_amount, direction
             FROM category_rule ORDER BY id DESC",
        )?;
        let rules = statement
            .query_map([], read_rule)?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rules)
    }

    /// Adds a rule, tried before every rule there is; its id.
    pub fn add_rule(&mut self, category_id: i64, conditions: &RuleConditions) -> Result<i64> {
        let direction = match conditions.direction {
            Direction::Any => None,
            Direction::Incoming => Some("in"),
            Direction::Outgoing => Some("out"),
        };
        self.connection
            .execute(
                "INSERT INTO category_rule (category_id, counterparty, description,
                     counterparty_iban, min_amount, max_amount, direction)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![
                    category_id,
                    conditions.counterparty,
                    conditions.description,
                    conditions.counterparty_iban,
                    conditions.min_amount.map(|amount| amount.to_string()),
                    conditions.max_amount.map(|amount| amount.to_string()),
                    direction,
                ],
            )
            .map_err(unknown_category)?;
        Ok(self.connection.last_insert_rowid())
    }

    /// Removes rule `id`. What it categorised keeps its category until the entry is stored
    /// again changed (or booked), when the remaining rules decide.
    pub fn remove_rule(&mut self, id: i64) -> Result<()> {
        self.connection
            .execute("DELETE FROM category_rule WHERE id = ?1", params![id])?;
        Ok(())
    }

    /// The entries of `iban` no category was decided for yet: those just stored.
    pub fn uncategorised(&self, iban: &str) -> Result<Vec<EntryFacts>> {
        let mut statement = self.connection.prepare_cached(&format!(
            "{FACTS} WHERE entry.iban = ?1 AND entry.category_id IS NULL"
        ))?;
        let facts = statement
            .query_map(params![iban], read_facts)?
            .collect::<rusqlite::Result<_>>()?;
        Ok(facts)
    }

    /// Up to `limit` entries of every account after row `after_id`, in row order: what
    /// applying rules to the stored entries reads, a batch at a time.
    pub fn entry_facts_after(&self, after_id: i64, limit: u32) -> Result<Vec<EntryFacts>> {
        let mut statement = self.connection.prepare_cached(&format!(
            "{FACTS} WHERE entry.id > ?1 ORDER BY entry.id LIMIT ?2"
        ))?;
        let facts = statement
            .query_map(params![after_id, limit], read_facts)?
            .collect::<rusqlite::Result<_>>()?;
        Ok(facts)
    }

    /// How many entries are stored, in every account.
    pub fn stored_entry_count(&self) -> Result<u32> {
        Ok(self
            .connection
            .query_row("SELECT count(*) FROM entry", [], |row| row.get(0))?)
    }

    /// Sets each entry row's category, in one transaction.
    pub fn set_categories(&mut self, decided: &[(i64, i64)]) -> Result<()> {
        let transaction = self.connection.transaction()?;
        {
            let mut statement =
                transaction.prepare_cached("UPDATE entry SET category_id = ?2 WHERE id = ?1")?;
            for (entry, category) in decided {
                statement.execute(params![entry, category])?;
            }
        }
        transaction.commit()?;
        Ok(())
    }

    /// The person's choice of category for the entry `reference` of `iban`, kept through
    /// refreshes and bookings; `None` takes the choice back, leaving the entry for the rules
    /// to decide again. An entry not stored is [`Error::UnknownEntry`].
    pub fn choose_category(
        &mut self,
        iban: &str,
        reference: &str,
        category_id: Option<i64>,
    ) -> Result<()> {
        let transaction = self.connection.transaction()?;
        let stored = transaction
            .prepare_cached("SELECT 1 FROM entry WHERE iban = ?1 AND entry_reference = ?2")?
            .exists(params![iban, reference])?;
        if !stored {
            return Err(Error::UnknownEntry);
        }
        match category_id {
            Some(category) => {
                transaction
                    .execute(
                        "INSERT INTO category_choice (iban, entry_reference, category_id)
                         VALUES (?1, ?2, ?3)
                         ON CONFLICT (iban, entry_reference)
                         DO UPDATE SET category_id = excluded.category_id",
                        params![iban, reference, category],
                    )
                    .map_err(unknown_category)?;
            }
            None => {
                transaction.execute(
                    "DELETE FROM category_choice WHERE iban = ?1 AND entry_reference = ?2",
                    params![iban, reference],
                )?;
            }
        }
        transaction.execute(
            "UPDATE entry SET category_id = ?3 WHERE iban = ?1 AND entry_reference = ?2",
            params![iban, reference, category_id],
        )?;
        transaction.commit()?;
        Ok(())
    }

    /// The category the person chose for the entry `reference` of `iban`, if any.
    pub fn chosen_category(&self, iban: &str, reference: &str) -> Result<Option<i64>> {
        Ok(self
            .connection
            .prepare_cached(
                "SELECT category_id FROM category_choice WHERE iban = ?1 AND entry_reference = ?2",
            )?
            .query_row(params![iban, reference], |row| row.get(0))
            .optional()?)
    }

    /// The IBANs of every account shown, of every bank: the person's own, for telling a
    /// transfer between them.
    pub fn own_ibans(&self) -> Result<Vec<String>> {
        let mut statement = self
            .connection
            .prepare_cached("SELECT DISTINCT iban FROM selected_account")?;
        let ibans = statement
            .query_map([], |row| row.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(ibans)
    }

    /// The ibans with uncategorised entries: after a category was removed.
    pub fn accounts_with_uncategorised(&self) -> Result<Vec<String>> {
        let mut statement = self.connection.prepare_cached(
            "SELECT DISTINCT iban FROM entry INDEXED BY entry_uncategorised
             WHERE category_id IS NULL",
        )?;
        let ibans = statement
            .query_map([], |row| row.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(ibans)
    }

    /// What `iban`'s booked entries dated `from` to `to` (inclusive, `YYYY-MM-DD`) spent per
    /// category, largest first: the money out less what came back into the same category.
    /// Categories that only received money are left out.
    pub fn spending_by_category(
        &self,
        iban: &str,
        from: time::Date,
        to: time::Date,
    ) -> Result<Vec<CategorySpending>> {
        let mut statement = self.connection.prepare_cached(
            "SELECT category_id, amount FROM entry INDEXED BY entry_booked_by_day
             WHERE iban = ?1 AND pending = 0 AND date BETWEEN ?2 AND ?3",
        )?;
        let rows = statement
            .query_map(params![iban, from.to_string(), to.to_string()], |row| {
                Ok((row.get::<_, Option<i64>>(0)?, decimal_from_sql(row, 1)?))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let mut totals: Vec<CategorySpending> = Vec::new();
        for (category_id, amount) in rows {
            let index = totals
                .iter()
                .position(|total| total.category_id == category_id)
                .unwrap_or_else(|| {
                    totals.push(CategorySpending {
                        category_id,
                        spent: Decimal::ZERO,
                        entries: 0,
                    });
                    totals.len() - 1
                });
            totals[index].spent -= amount;
            totals[index].entries += 1;
        }
        totals.retain(|total| total.spent > Decimal::ZERO);
        totals.sort_by_key(|total| std::cmp::Reverse(total.spent));
        Ok(totals)
    }
}

fn read_rule(row: &Row<'_>) -> rusqlite::Result<RuleRecord> {
    let direction = match row.get::<_, Option<String>>(7)?.as_deref() {
        Some("in") => Direction::Incoming,
        Some("out") => Direction::Outgoing,
        _ => Direction::Any,
    };
    Ok(RuleRecord {
        id: row.get(0)?,
        category_id: row.get(1)?,
        conditions: RuleConditions {
            counterparty: row.get(2)?,
            description: row.get(3)?,
            counterparty_iban: row.get(4)?,
            min_amount: optional_decimal_from_sql(row, 5)?,
            max_amount: optional_decimal_from_sql(row, 6)?,
            direction,
        },
    })
}

fn read_facts(row: &Row<'_>) -> rusqlite::Result<EntryFacts> {
    Ok(EntryFacts {
        id: row.get(0)?,
        iban: row.get(1)?,
        entry_reference: row.get(2)?,
        date: date_from_sql(row, 3)?,
        amount: decimal_from_sql(row, 4)?,
        currency: row.get(5)?,
        counterparty_name: row.get(6)?,
        counterparty_iban: row.get(7)?,
        description: row.get(8)?,
        bank_note: row.get(9)?,
        constant_symbol: row.get(10)?,
        bank_transaction_code: row.get(11)?,
        category_id: row.get(12)?,
        chosen: row.get(13)?,
    })
}

/// A category that does not exist (a foreign key refused) is [`Error::UnknownCategory`].
fn unknown_category(error: rusqlite::Error) -> Error {
    match error.sqlite_error_code() {
        Some(rusqlite::ErrorCode::ConstraintViolation) => Error::UnknownCategory,
        _ => error.into(),
    }
}

#[cfg(test)]
mod tests {
    use time::macros::date;

    use super::*;
    use crate::history::tests::entry;

    const IBAN: &str = "SK3111000000002611223344";

    fn other(store: &Store) -> i64 {
        store
            .categories()
            .unwrap()
            .iter()
            .find(|category| category.key.as_deref() == Some("other"))
            .unwrap()
            .id
    }

    #[test]
    fn the_apps_categories_come_in_order_and_the_persons_go_last() {
        let mut store = Store::open_in_memory().unwrap();
        let keys: Vec<_> = store
            .categories()
            .unwrap()
            .into_iter()
            .filter_map(|category| category.key)
            .collect();
        assert_eq!(keys.len(), 13);
        assert_eq!(keys[0], "groceries");
        let pets = store.add_category("Pets", "#123456").unwrap();
        assert_eq!(store.categories().unwrap().last().unwrap().id, pets);
        let groceries = store.categories().unwrap()[0].id;
        assert!(matches!(
            store.remove_category(groceries),
            Err(Error::UnknownCategory)
        ));
        assert!(matches!(
            store.update_category(pets, None, "#123456"),
            Err(Error::UnknownCategory)
        ));
        store
            .update_category(groceries, Some("Food"), "#00ff00")
            .unwrap();
        store.update_category(groceries, None, "#00ff00").unwrap();
        assert_eq!(store.categories().unwrap()[0].name, None);
        store.remove_category(pets).unwrap();
        assert_eq!(store.categories().unwrap().len(), 13);
    }

    #[test]
    fn a_choice_outlives_the_row_of_a_hold_that_books() {
        let mut store = Store::open_in_memory().unwrap();
        let mut hold = entry("H", date!(2026 - 11 - 20));
        hold.pending = true;
        store.prepend_newer(IBAN, &[hold.clone()], None, 1).unwrap();
        let pets = store.add_category("Pets", "#123456").unwrap();
        store.choose_category(IBAN, "H", Some(pets)).unwrap();
        let booked = entry("H", date!(2026 - 11 - 21));
        store.prepend_newer(IBAN, &[booked], None, 2).unwrap();
        let facts = store.uncategorised(IBAN).unwrap();
        assert_eq!(facts.len(), 1, "the booked row is new");
        assert_eq!(facts[0].chosen, Some(pets));
        assert_eq!(store.chosen_category(IBAN, "H").unwrap(), Some(pets));
        store.choose_category(IBAN, "H", None).unwrap();
        assert_eq!(store.chosen_category(IBAN, "H").unwrap(), None);
        assert!(matches!(
            store.choose_category(IBAN, "nope", Some(pets)),
            Err(Error::UnknownEntry)
        ));
        assert!(matches!(
            store.choose_category(IBAN, "H", Some(9999)),
            Err(Error::UnknownCategory)
        ));
    }

    #[test]
    fn an_entry_the_bank_sends_again_changed_is_decided_again_and_unchanged_keeps_its_category() {
        let mut store = Store::open_in_memory().unwrap();
        let other = other(&store);
        let mut hold = entry("H", date!(2026 - 11 - 20));
        hold.pending = true;
        store.prepend_newer(IBAN, &[hold.clone()], None, 1).unwrap();
        let decided: Vec<(i64, i64)> = store
            .uncategorised(IBAN)
            .unwrap()
            .iter()
            .map(|facts| (facts.id, other))
            .collect();
        store.set_categories(&decided).unwrap();
        store.prepend_newer(IBAN, &[hold.clone()], None, 2).unwrap();
        assert!(
            store.uncategorised(IBAN).unwrap().is_empty(),
            "the same again"
        );
        hold.counterparty_name = Some("LIDL Ruzinov".to_owned());
        store.prepend_newer(IBAN, &[hold], None, 3).unwrap();
        assert_eq!(store.uncategorised(IBAN).unwrap().len(), 1, "a new name");
    }

    #[test]
    fn rules_keep_their_conditions_newest_first() {
        let mut store = Store::open_in_memory().unwrap();
        let other = other(&store);
        let first = RuleConditions {
            counterparty: Some("tesco".into()),
            min_amount: Some("10.5".parse().unwrap()),
            direction: Direction::Outgoing,
            ..RuleConditions::default()
        };
        let second = RuleConditions {
            counterparty_iban: Some("SK8975000000000012345671".into()),
            ..RuleConditions::default()
        };
        store.add_rule(other, &first).unwrap();
        store.add_rule(other, &second).unwrap();
        let rules = store.rules().unwrap();
        assert_eq!(rules[0].conditions, second);
        assert_eq!(rules[1].conditions, first);
        assert!(matches!(
            store.add_rule(9999, &first),
            Err(Error::UnknownCategory)
        ));
    }

    #[test]
    fn spending_sums_booked_money_out_less_refunds_per_category() {
        let mut store = Store::open_in_memory().unwrap();
        let other = other(&store);
        let mut entries = Vec::new();
        for (reference, amount, day) in [
            ("a", "-10.10", date!(2026 - 11 - 02)),
            ("b", "-5.00", date!(2026 - 11 - 03)),
            ("c", "2.00", date!(2026 - 11 - 04)),
            ("d", "-99.00", date!(2026 - 10 - 31)),
        ] {
            let mut record = entry(reference, day);
            record.amount = amount.parse().unwrap();
            entries.push(record);
        }
        store.append_older(IBAN, &entries, None).unwrap();
        let ids: Vec<(i64, i64)> = store
            .uncategorised(IBAN)
            .unwrap()
            .iter()
            .map(|facts| (facts.id, other))
            .collect();
        store.set_categories(&ids).unwrap();
        let spending = store
            .spending_by_category(IBAN, date!(2026 - 11 - 01), date!(2026 - 11 - 30))
            .unwrap();
        assert_eq!(
            spending,
            [CategorySpending {
                category_id: Some(other),
                spent: "13.10".parse().unwrap(),
                entries: 3,
            }]
        );
        assert!(store.uncategorised(IBAN).unwrap().is_empty());
    }
}
