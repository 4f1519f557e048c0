//! Changes to `banks.toml` from the app's Banks screen: a bank added, changed or removed, and
//! everything else in the file kept as the person wrote it (comments, order, formatting).
//!
//! The file stays the person's: a file that does not load is never overwritten (saving fails
//! with the same error, naming the same line, as loading), and the file as it will be written
//! must load by the same rules before it replaces the old one, whole or not at all.
//!
//! Two changes at once would each read the file and the second would undo the first: the app
//! makes its changes one at a time.

use std::path::{Path, PathBuf};

use toml_edit::{
    ArrayOfTables, DocumentMut, InlineTable, Item, RawString, Table, TableLike, Value,
};

use crate::profile::{
    BankProfile, Connection, DEMO_BANK_ID, MAX_ID_LEN, PROFILES_FILE, is_valid_id, parse_profiles,
    read_profiles_text, remote_profile,
};
use crate::{Error, Result};

/// The key of the banks' array in the file.
const BANKS: &str = "bank";
/// Only its owner may read the file: it names the person's banks.
const FILE_MODE: u32 = 0o600;
/// Numbers tried after a taken id: far more banks than anyone has.
const MAX_NUMBER: u32 = 10_000;
/// The id of a bank whose name gives none.
const FALLBACK_ID: &str = "bank";

/// A real bank as the Banks screen describes it. Its secrets are not here: the client secret and
/// the private key go to the keychain, never to the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RemoteProfileInput {
    /// The bank to change; `None` adds a bank, with an id made from its name.
    pub id: Option<String>,
    pub name: String,
    pub base_url: String,
    pub client_id: String,
    /// The PEM certificate for mutual TLS; `None` is no mutual TLS.
    pub client_certificate: Option<PathBuf>,
}

/// Adds the bank, or replaces the one with its id, in `<config_folder>/banks.toml`, and returns
/// it as loading the file will. The rest of the file is kept as it was.
///
/// A part that cannot work is [`Error::InvalidField`]; a file that does not load is
/// [`Error::ProfilesFile`], as [`BankProfile::load_all`] reports it, and stays untouched; an
/// id that is not in the file is [`Error::UnknownBank`].
pub fn save_profile(config_folder: &Path, input: RemoteProfileInput) -> Result<BankProfile> {
    let path = config_folder.join(PROFILES_FILE);
    let (text, existing) = read_loadable(&path)?;
    let id = match input.id {
        Some(id) if existing.iter().any(|profile| profile.id == id) => id,
        Some(id) => return Err(Error::UnknownBank { id }),
        None => new_id(&input.name, &existing),
    };
    let profile = remote_profile(
        id,
        &input.name,
        &input.base_url,
        &input.client_id,
        input.client_certificate,
    )?;
    let mut document = editable(&text, &path)?;
    write_bank(&mut document, &profile, input.base_url.trim())?;
    let saved = replace_file(&path, &document.to_string())?;
    saved
        .into_iter()
        .find(|saved| saved.id == profile.id)
        .ok_or_else(|| Error::InvalidProfile("the saved bank did not load back".to_owned()))
}

/// Removes the bank with `id` from `<config_folder>/banks.toml`, keeping the rest of the file.
/// Its keychain entries are the caller's to remove. Errors as [`save_profile`]'s.
pub fn remove_profile(config_folder: &Path, id: &str) -> Result<()> {
    let path = config_folder.join(PROFILES_FILE);
    let (text, existing) = read_loadable(&path)?;
    if !existing.iter().any(|profile| profile.id == id) {
        return Err(Error::UnknownBank { id: id.to_owned() });
    }
    let mut document = editable(&text, &path)?;
    remove_bank(&mut document, id);
    replace_file(&path, &document.to_string()).map(drop)
}

/// The file's text and its banks, or the error loading it gives.
fn read_loadable(path: &Path) -> Result<(String, Vec<BankProfile>)> {
    let text = read_profiles_text(path)?;
    let banks = parse_profiles(&text).map_err(|problem| problem.in_file(path.to_owned()))?;
    Ok((text, banks))
}

