//! Deciding an entry's category: the person's choice, else the person's rules newest first,
//! else the app's rules, else "other".

use std::collections::{HashMap, HashSet};

use rust_decimal::Decimal;
use store::{CategoryRecord, Direction, EntryFacts, RuleConditions, RuleRecord, Store};

use super::builtin::{BUILTIN, BuiltinRule, LEGAL_FORMS, OTHER, PAY_WORDS, Test};
use super::text::{folded, has_words};
use crate::{Error, Result};

/// The constant symbol of wage payments.
const WAGES_SYMBOL: &str = "0138";

/// A rule's conditions with their text folded once.
#[derive(Debug, Clone)]
pub(crate) struct Condition {
    counterparty: Option<String>,
    description: Option<String>,
    counterparty_iban: Option<String>,
    min_amount: Option<Decimal>,
    max_amount: Option<Decimal>,
    direction: Direction,
}

impl Condition {
    pub(crate) fn of(conditions: &RuleConditions) -> Self {
        let text = |value: &Option<String>| {
            value
                .as_deref()
                .map(str::trim)
                .filter(|value| !value.is_empty())
                .map(folded)
        };
        Self {
            counterparty: text(&conditions.counterparty),
            description: text(&conditions.description),
            counterparty_iban: conditions
                .counterparty_iban
                .as_deref()
                .map(compact_iban)
                .filter(|iban| !iban.is_empty()),
            min_amount: conditions.min_amount,
            max_amount: conditions.max_amount,
            direction: conditions.direction,
        }
    }

    /// Whether `entry` meets every condition set.
    pub(crate) fn holds(&self, entry: &Facts<'_>) -> bool {
        let amount = entry.entry.amount;
        let direction = match self.direction {
            Direction::Any => true,
            Direction::Incoming => amount > Decimal::ZERO,
            Direction::Outgoing => amount < Decimal::ZERO,
        };
        direction
            && self.min_amount.is_none_or(|min| amount.abs() >= min)
            && self.max_amount.is_none_or(|max| amount.abs() <= max)
            && self
                .counterparty
                .as_deref()
                .is_none_or(|words| entry.counterparty.contains(words))
            && self
                .description
                .as_deref()
                .is_none_or(|words| entry.description.contains(words))
            && self
                .counterparty_iban
                .as_deref()
                .is_none_or(|iban| entry.counterparty_iban.as_deref() == Some(iban))
    }

    /// Whether at least one condition is set: a rule without any would take every entry.
    pub(crate) fn is_set(&self) -> bool {
        self.counterparty.is_some()
            || self.description.is_some()
            || self.counterparty_iban.is_some()
            || self.min_amount.is_some()
            || self.max_amount.is_some()
            || self.direction != Direction::Any
    }
}

/// What rules read of an entry, folded once.
#[derive(Debug)]
pub(crate) struct Facts<'a> {
    pub entry: &'a EntryFacts,
    counterparty: String,
    /// The description and the bank's note.
    description: String,
    counterparty_iban: Option<String>,
}

impl<'a> Facts<'a> {
    pub(crate) fn of(facts: &'a EntryFacts) -> Self {
        let text = |value: &Option<String>| value.as_deref().map(folded).unwrap_or_default();
        Self {
            entry: facts,
            counterparty: text(&facts.counterparty_name),
            description: format!("{}\n{}", text(&facts.description), text(&facts.bank_note)),
            counterparty_iban: facts.counterparty_iban.as_deref().map(compact_iban),
        }
    }
}

/// Everything that decides categories, read from the store once for a batch of entries.
#[derive(Debug)]
pub(crate) struct Categoriser {
    /// The person's rules, newest first, each with its category.
    rules: Vec<(Condition, i64)>,
    /// The app's categories by key.
    by_key: HashMap<String, i64>,
    own_ibans: HashSet<String>,
}

impl Categoriser {
    pub(crate) fn new(
        categories: &[CategoryRecord],
        rules: &[RuleRecord],
        own_ibans: &[String],
    ) -> Result<Self> {
        let by_key: HashMap<String, i64> = categories
            .iter()
            .filter_map(|category| Some((category.key.clone()?, category.id)))
            .collect();
        if !by_key.contains_key(OTHER) {
            return Err(Error::Store(store::Error::UnknownCategory));
        }
        Ok(Self {
            rules: rules
                .iter()
                .map(|rule| (Condition::of(&rule.conditions), rule.category_id))
                .collect(),
            by_key,
            own_ibans: own_ibans.iter().map(|iban| compact_iban(iban)).collect(),
        })
    }

