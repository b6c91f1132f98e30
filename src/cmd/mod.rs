//! One module per command.

pub(crate) mod completions;
pub(crate) mod config;
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
pub(crate) mod retract;
pub(crate) mod search;
pub(crate) mod show;
pub(crate) mod upcoming;
pub(crate) mod verify;

use std::path::Path;

use std::fmt::Write as _;

use serde::Serialize;

use crate::cli::{KnownAt, ReadOptions};
use crate::domain::correction::Knowledge;
use crate::domain::point::{DecisionRef, leading_serial};
use crate::domain::text::clean;
use crate::domain::{Day, DecisionPoint, NamedPoint, Point};
use crate::error::Error;
use crate::input::Defaults;
use crate::store::{Known, OpenMode, Store};

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

/// The format of a read command and its csv field separator: --delimiter
/// asks for csv when no --format is given, and is a usage error with
/// another format.
pub(crate) fn read_format_csv(
    asked: Option<crate::cli::Format>,
    csv: &crate::cli::CsvArgs,
) -> Result<(crate::cli::Format, u8), Error> {
    use crate::cli::Format;
    let Some(delimiter) = csv.delimiter else {
        return Ok((read_format(asked), b','));
    };
    match asked.unwrap_or(Format::Csv) {
        Format::Csv => Ok((Format::Csv, delimiter.0)),
        other => Err(Error::Usage(crate::tr!(
            "delimiter-not-csv",
            format = match other {
                Format::Table => "table",
                Format::Json => "json",
                Format::Csv => "csv",
            }
        ))),
    }
}

/// Opens the catalog for reading; it must exist. Everything the command
/// reads comes from one snapshot of it.
pub(crate) fn open_existing(db: &Path) -> Result<Store, Error> {
    let store = Store::open(db, OpenMode::Existing)?;
    store.read_snapshot()?;
    Ok(store)
}

/// Prints a warning on standard error: "tthc: warning: ...", in the run's
/// language.
pub(crate) fn warn(message: &str) {
    eprintln!(
        "tthc: {}",
        crate::tr!("commands-warning", message = message)
    );
}

/// The point after the stored decision a reference names; `dates` when a
/// date could have been given instead (for messages).
fn resolve(
    store: &Store,
    what: &str,
    raw: &str,
    reference: &DecisionRef,
    dates: bool,
) -> Result<Point, Error> {
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
    let quoted = format!("{raw:?}");
    let mut message = if found.is_empty() {
        let mut m = if dates {
            crate::tr!(
                "commands-neither-date-nor-decision",
                what = what,
                raw = quoted
            )
        } else {
            crate::tr!("commands-not-a-decision", what = what, raw = quoted)
        };
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
            let _ = write!(m, "; {}", crate::tr!("commands-decisions-lists"));
        } else {
            let _ = write!(m, "; {}", crate::tr!("commands-similar-decisions"));
        }
        m
    } else {
        crate::tr!(
            "commands-ambiguous-decision",
            what = what,
            raw = quoted,
            count = found.len()
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
        NamedPoint::Decision { reference, text } => resolve(store, what, text, reference, true),
    }
}

/// The stored decision a reference names (`what` names the argument in
/// messages); an unknown or ambiguous reference is a usage error that lists
/// the candidates.
pub(crate) fn stored_decision(
    store: &Store,
    what: &str,
    reference: &DecisionRef,
) -> Result<DecisionPoint, Error> {
    let raw = match reference.signed {
        Some(signed) => format!("{}@{signed}", reference.number),
        None => reference.number.clone(),
    };
    match resolve(store, what, &raw, reference, false)? {
        Point::AfterDecision(d) => Ok(d),
        Point::Day(_) => Err(Error::Usage(crate::tr!(
            "commands-not-a-decision",
            what = what,
            raw = format!("{raw:?}")
        ))),
    }
}

/// What a retraction or a correction did (or, in a dry run, would do), as
/// its summary shows it.
#[derive(Debug, Serialize)]
pub(crate) struct CorrectionSummary {
    pub(crate) dry_run: bool,
    /// The decision corrected: number and signing date.
    pub(crate) decision: crate::output::DecisionJson,
    /// `retracted` or `corrected`.
    pub(crate) kind: &'static str,
    pub(crate) reason: String,
    pub(crate) at: String,
    pub(crate) by: String,
    /// The entry changes taken out of the catalog, per action and in all.
    pub(crate) taken_out: ActionCounts,
    pub(crate) changes_taken_out: u64,
    /// The entry changes put in their place.
    pub(crate) changes_put_in: u64,
    /// The effective dates of the rows put in.
    pub(crate) effective: Vec<String>,
    /// The link of the hash chain recorded; empty in a dry run and when nothing changed.
    pub(crate) chain_sha256: String,
    /// The corrected file holds the rows already in force: nothing was done.
    pub(crate) unchanged: bool,
}

impl CorrectionSummary {
    pub(crate) fn new(c: &crate::import::Corrected, dry_run: bool) -> Self {
        CorrectionSummary {
            dry_run,
            decision: crate::output::DecisionJson::new(&c.number, c.signed),
            kind: c.kind.as_str(),
            reason: c.reason.clone(),
            at: c.made_at.clone(),
            by: c.made_by.clone(),
            taken_out: c.taken,
            changes_taken_out: c.taken_changes,
            changes_put_in: c.changes,
            effective: c.effective.iter().map(ToString::to_string).collect(),
            chain_sha256: if dry_run {
                String::new()
            } else {
                c.chain_sha256.clone()
            },
            unchanged: c.unchanged,
        }
    }

