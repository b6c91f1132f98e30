//! `tthc verify`: a store written by tthc verifies; every edit made behind
//! its back (plain SQL on the database file) is found, exits 5 and names the
//! decision or the entry.

use std::fs;
use std::path::PathBuf;

use rusqlite::{Connection, params};

use crate::common::{Output, Test, many_entries};

/// A small history with every action: additions (one on two levels), an
/// amendment, a replacement by a new code, a replacement by the same code, a
/// repeal, a re-addition, and a decision back-filled by a later import.
const FIXTURES: [&str; 4] = [
    "verify/d1-base.csv",
    "verify/d2-changes.csv",
    "verify/d3-later.csv",
    "verify/d4-backfill.csv",
];

const SAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/sample-history");

/// Decisions of the sample history that only amend: left out of a first
/// batch, they are back-filled by a second one before versions already stored.
const SAMPLE_BACKFILLED: [&str; 3] = [
    "qd-00019-185-2019-07-11.csv",
    "qd-00050-343-2021-12-25.csv",
    "qd-00055-182-2022-05-16.csv",
];

/// The fixture history: decisions 1 to 3 in one batch, then decision 04
/// (effective 2023-03-10) back-filled before the amendments of 2 and 3.
fn history() -> Test {
    let test = Test::with(&FIXTURES);
    test.import(&FIXTURES[..3]);
    test.import(&FIXTURES[3..]);
    test
}

fn tamper(test: &Test, sql: &str) {
    let conn = Connection::open(test.db()).unwrap();
    conn.execute_batch(sql)
        .unwrap_or_else(|e| panic!("cannot tamper with {sql}: {e}"));
}

/// The id of the version of (code, level) by the decision with this number;
/// `role` 1 is the repeal side of a replacement.
fn version(test: &Test, decision: &str, code: &str, level: i64, role: i64) -> i64 {
    let conn = Connection::open(test.db()).unwrap();
    conn.query_row(
        "SELECT v.id FROM versions AS v JOIN decisions AS d ON d.id = v.decision_id
         WHERE d.number = ?1 AND v.code = ?2 AND v.level = ?3 AND v.role = ?4",
        params![decision, code, level, role],
        |r| r.get(0),
    )
    .unwrap_or_else(|e| panic!("no version of {code} at level {level} by {decision}: {e}"))
}

/// Runs `tthc verify`, expecting exit 5 with `mismatches` lines each holding its parts.
fn assert_mismatches(test: &Test, mismatches: usize, parts: &[&str]) -> Output {
    let plural = if mismatches == 1 {
        "mismatch"
    } else {
        "mismatches"
    };
    let mut run = test
        .tthc(&["verify"])
        .status(5)
        .stdout("")
        .stderr_has(&format!(
            "tthc: verification failed ({mismatches} {plural}):\n"
        ));
    for part in parts {
        run = run.stderr_has(part);
    }
    let output = run.run();
    assert_eq!(
        output.stderr.lines().count(),
        mismatches + 1,
        "one line per mismatch:\n{}",
        output.stderr
    );
    output
}

fn assert_verifies(test: &Test) -> Output {
    test.tthc(&["verify"])
        .stdout_has("catalog.db: verified, no mismatch found.\n")
        .stdout_has("SQLite integrity and foreign keys: ok")
        .stderr("")
        .run()
}

#[test]
fn a_history_with_every_action_and_a_back_fill_verifies() {
    let test = history();
    let output = assert_verifies(&test);
    assert!(output.stdout.contains("decisions: 4 "), "{}", output.stdout);
    assert!(
        output.stdout.contains("versions:  14 of 6 entries"),
        "{}",
        output.stdout
    );
    assert!(
        output.stdout.contains("validity intervals: 12\n"),
        "{}",
        output.stdout
    );
    // The chain head is the chain hash of the last decision imported.
    let log: serde_json::Value = test.tthc(&["decisions", "--format", "json"]).run().json();
    let head = log["decisions"][3]["chain_sha256"].as_str().unwrap();
    assert_eq!(head.len(), 64);
    assert!(
        output.stdout.contains(&format!("chain head: {head}\n")),
        "{}",
        output.stdout
    );
}

#[test]
fn the_same_history_imported_one_decision_at_a_time_verifies() {
    let test = Test::imported_one_by_one(&FIXTURES);
    assert_verifies(&test);
}

#[test]
fn an_edited_inherited_name_is_found_in_its_entry() {
    let test = history();
    let id = version(&test, "2/QĐ-UBND", "1.100001", 0, 0);
    tamper(
        &test,
        &format!("UPDATE versions SET name = 'Tên bị sửa' WHERE id = {id}"),
    );
    assert_mismatches(
        &test,
        1,
        &[
            "entry 1.100001 at province level: the amended version by decision 2/QĐ-UBND signed 2023-05-02, effective 2023-06-01 holds name \"Tên bị sửa\" where the history gives \"Cấp giấy phép khai thác sử dụng nước mặt\"",
        ],
    );
}

