//! The catalog at a point as csv, JSON or a table, and the records its csv
//! rows and JSON objects share (also those of `search` and `counts`).

use std::io::Write;

use serde::Serialize;

use super::{
    Format, as_of_text, code_text, count_text, known_at_text, level_name, section_letter, table,
    write_json,
};
use crate::domain::{CatalogEntry, Code, Counts, Day, Level, Point};
use crate::error::Error;

/// One exported entry: the csv row and the JSON object share this shape,
/// and differ only in how they name the decision (`D`).
#[derive(Debug, Serialize)]
pub(crate) struct Entry<'a, D> {
    pub level: &'static str,
    pub code: CodeCell,
    pub name: &'a str,
    pub field: &'a str,
    pub agency: &'a str,
    pub processing_time: &'a str,
    pub fee: &'a str,
    pub legal_basis: &'a str,
    pub decision: D,
    pub effective: DayCell,
}

/// The csv row: the decision by its number.
pub(crate) type EntryRecord<'a> = Entry<'a, &'a str>;

/// The JSON object: the decision by its number and signing date.
pub(crate) type EntryJson<'a> = Entry<'a, DecisionCell<'a>>;

impl<'a, D> Entry<'a, D> {
    fn with_decision(e: &'a CatalogEntry, decision: D) -> Self {
        let d = &e.details;
        Entry {
            level: e.level.as_str(),
            code: CodeCell(e.code),
            name: &d.name,
            field: &d.field,
            agency: &d.agency,
            processing_time: &d.processing_time,
            fee: &d.fee,
            legal_basis: &d.legal_basis,
            decision,
            effective: DayCell(e.effective),
        }
    }
}

impl<'a> EntryRecord<'a> {
    pub(crate) fn new(e: &'a CatalogEntry) -> Self {
        Entry::with_decision(e, e.decision.as_str())
    }
}

impl<'a> EntryJson<'a> {
    pub(crate) fn new(e: &'a CatalogEntry) -> Self {
        Entry::with_decision(
            e,
            DecisionCell {
                number: &e.decision,
                signed: DayCell(e.signed),
            },
        )
    }
}

/// A code written as text (`1.001612`) without a string of its own: an
/// export writes one per entry.
#[derive(Debug)]
pub(crate) struct CodeCell(Code);

impl Serialize for CodeCell {
    /// An entry published without a code has none: `null` in JSON, an
    /// empty cell in csv.
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if self.0.is_provisional() {
            return s.serialize_none();
        }
        let mut text = [0; 8];
        s.serialize_str(self.0.as_text(&mut text))
    }
}

/// `{"number": .., "signed": ..}` without strings of its own.
#[derive(Debug, Serialize)]
pub(crate) struct DecisionCell<'a> {
    pub number: &'a str,
    pub signed: DayCell,
}

/// A day written as `YYYY-MM-DD` without a string of its own.
#[derive(Debug)]
pub(crate) struct DayCell(Day);

impl Serialize for DayCell {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut text = [0; 10];
        match self.0.as_text(&mut text) {
            Some(iso) => s.serialize_str(iso),
            None => s.serialize_str(&self.0.to_string()),
        }
    }
}

/// The csv header, in English (the default) and in Vietnamese: the
/// Vietnamese names are those `tthc import` reads.
pub(crate) const CSV_HEADER: [&str; 10] = [
    "level",
    "code",
    "name",
    "field",
    "agency",
    "processing_time",
    "fee",
    "legal_basis",
    "decision",
    "effective",
];
pub(crate) const CSV_HEADER_VI: [&str; 10] = [
    "Cấp thực hiện",
    "Mã số TTHC",
    "Tên thủ tục hành chính",
    "Lĩnh vực",
    "Cơ quan thực hiện",
    "Thời hạn giải quyết",
    "Phí, lệ phí",
    "Căn cứ pháp lý",
    "Số quyết định",
    "Ngày hiệu lực",
];

/// The JSON (and csv) shape of counts.
#[derive(Debug, Serialize)]
pub(crate) struct CountsRecord {
    pub as_of: String,
    pub province: u64,
    pub district: u64,
    pub commune: u64,
    pub total: u64,
    pub procedures: u64,
    /// Entries done wholly online ("toàn trình"), per level.
    pub online_full: PerLevel,
    /// Entries done partly online ("một phần"), per level.
    pub online_partial: PerLevel,
    /// Inter-agency entries ("liên thông"), per level.
    pub inter_agency: PerLevel,
    /// Entries published without a code.
    pub without_code: u64,
}

/// A number per level, and their sum.
#[derive(Debug, Clone, Copy, Serialize)]
pub(crate) struct PerLevel {
    pub province: u64,
    pub district: u64,
    pub commune: u64,
    pub total: u64,
}

impl PerLevel {
    fn new([province, district, commune]: [u64; 3]) -> Self {
        PerLevel {
            province,
            district,
            commune,
            total: province + district + commune,
        }
    }
}

