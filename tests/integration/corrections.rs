//! Fixing a mistaken import: `tthc retract` takes a decision's rows out of
//! the catalog from the start, `tthc import --correct` puts a corrected
//! file's rows in their place. Both are refused when a later decision
//! depends on the rows, both are links of the hash chain that `verify`
//! replays, and `--known-at` rebuilds the catalog as it was known before.

use std::collections::BTreeSet;
use std::time::Duration;

use proptest::prelude::*;
use proptest::test_runner::{Config, TestCaseError, TestRunner};
use rusqlite::{Connection, params};
use serde_json::Value;

use crate::common::{Test, decision_file};
use crate::crash::run_tthc;
use crate::properties::{Decision, Plan, build, date, days_of, plan, rule_order};

/// A base decision, an unrelated later one, and one that amends the base.
const BASE: &str = "base.csv";
const OTHER: &str = "other.csv";
const AMEND: &str = "amend.csv";

fn base() -> String {
    decision_file(&[
        "10/QĐ-UBND,2024-01-10,2024-01-15,added,1.000001,province,Cấp giấy phép xây dựng,Xây dựng,",
        "10/QĐ-UBND,2024-01-10,2024-01-15,added,1.000002,province,Đăng ký kết hôn,Hộ tịch,",
    ])
}

fn other() -> String {
    decision_file(&[
        "20/QĐ-UBND,2024-02-10,2024-03-01,added,1.000003,commune,Chứng thực chữ ký,Chứng thực,",
        "20/QĐ-UBND,2024-02-10,2024-03-01,amended,1.000001,province,Cấp giấy phép xây dựng mới,,",
    ])
}

fn amend() -> String {
    decision_file(&[
        "30/QĐ-UBND,2024-04-10,2024-05-01,amended,1.000002,province,Đăng ký kết hôn có yếu tố nước ngoài,,",
    ])
}

/// A catalog of the three decisions, each imported on its own by `clerk`.
fn catalog() -> Test {
    let test = Test::new();
    test.write(BASE, base())
        .write(OTHER, other())
        .write(AMEND, amend());
    for file in [BASE, OTHER, AMEND] {
        import_as_clerk(&test, &[file]);
    }
    test
}

fn import_as_clerk(test: &Test, files: &[&str]) {
    test.tthc(&["import"])
        .args(files)
        .env("USER", "clerk")
        .run();
}

/// A catalog that holds these files, imported in this order.
fn catalog_of(files: &[(&str, String)]) -> Test {
    let test = Test::new();
    for (name, text) in files {
        test.write(name, text);
        import_as_clerk(&test, &[name]);
    }
    test
}

fn json(test: &Test, args: &[&str]) -> Value {
    test.tthc(args).env("USER", "clerk").run().json()
}

#[test]
fn a_retraction_gives_the_catalog_as_if_the_decision_was_never_imported() {
    let test = catalog();
    let output = test
        .tthc(&[
            "retract",
            "20/QĐ-UBND",
            "--reason",
            "the draft was imported, not the signed decision",
        ])
        .env("USER", "clerk")
        .stderr("")
        .run();
    let lines: Vec<&str> = output.stdout.lines().collect();
    assert_eq!(
        lines[..3],
        [
            "Retracted decision 20/QĐ-UBND signed 2024-02-10: 2 entry changes taken out of the catalog.",
            "  taken out: added 1, amended 1, replaced 0, repealed 0",
            "  reason: the draft was imported, not the signed decision",
        ],
        "{}",
        output.stdout
    );
    assert!(
        lines[3].starts_with("  recorded 20") && lines[3].contains("Z by clerk; chain head "),
        "{}",
        output.stdout
    );
    let never = catalog_of(&[(BASE, base()), (AMEND, amend())]);
    never.assert_same_catalog(&test);
    test.tthc(&["verify"])
        .stdout_has("corrections: 1 (replayed;")
        .run();
}

#[test]
fn a_retraction_that_a_later_decision_depends_on_is_refused_and_writes_nothing() {
    let test = catalog();
    let before = test.snapshot();
    test.tthc(&["retract", "10/QĐ-UBND", "--reason", "wrong province"])
        .status(4)
        .stdout("")
        .stderr(
            "tthc: cannot retract decision 10/QĐ-UBND signed 2024-01-10, nothing was written: later changes depend on its rows:\n  \
             1.000001 at province level cannot be amended by decision 20/QĐ-UBND signed 2024-02-10 effective 2024-03-01 (other.csv:3): without the rows taken out, it is not in force then\n  \
             1.000002 at province level cannot be amended by decision 30/QĐ-UBND signed 2024-04-10 effective 2024-05-01 (amend.csv:2): without the rows taken out, it is not in force then\n\
             Retract or correct those decisions first, or correct this one so that they still apply.\n",
        )
        .run();
    test.assert_unchanged(before.as_deref());
    let log = json(&test, &["decisions", "--format", "json"]);
    assert!(log.get("corrections").is_none(), "{log}");
    test.tthc(&["verify"]).run();
}

