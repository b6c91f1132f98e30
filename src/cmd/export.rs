//! `tthc export`: the catalog in force on a date, as csv, JSON, a table or
//! an Excel workbook laid out like a decision's annex; with `--manifest`, a
//! JSON file next to the export that says which state of the catalog it holds.

use std::fmt::Write as _;
use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use serde::Serialize;

use crate::cli::{ExportArgs, ExportFormat, Headers, Setting};
use crate::domain::{CatalogEntry, Counts};
use crate::error::Error;
use crate::output::catalog::{self, CSV_HEADER, CSV_HEADER_VI, CountsRecord, CsvStyle};
use crate::output::digest::HashingWriter;
use crate::output::{
    Format, Sink, as_of_vi, default_format, refuse_catalog_files, write_json, writes_straight, xlsx,
};
use crate::store::AppliedDecision;

/// The UTF-8 byte-order mark that tells Excel the csv is UTF-8.
const BOM: &[u8] = b"\xEF\xBB\xBF";

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
    after_decision: Option<DecisionRecord>,
    /// The decision of the latest change included in the export.
    last_decision: Option<DecisionRecord>,
    counts: CountsRecord,
    /// With `--known-at`: the moment (UTC) the catalog is as known at.
    #[serde(skip_serializing_if = "Option::is_none")]
    known_at: Option<String>,
    /// The store at the time of the export (or as known at `known_at`): its
    /// decisions and chain head.
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
    csv: CsvStyle,
}

impl Settings {
    fn new(args: &ExportArgs) -> Result<Settings, Error> {
        let to_file = args.output.is_some();
        let csv_options =
            args.headers.is_some() || args.bom || args.excel || args.csv.delimiter.is_some();
        let by_name = match args.output.as_deref() {
            Some(path) => format_of_name(path)?,
            None => None,
        };
        if let (Some(asked), Some(named), Some(path)) = (args.format, by_name, &args.output)
            && asked != named
        {
            return Err(Error::Usage(crate::tr!(
                "export-format-contradicts-name",
                format = format_name(asked),
                path = path.display().to_string(),
                named = format_name(named)
            )));
        }
        let format = match args.format.or(by_name) {
            Some(format) => format,
            None if csv_options => ExportFormat::Csv,
            None => match default_format(None, to_file) {
                Format::Table => ExportFormat::Table,
                Format::Csv => ExportFormat::Csv,
                Format::Json => ExportFormat::Json,
            },
        };
        if csv_options && format != ExportFormat::Csv {
            return Err(Error::Usage(crate::tr!(
                "export-csv-options-only",
                format = format_name(format)
            )));
        }
        let heading = [
            ("--province", &args.province),
            ("--title", &args.title),
            ("--attached-to", &args.attached_to),
        ];
        for (option, value) in heading {
            if format != ExportFormat::Xlsx && value.is_some() {
                return Err(Error::Usage(crate::tr!(
                    "export-heading-xlsx-only",
                    option = option,
                    format = format_name(format)
                )));
            }
            if value
                .as_deref()
                .is_some_and(|v| v.chars().any(char::is_control))
            {
                return Err(Error::Usage(crate::tr!(
                    "export-heading-control-character",
                    option = option
                )));
            }
        }
        if format == ExportFormat::Xlsx && !to_file && io::stdout().is_terminal() {
            return Err(Error::Usage(crate::tr!("export-xlsx-to-terminal")));
        }
        let default_headers = if args.excel { Headers::Vi } else { Headers::En };
        Ok(Settings {
            format,
            headers: args.headers.unwrap_or(default_headers),
            bom: args.bom || args.excel,
            csv: CsvStyle {
                // Where the decimal separator is a comma, as in Vietnamese,
                // spreadsheets read fields separated by semicolons.
                delimiter: args
                    .csv
                    .delimiter
                    .map_or(if args.excel { b';' } else { b',' }, |d| d.0),
                // A byte-order mark is only ever for Excel.
                defuse: args.bom || args.excel,
                excel: args.excel,
            },
        })
    }
}

