//! `tthc reference`: snapshots of the national procedure database, kept
//! beside the catalog. `import` reads and stores one; `list` shows them.
//!
//! `import --format json`: `{"stored", "file", "sha256", "as_of",
//! "procedures", "levels": {"province", "district", "commune", "other_only"},
//! "ignored_columns"}`. `list --format json`: `{"references": [{"as_of",
//! "file", "sha256", "procedures", "imported_at", "imported_by"}]}`; csv has
//! the same keys as its header.

use std::fs::File;
use std::io::{self, Read, Write};
use std::path::Path;
use std::process::ExitCode;

use serde::Serialize;

use crate::cli::{
    Format, ReferenceArgs, ReferenceCommand, ReferenceImportArgs, ReferenceListArgs, SummaryFormat,
};
use crate::domain::reconcile::ReferenceProcedure;
use crate::domain::{Day, Level};
use crate::error::Error;
use crate::input::reference::read_reference;
use crate::input::{Defaults, Problem};
use crate::output::{Sink, count_text, table, write_json};
use crate::store::{NewSnapshot, OpenMode, Snapshot, Store, StoredReference};

pub(crate) fn run(db: &Path, args: &ReferenceArgs) -> Result<ExitCode, Error> {
    match &args.command {
        ReferenceCommand::Import(args) => import(db, args),
        ReferenceCommand::List(args) => list(db, args),
    }
}

/// What `reference import` did.
#[derive(Debug, Serialize)]
struct Imported {
    /// False when the same file was stored before (nothing changed).
    stored: bool,
    file: String,
    sha256: String,
    as_of: String,
    procedures: u64,
    levels: LevelTally,
    ignored_columns: Vec<String>,
}

/// Procedures per catalog level they name, and those that name none
/// (ministry and other agencies only).
#[derive(Debug, Default, Serialize)]
struct LevelTally {
    province: u64,
    district: u64,
    commune: u64,
    other_only: u64,
}

impl LevelTally {
    fn of(procedures: &[ReferenceProcedure]) -> Self {
        let mut tally = LevelTally::default();
        for p in procedures {
            tally.province += u64::from(p.levels.contains(Level::Province));
            tally.district += u64::from(p.levels.contains(Level::District));
            tally.commune += u64::from(p.levels.contains(Level::Commune));
            tally.other_only += u64::from(p.levels.is_empty());
        }
        tally
    }
}

