//! `tthc export`: the catalog in force on a date, as csv, JSON, a table or
//! an Excel workbook laid out like a decision's annex; with `--manifest`, a
//! JSON file next to the export that says which state of the catalog it holds.

use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use serde::Serialize;

use super::counts::CountsRecord;
use crate::cli::{ExportArgs, ExportFormat, Format, Headers};
use crate::domain::{CatalogEntry, Code, Counts, Day, Level, Point};
use crate::error::Error;
use crate::output::digest::HashingWriter;
use crate::output::{
    Sink, default_format, group_thousands, section_letter, table, write_json, xlsx,
};
use crate::store::AppliedDecision;

/// One exported entry: the csv row and the JSON object share this shape.
#[derive(Debug, Serialize)]
pub(crate) struct EntryRecord<'a> {
    pub level: &'static str,
    pub code: CodeCell,
    pub name: &'a str,
    pub field: &'a str,
    pub agency: &'a str,
    pub processing_time: &'a str,
    pub fee: &'a str,
    pub legal_basis: &'a str,
    pub decision: &'a str,
    pub effective: DayCell,
}

/// A code written as text (`1.001612`) without a string of its own: an
/// export writes one per entry.
#[derive(Debug)]
pub(crate) struct CodeCell(Code);

impl Serialize for CodeCell {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut text = [0; 8];
        s.serialize_str(self.0.as_text(&mut text))
    }
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

impl<'a> EntryRecord<'a> {
    pub(crate) fn new(e: &'a CatalogEntry) -> Self {
        EntryRecord {
            level: e.level.as_str(),
            code: CodeCell(e.code),
            name: &e.details.name,
            field: &e.details.field,
            agency: &e.details.agency,
            processing_time: &e.details.processing_time,
            fee: &e.details.fee,
            legal_basis: &e.details.legal_basis,
            decision: &e.decision,
            effective: DayCell(e.effective),
        }
    }
}

/// The csv header, in English (the default) and in Vietnamese: the
/// Vietnamese names are those `tthc import` reads.
const CSV_HEADER: [&str; 10] = [
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
const CSV_HEADER_VI: [&str; 10] = [
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

/// The UTF-8 byte-order mark that tells Excel the csv is UTF-8.
const BOM: &[u8] = b"\xEF\xBB\xBF";

#[derive(Serialize)]
struct ExportJson<'a> {
    as_of: String,
    counts: CountsRecord,
    entries: Vec<EntryRecord<'a>>,
}

/// What `--manifest` writes next to the exported file.
#[derive(Serialize)]
struct Manifest {
    /// The exported file's name (the manifest lies in the same directory).
    file: String,
    format: &'static str,
    bytes: u64,
    sha256: String,
    /// The date of the catalog exported.
    as_of: String,
    /// The decision named by `--as-of`, when the catalog is the one right after it.
    as_of_decision: Option<DecisionRecord>,
    /// The decision of the latest change included in the export.
    last_decision: Option<DecisionRecord>,
    counts: CountsRecord,
    /// The store at the time of the export: its decisions and chain head.
    store: StoreRecord,
    tool: ToolRecord,
    /// When the export was made (UTC, RFC 3339).
    exported_at: String,
}

#[derive(Serialize)]
struct DecisionRecord {
    number: String,
    signed: String,
    /// For the last decision: the effective date of its latest change included.
    #[serde(skip_serializing_if = "Option::is_none")]
    effective: Option<String>,
}

impl From<AppliedDecision> for DecisionRecord {
    fn from(d: AppliedDecision) -> Self {
        DecisionRecord {
            number: d.number,
            signed: d.signed.to_string(),
            effective: Some(d.effective.to_string()),
        }
    }
}

#[derive(Serialize)]
struct StoreRecord {
    decisions: u64,
    chain_sha256: String,
}

#[derive(Serialize)]
struct ToolRecord {
    name: &'static str,
    version: &'static str,
}

/// The export's settings, checked once from the command line.
struct Settings {
    format: ExportFormat,
    headers: Headers,
    bom: bool,
}

impl Settings {
    fn new(args: &ExportArgs) -> Result<Settings, Error> {
        let to_file = args.output.is_some();
        let csv_options = args.headers.is_some() || args.bom;
        let format = match args.format {
            Some(format) => format,
            None if csv_options => ExportFormat::Csv,
            None => match default_format(None, to_file) {
                Format::Table => ExportFormat::Table,
                Format::Csv => ExportFormat::Csv,
                Format::Json => ExportFormat::Json,
            },
        };
        if csv_options && format != ExportFormat::Csv {
            return Err(Error::Usage(format!(
                "--headers and --bom apply to csv only, not to --format {}",
                format_name(format)
            )));
        }
        if format == ExportFormat::Xlsx && !to_file && io::stdout().is_terminal() {
            return Err(Error::Usage(
                "--format xlsx writes a binary workbook: give -o FILE.xlsx (or redirect standard output to a file)"
                    .to_owned(),
            ));
        }
        Ok(Settings {
            format,
            headers: args.headers.unwrap_or(Headers::En),
            bom: args.bom,
        })
    }
}

fn format_name(format: ExportFormat) -> &'static str {
    match format {
        ExportFormat::Table => "table",
        ExportFormat::Csv => "csv",
        ExportFormat::Json => "json",
        ExportFormat::Xlsx => "xlsx",
    }
}

