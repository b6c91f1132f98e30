//! Excel workbooks: title rows and merged cells above the header, line
//! breaks in cells, numbers and dates as Excel stores them, sheets by name.

use rust_xlsxwriter::{ExcelDateTime, Format, Formula, Workbook, Worksheet};

use crate::common::{Counts, Test};

/// Writes rows of text from `first_row` (0-based) on; `None` leaves a cell empty.
fn write_rows(sheet: &mut Worksheet, first_row: u32, rows: &[&[Option<&str>]]) {
    for (r, cells) in rows.iter().enumerate() {
        for (c, cell) in cells.iter().enumerate() {
            if let Some(text) = cell {
                sheet
                    .write_string(first_row + r as u32, c as u16, *text)
                    .unwrap();
            }
        }
    }
}

/// The header of the annex workbooks, with a line break in a header cell.
const HEADER: [&str; 7] = [
    "STT",
    "Mã số\nTTHC",
    "Tên thủ tục hành chính",
    "Lĩnh vực",
    "Cấp thực hiện",
    "Hình thức công bố",
    "Ngày hiệu lực",
];

/// An annex as staff paste it into Excel: a merged title and a title naming
/// the decision above the header on row 4, merged section rows, a field
/// cell merged over two rows, a long-form code, a code typed as a number
/// (Excel drops its trailing zero), a code only in the name, a date cell
/// and a date in words, and a name with a line break.
pub(crate) fn annex_workbook() -> Vec<u8> {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("Phụ lục I").unwrap();
    let plain = Format::new();
    sheet
        .merge_range(
            0,
            0,
            0,
            6,
            "DANH MỤC THỦ TỤC HÀNH CHÍNH MỚI BAN HÀNH",
            &plain,
        )
        .unwrap();
    sheet
        .merge_range(
            1,
            0,
            1,
            6,
            "(Kèm theo Quyết định số 1234/QĐ-UBND ngày 19 tháng 11 năm 2025 của Chủ tịch UBND tỉnh)",
            &plain,
        )
        .unwrap();
    let header: Vec<Option<&str>> = HEADER.iter().copied().map(Some).collect();
    write_rows(sheet, 3, &[&header]);
    sheet
        .merge_range(4, 0, 4, 6, "I. LĨNH VỰC HỘ TỊCH", &plain)
        .unwrap();
    sheet.merge_range(5, 3, 6, 3, "Hộ tịch", &plain).unwrap();
    write_rows(
        sheet,
        5,
        &[
            &[
                Some("1"),
                Some("2.000908.000.00.00.H61"),
                Some("Đăng ký khai sinh\nkết hợp đăng ký thường trú"),
                None,
                Some("Dùng chung (cấp tỉnh, cấp xã)"),
                Some("Mới ban hành"),
            ],
            &[
                Some("2"),
                None,
                Some("Đăng ký kết hôn"),
                None,
                Some("Cấp xã"),
                Some("Mới ban hành"),
                Some("ngày 01 tháng 12 năm 2025"),
            ],
        ],
    );
    sheet.write_number(6, 1, 1.00161).unwrap();
    let date = Format::new().set_num_format("dd/mm/yyyy");
    sheet
        .write_datetime_with_format(5, 6, ExcelDateTime::from_ymd(2025, 12, 1).unwrap(), &date)
        .unwrap();
    sheet
        .merge_range(7, 0, 7, 6, "II. LĨNH VỰC CHỨNG THỰC", &plain)
        .unwrap();
    write_rows(
        sheet,
        8,
        &[&[
            Some("3"),
            None,
            Some("Chứng thực bản sao từ bản chính (Mã TTHC: 2.000815)"),
            Some("Chứng thực"),
            Some("Cấp tỉnh"),
            Some("Mới ban hành"),
        ]],
    );
    book.save_to_buffer().unwrap()
}

/// The import command for [`annex_workbook`].
pub(crate) const ANNEX_IMPORT: [&str; 5] = [
    "import",
    "--decision",
    "1234/QĐ-UBND",
    "--signed",
    "ngày 19 tháng 11 năm 2025",
];

/// A workbook with these sheets, each holding a header and these rows.
fn workbook(sheets: &[(&str, &[&[&str]])]) -> Vec<u8> {
    let mut book = Workbook::new();
    for (name, rows) in sheets {
        let sheet = book.add_worksheet();
        sheet.set_name(*name).unwrap();
        let rows: Vec<Vec<Option<&str>>> = rows
            .iter()
            .map(|r| r.iter().map(|c| (!c.is_empty()).then_some(*c)).collect())
            .collect();
        let rows: Vec<&[Option<&str>]> = rows.iter().map(Vec::as_slice).collect();
        write_rows(sheet, 0, &rows);
    }
    book.save_to_buffer().unwrap()
}

