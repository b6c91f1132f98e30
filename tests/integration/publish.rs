//! Publishing exports: the annex workbook (read back with calamine), csv for
//! Excel users (`--headers vi`, `--bom`) and export manifests.

use std::fmt::Write as _;
use std::fs;
use std::io::Cursor;
use std::process::{Command, Stdio};

use calamine::{Data, Reader, Xlsx, open_workbook, open_workbook_from_rs};
use serde::Deserialize;
use sha2::{Digest, Sha256};

use crate::audit_data;
use crate::common::{BASE_DAY, BASE_EXPORT, BIN, Counts, DB, Test, assert_text};

/// The audit history (see `audit_data`) imported in one batch.
fn audit() -> Test {
    Test::imported(&audit_data::AUDIT)
}

/// A sheet as rows of displayed text.
fn sheet(path: &std::path::Path, name: &str) -> Vec<Vec<String>> {
    let mut workbook: Xlsx<_> = open_workbook(path).unwrap();
    let range = workbook.worksheet_range(name).unwrap();
    assert_eq!(range.start(), Some((0, 0)), "the sheet starts at A1");
    range
        .rows()
        .map(|row| row.iter().map(cell_text).collect())
        .collect()
}

fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        other => other.to_string(),
    }
}

/// The annex sheet read back: its sections, with their field sub-headings
/// and the (code, name) rows under each.
#[derive(Debug)]
struct Annex {
    title: String,
    header: Vec<String>,
    sections: Vec<Section>,
    total: String,
}

#[derive(Debug)]
struct Section {
    heading: String,
    fields: Vec<(String, Vec<[String; 3]>)>,
}

impl Section {
    fn rows(&self) -> usize {
        self.fields.iter().map(|(_, rows)| rows.len()).sum()
    }
}

fn read_annex(path: &std::path::Path) -> Annex {
    let rows = sheet(path, "Danh mục");
    let mut sections: Vec<Section> = Vec::new();
    let mut total = String::new();
    for row in &rows[3..] {
        let first = &row[0];
        if row[1..].iter().all(String::is_empty) {
            if first.starts_with("TỔNG SỐ") {
                total.clone_from(first);
            } else if first.contains(". THỦ TỤC HÀNH CHÍNH CẤP") {
                sections.push(Section {
                    heading: first.clone(),
                    fields: Vec::new(),
                });
            } else {
                let section = sections.last_mut().expect("a field outside a section");
                section.fields.push((first.clone(), Vec::new()));
            }
        } else {
            let section = sections.last_mut().expect("a row outside a section");
            let field = section.fields.last_mut().expect("a row outside a field");
            field
                .1
                .push([row[0].clone(), row[1].clone(), row[2].clone()]);
        }
    }
    Annex {
        title: rows[0][0].clone(),
        header: rows[2].clone(),
        sections,
        total,
    }
}

const ANNEX_HEADER: [&str; 7] = [
    "STT",
    "Mã số TTHC",
    "Tên thủ tục hành chính",
    "Thời hạn giải quyết",
    "Phí, lệ phí",
    "Căn cứ pháp lý",
    "Cơ quan thực hiện",
];

