//! axe-core run inside the real app: every screen checked against WCAG 2.2 A/AA and axe's best
//! practices, its full result kept as JSON and counted in a summary.
//!
//! axe's source (`ui/node_modules/axe-core/axe.min.js`, the UI's dev dependency) goes into the
//! page as the body of a WebDriver Execute Script, and `axe.run` through Execute Async Script.
//! The app keeps its CSP as shipped (`script-src 'self'`, no `'unsafe-eval'`, no
//! `'unsafe-inline'`): WebKit's automation runs a script's body itself, not as an inline
//! `<script>` the policy would refuse, while `eval` and `new Function` inside it stay forbidden
//! (`tests/e2e/webview_security.rs`), and axe needs neither. A check fails if the policy refused
//! anything while axe ran, so a future axe that needs more cannot pass by checking less.
//! `@axe-core/webdriverio`'s way (finish on `about:blank`) cannot work here: the app has one
//! window, and leaving `tauri://localhost` would end it.
//!
//! Artefacts, under `$BANKBOOK_ARTEFACTS/axe/`:
//! - `<language>-<theme>-<screen>.json`: axe's whole result for one screen;
//! - `summary.tsv`: a line per check,
//!   `language theme screen critical serious moderate minor incomplete`: the violations counted
//!   by axe's impact, then the rules axe could not decide (`incomplete`: a colour contrast over
//!   a gradient or an image, say), which a person has to look at; `scripts/e2e.sh` empties the
//!   folder first. Each check also prints its undecided rules in the test's output.

use std::fmt::Write as _;
use std::fs::{self, OpenOptions};
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use serde_json::{Value, json};

use crate::{AppSession, Error, Result, artefacts_root};

/// The rule sets every screen is held to.
pub const AXE_TAGS: [&str; 6] = [
    "wcag2a",
    "wcag2aa",
    "wcag21a",
    "wcag21aa",
    "wcag22aa",
    "best-practice",
];

/// The violations axe found on one screen.
#[derive(Debug, Clone)]
pub struct AxeReport {
    pub language: String,
    pub theme: String,
    pub screen: String,
    pub violations: Vec<Violation>,
    /// The rules axe could not decide here ("needs review"), in the same form.
    pub incomplete: Vec<Violation>,
}

/// One failed (or undecided) rule and the elements that fail it (or that axe could not decide).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Violation {
    /// The rule, e.g. `color-contrast`.
    pub id: String,
    /// `critical`, `serious`, `moderate` or `minor`.
    pub impact: String,
    /// What the rule asks for, in axe's words.
    pub help: String,
    /// The elements' CSS selectors, with axe's first line of why.
    pub targets: Vec<String>,
}

impl Violation {
    /// Serious and critical violations fail a check.
    pub fn is_blocking(&self) -> bool {
        matches!(self.impact.as_str(), "serious" | "critical")
    }
}

impl AxeReport {
    /// How many violations of `impact` (`critical`, `serious`, `moderate`, `minor`).
    pub fn count(&self, impact: &str) -> usize {
        self.violations
            .iter()
            .filter(|violation| violation.impact == impact)
            .count()
    }

    /// The serious and critical violations.
    pub fn blocking(&self) -> impl Iterator<Item = &Violation> {
        self.violations
            .iter()
            .filter(|violation| violation.is_blocking())
    }

    /// `<language>-<theme>-<screen>`.
    pub fn label(&self) -> String {
        format!("{}-{}-{}", self.language, self.theme, self.screen)
    }

    /// Every serious and critical violation, a line each, with the failing elements; empty when
    /// there is none.
    pub fn describe_blocking(&self) -> String {
        let mut text = String::new();
        for violation in self.blocking() {
            let _ = writeln!(
                text,
                "{}: {} ({}): {}",
                self.label(),
                violation.id,
                violation.impact,
                violation.help
            );
            for target in &violation.targets {
                let _ = writeln!(text, "    {target}");
            }
        }
        text
    }

    /// The rules axe could not decide, each with how many elements: `color-contrast (3)`, ...;
    /// `none` when it decided everything.
    pub fn describe_incomplete(&self) -> String {
        if self.incomplete.is_empty() {
            return "none".to_owned();
        }
        self.incomplete
            .iter()
            .map(|rule| format!("{} ({})", rule.id, rule.targets.len()))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// Checks gathered over a walk through the app, failed together at the end: one screen's
/// violations do not hide the next screen's.
#[derive(Debug, Default)]
pub struct AxeAudit {
    pub reports: Vec<AxeReport>,
    /// What else went wrong on the way, a line each (a theme that did not switch).
    pub problems: Vec<String>,
}

impl AxeAudit {
    pub fn new() -> Self {
        Self::default()
    }

    /// Checks what the window shows now as `screen` and keeps the report; prints the rules axe
    /// could not decide, for a person to look at (they fail nothing).
    #[allow(
        clippy::print_stdout,
        reason = "the test's output, kept in its log by `scripts/e2e.sh`"
    )]
    pub async fn check(&mut self, app: &AppSession, screen: &str) -> Result<()> {
        let report = app.audit_accessibility(screen).await?;
        println!(
            "axe {}: incomplete (undecided, to review): {}",
            report.label(),
            report.describe_incomplete()
        );
        self.reports.push(report);
        Ok(())
    }

