//! Hostile text and paths: whatever a cell holds is data, stored and exported
//! exactly (trimmed and NFC, as every cell), never executed; names of files
//! and databases with spaces and Vietnamese letters work.

use std::fmt::Write as _;
use std::fs;

use serde_json::Value;
use unicode_normalization::UnicodeNormalization;

use crate::common::{BASE_DAY, BASE_EXPORT, Counts, EXPORT_HEADER, Test, fixture_text};

/// Cell values a hand-edited file or a malicious one may hold.
const HOSTILE: [(&str, &str); 13] = [
    ("sql injection", "Robert'); DROP TABLE versions; --"),
    (
        "quotes and separators",
        "Thủ tục \"trích dẫn\" và 'nháy đơn'; chấm phẩy, dấu phẩy",
    ),
    (
        "sql keywords",
        "SELECT * FROM decisions WHERE 1=1 OR ''='' UNION SELECT sqlite_version()",
    ),
    (
        "control characters",
        "chuông\u{7} thoát\u{1b}[31m đỏ\u{1b}[0m tab\tgiữa \u{1}\u{1f}\u{7f} hết",
    ),
    ("line breaks", "dòng một\ndòng hai\r\ndòng ba"),
    ("nul", "trước\u{0}sau"),
    (
        "right-to-left marks",
        "\u{200f}مرحبا \u{202e}cba\u{202c} עברית\u{200e}",
    ),
    ("emoji", "Thủ tục 🏛️ 👨‍👩‍👧‍👦 ✅ 🇻🇳"),
    ("zero-width", "\u{feff}không\u{200b}khoảng\u{200d}cách"),
    (
        "decomposed Vietnamese",
        "Chu\u{31b}\u{301}ng thu\u{31b}\u{323}c",
    ),
    (
        "white space around",
        "\u{a0}\u{3000} cách hai đầu \u{2003}\t",
    ),
    (
        "spreadsheet formula",
        "=HYPERLINK(\"http://example.invalid\",\"bấm\")",
    ),
    ("fts syntax", "NEAR(\"a\" b) OR c* AND -d ^e"),
];

/// A decision number that is also an attack.
const NUMBER: &str = "7'); DROP TABLE decisions; --/QĐ-UBND";

/// What tthc makes of any cell: trimmed, NFC.
fn clean(raw: &str) -> String {
    raw.trim().nfc().collect::<String>().trim().to_owned()
}

/// A CSV cell, always quoted.
fn quoted(cell: &str) -> String {
    format!("\"{}\"", cell.replace('"', "\"\""))
}

/// A decision adding one province entry per value, each value in every text column.
fn hostile_decision(values: &[&str]) -> String {
    let mut text = format!(
        "decision,signed,action,code,level,name,field,agency,processing_time,fee,legal_basis,{}\n",
        quoted("\"; DROP TABLE versions; --")
    );
    for (i, value) in values.iter().enumerate() {
        let v = quoted(value);
        let _ = writeln!(
            text,
            "{},2024-01-15,added,1.9{:05},province,{v},{v},{v},{v},{v},{v},{v}",
            quoted(NUMBER),
            i + 1
        );
    }
    text
}

/// Checks that the export holds, for entry `1.9000NN`, exactly `expected` in every text column.
fn check_exports(test: &Test, expected: &[String]) {
    let export = test.export_json(BASE_DAY);
    assert_eq!(export.entries.len(), expected.len());
    for (i, want) in expected.iter().enumerate() {
        let code = format!("1.9{:05}", i + 1);
        let entry = export
            .entries
            .iter()
            .find(|e| e.code == code)
            .unwrap_or_else(|| panic!("{code} is not exported"));
        for (column, got) in [
            ("name", &entry.name),
            ("field", &entry.field),
            ("agency", &entry.agency),
            ("processing_time", &entry.processing_time),
            ("fee", &entry.fee),
            ("legal_basis", &entry.legal_basis),
        ] {
            assert_eq!(got, want, "{code} {column}");
        }
        assert_eq!(entry.decision, NUMBER);
    }
    // The CSV export, read back by a CSV reader, says the same as the JSON one.
    let csv_text = test.export_csv(BASE_DAY);
    let mut reader = csv::Reader::from_reader(csv_text.as_bytes());
    assert_eq!(
        reader
            .headers()
            .unwrap()
            .iter()
            .collect::<Vec<_>>()
            .join(","),
        EXPORT_HEADER
    );
    let records: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(records.len(), export.entries.len());
    for (record, entry) in records.iter().zip(&export.entries) {
        let fields: Vec<&str> = record.iter().collect();
        assert_eq!(
            fields,
            [
                entry.level.as_str(),
                &entry.code,
                &entry.name,
                &entry.field,
                &entry.agency,
                &entry.processing_time,
                &entry.fee,
                &entry.legal_basis,
                &entry.decision,
                &entry.effective,
            ]
        );
    }
}