#[test]
fn a_retraction_in_a_chain_of_replacements_is_refused() {
    let test = catalog_of(&[
        (
            "a.csv",
            decision_file(&["1/QĐ-UBND,2024-01-01,2024-01-01,added,1.000001,province,A,X,"]),
        ),
        (
            "b.csv",
            decision_file(&[
                "2/QĐ-UBND,2024-02-01,2024-02-01,replaced,1.000002,province,B,X,1.000001",
            ]),
        ),
        (
            "c.csv",
            decision_file(&[
                "3/QĐ-UBND,2024-03-01,2024-03-01,replaced,1.000003,province,C,X,1.000002",
            ]),
        ),
    ]);
    test.tthc(&["retract", "2/QĐ-UBND", "--reason", "typo"])
        .status(4)
        .stderr_has("later changes depend on its rows:\n  1.000002 at province level cannot be replaced by decision 3/QĐ-UBND signed 2024-03-01 effective 2024-03-01 (c.csv:2): without the rows taken out, it is not in force then\nRetract")
        .run();
}

#[test]
fn a_retraction_of_a_repeal_that_a_later_addition_follows_is_refused() {
    let test = catalog_of(&[
        (
            "a.csv",
            decision_file(&["1/QĐ-UBND,2024-01-01,2024-01-01,added,1.000001,province,A,X,"]),
        ),
        (
            "b.csv",
            decision_file(&["2/QĐ-UBND,2024-02-01,2024-02-01,repealed,1.000001,province,,,"]),
        ),
        (
            "c.csv",
            decision_file(&["3/QĐ-UBND,2024-03-01,2024-03-01,added,1.000001,province,A again,X,"]),
        ),
    ]);
    test.tthc(&["retract", "2/QĐ-UBND@2024-02-01", "--reason", "typo"])
        .status(4)
        .stderr_has("1.000001 at province level cannot be added by decision 3/QĐ-UBND signed 2024-03-01 effective 2024-03-01 (c.csv:2): without the rows taken out, it is already in force then")
        .run();
}

#[test]
fn a_retraction_is_refused_twice_and_needs_a_reason_and_a_stored_decision() {
    let test = catalog();
    test.tthc(&["retract", "20/QĐ-UBND", "--reason", "wrong file"])
        .env("USER", "clerk")
        .run();
    test.tthc(&["retract", "20/QĐ-UBND", "--reason", "again"])
        .status(4)
        .stderr_has("tthc: decision 20/QĐ-UBND signed 2024-02-10 is already retracted (on 20")
        .stderr_has(" by clerk: wrong file); nothing was written\n")
        .run();
    test.tthc(&["retract", "10/QĐ-UBND", "--reason", "  "])
        .status(2)
        .stderr("tthc: --reason: say why the decision is retracted; the reason is recorded with the retraction\n")
        .run();
    test.tthc(&["retract", "10/QĐ-UBND"])
        .status(2)
        .stderr_has("--reason <TEXT>")
        .run();
    test.tthc(&["retract", "99/QĐ-UBND", "--reason", "x"])
        .status(2)
        .stderr("tthc: DECISION: \"99/QĐ-UBND\" is not a stored decision; tthc decisions lists the stored decisions\n")
        .run();
    Test::new()
        .tthc(&["retract", "1/QĐ-UBND", "--reason", "x"])
        .status(1)
        .stderr_has("no catalog database at catalog.db")
        .run();
}

#[test]
fn a_dry_run_of_a_retraction_writes_nothing() {
    let test = catalog();
    let before = test.snapshot();
    let summary = json(
        &test,
        &[
            "retract",
            "30/QĐ-UBND",
            "--reason",
            "typo",
            "--dry-run",
            "--format",
            "json",
        ],
    );
    assert_eq!(summary["dry_run"], true);
    assert_eq!(summary["kind"], "retracted");
    assert_eq!(summary["changes_taken_out"], 1);
    assert_eq!(summary["taken_out"]["amended"], 1);
    assert_eq!(summary["chain_sha256"], "");
    test.assert_unchanged(before.as_deref());
    assert!(
        json(&test, &["decisions", "--format", "json"])
            .get("corrections")
            .is_none()
    );
}

fn fixed_other() -> String {
    decision_file(&[
        "20/QĐ-UBND,2024-02-10,2024-03-01,added,1.000003,commune,Chứng thực chữ ký,Chứng thực,",
        "20/QĐ-UBND,2024-02-10,2024-03-01,amended,1.000001,province,Cấp giấy phép xây dựng (sửa),,",
        "20/QĐ-UBND,2024-02-10,2024-03-01,added,1.000004,province,Cấp phép mới,Xây dựng,",
    ])
}

