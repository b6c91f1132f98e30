//! The catalog against the national procedure database: `tthc reference
//! import|list` and `tthc reconcile`, with the real national list (2,642
//! procedures) as the reference and a catalog built from it that carries
//! planted mismatches of every kind, among them the real Đồng Nai case
//! (2770/QĐ-UBND of 18/11/2025 gives 2.000927 the name of 2.000913).

use std::collections::BTreeSet;
use std::fmt::Write as _;

use serde_json::Value;

use crate::common::{Summary, Test};

/// The national list, as `tests/data` holds it and as tests copy it.
const LIST: &str = "national/dvcqg-procedures.csv";

/// The date the list is stored under.
const LIST_DATE: &str = "2025-08-01";

use crate::common::NationalProcedure as Procedure;

fn national_list() -> Vec<Procedure> {
    crate::common::national_procedures()
}

fn quoted(cell: &str) -> String {
    format!("\"{}\"", cell.replace('"', "\"\""))
}

/// The province's first catalog, 1/QĐ-UBND: every procedure of the list at
/// the levels it names, with planted mismatches:
/// - 1.001612 (commune) left out, and 1.001710 published at province level only: `missing`;
/// - 1.000016 without "(cấp tỉnh)" in its name: `name_mismatch`;
/// - 1.002211 and 1.000943 with the tone on the other vowel ("hoà", "thuỷ"),
///   and 1.000028 in capitals: the same names, no finding;
/// - 1.000010 (ministry only) at province level, 1.000028 (province) also at
///   commune level: `level_mismatch`;
/// - 1.012501 typed 1.012510, and 1.099999, a code of the province's own:
///   `unknown_code` (and 1.012501 `missing`);
/// - 1.000045 under another field and agency: `field_mismatch` and
///   `agency_mismatch`, shown with --all.
fn baseline() -> String {
    let mut file = String::from(
        "Mã số TTHC,Tên thủ tục hành chính,Cấp thực hiện,Lĩnh vực,Cơ quan thực hiện,Hình thức công bố\n",
    );
    for p in national_list() {
        let (mut code, mut name, mut levels) = (p.code.as_str(), p.name.clone(), p.levels.as_str());
        let (mut field, mut agency) = (p.field.as_str(), p.agency.as_str());
        match p.code.as_str() {
            "1.001612" => continue,
            "1.001710" => levels = "Cấp tỉnh",
            "1.000016" => name = name.replace(" (cấp tỉnh)", ""),
            "1.002211" => name = name.replace("hòa", "hoà"),
            "1.000943" => name = name.replace("thủy", "thuỷ"),
            "1.000028" => {
                name = name.to_uppercase();
                levels = "Cấp tỉnh, Cấp xã";
            }
            "1.000010" => levels = "Cấp tỉnh",
            "1.012501" => code = "1.012510",
            "1.000045" => {
                field = "Lâm nghiệp";
                agency = "Sở Nông nghiệp và Môi trường";
            }
            _ => {}
        }
        let _ = writeln!(
            file,
            "{code},{},{},{},{},Mới ban hành",
            quoted(&name),
            quoted(levels),
            quoted(field),
            quoted(agency)
        );
    }
    file.push_str(
        "1.099999,Cấp giấy xác nhận thủ tục riêng của tỉnh,Cấp tỉnh,Hộ tịch,Sở Tư pháp,Mới ban hành\n",
    );
    file
}

/// Đồng Nai's 2770/QĐ-UBND of 18/11/2025, as its annex gives the row: code
/// 2.000927 with the name of 2.000913.
const DONG_NAI: &str = "\
STT,Mã số TTHC,Tên thủ tục hành chính,Lĩnh vực,Cấp thực hiện,Hình thức công bố
1,2.000927,\"Chứng thực việc sửa đổi, bổ sung, hủy bỏ giao dịch\",Chứng thực,Cấp xã,\"Sửa đổi, bổ sung\"
";

/// A catalog with the national list stored as of [`LIST_DATE`], the
/// baseline and Đồng Nai's decision imported.
fn planted() -> Test {
    let test = Test::with(&[LIST]);
    test.write("baseline.csv", baseline())
        .write("2770-QD-UBND.csv", DONG_NAI);
    test.tthc(&["reference", "import", "--as-of", LIST_DATE, LIST])
        .stdout_has("Stored the national list national/dvcqg-procedures.csv as of 2025-08-01: 2,642 procedures.")
        .run();
    import_baseline(&test);
    test.tthc(&[
        "import",
        "--decision",
        "2770/QĐ-UBND",
        "--signed",
        "18/11/2025",
        "2770-QD-UBND.csv",
    ])
    .run();
    test
}

