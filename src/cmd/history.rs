//! `tthc history CODE`: every version of a procedure's entries, level by level.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use serde::Serialize;

use crate::cli::{Format, HistoryArgs};
use crate::domain::correction::{Correction, Standing};
use crate::domain::provenance::Provenance;
use crate::domain::rules::Role;
use crate::domain::version::{EntryVersion, Move, changed_fields, join_assigned_by, moves};
use crate::domain::{Action, Code, DETAIL_FIELDS, Details, Level};
use crate::error::Error;
use crate::output::{
    DecisionJson, Sink, action_word, field_word, level_name, level_text, level_word, table,
    write_json,
};
use crate::store::{Store, as_known};

pub(crate) fn run(db: &Path, args: &HistoryArgs) -> Result<ExitCode, Error> {
    let (format, delimiter) = super::read_format_csv(args.format, &args.csv)?;
    let (code, level) = (args.code, args.level);
    let store = super::open_existing(db)?;
    let known = super::known(&store, &args.known_at)?;
    let as_known = |code, level| -> Result<Vec<(EntryVersion, Standing<'_>)>, Error> {
        Ok(as_known(
            store.recorded_versions(code, level)?,
            &known.corrections,
            &known.knowledge,
        ))
    };
    // Every level's versions: a move pairs versions at two levels. The
    // versions a correction took out are shown, marked.
    let versions = as_known(code, None)?;
    // An entry published without a code and given this one later is the
    // same entry: its versions come first.
    let mut earlier = Vec::new();
    for (v, _) in versions
        .iter()
        .filter(|(e, s)| e.version.assigns_code() && matches!(s, Standing::Live { .. }))
    {
        if let Some(provisional) = v.version.other_code {
            earlier.extend(as_known(provisional, Some(v.version.level))?);
        }
    }
    let versions = join_assigned_by(versions, earlier, |(e, _)| &e.version);
    let records: Vec<VersionRecord> = records(&versions)
        .into_iter()
        .filter(|r| level.is_none_or(|l| r.level == l.as_str()))
        .collect();
    if records.is_empty() {
        if let Some(m) = &args.known_at.moment
            && !store.entry_versions(code, level)?.is_empty()
        {
            return Err(Error::NotFound(crate::tr!(
                "history-none-known-at",
                code = code.to_string(),
                moment = m.text.as_str()
            )));
        }
        return Err(not_found(&store, code, level)?);
    }
    let mut out = Sink::open(None)?;
    match format {
        Format::Json => write_json(
            &mut out,
            &HistoryJson {
                code: code.to_string(),
                known_at: args.known_at.moment.as_ref().map(|m| m.utc.clone()),
                versions: records,
            },
        )?,
        Format::Csv => write_csv(&mut out, delimiter, &records)?,
        Format::Table => {
            write_table(&mut out, code, &records)?;
            if let Some(m) = &args.known_at.moment {
                writeln!(
                    out,
                    "\n{}",
                    crate::tr!("table-as-known-at", moment = m.utc.as_str())
                )?;
            }
        }
    }
    out.finish()?;
    Ok(ExitCode::SUCCESS)
}

/// The error for a code (at a level) with no stored version.
fn not_found(store: &Store, code: Code, level: Option<Level>) -> Result<Error, Error> {
    let Some(level) = level else {
        return Ok(Error::NotFound(crate::tr!(
            "show-no-version",
            code = code.to_string()
        )));
    };
    let mut others: Vec<&str> = store
        .entry_versions(code, None)?
        .iter()
        .map(|v| v.version.level.as_str())
        .collect();
    others.dedup();
    Ok(Error::NotFound(if others.is_empty() {
        crate::tr!("show-no-version", code = code.to_string())
    } else {
        crate::tr!(
            "history-none-at-level",
            code = code.to_string(),
            level = level_word(level).to_lowercase(),
            others = others
                .iter()
                .map(|l| level_text(l).to_lowercase())
                .collect::<Vec<_>>()
                .join(", ")
        )
    }))
}