#[test]
fn a_corrected_file_replaces_the_rows_of_its_decision() {
    let test = catalog();
    test.write("other-fixed.csv", fixed_other());
    // Imported as a new file, the corrected decision is a conflict that
    // says how to correct it.
    test.tthc(&["import", "other-fixed.csv"])
        .status(4)
        .stderr_has("other-fixed.csv: decision 20/QĐ-UBND signed 2024-02-10 is already imported with different rows (as 20/QĐ-UBND signed 2024-02-10); if the rows imported were wrong, tthc import --correct 20/QĐ-UBND@2024-02-10 other-fixed.csv replaces them\n")
        .run();
    let summary = json(
        &test,
        &[
            "import",
            "--correct",
            "20/QĐ-UBND",
            "--reason",
            "the name of 1.000001 was mistyped",
            "--format",
            "json",
            "other-fixed.csv",
        ],
    );
    assert_eq!(summary["decisions"], 0);
    assert_eq!(summary["rows"], 3);
    let c = &summary["correction"];
    assert_eq!(c["decision"]["number"], "20/QĐ-UBND");
    assert_eq!(c["decision"]["signed"], "2024-02-10");
    assert_eq!(c["kind"], "corrected");
    assert_eq!(c["reason"], "the name of 1.000001 was mistyped");
    assert_eq!(c["by"], "clerk");
    assert_eq!(
        (
            c["changes_taken_out"].as_u64(),
            c["changes_put_in"].as_u64()
        ),
        (Some(2), Some(3))
    );
    assert_eq!(c["chain_sha256"].as_str().map(str::len), Some(64));
    let instead = catalog_of(&[
        (BASE, base()),
        ("other-fixed.csv", fixed_other()),
        (AMEND, amend()),
    ]);
    instead.assert_same_catalog(&test);
    // The corrected file imported again (a nightly script) changes nothing.
    test.tthc(&["import", "other-fixed.csv"])
        .stdout_has("Decision 20/QĐ-UBND signed 2024-02-10 is already imported with identical rows: skipped.")
        .run();
    // The file first imported is a conflict that names the correction.
    test.tthc(&["import", OTHER])
        .status(4)
        .stderr_has("other.csv: decision 20/QĐ-UBND signed 2024-02-10 has other rows: it was corrected on 20")
        .stderr_has(" by clerk with other-fixed.csv (the name of 1.000001 was mistyped)")
        .run();
    // The same correction again: nothing to do.
    test.tthc(&["import", "--correct", "20/QĐ-UBND", "other-fixed.csv"])
        .stdout(
            "Decision 20/QĐ-UBND signed 2024-02-10 already has these rows: nothing to correct.\n",
        )
        .run();
    test.tthc(&["verify"])
        .stdout_has("corrections: 1 (replayed;")
        .run();
}

#[test]
fn a_correction_is_refused_when_a_later_decision_needs_the_rows_it_drops() {
    let test = catalog();
    let before = test.snapshot();
    test.write(
        "base-fixed.csv",
        decision_file(&["10/QĐ-UBND,2024-01-10,2024-01-15,added,1.000001,province,Cấp giấy phép xây dựng,Xây dựng,"]),
    );
    test.tthc(&["import", "--correct", "10/QĐ-UBND", "base-fixed.csv"])
        .status(4)
        .stderr_has("tthc: cannot correct decision 10/QĐ-UBND signed 2024-01-10, nothing was written: later changes depend on its rows:\n")
        .stderr_has("1.000002 at province level cannot be amended by decision 30/QĐ-UBND signed 2024-04-10 effective 2024-05-01 (amend.csv:2)")
        .run();
    test.assert_unchanged(before.as_deref());
}

#[test]
fn a_corrected_file_holds_rows_of_its_decision_only() {
    let test = catalog();
    let before = test.snapshot();
    test.write(
        "mixed.csv",
        decision_file(&[
            "30/QĐ-UBND,2024-04-10,2024-05-01,amended,1.000002,province,Đăng ký kết hôn (sửa),,",
            "31/QĐ-UBND,2024-04-10,2024-05-01,added,1.000009,province,Khác,Khác,",
        ]),
    );
    test.tthc(&["import", "--correct", "30/QĐ-UBND", "mixed.csv"])
        .status(3)
        .stderr_has("mixed.csv:3: this row is of decision 31/QĐ-UBND signed 2024-04-10, not of 30/QĐ-UBND signed 2024-04-10 being corrected: a corrected file holds the rows of that decision only")
        .run();
    test.tthc(&["import", "--correct", "30/QĐ-UBND", "--reason", "x"])
        .status(2)
        .run();
    test.tthc(&["import", "--reason", "x", AMEND])
        .status(2)
        .stderr_has("--correct")
        .run();
    test.assert_unchanged(before.as_deref());
}

#[test]
fn a_retracted_decision_comes_back_only_by_a_correction() {
    let test = catalog();
    let before = test.snapshot();
    test.tthc(&["retract", "30/QĐ-UBND", "--reason", "signed date unsure"])
        .run();
    test.tthc(&["import", AMEND])
        .status(4)
        .stderr_has("amend.csv: decision 30/QĐ-UBND signed 2024-04-10 was retracted on 20")
        .stderr_has("tthc import --correct 30/QĐ-UBND@2024-04-10 amend.csv puts its rows back")
        .run();
    test.tthc(&["import", "--correct", "30/QĐ-UBND", AMEND])
        .stdout_has("Corrected decision 30/QĐ-UBND signed 2024-04-10: 0 entry changes taken out, 1 put in their place.\n")
        .run();
    test.assert_unchanged(before.as_deref());
    test.tthc(&["verify"])
        .stdout_has("corrections: 2 (replayed;")
        .run();
}