fn reconcile_json(test: &Test, args: &[&str]) -> Value {
    test.tthc(&["reconcile", "--format", "json"])
        .args(args)
        .run()
        .json()
}

/// (kind, level, code) of each finding, in order.
fn findings(report: &Value) -> Vec<(String, String, String)> {
    report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            let text = |key: &str| f[key].as_str().unwrap().to_owned();
            (text("kind"), text("level"), text("code"))
        })
        .collect()
}

fn triples(expected: &[(&str, &str, &str)]) -> Vec<(String, String, String)> {
    expected
        .iter()
        .map(|(k, l, c)| ((*k).to_owned(), (*l).to_owned(), (*c).to_owned()))
        .collect()
}

fn keys(value: &Value) -> BTreeSet<&str> {
    value
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect()
}

/// The findings of every default kind, and nothing else.
const PLANTED: [(&str, &str, &str); 9] = [
    ("unknown_code", "province", "1.012510"),
    ("unknown_code", "province", "1.099999"),
    ("name_of_other_code", "commune", "2.000927"),
    ("name_mismatch", "province", "1.000016"),
    ("level_mismatch", "province", "1.000010"),
    ("level_mismatch", "commune", "1.000028"),
    ("missing", "province", "1.012501"),
    ("missing", "commune", "1.001612"),
    ("missing", "commune", "1.001710"),
];

#[test]
fn reconcile_finds_every_planted_mismatch_and_nothing_else() {
    let test = planted();
    let report = reconcile_json(&test, &["--as-of", "2025-12-01"]);
    assert_eq!(findings(&report), triples(&PLANTED));
    assert_eq!(report["as_of"], "2025-12-01");
    assert_eq!(
        report["summary"],
        serde_json::json!({
            "unknown_code": 2,
            "name_mismatch": 1,
            "name_of_other_code": 1,
            "level_mismatch": 2,
            "missing": 3,
            "field_mismatch": null,
            "agency_mismatch": null
        })
    );
    let all = &report["findings"];
    // Đồng Nai: the entry, the decision that set it, the list's values.
    let dong_nai = &all[2];
    assert_eq!(
        dong_nai["entry"],
        serde_json::json!({
            "name": "Chứng thực việc sửa đổi, bổ sung, hủy bỏ giao dịch",
            "field": "Chứng thực",
            "agency": "Không có thông tin",
            "decision": {"number": "2770/QĐ-UBND", "signed": "2025-11-18"},
            "effective": "2025-11-18"
        })
    );
    assert_eq!(
        dong_nai["reference"],
        serde_json::json!({
            "code": "2.000927",
            "name": "Sửa lỗi sai sót trong giao dịch",
            "levels": "Cấp xã",
            "field": "Chứng thực",
            "agency": "Không có thông tin",
            "decision": "858/QĐ-BTP",
            "line": 2055
        })
    );
    assert_eq!(
        dong_nai["other_codes"],
        serde_json::json!([{"code": "2.000913", "name": "Chứng thực việc sửa đổi, bổ sung, hủy bỏ giao dịch"}])
    );
    assert_eq!(dong_nai["similarity"], 0.39);
    assert_eq!(
        dong_nai["words"]["reference"],
        serde_json::json!(["lỗi", "sai", "sót", "trong"])
    );
    // A name cut short: the words the catalog lacks, and how similar it is.
    let cut = &all[3];
    assert_eq!(cut["entry"]["decision"]["number"], "1/QĐ-UBND");
    assert_eq!(
        cut["words"],
        serde_json::json!({"catalog": [], "reference": ["cấp", "tỉnh"]})
    );
    assert!(cut["similarity"].as_f64().unwrap() > 0.8);
    // A typed code: the list's code it means, by its name and its digits.
    assert_eq!(all[0]["reference"], Value::Null);
    assert_eq!(all[0]["other_codes"][0]["code"], "1.012501");
    assert_eq!(all[1]["other_codes"], serde_json::json!([]));
    // The level the list gives, and a procedure left to publish.
    assert_eq!(all[4]["reference"]["levels"], "Cấp bộ");
    assert_eq!(all[7]["entry"], Value::Null);
    assert_eq!(
        all[7]["reference"]["name"],
        "Đăng ký thành lập hộ kinh doanh"
    );
    assert_eq!(all[7]["reference"]["levels"], "Cấp bộ, Cấp xã");
}

