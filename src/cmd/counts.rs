//! `tthc counts`: entries in force per level on a date.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use crate::cli::CountsArgs;
use crate::domain::{Counts, Level, Point};
use crate::error::Error;
use crate::output::catalog::CountsRecord;
use crate::output::{
    Format, Sink, as_of_text, count_text, known_at_text, level_name, table, write_json,
};

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
            let heading = [
                crate::tr!("table-level"),
                crate::tr!("counts-entries"),
                crate::tr!("counts-online-full"),
                crate::tr!("counts-online-partial"),
                crate::tr!("counts-inter-agency"),
            ];
            let mut t = table(&heading.each_ref().map(String::as_str));
            let s = &counts.services;
            for level in Level::ALL {
                let i = level.index();
                t.add_row([
                    level_name(level),
                    count_text(counts.level(level)),
                    count_text(s.online_full[i]),
                    count_text(s.online_partial[i]),
                    count_text(s.inter_agency[i]),
                ]);
            }
            let sum = |n: [u64; 3]| count_text(n.iter().sum());
            t.add_row([
                crate::tr!("counts-total"),
                count_text(counts.total()),
                sum(s.online_full),
                sum(s.online_partial),
                sum(s.inter_agency),
            ]);
            t.add_row([
                crate::tr!("counts-procedures"),
                count_text(counts.procedures),
                String::new(),
                String::new(),
                String::new(),
            ]);
            t.add_row([
                crate::tr!("counts-without-code"),
                count_text(counts.without_code),
                String::new(),
                String::new(),
                String::new(),
            ]);
            writeln!(
                out,
                "{}",
                crate::tr!("counts-title", as_of = as_of_text(point))
            )?;
            if let Some(moment) = known_at {
                writeln!(out, "{}", known_at_text(moment))?;
            }
            writeln!(out, "{t}")?;
        }
    }
    Ok(())
}