#[test]
fn corrections_are_links_of_the_chain_listed_by_decisions() {
    let test = catalog();
    let head = |test: &Test| {
        let out = test.tthc(&["verify"]).run().stdout;
        out.lines()
            .find_map(|l| l.strip_prefix("  chain head: "))
            .unwrap()
            .to_owned()
    };
    let before = head(&test);
    test.write("other-fixed.csv", fixed_other());
    test.tthc(&[
        "import",
        "--correct",
        "20/QĐ-UBND@2024-02-10",
        "other-fixed.csv",
    ])
    .env("USER", "clerk")
    .run();
    test.tthc(&["retract", "30/QĐ-UBND", "--reason", "wrong decision"])
        .env("USER", "auditor")
        .run();
    let after = head(&test);
    assert_ne!(before, after);
    let log = json(&test, &["decisions", "--format", "json"]);
    let decisions = log["decisions"].as_array().unwrap();
    let status: Vec<&str> = decisions
        .iter()
        .map(|d| d["status"].as_str().unwrap())
        .collect();
    assert_eq!(status, ["imported", "corrected", "retracted"]);
    assert_eq!(decisions[0]["corrected_at"], Value::Null);
    assert_eq!(decisions[2]["corrected_by"], "auditor");
    assert_eq!(decisions[2]["correction_reason"], "wrong decision");
    // A retracted decision changes nothing in the catalog.
    assert_eq!(
        [&decisions[2]["rows"], &decisions[2]["amended"]],
        [&Value::from(0), &Value::from(0)]
    );
    assert_eq!(decisions[1]["rows"], 3);
    let links = log["corrections"].as_array().unwrap();
    assert_eq!(links.len(), 2);
    assert_eq!(links[0]["kind"], "corrected");
    assert_eq!(links[0]["source"], "other-fixed.csv");
    assert_eq!(links[0]["rows"], 3);
    assert_eq!(links[1]["kind"], "retracted");
    assert_eq!(
        links[1]["decision"],
        serde_json::json!({"number": "30/QĐ-UBND", "signed": "2024-04-10"})
    );
    assert_eq!(links[1]["source"], "");
    // The chain head is the last link: the retraction.
    assert_eq!(links[1]["chain_sha256"], after.as_str());
    let csv = test.tthc(&["decisions", "--format", "csv"]).run().stdout;
    assert!(
        csv.starts_with("number,signed,effective_first,effective_last,added,amended,replaced,repealed,rows,source,source_sha256,imported_at,imported_by,chain_sha256,status,corrected_at,corrected_by,correction_reason\n"),
        "{csv}"
    );
    assert!(
        csv.lines()
            .nth(3)
            .unwrap()
            .ends_with(",auditor,wrong decision"),
        "{csv}"
    );
    let table = test.tthc(&["decisions", "--format", "table"]).run().stdout;
    assert!(table.contains("(retracted)"), "{table}");
    assert!(
        table.contains("Corrections, in the order of the chain:"),
        "{table}"
    );
    // A decision imported after the corrections chains to the last of them.
    test.write(
        "later.csv",
        decision_file(&["40/QĐ-UBND,2024-06-10,2024-07-01,added,1.000005,province,E,X,"]),
    );
    test.tthc(&["import", "later.csv"]).run();
    let verified = test.tthc(&["verify"]).run().stdout;
    assert!(verified.contains("decisions: 4 "), "{verified}");
    assert!(verified.contains("corrections: 2 "), "{verified}");
}

#[test]
fn history_shows_the_versions_a_correction_took_out() {
    let test = catalog();
    test.write("other-fixed.csv", fixed_other());
    test.tthc(&[
        "import",
        "--correct",
        "20/QĐ-UBND",
        "--reason",
        "name mistyped",
        "other-fixed.csv",
    ])
    .env("USER", "clerk")
    .run();
    let history = json(&test, &["history", "1.000001", "--format", "json"]);
    let versions = history["versions"].as_array().unwrap();
    assert_eq!(versions.len(), 3, "{history}");
    assert_eq!(versions[0]["version"], 1);
    assert_eq!(versions[1]["version"], Value::Null);
    assert_eq!(versions[1]["name"], "Cấp giấy phép xây dựng mới");
    assert_eq!(versions[1]["in_force"], false);
    assert_eq!(versions[1]["retracted"]["by"], "clerk");
    assert_eq!(versions[1]["retracted"]["reason"], "name mistyped");
    assert_eq!(versions[1]["retracted"]["kind"], "corrected");
    assert_eq!(versions[2]["version"], 2);
    assert_eq!(versions[2]["name"], "Cấp giấy phép xây dựng (sửa)");
    assert_eq!(versions[2]["file"], "other-fixed.csv");
    assert_eq!(versions[2]["corrected"]["reason"], "name mistyped");
    assert!(versions[2].get("retracted").is_none());
    let table = test
        .tthc(&["history", "1.000001", "--format", "table"])
        .run()
        .stdout;
    assert!(
        table.contains("Province level: 2 versions, and 1 taken out by corrections"),
        "{table}"
    );
    assert!(table.contains("(taken out of the catalog)"), "{table}");
    test.tthc(&["history", "1.000001", "--format", "table", "--lang", "vi"])
        .stdout_has("Cấp tỉnh: 2 phiên bản, và 1 phiên bản đã bị rút ra do đính chính")
        .stdout_has("(đã rút khỏi danh mục)")
        .stdout_has("Đã rút lúc ")
        .run();
    let csv = test
        .tthc(&["history", "1.000001", "--format", "csv"])
        .run()
        .stdout;
    let lines: Vec<&str> = csv.lines().collect();
    assert!(
        lines[0].ends_with(",file,line,retracted_at,retracted_by,retracted_reason"),
        "{csv}"
    );
    assert!(lines[2].ends_with(",clerk,name mistyped"), "{csv}");
    assert!(lines[3].ends_with(",3,,,"), "{csv}");
    // show gives the version in force, from the corrected file.
    let show = json(&test, &["show", "1.000001", "--format", "json"]);
    assert_eq!(show["entries"][0]["name"], "Cấp giấy phép xây dựng (sửa)");
    assert_eq!(show["entries"][0]["version"], 2);
    assert_eq!(show["entries"][0]["file"], "other-fixed.csv");
}

/// The time of the last import, which `--known-at` then names; the next
/// command runs at least a second later.
fn time_of_last_import(test: &Test) -> String {
    let log = json(test, &["decisions", "--format", "json"]);
    let last = log["decisions"].as_array().unwrap().last().unwrap().clone();
    std::thread::sleep(Duration::from_millis(1100));
    last["imported_at"].as_str().unwrap().to_owned()
}

