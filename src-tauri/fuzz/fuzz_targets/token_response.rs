//! The token endpoint's answer: read or refused, never a panic, whatever `expires_in` says;
//! the access token never shows in debug output.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|body: &[u8]| {
    let Some(tokens) = bank::fuzzing::token_response(body) else {
        return;
    };
    // Debug output is the same whatever the access token is.
    let other = bank::IssuedTokens {
        access: bank::AccessToken::new("x".repeat(tokens.access.secret().len())),
        ..tokens.clone()
    };
    assert_eq!(format!("{tokens:?}"), format!("{other:?}"));
});