    /// What the store holds now: its categories, the person's rules and own accounts.
    pub(crate) fn of_store(store: &Store) -> Result<Self> {
        Self::new(&store.categories()?, &store.rules()?, &store.own_ibans()?)
    }

    /// The same, with `draft` tried before every other rule: what saving it would decide.
    pub(crate) fn with_first(mut self, draft: Condition, category_id: i64) -> Self {
        self.rules.insert(0, (draft, category_id));
        self
    }

    /// The category `entry` gets: the person's choice, else the first rule that holds.
    pub(crate) fn decide(&self, entry: &Facts<'_>) -> i64 {
        if let Some(chosen) = entry.entry.chosen {
            return chosen;
        }
        if let Some((_, category)) = self.rules.iter().find(|(rule, _)| rule.holds(entry)) {
            return *category;
        }
        BUILTIN
            .iter()
            .filter(|rule| self.builtin_holds(rule, entry))
            .find_map(|rule| self.by_key.get(rule.key))
            .or_else(|| self.by_key.get(OTHER))
            .copied()
            .unwrap_or_default()
    }

    fn builtin_holds(&self, rule: &BuiltinRule, entry: &Facts<'_>) -> bool {
        let incoming = entry.entry.amount > Decimal::ZERO;
        match rule.test {
            Test::OwnAccount => entry
                .counterparty_iban
                .as_ref()
                .is_some_and(|iban| self.own_ibans.contains(iban)),
            Test::Code(families) => entry
                .entry
                .bank_transaction_code
                .as_deref()
                .and_then(|code| code.rsplit('-').next())
                .is_some_and(|family| families.contains(&family.trim())),
            Test::Salary => {
                incoming
                    && (entry.entry.constant_symbol.as_deref() == Some(WAGES_SYMBOL)
                        || PAY_WORDS
                            .iter()
                            .any(|word| has_words(&entry.description, word)))
            }
            Test::Words(words) => words.iter().any(|word| {
                has_words(&entry.counterparty, word) || has_words(&entry.description, word)
            }),
            Test::FromCompany => {
                incoming
                    && LEGAL_FORMS
                        .iter()
                        .any(|form| entry.counterparty.contains(form))
            }
        }
    }
}

