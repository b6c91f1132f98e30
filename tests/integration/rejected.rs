//! Rejected input: exit code 3, every problem listed as `FILE:LINE: message`, nothing written.

use std::fmt::Write as _;

use crate::common::{Test, decision_file, fixture_text};

/// Imports `before` (fixtures, one batch), then `file` with `contents`, which must be rejected
/// with exit code 3 and every `expected` part on stderr, leaving the catalog as it was.
fn rejected(before: &[&str], file: &str, contents: impl AsRef<[u8]>, expected: &[&str]) -> String {
    let test = Test::with(before);
    if !before.is_empty() {
        test.import(before);
    }
    let snapshot = test.snapshot();
    test.write(file, contents);
    let stderr = expected
        .iter()
        .fold(test.tthc(&["import", file]).status(3), |run, part| {
            run.stderr_has(part)
        })
        .run()
        .stderr;
    assert!(
        stderr.starts_with("tthc: "),
        "stderr does not start with `tthc: `:\n{stderr}"
    );
    test.assert_unchanged(snapshot.as_deref());
    stderr
}

/// A decision after `base.csv`, with these records, must be rejected.
fn rejected_after_base(records: &[&str], expected: &[&str]) {
    rejected(&["base.csv"], "bad.csv", decision_file(records), expected);
}

#[test]
fn missing_required_column_is_named_on_the_header_line() {
    let header = [
        "decision",
        "signed",
        "effective",
        "action",
        "code",
        "level",
        "name",
        "field",
    ];
    let record = [
        "1/QĐ-UBND",
        "2024-02-01",
        "2024-02-01",
        "added",
        "1.000401",
        "province",
        "Tên",
        "Tư pháp",
    ];
    for missing in ["decision", "signed", "action", "code", "level"] {
        let keep = |cells: &[&str]| -> String {
            let kept: Vec<&str> = header
                .iter()
                .zip(cells)
                .filter(|(column, _)| **column != missing)
                .map(|(_, cell)| *cell)
                .collect();
            kept.join(",") + "\n"
        };
        let contents = keep(&header) + &keep(&record);
        rejected(&[], "bad.csv", contents, &["bad.csv:1:", missing]);
    }
}

#[test]
fn file_without_decision_columns_needs_the_options() {
    rejected(
        &[],
        "no-decision-columns.csv",
        fixture_text("no-decision-columns.csv"),
        &["no-decision-columns.csv:1:", "decision", "signed"],
    );
}

#[test]
fn added_and_replaced_rows_need_name_field_and_replaces() {
    rejected_after_base(
        &[
            "21/QĐ-UBND,2024-02-01,,added,1.000401,province,,Tư pháp,",
            "21/QĐ-UBND,2024-02-01,,added,1.000402,province,Thủ tục 402,,",
            "21/QĐ-UBND,2024-02-01,,replaced,1.000403,province,Thủ tục 403,Tư pháp,",
            "21/QĐ-UBND,2024-02-01,,replaced,1.000404,province,,Tư pháp,1.000001",
        ],
        &[
            "bad.csv:2:",
            "bad.csv:3:",
            "bad.csv:4:",
            "bad.csv:5:",
            "name",
            "field",
            "replaces",
        ],
    );
}

#[test]
fn unknown_action_is_named() {
    rejected_after_base(
        &[
            "21/QĐ-UBND,2024-02-01,,added,1.000401,province,Thủ tục 401,Tư pháp,",
            "21/QĐ-UBND,2024-02-01,,Điều chỉnh,1.000001,province,,,",
        ],
        &["bad.csv:3:", "Điều chỉnh"],
    );
}

#[test]
fn unknown_level_is_named_with_the_path_as_given() {
    rejected(
        &[],
        "sub/levels.csv",
        decision_file(&[
            "21/QĐ-UBND,2024-02-01,,added,1.000401,province;thôn,Thủ tục 401,Tư pháp,",
        ]),
        &["sub/levels.csv:2:", "thôn"],
    );
}

#[test]
fn malformed_dates_are_named() {
    rejected(
        &[],
        "bad.csv",
        decision_file(&[
            "21/QĐ-UBND,2024/02/01,,added,1.000401,province,Thủ tục 401,Tư pháp,",
            "21/QĐ-UBND,2024-02-01,15.02.2024,added,1.000402,province,Thủ tục 402,Tư pháp,",
        ]),
        &["bad.csv:2:", "2024/02/01", "bad.csv:3:", "15.02.2024"],
    );
}

#[test]
fn impossible_date_31_02_2020_is_rejected() {
    rejected(
        &[],
        "bad.csv",
        decision_file(&[
            "21/QĐ-UBND,31/02/2020,,added,1.000401,province,Thủ tục 401,Tư pháp,",
            "22/QĐ-UBND,2021-01-05,2021-02-29,added,1.000402,province,Thủ tục 402,Tư pháp,",
        ]),
        &["bad.csv:2:", "31/02/2020", "bad.csv:3:", "2021-02-29"],
    );
}

