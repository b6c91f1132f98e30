//! `tthc show CODE`: a procedure's full record at each level where it is in
//! force, on a date or right after a decision.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use serde::Serialize;

use crate::cli::{Format, ShowArgs};
use crate::domain::version::{EntryVersion, standing_at};
use crate::domain::{Code, Point};
use crate::error::Error;
use crate::output::{DecisionJson, Sink, table, write_json};

pub(crate) fn run(db: &Path, args: &ShowArgs) -> Result<ExitCode, Error> {
    let (format, delimiter) = super::read_format_csv(args.format, &args.csv)?;
    let code = args.code;
    let (store, point, known) =
        super::open_at_known(db, "--as-of", args.as_of.value.as_ref(), &args.known_at)?;
    let versions = store.entry_versions_known(code, None, &known)?;
    if versions.is_empty() {
        return Err(Error::NotFound(crate::tr!(
            "show-no-version",
            code = code.to_string()
        )));
    }
    let records = records(&versions, &point);
    if records.is_empty() {
        return Err(Error::NotFound(crate::tr!(
            "show-not-in-force",
            code = code.to_string(),
            point = point.to_string()
        )));
    }
    let mut out = Sink::open(None)?;
    match format {
        Format::Json => write_json(
            &mut out,
            &ShowJson {
                code: code.to_string(),
                as_of: point.day().to_string(),
                after_decision: DecisionJson::after(&point),
                known_at: args.known_at.moment.as_ref().map(|m| m.utc.clone()),
                entries: records.iter().map(EntryJson::new).collect(),
            },
        )?,
        Format::Csv => {
            let mut w = crate::output::csv_writer(&mut out, delimiter);
            for r in &records {
                w.serialize(r)?;
            }
            w.flush()?;
        }
        Format::Table => {
            write_table(&mut out, code, &point, &records)?;
            if let Some(m) = &args.known_at.moment {
                writeln!(out, "\n{}", crate::output::known_at_text(&m.utc))?;
            }
        }
    }
    out.finish()?;
    Ok(ExitCode::SUCCESS)
}

/// The entry at one level; the csv row and the JSON object share it.
#[derive(Debug, Serialize)]
struct EntryRecord {
    level: &'static str,
    code: String,
    name: String,
    field: String,
    agency: String,
    processing_time: String,
    fee: String,
    legal_basis: String,
    /// The decision that made this version, its signing date, and the version's effective date.
    decision: String,
    signed: String,
    effective: String,
    /// What that decision did: added, amended or replaced.
    action: &'static str,
    /// The version's number in `tthc history`.
    version: usize,
    online: String,
    inter_agency: String,
    /// The file the decision was imported from, and the row's line in it.
    file: String,
    line: u32,
}

/// The entry at one level as JSON: the csv row's keys, the decision named
/// by its number and signing date.
#[derive(Serialize)]
struct EntryJson<'a> {
    level: &'static str,
    code: &'a str,
    name: &'a str,
    field: &'a str,
    agency: &'a str,
    processing_time: &'a str,
    fee: &'a str,
    legal_basis: &'a str,
    decision: DecisionJson,
    effective: &'a str,
    action: &'static str,
    version: usize,
    online: &'a str,
    inter_agency: &'a str,
    file: &'a str,
    line: u32,
}

impl<'a> EntryJson<'a> {
    fn new(r: &'a EntryRecord) -> Self {
        EntryJson {
            level: r.level,
            code: &r.code,
            name: &r.name,
            field: &r.field,
            agency: &r.agency,
            processing_time: &r.processing_time,
            fee: &r.fee,
            legal_basis: &r.legal_basis,
            decision: DecisionJson {
                number: r.decision.clone(),
                signed: r.signed.clone(),
            },
            effective: &r.effective,
            action: r.action,
            version: r.version,
            online: &r.online,
            inter_agency: &r.inter_agency,
            file: &r.file,
            line: r.line,
        }
    }
}

#[derive(Serialize)]
struct ShowJson<'a> {
    code: String,
    /// The date of the catalog version.
    as_of: String,
    /// The decision the version is the catalog right after, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    after_decision: Option<DecisionJson>,
    /// With `--known-at`: the moment (UTC) the catalog is as known at.
    #[serde(skip_serializing_if = "Option::is_none")]
    known_at: Option<String>,
    entries: Vec<EntryJson<'a>>,
}

fn records(versions: &[EntryVersion], point: &Point) -> Vec<EntryRecord> {
    versions
        .chunk_by(|a, b| a.version.level == b.version.level)
        .filter_map(|same_level| standing_at(same_level, point.bound()))
        .filter(|(_, v)| v.version.in_force())
        .map(|(i, entry)| {
            let (v, d) = (&entry.version, &entry.details);
            EntryRecord {
                level: v.level.as_str(),
                code: v.code.to_string(),
                name: d.name.clone(),
                field: d.field.clone(),
                agency: d.agency.clone(),
                processing_time: d.processing_time.clone(),
                fee: d.fee.clone(),
                legal_basis: d.legal_basis.clone(),
                decision: entry.decision.clone(),
                signed: v.signed().to_string(),
                effective: v.effective().to_string(),
                action: v.action.as_str(),
                version: i + 1,
                online: d.online.clone(),
                inter_agency: d.inter_agency.clone(),
                file: entry.file.clone(),
                line: v.line,
            }
        })
        .collect()
}

fn write_table(
    out: &mut Sink,
    code: Code,
    point: &Point,
    records: &[EntryRecord],
) -> Result<(), Error> {
    writeln!(out, "{code} ({})", crate::output::as_of_text(point))?;
    for r in records {
        let level = crate::domain::Level::parse(r.level)
            .map_or_else(|_| r.level.to_owned(), crate::output::level_name);
        writeln!(out, "\n{level}")?;
        let (field, value) = (crate::tr!("show-field"), crate::tr!("show-value"));
        let mut t = table(&[&field, &value]);
        for (key, value) in [
            (crate::tr!("table-name"), r.name.as_str()),
            (crate::tr!("table-field"), &r.field),
            (crate::tr!("table-agency"), &r.agency),
            (crate::tr!("show-processing-time"), &r.processing_time),
            (crate::tr!("show-fee"), &r.fee),
            (crate::tr!("show-legal-basis"), &r.legal_basis),
            (crate::tr!("show-online"), &r.online),
            (crate::tr!("show-inter-agency"), &r.inter_agency),
            (crate::tr!("table-decision"), &r.decision),
            (crate::tr!("table-signed"), &r.signed),
            (crate::tr!("table-effective"), &r.effective),
        ] {
            t.add_row([key.as_str(), value]);
        }
        t.add_row([
            crate::tr!("show-version"),
            format!("{} ({})", r.version, crate::output::action_word(r.action)),
        ]);
        t.add_row([crate::tr!("table-source"), format!("{}:{}", r.file, r.line)]);
        writeln!(out, "{t}")?;
    }
    Ok(())
}
