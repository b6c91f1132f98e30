//! Decision references wherever a date is accepted: `NUMBER` when one stored
//! decision has that number, else `NUMBER@YYYY-MM-DD` (its signing date). The
//! version as of a decision is the catalog right after it is applied.

use crate::audit_data::audit;
use crate::common::{Counts, DecisionRef, Export, Test, csv_export};

#[test]
fn counts_right_after_a_decision_leave_out_later_changes_of_the_same_day() {
    let test = audit();
    // 1580 and 1600 both take effect on 2025-07-01; 1600 (signed later) repeals 1.000004.
    let after_1580: Counts = test
        .tthc(&["counts", "--as-of", "1580/QĐ-UBND", "--format", "json"])
        .run()
        .json();
    assert_eq!(
        after_1580,
        Counts {
            after_decision: Some(DecisionRef::new("1580/QĐ-UBND", "2025-06-20")),
            ..Counts::new("2025-07-01", [4, 0, 5, 9, 8])
        }
    );
    assert_eq!(
        test.counts("2025-07-01"),
        Counts::new("2025-07-01", [4, 0, 4, 8, 7])
    );
    let after_1600: Counts = test
        .tthc(&["counts", "--as-of", "1600/QĐ-UBND", "--format", "json"])
        .run()
        .json();
    assert_eq!(
        after_1600,
        Counts {
            after_decision: Some(DecisionRef::new("1600/QĐ-UBND", "2025-06-25")),
            ..test.counts("2025-07-01")
        }
    );
    test.tthc(&["counts", "--as-of", "1580/QĐ-UBND", "--format", "csv"])
        .stdout(concat!(
            "as_of,province,district,commune,total,procedures,online_full_province,online_full_district,online_full_commune,online_partial_province,online_partial_district,online_partial_commune,inter_agency_province,inter_agency_district,inter_agency_commune,without_code\n",
            "2025-07-01,4,0,5,9,8,0,0,0,0,0,0,0,0,0,0\n"
        ))
        .run();
    test.tthc(&["counts", "--as-of", "1580/QĐ-UBND", "--format", "table"])
        .stdout_has("as of 01/07/2025, right after decision 1580/QĐ-UBND signed 20/06/2025")
        .run();
    test.tthc(&["counts", "--as-of", "1580/QĐ-UBND", "--format", "table"])
        .env("LANG", "vi_VN.UTF-8")
        .stdout_has(
            "tính đến ngày 01/07/2025, ngay sau Quyết định số 1580/QĐ-UBND ký ngày 20/06/2025",
        )
        .run();
}

#[test]
fn export_right_after_a_decision() {
    let test = audit();
    let commune = [
        "commune,2.000001,Chứng thực bản sao từ bản chính,Chứng thực,\"Sở Tư pháp, UBND cấp xã\",Trong ngày,2.000 đồng/trang,Nghị định 23/2015/NĐ-CP,100/QĐ-UBND,2020-02-01",
        "commune,1.000004,Đăng ký khai sinh,Hộ tịch,UBND cấp xã (bộ phận một cửa),Trong ngày,Miễn lệ phí,Luật Hộ tịch 2014,20/QĐ-UBND,2021-03-10",
        "commune,1.000007,Đăng ký giám hộ,Hộ tịch,UBND cấp xã,03 ngày làm việc,Không,Luật Hộ tịch 2014,5/QĐ-UBND,2024-02-01",
        "commune,1.000003,Cấp giấy chứng nhận đăng ký hộ kinh doanh,Kinh doanh,UBND cấp xã,03 ngày làm việc,100.000 đồng,Nghị định 01/2021/NĐ-CP,1580/QĐ-UBND,2025-07-01",
        "commune,1.000005,Cấp giấy phép kinh doanh karaoke,Văn hóa,UBND cấp xã,05 ngày làm việc,Theo biểu phí,Nghị định 54/2019/NĐ-CP,1580/QĐ-UBND,2025-07-01",
    ];
    let export = test
        .tthc(&["export", "--as-of", "1580/QĐ-UBND", "--format", "csv"])
        .run()
        .stdout;
    let lines: Vec<&str> = export
        .lines()
        .filter(|l| l.starts_with("commune,"))
        .collect();
    assert_eq!(lines, commune);
    let json = test
        .tthc(&["export", "--as-of", "1580/QĐ-UBND", "--format", "json"])
        .run()
        .json::<crate::common::Export>();
    assert_eq!(json.as_of, "2025-07-01");
    assert_eq!(json.counts, Counts::new("2025-07-01", [4, 0, 5, 9, 8]));
    // Right after the base decision: the base catalog.
    let base = test
        .tthc(&["export", "--as-of", "100/QĐ-UBND", "--format", "csv"])
        .run()
        .stdout;
    assert_eq!(base, test.export_csv("2020-02-01"));
    assert_ne!(base, csv_export(&[]));
}

