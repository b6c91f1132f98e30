//! The engine on a store in memory: rows fed as a reader would give them.

use super::*;
use crate::domain::correction::CorrectionKind;
use crate::domain::{Action, Code, DecisionId, Level, LevelSet};
use crate::input::Problem;
use crate::store::Store;

fn day(s: &str) -> Day {
    Day::parse(s).unwrap()
}

fn code(s: &str) -> Code {
    Code::parse(s).unwrap()
}

/// A row of decision `number`, signed and in force `on`, at province level.
fn row(number: &str, on: &str, action: Action, c: &str, name: &str) -> DecisionRow {
    DecisionRow {
        by_name: false,
        line: 2,
        decision: DecisionId {
            number: number.into(),
            signed: day(on),
        },
        effective: day(on),
        action,
        code: code(c),
        levels: LevelSet::single(Level::Province),
        replaces: None,
        details: Details {
            name: name.into(),
            ..Details::default()
        },
        provenance: None,
    }
}

/// Imports the rows as one file (lines numbered from 2) and commits.
fn import(store: &mut Store, rows: Vec<DecisionRow>) -> Result<Outcome, Error> {
    let tx = store.begin_import()?;
    let mut batch = Batch::new(&tx)?;
    let file = batch.open_file("qd.csv");
    for (i, mut row) in rows.into_iter().enumerate() {
        row.line = i as u64 + 2;
        batch.add(file, Prepared::new(row))?;
    }
    batch.close_file(file, "sha".into(), &Notes::default());
    let outcome = batch.finish()?;
    if outcome.decisions > 0 {
        tx.commit()?;
    }
    Ok(outcome)
}

/// The catalog on a day, as `code name` lines.
fn catalog(store: &Store, on: &str) -> Vec<String> {
    store
        .catalog(day(on))
        .unwrap()
        .into_iter()
        .map(|e| format!("{} {}", e.code, e.details.name))
        .collect()
}

fn rejected(result: Result<Outcome, Error>) -> Vec<String> {
    match result {
        Err(Error::Rejected(problems)) => problems.iter().map(ToString::to_string).collect(),
        other => panic!("expected a rejection, got {other:?}"),
    }
}

#[test]
fn rows_out_of_order_give_the_catalog_of_the_rules() {
    let mut store = Store::open_in_memory().unwrap();
    // The amendment comes first in the file but takes effect after the addition.
    let amend = Details {
        fee: "5.000 đồng".into(),
        ..Details::default()
    };
    let mut amended = row("2/QĐ", "2024-03-01", Action::Amended, "1.000001", "");
    amended.details = amend;
    let outcome = import(
        &mut store,
        vec![
            amended,
            row("1/QĐ", "2024-01-01", Action::Added, "1.000001", "Cấp phép"),
        ],
    )
    .unwrap();
    assert_eq!((outcome.decisions, outcome.rows), (2, 2));
    assert_eq!(catalog(&store, "2024-02-01"), ["1.000001 Cấp phép"]);
    let after = store.catalog(day("2024-03-01")).unwrap();
    // The amendment inherits the name it did not give.
    assert_eq!(after[0].details.name, "Cấp phép");
    assert_eq!(after[0].details.fee, "5.000 đồng");
}

#[test]
fn a_back_filled_decision_lands_before_a_stored_one() {
    let mut store = Store::open_in_memory().unwrap();
    import(
        &mut store,
        vec![row("3/QĐ", "2024-03-01", Action::Added, "1.000001", "Cũ")],
    )
    .unwrap();
    // A decision signed earlier, imported later, with a later entry.
    import(
        &mut store,
        vec![row("1/QĐ", "2024-01-01", Action::Added, "1.000002", "Sớm")],
    )
    .unwrap();
    assert_eq!(catalog(&store, "2024-02-01"), ["1.000002 Sớm"]);
    assert_eq!(
        catalog(&store, "2024-04-01"),
        ["1.000001 Cũ", "1.000002 Sớm"]
    );
    // Back-filled before the stored addition: it is now in force twice.
    let problems = rejected(import(
        &mut store,
        vec![row("2/QĐ", "2024-02-01", Action::Added, "1.000001", "X")],
    ));
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(
        problems[0].starts_with("qd.csv:2: added 1.000001 at province level effective 2024-02-01 breaks the stored history: in stored decision 3/QĐ of 2024-03-01"),
        "{problems:?}"
    );
}

