//! Starting and stopping the bank.

use sandbox_bank::{Config, Error, SandboxBank};

#[tokio::test]
async fn a_bank_listens_on_loopback_until_shut_down() {
    let bank = SandboxBank::start(Config::default().transactions_per_account(10))
        .await
        .unwrap();
    assert!(bank.address().ip().is_loopback());
    assert_eq!(bank.base_url(), format!("http://{}", bank.address()));
    let counters = format!("{}/__admin/counters", bank.base_url());
    assert!(reqwest::get(&counters).await.unwrap().status().is_success());

    let taken = SandboxBank::start(Config::default().port(bank.address().port())).await;
    assert!(matches!(taken, Err(Error::Bind { .. })), "the port is busy");

    bank.shutdown().await.unwrap();
    assert!(
        reqwest::get(&counters).await.is_err(),
        "nothing listens any more"
    );
}

#[tokio::test]
async fn an_out_of_range_configuration_is_refused_before_anything_starts() {
    let too_big = SandboxBank::start(Config::default().transactions_per_account(1_000_001)).await;
    assert!(matches!(too_big, Err(Error::InvalidConfig(_))));
}

#[tokio::test]
async fn the_demo_users_and_client_are_published() {
    let bank = SandboxBank::start(Config::default().transactions_per_account(10))
        .await
        .unwrap();
    let users = bank.users();
    assert_eq!(users.len(), 2);
    assert_eq!(
        (users[0].username.as_str(), users[0].password.as_str()),
        ("jana.novakova", "demo1234")
    );
    assert!(users.iter().all(|user| user.accounts.len() == 3));
    assert!(
        users
            .iter()
            .flat_map(|user| &user.accounts)
            .all(|account| sandbox_bank::iban::is_valid(&account.iban))
    );
    assert_eq!(
        bank.client().redirect_uri,
        "app.bankbook:/oauth/callback/demo"
    );
}
