//! Any text handed to the app as a launch URL: parsed without panicking, and accepted only as
//! a well-formed answer to a consent.
#![no_main]

use bank::{Answer, Callback};
use libfuzzer_sys::fuzz_target;
use url::Url;
use vault::Sensitive;

fuzz_target!(|text: &str| {
    let Ok(url) = Url::parse(text) else {
        return;
    };
    let Ok(callback) = Callback::try_from(&url) else {
        return;
    };
    assert_eq!(url.scheme(), bank::SCHEME);
    // Its path names the bank it answers for, and only that bank.
    assert_eq!(
        url.path(),
        format!("{}/{}", bank::CALLBACK_PATH, callback.bank_id)
    );
    assert!(
        !callback.bank_id.is_empty()
            && callback
                .bank_id
                .bytes()
                .all(|byte| byte.is_ascii_lowercase() || byte.is_ascii_digit() || byte == b'-')
    );
    assert!(callback.issuer.as_ref().is_none_or(|iss| iss.len() <= 1024));
    match &callback.answer {
        Answer::ConsentGranted { code, state } => {
            assert!(!code.0.is_empty() && code.0.len() <= 1024);
            assert!(!state.is_empty() && state.len() <= 1024);
            // The code is a credential: debug output is the same whatever the code is.
            let other = Answer::ConsentGranted {
                code: Sensitive("x".repeat(code.0.len())),
                state: state.clone(),
            };
            assert_eq!(format!("{:?}", callback.answer), format!("{other:?}"));
        }
        Answer::ConsentRefused { error, .. } => {
            assert!(!error.is_empty() && error.len() <= 64);
            assert!(
                error
                    .bytes()
                    .all(|byte| byte.is_ascii_lowercase() || byte == b'_')
            );
        }
    }
});