#[test]
fn importing_the_same_decision_again_changes_nothing() {
    let mut store = Store::open_in_memory().unwrap();
    let rows = || vec![row("1/QĐ", "2024-01-01", Action::Added, "1.000001", "A")];
    import(&mut store, rows()).unwrap();
    let again = import(&mut store, rows()).unwrap();
    assert_eq!(again.decisions, 0);
    assert_eq!(
        again.unchanged,
        [Unchanged {
            number: "1/QĐ".into(),
            signed: day("2024-01-01")
        }]
    );
    assert_eq!(catalog(&store, "2024-01-01"), ["1.000001 A"]);
}

#[test]
fn the_same_decision_with_other_rows_is_a_conflict() {
    let mut store = Store::open_in_memory().unwrap();
    import(
        &mut store,
        vec![row("1/QĐ", "2024-01-01", Action::Added, "1.000001", "A")],
    )
    .unwrap();
    // The number is written another way, the identity is the same.
    let result = import(
        &mut store,
        vec![row("01/qđ", "2024-01-01", Action::Added, "1.000001", "B")],
    );
    match result {
        Err(Error::Conflict(lines)) => assert_eq!(
            lines,
            [
                "qd.csv: decision 01/qđ signed 2024-01-01 is already imported with different rows (as 1/QĐ signed 2024-01-01); if the rows imported were wrong, tthc import --correct 1/QĐ@2024-01-01 qd.csv replaces them"
            ]
        ),
        other => panic!("expected a conflict, got {other:?}"),
    }
    assert_eq!(catalog(&store, "2024-01-01"), ["1.000001 A"]);
}

#[test]
fn a_replacement_chain_repeals_each_old_code() {
    let mut store = Store::open_in_memory().unwrap();
    let replace = |number: &str, on: &str, new: &str, old: &str| {
        let mut r = row(number, on, Action::Replaced, new, new);
        r.replaces = Some(code(old));
        r
    };
    let outcome = import(
        &mut store,
        vec![
            row("1/QĐ", "2024-01-01", Action::Added, "1.000001", "1.000001"),
            replace("2/QĐ", "2024-02-01", "1.000002", "1.000001"),
            replace("3/QĐ", "2024-03-01", "1.000003", "1.000002"),
        ],
    )
    .unwrap();
    assert_eq!(outcome.actions.replaced, 2);
    assert_eq!(catalog(&store, "2024-01-15"), ["1.000001 1.000001"]);
    assert_eq!(catalog(&store, "2024-02-15"), ["1.000002 1.000002"]);
    assert_eq!(catalog(&store, "2024-03-15"), ["1.000003 1.000003"]);
    let history = store.entry_versions(code("1.000002"), None).unwrap();
    let kinds: Vec<(Action, Role, Option<Code>)> = history
        .iter()
        .map(|v| (v.version.action, v.version.role, v.version.other_code))
        .collect();
    assert_eq!(
        kinds,
        [
            (Action::Replaced, Role::Primary, Some(code("1.000001"))),
            (Action::Replaced, Role::Replaced, Some(code("1.000003"))),
        ]
    );
    // Replacing an entry that the chain already took out of force is refused.
    let problems = rejected(import(
        &mut store,
        vec![replace("4/QĐ", "2024-04-01", "1.000004", "1.000001")],
    ));
    assert_eq!(
        problems,
        [
            "qd.csv:2: column replaces: 1.000001 at province level is not in force on 2024-04-01, so it cannot be replaced (last change: replaced by decision 2/QĐ of 2024-02-01 effective 2024-02-01)"
        ]
    );
}

