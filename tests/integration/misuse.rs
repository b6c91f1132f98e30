//! Misuse by a hurried clerk or an attacker: an output file that is the
//! catalog itself, a link or a device; a database file that is no catalog, or
//! a damaged one; searches made to exhaust the machine; readers while an
//! import holds the write lock, or on a read-only catalog; cells longer than
//! Excel allows; stored text that a terminal or a spreadsheet would obey.

use std::fmt::Write as _;
use std::fs;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use rusqlite::Connection;

use crate::common::{BASE_DAY, BASE_EXPORT, BIN, DB, Test, decision_file};

/// The read commands, each with arguments that succeed on `base.csv`.
const READERS: [&[&str]; 10] = [
    &["export", "--format", "csv"],
    &["counts", "--format", "json"],
    &["search", "chung thuc", "--format", "csv"],
    &["show", "1.000001", "--as-of", BASE_DAY, "--format", "json"],
    &["history", "1.000001", "--format", "csv"],
    &["decisions", "--format", "csv"],
    &["diff", "2024-01-01", BASE_DAY, "--format", "csv"],
    &["upcoming", "--format", "csv"],
    &["report", "--to", "2024-12-31"],
    &["verify"],
];

/// Every command that opens the catalog: the readers and an import.
fn every_command() -> Vec<Vec<&'static str>> {
    READERS
        .iter()
        .map(|args| args.to_vec())
        .chain([vec!["import", "base.csv"]])
        .collect()
}

fn file_bytes(test: &Test, name: &str) -> Vec<u8> {
    fs::read(test.path(name)).unwrap()
}

/// Checks that the catalog still answers exactly as after importing `base.csv`.
fn assert_catalog_intact(test: &Test) {
    test.tthc(&["export", "--format", "csv", "--as-of", BASE_DAY])
        .stdout(BASE_EXPORT)
        .run();
    test.tthc(&["verify"]).stdout_has("no mismatch found").run();
}

// --- -o: the catalog, links, devices --------------------------------------

/// `export -o catalog.db` used to replace the catalog with a CSV file and
/// exit 0; so did `report -o`. The database, its write-ahead log, its
/// shared-memory index and its rollback journal are refused by any name
/// (relative, through a symbolic or a hard link) with exit 2, before
/// anything is written.
#[cfg(unix)]
#[test]
fn an_export_onto_the_catalog_or_its_journal_files_is_refused_and_the_catalog_survives() {
    let test = Test::imported(&["base.csv"]);
    std::os::unix::fs::symlink(DB, test.path("link.db")).unwrap();
    fs::hard_link(test.db(), test.path("hard.db")).unwrap();
    fs::create_dir(test.path("sub")).unwrap();
    let db_before = file_bytes(&test, DB);
    for target in [
        DB,
        "./catalog.db",
        "sub/../catalog.db",
        "catalog.db-wal",
        "catalog.db-shm",
        "catalog.db-journal",
        "link.db",
        "hard.db",
    ] {
        for command in [
            &["export", "-o"][..],
            &["export", "--format", "json", "-o"],
            &["export", "--format", "xlsx", "-o"],
            &["report", "-o"],
        ] {
            let out = test
                .tthc(command)
                .args([target])
                .status(2)
                .stdout("")
                .stderr_has(&format!("tthc: -o {target}: "))
                .run();
            assert!(
                out.stderr.contains("catalog"),
                "{command:?} {target}: {}",
                out.stderr
            );
        }
        for journal in ["-wal", "-shm", "-journal"] {
            let name = format!("{DB}{journal}");
            if target == name {
                assert!(!test.path(&name).exists(), "{name} was written");
            }
        }
    }
    assert_eq!(file_bytes(&test, DB), db_before);
    assert!(
        fs::symlink_metadata(test.path("link.db"))
            .unwrap()
            .is_symlink()
    );
    assert_catalog_intact(&test);
    // With --manifest, the manifest's name is checked too.
    test.bare(&["--db", "x.csv.manifest.json", "import", "base.csv"])
        .run();
    test.bare(&["--db", "x.csv.manifest.json"])
        .args(["export", "-o", "x.csv", "--manifest"])
        .status(2)
        .stderr_has("tthc: -o x.csv.manifest.json: ")
        .run();
    test.bare(&["--db", "x.csv.manifest.json", "verify"])
        .stdout_has("no mismatch")
        .run();
}

