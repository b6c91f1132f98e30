//! `tthc diff FROM TO`: changes between two versions of the catalog, keyed by
//! entry, with replacement chains read as one replacement.

use std::collections::BTreeMap;
use std::fs;
use std::path::PathBuf;

use serde::Deserialize;

use crate::audit_data::audit;
use crate::common::{DecisionRef, Test, assert_text};

/// `tthc diff --format json`
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct DiffJson {
    pub(crate) from: String,
    pub(crate) to: String,
    pub(crate) summary: Summary,
    pub(crate) changes: Vec<DiffChange>,
}

#[derive(Debug, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub(crate) struct Summary {
    pub(crate) added: u64,
    pub(crate) amended: u64,
    pub(crate) replaced: u64,
    pub(crate) repealed: u64,
    /// Not in the sample history's expected summaries, which read moves plainly.
    #[serde(default)]
    pub(crate) moved: u64,
}

impl Summary {
    fn new([added, amended, replaced, repealed, moved]: [u64; 5]) -> Self {
        Self {
            added,
            amended,
            replaced,
            repealed,
            moved,
        }
    }
}

/// One change: `fields` only for amended and moved, `replaces` and `via` only
/// for replaced, `from_level` and `to_level` only for moved, `from_decision`
/// only for a move by two decisions; every change names its `decision`
/// (`{"number", "signed"}`) and `effective` date.
#[derive(Debug, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub(crate) struct DiffChange {
    pub(crate) change: String,
    pub(crate) level: String,
    pub(crate) code: String,
    pub(crate) name: String,
    pub(crate) fields: Option<BTreeMap<String, OldNew>>,
    pub(crate) replaces: Option<String>,
    pub(crate) via: Option<Vec<String>>,
    pub(crate) decision: Option<DecisionRef>,
    pub(crate) effective: Option<String>,
    pub(crate) from_decision: Option<DecisionRef>,
    pub(crate) from_level: Option<String>,
    pub(crate) to_level: Option<String>,
}

/// The decisions of the audit history: number, signing date, effective date.
type Made = (&'static str, &'static str, &'static str);
const D15: Made = ("15/QĐ-UBND", "2021-03-01", "2021-03-15");
const D20: Made = ("20/QĐ-UBND", "2021-06-01", "2021-03-10");
const D30: Made = ("30/QĐ-UBND", "2022-05-01", "2022-05-20");
const D05: Made = ("05/QĐ-UBND", "2023-01-05", "2023-02-01");
const D1580: Made = ("1580/QĐ-UBND", "2025-06-20", "2025-07-01");
const D1600: Made = ("1600/QĐ-UBND", "2025-06-25", "2025-07-01");

#[derive(Debug, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub(crate) struct OldNew {
    pub(crate) old: String,
    pub(crate) new: String,
}

fn change(change: &str, level: &str, code: &str, name: &str) -> DiffChange {
    DiffChange {
        change: change.to_owned(),
        level: level.to_owned(),
        code: code.to_owned(),
        name: name.to_owned(),
        fields: None,
        replaces: None,
        via: None,
        decision: None,
        effective: None,
        from_decision: None,
        from_level: None,
        to_level: None,
    }
}

fn amended(level: &str, code: &str, name: &str, fields: &[(&str, &str, &str)]) -> DiffChange {
    DiffChange {
        fields: Some(
            fields
                .iter()
                .map(|(field, old, new)| {
                    (
                        (*field).to_owned(),
                        OldNew {
                            old: (*old).to_owned(),
                            new: (*new).to_owned(),
                        },
                    )
                })
                .collect(),
        ),
        ..change("amended", level, code, name)
    }
}

fn replaced(code: &str, name: &str, replaces: &str, via: &[&str], by: Made) -> DiffChange {
    DiffChange {
        replaces: Some(replaces.to_owned()),
        via: Some(via.iter().map(|c| (*c).to_owned()).collect()),
        ..change("replaced", "province", code, name)
    }
    .by(by)
}

fn diff_json(test: &Test, from: &str, to: &str) -> DiffJson {
    test.tthc(&["diff", from, to, "--format", "json"])
        .run()
        .json()
}

