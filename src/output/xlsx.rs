//! The catalog as an Excel workbook laid out like the annex of a decision.
//!
//! Sheet "Danh mục": a title row, the column header (frozen and repeated on
//! every printed page), one section per level with entries ("A. THỦ TỤC HÀNH
//! CHÍNH CẤP TỈNH (n TTHC)"), inside it one sub-heading per field ("I. LĨNH
//! VỰC HỘ TỊCH (n TTHC)"), and a total line; A4 landscape, one page wide.
//! Sheet "Số lượng": the counts per level and per field.
//!
//! The workbook is built in memory; the same catalog and title give the same
//! bytes (the document's creation time is the day of the catalog).

use std::borrow::Cow;
use std::collections::HashMap;
use std::io;

use rust_xlsxwriter::{
    Color, DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, Workbook, Worksheet,
    XlsxError,
};

use super::{group_thousands, section_letter};
use crate::domain::text::fold;
use crate::domain::{CatalogEntry, Counts, Day, Level};
use crate::error::Error;

/// The columns of the annex: header and width in characters.
const COLUMNS: [(&str, f64); 7] = [
    ("STT", 6.0),
    ("Mã số TTHC", 12.0),
    ("Tên thủ tục hành chính", 48.0),
    ("Thời hạn giải quyết", 18.0),
    ("Phí, lệ phí", 20.0),
    ("Căn cứ pháp lý", 38.0),
    ("Cơ quan thực hiện", 26.0),
];
const LAST_COL: u16 = COLUMNS.len() as u16 - 1;

/// Sheet names.
pub(crate) const ANNEX_SHEET: &str = "Danh mục";
pub(crate) const COUNTS_SHEET: &str = "Số lượng";

/// The width of the annex sheet, in characters: the sum of its columns.
const ANNEX_WIDTH: f64 = 6.0 + 12.0 + 48.0 + 18.0 + 20.0 + 38.0 + 26.0;

/// The width of the counts sheet, in characters.
const COUNTS_WIDTH: f64 = 44.0 + 4.0 * 14.0;

/// Font sizes, in points: the text, and the title lines.
const BODY_SIZE: f64 = 12.0;
const TITLE_SIZE: f64 = 14.0;

/// Vietnamese official documents are set in Times New Roman.
const FONT: &str = "Times New Roman";
/// Paper size code of A4 in Excel's print setup.
const A4: u8 = 9;

/// The most characters a cell of Excel holds, counted in UTF-16 units.
pub(crate) const CELL_MAX: usize = 32_767;

/// A workbook, and the cells shortened to fit in it.
pub(crate) struct Annex {
    pub bytes: Vec<u8>,
    /// Each cell longer than Excel allows, as `1.000001 at province level:
    /// legal_basis`; its text in the workbook ends with a note.
    pub shortened: Vec<String>,
}

/// The heading of the annex sheet, above the column header.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct Heading<'a> {
    /// The province that publishes the catalog ("Tỉnh Yên Bái").
    pub province: Option<&'a str>,
    /// The title in place of "DANH MỤC THỦ TỤC HÀNH CHÍNH (tính đến …)".
    pub title: Option<&'a str>,
    /// The decision the annex is attached to ("2715/QĐ-UBND ngày 19/11/2025").
    pub attached_to: Option<&'a str>,
}

impl Heading<'_> {
    /// The lines above the column header: "PHỤ LỤC", the title, "(Kèm theo
    /// Quyết định số … của Chủ tịch UBND tỉnh …)" when a province or a
    /// decision is known, and the totals; each with whether it is bold.
    fn lines(&self, as_of: &str, totals: &str) -> Vec<(String, Line)> {
        let attached = self.province.is_some() || self.attached_to.is_some();
        let mut lines = Vec::new();
        if attached {
            lines.push(("PHỤ LỤC".to_owned(), Line::Title));
        }
        let title = self.title.map_or_else(
            || format!("DANH MỤC THỦ TỤC HÀNH CHÍNH ({as_of})"),
            str::to_owned,
        );
        lines.push((title, Line::Title));
        if attached {
            lines.push((attached_line(self.province, self.attached_to), Line::Note));
        }
        // A title of one's own says nothing of the date: the totals line does.
        let totals = match self.title {
            Some(_) => format!("({as_of}) {totals}"),
            None => totals.to_owned(),
        };
        lines.push((totals, Line::Note));
        lines
    }
}

