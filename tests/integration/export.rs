//! `tthc export`: CSV, JSON and table output, files written with `-o`, and closed pipes.

use std::fs;
use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

use crate::common::{
    BASE_DAY, BASE_EXPORT, BIN, Counts, DB, Entry, Export, Test, assert_text, csv_export,
    decision_file, many_entries,
};

#[test]
fn empty_catalog_exports_the_header_alone() {
    let test = Test::imported(&["base.csv"]);
    test.tthc(&["export", "--format", "csv", "--as-of", "2023-12-31"])
        .stdout(csv_export(&[]))
        .run();
}

#[test]
fn export_defaults_to_csv_when_not_on_a_terminal() {
    Test::imported(&["base.csv"])
        .tthc(&["export", "--as-of", BASE_DAY])
        .stdout(BASE_EXPORT)
        .run();
}

#[test]
fn same_catalog_exports_byte_identical_csv() {
    let files = ["base.csv", "amend-2024-03.csv", "replace-2024-05.csv"];
    let one_by_one = Test::imported_one_by_one(&files);
    let batch = Test::with(&files);
    batch.import(&["replace-2024-05.csv", "amend-2024-03.csv", "base.csv"]);
    let first = one_by_one.export_csv("2024-06-01");
    assert_text(
        "second export",
        &first,
        &one_by_one.export_csv("2024-06-01"),
    );
    assert_text(
        "export of the same decisions imported in one batch",
        &first,
        &batch.export_csv("2024-06-01"),
    );
    one_by_one
        .tthc(&["import", "base.csv"])
        .stdout_has("already imported")
        .run();
    assert_text(
        "export after a re-import",
        &first,
        &one_by_one.export_csv("2024-06-01"),
    );
}

#[test]
fn export_to_a_file_replaces_it_and_prints_nothing() {
    let test = Test::imported(&["base.csv"]);
    test.write("out/catalog.csv", "stale\n");
    test.tthc(&["export", "--as-of", BASE_DAY, "-o", "out/catalog.csv"])
        .stdout("")
        .stderr("")
        .run();
    assert_text(
        "out/catalog.csv",
        BASE_EXPORT,
        &test.read("out/catalog.csv"),
    );
    let names: Vec<String> = fs::read_dir(test.path("out"))
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["catalog.csv"], "files left beside the export");
}

#[test]
fn export_json_to_a_file() {
    let test = Test::imported(&["base.csv"]);
    test.tthc(&[
        "export",
        "--format",
        "json",
        "--as-of",
        BASE_DAY,
        "-o",
        "catalog.json",
    ])
    .stdout("")
    .run();
    let export: Export = serde_json::from_str(&test.read("catalog.json")).unwrap();
    assert_eq!(export.entries.len(), 7);
}

#[test]
fn export_json_shape() {
    let test = Test::imported(&["base.csv"]);
    let export = test.export_json(BASE_DAY);
    assert_eq!(export.as_of, BASE_DAY);
    assert_eq!(export.counts, Counts::new(BASE_DAY, [4, 1, 2, 7, 6]));
    assert_eq!(export.counts, test.counts(BASE_DAY));
    assert_eq!(export.entries.len(), 7);
    let entry = export
        .entries
        .iter()
        .find(|entry| entry.level == "commune" && entry.code == "2.000005");
    let expected = Entry {
        level: "commune".into(),
        code: "2.000005".into(),
        name: "Chứng thực bản sao từ bản chính".into(),
        field: "Chứng thực".into(),
        agency: "Sở Tư pháp, UBND cấp xã".into(),
        processing_time: "Trong ngày".into(),
        fee: "2.000 đồng/trang".into(),
        legal_basis: "Nghị định 23/2015/NĐ-CP".into(),
        decision: "10/QĐ-UBND".into(),
        effective: BASE_DAY.into(),
    };
    assert_eq!(entry, Some(&expected));
    let empty = test.export_json("2023-12-31");
    assert_eq!(empty.counts, Counts::new("2023-12-31", [0, 0, 0, 0, 0]));
    assert!(empty.entries.is_empty());
}

