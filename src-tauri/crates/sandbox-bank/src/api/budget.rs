//! PSD2's limit on reads the person did not ask for (RTS article 36(5)(b)): four a day for each
//! account and resource. A call without `PSU-IP-Address` is unattended (the Berlin Group's
//! rule: that header says the person takes part), and paging through one listing counts once,
//! as banks count a `frequencyPerDay`: only a listing's first page is counted.

use std::collections::{HashMap, VecDeque};

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

/// Unattended reads of one account's resource allowed in any 24 hours.
pub const UNATTENDED_READS_PER_DAY: usize = 4;

const DAY: time::Duration = time::Duration::days(1);

/// What an account information call reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Resource {
    Balances,
    Transactions,
}

/// The unattended reads of each account's resources within the last 24 hours of the bank's
/// clock, oldest first.
#[derive(Debug, Default)]
pub(crate) struct UnattendedReads {
    reads: HashMap<(String, Resource), VecDeque<OffsetDateTime>>,
}

impl UnattendedReads {
    /// Counts a read of `iban`'s `resource` at `now`, or refuses it with the seconds until the
    /// oldest read in the window leaves it.
    pub(crate) fn count(
        &mut self,
        iban: &str,
        resource: Resource,
        now: OffsetDateTime,
    ) -> Result<(), u64> {
        let reads = self.reads.entry((iban.to_owned(), resource)).or_default();
        while reads.front().is_some_and(|at| *at + DAY <= now) {
            reads.pop_front();
        }
        if let Some(oldest) = reads.front()
            && reads.len() >= UNATTENDED_READS_PER_DAY
        {
            // Rounded up: a client that waits as long as told finds the slot free.
            let wait = *oldest + DAY - now;
            let seconds = wait.whole_seconds() + i64::from(wait.subsec_nanoseconds() > 0);
            return Err(u64::try_from(seconds).unwrap_or(0).max(1));
        }
        reads.push_back(now);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use time::macros::datetime;

    use super::*;

    #[test]
    fn a_fifth_read_within_a_day_waits_until_the_first_is_a_day_old() {
        let mut reads = UnattendedReads::default();
        let start = datetime!(2026-11-30 08:00 UTC);
        for hour in 0..4 {
            let at = start + time::Duration::hours(hour);
            reads.count("SK1", Resource::Balances, at).unwrap();
        }
        let fifth = start + time::Duration::hours(5);
        assert_eq!(
            reads.count("SK1", Resource::Balances, fifth),
            Err(19 * 3600)
        );
        // Another resource, another account: counted apart.
        reads.count("SK1", Resource::Transactions, fifth).unwrap();
        reads.count("SK2", Resource::Balances, fifth).unwrap();
        // A day after the first, its slot is free again; the refused read took none.
        reads.count("SK1", Resource::Balances, start + DAY).unwrap();
        assert!(reads.count("SK1", Resource::Balances, start + DAY).is_err());
    }
}