#[test]
fn the_json_has_the_documented_shape() {
    let test = planted();
    let report = reconcile_json(&test, &["--as-of", "2025-12-01", "--all"]);
    assert_eq!(
        keys(&report),
        BTreeSet::from(["as_of", "reference", "summary", "findings"])
    );
    assert_eq!(
        keys(&report["reference"]),
        BTreeSet::from(["file", "sha256", "as_of", "procedures"])
    );
    assert_eq!(report["reference"]["file"], LIST);
    assert_eq!(report["reference"]["as_of"], LIST_DATE);
    assert_eq!(report["reference"]["procedures"], 2642);
    let sha = report["reference"]["sha256"].as_str().unwrap();
    assert_eq!(sha.len(), 64);
    assert_eq!(
        keys(&report["summary"]),
        BTreeSet::from([
            "unknown_code",
            "name_mismatch",
            "name_of_other_code",
            "level_mismatch",
            "missing",
            "field_mismatch",
            "agency_mismatch",
        ])
    );
    assert_eq!(report["summary"]["field_mismatch"], 1);
    assert_eq!(report["summary"]["agency_mismatch"], 1);
    for finding in report["findings"].as_array().unwrap() {
        assert_eq!(
            keys(finding),
            BTreeSet::from([
                "kind",
                "level",
                "code",
                "entry",
                "reference",
                "similarity",
                "words",
                "other_codes"
            ]),
            "{finding}"
        );
    }
    let mut expected = triples(&PLANTED);
    expected.extend(triples(&[
        ("field_mismatch", "province", "1.000045"),
        ("agency_mismatch", "province", "1.000045"),
    ]));
    assert_eq!(findings(&report), expected);
}

#[test]
fn csv_and_table_give_the_same_findings() {
    let test = planted();
    let csv = test
        .tthc(&["reconcile", "--as-of", "2025-12-01", "--format", "csv"])
        .run()
        .stdout;
    let mut lines = csv.lines();
    assert_eq!(
        lines.next(),
        Some(
            "kind,level,code,name,field,agency,decision,effective,reference_name,reference_levels,reference_field,reference_agency,reference_decision,similarity,catalog_words,reference_words,other_codes"
        )
    );
    let rows: Vec<&str> = lines.collect();
    assert_eq!(rows.len(), PLANTED.len());
    assert_eq!(
        rows[2],
        "name_of_other_code,commune,2.000927,\"Chứng thực việc sửa đổi, bổ sung, hủy bỏ giao dịch\",Chứng thực,Không có thông tin,2770/QĐ-UBND,2025-11-18,Sửa lỗi sai sót trong giao dịch,Cấp xã,Chứng thực,Không có thông tin,858/QĐ-BTP,0.39,chứng thực việc đổi bổ sung hủy bỏ,lỗi sai sót trong,2.000913"
    );
    test.tthc(&["reconcile", "--as-of", "2025-12-01", "--format", "table"])
        .stdout_has("Reconciliation of the catalog as of 01/12/2025 with the national database: list of 01/08/2025 (national/dvcqg-procedures.csv, 2,642 procedures)")
        .stdout_has("the catalog's name is that of 2.000913")
        .stdout_has("Findings: unknown_code 2, name_mismatch 1, name_of_other_code 1, level_mismatch 2, missing 3\n")
        .run();
    test.tthc(&["reconcile", "--as-of", "2025-12-01", "--format", "table", "--lang", "vi"])
        .stdout_has("Đối chiếu danh mục TTHC tính đến ngày 01/12/2025 với CSDL quốc gia: danh sách ngày 01/08/2025 (national/dvcqg-procedures.csv, 2.642 TTHC)")
        .stdout_has("tên trong danh mục là tên của 2.000913")
        .stdout_has("Sai khác: mã không có trong CSDL 2, tên khác 1, tên của mã khác 1, cấp khác 2, thiếu trong danh mục 3\n")
        .stdout_has("│ Kết quả")
        .run();
}

