use rust_decimal::Decimal;

/// One end of an amount range: a magnitude (never negative), inside the range or not.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AmountBound {
    pub value: Decimal,
    /// `>=` / `<=` and both ends of `10..20`; `false` for a strict `>` / `<`, which no
    /// inclusive decimal bound can express exactly.
    pub inclusive: bool,
}

impl AmountBound {
    pub fn inclusive(value: Decimal) -> Self {
        Self {
            value,
            inclusive: true,
        }
    }

    pub fn exclusive(value: Decimal) -> Self {
        Self {
            value,
            inclusive: false,
        }
    }
}

/// The amounts a search keeps, compared on their magnitude (absolute value): the direction of
/// a payment is a filter of its own. Never empty and never unbounded on both ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AmountRange {
    min: Option<AmountBound>,
    max: Option<AmountBound>,
}

/// An [`AmountRange`] in millionths of the currency unit (amount × 10⁶), the store's
/// `amount_micros`: both ends inclusive, `None` for no bound. Compare the magnitude
/// (`abs(amount_micros)`) with it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MicrosRange {
    pub min: Option<i64>,
    pub max: Option<i64>,
}

/// Millionths per unit.
const MICROS: Decimal = Decimal::from_parts(1_000_000, 0, 0, false, 0);

impl AmountRange {
    /// A range, or `None` when no amount can be inside it (its ends cross, a bound is
    /// negative) or it has no bound at all.
    pub fn new(min: Option<AmountBound>, max: Option<AmountBound>) -> Option<Self> {
        let negative = |bound: Option<AmountBound>| {
            bound.is_some_and(|b| b.value.is_sign_negative() && !b.value.is_zero())
        };
        if negative(min) || negative(max) || (min.is_none() && max.is_none()) {
            return None;
        }
        let range = Self { min, max };
        let lowest = min.map_or(Decimal::ZERO, |b| b.value);
        let empty = match max {
            Some(max) if max.inclusive && min.is_none_or(|min| min.inclusive) => max.value < lowest,
            Some(max) => max.value <= lowest,
            None => false,
        };
        (!empty).then_some(range)
    }

    /// Exactly `value` (its magnitude).
    pub fn exactly(value: Decimal) -> Option<Self> {
        Self::new(
            Some(AmountBound::inclusive(value)),
            Some(AmountBound::inclusive(value)),
        )
    }

    pub fn min(&self) -> Option<AmountBound> {
        self.min
    }

    pub fn max(&self) -> Option<AmountBound> {
        self.max
    }

    /// Whether the magnitude of `amount` is in the range.
    pub fn contains(&self, amount: Decimal) -> bool {
        let amount = amount.abs();
        let above = self.min.is_none_or(|min| {
            if min.inclusive {
                amount >= min.value
            } else {
                amount > min.value
            }
        });
        let below = self.max.is_none_or(|max| {
            if max.inclusive {
                amount <= max.value
            } else {
                amount < max.value
            }
        });
        above && below
    }

    /// The range in millionths, rounded so that a whole number of millionths is inside it
    /// exactly when the amount it stands for is (`>12.5` starts at 12 500 001). `None` when no
    /// whole number of millionths within `i64` is inside (`12.0000005` exactly, `>10^13`).
    pub fn to_micros(&self) -> Option<MicrosRange> {
        let min = match self.min {
            Some(bound) => Some(lowest_micros(bound)?),
            None => None,
        };
        let max = match self.max {
            Some(bound) => highest_micros(bound)?,
            None => None,
        };
        if let (Some(min), Some(max)) = (min, max)
            && min > max
        {
            return None;
        }
        Some(MicrosRange { min, max })
    }
}

/// The smallest `i64` of millionths above a lower bound, or `None` when none is.
fn lowest_micros(bound: AmountBound) -> Option<i64> {
    let scaled = bound.value.checked_mul(MICROS)?;
    let lowest = if bound.inclusive {
        scaled.ceil()
    } else {
        scaled.floor().checked_add(Decimal::ONE)?
    };
    i64::try_from(lowest).ok()
}

/// The largest `i64` of millionths below an upper bound: `Some(None)` when every `i64` is
/// below it, `None` when no magnitude is.
#[allow(clippy::option_option)] // Three answers: this bound, no bound needed, nothing inside.
fn highest_micros(bound: AmountBound) -> Option<Option<i64>> {
    let Some(scaled) = bound.value.checked_mul(MICROS) else {
        return Some(None);
    };
    let highest = if bound.inclusive {
        scaled.floor()
    } else {
        scaled.ceil() - Decimal::ONE
    };
    if highest.is_sign_negative() && !highest.is_zero() {
        return None;
    }
    Some(i64::try_from(highest).ok())
}

#[cfg(test)]
#[allow(
    clippy::unnecessary_wraps,
    reason = "helpers that build the options the code under test takes and gives"
)]
mod tests {
    use std::str::FromStr;

    use super::*;

    fn dec(text: &str) -> Decimal {
        Decimal::from_str(text).unwrap_or_else(|_| panic!("{text} is a decimal"))
    }

    fn incl(text: &str) -> Option<AmountBound> {
        Some(AmountBound::inclusive(dec(text)))
    }

