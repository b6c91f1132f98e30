//! `tthc search TEXT`: entries in force whose name, field or agency match,
//! ignoring case and Vietnamese diacritics.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use serde::Serialize;

use crate::cli::{Format, SearchArgs};
use crate::domain::CatalogEntry;
use crate::domain::text::strip_diacritics;
use crate::error::Error;
use crate::output::catalog::{self, CSV_HEADER, EntryRecord};
use crate::output::{Sink, write_json};

#[derive(Serialize)]
struct SearchJson<'a> {
    as_of: String,
    /// With `--known-at`: the moment (UTC) the catalog is as known at.
    #[serde(skip_serializing_if = "Option::is_none")]
    known_at: Option<&'a str>,
    query: &'a str,
    entries: Vec<EntryRecord<'a>>,
}

pub(crate) fn run(db: &Path, args: &SearchArgs) -> Result<ExitCode, Error> {
    let (mut store, point, known) =
        super::open_at_known(db, "--as-of", args.as_of.value.as_ref(), &args.known_at)?;
    let day = point.day();
    let words = search_words(&args.text);
    let hits = store.search(day, &words)?;
    // After a decision, the few entries changed later that day are taken as
    // they stood; those are matched here the way the index matches words.
    // So are the entries whose history was known otherwise at --known-at.
    let entries = store.narrow_to(&point, hits, |e| matches_words(e, &words))?;
    let entries = store.as_known_at(&point, &known, entries, |e| matches_words(e, &words))?;
    let known_at = args.known_at.moment.as_ref().map(|m| m.utc.as_str());
    let mut out = Sink::open(None)?;
    match args.format {
        Format::Json => write_json(
            &mut out,
            &SearchJson {
                as_of: day.to_string(),
                known_at,
                query: &args.text,
                entries: entries.iter().map(EntryRecord::new).collect(),
            },
        )?,
        Format::Csv => catalog::write_csv(&mut out, &CSV_HEADER, &entries)?,
        Format::Table => write_table(&mut out, &entries)?,
    }
    out.finish()?;
    if entries.is_empty() {
        eprintln!("tthc: no entry in force on {day} matches {:?}", args.text);
    }
    Ok(ExitCode::SUCCESS)
}

/// The words of a query, folded like the index: lower case, no diacritics.
fn search_words(text: &str) -> Vec<String> {
    strip_diacritics(text)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Whether every query word starts a word of the entry's name, field or agency.
fn matches_words(e: &CatalogEntry, words: &[String]) -> bool {
    let text = strip_diacritics(&format!(
        "{} {} {}",
        e.details.name, e.details.field, e.details.agency
    ));
    let tokens: Vec<&str> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    !words.is_empty()
        && words
            .iter()
            .all(|w| tokens.iter().any(|t| t.starts_with(w.as_str())))
}

fn write_table(out: &mut Sink, entries: &[CatalogEntry]) -> Result<(), Error> {
    let rows = entries.iter().map(|e| (e.level.label_vi().to_owned(), e));
    writeln!(out, "{}", catalog::entry_table("Cấp", rows))?;
    Ok(())
}
