//! Two real banks at once (issue 14): two sandbox banks as processes of their own, each with its
//! own client id, secret and redirect path, both over https (the app trusts their test CA
//! through `SSL_CERT_FILE`), the second with mutual TLS. The person adds both on the Banks screen,
//! typing their secrets and, for the second, its certificate and key file; checks them, and a
//! wrong secret; connects both and sees each bank's group with its balances. One bank's answer
//! handed back on the other's callback path (the mix-up of RFC 9700 section 4.4) sends no code
//! anywhere and changes nothing on screen; a consent revoked at one bank asks to reconnect that
//! one only, while the other is refreshed; and the secrets typed and the private key are in the
//! keychain and nowhere else: not under the HOME, in no log, in nothing the webview received.
//!
//! Screenshots for a person to look at: `banks-form.png` (a bank's saved form with its redirect
//! URI and Copy), `banks-screen.png` (the list of both banks) and `several-banks-sidebar.png`
//! (both banks' groups), in the test's artefacts (`several_banks/`).

use std::path::Path;
use std::time::{Duration, Instant};

use e2e::{
    AppSession, Arg, ClientFiles, DemoBank, ENGLISH, NewBank, SandboxProcess, SandboxSettings,
    SecretScan, files_under, redirect_uri, show_accounts,
};
use fantoccini::Locator;
use fantoccini::elements::Element;
use vault::{Keychain, SecretKind};

const BROWSER: &str = env!("CARGO_BIN_EXE_stand-in-browser");
/// What the app logs for an answer that matches no consent in progress: the screen says nothing.
const IGNORED: &str = "the answer matches no consent in progress: ignored";

const ALPHA: &str = "Alpha Bank";
/// The id the app makes of the name ("Alpha Bank"): its redirect path's last part.
const ALPHA_ID: &str = "alpha-bank";
const ALPHA_SECRET: &str = "alpha-client-secret-7Qm2xV9d";
const BETA: &str = "Beta Bank";
const BETA_ID: &str = "beta-bank";
const BETA_SECRET: &str = "beta-client-secret-3Kf8wZ1p";
const BETA_WRONG_SECRET: &str = "beta-client-secret-wrong-5Tn4";
/// The accounts shown of each bank (of the two the person shares): both banks' groups fit in
/// the sidebar of the screenshot.
const SHOWN: usize = 1;
/// How long the sandbox's counters may take to show a refresh the app is making.
const COUNTER_TIMEOUT: Duration = Duration::from_secs(45);

/// An amount as shown (`-€1,520.30`) is the bank's (`-1520.3`) in sign and digits.
fn same_amount(shown: &str, at_the_bank: &str) -> bool {
    let digits: String = shown.chars().filter(char::is_ascii_digit).collect();
    let negative = shown.contains('-') || shown.contains('\u{2212}');
    let magnitude = at_the_bank.trim_start_matches('-');
    let (whole, fraction) = magnitude.split_once('.').unwrap_or((magnitude, ""));
    digits == format!("{whole}{fraction:0<2}") && negative == at_the_bank.starts_with('-')
}

/// The accounts shown in `bank`'s group of the sidebar (the region named by the bank).
async fn accounts_of(app: &AppSession, bank: &str) -> e2e::Result<Vec<Element>> {
    let group = app.find_role("region", bank).await?;
    Ok(group
        .find_all(Locator::Css("[data-testid=account-item]"))
        .await?)
}