const SHORT_HEADER: &[&str] = &["code", "action", "level", "name", "field"];

#[test]
fn an_annex_workbook_imports_below_its_titles() {
    let test = Test::new();
    test.write("annex.xlsx", annex_workbook());
    let summary: crate::common::Summary = test
        .tthc(&ANNEX_IMPORT)
        .args(["--format", "json", "annex.xlsx"])
        .run()
        .json();
    assert_eq!(
        (summary.decisions, summary.rows, summary.changes),
        (1, 3, 4)
    );
    assert_eq!(summary.codes_from_names, 1);
    assert_eq!(summary.ignored_columns, ["STT"]);
    assert_eq!(
        (summary.levels.province, summary.levels.commune),
        (2, 2),
        "{summary:?}"
    );

    let export = test.export_json("2025-12-01");
    let entry = |level: &str, code: &str| {
        export
            .entries
            .iter()
            .find(|e| e.level == level && e.code == code)
            .unwrap_or_else(|| panic!("no {level} {code} in {:?}", export.entries))
    };
    // The long form is stored short; the line break in the name is kept.
    let birth = entry("commune", "2.000908");
    assert_eq!(birth.name, "Đăng ký khai sinh\nkết hợp đăng ký thường trú");
    assert_eq!(
        (birth.field.as_str(), birth.effective.as_str()),
        ("Hộ tịch", "2025-12-01")
    );
    entry("province", "2.000908");
    // A number cell keeps the six decimals of a code; the merged field reaches the second row.
    let marriage = entry("commune", "1.001610");
    assert_eq!(marriage.field, "Hộ tịch");
    assert_eq!(marriage.effective, "2025-12-01");
    // The code in the name is taken out of it; no effective cell: the signing date.
    let copy = entry("province", "2.000815");
    assert_eq!(copy.name, "Chứng thực bản sao từ bản chính");
    assert_eq!(copy.effective, "2025-11-19");
    assert_eq!(
        test.counts("2025-12-01"),
        Counts::new("2025-12-01", [2, 0, 2, 4, 3])
    );
}

#[test]
fn a_workbook_on_standard_input_is_recognized_by_its_content() {
    let test = Test::new();
    test.tthc(&ANNEX_IMPORT)
        .args(["-"])
        .stdin(annex_workbook())
        .stdout_has("Imported 1 decision: 3 rows, 4 entry changes.")
        .stdout_has("Codes taken from the name cell (the code cell was empty): 1")
        .run();
}

#[test]
fn sheets_are_chosen_by_name() {
    let test = Test::new();
    test.write(
        "two.xlsx",
        workbook(&[
            (
                "Tờ trình",
                &[&["Kính gửi: Chủ tịch UBND tỉnh"], &["Nội dung tờ trình"]],
            ),
            (
                "Phụ lục II",
                &[
                    SHORT_HEADER,
                    &["1.000001", "added", "province", "Thủ tục một", "Tư pháp"],
                ],
            ),
        ]),
    );
    let args = [
        "import",
        "--decision",
        "5/QĐ-UBND",
        "--signed",
        "2025-08-01",
    ];
    // The first sheet holds no header: the error names the other sheets.
    let before = test.snapshot();
    test.tthc(&args)
        .args(["two.xlsx"])
        .status(3)
        .stderr_has("two.xlsx:1: sheet \"Tờ trình\": missing required column action")
        .stderr_has("choose one with --sheet NAME")
        .stderr_has("\"Phụ lục II\"")
        .run();
    test.assert_unchanged(before.as_deref());
    test.tthc(&args)
        .args(["--sheet", "Phụ lục III", "two.xlsx"])
        .status(3)
        .stderr_has("two.xlsx: no sheet named \"Phụ lục III\"; the workbook has sheets \"Tờ trình\", \"Phụ lục II\"")
        .run();
    // Case and spacing of the name do not matter.
    test.tthc(&args)
        .args(["--sheet", "PHỤ LỤC II", "two.xlsx"])
        .stdout_has("Imported 1 decision: 1 rows, 1 entry changes.")
        .run();
    assert!(
        test.export_line("2025-08-01", "province,1.000001")
            .unwrap()
            .contains("Thủ tục một")
    );
}

