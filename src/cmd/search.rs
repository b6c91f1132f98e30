//! `tthc search TEXT`: entries in force whose name, field or agency match,
//! ignoring case and Vietnamese diacritics.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use serde::Serialize;

use super::export::EntryRecord;
use crate::cli::{Format, SearchArgs};
use crate::domain::CatalogEntry;
use crate::error::Error;
use crate::output::{Sink, table, write_json};

#[derive(Serialize)]
struct SearchJson<'a> {
    as_of: String,
    query: &'a str,
    entries: Vec<EntryRecord<'a>>,
}

pub(crate) fn run(db: &Path, args: &SearchArgs) -> Result<ExitCode, Error> {
    let day = super::as_of(args.as_of.as_deref())?;
    let store = super::open_existing(db)?;
    let entries = store.search(day, &args.text)?;
    let mut out = Sink::open(None)?;
    match args.format {
        Format::Json => write_json(
            &mut out,
            &SearchJson {
                as_of: day.to_string(),
                query: &args.text,
                entries: entries.iter().map(EntryRecord::new).collect(),
            },
        )?,
        Format::Csv => super::export::write(&mut out, Format::Csv, day, &entries)?,
        Format::Table => write_table(&mut out, &entries)?,
    }
    out.finish()?;
    if entries.is_empty() {
        eprintln!("tthc: no entry in force on {day} matches {:?}", args.text);
    }
    Ok(ExitCode::SUCCESS)
}

fn write_table(out: &mut Sink, entries: &[CatalogEntry]) -> Result<(), Error> {
    let mut t = table(&[
        "Cấp",
        "Mã số",
        "Tên thủ tục hành chính",
        "Lĩnh vực",
        "Cơ quan thực hiện",
    ]);
    for e in entries {
        t.add_row([
            e.level.label_vi().to_owned(),
            e.code.to_string(),
            e.details.name.clone(),
            e.details.field.clone(),
            e.details.agency.clone(),
        ]);
    }
    writeln!(out, "{t}")?;
    Ok(())
}