/// Any `SQLite` database is refused as an output, whichever catalog is open.
#[test]
fn an_export_onto_another_database_is_refused() {
    let test = Test::imported(&["base.csv"]);
    test.bare(&["--db", "other.db", "import", "base.csv"]).run();
    let before = file_bytes(&test, "other.db");
    test.tthc(&["export", "-o", "other.db"])
        .status(2)
        .stderr_has("tthc: -o other.db: ")
        .stderr_has("SQLite database")
        .run();
    assert_eq!(file_bytes(&test, "other.db"), before);
}

/// `-o link.csv` used to replace the link with a file, leaving the file it
/// pointed to stale. The link is followed: its target is replaced
/// atomically, and the link stays.
#[cfg(unix)]
#[test]
fn an_export_through_a_symbolic_link_writes_the_file_it_points_to_and_keeps_the_link() {
    let test = Test::imported(&["base.csv"]);
    test.write("portal/danh-muc.csv", "stale\n");
    std::os::unix::fs::symlink("portal/danh-muc.csv", test.path("latest.csv")).unwrap();
    test.tthc(&[
        "export",
        "--as-of",
        BASE_DAY,
        "-o",
        "latest.csv",
        "--manifest",
    ])
    .stdout("")
    .run();
    assert!(
        fs::symlink_metadata(test.path("latest.csv"))
            .unwrap()
            .is_symlink(),
        "the link was replaced"
    );
    assert_eq!(test.read("portal/danh-muc.csv"), BASE_EXPORT);
    assert_eq!(test.read("latest.csv"), BASE_EXPORT);
    let manifest: serde_json::Value =
        serde_json::from_str(&test.read("latest.csv.manifest.json")).unwrap();
    assert_eq!(manifest["file"], "latest.csv");
    // A link to nothing is refused, and stays.
    std::os::unix::fs::symlink("nowhere/missing.csv", test.path("dangling.csv")).unwrap();
    test.tthc(&["export", "-o", "dangling.csv"])
        .status(2)
        .stderr_has("tthc: -o dangling.csv: ")
        .stderr_has("nowhere/missing.csv")
        .run();
    assert!(
        fs::symlink_metadata(test.path("dangling.csv"))
            .unwrap()
            .is_symlink()
    );
    // A directory is no output file.
    fs::create_dir(test.path("folder")).unwrap();
    test.tthc(&["export", "-o", "folder"])
        .status(2)
        .stderr_has("tthc: -o folder: ")
        .run();
}

/// `-o` onto a character device used to replace it with a regular file (as
/// root, `-o /dev/null` broke the system). The device is written straight,
/// here through a link to `/dev/null`, so that a regression replaces the
/// link, not the device.
#[cfg(unix)]
#[test]
fn an_export_to_a_character_device_writes_into_it_and_leaves_it() {
    use std::os::unix::fs::FileTypeExt as _;
    let test = Test::imported(&["base.csv"]);
    std::os::unix::fs::symlink("/dev/null", test.path("null")).unwrap();
    for command in [&["export", "-o", "null"][..], &["report", "-o", "null"]] {
        test.tthc(command).stdout("").stderr("").run();
        let link = fs::symlink_metadata(test.path("null")).unwrap();
        assert!(link.is_symlink(), "{command:?} replaced the link");
        assert_eq!(
            fs::read_link(test.path("null")).unwrap(),
            Path::new("/dev/null")
        );
    }
    assert!(
        fs::metadata("/dev/null")
            .unwrap()
            .file_type()
            .is_char_device()
    );
    let names: Vec<String> = fs::read_dir(test.dir())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".tthc-"))
        .collect();
    assert!(names.is_empty(), "temporary files left: {names:?}");
    // A manifest needs a file beside it.
    test.tthc(&["export", "-o", "null", "--manifest"])
        .status(2)
        .stderr_has("--manifest")
        .run();
    assert!(!test.path("null.manifest.json").exists());
}