#[test]
fn field_and_agency_filter_entries_by_their_own_and_missing_procedures_by_the_lists() {
    let test = planted();
    let at = |args: &[&str]| {
        let mut all = vec!["--as-of", "2025-12-01"];
        all.extend(args);
        findings(&reconcile_json(&test, &all))
    };
    // 1.001612 is missing, and only the national list gives its field
    // (case and diacritics ignored).
    assert_eq!(
        at(&["--field", "THANH LAP va hoat dong doanh nghiep"]),
        triples(&[("missing", "commune", "1.001612")])
    );
    // An entry by its agency (1.012510, 1.000045), a missing procedure by
    // the list's (1.012501); with a level, the other levels' findings go.
    assert_eq!(
        at(&[
            "--agency",
            "sở nong nghiep va moi truong",
            "--level",
            "Cấp tỉnh",
            "--all"
        ]),
        triples(&[
            ("unknown_code", "province", "1.012510"),
            ("missing", "province", "1.012501"),
            ("field_mismatch", "province", "1.000045"),
            ("agency_mismatch", "province", "1.000045"),
        ])
    );
    // Field and agency together keep what both keep.
    assert_eq!(
        at(&["--field", "đường bộ", "--agency", "SỞ XÂY DỰNG"]),
        triples(&[("level_mismatch", "commune", "1.000028")])
    );
    test.tthc(&[
        "reconcile",
        "--as-of",
        "2025-12-01",
        "--field",
        "no such field",
        "--exit-code",
        "--format",
        "table",
    ])
    .stdout_has("No finding: the catalog agrees with the national list")
    .run();
}

#[test]
fn exit_code_tells_whether_there_is_a_finding() {
    let test = planted();
    // Findings, without --exit-code: success.
    test.tthc(&["reconcile", "--as-of", "2025-12-01"]).run();
    test.tthc(&["reconcile", "--as-of", "2025-12-01", "--exit-code"])
        .status(1)
        .run();
    // No district entries are owed after 2025-07-01, and none are in force.
    test.tthc(&[
        "reconcile",
        "--as-of",
        "2025-12-01",
        "--exit-code",
        "--level",
        "district",
        "--format",
        "table",
    ])
    .stdout_has("No finding: the catalog agrees with the national list")
    .run();
    // One level: only its findings.
    let commune = reconcile_json(&test, &["--as-of", "2025-12-01", "--level", "Cấp xã"]);
    assert_eq!(
        findings(&commune),
        triples(&[
            ("name_of_other_code", "commune", "2.000927"),
            ("level_mismatch", "commune", "1.000028"),
            ("missing", "commune", "1.001612"),
            ("missing", "commune", "1.001710"),
        ])
    );
    // The information kinds do not count for --exit-code.
    let only_info = Test::with(&[LIST]);
    only_info
        .write(
            "one.csv",
            "Mã số TTHC,Tên thủ tục hành chính,Cấp thực hiện,Lĩnh vực,Hình thức công bố\n\
             2.000927,Sửa lỗi sai sót trong giao dịch,Cấp xã,Hộ tịch,Mới ban hành\n",
        )
        .write(
            "list.csv",
            "code,name,levels,field\n2.000927,Sửa lỗi sai sót trong giao dịch,Cấp xã,Chứng thực\n",
        );
    only_info
        .tthc(&["reference", "import", "--as-of", "2025-01-01", "list.csv"])
        .run();
    only_info
        .tthc(&[
            "import",
            "--decision",
            "3/QĐ-UBND",
            "--signed",
            "2025-09-01",
            "one.csv",
        ])
        .run();
    only_info
        .tthc(&["reconcile", "--exit-code", "--all", "--format", "table"])
        .stdout_has("field_mismatch 1")
        .run();
}

#[test]
fn a_decision_names_the_catalog_right_after_it() {
    let test = planted();
    // Right after the baseline, before Đồng Nai's decision.
    let report = reconcile_json(&test, &["--as-of", "1/QĐ-UBND"]);
    assert_eq!(report["as_of"], "2025-08-01");
    assert_eq!(report["after_decision"]["number"], "1/QĐ-UBND");
    assert!(report["after_decision"]["signed"].is_string(), "{report}");
    let mut expected = triples(&PLANTED);
    expected.retain(|(kind, _, _)| kind != "name_of_other_code");
    assert_eq!(findings(&report), expected);
}

