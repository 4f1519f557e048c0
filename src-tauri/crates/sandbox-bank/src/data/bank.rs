//! The whole bank: demo users and their accounts, generated from the seed.

use std::collections::{HashMap, HashSet};

use rust_decimal::Decimal;
use serde::de::Error as _;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use time::Date;

use super::AccountKind;
use super::account::{Account, AccountSetup};
use super::archive::Archive;
use super::generator::AccountProfile;
use super::rng::Rng;
use super::users::{DEMO_USERS, DemoAccount, DemoUser};
use crate::config::Config;
use crate::iban;
use crate::secrets::constant_time_eq;

/// The bank code in the sandbox's IBANs, and its BIC.
const BANK_CODE: u16 = 9950;
pub(crate) const BIC: &str = "DEMOSKBX";

/// A demo user, by position. Stored (in the state file) as the username, which stays the same
/// whatever the configuration.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) struct UserId(usize);

impl UserId {
    /// The demo user of this name; every bank has the same demo users in the same order.
    fn named(username: &str) -> Option<Self> {
        DEMO_USERS
            .iter()
            .position(|user| user.username == username)
            .map(Self)
    }

    fn username(self) -> &'static str {
        DEMO_USERS[self.0].username
    }
}

impl Serialize for UserId {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.username())
    }
}

impl<'de> Deserialize<'de> for UserId {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let username = String::deserialize(deserializer)?;
        Self::named(&username)
            .ok_or_else(|| D::Error::custom(format!("no demo user is named {username}")))
    }
}

#[derive(Debug)]
pub(crate) struct User {
    pub username: &'static str,
    password: &'static str,
    pub full_name: &'static str,
    /// Indices into the bank's accounts, in the order they were opened.
    accounts: Vec<usize>,
}

#[derive(Debug)]
pub(crate) struct Bank {
    users: Vec<User>,
    accounts: Vec<Account>,
    by_iban: HashMap<String, usize>,
}

impl Bank {
    /// Generates every user's accounts. The archives' balances cost one pass over all
    /// generated amounts: O(users x accounts x transactions).
    pub(crate) fn generate(config: &Config, today: Date) -> Self {
        let newest_date = config.history_end.unwrap_or(today);
        let mut bank = Self {
            users: Vec::new(),
            accounts: Vec::new(),
            by_iban: HashMap::new(),
        };
        let mut taken = HashSet::new();
        for seed in &DEMO_USERS {
            let kinds: Vec<AccountKind> = (0..config.accounts_per_user)
                .map(AccountKind::nth)
                .collect();
            let first_ordinal = bank.accounts.len() as u64 + 1;
            let ibans: Vec<String> = (first_ordinal..)
                .zip(&kinds)
                .map(|(ordinal, &kind)| unique_iban(config.seed, ordinal, kind, &mut taken))
                .collect();
            let mut user = User {
                username: seed.username,
                password: seed.password,
                full_name: seed.full_name,
                accounts: Vec::new(),
            };
            for (position, &kind) in kinds.iter().enumerate() {
                let ordinal = first_ordinal + position as u64;
                // Each three accounts are a current, a savings and a credit-line account: a
                // savings account's other side is its three's current account, the others'
                // their three's savings account (the first one's, for a three cut short).
                let three = position / 3 * 3;
                let sibling = if kind == AccountKind::Savings {
                    &ibans[three]
                } else {
                    ibans.get(three + 1).unwrap_or(&ibans[1])
                };
                let profile = AccountProfile {
                    seed: config.seed,
                    ordinal,
                    kind,
                    holder: seed.full_name,
                    sibling_iban: sibling.clone(),
                };
                let setup = account_setup(
                    config.seed,
                    ordinal,
                    kind,
                    position,
                    ibans[position].clone(),
                );
                // A savings account receives what its three's current account saves.
                let feeder = (kind == AccountKind::Savings)
                    .then(|| user.accounts.get(three))
                    .flatten()
                    .map(|&current| bank.accounts[current].archive());
                let archive = Archive::new(
                    profile,
                    u64::from(config.transactions_per_account),
                    newest_date,
                    feeder,
                );
                bank.by_iban.insert(setup.iban.clone(), bank.accounts.len());
                user.accounts.push(bank.accounts.len());
                bank.accounts.push(Account::new(setup, archive));
            }
            bank.users.push(user);
        }
        bank
    }

    /// The user with these credentials, if any.
    pub(crate) fn sign_in(&self, username: &str, password: &str) -> Option<UserId> {
        let position = self
            .users
            .iter()
            .position(|user| user.username == username)?;
        constant_time_eq(
            self.users[position].password.as_bytes(),
            password.as_bytes(),
        )
        .then_some(UserId(position))
    }