#[test]
fn leading_zeros_and_the_signing_date_pick_the_decision() {
    let test = audit();
    for reference in [
        "100/QĐ-UBND",
        "0100/QĐ-UBND",
        "100/qđ-ubnd",
        "100/QĐ-UBND@2020-01-10",
        "100/QĐ-UBND@10/01/2020",
    ] {
        let counts: Counts = test
            .tthc(&["counts", "--format", "json", "--as-of", reference])
            .run()
            .json();
        assert_eq!(
            counts,
            Counts {
                after_decision: Some(DecisionRef::new("100/QĐ-UBND", "2020-01-10")),
                ..test.counts("2020-02-01")
            },
            "{reference}"
        );
    }
    // 05/QĐ-UBND (2023) and 5/QĐ-UBND (2024) are the same number in two years.
    let in_2023: Counts = test
        .tthc(&[
            "counts",
            "--format",
            "json",
            "--as-of",
            "5/QĐ-UBND@2023-01-05",
        ])
        .run()
        .json();
    assert_eq!(in_2023.as_of, "2023-02-01");
    assert_eq!(
        in_2023.after_decision,
        Some(DecisionRef::new("05/QĐ-UBND", "2023-01-05"))
    );
    let in_2024: Counts = test
        .tthc(&[
            "counts",
            "--format",
            "json",
            "--as-of",
            "05/QĐ-UBND@2024-01-08",
        ])
        .run()
        .json();
    assert_eq!(in_2024.as_of, "2024-02-01");
    assert_eq!(
        in_2024.after_decision,
        Some(DecisionRef::new("5/QĐ-UBND", "2024-01-08"))
    );
}

#[test]
fn an_ambiguous_reference_lists_the_candidates() {
    let test = audit();
    for command in [
        &["counts", "--as-of"][..],
        &["export", "--as-of"],
        &["show", "1.000001", "--as-of"],
    ] {
        test.tthc(command)
            .args(["5/QĐ-UBND"])
            .status(2)
            .stderr_has("--as-of: \"5/QĐ-UBND\" names 2 stored decisions; add the signing date as NUMBER@YYYY-MM-DD:")
            .stderr_has("\n  05/QĐ-UBND@2023-01-05\n  5/QĐ-UBND@2024-01-08")
            .run();
    }
    test.tthc(&["diff", "05/QĐ-UBND", "2025-01-01"])
        .status(2)
        .stderr_has("FROM: \"05/QĐ-UBND\" names 2 stored decisions")
        .run();
}

#[test]
fn an_unknown_reference_lists_the_near_candidates() {
    let test = audit();
    // The wrong signing date: the decisions with that number.
    test.tthc(&["counts", "--as-of", "15/QĐ-UBND@2021-03-02"])
        .status(2)
        .stderr_has("nor a stored decision; stored decisions with a similar number:\n  15/QĐ-UBND@2021-03-01")
        .run();
    // Another spelling of the number: the decisions with the same serial number.
    test.tthc(&["diff", "2020-01-01", "1580/QD-UBND"])
        .status(2)
        .stderr_has("TO: \"1580/QD-UBND\" is neither a date")
        .stderr_has("  1580/QĐ-UBND@2025-06-20")
        .run();
    test.tthc(&["counts", "--as-of", "4321/QĐ-UBND"])
        .status(2)
        .stderr_has("tthc decisions lists the stored decisions")
        .run();
    test.tthc(&["counts", "--as-of", "15/QĐ-UBND@2021-02-30"])
        .status(2)
        .stderr_has("signing date")
        .run();
}