/// How a line of the heading is set.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Line {
    /// Bold, larger.
    Title,
    /// Italic.
    Note,
}

/// "(Kèm theo Quyết định số 2715/QĐ-UBND ngày 19/11/2025 của Chủ tịch UBND
/// tỉnh Yên Bái)"; what is not known is left as dots for the clerk to fill in.
fn attached_line(province: Option<&str>, attached_to: Option<&str>) -> String {
    let decision = attached_to.unwrap_or("……/QĐ-UBND ngày …/…/……");
    let province = province.map_or_else(|| "tỉnh ……".to_owned(), of_province);
    format!("(Kèm theo Quyết định số {decision} của Chủ tịch UBND {province})")
}

/// A province as it follows "Chủ tịch UBND": "Tỉnh Yên Bái" -> "tỉnh Yên
/// Bái", "Thành phố Hà Nội" -> "thành phố Hà Nội", "Yên Bái" -> "tỉnh Yên Bái".
fn of_province(province: &str) -> String {
    let province = crate::domain::text::clean(province)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let folded = fold(&province);
    for kind in ["tỉnh", "thành phố"] {
        if let Some(rest) = folded.strip_prefix(kind)
            && (rest.is_empty() || rest.starts_with(' '))
        {
            // The kind word in lower case, the name as written.
            let name = province.chars().skip(kind.chars().count());
            return format!("{kind}{}", name.collect::<String>());
        }
    }
    format!("tỉnh {province}")
}

/// The workbook of a catalog: `as_of` is the phrase after the title
/// ("tính đến ngày 01/07/2025"), `day` the date of the catalog.
pub(crate) fn annex(
    as_of: &str,
    day: Day,
    heading: &Heading<'_>,
    entries: &[CatalogEntry],
) -> Result<Annex, Error> {
    let mut fit = Fit::default();
    let bytes = build(as_of, day, heading, entries, &mut fit).map_err(|e| xlsx_error(&e))?;
    Ok(Annex {
        bytes,
        shortened: fit.shortened,
    })
}

/// Fits texts into cells of Excel, and remembers which were shortened.
#[derive(Default)]
struct Fit {
    shortened: Vec<String>,
}

impl Fit {
    /// The text whole, or, when it is longer than a cell holds, its
    /// beginning followed by a note that says how much was left out and where
    /// to read it whole; `what` names the cell.
    fn cell<'a>(&mut self, text: &'a str, what: impl FnOnce() -> String) -> Cow<'a, str> {
        if text.len() <= CELL_MAX || text.encode_utf16().count() <= CELL_MAX {
            return Cow::Borrowed(text);
        }
        let total = text.chars().count();
        // The note's length depends on the count it gives: leave room for the longest.
        let room = CELL_MAX - note(total).encode_utf16().count();
        let (mut used, mut kept, mut end) = (0, 0, 0);
        for (i, c) in text.char_indices() {
            if used + c.len_utf16() > room {
                break;
            }
            used += c.len_utf16();
            kept += 1;
            end = i + c.len_utf8();
        }
        let what = what();
        if !self.shortened.contains(&what) {
            self.shortened.push(what);
        }
        Cow::Owned(format!("{}{}", &text[..end], note(total - kept)))
    }
}

/// The first 40 characters of a long text, to name it in a message.
fn clip(text: &str) -> String {
    match text.char_indices().nth(40) {
        Some((end, _)) => format!("\"{}…\"", &text[..end]),
        None => format!("\"{text}\""),
    }
}

/// What ends a shortened cell: how many characters were left out, and where
/// to read the text whole.
fn note(left_out: usize) -> String {
    format!(
        " … (cắt bớt {} ký tự: một ô Excel chứa tối đa 32.767 ký tự; toàn văn: tthc export --format csv)",
        group_thousands(left_out as u64)
    )
}

fn xlsx_error(e: &XlsxError) -> Error {
    Error::Output(io::Error::other(crate::tr!(
        "export-workbook-failed",
        error = e.to_string()
    )))
}

/// The cell formats of the workbook.
struct Styles {
    title: Format,
    subtitle: Format,
    header: Format,
    section: Format,
    field: Format,
    cell: Format,
    center: Format,
    total: Format,
    number: Format,
    label: Format,
}