/// The file as a document that keeps its formatting. It loaded, so it parses.
fn editable(text: &str, path: &Path) -> Result<DocumentMut> {
    text.parse()
        .map_err(|error: toml_edit::TomlError| Error::ProfilesFile {
            path: path.to_owned(),
            line: error
                .span()
                .and_then(|span| crate::profile::line_of(text, span.start)),
            reason: error.message().to_owned(),
        })
}

/// Checks that `text` loads, then writes it in place of the file; returns its banks.
fn replace_file(path: &Path, text: &str) -> Result<Vec<BankProfile>> {
    // The same rules as loading: what is written now loads at the next start.
    let banks = parse_profiles(text).map_err(|problem| Error::InvalidProfile(problem.reason))?;
    atomic_file::write_atomically(path, text.as_bytes(), Some(FILE_MODE)).map_err(|error| {
        Error::ProfilesFile {
            path: path.to_owned(),
            line: None,
            reason: format!("cannot be saved: {error}"),
        }
    })?;
    Ok(banks)
}

/// Puts `profile` in the document: over the bank with its id, or after the last bank. The file
/// may hold its banks as `[[bank]]` tables or, written by hand, as `bank = [{ ... }]`.
fn write_bank(document: &mut DocumentMut, profile: &BankProfile, base_url: &str) -> Result<()> {
    let Connection::Remote(remote) = &profile.connection else {
        return Err(Error::UnknownBank {
            id: profile.id.clone(),
        });
    };
    let certificate = match &remote.client_certificate {
        Some(path) => Some(path.to_str().ok_or_else(|| {
            Error::InvalidProfile("the client certificate's path is not valid text".to_owned())
        })?),
        None => None,
    };
    let fields = Fields {
        id: &profile.id,
        name: &profile.name,
        base_url,
        client_id: &remote.client_id,
        certificate,
    };
    match document.get_mut(BANKS) {
        None => {
            let first_in_file = document.is_empty();
            let mut banks = ArrayOfTables::new();
            banks.push(fields.new_table(&take_trailing(document), first_in_file));
            document.insert(BANKS, Item::ArrayOfTables(banks));
        }
        Some(Item::ArrayOfTables(banks)) => {
            let index = banks.iter().position(|table| has_id(table, &profile.id));
            if let Some(table) = index.and_then(|index| banks.get_mut(index)) {
                fields.write_into(table);
            } else {
                let above = take_trailing(document);
                if let Some(Item::ArrayOfTables(banks)) = document.get_mut(BANKS) {
                    banks.push(fields.new_table(&above, false));
                }
            }
        }
        Some(Item::Value(Value::Array(banks))) => {
            let existing = banks
                .iter_mut()
                .filter_map(Value::as_inline_table_mut)
                .find(|table| has_id(&**table, &profile.id));
            if let Some(table) = existing {
                fields.write_into(table);
            } else {
                let mut table = InlineTable::new();
                fields.write_into(&mut table);
                banks.push(table);
            }
        }
        // The file loaded, so `bank` is an array of tables.
        Some(_) => {
            return Err(Error::InvalidProfile(
                "`bank` in the profiles file is not a list of banks".to_owned(),
            ));
        }
    }
    Ok(())
}

/// What follows the document's last key (comments after the last bank): it goes above a bank
/// added at the end, where it was, rather than below it.
fn take_trailing(document: &mut DocumentMut) -> String {
    let trailing = document.trailing().as_str().unwrap_or_default().to_owned();
    document.set_trailing("");
    trailing
}

