//! `tthc history CODE`: every version of a procedure's entries, level by level.

use serde::Deserialize;

use crate::audit_data::audit;
use crate::common::{DecisionRef, Test};

/// `tthc history --format json`
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct HistoryJson {
    code: String,
    versions: Vec<HistoryVersion>,
}

/// `replaces` only for the new side of a replacement, `replaced_by` only for
/// the old side; `moved_from` only for the addition of a move between levels,
/// `moved_to` only for its repeal.
#[derive(Debug, Deserialize, Clone)]
#[serde(deny_unknown_fields)]
struct HistoryVersion {
    level: String,
    version: u32,
    action: String,
    replaces: Option<String>,
    replaced_by: Option<String>,
    moved_from: Option<String>,
    moved_to: Option<String>,
    decision: DecisionRef,
    effective: String,
    in_force: bool,
    changed: Vec<String>,
    name: String,
    field: String,
    agency: String,
    processing_time: String,
    fee: String,
    legal_basis: String,
    online: String,
    inter_agency: String,
    file: String,
    line: u32,
    /// Only for decisions read as published.
    provenance: Option<serde_json::Value>,
}

impl HistoryVersion {
    /// (level, version, action, decision, signed, effective, in force, changed fields)
    fn summary(&self) -> (&str, u32, &str, &str, &str, &str, bool, Vec<&str>) {
        (
            &self.level,
            self.version,
            &self.action,
            &self.decision.number,
            &self.decision.signed,
            &self.effective,
            self.in_force,
            self.changed.iter().map(String::as_str).collect(),
        )
    }
}

/// The history; every version names the file and line of its row, and the
/// fixtures have action and level columns, so no provenance.
fn history(test: &Test, args: &[&str]) -> HistoryJson {
    let h: HistoryJson = test
        .tthc(&["history", "--format", "json"])
        .args(args)
        .run()
        .json();
    for v in &h.versions {
        assert!(v.file.starts_with("audit/") && v.line >= 2, "{v:?}");
        assert!(v.provenance.is_none(), "{v:?}");
        assert_eq!((v.online.as_str(), v.inter_agency.as_str()), ("", ""));
    }
    h
}

const ALL: [&str; 6] = [
    "name",
    "field",
    "agency",
    "processing_time",
    "fee",
    "legal_basis",
];

#[test]
fn versions_follow_the_rules_order_not_the_order_of_import() {
    let test = audit();
    let h = history(&test, &["1.000001"]);
    assert_eq!(h.code, "1.000001");
    let summaries: Vec<_> = h.versions.iter().map(HistoryVersion::summary).collect();
    assert_eq!(
        summaries,
        [
            (
                "province",
                1,
                "added",
                "100/QĐ-UBND",
                "2020-01-10",
                "2020-02-01",
                true,
                ALL.to_vec()
            ),
            // Imported after decision 15, but effective before it.
            (
                "province",
                2,
                "amended",
                "20/QĐ-UBND",
                "2021-06-01",
                "2021-03-10",
                true,
                vec!["processing_time"]
            ),
            (
                "province",
                3,
                "amended",
                "15/QĐ-UBND",
                "2021-03-01",
                "2021-03-15",
                true,
                vec!["fee"]
            ),
        ]
    );
    let last = &h.versions[2];
    assert_eq!(
        (
            last.name.as_str(),
            last.field.as_str(),
            last.agency.as_str(),
            last.processing_time.as_str(),
            last.fee.as_str(),
            last.legal_basis.as_str()
        ),
        (
            "Cấp giấy phép xây dựng",
            "Xây dựng",
            "Sở Xây dựng",
            "15 ngày",
            "500.000 đồng",
            "Luật Xây dựng 2014"
        )
    );
}

#[test]
fn replacements_name_the_other_code() {
    let test = audit();
    let h = history(&test, &["1.000011"]);
    let v = &h.versions;
    assert_eq!(v.len(), 2);
    assert_eq!(
        (
            v[0].action.as_str(),
            v[0].replaces.as_deref(),
            v[0].replaced_by.as_deref()
        ),
        ("replaced", Some("1.000010"), None)
    );
    assert_eq!(v[0].decision.number, "15/QĐ-UBND");
    assert!(v[0].in_force);
    assert_eq!(
        (
            v[1].action.as_str(),
            v[1].replaces.as_deref(),
            v[1].replaced_by.as_deref()
        ),
        ("replaced", None, Some("1.000012"))
    );
    assert_eq!(v[1].decision.number, "30/QĐ-UBND");
    assert!(!v[1].in_force);
    assert!(v[1].changed.is_empty());
    // The repealed entry keeps its last details for the record.
    assert_eq!(v[1].name, "Cấp giấy phép khai thác khoáng sản (sửa đổi)");
    let first = history(&test, &["1.000010"]);
    assert_eq!(
        first.versions.last().unwrap().replaced_by.as_deref(),
        Some("1.000011")
    );
}

