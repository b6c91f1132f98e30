//! How decisions build the catalog over time: order of application, re-imports,
//! decision identity, dry runs, back-fills, repeals, replacements.

use crate::common::{
    Actions, BASE_EXPORT, Counts, Test, assert_text, csv_export, decision_file, export_line,
    fixture_text,
};

/// Decision 10 of `base.csv` and the decisions that follow it in 2024.
const HISTORY: [&str; 5] = [
    "base.csv",
    "amend-2024-03.csv",
    "replace-2024-05.csv",
    "amend-2024-06.csv",
    "repeal-2024-07.csv",
];

const HISTORY_EXPORT: &str = "\
level,code,name,field,agency,processing_time,fee,legal_basis,decision,effective
province,2.000005,Chứng thực bản sao từ bản chính,Chứng thực,\"Sở Tư pháp, UBND cấp xã\",Trong ngày,2.000 đồng/trang,Nghị định 23/2015/NĐ-CP,10/QĐ-UBND,2024-01-15
province,1.000006,\"Thay đổi, cải chính hộ tịch\",Hộ tịch,Sở Tư pháp,05 ngày làm việc,28.000 đồng,Luật Hộ tịch 2014,10/QĐ-UBND,2024-01-15
province,1.000007,\"Đăng ký kết hôn, nhận cha mẹ con có yếu tố nước ngoài\",Hộ tịch,Sở Tư pháp,12 ngày làm việc,1.500.000 đồng,Nghị định 123/2015/NĐ-CP,30/QĐ-UBND,2024-05-15
province,1.000001,Cấp giấy phép xây dựng có thời hạn,Xây dựng,Sở Xây dựng,20 ngày,500.000 đồng,Luật Xây dựng 2014,50/QĐ-UBND,2024-06-10
commune,1.000004,Đăng ký khai sinh,Hộ tịch,UBND cấp xã,Trong ngày,Không thu,Luật Hộ tịch 2014,20/QĐ-UBND,2024-03-15
";

/// A test holding `base.csv`, then each of these short decision files, each imported on its own.
fn base_then(decisions: &[&[&str]]) -> Test {
    let test = Test::imported(&["base.csv"]);
    for (i, records) in decisions.iter().enumerate() {
        let name = format!("d{i}.csv");
        test.write(&name, decision_file(records));
        test.import(&[&name]);
    }
    test
}

fn assert_line(test: &Test, as_of: &str, prefix: &str, expected: Option<&str>) {
    assert_eq!(
        test.export_line(as_of, prefix).as_deref(),
        expected,
        "line {prefix} as of {as_of}"
    );
}

#[test]
fn decisions_imported_in_order_build_the_catalog() {
    let test = Test::imported_one_by_one(&HISTORY);
    assert_text(
        "as of 2024-07-01",
        HISTORY_EXPORT,
        &test.export_csv("2024-07-01"),
    );
    let march = test.export_csv("2024-03-15");
    assert_eq!(
        export_line(&march, "province,1.000001"),
        Some(
            "province,1.000001,Cấp giấy phép xây dựng có thời hạn,Xây dựng,Sở Xây dựng,20 ngày,Không,Luật Xây dựng 2014,20/QĐ-UBND,2024-03-15"
        )
    );
    assert_eq!(
        export_line(&march, "commune,1.000004"),
        Some(
            "commune,1.000004,Đăng ký khai sinh,Hộ tịch,UBND cấp xã,Trong ngày,Không thu,Luật Hộ tịch 2014,20/QĐ-UBND,2024-03-15"
        )
    );
    assert_line(&test, "2024-05-14", "province,1.000007", None);
    assert!(
        test.export_line("2024-05-14", "province,1.000002")
            .is_some()
    );
    assert_line(&test, "2024-05-15", "province,1.000002", None);
    assert_eq!(
        test.counts("2024-06-30"),
        Counts::new("2024-06-30", [4, 1, 2, 7, 6])
    );
    assert_eq!(
        test.counts("2024-07-01"),
        Counts::new("2024-07-01", [4, 0, 1, 5, 5])
    );
}

#[test]
fn one_batch_in_any_file_order_builds_the_same_catalog() {
    let in_order = Test::imported_one_by_one(&HISTORY);
    let batch = Test::with(&HISTORY);
    let reversed: Vec<&str> = HISTORY.iter().rev().copied().collect();
    batch.import(&reversed);
    in_order.assert_same_catalog(&batch);
}