#[test]
fn hostile_text_is_stored_and_exported_exactly_never_executed() {
    let values: Vec<&str> = HOSTILE.iter().map(|(_, v)| *v).collect();
    let test = Test::new();
    test.write("hostile.csv", hostile_decision(&values));
    let summary = test.import(&["hostile.csv"]);
    assert_eq!(summary.rows, values.len() as u64);
    assert_eq!(
        summary.ignored_columns,
        ["\"; DROP TABLE versions; --".to_owned()]
    );
    let expected: Vec<String> = values.iter().map(|v| clean(v)).collect();
    for ((what, raw), want) in HOSTILE.iter().zip(&expected) {
        if matches!(*what, "decomposed Vietnamese" | "white space around") {
            assert_ne!(raw, want, "{what}: the fixture should need cleaning");
        } else {
            assert_eq!(raw, want, "{what}: the value should be kept as it is");
        }
    }
    check_exports(&test, &expected);
    // Nothing was executed: every table is whole and consistent.
    test.tthc(&["verify"]).stdout_has("no mismatch").run();
    let n = values.len() as u64;
    assert_eq!(
        test.counts(BASE_DAY),
        Counts::new(BASE_DAY, [n, 0, 0, n, n])
    );
    let decisions: Value = test.tthc(&["decisions", "--format", "json"]).run().json();
    assert_eq!(decisions["decisions"][0]["number"], NUMBER, "{decisions}");
}

#[test]
fn a_hundred_kilobytes_of_text_in_one_cell_is_stored_and_exported_exactly() {
    let mut long = String::new();
    while long.len() < 100 * 1024 {
        long.push_str("Thủ tục hành chính rất dài, có \"ngoặc kép\" và dấu phẩy; ");
    }
    let long = long.trim_end().to_owned();
    let test = Test::new();
    test.write("long.csv", hostile_decision(&[&long]));
    test.import(&["long.csv"]);
    check_exports(&test, &[long]);
    test.tthc(&["verify"]).stdout_has("no mismatch").run();
}

/// Text typed on the command line is data too: searches, dates, codes and
/// decision references that look like SQL or full-text syntax are answered
/// or refused, and the catalog is untouched.
#[test]
fn hostile_arguments_are_answered_or_refused_never_executed() {
    let test = Test::imported(&["base.csv"]);
    let before = test.snapshot();
    for text in [
        "'; DROP TABLE versions; --",
        "\"",
        "\"\"\"",
        "NEAR(",
        "a OR b AND NOT c",
        "*",
        "-",
        "^",
        "chứng thực\") OR (\"x",
        "\u{7}\u{1b}[2J",
        "\u{202e}",
        "🏛️",
    ] {
        test.tthc(&["search", text, "--as-of", BASE_DAY, "--format", "json"])
            .run();
        for args in [
            &["export", "--as-of", text][..],
            &["counts", "--as-of", text],
            &["show", text],
            &["history", text],
            &["diff", text, BASE_DAY],
        ] {
            let out = crate::crash::run_tthc(&test, args);
            // A value that is no date, reference or code is refused by the
            // command line parser (exit 2, its own message); one that names
            // nothing stored, by tthc.
            let refused = out.code == Some(2) && out.stderr.starts_with("error: invalid value ");
            assert!(
                refused || matches!(out.code, Some(1 | 2)) && out.stderr.starts_with("tthc: "),
                "tthc {args:?}: {out:?}"
            );
        }
    }
    test.assert_unchanged(before.as_deref());
    test.tthc(&["verify"]).stdout_has("no mismatch").run();
}

/// A file saved in a legacy encoding (here Latin-1, as an old spreadsheet
/// may) is refused whole, naming the line and the column.
#[test]
fn a_file_in_a_legacy_encoding_is_refused_naming_line_and_column() {
    let test = Test::new();
    let mut bytes = b"decision,signed,action,code,level,name,field\n".to_vec();
    bytes.extend_from_slice(
        b"10/QD,2024-01-15,added,1.000001,province,Caf\xe9 \xabtest\xbb,Field\n",
    );
    test.write("latin1.csv", bytes);
    test.tthc(&["import", "latin1.csv"])
        .status(3)
        .stderr_has("latin1.csv:2: column name: invalid UTF-8")
        .run();
    assert!(!test.db().exists());
}

#[test]
fn paths_with_spaces_and_vietnamese_letters_work() {
    let test = Test::new();
    let file = "Hồ sơ TTHC/Quyết định năm 2024/Quyết định số 10 (bản sửa; 'cuối').csv";
    let db = "Cơ sở dữ liệu/danh mục thủ tục hành chính.db";
    test.write(file, fixture_text("base.csv"));
    fs::create_dir_all(test.path("Cơ sở dữ liệu")).unwrap();
    fs::create_dir_all(test.path("Xuất bản")).unwrap();

    test.bare(&["--db", db, "import", file]).run();
    assert!(test.path(db).exists());
    // The database named by TTHC_DB, and an absolute path with spaces.
    let counts: Counts = test
        .bare(&["counts", "--as-of", BASE_DAY, "--format", "json"])
        .env("TTHC_DB", test.path(db))
        .run()
        .json();
    assert_eq!(counts.total, 7);
    let out = "Xuất bản/danh mục ngày 15-01-2024.csv";
    test.bare(&["--db", db, "export", "--as-of", BASE_DAY, "-o", out])
        .stdout("")
        .run();
    assert_eq!(test.read(out), BASE_EXPORT);
    // Problems name the file exactly as given.
    let bad = "Hồ sơ TTHC/tệp lỗi ngày 31-02.csv";
    test.write(
        bad,
        "decision,signed,action,code,level,name,field\n11/QĐ-UBND,31/02/2024,added,1.000099,province,Tên,Lĩnh vực\n",
    );
    test.bare(&["--db", db, "import", bad])
        .status(3)
        .stderr_has(&format!("{bad}:2: column signed"))
        .run();
    let before = test.read(out);
    test.bare(&["--db", db, "export", "--as-of", BASE_DAY, "-o", out])
        .run();
    assert_eq!(test.read(out), before);
}