#[test]
fn known_at_rebuilds_the_catalog_as_it_was_known_before_a_correction() {
    let test = catalog();
    let dates = ["2024-01-15", "2024-03-01", "2024-05-01", "2100-01-01"];
    let exports_before: Vec<String> = dates.iter().map(|d| test.export_csv(d)).collect();
    let history_before = test
        .tthc(&["history", "1.000001", "--format", "json"])
        .run()
        .stdout;
    let moment = time_of_last_import(&test);
    test.write("other-fixed.csv", fixed_other());
    test.tthc(&["import", "--correct", "20/QĐ-UBND", "other-fixed.csv"])
        .run();
    assert_ne!(test.export_csv("2024-05-01"), exports_before[2]);
    for (date, before) in dates.iter().zip(&exports_before) {
        let known = test
            .tthc(&[
                "export",
                "--format",
                "csv",
                "--as-of",
                date,
                "--known-at",
                &moment,
            ])
            .run()
            .stdout;
        assert_eq!(&known, before, "export as of {date} known at {moment}");
    }
    counts_show_and_search_are_as_known(&test, &moment);
    let history = test
        .tthc(&[
            "history",
            "1.000001",
            "--format",
            "json",
            "--known-at",
            &moment,
        ])
        .run()
        .stdout;
    let history: Value = serde_json::from_str(&history).unwrap();
    let mut expected: Value = serde_json::from_str(&history_before).unwrap();
    expected["known_at"] = Value::from(moment.as_str());
    assert_eq!(history, expected);
    diff_is_as_known(&test, &moment);
}

/// After the correction of 20/QĐ-UBND, which added 1.000004 and renamed
/// 1.000001: the reads as known at `moment`, before it.
fn counts_show_and_search_are_as_known(test: &Test, moment: &str) {
    let counts = json(
        test,
        &[
            "counts",
            "--format",
            "json",
            "--as-of",
            "2024-06-01",
            "--known-at",
            moment,
        ],
    );
    assert_eq!(counts["known_at"], moment);
    assert_eq!(
        (counts["province"].as_u64(), counts["commune"].as_u64()),
        (Some(2), Some(1))
    );
    let now = json(
        test,
        &["counts", "--format", "json", "--as-of", "2024-06-01"],
    );
    assert_eq!(now["province"], 3);
    assert!(now.get("known_at").is_none());
    let show = json(
        test,
        &[
            "show",
            "1.000001",
            "--format",
            "json",
            "--as-of",
            "2024-06-01",
            "--known-at",
            moment,
        ],
    );
    assert_eq!(show["entries"][0]["name"], "Cấp giấy phép xây dựng mới");
    assert_eq!(show["known_at"], moment);
    let codes = |found: &Value| -> Vec<String> {
        found["entries"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["code"].as_str().unwrap().to_owned())
            .collect()
    };
    let search = [
        "search",
        "cap phep",
        "--format",
        "json",
        "--as-of",
        "2024-06-01",
    ];
    let found = json(test, &[&search[..], &["--known-at", moment]].concat());
    assert_eq!(codes(&found), ["1.000001"], "{found}");
    assert_eq!(codes(&json(test, &search)), ["1.000001", "1.000004"]);
}

fn diff_is_as_known(test: &Test, moment: &str) {
    let diff = json(
        test,
        &[
            "diff",
            "2024-01-15",
            "2024-06-01",
            "--format",
            "json",
            "--known-at",
            moment,
        ],
    );
    assert_eq!(diff["summary"]["added"], 1, "{diff}");
    assert_eq!(diff["known_at"], moment);
    assert!(diff.get("corrections").is_none(), "{diff}");
    let diff_now = json(
        test,
        &["diff", "2024-01-15", "2024-06-01", "--format", "json"],
    );
    assert_eq!(diff_now["summary"]["added"], 2, "{diff_now}");
    assert_eq!(diff_now["corrections"][0]["kind"], "corrected");
    assert_eq!(
        diff_now["corrections"][0]["decision"],
        serde_json::json!({"number": "20/QĐ-UBND", "signed": "2024-02-10"})
    );
    test.tthc(&["diff", "2024-01-15", "2024-06-01", "--format", "table"])
        .stdout_has("Corrections of decisions effective in this interval (the catalogs compared are as corrected):\n  20/QĐ-UBND signed 2024-02-10: corrected on 20")
        .run();
}

#[test]
fn known_at_leaves_out_the_decisions_imported_later() {
    let test = Test::new();
    test.write(BASE, base()).write(OTHER, other());
    import_as_clerk(&test, &[BASE]);
    let moment = time_of_last_import(&test);
    import_as_clerk(&test, &[OTHER]);
    let only_base = Test::new();
    only_base.write(BASE, base());
    import_as_clerk(&only_base, &[BASE]);
    for date in ["2024-01-15", "2024-03-01", "2100-01-01"] {
        let known = test
            .tthc(&[
                "export",
                "--format",
                "csv",
                "--as-of",
                date,
                "--known-at",
                &moment,
            ])
            .run()
            .stdout;
        assert_eq!(known, only_base.export_csv(date), "as of {date}");
    }
    test.tthc(&["export", "--as-of", "20/QĐ-UBND", "--known-at", &moment])
        .status(2)
        .stderr(format!(
            "tthc: --as-of: decision 20/QĐ-UBND@2024-02-10 was imported after {moment}: it is not part of the catalog as known then\n"
        ))
        .run();
    // The manifest names the chain as known then.
    test.tthc(&[
        "export",
        "--format",
        "csv",
        "-o",
        "known.csv",
        "--manifest",
        "--known-at",
        &moment,
    ])
    .run();
    let manifest: Value = serde_json::from_str(&test.read("known.csv.manifest.json")).unwrap();
    let log = json(&test, &["decisions", "--format", "json"]);
    assert_eq!(manifest["known_at"], moment.as_str());
    assert_eq!(manifest["store"]["decisions"], 1);
    assert_eq!(
        manifest["store"]["chain_sha256"],
        log["decisions"][0]["chain_sha256"]
    );
    assert_eq!(manifest["last_decision"]["number"], "10/QĐ-UBND");
    test.tthc(&["counts", "--known-at", "yesterday"])
        .status(2)
        .stderr_has("bad moment \"yesterday\"")
        .run();
}