#[test]
fn the_annex_workbook_has_a_section_per_level_and_a_heading_per_field() {
    let test = audit();
    test.tthc(&[
        "export",
        "--format",
        "xlsx",
        "--as-of",
        "2025-06-30",
        "-o",
        "annex.xlsx",
    ])
    .stdout("")
    .stderr("")
    .run();
    let counts = test.counts("2025-06-30");
    assert_eq!(
        (counts.province, counts.district, counts.commune),
        (4, 2, 3)
    );
    let annex = read_annex(&test.path("annex.xlsx"));
    assert_eq!(
        annex.title,
        "DANH MỤC THỦ TỤC HÀNH CHÍNH (tính đến ngày 30/06/2025)"
    );
    assert_eq!(annex.header, ANNEX_HEADER);
    let headings: Vec<&str> = annex.sections.iter().map(|s| s.heading.as_str()).collect();
    assert_eq!(
        headings,
        [
            "A. THỦ TỤC HÀNH CHÍNH CẤP TỈNH (4 TTHC)",
            "B. THỦ TỤC HÀNH CHÍNH CẤP HUYỆN (2 TTHC)",
            "C. THỦ TỤC HÀNH CHÍNH CẤP XÃ (3 TTHC)",
        ]
    );
    let rows: Vec<usize> = annex.sections.iter().map(Section::rows).collect();
    assert_eq!(rows, [4, 2, 3], "data rows per section = counts per level");
    let province: Vec<&str> = annex.sections[0]
        .fields
        .iter()
        .map(|(heading, _)| heading.as_str())
        .collect();
    assert_eq!(
        province,
        [
            "I. LĨNH VỰC CHỨNG THỰC (1 TTHC)",
            "II. LĨNH VỰC GIAO THÔNG (1 TTHC)",
            "III. LĨNH VỰC KHOÁNG SẢN (1 TTHC)",
            "IV. LĨNH VỰC XÂY DỰNG (1 TTHC)",
        ]
    );
    // STT runs through each section; codes and names are those of the csv export.
    let csv = test.export_csv("2025-06-30");
    for (section, level) in annex
        .sections
        .iter()
        .zip(["province", "district", "commune"])
    {
        let rows: Vec<&[String; 3]> = section.fields.iter().flat_map(|(_, r)| r).collect();
        for (i, [stt, code, name]) in rows.iter().map(|r| (*r).clone()).enumerate() {
            assert_eq!(stt, (i + 1).to_string());
            let line = csv
                .lines()
                .find(|l| l.starts_with(&format!("{level},{code},")))
                .unwrap_or_else(|| panic!("{level} {code} is not in the csv export"));
            assert!(line.contains(&name), "{line} vs {name}");
        }
    }
    assert_eq!(
        annex.total,
        "TỔNG SỐ: 9 TTHC (cấp tỉnh: 4; cấp huyện: 2; cấp xã: 3)"
    );
}

#[test]
fn the_counts_sheet_holds_the_counts() {
    let test = audit();
    test.tthc(&[
        "export",
        "--format",
        "xlsx",
        "--as-of",
        "2025-06-30",
        "-o",
        "a.xlsx",
    ])
    .run();
    let path = test.path("a.xlsx");
    let workbook: Xlsx<_> = open_workbook(&path).unwrap();
    assert_eq!(workbook.sheet_names(), ["Danh mục", "Số lượng"]);
    let rows = sheet(&path, "Số lượng");
    let value = |label: &str| -> String {
        rows.iter()
            .find(|r| r[0] == label)
            .unwrap_or_else(|| panic!("no row {label:?}"))[1]
            .clone()
    };
    let counts = test.counts("2025-06-30");
    assert_eq!(value("Cấp tỉnh"), counts.province.to_string());
    assert_eq!(value("Cấp huyện"), counts.district.to_string());
    assert_eq!(value("Cấp xã"), counts.commune.to_string());
    assert_eq!(value("Tổng số TTHC"), counts.total.to_string());
    assert_eq!(
        value("Số thủ tục (mã số khác nhau)"),
        counts.procedures.to_string()
    );
    // Per field: HỘ TỊCH is at the commune level only.
    let ho_tich = rows.iter().find(|r| r[0] == "HỘ TỊCH").unwrap();
    assert_eq!(ho_tich[1..5], ["0", "0", "2", "2"]);
    let total = rows.iter().rfind(|r| r[0] == "Tổng số").unwrap();
    assert_eq!(total[1..5], ["4", "2", "3", "9"]);
}

