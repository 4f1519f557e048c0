//! The Banks screen's use cases against real files and a keychain: a bank saved from the form,
//! its secrets one way into the keychain, its key file checked, Check without a consent, a bank
//! removed with its keychain entries, and a broken `banks.toml`.

#![cfg(test)]

use std::time::Instant;

use app::{
    BankCheck, BankField, BankForm, BankFormProblem, Browser, Core, ErrorCode, ErrorDetail,
    Folders, IpcError,
};
use url::Url;
use vault::{Keychain, SecretKind};

const SECRET: &str = "typed-client-secret-5f2b";
const ALPHA_URL: &str = "https://api.alpha.example/psd2";

/// No consent is started here: a browser that is never opened.
#[derive(Debug)]
struct NoBrowser;

impl Browser for NoBrowser {
    fn open(&self, url: &Url) -> app::Result<()> {
        panic!("no page should open: {url}");
    }
}

struct App {
    core: Core,
    keychain: Keychain,
    folders: tempfile::TempDir,
}

fn app() -> App {
    let folders = tempfile::tempdir().unwrap();
    let keychain = Keychain::with_store(keyring_core::mock::Store::new().unwrap());
    let core = Core::new(
        Ok::<_, std::io::Error>(Folders {
            config: folders.path().join("config"),
            data: folders.path().join("data"),
        }),
        Box::new(NoBrowser),
        Instant::now(),
    )
    .with_keychain(keychain.clone());
    App {
        core,
        keychain,
        folders,
    }
}

impl App {
    /// Alpha Bank, saved from the form with its secret.
    async fn save_alpha(&self) -> app::BankProfileView {
        self.core
            .save_bank(form(ALPHA_URL, Some(SECRET)))
            .await
            .unwrap()
    }

    fn banks_file(&self) -> std::path::PathBuf {
        self.folders.path().join("config").join("banks.toml")
    }

    async fn secret(&self, bank_id: &str, kind: SecretKind) -> Option<String> {
        self.keychain
            .vault(bank_id)
            .unwrap()
            .get(kind)
            .await
            .unwrap()
            .map(|secret| secret.expose().clone())
    }
}

fn form(base_url: &str, secret: Option<&str>) -> BankForm {
    serde_json::from_value(serde_json::json!({
        "id": null,
        "name": "Alpha Bank",
        "baseUrl": base_url,
        "clientId": "alpha-client",
        "clientSecret": secret,
        "clientCertificate": null,
        "clientKeyFile": null,
    }))
    .unwrap()
}

fn field_problem(error: &app::Error) -> Option<(BankField, BankFormProblem)> {
    match IpcError::from(error).detail {
        Some(ErrorDetail::BankForm { field, problem }) => Some((field, problem)),
        _ => None,
    }
}

#[tokio::test]
async fn a_saved_banks_secret_goes_into_the_keychain_and_never_comes_back() {
    let app = app();

    let saved = app.save_alpha().await;

    assert_eq!(saved.id, "alpha-bank");
    assert_eq!(
        saved.redirect_uri,
        "app.bankbook:/oauth/callback/alpha-bank"
    );
    assert!(saved.client_secret_saved);
    assert_eq!(
        app.secret("alpha-bank", SecretKind::ClientSecret)
            .await
            .as_deref(),
        Some(SECRET)
    );
    let settings = app.core.bank_settings().await.unwrap();
    let answers = serde_json::to_string(&(&saved, &settings)).unwrap();
    assert!(!answers.contains(SECRET), "{answers}");
    let file = std::fs::read_to_string(app.banks_file()).unwrap();
    assert!(!file.contains(SECRET), "{file}");
    assert!(file.contains("alpha-client"));

    // Saved again without a secret (the form's "keep"): the keychain keeps the one it has.
    let mut again = form("https://api.alpha.example/psd2", None);
    again.id = Some("alpha-bank".to_owned());
    assert!(app.core.save_bank(again).await.unwrap().client_secret_saved);
    assert_eq!(
        app.secret("alpha-bank", SecretKind::ClientSecret)
            .await
            .as_deref(),
        Some(SECRET)
    );
}

