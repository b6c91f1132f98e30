//! `tthc decisions`: the decision log in order of import, as a table, JSON and csv.

use std::fmt::Write as _;

use serde::Deserialize;
use sha2::{Digest, Sha256};

use crate::common::{Test, fixture_text};

/// Decisions 1 to 3, then 04 back-filled by a later import.
const FIXTURES: [&str; 4] = [
    "verify/d1-base.csv",
    "verify/d2-changes.csv",
    "verify/d3-later.csv",
    "verify/d4-backfill.csv",
];

const CSV_HEADER: &str = "number,signed,effective_first,effective_last,added,amended,replaced,repealed,rows,source,source_sha256,imported_at,imported_by,chain_sha256,status,corrected_at,corrected_by,correction_reason";

/// `tthc decisions --format json`
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Log {
    decisions: Vec<Record>,
}

#[derive(Debug, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
struct Record {
    number: String,
    signed: String,
    effective_first: String,
    effective_last: String,
    added: u64,
    amended: u64,
    replaced: u64,
    repealed: u64,
    rows: u64,
    source: String,
    source_sha256: String,
    imported_at: String,
    imported_by: String,
    chain_sha256: String,
    status: String,
    corrected_at: Option<String>,
    corrected_by: Option<String>,
    correction_reason: Option<String>,
}

/// The fixture history imported in two batches by the user `clerk`.
fn history() -> Test {
    let test = Test::with(&FIXTURES);
    for batch in [&FIXTURES[..3], &FIXTURES[3..]] {
        test.tthc(&["import"])
            .args(batch)
            .env("USER", "clerk")
            .run();
    }
    test
}

fn log(test: &Test) -> Vec<Record> {
    test.tthc(&["decisions", "--format", "json"])
        .run()
        .json::<Log>()
        .decisions
}

fn sha256(text: &str) -> String {
    Sha256::digest(text.as_bytes())
        .iter()
        .fold(String::new(), |mut hex, b| {
            let _ = write!(hex, "{b:02x}");
            hex
        })
}

/// `(number, signed, effective_first, effective_last, [added, amended, replaced, repealed], rows, source)`
type Expected = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    [u64; 4],
    u64,
    &'static str,
);

const EXPECTED: [Expected; 4] = [
    (
        "1/QĐ-UBND",
        "2023-01-05",
        "2023-01-15",
        "2023-01-15",
        [5, 0, 0, 0],
        5,
        "verify/d1-base.csv",
    ),
    (
        "2/QĐ-UBND",
        "2023-05-02",
        "2023-06-01",
        "2023-06-15",
        [0, 1, 2, 1],
        4,
        "verify/d2-changes.csv",
    ),
    (
        "3/QĐ-UBND",
        "2023-09-01",
        "2023-10-01",
        "2023-10-01",
        [1, 1, 0, 0],
        2,
        "verify/d3-later.csv",
    ),
    (
        "04/QĐ-UBND",
        "2023-03-01",
        "2023-03-10",
        "2023-03-10",
        [0, 2, 0, 0],
        2,
        "verify/d4-backfill.csv",
    ),
];

#[test]
fn the_log_lists_decisions_in_order_of_import() {
    let test = history();
    let log = log(&test);
    assert_eq!(log.len(), EXPECTED.len());
    for (record, (number, signed, first, last, actions, rows, source)) in log.iter().zip(EXPECTED) {
        assert_eq!(record.number, number);
        assert_eq!(record.signed, signed, "{number}");
        assert_eq!(
            (
                record.effective_first.as_str(),
                record.effective_last.as_str()
            ),
            (first, last),
            "{number}"
        );
        assert_eq!(
            [
                record.added,
                record.amended,
                record.replaced,
                record.repealed
            ],
            actions,
            "{number}"
        );
        assert_eq!(record.rows, rows, "{number}");
        assert_eq!(record.source, source, "{number}");
        assert_eq!(
            record.source_sha256,
            sha256(&fixture_text(source)),
            "{number}"
        );
        assert_eq!(record.imported_by, "clerk", "{number}");
        let at = &record.imported_at;
        assert!(
            at.len() == 20 && at.ends_with('Z') && at.as_bytes()[10] == b'T',
            "{at}"
        );
        assert_eq!(record.chain_sha256.len(), 64, "{number}");
        assert_eq!(
            (
                record.status.as_str(),
                &record.corrected_at,
                &record.corrected_by,
                &record.correction_reason
            ),
            ("imported", &None, &None, &None),
            "{number}"
        );
    }
    // Decisions of one batch share the time of import.
    assert_eq!(log[0].imported_at, log[2].imported_at);
}

#[test]
fn the_last_chain_hash_is_the_chain_head_verify_reports() {
    let test = history();
    let log = log(&test);
    let head = &log[log.len() - 1].chain_sha256;
    test.tthc(&["verify"])
        .stdout_has(&format!("chain head: {head}\n"))
        .run();
    let mut chains: Vec<&str> = log.iter().map(|r| r.chain_sha256.as_str()).collect();
    chains.dedup();
    assert_eq!(chains.len(), log.len(), "every link differs");
}

#[test]
fn a_re_import_adds_no_line() {
    let test = history();
    let before = log(&test);
    test.tthc(&["import"])
        .args(&FIXTURES[1..2])
        .stdout_has("already imported")
        .run();
    assert_eq!(log(&test), before);
}

#[test]
fn csv_has_the_json_keys_as_header() {
    let test = history();
    let log = log(&test);
    let csv = test.tthc(&["decisions", "--format", "csv"]).run().stdout;
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines[0], CSV_HEADER);
    assert_eq!(lines.len(), 5, "{csv}");
    let last = &log[3];
    assert_eq!(
        lines[4],
        format!(
            "04/QĐ-UBND,2023-03-01,2023-03-10,2023-03-10,0,2,0,0,2,verify/d4-backfill.csv,{},{},clerk,{},imported,,,",
            last.source_sha256, last.imported_at, last.chain_sha256
        )
    );
}