/// The diff in the plain reading: a move is a repeal plus an addition.
fn plain_json(test: &Test, from: &str, to: &str) -> DiffJson {
    test.tthc(&["diff", from, to, "--format", "json", "--plain"])
        .run()
        .json()
}

/// A move from one level to another, with the detail fields that differ.
fn moved(
    code: &str,
    name: &str,
    (from_level, to_level): (&str, &str),
    by: Made,
    fields: &[(&str, &str, &str)],
) -> DiffChange {
    DiffChange {
        from_level: Some(from_level.to_owned()),
        to_level: Some(to_level.to_owned()),
        ..amended(to_level, code, name, fields)
    }
    .with_change("moved")
    .by(by)
}

impl DiffChange {
    /// The change as made by a decision, effective on its date.
    fn by(self, (number, signed, effective): Made) -> Self {
        Self {
            decision: Some(DecisionRef::new(number, signed)),
            effective: Some(effective.to_owned()),
            ..self
        }
    }

    fn with_change(self, change: &str) -> Self {
        Self {
            change: change.to_owned(),
            ..self
        }
    }
}

const NAME_1: &str = "Cấp giấy phép xây dựng";
const NAME_2: &str = "Đăng ký kết hôn có yếu tố nước ngoài";
const NAME_4: &str = "Đăng ký khai sinh";
const NAME_6: &str = "Cấp giấy phép lái xe quốc tế";

#[test]
fn every_kind_of_change_in_json_by_level_then_code() {
    let test = audit();
    let diff = diff_json(&test, "2020-02-01", "2021-03-15");
    assert_eq!(diff.from, "2020-02-01");
    assert_eq!(diff.to, "2021-03-15");
    assert_eq!(diff.summary, Summary::new([1, 2, 1, 1, 0]));
    assert_eq!(
        diff.changes,
        [
            amended(
                "province",
                "1.000001",
                NAME_1,
                &[
                    ("processing_time", "20 ngày", "15 ngày"),
                    ("fee", "Không", "500.000 đồng"),
                ]
            )
            .by(D15),
            change(
                "repealed",
                "province",
                "1.000002",
                "Đăng ký kết hôn có yếu tố nước ngoài"
            )
            .by(D15),
            change("added", "province", "1.000006", NAME_6).by(D15),
            replaced(
                "1.000011",
                "Cấp giấy phép khai thác khoáng sản (sửa đổi)",
                "1.000010",
                &[],
                D15
            ),
            amended(
                "commune",
                "1.000004",
                NAME_4,
                &[("agency", "UBND cấp xã", "UBND cấp xã (bộ phận một cửa)")]
            )
            .by(D20),
        ]
    );
}

#[test]
fn csv_has_one_row_per_changed_field_with_the_decision_of_each_change() {
    let test = audit();
    test.tthc(&["diff", "2020-02-01", "2021-03-15", "--format", "csv"])
        .stdout(
            "\
change,level,code,name,replaces,decision,signed,effective,from_decision,from_signed,from_level,to_level,field,old,new
amended,province,1.000001,Cấp giấy phép xây dựng,,15/QĐ-UBND,2021-03-01,2021-03-15,,,,,processing_time,20 ngày,15 ngày
amended,province,1.000001,Cấp giấy phép xây dựng,,15/QĐ-UBND,2021-03-01,2021-03-15,,,,,fee,Không,500.000 đồng
repealed,province,1.000002,Đăng ký kết hôn có yếu tố nước ngoài,,15/QĐ-UBND,2021-03-01,2021-03-15,,,,,,,
added,province,1.000006,Cấp giấy phép lái xe quốc tế,,15/QĐ-UBND,2021-03-01,2021-03-15,,,,,,,
replaced,province,1.000011,Cấp giấy phép khai thác khoáng sản (sửa đổi),1.000010,15/QĐ-UBND,2021-03-01,2021-03-15,,,,,,,
amended,commune,1.000004,Đăng ký khai sinh,,20/QĐ-UBND,2021-06-01,2021-03-10,,,,,agency,UBND cấp xã,UBND cấp xã (bộ phận một cửa)
",
        )
        .run();
    test.tthc(&["diff", "2020-02-01", "2020-12-31", "--format", "csv"])
        .stdout("change,level,code,name,replaces,decision,signed,effective,from_decision,from_signed,from_level,to_level,field,old,new\n")
        .run();
}

