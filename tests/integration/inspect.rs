//! `tthc inspect`: how a file is read, what it holds, what is wrong with it,
//! and the import command to run; the catalog is never touched.

use serde::Deserialize;

use crate::common::{Actions, Counts, Levels, Test};
use crate::xlsx::annex_workbook;

/// `tthc inspect --format json`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Report {
    file: String,
    format: Option<String>,
    encoding: Option<String>,
    bom: bool,
    delimiter: Option<String>,
    sheet: Option<String>,
    sheets: Vec<String>,
    header_line: u64,
    titles: Vec<LineText>,
    columns: Vec<ColumnReport>,
    absent_columns: Vec<String>,
    rows: u64,
    valid_rows: u64,
    codes_from_names: u64,
    rows_skipped_by_level: Vec<Skipped>,
    headings: Vec<LineText>,
    decisions: Vec<Decision>,
    actions: Actions,
    levels: Levels,
    problems: Vec<ProblemReport>,
    suggested: Option<Suggested>,
    command: String,
}

#[derive(Debug, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
struct LineText {
    line: u64,
    text: String,
}

#[derive(Debug, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
struct ColumnReport {
    position: usize,
    letter: Option<String>,
    header: String,
    column: Option<String>,
}

#[derive(Debug, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
struct Skipped {
    line: u64,
    code: String,
    level: String,
}

#[derive(Debug, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
struct Decision {
    number: String,
    signed: String,
    rows: u64,
}

#[derive(Debug, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
struct ProblemReport {
    file: String,
    line: u64,
    message: String,
}

#[derive(Debug, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
struct Suggested {
    decision: String,
    signed: Option<String>,
    line: u64,
}

fn inspect_json(test: &Test, args: &[&str], status: i32) -> Report {
    test.tthc(&["inspect", "--format", "json"])
        .args(args)
        .status(status)
        .run()
        .json()
}

/// The words of a POSIX shell command line made of plain and single-quoted words.
fn shell_words(line: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word = String::new();
    let mut quoted = false;
    let mut started = false;
    for c in line.chars() {
        match c {
            '\'' => {
                quoted = !quoted;
                started = true;
            }
            ' ' if !quoted => {
                if started {
                    words.push(std::mem::take(&mut word));
                    started = false;
                }
            }
            _ => {
                word.push(c);
                started = true;
            }
        }
    }
    if started {
        words.push(word);
    }
    words
}

const ANNEX: &str = "\
STT;Mã số TTHC;Tên thủ tục hành chính;Lĩnh vực;Cấp thực hiện;Hình thức công bố
1;1.000001;Đăng ký khai sinh;Hộ tịch;Cấp xã;Mới ban hành
2;1.000002;Đăng ký kết hôn;Hộ tịch;Cấp tỉnh, Cấp xã;Mới ban hành
3;1.000003;Chứng thực bản sao;Chứng thực;Cấp tỉnh;Sửa đổi, bổ sung
";

#[test]
fn a_csv_report_tells_encoding_delimiter_columns_and_command() {
    let test = Test::new();
    test.write("annex.csv", [b"\xEF\xBB\xBF", ANNEX.as_bytes()].concat());
    test.tthc(&[
        "inspect",
        "--decision",
        "7/QĐ-UBND",
        "--signed",
        "01/08/2025",
        "annex.csv",
    ])
    .stdout(
        "\
File:       annex.csv
Format:     CSV text
Encoding:   UTF-8 with byte-order mark
Delimiter:  semicolon (;)
Header:     line 1
Columns:
    1  STT                     (ignored)
    2  Mã số TTHC              -> code
    3  Tên thủ tục hành chính  -> name
    4  Lĩnh vực                -> field
    5  Cấp thực hiện           -> level
    6  Hình thức công bố       -> action
  not in the file: decision, signed, effective, agency, processing_time, fee, legal_basis, replaces
Rows:       3 read: 3 valid, 0 with problems
  decision 7/QĐ-UBND signed 2025-08-01: 3 rows
  by action: added 2, amended 1, replaced 0, repealed 0
  by level:  province 2, district 0, commune 2
Problems:   none
Import with:
  tthc import --decision 7/QĐ-UBND --signed 01/08/2025 annex.csv
",
    )
    .run();
    assert!(!test.db().exists(), "inspect created the database");
}