/// `-o fifo` used to replace the named pipe with a file, so the process
/// reading it waited for ever. The export goes into the pipe.
#[cfg(unix)]
#[test]
fn an_export_to_a_named_pipe_writes_into_the_pipe() {
    use std::os::unix::fs::FileTypeExt as _;
    let test = Test::imported(&["base.csv"]);
    let made = Command::new("mkfifo")
        .arg(test.path("pipe"))
        .status()
        .unwrap();
    assert!(made.success());
    let reader = Command::new("cat")
        .arg(test.path("pipe"))
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let run = Command::new(BIN)
        .args(["--db", DB, "export", "--as-of", BASE_DAY, "-o", "pipe"])
        .current_dir(test.dir())
        .env_remove("TTHC_DB")
        .output()
        .unwrap();
    let still_fifo = fs::symlink_metadata(test.path("pipe"))
        .unwrap()
        .file_type()
        .is_fifo();
    if !still_fifo {
        // Nothing will ever open the pipe `cat` waits on.
        Command::new("kill")
            .arg(reader.id().to_string())
            .status()
            .unwrap();
    }
    let read = reader.wait_with_output().unwrap();
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    assert!(still_fifo, "the named pipe was replaced");
    assert_eq!(String::from_utf8(read.stdout).unwrap(), BASE_EXPORT);
}

// --- files that are not catalogs, damaged catalogs ------------------------

/// A 0-byte file used to read as an empty catalog (`verify` passed, `import`
/// wrote a catalog into it). Every command refuses it with exit 2.
#[test]
fn an_empty_file_is_not_a_catalog_for_any_command() {
    let test = Test::with(&["base.csv"]);
    test.write(DB, "");
    for args in every_command() {
        test.tthc(&args)
            .status(2)
            .stdout("")
            .stderr_has("tthc: catalog.db is not a tthc catalog: it is an empty file")
            .run();
    }
    assert_eq!(file_bytes(&test, DB), b"");
}

/// A foreign `SQLite` database used to read as an empty catalog, and `import`
/// wrote tthc's tables into it. Every command refuses it with exit 2 and
/// leaves it byte for byte as it was.
#[test]
fn a_foreign_sqlite_database_is_refused_and_never_written() {
    let test = Test::with(&["base.csv"]);
    let conn = Connection::open(test.db()).unwrap();
    conn.execute_batch(
        "CREATE TABLE contacts (name TEXT, phone TEXT);
         INSERT INTO contacts VALUES ('Lan', '0912');
         PRAGMA user_version = 3;",
    )
    .unwrap();
    drop(conn);
    let before = file_bytes(&test, DB);
    for args in every_command() {
        test.tthc(&args)
            .status(2)
            .stdout("")
            .stderr_has("tthc: catalog.db is not a tthc catalog: ")
            .stderr_has("contacts")
            .run();
    }
    assert_eq!(file_bytes(&test, DB), before);
    let names: Vec<String> = fs::read_dir(test.dir())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        !names
            .iter()
            .any(|n| n.ends_with("-wal") || n.ends_with("-journal")),
        "{names:?}"
    );
    // An SQLite database that holds nothing at all is no catalog either.
    let empty = Connection::open(test.path("blank.db")).unwrap();
    empty.execute_batch("VACUUM").unwrap();
    drop(empty);
    if file_bytes(&test, "blank.db").is_empty() {
        // SQLite wrote no page: that is the empty file case above.
        return;
    }
    test.bare(&["--db", "blank.db", "import", "base.csv"])
        .status(2)
        .stderr_has("tthc: blank.db is not a tthc catalog: ")
        .run();
}

/// A file that is no database at all (a CSV saved under the catalog's name)
/// used to give "file is not a database", exit 1.
#[test]
fn a_file_that_is_not_a_database_is_refused_with_exit_2() {
    let test = Test::with(&["base.csv"]);
    test.write(DB, BASE_EXPORT);
    for args in every_command() {
        test.tthc(&args)
            .status(2)
            .stderr_has("tthc: catalog.db is not a tthc catalog: it is not an SQLite database")
            .run();
    }
    assert_eq!(test.read(DB), BASE_EXPORT);
}