/// A value holding "; " (as fees and legal bases do) stays one cell: the csv
/// gives each changed field a row of its own, never a list joined by "; ".
#[test]
fn a_changed_value_with_semicolons_stays_one_csv_cell() {
    let test = Test::new();
    test.write(
        "a.csv",
        "decision,signed,effective,action,code,level,name,field,fee\n\
         1/QĐ-UBND,2024-01-10,2024-02-01,added,1.000001,province,Cấp phép,Xây dựng,Không\n",
    )
    .write(
        "b.csv",
        "decision,signed,effective,action,code,level,name,field,fee\n\
         2/QĐ-UBND,2024-03-10,2024-04-01,amended,1.000001,province,Cấp phép (mới),Xây dựng,\"100.000 đồng; 50.000 đồng: cấp lại\"\n",
    );
    test.import(&["a.csv"]);
    test.import(&["b.csv"]);
    let csv = test
        .tthc(&["diff", "2024-02-01", "2024-04-01", "--format", "csv"])
        .run()
        .stdout;
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let rows: Vec<Vec<String>> = reader
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect();
    let changed: Vec<(&str, &str, &str, &str)> = rows
        .iter()
        .map(|r| {
            (
                r[5].as_str(),
                r[12].as_str(),
                r[13].as_str(),
                r[14].as_str(),
            )
        })
        .collect();
    assert_eq!(
        changed,
        [
            ("2/QĐ-UBND", "name", "Cấp phép", "Cấp phép (mới)"),
            (
                "2/QĐ-UBND",
                "fee",
                "Không",
                "100.000 đồng; 50.000 đồng: cấp lại"
            ),
        ]
    );
}

#[test]
fn table_groups_changes_by_kind_with_counts() {
    let test = audit();
    let table = test
        .tthc(&["diff", "2020-02-01", "2021-03-15", "--format", "table"])
        .stdout_has(
            "Changes from 2020-02-01 to 2021-03-15: 5 (added 1, amended 2, replaced 1, repealed 1)",
        )
        .stdout_has("\nAdded (1)\n")
        .stdout_has("\nAmended (2)\n")
        .stdout_has("\nReplaced (1)\n")
        .stdout_has("\nRepealed (1)\n")
        .stdout_has("processing_time: 20 ngày -> 15 ngày")
        .stdout_has("fee: Không -> 500.000 đồng")
        .run()
        .stdout;
    let position = |part: &str| table.find(part).unwrap();
    assert!(position("\nAdded (") < position("\nAmended ("));
    assert!(position("\nAmended (") < position("\nReplaced ("));
    assert!(position("\nReplaced (") < position("\nRepealed ("));
    test.tthc(&["diff", "2020-02-01", "2020-12-31", "--format", "table"])
        .stdout("No changes from 2020-02-01 to 2020-12-31.\n")
        .run();
}

