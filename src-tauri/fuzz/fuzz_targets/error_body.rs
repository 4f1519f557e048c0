//! A bank's error answer, shown on screen and in the log: read or ignored, and kept short.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|body: &[u8]| {
    if let Some(said) = bank::BankErrorBody::parse(body) {
        assert!(said.code.chars().count() <= 64 + 1);
        assert!(
            said.description
                .is_none_or(|text| text.chars().count() <= 200 + 1)
        );
    }
});