#[test]
fn table_headings_count_entries_with_the_thousands_separator_of_the_language() {
    let test = Test::new();
    test.write("many.csv", many_entries(1200));
    test.write(
        "communes.csv",
        decision_file(&[
            "101/QĐ-UBND,2024-01-10,,added,2.000001,commune,Thủ tục xã 1,Hộ tịch,",
            "101/QĐ-UBND,2024-01-10,,added,2.000002,commune,Thủ tục xã 2,Hộ tịch,",
        ]),
    );
    test.import(&["many.csv", "communes.csv"]);
    test.tthc(&["export", "--format", "table", "--as-of", "2024-01-10"])
        .stdout_has("CATALOG OF ADMINISTRATIVE PROCEDURES (as of 10/01/2024): 1,202 entries\n")
        .stdout_has("A. Province level (1,200 entries)")
        .stdout_has("B. Commune level (2 entries)")
        .stdout_has("│ No. ┆ Code")
        .stdout_has("1.100000")
        .stdout_has("Thủ tục xã 2")
        .run();
    let vi = test
        .tthc(&[
            "export",
            "--format",
            "table",
            "--as-of",
            "2024-01-10",
            "--lang",
            "vi",
        ])
        .stdout_has("DANH MỤC THỦ TỤC HÀNH CHÍNH (tính đến ngày 10/01/2024): 1.202 TTHC\n")
        .stdout_has("A. Cấp tỉnh (1.200 TTHC)")
        .stdout_has("B. Cấp xã (2 TTHC)")
        .stdout_has("│ STT ┆ Mã số")
        .stdout_has("Tên thủ tục hành chính")
        .run()
        .stdout;
    for english in ["CATALOG", "entries", "Province", "Code", "Agency"] {
        assert!(!vi.contains(english), "{english} in {vi}");
    }
    let json = |lang: &str| {
        test.tthc(&[
            "export",
            "--format",
            "json",
            "--as-of",
            "2024-01-10",
            "--lang",
            lang,
        ])
        .run()
        .stdout
    };
    assert_eq!(json("vi"), json("en"));
    let csv = |lang: &str| {
        test.tthc(&[
            "export",
            "--format",
            "csv",
            "--as-of",
            "2024-01-10",
            "--lang",
            lang,
        ])
        .run()
        .stdout
    };
    assert_eq!(csv("vi"), csv("en"));
}

#[test]
fn export_into_a_closed_pipe_is_not_an_error() {
    let test = Test::new();
    test.write("many.csv", many_entries(1200));
    test.import(&["many.csv"]);
    let mut child = Command::new(BIN)
        .args([
            "--db",
            DB,
            "export",
            "--format",
            "csv",
            "--as-of",
            "2024-01-10",
        ])
        .current_dir(test.dir())
        .env_remove("TTHC_DB")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    assert_eq!(first, csv_export(&[]));
    let output = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(0), "stderr: {stderr}");
    assert!(
        !stderr.to_lowercase().contains("broken pipe"),
        "stderr: {stderr}"
    );
}

/// Regression: exports were created through a private temporary file and
/// kept its mode 0600, so a web server could not publish them.
#[cfg(unix)]
#[test]
fn exported_files_are_readable_by_others_or_keep_the_mode_they_replace() {
    use std::os::unix::fs::PermissionsExt;
    let test = Test::imported(&["base.csv"]);
    let mode = |name: &str| fs::metadata(test.path(name)).unwrap().permissions().mode() & 0o777;
    test.tthc(&["export", "-o", "fresh.csv"]).run();
    assert_eq!(mode("fresh.csv"), 0o644);
    test.write("private.csv", "old");
    fs::set_permissions(test.path("private.csv"), fs::Permissions::from_mode(0o600)).unwrap();
    test.tthc(&["export", "-o", "private.csv"]).run();
    assert_eq!(mode("private.csv"), 0o600);
    assert!(test.read("private.csv").starts_with("level,code,"));
}

/// Fields come in Vietnamese alphabetical order, not code-point order
/// (which puts "Thi đua" before "Thành lập" and "Đất đai" last).
#[test]
fn fields_are_in_vietnamese_alphabetical_order() {
    let test = Test::new();
    test.write(
        "fields.csv",
        "\
decision,signed,action,code,level,name,field
1/QĐ-UBND,2025-08-01,added,1.000001,province,Thủ tục 1,Thi đua khen thưởng
1/QĐ-UBND,2025-08-01,added,1.000002,province,Thủ tục 2,Đất đai
1/QĐ-UBND,2025-08-01,added,1.000003,province,Thủ tục 3,Thành lập doanh nghiệp
1/QĐ-UBND,2025-08-01,added,1.000004,province,Thủ tục 4,Dân tộc
1/QĐ-UBND,2025-08-01,added,1.000005,province,Thủ tục 5,Ăn uống
1/QĐ-UBND,2025-08-01,added,1.000006,province,Thủ tục 6,An toàn thực phẩm
",
    );
    test.import(&["fields.csv"]);
    let fields: Vec<String> = test
        .export_json("2025-08-01")
        .entries
        .into_iter()
        .map(|e| e.field)
        .collect();
    assert_eq!(
        fields,
        [
            "An toàn thực phẩm",
            "Ăn uống",
            "Dân tộc",
            "Đất đai",
            "Thành lập doanh nghiệp",
            "Thi đua khen thưởng"
        ]
    );
}

