//! How long sealing and opening a backup take: `cargo bench -p backup --bench seal`.
//!
//! The recommended Argon2id cost alone (an empty payload), then a payload of the size of a
//! store with 100,000 entries (some 100 MiB), sealed and opened in memory: what a backup and a
//! restore spend besides copying the store. Three runs each, the median printed.

// A benchmark reports on standard output.
#![allow(clippy::print_stdout)]
// A benchmark whose set-up fails has nothing to report: it stops there.
#![allow(clippy::expect_used)]

use std::time::{Duration, Instant};

use backup::{KdfParams, Passphrase};

const PAYLOAD_MIB: usize = 100;
const RUNS: usize = 3;

fn main() {
    let passphrase = Passphrase::new("correct horse battery".to_owned());
    let empty = median(|| {
        let mut sealed = Vec::new();
        backup::seal(&[][..], &passphrase, KdfParams::RECOMMENDED, &mut sealed).expect("sealed");
        sealed
    });
    println!("Argon2id (64 MiB, 3 passes) and an empty payload: seal {empty:?}");

    let payload: Vec<u8> = (0..PAYLOAD_MIB * 1024 * 1024)
        .map(|index| u8::try_from(index % 251).expect("below 256"))
        .collect();
    let mut sealed = Vec::new();
    let seal = median(|| {
        sealed.clear();
        backup::seal(
            &payload[..],
            &passphrase,
            KdfParams::RECOMMENDED,
            &mut sealed,
        )
        .expect("sealed");
    });
    let open = median(|| {
        let mut opened = Vec::with_capacity(payload.len());
        backup::open(&sealed[..], &passphrase, &mut opened).expect("opened");
        assert_eq!(opened.len(), payload.len());
    });
    println!("{PAYLOAD_MIB} MiB: seal {seal:?}, open {open:?} (Argon2id included)");
}

/// The median of `RUNS` timings of `work`.
fn median<T>(mut work: impl FnMut() -> T) -> Duration {
    let mut times: Vec<Duration> = (0..RUNS)
        .map(|_| {
            let started = Instant::now();
            std::hint::black_box(work());
            started.elapsed()
        })
        .collect();
    times.sort_unstable();
    times[RUNS / 2]
}