#[test]
fn backfilled_amendment_carries_into_later_versions() {
    let test = Test::with(&HISTORY);
    test.import(&[
        "base.csv",
        "replace-2024-05.csv",
        "amend-2024-06.csv",
        "repeal-2024-07.csv",
    ]);
    assert_line(
        &test,
        "2024-06-10",
        "province,1.000001",
        Some(
            "province,1.000001,Cấp giấy phép xây dựng,Xây dựng,Sở Xây dựng,20 ngày,500.000 đồng,Luật Xây dựng 2014,50/QĐ-UBND,2024-06-10",
        ),
    );
    test.import(&["amend-2024-03.csv"]);
    assert_text(
        "after the back-fill",
        HISTORY_EXPORT,
        &test.export_csv("2024-07-01"),
    );
    Test::imported_one_by_one(&HISTORY).assert_same_catalog(&test);
}

#[test]
fn identical_reimport_is_already_imported_and_changes_nothing() {
    let test = Test::imported(&["base.csv"]);
    let before = test.snapshot();
    test.tthc(&["import", "base.csv"])
        .stdout_has("already imported")
        .run();
    let summary = test.import(&["base.csv"]);
    assert_eq!((summary.changes, summary.skipped.len()), (0, 1));
    test.assert_unchanged(before.as_deref());
}

#[test]
fn batch_with_a_stored_decision_imports_only_the_new_one() {
    let test = Test::with(&["base.csv", "amend-2024-03.csv"]);
    test.import(&["base.csv"]);
    let summary = test.import(&["base.csv", "amend-2024-03.csv"]);
    assert_eq!(
        (summary.decisions, summary.changes, summary.skipped.len()),
        (1, 2, 1)
    );
    assert_eq!(
        summary.actions,
        Actions {
            added: 0,
            amended: 2,
            replaced: 0,
            repealed: 0
        }
    );
    assert!(
        test.export_line("2024-03-15", "province,1.000001")
            .is_some_and(|line| line.contains("có thời hạn"))
    );
}

#[test]
fn changed_rows_under_a_stored_decision_conflict() {
    let test = Test::with(&["base.csv", "amend-2024-03.csv"]);
    test.import(&["base.csv"]);
    let before = test.snapshot();
    let base = fixture_text("base.csv");
    let changed = base.replace(",20 ngày,", ",15 ngày,");
    assert_ne!(changed, base);
    test.write("changed.csv", changed);
    test.write(
        "extra.csv",
        base + "10/QĐ-UBND,2024-01-10,2024-01-15,added,1.000099,province,Thủ tục 99,Tư pháp,,,,,\n",
    );
    for batch in [
        &["changed.csv"][..],
        &["extra.csv"],
        &["amend-2024-03.csv", "changed.csv"],
    ] {
        test.tthc(&["import"])
            .args(batch)
            .status(4)
            .stderr_has("tthc: ")
            .stderr_has("10/QĐ-UBND")
            .run();
    }
    test.assert_unchanged(before.as_deref());
}

#[test]
fn same_number_signed_in_another_year_is_another_decision() {
    let test = Test::new();
    test.write(
        "2023.csv",
        decision_file(&["15/QĐ-UBND,2023-03-01,,added,1.000601,province,Thủ tục 601,Tư pháp,"]),
    );
    test.write(
        "2024.csv",
        decision_file(&["15/QĐ-UBND,2024-03-01,,added,1.000602,province,Thủ tục 602,Tư pháp,"]),
    );
    test.import(&["2023.csv"]);
    let summary = test.import(&["2024.csv"]);
    assert_eq!((summary.decisions, summary.changes), (1, 1));
    let expected = csv_export(&[
        "province,1.000601,Thủ tục 601,Tư pháp,,,,,15/QĐ-UBND,2023-03-01",
        "province,1.000602,Thủ tục 602,Tư pháp,,,,,15/QĐ-UBND,2024-03-01",
    ]);
    assert_text(
        "both decisions 15",
        &expected,
        &test.export_csv("2024-03-01"),
    );
}

#[test]
fn leading_zeros_in_a_decision_number_are_not_significant() {
    let test = Test::new();
    let file = |number: &str, code: &str| {
        decision_file(&[&format!(
            "{number},2024-04-01,,added,{code},province,Thủ tục,Tư pháp,"
        )])
    };
    test.write("05.csv", file("05/QĐ-UBND", "1.000701"));
    test.write("5.csv", file("5/QĐ-UBND", "1.000701"));
    test.write("5-other.csv", file("5/QĐ-UBND", "1.000702"));
    test.import(&["05.csv"]);
    let before = test.snapshot();
    test.tthc(&["import", "5.csv"])
        .stdout_has("already imported")
        .run();
    test.tthc(&["import", "5-other.csv"])
        .status(4)
        .stderr_has("5/QĐ-UBND")
        .run();
    test.assert_unchanged(before.as_deref());
}