#[test]
fn an_edited_given_name_breaks_its_decision_content_hash() {
    let test = history();
    let id = version(&test, "1/QĐ-UBND", "1.100003", 2, 0);
    tamper(
        &test,
        &format!("UPDATE versions SET name = 'Tên bị sửa' WHERE id = {id}"),
    );
    assert_mismatches(
        &test,
        2,
        &[
            "decision 1/QĐ-UBND signed 2023-01-05: content hash ",
            // The repeal keeps the last details, so it inherits the edited name.
            "entry 1.100003 at commune level: the repealed version by decision 2/QĐ-UBND signed 2023-05-02, effective 2023-06-01 holds name \"Chứng thực chữ ký\" where the history gives \"Tên bị sửa\"",
        ],
    );
}

#[test]
fn a_changed_effective_date_is_found() {
    let test = history();
    let id = version(&test, "3/QĐ-UBND", "1.100003", 2, 0);
    tamper(
        &test,
        &format!("UPDATE versions SET effective = effective + 1 WHERE id = {id}"),
    );
    assert_mismatches(
        &test,
        4,
        &[
            "decision 3/QĐ-UBND signed 2023-09-01: records effective dates 2023-10-01 to 2023-10-01, its rows give 2023-10-01 to 2023-10-02",
            "decision 3/QĐ-UBND signed 2023-09-01: the index of effective dates does not list 2023-10-02, on which it changes entries",
            "decision 3/QĐ-UBND signed 2023-09-01: content hash ",
            "entry 1.100003 at commune level: the added version by decision 3/QĐ-UBND signed 2023-09-01, effective 2023-10-02 has validity from 2023-10-01 on in the index, the history gives validity from 2023-10-02 on",
        ],
    );
}

#[test]
fn a_deleted_version_is_found() {
    let test = history();
    let id = version(&test, "2/QĐ-UBND", "1.100003", 2, 0);
    tamper(&test, &format!("DELETE FROM versions WHERE id = {id}"));
    let missing = format!("the entry index names version {id}, which does not exist");
    assert_mismatches(
        &test,
        6,
        &[
            &missing,
            "decision 2/QĐ-UBND signed 2023-05-02: version ",
            "rows are missing, added or renumbered",
            "decision 2/QĐ-UBND signed 2023-05-02: records 4 rows, 3 are stored",
            "decision 2/QĐ-UBND signed 2023-05-02: content hash ",
            "entry 1.100003 at commune level: the history does not replay at the added version by decision 3/QĐ-UBND signed 2023-09-01, effective 2023-10-01: the entry is already in force at that point",
            "entry 1.100003 at commune level: the added version by decision 1/QĐ-UBND signed 2023-01-05, effective 2023-01-15 has validity from 2023-01-15 to 2023-06-01 in the index, the history gives validity from 2023-01-15 to 2023-10-01",
        ],
    );
}

#[test]
fn a_deleted_repeal_of_a_replaced_code_is_found() {
    let test = history();
    let id = version(&test, "2/QĐ-UBND", "1.100004", 0, 1);
    tamper(&test, &format!("DELETE FROM versions WHERE id = {id}"));
    let missing = format!("the entry index names version {id}, which does not exist");
    assert_mismatches(
        &test,
        3,
        &[
            &missing,
            "decision 2/QĐ-UBND signed 2023-05-02: row 1 replaces 1.100004 at province level by 1.100005, but the repeal of 1.100004 is missing",
            "entry 1.100004 at province level: the amended version by decision 04/QĐ-UBND signed 2023-03-01, effective 2023-03-10 has validity from 2023-03-10 to 2023-06-01 in the index, the history gives validity from 2023-03-10 on",
        ],
    );
}

#[test]
fn a_deleted_span_is_found() {
    let test = history();
    let id = version(&test, "1/QĐ-UBND", "1.100002", 1, 0);
    tamper(&test, &format!("DELETE FROM spans WHERE id = {id}"));
    assert_mismatches(
        &test,
        2,
        &[
            "entry 1.100002 at district level: the added version by decision 1/QĐ-UBND signed 2023-01-05, effective 2023-01-15: the interval tree does not hold exactly its validity interval",
            "entry 1.100002 at district level: the added version by decision 1/QĐ-UBND signed 2023-01-05, effective 2023-01-15 has no validity interval in the index, the history gives validity from 2023-01-15 to 2023-06-15",
        ],
    );
}

#[test]
fn an_extra_span_is_found() {
    let test = history();
    let repeal = version(&test, "2/QĐ-UBND", "1.100003", 2, 0);
    let added = version(&test, "1/QĐ-UBND", "1.100003", 2, 0);
    // The interval of the version before the repeal (2023-01-15 to 2023-06-01)
    // given to the repeal too, and to a version that does not exist.
    tamper(
        &test,
        &format!(
            "INSERT INTO spans (id, fork, day_from, day_to)
                 SELECT {repeal}, fork, day_from, day_to FROM spans WHERE id = {added};
             INSERT INTO spans (id, fork, day_from, day_to)
                 SELECT 999999, fork, day_from, day_to FROM spans WHERE id = {added};"
        ),
    );
    assert_mismatches(
        &test,
        4,
        &[
            "entry 1.100003 at commune level: the repealed version by decision 2/QĐ-UBND signed 2023-05-02, effective 2023-06-01: the interval tree does not hold exactly its validity interval",
            "the interval tree or the validity index names version 999999, which does not exist",
            "entry 1.100003 at commune level: the repealed version by decision 2/QĐ-UBND signed 2023-05-02, effective 2023-06-01 has validity from 2023-01-15 to 2023-06-01 in the index, the history gives no validity interval",
            "the validity index holds an interval for version 999999, which does not exist (validity from 2023-01-15 to 2023-06-01)",
        ],
    );
}