/// The booked balance an account item shows, once it is loaded.
async fn booked_balance(app: &AppSession, item: &Element) -> e2e::Result<String> {
    let deadline = Instant::now() + Duration::from_secs(15);
    loop {
        let text = item
            .find(Locator::Css("[data-testid=balance-booked]"))
            .await?
            .text()
            .await?;
        if !text.is_empty() && text != "—" {
            return Ok(text);
        }
        if Instant::now() > deadline {
            app.screenshot_failure().await;
            return Err(e2e::Error::NotFound("a booked balance".to_owned()));
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Every account of `bank`'s group shows the booked balance `sandbox` has for it; returns their
/// IBANs.
async fn balances_match(
    app: &AppSession,
    bank: &str,
    sandbox: &DemoBank,
) -> e2e::Result<Vec<String>> {
    let mut ibans = Vec::new();
    for item in accounts_of(app, bank).await? {
        let iban = item.attr("data-iban").await?.unwrap_or_default();
        let at_the_bank = sandbox.account(&iban, 0).await?;
        let shown = booked_balance(app, &item).await?;
        assert!(
            same_amount(&shown, &at_the_bank.booked),
            "{bank} {iban}: shown {shown}, the bank has {}",
            at_the_bank.booked
        );
        ibans.push(iban);
    }
    Ok(ibans)
}

/// Waits until `sandbox` has answered more than `before` balance requests.
async fn balances_fetched_after(sandbox: &DemoBank, before: u64) -> e2e::Result<u64> {
    let deadline = Instant::now() + COUNTER_TIMEOUT;
    loop {
        let now = sandbox.information_requests().await?;
        if now > before {
            return Ok(now);
        }
        if Instant::now() > deadline {
            return Err(e2e::Error::NotFound(format!(
                "a balance request after the {before} before it"
            )));
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// The value of the Redirect URI field of the bank form shown.
async fn redirect_uri_shown(app: &AppSession) -> e2e::Result<String> {
    let field = app
        .find_role("textbox", ENGLISH.message("banks.form.redirect.label"))
        .await?;
    Ok(field.prop("value").await?.unwrap_or_default())
}

/// What the keychain keeps of `kind` for `bank`.
async fn kept(bank: &str, kind: SecretKind) -> e2e::Result<Option<String>> {
    let keychain = |error: vault::Error| e2e::Error::Setup(format!("the keychain: {error}"));
    let vault = Keychain::system().vault(bank).map_err(keychain)?;
    Ok(vault
        .get(kind)
        .await
        .map_err(keychain)?
        .map(|secret| secret.0))
}

/// The accessible name of a button of `bank`'s row on the Banks screen (`banks.row.<key>`).
fn row_button(key: &str, bank: &str) -> String {
    ENGLISH.format(&format!("banks.row.{key}"), &[("bank", Arg::Text(bank))])
}

fn write(path: &Path, text: &str) -> e2e::Result<()> {
    std::fs::write(path, text).map_err(|source| e2e::Error::io(path, source))
}

#[tokio::test]
#[ignore = "drives the built app under Xvfb: run with `make e2e`"]
async fn two_banks_added_checked_connected_and_one_revoked() -> e2e::Result<()> {
    // Outside the app's HOME: the test CAs, the client certificate and its key, and what the
    // stand-in browser reads at each start.
    let files = tempfile::tempdir().map_err(|source| e2e::Error::io(Path::new("tmp"), source))?;
    let tls_dir = files.path().join("tls");
    let client = ClientFiles::issue(
        &files.path().join("clients-ca"),
        "bankbook",
        files.path(),
        "client",
    )?;
    sandbox_bank::tls::TestPki::in_dir(&tls_dir)
        .map_err(|error| e2e::Error::Setup(error.to_string()))?;
    let decision = files.path().join("decision");
    let callback_bank = files.path().join("callback-bank");
    write(&decision, "approve:2")?;
    write(&callback_bank, "")?;
    let path_text = |path: &Path| path.to_string_lossy().into_owned();
    let (ca_file, certificate, key) = (
        path_text(&tls_dir.join(sandbox_bank::tls::CA_FILE)),
        path_text(&client.certificate),
        path_text(&client.key),
    );
    let (decision_file, callback_bank_file) = (path_text(&decision), path_text(&callback_bank));
    let mut app = AppSession::start_with_env(
        "several_banks",
        &[
            ("BANKBOOK_BROWSER", BROWSER),
            // OpenSSL's trust store for the app, and the stand-in browser it starts.
            ("SSL_CERT_FILE", &ca_file),
            ("STAND_IN_DECISION_FILE", &decision_file),
            ("STAND_IN_CALLBACK_BANK_FILE", &callback_bank_file),
            ("STAND_IN_CLIENT_CERTIFICATE", &certificate),
            ("STAND_IN_CLIENT_KEY", &key),
        ],
    )
    .await?;
    app.record_ipc().await?;
    let sandbox =
        |bank_id: &str, seed, client_id: &str, secret: &str, mutual: bool| SandboxSettings {
            bank_id: bank_id.to_owned(),
            seed,
            client_id: client_id.to_owned(),
            client_secret: secret.to_owned(),
            tls_dir: tls_dir.clone(),
            client_certificate: mutual.then(|| client.clone()),
        };
    let alpha = SandboxProcess::start(
        &sandbox(ALPHA_ID, 11, "alpha-client", ALPHA_SECRET, false),
        &app.artefacts().join("alpha-bank.log"),
    )
    .await?;
    let beta = SandboxProcess::start(
        &sandbox(BETA_ID, 22, "beta-client", BETA_SECRET, true),
        &app.artefacts().join("beta-bank.log"),
    )
    .await?;

    let walked = walk(&mut app, &alpha, &beta, &client, &callback_bank).await;
    if walked.is_err() {
        // What the window showed when a step failed (a WebDriver error takes no picture).
        app.screenshot_failure().await;
    }
    walked?;

    let received = app.ipc_received().await?;
    let mut issued = alpha.admin().token_digests().await?;
    let beta_issued = beta.admin().token_digests().await?;
    issued.access.extend(beta_issued.access);
    issued.refresh.extend(beta_issued.refresh);
    let home = app.keep_home();
    let artefacts = app.artefacts().to_owned();
    app.close().await?;
    drop((alpha, beta));
    no_secret_outside_the_keychain(&home, &artefacts, received, &client, issued).await
}

/// What the person does, from the empty window to both banks connected and one revoked; then
/// the Banks screen from the header, with both banks.
async fn walk(
    app: &mut AppSession,
    alpha: &SandboxProcess,
    beta: &SandboxProcess,
    client: &ClientFiles,
    callback_bank: &Path,
) -> e2e::Result<()> {
    add_both_banks(app, alpha, beta, client).await?;
    connect_alpha_through_a_mix_up(app, alpha, beta, callback_bank).await?;
    connect_beta(app, alpha, beta).await?;
    revoke_alpha(app, alpha, beta).await?;

    app.click_role("button", ENGLISH.words.banks).await?;
    app.find_role("dialog", ENGLISH.message("banks.title"))
        .await?;
    app.find_role("button", &row_button("editLabel", BETA))
        .await?;
    app.screenshot_as("banks-screen").await?;
    app.click_role("button", ENGLISH.message("common.close"))
        .await?;
    app.gone("dialog[open]", Duration::from_secs(5)).await
}

/// The Banks screen, from the empty state's "Add your bank": Alpha Bank added and checked;
/// Beta Bank added with its certificate and key file (mutual TLS) and checked; then a wrong
/// secret for Beta Bank is refused by the bank, and the right one put back.
async fn add_both_banks(
    app: &AppSession,
    alpha: &SandboxProcess,
    beta: &SandboxProcess,
    client: &ClientFiles,
) -> e2e::Result<()> {
    let words = &ENGLISH.words;
    app.find_role("heading", words.empty_title).await?;
    app.click_role("button", ENGLISH.message("onboarding.addBank"))
        .await?;
    app.find_role("heading", ENGLISH.message("banks.add"))
        .await?;
    let alpha_form = NewBank {
        name: ALPHA.to_owned(),
        base_url: alpha.base_url().to_owned(),
        client_id: "alpha-client".to_owned(),
        client_secret: ALPHA_SECRET.to_owned(),
        ..NewBank::default()
    };
    app.fill_bank_form(&ENGLISH, &alpha_form).await?;
    app.save_bank_form(&ENGLISH, ALPHA, true).await?;
    assert_eq!(redirect_uri_shown(app).await?, redirect_uri(ALPHA_ID));
    app.check_bank_form(&ENGLISH, ALPHA, "clientAccepted")
        .await?;

    app.click_role("button", ENGLISH.message("banks.form.back"))
        .await?;
    app.click_role("button", ENGLISH.message("banks.add"))
        .await?;
    let beta_form = NewBank {
        name: BETA.to_owned(),
        base_url: beta.base_url().to_owned(),
        client_id: "beta-client".to_owned(),
        client_secret: BETA_SECRET.to_owned(),
        certificate: Some(client.certificate.to_string_lossy().into_owned()),
        key_file: Some(client.key.to_string_lossy().into_owned()),
    };
    app.fill_bank_form(&ENGLISH, &beta_form).await?;
    app.save_bank_form(&ENGLISH, BETA, true).await?;
    assert_eq!(redirect_uri_shown(app).await?, redirect_uri(BETA_ID));
    app.check_bank_form(&ENGLISH, BETA, "clientAccepted")
        .await?;
    app.screenshot_as("banks-form").await?;

    // A wrong secret typed over the saved one: the bank refuses the client, and says so.
    app.click_role("button", ENGLISH.message("banks.form.back"))
        .await?;
    app.click_role("button", &row_button("editLabel", BETA))
        .await?;
    replace_secret(app, BETA_WRONG_SECRET).await?;
    app.check_bank_form(&ENGLISH, BETA, "clientRejected")
        .await?;
    replace_secret(app, BETA_SECRET).await?;
    app.check_bank_form(&ENGLISH, BETA, "clientAccepted")
        .await?;

    app.click_role("button", ENGLISH.message("banks.form.back"))
        .await?;
    app.find_role("button", &row_button("editLabel", ALPHA))
        .await?;
    app.click_role("button", ENGLISH.message("common.close"))
        .await?;
    app.gone("dialog[open]", Duration::from_secs(5)).await
}

/// In a saved bank's form: Replace, the new secret typed, saved.
async fn replace_secret(app: &AppSession, secret: &str) -> e2e::Result<()> {
    app.click_role("button", ENGLISH.message("banks.form.replaceSecretLabel"))
        .await?;
    app.type_into(ENGLISH.message("banks.form.clientSecret"), secret)
        .await?;
    app.save_bank_form(&ENGLISH, BETA, false).await
}

/// Alpha Bank connected from the empty state; but first its answer comes back on Beta Bank's
/// callback path (the stand-in browser hands it there, `callback_bank` saying where): neither
/// bank is asked for a token, the dialog still waits as it did, and only the log says the answer
/// was ignored. Opened again, the page's answer comes back on Alpha Bank's own path and
/// connects it.
async fn connect_alpha_through_a_mix_up(
    app: &mut AppSession,
    alpha: &SandboxProcess,
    beta: &SandboxProcess,
    callback_bank: &Path,
) -> e2e::Result<()> {
    let words = &ENGLISH.words;
    // The checks asked each bank's token endpoint with a made-up code: counted from here on.
    alpha.admin().reset_counters().await?;
    beta.admin().reset_counters().await?;
    write(callback_bank, BETA_ID)?;
    app.click_role("button", words.connect).await?;
    app.find_role("dialog", words.dialog_title).await?;
    app.click_role("radio", ALPHA).await?;
    app.click_role("button", words.continue_in_browser).await?;
    app.find_role("button", words.open_again).await?;
    let waiting = app.shown_text().await?;

    let log = app.logged(IGNORED, 1).await?;
    let ignored = log
        .lines()
        .find(|line| line.contains(IGNORED))
        .unwrap_or_default();
    assert!(
        ignored.contains(BETA_ID),
        "ignored on another path: {ignored}"
    );
    for (bank, sandbox) in [(ALPHA, alpha), (BETA, beta)] {
        assert_eq!(
            sandbox.admin().token_requests("authorization_code").await?,
            0,
            "{bank} was asked for a token with the code"
        );
    }
    app.next_frames().await?;
    assert_eq!(app.shown_text().await?, waiting, "the dialog changed");
    assert_eq!(app.count("[role=alert]").await?, 0);
    app.screenshot("mix-up-ignored").await?;

    // The page again, its answer on Alpha Bank's own path this time.
    write(callback_bank, "")?;
    app.click_role("button", words.open_again).await?;
    show_accounts(app, SHOWN).await?;
    app.find_role("region", ALPHA).await?;
    assert_eq!(alpha.admin().token_requests("authorization_code").await?, 1);
    assert_eq!(beta.admin().token_requests("authorization_code").await?, 0);
    app.screenshot("alpha-connected").await?;
    Ok(())
}

/// Beta Bank connected from the header's "Connect another bank": both banks' groups, each with
/// its own accounts and the balances its bank has.
async fn connect_beta(
    app: &AppSession,
    alpha: &SandboxProcess,
    beta: &SandboxProcess,
) -> e2e::Result<()> {
    let words = &ENGLISH.words;
    app.click_role("button", words.connect_another).await?;
    app.find_role("dialog", words.dialog_title).await?;
    app.click_role("radio", BETA).await?;
    app.click_role("button", words.continue_in_browser).await?;
    show_accounts(app, SHOWN).await?;
    app.find_role("region", BETA).await?;
    assert_eq!(beta.admin().token_requests("authorization_code").await?, 1);

    let alpha_ibans = balances_match(app, ALPHA, alpha.admin()).await?;
    let beta_ibans = balances_match(app, BETA, beta.admin()).await?;
    assert_eq!((alpha_ibans.len(), beta_ibans.len()), (SHOWN, SHOWN));
    assert!(
        alpha_ibans.iter().all(|iban| !beta_ibans.contains(iban)),
        "the banks share an account: {alpha_ibans:?} {beta_ibans:?}"
    );
    for bank in [ALPHA, BETA] {
        app.find_role("button", &ENGLISH.disconnect_bank(bank))
            .await?;
    }
    app.refreshed().await?;
    app.screenshot_as("several-banks-sidebar").await?;
    Ok(())
}

/// Alpha Bank's consent revoked at the bank, then Refresh: Alpha Bank's group offers Reconnect
/// and keeps its accounts; Beta Bank's does not, and its balances were fetched again.
async fn revoke_alpha(
    app: &AppSession,
    alpha: &SandboxProcess,
    beta: &SandboxProcess,
) -> e2e::Result<()> {
    let words = &ENGLISH.words;
    alpha.admin().revoke_consents().await?;
    let beta_balances = beta.admin().information_requests().await?;

    app.click_role("button", words.refresh).await?;
    app.find_role("button", &ENGLISH.reconnect_bank(ALPHA))
        .await?;
    balances_fetched_after(beta.admin(), beta_balances).await?;
    app.refreshed().await?;

    let buttons = app.names_of_role("button").await?;
    assert!(
        !buttons.contains(&ENGLISH.reconnect_bank(BETA)),
        "{BETA} asks to reconnect too: {buttons:?}"
    );
    assert_eq!(
        accounts_of(app, ALPHA).await?.len(),
        SHOWN,
        "{ALPHA}'s rows went"
    );
    balances_match(app, ALPHA, alpha.admin()).await?;
    balances_match(app, BETA, beta.admin()).await?;
    app.screenshot_as("alpha-revoked").await?;
    Ok(())
}

/// The typed client secrets (the wrong one too), the private key and every token either bank
/// issued are in none of the files under the app's HOME, in no log (the app's runs and the
/// banks') and in nothing the webview received; the keychain has the secrets and the key.
async fn no_secret_outside_the_keychain(
    home: &Path,
    artefacts: &Path,
    received: String,
    client: &ClientFiles,
    issued: sandbox_bank::TokenDigests,
) -> e2e::Result<()> {
    // Compared without printing them: a failure's message must not be a leak of its own.
    let key_pem = client.key_pem()?;
    for (bank, kind, expected) in [
        (ALPHA_ID, SecretKind::ClientSecret, ALPHA_SECRET),
        (BETA_ID, SecretKind::ClientSecret, BETA_SECRET),
        (BETA_ID, SecretKind::ClientKey, key_pem.as_str()),
    ] {
        let kept = kept(bank, kind).await?;
        assert!(
            kept.as_deref().map(str::trim) == Some(expected.trim()),
            "the keychain does not hold {bank}'s {kind:?} as typed"
        );
    }

    let logs = files_under(artefacts).into_iter().filter(|(path, _)| {
        Path::new(path)
            .extension()
            .is_some_and(|extension| extension == "log")
    });
    let mut places: Vec<(String, Vec<u8>)> = files_under(home).into_iter().chain(logs).collect();
    let looked_at = places.len();
    places.push((
        "what the webview received".to_owned(),
        received.clone().into_bytes(),
    ));
    let _ = std::fs::remove_dir_all(home);

    let scan = SecretScan::default()
        .plain(ALPHA_SECRET)
        .plain(BETA_SECRET)
        .plain(BETA_WRONG_SECRET)
        .pem(&key_pem)
        .tokens(issued.access.into_iter().chain(issued.refresh));
    let leaks = scan.leaks(&places);
    assert!(leaks.is_empty(), "a secret is in {leaks:?}");

    // The scan saw what it should: both banks' tokens, banks.toml, the store, WebKit's files,
    // the app's and the banks' logs, and the Banks screen's answers in the webview.
    assert!(scan.token_count() >= 4, "{} tokens", scan.token_count());
    let names: Vec<&str> = places.iter().map(|(name, _)| name.as_str()).collect();
    for expected in [
        "banks.toml",
        "app-00.log",
        "alpha-bank.log",
        "beta-bank.log",
    ] {
        assert!(
            names.iter().any(|name| name.ends_with(expected)),
            "{expected} was not looked at: {names:?}"
        );
    }
    assert!(looked_at > 5, "only {looked_at} files looked at");
    assert!(
        received.contains("clientSecretSaved") && received.contains("clientKeySaved"),
        "the webview's answers were not recorded"
    );
    Ok(())
}