/// `--level`, `--field` and `--agency` keep some entries of export, counts
/// and search; field and agency match like search (case and diacritics
/// ignored).
#[test]
fn filters_keep_entries_by_level_field_and_agency() {
    let test = Test::new();
    test.write(
        "filters.csv",
        "\
decision,signed,action,code,level,name,field,agency
1/QĐ-UBND,2025-08-01,added,1.000001,province,Cấp giấy phép xây dựng,Xây dựng,Sở Xây dựng
1/QĐ-UBND,2025-08-01,added,1.000002,commune,Đăng ký khai sinh,Hộ tịch,UBND cấp xã
1/QĐ-UBND,2025-08-01,added,1.000003,commune,Đăng ký kết hôn,Hộ tịch,UBND cấp xã
1/QĐ-UBND,2025-08-01,added,1.000004,province,Cấp bản sao trích lục hộ tịch,Hộ tịch,Sở Tư pháp
",
    );
    test.import(&["filters.csv"]);
    let codes = |args: &[&str]| -> Vec<String> {
        let export: crate::common::Export = test
            .tthc(&["export", "--format", "json", "--as-of", "2025-08-01"])
            .args(args)
            .run()
            .json();
        export.entries.into_iter().map(|e| e.code).collect()
    };
    assert_eq!(codes(&["--level", "commune"]), ["1.000002", "1.000003"]);
    assert_eq!(
        codes(&["--field", "ho tich", "--level", "province"]),
        ["1.000004"]
    );
    // By level, then field: "Hộ tịch" before "Xây dựng".
    assert_eq!(codes(&["--agency", "SỞ"]), ["1.000004", "1.000001"]);
    assert!(codes(&["--field", "Đất đai"]).is_empty());
    let counts: crate::common::Counts = test
        .tthc(&["counts", "--format", "json", "--as-of", "2025-08-01"])
        .args(["--field", "Hộ tịch"])
        .run()
        .json();
    assert_eq!((counts.province, counts.commune, counts.total), (1, 2, 3));
    test.tthc(&[
        "search",
        "đăng ký",
        "--as-of",
        "2025-08-01",
        "--format",
        "csv",
    ])
    .args(["--agency", "ubnd"])
    .stdout_has("1.000002")
    .stdout_has("1.000003")
    .run();
    let out = test
        .tthc(&[
            "search",
            "hộ tịch",
            "--as-of",
            "2025-08-01",
            "--format",
            "csv",
        ])
        .args(["--level", "province"])
        .run();
    assert!(
        out.stdout.contains("1.000004") && !out.stdout.contains("1.000002"),
        "{}",
        out.stdout
    );
}

/// The format follows the extension of `-o` (a workbook for .xlsx, not csv
/// text in a file named .xlsx); a `--format` that contradicts it is refused.
#[test]
fn the_format_follows_the_output_extension() {
    let test = Test::imported(&["base.csv"]);
    test.tthc(&["export", "-o", "danh-muc.xlsx"]).run();
    let bytes = std::fs::read(test.path("danh-muc.xlsx")).unwrap();
    assert!(bytes.starts_with(b"PK"), "an xlsx is a zip archive");
    test.tthc(&["export", "-o", "danh-muc.json"]).run();
    let json: serde_json::Value = serde_json::from_str(&test.read("danh-muc.json")).unwrap();
    assert!(json["entries"].is_array());
    test.tthc(&["export", "-o", "danh-muc.csv"]).run();
    assert!(test.read("danh-muc.csv").starts_with("level,code,name,"));
    test.tthc(&["export", "--format", "csv", "-o", "other.xlsx"])
        .status(2)
        .stderr_has("--format csv contradicts -o other.xlsx, whose extension means xlsx")
        .run();
    assert!(!test.path("other.xlsx").exists());
    test.tthc(&["export", "-o", "page.html"])
        .status(2)
        .stderr_has("tthc report -o FILE.html")
        .run();
    test.tthc(&["report", "-o", "report.csv"])
        .status(2)
        .stderr_has("the report is an html page")
        .run();
    // Other names keep the default (csv), or take --format.
    test.tthc(&["export", "-o", "catalog.txt", "--format", "table"])
        .run();
    assert!(
        test.read("catalog.txt")
            .contains("CATALOG OF ADMINISTRATIVE PROCEDURES")
    );
}
