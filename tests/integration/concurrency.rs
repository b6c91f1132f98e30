//! Readers during a write, and two imports at once.
//!
//! While a large import runs, other processes keep asking for exports and
//! counts. Every answer must be the catalog as it was before the import or as
//! it is after it, never a mix, and no reader may fail because the database
//! is locked. Two imports started together must both land, one after the
//! other, or the one that cannot get the write lock must fail with a clear
//! message and exit 1, writing nothing.

use std::io::Write as _;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread;
use std::time::Duration;

use rusqlite::{Connection, ErrorCode};

use crate::common::{BIN, Counts, DB, Test, decision_file};
use crate::crash::{
    final_counts, large_history, large_history_split, run_tthc, side_files, spawn_import, state,
};

/// What the readers keep asking: the catalog at the end of the generated
/// history and before the abolition of districts, the counts, and a diff
/// (two catalogs read by one command: both from the same state).
const QUESTIONS: [&[&str]; 4] = [
    &["export", "--format", "csv", "--as-of", "2030-01-01"],
    &["counts", "--format", "csv", "--as-of", "2030-01-01"],
    &["export", "--format", "csv", "--as-of", "2025-06-30"],
    &["diff", "2025-06-30", "2030-01-01", "--format", "json"],
];

/// Reader processes running side by side.
const READERS: usize = 2;

/// What `stderr` says when another import holds the write lock.
const BUSY: &str = "another import is writing to the catalog; try again when it has finished";

/// One reader's answer.
#[derive(Debug)]
struct Answer {
    question: usize,
    code: Option<i32>,
    stdout: String,
    stderr: String,
    /// The import was still running when the answer came.
    during: bool,
}

/// Every question's answer now.
fn answers_now(test: &Test) -> Vec<String> {
    QUESTIONS
        .iter()
        .map(|args| {
            let out = run_tthc(test, args);
            assert_eq!(out.code, Some(0), "tthc {args:?}: {out:?}");
            out.stdout
        })
        .collect()
}

/// Keeps [`READERS`] readers asking [`QUESTIONS`] until `import` exits; returns
/// their answers and how the import ended.
fn ask_while_importing(test: &Test, mut import: Child) -> (Vec<Answer>, ExitStatus) {
    let done = AtomicBool::new(false);
    let answers = Mutex::new(Vec::new());
    let status = thread::scope(|scope| {
        for reader in 0..READERS {
            let (done, answers) = (&done, &answers);
            scope.spawn(move || {
                for turn in 0.. {
                    if done.load(Ordering::SeqCst) {
                        break;
                    }
                    let question = (turn + reader) % QUESTIONS.len();
                    let out = run_tthc(test, QUESTIONS[question]);
                    let during = !done.load(Ordering::SeqCst);
                    answers.lock().unwrap().push(Answer {
                        question,
                        code: out.code,
                        stdout: out.stdout,
                        stderr: out.stderr,
                        during,
                    });
                }
            });
        }
        let status = import.wait().unwrap();
        done.store(true, Ordering::SeqCst);
        status
    });
    (answers.into_inner().unwrap(), status)
}

/// Checks that every answer is one of `before` or `after` (or `also` accepts
/// it); returns how many came while the import ran.
fn check_answers(
    answers: &[Answer],
    before: &[String],
    after: &[String],
    also: impl Fn(&Answer) -> bool,
) -> usize {
    assert!(!answers.is_empty(), "no reader answered");
    for a in answers.iter().filter(|a| !also(a)) {
        let args = QUESTIONS[a.question];
        assert_eq!(
            a.code,
            Some(0),
            "a reader failed (tthc {args:?}): {}",
            a.stderr
        );
        assert!(
            a.stderr.is_empty(),
            "tthc {args:?} complained: {}",
            a.stderr
        );
        assert!(
            a.stdout == before[a.question] || a.stdout == after[a.question],
            "tthc {args:?} answered neither the catalog before the import nor after it \
             ({} bytes; before: {}, after: {})",
            a.stdout.len(),
            before[a.question].len(),
            after[a.question].len()
        );
    }
    answers.iter().filter(|a| a.during).count()
}

