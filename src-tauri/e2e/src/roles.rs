//! Elements found as a user (and assistive technology) knows them: by role and accessible name,
//! whatever the language, the markup or the class names; and the element that has the focus.
//!
//! The role and name are worked out in the page, after ARIA and HTML: an explicit `role`, else
//! the element's implicit one (the common cases: buttons, links, headings, form controls, dialogs,
//! landmarks); the name from `aria-labelledby`, `aria-label`, a control's `<label>`, a group's
//! `<legend>`, else (for roles named from content) its text without `aria-hidden` parts, else
//! `title`. While a modal dialog is open only what is in it counts: the rest is inert.

use std::time::{Duration, Instant};

use fantoccini::elements::{Element, ElementRef};
use serde_json::{Value, json};

use crate::{AppSession, Error, Result};

/// How long [`AppSession::find_role`] waits.
const ROLE_TIMEOUT: Duration = Duration::from_secs(15);

/// The role and name functions, shared by the scripts below.
const ACCESSIBLE: &str = r#"
const clean = (text) => (text ?? "").replace(/\s+/g, " ").trim();
const IMPLICIT = (element) => {
  const tag = element.localName;
  const type = (element.getAttribute("type") ?? "text").toLowerCase();
  switch (tag) {
    case "button": return "button";
    case "a": return element.hasAttribute("href") ? "link" : null;
    case "h1": case "h2": case "h3": case "h4": case "h5": case "h6": return "heading";
    case "input":
      if (["button", "submit", "reset", "image"].includes(type)) return "button";
      if (type === "checkbox") return "checkbox";
      if (type === "radio") return "radio";
      if (type === "range") return "slider";
      if (type === "hidden") return null;
      if (type === "search" && !element.hasAttribute("list")) return "searchbox";
      return "textbox";
    case "textarea": return "textbox";
    case "select": return element.multiple ? "listbox" : "combobox";
    case "dialog": return "dialog";
    case "ul": case "ol": return "list";
    case "li": return "listitem";
    case "main": return "main";
    case "nav": return "navigation";
    case "aside": return "complementary";
    case "fieldset": return "group";
    case "table": return "table";
    case "tr": return "row";
    case "progress": return "progressbar";
    case "section":
      return element.hasAttribute("aria-label") || element.hasAttribute("aria-labelledby")
        ? "region" : null;
    case "header": return element.closest("main, section, article, aside, nav") ? null : "banner";
    default: return null;
  }
};
const roleOf = (element) =>
  clean(element.getAttribute("role")).split(" ")[0] || IMPLICIT(element) || "";
const NAMED_FROM_CONTENT = new Set(["button", "link", "heading", "checkbox", "radio", "row",
  "gridcell", "cell", "columnheader", "rowheader", "tab", "option", "menuitem", "switch",
  "tooltip", "treeitem", "menuitemradio", "menuitemcheckbox"]);
const hidden = (element) => element.getAttribute("aria-hidden") === "true"
  || getComputedStyle(element).display === "none" || element.hidden;
const contentText = (node) => {
  if (node.nodeType === Node.TEXT_NODE) return node.data;
  if (node.nodeType !== Node.ELEMENT_NODE || hidden(node)) return "";
  const label = clean(node.getAttribute("aria-label"));
  if (label) return ` ${label} `;
  if (node.localName === "input" && ["button", "submit", "reset"].includes(node.type)) {
    return ` ${node.value} `;
  }
  const block = getComputedStyle(node).display !== "inline";
  const inner = [...node.childNodes].map(contentText).join("");
  return block ? ` ${inner} ` : inner;
};
const nameOf = (element) => {
  const labelledBy = clean(element.getAttribute("aria-labelledby"));
  if (labelledBy) {
    const text = labelledBy.split(" ")
      .map((id) => document.getElementById(id))
      .filter(Boolean)
      .map((label) => clean(contentText(label)) || clean(label.textContent))
      .join(" ");
    if (clean(text)) return clean(text);
  }
  const label = clean(element.getAttribute("aria-label"));
  if (label) return label;
  if (element.labels && element.labels.length > 0) {
    return clean([...element.labels].map(contentText).join(" "));
  }
  if (element.localName === "fieldset") {
    const legend = element.querySelector(":scope > legend");
    if (legend) return clean(contentText(legend));
  }
  if (NAMED_FROM_CONTENT.has(roleOf(element))) {
    const text = clean(contentText(element));
    if (text) return text;
  }
  return clean(element.getAttribute("title"));
};
const shown = (element) => element.getClientRects().length > 0
  && getComputedStyle(element).visibility !== "hidden";
const candidates = () => {
  const dialog = [...document.querySelectorAll("dialog[open]")].at(-1);
  return dialog ? [dialog, ...dialog.querySelectorAll("*")] : [...document.querySelectorAll("*")];
};
"#;

/// The first shown element in scope with `role` and `name`, or null.
const FIND: &str = r"
const [role, name] = arguments;
for (const element of candidates()) {
  if (roleOf(element) === role && shown(element) && nameOf(element) === name) {
    return element;
  }
}
return null;
";

/// What is in scope with `role`: each one's name, to say what there was instead.
const LIST: &str = r"
const [role] = arguments;
return candidates()
  .filter((element) => roleOf(element) === role && shown(element))
  .map(nameOf);