fn import(db: &Path, args: &ReferenceImportArgs) -> Result<ExitCode, Error> {
    let display = if args.file == "-" {
        "<stdin>".to_owned()
    } else {
        args.file.clone()
    };
    let input: Box<dyn Read> = if args.file == "-" {
        Box::new(io::stdin())
    } else {
        match File::open(&args.file) {
            Ok(f) => Box::new(f),
            Err(e) => {
                let problem = Problem::new(
                    &display,
                    0,
                    crate::tr!("import-cannot-open", error = e.to_string()),
                );
                return Err(Error::Rejected(vec![problem]));
            }
        }
    };
    let defaults = Defaults {
        sheet: args.sheet.clone(),
        encoding: args.encoding,
        ..Defaults::default()
    };
    let list = read_reference(&display, input, &defaults).map_err(Error::Rejected)?;
    let levels = LevelTally::of(&list.procedures);
    let mut store = Store::open(db, OpenMode::Create)?;
    let imported_by = ["USER", "USERNAME", "LOGNAME"]
        .iter()
        .find_map(|v| std::env::var(v).ok().filter(|u| !u.is_empty()))
        .unwrap_or_else(|| "unknown".to_owned());
    let stored = store.store_reference(
        &NewSnapshot {
            as_of: args.as_of.unwrap_or_else(Day::today),
            file: &display,
            sha256: &list.sha256,
            imported_at: &chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
            imported_by: &imported_by,
        },
        &list.procedures,
    )?;
    let (new, snapshot) = match stored {
        StoredReference::New(s) => (true, s),
        StoredReference::Existing(s) => (false, s),
    };
    let summary = Imported {
        stored: new,
        file: snapshot.file.clone(),
        sha256: snapshot.sha256.clone(),
        as_of: snapshot.as_of.to_string(),
        procedures: snapshot.procedures,
        levels,
        ignored_columns: list.ignored,
    };
    let mut out = io::stdout().lock();
    match args.format {
        SummaryFormat::Json => write_json(&mut out, &summary)?,
        SummaryFormat::Text => write_imported(&mut out, &summary, &display, args.as_of)?,
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

fn write_imported(
    out: &mut impl Write,
    s: &Imported,
    given: &str,
    asked: Option<Day>,
) -> io::Result<()> {
    let procedures = count_text(s.procedures);
    if s.stored {
        writeln!(
            out,
            "{}",
            crate::tr!(
                "reference-stored",
                file = s.file.as_str(),
                as_of = s.as_of.as_str(),
                count = s.procedures,
                procedures = procedures
            )
        )?;
    } else {
        let message = if given == s.file {
            crate::tr!(
                "reference-already-stored",
                given = given,
                as_of = s.as_of.as_str(),
                count = s.procedures,
                procedures = procedures
            )
        } else {
            crate::tr!(
                "reference-already-stored-as",
                given = given,
                file = s.file.as_str(),
                as_of = s.as_of.as_str(),
                count = s.procedures,
                procedures = procedures
            )
        };
        writeln!(out, "{message}")?;
        if let Some(day) = asked.filter(|d| d.to_string() != s.as_of) {
            writeln!(
                out,
                "  {}",
                crate::tr!("reference-as-of-not-taken", day = day.to_string())
            )?;
        }
    }
    let l = &s.levels;
    writeln!(
        out,
        "  {}",
        crate::tr!(
            "reference-by-level",
            province = count_text(l.province),
            district = count_text(l.district),
            commune = count_text(l.commune),
            other = count_text(l.other_only)
        )
    )?;
    writeln!(out, "  SHA-256: {}", s.sha256)?;
    if !s.ignored_columns.is_empty() {
        writeln!(
            out,
            "{}",
            crate::tr!(
                "import-ignored-columns",
                columns = s.ignored_columns.join(", ")
            )
        )?;
    }
    Ok(())
}

/// A stored snapshot, as `reference list` shows it.
#[derive(Debug, Serialize)]
struct Record {
    as_of: String,
    file: String,
    sha256: String,
    procedures: u64,
    imported_at: String,
    imported_by: String,
}

impl From<Snapshot> for Record {
    fn from(s: Snapshot) -> Self {
        Record {
            as_of: s.as_of.to_string(),
            file: s.file,
            sha256: s.sha256,
            procedures: s.procedures,
            imported_at: s.imported_at,
            imported_by: s.imported_by,
        }
    }
}

#[derive(Debug, Serialize)]
struct Listing<'a> {
    references: &'a [Record],
}

const CSV_HEADER: [&str; 6] = [
    "as_of",
    "file",
    "sha256",
    "procedures",
    "imported_at",
    "imported_by",
];

fn list(db: &Path, args: &ReferenceListArgs) -> Result<ExitCode, Error> {
    let (format, delimiter) = super::read_format_csv(args.format, &args.csv)?;
    let store = super::open_existing(db)?;
    let records: Vec<Record> = store
        .reference_snapshots()?
        .into_iter()
        .map(Record::from)
        .collect();
    let mut out = Sink::open(None)?;
    match format {
        Format::Json => write_json(
            &mut out,
            &Listing {
                references: &records,
            },
        )?,
        Format::Csv => {
            let mut w = csv::WriterBuilder::new()
                .has_headers(false)
                .delimiter(delimiter)
                .from_writer(&mut out);
            w.write_record(CSV_HEADER)?;
            for r in &records {
                w.serialize(r)?;
            }
            w.flush()?;
        }
        Format::Table if records.is_empty() => {
            writeln!(out, "{}", crate::tr!("reference-none"))?;
        }
        Format::Table => {
            let heading = [
                crate::tr!("reference-as-of"),
                crate::tr!("reference-procedures"),
                crate::tr!("table-file"),
                "SHA-256".to_owned(),
                crate::tr!("reference-imported"),
                crate::tr!("decisions-by"),
            ];
            let mut t = table(&heading.each_ref().map(String::as_str));
            for r in &records {
                t.add_row([
                    r.as_of.clone(),
                    count_text(r.procedures),
                    r.file.clone(),
                    r.sha256.chars().take(12).collect(),
                    r.imported_at.clone(),
                    r.imported_by.clone(),
                ]);
            }
            writeln!(out, "{t}")?;
        }
    }
    out.finish()?;
    Ok(ExitCode::SUCCESS)
}