/// One version as history shows it; the csv row and the JSON object share it.
#[derive(Debug, Serialize)]
struct VersionRecord {
    level: &'static str,
    /// 1, 2, ... in rule order within the level; `null` for a version a
    /// correction took out of the catalog.
    version: Option<usize>,
    action: &'static str,
    /// The old code, for the new side of a replacement.
    #[serde(skip_serializing_if = "Option::is_none")]
    replaces: Option<String>,
    /// The new code, for an entry repealed by a replacement.
    #[serde(skip_serializing_if = "Option::is_none")]
    replaced_by: Option<String>,
    /// The level the code left, for an addition that moved it here.
    #[serde(skip_serializing_if = "Option::is_none")]
    moved_from: Option<&'static str>,
    /// The level the code went to, for a repeal that moved it there.
    #[serde(skip_serializing_if = "Option::is_none")]
    moved_to: Option<&'static str>,
    /// The decision that made the version: number and signing date.
    decision: DecisionJson,
    effective: String,
    /// Whether the entry is in force after this version.
    in_force: bool,
    /// The fields that differ from the previous version (first version: the fields given).
    changed: Vec<&'static str>,
    #[serde(flatten)]
    details: Details,
    /// The file the decision was imported from, and the row's line in it.
    file: String,
    line: u32,
    /// For a decision read as published: where the row's facts came from.
    #[serde(skip_serializing_if = "Option::is_none")]
    provenance: Option<ProvenanceRecord>,
    /// For a numbered row of a decision as published: its annex, the labels
    /// of the headings above it and its number (STT).
    #[serde(skip_serializing_if = "Option::is_none")]
    position: Option<PositionRecord>,
    /// For a version a correction took out of the catalog: the correction.
    #[serde(skip_serializing_if = "Option::is_none")]
    retracted: Option<CorrectionRecord>,
    /// For a version a correction put in: the correction.
    #[serde(skip_serializing_if = "Option::is_none")]
    corrected: Option<CorrectionRecord>,
}

/// A correction, as a version it touched shows it.
#[derive(Debug, Serialize)]
struct CorrectionRecord {
    at: String,
    by: String,
    reason: String,
    /// What the correction did to its decision: `retracted` (its rows taken
    /// out) or `corrected` (its rows replaced by a corrected file's).
    kind: &'static str,
}

impl CorrectionRecord {
    fn new(c: &Correction) -> Self {
        CorrectionRecord {
            at: c.made_at.clone(),
            by: c.made_by.clone(),
            reason: c.reason.clone(),
            kind: c.kind.as_str(),
        }
    }

    /// "retracted 2026-03-01T10:00:00Z by clerk: wrong file"
    fn describe(&self, what: &str) -> String {
        crate::tr!(
            "history-correction",
            what = action_word(what),
            at = self.at.as_str(),
            by = self.by.as_str(),
            reason = self.reason.as_str()
        )
    }
}

/// Where a row stood in its annex.
#[derive(Debug, Serialize)]
struct PositionRecord {
    annex: String,
    sections: Vec<String>,
    stt: String,
    /// As a clerk writes it: "số thứ tự 4, mục I, Phụ lục I".
    text: String,
}

/// Where a row's facts came from, each as a phrase ("heading at line 12").
#[derive(Debug, Serialize)]
struct ProvenanceRecord {
    place: String,
    action: String,
    levels: String,
    field: Option<String>,
    decision: String,
    /// The same, in the run's language, for the table.
    #[serde(skip)]
    described: String,
}

impl ProvenanceRecord {
    fn new(p: &Provenance) -> Self {
        ProvenanceRecord {
            place: p.place.clone(),
            action: p.action.to_string(),
            levels: p.levels.to_string(),
            field: p.field.as_ref().map(ToString::to_string),
            decision: p.decision.to_string(),
            described: Self::described(p),
        }
    }

    /// "action from heading at line 4; level from …", for the table.
    fn described(p: &Provenance) -> String {
        let mut parts = vec![
            crate::tr!(
                "history-action-from",
                place = p.place.as_str(),
                source = p.action.describe()
            ),
            crate::tr!("history-level-from", source = p.levels.describe()),
        ];
        if let Some(field) = &p.field {
            parts.push(crate::tr!("history-field-from", source = field.describe()));
        }
        parts.push(crate::tr!(
            "history-decision-from",
            source = p.decision.describe()
        ));
        parts.join("; ")
    }

    fn describe(&self) -> String {
        self.described.clone()
    }
}