#[test]
fn a_misfiled_span_is_found() {
    let test = history();
    let id = version(&test, "3/QĐ-UBND", "1.100001", 0, 0);
    tamper(
        &test,
        &format!("UPDATE spans SET fork = fork + 1 WHERE id = {id}"),
    );
    assert_mismatches(
        &test,
        2,
        &[
            "entry 1.100001 at province level: the amended version by decision 3/QĐ-UBND signed 2023-09-01, effective 2023-10-01: the interval tree does not hold exactly its validity interval",
            "entry 1.100001 at province level: the amended version by decision 3/QĐ-UBND signed 2023-09-01, effective 2023-10-01 has its validity interval filed at the wrong place in the index, so the catalog misses it on some days",
        ],
    );
}

#[test]
fn a_changed_span_is_found() {
    let test = history();
    let id = version(&test, "2/QĐ-UBND", "1.100005", 0, 0);
    let other = version(&test, "3/QĐ-UBND", "1.100001", 0, 0);
    // The interval of another version (from 2023-10-01 on), filed where the index looks for it.
    tamper(
        &test,
        &format!(
            "UPDATE spans SET (fork, day_from, day_to) =
                 (SELECT fork, day_from, day_to FROM spans WHERE id = {other})
             WHERE id = {id}"
        ),
    );
    assert_mismatches(
        &test,
        2,
        &[
            "entry 1.100005 at province level: the replaced version by decision 2/QĐ-UBND signed 2023-05-02, effective 2023-06-01: the interval tree does not hold exactly its validity interval",
            "entry 1.100005 at province level: the replaced version by decision 2/QĐ-UBND signed 2023-05-02, effective 2023-06-01 has validity from 2023-10-01 on in the index, the history gives validity from 2023-06-01 on",
        ],
    );
}

/// The catalog is read from the interval tree: an interval removed from it
/// drops the entry from the catalog, and verify names the version.
#[test]
fn an_interval_deleted_from_the_interval_tree_is_found() {
    let test = history();
    let id = version(&test, "1/QĐ-UBND", "1.100002", 1, 0);
    tamper(&test, &format!("DELETE FROM span_starts WHERE id = {id}"));
    assert_mismatches(
        &test,
        1,
        &[
            "entry 1.100002 at district level: the added version by decision 1/QĐ-UBND signed 2023-01-05, effective 2023-01-15: the interval tree does not hold exactly its validity interval",
        ],
    );
}

#[test]
fn a_version_missing_from_the_entry_index_is_found() {
    let test = history();
    let id = version(&test, "3/QĐ-UBND", "1.100001", 0, 0);
    tamper(
        &test,
        &format!("DELETE FROM entry_versions WHERE id = {id}"),
    );
    // The entry's history, read through the index, then lacks the version.
    assert_mismatches(
        &test,
        2,
        &[
            "entry 1.100001 at province level: the amended version by decision 3/QĐ-UBND signed 2023-09-01, effective 2023-10-01: the entry index does not file it exactly under its code and level",
            "entry 1.100001 at province level: the amended version by decision 2/QĐ-UBND signed 2023-05-02, effective 2023-06-01 has validity from 2023-06-01 to 2023-10-01 in the index, the history gives validity from 2023-06-01 on",
        ],
    );
}

#[test]
fn a_version_filed_under_another_entry_is_found() {
    let test = history();
    let id = version(&test, "3/QĐ-UBND", "1.100001", 0, 0);
    // Filed at commune level instead of province level.
    tamper(
        &test,
        &format!("UPDATE entry_versions SET entry = entry + 2 WHERE id = {id}"),
    );
    assert_mismatches(
        &test,
        1,
        &[
            "entry 1.100001 at province level: the amended version by decision 3/QĐ-UBND signed 2023-09-01, effective 2023-10-01: the entry index does not file it exactly under its code and level",
        ],
    );
}

#[test]
fn a_shortened_range_of_version_ids_is_found() {
    let test = history();
    tamper(
        &test,
        "UPDATE decisions SET last_version = first_version WHERE number = '2/QĐ-UBND'",
    );
    let output = test.tthc(&["verify"]).status(5).run();
    assert!(
        output
            .stderr
            .contains("its decision's recorded range of version ids does not hold it"),
        "{}",
        output.stderr
    );
    assert!(
        output
            .stderr
            .contains("decision 2/QĐ-UBND signed 2023-05-02: records 4 rows, 1 are stored"),
        "{}",
        output.stderr
    );
}