    fn excl(text: &str) -> Option<AmountBound> {
        Some(AmountBound::exclusive(dec(text)))
    }

    fn micros(min: Option<AmountBound>, max: Option<AmountBound>) -> Option<MicrosRange> {
        AmountRange::new(min, max).and_then(|range| range.to_micros())
    }

    fn span(min: Option<i64>, max: Option<i64>) -> Option<MicrosRange> {
        Some(MicrosRange { min, max })
    }

    #[test]
    fn empty_negative_and_unbounded_ranges_are_refused() {
        assert!(AmountRange::new(None, None).is_none());
        assert!(AmountRange::new(incl("5"), incl("1")).is_none());
        assert!(AmountRange::new(excl("5"), incl("5")).is_none());
        assert!(AmountRange::new(incl("5"), excl("5")).is_none());
        assert!(AmountRange::new(None, excl("0")).is_none());
        assert!(AmountRange::new(incl("-1"), None).is_none());
        assert!(AmountRange::new(None, incl("-0.01")).is_none());
        assert!(AmountRange::new(incl("5"), incl("5.00")).is_some());
        assert!(AmountRange::new(None, incl("0")).is_some());
        assert!(AmountRange::new(incl("0"), None).is_some());
    }

    #[test]
    fn contains_compares_magnitudes_and_honours_strict_bounds() {
        let range = AmountRange::new(excl("12.5"), incl("20")).unwrap_or_else(|| panic!());
        assert!(!range.contains(dec("12.5")));
        assert!(!range.contains(dec("-12.50")));
        assert!(range.contains(dec("12.500001")));
        assert!(range.contains(dec("-20.00")));
        assert!(!range.contains(dec("20.0000001")));
    }

    #[test]
    fn micros_round_inward_so_strict_bounds_exclude_their_value() {
        assert_eq!(micros(excl("12.5"), None), span(Some(12_500_001), None));
        assert_eq!(micros(incl("12.5"), None), span(Some(12_500_000), None));
        assert_eq!(micros(None, excl("50")), span(None, Some(49_999_999)));
        assert_eq!(micros(None, incl("50")), span(None, Some(50_000_000)));
        assert_eq!(
            micros(incl("10"), incl("20")),
            span(Some(10_000_000), Some(20_000_000))
        );
    }

    #[test]
    fn micros_of_bounds_finer_than_a_millionth_keep_exactly_the_whole_millionths_inside() {
        assert_eq!(micros(incl("1.0000001"), None), span(Some(1_000_001), None));
        assert_eq!(micros(excl("1.0000001"), None), span(Some(1_000_001), None));
        assert_eq!(micros(None, incl("1.0000009")), span(None, Some(1_000_000)));
        assert_eq!(micros(None, excl("1.0000009")), span(None, Some(1_000_000)));
        assert_eq!(micros(None, excl("0.0000001")), span(None, Some(0)));
        // No whole millionth is 12.0000005.
        assert_eq!(micros(incl("12.0000005"), incl("12.0000005")), None);
    }

    #[test]
    fn micros_beyond_i64_leave_out_the_upper_bound_and_empty_a_lower_one() {
        let huge = "10000000000000"; // 10^13: 10^19 millionths, above i64::MAX.
        assert_eq!(micros(None, incl(huge)), span(None, None));
        assert_eq!(micros(incl(huge), None), None);
        let largest = "79228162514264337593543950335"; // Decimal::MAX: × 10^6 overflows.
        assert_eq!(micros(None, incl(largest)), span(None, None));
        assert_eq!(micros(excl(largest), None), None);
        assert_eq!(
            micros(incl("9223372036854.775807"), None),
            span(Some(i64::MAX), None)
        );
        assert_eq!(micros(excl("9223372036854.775807"), None), None);
    }

    /// For many bounds and many whole numbers of millionths: in the micros range exactly when
    /// the amount is in the decimal range.
    #[test]
    fn micros_agree_with_contains() {
        let values = [
            "0",
            "0.000001",
            "0.0000005",
            "1",
            "12.5",
            "12.4999999",
            "12.5000001",
            "12.500001",
            "99.99",
            "100",
            "100.000001",
        ];
        let bounds = values.iter().flat_map(|v| [incl(v), excl(v)]).chain([None]);
        let bounds: Vec<_> = bounds.collect();
        let probes: Vec<i64> = values
            .iter()
            .map(|v| (dec(v) * MICROS).floor())
            .flat_map(|m| {
                let m = i64::try_from(m).unwrap_or_else(|_| panic!());
                [m - 1, m, m + 1]
            })
            .filter(|m| *m >= 0)
            .collect();
        for min in &bounds {
            for max in &bounds {
                let Some(range) = AmountRange::new(*min, *max) else {
                    continue;
                };
                let micros = range.to_micros();
                for probe in &probes {
                    let inside = micros.is_some_and(|m| {
                        m.min.is_none_or(|min| *probe >= min)
                            && m.max.is_none_or(|max| *probe <= max)
                    });
                    assert_eq!(
                        inside,
                        range.contains(Decimal::new(*probe, 6)),
                        "{range:?} {micros:?} {probe}"
                    );
                }
            }
        }
    }
}