    /// The lines of the text summary.
    pub(crate) fn write_text(&self, out: &mut impl std::io::Write) -> std::io::Result<()> {
        let (decision, signed) = (self.decision.number.as_str(), self.decision.signed.as_str());
        if self.unchanged {
            return writeln!(
                out,
                "{}",
                crate::tr!("correct-unchanged", decision = decision, signed = signed)
            );
        }
        let (taken, put) = (self.changes_taken_out, self.changes_put_in);
        let line = match (self.kind, self.dry_run) {
            ("retracted", false) => crate::tr!(
                "retract-done",
                decision = decision,
                signed = signed,
                count = taken
            ),
            ("retracted", true) => crate::tr!(
                "retract-would",
                decision = decision,
                signed = signed,
                count = taken
            ),
            (_, false) => crate::tr!(
                "correct-done",
                decision = decision,
                signed = signed,
                count = taken,
                put = put
            ),
            (_, true) => crate::tr!(
                "correct-would",
                decision = decision,
                signed = signed,
                count = taken,
                put = put
            ),
        };
        writeln!(out, "{line}")?;
        writeln!(
            out,
            "  {}",
            crate::tr!("correct-taken-out", tally = action_tally(&self.taken_out))
        )?;
        writeln!(
            out,
            "  {}",
            crate::tr!("correct-reason", reason = self.reason.as_str())
        )?;
        if self.dry_run {
            writeln!(
                out,
                "  {}",
                crate::tr!("correct-by-dry-run", by = self.by.as_str())
            )
        } else {
            writeln!(
                out,
                "  {}",
                crate::tr!(
                    "correct-recorded",
                    at = self.at.as_str(),
                    by = self.by.as_str(),
                    chain = self.chain_sha256.as_str()
                )
            )
        }
    }
}

/// The store as known at `--known-at` (everything recorded, without it).
pub(crate) fn known(store: &Store, known_at: &KnownAt) -> Result<Known, Error> {
    let knowledge = match &known_at.moment {
        None => Knowledge::ALL,
        Some(moment) => store.knowledge_at(moment)?,
    };
    Ok(store.known(knowledge)?)
}

/// Opens the catalog and resolves a version of it (as [`open_at`]) as known
/// at `--known-at`: a decision imported after that moment names no version.
pub(crate) fn open_at_known(
    db: &Path,
    what: &str,
    named: Option<&NamedPoint>,
    known_at: &KnownAt,
) -> Result<(Store, Point, Known), Error> {
    let (store, point) = open_at(db, what, named)?;
    let known = known(&store, known_at)?;
    let point = point_known(&store, what, point, &known, known_at)?;
    Ok((store, point, known))
}

/// Opens the catalog and resolves two versions of it (`diff FROM TO`) as
/// known at `--known-at`.
pub(crate) fn open_between_known(
    db: &Path,
    from: &NamedPoint,
    to: &NamedPoint,
    known_at: &KnownAt,
) -> Result<(Store, Point, Point, Known), Error> {
    let (store, from, to) = open_between(db, from, to)?;
    let known = known(&store, known_at)?;
    let from = point_known(&store, "FROM", from, &known, known_at)?;
    let to = point_known(&store, "TO", to, &known, known_at)?;
    Ok((store, from, to, known))
}

/// A point after a decision, as known: the decision must have been
/// imported, and its latest effective date is that of its rows as known.
fn point_known(
    store: &Store,
    what: &str,
    point: Point,
    known: &Known,
    known_at: &KnownAt,
) -> Result<Point, Error> {
    let Point::AfterDecision(mut d) = point else {
        return Ok(point);
    };
    if known.is_now() {
        return Ok(Point::AfterDecision(d));
    }
    if !known.knowledge.knows_decision(d.id) {
        let moment = known_at
            .moment
            .as_ref()
            .map(|m| m.text.as_str())
            .unwrap_or_default();
        return Err(Error::Usage(crate::tr!(
            "commands-imported-after",
            what = what,
            decision = d.reference(),
            moment = moment
        )));
    }
    if let Some(last) = store.edition_effective_last(d.id, known)? {
        d.effective_last = last;
    }
    Ok(Point::AfterDecision(d))
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

/// "added 1, amended 0, replaced 0, repealed 2" in the run's language.
fn action_tally(a: &ActionCounts) -> String {
    crate::tr!(
        "action-tally",
        added = a.added,
        amended = a.amended,
        replaced = a.replaced,
        repealed = a.repealed
    )
}

/// The two summary lines: "  by action: ..." and "  by level:  ...".
pub(crate) fn write_tallies(
    out: &mut impl std::io::Write,
    a: &ActionCounts,
    l: &LevelCounts,
) -> std::io::Result<()> {
    writeln!(
        out,
        "  {}",
        crate::tr!("import-by-action", tally = action_tally(a))
    )?;
    writeln!(
        out,
        "  {}",
        crate::tr!(
            "import-by-level",
            province = l.province,
            district = l.district,
            commune = l.commune
        )
    )
}