    pub(crate) fn user(&self, id: UserId) -> &User {
        &self.users[id.0]
    }

    #[cfg(feature = "admin")]
    pub(crate) fn user_by_name(&self, username: &str) -> Option<UserId> {
        self.users
            .iter()
            .position(|user| user.username == username)
            .map(UserId)
    }

    /// The user's accounts in the order they were opened.
    pub(crate) fn accounts_of(&self, id: UserId) -> impl Iterator<Item = &Account> {
        self.users[id.0]
            .accounts
            .iter()
            .map(|&index| &self.accounts[index])
    }

    /// Where the account `iban` is in the bank's accounts: how the state file names it.
    pub(crate) fn place_of(&self, iban: &str) -> Option<usize> {
        self.by_iban.get(iban).copied()
    }

    /// The IBAN of the account at `place` (see [`Self::place_of`]).
    pub(crate) fn iban_at(&self, place: usize) -> Option<&str> {
        self.accounts
            .get(place)
            .map(|account| account.iban.as_str())
    }

    pub(crate) fn account(&self, iban: &str) -> Option<&Account> {
        self.by_iban.get(iban).map(|&index| &self.accounts[index])
    }

    #[cfg(feature = "admin")]
    pub(crate) fn accounts(&self) -> &[Account] {
        &self.accounts
    }

    /// The users with their credentials and accounts, as the binary prints them.
    pub(crate) fn demo_users(&self) -> Vec<DemoUser> {
        self.users
            .iter()
            .enumerate()
            .map(|(position, user)| DemoUser {
                username: user.username.to_owned(),
                password: user.password.to_owned(),
                full_name: user.full_name.to_owned(),
                accounts: self
                    .accounts_of(UserId(position))
                    .map(|account| DemoAccount {
                        iban: account.iban.clone(),
                        name: account.name.clone(),
                        kind: account.kind,
                    })
                    .collect(),
            })
            .collect()
    }
}

/// Names and credit line of an account, drawn from the seed.
fn account_setup(
    seed: u64,
    ordinal: u64,
    kind: AccountKind,
    position: usize,
    iban: String,
) -> AccountSetup {
    let mut rng = Rng::new(seed, &[ordinal, 0xBA1A_4CE5]);
    let name = match position / 3 {
        0 => kind.display_name().to_owned(),
        round => format!("{} {}", kind.display_name(), round + 1),
    };
    let credit_line =
        (kind == AccountKind::CreditLine).then(|| Decimal::new(rng.between(5, 20) * 100, 0));
    AccountSetup {
        iban,
        name,
        kind,
        #[cfg(feature = "admin")]
        ordinal,
        credit_line,
    }
}

/// A valid Slovak IBAN of this bank that no other account has.
fn unique_iban(seed: u64, ordinal: u64, kind: AccountKind, taken: &mut HashSet<String>) -> String {
    let prefix = if kind == AccountKind::Savings { 19 } else { 0 };
    let mut rng = Rng::new(seed, &[ordinal, 0x1BA7]);
    loop {
        let iban = iban::slovak(BANK_CODE, prefix, 1_000_000_000 + rng.below(8_999_999_999));
        if taken.insert(iban.clone()) {
            return iban;
        }
    }
}

#[cfg(test)]
mod tests {
    use time::macros::date;

    use super::*;
    use crate::data::{Entry, HistoryFilter, PageRequest, StatusFilter};

    fn bank(seed: u64) -> Bank {
        Bank::generate(
            &Config::default().seed(seed).transactions_per_account(50),
            date!(2026 - 05 - 14),
        )
    }

    #[test]
    fn the_same_seed_gives_the_same_bank() {
        let (first, again, other) = (bank(1), bank(1), bank(2));
        assert_eq!(first.demo_users(), again.demo_users());
        assert_ne!(first.demo_users(), other.demo_users());
        let page = PageRequest {
            number: 1,
            size: 50,
        };
        let history = |bank: &Bank| {
            bank.accounts()[0]
                .history_page(&HistoryFilter::default(), page)
                .unwrap()
        };
        assert_eq!(history(&first), history(&again));
    }

    #[test]
    fn the_first_user_has_a_current_a_savings_and_a_credit_line_account_with_valid_ibans() {
        let bank = bank(3);
        let users = bank.demo_users();
        let kinds: Vec<AccountKind> = users[0]
            .accounts
            .iter()
            .map(|account| account.kind)
            .collect();
        assert_eq!(
            kinds,
            [
                AccountKind::Current,
                AccountKind::Savings,
                AccountKind::CreditLine
            ]
        );
        assert!(
            users
                .iter()
                .flat_map(|user| &user.accounts)
                .all(|account| iban::is_valid(&account.iban))
        );
        let credit = bank.account(&users[0].accounts[2].iban).unwrap();
        assert!(credit.credit_line.is_some());
    }

