//! `tthc decisions`: the decision log, in order of import.
//!
//! JSON: `{"decisions": [RECORD, ...]}`, then `"corrections": [LINK, ...]`
//! when there are any; csv: one RECORD per line under a header of the same
//! keys. A RECORD is
//! `number, signed, effective_first, effective_last, added, amended, replaced,
//! repealed, rows, source, source_sha256, imported_at, imported_by, chain_sha256,
//! status, corrected_at, corrected_by, correction_reason`
//! (dates ISO; `added`..`repealed` count the entry changes in the catalog per
//! action, `rows` all of them; `status` is `imported`, `corrected` or
//! `retracted`, and the last three are of its latest correction, if any).
//! A LINK is a correction in the order of the chain. The table is compact:
//! number in the log, decision, signing and effective dates, changes per
//! action, and the file (made to fit 100 columns); the corrections follow
//! it. csv and json have everything.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use serde::Serialize;

use crate::cli::{DecisionsArgs, Format};
use crate::domain::correction::Correction;
use crate::error::Error;
use crate::output::{DecisionJson, Sink, action_word, table, write_json};
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
    /// `imported`, or what its latest correction did: `corrected`, `retracted`.
    status: &'static str,
    corrected_at: Option<String>,
    corrected_by: Option<String>,
    correction_reason: Option<String>,
}