#[test]
fn dry_run_creates_no_database() {
    let test = Test::with(&["base.csv"]);
    test.tthc(&["import", "--dry-run", "base.csv"])
        .stdout_has("dry run")
        .run();
    assert!(
        !test.db().exists(),
        "a dry run created {}",
        test.db().display()
    );
    let summary: crate::common::Summary = test
        .tthc(&["import", "--dry-run", "--format", "json", "base.csv"])
        .run()
        .json();
    assert!(summary.dry_run);
    assert_eq!(
        (summary.decisions, summary.rows, summary.changes),
        (1, 6, 7)
    );
    assert!(
        !test.db().exists(),
        "a dry run created {}",
        test.db().display()
    );
}

#[test]
fn dry_run_leaves_a_stored_catalog_unchanged() {
    let test = Test::with(&["base.csv", "amend-2024-03.csv"]);
    test.import(&["base.csv"]);
    let before = test.snapshot();
    test.tthc(&["import", "--dry-run", "amend-2024-03.csv"])
        .stdout_has("dry run")
        .run();
    test.assert_unchanged(before.as_deref());
    let summary = test.import(&["amend-2024-03.csv"]);
    assert_eq!((summary.decisions, summary.changes), (1, 2));
}

#[test]
fn retroactive_decision_is_in_force_from_its_effective_date() {
    let test = base_then(&[&[
        "60/QĐ-UBND,2024-05-10,2024-04-01,added,1.000008,province,Thủ tục 8,Tư pháp,",
    ]]);
    assert_line(&test, "2024-03-31", "province,1.000008", None);
    assert_line(
        &test,
        "2024-04-01",
        "province,1.000008",
        Some("province,1.000008,Thủ tục 8,Tư pháp,,,,,60/QĐ-UBND,2024-04-01"),
    );
}

#[test]
fn later_effective_date_wins_over_later_signing_date() {
    let test = base_then(&[
        &["61/QĐ-UBND,2024-05-01,2024-05-01,amended,1.000001,province,Tên B,,"],
        &["62/QĐ-UBND,2024-06-01,2024-04-01,amended,1.000001,province,Tên C,,"],
    ]);
    let line = |name: &str, decision: &str| {
        format!(
            "province,1.000001,{name},Xây dựng,Sở Xây dựng,20 ngày,Không,Luật Xây dựng 2014,{decision}"
        )
    };
    assert_line(
        &test,
        "2024-04-15",
        "province,1.000001",
        Some(&line("Tên C", "62/QĐ-UBND,2024-04-01")),
    );
    assert_line(
        &test,
        "2024-05-15",
        "province,1.000001",
        Some(&line("Tên B", "61/QĐ-UBND,2024-05-01")),
    );
}

#[test]
fn same_effective_date_applies_decisions_in_signing_order() {
    let test = base_then(&[
        &["63/QĐ-UBND,2024-06-15,2024-07-01,amended,1.000001,province,Tên D,,"],
        &["64/QĐ-UBND,2024-06-01,2024-07-01,amended,1.000001,province,Tên E,,"],
    ]);
    assert_line(
        &test,
        "2024-07-01",
        "province,1.000001",
        Some(
            "province,1.000001,Tên D,Xây dựng,Sở Xây dựng,20 ngày,Không,Luật Xây dựng 2014,63/QĐ-UBND,2024-07-01",
        ),
    );
}

#[test]
fn same_day_decisions_apply_in_import_order() {
    let add = decision_file(&[
        "66/QĐ-UBND,2024-06-01,2024-06-01,added,1.000009,province,Thủ tục 9,Tư pháp,",
    ]);
    let amend = decision_file(&[
        "65/QĐ-UBND,2024-06-01,2024-06-01,amended,1.000009,province,Thủ tục 9 (sửa đổi),,",
    ]);
    let expected = "province,1.000009,Thủ tục 9 (sửa đổi),Tư pháp,,,,,65/QĐ-UBND,2024-06-01";
    let one_by_one = Test::new();
    one_by_one.write("add.csv", &add).write("amend.csv", &amend);
    one_by_one.import(&["add.csv"]);
    one_by_one.import(&["amend.csv"]);
    assert_line(
        &one_by_one,
        "2024-06-01",
        "province,1.000009",
        Some(expected),
    );
    let batch = Test::new();
    batch.write("add.csv", &add).write("amend.csv", &amend);
    batch.import(&["add.csv", "amend.csv"]);
    assert_line(&batch, "2024-06-01", "province,1.000009", Some(expected));
}