#[test]
fn an_effective_date_missing_from_its_index_is_found() {
    let test = history();
    tamper(
        &test,
        "DELETE FROM decision_days
         WHERE decision_id = (SELECT id FROM decisions WHERE number = '2/QĐ-UBND')",
    );
    assert_mismatches(
        &test,
        2,
        &[
            "decision 2/QĐ-UBND signed 2023-05-02: the index of effective dates does not list 2023-06-01, on which it changes entries",
            "decision 2/QĐ-UBND signed 2023-05-02: the index of effective dates does not list 2023-06-15, on which it changes entries",
        ],
    );
}

#[test]
fn an_effective_date_without_changes_in_its_index_is_found() {
    let test = history();
    tamper(
        &test,
        "INSERT INTO decision_days (effective, decision_id)
         SELECT effective_first + 1, id FROM decisions WHERE number = '2/QĐ-UBND'",
    );
    assert_mismatches(
        &test,
        1,
        &[
            "decision 2/QĐ-UBND signed 2023-05-02: the index of effective dates lists 2023-06-02, on which it changes nothing",
        ],
    );
}

#[test]
fn an_edited_decision_number_is_found() {
    let test = history();
    tamper(
        &test,
        "UPDATE decisions SET number = '5/QĐ-UBND' WHERE number = '2/QĐ-UBND'",
    );
    assert_mismatches(
        &test,
        1,
        &[
            "decision 5/QĐ-UBND signed 2023-05-02: number key is \"2/QĐ-UBND\", the number gives \"5/QĐ-UBND\"",
        ],
    );
}

#[test]
fn an_edited_decision_number_and_key_break_the_content_hash() {
    let test = history();
    tamper(
        &test,
        "UPDATE decisions SET number = '5/QĐ-UBND', number_key = '5/QĐ-UBND' WHERE number = '2/QĐ-UBND'",
    );
    assert_mismatches(
        &test,
        1,
        &["decision 5/QĐ-UBND signed 2023-05-02: content hash "],
    );
}

#[test]
fn an_edited_content_hash_is_found() {
    let test = history();
    tamper(
        &test,
        "UPDATE decisions SET content_sha256 = lower(hex(randomblob(32))) WHERE number = '3/QĐ-UBND'",
    );
    assert_mismatches(
        &test,
        2,
        &[
            "decision 3/QĐ-UBND signed 2023-09-01: content hash ",
            "does not match its rows, which give ",
            "decision 3/QĐ-UBND signed 2023-09-01: chain hash ",
        ],
    );
}

#[test]
fn an_edited_chain_hash_is_found_with_the_link_after_it() {
    let test = history();
    tamper(
        &test,
        "UPDATE decisions SET chain_sha256 = lower(hex(randomblob(32))) WHERE number = '2/QĐ-UBND'",
    );
    let output = assert_mismatches(
        &test,
        2,
        &[
            "decision 2/QĐ-UBND signed 2023-05-02: chain hash ",
            "decision 3/QĐ-UBND signed 2023-09-01: chain hash ",
            "does not follow from the previous decision's chain hash ",
        ],
    );
    assert!(!output.stderr.contains("decision 1/"), "{}", output.stderr);
}

#[test]
fn an_edited_given_mask_is_found() {
    // The amendment of 2 gave only the fee (bit 4); marking the inherited name
    // as given changes the cells the decision gave.
    let test = history();
    let id = version(&test, "2/QĐ-UBND", "1.100001", 0, 0);
    tamper(
        &test,
        &format!("UPDATE versions SET given = given | 1 WHERE id = {id}"),
    );
    assert_mismatches(
        &test,
        1,
        &["decision 2/QĐ-UBND signed 2023-05-02: content hash "],
    );
    // Dropping the fee from the given cells: the fee now looks inherited.
    let test = history();
    let id = version(&test, "2/QĐ-UBND", "1.100001", 0, 0);
    tamper(
        &test,
        &format!("UPDATE versions SET given = 0 WHERE id = {id}"),
    );
    assert_mismatches(
        &test,
        3,
        &[
            "decision 2/QĐ-UBND signed 2023-05-02: content hash ",
            "entry 1.100001 at province level: the amended version by decision 2/QĐ-UBND signed 2023-05-02, effective 2023-06-01 holds fee \"250.000 đồng\" where the history gives \"300.000 đồng\"",
            // The amendment after it inherits the fee the history now gives.
            "entry 1.100001 at province level: the amended version by decision 3/QĐ-UBND signed 2023-09-01, effective 2023-10-01 holds fee \"250.000 đồng\" where the history gives \"300.000 đồng\"",
        ],
    );
    // A mask naming no detail field (bits 0 to 7 name the eight).
    let test = history();
    let id = version(&test, "2/QĐ-UBND", "1.100001", 0, 0);
    tamper(
        &test,
        &format!("UPDATE versions SET given = given | 256 WHERE id = {id}"),
    );
    assert_mismatches(
        &test,
        1,
        &[
            "entry 1.100001 at province level: the amended version by decision 2/QĐ-UBND signed 2023-05-02, effective 2023-06-01 has given mask 272, which names no detail field",
        ],
    );
}

