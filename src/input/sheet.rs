//! Decision files as workbooks (xlsx, and xls or ods alike) read with
//! calamine: the rows of one sheet as records, numbered as the sheet numbers
//! them.

use std::borrow::Cow;
use std::collections::HashMap;
use std::io::Cursor;

use calamine::{Data, DataRef, Dimensions, Ods, Range, Reader, SheetType, SheetVisible, Xls, Xlsx};
use csv::{ByteRecord, Position};

use super::Layout;
use super::columns::{Column, column_letter};
use super::records::{HeaderShape, Records, Step};
use super::sniff::FileFormat;
use crate::domain::text::fold;

type Bytes<'a> = Cursor<&'a [u8]>;

/// A workbook open in memory.
enum Book<'a> {
    Xlsx(Xlsx<Bytes<'a>>),
    Xls(Xls<Bytes<'a>>),
    Ods(Ods<Bytes<'a>>),
}

impl Book<'_> {
    fn sheets(&self) -> Vec<calamine::Sheet> {
        match self {
            Book::Xlsx(b) => b.sheets_metadata().to_vec(),
            Book::Xls(b) => b.sheets_metadata().to_vec(),
            Book::Ods(b) => b.sheets_metadata().to_vec(),
        }
    }

    fn range(&mut self, name: &str) -> Result<Range<Data>, String> {
        match self {
            Book::Xlsx(b) => {
                check_area(b, name)?;
                b.worksheet_range(name).map_err(|e| e.to_string())
            }
            Book::Xls(b) => b.worksheet_range(name).map_err(|e| e.to_string()),
            Book::Ods(b) => b.worksheet_range(name).map_err(|e| e.to_string()),
        }
    }

    /// Merged cell areas (ods has none that calamine reports).
    fn merges(&mut self, name: &str) -> Vec<Dimensions> {
        match self {
            Book::Xlsx(b) => b.merge_cells_by_sheet_name(name).unwrap_or_default(),
            Book::Xls(b) => b.merge_cells_by_sheet_name(name).unwrap_or_default(),
            Book::Ods(_) => Vec::new(),
        }
    }
}

thread_local! {
    /// Set while [`quietly`] runs code on this thread.
    static QUIET: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Runs `read`, turning a panic inside it into `None`, without the panic
/// message that would otherwise go to stderr. Panics elsewhere, on any
/// thread, are reported as before.
fn quietly<T>(read: impl FnOnce() -> T + std::panic::UnwindSafe) -> Option<T> {
    static HOOK: std::sync::Once = std::sync::Once::new();
    HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !QUIET.with(std::cell::Cell::get) {
                previous(info);
            }
        }));
    });
    QUIET.with(|q| q.set(true));
    let result = std::panic::catch_unwind(read);
    QUIET.with(|q| q.set(false));
    result.ok()
}

/// The most cells a sheet's used area may span. Its cells are laid out in
/// memory as a grid over that area: 2,000,000 cells (100,000 rows of 20
/// columns) take about 64 MB.
pub const MAX_CELLS: u64 = 2_000_000;
/// The most text the cells of a sheet may hold together, in bytes, a
/// string shared by many cells counted once for each: each cell holds its
/// own copy in memory.
pub const MAX_SHEET_TEXT: u64 = 32 << 20;
/// The most strings a workbook's shared string table may hold (or declare).
pub const MAX_STRINGS: u64 = 1_000_000;
/// The most merged areas a sheet may have.
pub const MAX_MERGES: usize = 100_000;

