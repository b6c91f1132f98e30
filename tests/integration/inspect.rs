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
    without_code: u64,
    rows_skipped_by_level: Vec<Skipped>,
    headings: Vec<LineText>,
    decisions: Vec<Decision>,
    actions: Actions,
    levels: Levels,
    problems: Vec<ProblemReport>,
    suggested: Option<Suggested>,
    command: String,
    published: Option<Published>,
    /// The national list the rows were checked against (tests/integration/reconcile.rs).
    reference: Option<serde_json::Value>,
    reference_warnings: Vec<ProblemReport>,
}

/// How a decision as published was read.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Published {
    decision: Option<Sourced>,
    signed: Option<Sourced>,
    effective: Option<Sourced>,
    tables: Vec<Table>,
    rows: Vec<Row>,
    skipped: Vec<SkippedLine>,
    warnings: Vec<ProblemReport>,
    body_references: Vec<serde_json::Value>,
}

#[derive(Debug, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
struct Sourced {
    value: String,
    source: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Table {
    number: u32,
    header_lines: Vec<u64>,
    columns: Vec<HeaderColumn>,
    unread_columns: Vec<String>,
    headings: Vec<Heading>,
    rows: usize,
}

#[derive(Debug, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
struct HeaderColumn {
    position: usize,
    text: String,
    column: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Heading {
    line: u64,
    text: String,
    sets: HeadingSets,
}

#[derive(Debug, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
struct HeadingSets {
    actions: Vec<String>,
    levels: Option<String>,
    shared: bool,
    authority: Option<String>,
    field: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Row {
    line: u64,
    table: u32,
    stt: String,
    annex: String,
    sections: Vec<String>,
    code: Option<String>,
    name: String,
    action: Sourced,
    levels: Sourced,
    field: Option<Sourced>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SkippedLine {
    line: u64,
    kind: String,
    text: String,
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
    // No catalog, so no national list to check the rows against.
    assert!(report.reference.is_none() && report.reference_warnings.is_empty());
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

const REAL: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/real-annexes");

/// A test holding one of the real decisions of `tests/data/real-annexes`.
fn real(name: &str) -> Test {
    let test = Test::new();
    test.write(name, std::fs::read(format!("{REAL}/{name}")).unwrap());
    test
}

const QUANG_TRI: &str = "QuangTri_2715-QD-UBND_2025-11-19";

#[test]
fn a_table_with_action_and_level_columns_has_no_published_reading() {
    let test = Test::new();
    test.write("annex.csv", ANNEX);
    let report = inspect_json(
        &test,
        &[
            "--decision",
            "7/QĐ-UBND",
            "--signed",
            "2025-08-01",
            "annex.csv",
        ],
        0,
    );
    assert!(report.published.is_none());
}

/// The whole Word document: the decision, the two catalog tables, every
/// row with the sources of its action, level and field, and a command
/// without options.
#[test]
fn a_word_decision_is_shown_as_published() {
    let docx = format!("{QUANG_TRI}.docx");
    let test = real(&docx);
    let report = inspect_json(&test, &[&docx], 0);
    assert_eq!(report.format.as_deref(), Some("docx"));
    assert!(report.problems.is_empty(), "{:?}", report.problems);
    assert_eq!(report.command, format!("tthc import {docx}"));
    assert_eq!((report.rows, report.valid_rows), (17, 17));
    assert_eq!(
        report.decisions,
        [Decision {
            number: "2715/QĐ-UBND".into(),
            signed: "2025-11-19".into(),
            rows: 17
        }]
    );
    assert_eq!(
        report.actions,
        Actions {
            added: 9,
            amended: 0,
            replaced: 0,
            repealed: 8
        }
    );
    assert_eq!(
        report.levels,
        Levels {
            province: 17,
            district: 0,
            commune: 0
        }
    );
    let p = report.published.expect("a decision as published");
    // Each row keeps where it stands: 9 new ones under "I.", 8 repealed
    // ones under "II." of the one unnumbered annex.
    let places: Vec<(String, String, String)> = p
        .rows
        .iter()
        .map(|r| (r.annex.clone(), r.sections.join("/"), r.stt.clone()))
        .collect();
    assert_eq!(places[0], (String::new(), "I".to_owned(), "1".to_owned()));
    assert_eq!(places[16], (String::new(), "II".to_owned(), "8".to_owned()));
    assert!(p.body_references.is_empty(), "{:?}", p.body_references);
    let decision = p.decision.expect("the decision number");
    assert_eq!(decision.value, "2715/QĐ-UBND");
    assert!(decision.source.starts_with("title, line "), "{decision:?}");
    assert_eq!(p.signed.map(|s| s.value).as_deref(), Some("2025-11-19"));
    let effective = p.effective.expect("the effective date");
    assert_eq!(effective.value, "2025-11-19");
    assert!(
        effective.source.starts_with("body of the decision, line "),
        "{effective:?}"
    );
    check_quang_tri_tables(&p.tables);
    let added = &p.tables[0];
    // Every row: 9 added, 8 repealed, all at province level from the
    // competent authority of the title, in the field the title names.
    assert_eq!(p.rows.len(), 17);
    let actions: Vec<&str> = p.rows.iter().map(|r| r.action.value.as_str()).collect();
    assert_eq!(
        actions,
        [["added"; 9].as_slice(), &["repealed"; 8]].concat()
    );
    for r in &p.rows {
        assert!(r.action.source.starts_with("heading at line "), "{r:?}");
        assert_eq!(r.levels.value, "province", "{r:?}");
        assert!(
            r.levels
                .source
                .starts_with("the competent authority in the title, line "),
            "{r:?}"
        );
        let field = r.field.as_ref().expect("a field");
        assert_eq!(field.value, "Điện lực");
        assert!(field.source.starts_with("title, line "), "{r:?}");
        assert!(r.code.is_some() && !r.name.is_empty() && !r.stt.is_empty());
    }
    assert_eq!(p.rows[0].code.as_deref(), Some("1.013401"));
    assert_eq!(p.rows[0].table, added.number);
    assert!(p.rows[0].line > added.header_lines[0]);
    // The header block, the body and the signature hold no procedure.
    let kinds: Vec<&str> = p.skipped.iter().map(|s| s.kind.as_str()).collect();
    for kind in ["header_block", "body", "layout", "title"] {
        assert!(kinds.contains(&kind), "{kinds:?}");
    }
    assert!(p.skipped.iter().all(|s| s.line > 0 && !s.text.is_empty()));
    assert!(p.warnings.is_empty(), "{:?}", p.warnings);
}

/// The CSV annex holds no body, so no date of effect: a problem, and a
/// placeholder in the command; given, the file is ready.
#[test]
fn an_annex_without_its_body_needs_the_effective_date() {
    let csv = format!("{QUANG_TRI}.csv");
    let test = real(&csv);
    let report = inspect_json(&test, &[&csv], 3);
    let messages: Vec<&str> = report.problems.iter().map(|p| p.message.as_str()).collect();
    assert_eq!(
        messages,
        ["the effective date is not stated: give --effective"]
    );
    assert_eq!(
        report.command,
        format!("tthc import --effective DATE {csv}")
    );
    assert_eq!(report.format.as_deref(), Some("csv"));
    let p = report.published.expect("a decision as published");
    assert!(p.effective.is_none());
    assert_eq!(p.decision.map(|d| d.value).as_deref(), Some("2715/QĐ-UBND"));
    // The rows are still read and shown.
    assert_eq!(p.rows.len(), 17);
    assert_eq!((report.rows, report.valid_rows), (17, 17));
    test.tthc(&["inspect", &csv])
        .status(3)
        .stdout_has("Effective:  not stated\n")
        .stdout_has(&format!(
            "Problems (1):\n  {csv}: the effective date is not stated: give --effective\n"
        ))
        .stdout_has(&format!(
            "Once the problems are fixed, import with:\n  tthc import --effective DATE {csv}\n"
        ))
        .stderr(format!(
            "tthc: {csv}: 1 problem: import would reject the file\n"
        ))
        .run();
    let report = inspect_json(&test, &["--effective", "19/11/2025", &csv], 0);
    assert!(report.problems.is_empty(), "{:?}", report.problems);
    assert_eq!(
        report.command,
        format!("tthc import --effective 19/11/2025 {csv}")
    );
    let effective = report.published.and_then(|p| p.effective);
    assert_eq!(
        effective,
        Some(Sourced {
            value: "2025-11-19".into(),
            source: "command-line flag".into()
        })
    );
}

/// Hồ Chí Minh City 2817 takes effect with another act: no date.
#[test]
fn an_effective_date_tied_to_another_act_gets_a_placeholder() {
    let docx = "HoChiMinh_2817-QD-UBND_2025-11-19.docx";
    let test = real(docx);
    let report = inspect_json(&test, &[docx], 3);
    assert!(
        report.problems.iter().any(|p| p.line > 0
            && p.message
                .starts_with("the decision takes effect with another act and states no date")
            && p.message.ends_with("give --effective")),
        "{:?}",
        report.problems
    );
    assert_eq!(
        report.command,
        format!("tthc import --effective DATE {docx}")
    );
    let p = report.published.expect("a decision as published");
    assert!(p.effective.is_none());
    assert_eq!(p.rows.len(), 18);
    // Its new procedures have no code: 14 entries without one.
    assert!(p.rows.iter().any(|r| r.code.is_none()));
    assert_eq!(report.without_code, 14);
    test.tthc(&["inspect", docx])
        .status(3)
        .stdout_has("(no code)")
        .stdout_has(
            "entries added without a code (the national database has not given one yet): 14",
        )
        .stdout_has(&format!("  tthc import --effective DATE {docx}\n"))
        .run();
}

/// Hà Tĩnh 2873 repeals an entry without saying at which level: without
/// the catalog that is a problem, which says import resolves it.
#[test]
fn a_repeal_without_a_level_says_import_takes_it_from_the_catalog() {
    let docx = "HaTinh_2873-QD-UBND_2025-11-19.docx";
    let test = real(docx);
    let report = inspect_json(&test, &[docx], 3);
    assert_eq!(report.problems.len(), 1, "{:?}", report.problems);
    let problem = &report.problems[0];
    assert!(
        problem.message.starts_with("no level stated"),
        "{problem:?}"
    );
    assert!(
        problem.message.ends_with(
            "give --level (import takes it from the catalog when the entry is in force at one level only)"
        ),
        "{problem:?}"
    );
    // Import settles it: no placeholder.
    assert_eq!(report.command, format!("tthc import {docx}"));
    let p = report.published.expect("a decision as published");
    let repeal = p.rows.iter().find(|r| r.line == problem.line).unwrap();
    assert_eq!(repeal.action.value, "repealed");
    assert_eq!(repeal.levels.value, "");
    // The headings of the amended table set "áp dụng chung" and "cấp xã".
    let sets: Vec<&HeadingSets> = p.tables[0].headings.iter().map(|h| &h.sets).collect();
    assert!(sets.iter().any(|s| s.shared), "{sets:?}");
    assert!(
        sets.iter().any(|s| s.levels.as_deref() == Some("commune")),
        "{sets:?}"
    );
    test.tthc(&["inspect", docx])
        .status(3)
        .stdout_has("-> levels province,commune (áp dụng chung)\n")
        .stdout_has("-> level commune\n")
        .stdout_has("level from the catalog at import")
        .run();
}

/// What a flag must give gets a placeholder: the action nobody states,
/// the field of new procedures, a draft's blank number and date.
#[test]
fn placeholders_stand_for_what_a_flag_must_give() {
    for (file, command) in [
        (
            "QuangNgai_1628-QD-UBND_2025-11-21.docx",
            "tthc import --action ACTION",
        ),
        (
            "CaoBang_2031-QD-UBND_2025-11-28.docx",
            "tthc import --field FIELD",
        ),
        (
            "HungYen_1973-QD-UBND_2025-11-28.csv",
            "tthc import --decision NUMBER --signed DATE --effective DATE",
        ),
    ] {
        let test = real(file);
        let report = inspect_json(&test, &[file], 3);
        assert_eq!(report.command, format!("{command} {file}"));
    }
    // Given, the flags are shown as typed.
    let file = "QuangNgai_1628-QD-UBND_2025-11-21.docx";
    let test = real(file);
    let report = inspect_json(
        &test,
        &["--action", "Sửa đổi, bổ sung", "--level", "province", file],
        0,
    );
    assert_eq!(
        report.command,
        format!("tthc import --action amended --level province {file}")
    );
    let p = report.published.unwrap();
    assert_eq!(p.rows.len(), 9);
    assert!(
        p.rows
            .iter()
            .all(|r| r.action.source == "command-line flag")
    );
}

/// The annex title of Cao Bằng 2031 names the wrong number: a warning, with
/// its line.
#[test]
fn warnings_are_listed_with_their_lines() {
    let docx = "CaoBang_2031-QD-UBND_2025-11-28.docx";
    let test = real(docx);
    let report = inspect_json(&test, &[docx], 3);
    let warnings = report.published.unwrap().warnings;
    assert!(
        warnings.iter().any(|w| w.file == docx
            && w.line > 0
            && w.message
                .starts_with("the annex title names decision 203/QĐ-UBND")),
        "{warnings:?}"
    );
    test.tthc(&["inspect", docx])
        .status(3)
        .stdout_has(&format!("Warnings (3):\n  {docx}:"))
        .run();
}

/// A PDF or a Word 97-2003 document: the advice to save it as .docx.
#[test]
fn a_pdf_or_doc_is_refused_with_the_way_to_save_it() {
    let test = Test::new();
    test.write("decision.pdf", "%PDF-1.4\n1 0 obj\n<<>>\nendobj\n");
    let mut doc = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1".to_vec();
    doc.resize(512, 0);
    doc.extend("WordDocument".encode_utf16().flat_map(u16::to_le_bytes));
    doc.resize(1024, 0);
    test.write("decision.doc", doc);
    for file in ["decision.pdf", "decision.doc"] {
        let report = inspect_json(&test, &[file], 3);
        assert!(report.published.is_none());
        assert_eq!(report.problems.len(), 1);
        assert!(
            report.problems[0]
                .message
                .contains("save the document as .docx (in Word: File > Save As > Word Document)"),
            "{:?}",
            report.problems
        );
        test.tthc(&["inspect", file])
            .status(3)
            .stdout_has("save the document as .docx")
            .stderr_has(&format!(
                "tthc: {file}: 1 problem: import would reject the file"
            ))
            .run();
    }
}

/// The text report of the Word document: the header mapping, each row with
/// the sources of its facts, and the command, which imports it.
#[test]
fn the_text_report_of_a_word_decision_shows_mappings_and_sources() {
    let docx = format!("{QUANG_TRI}.docx");
    let test = real(&docx);
    let report = inspect_json(&test, &[&docx], 0);
    let p = report.published.expect("a decision as published");
    let decision = p.decision.expect("the decision number");
    let row = &p.rows[0];
    test.tthc(&["inspect", &docx])
        .stdout_has("Format:     Word document (docx)\n")
        .stdout_has(&format!("Decision:   2715/QĐ-UBND ({})\n", decision.source))
        .stdout_has("    2  Tên thủ tục hành chính/ Mã thủ tục hành chính  -> name\n")
        .stdout_has("    1  STT                     (not read)\n")
        .stdout_has("  not read, though they hold data: Địa điểm thực hiện\n")
        .stdout_has(&format!(
            "  line {}  STT 1  1.013401  Cấp giấy phép hoạt động phát điện",
            row.line
        ))
        .stdout_has(&format!(
            "      added ({}); province ({}); field \"Điện lực\" ({})\n",
            row.action.source,
            row.levels.source,
            row.field.as_ref().unwrap().source
        ))
        .stdout_has("Rows:       17 read: 17 valid, 0 with problems\n")
        .stdout_has("  by action: added 9, amended 0, replaced 0, repealed 8\n")
        .stdout_has(&format!(
            "Problems:   none\nImport with:\n  tthc import {docx}\n"
        ))
        .run();
    // The command it gives is the one to run.
    let seed = format!("seeds/{QUANG_TRI}.seed-synthetic.csv");
    test.write(&seed, std::fs::read(format!("{REAL}/{seed}")).unwrap());
    test.import(&[&seed]);
    let words = shell_words(&report.command);
    test.tthc(&words[1..].iter().map(String::as_str).collect::<Vec<_>>())
        .stdout_has("Imported 1 decision: 17 rows, 17 entry changes.")
        .run();
}

/// The two catalog tables of Quảng Trị 2715: the new procedures (code in
/// the name cell), and the repealed ones.
fn check_quang_tri_tables(tables: &[Table]) {
    assert_eq!(tables.len(), 2);
    let [added, repealed] = [&tables[0], &tables[1]];
    assert_eq!((added.rows, repealed.rows), (9, 8));
    assert_eq!(added.header_lines.len(), 1);
    assert!(added.number < repealed.number);
    assert_eq!(
        added.columns[1],
        HeaderColumn {
            position: 2,
            text: "Tên thủ tục hành chính/ Mã thủ tục hành chính".into(),
            column: Some("name".into())
        }
    );
    assert_eq!(added.columns[0].column, None);
    assert_eq!(added.unread_columns, ["Địa điểm thực hiện"]);
    assert_eq!(
        repealed
            .columns
            .iter()
            .map(|c| c.column.as_deref())
            .collect::<Vec<_>>(),
        [None, Some("code"), Some("name"), Some("legal_basis")]
    );
    assert_eq!(added.headings.len(), 1);
    assert!(added.headings[0].text.contains("BAN HÀNH MỚI"));
    assert!(added.headings[0].line < added.header_lines[0]);
    assert_eq!(
        added.headings[0].sets,
        HeadingSets {
            actions: vec!["added".into()],
            levels: None,
            shared: false,
            authority: None,
            field: None
        }
    );
    assert_eq!(repealed.headings[0].sets.actions, ["repealed"]);
}

/// The JSON report is data: its problems and warnings are in English,
/// byte for byte the same whatever the language of the run.
#[test]
fn inspect_json_is_the_same_in_vietnamese_and_english() {
    let docx = "CaoBang_2031-QD-UBND_2025-11-28.docx";
    let test = real(docx);
    test.write(
        "bad.csv",
        "\
decision,signed,action,code,level,name,field
5/QĐ-UBND,2025-08-01,added,1.0001,province,A,F
5/QĐ-UBND,2025-08-01,added,1.000002,Cấp làng,B,F
",
    );
    test.write("annex.csv", ANNEX);
    for file in [docx, "bad.csv", "annex.csv"] {
        let json = |lang: &str| {
            test.tthc(&["inspect", "--format", "json", "--lang", lang, file])
                .status(3)
                .run()
                .stdout
        };
        let english = json("en");
        assert!(english.contains("\"message\""), "{english}");
        assert_eq!(json("vi"), english, "{file}");
    }
    // The text report stays in the run's language.
    let report = test
        .tthc(&["inspect", "--lang", "vi", "bad.csv"])
        .status(3)
        .run()
        .stdout;
    assert!(!report.contains("bad code"), "{report}");
}