impl Styles {
    fn new() -> Styles {
        let base = Format::new()
            .set_font_name(FONT)
            .set_font_size(12)
            .set_align(FormatAlign::VerticalCenter);
        let boxed = base.clone().set_border(FormatBorder::Thin).set_text_wrap();
        Styles {
            title: base
                .clone()
                .set_bold()
                .set_font_size(14)
                .set_align(FormatAlign::Center)
                .set_text_wrap(),
            subtitle: base
                .clone()
                .set_italic()
                .set_align(FormatAlign::Center)
                .set_text_wrap(),
            header: boxed
                .clone()
                .set_bold()
                .set_align(FormatAlign::Center)
                .set_background_color(Color::RGB(0x00D9_E1F2)),
            section: boxed
                .clone()
                .set_bold()
                .set_background_color(Color::RGB(0x00F2_F2F2)),
            field: boxed.clone().set_bold().set_italic(),
            cell: boxed.clone().set_align(FormatAlign::Top),
            center: boxed
                .clone()
                .set_align(FormatAlign::Top)
                .set_align(FormatAlign::Center),
            total: boxed.clone().set_bold(),
            number: boxed.clone().set_align(FormatAlign::Center),
            label: boxed,
        }
    }
}

fn build(
    as_of: &str,
    day: Day,
    heading: &Heading<'_>,
    entries: &[CatalogEntry],
    fit: &mut Fit,
) -> Result<Vec<u8>, XlsxError> {
    let styles = Styles::new();
    let counts = Counts::of(entries);
    let mut workbook = Workbook::new();
    let date = day.date();
    let created = ExcelDateTime::from_ymd(
        u16::try_from(chrono::Datelike::year(&date)).unwrap_or(1900),
        chrono::Datelike::month(&date) as u8,
        chrono::Datelike::day(&date) as u8,
    )
    .or_else(|_| ExcelDateTime::from_ymd(1900, 1, 1))?;
    workbook.set_properties(
        &DocProperties::new()
            .set_title(format!("Danh mục thủ tục hành chính ({as_of})"))
            .set_author("tthc")
            .set_creation_datetime(&created),
    );
    let sheet = workbook.add_worksheet();
    write_annex(sheet, &styles, as_of, heading, entries, &counts, fit)?;
    let sheet = workbook.add_worksheet();
    write_counts(sheet, &styles, as_of, entries, &counts, fit)?;
    workbook.save_to_buffer()
}

/// The entries of one level grouped by field, in the order the fields first
/// appear; fields that differ only in case or in a leading "Lĩnh vực" share
/// a group.
fn by_field<'a>(
    entries: impl Iterator<Item = &'a CatalogEntry>,
) -> Vec<(String, Vec<&'a CatalogEntry>)> {
    let mut groups: Vec<(String, Vec<&CatalogEntry>)> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    for e in entries {
        let name = field_name(&e.details.field);
        let i = *index.entry(name.clone()).or_insert_with(|| {
            groups.push((name, Vec::new()));
            groups.len() - 1
        });
        groups[i].1.push(e);
    }
    for (_, group) in &mut groups {
        group.sort_by_key(|e| e.code);
    }
    groups
}

/// The field's name as a heading shows it: upper case, without a leading
/// "Lĩnh vực" (the heading adds it).
fn field_name(field: &str) -> String {
    let folded = fold(field);
    let rest = folded
        .strip_prefix("lĩnh vực")
        .filter(|r| r.is_empty() || r.starts_with(' '))
        .map_or(folded.as_str(), str::trim_start);
    if rest.is_empty() {
        "KHÁC".to_owned()
    } else {
        rest.to_uppercase()
    }
}

/// Writes the lines above the column header; returns the row of the header.
fn write_heading(
    sheet: &mut Worksheet,
    s: &Styles,
    as_of: &str,
    heading: &Heading<'_>,
    counts: &Counts,
    fit: &mut Fit,
) -> Result<u32, XlsxError> {
    let totals = format!(
        "Tổng số: {} TTHC ({} thủ tục)",
        group_thousands(counts.total()),
        group_thousands(counts.procedures)
    );
    let mut header_row = 0;
    for (text, line) in heading.lines(as_of, &totals) {
        let text = fit.cell(&text, || crate::tr!("export-cell-title"));
        let (format, size, bold) = match line {
            Line::Title => (&s.title, TITLE_SIZE, true),
            Line::Note => (&s.subtitle, BODY_SIZE, false),
        };
        sheet.merge_range(header_row, 0, header_row, LAST_COL, &text, format)?;
        let height = Text::new(&text, size, bold).height(ANNEX_WIDTH);
        sheet.set_row_height(header_row, height.max(if bold { 24.0 } else { 0.0 }))?;
        header_row += 1;
    }
    Ok(header_row)
}