/// Refuses an xlsx sheet whose used area (from its first to its last cell)
/// is larger than [`MAX_CELLS`], reading its cells one by one without
/// keeping them: a stray cell far below or right of the table (or a
/// workbook made to exhaust memory) would otherwise ask for a grid of up to
/// 17 billion cells.
fn check_area(book: &mut Xlsx<Bytes<'_>>, name: &str) -> Result<(), String> {
    let mut cells = book
        .worksheet_cells_reader(name)
        .map_err(|e| e.to_string())?;
    let (mut first, mut last) = ((u32::MAX, u32::MAX), (0, 0));
    let mut count: u64 = 0;
    let mut text: u64 = 0;
    while let Some(cell) = cells.next_cell().map_err(|e| e.to_string())? {
        text += match cell.get_value() {
            DataRef::SharedString(s) => s.len() as u64,
            DataRef::String(s) | DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => {
                s.len() as u64
            }
            _ => 0,
        };
        if text > MAX_SHEET_TEXT {
            return Err(too_much_text(name));
        }
        let (row, col) = cell.get_position();
        first = (first.0.min(row), first.1.min(col));
        last = (last.0.max(row), last.1.max(col));
        count += 1;
        let area = (u64::from(last.0 - first.0) + 1) * (u64::from(last.1 - first.1) + 1);
        if area > MAX_CELLS || count > MAX_CELLS {
            return Err(crate::tr!(
                "input-sheet-cells-reach",
                first = cell_name(first),
                last = cell_name(last),
                limit = MAX_CELLS
            ));
        }
    }
    Ok(())
}

/// The message for a sheet whose cells hold more than [`MAX_SHEET_TEXT`].
fn too_much_text(sheet: &str) -> String {
    crate::tr!(
        "input-sheet-too-much-text",
        sheet = format!("{sheet:?}"),
        mb = MAX_SHEET_TEXT >> 20
    )
}

/// Refuses an xlsx workbook whose shared string table declares or holds
/// more than [`MAX_STRINGS`] strings, reading it as a stream before calamine
/// opens the workbook: calamine sets memory aside for the count the table
/// declares (`uniqueCount="4000000000"` asks for 96 GB).
fn check_shared_strings(bytes: &[u8]) -> Result<(), String> {
    use quick_xml::events::Event;

    let Ok(mut zip) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        return Ok(());
    };
    let parts: Vec<usize> = (0..zip.len())
        .filter(|&i| {
            zip.name_for_index(i).is_some_and(|n| {
                n.is_ok_and(|n| n.to_ascii_lowercase().ends_with("sharedstrings.xml"))
            })
        })
        .collect();
    let too_many = |n: u64| crate::tr!("input-sheet-strings", count = n, limit = MAX_STRINGS);
    for i in parts {
        let Ok(part) = zip.by_index(i) else {
            continue;
        };
        let mut xml = quick_xml::Reader::from_reader(std::io::BufReader::new(part));
        let mut buf = Vec::new();
        let mut strings: u64 = 0;
        // A part calamine cannot parse is refused by calamine.
        while let Ok(event) = xml.read_event_into(&mut buf) {
            match &event {
                Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == "sst" => {
                    for key in ["uniqueCount", "count"] {
                        let declared = e
                            .try_get_attribute(key)
                            .ok()
                            .flatten()
                            .and_then(|a| a.value.trim().parse().ok());
                        if let Some(n) = declared.filter(|n: &u64| *n > MAX_STRINGS) {
                            return Err(too_many(n));
                        }
                    }
                }
                Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == "si" => {
                    strings += 1;
                    if strings > MAX_STRINGS {
                        return Err(too_many(strings));
                    }
                }
                Event::Eof => break,
                _ => {}
            }
            buf.clear();
        }
    }
    Ok(())
}

/// The most a zipped workbook (xlsx, ods) may unpack to: calamine keeps its
/// shared strings, and the cells of a sheet, in memory. A decision's annex
/// unpacks to a few megabytes.
pub const MAX_UNPACKED: u64 = 128 << 20;

/// Refuses a zipped workbook whose parts unpack to more than
/// [`MAX_UNPACKED`] bytes (a file of a megabyte can unpack to gigabytes).
/// The sizes are those its directory declares, which the unzipping holds
/// each part to.
fn check_unpacked_size(bytes: &[u8]) -> Result<(), String> {
    let Ok(mut zip) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        return Ok(());
    };
    let mut total: u64 = 0;
    for i in 0..zip.len() {
        if let Ok(part) = zip.by_index_raw(i) {
            total = total.saturating_add(part.size());
        }
    }
    if total > MAX_UNPACKED {
        return Err(crate::tr!(
            "input-sheet-unpacks",
            mb = total >> 20,
            limit = MAX_UNPACKED >> 20
        ));
    }
    Ok(())
}