impl CountsRecord {
    pub(crate) fn new(day: Day, c: &Counts) -> Self {
        CountsRecord {
            as_of: day.to_string(),
            province: c.province,
            district: c.district,
            commune: c.commune,
            total: c.total(),
            procedures: c.procedures,
            online_full: PerLevel::new(c.services.online_full),
            online_partial: PerLevel::new(c.services.online_partial),
            inter_agency: PerLevel::new(c.services.inter_agency),
            without_code: c.without_code,
        }
    }

    /// The csv header and row: the counts, then each per-level number as
    /// `online_full_province`, … `inter_agency_commune`.
    pub(crate) fn csv(&self) -> (Vec<String>, Vec<String>) {
        let mut header: Vec<String> = [
            "as_of",
            "province",
            "district",
            "commune",
            "total",
            "procedures",
        ]
        .map(str::to_owned)
        .to_vec();
        let mut row = vec![
            self.as_of.clone(),
            self.province.to_string(),
            self.district.to_string(),
            self.commune.to_string(),
            self.total.to_string(),
            self.procedures.to_string(),
        ];
        for (name, n) in [
            ("online_full", &self.online_full),
            ("online_partial", &self.online_partial),
            ("inter_agency", &self.inter_agency),
        ] {
            for (level, value) in [
                ("province", n.province),
                ("district", n.district),
                ("commune", n.commune),
            ] {
                header.push(format!("{name}_{level}"));
                row.push(value.to_string());
            }
        }
        header.push("without_code".to_owned());
        row.push(self.without_code.to_string());
        (header, row)
    }
}

#[derive(Serialize)]
struct ExportJson<'a> {
    as_of: String,
    /// With `--known-at`: the moment the catalog is as known at (UTC).
    #[serde(skip_serializing_if = "Option::is_none")]
    known_at: Option<&'a str>,
    /// The decision the catalog is taken right after (`--as-of NUMBER`).
    #[serde(skip_serializing_if = "Option::is_none")]
    after_decision: Option<super::DecisionJson>,
    counts: CountsRecord,
    entries: Vec<EntryJson<'a>>,
}

/// Catalogs with at least this many entries are written as two halves, the
/// second formatted on another thread while the first is written.
const PARALLEL_ROWS: usize = 10_000;

/// How the catalog is written as csv.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct CsvStyle {
    /// The field separator.
    pub delimiter: u8,
    /// For a spreadsheet: cells it would take for formulas are defused (see
    /// [`defused`]).
    pub defuse: bool,
    /// For a spreadsheet in a Vietnamese locale (`export --excel`): levels
    /// as "Cấp tỉnh", dates as dd/mm/yyyy, and codes as `="1.001612"`, a
    /// formula whose value is the code as text, so that no spreadsheet reads
    /// it as a number (2.000620 as 2.00062, or as 2000620 where the dot
    /// groups thousands).
    pub excel: bool,
}

impl Default for CsvStyle {
    fn default() -> Self {
        CsvStyle {
            delimiter: b',',
            defuse: false,
            excel: false,
        }
    }
}

/// Writes the catalog as csv under `header`, fields separated by `delimiter`.
pub(crate) fn write_csv(
    out: &mut impl Write,
    header: &[&str],
    delimiter: u8,
    entries: &[CatalogEntry],
) -> Result<(), Error> {
    let style = CsvStyle {
        delimiter,
        ..CsvStyle::default()
    };
    write_csv_as(out, header, entries, style)
}

/// Writes the catalog as csv under `header`, in `style`.
pub(crate) fn write_csv_as(
    out: &mut impl Write,
    header: &[&str],
    entries: &[CatalogEntry],
    style: CsvStyle,
) -> Result<(), Error> {
    let half = if entries.len() >= PARALLEL_ROWS {
        entries.len() / 2
    } else {
        entries.len()
    };
    let (first, second) = entries.split_at(half);
    std::thread::scope(|scope| {
        let formatting = (!second.is_empty()).then(|| {
            std::thread::Builder::new().spawn_scoped(scope, || {
                let mut formatted = Vec::new();
                csv_rows(&mut formatted, None, second, style).map(|()| formatted)
            })
        });
        csv_rows(out, Some(header), first, style)?;
        match formatting {
            Some(Ok(thread)) => {
                let formatted = thread
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic))?;
                out.write_all(&formatted)?;
            }
            // No second thread: the second half is written here too.
            Some(Err(_)) => csv_rows(out, None, second, style)?,
            None => {}
        }
        Ok(())
    })
}