fn write_annex(
    sheet: &mut Worksheet,
    s: &Styles,
    as_of: &str,
    heading: &Heading<'_>,
    entries: &[CatalogEntry],
    counts: &Counts,
    fit: &mut Fit,
) -> Result<(), XlsxError> {
    sheet.set_name(ANNEX_SHEET)?;
    for (col, (_, width)) in COLUMNS.iter().enumerate() {
        sheet.set_column_width(col as u16, *width)?;
    }
    let header_row = write_heading(sheet, s, as_of, heading, counts, fit)?;
    for (col, (name, _)) in COLUMNS.iter().enumerate() {
        sheet.write_string_with_format(header_row, col as u16, *name, &s.header)?;
    }
    let header_height = COLUMNS
        .iter()
        .map(|(name, width)| Text::new(name, BODY_SIZE, true).height(*width))
        .fold(0.0, f64::max);
    sheet.set_row_height(header_row, header_height.max(32.0))?;
    sheet.set_freeze_panes(header_row + 1, 0)?;
    sheet.set_repeat_rows(header_row, header_row)?;

    let mut row = header_row + 1;
    let levels = Level::ALL.into_iter().filter(|l| counts.level(*l) > 0);
    for (i, level) in levels.enumerate() {
        let heading = format!(
            "{}. THỦ TỤC HÀNH CHÍNH {} ({} TTHC)",
            section_letter(i),
            level.label_vi().to_uppercase(),
            group_thousands(counts.level(level))
        );
        sheet.merge_range(row, 0, row, LAST_COL, &heading, &s.section)?;
        sheet.set_row_height(
            row,
            Text::new(&heading, BODY_SIZE, true).height(ANNEX_WIDTH),
        )?;
        row += 1;
        let mut stt: u32 = 0;
        for (n, (field, group)) in by_field(entries.iter().filter(|e| e.level == level))
            .iter()
            .enumerate()
        {
            let heading = format!(
                "{}. LĨNH VỰC {field} ({} TTHC)",
                roman(n + 1),
                group_thousands(group.len() as u64)
            );
            let heading = fit.cell(&heading, || {
                crate::tr!("export-cell-field-heading", field = clip(field))
            });
            sheet.merge_range(row, 0, row, LAST_COL, &heading, &s.field)?;
            sheet.set_row_height(
                row,
                Text::new(&heading, BODY_SIZE, true).height(ANNEX_WIDTH),
            )?;
            row += 1;
            for e in group {
                stt += 1;
                sheet.write_number_with_format(row, 0, stt, &s.center)?;
                let code = super::code_label(e.code);
                sheet.write_string_with_format(row, 1, &code, &s.center)?;
                let mut height = Text::new(&code, BODY_SIZE, false).height(COLUMNS[1].1);
                let d = &e.details;
                let cells = [
                    ("name", &d.name),
                    ("processing_time", &d.processing_time),
                    ("fee", &d.fee),
                    ("legal_basis", &d.legal_basis),
                    ("agency", &d.agency),
                ];
                for (col, (column, text)) in cells.into_iter().enumerate() {
                    let text = fit.cell(text, || {
                        crate::tr!(
                            "export-cell-entry",
                            code = super::code_label(e.code),
                            level = e.level.word(),
                            column = super::field_word(column)
                        )
                    });
                    sheet.write_string_with_format(row, col as u16 + 2, text.as_ref(), &s.cell)?;
                    let width = COLUMNS[col + 2].1;
                    height = height.max(Text::new(&text, BODY_SIZE, false).height(width));
                }
                sheet.set_row_height(row, height)?;
                row += 1;
            }
        }
    }
    let total = total_line(counts);
    sheet.merge_range(row, 0, row, LAST_COL, &total, &s.total)?;
    sheet.set_row_height(row, Text::new(&total, BODY_SIZE, true).height(ANNEX_WIDTH))?;

    sheet
        .set_landscape()
        .set_paper_size(A4)
        .set_margins(0.4, 0.4, 0.6, 0.6, 0.3, 0.3)
        .set_print_fit_to_pages(1, 0)
        .set_print_center_horizontally(true)
        .set_footer("&CTrang &P/&N");
    Ok(())
}