#[test]
fn the_list_is_stored_once_and_never_changes_the_catalog() {
    let test = Test::with(&[LIST]);
    test.write("baseline.csv", baseline());
    import_baseline(&test);
    let before = test.snapshot();
    let head = test.tthc(&["verify"]).run().stdout;
    let stored: Value = test
        .tthc(&[
            "reference",
            "import",
            "--format",
            "json",
            "--as-of",
            LIST_DATE,
            LIST,
        ])
        .run()
        .json();
    assert_eq!(stored["stored"], true);
    let listed = test
        .tthc(&["reference", "list", "--format", "json"])
        .run()
        .stdout;
    test.tthc(&["reference", "import", "--as-of", "2025-11-20", LIST])
        .stdout_has("national/dvcqg-procedures.csv is already stored as the national list of 2025-08-01 (2,642 procedures): nothing to do.")
        .stdout_has("--as-of 2025-11-20 is not taken")
        .run();
    // The same bytes under another name are the same list.
    test.write("copy.csv", std::fs::read(test.path(LIST)).unwrap());
    let again: Value = test
        .tthc(&["reference", "import", "--format", "json", "copy.csv"])
        .run()
        .json();
    assert_eq!(again["stored"], false);
    assert_eq!(again["file"], LIST);
    assert_eq!(again["as_of"], LIST_DATE);
    assert_eq!(again["sha256"], stored["sha256"]);
    assert_eq!(again["procedures"], 2642);
    assert_eq!(
        again["levels"],
        serde_json::json!({"province": 1251, "district": 0, "commune": 588, "other_only": 1041})
    );
    assert_eq!(
        test.tthc(&["reference", "list", "--format", "json"])
            .run()
            .stdout,
        listed
    );
    let listed: Value = serde_json::from_str(&listed).unwrap();
    let references = listed["references"].as_array().unwrap();
    assert_eq!(references.len(), 1);
    assert_eq!(
        keys(&references[0]),
        BTreeSet::from([
            "as_of",
            "file",
            "sha256",
            "procedures",
            "imported_at",
            "imported_by"
        ])
    );
    // The reference never changes the catalog, nor its history's chain.
    test.assert_unchanged(before.as_deref());
    assert_eq!(test.tthc(&["verify"]).run().stdout, head);
}

#[test]
fn a_date_uses_the_latest_list_on_or_before_it() {
    let test = Test::with(&[LIST]);
    test.write("baseline.csv", baseline());
    // An older list, without 2.000927 and with 1.099999.
    let mut older = String::from("code,name,levels\n");
    for p in national_list().iter().filter(|p| p.code != "2.000927") {
        let _ = writeln!(
            older,
            "{},{},{}",
            p.code,
            quoted(&p.name),
            quoted(&p.levels)
        );
    }
    older.push_str("1.099999,Cấp giấy xác nhận thủ tục riêng của tỉnh,Cấp tỉnh\n");
    test.write("older.csv", older);
    test.tthc(&["reference", "import", "--as-of", "2025-10-01", LIST])
        .run();
    test.tthc(&["reference", "import", "--as-of", "2025-01-01", "older.csv"])
        .run();
    import_baseline(&test);
    let listed = test
        .tthc(&["reference", "list", "--format", "csv"])
        .run()
        .stdout;
    let dates: Vec<&str> = listed.lines().skip(1).map(|l| &l[..10]).collect();
    assert_eq!(dates, ["2025-01-01", "2025-10-01"]);
    let older = reconcile_json(&test, &["--as-of", "2025-09-30"]);
    assert_eq!(older["reference"]["file"], "older.csv");
    let mut expected = triples(&PLANTED);
    expected.retain(|(kind, _, code)| kind != "name_of_other_code" && code != "1.099999");
    expected.insert(
        1,
        triples(&[("unknown_code", "commune", "2.000927")])[0].clone(),
    );
    assert_eq!(findings(&older), expected);
    let newer = reconcile_json(&test, &["--as-of", "2025-10-01"]);
    assert_eq!(newer["reference"]["file"], LIST);
    let mut expected = triples(&PLANTED);
    expected.retain(|(kind, _, _)| kind != "name_of_other_code");
    assert_eq!(findings(&newer), expected);
    // Before every list: a failure that says which lists there are.
    test.tthc(&["reconcile", "--as-of", "2024-12-31"])
        .status(1)
        .stderr("tthc: no national list is dated on or before 2024-12-31 (the earliest is of 2025-01-01): reconcile a later date, or store an older list with tthc reference import --as-of DATE FILE\n")
        .run();
}

