//! `POST /api/v1/accounts/information`: any body is read or refused, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|body: &[u8]| {
    let _ = bank::parse_account_information(body);
});
