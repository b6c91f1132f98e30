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

/// The JSON counts as known at a moment: the moment, then the usual keys.
#[derive(serde::Serialize)]
struct KnownCounts<'a> {
    known_at: &'a str,
    #[serde(flatten)]
    record: CountsRecord,
}

pub(crate) fn run(db: &Path, args: &CountsArgs) -> Result<ExitCode, Error> {
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
        super::read_format(args.format).into(),
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
    point: &Point,
    known_at: Option<&str>,
    counts: &Counts,
) -> Result<(), Error> {
    let record = CountsRecord::new(point.day(), counts);
    match format {
        Format::Json => match known_at {
            None => write_json(out, &record)?,
            Some(known_at) => write_json(out, &KnownCounts { known_at, record })?,
        },
        Format::Csv => {
            let (header, row) = record.csv();
            let mut w = csv::Writer::from_writer(&mut *out);
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
