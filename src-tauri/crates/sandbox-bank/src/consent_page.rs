//! The bank's own pages: sign-in, consent and error. Plain HTML with a little inline CSS and no
//! external resources; everything put into the HTML is escaped.

use std::fmt::Write;

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{Html, IntoResponse, Response};

use crate::endpoint::Endpoint;

/// What every page says about the request: which client asks, and for how long.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Asking<'a> {
    pub client_name: &'a str,
    pub consent_days: u64,
}

/// An account the user may tick.
#[derive(Debug, Clone, Copy)]
pub(crate) struct AccountChoice<'a> {
    pub iban: &'a str,
    pub name: &'a str,
    pub product: &'a str,
}

/// The sign-in form: posts `request_id`, `username`, `password` to the sign-in endpoint.
pub(crate) fn sign_in(asking: Asking<'_>, request_id: &str, problem: Option<&str>) -> Response {
    let body = format!(
        r#"<h1>Sign in</h1>
<p class="lead"><strong>{client}</strong> wants to read your accounts at Demo Bank. Sign in to continue.</p>
{problem}<form method="post" action="{action}">
<input type="hidden" name="request_id" value="{request_id}">
<label>Username <input name="username" autocomplete="username" required autofocus></label>
<label>Password <input name="password" type="password" autocomplete="current-password" required></label>
<button class="primary" type="submit">Sign in</button>
</form>"#,
        client = escape(asking.client_name),
        problem = problem_box(problem),
        action = Endpoint::SignIn.path(),
        request_id = escape(request_id),
    );
    page(StatusCode::OK, "Sign in", &body)
}

/// The consent form: posts `request_id`, `account` (once per ticked IBAN) and `decision`
/// (`approve` or `deny`) to the consent endpoint.
pub(crate) fn consent(
    asking: Asking<'_>,
    request_id: &str,
    user_name: &str,
    accounts: &[AccountChoice<'_>],
    problem: Option<&str>,
) -> Response {
    let mut rows = String::new();
    for account in accounts {
        // Writing to a String cannot fail.
        writeln!(
            rows,
            r#"<label class="account"><input type="checkbox" name="account" value="{iban}"><span><strong>{name}</strong> <small>{product}</small><br><code>{iban}</code></span></label>"#,
            iban = escape(account.iban),
            name = escape(account.name),
            product = escape(account.product),
        )
        .ok();
    }
    let body = format!(
        r#"<h1>Give access to your accounts</h1>
<p class="lead">Signed in as <strong>{user}</strong>. <strong>{client}</strong> asks to see, for the accounts you tick:</p>
<ul><li>the list of accounts</li><li>their balances</li><li>their transaction history</li></ul>
<p>The access lasts {days} days unless you withdraw it sooner. {client} cannot make payments.</p>
{problem}<form method="post" action="{action}">
<input type="hidden" name="request_id" value="{request_id}">
<fieldset><legend>Accounts</legend>
{rows}</fieldset>
<div class="buttons"><button class="primary" name="decision" value="approve">Approve</button>
<button name="decision" value="deny" formnovalidate>Deny</button></div>
</form>"#,
        user = escape(user_name),
        client = escape(asking.client_name),
        days = asking.consent_days,
        problem = problem_box(problem),
        action = Endpoint::Consent.path(),
        request_id = escape(request_id),
    );
    page(StatusCode::OK, "Consent", &body)
}

/// A page that ends the flow here: nothing is sent back to the client.
pub(crate) fn error(status: StatusCode, title: &str, message: &str) -> Response {
    let body = format!(
        r#"<h1>{title}</h1>
<p class="problem">{message}</p>
<p>Nothing was shared. Close this window and start again from the app.</p>"#,
        title = escape(title),
        message = escape(message),
    );
    page(status, title, &body)
}

fn problem_box(problem: Option<&str>) -> String {
    problem
        .map(|problem| {
            format!(
                "<p class=\"problem\" role=\"alert\">{}</p>\n",
                escape(problem)
            )
        })
        .unwrap_or_default()
}

const STYLE: &str = "body{margin:0;font-family:system-ui,-apple-system,'Segoe UI',sans-serif;background:#eef3f1;color:#14302a}\
header{background:#0b5d4b;color:#fff;padding:14px 24px;font-weight:700;letter-spacing:.04em}\
header span{font-weight:400;opacity:.8;margin-left:8px}\
main{max-width:460px;margin:32px auto;background:#fff;border-radius:10px;padding:28px 32px;box-shadow:0 2px 10px rgba(0,0,0,.08)}\
h1{font-size:1.35rem;margin-top:0}.lead{font-size:1.02rem}\
label{display:block;margin:12px 0}input[name=username],input[name=password]{display:block;width:100%;box-sizing:border-box;padding:9px;margin-top:4px;border:1px solid #9bb5ad;border-radius:6px;font-size:1rem}\
fieldset{border:1px solid #cfdcd8;border-radius:8px;padding:8px 14px}legend{font-weight:600}\
.account{display:flex;gap:10px;align-items:flex-start}.account small{color:#4d6b63}code{font-size:.9rem}\
button{font-size:1rem;padding:9px 22px;border-radius:6px;border:1px solid #0b5d4b;background:#fff;color:#0b5d4b;cursor:pointer;margin-right:8px}\
button.primary{background:#0b5d4b;color:#fff}.buttons{margin-top:18px}\
.problem{background:#fdecea;color:#8a1c12;border-radius:6px;padding:10px 12px}\
footer{text-align:center;color:#4d6b63;font-size:.8rem;margin-bottom:24px}";

/// Wraps a body in the bank's layout, marked uncacheable and unframeable.
fn page(status: StatusCode, title: &str, body: &str) -> Response {
    let html = format!(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
<title>{title} - Demo Bank</title><style>{STYLE}</style></head>\n<body><header>DEMO BANK<span>Internet banking</span></header>\n<main>\n{body}\n</main>\
<footer>Demo Bank is a sandbox: every account and person here is made up.</footer></body></html>\n",
        title = escape(title),
    );
    let mut response = (status, Html(html)).into_response();
    let headers = response.headers_mut();
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    // No form-action: browsers apply it to the redirect after the form, which goes to the app.
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(
            "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
        ),
    );
    response
}

/// Escapes text for HTML element content and quoted attribute values.
pub(crate) fn escape(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for character in text.chars() {
        match character {
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '"' => escaped.push_str("&quot;"),
            '\'' => escaped.push_str("&#39;"),
            other => escaped.push(other),
        }
    }
    escaped
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_quotes() {
        assert_eq!(
            escape(r#"<a href="x">'&'</a>"#),
            "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;"
        );
        assert_eq!(escape("Nováková"), "Nováková");
    }
}
