//! The app's commands as a script in the webview could call them: forged arguments are refused
//! with `invalid_input` (or by Tauri before they reach a command), the app keeps running, and 50
//! concurrent commands on an expired token make one token refresh, on a revoked one no retry loop.

use e2e::{AppSession, Onboarded, onboard};
use serde_json::{Value, json};

const BROWSER: &str = env!("CARGO_BIN_EXE_stand-in-browser");

/// Calls each `[command, args]` of the first argument at once and reports how each ended:
/// `{ok: value}` or `{error: reason}`.
const INVOKE_ALL: &str = r"const [calls, done] = arguments;
    Promise.allSettled(calls.map(([command, args]) =>
        window.__TAURI_INTERNALS__.invoke(command, args)))
      .then((outcomes) => done(outcomes.map((outcome) => outcome.status === 'fulfilled'
        ? { ok: outcome.value ?? null } : { error: outcome.reason ?? null })));";

async fn invoke_all(app: &AppSession, calls: &[Value]) -> e2e::Result<Vec<Value>> {
    let outcomes = app
        .client()
        .execute_async(INVOKE_ALL, vec![json!(calls)])
        .await?;
    let outcomes = outcomes.as_array().cloned().unwrap_or_default();
    // One outcome for each call, or the checks below would check nothing.
    assert_eq!(outcomes.len(), calls.len(), "{outcomes:?}");
    Ok(outcomes)
}

fn page_call(iban: &str, cursor: &Value, limit: &Value, direction: &str) -> Value {
    json!(["transactions_page", {"iban": iban, "cursor": cursor, "limit": limit, "direction": direction}])
}

/// A search of one account, with no words or filters.
fn search_query(iban: &str) -> Value {
    json!({"text": "", "amount": "", "dateFrom": null, "dateTo": null, "direction": "any",
        "pendingOnly": false, "iban": iban})
}

fn search_call(query: &Value, cursor: &Value, limit: u32, direction: &str) -> Value {
    json!(["search_transactions", {"query": query, "cursor": cursor, "limit": limit, "direction": direction}])
}

#[tokio::test]
#[ignore = "drives the built app under Xvfb: run with `make e2e`"]
async fn forged_command_arguments_are_refused_and_the_app_goes_on() -> e2e::Result<()> {
    let env = [("BANKBOOK_DEMO_TRANSACTIONS", "300")];
    let Onboarded { app, bank } = onboard("ipc_forged", BROWSER, 1, 1, &env).await?;
    let iban = app.shown_iban().await?;
    let huge = "9".repeat(1 << 20);
    // Nothing of the app's own left in flight: the first page, the refresh after connecting.
    app.refreshed().await?;
    bank.reset_counters().await?;

    let refused_by_bankbook = refused_by_bankbook(&iban, &huge);
    let outcomes = invoke_all(&app, &refused_by_bankbook).await?;
    for (call, outcome) in refused_by_bankbook.iter().zip(&outcomes) {
        let call = call.to_string();
        let call = &call[..call.len().min(120)];
        assert_eq!(
            outcome["error"]["code"], "invalid_input",
            "{call}: {outcome}"
        );
    }

    let refused_by_tauri = refused_by_tauri(&iban);
    let outcomes = invoke_all(&app, &refused_by_tauri).await?;
    // Tauri's own refusals are plain text, not a command's `{code, message}`.
    for (call, outcome) in refused_by_tauri.iter().zip(&outcomes) {
        assert!(outcome["error"].is_string(), "{call}: {outcome}");
    }

    assert_eq!(
        bank.transaction_pages().await?,
        0,
        "a forged call reached the bank"
    );
    // Still working: the rows are there and a real page comes.
    app.find("[data-testid=transaction-row]").await?;
    let real = invoke_all(&app, &[page_call(&iban, &Value::Null, &json!(50), "older")]).await?;
    assert_eq!(real[0]["ok"]["items"].as_array().map(Vec::len), Some(50));
    assert!(app.log()?.contains("a command failed"));
    app.close().await
}

#[tokio::test]
#[ignore = "drives the built app under Xvfb: run with `make e2e`"]
async fn fifty_concurrent_commands_share_one_token_refresh_and_a_revoked_consent_no_loop()
-> e2e::Result<()> {
    let env = [("BANKBOOK_DEMO_TRANSACTIONS", "300")];
    let Onboarded { app, bank } = onboard("ipc_token_life", BROWSER, 2, 2, &env).await?;
    app.refreshed().await?;
    let refreshes = vec![json!(["refresh_bank", {"bankId": "demo", "onlyStale": false}]); 50];

    bank.expire_access_tokens().await?;
    bank.reset_counters().await?;
    let outcomes = invoke_all(&app, &refreshes).await?;
    assert!(outcomes.iter().all(|outcome| outcome.get("ok").is_some()));
    assert_eq!(bank.token_requests("refresh_token").await?, 1);

    bank.revoke_consents().await?;
    bank.reset_counters().await?;
    let outcomes = invoke_all(&app, &refreshes).await?;
    for outcome in &outcomes {
        assert_eq!(outcome["error"]["code"], "consent_required", "{outcome}");
    }
    // One try of the refresh token, which the bank refused: no loop of retries.
    assert_eq!(bank.token_requests("refresh_token").await?, 1);
    app.close().await
}

