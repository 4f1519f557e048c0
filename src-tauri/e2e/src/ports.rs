//! The loopback ports a test hands out: tauri-driver's, `WebKitWebDriver`'s (tauri-driver's
//! native port) and the Demo Bank's (`BANKBOOK_DEMO_PORT`).
//!
//! A port is picked free and then released for the program that will listen on it, so between
//! the two something else may take it. Alone, a test asks the system for any free port (port 0).
//! Side by side (`scripts/e2e.sh` runs test files in parallel, each job with its own slot in
//! `BANKBOOK_E2E_SLOT`: 0, 1, ...), that could hand two sessions the same port, and one test's
//! `wait_for_port` would then find the other's driver. So each slot picks its ports in a range of
//! its own, [`SLOT_PORTS`] ports from `20000 + slot * 2000`: below the system's ephemeral ports
//! (32768 and up on Linux), which it hands out for port 0 and outgoing connections, so no other
//! session and no ephemeral socket takes one, and never the same port twice in one test process.

use std::collections::hash_map::RandomState;
use std::hash::{BuildHasher, Hasher};
use std::net::{Ipv4Addr, TcpListener};
use std::ops::Range;
use std::path::Path;
use std::sync::Mutex;

use crate::{Error, Result};

/// The parallel job's slot, set by `scripts/e2e.sh` (xargs' `--process-slot-var`).
pub const SLOT_VAR: &str = "BANKBOOK_E2E_SLOT";
/// Where slot 0's range starts.
const FIRST_SLOT_PORT: u16 = 20_000;
/// How many ports a slot has.
const SLOT_PORTS: u16 = 2_000;
/// Linux's first ephemeral port by default, when `/proc` does not say.
const EPHEMERAL_FROM: u16 = 32_768;

/// A port nothing listens on now, on 127.0.0.1: in this job's range when `BANKBOOK_E2E_SLOT`
/// is set, else any the system offers.
pub fn free_port() -> Result<u16> {
    match std::env::var(SLOT_VAR) {
        Ok(slot) => {
            let range = slot
                .parse()
                .ok()
                .and_then(|slot| slot_range(slot, ephemeral_from()))
                .ok_or_else(|| {
                    Error::Setup(format!(
                        "{SLOT_VAR}={slot}: no range of {SLOT_PORTS} ports from \
                         {FIRST_SLOT_PORT} below the ephemeral ports ({}) for it (fewer jobs?)",
                        ephemeral_from()
                    ))
                })?;
            free_port_in(range)
        }
        Err(_) => any_free_port(),
    }
}

/// Slot `slot`'s ports, if they all lie below `ephemeral_from`.
fn slot_range(slot: u16, ephemeral_from: u16) -> Option<Range<u16>> {
    let start = FIRST_SLOT_PORT.checked_add(slot.checked_mul(SLOT_PORTS)?)?;
    let end = start.checked_add(SLOT_PORTS)?;
    (end <= ephemeral_from).then_some(start..end)
}

/// Every port of `range` once, from its `offset`-th on, wrapping round.
fn candidates(range: Range<u16>, offset: u16) -> impl Iterator<Item = u16> {
    let length = range.end - range.start;
    (0..length).map(move |step| {
        let index = (u32::from(offset) + u32::from(step)) % u32::from(length);
        range.start + u16::try_from(index).unwrap_or_default()
    })
}

/// Where the next search in this process's range starts: a random place at first (a session
/// before this one in the same slot may still have its ports), then after the last port given.
static NEXT_OFFSET: Mutex<Option<u16>> = Mutex::new(None);

/// The first port of `range`, from where the last search stopped, that binds now.
fn free_port_in(range: Range<u16>) -> Result<u16> {
    let length = range.end - range.start;
    let mut next = NEXT_OFFSET
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let offset = next.unwrap_or_else(|| random_below(length));
    let port = first_free(range.clone(), offset).ok_or_else(|| {
        Error::Setup(format!(
            "no free port on 127.0.0.1 in {}..{}",
            range.start, range.end
        ))
    })?;
    *next = Some((port - range.start + 1) % length);
    Ok(port)
}