#[test]
fn the_table_is_the_default_format() {
    let test = history();
    let log = log(&test);
    let output = test
        .tthc(&["decisions", "--format", "table"])
        .stdout_has("Decision")
        .stdout_has("+ ~ ⇄ −")
        .stdout_has("04/QĐ-UBND")
        .stdout_has("2023-06-01…2023-06-15")
        .stdout_has("d2-changes.csv")
        .stdout_has("0 1 2 1")
        .run();
    // The compact table leaves hashes to csv and json, and fits 100 columns.
    let chain = &log[1].chain_sha256;
    assert!(!output.stdout.contains(&chain[..12]), "{}", output.stdout);
    assert!(
        output.stdout.lines().all(|l| l.chars().count() <= 100),
        "{}",
        output.stdout
    );
    let rows = output
        .stdout
        .lines()
        .filter(|l| l.contains("/QĐ-UBND"))
        .count();
    assert_eq!(rows, 4, "{}", output.stdout);
}

/// `-n`, `--since` and `--until` narrow the log; each decision keeps its
/// place in it.
#[test]
fn the_log_can_be_narrowed_by_count_and_signing_date() {
    let test = history();
    let numbers = |args: &[&str]| -> Vec<String> {
        let out = test
            .tthc(&["decisions", "--format", "csv"])
            .args(args)
            .run()
            .stdout;
        out.lines()
            .skip(1)
            .map(|l| l.split(',').next().unwrap().to_owned())
            .collect()
    };
    let all = numbers(&[]);
    assert_eq!(all.len(), 4);
    assert_eq!(numbers(&["-n", "2"]), all[2..]);
    assert_eq!(numbers(&["--limit", "9"]), all);
    assert_eq!(
        numbers(&["--since", "2023-05-02", "--until", "2023-05-02"]),
        ["2/QĐ-UBND"]
    );
    test.tthc(&["decisions", "-n", "1", "--format", "table"])
        .stdout_has("│ 4 ")
        .run();
}

/// A catalog that holds no decision (every row deleted) has an empty log;
/// an empty file is no catalog at all.
#[test]
fn an_empty_catalog_has_an_empty_log() {
    let test = Test::new();
    test.write("catalog.db", "");
    test.tthc(&["decisions"])
        .status(2)
        .stderr_has("tthc: catalog.db is not a tthc catalog: it is an empty file")
        .run();
    std::fs::remove_file(test.path("catalog.db")).unwrap();
    test.write("base.csv", fixture_text("base.csv"));
    test.import(&["base.csv"]);
    let conn = rusqlite::Connection::open(test.db()).unwrap();
    conn.execute_batch(
        "DELETE FROM span_starts; DELETE FROM span_ends; DELETE FROM spans;
         DELETE FROM entry_versions; DELETE FROM decision_days; DELETE FROM versions;
         DELETE FROM decisions;",
    )
    .unwrap();
    drop(conn);
    test.tthc(&["decisions", "--format", "table"])
        .stdout("No decision imported yet.\n")
        .run();
    assert!(log(&test).is_empty());
    test.tthc(&["decisions", "--format", "csv"])
        .stdout(format!("{CSV_HEADER}\n"))
        .run();
}

#[test]
fn decisions_needs_a_database() {
    Test::new()
        .tthc(&["decisions", "--format", "table"])
        .status(1)
        .stderr_has("tthc: no catalog database at catalog.db")
        .run();
}

/// A decision's versions are found by the range of ids between its first
/// and last row: rows of two decisions interleaved in one file put the other
/// decision's versions inside that range, and they must not be counted.
#[test]
fn interleaved_decisions_count_only_their_own_rows() {
    let test = Test::new();
    test.write(
        "mixed.csv",
        "decision,signed,effective,action,code,level,name,field\n\
         1/QĐ-UBND,2024-01-05,2024-01-10,added,1.000001,province,Thủ tục 1,Nội vụ\n\
         2/QĐ-UBND,2024-01-06,2024-02-10,added,1.000002,province,Thủ tục 2,Nội vụ\n\
         1/QĐ-UBND,2024-01-05,2024-01-10,added,1.000003,commune,Thủ tục 3,Nội vụ\n\
         2/QĐ-UBND,2024-01-06,2024-02-10,repealed,1.000001,province,,\n\
         1/QĐ-UBND,2024-01-05,2024-01-12,added,1.000004,province,Thủ tục 4,Tư pháp\n",
    );
    test.import(&["mixed.csv"]);
    let counts: Vec<(String, u64, u64, u64)> = log(&test)
        .into_iter()
        .map(|r| (r.number, r.added, r.repealed, r.rows))
        .collect();
    assert_eq!(
        counts,
        [
            ("1/QĐ-UBND".to_owned(), 3, 0, 3),
            ("2/QĐ-UBND".to_owned(), 1, 1, 2)
        ]
    );
    // The catalog right after decision 1 holds its three entries, not 1.000002.
    let diff = test
        .tthc(&["diff", "2024-01-01", "1/QĐ-UBND", "--format", "csv"])
        .run()
        .stdout;
    assert_eq!(diff.lines().count(), 4, "{diff}");
    assert!(!diff.contains("1.000002"), "{diff}");
    let between = test
        .tthc(&["diff", "1/QĐ-UBND", "2/QĐ-UBND", "--format", "csv"])
        .run()
        .stdout;
    assert!(
        between.contains("1.000002") && between.contains("1.000001"),
        "{between}"
    );
    test.tthc(&["verify"]).run();
}