pub(crate) fn run(db: &Path, args: &ExportArgs) -> Result<ExitCode, Error> {
    let settings = Settings::new(args)?;
    let (store, point) = super::open_at(db, "--as-of", args.as_of.get())?;
    // One snapshot (see `open_existing`): the manifest describes this catalog.
    let entries = store.catalog_at(&point)?;
    let (applied, head) = if args.manifest {
        (store.last_applied(&point)?, Some(store.chain_head()?))
    } else {
        (None, None)
    };
    let mut out = Sink::open(args.output.as_deref())?;
    let mut hashing = HashingWriter::new(&mut out, args.manifest);
    match settings.format {
        ExportFormat::Csv => write_csv(&mut hashing, &settings, &entries)?,
        ExportFormat::Json => write_at(&mut hashing, Format::Json, &point, &entries)?,
        ExportFormat::Table => write_at(&mut hashing, Format::Table, &point, &entries)?,
        ExportFormat::Xlsx => {
            let workbook = xlsx::annex(&super::as_of_vi(&point), point.day(), &entries)?;
            hashing.write_all(&workbook)?;
        }
    }
    let (bytes, sha256) = hashing.finish();
    out.finish()?;
    if let (Some(path), Some(head)) = (&args.output, head) {
        let manifest = Manifest {
            file: path
                .file_name()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned(),
            format: format_name(settings.format),
            bytes,
            sha256,
            as_of: point.day().to_string(),
            as_of_decision: point.decision().map(|d| DecisionRecord {
                number: d.number.clone(),
                signed: d.signed.to_string(),
                effective: None,
            }),
            last_decision: applied.map(DecisionRecord::from),
            counts: CountsRecord::new(point.day(), &Counts::of(&entries)),
            store: StoreRecord {
                decisions: head.decisions,
                chain_sha256: head.chain_sha256,
            },
            tool: ToolRecord {
                name: env!("CARGO_PKG_NAME"),
                version: env!("CARGO_PKG_VERSION"),
            },
            exported_at: chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        };
        let mut out = Sink::open(Some(&manifest_path(path)))?;
        write_json(&mut out, &manifest)?;
        out.finish()?;
    }
    // The command ends here: handing the catalog's hundreds of thousands of
    // small strings back to the allocator one by one would take a good part
    // of the time it took to read them; the operating system takes it all back at once.
    std::mem::forget(entries);
    Ok(ExitCode::SUCCESS)
}