/// The first port of `range` from its `offset`-th on that binds on 127.0.0.1 now.
fn first_free(range: Range<u16>, offset: u16) -> Option<u16> {
    candidates(range, offset).find(|port| TcpListener::bind((Ipv4Addr::LOCALHOST, *port)).is_ok())
}

fn any_free_port() -> Result<u16> {
    let listener = TcpListener::bind((Ipv4Addr::LOCALHOST, 0))
        .map_err(|source| Error::io(Path::new("127.0.0.1:0"), source))?;
    listener
        .local_addr()
        .map(|address| address.port())
        .map_err(|source| Error::io(Path::new("127.0.0.1:0"), source))
}

/// The system's first ephemeral port (`/proc/sys/net/ipv4/ip_local_port_range`).
fn ephemeral_from() -> u16 {
    std::fs::read_to_string("/proc/sys/net/ipv4/ip_local_port_range")
        .ok()
        .and_then(|range| range.split_whitespace().next()?.parse().ok())
        .unwrap_or(EPHEMERAL_FROM)
}

/// A number below `bound` (not 0), random enough to spread the first search.
fn random_below(bound: u16) -> u16 {
    let random = RandomState::new().build_hasher().finish() % u64::from(bound);
    u16::try_from(random).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_slots_ranges_are_disjoint_and_below_the_ephemeral_ports() {
        assert_eq!(slot_range(0, EPHEMERAL_FROM), Some(20_000..22_000));
        assert_eq!(slot_range(1, EPHEMERAL_FROM), Some(22_000..24_000));
        // Six slots fit below 32768; the seventh would reach into the ephemeral ports.
        assert_eq!(slot_range(5, EPHEMERAL_FROM), Some(30_000..32_000));
        assert_eq!(slot_range(6, EPHEMERAL_FROM), None);
        // A system whose ephemeral ports start lower has fewer slots.
        assert_eq!(slot_range(2, 25_000), None);
        assert_eq!(slot_range(u16::MAX, u16::MAX), None);
        let ranges: Vec<_> = (0..6)
            .filter_map(|slot| slot_range(slot, EPHEMERAL_FROM))
            .collect();
        for pair in ranges.windows(2) {
            assert!(pair[0].end <= pair[1].start, "{pair:?} overlap");
        }
    }

    #[test]
    fn the_search_tries_every_port_of_the_range_once_from_its_offset() {
        let tried: Vec<u16> = candidates(100..105, 3).collect();
        assert_eq!(tried, [103, 104, 100, 101, 102]);
        let mut all: Vec<u16> = candidates(20_000..22_000, 1_999).collect();
        assert_eq!(all.first(), Some(&21_999));
        all.sort_unstable();
        assert_eq!(all, (20_000..22_000).collect::<Vec<_>>());
    }

    #[test]
    fn a_port_in_use_is_passed_over_and_none_is_given_twice() {
        let range = slot_range(3, EPHEMERAL_FROM).unwrap_or(26_000..28_000);
        let free = first_free(range.clone(), 0);
        let held = free.and_then(|port| TcpListener::bind((Ipv4Addr::LOCALHOST, port)).ok());
        let (Some(port), Some(_held)) = (free, held) else {
            panic!("no port to hold in {range:?}");
        };
        let next = first_free(range.clone(), port - range.start);
        assert!(
            next.is_some_and(|next| next != port && range.contains(&next)),
            "{next:?}"
        );

        let first = free_port_in(range.clone()).ok();
        let second = free_port_in(range.clone()).ok();
        for given in [first, second] {
            assert!(
                given.is_some_and(|given| range.contains(&given)),
                "{given:?}"
            );
        }
        assert_ne!(first, second);
        assert!(random_below(SLOT_PORTS) < SLOT_PORTS);
    }
}
