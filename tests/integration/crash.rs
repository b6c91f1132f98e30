//! Crash safety: an import killed with SIGKILL at any point, into a new
//! database or on top of an existing catalog, leaves a database that opens,
//! passes `tthc verify`, and holds exactly the catalog it held before the
//! import began; the same import, run again, then succeeds.
//!
//! The kill points are fractions of what the same import writes before it
//! commits (its write-ahead log, or the growth of a new database file during
//! its bulk load), measured on a copy left to finish; so they fall early,
//! midway and late in the import, during the commit too, whatever the speed or
//! load of the machine. A kill that lands after the commit may leave the
//! complete import instead, which is just as good; the tests check that most
//! kills did interrupt the import.
//!
//! The helpers here (generated histories, imports run in the background,
//! whole-database fingerprints) are shared with the concurrency tests.

use std::fmt::Write as _;
use std::fs::{self, File};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::OnceLock;
use std::thread;
use std::time::Duration;

use rusqlite::Connection;
use sha2::{Digest, Sha256};

use crate::common::{BIN, Counts, DB, Test, csv_export};
use crate::generator::{Config, Summary, generate};

/// Rows of the generated history the crash and concurrency tests import: a few hundred thousand.
const ROWS: u64 = 300_000;
const SEED: u64 = 11;

/// Rows of that history already in the catalog when an import is killed on top of it.
const BASE_ROWS: usize = 50_000;

/// Where the import is killed, as percentages of what it writes before it commits.
const KILL_AT: [u64; 4] = [5, 35, 70, 95];

/// How often a running import's files are looked at.
const POLL: Duration = Duration::from_millis(5);

/// How many of the kills must have interrupted the import (left the catalog as
/// before rather than complete) for the test to mean anything.
const MUST_INTERRUPT: usize = 3;

/// Dates at which [`state`] exports the catalog: across the generated
/// history (2010 to 2027), before and after the abolition of districts.
const STATE_DATES: [&str; 4] = ["2012-06-30", "2019-01-01", "2025-06-30", "2030-01-01"];

/// The history of [`ROWS`] rows, generated once for all the tests that use it.
pub(crate) fn large_history() -> &'static (String, Summary) {
    static HISTORY: OnceLock<(String, Summary)> = OnceLock::new();
    HISTORY.get_or_init(|| history(ROWS, SEED))
}

/// [`large_history`] split in two: the first [`BASE_ROWS`] rows or so, and the rest.
pub(crate) fn large_history_split() -> &'static (String, String) {
    static SPLIT: OnceLock<(String, String)> = OnceLock::new();
    SPLIT.get_or_init(|| split_history(&large_history().0, BASE_ROWS))
}

/// A generated history as CSV text (one row a line), with the generator's summary.
pub(crate) fn history(rows: u64, seed: u64) -> (String, Summary) {
    let mut out = Vec::new();
    let summary = generate(&Config { rows, seed }, &mut out).unwrap();
    let text = String::from_utf8(out).unwrap();
    // The splitting below relies on it: no cell holds a line break.
    assert_eq!(text.lines().count() as u64, rows + 1);
    (text, summary)
}

/// Splits a history before the first decision that starts at or after data
/// row `at` (0-based): two decision files, each with the header. A decision's
/// rows are never split between the two.
pub(crate) fn split_history(text: &str, at: usize) -> (String, String) {
    let mut lines = text.split_inclusive('\n');
    let header = lines.next().unwrap();
    let rows: Vec<&str> = lines.collect();
    let mut cut = at.clamp(1, rows.len());
    while cut < rows.len() && decision(rows[cut]) == decision(rows[cut - 1]) {
        cut += 1;
    }
    (
        format!("{header}{}", rows[..cut].concat()),
        format!("{header}{}", rows[cut..].concat()),
    )
}

/// The decision (number and signing date) of a row of a generated history.
fn decision(line: &str) -> Vec<&str> {
    line.splitn(3, ',').take(2).collect()
}

/// The counts the generator expects once the whole history is imported.
pub(crate) fn final_counts(summary: &Summary) -> Counts {
    Counts::new(
        &summary.last_effective,
        [
            summary.province,
            summary.district,
            summary.commune,
            summary.total,
            summary.procedures,
        ],
    )
}

/// What one run of `tthc` returned.
#[derive(Debug)]
pub(crate) struct Outcome {
    pub(crate) code: Option<i32>,
    pub(crate) stdout: String,
    pub(crate) stderr: String,
}

/// Runs `tthc --db catalog.db ARGS` in the test's directory and returns whatever it
/// answers, for the callers that accept more than one outcome.
pub(crate) fn run_tthc(test: &Test, args: &[&str]) -> Outcome {
    let output = Command::new(BIN)
        .args(["--db", DB])
        .args(args)
        .current_dir(test.dir())
        .env_remove("TTHC_DB")
        .stdin(Stdio::null())
        .output()
        .unwrap();
    let outcome = Outcome {
        code: output.status.code(),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    };
    assert!(
        !outcome.stderr.contains("panicked"),
        "tthc {args:?} panicked: {}",
        outcome.stderr
    );
    outcome
}