impl Record {
    fn new(d: LoggedDecision, latest: Option<&Correction>) -> Self {
        let [added, amended, replaced, repealed] = d.actions;
        Record {
            status: latest.map_or("imported", |c| c.kind.as_str()),
            corrected_at: latest.map(|c| c.made_at.clone()),
            corrected_by: latest.map(|c| c.made_by.clone()),
            correction_reason: latest.map(|c| c.reason.clone()),
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

/// A correction, a link of the chain.
#[derive(Debug, Serialize, PartialEq, Eq)]
struct Link {
    /// The decision corrected, `{"number", "signed"}`.
    decision: DecisionJson,
    /// `retracted` or `corrected`.
    kind: &'static str,
    reason: String,
    at: String,
    by: String,
    /// The corrected file(s); empty for a retraction.
    source: String,
    source_sha256: String,
    /// The entry changes it put in place of the decision's rows.
    rows: u64,
    chain_sha256: String,
}

/// The JSON document.
#[derive(Debug, Serialize)]
struct Log<'a> {
    /// With `--known-at`: the moment (UTC) the log is as known at.
    #[serde(skip_serializing_if = "Option::is_none")]
    known_at: Option<&'a str>,
    decisions: &'a [&'a Record],
    #[serde(skip_serializing_if = "<[Link]>::is_empty")]
    corrections: &'a [Link],
}

pub(crate) fn run(db: &Path, args: &DecisionsArgs) -> Result<ExitCode, Error> {
    let (format, delimiter) = super::read_format_csv(args.format, &args.csv)?;
    let store = super::open_existing(db)?;
    let corrections = store.corrections()?;
    // As known at --known-at: the decisions imported by then, with their
    // rows as then, and the corrections made by then.
    let known = super::known(&store, &args.known_at)?;
    let knowledge = known.knowledge;
    let mut log = store.decision_log()?;
    log.retain(|d| knowledge.knows_decision(d.id));
    for d in &mut log {
        store.logged_as_known(d, &known)?;
    }
    let mut links = Vec::new();
    for c in corrections.all().iter().filter(|c| knowledge.knows(c)) {
        let (number, signed) = log
            .iter()
            .find(|d| d.id == c.decision)
            .map(|d| (d.number.clone(), d.signed.to_string()))
            .unwrap_or_default();
        links.push(Link {
            decision: DecisionJson { number, signed },
            kind: c.kind.as_str(),
            reason: c.reason.clone(),
            at: c.made_at.clone(),
            by: c.made_by.clone(),
            source: c.source.clone(),
            source_sha256: c.source_sha256.clone(),
            rows: c.rows,
            chain_sha256: c.chain_sha256.clone(),
        });
    }
    let mut records: Vec<(usize, Record)> = log
        .into_iter()
        .enumerate()
        .filter(|(_, d)| {
            args.since.is_none_or(|since| d.signed >= since)
                && args.until.is_none_or(|until| d.signed <= until)
        })
        .map(|(i, d)| {
            let latest = corrections.latest(d.id, &knowledge);
            (i + 1, Record::new(d, latest))
        })
        .collect();
    if let Some(n) = args.limit {
        records.drain(..records.len().saturating_sub(n));
    }
    let known_at = args.known_at.moment.as_ref().map(|m| m.utc.as_str());
    let mut out = Sink::open(None)?;
    write(&mut out, format, delimiter, &records, &links, known_at)?;
    out.finish()?;
    Ok(ExitCode::SUCCESS)
}

/// Writes the records, each with its place in the log (from 1), and the
/// corrections in the order of the chain.
fn write(
    out: &mut impl Write,
    format: Format,
    delimiter: u8,
    records: &[(usize, Record)],
    links: &[Link],
    known_at: Option<&str>,
) -> Result<(), Error> {
    match format {
        Format::Json => {
            let records: Vec<&Record> = records.iter().map(|(_, r)| r).collect();
            write_json(
                out,
                &Log {
                    known_at,
                    decisions: &records,
                    corrections: links,
                },
            )?;
        }
        Format::Csv => {
            let mut w = csv::WriterBuilder::new()
                .has_headers(false)
                .delimiter(delimiter)
                .from_writer(&mut *out);
            w.write_record(CSV_HEADER)?;
            for (_, r) in records {
                w.serialize(r)?;
            }
            w.flush()?;
        }
        Format::Table => {
            if records.is_empty() {
                writeln!(out, "{}", crate::tr!("decisions-none"))?;
                return Ok(());
            }
            let heading = [
                "#".to_owned(),
                crate::tr!("table-decision"),
                crate::tr!("table-signed"),
                crate::tr!("table-effective"),
                "+ ~ ⇄ −".to_owned(),
                crate::tr!("table-file"),
            ];
            let mut t = table(&heading.each_ref().map(String::as_str));
            for (i, r) in records {
                let effective = if r.effective_first == r.effective_last {
                    r.effective_first.clone()
                } else {
                    format!("{}…{}", r.effective_first, r.effective_last)
                };
                let number = if r.status == "imported" {
                    r.number.clone()
                } else {
                    format!("{}\n({})", r.number, action_word(r.status))
                };
                t.add_row([
                    i.to_string(),
                    number,
                    r.signed.clone(),
                    effective,
                    format!("{} {} {} {}", r.added, r.amended, r.replaced, r.repealed),
                    shortened(file_name(&r.source), FILE_WIDTH),
                ]);
            }
            writeln!(out, "{t}")?;
            writeln!(out, "{}", crate::tr!("decisions-legend"))?;
            write_links(out, links)?;
            if let Some(moment) = known_at {
                writeln!(out, "\n{}", crate::tr!("audit-known-at", moment = moment))?;
            }
        }
    }
    Ok(())
}

/// The first 12 characters of a hash, for the table.
fn short(hash: &str) -> &str {
    hash.get(..12).unwrap_or(hash)
}

/// Characters of a file name the table shows.
const FILE_WIDTH: usize = 26;

/// A text of at most `width` characters: its start and its end around "…".
fn shortened(text: &str, width: usize) -> String {
    let n = text.chars().count();
    if n <= width {
        return text.to_owned();
    }
    let tail = width / 2;
    let head = width - tail - 1;
    let start: String = text.chars().take(head).collect();
    let end: String = text.chars().skip(n - tail).collect();
    format!("{start}…{end}")
}

/// The last part of a path as given to import, for the narrow table.
fn file_name(source: &str) -> &str {
    source.rsplit(['/', '\\']).next().unwrap_or(source)
}

/// The corrections under the table of decisions, in the order of the chain.
fn write_links(out: &mut impl Write, links: &[Link]) -> Result<(), Error> {
    if links.is_empty() {
        return Ok(());
    }
    writeln!(out, "\n{}", crate::tr!("decisions-corrections"))?;
    let heading = [
        "#".to_owned(),
        crate::tr!("table-decision"),
        crate::tr!("table-signed"),
        crate::tr!("decisions-correction"),
        crate::tr!("decisions-made"),
        crate::tr!("decisions-by"),
        crate::tr!("decisions-reason"),
        crate::tr!("table-source"),
        crate::tr!("decisions-rows"),
        crate::tr!("decisions-chain"),
    ];
    let mut t = table(&heading.each_ref().map(String::as_str));
    for (i, l) in links.iter().enumerate() {
        t.add_row([
            (i + 1).to_string(),
            l.decision.number.clone(),
            l.decision.signed.clone(),
            action_word(l.kind),
            l.at.clone(),
            l.by.clone(),
            l.reason.clone(),
            l.source.clone(),
            l.rows.to_string(),
            short(&l.chain_sha256).to_owned(),
        ]);
    }
    writeln!(out, "{t}")?;
    Ok(())
}

/// The csv header: the keys of [`Record`], written even when the log is empty.
const CSV_HEADER: [&str; 18] = [
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
    "status",
    "corrected_at",
    "corrected_by",
    "correction_reason",
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Day;

    fn record() -> Record {
        Record::new(
            LoggedDecision {
                id: 1,
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
            },
            None,
        )
    }

    fn text(format: Format, records: &[Record]) -> String {
        let numbered: Vec<(usize, Record)> = records
            .iter()
            .map(|r| {
                (
                    7,
                    Record {
                        number: r.number.clone(),
                        source: r.source.clone(),
                        ..record()
                    },
                )
            })
            .collect();
        let mut out = Vec::new();
        write(&mut out, format, b',', &numbered, &[], None).unwrap();
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
    fn the_table_is_compact_and_fits_100_columns() {
        let long = Record {
            source: "/srv/tthc/inbox/2025/QuangTri_2715-QD-UBND_2025-11-19.docx".into(),
            ..record()
        };
        let table = text(Format::Table, &[long]);
        assert!(table.contains("2024-01-15…2024-02-01"), "{table}");
        assert!(table.contains("6 1 1 0"), "{table}");
        assert!(table.contains("QuangTri_271…25-11-19.docx"), "{table}");
        assert!(!table.contains("/srv/tthc"), "{table}");
        assert!(!table.contains(&"b".repeat(12)), "{table}");
        for line in table.lines() {
            assert!(line.chars().count() <= 100, "{line}");
        }
        assert!(table.contains("│ 7 "), "{table}");
        assert_eq!(text(Format::Table, &[]), "No decision imported yet.\n");
    }
}