/// The annex's field headings and the counts sheet's rows per field follow
/// the Vietnamese alphabet, not code points ("Thi đua" before "Thành lập",
/// "Đất đai" last).
#[test]
fn the_annex_and_its_counts_sheet_list_fields_in_vietnamese_order() {
    let test = Test::new();
    test.write(
        "fields.csv",
        "decision,signed,action,code,level,name,field\n\
         1/QĐ-UBND,2025-08-01,added,1.000001,province,Thủ tục 1,\"Thi đua, khen thưởng\"\n\
         1/QĐ-UBND,2025-08-01,added,1.000002,province,Thủ tục 2,Y tế\n\
         1/QĐ-UBND,2025-08-01,added,1.000003,commune,Thủ tục 3,Thành lập và hoạt động doanh nghiệp\n\
         1/QĐ-UBND,2025-08-01,added,1.000004,commune,Thủ tục 4,Đất đai\n\
         1/QĐ-UBND,2025-08-01,added,1.000005,province,Thủ tục 5,Đất đai\n",
    );
    test.import(&["fields.csv"]);
    test.tthc(&["export", "--as-of", "2025-08-01", "-o", "annex.xlsx"])
        .run();
    let path = test.path("annex.xlsx");
    let headings: Vec<String> = read_annex(&path)
        .sections
        .iter()
        .flat_map(|s| s.fields.iter().map(|(heading, _)| heading.clone()))
        .collect();
    assert_eq!(
        headings,
        [
            "I. LĨNH VỰC ĐẤT ĐAI (1 TTHC)",
            "II. LĨNH VỰC THI ĐUA, KHEN THƯỞNG (1 TTHC)",
            "III. LĨNH VỰC Y TẾ (1 TTHC)",
            "I. LĨNH VỰC ĐẤT ĐAI (1 TTHC)",
            "II. LĨNH VỰC THÀNH LẬP VÀ HOẠT ĐỘNG DOANH NGHIỆP (1 TTHC)",
        ]
    );
    let rows = sheet(&path, "Số lượng");
    let first = rows.iter().position(|r| r[0] == "ĐẤT ĐAI").unwrap();
    let fields: Vec<&str> = rows[first..first + 4]
        .iter()
        .map(|r| r[0].as_str())
        .collect();
    assert_eq!(
        fields,
        [
            "ĐẤT ĐAI",
            "THÀNH LẬP VÀ HOẠT ĐỘNG DOANH NGHIỆP",
            "THI ĐUA, KHEN THƯỞNG",
            "Y TẾ"
        ]
    );
    assert_eq!(rows[first + 4][0], "Tổng số");
    assert_eq!(rows[first][1..5], ["1", "0", "1", "2"]);
}

/// After 2025-07-01 the district level is empty: its section is left out and
/// the commune section takes the next letter.
#[test]
fn empty_levels_have_no_section() {
    let test = audit();
    test.tthc(&[
        "export",
        "--format",
        "xlsx",
        "--as-of",
        "1580/QĐ-UBND",
        "-o",
        "annex.xlsx",
    ])
    .run();
    let annex = read_annex(&test.path("annex.xlsx"));
    assert_eq!(
        annex.title,
        "DANH MỤC THỦ TỤC HÀNH CHÍNH (tính đến ngày 01/07/2025, ngay sau Quyết định số 1580/QĐ-UBND ký ngày 20/06/2025)"
    );
    let headings: Vec<&str> = annex.sections.iter().map(|s| s.heading.as_str()).collect();
    assert_eq!(
        headings,
        [
            "A. THỦ TỤC HÀNH CHÍNH CẤP TỈNH (4 TTHC)",
            "B. THỦ TỤC HÀNH CHÍNH CẤP XÃ (5 TTHC)",
        ]
    );
}

#[test]
fn an_empty_catalog_gives_a_workbook_with_a_zero_total() {
    let test = audit();
    test.tthc(&[
        "export",
        "--format",
        "xlsx",
        "--as-of",
        "2019-01-01",
        "-o",
        "e.xlsx",
    ])
    .run();
    let annex = read_annex(&test.path("e.xlsx"));
    assert!(annex.sections.is_empty());
    assert_eq!(
        annex.total,
        "TỔNG SỐ: 0 TTHC (cấp tỉnh: 0; cấp huyện: 0; cấp xã: 0)"
    );
}