    /// Fails listing every serious and critical violation of every check.
    pub fn passed(&self) -> Result<()> {
        let mut blocking: String = self
            .reports
            .iter()
            .map(AxeReport::describe_blocking)
            .collect();
        for problem in &self.problems {
            let _ = writeln!(blocking, "{problem}");
        }
        if blocking.is_empty() {
            Ok(())
        } else {
            Err(Error::Accessibility(format!(
                "{blocking}(axe's whole results: {})",
                axe_folder().display()
            )))
        }
    }
}

/// The themes every screen is checked in.
pub const THEMES: [&str; 2] = ["light", "dark"];

/// Sets or removes `<html data-theme>` exactly as the Settings dialog does.
const APPLY_THEME: &str = r"
const [theme] = arguments;
if (theme === null) { delete document.documentElement.dataset.theme; }
else { document.documentElement.dataset.theme = theme; }
";

impl AxeAudit {
    /// Checks the screen shown now in the light and in the dark theme, switched the way the
    /// Settings dialog switches them (`<html data-theme>`), with a screenshot of each as
    /// `<theme>/<screen>.png` in the session's artefacts; then puts the theme back.
    pub async fn check_in_both_themes(&mut self, app: &AppSession, screen: &str) -> Result<()> {
        let before = app.theme_attribute().await?;
        let mut backgrounds = Vec::new();
        for theme in THEMES {
            app.apply_theme(Some(theme)).await?;
            self.check(app, screen).await?;
            // After axe, which waited for the theme's transitions to end.
            backgrounds.push(app.page_background().await?);
            app.screenshot_as(&format!("{theme}/{screen}")).await?;
        }
        app.apply_theme(before.as_deref()).await?;
        if backgrounds[0] == backgrounds[1] {
            self.problems.push(format!(
                "{screen}: the light and the dark theme have the same background ({}): \
                 <html data-theme> does not switch the theme",
                backgrounds[0]
            ));
        }
        Ok(())
    }
}

impl AppSession {
    /// Sets `<html data-theme>` (`light`, `dark`; `None` removes it: the system's theme) as the
    /// Settings dialog does. CSS transitions may still be under way:
    /// [`Self::audit_accessibility`] waits for them.
    pub async fn apply_theme(&self, theme: Option<&str>) -> Result<()> {
        self.client()
            .execute(APPLY_THEME, vec![json!(theme)])
            .await?;
        Ok(())
    }

    /// The page's background colour (`<html>`'s), as computed now.
    pub async fn page_background(&self) -> Result<String> {
        self.script_text("return getComputedStyle(document.documentElement).backgroundColor;")
            .await
    }

    /// `<html data-theme>`: the theme chosen in Settings, `None` for the system's.
    pub async fn theme_attribute(&self) -> Result<Option<String>> {
        let theme = self
            .client()
            .execute(
                "return document.documentElement.dataset.theme ?? null;",
                Vec::new(),
            )
            .await?;
        Ok(theme.as_str().map(str::to_owned))
    }

