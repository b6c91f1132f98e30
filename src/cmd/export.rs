//! `tthc export`: the catalog in force on a date.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use serde::Serialize;

use super::counts::CountsRecord;
use crate::cli::{ExportArgs, Format};
use crate::domain::{CatalogEntry, Counts, Day, Level, Point};
use crate::error::Error;
use crate::output::{Sink, default_format, group_thousands, section_letter, table, write_json};

/// One exported entry: the csv row and the JSON object share this shape.
#[derive(Debug, Serialize)]
pub(crate) struct EntryRecord<'a> {
    pub level: &'static str,
    pub code: String,
    pub name: &'a str,
    pub field: &'a str,
    pub agency: &'a str,
    pub processing_time: &'a str,
    pub fee: &'a str,
    pub legal_basis: &'a str,
    pub decision: &'a str,
    pub effective: String,
}

impl<'a> EntryRecord<'a> {
    pub(crate) fn new(e: &'a CatalogEntry) -> Self {
        EntryRecord {
            level: e.level.as_str(),
            code: e.code.to_string(),
            name: &e.details.name,
            field: &e.details.field,
            agency: &e.details.agency,
            processing_time: &e.details.processing_time,
            fee: &e.details.fee,
            legal_basis: &e.details.legal_basis,
            decision: &e.decision,
            effective: e.effective.to_string(),
        }
    }
}

#[derive(Serialize)]
struct ExportJson<'a> {
    as_of: String,
    counts: CountsRecord,
    entries: Vec<EntryRecord<'a>>,
}

pub(crate) fn run(db: &Path, args: &ExportArgs) -> Result<ExitCode, Error> {
    let format = default_format(args.format, args.output.is_some());
    let (store, point) = super::open_at(db, "--as-of", args.as_of.as_deref())?;
    let entries = store.catalog_at(&point)?;
    let mut out = Sink::open(args.output.as_deref())?;
    write_at(&mut out, format, &point, &entries)?;
    out.finish()?;
    Ok(ExitCode::SUCCESS)
}

/// Writes a catalog in force on a day in one of the three formats.
pub(crate) fn write(
    out: &mut Sink,
    format: Format,
    day: Day,
    entries: &[CatalogEntry],
) -> Result<(), Error> {
    write_at(out, format, &Point::Day(day), entries)
}

/// Writes the catalog at a point in one of the three formats; the JSON
/// `as_of` is the point's date.
pub(crate) fn write_at(
    out: &mut Sink,
    format: Format,
    point: &Point,
    entries: &[CatalogEntry],
) -> Result<(), Error> {
    let day = point.day();
    match format {
        Format::Csv => {
            let mut w = csv::Writer::from_writer(&mut *out);
            if entries.is_empty() {
                w.write_record([
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
                ])?;
            }
            for e in entries {
                w.serialize(EntryRecord::new(e))?;
            }
            w.flush()?;
        }
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

fn write_table(out: &mut Sink, point: &Point, entries: &[CatalogEntry]) -> Result<(), Error> {
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
