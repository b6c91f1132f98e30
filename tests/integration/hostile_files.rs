//! Hostile files: inputs made, or damaged, to exhaust memory or time, and
//! files cut short or changed while they are read. Every reader (CSV,
//! xlsx, xls, ods, docx) refuses them with a problem that names the limit,
//! within a memory and a time limit, for `import` and `inspect` alike. The
//! files are generated here, in each test's directory.

use std::fmt::Write as _;
use std::fs;
use std::io::{Cursor, Read, Write};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::common::{BIN, DATA, DB, Test};

/// The memory a hostile input may cost: the address space a run is given
/// (`ulimit -v`, which also counts the binary, thread stacks and the
/// allocator's reservations), and the peak resident memory seen while it
/// runs.
const MEMORY_MB: u64 = 200;
const ADDRESS_SPACE_MB: u64 = MEMORY_MB;
/// The time a run is given on a debug build, on a busy machine.
const TIME_LIMIT: Duration = Duration::from_mins(1);

/// What a run under limits gave.
#[derive(Debug)]
struct Limited {
    code: Option<i32>,
    stdout: Vec<u8>,
    stderr: String,
    peak_mb: u64,
    elapsed: Duration,
}

/// Runs `tthc --db catalog.db ARGS` in the test's directory under `ulimit
/// -v`, reading its peak resident memory until it ends, and kills it past
/// [`TIME_LIMIT`].
#[cfg(target_os = "linux")]
fn run_limited(test: &Test, args: &[&str]) -> Limited {
    let script = format!("ulimit -v {}; exec \"$0\" \"$@\"", ADDRESS_SPACE_MB << 10);
    let out = test.path("limited.out");
    let err = test.path("limited.err");
    let start = Instant::now();
    let mut child = Command::new("sh")
        .args(["-c", &script, BIN, "--db", DB])
        .args(args)
        .current_dir(test.dir())
        .env_remove("TTHC_DB")
        .stdin(Stdio::null())
        .stdout(fs::File::create(&out).unwrap())
        .stderr(fs::File::create(&err).unwrap())
        .spawn()
        .unwrap();
    let (exit, peak_kb) = crate::common::wait_measuring(&mut child, Some(TIME_LIMIT));
    Limited {
        code: exit.code(),
        stdout: fs::read(&out).unwrap(),
        stderr: fs::read_to_string(&err).unwrap(),
        peak_mb: peak_kb >> 10,
        elapsed: start.elapsed(),
    }
}

/// Runs `import FILE` and `inspect FILE` under the limits: both refuse the
/// file (exit 3) with a problem holding `expected`, within the memory and
/// time limits, writing nothing and echoing nothing of it.
#[cfg(target_os = "linux")]
fn refused_within_limits(test: &Test, file: &str, expected: &str) -> Vec<String> {
    let mut failures = Vec::new();
    for command in ["import", "inspect"] {
        // inspect reads a device into memory first, up to its own limit.
        let expected = if command == "inspect" && file.starts_with("/dev/") {
            "cannot open: a pipe or device passes 64 MB, more than inspect holds in memory (limit on"
        } else {
            expected
        };
        let run = run_limited(test, &[command, file]);
        let said = format!("{}{}", String::from_utf8_lossy(&run.stdout), run.stderr);
        let ok = run.code == Some(3)
            && said.contains(expected)
            && !said.contains("panicked")
            && run.peak_mb < MEMORY_MB
            && run.elapsed < TIME_LIMIT
            && run.stdout.len() < 64 << 10;
        eprintln!(
            "{command} {file}: exit {:?}, {} MB, {:.1} s",
            run.code,
            run.peak_mb,
            run.elapsed.as_secs_f64()
        );
        if !ok {
            let said: String = said.chars().take(2000).collect();
            failures.push(format!(
                "{command} {file}: exit {:?}, peak {} MB, {:.1} s, {} bytes out, expected {expected:?}:\n{said}",
                run.code,
                run.peak_mb,
                run.elapsed.as_secs_f64(),
                run.stdout.len()
            ));
        }
    }
    assert!(!test.db().exists(), "{file}: a catalog was written");
    failures
}

