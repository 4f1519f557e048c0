//! The app's own rules: what the bank sends says the category of most everyday payments in
//! Slovakia. Tried in order after the person's rules; the first that holds decides.

/// What a built-in rule tests.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Test {
    /// The counterparty's IBAN is one of the person's accounts shown.
    OwnAccount,
    /// The bank transaction code's sub-family (its last part: `PMNT-CCRD-CWDL` is `CWDL`).
    Code(&'static [&'static str]),
    /// Money in that is pay: the constant symbol of wages (0138), or a word of pay.
    Salary,
    /// One of these, folded, stands as whole words in the counterparty's name, the
    /// description or the bank's note.
    Words(&'static [&'static str]),
    /// Money in from a company (its name has a legal form), such as a client's invoice paid.
    FromCompany,
}

/// A built-in rule: a test, and the key of the app's category it gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct BuiltinRule {
    pub key: &'static str,
    pub test: Test,
}

const fn rule(key: &'static str, test: Test) -> BuiltinRule {
    BuiltinRule { key, test }
}

/// The key of the category for what no rule decides.
pub(crate) const OTHER: &str = "other";

/// The key of the category of transfers between the person's own accounts, which are not
/// spending.
pub(crate) const OWN_TRANSFERS: &str = "own_transfers";

/// Words of pay, folded: Slovak, Czech and English.
pub(crate) const PAY_WORDS: &[&str] = &["mzda", "mzdy", "vyplata", "plat", "salary", "wages"];

/// Legal forms of Slovak, Czech and other European companies, folded.
pub(crate) const LEGAL_FORMS: &[&str] = &[
    "s.r.o.", "s. r. o.", "a.s.", "a. s.", "spol.", "k.s.", "v.o.s.", "n.o.", "ltd", "gmbh",
    "inc.", "b.v.",
];

/// In order: own transfers and the bank's codes are certain; pay before merchants, as an
/// employer may also be a fuel chain (Slovnaft).
pub(crate) const BUILTIN: &[BuiltinRule] = &[
    rule(OWN_TRANSFERS, Test::OwnAccount),
    rule("cash", Test::Code(&["CWDL", "CDPT"])),
    rule("fees", Test::Code(&["FEES", "CHRG", "COMM", "TAXE"])),
    rule("income", Test::Code(&["INTR", "SALA", "PENS"])),
    rule("income", Test::Salary),
    rule(
        "groceries",
        Test::Words(&[
            "tesco",
            "lidl",
            "billa",
            "kaufland",
            "coop jednota",
            "jednota",
            "fresh market",
            "kraj market",
            "terno",
            "yeme",
            "milk-agro",
            "potraviny",
            "albert",
            "penny",
            "metro cash",
        ]),
    ),
    rule(
        "eating_out",
        Test::Words(&[
            "bistro",
            "restaurant",
            "restauracia",
            "pizzeria",
            "starbucks",
            "mcdonald's",
            "mcdonalds",
            "kfc",
            "burger king",
            "foodora",
            "wolt",
            "bolt food",
            "pub",
            "kaviaren",
            "cafe",
            "kolkovna",
            "jedalen",
        ]),
    ),
    rule(
        "transport",
        Test::Words(&[
            "slovnaft cs",
            "omv",
            "shell",
            "mol",
            "orlen",
            "dopravny podnik",
            "dpb",
            "zssk",
            "regiojet",
            "hopin",
            "bolt.eu",
            "uber",
            "arriva",
            "slovak lines",
            "leo express",
            "parkovanie",
            "dialnicna znamka",
            "eznamka",
        ]),
    ),
    rule(
        "housing_energy",
        Test::Words(&[
            "zse",
            "sse",
            "vse",
            "spp",
            "bytove druzstvo",
            "spolocenstvo vlastnikov",
            "vodarenska",
            "najomne",
            "zalohy za byt",
            "elektrina",
            "plyn",
            "teplaren",
            "poistenie domacnosti",
            "dan z nehnutelnosti",
        ]),
    ),
    rule(
        "phone_internet",
        Test::Words(&[
            "slovak telekom",
            "telekom",
            "orange slovensko",
            "o2 slovakia",
            "4ka",
            "swan",
            "upc",
            "antik",
            "mobilny pausal",
            "internet a tv",
        ]),
    ),
    rule(
        "health",
        Test::Words(&[
            "dr.max",
            "benu",
            "lekaren",
            "pharmacy",
            "poliklinika",
            "ambulancia",
            "zubar",
        ]),
    ),
    rule(
        "leisure",
        Test::Words(&[
            "spotify",
            "netflix",
            "netflix.com",
            "hbo",
            "disney",
            "steam",
            "cinema city",
            "ticketportal",
            "fitness",
            "kino",
            "koncert",
        ]),
    ),
    rule(
        "shopping",
        Test::Words(&[
            "alza",
            "alza.sk",
            "notino",
            "notino.sk",
            "mall.sk",
            "martinus",
            "martinus.sk",
            "ikea",
            "datart",
            "nay",
            "dm drogerie",
            "decathlon",
            "about you",
            "temu",
            "aliexpress",
            "amazon",
            "packeta",
            "zasielkovna",
            "hej.sk",
        ]),
    ),
    rule("income", Test::FromCompany),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_rule_names_one_of_the_apps_categories_in_folded_words() {
        let keys: Vec<String> = store::Store::open_in_memory()
            .unwrap()
            .categories()
            .unwrap()
            .into_iter()
            .filter_map(|category| category.key)
            .collect();
        for rule in BUILTIN {
            assert!(keys.iter().any(|key| key == rule.key), "{}", rule.key);
            if let Test::Words(words) = rule.test {
                for word in words {
                    assert_eq!(super::super::text::folded(word), *word);
                }
            }
        }
    }
}