/// Takes the bank with `id` out of the document. No comment of the person's goes with it:
/// those above it stay where they were, above what followed it.
fn remove_bank(document: &mut DocumentMut, id: &str) {
    match document.get_mut(BANKS) {
        Some(Item::ArrayOfTables(banks)) => {
            let Some(index) = banks.iter().position(|table| has_id(table, id)) else {
                return;
            };
            let removed = banks.remove(index);
            let above = text_of(removed.decor().prefix());
            if let Some(next) = banks.get_mut(index) {
                let joined = join(&above, &text_of(next.decor().prefix()));
                next.decor_mut().set_prefix(joined);
                return;
            }
            let emptied = banks.is_empty();
            let joined = join(&above, document.trailing().as_str().unwrap_or_default());
            let comments = joined.trim_end_matches('\n');
            document.set_trailing(if comments.trim().is_empty() {
                String::new()
            } else {
                format!("{comments}\n")
            });
            if emptied {
                document.remove(BANKS);
            }
        }
        Some(Item::Value(Value::Array(banks))) => {
            let index = banks.iter().position(|bank| {
                bank.as_inline_table()
                    .is_some_and(|table| has_id(table, id))
            });
            if let Some(index) = index {
                banks.remove(index);
            }
        }
        _ => {}
    }
}

fn text_of(raw: Option<&RawString>) -> String {
    raw.and_then(RawString::as_str)
        .unwrap_or_default()
        .to_owned()
}

/// Two runs of comments and blank lines, one after the other, with at most one blank line
/// where they meet.
fn join(first: &str, second: &str) -> String {
    if first.ends_with("\n\n") || first.is_empty() {
        format!("{first}{}", second.trim_start_matches('\n'))
    } else {
        format!("{first}{second}")
    }
}

fn has_id(table: &dyn TableLike, id: &str) -> bool {
    table.get("id").and_then(Item::as_str) == Some(id)
}

/// A bank's keys as the file holds them.
struct Fields<'a> {
    id: &'a str,
    name: &'a str,
    base_url: &'a str,
    client_id: &'a str,
    certificate: Option<&'a str>,
}

impl Fields<'_> {
    /// A new `[[bank]]` below `above` (comments), set off from it by an empty line.
    fn new_table(&self, above: &str, first_in_file: bool) -> Table {
        let mut table = Table::new();
        let above = above.trim_end_matches('\n');
        let prefix = match (above.is_empty(), first_in_file) {
            (true, true) => String::new(),
            (true, false) => "\n".to_owned(),
            (false, _) => format!("{above}\n\n"),
        };
        table.decor_mut().set_prefix(prefix);
        self.write_into(&mut table);
        table
    }

    /// Sets the keys in `table`, each where it was and with its comments; the others stay.
    fn write_into(&self, table: &mut dyn TableLike) {
        set_text(table, "id", self.id);
        set_text(table, "name", self.name);
        set_text(table, "base_url", self.base_url);
        set_text(table, "client_id", self.client_id);
        match self.certificate {
            Some(path) => set_text(table, "client_certificate", path),
            None => {
                table.remove("client_certificate");
            }
        }
    }
}

/// Sets `key` to `text`, keeping the old value's surroundings (a comment after it on its line).
fn set_text(table: &mut dyn TableLike, key: &str, text: &str) {
    if let Some(value) = table.get_mut(key).and_then(Item::as_value_mut) {
        if value.as_str() == Some(text) {
            return;
        }
        let decor = value.decor().clone();
        *value = Value::from(text);
        *value.decor_mut() = decor;
        return;
    }
    table.insert(key, toml_edit::value(text));
}

/// The id for a new bank called `name`: its name as lowercase ASCII words joined by `-`
/// ("Tatra banka" is `tatra-banka`, "ČSOB" is `csob`), never the Demo Bank's or a taken one
/// (`-2`, `-3`... then), at most [`MAX_ID_LEN`] long.
fn new_id(name: &str, existing: &[BankProfile]) -> String {
    let taken = |id: &str| id == DEMO_BANK_ID || existing.iter().any(|bank| bank.id == id);
    let base = slug(name, MAX_ID_LEN);
    let base = if base.is_empty() {
        FALLBACK_ID.to_owned()
    } else {
        base
    };
    if !taken(&base) {
        return base;
    }
    (2_u32..=MAX_NUMBER)
        .map(|number| {
            let suffix = format!("-{number}");
            let stem = slug(&base, MAX_ID_LEN - suffix.len());
            format!("{stem}{suffix}")
        })
        .find(|id| !taken(id))
        .filter(|id| is_valid_id(id))
        .unwrap_or_else(|| FALLBACK_ID.to_owned())
}

