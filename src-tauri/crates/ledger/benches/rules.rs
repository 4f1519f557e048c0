//! How long a rule takes over 100,000 stored transactions: its preview, and saving it with its
//! application to the stored ones. `cargo bench -p ledger --bench rules`.
//!
//! The store is the charts benchmark's (on disk, encrypted), its entries with six
//! counterparties in turn. The rule picks one of them, a sixth of the entries; each run saves
//! a new rule for it with the other of two categories, so every run changes all of them: the
//! most a rule can write.

// A benchmark reports on standard output.
#![allow(clippy::print_stdout)]
// A benchmark whose set-up fails has nothing to report: it stops there.
#![allow(clippy::expect_used)]

mod fixture;

use ledger::Ledger;
use store::RuleConditions;

const RUNS: usize = 20;

fn main() {
    let (_folder, store) = fixture::filled_store();
    let ledger = Ledger::new(store);
    let categories = ledger.categories().expect("the categories");
    let id = |key: &str| {
        categories
            .iter()
            .find(|category| category.key.as_deref() == Some(key))
            .expect("an app's category")
            .id
    };
    let (groceries, shopping) = (id("groceries"), id("shopping"));
    let conditions = RuleConditions {
        counterparty: Some("kaufland".to_owned()),
        ..RuleConditions::default()
    };
    let run = ledger.rule_run();
    let mut steps = 0;
    fixture::report("a rule's preview", RUNS, || {
        let preview = run
            .preview(groceries, &conditions, 50, &mut |_, _| {
                steps += 1;
                true
            })
            .expect("the preview");
        assert!(preview.count > 16_000);
    });
    println!("progress reported {} times a preview", steps / (RUNS + 10));
    let mut turn = 0;
    fixture::report("a rule saved and applied", RUNS, || {
        turn += 1;
        let category = if turn % 2 == 0 { groceries } else { shopping };
        let applied = run
            .save(category, &conditions, true, &mut |_, _| true)
            .expect("the rule is applied");
        assert!(applied.changed > 16_000);
    });
}