    #[test]
    fn an_account_without_history_has_nothing_booked() {
        let config = Config::default().transactions_per_account(0);
        let bank = Bank::generate(&config, date!(2026 - 05 - 14));
        let balances = bank.accounts()[0].balances();
        assert_eq!(
            (balances.booked, balances.available),
            (Decimal::ZERO, Decimal::ZERO)
        );
        let page = PageRequest {
            number: 1,
            size: 10,
        };
        assert!(
            bank.accounts()[0]
                .history_page(&HistoryFilter::default(), page)
                .unwrap()
                .items
                .is_empty()
        );
    }

    /// Every booked entry of the account, oldest first.
    fn booked_oldest_first(account: &Account) -> Vec<Entry> {
        let filter = HistoryFilter {
            status: StatusFilter::Booked,
            ..HistoryFilter::default()
        };
        let page = PageRequest {
            number: 1,
            size: 100_000,
        };
        let mut entries = account.history_page(&filter, page).unwrap().items;
        entries.reverse();
        entries
    }

    /// The balance after each entry, oldest first.
    fn running(entries: &[Entry]) -> Vec<Decimal> {
        entries
            .iter()
            .scan(Decimal::ZERO, |balance, entry| {
                *balance += entry.amount;
                Some(*balance)
            })
            .collect()
    }

    #[test]
    fn a_demo_year_earns_about_what_it_spends_and_the_savings_grow() {
        // A year at three entries a day, and ten years denser than that.
        for transactions in [1_200, 20_000] {
            a_demo_history_earns_about_what_it_spends(transactions);
        }
    }

    fn a_demo_history_earns_about_what_it_spends(transactions: u32) {
        let config = Config::default()
            .transactions_per_account(transactions)
            .accounts_per_user(6);
        let bank = Bank::generate(&config, date!(2026 - 11 - 20));
        let threes = bank
            .demo_users()
            .into_iter()
            .flat_map(|user| [user.accounts[..3].to_vec(), user.accounts[3..].to_vec()]);
        for (three, ibans) in threes.zip(1..) {
            let [current, savings, overdraft] =
                [0, 1, 2].map(|n| bank.account(&three[n].iban).unwrap());
            for account in [current, savings, overdraft] {
                let entries = booked_oldest_first(account);
                assert_eq!(entries[0].note, Some("Opening balance"));
                assert!(
                    entries[0].amount.is_sign_positive(),
                    "{ibans}: an opening credit"
                );
                let balances = running(&entries);
                assert_eq!(balances.last(), Some(&account.balances().booked));
                let lowest = balances.iter().min().unwrap();
                let floor = -account.credit_line.unwrap_or_default();
                assert!(*lowest >= floor, "{}: {lowest} below {floor}", account.name);
            }

            let current_entries = booked_oldest_first(current);
            let (earned, spent) = current_entries[1..]
                .iter()
                .filter(|entry| entry.note != Some("Transfer between own accounts"))
                .fold((Decimal::ZERO, Decimal::ZERO), |(earned, spent), entry| {
                    if entry.amount.is_sign_positive() {
                        (earned + entry.amount, spent)
                    } else {
                        (earned, spent - entry.amount)
                    }
                });
            let ratio = spent / earned;
            assert!(
                (Decimal::new(75, 2)..=Decimal::new(100, 2)).contains(&ratio),
                "{transactions}: spends {ratio} of what it earns"
            );

            // What the current account sends on the 28th is what the savings account receives.
            let transferred: Vec<(Date, Decimal)> = current_entries
                .iter()
                .filter(|entry| entry.note == Some("Transfer between own accounts"))
                .map(|entry| (entry.date(), -entry.amount))
                .collect();
            let savings_entries = booked_oldest_first(savings);
            let received: Vec<(Date, Decimal)> = savings_entries
                .iter()
                .filter(|entry| entry.note == Some("Transfer between own accounts"))
                .map(|entry| (entry.date(), entry.amount))
                .collect();
            assert!(
                transferred.len() >= 12,
                "a transfer a month: {}",
                transferred.len()
            );
            assert_eq!(transferred, received);
            let savings_balances = running(&savings_entries);
            assert!(
                savings_balances.last() > Some(&(savings_balances[0] + Decimal::from(1_000))),
                "the savings grow"
            );
        }
    }

    #[test]
    fn sign_in_needs_the_right_password() {
        let bank = bank(1);
        assert!(bank.sign_in("jana.novakova", "demo1234").is_some());
        assert!(bank.sign_in("jana.novakova", "demo12345").is_none());
        assert!(bank.sign_in("nobody", "demo1234").is_none());
    }
}