#[test]
fn readers_during_an_import_see_the_catalog_before_or_after_it_never_a_mix() {
    let (base, top) = large_history_split();
    let test = Test::new();
    test.write("base.csv", base).write("top.csv", top);
    test.import(&["base.csv"]);
    let before = answers_now(&test);

    let import = spawn_import(&test, &["top.csv"], "import");
    let (answers, status) = ask_while_importing(&test, import);
    assert!(status.success(), "{status}\n{}", test.read("import.err"));
    let after = answers_now(&test);
    assert_ne!(before, after);

    let during = check_answers(&answers, &before, &after, |_| false);
    // Readers are not held up by the import: they answered while it ran.
    let before_during = answers
        .iter()
        .filter(|a| a.during && a.stdout == before[a.question])
        .count();
    assert!(
        during > 0 && before_during > 0,
        "no reader answered while the import ran ({} answers)",
        answers.len()
    );
}

/// The first import into a new database builds the catalog beside it and
/// moves it into place when it has committed: readers see no catalog until
/// then, and the whole import after; they are never refused because the
/// database is locked.
#[test]
fn readers_during_a_first_import_see_no_catalog_or_all_of_it() {
    let (base, _) = large_history_split();
    let test = Test::new();
    test.write("base.csv", base);
    let import = spawn_import(&test, &["base.csv"], "import");
    let (answers, status) = ask_while_importing(&test, import);
    assert!(status.success(), "{status}\n{}", test.read("import.err"));
    let after = answers_now(&test);
    let no_catalog = |a: &Answer| {
        a.code == Some(1)
            && a.stderr
                == format!(
                    "tthc: no catalog database at {DB}: import a decision first (tthc import FILE)\n"
                )
    };
    // Before it there is no catalog at all (`no_catalog`).
    check_answers(&answers, &after, &after, no_catalog);
    assert!(
        answers.iter().any(|a| a.during && no_catalog(a)),
        "no reader was answered while the import ran ({} answers)",
        answers.len()
    );
    assert!(side_files(&test).is_empty(), "{:?}", side_files(&test));
}

/// A small decision of codes the generated history never uses.
fn extra_decision() -> String {
    decision_file(&[
        "1/QĐ-CT,2026-12-30,2027-01-01,added,9.000001,province,Thủ tục thêm một,Lĩnh vực thêm,",
        "1/QĐ-CT,2026-12-30,2027-01-01,added,9.000002,province,Thủ tục thêm hai,Lĩnh vực thêm,",
        "1/QĐ-CT,2026-12-30,2027-01-01,added,9.000003,commune,Thủ tục thêm ba,Lĩnh vực thêm,",
    ])
}

/// Starts two imports together and checks that each either succeeded or
/// failed cleanly because the other held the write lock. Returns the files of
/// those that succeeded, in no particular order.
fn race<'a>(test: &Test, first: &'a str, second: &'a str) -> Vec<&'a str> {
    let mut a = spawn_import(test, &[first], "first");
    let mut b = spawn_import(test, &[second], "second");
    let (a, b) = (a.wait().unwrap(), b.wait().unwrap());
    let mut landed = Vec::new();
    for (file, status, log) in [(first, a, "first"), (second, b, "second")] {
        let stderr = test.read(&format!("{log}.err"));
        if status.success() {
            assert!(only_warnings(&stderr), "import {file}: {stderr}");
            landed.push(file);
        } else {
            assert_eq!(status.code(), Some(1), "import {file}: {status}\n{stderr}");
            assert_eq!(stderr.trim_end(), format!("tthc: {BUSY}"), "import {file}");
        }
    }
    assert!(!landed.is_empty(), "neither import landed");
    landed
}

/// The counts of `counts` plus those of [`extra_decision`].
fn with_extra(mut counts: Counts) -> Counts {
    counts.province += 2;
    counts.commune += 1;
    counts.total += 3;
    counts.procedures += 3;
    counts
}