#[test]
fn the_workbook_is_byte_identical_for_the_same_state_and_written_atomically() {
    let test = audit();
    test.write("out/annex.xlsx", "stale");
    for name in ["out/annex.xlsx", "out/again.xlsx"] {
        test.tthc(&[
            "export",
            "--format",
            "xlsx",
            "--as-of",
            "2025-07-01",
            "-o",
            name,
        ])
        .stdout("")
        .run();
    }
    let first = fs::read(test.path("out/annex.xlsx")).unwrap();
    assert_eq!(&first[..2], b"PK", "an xlsx file is a zip archive");
    assert_eq!(first, fs::read(test.path("out/again.xlsx")).unwrap());
    let mut names: Vec<String> = fs::read_dir(test.path("out"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        ["again.xlsx", "annex.xlsx"],
        "files left beside the export"
    );
}

/// To a pipe or a file, standard output may carry the workbook.
#[test]
fn the_workbook_may_go_to_a_pipe() {
    let test = audit();
    let output = Command::new(BIN)
        .args([
            "--db",
            DB,
            "export",
            "--format",
            "xlsx",
            "--as-of",
            "2025-06-30",
        ])
        .current_dir(test.dir())
        .env_remove("TTHC_DB")
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    test.tthc(&[
        "export",
        "--format",
        "xlsx",
        "--as-of",
        "2025-06-30",
        "-o",
        "f.xlsx",
    ])
    .run();
    assert_eq!(output.stdout, fs::read(test.path("f.xlsx")).unwrap());
    let mut workbook: Xlsx<_> = open_workbook_from_rs(Cursor::new(output.stdout)).unwrap();
    assert!(workbook.worksheet_range("Danh mục").is_ok());
}

/// Never to a terminal: `script` gives tthc one.
#[test]
fn the_workbook_is_refused_on_a_terminal() {
    let test = audit();
    let in_terminal = |command: &str| {
        Command::new("script")
            .args(["-qec", command, "/dev/null"])
            .current_dir(test.dir())
            .env_remove("TTHC_DB")
            .stdin(Stdio::null())
            .output()
    };
    if !in_terminal("true").is_ok_and(|o| o.status.success()) {
        println!("skipped: `script` (util-linux) cannot give tthc a terminal here");
        return;
    }
    let output = in_terminal(&format!("'{BIN}' --db {DB} export --format xlsx")).unwrap();
    let screen = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(2), "{screen}");
    assert!(
        screen.contains("tthc: --format xlsx writes a binary workbook: give -o FILE.xlsx"),
        "{screen}"
    );
    assert!(!screen.contains("PK"), "{screen}");
}

#[test]
fn vietnamese_headers_name_the_columns_as_import_reads_them() {
    let test = Test::imported(&["base.csv"]);
    let out = test
        .tthc(&["export", "--as-of", BASE_DAY, "--headers", "vi"])
        .run()
        .stdout;
    let (header, rows) = out.split_once('\n').unwrap();
    assert_eq!(
        header,
        "Cấp thực hiện,Mã số TTHC,Tên thủ tục hành chính,Lĩnh vực,Cơ quan thực hiện,Thời hạn giải quyết,\"Phí, lệ phí\",Căn cứ pháp lý,Số quyết định,Ngày hiệu lực"
    );
    let (_, expected_rows) = BASE_EXPORT.split_once('\n').unwrap();
    assert_text("rows under Vietnamese headers", expected_rows, rows);
    test.tthc(&[
        "export",
        "--as-of",
        BASE_DAY,
        "--headers",
        "en",
        "--format",
        "csv",
    ])
    .stdout(BASE_EXPORT)
    .run();
}