/// A catalog whose `PRAGMA user_version` was reset to 0 used to read as an
/// empty catalog, and `verify` passed. It is a damaged catalog: exit 5 from
/// every command, and nothing written.
#[test]
fn a_catalog_whose_schema_version_was_reset_is_damaged_for_every_command() {
    let test = Test::imported(&["base.csv"]);
    let conn = Connection::open(test.db()).unwrap();
    conn.pragma_update(None, "user_version", 0).unwrap();
    drop(conn);
    let before = file_bytes(&test, DB);
    for args in every_command() {
        test.tthc(&args)
            .status(5)
            .stdout("")
            .stderr_has("catalog.db")
            .stderr_has("schema version")
            .run();
    }
    assert_eq!(file_bytes(&test, DB), before);
}

/// A catalog with a table dropped used to fail with "no such table", exit 1.
#[test]
fn a_catalog_with_a_dropped_table_is_damaged_for_every_command() {
    let test = Test::imported(&["base.csv"]);
    let conn = Connection::open(test.db()).unwrap();
    conn.execute_batch("DROP TABLE span_ends").unwrap();
    drop(conn);
    for args in every_command() {
        test.tthc(&args)
            .status(5)
            .stdout("")
            .stderr_has("span_ends")
            .run();
    }
}

// --- search ---------------------------------------------------------------

/// Runs `tthc ARGS` in the test's directory and kills it after `limit`:
/// a regression fails in time instead of running for minutes.
fn run_within(test: &Test, args: &[&str], limit: Duration) -> std::process::Output {
    let mut child = Command::new(BIN)
        .args(["--db", DB])
        .args(args)
        .current_dir(test.dir())
        .env_remove("TTHC_DB")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let started = Instant::now();
    // The pipes are read on threads, so that a full pipe cannot stall the child.
    let mut stdout = child.stdout.take().unwrap();
    let mut stderr = child.stderr.take().unwrap();
    let out = std::thread::spawn(move || {
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(&mut stdout, &mut bytes).map(|_| bytes)
    });
    let err = std::thread::spawn(move || {
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(&mut stderr, &mut bytes).map(|_| bytes)
    });
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > limit {
            child.kill().unwrap();
            child.wait().unwrap();
            panic!("tthc {:?}... ran for more than {limit:?}", &args[..1]);
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    std::process::Output {
        status,
        stdout: out.join().unwrap().unwrap(),
        stderr: err.join().unwrap().unwrap(),
    }
}

/// 20,000 repeated words took more than two minutes and 11 GB on a
/// province's catalog: each word that starts many words of the catalog costs
/// a pass over their index entries. Repeated words (and words that start
/// another word of the query) are asked once.
#[test]
fn a_search_of_twenty_thousand_repeated_words_is_answered_at_once() {
    let test = Test::new();
    let mut file = format!("{}\n", crate::common::HEADER);
    for i in 0..2000 {
        let _ = writeln!(
            file,
            "100/QĐ-UBND,2024-01-10,2024-01-10,added,1.{:06},province,Đăng ký dịch vụ d{i:04}x,Lĩnh vực d{},",
            100_000 + i,
            i % 50
        );
    }
    test.write("many.csv", file);
    test.import(&["many.csv"]);
    for query in [
        "d ".repeat(20_000),
        "dang ky ".repeat(10_000),
        "d da dan dang ".repeat(5_000),
    ] {
        let out = run_within(
            &test,
            &["search", &query, "--as-of", "2024-06-01", "--format", "csv"],
            Duration::from_secs(10),
        );
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), 2001);
    }
}

/// More different words than a search takes are refused at once, naming
/// the limit.
#[test]
fn a_search_of_too_many_words_is_refused_naming_the_limit() {
    let test = Test::imported(&["base.csv"]);
    let many: Vec<String> = (0..1000).map(|i| format!("w{i}")).collect();
    test.tthc(&["search", &many.join(" ")])
        .status(2)
        .stdout("")
        .stderr_has("tthc: ")
        .stderr_has("at most 32 words")
        .run();
}