#[test]
fn a_workbook_report_names_the_decision_of_its_title_and_the_command_works() {
    let test = Test::new();
    test.write("annex.xlsx", annex_workbook());
    let report = inspect_json(&test, &["annex.xlsx"], 0);
    assert_eq!(report.file, "annex.xlsx");
    test.tthc(&["inspect", "annex.xlsx"])
        .stdout_has("Format:     Excel workbook (xlsx), sheet \"Phụ lục I\" (sheets: \"Phụ lục I\")\n")
        .stdout_has("Header:     row 4, below 2 title rows:\n  row 1: DANH MỤC THỦ TỤC HÀNH CHÍNH MỚI BAN HÀNH\n")
        .stdout_has("  heading rows skipped (no value in a known column): 2 (rows 5, 8)\n")
        .stdout_has("The title on row 2 names decision 1234/QĐ-UBND signed 2025-11-19.\n")
        .run();
    assert_eq!(report.format.as_deref(), Some("xlsx"));
    assert_eq!(
        (report.encoding, report.delimiter, report.bom),
        (None, None, false)
    );
    assert_eq!(report.sheet.as_deref(), Some("Phụ lục I"));
    assert_eq!(report.sheets, ["Phụ lục I"]);
    assert_eq!(report.header_line, 4);
    assert_eq!(
        report.titles.iter().map(|t| t.line).collect::<Vec<_>>(),
        [1, 2]
    );
    assert_eq!(
        report.columns[1],
        ColumnReport {
            position: 2,
            letter: Some("B".into()),
            header: "Mã số\nTTHC".into(),
            column: Some("code".into()),
        }
    );
    assert_eq!(report.columns[0].column, None);
    assert_eq!(
        report.headings,
        [
            LineText {
                line: 5,
                text: "I. LĨNH VỰC HỘ TỊCH".into()
            },
            LineText {
                line: 8,
                text: "II. LĨNH VỰC CHỨNG THỰC".into()
            }
        ]
    );
    assert_eq!(
        (report.rows, report.valid_rows, report.codes_from_names),
        (3, 3, 1)
    );
    assert!(report.rows_skipped_by_level.is_empty());
    // The rows are read with the decision the title names, which the command gives.
    assert_eq!(
        report.suggested,
        Some(Suggested {
            decision: "1234/QĐ-UBND".into(),
            signed: Some("2025-11-19".into()),
            line: 2
        })
    );
    assert_eq!(
        report.decisions,
        [Decision {
            number: "1234/QĐ-UBND".into(),
            signed: "2025-11-19".into(),
            rows: 3
        }]
    );
    assert!(report.problems.is_empty(), "{:?}", report.problems);
    assert_eq!(
        report.command,
        "tthc import --decision 1234/QĐ-UBND --signed 2025-11-19 annex.xlsx"
    );
    // The command it gives is the one to run.
    let words = shell_words(&report.command);
    assert_eq!(words[0], "tthc");
    test.tthc(&words[1..].iter().map(String::as_str).collect::<Vec<_>>())
        .stdout_has("Imported 1 decision: 3 rows, 4 entry changes.")
        .run();
    assert_eq!(
        test.counts("2025-12-01"),
        Counts::new("2025-12-01", [2, 0, 2, 4, 3])
    );
}

#[test]
fn with_the_decision_given_a_workbook_is_ready() {
    let test = Test::new();
    test.write("annex.xlsx", annex_workbook());
    let report = inspect_json(
        &test,
        &[
            "--decision",
            "1234/QĐ-UBND",
            "--signed",
            "2025-11-19",
            "annex.xlsx",
        ],
        0,
    );
    assert!(report.problems.is_empty(), "{:?}", report.problems);
    assert_eq!((report.rows, report.valid_rows), (3, 3));
    assert_eq!(
        report.decisions,
        [Decision {
            number: "1234/QĐ-UBND".into(),
            signed: "2025-11-19".into(),
            rows: 3
        }]
    );
    assert_eq!(
        report.actions,
        Actions {
            added: 3,
            amended: 0,
            replaced: 0,
            repealed: 0
        }
    );
    assert_eq!(
        report.levels,
        Levels {
            province: 2,
            district: 0,
            commune: 2
        }
    );
    assert!(report.absent_columns.contains(&"decision".to_owned()));
    assert_eq!(
        shell_words(&report.command),
        [
            "tthc",
            "import",
            "--decision",
            "1234/QĐ-UBND",
            "--signed",
            "2025-11-19",
            "annex.xlsx"
        ]
    );
}