/// Starts `tthc import FILES` in the background; its output goes to
/// `LOG.out` and `LOG.err` in the test's directory.
pub(crate) fn spawn_import(test: &Test, files: &[&str], log: &str) -> Child {
    Command::new(BIN)
        .args(["--db", DB, "import"])
        .args(files)
        .current_dir(test.dir())
        .env_remove("TTHC_DB")
        .stdin(Stdio::null())
        .stdout(File::create(test.path(&format!("{log}.out"))).unwrap())
        .stderr(File::create(test.path(&format!("{log}.err"))).unwrap())
        .spawn()
        .unwrap()
}

/// Bytes an import has written so far: its write-ahead log, what it added
/// to the database file, or the size of the new catalog a first import builds
/// beside it (see [`side_files`]). Each peaks at the commit; the checkpoint
/// after it adds no more.
fn written(test: &Test, db_before: u64) -> u64 {
    let size =
        |suffix: &str| fs::metadata(test.path(&format!("{DB}{suffix}"))).map_or(0, |m| m.len());
    let building = side_files(test)
        .iter()
        .filter_map(|p| fs::metadata(p).ok())
        .map(|m| m.len())
        .max()
        .unwrap_or(0);
    size("-wal")
        .max(size("").saturating_sub(db_before))
        .max(building)
}

/// The files of a new catalog a first import is building beside the
/// database (`.catalog.db.XXXXXX.tthc-new`, and its journal), which become
/// the database only once the import has committed.
pub(crate) fn side_files(test: &Test) -> Vec<PathBuf> {
    let prefix = format!(".{DB}.");
    fs::read_dir(test.dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with(&prefix) && n.contains(".tthc-new"))
        })
        .collect()
}

fn db_size(test: &Test) -> u64 {
    fs::metadata(test.db()).map_or(0, |m| m.len())
}

/// Runs an import to its end, checks that it succeeded, and returns how many
/// bytes it wrote up to its commit (see [`written`]).
pub(crate) fn measured_import(test: &Test, files: &[&str]) -> u64 {
    let db_before = db_size(test);
    let mut child = spawn_import(test, files, "measured");
    let mut most = 0;
    let status = loop {
        most = most.max(written(test, db_before));
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        thread::sleep(POLL);
    };
    assert!(
        status.success(),
        "import {files:?} failed: {status}\n{}",
        test.read("measured.err")
    );
    assert!(most > 0, "the import wrote nothing");
    most
}

/// Copies the catalog of one test into another (tthc has exited: no log is left).
pub(crate) fn copy_catalog(from: &Test, to: &Test) {
    for suffix in ["-wal", "-journal"] {
        let side = from.path(&format!("{DB}{suffix}"));
        assert!(!side.exists(), "{} is left", side.display());
    }
    fs::copy(from.db(), to.db()).unwrap();
}

/// Everything the catalog holds: the CSV exports at [`STATE_DATES`] and a
/// fingerprint of every stored decision, version and validity interval.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct State {
    /// SHA-256 of each export.
    pub(crate) exports: Vec<String>,
    /// SHA-256 of the history tables (see [`tables_fingerprint`]).
    pub(crate) tables: String,
}

/// The state of a test's catalog. No database, or one whose schema is not
/// there yet, is the empty catalog; any other failure to read it fails the test.
pub(crate) fn state(test: &Test) -> State {
    let exports = STATE_DATES
        .iter()
        .map(|date| {
            let out = run_tthc(test, &["export", "--format", "csv", "--as-of", date]);
            match out.code {
                Some(0) => sha256_hex(out.stdout.as_bytes()),
                Some(1) if out.stderr.contains("no catalog database") => {
                    sha256_hex(csv_export(&[]).as_bytes())
                }
                _ => panic!("export as of {date} failed: {out:?}"),
            }
        })
        .collect();
    State {
        exports,
        tables: tables_fingerprint(&test.db()),
    }
}

fn sha256_hex(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().fold(String::new(), |mut s, b| {
        let _ = write!(s, "{b:02x}");
        s
    })
}

/// SHA-256 over every row of the history tables, in id order. The import
/// time is left out, so two imports of the same files compare equal.
fn tables_fingerprint(db: &Path) -> String {
    let mut hasher = Sha256::new();
    if db.exists() {
        let conn = Connection::open(db).unwrap();
        for table in ["decisions", "versions", "spans"] {
            let present: bool = conn
                .query_row(
                    "SELECT EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?1)",
                    [table],
                    |r| r.get(0),
                )
                .unwrap();
            if !present {
                continue;
            }
            let columns: Vec<String> = conn
                .prepare(&format!("SELECT * FROM {table} LIMIT 0"))
                .unwrap()
                .column_names()
                .filter(|c| *c != "imported_at")
                .map(|c| format!("quote({c})"))
                .collect();
            // One SQL literal per value, so the row text is unambiguous.
            let sql = format!(
                "SELECT concat_ws(',', {}) FROM {table} ORDER BY id",
                columns.join(", ")
            );
            let mut stmt = conn.prepare(&sql).unwrap();
            let mut rows = stmt.query([]).unwrap();
            while let Some(row) = rows.next().unwrap() {
                hasher.update(table.as_bytes());
                hasher.update(row.get_ref(0).unwrap().as_bytes().unwrap());
                hasher.update(b"\n");
            }
        }
    }
    hex(&hasher.finalize())
}

