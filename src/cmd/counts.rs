//! `tthc counts`: entries in force per level on a date.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use crate::cli::CountsArgs;
use crate::domain::{Counts, Level, Point};
use crate::error::Error;
use crate::output::catalog::CountsRecord;
use crate::output::{Format, Sink, as_of_vi, group_thousands, table, write_json};

/// The JSON counts: as known at a moment, the moment; after a decision,
/// the decision; then the usual keys.
#[derive(serde::Serialize)]
struct CountsJson<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    known_at: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    after_decision: Option<crate::output::DecisionJson>,
    #[serde(flatten)]
    record: CountsRecord,
}

pub(crate) fn run(db: &Path, args: &CountsArgs) -> Result<ExitCode, Error> {
    let (format, delimiter) = super::read_format_csv(args.format, &args.csv)?;
    let (store, point, known) =
        super::open_at_known(db, "--as-of", args.as_of.value.as_ref(), &args.known_at)?;
    let filter = args.filters.entry_filter();
    let counts = if filter.is_everything() {
        store.counts_known(&point, &known)?
    } else {
        Counts::of(&filter.apply(store.catalog_known(&point, &known)?))
    };
    let mut out = Sink::open(None)?;
    let known_at = args.known_at.moment.as_ref().map(|m| m.utc.as_str());
    write(
        &mut out,
        format.into(),
        delimiter,
        &point,
        known_at,
        &counts,
    )?;
    out.finish()?;
    Ok(ExitCode::SUCCESS)
}

/// Writes counts in one of the three formats; `as_of` is the point's date,
/// `known_at` the moment (UTC) of counts as known then.
pub(crate) fn write(
    out: &mut Sink,
    format: Format,
    delimiter: u8,
    point: &Point,
    known_at: Option<&str>,
    counts: &Counts,
) -> Result<(), Error> {
    let record = CountsRecord::new(point.day(), counts);
    match format {
        Format::Json => write_json(
            out,
            &CountsJson {
                known_at,
                after_decision: crate::output::DecisionJson::after(point),
                record,
            },
        )?,
        Format::Csv => {
            let (header, row) = record.csv();
            let mut w = crate::output::csv_writer(&mut *out, delimiter);
            w.write_record(&header)?;
            w.write_record(&row)?;
            w.flush()?;
        }
        Format::Table => {
            let mut t = table(&[
                "Cấp",
                "Level",
                "TTHC",
                "Toàn trình",
                "Một phần",
                "Liên thông",
            ]);
            let s = &counts.services;
            for level in Level::ALL {
                let i = level.index();
                t.add_row([
                    level.label_vi().to_owned(),
                    level.as_str().to_owned(),
                    group_thousands(counts.level(level)),
                    group_thousands(s.online_full[i]),
                    group_thousands(s.online_partial[i]),
                    group_thousands(s.inter_agency[i]),
                ]);
            }
            let sum = |n: [u64; 3]| group_thousands(n.iter().sum());
            t.add_row([
                "Tổng số".to_owned(),
                "total entries".to_owned(),
                group_thousands(counts.total()),
                sum(s.online_full),
                sum(s.online_partial),
                sum(s.inter_agency),
            ]);
            t.add_row([
                "Số thủ tục".to_owned(),
                "distinct procedures".to_owned(),
                group_thousands(counts.procedures),
                String::new(),
                String::new(),
                String::new(),
            ]);
            t.add_row([
                "Chưa có mã".to_owned(),
                "entries without a code".to_owned(),
                group_thousands(counts.without_code),
                String::new(),
                String::new(),
                String::new(),
            ]);
            writeln!(out, "Danh mục TTHC {}", as_of_vi(point))?;
            if let Some(moment) = known_at {
                writeln!(out, "{}", crate::output::catalog::known_at_vi(moment))?;
            }
            writeln!(out, "{t}")?;
        }
    }
    Ok(())
}
