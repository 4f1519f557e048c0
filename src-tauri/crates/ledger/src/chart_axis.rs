//! A chart's amount axis, chosen in decimal: round ticks over the amounts shown, and where each
//! amount sits on it as a whole number of steps. The UI places marks from these positions and
//! prints the ticks' decimal text, so no amount becomes a JavaScript number.

use rust_decimal::{Decimal, RoundingStrategy};

/// The top of an axis: a position runs from 0 (its lowest tick) to this (its highest).
pub const AXIS_TOP: u32 = 10_000;

/// Ticks that never divide an axis into more than this many steps.
const MOST_STEPS: u32 = 5;

/// An amount axis from `low` to `high`, both ticks, with zero on it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Axis {
    /// Lowest first: 1, 2 or 5 times a power of ten apart.
    pub ticks: Vec<Decimal>,
}

impl Axis {
    /// Round ticks over `amounts` and zero.
    pub fn over(amounts: impl IntoIterator<Item = Decimal>) -> Self {
        let (low, high) = amounts
            .into_iter()
            .fold((Decimal::ZERO, Decimal::ZERO), |(low, high), amount| {
                (low.min(amount), high.max(amount))
            });
        let step = round_step((high - low).max(Decimal::ONE) / Decimal::from(MOST_STEPS));
        let low = (low / step).floor() * step;
        // At least one step, even with nothing but zeros to show.
        let high = ((high / step).ceil() * step).max(low + step);
        let mut ticks = vec![low];
        while let Some(&last) = ticks.last()
            && last < high
        {
            ticks.push(last + step);
        }
        Self {
            ticks: ticks.iter().map(Decimal::normalize).collect(),
        }
    }

    /// Where `amount` sits, from 0 at the lowest tick to [`AXIS_TOP`] at the highest (clamped).
    pub fn position(&self, amount: Decimal) -> u32 {
        let (Some(&low), Some(&high)) = (self.ticks.first(), self.ticks.last()) else {
            return 0;
        };
        if high <= low {
            return 0;
        }
        let share = ((amount - low) / (high - low)).clamp(Decimal::ZERO, Decimal::ONE);
        (share * Decimal::from(AXIS_TOP))
            .round_dp_with_strategy(0, RoundingStrategy::MidpointAwayFromZero)
            .try_into()
            .unwrap_or(0)
    }
}

/// The smallest of 1, 2 and 5 times a power of ten that is at least `at_least` (positive).
fn round_step(at_least: Decimal) -> Decimal {
    let mut power = Decimal::ONE;
    while power * Decimal::TEN < at_least {
        power *= Decimal::TEN;
    }
    while power > at_least && power.scale() < 8 {
        power /= Decimal::TEN;
    }
    [1, 2, 5, 10]
        .into_iter()
        .map(|times| power * Decimal::from(times))
        .find(|step| *step >= at_least)
        .unwrap_or(power * Decimal::TEN)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn euros(text: &str) -> Decimal {
        text.parse().unwrap()
    }

    fn texts(axis: &Axis) -> Vec<String> {
        axis.ticks.iter().map(ToString::to_string).collect()
    }

    #[test]
    fn ticks_are_round_and_take_in_zero_and_every_amount() {
        let axis = Axis::over([euros("812.00"), euros("3104.55")]);
        assert_eq!(texts(&axis), ["0", "1000", "2000", "3000", "4000"]);
        let overdrawn = Axis::over([euros("-250.00"), euros("400.00")]);
        assert_eq!(texts(&overdrawn), ["-400", "-200", "0", "200", "400"]);
        assert_eq!(texts(&Axis::over([])), ["0", "0.2"]);
    }

    #[test]
    fn an_amount_sits_in_proportion_between_the_ends() {
        let axis = Axis::over([euros("4000")]);
        assert_eq!(axis.position(euros("0")), 0);
        assert_eq!(axis.position(euros("1000")), 2_500);
        assert_eq!(axis.position(euros("4000.00")), AXIS_TOP);
        assert_eq!(axis.position(euros("-1")), 0, "clamped");
        assert_eq!(axis.position(euros("0.2")), 1, "rounded");
    }
}