#[test]
fn malformed_codes_are_named() {
    rejected(
        &[],
        "bad.csv",
        decision_file(&[
            "21/QĐ-UBND,2024-02-01,,added,1.00001,province,Thủ tục,Tư pháp,",
            "21/QĐ-UBND,2024-02-01,,added,A.000001,province,Thủ tục,Tư pháp,",
            "21/QĐ-UBND,2024-02-01,,added,1-000003,province,Thủ tục,Tư pháp,",
            "21/QĐ-UBND,2024-02-01,,added,1.0000004,province,Thủ tục,Tư pháp,",
        ]),
        &[
            "bad.csv:2:",
            "1.00001",
            "bad.csv:3:",
            "A.000001",
            "bad.csv:4:",
            "1-000003",
            "bad.csv:5:",
            "1.0000004",
        ],
    );
}

#[test]
fn amending_an_entry_not_in_force() {
    rejected_after_base(
        &[
            "21/QĐ-UBND,2024-02-01,,amended,1.999999,province,Tên mới,,",
            "21/QĐ-UBND,2024-02-01,,amended,1.000001,commune,Tên mới,,",
        ],
        &["bad.csv:2:", "1.999999", "bad.csv:3:", "1.000001"],
    );
}

#[test]
fn amending_before_the_entry_takes_effect() {
    rejected_after_base(
        &["21/QĐ-UBND,2024-01-10,2024-01-14,amended,1.000001,province,Tên mới,,"],
        &["bad.csv:2:", "1.000001"],
    );
}

#[test]
fn repealing_an_entry_not_in_force() {
    rejected_after_base(
        &["21/QĐ-UBND,2024-02-01,,repealed,1.000003,commune,,,"],
        &["bad.csv:2:", "1.000003"],
    );
}

#[test]
fn adding_an_entry_already_in_force() {
    rejected_after_base(
        &["21/QĐ-UBND,2024-02-01,,added,1.000001,province,Cấp giấy phép xây dựng,Xây dựng,"],
        &["bad.csv:2:", "1.000001"],
    );
}

#[test]
fn replacing_an_entry_not_in_force() {
    rejected_after_base(
        &["21/QĐ-UBND,2024-02-01,,replaced,1.000020,province,Thủ tục 20,Tư pháp,1.999998"],
        &["bad.csv:2:", "1.999998"],
    );
}

#[test]
fn replacing_by_a_code_already_in_force() {
    rejected_after_base(
        &["21/QĐ-UBND,2024-02-01,,replaced,1.000006,province,Thủ tục 6,Hộ tịch,1.000002"],
        &["bad.csv:2:", "1.000006"],
    );
}

#[test]
fn naming_an_entry_twice_in_one_decision() {
    rejected_after_base(
        &[
            "21/QĐ-UBND,2024-02-01,,amended,1.000001,province,Tên mới,,",
            "21/QĐ-UBND,2024-02-01,,repealed,1.000001,province,,,",
        ],
        &["bad.csv:3:", "1.000001"],
    );
}

#[test]
fn replaced_entry_counts_as_named_in_its_decision() {
    rejected_after_base(
        &[
            "21/QĐ-UBND,2024-02-01,,amended,1.000002,province,Tên mới,,",
            "21/QĐ-UBND,2024-02-01,,replaced,1.000020,province,Thủ tục 20,Hộ tịch,1.000002",
        ],
        &["bad.csv:3:", "1.000002"],
    );
}

#[test]
fn invalid_utf8_is_rejected_with_its_line() {
    let mut contents =
        decision_file(&["21/QĐ-UBND,2024-02-01,,added,1.000401,province,Thủ tục 401,Tư pháp,"])
            .into_bytes();
    contents.extend_from_slice(b"21/Q\xff-UBND,2024-02-01,,added,1.000402,province,Th\xfe,T,\n");
    rejected(&[], "bad.csv", contents, &["bad.csv:3:"]);
}

#[test]
fn empty_file_is_rejected() {
    rejected(&[], "empty.csv", "", &["empty.csv"]);
    rejected(&["base.csv"], "empty.csv", "", &["empty.csv"]);
}

#[test]
fn several_problems_are_listed_at_once() {
    rejected(
        &[],
        "bad.csv",
        decision_file(&[
            "21/QĐ-UBND,2024-02-01,,bogus,1.000401,province,Thủ tục 401,Tư pháp,",
            "21/QĐ-UBND,2024-02-01,,added,1.000402,province,Thủ tục 402,Tư pháp,",
            "21/QĐ-UBND,2024-02-01,,added,1.000403,village,Thủ tục 403,Tư pháp,",
            "21/QĐ-UBND,2024-02-01,,added,9.9,province,Thủ tục 404,Tư pháp,",
        ]),
        &[
            "bad.csv:2:",
            "bogus",
            "bad.csv:4:",
            "village",
            "bad.csv:5:",
            "9.9",
        ],
    );
}