/// `FILE.manifest.json` next to `FILE`.
fn manifest_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".manifest.json");
    path.with_file_name(name)
}

/// Writes the catalog as csv with the header and byte-order mark asked for.
fn write_csv(
    out: &mut impl Write,
    settings: &Settings,
    entries: &[CatalogEntry],
) -> Result<(), Error> {
    if settings.bom {
        out.write_all(BOM)?;
    }
    let header = match settings.headers {
        Headers::En => CSV_HEADER,
        Headers::Vi => CSV_HEADER_VI,
    };
    write_csv_rows(out, &header, entries)
}

/// Catalogs with at least this many entries are written as two halves, the
/// second formatted on another thread while the first is written.
const PARALLEL_ROWS: usize = 10_000;

fn write_csv_rows(
    out: &mut impl Write,
    header: &[&str],
    entries: &[CatalogEntry],
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
                csv_rows(&mut formatted, None, second).map(|()| formatted)
            })
        });
        csv_rows(out, Some(header), first)?;
        match formatting {
            Some(Ok(thread)) => {
                let formatted = thread
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic))?;
                out.write_all(&formatted)?;
            }
            // No second thread: the second half is written here too.
            Some(Err(_)) => csv_rows(out, None, second)?,
            None => {}
        }
        Ok(())
    })
}

fn csv_rows(
    out: &mut impl Write,
    header: Option<&[&str]>,
    entries: &[CatalogEntry],
) -> Result<(), Error> {
    let mut w = csv::WriterBuilder::new()
        .has_headers(false)
        .from_writer(&mut *out);
    if let Some(header) = header {
        w.write_record(header)?;
    }
    for e in entries {
        w.serialize(EntryRecord::new(e))?;
    }
    w.flush()?;
    Ok(())
}

/// Writes a catalog in force on a day in one of the three formats.
pub(crate) fn write(
    out: &mut impl Write,
    format: Format,
    day: Day,
    entries: &[CatalogEntry],
) -> Result<(), Error> {
    write_at(out, format, &Point::Day(day), entries)
}

/// Writes the catalog at a point in one of the three formats; the JSON
/// `as_of` is the point's date.
pub(crate) fn write_at(
    out: &mut impl Write,
    format: Format,
    point: &Point,
    entries: &[CatalogEntry],
) -> Result<(), Error> {
    let day = point.day();
    match format {
        Format::Csv => write_csv_rows(out, &CSV_HEADER, entries)?,
        Format::Json => write_json(
            out,
            &ExportJson {
                as_of: day.to_string(),
                counts: CountsRecord::new(day, &Counts::of(entries)),
                entries: entries.iter().map(EntryRecord::new).collect(),
            },
        )?,
        Format::Table => write_table(out, point, entries)?,
    }
    Ok(())
}

fn write_table(out: &mut impl Write, point: &Point, entries: &[CatalogEntry]) -> Result<(), Error> {
    let counts = Counts::of(entries);
    writeln!(
        out,
        "DANH MỤC THỦ TỤC HÀNH CHÍNH ({}): {} TTHC",
        super::as_of_vi(point),
        group_thousands(counts.total())
    )?;
    let levels = Level::ALL.into_iter().filter(|l| counts.level(*l) > 0);
    for (i, level) in levels.enumerate() {
        writeln!(
            out,
            "\n{}. {} ({} TTHC)",
            section_letter(i),
            level.label_vi(),
            group_thousands(counts.level(level))
        )?;
        let mut t = table(&[
            "STT",
            "Mã số",
            "Tên thủ tục hành chính",
            "Lĩnh vực",
            "Cơ quan thực hiện",
        ]);
        for (n, e) in entries.iter().filter(|e| e.level == level).enumerate() {
            t.add_row([
                (n + 1).to_string(),
                e.code.to_string(),
                e.details.name.clone(),
                e.details.field.clone(),
                e.details.agency.clone(),
            ]);
        }
        writeln!(out, "{t}")?;
    }
    Ok(())
}