#[test]
fn a_deleted_decision_is_found() {
    let test = history();
    let (amended, added) = (
        version(&test, "3/QĐ-UBND", "1.100001", 0, 0),
        version(&test, "3/QĐ-UBND", "1.100003", 2, 0),
    );
    tamper(
        &test,
        "PRAGMA foreign_keys = OFF; DELETE FROM decisions WHERE number = '3/QĐ-UBND';",
    );
    assert_mismatches(
        &test,
        4,
        &[
            "SQLite foreign key check: a row of decision_days refers to a row of decisions that does not exist",
            &format!(
                "SQLite foreign key check: row {amended} of versions refers to a row of decisions that does not exist"
            ),
            &format!(
                "SQLite foreign key check: row {added} of versions refers to a row of decisions that does not exist"
            ),
            "decision 04/QĐ-UBND signed 2023-03-01: chain hash ",
        ],
    );
}

#[test]
fn an_unreadable_value_is_a_mismatch() {
    let test = history();
    let id = version(&test, "3/QĐ-UBND", "1.100001", 0, 0);
    tamper(
        &test,
        &format!("UPDATE versions SET effective = 'soon' WHERE id = {id}"),
    );
    test.tthc(&["verify"])
        .status(5)
        .stderr_has(&format!(
            "decision 3/QĐ-UBND signed 2023-09-01: version {id}: column effective holds \"soon\"\n"
        ))
        .run();
}

#[test]
fn mismatches_are_listed_up_to_100() {
    let test = Test::new();
    test.write("many.csv", many_entries(150));
    test.import(&["many.csv"]);
    tamper(&test, "DELETE FROM spans");
    let output = test
        .tthc(&["verify"])
        .status(5)
        .stderr_has("tthc: verification failed (300 mismatches):\n")
        .run();
    let lines: Vec<&str> = output.stderr.lines().collect();
    assert_eq!(lines.len(), 102, "{}", output.stderr);
    assert_eq!(lines[101], "... and 200 more");
    assert!(
        lines[1].starts_with("entry 1.100000 at province level: "),
        "{}",
        lines[1]
    );
}

#[test]
fn verify_needs_a_database() {
    Test::new()
        .tthc(&["verify"])
        .status(1)
        .stderr_has("tthc: no catalog database at catalog.db")
        .run();
}

/// The sample decision files, sorted by name.
fn sample_files() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = fs::read_dir(format!("{SAMPLE}/decisions"))
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "csv"))
        .collect();
    files.sort();
    assert_eq!(files.len(), 109, "sample decision files");
    files
}

#[test]
fn the_sample_history_imported_in_one_batch_verifies() {
    let test = Test::new();
    test.tthc(&["import"]).args(sample_files()).run();
    let output = assert_verifies(&test);
    assert!(
        output.stdout.contains("decisions: 109 "),
        "{}",
        output.stdout
    );
}

#[test]
fn the_sample_history_back_filled_by_a_second_batch_verifies() {
    let test = Test::new();
    let (second, first): (Vec<PathBuf>, Vec<PathBuf>) =
        sample_files().into_iter().partition(|path| {
            path.file_name()
                .is_some_and(|name| SAMPLE_BACKFILLED.iter().any(|b| name == *b))
        });
    assert_eq!(second.len(), SAMPLE_BACKFILLED.len());
    test.tthc(&["import"]).args(&first).run();
    test.tthc(&["import"]).args(&second).run();
    // The second batch goes before versions of the first: they are rewritten.
    let conn = Connection::open(test.db()).unwrap();
    let backfilled: i64 = conn
        .query_row(
            "SELECT count(*) FROM versions AS n WHERE n.decision_id > 106 AND EXISTS (
                 SELECT 1 FROM versions AS o WHERE o.code = n.code AND o.level = n.level
                     AND o.decision_id <= 106 AND o.effective > n.effective)",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(backfilled > 0, "the second batch back-fills no entry");
    drop(conn);
    let output = assert_verifies(&test);
    assert!(
        output.stdout.contains("decisions: 109 "),
        "{}",
        output.stdout
    );
}

