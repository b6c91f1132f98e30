//! csv for spreadsheets (`export --excel`, read back by `LibreOffice` in a
//! Vietnamese and an English locale) and `--delimiter` on every read command.

use std::process::Command;

use calamine::{Data, Reader as _, Xlsx, open_workbook};

use crate::annex::program;
use crate::common::Test;
use crate::common::run_within;

/// A decision whose codes end in zeros, with a cell that holds the field
/// separator and one a spreadsheet would run as a formula.
const ZEROS: &str = "\
decision,signed,effective,action,code,level,name,field,agency,processing_time,fee,legal_basis
5/QĐ-UBND,2024-01-10,2024-01-15,added,2.000620,province,Đăng ký khai sinh,Hộ tịch,Sở Tư pháp,05 ngày,Không,\"Luật Hộ tịch; Nghị định 123\"
5/QĐ-UBND,2024-01-10,2024-01-15,added,1.001610,commune,\"=HYPERLINK(\"\"http://x\"\",\"\"bấm\"\")\",Hộ tịch,UBND cấp xã,Trong ngày,Không,Luật Hộ tịch
5/QĐ-UBND,2024-01-10,2024-01-15,added,1.000100,district,Cấp giấy phép kinh doanh,Kinh doanh,UBND cấp huyện,03 ngày,100.000 đồng,Nghị định 01/2021
";

fn zeros() -> Test {
    let test = Test::new();
    test.write("zeros.csv", ZEROS);
    test.import(&["zeros.csv"]);
    test
}

#[test]
fn excel_csv_is_what_a_vietnamese_spreadsheet_reads() {
    let test = zeros();
    test.tthc(&["export", "--excel", "--as-of", "2024-06-01", "-o", "x.csv"])
        .stdout("")
        .stderr("")
        .run();
    let bytes = std::fs::read(test.path("x.csv")).unwrap();
    let body = std::str::from_utf8(bytes.strip_prefix(b"\xEF\xBB\xBF").expect("a BOM")).unwrap();
    let lines: Vec<&str> = body.lines().collect();
    assert_eq!(
        lines,
        [
            "Cấp thực hiện;Mã số TTHC;Tên thủ tục hành chính;Lĩnh vực;Cơ quan thực hiện;Thời hạn giải quyết;Phí, lệ phí;Căn cứ pháp lý;Số quyết định;Ngày hiệu lực",
            "Cấp tỉnh;\"=\"\"2.000620\"\"\";Đăng ký khai sinh;Hộ tịch;Sở Tư pháp;05 ngày;Không;\"Luật Hộ tịch; Nghị định 123\";5/QĐ-UBND;15/01/2024",
            "Cấp huyện;\"=\"\"1.000100\"\"\";Cấp giấy phép kinh doanh;Kinh doanh;UBND cấp huyện;03 ngày;100.000 đồng;Nghị định 01/2021;5/QĐ-UBND;15/01/2024",
            "Cấp xã;\"=\"\"1.001610\"\"\";\"'=HYPERLINK(\"\"http://x\"\",\"\"bấm\"\")\";Hộ tịch;UBND cấp xã;Trong ngày;Không;Luật Hộ tịch;5/QĐ-UBND;15/01/2024",
        ]
    );
    // --delimiter and --headers still choose.
    let out = test
        .tthc(&[
            "export",
            "--excel",
            "--delimiter",
            "tab",
            "--headers",
            "en",
            "--as-of",
            "2024-06-01",
        ])
        .run()
        .stdout;
    assert!(out.starts_with("\u{feff}level\tcode\tname\t"), "{out}");
    assert!(out.contains("Cấp tỉnh\t\"=\"\"2.000620\"\"\"\t"), "{out}");
}

/// A cell of a workbook `LibreOffice` wrote.
fn cells(path: &std::path::Path) -> Vec<Vec<Data>> {
    let mut workbook: Xlsx<_> = open_workbook(path).unwrap();
    let name = workbook.sheet_names()[0].clone();
    let range = workbook.worksheet_range(&name).unwrap();
    range.rows().map(<[Data]>::to_vec).collect()
}

