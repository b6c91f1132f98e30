//! `tthc reconcile`: the catalog in force against the national procedure
//! database (the latest stored snapshot of its list dated on or before the
//! catalog's date).
//!
//! JSON: `{"as_of", "reference": {"file", "sha256", "as_of", "procedures"},
//! "summary": {"unknown_code", "name_mismatch", "name_of_other_code",
//! "level_mismatch", "missing", "field_mismatch", "agency_mismatch"},
//! "findings": [FINDING, ...]}`, the last two counts null without `--all`. A
//! FINDING is `{"kind", "level", "code", "entry": {"name", "field",
//! "agency", "decision": {"number", "signed"}, "effective"} | null, "reference": {"code", "name",
//! "levels", "field", "agency", "decision", "line"} | null, "similarity",
//! "words": {"catalog", "reference"} | null, "other_codes": [{"code",
//! "name"}]}`. csv: one finding per line, flattened (see [`CSV_HEADER`]).

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use serde::Serialize;

use crate::cli::{Format, ReconcileArgs};
use crate::domain::reconcile::{
    Finding, Kind, Reference, ReferenceProcedure, Settings, Summary, reconcile,
};
use crate::domain::{Day, Point};
use crate::error::Error;
use crate::output::{Sink, as_of_text, code_text, count_text, level_word, table, write_json};
use crate::store::{Snapshot, snapshot_on};

pub(crate) fn run(db: &Path, args: &ReconcileArgs) -> Result<ExitCode, Error> {
    let (format, delimiter) = super::read_format_csv(args.format, &args.csv)?;
    let (store, point) = super::open_at(db, "--as-of", args.as_of.value.as_ref())?;
    let snapshots = store.reference_snapshots()?;
    let Some(snapshot) = snapshot_on(&snapshots, point.day()) else {
        return Err(no_reference(&snapshots, point.day()));
    };
    let reference = Reference::new(store.reference_procedures(snapshot.id)?);
    let catalog = store.catalog_at(&point)?;
    let settings = Settings {
        day: point.day(),
        filter: args.filters.entry_filter(),
        all: args.all,
    };
    let findings = reconcile(&catalog, &reference, &settings);
    let summary = Summary::of(&findings);
    let mut out = Sink::open(None)?;
    match format {
        Format::Json => write_json(
            &mut out,
            &Report {
                as_of: point.day().to_string(),
                after_decision: crate::output::DecisionJson::after(&point),
                reference: ReferenceRecord::new(snapshot),
                summary: SummaryRecord::new(&summary, args.all),
                findings: findings.iter().map(FindingRecord::new).collect(),
            },
        )?,
        Format::Csv => write_csv(&mut out, delimiter, &findings)?,
        Format::Table => write_table(&mut out, &point, snapshot, &findings, &summary, args.all)?,
    }
    out.finish()?;
    if args.exit_code && summary.default_total() > 0 {
        return Ok(ExitCode::from(crate::exit::FAILURE));
    }
    Ok(ExitCode::SUCCESS)
}

/// No snapshot on or before the day: say which there are and what to do.
fn no_reference(snapshots: &[Snapshot], day: Day) -> Error {
    match snapshots.first() {
        None => Error::NotFound(crate::tr!("reconcile-no-list")),
        Some(first) => Error::NotFound(crate::tr!(
            "reconcile-no-list-before",
            day = day.to_string(),
            first = first.as_of.to_string()
        )),
    }
}

#[derive(Debug, Serialize)]
struct Report {
    as_of: String,
    /// The decision the catalog is taken right after (`--as-of NUMBER`).
    #[serde(skip_serializing_if = "Option::is_none")]
    after_decision: Option<crate::output::DecisionJson>,
    reference: ReferenceRecord,
    summary: SummaryRecord,
    findings: Vec<FindingRecord>,
}

#[derive(Debug, Serialize)]
struct ReferenceRecord {
    file: String,
    sha256: String,
    as_of: String,
    procedures: u64,
}

impl ReferenceRecord {
    fn new(s: &Snapshot) -> Self {
        ReferenceRecord {
            file: s.file.clone(),
            sha256: s.sha256.clone(),
            as_of: s.as_of.to_string(),
            procedures: s.procedures,
        }
    }
}

#[derive(Debug, Serialize)]
struct SummaryRecord {
    unknown_code: u64,
    name_mismatch: u64,
    name_of_other_code: u64,
    level_mismatch: u64,
    missing: u64,
    /// Null unless asked for (`--all`).
    field_mismatch: Option<u64>,
    agency_mismatch: Option<u64>,
}

impl SummaryRecord {
    fn new(s: &Summary, all: bool) -> Self {
        SummaryRecord {
            unknown_code: s.count(Kind::UnknownCode),
            name_mismatch: s.count(Kind::NameMismatch),
            name_of_other_code: s.count(Kind::NameOfOtherCode),
            level_mismatch: s.count(Kind::LevelMismatch),
            missing: s.count(Kind::Missing),
            field_mismatch: all.then(|| s.count(Kind::FieldMismatch)),
            agency_mismatch: all.then(|| s.count(Kind::AgencyMismatch)),
        }
    }
}