fn csv_rows(
    out: &mut impl Write,
    header: Option<&[&str]>,
    entries: &[CatalogEntry],
    style: CsvStyle,
) -> Result<(), Error> {
    let mut w = csv::WriterBuilder::new()
        .has_headers(false)
        .delimiter(style.delimiter)
        .from_writer(&mut *out);
    if let Some(header) = header {
        w.write_record(header)?;
    }
    for e in entries {
        if style.excel {
            let d = &e.details;
            // The code is digits and dots: the formula is tthc's own, never the data's.
            let code = if e.code.is_provisional() {
                String::new()
            } else {
                format!("=\"{}\"", e.code)
            };
            let effective = e.effective.date().format("%d/%m/%Y").to_string();
            w.write_field(e.level.label_vi())?;
            w.write_field(&code)?;
            for cell in [
                &d.name,
                &d.field,
                &d.agency,
                &d.processing_time,
                &d.fee,
                &d.legal_basis,
                &e.decision,
            ] {
                w.write_field(defused(cell).as_bytes())?;
            }
            w.write_field(&effective)?;
            // Ends the record.
            w.write_record(std::iter::empty::<&[u8]>())?;
        } else if style.defuse {
            let d = &e.details;
            let code = if e.code.is_provisional() {
                String::new()
            } else {
                e.code.to_string()
            };
            let cells = [
                e.level.as_str(),
                &code,
                &d.name,
                &d.field,
                &d.agency,
                &d.processing_time,
                &d.fee,
                &d.legal_basis,
                &e.decision,
                &e.effective.to_string(),
            ];
            for cell in cells {
                w.write_field(defused(cell).as_bytes())?;
            }
            // Ends the record.
            w.write_record(std::iter::empty::<&[u8]>())?;
        } else {
            w.serialize(EntryRecord::new(e))?;
        }
    }
    w.flush()?;
    Ok(())
}

/// A cell as a spreadsheet must read it, as OWASP advises against formula
/// injection: a cell that starts with `=`, `+`, `-`, `@`, a tab or a
/// carriage return (or the full-width `＝` `＋` `－` `＠` some spreadsheets
/// also read as formulas) gets an apostrophe in front, so that it is shown
/// as text and never run.
pub(crate) fn defused(cell: &str) -> std::borrow::Cow<'_, str> {
    const FORMULA_STARTS: [char; 10] = ['=', '+', '-', '@', '\t', '\r', '＝', '＋', '－', '＠'];
    if cell.starts_with(FORMULA_STARTS) {
        std::borrow::Cow::Owned(format!("'{cell}"))
    } else {
        std::borrow::Cow::Borrowed(cell)
    }
}

/// Writes the catalog at a point in one of the three formats; the JSON
/// `as_of` is the point's date; `known_at` the moment (UTC) of a catalog as
/// known then.
pub(crate) fn write(
    out: &mut impl Write,
    format: Format,
    point: &Point,
    known_at: Option<&str>,
    entries: &[CatalogEntry],
) -> Result<(), Error> {
    let day = point.day();
    match format {
        Format::Csv => write_csv(out, &CSV_HEADER, b',', entries)?,
        Format::Json => write_json(
            out,
            &ExportJson {
                as_of: day.to_string(),
                known_at,
                after_decision: super::DecisionJson::after(point),
                counts: CountsRecord::new(day, &Counts::of(entries)),
                entries: entries.iter().map(EntryJson::new).collect(),
            },
        )?,
        Format::Table => write_table(out, point, known_at, entries)?,
    }
    Ok(())
}

fn write_table(
    out: &mut impl Write,
    point: &Point,
    known_at: Option<&str>,
    entries: &[CatalogEntry],
) -> Result<(), Error> {
    let counts = Counts::of(entries);
    writeln!(
        out,
        "{}",
        crate::tr!(
            "table-catalog-title",
            as_of = as_of_text(point),
            count = counts.total(),
            total = count_text(counts.total())
        )
    )?;
    if let Some(moment) = known_at {
        writeln!(out, "{}", known_at_text(moment))?;
    }
    let levels = Level::ALL.into_iter().filter(|l| counts.level(*l) > 0);
    for (i, level) in levels.enumerate() {
        writeln!(
            out,
            "\n{}",
            crate::tr!(
                "table-catalog-section",
                letter = section_letter(i).to_string(),
                level = level_name(level),
                count = counts.level(level),
                total = count_text(counts.level(level))
            )
        )?;
        let rows = entries.iter().filter(|e| e.level == level);
        let numbered = rows.enumerate().map(|(n, e)| ((n + 1).to_string(), e));
        writeln!(
            out,
            "{}",
            entry_table(&crate::tr!("table-number"), numbered)
        )?;
    }
    Ok(())
}

/// A table of entries: code, name, field and agency, after a first column
/// headed `first` whose cell each row brings (its number, its level).
pub(crate) fn entry_table<'a>(
    first: &str,
    rows: impl Iterator<Item = (String, &'a CatalogEntry)>,
) -> super::TextTable {
    let (code, name, field, agency) = (
        crate::tr!("table-code"),
        crate::tr!("table-name"),
        crate::tr!("table-field"),
        crate::tr!("table-agency"),
    );
    let mut t = table(&[first, &code, &name, &field, &agency]);
    for (cell, e) in rows {
        t.add_row([
            cell,
            code_text(e.code),
            e.details.name.clone(),
            e.details.field.clone(),
            e.details.agency.clone(),
        ]);
    }
    t
}
