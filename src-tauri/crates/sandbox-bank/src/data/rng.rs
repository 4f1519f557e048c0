//! A small deterministic generator: every entry draws from its own stream, keyed by
//! (seed, account, index), so any entry can be computed alone, in any order.

use rust_decimal::Decimal;

/// `SplitMix64`: tiny, fast and good enough for test data (not for secrets).
#[derive(Debug, Clone)]
pub(crate) struct Rng {
    state: u64,
}

impl Rng {
    /// A stream for `seed` and the key parts, e.g. `[account, index]`.
    pub(crate) fn new(seed: u64, key: &[u64]) -> Self {
        let mut rng = Self { state: seed };
        for part in key {
            rng.state = rng.next_u64() ^ part.wrapping_mul(0xA24B_AED4_963E_E407);
        }
        rng
    }

    pub(crate) fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..bound` (`bound` > 0); the slight modulo bias does not matter here.
    pub(crate) fn below(&mut self, bound: u64) -> u64 {
        self.next_u64() % bound.max(1)
    }

    /// A number in `low..=high`.
    pub(crate) fn between(&mut self, low: i64, high: i64) -> i64 {
        let span = high.abs_diff(low) + 1;
        low.saturating_add_unsigned(self.below(span))
    }

    /// One of `items` (which must not be empty).
    pub(crate) fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        let index = usize::try_from(self.below(items.len() as u64)).unwrap_or(0);
        &items[index]
    }

    /// True in `percent` of the draws.
    pub(crate) fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }

    /// An amount of money in `low_cents..=high_cents`, with two decimals.
    pub(crate) fn cents(&mut self, low_cents: i64, high_cents: i64) -> Decimal {
        Decimal::new(self.between(low_cents, high_cents), 2)
    }

    /// A string of `length` decimal digits (leading zeros allowed).
    pub(crate) fn digits(&mut self, length: usize) -> String {
        (0..length)
            .map(|_| char::from(b'0' + u8::try_from(self.below(10)).unwrap_or(0)))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_key_gives_the_same_stream_and_another_key_another() {
        let mut first = Rng::new(7, &[1, 42]);
        let mut again = Rng::new(7, &[1, 42]);
        let mut other = Rng::new(7, &[1, 43]);
        let a: Vec<u64> = (0..4).map(|_| first.next_u64()).collect();
        let b: Vec<u64> = (0..4).map(|_| again.next_u64()).collect();
        let c: Vec<u64> = (0..4).map(|_| other.next_u64()).collect();
        assert_eq!(a, b);
        assert_ne!(a, c);
    }

    #[test]
    fn draws_stay_in_their_ranges() {
        let mut rng = Rng::new(1, &[]);
        for _ in 0..1000 {
            assert!((5..=9).contains(&rng.between(5, 9)));
            let amount = rng.cents(150, 2599);
            assert!(amount >= Decimal::new(150, 2) && amount <= Decimal::new(2599, 2));
            assert_eq!(amount.scale(), 2);
            let digits = rng.digits(6);
            assert_eq!(digits.len(), 6);
            assert!(digits.bytes().all(|b| b.is_ascii_digit()));
        }
    }
}