/// While an import holds the write lock, a search whose index is behind
/// used to wait 30 seconds and fail ("another import is writing"). It is
/// answered at once, from the catalog itself.
#[test]
fn a_search_is_answered_while_an_import_holds_the_write_lock() {
    let test = Test::imported(&["base.csv"]);
    let expected = test
        .tthc(&["search", "ho tich", "--as-of", BASE_DAY, "--format", "csv"])
        .run()
        .stdout;
    assert_eq!(expected.lines().count(), 4, "{expected}");
    // Behind again: another decision, not yet indexed.
    test.write(
        "more.csv",
        decision_file(&[
            "11/QĐ-UBND,2024-02-01,2024-02-01,added,1.000010,province,Đăng ký hộ tịch trực tuyến,Hộ tịch,",
        ]),
    );
    test.import(&["more.csv"]);
    let writer = Connection::open(test.db()).unwrap();
    writer.execute_batch("BEGIN IMMEDIATE").unwrap();
    let started = Instant::now();
    let out = test
        .tthc(&[
            "search",
            "ho tich",
            "--as-of",
            "2024-03-01",
            "--format",
            "csv",
        ])
        .run();
    let took = started.elapsed();
    writer.execute_batch("ROLLBACK").unwrap();
    assert!(took < Duration::from_secs(10), "took {took:?}");
    assert_eq!(out.stdout.lines().count(), 5, "{}", out.stdout);
    assert!(
        out.stdout
            .contains("province,1.000010,Đăng ký hộ tịch trực tuyến")
    );
    // The index catches up with the next search that can write.
    let again = test
        .tthc(&[
            "search",
            "ho tich",
            "--as-of",
            "2024-03-01",
            "--format",
            "csv",
        ])
        .run();
    assert_eq!(again.stdout, out.stdout);
}

// --- a read-only catalog --------------------------------------------------

/// Runs `tthc ARGS` with the test's directory mounted read-only (in a mount
/// namespace of its own, as root), or made unwritable (as another user);
/// `None` when this machine offers neither.
fn run_read_only(test: &Test, args: &[&str]) -> Option<std::process::Output> {
    let dir = test.dir();
    let script = "mount --bind -o ro \"$1\" \"$1\" && cd \"$1\" && shift && exec \"$@\"";
    let out = Command::new("unshare")
        .args(["-m", "sh", "-c", script, "sh"])
        .arg(dir)
        .arg(BIN)
        .args(["--db", DB])
        .args(args)
        .env_remove("TTHC_DB")
        .stdin(Stdio::null())
        .output()
        .ok()?;
    let stderr = String::from_utf8_lossy(&out.stderr);
    let refused = !out.status.success()
        && !stderr.starts_with("tthc:")
        && (stderr.contains("unshare") || stderr.contains("mount"));
    (!refused).then_some(out)
}

/// On a read-only mount, every reader used to fail. Readers open the
/// catalog read-only (immutable when no write-ahead log is left) and answer
/// as on a writable one; `search` reads the catalog when its index is behind.
#[test]
fn readers_answer_on_a_read_only_catalog() {
    let test = Test::imported(&["base.csv"]);
    // The search index is behind, as after an import.
    let behind = || {
        let conn = Connection::open(test.db()).unwrap();
        conn.execute_batch("DELETE FROM search_index; UPDATE search_state SET indexed_to = 0")
            .unwrap();
    };
    for args in READERS {
        behind();
        let expected = test.tthc(args).run().stdout;
        behind();
        let Some(out) = run_read_only(&test, args) else {
            eprintln!("skipped: this machine cannot mount a directory read-only");
            return;
        };
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "{args:?}: {stderr}");
        assert_eq!(String::from_utf8_lossy(&out.stdout), expected, "{args:?}");
    }
    let out = run_read_only(&test, &["import", "base.csv"]).unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.starts_with("tthc: "), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}