/// A cell's text as it is set, to estimate the height of its row: neither
/// `rust_xlsxwriter` nor the xlsx format fits a row to its wrapped text (Excel
/// does so only when the file is edited), so each row is given the height
/// of its tallest cell, wrapped as a spreadsheet wraps it.
struct Text<'a> {
    content: &'a str,
    /// The font size, in points.
    size: f64,
    bold: bool,
}

/// The height of a line of text per point of font size: Times New Roman
/// sets 12-point text 15.75 points apart in Excel; a little more leaves room
/// for the stacked diacritics of Vietnamese capitals (Ấ, Ễ).
const LINE_SPACING: f64 = 1.32;

/// Points above and below the text of a cell.
const CELL_PADDING: f64 = 5.0;

/// The height the xlsx format tops rows at, in points.
const MAX_ROW_HEIGHT: f64 = 409.0;

impl<'a> Text<'a> {
    fn new(text: &'a str, size: f64, bold: bool) -> Text<'a> {
        Text {
            content: text,
            size,
            bold,
        }
    }

    /// The height, in points, of a row that shows the text whole in a
    /// column `width` characters wide (Excel's unit: the width of a digit
    /// of the default font, 7 pixels, with 5 pixels of margin).
    fn height(&self, width: f64) -> f64 {
        let lines = f64::from(self.lines(width));
        (lines * self.size * LINE_SPACING + CELL_PADDING).min(MAX_ROW_HEIGHT)
    }

    /// The lines the text takes when wrapped at word boundaries (a word
    /// longer than a line is broken) in a column `width` characters wide.
    fn lines(&self, width: f64) -> u32 {
        // The column in points (a pixel is 3/4 point), less the cell's
        // inner margins, then in ems of the font.
        let points = (width * 7.0 + 5.0) * 0.75 - 6.0;
        // Widths are over-estimated by a tenth: a row a little too tall is
        // better than text running into the next one.
        let line = points / self.size / 1.1;
        let scale = if self.bold { 1.08 } else { 1.0 };
        let mut lines = 0;
        for paragraph in self.content.split('\n') {
            let mut used: f64 = 0.0;
            let mut count = 1;
            for word in paragraph.split(' ') {
                let w = word.chars().map(em_width).sum::<f64>() * scale;
                let space = if used > 0.0 { em_width(' ') } else { 0.0 };
                if used > 0.0 && used + space + w <= line {
                    used += space + w;
                    continue;
                }
                if used > 0.0 {
                    count += 1;
                }
                // A word wider than a line is broken across lines.
                let mut w = w;
                while w > line {
                    count += 1;
                    w -= line;
                }
                used = w;
            }
            lines += count;
        }
        lines.max(1)
    }
}

/// The width of a character of Times New Roman, in ems: narrow letters and
/// punctuation, lower case and digits, capitals, and the widest letters.
/// Vietnamese letters are as wide as their base letter.
fn em_width(c: char) -> f64 {
    match c {
        ' ' => 0.25,
        'i' | 'j' | 'l' | 't' | '.' | ',' | ';' | ':' | '\'' | '!' | '|' | 'ì' | 'í' | 'ỉ'
        | 'ĩ' | 'ị' => 0.28,
        'f' | 'r' | 'I' | '(' | ')' | '[' | ']' | '/' | '-' | '"' => 0.34,
        'm' | 'w' | 'M' | 'W' | '%' | '@' => 0.95,
        c if c.is_ascii_digit() => 0.5,
        c if c.is_uppercase() => 0.73,
        c if c.is_lowercase() => 0.5,
        _ => 0.6,
    }
}

/// "TỔNG SỐ: 1.295 TTHC (cấp tỉnh: 900; cấp huyện: 0; cấp xã: 395)".
fn total_line(counts: &Counts) -> String {
    let parts: Vec<String> = Level::ALL
        .iter()
        .map(|l| {
            format!(
                "{}: {}",
                l.label_vi().to_lowercase(),
                group_thousands(counts.level(*l))
            )
        })
        .collect();
    format!(
        "TỔNG SỐ: {} TTHC ({})",
        group_thousands(counts.total()),
        parts.join("; ")
    )
}

fn write_counts(
    sheet: &mut Worksheet,
    s: &Styles,
    as_of: &str,
    entries: &[CatalogEntry],
    counts: &Counts,
    fit: &mut Fit,
) -> Result<(), XlsxError> {
    sheet.set_name(COUNTS_SHEET)?;
    let title = format!("SỐ LƯỢNG THỦ TỤC HÀNH CHÍNH ({as_of})");
    sheet.set_column_width(0, 44)?;
    for col in 1..=4 {
        sheet.set_column_width(col, 14)?;
    }
    sheet.merge_range(0, 0, 0, 4, &title, &s.title)?;
    sheet.set_row_height(0, Text::new(&title, TITLE_SIZE, true).height(COUNTS_WIDTH))?;

    sheet.write_string_with_format(2, 0, "Cấp thực hiện", &s.header)?;
    sheet.write_string_with_format(2, 1, "Số TTHC", &s.header)?;
    let mut row = 3;
    for level in Level::ALL {
        sheet.write_string_with_format(row, 0, level.label_vi(), &s.label)?;
        sheet.write_number_with_format(row, 1, as_f64(counts.level(level)), &s.number)?;
        row += 1;
    }
    sheet.write_string_with_format(row, 0, "Tổng số TTHC", &s.total)?;
    sheet.write_number_with_format(row, 1, as_f64(counts.total()), &s.number)?;
    row += 1;
    sheet.write_string_with_format(row, 0, "Số thủ tục (mã số khác nhau)", &s.total)?;
    sheet.write_number_with_format(row, 1, as_f64(counts.procedures), &s.number)?;
    row += 2;

    // Per field: one row per field, a column per level.
    sheet.write_string_with_format(row, 0, "Lĩnh vực", &s.header)?;
    for (col, level) in Level::ALL.iter().enumerate() {
        sheet.write_string_with_format(row, col as u16 + 1, level.label_vi(), &s.header)?;
    }
    sheet.write_string_with_format(row, 4, "Tổng số", &s.header)?;
    row += 1;
    let mut fields: Vec<(String, [u64; 3])> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    for level in Level::ALL {
        for (field, group) in by_field(entries.iter().filter(|e| e.level == level)) {
            let i = *index.entry(field.clone()).or_insert_with(|| {
                fields.push((field, [0; 3]));
                fields.len() - 1
            });
            fields[i].1[level.index()] = group.len() as u64;
        }
    }
    fields.sort_by(|a, b| crate::domain::collation::compare(&a.0, &b.0));
    for (field, per_level) in &fields {
        let label = fit.cell(field, || {
            crate::tr!("export-cell-field-count", field = clip(field))
        });
        sheet.write_string_with_format(row, 0, label.as_ref(), &s.label)?;
        sheet.set_row_height(row, Text::new(&label, BODY_SIZE, false).height(44.0))?;
        for (col, n) in per_level.iter().enumerate() {
            sheet.write_number_with_format(row, col as u16 + 1, as_f64(*n), &s.number)?;
        }
        let sum: u64 = per_level.iter().sum();
        sheet.write_number_with_format(row, 4, as_f64(sum), &s.number)?;
        row += 1;
    }
    sheet.write_string_with_format(row, 0, "Tổng số", &s.total)?;
    for level in Level::ALL {
        sheet.write_number_with_format(
            row,
            level.index() as u16 + 1,
            as_f64(counts.level(level)),
            &s.number,
        )?;
    }
    sheet.write_number_with_format(row, 4, as_f64(counts.total()), &s.number)?;
    // One page: the counts are read at a glance, and filed as one sheet.
    sheet
        .set_portrait()
        .set_paper_size(A4)
        .set_print_fit_to_pages(1, 1)
        .set_print_center_horizontally(true);
    Ok(())
}

/// Counts as cell values; they are far below 2^52.
#[allow(clippy::cast_precision_loss, reason = "counts are far below 2^52")]
fn as_f64(count: u64) -> f64 {
    count as f64
}

/// Roman numerals for the field sub-headings: 1 -> "I", 14 -> "XIV".
pub(crate) fn roman(mut n: usize) -> String {
    const NUMERALS: [(usize, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (value, numeral) in NUMERALS {
        while n >= value {
            out.push_str(numeral);
            n -= value;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_longer_than_a_cell_is_shortened_with_a_note_and_named() {
        let mut fit = Fit::default();
        assert_eq!(fit.cell("ngắn", || "short".to_owned()), "ngắn");
        // Exactly as long as a cell holds, in UTF-16 units (an emoji takes two).
        let full = format!("{}{}", "ệ".repeat(CELL_MAX - 2), "😀");
        assert_eq!(fit.cell(&full, || "full".to_owned()), full.as_str());
        assert!(fit.shortened.is_empty());
        let long = format!("{}{}", "😀".repeat(20_000), "Đất đai".repeat(100));
        let cell = fit.cell(&long, || "1.000001 at province level: fee".to_owned());
        assert!(cell.encode_utf16().count() <= CELL_MAX);
        assert!(cell.encode_utf16().count() > CELL_MAX - 200);
        assert!(cell.starts_with("😀😀"));
        let kept = cell.split(" … (").next().unwrap().chars().count();
        let total = long.chars().count();
        assert!(
            cell.ends_with(&note(total - kept)),
            "{}",
            &cell[cell.len() - 150..]
        );
        assert_eq!(fit.shortened, ["1.000001 at province level: fee"]);
    }

    #[test]
    fn roman_numerals() {
        let cases = [
            (1, "I"),
            (2, "II"),
            (3, "III"),
            (4, "IV"),
            (9, "IX"),
            (14, "XIV"),
            (40, "XL"),
            (49, "XLIX"),
            (90, "XC"),
            (1994, "MCMXCIV"),
        ];
        for (n, expected) in cases {
            assert_eq!(roman(n), expected, "{n}");
        }
    }

    #[test]
    fn field_headings_are_upper_case_without_a_repeated_lĩnh_vực() {
        assert_eq!(field_name("Hộ tịch"), "HỘ TỊCH");
        assert_eq!(field_name("Lĩnh vực Đất đai"), "ĐẤT ĐAI");
        assert_eq!(field_name("  lĩnh  vực   đường bộ "), "ĐƯỜNG BỘ");
        assert_eq!(field_name("Lĩnh vựcx"), "LĨNH VỰCX");
        assert_eq!(field_name(""), "KHÁC");
    }

    #[test]
    fn the_attached_line_names_the_decision_and_the_province_as_after_chủ_tịch_ubnd() {
        assert_eq!(
            attached_line(Some("Tỉnh Yên Bái"), Some("2715/QĐ-UBND ngày 19/11/2025")),
            "(Kèm theo Quyết định số 2715/QĐ-UBND ngày 19/11/2025 của Chủ tịch UBND tỉnh Yên Bái)"
        );
        assert_eq!(of_province("THÀNH PHỐ  Hà Nội"), "thành phố Hà Nội");
        assert_eq!(of_province("Yên Bái"), "tỉnh Yên Bái");
        assert_eq!(of_province("Tỉnhlộ"), "tỉnh Tỉnhlộ");
        assert_eq!(
            attached_line(None, None),
            "(Kèm theo Quyết định số ……/QĐ-UBND ngày …/…/…… của Chủ tịch UBND tỉnh ……)"
        );
    }

    #[test]
    fn a_row_is_as_tall_as_its_wrapped_text() {
        let short = Text::new("Hộ tịch", BODY_SIZE, false);
        assert_eq!(short.lines(20.0), 1);
        let long =
            "Cấp giấy phép hoạt động phát điện thuộc thẩm quyền cấp của Ủy ban nhân dân cấp tỉnh";
        // LibreOffice sets it on two lines in a 48-wide column; the
        // estimate leaves room to spare, but not a page of it.
        assert_eq!(Text::new(long, BODY_SIZE, false).lines(48.0), 3);
        assert!(Text::new(long, BODY_SIZE, false).lines(18.0) >= 5);
        // Line breaks start lines of their own, and blank lines count.
        assert_eq!(Text::new("a\nb\n\nc", BODY_SIZE, false).lines(20.0), 4);
        // A word longer than a line is broken.
        assert_eq!(Text::new(&"x".repeat(100), BODY_SIZE, false).lines(48.0), 3);
        let one = short.height(20.0);
        assert!((20.0..=22.0).contains(&one), "{one}");
        assert!(Text::new(&"dòng\n".repeat(1000), BODY_SIZE, false).height(20.0) <= 409.0);
    }

    #[test]
    fn the_total_line_names_every_level() {
        let counts = Counts {
            province: 1295,
            district: 0,
            commune: 395,
            procedures: 1500,
            ..Counts::default()
        };
        assert_eq!(
            total_line(&counts),
            "TỔNG SỐ: 1.690 TTHC (cấp tỉnh: 1.295; cấp huyện: 0; cấp xã: 395)"
        );
    }
}
