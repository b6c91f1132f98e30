//! `tthc counts`: entries in force per level on a date.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use serde::Serialize;

use crate::cli::{CountsArgs, Format};
use crate::domain::{Counts, Day, Level};
use crate::error::Error;
use crate::output::{Sink, group_thousands, table, write_json};

/// The JSON (and csv) shape of counts.
#[derive(Debug, Serialize)]
pub(crate) struct CountsRecord {
    pub as_of: String,
    pub province: u64,
    pub district: u64,
    pub commune: u64,
    pub total: u64,
    pub procedures: u64,
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
        }
    }
}

pub(crate) fn run(db: &Path, args: &CountsArgs) -> Result<ExitCode, Error> {
    let day = super::as_of(args.as_of.as_deref())?;
    let store = super::open_existing(db)?;
    let counts = store.counts(day)?;
    let mut out = Sink::open(None)?;
    write(&mut out, args.format, day, &counts)?;
    out.finish()?;
    Ok(ExitCode::SUCCESS)
}

/// Writes counts in one of the three formats.
pub(crate) fn write(
    out: &mut Sink,
    format: Format,
    day: Day,
    counts: &Counts,
) -> Result<(), Error> {
    let record = CountsRecord::new(day, counts);
    match format {
        Format::Json => write_json(out, &record)?,
        Format::Csv => {
            let mut w = csv::Writer::from_writer(&mut *out);
            w.serialize(&record)?;
            w.flush()?;
        }
        Format::Table => {
            let mut t = table(&["Cấp", "Level", "TTHC"]);
            for level in Level::ALL {
                t.add_row([
                    level.label_vi().to_owned(),
                    level.as_str().to_owned(),
                    group_thousands(counts.level(level)),
                ]);
            }
            t.add_row([
                "Tổng số".to_owned(),
                "total entries".to_owned(),
                group_thousands(counts.total()),
            ]);
            t.add_row([
                "Số thủ tục".to_owned(),
                "distinct procedures".to_owned(),
                group_thousands(counts.procedures),
            ]);
            writeln!(
                out,
                "Danh mục TTHC tính đến ngày {}",
                day.date().format("%d/%m/%Y")
            )?;
            writeln!(out, "{t}")?;
        }
    }
    Ok(())
}