#[test]
fn a_value_that_looks_like_a_date_must_be_one() {
    // Refused before the database is opened: usage, not a missing database.
    let test = Test::new();
    test.tthc(&["counts", "--as-of", "2021-02-30"])
        .status(2)
        .stderr_has("invalid value '2021-02-30' for '--as-of <DATE|REF>': impossible date")
        .run();
    test.tthc(&["diff", "2021-01-01", "2021-1-01"])
        .status(2)
        .stderr_has("for '<TO>': bad date")
        .run();
    // A bare number is more likely a decision's number without its suffix.
    test.tthc(&["diff", "1234", "2021-01-01"])
        .status(2)
        .stderr_has("tthc: invalid value '1234' for '<FROM>': bad date \"1234\"")
        .stderr_has("a decision is named by its number as written, e.g. 1234/QĐ-UBND")
        .run();
    // A reference needs the catalog.
    test.tthc(&["counts", "--as-of", "15/QĐ-UBND"])
        .status(1)
        .stderr_has("no catalog database")
        .run();
}

/// JSON names a decision by its number and signing date, since numbers
/// restart every year (05/QĐ-UBND of 2023 and 5/QĐ-UBND of 2024); an output
/// taken right after a decision names it as `after_decision`.
#[test]
fn json_names_every_decision_with_its_signing_date() {
    let test = audit();
    let json = |args: &[&str]| -> serde_json::Value { test.tthc(args).run().json() };
    let after = serde_json::json!({"number": "1580/QĐ-UBND", "signed": "2025-06-20"});
    for args in [
        &["export", "--as-of", "1580/QĐ-UBND", "--format", "json"][..],
        &["counts", "--as-of", "1580/QĐ-UBND", "--format", "json"],
        &[
            "search",
            "kinh doanh",
            "--as-of",
            "1580/QĐ-UBND",
            "--format",
            "json",
        ],
        &[
            "show",
            "1.000003",
            "--as-of",
            "1580/QĐ-UBND",
            "--format",
            "json",
        ],
    ] {
        assert_eq!(json(args)["after_decision"], after, "{args:?}");
    }
    let export: Export = test
        .tthc(&["export", "--as-of", "1580/QĐ-UBND", "--format", "json"])
        .run()
        .json();
    assert_eq!(
        export.after_decision,
        Some(DecisionRef::new("1580/QĐ-UBND", "2025-06-20"))
    );
    assert_eq!(test.export_json("2025-07-01").after_decision, None);
    for args in [
        &["export", "--as-of", "2025-07-01", "--format", "json"][..],
        &["counts", "--as-of", "2025-07-01", "--format", "json"],
    ] {
        assert!(json(args).get("after_decision").is_none(), "{args:?}");
    }
    // The entries of an export, of a search and of show.
    let export = json(&["export", "--as-of", "2024-12-31", "--format", "json"]);
    let made_by = |code: &str| {
        export["entries"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["code"] == code)
            .map(|e| e["decision"].clone())
            .unwrap()
    };
    assert_eq!(
        made_by("1.000007"),
        serde_json::json!({"number": "5/QĐ-UBND", "signed": "2024-01-08"})
    );
    assert_eq!(
        made_by("1.000006"),
        serde_json::json!({"number": "05/QĐ-UBND", "signed": "2023-01-05"})
    );
    let found = json(&[
        "search",
        "giấy phép lái xe",
        "--as-of",
        "2024-12-31",
        "--format",
        "json",
    ]);
    assert_eq!(
        found["entries"][0]["decision"],
        serde_json::json!({"number": "05/QĐ-UBND", "signed": "2023-01-05"})
    );
    let history = json(&["history", "1.000007", "--format", "json"]);
    assert_eq!(
        history["versions"][0]["decision"],
        serde_json::json!({"number": "5/QĐ-UBND", "signed": "2024-01-08"})
    );
}