    /// Waits (up to 5 s) until `<html data-theme>` is `theme`, and returns what it is then.
    pub async fn settled_theme(&self, theme: Option<&str>) -> Result<Option<String>> {
        let mut shown = self.theme_attribute().await?;
        for _ in 0..50 {
            if shown.as_deref() == theme {
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
            shown = self.theme_attribute().await?;
        }
        Ok(shown)
    }
}

/// Whether this page has axe already (one injection per page load).
const INJECTED: &str = "return typeof window.axe !== 'undefined';";

/// Follows axe's source in the script that defines `window.axe`: the script's body is the
/// source itself, not a string the page evaluates (the CSP forbids `eval` and `Function`).
const AFTER_SOURCE: &str =
    "\n;return typeof window.axe === 'undefined' ? null : window.axe.version;";

/// Runs axe on the document after the page has settled: no CSS transition running (a theme
/// switch fades colours), two frames drawn. Answers with the result as JSON text.
const RUN: &str = r#"
const [options, done] = arguments;
const settled = () => new Promise((resolve) => {
  const check = (tries) => {
    const moving = document.getAnimations().some(
      (animation) => animation instanceof CSSTransition && animation.playState === "running");
    if (moving && tries > 0) { requestAnimationFrame(() => check(tries - 1)); }
    else { requestAnimationFrame(() => requestAnimationFrame(resolve)); }
  };
  check(120);
});
const root = document.documentElement;
const theme = root.dataset.theme
  ?? (matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light");
const refused = [];
const onRefused = (event) => refused.push(`${event.effectiveDirective}: ${event.blockedURI}`);
document.addEventListener("securitypolicyviolation", onRefused);
const finish = (answer) => {
  // Violation events are queued: let them arrive first.
  setTimeout(() => {
    document.removeEventListener("securitypolicyviolation", onRefused);
    done(JSON.stringify({ ...answer, refused }));
  }, 0);
};
settled()
  .then(() => window.axe.run(document, options))
  .then(
    (result) => finish({ language: root.lang, theme, result }),
    (error) => finish({ error: String(error && error.stack || error) }),
  );
"#;

impl AppSession {
    /// Runs axe on what the window shows now, as `screen`; writes its result and a summary line,
    /// and answers with the violations without failing on them: [`AxeAudit`] decides.
    pub async fn audit_accessibility(&self, screen: &str) -> Result<AxeReport> {
        let injected = self.client().execute(INJECTED, Vec::new()).await?;
        if injected.as_bool() != Some(true) {
            let script = format!("{}{AFTER_SOURCE}", axe_source()?);
            let version = self.client().execute(&script, Vec::new()).await?;
            if version.is_null() {
                return Err(Error::Axe(
                    "axe-core's source ran in the page but defined no `axe`".to_owned(),
                ));
            }
        }
        let options = json!({
            "runOnly": { "type": "tag", "values": AXE_TAGS },
            "resultTypes": ["violations", "incomplete"],
        });
        let answer = self.client().execute_async(RUN, vec![options]).await?;
        let answer: Value = answer
            .as_str()
            .ok_or_else(|| Error::Axe(format!("axe answered {answer}")))
            .and_then(|text| {
                serde_json::from_str(text).map_err(|error| Error::Axe(error.to_string()))
            })?;
        if let Some(error) = answer["error"].as_str() {
            return Err(Error::Axe(format!("axe.run failed: {error}")));
        }
        if answer["refused"]
            .as_array()
            .is_some_and(|refused| !refused.is_empty())
        {
            return Err(Error::Axe(format!(
                "the app's CSP refused part of axe's work: {}",
                answer["refused"]
            )));
        }
        let language = match answer["language"].as_str() {
            Some("") | None => "no-lang".to_owned(),
            Some(language) => language.to_owned(),
        };
        let theme = answer["theme"].as_str().unwrap_or("unknown").to_owned();
        let result = &answer["result"];
        let folder = axe_folder();
        fs::create_dir_all(&folder).map_err(|source| Error::io(&folder, source))?;
        let json = folder.join(format!("{language}-{theme}-{screen}.json"));
        let pretty =
            serde_json::to_string_pretty(result).map_err(|error| Error::Axe(error.to_string()))?;
        fs::write(&json, pretty).map_err(|source| Error::io(&json, source))?;
        let report = AxeReport {
            language,
            theme,
            screen: screen.to_owned(),
            violations: rules(result, "violations"),
            incomplete: rules(result, "incomplete"),
        };
        append_summary(&folder.join("summary.tsv"), &report)?;
        Ok(report)
    }
}

/// `$BANKBOOK_ARTEFACTS/axe`.
pub fn axe_folder() -> PathBuf {
    artefacts_root().join("axe")
}

/// axe-core's browser build, read once (a failed read is tried again by the next check).
fn axe_source() -> Result<&'static str> {
    static SOURCE: OnceLock<String> = OnceLock::new();
    if let Some(source) = SOURCE.get() {
        return Ok(source);
    }
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../ui/node_modules/axe-core/axe.min.js");
    let source = fs::read_to_string(&path).map_err(|source| Error::AxeMissing { path, source })?;
    Ok(SOURCE.get_or_init(|| source))
}

/// The rules of one of axe's result types (`violations`, `incomplete`).
fn rules(result: &Value, kind: &str) -> Vec<Violation> {
    let text = |value: &Value| value.as_str().unwrap_or_default().to_owned();
    result[kind]
        .as_array()
        .into_iter()
        .flatten()
        .map(|rule| Violation {
            id: text(&rule["id"]),
            impact: text(&rule["impact"]),
            help: text(&rule["help"]),
            targets: rule["nodes"]
                .as_array()
                .into_iter()
                .flatten()
                .map(|node| {
                    let target = node["target"]
                        .as_array()
                        .into_iter()
                        .flatten()
                        .map(|part| match part {
                            Value::String(selector) => selector.clone(),
                            other => other.to_string(),
                        })
                        .collect::<Vec<_>>()
                        .join(" >>> ");
                    // The first reason after "Fix any of the following:".
                    let why = node["failureSummary"]
                        .as_str()
                        .and_then(|summary| summary.lines().nth(1))
                        .map(str::trim)
                        .unwrap_or_default();
                    if why.is_empty() {
                        target
                    } else {
                        format!("{target}: {why}")
                    }
                })
                .collect(),
        })
        .collect()
}

fn append_summary(path: &Path, report: &AxeReport) -> Result<()> {
    let new = !path.exists();
    let mut file = OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)
        .map_err(|source| Error::io(path, source))?;
    let mut line = String::new();
    if new {
        line.push_str("language\ttheme\tscreen\tcritical\tserious\tmoderate\tminor\tincomplete\n");
    }
    let _ = writeln!(
        line,
        "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
        report.language,
        report.theme,
        report.screen,
        report.count("critical"),
        report.count("serious"),
        report.count("moderate"),
        report.count("minor"),
        report.incomplete.len(),
    );
    file.write_all(line.as_bytes())
        .map_err(|source| Error::io(path, source))
}