#[test]
fn every_broken_entry_is_reported_and_nothing_is_written() {
    let mut store = Store::open_in_memory().unwrap();
    let problems = rejected(import(
        &mut store,
        vec![
            row("1/QĐ", "2024-01-01", Action::Added, "1.000001", "A"),
            row("1/QĐ", "2024-01-01", Action::Amended, "1.000001", "B"),
            row("1/QĐ", "2024-01-01", Action::Repealed, "1.000009", ""),
        ],
    ));
    assert_eq!(
        problems,
        [
            "qd.csv:3: column code: 1.000001 at province level is named twice in decision 1/QĐ of 2024-01-01 (also at qd.csv:2)",
            "qd.csv:4: column code: 1.000009 at province level is not in force on 2024-01-01, so it cannot be repealed (it was never added)",
        ]
    );
    assert!(catalog(&store, "2024-01-01").is_empty());
}

#[test]
fn a_change_before_the_row_that_adds_its_entry_names_that_row() {
    let mut store = Store::open_in_memory().unwrap();
    let problems = rejected(import(
        &mut store,
        vec![
            row("2/QĐ", "2024-03-01", Action::Amended, "1.000001", "B"),
            row("3/QĐ", "2024-06-01", Action::Added, "1.000001", "A"),
        ],
    ));
    assert_eq!(
        problems,
        [
            "qd.csv:2: column code: 1.000001 at province level is not in force on 2024-03-01, so it cannot be amended (it is added on 2024-06-01 by decision 3/QĐ of 2024-06-01 (qd.csv:3), after this change)"
        ]
    );
}

#[test]
fn row_problems_and_rule_problems_are_told_together() {
    let mut store = Store::open_in_memory().unwrap();
    let tx = store.begin_import().unwrap();
    let mut batch = Batch::new(&tx).unwrap();
    let file = batch.open_file("qd.csv");
    batch.reject(
        file,
        vec![Problem::new("qd.csv", 2, "column code: bad code \"1.0x\"")],
    );
    let mut repeal = row("1/QĐ", "2024-01-01", Action::Repealed, "1.000009", "");
    repeal.line = 3;
    batch.add(file, Prepared::new(repeal)).unwrap();
    let problems = rejected(batch.finish());
    assert_eq!(
        problems,
        [
            "qd.csv:2: column code: bad code \"1.0x\"",
            "qd.csv:3: column code: 1.000009 at province level is not in force on 2024-01-01, so it cannot be repealed (it was never added)",
        ]
    );
}

/// A row without a code (a change table's empty code cell).
fn by_name(number: &str, on: &str, action: Action, name: &str) -> DecisionRow {
    DecisionRow {
        code: Code::stand_in(),
        by_name: true,
        ..row(number, on, action, "1.000001", name)
    }
}

#[test]
fn rows_without_a_code_are_settled_by_their_names() {
    let mut store = Store::open_in_memory().unwrap();
    let outcome = import(
        &mut store,
        vec![
            by_name("1/QĐ", "2025-08-01", Action::Added, "Cấp phép A"),
            by_name("1/QĐ", "2025-08-01", Action::Added, "Cấp phép B"),
        ],
    )
    .unwrap();
    assert_eq!(outcome.without_code, 2);
    assert_eq!(
        catalog(&store, "2025-08-01"),
        [" Cấp phép A", " Cấp phép B"]
    );
    // A repeal by another spelling of the name, and a code given to the other.
    import(
        &mut store,
        vec![
            by_name("2/QĐ", "2025-09-01", Action::Repealed, "CẤP PHÉP  A."),
            row(
                "2/QĐ",
                "2025-09-01",
                Action::Added,
                "1.000009",
                "Cấp phép B",
            ),
        ],
    )
    .unwrap();
    assert_eq!(catalog(&store, "2025-09-01"), ["1.000009 Cấp phép B"]);
    // A name in force nowhere is a problem of its row.
    let problems = rejected(import(
        &mut store,
        vec![by_name("3/QĐ", "2025-10-01", Action::Amended, "Cấp phép C")],
    ));
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(
        problems[0].starts_with(
            "qd.csv:2: \"Cấp phép C\" has no code and names no entry in force at province level on 2025-10-01"
        ),
        "{problems:?}"
    );
}