#[test]
fn bom_starts_the_csv_with_a_byte_order_mark_only_when_asked() {
    let test = Test::imported(&["base.csv"]);
    test.tthc(&["export", "--as-of", BASE_DAY, "--bom", "-o", "excel.csv"])
        .run();
    test.tthc(&["export", "--as-of", BASE_DAY, "-o", "plain.csv"])
        .run();
    let excel = fs::read(test.path("excel.csv")).unwrap();
    assert_eq!(&excel[..3], b"\xEF\xBB\xBF");
    assert_eq!(&excel[3..], BASE_EXPORT.as_bytes());
    let plain = fs::read(test.path("plain.csv")).unwrap();
    assert_eq!(
        plain,
        BASE_EXPORT.as_bytes(),
        "no byte-order mark by default"
    );
    let both = test
        .tthc(&["export", "--as-of", BASE_DAY, "--bom", "--headers", "vi"])
        .run()
        .stdout;
    assert!(
        both.starts_with("\u{feff}Cấp thực hiện,Mã số TTHC,"),
        "{both}"
    );
}

#[test]
fn csv_options_with_another_format_are_usage_errors() {
    let test = Test::imported(&["base.csv"]);
    for args in [
        ["--format", "json", "--bom"],
        ["--format", "xlsx", "--headers=vi"],
        ["--format", "table", "--headers=en"],
        ["--format", "json", "--excel"],
        ["--format", "xlsx", "--delimiter=;"],
    ] {
        test.tthc(&["export", "-o", "x"])
            .args(args)
            .status(2)
            .stderr_has("tthc: --headers, --bom, --excel and --delimiter apply to csv only")
            .run();
    }
    assert!(!test.path("x").exists());
}

/// `FILE.manifest.json`, read strictly.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Manifest {
    file: String,
    format: String,
    bytes: u64,
    sha256: String,
    as_of: String,
    after_decision: Option<DecisionRef>,
    last_decision: Option<DecisionRef>,
    counts: Counts,
    store: StoreState,
    tool: Tool,
    exported_at: String,
}

