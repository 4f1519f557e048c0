fn main() -> Result<(), Box<dyn std::error::Error>> {
    // Every app command is listed here so that capabilities must allow it by name:
    // the webview can call nothing that is not granted in `capabilities/`.
    let manifest = tauri_build::AppManifest::new().commands(&[
        "list_banks",
        "connection_status",
        "start_consent",
        "reopen_consent_page",
        "cancel_consent",
        "consented_accounts",
        "select_accounts",
        "disconnect",
        "accounts_overview",
        "refresh_accounts",
        "transactions_page",
        "ui_painted",
    ]);
    tauri_build::try_build(tauri_build::Attributes::new().app_manifest(manifest))?;
    Ok(())
}
