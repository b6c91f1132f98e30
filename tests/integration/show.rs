//! `tthc show CODE`: a procedure's full record per level at a version of the catalog.

use serde::Deserialize;

use crate::audit_data::audit;
use crate::common::{DecisionRef, Test};

/// `tthc show --format json`; `after_decision` only for a decision reference.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ShowJson {
    code: String,
    as_of: String,
    after_decision: Option<DecisionRef>,
    entries: Vec<ShownEntry>,
}

#[derive(Debug, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
struct ShownEntry {
    level: String,
    code: String,
    name: String,
    field: String,
    agency: String,
    processing_time: String,
    fee: String,
    legal_basis: String,
    decision: DecisionRef,
    effective: String,
    action: String,
    version: u32,
    online: String,
    inter_agency: String,
    file: String,
    line: u32,
}

/// The entries shown; every one names the file and line of its row, which
/// are checked here and then cleared, so that tests compare the rest.
fn show(test: &Test, code: &str, as_of: &str) -> ShowJson {
    let mut shown: ShowJson = test
        .tthc(&["show", code, "--as-of", as_of, "--format", "json"])
        .run()
        .json();
    for e in &mut shown.entries {
        assert!(e.file.starts_with("audit/") && e.line >= 2, "{e:?}");
        e.file.clear();
        e.line = 0;
    }
    shown
}

fn hkd(
    level: &str,
    agency: &str,
    decision: &str,
    signed: &str,
    action: &str,
    version: u32,
) -> ShownEntry {
    ShownEntry {
        level: level.to_owned(),
        code: "1.000003".to_owned(),
        name: "Cấp giấy chứng nhận đăng ký hộ kinh doanh".to_owned(),
        field: "Kinh doanh".to_owned(),
        agency: agency.to_owned(),
        processing_time: "03 ngày làm việc".to_owned(),
        fee: "100.000 đồng".to_owned(),
        legal_basis: "Nghị định 01/2021/NĐ-CP".to_owned(),
        decision: DecisionRef::new(decision, signed),
        effective: if decision == "100/QĐ-UBND" {
            "2020-02-01"
        } else {
            "2025-07-01"
        }
        .to_owned(),
        action: action.to_owned(),
        version,
        online: String::new(),
        inter_agency: String::new(),
        file: String::new(),
        line: 0,
    }
}

#[test]
fn the_record_moves_from_district_to_commune_level() {
    let test = audit();
    let before = show(&test, "1.000003", "2025-06-30");
    assert_eq!(before.code, "1.000003");
    assert_eq!(before.as_of, "2025-06-30");
    assert_eq!(before.after_decision, None);
    assert_eq!(
        before.entries,
        [hkd(
            "district",
            "UBND cấp huyện",
            "100/QĐ-UBND",
            "2020-01-10",
            "added",
            1
        )]
    );
    let after = show(&test, "1.000003", "2025-07-01");
    assert_eq!(
        after.entries,
        [hkd(
            "commune",
            "UBND cấp xã (bộ phận một cửa)",
            "1600/QĐ-UBND",
            "2025-06-25",
            "amended",
            2
        )]
    );
    // Right after decision 1580, before 1600 amended it on the same day.
    let after_1580 = show(&test, "1.000003", "1580/QĐ-UBND");
    assert_eq!(after_1580.as_of, "2025-07-01");
    assert_eq!(
        after_1580.after_decision,
        Some(DecisionRef::new("1580/QĐ-UBND", "2025-06-20"))
    );
    assert_eq!(
        after_1580.entries,
        [hkd(
            "commune",
            "UBND cấp xã",
            "1580/QĐ-UBND",
            "2025-06-20",
            "added",
            1
        )]
    );
}

#[test]
fn one_record_per_level_in_force() {
    let test = audit();
    let s = show(&test, "2.000001", "2024-01-01");
    let levels: Vec<&str> = s.entries.iter().map(|e| e.level.as_str()).collect();
    assert_eq!(levels, ["province", "commune"]);
    assert_eq!(s.entries[0].agency, "Sở Tư pháp, UBND cấp xã");
    // A future-dated amendment shows once its day has come.
    let now = show(&test, "1.000012", "2099-06-30");
    assert_eq!(now.entries[0].processing_time, "25 ngày");
    let later = show(&test, "1.000012", "2099-07-01");
    assert_eq!(later.entries[0].processing_time, "20 ngày");
    assert_eq!(later.entries[0].decision.number, "900/QĐ-UBND");
}

#[test]
fn not_in_force_anywhere_is_a_failure_with_a_message() {
    let test = audit();
    test.tthc(&[
        "show",
        "1.000002",
        "--as-of",
        "2022-01-01",
        "--format",
        "table",
    ])
    .status(1)
    .stderr_has("tthc: 1.000002 is not in force at any level as of 2022-01-01")
    .run();
    test.tthc(&[
        "show",
        "1.000003",
        "--as-of",
        "2019-12-31",
        "--format",
        "table",
    ])
    .status(1)
    .stderr_has("not in force")
    .run();
    test.tthc(&["show", "9.999999"])
        .status(1)
        .stderr_has("no version of 9.999999 is stored")
        .run();
    test.tthc(&["show", "x"]).status(2).run();
}

#[test]
fn table_and_csv() {
    let test = audit();
    test.tthc(&[
        "show",
        "1.000001",
        "--as-of",
        "2021-03-15",
        "--format",
        "table",
    ])
    .stdout_has("1.000001 (as of 15/03/2021)")
    .stdout_has("\nProvince level\n")
    .stdout_has("│ Fees and charges ")
    .stdout_has("│ Version ")
    .stdout_has("┆ 3 (amended)")
    .stdout_has("500.000 đồng")
    .stdout_has("15/QĐ-UBND")
    .run();
    let vi = test
        .tthc(&[
            "show",
            "1.000001",
            "--as-of",
            "2021-03-15",
            "--format",
            "table",
        ])
        .env("LANG", "vi_VN.UTF-8")
        .stdout_has("1.000001 (tính đến ngày 15/03/2021)")
        .stdout_has("\nCấp tỉnh\n")
        .stdout_has("│ Phí, lệ phí ")
        .stdout_has("3 (Sửa đổi, bổ sung)")
        .stdout_has("500.000 đồng")
        .run()
        .stdout;
    for english in ["as of", "province", "Fees", "Version", "amended"] {
        assert!(!vi.contains(english), "{english} in {vi}");
    }
    let json = |lang: &str| {
        test.tthc(&[
            "show",
            "1.000001",
            "--as-of",
            "2021-03-15",
            "--format",
            "json",
            "--lang",
            lang,
        ])
        .run()
        .stdout
    };
    assert_eq!(json("vi"), json("en"));
    test.tthc(&["show", "1.000001", "--as-of", "2021-03-15", "--format", "csv"])
        .stdout(
            "\
level,code,name,field,agency,processing_time,fee,legal_basis,decision,signed,effective,action,version,online,inter_agency,file,line
province,1.000001,Cấp giấy phép xây dựng,Xây dựng,Sở Xây dựng,15 ngày,500.000 đồng,Luật Xây dựng 2014,15/QĐ-UBND,2021-03-01,2021-03-15,amended,3,,,audit/02-2021-03.csv,2
",
        )
        .run();
}