/// `text` as lowercase ASCII letters and digits, runs of anything else as one `-`, none at
/// either end, cut to at most `longest` bytes.
fn slug(text: &str, longest: usize) -> String {
    let mut slug = String::new();
    let mut gap = false;
    for letter in text.chars().flat_map(char::to_lowercase) {
        let ascii = fold(letter);
        if ascii.is_empty() {
            gap = !slug.is_empty();
            continue;
        }
        for byte in ascii.bytes() {
            if gap {
                slug.push('-');
                gap = false;
            }
            slug.push(char::from(byte));
        }
    }
    slug.truncate(longest);
    slug.trim_end_matches('-').to_owned()
}

/// A lowercase letter as ASCII letters or digits: itself, or its letter without diacritics
/// (the Latin alphabets of Central and Western Europe); empty for anything else.
pub fn fold(letter: char) -> &'static str {
    const FOLDS: &[(&str, &str)] = &[
        ("áàâäãåāăą", "a"),
        ("çćĉċč", "c"),
        ("ďđ", "d"),
        ("éèêëēĕėęě", "e"),
        ("ĝğġģ", "g"),
        ("ĥħ", "h"),
        ("íìîïĩīĭįı", "i"),
        ("ĵ", "j"),
        ("ķ", "k"),
        ("ĺļľŀł", "l"),
        ("ñńņňŉ", "n"),
        ("óòôöõøōŏő", "o"),
        ("ŕŗř", "r"),
        ("śŝşšș", "s"),
        ("ţťŧț", "t"),
        ("úùûüũūŭůűų", "u"),
        ("ŵ", "w"),
        ("ýÿŷ", "y"),
        ("źżž", "z"),
        ("ß", "ss"),
        ("æ", "ae"),
        ("œ", "oe"),
    ];
    const ASCII: &str = "abcdefghijklmnopqrstuvwxyz0123456789";
    if letter.is_ascii_lowercase() || letter.is_ascii_digit() {
        let at = ASCII.find(letter).unwrap_or_default();
        return &ASCII[at..=at];
    }
    FOLDS
        .iter()
        .find(|(letters, _)| letters.contains(letter))
        .map_or("", |(_, ascii)| ascii)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::{FieldProblem, ProfileField};

    fn input(id: Option<&str>, name: &str, base_url: &str) -> RemoteProfileInput {
        RemoteProfileInput {
            id: id.map(str::to_owned),
            name: name.to_owned(),
            base_url: base_url.to_owned(),
            client_id: "client".to_owned(),
            client_certificate: None,
        }
    }

    struct Folder(tempfile::TempDir);

    impl Folder {
        fn new() -> Self {
            Self(tempfile::tempdir().unwrap())
        }

        fn with(text: &str) -> Self {
            let folder = Self::new();
            std::fs::write(folder.file(), text).unwrap();
            folder
        }

        fn path(&self) -> &Path {
            self.0.path()
        }

        fn file(&self) -> PathBuf {
            self.0.path().join(PROFILES_FILE)
        }

        fn text(&self) -> String {
            std::fs::read_to_string(self.file()).unwrap()
        }

        fn banks(&self) -> Vec<BankProfile> {
            BankProfile::load_all(self.path()).unwrap()
        }

        fn ids(&self) -> Vec<String> {
            self.banks().into_iter().map(|bank| bank.id).collect()
        }
    }

    #[test]
    fn a_bank_added_to_no_file_loads_back() {
        let folder = Folder::new();
        let saved = save_profile(
            folder.path(),
            RemoteProfileInput {
                client_certificate: Some(PathBuf::from("/keys/qwac.pem")),
                ..input(None, "Tatra banka", " https://api.tatrabanka.sk/sandbox ")
            },
        )
        .unwrap();

        assert_eq!(saved.id, "tatra-banka");
        assert_eq!(folder.banks(), [saved.clone(), BankProfile::demo()]);
        let Connection::Remote(remote) = &saved.connection else {
            panic!("a remote bank");
        };
        assert_eq!(
            remote.base_url.as_str(),
            "https://api.tatrabanka.sk/sandbox"
        );
        assert_eq!(
            remote.client_certificate.as_deref(),
            Some(Path::new("/keys/qwac.pem"))
        );
        assert_eq!(
            folder.text(),
            "[[bank]]\nid = \"tatra-banka\"\nname = \"Tatra banka\"\n\
             base_url = \"https://api.tatrabanka.sk/sandbox\"\nclient_id = \"client\"\n\
             client_certificate = \"/keys/qwac.pem\"\n"
        );
    }

    #[test]
    fn a_changed_bank_keeps_its_place_its_comments_and_the_other_banks() {
        let folder = Folder::with(
            "# My banks.\n\n\
             [[bank]]\n\
             id = \"tatra\" # the sandbox\n\
             name = \"Tatra\"\n\
             # registered in May\n\
             client_id = \"old\"   # from the portal\n\
             base_url = \"https://a.example\"\n\
             client_certificate = \"/old.pem\"\n\
             \n\
             # The other one.\n\
             [[bank]]\n\
             id = \"other\"\n\
             name = \"Other\"\n\
             base_url = \"https://b.example\"\n\
             client_id = \"o\"\n",
        );
        save_profile(
            folder.path(),
            RemoteProfileInput {
                client_id: "new".to_owned(),
                ..input(Some("tatra"), "Tatra banka", "https://c.example")
            },
        )
        .unwrap();

        assert_eq!(
            folder.text(),
            "# My banks.\n\n\
             [[bank]]\n\
             id = \"tatra\" # the sandbox\n\
             name = \"Tatra banka\"\n\
             # registered in May\n\
             client_id = \"new\"   # from the portal\n\
             base_url = \"https://c.example\"\n\
             \n\
             # The other one.\n\
             [[bank]]\n\
             id = \"other\"\n\
             name = \"Other\"\n\
             base_url = \"https://b.example\"\n\
             client_id = \"o\"\n"
        );
        assert_eq!(folder.ids(), ["tatra", "other", "demo"]);
    }

    #[test]
    fn a_new_bank_goes_after_the_others_and_the_example_keeps_its_comments() {
        let example = include_str!("../banks.example.toml");
        let folder = Folder::with(example);
        save_profile(folder.path(), input(None, "ČSOB", "https://bank.example")).unwrap();

        let text = folder.text();
        assert!(text.starts_with(example), "{text}");
        assert_eq!(
            &text[example.len()..],
            "\n[[bank]]\nid = \"csob\"\nname = \"ČSOB\"\nbase_url = \"https://bank.example\"\n\
             client_id = \"client\"\n"
        );
        assert_eq!(folder.ids(), ["tatra-sandbox", "csob", "demo"]);
    }

    #[test]
    fn a_hand_written_file_with_odd_formatting_still_loads_and_edits() {
        let folder = Folder::with(
            "bank = [\n\
             \x20 { id = \"a\", name = 'A', base_url = \"https://a.example\", client_id = \"x\" },\n\
             \x20 {id=\"b\",name=\"B\",\"base_url\"=\"https://b.example\",client_id=\"y\"}, # B\n\
             ]\n",
        );
        assert_eq!(folder.ids(), ["a", "b", "demo"]);

        save_profile(
            folder.path(),
            input(Some("b"), "Bee", "https://bee.example"),
        )
        .unwrap();
        save_profile(folder.path(), input(None, "C", "https://c.example")).unwrap();
        let names: Vec<String> = folder.banks().into_iter().map(|bank| bank.name).collect();
        assert_eq!(names, ["A", "Bee", "C", "Demo Bank"]);
        let text = folder.text();
        assert!(text.contains("name = 'A'"), "{text}");
        assert!(text.contains("# B"), "{text}");

        remove_profile(folder.path(), "a").unwrap();
        assert_eq!(folder.ids(), ["b", "c", "demo"]);
    }

    #[test]
    fn a_removed_bank_leaves_the_rest_and_the_files_own_comments() {
        let folder = Folder::with(include_str!("../banks.example.toml"));
        save_profile(folder.path(), input(None, "Second", "https://b.example")).unwrap();

        remove_profile(folder.path(), "second").unwrap();
        assert_eq!(folder.text(), include_str!("../banks.example.toml"));

        // The first bank's comments describe the file: they stay.
        remove_profile(folder.path(), "tatra-sandbox").unwrap();
        assert_eq!(folder.ids(), ["demo"]);
        let text = folder.text();
        assert!(text.starts_with("# Bankbook's bank profiles."), "{text}");
        assert!(!text.lines().any(|line| line == "[[bank]]"), "{text}");

        // And a bank can be added to that file again.
        save_profile(folder.path(), input(None, "Again", "https://a.example")).unwrap();
        assert_eq!(folder.ids(), ["again", "demo"]);
    }

    #[test]
    fn comments_of_a_removed_bank_stay_in_the_file() {
        let bank = |id: &str| {
            format!(
                "[[bank]]\nid = \"{id}\"\nname = \"B\"\nbase_url = \"https://b.example\"\nclient_id = \"c\"\n"
            )
        };
        let folder = Folder::with(&format!(
            "# Top.\n\n{}\n# Above b.\n{}\n# Above c.\n{}# At the end.\n",
            bank("a"),
            bank("b"),
            bank("c")
        ));
        remove_profile(folder.path(), "b").unwrap();
        assert_eq!(
            folder.text(),
            format!(
                "# Top.\n\n{}\n# Above b.\n\n# Above c.\n{}# At the end.\n",
                bank("a"),
                bank("c")
            )
        );
        remove_profile(folder.path(), "c").unwrap();
        remove_profile(folder.path(), "a").unwrap();
        assert_eq!(
            folder.text(),
            "# Top.\n\n# Above b.\n\n# Above c.\n# At the end.\n"
        );
        save_profile(folder.path(), input(None, "D", "https://d.example")).unwrap();
        assert_eq!(
            folder.text(),
            "# Top.\n\n# Above b.\n\n# Above c.\n# At the end.\n\n\
             [[bank]]\nid = \"d\"\nname = \"D\"\nbase_url = \"https://d.example\"\n\
             client_id = \"client\"\n"
        );
    }

    #[test]
    fn a_broken_file_is_refused_and_left_as_it_was() {
        for broken in [
            "# banks\n\n[[bank]\nid = \"x\"\n",
            "[[bank]]\nid = \"a\"\nname = \"A\"\nbase_url = \"http://a.example\"\n\
             client_id = \"c\"\n",
            "[[bank]]\nid = \"a\"\nname = \"A\"\nbase_url = \"https://a.example\"\n\
             client_id = \"c\"\nredirect_uri = \"app.bankbook:/oauth/callback\"\n",
        ] {
            let folder = Folder::with(broken);
            let loading = BankProfile::load_all(folder.path()).unwrap_err();

            let saving =
                save_profile(folder.path(), input(None, "New", "https://n.example")).unwrap_err();
            let removing = remove_profile(folder.path(), "a").unwrap_err();

            for error in [&saving, &removing] {
                assert!(matches!(error, Error::ProfilesFile { .. }), "{error:?}");
                assert_eq!(error.to_string(), loading.to_string());
            }
            assert_eq!(folder.text(), broken);
        }
    }

    #[test]
    fn a_part_that_cannot_work_is_refused_before_the_file_changes() {
        let folder = Folder::with(include_str!("../banks.example.toml"));
        for (bad, field, problem) in [
            (
                input(None, "Plain", "http://bank.example"),
                ProfileField::BaseUrl,
                FieldProblem::NotHttps,
            ),
            (
                input(None, "Local", "http://127.0.0.1:8080"),
                ProfileField::BaseUrl,
                FieldProblem::NotHttps,
            ),
            (
                input(None, "Nowhere", "bank.example"),
                ProfileField::BaseUrl,
                FieldProblem::NotAUrl,
            ),
            (
                input(None, "  ", "https://bank.example"),
                ProfileField::Name,
                FieldProblem::Missing,
            ),
            (
                RemoteProfileInput {
                    client_id: " ".to_owned(),
                    ..input(None, "No client", "https://bank.example")
                },
                ProfileField::ClientId,
                FieldProblem::Missing,
            ),
        ] {
            let error = save_profile(folder.path(), bad).unwrap_err();
            assert!(
                matches!(error, Error::InvalidField { field: f, problem: p } if f == field && p == problem),
                "{error:?}"
            );
        }
        assert_eq!(folder.text(), include_str!("../banks.example.toml"));
    }

    #[test]
    fn only_banks_in_the_file_can_be_changed_or_removed() {
        let folder = Folder::with(include_str!("../banks.example.toml"));
        for id in ["demo", "nowhere"] {
            let error =
                save_profile(folder.path(), input(Some(id), "X", "https://x.example")).unwrap_err();
            assert!(
                matches!(&error, Error::UnknownBank { id: named } if named == id),
                "{error:?}"
            );
            let error = remove_profile(folder.path(), id).unwrap_err();
            assert!(
                matches!(&error, Error::UnknownBank { id: named } if named == id),
                "{error:?}"
            );
        }
        assert_eq!(folder.text(), include_str!("../banks.example.toml"));
    }

    #[cfg(unix)]
    #[test]
    fn the_file_is_for_its_owner_only() {
        use std::os::unix::fs::PermissionsExt;
        let folder = Folder::with(include_str!("../banks.example.toml"));
        std::fs::set_permissions(folder.file(), std::fs::Permissions::from_mode(0o644)).unwrap();
        save_profile(folder.path(), input(None, "B", "https://b.example")).unwrap();
        let mode = std::fs::metadata(folder.file())
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
    }

    #[test]
    fn ids_come_from_names() {
        let none: &[BankProfile] = &[];
        for (name, id) in [
            ("Tatra banka", "tatra-banka"),
            ("ČSOB", "csob"),
            ("Raiffeisen banka (sandbox)", "raiffeisen-banka-sandbox"),
            ("  Poštová   banka -- 2 ", "postova-banka-2"),
            ("Straße & Œuvre", "strasse-oeuvre"),
            ("Demo", "demo-2"),
            ("銀行", "bank"),
            ("", "bank"),
            ("---", "bank"),
        ] {
            assert_eq!(new_id(name, none), id, "{name:?}");
        }
        let long = new_id(&"Ľudová banka ".repeat(10), none);
        assert!(long.len() <= MAX_ID_LEN && is_valid_id(&long), "{long}");
        assert!(!long.ends_with('-'), "{long}");
    }

    #[test]
    fn a_taken_id_gets_a_number() {
        let folder = Folder::new();
        let mut ids = Vec::new();
        for _ in 0..3 {
            ids.push(
                save_profile(
                    folder.path(),
                    input(None, "Tatra banka", "https://a.example"),
                )
                .unwrap()
                .id,
            );
        }
        assert_eq!(ids, ["tatra-banka", "tatra-banka-2", "tatra-banka-3"]);

        let long_name = "x".repeat(60);
        let first = save_profile(folder.path(), input(None, &long_name, "https://a.example"))
            .unwrap()
            .id;
        let second = save_profile(folder.path(), input(None, &long_name, "https://a.example"))
            .unwrap()
            .id;
        assert_eq!(first, "x".repeat(MAX_ID_LEN));
        assert_eq!(second, format!("{}-2", "x".repeat(MAX_ID_LEN - 2)));
    }
}