#[test]
fn every_level_has_its_own_versions() {
    let test = audit();
    let h = history(&test, &["1.000003"]);
    let summaries: Vec<_> = h
        .versions
        .iter()
        .map(|v| {
            (
                v.level.as_str(),
                v.version,
                v.action.as_str(),
                v.decision.number.as_str(),
                v.in_force,
            )
        })
        .collect();
    assert_eq!(
        summaries,
        [
            ("district", 1, "added", "100/QĐ-UBND", true),
            ("district", 2, "repealed", "1580/QĐ-UBND", false),
            ("commune", 1, "added", "1580/QĐ-UBND", true),
            ("commune", 2, "amended", "1600/QĐ-UBND", true),
        ]
    );
    assert_eq!(h.versions[3].changed, ["agency"]);
    let commune = history(&test, &["1.000003", "--level", "Cấp xã"]);
    assert_eq!(commune.versions.len(), 2);
    assert!(commune.versions.iter().all(|v| v.level == "commune"));
}

/// (level, version, action, `moved_from`, `moved_to`)
type MoveRow<'a> = (&'a str, u32, &'a str, Option<&'a str>, Option<&'a str>);

#[test]
fn a_move_between_levels_names_the_other_level() {
    let test = audit();
    let h = history(&test, &["1.000003"]);
    let moves: Vec<MoveRow<'_>> = h
        .versions
        .iter()
        .map(|v| {
            (
                v.level.as_str(),
                v.version,
                v.action.as_str(),
                v.moved_from.as_deref(),
                v.moved_to.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        moves,
        [
            ("district", 1, "added", None, None),
            ("district", 2, "repealed", None, Some("commune")),
            ("commune", 1, "added", Some("district"), None),
            ("commune", 2, "amended", None, None),
        ]
    );
    // One level alone still names the other.
    let commune = history(&test, &["1.000003", "--level", "commune"]);
    assert_eq!(commune.versions[0].moved_from.as_deref(), Some("district"));
    // A repeal with no addition elsewhere that day is no move.
    let repealed = history(&test, &["1.000004"]);
    assert!(
        repealed
            .versions
            .iter()
            .all(|v| v.moved_from.is_none() && v.moved_to.is_none())
    );
    test.tthc(&["history", "1.000005", "--format", "table"])
        .stdout_has("repealed (moved to commune)")
        .stdout_has("added (moved from district)")
        .run();
    test.tthc(&["history", "1.000005", "--format", "csv"])
        .stdout_has("\ndistrict,2,repealed,,,,commune,1580/QĐ-UBND,2025-06-20,2025-07-01,false,")
        .stdout_has("\ncommune,1,added,,,district,,1580/QĐ-UBND,2025-06-20,2025-07-01,true,")
        .run();
}

#[test]
fn csv_and_table() {
    let test = audit();
    test.tthc(&["history", "1.000011", "--format", "csv"])
        .stdout(
            "\
level,version,action,replaces,replaced_by,moved_from,moved_to,decision,signed,effective,in_force,changed,name,field,agency,processing_time,fee,legal_basis,online,inter_agency,file,line,retracted_at,retracted_by,retracted_reason
province,1,replaced,1.000010,,,,15/QĐ-UBND,2021-03-01,2021-03-15,true,name; field; agency; processing_time; fee; legal_basis,Cấp giấy phép khai thác khoáng sản (sửa đổi),Khoáng sản,Sở Tài nguyên và Môi trường,30 ngày,Theo biểu phí,Luật Khoáng sản 2010,,,audit/02-2021-03.csv,3,,,
province,2,replaced,,1.000012,,,30/QĐ-UBND,2022-05-01,2022-05-20,false,,Cấp giấy phép khai thác khoáng sản (sửa đổi),Khoáng sản,Sở Tài nguyên và Môi trường,30 ngày,Theo biểu phí,Luật Khoáng sản 2010,,,audit/04-2022-05.csv,2,,,
",
        )
        .run();
    test.tthc(&["history", "1.000001", "--format", "table"])
        .stdout_has("History of 1.000001")
        .stdout_has("Province level: 3 versions")
        .stdout_has("processing_time: 15 ngày")
        .stdout_has("20/QĐ-UBND")
        .run();
}

#[test]
fn unknown_codes_and_levels_fail_with_a_message() {
    let test = audit();
    test.tthc(&["history", "9.999999"])
        .status(1)
        .stderr_has("tthc: no version of 9.999999 is stored")
        .run();
    test.tthc(&["history", "1.000003", "--level", "province"])
        .status(1)
        .stderr_has("no version of 1.000003 is stored at province level; it has versions at: district, commune")
        .run();
    test.tthc(&["history", "1.00001"])
        .status(2)
        .stderr_has("bad code")
        .run();
    test.tthc(&["history", "1.000001", "--level", "bộ"])
        .status(2)
        .stderr_has("--level")
        .run();
    // The long form of a code names the same procedure.
    let long = history(&test, &["1.000001.000.00.00.H12"]);
    assert_eq!(long.code, "1.000001");
}