/// The problem with an ods sheet whose valued cells span these rows and
/// columns, if they span more than [`MAX_CELLS`].
fn area_problem(sheet: &str, rows: Option<(u64, u64)>, cols: Option<(u64, u64)>) -> Option<String> {
    let ((r0, r1), (c0, c1)) = (rows?, cols?);
    let area = (r1 - r0 + 1).saturating_mul(c1 - c0 + 1);
    (area > MAX_CELLS).then(|| {
        crate::tr!(
            "input-sheet-area",
            sheet = format!("{sheet:?}"),
            rows = r1 - r0 + 1,
            columns = c1 - c0 + 1,
            limit = MAX_CELLS
        )
    })
}

/// The text of an ods sheet as calamine will hold it: a repeated cell's
/// text is copied into every cell it stands for.
#[derive(Default)]
struct OdsText {
    in_cell: bool,
    /// Bytes of the cell being read, and how many cells it stands for.
    cell: u64,
    repeated: u64,
    /// Bytes of the sheet so far.
    sheet: u64,
}

impl OdsText {
    fn start_cell(&mut self, e: &quick_xml::events::BytesStart<'_>, empty: bool, repeated: u64) {
        self.in_cell = !empty;
        self.repeated = repeated;
        // A string value is text calamine keeps too.
        self.cell = match e.try_get_attribute("office:string-value") {
            Ok(Some(value)) => value.value.len() as u64,
            _ => 0,
        };
    }

    fn add(&mut self, bytes: u64) {
        if self.in_cell {
            self.cell = self.cell.saturating_add(bytes);
        }
    }

    /// Ends a cell of `sheet`; fails once its text passes [`MAX_SHEET_TEXT`].
    fn end_cell(&mut self, sheet: &str) -> Result<(), String> {
        if std::mem::take(&mut self.in_cell) {
            self.sheet = self
                .sheet
                .saturating_add(self.cell.saturating_mul(self.repeated));
        }
        if self.sheet > MAX_SHEET_TEXT {
            return Err(too_much_text(sheet));
        }
        Ok(())
    }
}