#[test]
fn problems_are_capped_at_100() {
    let mut contents = decision_file(&[]);
    for i in 0..130 {
        let _ = writeln!(
            contents,
            "21/QĐ-UBND,2024-02-01,,bogus,1.{:06},province,Thủ tục,Tư pháp,",
            500 + i
        );
    }
    let stderr = rejected(
        &[],
        "bad.csv",
        contents,
        &["bad.csv:2:", "bad.csv:101:", "... and 30 more"],
    );
    let listed = stderr
        .lines()
        .filter(|line| line.starts_with("bad.csv:"))
        .count();
    assert_eq!(listed, 100, "{stderr}");
}

#[test]
fn problem_in_a_later_file_rejects_the_whole_batch() {
    let test = Test::with(&["base.csv", "amend-2024-03.csv"]);
    test.import(&["base.csv"]);
    let before = test.snapshot();
    test.write(
        "bad.csv",
        decision_file(&["21/QĐ-UBND,2024-02-01,,bogus,1.000001,province,,,"]),
    );
    test.tthc(&["import", "amend-2024-03.csv", "bad.csv"])
        .status(3)
        .stderr_has("bad.csv:2:")
        .run();
    test.assert_unchanged(before.as_deref());
    let summary = test.import(&["amend-2024-03.csv"]);
    assert_eq!((summary.decisions, summary.changes), (1, 2));
}

#[test]
fn problems_on_stdin_are_reported_as_stdin() {
    let test = Test::new();
    test.tthc(&["import", "-"])
        .stdin(decision_file(&[
            "21/QĐ-UBND,2024-02-01,,bogus,1.000401,province,Thủ tục,Tư pháp,",
        ]))
        .status(3)
        .stderr_has("<stdin>:2:")
        .stderr_has("bogus")
        .run();
    test.assert_unchanged(None);
}

#[test]
fn dry_run_still_rejects_bad_input() {
    let test = Test::new();
    test.write(
        "bad.csv",
        decision_file(&["21/QĐ-UBND,2024-02-01,,bogus,1.000401,province,Thủ tục,Tư pháp,"]),
    );
    test.tthc(&["import", "--dry-run", "bad.csv"])
        .status(3)
        .stderr_has("bad.csv:2:")
        .run();
    assert!(!test.db().exists());
}

#[test]
fn backfill_that_breaks_the_stored_history_is_rejected() {
    rejected(
        &["base.csv", "repeal-2024-07.csv"],
        "backfill.csv",
        decision_file(&["45/QĐ-UBND,2024-04-01,2024-04-01,repealed,1.000003,district,,,"]),
        &["1.000003"],
    );
}

/// The district level was abolished on 2025-07-01: a row effective from
/// then on may repeal a district entry, but not add, amend or replace one.
#[test]
fn a_district_entry_added_after_the_abolition_is_refused() {
    let test = Test::new();
    test.write(
        "late.csv",
        "\
decision,signed,action,code,level,name,field
1/QĐ-UBND,2025-06-01,added,1.000001,district,Thủ tục huyện,Tư pháp
2/QĐ-UBND,2025-08-01,added,1.000002,\"Cấp huyện, Cấp xã\",Thủ tục mới,Tư pháp
2/QĐ-UBND,2025-08-01,amended,1.000001,district,,Hộ tịch
2/QĐ-UBND,2025-08-01,repealed,1.000009,commune,,
",
    );
    let before = test.snapshot();
    let out = test.tthc(&["import", "late.csv"]).status(3).run();
    let lines: Vec<&str> = out
        .stderr
        .lines()
        .filter(|l| l.contains("the district level was abolished on 2025-07-01"))
        .collect();
    assert_eq!(lines.len(), 2, "{}", out.stderr);
    assert!(
        lines[0].starts_with("late.csv:3: column level: added at district level on 2025-08-01"),
        "{lines:?}"
    );
    assert!(
        lines[1].starts_with("late.csv:4: column level: amended at district level"),
        "{lines:?}"
    );
    test.assert_unchanged(before.as_deref());
    // A repeal at the district level stays allowed.
    test.write(
        "repeal.csv",
        "\
decision,signed,action,code,level,name,field
1/QĐ-UBND,2025-06-01,added,1.000001,district,Thủ tục huyện,Tư pháp
3/QĐ-UBND,2025-08-01,repealed,1.000001,district,,
",
    );
    test.import(&["repeal.csv"]);
}

/// A bad code, a repeal of a code never added and an amendment of an
/// unknown code are all told in one pass, not one round at a time.
#[test]
fn row_and_rule_problems_come_in_one_pass() {
    let test = Test::new();
    test.write(
        "three.csv",
        "\
decision,signed,action,code,level,name,field
1/QĐ-UBND,2025-08-01,added,1.00x001,province,Thủ tục,Tư pháp
1/QĐ-UBND,2025-08-01,repealed,1.000002,province,,
1/QĐ-UBND,2025-08-01,amended,1.000003,province,,
",
    );
    let out = test.tthc(&["import", "three.csv"]).status(3).run();
    assert!(out.stderr.contains("(3 problems)"), "{}", out.stderr);
    for line in [
        "three.csv:2: column code",
        "three.csv:3: column code: 1.000002",
        "three.csv:4: column code: 1.000003",
    ] {
        assert!(out.stderr.contains(line), "{line}\n{}", out.stderr);
    }
}
