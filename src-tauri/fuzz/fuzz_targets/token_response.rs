//! The token endpoint's answer: read or refused, never a panic, whatever `expires_in` and
//! `refresh_token_expires_in` say; neither token ever shows in debug output.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|body: &[u8]| {
    let Some(tokens) = bank::fuzzing::token_response(body) else {
        return;
    };
    // Debug output is the same whatever the tokens are.
    let other = bank::IssuedTokens {
        access: bank::AccessToken::new("x".repeat(tokens.access.secret().len())),
        refresh: tokens
            .refresh
            .as_ref()
            .map(|token| bank::RefreshToken(vault::Sensitive("y".repeat(token.0.0.len())))),
        refresh_due: tokens.refresh_due,
        consent_ends: tokens.consent_ends,
    };
    assert_eq!(format!("{tokens:?}"), format!("{other:?}"));
});