#[tokio::test]
async fn a_real_bank_is_https_only() {
    let app = app();
    for url in ["http://api.alpha.example", "http://127.0.0.1:8480"] {
        let refused = app
            .core
            .save_bank(form(url, Some(SECRET)))
            .await
            .unwrap_err();
        assert_eq!(refused.code(), ErrorCode::InvalidInput);
        assert_eq!(
            field_problem(&refused),
            Some((BankField::BaseUrl, BankFormProblem::NotHttps)),
            "{url}"
        );
    }
    assert!(!app.banks_file().exists(), "nothing was written");
}

#[cfg(unix)]
#[tokio::test]
async fn a_key_file_others_can_read_is_refused_and_a_private_one_is_imported() {
    use std::os::unix::fs::PermissionsExt as _;

    let app = app();
    let pki = tempfile::tempdir().unwrap();
    let identity = sandbox_bank::tls::TestPki::in_dir(pki.path())
        .unwrap()
        .client_identity("bankbook")
        .unwrap();
    let (certificate, key) = identity.write_to(pki.path(), "client").unwrap();
    let with_identity = |key: &std::path::Path| {
        let mut form = form("https://api.alpha.example/psd2", Some(SECRET));
        form.client_certificate = Some(certificate.display().to_string());
        form.client_key_file = Some(key.display().to_string());
        form
    };

    std::fs::set_permissions(&key, std::fs::Permissions::from_mode(0o644)).unwrap();
    let refused = app.core.save_bank(with_identity(&key)).await.unwrap_err();
    assert_eq!(
        field_problem(&refused),
        Some((BankField::ClientKeyFile, BankFormProblem::ReadableByOthers))
    );

    std::fs::set_permissions(&key, std::fs::Permissions::from_mode(0o600)).unwrap();
    let saved = app.core.save_bank(with_identity(&key)).await.unwrap();
    assert!(saved.client_key_saved);
    assert_eq!(
        saved.client_certificate.as_deref(),
        Some(certificate.display().to_string().as_str())
    );
    let imported = app
        .secret("alpha-bank", SecretKind::ClientKey)
        .await
        .unwrap();
    assert_eq!(imported.trim(), identity.private_key_pem.trim());
    let file = std::fs::read_to_string(app.banks_file()).unwrap();
    assert!(!file.contains("PRIVATE KEY"), "{file}");

    // Without the certificate, the bank keeps no key either.
    let mut plain = form("https://api.alpha.example/psd2", None);
    plain.id = Some("alpha-bank".to_owned());
    assert!(!app.core.save_bank(plain).await.unwrap().client_key_saved);
    assert_eq!(app.secret("alpha-bank", SecretKind::ClientKey).await, None);
}

#[tokio::test]
async fn check_says_when_no_secret_is_saved_and_when_nothing_answers() {
    let app = app();
    // Port 9 (discard): nothing listens there.
    let saved = app
        .core
        .save_bank(form("https://127.0.0.1:9", None))
        .await
        .unwrap();
    assert_eq!(
        app.core.check_bank(saved.id.clone()).await.unwrap(),
        BankCheck::NoClientSecret
    );

    let mut with_secret = form("https://127.0.0.1:9", Some(SECRET));
    with_secret.id = Some(saved.id.clone());
    app.core.save_bank(with_secret).await.unwrap();
    assert_eq!(
        app.core.check_bank(saved.id).await.unwrap(),
        BankCheck::Unreachable
    );
}

#[tokio::test]
async fn removing_a_bank_removes_its_keychain_entries_and_its_profile() {
    let app = app();
    let saved = app.save_alpha().await;

    app.core.remove_bank(saved.id.clone()).await.unwrap();

    for kind in SecretKind::ALL {
        assert_eq!(app.secret(&saved.id, kind).await, None, "{kind:?}");
    }
    assert!(app.core.bank_settings().await.unwrap().banks.is_empty());
    let listed = app.core.list_banks().await.unwrap();
    assert!(listed.banks.iter().all(|bank| bank.id != saved.id));
}