#[derive(Debug, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
struct DecisionRef {
    number: String,
    signed: String,
    #[serde(default)]
    effective: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct StoreState {
    decisions: u64,
    chain_sha256: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Tool {
    name: String,
    version: String,
}

fn decision(number: &str, signed: &str, effective: Option<&str>) -> DecisionRef {
    DecisionRef {
        number: number.to_owned(),
        signed: signed.to_owned(),
        effective: effective.map(str::to_owned),
    }
}

fn manifest_of(test: &Test, file: &str) -> Manifest {
    serde_json::from_str(&test.read(&format!("{file}.manifest.json"))).unwrap()
}

fn sha256(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .fold(String::new(), |mut hex, b| {
            let _ = write!(hex, "{b:02x}");
            hex
        })
}

/// The chain hash of the last decision imported, as `tthc decisions` shows it.
fn chain_head(test: &Test) -> String {
    let log: serde_json::Value = test.tthc(&["decisions", "--format", "json"]).run().json();
    log["decisions"].as_array().unwrap().last().unwrap()["chain_sha256"]
        .as_str()
        .unwrap()
        .to_owned()
}

#[test]
fn the_manifest_names_the_state_the_file_came_from() {
    let test = audit();
    fs::create_dir(test.path("out")).unwrap();
    test.tthc(&[
        "export",
        "--as-of",
        "2025-07-01",
        "-o",
        "out/catalog.csv",
        "--manifest",
    ])
    .stdout("")
    .stderr("")
    .run();
    let m = manifest_of(&test, "out/catalog.csv");
    let file = fs::read(test.path("out/catalog.csv")).unwrap();
    assert_eq!(file, test.export_csv("2025-07-01").as_bytes());
    assert_eq!(m.file, "catalog.csv");
    assert_eq!(m.format, "csv");
    assert_eq!(m.bytes, file.len() as u64);
    assert_eq!(m.sha256, sha256(&file));
    assert_eq!(m.as_of, "2025-07-01");
    assert_eq!(m.after_decision, None);
    // Two decisions take effect on 2025-07-01; 1600 (signed later) applies last.
    assert_eq!(
        m.last_decision,
        Some(decision("1600/QĐ-UBND", "2025-06-25", Some("2025-07-01")))
    );
    assert_eq!(m.counts, test.counts("2025-07-01"));
    assert_eq!(m.store.decisions, 9);
    assert_eq!(m.store.chain_sha256, chain_head(&test));
    assert_eq!(
        (m.tool.name.as_str(), m.tool.version.as_str()),
        ("tthc", env!("CARGO_PKG_VERSION"))
    );
    let t = m.exported_at.as_bytes();
    assert!(
        t.len() == 20 && t[4] == b'-' && t[10] == b'T' && t[19] == b'Z',
        "exported_at is RFC 3339 UTC: {}",
        m.exported_at
    );
    let mut names: Vec<String> = fs::read_dir(test.path("out"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["catalog.csv", "catalog.csv.manifest.json"]);
}

/// The last decision applied is the latest change in the rules' order at or
/// before the point, not the decision signed or imported last.
#[test]
fn the_last_decision_applied_follows_the_effective_dates() {
    let test = audit();
    test.tthc(&[
        "export",
        "--as-of",
        "2025-06-30",
        "-o",
        "a.json",
        "--format",
        "json",
        "--manifest",
    ])
    .run();
    let m = manifest_of(&test, "a.json");
    assert_eq!(m.format, "json");
    assert_eq!(
        m.last_decision,
        Some(decision("5/QĐ-UBND", "2024-01-08", Some("2024-02-01")))
    );
    assert_eq!(m.sha256, sha256(&fs::read(test.path("a.json")).unwrap()));

    // The retroactive decision 20 (signed 2021-06-01) took effect on 2021-03-10,
    // before decision 15 (signed 2021-03-01, effective 2021-03-15).
    test.tthc(&[
        "export",
        "--as-of",
        "2021-03-12",
        "-o",
        "b.csv",
        "--manifest",
    ])
    .run();
    assert_eq!(
        manifest_of(&test, "b.csv").last_decision,
        Some(decision("20/QĐ-UBND", "2021-06-01", Some("2021-03-10")))
    );
}

#[test]
fn the_manifest_of_an_export_after_a_decision_names_it() {
    let test = audit();
    test.tthc(&[
        "export",
        "--as-of",
        "1580/QĐ-UBND",
        "--format",
        "xlsx",
        "-o",
        "annex.xlsx",
        "--manifest",
    ])
    .run();
    let m = manifest_of(&test, "annex.xlsx");
    assert_eq!(m.format, "xlsx");
    assert_eq!(m.as_of, "2025-07-01");
    assert_eq!(
        m.after_decision,
        Some(decision("1580/QĐ-UBND", "2025-06-20", None))
    );
    assert_eq!(
        m.last_decision,
        Some(decision("1580/QĐ-UBND", "2025-06-20", Some("2025-07-01")))
    );
    let counts: Counts = test
        .tthc(&["counts", "--as-of", "1580/QĐ-UBND", "--format", "json"])
        .run()
        .json();
    assert_eq!(
        m.after_decision,
        counts
            .after_decision
            .as_ref()
            .map(|d| decision(&d.number, &d.signed, None))
    );
    assert_eq!(
        m.counts,
        Counts {
            after_decision: None,
            ..counts
        }
    );
    assert_eq!(
        m.sha256,
        sha256(&fs::read(test.path("annex.xlsx")).unwrap())
    );
}

#[test]
fn before_any_change_the_manifest_has_no_last_decision() {
    let test = audit();
    test.tthc(&[
        "export",
        "--as-of",
        "2019-12-31",
        "-o",
        "empty.csv",
        "--manifest",
    ])
    .run();
    let m = manifest_of(&test, "empty.csv");
    assert_eq!(m.last_decision, None);
    assert_eq!(m.counts, Counts::new("2019-12-31", [0, 0, 0, 0, 0]));
}

#[test]
fn a_manifest_needs_an_output_file() {
    let test = Test::imported(&["base.csv"]);
    test.tthc(&["export", "--manifest"])
        .status(2)
        .stderr_has("--output")
        .run();
}
