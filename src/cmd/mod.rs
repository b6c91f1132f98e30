//! One module per command.

pub(crate) mod completions;
pub(crate) mod counts;
pub(crate) mod decisions;
pub(crate) mod diff;
pub(crate) mod export;
pub(crate) mod history;
pub(crate) mod import;
pub(crate) mod inspect;
pub(crate) mod man;
pub(crate) mod reconcile;
pub(crate) mod reference;
pub(crate) mod report;
pub(crate) mod search;
pub(crate) mod show;
pub(crate) mod upcoming;
pub(crate) mod verify;

use std::path::Path;

use std::fmt::Write as _;

use crate::cli::ReadOptions;
use crate::domain::point::{DecisionRef, leading_serial};
use crate::domain::text::clean;
use crate::domain::{Day, DecisionPoint, NamedPoint, Point};
use crate::error::Error;
use crate::input::Defaults;
use crate::store::{OpenMode, Store};

/// The format of a read command: the one asked for, else a table on a
/// terminal and csv when standard output is a pipe or a file.
pub(crate) fn read_format(asked: Option<crate::cli::Format>) -> crate::cli::Format {
    use std::io::IsTerminal as _;
    asked.unwrap_or(if std::io::stdout().is_terminal() {
        crate::cli::Format::Table
    } else {
        crate::cli::Format::Csv
    })
}

/// Opens the catalog for reading; it must exist. Everything the command
/// reads comes from one snapshot of it.
pub(crate) fn open_existing(db: &Path) -> Result<Store, Error> {
    let store = Store::open(db, OpenMode::Existing)?;
    store.read_snapshot()?;
    Ok(store)
}

fn resolve(store: &Store, what: &str, raw: &str, reference: &DecisionRef) -> Result<Point, Error> {
    let numbered = store.decisions_numbered(&reference.key())?;
    let mut found: Vec<DecisionPoint> = numbered
        .iter()
        .filter(|(key, d)| reference.matches(key, d.signed))
        .map(|(_, d)| d.clone())
        .collect();
    if found.len() == 1
        && let Some(decision) = found.pop()
    {
        return Ok(Point::AfterDecision(decision));
    }
    let mut message = if found.is_empty() {
        let mut m = format!(
            "{what}: {raw:?} is neither a date (YYYY-MM-DD or DD/MM/YYYY) nor a stored decision"
        );
        found = if numbered.is_empty() {
            // Offer the decisions with the same serial number (other years, other spellings).
            let serial = reference.serial();
            if serial.is_empty() {
                Vec::new()
            } else {
                store
                    .decision_points()?
                    .into_iter()
                    .filter(|(key, _)| leading_serial(key) == serial)
                    .map(|(_, d)| d)
                    .collect()
            }
        } else {
            numbered.into_iter().map(|(_, d)| d).collect()
        };
        if found.is_empty() {
            m.push_str("; tthc decisions lists the stored decisions");
        } else {
            let _ = write!(m, "; stored decisions with a similar number:");
        }
        m
    } else {
        format!(
            "{what}: {raw:?} names {} stored decisions; add the signing date as NUMBER@YYYY-MM-DD:",
            found.len()
        )
    };
    for d in &found {
        let _ = write!(message, "\n  {}", d.reference());
    }
    Err(Error::Usage(message))
}

/// Opens the catalog and resolves a version of it named on the command line
/// (`what` names the argument in messages): a date, or a stored decision as
/// `NUMBER` (when one stored decision has that number) or `NUMBER@YYYY-MM-DD`
/// (its signing date). None means today. An unknown or ambiguous decision is
/// a usage error that lists the candidates.
pub(crate) fn open_at(
    db: &Path,
    what: &str,
    named: Option<&NamedPoint>,
) -> Result<(Store, Point), Error> {
    let store = open_existing(db)?;
    let point = match named {
        None => Point::Day(Day::today()),
        Some(named) => point(&store, what, named)?,
    };
    Ok((store, point))
}

/// Opens the catalog and resolves two versions of it (`diff FROM TO`).
pub(crate) fn open_between(
    db: &Path,
    from: &NamedPoint,
    to: &NamedPoint,
) -> Result<(Store, Point, Point), Error> {
    let store = open_existing(db)?;
    let from = point(&store, "FROM", from)?;
    let to = point(&store, "TO", to)?;
    Ok((store, from, to))
}

/// The point a date or a stored decision names.
fn point(store: &Store, what: &str, named: &NamedPoint) -> Result<Point, Error> {
    match named {
        NamedPoint::Day(day) => Ok(Point::Day(*day)),
        NamedPoint::Decision { reference, text } => resolve(store, what, text, reference),
    }
}

/// How the command line says to read decision files (import and inspect
/// take the same options).
pub(crate) fn read_defaults(read: &ReadOptions) -> Defaults {
    Defaults {
        decision: read
            .decision
            .as_deref()
            .map(clean)
            .filter(|d| !d.is_empty()),
        signed: read.signed.as_ref().map(|d| d.value),
        effective: read.effective.as_ref().map(|d| d.value),
        levels: read.levels,
        sheet: read.sheet.clone(),
        encoding: read.encoding,
        action: read.action,
        level: read.level,
        field: read.field.as_deref().map(clean).filter(|f| !f.is_empty()),
    }
}

pub(crate) use crate::domain::tally::{ActionCounts, LevelCounts};

/// The flags that stand in for what a decision as published does not state.
pub(crate) fn fallbacks(d: &Defaults) -> crate::input::published::Fallbacks {
    crate::input::published::Fallbacks {
        decision: d.decision.clone(),
        signed: d.signed,
        effective: d.effective,
        action: d.action,
        levels: d.level,
        field: d.field.clone(),
    }
}

/// The two summary lines: "  by action: ..." and "  by level:  ...".
pub(crate) fn write_tallies(
    out: &mut impl std::io::Write,
    a: &ActionCounts,
    l: &LevelCounts,
) -> std::io::Result<()> {
    writeln!(
        out,
        "  by action: added {}, amended {}, replaced {}, repealed {}",
        a.added, a.amended, a.replaced, a.repealed
    )?;
    writeln!(
        out,
        "  by level:  province {}, district {}, commune {}",
        l.province, l.district, l.commune
    )
}