#[derive(Debug, Serialize)]
struct FindingRecord {
    kind: &'static str,
    level: &'static str,
    /// Empty for an entry published without a code (never compared).
    code: String,
    entry: Option<EntryRecord>,
    reference: Option<ProcedureRecord>,
    /// For names that differ: 0 to 1, two decimals.
    similarity: Option<f64>,
    words: Option<WordsRecord>,
    other_codes: Vec<OtherRecord>,
}

/// The catalog's entry, with the decision of its current version.
#[derive(Debug, Serialize)]
struct EntryRecord {
    name: String,
    field: String,
    agency: String,
    /// The decision of the entry's current version: number and signing date.
    decision: crate::output::DecisionJson,
    effective: String,
}

/// The national list's procedure.
#[derive(Debug, Serialize)]
struct ProcedureRecord {
    code: String,
    name: String,
    levels: String,
    field: String,
    agency: String,
    decision: String,
    /// Its line in the list stored.
    line: u64,
}

impl ProcedureRecord {
    fn new(p: &ReferenceProcedure) -> Self {
        ProcedureRecord {
            code: p.code.to_string(),
            name: p.name.clone(),
            levels: p.levels_text.clone(),
            field: p.field.clone(),
            agency: p.agency.clone(),
            decision: p.decision.clone(),
            line: p.line,
        }
    }
}

/// The words of each name that the other lacks.
#[derive(Debug, Serialize)]
struct WordsRecord {
    catalog: Vec<String>,
    reference: Vec<String>,
}

#[derive(Debug, Serialize)]
struct OtherRecord {
    code: String,
    name: String,
}

impl FindingRecord {
    fn new(f: &Finding<'_>) -> Self {
        FindingRecord {
            kind: f.kind.as_str(),
            level: f.level.as_str(),
            code: f.code.to_string(),
            entry: f.entry.map(|e| EntryRecord {
                name: e.details.name.clone(),
                field: e.details.field.clone(),
                agency: e.details.agency.clone(),
                decision: crate::output::DecisionJson::new(&e.decision, e.signed),
                effective: e.effective.to_string(),
            }),
            reference: f.reference.map(ProcedureRecord::new),
            similarity: f.names.as_ref().map(|n| n.similarity),
            words: f.names.as_ref().map(|n| WordsRecord {
                catalog: n.catalog_words.clone(),
                reference: n.reference_words.clone(),
            }),
            other_codes: f
                .others
                .iter()
                .map(|p| OtherRecord {
                    code: p.code.to_string(),
                    name: p.name.clone(),
                })
                .collect(),
        }
    }
}

/// The csv header: a finding per line, flattened.
const CSV_HEADER: [&str; 17] = [
    "kind",
    "level",
    "code",
    "name",
    "field",
    "agency",
    "decision",
    "effective",
    "reference_name",
    "reference_levels",
    "reference_field",
    "reference_agency",
    "reference_decision",
    "similarity",
    "catalog_words",
    "reference_words",
    "other_codes",
];

