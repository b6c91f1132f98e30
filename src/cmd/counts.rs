//! `tthc counts`: entries in force per level on a date.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use crate::cli::CountsArgs;
use crate::domain::{Counts, Level, Point};
use crate::error::Error;
use crate::output::catalog::CountsRecord;
use crate::output::{Format, Sink, as_of_vi, group_thousands, table, write_json};

pub(crate) fn run(db: &Path, args: &CountsArgs) -> Result<ExitCode, Error> {
    let (store, point) = super::open_at(db, "--as-of", args.as_of.value.as_ref())?;
    let counts = store.counts_at(&point)?;
    let mut out = Sink::open(None)?;
    write(&mut out, args.format.into(), &point, &counts)?;
    out.finish()?;
    Ok(ExitCode::SUCCESS)
}

/// Writes counts in one of the three formats; `as_of` is the point's date.
pub(crate) fn write(
    out: &mut Sink,
    format: Format,
    point: &Point,
    counts: &Counts,
) -> Result<(), Error> {
    let record = CountsRecord::new(point.day(), counts);
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
            writeln!(out, "Danh mục TTHC {}", as_of_vi(point))?;
            writeln!(out, "{t}")?;
        }
    }
    Ok(())
}
