//! Which database `tthc` uses (`--db`, `TTHC_DB`, `./tthc.db`), missing databases, usage errors.

use crate::common::{BASE_DAY, Counts, Run, Test};

fn with_tthc_db<'a>(run: Run<'a>, db: Option<&str>) -> Run<'a> {
    match db {
        Some(db) => run.env("TTHC_DB", db),
        None => run,
    }
}

/// Imports `base.csv` with these arguments before `import`, then checks which database files exist.
fn import_base(test: &Test, env: Option<&str>, args: &[&str], created: &str, absent: &[&str]) {
    let run = test.bare(args).args(["import", "base.csv"]);
    with_tthc_db(run, env).run();
    assert!(test.path(created).exists(), "{created} was not created");
    for name in absent {
        assert!(!test.path(name).exists(), "{name} was created");
    }
}

fn base_counts(test: &Test, args: &[&str]) -> Counts {
    test.bare(args)
        .args(["counts", "--format", "json", "--as-of", BASE_DAY])
        .run()
        .json()
}

#[test]
fn db_option_goes_before_or_after_the_subcommand() {
    let test = Test::with(&["base.csv"]);
    test.bare(&["import", "base.csv", "--db", "after.db"]).run();
    assert!(test.path("after.db").exists());
    assert!(!test.path("tthc.db").exists());
    assert_eq!(base_counts(&test, &["--db", "after.db"]).total, 7);
    let counts: Counts = test
        .bare(&[
            "counts", "--db", "after.db", "--format", "json", "--as-of", BASE_DAY,
        ])
        .run()
        .json();
    assert_eq!(counts.total, 7);
}

#[test]
fn tthc_db_names_the_database_without_db_option() {
    let test = Test::with(&["base.csv"]);
    import_base(&test, Some("env.db"), &[], "env.db", &["tthc.db"]);
    let counts: Counts = test
        .bare(&["counts", "--format", "json", "--as-of", BASE_DAY])
        .env("TTHC_DB", "env.db")
        .run()
        .json();
    assert_eq!(counts.total, 7);
}

#[test]
fn db_option_wins_over_tthc_db() {
    let test = Test::with(&["base.csv"]);
    import_base(
        &test,
        Some("env.db"),
        &["--db", "option.db"],
        "option.db",
        &["env.db", "tthc.db"],
    );
}

#[test]
fn default_database_is_tthc_db_in_the_current_directory() {
    let test = Test::with(&["base.csv"]);
    import_base(&test, None, &[], "tthc.db", &[]);
    assert_eq!(base_counts(&test, &[]).total, 7);
}

#[test]
fn read_commands_on_a_missing_database_fail_with_exit_1() {
    let test = Test::new();
    for (args, env, db) in [
        (&["--db", "missing.db"][..], None, "missing.db"),
        (&[], Some("env-missing.db"), "env-missing.db"),
        (&[], None, "tthc.db"),
    ] {
        for command in [
            &["export"][..],
            &["export", "--format", "json"],
            &["counts"],
        ] {
            let run = test
                .bare(args)
                .args(command)
                .status(1)
                .stderr_has("tthc: ")
                .stderr_has(db);
            with_tthc_db(run, env).run();
            assert!(!test.path(db).exists(), "{db} was created by {command:?}");
        }
    }
}

#[test]
fn usage_errors_exit_2() {
    let test = Test::with(&["base.csv"]);
    for args in [
        &[][..],
        &["frobnicate"],
        &["import"],
        &["import", "--format", "xml", "base.csv"],
        &["import", "--bogus", "base.csv"],
        &["export", "--format", "xml"],
        &["counts", "--format", "yaml"],
        &["counts", "--as-of"],
    ] {
        let stderr = test.tthc(args).status(2).run().stderr;
        assert!(!stderr.is_empty(), "no message for {args:?}");
    }
    assert!(!test.db().exists());
}