#[test]
fn two_imports_at_once_on_top_of_a_catalog_both_land_or_one_fails_cleanly() {
    let (base, top) = large_history_split();
    let (_, summary) = large_history();
    let test = Test::new();
    test.write("base.csv", base)
        .write("top.csv", top)
        .write("extra.csv", extra_decision());
    test.import(&["base.csv"]);
    let mut expected = test.counts(END);
    let landed = race(&test, "top.csv", "extra.csv");
    if landed.contains(&"top.csv") {
        expected = Counts {
            as_of: END.to_owned(),
            ..final_counts(summary)
        };
    }
    if landed.contains(&"extra.csv") {
        expected = with_extra(expected);
    }
    assert_eq!(test.counts(END), expected, "imports landed: {landed:?}");
    assert_eq!(
        test.export_line(END, "province,9.000001").is_some(),
        landed.contains(&"extra.csv")
    );
    test.tthc(&["verify"]).stdout_has("no mismatch").run();
}

#[test]
fn two_first_imports_at_once_into_a_new_database_both_land_or_one_fails_cleanly() {
    let (base, _) = large_history_split();
    let test = Test::new();
    test.write("base.csv", base)
        .write("extra.csv", extra_decision());
    let landed = race(&test, "base.csv", "extra.csv");
    let expected = Test::new();
    expected
        .write("base.csv", base)
        .write("extra.csv", extra_decision());
    for file in &landed {
        expected.import(&[file]);
    }
    // The same catalog; the stored order of the decisions is the order they landed in.
    assert_eq!(
        state(&test).exports,
        state(&expected).exports,
        "imports landed: {landed:?}"
    );
    test.tthc(&["verify"]).stdout_has("no mismatch").run();
}

/// The decision the import that holds the write lock reads from its pipe.
const PIPED: &str = "decision,signed,effective,action,code,level,name,field
20/QĐ-UBND,2024-02-01,2024-02-15,added,1.000101,province,Thủ tục qua ống,Lĩnh vực
";

/// A date after every change of the generated history.
const END: &str = "2030-01-01";

/// Whether some connection holds the write lock of the catalog.
fn write_locked(test: &Test) -> bool {
    let conn = Connection::open(test.db()).unwrap();
    match conn.execute_batch("BEGIN IMMEDIATE; ROLLBACK;") {
        Ok(()) => false,
        Err(e) if e.sqlite_error_code() == Some(ErrorCode::DatabaseBusy) => true,
        Err(e) => panic!("cannot probe the write lock: {e}"),
    }
}

/// An import that holds the write lock longer than the busy timeout (it reads
/// a decision from a pipe that stays open) makes a second import fail after
/// waiting, with exit 1 and a clear message, writing nothing; readers are
/// answered all along; then the first import completes.
#[test]
fn an_import_that_waits_too_long_for_the_write_lock_fails_cleanly_and_writes_nothing() {
    let test = Test::with(&["base.csv", "amend-2024-03.csv"]);
    test.import(&["base.csv"]);
    let before = test.snapshot();
    let mut first = Command::new(BIN)
        .args(["--db", DB, "import", "--format", "json", "-"])
        .current_dir(test.dir())
        .env_remove("TTHC_DB")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    while !write_locked(&test) {
        assert!(
            first.try_wait().unwrap().is_none(),
            "the import ended early"
        );
        thread::sleep(Duration::from_millis(10));
    }
    thread::scope(|scope| {
        let readers = scope.spawn(|| {
            // Read while the second import waits for the lock.
            for _ in 0..5 {
                test.export_csv("2024-06-30");
                test.counts("2024-06-30");
            }
        });
        let second = test
            .tthc(&["import", "amend-2024-03.csv"])
            .status(1)
            .stderr(format!("tthc: {BUSY}\n"))
            .run();
        assert!(second.stdout.is_empty());
        readers.join().unwrap();
    });
    test.assert_unchanged(before.as_deref());

    let mut stdin = first.stdin.take().unwrap();
    stdin.write_all(PIPED.as_bytes()).unwrap();
    drop(stdin);
    let output = first.wait_with_output().unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    // The catalog holds the piped decision, and nothing of the second import.
    let expected = Test::with(&["base.csv"]);
    expected.write("piped.csv", PIPED);
    expected.import(&["base.csv"]);
    expected.import(&["piped.csv"]);
    expected.assert_same_catalog(&test);
}