#[derive(Serialize)]
struct HistoryJson {
    code: String,
    /// With `--known-at`: the moment (UTC) the history is as known at.
    #[serde(skip_serializing_if = "Option::is_none")]
    known_at: Option<String>,
    versions: Vec<VersionRecord>,
}

/// The records of a code's versions at every level, by level then rule
/// order; those a correction took out are marked and numbered with none.
fn records(versions: &[(EntryVersion, Standing<'_>)]) -> Vec<VersionRecord> {
    let mut out = Vec::with_capacity(versions.len());
    // Moves pair the versions in the catalog only.
    let live: Vec<EntryVersion> = versions
        .iter()
        .filter(|(_, s)| matches!(s, Standing::Live { .. }))
        .map(|(e, _)| e.clone())
        .collect();
    let parts = moves(&live);
    let mut parts = parts.iter();
    for same_level in versions.chunk_by(|a, b| a.0.version.level == b.0.version.level) {
        let mut previous = None;
        let mut number = 0;
        for (entry, standing) in same_level {
            let (v, d) = (&entry.version, &entry.details);
            let (retracted, put_in_by) = match standing {
                Standing::Retracted { by, put_in_by } => (Some(*by), *put_in_by),
                Standing::Live { put_in_by } => (None, *put_in_by),
                Standing::Unknown => (None, None),
            };
            let part = if retracted.is_none() {
                number += 1;
                parts.next().copied().flatten()
            } else {
                None
            };
            out.push(VersionRecord {
                level: v.level.as_str(),
                version: retracted.is_none().then_some(number),
                retracted: retracted.map(CorrectionRecord::new),
                corrected: put_in_by.map(CorrectionRecord::new),
                action: if v.assigns_code() {
                    "code_assigned"
                } else {
                    v.action.as_str()
                },
                replaces: match (v.action, v.role) {
                    _ if v.assigns_code() => None,
                    (Action::Replaced, Role::Primary) => v.other_code.map(|c| c.to_string()),
                    _ => None,
                },
                replaced_by: v.replaced_by().map(|c| c.to_string()),
                moved_from: match part {
                    Some(Move::From(level)) => Some(level.as_str()),
                    _ => None,
                },
                moved_to: match part {
                    Some(Move::To(level)) => Some(level.as_str()),
                    _ => None,
                },
                decision: DecisionJson::new(&entry.decision, v.signed()),
                effective: v.effective().to_string(),
                in_force: v.in_force() && retracted.is_none(),
                changed: changed_fields(previous, entry),
                details: d.clone(),
                file: entry.file.clone(),
                line: v.line,
                provenance: entry.provenance.as_ref().map(ProvenanceRecord::new),
                position: entry
                    .provenance
                    .as_ref()
                    .and_then(|p| p.position.as_ref())
                    .map(|p| PositionRecord {
                        annex: p.annex.clone(),
                        sections: p.sections.clone(),
                        stt: p.stt.clone(),
                        text: p.to_string(),
                    }),
            });
            if retracted.is_none() {
                previous = Some(d);
            }
        }
    }
    out
}

/// The csv header before the detail fields ([`DETAIL_FIELDS`]); the file
/// and line follow them.
const CSV_HEADER: [&str; 12] = [
    "level",
    "version",
    "action",
    "replaces",
    "replaced_by",
    "moved_from",
    "moved_to",
    "decision",
    "signed",
    "effective",
    "in_force",
    "changed",
];

/// The csv columns after the file and line: the correction that took the
/// version out, if one did.
const CSV_RETRACTED: [&str; 3] = ["retracted_at", "retracted_by", "retracted_reason"];

fn write_csv(out: &mut Sink, delimiter: u8, records: &[VersionRecord]) -> Result<(), Error> {
    let mut w = crate::output::csv_writer(&mut *out, delimiter);
    w.write_record(
        CSV_HEADER
            .iter()
            .chain(&DETAIL_FIELDS)
            .chain(&["file", "line"])
            .chain(&CSV_RETRACTED),
    )?;
    for r in records {
        let version = r.version.map(|n| n.to_string()).unwrap_or_default();
        let changed = r.changed.join("; ");
        let head = [
            r.level,
            &version,
            r.action,
            r.replaces.as_deref().unwrap_or_default(),
            r.replaced_by.as_deref().unwrap_or_default(),
            r.moved_from.unwrap_or_default(),
            r.moved_to.unwrap_or_default(),
            &r.decision.number,
            &r.decision.signed,
            &r.effective,
            if r.in_force { "true" } else { "false" },
            &changed,
        ];
        let line = r.line.to_string();
        let retracted = r.retracted.as_ref();
        w.write_record(
            head.into_iter()
                .chain(r.details.as_array())
                .chain([r.file.as_str(), &line])
                .chain([
                    retracted.map_or("", |c| c.at.as_str()),
                    retracted.map_or("", |c| c.by.as_str()),
                    retracted.map_or("", |c| c.reason.as_str()),
                ]),
        )?;
    }
    w.flush()?;
    Ok(())
}

fn write_table(out: &mut Sink, code: Code, records: &[VersionRecord]) -> Result<(), Error> {
    writeln!(
        out,
        "{}",
        crate::tr!("history-title", code = code.to_string())
    )?;
    for same_level in records.chunk_by(|a, b| a.level == b.level) {
        let level = same_level.first().map_or("", |r| r.level);
        let label = Level::parse(level).map_or_else(|_| level.to_owned(), level_name);
        let taken_out = same_level.iter().filter(|r| r.retracted.is_some()).count();
        let live = same_level.len() - taken_out;
        writeln!(
            out,
            "\n{}",
            if taken_out > 0 {
                crate::tr!(
                    "history-level-versions-taken-out",
                    level = label,
                    count = live,
                    taken_out = taken_out
                )
            } else {
                crate::tr!("history-level-versions", level = label, count = live)
            }
        )?;
        let heading = [
            "#".to_owned(),
            crate::tr!("table-action"),
            crate::tr!("table-decision"),
            crate::tr!("table-signed"),
            crate::tr!("table-effective"),
            crate::tr!("history-changes"),
            crate::tr!("table-source"),
        ];
        let mut t = table(&heading.each_ref().map(String::as_str));
        for r in same_level {
            let mut action = action_word(r.action);
            if let Some(old) = &r.replaces {
                action = crate::tr!("table-replaces", action = action, old = old.as_str());
            }
            if let Some(new) = &r.replaced_by {
                action = crate::tr!("history-replaced-by", action = action, new = new.as_str());
            }
            if let Some(to) = r.moved_to {
                action = crate::tr!(
                    "history-moved-to",
                    action = action,
                    level = level_text(to).to_lowercase()
                );
            }
            if let Some(from) = r.moved_from {
                action = crate::tr!(
                    "history-moved-from",
                    action = action,
                    level = level_text(from).to_lowercase()
                );
            }
            if let Some(c) = &r.retracted {
                action = format!("{action}\n({})", c.describe("retracted"));
            }
            let changes = if r.retracted.is_some() {
                crate::tr!("history-taken-out")
            } else if r.in_force {
                r.changed
                    .iter()
                    .map(|f| format!("{}: {}", field_word(f), value(r, f)))
                    .collect::<Vec<_>>()
                    .join("\n")
            } else {
                crate::tr!("history-not-in-force")
            };
            t.add_row([
                r.version.map_or_else(|| "-".to_owned(), |n| n.to_string()),
                action,
                r.decision.number.clone(),
                r.decision.signed.clone(),
                r.effective.clone(),
                changes,
                source(r),
            ]);
        }
        writeln!(out, "{t}")?;
    }
    Ok(())
}

/// "qd-160.docx:42", and for a decision read as published where the row's
/// facts came from; for a row a correction put in, the correction.
fn source(r: &VersionRecord) -> String {
    let at = format!("{}:{}", r.file, r.line);
    let at = match &r.corrected {
        Some(c) => format!("{at}\n({})", c.describe("corrected")),
        None => at,
    };
    let at = match &r.position {
        Some(p) => format!("{at} ({})", p.text),
        None => at,
    };
    match &r.provenance {
        Some(p) => format!("{at}\n{}", p.describe()),
        None => at,
    }
}

fn value<'a>(r: &'a VersionRecord, field: &str) -> &'a str {
    let values = r.details.as_array();
    DETAIL_FIELDS
        .iter()
        .position(|f| *f == field)
        .map_or("", |i| values[i])
}
