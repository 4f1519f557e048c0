//! The token endpoint's answer: read or refused, never a panic, whatever `expires_in` says;
//! the access token never shows in debug output.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|body: &[u8]| {
    let Some(tokens) = bank::fuzzing::token_response(body) else {
        return;
    };
    let secret = tokens.access.secret();
    if secret.len() >= 8 {
        assert!(!format!("{tokens:?}").contains(secret));
    }
});
