//! `tthc search TEXT`: entries in force whose name, field or agency match,
//! ignoring case and Vietnamese diacritics.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use serde::Serialize;

use crate::cli::{Format, SearchArgs};
use crate::domain::text::strip_diacritics;
use crate::domain::{CatalogEntry, Point};
use crate::error::Error;
use crate::output::catalog::{self, CSV_HEADER, EntryJson};
use crate::output::{Sink, write_json};

#[derive(Serialize)]
struct SearchJson<'a> {
    as_of: String,
    /// With `--known-at`: the moment (UTC) the catalog is as known at.
    #[serde(skip_serializing_if = "Option::is_none")]
    known_at: Option<&'a str>,
    /// The decision the catalog is taken right after (`--as-of NUMBER`).
    #[serde(skip_serializing_if = "Option::is_none")]
    after_decision: Option<crate::output::DecisionJson>,
    query: &'a str,
    entries: Vec<EntryJson<'a>>,
}

/// The most different words a query may hold: each costs a pass over the
/// index entries of every word of the catalog it starts.
const MAX_WORDS: usize = 32;

pub(crate) fn run(db: &Path, args: &SearchArgs) -> Result<ExitCode, Error> {
    let (format, delimiter) = super::read_format_csv(args.format, &args.csv)?;
    let words = search_words(&args.text);
    if words.len() > MAX_WORDS {
        return Err(Error::Usage(crate::tr!(
            "search-too-many-words",
            max = MAX_WORDS
        )));
    }
    let (mut store, point, known) =
        super::open_at_known(db, "--as-of", args.as_of.value.as_ref(), &args.known_at)?;
    let day = point.day();
    let hits = match store.search(day, &words)? {
        Some(hits) => hits,
        // The index is behind and cannot be written now: the catalog itself
        // is matched, as the index would match it.
        None => store
            .catalog_at(&Point::Day(day))?
            .into_iter()
            .filter(|e| matches_words(e, &words))
            .collect(),
    };
    // After a decision, the few entries changed later that day are taken as
    // they stood; those are matched here the way the index matches words.
    // So are the entries whose history was known otherwise at --known-at.
    let entries = store.narrow_to(&point, hits, |e| matches_words(e, &words))?;
    let entries = store.as_known_at(&point, &known, entries, |e| matches_words(e, &words))?;
    let entries = args.filters.entry_filter().apply(entries);
    let known_at = args.known_at.moment.as_ref().map(|m| m.utc.as_str());
    let mut out = Sink::open(None)?;
    match format {
        Format::Json => write_json(
            &mut out,
            &SearchJson {
                as_of: day.to_string(),
                known_at,
                after_decision: crate::output::DecisionJson::after(&point),
                query: &args.text,
                entries: entries.iter().map(EntryJson::new).collect(),
            },
        )?,
        Format::Csv => catalog::write_csv(&mut out, &CSV_HEADER, delimiter, &entries)?,
        Format::Table => write_table(&mut out, &entries)?,
    }
    out.finish()?;
    if entries.is_empty() {
        eprintln!(
            "tthc: {}",
            crate::tr!(
                "search-no-match",
                day = day.to_string(),
                query = format!("{:?}", shortened(&args.text))
            )
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// The words of a query, folded like the index: lower case, no diacritics.
/// A word given twice, or one that starts another word of the query (which
/// every entry matching the longer one matches), is asked once.
fn search_words(text: &str) -> Vec<String> {
    let mut words: Vec<String> = strip_diacritics(text)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect();
    // Longest first, so that a word is dropped when a kept one starts with it.
    words.sort_by(|a, b| b.len().cmp(&a.len()).then_with(|| a.cmp(b)));
    words.dedup();
    let mut kept: Vec<String> = Vec::new();
    for word in words {
        if !kept.iter().any(|k| k.starts_with(word.as_str())) {
            kept.push(word);
            // One more than a search takes is enough to refuse it.
            if kept.len() > MAX_WORDS {
                break;
            }
        }
    }
    kept
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
    let rows = entries
        .iter()
        .map(|e| (crate::output::level_word(e.level), e));
    let level = crate::tr!("table-level");
    writeln!(out, "{}", catalog::entry_table(&level, rows))?;
    Ok(())
}

/// A query as messages show it: its first 200 characters.
fn shortened(text: &str) -> String {
    const SHOWN: usize = 200;
    match text.char_indices().nth(SHOWN) {
        Some((end, _)) => format!("{}…", &text[..end]),
        None => text.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repeated_words_and_words_that_start_others_are_asked_once() {
        assert_eq!(search_words("Chứng thực chung"), ["chung", "thuc"]);
        assert_eq!(search_words(&"d da dan dang ".repeat(5000)), ["dang"]);
        assert_eq!(search_words("ho tich ho"), ["tich", "ho"]);
        let many: Vec<String> = (0..1000).map(|i| format!("w{i:04}")).collect();
        assert_eq!(search_words(&many.join(" ")).len(), MAX_WORDS + 1);
    }

    #[test]
    fn long_queries_are_shortened_in_messages() {
        assert_eq!(shortened("ngắn"), "ngắn");
        let long = "đ".repeat(500);
        assert_eq!(shortened(&long).chars().count(), 201);
    }
}