/// A zip archive of these parts, stored without compression unless `deflate`.
fn zip_of(parts: &[(&str, Vec<u8>)], deflate: bool) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let method = if deflate {
        zip::CompressionMethod::Deflated
    } else {
        zip::CompressionMethod::Stored
    };
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(method)
        .large_file(false);
    for (name, data) in parts {
        zip.start_file(*name, options).unwrap();
        zip.write_all(data).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

/// The parts of a zip archive, by name, in order.
fn parts_of(bytes: &[u8]) -> Vec<(String, Vec<u8>)> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    (0..zip.len())
        .map(|i| {
            let mut part = zip.by_index(i).unwrap();
            let mut data = Vec::new();
            part.read_to_end(&mut data).unwrap();
            (part.name().unwrap().into_owned(), data)
        })
        .collect()
}

/// A zip archive with one part's text changed by `edit`.
fn edited(bytes: &[u8], part: &str, edit: impl Fn(&str) -> String) -> Vec<u8> {
    let parts: Vec<(String, Vec<u8>)> = parts_of(bytes)
        .into_iter()
        .map(|(name, data)| {
            if name == part {
                let text = String::from_utf8(data).unwrap();
                let changed = edit(&text);
                assert_ne!(changed, text, "{part} was not changed");
                (name, changed.into_bytes())
            } else {
                (name, data)
            }
        })
        .collect();
    let borrowed: Vec<(&str, Vec<u8>)> =
        parts.iter().map(|(n, d)| (n.as_str(), d.clone())).collect();
    zip_of(&borrowed, true)
}

/// A small valid workbook: a header and one row, in a sheet named "Sheet1".
fn small_workbook() -> Vec<u8> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    let rows: [[&str; 7]; 2] = [
        [
            "decision", "signed", "action", "code", "level", "name", "field",
        ],
        [
            "10/QĐ-UBND",
            "2024-01-15",
            "added",
            "1.000001",
            "province",
            "Tên",
            "Hộ tịch",
        ],
    ];
    for (r, row) in rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            sheet
                .write_string(u32::try_from(r).unwrap(), u16::try_from(c).unwrap(), *cell)
                .unwrap();
        }
    }
    book.save_to_buffer().unwrap()
}

/// An ods spreadsheet whose `content.xml` holds these rows
/// (`<table:table-row>` elements).
fn ods_of(rows: &str) -> Vec<u8> {
    let content = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<office:document-content \
         xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" \
         xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" \
         xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" office:version=\"1.2\">\
         <office:body><office:spreadsheet><table:table table:name=\"Sheet1\">{rows}\
         </table:table></office:spreadsheet></office:body></office:document-content>"
    );
    let template = Path::new(DATA).join("fuzz/workbook/ods-two-rows-and-libreoffice-filler.ods");
    let mut parts = parts_of(&fs::read(template).unwrap());
    for (name, data) in &mut parts {
        if name == "content.xml" {
            *data = content.clone().into_bytes();
        }
    }
    let borrowed: Vec<(&str, Vec<u8>)> =
        parts.iter().map(|(n, d)| (n.as_str(), d.clone())).collect();
    zip_of(&borrowed, true)
}

/// An ods row of string cells.
fn ods_row(cells: &[&str]) -> String {
    let mut row = String::from("<table:table-row>");
    for cell in cells {
        let _ = write!(
            row,
            "<table:table-cell office:value-type=\"string\"><text:p>{cell}</text:p></table:table-cell>"
        );
    }
    row.push_str("</table:table-row>");
    row
}

/// A Word document whose body is `body` (`w:body` content).
fn docx_of(body: &str) -> Vec<u8> {
    let document = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document \
         xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>{body}\
         </w:body></w:document>"
    );
    zip_of(
        &[
            ("[Content_Types].xml", b"<Types/>".to_vec()),
            ("word/document.xml", document.into_bytes()),
        ],
        true,
    )
}