/// Corrects the stored decision `id` with these rows (none: retracts it)
/// and commits when something changed.
fn correct(store: &mut Store, id: i64, rows: Vec<DecisionRow>) -> Result<Outcome, Error> {
    let tx = store.begin_import()?;
    let target = tx.correction_target(id)?;
    let kind = if rows.is_empty() {
        CorrectionKind::Retracted
    } else {
        CorrectionKind::Corrected
    };
    let mut batch = Batch::correcting(&tx, target, kind, "typo")?;
    let file = batch.open_file("fixed.csv");
    for (i, mut row) in rows.into_iter().enumerate() {
        row.line = i as u64 + 2;
        batch.add(file, Prepared::new(row))?;
    }
    batch.close_file(file, "sha".into(), &Notes::default());
    let outcome = batch.finish()?;
    if outcome.changes_store() {
        tx.commit()?;
    }
    Ok(outcome)
}

fn amended(number: &str, on: &str, c: &str, fee: &str) -> DecisionRow {
    let mut r = row(number, on, Action::Amended, c, "");
    r.details.fee = fee.into();
    r
}

#[test]
fn a_retraction_gives_the_catalog_without_the_decision() {
    let mut store = Store::open_in_memory().unwrap();
    import(
        &mut store,
        vec![row("1/QĐ", "2024-01-01", Action::Added, "1.000001", "A")],
    )
    .unwrap();
    import(
        &mut store,
        vec![amended("2/QĐ", "2024-02-01", "1.000001", "5")],
    )
    .unwrap();
    import(
        &mut store,
        vec![amended("3/QĐ", "2024-03-01", "1.000001", "")],
    )
    .unwrap();
    let fee = |store: &Store, on: &str| store.catalog(day(on)).unwrap()[0].details.fee.clone();
    assert_eq!(fee(&store, "2024-03-01"), "5");
    let outcome = correct(&mut store, 2, vec![]).unwrap();
    let done = outcome.corrected.unwrap();
    assert_eq!((done.taken_changes, done.changes), (1, 0));
    assert_eq!(done.chain_sha256.len(), 64);
    // The later amendment inherits what was before the one taken out.
    assert_eq!(fee(&store, "2024-02-15"), "");
    assert_eq!(fee(&store, "2024-03-01"), "");
    assert_eq!(catalog(&store, "2024-03-01"), ["1.000001 A"]);
    // Taken out again: refused by the caller; its rows are in no edition now.
    let tx = store.begin_import().unwrap();
    assert!(tx.correction_target(2).unwrap().retraction().is_some());
}

#[test]
fn a_retraction_that_a_later_decision_depends_on_is_refused() {
    let mut store = Store::open_in_memory().unwrap();
    import(
        &mut store,
        vec![row("1/QĐ", "2024-01-01", Action::Added, "1.000001", "A")],
    )
    .unwrap();
    import(
        &mut store,
        vec![amended("2/QĐ", "2024-02-01", "1.000001", "5")],
    )
    .unwrap();
    let message = match correct(&mut store, 1, vec![]) {
        Err(Error::Refused(message)) => message,
        other => panic!("expected a refusal, got {other:?}"),
    };
    assert!(
        message.starts_with("cannot retract decision 1/QĐ signed 2024-01-01"),
        "{message}"
    );
    assert!(
        message.contains("1.000001 at province level cannot be amended by decision 2/QĐ signed 2024-02-01 effective 2024-02-01 (qd.csv:2): without the rows taken out, it is not in force then"),
        "{message}"
    );
    // Nothing was written.
    assert_eq!(catalog(&store, "2024-02-01"), ["1.000001 A"]);
    let tx = store.begin_import().unwrap();
    assert!(tx.correction_target(1).unwrap().latest.is_none());
}