#[test]
fn without_a_list_reconcile_fails_and_import_does_not_check() {
    let test = Test::new();
    test.write(
        "new.csv",
        "Mã số TTHC,Tên thủ tục hành chính,Cấp thực hiện,Lĩnh vực,Hình thức công bố\n\
         2.000927,\"Chứng thực việc sửa đổi, bổ sung, hủy bỏ giao dịch\",Cấp xã,Chứng thực,Mới ban hành\n",
    );
    let summary: Summary = test
        .tthc(&[
            "import",
            "--format",
            "json",
            "--strict-reference",
            "--decision",
            "1/QĐ-UBND",
            "--signed",
            "2025-08-01",
            "new.csv",
        ])
        .stderr("")
        .run()
        .json();
    assert_eq!(summary.decisions, 1);
    assert!(summary.reference_warnings.is_empty());
    test.tthc(&["reconcile"])
        .status(1)
        .stderr("tthc: no national list is stored: store one with tthc reference import FILE\n")
        .run();
    test.tthc(&["reference", "list", "--format", "table"])
        .stdout("No national list stored yet: tthc reference import FILE stores one.\n")
        .run();
}

#[test]
fn import_and_inspect_warn_row_by_row_against_the_list() {
    let test = Test::with(&[LIST]);
    test.tthc(&["reference", "import", "--as-of", LIST_DATE, LIST])
        .run();
    test.write("2770-QD-UBND.csv", DONG_NAI).write(
        "new.csv",
        "Mã số TTHC,Tên thủ tục hành chính,Cấp thực hiện,Lĩnh vực,Hình thức công bố\n\
         2.000913,\"Chứng thực việc sửa đổi, bổ sung, hủy bỏ giao dịch\",Cấp xã,Chứng thực,Mới ban hành\n\
         2.000927,Sửa lỗi sai sót trong giao dịch,Cấp xã,Chứng thực,Mới ban hành\n\
         1.012510,Trả lại giấy phép hành nghề khoan nước dưới đất,Cấp tỉnh,Tài nguyên nước,Mới ban hành\n\
         1.099999,Thủ tục riêng của tỉnh,Cấp tỉnh,Hộ tịch,Mới ban hành\n",
    );
    let flags = ["--decision", "1/QĐ-UBND", "--signed", "2025-08-01"];
    let unknown = "new.csv:4: code 1.012510 is not in the national list of 2025-08-01; did you mean 1.012501 (\"Trả lại giấy phép hành nghề khoan nước dưới đất\")?";
    let own = "new.csv:5: code 1.099999 is not in the national list of 2025-08-01";
    // inspect: the warnings, exit 0; with --strict-reference they are problems.
    let report: Value = test
        .tthc(&["inspect", "--format", "json"])
        .args(flags)
        .args(["new.csv"])
        .run()
        .json();
    assert_eq!(report["reference"]["as_of"], LIST_DATE);
    let warned: Vec<String> = report["reference_warnings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| {
            format!(
                "{}:{}: {}",
                w["file"].as_str().unwrap(),
                w["line"],
                w["message"].as_str().unwrap()
            )
        })
        .collect();
    assert_eq!(warned, [unknown, own]);
    assert_eq!(report["problems"], serde_json::json!([]));
    test.tthc(&["inspect", "--strict-reference"])
        .args(flags)
        .args(["new.csv"])
        .status(3)
        .stdout_has(&format!("Problems (2):\n  {unknown}\n  {own}\n"))
        .stderr("tthc: new.csv: 2 problems: import would reject the file\n")
        .run();
    // import --strict-reference refuses, nothing written.
    test.tthc(&["import", "--strict-reference"])
        .args(flags)
        .args(["new.csv"])
        .status(3)
        .stderr(format!(
            "tthc: input rejected, nothing was written (2 problems):\n{unknown}\n{own}\n"
        ))
        .run();
    assert_eq!(
        test.tthc(&["export", "--format", "csv", "--as-of", "2025-08-01"])
            .run()
            .stdout
            .lines()
            .count(),
        1
    );
    // import warns and imports.
    let summary = test
        .tthc(&["import", "--format", "json"])
        .args(flags)
        .args(["new.csv"])
        .stderr(format!("tthc: warning: {unknown}\ntthc: warning: {own}\n"))
        .run()
        .stdout;
    let summary: Value = serde_json::from_str(&summary).unwrap();
    assert_eq!(summary["reference_warnings"].as_array().unwrap().len(), 2);
    assert_eq!(summary["reference_warnings"][1]["line"], 5);
}