#[test]
fn future_decision_is_not_in_force_today() {
    let test = base_then(&[&[
        "70/QĐ-UBND,2025-01-10,2090-01-01,added,1.000011,province,Thủ tục 11,Tư pháp,",
    ]]);
    let today = test.tthc(&["export"]).run().stdout;
    assert!(
        export_line(&today, "province,1.000001").is_some(),
        "{today}"
    );
    assert_eq!(export_line(&today, "province,1.000011"), None);
    assert_line(&test, "2089-12-31", "province,1.000011", None);
    assert_line(
        &test,
        "2090-01-01",
        "province,1.000011",
        Some("province,1.000011,Thủ tục 11,Tư pháp,,,,,70/QĐ-UBND,2090-01-01"),
    );
}

#[test]
fn repealed_entry_can_be_added_again() {
    let test = base_then(&[
        &["71/QĐ-UBND,2024-03-01,2024-03-01,repealed,1.000006,province,,,"],
        &[
            "72/QĐ-UBND,2024-09-01,2024-09-01,added,1.000006,province,Cải chính hộ tịch (mới),Hộ tịch,",
        ],
    ]);
    assert_line(&test, "2024-03-01", "province,1.000006", None);
    assert_eq!(test.counts("2024-03-01").province, 3);
    assert_line(
        &test,
        "2024-09-01",
        "province,1.000006",
        Some("province,1.000006,Cải chính hộ tịch (mới),Hộ tịch,,,,,72/QĐ-UBND,2024-09-01"),
    );
    assert_eq!(test.counts("2024-09-01").province, 4);
}

#[test]
fn replacement_chain_a_b_c() {
    let test = base_then(&[
        &[
            "73/QĐ-UBND,2024-03-01,2024-03-01,replaced,1.000012,province,Thủ tục B,Xây dựng,1.000001",
        ],
        &[
            "74/QĐ-UBND,2024-06-01,2024-06-01,replaced,1.000013,province,Thủ tục C,Xây dựng,1.000012",
        ],
    ]);
    for (day, code) in [
        ("2024-02-01", "1.000001"),
        ("2024-03-01", "1.000012"),
        ("2024-06-01", "1.000013"),
    ] {
        let export = test.export_csv(day);
        let codes: Vec<&str> = export
            .lines()
            .filter(|line| line.contains(",Xây dựng,"))
            .map(|line| line.split(',').nth(1).unwrap_or_default())
            .collect();
        assert_eq!(codes, [code], "construction procedures as of {day}");
        assert_eq!(test.counts(day).province, 4, "province entries as of {day}");
    }
    assert_line(
        &test,
        "2024-06-01",
        "province,1.000013",
        Some("province,1.000013,Thủ tục C,Xây dựng,,,,,74/QĐ-UBND,2024-06-01"),
    );
}

#[test]
fn replacement_under_the_same_code_reissues_the_entry() {
    let test = base_then(&[&[
        "75/QĐ-UBND,2024-03-01,2024-03-01,replaced,1.000001,province,Cấp giấy phép xây dựng (thay thế),Xây dựng,1.000001",
    ]]);
    assert_line(
        &test,
        "2024-03-01",
        "province,1.000001",
        Some(
            "province,1.000001,Cấp giấy phép xây dựng (thay thế),Xây dựng,,,,,75/QĐ-UBND,2024-03-01",
        ),
    );
    assert_eq!(
        test.counts("2024-03-01"),
        Counts::new("2024-03-01", [4, 1, 2, 7, 6])
    );
}

#[test]
fn district_level_abolished_on_2025_07_01() {
    let test =
        Test::imported_one_by_one(&["base.csv", "districts-2024.csv", "districts-abolished.csv"]);
    assert_eq!(
        test.counts("2025-06-30"),
        Counts::new("2025-06-30", [4, 3, 2, 9, 8])
    );
    assert_eq!(
        test.counts("2025-07-01"),
        Counts::new("2025-07-01", [4, 0, 4, 8, 7])
    );
    let moved = [
        "commune,1.000003,Cấp giấy chứng nhận đăng ký hộ kinh doanh,Kinh doanh,UBND cấp xã,,,,90/QĐ-UBND,2025-07-01",
        "commune,2.000031,Cấp giấy phép kinh doanh bán lẻ rượu,Lưu thông hàng hóa,UBND cấp xã,,,,90/QĐ-UBND,2025-07-01",
    ];
    let lines: Vec<&str> = BASE_EXPORT
        .lines()
        .skip(1)
        .filter(|line| !line.starts_with("district,"))
        .chain(moved)
        .collect();
    let expected = csv_export(&lines);
    assert_text(
        "after the abolition",
        &expected,
        &test.export_csv("2025-07-01"),
    );
}