/// Refuses an ods spreadsheet with a sheet whose used area is
/// larger than [`MAX_CELLS`], or whose cells hold more than
/// [`MAX_SHEET_TEXT`] (`<text:s text:c="2000000000"/>` stands for two
/// billion spaces), reading its XML as a stream: a repeat count
/// lets a file of a kilobyte describe a hundred million cells, which
/// calamine would lay out in memory. Empty cells (no value, no text) are not
/// counted, as calamine leaves them out; repeated rows and cells are. Files
/// that are not ods pass (calamine then says what they are not).
fn check_ods_area(bytes: &[u8]) -> Result<(), String> {
    /// First and last row (or column), 0-based.
    type Span = (u64, u64);

    use quick_xml::events::{BytesStart, Event};

    let repeat = |e: &BytesStart<'_>, attr: &str| -> u64 {
        e.try_get_attribute(attr)
            .ok()
            .flatten()
            .and_then(|a| a.value.trim().parse().ok())
            .unwrap_or(1)
    };
    let Ok(mut zip) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        return Ok(());
    };
    let Ok(content) = zip.by_name("content.xml") else {
        return Ok(());
    };
    let mut xml = quick_xml::Reader::from_reader(std::io::BufReader::new(content));
    let mut buf = Vec::new();
    let mut sheet = String::new();
    // Next row and column, and the rows and columns that hold a value.
    let (mut row, mut col, mut row_repeat) = (0_u64, 0_u64, 1_u64);
    let (mut rows, mut cols): (Option<Span>, Option<Span>) = (None, None);
    let mut row_has_value = false;
    let mut text = OdsText::default();
    let widen = |span: &mut Option<Span>, first: u64, last: u64| {
        *span = Some(span.map_or((first, last), |(a, b)| (a.min(first), b.max(last))));
    };
    loop {
        // A file calamine cannot parse is refused by calamine, as before.
        let Ok(event) = xml.read_event_into(&mut buf) else {
            return Ok(());
        };
        let (start, empty) = match &event {
            Event::Start(e) => (Some(e), false),
            Event::Empty(e) => (Some(e), true),
            _ => (None, false),
        };
        if let Some(e) = start {
            match e.name().as_ref() {
                "table:table" => {
                    sheet = e
                        .try_get_attribute("table:name")
                        .ok()
                        .flatten()
                        .map(|a| a.value.into_owned())
                        .unwrap_or_default();
                    (row, rows, cols, text.sheet) = (0, None, None, 0);
                }
                "table:table-row" => {
                    row_repeat = repeat(e, "table:number-rows-repeated");
                    col = 0;
                    row_has_value = false;
                    if empty {
                        row = row.saturating_add(row_repeat);
                    }
                }
                "table:table-cell" | "table:covered-table-cell" => {
                    let cell_repeat = repeat(e, "table:number-columns-repeated");
                    let valued = !empty
                        || e.try_get_attribute("office:value-type")
                            .ok()
                            .flatten()
                            .is_some();
                    if valued && cell_repeat > 0 {
                        widen(&mut cols, col, col.saturating_add(cell_repeat - 1));
                        row_has_value = true;
                    }
                    col = col.saturating_add(cell_repeat);
                    text.start_cell(e, empty, cell_repeat.saturating_mul(row_repeat));
                }
                // Runs of spaces: `<text:s text:c="2000000000"/>`.
                "text:s" => text.add(repeat(e, "text:c")),
                "text:p" | "text:tab" | "text:line-break" => text.add(1),
                _ => {}
            }
        }
        match &event {
            Event::Text(t) => text.add(t.len() as u64),
            Event::End(e)
                if matches!(
                    e.name().as_ref(),
                    "table:table-cell" | "table:covered-table-cell"
                ) =>
            {
                text.end_cell(&sheet)?;
            }
            Event::End(e) if e.name().as_ref() == "table:table-row" => {
                if row_has_value && row_repeat > 0 {
                    widen(&mut rows, row, row.saturating_add(row_repeat - 1));
                }
                row = row.saturating_add(row_repeat);
            }
            Event::Eof => return Ok(()),
            _ => {}
        }
        if let Some(problem) = area_problem(&sheet, rows, cols) {
            return Err(problem);
        }
        buf.clear();
    }
}

/// `B7` for the 0-based position (6, 1).
fn cell_name((row, col): (u32, u32)) -> String {
    format!("{}{}", column_letter(col as usize), u64::from(row) + 1)
}

/// One sheet of a workbook, read as records: record `i` holds the cell of
/// column `i` (A = 0), and its line is the sheet's row number.
struct Sheet {
    name: String,
    /// The workbook's worksheets, in order.
    names: Vec<String>,
    format: FileFormat,
    range: Range<Data>,
    /// Next row to read (0-based).
    row: u32,
    merges: Vec<Dimensions>,
    /// Values of merged areas below the header, for the cells under their top cell.
    fills: HashMap<(u32, u32), Data>,
    /// The column each cell position maps to, once the header is known.
    kinds: Vec<Option<Column>>,
    /// Cells of the last record holding an Excel error (`#REF!`): position and error.
    errors: Vec<(usize, String)>,
}

impl Sheet {
    /// Opens the workbook in `bytes` and reads the sheet `wanted`, or the
    /// first visible worksheet.
    ///
    /// calamine can panic on a damaged workbook (an arithmetic overflow on an
    /// absurd cell reference such as `AAAAAAAAA1`); such a workbook is
    /// refused like any other that cannot be read, and the panic is not
    /// reported as a failure of tthc.
    fn open(bytes: &[u8], ole: bool, wanted: Option<&str>) -> Result<Sheet, String> {
        quietly(|| Sheet::read(bytes, ole, wanted))
            .unwrap_or_else(|| Err(unreadable(&crate::tr!("input-sheet-out-of-range"))))
    }

