//! `tthc decisions`: the decision log, in order of import.
//!
//! JSON: `{"decisions": [RECORD, ...]}`; csv: one RECORD per line under a
//! header of the same keys. A RECORD is
//! `number, signed, effective_first, effective_last, added, amended, replaced,
//! repealed, rows, source, source_sha256, imported_at, imported_by, chain_sha256`
//! (dates ISO; `added`..`repealed` count entry changes per action, `rows` all
//! of them). The table shows the same with hashes cut to 12 characters.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use serde::Serialize;

use crate::cli::{DecisionsArgs, Format};
use crate::error::Error;
use crate::output::{Sink, table, write_json};
use crate::store::LoggedDecision;

/// One decision of the log, as JSON and csv show it.
#[derive(Debug, Serialize, PartialEq, Eq)]
struct Record {
    number: String,
    signed: String,
    effective_first: String,
    effective_last: String,
    added: u64,
    amended: u64,
    replaced: u64,
    repealed: u64,
    rows: u64,
    source: String,
    source_sha256: String,
    imported_at: String,
    imported_by: String,
    chain_sha256: String,
}

impl From<LoggedDecision> for Record {
    fn from(d: LoggedDecision) -> Self {
        let [added, amended, replaced, repealed] = d.actions;
        Record {
            number: d.number,
            signed: d.signed.to_string(),
            effective_first: d.effective_first.to_string(),
            effective_last: d.effective_last.to_string(),
            added,
            amended,
            replaced,
            repealed,
            rows: d.rows,
            source: d.source,
            source_sha256: d.source_sha256,
            imported_at: d.imported_at,
            imported_by: d.imported_by,
            chain_sha256: d.chain_sha256,
        }
    }
}

/// The JSON document.
#[derive(Debug, Serialize)]
struct Log<'a> {
    decisions: &'a [Record],
}

pub(crate) fn run(db: &Path, args: &DecisionsArgs) -> Result<ExitCode, Error> {
    let store = super::open_existing(db)?;
    let records: Vec<Record> = store
        .decision_log()?
        .into_iter()
        .map(Record::from)
        .collect();
    let mut out = Sink::open(None)?;
    write(&mut out, args.format, &records)?;
    out.finish()?;
    Ok(ExitCode::SUCCESS)
}

fn write(out: &mut impl Write, format: Format, records: &[Record]) -> Result<(), Error> {
    match format {
        Format::Json => write_json(out, &Log { decisions: records })?,
        Format::Csv => {
            let mut w = csv::WriterBuilder::new()
                .has_headers(false)
                .from_writer(&mut *out);
            w.write_record(CSV_HEADER)?;
            for r in records {
                w.serialize(r)?;
            }
            w.flush()?;
        }
        Format::Table => {
            if records.is_empty() {
                writeln!(out, "No decision imported yet.")?;
                return Ok(());
            }
            let mut t = table(&[
                "#",
                "Decision",
                "Signed",
                "Effective",
                "Added",
                "Amended",
                "Replaced",
                "Repealed",
                "Rows",
                "Source",
                "Source SHA-256",
                "Imported",
                "By",
                "Chain",
            ]);
            for (i, r) in records.iter().enumerate() {
                let effective = if r.effective_first == r.effective_last {
                    r.effective_first.clone()
                } else {
                    format!("{} to {}", r.effective_first, r.effective_last)
                };
                t.add_row([
                    (i + 1).to_string(),
                    r.number.clone(),
                    r.signed.clone(),
                    effective,
                    r.added.to_string(),
                    r.amended.to_string(),
                    r.replaced.to_string(),
                    r.repealed.to_string(),
                    r.rows.to_string(),
                    r.source.clone(),
                    short(&r.source_sha256).to_owned(),
                    r.imported_at.clone(),
                    r.imported_by.clone(),
                    short(&r.chain_sha256).to_owned(),
                ]);
            }
            writeln!(out, "{t}")?;
        }
    }
    Ok(())
}

/// The csv header: the keys of [`Record`], written even when the log is empty.
const CSV_HEADER: [&str; 14] = [
    "number",
    "signed",
    "effective_first",
    "effective_last",
    "added",
    "amended",
    "replaced",
    "repealed",
    "rows",
    "source",
    "source_sha256",
    "imported_at",
    "imported_by",
    "chain_sha256",
];

/// The first 12 characters of a hash, for the table.
fn short(hash: &str) -> &str {
    hash.get(..12).unwrap_or(hash)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Day;

    fn record() -> Record {
        Record::from(LoggedDecision {
            number: "10/QĐ-UBND".into(),
            signed: Day::parse("2024-01-10").unwrap(),
            effective_first: Day::parse("2024-01-15").unwrap(),
            effective_last: Day::parse("2024-02-01").unwrap(),
            actions: [6, 1, 1, 0],
            rows: 8,
            source: "base.csv".into(),
            source_sha256: "a".repeat(64),
            imported_at: "2025-01-01T00:00:00Z".into(),
            imported_by: "clerk".into(),
            chain_sha256: "b".repeat(64),
        })
    }

    fn text(format: Format, records: &[Record]) -> String {
        let mut out = Vec::new();
        write(&mut out, format, records).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn csv_header_matches_the_record_keys() {
        let csv = text(Format::Csv, &[record()]);
        let mut lines = csv.lines();
        assert_eq!(lines.next(), Some(CSV_HEADER.join(",").as_str()));
        assert!(
            lines
                .next()
                .unwrap()
                .starts_with("10/QĐ-UBND,2024-01-10,2024-01-15,2024-02-01,6,1,1,0,8,base.csv,")
        );
        assert_eq!(
            text(Format::Csv, &[]),
            format!("{}\n", CSV_HEADER.join(","))
        );
        let json: serde_json::Value =
            serde_json::from_str(&text(Format::Json, &[record()])).unwrap();
        let keys: Vec<&str> = json["decisions"][0]
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        let mut header = CSV_HEADER.to_vec();
        header.sort_unstable();
        let mut keys = keys;
        keys.sort_unstable();
        assert_eq!(keys, header);
    }

    #[test]
    fn the_table_shows_a_range_of_effective_dates_and_short_hashes() {
        let table = text(Format::Table, &[record()]);
        assert!(table.contains("2024-01-15 to 2024-02-01"), "{table}");
        assert!(table.contains(&"b".repeat(12)), "{table}");
        assert!(!table.contains(&"b".repeat(13)), "{table}");
        assert_eq!(text(Format::Table, &[]), "No decision imported yet.\n");
    }
}
