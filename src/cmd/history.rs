//! `tthc history CODE`: every version of a procedure's entries, level by level.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use serde::Serialize;

use crate::cli::{Format, HistoryArgs};
use crate::domain::rules::Role;
use crate::domain::version::{EntryVersion, changed_fields};
use crate::domain::{Action, Code, Level};
use crate::error::Error;
use crate::output::{Sink, table, write_json};
use crate::store::Store;

pub(crate) fn run(db: &Path, args: &HistoryArgs) -> Result<ExitCode, Error> {
    let (code, level) = (args.code, args.level);
    let store = super::open_existing(db)?;
    let versions = store.entry_versions(code, level)?;
    if versions.is_empty() {
        return Err(not_found(&store, code, level)?);
    }
    let records = records(&versions);
    let mut out = Sink::open(None)?;
    match args.format {
        Format::Json => write_json(
            &mut out,
            &HistoryJson {
                code: code.to_string(),
                versions: records,
            },
        )?,
        Format::Csv => write_csv(&mut out, &records)?,
        Format::Table => write_table(&mut out, code, &records)?,
    }
    out.finish()?;
    Ok(ExitCode::SUCCESS)
}

/// The error for a code (at a level) with no stored version.
fn not_found(store: &Store, code: Code, level: Option<Level>) -> Result<Error, Error> {
    let Some(level) = level else {
        return Ok(Error::NotFound(format!(
            "no version of {code} is stored at any level (tthc search finds procedures by name)"
        )));
    };
    let mut others: Vec<&str> = store
        .entry_versions(code, None)?
        .iter()
        .map(|v| v.level.as_str())
        .collect();
    others.dedup();
    Ok(Error::NotFound(if others.is_empty() {
        format!(
            "no version of {code} is stored at any level (tthc search finds procedures by name)"
        )
    } else {
        format!(
            "no version of {code} is stored at {level} level; it has versions at: {}",
            others.join(", ")
        )
    }))
}

/// One version as history shows it; the csv row and the JSON object share it.
#[derive(Debug, Serialize)]
struct VersionRecord {
    level: &'static str,
    /// 1, 2, ... in rule order within the level.
    version: usize,
    action: &'static str,
    /// The old code, for the new side of a replacement.
    #[serde(skip_serializing_if = "Option::is_none")]
    replaces: Option<String>,
    /// The new code, for an entry repealed by a replacement.
    #[serde(skip_serializing_if = "Option::is_none")]
    replaced_by: Option<String>,
    decision: String,
    signed: String,
    effective: String,
    /// Whether the entry is in force after this version.
    in_force: bool,
    /// The fields that differ from the previous version (first version: the fields given).
    changed: Vec<&'static str>,
    name: String,
    field: String,
    agency: String,
    processing_time: String,
    fee: String,
    legal_basis: String,
}

#[derive(Serialize)]
struct HistoryJson {
    code: String,
    versions: Vec<VersionRecord>,
}

fn records(versions: &[EntryVersion]) -> Vec<VersionRecord> {
    let mut out = Vec::with_capacity(versions.len());
    for same_level in versions.chunk_by(|a, b| a.level == b.level) {
        let mut previous = None;
        for (i, v) in same_level.iter().enumerate() {
            let d = &v.details;
            out.push(VersionRecord {
                level: v.level.as_str(),
                version: i + 1,
                action: v.action.as_str(),
                replaces: match (v.action, v.role) {
                    (Action::Replaced, Role::Primary) => v.other_code.map(|c| c.to_string()),
                    _ => None,
                },
                replaced_by: v.replaced_by().map(|c| c.to_string()),
                decision: v.decision.clone(),
                signed: v.signed().to_string(),
                effective: v.effective().to_string(),
                in_force: v.in_force(),
                changed: changed_fields(previous, v),
                name: d.name.clone(),
                field: d.field.clone(),
                agency: d.agency.clone(),
                processing_time: d.processing_time.clone(),
                fee: d.fee.clone(),
                legal_basis: d.legal_basis.clone(),
            });
            previous = Some(d);
        }
    }
    out
}

const CSV_HEADER: [&str; 16] = [
    "level",
    "version",
    "action",
    "replaces",
    "replaced_by",
    "decision",
    "signed",
    "effective",
    "in_force",
    "changed",
    "name",
    "field",
    "agency",
    "processing_time",
    "fee",
    "legal_basis",
];

fn write_csv(out: &mut Sink, records: &[VersionRecord]) -> Result<(), Error> {
    let mut w = csv::Writer::from_writer(&mut *out);
    w.write_record(CSV_HEADER)?;
    for r in records {
        w.write_record([
            r.level,
            &r.version.to_string(),
            r.action,
            r.replaces.as_deref().unwrap_or_default(),
            r.replaced_by.as_deref().unwrap_or_default(),
            &r.decision,
            &r.signed,
            &r.effective,
            if r.in_force { "true" } else { "false" },
            &r.changed.join("; "),
            &r.name,
            &r.field,
            &r.agency,
            &r.processing_time,
            &r.fee,
            &r.legal_basis,
        ])?;
    }
    w.flush()?;
    Ok(())
}

fn write_table(out: &mut Sink, code: Code, records: &[VersionRecord]) -> Result<(), Error> {
    writeln!(out, "History of {code}")?;
    for same_level in records.chunk_by(|a, b| a.level == b.level) {
        let level = same_level.first().map_or("", |r| r.level);
        let label = Level::parse(level).map(Level::label_vi).unwrap_or_default();
        writeln!(
            out,
            "\n{label} ({level}): {} version{}",
            same_level.len(),
            if same_level.len() == 1 { "" } else { "s" }
        )?;
        let mut t = table(&["#", "Action", "Decision", "Signed", "Effective", "Changes"]);
        for r in same_level {
            let mut action = r.action.to_owned();
            if let Some(old) = &r.replaces {
                action = format!("{action} (replaces {old})");
            }
            if let Some(new) = &r.replaced_by {
                action = format!("{action} by {new}");
            }
            let changes = if r.in_force {
                r.changed
                    .iter()
                    .map(|f| format!("{f}: {}", value(r, f)))
                    .collect::<Vec<_>>()
                    .join("\n")
            } else {
                "(not in force)".to_owned()
            };
            t.add_row([
                r.version.to_string(),
                action,
                r.decision.clone(),
                r.signed.clone(),
                r.effective.clone(),
                changes,
            ]);
        }
        writeln!(out, "{t}")?;
    }
    Ok(())
}

fn value<'a>(r: &'a VersionRecord, field: &str) -> &'a str {
    match field {
        "name" => &r.name,
        "field" => &r.field,
        "agency" => &r.agency,
        "processing_time" => &r.processing_time,
        "fee" => &r.fee,
        _ => &r.legal_basis,
    }
}
