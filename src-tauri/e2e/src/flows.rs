//! What a user does before a test can start: connect the Demo Bank and pick accounts.

use crate::{AppSession, DemoBank, ENGLISH, Language, Result, free_port};

/// The app, connected to its Demo Bank and showing accounts.
#[derive(Debug)]
pub struct Onboarded {
    pub app: AppSession,
    pub bank: DemoBank,
}

/// Starts the app for test `name` on a Demo Bank pinned to a free port, with `browser` (the
/// stand-in browser) deciding `decision` at the bank (`approve:<n>`, `deny`, `none`). `env` adds
/// to the app's environment.
pub async fn start_on_demo_bank(
    name: &str,
    browser: &str,
    decision: &str,
    env: &[(&str, &str)],
) -> Result<(AppSession, DemoBank)> {
    let port = free_port()?;
    let port_text = port.to_string();
    let mut all_env = vec![
        ("BANKBOOK_BROWSER", browser),
        ("BANKBOOK_DEMO_PORT", port_text.as_str()),
        ("STAND_IN_DECISION", decision),
    ];
    all_env.extend_from_slice(env);
    let app = AppSession::start_with_env(name, &all_env).await?;
    Ok((app, DemoBank::on_port(port)))
}

/// From the empty window to the bank's page: "Connect a bank", then "Continue in your browser".
pub async fn continue_in_browser(app: &AppSession) -> Result<()> {
    app.find_with_text("button", ENGLISH.words.connect)
        .await?
        .click()
        .await?;
    app.find_with_text("button", ENGLISH.words.continue_in_browser)
        .await?
        .click()
        .await?;
    Ok(())
}

/// Starts the app as [`start_on_demo_bank`] does, consents at the bank to the first `approve`
/// accounts, and shows the first `show` of them.
pub async fn onboard(
    name: &str,
    browser: &str,
    approve: usize,
    show: usize,
    env: &[(&str, &str)],
) -> Result<Onboarded> {
    let decision = format!("approve:{approve}");
    let (app, bank) = start_on_demo_bank(name, browser, &decision, env).await?;
    continue_in_browser(&app).await?;
    show_accounts(&app, show).await?;
    Ok(Onboarded { app, bank })
}

/// In the dialog's account step: ticks exactly the first `show` accounts and shows them.
pub async fn show_accounts(app: &AppSession, show: usize) -> Result<()> {
    show_accounts_in(app, show, &ENGLISH).await
}

/// [`show_accounts`], with the app speaking `language`.
pub async fn show_accounts_in(app: &AppSession, show: usize, language: &Language) -> Result<()> {
    app.find(".account-option").await?;
    // The dialog may preselect (a single account is); tick exactly the first `show`.
    let checkboxes = app.find_all(".account-option input[type=checkbox]").await?;
    for (index, checkbox) in checkboxes.into_iter().enumerate() {
        if checkbox.is_selected().await? != (index < show) {
            checkbox.click().await?;
        }
    }
    app.find_with_text("button", language.words.show_accounts)
        .await?
        .click()
        .await?;
    app.find("[data-testid=account-item]").await?;
    Ok(())
}