    fn read(bytes: &[u8], ole: bool, wanted: Option<&str>) -> Result<Sheet, String> {
        if ole {
            super::xls::check(bytes)?;
        } else {
            check_unpacked_size(bytes)?;
            check_shared_strings(bytes)?;
        }
        let cursor = Cursor::new(bytes);
        let (format, mut book) = if ole {
            let book = Xls::new(cursor).map_err(|e| unreadable(&e.to_string()))?;
            (FileFormat::Xls, Book::Xls(book))
        } else {
            match Xlsx::new(cursor.clone()) {
                Ok(book) => (FileFormat::Xlsx, Book::Xlsx(book)),
                Err(e) => {
                    // calamine lays out every sheet of an ods file as it opens it.
                    check_ods_area(bytes)?;
                    match Ods::new(cursor) {
                        Ok(book) => (FileFormat::Ods, Book::Ods(book)),
                        Err(_) => return Err(unreadable(&e.to_string())),
                    }
                }
            }
        };
        let sheets: Vec<calamine::Sheet> = book
            .sheets()
            .into_iter()
            .filter(|s| s.typ == SheetType::WorkSheet)
            .collect();
        let names: Vec<String> = sheets.iter().map(|s| s.name.clone()).collect();
        let name = match wanted {
            Some(wanted) => names
                .iter()
                .find(|n| *n == wanted)
                .or_else(|| names.iter().find(|n| fold(n) == fold(wanted)))
                .cloned()
                .ok_or_else(|| {
                    crate::tr!(
                        "input-no-such-sheet",
                        wanted = format!("{wanted:?}"),
                        sheets = sheet_list(&names)
                    )
                })?,
            None => sheets
                .iter()
                .find(|s| s.visible == SheetVisible::Visible)
                .or_else(|| sheets.first())
                .map(|s| s.name.clone())
                .ok_or_else(|| crate::tr!("input-no-worksheet"))?,
        };
        let range = book.range(&name).map_err(|e| {
            crate::tr!(
                "input-cannot-read-sheet",
                sheet = format!("{name:?}"),
                error = e.as_str()
            )
        })?;
        let merges = book.merges(&name);
        if merges.len() > MAX_MERGES {
            return Err(crate::tr!(
                "input-sheet-merges",
                sheet = format!("{name:?}"),
                count = merges.len(),
                limit = MAX_MERGES
            ));
        }
        let row = range.start().map_or(0, |s| s.0);
        Ok(Sheet {
            name,
            names,
            format,
            range,
            row,
            merges,
            fills: HashMap::new(),
            kinds: Vec::new(),
            errors: Vec::new(),
        })
    }

    /// Reads the next row into `record`; returns its row number (1-based).
    fn next_record(&mut self, record: &mut ByteRecord) -> Option<u64> {
        let end = self.range.end()?;
        if self.row > end.0 {
            return None;
        }
        let row = self.row;
        self.row += 1;
        record.clear();
        self.errors.clear();
        for col in 0..=end.1 {
            let mut cell = self
                .range
                .get_value((row, col))
                .filter(|d| **d != Data::Empty);
            if cell.is_none() && !self.fills.is_empty() {
                cell = self.fills.get(&(row, col));
            }
            let kind = self.kinds.get(col as usize).copied().flatten();
            match cell_text(cell, kind) {
                Ok(text) => record.push_field(text.as_bytes()),
                Err(error) => {
                    record.push_field(b"");
                    self.errors.push((col as usize, error));
                }
            }
        }
        let mut position = Position::new();
        position.set_line(u64::from(row) + 1);
        record.set_position(Some(position));
        Some(u64::from(row) + 1)
    }

