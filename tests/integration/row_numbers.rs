//! Changes that name their entry by the row number of an earlier annex:
//! "Số thứ tự 04 Mục I Phụ lục I kèm theo Quyết định số 1308/QĐ-UBND ngày
//! 18/6/2025" in a cell of the repeal table (as Lạng Sơn 2487/QĐ-UBND
//! writes it), and the same kind of reference in the body of a decision (as
//! Hà Tĩnh 2890/QĐ-UBND, Cao Bằng 2031/QĐ-UBND and Hà Nội 1609/QĐ-TTPVHCC
//! write them), which `inspect` and `import` check against the annex.

use std::fmt::Write as _;
use std::io::{Cursor, Write as _};

use serde_json::Value;
use zip::write::SimpleFileOptions;

use crate::common::{Summary, Test};

const REAL: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/real-annexes");

/// 1308/QĐ-UBND as published: one annex, two sections, row numbers that
/// restart in each.
const FIRST: &str = "\
PHỤ LỤC I
DANH MỤC THỦ TỤC HÀNH CHÍNH MỚI BAN HÀNH
STT,Mã số TTHC,Tên thủ tục hành chính,Lĩnh vực
I,THỦ TỤC HÀNH CHÍNH CẤP TỈNH,,
1,1.000001,Cấp giấy phép khai thác tài nguyên nước,Tài nguyên nước
2,1.000002,Gia hạn giấy phép khai thác tài nguyên nước,Tài nguyên nước
3,1.000003,Cấp lại giấy phép khai thác tài nguyên nước,Tài nguyên nước
4,1.000004,Trả lại giấy phép khai thác tài nguyên nước,Tài nguyên nước
II,THỦ TỤC HÀNH CHÍNH CẤP XÃ,,
1,2.000001,Đăng ký khai thác nước dưới đất,Tài nguyên nước
2,2.000002,Lấy ý kiến cộng đồng dân cư,Tài nguyên nước
";

fn with_first() -> Test {
    let test = Test::new();
    test.write("qd-1308.docx.csv", FIRST);
    test.tthc(&["import", "qd-1308.docx.csv"])
        .args(["--decision", "1308/QĐ-UBND", "--signed", "2025-06-18"])
        .args(["--effective", "2025-06-18"])
        .run();
    test
}

/// A repeal annex whose rows name their entries in the "Ghi chú" column.
fn repeal(rows: &[(&str, &str)]) -> String {
    let mut annex = "PHỤ LỤC\n\
        DANH MỤC THỦ TỤC HÀNH CHÍNH BỊ BÃI BỎ\n\
        STT,Mã số TTHC,Tên thủ tục hành chính,Lĩnh vực,Ghi chú\n\
        A,THỦ TỤC HÀNH CHÍNH CẤP TỈNH,,,\n"
        .to_owned();
    for (i, (code, note)) in rows.iter().enumerate() {
        let _ = writeln!(annex, "{},{code},,Tài nguyên nước,\"{note}\"", i + 1);
    }
    annex
}

const LATER: [&str; 6] = [
    "--decision",
    "2487/QĐ-UBND",
    "--signed",
    "2025-11-19",
    "--effective",
    "2025-11-19",
];

const STT_04: &str =
    "Số thứ tự 04 Mục I Phụ lục I kèm theo Quyết định số 1308/QĐ-UBND ngày 18/6/2025";

/// The rows of a decision as published remember where they stood.
#[test]
fn every_imported_row_keeps_its_annex_section_and_number() {
    let test = with_first();
    let history: Value = test
        .tthc(&["history", "2.000002", "--format", "json"])
        .run()
        .json();
    let position = &history["versions"][0]["position"];
    assert_eq!(position["annex"], "I", "{history}");
    assert_eq!(position["sections"], serde_json::json!(["II"]));
    assert_eq!(position["stt"], "2");
}