/// A read-only catalog beside which an import left its write-ahead log
/// (copied while an import was running) cannot be read without that log's
/// index: the refusal says what to do, and nothing is half read.
#[test]
fn a_read_only_catalog_with_a_log_left_beside_it_is_refused_with_what_to_do() {
    let test = Test::imported(&["base.csv"]);
    let writer = Connection::open(test.db()).unwrap();
    writer
        .execute_batch("UPDATE decisions SET imported_by = 'copied while writing'")
        .unwrap();
    for suffix in ["", "-wal"] {
        fs::copy(
            test.path(&format!("{DB}{suffix}")),
            test.path(&format!("copy{suffix}")),
        )
        .unwrap();
    }
    drop(writer);
    for suffix in ["", "-wal"] {
        fs::rename(
            test.path(&format!("copy{suffix}")),
            test.path(&format!("{DB}{suffix}")),
        )
        .unwrap();
    }
    assert!(fs::metadata(test.path("catalog.db-wal")).unwrap().len() > 0);
    let Some(out) = run_read_only(&test, &["decisions", "--format", "csv"]) else {
        eprintln!("skipped: this machine cannot mount a directory read-only");
        return;
    };
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(out.stdout.is_empty());
    assert!(
        stderr.starts_with("tthc: catalog.db cannot be read: it is read-only, and an import left its write-ahead log beside it"),
        "{stderr}"
    );
    // Where it can be written, the log is taken in.
    test.tthc(&["decisions", "--format", "csv"])
        .stdout_has("copied while writing")
        .run();
}

// --- the workbook ---------------------------------------------------------

/// Once a cell over Excel's 32,767 characters was stored, `export --format
/// xlsx` failed for good. The cell is shortened in the workbook with a note
/// in the cell and on stderr; csv and JSON keep it whole.
#[test]
fn a_cell_longer_than_excel_allows_is_shortened_in_the_workbook_with_a_note() {
    use calamine::{Data, Reader as _, Xlsx, open_workbook};
    let test = Test::new();
    let long: String = "Luật Đất đai 2024; ".repeat(2_500);
    assert!(long.chars().count() > 40_000);
    test.write(
        "long.csv",
        format!(
            "decision,signed,action,code,level,name,field,legal_basis\n\
             1/QĐ-UBND,2024-01-15,added,1.000001,province,Cấp giấy chứng nhận,Đất đai,\"{long}\"\n"
        ),
    );
    test.import(&["long.csv"]);
    let out = test
        .tthc(&[
            "export",
            "--as-of",
            BASE_DAY,
            "--format",
            "xlsx",
            "-o",
            "danh-muc.xlsx",
        ])
        .run();
    assert!(
        out.stderr.starts_with("tthc: warning: ") && out.stderr.contains("1.000001"),
        "{}",
        out.stderr
    );
    let mut workbook: Xlsx<_> = open_workbook(test.path("danh-muc.xlsx")).unwrap();
    let range = workbook.worksheet_range("Danh mục").unwrap();
    let cell = range
        .rows()
        .flat_map(|row| row.iter())
        .find_map(|c| match c {
            Data::String(s) if s.starts_with("Luật Đất đai 2024") => Some(s.clone()),
            _ => None,
        })
        .expect("no legal basis cell");
    assert!(cell.encode_utf16().count() <= 32_767, "{}", cell.len());
    assert!(
        cell.ends_with("tthc export --format csv)"),
        "{}",
        &cell[cell.len() - 200..]
    );
    let csv = test.export_csv(BASE_DAY);
    assert!(csv.contains(long.trim()), "the csv lost the long cell");
    // In Vietnamese, the note names the cell in Vietnamese.
    test.tthc(&[
        "export", "--as-of", BASE_DAY, "--format", "xlsx", "-o", "vi.xlsx", "--lang", "vi",
    ])
    .stderr_has("1.000001 cấp tỉnh: Căn cứ pháp lý")
    .run();
}

// --- text a terminal or a spreadsheet would obey ---------------------------

const CONTROL: &str = "Thủ tục\u{1b}]0;pwned\u{7} đỏ\u{1b}[31m\u{9b}2J hết";