#[test]
fn problems_name_the_sheet_and_its_row() {
    let test = Test::new();
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("Danh mục").unwrap();
    write_rows(
        sheet,
        0,
        &[
            &[Some("DANH MỤC")],
            &[
                Some("code"),
                Some("action"),
                Some("level"),
                Some("name"),
                Some("field"),
            ],
            &[
                Some("1.0001"),
                Some("added"),
                Some("province"),
                Some("A"),
                Some("F"),
            ],
            &[Some("1.000002"), Some("added"), None, Some("B"), Some("F")],
        ],
    );
    // A formula whose cached result is an Excel error.
    sheet
        .write_formula(3, 2, Formula::new("=1/0").set_result("#DIV/0!"))
        .unwrap();
    test.write("bad.xlsx", book.save_to_buffer().unwrap());
    test.tthc(&[
        "import",
        "--decision",
        "5/QĐ-UBND",
        "--signed",
        "2025-08-01",
        "bad.xlsx",
    ])
    .status(3)
    .stderr_has("bad.xlsx:3: sheet \"Danh mục\": column code: bad code \"1.0001\"")
    .stderr_has(
        "bad.xlsx:4: sheet \"Danh mục\": column level (cell C4) holds the Excel error #DIV/0!",
    )
    .run();
    assert!(!test.db().exists());
}

#[test]
fn a_file_that_is_not_a_workbook_is_named() {
    let test = Test::new();
    test.write("fake.xlsx", b"PK\x03\x04 not really a zip archive");
    test.tthc(&["import", "fake.xlsx"])
        .status(3)
        .stderr_has("fake.xlsx: cannot read it as a workbook")
        .run();
}

/// A sheet whose used area spans the whole grid (a cell at A1 and one at
/// XFD1048576, 17 billion cells between them) is refused with a clear
/// message, without trying to lay out the grid in memory.
#[test]
fn a_sheet_spanning_the_whole_grid_is_refused_without_running_out_of_memory() {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.write_string(0, 0, "decision").unwrap();
    sheet.write_string(1_048_575, 16_383, "x").unwrap();
    let test = Test::new();
    test.write("huge.xlsx", book.save_to_buffer().unwrap());
    test.tthc(&["import", "huge.xlsx"])
        .status(3)
        .stderr(
            "tthc: input rejected, nothing was written (1 problem):\n\
             huge.xlsx: cannot read sheet \"Sheet1\": its cells reach from A1 to XFD1048576, \
             more than 2000000 cells; delete what lies outside the table \
             (Ctrl+End in Excel goes to the last cell it counts as used)\n",
        )
        .run();
    assert!(!test.db().exists());
}

/// An ods file of one kilobyte whose row of 90 cells is repeated a
/// million times (90 million cells, which calamine would lay out in memory
/// as it opens the file) is refused at once, naming the sheet.
#[test]
fn an_ods_file_whose_repeats_describe_millions_of_cells_is_refused_before_it_is_laid_out() {
    let test = Test::new();
    let bomb = std::path::Path::new(crate::common::DATA)
        .join("fuzz/workbook/ods-rows-repeated-a-million-times.ods");
    test.write("bomb.ods", std::fs::read(bomb).unwrap());
    test.tthc(&["import", "bomb.ods"])
        .status(3)
        .stderr(
            "tthc: input rejected, nothing was written (1 problem):\n\
             bomb.ods: sheet \"Sheet1\" holds more than 32 MB of text in its cells (limit on the \
             text of a sheet: 32 MB, a string shared by several cells counted for each)\n",
        )
        .run();
    assert!(!test.db().exists());
}

/// An ods sheet as `LibreOffice` saves it, with its empty rows and
/// columns repeated to the end of the grid, imports like any other.
#[test]
fn an_ods_sheet_with_libreoffice_filler_rows_imports() {
    let test = Test::new();
    let ods = std::path::Path::new(crate::common::DATA)
        .join("fuzz/workbook/ods-two-rows-and-libreoffice-filler.ods");
    test.write("annex.ods", std::fs::read(ods).unwrap());
    let summary = test.import(&["annex.ods"]);
    assert_eq!((summary.decisions, summary.rows), (1, 2));
    assert!(test.export_line("2024-01-15", "commune,2.000005").is_some());
}

/// A workbook of a few hundred kilobytes whose shared strings unpack to
/// 300 MB is refused before anything is unpacked.
#[test]
fn a_workbook_that_unpacks_to_hundreds_of_megabytes_is_refused() {
    use std::io::Write as _;
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let deflated = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    zip.start_file("[Content_Types].xml", deflated).unwrap();
    zip.write_all(b"<Types/>").unwrap();
    zip.start_file("xl/sharedStrings.xml", deflated).unwrap();
    let block = vec![b'a'; 1 << 20];
    for _ in 0..300 {
        zip.write_all(&block).unwrap();
    }
    let bytes = zip.finish().unwrap().into_inner();
    assert!(bytes.len() < 2 << 20, "{} bytes", bytes.len());
    let test = Test::new();
    test.write("bomb.xlsx", bytes);
    test.tthc(&["import", "bomb.xlsx"])
        .status(3)
        .stderr(
            "tthc: input rejected, nothing was written (1 problem):\n\
             bomb.xlsx: it unpacks to 300 MB, more than tthc reads (128 MB); \
             save the table alone as a new workbook or as CSV\n",
        )
        .run();
}