#[test]
fn dong_nai_and_a_procedure_without_code_are_warned_of() {
    let test = Test::with(&[LIST]);
    test.tthc(&["reference", "import", "--as-of", LIST_DATE, LIST])
        .run();
    test.write("baseline.csv", baseline())
        .write("2770-QD-UBND.csv", DONG_NAI);
    import_baseline(&test);
    // Đồng Nai: the name of another code, on its line.
    let dong_nai = "2770-QD-UBND.csv:2: the name \"Chứng thực việc sửa đổi, bổ sung, hủy bỏ giao dịch\" is that of 2.000913 in the national list of 2025-08-01; 2.000927 there is \"Sửa lỗi sai sót trong giao dịch\"";
    let dong_nai_flags = [
        "--decision",
        "2770/QĐ-UBND",
        "--signed",
        "18/11/2025",
        "2770-QD-UBND.csv",
    ];
    test.tthc(&["inspect"])
        .args(dong_nai_flags)
        .stdout_has(&format!("Warnings against it (1):\n  {dong_nai}\n"))
        .run();
    test.tthc(&["import", "--strict-reference"])
        .args(dong_nai_flags)
        .status(3)
        .stderr_has(dong_nai)
        .run();
    test.tthc(&["import"])
        .args(dong_nai_flags)
        .stderr(format!("tthc: warning: {dong_nai}\n"))
        .run();
    // Importing it again changes nothing and warns of nothing.
    test.tthc(&["import", "--strict-reference"])
        .args(dong_nai_flags)
        .stderr("")
        .stdout_has("is already imported with identical rows")
        .run();
    // An annex as published that adds a procedure without a code the list has.
    test.write(
        "no-code.csv",
        "DANH MỤC THỦ TỤC HÀNH CHÍNH MỚI BAN HÀNH THUỘC THẨM QUYỀN GIẢI QUYẾT CỦA UBND CẤP XÃ\n\
         STT,Mã số TTHC,Tên thủ tục hành chính,Lĩnh vực\n\
         1,,Đăng ký thành lập hộ kinh doanh,Kinh doanh\n",
    );
    let no_code = "no-code.csv:3: \"Đăng ký thành lập hộ kinh doanh\" is published without a code, and the national list of 2025-08-01 has it as 1.001612 (\"Đăng ký thành lập hộ kinh doanh\"): write the code";
    let no_code_flags = [
        "--decision",
        "30/QĐ-UBND",
        "--signed",
        "2025-12-01",
        "--effective",
        "2025-12-01",
        "no-code.csv",
    ];
    test.tthc(&["inspect"])
        .args(no_code_flags)
        .stdout_has(&format!("Warnings against it (1):\n  {no_code}\n"))
        .run();
    test.tthc(&["import"])
        .args(no_code_flags)
        .stderr(format!("tthc: warning: {no_code}\n"))
        .run();
}

#[test]
fn malformed_codes_are_told_the_codes_of_the_list_they_may_mean() {
    let test = Test::with(&[LIST]);
    test.tthc(&["reference", "import", "--as-of", LIST_DATE, LIST])
        .run();
    // Hà Tĩnh's "1.0125010": a digit too many.
    test.write(
        "ha-tinh.csv",
        "Mã số TTHC,Tên thủ tục hành chính,Cấp thực hiện,Lĩnh vực,Hình thức công bố\n\
         1.0125010,Trả lại giấy phép hành nghề khoan nước dưới đất,Cấp tỉnh,Tài nguyên nước,Mới ban hành\n",
    );
    let flags = [
        "--decision",
        "5/QĐ-UBND",
        "--signed",
        "2025-09-01",
        "ha-tinh.csv",
    ];
    let hint = "did you mean 1.012501 (\"Trả lại giấy phép hành nghề khoan nước dưới đất\") of the national list of 2025-08-01?";
    test.tthc(&["inspect"])
        .args(flags)
        .status(3)
        .stdout_has("ha-tinh.csv:2: column \"Mã số TTHC\": bad code \"1.0125010\"")
        .stdout_has(hint)
        .run();
    test.tthc(&["import"])
        .args(flags)
        .status(3)
        .stderr_has(hint)
        .run();
    // Phú Thọ's "1.01443": a digit short; the list's codes one digit away.
    test.write(
        "phu-tho.csv",
        "Mã số TTHC,Tên thủ tục hành chính,Cấp thực hiện,Lĩnh vực,Hình thức công bố\n\
         1.01443,Chuyển nhượng quyền khai thác khoáng sản,Cấp tỉnh,Khoáng sản,Mới ban hành\n",
    );
    test.tthc(&[
        "inspect",
        "--decision",
        "6/QĐ-UBND",
        "--signed",
        "2025-09-01",
        "phu-tho.csv",
    ])
    .status(3)
    .stdout_has("did you mean 1.011443 (")
    .stdout_has("1.014243 (\"Chuyển nhượng quyền khai thác khoáng sản (cấp Bộ)\") or 1.014743 (")
    .run();
}

