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

/// The row of the column header, under the title and the total.
const HEADER_ROW: u32 = 2;

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

/// The workbook of a catalog: `as_of` is the phrase after the title
/// ("tính đến ngày 01/07/2025"), `day` the date of the catalog.
pub(crate) fn annex(as_of: &str, day: Day, entries: &[CatalogEntry]) -> Result<Annex, Error> {
    let mut fit = Fit::default();
    let bytes = build(as_of, day, entries, &mut fit).map_err(|e| xlsx_error(&e))?;
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
    Error::Output(io::Error::other(format!("cannot build the workbook: {e}")))
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
    write_annex(sheet, &styles, as_of, entries, &counts, fit)?;
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

fn write_annex(
    sheet: &mut Worksheet,
    s: &Styles,
    as_of: &str,
    entries: &[CatalogEntry],
    counts: &Counts,
    fit: &mut Fit,
) -> Result<(), XlsxError> {
    sheet.set_name(ANNEX_SHEET)?;
    for (col, (_, width)) in COLUMNS.iter().enumerate() {
        sheet.set_column_width(col as u16, *width)?;
    }
    sheet.merge_range(
        0,
        0,
        0,
        LAST_COL,
        &format!("DANH MỤC THỦ TỤC HÀNH CHÍNH ({as_of})"),
        &s.title,
    )?;
    sheet.set_row_height(0, 36)?;
    sheet.merge_range(
        1,
        0,
        1,
        LAST_COL,
        &format!(
            "Tổng số: {} TTHC ({} thủ tục)",
            group_thousands(counts.total()),
            group_thousands(counts.procedures)
        ),
        &s.subtitle,
    )?;
    for (col, (name, _)) in COLUMNS.iter().enumerate() {
        sheet.write_string_with_format(HEADER_ROW, col as u16, *name, &s.header)?;
    }
    sheet.set_row_height(HEADER_ROW, 32)?;
    sheet.set_freeze_panes(HEADER_ROW + 1, 0)?;
    sheet.set_repeat_rows(HEADER_ROW, HEADER_ROW)?;

    let mut row = HEADER_ROW + 1;
    let levels = Level::ALL.into_iter().filter(|l| counts.level(*l) > 0);
    for (i, level) in levels.enumerate() {
        let heading = format!(
            "{}. THỦ TỤC HÀNH CHÍNH {} ({} TTHC)",
            section_letter(i),
            level.label_vi().to_uppercase(),
            group_thousands(counts.level(level))
        );
        sheet.merge_range(row, 0, row, LAST_COL, &heading, &s.section)?;
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
            let heading = fit.cell(&heading, || format!("the heading of field {}", clip(field)));
            sheet.merge_range(row, 0, row, LAST_COL, &heading, &s.field)?;
            row += 1;
            for e in group {
                stt += 1;
                sheet.write_number_with_format(row, 0, stt, &s.center)?;
                sheet.write_string_with_format(row, 1, super::code_label(e.code), &s.center)?;
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
                        format!(
                            "{} at {} level: {column}",
                            super::code_label(e.code),
                            e.level
                        )
                    });
                    sheet.write_string_with_format(row, col as u16 + 2, text.as_ref(), &s.cell)?;
                }
                row += 1;
            }
        }
    }
    sheet.merge_range(row, 0, row, LAST_COL, &total_line(counts), &s.total)?;

    sheet
        .set_landscape()
        .set_paper_size(A4)
        .set_margins(0.4, 0.4, 0.6, 0.6, 0.3, 0.3)
        .set_print_fit_to_pages(1, 0)
        .set_print_center_horizontally(true)
        .set_footer("&CTrang &P/&N");
    Ok(())
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
    sheet.set_column_width(0, 44)?;
    for col in 1..=4 {
        sheet.set_column_width(col, 14)?;
    }
    sheet.merge_range(
        0,
        0,
        0,
        4,
        &format!("SỐ LƯỢNG THỦ TỤC HÀNH CHÍNH ({as_of})"),
        &s.title,
    )?;
    sheet.set_row_height(0, 36)?;

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
        let label = fit.cell(field, || format!("the count of field {}", clip(field)));
        sheet.write_string_with_format(row, 0, label.as_ref(), &s.label)?;
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
    sheet.set_portrait().set_paper_size(A4);
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