    /// Fixes the header row (1-based) and the column of each position: from
    /// now on numbers read as those columns want them, and merged areas below
    /// the header give their value to every row they span.
    ///
    /// Only the rows of the sheet's used area are filled, and a cell that
    /// several merged areas cover (which Excel never writes) is filled once:
    /// the work is bounded by the area, however many areas overlap.
    fn set_header(&mut self, line: u64, kinds: Vec<Option<Column>>) {
        self.kinds = kinds;
        let header = u32::try_from(line.saturating_sub(1)).unwrap_or(u32::MAX);
        let last_row = self.range.end().map_or(0, |e| e.0);
        // Per column, the rows filled so far: an area starting inside them
        // adds only the rows below.
        let mut filled: HashMap<u32, Vec<(u32, u32)>> = HashMap::new();
        let mut merges = self.merges.clone();
        merges.sort_by_key(|area| (area.start.1, area.start.0));
        for area in &merges {
            if area.start.0 <= header || area.end.0 <= area.start.0 || area.start.0 >= last_row {
                continue;
            }
            let Some(value) = self
                .range
                .get_value(area.start)
                .filter(|d| **d != Data::Empty)
            else {
                continue;
            };
            let (from, to) = (area.start.0 + 1, area.end.0.min(last_row));
            let spans = filled.entry(area.start.1).or_default();
            // Areas of a column come sorted by their first row: only the
            // last span filled can reach into this one.
            let from = match spans.last() {
                Some(&(_, end)) if end >= from => end + 1,
                _ => from,
            };
            if from > to {
                continue;
            }
            for row in from..=to {
                self.fills.insert((row, area.start.1), value.clone());
            }
            match spans.last_mut() {
                Some(last) if last.1 + 1 >= from => last.1 = to,
                _ => spans.push((from, to)),
            }
        }
    }
}

/// The records of a sheet of a workbook.
pub(super) struct SheetRecords {
    sheet: Sheet,
    /// SHA-256 and size of the workbook.
    sha256: String,
    bytes: u64,
}

impl SheetRecords {
    /// Opens the workbook in `bytes` (an OLE file when `ole`, else a zip)
    /// and reads the sheet `wanted`, or the first visible worksheet; notes
    /// the format and the sheets in the layout. `sha256` and `size` are the
    /// workbook's. `Err` holds a problem with the whole file.
    pub(super) fn open(
        bytes: &[u8],
        ole: bool,
        wanted: Option<&str>,
        (sha256, size): (String, u64),
        layout: &mut Layout,
    ) -> Result<Self, String> {
        let sheet = Sheet::open(bytes, ole, wanted)?;
        layout.format = Some(sheet.format);
        layout.sheet = Some(sheet.name.clone());
        layout.sheets.clone_from(&sheet.names);
        Ok(SheetRecords {
            sheet,
            sha256,
            bytes: size,
        })
    }
}

impl Records for SheetRecords {
    fn next_record(&mut self, record: &mut ByteRecord) -> Step {
        self.sheet
            .next_record(record)
            .map_or(Step::End, Step::Record)
    }

    fn set_header(&mut self, line: u64, columns: Vec<Option<Column>>) {
        self.sheet.set_header(line, columns);
    }

    /// Excel errors (`#REF!`) in the known columns of the row.
    fn record_problems(
        &self,
        _record: &ByteRecord,
        line: u64,
        header: &HeaderShape<'_>,
    ) -> Vec<String> {
        self.sheet
            .errors
            .iter()
            .filter_map(|(i, error)| {
                let (_, col) = header.columns.iter().find(|(c, _)| c == i)?;
                Some(crate::tr!(
                    "input-sheet-excel-error",
                    column = header.labels.of(*col),
                    cell = format!("{}{line}", column_letter(*i)),
                    error = error.as_str()
                ))
            })
            .collect()
    }

    fn context(&self) -> String {
        format!(
            "{}: ",
            crate::tr!("input-sheet", sheet = format!("{:?}", self.sheet.name))
        )
    }

    fn empty_message(&self) -> String {
        crate::tr!(
            "input-empty-sheet",
            sheet = format!("{:?}", self.sheet.name)
        )
    }