/// A repeal row without a code, with "Số thứ tự 04 Mục I Phụ lục I …" in a
/// cell, repeals the entry that row of 1308 made.
#[test]
fn a_repeal_by_row_number_repeals_the_entry_that_row_made() {
    let test = with_first();
    test.write("qd-2487.csv", repeal(&[("", STT_04)]));
    let summary: Summary = test
        .tthc(&["import", "--format", "json", "qd-2487.csv"])
        .args(LATER)
        .run()
        .json();
    assert_eq!(summary.actions.repealed, 1);
    let codes: Vec<String> = test
        .export_json("2025-11-19")
        .entries
        .into_iter()
        .map(|e| e.code)
        .collect();
    assert_eq!(
        codes,
        ["1.000001", "1.000002", "1.000003", "2.000001", "2.000002"]
    );
}

/// Hà Tĩnh 2890 types one code wrong ("1.0125010") next to the row number
/// that names the entry: the two disagree, and the problem names both.
#[test]
fn a_code_that_disagrees_with_its_row_number_is_a_problem_naming_both() {
    let test = with_first();
    test.write("qd-2487.csv", repeal(&[("1.000003", STT_04)]));
    test.tthc(&["import", "qd-2487.csv"])
        .args(LATER)
        .status(3)
        .stderr_has("qd-2487.csv:5: the row gives code 1.000003, but it names số thứ tự 04 mục I Phụ lục I of 1308/QĐ-UBND (2025-06-18) by row number, and số thứ tự 04 is 1.000004 \"Trả lại giấy phép khai thác tài nguyên nước\": correct the code or the row number")
        .run();
    // The same row with the right code agrees.
    test.write("qd-2487.csv", repeal(&[("1.000004", STT_04)]));
    test.tthc(&["import", "qd-2487.csv"]).args(LATER).run();
}

/// A reference to a decision that is not in the catalog, or to a row
/// number it does not have, is a problem; a number that two sections share
/// needs the section.
#[test]
fn a_reference_that_cannot_be_followed_is_a_problem() {
    let test = with_first();
    test.write(
        "qd-2487.csv",
        repeal(&[
            (
                "",
                "Số thứ tự 4 Phụ lục I kèm theo Quyết định số 999/QĐ-UBND ngày 01/02/2025",
            ),
            (
                "",
                "Số thứ tự 9 Mục I Phụ lục I kèm theo Quyết định số 1308/QĐ-UBND ngày 18/6/2025",
            ),
            (
                "",
                "Số thứ tự 1 Phụ lục I kèm theo Quyết định số 1308/QĐ-UBND",
            ),
        ]),
    );
    test.tthc(&["import", "qd-2487.csv"])
        .args(LATER)
        .status(3)
        .stderr_has("qd-2487.csv:5: số thứ tự 4 Phụ lục I of 999/QĐ-UBND (2025-02-01): decision 999/QĐ-UBND signed 2025-02-01 is not in the catalog; import it first, or give the code")
        .stderr_has("qd-2487.csv:6: số thứ tự 9 mục I Phụ lục I of 1308/QĐ-UBND (2025-06-18): 1308/QĐ-UBND has no row số thứ tự 9")
        .stderr_has("qd-2487.csv:7: số thứ tự 1 Phụ lục I of 1308/QĐ-UBND: 1308/QĐ-UBND has several rows số thứ tự 1 (số thứ tự 1, mục I, Phụ lục I, 1.000001; số thứ tự 1, mục II, Phụ lục I, 2.000001): name the section (Mục, Phần) too")
        .run();
    assert_eq!(test.counts("2025-11-19").province, 4);
}

/// A row that gives its code and names a decision the catalog does not
/// hold is imported by its code, with one warning per decision.
#[test]
fn a_coded_row_naming_an_unknown_decision_is_imported_with_a_warning() {
    let test = with_first();
    let unknown = "Số thứ tự 2 Phụ lục I kèm theo Quyết định số 999/QĐ-UBND ngày 01/02/2025";
    test.write(
        "qd-2487.csv",
        repeal(&[("1.000001", unknown), ("1.000002", unknown)]),
    );
    let out = test.tthc(&["import", "qd-2487.csv"]).args(LATER).run();
    assert_eq!(
        out.stderr.matches("is not in the catalog").count(),
        1,
        "{}",
        out.stderr
    );
    assert!(
        out.stderr
            .contains("the row numbers that name it are not checked")
    );
    assert_eq!(test.counts("2025-11-19").province, 2);
    // --strict makes the warning an error.
    let strict = with_first();
    strict.write("qd-2487.csv", repeal(&[("1.000001", unknown)]));
    strict
        .tthc(&["import", "--strict", "qd-2487.csv"])
        .args(LATER)
        .status(3)
        .run();
}