#[test]
fn a_correction_replaces_the_rows_and_its_file_imports_as_unchanged() {
    let mut store = Store::open_in_memory().unwrap();
    import(
        &mut store,
        vec![
            row("1/QĐ", "2024-01-01", Action::Added, "1.000001", "A"),
            row("1/QĐ", "2024-01-01", Action::Added, "1.000002", "Typo"),
        ],
    )
    .unwrap();
    let fixed = || {
        vec![
            row("1/QĐ", "2024-01-01", Action::Added, "1.000001", "A"),
            row("1/QĐ", "2024-01-01", Action::Added, "1.000003", "Right"),
        ]
    };
    let outcome = correct(&mut store, 1, fixed()).unwrap();
    assert_eq!(outcome.rows, 2);
    assert_eq!(
        catalog(&store, "2024-01-01"),
        ["1.000001 A", "1.000003 Right"]
    );
    // The same file again: nothing to correct, nothing written.
    let again = correct(&mut store, 1, fixed()).unwrap();
    assert!(again.corrected.unwrap().unchanged);
    // A nightly import of the corrected file changes nothing either.
    let nightly = import(&mut store, fixed()).unwrap();
    assert_eq!(nightly.decisions, 0);
    assert_eq!(nightly.unchanged.len(), 1);
    // The file first imported is now a conflict that names the correction.
    let result = import(
        &mut store,
        vec![
            row("1/QĐ", "2024-01-01", Action::Added, "1.000001", "A"),
            row("1/QĐ", "2024-01-01", Action::Added, "1.000002", "Typo"),
        ],
    );
    match result {
        Err(Error::Conflict(lines)) => {
            assert!(lines[0].contains("it was corrected on"), "{lines:?}");
            assert!(lines[0].contains("with fixed.csv (typo)"), "{lines:?}");
        }
        other => panic!("expected a conflict, got {other:?}"),
    }
}

#[test]
fn a_corrected_file_of_another_decision_is_refused() {
    let mut store = Store::open_in_memory().unwrap();
    import(
        &mut store,
        vec![row("1/QĐ", "2024-01-01", Action::Added, "1.000001", "A")],
    )
    .unwrap();
    let problems = rejected(correct(
        &mut store,
        1,
        vec![row("2/QĐ", "2024-01-01", Action::Added, "1.000001", "A")],
    ));
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(
        problems[0].starts_with("fixed.csv:2: this row is of decision 2/QĐ signed 2024-01-01, not of 1/QĐ signed 2024-01-01 being corrected"),
        "{problems:?}"
    );
    assert_eq!(catalog(&store, "2024-01-01"), ["1.000001 A"]);
}

#[test]
fn a_retracted_decision_imported_again_is_a_conflict() {
    let mut store = Store::open_in_memory().unwrap();
    let rows = || vec![row("1/QĐ", "2024-01-01", Action::Added, "1.000001", "A")];
    import(&mut store, rows()).unwrap();
    correct(&mut store, 1, vec![]).unwrap();
    assert!(catalog(&store, "2024-01-01").is_empty());
    match import(&mut store, rows()) {
        Err(Error::Conflict(lines)) => assert!(
            lines[0].contains("was retracted on")
                && lines[0].contains("import --correct 1/QĐ@2024-01-01 qd.csv puts its rows back"),
            "{lines:?}"
        ),
        other => panic!("expected a conflict, got {other:?}"),
    }
    // Put back by a correction.
    correct(&mut store, 1, rows()).unwrap();
    assert_eq!(catalog(&store, "2024-01-01"), ["1.000001 A"]);
}