#[cfg(unix)]
fn killed_by_sigkill(status: ExitStatus) -> bool {
    use std::os::unix::process::ExitStatusExt;
    status.signal() == Some(9)
}

#[cfg(not(unix))]
fn killed_by_sigkill(status: ExitStatus) -> bool {
    !status.success()
}

/// Kills the import of `files` at each of [`KILL_AT`] and checks what it
/// leaves: a database that opens and verifies, holding `before` (or, when the
/// kill came after the commit, `after`).
fn kill_repeatedly(test: &Test, files: &[&str], total: u64, before: &State, after: &State) {
    let mut interrupted = 0;
    for percent in KILL_AT {
        let db_before = db_size(test);
        let mut child = spawn_import(test, files, "killed");
        let threshold = total * percent / 100;
        let finished = loop {
            if let Some(status) = child.try_wait().unwrap() {
                break Some(status);
            }
            if written(test, db_before) >= threshold {
                break None;
            }
            thread::sleep(POLL);
        };
        child.kill().unwrap_or_default();
        let status = child.wait().unwrap();
        let context = format!(
            "import killed at {percent}% of what it writes ({})",
            if finished.is_some() {
                "it had already finished".to_owned()
            } else {
                format!("status {status}")
            }
        );
        if finished.is_none() {
            assert!(killed_by_sigkill(status), "{context}");
        }
        // A first import killed leaves its unfinished catalog beside the
        // database, never in its place; the clerk may delete it.
        for side in side_files(test) {
            fs::remove_file(&side).unwrap();
        }
        // The database opens (or was never created) ...
        let counts = run_tthc(test, &["counts", "--format", "json"]);
        let exists = match counts.code {
            Some(0) => true,
            Some(1) if counts.stderr.contains("no catalog database") => false,
            _ => panic!("{context}: the database does not open: {counts:?}"),
        };
        // ... it verifies ...
        if exists {
            let verify = run_tthc(test, &["verify"]);
            assert_eq!(verify.code, Some(0), "{context}: tthc verify: {verify:?}");
        }
        // ... and it holds the catalog as it was, or as the finished import left it.
        let now = state(test);
        if now == *before {
            interrupted += 1;
        } else {
            assert!(
                now == *after,
                "{context}: the catalog is neither as before the import nor as after it\n\
                 now:    {now:?}\nbefore: {before:?}\nafter:  {after:?}"
            );
        }
    }
    assert!(
        interrupted >= MUST_INTERRUPT,
        "only {interrupted} of {} kills interrupted the import",
        KILL_AT.len()
    );
}

#[test]
fn an_import_into_a_new_database_killed_at_any_point_leaves_no_catalog() {
    let (history_csv, summary) = large_history();
    let reference = Test::new();
    reference.write("history.csv", history_csv);
    let total = measured_import(&reference, &["history.csv"]);
    let after = state(&reference);

    let test = Test::new();
    test.write("history.csv", history_csv);
    let before = state(&test);
    assert_ne!(before, after);
    kill_repeatedly(&test, &["history.csv"], total, &before, &after);

    let imported = test.import(&["history.csv"]);
    assert_eq!(
        (imported.decisions, imported.rows),
        (summary.decisions, summary.rows)
    );
    assert_eq!(state(&test), after);
    assert_eq!(test.counts(&summary.last_effective), final_counts(summary));
}

#[test]
fn an_import_on_top_of_a_catalog_killed_at_any_point_leaves_the_catalog_as_it_was() {
    let summary = &large_history().1;
    // The catalog holds the first rows; the import killed brings the rest.
    let (base, top) = large_history_split();
    let test = Test::new();
    test.write("base.csv", base).write("top.csv", top);
    test.import(&["base.csv"]);
    let reference = Test::new();
    reference.write("top.csv", top);
    copy_catalog(&test, &reference);
    let total = measured_import(&reference, &["top.csv"]);
    let after = state(&reference);
    let before = state(&test);
    assert_ne!(before, after);

    kill_repeatedly(&test, &["top.csv"], total, &before, &after);

    let imported = test.import(&["top.csv"]);
    assert!(imported.decisions > 0 && imported.skipped.is_empty());
    assert_eq!(state(&test), after);
    assert_eq!(test.counts(&summary.last_effective), final_counts(summary));
}