/// A decision's body that repeals rows of an earlier annex by number is a
/// cross-check: `inspect` shows the entries it names and whether the annex
/// agrees, and a disagreement is a warning in `inspect` and `import`.
#[test]
fn the_body_references_are_checked_against_the_annex() {
    let test = with_first();
    let decision = |annex_codes: &[&str]| {
        let mut rows = vec![vec![
            "STT".to_owned(),
            "Mã số TTHC".to_owned(),
            "Tên thủ tục hành chính".to_owned(),
            "Lĩnh vực".to_owned(),
        ]];
        for (i, code) in annex_codes.iter().enumerate() {
            rows.push(vec![
                (i + 1).to_string(),
                (*code).to_owned(),
                String::new(),
                "Tài nguyên nước".to_owned(),
            ]);
        }
        word(
            &[
                "QUYẾT ĐỊNH",
                "Về việc công bố danh mục thủ tục hành chính bị bãi bỏ",
                "QUYẾT ĐỊNH:",
                "Điều 1. Công bố kèm theo Quyết định này danh mục thủ tục hành chính bị bãi bỏ; bãi bỏ Danh mục TTHC có số thứ tự 2,3 Phần I ban hành kèm theo Quyết định 1308/QĐ-UBND ngày 18/6/2025.",
                "PHỤ LỤC",
                "DANH MỤC THỦ TỤC HÀNH CHÍNH BỊ BÃI BỎ THUỘC THẨM QUYỀN GIẢI QUYẾT CỦA UBND CẤP TỈNH",
            ],
            &rows,
        )
    };
    test.write("agrees.docx", decision(&["1.000002", "1.000003"]));
    let report: Value = test
        .tthc(&["inspect", "--format", "json", "agrees.docx"])
        .args(LATER)
        .run()
        .json();
    let body = &report["published"]["body_references"][0];
    assert_eq!(body["action"], "repealed", "{report}");
    assert_eq!(body["decision"], "1308/QĐ-UBND");
    assert_eq!(body["signed"], "2025-06-18");
    assert_eq!(body["rows"], serde_json::json!(["2", "3"]));
    assert_eq!(body["sections"], serde_json::json!(["I"]));
    let entries: Vec<&str> = body["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["code"].as_str().unwrap())
        .collect();
    assert_eq!(entries, ["1.000002", "1.000003"]);
    assert_eq!(body["agrees"], true);
    // The annex repeals another entry than the body says.
    test.write("disagrees.docx", decision(&["1.000002", "1.000004"]));
    test.tthc(&["inspect", "disagrees.docx"])
        .args(LATER)
        .stdout_has("3 -> 1.000003 province Cấp lại giấy phép khai thác tài nguyên nước")
        .stdout_has("the annex has no row that repealed 1.000003 (số thứ tự 3)")
        .run();
    let out = test.tthc(&["import", "disagrees.docx"]).args(LATER).run();
    assert!(
        out.stderr.contains("disagrees.docx:4: the body names số thứ tự 2, 3 mục I of 1308/QĐ-UBND (2025-06-18), but the annex has no row that repealed 1.000003 (số thứ tự 3): the annex's rows are what is imported"),
        "{}",
        out.stderr
    );
    // What the annex says is what was imported.
    let codes: Vec<String> = test
        .export_json("2025-11-19")
        .entries
        .into_iter()
        .map(|e| e.code)
        .collect();
    assert_eq!(codes, ["1.000001", "1.000003", "2.000001", "2.000002"]);
}

/// The real body references of four decisions, read without a catalog.
#[test]
fn inspect_reads_the_row_number_references_of_real_bodies() {
    let test = Test::new();
    let references = |file: &str| -> Vec<String> {
        // Cao Bằng states no date of effect: inspect says so (exit 3).
        let status = if file.starts_with("CaoBang") { 3 } else { 0 };
        let report: Value = test
            .tthc(&["inspect", "--format", "json", &format!("{REAL}/{file}")])
            .status(status)
            .run()
            .json();
        report["published"]["body_references"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| {
                format!(
                    "{} {} {} {} {} {}",
                    r["action"].as_str().unwrap_or("-"),
                    joined(&r["rows"], ","),
                    joined(&r["sections"], "/"),
                    r["annex"].as_str().unwrap_or("-"),
                    r["decision"].as_str().unwrap(),
                    r["signed"].as_str().unwrap_or("-"),
                )
            })
            .collect()
    };
    assert_eq!(
        references("CaoBang_2031-QD-UBND_2025-11-28.docx"),
        [
            "repealed 10 I/A1/A/I 1 530/QĐ-UBND 2023-05-16",
            "repealed 31 I/A4/A/I 1 530/QĐ-UBND 2023-05-16",
            "repealed 09 I/A - 480/QĐ-UBND 2024-04-22",
            "repealed 2,3,4,6,7 I - 361/QĐ-UBND 2025-03-27",
        ]
    );
    assert_eq!(
        references("HaNoi_1609-QD-TTPVHCC_2025-11-25.docx"),
        [
            "amended 106 A1 - 897/QĐ-TTPVHCC 2025-06-24",
            "repealed 107,108,109 A1 - 897/QĐ-TTPVHCC 2025-06-24",
        ]
    );
    assert_eq!(
        references("LaoCai_2020-QD-UBND_2025-11-20.docx"),
        ["replaced 03,04,05  - 1533/QĐ-UBND 2025-10-22"]
    );
    assert_eq!(
        references("DakLak_02144-QD-UBND_2025-11-25.docx"),
        ["repealed 3  - 0562/QĐ-UBND 2025-07-29"]
    );
}

/// The strings of a JSON array, joined.
fn joined(array: &Value, by: &str) -> String {
    array
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect::<Vec<_>>()
        .join(by)
}

/// A Word document of paragraphs, then one bordered table.
fn word(paragraphs: &[&str], rows: &[Vec<String>]) -> Vec<u8> {
    let p = |t: &str| format!("<w:p><w:r><w:t>{t}</w:t></w:r></w:p>");
    let body: String = paragraphs.iter().map(|t| p(t)).collect();
    let mut table = String::new();
    for cells in rows {
        table.push_str("<w:tr>");
        for c in cells {
            let _ = write!(table, "<w:tc><w:tcPr/>{}</w:tc>", p(c));
        }
        table.push_str("</w:tr>");
    }
    let borders = "<w:tblBorders><w:top w:val=\"single\"/><w:left w:val=\"single\"/><w:bottom w:val=\"single\"/><w:right w:val=\"single\"/><w:insideH w:val=\"single\"/><w:insideV w:val=\"single\"/></w:tblBorders>";
    let document = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>{body}<w:tbl><w:tblPr>{borders}</w:tblPr><w:tblGrid/>{table}</w:tbl><w:sectPr/></w:body></w:document>"
    );
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (name, data) in [
        ("[Content_Types].xml", b"<Types/>".as_slice()),
        ("word/document.xml", document.as_bytes()),
    ] {
        zip.start_file(name, SimpleFileOptions::default()).unwrap();
        zip.write_all(data).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

/// The warning of a row-number reference that cannot be followed is told
/// in Vietnamese, and kept in English in the JSON summary, the same bytes
/// in both languages.
#[test]
fn an_unchecked_reference_is_warned_of_in_vietnamese_and_kept_in_english_in_json() {
    let unknown = "Số thứ tự 2 Phụ lục I kèm theo Quyết định số 999/QĐ-UBND ngày 01/02/2025";
    let json = |lang: &str| {
        let test = with_first();
        test.write("qd-2487.csv", repeal(&[("1.000001", unknown)]));
        test.tthc(&[
            "import",
            "--dry-run",
            "--format",
            "json",
            "--lang",
            lang,
            "qd-2487.csv",
        ])
        .args(LATER)
        .run()
    };
    let (en, vi) = (json("en"), json("vi"));
    assert!(
        en.stdout
            .contains("the row numbers that name it are not checked"),
        "{}",
        en.stdout
    );
    assert_eq!(vi.stdout, en.stdout);
    assert!(
        vi.stderr
            .contains("số thứ tự 2 Phụ lục I của 999/QĐ-UBND (2025-02-01)"),
        "{}",
        vi.stderr
    );
    assert!(!vi.stderr.contains("not checked"), "{}", vi.stderr);
}
