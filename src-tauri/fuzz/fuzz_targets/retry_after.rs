//! A `Retry-After` header, in seconds or as an HTTP date: read or ignored, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|value: &str| {
    let _ = bank::fuzzing::retry_after(value);
});