/// A catalog written before the entry index and the interval tree were
/// tables of their own (schema 3) is upgraded when tthc next opens it, and
/// reads and verifies as before.
#[test]
fn a_catalog_of_schema_3_is_upgraded_when_opened() {
    let test = history();
    let reads = |test: &Test| {
        [
            vec!["export", "--format", "csv", "--as-of", "2023-07-01"],
            vec!["export", "--format", "csv", "--as-of", "2024-01-01"],
            vec!["history", "1.100001", "--format", "json"],
            vec!["history", "1.100004", "--format", "json"],
            vec!["decisions", "--format", "json"],
            vec!["diff", "1/QĐ-UBND", "3/QĐ-UBND", "--format", "json"],
            vec!["diff", "2023-01-01", "2024-01-01", "--format", "json"],
        ]
        .map(|args| test.tthc(&args).run().stdout)
    };
    let before = reads(&test);
    tamper(
        &test,
        "DROP TABLE entry_versions;
         DROP TABLE span_starts;
         DROP TABLE span_ends;
         CREATE INDEX versions_by_entry ON versions (code, level);
         CREATE INDEX spans_by_fork_from ON spans (fork, day_from);
         CREATE INDEX spans_by_fork_to ON spans (fork, day_to);
         DROP TABLE decision_days;
         ALTER TABLE decisions DROP COLUMN first_version;
         ALTER TABLE decisions DROP COLUMN last_version;
         CREATE INDEX versions_by_decision ON versions (decision_id);
         CREATE INDEX versions_by_effective ON versions (effective);
         ALTER TABLE versions DROP COLUMN online;
         ALTER TABLE versions DROP COLUMN inter_agency;
         DROP TABLE provenance;
         DROP TABLE provisional_codes;
         DROP TABLE reference_procedures;
         DROP TABLE reference_snapshots;
         DROP TABLE corrections;
         DROP TABLE settings;
         PRAGMA user_version = 3;",
    );
    assert_eq!(reads(&test), before);
    let conn = Connection::open(test.db()).unwrap();
    let version: i64 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    let migrations =
        std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/src/store/migrations"))
            .unwrap()
            .count();
    assert_eq!(version, migrations as i64);
    let filed: i64 = conn
        .query_row(
            "SELECT min((SELECT count(*) FROM entry_versions), (SELECT count(*) FROM span_starts),
                        (SELECT count(*) FROM decision_days))",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(filed > 0);
    assert_verifies(&test);
}

// --- the search index -------------------------------------------------------

/// The history with its search index built by a search.
fn searched() -> Test {
    let test = history();
    let found = test
        .tthc(&[
            "search",
            "nuoc mat",
            "--as-of",
            "2024-01-01",
            "--format",
            "csv",
        ])
        .run()
        .stdout;
    assert_eq!(found.lines().count(), 2, "{found}");
    test
}

/// An emptied search index used to pass `verify` while `search` found nothing.
#[test]
fn an_emptied_search_index_is_found() {
    let test = searched();
    tamper(&test, "DELETE FROM search_index");
    let found = test
        .tthc(&[
            "search",
            "nuoc mat",
            "--as-of",
            "2024-01-01",
            "--format",
            "csv",
        ])
        .run()
        .stdout;
    assert_eq!(found.lines().count(), 1, "{found}");
    let output = test.tthc(&["verify"]).status(5).run();
    assert!(
        output.stderr.contains("search index") && output.stderr.contains("1.100001"),
        "{}",
        output.stderr
    );
}

/// A version indexed under words it does not hold is found.
#[test]
fn a_search_index_holding_other_words_is_found() {
    let test = searched();
    let id = version(&test, "1/QĐ-UBND", "1.100003", 2, 0);
    tamper(
        &test,
        &format!(
            "DELETE FROM search_index WHERE rowid = {id};
             INSERT INTO search_index (rowid, body) VALUES ({id}, 'giay phep nuoc mat');"
        ),
    );
    assert_mismatches(
        &test,
        1,
        &[
            "entry 1.100003 at commune level: the added version by decision 1/QĐ-UBND signed 2023-01-05, effective 2023-01-15: the search index does not hold the words of its name, field and agency",
        ],
    );
}

/// A search index that claims more versions than the store holds (as after
/// the newest versions were deleted) is found.
#[test]
fn a_search_index_ahead_of_the_versions_is_found() {
    let test = searched();
    tamper(&test, "UPDATE search_state SET indexed_to = indexed_to + 3");
    assert_mismatches(
        &test,
        1,
        &["the search index says it indexed versions up to "],
    );
}

// --- a damaged file ------------------------------------------------------------

/// A truncated file used to exit 1.
#[test]
fn a_truncated_catalog_is_found() {
    let test = history();
    let bytes = fs::read(test.db()).unwrap();
    fs::write(test.db(), &bytes[..bytes.len() / 2]).unwrap();
    let output = test.tthc(&["verify"]).status(5).stdout("").run();
    assert!(
        output.stderr.starts_with("tthc: verification failed"),
        "{}",
        output.stderr
    );
}

/// Flips one byte of the schema that `SQLite` stores in the file: in a column
/// name (the schema still parses), or in a keyword (it does not).
fn flip_schema_byte(test: &Test, find: &str, at: usize) {
    let mut bytes = fs::read(test.db()).unwrap();
    let start = bytes
        .windows(find.len())
        .position(|w| w == find.as_bytes())
        .unwrap_or_else(|| panic!("{find} is not in the file"));
    bytes[start + at] ^= 0x01;
    fs::write(test.db(), bytes).unwrap();
}

/// A flipped schema byte used to exit 1.
#[test]
fn a_flipped_schema_byte_is_found() {
    let test = history();
    flip_schema_byte(&test, "legal_basis     TEXT", 0);
    let output = test.tthc(&["verify"]).status(5).stdout("").run();
    assert!(output.stderr.contains("legal_basis"), "{}", output.stderr);
    let test = history();
    flip_schema_byte(&test, "CREATE TABLE spans", 2);
    test.tthc(&["verify"]).status(5).stdout("").run();
}

