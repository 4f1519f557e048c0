//! The webview's content security policy holds in the real app: no script from anywhere but the
//! app itself, and no `eval`.

use std::io::ErrorKind;
use std::net::{Ipv4Addr, TcpListener};

use e2e::AppSession;
use serde_json::json;

#[tokio::test]
#[ignore = "drives the built app under Xvfb: run with `make e2e`"]
async fn a_remote_script_cannot_load_and_eval_cannot_run() -> e2e::Result<()> {
    let app = AppSession::start("webview_security").await?;
    // A server that would see the request if the script were fetched.
    let server = TcpListener::bind((Ipv4Addr::LOCALHOST, 0)).expect("a loopback port");
    server
        .set_nonblocking(true)
        .expect("a non-blocking listener");
    let port = server.local_addr().expect("its address").port();

    let verdict = app
        .client()
        .execute_async(
            r"const [port, done] = arguments;
              const violations = [];
              document.addEventListener('securitypolicyviolation',
                (event) => violations.push(event.effectiveDirective));
              let evalRan = false;
              try { eval('1'); evalRan = true; } catch (_) {}
              const script = document.createElement('script');
              script.src = `http://127.0.0.1:${port}/remote.js`;
              script.onload = () => done({ loaded: true, evalRan, violations });
              script.onerror = () => setTimeout(() => done({ loaded: false, evalRan, violations }), 300);
              document.head.appendChild(script);",
            vec![json!(port)],
        )
        .await?;

    assert_eq!(verdict["loaded"], false, "{verdict}");
    assert_eq!(verdict["evalRan"], false, "{verdict}");
    let violations = verdict["violations"].to_string();
    assert!(violations.contains("script-src"), "{verdict}");
    assert!(
        matches!(server.accept(), Err(error) if error.kind() == ErrorKind::WouldBlock),
        "the remote script was requested"
    );
    app.close().await
}