/// Calls the commands refuse as `invalid_input`, before anything reaches the bank.
fn refused_by_bankbook(iban: &str, huge: &str) -> Vec<Value> {
    vec![
        page_call(iban, &Value::Null, &json!(0), "older"),
        page_call(iban, &Value::Null, &json!(201), "older"),
        page_call(iban, &Value::Null, &json!(u32::MAX), "older"),
        page_call(
            "SK0000000000000000000000",
            &Value::Null,
            &json!(50),
            "older",
        ),
        page_call("", &Value::Null, &json!(50), "older"),
        page_call(
            "<img src=x onerror=alert(1)>",
            &Value::Null,
            &json!(50),
            "older",
        ),
        page_call(huge, &Value::Null, &json!(50), "older"),
        page_call(iban, &json!("x"), &json!(50), "older"),
        page_call(iban, &json!("2026-13-45.1"), &json!(50), "older"),
        page_call(iban, &json!("2026-01-01."), &json!(50), "older"),
        page_call(iban, &json!("2026-01-01.1.2"), &json!(50), "older"),
        page_call(
            iban,
            &json!("2026-01-01.99999999999999999999"),
            &json!(50),
            "older",
        ),
        page_call(
            iban,
            &json!("2026-01-01.1; DROP TABLE entry"),
            &json!(50),
            "older",
        ),
        page_call(iban, &json!(huge), &json!(50), "older"),
        page_call(iban, &Value::Null, &json!(50), "newer"),
        json!(["select_accounts", {"bankId": "demo", "ibans": ["SK0000000000000000000000"]}]),
        json!(["select_accounts", {"bankId": "demo", "ibans": [huge]}]),
        json!(["start_consent", {"bankId": "no-such-bank"}]),
        json!(["start_consent", {"bankId": "../../etc/passwd"}]),
        search_call(
            &search_query("SK0000000000000000000000"),
            &Value::Null,
            50,
            "older",
        ),
        search_call(&search_query(iban), &Value::Null, 0, "older"),
        search_call(&search_query(iban), &Value::Null, 201, "older"),
        search_call(&search_query(iban), &json!("x"), 50, "older"),
        search_call(&search_query(iban), &json!(huge), 50, "older"),
        search_call(&search_query(iban), &json!("x"), 50, "newer"),
        search_call(&search_query(iban), &Value::Null, 50, "newer"),
        json!(["search_summary", {"query": search_query(huge)}]),
        json!(["transaction_detail", {"iban": iban, "id": "no-such-entry"}]),
        json!(["transaction_detail", {"iban": "SK0000000000000000000000", "id": "x"}]),
        json!(["fetch_whole_history", {"iban": "SK0000000000000000000000"}]),
    ]
}

/// Calls Tauri refuses: wrong types, missing arguments, commands that are not Bankbook's.
fn refused_by_tauri(iban: &str) -> Vec<Value> {
    vec![
        page_call(iban, &Value::Null, &json!("100"), "older"),
        page_call(iban, &Value::Null, &json!(-1), "older"),
        page_call(iban, &Value::Null, &json!(1.5), "older"),
        page_call(iban, &Value::Null, &json!(50), "sideways"),
        json!(["transactions_page", {}]),
        json!(["refresh_bank", {"bankId": "demo", "onlyStale": "yes"}]),
        json!(["refresh_bank", {"onlyStale": false}]),
        // The one refresh of every bank is gone: a bank is refreshed by its id.
        json!(["refresh_accounts", {"onlyStale": false}]),
        json!(["plugin:deep-link|get_current", {}]),
        json!(["plugin:opener|open_url", {"url": "https://example.com"}]),
        // The save dialog is Rust's to open: the webview can neither open it nor name a path.
        json!(["plugin:dialog|save", {"options": {}}]),
        json!(["plugin:dialog|open", {"options": {}}]),
        json!(["search_transactions", {"query": {"text": 1}, "cursor": null, "limit": 50, "direction": "older"}]),
        search_call(&search_query(iban), &Value::Null, 50, "sideways"),
        json!(["export_transactions", {"query": search_query(iban), "format": "xlsx"}]),
        json!(["cancel_task", {"task": "everything"}]),
        json!(["no_such_command", {}]),
    ]
}