// --- an anchor kept outside the store ---------------------------------------------

/// The chain hash of the last decision imported, as `tthc decisions` shows it.
fn chain_head(test: &Test) -> String {
    let log: serde_json::Value = test.tthc(&["decisions", "--format", "json"]).run().json();
    log["decisions"].as_array().unwrap().last().unwrap()["chain_sha256"]
        .as_str()
        .unwrap()
        .to_owned()
}

/// Replaces the test's catalog with one holding these decisions, imported
/// one by one: a consistent store, as someone rewriting the history whole
/// (hashes recomputed) would leave it.
fn rewrite_whole(test: &Test, files: &[(&str, String)]) {
    let forged = Test::new();
    for (name, text) in files {
        forged.write(name, text);
        forged.import(&[name]);
    }
    fs::copy(forged.db(), test.db()).unwrap();
}

fn fixture(name: &str) -> (&str, String) {
    (name, crate::common::fixture_text(name))
}

/// Deleting the newest decision (with everything it wrote) leaves a store
/// that checks itself; the chain head kept from before proves the deletion.
#[test]
fn a_deleted_newest_decision_is_found_against_the_chain_head_kept() {
    let test = Test::imported_one_by_one(&FIXTURES[..3]);
    let head = chain_head(&test);
    test.tthc(&["verify", "--head", &head])
        .stdout_has("no mismatch")
        .stdout_has(&format!("anchor: {head}"))
        .run();
    rewrite_whole(&test, &[fixture(FIXTURES[0]), fixture(FIXTURES[1])]);
    // Without an anchor nothing can tell.
    assert_verifies(&test);
    let output = test
        .tthc(&["verify", "--head", &head])
        .status(5)
        .stdout("")
        .stderr_has(&format!(
            "the chain head {head} given by --head is not in the store"
        ))
        .run();
    assert!(output.stderr.contains("2 decisions"), "{}", output.stderr);
}

/// A newest decision rewritten (or forged) with every hash recomputed is
/// found against the manifest of an export made before.
#[test]
fn a_rewritten_newest_decision_is_found_against_an_export_manifest() {
    let test = Test::imported_one_by_one(&FIXTURES[..3]);
    test.tthc(&["export", "-o", "danh-muc.csv", "--manifest"])
        .run();
    let forged = crate::common::fixture_text(FIXTURES[2]).replace("25 ngày", "45 ngày");
    rewrite_whole(
        &test,
        &[
            fixture(FIXTURES[0]),
            fixture(FIXTURES[1]),
            (FIXTURES[2], forged),
        ],
    );
    assert_verifies(&test);
    let output = test
        .tthc(&["verify", "--manifest", "danh-muc.csv.manifest.json"])
        .status(5)
        .stdout("")
        .run();
    assert!(
        output.stderr.contains("danh-muc.csv.manifest.json")
            && output.stderr.contains("is not in the store"),
        "{}",
        output.stderr
    );
}

/// The chain head of an earlier export proves the history up to it, while
/// decisions imported since are checked as any are.
#[test]
fn the_chain_head_of_an_earlier_export_proves_the_history_before_it() {
    let test = Test::with(&FIXTURES);
    test.import(&FIXTURES[..2]);
    let head = chain_head(&test);
    test.tthc(&["export", "-o", "danh-muc.csv", "--manifest"])
        .run();
    test.import(&FIXTURES[2..3]);
    test.import(&FIXTURES[3..]);
    let output = test
        .tthc(&["verify", "--manifest", "danh-muc.csv.manifest.json"])
        .stdout_has("no mismatch found")
        .run();
    assert!(
        output.stdout.contains(&format!(
            "anchor: {head} (danh-muc.csv.manifest.json) is the chain hash of decision 2 of 4: the store holds it and every decision before it unchanged"
        )),
        "{}",
        output.stdout
    );
    test.tthc(&["verify", "--head", &head.to_uppercase()])
        .stdout_has("decision 2 of 4")
        .run();
}

/// An anchor that is no chain hash, or a file that is no manifest, is a
/// usage error.
#[test]
fn verify_anchors_must_be_chain_hashes_or_manifests() {
    let test = history();
    for bad in ["7a41c4d4d977", "zz", &"g".repeat(64)] {
        test.tthc(&["verify", "--head", bad])
            .status(2)
            .stderr_has("tthc: ")
            .run();
    }
    test.write("not-a-manifest.json", "{\"file\": \"x.csv\"}");
    test.tthc(&["verify", "--manifest", "not-a-manifest.json"])
        .status(2)
        .stderr_has("tthc: --manifest not-a-manifest.json: ")
        .run();
    test.tthc(&["verify", "--manifest", "missing.json"])
        .status(1)
        .stderr_has("missing.json")
        .run();
}