#[test]
fn the_table_speaks_vietnamese_alone_with_lang_vi() {
    let test = audit();
    let table = test
        .tthc(&["diff", "2020-02-01", "2021-03-15", "--format", "table", "--lang", "vi"])
        .stdout_has(
            "Thay đổi từ 01/02/2020 đến 15/03/2021: 5 (Ban hành mới 1; Sửa đổi, bổ sung 2; Thay thế 1; Bãi bỏ 1)",
        )
        .stdout_has("\nBan hành mới (1)\n")
        .stdout_has("\nSửa đổi, bổ sung (2)\n")
        .stdout_has("\nThay thế (1)\n")
        .stdout_has("\nBãi bỏ (1)\n")
        .stdout_has("Thời hạn giải quyết: 20 ngày -> 15 ngày")
        .stdout_has("Phí, lệ phí: Không -> 500.000 đồng")
        .stdout_has("Tên thủ tục hành chính")
        .stdout_has("Cấp tỉnh")
        .run()
        .stdout;
    for english in [
        "Added",
        "Amended",
        "Level",
        "Code",
        "Name",
        "province",
        "processing_time",
    ] {
        assert!(!table.contains(english), "{english} in {table}");
    }
    test.tthc(&["diff", "2020-02-01", "2020-12-31", "--format", "table"])
        .env("LANG", "vi_VN.UTF-8")
        .stdout("Không có thay đổi nào từ 01/02/2020 đến 31/12/2020.\n")
        .run();
    let json = |lang: &str| {
        test.tthc(&[
            "diff",
            "2020-02-01",
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
}

#[test]
fn a_replacement_chain_counts_once_from_the_first_code_to_the_last() {
    let test = audit();
    let diff = diff_json(&test, "2021-01-01", "2023-12-31");
    assert_eq!(diff.summary, Summary::new([2, 2, 1, 1, 0]));
    let chain: Vec<&DiffChange> = diff
        .changes
        .iter()
        .filter(|c| c.change == "replaced")
        .collect();
    assert_eq!(
        chain,
        [&replaced(
            "1.000012",
            "Cấp giấy phép khai thác khoáng sản (hợp nhất)",
            "1.000010",
            &["1.000011"],
            D30
        )]
    );
    assert!(
        !diff
            .changes
            .iter()
            .any(|c| c.code == "1.000010" || c.code == "1.000011"),
        "{:?}",
        diff.changes
    );
    // From the middle of the chain, only the second link.
    let diff = diff_json(&test, "2021-06-01", "2023-12-31");
    let chain: Vec<&DiffChange> = diff
        .changes
        .iter()
        .filter(|c| c.change == "replaced")
        .collect();
    assert_eq!(
        chain,
        [&replaced(
            "1.000012",
            "Cấp giấy phép khai thác khoáng sản (hợp nhất)",
            "1.000011",
            &[],
            D30
        )]
    );
}

#[test]
fn an_entry_changed_and_changed_back_shows_no_change() {
    let test = audit();
    // 1.000006's fee went to 135.000 đồng on 2022-05-20 and back to Không on 2023-02-01.
    let diff = diff_json(&test, "2022-01-01", "2023-12-31");
    assert!(
        !diff.changes.iter().any(|c| c.code == "1.000006"),
        "{:?}",
        diff.changes
    );
    let diff = diff_json(&test, "2022-06-01", "2023-12-31");
    assert!(
        diff.changes.contains(
            &amended(
                "province",
                "1.000006",
                NAME_6,
                &[("fee", "135.000 đồng", "Không")]
            )
            .by(D05)
        )
    );
}

const NAME_3: &str = "Cấp giấy chứng nhận đăng ký hộ kinh doanh";
const NAME_5: &str = "Cấp giấy phép kinh doanh karaoke";

/// The district procedures 1580/QĐ-UBND repealed and added at commune level,
/// effective 2025-07-01 (1600/QĐ-UBND, the same day, amended 1.000003 at
/// commune level and repealed 1.000004): two moves and a repeal.
fn abolition_moves() -> [DiffChange; 3] {
    [
        moved(
            "1.000003",
            NAME_3,
            ("district", "commune"),
            D1580,
            &[("agency", "UBND cấp huyện", "UBND cấp xã (bộ phận một cửa)")],
        ),
        change("repealed", "commune", "1.000004", NAME_4).by(D1600),
        moved(
            "1.000005",
            NAME_5,
            ("district", "commune"),
            D1580,
            &[("agency", "UBND cấp huyện", "UBND cấp xã")],
        ),
    ]
}

#[test]
fn the_2025_district_abolition() {
    let test = audit();
    let diff = diff_json(&test, "2025-06-30", "2025-07-01");
    assert_eq!(diff.summary, Summary::new([0, 0, 0, 1, 2]));
    assert_eq!(diff.changes, abolition_moves());
    assert_eq!(test.counts("2025-07-01").district, 0);
    // Over a longer interval the move reads the same, its fields from end to end.
    let longer = diff_json(&test, "2024-01-01", "2030-01-01");
    assert!(longer.changes.contains(&abolition_moves()[2]), "{longer:?}");
    // Backwards, the codes move back up.
    let back = diff_json(&test, "2025-07-01", "2025-06-30");
    assert_eq!(back.summary, Summary::new([1, 0, 0, 0, 2]));
    let up: Vec<(&str, Option<&str>, Option<&str>)> = back
        .changes
        .iter()
        .map(|c| {
            (
                c.code.as_str(),
                c.from_level.as_deref(),
                c.to_level.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        up,
        [
            ("1.000003", Some("commune"), Some("district")),
            ("1.000005", Some("commune"), Some("district")),
            ("1.000004", None, None),
        ]
    );
}

#[test]
fn plain_reads_a_move_as_a_repeal_and_an_addition() {
    let test = audit();
    let diff = plain_json(&test, "2025-06-30", "2025-07-01");
    assert_eq!(diff.summary, Summary::new([2, 0, 0, 3, 0]));
    let keys: Vec<(&str, &str, &str)> = diff
        .changes
        .iter()
        .map(|c| (c.change.as_str(), c.level.as_str(), c.code.as_str()))
        .collect();
    assert_eq!(
        keys,
        [
            ("repealed", "district", "1.000003"),
            ("repealed", "district", "1.000005"),
            ("added", "commune", "1.000003"),
            ("repealed", "commune", "1.000004"),
            ("added", "commune", "1.000005"),
        ]
    );
    // The addition names the decision that added the entry (1580), not the
    // one that amended it later that day (1600).
    let added = diff
        .changes
        .iter()
        .find(|c| c.change == "added" && c.code == "1.000003")
        .unwrap();
    assert_eq!(
        (added.decision.as_ref(), added.effective.as_deref()),
        (
            Some(&DecisionRef::new("1580/QĐ-UBND", "2025-06-20")),
            Some("2025-07-01")
        )
    );
    // Without moves the two readings are one.
    for (from, to) in [("2020-02-01", "2021-03-15"), ("2021-01-01", "2023-12-31")] {
        assert_eq!(
            plain_json(&test, from, to).changes,
            diff_json(&test, from, to).changes
        );
    }
    test.tthc(&[
        "diff",
        "2025-06-30",
        "2025-07-01",
        "--plain",
        "--format",
        "table",
    ])
    .stdout_has(
        "Changes from 2025-06-30 to 2025-07-01: 5 (added 2, amended 0, replaced 0, repealed 3)\n",
    )
    .run();
}

#[test]
fn moves_in_csv_and_table() {
    let test = audit();
    test.tthc(&["diff", "2025-06-30", "2025-07-01", "--format", "csv"])
        .stdout(
            "\
change,level,code,name,replaces,decision,signed,effective,from_decision,from_signed,from_level,to_level,field,old,new
moved,commune,1.000003,Cấp giấy chứng nhận đăng ký hộ kinh doanh,,1580/QĐ-UBND,2025-06-20,2025-07-01,,,district,commune,agency,UBND cấp huyện,UBND cấp xã (bộ phận một cửa)
repealed,commune,1.000004,Đăng ký khai sinh,,1600/QĐ-UBND,2025-06-25,2025-07-01,,,,,,,
moved,commune,1.000005,Cấp giấy phép kinh doanh karaoke,,1580/QĐ-UBND,2025-06-20,2025-07-01,,,district,commune,agency,UBND cấp huyện,UBND cấp xã
",
        )
        .run();
    test.tthc(&[
        "diff",
        "2025-06-30",
        "2025-07-01",
        "--plain",
        "--format",
        "csv",
    ])
    .stdout_has("repealed,district,1.000003,Cấp giấy chứng nhận đăng ký hộ kinh doanh,,1580/QĐ-UBND,2025-06-20,2025-07-01,,,,,,,\n")
    .stdout_has("added,commune,1.000005,Cấp giấy phép kinh doanh karaoke,,1580/QĐ-UBND,2025-06-20,2025-07-01,,,,,,,\n")
    .run();
    let table = test
        .tthc(&["diff", "2025-06-30", "2025-07-01", "--format", "table"])
        .stdout_has("Changes from 2025-06-30 to 2025-07-01: 3 (added 0, amended 0, replaced 0, repealed 1, moved 2)\n")
        .stdout_has("\nMoved (2)\n")
        .stdout_has("From level")
        .stdout_has("agency: UBND cấp huyện -> UBND cấp xã (bộ phận một cửa)")
        .run()
        .stdout;
    let row = table.lines().find(|l| l.contains("1.000005")).unwrap();
    for cell in [
        "commune",
        NAME_5,
        "district",
        "2025-07-01",
        "1580/QĐ-UBND (2025-06-20)",
    ] {
        assert!(row.contains(cell), "{row}");
    }
    // Every kind of change names its decision and effective date.
    let repealed = table.lines().find(|l| l.contains("1.000004")).unwrap();
    for cell in ["1600/QĐ-UBND (2025-06-25)", "2025-07-01"] {
        assert!(repealed.contains(cell), "{repealed}");
    }
    assert!(!table.contains("\nAdded ("), "{table}");
}

#[test]
fn a_diff_backwards_reads_the_history_in_reverse() {
    let test = audit();
    let diff = diff_json(&test, "2021-03-15", "2020-02-01");
    assert_eq!(diff.summary, Summary::new([1, 2, 1, 1, 0]));
    assert!(diff.changes.contains(&replaced(
        "1.000010",
        "Cấp giấy phép khai thác khoáng sản",
        "1.000011",
        &[],
        D15
    )));
    // Backwards, a change names the decision whose change it undoes.
    assert!(
        diff.changes
            .contains(&change("repealed", "province", "1.000006", NAME_6).by(D15))
    );
    assert!(
        diff.changes
            .contains(&change("added", "province", "1.000002", NAME_2).by(D15))
    );
    assert!(
        diff.changes.contains(
            &amended(
                "commune",
                "1.000004",
                NAME_4,
                &[("agency", "UBND cấp xã (bộ phận một cửa)", "UBND cấp xã")]
            )
            .by(D20)
        )
    );
}

#[test]
fn a_retroactive_decision_changes_the_past() {
    let test = audit();
    // Decision 20 was signed on 2021-06-01 with effect from 2021-03-10.
    let diff = diff_json(&test, "2021-03-09", "2021-03-10");
    assert_eq!(
        diff.changes,
        [
            amended(
                "province",
                "1.000001",
                NAME_1,
                &[("processing_time", "20 ngày", "15 ngày")]
            )
            .by(D20),
            amended(
                "commune",
                "1.000004",
                NAME_4,
                &[("agency", "UBND cấp xã", "UBND cấp xã (bộ phận một cửa)")]
            )
            .by(D20),
        ]
    );
    // Right after decision 100 and right after decision 20: what decision 20 did.
    let by_decision = diff_json(&test, "100/QĐ-UBND", "20/QĐ-UBND");
    assert_eq!(by_decision.from, "100/QĐ-UBND@2020-01-10");
    assert_eq!(by_decision.to, "20/QĐ-UBND@2021-06-01");
    assert_eq!(by_decision.changes, diff.changes);
}

#[test]
fn decisions_on_the_same_day_are_apart() {
    let test = audit();
    // 1580 and 1600 both take effect on 2025-07-01; 1600 was signed later.
    let diff = diff_json(&test, "1580/QĐ-UBND", "1600/QĐ-UBND");
    assert_eq!(diff.from, "1580/QĐ-UBND@2025-06-20");
    assert_eq!(diff.to, "1600/QĐ-UBND@2025-06-25");
    assert_eq!(
        diff.changes,
        [
            amended(
                "commune",
                "1.000003",
                "Cấp giấy chứng nhận đăng ký hộ kinh doanh",
                &[("agency", "UBND cấp xã", "UBND cấp xã (bộ phận một cửa)")]
            )
            .by(D1600),
            change("repealed", "commune", "1.000004", NAME_4).by(D1600),
        ]
    );
    // The day itself includes both.
    let diff = diff_json(&test, "1580/QĐ-UBND", "2025-07-01");
    assert_eq!(diff.summary, Summary::new([0, 1, 0, 1, 0]));
}

#[test]
fn exit_code_tells_whether_anything_changed() {
    let test = audit();
    test.tthc(&[
        "diff",
        "2020-02-01",
        "2021-03-15",
        "--exit-code",
        "--format",
        "json",
    ])
    .status(1)
    .stdout_has("\"summary\"")
    .run();
    test.tthc(&["diff", "2020-02-01", "2020-12-31", "--exit-code"])
        .status(0)
        .run();
    test.tthc(&["diff", "2020-02-01", "2021-03-15"])
        .status(0)
        .run();
    // Other failures keep their own codes.
    test.tthc(&["diff", "2020-02-31", "2021-03-15", "--exit-code"])
        .status(2)
        .stderr_has("FROM")
        .run();
    Test::new()
        .tthc(&["diff", "2020-02-01", "2021-03-15", "--exit-code"])
        .status(1)
        .stderr_has("no catalog database")
        .run();
}

/// `--quiet` prints nothing and answers by its exit code, as `git diff
/// --quiet` does; `--stat` prints the summary only, in every format.
#[test]
fn quiet_answers_by_exit_code_and_stat_prints_the_summary() {
    let test = audit();
    test.tthc(&["diff", "2020-02-01", "2021-03-15", "--quiet"])
        .status(1)
        .stdout("")
        .stderr("")
        .run();
    test.tthc(&["diff", "2020-02-01", "2020-12-31", "--quiet"])
        .status(0)
        .stdout("")
        .run();
    let full = diff_json(&test, "2020-02-01", "2021-03-15");
    let stat: serde_json::Value = test
        .tthc(&[
            "diff",
            "2020-02-01",
            "2021-03-15",
            "--stat",
            "--format",
            "json",
        ])
        .run()
        .json();
    assert_eq!(stat.as_object().unwrap().len(), 3, "{stat}");
    assert_eq!(stat["summary"]["added"], full.summary.added);
    assert_eq!(stat["summary"]["repealed"], full.summary.repealed);
    let csv = test
        .tthc(&[
            "diff",
            "2020-02-01",
            "2021-03-15",
            "--stat",
            "--format",
            "csv",
        ])
        .run()
        .stdout;
    assert_eq!(
        csv,
        format!(
            "added,amended,replaced,repealed,moved,code_assigned\n{},{},{},{},{},0\n",
            full.summary.added,
            full.summary.amended,
            full.summary.replaced,
            full.summary.repealed,
            full.summary.moved
        )
    );
    let table = test
        .tthc(&[
            "diff",
            "2020-02-01",
            "2021-03-15",
            "--stat",
            "--format",
            "table",
        ])
        .run()
        .stdout;
    assert_eq!(table.lines().count(), 1, "{table}");
    assert!(
        table.starts_with("Changes from 2020-02-01 to 2021-03-15: "),
        "{table}"
    );
    test.tthc(&["diff", "2020-02-01", "2021-03-15", "--stat", "--quiet"])
        .status(2)
        .run();
}

#[test]
fn same_state_gives_byte_identical_output() {
    let test = audit();
    for format in ["json", "csv", "table"] {
        let args = ["diff", "2020-01-01", "2100-01-01", "--format", format];
        let first = test.tthc(&args).run().stdout;
        assert_text(format, &first, &test.tthc(&args).run().stdout);
    }
}

const SAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/sample-history");

#[derive(Deserialize)]
struct Expected {
    diff: BTreeMap<String, Readings>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Readings {
    #[allow(dead_code, reason = "tthc uses the chained reading")]
    direct: Summary,
    chained: Summary,
}

/// The sample history's expected diff summaries, in the chained reading tthc
/// uses; they read a move as a repeal plus an addition, as `--plain` does.
#[test]
fn sample_history_diff_summaries_match_the_chained_reading() {
    let expected: Expected =
        serde_json::from_str(&fs::read_to_string(format!("{SAMPLE}/expected.json")).unwrap())
            .unwrap();
    assert!(!expected.diff.is_empty());
    let mut files: Vec<PathBuf> = fs::read_dir(format!("{SAMPLE}/decisions"))
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "csv"))
        .collect();
    files.sort();
    let test = Test::new();
    test.tthc(&["import"]).args(&files).run();
    for (pair, readings) in expected.diff {
        let (from, to) = pair.split_once("..").unwrap();
        let diff = plain_json(&test, from, to);
        assert_eq!(diff.summary, readings.chained, "diff {from} {to}");
        assert_eq!(diff.changes.len() as u64, {
            let s = &readings.chained;
            s.added + s.amended + s.replaced + s.repealed
        });
        // The moved reading takes each move out of both the repeals and the additions.
        let moves = diff_json(&test, from, to).summary;
        assert_eq!(
            Summary::new([
                moves.added + moves.moved,
                moves.amended,
                moves.replaced,
                moves.repealed + moves.moved,
                0
            ]),
            readings.chained,
            "diff {from} {to}"
        );
        if pair == "2025-06-30..2025-07-01" {
            // Every district procedure added at commune level moved there.
            assert_eq!(moves, Summary::new([0, 0, 0, 228, 150]), "diff {from} {to}");
        }
    }
}