fn write_csv(out: &mut impl Write, delimiter: u8, findings: &[Finding<'_>]) -> Result<(), Error> {
    let mut w = crate::output::csv_writer(out, delimiter);
    w.write_record(CSV_HEADER)?;
    for f in findings {
        let e = f.entry;
        let r = f.reference;
        let entry =
            |get: fn(&crate::domain::CatalogEntry) -> String| e.map(get).unwrap_or_default();
        let reference = |get: fn(&ReferenceProcedure) -> &str| r.map_or("", get).to_owned();
        w.write_record([
            f.kind.as_str().to_owned(),
            f.level.as_str().to_owned(),
            f.code.to_string(),
            entry(|e| e.details.name.clone()),
            entry(|e| e.details.field.clone()),
            entry(|e| e.details.agency.clone()),
            entry(|e| e.decision.clone()),
            entry(|e| e.effective.to_string()),
            reference(|p| &p.name),
            reference(|p| &p.levels_text),
            reference(|p| &p.field),
            reference(|p| &p.agency),
            reference(|p| &p.decision),
            f.names
                .as_ref()
                .map(|n| format!("{:.2}", n.similarity))
                .unwrap_or_default(),
            f.names
                .as_ref()
                .map(|n| n.catalog_words.join(" "))
                .unwrap_or_default(),
            f.names
                .as_ref()
                .map(|n| n.reference_words.join(" "))
                .unwrap_or_default(),
            f.others
                .iter()
                .map(|p| p.code.to_string())
                .collect::<Vec<_>>()
                .join(" "),
        ])?;
    }
    w.flush()?;
    Ok(())
}

fn write_table(
    out: &mut impl Write,
    point: &Point,
    snapshot: &Snapshot,
    findings: &[Finding<'_>],
    summary: &Summary,
    all: bool,
) -> Result<(), Error> {
    writeln!(
        out,
        "{}",
        crate::tr!(
            "reconcile-title",
            as_of = as_of_text(point),
            list = snapshot.as_of.date().format("%d/%m/%Y").to_string(),
            file = snapshot.file.as_str(),
            count = snapshot.procedures,
            procedures = count_text(snapshot.procedures)
        )
    )?;
    if !findings.is_empty() {
        let heading = [
            crate::tr!("reconcile-finding"),
            crate::tr!("table-level"),
            crate::tr!("table-code"),
            crate::tr!("reconcile-catalog"),
            crate::tr!("reconcile-national"),
        ];
        let mut t = table(&heading.each_ref().map(String::as_str));
        for f in findings {
            t.add_row([
                finding_word(f.kind),
                level_word(f.level),
                code_text(f.code),
                catalog_cell(f),
                national_cell(f),
            ]);
        }
        writeln!(out, "{t}")?;
    }
    let mut kinds: Vec<Kind> = Kind::DEFAULT.to_vec();
    if all {
        kinds.extend(Kind::INFORMATION);
    }
    let counts: Vec<String> = kinds
        .iter()
        .map(|k| format!("{} {}", finding_word(*k), count_text(summary.count(*k))))
        .collect();
    if kinds.iter().all(|k| summary.count(*k) == 0) {
        writeln!(
            out,
            "{}",
            crate::tr!("reconcile-no-finding", counts = counts.join(", "))
        )?;
    } else {
        writeln!(
            out,
            "{}",
            crate::tr!("reconcile-findings", counts = counts.join(", "))
        )?;
    }
    Ok(())
}

/// The catalog's side of a finding: the name and the decision that set it.
fn catalog_cell(f: &Finding<'_>) -> String {
    let Some(e) = f.entry else {
        return crate::tr!("reconcile-not-in-force");
    };
    let mut cell = e.details.name.clone();
    match f.kind {
        Kind::FieldMismatch => {
            cell = crate::tr!("reconcile-field", value = e.details.field.as_str());
        }
        Kind::AgencyMismatch => {
            cell = crate::tr!("reconcile-agency", value = e.details.agency.as_str());
        }
        _ => {}
    }
    let set_by = crate::tr!(
        "reconcile-set-by",
        decision = e.decision.as_str(),
        effective = e.effective.to_string()
    );
    format!("{cell}\n({set_by})")
}

/// The national side of a finding.
fn national_cell(f: &Finding<'_>) -> String {
    let others = || {
        f.others
            .iter()
            .map(|p| format!("{} {:?}", p.code, p.name))
            .collect::<Vec<_>>()
            .join("; ")
    };
    let Some(p) = f.reference else {
        let mut cell = crate::tr!("reconcile-no-such-code");
        if !f.others.is_empty() {
            cell = format!(
                "{cell}\n{}",
                crate::tr!("reconcile-may-mean", others = others())
            );
        }
        return cell;
    };
    match f.kind {
        Kind::NameMismatch | Kind::NameOfOtherCode => {
            let mut cell = p.name.clone();
            if let Some(n) = &f.names {
                let similarity = crate::tr!(
                    "reconcile-similarity",
                    similarity = format!("{:.2}", n.similarity),
                    catalog = words(&n.catalog_words),
                    national = words(&n.reference_words)
                );
                cell = format!("{cell}\n{similarity}");
            }
            if f.kind == Kind::NameOfOtherCode {
                let other = crate::tr!("reconcile-name-of-other", others = others());
                cell = format!("{cell}\n{other}");
            }
            cell
        }
        Kind::LevelMismatch => format!(
            "{}\n{}",
            p.name,
            crate::tr!("reconcile-levels", levels = p.levels_text.as_str())
        ),
        Kind::Missing => format!(
            "{}\n{} ({})",
            p.name,
            crate::tr!("reconcile-levels", levels = p.levels_text.as_str()),
            p.decision
        ),
        Kind::FieldMismatch => crate::tr!("reconcile-field", value = p.field.as_str()),
        Kind::AgencyMismatch => crate::tr!("reconcile-agency", value = p.agency.as_str()),
        Kind::UnknownCode => p.name.clone(),
    }
}

/// A kind of finding as tables name it: the word of the data in English,
/// a phrase in Vietnamese.
fn finding_word(kind: Kind) -> String {
    match kind {
        Kind::UnknownCode => crate::tr!("reconcile-kind-unknown-code"),
        Kind::NameOfOtherCode => crate::tr!("reconcile-kind-name-of-other-code"),
        Kind::NameMismatch => crate::tr!("reconcile-kind-name-mismatch"),
        Kind::LevelMismatch => crate::tr!("reconcile-kind-level-mismatch"),
        Kind::Missing => crate::tr!("reconcile-kind-missing"),
        Kind::FieldMismatch => crate::tr!("reconcile-kind-field-mismatch"),
        Kind::AgencyMismatch => crate::tr!("reconcile-kind-agency-mismatch"),
    }
}

fn words(words: &[String]) -> String {
    if words.is_empty() {
        "-".to_owned()
    } else {
        words.join(" ")
    }
}