/// The csv of `export --excel`, opened by `LibreOffice` as a spreadsheet in
/// Vietnam (vi-VN) and in the United States (en-US) opens it (separator
/// ";", UTF-8), then saved as a workbook and read back: codes keep their
/// zeros as text in both, dates are the days written (vi-VN, whose dates
/// are dd/mm/yyyy), and the formula planted in a name is text.
#[test]
fn excel_csv_read_back_by_libreoffice_keeps_codes_as_text_and_dates_as_written() {
    let Some(soffice) = program(&["soffice", "libreoffice"]) else {
        println!(
            "skipped the spreadsheet check: LibreOffice (soffice) is not installed (.ci/run installs it)"
        );
        return;
    };
    let test = zeros();
    test.tthc(&["export", "--excel", "--as-of", "2024-06-01", "-o", "x.csv"])
        .run();
    let profile = format!("file://{}", test.path("office-profile").display());
    // Excel's day number of 2024-01-15.
    let day = 45_306.0;
    for (locale, language) in [("vi-VN", "1066"), ("en-US", "1033")] {
        let dir = test.path(locale);
        run_within(
            Command::new(&soffice)
                .arg(format!("-env:UserInstallation={profile}"))
                .arg("--headless")
                .arg("--norestore")
                // Separator ;, text in ", UTF-8, from line 1, standard
                // columns, the locale, quoted fields parsed, special numbers (dates) detected.
                .arg(format!("--infilter=CSV:59,34,76,1,,{language},false,true"))
                .args(["--convert-to", "xlsx", "--outdir"])
                .arg(&dir)
                .arg(test.path("x.csv"))
                .env("HOME", test.dir()),
            "soffice --convert-to xlsx",
        );
        let rows = cells(&dir.join("x.xlsx"));
        assert_eq!(rows.len(), 4, "{locale}: {rows:?}");
        let codes: Vec<&Data> = rows[1..].iter().map(|r| &r[1]).collect();
        assert_eq!(
            codes,
            [
                &Data::String("2.000620".into()),
                &Data::String("1.000100".into()),
                &Data::String("1.001610".into()),
            ],
            "{locale}: codes"
        );
        assert_eq!(rows[1][0], Data::String("Cấp tỉnh".into()), "{locale}");
        assert_eq!(
            rows[1][7],
            Data::String("Luật Hộ tịch; Nghị định 123".into()),
            "{locale}"
        );
        match &rows[3][2] {
            Data::String(name) => assert!(name.contains("HYPERLINK"), "{locale}: {name}"),
            other => panic!("{locale}: the planted formula was run: {other:?}"),
        }
        if locale == "vi-VN" {
            for row in &rows[1..] {
                let serial = match &row[9] {
                    Data::DateTime(d) => d.as_f64(),
                    Data::Float(f) => *f,
                    other => panic!("vi-VN: the date is not a date: {other:?}"),
                };
                assert!((serial - day).abs() < f64::EPSILON, "vi-VN: day {serial}");
            }
        }
    }
}

/// `--delimiter` on each read command: the same records as the default
/// csv, separated by the character asked for.
#[test]
fn every_read_command_writes_csv_with_the_delimiter_asked_for() {
    let test = Test::imported(&["base.csv"]);
    let commands: [&[&str]; 9] = [
        &["export", "--as-of", "2024-01-15"],
        &["counts", "--as-of", "2024-01-15"],
        &["search", "hộ tịch", "--as-of", "2024-01-15"],
        &["decisions"],
        &["diff", "2023-01-01", "2024-01-15"],
        &["history", "2.000005"],
        &["show", "1.000002", "--as-of", "2024-01-15"],
        &["reference", "list"],
        &["upcoming"],
    ];
    let read = |text: &str, delimiter: u8| -> Vec<Vec<String>> {
        csv::ReaderBuilder::new()
            .has_headers(false)
            .delimiter(delimiter)
            .from_reader(text.as_bytes())
            .records()
            .map(|r| r.unwrap().iter().map(str::to_owned).collect())
            .collect()
    };
    for args in commands {
        let plain = test.tthc(args).run().stdout;
        let plain_records = read(&plain, b',');
        for (given, byte) in [(";", b';'), ("tab", b'\t'), ("\\t", b'\t'), ("|", b'|')] {
            let mut with = args.to_vec();
            with.extend(["--delimiter", given]);
            let out = test.tthc(&with).run().stdout;
            assert_eq!(read(&out, byte), plain_records, "{with:?}");
            let header = out.lines().next().unwrap_or_default();
            if plain_records.first().is_some_and(|h| h.len() > 1) {
                assert!(header.contains(char::from(byte)), "{with:?}: {header}");
            }
        }
    }
    // Without --format, --delimiter means csv; with another format it is refused.
    test.tthc(&["counts", "--delimiter", ";", "--format", "table"])
        .status(2)
        .stdout("")
        .stderr("tthc: --delimiter applies to csv output, not to --format table\n")
        .run();
    test.tthc(&["export", "--delimiter", ";", "--format", "json"])
        .status(2)
        .stdout("")
        .stderr_has("apply to csv only")
        .run();
}

#[test]
fn a_delimiter_of_several_characters_a_quote_or_a_line_break_is_refused() {
    let test = Test::imported(&["base.csv"]);
    for (value, message) in [
        (";;", "must be one character"),
        ("", "must be one character"),
        ("\"", "cannot be a double quote or a line break"),
        ("\n", "cannot be a double quote or a line break"),
        ("\r", "cannot be a double quote or a line break"),
        ("；", "must be an ASCII character"),
    ] {
        for command in [&["export"][..], &["counts"], &["reconcile"], &["decisions"]] {
            let mut args = command.to_vec();
            args.extend(["--delimiter", value]);
            test.tthc(&args)
                .status(2)
                .stdout("")
                .stderr_has(message)
                .run();
        }
    }
}