/// A first import that is rejected leaves no database behind, and never
/// one that a second import, started meanwhile, has opened: the second lands
/// (or fails with the busy message).
#[test]
fn a_rejected_first_import_leaves_alone_the_database_a_second_import_waits_for() {
    // Large enough for the import to write much of its catalog long before it ends.
    let (history, _) = large_history();
    let test = Test::new();
    let bad = format!(
        "{history}999/QĐ-UBND,2026-01-01,2026-01-01,frobnicated,1.000001,province,x,y,,,,,\n"
    );
    test.write("bad.csv", bad)
        .write("extra.csv", extra_decision());
    let mut first = spawn_import(&test, &["bad.csv"], "first");
    // Wait until the first import is writing its catalog.
    let written = || {
        side_files(&test)
            .iter()
            .chain([&test.db()])
            .filter_map(|p| std::fs::metadata(p).ok())
            .map(|m| m.len())
            .max()
            .unwrap_or(0)
    };
    while written() < 1 << 20 {
        assert!(
            first.try_wait().unwrap().is_none(),
            "the first import ended early"
        );
        thread::sleep(Duration::from_millis(5));
    }
    let second = spawn_import(&test, &["extra.csv"], "second");
    let status = first.wait().unwrap();
    assert_eq!(status.code(), Some(3), "{}", test.read("first.err"));
    let status = second.wait_with_output().unwrap().status;
    let stderr = test.read("second.err");
    if status.success() {
        assert!(only_warnings(&stderr), "{stderr}");
        assert!(
            test.export_line("2027-01-02", "province,9.000001")
                .is_some()
        );
        test.tthc(&["verify"]).stdout_has("no mismatch").run();
    } else {
        assert_eq!(stderr.trim_end(), format!("tthc: {BUSY}"));
        assert!(!test.db().exists());
    }
    assert!(side_files(&test).is_empty(), "{:?}", side_files(&test));
}

/// Two first imports that overlap both build a catalog; the one that
/// finishes second finds the other's in place and imports again on top of it.
#[test]
fn the_first_import_to_finish_creates_the_catalog_and_the_other_lands_on_top() {
    let (history, summary) = large_history();
    let test = Test::new();
    test.write("history.csv", history)
        .write("extra.csv", extra_decision());
    let mut slow = spawn_import(&test, &["history.csv"], "slow");
    while side_files(&test).is_empty() {
        assert!(slow.try_wait().unwrap().is_none(), "the import ended early");
        thread::sleep(Duration::from_millis(1));
    }
    test.import(&["extra.csv"]);
    assert!(test.db().exists());
    let status = slow.wait().unwrap();
    assert!(status.success(), "{}", test.read("slow.err"));
    let stderr = test.read("slow.err");
    assert!(only_warnings(&stderr), "{stderr}");
    assert_eq!(
        test.counts(END),
        with_extra(Counts {
            as_of: END.to_owned(),
            ..final_counts(summary)
        })
    );
    // The small import landed first.
    let decisions = test.tthc(&["decisions", "--format", "json"]).run().stdout;
    let small = decisions.find("1/QĐ-CT").unwrap();
    assert!(small < decisions.find("/QĐ-UBND").unwrap(), "{decisions}");
    test.tthc(&["verify"]).stdout_has("no mismatch").run();
    assert!(side_files(&test).is_empty(), "{:?}", side_files(&test));
}

/// Whether an import that succeeded said nothing but warnings (generated
/// histories run into the future, whose signing dates are warned of).
fn only_warnings(stderr: &str) -> bool {
    stderr
        .lines()
        .all(|l| l.starts_with("tthc: warning: ") || l.starts_with("  ... and "))
}