    /// With several sheets, the header may be on another one.
    fn no_header_hint(&self) -> Option<String> {
        (self.sheet.names.len() > 1).then(|| {
            crate::tr!(
                "input-sheet-no-header",
                sheets = sheet_list(&self.sheet.names)
            )
        })
    }

    fn sha256(&self) -> String {
        self.sha256.clone()
    }

    fn bytes_read(&self) -> u64 {
        self.bytes
    }
}

/// The message for a file that looks like a workbook but is not one calamine reads.
fn unreadable(error: &str) -> String {
    crate::tr!("input-not-a-workbook", error = error)
}

/// "sheets "A", "B"" or "one sheet "A"".
fn sheet_list(names: &[String]) -> String {
    let quoted: Vec<String> = names.iter().map(|n| format!("{n:?}")).collect();
    match quoted.len() {
        0 => crate::tr!("input-sheets-none"),
        1 => crate::tr!("input-sheets-one", sheet = &quoted[0]),
        _ => crate::tr!("input-sheets", sheets = quoted.join(", ")),
    }
}

/// The text of a cell, as the column it is in reads it. A number in a code
/// column keeps its six decimals (Excel drops the zeros of 1.001610); a
/// date cell is an ISO date. `Err` holds an Excel error such as `#REF!`.
fn cell_text(cell: Option<&Data>, kind: Option<Column>) -> Result<Cow<'_, str>, String> {
    let Some(cell) = cell else {
        return Ok(Cow::Borrowed(""));
    };
    Ok(match cell {
        Data::String(s) if s.contains('\r') => Cow::Owned(s.replace("\r\n", "\n")),
        Data::String(s) | Data::DurationIso(s) => Cow::Borrowed(s.as_str()),
        Data::Float(f) if matches!(kind, Some(Column::Code | Column::Replaces)) => {
            Cow::Owned(code_number(*f))
        }
        Data::Float(f) => Cow::Owned(number(*f)),
        Data::Int(i) => Cow::Owned(i.to_string()),
        Data::Bool(b) => Cow::Borrowed(if *b { "TRUE" } else { "FALSE" }),
        Data::DateTime(dt) if dt.is_datetime() => {
            let (y, m, d, ..) = dt.to_ymd_hms_milli();
            Cow::Owned(format!("{y:04}-{m:02}-{d:02}"))
        }
        Data::DateTime(dt) => Cow::Owned(number(dt.as_f64())),
        Data::DateTimeIso(s) => match s.get(..10) {
            Some(date) if s.as_bytes().get(4) == Some(&b'-') => Cow::Borrowed(date),
            _ => Cow::Borrowed(s.as_str()),
        },
        Data::Error(e) => return Err(e.to_string()),
        Data::Empty => Cow::Borrowed(""),
    })
}

/// A number as Excel shows it in a General cell: no `.0` on whole numbers.
fn number(f: f64) -> String {
    if f.fract() == 0.0 && f.abs() < 1e15 {
        format!("{}", f as i64)
    } else {
        format!("{f}")
    }
}

/// A number in a code column: `d.dddddd` when it has at most six decimals.
fn code_number(f: f64) -> String {
    let scaled = f * 1e6;
    if (0.0..10.0).contains(&f) && (scaled - scaled.round()).abs() < 1e-3 {
        format!("{f:.6}")
    } else {
        number(f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_as_excel_shows_them() {
        assert_eq!(number(28000.0), "28000");
        assert_eq!(number(2.5), "2.5");
        assert_eq!(code_number(1.00161), "1.001610");
        assert_eq!(code_number(2.000_908), "2.000908");
        assert_eq!(code_number(1.001_612_3), "1.0016123");
        assert_eq!(code_number(12.5), "12.5");
    }

    #[test]
    fn sheet_lists() {
        assert_eq!(sheet_list(&["A".into()]), "one sheet \"A\"");
        assert_eq!(
            sheet_list(&["A".into(), "Phụ lục".into()]),
            "sheets \"A\", \"Phụ lục\""
        );
    }
}