/// `verify --format json` gives scripts what was checked and, on a
/// mismatch (exit 5), the mismatches, as well as the text on stderr.
#[test]
fn verify_reports_in_json_for_scripts() {
    let test = history();
    let ok: serde_json::Value = test.tthc(&["verify", "--format", "json"]).run().json();
    assert_eq!(ok["verified"], true, "{ok}");
    assert_eq!(ok["decisions"], 4);
    assert_eq!(ok["mismatches"], serde_json::json!([]));
    assert_eq!(ok["mismatches_total"], 0);
    assert_eq!(ok["chain_head"].as_str().map(str::len), Some(64));
    let id = version(&test, "2/QĐ-UBND", "1.100001", 0, 0);
    tamper(
        &test,
        &format!("UPDATE versions SET name = 'Tên bị sửa' WHERE id = {id}"),
    );
    let out = test.tthc(&["verify", "--format", "json"]).status(5).run();
    let bad: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(bad["verified"], false, "{bad}");
    assert!(bad["mismatches_total"].as_u64().unwrap() >= 1, "{bad}");
    assert!(
        bad["mismatches"][0].as_str().unwrap().contains("1.100001"),
        "{bad}"
    );
    assert!(!out.stderr.is_empty());
}

// --- languages -------------------------------------------------------------------

/// The mismatches of a tampered store are told in Vietnamese on stderr with
/// `--lang vi`, and kept in English in the JSON report, byte for byte the
/// same in both languages.
#[test]
fn a_tampered_store_is_told_in_vietnamese_and_its_json_stays_english() {
    let test = history();
    let id = version(&test, "2/QĐ-UBND", "1.100001", 0, 0);
    tamper(
        &test,
        &format!("UPDATE versions SET name = 'Tên bị sửa' WHERE id = {id}"),
    );
    let out = test
        .tthc(&["verify", "--lang", "vi"])
        .status(5)
        .stdout("")
        .stderr_has("tthc: kiểm tra không khớp (1 chỗ sai lệch):\n")
        .stderr_has(
            "thủ tục 1.100001 cấp tỉnh: phiên bản sửa đổi, bổ sung theo quyết định 2/QĐ-UBND ký ngày 02/05/2023, có hiệu lực ngày 01/06/2023 ghi Tên thủ tục \"Tên bị sửa\" trong khi theo lịch sử là \"Cấp giấy phép khai thác sử dụng nước mặt\"",
        )
        .run();
    for english in ["entry", "version", "decision", "history gives"] {
        assert!(!out.stderr.contains(english), "{english}: {}", out.stderr);
    }
    let json = |lang: &str| {
        test.tthc(&["verify", "--format", "json", "--lang", lang])
            .status(5)
            .run()
    };
    let (en, vi) = (json("en"), json("vi"));
    assert_eq!(vi.stdout, en.stdout);
    assert!(
        en.stdout
            .contains("the amended version by decision 2/QĐ-UBND"),
        "{}",
        en.stdout
    );
    // Beside the JSON, stderr is in the run's language.
    assert!(
        vi.stderr.contains("phiên bản sửa đổi, bổ sung"),
        "{}",
        vi.stderr
    );
    assert!(en.stderr.contains("the amended version"), "{}", en.stderr);
}

/// A chain head given by --head that the store no longer holds, in Vietnamese.
#[test]
fn a_missing_anchor_is_told_in_vietnamese() {
    let test = history();
    let head = "ab".repeat(32);
    test.tthc(&["verify", "--head", &head, "--lang", "vi"])
        .status(5)
        .stderr_has(&format!(
            "đầu chuỗi băm {head} nêu tại --head không có trong cơ sở dữ liệu"
        ))
        .run();
    let json = |lang: &str| {
        test.tthc(&[
            "verify", "--head", &head, "--format", "json", "--lang", lang,
        ])
        .status(5)
        .run()
        .stdout
    };
    assert_eq!(json("vi"), json("en"));
    // A head the store holds: the report says so in Vietnamese.
    let head = chain_head(&test);
    test.tthc(&["verify", "--head", &head, "--lang", "vi"])
        .stdout_has(&format!(
            "mốc đối chiếu: {head} (--head) là mã băm chuỗi của quyết định thứ 4 trên 4"
        ))
        .run();
}

/// A damaged catalog: how its schema differs is told in Vietnamese, and
/// kept in English in the JSON report.
#[test]
fn a_damaged_catalog_is_told_in_vietnamese_and_its_json_stays_english() {
    let test = history();
    flip_schema_byte(&test, "legal_basis     TEXT", 0);
    let out = test
        .tthc(&["verify", "--lang", "vi"])
        .status(5)
        .stdout("")
        .stderr_has("tthc: kiểm tra không khớp (")
        .stderr_has("khác với của tthc")
        .run();
    assert!(!out.stderr.contains("differs"), "{}", out.stderr);
    let json = |lang: &str| {
        test.tthc(&["verify", "--format", "json", "--lang", lang])
            .status(5)
            .run()
            .stdout
    };
    let en = json("en");
    assert!(en.contains("differs from tthc's"), "{en}");
    assert_eq!(json("vi"), en);
}