/// Edits the store behind tthc's back.
fn tamper(test: &Test, sql: &str) {
    let conn = Connection::open(test.db()).unwrap();
    conn.execute_batch(sql)
        .unwrap_or_else(|e| panic!("cannot tamper with {sql}: {e}"));
}

/// A catalog with a retraction and a correction, which verifies.
fn corrected() -> Test {
    let test = catalog();
    test.write("other-fixed.csv", fixed_other());
    test.tthc(&["import", "--correct", "20/QĐ-UBND", "other-fixed.csv"])
        .run();
    test.tthc(&["retract", "30/QĐ-UBND", "--reason", "wrong decision"])
        .run();
    test.tthc(&["verify"]).run();
    test
}

#[test]
fn verify_finds_an_edited_reason_of_a_correction() {
    let test = corrected();
    tamper(
        &test,
        "UPDATE corrections SET reason = 'nothing to see' WHERE kind = 0",
    );
    test.tthc(&["verify"])
        .status(5)
        .stderr_has("tthc: verification failed (1 mismatch):\n")
        .stderr_has("the retraction of decision 30/QĐ-UBND signed 2024-04-10 made ")
        .stderr_has("chain hash ")
        .stderr_has("does not follow from the link before it and what it records")
        .run();
}

#[test]
fn verify_finds_a_deleted_correction() {
    let test = corrected();
    tamper(&test, "DELETE FROM corrections WHERE kind = 1");
    let out = test.tthc(&["verify"]).status(5).run();
    assert!(
        out.stderr.contains(
            "decision 20/QĐ-UBND signed 2024-02-10: its record says a correction changed its rows, but none is recorded"
        ) || out.stderr.contains("content hash"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr
            .contains("its decision's recorded range of version ids does not hold it"),
        "{}",
        out.stderr
    );
}

#[test]
fn verify_finds_a_retracted_version_put_back_in_force() {
    let test = corrected();
    let conn = Connection::open(test.db()).unwrap();
    // The retracted amendment of 1.000002 by 30/QĐ-UBND: its decision's range
    // made to hold it again, as if never retracted.
    let id: i64 = conn
        .query_row(
            "SELECT v.id FROM versions AS v JOIN decisions AS d ON d.id = v.decision_id
             WHERE d.number = '30/QĐ-UBND'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    conn.execute(
        "UPDATE decisions SET first_version = ?1, last_version = ?1, rows = 1
         WHERE number = '30/QĐ-UBND'",
        params![id],
    )
    .unwrap();
    drop(conn);
    test.tthc(&["verify"])
        .status(5)
        .stderr_has("decision 30/QĐ-UBND signed 2024-04-10: records versions")
        .stderr_has("its latest correction (made ")
        .run();
}

#[test]
fn verify_finds_a_validity_interval_given_to_a_version_taken_out() {
    let test = corrected();
    tamper(
        &test,
        "INSERT INTO spans (id, fork, day_from, day_to)
             SELECT v.id, 1, 0, 1 FROM versions AS v JOIN decisions AS d ON d.id = v.decision_id
             WHERE d.number = '30/QĐ-UBND';
         INSERT INTO span_starts (fork, day_from, id) SELECT fork, day_from, id FROM spans
             WHERE fork = 1;
         INSERT INTO span_ends (fork, day_to, id) SELECT fork, day_to, id FROM spans
             WHERE fork = 1;",
    );
    test.tthc(&["verify"])
        .status(5)
        .stderr_has("entry 1.000002 at province level: the amended version by decision 30/QĐ-UBND signed 2024-04-10, effective 2024-05-01, which a correction took out, has validity from 1970-01-01 to 1970-01-02 in the index")
        .run();
}

#[test]
fn the_report_lists_the_corrections() {
    let test = corrected();
    let page = test
        .tthc(&["report", "--from", "2024-01-01", "--to", "2024-12-31"])
        .run()
        .stdout;
    assert!(
        page.contains("<h2>Các lần đính chính dữ liệu đã nhập</h2>"),
        "{page}"
    );
    assert!(
        page.contains("Rút toàn bộ khỏi danh mục</td><td>wrong decision</td>"),
        "{page}"
    );
    assert!(page.contains("Đính chính theo tệp đã sửa"), "{page}");
    assert!(
        page.contains("Quyết định số 30/QĐ-UBND ký ngày 10/04/2024 (rút toàn bộ khỏi danh mục)"),
        "{page}"
    );
}

/// Whether the rows of these decisions, replayed in rule order, each find
/// their entries as the rules need them: what a retraction leaves must.
fn obeys_the_rules(decisions: &[Decision]) -> bool {
    let mut in_force: BTreeSet<(usize, u32)> = BTreeSet::new();
    for (_, _, d, r) in rule_order(decisions) {
        let row = &decisions[d].rows[r];
        for &level in &row.levels {
            let here = |code: u32| in_force.contains(&(level, code));
            let ok = match (row.action, row.replaces) {
                (0, _) => !here(row.code),
                (2, Some(old)) if old != row.code => here(old) && !here(row.code),
                _ => here(row.code),
            };
            if !ok {
                return false;
            }
            match (row.action, row.replaces) {
                (0, _) => {
                    in_force.insert((level, row.code));
                }
                (2, Some(old)) => {
                    in_force.remove(&(level, old));
                    in_force.insert((level, row.code));
                }
                (3, _) => {
                    in_force.remove(&(level, row.code));
                }
                _ => {}
            }
        }
    }
    true
}

fn check_retraction(plan: &Plan) -> Result<(), TestCaseError> {
    let decisions = build(plan);
    if decisions.len() < 2 {
        return Ok(());
    }
    let without = |gone: usize| -> Vec<Decision> {
        decisions
            .iter()
            .enumerate()
            .filter(|(i, _)| *i != gone)
            .map(|(_, d)| d.clone())
            .collect()
    };
    // Any decision half of the time; else one that nothing depends on, if any.
    let n = decisions.len();
    let seeded = (plan.order_seed % n as u64) as usize;
    let gone = if plan.order_seed & (1 << 32) == 0 {
        seeded
    } else {
        (0..n)
            .map(|i| (seeded + i) % n)
            .find(|&i| obeys_the_rules(&without(i)))
            .unwrap_or(seeded)
    };
    let rest = without(gone);
    let days = days_of(&decisions);
    let whole = Test::new();
    for d in &decisions {
        whole.write(&d.file_name(), d.csv());
    }
    let files: Vec<String> = decisions.iter().map(Decision::file_name).collect();
    let mut args = vec!["import".to_owned()];
    args.extend(files);
    let out = run_tthc(&whole, &args.iter().map(String::as_str).collect::<Vec<_>>());
    prop_assert_eq!(out.code, Some(0), "import: {}", out.stderr);
    let before: Vec<String> = days.iter().map(|d| whole.export_csv(&date(*d))).collect();
    let number = decisions[gone].number.clone();
    let out = run_tthc(&whole, &["retract", &number, "--reason", "property"]);
    if !obeys_the_rules(&rest) {
        // A later decision depends on its rows: refused, nothing written.
        prop_assert_eq!(out.code, Some(4), "retract {}: {:?}", number, out);
        prop_assert!(
            out.stderr.contains("later changes depend on its rows"),
            "{}",
            out.stderr
        );
        for (day, before) in days.iter().zip(&before) {
            prop_assert_eq!(&whole.export_csv(&date(*day)), before);
        }
        return Ok(());
    }
    prop_assert_eq!(out.code, Some(0), "retract {}: {:?}", number, out);
    let never = Test::new();
    let mut args = vec!["import".to_owned()];
    for d in &rest {
        never.write(&d.file_name(), d.csv());
        args.push(d.file_name());
    }
    let out = run_tthc(&never, &args.iter().map(String::as_str).collect::<Vec<_>>());
    prop_assert_eq!(out.code, Some(0), "import of the rest: {}", out.stderr);
    for day in &days {
        prop_assert_eq!(
            whole.export_csv(&date(*day)),
            never.export_csv(&date(*day)),
            "export as of {} after retracting {}",
            date(*day),
            number
        );
    }
    let verify = run_tthc(&whole, &["verify"]);
    prop_assert_eq!(verify.code, Some(0), "verify: {:?}", verify);
    Ok(())
}

#[test]
fn a_retraction_gives_the_catalog_of_never_having_imported_the_decision() {
    let mut runner = TestRunner::new(Config {
        cases: 32,
        failure_persistence: None,
        ..Config::default()
    });
    if let Err(e) = runner.run(&plan(), |plan| check_retraction(&plan)) {
        panic!("{e}");
    }
}

#[test]
fn a_refusal_names_the_corrected_file_a_later_decision_now_holds() {
    let test = catalog();
    test.write(
        "amend-fixed.csv",
        decision_file(&[
            "30/QĐ-UBND,2024-04-10,2024-05-01,amended,1.000002,province,Đăng ký kết hôn (sửa),,",
        ]),
    );
    test.tthc(&["import", "--correct", "30/QĐ-UBND", "amend-fixed.csv"])
        .run();
    test.tthc(&["retract", "10/QĐ-UBND", "--reason", "x"])
        .status(4)
        .stderr_has("1.000002 at province level cannot be amended by decision 30/QĐ-UBND signed 2024-04-10 effective 2024-05-01 (amend-fixed.csv:2)")
        .run();
}

/// A chain head kept after a correction is that correction's link: `verify
/// --manifest` of an export made then, and `--head` of that link, prove it
/// rather than report it missing.
#[test]
fn an_anchor_kept_after_a_correction_is_proved() {
    let test = catalog();
    test.write(
        "other-fixed.csv",
        other().replace("Chứng thực chữ ký", "Chứng thực chữ ký người dịch"),
    );
    test.tthc(&["import", "--correct", "20/QĐ-UBND", "other-fixed.csv"])
        .run();
    test.tthc(&["export", "-o", "catalog.csv", "--manifest"])
        .run();
    let manifest: Value = serde_json::from_str(&test.read("catalog.csv.manifest.json")).unwrap();
    let head = manifest["store"]["chain_sha256"]
        .as_str()
        .unwrap()
        .to_owned();
    test.tthc(&["verify", "--manifest", "catalog.csv.manifest.json"])
        .stdout_has("is the chain hash of a correction made after decision 3 of 3")
        .run();
    test.tthc(&["verify", "--head", &head])
        .stdout_has("a correction made after decision 3 of 3")
        .run();
}

/// A catalog whose future-dated 40/QĐ-UBND was retracted, and 20/QĐ-UBND
/// imported, after the moment returned.
fn retracted_after_a_moment() -> (Test, String) {
    let test = Test::new();
    test.write(BASE, base()).write(
        "future.csv",
        decision_file(&[
            "40/QĐ-UBND,2024-06-10,2099-01-01,added,1.000009,province,Cấp phép tương lai,Xây dựng,",
        ]),
    );
    test.write(OTHER, other());
    import_as_clerk(&test, &[BASE]);
    import_as_clerk(&test, &["future.csv"]);
    let moment = time_of_last_import(&test);
    test.tthc(&["retract", "40/QĐ-UBND", "--reason", "published by mistake"])
        .env("USER", "clerk")
        .run();
    import_as_clerk(&test, &[OTHER]);
    (test, moment)
}

/// `decisions --known-at`: the log as known before a retraction and a
/// later import.
#[test]
fn known_at_on_decisions() {
    let (test, moment) = retracted_after_a_moment();
    // The decision log: both decisions known then, neither corrected yet.
    let then = json(
        &test,
        &["decisions", "--format", "json", "--known-at", &moment],
    );
    assert_eq!(then["known_at"], moment.as_str());
    let numbers: Vec<(&str, &str)> = then["decisions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| (d["number"].as_str().unwrap(), d["status"].as_str().unwrap()))
        .collect();
    assert_eq!(
        numbers,
        [("10/QĐ-UBND", "imported"), ("40/QĐ-UBND", "imported")]
    );
    // Its rows as then, before the retraction took them out.
    let future = &then["decisions"][1];
    assert_eq!(
        (
            &future["added"],
            &future["rows"],
            &future["effective_first"]
        ),
        (&Value::from(1), &Value::from(1), &Value::from("2099-01-01")),
        "{future}"
    );
    assert!(then.get("corrections").is_none(), "{then}");
    let now = json(&test, &["decisions", "--format", "json"]);
    assert_eq!(now["decisions"].as_array().unwrap().len(), 3);
    assert_eq!(now["decisions"][1]["status"], "retracted");
    assert_eq!(now["decisions"][1]["rows"], 0);
    assert!(now.get("known_at").is_none());
    test.tthc(&["decisions", "--format", "table", "--known-at", &moment])
        .stdout_has(&format!("As known at {moment} (UTC)."))
        .run();
}

/// `upcoming` and `report` with `--known-at`: the changes ahead and the
/// report as known before a retraction and a later import.
#[test]
fn known_at_on_upcoming_and_report() {
    let (test, moment) = retracted_after_a_moment();
    // The changes ahead: the addition retracted since.
    let ahead = |known_at: &[&str]| -> Vec<String> {
        let upcoming = json(
            &test,
            &[
                &["upcoming", "--days", "40000", "--format", "json"],
                known_at,
            ]
            .concat(),
        );
        upcoming["changes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| format!("{} {}", c["decision"]["number"], c["code"]))
            .collect()
    };
    assert_eq!(
        ahead(&["--known-at", &moment]),
        ["\"40/QĐ-UBND\" \"1.000009\""]
    );
    assert!(ahead(&[]).is_empty());

    // The report: the counts, the chart and the changes ahead as known then.
    let page = |to: &str, known_at: &[&str]| -> String {
        test.tthc(&[&["report", "--to", to], known_at].concat())
            .run()
            .stdout
    };
    let province = |html: &str| -> String {
        let card = html
            .split("<div class=\"card level-province\"><div class=\"n\">")
            .nth(1)
            .unwrap();
        card[..card.find('<').unwrap()].to_owned()
    };
    let commune = |html: &str| -> String {
        let card = html
            .split("<div class=\"card level-commune\"><div class=\"n\">")
            .nth(1)
            .unwrap();
        card[..card.find('<').unwrap()].to_owned()
    };
    let then = page("2024-12-31", &["--known-at", &moment]);
    let now = page("2024-12-31", &[]);
    assert!(then.contains(&format!("Theo dữ liệu đã ghi nhận đến {moment} (UTC).")));
    assert_eq!((province(&then), commune(&then)), ("2".into(), "0".into()));
    assert_eq!((province(&now), commune(&now)), ("2".into(), "1".into()));
    assert!(then.contains("<td>1.000009</td>"), "{then}");
    assert!(!now.contains("<td>1.000009</td>"), "{now}");
    // In 2100 the retracted addition is in force as known then: the chart's
    // steps and the counts agree.
    let then = page("2100-01-01", &["--known-at", &moment]);
    let now = page("2100-01-01", &[]);
    assert_eq!(province(&then), "3");
    assert_eq!(province(&now), "2");
    let year_end = |html: &str| -> String {
        let row = html.split("<tr data-date=\"2100-01-01\">").nth(1).unwrap();
        row[..row.find("</tr>").unwrap()].to_owned()
    };
    assert!(
        year_end(&then).contains("<td class=\"n\">3</td><td class=\"n\">0</td><td class=\"n\">0</td><td class=\"n\">3</td>"),
        "{}",
        year_end(&then)
    );
}
