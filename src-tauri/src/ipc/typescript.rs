//! Writes the TypeScript side of the IPC surface, `ui/src/ipc/bindings/commands.ts`, from the
//! same list as the commands themselves; ts-rs writes the types beside it. `make test` fails when
//! the committed file differs from what this writes.

use std::any::TypeId;
use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::PathBuf;

use ts_rs::{Config, Dependency, TS, TypeVisitor};

pub struct Command {
    pub name: &'static str,
    pub docs: &'static [&'static str],
    pub arguments: Vec<Argument>,
    pub result: Type,
}

pub struct Argument {
    name: &'static str,
    ty: Type,
}

impl Argument {
    pub fn of<T: TS + 'static>(name: &'static str) -> Self {
        Self {
            name,
            ty: Type::of::<T>(),
        }
    }
}

pub struct Event {
    pub name: String,
    pub docs: &'static [&'static str],
    pub payload: Type,
}

/// A Rust type as TypeScript names it, with the generated types it needs imported.
pub struct Type {
    name: String,
    imports: Vec<String>,
}

impl Type {
    pub fn of<T: TS + 'static>() -> Self {
        let config = Config::from_env();
        // A command that returns nothing resolves to `undefined` on the TypeScript side.
        let name = if TypeId::of::<T>() == TypeId::of::<()>() {
            "void".to_owned()
        } else {
            T::name(&config)
        };
        let mut imports = Imports(Vec::new());
        imports.visit::<T>();
        Self {
            name,
            imports: imports.0,
        }
    }
}

/// The generated types a type's name mentions: itself, or what a wrapper (`Vec<T>`,
/// `Option<T>`) holds; not the types of its fields, which its own file imports.
struct Imports(Vec<String>);

impl TypeVisitor for Imports {
    fn visit<T: TS + 'static + ?Sized>(&mut self) {
        match Dependency::from_ty::<T>(&Config::from_env()) {
            Some(generated) => self.0.push(generated.ts_name),
            None => T::visit_generics(self),
        }
    }
}

/// `list_banks` -> `listBanks`.
fn camel_case(name: &str) -> String {
    let mut words = name.split('_');
    let mut camel = words.next().unwrap_or_default().to_owned();
    for word in words {
        let mut letters = word.chars();
        if let Some(first) = letters.next() {
            camel.extend(first.to_uppercase());
            camel.push_str(letters.as_str());
        }
    }
    camel
}

fn doc_comment(docs: &[&str]) -> String {
    if docs.is_empty() {
        return String::new();
    }
    let lines: Vec<&str> = docs.iter().map(|line| line.trim()).collect();
    format!("/** {} */\n", lines.join("\n * "))
}

fn typescript(commands: &[Command], events: &[Event]) -> String {
    let mut imports = BTreeSet::new();
    let mut body = String::new();
    for command in commands {
        let parameters: Vec<String> = command
            .arguments
            .iter()
            .map(|argument| format!("{}: {}", camel_case(argument.name), argument.ty.name))
            .collect();
        let names: Vec<String> = command
            .arguments
            .iter()
            .map(|argument| camel_case(argument.name))
            .collect();
        let arguments = if names.is_empty() {
            String::new()
        } else {
            format!(", {{ {} }}", names.join(", "))
        };
        let _ = write!(
            body,
            "\n{}export const {} = ({}): Promise<{}> =>\n  call(\"{}\"{});\n",
            doc_comment(command.docs),
            camel_case(command.name),
            parameters.join(", "),
            command.result.name,
            command.name,
            arguments,
        );
        imports.extend(command.result.imports.iter().cloned());
        for argument in &command.arguments {
            imports.extend(argument.ty.imports.iter().cloned());
        }
    }
    for event in events {
        let handler = format!("on_{}", event.name.replace('-', "_"));
        let _ = write!(
            body,
            "\n{}export const {} = (handler: (payload: {}) => void): Promise<() => void> =>\n  listenTo(\"{}\", handler);\n",
            doc_comment(event.docs),
            camel_case(&handler),
            event.payload.name,
            event.name,
        );
        imports.extend(event.payload.imports.iter().cloned());
    }
    let imports = imports.iter().fold(String::new(), |mut text, name| {
        let _ = writeln!(text, "import type {{ {name} }} from \"./{name}\";");
        text
    });
    format!(
        "// Generated from src-tauri/src/ipc/surface.rs by `cargo test -p bankbook`: do not edit.\n\
         // Every command the webview can call and every event it can hear; ../index.ts re-exports them.\n\n\
         import {{ call, listenTo }} from \"../call\";\n{imports}{body}"
    )
}

fn bindings_folder() -> PathBuf {
    std::env::var_os("TS_RS_EXPORT_DIR")
        .map_or_else(|| PathBuf::from("../ui/src/ipc/bindings"), PathBuf::from)
}

#[test]
fn writes_the_typescript_commands_and_events() {
    let folder = bindings_folder();
    std::fs::create_dir_all(&folder).unwrap();
    let text = typescript(&super::commands(), &super::events());
    std::fs::write(folder.join("commands.ts"), text).unwrap();
}

/// `build.rs` writes the permission set from the same list; a stale or hand-edited file fails.
#[test]
fn the_capability_grants_exactly_the_listed_commands() {
    let set = std::fs::read_to_string("permissions/app-commands.toml").unwrap();
    let granted: Vec<&str> = set
        .lines()
        .filter_map(|line| line.trim().strip_prefix("\"allow-"))
        .filter_map(|line| line.strip_suffix("\","))
        .collect();
    let listed: Vec<String> = super::commands()
        .iter()
        .map(|command| command.name.replace('_', "-"))
        .collect();
    assert_eq!(granted, listed);
    let capability = std::fs::read_to_string("capabilities/main-window.json").unwrap();
    assert!(capability.contains("\"allow-app-commands\""));
}

#[test]
fn names_are_camel_case_on_the_typescript_side() {
    assert_eq!(camel_case("transactions_page"), "transactionsPage");
    assert_eq!(camel_case("on_consent_finished"), "onConsentFinished");
    assert_eq!(camel_case("ui"), "ui");
}