fn with_control_characters() -> Test {
    let test = Test::new();
    test.write(
        "ctl.csv",
        format!(
            "decision,signed,action,code,level,name,field,agency\n\
             1/QĐ-UBND,2024-01-15,added,1.000001,province,\"{CONTROL}\",Hộ tịch,\"Sở\u{7}\"\n"
        ),
    );
    test.import(&["ctl.csv"]);
    test
}

/// Tables printed stored ESC and BEL bytes raw, so the terminal obeyed them
/// (a title change, colours, a cleared screen). Tables show them escaped.
#[test]
fn control_characters_are_shown_escaped_in_tables() {
    let test = with_control_characters();
    for args in [
        &["export", "--format", "table", "--as-of", BASE_DAY][..],
        &[
            "search", "thu tuc", "--as-of", BASE_DAY, "--format", "table",
        ],
        &["show", "1.000001", "--as-of", BASE_DAY, "--format", "table"],
        &["history", "1.000001", "--format", "table"],
        &["diff", "2024-01-01", BASE_DAY, "--format", "table"],
    ] {
        let out = test.tthc(args).run().stdout;
        for c in ['\u{1b}', '\u{7}', '\u{9b}'] {
            assert!(!out.contains(c), "{args:?} prints {c:?} raw:\n{out}");
        }
        assert!(out.contains(r"\u{1b}]0;pwned\u{7}"), "{args:?}:\n{out}");
    }
    // Data for scripts stays exact.
    let json = test.export_json(BASE_DAY);
    assert_eq!(json.entries[0].name, CONTROL);
}

/// CSV meant for Excel (`--bom`, `--excel`) kept `=HYPERLINK(...)`,
/// `+cmd|...` and `@SUM(...)` as formulas. Cells starting with = + - @, a
/// tab or a carriage return get a leading apostrophe there, as OWASP
/// advises; the plain csv stays exact.
#[test]
fn csv_for_excel_defuses_formulas() {
    let test = Test::new();
    let cells = [
        "=HYPERLINK(\"http://example.invalid\",\"bấm\")",
        "+cmd|' /C calc'!A0",
        "@SUM(1+1)*cmd|' /C calc'!A0",
        "-2+3",
        "＝1+1",
    ];
    let mut file = "decision,signed,action,code,level,name,field,agency,fee\n".to_owned();
    for (i, cell) in cells.iter().enumerate() {
        let q = format!("\"{}\"", cell.replace('"', "\"\""));
        let _ = writeln!(
            file,
            "1/QĐ-UBND,2024-01-15,added,1.00000{},province,{q},Hộ tịch,{q},{q}",
            i + 1
        );
    }
    test.write("formulas.csv", file);
    test.import(&["formulas.csv"]);
    let plain = test.export_csv(BASE_DAY);
    for cell in cells {
        assert!(plain.contains(&cell.replace('"', "\"\"")), "{cell}");
    }
    for args in [&["--bom"][..], &["--excel"], &["--headers", "vi", "--bom"]] {
        let out = test
            .tthc(&["export", "--as-of", BASE_DAY])
            .args(args)
            .run()
            .stdout;
        // --excel separates fields with semicolons, as a Vietnamese-locale spreadsheet reads them.
        let delimiter = if args == ["--excel"] { b';' } else { b',' };
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .from_reader(out.trim_start_matches('\u{feff}').as_bytes());
        let mut seen = 0;
        for record in reader.records() {
            let record = record.unwrap();
            for field in [2, 4, 6] {
                let value = &record[field];
                assert!(value.starts_with('\''), "{args:?}: {value}");
                assert!(cells.contains(&&value[1..]), "{args:?}: {value}");
                seen += 1;
            }
        }
        assert_eq!(seen, 3 * cells.len(), "{args:?}");
    }
    let excel = test
        .tthc(&["export", "--as-of", BASE_DAY, "--excel"])
        .run()
        .stdout;
    assert!(
        excel.starts_with("\u{feff}Cấp thực hiện;Mã số TTHC;"),
        "{excel}"
    );
}
