//! When to try a failed call again, and how long to wait first.

use std::time::{Duration, SystemTime};

/// Bounded retries with exponential backoff and jitter, honouring `Retry-After`.
#[derive(Debug, Clone, Copy)]
pub struct RetryPolicy {
    /// Tries in all, the first included.
    pub attempts: u32,
    pub first_backoff: Duration,
    /// A `Retry-After` longer than this is not waited out: the caller is told when to come back.
    pub longest_wait: Duration,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        Self {
            attempts: 3,
            first_backoff: Duration::from_millis(250),
            longest_wait: Duration::from_secs(10),
        }
    }
}

impl RetryPolicy {
    /// The pause before try number `attempt + 1` (`attempt` counts from 1): doubling each time,
    /// with up to 50% random extra so that many clients do not retry in step.
    pub fn backoff(&self, attempt: u32) -> Duration {
        let base = self.first_backoff * 2u32.saturating_pow(attempt.saturating_sub(1));
        let jitter_millis = rand::random_range(0..=base.as_millis() / 2);
        base + Duration::from_millis(u64::try_from(jitter_millis).unwrap_or(0))
    }
}

/// Reads `Retry-After`: delay-seconds or an HTTP-date (RFC 9110 section 10.2.3).
pub(crate) fn parse_retry_after(value: &str, now: SystemTime) -> Option<Duration> {
    let value = value.trim();
    if let Ok(seconds) = value.parse::<u64>() {
        return Some(Duration::from_secs(seconds));
    }
    let at = httpdate::parse_http_date(value).ok()?;
    Some(at.duration_since(now).unwrap_or(Duration::ZERO))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_within_its_jitter() {
        let policy = RetryPolicy::default();
        for attempt in 1..=3 {
            let base = policy.first_backoff * 2u32.pow(attempt - 1);
            let pause = policy.backoff(attempt);
            assert!(pause >= base && pause <= base + base / 2, "{pause:?}");
        }
    }

    #[test]
    fn reads_seconds_and_http_dates() {
        let now = httpdate::parse_http_date("Sun, 06 Nov 1994 08:49:37 GMT").unwrap();
        assert_eq!(parse_retry_after("120", now), Some(Duration::from_mins(2)));
        assert_eq!(
            parse_retry_after("Sun, 06 Nov 1994 08:50:07 GMT", now),
            Some(Duration::from_secs(30))
        );
        assert_eq!(
            parse_retry_after("Sun, 06 Nov 1994 08:00:00 GMT", now),
            Some(Duration::ZERO)
        );
        assert_eq!(parse_retry_after("soon", now), None);
    }
}