fn compact_iban(iban: &str) -> String {
    iban.chars()
        .filter(|letter| !letter.is_whitespace())
        .flat_map(char::to_uppercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The app's categories as a new store has them.
    fn categories() -> Vec<CategoryRecord> {
        Store::open_in_memory().unwrap().categories().unwrap()
    }

    fn key_of(id: i64) -> String {
        categories()
            .into_iter()
            .find(|category| category.id == id)
            .and_then(|category| category.key)
            .unwrap_or_else(|| format!("#{id}"))
    }

    fn entry(amount: &str, name: Option<&str>, description: &str, code: &str) -> EntryFacts {
        EntryFacts {
            id: 1,
            iban: "SK3111000000002611223344".to_owned(),
            entry_reference: "r".to_owned(),
            date: time::macros::date!(2026 - 03 - 10),
            amount: amount.parse().unwrap(),
            currency: "EUR".to_owned(),
            counterparty_name: name.map(str::to_owned),
            counterparty_iban: None,
            description: Some(description.to_owned()),
            bank_note: None,
            constant_symbol: None,
            bank_transaction_code: Some(code.to_owned()),
            category_id: None,
            chosen: None,
        }
    }

    fn decided(categoriser: &Categoriser, facts: &EntryFacts) -> String {
        key_of(categoriser.decide(&Facts::of(facts)))
    }

    const OWN: &str = "SK5011000000002944556677";

    fn builtin() -> Categoriser {
        Categoriser::new(&categories(), &[], &[OWN.to_owned()]).unwrap()
    }

    #[test]
    fn the_apps_rules_read_merchants_codes_own_accounts_and_pay() {
        let categoriser = builtin();
        let cases: &[(&str, Option<&str>, &str, &str, &str)] = &[
            (
                "-23.40",
                Some("LIDL Ruzinov"),
                "LIDL Ruzinov, Bratislava",
                "PMNT-CCRD-POSD",
                "groceries",
            ),
            (
                "-41.00",
                Some("MOL Levicka"),
                "MOL Levicka, Nitra",
                "PMNT-CCRD-POSD",
                "transport",
            ),
            (
                "-40.00",
                None,
                "Výber z bankomatu ATM Hlavna 12",
                "PMNT-CCRD-CWDL",
                "cash",
            ),
            (
                "-62.00",
                Some("ZSE Energia, a.s."),
                "Zálohová platba elektrina",
                "PMNT-IDDT-ESDD",
                "housing_energy",
            ),
            (
                "-19.99",
                Some("Orange Slovensko, a.s."),
                "Faktúra za mobil",
                "PMNT-IDDT-ESDD",
                "phone_internet",
            ),
            (
                "-3.00",
                None,
                "Poplatok za vedenie účtu 03/2026",
                "ACMT-MDOP-FEES",
                "fees",
            ),
            (
                "1850.00",
                Some("Slovnaft, a.s."),
                "Mzda 03/2026",
                "PMNT-RCDT-ESCT",
                "income",
            ),
            (
                "2400.00",
                Some("Websupport, s.r.o."),
                "Faktúra 20260301",
                "PMNT-RCDT-ESCT",
                "income",
            ),
            (
                "-25.00",
                Some("Katarína Molnárová"),
                "Za obed",
                "PMNT-ICDT-ESCT",
                "other",
            ),
            (
                "12.00",
                Some("Dr.Max lekaren"),
                "Vrátenie",
                "PMNT-RCDT-ESCT",
                "health",
            ),
        ];
        for (amount, name, description, code, expected) in cases {
            let facts = entry(amount, *name, description, code);
            assert_eq!(decided(&categoriser, &facts), *expected, "{facts:?}");
        }
        let mut saving = entry(
            "-300.00",
            Some("Jana Nováková"),
            "Sporenie",
            "PMNT-ICDT-BOOK",
        );
        saving.counterparty_iban = Some("SK50 1100 0000 0029 4455 6677".to_owned());
        assert_eq!(decided(&categoriser, &saving), "own_transfers");
    }

    #[test]
    fn the_persons_newest_rule_wins_and_a_choice_wins_over_every_rule() {
        let pets = 99;
        let older = RuleRecord {
            id: 1,
            category_id: 1,
            conditions: RuleConditions {
                description: Some("Granule".to_owned()),
                ..RuleConditions::default()
            },
        };
        let newer = RuleRecord {
            id: 2,
            category_id: pets,
            conditions: RuleConditions {
                counterparty: Some("zverimex".to_owned()),
                min_amount: Some("10".parse().unwrap()),
                max_amount: Some("50".parse().unwrap()),
                direction: Direction::Outgoing,
                ..RuleConditions::default()
            },
        };
        let categoriser = Categoriser::new(&categories(), &[newer, older], &[]).unwrap();
        let food = entry(
            "-24.90",
            Some("ZVERIMEX Ružinov"),
            "Granule",
            "PMNT-CCRD-POSD",
        );
        assert_eq!(categoriser.decide(&Facts::of(&food)), pets);
        let big = entry(
            "-240.00",
            Some("ZVERIMEX Ružinov"),
            "Granule",
            "PMNT-CCRD-POSD",
        );
        assert_eq!(decided(&categoriser, &big), "groceries", "the older rule");
        let refund = entry("24.90", Some("Zverimex"), "Vrátenie", "PMNT-RCDT-ESCT");
        assert_eq!(decided(&categoriser, &refund), "other", "money in");
        let mut chosen = food.clone();
        chosen.chosen = Some(12);
        assert_eq!(decided(&categoriser, &chosen), "fees");
    }

    #[test]
    fn a_rule_without_conditions_is_not_set() {
        assert!(
            !Condition::of(&RuleConditions {
                counterparty: Some("  ".to_owned()),
                ..RuleConditions::default()
            })
            .is_set()
        );
    }
}