/// A first import builds the catalog beside the database and moves it into
/// place: afterwards the directory holds the database alone, readable by
/// others as a file `SQLite` creates would be.
#[test]
fn a_first_import_leaves_the_database_alone_in_its_directory_with_the_usual_mode() {
    let test = Test::with(&["base.csv"]);
    test.import(&["base.csv"]);
    let mut names: Vec<String> = std::fs::read_dir(test.dir())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n != "base.csv")
        .collect();
    names.sort();
    assert_eq!(names, [crate::common::DB]);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        let probe = test.path("probe");
        std::fs::File::create(&probe).unwrap();
        let usual = std::fs::metadata(&probe).unwrap().permissions().mode() & 0o644;
        let mode = std::fs::metadata(test.db()).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, usual, "{mode:o}");
    }
}

#[test]
fn an_import_into_a_directory_that_does_not_exist_fails_naming_the_database() {
    let test = Test::with(&["base.csv"]);
    test.bare(&["--db", "nowhere/catalog.db"])
        .args(["import", "base.csv"])
        .status(1)
        .stderr("tthc: cannot write nowhere/catalog.db: No such file or directory (os error 2)\n")
        .run();
    assert!(!test.path("nowhere").exists());
}

/// The unfinished catalog of an interrupted first import (untouched for more
/// than ten minutes) is named when the next first import starts; a recent
/// one (an import still running) is not.
#[test]
fn a_first_import_names_the_unfinished_catalog_of_an_interrupted_one() {
    let test = Test::with(&["base.csv"]);
    let old = test.path(".catalog.db.a1b2c3.tthc-new");
    let journal = test.path(".catalog.db.a1b2c3.tthc-new-journal");
    let recent = test.path(".catalog.db.d4e5f6.tthc-new");
    for path in [&old, &journal, &recent] {
        std::fs::write(path, b"SQLite format 3\0").unwrap();
    }
    let hour_ago = std::time::SystemTime::now() - std::time::Duration::from_hours(1);
    for path in [&old, &journal] {
        std::fs::File::options()
            .write(true)
            .open(path)
            .unwrap()
            .set_modified(hour_ago)
            .unwrap();
    }
    let stderr = test.tthc(&["import", "base.csv"]).run().stderr;
    let mut notes: Vec<&str> = stderr.lines().collect();
    notes.sort_unstable();
    assert_eq!(
        notes,
        [
            "tthc: note: ./.catalog.db.a1b2c3.tthc-new is left from an import that was \
             interrupted; delete it if no other import is running",
            "tthc: note: ./.catalog.db.a1b2c3.tthc-new-journal is left from an import that \
             was interrupted; delete it if no other import is running",
        ]
    );
    assert!(
        old.exists() && recent.exists(),
        "the files are the clerk's to delete"
    );
    test.tthc(&["verify"]).stdout_has("no mismatch").run();
}

/// Cron jobs often leave `TTHC_DB=` set but empty: that is no database name,
/// and the default `tthc.db` is used.
#[test]
fn an_empty_tthc_db_counts_as_unset() {
    let test = Test::with(&["base.csv"]);
    import_base(&test, Some(""), &[], "tthc.db", &[]);
}

/// Every error line starts with `tthc:`, the command-line parser's too, and
/// a usage error exits 2.
#[test]
fn usage_errors_start_with_tthc_and_exit_2() {
    let test = Test::new();
    test.bare(&["nosuch"])
        .status(2)
        .stderr_has("tthc: unrecognized subcommand 'nosuch'")
        .run();
    let out = test
        .bare(&["counts", "--as-of", "2021-02-30"])
        .status(2)
        .run();
    assert!(
        out.stderr
            .starts_with("tthc: invalid value '2021-02-30' for '--as-of <DATE|REF>'"),
        "{}",
        out.stderr
    );
    test.bare(&["--version"]).stdout_has("tthc ").run();
}