/// The format a file name's extension names (.csv, .json, .xlsx); other
/// extensions name none. An html file is the report's, not the export's.
fn format_of_name(path: &Path) -> Result<Option<ExportFormat>, Error> {
    let extension = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase());
    Ok(match extension.as_deref() {
        Some("csv") => Some(ExportFormat::Csv),
        Some("json") => Some(ExportFormat::Json),
        Some("xlsx") => Some(ExportFormat::Xlsx),
        Some("html" | "htm") => {
            return Err(Error::Usage(crate::tr!(
                "export-html-name",
                path = path.display().to_string()
            )));
        }
        _ => None,
    })
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
    // Refused before anything is read or written: the catalog's own files,
    // and a manifest that could not lie beside the export.
    if let Some(path) = &args.output {
        refuse_catalog_files(path, db)?;
        if args.manifest {
            if writes_straight(path) {
                return Err(Error::Usage(crate::tr!(
                    "export-manifest-device",
                    path = path.display().to_string()
                )));
            }
            refuse_catalog_files(&manifest_path(path), db)?;
        }
    }
    let (store, point, known) =
        super::open_at_known(db, "--as-of", args.as_of.value.as_ref(), &args.known_at)?;
    let known_at = args.known_at.moment.as_ref().map(|m| m.utc.as_str());
    // One snapshot (see `open_existing`): the manifest describes this catalog.
    let entries = args
        .filters
        .entry_filter()
        .apply(store.catalog_known(&point, &known)?);
    let (applied, head) = if args.manifest {
        (
            store.last_applied_known(&point, &known)?,
            Some(store.chain_head_at(&known.knowledge)?),
        )
    } else {
        (None, None)
    };
    let mut out = Sink::open_beside(args.output.as_deref(), db)?;
    let mut hashing = HashingWriter::new(&mut out, args.manifest);
    match settings.format {
        ExportFormat::Csv => write_csv(&mut hashing, &settings, &entries)?,
        ExportFormat::Json => {
            catalog::write(&mut hashing, Format::Json, &point, known_at, &entries)?;
        }
        ExportFormat::Table => {
            catalog::write(&mut hashing, Format::Table, &point, known_at, &entries)?;
        }
        ExportFormat::Xlsx => {
            let stored = match &args.province {
                Some(_) => None,
                None => store.setting(Setting::Province.name())?,
            };
            let heading = xlsx::Heading {
                province: args.province.as_deref().or(stored.as_deref()),
                title: args.title.as_deref(),
                attached_to: args.attached_to.as_deref(),
            };
            let workbook = xlsx::annex(&as_of_vi(&point), point.day(), &heading, &entries)?;
            hashing.write_all(&workbook.bytes)?;
            warn_shortened(&workbook.shortened);
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
            after_decision: point.decision().map(|d| DecisionRecord {
                number: d.number.clone(),
                signed: d.signed.to_string(),
                effective: None,
            }),
            last_decision: applied.map(DecisionRecord::from),
            counts: CountsRecord::new(point.day(), &Counts::of(&entries)),
            known_at: known_at.map(str::to_owned),
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
        let mut out = Sink::open_beside(Some(&manifest_path(path)), db)?;
        write_json(&mut out, &manifest)?;
        out.finish()?;
    }
    // The command ends here: handing the catalog's hundreds of thousands of
    // small strings back to the allocator one by one would take a good part
    // of the time it took to read them; the operating system takes it all back at once.
    std::mem::forget(entries);
    Ok(ExitCode::SUCCESS)
}

/// Says on stderr which cells were too long for Excel: the workbook holds
/// their beginning and a note, csv and JSON hold them whole.
fn warn_shortened(cells: &[String]) {
    const NAMED: usize = 5;
    if cells.is_empty() {
        return;
    }
    let mut named = cells[..cells.len().min(NAMED)].join("; ");
    if cells.len() > NAMED {
        let _ = write!(
            named,
            "; {}",
            crate::tr!("export-and-more", count = cells.len() - NAMED)
        );
    }
    super::warn(&crate::tr!(
        "export-cells-shortened",
        count = cells.len(),
        cells = named
    ));
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
    catalog::write_csv_as(out, &header, entries, settings.csv)
}