";

/// The focused element's role, name and a few of its ARIA states.
const FOCUSED: &str = r#"
const element = document.activeElement;
if (!element || element === document.body || element === document.documentElement) {
  return { role: "", name: "", tag: element ? element.localName : "", rowIndex: null,
    checked: null, inDialog: false, ring: false };
}
const row = element.closest('[role="row"]');
return {
  role: roleOf(element),
  name: nameOf(element),
  tag: element.localName,
  rowIndex: row ? Number(row.getAttribute("aria-rowindex")) : null,
  checked: "checked" in element && (element.type === "checkbox" || element.type === "radio")
    ? element.checked : null,
  inDialog: element.closest("dialog[open]") !== null,
  ring: (() => {
    const style = getComputedStyle(element);
    const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
    const drawn = outline || (style.boxShadow !== "none" && style.boxShadow !== "");
    return element.matches(":focus-visible") && drawn;
  })(),
};
"#;

/// What has the keyboard focus.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Focused {
    /// Its ARIA role (explicit or implicit); empty when nothing in particular has focus.
    pub role: String,
    /// Its accessible name.
    pub name: String,
    /// Its tag name.
    pub tag: String,
    /// The `aria-rowindex` of the grid row it is (in), if any.
    pub row_index: Option<u64>,
    /// A checkbox's or radio button's state.
    pub checked: Option<bool>,
    /// Whether it is inside an open dialog.
    pub in_dialog: bool,
    /// Whether it shows a keyboard focus indicator: it matches `:focus-visible` and draws an
    /// outline or a box shadow.
    pub ring: bool,
}

impl std::fmt::Display for Focused {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(formatter, "{} {:?} <{}>", self.role, self.name, self.tag)?;
        if let Some(row) = self.row_index {
            write!(formatter, " aria-rowindex={row}")?;
        }
        Ok(())
    }
}

impl AppSession {
    /// Waits for an element with `role` and accessible `name` (exactly, spaces collapsed).
    pub async fn find_role(&self, role: &str, name: &str) -> Result<Element> {
        self.wait_for_role(role, name).await
    }

    /// Clicks the element with `role` and `name` once it is there. It is scrolled into view
    /// first, as a person would scroll to it: `WebKitWebDriver` does not scroll the content of a
    /// modal dialog (the Banks form is taller than the window), and refuses a click on an
    /// element below its edge as not interactable.
    pub async fn click_role(&self, role: &str, name: &str) -> Result<()> {
        let element = self.find_role(role, name).await?;
        self.client()
            .execute(
                "arguments[0].scrollIntoView({ block: 'nearest' });",
                vec![
                    serde_json::to_value(&element)
                        .map_err(|error| Error::Setup(error.to_string()))?,
                ],
            )
            .await?;
        element.click().await?;
        Ok(())
    }

    /// The accessible names of every element with `role` shown now.
    pub async fn names_of_role(&self, role: &str) -> Result<Vec<String>> {
        let names = self
            .client()
            .execute(&format!("{ACCESSIBLE}{LIST}"), vec![json!(role)])
            .await?;
        Ok(names
            .as_array()
            .map(|names| {
                names
                    .iter()
                    .filter_map(|name| name.as_str().map(str::to_owned))
                    .collect()
            })
            .unwrap_or_default())
    }

    /// What has the keyboard focus now.
    pub async fn focused(&self) -> Result<Focused> {
        let focused = self
            .client()
            .execute(&format!("{ACCESSIBLE}{FOCUSED}"), Vec::new())
            .await?;
        let text = |field: &str| focused[field].as_str().unwrap_or_default().to_owned();
        Ok(Focused {
            role: text("role"),
            name: text("name"),
            tag: text("tag"),
            row_index: focused["rowIndex"].as_u64(),
            checked: focused["checked"].as_bool(),
            in_dialog: focused["inDialog"].as_bool() == Some(true),
            ring: focused["ring"].as_bool() == Some(true),
        })
    }

    async fn wait_for_role(&self, role: &str, name: &str) -> Result<Element> {
        let script = format!("{ACCESSIBLE}{FIND}");
        let deadline = Instant::now() + ROLE_TIMEOUT;
        loop {
            let found = self
                .client()
                .execute(&script, vec![json!(role), json!(name)])
                .await?;
            if let Some(element) = element_of(self, &found) {
                return Ok(element);
            }
            if Instant::now() > deadline {
                let there = self.names_of_role(role).await.unwrap_or_default();
                self.screenshot_failure().await;
                return Err(Error::NotFound(format!(
                    "{role} {name:?}; shown with that role: {there:?}"
                )));
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }
}

/// The element a script returned. `WebKitWebDriver` names the reference with a key of its own
/// (`element-6066-11e4-a52e-4f735466cecf`), not the W3C one (`…-4a4bd74aa84c`): any
/// `element-6066-11e4-a52e-` key will do.
fn element_of(app: &AppSession, value: &Value) -> Option<Element> {
    let (_, id) = value
        .as_object()?
        .iter()
        .find(|(key, _)| key.starts_with("element-6066-11e4-a52e-"))?;
    Some(Element::from_element_id(
        app.client().clone(),
        ElementRef::from(id.as_str()?.to_owned()),
    ))
}