#[test]
fn a_workbook_with_vietnamese_headers_is_a_list_too() {
    use rust_xlsxwriter::Workbook;
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("TTHC").unwrap();
    let rows: [[&str; 7]; 5] = [
        ["DANH SÁCH THỦ TỤC HÀNH CHÍNH", "", "", "", "", "", ""],
        [
            "STT",
            "Mã thủ tục",
            "Tên thủ tục",
            "Cấp thực hiện",
            "Lĩnh vực",
            "Cơ quan thực hiện",
            "Quyết định công bố",
        ],
        [
            "1",
            "2.000913.000.00.00.H12",
            "Chứng thực việc sửa đổi, bổ sung, hủy bỏ giao dịch",
            "Cấp Xã",
            "Chứng thực",
            "UBND cấp xã",
            "858/QĐ-BTP",
        ],
        [
            "2",
            "1.000016",
            "Thông báo tăng, giảm vốn góp của quỹ đầu tư khởi nghiệp sáng tạo (cấp tỉnh)",
            "Cấp Tỉnh",
            "Hỗ trợ doanh nghiệp nhỏ và vừa",
            "Sở Tài chính",
            "2915/QĐ-BTC",
        ],
        [
            "3",
            "1.000010",
            "Đánh giá năng lực cơ sở thử nghiệm",
            "Cấp bộ",
            "Đăng kiểm",
            "Chi cục Đăng kiểm",
            "877/QĐ-BGTVT",
        ],
    ];
    for (r, row) in rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            if !cell.is_empty() {
                sheet.write_string(r as u32, c as u16, *cell).unwrap();
            }
        }
    }
    let test = Test::new();
    test.write("danh-sach.xlsx", book.save_to_buffer().unwrap());
    let stored: Value = test
        .tthc(&[
            "reference",
            "import",
            "--format",
            "json",
            "--as-of",
            "2025-11-20",
            "danh-sach.xlsx",
        ])
        .run()
        .json();
    assert_eq!(stored["stored"], true);
    assert_eq!(stored["procedures"], 3);
    assert_eq!(stored["ignored_columns"], serde_json::json!(["STT"]));
    // An empty catalog owes every procedure of the province and the communes.
    let report = reconcile_json(&test, &["--as-of", "2025-11-20"]);
    assert_eq!(
        findings(&report),
        triples(&[
            ("missing", "province", "1.000016"),
            ("missing", "commune", "2.000913"),
        ])
    );
    assert_eq!(
        report["findings"][0]["reference"]["decision"],
        "2915/QĐ-BTC"
    );
    assert_eq!(report["findings"][1]["reference"]["line"], 3);
}

#[test]
fn a_list_with_problems_is_refused_whole() {
    let test = Test::new();
    test.write(
        "list.csv",
        "code,name,levels\n1.000001,A,Cấp tỉnh\n1.01443,B,Cấp xã\n1.000003,C,Cấp làng\n",
    );
    test.tthc(&["reference", "import", "list.csv"])
        .status(3)
        .stderr_has("tthc: input rejected, nothing was written (2 problems):\nlist.csv:3: column code: bad code \"1.01443\"")
        .stderr_has("\nlist.csv:4: column levels: unknown level \"cấp làng\"")
        .run();
    assert!(!test.db().exists(), "a refused list created the catalog");
    test.tthc(&["reference", "import", "missing.csv"])
        .status(3)
        .stderr_has("missing.csv: cannot open:")
        .run();
}

/// Imports `baseline.csv` (the national list at province and commune
/// levels) as decision 1/QĐ-UBND of 2025-08-01.
fn import_baseline(test: &Test) {
    test.tthc(&[
        "import",
        "--levels",
        "province,commune",
        "--decision",
        "1/QĐ-UBND",
        "--signed",
        "2025-08-01",
        "baseline.csv",
    ])
    .run();
}