/// Writes `len` bytes made of `unit` repeated to `name` in the test's directory.
fn write_repeated(test: &Test, name: &str, head: &[u8], unit: &[u8], len: usize) {
    let mut file = std::io::BufWriter::new(fs::File::create(test.path(name)).unwrap());
    file.write_all(head).unwrap();
    let block: Vec<u8> = unit.iter().copied().cycle().take(1 << 20).collect();
    let mut written = head.len();
    while written < len {
        let n = block.len().min(len - written);
        file.write_all(&block[..n]).unwrap();
        written += n;
    }
    file.flush().unwrap();
}

const CSV_HEADER: &[u8] = b"decision,signed,action,code,level,name,field\n";

/// CSV without line ends: NUL bytes from a device (`tthc import /dev/zero`
/// grew to 13.7 GB in 75 s), 100 MB of commas (3.1 GB), 300 MB of one
/// character without a line end (`inspect` echoed 314 MB), a quote that
/// never closes, and a header of 100,000 columns (33 s, growing with the
/// square of the width).
#[cfg(target_os = "linux")]
#[test]
fn csv_without_line_ends_is_refused_within_limits() {
    let test = Test::new();
    write_repeated(&test, "commas.csv", b"", b",", 100 << 20);
    write_repeated(&test, "no-line-end.csv", b"", b"x", 300 << 20);
    write_repeated(
        &test,
        "unclosed.csv",
        &[CSV_HEADER, b"\""].concat(),
        b"15 ngay,\n",
        100 << 20,
    );
    let mut wide = String::new();
    for i in 0..100_000 {
        let _ = write!(wide, "column {i},");
    }
    wide.push_str("\n1,2\n");
    test.write("wide-header.csv", wide);
    // An annex as published (no action or level column) is read whole, its
    // rows laid out as wide as the widest: 16,000 columns by 200 rows.
    let mut annex = format!(
        "STT,Mã số TTHC,Tên thủ tục hành chính,Lĩnh vực{}\n",
        ",".repeat(15_996)
    );
    for i in 1..=200 {
        let _ = writeln!(annex, "{i},1.{i:06},Thủ tục {i},Hộ tịch");
    }
    test.write("wide-annex.csv", annex);
    let mut failures = Vec::new();
    for (file, expected) in [
        (
            "/dev/zero",
            "/dev/zero:1: the row starting on this line runs past 16 MB without a line end (limit on the length of a row: 16 MB)",
        ),
        (
            "commas.csv",
            "commas.csv:1: the row has more than 16384 cells (limit on the cells of a row: 16384)",
        ),
        (
            "no-line-end.csv",
            "no-line-end.csv:1: the row starting on this line runs past 16 MB",
        ),
        (
            "unclosed.csv",
            "unclosed.csv:2: the quote (\") that opens a cell on this line never closes: more than 16 MB follow",
        ),
        (
            "wide-header.csv",
            "wide-header.csv:1: the row has more than 16384 cells",
        ),
        (
            "wide-annex.csv",
            "wide-annex.csv:126: a decision as published is read whole, and this one's rows \
             span more than 2000000 cells (limit on the cells of a decision as published)",
        ),
    ] {
        failures.extend(refused_within_limits(&test, file, expected));
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// Crafted workbooks: an xlsx whose shared string table declares
/// 4,000,000,000 strings (the process aborted asking for 96 GB), 200,000
/// overlapping merged areas (minutes, growing with the square of the
/// count), one shared string of a megabyte in 100,000 cells (100 GB of
/// copies), an ods cell of `<text:s text:c="2000000000"/>` (6 GB) or of
/// 300,000,000 spaces (a 300 MB cell stored), and a Word document whose
/// table rows span 16,000 columns each.
#[cfg(target_os = "linux")]
#[test]
fn crafted_workbooks_and_documents_are_refused_within_limits() {
    let test = Test::new();
    let book = small_workbook();
    test.write(
        "strings.xlsx",
        edited(&book, "xl/sharedStrings.xml", |xml| {
            xml.replacen("uniqueCount=\"", "uniqueCount=\"4000000000\" x=\"", 1)
        }),
    );
    test.write(
        "merges.xlsx",
        edited(&book, "xl/worksheets/sheet1.xml", |xml| {
            let mut merges = String::from("<mergeCells count=\"200000\">");
            for i in 0..200_000 {
                let _ = write!(merges, "<mergeCell ref=\"F2:F{}\"/>", 200_001 - i);
            }
            merges.push_str("</mergeCells>");
            xml.replacen("</sheetData>", &format!("</sheetData>{merges}"), 1)
        }),
    );
    test.write(
        "shared-copies.xlsx",
        edited(&book, "xl/worksheets/sheet1.xml", |xml| {
            let mut rows = String::new();
            for r in 3..100_003 {
                let _ = write!(
                    rows,
                    "<row r=\"{r}\"><c r=\"F{r}\" t=\"s\"><v>0</v></c></row>"
                );
            }
            xml.replacen("</sheetData>", &format!("{rows}</sheetData>"), 1)
        }),
    );
    let shared = edited(
        &fs::read(test.path("shared-copies.xlsx")).unwrap(),
        "xl/sharedStrings.xml",
        |xml| {
            xml.replacen(
                "<t>decision</t>",
                &format!("<t>{}</t>", "d".repeat(1 << 20)),
                1,
            )
        },
    );
    test.write("shared-copies.xlsx", shared);
    let header = ods_row(&[
        "decision", "signed", "action", "code", "level", "name", "field",
    ]);
    for (name, spaces) in [
        ("spaces-2e9.ods", 2_000_000_000_u64),
        ("spaces-3e8.ods", 300_000_000),
    ] {
        let row = format!(
            "<table:table-row><table:table-cell office:value-type=\"string\"><text:p>a<text:s text:c=\"{spaces}\"/>b</text:p></table:table-cell></table:table-row>"
        );
        test.write(name, ods_of(&format!("{header}{row}")));
    }
    let mut rows = String::new();
    for _ in 0..100 {
        rows.push_str(
            "<w:tr><w:tc><w:tcPr><w:gridSpan w:val=\"16000\"/></w:tcPr><w:p><w:r><w:t>x</w:t></w:r></w:p></w:tc></w:tr>",
        );
    }
    test.write("wide.docx", docx_of(&format!("<w:tbl>{rows}</w:tbl>")));
    let mut failures = Vec::new();
    for (file, expected) in [
        (
            "strings.xlsx",
            "strings.xlsx: its shared string table holds or declares 4000000000 strings, more than tthc reads (limit on the strings of a workbook: 1000000)",
        ),
        (
            "merges.xlsx",
            "merges.xlsx: sheet \"Sheet1\" has 200000 merged areas, more than tthc reads (limit on the merged areas of a sheet: 100000)",
        ),
        (
            "shared-copies.xlsx",
            "shared-copies.xlsx: cannot read sheet \"Sheet1\": sheet \"Sheet1\" holds more than 32 MB of text in its cells (limit on the text of a sheet: 32 MB",
        ),
        (
            "spaces-2e9.ods",
            "spaces-2e9.ods: sheet \"Sheet1\" holds more than 32 MB of text in its cells (limit on the text of a sheet",
        ),
        (
            "spaces-3e8.ods",
            "spaces-3e8.ods: sheet \"Sheet1\" holds more than 32 MB of text",
        ),
        (
            "wide.docx",
            "wide.docx: the document's tables hold more than 1000000 cells (limit on the cells of a document)",
        ),
    ] {
        failures.extend(refused_within_limits(&test, file, expected));
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// An xls workbook with two bytes changed: the last row its Dimensions
/// record claims (calamine asked for 75 GB and the process aborted), or the
/// row and column of one cell, 65,535 apart from the others.
#[cfg(target_os = "linux")]
#[test]
fn xls_workbooks_with_two_bytes_changed_are_refused_within_limits() {
    let book = fs::read(Path::new(DATA).join("annex.xls")).unwrap();
    let test = Test::new();
    test.write("annex.xls", &book);
    let summary = test.import(&["annex.xls"]);
    assert_eq!(summary.rows, 2, "the workbook as saved imports");
    fs::remove_file(test.db()).unwrap();
    let find = |record: &[u8]| {
        book.windows(record.len())
            .position(|w| w == record)
            .unwrap_or_else(|| panic!("no record {record:x?} in annex.xls"))
    };
    // Dimensions (0x0200, 14 bytes): the two high bytes of its last row.
    let mut dims = book.clone();
    let at = find(&[0x00, 0x02, 0x0E, 0x00]) + 4 + 4 + 2;
    dims[at..at + 2].copy_from_slice(&[0xFF, 0x0F]);
    test.write("dimensions.xls", dims);
    // LabelSst (0x00FD, 10 bytes): the high bytes of its row and column.
    let mut cell = book.clone();
    let at = find(&[0xFD, 0x00, 0x0A, 0x00]) + 4;
    cell[at + 1] = 0xFF;
    cell[at + 3] = 0xFF;
    test.write("cell.xls", cell);
    let mut failures = Vec::new();
    for (file, expected) in [
        (
            "dimensions.xls",
            "dimensions.xls: a sheet is too large to read: its dimensions claim 268369923 rows and 7 columns, more than 2000000 cells (limit on the cells of a sheet)",
        ),
        (
            "cell.xls",
            "cell.xls: a sheet is too large to read: its cells reach over 65281 rows and 65280 columns, more than 2000000 cells",
        ),
    ] {
        failures.extend(refused_within_limits(&test, file, expected));
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// Overlapping merged areas below the limit are read in linear time: each
/// cell is filled once, however many areas cover it.
#[test]
fn overlapping_merged_areas_below_the_limit_are_read_in_linear_time() {
    let test = Test::new();
    let book = edited(&small_workbook(), "xl/worksheets/sheet1.xml", |xml| {
        let mut merges = String::from("<mergeCells count=\"90000\">");
        for i in 0..90_000 {
            let _ = write!(merges, "<mergeCell ref=\"G2:G{}\"/>", 90_001 - i);
        }
        merges.push_str("</mergeCells>");
        xml.replacen("</sheetData>", &format!("</sheetData>{merges}"), 1)
    });
    test.write("merges.xlsx", book);
    let start = Instant::now();
    let summary = test.import(&["merges.xlsx"]);
    assert_eq!(summary.rows, 1);
    assert!(
        start.elapsed() < Duration::from_secs(30),
        "{:?} for 90,000 overlapping areas",
        start.elapsed()
    );
}

/// A quote that opens a cell and never closes made the rest of the file
/// part of that cell: one row was imported, exit 0, and every later row
/// was lost without a word.
#[test]
fn a_quote_left_open_to_the_end_of_the_file_is_refused_naming_its_line() {
    let test = Test::new();
    test.write(
        "open-quote.csv",
        "decision,signed,action,code,level,name,field,processing_time\n\
         10/QĐ-UBND,2024-01-15,added,1.000001,province,Tên một,Hộ tịch,\"15 ngày\n\
         10/QĐ-UBND,2024-01-15,added,1.000002,province,Tên hai,Hộ tịch,10 ngày\n\
         10/QĐ-UBND,2024-01-15,added,1.000003,province,Tên ba,Hộ tịch,10 ngày\n",
    );
    test.tthc(&["import", "open-quote.csv"])
        .status(3)
        .stderr(
            "tthc: input rejected, nothing was written (1 problem):\n\
             open-quote.csv:2: the quote (\") that opens a cell on this line never closes: the file \
             ends inside it, so every line after it would be part of that cell; close the quote or remove it\n",
        )
        .run();
    assert!(!test.db().exists());
    test.tthc(&["inspect", "open-quote.csv"])
        .status(3)
        .stdout_has("open-quote.csv:2: the quote (\") that opens a cell on this line never closes")
        .run();
}

/// Rows of TCVN3 or VNI text pasted into a Unicode file that also holds
/// genuine Vietnamese were stored garbled: the encoding was judged on the
/// first 64 KB as a whole.
#[test]
fn legacy_text_in_one_cell_of_a_unicode_file_is_refused_naming_the_cell() {
    // "Hộ tịch" typed in TCVN3, read as Windows-1252.
    let garbled: String = b"H\xe9 t\xdech".iter().map(|&b| char::from(b)).collect();
    // "Đăng ký kết hôn" typed in VNI.
    let vni: String = b"\xd1a\xeeng ky\xf9 ke\xe1t ho\xe2n"
        .iter()
        .map(|&b| char::from(b))
        .collect();
    let mut csv = String::from("decision,signed,action,code,level,name,field\n");
    for i in 1..=2000 {
        let _ = writeln!(
            csv,
            "10/QĐ-UBND,2024-01-15,added,1.{i:06},province,Đăng ký khai sinh lần {i},Hộ tịch"
        );
    }
    let _ = writeln!(
        csv,
        "10/QĐ-UBND,2024-01-15,added,1.100001,province,Tên,{garbled}"
    );
    let _ = writeln!(
        csv,
        "10/QĐ-UBND,2024-01-15,added,1.100002,province,{vni},Hộ tịch"
    );
    assert!(
        csv.len() > 64 << 10,
        "the garbled rows must lie past the first 64 KB"
    );
    let test = Test::new();
    test.write("mixed.csv", csv);
    test.tthc(&["import", "mixed.csv"])
        .status(3)
        .stderr_has("mixed.csv:2002: column field: looks like TCVN3 (ABC) text shown as Unicode")
        .stderr_has("mixed.csv:2003: column name: looks like VNI text shown as Unicode")
        .run();
    assert!(!test.db().exists());
}

/// A file cut short while it was read (by a sync, an editor saving it) was
/// imported as if complete, its last row half empty.
#[cfg(target_os = "linux")]
#[test]
fn a_file_cut_short_while_it_is_read_is_refused() {
    let test = Test::new();
    let mut csv = String::from("decision,signed,action,code,level,name,field\n");
    for i in 1..=400_000 {
        let _ = writeln!(
            csv,
            "10/QĐ-UBND,2024-01-15,added,1.{i:06},province,Thủ tục số {i},Hộ tịch"
        );
    }
    test.write("big.csv", &csv);
    let path = test.path("big.csv");
    let mut child = Command::new(BIN)
        .args(["--db", DB, "import", "big.csv"])
        .current_dir(test.dir())
        .env_remove("TTHC_DB")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(fs::File::create(test.path("import.err")).unwrap())
        .spawn()
        .unwrap();
    // As soon as tthc has the file open, cut it to a third.
    let fds = format!("/proc/{}/fd", child.id());
    let start = Instant::now();
    let cut = loop {
        let open = fs::read_dir(&fds).is_ok_and(|entries| {
            entries
                .flatten()
                .any(|e| fs::read_link(e.path()).is_ok_and(|target| target == path))
        });
        if open {
            fs::OpenOptions::new()
                .write(true)
                .open(&path)
                .unwrap()
                .set_len(csv.len() as u64 / 3)
                .unwrap();
            break true;
        }
        if child.try_wait().unwrap().is_some() || start.elapsed() > Duration::from_secs(30) {
            break false;
        }
        std::thread::sleep(Duration::from_millis(1));
    };
    let exit = child.wait().unwrap();
    let stderr = test.read("import.err");
    assert!(cut, "tthc ended before the file could be cut: {stderr}");
    assert_eq!(exit.code(), Some(3), "{stderr}");
    assert!(
        stderr.contains("big.csv:") && stderr.contains("the file changed while it was read"),
        "{stderr}"
    );
    assert!(!test.db().exists());
}
