//! What a user does before a test can start: connect the Demo Bank and pick accounts.

use crate::{AppSession, DemoBank, Result, free_port};

/// The app, connected to its Demo Bank and showing accounts.
#[derive(Debug)]
pub struct Onboarded {
    pub app: AppSession,
    pub bank: DemoBank,
}

/// Starts the app for test `name` on a Demo Bank pinned to a free port, consents at the bank
/// through `browser` (the stand-in browser approving the first `approve` accounts), and shows
/// the first `show` of them. `env` adds to the app's environment.
pub async fn onboard(
    name: &str,
    browser: &str,
    approve: usize,
    show: usize,
    env: &[(&str, &str)],
) -> Result<Onboarded> {
    let port = free_port()?;
    let port_text = port.to_string();
    let decision = format!("approve:{approve}");
    let mut all_env = vec![
        ("BANKBOOK_BROWSER", browser),
        ("BANKBOOK_DEMO_PORT", port_text.as_str()),
        ("STAND_IN_DECISION", decision.as_str()),
    ];
    all_env.extend_from_slice(env);
    let app = AppSession::start_with_env(name, &all_env).await?;
    app.find_with_text("button", "Connect a bank")
        .await?
        .click()
        .await?;
    app.find_with_text("button", "Continue in your browser")
        .await?
        .click()
        .await?;
    app.find(".account-option").await?;
    // The dialog may preselect (a single account is); tick exactly the first `show`.
    let checkboxes = app.find_all(".account-option input[type=checkbox]").await?;
    for (index, checkbox) in checkboxes.into_iter().enumerate() {
        if checkbox.is_selected().await? != (index < show) {
            checkbox.click().await?;
        }
    }
    app.find_with_text("button", "Show accounts")
        .await?
        .click()
        .await?;
    app.find("[data-testid=account-item]").await?;
    Ok(Onboarded {
        app,
        bank: DemoBank::on_port(port),
    })
}