#[test]
fn without_decision_columns_or_title_the_command_has_placeholders() {
    let test = Test::new();
    test.write("annex.csv", ANNEX);
    let report = inspect_json(&test, &["annex.csv"], 3);
    // The rows are still read and checked.
    assert_eq!((report.rows, report.valid_rows), (3, 3));
    let messages: Vec<&str> = report.problems.iter().map(|p| p.message.as_str()).collect();
    assert_eq!(messages.len(), 2, "{messages:?}");
    assert!(messages[0].starts_with("missing required column decision"));
    assert!(messages[1].starts_with("missing required column signed"));
    assert_eq!(report.suggested, None);
    assert_eq!(
        report.command,
        "tthc import --decision NUMBER --signed DATE annex.csv"
    );
}

#[test]
fn problems_are_listed_with_their_lines_and_exit_3() {
    let test = Test::new();
    test.write(
        "bad.csv",
        "\
decision,signed,action,code,level,name,field
5/QĐ-UBND,2025-08-01,added,1.0001,province,A,F
5/QĐ-UBND,2025-08-01,added,1.000002,Cấp làng,B,F
5/QĐ-UBND,2025-08-01,added,1.000003,province,C,F
",
    );
    let out = test
        .tthc(&["inspect", "bad.csv"])
        .status(3)
        .stdout_has("Rows:       3 read: 1 valid, 2 with problems")
        .stdout_has("Problems (2):\n  bad.csv:2: column code: bad code \"1.0001\"")
        .stdout_has("\n  bad.csv:3: column level: unknown level \"cấp làng\"")
        .stdout_has("Once the problems are fixed, import with:\n  tthc import bad.csv\n")
        .stderr("tthc: bad.csv: 2 problems: import would reject the file\n")
        .run();
    assert!(!out.stdout.contains("tthc: "));
    let report = inspect_json(&test, &["bad.csv"], 3);
    assert_eq!(
        report
            .problems
            .iter()
            .map(|p| (p.file.as_str(), p.line))
            .collect::<Vec<_>>(),
        [("bad.csv", 2), ("bad.csv", 3)]
    );
    assert!(!test.db().exists());
}

#[test]
fn a_legacy_encoding_is_reported_before_any_row() {
    let test = Test::new();
    test.write(
        "abc.csv",
        b"code,action,level,name,field\n1.000001,added,province,C\xe9ng h\xdfa x\xb7 h\xe9i ch\xf1 ngh\xdca,T\xf9 ph\xb8p\n".as_slice(),
    );
    let report = inspect_json(&test, &["abc.csv"], 3);
    assert_eq!(report.format.as_deref(), Some("csv"));
    assert_eq!((report.encoding, report.header_line), (None, 0));
    assert_eq!(report.problems.len(), 1);
    assert_eq!(report.problems[0].line, 0);
    assert!(
        report.problems[0]
            .message
            .starts_with("looks like TCVN3 (ABC) text, not UTF-8"),
        "{:?}",
        report.problems
    );
    test.tthc(&["inspect", "abc.csv"])
        .status(3)
        .stdout_has("Problems (1):\n  abc.csv: looks like TCVN3 (ABC) text")
        .run();
}

#[test]
fn the_levels_option_shows_the_rows_it_skips() {
    let test = Test::new();
    test.write(
        "national.csv",
        "\
code,action,level,name,field
1.000001,added,Cấp bộ,Thủ tục bộ,Tư pháp
1.000002,added,\"Cấp bộ, Cấp tỉnh, Cấp xã\",Thủ tục chung,Tư pháp
",
    );
    let report = inspect_json(
        &test,
        &[
            "--levels",
            "province,commune",
            "--decision",
            "1/QĐ-UBND",
            "--signed",
            "2025-07-01",
            "national.csv",
        ],
        0,
    );
    assert_eq!(
        report.rows_skipped_by_level,
        [Skipped {
            line: 2,
            code: "1.000001".into(),
            level: "Cấp bộ".into()
        }]
    );
    assert_eq!((report.rows, report.valid_rows), (1, 1));
    assert!(
        report
            .command
            .ends_with("--levels province,commune national.csv")
    );
    test.tthc(&["inspect", "--levels", "province,commune", "national.csv"])
        .status(3)
        .stdout_has("  rows skipped by --levels: 1\n    line 2: 1.000001 \"Cấp bộ\"\n")
        .run();
}

#[test]
fn a_missing_file_is_a_problem() {
    let test = Test::new();
    test.tthc(&["inspect", "nowhere.csv"])
        .status(3)
        .stdout_has("nowhere.csv: cannot open:")
        .stderr_has("tthc: nowhere.csv: 1 problem: import would reject the file")
        .run();
}