#[tokio::test]
async fn a_broken_banks_file_names_its_line_keeps_the_demo_bank_and_is_not_overwritten() {
    let app = app();
    let broken = "# my banks\n[[bank]]\nid = \"mine\"\nname = \"Mine\"\nbase_url = \"https://b.example\"\nclient_id = \"c\"\nclient_secret = \"oops\"\n";
    std::fs::create_dir_all(app.banks_file().parent().unwrap()).unwrap();
    std::fs::write(app.banks_file(), broken).unwrap();

    let listed = app.core.list_banks().await.unwrap();
    assert_eq!(
        listed
            .banks
            .iter()
            .map(|bank| bank.id.as_str())
            .collect::<Vec<_>>(),
        ["demo"]
    );
    let problem = listed.problem.expect("the problem is said");
    assert!(
        matches!(
            problem.detail,
            Some(ErrorDetail::BanksFile { line: Some(7), .. })
        ),
        "{problem:?}"
    );
    let settings = app.core.bank_settings().await.unwrap_err();
    assert!(matches!(
        IpcError::from(&settings).detail,
        Some(ErrorDetail::BanksFile { line: Some(7), .. })
    ));
    assert!(
        app.core
            .save_bank(form("https://api.alpha.example", Some(SECRET)))
            .await
            .is_err()
    );
    assert_eq!(std::fs::read_to_string(app.banks_file()).unwrap(), broken);
    assert_eq!(
        app.secret("alpha-bank", SecretKind::ClientSecret).await,
        None
    );
}

#[tokio::test]
async fn a_new_bank_that_is_refused_leaves_nothing_behind() {
    let app = app();
    let mut with_missing_certificate = form("https://api.alpha.example/psd2", Some(SECRET));
    with_missing_certificate.client_certificate = Some("/no/such/certificate.pem".to_owned());

    let refused = app
        .core
        .save_bank(with_missing_certificate)
        .await
        .unwrap_err();

    assert_eq!(
        field_problem(&refused),
        Some((BankField::ClientCertificate, BankFormProblem::Unreadable))
    );
    assert!(
        !app.banks_file().exists(),
        "no half-saved bank to duplicate"
    );
    assert_eq!(
        app.secret("alpha-bank", SecretKind::ClientSecret).await,
        None
    );
}

#[tokio::test]
async fn the_demo_bank_or_an_unknown_bank_cannot_be_removed_and_nothing_goes() {
    let app = app();
    let demo_token = vault::Sensitive("demo-refresh-token".to_owned());
    let demo = app.keychain.vault("demo").unwrap();
    demo.set(SecretKind::RefreshToken, &demo_token)
        .await
        .unwrap();

    for bank_id in ["demo", "no-such-bank"] {
        let refused = app.core.remove_bank(bank_id.to_owned()).await.unwrap_err();
        assert_eq!(refused.code(), ErrorCode::InvalidInput, "{bank_id}");
    }
    assert_eq!(
        app.secret("demo", SecretKind::RefreshToken)
            .await
            .as_deref(),
        Some("demo-refresh-token")
    );
}

/// Tokens a bank issued never go to another address: a changed base URL or client id ends the
/// bank's connection, and its tokens leave the keychain.
#[tokio::test]
async fn a_bank_moved_to_another_address_keeps_no_tokens_of_the_old_one() {
    let app = app();
    let saved = app.save_alpha().await;
    let vault = app.keychain.vault(&saved.id).unwrap();
    let token = vault::Sensitive("alpha-refresh-token".to_owned());
    vault.set(SecretKind::RefreshToken, &token).await.unwrap();

    // The name only: the tokens stay.
    let mut renamed = form("https://api.alpha.example/psd2", None);
    renamed.id = Some(saved.id.clone());
    renamed.name = "Alpha".to_owned();
    app.core.save_bank(renamed).await.unwrap();
    assert!(
        app.secret(&saved.id, SecretKind::RefreshToken)
            .await
            .is_some()
    );

    let mut moved = form("https://elsewhere.example/psd2", None);
    moved.id = Some(saved.id.clone());
    app.core.save_bank(moved).await.unwrap();
    assert_eq!(app.secret(&saved.id, SecretKind::RefreshToken).await, None);
    assert_eq!(
        app.secret(&saved.id, SecretKind::ClientSecret)
            .await
            .as_deref(),
        Some(SECRET),
        "the client's own secret stays"
    );
}
