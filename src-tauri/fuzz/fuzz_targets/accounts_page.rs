//! The bank's accounts page answer: any body is read or refused, never a panic. (Whether its pages
//! move forward is checked by the caller, against the page it asked for.)
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|body: &[u8]| {
    let _ = bank::parse_accounts_page(body);
});
